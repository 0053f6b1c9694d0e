//! The Telegent client against the sandbox over real HTTP: tokens, budget,
//! retries and billable safety, counted in the sandbox's journal and ledger.

use std::sync::Arc;
use std::time::{Duration, Instant};

use serde_json::{json, Value};
use telegent::{ClientConfig, Credentials, RetryPolicy, Safety, TelegentClient, TelegentError};
use telegent_sandbox::faults::FaultRule;
use telegent_sandbox::{seed, Sandbox, SandboxConfig};

async fn setup(sandbox_limit: Option<u32>, tune: impl FnOnce(&mut ClientConfig)) -> (Sandbox, Arc<TelegentClient>) {
    let sandbox = Sandbox::open(SandboxConfig {
        rate_limit_per_minute: sandbox_limit,
        ..SandboxConfig::default()
    })
    .unwrap();
    let addr = sandbox.spawn_loopback().await.unwrap();
    let credentials = Credentials {
        account_key: seed::ACME_KEY.into(),
        account_secret: seed::ACME_SECRET.into(),
    };
    let mut cfg = ClientConfig::new(format!("http://{addr}"), credentials);
    cfg.retry = RetryPolicy {
        max_attempts: 4,
        base: Duration::from_millis(20),
        cap: Duration::from_millis(200),
        deadline: Duration::from_secs(5),
    };
    tune(&mut cfg);
    (sandbox, Arc::new(TelegentClient::new(cfg).unwrap()))
}

fn calls(sandbox: &Sandbox, path: &str) -> usize {
    sandbox
        .journal()
        .iter()
        .filter(|e| e.path.eq_ignore_ascii_case(path))
        .count()
}

const TOKENS: &str = "/v1.0/OAuth2/tokens";
const ACCOUNTS: &str = "/v1.0/distributor/accounts";

#[tokio::test]
async fn concurrent_requests_share_one_token_per_endpoint() {
    let (sandbox, client) = setup(None, |c| c.read_cache_ttl = Duration::ZERO).await;
    let tasks: Vec<_> = (0..20)
        .map(|_| {
            let client = client.clone();
            tokio::spawn(async move { client.distributor_accounts().await.unwrap().len() })
        })
        .collect();
    for t in tasks {
        assert_eq!(t.await.unwrap(), 2);
    }
    assert_eq!(calls(&sandbox, ACCOUNTS), 20, "no cache: every read goes upstream");
    assert_eq!(calls(&sandbox, TOKENS), 1, "one token for the endpoint, fetched once");
    client
        .account(&sandbox.snapshot().accounts.keys().next().unwrap().clone())
        .await
        .ok();
    assert_eq!(calls(&sandbox, TOKENS), 2, "another endpoint needs its own token");
}

#[tokio::test]
async fn identical_concurrent_reads_are_coalesced_and_cached() {
    let (sandbox, client) = setup(None, |_| {}).await;
    let tasks: Vec<_> = (0..10)
        .map(|_| {
            let client = client.clone();
            tokio::spawn(async move { client.distributor_accounts().await.unwrap() })
        })
        .collect();
    for t in tasks {
        t.await.unwrap();
    }
    assert_eq!(calls(&sandbox, ACCOUNTS), 1);
    client.invalidate_reads("/v1.0/distributor");
    client.distributor_accounts().await.unwrap();
    assert_eq!(calls(&sandbox, ACCOUNTS), 2, "invalidated reads go upstream again");
}

#[tokio::test]
async fn a_revoked_token_is_replaced_once_and_the_call_succeeds() {
    let (sandbox, client) = setup(None, |c| c.read_cache_ttl = Duration::ZERO).await;
    client.distributor_accounts().await.unwrap();
    sandbox.revoke_tokens();
    client.distributor_accounts().await.unwrap();
    let statuses: Vec<u16> = sandbox
        .journal()
        .iter()
        .filter(|e| e.path == ACCOUNTS)
        .map(|e| e.status)
        .collect();
    assert_eq!(statuses, [200, 401, 200]);
    assert_eq!(calls(&sandbox, TOKENS), 2);
}

#[tokio::test]
async fn retryable_failures_are_retried_and_others_are_not() {
    let (sandbox, client) = setup(None, |c| c.read_cache_ttl = Duration::ZERO).await;
    sandbox.add_fault(FaultRule {
        path_prefix: ACCOUNTS.into(),
        status: Some(503),
        remaining: Some(2),
        ..Default::default()
    });
    assert_eq!(client.distributor_accounts().await.unwrap().len(), 2);
    assert_eq!(calls(&sandbox, ACCOUNTS), 3, "two 503s, then success");

    sandbox.add_fault(FaultRule {
        path_prefix: ACCOUNTS.into(),
        status: Some(400),
        remaining: Some(1),
        ..Default::default()
    });
    let before = calls(&sandbox, ACCOUNTS);
    let error = client.distributor_accounts().await.unwrap_err();
    assert!(
        matches!(error, TelegentError::Rejected { status: 400, .. }),
        "{error:?}"
    );
    assert_eq!(calls(&sandbox, ACCOUNTS), before + 1, "400 is never retried");

    sandbox.add_fault(FaultRule {
        path_prefix: ACCOUNTS.into(),
        status: Some(500),
        ..Default::default()
    });
    let before = calls(&sandbox, ACCOUNTS);
    assert!(matches!(
        client.distributor_accounts().await,
        Err(TelegentError::Unavailable { .. })
    ));
    assert_eq!(calls(&sandbox, ACCOUNTS), before + 4, "bounded attempts");
}

#[tokio::test]
async fn retry_after_is_waited_for() {
    let (sandbox, client) = setup(None, |c| c.read_cache_ttl = Duration::ZERO).await;
    // The sandbox sends Retry-After: 1 with injected 429s.
    sandbox.add_fault(FaultRule {
        path_prefix: ACCOUNTS.into(),
        status: Some(429),
        remaining: Some(1),
        ..Default::default()
    });
    let started = Instant::now();
    client.distributor_accounts().await.unwrap();
    assert!(
        started.elapsed() >= Duration::from_secs(1),
        "waited {:?}",
        started.elapsed()
    );
}

#[tokio::test]
async fn a_billable_call_is_sent_once_and_an_ambiguous_failure_is_reported_as_unknown() {
    let (sandbox, client) = setup(None, |_| {}).await;
    let world = sandbox.snapshot();
    let doe = world
        .accounts
        .values()
        .find(|a| a.name == "Doe Family")
        .unwrap()
        .id
        .clone();
    let route = world
        .collection("message_routes")
        .find(|(_, r)| r.account_id.as_deref() == Some(doe.as_str()))
        .unwrap()
        .0
        .clone();
    sandbox.add_fault(FaultRule {
        path_prefix: "/v1.0/numbers/provision".into(),
        status: Some(500),
        after_effect: true,
        remaining: Some(1),
        ..Default::default()
    });
    let body = json!({
        "NumberType": "mvno", "MessageType": "p2p", "MessageEnabled": true, "VoiceEnabled": false,
        "ProductType": "Sms+Data", "AreaCode": "801", "MessageRouteId": route, "AccountId": doe
    });
    let outcome = client
        .post::<Value>("/v1.0/numbers/provision", &body, Safety::Billable)
        .await;
    assert!(
        matches!(outcome, Err(TelegentError::OutcomeUnknown { .. })),
        "{outcome:?}"
    );
    assert_eq!(
        calls(&sandbox, "/v1.0/numbers/provision"),
        1,
        "never resent automatically"
    );
    assert_eq!(sandbox.snapshot().ledger.len(), 1, "and the platform did do it");

    // A gateway's 502 after the platform acted is just as ambiguous.
    sandbox.add_fault(FaultRule {
        path_prefix: "/v1.0/numbers/provision".into(),
        status: Some(502),
        after_effect: true,
        remaining: Some(1),
        ..Default::default()
    });
    let outcome = client
        .post::<Value>("/v1.0/numbers/provision", &body, Safety::Billable)
        .await;
    assert!(
        matches!(outcome, Err(TelegentError::OutcomeUnknown { .. })),
        "502: {outcome:?}"
    );
    assert_eq!(sandbox.snapshot().ledger.len(), 2);
}

#[tokio::test]
async fn the_budget_keeps_the_client_under_the_upstream_limit() {
    // Five calls a minute on both sides; the client must never see a 429.
    let (sandbox, client) = setup(Some(5), |c| {
        c.rate_limit_per_minute = 5;
        c.read_cache_ttl = Duration::ZERO;
        c.max_budget_wait = Duration::ZERO;
    })
    .await;
    let mut busy = 0;
    for _ in 0..8 {
        match client.distributor_accounts().await {
            Ok(_) => {}
            Err(TelegentError::Busy { wait }) => {
                assert!(wait > Duration::from_secs(50));
                busy += 1;
            }
            Err(other) => panic!("unexpected {other:?}"),
        }
    }
    // One token call + four reads fit; the rest are refused locally.
    assert_eq!(busy, 4);
    assert!(
        sandbox.journal().iter().all(|e| e.status != 429),
        "the upstream never had to refuse"
    );
    assert_eq!(sandbox.journal().len(), 5);
}

#[tokio::test]
async fn a_page_of_lines_costs_one_batched_call_each_and_none_when_served_again() {
    use telegent::ops::numbers::{DataUsageLimitsRequest, PhoneNumbersRequest};
    use telegent::types::NumberEntry;
    let (sandbox, client) = setup(None, |_| {}).await;
    let lines: Vec<String> = sandbox
        .snapshot()
        .numbers
        .values()
        .map(|n| n.msisdn.clone())
        .take(7)
        .collect();
    let page = PhoneNumbersRequest {
        phone_numbers: NumberEntry::list(&lines),
    };
    for _ in 0..3 {
        client.data_usage_info(&page).await.unwrap();
        client.data_usage_settings(&page).await.unwrap();
    }
    assert_eq!(calls(&sandbox, "/v1.0/numbers/data-usage/info"), 1);
    assert_eq!(calls(&sandbox, "/v1.0/numbers/data-usage/settings"), 1);
    let limits = DataUsageLimitsRequest {
        value_unit: "MB".into(),
        limit_value: 500,
        phone_numbers: NumberEntry::list(&lines[..1]),
        ..Default::default()
    };
    client.set_data_usage_limits(&limits).await.unwrap();
    client.data_usage_settings(&page).await.unwrap();
    assert_eq!(
        calls(&sandbox, "/v1.0/numbers/data-usage/settings"),
        2,
        "a change invalidates the cached settings"
    );
}

#[tokio::test]
async fn when_the_budget_is_spent_a_stale_read_is_served() {
    let (sandbox, client) = setup(None, |c| {
        c.rate_limit_per_minute = 3;
        c.max_budget_wait = Duration::ZERO;
        c.read_cache_ttl = Duration::from_millis(5);
        c.slow_read_cache_ttl = Duration::from_millis(5);
    })
    .await;
    let first = client.distributor_accounts().await.unwrap(); // token + read
    tokio::time::sleep(Duration::from_millis(10)).await;
    client.distributor_accounts().await.unwrap(); // read: budget now spent
    tokio::time::sleep(Duration::from_millis(10)).await;
    let stale = client.distributor_accounts().await.unwrap();
    assert_eq!(stale, first);
    assert_eq!(calls(&sandbox, ACCOUNTS), 2);
}

/// The client's types and the sandbox's answers agree: the typed reads the
/// portal uses decode what the sandbox serves, with the seeded data in them.
#[tokio::test]
async fn typed_reads_decode_the_sandbox_answers() {
    let (sandbox, client) = setup(None, |_| {}).await;
    let world = sandbox.snapshot();
    let doe = world
        .accounts
        .values()
        .find(|a| a.name == "Doe Family")
        .unwrap()
        .id
        .clone();
    let sam = world
        .subscribers
        .values()
        .find(|s| s.name == "Sam Doe")
        .unwrap()
        .id
        .clone();

    // The Distributor's four, and Bright Bakery's own.
    let products = client.distributor_products(None).await.unwrap();
    assert_eq!(products.results.len(), 5);
    assert_eq!(products.total_products, Some(5));
    let own: Vec<_> = products.results.iter().filter(|p| p.account_id.is_some()).collect();
    assert_eq!(own.len(), 1);
    assert_eq!(own[0].sku.as_deref(), Some("BAKERY-POS"));
    let packages = client.account_packages(Some("family")).await.unwrap();
    assert_eq!(packages.results.len(), 1);
    let routes = client.account_message_routes(Some(&doe)).await.unwrap();
    assert_eq!(routes.results.len(), 1);
    let subscriber = client.subscriber(&sam).await.unwrap();
    assert_eq!(subscriber.account_id().as_deref(), Some(doe.as_str()));
    let features = client.guardian_features(&sam, None).await.unwrap();
    assert_eq!(features.enable_intelligent_guardian_messages, Some(false));
    let line = client.number_details("+18015550102").await.unwrap();
    assert_eq!(line.number.as_deref(), Some("+18015550102"));
    let inventory = client.number_inventory(1, None, None).await.unwrap();
    assert_eq!(
        inventory.phone_numbers.len(),
        9,
        "all of Acme's lines (two spare), none of Globex's"
    );
}

#[tokio::test]
async fn slow_changing_reads_keep_their_copy_longer_and_a_handle_says_how_old_its_copies_are() {
    // A fresh read lasts 50 ms here; members and Guardian settings the default 10 minutes.
    let (sandbox, client) = setup(None, |c| c.read_cache_ttl = Duration::from_millis(50)).await;
    const SUBSCRIBERS: &str = "/v1.0/distributor/subscribers";
    const INFO: &str = "/v1.0/numbers/data-usage/info";
    let request = telegent::ops::numbers::PhoneNumbersRequest {
        phone_numbers: telegent::types::NumberEntry::list(&["+18015550102".to_string()]),
    };
    client.distributor_subscribers(1, 500).await.unwrap();
    client.data_usage_info(&request).await.unwrap();
    tokio::time::sleep(Duration::from_millis(80)).await;
    let handle = client.with_share(Arc::new(telegent::RateBudget::per_minute(100)));
    handle.distributor_subscribers(1, 500).await.unwrap();
    handle.data_usage_info(&request).await.unwrap();
    assert_eq!(calls(&sandbox, SUBSCRIBERS), 1, "members: served from the copy");
    assert_eq!(calls(&sandbox, INFO), 2, "data use: read again");
    let age = handle
        .copy_age()
        .expect("this handle served a copy older than a fresh read");
    assert!(age >= Duration::from_millis(80), "{age:?}");
    // A handle that only read fresh data has no copy to speak of.
    let fresh = client.with_share(Arc::new(telegent::RateBudget::per_minute(100)));
    fresh.data_usage_info(&request).await.unwrap();
    assert_eq!(fresh.copy_age(), None);
    // The portal's own change drops the copy it touches.
    let sam = sandbox
        .snapshot()
        .subscribers
        .values()
        .find(|s| s.email == "sam.doe@example.com")
        .unwrap()
        .id
        .clone();
    client
        .update_subscriber(&telegent::ops::subscribers::SubscriberUpdateRequest {
            subscriber_id: sam,
            name: Some("Samuel Doe".into()),
            ..Default::default()
        })
        .await
        .unwrap();
    let after = client.distributor_subscribers(1, 500).await.unwrap();
    assert_eq!(calls(&sandbox, SUBSCRIBERS), 2, "read again after the change");
    assert!(after.subscribers.iter().any(|s| s.name == "Samuel Doe"));
}

#[tokio::test]
async fn a_call_the_credential_has_no_room_for_does_not_spend_the_persons_share() {
    let (_sandbox, client) = setup(None, |c| {
        c.rate_limit_per_minute = 2;
        c.max_budget_wait = Duration::ZERO;
        c.read_cache_ttl = Duration::ZERO;
    })
    .await;
    let share = Arc::new(telegent::RateBudget::per_minute(10));
    let jane = client.with_share(share.clone());
    jane.distributor_accounts().await.unwrap(); // token + read: the credential's two calls
    let before = share.remaining().await;
    let refused = jane.distributor_accounts().await;
    assert!(matches!(refused, Err(TelegentError::Busy { .. })), "{refused:?}");
    assert_eq!(
        share.remaining().await,
        before,
        "the refused call was given back to Jane's share"
    );
}

#[tokio::test]
async fn a_spent_share_is_told_busy_at_once_instead_of_waiting_behind_the_read() {
    let (_sandbox, client) = setup(None, |c| {
        c.max_budget_wait = Duration::from_secs(20);
        c.read_cache_ttl = Duration::ZERO;
    })
    .await;
    let jane = client.with_share(Arc::new(telegent::RateBudget::per_minute(2)));
    jane.distributor_accounts().await.unwrap(); // token + read: Jane's two
    let started = Instant::now();
    let refused = jane.distributor_accounts().await;
    assert!(matches!(refused, Err(TelegentError::Busy { .. })), "{refused:?}");
    // Not the 20 s a wait for room in the share would take (the minute is far from over).
    assert!(started.elapsed() < Duration::from_secs(10), "{:?}", started.elapsed());
}
