//! Bodies shared by every area (tokens, errors, the hierarchy).
//!
//! Fields take the API's names in PascalCase. The public reference is
//! inconsistent in places (booleans sent as strings, lists documented as one
//! object, numbers as strings, `AccountID` beside `AccountId`): the client
//! reads every body through `crate::tolerant`, which accepts each form seen, so
//! the types stay plain. Unknown fields are ignored so an upstream addition
//! never breaks a page.

use serde::{Deserialize, Deserializer, Serialize};

/// `{"StatusCode": 400, "Message": "..."}`: the error body of every operation.
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
#[serde(default, rename_all = "PascalCase")]
pub struct ErrorBody {
    pub status_code: u32,
    pub message: String,
}

#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "PascalCase")]
pub struct TokenRequest<'a> {
    pub account_key: &'a str,
    pub account_secret: &'a str,
    pub api_endpoint: &'a str,
}

/// The one body the API spells in camelCase.
#[derive(Debug, Clone, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct TokenResponse {
    pub token: String,
    #[serde(default)]
    pub successful: bool,
    /// `MM/DD/YYYY hh:mm:ss AM/PM`, zone unstated (read as UTC).
    #[serde(default)]
    pub token_expiry: Option<String>,
}

#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
#[serde(default, rename_all = "PascalCase")]
pub struct Address {
    pub street1: Option<String>,
    pub street2: Option<String>,
    pub city: Option<String>,
    pub state: Option<String>,
    pub zip: Option<String>,
    pub country: Option<String>,
}

impl Address {
    /// One line for lists: "12 Main St, Provo, UT 84601". Nulls and the literal
    /// string "NULL" the reference shows are treated as empty.
    pub fn one_line(&self) -> String {
        fn clean(v: &Option<String>) -> Option<&str> {
            v.as_deref()
                .map(str::trim)
                .filter(|s| !s.is_empty() && !s.eq_ignore_ascii_case("null"))
        }
        let street: Vec<&str> = [clean(&self.street1), clean(&self.street2)]
            .into_iter()
            .flatten()
            .collect();
        let state_zip: Vec<&str> = [clean(&self.state), clean(&self.zip)].into_iter().flatten().collect();
        let mut parts: Vec<String> = Vec::new();
        if !street.is_empty() {
            parts.push(street.join(" "));
        }
        if let Some(city) = clean(&self.city) {
            parts.push(city.to_string());
        }
        if !state_zip.is_empty() {
            parts.push(state_zip.join(" "));
        }
        parts.join(", ")
    }
}

/// The ID is required; the rest may be missing.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[serde(rename_all = "PascalCase")]
pub struct Distributor {
    pub distributor_id: String,
    #[serde(default)]
    pub distributor_name: String,
    #[serde(default)]
    pub total_accounts: u32,
    #[serde(default)]
    pub billing_address: Option<Address>,
    #[serde(default)]
    pub mailing_address: Option<Address>,
}

/// The ID is required; the rest may be missing.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[serde(rename_all = "PascalCase")]
pub struct Account {
    pub account_id: String,
    #[serde(default)]
    pub account_name: String,
    #[serde(default)]
    pub total_subscribers: u32,
    #[serde(default)]
    pub billing_address: Option<Address>,
    #[serde(default)]
    pub mailing_address: Option<Address>,
}

/// `GET /v1.0/distributor/accounts`: a list, one object, or `{"Accounts": [...]}`.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct AccountList(pub Vec<Account>);

impl<'de> Deserialize<'de> for AccountList {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let mut body = serde_json::Value::deserialize(deserializer)?;
        if let Some(accounts) = body.get_mut("Accounts") {
            body = accounts.take();
        }
        crate::tolerant::from_value(body)
            .map(AccountList)
            .map_err(serde::de::Error::custom)
    }
}

impl From<AccountList> for Vec<Account> {
    fn from(list: AccountList) -> Self {
        list.0
    }
}

/// The ID is required; the rest may be missing.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[serde(rename_all = "PascalCase")]
pub struct Subscriber {
    pub subscriber_id: String,
    #[serde(default)]
    pub name: String,
    #[serde(default)]
    pub email: String,
    /// `["+1..."]`, `[{"Number": "+1..."}]` or one bare `"+1..."`.
    #[serde(default)]
    pub phone_numbers: Vec<String>,
    #[serde(default)]
    pub role: String,
    /// The reference shows `null`; the sandbox and newer responses give the `AID-`.
    #[serde(alias = "AccountId", default)]
    pub account: Option<serde_json::Value>,
    /// The distributor's subscriber pages list each one's subscriptions;
    /// other answers leave it out.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub subscriptions: Vec<crate::ops::catalog::Subscription>,
}

impl Subscriber {
    /// The `AID-` this subscriber belongs to, whichever shape `Account` came in.
    pub fn account_id(&self) -> Option<String> {
        match self.account.as_ref()? {
            serde_json::Value::String(s) => Some(s.clone()),
            serde_json::Value::Object(map) => map
                .get("AccountId")
                .or_else(|| map.get("AccountID"))
                .and_then(|v| v.as_str())
                .map(str::to_string),
            _ => None,
        }
    }
}

#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(default, rename_all = "PascalCase")]
pub struct SubscribersPage {
    pub page_number: u32,
    pub total_subscribers: u32,
    pub subscribers: Vec<Subscriber>,
}

/// A list the reference sometimes documents as a single object, for whole bodies
/// (`[...]`, `{...}` or `null`). Functions hand back the inner `Vec`.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct ListOf<T>(pub Vec<T>);

impl<'de, T: serde::de::DeserializeOwned> Deserialize<'de> for ListOf<T> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let body = serde_json::Value::deserialize(deserializer)?;
        crate::tolerant::from_value(body)
            .map(ListOf)
            .map_err(serde::de::Error::custom)
    }
}

impl<T> From<ListOf<T>> for Vec<T> {
    fn from(list: ListOf<T>) -> Self {
        list.0
    }
}

/// One number in a request list: `{"Number": "+18015551234"}`, with the
/// new SIM's `ICCID` for a SIM swap.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, rename_all = "PascalCase")]
pub struct NumberEntry {
    #[serde(alias = "PhoneNumber")]
    pub number: String,
    #[serde(rename = "ICCID", skip_serializing_if = "Option::is_none")]
    pub iccid: Option<String>,
}

impl NumberEntry {
    pub fn new(number: impl Into<String>) -> Self {
        Self {
            number: number.into(),
            iccid: None,
        }
    }

    /// `["+1...", ...]` as the `[{"Number": ...}]` list requests use.
    pub fn list<S: AsRef<str>>(numbers: &[S]) -> Vec<NumberEntry> {
        numbers.iter().map(|n| NumberEntry::new(n.as_ref())).collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tolerant::from_str;

    #[test]
    fn accounts_list_documented_as_an_object_still_reads_as_a_list() {
        let one = r#"{"AccountId": "AID-1", "AccountName": "A", "TotalSubscribers": "3"}"#;
        let many = r#"[{"AccountID": "AID-1"}, {"AccountId": "AID-2", "Extra": 1}]"#;
        let wrapped = r#"{"Accounts": [{"AccountId": "AID-1"}]}"#;
        let one: AccountList = from_str(one).unwrap();
        let many: AccountList = from_str(many).unwrap();
        let wrapped: AccountList = from_str(wrapped).unwrap();
        assert_eq!(one.0.len(), 1);
        assert_eq!(one.0[0].total_subscribers, 3);
        assert_eq!(
            many.0.iter().map(|a| a.account_id.as_str()).collect::<Vec<_>>(),
            ["AID-1", "AID-2"]
        );
        assert_eq!(wrapped.0[0].account_id, "AID-1");
        assert!(from_str::<AccountList>(r#"[{"AccountName": "no ID"}]"#).is_err());
    }

    #[test]
    fn token_response_accepts_string_booleans() {
        let t: TokenResponse =
            from_str(r#"{"token": "x", "successful": "true", "tokenExpiry": "05/02/2025 06:36:13 PM"}"#).unwrap();
        assert!(t.successful);
    }

    #[test]
    fn address_one_line_skips_nulls_and_the_null_string() {
        let a = Address {
            street1: Some("12 Main St".into()),
            street2: Some("NULL".into()),
            city: Some("Provo".into()),
            state: Some("UT".into()),
            zip: Some("84601".into()),
            country: None,
        };
        assert_eq!(a.one_line(), "12 Main St, Provo, UT 84601");
        assert_eq!(Address::default().one_line(), "");
    }

    #[test]
    fn subscriber_phone_numbers_in_both_shapes() {
        let s: Subscriber = from_str(
            r#"{"SubscriberId": "TSUID-1", "PhoneNumbers": [{"Number": "+18015551234"}], "Account": "AID-9"}"#,
        )
        .unwrap();
        assert_eq!(s.phone_numbers, ["+18015551234"]);
        assert_eq!(s.account_id().as_deref(), Some("AID-9"));
    }
}
