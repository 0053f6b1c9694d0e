//! Portal users inside the caller's scope: list, disable, re-enable, change
//! role (creating one is `users::create`). Account-level users (Account
//! Admin, Manager, Subscriber) are linked to a Telegent subscriber of the
//! same role, created or found by e-mail.

use crate::ssr::db::DbPool;
use telegent::ops::subscribers::SubscriberUpdateRequest;

use std::collections::HashMap;

use super::model::{Place, UserListItem, UserStatus, UsersPage, USERS_PER_PAGE};
use super::roles;
use crate::error::AppError;
use crate::policy::Role;
use crate::ssr::audit::{self, Outcome};
use crate::ssr::caller::{account_in_scope, distributor_in_scope, parse_role, Caller, UserRow, USER_COLUMNS};
use crate::ssr::AppState;

pub use super::create::{create, temporary_password};
pub use super::email_checks::{email_taken, email_tries_left, note_email_refusal, valid_email, EMAIL_IN_USE};

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
    let names = Names::for_caller(state, caller).await?;
    let platform = caller.role == Role::PlatformAdmin;
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
            let editable =
                known.is_some() && u.id != caller.user_id && caller.role.may_grant(role) && caller.view_as.is_none();
            UserListItem {
                editable,
                role_choices: if editable {
                    roles::changes(caller.role, role)
                } else {
                    Vec::new()
                },
                scope_label: names.scope_of(&u, platform),
                id: u.id,
                email: u.email,
                display_name: u.display_name,
                role,
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
    let account_level = roles::needs_account(caller.role);
    Ok(UsersPage {
        rows,
        page,
        total_pages,
        total,
        grantable: roles::grantable(caller.role),
        accounts: if account_level {
            Vec::new()
        } else {
            names.account_places(platform)
        },
        distributors: if platform {
            names.distributor_places()
        } else {
            Vec::new()
        },
        own_account: caller
            .account_id
            .as_ref()
            .filter(|_| account_level)
            .map(|id| names.account_name(id)),
        sees_outbox: caller.allows(crate::policy::Action::ViewOutbox),
    })
}

/// The names the users page shows for scopes: Distributors from the
/// portal's own table, Accounts from Telegent's (cached) account lists of
/// the Distributors the caller reaches. A list Telegent cannot give just
/// now leaves those Accounts unnamed rather than the page broken.
struct Names {
    distributors: HashMap<String, String>,
    /// Account ID → (name, Distributor ID).
    accounts: HashMap<String, (String, String)>,
}

impl Names {
    async fn for_caller(state: &AppState, caller: &Caller) -> Result<Names, AppError> {
        let distributors: Vec<(String, String)> = sqlx::query_as("SELECT distributor_id, name FROM distributors")
            .fetch_all(&state.pool)
            .await?;
        let reachable: Vec<String> = match caller.role {
            Role::PlatformAdmin => state.upstreams.distributor_ids(),
            _ => caller.distributor_id.clone().into_iter().collect(),
        };
        let mut accounts = HashMap::new();
        for distributor_id in &reachable {
            let Ok(tenant) = distributor_in_scope(state, caller, distributor_id) else {
                continue;
            };
            match &caller.account_id {
                // An account-level caller names only their own Account.
                Some(own) if roles::needs_account(caller.role) => match tenant.client.account(own).await {
                    Ok(account) => {
                        accounts.insert(own.clone(), (account.account_name, distributor_id.clone()));
                    }
                    Err(error) => tracing::warn!(%error, "the users page could not name the caller's Account"),
                },
                _ => match tenant.client.distributor_accounts().await {
                    Ok(list) => {
                        for account in list {
                            accounts.insert(account.account_id, (account.account_name, distributor_id.clone()));
                        }
                    }
                    Err(error) => tracing::warn!(%error, %distributor_id, "the users page could not name the Accounts"),
                },
            }
        }
        Ok(Names {
            distributors: distributors
                .into_iter()
                .filter(|(id, _)| reachable.contains(id))
                .collect(),
            accounts,
        })
    }

    fn distributor_name(&self, distributor_id: &str) -> String {
        self.distributors
            .get(distributor_id)
            .cloned()
            .unwrap_or_else(|| format!("{distributor_id} (name unavailable)"))
    }

    fn account_name(&self, account_id: &str) -> String {
        self.accounts
            .get(account_id)
            .map(|(name, _)| name.clone())
            .unwrap_or_else(|| format!("{account_id} (name unavailable)"))
    }

    /// What a user's role reaches; the Platform admin, who sees every
    /// tree, also reads whose an Account is.
    fn scope_of(&self, user: &UserRow, platform: bool) -> String {
        match (&user.account_id, &user.distributor_id) {
            (Some(account_id), _) => match (self.accounts.get(account_id), platform) {
                (Some((name, distributor_id)), true) => format!("{name} ({})", self.distributor_name(distributor_id)),
                _ => self.account_name(account_id),
            },
            (None, Some(distributor_id)) => self.distributor_name(distributor_id),
            (None, None) => "All Distributors".into(),
        }
    }

    fn account_places(&self, platform: bool) -> Vec<Place> {
        let mut places: Vec<Place> = self
            .accounts
            .iter()
            .map(|(id, (name, distributor_id))| Place {
                id: id.clone(),
                label: if platform {
                    format!("{name} ({})", self.distributor_name(distributor_id))
                } else {
                    name.clone()
                },
            })
            .collect();
        places.sort_by(|a, b| {
            a.label
                .to_lowercase()
                .cmp(&b.label.to_lowercase())
                .then(a.id.cmp(&b.id))
        });
        places
    }

    fn distributor_places(&self) -> Vec<Place> {
        let mut places: Vec<Place> = self
            .distributors
            .iter()
            .map(|(id, name)| Place {
                id: id.clone(),
                label: name.clone(),
            })
            .collect();
        places.sort_by(|a, b| {
            a.label
                .to_lowercase()
                .cmp(&b.label.to_lowercase())
                .then(a.id.cmp(&b.id))
        });
        places
    }
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
    if new_role == old_role {
        return Err(AppError::invalid(
            "role",
            format!("{} is {} already.", user.display_name, old_role.label()),
        ));
    }
    if roles::level(old_role) != roles::level(new_role) {
        return Err(AppError::invalid(
            "role",
            "A role at another level needs a new user (its scope differs).",
        ));
    }
    // The page's menu offers exactly these; anything else was not offered.
    if !roles::changes(caller.role, old_role).contains(&new_role) {
        return Err(AppError::invalid("role", "You can't give this role."));
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

/// Mails `user_id` a link to choose a new password (staff's "Send a reset
/// link"); the user's current password keeps working until they use it.
/// Returns the address it went to.
pub async fn send_reset(state: &AppState, caller: &Caller, user_id: i64) -> Result<String, AppError> {
    let user = editable_user(state, caller, user_id).await?;
    if user.status == "disabled" {
        return Err(AppError::invalid(
            "form",
            format!(
                "{} is disabled: re-enable them first, then send a link.",
                user.display_name
            ),
        ));
    }
    let entry = audit_for(caller, "SendPasswordReset", &user);
    let asker = crate::password_reset::service::Asker::Staff(&caller.display_name);
    crate::password_reset::service::issue(state, &user, &entry, asker).await?;
    Ok(user.email)
}

/// Ends every session of `user_id` at once (a lost phone, a shared
/// computer): they sign in again with their password.
pub async fn end_sessions(state: &AppState, caller: &Caller, user_id: i64) -> Result<(), AppError> {
    let user = editable_user(state, caller, user_id).await?;
    let mut tx = state.pool.begin().await?;
    sqlx::query("UPDATE users SET session_epoch = session_epoch + 1, updated_at = $2 WHERE id = $1")
        .bind(user.id)
        .bind(crate::ssr::db::now_text())
        .execute(&mut *tx)
        .await?;
    audit::record_in(
        &mut tx,
        &audit_for(caller, "EndSessions", &user),
        Outcome::Succeeded,
        &format!("every session of {} ended", user.email),
    )
    .await?;
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
