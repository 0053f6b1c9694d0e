//! The status panel of a line's page: the status, what can be done with it
//! (each behind a confirmation that says what happens), a reactivation
//! while its 30 days run, and the port-out PIN.

use leptos::prelude::*;

use super::api::{fetch_line_status, ChangeLineStatus, IssuePortOut, RenumberLine, SwapSim};
use super::model::{Change, LineStatusView};
use crate::components::form::{field_error, ConfirmStep, ErrorSummary, InlineProblem, SubmitButton};

/// The notice after a change (`?status=` on the line's page).
pub fn notice_text(key: &str) -> Option<&'static str> {
    Some(match key {
        "suspend" => "Line suspended: it keeps its number and SIM.",
        "restore" => "Line restored.",
        "deactivate" => "Line deactivated: its number and SIM are released. It can be reactivated for 30 days.",
        "reactivate" => "Line reactivated with its number and SIM.",
        "port-out" => "Port-out PIN issued. Give it to the subscriber for the new carrier.",
        "sim-swap" => "SIM swapped: the line now works on the new SIM, and the old one has stopped.",
        "updated" => "Line updated.",
        "renumbered" => "The line has its new number (this page). The old number is released; tell the subscriber.",
        _ => return None,
    })
}

#[component]
pub fn LineStatusPanel(account_id: String, msisdn: String, #[prop(optional)] changed: Option<String>) -> impl IntoView {
    let view_of = Resource::new(
        move || (account_id.clone(), msisdn.clone(), changed.clone()),
        |(a, m, _)| fetch_line_status(a, m),
    );
    view! {
        <Suspense fallback=|| view! { <p class="loading" role="status">"Loading the line's status…"</p> }>
            {move || Suspend::new(async move {
                match view_of.await {
                    Ok(v) => view! { <StatusView v /> }.into_any(),
                    Err(error) => view! { <section class="panel"><h2>"Status"</h2><InlineProblem error /></section> }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn StatusView(v: LineStatusView) -> impl IntoView {
    let cancelled = v.status.eq_ignore_ascii_case("cancelled");
    let facts = v.facts.clone();
    view! {
        <super::details::LineFactsSection facts />
        <section class="panel" aria-labelledby="line-status">
            <h2 id="line-status">"Status"</h2>
            <p><span class="status">{v.status.clone()}</span></p>
            {v.port_out.clone().map(|(order, since)| view! {
                <p class="notice">{format!("A port-out is in flight (order {order}, since {}): the line can't be suspended or deactivated until it ends.", since.get(..10).unwrap_or(&since))}</p>
            })}
            {v.reactivate_until.clone().map(|(until, lapsed)| view! {
                <p class="muted">{if lapsed { format!("The 30 days to reactivate ended on {until}.") } else { format!("Can be reactivated until {until}.") }}</p>
            })}
            {v.can_change.then(|| {
                let forms = v.changes.iter().map(|c| view! {
                    <ChangeForm account_id=v.account_id.clone() msisdn=v.msisdn.clone() change=*c today=v.today.clone() />
                }).collect_view();
                view! {
                    {forms}
                    {(cancelled && !v.reactivate_until.as_ref().is_some_and(|(_, lapsed)| *lapsed)).then(|| view! {
                        <ReactivateForm account_id=v.account_id.clone() msisdn=v.msisdn.clone() />
                    })}
                }
            })}
            {(v.can_change && !cancelled).then(|| view! {
                <SwapSimStep account_id=v.account_id.clone() msisdn=v.msisdn.clone() swaps_remaining=v.swaps_remaining />
            })}
            {(v.can_change && !cancelled).then(|| view! {
                <super::update_form::UpdateLineStep account_id=v.account_id.clone() msisdn=v.msisdn.clone() facts=v.facts.clone() />
            })}
            {(v.can_change && !cancelled && v.port_out.is_none()).then(|| view! {
                <RenumberStep account_id=v.account_id.clone() msisdn=v.msisdn.clone() />
            })}
            {(v.can_port_out && !cancelled && v.port_out.is_none()).then(|| view! {
                <PortOutForm account_id=v.account_id.clone() msisdn=v.msisdn.clone() intent_key=v.intent_key.clone() />
            })}
        </section>
    }
}

#[component]
fn ChangeForm(account_id: String, msisdn: String, change: Change, today: String) -> impl IntoView {
    let action = ServerAction::<ChangeLineStatus>::new();
    let error = move || action.value().get().and_then(|r| r.err());
    let key = change.key();
    let date_id = format!("effective-{key}");
    let confirm_id = format!("confirm-{key}");
    let class = if change == Change::Restore {
        "button"
    } else {
        "button danger"
    };
    view! {
        <ConfirmStep summary=format!("{}…", change.label()) open=Signal::derive(move || error().is_some())>
            <ErrorSummary error=Signal::derive(error) fields=&[("change", "Change"), ("effective_date", "Effective date"), ("confirm", "Confirmation")] />
            <p>{change.consequence()}</p>
            <ActionForm action attr:class="stack">
                <input type="hidden" name="account_id" value=account_id />
                <input type="hidden" name="msisdn" value=msisdn />
                <input type="hidden" name="change" value=key />
                <div class="field">
                    <label for=date_id.clone()>"Effective date"</label>
                    <input id=date_id.clone() type="date" name="effective_date" value=today.clone() min=today />
                    {move || field_error(error(), "effective_date").map(|m| view! { <p class="field-error">{m}</p> })}
                </div>
                <div class="check">
                    <input type="checkbox" id=confirm_id.clone() name="confirm" />
                    <label for=confirm_id>{format!("Yes, {} this line", change.label().to_lowercase())}</label>
                </div>
                <SubmitButton label=change.label() class=class busy_label="Sending to Telegent…" />
            </ActionForm>
        </ConfirmStep>
    }
}

#[component]
fn ReactivateForm(account_id: String, msisdn: String) -> impl IntoView {
    let action = ServerAction::<ChangeLineStatus>::new();
    let error = move || action.value().get().and_then(|r| r.err());
    view! {
        <ConfirmStep summary="Reactivate…" open=Signal::derive(move || error().is_some())>
            <ErrorSummary error=Signal::derive(error) fields=&[("change", "Reactivate"), ("confirm", "Confirmation")] />
            <p>"The line comes back with the same number and SIM."</p>
            <ActionForm action attr:class="stack">
                <input type="hidden" name="account_id" value=account_id />
                <input type="hidden" name="msisdn" value=msisdn />
                <input type="hidden" name="change" value="reactivate" />
                <div class="check">
                    <input type="checkbox" id="confirm-reactivate" name="confirm" />
                    <label for="confirm-reactivate">"Yes, reactivate this line"</label>
                </div>
                <SubmitButton label="Reactivate" class="button" busy_label="Sending to Telegent…" />
            </ActionForm>
        </ConfirmStep>
    }
}

#[component]
fn PortOutForm(account_id: String, msisdn: String, intent_key: String) -> impl IntoView {
    let action = ServerAction::<IssuePortOut>::new();
    let error = move || action.value().get().and_then(|r| r.err());
    view! {
        <ConfirmStep summary="Issue a port-out PIN…" open=Signal::derive(move || error().is_some())>
            <ErrorSummary error=Signal::derive(error) fields=&[("pin", "PIN"), ("confirm", "Confirmation")] />
            <p>"The subscriber gives this PIN to the carrier they are moving to. The line can't be suspended or deactivated while the port-out is in flight. Telegent bills the request."</p>
            <ActionForm action attr:class="stack">
                <input type="hidden" name="account_id" value=account_id />
                <input type="hidden" name="msisdn" value=msisdn />
                <input type="hidden" name="intent_key" value=intent_key />
                <div class="field">
                    <label for="port-out-pin">"PIN (4 to 10 digits)"</label>
                    <input id="port-out-pin" name="pin" inputmode="numeric" autocomplete="off" required=true
                        aria-invalid=move || field_error(error(), "pin").map(|_| "true")
                        aria-describedby=move || field_error(error(), "pin").map(|_| "port-out-pin-error") />
                    {move || field_error(error(), "pin").map(|m| view! { <p class="field-error" id="port-out-pin-error">{m}</p> })}
                </div>
                <div class="check">
                    <input type="checkbox" id="confirm-port-out" name="confirm" />
                    <label for="confirm-port-out">"Yes, issue the PIN (billed)"</label>
                </div>
                <SubmitButton label="Issue PIN" busy_label="Sending to Telegent…" />
            </ActionForm>
        </ConfirmStep>
    }
}

#[component]
fn SwapSimStep(account_id: String, msisdn: String, swaps_remaining: Option<i64>) -> impl IntoView {
    let action = ServerAction::<SwapSim>::new();
    let error = move || action.value().get().and_then(|r| r.err());
    view! {
        <ConfirmStep summary="Swap SIM…" open=Signal::derive(move || error().is_some())>
            <ErrorSummary error=Signal::derive(error) fields=&[("iccid", "New SIM's ICCID"), ("confirm", "Confirmation")] />
            <p>"The line moves to a new SIM and the old SIM stops working at once. Check first that the line's holder asked for it: a SIM swap nobody asked for is how phone numbers are stolen. The account's Manager and admins are told."</p>
            {swaps_remaining.map(|n| view! { <p class="muted">{format!("Swaps left this period: {n}.")}</p> })}
            <ActionForm action attr:class="stack">
                <input type="hidden" name="account_id" value=account_id />
                <input type="hidden" name="msisdn" value=msisdn />
                <div class="field">
                    <label for="swap-iccid">"New SIM's ICCID (empty for a new eSIM)"</label>
                    <input id="swap-iccid" name="iccid" inputmode="numeric" autocomplete="off"
                        aria-invalid=move || field_error(error(), "iccid").map(|_| "true")
                        aria-describedby=move || field_error(error(), "iccid").map(|_| "swap-iccid-error") />
                    {move || field_error(error(), "iccid").map(|m| view! { <p class="field-error" id="swap-iccid-error">{m}</p> })}
                </div>
                <div class="check">
                    <input type="checkbox" id="confirm-swap-sim" name="confirm" />
                    <label for="confirm-swap-sim">"Yes, move the line to the new SIM"</label>
                </div>
                <SubmitButton label="Swap SIM" class="button danger" busy_label="Sending to Telegent…" />
            </ActionForm>
        </ConfirmStep>
    }
}

#[component]
fn RenumberStep(account_id: String, msisdn: String) -> impl IntoView {
    let action = ServerAction::<RenumberLine>::new();
    let error = move || action.value().get().and_then(|r| r.err());
    view! {
        <ConfirmStep summary="Change the number…" open=Signal::derive(move || error().is_some())>
            <ErrorSummary error=Signal::derive(error) fields=&[("kind", "New number"), ("area_code", "Area code"), ("confirm", "Confirmation")] />
            <p>"The line gets a new phone number; its SIM, routes and person stay. The old number is released at once and can't be got back: calls and messages to it stop reaching this line. The account's Manager and admins are told."</p>
            <ActionForm action attr:class="stack">
                <input type="hidden" name="account_id" value=account_id />
                <input type="hidden" name="msisdn" value=msisdn />
                <fieldset>
                    <legend>"New number"</legend>
                    <div class="check">
                        <input type="radio" id="renumber-swap" name="kind" value="swap" checked=true />
                        <label for="renumber-swap">"In the same area (swap)"</label>
                    </div>
                    <div class="check">
                        <input type="radio" id="renumber-replace" name="kind" value="replace" />
                        <label for="renumber-replace">"In another area (replace)"</label>
                    </div>
                    {move || field_error(error(), "kind").map(|m| view! { <p class="field-error">{m}</p> })}
                </fieldset>
                <div class="field">
                    <label for="renumber-area">"Area code (for another area)"</label>
                    <input id="renumber-area" name="area_code" inputmode="numeric" maxlength="3" autocomplete="off"
                        aria-invalid=move || field_error(error(), "area_code").map(|_| "true")
                        aria-describedby=move || field_error(error(), "area_code").map(|_| "renumber-area-error") />
                    {move || field_error(error(), "area_code").map(|m| view! { <p class="field-error" id="renumber-area-error">{m}</p> })}
                </div>
                <div class="check">
                    <input type="checkbox" id="confirm-renumber" name="confirm" />
                    <label for="confirm-renumber">"Yes, give this line a new number and release the old one"</label>
                </div>
                <SubmitButton label="Change the number" class="button danger" busy_label="Sending to Telegent…" />
            </ActionForm>
        </ConfirmStep>
    }
}
