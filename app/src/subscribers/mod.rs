//! Distributor staff's list of every subscriber of their Distributor,
//! across Accounts: search (name, e-mail, number, TSUID-), role filter,
//! sort, paging and CSV export, all in the URL; from the read model.

pub mod api;
pub mod model;
#[cfg(feature = "ssr")]
pub mod service;

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::Form;
use leptos_router::hooks::use_query_map;

use self::api::{list_subscribers, SubscribersQuery};
use self::model::{SubscriberSort, SubscribersPage, ROLE_FILTERS};
use crate::components::breadcrumbs::{Breadcrumbs, Crumb};
use crate::components::form::SubmitButton;
use crate::components::pager::Pager;
use crate::components::problem::Problem;
use crate::links::{self, with_query};

/// The list's URL (at `base`: the page or its CSV) for a state.
fn list_href(base: &str, search: &str, role: &str, sort: SubscriberSort, page: u32) -> String {
    let mut params = vec![("q", search.to_string()), ("role", role.to_string())];
    if sort != SubscriberSort::Name {
        params.push(("sort", sort.as_param().to_string()));
    }
    if page > 1 {
        params.push(("page", page.to_string()));
    }
    with_query(base, &params)
}

#[component]
pub fn SubscribersListPage() -> impl IntoView {
    let query = use_query_map();
    let state = move || {
        let q = query.read();
        SubscribersQuery {
            search: q.get("q").unwrap_or_default(),
            role: q.get("role").unwrap_or_default(),
            sort: q.get("sort").unwrap_or_default(),
            page: q.get("page").and_then(|p| p.parse().ok()).unwrap_or(1),
        }
    };
    let list = Resource::new(state, list_subscribers);
    view! {
        <Title text="Subscribers" />
        <Suspense fallback=|| view! { <p class="loading" role="status">"Loading subscribers…"</p> }>
            {move || Suspend::new(async move {
                match list.await {
                    Ok(data) => view! { <SubscribersView data query=state() /> }.into_any(),
                    Err(error) => view! { <Problem error /> }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn SubscribersView(data: SubscribersPage, query: SubscribersQuery) -> impl IntoView {
    let SubscribersPage {
        distributor_name,
        rows,
        page,
        total_pages,
        total,
        freshness,
    } = data;
    let SubscribersQuery { search, role, sort, .. } = query;
    let sort = SubscriberSort::from_param(&sort);
    let summary = match (total, search.is_empty()) {
        (1, true) => "1 subscriber".to_string(),
        (n, true) => format!("{n} subscribers"),
        (1, false) => format!("1 subscriber matches “{search}”"),
        (n, false) => format!("{n} subscribers match “{search}”"),
    };
    let base = links::subscribers();
    let csv_href = list_href(&links::subscribers_csv(), &search, &role, sort, 1);
    let header = {
        let (search, role, base) = (search.clone(), role.clone(), base.clone());
        move |label: &'static str, asc: SubscriberSort, desc: SubscriberSort| {
            let (next, state) = if sort == asc {
                (desc, "ascending")
            } else if sort == desc {
                (asc, "descending")
            } else {
                (asc, "none")
            };
            view! {
                <th scope="col" aria-sort=state>
                    <a href=list_href(&base, &search, &role, next, 1)>{label}</a>
                </th>
            }
        }
    };
    let pager_state = (search.clone(), role.clone());
    let empty = rows.is_empty();
    let filtered = !search.is_empty() || !role.is_empty();
    // The search form's children are a closure of their own.
    let (search_value, role_value) = (search.clone(), role.clone());
    view! {
        <Breadcrumbs crumbs=vec![Crumb::link(distributor_name.clone(), links::staff_home()), Crumb::here("Subscribers")] />
        <div class="page-head">
            <h1>"Subscribers"</h1>
            <p class="muted" role="status">{summary} " · " {freshness.as_of_words()}</p>
            <a class="button" href=csv_href rel="external" download="">"Download CSV"</a>
        </div>
        <Form method="GET" action="">
            <div class="search-bar" role="search">
                <label for="subscriber-search">"Search subscribers"</label>
                <input id="subscriber-search" type="search" name="q" value=search_value placeholder="Name, e-mail, number or TSUID-…" />
                <label for="subscriber-role">"Role"</label>
                <select id="subscriber-role" name="role">
                    {ROLE_FILTERS
                        .into_iter()
                        .map(|(value, label)| {
                            let selected = value == role_value.as_str();
                            view! { <option value=value selected=selected>{label}</option> }
                        })
                        .collect_view()}
                </select>
                {(sort != SubscriberSort::Name).then(|| view! { <input type="hidden" name="sort" value=sort.as_param() /> })}
                <SubmitButton label="Search" class="button" />
            </div>
        </Form>
        {if empty {
            view! {
                <div class="empty-state">
                    <p>
                        {if filtered { "No subscriber matches. " } else { "This distributor has no subscribers yet." }}
                        {filtered.then(|| view! { <a href=base.clone()>"Show all subscribers"</a> })}
                    </p>
                </div>
            }
            .into_any()
        } else {
            view! {
                <div class="table-wrap">
                    <table class="data-table">
                        <caption class="visually-hidden">{format!("Subscribers of {distributor_name}, page {page} of {total_pages}")}</caption>
                        <thead>
                            <tr>
                                {header("Name", SubscriberSort::Name, SubscriberSort::NameDesc)}
                                {header("E-mail", SubscriberSort::Email, SubscriberSort::EmailDesc)}
                                <th scope="col">"Role"</th>
                                {header("Account", SubscriberSort::Account, SubscriberSort::AccountDesc)}
                                <th scope="col">"Numbers"</th>
                            </tr>
                        </thead>
                        <tbody>
                            {rows
                                .into_iter()
                                .map(|r| {
                                    let numbers = if r.numbers.is_empty() { "—".to_string() } else { r.numbers.join(", ") };
                                    view! {
                                        <tr>
                                            <td data-label="Name">
                                                <div>
                                                    <a href=links::member(&r.account_id, &r.subscriber_id)>{r.name}</a>
                                                    <div class="id-text">{r.subscriber_id}</div>
                                                </div>
                                            </td>
                                            <td data-label="E-mail">{r.email}</td>
                                            <td data-label="Role">{r.role}</td>
                                            <td data-label="Account"><a href=links::account(&r.account_id)>{r.account_name}</a></td>
                                            <td data-label="Numbers">{numbers}</td>
                                        </tr>
                                    }
                                })
                                .collect_view()}
                        </tbody>
                    </table>
                </div>
                <Pager page total_pages href_for=move |p| list_href(&base, &pager_state.0, &pager_state.1, sort, p) />
            }
            .into_any()
        }}
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn list_urls_hold_the_state() {
        assert_eq!(
            list_href("/subscribers", "", "", SubscriberSort::Name, 1),
            "/subscribers"
        );
        assert_eq!(
            list_href("/subscribers.csv", "jane", "Manager", SubscriberSort::EmailDesc, 2),
            "/subscribers.csv?q=jane&role=Manager&sort=-email&page=2"
        );
    }
}
