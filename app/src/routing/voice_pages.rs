//! The voice-route pages of an Account: the routes list's voice section,
//! one route with the lines using it, and the form. Every page that changes
//! a route says that changes take about 10 minutes to propagate.

use leptos::prelude::*;
use leptos::server_fn::ServerFn;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

use super::api::{fetch_voice_route, fetch_voice_route_form, DeleteVoiceRoute, SaveVoiceRoute};
use super::model::{AUTH_TYPES, METHODS};
use super::pages::{auth_label, route_ref};
use super::voice_model::{
    TrunkRow, VoiceRouteDetail, VoiceRouteFormPage as FormPage, VoiceRouteRow, PROPAGATION, ROUTE_TYPES, TRANSPORTS,
};
use crate::components::breadcrumbs::{Breadcrumbs, Crumb};
use crate::components::form::{
    field_error, Checkbox, Choice, ConfirmStep, ErrorSummary, Field, SelectField, SubmitButton,
};
use crate::components::problem::Problem;
use crate::links;

fn type_label(route_type: &str) -> &'static str {
    match route_type {
        "Trunk" => "SIP trunk",
        "URL" | "Webhook" => "Webhook URL",
        "Forward" => "Forward",
        _ => "Other",
    }
}

/// The voice section of `/accounts/:account_id/routes`.
#[component]
pub fn VoiceRoutesSection(account_id: String, routes: Vec<VoiceRouteRow>) -> impl IntoView {
    let empty = routes.is_empty();
    view! {
        <section class="panel" aria-labelledby="voice-routes">
            <h2 id="voice-routes">"Voice routes"</h2>
            <p class="muted">"How Telegent delivers this Account's calls: SIP trunks, a webhook, or a forward. Needed only for numbers that take calls. " {PROPAGATION}</p>
            {if empty {
                view! { <div class="empty-state"><p>"No voice route: numbers of this Account can message but not take calls."</p></div> }.into_any()
            } else {
                view! {
                    <div class="table-wrap">
                        <table class="data-table">
                            <caption class="visually-hidden">"Voice routes"</caption>
                            <thead>
                                <tr>
                                    <th scope="col">"Route"</th>
                                    <th scope="col">"Type"</th>
                                    <th scope="col">"Calls go to"</th>
                                    <th scope="col">"Lines"</th>
                                    <th scope="col">"State"</th>
                                </tr>
                            </thead>
                            <tbody>
                                {routes.into_iter().map(|r| view! {
                                    <tr>
                                        <td data-label="Route"><div><a href=links::voice_route(&account_id, &r.id)>{r.name.clone()}</a><div class="id-text">{r.id.clone()}</div></div></td>
                                        <td data-label="Type">{type_label(&r.route_type)}</td>
                                        <td data-label="Calls go to">{r.target()}</td>
                                        <td data-label="Lines">{r.numbers}</td>
                                        <td data-label="State">{if r.enabled { "Enabled" } else { "Disabled" }}</td>
                                    </tr>
                                }).collect_view()}
                            </tbody>
                        </table>
                    </div>
                }.into_any()
            }}
        </section>
    }
}

/// `/accounts/:account_id/routes/voice/:route_id`.
#[component]
pub fn VoiceRoutePage() -> impl IntoView {
    let query = use_query_map();
    let saved = move || query.read().get("saved").is_some();
    let detail = Resource::new(route_ref(), fetch_voice_route);
    view! {
        <Suspense fallback=|| view! { <p class="loading" role="status">"Loading route…"</p> }>
            {move || Suspend::new(async move {
                match detail.await {
                    Ok(data) => view! { <VoiceRouteView data saved=saved() /> }.into_any(),
                    Err(error) => view! { <Problem error /> }.into_any(),
                }
            })}
        </Suspense>
    }
}

fn trunk_facts(n: usize, t: TrunkRow) -> impl IntoView {
    let num = |v: Option<i64>| v.map_or_else(|| "—".to_string(), |v| v.to_string());
    view! {
        <dt>{format!("Trunk {n}")}</dt>
        <dd>
            {format!("{}:{} over {}", t.ip, t.port, t.transport)}
            {(!t.uri.is_empty()).then(|| format!(" · {}", t.uri))}
            {format!(" · priority {} · weight {} · {}", num(t.priority), num(t.weight), if t.enabled { "enabled" } else { "disabled" })}
        </dd>
    }
}

#[component]
fn VoiceRouteView(data: VoiceRouteDetail, saved: bool) -> impl IntoView {
    let VoiceRouteDetail {
        account_id,
        account_name,
        route,
        lines,
        can_edit,
    } = data;
    let (id, name) = (route.id.clone(), route.name.clone());
    let in_use = !lines.is_empty();
    let is_url = route.route_type == "URL";
    let target = route.target();
    view! {
        <Title text=format!("Voice route {name}") />
        <Breadcrumbs crumbs=vec![
            Crumb::link(account_name, links::account(&account_id)),
            Crumb::link("Routes", links::routes(&account_id)),
            Crumb::here(name.clone()),
        ] />
        <div class="page-head">
            <h1>{name.clone()}</h1>
            <p class="id-text">{id.clone()}</p>
            {can_edit.then(|| view! { <a class="button" href=links::edit_voice_route(&account_id, &id)>"Edit route"</a> })}
        </div>
        {saved.then(|| view! { <p class="notice" role="status">{format!("Voice route saved at Telegent. {PROPAGATION}")}</p> })}
        <section class="panel" aria-labelledby="route-facts">
            <h2 id="route-facts">"Calls"</h2>
            <dl class="facts">
                <dt>"Type"</dt><dd>{type_label(&route.route_type)}</dd>
                <dt>"Calls go to"</dt><dd>{target}</dd>
                {route.trunks.into_iter().enumerate().map(|(i, t)| trunk_facts(i + 1, t)).collect_view()}
                {is_url.then(|| view! {
                    <dt>"Authentication"</dt>
                    <dd>{if route.auth.is_empty() { "Not reported by Telegent".to_string() } else { auth_label(&route.auth, route.secret_set) }}</dd>
                })}
                <dt>"Call events"</dt><dd>{if route.callback_url.is_empty() { "Not sent".to_string() } else { format!("{} {}", route.callback_method, route.callback_url) }}</dd>
                <dt>"IP allow-list"</dt><dd>{if route.ip_allow_list.is_empty() { "Empty (trunk traffic from any address)".to_string() } else { route.ip_allow_list.join(", ") }}</dd>
                <dt>"Intelligent routing"</dt><dd>{if route.intelligent { "On (AI Guardian can filter these lines' calls)" } else { "Off: AI Guardian needs it to filter calls" }}</dd>
                <dt>"State"</dt><dd>{if route.enabled { "Enabled" } else { "Disabled" }}</dd>
            </dl>
            <p class="hint">{PROPAGATION}</p>
        </section>
        <section class="panel" aria-labelledby="route-lines">
            <h2 id="route-lines">"Lines using it"</h2>
            {if lines.is_empty() {
                view! { <p class="muted">"No line uses this route."</p> }.into_any()
            } else {
                view! { <ul>{lines.into_iter().map(|(shown, msisdn)| view! { <li><a href=links::line(&account_id, &msisdn)>{shown}</a></li> }).collect_view()}</ul> }.into_any()
            }}
        </section>
        {can_edit.then(|| view! { <DeleteVoiceRouteForm account_id=account_id.clone() id=id.clone() name=name.clone() in_use /> })}
    }
}

#[component]
fn DeleteVoiceRouteForm(account_id: String, id: String, name: String, in_use: bool) -> impl IntoView {
    let action = ServerAction::<DeleteVoiceRoute>::new();
    let error = move || action.value().get().and_then(|r| r.err());
    view! {
        <section class="panel" aria-labelledby="delete-route">
            <h2 id="delete-route">"Delete"</h2>
            <ConfirmStep summary=format!("Delete {name}…") open=Signal::derive(move || error().is_some())>
                <ErrorSummary error=Signal::derive(error) fields=&[("confirm", "Delete")] />
                <p>{if in_use { "Lines still use this route: move them to another route first." } else { "Calls stop reaching these trunks or this address." }}</p>
                <ActionForm action attr:class="stack">
                    <input type="hidden" name="account_id" value=account_id />
                    <input type="hidden" name="id" value=id />
                    <Checkbox id="confirm" label=format!("Yes, delete {name}") />
                    {move || field_error(error(), "confirm").map(|m| view! { <p class="field-error" id="confirm-error">{m}</p> })}
                    <SubmitButton label=format!("Delete {name}") class="button danger" busy_label="Deleting…" />
                </ActionForm>
            </ConfirmStep>
        </section>
    }
}

/// `/accounts/:account_id/routes/voice/new` and `…/:route_id/edit`.
#[component]
pub fn VoiceRouteFormPage() -> impl IntoView {
    let page = Resource::new(route_ref(), fetch_voice_route_form);
    view! {
        <Suspense fallback=|| view! { <p class="loading" role="status">"Loading…"</p> }>
            {move || Suspend::new(async move {
                match page.await {
                    Ok(page) => view! { <VoiceRouteFormView page /> }.into_any(),
                    Err(error) => view! { <Problem error /> }.into_any(),
                }
            })}
        </Suspense>
    }
}

const FIELDS: &[(&str, &str)] = &[
    ("route_name", "Name"),
    ("route_type", "Type"),
    ("trunk_ip1", "Trunk 1 IP address"),
    ("trunk_port1", "Trunk 1 port"),
    ("trunk_transport1", "Trunk 1 transport"),
    ("trunk_uri1", "Trunk 1 URI"),
    ("trunk1_priority", "Trunk 1 priority"),
    ("trunk1_weight", "Trunk 1 weight"),
    ("trunk_ip2", "Trunk 2 IP address"),
    ("trunk_port2", "Trunk 2 port"),
    ("trunk_transport2", "Trunk 2 transport"),
    ("trunk_uri2", "Trunk 2 URI"),
    ("trunk2_priority", "Trunk 2 priority"),
    ("trunk2_weight", "Trunk 2 weight"),
    ("ip_allow_list", "IP allow-list"),
    ("voice_url", "Address"),
    ("voice_url_method", "Method"),
    ("voice_authentication_type", "Authentication"),
    ("voice_username", "User name"),
    ("voice_password_token", "Password or token"),
    ("callback_voice_url", "Call events URL"),
    ("callback_voice_url_method", "Call events method"),
];

#[component]
fn VoiceRouteFormView(page: FormPage) -> impl IntoView {
    let FormPage {
        account_name,
        form,
        secret_set,
    } = page;
    let action = ServerAction::<SaveVoiceRoute>::new();
    let error = move || action.value().get().and_then(|r| r.err());
    let field = move |name: &'static str| Signal::derive(move || field_error(error(), name));
    let creating = form.call_route_id.is_empty();
    let heading = if creating {
        "New voice route".to_string()
    } else {
        format!("Edit {}", form.route_name)
    };
    let account_id = form.account_id.clone();
    let methods: Vec<Choice> = METHODS.iter().map(|m| Choice::new(*m, *m)).collect();
    let auths: Vec<Choice> = AUTH_TYPES.iter().map(|(v, l)| Choice::new(*v, *l)).collect();
    let types: Vec<Choice> = ROUTE_TYPES.iter().map(|(v, l)| Choice::new(*v, *l)).collect();
    let transports: Vec<Choice> = TRANSPORTS.iter().map(|t| Choice::new(*t, *t)).collect();
    let secret_hint = if secret_set {
        "Set. Leave empty to keep it; type a new one to replace it. It is never shown."
    } else {
        "For Basic: the password; for Bearer: the token. Never shown again."
    };
    let path = SaveVoiceRoute::PATH;
    let allow_error = field("ip_allow_list");
    let allow_list = crate::components::typed::typed(path, "ip_allow_list").unwrap_or(form.ip_allow_list.clone());
    view! {
        <Title text=heading.clone() />
        <Breadcrumbs crumbs=vec![
            Crumb::link(account_name, links::account(&account_id)),
            Crumb::link("Routes", links::routes(&account_id)),
            Crumb::here(if creating { "New voice route" } else { "Edit" }),
        ] />
        <h1>{heading}</h1>
        <p class="notice">{PROPAGATION}</p>
        <ErrorSummary error=Signal::derive(error) fields=FIELDS />
        <ActionForm action attr:class="stack panel">
            <input type="hidden" name="account_id" value=form.account_id.clone() />
            <input type="hidden" name="call_route_id" value=form.call_route_id.clone() />
            <Field id="route_name" label="Name" value=form.route_name.clone() required=true remember=path error=field("route_name") />
            <SelectField id="route_type" label="Type" choices=types selected=form.route_type.clone() hint="Most MVNO setups use a SIP trunk." remember=path error=field("route_type") />
            <fieldset class="stack">
                <legend>"SIP trunk 1 (primary) — for SIP trunk routes"</legend>
                <Field id="trunk_ip1" label="Trunk 1 IP address" autocomplete="off" value=form.trunk_ip1.clone() remember=path error=field("trunk_ip1") />
                <Field id="trunk_port1" label="Trunk 1 port" inputmode="numeric" value=form.trunk_port1.clone() hint="Usually 5060, or 5061 for TLS." remember=path error=field("trunk_port1") />
                <SelectField id="trunk_transport1" label="Trunk 1 transport" choices=transports.clone() selected=form.trunk_transport1.clone() remember=path error=field("trunk_transport1") />
                <Field id="trunk_uri1" label="Trunk 1 URI (optional)" kind="text" autocomplete="off" value=form.trunk_uri1.clone() hint="sip:pbx.example.com or an https:// address." remember=path error=field("trunk_uri1") />
                <Field id="trunk1_priority" label="Trunk 1 priority" inputmode="numeric" value=form.trunk1_priority.clone() hint="0 to 65535; lower is tried first." remember=path error=field("trunk1_priority") />
                <Field id="trunk1_weight" label="Trunk 1 weight" inputmode="numeric" value=form.trunk1_weight.clone() hint="0 to 65535; shares calls among trunks of equal priority." remember=path error=field("trunk1_weight") />
                <Checkbox id="trunk_enabled1" label="Trunk 1 enabled" checked=form.trunk_enabled1.is_some() />
            </fieldset>
            <fieldset class="stack">
                <legend>"SIP trunk 2 (failover, optional)"</legend>
                <Field id="trunk_ip2" label="Trunk 2 IP address" autocomplete="off" value=form.trunk_ip2.clone() hint="Leave empty for a single trunk." remember=path error=field("trunk_ip2") />
                <Field id="trunk_port2" label="Trunk 2 port" inputmode="numeric" value=form.trunk_port2.clone() remember=path error=field("trunk_port2") />
                <SelectField id="trunk_transport2" label="Trunk 2 transport" choices=transports selected=form.trunk_transport2.clone() remember=path error=field("trunk_transport2") />
                <Field id="trunk_uri2" label="Trunk 2 URI (optional)" autocomplete="off" value=form.trunk_uri2.clone() remember=path error=field("trunk_uri2") />
                <Field id="trunk2_priority" label="Trunk 2 priority" inputmode="numeric" value=form.trunk2_priority.clone() remember=path error=field("trunk2_priority") />
                <Field id="trunk2_weight" label="Trunk 2 weight" inputmode="numeric" value=form.trunk2_weight.clone() remember=path error=field("trunk2_weight") />
                <Checkbox id="trunk_enabled2" label="Trunk 2 enabled" checked=form.trunk_enabled2.is_some() />
            </fieldset>
            <div class="field">
                <label for="ip_allow_list">"IP allow-list (optional)"</label>
                <p class="hint" id="ip_allow_list-hint">"Addresses allowed to send trunk traffic, one per line. It applies to trunk traffic only: behind a CDN or load balancer, allow Telegent's addresses there too."</p>
                <textarea
                    id="ip_allow_list"
                    name="ip_allow_list"
                    rows="3"
                    aria-invalid=move || allow_error.get().map(|_| "true")
                    aria-describedby=move || if allow_error.get().is_some() { "ip_allow_list-hint ip_allow_list-error" } else { "ip_allow_list-hint" }
                >{allow_list}</textarea>
                {move || allow_error.get().map(|m| view! { <p class="field-error" id="ip_allow_list-error">{m}</p> })}
            </div>
            <fieldset class="stack">
                <legend>"Webhook URL or forward — for those route types"</legend>
                <Field id="voice_url" label="Address" kind="url" hint="Webhook: your app's URL; Forward: where calls are forwarded. https:// only." value=form.voice_url.clone() remember=path error=field("voice_url") />
                <SelectField id="voice_url_method" label="Method (webhook)" choices=methods.clone() selected=form.voice_url_method.clone() remember=path error=field("voice_url_method") />
                <SelectField id="voice_authentication_type" label="Authentication (webhook)" choices=auths selected=form.voice_authentication_type.clone() remember=path error=field("voice_authentication_type") />
                <Field id="voice_username" label="User name (Basic)" autocomplete="off" value=form.voice_username.clone() remember=path error=field("voice_username") />
                <Field id="voice_password_token" label="Password or token" kind="password" autocomplete="new-password" hint=secret_hint error=field("voice_password_token") />
            </fieldset>
            <fieldset class="stack">
                <legend>"Call events (optional)"</legend>
                <Field id="callback_voice_url" label="Call events URL" kind="url" hint="Where Telegent reports call events. https:// only." value=form.callback_voice_url.clone() remember=path error=field("callback_voice_url") />
                <SelectField id="callback_voice_url_method" label="Call events method" choices=methods selected=form.callback_voice_url_method.clone() remember=path error=field("callback_voice_url_method") />
            </fieldset>
            <Checkbox id="intelligent_route_enabled" label="Intelligent routing (AI Guardian needs it to filter calls)" checked=form.intelligent_route_enabled.is_some() />
            <Checkbox id="route_enabled" label="Enabled" checked=form.route_enabled.is_some() />
            <SubmitButton label=if creating { "Create route" } else { "Save route" } busy_label="Saving at Telegent…" />
        </ActionForm>
    }
}
