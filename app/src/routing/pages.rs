//! The routes pages of an Account.

use leptos::prelude::*;
use leptos::server_fn::ServerFn;
use leptos_meta::Title;
use leptos_router::hooks::{use_params_map, use_query_map};

use super::api::{fetch_message_route, fetch_message_route_form, fetch_routes, DeleteMessageRoute, SaveMessageRoute};
use super::model::{
    MessageRouteDetail, MessageRouteFormPage as FormPage, MessageRouteRow, RouteRef, RoutesPage as Page, AUTH_TYPES,
    METHODS,
};
use super::voice_pages::VoiceRoutesSection;
use crate::components::breadcrumbs::{Breadcrumbs, Crumb};
use crate::components::form::{
    field_error, Checkbox, Choice, ConfirmStep, ErrorSummary, Field, SelectField, SubmitButton,
};
use crate::components::problem::Problem;
use crate::links;

pub(super) fn auth_label(auth: &str, secret_set: bool) -> String {
    match auth {
        "None" | "" => "No authentication".into(),
        other if secret_set => format!("{other} (secret set)"),
        other => format!("{other} (no secret set)"),
    }
}

/// `/accounts/:account_id/routes`.
#[component]
pub fn RoutesPage() -> impl IntoView {
    let params = use_params_map();
    let query = use_query_map();
    let account = move || params.read().get("account_id").unwrap_or_default();
    let deleted = move || query.read().get("deleted");
    let page = Resource::new(account, fetch_routes);
    view! {
        <Title text="Routes" />
        <Suspense fallback=|| view! { <p class="loading" role="status">"Loading routes…"</p> }>
            {move || Suspend::new(async move {
                match page.await {
                    Ok(page) => view! { <RoutesView page deleted=deleted() /> }.into_any(),
                    Err(error) => view! { <Problem error /> }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn RoutesView(page: Page, deleted: Option<String>) -> impl IntoView {
    let Page {
        account_id,
        account_name,
        message_routes,
        voice_routes,
        can_edit,
    } = page;
    let empty = message_routes.is_empty();
    view! {
        <Breadcrumbs crumbs=vec![Crumb::link(account_name.clone(), links::account(&account_id)), Crumb::here("Routes")] />
        <div class="page-head">
            <h1>"Routes"</h1>
            {can_edit.then(|| view! {
                <div class="actions">
                    <a class="button primary" href=links::new_message_route(&account_id)>"New message route"</a>
                    <a class="button" href=links::new_voice_route(&account_id)>"New voice route"</a>
                </div>
            })}
        </div>
        {deleted.map(|id| view! { <p class="notice" role="status">{format!("Route {id} deleted.")}</p> })}
        <section class="panel" aria-labelledby="message-routes">
            <h2 id="message-routes">"Message routes"</h2>
            <p class="muted">"Where Telegent delivers this Account's inbound messages and delivery receipts. A number can't be provisioned without one."</p>
            {if empty {
                view! { <div class="empty-state"><p>"No message route yet: create one before provisioning numbers."</p></div> }.into_any()
            } else {
                view! {
                    <div class="table-wrap">
                        <table class="data-table">
                            <caption class="visually-hidden">"Message routes"</caption>
                            <thead>
                                <tr>
                                    <th scope="col">"Route"</th>
                                    <th scope="col">"Delivers to"</th>
                                    <th scope="col">"Authentication"</th>
                                    <th scope="col">"Lines"</th>
                                    <th scope="col">"State"</th>
                                </tr>
                            </thead>
                            <tbody>
                                {message_routes.into_iter().map(|r| view! {
                                    <tr>
                                        <td data-label="Route"><div><a href=links::message_route(&account_id, &r.id)>{r.name.clone()}</a><div class="id-text">{r.id.clone()}</div></div></td>
                                        <td data-label="Delivers to">{format!("{} {}", r.method, r.url)}</td>
                                        <td data-label="Authentication">{auth_label(&r.auth, r.secret_set)}</td>
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
        <VoiceRoutesSection account_id=account_id.clone() routes=voice_routes />
    }
}

pub(super) fn route_ref() -> impl Fn() -> RouteRef + Copy + Send + Sync + 'static {
    let params = use_params_map();
    move || {
        let p = params.read();
        RouteRef {
            account_id: p.get("account_id").unwrap_or_default(),
            id: p.get("route_id").unwrap_or_default(),
            confirm: None,
        }
    }
}

/// `/accounts/:account_id/routes/message/:route_id`.
#[component]
pub fn MessageRoutePage() -> impl IntoView {
    let query = use_query_map();
    let saved = move || query.read().get("saved").is_some();
    let detail = Resource::new(route_ref(), fetch_message_route);
    view! {
        <Suspense fallback=|| view! { <p class="loading" role="status">"Loading route…"</p> }>
            {move || Suspend::new(async move {
                match detail.await {
                    Ok(data) => view! { <MessageRouteView data saved=saved() /> }.into_any(),
                    Err(error) => view! { <Problem error /> }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn MessageRouteView(data: MessageRouteDetail, saved: bool) -> impl IntoView {
    let MessageRouteDetail {
        account_id,
        account_name,
        route,
        lines,
        can_edit,
    } = data;
    let MessageRouteRow { id, name, .. } = route.clone();
    let in_use = !lines.is_empty();
    view! {
        <Title text=format!("Message route {name}") />
        <Breadcrumbs crumbs=vec![
            Crumb::link(account_name, links::account(&account_id)),
            Crumb::link("Routes", links::routes(&account_id)),
            Crumb::here(name.clone()),
        ] />
        <div class="page-head">
            <h1>{name.clone()}</h1>
            <p class="id-text">{id.clone()}</p>
            {can_edit.then(|| view! { <a class="button" href=links::edit_message_route(&account_id, &id)>"Edit route"</a> })}
        </div>
        {saved.then(|| view! { <p class="notice" role="status">"Message route saved at Telegent."</p> })}
        <section class="panel" aria-labelledby="route-facts">
            <h2 id="route-facts">"Delivery"</h2>
            <dl class="facts">
                <dt>"Inbound messages"</dt><dd>{format!("{} {}", route.method, route.url)}</dd>
                <dt>"Authentication"</dt><dd>{auth_label(&route.auth, route.secret_set)}</dd>
                <dt>"Delivery receipts"</dt><dd>{if route.callback_url.is_empty() { "Not sent".to_string() } else { format!("{} {}", route.callback_method, route.callback_url) }}</dd>
                <dt>"Receipts' authentication"</dt><dd>{auth_label(&route.callback_auth, route.callback_secret_set)}</dd>
                <dt>"Intelligent routing"</dt><dd>{if route.intelligent { "On (AI Guardian can filter these lines' messages)" } else { "Off: AI Guardian needs it to filter messages" }}</dd>
                <dt>"Bypass"</dt><dd>{match (route.inbound_bypass, route.outbound_bypass) {
                    (false, false) => "None",
                    (true, false) => "Inbound",
                    (false, true) => "Outbound",
                    (true, true) => "Inbound and outbound",
                }}</dd>
                <dt>"State"</dt><dd>{if route.enabled { "Enabled" } else { "Disabled" }}</dd>
            </dl>
        </section>
        <section class="panel" aria-labelledby="route-lines">
            <h2 id="route-lines">"Lines using it"</h2>
            {if lines.is_empty() {
                view! { <p class="muted">"No line uses this route."</p> }.into_any()
            } else {
                view! { <ul>{lines.into_iter().map(|(shown, msisdn)| view! { <li><a href=links::line(&account_id, &msisdn)>{shown}</a></li> }).collect_view()}</ul> }.into_any()
            }}
        </section>
        {can_edit.then(|| view! { <DeleteRouteForm account_id=account_id.clone() id=id.clone() name=name.clone() in_use /> })}
    }
}

#[component]
fn DeleteRouteForm(account_id: String, id: String, name: String, in_use: bool) -> impl IntoView {
    let action = ServerAction::<DeleteMessageRoute>::new();
    let error = move || action.value().get().and_then(|r| r.err());
    view! {
        <section class="panel" aria-labelledby="delete-route">
            <h2 id="delete-route">"Delete"</h2>
            <ConfirmStep summary=format!("Delete {name}…") open=Signal::derive(move || error().is_some())>
                <ErrorSummary error=Signal::derive(error) fields=&[("confirm", "Delete")] />
                <p>{if in_use { "Lines still use this route: move them to another route first." } else { "Telegent stops delivering to this address." }}</p>
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

/// `/accounts/:account_id/routes/message/new` and `…/:route_id/edit`.
#[component]
pub fn MessageRouteFormPage() -> impl IntoView {
    let page = Resource::new(route_ref(), fetch_message_route_form);
    view! {
        <Suspense fallback=|| view! { <p class="loading" role="status">"Loading…"</p> }>
            {move || Suspend::new(async move {
                match page.await {
                    Ok(page) => view! { <MessageRouteFormView page /> }.into_any(),
                    Err(error) => view! { <Problem error /> }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn MessageRouteFormView(page: FormPage) -> impl IntoView {
    let FormPage {
        account_name,
        form,
        secret_set,
        callback_secret_set,
    } = page;
    let action = ServerAction::<SaveMessageRoute>::new();
    let error = move || action.value().get().and_then(|r| r.err());
    let field = move |name: &'static str| Signal::derive(move || field_error(error(), name));
    let creating = form.message_route_id.is_empty();
    let heading = if creating {
        "New message route".to_string()
    } else {
        format!("Edit {}", form.route_name)
    };
    let account_id = form.account_id.clone();
    let methods: Vec<Choice> = METHODS.iter().map(|m| Choice::new(*m, *m)).collect();
    let auths: Vec<Choice> = AUTH_TYPES.iter().map(|(v, l)| Choice::new(*v, *l)).collect();
    let secret_hint = |set: bool| -> &'static str {
        if set {
            "Set. Leave empty to keep it; type a new one to replace it. It is never shown."
        } else {
            "For Basic: the password; for Bearer: the token. Never shown again."
        }
    };
    let path = SaveMessageRoute::PATH;
    view! {
        <Title text=heading.clone() />
        <Breadcrumbs crumbs=vec![
            Crumb::link(account_name, links::account(&account_id)),
            Crumb::link("Routes", links::routes(&account_id)),
            Crumb::here(if creating { "New message route" } else { "Edit" }),
        ] />
        <h1>{heading}</h1>
        <ErrorSummary error=Signal::derive(error) fields=&[
            ("route_name", "Name"), ("message_url", "Inbound URL"), ("message_url_method", "Method"),
            ("message_authentication_type", "Authentication"), ("message_username", "User name"),
            ("message_password_token", "Password or token"), ("callback_message_url", "Receipts URL"),
            ("callback_message_url_method", "Receipts method"), ("callback_message_authentication_type", "Receipts authentication"),
            ("callback_message_username", "Receipts user name"), ("callback_message_password_token", "Receipts password or token"),
        ] />
        <ActionForm action attr:class="stack panel">
            <input type="hidden" name="account_id" value=form.account_id.clone() />
            <input type="hidden" name="message_route_id" value=form.message_route_id.clone() />
            <Field id="route_name" label="Name" value=form.route_name.clone() required=true remember=path error=field("route_name") />
            <fieldset class="stack">
                <legend>"Inbound messages"</legend>
                <Field id="message_url" label="Inbound URL" kind="url" hint="https:// only." value=form.message_url.clone() required=true remember=path error=field("message_url") />
                <SelectField id="message_url_method" label="Method" choices=methods.clone() selected=form.message_url_method.clone() remember=path error=field("message_url_method") />
                <SelectField id="message_authentication_type" label="Authentication" choices=auths.clone() selected=form.message_authentication_type.clone() remember=path error=field("message_authentication_type") />
                <Field id="message_username" label="User name (Basic)" autocomplete="off" value=form.message_username.clone() remember=path error=field("message_username") />
                <Field id="message_password_token" label="Password or token" kind="password" autocomplete="new-password" hint=secret_hint(secret_set) error=field("message_password_token") />
            </fieldset>
            <fieldset class="stack">
                <legend>"Delivery receipts (optional)"</legend>
                <Field id="callback_message_url" label="Receipts URL" kind="url" hint="Where Telegent reports delivered and failed messages. https:// only." value=form.callback_message_url.clone() remember=path error=field("callback_message_url") />
                <SelectField id="callback_message_url_method" label="Receipts method" choices=methods selected=form.callback_message_url_method.clone() remember=path error=field("callback_message_url_method") />
                <SelectField id="callback_message_authentication_type" label="Receipts authentication" choices=auths selected=form.callback_message_authentication_type.clone() remember=path error=field("callback_message_authentication_type") />
                <Field id="callback_message_username" label="Receipts user name (Basic)" autocomplete="off" value=form.callback_message_username.clone() remember=path error=field("callback_message_username") />
                <Field id="callback_message_password_token" label="Receipts password or token" kind="password" autocomplete="new-password" hint=secret_hint(callback_secret_set) error=field("callback_message_password_token") />
            </fieldset>
            <Checkbox id="intelligent_route_enabled" label="Intelligent routing (AI Guardian needs it to filter messages)" checked=form.intelligent_route_enabled.is_some() />
            <Checkbox id="inbound_bypass" label="Inbound bypass" checked=form.inbound_bypass.is_some() />
            <Checkbox id="outbound_bypass" label="Outbound bypass" checked=form.outbound_bypass.is_some() />
            <Checkbox id="message_route_enabled" label="Enabled" checked=form.message_route_enabled.is_some() />
            <SubmitButton label=if creating { "Create route" } else { "Save route" } busy_label="Saving at Telegent…" />
        </ActionForm>
    }
}
