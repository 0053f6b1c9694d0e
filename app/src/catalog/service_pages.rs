//! Services: the list (`/catalog/services`), a service's page with the
//! Distributor's prices for it, and its form.

use leptos::prelude::*;
use leptos::server_fn::ServerFn;
use leptos_meta::Title;
use leptos_router::hooks::{use_params_map, use_query_map};

use super::api::{CatalogQuery, CatalogRef};
use super::model::ListPage;
use super::money::priced;
use super::service_api::{
    fetch_service, fetch_service_form, list_services, DeleteService, RemoveServiceItem, SaveService, SaveServiceItem,
};
use super::service_model::{ServiceDetail, ServiceFormPage as FormPage, ServiceItemRow, ServiceRow};
use super::shared::{catalog_crumbs, CatalogTabs, ChooseDistributor, ShownFilter};
use crate::components::breadcrumbs::Crumb;
use crate::components::form::{field_error, Checkbox, ConfirmStep, ErrorSummary, Field, SubmitButton};
use crate::components::problem::Problem;
use crate::links;

fn billing(monthly: bool) -> &'static str {
    if monthly {
        "Monthly"
    } else {
        "One-time"
    }
}

#[component]
pub fn ServicesPage() -> impl IntoView {
    let query = use_query_map();
    let state = move || {
        let q = query.read();
        CatalogQuery {
            distributor_id: q.get("distributor").unwrap_or_default(),
            shown: q.get("shown").unwrap_or_default(),
            search: q.get("q").unwrap_or_default(),
        }
    };
    let deleted = move || query.read().get("deleted");
    let list = Resource::new(state, list_services);
    view! {
        <Title text="Services" />
        <Suspense fallback=|| view! { <p class="loading" role="status">"Loading services…"</p> }>
            {move || Suspend::new(async move {
                match list.await {
                    Ok(page) if !page.choose_distributor.is_empty() => view! {
                        <ChooseDistributor distributors=page.choose_distributor link=links::services />
                    }.into_any(),
                    Ok(page) => view! { <ServicesView page deleted=deleted() /> }.into_any(),
                    Err(error) => view! { <Problem error /> }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn ServicesView(page: ListPage<ServiceRow>, deleted: Option<String>) -> impl IntoView {
    let ListPage {
        rows,
        shown,
        search,
        total,
        can_create,
        distributor_id,
        distributor_name,
        ..
    } = page;
    let with_cost = rows.iter().any(|r| r.cost.is_some());
    let summary = format!("{} of {total} services", rows.len());
    let empty = rows.is_empty();
    view! {
        {catalog_crumbs(&distributor_id, &distributor_name, vec![Crumb::here("Services")])}
        <div class="page-head">
            <h1>"Services"</h1>
            <p class="muted" role="status">{summary}</p>
            {can_create.then(|| view! { <a class="button primary" href=links::new_service(&distributor_id)>"New service"</a> })}
        </div>
        <CatalogTabs distributor_id=distributor_id.clone() current="services" />
        {deleted.map(|id| view! { <p class="notice" role="status">{format!("Service {id} deleted.")}</p> })}
        <ShownFilter base=links::services(&distributor_id) distributor_id=distributor_id.clone() shown search=search.clone() noun="services" />
        {if empty {
            view! {
                <div class="empty-state">
                    <p>{if total == 0 {
                        "No services yet. A service is a feature billed on its own, like Caller ID."
                    } else {
                        "No service matches this filter."
                    }}</p>
                </div>
            }.into_any()
        } else {
            view! {
                <div class="table-wrap">
                    <table class="data-table">
                        <caption class="visually-hidden">"Services"</caption>
                        <thead>
                            <tr>
                                <th scope="col">"Service"</th>
                                {with_cost.then(|| view! { <th scope="col">"Telegent's cost"</th> })}
                                <th scope="col">"Billing"</th>
                            </tr>
                        </thead>
                        <tbody>
                            {rows.into_iter().map(|r| view! {
                                <tr>
                                    <td data-label="Service">
                                        <div>
                                            <a href=links::service(&distributor_id, &r.id)>{r.name.clone()}</a>
                                            {(!r.active).then(|| view! { <span class="badge">"Inactive"</span> })}
                                            <div class="id-text">{r.id.clone()}</div>
                                        </div>
                                    </td>
                                    {with_cost.then(|| view! { <td data-label="Telegent's cost">{r.cost.map(|c| c.to_string()).unwrap_or_else(|| "—".into())}</td> })}
                                    <td data-label="Billing">{billing(r.monthly)}</td>
                                </tr>
                            }).collect_view()}
                        </tbody>
                    </table>
                </div>
            }.into_any()
        }}
    }
}

fn service_ref() -> impl Fn() -> CatalogRef + Copy + Send + Sync + 'static {
    let params = use_params_map();
    let query = use_query_map();
    move || CatalogRef {
        distributor_id: query.read().get("distributor").unwrap_or_default(),
        id: params.read().get("service_id").unwrap_or_default(),
        ..Default::default()
    }
}

/// `/catalog/services/:service_id`.
#[component]
pub fn ServicePage() -> impl IntoView {
    let query = use_query_map();
    let notice = move || {
        let q = query.read();
        [
            ("created", "Service created. Add the Distributor's price below."),
            ("saved", "Service saved."),
            ("priced", "Price saved."),
            ("item-removed", "Price removed."),
        ]
        .into_iter()
        .find(|(key, _)| q.get(key).is_some())
        .map(|(_, words)| words)
    };
    let detail = Resource::new(service_ref(), fetch_service);
    view! {
        <Suspense fallback=|| view! { <p class="loading" role="status">"Loading service…"</p> }>
            {move || Suspend::new(async move {
                match detail.await {
                    Ok(data) => view! { <ServiceView data notice=notice() /> }.into_any(),
                    Err(error) => view! { <Problem error /> }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn ServiceView(data: ServiceDetail, notice: Option<&'static str>) -> impl IntoView {
    let ServiceDetail {
        service,
        items,
        can_edit,
        distributor_id,
        distributor_name,
    } = data;
    let did = distributor_id.clone();
    let sid = service.id.clone();
    let empty = items.is_empty();
    view! {
        <Title text=format!("Service {}", service.name) />
        {catalog_crumbs(&distributor_id, &distributor_name, vec![
            Crumb::link("Services", links::services(&distributor_id)),
            Crumb::here(service.name.clone()),
        ])}
        <div class="page-head">
            <h1>{service.name.clone()} {(!service.active).then(|| view! { <span class="badge">"Inactive"</span> })}</h1>
            <p class="id-text">{service.id.clone()}</p>
            {can_edit.then(|| view! { <a class="button" href=links::edit_service(&did, &sid)>"Edit service"</a> })}
        </div>
        {notice.map(|n| view! { <p class="notice" role="status">{n}</p> })}
        <section class="panel" aria-labelledby="service-facts">
            <h2 id="service-facts">"Details"</h2>
            <dl class="facts">
                {service.cost.map(|c| view! { <dt>"Telegent's cost"</dt><dd>{priced(c, service.monthly)}</dd> })}
                <dt>"Billing"</dt><dd>{billing(service.monthly)}</dd>
                <dt>"Status"</dt><dd>{if service.active { "Active" } else { "Inactive: not offered" }}</dd>
            </dl>
        </section>
        <section class="panel" aria-labelledby="service-prices">
            <h2 id="service-prices">"Price"</h2>
            {match items.first() {
                None => view! { <p class="muted">"No price yet: nothing charges for this service."</p> }.into_any(),
                Some(first) => view! { <p>{priced(first.price, first.monthly)}</p> }.into_any(),
            }}
            {can_edit.then(|| view! {
                <PriceForm distributor_id=did.clone() service_id=sid.clone() current=items.first().cloned() />
                {(!empty).then(|| view! { <RemovePriceForm distributor_id=did.clone() service_id=sid.clone() /> })}
            })}
        </section>
        {can_edit.then(|| view! { <DeleteServiceForm distributor_id=did.clone() service_id=sid.clone() name=service.name.clone() /> })}
    }
}

/// Sets the price: the API keeps one per service and Distributor.
#[component]
fn PriceForm(distributor_id: String, service_id: String, current: Option<ServiceItemRow>) -> impl IntoView {
    let action = ServerAction::<SaveServiceItem>::new();
    let error = move || action.value().get().and_then(|r| r.err());
    let field = move |name: &'static str| Signal::derive(move || field_error(error(), name));
    let (value, monthly) = current.map_or((String::new(), true), |c| (c.price.plain(), c.monthly));
    view! {
        <ActionForm action attr:class="stack">
            <ErrorSummary error=Signal::derive(error) fields=&[("item_price", "Price")] />
            <input type="hidden" name="distributor_id" value=distributor_id />
            <input type="hidden" name="service_id" value=service_id />
            <Field id="item_price" label="Price (US$)" inputmode="decimal" hint="What the Distributor charges for it, like 1.25." value=value required=true error=field("item_price") />
            <Checkbox id="item_monthly" label="Monthly (otherwise one-time)" checked=monthly />
            <SubmitButton label="Save price" busy_label="Saving…" />
        </ActionForm>
    }
}

#[component]
fn RemovePriceForm(distributor_id: String, service_id: String) -> impl IntoView {
    let action = ServerAction::<RemoveServiceItem>::new();
    let error = move || action.value().get().and_then(|r| r.err());
    view! {
        <ConfirmStep summary="Remove the price…" open=Signal::derive(move || error().is_some())>
            <ActionForm action attr:class="stack">
                <input type="hidden" name="distributor_id" value=distributor_id />
                <input type="hidden" name="service_id" value=service_id />
                <div class="check">
                    <input type="checkbox" id="confirm-price" name="confirm" />
                    <label for="confirm-price">"Yes, stop charging for this service"</label>
                </div>
                {move || field_error(error(), "confirm").map(|m| view! { <p class="field-error">{m}</p> })}
                <SubmitButton label="Remove price" class="button danger" busy_label="Removing…" />
            </ActionForm>
        </ConfirmStep>
    }
}

#[component]
fn DeleteServiceForm(distributor_id: String, service_id: String, name: String) -> impl IntoView {
    let action = ServerAction::<DeleteService>::new();
    let error = move || action.value().get().and_then(|r| r.err());
    view! {
        <section class="panel" aria-labelledby="delete-service">
            <h2 id="delete-service">"Delete"</h2>
            <ConfirmStep summary=format!("Delete {name}…") open=Signal::derive(move || error().is_some())>
                <ErrorSummary error=Signal::derive(error) fields=&[("confirm", "Delete")] />
                <p>"The service and its prices leave the catalog for good: nothing charges for it afterwards. To stop offering it for now, make it inactive instead."</p>
                <ActionForm action attr:class="stack">
                    <input type="hidden" name="distributor_id" value=distributor_id />
                    <input type="hidden" name="id" value=service_id />
                    <Checkbox id="confirm" label=format!("Yes, delete {name}") />
                    {move || field_error(error(), "confirm").map(|m| view! { <p class="field-error" id="confirm-error">{m}</p> })}
                    <SubmitButton label=format!("Delete {name}") class="button danger" busy_label="Deleting…" />
                </ActionForm>
            </ConfirmStep>
        </section>
    }
}

/// `/catalog/services/new` and `/catalog/services/:service_id/edit`.
#[component]
pub fn ServiceFormPage() -> impl IntoView {
    let page = Resource::new(service_ref(), fetch_service_form);
    view! {
        <Suspense fallback=|| view! { <p class="loading" role="status">"Loading…"</p> }>
            {move || Suspend::new(async move {
                match page.await {
                    Ok(page) => view! { <ServiceFormView page /> }.into_any(),
                    Err(error) => view! { <Problem error /> }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn ServiceFormView(page: FormPage) -> impl IntoView {
    let FormPage { form, distributor_name } = page;
    let action = ServerAction::<SaveService>::new();
    let error = move || action.value().get().and_then(|r| r.err());
    let field = move |name: &'static str| Signal::derive(move || field_error(error(), name));
    let creating = form.service_id.is_empty();
    let heading = if creating {
        "New service".to_string()
    } else {
        format!("Edit {}", form.service_name)
    };
    let did = form.distributor_id.clone();
    let mut crumbs = vec![Crumb::link("Services", links::services(&did))];
    if !creating {
        crumbs.push(Crumb::link(
            form.service_name.clone(),
            links::service(&did, &form.service_id),
        ));
    }
    crumbs.push(Crumb::here(if creating { "New" } else { "Edit" }));
    let path = SaveService::PATH;
    view! {
        <Title text=heading.clone() />
        {catalog_crumbs(&did, &distributor_name, crumbs)}
        <h1>{heading}</h1>
        <ErrorSummary error=Signal::derive(error) fields=&[("service_name", "Name"), ("cost", "Telegent's cost")] />
        <ActionForm action attr:class="stack panel">
            <input type="hidden" name="distributor_id" value=form.distributor_id.clone() />
            <input type="hidden" name="service_id" value=form.service_id.clone() />
            <Field id="service_name" label="Name" hint="Unique in the catalog, like Caller ID." value=form.service_name.clone() required=true remember=path error=field("service_name") />
            <Field id="cost" label="Telegent's cost (US$)" inputmode="decimal" hint="What the service costs you, like 0.50. Never shown to an Account's people." value=form.cost.clone() required=true remember=path error=field("cost") />
            <Checkbox id="monthly" label="Monthly (otherwise one-time)" checked=form.monthly.is_some() />
            {(!creating).then(|| view! { <Checkbox id="active" label="Active (offered)" checked=form.active.is_some() /> })}
            <SubmitButton label=if creating { "Create service" } else { "Save service" } busy_label="Saving…" />
        </ActionForm>
    }
}
