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

/// An audit action in words: "SetDataLimits" → "Set data limits". The
/// stored name stays the code (filters and the CSV key off it); people read
/// this. A few read better said otherwise.
pub fn action_label(code: &str) -> String {
    let special = match code {
        "ManageDataLimits" => Some("Set data limits"),
        "SaveDistributorCredential" => Some("Saved a Distributor's credential"),
        "EmailInUse" => Some("E-mail address already in use"),
        "ViewAsStarted" => Some("Started viewing as the Manager"),
        "ViewAsEnded" => Some("Stopped viewing as the Manager"),
        "PasswordResetRequested" => Some("Asked for a password reset"),
        "SendPasswordReset" => Some("Sent a password reset link"),
        "EndSessions" => Some("Ended all sessions"),
        _ => None,
    };
    if let Some(words) = special {
        return words.to_string();
    }
    let mut words = String::new();
    for (i, c) in code.chars().enumerate() {
        if c.is_ascii_uppercase() && i > 0 {
            words.push(' ');
            words.push(c.to_ascii_lowercase());
        } else {
            words.push(c);
        }
    }
    words
}

/// A role as the audit log shows it: rows written before roles were stored
/// in words carry the code ("DistributorAdmin"), shown in words as well.
pub fn role_words(stored: &str) -> String {
    crate::policy::ROLES
        .into_iter()
        .find(|r| format!("{r:?}") == stored)
        .map_or_else(|| stored.to_string(), |r| r.label().to_string())
}

/// Whether the date range is backwards (both `YYYY-MM-DD`): nothing can match.
pub fn range_is_backwards(filter: &AuditFilter) -> bool {
    !filter.from.is_empty() && !filter.to.is_empty() && filter.from > filter.to
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn actions_and_roles_read_as_words() {
        assert_eq!(action_label("SetDataLimits"), "Set data limits");
        assert_eq!(action_label("ManageDataLimits"), "Set data limits");
        assert_eq!(action_label("SignIn"), "Sign in");
        assert_eq!(role_words("DistributorAdmin"), "Distributor admin");
        assert_eq!(
            role_words("Distributor admin viewing as Manager"),
            "Distributor admin viewing as Manager"
        );
    }

    #[test]
    fn a_from_after_to_is_backwards() {
        let mut f = AuditFilter {
            from: "2026-12-02".into(),
            to: "2026-12-01".into(),
            ..AuditFilter::default()
        };
        assert!(range_is_backwards(&f));
        f.to = "2026-12-02".into();
        assert!(!range_is_backwards(&f));
    }
}
