//! The port-in's two long forms: a draft's details (saved, or submitted
//! with the secrets, the letter of authorization and the billed
//! confirmation) and the correction of an open port-in, with the
//! rejection's reason shown at the field it concerns.

use leptos::prelude::*;
use leptos::server_fn::ServerFn;

use super::api::{CorrectPortIn, SavePortIn};
use super::model::PortInView;
use crate::components::form::{field_error, ErrorSummary, Field, SubmitButton};

const DETAIL_FIELDS: &[(&str, &str)] = &[
    ("carrier_name", "Losing carrier"),
    ("subscriber_name", "Name on the account"),
    ("street1", "Street"),
    ("city", "City"),
    ("state", "State"),
    ("zip", "ZIP code"),
    ("iccid", "ICCID"),
    ("port_date", "Port date"),
    ("account_number", "Account number"),
    ("pin", "PIN"),
    ("loa", "Letter of authorization"),
    ("confirm", "Confirmation"),
    ("act", "Draft"),
];

#[component]
pub fn DetailsFormView(v: PortInView) -> impl IntoView {
    let action = ServerAction::<SavePortIn>::new();
    let error = move || action.value().get().and_then(|r| r.err());
    let field = move |name: &'static str| Signal::derive(move || field_error(error(), name));
    let path = SavePortIn::PATH;
    let date_hint = if v.wireline {
        "Required for a wireline: a business day 5 to 10 business days out."
    } else {
        "Optional: a business day 5 to 10 business days out, or empty for as soon as the carrier releases it."
    };
    view! {
        <section class="panel" aria-labelledby="port-in-details">
            <h2 id="port-in-details">"The losing carrier's and the subscriber's details"</h2>
            <ErrorSummary error=Signal::derive(error) fields=DETAIL_FIELDS />
            <ActionForm action attr:class="stack">
                <input type="hidden" name="account_id" value=v.row.account_id.clone() />
                <input type="hidden" name="id" value=v.row.id.clone() />
                <Field id="carrier_name" label="Losing carrier" value=v.carrier_name.clone() remember=path error=field("carrier_name") />
                <Field id="subscriber_name" label="Name on the account at the losing carrier" autocomplete="name" value=v.subscriber_name.clone() remember=path error=field("subscriber_name") />
                <fieldset>
                    <legend>"Billing address at the losing carrier"</legend>
                    <Field id="street1" label="Street" autocomplete="address-line1" value=v.billing.street1.clone() remember=path error=field("street1") />
                    <Field id="street2" label="Apartment, suite (optional)" autocomplete="address-line2" value=v.billing.street2.clone() remember=path />
                    <Field id="city" label="City" autocomplete="address-level2" value=v.billing.city.clone() remember=path error=field("city") />
                    <Field id="state" label="State" hint="Two letters, e.g. UT." autocomplete="address-level1" value=v.billing.state.clone() remember=path error=field("state") />
                    <Field id="zip" label="ZIP code" inputmode="numeric" autocomplete="postal-code" value=v.billing.zip.clone() remember=path error=field("zip") />
                </fieldset>
                <Field id="iccid" label="SIM's ICCID (physical SIM only)" inputmode="numeric" autocomplete="off" hint="The 18 to 22 digits on the SIM card. Empty for an eSIM." value=v.iccid.clone() remember=path error=field("iccid") />
                <Field id="port_date" label="Requested port date (MM/DD/YYYY)" autocomplete="off" hint=date_hint value=v.row.port_date.clone() remember=path error=field("port_date") />
                <p class="muted">{format!("Business days from {} to {}.", v.earliest_port_date, v.latest_port_date)}</p>
                <fieldset>
                    <legend>"Sent with the submit, never kept"</legend>
                    <p class="hint">"Asked only when you submit: the portal sends them to Telegent and forgets them. A draft never holds them."</p>
                    <Field id="account_number" label="Account number at the losing carrier" autocomplete="off" error=field("account_number") />
                    <Field id="pin" label="Account PIN or passcode" kind="password" autocomplete="off" error=field("pin") />
                </fieldset>
                <div class="check">
                    <input type="checkbox" id="loa" name="loa" aria-describedby="loa-hint" />
                    <label for="loa">"The subscriber signed the letter of authorization"</label>
                </div>
                <p class="hint" id="loa-hint">"Recorded with your name and the time."</p>
                {move || field_error(error(), "loa").map(|m| view! { <p class="field-error">{m}</p> })}
                <div class="check">
                    <input type="checkbox" id="confirm-submit" name="confirm" />
                    <label for="confirm-submit">"Submit this port-in to Telegent (billed)"</label>
                </div>
                {move || field_error(error(), "confirm").map(|m| view! { <p class="field-error">{m}</p> })}
                <div class="actions">
                    <button type="submit" class="button primary" name="act" value="submit" data-busy-label="Submitting…">"Submit port-in"</button>
                    <button type="submit" class="button" name="act" value="save" data-busy-label="Saving…">"Save draft"</button>
                </div>
            </ActionForm>
        </section>
    }
}

#[component]
pub fn CorrectionFormView(v: PortInView) -> impl IntoView {
    let action = ServerAction::<CorrectPortIn>::new();
    let error = move || action.value().get().and_then(|r| r.err());
    let rejected = v.rejection_field.clone();
    let reason = v.row.status_message.clone();
    // The rejection's reason at the field it concerns (unless a refusal of
    // this form has something to say there).
    let field = move |name: &'static str| {
        let rejected = rejected.clone();
        let reason = reason.clone();
        Signal::derive(move || {
            field_error(error(), name).or_else(|| {
                (rejected.as_deref() == Some(name)).then(|| format!("The losing carrier rejected this: {reason}"))
            })
        })
    };
    let path = CorrectPortIn::PATH;
    let open = v.rejection_field.is_some();
    view! {
        <details class="panel" open=open>
            <summary><h2 class="inline-heading">"Correct the details"</h2></summary>
            <p>"Only what you change is sent. Type the account number or PIN only to change them."</p>
            <ErrorSummary error=Signal::derive(error) fields=DETAIL_FIELDS />
            <ActionForm action attr:class="stack">
                <input type="hidden" name="account_id" value=v.row.account_id.clone() />
                <input type="hidden" name="id" value=v.row.id.clone() />
                <Field id="carrier_name" label="Losing carrier" value=v.carrier_name.clone() remember=path error=field("carrier_name") />
                <Field id="subscriber_name" label="Name on the account" value=v.subscriber_name.clone() remember=path error=field("subscriber_name") />
                <Field id="account_number" label="New account number (empty: unchanged)" autocomplete="off" error=field("account_number") />
                <Field id="pin" label="New PIN or passcode (empty: unchanged)" kind="password" autocomplete="off" error=field("pin") />
                <fieldset>
                    <legend>"Billing address"</legend>
                    <Field id="street1" label="Street" value=v.billing.street1.clone() remember=path error=field("street1") />
                    <Field id="street2" label="Apartment, suite (optional)" value=v.billing.street2.clone() remember=path />
                    <Field id="city" label="City" value=v.billing.city.clone() remember=path error=field("city") />
                    <Field id="state" label="State" value=v.billing.state.clone() remember=path error=field("state") />
                    <Field id="zip" label="ZIP code" inputmode="numeric" value=v.billing.zip.clone() remember=path error=field("zip") />
                </fieldset>
                <Field id="port_date" label="Port date (MM/DD/YYYY)" value=v.row.port_date.clone() remember=path error=field("port_date") />
                <p class="muted">{format!("Business days from {} to {}.", v.earliest_port_date, v.latest_port_date)}</p>
                <Field id="iccid" label="SIM's ICCID" inputmode="numeric" value=v.iccid.clone() remember=path error=field("iccid") />
                <SubmitButton label="Send the correction" busy_label="Sending to Telegent…" />
            </ActionForm>
        </details>
    }
}
