//! Outgoing mail. Every message is written to the `outbox` table in the
//! transaction of the change that caused it, and only then, after the
//! commit, handed to SMTP (when one is configured): a rolled-back change
//! sends nothing, and a sent message is always on the record.
//!
//! Without SMTP (the sandbox and demo default) the table is the mail: the
//! outbox page shows what would have been sent. With SMTP it is the
//! delivery log, and a body that carries a secret (a reset link) is not
//! kept, so reading the outbox never opens an account.

use std::time::Duration;

use lettre::message::{header::ContentType, Mailbox};
use lettre::{AsyncSmtpTransport, AsyncTransport, Message, Tokio1Executor};

use super::model::{Delivery, MailKind, MailMode, OutboxItem, OutboxList, MAIL_PER_PAGE};
use crate::error::AppError;
use crate::policy::Role;
use crate::ssr::db::{numbered, DbPool, DbTransaction};
use crate::ssr::{AppState, Caller};

/// How mail leaves the portal, from the configuration.
#[derive(Debug, Clone)]
pub struct MailSettings {
    /// `smtps://user:password@host:465`, `smtp://host:587?tls=required`, …;
    /// `None`: keep mail in the outbox only.
    pub smtp_url: Option<String>,
    /// The sender, e.g. `Telegent Portal <portal@example.com>`.
    pub from: String,
    /// The portal's address as people reach it: links in mail start here.
    /// Configured, never taken from a request's `Host` (which anyone can
    /// set, and a reset link must not point at a stranger's site).
    pub public_url: String,
}

impl Default for MailSettings {
    fn default() -> Self {
        Self {
            smtp_url: None,
            from: "Telegent Portal <portal@localhost>".into(),
            public_url: "http://127.0.0.1:3000".into(),
        }
    }
}

/// The portal's mail component, built once at start.
pub struct Mailer {
    from: Mailbox,
    smtp: Option<AsyncSmtpTransport<Tokio1Executor>>,
    public_url: String,
}

// By hand: the SMTP transport holds the server's credentials.
impl std::fmt::Debug for Mailer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Mailer")
            .field("from", &self.from.to_string())
            .field("mode", &self.mode())
            .field("public_url", &self.public_url)
            .finish()
    }
}

/// A mail server that does not answer within this is given up on (the
/// message is marked failed; nobody waits for it).
const SMTP_TIMEOUT: Duration = Duration::from_secs(30);

impl Mailer {
    pub fn new(settings: &MailSettings) -> anyhow::Result<Mailer> {
        let from: Mailbox = settings.from.trim().parse().map_err(|_| {
            anyhow::anyhow!(
                "MAIL_FROM “{}” is not a sender like `Telegent Portal <portal@example.com>`",
                settings.from
            )
        })?;
        let smtp = match settings.smtp_url.as_deref().map(str::trim).filter(|u| !u.is_empty()) {
            None => None,
            Some(url) => {
                let transport = AsyncSmtpTransport::<Tokio1Executor>::from_url(url)
                    .map_err(|e| anyhow::anyhow!("SMTP_URL is not usable: {e}"))?
                    .timeout(Some(SMTP_TIMEOUT))
                    .build();
                Some(transport)
            }
        };
        Ok(Mailer {
            from,
            smtp,
            public_url: settings.public_url.trim().trim_end_matches('/').to_string(),
        })
    }

    /// Keeps mail in the outbox (tests, demos).
    pub fn outbox_only() -> Mailer {
        Mailer::new(&MailSettings::default()).expect("the default settings are valid")
    }

    pub fn mode(&self) -> MailMode {
        if self.smtp.is_some() {
            MailMode::Smtp
        } else {
            MailMode::OutboxOnly
        }
    }

    /// An absolute link to a page of the portal (`path` starts with `/`).
    pub fn link(&self, path: &str) -> String {
        format!("{}{path}", self.public_url)
    }
}

/// One message to send: to whom, what, and whose it is.
#[derive(Debug, Clone)]
pub struct OutgoingMail {
    pub kind: MailKind,
    pub to: String,
    pub subject: String,
    pub text: String,
    /// The recipient's Distributor and Account (their admins may read it).
    pub distributor_id: Option<String>,
    pub account_id: Option<String>,
}

/// A message written to the outbox, to be handed to SMTP after the commit.
#[must_use = "dispatch it after the transaction commits"]
pub struct Queued {
    pub id: i64,
    message: Option<Message>,
}

/// Writes `mail` to the outbox inside the caller's transaction.
pub async fn queue_in(tx: &mut DbTransaction<'_>, mailer: &Mailer, mail: &OutgoingMail) -> Result<Queued, AppError> {
    let (message, delivery, note) = match &mailer.smtp {
        None => (None, Delivery::Kept, String::new()),
        Some(_) => match build_message(mailer, mail) {
            Ok(message) => (Some(message), Delivery::Sending, String::new()),
            Err(why) => (None, Delivery::Failed, why),
        },
    };
    // A secret that really leaves by SMTP is not kept here as well.
    let kept_body = if message.is_some() && mail.kind.body_is_secret() {
        ""
    } else {
        mail.text.as_str()
    };
    let (id,): (i64,) = sqlx::query_as(
        "INSERT INTO outbox (kind, to_email, subject, body_text, distributor_id, account_id, delivery, \
         delivery_note, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id",
    )
    .bind(mail.kind.as_str())
    .bind(&mail.to)
    .bind(&mail.subject)
    .bind(kept_body)
    .bind(&mail.distributor_id)
    .bind(&mail.account_id)
    .bind(delivery.as_str())
    .bind(&note)
    .bind(crate::ssr::db::now_text())
    .fetch_one(&mut **tx)
    .await?;
    Ok(Queued { id, message })
}

impl Queued {
    /// Hands the message to SMTP in the background (nobody waits on a mail
    /// server; an answer that takes seconds would also tell a stranger that
    /// the address they typed has an account) and records the outcome.
    pub fn dispatch(self, state: &AppState) {
        let (Some(message), Some(transport)) = (self.message, state.mailer.smtp.clone()) else {
            return;
        };
        let pool = state.pool.clone();
        let id = self.id;
        tokio::spawn(async move {
            let (delivery, note) = match transport.send(message).await {
                Ok(_) => (Delivery::Sent, String::new()),
                Err(error) => {
                    tracing::warn!(%error, outbox_id = id, "SMTP delivery failed");
                    (Delivery::Failed, error.to_string().chars().take(300).collect())
                }
            };
            if let Err(error) = mark(&pool, id, delivery, &note).await {
                tracing::error!(%error, outbox_id = id, "recording an SMTP outcome");
            }
        });
    }
}

/// Sends one message on its own (for callers with no transaction of theirs).
pub async fn send(state: &AppState, mail: &OutgoingMail) -> Result<i64, AppError> {
    let mut tx = state.pool.begin().await?;
    let queued = queue_in(&mut tx, &state.mailer, mail).await?;
    tx.commit().await?;
    let id = queued.id;
    queued.dispatch(state);
    Ok(id)
}

fn build_message(mailer: &Mailer, mail: &OutgoingMail) -> Result<Message, String> {
    let to: Mailbox = mail
        .to
        .parse()
        .map_err(|_| "not an address a mail server takes".to_string())?;
    Message::builder()
        .from(mailer.from.clone())
        .to(to)
        .subject(mail.subject.clone())
        .header(ContentType::TEXT_PLAIN)
        .body(mail.text.clone())
        .map_err(|e| e.to_string())
}

async fn mark(pool: &DbPool, id: i64, delivery: Delivery, note: &str) -> sqlx::Result<()> {
    sqlx::query("UPDATE outbox SET delivery = $1, delivery_note = $2 WHERE id = $3")
        .bind(delivery.as_str())
        .bind(note)
        .bind(id)
        .execute(pool)
        .await?;
    Ok(())
}

/// `LIKE` text matching `needle` anywhere, its wildcards taken literally.
fn contains_pattern(needle: &str) -> String {
    let escaped = needle.replace('\\', "\\\\").replace('%', "\\%").replace('_', "\\_");
    format!("%{escaped}%")
}

/// One page of the mail the caller may read, newest first: all of it for
/// the Platform admin, mail to their own Distributor's people for its
/// admins (the policy table keeps everyone else out before this).
pub async fn list(state: &AppState, caller: &Caller, to: &str, page: u32) -> Result<OutboxList, AppError> {
    let mut filters: Vec<&str> = Vec::new();
    let mut binds: Vec<String> = Vec::new();
    match caller.role {
        Role::PlatformAdmin if caller.view_as.is_none() => {}
        Role::PlatformAdmin => return Err(AppError::Forbidden),
        _ => {
            let distributor_id = caller.distributor_id.clone().ok_or(AppError::Forbidden)?;
            filters.push("distributor_id = ?");
            binds.push(distributor_id);
        }
    }
    let to = to.trim().to_lowercase();
    if !to.is_empty() {
        filters.push("lower(to_email) LIKE ? ESCAPE '\\'");
        binds.push(contains_pattern(&to));
    }
    let clause = if filters.is_empty() {
        String::new()
    } else {
        format!(" WHERE {}", filters.join(" AND "))
    };
    let count_sql = numbered(&format!("SELECT COUNT(*) FROM outbox{clause}"));
    let mut count = sqlx::query_as::<_, (i64,)>(&count_sql);
    for value in &binds {
        count = count.bind(value);
    }
    let (total,) = count.fetch_one(&state.pool).await?;
    let total = total.max(0) as u32;
    let total_pages = total.div_ceil(MAIL_PER_PAGE).max(1);
    let page = page.clamp(1, total_pages);
    let rows_sql = numbered(&format!(
        "SELECT id, created_at, kind, to_email, subject, body_text, delivery, delivery_note FROM outbox{clause} \
         ORDER BY id DESC LIMIT ? OFFSET ?"
    ));
    let mut rows = sqlx::query_as::<_, (i64, String, String, String, String, String, String, String)>(&rows_sql);
    for value in &binds {
        rows = rows.bind(value);
    }
    let rows = rows
        .bind(i64::from(MAIL_PER_PAGE))
        .bind(i64::from((page - 1) * MAIL_PER_PAGE))
        .fetch_all(&state.pool)
        .await?;
    let rows = rows
        .into_iter()
        .map(
            |(id, created_at, kind, to, subject, body, delivery, delivery_note)| OutboxItem {
                id,
                created_at,
                kind: MailKind::parse(&kind),
                to,
                subject,
                text: (!body.is_empty()).then_some(body),
                // A state this version does not know is not claimed as sent.
                delivery: Delivery::parse(&delivery).unwrap_or(Delivery::Failed),
                delivery_note,
            },
        )
        .collect();
    Ok(OutboxList {
        rows,
        page,
        total_pages,
        total,
        mode: state.mailer.mode(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn like_wildcards_in_a_search_are_literal() {
        assert_eq!(contains_pattern("a_b%c\\"), "%a\\_b\\%c\\\\%");
    }

    #[test]
    fn a_bad_sender_or_smtp_url_is_refused_at_start() {
        let bad_from = MailSettings {
            from: "not an address".into(),
            ..MailSettings::default()
        };
        assert!(Mailer::new(&bad_from).unwrap_err().to_string().contains("MAIL_FROM"));
        let bad_url = MailSettings {
            smtp_url: Some("ftp://mail.example".into()),
            ..MailSettings::default()
        };
        assert!(Mailer::new(&bad_url).unwrap_err().to_string().contains("SMTP_URL"));
        let mailer = Mailer::new(&MailSettings {
            public_url: "https://portal.example/".into(),
            ..MailSettings::default()
        })
        .unwrap();
        assert_eq!(mailer.mode(), MailMode::OutboxOnly);
        assert_eq!(mailer.link("/password/reset"), "https://portal.example/password/reset");
    }
}
