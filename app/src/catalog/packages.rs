//! Packages: what a subscriber pays for, made of items that reference
//! Products with their own price, frequency and type. Create, update,
//! delete (refused while active subscriptions bill on it, naming them),
//! a clone into a variant (items are `package_items`) (the
//! guide's advice: three tiers, then variants). Package names are unique in
//! the Distributor's catalog, which also makes a repeated create or clone
//! harmless.

use std::collections::HashMap;

use telegent::ops::catalog::{
    Package, PackageCreateRequest, PackageDeleteRequest, PackageItem, PackageItemInput, PackageUpdateRequest, Product,
};

use super::model::{ListPage, Margin, PackageDetail, PackageForm, PackageItemRow, PackageRow, Shown};
use super::money::{Frequency, Money};
use super::scope::Catalog;
use crate::error::AppError;
use crate::ssr::audit::{self, Outcome};

/// Every package of the Distributor the caller sees (one cached read).
async fn visible(cat: &Catalog) -> Result<Vec<Package>, AppError> {
    let list = cat.tenant.client.distributor_packages(None).await?;
    Ok(list
        .results
        .into_iter()
        .filter(|p| p.package_id.is_some() && cat.sees(p.account_id.as_deref()))
        .collect())
}

pub async fn find(cat: &Catalog, package_id: &str) -> Result<Package, AppError> {
    crate::form_values::plain_id(package_id)?;
    visible(cat)
        .await?
        .into_iter()
        .find(|p| p.package_id.as_deref() == Some(package_id.trim()))
        .ok_or(AppError::NotFound)
}

/// The SUB- IDs of the package's active subscriptions.
pub async fn active_subscriptions(cat: &Catalog, package_id: &str) -> Result<Vec<String>, AppError> {
    let answer = cat.tenant.client.package_subscriptions(package_id).await?;
    let mut ids: Vec<String> = answer
        .subscriptions
        .into_iter()
        .filter(|s| s.active.unwrap_or(true))
        .filter_map(|s| s.subscription_id)
        .collect();
    ids.sort();
    Ok(ids)
}

/// The package's active subscriptions on the caller's own Account's lines
/// (an Account's people never learn of other Accounts' subscriptions).
pub async fn own_active_subscriptions(cat: &Catalog, package_id: &str) -> Result<Vec<String>, AppError> {
    let all = active_subscriptions(cat, package_id).await?;
    let Some(own) = &cat.own_account else {
        return Ok(all);
    };
    crate::read_model::sweep::ensure_filled(&cat.state, &cat.tenant.distributor_id).await?;
    let mine: Vec<(String,)> = sqlx::query_as(
        "SELECT subscription_id FROM rm_subscriptions WHERE distributor_id = $1 AND account_id = $2 AND package_id = $3",
    )
    .bind(&cat.tenant.distributor_id)
    .bind(own)
    .bind(package_id)
    .fetch_all(&cat.state.pool)
    .await?;
    Ok(all.into_iter().filter(|id| mine.iter().any(|(m,)| m == id)).collect())
}

/// What the package costs the Distributor and keeps of its price.
pub fn margin(price: Money, monthly: bool, items: &[(Option<Money>, Option<Frequency>)]) -> Margin {
    let cost_of = |wanted: Frequency| -> Money {
        items
            .iter()
            .filter(|(_, f)| *f == Some(wanted))
            .map(|(c, _)| c.unwrap_or(Money::ZERO))
            .sum()
    };
    let monthly_cost = cost_of(Frequency::Monthly);
    let one_time_cost = cost_of(Frequency::Once);
    let usage_items = items.iter().filter(|(_, f)| *f == Some(Frequency::Usage)).count();
    let margin = if monthly {
        price - monthly_cost
    } else {
        price - monthly_cost - one_time_cost
    };
    Margin {
        monthly_cost,
        one_time_cost,
        usage_items,
        margin,
    }
}

fn row(cat: &Catalog, p: &Package, items: &[PackageItem], products: &HashMap<String, Product>) -> PackageRow {
    let price = Money::from_wire(p.price.unwrap_or(0.0));
    let monthly = p.monthly.unwrap_or(true);
    let costs: Vec<(Option<Money>, Option<Frequency>)> = items
        .iter()
        .map(|i| {
            let product = i.product_id.as_deref().and_then(|id| products.get(id));
            (
                product.map(|p| Money::from_wire(p.cost.unwrap_or(0.0))),
                product.and_then(|p| Frequency::from_wire(p.billing_frequency.as_deref().unwrap_or_default())),
            )
        })
        .collect();
    PackageRow {
        id: p.package_id.clone().unwrap_or_default(),
        name: p.package_name.clone().unwrap_or_default(),
        description: p.description.clone().unwrap_or_default(),
        kind: p.kind.clone().unwrap_or_default(),
        price,
        monthly,
        active: p.active.unwrap_or(true),
        items: items.len(),
        // Never to an Account's people: what the Distributor keeps is its own.
        margin: cat.is_staff().then(|| margin(price, monthly, &costs)),
        owner: cat.owner(p.account_id.as_deref()),
    }
}

/// Every product of the Distributor by PRID (also those the caller can't
/// list: an item shows what it bills even when the product is another's).
pub(super) async fn products_by_id(cat: &Catalog) -> Result<HashMap<String, Product>, AppError> {
    let list = cat.tenant.client.distributor_products(None).await?;
    Ok(list
        .results
        .into_iter()
        .filter_map(|p| p.product_id.clone().map(|id| (id, p)))
        .collect())
}

pub async fn list(cat: &Catalog, shown: Shown, search: &str) -> Result<ListPage<PackageRow>, AppError> {
    let all = visible(cat).await?;
    let total = all.len();
    let products = products_by_id(cat).await?;
    let needle = search.trim().to_lowercase();
    let mut rows = Vec::new();
    for p in &all {
        let active = p.active.unwrap_or(true);
        let text = format!(
            "{} {} {} {}",
            p.package_name.as_deref().unwrap_or_default(),
            p.description.as_deref().unwrap_or_default(),
            p.kind.as_deref().unwrap_or_default(),
            p.package_id.as_deref().unwrap_or_default()
        )
        .to_lowercase();
        if !shown.keeps(active) || !text.contains(&needle) {
            continue;
        }
        // Items are read per package (cached for minutes, dropped by the
        // portal's own changes): a Distributor has a handful of packages.
        let items = cat
            .tenant
            .client
            .package_items(p.package_id.as_deref().unwrap_or_default())
            .await?;
        rows.push(row(cat, p, &items, &products));
    }
    rows.sort_by_key(|r| r.name.to_lowercase());
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

pub async fn detail(cat: &Catalog, package_id: &str) -> Result<PackageDetail, AppError> {
    let package = find(cat, package_id).await?;
    let id = package.package_id.clone().unwrap_or_default();
    let items = cat.tenant.client.package_items(&id).await?;
    let products = products_by_id(cat).await?;
    let staff = cat.is_staff();
    let item_rows = items
        .iter()
        .map(|i| {
            let product = i
                .product_id
                .as_deref()
                .and_then(|pid| products.get(pid))
                .filter(|p| cat.sees(p.account_id.as_deref()));
            PackageItemRow {
                id: i.package_item_id.clone().unwrap_or_default(),
                product_id: i.product_id.clone().unwrap_or_default(),
                sku: product.and_then(|p| p.sku.clone()).unwrap_or_default(),
                description: product.and_then(|p| p.description.clone()).unwrap_or_default(),
                price: Money::from_wire(i.price.unwrap_or(0.0)),
                monthly: i.monthly.unwrap_or(true),
                kind: i.kind.clone().unwrap_or_default(),
                cost: product
                    .filter(|_| staff)
                    .map(|p| Money::from_wire(p.cost.unwrap_or(0.0))),
                cost_frequency: product
                    .filter(|_| staff)
                    .and_then(|p| Frequency::from_wire(p.billing_frequency.as_deref().unwrap_or_default())),
            }
        })
        .collect();
    let mut choices: Vec<(String, String)> = products
        .values()
        .filter(|p| {
            let owner = p.account_id.as_deref().filter(|a| !a.is_empty());
            cat.sees(owner) && (owner.is_none() || owner == package.account_id.as_deref()) && p.active.unwrap_or(true)
        })
        .map(|p| {
            (
                p.product_id.clone().unwrap_or_default(),
                format!(
                    "{} — {}",
                    p.sku.as_deref().unwrap_or_default(),
                    p.description.as_deref().unwrap_or_default()
                ),
            )
        })
        .collect();
    choices.sort_by_key(|a| a.1.to_lowercase());
    Ok(PackageDetail {
        can_edit: cat.may_change(package.account_id.as_deref()),
        package: row(cat, &package, &items, &products),
        items: item_rows,
        subscriptions: own_active_subscriptions(cat, &id).await?,
        products: choices,
        distributor_id: cat.distributor_param.clone(),
        distributor_name: cat.distributor_name.clone(),
    })
}

struct Checked {
    name: String,
    description: Option<String>,
    kind: String,
    price: Money,
    monthly: bool,
}

fn check(form: &PackageForm) -> Result<Checked, AppError> {
    let mut problems = Vec::new();
    let name = form.package_name.trim().to_string();
    if name.chars().any(char::is_control) {
        problems.push(AppError::invalid(
            "package_name",
            "Use letters, digits and punctuation only.",
        ));
    } else if name.is_empty() {
        problems.push(AppError::invalid(
            "package_name",
            "Name the package, like “Family Unlimited”.",
        ));
    } else if name.chars().count() > 80 {
        problems.push(AppError::invalid("package_name", "Use at most 80 characters."));
    }
    let kind = form.kind.trim().to_string();
    if kind.is_empty() {
        problems.push(AppError::invalid("kind", "Choose the kind of line it is for."));
    }
    let price = match Money::parse(&form.price) {
        Ok(price) => price,
        Err(message) => {
            problems.push(AppError::invalid("price", message));
            Money::ZERO
        }
    };
    if let Some(refused) = AppError::from_field_errors(problems) {
        return Err(refused);
    }
    Ok(Checked {
        name,
        description: Some(form.description.trim().to_string()).filter(|d| !d.is_empty()),
        kind,
        price,
        monthly: form.monthly.is_some(),
    })
}

/// Package names are unique in the Distributor's catalog (case aside).
async fn name_is_free(cat: &Catalog, name: &str, except: Option<&str>) -> Result<(), AppError> {
    let all = cat.tenant.client.distributor_packages(None).await?;
    let taken = all.results.iter().find(|p| {
        p.package_name
            .as_deref()
            .is_some_and(|n| n.trim().eq_ignore_ascii_case(name))
            && p.package_id.as_deref() != except
    });
    match taken {
        None => Ok(()),
        Some(p) if cat.sees(p.account_id.as_deref()) => Err(AppError::invalid(
            "package_name",
            format!(
                "{} already has this name. Choose another (a variant's name says what differs).",
                p.package_id.as_deref().unwrap_or("Another package")
            ),
        )),
        Some(_) => Err(AppError::invalid(
            "package_name",
            "This name is taken in the Distributor's catalog. Choose another.",
        )),
    }
}

/// Sends a package change, on the audit log whatever happens.
pub(super) async fn audited<T>(
    cat: &Catalog,
    action: &str,
    targets: &[&str],
    detail: String,
    call: impl std::future::Future<Output = Result<T, telegent::TelegentError>>,
) -> Result<T, AppError> {
    let entry = cat.audit(action, targets);
    let audit_id = audit::begin(&cat.state.pool, &entry).await?;
    match call.await {
        Ok(answer) => {
            audit::finish(&cat.state.pool, audit_id, Outcome::Succeeded, &detail).await?;
            Ok(answer)
        }
        Err(error) => {
            audit::finish(&cat.state.pool, audit_id, Outcome::Failed, &error.to_string()).await?;
            Err(error.into())
        }
    }
}

pub async fn create(cat: &Catalog, form: &PackageForm) -> Result<String, AppError> {
    let checked = check(form)?;
    let owner = cat.new_owner(&form.for_account)?;
    name_is_free(cat, &checked.name, None).await?;
    let request = PackageCreateRequest {
        package_name: checked.name.clone(),
        description: checked.description.clone(),
        subscriber_id: None,
        kind: checked.kind.clone(),
        price: checked.price.to_wire(),
        monthly: checked.monthly,
        package_items: None,
        account_id: owner.clone(),
    };
    let detail = format!(
        "{} at {} for {}",
        checked.name,
        super::money::priced(checked.price, checked.monthly),
        cat.owner(owner.as_deref()).label()
    );
    let created = audited(
        cat,
        "CreatePackage",
        &[&checked.name],
        detail,
        cat.tenant.client.create_package(&request),
    )
    .await?;
    Ok(created.package_id.unwrap_or_default())
}

pub async fn update(cat: &Catalog, form: &PackageForm) -> Result<(), AppError> {
    let before = find(cat, &form.package_id).await?;
    let id = before.package_id.clone().unwrap_or_default();
    cat.require_change(before.account_id.as_deref(), "UpdatePackage", &id)
        .await?;
    let checked = check(form)?;
    let mut changed = Vec::new();
    let mut request = PackageUpdateRequest {
        package_id: id.clone(),
        ..Default::default()
    };
    if before.package_name.as_deref().map(str::trim) != Some(checked.name.as_str()) {
        name_is_free(cat, &checked.name, Some(&id)).await?;
        changed.push(format!("name to {}", checked.name));
        request.package_name = Some(checked.name.clone());
    }
    if before.description.clone().filter(|d| !d.is_empty()) != checked.description {
        changed.push("description".to_string());
        request.description = Some(checked.description.clone().unwrap_or_default());
    }
    if before.kind.as_deref() != Some(checked.kind.as_str()) {
        changed.push(format!("type to {}", checked.kind));
        request.kind = Some(checked.kind.clone());
    }
    let price_before = Money::from_wire(before.price.unwrap_or(0.0));
    let monthly_before = before.monthly.unwrap_or(true);
    if price_before != checked.price || monthly_before != checked.monthly {
        changed.push(format!(
            "price {} → {}",
            super::money::priced(price_before, monthly_before),
            super::money::priced(checked.price, checked.monthly)
        ));
        request.price = Some(checked.price.to_wire());
        request.monthly = Some(checked.monthly);
    }
    let active = form.active.is_some();
    if before.active.unwrap_or(true) != active {
        changed.push(if active { "made active" } else { "made inactive" }.to_string());
        request.active = Some(active);
    }
    if changed.is_empty() {
        return Ok(());
    }
    audited(
        cat,
        "UpdatePackage",
        &[&id],
        changed.join(", "),
        cat.tenant.client.update_package(&request),
    )
    .await?;
    Ok(())
}

/// Deletes the package unless active subscriptions bill on it.
pub async fn delete(cat: &Catalog, package_id: &str, confirmed: bool) -> Result<(), AppError> {
    let package = find(cat, package_id).await?;
    let id = package.package_id.clone().unwrap_or_default();
    cat.require_change(package.account_id.as_deref(), "DeletePackage", &id)
        .await?;
    super::scope::confirmed(confirmed)?;
    let subscriptions = active_subscriptions(cat, &id).await?;
    if !subscriptions.is_empty() {
        let message = format!(
            "This package can't be deleted: {} active subscription{} bill on it — {}. Move them to another \
             package or cancel them first, or make the package inactive to stop offering it.",
            subscriptions.len(),
            if subscriptions.len() == 1 { "" } else { "s" },
            subscriptions.join(", ")
        );
        let entry = cat.audit("DeletePackage", &[&id]);
        audit::record(&cat.state.pool, &entry, Outcome::Denied, &message).await?;
        return Err(AppError::invalid("confirm", message));
    }
    let name = package.package_name.clone().unwrap_or_default();
    audited(
        cat,
        "DeletePackage",
        &[&id],
        format!("{id} {name}"),
        cat.tenant
            .client
            .delete_package(&PackageDeleteRequest { package_id: id.clone() }),
    )
    .await?;
    Ok(())
}

/// Copies the package and every item into a new package named `new_name`
/// (same owner). Returns the new PKID. The copy is made in one create (its
/// items inside): a half-made variant can't be left behind.
pub async fn clone(cat: &Catalog, package_id: &str, new_name: &str) -> Result<String, AppError> {
    let source = find(cat, package_id).await?;
    let id = source.package_id.clone().unwrap_or_default();
    if !cat.may_create() {
        return Err(AppError::Forbidden);
    }
    let name = new_name.trim().to_string();
    if name.chars().any(char::is_control) {
        return Err(AppError::invalid(
            "new_name",
            "Use letters, digits and punctuation only.",
        ));
    }
    if name.is_empty() {
        return Err(AppError::invalid(
            "new_name",
            "Name the variant, like “Family Unlimited 10 GB”.",
        ));
    }
    name_is_free(cat, &name, None).await.map_err(|e| match e {
        AppError::Invalid { message, .. } => AppError::invalid("new_name", message),
        other => other,
    })?;
    let items = cat.tenant.client.package_items(&id).await?;
    // The variant is the caller's: an Account Admin's copy of the
    // Distributor's package is their own Account's.
    let owner = match &cat.own_account {
        Some(own) => Some(own.clone()),
        None => source.account_id.clone().filter(|a| !a.is_empty()),
    };
    let request = PackageCreateRequest {
        package_name: name.clone(),
        description: source.description.clone(),
        subscriber_id: None,
        kind: source.kind.clone().unwrap_or_else(|| "mvno".into()),
        price: Money::from_wire(source.price.unwrap_or(0.0)).to_wire(),
        monthly: source.monthly.unwrap_or(true),
        package_items: Some(
            items
                .iter()
                .map(|i| PackageItemInput {
                    product_id: i.product_id.clone(),
                    price: Some(Money::from_wire(i.price.unwrap_or(0.0)).plain()),
                    monthly: i.monthly,
                    kind: i.kind.clone(),
                })
                .collect(),
        ),
        account_id: owner,
    };
    let created = audited(
        cat,
        "ClonePackage",
        &[&id, &name],
        format!("{} with {} items", name, items.len()),
        cat.tenant.client.create_package(&request),
    )
    .await?;
    Ok(created.package_id.unwrap_or_default())
}

pub async fn form(cat: &Catalog, package_id: &str) -> Result<PackageForm, AppError> {
    if package_id.trim().is_empty() {
        return Ok(PackageForm {
            distributor_id: cat.distributor_param.clone(),
            kind: "mvno".into(),
            monthly: Some("on".into()),
            active: Some("on".into()),
            ..Default::default()
        });
    }
    let p = find(cat, package_id).await?;
    if !cat.may_change(p.account_id.as_deref()) {
        return Err(AppError::Forbidden);
    }
    Ok(PackageForm {
        distributor_id: cat.distributor_param.clone(),
        package_id: p.package_id.clone().unwrap_or_default(),
        package_name: p.package_name.clone().unwrap_or_default(),
        description: p.description.clone().unwrap_or_default(),
        kind: p.kind.clone().unwrap_or_default(),
        price: Money::from_wire(p.price.unwrap_or(0.0)).plain(),
        monthly: p.monthly.unwrap_or(true).then(|| "on".to_string()),
        for_account: p.account_id.clone().unwrap_or_default(),
        active: p.active.unwrap_or(true).then(|| "on".to_string()),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn margin_is_price_minus_recurring_costs_exactly() {
        let ten_cents = Some(Money::from_cents(10));
        let m = margin(
            Money::from_cents(2500),
            true,
            &[
                (ten_cents, Some(Frequency::Monthly)),
                (ten_cents, Some(Frequency::Monthly)),
                (ten_cents, Some(Frequency::Monthly)),
                (Some(Money::from_cents(150)), Some(Frequency::Once)),
                (None, Some(Frequency::Usage)),
            ],
        );
        assert_eq!(m.monthly_cost, Money::from_cents(30));
        assert_eq!(m.one_time_cost, Money::from_cents(150));
        assert_eq!(m.usage_items, 1);
        assert_eq!(m.margin, Money::from_cents(2470));
        // A one-time package pays for everything once.
        let once = margin(
            Money::from_cents(100),
            false,
            &[(Some(Money::from_cents(150)), Some(Frequency::Once))],
        );
        assert_eq!(once.margin, Money::from_cents(-50));
    }
}
