//! The sandbox's `/_sandbox/*` admin endpoints: off unless asked for, never
//! usable from another site, and the state dump carries no API secrets.

use telegent::{ClientConfig, Credentials, TelegentClient};
use telegent_sandbox::seed::{ACME_KEY, ACME_SECRET, GLOBEX_SECRET};
use telegent_sandbox::{Sandbox, SandboxConfig};

async fn sandbox(admin_endpoints: bool) -> (Sandbox, String) {
    let sandbox = Sandbox::open(SandboxConfig {
        admin_endpoints,
        ..SandboxConfig::default()
    })
    .unwrap();
    let addr = sandbox.spawn_loopback().await.unwrap();
    (sandbox, format!("http://{addr}"))
}

#[tokio::test]
async fn a_stand_alone_sandbox_serves_no_admin_endpoints_unless_asked() {
    let (sandbox, base) = sandbox(false).await;
    let http = reqwest::Client::new();
    let accounts_before = sandbox.snapshot().accounts.len();
    sandbox.mutate(|w| w.accounts.clear());
    for (method, path) in [
        ("GET", "/_sandbox/state"),
        ("POST", "/_sandbox/reset"),
        ("POST", "/_sandbox/faults"),
        ("GET", "/_sandbox/journal"),
    ] {
        let request = match method {
            "GET" => http.get(format!("{base}{path}")),
            _ => http.post(format!("{base}{path}")).json(&serde_json::json!({})),
        };
        let status = request.send().await.unwrap().status();
        assert_eq!(status, 404, "{method} {path} is not served");
    }
    assert!(sandbox.snapshot().accounts.is_empty(), "the reset did not happen");
    assert!(accounts_before > 0);
    let health = http.get(format!("{base}/_sandbox/health")).send().await.unwrap();
    assert_eq!(health.status(), 200, "health stays, it changes nothing");
}

#[tokio::test]
async fn admin_endpoints_refuse_a_request_a_browser_sends_for_another_site() {
    let (sandbox, base) = sandbox(true).await;
    let http = reqwest::Client::new();
    sandbox.mutate(|w| w.accounts.clear());
    let host = base.trim_start_matches("http://").to_string();
    for (header, value) in [
        ("origin", "https://evil.example".to_string()),
        ("sec-fetch-site", "cross-site".to_string()),
        ("sec-fetch-site", "same-site".to_string()),
        // DNS rebinding: another site's name pointed at this machine.
        ("host", "rebound.evil.example".to_string()),
    ] {
        let answer = http
            .post(format!("{base}/_sandbox/reset"))
            .header(header, value.as_str())
            .send()
            .await
            .unwrap();
        assert_eq!(answer.status(), 403, "{header}: {value}");
    }
    assert!(sandbox.snapshot().accounts.is_empty(), "no cross-site reset happened");

    let same_origin = http
        .post(format!("{base}/_sandbox/reset"))
        .header("origin", format!("http://{host}"))
        .header("sec-fetch-site", "same-origin")
        .send()
        .await
        .unwrap();
    assert_eq!(same_origin.status(), 200, "a same-origin page may");
    let tool = http.post(format!("{base}/_sandbox/reset")).send().await.unwrap();
    assert_eq!(tool.status(), 200, "a tool (no browser headers) may");
    assert!(!sandbox.snapshot().accounts.is_empty(), "reset back to the demo");
}

#[tokio::test]
async fn the_state_dump_has_no_secrets_and_a_restore_keeps_the_credentials() {
    let (sandbox, base) = sandbox(true).await;
    let http = reqwest::Client::new();
    let dump = http
        .get(format!("{base}/_sandbox/state"))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(dump.contains(ACME_KEY), "the dump is the platform");
    for secret in [ACME_SECRET, GLOBEX_SECRET] {
        assert!(!dump.contains(secret), "no Distributor secret in the dump");
    }

    let restored = http
        .post(format!("{base}/_sandbox/state"))
        .header("content-type", "application/json")
        .body(dump)
        .send()
        .await
        .unwrap();
    assert_eq!(restored.status(), 200);
    assert_eq!(sandbox.snapshot().distributors[ACME_KEY].secret, ACME_SECRET);
    let client = TelegentClient::new(ClientConfig::new(
        base.clone(),
        Credentials {
            account_key: ACME_KEY.into(),
            account_secret: ACME_SECRET.into(),
        },
    ))
    .unwrap();
    let accounts = client.distributor_accounts().await.expect("the credential still works");
    assert!(!accounts.is_empty());
}
