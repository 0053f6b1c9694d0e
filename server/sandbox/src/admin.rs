//! The sandbox's `/_sandbox/*` admin endpoints (journal, ledger, reset,
//! state dump and restore, clock, usage, faults) and the guard that keeps
//! other sites away from them.

use axum::extract::{Request, State};
use axum::http::StatusCode;
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::{Json, Router};
use serde_json::{json, Value};

use crate::api::ApiError;
use crate::Sandbox;

/// The `/_sandbox/*` admin endpoints: they can reset, restore and break the
/// platform, so they are only mounted when the configuration asks for them.
pub(crate) fn router() -> Router<Sandbox> {
    Router::new()
        .route("/_sandbox/journal", get(admin_journal))
        .route("/_sandbox/reset", post(admin_reset))
        .route("/_sandbox/state", get(admin_state).post(admin_restore))
        .route("/_sandbox/ledger", get(admin_ledger))
        .route("/_sandbox/clock/advance", post(admin_clock_advance))
        .route("/_sandbox/settings", post(admin_settings))
        .route("/_sandbox/usage", post(admin_usage))
        .route("/_sandbox/faults", post(admin_add_fault))
        .route("/_sandbox/faults/clear", post(admin_clear_faults))
}

/// Refuses an admin request a browser sent on behalf of another site: a page
/// anywhere on the web could otherwise post `/_sandbox/reset` to a loopback
/// sandbox. Tools (curl, tests, Playwright's request context) send neither
/// header; a browser sends `Sec-Fetch-Site` on every request and `Origin` on
/// every cross-origin one.
pub(crate) async fn refuse_cross_site(request: Request, next: Next) -> Response {
    let headers = request.headers();
    let fetch_site = headers.get("sec-fetch-site").and_then(|v| v.to_str().ok());
    let host = headers.get("host").and_then(|v| v.to_str().ok());
    let origin_host = headers
        .get("origin")
        .and_then(|v| v.to_str().ok())
        .map(|o| o.split_once("://").map_or(o, |(_, rest)| rest));
    // A loopback Host only: a page on a domain rebound to 127.0.0.1 sends
    // its own name (and a matching Origin), which this refuses.
    let loopback_host = host.is_some_and(|h| {
        let name = match h.rsplit_once(':') {
            Some((name, port)) if port.bytes().all(|b| b.is_ascii_digit()) => name,
            _ => h,
        };
        matches!(name, "127.0.0.1" | "localhost" | "[::1]")
    });
    let cross_site = matches!(fetch_site, Some(site) if site != "same-origin" && site != "none")
        || matches!((origin_host, host), (Some(o), Some(h)) if o != h)
        || (origin_host.is_some() && host.is_none())
        || !loopback_host;
    if cross_site {
        return ApiError::new(
            StatusCode::FORBIDDEN,
            "Sandbox admin endpoints refuse cross-site requests.",
        )
        .into_response();
    }
    next.run(request).await
}

async fn admin_journal(State(sandbox): State<Sandbox>) -> Json<Value> {
    Json(json!(sandbox.journal()))
}

async fn admin_reset(State(sandbox): State<Sandbox>) -> Result<Json<Value>, ApiError> {
    sandbox
        .reset()
        .map_err(|e| ApiError::new(StatusCode::INTERNAL_SERVER_ERROR, format!("reset failed: {e}")))?;
    Ok(Json(json!({ "reset": true })))
}

async fn admin_ledger(State(sandbox): State<Sandbox>) -> Json<Value> {
    Json(json!(sandbox.snapshot().ledger))
}

/// `{"Minutes": N}`: moves the sandbox clock forward, then lets orders move on
/// and usage accrue (about 2 MB an hour per active phone line, 0.2 MB for IoT),
/// resetting usage on each line's renewal day when it auto-renews.
async fn admin_clock_advance(State(sandbox): State<Sandbox>, Json(body): Json<Value>) -> Result<Json<Value>, ApiError> {
    let minutes = body
        .get("Minutes")
        .and_then(Value::as_i64)
        .filter(|m| *m > 0)
        .ok_or_else(|| ApiError::bad_request("The Minutes field must be a positive whole number."))?;
    let now = sandbox.advance_clock(minutes);
    Ok(Json(json!({ "Now": now.to_rfc3339() })))
}

/// `{"Vocabulary": "seeds" | "troubleshooting"}`.
async fn admin_settings(State(sandbox): State<Sandbox>, Json(body): Json<Value>) -> Result<Json<Value>, ApiError> {
    if let Some(v) = body.get("Vocabulary").and_then(Value::as_str) {
        if !matches!(v, "seeds" | "troubleshooting") {
            return Err(ApiError::bad_request(
                "The Vocabulary field must be seeds or troubleshooting.",
            ));
        }
        sandbox.mutate(|w| w.vocabulary = v.to_string());
    }
    Ok(Json(json!({ "Vocabulary": sandbox.snapshot().vocabulary })))
}

/// `{"Number": "+1…", "UsedMB": N}`: sets a line's usage in this cycle.
async fn admin_usage(State(sandbox): State<Sandbox>, Json(body): Json<Value>) -> Result<Json<Value>, ApiError> {
    let number = body
        .get("Number")
        .and_then(Value::as_str)
        .ok_or_else(|| ApiError::required("Number"))?
        .to_string();
    let used_mb = body
        .get("UsedMB")
        .and_then(Value::as_f64)
        .ok_or_else(|| ApiError::required("UsedMB"))?;
    sandbox.mutate(|w| {
        let n = w
            .numbers
            .values_mut()
            .find(|n| n.msisdn == number)
            .ok_or_else(|| ApiError::not_found("Number"))?;
        n.used_kb = (used_mb * 1024.0).round().max(0.0) as u64;
        Ok::<_, ApiError>(())
    })?;
    Ok(Json(json!({ "Number": number, "UsedMB": used_mb })))
}

async fn admin_add_fault(State(sandbox): State<Sandbox>, Json(rule): Json<crate::faults::FaultRule>) -> Json<Value> {
    sandbox.add_fault(rule.clone());
    Json(json!({ "Added": rule }))
}

async fn admin_clear_faults(State(sandbox): State<Sandbox>) -> Json<Value> {
    sandbox.clear_faults();
    Json(json!({ "Cleared": true }))
}

/// Empties every secret in a state dump: Distributor secrets, and what
/// people typed that is theirs alone (a port-in's carrier password in an
/// order's request, port-out and voicemail PINs).
fn withhold_secrets(value: &mut Value) {
    match value {
        Value::Object(fields) => {
            for (name, field) in fields.iter_mut() {
                let name = name.to_ascii_lowercase();
                let secret = name.contains("password") || name.contains("secret") || name.ends_with("pin");
                if secret && field.is_string() {
                    *field = Value::String(String::new());
                } else {
                    withhold_secrets(field);
                }
            }
        }
        Value::Array(items) => items.iter_mut().for_each(withhold_secrets),
        _ => {}
    }
}

/// Restores a snapshot taken with `GET /_sandbox/state`.
async fn admin_restore(
    State(sandbox): State<Sandbox>,
    Json(mut world): Json<crate::World>,
) -> Result<Json<Value>, ApiError> {
    // A dump carries no secrets: each Distributor keeps the one it has now.
    let current = sandbox.snapshot();
    for (key, distributor) in world.distributors.iter_mut() {
        if distributor.secret.is_empty() {
            distributor.secret = current
                .distributors
                .get(key)
                .map(|d| d.secret.clone())
                .ok_or_else(|| ApiError::bad_request(format!("Distributor {key} has no secret.")))?;
        }
    }
    sandbox
        .restore(world)
        .map_err(|e| ApiError::new(StatusCode::INTERNAL_SERVER_ERROR, format!("restore failed: {e}")))?;
    Ok(Json(json!({ "Restored": true })))
}

/// The platform as JSON, without the Distributors' API secrets: the dump is
/// for looking at and restoring, and a restore keeps the secrets it has.
async fn admin_state(State(sandbox): State<Sandbox>) -> Json<Value> {
    let mut world = json!(&*sandbox.snapshot());
    withhold_secrets(&mut world);
    Json(world)
}
