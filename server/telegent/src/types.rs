//! Request and response bodies, with field names exactly as the API spells them.
//!
//! The public reference is inconsistent in places (booleans sent as strings,
//! lists documented as one object, numbers as strings, `AccountID` beside
//! `AccountId`). Deserialization here accepts every form seen; unknown fields
//! are ignored so an upstream addition never breaks a page.

use serde::{Deserialize, Deserializer, Serialize};

/// `{"StatusCode": 400, "Message": "..."}`: the error body of every operation.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct ErrorBody {
    #[serde(rename = "StatusCode", default, deserialize_with = "lenient_u32")]
    pub status_code: u32,
    #[serde(rename = "Message", default)]
    pub message: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct TokenRequest<'a> {
    #[serde(rename = "AccountKey")]
    pub account_key: &'a str,
    #[serde(rename = "AccountSecret")]
    pub account_secret: &'a str,
    #[serde(rename = "ApiEndpoint")]
    pub api_endpoint: &'a str,
}

#[derive(Debug, Clone, Deserialize)]
pub struct TokenResponse {
    pub token: String,
    #[serde(default, deserialize_with = "lenient_bool")]
    pub successful: bool,
    /// `MM/DD/YYYY hh:mm:ss AM/PM`, zone unstated (read as UTC).
    #[serde(rename = "tokenExpiry", default)]
    pub token_expiry: Option<String>,
}

#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
pub struct Address {
    #[serde(rename = "Street1", default)]
    pub street1: Option<String>,
    #[serde(rename = "Street2", default)]
    pub street2: Option<String>,
    #[serde(rename = "City", default)]
    pub city: Option<String>,
    #[serde(rename = "State", default)]
    pub state: Option<String>,
    #[serde(rename = "Zip", default)]
    pub zip: Option<String>,
    #[serde(rename = "Country", default)]
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

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct Distributor {
    #[serde(rename = "DistributorId")]
    pub distributor_id: String,
    #[serde(rename = "DistributorName", default)]
    pub distributor_name: String,
    #[serde(rename = "TotalAccounts", default, deserialize_with = "lenient_u32")]
    pub total_accounts: u32,
    #[serde(rename = "BillingAddress", default)]
    pub billing_address: Option<Address>,
    #[serde(rename = "MailingAddress", default)]
    pub mailing_address: Option<Address>,
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct Account {
    #[serde(rename = "AccountId", alias = "AccountID")]
    pub account_id: String,
    #[serde(rename = "AccountName", default)]
    pub account_name: String,
    #[serde(rename = "TotalSubscribers", default, deserialize_with = "lenient_u32")]
    pub total_subscribers: u32,
    #[serde(rename = "BillingAddress", default)]
    pub billing_address: Option<Address>,
    #[serde(rename = "MailingAddress", default)]
    pub mailing_address: Option<Address>,
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct Subscriber {
    #[serde(rename = "SubscriberId", alias = "SubscriberID")]
    pub subscriber_id: String,
    #[serde(rename = "Name", default)]
    pub name: String,
    #[serde(rename = "Email", default)]
    pub email: String,
    #[serde(rename = "PhoneNumbers", default, deserialize_with = "phone_list")]
    pub phone_numbers: Vec<String>,
    #[serde(rename = "Role", default)]
    pub role: String,
    /// The reference shows `null`; the sandbox and newer responses give the `AID-`.
    #[serde(rename = "Account", alias = "AccountId", default)]
    pub account: Option<serde_json::Value>,
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

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct SubscribersPage {
    #[serde(rename = "PageNumber", default, deserialize_with = "lenient_u32")]
    pub page_number: u32,
    #[serde(rename = "TotalSubscribers", default, deserialize_with = "lenient_u32")]
    pub total_subscribers: u32,
    #[serde(rename = "Subscribers", default, deserialize_with = "one_or_many")]
    pub subscribers: Vec<Subscriber>,
}

/// A list the reference sometimes documents as a single object.
pub fn one_or_many<'de, D, T>(deserializer: D) -> Result<Vec<T>, D::Error>
where
    D: Deserializer<'de>,
    T: Deserialize<'de>,
{
    #[derive(Deserialize)]
    #[serde(untagged)]
    enum OneOrMany<T> {
        Many(Vec<T>),
        One(T),
        Null(()),
    }
    Ok(match OneOrMany::<T>::deserialize(deserializer)? {
        OneOrMany::Many(v) => v,
        OneOrMany::One(t) => vec![t],
        OneOrMany::Null(()) => Vec::new(),
    })
}

/// Phone lists come as `["+1..."]`, `[{"Number": "+1..."}]` or one bare `"+1..."`.
pub fn phone_list<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Vec<String>, D::Error> {
    #[derive(Deserialize)]
    #[serde(untagged)]
    enum Entry {
        Plain(String),
        Object {
            #[serde(alias = "Number", alias = "PhoneNumber")]
            number: String,
        },
    }
    let entries: Vec<Entry> = one_or_many(deserializer)?;
    Ok(entries
        .into_iter()
        .map(|e| match e {
            Entry::Plain(s) => s,
            Entry::Object { number } => number,
        })
        .collect())
}

/// A list the reference sometimes documents as a single object, for whole bodies
/// (`[...]`, `{...}` or `null`). Functions hand back the inner `Vec`.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct ListOf<T>(pub Vec<T>);

impl<'de, T: Deserialize<'de>> Deserialize<'de> for ListOf<T> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        one_or_many(deserializer).map(ListOf)
    }
}

/// One number in a request list: `{"Number": "+18015551234"}`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct NumberEntry {
    #[serde(rename = "Number", alias = "PhoneNumber", default)]
    pub number: String,
}

impl NumberEntry {
    pub fn new(number: impl Into<String>) -> Self {
        Self { number: number.into() }
    }

    /// `["+1...", ...]` as the `[{"Number": ...}]` list requests use.
    pub fn list<S: AsRef<str>>(numbers: &[S]) -> Vec<NumberEntry> {
        numbers.iter().map(|n| NumberEntry::new(n.as_ref())).collect()
    }
}

/// An optional list that may come as one element.
pub fn opt_list<'de, D, T>(deserializer: D) -> Result<Option<Vec<T>>, D::Error>
where
    D: Deserializer<'de>,
    T: Deserialize<'de>,
{
    let list: Vec<T> = one_or_many(deserializer)?;
    Ok(Some(list))
}

/// Text that the reference sometimes shows as a number or boolean.
pub fn lenient_string<'de, D: Deserializer<'de>>(deserializer: D) -> Result<String, D::Error> {
    Ok(opt_string(deserializer)?.unwrap_or_default())
}

/// Optional text; numbers and booleans are read as their text.
pub fn opt_string<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Option<String>, D::Error> {
    Ok(match serde_json::Value::deserialize(deserializer)? {
        serde_json::Value::Null => None,
        serde_json::Value::String(s) => Some(s),
        serde_json::Value::Number(n) => Some(n.to_string()),
        serde_json::Value::Bool(b) => Some(b.to_string()),
        other => return Err(serde::de::Error::custom(format!("expected text, got {other}"))),
    })
}

/// Optional boolean in any of the forms [`lenient_bool`] accepts; null is `None`.
pub fn opt_bool<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Option<bool>, D::Error> {
    let value = serde_json::Value::deserialize(deserializer)?;
    if value.is_null() {
        return Ok(None);
    }
    lenient_bool(value).map(Some).map_err(serde::de::Error::custom)
}

/// A whole number sent as a number or a numeric string.
pub fn lenient_i64<'de, D: Deserializer<'de>>(deserializer: D) -> Result<i64, D::Error> {
    Ok(opt_i64(deserializer)?.unwrap_or_default())
}

/// Optional whole number; `"12"`, `12` and `12.0` all read as 12, empty text as `None`.
pub fn opt_i64<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Option<i64>, D::Error> {
    match opt_f64(deserializer)? {
        None => Ok(None),
        Some(f) if f.fract() == 0.0 && f.abs() < 9.0e15 => Ok(Some(f as i64)),
        Some(f) => Err(serde::de::Error::custom(format!("expected a whole number, got {f}"))),
    }
}

/// An amount sent as a number or as text (`"1.12"`, `"$0.0045"`).
pub fn lenient_f64<'de, D: Deserializer<'de>>(deserializer: D) -> Result<f64, D::Error> {
    Ok(opt_f64(deserializer)?.unwrap_or_default())
}

/// Optional amount; a leading `$` and surrounding spaces are ignored.
pub fn opt_f64<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Option<f64>, D::Error> {
    match serde_json::Value::deserialize(deserializer)? {
        serde_json::Value::Null => Ok(None),
        serde_json::Value::Number(n) => Ok(n.as_f64()),
        serde_json::Value::String(s) => {
            let s = s.trim().trim_start_matches('$').trim();
            if s.is_empty() {
                return Ok(None);
            }
            s.parse().map(Some).map_err(serde::de::Error::custom)
        }
        other => Err(serde::de::Error::custom(format!("expected a number, got {other}"))),
    }
}

/// `true`, `"true"`, `"True"`, `1`, `"1"` are all true.
pub fn lenient_bool<'de, D: Deserializer<'de>>(deserializer: D) -> Result<bool, D::Error> {
    let value = serde_json::Value::deserialize(deserializer)?;
    Ok(match value {
        serde_json::Value::Bool(b) => b,
        serde_json::Value::String(s) => matches!(s.trim().to_ascii_lowercase().as_str(), "true" | "1" | "yes"),
        serde_json::Value::Number(n) => n.as_i64() == Some(1),
        _ => false,
    })
}

/// Counts come as numbers or numeric strings; null means zero.
pub fn lenient_u32<'de, D: Deserializer<'de>>(deserializer: D) -> Result<u32, D::Error> {
    let value = serde_json::Value::deserialize(deserializer)?;
    match value {
        serde_json::Value::Number(n) => n
            .as_u64()
            .and_then(|v| u32::try_from(v).ok())
            .ok_or_else(|| serde::de::Error::custom("count out of range")),
        serde_json::Value::String(s) if s.trim().is_empty() => Ok(0),
        serde_json::Value::String(s) => s.trim().parse().map_err(serde::de::Error::custom),
        serde_json::Value::Null => Ok(0),
        other => Err(serde::de::Error::custom(format!("expected a count, got {other}"))),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accounts_list_documented_as_an_object_still_reads_as_a_list() {
        #[derive(Deserialize)]
        struct Wrapper {
            #[serde(deserialize_with = "one_or_many")]
            v: Vec<Account>,
        }
        let one = r#"{"v": {"AccountId": "AID-1", "AccountName": "A", "TotalSubscribers": "3"}}"#;
        let many = r#"{"v": [{"AccountID": "AID-1"}, {"AccountId": "AID-2", "Extra": 1}]}"#;
        let one: Wrapper = serde_json::from_str(one).unwrap();
        let many: Wrapper = serde_json::from_str(many).unwrap();
        assert_eq!(one.v.len(), 1);
        assert_eq!(one.v[0].total_subscribers, 3);
        assert_eq!(
            many.v.iter().map(|a| a.account_id.as_str()).collect::<Vec<_>>(),
            ["AID-1", "AID-2"]
        );
    }

    #[test]
    fn token_response_accepts_string_booleans() {
        let t: TokenResponse =
            serde_json::from_str(r#"{"token": "x", "successful": "true", "tokenExpiry": "05/02/2025 06:36:13 PM"}"#)
                .unwrap();
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
        let s: Subscriber = serde_json::from_str(
            r#"{"SubscriberId": "TSUID-1", "PhoneNumbers": [{"Number": "+18015551234"}], "Account": "AID-9"}"#,
        )
        .unwrap();
        assert_eq!(s.phone_numbers, ["+18015551234"]);
        assert_eq!(s.account_id().as_deref(), Some("AID-9"));
    }
}
