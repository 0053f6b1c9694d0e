//! Who is calling, and what they may reach.
//!
//! A request's caller is resolved once, from the session, by the server's
//! middleware ([`resolve`]) and handed to server functions in the request's
//! extensions. Server functions name their action ([`require`]) and check
//! every ID they are given against the caller's scope ([`account_in_scope`]
//! and friends) before any upstream call. Scope never comes from arguments.

use std::sync::Arc;
use std::time::Duration;

use crate::ssr::db::DbPool;
use serde::{Deserialize, Serialize};
use telegent::TelegentClient;
use tower_sessions::Session;

use super::audit::{self, Outcome};
use super::AppState;
use crate::error::AppError;
use crate::policy::{allows, Action, Role};

/// The session entry holding the signed-in user.
pub const SESSION_KEY: &str = "auth";

#[derive(Debug, Clone)]
pub struct AuthSettings {
    /// A session unused this long ends (default 30 minutes).
    pub idle_timeout: Duration,
    /// A session ends this long after sign-in, used or not (default 12 hours).
    pub absolute_lifetime: Duration,
    /// How long a "view as" lasts.
    pub view_as_lifetime: Duration,
    /// Behind a reverse proxy: take the client's address from the last
    /// `X-Forwarded-For` entry (the one the proxy added), not the peer.
    pub trust_forwarded_for: bool,
}

impl Default for AuthSettings {
    fn default() -> Self {
        Self {
            idle_timeout: Duration::from_secs(30 * 60),
            absolute_lifetime: Duration::from_secs(12 * 60 * 60),
            view_as_lifetime: Duration::from_secs(30 * 60),
            trust_forwarded_for: false,
        }
    }
}

/// What the session stores: only IDs and times; everything else is read
/// from the database on each request, so a disabled user or a changed role
/// takes effect on the very next request.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct SessionAuth {
    pub user_id: i64,
    /// The user's `session_epoch` at sign-in; a password change bumps it.
    pub epoch: i64,
    pub login_at: i64,
    pub last_seen: i64,
    pub view_as: Option<ViewAs>,
}

/// An administrator looking at a Manager's portal (read-only, audited, expiring).
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct ViewAs {
    pub distributor_id: String,
    pub account_id: String,
    pub account_name: String,
    pub reason: String,
    pub expires_at: i64,
}

/// Whether the user is a member the portal removed from their Account
/// (`members::removal`); a read error counts as removed (fail closed).
async fn removed_from_account(state: &AppState, user: &UserRow) -> bool {
    let (Some(account_id), Some(subscriber_id)) = (&user.account_id, &user.subscriber_id) else {
        return false;
    };
    let row: Result<Option<(String,)>, _> =
        sqlx::query_as("SELECT subscriber_id FROM removed_members WHERE account_id = $1 AND subscriber_id = $2")
            .bind(account_id)
            .bind(subscriber_id)
            .fetch_optional(&state.pool)
            .await;
    row.map_or(true, |r| r.is_some())
}

/// A portal user as stored.
#[derive(Debug, Clone)]
pub struct UserRow {
    pub id: i64,
    pub email: String,
    pub display_name: String,
    pub password_hash: String,
    pub role: String,
    pub distributor_id: Option<String>,
    pub account_id: Option<String>,
    pub subscriber_id: Option<String>,
    pub status: String,
    pub must_change_password: bool,
    pub session_epoch: i64,
}

// By hand: the flag is an integer 0/1 in both databases.
impl<'r> sqlx::FromRow<'r, sqlx::any::AnyRow> for UserRow {
    fn from_row(row: &'r sqlx::any::AnyRow) -> sqlx::Result<Self> {
        use sqlx::Row;
        Ok(UserRow {
            id: row.try_get("id")?,
            email: row.try_get("email")?,
            display_name: row.try_get("display_name")?,
            password_hash: row.try_get("password_hash")?,
            role: row.try_get("role")?,
            distributor_id: row.try_get("distributor_id")?,
            account_id: row.try_get("account_id")?,
            subscriber_id: row.try_get("subscriber_id")?,
            status: row.try_get("status")?,
            must_change_password: row.try_get::<i64, _>("must_change_password")? != 0,
            session_epoch: row.try_get("session_epoch")?,
        })
    }
}

pub const USER_COLUMNS: &str = "id, email, display_name, password_hash, role, distributor_id, account_id, \
     subscriber_id, status, must_change_password, session_epoch";

pub async fn user_by_id(pool: &DbPool, id: i64) -> sqlx::Result<Option<UserRow>> {
    sqlx::query_as(&format!("SELECT {USER_COLUMNS} FROM users WHERE id = $1"))
        .bind(id)
        .fetch_optional(pool)
        .await
}

pub async fn user_by_email(pool: &DbPool, email: &str) -> sqlx::Result<Option<UserRow>> {
    sqlx::query_as(&format!(
        "SELECT {USER_COLUMNS} FROM users WHERE lower(email) = lower($1)"
    ))
    .bind(email.trim())
    .fetch_optional(pool)
    .await
}

pub fn parse_role(value: &str) -> Option<Role> {
    crate::policy::ROLES.into_iter().find(|r| format!("{r:?}") == value)
}

/// The person behind a request, with the scope their role reaches.
#[derive(Debug, Clone)]
pub struct Caller {
    pub user_id: i64,
    pub email: String,
    pub display_name: String,
    /// The role in effect (Manager while viewing as one).
    pub role: Role,
    /// The user's own role.
    pub real_role: Role,
    pub distributor_id: Option<String>,
    pub account_id: Option<String>,
    pub subscriber_id: Option<String>,
    pub must_change_password: bool,
    pub view_as: Option<ViewAs>,
    pub request_id: Option<String>,
    pub client_address: Option<String>,
}

/// The client's address as the middleware worked it out (the peer, or the
/// address a trusted proxy reports), for throttling and the audit log.
#[derive(Debug, Clone, Default)]
pub struct ClientAddress(pub Option<String>);

/// The resolved caller, put into each request's extensions by the middleware.
#[derive(Debug, Clone, Default)]
pub struct CallerSlot(pub Option<Arc<Caller>>);

/// A Distributor's client, picked by scope.
#[derive(Clone)]
pub struct Tenant {
    pub distributor_id: String,
    pub client: Arc<TelegentClient>,
}

impl Tenant {
    /// The same Distributor, reading Telegent afresh: for a change, whose
    /// checks (who is in the Account, whose line) must not rest on a copy.
    pub fn fresh(self) -> Tenant {
        Tenant {
            client: Arc::new(self.client.fresh()),
            distributor_id: self.distributor_id,
        }
    }
}

impl Caller {
    /// The policy table, narrowed to reading while viewing as someone else.
    pub fn allows(&self, action: Action) -> bool {
        allows(self.role, action) && (self.view_as.is_none() || action.is_read())
    }

    /// The role as the audit log and the top bar show it.
    pub fn role_label(&self) -> String {
        match &self.view_as {
            Some(_) => format!("{} viewing as {}", self.real_role.label(), self.role.label()),
            None => self.role.label().to_string(),
        }
    }

    /// An audit entry for an action by this caller.
    pub fn audit(&self, action: &str, targets: &[&str]) -> audit::Entry {
        audit::Entry {
            user_id: Some(self.user_id),
            user_email: self.email.clone(),
            role: self.role_label(),
            distributor_id: self.distributor_id.clone(),
            account_id: self.account_id.clone(),
            action: action.into(),
            target_ids: targets.iter().map(|t| t.to_string()).collect(),
            request_id: self.request_id.clone(),
            client_address: self.client_address.clone(),
        }
    }

    /// An audit entry for a change inside one Account of a Distributor.
    pub fn audit_in(&self, tenant: &Tenant, account_id: &str, action: &str, targets: &[&str]) -> audit::Entry {
        let mut entry = self.audit(action, targets);
        entry.distributor_id = Some(tenant.distributor_id.clone());
        entry.account_id = Some(account_id.to_string());
        entry
    }

    /// The Distributor this caller is bound to, with its client. The Platform
    /// admin has none: pages pass a Distributor ID through [`distributor_in_scope`].
    pub fn tenant(&self, state: &AppState) -> Result<Tenant, AppError> {
        let distributor_id = self.distributor_id.clone().ok_or(AppError::NotFound)?;
        let client = state
            .upstreams
            .for_person(&distributor_id, self.user_id)
            .ok_or_else(|| {
                tracing::error!(%distributor_id, "no Telegent client for a signed-in user's Distributor");
                AppError::Internal
            })?;
        Ok(Tenant { distributor_id, client })
    }
}

/// Reads the session and the user behind it; `None` (with the session
/// cleared) when there is no user, the session has expired, the user was
/// disabled, or their password changed since this session began.
pub async fn resolve(
    state: &AppState,
    session: &Session,
    request_id: Option<String>,
    client_address: Option<String>,
) -> Option<Caller> {
    let mut auth: SessionAuth = session.get(SESSION_KEY).await.ok().flatten()?;
    let now = state.clock.now();
    let idle = state.auth.idle_timeout.as_secs() as i64;
    let absolute = state.auth.absolute_lifetime.as_secs() as i64;
    let session_expired = now - auth.last_seen > idle || now - auth.login_at > absolute;
    let user = match user_by_id(&state.pool, auth.user_id).await {
        Ok(Some(user)) => user,
        Ok(None) => {
            let _ = session.flush().await;
            return None;
        }
        Err(error) => {
            tracing::error!(%error, "reading the session's user");
            return None;
        }
    };
    // The end of a view-as is on the record however it ends: the session
    // lapsing, the user disabled or their password changed, or the grant's
    // own expiry below.
    let ended = if session_expired {
        Some("session expired")
    } else if user.status == "disabled" {
        Some("user disabled")
    } else if user.session_epoch != auth.epoch {
        Some("signed out everywhere")
    } else if removed_from_account(state, &user).await {
        // Turned back on by mistake, a removed member still cannot act.
        Some("removed from the account")
    } else {
        None
    };
    if let Some(how) = ended {
        if let Some(view) = &auth.view_as {
            record_view_as_end(state, &user, view, (&request_id, &client_address), how).await;
        }
        let _ = session.flush().await;
        return None;
    }
    let role = parse_role(&user.role)?;
    let mut changed = false;
    // Writing on every request would cost a store write each time; a minute's
    // precision is plenty for a 30-minute idle timeout.
    if now - auth.last_seen >= 60 {
        auth.last_seen = now;
        changed = true;
    }
    if let Some(expired) = auth.view_as.take_if(|v| v.expires_at <= now) {
        record_view_as_end(state, &user, &expired, (&request_id, &client_address), "expired").await;
        changed = true;
    }
    if changed {
        let _ = session.insert(SESSION_KEY, &auth).await;
    }
    let mut caller = Caller {
        user_id: user.id,
        email: user.email,
        display_name: user.display_name,
        role,
        real_role: role,
        distributor_id: user.distributor_id,
        account_id: user.account_id,
        subscriber_id: user.subscriber_id,
        must_change_password: user.must_change_password,
        view_as: None,
        request_id,
        client_address,
    };
    if let Some(view) = auth.view_as {
        // The grant was checked when it began; check the role still allows it.
        if allows(role, Action::ViewAsManager) {
            caller.role = Role::Manager;
            caller.distributor_id = Some(view.distributor_id.clone());
            caller.account_id = Some(view.account_id.clone());
            caller.subscriber_id = None;
            caller.view_as = Some(view);
        }
    }
    Some(caller)
}

/// Writes the `ViewAsEnded` row of a view-as that ended without the person
/// ending it (`how` says why).
async fn record_view_as_end(
    state: &AppState,
    user: &UserRow,
    view: &ViewAs,
    (request_id, client_address): (&Option<String>, &Option<String>),
    how: &str,
) {
    let entry = audit::Entry {
        user_id: Some(user.id),
        user_email: user.email.clone(),
        role: parse_role(&user.role).map_or_else(|| user.role.clone(), |r| r.label().to_string()),
        distributor_id: Some(view.distributor_id.clone()),
        account_id: Some(view.account_id.clone()),
        action: "ViewAsEnded".into(),
        target_ids: vec![view.account_id.clone()],
        request_id: request_id.clone(),
        client_address: client_address.clone(),
    };
    let _ = audit::record(&state.pool, &entry, Outcome::Succeeded, how).await;
}

/// The caller of the current request, if signed in.
pub fn current_caller() -> Option<Arc<Caller>> {
    use leptos::prelude::use_context;
    use_context::<http::request::Parts>()?
        .extensions
        .get::<CallerSlot>()?
        .0
        .clone()
}

/// The state and the caller, if the caller's role allows `action`. A refused
/// mutation is audited as denied.
pub async fn require(action: Action) -> Result<(AppState, Arc<Caller>), AppError> {
    let state = super::state()?;
    let caller = current_caller().ok_or(AppError::SignedOut)?;
    if caller.must_change_password || !caller.allows(action) {
        if !action.is_read() {
            let entry = caller.audit(&format!("{action:?}"), &[]);
            let _ = audit::record(&state.pool, &entry, Outcome::Denied, "not allowed for this role").await;
        }
        return Err(AppError::Forbidden);
    }
    Ok((state, caller))
}

/// The Distributor named by a page (empty: the caller's own), if the caller
/// reaches it. Foreign and unknown IDs are both "not found".
pub fn distributor_in_scope(state: &AppState, caller: &Caller, distributor_id: &str) -> Result<Tenant, AppError> {
    let wanted = if distributor_id.is_empty() {
        caller.distributor_id.as_deref().ok_or(AppError::NotFound)?
    } else {
        distributor_id
    };
    let reachable = match caller.role {
        Role::PlatformAdmin => caller.view_as.is_none(),
        _ => caller.distributor_id.as_deref() == Some(wanted),
    };
    if !reachable {
        return Err(AppError::NotFound);
    }
    let client = state
        .upstreams
        .for_person(wanted, caller.user_id)
        .ok_or(AppError::NotFound);
    client.map(|client| Tenant {
        distributor_id: wanted.to_string(),
        client,
    })
}

/// The Account, if the caller reaches it: their own for account roles; one
/// of their Distributor's (from its cached account list) for distributor
/// roles; any Distributor's for the Platform admin.
pub async fn account_in_scope(state: &AppState, caller: &Caller, account_id: &str) -> Result<Tenant, AppError> {
    account_in_scope_for(state, caller, account_id, false).await
}

/// [`account_in_scope`] for a read: the read model may answer "yes" without
/// an upstream call. A change always asks Telegent (a copy may be behind).
pub async fn account_in_scope_to_read(state: &AppState, caller: &Caller, account_id: &str) -> Result<Tenant, AppError> {
    account_in_scope_for(state, caller, account_id, true).await
}

async fn account_in_scope_for(
    state: &AppState,
    caller: &Caller,
    account_id: &str,
    from_copy: bool,
) -> Result<Tenant, AppError> {
    let found = match caller.role {
        Role::AccountAdmin | Role::Manager | Role::Subscriber => {
            if caller.account_id.as_deref() == Some(account_id) {
                Some(caller.tenant(state)?)
            } else {
                None
            }
        }
        Role::DistributorAdmin | Role::DistributorViewer => {
            let tenant = caller.tenant(state)?;
            owns_account(state, &tenant, account_id, from_copy)
                .await?
                .then_some(tenant)
        }
        Role::PlatformAdmin => {
            let mut found = None;
            for distributor_id in state.upstreams.distributor_ids() {
                let tenant = distributor_in_scope(state, caller, &distributor_id)?;
                if owns_account(state, &tenant, account_id, from_copy).await? {
                    found = Some(tenant);
                    break;
                }
            }
            found
        }
    };
    found.ok_or(AppError::NotFound)
}

/// Whether the Account is the Distributor's: for a read, the read model answers yes
/// without a call (its rows come only from this Distributor's own reads and
/// the portal's own changes); anything else is asked of Telegent, so an
/// Account created elsewhere a moment ago is found too.
async fn owns_account(state: &AppState, tenant: &Tenant, account_id: &str, from_copy: bool) -> Result<bool, AppError> {
    if from_copy && crate::read_model::store::holds_account(&state.pool, &tenant.distributor_id, account_id).await? {
        return Ok(true);
    }
    let accounts = tenant.client.distributor_accounts().await?;
    Ok(accounts.iter().any(|a| a.account_id == account_id))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn roles_parse_from_their_stored_names() {
        for role in crate::policy::ROLES {
            assert_eq!(parse_role(&format!("{role:?}")), Some(role));
        }
        assert_eq!(parse_role("Root"), None);
    }
}
