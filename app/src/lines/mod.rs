//! A family's lines: data limits for one line or several at once, and one
//! line's page (usage, chart, renewal, voicemail).

pub mod api;
pub mod model;
pub mod rules;
#[cfg(feature = "ssr")]
pub mod service;

use leptos::prelude::*;
use leptos::server_fn::ServerFn;
use leptos_meta::Title;
use leptos_router::hooks::{use_params_map, use_query_map};

use self::api::{fetch_line_detail, DeleteVoicemail, SaveVoicemail, SetDataLimits, SetRenewal};
use self::model::{LineDetail, RenewalPeriod, RenewalView};
use self::rules::{check_thresholds, DEFAULT_LIMIT_MB, THROTTLE_SPEEDS};
use crate::accounts::api::fetch_family_overview;
use crate::accounts::model::FamilyOverview;
use crate::components::breadcrumbs::{Breadcrumbs, Crumb};
use crate::components::form::{
    field_error, Checkbox, ConfirmStep, ErrorSummary, Field, FormError, InlineProblem, SubmitButton,
};
use crate::components::problem::Problem;
use crate::components::usage::{format_kb, UsageChart, UsageGauge};
use crate::error::AppError;
use crate::links;

/// Data limits for one line or several at once.
#[component]
pub fn LimitsPage() -> impl IntoView {
    let params = use_params_map();
    let query = use_query_map();
    let account_id = move || params.read().get("account_id").unwrap_or_default();
    let saved = move || query.read().get("saved");
    let preselected = move || query.read().get("line").unwrap_or_default();
    let overview = Resource::new(move || (account_id(), saved()), |(id, _)| fetch_family_overview(id));
    view! {
        <Title text="Data limits" />
        <Suspense fallback=|| view! { <p class="loading" role="status">"Loading lines…"</p> }>
            {move || Suspend::new(async move {
                match overview.await {
                    Ok(data) if data.can_manage => view! { <LimitsForm data preselected=preselected() saved=saved() /> }.into_any(),
                    // Viewing as the Manager, or a staff reader: the same
                    // figures, nothing to change.
                    Ok(data) => view! { <ReadOnlyLimits data /> }.into_any(),
                    Err(error) => view! { <Problem error /> }.into_any(),
                }
            })}
        </Suspense>
    }
}

/// Kept in step with `MAX_VOICEMAIL_NAME` (a test checks).
const VOICEMAIL_NAME_HINT: &str = "Said in the greeting. At most 40 characters.";

/// Each line of the family: (MSISDN, as shown, whose, its limits in words).
fn limit_rows(data: &FamilyOverview) -> Vec<(String, String, String, String)> {
    data.members
        .iter()
        .flat_map(|m| {
            m.lines.iter().map(|l| {
                let u = &l.usage;
                let current = if u.unreadable {
                    "its settings cannot be read; saving new limits repairs them".to_string()
                } else if u.is_default {
                    format!("platform default, {DEFAULT_LIMIT_MB} MB limit")
                } else {
                    format!(
                        "warn {} · slow down {} · limit {}",
                        u.notify_kb.map_or("–".into(), format_kb),
                        u.throttle_kb.map_or("–".into(), format_kb),
                        format_kb(u.limit_kb)
                    )
                };
                (l.msisdn.clone(), l.display.clone(), m.name.clone(), current)
            })
        })
        .collect()
}

/// The limits of every line, for someone who may see but not change them.
#[component]
fn ReadOnlyLimits(data: FamilyOverview) -> impl IntoView {
    let rows = limit_rows(&data);
    let account_href = links::account(&data.account_id);
    view! {
        <Breadcrumbs crumbs=vec![Crumb::link(data.account_name.clone(), account_href), Crumb::here("Data limits")] />
        <div class="page-head">
            <h1>"Data limits"</h1>
        </div>
        <p class="notice" role="status">"Read-only: only the account's Manager changes these."</p>
        {if rows.is_empty() {
            view! { <p class="muted">"No lines yet."</p> }.into_any()
        } else {
            view! {
                <ul class="plain-list">
                    {rows
                        .into_iter()
                        .map(|(_, display, owner, current)| view! {
                            <li><strong>{format!("{display} · {owner}")}</strong><br /><span class="hint">{current}</span></li>
                        })
                        .collect_view()}
                </ul>
            }.into_any()
        }}
    }
}

/// The voicemail form's fields, for its error summary.
const VOICEMAIL_FIELDS: &[(&str, &str)] = &[
    ("pin", "PIN"),
    ("first_name", "First name"),
    ("last_name", "Last name"),
    ("email", "E-mail"),
];

/// The limits form's fields, for its error summary.
const LIMITS_FIELDS: &[(&str, &str)] = &[
    ("numbers", "Lines"),
    ("unit", "Unit"),
    ("notify", "Warn at"),
    ("throttle", "Slow down at"),
    ("limit", "Block data at"),
    ("speed", "Speed once slowed down"),
];

#[cfg(test)]
#[test]
fn the_voicemail_name_hint_says_the_real_maximum() {
    assert!(VOICEMAIL_NAME_HINT.contains(&format!("At most {} characters", rules::MAX_VOICEMAIL_NAME)));
}

#[component]
fn LimitsForm(data: FamilyOverview, preselected: String, saved: Option<String>) -> impl IntoView {
    // A refused post comes back to this page with its error (see `ServerAction`).
    let action = ServerAction::<SetDataLimits>::new();
    let server_error = action.value().get_untracked().and_then(|r| r.err());
    let numbers_error = field_error(server_error.clone(), "numbers");
    // A refused post comes back with what was typed and ticked.
    let typed = crate::components::typed::current();
    let typed_lines = typed.as_ref().and_then(|t| t.values(SetDataLimits::PATH, "numbers[]"));
    let amounts = TypedAmounts::from_post(typed.as_ref());
    let lines = limit_rows(&data);
    let account_href = links::account(&data.account_id);
    view! {
        <Breadcrumbs crumbs=vec![Crumb::link(data.account_name.clone(), account_href.clone()), Crumb::here("Data limits")] />
        <div class="page-head">
            <h1>"Data limits"</h1>
        </div>
        {saved.map(|n| view! {
            <p class="notice" role="status">{format!("Saved for {n} line{}.", if n == "1" { "" } else { "s" })}</p>
        })}
        <ErrorSummary error=Signal::derive({
            let error = server_error.clone();
            move || error.clone()
        }) fields=LIMITS_FIELDS />
        <ActionForm action attr:class="stack limits-form">
            <input type="hidden" name="account_id" value=data.account_id.clone() />
            <fieldset id="numbers" aria-describedby="numbers-error">
                <legend>"Lines"</legend>
                {lines
                    .into_iter()
                    .enumerate()
                    .map(|(i, (msisdn, display, owner, current))| {
                        let id = format!("line-{i}");
                        let checked = match &typed_lines {
                            Some(ticked) => ticked.iter().any(|n| n.trim_start_matches('+') == msisdn.trim_start_matches('+')),
                            None => preselected.trim_start_matches('+') == msisdn.trim_start_matches('+'),
                        };
                        view! {
                            <div class="check">
                                <input type="checkbox" id=id.clone() name="numbers[]" value=msisdn checked=checked />
                                <label for=id>
                                    <span>{format!("{display} · {owner}")}</span>
                                    <span class="hint">{current}</span>
                                </label>
                            </div>
                        }
                    })
                    .collect_view()}
                {numbers_error.map(|m| view! { <p class="field-error" id="numbers-error">{m}</p> })}
            </fieldset>
            <ThresholdFields server_error typed=amounts />
            <p class="hint">"The amounts must go up: warn below slow-down, slow-down below block."</p>
            <SubmitButton label="Save limits" busy_label="Saving…" />
        </ActionForm>
    }
}

/// The amounts a refused limits post had (empty on a fresh form).
#[derive(Debug, Clone, Default, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct TypedAmounts {
    pub unit: String,
    pub notify: String,
    pub throttle: String,
    pub limit: String,
    pub speed: String,
}

impl TypedAmounts {
    fn from_post(typed: Option<&crate::components::typed::TypedBack>) -> Self {
        let get = |name: &str| {
            typed
                .and_then(|t| t.value(SetDataLimits::PATH, name))
                .unwrap_or_default()
        };
        Self {
            unit: get("unit"),
            notify: get("notify"),
            throttle: get("throttle"),
            limit: get("limit"),
            speed: get("speed"),
        }
    }
}

/// The amounts of the limits form, checked as they are typed with the rule
/// the server applies again. An island: the rest of the form is plain HTML.
#[island]
fn ThresholdFields(server_error: Option<AppError>, typed: TypedAmounts) -> impl IntoView {
    let unit = RwSignal::new(if typed.unit.is_empty() {
        "MB".to_string()
    } else {
        typed.unit.clone()
    });
    let notify = RwSignal::new(typed.notify.clone());
    let throttle = RwSignal::new(typed.throttle.clone());
    let limit = RwSignal::new(typed.limit.clone());
    let speed = RwSignal::new(typed.speed.clone());
    let touched = RwSignal::new(false);
    let server_error = StoredValue::new(server_error);
    let local_error = move || {
        if !touched.get() {
            return None;
        }
        check_thresholds(&unit.get(), &notify.get(), &throttle.get(), &limit.get(), &speed.get()).err()
    };
    // Once something is typed, the live check speaks; until then, the server's answer.
    let error_for = move |field: &'static str| {
        Signal::derive(move || {
            if touched.get() {
                field_error(local_error(), field)
            } else {
                field_error(server_error.get_value(), field)
            }
        })
    };
    let field = move |id: &'static str, label: &'static str, hint: &'static str, value: RwSignal<String>| {
        let error = error_for(id);
        let error_id = format!("{id}-error");
        view! {
            <div class="field">
                <label for=id>{label}</label>
                <p class="hint" id=format!("{id}-hint")>{hint}</p>
                <input
                    id=id
                    name=id
                    inputmode="numeric"
                    autocomplete="off"
                    // The attribute for the server's HTML, the property for typing.
                    value=value.get_untracked()
                    prop:value=move || value.get()
                    on:input=move |ev| {
                        value.set(event_target_value(&ev));
                        touched.set(true);
                    }
                    aria-invalid=move || error.get().map(|_| "true")
                    aria-describedby=move || {
                        if error.get().is_some() { format!("{id}-hint {id}-error") } else { format!("{id}-hint") }
                    }
                />
                {move || error.get().map(|m| view! { <p class="field-error" id=error_id.clone()>{m}</p> })}
            </div>
        }
    };
    let speed_error = error_for("speed");
    view! {
        <div class="field">
            <label for="unit">"Unit"</label>
            <select
                id="unit"
                name="unit"
                on:change=move |ev| {
                    unit.set(event_target_value(&ev));
                    touched.set(true);
                }
            >
                <option value="MB" selected=move || unit.get_untracked() == "MB">"MB"</option>
                <option value="GB" selected=move || unit.get_untracked() == "GB">"GB"</option>
            </select>
        </div>
        {field("notify", "Warn at (optional)", "The line's owner gets a message at this amount. At most 1,024 GB.", notify)}
        {field("throttle", "Slow down at (optional)", "From here on the line runs at the speed below. At most 1,024 GB.", throttle)}
        {field("limit", "Block data at", "Data stops at this amount until the cycle renews. Required, at most 1,024 GB.", limit)}
        <div class="field">
            <label for="speed">"Speed once slowed down"</label>
            <select
                id="speed"
                name="speed"
                aria-invalid=move || speed_error.get().map(|_| "true")
                aria-describedby="speed-error"
                on:change=move |ev| {
                    speed.set(event_target_value(&ev));
                    touched.set(true);
                }
            >
                <option value="">"Not slowed down"</option>
                {THROTTLE_SPEEDS
                    .iter()
                    .map(|(value, label)| view! { <option value=*value selected=move || speed.get_untracked() == *value>{*label}</option> })
                    .collect_view()}
            </select>
            {move || speed_error.get().map(|m| view! { <p class="field-error" id="speed-error">{m}</p> })}
        </div>
    }
}

/// One line: data use against its limits, this cycle's chart, renewal.
#[component]
pub fn LinePage() -> impl IntoView {
    let params = use_params_map();
    let query = use_query_map();
    let key = move || {
        let p = params.read();
        (
            p.get("account_id").unwrap_or_default(),
            format!("+{}", p.get("line").unwrap_or_default().trim_start_matches('+')),
            (
                query.read().get("reset").is_some() || query.read().get("renewal_saved").is_some(),
                query.read().get("voicemail"),
            ),
        )
    };
    let notice = move || {
        let q = query.read();
        if q.get("voicemail").as_deref() == Some("saved") {
            Some("Voicemail saved.")
        } else if q.get("voicemail").as_deref() == Some("deleted") {
            Some("Voicemail deleted.")
        } else if q.get("reset").is_some() {
            Some("Usage reset to zero and the renewal cycle saved.")
        } else if q.get("renewal_saved").is_some() {
            Some("Renewal cycle saved.")
        } else {
            q.get("status").and_then(|k| crate::line_status::panel::notice_text(&k))
        }
    };
    let detail = Resource::new(key, |(account, line, _)| fetch_line_detail(account, line));
    view! {
        <Suspense fallback=|| view! { <p class="loading" role="status">"Loading the line…"</p> }>
            {move || Suspend::new(async move {
                match detail.await {
                    Ok(data) => view! { <LineView data notice=notice() changed=query.read().get("status") /> }.into_any(),
                    Err(error) => view! { <Problem error /> }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn LineView(data: LineDetail, notice: Option<&'static str>, changed: Option<String>) -> impl IntoView {
    let LineDetail {
        account_id,
        account_name,
        owner,
        line,
        samples,
        can_manage,
        voicemail,
    } = data;
    let usage = line.usage.clone();
    let renewal = usage.renewal.clone();
    view! {
        <Title text=line.display.clone() />
        <Breadcrumbs crumbs=vec![
            Crumb::link(account_name, links::account(&account_id)),
            Crumb::here(line.display.clone()),
        ] />
        <div class="page-head">
            <h1>{line.display.clone()}</h1>
            <p class="muted">{if owner.is_empty() {
                "Nobody holds this line yet: give it to a person from their page (Give a line).".to_string()
            } else {
                owner
            }}</p>
        </div>
        {notice.map(|n| view! { <p class="notice" role="status">{n}</p> })}
        <crate::line_status::LineStatusPanel account_id=account_id.clone() msisdn=line.msisdn.clone() changed=changed.unwrap_or_default() />
        <section class="panel" aria-labelledby="usage-heading">
            <h2 id="usage-heading">"Data this cycle"</h2>
            <p>"Now: " <strong>{usage.behaviour.label()}</strong></p>
            <UsageGauge usage=usage.clone() />
            <dl class="facts">
                <dt>"Warn at"</dt>
                <dd>{usage.notify_kb.map_or("not set".into(), format_kb)}</dd>
                <dt>"Slow down at"</dt>
                <dd>
                    {usage.throttle_kb.map_or("not set".into(), format_kb)}
                    {usage.throttle_speed.as_deref().map(|s| format!(" (to {})", rules::speed_label(s)))}
                </dd>
                <dt>"Block at"</dt>
                <dd>{format_kb(usage.limit_kb)}{usage.is_default.then_some(" (platform default)")}</dd>
                <dt>"Renews"</dt>
                <dd>
                    {match &renewal {
                        Some(r) if r.period == RenewalPeriod::Weekly => format!("weekly on day {}{}", r.day, if r.auto_renew { ", automatically" } else { "" }),
                        Some(r) => format!("monthly on day {}{}", r.day, if r.auto_renew { ", automatically" } else { "" }),
                        None => "not set".into(),
                    }}
                </dd>
            </dl>
            <UsageChart samples limit_kb=usage.limit_kb />
            {can_manage.then(|| view! {
                <p><a class="button" href=links::line_limits(&account_id, &line.msisdn)>"Change limits"</a></p>
            })}
        </section>
        {can_manage.then(|| view! { <RenewalForm account_id=account_id.clone() msisdn=line.msisdn.clone() renewal /> })}
        <VoicemailSection account_id=account_id.clone() msisdn=line.msisdn.clone() voicemail can_manage />
        <crate::line_status::LineHistorySection account_id=account_id.clone() msisdn=line.msisdn.clone() />
    }
}

#[component]
fn VoicemailSection(
    account_id: String,
    msisdn: String,
    voicemail: Option<self::model::VoicemailView>,
    can_manage: bool,
) -> impl IntoView {
    let save = ServerAction::<SaveVoicemail>::new();
    let delete = ServerAction::<DeleteVoicemail>::new();
    let error = move || save.value().get().and_then(|r| r.err());
    let field = move |name: &'static str| Signal::derive(move || field_error(error(), name));
    let delete_error = move || delete.value().get().and_then(|r| r.err());
    let Some(v) = voicemail else {
        return view! {
            <section class="panel" aria-labelledby="voicemail-heading">
                <h2 id="voicemail-heading">"Voicemail"</h2>
                <InlineProblem error=AppError::Upstream("Voicemail could not be read from Telegent just now. Reload in a minute.".into()) />
            </section>
        }
        .into_any();
    };
    let enabled = v.enabled;
    let (account_for_delete, msisdn_for_delete) = (account_id.clone(), msisdn.clone());
    view! {
        <section class="panel" aria-labelledby="voicemail-heading">
            <h2 id="voicemail-heading">"Voicemail"</h2>
            <p>{if enabled { "On." } else { "Off." }}</p>
            {can_manage.then(|| view! {
                <ErrorSummary error=Signal::derive(error) fields=VOICEMAIL_FIELDS />
                <ActionForm action=save attr:class="stack">
                    <input type="hidden" name="account_id" value=account_id.clone() />
                    <input type="hidden" name="msisdn" value=msisdn.clone() />
                    <Field id="pin" label=if enabled { "New PIN (optional)" } else { "PIN" } kind="password"
                        autocomplete="new-password" hint="4 to 10 digits." error=field("pin") />
                    <Field id="first_name" label="First name (optional)" value=v.first_name.clone() error=field("first_name")
                        hint=VOICEMAIL_NAME_HINT remember=SaveVoicemail::PATH />
                    <Field id="last_name" label="Last name (optional)" value=v.last_name.clone() error=field("last_name")
                        hint=VOICEMAIL_NAME_HINT remember=SaveVoicemail::PATH />
                    <Field id="email" label="Send messages to e-mail (optional)" kind="email" value=v.email.clone() error=field("email") remember=SaveVoicemail::PATH />
                    <SubmitButton label=if enabled { "Save voicemail" } else { "Turn voicemail on" } busy_label="Saving…" />
                </ActionForm>
                {enabled.then(|| view! {
                    <ConfirmStep summary="Delete voicemail…" open=Signal::derive(move || delete_error().is_some())>
                        <ActionForm action=delete attr:class="stack">
                            <input type="hidden" name="account_id" value=account_for_delete.clone() />
                            <input type="hidden" name="msisdn" value=msisdn_for_delete.clone() />
                            <Checkbox id="confirm" label="Yes, delete the greeting and all messages" />
                            {move || delete_error().map(|e| view! { <p class="field-error">{e.to_string()}</p> })}
                            <SubmitButton label="Delete voicemail" class="button danger" busy_label="Deleting…" />
                        </ActionForm>
                    </ConfirmStep>
                })}
            })}
        </section>
    }
    .into_any()
}

#[component]
fn RenewalForm(account_id: String, msisdn: String, renewal: Option<RenewalView>) -> impl IntoView {
    let action = ServerAction::<SetRenewal>::new();
    let error = move || action.value().get().and_then(|r| r.err());
    let period = renewal.as_ref().map_or(RenewalPeriod::Monthly, |r| r.period).code();
    let day = renewal.as_ref().map_or(String::new(), |r| r.day.to_string());
    let auto = renewal.as_ref().is_none_or(|r| r.auto_renew);
    let day_error = move || field_error(error(), "day");
    let other_error = move || error().filter(|e| e.field_message("day").is_none());
    view! {
        <section class="panel" aria-labelledby="renewal-heading">
            <h2 id="renewal-heading">"Renewal"</h2>
            <FormError error=Signal::derive(move || other_error().map(|e| e.to_string())) />
            <ActionForm action attr:class="stack">
                <input type="hidden" name="account_id" value=account_id.clone() />
                <input type="hidden" name="numbers[]" value=msisdn.clone() />
                <div class="field">
                    <label for="period">"Cycle"</label>
                    <select id="period" name="period">
                        <option value="M" selected=period == "M">"Monthly"</option>
                        <option value="W" selected=period == "W">"Weekly"</option>
                    </select>
                </div>
                <div class="field">
                    <label for="day">"Renews on day"</label>
                    <p class="hint" id="day-hint">"Monthly: 1–31. Weekly: 1 (Monday) to 7 (Sunday)."</p>
                    <input
                        id="day"
                        name="day"
                        inputmode="numeric"
                        value=day
                        aria-invalid=move || day_error().map(|_| "true")
                        aria-describedby="day-hint day-error"
                    />
                    {move || day_error().map(|m| view! { <p class="field-error" id="day-error">{m}</p> })}
                </div>
                <Checkbox id="auto_renew" label="Renew automatically" checked=auto />
                <ConfirmStep summary="Reset usage now…">
                    <Checkbox id="reset" label="Yes, set this line's data use back to zero when saving" />
                </ConfirmStep>
                <SubmitButton label="Save renewal" busy_label="Saving…" />
            </ActionForm>
        </section>
    }
}
