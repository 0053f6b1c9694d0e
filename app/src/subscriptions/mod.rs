//! Subscriptions: the billing relationship of a number (one per number).
//! The list across the Distributor or an Account, narrowed per package,
//! subscriber or number (read model); a subscription's page with its
//! package change and cancellation; the new-subscription form.

pub mod api;
pub mod detail_page;
pub mod model;
pub mod new_page;

#[cfg(feature = "ssr")]
pub mod changes;
#[cfg(feature = "ssr")]
pub mod list;
#[cfg(feature = "ssr")]
pub mod service;

pub use detail_page::SubscriptionPage;
pub use new_page::NewSubscriptionPage;

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

use self::api::list_subscriptions;
use self::model::{SubscriptionsPage, SubscriptionsQuery};
use crate::components::breadcrumbs::{Breadcrumbs, Crumb};
use crate::components::pager::Pager;
use crate::components::problem::Problem;
use crate::links::{self, with_query};

fn filters(q: &SubscriptionsQuery) -> Vec<(&'static str, String)> {
    vec![
        ("distributor", q.distributor_id.clone()),
        ("package", q.package.clone()),
        ("subscriber", q.subscriber.clone()),
        ("number", q.number.clone()),
        ("account", q.account.clone()),
    ]
}

#[component]
pub fn SubscriptionsListPage() -> impl IntoView {
    let query = use_query_map();
    let state = move || {
        let q = query.read();
        SubscriptionsQuery {
            distributor_id: q.get("distributor").unwrap_or_default(),
            package: q.get("package").unwrap_or_default(),
            subscriber: q.get("subscriber").unwrap_or_default(),
            number: q.get("number").unwrap_or_default(),
            account: q.get("account").unwrap_or_default(),
            page: q.get("page").and_then(|p| p.parse().ok()).unwrap_or(1),
        }
    };
    let cancelled = move || query.read().get("cancelled");
    let list = Resource::new(state, list_subscriptions);
    view! {
        <Title text="Subscriptions" />
        <Suspense fallback=|| view! { <p class="loading" role="status">"Loading subscriptions…"</p> }>
            {move || Suspend::new(async move {
                match list.await {
                    Ok(data) => view! { <SubscriptionsView data query=state() cancelled=cancelled() /> }.into_any(),
                    Err(error) => view! { <Problem error /> }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn SubscriptionsView(data: SubscriptionsPage, query: SubscriptionsQuery, cancelled: Option<String>) -> impl IntoView {
    let SubscriptionsPage {
        rows,
        total,
        page,
        total_pages,
        narrowed_to,
        distributor_name,
        as_of,
    } = data;
    let summary = match (&narrowed_to, total) {
        (None, 1) => "1 subscription".to_string(),
        (None, n) => format!("{n} subscriptions"),
        (Some(what), 1) => format!("1 subscription of {what}"),
        (Some(what), n) => format!("{n} subscriptions of {what}"),
    };
    let base_filters = filters(&query);
    let narrowed = narrowed_to.is_some();
    let all_href = with_query("/subscriptions", &[("distributor", query.distributor_id.clone())]);
    let empty = rows.is_empty();
    view! {
        <Breadcrumbs crumbs=vec![
            Crumb::link(distributor_name, links::staff_home_or(&query.distributor_id)),
            Crumb::here("Subscriptions"),
        ] />
        <div class="page-head">
            <h1>"Subscriptions"</h1>
            <p class="muted" role="status">{summary} " · " {as_of}</p>
        </div>
        {cancelled.map(|id| view! {
            <p class="notice" role="status">{format!("Subscription {id} cancelled: its recurring charges stop, and its ICCID can be used again.")}</p>
        })}
        {narrowed.then(|| view! { <p><a href=all_href.clone()>"Show every subscription"</a></p> })}
        {if empty {
            view! {
                <div class="empty-state">
                    <p>{if narrowed { "No subscription here." } else { "No subscriptions yet. A subscription bills one number on a package: open a member of an Account to add one." }}</p>
                </div>
            }.into_any()
        } else {
            view! {
                <div class="table-wrap">
                    <table class="data-table">
                        <caption class="visually-hidden">"Subscriptions"</caption>
                        <thead>
                            <tr>
                                <th scope="col">"Subscription"</th>
                                <th scope="col">"Number"</th>
                                <th scope="col">"Subscriber"</th>
                                <th scope="col">"Account"</th>
                                <th scope="col">"Package"</th>
                                <th scope="col">"Type"</th>
                            </tr>
                        </thead>
                        <tbody>
                            {rows.into_iter().map(|r| {
                                let by = |key: &'static str, value: &str| links::subscriptions(&[("distributor", query.distributor_id.clone()), (key, value.to_string())]);
                                view! {
                                    <tr>
                                        <td data-label="Subscription"><a class="id-text" href=links::subscription(&r.id)>{r.id.clone()}</a></td>
                                        <td data-label="Number"><a href=by("number", &r.tnid)>{if r.number.is_empty() { r.tnid.clone() } else { r.number.clone() }}</a></td>
                                        <td data-label="Subscriber"><a href=by("subscriber", &r.subscriber_id)>{if r.subscriber_name.is_empty() { r.subscriber_id.clone() } else { r.subscriber_name.clone() }}</a></td>
                                        <td data-label="Account"><a href=links::account(&r.account_id)>{if r.account_name.is_empty() { r.account_id.clone() } else { r.account_name.clone() }}</a></td>
                                        <td data-label="Package"><a href=by("package", &r.package_id)>{r.package_name.clone()}</a></td>
                                        <td data-label="Type">{r.kind.clone()}</td>
                                    </tr>
                                }
                            }).collect_view()}
                        </tbody>
                    </table>
                </div>
            }.into_any()
        }}
        <Pager page total_pages href_for=move |p| {
            let mut params = base_filters.clone();
            if p > 1 {
                params.push(("page", p.to_string()));
            }
            with_query("/subscriptions", &params)
        } />
    }
}
