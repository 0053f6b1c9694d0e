//! Reading the audit log: search in the caller's scope and the CSV export.

use super::model::{AuditFilter, AuditPage, AuditRow, Outcome};
use crate::ssr::db::{numbered, DbPool};
use crate::ssr::Caller;

/// The part of the log a caller's scope reaches: everything for the Platform
/// admin, a Distributor's tree for its staff, one Account for account roles.
fn scope_clause(caller: &Caller) -> (String, Option<String>) {
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
    caller: &Caller,
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
        "SELECT id, user_id, at, user_email, role, distributor_id, account_id, action, target_ids, outcome, detail, \
         request_id, client_address FROM audit_log WHERE {condition} ORDER BY id DESC LIMIT ? OFFSET ?"
    ));
    let mut rows = sqlx::query_as::<_, AuditRecord>(&rows_sql);
    for value in &values {
        rows = rows.bind(value);
    }
    let mut rows = rows
        .bind(i64::from(per_page))
        .bind(i64::from(offset))
        .fetch_all(pool)
        .await?;
    hide_outside_addresses(pool, caller, &mut rows).await?;
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

/// An Account's people see that staff acted (who, role, what) but not where
/// staff sat: client addresses of anyone outside the Account are left out.
async fn hide_outside_addresses(pool: &DbPool, caller: &Caller, rows: &mut [AuditRecord]) -> sqlx::Result<()> {
    use crate::policy::Role;
    let (Role::AccountAdmin | Role::Manager, Some(account_id)) = (caller.role, &caller.account_id) else {
        return Ok(());
    };
    let insiders: Vec<(i64,)> = sqlx::query_as("SELECT id FROM users WHERE account_id = $1")
        .bind(account_id)
        .fetch_all(pool)
        .await?;
    for row in rows.iter_mut() {
        if !row.user_id.is_some_and(|id| insiders.iter().any(|(i,)| *i == id)) {
            row.client_address = None;
        }
    }
    Ok(())
}

fn is_date(value: &str) -> bool {
    value.len() == 10 && chrono::NaiveDate::parse_from_str(value, "%Y-%m-%d").is_ok()
}

#[derive(sqlx::FromRow)]
struct AuditRecord {
    id: i64,
    user_id: Option<i64>,
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
            // A value the portal never writes reads as failed rather than breaking the page.
            outcome: Outcome::parse(&r.outcome).unwrap_or(Outcome::Failed),
            detail: r.detail,
            request_id: r.request_id,
            client_address: r.client_address,
        }
    }
}

/// The rows as CSV (RFC 4180), with cells that a spreadsheet would run as a
/// formula prefixed by an apostrophe.
pub fn to_csv(rows: &[AuditRow]) -> String {
    use crate::components::csv::cell;
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
            r.outcome.as_str(),
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
            outcome: Outcome::Succeeded,
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
}
