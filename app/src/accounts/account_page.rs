//! One Account's page: its address and subscribers; for account roles the
//! family overview; for staff who may, the "view as" form.

use leptos::prelude::*;
use leptos::server_fn::ServerFn;
use leptos_meta::Title;
use leptos_router::hooks::use_params_map;

use super::api::fetch_account_detail;
use super::family::FamilySection;
use super::model::AccountDetail;
use crate::components::breadcrumbs::{Breadcrumbs, Crumb};
use crate::components::form::SubmitButton;
use crate::components::problem::Problem;
use crate::session::api::StartViewAs;

/// One Account: its address and subscribers with their lines.
#[component]
pub fn AccountPage() -> impl IntoView {
    let params = use_params_map();
    let account_id = move || params.read().get("account_id").unwrap_or_default();
    let detail = Resource::new(account_id, fetch_account_detail);
    view! {
        <Suspense fallback=|| view! { <p class="loading" role="status">"Loading account…"</p> }>
            {move || Suspend::new(async move {
                match detail.await {
                    Ok(data) => view! { <AccountView data /> }.into_any(),
                    Err(error) => view! { <Problem error /> }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn AccountView(data: AccountDetail) -> impl IntoView {
    let AccountDetail {
        distributor_name,
        distributor_href,
        can_view_as,
        id,
        name,
        address,
        subscribers,
    } = data;
    let id_for_view_as = id.clone();
    let id_for_family = id.clone();
    view! {
        <Title text=name.clone() />
        <Breadcrumbs crumbs=vec![
            match distributor_href {
                Some(href) => Crumb::link(distributor_name, href),
                None => Crumb::here_parent(distributor_name),
            },
            Crumb::here(name.clone()),
        ] />
        <div class="page-head">
            <h1>{name}</h1>
            <p class="muted"><span class="id-text">{id}</span></p>
        </div>
        <dl class="facts">
            <dt>"Address"</dt>
            <dd>{if address.is_empty() { "—".to_string() } else { address }}</dd>
            <dt>"Subscribers"</dt>
            <dd>{subscribers.len()}</dd>
        </dl>
        {can_view_as.then(|| view! { <ViewAsForm account_id=id_for_view_as.clone() /> })}
        <FamilySection account_id=id_for_family />
    }
}

/// Opens this Account's Manager portal read-only, after saying why (audited;
/// expires). A plain form post: the session changes, the page reloads.
#[component]
fn ViewAsForm(account_id: String) -> impl IntoView {
    let action = ServerAction::<StartViewAs>::new();
    let error = move || action.value().get().and_then(|r| r.err());
    view! {
        <details class="view-as">
            <summary>"View as this account's Manager…"</summary>
            <form method="post" action=StartViewAs::PATH class="stack">
                <input type="hidden" name="account_id" value=account_id />
                <div class="field">
                    <label for="view-as-reason">"Reason (recorded in the audit log)"</label>
                    <textarea
                        id="view-as-reason"
                        name="reason"
                        required
                        rows="2"
                        aria-invalid=move || error().and_then(|e| e.field_message("reason")).map(|_| "true")
                        aria-describedby="view-as-reason-error"
                    ></textarea>
                    {move || error().map(|e| view! { <p class="field-error" id="view-as-reason-error">{e.to_string()}</p> })}
                </div>
                <p class="hint">"Read-only, for 30 minutes. A banner shows on every page until you stop."</p>
                <SubmitButton label="Start viewing" class="button" />
            </form>
        </details>
    }
}
