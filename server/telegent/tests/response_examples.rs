#![cfg(feature = "client")]
//! Every response example the reference gives for an operation the client
//! covers must read into the type that operation's function returns, and every
//! request example into its request type: the reference is the closest thing
//! to the real API's output we have, inconsistencies included.

use serde::de::DeserializeOwned;
use serde_json::Value;
use telegent::ops::{catalog, messages, numbers, routes, subscribers};
use telegent::types::{Account, Distributor, ListOf, SubscribersPage, TokenResponse};
use telegent::CLIENT_OPERATIONS;

const REFERENCE: &str = include_str!("../../sandbox/reference/openapi.json");

type Check = fn(Value) -> Result<(), serde_json::Error>;

fn check<T: DeserializeOwned>(value: Value) -> Result<(), serde_json::Error> {
    serde_json::from_value::<T>(value).map(|_| ())
}

/// The type each covered operation's function decodes its response into.
/// List functions decode through `ListOf` and return its `Vec`.
fn response_type(key: &str) -> Option<Check> {
    Some(match key {
        "POST /v1.0/OAuth2/tokens" => check::<TokenResponse>,
        "GET /v1.0/distributor" => check::<Distributor>,
        "GET /v1.0/distributor/accounts" => check::<ListOf<Account>>,
        "GET /v1.0/distributor/subscribers" => check::<SubscribersPage>,
        "GET /v1.0/account" => check::<Account>,
        "POST /v1.0/numbers/availability" => check::<numbers::AvailabilityResponse>,
        "POST /v1.0/numbers/provision" => check::<numbers::ProvisionResponse>,
        "GET /v1.0/numbers/order" => check::<numbers::NumberOrder>,
        "POST /v1.0/numbers/status" => check::<numbers::StatusChangeResponse>,
        "POST /v1.0/numbers/reactivate" => check::<numbers::ReactivateResult>,
        "POST /v1.0/numbers/update" => check::<numbers::NumberUpdateResponse>,
        "GET /v1.0/numbers" => check::<numbers::NumberDetails>,
        "GET /v1.0/numbers/inventory" => check::<numbers::NumberInventory>,
        "POST /v1.0/numbers/portin/eligibility" => check::<numbers::PortInEligibility>,
        "POST /v1.0/numbers/portin" => check::<numbers::PortInOrder>,
        "POST /v1.0/numbers/portin/update" => check::<numbers::PortInUpdateResult>,
        "POST /v1.0/numbers/portin/cancel" => check::<numbers::PortInCancelResult>,
        "POST /v1.0/numbers/portout" => check::<numbers::PortOutOrder>,
        "POST /v1.0/numbers/data-usage" => check::<numbers::DataUsageLimits>,
        "POST /v1.0/numbers/data-usage/info" => check::<numbers::DataUsageInfo>,
        "POST /v1.0/numbers/data-usage/settings" => check::<numbers::DataUsageSettings>,
        "POST /v1.0/numbers/data-usage/update-renewal-info" => check::<numbers::RenewalInfoResponse>,
        "POST /v1.0/numbers/voicemail/info" => check::<numbers::VoicemailInfo>,
        "POST /v1.0/numbers/voicemail/activate" => check::<numbers::VoicemailResult>,
        "POST /v1.0/numbers/voicemail/update" => check::<numbers::VoicemailResult>,
        "POST /v1.0/numbers/voicemail/delete" => check::<numbers::VoicemailResult>,
        "POST /v1.0/numbers/device-details" => check::<numbers::DeviceDetails>,
        "POST /v1.0/subscribers/create" => check::<subscribers::Subscriber>,
        "GET /v1.0/subscribers/get" => check::<subscribers::Subscriber>,
        "POST /v1.0/subscribers/update" => check::<subscribers::Subscriber>,
        "POST /v1.0/subscribers/transfer" => check::<subscribers::Subscriber>,
        "GET /v1.0/subscribers/guardian-features" => check::<subscribers::GuardianFeatures>,
        "POST /v1.0/subscribers/guardian-features" => check::<subscribers::GuardianFeatures>,
        "POST /v1.0/subscribers/guardians/relation" => check::<subscribers::GuardianRelation>,
        "POST /v1.0/subscribers/guardians/relation/delete" => check::<subscribers::GuardianRelationDeleted>,
        "GET /v1.0/subscribers/guardians/relation/parent" => check::<subscribers::GuardianChildren>,
        "GET /v1.0/subscribers/guardians/relation/child" => check::<subscribers::GuardianParents>,
        "POST /v1.0/subscribers/message-filter" => check::<subscribers::MessageFilter>,
        "GET /v1.0/subscribers/message-filter" => check::<ListOf<subscribers::MessageFilter>>,
        "POST /v1.0/subscribers/message-filter/update" => check::<subscribers::MessageFilter>,
        "POST /v1.0/subscribers/message-filter/delete" => check::<subscribers::FilterDeleted>,
        "GET /v1.0/subscribers/message-filter/allowed-contacts" => check::<ListOf<String>>,
        "POST /v1.0/subscribers/message-filter/allowed-contacts/add" => check::<subscribers::MessageFilterContacts>,
        "POST /v1.0/subscribers/message-filter/allowed-contacts/remove" => check::<subscribers::MessageFilterContacts>,
        "GET /v1.0/subscribers/message-filter/blocked-contacts" => check::<ListOf<String>>,
        "POST /v1.0/subscribers/message-filter/blocked-contacts/add" => check::<subscribers::MessageFilterContacts>,
        "POST /v1.0/subscribers/message-filter/blocked-contacts/remove" => check::<subscribers::MessageFilterContacts>,
        "GET /v1.0/subscribers/message-filter/keywords" => check::<subscribers::FilterKeywords>,
        "POST /v1.0/subscribers/call-filter" => check::<subscribers::CallFilter>,
        "GET /v1.0/subscribers/call-filter" => check::<ListOf<subscribers::CallFilter>>,
        "POST /v1.0/subscribers/call-filter/update" => check::<subscribers::CallFilter>,
        "POST /v1.0/subscribers/call-filter/delete" => check::<subscribers::FilterDeleted>,
        "GET /v1.0/subscribers/call-filter/allowed-numbers" => check::<ListOf<String>>,
        "POST /v1.0/subscribers/call-filter/allowed-numbers/add" => check::<subscribers::CallFilterNumbers>,
        "POST /v1.0/subscribers/call-filter/allowed-numbers/remove" => check::<subscribers::CallFilterNumbers>,
        "GET /v1.0/subscribers/call-filter/blocked-numbers" => check::<ListOf<String>>,
        "POST /v1.0/subscribers/call-filter/blocked-numbers/add" => check::<subscribers::CallFilterNumbers>,
        "POST /v1.0/subscribers/call-filter/blocked-numbers/remove" => check::<subscribers::CallFilterNumbers>,
        "GET /v1.0/subscribers/call-filter/keywords" => check::<subscribers::FilterKeywords>,
        "GET /v1.0/products" => check::<catalog::Product>,
        "POST /v1.0/products" => check::<catalog::Product>,
        "POST /v1.0/products/update" => check::<catalog::Product>,
        "POST /v1.0/products/delete" => check::<catalog::ProductDeleted>,
        "GET /v1.0/account/products" => check::<catalog::ProductList>,
        "GET /v1.0/distributor/products" => check::<catalog::ProductList>,
        "GET /v1.0/packages" => check::<catalog::Package>,
        "POST /v1.0/packages" => check::<catalog::Package>,
        "POST /v1.0/packages/update" => check::<catalog::Package>,
        "POST /v1.0/packages/delete" => check::<catalog::PackageDeleted>,
        "POST /v1.0/packages/items/add" => check::<catalog::PackageItem>,
        "POST /v1.0/packages/items/update" => check::<catalog::PackageItem>,
        "POST /v1.0/packages/items/delete" => check::<catalog::PackageItemDeleted>,
        "GET /v1.0/packages/items" => check::<ListOf<catalog::PackageItem>>,
        "GET /v1.0/account/packages" => check::<catalog::PackageList>,
        "GET /v1.0/distributor/packages" => check::<catalog::PackageList>,
        "GET /v1.0/services" => check::<catalog::Service>,
        "GET /v1.0/account/services" => check::<catalog::ServiceList>,
        "POST /v1.0/subscriptions" => check::<catalog::Subscription>,
        "GET /v1.0/subscriptions" => check::<catalog::Subscription>,
        "POST /v1.0/subscriptions/delete" => check::<catalog::SubscriptionDeleted>,
        "GET /v1.0/account/subscriptions" => check::<catalog::SubscriptionList>,
        "POST /v1.0/message/routes" => check::<routes::MessageRoute>,
        "GET /v1.0/message/routes" => check::<routes::MessageRoute>,
        "POST /v1.0/message/routes/update" => check::<routes::MessageRoute>,
        "POST /v1.0/message/routes/delete" => check::<routes::MessageRouteDeleted>,
        "GET /v1.0/account/message/routes" => check::<routes::MessageRouteList>,
        "POST /v1.0/voice/routes" => check::<routes::VoiceRoute>,
        "GET /v1.0/voice/routes" => check::<routes::VoiceRoute>,
        "POST /v1.0/voice/routes/update" => check::<routes::VoiceRoute>,
        "POST /v1.0/voice/routes/delete" => check::<routes::VoiceRouteDeleted>,
        "GET /v1.0/account/voice/routes" => check::<routes::VoiceRouteList>,
        "POST /v1.0/message/outbound" => check::<messages::Message>,
        "GET /v1.0/message/details" => check::<messages::Message>,
        "GET /v1.0/message/search" => check::<messages::MessageSearch>,
        _ => return None,
    })
}

fn request_type(key: &str) -> Option<Check> {
    Some(match key {
        "POST /v1.0/numbers/availability" => check::<numbers::AvailabilityRequest>,
        "POST /v1.0/numbers/provision" => check::<numbers::ProvisionRequest>,
        "POST /v1.0/numbers/status" => check::<numbers::StatusChangeRequest>,
        "POST /v1.0/numbers/reactivate" => check::<numbers::PhoneNumberRequest>,
        "POST /v1.0/numbers/update" => check::<numbers::NumberUpdateRequest>,
        "POST /v1.0/numbers/portin/eligibility" => check::<numbers::PortInEligibilityRequest>,
        "POST /v1.0/numbers/portin" => check::<numbers::PortInRequest>,
        "POST /v1.0/numbers/portin/update" => check::<numbers::PortInUpdateRequest>,
        "POST /v1.0/numbers/portin/cancel" => check::<numbers::OrderIdRequest>,
        "POST /v1.0/numbers/portout" => check::<numbers::PortOutRequest>,
        "POST /v1.0/numbers/data-usage" => check::<numbers::DataUsageLimitsRequest>,
        "POST /v1.0/numbers/data-usage/info" => check::<numbers::PhoneNumbersRequest>,
        "POST /v1.0/numbers/data-usage/settings" => check::<numbers::PhoneNumbersRequest>,
        "POST /v1.0/numbers/data-usage/update-renewal-info" => check::<numbers::RenewalInfoRequest>,
        "POST /v1.0/numbers/voicemail/info" => check::<numbers::PhoneNumberRequest>,
        "POST /v1.0/numbers/voicemail/activate" => check::<numbers::VoicemailRequest>,
        "POST /v1.0/numbers/voicemail/update" => check::<numbers::VoicemailRequest>,
        "POST /v1.0/numbers/voicemail/delete" => check::<numbers::PhoneNumberRequest>,
        "POST /v1.0/numbers/device-details" => check::<numbers::PhoneNumberRequest>,
        "POST /v1.0/subscribers/create" => check::<subscribers::SubscriberCreateRequest>,
        "POST /v1.0/subscribers/update" => check::<subscribers::SubscriberUpdateRequest>,
        "POST /v1.0/subscribers/transfer" => check::<subscribers::SubscriberTransferRequest>,
        "POST /v1.0/subscribers/guardian-features" => check::<subscribers::GuardianFeaturesRequest>,
        "POST /v1.0/subscribers/guardians/relation" => check::<subscribers::GuardianRelationRequest>,
        "POST /v1.0/subscribers/guardians/relation/delete" => check::<subscribers::GuardianRelationDeleteRequest>,
        "POST /v1.0/subscribers/message-filter" => check::<subscribers::MessageFilterCreateRequest>,
        "POST /v1.0/subscribers/message-filter/update" => check::<subscribers::MessageFilterUpdateRequest>,
        "POST /v1.0/subscribers/message-filter/delete" => check::<subscribers::MessageFilterDeleteRequest>,
        "POST /v1.0/subscribers/message-filter/allowed-contacts/add" => {
            check::<subscribers::MessageFilterContactsRequest>
        }
        "POST /v1.0/subscribers/message-filter/allowed-contacts/remove" => {
            check::<subscribers::MessageFilterContactsRequest>
        }
        "POST /v1.0/subscribers/message-filter/blocked-contacts/add" => {
            check::<subscribers::MessageFilterContactsRequest>
        }
        "POST /v1.0/subscribers/message-filter/blocked-contacts/remove" => {
            check::<subscribers::MessageFilterContactsRequest>
        }
        "POST /v1.0/subscribers/call-filter" => check::<subscribers::CallFilterCreateRequest>,
        "POST /v1.0/subscribers/call-filter/update" => check::<subscribers::CallFilterUpdateRequest>,
        "POST /v1.0/subscribers/call-filter/delete" => check::<subscribers::CallFilterDeleteRequest>,
        "POST /v1.0/subscribers/call-filter/allowed-numbers/add" => check::<subscribers::CallFilterNumbersRequest>,
        "POST /v1.0/subscribers/call-filter/allowed-numbers/remove" => check::<subscribers::CallFilterNumbersRequest>,
        "POST /v1.0/subscribers/call-filter/blocked-numbers/add" => check::<subscribers::CallFilterNumbersRequest>,
        "POST /v1.0/subscribers/call-filter/blocked-numbers/remove" => check::<subscribers::CallFilterNumbersRequest>,
        "POST /v1.0/products" => check::<catalog::ProductCreateRequest>,
        "POST /v1.0/products/update" => check::<catalog::ProductUpdateRequest>,
        "POST /v1.0/products/delete" => check::<catalog::ProductDeleteRequest>,
        "POST /v1.0/packages" => check::<catalog::PackageCreateRequest>,
        "POST /v1.0/packages/update" => check::<catalog::PackageUpdateRequest>,
        "POST /v1.0/packages/delete" => check::<catalog::PackageDeleteRequest>,
        "POST /v1.0/packages/items/add" => check::<catalog::PackageItemAddRequest>,
        "POST /v1.0/packages/items/update" => check::<catalog::PackageItemUpdateRequest>,
        "POST /v1.0/packages/items/delete" => check::<catalog::PackageItemDeleteRequest>,
        "POST /v1.0/subscriptions" => check::<catalog::SubscriptionCreateRequest>,
        "POST /v1.0/subscriptions/delete" => check::<catalog::SubscriptionDeleteRequest>,
        "POST /v1.0/message/routes" => check::<routes::MessageRouteCreateRequest>,
        "POST /v1.0/message/routes/update" => check::<routes::MessageRouteUpdateRequest>,
        "POST /v1.0/message/routes/delete" => check::<routes::MessageRouteDeleteRequest>,
        "POST /v1.0/voice/routes" => check::<routes::VoiceRouteCreateRequest>,
        "POST /v1.0/voice/routes/update" => check::<routes::VoiceRouteUpdateRequest>,
        "POST /v1.0/voice/routes/delete" => check::<routes::VoiceRouteDeleteRequest>,
        "POST /v1.0/message/outbound" => check::<messages::OutboundMessageRequest>,
        _ => return None,
    })
}

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
    for (key, function) in CLIENT_OPERATIONS {
        let op = operation(&reference, key);
        let examples = op["response200"]["content"]["application/json"]["examples"].as_object();
        let Some(examples) = examples else { continue };
        let Some(check) = response_type(key) else {
            failures.push(format!("{key}: no response type listed in this test for {function}"));
            continue;
        };
        for (name, example) in examples {
            let Some(value) = example.get("value") else { continue };
            if let Err(e) = check(value.clone()) {
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
    for (key, _) in CLIENT_OPERATIONS {
        if !key.starts_with("POST ") {
            continue;
        }
        let op = operation(&reference, key);
        let Some(sample) = op["requestExampleFromSample"].as_str() else {
            continue;
        };
        // Some samples in the reference are not valid JSON (comments, ellipses).
        let Ok(value) = serde_json::from_str::<Value>(sample) else {
            continue;
        };
        let Some(check) = request_type(key) else { continue };
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
    for (key, _) in CLIENT_OPERATIONS {
        operation(&reference, key);
        assert!(seen.insert(*key), "{key} listed twice");
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
        serde_json::from_str(r#"{"CallRouteId": "CRID-1", "IpWhiteList": {"IpAddress": "1.2.3.4"}}"#).unwrap();
    assert_eq!(route.ip_whitelist.len(), 1);
}

#[test]
fn loose_forms_read_the_same() {
    let message: messages::Message = serde_json::from_str(
        r#"{"MessageID": "TMID-1", "To": "+18015737111", "Cost": "$0.0045", "Unknown": {"x": 1}}"#,
    )
    .unwrap();
    assert_eq!(message.message_id.as_deref(), Some("TMID-1"));
    assert_eq!(message.to, ["+18015737111"]);
    assert_eq!(message.cost, Some(0.0045));

    let number: numbers::NumberDetails =
        serde_json::from_str(r#"{"Number": "+1", "MessageEnabled": "true", "SwapsRemaining": "2", "TNID": null}"#)
            .unwrap();
    assert_eq!(number.message_enabled, Some(true));
    assert_eq!(number.swaps_remaining, Some(2));
    assert_eq!(number.tnid, None);

    let filters: ListOf<subscribers::MessageFilter> =
        serde_json::from_str(r#"{"FilterId": "MFID-1", "AllowedContacts": "+1111111111"}"#).unwrap();
    assert_eq!(filters.0.len(), 1);
    assert_eq!(filters.0[0].allowed_contacts, ["+1111111111"]);
}
