//! What the numbers inventory shows, and the filters it offers.

use serde::{Deserialize, Serialize};

use crate::read_model::model::Freshness;

pub const NUMBERS_PER_PAGE: u32 = 50;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct NumberRow {
    /// E.164.
    pub msisdn: String,
    pub number_id: String,
    /// `mvno`, `iot` or empty (see `kind_label`).
    pub classification: String,
    /// Those on of `sms`, `voice`, `data`.
    pub capabilities: Vec<String>,
    pub product_type: String,
    /// Telegent's status word, as it said it.
    pub status: String,
    /// Empty: an orphan (no subscriber).
    pub subscriber_id: String,
    pub subscriber_name: String,
    pub account_id: String,
    pub account_name: String,
    pub message_route_id: String,
    pub voice_route_id: String,
    pub iccid: String,
}

impl NumberRow {
    pub fn is_orphan(&self) -> bool {
        self.subscriber_id.is_empty()
    }
}

/// A person an orphan line can be given to.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Assignee {
    pub subscriber_id: String,
    pub name: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct InventoryPage {
    /// The Distributor's name, or "All Distributors".
    pub scope_name: String,
    /// The Account the list is narrowed to, with its name (`account=`).
    pub account: Option<(String, String)>,
    pub rows: Vec<NumberRow>,
    pub page: u32,
    pub total_pages: u32,
    pub total: u32,
    /// Lines of the whole selection without a subscriber.
    pub orphans: u32,
    pub freshness: Freshness,
    /// The caller may give orphan lines to a person.
    pub can_assign: bool,
    /// The caller may order numbers (the wizard's link).
    pub can_provision: bool,
    /// For each Account with an orphan on this page, its people.
    pub assignees: Vec<(String, Vec<Assignee>)>,
    /// The caller may change lines' status (the selection's toolbar).
    pub can_change: bool,
    /// Today as the date field wants it (`YYYY-MM-DD`).
    pub today: String,
    /// The results of the caller's last selection change (`batch=`).
    pub batch: Option<BatchResult>,
}

/// A selection's status change: per line (E.164, done, what happened).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct BatchResult {
    /// suspend | restore | deactivate
    pub change: String,
    pub lines: Vec<(String, bool, String)>,
}

/// How the list is ordered; lives in the URL as `sort=`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub enum NumberSort {
    #[default]
    Number,
    NumberDesc,
    Status,
    StatusDesc,
    Account,
    AccountDesc,
}

impl NumberSort {
    pub fn from_param(value: &str) -> Self {
        match value {
            "-number" => Self::NumberDesc,
            "status" => Self::Status,
            "-status" => Self::StatusDesc,
            "account" => Self::Account,
            "-account" => Self::AccountDesc,
            _ => Self::Number,
        }
    }

    pub fn as_param(self) -> &'static str {
        match self {
            Self::Number => "number",
            Self::NumberDesc => "-number",
            Self::Status => "status",
            Self::StatusDesc => "-status",
            Self::Account => "account",
            Self::AccountDesc => "-account",
        }
    }

    /// The ORDER BY of the read-model query (`n`: numbers, `a`: accounts).
    pub fn order_by(self) -> &'static str {
        match self {
            Self::Number => "n.msisdn",
            Self::NumberDesc => "n.msisdn DESC",
            Self::Status => "lower(n.status), n.msisdn",
            Self::StatusDesc => "lower(n.status) DESC, n.msisdn",
            // A line whose Account is not copied has no name: first on both databases.
            Self::Account => "COALESCE(a.name_key, ''), n.msisdn",
            Self::AccountDesc => "COALESCE(a.name_key, '') DESC, n.msisdn",
        }
    }
}

/// One filter of the list: its URL parameter, its label and its choices
/// (the value in the URL, the words in the menu; `""` is "any").
pub struct Filter {
    pub param: &'static str,
    pub label: &'static str,
    pub choices: &'static [(&'static str, &'static str)],
}

pub const KIND: Filter = Filter {
    param: "kind",
    label: "Type",
    choices: &[("", "All types"), ("mvno", "MVNO"), ("iot", "IoT")],
};

pub const CAPABILITY: Filter = Filter {
    param: "capability",
    label: "Capability",
    choices: &[
        ("", "Any capability"),
        ("sms", "SMS"),
        ("voice", "Voice"),
        ("data", "Data"),
    ],
};

pub const PRODUCT: Filter = Filter {
    param: "product",
    label: "Product type",
    choices: &[
        ("", "All product types"),
        ("Sms-Only", "Sms-Only"),
        ("Data-Only", "Data-Only"),
        ("Sms+Data", "Sms+Data"),
        ("Sms+Data+Voice", "Sms+Data+Voice"),
    ],
};

/// Telegent's status words, lower-cased (`parked` is a suspended line).
pub const STATUS: Filter = Filter {
    param: "status",
    label: "Status",
    choices: &[
        ("", "All statuses"),
        ("active", "Active"),
        ("parked", "Suspended"),
        ("pending", "Pending"),
        ("cancelled", "Cancelled"),
    ],
};

pub const HOLDER: Filter = Filter {
    param: "holder",
    label: "Subscriber",
    choices: &[
        ("", "With or without"),
        ("none", "Orphans (no subscriber)"),
        ("some", "With a subscriber"),
    ],
};

/// Every filter, in the order the form shows them.
pub const FILTERS: [&Filter; 5] = [&KIND, &CAPABILITY, &PRODUCT, &STATUS, &HOLDER];

impl Filter {
    /// The value if the menu offers it: anything else is a forged request.
    pub fn accepts(&self, value: &str) -> bool {
        self.choices.iter().any(|(v, _)| *v == value)
    }
}

/// "MVNO", "IoT" or a dash, for a stored kind.
pub fn kind_label(code: &str) -> &'static str {
    match code {
        "mvno" => "MVNO",
        "iot" => "IoT",
        _ => "—",
    }
}

/// A status word for people: Telegent's `Parked` is what staff call suspended.
pub fn status_label(status: &str) -> String {
    match status.trim().to_ascii_lowercase().as_str() {
        "parked" | "suspended" => "Suspended".into(),
        "" => "—".into(),
        _ => status.trim().to_string(),
    }
}

/// A line's kind as the inventory files it: Telegent's `Classification`
/// (`MVNO`, `IoT`), else a `NumberType` that names one (`mobile` does not).
pub fn classification_code(classification: Option<&str>, number_type: Option<&str>) -> String {
    [classification, number_type]
        .into_iter()
        .flatten()
        .map(str::to_ascii_lowercase)
        .find(|c| c == "mvno" || c == "iot")
        .unwrap_or_default()
}

/// The capabilities that are on, as the inventory stores them. Data is not a
/// flag of its own in Telegent's answers: the product type says it.
pub fn capabilities_code(sms: Option<bool>, voice: Option<bool>, product_type: &str) -> String {
    let data = product_type.to_ascii_lowercase().contains("data");
    [
        (sms == Some(true), "sms"),
        (voice == Some(true), "voice"),
        (data, "data"),
    ]
    .into_iter()
    .filter_map(|(on, name)| on.then_some(name))
    .collect::<Vec<_>>()
    .join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_lines_kind_and_capabilities_are_read_from_its_flags() {
        assert_eq!(classification_code(Some("IoT"), Some("mobile")), "iot");
        assert_eq!(classification_code(None, Some("MVNO")), "mvno");
        assert_eq!(classification_code(Some(""), Some("mobile")), "");
        assert_eq!(
            capabilities_code(Some(true), Some(true), "Sms+Data+Voice"),
            "sms voice data"
        );
        assert_eq!(capabilities_code(Some(false), None, "Data-Only"), "data");
        assert_eq!(capabilities_code(Some(true), Some(false), "sms-only"), "sms");
    }

    #[test]
    fn filters_accept_only_their_menu() {
        assert!(STATUS.accepts("parked") && STATUS.accepts(""));
        assert!(!STATUS.accepts("PARKED") && !KIND.accepts("voip"));
        assert_eq!(status_label("Parked"), "Suspended");
        assert_eq!(kind_label("iot"), "IoT");
    }
}
