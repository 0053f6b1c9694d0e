//! The subscriptions list from the read model: across the Distributor for
//! staff, the caller's Account for its people; narrowed to one package,
//! subscriber, number or Account. Package names come from the catalog's
//! cached list (one read for minutes), everything else from the copy.

use std::collections::HashMap;

use sqlx::Row;

use super::model::{SubscriptionRow, SubscriptionsPage, SubscriptionsQuery, SUBSCRIPTIONS_PER_PAGE};
use crate::accounts::service::stored_distributor_name;
use crate::error::AppError;
use crate::read_model::scope::Scope;
use crate::read_model::store::{freshness, Sql};
use crate::read_model::sweep::ensure_filled;
use crate::ssr::{AppState, Tenant};

const COLUMNS: &str = "SELECT s.subscription_id, s.account_id, a.name, s.subscriber_id, sb.name, n.msisdn, s.tnid, \
     s.package_id, s.kind";
const FROM: &str = " FROM rm_subscriptions s \
     LEFT JOIN rm_accounts a ON a.distributor_id = s.distributor_id AND a.account_id = s.account_id \
     LEFT JOIN rm_subscribers sb ON sb.distributor_id = s.distributor_id AND sb.subscriber_id = s.subscriber_id \
     LEFT JOIN rm_numbers n ON n.distributor_id = s.distributor_id AND n.number_id = s.tnid \
     WHERE 1 = 1";
const ALONE: &str = " FROM rm_subscriptions s WHERE 1 = 1";

fn filtered(from: &str, scope: &Scope, query: &SubscriptionsQuery) -> Result<Sql, AppError> {
    let mut sql = Sql::new(from).scoped(scope, "s");
    for (column, value) in [
        ("s.package_id", &query.package),
        ("s.subscriber_id", &query.subscriber),
        ("s.tnid", &query.number),
        ("s.account_id", &query.account),
    ] {
        let value = crate::form_values::plain_id(value.trim())?;
        if !value.is_empty() {
            sql = sql.and(&format!("{column} = ?"), [value.to_string()]);
        }
    }
    Ok(sql)
}

/// Package names by PKID: the Distributor's catalog and, for an Account's
/// people, their Account's own (another Account's package stays unnamed).
pub async fn package_names(tenant: &Tenant, scope: &Scope) -> HashMap<String, String> {
    let own = match scope {
        Scope::Account { account_id, .. } => Some(account_id.clone()),
        _ => None,
    };
    match tenant.client.distributor_packages(None).await {
        Ok(list) => list
            .results
            .into_iter()
            .filter(|p| own.is_none() || p.account_id.as_deref().is_none_or(|a| a.is_empty()) || p.account_id == own)
            .filter_map(|p| Some((p.package_id?, p.package_name.unwrap_or_default())))
            .collect(),
        // The list still shows: each package by its ID.
        Err(error) => {
            tracing::warn!(%error, "package names for the subscriptions list");
            HashMap::new()
        }
    }
}

pub fn row(r: &sqlx::any::AnyRow, names: &HashMap<String, String>) -> SubscriptionRow {
    let msisdn: Option<String> = r.get(5);
    let package_id: String = r.get(7);
    SubscriptionRow {
        id: r.get(0),
        account_id: r.get(1),
        account_name: r.get::<Option<String>, _>(2).unwrap_or_default(),
        subscriber_id: r.get(3),
        subscriber_name: r.get::<Option<String>, _>(4).unwrap_or_default(),
        number: msisdn
            .as_deref()
            .map(telegent::phone::format_for_display)
            .unwrap_or_default(),
        msisdn: msisdn.unwrap_or_default(),
        tnid: r.get(6),
        package_name: names.get(&package_id).cloned().unwrap_or_else(|| package_id.clone()),
        package_id,
        kind: r.get(8),
    }
}

pub async fn list(
    state: &AppState,
    tenant: &Tenant,
    scope: &Scope,
    query: &SubscriptionsQuery,
) -> Result<SubscriptionsPage, AppError> {
    ensure_filled(state, &tenant.distributor_id).await?;
    let total = filtered(ALONE, scope, query)?
        .with_prefix("SELECT COUNT(*)")
        .count(&state.pool)
        .await?;
    let total_pages = total.div_ceil(SUBSCRIPTIONS_PER_PAGE).max(1);
    let page = query.page.clamp(1, total_pages);
    let names = package_names(tenant, scope).await;
    let rows = filtered(FROM, scope, query)?
        .with_prefix(COLUMNS)
        .push(&format!(
            " ORDER BY s.subscription_id LIMIT {SUBSCRIPTIONS_PER_PAGE} OFFSET {}",
            (page - 1) * SUBSCRIPTIONS_PER_PAGE
        ))
        .fetch_all(&state.pool)
        .await?;
    let rows: Vec<SubscriptionRow> = rows.iter().map(|r| row(r, &names)).collect();
    let narrowed_to = if !query.package.trim().is_empty() {
        Some(format!(
            "package {}",
            names
                .get(query.package.trim())
                .cloned()
                .unwrap_or_else(|| query.package.trim().to_string())
        ))
    } else if !query.subscriber.trim().is_empty() {
        Some(match rows.first() {
            Some(r) if !r.subscriber_name.is_empty() => r.subscriber_name.clone(),
            _ => query.subscriber.trim().to_string(),
        })
    } else if !query.number.trim().is_empty() {
        Some(match rows.first() {
            Some(r) if !r.number.is_empty() => format!("number {}", r.number),
            _ => query.number.trim().to_string(),
        })
    } else if !query.account.trim().is_empty() {
        Some(match rows.first() {
            Some(r) if !r.account_name.is_empty() => r.account_name.clone(),
            _ => query.account.trim().to_string(),
        })
    } else {
        None
    };
    Ok(SubscriptionsPage {
        rows,
        total,
        page,
        total_pages,
        narrowed_to,
        distributor_name: stored_distributor_name(state, &tenant.distributor_id).await?,
        as_of: freshness(&state.pool, &tenant.distributor_id).await?.as_of_words(),
    })
}

/// One subscription of the scope, from the copy.
pub async fn one(
    state: &AppState,
    tenant: &Tenant,
    scope: &Scope,
    subscription_id: &str,
) -> Result<SubscriptionRow, AppError> {
    ensure_filled(state, &tenant.distributor_id).await?;
    let names = package_names(tenant, scope).await;
    let rows = Sql::new(FROM)
        .scoped(scope, "s")
        .and("s.subscription_id = ?", [subscription_id.trim().to_string()])
        .with_prefix(COLUMNS)
        .fetch_all(&state.pool)
        .await?;
    rows.first().map(|r| row(r, &names)).ok_or(AppError::NotFound)
}
