//! Bulk reservations: N numbers in one area for an Account, no ICCID (the
//! guide: pair SIMs later). A run is written down before anything is
//! ordered, one item per number with its own intent key; a runner orders
//! the waiting items one by one and stops at the first failure, so a run
//! that stopped halfway says exactly what was and was not ordered, and a
//! resume orders only the missing ones (an unconfirmed order is reconciled
//! under its key, never sent twice; a refused one gets a fresh key, since
//! nothing was ordered).

use std::sync::Arc;

use sqlx::Row;
use telegent::ops::numbers::ProvisionRequest;

use super::bulk_model::{BulkItem, BulkRun};
use crate::error::AppError;
use crate::ssr::audit::{self, Outcome};
use crate::ssr::db::{now_text, DbPool};
use crate::ssr::{AppState, Caller, Tenant};

/// The most numbers one run orders: each costs about three upstream calls
/// of a credential's ~50 a minute.
pub const MOST_PER_RUN: u32 = 20;

/// A runner that has not moved for this long is taken to be gone (a
/// restart) and its run may be resumed.
const RUNNER_STALE_SECONDS: i64 = 300;

pub const RESERVE_ACTION: &str = "ReserveNumbers";

/// Writes the run and its waiting items (a run of the same ID, posted a
/// moment before by the same form, is left as it is).
pub async fn create(
    pool: &DbPool,
    tenant: &Tenant,
    caller: &Caller,
    run_id: &str,
    account_id: &str,
    count: u32,
    request: &ProvisionRequest,
) -> Result<(), AppError> {
    let request_json = serde_json::to_string(request).map_err(|_| AppError::Internal)?;
    let mut tx = pool.begin().await?;
    let inserted = sqlx::query(
        "INSERT INTO bulk_runs (distributor_id, run_id, account_id, area_code, request_json, requested, created_by, \
         created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT (distributor_id, run_id) DO NOTHING",
    )
    .bind(&tenant.distributor_id)
    .bind(run_id)
    .bind(account_id)
    .bind(request.area_code.clone().unwrap_or_default())
    .bind(&request_json)
    .bind(i64::from(count))
    .bind(&caller.email)
    .bind(now_text())
    .execute(&mut *tx)
    .await?
    .rows_affected();
    if inserted == 0 {
        return Ok(());
    }
    for position in 1..=i64::from(count) {
        sqlx::query(
            "INSERT INTO bulk_items (distributor_id, run_id, position, state, intent_key) VALUES ($1, $2, $3, 'waiting', $4)",
        )
        .bind(&tenant.distributor_id)
        .bind(run_id)
        .bind(position)
        .bind(format!("{run_id}-{position}-1"))
        .execute(&mut *tx)
        .await
        ?;
    }
    tx.commit().await?;
    Ok(())
}

/// The run, if it is this Distributor's (and, for `account_id`, that
/// Account's): anything else reads as missing.
pub async fn load(pool: &DbPool, distributor_id: &str, run_id: &str) -> Result<BulkRun, AppError> {
    let row = sqlx::query(
        "SELECT account_id, area_code, request_json, requested, created_by, created_at, runner_since FROM bulk_runs \
         WHERE distributor_id = $1 AND run_id = $2",
    )
    .bind(distributor_id)
    .bind(run_id)
    .fetch_optional(pool)
    .await?
    .ok_or(AppError::NotFound)?;
    let request: ProvisionRequest = serde_json::from_str(&row.get::<String, _>(2)).map_err(|_| AppError::Internal)?;
    let items = sqlx::query(
        "SELECT position, state, msisdn, number_id, problem FROM bulk_items \
         WHERE distributor_id = $1 AND run_id = $2 ORDER BY position",
    )
    .bind(distributor_id)
    .bind(run_id)
    .fetch_all(pool)
    .await?
    .iter()
    .map(|r| BulkItem {
        position: r.get::<i64, _>(0) as u32,
        state: r.get(1),
        msisdn: r.get(2),
        number_id: r.get(3),
        problem: r.get(4),
    })
    .collect();
    let runner_since: Option<String> = row.get(6);
    Ok(BulkRun {
        run_id: run_id.to_string(),
        account_id: row.get(0),
        account_name: String::new(),
        area_code: row.get(1),
        product_type: request.product_type.clone(),
        requested: row.get::<i64, _>(3) as u32,
        created_by: row.get(4),
        created_at: row.get(5),
        running: runner_since.is_some_and(|since| !is_stale(&since)),
        items,
        can_resume: false,
    })
}

fn is_stale(since: &str) -> bool {
    chrono::DateTime::parse_from_rfc3339(since)
        .map(|t| (chrono::Utc::now() - t.with_timezone(&chrono::Utc)).num_seconds() > RUNNER_STALE_SECONDS)
        .unwrap_or(true)
}

/// Takes the run for one runner: its ID, or `None` when another works on it.
async fn claim(pool: &DbPool, distributor_id: &str, run_id: &str) -> Result<Option<String>, AppError> {
    let current: Option<(Option<String>,)> =
        sqlx::query_as("SELECT runner_since FROM bulk_runs WHERE distributor_id = $1 AND run_id = $2")
            .bind(distributor_id)
            .bind(run_id)
            .fetch_optional(pool)
            .await?;
    let Some((since,)) = current else { return Ok(None) };
    if since.as_deref().is_some_and(|s| !is_stale(s)) {
        return Ok(None);
    }
    let runner = crate::ssr::intents::new_key();
    // Compare-and-set on what was read: of two runners, one wins.
    let taken = match &since {
        None => {
            sqlx::query(
                "UPDATE bulk_runs SET runner_since = $1, runner_id = $2 \
             WHERE distributor_id = $3 AND run_id = $4 AND runner_since IS NULL",
            )
            .bind(now_text())
            .bind(&runner)
            .bind(distributor_id)
            .bind(run_id)
            .execute(pool)
            .await?
        }
        Some(stale) => {
            sqlx::query(
                "UPDATE bulk_runs SET runner_since = $1, runner_id = $2 \
             WHERE distributor_id = $3 AND run_id = $4 AND runner_since = $5",
            )
            .bind(now_text())
            .bind(&runner)
            .bind(distributor_id)
            .bind(run_id)
            .bind(stale)
            .execute(pool)
            .await?
        }
    };
    Ok((taken.rows_affected() == 1).then_some(runner))
}

/// Frees the run, if this runner still holds it.
async fn release(pool: &DbPool, distributor_id: &str, run_id: &str, runner: &str) {
    let _ = sqlx::query(
        "UPDATE bulk_runs SET runner_since = NULL, runner_id = NULL \
         WHERE distributor_id = $1 AND run_id = $2 AND runner_id = $3",
    )
    .bind(distributor_id)
    .bind(run_id)
    .bind(runner)
    .execute(pool)
    .await;
}

/// Says this runner still works on the run; `false` when another took it
/// over (this one was taken for gone), so this one stops.
async fn heartbeat(pool: &DbPool, distributor_id: &str, run_id: &str, runner: &str) -> bool {
    sqlx::query("UPDATE bulk_runs SET runner_since = $1 WHERE distributor_id = $2 AND run_id = $3 AND runner_id = $4")
        .bind(now_text())
        .bind(distributor_id)
        .bind(run_id)
        .bind(runner)
        .execute(pool)
        .await
        .map(|done| done.rows_affected() == 1)
        .unwrap_or(false)
}

/// Orders the run's items not yet ordered, in order, stopping at the first
/// failure; at most `limit` orders (`None`: all). Audited once per run of
/// the runner. Returns how many were ordered now.
pub async fn run(
    state: &AppState,
    tenant: &Tenant,
    caller: &Caller,
    run_id: &str,
    limit: Option<usize>,
) -> Result<usize, AppError> {
    let pool = &state.pool;
    let d = tenant.distributor_id.clone();
    let Some(runner) = claim(pool, &d, run_id).await? else {
        return Ok(0);
    };
    let result = run_claimed(state, tenant, caller, run_id, &runner, limit).await;
    release(pool, &d, run_id, &runner).await;
    result
}

async fn run_claimed(
    state: &AppState,
    tenant: &Tenant,
    caller: &Caller,
    run_id: &str,
    runner: &str,
    limit: Option<usize>,
) -> Result<usize, AppError> {
    let pool = &state.pool;
    let d = &tenant.distributor_id;
    let run = load(pool, d, run_id).await?;
    let (request_json,): (String,) =
        sqlx::query_as("SELECT request_json FROM bulk_runs WHERE distributor_id = $1 AND run_id = $2")
            .bind(d)
            .bind(run_id)
            .fetch_one(pool)
            .await?;
    let request: ProvisionRequest = serde_json::from_str(&request_json).map_err(|_| AppError::Internal)?;
    let todo: Vec<(i64, String)> = sqlx::query_as(
        "SELECT position, intent_key FROM bulk_items WHERE distributor_id = $1 AND run_id = $2 AND state <> 'ordered' \
         ORDER BY position",
    )
    .bind(d)
    .bind(run_id)
    .fetch_all(pool)
    .await?;
    if todo.is_empty() {
        return Ok(0);
    }
    let entry = caller.audit_in(tenant, &run.account_id, RESERVE_ACTION, &[run_id]);
    let audit_id = audit::begin(pool, &entry).await.map_err(|_| AppError::Internal)?;
    let mut ordered = Vec::new();
    let mut failure: Option<(i64, AppError)> = None;
    for (position, key) in todo.into_iter().take(limit.unwrap_or(usize::MAX)) {
        if !heartbeat(pool, d, run_id, runner).await {
            failure = Some((position, AppError::Upstream("another runner took this run over".into())));
            break;
        }
        let answer = crate::numbers::service::provision(pool, tenant, &key, &run.account_id, &request).await;
        // What this item now is; a failure to write it down stops the run
        // (the item stays as it was: its key's answer is kept, so the next
        // try reads it back instead of ordering again).
        let written = match &answer {
            Ok(answer) => {
                let field = |n: &str| answer[n].as_str().unwrap_or_default().to_string();
                sqlx::query(
                    "UPDATE bulk_items SET state = 'ordered', msisdn = $1, number_id = $2, problem = '' \
                     WHERE distributor_id = $3 AND run_id = $4 AND position = $5",
                )
                .bind(field("PhoneNumberAssigned"))
                .bind(field("PhoneNumberId"))
                .bind(d)
                .bind(run_id)
                .bind(position)
                .execute(pool)
                .await
            }
            Err(error) => {
                // Refused for certain (nothing ordered): the next try is a
                // new order under a new key. Unconfirmed: the same key, so
                // the next try reconciles instead of ordering again.
                let refused = crate::ssr::intents::state_of(pool, d, &key)
                    .await
                    .ok()
                    .flatten()
                    .as_deref()
                    == Some("failed");
                let next_key = if refused { next_attempt(&key) } else { key.clone() };
                sqlx::query(
                    "UPDATE bulk_items SET state = 'failed', problem = $1, intent_key = $2 \
                     WHERE distributor_id = $3 AND run_id = $4 AND position = $5",
                )
                .bind(error.to_string())
                .bind(&next_key)
                .bind(d)
                .bind(run_id)
                .bind(position)
                .execute(pool)
                .await
            }
        };
        match (answer, written) {
            (Ok(answer), Ok(_)) => {
                crate::read_model::write_through::number_provisioned(pool, d, &run.account_id, &request, &answer).await;
                ordered.push(answer["PhoneNumberAssigned"].as_str().unwrap_or_default().to_string());
            }
            (Ok(_), Err(error)) => {
                tracing::error!(%error, run_id, position, "an ordered item was not written down");
                failure = Some((position, AppError::Internal));
                break;
            }
            (Err(error), _) => {
                failure = Some((position, error));
                break;
            }
        }
    }
    let mut detail = format!("ordered {}: {}", ordered.len(), ordered.join(" "));
    let outcome = match &failure {
        None => Outcome::Succeeded,
        Some((position, error)) => {
            detail.push_str(&format!("; stopped at item {position}: {error}"));
            Outcome::Failed
        }
    };
    audit::finish(pool, audit_id, outcome, detail.trim())
        .await
        .map_err(|_| AppError::Internal)?;
    Ok(ordered.len())
}

/// `<run>-<position>-<attempt>` with the attempt counted up.
fn next_attempt(key: &str) -> String {
    match key.rsplit_once('-') {
        Some((stem, attempt)) => match attempt.parse::<u32>() {
            Ok(n) => format!("{stem}-{}", n + 1),
            Err(_) => format!("{key}-2"),
        },
        None => format!("{key}-2"),
    }
}

/// Runs the run in the background (the page follows it).
pub fn spawn(state: AppState, tenant: Tenant, caller: Arc<Caller>, run_id: String) {
    tokio::spawn(async move {
        if let Err(error) = run(&state, &tenant, &caller, &run_id, None).await {
            tracing::warn!(%error, run_id, "a bulk reservation stopped");
        }
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_refused_item_is_tried_again_under_a_new_key() {
        assert_eq!(next_attempt("BULK-abc-3-1"), "BULK-abc-3-2");
        assert_eq!(next_attempt("BULK-abc-3-9"), "BULK-abc-3-10");
    }
}
