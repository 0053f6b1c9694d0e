//! Signing in and out (throttled, without telling which half was wrong),
//! the password, "view as", and what the top bar shows the signed-in person.

use std::collections::HashMap;
use std::sync::Arc;

use tower_sessions::Session;

use super::model::{CurrentUser, NavItem, ViewAsBanner};
use crate::error::AppError;
use crate::links;
use crate::policy::{Action, Role};
use crate::ssr::audit::{self, Outcome};
use crate::ssr::caller::{account_in_scope, user_by_email, user_by_id, SessionAuth, UserRow, ViewAs, SESSION_KEY};
use crate::ssr::db::DbPool;
use crate::ssr::passwords::{self, Verified};
use crate::ssr::{AppState, Caller};

/// Where a role starts: the Platform's Distributors, a Distributor's
/// accounts, an Account's page, a Subscriber's own lines.
pub fn home_of(caller: &Caller) -> String {
    match (caller.role, &caller.account_id) {
        (Role::PlatformAdmin, _) => links::distributors(),
        (Role::Subscriber, _) => links::my_lines(),
        (Role::AccountAdmin | Role::Manager, Some(account_id)) => links::account(account_id),
        _ => links::staff_home(),
    }
}

/// The signed-in person as the top bar shows them, with the navigation
/// their role has.
pub async fn current_user(state: &AppState, caller: &Caller) -> CurrentUser {
    let scope_label = match (&caller.account_id, &caller.distributor_id) {
        (Some(account_id), _) => match &caller.view_as {
            Some(view) => view.account_name.clone(),
            None => match caller.tenant(state) {
                Ok(tenant) => tenant
                    .client
                    .account(account_id)
                    .await
                    .map(|a| a.account_name)
                    .unwrap_or_default(),
                Err(_) => String::new(),
            },
        },
        (None, Some(_)) => match caller.tenant(state) {
            Ok(tenant) => crate::accounts::service::distributor_name(&tenant)
                .await
                .unwrap_or_default(),
            Err(_) => String::new(),
        },
        (None, None) => "All Distributors".into(),
    };
    let home = home_of(caller);
    let mut nav = Vec::new();
    let mut add = |href: String, label: &str| {
        nav.push(NavItem {
            href,
            label: label.into(),
        })
    };
    match caller.role {
        Role::PlatformAdmin => {
            add(links::distributors(), "Distributors");
            add(links::subscribers(), "Subscribers");
            add(links::numbers(""), "Numbers");
            add(links::port_ins("", ""), "Port-ins");
        }
        Role::DistributorAdmin | Role::DistributorViewer => {
            add(links::staff_home(), "Accounts");
            add(links::subscribers(), "Subscribers");
            add(links::numbers(""), "Numbers");
            add(links::port_ins("", ""), "Port-ins");
        }
        Role::AccountAdmin => {
            add(home.clone(), "Account");
            add(links::numbers(""), "Numbers");
        }
        Role::Manager => add(home.clone(), "Family"),
        Role::Subscriber => add(links::my_lines(), "My lines"),
    }
    if matches!(caller.role, Role::DistributorAdmin | Role::DistributorViewer) {
        add(links::subscriptions(&[]), "Subscriptions");
    }
    if matches!(
        caller.role,
        Role::PlatformAdmin | Role::DistributorAdmin | Role::DistributorViewer
    ) {
        add(links::distributor_onboarding(""), "Onboarding");
    }
    // A Platform admin chooses the Distributor first.
    if caller.allows(Action::ViewCatalog) && caller.role != Role::Subscriber {
        add(links::packages(""), "Catalog");
    }
    if caller.allows(Action::ManageUsers) {
        add(links::users(), "Users");
    }
    if caller.allows(Action::ViewAudit) {
        add(links::audit(), "Audit log");
    }
    if caller.allows(Action::ViewOutbox) {
        add(links::outbox(), "Outbox");
    }
    // Everyone who may be told something (takeover alerts, port-ins), with
    // the unread count in the link's words.
    if caller.role != Role::Subscriber && caller.view_as.is_none() {
        let unread = crate::notifications::service::unread(&state.pool, caller.user_id).await;
        let label = if unread == 0 {
            "Notifications".to_string()
        } else {
            format!("Notifications ({unread} unread)")
        };
        add(links::notifications(), &label);
    }
    if caller.view_as.is_none() {
        add(links::profile(), "Profile");
    }
    let now = state.clock.now();
    CurrentUser {
        display_name: caller.display_name.clone(),
        email: caller.email.clone(),
        role: caller.role,
        role_label: caller.role_label(),
        scope_label,
        home,
        nav,
        must_change_password: caller.must_change_password,
        view_as: caller.view_as.as_ref().map(|v| ViewAsBanner {
            account_id: v.account_id.clone(),
            account_name: v.account_name.clone(),
            reason: v.reason.clone(),
            minutes_left: ((v.expires_at - now) + 59) / 60,
        }),
    }
}

/// The three fields of the password form.
pub struct NewPassword<'a> {
    pub current: &'a str,
    pub new: &'a str,
    pub confirm: &'a str,
}

// ---------------------------------------------------------------------------
// Signing in and out.

/// One lock per throttling key (an e-mail address, a client address): the
/// check of earlier failures, the password check and the recording of a new
/// failure happen as one step for a key, so a burst of parallel guesses cannot
/// all pass the check before any failure is counted. (Per process: several
/// portal processes on one PostgreSQL each serialize their own attempts.)
#[derive(Debug, Default)]
pub struct AttemptLocks(std::sync::Mutex<HashMap<String, Arc<tokio::sync::Mutex<()>>>>);

impl AttemptLocks {
    pub async fn lock(&self, key: &str) -> tokio::sync::OwnedMutexGuard<()> {
        let lock = {
            let mut locks = self.0.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
            // Forget the locks nobody holds or waits for.
            locks.retain(|_, l| Arc::strong_count(l) > 1);
            locks.entry(key.to_string()).or_default().clone()
        };
        lock.lock_owned().await
    }
}

/// Free failures before delays start, per e-mail address and per client address.
const FREE_FAILURES_PER_EMAIL: i64 = 5;
const FREE_FAILURES_PER_ADDRESS: i64 = 20;
/// The first delay; each further failure doubles it, up to the cap.
const FIRST_DELAY_SECONDS: i64 = 30;
const MAX_DELAY_SECONDS: i64 = 15 * 60;
/// Failures older than this are forgotten.
const FAILURE_MEMORY_SECONDS: i64 = 24 * 60 * 60;

fn delay_after(failures: i64, free: i64) -> i64 {
    if failures < free {
        return 0;
    }
    let doublings = (failures - free).min(16) as u32;
    (FIRST_DELAY_SECONDS << doublings).min(MAX_DELAY_SECONDS)
}

/// Seconds until another attempt is allowed for `key`, or 0. (Also the
/// throttle of password-reset requests, under keys of their own.)
pub(crate) async fn wait_for(pool: &DbPool, key: &str, free: i64, now: i64) -> sqlx::Result<i64> {
    let row: Option<(i64, i64)> = sqlx::query_as("SELECT failures, last_failure_at FROM login_failures WHERE key = $1")
        .bind(key)
        .fetch_optional(pool)
        .await?;
    Ok(match row {
        Some((failures, last)) if now - last < FAILURE_MEMORY_SECONDS => {
            (last + delay_after(failures, free) - now).max(0)
        }
        _ => 0,
    })
}

pub(crate) async fn record_failure(pool: &DbPool, key: &str, now: i64) -> sqlx::Result<()> {
    sqlx::query(
        "INSERT INTO login_failures (key, failures, last_failure_at) VALUES ($1, 1, $2) \
         ON CONFLICT (key) DO UPDATE SET failures = CASE WHEN $3 - login_failures.last_failure_at > $4 THEN 1 \
         ELSE login_failures.failures + 1 END, last_failure_at = excluded.last_failure_at",
    )
    .bind(key)
    .bind(now)
    .bind(now)
    .bind(FAILURE_MEMORY_SECONDS)
    .execute(pool)
    .await?;
    Ok(())
}

pub(crate) fn email_key(email: &str) -> String {
    format!("email:{}", email.trim().to_lowercase())
}

pub(crate) fn address_key(address: Option<&str>) -> String {
    format!("address:{}", address.unwrap_or("unknown"))
}

pub const WRONG_CREDENTIALS: &str = "That e-mail address and password don't match. Check both and try again.";

/// Checks the credentials and starts a fresh session. Unknown addresses and
/// wrong passwords get the same answer after the same work.
pub async fn sign_in(
    state: &AppState,
    session: &Session,
    email: &str,
    password: &str,
    request_id: Option<String>,
    client_address: Option<String>,
) -> Result<UserRow, AppError> {
    let email = email.trim();
    if email.is_empty() {
        return Err(AppError::invalid("email", "Enter your e-mail address."));
    }
    if password.is_empty() {
        return Err(AppError::invalid("password", "Enter your password."));
    }
    let now = state.clock.now();
    let pool = &state.pool;
    let by_email = email_key(email);
    let by_address = address_key(client_address.as_deref());
    // Always the e-mail's lock first, then the address's: no two attempts
    // can wait for each other.
    let _email_turn = state.sign_in_locks.lock(&by_email).await;
    let _address_turn = state.sign_in_locks.lock(&by_address).await;
    let wait = wait_for(pool, &by_email, FREE_FAILURES_PER_EMAIL, now)
        .await?
        .max(wait_for(pool, &by_address, FREE_FAILURES_PER_ADDRESS, now).await?);
    let mut entry = audit::Entry {
        user_email: email.to_lowercase(),
        role: String::new(),
        action: "SignIn".into(),
        request_id,
        client_address,
        ..audit::Entry::default()
    };
    if wait > 0 {
        audit::record(pool, &entry, Outcome::Denied, "throttled").await?;
        let minutes = (wait + 59) / 60;
        return Err(AppError::invalid(
            "form",
            format!(
                "Too many unsuccessful sign-ins. Wait {minutes} minute{} and try again.",
                if minutes == 1 { "" } else { "s" }
            ),
        ));
    }
    let user = user_by_email(pool, email).await?;
    let verified = match &user {
        Some(user) => passwords::verify(password, &user.password_hash),
        None => {
            passwords::verify_dummy(password);
            Verified::No
        }
    };
    let Some(user) = user.filter(|_| verified != Verified::No) else {
        record_failure(pool, &by_email, now).await?;
        record_failure(pool, &by_address, now).await?;
        audit::record(pool, &entry, Outcome::Failed, "wrong e-mail or password").await?;
        return Err(AppError::invalid("password", WRONG_CREDENTIALS));
    };
    entry.user_id = Some(user.id);
    entry.role = user.role.clone();
    entry.distributor_id = user.distributor_id.clone();
    entry.account_id = user.account_id.clone();
    if user.status == "disabled" {
        audit::record(pool, &entry, Outcome::Denied, "user disabled").await?;
        return Err(AppError::invalid(
            "form",
            "This sign-in has been turned off. Ask your administrator to turn it back on.",
        ));
    }
    if verified == Verified::YesRehash {
        sqlx::query("UPDATE users SET password_hash = $1 WHERE id = $2")
            .bind(passwords::hash(password))
            .bind(user.id)
            .execute(pool)
            .await?;
    }
    sqlx::query("DELETE FROM login_failures WHERE key = $1")
        .bind(&by_email)
        .execute(pool)
        .await?;
    // An empty session with a fresh id at sign-in: an id planted before
    // cannot be ridden, and nothing of an earlier user on this browser (a
    // created user's temporary password, say) is carried over.
    session.clear().await;
    session.cycle_id().await.map_err(session_error)?;
    session
        .insert(
            SESSION_KEY,
            SessionAuth {
                user_id: user.id,
                epoch: user.session_epoch,
                login_at: now,
                last_seen: now,
                view_as: None,
            },
        )
        .await
        .map_err(session_error)?;
    audit::record(pool, &entry, Outcome::Succeeded, "").await?;
    Ok(user)
}

/// Ends the session server-side (the store forgets it; the cookie is void).
pub async fn sign_out(state: &AppState, session: &Session, caller: Option<&Caller>) -> Result<(), AppError> {
    if let Some(caller) = caller {
        if let Some(view) = &caller.view_as {
            let entry = view_as_end_entry(caller, view);
            audit::record(&state.pool, &entry, Outcome::Succeeded, "ended by signing out").await?;
        }
        audit::record(&state.pool, &caller.audit("SignOut", &[]), Outcome::Succeeded, "").await?;
    }
    session.flush().await.map_err(session_error)
}

/// Changes the caller's own password; every other session of theirs ends.
pub async fn change_password(
    state: &AppState,
    session: &Session,
    caller: &Caller,
    input: NewPassword<'_>,
) -> Result<(), AppError> {
    let NewPassword { current, new, confirm } = input;
    let pool = &state.pool;
    let now = state.clock.now();
    // Throttled like sign-in, per user and per client address: a stolen
    // session must not become a way to guess the password.
    let by_user = format!("password-user:{}", caller.user_id);
    let by_address = address_key(caller.client_address.as_deref());
    let _user_turn = state.sign_in_locks.lock(&by_user).await;
    let _address_turn = state.sign_in_locks.lock(&by_address).await;
    let wait = wait_for(pool, &by_user, FREE_FAILURES_PER_EMAIL, now)
        .await?
        .max(wait_for(pool, &by_address, FREE_FAILURES_PER_ADDRESS, now).await?);
    let entry = caller.audit("ChangePassword", &[&caller.user_id.to_string()]);
    if wait > 0 {
        audit::record(pool, &entry, Outcome::Denied, "throttled").await?;
        let minutes = (wait + 59) / 60;
        return Err(AppError::invalid(
            "current_password",
            format!(
                "Too many wrong passwords. Wait {minutes} minute{} and try again.",
                if minutes == 1 { "" } else { "s" }
            ),
        ));
    }
    let user = user_by_id(pool, caller.user_id).await?.ok_or(AppError::SignedOut)?;
    if passwords::verify(current, &user.password_hash) == Verified::No {
        record_failure(pool, &by_user, now).await?;
        record_failure(pool, &by_address, now).await?;
        audit::record(pool, &entry, Outcome::Failed, "wrong current password").await?;
        return Err(AppError::invalid(
            "current_password",
            "That isn't your current password.",
        ));
    }
    passwords::check_new(new, &user.email).map_err(|message| AppError::invalid("new_password", message))?;
    if new == current {
        return Err(AppError::invalid(
            "new_password",
            "Choose a password different from the current one.",
        ));
    }
    if new != confirm {
        return Err(AppError::invalid("confirm_password", "The two new passwords differ."));
    }
    let mut tx = state.pool.begin().await?;
    let (epoch,): (i64,) = sqlx::query_as(
        "UPDATE users SET password_hash = $1, must_change_password = 0, status = CASE status WHEN 'invited' \
         THEN 'active' ELSE status END, session_epoch = session_epoch + 1, \
         updated_at = $3 WHERE id = $2 RETURNING session_epoch",
    )
    .bind(passwords::hash(new))
    .bind(user.id)
    .bind(crate::ssr::db::now_text())
    .fetch_one(&mut *tx)
    .await?;
    // A reset link sent before is for a password that no longer exists.
    sqlx::query("DELETE FROM password_resets WHERE user_id = $1")
        .bind(user.id)
        .execute(&mut *tx)
        .await?;
    audit::record_in(
        &mut tx,
        &caller.audit("ChangePassword", &[&user.id.to_string()]),
        Outcome::Succeeded,
        "",
    )
    .await?;
    tx.commit().await?;
    // This session carries on under the new epoch (and a new id); the others are void.
    let mut auth: SessionAuth = session
        .get(SESSION_KEY)
        .await
        .map_err(session_error)?
        .ok_or(AppError::SignedOut)?;
    auth.epoch = epoch;
    session.cycle_id().await.map_err(session_error)?;
    session.insert(SESSION_KEY, auth).await.map_err(session_error)?;
    Ok(())
}

/// Begins a read-only, expiring, audited look at an Account's Manager portal.
pub async fn start_view_as(
    state: &AppState,
    session: &Session,
    caller: &Caller,
    account_id: &str,
    reason: &str,
) -> Result<ViewAs, AppError> {
    let reason = reason.trim();
    if reason.chars().count() < 10 {
        return Err(AppError::invalid(
            "reason",
            "Say why you need to look (at least 10 characters); it is recorded in the audit log.",
        ));
    }
    let tenant = account_in_scope(state, caller, account_id).await?;
    let account = tenant.client.account(account_id).await?;
    let view = ViewAs {
        distributor_id: tenant.distributor_id.clone(),
        account_id: account_id.to_string(),
        account_name: account.account_name,
        reason: reason.to_string(),
        expires_at: state.clock.now() + state.auth.view_as_lifetime.as_secs() as i64,
    };
    let mut auth: SessionAuth = session
        .get(SESSION_KEY)
        .await
        .map_err(session_error)?
        .ok_or(AppError::SignedOut)?;
    let mut entry = caller.audit("ViewAsStarted", &[account_id]);
    entry.distributor_id = Some(tenant.distributor_id);
    entry.account_id = Some(account_id.to_string());
    audit::record(&state.pool, &entry, Outcome::Succeeded, reason).await?;
    auth.view_as = Some(view.clone());
    session.insert(SESSION_KEY, auth).await.map_err(session_error)?;
    Ok(view)
}

pub async fn stop_view_as(state: &AppState, session: &Session, caller: &Caller) -> Result<(), AppError> {
    let Some(view) = &caller.view_as else {
        return Ok(());
    };
    let mut auth: SessionAuth = session
        .get(SESSION_KEY)
        .await
        .map_err(session_error)?
        .ok_or(AppError::SignedOut)?;
    auth.view_as = None;
    session.insert(SESSION_KEY, auth).await.map_err(session_error)?;
    audit::record(
        &state.pool,
        &view_as_end_entry(caller, view),
        Outcome::Succeeded,
        "ended by the viewer",
    )
    .await?;
    Ok(())
}

/// The audit row that ends a view-as, in the viewed Account's scope (so
/// its Manager sees it too).
fn view_as_end_entry(caller: &Caller, view: &ViewAs) -> audit::Entry {
    let mut entry = caller.audit("ViewAsEnded", &[&view.account_id]);
    entry.distributor_id = Some(view.distributor_id.clone());
    entry.account_id = Some(view.account_id.clone());
    entry
}

fn session_error(error: tower_sessions::session::Error) -> AppError {
    tracing::error!(%error, "session store");
    AppError::Internal
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn delays_start_after_the_free_failures_and_double_up_to_the_cap() {
        assert_eq!(delay_after(4, 5), 0);
        assert_eq!(delay_after(5, 5), 30);
        assert_eq!(delay_after(6, 5), 60);
        assert_eq!(delay_after(7, 5), 120);
        assert_eq!(delay_after(40, 5), MAX_DELAY_SECONDS);
    }
}
