//! Password-reset links: made for a user (by themselves from the sign-in
//! page, or by staff), mailed through the outbox, used once.
//!
//! - The token is 256 random bits; only its SHA-256 is stored. A fast hash
//!   is enough for a value nobody can guess (unlike a password), and a copy
//!   of the database still opens no account.
//! - A link works for [`LINK_MINUTES`], once; a newer link replaces older ones.
//! - Asking for a link answers the same whether or not the address has an
//!   account, and is throttled like sign-in, per address typed and per client.
//! - Using a link sets the password, ends every session of the user and is
//!   audited; so is every request and every refused link.

use argon2::password_hash::rand_core::{OsRng, RngCore};
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine as _;
use sha2::{Digest, Sha256};

use super::model::{LINK_DEAD, LINK_MINUTES};
use crate::error::AppError;
use crate::outbox::model::MailKind;
use crate::outbox::service::{queue_in, OutgoingMail};
use crate::session::service::{address_key, email_key, record_failure, wait_for};
use crate::ssr::audit::{self, Outcome};
use crate::ssr::caller::{parse_role, user_by_email, user_by_id, UserRow};
use crate::ssr::{passwords, AppState};

/// Requests for a link before delays start, per address typed and per
/// client (the delays then double, as for sign-in).
const FREE_REQUESTS_PER_EMAIL: i64 = 3;
const FREE_REQUESTS_PER_ADDRESS: i64 = 10;
/// Unknown or dead links tried from one client before it waits.
const FREE_DEAD_LINKS_PER_ADDRESS: i64 = 10;

/// A new token: 32 bytes from the operating system, URL-safe.
fn new_token() -> String {
    let mut bytes = [0u8; 32];
    OsRng.fill_bytes(&mut bytes);
    URL_SAFE_NO_PAD.encode(bytes)
}

/// What is stored of a token.
fn token_hash(token: &str) -> String {
    Sha256::digest(token.trim().as_bytes())
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// Who asked for the link, for the first line of the mail.
pub enum Asker<'a> {
    /// The person themselves, from the sign-in page.
    Themselves,
    /// Staff, from the users page (their name).
    Staff(&'a str),
}

fn mail_text(user: &UserRow, link: &str, asker: &Asker) -> String {
    let why = match asker {
        Asker::Themselves => format!(
            "Someone (we hope you) asked for a new password for your Telegent Portal sign-in, {}.",
            user.email
        ),
        Asker::Staff(name) => format!(
            "{name}, an administrator, sent you this link to choose a new password for your Telegent Portal sign-in, {}.",
            user.email
        ),
    };
    format!(
        "Hello {},\n\n{why}\n\nTo choose it, open this link within {LINK_MINUTES} minutes:\n\n{link}\n\n\
         The link works once. If you did not ask for it, ignore this message: your password stays as it is.\n",
        user.display_name
    )
}

/// Makes a link for `user`, mails it and writes `entry` (the audit row of
/// whoever asked), in one transaction; earlier links of the user end.
pub async fn issue(state: &AppState, user: &UserRow, entry: &audit::Entry, asker: Asker<'_>) -> Result<(), AppError> {
    let token = new_token();
    let now = state.clock.now();
    let link = state.mailer.link(&crate::links::reset_password(&token));
    let mail = OutgoingMail {
        kind: MailKind::PasswordReset,
        to: user.email.clone(),
        subject: "Choose a new password for Telegent Portal".into(),
        text: mail_text(user, &link, &asker),
        distributor_id: user.distributor_id.clone(),
        account_id: user.account_id.clone(),
    };
    let mut tx = state.pool.begin().await?;
    // Only the newest link works; long-dead ones of anybody are swept too.
    sqlx::query("DELETE FROM password_resets WHERE user_id = $1 OR expires_at < $2")
        .bind(user.id)
        .bind(now - 24 * 60 * 60)
        .execute(&mut *tx)
        .await?;
    sqlx::query("INSERT INTO password_resets (token_hash, user_id, created_at, expires_at) VALUES ($1, $2, $3, $4)")
        .bind(token_hash(&token))
        .bind(user.id)
        .bind(now)
        .bind(now + LINK_MINUTES * 60)
        .execute(&mut *tx)
        .await?;
    let queued = queue_in(&mut tx, &state.mailer, &mail).await?;
    let detail = format!("reset link mailed to {} (outbox #{})", user.email, queued.id);
    audit::record_in(&mut tx, entry, Outcome::Succeeded, &detail).await?;
    tx.commit().await?;
    queued.dispatch(state);
    Ok(())
}

/// The sign-in page's "Forgot your password?": a link for the account with
/// this address, if there is one that may sign in. The answer is the same
/// either way; only the throttle says anything, and it is keyed by what was
/// typed, so it says nothing about accounts either.
pub async fn request_link(
    state: &AppState,
    email: &str,
    request_id: Option<String>,
    client_address: Option<String>,
) -> Result<(), AppError> {
    let email = email.trim().to_lowercase();
    if email.is_empty() {
        return Err(AppError::invalid("email", "Enter the e-mail address you sign in with."));
    }
    if !crate::users::service::valid_email(&email) {
        return Err(AppError::invalid(
            "email",
            "Enter an e-mail address like name@example.com.",
        ));
    }
    let pool = &state.pool;
    let now = state.clock.now();
    let by_email = format!("reset-{}", email_key(&email));
    let by_address = format!("reset-{}", address_key(client_address.as_deref()));
    // The same order as sign-in: the e-mail's turn, then the address's.
    let _email_turn = state.sign_in_locks.lock(&by_email).await;
    let _address_turn = state.sign_in_locks.lock(&by_address).await;
    let wait = wait_for(pool, &by_email, FREE_REQUESTS_PER_EMAIL, now)
        .await?
        .max(wait_for(pool, &by_address, FREE_REQUESTS_PER_ADDRESS, now).await?);
    let mut entry = audit::Entry {
        user_email: email.clone(),
        action: "PasswordResetRequested".into(),
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
                "Several links were asked for in a short time. Wait {minutes} minute{} and try again.",
                if minutes == 1 { "" } else { "s" }
            ),
        ));
    }
    record_failure(pool, &by_email, now).await?;
    record_failure(pool, &by_address, now).await?;
    let user = user_by_email(pool, &email).await?.filter(|u| u.status != "disabled");
    let Some(user) = user else {
        audit::record(
            pool,
            &entry,
            Outcome::Failed,
            "no account that may sign in has this address",
        )
        .await?;
        return Ok(());
    };
    // In the user's scope, so their own administrators see it too.
    entry.user_id = Some(user.id);
    entry.role = role_label(&user);
    entry.distributor_id = user.distributor_id.clone();
    entry.account_id = user.account_id.clone();
    entry.target_ids = vec![user.id.to_string()];
    issue(state, &user, &entry, Asker::Themselves).await
}

fn role_label(user: &UserRow) -> String {
    parse_role(&user.role).map_or_else(|| user.role.clone(), |r| r.label().to_string())
}

/// The user of a link that still works now.
async fn live_link(state: &AppState, token: &str) -> Result<Option<UserRow>, AppError> {
    if token.trim().is_empty() {
        return Ok(None);
    }
    let row: Option<(i64, i64, Option<i64>)> =
        sqlx::query_as("SELECT user_id, expires_at, used_at FROM password_resets WHERE token_hash = $1")
            .bind(token_hash(token))
            .fetch_optional(&state.pool)
            .await?;
    let now = state.clock.now();
    let Some((user_id, _, _)) = row.filter(|(_, expires_at, used_at)| used_at.is_none() && *expires_at > now) else {
        return Ok(None);
    };
    Ok(user_by_id(&state.pool, user_id).await?)
}

/// The address a link is for, while it works (the reset page shows it).
pub async fn link_status(state: &AppState, token: &str) -> Result<Option<String>, AppError> {
    Ok(live_link(state, token)
        .await?
        .filter(|u| u.status != "disabled")
        .map(|u| u.email))
}

/// The reset form's three fields.
pub struct NewPassword<'a> {
    pub token: &'a str,
    pub new: &'a str,
    pub confirm: &'a str,
}

/// Sets the password of the link's user. The link is checked first (a dead
/// one changes nothing, whatever was typed), then every rule of a new
/// password at once; then the password, the end of every session of the
/// user and the link's use are one transaction with their audit row.
pub async fn reset(
    state: &AppState,
    choice: NewPassword<'_>,
    request_id: Option<String>,
    client_address: Option<String>,
) -> Result<(), AppError> {
    let NewPassword { token, new, confirm } = choice;
    let pool = &state.pool;
    let now = state.clock.now();
    let by_address = format!("reset-link-{}", address_key(client_address.as_deref()));
    let mut entry = audit::Entry {
        action: "PasswordReset".into(),
        request_id,
        client_address,
        ..audit::Entry::default()
    };
    let user = {
        let _turn = state.sign_in_locks.lock(&by_address).await;
        if wait_for(pool, &by_address, FREE_DEAD_LINKS_PER_ADDRESS, now).await? > 0 {
            audit::record(pool, &entry, Outcome::Denied, "throttled").await?;
            return Err(AppError::invalid("form", LINK_DEAD));
        }
        match live_link(state, token).await? {
            Some(user) => user,
            None => {
                record_failure(pool, &by_address, now).await?;
                audit::record(pool, &entry, Outcome::Failed, "unknown, used or expired link").await?;
                return Err(AppError::invalid("form", LINK_DEAD));
            }
        }
    };
    entry.user_id = Some(user.id);
    entry.user_email = user.email.clone();
    entry.role = role_label(&user);
    entry.distributor_id = user.distributor_id.clone();
    entry.account_id = user.account_id.clone();
    entry.target_ids = vec![user.id.to_string()];
    if user.status == "disabled" {
        audit::record(pool, &entry, Outcome::Denied, "user disabled").await?;
        return Err(AppError::invalid(
            "form",
            "This sign-in has been turned off. Ask your administrator to turn it back on.",
        ));
    }
    let mut problems = Vec::new();
    if let Err(message) = passwords::check_new(new, &user.email) {
        problems.push(AppError::invalid("new_password", message));
    }
    if new != confirm {
        problems.push(AppError::invalid("confirm_password", "The two passwords differ."));
    }
    if let Some(refused) = AppError::from_field_errors(problems) {
        return Err(refused);
    }
    let mut tx = pool.begin().await?;
    // Claimed in the transaction: of two posts of one link, one wins.
    let claimed = sqlx::query(
        "UPDATE password_resets SET used_at = $1 WHERE token_hash = $2 AND used_at IS NULL AND expires_at > $3",
    )
    .bind(now)
    .bind(token_hash(token))
    .bind(now)
    .execute(&mut *tx)
    .await?;
    if claimed.rows_affected() != 1 {
        tx.rollback().await?;
        return Err(AppError::invalid("form", LINK_DEAD));
    }
    sqlx::query(
        "UPDATE users SET password_hash = $1, must_change_password = 0, status = CASE status WHEN 'invited' \
         THEN 'active' ELSE status END, session_epoch = session_epoch + 1, updated_at = $3 WHERE id = $2",
    )
    .bind(passwords::hash(new))
    .bind(user.id)
    .bind(crate::ssr::db::now_text())
    .execute(&mut *tx)
    .await?;
    // The person proved they hold the address: earlier failed sign-ins
    // (someone else's guesses, perhaps) no longer hold them back.
    sqlx::query("DELETE FROM login_failures WHERE key = $1")
        .bind(email_key(&user.email))
        .execute(&mut *tx)
        .await?;
    audit::record_in(
        &mut tx,
        &entry,
        Outcome::Succeeded,
        "new password chosen through a reset link; every session ended",
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_are_long_random_and_stored_only_as_their_hash() {
        let (a, b) = (new_token(), new_token());
        assert_ne!(a, b);
        assert_eq!(a.len(), 43, "32 bytes, base64url without padding");
        assert!(a.chars().all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_'));
        let stored = token_hash(&a);
        assert_eq!(stored.len(), 64);
        assert!(!stored.contains(&a));
        assert_eq!(
            token_hash(&format!(" {a}\n")),
            stored,
            "a pasted link's spaces do not matter"
        );
    }

    #[test]
    fn the_answer_names_the_link_lifetime() {
        assert!(super::super::model::LINK_SENT.contains(&format!("{LINK_MINUTES} minutes")));
    }
}
