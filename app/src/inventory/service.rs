//! The numbers inventory from the read model: searched, filtered, sorted
//! and paged by the database; no upstream call.

use sqlx::Row;

use super::api::InventoryQuery;
use super::model::{Assignee, InventoryPage, NumberRow, NumberSort, FILTERS, NUMBERS_PER_PAGE};
use crate::accounts::service::stored_distributor_name;
use crate::error::AppError;
use crate::read_model::model::Freshness;
use crate::read_model::scope::Scope;
use crate::read_model::search::needle;
use crate::read_model::store::{freshness, matching_ids, Sql};
use crate::ssr::context::InAccount;
use crate::ssr::AppState;

const COLUMNS: &str = "SELECT n.msisdn, n.number_id, n.classification, n.capabilities, n.product_type, n.status, \
     n.subscriber_id, s.name, n.account_id, a.name, n.message_route_id, n.voice_route_id, n.iccid";

/// The rows with their Account's and subscriber's names.
const WITH_NAMES: &str = " FROM rm_numbers n \
     LEFT JOIN rm_accounts a ON a.distributor_id = n.distributor_id AND a.account_id = n.account_id \
     LEFT JOIN rm_subscribers s ON s.distributor_id = n.distributor_id AND s.subscriber_id = n.subscriber_id \
     WHERE 1 = 1";
/// The rows alone, for counting (the joins never change how many).
const ALONE: &str = " FROM rm_numbers n WHERE 1 = 1";

/// `<from> AND <scope> …` for the query's search and filters. A filter
/// value the menus do not offer is a forged request (400).
fn filtered(from: &str, scope: &Scope, query: &InventoryQuery) -> Result<Sql, AppError> {
    let mut sql = Sql::new(from).scoped(scope, "n");
    if let Some(needle) = needle(&query.search) {
        let ids = matching_ids(scope, "number", &needle);
        sql = sql.and(&format!("n.msisdn IN ({})", ids.text), ids.values);
    }
    let account = crate::form_values::plain_id(query.account.trim())?;
    if !account.is_empty() {
        sql = sql.and("n.account_id = ?", [account.to_string()]);
    }
    for filter in FILTERS {
        let value = query.filter(filter.param).trim();
        if !filter.accepts(value) {
            return Err(AppError::BadRequest(format!("unknown {} filter", filter.param)));
        }
        if value.is_empty() {
            continue;
        }
        sql = match filter.param {
            "kind" => sql.and("n.classification = ?", [value.to_string()]),
            // Space-separated words: padded so "sms" never matches inside another.
            "capability" => sql.and("(' ' || n.capabilities || ' ') LIKE ?", [format!("% {value} %")]),
            "product" => sql.and("lower(n.product_type) = ?", [value.to_ascii_lowercase()]),
            "status" if value == "parked" => sql.and("lower(n.status) IN ('parked', 'suspended')", []),
            "status" if value == "cancelled" => sql.and("lower(n.status) IN ('cancelled', 'canceled')", []),
            "status" => sql.and("lower(n.status) = ?", [value.to_string()]),
            "holder" if value == "none" => sql.and("n.subscriber_id = ''", []),
            "holder" => sql.and("n.subscriber_id <> ''", []),
            _ => sql,
        };
    }
    Ok(sql)
}

fn row(r: &sqlx::any::AnyRow) -> NumberRow {
    let text = |i: usize| r.get::<Option<String>, _>(i).unwrap_or_default();
    NumberRow {
        msisdn: text(0),
        number_id: text(1),
        classification: text(2),
        capabilities: text(3).split_whitespace().map(str::to_string).collect(),
        product_type: text(4),
        status: text(5),
        subscriber_id: text(6),
        subscriber_name: text(7),
        account_id: text(8),
        account_name: text(9),
        message_route_id: text(10),
        voice_route_id: text(11),
        iccid: text(12),
    }
}

/// The Account a list is narrowed to, with its name; one of another
/// Distributor or Account reads as missing.
async fn narrowed_to(state: &AppState, scope: &Scope, account_id: &str) -> Result<Option<(String, String)>, AppError> {
    if account_id.is_empty() {
        return Ok(None);
    }
    let rows = Sql::new("SELECT a.name FROM rm_accounts a WHERE a.account_id = ?")
        .with_value(account_id)
        .scoped(scope, "a")
        .fetch_all(&state.pool)
        .await?;
    let name: String = rows.first().map(|r| r.get(0)).ok_or(AppError::NotFound)?;
    Ok(Some((account_id.to_string(), name)))
}

/// The people of each Account with an orphan among `rows`, by name.
async fn assignees(
    state: &AppState,
    scope: &Scope,
    rows: &[NumberRow],
) -> Result<Vec<(String, Vec<Assignee>)>, AppError> {
    let mut accounts: Vec<&str> = rows
        .iter()
        .filter(|r| r.is_orphan())
        .map(|r| r.account_id.as_str())
        .collect();
    accounts.sort_unstable();
    accounts.dedup();
    let mut out = Vec::new();
    for account_id in accounts.into_iter().filter(|a| !a.is_empty()) {
        let people = Sql::new("SELECT s.subscriber_id, s.name FROM rm_subscribers s WHERE s.account_id = ?")
            .with_value(account_id)
            .scoped(scope, "s")
            .push(" ORDER BY s.name_key, s.subscriber_id")
            .fetch_all(&state.pool)
            .await?;
        let people = people
            .iter()
            .map(|r| Assignee {
                subscriber_id: r.get(0),
                name: r.get(1),
            })
            .collect();
        out.push((account_id.to_string(), people));
    }
    Ok(out)
}

pub async fn list(
    state: &AppState,
    scope: &Scope,
    query: &InventoryQuery,
    can_assign: bool,
    can_provision: bool,
) -> Result<InventoryPage, AppError> {
    crate::subscribers::service::fill(state, scope).await?;
    let account = narrowed_to(state, scope, crate::form_values::plain_id(query.account.trim())?).await?;
    let count = filtered(ALONE, scope, query)?.with_prefix("SELECT COUNT(*)");
    let orphans = filtered(ALONE, scope, query)?
        .and("n.subscriber_id = ''", [])
        .with_prefix("SELECT COUNT(*)");
    // Paging through a list asks the same counts on every page: kept while
    // the copy is unchanged.
    let key = format!(
        "numbers {scope:?} {query:?}",
        query = InventoryQuery {
            page: 0,
            sort: String::new(),
            ..query.clone()
        }
    );
    let totals = &state.sweeper.totals;
    let total = totals.get_or_compute(key.clone(), count.count(&state.pool)).await?;
    let orphans = totals
        .get_or_compute(format!("{key} orphans"), orphans.count(&state.pool))
        .await?;
    let total_pages = total.div_ceil(NUMBERS_PER_PAGE).max(1);
    let page = query.page.clamp(1, total_pages);
    let rows = export_chunk(state, scope, query, (page - 1) * NUMBERS_PER_PAGE, NUMBERS_PER_PAGE).await?;
    let assignees = if can_assign {
        assignees(state, scope, &rows).await?
    } else {
        Vec::new()
    };
    let (scope_name, freshness) = match scope.distributor_id() {
        Some(d) => (
            stored_distributor_name(state, d).await?,
            freshness(&state.pool, d).await?,
        ),
        None => ("All Distributors".to_string(), Freshness::default()),
    };
    Ok(InventoryPage {
        scope_name,
        account,
        rows,
        page,
        total_pages,
        total,
        orphans,
        freshness,
        can_assign,
        can_provision,
        assignees,
        can_change: false,
        today: String::new(),
        batch: None,
    })
}

/// Rows `offset..offset + limit` of the whole selection, in the list's order.
pub async fn export_chunk(
    state: &AppState,
    scope: &Scope,
    query: &InventoryQuery,
    offset: u32,
    limit: u32,
) -> Result<Vec<NumberRow>, AppError> {
    let sort = NumberSort::from_param(&query.sort);
    let rows = filtered(WITH_NAMES, scope, query)?
        .with_prefix(COLUMNS)
        .push(&format!(" ORDER BY {} LIMIT {limit} OFFSET {offset}", sort.order_by()))
        .fetch_all(&state.pool)
        .await?;
    Ok(rows.iter().map(row).collect())
}

/// "Assign to…": the line must be one of the Account's (another's reads as
/// missing) and its holder, if any, one the caller may act on; then it is
/// the member page's "Give a line" (free-line check, bind, audit,
/// write-through).
pub async fn assign(ctx: &InAccount, msisdn: &str, subscriber_id: &str) -> Result<(), AppError> {
    let e164 = telegent::phone::normalize_e164(msisdn).map_err(|_| AppError::NotFound)?;
    let details = match ctx.tenant.client.number_details(&e164).await {
        Ok(details) => details,
        Err(telegent::TelegentError::NotFound) => return Err(AppError::NotFound),
        Err(other) => return Err(other.into()),
    };
    if details.account_id.as_deref() != Some(ctx.account_id.as_str()) {
        return Err(AppError::NotFound);
    }
    if let Some(holder) = details.assigned_subscriber_id.as_deref().filter(|h| !h.is_empty()) {
        let members = crate::accounts::service::account_subscribers(&ctx.tenant.client, &ctx.account_id).await?;
        if let Some(member) = members.iter().find(|m| m.subscriber_id == holder) {
            ctx.may_act_on(member, "GiveLines").await?;
        }
    }
    if subscriber_id.is_empty() {
        return Err(AppError::invalid("subscriber_id", "Choose who the line is for."));
    }
    crate::members::service::give_lines(ctx, subscriber_id, &e164).await?;
    Ok(())
}

pub fn csv_header() -> &'static str {
    "msisdn,number_id,type,capabilities,product_type,status,subscriber_id,subscriber,account_id,account,\
     message_route_id,voice_route_id,iccid\r\n"
}

pub fn csv_lines(rows: &[NumberRow]) -> String {
    rows.iter()
        .map(|r| {
            crate::components::csv::line(&[
                r.msisdn.as_str(),
                &r.number_id,
                match super::model::kind_label(&r.classification) {
                    "—" => "",
                    kind => kind,
                },
                &r.capabilities.join(" "),
                &r.product_type,
                &r.status,
                &r.subscriber_id,
                &r.subscriber_name,
                &r.account_id,
                &r.account_name,
                &r.message_route_id,
                &r.voice_route_id,
                &r.iccid,
            ])
        })
        .collect()
}
