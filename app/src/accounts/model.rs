//! A Distributor's accounts, one Account's page and its family overview.

use serde::{Deserialize, Serialize};

use crate::guardian::model::GuardianSummary;
use crate::lines::model::LineSummary;
use crate::members::model::MemberRole;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AccountRow {
    pub id: String,
    pub name: String,
    pub subscribers: u32,
    pub address: String,
    /// Members with the Manager role (the platform's convention is one).
    #[serde(default)]
    pub managers: u32,
    /// Lines that are not cancelled.
    #[serde(default)]
    pub lines: u32,
}

/// How the accounts list is ordered; lives in the URL as `sort=`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub enum AccountSort {
    #[default]
    Name,
    NameDesc,
    Subscribers,
    SubscribersDesc,
    Lines,
    LinesDesc,
}

impl AccountSort {
    pub fn from_param(value: &str) -> Self {
        match value {
            "-name" => Self::NameDesc,
            "subscribers" => Self::Subscribers,
            "-subscribers" => Self::SubscribersDesc,
            "lines" => Self::Lines,
            "-lines" => Self::LinesDesc,
            _ => Self::Name,
        }
    }

    pub fn as_param(self) -> &'static str {
        match self {
            Self::Name => "name",
            Self::NameDesc => "-name",
            Self::Subscribers => "subscribers",
            Self::SubscribersDesc => "-subscribers",
            Self::Lines => "lines",
            Self::LinesDesc => "-lines",
        }
    }

    /// The ORDER BY of the read-model query (ties broken by ID).
    pub fn order_by(self) -> &'static str {
        match self {
            Self::Name => "name_key, account_id",
            Self::NameDesc => "name_key DESC, account_id DESC",
            Self::Subscribers => "subscribers, name_key, account_id",
            Self::SubscribersDesc => "subscribers DESC, name_key, account_id",
            Self::Lines => "lines, name_key, account_id",
            Self::LinesDesc => "lines DESC, name_key, account_id",
        }
    }
}

/// Accounts that need someone's attention, as the list's `needs=` filter.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub enum AccountNeeds {
    #[default]
    Any,
    /// No member is a Manager.
    NoManager,
    /// More than one member is a Manager.
    ManyManagers,
}

impl AccountNeeds {
    pub fn from_param(value: &str) -> Self {
        match value {
            "no-manager" => Self::NoManager,
            "many-managers" => Self::ManyManagers,
            _ => Self::Any,
        }
    }

    pub fn as_param(self) -> &'static str {
        match self {
            Self::Any => "",
            Self::NoManager => "no-manager",
            Self::ManyManagers => "many-managers",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Self::Any => "All accounts",
            Self::NoManager => "Without a Manager",
            Self::ManyManagers => "With more than one Manager",
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
    /// How current the copy the list was read from is.
    #[serde(default)]
    pub freshness: crate::read_model::model::Freshness,
    /// Where the caller creates an Account here, if they may.
    #[serde(default)]
    pub new_account_href: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SubscriberRow {
    pub id: String,
    pub name: String,
    pub email: String,
    pub role: MemberRole,
    pub numbers: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AccountDetail {
    pub distributor_name: String,
    /// The Distributor's accounts list, for callers who reach it.
    pub distributor_href: Option<String>,
    /// The caller may open this Account's Manager portal in "view as".
    pub can_view_as: bool,
    /// The caller may open the Account's routes.
    #[serde(default)]
    pub can_view_routes: bool,
    pub can_view_onboarding: bool,
    /// The caller may change the Account's name and addresses.
    #[serde(default)]
    pub can_edit: bool,
    pub id: String,
    pub name: String,
    pub address: String,
    pub subscribers: Vec<SubscriberRow>,
    /// Lines that are not cancelled (from the read model; `None` when the
    /// page was read from Telegent directly).
    #[serde(default)]
    pub lines: Option<u32>,
    /// How current the copy the page was read from is (`None`: read live).
    #[serde(default)]
    pub freshness: Option<crate::read_model::model::Freshness>,
}

pub const ACCOUNTS_PER_PAGE: u32 = 10;

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
    /// Seconds since the oldest saved copy on the page was read from
    /// Telegent, when part of it is a copy (see `components::as_of`).
    #[serde(default)]
    pub as_of_seconds: Option<u64>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Member {
    pub subscriber_id: String,
    pub name: String,
    pub email: String,
    pub role: MemberRole,
    pub lines: Vec<LineSummary>,
    /// For Subscribers (the children): the AI Guardian's state.
    pub guardian: Option<GuardianSummary>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Alert {
    pub level: AlertLevel,
    pub message: String,
    /// Where it is fixed, and what the link says.
    pub fix: Option<(String, String)>,
}

/// How urgent an alert is; the worst are listed first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub enum AlertLevel {
    Danger,
    Warning,
    Info,
}

impl AlertLevel {
    /// The style the page gives it.
    pub fn class(self) -> &'static str {
        match self {
            AlertLevel::Danger => "danger",
            AlertLevel::Warning => "warning",
            AlertLevel::Info => "info",
        }
    }
}

/// The Account form (create and edit), as posted: a flat list of fields so
/// a plain form post and the browser's call send the same names.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct AccountForm {
    /// Empty when creating.
    pub account_id: String,
    /// For a Platform admin creating under a Distributor; staff: empty (their own).
    pub distributor_id: String,
    pub name: String,
    /// The Manager's e-mail, sent to Telegent as the account admin contact.
    /// Asked when creating only.
    pub admin_email: String,
    pub billing_street1: String,
    pub billing_street2: String,
    pub billing_city: String,
    pub billing_state: String,
    pub billing_zip: String,
    pub billing_country: String,
    /// Ticked: the mailing address is the billing address.
    #[serde(deserialize_with = "crate::form_values::flag")]
    pub mailing_same: bool,
    pub mailing_street1: String,
    pub mailing_street2: String,
    pub mailing_city: String,
    pub mailing_state: String,
    pub mailing_zip: String,
    pub mailing_country: String,
}

/// What the Account form page needs: the values to start from and where it sits.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AccountFormPage {
    pub form: AccountForm,
    pub distributor_name: String,
    /// The Distributor's home (the breadcrumb), for the caller.
    pub distributor_href: String,
    /// Editing: the Account's name as it is now (the breadcrumb).
    pub account_name: Option<String>,
}
