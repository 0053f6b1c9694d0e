use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::Form;
use leptos_router::hooks::{use_params_map, use_query_map};

use super::api::{list_accounts, AccountsQuery};
use super::model::{AccountNeeds, AccountSort, AccountsPage};
use crate::components::breadcrumbs::{Breadcrumbs, Crumb};
use crate::components::form::SubmitButton;
use crate::components::pager::Pager;
use crate::components::problem::Problem;
use crate::links::{self, with_query};
use crate::workspace::api::fetch_workspace;
use crate::workspace::WorkspacePanel;

/// The URL of the accounts list (at `base`) for a page, search, filter and sort.
fn list_href(base: &str, page: u32, search: &str, needs: AccountNeeds, sort: AccountSort) -> String {
    let mut params = Vec::new();
    if !search.is_empty() {
        params.push(("q", search.to_string()));
    }
    if needs != AccountNeeds::Any {
        params.push(("needs", needs.as_param().to_string()));
    }
    if sort != AccountSort::Name {
        params.push(("sort", sort.as_param().to_string()));
    }
    if page > 1 {
        params.push(("page", page.to_string()));
    }
    with_query(base, &params)
}

/// A Distributor's Accounts, searchable, sortable and paged, with all of
/// that in the URL: the caller's own Distributor at `/`, any Distributor at
/// `/distributors/:distributor_id` (Platform admin).
#[component]
pub fn Dashboard() -> impl IntoView {
    let params = use_params_map();
    let distributor_id = move || params.read().get("distributor_id").unwrap_or_default();
    let query = use_query_map();
    let page = move || {
        query
            .read()
            .get("page")
            .and_then(|p| p.parse::<u32>().ok())
            .unwrap_or(1)
    };
    let search = move || query.read().get("q").unwrap_or_default();
    let sort = move || AccountSort::from_param(&query.read().get("sort").unwrap_or_default());
    let needs = move || AccountNeeds::from_param(&query.read().get("needs").unwrap_or_default());
    let refresh = move || query.read().get("refresh");
    let accounts = Resource::new(
        move || (distributor_id(), page(), search(), sort(), needs()),
        |(distributor_id, page, search, sort, needs)| {
            list_accounts(AccountsQuery {
                distributor_id,
                page,
                search,
                sort: sort.as_param().to_string(),
                needs: needs.as_param().to_string(),
            })
        },
    );
    let workspace = Resource::new(distributor_id, fetch_workspace);
    view! {
        <Title text="Accounts" />
        <Suspense fallback=|| view! { <p class="loading" role="status">"Loading accounts…"</p> }>
            {move || Suspend::new(async move {
                match (accounts.await, workspace.await) {
                    (Ok(data), Ok(overview)) => {
                        let id = distributor_id();
                        let base = if id.is_empty() { links::staff_home() } else { links::distributor(&id) };
                        view! {
                            <AccountsView data base search=search() sort=sort() needs=needs()>
                                <WorkspacePanel data=overview back=links::staff_home_or(&id) refresh=refresh() />
                            </AccountsView>
                        }
                        .into_any()
                    }
                    (Err(error), _) | (_, Err(error)) => view! { <Problem error /> }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn AccountsView(
    data: AccountsPage,
    base: String,
    search: String,
    sort: AccountSort,
    needs: AccountNeeds,
    children: Children,
) -> impl IntoView {
    let AccountsPage {
        distributor_name,
        rows,
        page,
        total_pages,
        total,
        new_account_href,
        ..
    } = data;
    let mut summary = match (total, search.is_empty()) {
        (1, true) => "1 account".to_string(),
        (n, true) => format!("{n} accounts"),
        (1, false) => format!("1 account matches “{search}”"),
        (n, false) => format!("{n} accounts match “{search}”"),
    };
    if needs != AccountNeeds::Any {
        summary.push_str(&format!(" · {}", needs.label().to_lowercase()));
    }
    let csv_href = list_href(&links::accounts_csv(&base), 1, &search, needs, sort);
    let sort_header = {
        let search = search.clone();
        let base = base.clone();
        move |label: &'static str, asc: AccountSort, desc: AccountSort| {
            let (next, state) = if sort == asc {
                (desc, "ascending")
            } else if sort == desc {
                (asc, "descending")
            } else {
                (asc, "none")
            };
            view! {
                <th scope="col" aria-sort=state>
                    <a href=list_href(&base, 1, &search, needs, next)>{label}</a>
                </th>
            }
        }
    };
    let empty = rows.is_empty();
    let search_for_pager = search.clone();
    let search_value = search.clone();
    view! {
        {if base == "/" {
            view! { <Breadcrumbs crumbs=vec![Crumb::here(distributor_name.clone())] /> }
        } else {
            view! { <Breadcrumbs crumbs=vec![Crumb::link("Distributors", links::distributors()), Crumb::here(distributor_name.clone())] /> }
        }}
        {children()}
        <div class="page-head">
            <h1>"Accounts"</h1>
            <p class="muted" role="status">{summary}</p>
            <a class="button" href=csv_href rel="external" download="">"Download CSV"</a>
            {new_account_href.map(|href| view! { <a class="button primary" href=href>"New account"</a> })}
        </div>
        <Form method="GET" action="">
            <div class="search-bar" role="search">
                <label for="account-search">"Search accounts"</label>
                <input id="account-search" type="search" name="q" value=search_value placeholder="Name, address or AID-…" />
                <label for="account-needs">"Show"</label>
                <select id="account-needs" name="needs">
                    {[AccountNeeds::Any, AccountNeeds::NoManager, AccountNeeds::ManyManagers]
                        .into_iter()
                        .map(|n| {
                            let selected = n == needs;
                            view! { <option value=n.as_param() selected=selected>{n.label()}</option> }
                        })
                        .collect_view()}
                </select>
                {(sort != AccountSort::Name).then(|| view! { <input type="hidden" name="sort" value=sort.as_param() /> })}
                <SubmitButton label="Search" class="button" />
            </div>
        </Form>
        {if empty {
            view! {
                <div class="empty-state">
                    {if search.is_empty() && needs == AccountNeeds::Any {
                        view! { <p>"This distributor has no accounts yet."</p> }.into_any()
                    } else if search.is_empty() {
                        view! { <p>"No account is " {needs.label().to_lowercase()} ". " <a href=base.clone()>"Show all accounts"</a></p> }.into_any()
                    } else {
                        view! { <p>"No account matches “" {search.clone()} "”. " <a href=base.clone()>"Show all accounts"</a></p> }.into_any()
                    }}
                </div>
            }
            .into_any()
        } else {
            view! {
                <div class="table-wrap">
                    <table class="data-table">
                        <caption class="visually-hidden">{format!("Accounts of {distributor_name}, page {page} of {total_pages}")}</caption>
                        <thead>
                            <tr>
                                {sort_header("Account", AccountSort::Name, AccountSort::NameDesc)}
                                {sort_header("Subscribers", AccountSort::Subscribers, AccountSort::SubscribersDesc)}
                                {sort_header("Lines", AccountSort::Lines, AccountSort::LinesDesc)}
                                <th scope="col">"Managers"</th>
                                <th scope="col">"Address"</th>
                            </tr>
                        </thead>
                        <tbody>
                            {rows
                                .into_iter()
                                .map(|row| {
                                    view! {
                                        <tr>
                                            <td data-label="Account">
                                                <div>
                                                    <a href=links::account(&row.id)>{row.name}</a>
                                                    <div class="id-text">{row.id}</div>
                                                </div>
                                            </td>
                                            <td data-label="Subscribers" class="num">{row.subscribers}</td>
                                            <td data-label="Lines" class="num">{row.lines}</td>
                                            <td data-label="Managers" class="num">{row.managers}</td>
                                            <td data-label="Address">{if row.address.is_empty() { "—".to_string() } else { row.address }}</td>
                                        </tr>
                                    }
                                })
                                .collect_view()}
                        </tbody>
                    </table>
                </div>
                <Pager page total_pages href_for=move |p| list_href(&base, p, &search_for_pager, needs, sort) />
            }
            .into_any()
        }}
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn list_urls_keep_only_what_differs_from_the_default() {
        let any = AccountNeeds::Any;
        assert_eq!(list_href("/", 1, "", any, AccountSort::Name), "/");
        assert_eq!(list_href("/", 2, "", any, AccountSort::Name), "/?page=2");
        assert_eq!(
            list_href("/distributors/DID-1", 3, "doe & co", any, AccountSort::SubscribersDesc),
            "/distributors/DID-1?q=doe+%26+co&sort=-subscribers&page=3"
        );
        assert_eq!(
            list_href("/", 1, "", AccountNeeds::NoManager, AccountSort::Name),
            "/?needs=no-manager"
        );
    }
}
