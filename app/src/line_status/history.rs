//! The bottom of a line's page: its device as the network saw it, its
//! subscription, its orders and what was done to it through the portal.

use leptos::prelude::*;

use super::api::fetch_line_history;
use super::model::LineHistory;
use crate::components::form::InlineProblem;
use crate::links;

#[component]
pub fn LineHistorySection(account_id: String, msisdn: String) -> impl IntoView {
    let history = Resource::new(
        move || (account_id.clone(), msisdn.clone()),
        |(a, m)| fetch_line_history(a, m),
    );
    view! {
        <Suspense fallback=|| view! { <p class="loading" role="status">"Loading the line's history…"</p> }>
            {move || Suspend::new(async move {
                match history.await {
                    Ok(h) => view! { <HistoryView h /> }.into_any(),
                    Err(error) => view! { <section class="panel"><h2>"Device and history"</h2><InlineProblem error /></section> }.into_any(),
                }
            })}
        </Suspense>
    }
}

fn or_dash(value: &str) -> String {
    if value.trim().is_empty() {
        "—".into()
    } else {
        value.trim().to_string()
    }
}

#[component]
fn HistoryView(h: LineHistory) -> impl IntoView {
    let LineHistory {
        device,
        device_problem,
        subscription,
        orders,
        audit,
        can_see_audit,
    } = h;
    view! {
        <section class="panel" aria-labelledby="line-device">
            <h2 id="line-device">"Device and plan"</h2>
            {match device {
                Some(d) => view! {
                    <dl class="facts">
                        <dt>"Device"</dt><dd>{or_dash(&d.name)}</dd>
                        <dt>"Model"</dt><dd>{or_dash(&d.model)}</dd>
                        <dt>"IMEI"</dt><dd class="id-text">{or_dash(&d.imei)}</dd>
                        <dt>"TAC"</dt><dd class="id-text">{or_dash(&d.tac)}</dd>
                    </dl>
                }.into_any(),
                None => view! { <p class="muted">{format!("The device could not be read: {device_problem}")}</p> }.into_any(),
            }}
            <h3>"Subscription"</h3>
            {match subscription {
                Some((id, package, active)) => view! {
                    <p>
                        <a href=links::subscription(&id)>{id.clone()}</a>
                        {format!(" · package {package}")}
                        {match active { Some(true) => " · active", Some(false) => " · not active", None => "" }}
                    </p>
                }.into_any(),
                None => view! { <p class="muted">"No subscription bills this line yet."</p> }.into_any(),
            }}
        </section>
        <section class="panel" aria-labelledby="line-orders">
            <h2 id="line-orders">"Orders"</h2>
            {if orders.is_empty() {
                view! { <p class="muted">"No order of this line is known."</p> }.into_any()
            } else {
                view! {
                    <ul class="plain-list">
                        {orders.into_iter().map(|(id, what, status, since)| view! {
                            <li><span class="id-text">{id}</span>{format!(" · {what} · {status} · since {}", since.get(..10).unwrap_or(&since))}</li>
                        }).collect_view()}
                    </ul>
                }.into_any()
            }}
        </section>
        {can_see_audit.then(|| view! {
            <section class="panel" aria-labelledby="line-audit">
                <h2 id="line-audit">"Audit trail"</h2>
                {if audit.is_empty() {
                    view! { <p class="muted">"Nothing was done to this line through the portal yet."</p> }.into_any()
                } else {
                    view! {
                        <div class="table-wrap">
                            <table class="data-table">
                                <caption class="visually-hidden">"What was done to this line, newest first"</caption>
                                <thead><tr><th scope="col">"When"</th><th scope="col">"Who"</th><th scope="col">"What"</th><th scope="col">"Outcome"</th><th scope="col">"Detail"</th></tr></thead>
                                <tbody>
                                    {audit.into_iter().map(|a| view! {
                                        <tr>
                                            <td data-label="When">{a.at.get(..16).unwrap_or(&a.at).replace('T', " ")}</td>
                                            <td data-label="Who">{a.who}</td>
                                            <td data-label="What">{a.action}</td>
                                            <td data-label="Outcome">{a.outcome}</td>
                                            <td data-label="Detail">{or_dash(&a.detail)}</td>
                                        </tr>
                                    }).collect_view()}
                                </tbody>
                            </table>
                        </div>
                        <p><a href=links::audit()>"The whole audit log"</a></p>
                    }.into_any()
                }}
            </section>
        })}
    }
}
