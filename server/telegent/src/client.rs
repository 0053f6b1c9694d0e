use std::collections::HashMap;
use std::fmt;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use serde::de::DeserializeOwned;
use serde_json::Value;
use tokio::time::Instant;

use crate::budget::{Priority, RateBudget};
use crate::error::TelegentError;
use crate::operation::{BillableRequest, Class};
use crate::retry::RetryPolicy;
use crate::tokens::{use_until, CachedToken, TokenCache};
use crate::types::{ErrorBody, SubscribersPage, TokenRequest, TokenResponse};

/// The token path as the reference spells it (the API also accepts lowercase).
pub const TOKEN_PATH: &str = "/v1.0/OAuth2/tokens";

/// A Distributor's API credential. `Debug` never prints the secret.
#[derive(Clone)]
pub struct Credentials {
    pub account_key: String,
    pub account_secret: String,
}

impl fmt::Debug for Credentials {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Credentials")
            .field("account_key", &self.account_key)
            .field("account_secret", &"<redacted>")
            .finish()
    }
}

#[derive(Debug, Clone)]
pub struct ClientConfig {
    /// e.g. `https://api.telegent.com` or the sandbox's `http://127.0.0.1:PORT`.
    pub base_url: String,
    pub credentials: Credentials,
    pub rate_limit_per_minute: u32,
    pub connect_timeout: Duration,
    pub request_timeout: Duration,
    pub retry: RetryPolicy,
    /// How long an interactive call may wait for room in the budget before the
    /// page is told "busy".
    pub max_budget_wait: Duration,
    /// Stop using a token this long before its stated expiry.
    pub token_margin: Duration,
    /// How long a read is served from cache. Zero turns the cache off.
    pub read_cache_ttl: Duration,
    /// How long a read of slowly changing data (members, Guardian settings,
    /// routes, catalog; see `freshness`) is served from cache; the portal's
    /// own changes drop the copies they touch.
    pub slow_read_cache_ttl: Duration,
}

impl ClientConfig {
    pub fn new(base_url: impl Into<String>, credentials: Credentials) -> Self {
        Self {
            base_url: base_url.into().trim_end_matches('/').to_string(),
            credentials,
            rate_limit_per_minute: 50,
            connect_timeout: Duration::from_secs(5),
            request_timeout: Duration::from_secs(20),
            retry: RetryPolicy::default(),
            max_budget_wait: Duration::from_secs(10),
            token_margin: Duration::from_secs(60),
            read_cache_ttl: Duration::from_secs(30),
            slow_read_cache_ttl: Duration::from_secs(10 * 60),
        }
    }
}

/// Whether a call may be repeated after an ambiguous failure.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Safety {
    /// Reads and idempotent writes: retried per the documented policy.
    Safe,
    /// Costs money or sends something (provision, port-in, port-out, outbound
    /// message, subscription create): sent once; an ambiguous failure becomes
    /// [`TelegentError::OutcomeUnknown`] for the caller to reconcile.
    Billable,
}

impl Safety {
    /// How an operation of `class` is sent: only billable calls are never repeated.
    pub fn of(class: Class) -> Safety {
        match class {
            Class::Read | Class::Mutation => Safety::Safe,
            Class::Billable => Safety::Billable,
        }
    }
}

#[derive(Debug, Clone, Copy)]
enum Method {
    Get,
    Post,
}

/// How one HTTP attempt ended.
enum Attempt {
    Success(Value),
    Status {
        status: u16,
        body: ErrorBody,
        retry_after: Option<Duration>,
    },
    /// No response. `maybe_sent` is false only when the connection never opened.
    Transport {
        detail: String,
        maybe_sent: bool,
    },
}

type CacheSlot = Arc<tokio::sync::Mutex<Option<(Instant, Value)>>>;

/// A client for one Distributor credential. Cheap to share behind an `Arc`;
/// [`TelegentClient::with_share`] gives a handle that also counts one
/// person's calls against their share of the credential's budget.
pub struct TelegentClient {
    shared: Arc<SharedClient>,
    /// The signed-in person's share of the interactive budget, when the
    /// handle was made for one.
    share: Option<Arc<RateBudget>>,
    /// When the oldest copy this handle served from the cache was fetched
    /// (a handle lives for one request, so a page can say how old its data is).
    oldest_copy: Arc<Mutex<Option<Instant>>>,
    /// Reads through this handle go upstream even when a fresh copy is kept
    /// (and refresh it): for the checks of a change, which must not rest on
    /// a copy another instance or tool may have outdated.
    bypass_cache: bool,
    /// Interactive for people waiting on a page; background for the read
    /// model's sweeps, which leave the budget's reserve to people.
    priority: Priority,
}

/// What every handle of one credential shares: connection pool, tokens,
/// read cache and the credential's budget.
pub struct SharedClient {
    http: reqwest::Client,
    cfg: ClientConfig,
    tokens: TokenCache,
    budget: RateBudget,
    reads: Mutex<HashMap<String, CacheSlot>>,
    upstream_calls: AtomicU64,
    token_calls: AtomicU64,
}

impl std::ops::Deref for TelegentClient {
    type Target = SharedClient;
    fn deref(&self) -> &SharedClient {
        &self.shared
    }
}

/// The largest answer the client reads: no documented answer comes near it,
/// and a larger one (a misconfigured address, a hostile peer) must not fill
/// the portal's memory.
pub const MAX_ANSWER_BYTES: usize = 5 * 1024 * 1024;

/// The body of `response`, or why it was not read whole.
async fn read_capped(mut response: reqwest::Response, cap: usize) -> Result<Vec<u8>, String> {
    if response.content_length().is_some_and(|n| n > cap as u64) {
        return Err(format!("answer larger than {} MB", cap / (1024 * 1024)));
    }
    let mut body = Vec::new();
    while let Some(chunk) = response.chunk().await.map_err(|e| transport_detail(&e))? {
        if body.len() + chunk.len() > cap {
            return Err(format!("answer larger than {} MB", cap / (1024 * 1024)));
        }
        body.extend_from_slice(&chunk);
    }
    Ok(body)
}

impl TelegentClient {
    pub fn new(cfg: ClientConfig) -> Result<Self, TelegentError> {
        let http = reqwest::Client::builder()
            .connect_timeout(cfg.connect_timeout)
            .timeout(cfg.request_timeout)
            // A redirect would carry the bearer token (and a billable body)
            // somewhere the configuration never named: answered as an error.
            .redirect(reqwest::redirect::Policy::none())
            .user_agent(concat!("telegent-portal/", env!("CARGO_PKG_VERSION")))
            .build()
            .map_err(|e| TelegentError::Unavailable {
                detail: format!("HTTP client: {e}"),
            })?;
        Ok(Self {
            shared: Arc::new(SharedClient {
                http,
                budget: RateBudget::per_minute(cfg.rate_limit_per_minute),
                cfg,
                tokens: TokenCache::default(),
                reads: Mutex::new(HashMap::new()),
                upstream_calls: AtomicU64::new(0),
                token_calls: AtomicU64::new(0),
            }),
            share: None,
            oldest_copy: Arc::default(),
            bypass_cache: false,
            priority: Priority::Interactive,
        })
    }

    /// A handle on the same credential whose interactive calls also take
    /// from `share`, one person's part of the budget: one person cannot spend
    /// what everyone else of the Distributor needs. Cached reads cost nothing.
    pub fn with_share(&self, share: Arc<RateBudget>) -> Self {
        Self {
            shared: self.shared.clone(),
            share: Some(share),
            oldest_copy: Arc::default(),
            bypass_cache: false,
            priority: Priority::Interactive,
        }
    }

    /// The same handle (same share) whose reads skip the cached copies; see
    /// `bypass_cache`. For the checks before a change: a busy budget is said
    /// as such, never answered with an old copy the change would rest on.
    pub fn fresh(&self) -> Self {
        Self {
            shared: self.shared.clone(),
            share: self.share.clone(),
            oldest_copy: Arc::default(),
            bypass_cache: true,
            priority: self.priority,
        }
    }

    /// A handle for background work (the read model's sweeps): no person's
    /// share, reads afresh (a sweep that served itself old copies would
    /// confirm nothing), and calls at background priority, which never
    /// takes the part of the budget kept for people.
    pub fn background(&self) -> Self {
        Self {
            shared: self.shared.clone(),
            share: None,
            oldest_copy: Arc::default(),
            bypass_cache: true,
            priority: Priority::Background,
        }
    }

    pub fn base_url(&self) -> &str {
        &self.cfg.base_url
    }

    pub fn account_key(&self) -> &str {
        &self.cfg.credentials.account_key
    }

    /// (all HTTP requests sent, of which token requests) since start.
    pub fn call_counts(&self) -> (u64, u64) {
        (
            self.upstream_calls.load(Ordering::Relaxed),
            self.token_calls.load(Ordering::Relaxed),
        )
    }

    pub async fn budget_remaining(&self) -> u32 {
        self.budget.remaining().await
    }

    // ----- operations (the rest are generated from the tables in `ops`) ---------

    /// `GET /v1.0/distributor/subscribers`, one page (`page` counts from 1).
    pub async fn distributor_subscribers(&self, page: u32, per_page: u32) -> Result<SubscribersPage, TelegentError> {
        let page = page.max(1).to_string();
        let per_page = per_page.clamp(1, 500).to_string();
        self.get_cached(
            "/v1.0/distributor/subscribers",
            &[("PageNumber", &page), ("TotalPerPage", &per_page)],
        )
        .await
    }

    /// Whether the upstream answers at all (for `/readyz`): a token for the
    /// distributor endpoint proves address, TLS and credentials in one call.
    pub async fn ping(&self) -> Result<(), TelegentError> {
        let endpoint = format!("{}{}", self.cfg.base_url, "/v1.0/distributor/accounts");
        self.token_for(&endpoint, Priority::Background).await.map(|_| ())
    }

    /// Sends a billable request once (see [`Safety::Billable`]) and hands back
    /// the platform's answer exactly as it came. The intent store keeps that
    /// answer; reading it into `R::Response` is left to the caller so that a
    /// body we fail to read can never turn a completed order into a failed one.
    pub async fn submit_billable<R: BillableRequest>(&self, request: &R) -> Result<Value, TelegentError> {
        let body = crate::ops::to_body(request)?;
        let result = self.post::<Value>(R::PATH, &body, Safety::Billable).await;
        // Even a failure may have gone through upstream.
        for prefix in R::INVALIDATES {
            self.invalidate_reads(prefix);
        }
        result
    }

    // ----- generic calls -------------------------------------------------------

    /// A GET served from the short read cache; identical concurrent reads share
    /// one upstream call.
    pub async fn get_cached<T: DeserializeOwned>(
        &self,
        path: &str,
        query: &[(&str, &str)],
    ) -> Result<T, TelegentError> {
        let value = self
            .cached(cache_key(path, query), || {
                self.call(Method::Get, path, query, None, Safety::Safe, self.priority)
            })
            .await?;
        decode(value)
    }

    /// A read sent as POST (data-usage info and settings take a batch of
    /// numbers in the body), cached like a GET under its path and body.
    pub async fn post_read<T: DeserializeOwned>(&self, path: &str, body: &Value) -> Result<T, TelegentError> {
        let key = format!("{path}#{body}");
        let value = self
            .cached(key, || {
                self.call(Method::Post, path, &[], Some(body), Safety::Safe, self.priority)
            })
            .await?;
        decode(value)
    }

    /// The read cache: a fresh entry is served as is; otherwise one caller
    /// fetches while identical callers wait for its result. When the request
    /// budget is spent, a stale entry is better than an error page.
    async fn cached<F, Fut>(&self, key: String, fetch: F) -> Result<Value, TelegentError>
    where
        F: FnOnce() -> Fut,
        Fut: std::future::Future<Output = Result<Value, TelegentError>>,
    {
        if self.cfg.read_cache_ttl.is_zero() {
            return fetch().await;
        }
        let ttl = if crate::freshness::is_slow_changing(&key) {
            self.cfg.slow_read_cache_ttl.max(self.cfg.read_cache_ttl)
        } else {
            self.cfg.read_cache_ttl
        };
        let slot = {
            let mut reads = self.reads.lock().expect("read cache poisoned");
            reads.entry(key).or_default().clone()
        };
        let mut cached = slot.lock().await;
        if let Some((at, value)) = cached.as_ref().filter(|_| !self.bypass_cache) {
            if at.elapsed() < ttl {
                self.note_copy(*at);
                return Ok(value.clone());
            }
        }
        match fetch().await {
            Ok(fresh) => {
                *cached = Some((Instant::now(), fresh.clone()));
                Ok(fresh)
            }
            // A fresh read (a check before a change, a sweep) never rests on a copy.
            Err(TelegentError::Busy { wait }) if self.bypass_cache => Err(TelegentError::Busy { wait }),
            Err(TelegentError::Busy { wait }) => match cached.as_ref() {
                Some((at, stale)) => {
                    self.note_copy(*at);
                    tracing::info!(wait_ms = wait.as_millis() as u64, "budget spent: serving a stale read");
                    Ok(stale.clone())
                }
                None => Err(TelegentError::Busy { wait }),
            },
            Err(e) => Err(e),
        }
    }

    fn note_copy(&self, fetched_at: Instant) {
        let mut oldest = self.oldest_copy.lock().expect("copy age poisoned");
        if oldest.is_none_or(|o| fetched_at < o) {
            *oldest = Some(fetched_at);
        }
    }

    /// How old the oldest copy this handle served is, when it is older than
    /// a fresh read (`read_cache_ttl`): what a page says as "as of …".
    pub fn copy_age(&self) -> Option<Duration> {
        let oldest = (*self.oldest_copy.lock().expect("copy age poisoned"))?;
        let age = oldest.elapsed();
        (age >= self.cfg.read_cache_ttl).then_some(age)
    }

    /// Drops cached reads whose path starts with `path_prefix` (after a mutation
    /// that changes them).
    pub fn invalidate_reads(&self, path_prefix: &str) {
        // Paths are matched without case, as `freshness` reads them (the API
        // spells some with capitals, `/v1.0/OAuth2`).
        let prefix = path_prefix.to_ascii_lowercase();
        let mut reads = self.reads.lock().expect("read cache poisoned");
        reads.retain(|key, _| !key.to_ascii_lowercase().starts_with(&prefix));
    }

    /// A POST. `safety` decides whether an ambiguous failure is retried.
    pub async fn post<T: DeserializeOwned>(
        &self,
        path: &str,
        body: &Value,
        safety: Safety,
    ) -> Result<T, TelegentError> {
        let value = self
            .call(Method::Post, path, &[], Some(body), safety, self.priority)
            .await?;
        decode(value)
    }

    async fn call(
        &self,
        method: Method,
        path: &str,
        query: &[(&str, &str)],
        body: Option<&Value>,
        safety: Safety,
        priority: Priority,
    ) -> Result<Value, TelegentError> {
        let endpoint = format!("{}{}", self.cfg.base_url, path);
        let started = Instant::now();
        let policy = &self.cfg.retry;
        let mut retries = 0u32;
        let mut reauthenticated = false;
        loop {
            let token = self.token_for(&endpoint, priority).await?;
            self.acquire(priority).await?;
            let attempt = self.send_to(method, &endpoint, query, body, Some(&token)).await;
            let (retry_after, failure) = match attempt {
                Attempt::Success(value) => return Ok(value),
                Attempt::Status { status: 401 | 403, .. } if !reauthenticated => {
                    // The token may have expired early or been revoked: drop it and
                    // authenticate once more. This is not a retry of the operation's
                    // effect: 401/403 means it was refused before doing anything.
                    self.tokens.invalidate(&endpoint, &token).await;
                    reauthenticated = true;
                    continue;
                }
                Attempt::Status {
                    status,
                    body,
                    retry_after,
                } => {
                    let error = status_error(status, body, retry_after);
                    if safety == Safety::Billable {
                        // 429 and 503 are refusals before processing; any other 5xx
                        // (a 502 from a gateway too) may come after the platform
                        // acted, and so may a 408: ambiguous, never "failed".
                        return Err(match status {
                            429 | 503 => error,
                            408 | 500..=599 => TelegentError::OutcomeUnknown {
                                detail: format!("HTTP {status}"),
                            },
                            _ => error,
                        });
                    }
                    if !RetryPolicy::is_retryable_status(status) {
                        return Err(error);
                    }
                    (retry_after, error)
                }
                Attempt::Transport { detail, maybe_sent } => {
                    if safety == Safety::Billable && maybe_sent {
                        return Err(TelegentError::OutcomeUnknown { detail });
                    }
                    (None, TelegentError::Unavailable { detail })
                }
            };
            retries += 1;
            if retries >= policy.max_attempts {
                return Err(failure);
            }
            let delay = policy.next_delay(retries, retry_after, rand::random::<f64>());
            if started.elapsed() + delay > policy.deadline {
                return Err(failure);
            }
            tracing::warn!(path, retries, delay_ms = delay.as_millis() as u64, error = %failure, "retrying Telegent call");
            tokio::time::sleep(delay).await;
        }
    }

    async fn acquire(&self, priority: Priority) -> Result<(), TelegentError> {
        let share = match (&self.share, priority) {
            (Some(share), Priority::Interactive) => Some(share),
            _ => None,
        };
        if let Some(share) = share {
            // A spent share answers at once ("busy", or the last copy): waiting
            // here would hold the read's single-flight slot, and everyone else
            // asking for the same data would wait behind one person's limit.
            share
                .acquire(priority, Duration::ZERO)
                .await
                .map_err(|wait| TelegentError::Busy { wait })?;
        }
        let taken = self
            .budget
            .acquire(priority, self.cfg.max_budget_wait)
            .await
            .map_err(|wait| TelegentError::Busy { wait });
        if let (Err(_), Some(share)) = (&taken, share) {
            // Not made: the person's share is not spent by it.
            share.give_back().await;
        }
        taken
    }

    /// A token scoped to `endpoint`, from cache or fetched once for all waiters.
    async fn token_for(&self, endpoint: &str, priority: Priority) -> Result<String, TelegentError> {
        let slot = self.tokens.slot(endpoint);
        let mut cached = slot.lock().await;
        if let Some(token) = cached.as_ref() {
            if token.use_until > chrono::Utc::now() {
                return Ok(token.token.clone());
            }
        }
        let fresh = self.fetch_token(endpoint, priority).await?;
        let token = fresh.token.clone();
        *cached = Some(fresh);
        Ok(token)
    }

    async fn fetch_token(&self, endpoint: &str, priority: Priority) -> Result<CachedToken, TelegentError> {
        let url = format!("{}{}", self.cfg.base_url, TOKEN_PATH);
        let request = TokenRequest {
            account_key: &self.cfg.credentials.account_key,
            account_secret: &self.cfg.credentials.account_secret,
            api_endpoint: endpoint,
        };
        let body = serde_json::to_value(&request).map_err(|e| TelegentError::Decode { detail: e.to_string() })?;
        let policy = &self.cfg.retry;
        let started = Instant::now();
        let mut retries = 0;
        loop {
            self.acquire(priority).await?;
            self.token_calls.fetch_add(1, Ordering::Relaxed);
            let (retry_after, failure) = match self.send_to(Method::Post, &url, &[], Some(&body), None).await {
                Attempt::Success(value) => {
                    let parsed: TokenResponse = decode(value)?;
                    return Ok(CachedToken {
                        use_until: use_until(parsed.token_expiry.as_deref(), self.cfg.token_margin),
                        token: parsed.token,
                    });
                }
                Attempt::Status {
                    status: status @ (400 | 401 | 403),
                    ..
                } => {
                    return Err(TelegentError::CredentialsRefused { status });
                }
                Attempt::Status {
                    status,
                    body,
                    retry_after,
                } => {
                    let error = status_error(status, body, retry_after);
                    if !RetryPolicy::is_retryable_status(status) {
                        return Err(error);
                    }
                    (retry_after, error)
                }
                Attempt::Transport { detail, .. } => (None, TelegentError::Unavailable { detail }),
            };
            retries += 1;
            let delay = policy.next_delay(retries, retry_after, rand::random::<f64>());
            if retries >= policy.max_attempts || started.elapsed() + delay > policy.deadline {
                return Err(failure);
            }
            tokio::time::sleep(delay).await;
        }
    }

    async fn send_to(
        &self,
        method: Method,
        url: &str,
        query: &[(&str, &str)],
        body: Option<&Value>,
        token: Option<&str>,
    ) -> Attempt {
        self.upstream_calls.fetch_add(1, Ordering::Relaxed);
        let mut request = match method {
            Method::Get => self.http.get(url),
            Method::Post => self.http.post(url),
        };
        if !query.is_empty() {
            request = request.query(query);
        }
        if let Some(body) = body {
            request = request.json(body);
        }
        if let Some(token) = token {
            request = request.bearer_auth(token);
        }
        let response = match request.send().await {
            Ok(r) => r,
            Err(e) => {
                return Attempt::Transport {
                    detail: transport_detail(&e),
                    maybe_sent: !e.is_connect(),
                };
            }
        };
        let status = response.status().as_u16();
        let retry_after = response
            .headers()
            .get(reqwest::header::RETRY_AFTER)
            .and_then(|v| v.to_str().ok())
            .and_then(|v| v.trim().parse::<u64>().ok())
            .map(Duration::from_secs);
        let bytes = match read_capped(response, MAX_ANSWER_BYTES).await {
            Ok(b) => b,
            Err(detail) => {
                return Attempt::Transport {
                    detail,
                    maybe_sent: true,
                }
            }
        };
        if (200..300).contains(&status) {
            return match serde_json::from_slice::<Value>(&bytes) {
                Ok(v) => Attempt::Success(v),
                Err(_) if bytes.is_empty() => Attempt::Success(Value::Null),
                Err(e) => Attempt::Transport {
                    detail: format!("unreadable body: {e}"),
                    maybe_sent: true,
                },
            };
        }
        let body = serde_json::from_slice::<Value>(&bytes)
            .and_then(crate::tolerant::from_value::<ErrorBody>)
            .unwrap_or(ErrorBody {
                status_code: status as u32,
                message: String::new(),
            });
        Attempt::Status {
            status,
            body,
            retry_after,
        }
    }
}

fn status_error(status: u16, body: ErrorBody, retry_after: Option<Duration>) -> TelegentError {
    match status {
        404 => TelegentError::NotFound,
        400 | 409 | 422 => TelegentError::Rejected {
            status,
            message: body.message,
        },
        401 | 403 => TelegentError::CredentialsRefused { status },
        429 => TelegentError::RateLimited { retry_after },
        _ => TelegentError::Unavailable {
            detail: format!("HTTP {status}"),
        },
    }
}

/// A transport error without the URL (which may carry query values) or headers.
fn transport_detail(e: &reqwest::Error) -> String {
    if e.is_timeout() {
        "timed out".into()
    } else if e.is_connect() {
        "could not connect".into()
    } else {
        "connection failed".into()
    }
}

fn cache_key(path: &str, query: &[(&str, &str)]) -> String {
    let mut key = path.to_string();
    for (i, (k, v)) in query.iter().enumerate() {
        key.push(if i == 0 { '?' } else { '&' });
        key.push_str(k);
        key.push('=');
        key.push_str(v);
    }
    key
}

/// Every body is read leniently: see `crate::tolerant`.
fn decode<T: DeserializeOwned>(value: Value) -> Result<T, TelegentError> {
    crate::tolerant::from_value(value).map_err(|e| TelegentError::Decode { detail: e.to_string() })
}
