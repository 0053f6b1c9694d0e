//! The Platform admin's view: the Distributors this portal serves.

use leptos::prelude::*;
use leptos_meta::Title;

use leptos_router::hooks::use_query_map;

use crate::api::{fetch_current_user, fetch_my_lines, list_distributors, SaveDistributor};
use crate::components::breadcrumbs::{Breadcrumbs, Crumb};
use crate::components::problem::Problem;
use crate::components::restrictions::GuardianFacts;
use crate::components::usage::{format_kb, UsageGauge};
use crate::model::{DistributorRow, MyLines};
use crate::pages::session::{field_error, Field};
use crate::policy::Role;

#[component]
pub fn DistributorsPage() -> impl IntoView {
    let query = use_query_map();
    let saved = move || query.read().get("saved");
    let rows = Resource::new(saved, |_| list_distributors());
    let user = OnceResource::new(fetch_current_user());
    view! {
        <Title text="Distributors" />
        <Breadcrumbs crumbs=vec![Crumb::here("Distributors")] />
        <div class="page-head">
            <h1>"Distributors"</h1>
            <p class="muted">"API secrets are stored sealed and are never shown."</p>
        </div>
        {move || saved().map(|id| view! { <p class="notice" role="status">{format!("Credential for {id} checked with Telegent and saved.")}</p> })}
        <Suspense fallback=|| view! { <p class="loading" role="status">"Loading Distributors…"</p> }>
            {move || Suspend::new(async move {
                match rows.await {
                    Ok(rows) if rows.is_empty() => view! {
                        <div class="empty-state"><p>"No Distributors are configured yet."</p></div>
                    }
                    .into_any(),
                    Ok(rows) => view! { <DistributorTable rows /> }.into_any(),
                    Err(error) => view! { <Problem error /> }.into_any(),
                }
            })}
        </Suspense>
        <Suspense fallback=|| ()>
            {move || Suspend::new(async move {
                let platform = user.await.ok().flatten().is_some_and(|u| u.role == Role::PlatformAdmin);
                platform.then(|| view! { <CredentialForm /> })
            })}
        </Suspense>
    }
}

/// Adds a Distributor or replaces its credential; Telegent checks it first.
#[component]
fn CredentialForm() -> impl IntoView {
    let action = ServerAction::<SaveDistributor>::new();
    let error = move || action.value().get().and_then(|r| r.err());
    let field = move |name: &'static str| Signal::derive(move || field_error(error(), name));
    let other = move || {
        error().filter(|e| {
            !["distributor_id", "api_base_url", "account_key", "account_secret"]
                .iter()
                .any(|f| e.field_message(f).is_some())
        })
    };
    view! {
        <section class="panel" aria-labelledby="credential-heading">
            <h2 id="credential-heading">"Add a Distributor or replace its credential"</h2>
            {move || other().map(|e| view! { <p class="form-error" role="alert">{e.to_string()}</p> })}
            <ActionForm action attr:class="stack">
                <Field id="distributor_id" label="DistributorId" hint="DID-…" required=true error=field("distributor_id") />
                <Field id="api_base_url" label="API address" kind="url" hint="For example https://api.telegent.com" required=true error=field("api_base_url") />
                <Field id="account_key" label="AccountKey" autocomplete="off" required=true error=field("account_key") />
                <Field id="account_secret" label="AccountSecret" kind="password" autocomplete="new-password" hint="Checked with Telegent, then stored sealed; it is never shown again." required=true error=field("account_secret") />
                <button type="submit" class="button primary">"Check and save"</button>
            </ActionForm>
        </section>
    }
}

#[component]
fn DistributorTable(rows: Vec<DistributorRow>) -> impl IntoView {
    view! {
        <div class="table-wrap">
            <table class="data-table">
                <caption class="visually-hidden">"Distributors"</caption>
                <thead>
                    <tr>
                        <th scope="col">"Distributor"</th>
                        <th scope="col">"API"</th>
                        <th scope="col">"Credential"</th>
                    </tr>
                </thead>
                <tbody>
                    {rows
                        .into_iter()
                        .map(|d| view! {
                            <tr>
                                <td data-label="Distributor">
                                    <div>
                                        <a href=format!("/distributors/{}", d.id)>{d.name}</a>
                                        <div class="id-text">{d.id}</div>
                                    </div>
                                </td>
                                <td data-label="API">{d.api_base_url}</td>
                                <td data-label="Credential">
                                    <div>
                                        <span class="id-text">{d.account_key}</span>
                                        <div>{if d.connected { "Secret stored (sealed)" } else { "No usable secret" }}</div>
                                    </div>
                                </td>
                            </tr>
                        })
                        .collect_view()}
                </tbody>
            </table>
        </div>
    }
}

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
