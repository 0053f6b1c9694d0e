//! A package's items: added, changed and removed by whoever may change the
//! package. An item names a product the package may hold: the
//! Distributor's, or the package's own Account's (never another Account's,
//! and an Account's own product never goes into the shared catalog).

use telegent::ops::catalog::{PackageItem, PackageItemAddRequest, PackageItemDeleteRequest, PackageItemUpdateRequest};

use super::model::ItemForm;
use super::money::Money;
use super::packages::{audited, find, products_by_id};
use super::scope::Catalog;
use crate::error::AppError;

/// An item form's values, checked; the product must be one the caller sees.
async fn check_item(
    cat: &Catalog,
    form: &ItemForm,
    package_owner: Option<&str>,
) -> Result<(String, Money, bool, String), AppError> {
    let mut problems = Vec::new();
    let products = products_by_id(cat).await?;
    let product_id = form.product_id.trim().to_string();
    // The Distributor's products go in any package; an Account's own only
    // in that Account's packages (never the shared catalog or another's).
    let known = products.get(&product_id).is_some_and(|p| {
        let owner = p.account_id.as_deref().filter(|a| !a.is_empty());
        cat.sees(owner) && (owner.is_none() || owner == package_owner)
    });
    if form.package_item_id.trim().is_empty() && !known {
        problems.push(AppError::invalid("product_id", "Choose a product of the catalog."));
    }
    let price = match Money::parse(&form.item_price) {
        Ok(price) => price,
        Err(message) => {
            problems.push(AppError::invalid("item_price", message));
            Money::ZERO
        }
    };
    if let Some(refused) = AppError::from_field_errors(problems) {
        return Err(refused);
    }
    let kind = Some(form.item_kind.trim().to_string())
        .filter(|k| !k.is_empty())
        .unwrap_or_else(|| "product".to_string());
    Ok((product_id, price, form.item_monthly.is_some(), kind))
}

/// The package an item change is for, which the caller must be able to change.
async fn changeable(cat: &Catalog, package_id: &str, action: &str) -> Result<(String, Option<String>), AppError> {
    let package = find(cat, package_id).await?;
    let id = package.package_id.clone().unwrap_or_default();
    cat.require_change(package.account_id.as_deref(), action, &id).await?;
    Ok((id, package.account_id.filter(|a| !a.is_empty())))
}

pub async fn add_item(cat: &Catalog, form: &ItemForm) -> Result<(), AppError> {
    let (id, owner) = changeable(cat, &form.package_id, "AddPackageItem").await?;
    let (product_id, price, monthly, kind) = check_item(cat, form, owner.as_deref()).await?;
    let request = PackageItemAddRequest {
        package_id: id.clone(),
        product_id: product_id.clone(),
        price: Some(price.plain()),
        monthly: Some(monthly),
        kind: Some(kind),
    };
    audited(
        cat,
        "AddPackageItem",
        &[&id, &product_id],
        format!("{product_id} at {}", super::money::priced(price, monthly)),
        cat.tenant.client.add_package_item(&request),
    )
    .await?;
    cat.tenant.client.invalidate_reads("/v1.0/packages/items");
    Ok(())
}

/// The item, if it is one of the package's.
async fn item_of(cat: &Catalog, package_id: &str, item_id: &str) -> Result<PackageItem, AppError> {
    cat.tenant
        .client
        .package_items(package_id)
        .await?
        .into_iter()
        .find(|i| i.package_item_id.as_deref() == Some(item_id.trim()))
        .ok_or(AppError::NotFound)
}

pub async fn update_item(cat: &Catalog, form: &ItemForm) -> Result<(), AppError> {
    let (id, owner) = changeable(cat, &form.package_id, "UpdatePackageItem").await?;
    let item = item_of(cat, &id, &form.package_item_id).await?;
    let item_id = item.package_item_id.clone().unwrap_or_default();
    let (_, price, monthly, kind) = check_item(cat, form, owner.as_deref()).await?;
    let before = super::money::priced(
        Money::from_wire(item.price.unwrap_or(0.0)),
        item.monthly.unwrap_or(true),
    );
    let request = PackageItemUpdateRequest {
        package_id: id.clone(),
        package_item_id: item_id.clone(),
        price: Some(price.plain()),
        monthly: Some(monthly),
        kind: Some(kind),
    };
    audited(
        cat,
        "UpdatePackageItem",
        &[&id, &item_id],
        format!("{before} → {}", super::money::priced(price, monthly)),
        cat.tenant.client.update_package_item(&request),
    )
    .await?;
    cat.tenant.client.invalidate_reads("/v1.0/packages/items");
    Ok(())
}

pub async fn remove_item(cat: &Catalog, package_id: &str, item_id: &str, confirmed: bool) -> Result<(), AppError> {
    let (id, _) = changeable(cat, package_id, "RemovePackageItem").await?;
    let item = item_of(cat, &id, item_id).await?;
    super::scope::confirmed(confirmed)?;
    let item_id = item.package_item_id.clone().unwrap_or_default();
    let request = PackageItemDeleteRequest {
        package_id: id.clone(),
        package_item_id: item_id.clone(),
    };
    audited(
        cat,
        "RemovePackageItem",
        &[&id, &item_id],
        format!("item {item_id} ({})", item.product_id.unwrap_or_default()),
        cat.tenant.client.delete_package_item(&request),
    )
    .await?;
    cat.tenant.client.invalidate_reads("/v1.0/packages/items");
    Ok(())
}
