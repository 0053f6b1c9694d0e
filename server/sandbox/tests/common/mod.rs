//! An in-process sandbox and a caller for it, shared by the HTTP tests.

#![allow(dead_code)]

use serde_json::{json, Value};
use telegent_sandbox::{seed, Sandbox, SandboxConfig};

pub struct Api {
    pub base: String,
    pub http: reqwest::Client,
    pub key: &'static str,
    pub secret: &'static str,
    pub sandbox: Sandbox,
}

impl Api {
    pub async fn start() -> Api {
        let sandbox = Sandbox::open(SandboxConfig {
            rate_limit_per_minute: None,
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

    /// The same platform, called with Globex's credential (one Account).
    pub fn as_globex(&self) -> Api {
        Api {
            base: self.base.clone(),
            http: self.http.clone(),
            key: seed::GLOBEX_KEY,
            secret: seed::GLOBEX_SECRET,
            sandbox: self.sandbox.clone(),
        }
    }

    /// Calls an operation with a token scoped to it; GET bodies become the query.
    pub async fn call(&self, method: &str, path_and_query: &str, body: Value) -> (u16, Value) {
        let path = path_and_query.split('?').next().unwrap();
        let token: Value = self
            .http
            .post(format!("{}/v1.0/OAuth2/tokens", self.base))
            .json(&json!({ "AccountKey": self.key, "AccountSecret": self.secret, "ApiEndpoint": format!("{}{path}", self.base) }))
            .send()
            .await
            .unwrap()
            .json()
            .await
            .unwrap();
        let url = format!("{}{path_and_query}", self.base);
        let request = if method == "GET" {
            let query: Vec<(String, String)> = body
                .as_object()
                .map(|m| {
                    m.iter()
                        .map(|(k, v)| (k.clone(), v.as_str().map_or_else(|| v.to_string(), str::to_string)))
                        .collect()
                })
                .unwrap_or_default();
            self.http.get(url).query(&query)
        } else {
            self.http.post(url).json(&body)
        };
        let response = request
            .bearer_auth(token["token"].as_str().unwrap())
            .send()
            .await
            .unwrap();
        let status = response.status().as_u16();
        (status, response.json().await.unwrap_or(Value::Null))
    }

    /// Calls and insists on 200, returning the answer.
    pub async fn ok(&self, method: &str, path: &str, body: Value) -> Value {
        let (status, out) = self.call(method, path, body.clone()).await;
        assert_eq!(status, 200, "{method} {path} {body} → {out}");
        out
    }

    pub fn account(&self, name: &str) -> String {
        let world = self.sandbox.snapshot();
        world.accounts.values().find(|a| a.name == name).unwrap().id.clone()
    }

    pub fn subscriber(&self, name: &str) -> String {
        let world = self.sandbox.snapshot();
        world.subscribers.values().find(|s| s.name == name).unwrap().id.clone()
    }

    pub fn package(&self, name: &str) -> String {
        let world = self.sandbox.snapshot();
        let found = world
            .collection("packages")
            .find(|(_, r)| r.distributor_id == self.key && r.fields["PackageName"] == name)
            .map(|(id, _)| id.clone());
        found.unwrap()
    }

    /// A line's `NID-` and ICCID.
    pub fn line(&self, msisdn: &str) -> (String, String) {
        let world = self.sandbox.snapshot();
        let n = world.numbers.values().find(|n| n.msisdn == msisdn).unwrap();
        (n.id.clone(), n.iccid.clone())
    }
}
