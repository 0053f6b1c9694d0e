//! One member of an Account: their lines, subscriptions and restrictions.

use serde::{Deserialize, Serialize};

use crate::guardian::model::GuardianSummary;
use crate::lines::model::LineSummary;

/// One member of an Account: who they are, their lines (status and data use),
/// the subscriptions billed for those lines and the restrictions on them.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct MemberDetail {
    pub account_id: String,
    pub account_name: String,
    pub subscriber_id: String,
    pub name: String,
    pub email: String,
    /// Telegent role: Manager, Account Admin or Subscriber.
    pub role: String,
    pub lines: Vec<MemberLine>,
    pub subscriptions: Vec<MemberSubscription>,
    /// For Subscribers: the AI Guardian's state (None when off-limits or unread).
    pub guardian: Option<GuardianSummary>,
    /// The caller may change this member's name and e-mail.
    pub can_edit: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct MemberLine {
    pub summary: LineSummary,
    /// Telegent's status of the number (active, parked…), when it could be read.
    pub status: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct MemberSubscription {
    pub subscription_id: String,
    pub package: String,
    /// The line it bills, for display, when known.
    pub line: Option<String>,
    pub kind: String,
    pub active: bool,
}
