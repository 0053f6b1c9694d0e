//! What the subscriptions pages show and post.

use serde::{Deserialize, Serialize};

/// Rows a page of the list holds.
pub const SUBSCRIPTIONS_PER_PAGE: u32 = 50;

/// One subscription as the lists show it (from the read model).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SubscriptionRow {
    pub id: String,
    pub account_id: String,
    pub account_name: String,
    pub subscriber_id: String,
    pub subscriber_name: String,
    /// For people: `(801) 555-0101`; empty when the number is not in the copy.
    pub number: String,
    /// The E.164 number, for links.
    pub msisdn: String,
    pub tnid: String,
    pub package_id: String,
    pub package_name: String,
    pub kind: String,
}

/// The list's state, as it lives in the URL: at most one of the filters
/// package, subscriber, number, account.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct SubscriptionsQuery {
    #[serde(default)]
    pub distributor_id: String,
    #[serde(default)]
    pub package: String,
    #[serde(default)]
    pub subscriber: String,
    /// A TNID.
    #[serde(default)]
    pub number: String,
    #[serde(default)]
    pub account: String,
    #[serde(default, deserialize_with = "crate::form_values::number")]
    pub page: u32,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SubscriptionsPage {
    pub rows: Vec<SubscriptionRow>,
    pub total: u32,
    pub page: u32,
    pub total_pages: u32,
    /// What the list is narrowed to, in words ("package Family Unlimited").
    pub narrowed_to: Option<String>,
    pub distributor_name: String,
    pub as_of: String,
}

/// A number the new subscription may be for, or one that has one already.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct NumberChoice {
    pub tnid: String,
    pub number: String,
    pub msisdn: String,
    /// The SUB- already billing on it (then it is not offered).
    pub existing: Option<String>,
}

/// The new-subscription form: the Account and subscriber chosen (each a
/// step without JavaScript), then what may be chosen for them.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct NewSubscriptionPage {
    pub account_id: String,
    pub account_name: String,
    /// (TSUID, name) of the Account's members.
    pub subscribers: Vec<(String, String)>,
    pub subscriber_id: String,
    pub numbers: Vec<NumberChoice>,
    /// (PKID, "Family Unlimited — $25.00 / month").
    pub packages: Vec<(String, String)>,
    /// A fresh key per rendered form: the same key is the same order.
    pub intent_key: String,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct SubscriptionForm {
    #[serde(default)]
    pub account_id: String,
    #[serde(default)]
    pub subscriber_id: String,
    #[serde(default)]
    pub tnid: String,
    #[serde(default)]
    pub package_id: String,
    #[serde(default)]
    pub iccid: String,
    #[serde(default)]
    pub intent_key: String,
}

/// One subscription's page: the row, and the packages it may move to.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SubscriptionDetail {
    pub row: SubscriptionRow,
    pub iccid: String,
    pub packages: Vec<(String, String)>,
    pub can_change: bool,
}

/// A change to one subscription: another package, or cancelling it.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct SubscriptionChange {
    #[serde(default)]
    pub subscription_id: String,
    #[serde(default)]
    pub package_id: String,
    #[serde(default)]
    pub confirm: Option<String>,
}
