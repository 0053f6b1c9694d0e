//! Creating a portal user with a temporary password. Account-level users
//! (Account Admin, Manager, Subscriber) are linked to a Telegent subscriber
//! of the same role, created or found by e-mail, and may be given lines of
//! their Account at once.

use telegent::ops::subscribers::{SubscriberCreateRequest, SubscriberUpdateRequest};

use super::email_checks::{email_taken, email_tries_left, note_email_refusal, valid_email, EMAIL_IN_USE};
use super::model::{CreatedUser, NewUser};
use super::roles;
use crate::error::AppError;
use crate::members::lines_given;
use crate::policy::Role;
use crate::ssr::audit::{self, Outcome};
use crate::ssr::caller::{account_in_scope, distributor_in_scope, parse_role, Caller, Tenant};
use crate::ssr::{passwords, AppState};

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

/// Creates a user with a temporary password (returned once, to be handed
/// over; the person must choose their own at first sign-in).
pub async fn create(state: &AppState, caller: &Caller, input: NewUser) -> Result<CreatedUser, AppError> {
    let email = input.email.trim().to_lowercase();
    let name = input.display_name.trim().to_string();
    // Every refusal of what was typed comes back at once, each at its field.
    let mut problems = Vec::new();
    let lines = match lines_given::parse(&input.phone_numbers) {
        Ok(lines) => lines,
        Err(refused) => {
            problems.push(refused);
            Vec::new()
        }
    };
    let role = match parse_role(&input.role) {
        Some(role) if caller.role.may_grant(role) => Some(role),
        Some(_) => {
            problems.push(AppError::invalid("role", "You can't give this role."));
            None
        }
        None => {
            problems.push(AppError::invalid("role", "Choose a role."));
            None
        }
    };
    // Scope first: an unknown and a foreign Distributor or Account answer
    // alike (not found), whatever else is wrong with the form.
    let placement = match role {
        Some(role) => match place(state, caller, role, &input).await {
            Ok(placement) => placement,
            Err(refused) if refused.is_invalid() => {
                problems.push(refused);
                None
            }
            Err(other) => return Err(other),
        },
        None => None,
    };
    // One Manager per Account is the platform's convention: warned, not refused.
    if let (Some(Role::Manager), Some((tenant, Some(account_id)))) = (role, &placement) {
        // The person being linked is no second Manager of their own Account.
        let managers = crate::accounts::service::managers_in(state, tenant, account_id, &input.email).await?;
        if !managers.is_empty() && !input.second_manager {
            problems.push(AppError::invalid(
                "second_manager",
                format!(
                    "This account already has a Manager ({}). The platform's convention is one: \
                     tick the box to add a second one anyway.",
                    managers.join(", ")
                ),
            ));
        }
    }
    if !lines.is_empty() && role.is_some_and(|role| !roles::needs_account(role)) {
        problems.push(AppError::invalid(
            lines_given::FIELD,
            "Only people in an Account hold lines: leave this empty for this role.",
        ));
    }
    if name.is_empty() {
        problems.push(AppError::invalid("display_name", "Enter the person's name."));
    }
    if !valid_email(&email) {
        problems.push(AppError::invalid(
            "email",
            "Enter an e-mail address like name@example.com.",
        ));
    }
    if let Some(refused) = AppError::from_field_errors(problems) {
        return Err(refused);
    }
    let role = role.ok_or(AppError::Internal)?;
    let mut entry = caller.audit("CreateUser", &[&email]);
    let mut detail = format!("{email} as {}", role.label());
    let mut pending_audit = None;
    let mut lines_not_given = Vec::new();
    let mut lines_failed = false;
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
            // Checked before anything changes: a refused line creates nobody.
            let lines = lines_given::free_lines(&tenant, &account_id, &lines, None).await?;
            // Telegent is changed first: audited before the call, completed after.
            let audit_id = audit::begin(&state.pool, &entry).await?;
            pending_audit = Some(audit_id);
            let telegent_role = role.telegent_role().unwrap_or("Subscriber");
            let subscriber =
                match link_subscriber(caller, &tenant.client, &account_id, &name, &email, telegent_role).await {
                    Ok(subscriber) => subscriber,
                    Err(error) => {
                        audit::finish(&state.pool, audit_id, Outcome::Failed, &error.to_string()).await?;
                        return Err(note_email_refusal(state, caller, error).await);
                    }
                };
            crate::read_model::write_through::subscriber_saved(
                &state.pool,
                &tenant.distributor_id,
                &subscriber,
                &account_id,
            )
            .await;
            // The person exists from here on: a line Telegent does not take
            // is said in the notice and the audit row, never by failing.
            let (given, failed) = lines_given::give(&tenant, &subscriber.subscriber_id, &lines).await;
            crate::read_model::write_through::lines_given(
                &state.pool,
                &tenant.distributor_id,
                &account_id,
                &subscriber.subscriber_id,
                &given,
            )
            .await;
            lines_not_given = lines[given.len()..].to_vec();
            lines_failed = failed.is_some();
            let lines_text = lines_given::audit_text(&given, failed.as_ref().map(|e| (&lines_not_given[..], e)));
            if !lines_text.is_empty() {
                detail.push_str(&format!("; {lines_text}"));
            }
            (
                Some(tenant.distributor_id),
                Some(account_id),
                Some(subscriber.subscriber_id),
            )
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
        // Telegent was changed but the portal's row was not written: the row
        // keeps what Telegent did.
        audit::finish(
            &state.pool,
            audit_id,
            Outcome::Failed,
            &format!("{detail}; the portal user could not be stored"),
        )
        .await?;
    }
    if let (Ok(_), Some(audit_id), true) = (&stored, pending_audit, lines_failed) {
        // The user exists; a line Telegent did not take makes the row a failure.
        audit::finish(&state.pool, audit_id, Outcome::Failed, &detail).await?;
    }
    Ok(CreatedUser {
        id: stored?,
        email,
        temporary_password: temporary,
        lines_not_given,
    })
}

/// Where a new user of `role` goes: nowhere for the Platform admin, the
/// chosen (or the caller's own) Distributor for distributor roles, the
/// chosen (or the caller's own) Account for account roles. An ID outside
/// the caller's scope is "not found"; no choice at all is a field error.
async fn place(
    state: &AppState,
    caller: &Caller,
    role: Role,
    input: &NewUser,
) -> Result<Option<(Tenant, Option<String>)>, AppError> {
    if role == Role::PlatformAdmin {
        return Ok(None);
    }
    if roles::needs_distributor(role) {
        let given = input.distributor_id.trim();
        if given.is_empty() && caller.distributor_id.is_none() {
            return Err(AppError::invalid("distributor_id", "Choose the Distributor."));
        }
        return Ok(Some((distributor_in_scope(state, caller, given)?, None)));
    }
    // Account-level callers add to their own Account (their form has no
    // choice); any other ID is checked like every argument.
    let given = input.account_id.trim();
    let account_id = match &caller.account_id {
        Some(own) if given.is_empty() => own.clone(),
        _ => given.to_string(),
    };
    if account_id.is_empty() {
        return Err(AppError::invalid("account_id", "Choose the Account."));
    }
    Ok(Some((
        account_in_scope(state, caller, &account_id).await?,
        Some(account_id),
    )))
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
) -> Result<telegent::types::Subscriber, AppError> {
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
            return Ok(client
                .update_subscriber(&SubscriberUpdateRequest {
                    subscriber_id: subscriber.subscriber_id.clone(),
                    role: Some(telegent_role.into()),
                    ..SubscriberUpdateRequest::default()
                })
                .await?);
        }
        return Ok(subscriber);
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
    created.map_err(email_taken)
}
