//! A Subscriber's own page: their lines, data use against the limits that
//! apply, and the Guardian restrictions on them, read-only.

pub mod api;
pub mod model;

use leptos::prelude::*;
use leptos_meta::Title;

use self::api::fetch_my_lines;
use self::model::MyLines;
use crate::components::breadcrumbs::{Breadcrumbs, Crumb};
use crate::components::problem::Problem;
use crate::components::usage::{format_kb, UsageGauge};
use crate::guardian::facts::GuardianFacts;

/// A Subscriber's home: their own lines, read-only.
#[component]
pub fn MyLinesPage() -> impl IntoView {
    let lines = OnceResource::new(fetch_my_lines());
    view! {
        <Title text="My lines" />
        <Suspense fallback=|| view! { <p class="loading" role="status">"Loading your lines…"</p> }>
            {move || Suspend::new(async move {
                match lines.await {
                    Ok(data) => view! { <MyLinesView data /> }.into_any(),
                    Err(error) => view! { <Problem error /> }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn MyLinesView(data: MyLines) -> impl IntoView {
    let MyLines {
        name,
        account_name,
        lines,
        guardian,
    } = data;
    view! {
        <Breadcrumbs crumbs=vec![Crumb::here_parent(account_name), Crumb::here("My lines")] />
        <div class="page-head">
            <h1>"My lines"</h1>
            <p class="muted">{name}</p>
        </div>
        <p class="hint">"Your account's Manager sets these limits and filters; ask them if something should change."</p>
        {if lines.is_empty() {
            view! { <div class="empty-state"><p>"No lines are assigned to you yet."</p></div> }.into_any()
        } else {
            view! {
                <ul class="line-usage-list">
                    {lines
                        .into_iter()
                        .map(|line| {
                            let u = line.usage.clone();
                            view! {
                                <li class="member-card">
                                    <div class="line-head">
                                        <h2 class="line-number">{line.display.clone()}</h2>
                                        <span class=format!("status behaviour-{:?}", u.behaviour)>{u.behaviour.label()}</span>
                                    </div>
                                    <UsageGauge usage=u.clone() />
                                    <dl class="facts">
                                        <dt>"Warning at"</dt>
                                        <dd>{u.notify_kb.map_or("none".into(), format_kb)}</dd>
                                        <dt>"Slowed down at"</dt>
                                        <dd>{u.throttle_kb.map_or("never".into(), format_kb)}</dd>
                                        <dt>"Data stops at"</dt>
                                        <dd>{format_kb(u.limit_kb)}</dd>
                                    </dl>
                                </li>
                            }
                        })
                        .collect_view()}
                </ul>
            }
            .into_any()
        }}
        {guardian.map(|g| view! {
            <section class="panel" aria-labelledby="guardian-heading">
                <h2 id="guardian-heading">"AI Guardian"</h2>
                <GuardianFacts guardian=g />
            </section>
        })}
    }
}
