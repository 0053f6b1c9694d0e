//! The numbers inventory: every line the caller reaches (a Distributor's
//! staff across its Accounts, an Account's admin or Manager their own, read
//! only), with search, filters on type, capability, product type, status
//! and subscriber, sort, paging and CSV export, all in the URL; from the
//! read model. Lines without a subscriber are flagged as orphans, with a
//! one-step "Assign to…" for those who may give lines.

pub mod api;
pub mod model;
#[cfg(feature = "ssr")]
pub mod selection;
#[cfg(feature = "ssr")]
pub mod service;

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::Form;
use leptos_router::hooks::use_query_map;

use self::api::{list_numbers, AssignOrphan, ChangeSelection, InventoryQuery};
use self::model::{kind_label, status_label, Assignee, BatchResult, InventoryPage, NumberRow, NumberSort, FILTERS};
use crate::components::breadcrumbs::{Breadcrumbs, Crumb};
use crate::components::form::{ErrorSummary, SubmitButton};
use crate::components::pager::Pager;
use crate::components::problem::Problem;
use crate::links::{self, with_query};

/// The list's URL (at `base`: the page or its CSV) for a state.
fn list_href(base: &str, query: &InventoryQuery, sort: NumberSort, page: u32) -> String {
    let mut params = vec![("q", query.search.clone()), ("account", query.account.clone())];
    for filter in FILTERS {
        params.push((filter.param, query.filter(filter.param).to_string()));
    }
    if sort != NumberSort::Number {
        params.push(("sort", sort.as_param().to_string()));
    }
    if page > 1 {
        params.push(("page", page.to_string()));
    }
    with_query(base, &params)
}

/// Where "Assign to…" returns: a page of this list, never anywhere else
/// (the value comes from a form, so it is checked, not trusted).
pub fn links_back(back: Option<&str>) -> String {
    match back {
        Some(b) if (b == "/numbers" || b.starts_with("/numbers?")) && !b.contains("//") && !b.contains('\\') => {
            // Without an earlier notice: the new one is added after it.
            let kept: Vec<&str> = b
                .split_once('?')
                .map(|(_, q)| {
                    q.split('&')
                        .filter(|p| !p.starts_with("assigned=") && !p.starts_with("batch="))
                        .collect()
                })
                .unwrap_or_default();
            if kept.is_empty() {
                "/numbers".into()
            } else {
                format!("/numbers?{}", kept.join("&"))
            }
        }
        _ => "/numbers".into(),
    }
}

#[component]
pub fn NumbersPage() -> impl IntoView {
    let query = use_query_map();
    let state = move || {
        let q = query.read();
        let get = |k: &str| q.get(k).unwrap_or_default();
        InventoryQuery {
            search: get("q"),
            account: get("account"),
            kind: get("kind"),
            capability: get("capability"),
            product: get("product"),
            status: get("status"),
            holder: get("holder"),
            sort: get("sort"),
            page: q.get("page").and_then(|p| p.parse().ok()).unwrap_or(1),
            batch: get("batch"),
        }
    };
    let assigned = move || query.read().get("assigned");
    let list = Resource::new(state, list_numbers);
    view! {
        <Title text="Numbers" />
        <Suspense fallback=|| view! { <p class="loading" role="status">"Loading numbers…"</p> }>
            {move || Suspend::new(async move {
                match list.await {
                    Ok(data) => view! { <NumbersView data query=state() assigned=assigned() /> }.into_any(),
                    Err(error) => view! { <Problem error /> }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn NumbersView(data: InventoryPage, query: InventoryQuery, assigned: Option<String>) -> impl IntoView {
    let InventoryPage {
        scope_name,
        account,
        rows,
        page,
        total_pages,
        total,
        orphans,
        freshness,
        can_assign,
        can_provision,
        assignees,
        can_change,
        today,
        batch,
    } = data;
    let sort = NumberSort::from_param(&query.sort);
    let lines = |n: u32| {
        if n == 1 {
            "1 line".to_string()
        } else {
            format!("{n} lines")
        }
    };
    let mut summary = if query.search.trim().is_empty() {
        lines(total)
    } else {
        format!("{} match “{}”", lines(total), query.search.trim())
    };
    if orphans > 0 {
        summary.push_str(&format!(", {orphans} without a subscriber"));
    }
    let here = list_href("/numbers", &query, sort, page);
    let base = "/numbers".to_string();
    let csv_href = list_href(&links::numbers_csv(), &query, sort, 1);
    let header = {
        let (query, base) = (query.clone(), base.clone());
        move |label: &'static str, asc: NumberSort, desc: NumberSort| {
            let (next, state) = if sort == asc {
                (desc, "ascending")
            } else if sort == desc {
                (asc, "descending")
            } else {
                (asc, "none")
            };
            view! {
                <th scope="col" aria-sort=state>
                    <a href=list_href(&base, &query, next, 1)>{label}</a>
                </th>
            }
        }
    };
    let filtered = !query.search.trim().is_empty() || FILTERS.iter().any(|f| !query.filter(f.param).is_empty());
    let mut crumbs = vec![Crumb::link(scope_name.clone(), links::staff_home())];
    let title = match &account {
        Some((id, name)) => {
            crumbs.push(Crumb::link(name.clone(), links::account(id)));
            crumbs.push(Crumb::here("Numbers"));
            format!("Numbers of {name}")
        }
        None => {
            crumbs.push(Crumb::here("Numbers"));
            "Numbers".to_string()
        }
    };
    let caption = format!("{title}, page {page} of {total_pages}");
    let all_href = links::numbers(&query.account);
    let pager_query = query.clone();
    let empty = rows.is_empty();
    view! {
        <Breadcrumbs crumbs />
        <div class="page-head">
            <h1>{title}</h1>
            <p class="muted" role="status">{summary} " · " {freshness.as_of_words()}</p>
            <a class="button" href=csv_href rel="external" download="">"Download CSV"</a>
            {can_provision.then(|| view! {
                <a class="button primary" href=links::new_number("", &query.account)>"Provision a number"</a>
                <a class="button" href=links::bulk_reserve("", &query.account)>"Reserve several"</a>
            })}
        </div>
        {assigned.map(|msisdn| view! {
            <p class="notice" role="status">{format!("{} now has a subscriber.", telegent::phone::format_for_display(&msisdn))}</p>
        })}
        {batch.map(|b| view! { <BatchResults b /> })}
        <FiltersForm query=query.clone() sort />
        {(can_change && !empty).then(|| view! { <SelectionToolbar today=today.clone() back=here.clone() /> })}
        {if empty {
            view! {
                <div class="empty-state">
                    <p>
                        {if filtered { "No line matches. " } else { "No lines here yet: numbers appear once they are provisioned or ported in." }}
                        {filtered.then(|| view! { <a href=all_href.clone()>"Show all lines"</a> })}
                    </p>
                </div>
            }
            .into_any()
        } else {
            view! {
                <div class="table-wrap">
                    <table class="data-table">
                        <caption class="visually-hidden">{caption}</caption>
                        <thead>
                            <tr>
                                {can_change.then(|| view! { <th scope="col"><span class="visually-hidden">"Select"</span></th> })}
                                {header("Number", NumberSort::Number, NumberSort::NumberDesc)}
                                <th scope="col">"Type"</th>
                                <th scope="col">"Capabilities"</th>
                                <th scope="col">"Product type"</th>
                                {header("Status", NumberSort::Status, NumberSort::StatusDesc)}
                                <th scope="col">"Subscriber"</th>
                                {header("Account", NumberSort::Account, NumberSort::AccountDesc)}
                                <th scope="col">"Routes"</th>
                                <th scope="col">"ICCID"</th>
                            </tr>
                        </thead>
                        <tbody>
                            {rows
                                .into_iter()
                                .map(|r| {
                                    let people = assignees
                                        .iter()
                                        .find(|(a, _)| *a == r.account_id)
                                        .map(|(_, p)| p.clone());
                                    view! { <NumberLine r can_assign can_change people back=here.clone() /> }
                                })
                                .collect_view()}
                        </tbody>
                    </table>
                </div>
                <Pager page total_pages href_for=move |p| list_href(&base, &pager_query, sort, p) />
            }
            .into_any()
        }}
    }
}

/// The search and the filters, posted as a GET so the state stays in the URL.
#[component]
fn FiltersForm(query: InventoryQuery, sort: NumberSort) -> impl IntoView {
    let selects = FILTERS
        .into_iter()
        .map(|filter| {
            let id = format!("numbers-{}", filter.param);
            let current = query.filter(filter.param).to_string();
            view! {
                <label for=id.clone()>{filter.label}</label>
                <select id=id name=filter.param>
                    {filter
                        .choices
                        .iter()
                        .map(|(value, label)| view! { <option value=*value selected=*value == current>{*label}</option> })
                        .collect_view()}
                </select>
            }
        })
        .collect_view();
    view! {
        <Form method="GET" action="">
            <div class="search-bar" role="search">
                <label for="numbers-search">"Search lines"</label>
                <input id="numbers-search" type="search" name="q" value=query.search.clone() placeholder="Number, NID, ICCID, MRID or CRID…" />
                {selects}
                {(!query.account.is_empty()).then(|| view! { <input type="hidden" name="account" value=query.account.clone() /> })}
                {(sort != NumberSort::Number).then(|| view! { <input type="hidden" name="sort" value=sort.as_param() /> })}
                <SubmitButton label="Filter" class="button" />
            </div>
        </Form>
    }
}

#[component]
fn NumberLine(
    r: NumberRow,
    can_assign: bool,
    can_change: bool,
    people: Option<Vec<Assignee>>,
    back: String,
) -> impl IntoView {
    let shown = telegent::phone::format_for_display(&r.msisdn);
    let capabilities = if r.capabilities.is_empty() {
        "—".to_string()
    } else {
        r.capabilities
            .iter()
            .map(|c| match c.as_str() {
                "sms" => "SMS",
                "voice" => "Voice",
                _ => "Data",
            })
            .collect::<Vec<_>>()
            .join(", ")
    };
    let routes = [("MRID", &r.message_route_id), ("CRID", &r.voice_route_id)]
        .into_iter()
        .filter(|(_, id)| !id.is_empty())
        .map(|(_, id)| id.clone())
        .collect::<Vec<_>>();
    let routes = if routes.is_empty() {
        "—".to_string()
    } else {
        routes.join(", ")
    };
    let orphan = r.is_orphan();
    let subscriber = if orphan {
        view! {
            <div>
                <span class="badge orphan">"Orphan"</span>
                {(can_assign && !r.account_id.is_empty()).then(|| view! {
                    <AssignForm account_id=r.account_id.clone() msisdn=r.msisdn.clone() shown=shown.clone() people=people.unwrap_or_default() back />
                })}
            </div>
        }
        .into_any()
    } else {
        let name = if r.subscriber_name.is_empty() {
            r.subscriber_id.clone()
        } else {
            r.subscriber_name.clone()
        };
        view! { <a href=links::member(&r.account_id, &r.subscriber_id)>{name}</a> }.into_any()
    };
    let account = if r.account_id.is_empty() {
        view! { <span class="muted">"—"</span> }.into_any()
    } else {
        let name = if r.account_name.is_empty() {
            r.account_id.clone()
        } else {
            r.account_name.clone()
        };
        view! { <a href=links::account(&r.account_id)>{name}</a> }.into_any()
    };
    let number = if r.account_id.is_empty() {
        view! { <span>{shown.clone()}</span> }.into_any()
    } else {
        view! { <a href=links::line(&r.account_id, &r.msisdn)>{shown.clone()}</a> }.into_any()
    };
    view! {
        <tr>
            {can_change.then(|| {
                let id = format!("select-{}", links::line_segment(&r.msisdn));
                view! {
                    <td data-label="Select">
                        // Tied to the toolbar's form by its id: the row's own
                        // "Assign to…" form sits in another cell.
                        <input type="checkbox" id=id.clone() form="selection" name="numbers[]" value=r.msisdn.clone() />
                        <label for=id class="visually-hidden">{format!("Select {shown}")}</label>
                    </td>
                }
            })}
            <td data-label="Number">
                <div>
                    {number}
                    <div class="id-text">{r.number_id.clone()}</div>
                </div>
            </td>
            <td data-label="Type">{kind_label(&r.classification)}</td>
            <td data-label="Capabilities">{capabilities}</td>
            <td data-label="Product type">{if r.product_type.is_empty() { "—".to_string() } else { r.product_type.clone() }}</td>
            <td data-label="Status">{status_label(&r.status)}</td>
            <td data-label="Subscriber">{subscriber}</td>
            <td data-label="Account">{account}</td>
            <td data-label="Routes"><span class="id-text">{routes}</span></td>
            <td data-label="ICCID"><span class="id-text">{if r.iccid.is_empty() { "—".to_string() } else { r.iccid.clone() }}</span></td>
        </tr>
    }
}

/// Suspend, restore or deactivate the ticked rows, with the date and a
/// confirmation; each line's own checks apply.
#[component]
fn SelectionToolbar(today: String, back: String) -> impl IntoView {
    let action = ServerAction::<ChangeSelection>::new();
    let error = move || action.value().get().and_then(|r| r.err());
    view! {
        <details class="selection-tools" open=move || error().is_some()>
            <summary class="button">"Change the status of ticked lines…"</summary>
            <ErrorSummary error=Signal::derive(error) fields=&[("numbers", "Lines"), ("change", "Change"), ("effective_date", "Effective date"), ("confirm", "Confirmation")] />
            <ActionForm action attr:id="selection" attr:class="stack">
                <input type="hidden" name="back" value=back />
                <p class="hint">"Tick lines in the list below. Suspending keeps a line's number and SIM; deactivating releases both (reactivation is possible for 30 days). A line with a port-out in flight is not suspended or deactivated."</p>
                <div class="field">
                    <label for="selection-change">"Change"</label>
                    <select id="selection-change" name="change">
                        <option value="suspend">"Suspend"</option>
                        <option value="restore">"Restore"</option>
                        <option value="deactivate">"Deactivate"</option>
                    </select>
                </div>
                <div class="field">
                    <label for="selection-date">"Effective date"</label>
                    <input id="selection-date" type="date" name="effective_date" value=today.clone() min=today />
                </div>
                <div class="check">
                    <input type="checkbox" id="selection-confirm" name="confirm" />
                    <label for="selection-confirm">"Yes, change every ticked line"</label>
                </div>
                <SubmitButton label="Apply to ticked lines" class="button danger" busy_label="Sending to Telegent…" pending=action.pending() />
            </ActionForm>
        </details>
    }
}

/// What a selection change did, line by line.
#[component]
fn BatchResults(b: BatchResult) -> impl IntoView {
    let done = b.lines.iter().filter(|(_, ok, _)| *ok).count();
    let total = b.lines.len();
    view! {
        <section class="panel" aria-labelledby="batch-heading">
            <h2 id="batch-heading">{format!("{}: {done} of {total} lines done", match b.change.as_str() { "restore" => "Restore", "deactivate" => "Deactivate", _ => "Suspend" })}</h2>
            <ul class="plain-list">
                {b.lines.into_iter().map(|(msisdn, ok, message)| view! {
                    <li>
                        <strong>{telegent::phone::format_for_display(&msisdn)}</strong>
                        {if ok { " — done: " } else { " — not changed: " }}
                        {message}
                    </li>
                }).collect_view()}
            </ul>
        </section>
    }
}

/// "Assign to…": the Account's people in a menu, and one button.
#[component]
fn AssignForm(account_id: String, msisdn: String, shown: String, people: Vec<Assignee>, back: String) -> impl IntoView {
    if people.is_empty() {
        return view! {
            <p class="muted">
                "No one in this account yet. "
                <a href=links::account(&account_id)>"Add a member"</a>
            </p>
        }
        .into_any();
    }
    let action = ServerAction::<AssignOrphan>::new();
    let error = move || action.value().get().and_then(|r| r.err());
    let id = format!("assign-{}", links::line_segment(&msisdn));
    view! {
        <ActionForm action attr:class="inline-form assign-form">
            <ErrorSummary error=Signal::derive(error) fields=&[] />
            <input type="hidden" name="account_id" value=account_id />
            <input type="hidden" name="msisdn" value=msisdn />
            <input type="hidden" name="back" value=back />
            <label for=id.clone()>{format!("Assign {shown} to")}</label>
            <select id=id name="subscriber_id" required=true>
                <option value="">"Choose a person…"</option>
                {people
                    .into_iter()
                    .map(|p| view! { <option value=p.subscriber_id>{p.name}</option> })
                    .collect_view()}
            </select>
            <SubmitButton label="Assign" busy_label="Assigning…" class="button" pending=action.pending() />
        </ActionForm>
    }
    .into_any()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn list_urls_hold_the_state() {
        let query = InventoryQuery {
            search: "801".into(),
            status: "parked".into(),
            holder: "none".into(),
            account: "AID-1".into(),
            ..InventoryQuery::default()
        };
        assert_eq!(
            list_href("/numbers", &query, NumberSort::StatusDesc, 2),
            "/numbers?q=801&account=AID-1&status=parked&holder=none&sort=-status&page=2"
        );
        assert_eq!(
            list_href("/numbers", &InventoryQuery::default(), NumberSort::Number, 1),
            "/numbers"
        );
    }

    #[test]
    fn assign_returns_only_to_this_list() {
        assert_eq!(
            links_back(Some("/numbers?holder=none&assigned=%2B1801")),
            "/numbers?holder=none"
        );
        assert_eq!(links_back(Some("https://evil.example/numbers")), "/numbers");
        assert_eq!(links_back(Some("//evil.example")), "/numbers");
        assert_eq!(links_back(Some("/numbers?x=//evil")), "/numbers");
        assert_eq!(links_back(None), "/numbers");
    }
}
