//! The audit log of the caller's scope, filtered by URL parameters, with a
//! CSV export of the same selection.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::Form;
use leptos_router::hooks::use_query_map;

pub mod api;
pub mod model;
#[cfg(feature = "ssr")]
pub mod service;

use self::api::{list_audit, AuditQuery};
use self::model::{action_label, range_is_backwards, role_words, AuditFilter, AuditPage};
use crate::components::breadcrumbs::{Breadcrumbs, Crumb};
use crate::components::form::SubmitButton;
use crate::components::pager::Pager;
use crate::components::problem::Problem;
use crate::links::{self, with_query};

fn filter_params(filter: &AuditFilter) -> Vec<(&'static str, String)> {
    vec![
        ("user", filter.user.clone()),
        ("action", filter.action.clone()),
        ("outcome", filter.outcome.clone()),
        ("from", filter.from.clone()),
        ("to", filter.to.clone()),
    ]
}

/// The targets as stored (comma-separated IDs and numbers), phone numbers
/// in the same human format as everywhere else.
fn targets_in_words(stored: &str) -> String {
    stored
        .split(',')
        .filter(|t| !t.is_empty())
        .map(|t| {
            if telegent::phone::is_e164(t) {
                telegent::phone::format_for_display(t)
            } else {
                t.to_string()
            }
        })
        .collect::<Vec<_>>()
        .join(", ")
}

/// An outcome as people read it ("succeeded" → "Succeeded").
fn outcome_label(outcome: &str) -> String {
    let mut chars = outcome.chars();
    chars
        .next()
        .map(|first| first.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}

#[component]
pub fn AuditPage() -> impl IntoView {
    let query = use_query_map();
    let filter = move || {
        let q = query.read();
        AuditFilter {
            user: q.get("user").unwrap_or_default(),
            action: q.get("action").unwrap_or_default(),
            outcome: q.get("outcome").unwrap_or_default(),
            from: q.get("from").unwrap_or_default(),
            to: q.get("to").unwrap_or_default(),
        }
    };
    let page = move || query.read().get("page").and_then(|p| p.parse().ok()).unwrap_or(1u32);
    let rows = Resource::new(
        move || (filter(), page()),
        |(filter, page)| list_audit(AuditQuery { filter, page }),
    );
    view! {
        <Title text="Audit log" />
        <Suspense fallback=|| view! { <p class="loading" role="status">"Loading the audit log…"</p> }>
            {move || Suspend::new(async move {
                match rows.await {
                    Ok(data) => view! { <AuditView data filter=filter() /> }.into_any(),
                    Err(error) => view! { <Problem error /> }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn AuditView(data: AuditPage, filter: AuditFilter) -> impl IntoView {
    let AuditPage {
        rows,
        page,
        total_pages,
        total,
        actions,
    } = data;
    let csv_href = with_query(&links::audit_csv(), &filter_params(&filter));
    let pager_filter = filter.clone();
    let outcome = filter.outcome.clone();
    let action = filter.action.clone();
    let backwards = range_is_backwards(&filter);
    // The same filter with the dates the other way round.
    let swapped = {
        let mut f = filter.clone();
        std::mem::swap(&mut f.from, &mut f.to);
        with_query(&links::audit(), &filter_params(&f))
    };
    // The heading and filters only for those who may read the log: a
    // refusal is the whole page (see `AuditPage`).
    view! {
        <Breadcrumbs crumbs=vec![Crumb::here("Audit log")] />
        <div class="page-head">
            <h1>"Audit log"</h1>
            <p class="muted">"Every change and sign-in within your reach, newest first."</p>
        </div>
        {backwards.then(|| view! {
            <div class="error-summary" role="alert">
                <p>"“From” is after “To”, so nothing can match. " <a href=swapped>"Swap the dates"</a></p>
            </div>
        })}
        <Form method="GET" action="">
            <fieldset class="filters">
                <legend>"Filter"</legend>
                <div class="field">
                    <label for="audit-user">"User e-mail contains"</label>
                    <input id="audit-user" name="user" type="search" value=filter.user.clone() />
                </div>
                <div class="field">
                    <label for="audit-action">"Action"</label>
                    <select id="audit-action" name="action">
                        <option value="">"Any action"</option>
                        {actions
                            .into_iter()
                            .map(|a| view! { <option value=a.clone() selected=a == action>{action_label(&a)}</option> })
                            .collect_view()}
                    </select>
                </div>
                <div class="field">
                    <label for="audit-outcome">"Outcome"</label>
                    <select id="audit-outcome" name="outcome">
                        {[("", "Any outcome"), ("succeeded", "Succeeded"), ("failed", "Failed"), ("denied", "Denied"), ("pending", "Pending")]
                            .into_iter()
                            .map(|(value, label)| view! { <option value=value selected=value == outcome>{label}</option> })
                            .collect_view()}
                    </select>
                </div>
                <div class="field">
                    <label for="audit-from">"From"</label>
                    <input id="audit-from" name="from" type="date" value=filter.from.clone() />
                </div>
                <div class="field">
                    <label for="audit-to">"To"</label>
                    <input id="audit-to" name="to" type="date" value=filter.to.clone()
                        aria-invalid=backwards.then_some("true") />
                </div>
                <div class="filter-actions">
                    <SubmitButton label="Apply" class="button" />
                    <a class="button" href=links::audit()>"Clear"</a>
                    <a class="button" href=csv_href rel="external" download="">"Download CSV"</a>
                </div>
            </fieldset>
        </Form>
        <p class="muted" role="status">{format!("{total} entr{}", if total == 1 { "y" } else { "ies" })}</p>
        {if rows.is_empty() {
            view! { <div class="empty-state"><p>"Nothing recorded matches these filters."</p></div> }.into_any()
        } else {
            view! {
                <div class="table-wrap">
                    <table class="data-table">
                        <caption class="visually-hidden">{format!("Audit log, page {page} of {total_pages}")}</caption>
                        <thead>
                            <tr>
                                <th scope="col">"When (UTC)"</th>
                                <th scope="col">"Who"</th>
                                <th scope="col">"Action"</th>
                                <th scope="col">"Targets"</th>
                                <th scope="col">"Outcome"</th>
                                <th scope="col">"Detail"</th>
                            </tr>
                        </thead>
                        <tbody>
                            {rows
                                .into_iter()
                                .map(|r| view! {
                                    <tr>
                                        <td data-label="When">{r.at.replace('T', " ").trim_end_matches('Z').to_string()}</td>
                                        <td data-label="Who"><div>{r.user_email}<div class="id-text">{role_words(&r.role)}</div></div></td>
                                        <td data-label="Action">{action_label(&r.action)}</td>
                                        <td data-label="Targets" class="id-text">{targets_in_words(&r.target_ids)}</td>
                                        <td data-label="Outcome"><span class=format!("status status-{}", r.outcome.as_str())>{outcome_label(r.outcome.as_str())}</span></td>
                                        <td data-label="Detail">{r.detail}</td>
                                    </tr>
                                })
                                .collect_view()}
                        </tbody>
                    </table>
                </div>
                <Pager page total_pages href_for=move |p| {
                    let mut params = filter_params(&pager_filter);
                    params.push(("page", p.to_string()));
                    with_query(&links::audit(), &params)
                } />
            }
            .into_any()
        }}
    }
}
