//! Server functions of the catalog: Products and Packages (with items).
//! Every one starts at `scope::catalog`, which checks the role and decides
//! whose catalog the caller reaches; the services check each record's owner.

use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use super::model::{
    FormPage, ItemForm, ListPage, PackageDetail, PackageForm, PackageRow, ProductDetail, ProductForm, ProductRow,
};
use crate::error::AppError;

#[cfg(feature = "ssr")]
use super::{
    model::Shown,
    package_items, packages, products,
    scope::{catalog, distributor_to_choose},
};
#[cfg(feature = "ssr")]
use crate::{policy::Action, ssr::context::redirect};

/// A list's state, as it lives in the URL.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct CatalogQuery {
    /// A Platform admin's Distributor (empty: the caller's own).
    #[serde(default)]
    pub distributor_id: String,
    /// `active` (the default), `inactive` or `all`.
    #[serde(default)]
    pub shown: String,
    #[serde(default)]
    pub search: String,
}

/// One catalog record (and, for an item, the item; for a clone, its name).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct CatalogRef {
    #[serde(default)]
    pub distributor_id: String,
    /// The PRID- or PKID- (empty on a form: a new record).
    #[serde(default)]
    pub id: String,
    #[serde(default)]
    pub package_item_id: String,
    #[serde(default)]
    pub new_name: String,
    /// "on" when the person ticked the confirmation of a delete or removal.
    #[serde(default)]
    pub confirm: Option<String>,
}

#[server(endpoint = "catalog/products")]
pub async fn list_products(#[server(flatten)] query: CatalogQuery) -> Result<ListPage<ProductRow>, AppError> {
    if let Some(choose) = distributor_to_choose(&query.distributor_id).await? {
        return Ok(choose);
    }
    let cat = catalog(Action::ViewCatalog, &query.distributor_id).await?;
    products::list(&cat, Shown::from_query(Some(&query.shown)), &query.search).await
}

#[server(endpoint = "catalog/product")]
pub async fn fetch_product(#[server(flatten)] target: CatalogRef) -> Result<ProductDetail, AppError> {
    let cat = catalog(Action::ViewCatalog, &target.distributor_id).await?;
    products::detail(&cat, &target.id).await
}

/// The product form: empty for a new one, filled for an edit.
#[server(endpoint = "catalog/product-form")]
pub async fn fetch_product_form(#[server(flatten)] target: CatalogRef) -> Result<FormPage<ProductForm>, AppError> {
    let cat = catalog(Action::ManageCatalog, &target.distributor_id).await?;
    Ok(FormPage {
        form: products::form(&cat, &target.id).await?,
        accounts: cat.account_choices(),
        staff: cat.is_staff(),
        distributor_name: cat.distributor_name.clone(),
    })
}

/// Creates a product (no `product_id`) or changes one, then opens its page.
#[server(endpoint = "catalog/product-save")]
pub async fn save_product(#[server(flatten)] form: ProductForm) -> Result<(), AppError> {
    let cat = catalog(Action::ManageCatalog, &form.distributor_id).await?;
    let (id, notice) = if form.product_id.trim().is_empty() {
        (products::create(&cat, &form).await?, "created")
    } else {
        products::update(&cat, &form).await?;
        (form.product_id.trim().to_string(), "saved")
    };
    redirect(&crate::links::with_notice(
        &crate::links::product(&cat.distributor_param, &id),
        notice,
        "1",
    ));
    Ok(())
}

#[server(endpoint = "catalog/product-delete")]
pub async fn delete_product(#[server(flatten)] target: CatalogRef) -> Result<(), AppError> {
    let cat = catalog(Action::ManageCatalog, &target.distributor_id).await?;
    products::delete(&cat, &target.id, target.confirm.is_some()).await?;
    redirect(&crate::links::with_notice(
        &crate::links::products(&cat.distributor_param),
        "deleted",
        target.id.trim(),
    ));
    Ok(())
}

#[server(endpoint = "catalog/packages")]
pub async fn list_packages(#[server(flatten)] query: CatalogQuery) -> Result<ListPage<PackageRow>, AppError> {
    if let Some(choose) = distributor_to_choose(&query.distributor_id).await? {
        return Ok(choose);
    }
    let cat = catalog(Action::ViewCatalog, &query.distributor_id).await?;
    packages::list(&cat, Shown::from_query(Some(&query.shown)), &query.search).await
}

#[server(endpoint = "catalog/package")]
pub async fn fetch_package(#[server(flatten)] target: CatalogRef) -> Result<PackageDetail, AppError> {
    let cat = catalog(Action::ViewCatalog, &target.distributor_id).await?;
    packages::detail(&cat, &target.id).await
}

#[server(endpoint = "catalog/package-form")]
pub async fn fetch_package_form(#[server(flatten)] target: CatalogRef) -> Result<FormPage<PackageForm>, AppError> {
    let cat = catalog(Action::ManageCatalog, &target.distributor_id).await?;
    Ok(FormPage {
        form: packages::form(&cat, &target.id).await?,
        accounts: cat.account_choices(),
        staff: cat.is_staff(),
        distributor_name: cat.distributor_name.clone(),
    })
}

#[server(endpoint = "catalog/package-save")]
pub async fn save_package(#[server(flatten)] form: PackageForm) -> Result<(), AppError> {
    let cat = catalog(Action::ManageCatalog, &form.distributor_id).await?;
    let (id, notice) = if form.package_id.trim().is_empty() {
        (packages::create(&cat, &form).await?, "created")
    } else {
        packages::update(&cat, &form).await?;
        (form.package_id.trim().to_string(), "saved")
    };
    redirect(&crate::links::with_notice(
        &crate::links::package(&cat.distributor_param, &id),
        notice,
        "1",
    ));
    Ok(())
}

#[server(endpoint = "catalog/package-delete")]
pub async fn delete_package(#[server(flatten)] target: CatalogRef) -> Result<(), AppError> {
    let cat = catalog(Action::ManageCatalog, &target.distributor_id).await?;
    packages::delete(&cat, &target.id, target.confirm.is_some()).await?;
    redirect(&crate::links::with_notice(
        &crate::links::packages(&cat.distributor_param),
        "deleted",
        target.id.trim(),
    ));
    Ok(())
}

/// Adds an item (no `package_item_id`) or changes one's price, frequency, type.
#[server(endpoint = "catalog/package-item-save")]
pub async fn save_package_item(#[server(flatten)] form: ItemForm) -> Result<(), AppError> {
    let cat = catalog(Action::ManageCatalog, &form.distributor_id).await?;
    let notice = if form.package_item_id.trim().is_empty() {
        package_items::add_item(&cat, &form).await?;
        "item-added"
    } else {
        package_items::update_item(&cat, &form).await?;
        "item-saved"
    };
    redirect(&crate::links::with_notice(
        &crate::links::package(&cat.distributor_param, form.package_id.trim()),
        notice,
        "1",
    ));
    Ok(())
}

#[server(endpoint = "catalog/package-item-remove")]
pub async fn remove_package_item(#[server(flatten)] target: CatalogRef) -> Result<(), AppError> {
    let cat = catalog(Action::ManageCatalog, &target.distributor_id).await?;
    package_items::remove_item(&cat, &target.id, &target.package_item_id, target.confirm.is_some()).await?;
    redirect(&crate::links::with_notice(
        &crate::links::package(&cat.distributor_param, target.id.trim()),
        "item-removed",
        "1",
    ));
    Ok(())
}

/// Copies a package with all its items into a variant, then opens the copy.
#[server(endpoint = "catalog/package-clone")]
pub async fn clone_package(#[server(flatten)] target: CatalogRef) -> Result<(), AppError> {
    let cat = catalog(Action::ManageCatalog, &target.distributor_id).await?;
    let id = packages::clone(&cat, &target.id, &target.new_name).await?;
    redirect(&crate::links::with_notice(
        &crate::links::package(&cat.distributor_param, &id),
        "cloned",
        target.id.trim(),
    ));
    Ok(())
}
