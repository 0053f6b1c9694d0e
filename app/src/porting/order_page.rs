//! One port-in's page (`/accounts/:account_id/porting/:id`): where it
//! stands on its timeline and what to do next, then what can be done at
//! that stage — finish and submit a draft, correct or cancel an open one,
//! start a cancelled one again — and the internal notes.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::{use_params_map, use_query_map};
use telegent::phone;

use super::api::{fetch_port_in, AddPortInNote, CancelPortIn, CheckPortInNow, StartPortInAgain};
use super::forms::{CorrectionFormView, DetailsFormView};
use super::model::{phase_of, PortInView, Stage, PHASES};
use crate::components::breadcrumbs::{Breadcrumbs, Crumb};
use crate::components::form::{field_error, ConfirmStep, ErrorSummary, InlineProblem, SubmitButton};
use crate::components::problem::Problem;
use crate::links;

fn notice_text(key: &str) -> Option<&'static str> {
    Some(match key {
        "eligible" => "Eligible. Fill in the details below; save a draft at any time, submit when complete.",
        "saved" => "Draft saved.",
        "submitted" => "Submitted to Telegent. The status is checked in the background; you are told when it changes.",
        "corrected" => "Correction sent to Telegent.",
        "cancelled" => "Cancelled.",
        "noted" => "Note added.",
        "checked" => "Status read from Telegent.",
        _ => return None,
    })
}

#[component]
pub fn PortInPage() -> impl IntoView {
    let params = use_params_map();
    let query = use_query_map();
    let args = move || {
        let p = params.read();
        let q = query.read();
        (
            p.get("account_id").unwrap_or_default(),
            p.get("id").unwrap_or_default(),
            q.get("done").unwrap_or_default(),
        )
    };
    let page = Resource::new(args, |(account, id, _)| fetch_port_in(account, id));
    view! {
        <Suspense fallback=|| view! { <p class="loading" role="status">"Loading the port-in…"</p> }>
            {move || Suspend::new(async move {
                match page.await {
                    Ok(v) => view! { <PortInBody v done=args().2 /> }.into_any(),
                    Err(error) => view! { <Title text="Port-in" /><Problem error /> }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn PortInBody(v: PortInView, done: String) -> impl IntoView {
    let shown = phone::format_for_display(&v.row.msisdn);
    let title = format!("Port-in of {shown}");
    let crumbs = vec![
        Crumb::link("Port-ins", links::port_ins("", "")),
        Crumb::link(v.row.account_name.clone(), links::account(&v.row.account_id)),
        Crumb::here(shown.clone()),
    ];
    let stage = v.row.stage;
    let completed = phase_of(&v.row.status) == 4;
    view! {
        <Title text=title.clone() />
        <Breadcrumbs crumbs />
        <h1>{title}</h1>
        {notice_text(&done).map(|t| view! { <p class="notice" role="status">{t}</p> })}
        <Progress v=v.clone() />
        {(completed).then(|| view! {
            <p><a class="button" href=links::line(&v.row.account_id, &v.row.msisdn)>"Open the line"</a></p>
        })}
        {match (stage, v.can_manage) {
            (Stage::Draft, true) => view! { <DetailsFormView v=v.clone() /> <CancelForm v=v.clone() /> }.into_any(),
            (Stage::Open, true) => view! {
                <CheckNow v=v.clone() />
                <CorrectionFormView v=v.clone() />
                <CancelForm v=v.clone() />
            }.into_any(),
            (Stage::Ended, true) if super::model::may_start_again(&v.row.status) => view! { <StartAgain v=v.clone() /> }.into_any(),
            _ => ().into_any(),
        }}
        <Facts v=v.clone() />
        <Timeline v=v.clone() />
    }
}

/// The phases with the current one marked, the status and the next step.
#[component]
fn Progress(v: PortInView) -> impl IntoView {
    let current = phase_of(&v.row.status);
    let ended_early = v.row.stage == Stage::Ended && current != 4;
    view! {
        <section class="panel" aria-labelledby="port-in-status">
            <h2 id="port-in-status">"Status"</h2>
            <p><span class="status">{v.row.status.clone()}</span>
                {(!v.row.status_message.is_empty()).then(|| view! { " " <span class="muted">{v.row.status_message.clone()}</span> })}
            </p>
            {(!ended_early).then(|| view! {
                <ol class="stepper phases" aria-label="Phases">
                    {PHASES.iter().enumerate().map(|(i, name)| {
                        if i == current {
                            view! { <li aria-current="step"><strong>{*name}</strong></li> }.into_any()
                        } else if i < current {
                            view! { <li>{*name} <span class="visually-hidden">" (done)"</span></li> }.into_any()
                        } else {
                            view! { <li class="muted">{*name}</li> }.into_any()
                        }
                    }).collect_view()}
                </ol>
            })}
            <p><strong>"Next: "</strong>{v.row.next_step.clone()}</p>
            {(!v.checked_at.is_empty() && v.row.stage == Stage::Open).then(|| view! {
                <p class="muted">{format!("Status last read from Telegent {} UTC.", v.checked_at.get(..16).unwrap_or(&v.checked_at).replace('T', " "))}</p>
            })}
        </section>
    }
}

#[component]
fn Facts(v: PortInView) -> impl IntoView {
    let dash = |s: &str| if s.is_empty() { "—".to_string() } else { s.to_string() };
    let state_zip = format!("{} {}", v.billing.state, v.billing.zip);
    let address = [
        v.billing.street1.as_str(),
        v.billing.street2.as_str(),
        v.billing.city.as_str(),
        state_zip.trim(),
    ]
    .iter()
    .filter(|s| !s.is_empty())
    .cloned()
    .collect::<Vec<_>>()
    .join(", ");
    view! {
        <section class="panel" aria-labelledby="port-in-facts">
            <h2 id="port-in-facts">"Details"</h2>
            <dl class="facts">
                <dt>"Number"</dt><dd>{phone::format_for_display(&v.row.msisdn)}</dd>
                <dt>"Becomes"</dt><dd>{if v.classification == "iot" { "An IoT line" } else { "A phone line (MVNO)" }}</dd>
                <dt>"Line at the losing carrier"</dt><dd>{dash(&v.number_type)} {v.wireline.then_some(" (needs a port date)")}</dd>
                <dt>"Losing carrier"</dt><dd>{dash(&v.carrier_name)}</dd>
                <dt>"Name on the account"</dt><dd>{dash(&v.subscriber_name)}</dd>
                <dt>"Billing address"</dt><dd>{dash(&address)}</dd>
                <dt>"SIM"</dt><dd>{if v.iccid.is_empty() { "eSIM (or the SIM is given later)".to_string() } else { v.iccid.clone() }}</dd>
                <dt>"Port date"</dt><dd>{dash(&v.row.port_date)}</dd>
                <dt>"Account number and PIN"</dt><dd>"Sent to Telegent with the request; never kept or shown."</dd>
                <dt>"Order"</dt><dd><span class="id-text">{dash(&v.row.order_id)}</span></dd>
                <dt>"Letter of authorization"</dt><dd>{if v.loa_by.is_empty() { "Not confirmed yet".to_string() } else { format!("Signed, as confirmed by {} at {} UTC", v.loa_by, v.loa_at.get(..16).unwrap_or(&v.loa_at).replace('T', " ")) }}</dd>
                {(!v.submitted_by.is_empty()).then(|| view! { <dt>"Submitted by"</dt><dd>{v.submitted_by.clone()}</dd> })}
            </dl>
        </section>
    }
}

#[component]
fn Timeline(v: PortInView) -> impl IntoView {
    let action = ServerAction::<AddPortInNote>::new();
    let error = move || action.value().get().and_then(|r| r.err());
    view! {
        <section class="panel" aria-labelledby="port-in-timeline">
            <h2 id="port-in-timeline">"Timeline"</h2>
            <ol class="plain-list timeline">
                {v.timeline.iter().rev().map(|e| {
                    let label = match e.kind.as_str() { "note" => "Note", "status" => "Status", _ => "Step" };
                    view! {
                        <li>
                            <p><span class="badge">{label}</span> " " {e.text.clone()}</p>
                            <p class="muted">{format!("{} UTC · {}", e.at.get(..16).unwrap_or(&e.at).replace('T', " "), e.actor)}</p>
                        </li>
                    }
                }).collect_view()}
            </ol>
            {v.can_manage.then(|| view! {
                <ErrorSummary error=Signal::derive(error) fields=&[("text", "Note")] />
                <ActionForm action attr:class="stack">
                    <input type="hidden" name="account_id" value=v.row.account_id.clone() />
                    <input type="hidden" name="id" value=v.row.id.clone() />
                    <div class="field">
                        <label for="note-text">"Internal note"</label>
                        <p class="hint" id="note-text-hint">"Seen by your staff only; never sent to Telegent or the carrier."</p>
                        <textarea id="note-text" name="text" rows="3" maxlength="2000" aria-describedby="note-text-hint"></textarea>
                        {move || field_error(error(), "text").map(|m| view! { <p class="field-error">{m}</p> })}
                    </div>
                    <SubmitButton label="Add note" class="button" />
                </ActionForm>
            })}
        </section>
    }
}

#[component]
fn CheckNow(v: PortInView) -> impl IntoView {
    let action = ServerAction::<CheckPortInNow>::new();
    let error = move || action.value().get().and_then(|r| r.err());
    (!v.row.order_id.is_empty()).then(|| {
        view! {
            <ActionForm action attr:class="inline-form">
                <input type="hidden" name="account_id" value=v.row.account_id.clone() />
                <input type="hidden" name="id" value=v.row.id.clone() />
                <SubmitButton label="Check the status now" class="button" busy_label="Asking Telegent…" />
            </ActionForm>
            {move || error().map(|error| view! { <InlineProblem error /> })}
        }
    })
}

#[component]
fn CancelForm(v: PortInView) -> impl IntoView {
    let action = ServerAction::<CancelPortIn>::new();
    let error = move || action.value().get().and_then(|r| r.err());
    let draft = v.row.stage == Stage::Draft;
    let (summary, says, label) = if draft {
        (
            "Discard the draft…",
            "Nothing was sent to Telegent; the draft is dropped.",
            "Yes, discard this draft",
        )
    } else {
        (
            "Cancel the port-in…",
            "A cancel is final: the order cannot be reopened. To port the number later, start again with a fresh eligibility check and a new submit.",
            "Yes, cancel this port-in",
        )
    };
    view! {
        <ConfirmStep summary=summary open=Signal::derive(move || error().is_some())>
            <ErrorSummary error=Signal::derive(error) fields=&[("confirm", "Confirmation")] />
            <p>{says}</p>
            <ActionForm action attr:class="stack">
                <input type="hidden" name="account_id" value=v.row.account_id.clone() />
                <input type="hidden" name="id" value=v.row.id.clone() />
                <div class="check">
                    <input type="checkbox" id="confirm-cancel" name="confirm" />
                    <label for="confirm-cancel">{label}</label>
                </div>
                {move || field_error(error(), "confirm").map(|m| view! { <p class="field-error">{m}</p> })}
                <SubmitButton label=if draft { "Discard" } else { "Cancel port-in" } class="button danger" busy_label="Sending to Telegent…" />
            </ActionForm>
        </ConfirmStep>
    }
}

#[component]
fn StartAgain(v: PortInView) -> impl IntoView {
    let action = ServerAction::<StartPortInAgain>::new();
    let error = move || action.value().get().and_then(|r| r.err());
    view! {
        <section class="panel" aria-labelledby="start-again">
            <h2 id="start-again">"Start again"</h2>
            <p>"A fresh eligibility check, then a new draft with these details filled in — except the account number and PIN, which are asked again."</p>
            <ActionForm action>
                <input type="hidden" name="account_id" value=v.row.account_id.clone() />
                <input type="hidden" name="id" value=v.row.id.clone() />
                <SubmitButton label="Check eligibility again" busy_label="Asking Telegent…" />
            </ActionForm>
            {move || error().map(|error| view! { <InlineProblem error /> })}
        </section>
    }
}
