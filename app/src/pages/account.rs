use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_params_map;

use crate::api::fetch_account_detail;
use crate::components::breadcrumbs::{Breadcrumbs, Crumb};
use crate::components::problem::Problem;
use crate::model::AccountDetail;

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
        id,
        name,
        address,
        subscribers,
    } = data;
    view! {
        <Title text=name.clone() />
        <Breadcrumbs crumbs=vec![Crumb::link(distributor_name, "/"), Crumb::here(name.clone())] />
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
        <h2>"Subscribers"</h2>
        {if subscribers.is_empty() {
            view! { <div class="empty-state"><p>"No subscribers in this account yet."</p></div> }.into_any()
        } else {
            view! {
                <div class="table-wrap">
                    <table class="data-table">
                        <thead>
                            <tr>
                                <th scope="col">"Name"</th>
                                <th scope="col">"Role"</th>
                                <th scope="col">"E-mail"</th>
                                <th scope="col">"Numbers"</th>
                            </tr>
                        </thead>
                        <tbody>
                            {subscribers
                                .into_iter()
                                .map(|s| {
                                    view! {
                                        <tr>
                                            <td data-label="Name">
                                                <div>{s.name}<div class="id-text">{s.id}</div></div>
                                            </td>
                                            <td data-label="Role">{s.role}</td>
                                            <td data-label="E-mail">{s.email}</td>
                                            <td data-label="Numbers">{s.numbers.join(", ")}</td>
                                        </tr>
                                    }
                                })
                                .collect_view()}
                        </tbody>
                    </table>
                </div>
            }
            .into_any()
        }}
    }
}
