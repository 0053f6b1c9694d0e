#![cfg(feature = "client")]
//! Billable calls sent as typed requests: each request type names its own
//! operation, serializes to the body the portal has always sent, and goes out
//! once, through the table's rules, to a fake upstream that records it.

use std::sync::{Arc, Mutex};
use std::time::Duration;

use serde_json::{json, Value};
use telegent::ops::{catalog, messages, numbers};
use telegent::tolerant::from_value;
use telegent::{BillableRequest, ClientConfig, Credentials, RetryPolicy, TelegentClient, TelegentError};
use tokio::io::{AsyncBufReadExt, AsyncReadExt, AsyncWriteExt, BufReader};
use tokio::net::TcpListener;

fn path_of<R: BillableRequest>() -> &'static str {
    R::PATH
}

/// A provision body cannot be sent to the port-in path: the type decides.
#[test]
fn billable_requests_know_their_operation() {
    assert_eq!(path_of::<numbers::ProvisionRequest>(), "/v1.0/numbers/provision");
    assert_eq!(path_of::<numbers::PortInRequest>(), "/v1.0/numbers/portin");
    assert_eq!(path_of::<numbers::PortOutRequest>(), "/v1.0/numbers/portout");
    assert_eq!(path_of::<catalog::SubscriptionCreateRequest>(), "/v1.0/subscriptions");
    assert_eq!(path_of::<messages::OutboundMessageRequest>(), "/v1.0/message/outbound");
    assert!(<numbers::ProvisionRequest as BillableRequest>::INVALIDATES.contains(&"/v1.0/numbers"));
}

/// The bodies the portal's billable intents send today (as JSON), read into
/// the typed requests and written back, are what goes on the wire.
#[test]
fn typed_billable_bodies_are_the_ones_the_portal_sends() {
    fn round_trip<R: BillableRequest + serde::de::DeserializeOwned>(body: Value) -> Value {
        serde_json::to_value(from_value::<R>(body).unwrap()).unwrap()
    }
    let provision = json!({
        "NumberType": "mvno", "MessageType": "p2p", "MessageEnabled": true, "VoiceEnabled": false,
        "ProductType": "Sms+Data", "AreaCode": "801", "MessageRouteId": "MRID-1", "AccountId": "AID-1"
    });
    assert_eq!(round_trip::<numbers::ProvisionRequest>(provision.clone()), provision);
    let port_out = json!({"PortOutNumber": "+18015550103", "PortOutPIN": "4321"});
    assert_eq!(round_trip::<numbers::PortOutRequest>(port_out.clone()), port_out);
    let message = json!({"From": "+18015550101", "To": [{"Number": "+18015550102"}], "Body": "Dinner at 7"});
    assert_eq!(round_trip::<messages::OutboundMessageRequest>(message.clone()), message);
    let subscription = json!({"SubscriberId": "TSUID-1", "TNID": "TNID-1", "PackageId": "PKID-1", "Type": "mvno"});
    assert_eq!(
        round_trip::<catalog::SubscriptionCreateRequest>(subscription.clone()),
        subscription
    );
    let port_in = json!({
        "PortInNumber": "+13855550141", "CurrentCarrierName": "Old Carrier", "CurrentAccountNumber": "123",
        "CurrentAccountPassword": "0000", "TargetPortinClassification": "mvno", "SubscriberName": "Jane Doe",
        "CurrentBillingAddress": {"Street1": "42 Maple Ave", "City": "Provo", "State": "UT", "Zip": "84601"},
        "AccountId": "AID-1"
    });
    let mut sent = round_trip::<numbers::PortInRequest>(port_in.clone());
    // The address writes its unset lines as null, which the API ignores.
    assert_eq!(sent["CurrentBillingAddress"]["Street2"], Value::Null);
    sent["CurrentBillingAddress"]
        .as_object_mut()
        .unwrap()
        .retain(|_, v| !v.is_null());
    assert_eq!(sent, port_in);
}

/// What the fake upstream saw: (method, path, body).
type Seen = Arc<Mutex<Vec<(String, String, Value)>>>;

/// Answers tokens, a number inventory, and `status` for everything else.
async fn fake_upstream(status: u16) -> (String, Seen) {
    let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
    let base = format!("http://{}", listener.local_addr().unwrap());
    let seen: Seen = Arc::default();
    let log = seen.clone();
    tokio::spawn(async move {
        loop {
            let (stream, _) = listener.accept().await.unwrap();
            let log = log.clone();
            tokio::spawn(async move {
                let (read, mut write) = stream.into_split();
                let mut read = BufReader::new(read);
                loop {
                    let mut request_line = String::new();
                    if read.read_line(&mut request_line).await.unwrap_or(0) == 0 {
                        return;
                    }
                    let mut length = 0;
                    loop {
                        let mut header = String::new();
                        read.read_line(&mut header).await.unwrap();
                        if header == "\r\n" {
                            break;
                        }
                        if let Some((name, value)) = header.split_once(':') {
                            if name.eq_ignore_ascii_case("content-length") {
                                length = value.trim().parse().unwrap();
                            }
                        }
                    }
                    let mut body = vec![0; length];
                    read.read_exact(&mut body).await.unwrap();
                    let mut parts = request_line.split_whitespace();
                    let method = parts.next().unwrap_or_default().to_string();
                    let target = parts.next().unwrap_or_default();
                    let path = target.split('?').next().unwrap_or_default().to_string();
                    let body: Value = serde_json::from_slice(&body).unwrap_or(Value::Null);
                    let (code, answer) = if path.eq_ignore_ascii_case("/v1.0/OAuth2/tokens") {
                        (
                            200,
                            json!({"token": "t", "successful": true, "tokenExpiry": "12/31/2099 11:59:59 PM"}),
                        )
                    } else if path == "/v1.0/numbers/inventory" {
                        (200, json!({"PhoneNumbers": []}))
                    } else {
                        (status, json!({"OrderId": "JNUOID-1", "OrderStatus": "Complete"}))
                    };
                    log.lock().unwrap().push((method, path, body));
                    let answer = answer.to_string();
                    let response = format!(
                        "HTTP/1.1 {code} X\r\ncontent-type: application/json\r\ncontent-length: {}\r\n\r\n{answer}",
                        answer.len()
                    );
                    write.write_all(response.as_bytes()).await.unwrap();
                }
            });
        }
    });
    (base, seen)
}

fn client(base: &str) -> TelegentClient {
    let mut cfg = ClientConfig::new(
        base,
        Credentials {
            account_key: "DID-1".into(),
            account_secret: "secret".into(),
        },
    );
    cfg.retry = RetryPolicy {
        max_attempts: 4,
        base: Duration::from_millis(5),
        cap: Duration::from_millis(20),
        deadline: Duration::from_secs(5),
    };
    TelegentClient::new(cfg).unwrap()
}

fn calls(seen: &Seen, path: &str) -> Vec<Value> {
    seen.lock()
        .unwrap()
        .iter()
        .filter(|(_, p, _)| p == path)
        .map(|(_, _, body)| body.clone())
        .collect()
}

fn provision() -> numbers::ProvisionRequest {
    numbers::ProvisionRequest {
        number_type: "mvno".into(),
        message_type: "p2p".into(),
        message_enabled: true,
        product_type: "Sms+Data".into(),
        area_code: Some("801".into()),
        account_id: Some("AID-1".into()),
        ..Default::default()
    }
}

#[tokio::test]
async fn a_typed_billable_request_goes_to_its_path_and_drops_stale_reads() {
    let (base, seen) = fake_upstream(200).await;
    let client = client(&base);
    client.number_inventory(1, None, None).await.unwrap();
    client.number_inventory(1, None, None).await.unwrap();
    assert_eq!(
        calls(&seen, "/v1.0/numbers/inventory").len(),
        1,
        "the second read is cached"
    );

    let answer = client.submit_billable(&provision()).await.unwrap();
    assert_eq!(
        answer["OrderId"], "JNUOID-1",
        "the answer comes back as the platform gave it"
    );
    assert_eq!(
        calls(&seen, "/v1.0/numbers/provision"),
        [serde_json::to_value(provision()).unwrap()]
    );

    client.number_inventory(1, None, None).await.unwrap();
    assert_eq!(
        calls(&seen, "/v1.0/numbers/inventory").len(),
        2,
        "provisioning made the inventory stale"
    );
}

#[tokio::test]
async fn an_ambiguous_failure_of_a_billable_request_is_never_retried() {
    let (base, seen) = fake_upstream(500).await;
    let client = client(&base);
    let outcome = client.submit_billable(&provision()).await;
    assert!(
        matches!(outcome, Err(TelegentError::OutcomeUnknown { .. })),
        "{outcome:?}"
    );
    assert_eq!(calls(&seen, "/v1.0/numbers/provision").len(), 1);

    // The same operation's generated function follows the same rule…
    let typed = client.provision_number(&provision()).await;
    assert!(matches!(typed, Err(TelegentError::OutcomeUnknown { .. })), "{typed:?}");
    assert_eq!(calls(&seen, "/v1.0/numbers/provision").len(), 2);

    // …while a mutation is retried per the documented policy.
    let update = numbers::NumberUpdateRequest {
        number: "+18015551234".into(),
        ..Default::default()
    };
    assert!(client.update_number(&update).await.is_err());
    assert_eq!(calls(&seen, "/v1.0/numbers/update").len(), 4);
}
