//! The family view of an Account (the Manager's home): members, their lines
//! with data use, Guardian state and alerts.

use leptos::prelude::*;

use crate::accounts::api::fetch_family_overview;
use crate::accounts::model::{FamilyOverview, Member};
use crate::components::form::InlineProblem;
use crate::components::usage::UsageGauge;
use crate::links;
use crate::members::AddMemberForm;

/// Members and lines of an Account, loaded on its page.
#[component]
pub fn FamilySection(account_id: String) -> impl IntoView {
    let overview = Resource::new(move || account_id.clone(), fetch_family_overview);
    view! {
        <Suspense fallback=|| view! { <p class="loading" role="status">"Loading members and data use…"</p> }>
            {move || Suspend::new(async move {
                match overview.await {
                    Ok(data) => view! { <FamilyView data /> }.into_any(),
                    Err(error) => view! { <InlineProblem error /> }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn FamilyView(data: FamilyOverview) -> impl IntoView {
    let FamilyOverview {
        account_id,
        alerts,
        members,
        can_manage,
        can_add_members,
        as_of_seconds,
        ..
    } = data;
    let add_form_account = account_id.clone();
    let limits_href = links::account_limits(&account_id);
    let removed = leptos_router::hooks::use_query_map().read_untracked().get("removed");
    view! {
        <crate::components::as_of::AsOf seconds=as_of_seconds />
        {removed.map(|_| view! {
            <p class="notice" role="status">"The member was removed from this account."</p>
        })}
        {(!alerts.is_empty()).then(|| view! {
            <section aria-labelledby="alerts-heading" class="alerts">
                <h2 id="alerts-heading">"Needs attention"</h2>
                <ul>
                    {alerts
                        .into_iter()
                        .map(|a| view! {
                            <li class=format!("alert alert-{}", a.level.class())>
                                {a.message}
                                {a.fix.map(|(href, label)| view! { " " <a href=href>{label}</a> })}
                            </li>
                        })
                        .collect_view()}
                </ul>
            </section>
        })}
        <div class="section-head">
            <h2>"Members and lines"</h2>
            {can_manage.then(|| view! { <a class="button" href=limits_href.clone()>"Set data limits"</a> })}
        </div>
        {if members.is_empty() {
            view! { <div class="empty-state"><p>"No members in this account yet. Add the first one below."</p></div> }.into_any()
        } else {
            view! {
                <ul class="member-list">
                    {members
                        .into_iter()
                        .map(|member| view! { <MemberCard member account_id=account_id.clone() /> })
                        .collect_view()}
                </ul>
            }
            .into_any()
        }}
        {can_add_members.then(|| view! {
            <AddMemberForm account_id=add_form_account.clone() />
            <p class="hint">
                "To add a Manager or an Account Admin, or someone who signs in to the portal, use "
                <a href=links::users_for_account(&add_form_account)>"Users"</a> "."
            </p>
        })}
    }
}

#[component]
fn MemberCard(member: Member, account_id: String) -> impl IntoView {
    let Member {
        subscriber_id,
        name,
        email,
        role,
        lines,
        guardian,
    } = member;
    let guardian_href = links::guardian(&account_id, &subscriber_id);
    let member_href = links::member(&account_id, &subscriber_id);
    view! {
        <li class="member-card">
            <div class="member-head">
                <h3><a href=member_href>{name.clone()}</a></h3>
                <span class="role-badge">{role.label().to_string()}</span>
            </div>
            <p class="id-text">{email}</p>
            // Filters are set per line: no line, nothing to set up yet.
            {guardian.filter(|_| !lines.is_empty()).map(|g| {
                let state = match (g.calls_on, g.messages_on) {
                    (true, true) => "on for calls and messages".to_string(),
                    (true, false) => "on for calls only".to_string(),
                    (false, true) => "on for messages only".to_string(),
                    (false, false) => "off".to_string(),
                };
                let filter = g
                    .message_filter
                    .map(|mode| format!(" · message filter {mode}, {} allowed", g.allowed))
                    .unwrap_or_default();
                // Calls and messages are blocked by different lists: counted apart.
                let blocked = format!(
                    " · blocked: {} {}, {} message {}",
                    g.calls_blocked,
                    if g.calls_blocked == 1 { "caller" } else { "callers" },
                    g.blocked,
                    if g.blocked == 1 { "contact" } else { "contacts" },
                );
                view! {
                    <p class="guardian-state">
                        "AI Guardian: " {state} {filter} {blocked} " · "
                        <a href=guardian_href.clone()>{format!("AI Guardian settings for {name}")}</a>
                    </p>
                }
            })}
            {if lines.is_empty() {
                view! { <p class="muted">"No lines."</p> }.into_any()
            } else {
                view! {
                    <ul class="line-usage-list">
                        {lines
                            .into_iter()
                            .map(|line| {
                                let href = links::line(&account_id, &line.msisdn);
                                let behaviour = line.usage.behaviour;
                                view! {
                                    <li class="line-usage">
                                        <div class="line-head">
                                            <a href=href>{line.display.clone()}</a>
                                            <span class=format!("status behaviour-{behaviour:?}")>{behaviour.label()}</span>
                                        </div>
                                        <UsageGauge usage=line.usage />
                                    </li>
                                }
                            })
                            .collect_view()}
                    </ul>
                }
                .into_any()
            }}
        </li>
    }
}
