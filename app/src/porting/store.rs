//! The port-in tables: a port-in read only inside the caller's scope (a
//! foreign ID is a missing one), its timeline, its changes.

use sqlx::Row;

use super::model::{AddressFields, PortInRow, Stage, TimelineEntry};
use crate::error::AppError;
use crate::read_model::scope::Scope;
use crate::ssr::db::{now_text, DbPool};

/// A port-in as stored (everything but the secrets, which never are).
#[derive(Debug, Clone, Default)]
pub struct Stored {
    pub id: String,
    pub distributor_id: String,
    pub account_id: String,
    pub msisdn: String,
    pub classification: String,
    pub current_carrier: String,
    pub number_type: String,
    pub carrier_name: String,
    pub subscriber_name: String,
    pub billing: AddressFields,
    pub iccid: String,
    pub port_date: String,
    pub loa_by: String,
    pub loa_at: String,
    pub stage: Stage,
    pub status: String,
    pub status_message: String,
    pub order_id: Option<String>,
    pub intent_key: String,
    pub created_by: i64,
    pub submitted_by: Option<i64>,
    pub created_at: String,
    pub updated_at: String,
    pub submitted_at: Option<String>,
    pub checked_at: Option<String>,
}

impl Stored {
    pub fn is_wireline(&self) -> bool {
        let t = self.number_type.to_ascii_lowercase();
        t.contains("wireline") || t.contains("landline") || t.contains("fixed")
    }

    pub fn billing_json(&self) -> String {
        serde_json::json!({
            "Street1": self.billing.street1, "Street2": self.billing.street2, "City": self.billing.city,
            "State": self.billing.state, "Zip": self.billing.zip,
        })
        .to_string()
    }
}

fn internal(error: sqlx::Error) -> AppError {
    tracing::error!(%error, "port-in store");
    AppError::Internal
}

const COLUMNS: &str = "id, distributor_id, account_id, msisdn, classification, current_carrier, number_type, \
     carrier_name, subscriber_name, billing_json, iccid, port_date, loa_by, loa_at, stage, status, status_message, \
     order_id, intent_key, created_by, submitted_by, created_at, updated_at, submitted_at, checked_at";

fn from_row(r: &sqlx::any::AnyRow) -> Stored {
    let billing: serde_json::Value =
        serde_json::from_str(&r.get::<String, _>("billing_json")).unwrap_or(serde_json::Value::Null);
    let part = |k: &str| billing[k].as_str().unwrap_or_default().to_string();
    Stored {
        id: r.get("id"),
        distributor_id: r.get("distributor_id"),
        account_id: r.get("account_id"),
        msisdn: r.get("msisdn"),
        classification: r.get("classification"),
        current_carrier: r.get("current_carrier"),
        number_type: r.get("number_type"),
        carrier_name: r.get("carrier_name"),
        subscriber_name: r.get("subscriber_name"),
        billing: AddressFields {
            street1: part("Street1"),
            street2: part("Street2"),
            city: part("City"),
            state: part("State"),
            zip: part("Zip"),
        },
        iccid: r.get("iccid"),
        port_date: r.get("port_date"),
        loa_by: r.get("loa_by"),
        loa_at: r.get("loa_at"),
        stage: Stage::parse(&r.get::<String, _>("stage")),
        status: r.get("status"),
        status_message: r.get("status_message"),
        order_id: r.get("order_id"),
        intent_key: r.get("intent_key"),
        created_by: r.get("created_by"),
        submitted_by: r.get("submitted_by"),
        created_at: r.get("created_at"),
        updated_at: r.get("updated_at"),
        submitted_at: r.get("submitted_at"),
        checked_at: r.get("checked_at"),
    }
}

/// The port-in `id` of `account_id` in `distributor_id` (the Account the
/// caller's scope check passed), or missing.
pub async fn load(pool: &DbPool, distributor_id: &str, account_id: &str, id: &str) -> Result<Stored, AppError> {
    let row = sqlx::query(&format!(
        "SELECT {COLUMNS} FROM port_ins WHERE distributor_id = $1 AND account_id = $2 AND id = $3"
    ))
    .bind(distributor_id)
    .bind(account_id)
    .bind(id)
    .fetch_optional(pool)
    .await
    .map_err(internal)?;
    row.as_ref().map(from_row).ok_or(AppError::NotFound)
}

/// The port-in Telegent knows as `order_id` (for the background refresh).
pub async fn by_order(pool: &DbPool, distributor_id: &str, order_id: &str) -> Result<Option<Stored>, AppError> {
    let row = sqlx::query(&format!(
        "SELECT {COLUMNS} FROM port_ins WHERE distributor_id = $1 AND order_id = $2"
    ))
    .bind(distributor_id)
    .bind(order_id)
    .fetch_optional(pool)
    .await
    .map_err(internal)?;
    Ok(row.as_ref().map(from_row))
}

/// A draft or open port-in of the number in the Distributor, if any.
pub async fn live_for_number(pool: &DbPool, distributor_id: &str, msisdn: &str) -> Result<Option<Stored>, AppError> {
    let row = sqlx::query(&format!(
        "SELECT {COLUMNS} FROM port_ins WHERE distributor_id = $1 AND msisdn = $2 AND stage <> 'ended' \
         ORDER BY created_at DESC LIMIT 1"
    ))
    .bind(distributor_id)
    .bind(msisdn)
    .fetch_optional(pool)
    .await
    .map_err(internal)?;
    Ok(row.as_ref().map(from_row))
}

/// A new draft; `false` when the number already has a live port-in in the
/// Distributor (the unique index decides, whoever asked first).
pub async fn insert(pool: &DbPool, p: &Stored) -> Result<bool, AppError> {
    let inserted = sqlx::query(
        "INSERT INTO port_ins (id, distributor_id, account_id, msisdn, classification, current_carrier, number_type, \
         carrier_name, subscriber_name, billing_json, iccid, port_date, loa_by, loa_at, stage, status, status_message, \
         order_id, intent_key, created_by, created_at, updated_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, '', '', 'draft', 'Draft', '', NULL, $13, $14, $15, $15)",
    )
    .bind(&p.id)
    .bind(&p.distributor_id)
    .bind(&p.account_id)
    .bind(&p.msisdn)
    .bind(&p.classification)
    .bind(&p.current_carrier)
    .bind(&p.number_type)
    .bind(&p.carrier_name)
    .bind(&p.subscriber_name)
    .bind(p.billing_json())
    .bind(&p.iccid)
    .bind(&p.port_date)
    .bind(&p.intent_key)
    .bind(p.created_by)
    .bind(now_text())
    .execute(pool)
    .await;
    match inserted {
        Ok(_) => Ok(true),
        Err(sqlx::Error::Database(e)) if e.is_unique_violation() => Ok(false),
        Err(e) => Err(internal(e)),
    }
}

/// Takes a new intent key for a draft whose last submit was refused, only
/// if the key is still `old` (two submits at once: one rotates, the other
/// then uses that key, so both are the same port-in). The key to use.
pub async fn rotate_key(pool: &DbPool, p: &Stored, old: &str, new: &str) -> Result<String, AppError> {
    let changed =
        sqlx::query("UPDATE port_ins SET intent_key = $1 WHERE id = $2 AND distributor_id = $3 AND intent_key = $4")
            .bind(new)
            .bind(&p.id)
            .bind(&p.distributor_id)
            .bind(old)
            .execute(pool)
            .await
            .map_err(internal)?
            .rows_affected();
    if changed == 1 {
        return Ok(new.to_string());
    }
    let (key,): (String,) = sqlx::query_as("SELECT intent_key FROM port_ins WHERE id = $1 AND distributor_id = $2")
        .bind(&p.id)
        .bind(&p.distributor_id)
        .fetch_one(pool)
        .await
        .map_err(internal)?;
    Ok(key)
}

/// The details a person typed (never the secrets).
pub async fn save_details(pool: &DbPool, p: &Stored) -> Result<(), AppError> {
    sqlx::query(
        "UPDATE port_ins SET carrier_name = $1, subscriber_name = $2, billing_json = $3, iccid = $4, port_date = $5, \
         loa_by = $6, loa_at = $7, updated_at = $8 WHERE id = $9 AND distributor_id = $10",
    )
    .bind(&p.carrier_name)
    .bind(&p.subscriber_name)
    .bind(p.billing_json())
    .bind(&p.iccid)
    .bind(&p.port_date)
    .bind(&p.loa_by)
    .bind(&p.loa_at)
    .bind(now_text())
    .bind(&p.id)
    .bind(&p.distributor_id)
    .execute(pool)
    .await
    .map_err(internal)?;
    Ok(())
}

/// Sent to Telegent: open, with its order (when Telegent named one).
pub async fn mark_submitted(
    pool: &DbPool,
    p: &Stored,
    order_id: Option<&str>,
    status: &str,
    user_id: i64,
) -> Result<(), AppError> {
    let now = now_text();
    sqlx::query(
        "UPDATE port_ins SET stage = 'open', status = $1, status_message = '', order_id = $2, submitted_by = $3, \
         submitted_at = $4, checked_at = $4, updated_at = $4 WHERE id = $5 AND distributor_id = $6 AND stage = 'draft'",
    )
    .bind(status)
    .bind(order_id)
    .bind(user_id)
    .bind(&now)
    .bind(&p.id)
    .bind(&p.distributor_id)
    .execute(pool)
    .await
    .map_err(internal)?;
    Ok(())
}

/// A status read from Telegent (or set by the portal's own step), only
/// if the port-in is still at the stage and status `p` was read with: a
/// cancel and a background read at once cannot undo each other, and one
/// change is told once. Whether it changed.
pub async fn set_status(
    pool: &DbPool,
    p: &Stored,
    stage: Stage,
    status: &str,
    message: &str,
) -> Result<bool, AppError> {
    let now = now_text();
    let changed = sqlx::query(
        "UPDATE port_ins SET stage = $1, status = $2, status_message = $3, checked_at = $4, updated_at = $4 \
         WHERE id = $5 AND distributor_id = $6 AND stage = $7 AND status = $8",
    )
    .bind(stage.as_str())
    .bind(status)
    .bind(message)
    .bind(&now)
    .bind(&p.id)
    .bind(&p.distributor_id)
    .bind(p.stage.as_str())
    .bind(&p.status)
    .execute(pool)
    .await
    .map_err(internal)?
    .rows_affected();
    Ok(changed == 1)
}

pub async fn touch_checked(pool: &DbPool, p: &Stored) -> Result<(), AppError> {
    sqlx::query("UPDATE port_ins SET checked_at = $1 WHERE id = $2 AND distributor_id = $3")
        .bind(now_text())
        .bind(&p.id)
        .bind(&p.distributor_id)
        .execute(pool)
        .await
        .map_err(internal)?;
    Ok(())
}

/// One entry on the port-in's timeline.
pub async fn event(pool: &DbPool, port_in_id: &str, kind: &str, status: &str, text: &str, actor: &str) {
    let result = sqlx::query(
        "INSERT INTO port_in_events (port_in_id, at, kind, status, text, actor) VALUES ($1, $2, $3, $4, $5, $6)",
    )
    .bind(port_in_id)
    .bind(now_text())
    .bind(kind)
    .bind(status)
    .bind(text)
    .bind(actor)
    .execute(pool)
    .await;
    if let Err(error) = result {
        tracing::warn!(%error, port_in_id, "a timeline entry was not written");
    }
}

pub async fn timeline(pool: &DbPool, port_in_id: &str) -> Result<Vec<TimelineEntry>, AppError> {
    let rows: Vec<(String, String, String, String, String)> =
        sqlx::query_as("SELECT at, kind, status, text, actor FROM port_in_events WHERE port_in_id = $1 ORDER BY id")
            .bind(port_in_id)
            .fetch_all(pool)
            .await
            .map_err(internal)?;
    Ok(rows
        .into_iter()
        .map(|(at, kind, status, text, actor)| TimelineEntry {
            at,
            kind,
            status,
            text,
            actor,
        })
        .collect())
}

/// Which port-ins a list shows.
pub fn show_condition(show: &str) -> &'static str {
    match show {
        "drafts" => "p.stage = 'draft'",
        "ended" => "p.stage = 'ended'",
        "all" => "1 = 1",
        _ => "p.stage = 'open'",
    }
}

/// What a list of port-ins asks for: which stage, one Account, a search
/// (digits of the number, or the port-in's, order's or Account's name or
/// ID), the order, and the slice.
#[derive(Debug, Clone, Default)]
pub struct ListArgs {
    pub show: String,
    pub account: String,
    pub search: String,
    /// `newest` (the default), `oldest`, `number`.
    pub sort: String,
    pub offset: u32,
    pub limit: u32,
}

/// The WHERE of a list (the scope's filter first) and its values.
fn list_filter(scope: &Scope, args: &ListArgs) -> (String, Vec<String>) {
    let (mut condition, mut values) = scope.condition("p");
    // One Account's, inside the scope (the scope's filter stays first).
    if !args.account.is_empty() {
        condition.push_str(" AND p.account_id = ?");
        values.push(args.account.clone());
    }
    condition.push_str(" AND ");
    condition.push_str(show_condition(&args.show));
    let search = args.search.trim().to_lowercase();
    if !search.is_empty() {
        let digits: String = search.chars().filter(char::is_ascii_digit).collect();
        let like = format!("%{}%", search.replace(['%', '_'], ""));
        condition.push_str(
            " AND (lower(p.id) LIKE ? OR lower(COALESCE(p.order_id, '')) LIKE ? OR lower(p.account_id) LIKE ? \
             OR lower(COALESCE(a.name, '')) LIKE ?",
        );
        values.extend([like.clone(), like.clone(), like.clone(), like]);
        // Typed as a phone number: its digits (a 1 in front or not).
        if digits.len() >= 3 {
            condition.push_str(" OR p.msisdn LIKE ?");
            values.push(format!("%{}%", digits.trim_start_matches('1')));
        }
        condition.push(')');
    }
    (condition, values)
}

const LIST_FROM: &str = "FROM port_ins p LEFT JOIN rm_accounts a \
     ON a.distributor_id = p.distributor_id AND a.account_id = p.account_id";

/// One slice of the port-ins of the scope, with their Account's name.
pub async fn list(pool: &DbPool, scope: &Scope, args: &ListArgs, now: i64) -> Result<Vec<PortInRow>, AppError> {
    let (condition, values) = list_filter(scope, args);
    let order = match args.sort.as_str() {
        "oldest" => "p.created_at, p.id",
        "number" => "p.msisdn, p.created_at DESC",
        _ => "p.created_at DESC, p.id",
    };
    let sql = crate::ssr::db::numbered(&format!(
        "SELECT p.id, p.account_id, COALESCE(a.name, p.account_id) AS account_name, p.msisdn, p.stage, p.status, \
         p.status_message, COALESCE(p.order_id, '') AS order_id, p.port_date, p.created_at, \
         COALESCE(p.submitted_at, '') AS submitted_at {LIST_FROM} WHERE {condition} ORDER BY {order} \
         LIMIT {} OFFSET {}",
        args.limit.clamp(1, 1000),
        args.offset
    ));
    let mut query = sqlx::query(&sql);
    for v in &values {
        query = query.bind(v);
    }
    let rows = query.fetch_all(pool).await.map_err(internal)?;
    Ok(rows
        .iter()
        .map(|r| {
            let status: String = r.get("status");
            let message: String = r.get("status_message");
            let submitted: String = r.get("submitted_at");
            let created: String = r.get("created_at");
            let since = if submitted.is_empty() { &created } else { &submitted };
            PortInRow {
                id: r.get("id"),
                account_id: r.get("account_id"),
                account_name: r.get("account_name"),
                msisdn: r.get("msisdn"),
                stage: Stage::parse(&r.get::<String, _>("stage")),
                next_step: super::model::next_step(&status, &message),
                status,
                status_message: message,
                order_id: r.get("order_id"),
                port_date: r.get("port_date"),
                age_days: age_days(since, now),
                created_at: created,
                submitted_at: submitted,
            }
        })
        .collect())
}

/// How many port-ins the list's filter holds (all pages).
pub async fn total(pool: &DbPool, scope: &Scope, args: &ListArgs) -> Result<i64, AppError> {
    let (condition, values) = list_filter(scope, args);
    let sql = crate::ssr::db::numbered(&format!("SELECT COUNT(*) {LIST_FROM} WHERE {condition}"));
    let mut query = sqlx::query_as::<_, (i64,)>(&sql);
    for v in &values {
        query = query.bind(v);
    }
    Ok(query.fetch_one(pool).await.map_err(internal)?.0)
}

/// The CSV's header and lines (formulas defused by the CSV kit).
pub const CSV_HEADER: &str =
    "port_in_id,msisdn,account_id,account,stage,status,reason,order_id,port_date,created_at,submitted_at,next_step\r\n";

pub fn csv_lines(rows: &[PortInRow]) -> String {
    rows.iter()
        .map(|r| {
            crate::components::csv::line(&[
                r.id.as_str(),
                &r.msisdn,
                &r.account_id,
                &r.account_name,
                r.stage.as_str(),
                &r.status,
                &r.status_message,
                &r.order_id,
                &r.port_date,
                &r.created_at,
                &r.submitted_at,
                &r.next_step,
            ])
        })
        .collect()
}

/// How many port-ins of the scope are at each stage.
pub async fn counts(pool: &DbPool, scope: &Scope, account: &str) -> Result<Vec<(String, i64)>, AppError> {
    let (mut condition, mut values) = scope.condition("p");
    if !account.is_empty() {
        condition.push_str(" AND p.account_id = ?");
        values.push(account.to_string());
    }
    let sql = crate::ssr::db::numbered(&format!(
        "SELECT p.stage, COUNT(*) FROM port_ins p WHERE {condition} GROUP BY p.stage ORDER BY p.stage"
    ));
    let mut query = sqlx::query_as::<_, (String, i64)>(&sql);
    for v in &values {
        query = query.bind(v);
    }
    query.fetch_all(pool).await.map_err(internal)
}

/// Whole days from a stored time to `now` (seconds).
pub fn age_days(at: &str, now: i64) -> i64 {
    chrono::DateTime::parse_from_rfc3339(at)
        .map(|t| ((now - t.timestamp()) / 86_400).max(0))
        .unwrap_or(0)
}

pub fn row_of(p: &Stored, account_name: &str, now: i64) -> PortInRow {
    let submitted = p.submitted_at.clone().unwrap_or_default();
    PortInRow {
        id: p.id.clone(),
        account_id: p.account_id.clone(),
        account_name: account_name.to_string(),
        msisdn: p.msisdn.clone(),
        stage: p.stage,
        status: p.status.clone(),
        status_message: p.status_message.clone(),
        order_id: p.order_id.clone().unwrap_or_default(),
        port_date: p.port_date.clone(),
        created_at: p.created_at.clone(),
        age_days: age_days(
            if submitted.is_empty() {
                &p.created_at
            } else {
                &submitted
            },
            now,
        ),
        submitted_at: submitted,
        next_step: super::model::next_step(&p.status, &p.status_message),
    }
}

/// The Account's name as the read model has it (its ID when not there yet).
pub async fn account_name(pool: &DbPool, distributor_id: &str, account_id: &str) -> String {
    let row: Result<Option<(String,)>, _> =
        sqlx::query_as("SELECT name FROM rm_accounts WHERE distributor_id = $1 AND account_id = $2")
            .bind(distributor_id)
            .bind(account_id)
            .fetch_optional(pool)
            .await;
    match row {
        Ok(Some((name,))) => name,
        _ => account_id.to_string(),
    }
}
