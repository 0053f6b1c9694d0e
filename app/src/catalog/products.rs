//! Products, the smallest billable unit: list, detail, create, update and
//! delete. The SKU is what reports key off, so it is unique in the
//! Distributor's catalog (which also makes a repeated create harmless: the
//! second is refused with a link to the first). A product is deleted only
//! when no package still lists it: the refusal names the packages and the
//! active subscriptions billing on them.

use telegent::ops::catalog::{Product, ProductCreateRequest, ProductDeleteRequest, ProductUpdateRequest};

use super::model::{ListPage, PackageUse, ProductDetail, ProductForm, ProductRow, Shown};
use super::money::{Frequency, Money};
use super::scope::Catalog;
use crate::error::AppError;
use crate::ssr::audit::{self, Outcome};

/// Every product of the Distributor the caller sees (one cached read).
pub async fn visible(cat: &Catalog) -> Result<Vec<Product>, AppError> {
    let list = cat.tenant.client.distributor_products(None).await?;
    Ok(list
        .results
        .into_iter()
        .filter(|p| p.product_id.is_some() && cat.sees(p.account_id.as_deref()))
        .collect())
}

pub fn row(cat: &Catalog, p: &Product) -> ProductRow {
    let word = p.billing_frequency.clone().unwrap_or_default();
    let owner = p.account_id.as_deref();
    ProductRow {
        id: p.product_id.clone().unwrap_or_default(),
        sku: p.sku.clone().unwrap_or_default(),
        description: p.description.clone().unwrap_or_default(),
        kind: p.kind.clone().unwrap_or_default(),
        sub_type: p.sub_type.clone().unwrap_or_default(),
        // Wholesale cost is the Distributor's business: never shown to an
        // Account's people, not even for their Account's own products.
        cost: cat.is_staff().then(|| Money::from_wire(p.cost.unwrap_or(0.0))),
        frequency: Frequency::from_wire(&word),
        frequency_word: word,
        active: p.active.unwrap_or(true),
        owner: cat.owner(owner),
    }
}

fn matches(row: &ProductRow, search: &str) -> bool {
    let search = search.trim().to_lowercase();
    search.is_empty()
        || [&row.sku, &row.description, &row.kind, &row.sub_type, &row.id]
            .iter()
            .any(|f| f.to_lowercase().contains(&search))
}

pub async fn list(cat: &Catalog, shown: Shown, search: &str) -> Result<ListPage<ProductRow>, AppError> {
    let all = visible(cat).await?;
    let total = all.len();
    let mut rows: Vec<ProductRow> = all
        .iter()
        .map(|p| row(cat, p))
        .filter(|r| shown.keeps(r.active) && matches(r, search))
        .collect();
    rows.sort_by_key(|a| a.sku.to_lowercase());
    Ok(ListPage {
        rows,
        shown,
        search: search.trim().to_string(),
        total,
        can_create: cat.may_create(),
        distributor_id: cat.distributor_param.clone(),
        distributor_name: cat.distributor_name.clone(),
        choose_distributor: Vec::new(),
    })
}

/// The product, if the caller sees it (another Account's is missing).
pub async fn find(cat: &Catalog, product_id: &str) -> Result<Product, AppError> {
    crate::form_values::plain_id(product_id)?;
    visible(cat)
        .await?
        .into_iter()
        .find(|p| p.product_id.as_deref() == Some(product_id.trim()))
        .ok_or(AppError::NotFound)
}

/// The packages listing the product, each with its active subscriptions;
/// with `all`, also packages the caller can't see (for the delete check).
pub async fn used_by(cat: &Catalog, product_id: &str, all: bool) -> Result<Vec<PackageUse>, AppError> {
    let packages = cat.tenant.client.distributor_packages(None).await?;
    let mut uses = Vec::new();
    for package in packages.results {
        if !all && !cat.sees(package.account_id.as_deref()) {
            continue;
        }
        let Some(package_id) = package.package_id.clone() else {
            continue;
        };
        let items = cat.tenant.client.package_items(&package_id).await?;
        if !items.iter().any(|i| i.product_id.as_deref() == Some(product_id)) {
            continue;
        }
        let subscriptions = if all || cat.is_staff() {
            super::packages::active_subscriptions(cat, &package_id).await?
        } else {
            super::packages::own_active_subscriptions(cat, &package_id).await?
        };
        uses.push(PackageUse {
            visible: cat.sees(package.account_id.as_deref()),
            package_name: package.package_name.clone().unwrap_or_else(|| package_id.clone()),
            package_id,
            subscriptions,
        });
    }
    Ok(uses)
}

pub async fn detail(cat: &Catalog, product_id: &str) -> Result<ProductDetail, AppError> {
    let product = find(cat, product_id).await?;
    let used_by = used_by(cat, product_id.trim(), false).await?;
    Ok(ProductDetail {
        can_edit: cat.may_change(product.account_id.as_deref()),
        product: row(cat, &product),
        used_by,
        distributor_id: cat.distributor_param.clone(),
        distributor_name: cat.distributor_name.clone(),
    })
}

/// A product form's values, checked: every problem at its field at once.
struct Checked {
    sku: String,
    description: String,
    kind: String,
    sub_type: Option<String>,
    cost: Money,
    frequency: Frequency,
}

fn check(form: &ProductForm, staff: bool) -> Result<Checked, AppError> {
    let mut problems = Vec::new();
    let sku = form.sku.trim().to_string();
    if sku.is_empty() {
        problems.push(AppError::invalid(
            "sku",
            "Enter the SKU (reports key off it), like DATA-5GB.",
        ));
    } else if sku.len() > 64 || !sku.chars().all(|c| c.is_ascii_alphanumeric() || "-_.".contains(c)) {
        problems.push(AppError::invalid(
            "sku",
            "Use letters, digits, - _ and . only (at most 64), like DATA-5GB.",
        ));
    }
    let description = form.description.trim().to_string();
    if description.chars().any(char::is_control) {
        problems.push(AppError::invalid(
            "description",
            "Use letters, digits and punctuation only.",
        ));
    } else if description.is_empty() {
        problems.push(AppError::invalid(
            "description",
            "Describe the product, like “5 GB monthly data”.",
        ));
    }
    let kind = form.kind.trim().to_string();
    if kind.is_empty() {
        problems.push(AppError::invalid("kind", "Choose the product's type."));
    }
    let cost = match (staff, Money::parse(&form.cost)) {
        (false, _) => Money::ZERO,
        (true, Ok(cost)) => cost,
        (true, Err(message)) => {
            problems.push(AppError::invalid("cost", message));
            Money::ZERO
        }
    };
    let frequency = Frequency::from_wire(&form.billing_frequency);
    if frequency.is_none() {
        problems.push(AppError::invalid("billing_frequency", "Choose how often it is billed."));
    }
    if let Some(refused) = AppError::from_field_errors(problems) {
        return Err(refused);
    }
    let sub_type = Some(form.sub_type.trim().to_string()).filter(|s| !s.is_empty());
    Ok(Checked {
        sku,
        description,
        kind,
        sub_type,
        cost,
        frequency: frequency.unwrap_or(Frequency::Monthly),
    })
}

/// Refuses a SKU another product of the Distributor has (whoever's it is).
async fn sku_is_free(cat: &Catalog, sku: &str, except: Option<&str>) -> Result<(), AppError> {
    let all = cat.tenant.client.distributor_products(None).await?;
    let taken = all
        .results
        .iter()
        .find(|p| p.sku.as_deref().is_some_and(|s| s.eq_ignore_ascii_case(sku)) && p.product_id.as_deref() != except);
    match taken {
        None => Ok(()),
        Some(p) if cat.sees(p.account_id.as_deref()) => Err(AppError::invalid(
            "sku",
            format!(
                "{} already has this SKU. SKUs are unique: change that product, or choose another SKU.",
                p.product_id.as_deref().unwrap_or("Another product")
            ),
        )),
        Some(_) => Err(AppError::invalid(
            "sku",
            "This SKU is taken in the Distributor's catalog. Choose another.",
        )),
    }
}

/// Creates the product; returns its PRID.
pub async fn create(cat: &Catalog, form: &ProductForm) -> Result<String, AppError> {
    let checked = check(form, cat.is_staff())?;
    let owner = cat.new_owner(&form.for_account)?;
    sku_is_free(cat, &checked.sku, None).await?;
    let entry = cat.audit("CreateProduct", &[&checked.sku]);
    let audit_id = audit::begin(&cat.state.pool, &entry).await?;
    // An Account's people never see or set a wholesale cost.
    let cost = if cat.is_staff() { checked.cost } else { Money::ZERO };
    let request = ProductCreateRequest {
        sku: checked.sku.clone(),
        description: checked.description.clone(),
        kind: checked.kind.clone(),
        sub_type: checked.sub_type.clone(),
        cost: cost.to_wire(),
        billing_frequency: checked.frequency.wire().to_string(),
        account_id: owner.clone(),
    };
    match cat.tenant.client.create_product(&request).await {
        Ok(created) => {
            let id = created.product_id.unwrap_or_default();
            let detail = format!(
                "{id} {} {}{} for {}",
                checked.sku,
                cost,
                checked.frequency.suffix(),
                cat.owner(owner.as_deref()).label()
            );
            audit::finish(&cat.state.pool, audit_id, Outcome::Succeeded, &detail).await?;
            Ok(id)
        }
        Err(error) => {
            audit::finish(&cat.state.pool, audit_id, Outcome::Failed, &error.to_string()).await?;
            Err(error.into())
        }
    }
}

/// Changes the product; only what differs is sent.
pub async fn update(cat: &Catalog, form: &ProductForm) -> Result<(), AppError> {
    let before = find(cat, &form.product_id).await?;
    let id = before.product_id.clone().unwrap_or_default();
    cat.require_change(before.account_id.as_deref(), "UpdateProduct", &id)
        .await?;
    let checked = check(form, cat.is_staff())?;
    let mut changed = Vec::new();
    let mut request = ProductUpdateRequest {
        product_id: id.clone(),
        ..Default::default()
    };
    if before.sku.as_deref() != Some(checked.sku.as_str()) {
        sku_is_free(cat, &checked.sku, Some(&id)).await?;
        changed.push(format!("SKU to {}", checked.sku));
        request.sku = Some(checked.sku.clone());
    }
    if before.description.as_deref() != Some(checked.description.as_str()) {
        changed.push("description".to_string());
        request.description = Some(checked.description.clone());
    }
    if before.kind.as_deref() != Some(checked.kind.as_str()) {
        changed.push(format!("type to {}", checked.kind));
        request.kind = Some(checked.kind.clone());
    }
    if before.sub_type.clone().filter(|s| !s.is_empty()) != checked.sub_type {
        changed.push("subtype".to_string());
        request.sub_type = Some(checked.sub_type.clone().unwrap_or_default());
    }
    let cost_before = Money::from_wire(before.cost.unwrap_or(0.0));
    if cat.is_staff() && cost_before != checked.cost {
        changed.push(format!("cost {cost_before} → {}", checked.cost));
        request.cost = Some(checked.cost.to_wire());
    }
    if Frequency::from_wire(before.billing_frequency.as_deref().unwrap_or_default()) != Some(checked.frequency) {
        changed.push(format!("billing to {}", checked.frequency.wire()));
        request.billing_frequency = Some(checked.frequency.wire().to_string());
    }
    let active = form.active.is_some();
    let active_changed = before.active.unwrap_or(true) != active;
    if changed.is_empty() && !active_changed {
        return Ok(());
    }
    let entry = cat.audit("UpdateProduct", &[&id]);
    let audit_id = audit::begin(&cat.state.pool, &entry).await?;
    if active_changed {
        changed.push(if active { "made active" } else { "made inactive" }.to_string());
    }
    if active_changed {
        request.active = Some(active);
    }
    let sent = cat
        .tenant
        .client
        .update_product(&request)
        .await
        .map(|_| ())
        .map_err(AppError::from);
    let (outcome, detail) = match &sent {
        Ok(()) => (Outcome::Succeeded, changed.join(", ")),
        Err(e) => (Outcome::Failed, e.to_string()),
    };
    audit::finish(&cat.state.pool, audit_id, outcome, &detail).await?;
    sent
}

/// Deletes the product unless a package still lists it.
pub async fn delete(cat: &Catalog, product_id: &str, confirmed: bool) -> Result<(), AppError> {
    let product = find(cat, product_id).await?;
    let id = product.product_id.clone().unwrap_or_default();
    cat.require_change(product.account_id.as_deref(), "DeleteProduct", &id)
        .await?;
    super::scope::confirmed(confirmed)?;
    let entry = cat.audit("DeleteProduct", &[&id]);
    let uses = used_by(cat, &id, true).await?;
    if !uses.is_empty() {
        // Named only where the caller sees them; the rest are counted.
        let (seen, unseen): (Vec<PackageUse>, Vec<PackageUse>) = uses.into_iter().partition(|u| u.visible);
        let message = in_use_message(&seen, unseen.len());
        audit::record(&cat.state.pool, &entry, Outcome::Denied, &message).await?;
        return Err(AppError::invalid("confirm", message));
    }
    let audit_id = audit::begin(&cat.state.pool, &entry).await?;
    let sent = cat
        .tenant
        .client
        .delete_product(&ProductDeleteRequest { product_id: id.clone() })
        .await;
    match sent {
        Ok(_) => {
            let detail = format!("{id} {}", product.sku.unwrap_or_default());
            audit::finish(&cat.state.pool, audit_id, Outcome::Succeeded, &detail).await?;
            Ok(())
        }
        Err(error) => {
            audit::finish(&cat.state.pool, audit_id, Outcome::Failed, &error.to_string()).await?;
            Err(error.into())
        }
    }
}

/// "Used by Family Unlimited (PKID-…; active subscriptions SUB-1, SUB-2)…".
pub fn in_use_message(uses: &[PackageUse], unseen: usize) -> String {
    let mut each: Vec<String> = uses
        .iter()
        .map(|u| {
            if u.subscriptions.is_empty() {
                format!("{} ({})", u.package_name, u.package_id)
            } else {
                format!(
                    "{} ({}; active subscriptions {})",
                    u.package_name,
                    u.package_id,
                    u.subscriptions.join(", ")
                )
            }
        })
        .collect();
    if unseen > 0 {
        each.push(format!("{unseen} package(s) of other Accounts"));
    }
    format!(
        "This product can't be deleted: packages still list it — {}. Remove it from those packages first \
         (a package with active subscriptions keeps billing until they are cancelled or moved). \
         To stop selling it without deleting, make it inactive.",
        each.join("; ")
    )
}

/// The form for `product_id` (empty: a new one).
pub async fn form(cat: &Catalog, product_id: &str) -> Result<ProductForm, AppError> {
    if product_id.trim().is_empty() {
        return Ok(ProductForm {
            distributor_id: cat.distributor_param.clone(),
            billing_frequency: Frequency::Monthly.wire().to_string(),
            active: Some("on".into()),
            ..Default::default()
        });
    }
    let p = find(cat, product_id).await?;
    if !cat.may_change(p.account_id.as_deref()) {
        return Err(AppError::Forbidden);
    }
    Ok(ProductForm {
        distributor_id: cat.distributor_param.clone(),
        product_id: p.product_id.clone().unwrap_or_default(),
        sku: p.sku.clone().unwrap_or_default(),
        description: p.description.clone().unwrap_or_default(),
        kind: p.kind.clone().unwrap_or_default(),
        sub_type: p.sub_type.clone().unwrap_or_default(),
        cost: if cat.is_staff() {
            Money::from_wire(p.cost.unwrap_or(0.0)).plain()
        } else {
            String::new()
        },
        billing_frequency: Frequency::from_wire(p.billing_frequency.as_deref().unwrap_or_default()).map_or_else(
            || p.billing_frequency.clone().unwrap_or_default(),
            |f| f.wire().to_string(),
        ),
        for_account: p.account_id.clone().unwrap_or_default(),
        active: p.active.unwrap_or(true).then(|| "on".to_string()),
    })
}
