//! Steps 1 and 2: what kind of line, and where its number comes from.

use leptos::prelude::*;

use super::model::WizardView;
use super::{described, step_href, Carried, FieldError};
use crate::components::form::SubmitButton;

/// A radio button of a group, checked when it is the answer.
#[component]
fn Choice(
    name: &'static str,
    value: &'static str,
    label: &'static str,
    hint: &'static str,
    current: String,
) -> impl IntoView {
    let id = format!("{name}-{value}");
    view! {
        <div class="choice">
            <input type="radio" id=id.clone() name=name value=value checked=current == value />
            <label for=id>{label}</label>
            <p class="hint">{hint}</p>
        </div>
    }
}

#[component]
fn Tick(name: &'static str, label: &'static str, on: bool) -> impl IntoView {
    view! {
        <div class="choice">
            <input type="checkbox" id=format!("cap-{name}") name=name checked=on />
            <label for=format!("cap-{name}")>{label}</label>
        </div>
    }
}

#[component]
pub fn KindStep(v: WizardView) -> impl IntoView {
    let q = v.query.clone();
    view! {
        <form method="get" action="/numbers/new" class="stack">
            <Carried q=q.clone() step=1 />
            <input type="hidden" name="step" value="2" />
            <fieldset aria-describedby=described(&v, "kind")>
                <legend>"Line type"</legend>
                <FieldError v=v.clone() field="kind" />
                <Choice name="kind" value="mvno" label="MVNO" hint="A phone line for a person: calls, messages, data." current=q.kind.clone() />
                <Choice name="kind" value="iot" label="IoT" hint="A device (tracker, card reader, sensor). Person-to-person messaging only." current=q.kind.clone() />
            </fieldset>
            <fieldset aria-describedby=described(&v, "message")>
                <legend>"Messaging"</legend>
                <FieldError v=v.clone() field="message" />
                <Choice name="message" value="p2p" label="Person-to-person (p2p)" hint="Messages between people and devices." current=q.message.clone() />
                <Choice name="message" value="a2p" label="Application-to-person (a2p)" hint="Messages an application sends (alerts, codes). MVNO lines only." current=q.message.clone() />
            </fieldset>
            <fieldset aria-describedby=described(&v, "sms")>
                <legend>"What the line does"</legend>
                <p class="hint">"Telegent sells four products: Sms-Only, Data-Only, Sms+Data and Sms+Data+Voice."</p>
                <FieldError v=v.clone() field="sms" />
                <Tick name="sms" label="SMS" on=q.sms_on() />
                <Tick name="data" label="Data" on=q.data_on() />
                <Tick name="voice" label="Voice (with SMS and data)" on=q.voice_on() />
            </fieldset>
            <SubmitButton label="Next: where" />
        </form>
    }
}

#[component]
pub fn WhereStep(v: WizardView) -> impl IntoView {
    let q = v.query.clone();
    let searched = !q.near.trim().is_empty() && v.error("near").is_none();
    let page_href = {
        let q = q.clone();
        move |page: u32| {
            let mut q = q.clone();
            q.apage = page;
            let mut href = step_href(&q, 2);
            href.push_str(&format!(
                "&near={}&apage={page}",
                crate::links::urlencode(q.near.trim())
            ));
            href
        }
    };
    view! {
        <p>{format!("A {} line ({}).", if q.kind == "iot" { "IoT" } else { "MVNO" }, v.product_type)}</p>
        <form method="get" action="/numbers/new" class="stack" role="search">
            <Carried q=q.clone() step=2 />
            <input type="hidden" name="step" value="2" />
            <div class="field">
                <label for="near">"Area code or ZIP code"</label>
                <p class="hint" id="near-hint">"Telegent looks in the area code first; a ZIP code finds the areas around it."</p>
                <input id="near" name="near" inputmode="numeric" autocomplete="postal-code" value=q.near.clone()
                    aria-describedby=if v.error("near").is_some() { "near-hint near-error" } else { "near-hint" } />
                <FieldError v=v.clone() field="near" />
            </div>
            <SubmitButton label="Search" class="button" />
        </form>
        {searched.then(|| {
            if v.areas.is_empty() {
                view! { <p class="empty-state">"No numbers are available there. Try a nearby area code or a ZIP code."</p> }.into_any()
            } else {
                let pages = (v.area_pages > 1).then(|| view! {
                    <crate::components::pager::Pager page=v.area_page total_pages=v.area_pages href_for=page_href.clone() />
                });
                view! {
                    <form method="get" action="/numbers/new" class="stack">
                        <Carried q=q.clone() step=2 />
                        <input type="hidden" name="near" value=q.near.clone() />
                        <input type="hidden" name="step" value="3" />
                        <fieldset aria-describedby=described(&v, "pick")>
                            <legend>"Choose an area"</legend>
                            <FieldError v=v.clone() field="pick" />
                            {v.areas.iter().map(|a| {
                                let id = format!("pick-{}-{}", a.area_code, a.zip);
                                let value = a.pick();
                                let checked = value == q.pick;
                                view! {
                                    <div class="choice">
                                        <input type="radio" id=id.clone() name="pick" value=value checked=checked />
                                        <label for=id>{format!("Area code {} · ZIP {} · group {}", a.area_code, if a.zip.is_empty() { "—" } else { &a.zip }, a.group)}</label>
                                    </div>
                                }
                            }).collect_view()}
                        </fieldset>
                        <SubmitButton label="Next: who and how" />
                    </form>
                    {pages}
                }.into_any()
            }
        })}
        {(!searched).then(|| v.error("pick").map(|m| view! { <p class="field-error" role="alert">{m}</p> }))}
    }
}
