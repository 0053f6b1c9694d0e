//! One member of an Account (lines, subscriptions, restrictions, name and
//! e-mail, removal) and the form that adds a member. Plain form posts that come back
//! with field errors; no reload with JavaScript.

use leptos::prelude::*;
use leptos::server_fn::ServerFn;
use leptos_meta::Title;
use leptos_router::hooks::{use_params_map, use_query_map};

pub mod api;
pub mod lines_form;
#[cfg(feature = "ssr")]
pub mod lines_given;
pub mod model;
#[cfg(feature = "ssr")]
pub mod removal;
#[cfg(feature = "ssr")]
pub mod role;
pub mod role_form;
#[cfg(feature = "ssr")]
pub mod service;
#[cfg(feature = "ssr")]
pub mod transfer;
pub mod transfer_form;

use self::api::{fetch_member, AddMember, EditMember, RemoveMember};
use self::model::{MemberDetail, RemovalPlan};
use crate::components::breadcrumbs::{Breadcrumbs, Crumb};
use crate::components::form::{
    field_error, Checkbox, Choice, ConfirmStep, ErrorSummary, Field, SelectField, SubmitButton,
};
use crate::components::problem::Problem;
use crate::components::usage::{format_kb, UsageGauge};
use crate::guardian::facts::GuardianFacts;
use crate::links;

/// A member's page: `/accounts/:account_id/members/:subscriber_id`.
#[component]
pub fn MemberPage() -> impl IntoView {
    let params = use_params_map();
    let query = use_query_map();
    // The edit form posts and comes back to this page (a page load, read
    // again); a refused edit comes back with what was typed.
    let edit = ServerAction::<EditMember>::new();
    let key = move || {
        let p = params.read();
        (
            p.get("account_id").unwrap_or_default(),
            p.get("subscriber_id").unwrap_or_default(),
        )
    };
    let saved = move || query.read().get("saved");
    let move_to = move || query.read().get("move_to").unwrap_or_default();
    let detail = Resource::new(key, |(account, subscriber)| fetch_member(account, subscriber));
    view! {
        <Transition fallback=|| view! { <p class="loading" role="status">"Loading member…"</p> }>
            {move || Suspend::new(async move {
                match detail.await {
                    Ok(data) => view! { <MemberView data saved=saved() move_to=move_to() edit /> }.into_any(),
                    Err(error) => view! { <Problem error /> }.into_any(),
                }
            })}
        </Transition>
    }
}

#[component]
fn MemberView(
    data: MemberDetail,
    saved: Option<String>,
    move_to: String,
    edit: ServerAction<EditMember>,
) -> impl IntoView {
    let MemberDetail {
        account_id,
        account_name,
        subscriber_id,
        name,
        email,
        role,
        lines,
        subscriptions,
        guardian,
        can_edit,
        can_subscribe,
        removal,
        as_of_seconds,
        can_transfer,
        activity,
        role_choices,
    } = data;
    let line_names: Vec<String> = lines.iter().map(|l| l.summary.display.clone()).collect();
    let has_lines = !lines.is_empty();
    let no_lines = if can_edit {
        "No lines yet. A line of this account without a person can be given below; new numbers come from your Distributor."
    } else {
        "No lines yet."
    };
    let plan_count = subscriptions.len();
    let guardian_href = links::guardian(&account_id, &subscriber_id);
    let notice = saved.map(|s| match s.as_str() {
        "added" => "Member added. Give them a line below, or set their limits once they have one.",
        "added-lines-left" => {
            "Member added, but Telegent did not take every line for them: see Recent activity, then give the rest below."
        }
        "lines-given" => "Line given.",
        "role" => "Role changed. If they sign in to the portal, they sign in again with the new role.",
        "lines-left" => "Telegent did not take every line: see Recent activity, then give the rest again.",
        "moved" => "Moved to this account, with their lines.",
        "moved-links-left" => {
            "Moved to this account, with their lines. A Guardian link with their former account could not be ended: \
             open their Guardian settings to remove it."
        }
        _ => "Changes saved.",
    });
    view! {
        <Title text=name.clone() />
        <Breadcrumbs crumbs=vec![
            Crumb::link(account_name, links::account(&account_id)),
            Crumb::here(name.clone()),
        ] />
        <div class="page-head">
            <h1>{name.clone()}</h1>
            <p class="muted"><span class="role-badge">{role.label().to_string()}</span> " " <span class="id-text">{email.clone()}</span></p>
        </div>
        {notice.map(|n| view! { <p class="notice" role="status">{n}</p> })}
        <crate::components::as_of::AsOf seconds=as_of_seconds />

        <section class="panel" aria-labelledby="lines-heading">
            <h2 id="lines-heading">"Lines"</h2>
            {if lines.is_empty() {
                view! { <p class="muted">{no_lines}</p> }.into_any()
            } else {
                view! {
                    <ul class="line-usage-list">
                        {lines.into_iter().map(|line| {
                            let u = line.summary.usage.clone();
                            let href = links::line(&account_id, &line.summary.msisdn);
                            view! {
                                <li class="line-usage">
                                    <div class="line-head">
                                        <a href=href>{line.summary.display.clone()}</a>
                                        <span class="status">{line.status.unwrap_or_else(|| "status unknown".into())}</span>
                                        <span class=format!("status behaviour-{:?}", u.behaviour)>{u.behaviour.label()}</span>
                                    </div>
                                    <UsageGauge usage=u.clone() />
                                    <p class="hint">{format!(
                                        "Warn at {} · slow down at {} · data stops at {}",
                                        u.notify_kb.map_or("none".into(), format_kb),
                                        u.throttle_kb.map_or("never".into(), format_kb),
                                        format_kb(u.limit_kb),
                                    )}</p>
                                </li>
                            }
                        }).collect_view()}
                    </ul>
                }.into_any()
            }}
        </section>

        <section class="panel" aria-labelledby="subscriptions-heading">
            <h2 id="subscriptions-heading">"Subscriptions"</h2>
            {if subscriptions.is_empty() {
                view! { <p class="muted">"No subscriptions."</p> }.into_any()
            } else {
                view! {
                    <div class="table-wrap">
                        <table>
                            <thead>
                                <tr>
                                    <th scope="col">"Plan"</th>
                                    <th scope="col">"Line"</th>
                                    <th scope="col">"Type"</th>
                                    <th scope="col">"State"</th>
                                </tr>
                            </thead>
                            <tbody>
                                {subscriptions.into_iter().map(|s| view! {
                                    <tr>
                                        <td>{s.package}<br /><a class="id-text" href=links::subscription(&s.subscription_id)>{s.subscription_id.clone()}</a></td>
                                        <td>{s.line.unwrap_or_else(|| "—".into())}</td>
                                        <td>{s.kind.label().to_string()}</td>
                                        <td>{if s.active { "Active" } else { "Inactive" }}</td>
                                    </tr>
                                }).collect_view()}
                            </tbody>
                        </table>
                    </div>
                }.into_any()
            }}
            {(can_subscribe && has_lines).then(|| view! {
                <p><a class="button" href=links::new_subscription(&account_id, &subscriber_id)>"Add a subscription"</a></p>
            })}
        </section>

        {guardian.map(|g| view! {
            <section class="panel" aria-labelledby="restrictions-heading">
                <h2 id="restrictions-heading">"Restrictions"</h2>
                <GuardianFacts guardian=g />
                {has_lines.then(|| view! { <p><a href=guardian_href.clone()>{format!("AI Guardian settings for {name}")}</a></p> })}
            </section>
        })}

        {activity.map(|items| view! { <RecentActivity items /> })}
        {can_edit.then(|| view! {
            <self::lines_form::GiveLinesForm account_id=account_id.clone() subscriber_id=subscriber_id.clone() name=name.clone() />
            <EditMemberForm action=edit account_id=account_id.clone() subscriber_id=subscriber_id.clone() name=name.clone() email />
        })}
        {(role_choices.len() > 1).then(|| view! {
            <self::role_form::RoleForm account_id=account_id.clone() subscriber_id=subscriber_id.clone()
                current=role.clone() choices=role_choices.clone() />
        })}
        {can_transfer.then(|| view! {
            <self::transfer_form::TransferSection account_id=account_id.clone()
                subscriber_id=subscriber_id.clone() name=name.clone() move_to=move_to.clone() />
        })}
        {removal.map(|plan| view! {
            <RemoveMemberForm account_id=account_id.clone() subscriber_id=subscriber_id.clone() name=name.clone()
                lines=line_names plans=plan_count plan />
        })}
    }
}

/// The latest audited actions about the member (newest first).
#[component]
fn RecentActivity(items: Vec<self::model::Activity>) -> impl IntoView {
    view! {
        <section class="panel" aria-labelledby="activity-heading">
            <h2 id="activity-heading">"Recent activity"</h2>
            {if items.is_empty() {
                view! { <p class="muted">"Nothing recorded about them yet."</p> }.into_any()
            } else {
                view! {
                    <ul class="activity">
                        {items.into_iter().map(|a| {
                            // "2026-12-02T10:15:03.123Z" → "2026-12-02 10:15 UTC"
                            let when = format!("{} UTC", a.at.get(..16).unwrap_or(&a.at).replace('T', " "));
                            view! {
                                <li>
                                    <time datetime=a.at.clone()>{when}</time>
                                    " · "<strong>{a.action}</strong>" · "{a.outcome}" · "
                                    <span class="muted">{a.who}</span>
                                    {(!a.detail.is_empty()).then(|| view! { <div class="hint">{a.detail}</div> })}
                                </li>
                            }
                        }).collect_view()}
                    </ul>
                }.into_any()
            }}
        </section>
    }
}

/// A member's fields, for the error summary of the add and edit forms.
const MEMBER_FIELDS: &[(&str, &str)] = &[("name", "Name"), ("email", "E-mail"), self::lines_form::LINES_FIELD];

#[component]
fn EditMemberForm(
    action: ServerAction<EditMember>,
    account_id: String,
    subscriber_id: String,
    name: String,
    email: String,
) -> impl IntoView {
    let error = move || action.value().get().and_then(|r| r.err());
    view! {
        <section class="panel" aria-labelledby="edit-heading">
            <h2 id="edit-heading">"Name and e-mail"</h2>
            <ErrorSummary error=Signal::derive(error) fields=MEMBER_FIELDS />
            <ActionForm action attr:class="stack">
                <input type="hidden" name="account_id" value=account_id />
                <input type="hidden" name="subscriber_id" value=subscriber_id />
                <Field id="name" label="Name" autocomplete="off" value=name required=true remember=EditMember::PATH
                    error=Signal::derive(move || field_error(error(), "name")) />
                <Field id="email" label="E-mail" kind="email" autocomplete="off" value=email required=true remember=EditMember::PATH
                    hint="Must not be used by anyone else on the platform. Also their portal sign-in, if they have one."
                    error=Signal::derive(move || field_error(error(), "email")) />
                <SubmitButton label="Save" busy_label="Saving…" />
            </ActionForm>
        </section>
    }
}

/// Removing the member, behind a confirmation that says what happens to
/// their lines, the plans on them, their Guardian settings and sign-in.
#[component]
fn RemoveMemberForm(
    account_id: String,
    subscriber_id: String,
    name: String,
    lines: Vec<String>,
    plans: usize,
    plan: RemovalPlan,
) -> impl IntoView {
    let action = ServerAction::<RemoveMember>::new();
    let error = move || action.value().get().and_then(|r| r.err());
    let has_lines = !lines.is_empty();
    let line_text = match lines.len() {
        0 => "They have no lines.".to_string(),
        1 => format!("Their line {} moves to the member you choose below.", lines[0]),
        n => format!(
            "Their {n} lines ({}) move to the member you choose below.",
            lines.join(", ")
        ),
    };
    let plans_text = match (has_lines, plans) {
        (false, _) | (true, 0) => None,
        (true, n) => Some(format!(
            "The {} billed on those lines stay{} with the lines: billing does not change.",
            if n == 1 { "plan" } else { "plans" },
            if n == 1 { "s" } else { "" }
        )),
    };
    let heirs: Vec<Choice> = plan
        .heirs
        .iter()
        .map(|(id, n)| Choice::new(id.clone(), n.clone()))
        .collect();
    let no_heir = has_lines && heirs.is_empty();
    view! {
        <section class="panel" aria-labelledby="remove-heading">
            <h2 id="remove-heading">"Remove from this account"</h2>
            <ConfirmStep summary=format!("Remove {name}…") open=Signal::derive(move || error().is_some())>
                <ErrorSummary error=Signal::derive(error) fields=&[("heir", "Their lines go to"), ("confirm", "Confirmation")] />
                <ul class="consequences">
                    <li>{line_text}</li>
                    {plans_text.map(|t| view! { <li>{t}</li> })}
                    <li>"Their AI Guardian settings are deleted: links to guardians or children, call and message filters."</li>
                    {plan.signs_in.then(|| view! { <li>"Their portal sign-in is turned off."</li> })}
                    <li>"Telegent keeps its record of the person (it has no way to delete one); this portal no longer shows them."</li>
                </ul>
                {if no_heir {
                    view! { <p class="form-error">"Nobody else in this account can take over their lines. Add a member first."</p> }.into_any()
                } else {
                    view! {
                        <ActionForm action attr:class="stack">
                            <input type="hidden" name="account_id" value=account_id />
                            <input type="hidden" name="subscriber_id" value=subscriber_id />
                            {has_lines.then(|| view! {
                                <SelectField id="heir" label="Their lines go to" choices=heirs.clone()
                                    error=Signal::derive(move || field_error(error(), "heir")) />
                            })}
                            <Checkbox id="confirm" label=format!("Yes, remove {name}") />
                            {move || field_error(error(), "confirm").map(|m| view! { <p class="field-error" id="confirm-error">{m}</p> })}
                            <SubmitButton label="Remove member" class="button danger" busy_label="Removing…" />
                        </ActionForm>
                    }.into_any()
                }}
            </ConfirmStep>
        </section>
    }
}

/// Adds a member to the Account (role Subscriber), on the family overview.
#[component]
pub fn AddMemberForm(account_id: String) -> impl IntoView {
    let action = ServerAction::<AddMember>::new();
    let error = move || action.value().get().and_then(|r| r.err());
    // Open again when the form came back with an error (also without JavaScript).
    let open = move || error().is_some();
    view! {
        <details class="add-member" open=open>
            <summary class="button">"Add a member"</summary>
            <ActionForm action attr:class="stack">
                <input type="hidden" name="account_id" value=account_id />
                <p class="hint">"They join this account as a Subscriber."</p>
                <ErrorSummary error=Signal::derive(error) fields=MEMBER_FIELDS />
                <Field id="name" label="Name" autocomplete="off" required=true remember=AddMember::PATH
                    error=Signal::derive(move || field_error(error(), "name")) />
                <Field id="email" label="E-mail" kind="email" autocomplete="off" required=true remember=AddMember::PATH
                    hint="Must not be used by anyone else on the platform."
                    error=Signal::derive(move || field_error(error(), "email")) />
                <Field id="phone_numbers" label="Phone numbers (optional)" inputmode="tel" autocomplete="off" remember=AddMember::PATH
                    hint="Lines of this account that have no person yet, e.g. 801 555 0123. Separate several with commas."
                    error=Signal::derive(move || field_error(error(), "phone_numbers")) />
                <SubmitButton label="Add member" busy_label="Adding…" />
            </ActionForm>
        </details>
    }
}
