//! One call at the top of every server function: the policy check for its
//! action and the scope check of the IDs it was given, returning what the
//! service needs. Scope comes only from the session; a foreign ID is
//! answered exactly like a missing one.
//!
//! HTTP statuses are not set here: the server maps every server function's
//! error to its status in one place (`server/src/web.rs`), so an expected
//! failure can never come back as a 500.

use std::sync::Arc;

use super::caller::{
    account_in_scope, account_in_scope_to_read, current_caller, distributor_in_scope, require, ClientAddress,
};
use super::{state, AppState, Caller, Tenant};
use crate::error::AppError;
use crate::policy::Action;

/// A caller whose role allows the action.
pub struct Scoped {
    pub state: AppState,
    pub caller: Arc<Caller>,
    /// A change: its checks read Telegent afresh (see `TelegentClient::fresh`).
    pub changes: bool,
}

/// A caller acting inside one Account they reach.
pub struct InAccount {
    pub state: AppState,
    pub caller: Arc<Caller>,
    pub tenant: Tenant,
    pub account_id: String,
}

/// A caller acting on one Distributor they reach.
pub struct InDistributor {
    pub state: AppState,
    pub caller: Arc<Caller>,
    pub tenant: Tenant,
}

/// The policy check alone, for functions that take no ID.
pub async fn scoped(action: Action) -> Result<Scoped, AppError> {
    let (state, caller) = require(action).await?;
    Ok(Scoped {
        state,
        caller,
        changes: !action.is_read(),
    })
}

/// The policy check, then the Account ID against the caller's scope.
pub async fn in_account(action: Action, account_id: &str) -> Result<InAccount, AppError> {
    scoped(action).await?.account(account_id).await
}

/// The policy check, then the Distributor ID (empty: the caller's own).
pub async fn in_distributor(action: Action, distributor_id: &str) -> Result<InDistributor, AppError> {
    scoped(action).await?.distributor(distributor_id).await
}

/// At most this many "not found" rows per user a minute: enough to see a
/// probe, too few for one to flood the log.
const NOT_FOUND_ROWS_PER_MINUTE: i64 = 10;

/// A foreign or missing ID is on the record: who asked (`what`: the server
/// function), for which IDs, from where (the caller's audit entry carries
/// the request id and address). Throttled per user. Called by the server's
/// error-status middleware for the browser code's calls, and by the scope
/// checks below for pages and plain form posts (which the middleware does
/// not see as errors).
pub async fn record_not_found(state: &AppState, caller: &Caller, what: &str, asked: &[String]) {
    let since = (chrono::Utc::now() - chrono::Duration::seconds(60))
        .format("%Y-%m-%dT%H:%M:%S%.3fZ")
        .to_string();
    let recent: Result<(i64,), _> =
        sqlx::query_as("SELECT COUNT(*) FROM audit_log WHERE user_id = $1 AND outcome = 'not_found' AND at >= $2")
            .bind(caller.user_id)
            .bind(&since)
            .fetch_one(&state.pool)
            .await;
    if recent.is_ok_and(|(n,)| n < NOT_FOUND_ROWS_PER_MINUTE) {
        let mut entry = caller.audit(what, &[]);
        entry.target_ids = asked.to_vec();
        let _ = super::audit::record(
            &state.pool,
            &entry,
            super::audit::Outcome::NotFound,
            "outside the caller's scope or missing",
        )
        .await;
    }
}

/// The request being served, when it is not one the server's middleware
/// audits itself: a page rendered on the server, or a plain HTML form post
/// (leptos answers those with a redirect, not an error status). Server
/// function calls from the browser's code are audited by the middleware,
/// which knows their endpoint and form.
fn unaudited_request_path() -> Option<String> {
    let parts = leptos::prelude::use_context::<http::request::Parts>()?;
    let path = parts.uri.path().to_string();
    let wants_html = parts
        .headers
        .get(http::header::ACCEPT)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|accept| accept.contains("text/html"));
    (!path.starts_with("/api/") || wants_html).then_some(path)
}

/// A scope refusal, on the record when the middleware will not see it.
async fn refused(state: &AppState, caller: &Caller, field: &str, id: &str) -> AppError {
    if let Some(path) = unaudited_request_path() {
        record_not_found(state, caller, path.trim_start_matches('/'), &[format!("{field}={id}")]).await;
    }
    AppError::NotFound
}

impl Scoped {
    pub async fn account(self, account_id: &str) -> Result<InAccount, AppError> {
        let found = if self.changes {
            account_in_scope(&self.state, &self.caller, account_id).await
        } else {
            account_in_scope_to_read(&self.state, &self.caller, account_id).await
        };
        let tenant = match found {
            Err(AppError::NotFound) => return Err(refused(&self.state, &self.caller, "account_id", account_id).await),
            other => other?,
        };
        let tenant = if self.changes { tenant.fresh() } else { tenant };
        Ok(InAccount {
            state: self.state,
            caller: self.caller,
            tenant,
            account_id: account_id.to_string(),
        })
    }

    pub async fn distributor(self, distributor_id: &str) -> Result<InDistributor, AppError> {
        let tenant = match distributor_in_scope(&self.state, &self.caller, distributor_id) {
            Err(AppError::NotFound) => {
                return Err(refused(&self.state, &self.caller, "distributor_id", distributor_id).await)
            }
            other => other?,
        };
        let tenant = if self.changes { tenant.fresh() } else { tenant };
        Ok(InDistributor {
            state: self.state,
            caller: self.caller,
            tenant,
        })
    }
}

impl InAccount {
    /// Rank inside the Account (`policy::may_act_on`): changing what belongs
    /// to `member` is refused (403, audited as denied) when they rank above
    /// the caller. `action` names the refused change in the audit log.
    pub async fn may_act_on(&self, member: &telegent::types::Subscriber, action: &str) -> Result<(), AppError> {
        let target = crate::members::model::MemberRole::from_telegent(&member.role).as_portal_role();
        let is_self = self.caller.subscriber_id.as_deref() == Some(member.subscriber_id.as_str());
        if crate::policy::may_act_on(self.caller.role, target, is_self) {
            return Ok(());
        }
        let entry = self
            .caller
            .audit_in(&self.tenant, &self.account_id, action, &[&member.subscriber_id]);
        let detail = format!("may not change what belongs to a member with the role {}", member.role);
        let _ = super::audit::record(&self.state.pool, &entry, super::audit::Outcome::Denied, &detail).await;
        Err(AppError::Forbidden)
    }
}

/// The signed-in caller without any policy check (for the session's own
/// functions: who am I, sign out, change my password).
pub fn signed_in() -> Result<(AppState, Arc<Caller>), AppError> {
    let state = state()?;
    let caller = current_caller().ok_or(AppError::SignedOut)?;
    Ok((state, caller))
}

/// The session, for the server functions that change it.
pub async fn session() -> Result<tower_sessions::Session, AppError> {
    leptos_axum::extract::<tower_sessions::Session>()
        .await
        .map_err(|error| {
            tracing::error!(%error, "no session layer");
            AppError::Internal
        })
}

/// The request id and the client's address, for the audit log of requests
/// made before anyone is signed in.
pub fn request_meta() -> (Option<String>, Option<String>) {
    let Some(parts) = leptos::prelude::use_context::<http::request::Parts>() else {
        return (None, None);
    };
    let request_id = parts
        .headers
        .get("x-request-id")
        .and_then(|v| v.to_str().ok())
        .map(str::to_string);
    let address = parts.extensions.get::<ClientAddress>().and_then(|a| a.0.clone());
    (request_id, address)
}

/// Where the browser goes after a plain form post succeeded (with
/// JavaScript the page follows the same address).
pub fn redirect(href: &str) {
    leptos_axum::redirect(href);
}
