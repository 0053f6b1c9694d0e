//! How many upstream calls a scripted mix of portal operations costs through
//! the portal's Telegent client, against a naive client (a new token for every
//! call, no cache), measured in one run against two fresh sandboxes. Prints
//! counts and ratios; it asserts nothing (see server/tests/it/client.rs for that).

use std::time::Duration;

use serde_json::{json, Value};
use telegent::{ClientConfig, Credentials, Safety, TelegentClient};
use telegent_sandbox::{seed, Sandbox, SandboxConfig};

/// The portal operations of the script and how many times each runs.
const SCRIPT: &[(&str, usize)] = &[("dashboard", 10), ("account page", 10), ("family overview", 10)];

async fn sandbox() -> (Sandbox, String) {
    let sandbox = Sandbox::open(SandboxConfig {
        rate_limit_per_minute: None,
        ..SandboxConfig::default()
    })
    .unwrap();
    let addr = sandbox.spawn_loopback().await.unwrap();
    (sandbox, format!("http://{addr}"))
}

fn lines_of_doe(sandbox: &Sandbox) -> (String, Value) {
    let world = sandbox.snapshot();
    let doe = world
        .accounts
        .values()
        .find(|a| a.name == "Doe Family")
        .unwrap()
        .id
        .clone();
    let numbers: Vec<Value> = world
        .numbers
        .values()
        .filter(|n| n.account_id == doe)
        .map(|n| json!({"Number": n.msisdn}))
        .collect();
    (doe, json!({ "PhoneNumbers": numbers }))
}

async fn portal_client(base: &str, sandbox: &Sandbox) {
    let client = TelegentClient::new(ClientConfig::new(
        base,
        Credentials {
            account_key: seed::ACME_KEY.into(),
            account_secret: seed::ACME_SECRET.into(),
        },
    ))
    .unwrap();
    let (doe, lines) = lines_of_doe(sandbox);
    for (operation, times) in SCRIPT {
        for _ in 0..*times {
            match *operation {
                "dashboard" => {
                    client.distributor(seed::ACME_KEY).await.unwrap();
                    client.distributor_accounts().await.unwrap();
                }
                "account page" => {
                    client.distributor(seed::ACME_KEY).await.unwrap();
                    client.account(&doe).await.unwrap();
                    client.distributor_subscribers(1, 500).await.unwrap();
                }
                _ => {
                    // One batched call each for usage and settings, whatever the number of lines.
                    client
                        .post::<Value>("/v1.0/numbers/data-usage/info", &lines, Safety::Safe)
                        .await
                        .unwrap();
                    client
                        .post::<Value>("/v1.0/numbers/data-usage/settings", &lines, Safety::Safe)
                        .await
                        .unwrap();
                }
            }
        }
    }
}

/// What a client without a token cache, read cache or batching does.
struct Naive {
    http: reqwest::Client,
    base: String,
}

impl Naive {
    async fn call(&self, method: &str, path: &str, query: &[(&str, &str)], body: Option<&Value>) {
        let token: Value = self
            .http
            .post(format!("{}/v1.0/OAuth2/tokens", self.base))
            .json(&json!({ "AccountKey": seed::ACME_KEY, "AccountSecret": seed::ACME_SECRET, "ApiEndpoint": format!("{}{path}", self.base) }))
            .send()
            .await
            .unwrap()
            .json()
            .await
            .unwrap();
        let url = format!("{}{path}", self.base);
        let request = if method == "GET" {
            self.http.get(url).query(query)
        } else {
            self.http.post(url).json(body.unwrap())
        };
        let response = request
            .bearer_auth(token["token"].as_str().unwrap())
            .send()
            .await
            .unwrap();
        assert!(response.status().is_success());
    }
}

async fn naive_client(base: &str, sandbox: &Sandbox) {
    let naive = Naive {
        http: reqwest::Client::new(),
        base: base.into(),
    };
    let (doe, lines) = lines_of_doe(sandbox);
    for (operation, times) in SCRIPT {
        for _ in 0..*times {
            match *operation {
                "dashboard" => {
                    naive
                        .call("GET", "/v1.0/distributor", &[("DistributorId", seed::ACME_KEY)], None)
                        .await;
                    naive.call("GET", "/v1.0/distributor/accounts", &[], None).await;
                }
                "account page" => {
                    naive
                        .call("GET", "/v1.0/distributor", &[("DistributorId", seed::ACME_KEY)], None)
                        .await;
                    naive.call("GET", "/v1.0/account", &[("AccountId", &doe)], None).await;
                    naive
                        .call(
                            "GET",
                            "/v1.0/distributor/subscribers",
                            &[("PageNumber", "1"), ("TotalPerPage", "500")],
                            None,
                        )
                        .await;
                }
                _ => {
                    // One line at a time, as a page that loops over its rows would.
                    for line in lines["PhoneNumbers"].as_array().unwrap() {
                        let one = json!({ "PhoneNumbers": [line] });
                        naive
                            .call("POST", "/v1.0/numbers/data-usage/info", &[], Some(&one))
                            .await;
                        naive
                            .call("POST", "/v1.0/numbers/data-usage/settings", &[], Some(&one))
                            .await;
                    }
                }
            }
        }
    }
}

fn counts(sandbox: &Sandbox) -> (usize, usize) {
    let journal = sandbox.journal();
    let tokens = journal
        .iter()
        .filter(|e| e.path.to_lowercase().ends_with("/oauth2/tokens"))
        .count();
    (journal.len(), tokens)
}

#[tokio::main]
async fn main() {
    let operations: usize = SCRIPT.iter().map(|(_, n)| n).sum();
    let (portal_sandbox, portal_base) = sandbox().await;
    let started = std::time::Instant::now();
    portal_client(&portal_base, &portal_sandbox).await;
    let portal_time = started.elapsed();
    let (naive_sandbox, naive_base) = sandbox().await;
    let started = std::time::Instant::now();
    naive_client(&naive_base, &naive_sandbox).await;
    let naive_time = started.elapsed();

    let (portal_all, portal_tokens) = counts(&portal_sandbox);
    let (naive_all, naive_tokens) = counts(&naive_sandbox);
    let per = |n: usize| n as f64 / operations as f64;
    let token_share = |tokens: usize, all: usize| tokens as f64 / (all - tokens).max(1) as f64;
    println!(
        "Upstream calls for {operations} portal operations ({})",
        SCRIPT
            .iter()
            .map(|(o, n)| format!("{n}× {o}"))
            .collect::<Vec<_>>()
            .join(", ")
    );
    println!(
        "{:<14} {:>16} {:>22} {:>12} {:>26}",
        "client", "upstream calls", "calls per operation", "token calls", "token calls per API call"
    );
    println!(
        "{:<14} {:>16} {:>22.2} {:>12} {:>26.3}",
        "portal",
        portal_all,
        per(portal_all),
        portal_tokens,
        token_share(portal_tokens, portal_all)
    );
    println!(
        "{:<14} {:>16} {:>22.2} {:>12} {:>26.3}",
        "naive",
        naive_all,
        per(naive_all),
        naive_tokens,
        token_share(naive_tokens, naive_all)
    );
    println!(
        "ratio naive/portal: {:.1}× the upstream calls",
        naive_all as f64 / portal_all as f64
    );
    println!(
        "at 50 calls a minute: portal {:.1} min of budget, naive {:.1} min",
        portal_all as f64 / 50.0,
        naive_all as f64 / 50.0
    );
    println!(
        "(wall time on loopback, informative only: portal {:?}, naive {:?})",
        portal_time.round_to_ms(),
        naive_time.round_to_ms()
    );
}

trait RoundMs {
    fn round_to_ms(self) -> Duration;
}

impl RoundMs for Duration {
    fn round_to_ms(self) -> Duration {
        Duration::from_millis(self.as_millis() as u64)
    }
}
