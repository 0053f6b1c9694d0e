//! One Account's page: its address and subscribers; for account roles the
//! family overview; for staff who may, the "view as" form.

use leptos::prelude::*;
use leptos::server_fn::ServerFn;
use leptos_meta::Title;
use leptos_router::hooks::{use_params_map, use_query_map};

use super::api::fetch_account_detail;
use super::family::FamilySection;
use super::model::AccountDetail;
use crate::components::breadcrumbs::{Breadcrumbs, Crumb};
use crate::components::copy::CopyableId;
use crate::components::form::SubmitButton;
use crate::components::problem::Problem;
use crate::links;
use crate::session::api::StartViewAs;

/// One Account: its address and subscribers with their lines.
#[component]
pub fn AccountPage() -> impl IntoView {
    let params = use_params_map();
    let account_id = move || params.read().get("account_id").unwrap_or_default();
    let query = use_query_map();
    let saved = move || query.read().get("saved");
    let detail = Resource::new(account_id, fetch_account_detail);
    view! {
        <Suspense fallback=|| view! { <p class="loading" role="status">"Loading account…"</p> }>
            {move || Suspend::new(async move {
                match detail.await {
                    Ok(data) => view! { <AccountView data saved=saved() /> }.into_any(),
                    Err(error) => view! { <Problem error /> }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn AccountView(data: AccountDetail, saved: Option<String>) -> impl IntoView {
    let AccountDetail {
        distributor_name,
        distributor_href,
        can_view_as,
        can_view_routes,
        can_view_onboarding,
        can_edit,
        id,
        name,
        address,
        subscribers,
        lines,
        freshness,
    } = data;
    // A flag, not words from the address: a crafted link cannot put text here.
    let notice = saved.and_then(|s| match s.as_str() {
        "created" => Some("Account created. Add its Manager and members below, or from Users."),
        "updated" => Some("Changes saved."),
        _ => None,
    });
    let edit_href = links::edit_account(&id);
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
            <p class="muted">"Account ID "<CopyableId id=id.clone() /></p>
            {can_edit.then(|| view! { <a class="button" href=edit_href.clone()>"Edit account"</a> })}
        </div>
        {notice.map(|n| view! { <p class="notice" role="status">{n}</p> })}
        {freshness.map(|f| view! { <p class="muted as-of">{format!("Counts {}", f.as_of_words())}</p> })}
        <dl class="facts">
            <dt>"Billing address"</dt>
            <dd>{if address.is_empty() { "—".to_string() } else { address }}</dd>
            <dt>"Subscribers"</dt>
            <dd>{subscribers.len()}</dd>
            {lines.map(|n| view! { <dt>"Lines"</dt><dd>{n}</dd> })}
        </dl>
        <nav class="filter-links" aria-label="This account">
            <ul>
                <li><a href=links::numbers(&id)>"Numbers"</a></li>
                <li><a href=links::with_query("/porting", &[("show", "all".to_string()), ("account", id.clone())])>"Port-ins"</a></li>
                <li><a href=links::subscriptions(&[("account", id.clone())])>"Subscriptions"</a></li>
                {can_view_routes.then(|| view! { <li><a href=links::routes(&id)>"Routes"</a></li> })}
                {can_view_onboarding.then(|| view! { <li><a href=links::onboarding(&id)>"Onboarding"</a></li> })}
            </ul>
        </nav>
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
