//! Services: value-added features (Caller ID, a number lookup) with
//! Telegent's cost and the Distributor's price for each (its items). They
//! belong to no Account: the Distributor's staff change them, everyone who
//! reads the catalog sees them (the cost only staff). A name is unique, so
//! a repeated create is refused with a link to the first.

use telegent::ops::catalog::{
    Service, ServiceCreateRequest, ServiceDeleteRequest, ServiceItem, ServiceItemDeleteRequest, ServiceItemRequest,
    ServiceUpdateRequest,
};

use super::model::{ListPage, Shown};
use super::money::{priced, Money};
use super::scope::Catalog;
use super::service_model::{ServiceDetail, ServiceForm, ServiceFormPage, ServiceItemForm, ServiceItemRow, ServiceRow};
use crate::error::AppError;
use crate::ssr::audit::{self, Outcome};

const NAME_MAX: usize = 80;

fn text(v: &Option<String>) -> String {
    v.clone().unwrap_or_default()
}

pub async fn visible(cat: &Catalog) -> Result<Vec<Service>, AppError> {
    let list = cat.tenant.client.account_services(None).await?;
    Ok(list.results.into_iter().filter(|s| s.service_id.is_some()).collect())
}

pub fn row(cat: &Catalog, s: &Service) -> ServiceRow {
    ServiceRow {
        id: text(&s.service_id),
        name: text(&s.service_name),
        cost: cat.is_staff().then(|| Money::from_wire(s.cost.unwrap_or(0.0))),
        monthly: s.monthly.unwrap_or(true),
        active: s.active.unwrap_or(true),
    }
}

pub async fn list(cat: &Catalog, shown: Shown, search: &str) -> Result<ListPage<ServiceRow>, AppError> {
    let all = visible(cat).await?;
    let total = all.len();
    let needle = search.trim().to_lowercase();
    let mut rows: Vec<ServiceRow> = all
        .iter()
        .map(|s| row(cat, s))
        .filter(|r| shown.keeps(r.active))
        .filter(|r| {
            needle.is_empty() || r.name.to_lowercase().contains(&needle) || r.id.to_lowercase().contains(&needle)
        })
        .collect();
    rows.sort_by_key(|r| r.name.to_lowercase());
    Ok(ListPage {
        rows,
        shown,
        search: search.trim().to_string(),
        total,
        can_create: cat.caller.allows(crate::policy::Action::ManageServices),
        distributor_id: cat.distributor_param.clone(),
        distributor_name: cat.distributor_name.clone(),
        choose_distributor: Vec::new(),
    })
}

/// The service, if the caller's Distributor has it (another's is missing).
pub async fn find(cat: &Catalog, service_id: &str) -> Result<Service, AppError> {
    let id = crate::form_values::plain_id(service_id)?.trim();
    visible(cat)
        .await?
        .into_iter()
        .find(|s| s.service_id.as_deref() == Some(id))
        .ok_or(AppError::NotFound)
}

async fn items(cat: &Catalog, service_id: &str) -> Result<Vec<ServiceItem>, AppError> {
    Ok(cat
        .tenant
        .client
        .service_items(service_id)
        .await?
        .items
        .into_iter()
        // The Distributor's own price only: an aggregator's item (or
        // another Distributor's) is neither shown nor changed here.
        .filter(|i| {
            i.distributor_id
                .as_deref()
                .is_none_or(|d| d == cat.tenant.distributor_id)
        })
        .collect())
}

fn item_row(i: &ServiceItem) -> ServiceItemRow {
    ServiceItemRow {
        distributor_id: text(&i.distributor_id),
        price: Money::from_wire(i.price.unwrap_or(0.0)),
        monthly: i.monthly.unwrap_or(true),
    }
}

pub async fn detail(cat: &Catalog, service_id: &str) -> Result<ServiceDetail, AppError> {
    let service = find(cat, service_id).await?;
    let id = text(&service.service_id);
    Ok(ServiceDetail {
        items: items(cat, &id).await?.iter().map(item_row).collect(),
        service: row(cat, &service),
        can_edit: cat.caller.allows(crate::policy::Action::ManageServices),
        distributor_id: cat.distributor_param.clone(),
        distributor_name: cat.distributor_name.clone(),
    })
}

pub async fn form(cat: &Catalog, service_id: &str) -> Result<ServiceFormPage, AppError> {
    let form = if service_id.trim().is_empty() {
        ServiceForm {
            distributor_id: cat.distributor_param.clone(),
            monthly: Some("on".into()),
            ..Default::default()
        }
    } else {
        let s = find(cat, service_id).await?;
        ServiceForm {
            distributor_id: cat.distributor_param.clone(),
            service_id: text(&s.service_id),
            service_name: text(&s.service_name),
            cost: Money::from_wire(s.cost.unwrap_or(0.0)).plain(),
            monthly: s.monthly.unwrap_or(true).then(|| "on".into()),
            active: s.active.unwrap_or(true).then(|| "on".into()),
        }
    };
    Ok(ServiceFormPage {
        form,
        distributor_name: cat.distributor_name.clone(),
    })
}

fn check(form: &ServiceForm) -> Result<(String, Money), AppError> {
    let mut problems = Vec::new();
    let name = form.service_name.trim().to_string();
    if name.is_empty() {
        problems.push(AppError::invalid("service_name", "Name the service, like “Caller ID”."));
    } else if name.chars().count() > NAME_MAX || name.chars().any(char::is_control) {
        problems.push(AppError::invalid(
            "service_name",
            format!("At most {NAME_MAX} letters, digits and punctuation."),
        ));
    }
    let cost = Money::parse(&form.cost).unwrap_or_else(|message| {
        problems.push(AppError::invalid("cost", message));
        Money::ZERO
    });
    match AppError::from_field_errors(problems) {
        Some(refused) => Err(refused),
        None => Ok((name, cost)),
    }
}

async fn name_is_free(cat: &Catalog, name: &str, except: Option<&str>) -> Result<(), AppError> {
    let taken = visible(cat).await?.into_iter().find(|s| {
        s.service_name
            .as_deref()
            .is_some_and(|n| n.trim().eq_ignore_ascii_case(name))
            && s.service_id.as_deref() != except
    });
    match taken {
        None => Ok(()),
        Some(s) => Err(AppError::invalid(
            "service_name",
            format!(
                "{} already has this name: change that service, or choose another name.",
                text(&s.service_id)
            ),
        )),
    }
}

/// Creates or changes the service; returns its ID.
pub async fn save(cat: &Catalog, form: &ServiceForm) -> Result<String, AppError> {
    // Another Distributor's service is missing before any field is judged.
    let before = if form.service_id.trim().is_empty() {
        None
    } else {
        Some(find(cat, &form.service_id).await?)
    };
    let (name, cost) = check(form)?;
    let monthly = form.monthly.is_some();
    let Some(before) = before else {
        name_is_free(cat, &name, None).await?;
        let entry = cat.audit("CreateService", &[&name]);
        let audit_id = audit::begin(&cat.state.pool, &entry).await?;
        let request = ServiceCreateRequest {
            service_name: name.clone(),
            cost: cost.to_wire(),
            monthly,
        };
        return match cat.tenant.client.create_service(&request).await {
            Ok(created) => {
                let id = text(&created.service_id);
                let detail = format!("{id} {name} at {}", priced(cost, monthly));
                audit::finish(&cat.state.pool, audit_id, Outcome::Succeeded, &detail).await?;
                Ok(id)
            }
            Err(error) => {
                audit::finish(&cat.state.pool, audit_id, Outcome::Failed, &error.to_string()).await?;
                Err(error.into())
            }
        };
    };
    let id = text(&before.service_id);
    let mut request = ServiceUpdateRequest {
        service_id: id.clone(),
        ..Default::default()
    };
    let mut changed = Vec::new();
    if before.service_name.as_deref().map(str::trim) != Some(name.as_str()) {
        name_is_free(cat, &name, Some(&id)).await?;
        changed.push(format!("name to {name}"));
        request.service_name = Some(name.clone());
    }
    let cost_before = Money::from_wire(before.cost.unwrap_or(0.0));
    if cost_before != cost {
        changed.push(format!("cost {cost_before} → {cost}"));
        request.cost = Some(cost.to_wire());
    }
    if before.monthly.unwrap_or(true) != monthly {
        changed.push(if monthly { "monthly" } else { "one-time" }.to_string());
        request.monthly = Some(monthly);
    }
    let active = form.active.is_some();
    if before.active.unwrap_or(true) != active {
        changed.push(if active { "made active" } else { "made inactive" }.to_string());
        request.active = Some(active);
    }
    if changed.is_empty() {
        return Ok(id);
    }
    let entry = cat.audit("UpdateService", &[&id]);
    let audit_id = audit::begin(&cat.state.pool, &entry).await?;
    match cat.tenant.client.update_service(&request).await {
        Ok(_) => {
            audit::finish(&cat.state.pool, audit_id, Outcome::Succeeded, &changed.join(", ")).await?;
            Ok(id)
        }
        Err(error) => {
            audit::finish(&cat.state.pool, audit_id, Outcome::Failed, &error.to_string()).await?;
            Err(error.into())
        }
    }
}

pub async fn delete(cat: &Catalog, service_id: &str, confirmed: bool) -> Result<(), AppError> {
    let service = find(cat, service_id).await?;
    let id = text(&service.service_id);
    super::scope::confirmed(confirmed)?;
    let entry = cat.audit("DeleteService", &[&id]);
    let audit_id = audit::begin(&cat.state.pool, &entry).await?;
    let sent = cat
        .tenant
        .client
        .delete_service(&ServiceDeleteRequest { service_id: id.clone() })
        .await;
    let (outcome, detail) = match &sent {
        Ok(_) => (Outcome::Succeeded, format!("{id} {}", text(&service.service_name))),
        Err(error) => (Outcome::Failed, error.to_string()),
    };
    audit::finish(&cat.state.pool, audit_id, outcome, &detail).await?;
    sent.map(|_| ()).map_err(AppError::from)
}

/// Sets the Distributor's price for the service: added when it has none,
/// changed otherwise (the API addresses a price by its service).
pub async fn save_item(cat: &Catalog, f: &ServiceItemForm) -> Result<(), AppError> {
    let service = find(cat, &f.service_id).await?;
    let service_id = text(&service.service_id);
    let existing = items(cat, &service_id).await?;
    let before = existing.first();
    let price = Money::parse(&f.item_price).map_err(|message| AppError::invalid("item_price", message))?;
    let monthly = f.item_monthly.is_some();
    let request = ServiceItemRequest {
        service_id: service_id.clone(),
        distributor_id: Some(cat.tenant.distributor_id.clone()),
        price: Some(price.to_wire()),
        monthly: Some(monthly),
        ..Default::default()
    };
    let (action, detail) = match before {
        None => (
            "AddServiceItem",
            format!("{service_id} priced {}", priced(price, monthly)),
        ),
        Some(b) => (
            "UpdateServiceItem",
            format!(
                "{service_id} {} → {}",
                priced(Money::from_wire(b.price.unwrap_or(0.0)), b.monthly.unwrap_or(true)),
                priced(price, monthly)
            ),
        ),
    };
    let entry = cat.audit(action, &[&service_id]);
    let audit_id = audit::begin(&cat.state.pool, &entry).await?;
    let sent = match before {
        None => cat.tenant.client.add_service_item(&request).await,
        Some(_) => cat.tenant.client.update_service_item(&request).await,
    };
    let (outcome, detail) = match &sent {
        Ok(_) => (Outcome::Succeeded, detail),
        Err(error) => (Outcome::Failed, error.to_string()),
    };
    audit::finish(&cat.state.pool, audit_id, outcome, &detail).await?;
    sent.map(|_| ()).map_err(AppError::from)
}

pub async fn remove_item(cat: &Catalog, form: &ServiceItemForm) -> Result<(), AppError> {
    let service = find(cat, &form.service_id).await?;
    let service_id = text(&service.service_id);
    super::scope::confirmed(form.confirm.is_some())?;
    let Some(item) = items(cat, &service_id).await?.into_iter().next() else {
        return Err(AppError::invalid("confirm", "This service has no price to remove."));
    };
    let entry = cat.audit("RemoveServiceItem", &[&service_id]);
    let audit_id = audit::begin(&cat.state.pool, &entry).await?;
    let sent = cat
        .tenant
        .client
        .delete_service_item(&ServiceItemDeleteRequest {
            service_id: service_id.clone(),
        })
        .await;
    let (outcome, detail) = match &sent {
        Ok(_) => (
            Outcome::Succeeded,
            format!(
                "{service_id} price {} removed",
                priced(
                    Money::from_wire(item.price.unwrap_or(0.0)),
                    item.monthly.unwrap_or(true)
                )
            ),
        ),
        Err(error) => (Outcome::Failed, error.to_string()),
    };
    audit::finish(&cat.state.pool, audit_id, outcome, &detail).await?;
    sent.map(|_| ()).map_err(AppError::from)
}
