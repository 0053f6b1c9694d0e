//! The audit log's filters, rows and pages.

use serde::{Deserialize, Serialize};

pub const AUDIT_PER_PAGE: u32 = 50;

/// Filters of the audit page; all live in the URL (absent ones match everything).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct AuditFilter {
    /// Part of the user's e-mail address.
    pub user: String,
    /// An exact action name, e.g. `SignIn`.
    pub action: String,
    /// pending | succeeded | failed | denied
    pub outcome: String,
    /// `YYYY-MM-DD`, inclusive.
    pub from: String,
    pub to: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AuditRow {
    pub id: i64,
    pub at: String,
    pub user_email: String,
    pub role: String,
    pub distributor_id: Option<String>,
    pub account_id: Option<String>,
    pub action: String,
    pub target_ids: String,
    pub outcome: Outcome,
    pub detail: String,
    pub request_id: Option<String>,
    pub client_address: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AuditPage {
    pub rows: Vec<AuditRow>,
    pub page: u32,
    pub total_pages: u32,
    pub total: u32,
    /// Action names present in the caller's scope, for the filter.
    pub actions: Vec<String>,
}

/// How an audited action ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Outcome {
    /// Written before an upstream call; completed after it.
    Pending,
    Succeeded,
    Failed,
    Denied,
    /// An ID outside the caller's scope (or missing): answered as "not found".
    NotFound,
}

impl Outcome {
    /// As stored, and as the filter's URL value.
    pub fn as_str(self) -> &'static str {
        match self {
            Outcome::Pending => "pending",
            Outcome::Succeeded => "succeeded",
            Outcome::Failed => "failed",
            Outcome::Denied => "denied",
            Outcome::NotFound => "not_found",
        }
    }

    pub fn parse(value: &str) -> Option<Self> {
        [
            Outcome::Pending,
            Outcome::Succeeded,
            Outcome::Failed,
            Outcome::Denied,
            Outcome::NotFound,
        ]
        .into_iter()
        .find(|o| o.as_str() == value)
    }
}
