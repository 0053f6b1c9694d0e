//! The Distributor's home (above its accounts list): counts rolled up over
//! the whole tree, what needs action with links to where it is fixed, and
//! how current the copy is, with "Refresh now".

pub mod api;
pub mod model;
#[cfg(feature = "ssr")]
pub mod service;

use leptos::prelude::*;
use leptos::server_fn::ServerFn;

use self::api::RefreshNow;
use self::model::{NeedsAction, Rollup, Workspace};
use crate::components::form::SubmitButton;
use crate::read_model::model::Freshness;

/// `refresh`: the `?refresh=` notice of the page (after "Refresh now").
#[component]
pub fn WorkspacePanel(data: Workspace, back: String, refresh: Option<String>) -> impl IntoView {
    let Workspace {
        distributor_id,
        rollup,
        needs,
        freshness,
        ..
    } = data;
    view! {
        <section class="workspace" aria-labelledby="workspace-heading">
            <h2 id="workspace-heading" class="visually-hidden">"Overview"</h2>
            <RollupView rollup />
            <FreshnessLine freshness distributor_id back refresh />
            <NeedsList needs />
        </section>
    }
}

#[component]
fn RollupView(rollup: Rollup) -> impl IntoView {
    let stat = |label: &'static str, value: u32| {
        view! {
            <div class="stat">
                <dt>{label}</dt>
                <dd>{value}</dd>
            </div>
        }
    };
    view! {
        <dl class="stats">
            {stat("Accounts", rollup.accounts)}
            {stat("Subscribers", rollup.subscribers)}
            {stat("Active lines", rollup.lines_active)}
            {stat("Plans", rollup.subscriptions)}
            {stat("Suspended lines", rollup.lines_parked)}
            {stat("Pending lines", rollup.lines_pending)}
            {stat("Slowed down", rollup.lines_throttled)}
            {stat("Blocked", rollup.lines_blocked)}
            {stat("Open orders", rollup.open_orders)}
        </dl>
    }
}

#[component]
fn FreshnessLine(freshness: Freshness, distributor_id: String, back: String, refresh: Option<String>) -> impl IntoView {
    let notice = match refresh.as_deref() {
        Some("started") => Some("Reading everything from Telegent again. Reload the page in a minute to see it."),
        Some("recent") => Some("A refresh was asked for less than a minute ago; it is on its way."),
        _ => None,
    };
    view! {
        <div class="freshness">
            <p class="muted" role="status">
                "A copy of Telegent's data, " {freshness.as_of_words()} "."
                {freshness.sweeping.then_some(" Being read again now.")}
            </p>
            {freshness.last_problem.map(|p| view! {
                <p class="field-error">"The last refresh did not finish: " {p}</p>
            })}
            {notice.map(|n| view! { <p class="notice" role="status">{n}</p> })}
            {if freshness.can_refresh {
                view! {
                    <form method="post" action=RefreshNow::PATH class="inline-form">
                        <input type="hidden" name="distributor_id" value=distributor_id />
                        <input type="hidden" name="back" value=back />
                        <SubmitButton label="Refresh now" class="button" busy_label="Starting…" />
                    </form>
                }.into_any()
            } else {
                // At most one refresh a minute: say so rather than hide the button silently.
                view! { <p class="muted">"A refresh was asked for less than a minute ago: it can be asked for again shortly."</p> }.into_any()
            }}
        </div>
    }
}

#[component]
fn NeedsList(needs: Vec<NeedsAction>) -> impl IntoView {
    if needs.is_empty() {
        return view! { <p class="all-clear">"Nothing needs action right now."</p> }.into_any();
    }
    view! {
        <div class="needs-action">
            <h2>"Needs action"</h2>
            <ul>
                {needs
                    .into_iter()
                    .map(|item| {
                        let more = item.count as usize > item.examples.len();
                        view! {
                            <li>
                                {match item.href {
                                    Some(href) => view! { <a href=href>{item.message}</a> }.into_any(),
                                    None => view! { <span>{item.message}</span> }.into_any(),
                                }}
                                <ul class="examples">
                                    {item
                                        .examples
                                        .into_iter()
                                        .map(|(label, href)| view! { <li><a href=href>{label}</a></li> })
                                        .collect_view()}
                                    {more.then_some(view! { <li class="muted">"…and more"</li> })}
                                </ul>
                            </li>
                        }
                    })
                    .collect_view()}
            </ul>
        </div>
    }
    .into_any()
}
