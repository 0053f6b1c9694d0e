//! Mail the portal sends: what one message is, and the outbox page's list.

use serde::{Deserialize, Serialize};

/// Messages per page of the outbox.
pub const MAIL_PER_PAGE: u32 = 20;

/// What a message is about. Later senders (port-in notices, takeover alerts)
/// add their own kind here, so the outbox can tell them apart.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum MailKind {
    /// A link to choose a new password (its body is a secret).
    PasswordReset,
    /// Anything else the portal tells someone.
    Notice,
    /// Takeover protection: a port-out PIN, a SIM swap or a number swap on
    /// one of the Account's lines.
    TakeoverAlert,
}

impl MailKind {
    pub const ALL: [MailKind; 3] = [MailKind::PasswordReset, MailKind::Notice, MailKind::TakeoverAlert];

    /// As stored.
    pub fn as_str(self) -> &'static str {
        match self {
            MailKind::PasswordReset => "PasswordReset",
            MailKind::Notice => "Notice",
            MailKind::TakeoverAlert => "TakeoverAlert",
        }
    }

    /// A stored kind; one this version does not know reads as a notice.
    pub fn parse(value: &str) -> MailKind {
        Self::ALL
            .into_iter()
            .find(|k| k.as_str() == value)
            .unwrap_or(MailKind::Notice)
    }

    pub fn label(self) -> &'static str {
        match self {
            MailKind::PasswordReset => "Password reset",
            MailKind::Notice => "Notice",
            MailKind::TakeoverAlert => "Security alert",
        }
    }

    /// Whether the body opens something (a reset link): such a body is
    /// never kept once it has really been sent by SMTP.
    pub fn body_is_secret(self) -> bool {
        matches!(self, MailKind::PasswordReset)
    }
}

/// Where a message stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Delivery {
    /// No mail server is configured: kept here, not sent.
    Kept,
    /// Handed to the SMTP server's queue, no answer yet.
    Sending,
    Sent,
    Failed,
}

impl Delivery {
    pub const ALL: [Delivery; 4] = [Delivery::Kept, Delivery::Sending, Delivery::Sent, Delivery::Failed];

    /// As stored.
    pub fn as_str(self) -> &'static str {
        match self {
            Delivery::Kept => "kept",
            Delivery::Sending => "sending",
            Delivery::Sent => "sent",
            Delivery::Failed => "failed",
        }
    }

    pub fn parse(value: &str) -> Option<Delivery> {
        Self::ALL.into_iter().find(|d| d.as_str() == value)
    }

    pub fn label(self) -> &'static str {
        match self {
            Delivery::Kept => "Not sent (no mail server)",
            Delivery::Sending => "Sending",
            Delivery::Sent => "Sent",
            Delivery::Failed => "Not delivered",
        }
    }
}

/// One message as the outbox page shows it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct OutboxItem {
    pub id: i64,
    /// UTC, ISO-8601 (`2026-12-02T09:30:00.000Z`).
    pub created_at: String,
    pub kind: MailKind,
    pub to: String,
    pub subject: String,
    /// The text body; `None` when it was not kept (a secret that was sent).
    pub text: Option<String>,
    pub delivery: Delivery,
    /// Why a delivery failed, in the mail server's words.
    pub delivery_note: String,
}

/// How this portal sends mail (the page says which).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum MailMode {
    /// No SMTP server: the outbox is the mail.
    OutboxOnly,
    Smtp,
}

/// One page of the outbox, newest first.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct OutboxList {
    pub rows: Vec<OutboxItem>,
    pub page: u32,
    pub total_pages: u32,
    pub total: u32,
    pub mode: MailMode,
}

/// The outbox page's filter and page, as they live in the URL.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct OutboxQuery {
    /// Part of the recipient's address; empty: everyone.
    #[serde(default)]
    pub to: String,
    /// 1-based.
    #[serde(default, deserialize_with = "crate::form_values::number")]
    pub page: u32,
}

/// The lines of a text body, with the web addresses in it marked, so the
/// page can make them links (only http and https, never `javascript:`).
pub fn body_lines(text: &str) -> Vec<BodyLine> {
    text.lines()
        .map(|line| {
            let trimmed = line.trim();
            let is_link = (trimmed.starts_with("https://") || trimmed.starts_with("http://"))
                && !trimmed.contains(char::is_whitespace);
            if is_link {
                BodyLine::Link(trimmed.to_string())
            } else {
                BodyLine::Text(line.to_string())
            }
        })
        .collect()
}

#[derive(Debug, Clone, PartialEq)]
pub enum BodyLine {
    Text(String),
    Link(String),
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stored_names_read_back_and_unknown_kinds_are_notices() {
        for kind in MailKind::ALL {
            assert_eq!(MailKind::parse(kind.as_str()), kind);
        }
        assert_eq!(MailKind::parse("PortInUpdate"), MailKind::Notice);
        for delivery in Delivery::ALL {
            assert_eq!(Delivery::parse(delivery.as_str()), Some(delivery));
        }
    }

    #[test]
    fn only_whole_http_lines_become_links() {
        let lines =
            body_lines("Hello\nhttps://portal.example/password/reset?token=abc\njavascript:alert(1)\nsee https://x y");
        assert_eq!(
            lines,
            [
                BodyLine::Text("Hello".into()),
                BodyLine::Link("https://portal.example/password/reset?token=abc".into()),
                BodyLine::Text("javascript:alert(1)".into()),
                BodyLine::Text("see https://x y".into()),
            ]
        );
    }
}
