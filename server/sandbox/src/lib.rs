//! A faithful, stateful simulator of the Telegent mPaaS API.
//!
//! It speaks real HTTP on loopback so the portal's client is exercised exactly
//! as in production: scoped tokens that expire, a per-credential rate limit
//! answering 429 with `Retry-After`, tenancy isolation (a foreign ID is a 404
//! like a missing one), and the API's `{StatusCode, Message}` errors. Its state
//! is kept in a JSON file beside the portal's database so it survives restarts.

mod accounts;
mod admin;
mod api;
mod collections;
pub mod conformance;
pub mod faults;
mod ops;
pub mod spec;
pub mod validate;
mod world;

pub mod seed;
mod seed_catalog;

use std::collections::{HashMap, VecDeque};
use std::net::SocketAddr;
use std::path::PathBuf;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex, MutexGuard};
use std::time::{Duration, Instant};

use serde::Serialize;

pub use api::implementation;
pub use world::{Record, World};

#[derive(Debug, Clone)]
pub struct SandboxConfig {
    /// Seed for generated IDs; the same seed gives the same demo platform.
    pub seed: u64,
    pub token_lifetime: Duration,
    /// Requests per minute per credential; `None` turns the limit off.
    pub rate_limit_per_minute: Option<u32>,
    /// Where the state is kept between runs; `None` keeps it in memory only.
    pub state_file: Option<PathBuf>,
    /// Serve the `/_sandbox/*` admin endpoints (reset, restore, faults, the
    /// state dump). On for the sandbox the portal and the tests run in-process;
    /// a stand-alone `telegent-portal sandbox` needs `--admin-endpoints`.
    pub admin_endpoints: bool,
}

impl Default for SandboxConfig {
    fn default() -> Self {
        Self {
            seed: 42,
            token_lifetime: Duration::from_secs(3600),
            rate_limit_per_minute: Some(50),
            state_file: None,
            admin_endpoints: true,
        }
    }
}

/// One request as the sandbox saw it, for tests and the admin journal.
#[derive(Debug, Clone, Serialize, serde::Deserialize, PartialEq)]
pub struct JournalEntry {
    pub seq: u64,
    pub method: String,
    pub path: String,
    /// The credential's AccountKey, when the request carried a known one.
    pub credential: Option<String>,
    pub status: u16,
}

/// A bearer token the sandbox issued.
#[derive(Debug, Clone)]
struct Grant {
    credential: String,
    /// Lower-cased path the token is scoped to.
    endpoint_path: String,
    expires: Instant,
}

struct Inner {
    cfg: SandboxConfig,
    /// Shared copy-on-write: a request's snapshot is an `Arc` clone, not a
    /// copy of the whole platform (which at `--scale 2000` is ~40,000 records).
    world: Mutex<Arc<World>>,
    grants: Mutex<HashMap<String, Grant>>,
    journal: Mutex<Vec<JournalEntry>>,
    recent_calls: Mutex<HashMap<String, VecDeque<Instant>>>,
    token_counter: AtomicU64,
    faults: Mutex<faults::Faults>,
}

/// The sandbox: cheap to clone, all clones share one platform.
#[derive(Clone)]
pub struct Sandbox {
    inner: Arc<Inner>,
}

impl Sandbox {
    /// Loads the saved platform from `cfg.state_file`, or seeds the demo one.
    pub fn open(cfg: SandboxConfig) -> std::io::Result<Self> {
        let world = match &cfg.state_file {
            Some(path) if path.exists() => {
                let bytes = std::fs::read(path)?;
                serde_json::from_slice(&bytes).map_err(|e| {
                    std::io::Error::new(std::io::ErrorKind::InvalidData, format!("{}: {e}", path.display()))
                })?
            }
            _ => seed::demo_world(cfg.seed),
        };
        let sandbox = Self {
            inner: Arc::new(Inner {
                world: Mutex::new(Arc::new(world)),
                grants: Mutex::new(HashMap::new()),
                journal: Mutex::new(Vec::new()),
                recent_calls: Mutex::new(HashMap::new()),
                token_counter: AtomicU64::new(0),
                faults: Mutex::new(faults::Faults::new(cfg.seed)),
                cfg,
            }),
        };
        sandbox.persist()?;
        Ok(sandbox)
    }

    /// The sandbox's HTTP API: every Telegent operation plus `/_sandbox/*` admin.
    pub fn router(&self) -> axum::Router {
        api::router(self.clone())
    }

    /// Serves on an ephemeral loopback port and returns its address.
    pub async fn spawn_loopback(&self) -> std::io::Result<SocketAddr> {
        self.spawn_on("127.0.0.1:0".parse().expect("loopback address")).await
    }

    pub async fn spawn_on(&self, addr: SocketAddr) -> std::io::Result<SocketAddr> {
        let listener = tokio::net::TcpListener::bind(addr).await?;
        let local = listener.local_addr()?;
        let router = self.router();
        tokio::spawn(async move {
            if let Err(e) = axum::serve(listener, router).await {
                tracing::error!(error = %e, "sandbox server stopped");
            }
        });
        Ok(local)
    }

    pub fn journal(&self) -> Vec<JournalEntry> {
        self.inner.journal.lock().expect("journal").clone()
    }

    /// Wipes the platform back to the seeded demo (and forgets tokens and the journal).
    pub fn reset(&self) -> std::io::Result<()> {
        *self.world() = Arc::new(seed::demo_world(self.inner.cfg.seed));
        self.inner.grants.lock().expect("grants").clear();
        self.inner.journal.lock().expect("journal").clear();
        self.inner.recent_calls.lock().expect("rate").clear();
        self.inner.faults.lock().expect("faults").rules.clear();
        self.persist()
    }

    /// Replaces the platform with a snapshot taken earlier (`GET /_sandbox/state`).
    pub fn restore(&self, world: World) -> std::io::Result<()> {
        *self.world() = Arc::new(world);
        self.persist()
    }

    /// Read access to the platform (tests and the admin snapshot).
    pub fn snapshot(&self) -> Arc<World> {
        self.world().clone()
    }

    /// Changes the platform and saves it.
    pub fn mutate<R>(&self, change: impl FnOnce(&mut World) -> R) -> R {
        // Copies the platform only while someone still reads an older snapshot.
        let result = change(Arc::make_mut(&mut self.world()));
        if let Err(e) = self.persist() {
            tracing::error!(error = %e, "sandbox state could not be saved");
        }
        result
    }

    /// Moves the sandbox clock forward `minutes`, an hour at a time so state
    /// machines and renewals see every hour: orders move on, usage accrues.
    /// Returns the new time.
    pub fn advance_clock(&self, minutes: i64) -> chrono::DateTime<chrono::Utc> {
        self.mutate(|w| {
            let mut left = minutes;
            while left > 0 {
                let step = left.min(60);
                let before = w.now();
                w.clock_offset_secs += step * 60;
                ops::accrue(w, before, step);
                ops::tick(w);
                left -= step;
            }
            w.now()
        })
    }

    fn world(&self) -> MutexGuard<'_, Arc<World>> {
        self.inner.world.lock().expect("sandbox world")
    }

    fn persist(&self) -> std::io::Result<()> {
        let Some(path) = &self.inner.cfg.state_file else {
            return Ok(());
        };
        let bytes = serde_json::to_vec_pretty(&**self.world()).map_err(std::io::Error::other)?;
        if let Some(dir) = path.parent() {
            std::fs::create_dir_all(dir)?;
        }
        // Write then rename, so a crash never leaves half a file.
        let tmp = path.with_extension("json.tmp");
        std::fs::write(&tmp, bytes)?;
        std::fs::rename(tmp, path)
    }

    fn issue_token(&self, credential: &str, endpoint_path: &str) -> (String, Instant) {
        let n = self.inner.token_counter.fetch_add(1, Ordering::Relaxed) + 1;
        let token = format!(
            "sbx.{n}.{:016x}",
            n.wrapping_mul(0x9E37_79B9_7F4A_7C15) ^ self.inner.cfg.seed
        );
        let expires = Instant::now() + self.inner.cfg.token_lifetime;
        self.inner.grants.lock().expect("grants").insert(
            token.clone(),
            Grant {
                credential: credential.into(),
                endpoint_path: endpoint_path.to_ascii_lowercase(),
                expires,
            },
        );
        (token, expires)
    }

    fn grant(&self, token: &str) -> Option<Grant> {
        self.inner.grants.lock().expect("grants").get(token).cloned()
    }

    /// Counts one call against `credential`'s per-minute limit. `Err` carries the
    /// seconds until a call is allowed again.
    fn take_rate(&self, credential: &str) -> Result<(), u64> {
        let Some(limit) = self.inner.cfg.rate_limit_per_minute else {
            return Ok(());
        };
        let window = Duration::from_secs(60);
        let mut all = self.inner.recent_calls.lock().expect("rate");
        let calls = all.entry(credential.to_string()).or_default();
        let now = Instant::now();
        while calls.front().is_some_and(|t| now.duration_since(*t) >= window) {
            calls.pop_front();
        }
        if calls.len() >= limit as usize {
            let oldest = *calls.front().expect("non-empty at limit");
            return Err(window.saturating_sub(now.duration_since(oldest)).as_secs().max(1));
        }
        calls.push_back(now);
        Ok(())
    }

    fn record(&self, method: &str, path: &str, credential: Option<String>, status: u16) {
        let mut journal = self.inner.journal.lock().expect("journal");
        let seq = journal.len() as u64 + 1;
        journal.push(JournalEntry {
            seq,
            method: method.into(),
            path: path.into(),
            credential,
            status,
        });
    }

    /// Forgets every issued token (as if they had all been revoked), so the
    /// next call with one answers 401.
    pub fn revoke_tokens(&self) {
        self.inner.grants.lock().expect("grants").clear();
    }

    /// Adds a fault rule (see [`faults`]).
    pub fn add_fault(&self, rule: faults::FaultRule) {
        self.inner.faults.lock().expect("faults").rules.push(rule);
    }

    pub fn clear_faults(&self) {
        self.inner.faults.lock().expect("faults").rules.clear();
    }

    fn take_fault(&self, method: &str, path: &str) -> Option<faults::Fault> {
        self.inner.faults.lock().expect("faults").take(method, path)
    }

    fn token_lifetime(&self) -> Duration {
        self.inner.cfg.token_lifetime
    }
}

impl Sandbox {
    fn snapshot_distributor_secret(&self, key: &str) -> Option<String> {
        self.world().distributors.get(key).map(|d| d.secret.clone())
    }
}
