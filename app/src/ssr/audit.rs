//! The audit log: who did what to which IDs, with what outcome. Rows are
//! written in the transaction of the portal's own change, or before an
//! upstream call (outcome `pending`) and completed after it.

use crate::ssr::db::{numbered, DbPool, DbTransaction};

use crate::model::{AuditFilter, AuditPage, AuditRow};

/// One audited action.
#[derive(Debug, Clone, Default)]
pub struct Entry {
    pub user_id: Option<i64>,
    pub user_email: String,
    pub role: String,
    pub distributor_id: Option<String>,
    pub account_id: Option<String>,
    pub action: String,
    pub target_ids: Vec<String>,
    pub request_id: Option<String>,
    pub client_address: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    Pending,
    Succeeded,
    Failed,
    Denied,
}

impl Outcome {
    pub fn as_str(self) -> &'static str {
        match self {
            Outcome::Pending => "pending",
            Outcome::Succeeded => "succeeded",
            Outcome::Failed => "failed",
            Outcome::Denied => "denied",
        }
    }
}

const INSERT: &str = "INSERT INTO audit_log (user_id, user_email, role, distributor_id, account_id, action, \
     target_ids, outcome, detail, request_id, client_address) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) \
     RETURNING id";

/// Records an action inside the caller's transaction.
pub async fn record_in(tx: &mut DbTransaction<'_>, entry: &Entry, outcome: Outcome, detail: &str) -> sqlx::Result<i64> {
    let (id,): (i64,) = sqlx::query_as(INSERT)
        .bind(entry.user_id)
        .bind(&entry.user_email)
        .bind(&entry.role)
        .bind(&entry.distributor_id)
        .bind(&entry.account_id)
        .bind(&entry.action)
        .bind(entry.target_ids.join(","))
        .bind(outcome.as_str())
        .bind(detail)
        .bind(&entry.request_id)
        .bind(&entry.client_address)
        .fetch_one(&mut **tx)
        .await?;
    Ok(id)
}

/// Records that an upstream call is about to be made; complete it with [`finish`].
pub async fn begin(pool: &DbPool, entry: &Entry) -> sqlx::Result<i64> {
    let mut tx = pool.begin().await?;
    let id = record_in(&mut tx, entry, Outcome::Pending, "").await?;
    tx.commit().await?;
    Ok(id)
}

/// Records an action that changed nothing of the portal's own (sign-ins,
/// refusals), in a transaction of its own.
pub async fn record(pool: &DbPool, entry: &Entry, outcome: Outcome, detail: &str) -> sqlx::Result<()> {
    let mut tx = pool.begin().await?;
    record_in(&mut tx, entry, outcome, detail).await?;
    tx.commit().await
}

/// Runs one upstream change between its audit row (written `pending`
/// before) and its outcome (after): `detail` on success, the error on failure.
pub async fn around<T>(
    pool: &DbPool,
    entry: &Entry,
    detail: &str,
    change: impl std::future::Future<Output = Result<T, telegent::TelegentError>>,
) -> Result<T, crate::error::AppError> {
    let id = begin(pool, entry).await?;
    match change.await {
        Ok(value) => {
            finish(pool, id, Outcome::Succeeded, detail).await?;
            Ok(value)
        }
        Err(error) => {
            finish(pool, id, Outcome::Failed, &error.to_string()).await?;
            Err(error.into())
        }
    }
}

/// Completes a pending row inside the transaction that makes the portal's own change.
pub async fn finish_in(
    tx: &mut crate::ssr::db::DbTransaction<'_>,
    id: i64,
    outcome: Outcome,
    detail: &str,
) -> sqlx::Result<()> {
    sqlx::query("UPDATE audit_log SET outcome = $1, detail = $2 WHERE id = $3")
        .bind(outcome.as_str())
        .bind(detail)
        .bind(id)
        .execute(&mut **tx)
        .await?;
    Ok(())
}

pub async fn finish(pool: &DbPool, id: i64, outcome: Outcome, detail: &str) -> sqlx::Result<()> {
    sqlx::query("UPDATE audit_log SET outcome = $1, detail = $2 WHERE id = $3")
        .bind(outcome.as_str())
        .bind(detail)
        .bind(id)
        .execute(pool)
        .await?;
    Ok(())
}

/// The part of the log a caller's scope reaches: everything for the Platform
/// admin, a Distributor's tree for its staff, one Account for account roles.
fn scope_clause(caller: &super::Caller) -> (String, Option<String>) {
    use crate::policy::Role;
    match caller.role {
        Role::PlatformAdmin if caller.view_as.is_none() => ("1 = 1".into(), None),
        Role::DistributorAdmin | Role::DistributorViewer => {
            ("distributor_id = ?".into(), caller.distributor_id.clone())
        }
        Role::AccountAdmin | Role::Manager => ("account_id = ?".into(), caller.account_id.clone()),
        // Nobody else reads the log; match nothing.
        _ => ("0 = 1".into(), None),
    }
}

/// Rows matching `filter` inside the caller's scope, newest first; `limit`
/// `None` returns all of them (for the CSV export).
pub async fn search(
    pool: &DbPool,
    caller: &super::Caller,
    filter: &AuditFilter,
    page: u32,
    limit: Option<u32>,
) -> sqlx::Result<AuditPage> {
    let (scope, scope_value) = scope_clause(caller);
    let mut clauses = vec![scope];
    let mut values: Vec<String> = scope_value.into_iter().collect();
    if !filter.user.trim().is_empty() {
        // lower() on both sides: SQLite's LIKE ignores case, PostgreSQL's does not.
        clauses.push("lower(user_email) LIKE lower(?) ESCAPE '\\'".into());
        let escaped = filter
            .user
            .trim()
            .replace('\\', "\\\\")
            .replace('%', "\\%")
            .replace('_', "\\_");
        values.push(format!("%{escaped}%"));
    }
    if !filter.action.is_empty() {
        clauses.push("action = ?".into());
        values.push(filter.action.clone());
    }
    if !filter.outcome.is_empty() {
        clauses.push("outcome = ?".into());
        values.push(filter.outcome.clone());
    }
    if is_date(&filter.from) {
        clauses.push("at >= ?".into());
        values.push(filter.from.clone());
    }
    if is_date(&filter.to) {
        // Inclusive: everything before the next day.
        let next_day = chrono::NaiveDate::parse_from_str(&filter.to, "%Y-%m-%d")
            .ok()
            .and_then(|d| d.succ_opt())
            .map(|d| d.format("%Y-%m-%d").to_string())
            .unwrap_or_default();
        clauses.push("at < ?".into());
        values.push(next_day);
    }
    let condition = clauses.join(" AND ");
    let count_sql = numbered(&format!("SELECT COUNT(*) FROM audit_log WHERE {condition}"));
    let mut count = sqlx::query_as::<_, (i64,)>(&count_sql);
    for value in &values {
        count = count.bind(value);
    }
    let total = count.fetch_one(pool).await?.0 as u32;
    let per_page = limit.unwrap_or(u32::MAX);
    let total_pages = if limit.is_some() {
        total.div_ceil(per_page).max(1)
    } else {
        1
    };
    let page = page.clamp(1, total_pages);
    let offset = if limit.is_some() { (page - 1) * per_page } else { 0 };
    let rows_sql = numbered(&format!(
        "SELECT id, at, user_email, role, distributor_id, account_id, action, target_ids, outcome, detail, \
         request_id, client_address FROM audit_log WHERE {condition} ORDER BY id DESC LIMIT ? OFFSET ?"
    ));
    let mut rows = sqlx::query_as::<_, AuditRecord>(&rows_sql);
    for value in &values {
        rows = rows.bind(value);
    }
    let rows = rows
        .bind(i64::from(per_page))
        .bind(i64::from(offset))
        .fetch_all(pool)
        .await?;
    let (scope, scope_value) = scope_clause(caller);
    let actions_sql = numbered(&format!(
        "SELECT DISTINCT action FROM audit_log WHERE {scope} ORDER BY action"
    ));
    let mut actions = sqlx::query_as::<_, (String,)>(&actions_sql);
    if let Some(value) = &scope_value {
        actions = actions.bind(value);
    }
    let actions = actions.fetch_all(pool).await?.into_iter().map(|(a,)| a).collect();
    Ok(AuditPage {
        rows: rows.into_iter().map(AuditRow::from).collect(),
        page,
        total_pages,
        total,
        actions,
    })
}

fn is_date(value: &str) -> bool {
    value.len() == 10 && chrono::NaiveDate::parse_from_str(value, "%Y-%m-%d").is_ok()
}

#[derive(sqlx::FromRow)]
struct AuditRecord {
    id: i64,
    at: String,
    user_email: String,
    role: String,
    distributor_id: Option<String>,
    account_id: Option<String>,
    action: String,
    target_ids: String,
    outcome: String,
    detail: String,
    request_id: Option<String>,
    client_address: Option<String>,
}

impl From<AuditRecord> for AuditRow {
    fn from(r: AuditRecord) -> Self {
        AuditRow {
            id: r.id,
            at: r.at,
            user_email: r.user_email,
            role: r.role,
            distributor_id: r.distributor_id,
            account_id: r.account_id,
            action: r.action,
            target_ids: r.target_ids,
            outcome: r.outcome,
            detail: r.detail,
            request_id: r.request_id,
            client_address: r.client_address,
        }
    }
}

/// The rows as CSV (RFC 4180), with cells that a spreadsheet would run as a
/// formula prefixed by an apostrophe.
pub fn to_csv(rows: &[AuditRow]) -> String {
    fn cell(value: &str) -> String {
        let value = if value.starts_with(['=', '+', '-', '@', '\t', '\r']) {
            format!("'{value}")
        } else {
            value.to_string()
        };
        if value.contains([',', '"', '\n', '\r']) {
            format!("\"{}\"", value.replace('"', "\"\""))
        } else {
            value
        }
    }
    let mut out =
        String::from("at,user,role,distributor,account,action,targets,outcome,detail,request_id,client_address\r\n");
    for r in rows {
        let cells = [
            r.at.as_str(),
            &r.user_email,
            &r.role,
            r.distributor_id.as_deref().unwrap_or(""),
            r.account_id.as_deref().unwrap_or(""),
            &r.action,
            &r.target_ids,
            &r.outcome,
            &r.detail,
            r.request_id.as_deref().unwrap_or(""),
            r.client_address.as_deref().unwrap_or(""),
        ];
        out.push_str(&cells.map(cell).join(","));
        out.push_str("\r\n");
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    async fn pool() -> DbPool {
        crate::ssr::db::connect("sqlite::memory:").await.unwrap()
    }

    #[tokio::test]
    async fn an_upstream_action_is_recorded_before_and_completed_after() {
        let pool = pool().await;
        let entry = Entry {
            user_email: "jane.doe@example.com".into(),
            role: "Manager".into(),
            distributor_id: Some("DID-1".into()),
            account_id: Some("AID-1".into()),
            action: "ManageDataLimits".into(),
            target_ids: vec!["+18015550102".into(), "+18015550103".into()],
            ..Entry::default()
        };
        let id = begin(&pool, &entry).await.unwrap();
        let (outcome,): (String,) = sqlx::query_as("SELECT outcome FROM audit_log WHERE id = $1")
            .bind(id)
            .fetch_one(&pool)
            .await
            .unwrap();
        assert_eq!(outcome, "pending");
        finish(&pool, id, Outcome::Succeeded, "limits 300/400/500 MB")
            .await
            .unwrap();
        let row: (String, String, String) =
            sqlx::query_as("SELECT outcome, target_ids, detail FROM audit_log WHERE id = $1")
                .bind(id)
                .fetch_one(&pool)
                .await
                .unwrap();
        assert_eq!(
            row,
            (
                "succeeded".into(),
                "+18015550102,+18015550103".into(),
                "limits 300/400/500 MB".into()
            )
        );
    }

    #[test]
    fn csv_quotes_and_defuses_formulas() {
        let row = AuditRow {
            id: 1,
            at: "2026-11-23T10:00:00Z".into(),
            user_email: "a@b.c".into(),
            role: "Manager".into(),
            distributor_id: None,
            account_id: Some("AID-1".into()),
            action: "CreateUser".into(),
            target_ids: "1,2".into(),
            outcome: "succeeded".into(),
            detail: "=HYPERLINK(\"x\")".into(),
            request_id: None,
            client_address: None,
        };
        let csv = to_csv(&[row]);
        let line = csv.lines().nth(1).unwrap();
        assert_eq!(
            line,
            "2026-11-23T10:00:00Z,a@b.c,Manager,,AID-1,CreateUser,\"1,2\",succeeded,\"'=HYPERLINK(\"\"x\"\")\",,"
        );
    }

    #[tokio::test]
    async fn a_rolled_back_change_leaves_no_audit_row() {
        let pool = pool().await;
        let mut tx = pool.begin().await.unwrap();
        record_in(
            &mut tx,
            &Entry {
                user_email: "a@b.c".into(),
                role: "Manager".into(),
                action: "X".into(),
                ..Entry::default()
            },
            Outcome::Succeeded,
            "",
        )
        .await
        .unwrap();
        tx.rollback().await.unwrap();
        let (n,): (i64,) = sqlx::query_as("SELECT COUNT(*) FROM audit_log")
            .fetch_one(&pool)
            .await
            .unwrap();
        assert_eq!(n, 0);
    }
}
