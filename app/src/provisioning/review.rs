//! Step 4, the review and the one billed order; then the result, followed
//! while the order is pending.

use leptos::prelude::*;
use leptos_meta::Meta;

use super::api::ProvisionNumber;
use super::model::WizardView;
use super::{step_href, Carried};
use crate::components::form::{field_error, ErrorSummary, SubmitButton};
use crate::links;

/// How often the result page reloads while the order is pending (each
/// reload reads the order through the client's short cache).
const FOLLOW_EVERY_SECONDS: u32 = 10;

const FIELDS: &[(&str, &str)] = &[
    ("kind", "Line type"),
    ("message", "Messaging"),
    ("sms", "What the line does"),
    ("pick", "Area"),
    ("holder", "Who the line is for"),
    ("orphan_ok", "No subscriber"),
    ("new_name", "New subscriber's name"),
    ("new_email", "New subscriber's e-mail"),
    ("route", "Message route"),
    ("voice_route", "Voice route"),
    ("iccid", "ICCID"),
    ("confirm", "Confirmation"),
];

#[component]
pub fn ReviewStep(v: WizardView) -> impl IntoView {
    let q = v.query.clone();
    let action = ServerAction::<ProvisionNumber>::new();
    let error = move || action.value().get().and_then(|r| r.err());
    let name_of = |list: &[(String, String)], id: &str| {
        list.iter()
            .find(|(i, _)| i == id)
            .map(|(_, n)| format!("{n} ({id})"))
            .unwrap_or_else(|| id.to_string())
    };
    let holder = match q.holder.as_str() {
        "none" => "No one yet (an orphan line)".to_string(),
        "new" => format!("Someone new: {} <{}>", q.new_name.trim(), q.new_email.trim()),
        id => name_of(&v.people, id),
    };
    let (area, zip) = q.picked().unwrap_or_default();
    let capabilities = [(q.sms_on(), "SMS"), (q.data_on(), "data"), (q.voice_on(), "voice")]
        .into_iter()
        .filter_map(|(on, n)| on.then_some(n))
        .collect::<Vec<_>>()
        .join(", ");
    view! {
        <dl class="facts">
            <dt>"Line"</dt>
            <dd>{format!("{} · {} · {} ({capabilities})", if q.kind == "iot" { "IoT" } else { "MVNO" }, q.message, v.product_type)} " " <a href=step_href(&q, 1)>"Change"</a></dd>
            <dt>"Area"</dt>
            <dd>{format!("Area code {area}{}", if zip.is_empty() { String::new() } else { format!(", ZIP {zip}") })} " " <a href=step_href(&q, 2)>"Change"</a></dd>
            <dt>"Account"</dt>
            <dd>{v.account_name.clone()}</dd>
            <dt>"Subscriber"</dt>
            <dd>{holder} " " <a href=step_href(&q, 3)>"Change"</a></dd>
            <dt>"Message route"</dt>
            <dd class="id-text">{name_of(&v.routes, &q.route)}</dd>
            {q.voice_on().then(|| view! { <dt>"Voice route"</dt><dd class="id-text">{name_of(&v.voice_routes, &q.voice_route)}</dd> })}
            <dt>"SIM"</dt>
            <dd>{if q.iccid.trim().is_empty() { "eSIM (a QR code is made for it)".to_string() } else { format!("ICCID {}", q.iccid.trim()) }}</dd>
        </dl>
        <ErrorSummary error=Signal::derive(error) fields=FIELDS />
        <ActionForm action attr:class="stack">
            <Carried q=q.clone() step=5 />
            <input type="hidden" name="intent_key" value=v.intent_key.clone() />
            <p class="notice">"This orders a new number from Telegent. It is billed to the Distributor from today, and it is sent once however often the button is pressed."</p>
            <div class="choice">
                <input type="checkbox" id="confirm" name="confirm" aria-describedby=move || field_error(error(), "confirm").map(|_| "confirm-error") />
                <label for="confirm">"I confirm this billed order."</label>
                {move || field_error(error(), "confirm").map(|m| view! { <p class="field-error" id="confirm-error">{m}</p> })}
            </div>
            <SubmitButton label="Order the number" busy_label="Ordering…" pending=action.pending() />
        </ActionForm>
    }
}

#[component]
pub fn ResultStep(v: WizardView) -> impl IntoView {
    let Some(r) = v.result.clone() else {
        return view! { <p>"No order to show."</p> }.into_any();
    };
    let shown = telegent::phone::format_for_display(&r.msisdn);
    let line_href = links::line(&r.account_id, &r.msisdn);
    view! {
        {r.pending.then(|| view! { <Meta http_equiv="refresh" content=FOLLOW_EVERY_SECONDS.to_string() /> })}
        <section class="panel" aria-labelledby="order-result">
            <h2 id="order-result">{if r.pending { "Order placed: waiting for Telegent" } else { "Number ready" }}</h2>
            {if r.pending {
                view! {
                    <div role="status">
                        <progress aria-label="Order progress"></progress>
                        <p>{format!("Telegent says “{}”. This page checks again every {FOLLOW_EVERY_SECONDS} seconds; you can also leave it — the order goes on, and the number shows in the inventory.", r.status)}</p>
                    </div>
                }.into_any()
            } else {
                view! { <p role="status">{format!("Order {} is {}.", if r.order_id.is_empty() { "—" } else { &r.order_id }, r.status)}</p> }.into_any()
            }}
            <dl class="facts">
                <dt>"Number"</dt><dd><a href=line_href.clone()>{shown}</a></dd>
                <dt>"NID"</dt><dd class="id-text">{if r.number_id.is_empty() { "—".to_string() } else { r.number_id.clone() }}</dd>
                <dt>"Order"</dt><dd class="id-text">{if r.order_id.is_empty() { "—".to_string() } else { r.order_id.clone() }}</dd>
                <dt>"ICCID"</dt><dd class="id-text">{if r.iccid.is_empty() { "—".to_string() } else { r.iccid.clone() }}</dd>
            </dl>
            {(!r.activation.is_empty()).then(|| view! {
                <div class="activation">
                    <h3>"eSIM activation"</h3>
                    // Markup the server drew from the activation text: safe as it is.
                    {(!r.activation_svg.is_empty()).then(|| view! {
                        <div class="qr" role="img" aria-label="QR code of the eSIM activation" inner_html=r.activation_svg.clone()></div>
                    })}
                    <label for="activation-text">"Activation code (to copy)"</label>
                    <input id="activation-text" class="id-text" readonly=true value=r.activation.clone() />
                    <p class="muted">"Whoever scans or types this can install the line's eSIM: give it only to the line's holder."</p>
                </div>
            })}
            <p>
                <a class="button" href=line_href>"Open the line"</a> " "
                <a class="button" href=links::new_number(&v.query.distributor, &r.account_id)>"Provision another"</a>
            </p>
        </section>
    }
    .into_any()
}
