//! The line's update form: what the line does, its routes, a SIM bound
//! later. Behind a step of its own like the other changes of the panel.

use leptos::prelude::*;

use super::api::{fetch_line_update_choices, UpdateLine};
use super::model::{LineFacts, PRODUCT_TYPES};
use crate::components::form::{field_error, ErrorSummary, InlineProblem, SubmitButton};

#[component]
pub fn UpdateLineStep(account_id: String, msisdn: String, facts: LineFacts) -> impl IntoView {
    let action = ServerAction::<UpdateLine>::new();
    let error = move || action.value().get().and_then(|r| r.err());
    let aid = account_id.clone();
    let choices = Resource::new(move || aid.clone(), fetch_line_update_choices);
    let bound = !facts.iccid.is_empty();
    view! {
        <details class="confirm" open=move || error().is_some()>
            <summary class="button">"Update the line…"</summary>
            <ErrorSummary error=Signal::derive(error) fields=&[("product_type", "What the line does"), ("message_route", "Message route"), ("voice_route", "Voice route"), ("iccid", "SIM")] />
            <Suspense fallback=|| view! { <p class="loading" role="status">"Loading the account's routes…"</p> }>
                {move || {
                    let (account_id, msisdn, facts) = (account_id.clone(), msisdn.clone(), facts.clone());
                    Suspend::new(async move {
                        let c = match choices.await {
                            Ok(c) => c,
                            Err(error) => return view! { <InlineProblem error /> }.into_any(),
                        };
                        view! {
                            <ActionForm action attr:class="stack">
                                <input type="hidden" name="account_id" value=account_id />
                                <input type="hidden" name="msisdn" value=msisdn />
                                <div class="field">
                                    <label for="update-product">"What the line does"</label>
                                    <select id="update-product" name="product_type">
                                        {facts.product_type.is_empty().then(|| view! { <option value="" selected=true>"Keep as it is"</option> })}
                                        {PRODUCT_TYPES.iter().map(|(value, label)| view! {
                                            <option value=*value selected=facts.product_type.eq_ignore_ascii_case(value)>{*label}</option>
                                        }).collect_view()}
                                    </select>
                                    {move || field_error(error(), "product_type").map(|m| view! { <p class="field-error">{m}</p> })}
                                </div>
                                <div class="field">
                                    <label for="update-route">"Message route"</label>
                                    <select id="update-route" name="message_route">
                                        {c.routes.iter().map(|(id, name)| view! {
                                            <option value=id.clone() selected=*id == facts.message_route_id>{name.clone()}</option>
                                        }).collect_view()}
                                    </select>
                                    {move || field_error(error(), "message_route").map(|m| view! { <p class="field-error">{m}</p> })}
                                </div>
                                <div class="field">
                                    <label for="update-voice-route">"Voice route (for a line with voice)"</label>
                                    <select id="update-voice-route" name="voice_route">
                                        <option value="">"None"</option>
                                        {c.voice_routes.iter().map(|(id, name)| view! {
                                            <option value=id.clone() selected=*id == facts.voice_route_id>{name.clone()}</option>
                                        }).collect_view()}
                                    </select>
                                    {move || field_error(error(), "voice_route").map(|m| view! { <p class="field-error">{m}</p> })}
                                </div>
                                {(!bound).then(|| view! {
                                    <div class="field">
                                        <label for="update-iccid">"Bind a SIM: its ICCID (optional)"</label>
                                        <input id="update-iccid" name="iccid" inputmode="numeric" autocomplete="off" />
                                        {move || field_error(error(), "iccid").map(|m| view! { <p class="field-error">{m}</p> })}
                                    </div>
                                })}
                                <SubmitButton label="Save the line" class="button" busy_label="Sending to Telegent…" />
                            </ActionForm>
                        }
                        .into_any()
                    })
                }}
            </Suspense>
        </details>
    }
}
