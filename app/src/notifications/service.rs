//! Telling people: a row per person in the notification centre, and for
//! takeover protection an e-mail (through the outbox) to the Account's
//! admins. A notice is never an error of the change that caused it: a
//! failure here is logged, the change stands.

use telegent::phone;

use super::model::{Notice, NoticeKind, NoticesPage, SHOWN};
use crate::error::AppError;
use crate::outbox::model::MailKind;
use crate::outbox::service::OutgoingMail;
use crate::ssr::context::InAccount;
use crate::ssr::db::{now_text, DbPool};
use crate::ssr::AppState;

fn internal(error: sqlx::Error) -> AppError {
    tracing::error!(%error, "notifications");
    AppError::Internal
}

/// The portal users of an Account with one of `roles`: (user ID, e-mail).
pub async fn people_of(pool: &DbPool, distributor_id: &str, account_id: &str, roles: &[&str]) -> Vec<(i64, String)> {
    let mut out = Vec::new();
    for role in roles {
        let rows: Result<Vec<(i64, String)>, _> = sqlx::query_as(
            "SELECT id, email FROM users WHERE distributor_id = $1 AND account_id = $2 AND role = $3 \
             AND status <> 'disabled' ORDER BY id",
        )
        .bind(distributor_id)
        .bind(account_id)
        .bind(role)
        .fetch_all(pool)
        .await;
        match rows {
            Ok(rows) => out.extend(rows),
            Err(error) => tracing::warn!(%error, "reading whom to notify"),
        }
    }
    out
}

/// One notice to each of `user_ids` (each once).
#[allow(clippy::too_many_arguments)]
pub async fn notify(
    pool: &DbPool,
    user_ids: &[i64],
    distributor_id: &str,
    account_id: &str,
    kind: NoticeKind,
    title: &str,
    body: &str,
    link: &str,
) {
    let mut told = Vec::new();
    for &user_id in user_ids {
        if told.contains(&user_id) {
            continue;
        }
        told.push(user_id);
        let result = sqlx::query(
            "INSERT INTO notifications (user_id, distributor_id, account_id, kind, title, body, link, created_at) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
        )
        .bind(user_id)
        .bind(distributor_id)
        .bind(account_id)
        .bind(kind.as_str())
        .bind(title)
        .bind(body)
        .bind(link)
        .bind(now_text())
        .execute(pool)
        .await;
        if let Err(error) = result {
            tracing::warn!(%error, user_id, "a notice was not written");
        }
    }
}

/// Takeover protection: `what` (a port-out PIN issued, a SIM swap, a number
/// swap) was done to `msisdn` — its Account's Manager and admins are told at
/// once in the portal, and its admins (else its Manager) by e-mail, with
/// who did it and when. SIM-swap and port-out fraud is how numbers are stolen.
pub async fn takeover_alert(ctx: &InAccount, what: &str, msisdn: &str) {
    let state = &ctx.state;
    let d = &ctx.tenant.distributor_id;
    let shown = phone::format_for_display(msisdn);
    let when = now_text();
    let who = format!("{} ({})", ctx.caller.display_name, ctx.caller.email);
    let title = format!("{what} on {shown}");
    let body = format!(
        "{what} on {shown} by {who} at {} UTC. If nobody in your account asked for this, \
         call your provider at once: this is how phone numbers are stolen.",
        when.get(..16).unwrap_or(&when).replace('T', " ")
    );
    let link = crate::links::line(&ctx.account_id, msisdn);
    let managers = people_of(&state.pool, d, &ctx.account_id, &["Manager"]).await;
    let admins = people_of(&state.pool, d, &ctx.account_id, &["AccountAdmin"]).await;
    let everyone: Vec<i64> = managers.iter().chain(admins.iter()).map(|(id, _)| *id).collect();
    notify(
        &state.pool,
        &everyone,
        d,
        &ctx.account_id,
        NoticeKind::Takeover,
        &title,
        &body,
        &link,
    )
    .await;
    let mail_to = if admins.is_empty() { &managers } else { &admins };
    for (_, email) in mail_to {
        let mail = OutgoingMail {
            kind: MailKind::TakeoverAlert,
            to: email.clone(),
            subject: format!("Security alert: {title}"),
            text: format!("{body}\n\nThe line: {}", state.mailer.link(&link)),
            distributor_id: Some(d.clone()),
            account_id: Some(ctx.account_id.clone()),
        };
        if let Err(error) = crate::outbox::service::send(state, &mail).await {
            tracing::warn!(%error, "a takeover alert was not queued");
        }
    }
}

/// A notice as read: id, kind, title, body, link, created at, read at.
type NoticeRow = (i64, String, String, String, String, String, Option<String>);

pub async fn list(state: &AppState, user_id: i64) -> Result<NoticesPage, AppError> {
    let rows: Vec<NoticeRow> = sqlx::query_as(
        "SELECT id, kind, title, body, link, created_at, read_at FROM notifications WHERE user_id = $1 \
         ORDER BY id DESC LIMIT $2",
    )
    .bind(user_id)
    .bind(SHOWN)
    .fetch_all(&state.pool)
    .await
    .map_err(internal)?;
    Ok(NoticesPage {
        items: rows
            .into_iter()
            .map(|(id, kind, title, body, link, created_at, read_at)| Notice {
                id,
                kind,
                title,
                body,
                link,
                created_at,
                read: read_at.is_some(),
            })
            .collect(),
        unread: unread(&state.pool, user_id).await,
    })
}

/// The caller's unread count (0 when it cannot be read: the menu still shows).
pub async fn unread(pool: &DbPool, user_id: i64) -> u32 {
    sqlx::query_as::<_, (i64,)>("SELECT COUNT(*) FROM notifications WHERE user_id = $1 AND read_at IS NULL")
        .bind(user_id)
        .fetch_one(pool)
        .await
        .map(|(n,)| n.clamp(0, i64::from(u32::MAX)) as u32)
        .unwrap_or(0)
}

/// Marks one of the caller's notices read (`None`: all of them). Another
/// person's notice reads as missing.
pub async fn mark_read(pool: &DbPool, user_id: i64, id: Option<i64>) -> Result<(), AppError> {
    let done = match id {
        Some(id) => {
            sqlx::query("UPDATE notifications SET read_at = $1 WHERE user_id = $2 AND id = $3 AND read_at IS NULL")
                .bind(now_text())
                .bind(user_id)
                .bind(id)
                .execute(pool)
                .await
                .map_err(internal)?
                .rows_affected()
        }
        None => {
            sqlx::query("UPDATE notifications SET read_at = $1 WHERE user_id = $2 AND read_at IS NULL")
                .bind(now_text())
                .bind(user_id)
                .execute(pool)
                .await
                .map_err(internal)?;
            return Ok(());
        }
    };
    if done == 0 {
        let (mine,): (i64,) = sqlx::query_as("SELECT COUNT(*) FROM notifications WHERE user_id = $1 AND id = $2")
            .bind(user_id)
            .bind(id.unwrap_or_default())
            .fetch_one(pool)
            .await
            .map_err(internal)?;
        if mine == 0 {
            return Err(AppError::NotFound);
        }
    }
    Ok(())
}
