//! Sandbox behaviour over HTTP: the rules the portal relies on.

use serde_json::{json, Value};
use telegent_sandbox::{seed, Sandbox, SandboxConfig};

struct Api {
    base: String,
    http: reqwest::Client,
    key: &'static str,
    secret: &'static str,
    sandbox: Sandbox,
}

impl Api {
    async fn start(rate_limit: Option<u32>) -> Api {
        let sandbox = Sandbox::open(SandboxConfig {
            rate_limit_per_minute: rate_limit,
            ..SandboxConfig::default()
        })
        .unwrap();
        let addr = sandbox.spawn_loopback().await.unwrap();
        Api {
            base: format!("http://{addr}"),
            http: reqwest::Client::new(),
            key: seed::ACME_KEY,
            secret: seed::ACME_SECRET,
            sandbox,
        }
    }

    fn as_globex(mut self) -> Self {
        self.key = seed::GLOBEX_KEY;
        self.secret = seed::GLOBEX_SECRET;
        self
    }

    async fn token(&self, path: &str) -> reqwest::Response {
        self.http
            .post(format!("{}/v1.0/OAuth2/tokens", self.base))
            .json(&json!({ "AccountKey": self.key, "AccountSecret": self.secret, "ApiEndpoint": format!("{}{path}", self.base) }))
            .send()
            .await
            .unwrap()
    }

    async fn call(&self, method: &str, path: &str, body: Value) -> (u16, Value) {
        let token: Value = self.token(path).await.json().await.unwrap();
        let token = token["token"].as_str().unwrap().to_string();
        let url = format!("{}{path}", self.base);
        let request = if method == "GET" {
            let query: Vec<(String, String)> = body
                .as_object()
                .map(|m| {
                    m.iter()
                        .map(|(k, v)| (k.clone(), v.as_str().unwrap_or(&v.to_string()).to_string()))
                        .collect()
                })
                .unwrap_or_default();
            self.http.get(url).query(&query)
        } else {
            self.http.post(url).json(&body)
        };
        let response = request.bearer_auth(token).send().await.unwrap();
        let status = response.status().as_u16();
        (status, response.json().await.unwrap_or(Value::Null))
    }

    fn subscriber(&self, name: &str) -> String {
        self.sandbox
            .snapshot()
            .subscribers
            .values()
            .find(|s| s.name == name)
            .unwrap()
            .id
            .clone()
    }
}

#[tokio::test]
async fn data_limits_for_two_lines_are_saved_and_read_back_in_one_call() {
    let api = Api::start(None).await;
    let body = json!({
        "ValueUnit": "MB", "NotifyValue": 300, "ThrottleValue": 400, "ThrottleSpeed": "256-kbps", "LimitValue": 500,
        "PhoneNumbers": [{"Number": "+18015550102"}, {"Number": "+18015550103"}]
    });
    let (status, out) = api.call("POST", "/v1.0/numbers/data-usage", body).await;
    assert_eq!(status, 200, "{out}");
    assert_eq!(out["Status"], "Complete");
    let (_, settings) = api
        .call("POST", "/v1.0/numbers/data-usage/settings", json!({"PhoneNumbers": [{"Number": "+18015550102"}, {"Number": "+18015550103"}, {"Number": "+18015550101"}]}))
        .await;
    let rows = settings["PhoneNumbers"].as_array().unwrap();
    assert_eq!(rows[0]["LimitValue"], 500.0);
    assert_eq!(rows[1]["ThrottleSpeed"], "256-kbps");
    // Unset: the platform default of 20 MB.
    assert_eq!(rows[2]["LimitValue"], 20.0);
}

#[tokio::test]
async fn thresholds_out_of_order_are_refused_and_change_nothing() {
    let api = Api::start(None).await;
    let before = api
        .sandbox
        .snapshot()
        .numbers
        .values()
        .find(|n| n.msisdn == "+18015550102")
        .unwrap()
        .data_limits
        .clone();
    let body = json!({
        "ValueUnit": "MB", "NotifyValue": 450, "ThrottleValue": 400, "ThrottleSpeed": "256-kbps", "LimitValue": 500,
        "PhoneNumbers": [{"Number": "+18015550102"}]
    });
    let (status, out) = api.call("POST", "/v1.0/numbers/data-usage", body).await;
    assert_eq!(status, 400);
    assert!(out["Message"].as_str().unwrap().contains("NotifyValue"));
    let after = api
        .sandbox
        .snapshot()
        .numbers
        .values()
        .find(|n| n.msisdn == "+18015550102")
        .unwrap()
        .data_limits
        .clone();
    assert_eq!(before, after);
}

#[tokio::test]
async fn another_distributors_line_fails_like_a_missing_one() {
    let api = Api::start(None).await;
    let batch = |n: &str| json!({"PhoneNumbers": [{"Number": n}]});
    let (_, foreign) = api
        .call("POST", "/v1.0/numbers/data-usage/info", batch("+15125550121"))
        .await;
    let (_, missing) = api
        .call("POST", "/v1.0/numbers/data-usage/info", batch("+15125559999"))
        .await;
    assert_eq!(
        foreign["PhoneNumbers"][0]["StatusMessage"],
        missing["PhoneNumbers"][0]["StatusMessage"]
    );
    assert_eq!(foreign["PhoneNumbers"][0]["Status"], "Failed");
    let smith = api.subscriber("John Smith");
    let (status, body) = api
        .call("GET", "/v1.0/subscribers/get", json!({"SubscriberId": smith}))
        .await;
    let (missing_status, missing_body) = api
        .call(
            "GET",
            "/v1.0/subscribers/get",
            json!({"SubscriberId": "TSUID-00000000-0000-0000-0000-000000000000"}),
        )
        .await;
    assert_eq!((status, &body), (missing_status, &missing_body));
    assert_eq!(status, 404);
}

#[tokio::test]
async fn one_message_filter_per_child_and_line_with_incremental_lists() {
    let api = Api::start(None).await;
    let sam = api.subscriber("Sam Doe");
    let create = json!({"SubscriberId": sam, "Phone": "+18015550102", "FilterMode": "CHILD", "BlockedContacts": ["+18015550199"]});
    let (status, filter) = api
        .call("POST", "/v1.0/subscribers/message-filter", create.clone())
        .await;
    assert_eq!(status, 200, "{filter}");
    let id = filter["FilterId"].as_str().unwrap().to_string();
    assert!(id.starts_with("MFID-"));
    let (status, dup) = api.call("POST", "/v1.0/subscribers/message-filter", create).await;
    assert_eq!(status, 422);
    assert!(dup["Message"].as_str().unwrap().starts_with("Duplicate filter found"));

    let add = json!({"SubscriberId": sam, "MessageFilterId": id, "Contacts": ["+18015550188"]});
    let (status, _) = api
        .call("POST", "/v1.0/subscribers/message-filter/blocked-contacts/add", add)
        .await;
    assert_eq!(status, 200);
    let remove = json!({"SubscriberId": sam, "MessageFilterId": id, "Contacts": ["+18015550199"]});
    api.call(
        "POST",
        "/v1.0/subscribers/message-filter/blocked-contacts/remove",
        remove,
    )
    .await;
    let (_, blocked) = api
        .call(
            "GET",
            "/v1.0/subscribers/message-filter/blocked-contacts",
            json!({"SubscriberId": sam, "MessageFilterId": id}),
        )
        .await;
    assert_eq!(blocked, json!(["+18015550188"]));
}

#[tokio::test]
async fn subscriber_email_is_unique_on_the_whole_platform() {
    let api = Api::start(None).await.as_globex();
    let account = api
        .sandbox
        .snapshot()
        .accounts
        .values()
        .find(|a| a.name == "Smith Family")
        .unwrap()
        .id
        .clone();
    let body = json!({
        "Name": "Another Jane", "Email": "JANE.DOE@example.com", "PhoneNumbers": [], "Role": "Subscriber",
        "Password": "temporary-pass-1", "AccountId": account
    });
    let (status, out) = api.call("POST", "/v1.0/subscribers/create", body).await;
    assert_eq!(status, 422);
    assert!(out["Message"].as_str().unwrap().contains("already exists"));
}

#[tokio::test]
async fn the_rate_limit_answers_429_with_retry_after() {
    let api = Api::start(Some(3)).await;
    for _ in 0..3 {
        assert_eq!(api.token("/v1.0/distributor/accounts").await.status(), 200);
    }
    let refused = api.token("/v1.0/distributor/accounts").await;
    assert_eq!(refused.status(), 429);
    let retry_after: u64 = refused.headers()["retry-after"].to_str().unwrap().parse().unwrap();
    assert!((1..=60).contains(&retry_after));
    // Another credential has its own budget.
    let globex = Api {
        key: seed::GLOBEX_KEY,
        secret: seed::GLOBEX_SECRET,
        ..api
    };
    assert_eq!(globex.token("/v1.0/distributor/accounts").await.status(), 200);
}

#[tokio::test]
async fn collections_are_stateful_and_scoped() {
    let api = Api::start(None).await;
    let body = json!({"SKU": "ROAM-EU", "Description": "EU roaming", "Type": "data", "Cost": "2.00", "BillingFrequency": "MRC"});
    let (status, product) = api.call("POST", "/v1.0/products", body).await;
    assert_eq!(status, 200, "{product}");
    let id = product["ProductId"].as_str().unwrap().to_string();
    let (_, read) = api.call("GET", "/v1.0/products", json!({"ProductId": id})).await;
    assert_eq!(read["SKU"], "ROAM-EU");
    let (_, listed) = api
        .call("GET", "/v1.0/distributor/products", json!({"Filter": "roam"}))
        .await;
    assert_eq!(listed.as_array().unwrap().len(), 1);
    let globex = api.as_globex();
    let (status, _) = globex.call("GET", "/v1.0/products", json!({"ProductId": id})).await;
    assert_eq!(status, 404);
}
