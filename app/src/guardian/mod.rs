//! One child's AI Guardian, calls and messages on one screen. Every form
//! works without JavaScript (posts, then comes back here); with it, no reload.

use leptos::prelude::*;
use leptos::server_fn::ServerFn;
use leptos_meta::Title;
use leptos_router::hooks::{use_params_map, use_query_map};

pub mod api;
pub mod facts;
#[cfg(feature = "ssr")]
pub mod lists;
pub mod model;
#[cfg(feature = "ssr")]
pub mod service;

use self::api::{
    fetch_guardian, EditGuardianList, SaveCallFilter, SaveMessageFilter, SetGuardianRelation, SetGuardianSwitches,
};
use self::model::{CallMode, GuardianDetail, MESSAGE_MODES};
use crate::components::breadcrumbs::{Breadcrumbs, Crumb};
use crate::components::form::{action_error, Checkbox, FormError, SubmitButton};
use crate::components::problem::Problem;

#[component]
pub fn GuardianPage() -> impl IntoView {
    let params = use_params_map();
    let query = use_query_map();
    let key = move || {
        let p = params.read();
        let q = query.read();
        (
            p.get("account_id").unwrap_or_default(),
            p.get("subscriber_id").unwrap_or_default(),
            q.get("line")
                .map(|l| format!("+{}", l.trim_start_matches('+')))
                .unwrap_or_default(),
            q.get("saved").unwrap_or_default(),
        )
    };
    let saved = move || query.read().get("saved");
    let detail = Resource::new(key, |(account, subscriber, line, _)| {
        fetch_guardian(account, subscriber, line)
    });
    view! {
        <Suspense fallback=|| view! { <p class="loading" role="status">"Loading AI Guardian…"</p> }>
            {move || Suspend::new(async move {
                match detail.await {
                    Ok(data) => view! { <GuardianView data saved=saved() /> }.into_any(),
                    // A member without a line: nothing to filter yet, not a failure.
                    Err(error) if error.field_message("line").is_some() => view! {
                        <div class="page-head"><h1>"AI Guardian"</h1></div>
                        <div class="empty-state">
                            <p>{error.field_message("line").unwrap_or_default()}</p>
                            <p>"Filters are set for each line: they can be set up once the member has one."</p>
                            <p><a href="/">"Back to the family"</a></p>
                        </div>
                    }.into_any(),
                    Err(error) => view! { <Problem error /> }.into_any(),
                }
            })}
        </Suspense>
    }
}

fn saved_message(what: &str) -> &'static str {
    match what {
        "switches" => "Guardian switches saved.",
        "guardians" => "Guardians updated.",
        "calls" => "Call filter saved.",
        "messages" => "Message filter saved.",
        _ => "List updated.",
    }
}

#[component]
fn GuardianView(data: GuardianDetail, saved: Option<String>) -> impl IntoView {
    let switches = ServerAction::<SetGuardianSwitches>::new();
    let relation = ServerAction::<SetGuardianRelation>::new();
    let calls = ServerAction::<SaveCallFilter>::new();
    let messages = ServerAction::<SaveMessageFilter>::new();
    let lists = ServerAction::<EditGuardianList>::new();
    // Copy, so every form on the page can use it.
    let ids = StoredValue::new((data.account_id.clone(), data.subscriber_id.clone(), data.line.clone()));
    let hidden = move || {
        let (account, subscriber, line) = ids.get_value();
        view! {
            <input type="hidden" name="account_id" value=account />
            <input type="hidden" name="subscriber_id" value=subscriber />
            <input type="hidden" name="line" value=line />
        }
    };
    let can = data.can_manage;
    let both_off = !data.calls_on && !data.messages_on;
    // Plain values: the forms' children are moved into their closures.
    let call = data.call_filter;
    let message = data.message_filter;
    let whitelist = call.as_ref().is_some_and(|c| c.mode == CallMode::OnlyAllowed);
    let call_block_unknown = call.as_ref().is_some_and(|c| c.block_unknown);
    let call_block_international = call.as_ref().is_some_and(|c| c.block_international);
    let call_inbound = call.as_ref().is_none_or(|c| c.inbound);
    let call_outbound = call.as_ref().is_none_or(|c| c.outbound);
    let call_allowed = call.as_ref().map(|c| c.allowed.clone()).unwrap_or_default();
    let call_blocked = call.as_ref().map(|c| c.blocked.clone()).unwrap_or_default();
    let message_mode = message.as_ref().map_or("ACTIVE".to_string(), |m| m.mode.clone());
    let msg_block_links = message.as_ref().is_some_and(|m| m.block_links);
    let msg_block_media = message.as_ref().is_some_and(|m| m.block_media);
    let msg_block_unknown = message.as_ref().is_some_and(|m| m.block_unknown);
    let msg_inbound = message.as_ref().is_none_or(|m| m.inbound);
    let msg_outbound = message.as_ref().is_none_or(|m| m.outbound);
    let keywords = message.as_ref().map(|m| m.keywords.clone()).unwrap_or_default();
    let notify = message.as_ref().map(|m| m.notify.join(", ")).unwrap_or_default();
    let msg_allowed = message.as_ref().map(|m| m.allowed.clone()).unwrap_or_default();
    let msg_blocked = message.as_ref().map(|m| m.blocked.clone()).unwrap_or_default();
    let line_display = data
        .lines
        .iter()
        .find(|l| l.msisdn == data.line)
        .map(|l| l.display.clone())
        .unwrap_or_default();
    // A list edit posted without JavaScript comes back here with its error:
    // a typing mistake shows at its list's input; anything else, once below.
    let list_error = lists.value().get_untracked().and_then(|r| r.err());
    let unplaced_list_error = list_error.clone().filter(|e| !e.is_invalid());
    let number_error = move |filter: &str, list: &str| {
        list_error
            .as_ref()
            .and_then(|e| e.field_message(&format!("{filter}-{list}-number")))
    };
    // The number typed into a list's Add field, if that add was refused.
    let typed = crate::components::typed::current();
    let typed_number = move |filter: &str, list: &str| {
        let typed = typed.as_ref()?;
        let path = EditGuardianList::PATH;
        let mine = typed.value(path, "filter").as_deref() == Some(filter)
            && typed.value(path, "list").as_deref() == Some(list)
            && typed.value(path, "add").as_deref() == Some("true");
        mine.then(|| typed.value(path, "number")).flatten()
    };
    let (account_id, subscriber_id, line) = ids.get_value();
    let list = move |title: &str, filter: &str, list: &str, entries: Vec<String>| {
        view! {
            <NumberList
                title=title.to_string()
                filter=filter.to_string()
                list=list.to_string()
                entries
                account_id=account_id.clone()
                subscriber_id=subscriber_id.clone()
                line=line.clone()
                can
                number_error=number_error(filter, list)
                typed_number=typed_number(filter, list).unwrap_or_default()
            />
        }
    };
    view! {
        <Title text=format!("AI Guardian · {}", data.name) />
        <Breadcrumbs crumbs=vec![
            Crumb::link(data.account_name.clone(), crate::links::account(&data.account_id)),
            Crumb::here(format!("AI Guardian for {}", data.name)),
        ] />
        <div class="page-head">
            <h1>{format!("AI Guardian for {}", data.name)}</h1>
            <p class="muted">{format!("Filters below apply to {line_display}")}</p>
        </div>
        {saved.map(|s| view! { <p class="notice" role="status">{saved_message(&s)}</p> })}
        <crate::components::as_of::AsOf seconds=data.as_of_seconds />
        {(data.lines.len() > 1).then(|| view! {
            <nav aria-label="Lines" class="line-switch">
                {data.lines.clone().into_iter().map(|l| {
                    let current = (l.msisdn == data.line).then_some("page");
                    let href = crate::links::guardian_line(&data.account_id, &data.subscriber_id, &l.msisdn);
                    view! { <a href=href aria-current=current>{l.display}</a> }
                }).collect_view()}
            </nav>
        })}

        <section class="panel" aria-labelledby="switches-heading">
            <h2 id="switches-heading">"Master switches"</h2>
            {both_off.then(|| view! {
                <p class="notice">"AI Guardian is off: the filters below are kept but do nothing until a switch is on."</p>
            })}
            <FormError error=Signal::derive(move || action_error(switches)().map(|e| e.to_string())) />
            <ActionForm action=switches attr:class="stack">
                {hidden()}
                <Checkbox id="calls" label="Filter calls" checked=data.calls_on disabled=!can />
                <Checkbox id="messages" label="Filter messages" checked=data.messages_on disabled=!can />
                {can.then(|| view! { <SubmitButton label="Save switches" busy_label="Saving…" /> })}
            </ActionForm>
        </section>

        <section class="panel" aria-labelledby="guardians-heading">
            <h2 id="guardians-heading">"Guardians"</h2>
            <p class="hint">"Guardians are told when a filter flags something."</p>
            <FormError error=Signal::derive(move || action_error(relation)().map(|e| e.to_string())) />
            {if data.guardians.is_empty() {
                view! { <p class="muted">"No guardian linked yet."</p> }.into_any()
            } else {
                view! {
                    <ul class="entry-list">
                        {data.guardians.clone().into_iter().map(|g| {
                            let (id, name) = (g.subscriber_id, g.name);
                            let unlink = format!("Unlink {name}");
                            view! {
                                <li>
                                    <span>{name}</span>
                                    {can.then(move || view! {
                                        <ActionForm action=relation attr:class="inline-form">
                                            {hidden()}
                                            <input type="hidden" name="guardian_id" value=id />
                                            <input type="hidden" name="link" value="false" />
                                            <SubmitButton label=unlink class="button danger" />
                                        </ActionForm>
                                    })}
                                </li>
                            }
                        }).collect_view()}
                    </ul>
                }.into_any()
            }}
            {(can && !data.candidates.is_empty()).then(|| view! {
                <ActionForm action=relation attr:class="inline-form">
                    {hidden()}
                    <input type="hidden" name="link" value="true" />
                    <label for="guardian_id">"Add a guardian"</label>
                    <select id="guardian_id" name="guardian_id">
                        {data.candidates.clone().into_iter().map(|p| view! { <option value=p.subscriber_id>{p.name}</option> }).collect_view()}
                    </select>
                    <SubmitButton label="Link" class="button" />
                </ActionForm>
            })}
        </section>

        <section class="panel" aria-labelledby="calls-heading">
            <h2 id="calls-heading">"Calls"</h2>
            <FormError error=Signal::derive(move || action_error(calls)().map(|e| e.to_string())) />
            <ActionForm action=calls attr:class="stack">
                {hidden()}
                <fieldset>
                    <legend>"Who may call"</legend>
                    <div class="check">
                        <input type="radio" id="mode-blacklist" name="mode" value="BLACKLIST" disabled=!can
                            checked=!whitelist />
                        <label for="mode-blacklist">"Everyone except the blocked numbers"</label>
                    </div>
                    <div class="check">
                        <input type="radio" id="mode-whitelist" name="mode" value="WHITELIST" disabled=!can
                            checked=whitelist />
                        <label for="mode-whitelist">"Only the allowed numbers"</label>
                    </div>
                </fieldset>
                <Checkbox id="call_block_unknown" name="block_unknown" label="Block numbers not in the contacts" checked=call_block_unknown disabled=!can />
                <Checkbox id="call_block_international" name="block_international" label="Block international calls" checked=call_block_international disabled=!can />
                <Checkbox id="call_inbound" name="inbound" label="Apply to incoming calls" checked=call_inbound disabled=!can />
                <Checkbox id="call_outbound" name="outbound" label="Apply to outgoing calls" checked=call_outbound disabled=!can />
                {can.then(|| view! { <SubmitButton label="Save call filter" busy_label="Saving…" /> })}
            </ActionForm>
            {list("Allowed numbers", "call", "allowed", call_allowed)}
            {list("Blocked numbers", "call", "blocked", call_blocked)}
        </section>

        <section class="panel" aria-labelledby="messages-heading">
            <h2 id="messages-heading">"Messages"</h2>
            <FormError error=Signal::derive(move || action_error(messages)().map(|e| e.to_string())) />
            <ActionForm action=messages attr:class="stack">
                {hidden()}
                <fieldset>
                    <legend>"How messages are filtered"</legend>
                    {MESSAGE_MODES.iter().map(|(value, label)| {
                        let id = format!("message-mode-{value}");
                        let checked = message_mode == *value;
                        view! {
                            <div class="check">
                                <input type="radio" id=id.clone() name="mode" value=*value checked=checked disabled=!can />
                                <label for=id>{*label}</label>
                            </div>
                        }
                    }).collect_view()}
                </fieldset>
                <Checkbox id="msg_block_links" name="block_links" label="Block links" checked=msg_block_links disabled=!can />
                <Checkbox id="msg_block_media" name="block_media" label="Block pictures and videos" checked=msg_block_media disabled=!can />
                <Checkbox id="msg_block_unknown" name="block_unknown" label="Block senders not in the contacts" checked=msg_block_unknown disabled=!can />
                <Checkbox id="msg_inbound" name="inbound" label="Apply to incoming messages" checked=msg_inbound disabled=!can />
                <Checkbox id="msg_outbound" name="outbound" label="Apply to outgoing messages" checked=msg_outbound disabled=!can />
                <div class="field">
                    <label for="keywords">"Words to flag"</label>
                    <p class="hint" id="keywords-hint">"Separated by commas."</p>
                    <input id="keywords" name="keywords" aria-describedby="keywords-hint" disabled=!can
                        value=keywords />
                </div>
                <div class="field">
                    <label for="notify">"Phones to notify"</label>
                    <p class="hint" id="notify-hint">"Numbers as you would dial them, separated by commas."</p>
                    <input id="notify" name="notify" inputmode="tel" aria-describedby="notify-hint notify-error" disabled=!can
                        value=notify />
                    {move || action_error(messages)().and_then(|e| e.field_message("notify")).map(|m| view! { <p class="field-error" id="notify-error">{m}</p> })}
                </div>
                {can.then(|| view! { <SubmitButton label="Save message filter" busy_label="Saving…" /> })}
            </ActionForm>
            {list("Allowed contacts", "message", "allowed", msg_allowed)}
            {list("Blocked contacts", "message", "blocked", msg_blocked)}
        </section>
        <FormError error=Signal::derive(move || unplaced_list_error.as_ref().map(|e| e.to_string())) />
    }
}

/// One list of a filter: each entry with its own Remove, and an Add form.
///
/// An island. With JavaScript the edit shows at once (an added number marked
/// "saving…", a removed one gone) and stays once Telegent accepts it; if
/// Telegent refuses, the list falls back to what it was and says why.
/// Without JavaScript the forms post and the page comes back read again,
/// with a typing mistake in `number_error`.
#[island]
#[allow(clippy::too_many_arguments)]
fn NumberList(
    title: String,
    filter: String,
    list: String,
    entries: Vec<String>,
    account_id: String,
    subscriber_id: String,
    line: String,
    can: bool,
    number_error: Option<String>,
    /// What was typed into Add, when that add came back refused.
    typed_number: String,
) -> impl IntoView {
    let action = ServerAction::<EditGuardianList>::new();
    let input_id = format!("{filter}-{list}-number");
    let error_id = format!("{input_id}-error");
    let heading_id = format!("{input_id}-heading");
    let ids = StoredValue::new((account_id, subscriber_id, line, filter, list));
    let hidden = move || {
        let (account, subscriber, line, filter, list) = ids.get_value();
        view! {
            <input type="hidden" name="account_id" value=account />
            <input type="hidden" name="subscriber_id" value=subscriber />
            <input type="hidden" name="line" value=line />
            <input type="hidden" name="filter" value=filter />
            <input type="hidden" name="list" value=list />
        }
    };
    // This island's own answers only: a refusal read from the address (a
    // post without JavaScript) came in as `number_error` or is shown below
    // the lists, and the page must hydrate as it was rendered.
    let answered = move || action.version().get() > 0 && action.input().get().is_none();
    let my_error = move || answered().then(|| action.value().get().and_then(|r| r.err())).flatten();
    let field = StoredValue::new(input_id.clone());
    let from_page = StoredValue::new(number_error);
    let number_error = move || {
        if action.version().get() == 0 {
            return from_page.get_value();
        }
        my_error().and_then(|e| field.with_value(|f| e.field_message(f)))
    };
    let other_error = move || my_error().filter(|e| !e.is_invalid());
    // The list as Telegent has it: as read with the page, then with every
    // edit Telegent accepted folded in (the page is not read again).
    let saved = RwSignal::new(entries);
    // The action forgets its input when the answer comes: keep the last one.
    let last_input = RwSignal::new(None::<EditGuardianList>);
    Effect::new(move || {
        if let Some(edit) = action.input().get() {
            last_input.set(Some(edit));
        }
    });
    Effect::new(move || {
        if let Some(Ok(())) = action.value().get() {
            if let Some(edit) = action.input().get_untracked().or_else(|| last_input.get_untracked()) {
                if let Ok(number) = telegent::phone::normalize_e164(&edit.number) {
                    saved.update(|rows| {
                        rows.retain(|n| *n != number);
                        if edit.add {
                            rows.push(number);
                        }
                    });
                }
            }
        }
    });
    // What to show: the saved list with the edit in flight applied at once;
    // `true` marks a number still being saved. A refused edit simply stops
    // being applied: the list is back to what it was.
    let pending = move || action.pending().get();
    let shown = move || {
        let mut rows: Vec<(String, bool)> = saved.get().into_iter().map(|n| (n, false)).collect();
        if let Some(edit) = action.input().get() {
            if let Ok(number) = telegent::phone::normalize_e164(&edit.number) {
                if edit.add && !rows.iter().any(|(n, _)| *n == number) {
                    rows.push((number, true));
                } else if !edit.add {
                    rows.retain(|(n, _)| *n != number);
                }
            }
        }
        rows
    };
    let add_label = format!("Number to add to {title}");
    view! {
        <div class="number-list" role="group" aria-labelledby=heading_id.clone() aria-busy=move || pending().then_some("true")>
            <h3 id=heading_id.clone()>{title}</h3>
            <FormError error=Signal::derive(move || other_error().map(|e| format!("{e} The list is as it was."))) />
            // The page is not reloaded after an accepted edit: say so here.
            {move || (answered() && matches!(action.value().get(), Some(Ok(()))))
                .then(|| view! { <p class="notice" role="status">"List updated."</p> })}
            {move || {
                let rows = shown();
                if rows.is_empty() {
                    view! { <p class="muted">"None."</p> }.into_any()
                } else {
                    view! {
                        <ul class="entry-list">
                            {rows.into_iter().map(|(number, pending)| {
                                let display = telegent::phone::format_for_display(&number);
                                view! {
                                    <li class:pending=pending>
                                        <span>{display.clone()}</span>
                                        {pending.then(|| view! { <span class="muted" role="status">"saving…"</span> })}
                                        {(can && !pending).then(|| view! {
                                            <ActionForm action attr:class="inline-form">
                                                {hidden()}
                                                <input type="hidden" name="number" value=number.clone() />
                                                <input type="hidden" name="add" value="false" />
                                                // Short on the screen (the number is beside it), whole for screen readers.
                                                <button type="submit" class="button danger compact" aria-label=format!("Remove {display}")>"Remove"</button>
                                            </ActionForm>
                                        })}
                                    </li>
                                }
                            }).collect_view()}
                        </ul>
                    }.into_any()
                }
            }}
            {can.then(|| view! {
                <ActionForm action attr:class="inline-form">
                    {hidden()}
                    <input type="hidden" name="add" value="true" />
                    <label for=input_id.clone() class="visually-hidden">{add_label}</label>
                    <input id=input_id.clone() name="number" inputmode="tel" autocomplete="off" placeholder="(801) 555-1234"
                        value=typed_number.clone() aria-invalid=move || number_error().map(|_| "true") aria-describedby=error_id.clone() />
                    <SubmitButton label="Add" class="button" pending=action.pending() />
                    {move || number_error().map(|m| view! { <p class="field-error" id=error_id.clone()>{m}</p> })}
                </ActionForm>
            })}
        </div>
    }
}
