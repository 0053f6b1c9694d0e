//! Bulk reservation pages: the start form (the Account chosen first, by a
//! GET reload, so its routes can be offered) and a run's page, which
//! follows the run while it works and offers to order what is missing.

use leptos::prelude::*;
use leptos_meta::{Meta, Title};
use leptos_router::hooks::use_query_map;

use super::bulk_api::{fetch_bulk, StartBulk};
use super::bulk_model::{BulkQuery, BulkRun, BulkView, PRODUCTS};
use crate::components::breadcrumbs::{Breadcrumbs, Crumb};
use crate::components::form::{field_error, ErrorSummary, SubmitButton};
use crate::components::problem::Problem;
use crate::links;

const FIELDS: &[(&str, &str)] = &[
    ("kind", "Line type"),
    ("message", "Messaging"),
    ("product", "Product type"),
    ("area", "Area code"),
    ("count", "How many"),
    ("route", "Message route"),
    ("voice_route", "Voice route"),
    ("confirm", "Confirmation"),
];

#[component]
pub fn BulkReservePage() -> impl IntoView {
    let query = use_query_map();
    let state = move || {
        let q = query.read();
        let get = |k: &str| q.get(k).unwrap_or_default();
        BulkQuery {
            distributor: get("distributor"),
            account: get("account"),
            run: get("run"),
            product: get("product"),
            ..BulkQuery::default()
        }
    };
    let page = Resource::new(state, fetch_bulk);
    view! {
        <Title text="Reserve numbers" />
        <Suspense fallback=|| view! { <p class="loading" role="status">"Loading…"</p> }>
            {move || Suspend::new(async move {
                match page.await {
                    Ok(v) if !v.choose_distributor.is_empty() => view! {
                        <h1>"Reserve numbers"</h1>
                        <p>"Choose the Distributor whose account gets the numbers:"</p>
                        <ul>{v.choose_distributor.into_iter().map(|(id, name)| view! { <li><a href=links::bulk_reserve(&id, "")>{name}</a></li> }).collect_view()}</ul>
                    }.into_any(),
                    Ok(v) => match v.run.clone() {
                        Some(run) => view! { <RunView v=v.clone() run /> }.into_any(),
                        None => view! { <StartForm v q=state() /> }.into_any(),
                    },
                    Err(error) => view! { <Problem error /> }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn StartForm(v: BulkView, q: BulkQuery) -> impl IntoView {
    let action = ServerAction::<StartBulk>::new();
    let error = move || action.value().get().and_then(|r| r.err());
    let at = move |field: &'static str| {
        move || {
            field_error(error(), field).map(|m| view! { <p class="field-error" id=format!("{field}-error")>{m}</p> })
        }
    };
    let chosen = !q.account.is_empty() && !v.account_name.is_empty();
    view! {
        <Breadcrumbs crumbs=vec![Crumb::link(v.distributor_name.clone(), links::staff_home()), Crumb::link("Numbers", links::numbers("")), Crumb::here("Reserve numbers")] />
        <h1>"Reserve numbers"</h1>
        <p>{format!("Orders up to {} numbers in one area for an account, without SIMs (pair them later). Each number is one billed order; a run that stops halfway can be resumed, ordering only what is missing.", v.most)}</p>
        <form method="get" action="/numbers/bulk" class="stack">
            {(!q.distributor.is_empty()).then(|| view! { <input type="hidden" name="distributor" value=q.distributor.clone() /> })}
            <div class="field">
                <label for="account">"Account"</label>
                <select id="account" name="account">
                    <option value="">"Choose an account…"</option>
                    {v.accounts.iter().map(|(id, name)| view! { <option value=id.clone() selected=*id == q.account>{name.clone()}</option> }).collect_view()}
                </select>
            </div>
            <SubmitButton label=if chosen { "Change account" } else { "Choose" } class="button" />
        </form>
        {chosen.then(|| view! {
            <ErrorSummary error=Signal::derive(error) fields=FIELDS />
            <ActionForm action attr:class="stack">
                <input type="hidden" name="distributor" value=q.distributor.clone() />
                <input type="hidden" name="account" value=q.account.clone() />
                <input type="hidden" name="key" value=v.key.clone() />
                <fieldset>
                    <legend>"Line type"</legend>
                    <div class="choice"><input type="radio" id="kind-mvno" name="kind" value="mvno" checked=true /><label for="kind-mvno">"MVNO"</label></div>
                    <div class="choice"><input type="radio" id="kind-iot" name="kind" value="iot" /><label for="kind-iot">"IoT (p2p only)"</label></div>
                    {at("kind")}
                </fieldset>
                <fieldset>
                    <legend>"Messaging"</legend>
                    <div class="choice"><input type="radio" id="message-p2p" name="message" value="p2p" checked=true /><label for="message-p2p">"Person-to-person (p2p)"</label></div>
                    <div class="choice"><input type="radio" id="message-a2p" name="message" value="a2p" /><label for="message-a2p">"Application-to-person (a2p)"</label></div>
                    {at("message")}
                </fieldset>
                <div class="field">
                    <label for="product">"Product type"</label>
                    <select id="product" name="product">
                        {PRODUCTS.iter().map(|p| view! { <option value=*p selected=*p == "Sms+Data">{*p}</option> }).collect_view()}
                    </select>
                    {at("product")}
                </div>
                <div class="field">
                    <label for="area">"Area code"</label>
                    <input id="area" name="area" inputmode="numeric" autocomplete="off" />
                    {at("area")}
                </div>
                <div class="field">
                    <label for="count">"How many numbers"</label>
                    <input id="count" name="count" type="number" min="1" max=v.most.to_string() value="5" />
                    {at("count")}
                </div>
                <div class="field">
                    <label for="route">"Message route"</label>
                    <select id="route" name="route">
                        <option value="">"Choose a route…"</option>
                        {v.routes.iter().map(|(id, name)| view! { <option value=id.clone()>{format!("{name} ({id})")}</option> }).collect_view()}
                    </select>
                    {v.routes.is_empty().then(|| view! { <p class="hint"><a href=links::new_message_route(&q.account)>"Create a message route"</a>" first: a number needs one."</p> })}
                    {at("route")}
                </div>
                <div class="field">
                    <label for="voice_route">"Voice route (for Sms+Data+Voice)"</label>
                    <select id="voice_route" name="voice_route">
                        <option value="">"None"</option>
                        {v.voice_routes.iter().map(|(id, name)| view! { <option value=id.clone()>{format!("{name} ({id})")}</option> }).collect_view()}
                    </select>
                    {at("voice_route")}
                </div>
                <p class="notice">"Each number is a billed order from Telegent, billed to the Distributor from today."</p>
                <div class="choice">
                    <input type="checkbox" id="confirm" name="confirm" />
                    <label for="confirm">"I confirm these billed orders."</label>
                    {at("confirm")}
                </div>
                <SubmitButton label="Reserve the numbers" busy_label="Starting…" pending=action.pending() />
            </ActionForm>
        })}
    }
}

#[component]
fn RunView(v: BulkView, run: BulkRun) -> impl IntoView {
    let action = ServerAction::<StartBulk>::new();
    let error = move || action.value().get().and_then(|r| r.err());
    let ordered = run.ordered();
    let missing = run.requested as usize - ordered.min(run.requested as usize);
    let summary = if run.running {
        format!("Ordering: {ordered} of {} ordered so far.", run.requested)
    } else if missing == 0 {
        format!("Done: all {} numbers ordered.", run.requested)
    } else {
        format!(
            "Stopped: {ordered} of {} ordered, {missing} not ordered.",
            run.requested
        )
    };
    view! {
        <Title text=format!("Reservation {}", run.run_id) />
        {run.running.then(|| view! { <Meta http_equiv="refresh" content="5" /> })}
        <Breadcrumbs crumbs=vec![Crumb::link(v.distributor_name.clone(), links::staff_home()), Crumb::link("Numbers", links::numbers(&run.account_id)), Crumb::here(run.run_id.clone())] />
        <h1>{format!("Reserve numbers for {}", run.account_name)}</h1>
        <p class="muted">{format!("Area code {} · {} · started by {} at {}", run.area_code, run.product_type, run.created_by, run.created_at.get(..16).unwrap_or(&run.created_at).replace('T', " "))}</p>
        <div role="status">
            {run.running.then(|| view! { <progress max=run.requested.to_string() value=ordered.to_string() aria-label="Numbers ordered"></progress> })}
            <p>{summary}</p>
        </div>
        <div class="table-wrap">
            <table class="data-table">
                <caption class="visually-hidden">"Each number of the run"</caption>
                <thead><tr><th scope="col">"#"</th><th scope="col">"Result"</th><th scope="col">"Number"</th><th scope="col">"NID"</th></tr></thead>
                <tbody>
                    {run.items.iter().map(|i| {
                        let result = match i.state.as_str() {
                            "ordered" => "Ordered".to_string(),
                            "failed" => format!("Not ordered: {}", i.problem),
                            _ => "Not ordered yet".to_string(),
                        };
                        let number = if i.msisdn.is_empty() {
                            view! { <span>"—"</span> }.into_any()
                        } else {
                            view! { <a href=links::line(&run.account_id, &i.msisdn)>{telegent::phone::format_for_display(&i.msisdn)}</a> }.into_any()
                        };
                        view! {
                            <tr>
                                <td data-label="#">{i.position}</td>
                                <td data-label="Result">{result}</td>
                                <td data-label="Number">{number}</td>
                                <td data-label="NID"><span class="id-text">{if i.number_id.is_empty() { "—".to_string() } else { i.number_id.clone() }}</span></td>
                            </tr>
                        }
                    }).collect_view()}
                </tbody>
            </table>
        </div>
        {run.can_resume.then(|| view! {
            <ErrorSummary error=Signal::derive(error) fields=&[] />
            <ActionForm action attr:class="stack">
                <input type="hidden" name="distributor" value=v.distributor.clone() />
                <input type="hidden" name="account" value=run.account_id.clone() />
                <input type="hidden" name="resume" value=run.run_id.clone() />
                <p>{format!("Resuming orders only the {missing} numbers not ordered (each is billed); those ordered stay as they are.")}</p>
                <SubmitButton label=format!("Order the {missing} missing") busy_label="Resuming…" pending=action.pending() />
            </ActionForm>
        })}
    }
}
