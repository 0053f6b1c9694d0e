//! The Account form: a new Account under a Distributor (`/accounts/new`)
//! and an Account's name and addresses (`/accounts/:account_id/edit`).
//! Plain form posts; a refused one comes back filled in, every message at
//! its field. "Same as billing" hides the mailing address with CSS alone.

use leptos::prelude::*;
use leptos::server_fn::ServerFn;
use leptos_meta::Title;
use leptos_router::hooks::{use_params_map, use_query_map};

use super::api::{fetch_account_form, fetch_new_account_form, CreateAccount, UpdateAccount};
use super::model::{AccountForm, AccountFormPage};
use crate::components::breadcrumbs::{Breadcrumbs, Crumb};
use crate::components::form::{field_error, ErrorSummary, Field, SubmitButton};
use crate::components::problem::Problem;
use crate::error::AppError;
use crate::links;

/// Every field of the form, for the error summary (ids are the posted names).
const ACCOUNT_FIELDS: &[(&str, &str)] = &[
    ("name", "Account name"),
    ("admin_email", "Manager's e-mail"),
    ("billing_street1", "Billing street"),
    ("billing_street2", "Billing street, second line"),
    ("billing_city", "Billing city"),
    ("billing_state", "Billing state"),
    ("billing_zip", "Billing postal code"),
    ("billing_country", "Billing country"),
    ("mailing_street1", "Mailing street"),
    ("mailing_street2", "Mailing street, second line"),
    ("mailing_city", "Mailing city"),
    ("mailing_state", "Mailing state"),
    ("mailing_zip", "Mailing postal code"),
    ("mailing_country", "Mailing country"),
];

/// `/accounts/new[?distributor=DID]`.
#[component]
pub fn NewAccountPage() -> impl IntoView {
    let query = use_query_map();
    let distributor = move || query.read().get("distributor").unwrap_or_default();
    let page = Resource::new(distributor, fetch_new_account_form);
    let action = ServerAction::<CreateAccount>::new();
    let error = Signal::derive(move || action.value().get().and_then(|r| r.err()));
    view! {
        <Suspense fallback=|| view! { <p class="loading" role="status">"Loading…"</p> }>
            {move || Suspend::new(async move {
                match page.await {
                    Ok(page) => view! { <AccountFormView page path=CreateAccount::PATH error creating=true /> }.into_any(),
                    Err(error) => view! { <Problem error /> }.into_any(),
                }
            })}
        </Suspense>
    }
}

/// `/accounts/:account_id/edit`.
#[component]
pub fn EditAccountPage() -> impl IntoView {
    let params = use_params_map();
    let account_id = move || params.read().get("account_id").unwrap_or_default();
    let page = Resource::new(account_id, fetch_account_form);
    let action = ServerAction::<UpdateAccount>::new();
    let error = Signal::derive(move || action.value().get().and_then(|r| r.err()));
    view! {
        <Suspense fallback=|| view! { <p class="loading" role="status">"Loading account…"</p> }>
            {move || Suspend::new(async move {
                match page.await {
                    Ok(page) => view! { <AccountFormView page path=UpdateAccount::PATH error creating=false /> }.into_any(),
                    Err(error) => view! { <Problem error /> }.into_any(),
                }
            })}
        </Suspense>
    }
}

/// The form for an Account or, with `distributor`, for a Distributor (the
/// same name and two addresses; no Manager's e-mail).
#[component]
pub(crate) fn AccountFormView(
    page: AccountFormPage,
    path: &'static str,
    error: Signal<Option<AppError>>,
    creating: bool,
    #[prop(optional)] distributor: bool,
) -> impl IntoView {
    let AccountFormPage {
        form,
        distributor_name,
        distributor_href,
        account_name,
    } = page;
    let title = match (&account_name, distributor, creating) {
        (Some(name), _, _) => format!("Edit {name}"),
        (None, true, true) => "New distributor".to_string(),
        (None, true, false) => format!("Edit {distributor_name}"),
        (None, false, _) => "New account".to_string(),
    };
    let mut crumbs = if distributor {
        vec![Crumb::link("Distributors", links::distributors())]
    } else {
        vec![Crumb::link(distributor_name, distributor_href.clone())]
    };
    if distributor && !creating {
        crumbs.push(Crumb::link(form.name.clone(), distributor_href));
    }
    if let Some(name) = account_name {
        crumbs.push(Crumb::link(name, links::account(&form.account_id)));
    }
    crumbs.push(Crumb::here(title.clone()));
    let (name_label, name_hint, id_shown) = if distributor {
        (
            "Distributor name",
            "The carrier's, MVNE's or reseller's name, as Telegent shows it.",
            form.distributor_id.clone(),
        )
    } else {
        (
            "Account name",
            "A family's or a business's name, as staff will search for it.",
            form.account_id.clone(),
        )
    };
    let submit = match (creating, distributor) {
        (true, true) => ("Create distributor", "Creating at Telegent…"),
        (true, false) => ("Create account", "Creating…"),
        (false, _) => ("Save changes", "Saving…"),
    };
    // After a refusal the box is as it was posted (absent when unticked).
    let same_typed = crate::components::typed::typed(path, "mailing_same");
    let refused = error.get_untracked().is_some();
    let mailing_same = if refused {
        same_typed.is_some()
    } else {
        form.mailing_same
    };
    let err = move |field: &'static str| Signal::derive(move || field_error(error.get(), field));
    let f = form.clone();
    view! {
        <Title text=title.clone() />
        <Breadcrumbs crumbs />
        <div class="page-head">
            <h1>{title}</h1>
            {(!creating).then(|| view! { <p class="muted"><span class="id-text">{id_shown}</span></p> })}
        </div>
        <ErrorSummary error fields=ACCOUNT_FIELDS />
        <form method="post" action=path class="stack account-form">
            <input type="hidden" name="account_id" value=form.account_id.clone() />
            <input type="hidden" name="distributor_id" value=form.distributor_id.clone() />
            <Field id="name" label=name_label autocomplete="organization" value=f.name.clone() required=true
                remember=path hint=name_hint
                error=err("name") />
            {(creating && !distributor).then(|| view! {
                <Field id="admin_email" label="Manager's e-mail" kind="email" autocomplete="off" required=true
                    remember=path hint="Telegent's contact for this account. Add the Manager as a member afterwards."
                    error=err("admin_email") />
            })}
            <fieldset class="address">
                <legend>"Billing address"</legend>
                <AddressFields prefix="billing" path form=f.clone() error />
            </fieldset>
            <div class="check">
                <input type="checkbox" id="mailing_same" name="mailing_same" checked=mailing_same />
                <label for="mailing_same">"Mailing address is the same as billing"</label>
            </div>
            <fieldset class="address mailing-fields">
                <legend>"Mailing address"</legend>
                <AddressFields prefix="mailing" path form=f error />
            </fieldset>
            <SubmitButton label=submit.0 busy_label=submit.1 />
        </form>
    }
}

/// The six parts of one address; ids are `{prefix}_street1` … `{prefix}_country`.
#[component]
fn AddressFields(
    prefix: &'static str,
    path: &'static str,
    form: AccountForm,
    error: Signal<Option<AppError>>,
) -> impl IntoView {
    let billing = prefix == "billing";
    let ids: [(&'static str, &'static str, &'static str, bool, String); 6] = if billing {
        [
            (
                "billing_street1",
                "Street and number",
                "address-line1",
                true,
                form.billing_street1,
            ),
            (
                "billing_street2",
                "Apartment, suite (optional)",
                "address-line2",
                false,
                form.billing_street2,
            ),
            ("billing_city", "City", "address-level2", true, form.billing_city),
            (
                "billing_state",
                "State or region (optional)",
                "address-level1",
                false,
                form.billing_state,
            ),
            ("billing_zip", "Postal code", "postal-code", true, form.billing_zip),
            ("billing_country", "Country", "country-name", true, form.billing_country),
        ]
    } else {
        [
            (
                "mailing_street1",
                "Street and number",
                "off",
                true,
                form.mailing_street1,
            ),
            (
                "mailing_street2",
                "Apartment, suite (optional)",
                "off",
                false,
                form.mailing_street2,
            ),
            ("mailing_city", "City", "off", true, form.mailing_city),
            (
                "mailing_state",
                "State or region (optional)",
                "off",
                false,
                form.mailing_state,
            ),
            ("mailing_zip", "Postal code", "off", true, form.mailing_zip),
            ("mailing_country", "Country", "off", true, form.mailing_country),
        ]
    };
    ids.into_iter()
        .map(|(id, label, autocomplete, required, value)| {
            // Mailing parts are required only when the box is unticked: the
            // server says so at the field; the browser cannot know.
            let required = required && billing;
            view! {
                <Field id label autocomplete value required remember=path
                    error=Signal::derive(move || field_error(error.get(), id)) />
            }
        })
        .collect_view()
}
