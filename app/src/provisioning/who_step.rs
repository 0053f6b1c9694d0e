//! Step 3: the Account, the subscriber (someone of it, someone new, or
//! knowingly no one), the routes and an optional ICCID.

use leptos::prelude::*;

use super::model::WizardView;
use super::{described, Carried, FieldError};
use crate::components::form::SubmitButton;
use crate::links;

#[component]
pub fn WhoStep(v: WizardView) -> impl IntoView {
    let q = v.query.clone();
    let chosen = !q.account.trim().is_empty() && !v.account_name.is_empty();
    // The Account first: its people and routes are what the rest offers.
    let account_form = view! {
        <form method="get" action="/numbers/new" class="stack">
            <Carried q=q.clone() step=3 />
            <input type="hidden" name="step" value="3" />
            <div class="field">
                <label for="account">"Account"</label>
                <select id="account" name="account" aria-describedby=described(&v, "account")>
                    <option value="">"Choose an account…"</option>
                    {v.accounts.iter().map(|(id, name)| view! {
                        <option value=id.clone() selected=*id == q.account>{name.clone()}</option>
                    }).collect_view()}
                </select>
                <FieldError v=v.clone() field="account" />
            </div>
            <SubmitButton label=if chosen { "Change account" } else { "Choose" } class="button" />
        </form>
    };
    view! {
        {account_form}
        {chosen.then(|| view! { <Details v=v.clone() /> })}
    }
}

#[component]
fn Details(v: WizardView) -> impl IntoView {
    let q = v.query.clone();
    let holder = q.holder.clone();
    let no_routes = v.routes.is_empty();
    let no_voice_routes = q.voice_on() && v.voice_routes.is_empty();
    view! {
        <form method="get" action="/numbers/new" class="stack">
            <Carried q=q.clone() step=3 />
            <input type="hidden" name="account" value=q.account.clone() />
            <input type="hidden" name="step" value="4" />
            <fieldset aria-describedby=described(&v, "holder")>
                <legend>{format!("Who the line is for ({})", v.account_name)}</legend>
                <FieldError v=v.clone() field="holder" />
                {v.people.iter().map(|(id, name)| {
                    let dom = format!("holder-{id}");
                    view! {
                        <div class="choice">
                            <input type="radio" id=dom.clone() name="holder" value=id.clone() checked=*id == holder />
                            <label for=dom>{name.clone()}</label>
                        </div>
                    }
                }).collect_view()}
                <div class="choice">
                    <input type="radio" id="holder-new" name="holder" value="new" checked=holder == "new" />
                    <label for="holder-new">"Someone new (added to the account with the line)"</label>
                </div>
                <div class="field">
                    <label for="new_name">"New subscriber's name"</label>
                    <input id="new_name" name="new_name" autocomplete="off" value=q.new_name.clone() aria-describedby=described(&v, "new_name") />
                    <FieldError v=v.clone() field="new_name" />
                </div>
                <div class="field">
                    <label for="new_email">"New subscriber's e-mail"</label>
                    <input id="new_email" name="new_email" type="email" autocomplete="off" value=q.new_email.clone() aria-describedby=described(&v, "new_email") />
                    <FieldError v=v.clone() field="new_email" />
                </div>
                <div class="choice">
                    <input type="radio" id="holder-none" name="holder" value="none" checked=holder == "none" />
                    <label for="holder-none">"No one yet (an orphan line)"</label>
                </div>
                <div class="choice warn-choice">
                    <input type="checkbox" id="orphan_ok" name="orphan_ok" checked=q.orphan_ok == "on" aria-describedby=described(&v, "orphan_ok") />
                    <label for="orphan_ok">"I know an orphan line has no subscriber: nobody sees it in their portal until it is given to someone."</label>
                    <FieldError v=v.clone() field="orphan_ok" />
                </div>
            </fieldset>
            <div class="field">
                <label for="route">"Message route"</label>
                {if no_routes {
                    view! {
                        <p class="field-error" id="route-error">
                            "This account has no message route, and a number needs one. "
                            <a href=links::new_message_route(&q.account)>"Create a message route"</a>
                            ", then come back to this step."
                        </p>
                    }.into_any()
                } else {
                    view! {
                        <select id="route" name="route" aria-describedby=described(&v, "route")>
                            <option value="">"Choose a route…"</option>
                            {v.routes.iter().map(|(id, name)| view! {
                                <option value=id.clone() selected=*id == q.route>{format!("{name} ({id})")}</option>
                            }).collect_view()}
                        </select>
                        <FieldError v=v.clone() field="route" />
                    }.into_any()
                }}
            </div>
            {q.voice_on().then(|| view! {
                <div class="field">
                    <label for="voice_route">"Voice route"</label>
                    {if no_voice_routes {
                        view! {
                            <p class="field-error" id="voice_route-error">
                                "Voice is on, and this account has no voice route. "
                                <a href=links::new_voice_route(&q.account)>"Create a voice route"</a>
                                ", then come back to this step."
                            </p>
                        }.into_any()
                    } else {
                        view! {
                            <select id="voice_route" name="voice_route" aria-describedby=described(&v, "voice_route")>
                                <option value="">"Choose a route…"</option>
                                {v.voice_routes.iter().map(|(id, name)| view! {
                                    <option value=id.clone() selected=*id == q.voice_route>{format!("{name} ({id})")}</option>
                                }).collect_view()}
                            </select>
                            <FieldError v=v.clone() field="voice_route" />
                        }.into_any()
                    }}
                </div>
            })}
            <div class="field">
                <label for="iccid">"ICCID (optional)"</label>
                <p class="hint" id="iccid-hint">
                    "Pair a SIM now when you hold the physical SIM card (its ICCID is printed on it). \
                     Leave it empty for an eSIM — Telegent makes the profile and the QR code — and for \
                     bulk reservations and data-only devices whose SIM comes later."
                </p>
                <input id="iccid" name="iccid" inputmode="numeric" autocomplete="off" value=q.iccid.clone()
                    aria-describedby=if v.error("iccid").is_some() { "iccid-hint iccid-error" } else { "iccid-hint" } />
                <FieldError v=v.clone() field="iccid" />
            </div>
            <SubmitButton label="Next: review" />
        </form>
    }
}
