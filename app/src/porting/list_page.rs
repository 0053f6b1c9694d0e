//! The orders page (`/porting`): every port-in of the scope with its status,
//! age, port date and what to do next; the eligibility check that starts a
//! new one. Which ones it shows is in the address (`?show=`).

use leptos::prelude::*;
use leptos::server_fn::ServerFn;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;
use telegent::phone;

use super::api::{list_port_ins, CheckPortInEligibility};
use super::model::{phase_of, PortInsPage, PortInsQuery, PHASES};
use crate::components::breadcrumbs::{Breadcrumbs, Crumb};
use crate::components::form::{field_error, Choice, ErrorSummary, Field, SelectField, SubmitButton};
use crate::components::pager::Pager;
use crate::components::problem::Problem;
use crate::links;

const SHOWS: [(&str, &str); 4] = [
    ("open", "Open"),
    ("drafts", "Drafts"),
    ("ended", "Ended"),
    ("all", "All"),
];

/// The list's address with its state (and `page`).
fn list_href(page: &PortInsPage, show: &str, p: u32) -> String {
    links::with_query(
        "/porting",
        &[
            ("distributor", page.distributor_id.clone()),
            ("show", show.to_string()),
            ("account", page.account.clone()),
            ("q", page.q.clone()),
            (
                "sort",
                if page.sort == "newest" {
                    String::new()
                } else {
                    page.sort.clone()
                },
            ),
            ("page", if p > 1 { p.to_string() } else { String::new() }),
        ],
    )
}

#[component]
pub fn PortInsListPage() -> impl IntoView {
    let query = use_query_map();
    let args = move || {
        let q = query.read();
        let get = |k: &str| q.get(k).unwrap_or_default();
        PortInsQuery {
            distributor_id: get("distributor"),
            show: get("show"),
            account: get("account"),
            q: get("q"),
            sort: get("sort"),
            page: get("page"),
        }
    };
    let page = Resource::new(args, list_port_ins);
    view! {
        <Title text="Port-ins" />
        <Suspense fallback=|| view! { <p class="loading" role="status">"Loading port-ins…"</p> }>
            {move || Suspend::new(async move {
                match page.await {
                    Ok(page) => view! { <PortIns page /> }.into_any(),
                    Err(error) => view! { <Problem error /> }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn PortIns(page: PortInsPage) -> impl IntoView {
    let count = |stage: &str| {
        page.counts
            .iter()
            .filter(|(s, _)| stage == "all" || s == stage.trim_end_matches('s'))
            .map(|(_, n)| n)
            .sum::<i64>()
    };
    let tabs = SHOWS
        .iter()
        .map(|(key, label)| {
            let n = count(key);
            let href = list_href(&page, key, 1);
            let text = format!("{label} ({n})");
            if *key == page.show {
                view! { <li><a href=href aria-current="page"><strong>{text}</strong></a></li> }.into_any()
            } else {
                view! { <li><a href=href>{text}</a></li> }.into_any()
            }
        })
        .collect_view();
    let empty = if !page.q.is_empty() {
        "No port-in matches the search."
    } else {
        match page.show.as_str() {
            "drafts" => "No drafts. A port-in becomes a draft once its number is found eligible.",
            "ended" => "No port-in has ended yet.",
            "all" => "No port-ins yet. Check a number's eligibility below to start one.",
            _ => "No open port-ins. Check a number's eligibility below to start one.",
        }
    };
    let rows = page.rows.clone();
    let csv = links::with_query(
        "/porting.csv",
        &[
            ("distributor", page.distributor_id.clone()),
            ("show", page.show.clone()),
            ("account", page.account.clone()),
            ("q", page.q.clone()),
            ("sort", page.sort.clone()),
        ],
    );
    let for_pager = page.clone();
    let sorts = [
        ("newest", "Newest first"),
        ("oldest", "Oldest first"),
        ("number", "Number"),
    ];
    view! {
        <Breadcrumbs crumbs=vec![Crumb::link(page.distributor_name.clone(), links::staff_home_or(&page.distributor_id)), Crumb::here("Port-ins")] />
        <h1>"Port-ins"</h1>
        <nav aria-label="Which port-ins" class="tabs"><ul class="inline-list">{tabs}</ul></nav>
        <form method="get" action="/porting" class="filters" role="search" aria-label="Search port-ins">
            <input type="hidden" name="distributor" value=page.distributor_id.clone() />
            <input type="hidden" name="show" value=page.show.clone() />
            <input type="hidden" name="account" value=page.account.clone() />
            <div class="field">
                <label for="port-ins-q">"Search"</label>
                <input id="port-ins-q" name="q" type="search" value=page.q.clone() placeholder="Number, PI-…, JNUOID-…, account" />
            </div>
            <div class="field">
                <label for="port-ins-sort">"Sort"</label>
                <select id="port-ins-sort" name="sort">
                    {sorts.iter().map(|(v, l)| view! { <option value=*v selected=page.sort == *v>{*l}</option> }).collect_view()}
                </select>
            </div>
            <div class="filter-actions"><button type="submit" class="button">"Show"</button></div>
        </form>
        {if rows.is_empty() {
            view! { <p class="empty-state">{empty}</p> }.into_any()
        } else {
            view! {
                <p role="status">{format!("{} port-ins.", page.total)} " " <a href=csv>"Download CSV"</a></p>
                <div class="table-wrap">
                <table class="responsive">
                    <caption class="visually-hidden">"Port-ins"</caption>
                    <thead><tr>
                        <th scope="col">"Number"</th>
                        <th scope="col">"Account"</th>
                        <th scope="col">"Status"</th>
                        <th scope="col">"Age"</th>
                        <th scope="col">"Port date"</th>
                        <th scope="col">"Next"</th>
                    </tr></thead>
                    <tbody>
                        {rows.into_iter().map(|r| {
                            let phase = PHASES[phase_of(&r.status)];
                            let age = match r.age_days { 0 => "today".to_string(), 1 => "1 day".to_string(), n => format!("{n} days") };
                            view! {
                                <tr>
                                    <td data-label="Number"><a href=links::port_in(&r.account_id, &r.id)>{phone::format_for_display(&r.msisdn)}</a></td>
                                    <td data-label="Account"><a href=links::account(&r.account_id)>{r.account_name.clone()}</a></td>
                                    <td data-label="Status"><span class="status">{r.status.clone()}</span> <span class="muted">{format!("({phase})")}</span></td>
                                    <td data-label="Age">{age}</td>
                                    <td data-label="Port date">{if r.port_date.is_empty() { "—".to_string() } else { r.port_date.clone() }}</td>
                                    <td data-label="Next">{r.next_step.clone()}</td>
                                </tr>
                            }
                        }).collect_view()}
                    </tbody>
                </table>
                </div>
                <Pager page=for_pager.page total_pages=for_pager.total_pages href_for=move |p| list_href(&for_pager, &for_pager.show, p) />
            }.into_any()
        }}
        {(page.can_manage && !page.accounts.is_empty()).then(|| view! {
            <NewPortIn accounts=page.accounts.clone() selected=page.account.clone() />
            <p><a href=crate::links::with_query("/porting/bulk", &[("distributor", page.distributor_id.clone())])>"Port many numbers in from a CSV"</a></p>
        })}
        {(page.can_manage && page.accounts.is_empty() && page.distributor_id.is_empty()).then(|| view! {
            <p class="muted">"To start a port-in, open a Distributor's port-ins from its page."</p>
        })}
    }
}

/// Step one of a port-in: the Account, the number and what it becomes.
#[component]
fn NewPortIn(accounts: Vec<(String, String)>, selected: String) -> impl IntoView {
    let action = ServerAction::<CheckPortInEligibility>::new();
    let error = move || action.value().get().and_then(|r| r.err());
    let field = move |name: &'static str| Signal::derive(move || field_error(error(), name));
    let path = CheckPortInEligibility::PATH;
    // A select for a list people can scan; past 200 Accounts, the AID.
    let many = accounts.len() > 200;
    let choices: Vec<Choice> = std::iter::once(Choice::new("", "Choose an account"))
        .chain(accounts.into_iter().map(|(id, name)| Choice::new(id, name)))
        .collect();
    view! {
        <section class="panel" aria-labelledby="new-port-in">
            <h2 id="new-port-in">"Port a number in"</h2>
            <p>"First Telegent checks that the number can move. Only then are the losing carrier's and the subscriber's details asked."</p>
            <ErrorSummary error=Signal::derive(error) fields=&[("account_id", "Account"), ("msisdn", "Number"), ("classification", "Becomes")] />
            <ActionForm action attr:class="stack">
                {if many {
                    view! { <Field id="account_id" label="Account ID" hint="AID-…, shown on the Account's page." value=selected.clone() remember=path error=field("account_id") required=true /> }.into_any()
                } else {
                    view! { <SelectField id="account_id" label="Account" choices selected=selected.clone() remember=path error=field("account_id") /> }.into_any()
                }}
                <Field id="msisdn" label="Number to port in" kind="tel" inputmode="tel" autocomplete="off" hint="With its area code, e.g. 801 555 0123." remember=path error=field("msisdn") required=true />
                <SelectField id="classification" label="Becomes" choices=vec![Choice::new("mvno", "A phone line (MVNO)"), Choice::new("iot", "An IoT line")] remember=path error=field("classification") />
                <SubmitButton label="Check eligibility" busy_label="Asking Telegent…" />
            </ActionForm>
        </section>
    }
}
