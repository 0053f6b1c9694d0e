//! Request validation against the reference: required fields, enums, types and
//! E.164 phone numbers, with the API's tolerance (booleans as strings, numbers
//! as strings, case-insensitive enum values) and the documented extensions the
//! reference's enums lack (FACTS.md, "accept both").

use serde_json::Value;
use telegent::phone::is_e164;

use crate::spec::{Kind, Operation};

/// A validation failure: the message names the field, as the API's do.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Invalid(pub String);

/// Values accepted beyond the reference's enum for a field, by operation path.
fn extra_values(field: &str) -> &'static [&'static str] {
    match field {
        // Seeds list nine speeds; the reference five.
        "ThrottleSpeed" => &["64-kbps", "128-kbps", "256-kbps", "512-kbps"],
        // The reference says MB only; other notes mention the rest.
        "ValueUnit" => &["KB", "GB", "TB"],
        // Call filters accept the levels (not enforced for voice yet).
        "FilterMode" => &["CHILD", "ADOLESCENT", "TEENAGER"],
        "BillingFrequency" => &["usage"],
        "RouteType" => &["Webhook"],
        _ => &[],
    }
}

/// Fields whose accepted values differ from the reference's enum altogether.
/// A message filter is in exactly one mode: lists only (ACTIVE), a graded
/// level on top of the lists (CHILD strictest … TEENAGER lightest),
/// MONITOR_ONLY or INACTIVE (FACTS.md, "decide consistently").
fn replaced_values(path: &str, field: &str) -> Option<&'static [&'static str]> {
    match field {
        // The text says mvno | iot; the examples send "Mobile" (read as mvno).
        "TargetClassification" | "TargetPortinClassification" => Some(&["mvno", "iot", "Mobile"]),
        "FilterMode" if path.contains("message-filter") => {
            Some(&["ACTIVE", "MONITOR_ONLY", "INACTIVE", "CHILD", "ADOLESCENT", "TEENAGER"])
        }
        _ => None,
    }
}

/// Fields that carry phone numbers, checked as strict E.164.
const PHONE_FIELDS: &[&str] = &[
    "Phone",
    "PhoneNumber",
    "PortInNumber",
    "PortOutNumber",
    "From",
    "TelegentPhone",
    "NotificationPhones",
    "Contacts",
    "Numbers",
    "AllowedNumbers",
    "BlockedNumbers",
    "AllowedContacts",
    "BlockedContacts",
    "PhoneNumbers",
    "To",
];

/// Finds a field case-insensitively (`AccountID` beside `AccountId`).
pub fn get<'a>(body: &'a Value, name: &str) -> Option<&'a Value> {
    body.as_object()?
        .iter()
        .find(|(k, _)| k.eq_ignore_ascii_case(name))
        .map(|(_, v)| v)
}

fn is_blank(v: &Value) -> bool {
    match v {
        Value::Null => true,
        Value::String(s) => s.trim().is_empty(),
        _ => false,
    }
}

/// Validates a request against its operation. `input` is the JSON body for
/// POSTs, the query as an object of strings for GETs.
pub fn validate(op: &Operation, input: &Value) -> Result<(), Invalid> {
    if op.method == "GET" {
        for (name, required) in &op.query {
            if *required && get(input, name).is_none_or(is_blank) && !has_alternative(op, name, input) {
                return Err(Invalid(format!("The {name} field is required.")));
            }
        }
        for field in ["Phone", "PhoneNumber", "Number", "phoneNumber"] {
            if let Some(Value::String(s)) = get(input, field) {
                if !s.is_empty() && !is_e164(s) && !s.chars().all(|c| c.is_ascii_digit()) {
                    return Err(Invalid(format!(
                        "The {field} field must be an E.164 phone number such as +18015551234."
                    )));
                }
            }
        }
        return Ok(());
    }
    if !input.is_object() {
        return Err(Invalid("The request body must be a JSON object.".into()));
    }
    for name in &op.required_body {
        if get(input, name).is_none_or(is_blank) {
            return Err(Invalid(format!("The {name} field is required.")));
        }
    }
    for (name, prop) in &op.properties {
        let Some(value) = get(input, name) else { continue };
        if value.is_null() {
            continue;
        }
        check_kind(name, &prop.kind, value)?;
        let allowed: Vec<&str> = match replaced_values(&op.path, name) {
            Some(values) => values.to_vec(),
            None if prop.allowed.is_empty() => Vec::new(),
            None => prop
                .allowed
                .iter()
                .map(String::as_str)
                .chain(extra_values(name).iter().copied())
                .collect(),
        };
        if !allowed.is_empty() {
            if let Some(s) = value.as_str() {
                if !allowed.iter().any(|a| a.eq_ignore_ascii_case(s.trim())) {
                    return Err(Invalid(format!(
                        "The {name} field must be one of: {}.",
                        allowed.join(", ")
                    )));
                }
            }
        }
        if PHONE_FIELDS.iter().any(|f| f.eq_ignore_ascii_case(name)) {
            check_phones(name, value)?;
        }
        if DATE_FIELDS.iter().any(|f| f.eq_ignore_ascii_case(name)) {
            check_date(name, value)?;
        }
    }
    Ok(())
}

/// Fields holding a calendar date: `MM/DD/YYYY` as the guide documents, or
/// `YYYY-MM-DD` as the reference's example sends.
const DATE_FIELDS: &[&str] = &["PortInDate"];

/// The date a date field holds, in either documented spelling.
pub fn parse_date(text: &str) -> Option<chrono::NaiveDate> {
    let text = text.trim();
    chrono::NaiveDate::parse_from_str(text, "%m/%d/%Y")
        .or_else(|_| chrono::NaiveDate::parse_from_str(text, "%Y-%m-%d"))
        .ok()
}

fn check_date(name: &str, value: &Value) -> Result<(), Invalid> {
    match value.as_str().map(str::trim) {
        Some("") => Ok(()),
        Some(text) if parse_date(text).is_some() => Ok(()),
        _ => Err(Invalid(format!(
            "The {name} field must be a date written MM/DD/YYYY (or YYYY-MM-DD)."
        ))),
    }
}

/// Some GETs document two spellings of one parameter (`MessageRouteId` and
/// `MessageRouteID`, `Number` / `PhoneNumber` / `ICCID`): one is enough.
fn has_alternative(op: &Operation, name: &str, input: &Value) -> bool {
    op.query
        .iter()
        .filter(|(other, _)| !other.eq_ignore_ascii_case(name))
        .any(|(other, _)| get(input, other).is_some_and(|v| !is_blank(v)))
}

fn check_kind(name: &str, kind: &Kind, value: &Value) -> Result<(), Invalid> {
    let ok = match kind {
        Kind::Boolean => {
            value.is_boolean()
                || value
                    .as_str()
                    .is_some_and(|s| matches!(s.trim().to_ascii_lowercase().as_str(), "true" | "false"))
        }
        Kind::Integer => {
            value.is_i64() || value.is_u64() || value.as_str().is_some_and(|s| s.trim().parse::<i64>().is_ok())
        }
        Kind::Number => value.is_number() || value.as_str().is_some_and(|s| s.trim().parse::<f64>().is_ok()),
        Kind::String => value.is_string() || value.is_number() || value.is_boolean(),
        Kind::Array => value.is_array(),
        Kind::Object => value.is_object() || value.is_string(),
        Kind::Any => true,
    };
    if ok {
        Ok(())
    } else {
        let expected = match kind {
            Kind::Boolean => "true or false",
            Kind::Integer => "a whole number",
            Kind::Number => "a number",
            Kind::String => "text",
            Kind::Array => "a list",
            Kind::Object => "an object",
            Kind::Any => "a value",
        };
        Err(Invalid(format!("The {name} field must be {expected}.")))
    }
}

/// A phone field: a string, a list of strings, or a list of `{Number}`.
fn check_phones(name: &str, value: &Value) -> Result<(), Invalid> {
    let bad = |n: &str| {
        Invalid(format!(
            "The {name} field must hold E.164 phone numbers such as +18015551234 (got “{n}”)."
        ))
    };
    match value {
        Value::String(s) if !s.trim().is_empty() && !is_e164(s.trim()) => Err(bad(s)),
        Value::Array(items) => {
            for item in items {
                let number = match item {
                    Value::String(s) => Some(s.as_str()),
                    Value::Object(_) => get(item, "Number").and_then(Value::as_str),
                    _ => None,
                };
                match number {
                    Some(n) if is_e164(n.trim()) => {}
                    Some(n) => return Err(bad(n)),
                    None => return Err(Invalid(format!("The {name} field must be a list of phone numbers."))),
                }
            }
            Ok(())
        }
        _ => Ok(()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::spec::find;
    use serde_json::json;

    #[test]
    fn required_enum_and_phone_rules_name_the_field() {
        let op = find("POST", "/v1.0/numbers/provision").unwrap();
        let ok = json!({"NumberType": "mvno", "MessageType": "p2p", "MessageEnabled": "true", "VoiceEnabled": false, "ProductType": "sms+data"});
        assert_eq!(validate(op, &ok), Ok(()));
        let mut missing = ok.clone();
        missing.as_object_mut().unwrap().remove("ProductType");
        assert_eq!(
            validate(op, &missing),
            Err(Invalid("The ProductType field is required.".into()))
        );
        let mut voip = ok.clone();
        voip["NumberType"] = json!("voip");
        assert!(validate(op, &voip)
            .unwrap_err()
            .0
            .starts_with("The NumberType field must be one of"));

        let data = find("POST", "/v1.0/numbers/data-usage").unwrap();
        let body = json!({"ValueUnit": "MB", "LimitValue": 500, "ThrottleSpeed": "256-kbps", "PhoneNumbers": [{"Number": "+18015550101"}]});
        assert_eq!(validate(data, &body), Ok(()));
        let bad_phone = json!({"ValueUnit": "MB", "LimitValue": 500, "PhoneNumbers": [{"Number": "801-555-0101"}]});
        assert!(validate(data, &bad_phone).unwrap_err().0.contains("PhoneNumbers"));
    }

    #[test]
    fn message_filter_modes_include_the_levels() {
        let op = find("POST", "/v1.0/subscribers/message-filter").unwrap();
        for mode in ["ACTIVE", "MONITOR_ONLY", "INACTIVE", "CHILD", "ADOLESCENT", "TEENAGER"] {
            let body = json!({"SubscriberId": "TSUID-1", "Phone": "+18015550102", "FilterMode": mode});
            assert_eq!(validate(op, &body), Ok(()), "{mode}");
        }
        let body = json!({"SubscriberId": "TSUID-1", "Phone": "+18015550102", "FilterMode": "STRICT"});
        assert!(validate(op, &body).is_err());
    }

    #[test]
    fn a_port_in_classification_is_mvno_or_iot_and_mobile_means_mvno() {
        let op = find("POST", "/v1.0/numbers/portin/eligibility").unwrap();
        for ok in ["mvno", "IOT", "Mobile"] {
            let body = json!({"PhoneNumber": "+15555551234", "TargetClassification": ok});
            assert_eq!(validate(op, &body), Ok(()), "{ok}");
        }
        let body = json!({"PhoneNumber": "+15555551234", "TargetClassification": "banana"});
        assert!(validate(op, &body).unwrap_err().0.contains("TargetClassification"));
    }

    #[test]
    fn a_port_in_date_is_a_real_date_in_either_documented_spelling() {
        let op = find("POST", "/v1.0/numbers/portin/update").unwrap();
        for ok in ["06/01/2026", "2026-06-01", "02/29/2028"] {
            assert_eq!(
                validate(op, &json!({"OrderId": "JNUOID-1", "PortInDate": ok})),
                Ok(()),
                "{ok}"
            );
        }
        for bad in ["2026-13-45", "13/45/2026", "02/30/2026", "soon"] {
            let err = validate(op, &json!({"OrderId": "JNUOID-1", "PortInDate": bad})).unwrap_err();
            assert!(err.0.contains("PortInDate"), "{bad}: {err:?}");
        }
    }

    #[test]
    fn query_parameters_with_two_spellings_need_one() {
        let op = find("GET", "/v1.0/numbers").unwrap();
        assert_eq!(validate(op, &json!({"ICCID": "8901"})), Ok(()));
        assert!(validate(op, &json!({})).is_err() || op.query.iter().all(|(_, r)| !r));
    }
}
