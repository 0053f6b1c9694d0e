//! One subscription (`/subscriptions/:subscription_id`): what it bills, a
//! package change, and cancellation with what it means said first.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::{use_params_map, use_query_map};

use super::api::{fetch_subscription, CancelSubscription, ChangeSubscriptionPackage};
use super::model::SubscriptionDetail;
use crate::components::breadcrumbs::{Breadcrumbs, Crumb};
use crate::components::form::{field_error, Checkbox, Choice, ConfirmStep, ErrorSummary, SelectField, SubmitButton};
use crate::components::problem::Problem;
use crate::links;

#[component]
pub fn SubscriptionPage() -> impl IntoView {
    let params = use_params_map();
    let query = use_query_map();
    let id = move || params.read().get("subscription_id").unwrap_or_default();
    let notice = move || {
        let q = query.read();
        if q.get("created").is_some() {
            Some("Subscription created: the number is billed on this package from now on.")
        } else if q.get("saved").is_some() {
            Some("Package changed.")
        } else {
            None
        }
    };
    let detail = Resource::new(id, fetch_subscription);
    view! {
        <Suspense fallback=|| view! { <p class="loading" role="status">"Loading subscription…"</p> }>
            {move || Suspend::new(async move {
                match detail.await {
                    Ok(data) => view! { <SubscriptionView data notice=notice() /> }.into_any(),
                    Err(error) => view! { <Problem error /> }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn SubscriptionView(data: SubscriptionDetail, notice: Option<&'static str>) -> impl IntoView {
    let SubscriptionDetail {
        row,
        iccid,
        packages,
        can_change,
    } = data;
    let id = row.id.clone();
    let number = if row.number.is_empty() {
        row.tnid.clone()
    } else {
        row.number.clone()
    };
    view! {
        <Title text=format!("Subscription {id}") />
        <Breadcrumbs crumbs=vec![
            Crumb::link(row.account_name.clone(), links::account(&row.account_id)),
            Crumb::link("Subscriptions", links::subscriptions(&[("account", row.account_id.clone())])),
            Crumb::here(id.clone()),
        ] />
        <div class="page-head">
            <h1>{format!("Subscription for {number}")}</h1>
            <p class="id-text">{id.clone()}</p>
        </div>
        {notice.map(|n| view! { <p class="notice" role="status">{n}</p> })}
        <section class="panel" aria-labelledby="subscription-facts">
            <h2 id="subscription-facts">"What it bills"</h2>
            <dl class="facts">
                <dt>"Number"</dt><dd>{number.clone()} <span class="id-text">{row.tnid.clone()}</span></dd>
                <dt>"Subscriber"</dt><dd><a href=links::member(&row.account_id, &row.subscriber_id)>{row.subscriber_name.clone()}</a></dd>
                <dt>"Package"</dt><dd><a href=links::package("", &row.package_id)>{row.package_name.clone()}</a></dd>
                <dt>"Type"</dt><dd>{row.kind.clone()}</dd>
                <dt>"ICCID"</dt><dd class="id-text">{if iccid.is_empty() { "—".to_string() } else { iccid }}</dd>
            </dl>
        </section>
        {can_change.then(|| view! {
            <ChangePackageForm subscription_id=id.clone() current=row.package_id.clone() packages />
            <CancelForm subscription_id=id.clone() number=number.clone() />
        })}
    }
}

#[component]
fn ChangePackageForm(subscription_id: String, current: String, packages: Vec<(String, String)>) -> impl IntoView {
    let action = ServerAction::<ChangeSubscriptionPackage>::new();
    let error = move || action.value().get().and_then(|r| r.err());
    let choices: Vec<Choice> = packages.into_iter().map(|(id, label)| Choice::new(id, label)).collect();
    view! {
        <section class="panel" aria-labelledby="change-package">
            <h2 id="change-package">"Change package"</h2>
            <ErrorSummary error=Signal::derive(error) fields=&[("package_id", "Package")] />
            <ActionForm action attr:class="stack">
                <input type="hidden" name="subscription_id" value=subscription_id />
                <SelectField id="package_id" label="Package" choices selected=current error=Signal::derive(move || field_error(error(), "package_id")) />
                <SubmitButton label="Change package" busy_label="Changing…" />
            </ActionForm>
        </section>
    }
}

#[component]
fn CancelForm(subscription_id: String, number: String) -> impl IntoView {
    let action = ServerAction::<CancelSubscription>::new();
    let error = move || action.value().get().and_then(|r| r.err());
    view! {
        <section class="panel" aria-labelledby="cancel-subscription">
            <h2 id="cancel-subscription">"Cancel"</h2>
            <ConfirmStep summary="Cancel this subscription…" open=Signal::derive(move || error().is_some())>
                <ErrorSummary error=Signal::derive(error) fields=&[("confirm", "Confirmation")] />
                <ul class="consequences">
                    <li>{format!("The recurring charges for {number} stop.")}</li>
                    <li>"Its ICCID becomes free to use on another subscription."</li>
                    <li>"The number itself stays with its subscriber; it is billed again only once it has a new subscription."</li>
                </ul>
                <ActionForm action attr:class="stack">
                    <input type="hidden" name="subscription_id" value=subscription_id />
                    <Checkbox id="confirm" label="Yes, cancel this subscription" />
                    {move || field_error(error(), "confirm").map(|m| view! { <p class="field-error" id="confirm-error">{m}</p> })}
                    <SubmitButton label="Cancel subscription" class="button danger" busy_label="Cancelling…" />
                </ActionForm>
            </ConfirmStep>
        </section>
    }
}
