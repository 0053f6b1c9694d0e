//! Data shown by pages, shared by the server and the browser.

use serde::{Deserialize, Serialize};

use crate::policy::Role;

/// The person using the portal and what they may see.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CurrentUser {
    pub display_name: String,
    pub email: String,
    /// The role in effect (Manager while viewing as one).
    pub role: Role,
    pub role_label: String,
    /// The Distributor or Account the role reaches ("All Distributors" for the platform).
    pub scope_label: String,
    /// Where "home" is for this role.
    pub home: String,
    pub nav: Vec<NavItem>,
    pub must_change_password: bool,
    pub view_as: Option<ViewAsBanner>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct NavItem {
    pub href: String,
    pub label: String,
}

/// Shown on every page while an administrator views a Manager's portal.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ViewAsBanner {
    pub account_id: String,
    pub account_name: String,
    pub reason: String,
    pub minutes_left: i64,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AccountRow {
    pub id: String,
    pub name: String,
    pub subscribers: u32,
    pub address: String,
}

/// How the accounts list is ordered; lives in the URL as `sort=`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub enum AccountSort {
    #[default]
    Name,
    NameDesc,
    Subscribers,
    SubscribersDesc,
}

impl AccountSort {
    pub fn from_param(value: &str) -> Self {
        match value {
            "-name" => Self::NameDesc,
            "subscribers" => Self::Subscribers,
            "-subscribers" => Self::SubscribersDesc,
            _ => Self::Name,
        }
    }

    pub fn as_param(self) -> &'static str {
        match self {
            Self::Name => "name",
            Self::NameDesc => "-name",
            Self::Subscribers => "subscribers",
            Self::SubscribersDesc => "-subscribers",
        }
    }
}

/// One page of the Distributor's accounts, as listed on the dashboard.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AccountsPage {
    pub distributor_name: String,
    pub rows: Vec<AccountRow>,
    /// 1-based; clamped to the last page.
    pub page: u32,
    pub total_pages: u32,
    /// Accounts matching the search, on all pages.
    pub total: u32,
    pub per_page: u32,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SubscriberRow {
    pub id: String,
    pub name: String,
    pub email: String,
    pub role: String,
    pub numbers: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AccountDetail {
    pub distributor_name: String,
    /// The Distributor's accounts list, for callers who reach it.
    pub distributor_href: Option<String>,
    /// The caller may open this Account's Manager portal in "view as".
    pub can_view_as: bool,
    pub id: String,
    pub name: String,
    pub address: String,
    pub subscribers: Vec<SubscriberRow>,
}

pub const ACCOUNTS_PER_PAGE: u32 = 10;

pub const USERS_PER_PAGE: u32 = 20;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct UserListItem {
    pub id: i64,
    pub email: String,
    pub display_name: String,
    pub role: Role,
    pub distributor_id: Option<String>,
    pub account_id: Option<String>,
    /// invited | active | disabled
    pub status: String,
    /// The caller may disable, re-enable or change the role of this user.
    pub editable: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct UsersPage {
    pub rows: Vec<UserListItem>,
    pub page: u32,
    pub total_pages: u32,
    pub total: u32,
    /// Roles the caller may give.
    pub grantable: Vec<Role>,
}

/// The user-creation form.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct NewUser {
    pub email: String,
    pub display_name: String,
    /// A `Role` variant name, e.g. `Manager`.
    pub role: String,
    /// For distributor roles created by the Platform admin.
    pub distributor_id: String,
    /// For account roles created by distributor staff.
    pub account_id: String,
}

/// A user just created: the temporary password is shown once.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CreatedUser {
    pub id: i64,
    pub email: String,
    pub temporary_password: String,
}

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
    pub outcome: String,
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

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DistributorRow {
    pub id: String,
    pub name: String,
    pub api_base_url: String,
    pub account_key: String,
    /// Whether a client could be built from the stored, sealed credential.
    pub connected: bool,
}

/// A Subscriber's own lines, their data use and the restrictions on them.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct MyLines {
    pub name: String,
    pub account_name: String,
    pub lines: Vec<LineSummary>,
    pub guardian: Option<GuardianSummary>,
}

/// A Manager's home: the family, its lines, their data use and what needs attention.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FamilyOverview {
    pub account_id: String,
    pub account_name: String,
    pub members: Vec<Member>,
    pub alerts: Vec<Alert>,
    /// The caller may change limits (a Manager, not someone viewing as one).
    pub can_manage: bool,
    /// The caller may add members.
    pub can_add_members: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Member {
    pub subscriber_id: String,
    pub name: String,
    pub email: String,
    /// Telegent role: Manager, Account Admin or Subscriber.
    pub role: String,
    pub lines: Vec<LineSummary>,
    /// For Subscribers (the children): the AI Guardian's state.
    pub guardian: Option<GuardianSummary>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct LineSummary {
    /// E.164.
    pub msisdn: String,
    /// As people read it: +1 (801) 555-0101.
    pub display: String,
    pub usage: LineUsage,
}

/// What the network does to a line now.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Behaviour {
    Normal,
    Notified,
    Throttled,
    Blocked,
    Unknown,
}

impl Behaviour {
    pub fn label(self) -> &'static str {
        match self {
            Behaviour::Normal => "Normal",
            Behaviour::Notified => "Warned",
            Behaviour::Throttled => "Slowed down",
            Behaviour::Blocked => "Data blocked",
            Behaviour::Unknown => "Unknown",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct LineUsage {
    pub used_kb: u64,
    pub limit_kb: u64,
    pub notify_kb: Option<u64>,
    pub throttle_kb: Option<u64>,
    pub throttle_speed: Option<String>,
    pub behaviour: Behaviour,
    /// No limit set: the platform default applies.
    pub is_default: bool,
    /// `M` or `W` with the day, when known.
    pub renewal: Option<RenewalView>,
}

impl LineUsage {
    /// Share of the limit used, 0–100.
    pub fn percent(&self) -> u32 {
        if self.limit_kb == 0 {
            return 0;
        }
        ((self.used_kb.min(self.limit_kb) * 100) / self.limit_kb) as u32
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RenewalView {
    pub period: String,
    pub day: i64,
    pub auto_renew: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct GuardianSummary {
    pub calls_on: bool,
    pub messages_on: bool,
    /// The message filter's mode in words, if there is one.
    pub message_filter: Option<String>,
    pub allowed: usize,
    pub blocked: usize,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Alert {
    /// `danger`, `warning` or `info`.
    pub level: String,
    pub message: String,
}

/// One line's data page: settings, usage and the samples for the chart.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct LineDetail {
    pub account_id: String,
    pub account_name: String,
    pub owner: String,
    pub line: LineSummary,
    /// (seconds since the cycle began, used KB), oldest first.
    pub samples: Vec<(i64, u64)>,
    pub can_manage: bool,
    /// `None` when voicemail could not be read (the rest of the page still shows).
    pub voicemail: Option<VoicemailView>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct VoicemailView {
    pub enabled: bool,
    pub email: String,
    pub first_name: String,
    pub last_name: String,
}

/// One child's AI Guardian: switches, guardians, and the call and message
/// filters of one of their lines.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct GuardianDetail {
    pub account_id: String,
    pub account_name: String,
    pub subscriber_id: String,
    pub name: String,
    /// The child's lines (E.164, display).
    pub lines: Vec<(String, String)>,
    /// The line whose filters are shown.
    pub line: String,
    pub calls_on: bool,
    pub messages_on: bool,
    /// Linked guardians (subscriber id, name).
    pub guardians: Vec<(String, String)>,
    /// Members who could be linked.
    pub candidates: Vec<(String, String)>,
    pub call_filter: Option<CallFilterView>,
    pub message_filter: Option<MessageFilterView>,
    pub can_manage: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CallFilterView {
    /// `WHITELIST` (only listed numbers) or `BLACKLIST` (all but listed).
    pub mode: String,
    pub allowed: Vec<String>,
    pub blocked: Vec<String>,
    pub block_unknown: bool,
    pub block_international: bool,
    pub inbound: bool,
    pub outbound: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct MessageFilterView {
    /// A level (`CHILD`, `ADOLESCENT`, `TEENAGER`) or `ACTIVE`, `MONITOR_ONLY`, `INACTIVE`.
    pub mode: String,
    pub allowed: Vec<String>,
    pub blocked: Vec<String>,
    pub block_links: bool,
    pub block_media: bool,
    pub block_unknown: bool,
    pub inbound: bool,
    pub outbound: bool,
    pub keywords: String,
    pub notify: Vec<String>,
}

/// Message filter modes with what they mean, in the order the form offers them.
pub const MESSAGE_MODES: [(&str, &str); 6] = [
    ("CHILD", "Child: the strictest filtering, for young children"),
    ("ADOLESCENT", "Adolescent: filters most adult and risky content"),
    (
        "TEENAGER",
        "Teenager: the lightest filtering, blocks the clearly harmful",
    ),
    (
        "ACTIVE",
        "Lists only: only the allowed and blocked contacts below apply",
    ),
    (
        "MONITOR_ONLY",
        "Monitor only: nothing is blocked, guardians are told about risky messages",
    ),
    ("INACTIVE", "Off: the filter is kept but does nothing"),
];

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
