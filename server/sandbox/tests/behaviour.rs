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

    fn acting_as_globex(mut self) -> Self {
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
    let api = Api::start(None).await.acting_as_globex();
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
    assert_eq!(listed["Results"].as_array().unwrap().len(), 1, "{listed}");
    assert_eq!(listed["TotalProducts"], 1);
    let globex = api.acting_as_globex();
    let (status, _) = globex.call("GET", "/v1.0/products", json!({"ProductId": id})).await;
    assert_eq!(status, 404);
}

impl Api {
    async fn admin(&self, path: &str, body: Value) -> Value {
        self.http
            .post(format!("{}{path}", self.base))
            .json(&body)
            .send()
            .await
            .unwrap()
            .json()
            .await
            .unwrap()
    }

    fn doe_route(&self) -> String {
        let world = self.sandbox.snapshot();
        let doe = world
            .accounts
            .values()
            .find(|a| a.name == "Doe Family")
            .unwrap()
            .id
            .clone();
        let found = world
            .collection("message_routes")
            .find(|(_, r)| r.account_id.as_deref() == Some(doe.as_str()))
            .map(|(id, _)| id.clone());
        found.unwrap()
    }

    fn doe(&self) -> String {
        self.sandbox
            .snapshot()
            .accounts
            .values()
            .find(|a| a.name == "Doe Family")
            .unwrap()
            .id
            .clone()
    }
}

#[tokio::test]
async fn provisioning_can_be_pending_until_the_clock_moves_and_is_charged_once() {
    let api = Api::start(None).await;
    let body = json!({
        "NumberType": "mvno", "MessageType": "p2p", "MessageEnabled": true, "VoiceEnabled": false,
        "ProductType": "Sms+Data", "AreaCode": "999", "MessageRouteId": api.doe_route(), "AccountId": api.doe()
    });
    let (status, out) = api.call("POST", "/v1.0/numbers/provision", body).await;
    assert_eq!(status, 200, "{out}");
    assert_eq!(out["OrderStatus"], "Pending");
    let order = out["OrderId"].as_str().unwrap().to_string();
    let (_, before) = api.call("GET", "/v1.0/numbers/order", json!({"OrderId": order})).await;
    assert_eq!(before["OrderStatus"], "Pending");
    api.admin("/_sandbox/clock/advance", json!({"Minutes": 3})).await;
    let (_, after) = api.call("GET", "/v1.0/numbers/order", json!({"OrderId": order})).await;
    assert_eq!(after["OrderStatus"], "Complete");
    let ledger = api.sandbox.snapshot().ledger.clone();
    assert_eq!(ledger.iter().filter(|e| e.operation == "provision").count(), 1);
}

#[tokio::test]
async fn provisioning_needs_an_existing_route_and_an_area_with_inventory() {
    let api = Api::start(None).await;
    let mut body = json!({
        "NumberType": "mvno", "MessageType": "p2p", "MessageEnabled": true, "VoiceEnabled": false,
        "ProductType": "Sms+Data", "AreaCode": "000", "MessageRouteId": api.doe_route(), "AccountId": api.doe()
    });
    let (status, out) = api.call("POST", "/v1.0/numbers/provision", body.clone()).await;
    assert_eq!(status, 422, "{out}");
    body["AreaCode"] = json!("801");
    body["MessageRouteId"] = json!("MRID-00000000-0000-0000-0000-000000000000");
    let (status, _) = api.call("POST", "/v1.0/numbers/provision", body.clone()).await;
    assert_eq!(status, 404);
    body["MessageRouteId"] = json!(api.doe_route());
    body["NumberType"] = json!("iot");
    body["MessageType"] = json!("a2p");
    let (status, out) = api.call("POST", "/v1.0/numbers/provision", body).await;
    assert_eq!(status, 400);
    assert!(out["Message"].as_str().unwrap().contains("MessageType"));
    assert!(
        api.sandbox.snapshot().ledger.is_empty(),
        "refused orders are not charged"
    );
}

#[tokio::test]
async fn port_in_moves_through_its_states_and_a_correctable_rejection_is_fixed_by_update() {
    let api = Api::start(None).await;
    let submit = |n: &str| {
        json!({
            "PortInNumber": n, "CurrentCarrierName": "Old Carrier", "CurrentAccountNumber": "123",
            "CurrentAccountPassword": "0000", "TargetPortinClassification": "mvno", "SubscriberName": "Jane Doe",
            "CurrentBillingAddress": {"Street1": "42 Maple Ave", "City": "Provo", "State": "UT", "Zip": "84601"},
            "AccountId": api.doe()
        })
    };
    let (status, good) = api.call("POST", "/v1.0/numbers/portin", submit("+13855550141")).await;
    assert_eq!(status, 200, "{good}");
    let (_, fixable) = api.call("POST", "/v1.0/numbers/portin", submit("+13855550147")).await;
    let (status, again) = api.call("POST", "/v1.0/numbers/portin", submit("+13855550141")).await;
    assert_eq!(status, 422, "a second open port-in for the same number: {again}");
    api.admin("/_sandbox/clock/advance", json!({"Minutes": 61})).await;
    let order = |v: &Value| json!({"OrderId": v["OrderId"]});
    let (_, g) = api.call("GET", "/v1.0/numbers/order", order(&good)).await;
    let (_, f) = api.call("GET", "/v1.0/numbers/order", order(&fixable)).await;
    assert_eq!(g["OrderStatus"], "InProgress");
    assert_eq!(f["OrderStatus"], "ResolutionRequired");
    let fix = json!({"OrderId": fixable["OrderId"], "CurrentAccountNumber": "456"});
    let (status, _) = api.call("POST", "/v1.0/numbers/portin/update", fix).await;
    assert_eq!(status, 200);
    api.admin("/_sandbox/settings", json!({"Vocabulary": "seeds"})).await;
    api.admin("/_sandbox/clock/advance", json!({"Minutes": 2 * 60})).await;
    let (_, f) = api.call("GET", "/v1.0/numbers/order", order(&fixable)).await;
    assert_eq!(
        f["OrderStatus"], "Pending Carrier Approval",
        "corrected, then back in the carrier's queue"
    );
    api.admin("/_sandbox/clock/advance", json!({"Minutes": 24 * 60})).await;
    let (_, g) = api.call("GET", "/v1.0/numbers/order", order(&good)).await;
    let (_, f) = api.call("GET", "/v1.0/numbers/order", order(&fixable)).await;
    assert_eq!(g["OrderStatus"], "Completed");
    assert_eq!(f["OrderStatus"], "Completed");
    assert!(api
        .sandbox
        .snapshot()
        .numbers
        .values()
        .any(|n| n.msisdn == "+13855550141" && n.status == "active"));
    let (status, _) = api.call("POST", "/v1.0/numbers/portin/cancel", order(&good)).await;
    assert_eq!(status, 422, "a completed port-in cannot be cancelled");
}

#[tokio::test]
async fn a_line_with_a_port_out_in_flight_cannot_be_parked_and_cancelled_lines_reactivate_within_30_days() {
    let api = Api::start(None).await;
    let (status, _) = api
        .call(
            "POST",
            "/v1.0/numbers/portout",
            json!({"PortOutNumber": "+18015550103", "PortOutPIN": "4321"}),
        )
        .await;
    assert_eq!(status, 200);
    let park =
        json!({"StatusChange": "park", "EffectiveDate": "01/01/2027", "PhoneNumbers": [{"Number": "+18015550103"}]});
    let (status, out) = api.call("POST", "/v1.0/numbers/status", park).await;
    assert_eq!(status, 422, "{out}");

    let cancel =
        json!({"StatusChange": "cancel", "EffectiveDate": "01/01/2027", "PhoneNumbers": [{"Number": "+18015550102"}]});
    assert_eq!(api.call("POST", "/v1.0/numbers/status", cancel).await.0, 200);
    api.admin("/_sandbox/clock/advance", json!({"Minutes": 60})).await;
    let (status, out) = api
        .call(
            "POST",
            "/v1.0/numbers/reactivate",
            json!({"PhoneNumber": "+18015550102"}),
        )
        .await;
    assert_eq!(status, 200, "{out}");
}

#[tokio::test]
async fn usage_accrues_on_the_clock_and_the_behaviour_follows_the_thresholds() {
    let api = Api::start(None).await;
    let limits = json!({
        "ValueUnit": "MB", "NotifyValue": 2, "ThrottleValue": 4, "ThrottleSpeed": "128-kbps", "LimitValue": 6,
        "PhoneNumbers": [{"Number": "+18015550102"}]
    });
    api.call("POST", "/v1.0/numbers/data-usage", limits).await;
    let behaviour = |v: &Value| v["PhoneNumbers"][0]["CurrentBehavior"].as_str().unwrap().to_string();
    let info = json!({"PhoneNumbers": [{"Number": "+18015550102"}]});
    assert_eq!(
        behaviour(&api.call("POST", "/v1.0/numbers/data-usage/info", info.clone()).await.1),
        "Active"
    );
    api.admin("/_sandbox/clock/advance", json!({"Minutes": 60})).await;
    assert_eq!(
        behaviour(&api.call("POST", "/v1.0/numbers/data-usage/info", info.clone()).await.1),
        "Notified"
    );
    api.admin("/_sandbox/clock/advance", json!({"Minutes": 60})).await;
    assert_eq!(
        behaviour(&api.call("POST", "/v1.0/numbers/data-usage/info", info.clone()).await.1),
        "Throttled"
    );
    api.admin("/_sandbox/usage", json!({"Number": "+18015550102", "UsedMB": 7}))
        .await;
    assert_eq!(
        behaviour(&api.call("POST", "/v1.0/numbers/data-usage/info", info.clone()).await.1),
        "Blocked"
    );
    let reset = json!({"PhoneNumbers": [{"Number": "+18015550102"}], "ResetUsage": true, "AutoRenew": true, "PeriodType": "M", "RenewalDay": 1});
    api.call("POST", "/v1.0/numbers/data-usage/update-renewal-info", reset)
        .await;
    assert_eq!(
        behaviour(&api.call("POST", "/v1.0/numbers/data-usage/info", info).await.1),
        "Active"
    );
}

#[tokio::test]
async fn do_it_then_fail_leaves_the_side_effect_and_answers_an_error() {
    let api = Api::start(None).await;
    api.admin(
        "/_sandbox/faults",
        json!({"PathPrefix": "/v1.0/numbers/provision", "Status": 500, "AfterEffect": true, "Remaining": 1}),
    )
    .await;
    let body = json!({
        "NumberType": "mvno", "MessageType": "p2p", "MessageEnabled": true, "VoiceEnabled": false,
        "ProductType": "Sms+Data", "AreaCode": "801", "MessageRouteId": api.doe_route(), "AccountId": api.doe()
    });
    let (status, _) = api.call("POST", "/v1.0/numbers/provision", body.clone()).await;
    assert_eq!(status, 500);
    assert_eq!(
        api.sandbox.snapshot().ledger.len(),
        1,
        "the order went through despite the error"
    );
    // The rule was for one call only.
    let (status, _) = api.call("POST", "/v1.0/numbers/provision", body).await;
    assert_eq!(status, 200);
}

#[tokio::test]
async fn a_header_can_ask_for_a_fault_or_a_dropped_connection() {
    let api = Api::start(None).await;
    let token: Value = api.token("/v1.0/distributor/accounts").await.json().await.unwrap();
    let token = token["token"].as_str().unwrap();
    let url = format!("{}/v1.0/distributor/accounts", api.base);
    let failed = api
        .http
        .get(&url)
        .bearer_auth(token)
        .header("X-Sandbox-Fault", "status=503")
        .send()
        .await
        .unwrap();
    assert_eq!(failed.status(), 503);
    assert!(failed.headers().contains_key("retry-after"));
    let dropped = api
        .http
        .get(&url)
        .bearer_auth(token)
        .header("X-Sandbox-Fault", "drop")
        .send()
        .await;
    let body = match dropped {
        Ok(response) => response.bytes().await.map(|_| ()),
        Err(e) => Err(e),
    };
    assert!(body.is_err(), "the connection should fail");
    let ok = api.http.get(&url).bearer_auth(token).send().await.unwrap();
    assert_eq!(ok.status(), 200);
}

#[tokio::test]
async fn a_snapshot_can_be_restored() {
    let api = Api::start(None).await;
    let snapshot: Value = api
        .http
        .get(format!("{}/_sandbox/state", api.base))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let body =
        json!({"SKU": "TEMP", "Description": "temporary", "Type": "data", "Cost": "1.00", "BillingFrequency": "MRC"});
    api.call("POST", "/v1.0/products", body).await;
    // Four per Distributor and one each of two Accounts, then the new one.
    assert_eq!(api.sandbox.snapshot().collection("products").count(), 11);
    api.admin("/_sandbox/state", snapshot).await;
    assert_eq!(api.sandbox.snapshot().collection("products").count(), 10);
}

#[tokio::test]
async fn an_account_update_changes_only_what_it_names() {
    let api = Api::start(None).await;
    let doe = api.doe();
    let before = api.sandbox.snapshot().accounts[&doe].clone();
    let body = json!({"AccountId": doe, "BillingAddress": {"Street1": "1 New St", "City": "Orem", "State": "UT", "Zip": "84057"}});
    let (status, out) = api.call("POST", "/v1.0/account/update", body).await;
    assert_eq!(status, 200, "{out}");
    let after = api.sandbox.snapshot().accounts[&doe].clone();
    assert_eq!(after.name, before.name);
    assert_eq!(after.mailing, before.mailing);
    assert_eq!(after.billing.city.as_deref(), Some("Orem"));
}
