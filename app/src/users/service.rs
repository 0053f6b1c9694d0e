//! Portal users inside the caller's scope: list, create with a temporary
//! password, disable, re-enable, change role. Account-level users (Account
//! Admin, Manager, Subscriber) are linked to a Telegent subscriber of the
//! same role, created or found by e-mail.

use crate::ssr::db::DbPool;
use telegent::ops::subscribers::{SubscriberCreateRequest, SubscriberUpdateRequest};

use super::model::{NewUser, UserListItem, UserStatus, UsersPage, USERS_PER_PAGE};
use crate::error::AppError;
use crate::policy::Role;
use crate::ssr::audit::{self, Outcome};
use crate::ssr::caller::{account_in_scope, distributor_in_scope, parse_role, Caller, UserRow, USER_COLUMNS};
use crate::ssr::{passwords, AppState};

/// Where a stored user sits, as seen by the caller's scope.
fn in_scope(caller: &Caller, user: &UserRow) -> bool {
    match caller.role {
        Role::PlatformAdmin => caller.view_as.is_none(),
        Role::DistributorAdmin | Role::DistributorViewer => {
            user.distributor_id.is_some() && user.distributor_id == caller.distributor_id
        }
        Role::AccountAdmin | Role::Manager => user.account_id.is_some() && user.account_id == caller.account_id,
        Role::Subscriber => user.id == caller.user_id,
    }
}

/// A user the caller may see; others (and unknown IDs) are "not found".
pub async fn user_in_scope(pool: &DbPool, caller: &Caller, user_id: i64) -> Result<UserRow, AppError> {
    let user = crate::ssr::caller::user_by_id(pool, user_id).await?;
    user.filter(|u| in_scope(caller, u)).ok_or(AppError::NotFound)
}

pub async fn list(state: &AppState, caller: &Caller, search: &str, page: u32) -> Result<UsersPage, AppError> {
    let rows: Vec<UserRow> = sqlx::query_as(&format!(
        "SELECT {USER_COLUMNS} FROM users ORDER BY lower(display_name), id"
    ))
    .fetch_all(&state.pool)
    .await?;
    let needle = search.trim().to_lowercase();
    let visible: Vec<UserListItem> = rows
        .into_iter()
        .filter(|u| in_scope(caller, u))
        .filter(|u| {
            needle.is_empty()
                || u.email.to_lowercase().contains(&needle)
                || u.display_name.to_lowercase().contains(&needle)
        })
        .map(|u| {
            // A stored role the portal does not know ranks as nobody's to
            // change (it is listed, under the least powerful label).
            let known = parse_role(&u.role);
            let role = known.unwrap_or(Role::Subscriber);
            UserListItem {
                editable: known.is_some()
                    && u.id != caller.user_id
                    && caller.role.may_grant(role)
                    && caller.view_as.is_none(),
                id: u.id,
                email: u.email,
                display_name: u.display_name,
                role,
                distributor_id: u.distributor_id,
                account_id: u.account_id,
                // Unknown statuses never grant anything: they read as disabled.
                status: UserStatus::parse(&u.status).unwrap_or(UserStatus::Disabled),
            }
        })
        .collect();
    let total = visible.len() as u32;
    let total_pages = total.div_ceil(USERS_PER_PAGE).max(1);
    let page = page.clamp(1, total_pages);
    let rows = visible
        .into_iter()
        .skip(((page - 1) * USERS_PER_PAGE) as usize)
        .take(USERS_PER_PAGE as usize)
        .collect();
    Ok(UsersPage {
        rows,
        page,
        total_pages,
        total,
        grantable: crate::policy::ROLES
            .into_iter()
            .filter(|r| caller.role.may_grant(*r))
            .collect(),
    })
}

/// A temporary password: 4 groups of 5 letters and digits (≈ 103 bits).
pub fn temporary_password() -> String {
    use rand::Rng;
    const ALPHABET: &[u8] = b"abcdefghjkmnpqrstuvwxyz23456789";
    let mut rng = rand::rng();
    (0..4)
        .map(|_| {
            (0..5)
                .map(|_| ALPHABET[rng.random_range(0..ALPHABET.len())] as char)
                .collect::<String>()
        })
        .collect::<Vec<_>>()
        .join("-")
}

pub fn valid_email(email: &str) -> bool {
    let Some((local, domain)) = email.split_once('@') else {
        return false;
    };
    !local.is_empty()
        && domain.contains('.')
        && !domain.starts_with('.')
        && !domain.ends_with('.')
        && !email.chars().any(char::is_whitespace)
        && email.len() <= 254
}

/// Creates a user with a temporary password (returned once, to be handed
/// over; the person must choose their own at first sign-in).
pub async fn create(state: &AppState, caller: &Caller, input: NewUser) -> Result<(i64, String), AppError> {
    let email = input.email.trim().to_lowercase();
    let name = input.display_name.trim().to_string();
    if name.is_empty() {
        return Err(AppError::invalid("display_name", "Enter the person's name."));
    }
    if !valid_email(&email) {
        return Err(AppError::invalid(
            "email",
            "Enter an e-mail address like name@example.com.",
        ));
    }
    let role = parse_role(&input.role).ok_or_else(|| AppError::invalid("role", "Choose a role."))?;
    if !caller.role.may_grant(role) {
        return Err(AppError::invalid("role", "You can't give this role."));
    }
    let mut entry = caller.audit("CreateUser", &[&email]);
    let detail = format!("{email} as {}", role.label());
    let mut pending_audit = None;
    // Scope first: an unknown and a foreign Distributor or Account answer
    // alike (not found), whatever else is wrong with the form.
    let placement = match role {
        Role::PlatformAdmin => None,
        Role::DistributorAdmin | Role::DistributorViewer => {
            Some((distributor_in_scope(state, caller, input.distributor_id.trim())?, None))
        }
        Role::AccountAdmin | Role::Manager | Role::Subscriber => {
            // Account roles add to their own Account (the form leaves the
            // field empty); any other ID is checked like every argument.
            let given = input.account_id.trim();
            let account_id = match &caller.account_id {
                Some(own) if given.is_empty() => own.clone(),
                _ => given.to_string(),
            };
            if account_id.is_empty() {
                return Err(AppError::invalid("account_id", "Enter the Account's ID (AID-…)."));
            }
            Some((account_in_scope(state, caller, &account_id).await?, Some(account_id)))
        }
    };
    let _email_turn = email_tries_left(state, caller).await?;
    if crate::ssr::caller::user_by_email(&state.pool, &email).await?.is_some() {
        return Err(note_email_refusal(state, caller, AppError::invalid("email", EMAIL_IN_USE)).await);
    }
    let (distributor_id, account_id, subscriber_id) = match placement {
        None => (None, None, None),
        Some((tenant, None)) => (Some(tenant.distributor_id), None, None),
        Some((tenant, Some(account_id))) => {
            entry.distributor_id = Some(tenant.distributor_id.clone());
            entry.account_id = Some(account_id.clone());
            // Telegent is changed first: audited before the call, completed after.
            let audit_id = audit::begin(&state.pool, &entry).await?;
            pending_audit = Some(audit_id);
            let telegent_role = role.telegent_role().unwrap_or("Subscriber");
            match link_subscriber(caller, &tenant.client, &account_id, &name, &email, telegent_role).await {
                Ok(subscriber_id) => (Some(tenant.distributor_id), Some(account_id), Some(subscriber_id)),
                Err(error) => {
                    audit::finish(&state.pool, audit_id, Outcome::Failed, &error.to_string()).await?;
                    return Err(note_email_refusal(state, caller, error).await);
                }
            }
        }
    };
    let temporary = temporary_password();
    let row = UserToStore {
        email: &email,
        name: &name,
        role,
        temporary: &temporary,
        distributor_id,
        account_id,
        subscriber_id,
    };
    let stored = store_user(state, &entry, pending_audit, &detail, row).await;
    if let (Err(_), Some(audit_id)) = (&stored, pending_audit) {
        // Telegent was changed but the portal's row was not written.
        audit::finish(
            &state.pool,
            audit_id,
            Outcome::Failed,
            "the portal user could not be stored",
        )
        .await?;
    }
    Ok((stored?, temporary))
}

/// A new user row: who, with which role and scope, and the temporary password.
struct UserToStore<'a> {
    email: &'a str,
    name: &'a str,
    role: Role,
    temporary: &'a str,
    distributor_id: Option<String>,
    account_id: Option<String>,
    subscriber_id: Option<String>,
}

/// Writes the new user and completes (or writes) the audit row, in one transaction.
async fn store_user(
    state: &AppState,
    entry: &audit::Entry,
    pending_audit: Option<i64>,
    detail: &str,
    row: UserToStore<'_>,
) -> Result<i64, AppError> {
    let UserToStore {
        email,
        name,
        role,
        temporary,
        distributor_id,
        account_id,
        subscriber_id,
    } = row;
    let mut entry = entry.clone();
    let mut tx = state.pool.begin().await?;
    let (id,): (i64,) = sqlx::query_as(
        "INSERT INTO users (email, display_name, password_hash, role, distributor_id, account_id, subscriber_id, \
         status, must_change_password) VALUES ($1, $2, $3, $4, $5, $6, $7, 'invited', 1) RETURNING id",
    )
    .bind(email)
    .bind(name)
    .bind(passwords::hash(temporary))
    .bind(format!("{role:?}"))
    .bind(&distributor_id)
    .bind(&account_id)
    .bind(&subscriber_id)
    .fetch_one(&mut *tx)
    .await?;
    let targets = format!("{id},{email}");
    match pending_audit {
        Some(audit_id) => {
            sqlx::query("UPDATE audit_log SET outcome = 'succeeded', detail = $1, target_ids = $2 WHERE id = $3")
                .bind(detail)
                .bind(&targets)
                .bind(audit_id)
                .execute(&mut *tx)
                .await?;
        }
        None => {
            entry.distributor_id = distributor_id.or(entry.distributor_id);
            entry.target_ids = vec![id.to_string(), email.to_string()];
            audit::record_in(&mut tx, &entry, Outcome::Succeeded, detail).await?;
        }
    }
    tx.commit().await?;
    Ok(id)
}

/// The Telegent subscriber for a new account-level user: the Account's
/// subscriber with this e-mail (its role brought in line), or a new one.
/// Telegent e-mails are platform-unique; a clash elsewhere is shown at the field.
async fn link_subscriber(
    caller: &Caller,
    client: &telegent::TelegentClient,
    account_id: &str,
    name: &str,
    email: &str,
    telegent_role: &str,
) -> Result<String, AppError> {
    let existing = crate::accounts::service::account_subscribers(client, account_id)
        .await?
        .into_iter()
        .find(|s| s.email.eq_ignore_ascii_case(email));
    if let Some(subscriber) = existing {
        if subscriber.role != telegent_role {
            // Linking must not demote or promote someone above the caller.
            // A role the portal does not know is nobody's to change.
            let current = crate::members::model::MemberRole::from_telegent(&subscriber.role).as_portal_role();
            if !current.is_some_and(|role| caller.role.may_grant(role)) {
                return Err(AppError::invalid(
                    "email",
                    "This address belongs to someone in this Account whose role you can't change.",
                ));
            }
            client
                .update_subscriber(&SubscriberUpdateRequest {
                    subscriber_id: subscriber.subscriber_id.clone(),
                    role: Some(telegent_role.into()),
                    ..SubscriberUpdateRequest::default()
                })
                .await?;
        }
        return Ok(subscriber.subscriber_id);
    }
    let created = client
        .create_subscriber(&SubscriberCreateRequest {
            name: name.into(),
            email: email.into(),
            role: telegent_role.into(),
            // Telegent requires one; people sign in to the portal, not to Telegent.
            password: temporary_password(),
            account_id: account_id.into(),
            ..SubscriberCreateRequest::default()
        })
        .await;
    created.map(|s| s.subscriber_id).map_err(email_taken)
}

/// Telegent e-mails are unique on the whole platform: its refusal of one is
/// shown at the e-mail field; any other error stays what it is.
pub fn email_taken(error: telegent::TelegentError) -> AppError {
    match error {
        telegent::TelegentError::Rejected { message, .. } if message.to_lowercase().contains("email") => {
            AppError::invalid("email", EMAIL_IN_USE)
        }
        other => other.into(),
    }
}

/// The same words whoever holds a taken address (a portal user here, a
/// subscriber of any Distributor): the answer says nothing of where.
pub const EMAIL_IN_USE: &str = "This e-mail address is already used. Choose another one.";

/// Taken-address refusals a user may get in [`EMAIL_WINDOW_SECONDS`]; past
/// that, e-mail addresses are not tried at all for a while (the refusals
/// would otherwise map who is on the platform).
const EMAIL_REFUSALS_PER_WINDOW: i64 = 5;
const EMAIL_WINDOW_SECONDS: i64 = 10 * 60;

async fn recent_email_refusals(state: &AppState, caller: &Caller) -> Result<i64, AppError> {
    let since = (chrono::Utc::now() - chrono::Duration::seconds(EMAIL_WINDOW_SECONDS))
        .format("%Y-%m-%dT%H:%M:%S%.3fZ")
        .to_string();
    let (count,): (i64,) =
        sqlx::query_as("SELECT COUNT(*) FROM audit_log WHERE user_id = $1 AND action = 'EmailInUse' AND at >= $2")
            .bind(caller.user_id)
            .bind(&since)
            .fetch_one(&state.pool)
            .await?;
    Ok(count)
}

/// Before an e-mail address is tried: the caller's turn (one try at a time
/// per user, so parallel requests cannot all pass the count), refused while
/// they are over the limit. Hold the turn until the refusal, if any, is noted.
pub async fn email_tries_left(state: &AppState, caller: &Caller) -> Result<tokio::sync::OwnedMutexGuard<()>, AppError> {
    let turn = state
        .sign_in_locks
        .lock(&format!("email-tries:{}", caller.user_id))
        .await;
    if recent_email_refusals(state, caller).await? >= EMAIL_REFUSALS_PER_WINDOW {
        return Err(AppError::invalid(
            "email",
            "Too many e-mail addresses were already in use. Wait ten minutes and try again.",
        ));
    }
    Ok(turn)
}

/// Passes `error` on; a taken-address refusal is recorded first (it counts
/// towards the limit, and shows in the audit log).
pub async fn note_email_refusal(state: &AppState, caller: &Caller, error: AppError) -> AppError {
    if error.field_message("email").as_deref() == Some(EMAIL_IN_USE) {
        let entry = caller.audit("EmailInUse", &[]);
        let _ = audit::record(&state.pool, &entry, Outcome::Denied, "e-mail address already in use").await;
    }
    error
}

/// Disables or re-enables a user; a disabled user's sessions end at once.
pub async fn set_enabled(state: &AppState, caller: &Caller, user_id: i64, enabled: bool) -> Result<(), AppError> {
    let user = editable_user(state, caller, user_id).await?;
    let status = if enabled {
        if user.must_change_password {
            "invited"
        } else {
            "active"
        }
    } else {
        "disabled"
    };
    let mut tx = state.pool.begin().await?;
    sqlx::query(
        "UPDATE users SET status = $1, session_epoch = session_epoch + 1, \
         updated_at = $3 WHERE id = $2",
    )
    .bind(status)
    .bind(user.id)
    .bind(crate::ssr::db::now_text())
    .execute(&mut *tx)
    .await?;
    let action = if enabled { "EnableUser" } else { "DisableUser" };
    audit::record_in(
        &mut tx,
        &audit_for(caller, action, &user),
        Outcome::Succeeded,
        &user.email,
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

/// Changes a user's role within the same level (distributor roles among
/// themselves, account roles among themselves), never above the caller's.
pub async fn change_role(state: &AppState, caller: &Caller, user_id: i64, role: &str) -> Result<(), AppError> {
    let user = editable_user(state, caller, user_id).await?;
    let new_role = parse_role(role).ok_or_else(|| AppError::invalid("role", "Choose a role."))?;
    if !caller.role.may_grant(new_role) {
        return Err(AppError::invalid("role", "You can't give this role."));
    }
    let old_role = parse_role(&user.role).ok_or(AppError::Internal)?;
    let level = |r: Role| match r {
        Role::PlatformAdmin => 0,
        Role::DistributorAdmin | Role::DistributorViewer => 1,
        _ => 2,
    };
    if level(old_role) != level(new_role) {
        return Err(AppError::invalid(
            "role",
            "A role at another level needs a new user (its scope differs).",
        ));
    }
    let mut entry = audit_for(caller, "ChangeRole", &user);
    let change = format!("{} → {}", old_role.label(), new_role.label());
    if let (Some(telegent_role), Some(subscriber_id), Some(account_id)) =
        (new_role.telegent_role(), &user.subscriber_id, &user.account_id)
    {
        // The linked Telegent subscriber carries the same role: change it
        // first (audited before and after), then the portal's own row.
        let tenant = account_in_scope(state, caller, account_id).await?;
        entry.account_id = Some(account_id.clone());
        let audit_id = audit::begin(&state.pool, &entry).await?;
        let updated = tenant
            .client
            .update_subscriber(&SubscriberUpdateRequest {
                subscriber_id: subscriber_id.clone(),
                role: Some(telegent_role.into()),
                ..SubscriberUpdateRequest::default()
            })
            .await;
        if let Err(error) = updated {
            audit::finish(&state.pool, audit_id, Outcome::Failed, &error.to_string()).await?;
            return Err(error.into());
        }
        let mut tx = state.pool.begin().await?;
        set_role(&mut tx, user.id, new_role).await?;
        sqlx::query("UPDATE audit_log SET outcome = 'succeeded', detail = $1 WHERE id = $2")
            .bind(&change)
            .bind(audit_id)
            .execute(&mut *tx)
            .await?;
        tx.commit().await?;
        return Ok(());
    }
    let mut tx = state.pool.begin().await?;
    set_role(&mut tx, user.id, new_role).await?;
    audit::record_in(&mut tx, &entry, Outcome::Succeeded, &change).await?;
    tx.commit().await?;
    Ok(())
}

/// A new role ends the user's sessions: they sign in again under it.
async fn set_role(tx: &mut crate::ssr::db::DbTransaction<'_>, user_id: i64, role: Role) -> sqlx::Result<()> {
    sqlx::query(
        "UPDATE users SET role = $1, session_epoch = session_epoch + 1, \
         updated_at = $3 WHERE id = $2",
    )
    .bind(format!("{role:?}"))
    .bind(user_id)
    .bind(crate::ssr::db::now_text())
    .execute(&mut **tx)
    .await?;
    Ok(())
}

/// An audit entry about a user, in that user's scope (so their own
/// Distributor or Account sees it, whoever made the change).
fn audit_for(caller: &Caller, action: &str, user: &UserRow) -> audit::Entry {
    let mut entry = caller.audit(action, &[&user.id.to_string()]);
    entry.distributor_id = user.distributor_id.clone().or(entry.distributor_id);
    entry.account_id = user.account_id.clone().or(entry.account_id);
    entry
}

/// A user in scope whom the caller may change: not themselves, not above them.
async fn editable_user(state: &AppState, caller: &Caller, user_id: i64) -> Result<UserRow, AppError> {
    let user = user_in_scope(&state.pool, caller, user_id).await?;
    // An unknown role is never taken for the least powerful one.
    let role = parse_role(&user.role).ok_or(AppError::Forbidden)?;
    if user.id == caller.user_id {
        return Err(AppError::invalid(
            "role",
            "Ask another administrator to change your own sign-in.",
        ));
    }
    if !caller.role.may_grant(role) {
        return Err(AppError::Forbidden);
    }
    Ok(user)
}
