//! One member of an Account: their lines, subscriptions and restrictions.

use serde::{Deserialize, Serialize};

use crate::guardian::model::GuardianSummary;
use crate::lines::model::LineSummary;
use crate::policy::Role;

/// One member of an Account: who they are, their lines (status and data use),
/// the subscriptions billed for those lines and the restrictions on them.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct MemberDetail {
    pub account_id: String,
    pub account_name: String,
    pub subscriber_id: String,
    pub name: String,
    pub email: String,
    pub role: MemberRole,
    pub lines: Vec<MemberLine>,
    pub subscriptions: Vec<MemberSubscription>,
    /// For Subscribers: the AI Guardian's state (None when off-limits or unread).
    pub guardian: Option<GuardianSummary>,
    /// The caller may change this member's name and e-mail.
    pub can_edit: bool,
    /// The caller may bill this member's lines on a package (subscriptions).
    #[serde(default)]
    pub can_subscribe: bool,
    /// What removing them would do, when the caller may remove them.
    pub removal: Option<RemovalPlan>,
    /// See `FamilyOverview::as_of_seconds`.
    #[serde(default)]
    pub as_of_seconds: Option<u64>,
    /// The caller may move them to another Account (Distributor staff).
    #[serde(default)]
    pub can_transfer: bool,
    /// The latest audited actions about them, newest first (for callers who
    /// may read the audit log; within the caller's scope).
    #[serde(default)]
    pub activity: Option<Vec<Activity>>,
    /// The roles the caller may give them (empty: no role form); never
    /// offered to someone about themselves.
    #[serde(default)]
    pub role_choices: Vec<MemberRole>,
}

/// One audited action about a member, in words.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Activity {
    /// As stored: ISO 8601, UTC.
    pub at: String,
    pub who: String,
    /// "Set data limits", never the code.
    pub action: String,
    /// "Done", "Failed", "Refused"…
    pub outcome: String,
    pub detail: String,
}

/// The transfer section of a member's page, for what was typed in
/// "Find the account": the Accounts it matches, or what moving to the one
/// chosen would do.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum TransferStep {
    /// Accounts of the Distributor matching the text (ID, name, subscribers).
    Choose(Vec<(String, String, u32)>),
    Preview(TransferPreview),
}

/// What moving a member to another Account of the same Distributor does,
/// for the confirmation.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TransferPreview {
    pub to_account_id: String,
    pub to_account_name: String,
    /// Their lines, for display: they move with them.
    pub lines: Vec<String>,
    /// The plans billed on those lines (package names): they move with the lines.
    pub subscriptions: Vec<String>,
    /// Guardian links with members of the Account they leave, in words
    /// ("guardian of Sam"): these end.
    pub links_ending: Vec<String>,
    /// Their portal sign-in moves to the new Account (they sign in again).
    pub signs_in: bool,
    /// Their role when it is more than Subscriber ("Account Admin"): they
    /// hold it in the new Account too.
    #[serde(default)]
    pub keeps_role: Option<String>,
    /// The destination's Managers when the member is a Manager too: the
    /// platform's convention is one per Account (a warning, not a refusal).
    pub other_managers: Vec<String>,
}

/// For the confirmation of removing a member.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RemovalPlan {
    /// Who could take over their lines (subscriber ID, name), the Manager first.
    pub heirs: Vec<(String, String)>,
    /// They sign in to the portal (the sign-in is turned off).
    pub signs_in: bool,
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
    pub kind: SubscriptionKind,
    pub active: bool,
}

/// A member's role as Telegent records it on the subscriber.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum MemberRole {
    AccountAdmin,
    Manager,
    Subscriber,
    /// A role the portal does not know: shown as Telegent spells it, and
    /// never treated as any of the above.
    Other(String),
}

impl MemberRole {
    pub fn from_telegent(value: &str) -> Self {
        match value {
            "Account Admin" => MemberRole::AccountAdmin,
            "Manager" => MemberRole::Manager,
            "Subscriber" => MemberRole::Subscriber,
            other => MemberRole::Other(other.to_string()),
        }
    }

    /// In Telegent's words.
    pub fn label(&self) -> &str {
        match self {
            MemberRole::AccountAdmin => "Account Admin",
            MemberRole::Manager => "Manager",
            MemberRole::Subscriber => "Subscriber",
            MemberRole::Other(other) => other,
        }
    }

    /// The portal role of the same rank, for the rules of who may act on whom.
    pub fn as_portal_role(&self) -> Option<Role> {
        match self {
            MemberRole::AccountAdmin => Some(Role::AccountAdmin),
            MemberRole::Manager => Some(Role::Manager),
            MemberRole::Subscriber => Some(Role::Subscriber),
            MemberRole::Other(_) => None,
        }
    }
}

/// What kind of line a subscription bills.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum SubscriptionKind {
    Voip,
    Mvno,
    Iot,
    /// Absent, or a kind the portal does not know (shown as sent).
    Other(String),
}

impl SubscriptionKind {
    pub fn from_telegent(value: Option<&str>) -> Self {
        match value.unwrap_or("").trim() {
            v if v.eq_ignore_ascii_case("voip") => SubscriptionKind::Voip,
            v if v.eq_ignore_ascii_case("mvno") => SubscriptionKind::Mvno,
            v if v.eq_ignore_ascii_case("iot") => SubscriptionKind::Iot,
            other => SubscriptionKind::Other(other.to_string()),
        }
    }

    /// In words.
    pub fn label(&self) -> &str {
        match self {
            SubscriptionKind::Voip => "VoIP",
            SubscriptionKind::Mvno => "Mobile",
            SubscriptionKind::Iot => "IoT",
            SubscriptionKind::Other(other) => other,
        }
    }
}
