//! Data shown by pages, shared by the server and the browser.

use serde::{Deserialize, Serialize};

/// The person using the portal and what they may see.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CurrentUser {
    pub display_name: String,
    pub email: String,
    pub role_label: String,
    pub distributor_name: String,
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
    pub id: String,
    pub name: String,
    pub address: String,
    pub subscribers: Vec<SubscriberRow>,
}

pub const ACCOUNTS_PER_PAGE: u32 = 10;
