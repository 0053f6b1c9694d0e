//! Contract: every request example in the API reference is accepted by the
//! sandbox (validation passes; unknown IDs may still be 404), over real HTTP.

use serde_json::{json, Value};
use telegent_sandbox::spec::operations;
use telegent_sandbox::{seed, Sandbox, SandboxConfig};

async fn start() -> (String, reqwest::Client) {
    let sandbox = Sandbox::open(SandboxConfig {
        rate_limit_per_minute: None,
        ..SandboxConfig::default()
    })
    .unwrap();
    let addr = sandbox.spawn_loopback().await.unwrap();
    (format!("http://{addr}"), reqwest::Client::new())
}

async fn token(client: &reqwest::Client, base: &str, path: &str, key: &str, secret: &str) -> String {
    let response = client
        .post(format!("{base}/v1.0/OAuth2/tokens"))
        .json(&json!({ "AccountKey": key, "AccountSecret": secret, "ApiEndpoint": format!("{base}{path}") }))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 200);
    response.json::<Value>().await.unwrap()["token"]
        .as_str()
        .unwrap()
        .to_string()
}

#[tokio::test]
async fn every_request_example_passes_validation() {
    let (base, client) = start().await;
    let mut refused = Vec::new();
    for op in operations() {
        if op.path.to_lowercase().ends_with("/tokens") {
            continue;
        }
        let (key, secret) = match op.path.as_str() {
            "/v1.0/distributor/create" => (seed::AGGREGATOR_KEY, seed::AGGREGATOR_SECRET),
            // These examples leave out AccountId, which only a one-account distributor may.
            "/v1.0/account/update" | "/v1.0/numbers/provision" | "/v1.0/numbers/portin" => {
                (seed::GLOBEX_KEY, seed::GLOBEX_SECRET)
            }
            _ => (seed::ACME_KEY, seed::ACME_SECRET),
        };
        let bearer = token(&client, &base, &op.path, key, secret).await;
        let url = format!("{base}{}", op.path);
        let request = if op.method == "GET" {
            // Every documented query parameter, with a sample value.
            let query: Vec<(String, String)> = op.query.iter().map(|(name, _)| (name.clone(), sample(name))).collect();
            client.get(&url).query(&query)
        } else {
            client
                .post(&url)
                .json(&op.request_example.clone().unwrap_or_else(|| json!({})))
        };
        let response = request.bearer_auth(bearer).send().await.unwrap();
        let status = response.status().as_u16();
        let body: Value = response.json().await.unwrap_or(Value::Null);
        // Operations without a documented example may miss required fields: 400 is right there.
        let has_example = op.method == "GET" || op.request_example.is_some();
        if (status == 400 && has_example) || status >= 500 || status == 401 {
            refused.push(format!("{} {} → {status} {}", op.method, op.path, body["Message"]));
        }
    }
    assert!(refused.is_empty(), "examples refused:\n{}", refused.join("\n"));
}

fn sample(name: &str) -> String {
    let lower = name.to_lowercase();
    if lower.contains("phone") || lower == "number" {
        "+18015550101".into()
    } else if lower.contains("page") || lower.contains("results") || lower.contains("total") {
        "1".into()
    } else {
        "ID-0000".into()
    }
}

#[tokio::test]
async fn a_token_is_refused_on_another_endpoint() {
    let (base, client) = start().await;
    let bearer = token(
        &client,
        &base,
        "/v1.0/distributor/accounts",
        seed::ACME_KEY,
        seed::ACME_SECRET,
    )
    .await;
    let ok = client
        .get(format!("{base}/v1.0/distributor/accounts"))
        .bearer_auth(&bearer)
        .send()
        .await
        .unwrap();
    assert_eq!(ok.status(), 200);
    let other = client
        .get(format!("{base}/v1.0/account/products"))
        .bearer_auth(&bearer)
        .send()
        .await
        .unwrap();
    assert_eq!(other.status(), 401);
    let body: Value = other.json().await.unwrap();
    assert!(body["Message"].as_str().unwrap().contains("ApiEndpoint scope"));
}
