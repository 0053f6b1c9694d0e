//! The suite's own client: a token per endpoint (the API scopes tokens to
//! one endpoint), and a wait on 429 as `Retry-After` says.

use std::collections::HashMap;
use std::time::Duration;

use serde_json::{json, Value};

/// Where the suite runs and with which credentials.
#[derive(Debug, Clone)]
pub struct Target {
    /// `http://127.0.0.1:3000` or `https://api.telegent.com` (no `/v1.0`).
    pub base_url: String,
    /// A Distributor credential: everything but Distributor creation.
    pub key: String,
    pub secret: String,
    /// The platform (Aggregator) credential, for `distributor/create`.
    pub platform: Option<(String, String)>,
}

/// One answer: status and JSON body (`Null` when the body is not JSON).
#[derive(Debug, Clone)]
pub struct Answer {
    pub status: u16,
    pub body: Value,
}

pub struct Caller {
    target: Target,
    http: reqwest::Client,
    tokens: HashMap<(bool, String), String>,
}

impl Caller {
    pub fn new(target: Target) -> Self {
        let http = reqwest::Client::builder()
            .timeout(Duration::from_secs(30))
            .build()
            .expect("an HTTP client");
        Self {
            target,
            http,
            tokens: HashMap::new(),
        }
    }

    pub fn target(&self) -> &Target {
        &self.target
    }

    fn url(&self, path: &str) -> String {
        format!("{}{path}", self.target.base_url.trim_end_matches('/'))
    }

    fn credential(&self, platform: bool) -> (String, String) {
        match (&self.target.platform, platform) {
            (Some((k, s)), true) => (k.clone(), s.clone()),
            _ => (self.target.key.clone(), self.target.secret.clone()),
        }
    }

    /// The token request as documented, for this target's credential.
    pub fn token_request(&self, path: &str) -> Value {
        let (key, secret) = self.credential(false);
        json!({ "AccountKey": key, "AccountSecret": secret, "ApiEndpoint": self.url(path) })
    }

    async fn token(&mut self, path: &str, platform: bool) -> Result<String, String> {
        let cache_key = (platform, path.to_ascii_lowercase());
        if let Some(t) = self.tokens.get(&cache_key) {
            return Ok(t.clone());
        }
        let (key, secret) = self.credential(platform);
        let body = json!({ "AccountKey": key, "AccountSecret": secret, "ApiEndpoint": self.url(path) });
        let answer = self.send("POST", "/v1.0/OAuth2/tokens", &[], Some(&body), None).await?;
        let token = answer.body["token"]
            .as_str()
            .filter(|_| answer.status == 200)
            .ok_or_else(|| format!("no token for {path}: {} {}", answer.status, answer.body))?
            .to_string();
        self.tokens.insert(cache_key, token.clone());
        Ok(token)
    }

    /// Calls an operation with a token for it (`platform`: the platform's).
    pub async fn call(
        &mut self,
        method: &str,
        path: &str,
        query: &[(String, String)],
        body: Option<&Value>,
        platform: bool,
    ) -> Result<Answer, String> {
        let token = self.token(path, platform).await?;
        self.send(method, path, query, body, Some(&token)).await
    }

    /// Calls without any token: the refusal every operation documents.
    pub async fn call_anonymously(&mut self, method: &str, path: &str) -> Result<Answer, String> {
        let body = (method == "POST").then(|| json!({}));
        self.send(method, path, &[], body.as_ref(), None).await
    }

    async fn send(
        &self,
        method: &str,
        path: &str,
        query: &[(String, String)],
        body: Option<&Value>,
        token: Option<&str>,
    ) -> Result<Answer, String> {
        for _attempt in 0..4 {
            let mut request = if method == "GET" {
                self.http.get(self.url(path))
            } else {
                self.http.post(self.url(path)).json(body.unwrap_or(&json!({})))
            };
            if !query.is_empty() {
                request = request.query(query);
            }
            if let Some(t) = token {
                request = request.bearer_auth(t);
            }
            let response = request.send().await.map_err(|e| format!("{method} {path}: {e}"))?;
            let status = response.status().as_u16();
            if status == 429 {
                let wait = response
                    .headers()
                    .get("retry-after")
                    .and_then(|v| v.to_str().ok())
                    .and_then(|v| v.parse::<u64>().ok())
                    .unwrap_or(5);
                tokio::time::sleep(Duration::from_secs(wait.min(60))).await;
                continue;
            }
            let text = response.text().await.map_err(|e| format!("{method} {path}: {e}"))?;
            let body = serde_json::from_str(&text).unwrap_or(Value::Null);
            return Ok(Answer { status, body });
        }
        Err(format!("{method} {path}: still rate limited after four tries"))
    }
}

impl Caller {
    /// A call that carries its own credentials (the token endpoint).
    pub async fn call_unauthenticated(
        &mut self,
        method: &str,
        path: &str,
        body: Option<&Value>,
    ) -> Result<Answer, String> {
        self.send(method, path, &[], body, None).await
    }
}
