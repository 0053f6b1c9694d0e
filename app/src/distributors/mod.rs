//! The Platform admin's view: the Distributors this portal serves.

pub mod api;
#[cfg(feature = "ssr")]
pub mod changes;
pub mod distributor_form;
pub mod model;
#[cfg(feature = "ssr")]
pub mod service;

use leptos::prelude::*;
use leptos::server_fn::ServerFn;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

use self::api::{list_distributors, SaveDistributor};
use self::model::DistributorRow;
use crate::components::breadcrumbs::{Breadcrumbs, Crumb};
use crate::components::form::{field_error, ErrorSummary, Field, SubmitButton};
use crate::components::problem::Problem;
use crate::policy::Role;
use crate::session::api::fetch_current_user;

#[component]
pub fn DistributorsPage() -> impl IntoView {
    let query = use_query_map();
    let saved = move || query.read().get("saved");
    let created = move || query.read().get("created");
    let updated = move || query.read().get("updated");
    let rows = Resource::new(move || (saved(), created(), updated()), |_| list_distributors());
    let user = OnceResource::new(fetch_current_user());
    // Who may not read the list sees only the refusal: no heading first.
    let head = || {
        view! {
            <Breadcrumbs crumbs=vec![Crumb::here("Distributors")] />
            <div class="page-head">
                <h1>"Distributors"</h1>
                <p class="muted">"API secrets are stored sealed and are never shown."</p>
            </div>
        }
    };
    view! {
        <Title text="Distributors" />
        <Suspense fallback=|| view! { <p class="loading" role="status">"Loading Distributors…"</p> }>
            {move || Suspend::new(async move {
                match rows.await {
                    Ok(rows) => view! {
                        {head()}
                        {saved().map(|id| view! { <p class="notice" role="status">{format!("Credential for {id} checked with Telegent and saved.")}</p> })}
                        {created().map(|id| view! { <p class="notice" role="status">{format!("Distributor {id} created at Telegent. Its credential came with it and is stored sealed; nobody needs to copy it.")}</p> })}
                        {updated().map(|id| view! { <p class="notice" role="status">{format!("Distributor {id} saved at Telegent.")}</p> })}
                        {if rows.is_empty() {
                            view! { <div class="empty-state"><p>"No Distributors are configured yet."</p></div> }.into_any()
                        } else {
                            view! { <DistributorTable rows /> }.into_any()
                        }}
                    }
                    .into_any(),
                    Err(error) => view! { <Problem error /> }.into_any(),
                }
            })}
        </Suspense>
        <Suspense fallback=|| ()>
            {move || Suspend::new(async move {
                let platform = user.await.ok().flatten().is_some_and(|u| u.role == Role::PlatformAdmin);
                platform.then(|| view! {
                    <p><a class="button" href=crate::links::new_distributor()>"New distributor"</a></p>
                    <CredentialForm />
                })
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
    view! {
        <section class="panel" aria-labelledby="credential-heading">
            <h2 id="credential-heading">"Add a Distributor or replace its credential"</h2>
            <ErrorSummary error=Signal::derive(error) fields=&[
                ("distributor_id", "DistributorId"),
                ("api_base_url", "API address"),
                ("account_key", "AccountKey"),
                ("account_secret", "AccountSecret"),
            ] />
            <ActionForm action attr:class="stack">
                <Field id="distributor_id" label="DistributorId" hint="DID-…" required=true remember=SaveDistributor::PATH error=field("distributor_id") />
                <Field id="api_base_url" label="API address" kind="url" hint="For example https://api.telegent.com" required=true remember=SaveDistributor::PATH error=field("api_base_url") />
                <Field id="account_key" label="AccountKey" autocomplete="off" required=true remember=SaveDistributor::PATH error=field("account_key") />
                <Field id="account_secret" label="AccountSecret" kind="password" autocomplete="new-password" hint="Checked with Telegent, then stored sealed; it is never shown again." required=true error=field("account_secret") />
                <SubmitButton label="Check and save" busy_label="Checking with Telegent…" />
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
                                        <a href=crate::links::distributor(&d.id)>{d.name.clone()}</a>
                                        <div class="id-text">{d.id.clone()}</div>
                                        {d.can_edit.then(|| view! {
                                            <a href=crate::links::edit_distributor(&d.id)>
                                                "Edit" <span class="visually-hidden">{format!(" {}", d.name)}</span>
                                            </a>
                                        })}
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
