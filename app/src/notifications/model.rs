//! What the notification centre shows.

use serde::{Deserialize, Serialize};

/// Notifications listed per page (newest first).
pub const SHOWN: i64 = 50;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum NoticeKind {
    /// Takeover protection: something that could move a number away.
    Takeover,
    /// A port-in's status changed.
    PortIn,
}

impl NoticeKind {
    pub fn as_str(self) -> &'static str {
        match self {
            NoticeKind::Takeover => "Takeover",
            NoticeKind::PortIn => "PortIn",
        }
    }

    pub fn label(value: &str) -> &'static str {
        match value {
            "Takeover" => "Security alert",
            "PortIn" => "Port-in",
            _ => "Notice",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Notice {
    pub id: i64,
    pub kind: String,
    pub title: String,
    pub body: String,
    /// A page of the portal it is about (empty: none).
    pub link: String,
    pub created_at: String,
    pub read: bool,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct NoticesPage {
    pub items: Vec<Notice>,
    pub unread: u32,
}
