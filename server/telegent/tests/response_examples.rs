#![cfg(feature = "client")]
//! Every response example the reference gives for an operation the client
//! covers must read into the type that operation's function returns, and every
//! request example into its request type: the reference is the closest thing
//! to the real API's output we have, inconsistencies included.

use serde_json::Value;
use telegent::ops::{messages, numbers, routes, subscribers};
use telegent::tolerant::from_str;
use telegent::types::ListOf;
use telegent::{operations, Class};

const REFERENCE: &str = include_str!("../../sandbox/reference/openapi.json");

fn operation<'a>(reference: &'a Value, key: &str) -> &'a Value {
    let (method, path) = key.split_once(' ').expect("METHOD /path");
    let op = &reference["paths"][path][method.to_ascii_lowercase()];
    assert!(op.is_object(), "{key} is not in the reference");
    op
}

fn reference() -> Value {
    serde_json::from_str(REFERENCE).expect("reference parses")
}

#[test]
fn every_response_example_reads_into_the_client_type() {
    let reference = reference();
    let mut checked = 0;
    let mut failures = Vec::new();
    for covered in operations() {
        let key = covered.key();
        let op = operation(&reference, &key);
        let examples = op["response200"]["content"]["application/json"]["examples"].as_object();
        let Some(examples) = examples else { continue };
        for (name, example) in examples {
            let Some(value) = example.get("value") else { continue };
            if let Err(e) = (covered.read_response)(value.clone()) {
                failures.push(format!("{key} ({name}): {e}"));
            }
            checked += 1;
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
    assert!(checked >= 80, "only {checked} examples checked");
}

#[test]
fn every_request_example_reads_into_the_request_type() {
    let reference = reference();
    let mut checked = 0;
    let mut failures = Vec::new();
    for covered in operations() {
        let key = covered.key();
        if covered.method != "POST" {
            continue;
        }
        let op = operation(&reference, &key);
        let Some(sample) = op["requestExampleFromSample"].as_str() else {
            continue;
        };
        // Some samples in the reference are not valid JSON (comments, ellipses).
        let Ok(value) = serde_json::from_str::<Value>(sample) else {
            continue;
        };
        let Some(check) = covered.read_request else { continue };
        if let Err(e) = check(value) {
            failures.push(format!("{key}: {e}"));
        }
        checked += 1;
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
    assert!(checked >= 50, "only {checked} request examples checked");
}

#[test]
fn every_covered_operation_is_in_the_reference_once() {
    let reference = reference();
    let mut seen = std::collections::HashSet::new();
    for covered in operations() {
        let key = covered.key();
        operation(&reference, &key);
        assert!(seen.insert(key.clone()), "{key} listed twice");
    }
    assert_eq!(seen.len(), 107, "operations covered by the client");
}

/// What the table says of an operation is what its function does: billable
/// calls are the five that cost money or send something, and the Distributor
/// create (its secret is answered once: never sent twice), and every call that
/// changes state names the reads it makes stale.
#[test]
fn the_table_classifies_every_operation() {
    let billable: Vec<String> = operations()
        .filter(|op| op.class == Class::Billable)
        .map(|op| op.key())
        .collect();
    assert_eq!(
        billable,
        [
            "POST /v1.0/distributor/create",
            "POST /v1.0/numbers/provision",
            "POST /v1.0/numbers/portin",
            "POST /v1.0/numbers/portout",
            "POST /v1.0/subscriptions",
            "POST /v1.0/message/outbound",
        ]
    );
    for op in operations() {
        let key = op.key();
        match op.class {
            Class::Read => assert!(op.invalidates.is_empty(), "{key} is a read that invalidates"),
            Class::Mutation | Class::Billable => {
                assert_eq!(op.method, "POST", "{key}");
                assert!(
                    !op.invalidates.is_empty(),
                    "{key} changes state but leaves the cache as is"
                );
            }
        }
        assert!(op.invalidates.iter().all(|p| p.starts_with("/v1.0/")), "{key}");
        assert!(
            op.read_request.is_some() == (op.method == "POST" && op.function != "token cache (every call)"),
            "{key}"
        );
    }
}

#[test]
fn requests_omit_unset_fields_and_send_numbers_as_objects() {
    let request = numbers::StatusChangeRequest {
        status_change: "park".into(),
        effective_date: "12/31/2025".into(),
        phone_numbers: telegent::types::NumberEntry::list(&["+18015551234"]),
        ..Default::default()
    };
    assert_eq!(
        serde_json::to_value(&request).unwrap(),
        serde_json::json!({
            "StatusChange": "park",
            "EffectiveDate": "12/31/2025",
            "PhoneNumbers": [{"Number": "+18015551234"}]
        })
    );
}

#[test]
fn voice_route_fields_keep_the_api_spelling() {
    let request = routes::VoiceRouteUpdateRequest {
        call_route_id: "CRID-1".into(),
        trunk1_priority: Some(10),
        ip_whitelist: Some(vec![routes::IpAddressEntry {
            ip_address: Some("20.20.10.10".into()),
        }]),
        ..Default::default()
    };
    let body = serde_json::to_value(&request).unwrap();
    assert_eq!(body["Trunk1Priortiy"], 10);
    assert_eq!(body["IpWhitelist"][0]["IpAddress"], "20.20.10.10");
    let route: routes::VoiceRoute =
        from_str(r#"{"CallRouteId": "CRID-1", "IpWhiteList": {"IpAddress": "1.2.3.4"}}"#).unwrap();
    assert_eq!(route.ip_whitelist.len(), 1);
}

#[test]
fn loose_forms_read_the_same() {
    let message: messages::Message =
        from_str(r#"{"MessageID": "TMID-1", "To": "+18015737111", "Cost": "$0.0045", "Unknown": {"x": 1}}"#).unwrap();
    assert_eq!(message.message_id.as_deref(), Some("TMID-1"));
    assert_eq!(message.to, ["+18015737111"]);
    assert_eq!(message.cost, Some(0.0045));

    let number: numbers::NumberDetails =
        from_str(r#"{"Number": "+1", "MessageEnabled": "true", "SwapsRemaining": "2", "TNID": null}"#).unwrap();
    assert_eq!(number.message_enabled, Some(true));
    assert_eq!(number.swaps_remaining, Some(2));
    assert_eq!(number.tnid, None);

    let filters: ListOf<subscribers::MessageFilter> =
        from_str(r#"{"FilterId": "MFID-1", "AllowedContacts": "+1111111111"}"#).unwrap();
    assert_eq!(filters.0.len(), 1);
    assert_eq!(filters.0[0].allowed_contacts, ["+1111111111"]);
}
