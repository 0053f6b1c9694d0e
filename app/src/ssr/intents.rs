//! Billable calls are submitted at most once.
//!
//! The upstream has no idempotency key, and a timeout, 5xx or dropped
//! connection after sending leaves the outcome unknown. So every billable call
//! goes through [`submit_once`]: an intent row is written before the call
//! (keyed by the form's intent key, so a double click or a repeated post finds
//! it), the outcome is recorded after, and an unknown outcome is reconciled by
//! reading the platform before anything is sent again.

use std::future::Future;

use crate::ssr::db::DbPool;
use serde_json::Value;
use telegent::{BillableRequest, TelegentClient, TelegentError};

use crate::error::AppError;

/// One billable call: the typed request of a `Billable` operation of the
/// client (which names its path and the reads it makes stale).
pub struct Billable<'a, R> {
    /// Chosen by the form when it is rendered; the same key is the same
    /// order. Unique per Distributor: the same key in two tenants is two orders.
    pub intent_key: &'a str,
    pub distributor_id: &'a str,
    /// `provision`, `portin`, `portout`, `message`, `subscription`.
    pub operation: &'a str,
    pub request: &'a R,
}

/// Where an intent is kept: its tenant and the form's key (the table's
/// primary key is the pair).
#[derive(Clone, Copy)]
struct Key<'a> {
    distributor_id: &'a str,
    intent_key: &'a str,
}

#[derive(Debug, Clone, PartialEq, Eq)]
enum State {
    Sending,
    Succeeded(Value),
    Failed(String),
    Unknown,
}

async fn load(pool: &DbPool, key: Key<'_>) -> Result<Option<State>, AppError> {
    let row: Option<(String, Option<String>, Option<String>)> = sqlx::query_as(
        "SELECT state, response_json, error_message FROM billable_intents WHERE distributor_id = $1 AND intent_key = $2",
    )
    .bind(key.distributor_id)
    .bind(key.intent_key)
            .fetch_optional(pool)
            .await
            .map_err(internal)?;
    Ok(row.map(|(state, response, error)| match state.as_str() {
        "succeeded" => State::Succeeded(
            response
                .and_then(|r| serde_json::from_str(&r).ok())
                .unwrap_or(Value::Null),
        ),
        "failed" => State::Failed(error.unwrap_or_default()),
        "unknown" => State::Unknown,
        _ => State::Sending,
    }))
}

async fn record(pool: &DbPool, key: Key<'_>, state: &State) -> Result<(), AppError> {
    let (name, response, error) = match state {
        State::Sending => ("sending", None, None),
        State::Succeeded(v) => {
            // An answer that echoes a secret back keeps it no more than the request.
            let mut v = v.clone();
            redact_secrets(&mut v);
            ("succeeded", Some(v.to_string()), None)
        }
        State::Failed(e) => ("failed", None, Some(e.clone())),
        State::Unknown => ("unknown", None, None),
    };
    sqlx::query(
        "UPDATE billable_intents SET state = $1, response_json = $2, error_message = $3, \
         updated_at = $5 WHERE intent_key = $4 AND distributor_id = $6",
    )
    .bind(name)
    .bind(response)
    .bind(error)
    .bind(key.intent_key)
    .bind(crate::ssr::db::now_text())
    .bind(key.distributor_id)
    .execute(pool)
    .await
    .map_err(internal)?;
    Ok(())
}

/// The record of a request keeps no secret of the person's: a port-in's
/// carrier account password, a port-out PIN. The record is for reading (it is
/// never sent again), so the values are replaced, their presence kept.
fn redact_secrets(value: &mut Value) {
    match value {
        Value::Object(fields) => {
            for (name, field) in fields.iter_mut() {
                let name = name.to_ascii_lowercase();
                // A port-in's losing-carrier account number is as secret as its PIN.
                if name.contains("password")
                    || name.ends_with("pin")
                    || name.contains("secret")
                    || name == "currentaccountnumber"
                {
                    if !field.is_null() {
                        *field = Value::String("(withheld)".into());
                    }
                } else {
                    redact_secrets(field);
                }
            }
        }
        Value::Array(items) => items.iter_mut().for_each(redact_secrets),
        _ => {}
    }
}

fn internal(e: sqlx::Error) -> AppError {
    tracing::error!(error = %e, "intent store failed");
    AppError::Internal
}

/// Longer than any one call can take (timeouts and retries included).
const SENDING_AT_MOST_SECONDS: i64 = 300;

fn is_stale_sending(updated_at: &str) -> bool {
    chrono::DateTime::parse_from_rfc3339(updated_at)
        .map(|t| (chrono::Utc::now() - t.with_timezone(&chrono::Utc)).num_seconds() > SENDING_AT_MOST_SECONDS)
        .unwrap_or(false)
}

const IN_PROGRESS: &str =
    "This request is already being submitted. Wait a moment and reload the page to see its result.";
const UNCONFIRMED: &str = "Telegent did not confirm the request and we could not see it on the platform yet. \
     Nothing will be sent again until it is checked: reload in a minute.";

/// Sends `call` at most once for its intent key and returns the platform's
/// answer. `reconcile` reads the platform to find out whether an unconfirmed
/// call went through: `Some(answer)` if it did, `None` if it certainly did not.
pub async fn submit_once<R, F, Fut>(
    pool: &DbPool,
    client: &TelegentClient,
    call: Billable<'_, R>,
    reconcile: F,
) -> Result<Value, AppError>
where
    R: BillableRequest,
    F: Fn() -> Fut,
    Fut: Future<Output = Result<Option<Value>, AppError>>,
{
    let key = Key {
        distributor_id: call.distributor_id,
        intent_key: call.intent_key,
    };
    let mut written = serde_json::to_value(call.request).map_err(|error| {
        tracing::error!(%error, "a billable request that cannot be written down");
        AppError::Internal
    })?;
    redact_secrets(&mut written);
    let request_json = written.to_string();
    let inserted = sqlx::query(
        "INSERT INTO billable_intents (intent_key, distributor_id, operation, request_json, state) \
         VALUES ($1, $2, $3, $4, 'sending') ON CONFLICT (distributor_id, intent_key) DO NOTHING",
    )
    .bind(call.intent_key)
    .bind(call.distributor_id)
    .bind(call.operation)
    .bind(&request_json)
    .execute(pool)
    .await
    .map_err(internal)?
    .rows_affected()
        == 1;
    if !inserted {
        // A key names one request of one kind: another operation's key is
        // never answered with that operation's result.
        let (operation, updated_at): (String, String) = sqlx::query_as(
            "SELECT operation, updated_at FROM billable_intents WHERE distributor_id = $1 AND intent_key = $2",
        )
        .bind(call.distributor_id)
        .bind(call.intent_key)
        .fetch_one(pool)
        .await
        .map_err(internal)?;
        if operation != call.operation {
            return Err(AppError::BadRequest(
                "this form's key belongs to another request".into(),
            ));
        }
        // Still "sending" long after any call could last: the process that
        // sent it stopped (a restart) before it heard back. The outcome is
        // unknown: reconciled below like any unconfirmed call.
        if is_stale_sending(&updated_at) {
            sqlx::query(
                "UPDATE billable_intents SET state = 'unknown' \
                 WHERE distributor_id = $1 AND intent_key = $2 AND state = 'sending' AND updated_at = $3",
            )
            .bind(call.distributor_id)
            .bind(call.intent_key)
            .bind(&updated_at)
            .execute(pool)
            .await
            .map_err(internal)?;
        }
        match load(pool, key).await? {
            Some(State::Succeeded(answer)) => return Ok(answer),
            Some(State::Failed(message)) => return Err(AppError::Upstream(message)),
            Some(State::Sending) | None => return Err(AppError::Upstream(IN_PROGRESS.into())),
            Some(State::Unknown) => {
                if let Some(answer) = reconcile().await? {
                    record(pool, key, &State::Succeeded(answer.clone())).await?;
                    return Ok(answer);
                }
                // Certainly not done: send it now, still under the same intent.
                let claimed = sqlx::query(
                    "UPDATE billable_intents SET state = 'sending' \
                     WHERE distributor_id = $1 AND intent_key = $2 AND state = 'unknown'",
                )
                .bind(call.distributor_id)
                .bind(call.intent_key)
                .execute(pool)
                .await
                .map_err(internal)?
                .rows_affected()
                    == 1;
                if !claimed {
                    return Err(AppError::Upstream(IN_PROGRESS.into()));
                }
            }
        }
    }
    match client.submit_billable(call.request).await {
        Ok(answer) => {
            record(pool, key, &State::Succeeded(answer.clone())).await?;
            Ok(answer)
        }
        Err(TelegentError::OutcomeUnknown { detail }) => {
            tracing::warn!(intent = call.intent_key, operation = call.operation, %detail, "billable call unconfirmed");
            record(pool, key, &State::Unknown).await?;
            match reconcile().await {
                Ok(Some(answer)) => {
                    record(pool, key, &State::Succeeded(answer.clone())).await?;
                    Ok(answer)
                }
                // Not visible (yet), or the read failed: leave it unknown, never resend blindly.
                _ => Err(AppError::Upstream(UNCONFIRMED.into())),
            }
        }
        Err(error) => {
            let app_error = AppError::from(error);
            // Refusals (validation, not found, busy) mean nothing was ordered.
            record(pool, key, &State::Failed(app_error.to_string())).await?;
            Err(app_error)
        }
    }
}

/// One field of the answers of every succeeded intent of `operation` in one
/// Distributor (the JSON is read here, not by the database, so both
/// databases do the same).
pub async fn succeeded_answers_field(
    pool: &DbPool,
    distributor_id: &str,
    operation: &str,
    field: &str,
) -> Result<Vec<String>, AppError> {
    let rows: Vec<(Option<String>,)> = sqlx::query_as(
        "SELECT response_json FROM billable_intents WHERE distributor_id = $1 AND operation = $2 AND state = 'succeeded'",
    )
    .bind(distributor_id)
    .bind(operation)
            .fetch_all(pool)
            .await
            .map_err(|_| AppError::Internal)?;
    Ok(rows
        .into_iter()
        .filter_map(|(json,)| serde_json::from_str::<Value>(&json?).ok())
        .filter_map(|answer| answer[field].as_str().map(str::to_string))
        .collect())
}

/// A fresh intent key for a form that orders something billable.
pub fn new_key() -> String {
    use rand::Rng;
    let bytes: [u8; 16] = rand::rng().random();
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// Whether an intent was already written for this key (a retry, a reload,
/// a second click).
pub async fn exists(pool: &DbPool, distributor_id: &str, intent_key: &str) -> Result<bool, AppError> {
    let row: Option<(String,)> =
        sqlx::query_as("SELECT state FROM billable_intents WHERE distributor_id = $1 AND intent_key = $2")
            .bind(distributor_id)
            .bind(intent_key)
            .fetch_optional(pool)
            .await
            .map_err(internal)?;
    Ok(row.is_some())
}

/// The platform's answer to this Distributor's succeeded intent of
/// `operation` (`None`: no such intent, another tenant's, or not done).
pub async fn answer_of(
    pool: &DbPool,
    distributor_id: &str,
    intent_key: &str,
    operation: &str,
) -> Result<Option<Value>, AppError> {
    let row: Option<(Option<String>,)> = sqlx::query_as(
        "SELECT response_json FROM billable_intents \
         WHERE distributor_id = $1 AND intent_key = $2 AND operation = $3 AND state = 'succeeded'",
    )
    .bind(distributor_id)
    .bind(intent_key)
    .bind(operation)
    .fetch_optional(pool)
    .await
    .map_err(internal)?;
    Ok(row.and_then(|(json,)| serde_json::from_str(&json?).ok()))
}

/// The state an intent is in (`sending`, `succeeded`, `failed`, `unknown`),
/// or `None` when it was never written.
pub async fn state_of(pool: &DbPool, distributor_id: &str, intent_key: &str) -> Result<Option<String>, AppError> {
    let row: Option<(String,)> =
        sqlx::query_as("SELECT state FROM billable_intents WHERE distributor_id = $1 AND intent_key = $2")
            .bind(distributor_id)
            .bind(intent_key)
            .fetch_optional(pool)
            .await
            .map_err(internal)?;
    Ok(row.map(|(state,)| state))
}

/// Whether an order of `operation` whose request holds `needle` is still
/// unconfirmed (being sent, or sent without an answer): a new order of the
/// same kind waits until it is checked, so a reload cannot order twice.
pub async fn unconfirmed_with(
    pool: &DbPool,
    distributor_id: &str,
    operation: &str,
    needle: &str,
) -> Result<bool, AppError> {
    let (n,): (i64,) = sqlx::query_as(
        "SELECT COUNT(*) FROM billable_intents WHERE distributor_id = $1 AND operation = $2 \
         AND state IN ('sending', 'unknown') AND request_json LIKE $3",
    )
    .bind(distributor_id)
    .bind(operation)
    .bind(format!("%{needle}%"))
    .fetch_one(pool)
    .await
    .map_err(internal)?;
    Ok(n > 0)
}
