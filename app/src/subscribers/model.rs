//! The Distributor's subscribers, as staff list them.

use serde::{Deserialize, Serialize};

use crate::read_model::model::Freshness;

pub const SUBSCRIBERS_PER_PAGE: u32 = 50;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SubscriberListRow {
    pub subscriber_id: String,
    pub name: String,
    pub email: String,
    /// In words: Subscriber, Manager, Account Admin.
    pub role: String,
    pub account_id: String,
    pub account_name: String,
    /// As people read them.
    pub numbers: Vec<String>,
}

/// How the list is ordered; lives in the URL as `sort=`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub enum SubscriberSort {
    #[default]
    Name,
    NameDesc,
    Email,
    EmailDesc,
    Account,
    AccountDesc,
}

impl SubscriberSort {
    pub fn from_param(value: &str) -> Self {
        match value {
            "-name" => Self::NameDesc,
            "email" => Self::Email,
            "-email" => Self::EmailDesc,
            "account" => Self::Account,
            "-account" => Self::AccountDesc,
            _ => Self::Name,
        }
    }

    pub fn as_param(self) -> &'static str {
        match self {
            Self::Name => "name",
            Self::NameDesc => "-name",
            Self::Email => "email",
            Self::EmailDesc => "-email",
            Self::Account => "account",
            Self::AccountDesc => "-account",
        }
    }

    /// The ORDER BY of the read-model query (`s`: subscribers, `a`: accounts).
    pub fn order_by(self) -> &'static str {
        match self {
            Self::Name => "s.name_key, s.subscriber_id",
            Self::NameDesc => "s.name_key DESC, s.subscriber_id DESC",
            Self::Email => "lower(s.email), s.subscriber_id",
            Self::EmailDesc => "lower(s.email) DESC, s.subscriber_id DESC",
            Self::Account => "a.name_key, s.name_key, s.subscriber_id",
            Self::AccountDesc => "a.name_key DESC, s.name_key, s.subscriber_id",
        }
    }
}

/// The role filter, `role=` in the URL: Telegent's spelling, or empty.
pub const ROLE_FILTERS: [(&str, &str); 4] = [
    ("", "All roles"),
    ("Manager", "Managers"),
    ("Subscriber", "Subscribers"),
    ("Account Admin", "Account Admins"),
];

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SubscribersPage {
    pub distributor_name: String,
    pub rows: Vec<SubscriberListRow>,
    pub page: u32,
    pub total_pages: u32,
    pub total: u32,
    pub freshness: Freshness,
}
