//! Server functions of the catalog's services. Reads go through the
//! catalog's scope like products; changes need `ManageServices` (the
//! Distributor's staff), since a service belongs to no Account.

use leptos::prelude::*;

use super::api::{CatalogQuery, CatalogRef};
use super::model::ListPage;
use super::service_model::{ServiceDetail, ServiceForm, ServiceFormPage, ServiceItemForm, ServiceRow};
use crate::error::AppError;

#[cfg(feature = "ssr")]
use super::{
    model::Shown,
    scope::{catalog, distributor_to_choose},
    services,
};
#[cfg(feature = "ssr")]
use crate::{policy::Action, ssr::context::redirect};

#[server(endpoint = "catalog/services")]
pub async fn list_services(#[server(flatten)] query: CatalogQuery) -> Result<ListPage<ServiceRow>, AppError> {
    if let Some(choose) = distributor_to_choose(&query.distributor_id).await? {
        return Ok(choose);
    }
    let cat = catalog(Action::ViewCatalog, &query.distributor_id).await?;
    services::list(&cat, Shown::from_query(Some(&query.shown)), &query.search).await
}

#[server(endpoint = "catalog/service")]
pub async fn fetch_service(#[server(flatten)] target: CatalogRef) -> Result<ServiceDetail, AppError> {
    let cat = catalog(Action::ViewCatalog, &target.distributor_id).await?;
    services::detail(&cat, &target.id).await
}

#[server(endpoint = "catalog/service-form")]
pub async fn fetch_service_form(#[server(flatten)] target: CatalogRef) -> Result<ServiceFormPage, AppError> {
    let cat = catalog(Action::ManageServices, &target.distributor_id).await?;
    services::form(&cat, &target.id).await
}

/// Creates a service (no `service_id`) or changes one, then opens its page.
#[server(endpoint = "catalog/service-save")]
pub async fn save_service(#[server(flatten)] form: ServiceForm) -> Result<(), AppError> {
    let cat = catalog(Action::ManageServices, &form.distributor_id).await?;
    let notice = if form.service_id.trim().is_empty() {
        "created"
    } else {
        "saved"
    };
    let id = services::save(&cat, &form).await?;
    redirect(&crate::links::with_notice(
        &crate::links::service(&cat.distributor_param, &id),
        notice,
        "1",
    ));
    Ok(())
}

#[server(endpoint = "catalog/service-delete")]
pub async fn delete_service(#[server(flatten)] target: CatalogRef) -> Result<(), AppError> {
    let cat = catalog(Action::ManageServices, &target.distributor_id).await?;
    services::delete(&cat, &target.id, target.confirm.is_some()).await?;
    redirect(&crate::links::with_notice(
        &crate::links::services(&cat.distributor_param),
        "deleted",
        target.id.trim(),
    ));
    Ok(())
}

/// Sets the Distributor's price (added, or changed when there is one).
#[server(endpoint = "catalog/service-item-save")]
pub async fn save_service_item(#[server(flatten)] form: ServiceItemForm) -> Result<(), AppError> {
    let cat = catalog(Action::ManageServices, &form.distributor_id).await?;
    services::save_item(&cat, &form).await?;
    redirect(&crate::links::with_notice(
        &crate::links::service(&cat.distributor_param, form.service_id.trim()),
        "priced",
        "1",
    ));
    Ok(())
}

#[server(endpoint = "catalog/service-item-remove")]
pub async fn remove_service_item(#[server(flatten)] form: ServiceItemForm) -> Result<(), AppError> {
    let cat = catalog(Action::ManageServices, &form.distributor_id).await?;
    services::remove_item(&cat, &form).await?;
    redirect(&crate::links::with_notice(
        &crate::links::service(&cat.distributor_param, form.service_id.trim()),
        "item-removed",
        "1",
    ));
    Ok(())
}
