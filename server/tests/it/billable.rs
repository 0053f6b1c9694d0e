//! Billable calls through the portal's service layer are never done twice:
//! with "do it, then fail" faults on, provisioning N numbers leaves exactly N
//! in the sandbox's ledger, and repeating a request with the same intent key
//! returns the first result.

use serde_json::{json, Value};
use telegent_app::numbers::service as numbers;
use telegent_app::ssr::Tenant;
use telegent_portal::Portal;
use telegent_sandbox::faults::FaultRule;
use telegent_sandbox::seed::ACME_KEY;

use crate::common::portal;

/// Acme Mobile's client, as a Distributor admin's requests use it.
fn admin(portal: &Portal) -> Tenant {
    Tenant {
        distributor_id: ACME_KEY.into(),
        client: portal.state.upstreams.get(ACME_KEY).expect("Acme client"),
    }
}

fn doe_and_route(portal: &Portal) -> (String, Value) {
    let (doe, route) = account_and_route(portal, "Doe Family");
    let request = json!({
        "NumberType": "mvno", "MessageType": "p2p", "MessageEnabled": true, "VoiceEnabled": false,
        "ProductType": "Sms+Data", "AreaCode": "801", "MessageRouteId": route
    });
    (doe, request)
}

/// A demo Account's ID and the ID of its message route.
fn account_and_route(portal: &Portal, name: &str) -> (String, String) {
    let world = portal.sandbox.as_ref().unwrap().0.snapshot();
    let account = world.accounts.values().find(|a| a.name == name).unwrap().id.clone();
    let route = world
        .collection("message_routes")
        .find(|(_, r)| r.account_id.as_deref() == Some(account.as_str()))
        .unwrap()
        .0
        .clone();
    (account, route)
}

fn provisions(portal: &Portal) -> usize {
    portal
        .sandbox
        .as_ref()
        .unwrap()
        .0
        .snapshot()
        .ledger
        .iter()
        .filter(|e| e.operation == "provision")
        .count()
}

#[tokio::test]
async fn provisioning_n_numbers_with_do_it_then_fail_faults_orders_exactly_n() {
    let portal = portal().await;
    let sandbox = &portal.sandbox.as_ref().unwrap().0;
    // Half of all provisioning calls succeed upstream but answer 500; a few drop the connection.
    sandbox.add_fault(FaultRule {
        path_prefix: "/v1.0/numbers/provision".into(),
        drop_connection: true,
        after_effect: true,
        remaining: Some(2),
        ..Default::default()
    });
    sandbox.add_fault(FaultRule {
        path_prefix: "/v1.0/numbers/provision".into(),
        status: Some(500),
        after_effect: true,
        probability: Some(0.5),
        ..Default::default()
    });
    let ctx = admin(&portal);
    let (doe, request) = doe_and_route(&portal);
    let mut numbers = Vec::new();
    for i in 0..6 {
        let key = format!("provision-test-{i}");
        // A person (or a retrying browser) repeats the same form until it answers.
        let mut answer = None;
        for _ in 0..3 {
            if let Ok(a) = numbers::provision(&portal.state.pool, &ctx, &key, &doe, &typed(&request)).await {
                answer = Some(a);
                break;
            }
        }
        let answer = answer.expect("each order resolves");
        // And submits it once more after success: the first result comes back.
        let again = numbers::provision(&portal.state.pool, &ctx, &key, &doe, &typed(&request))
            .await
            .unwrap();
        assert_eq!(again, answer);
        numbers.push(answer["PhoneNumberAssigned"].as_str().unwrap().to_string());
    }
    assert_eq!(provisions(&portal), 6, "exactly one order per intent");
    numbers.sort();
    numbers.dedup();
    assert_eq!(numbers.len(), 6, "each intent got its own number");
}

#[tokio::test]
async fn a_refused_order_is_remembered_as_refused_and_not_charged() {
    let portal = portal().await;
    let ctx = admin(&portal);
    let (doe, mut request) = doe_and_route(&portal);
    request["AreaCode"] = json!("000");
    let first = numbers::provision(&portal.state.pool, &ctx, "refused-1", &doe, &typed(&request))
        .await
        .unwrap_err();
    let second = numbers::provision(&portal.state.pool, &ctx, "refused-1", &doe, &typed(&request))
        .await
        .unwrap_err();
    assert_eq!(first, second);
    assert!(first.to_string().contains("area code 000"), "{first}");
    assert_eq!(provisions(&portal), 0);
}

fn after_effect_500(portal: &Portal, path: &str) {
    portal.sandbox.as_ref().unwrap().0.add_fault(FaultRule {
        path_prefix: path.into(),
        status: Some(500),
        after_effect: true,
        remaining: Some(1),
        ..Default::default()
    });
}

fn ledger(portal: &Portal, operation: &str) -> usize {
    portal
        .sandbox
        .as_ref()
        .unwrap()
        .0
        .snapshot()
        .ledger
        .iter()
        .filter(|e| e.operation == operation)
        .count()
}

#[tokio::test]
async fn an_unconfirmed_port_in_is_found_open_and_not_submitted_again() {
    let portal = portal().await;
    let ctx = admin(&portal);
    let (doe, _) = doe_and_route(&portal);
    after_effect_500(&portal, "/v1.0/numbers/portin");
    let request = json!({
        "PortInNumber": "+13855550141", "CurrentCarrierName": "Old Carrier", "CurrentAccountNumber": "123",
        "CurrentAccountPassword": "0000", "TargetPortinClassification": "mvno", "SubscriberName": "Jane Doe",
        "CurrentBillingAddress": {"Street1": "42 Maple Ave", "City": "Provo", "State": "UT", "Zip": "84601"}
    });
    let first =
        telegent_app::numbers::service::submit_port_in(&portal.state.pool, &ctx, "portin-1", &doe, &typed(&request))
            .await
            .unwrap();
    assert_eq!(first["Reconciled"], true);
    let again =
        telegent_app::numbers::service::submit_port_in(&portal.state.pool, &ctx, "portin-1", &doe, &typed(&request))
            .await
            .unwrap();
    assert_eq!(again, first);
    assert_eq!(ledger(&portal, "portin"), 1);
    let recorded = recorded_request(&portal, "portin-1").await;
    assert!(
        recorded.contains("+13855550141"),
        "the record names the number: {recorded}"
    );
    assert!(!recorded.contains("\"0000\""), "not the carrier password: {recorded}");
}

/// The request as the intent table keeps it.
async fn recorded_request(portal: &telegent_portal::Portal, intent_key: &str) -> String {
    let (request,): (String,) = sqlx::query_as("SELECT request_json FROM billable_intents WHERE intent_key = $1")
        .bind(intent_key)
        .fetch_one(&portal.state.pool)
        .await
        .unwrap();
    request
}

#[tokio::test]
async fn an_unconfirmed_port_out_stays_unconfirmed_and_is_never_resent() {
    let portal = portal().await;
    let ctx = admin(&portal);
    after_effect_500(&portal, "/v1.0/numbers/portout");
    let request = json!({"PortOutNumber": "+18015550103", "PortOutPIN": "4321"});
    for _ in 0..3 {
        let error = numbers::port_out(&portal.state.pool, &ctx, "portout-1", &typed(&request))
            .await
            .unwrap_err();
        assert!(error.to_string().contains("did not confirm"), "{error}");
    }
    assert_eq!(ledger(&portal, "portout"), 1);
    let recorded = recorded_request(&portal, "portout-1").await;
    assert!(!recorded.contains("4321"), "not the port-out PIN: {recorded}");
    assert!(
        recorded.contains("+18015550103"),
        "the record names the number: {recorded}"
    );
}

#[tokio::test]
async fn an_unconfirmed_message_is_found_by_search_and_not_sent_again() {
    let portal = portal().await;
    let ctx = admin(&portal);
    after_effect_500(&portal, "/v1.0/message/outbound");
    let request = json!({"From": "+18015550101", "To": [{"Number": "+18015550102"}], "Body": "Dinner at 7"});
    let first = telegent_app::messaging::service::send(&portal.state.pool, &ctx, "message-1", &typed(&request))
        .await
        .unwrap();
    assert!(first["MessageId"].as_str().unwrap().starts_with("TMID-"));
    let again = telegent_app::messaging::service::send(&portal.state.pool, &ctx, "message-1", &typed(&request))
        .await
        .unwrap();
    assert_eq!(again, first);
    assert_eq!(ledger(&portal, "message"), 1);
}

#[tokio::test]
async fn an_unconfirmed_subscription_is_found_for_its_number() {
    let portal = portal().await;
    let ctx = admin(&portal);
    let world = portal.sandbox.as_ref().unwrap().0.snapshot();
    let sam = world
        .subscribers
        .values()
        .find(|s| s.name == "Sam Doe")
        .unwrap()
        .id
        .clone();
    let line = world
        .numbers
        .values()
        .find(|n| n.msisdn == "+18015550102")
        .unwrap()
        .id
        .clone();
    let package = world
        .collection("packages")
        .find(|(_, r)| r.fields["PackageName"] == "Family Unlimited")
        .unwrap()
        .0
        .clone();
    // The demo line is already billed: start from a line without a subscription.
    portal.sandbox.as_ref().unwrap().0.mutate(|w| {
        if let Some(subscriptions) = w.records.get_mut("subscriptions") {
            subscriptions.retain(|_, r| r.fields["TNID"] != line.as_str());
        }
    });
    // Staff lists exist (the read model holds the line, not yet its plan).
    telegent_app::read_model::sweep::run(&portal.state, ACME_KEY, telegent_app::read_model::sweep::Kind::Full)
        .await
        .unwrap();
    after_effect_500(&portal, "/v1.0/subscriptions");
    let request = json!({"SubscriberId": sam, "TNID": line, "PackageId": package, "Type": "mvno"});
    let doe = world.subscribers[&sam].account_id.clone();
    let first = telegent_app::subscriptions::service::create(&portal.state.pool, &ctx, &doe, "sub-1", &typed(&request))
        .await
        .unwrap();
    assert_eq!(first["TNID"], line.as_str());
    let again = telegent_app::subscriptions::service::create(&portal.state.pool, &ctx, &doe, "sub-1", &typed(&request))
        .await
        .unwrap();
    assert_eq!(again, first);
    let subscriptions = portal
        .sandbox
        .as_ref()
        .unwrap()
        .0
        .snapshot()
        .collection("subscriptions")
        .filter(|(_, r)| r.fields["TNID"] == line.as_str())
        .count();
    assert_eq!(subscriptions, 1, "one subscription for the number, not two");
    // The read model lists it at once (written through, once).
    let listed: Vec<(String, String)> =
        sqlx::query_as("SELECT subscription_id, subscriber_id FROM rm_subscriptions WHERE tnid = $1")
            .bind(&line)
            .fetch_all(&portal.state.pool)
            .await
            .unwrap();
    assert_eq!(listed.len(), 1, "{listed:?}");
    assert_eq!(listed[0].1, sam);
    let (account,): (String,) = sqlx::query_as("SELECT account_id FROM rm_subscriptions WHERE tnid = $1")
        .bind(&line)
        .fetch_one(&portal.state.pool)
        .await
        .unwrap();
    assert_eq!(
        account,
        world.accounts.values().find(|a| a.name == "Doe Family").unwrap().id
    );
}

/// The typed request of a billable operation, written as the API's JSON.
fn typed<T: serde::de::DeserializeOwned>(request: &serde_json::Value) -> T {
    serde_json::from_value(request.clone()).expect("a request of the documented shape")
}

/// Intent keys are unique per tenant: the same key in two Distributors is two
/// orders, and one tenant's answer is never handed to the other.
#[tokio::test]
async fn the_same_intent_key_in_two_distributors_is_two_orders() {
    let portal = portal().await;
    let (doe, acme_request) = doe_and_route(&portal);
    let (smith, globex_route) = account_and_route(&portal, "Smith Family");
    let mut globex_request = acme_request.clone();
    globex_request["MessageRouteId"] = json!(globex_route);
    let globex = Tenant {
        distributor_id: telegent_sandbox::seed::GLOBEX_KEY.into(),
        client: portal
            .state
            .upstreams
            .get(telegent_sandbox::seed::GLOBEX_KEY)
            .expect("Globex client"),
    };
    let acme_answer = numbers::provision(
        &portal.state.pool,
        &admin(&portal),
        "order-1",
        &doe,
        &typed(&acme_request),
    )
    .await
    .unwrap();
    let globex_answer = numbers::provision(&portal.state.pool, &globex, "order-1", &smith, &typed(&globex_request))
        .await
        .unwrap();
    assert_ne!(acme_answer["PhoneNumberAssigned"], globex_answer["PhoneNumberAssigned"]);
    assert_eq!(provisions(&portal), 2, "each tenant's order went out");
}

/// An order left unconfirmed is never bought again by a retry: on the retry
/// the inventory may already hold its number, so "nothing new appeared"
/// proves nothing.
#[tokio::test]
async fn a_retried_unconfirmed_order_is_not_sent_again() {
    let portal = portal().await;
    let (doe, request) = doe_and_route(&portal);
    sqlx::query(
        "INSERT INTO billable_intents (intent_key, distributor_id, operation, request_json, state) \
         VALUES ('stuck-1', $1, 'provision', '{}', 'unknown')",
    )
    .bind(ACME_KEY)
    .execute(&portal.state.pool)
    .await
    .unwrap();
    let before = provisions(&portal);
    let answer = numbers::provision(&portal.state.pool, &admin(&portal), "stuck-1", &doe, &typed(&request)).await;
    let error = answer.expect_err("not confirmed, not resent");
    assert!(error.to_string().contains("will not be sent again"), "{error}");
    assert_eq!(provisions(&portal), before, "no second order");
    let (state,): (String,) = sqlx::query_as("SELECT state FROM billable_intents WHERE intent_key = 'stuck-1'")
        .fetch_one(&portal.state.pool)
        .await
        .unwrap();
    assert_eq!(state, "unknown");
}

#[tokio::test]
async fn a_key_is_one_requests_and_a_send_cut_off_by_a_restart_is_reconciled() {
    let portal = portal().await;
    let ctx = admin(&portal);
    let (doe, request) = doe_and_route(&portal);
    let pool = &portal.state.pool;
    // Another operation's key is refused, never answered with its result.
    let port_out = json!({ "PortOutNumber": "+18015550101", "PortOutPIN": "2468" });
    numbers::port_out(pool, &ctx, "shared-key-1", &typed(&port_out))
        .await
        .unwrap();
    let reused = numbers::provision(pool, &ctx, "shared-key-1", &doe, &typed(&request))
        .await
        .unwrap_err();
    assert!(
        matches!(reused, telegent_app::error::AppError::BadRequest(_)),
        "{reused:?}"
    );
    assert_eq!(provisions(&portal), 0);

    // A "sending" intent written a moment ago is in flight: not sent again.
    let sending = |key: &str, at: &str| {
        sqlx::query(
            "INSERT INTO billable_intents (intent_key, distributor_id, operation, request_json, state, created_at, updated_at) \
             VALUES ($1, $2, 'provision', '{}', 'sending', $3, $3)",
        )
        .bind(key.to_string())
        .bind(ACME_KEY)
        .bind(at.to_string())
    };
    let now = chrono::Utc::now().format("%Y-%m-%dT%H:%M:%S%.3fZ").to_string();
    sending("in-flight-1", &now).execute(pool).await.unwrap();
    let busy = numbers::provision(pool, &ctx, "in-flight-1", &doe, &typed(&request))
        .await
        .unwrap_err();
    assert!(busy.to_string().contains("already being submitted"), "{busy}");
    assert_eq!(provisions(&portal), 0);
    // One left "sending" an hour ago (its process stopped before it heard
    // back): no longer "in progress" but unconfirmed — reconciled, and as no
    // new number can be matched to it, left for a person to check, never
    // sent again blindly.
    let old = (chrono::Utc::now() - chrono::Duration::hours(1))
        .format("%Y-%m-%dT%H:%M:%S%.3fZ")
        .to_string();
    sending("cut-off-1", &old).execute(pool).await.unwrap();
    let unconfirmed = numbers::provision(pool, &ctx, "cut-off-1", &doe, &typed(&request))
        .await
        .unwrap_err();
    assert!(
        unconfirmed.to_string().contains("could not be matched"),
        "{unconfirmed}"
    );
    assert_eq!(provisions(&portal), 0);
    let state: (String,) = sqlx::query_as("SELECT state FROM billable_intents WHERE intent_key = 'cut-off-1'")
        .fetch_one(pool)
        .await
        .unwrap();
    assert_eq!(state.0, "unknown");
}
