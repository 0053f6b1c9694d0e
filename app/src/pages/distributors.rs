//! The Platform admin's view: the Distributors this portal serves.

use leptos::prelude::*;
use leptos_meta::Title;

use crate::api::{fetch_my_lines, list_distributors};
use crate::components::breadcrumbs::{Breadcrumbs, Crumb};
use crate::components::problem::Problem;
use crate::model::{DistributorRow, MyLines};

#[component]
pub fn DistributorsPage() -> impl IntoView {
    let rows = OnceResource::new(list_distributors());
    view! {
        <Title text="Distributors" />
        <Breadcrumbs crumbs=vec![Crumb::here("Distributors")] />
        <div class="page-head">
            <h1>"Distributors"</h1>
            <p class="muted">"API secrets are stored sealed and are never shown."</p>
        </div>
        <Suspense fallback=|| view! { <p class="loading" role="status">"Loading Distributors…"</p> }>
            {move || Suspend::new(async move {
                match rows.await {
                    Ok(rows) if rows.is_empty() => view! {
                        <div class="empty-state"><p>"No Distributors are configured yet."</p></div>
                    }
                    .into_any(),
                    Ok(rows) => view! { <DistributorTable rows /> }.into_any(),
                    Err(error) => view! { <Problem error /> }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn DistributorTable(rows: Vec<DistributorRow>) -> impl IntoView {
    view! {
        <div class="table-wrap">
            <table class="data-table">
                <caption class="visually-hidden">"Distributors"</caption>
                <thead>
                    <tr>
                        <th scope="col">"Distributor"</th>
                        <th scope="col">"API"</th>
                        <th scope="col">"Credential"</th>
                    </tr>
                </thead>
                <tbody>
                    {rows
                        .into_iter()
                        .map(|d| view! {
                            <tr>
                                <td data-label="Distributor">
                                    <div>
                                        <a href=format!("/distributors/{}", d.id)>{d.name}</a>
                                        <div class="id-text">{d.id}</div>
                                    </div>
                                </td>
                                <td data-label="API">{d.api_base_url}</td>
                                <td data-label="Credential">
                                    <div>
                                        <span class="id-text">{d.account_key}</span>
                                        <div>{if d.connected { "Secret stored (sealed)" } else { "No usable secret" }}</div>
                                    </div>
                                </td>
                            </tr>
                        })
                        .collect_view()}
                </tbody>
            </table>
        </div>
    }
}

/// A Subscriber's home: their own lines, read-only.
#[component]
pub fn MyLinesPage() -> impl IntoView {
    let lines = OnceResource::new(fetch_my_lines());
    view! {
        <Title text="My lines" />
        <Suspense fallback=|| view! { <p class="loading" role="status">"Loading your lines…"</p> }>
            {move || Suspend::new(async move {
                match lines.await {
                    Ok(data) => view! { <MyLinesView data /> }.into_any(),
                    Err(error) => view! { <Problem error /> }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn MyLinesView(data: MyLines) -> impl IntoView {
    let MyLines {
        name,
        account_name,
        numbers,
    } = data;
    view! {
        <Breadcrumbs crumbs=vec![Crumb::here_parent(account_name), Crumb::here("My lines")] />
        <div class="page-head">
            <h1>"My lines"</h1>
            <p class="muted">{name}</p>
        </div>
        {if numbers.is_empty() {
            view! { <div class="empty-state"><p>"No lines are assigned to you yet."</p></div> }.into_any()
        } else {
            view! {
                <ul class="line-list">
                    {numbers.into_iter().map(|n| view! { <li class="line">{n}</li> }).collect_view()}
                </ul>
            }
            .into_any()
        }}
    }
}
