//! A status change for a selection of lines (the inventory's ticked rows):
//! each line changed as its own page would change it — the same checks,
//! the same refusals (a port-out in flight), its own audit row — and a
//! result per line, kept for the person who asked so the list shows it
//! after the post.

use sqlx::Row;

use super::api::SelectionForm;
use super::model::BatchResult;
use crate::error::AppError;
use crate::line_status::model::{Change, StatusForm};
use crate::policy::Action;
use crate::read_model::scope::Scope;
use crate::read_model::store::Sql;
use crate::ssr::context::{in_account, Scoped};
use crate::ssr::db::now_text;

/// Lines one selection may change: each is a few upstream calls.
pub const MOST_AT_ONCE: usize = 20;

/// Changes the ticked lines; returns the batch's ID (its results).
pub async fn change(ctx: &Scoped, form: &SelectionForm) -> Result<i64, AppError> {
    let scope = Scope::of(&ctx.caller)?;
    let mut lines: Vec<String> = Vec::new();
    for typed in &form.numbers {
        let e164 =
            telegent::phone::normalize_e164(typed).map_err(|_| AppError::BadRequest("a malformed line".into()))?;
        if !lines.contains(&e164) {
            lines.push(e164);
        }
    }
    let mut problems = Vec::new();
    if lines.is_empty() {
        problems.push(AppError::invalid("numbers", "Tick the lines to change first."));
    } else if lines.len() > MOST_AT_ONCE {
        problems.push(AppError::invalid(
            "numbers",
            format!("Change at most {MOST_AT_ONCE} lines at once."),
        ));
    }
    let change = Change::from_form(&form.change);
    if change.is_none() {
        problems.push(AppError::invalid("change", "Choose suspend, restore or deactivate."));
    }
    let today = chrono::DateTime::from_timestamp(ctx.state.clock.now(), 0)
        .map(|t| t.date_naive())
        .unwrap_or_default();
    if let Err(message) = crate::line_status::dates::effective(&form.effective_date, today) {
        problems.push(AppError::invalid("effective_date", message));
    }
    if form.confirm.is_none() {
        problems.push(AppError::invalid("confirm", "Tick the box to confirm."));
    }
    if let Some(refused) = AppError::from_field_errors(problems) {
        return Err(refused);
    }
    let change = change.unwrap_or(Change::Suspend);
    // Each line's Account is looked up in the copy.
    crate::subscribers::service::fill(&ctx.state, &scope).await?;
    let mut results: Vec<(String, bool, String)> = Vec::new();
    for msisdn in lines {
        let found = Sql::new("SELECT n.account_id FROM rm_numbers n WHERE n.msisdn = ?")
            .with_value(&msisdn)
            .scoped(&scope, "n")
            .fetch_all(&ctx.state.pool)
            .await?;
        let Some(account_id) = found.first().map(|r| r.get::<String, _>(0)).filter(|a| !a.is_empty()) else {
            results.push((msisdn, false, "Not found among your lines.".into()));
            continue;
        };
        let outcome = async {
            let line_ctx = in_account(Action::ChangeNumberStatus, &account_id).await?;
            let one = StatusForm {
                account_id: account_id.clone(),
                msisdn: msisdn.clone(),
                change: change.key().into(),
                effective_date: form.effective_date.clone(),
                confirm: Some("on".into()),
            };
            crate::line_status::service::change(&line_ctx, &one).await
        }
        .await;
        match outcome {
            Ok(()) => results.push((msisdn, true, format!("{}.", past(change)))),
            Err(error) => {
                let why = ["change", "effective_date", "confirm"]
                    .iter()
                    .find_map(|f| error.field_message(f))
                    .unwrap_or_else(|| error.to_string());
                results.push((msisdn, false, why));
            }
        }
    }
    let json = serde_json::to_string(&results).map_err(|_| AppError::Internal)?;
    let (id,): (i64,) = sqlx::query_as(
        "INSERT INTO line_batches (user_id, change, results_json, created_at) VALUES ($1, $2, $3, $4) RETURNING id",
    )
    .bind(ctx.caller.user_id)
    .bind(change.key())
    .bind(json)
    .bind(now_text())
    .fetch_one(&ctx.state.pool)
    .await?;
    Ok(id)
}

fn past(change: Change) -> &'static str {
    match change {
        Change::Suspend => "Suspended",
        Change::Restore => "Restored",
        Change::Deactivate => "Deactivated",
    }
}

/// A batch's results, when it is `user_id`'s (anyone else's reads as none).
pub async fn results(pool: &crate::ssr::db::DbPool, user_id: i64, batch: &str) -> Option<BatchResult> {
    let id: i64 = batch.trim().parse().ok()?;
    let row: Option<(String, String)> =
        sqlx::query_as("SELECT change, results_json FROM line_batches WHERE id = $1 AND user_id = $2")
            .bind(id)
            .bind(user_id)
            .fetch_optional(pool)
            .await
            .ok()?;
    let (change, json) = row?;
    let lines: Vec<(String, bool, String)> = serde_json::from_str(&json).ok()?;
    Some(BatchResult { change, lines })
}
