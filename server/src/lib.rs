//! The portal server: database, Telegent client, sandbox and HTTP router.
//! `main.rs` is only the command line around this.

pub mod config;
pub mod exports;
pub mod replays;
pub mod web;

use std::net::SocketAddr;
use std::sync::Arc;

use anyhow::Context;
use axum::extract::State;
use axum::http::{HeaderName, Request, StatusCode};
use axum::response::IntoResponse;
use axum::routing::get;
use axum::{Json, Router};
use leptos::prelude::*;
use leptos_axum::{generate_route_list, LeptosRoutes};
use telegent_app::outbox::service::{MailSettings, Mailer};
use telegent_app::ssr::caller::AuthSettings;
use telegent_app::ssr::clock::Clock;
use telegent_app::ssr::credentials::SecretBox;
use telegent_app::ssr::db::DbPool;
use telegent_app::ssr::demo;
use telegent_app::ssr::upstreams::{DistributorRecord, Upstreams};
use telegent_app::ssr::AppState;
use telegent_app::{shell, App};
use telegent_sandbox::{seed, Sandbox, SandboxConfig};
use tower_http::compression::CompressionLayer;
use tower_http::request_id::{MakeRequestUuid, PropagateRequestIdLayer, SetRequestIdLayer};
use tower_http::trace::TraceLayer;
use tower_sessions::cookie::SameSite;
use tower_sessions::{Expiry, SessionManagerLayer};

use crate::config::Upstream;

pub mod sessions;

/// Opens (creating if needed) the database — SQLite or PostgreSQL, as the URL
/// says — and applies its migrations.
pub async fn open_database(url: &str) -> anyhow::Result<DbPool> {
    telegent_app::ssr::db::connect(url).await
}

/// What `serve` needs besides the HTTP address.
pub struct PortalConfig {
    pub database_url: String,
    pub upstream: Upstream,
    /// Where the in-process sandbox keeps its state (`None`: memory only).
    pub sandbox_state_file: Option<std::path::PathBuf>,
    pub sandbox_bind: SocketAddr,
    /// The in-process sandbox's per-credential limit (`None`: unlimited, for tests
    /// that make hundreds of calls).
    pub sandbox_rate_limit_per_minute: Option<u32>,
    /// Grow the sandbox's first demo Distributor to this many Accounts
    /// (`seed::scale`), for benchmarks and demos.
    pub sandbox_scale: Option<usize>,
    pub rate_limit_per_minute: u32,
    /// Interactive upstream calls one signed-in person may make per minute,
    /// out of their Distributor's `rate_limit_per_minute`.
    pub user_share_per_minute: u32,
    /// How often the read model's schedule sweeps each Distributor (`None`:
    /// no schedule; an empty copy is filled by the first page that needs it).
    pub sweep_every: Option<std::time::Duration>,
    /// The key file sealing Distributor secrets (`None`: a key for this process only).
    pub credential_key_file: Option<std::path::PathBuf>,
    pub auth: AuthSettings,
    /// Served over HTTPS (behind TLS): Secure `__Host-` cookies and HSTS.
    pub https: bool,
    /// Outgoing mail: SMTP, or (the default) kept in the outbox.
    pub mail: MailSettings,
}

impl PortalConfig {
    /// In memory, on the sandbox, with defaults: what tests and benchmarks use.
    pub fn for_tests() -> Self {
        Self {
            database_url: "sqlite::memory:".into(),
            upstream: Upstream::Sandbox,
            sandbox_state_file: None,
            sandbox_bind: "127.0.0.1:0".parse().expect("valid address"),
            sandbox_rate_limit_per_minute: Some(50),
            sandbox_scale: None,
            rate_limit_per_minute: 50,
            user_share_per_minute: 25,
            sweep_every: None,
            credential_key_file: None,
            auth: AuthSettings::default(),
            https: false,
            // Mail stays in the outbox; its links name this (unreachable) host.
            mail: MailSettings {
                public_url: "http://localhost".into(),
                ..MailSettings::default()
            },
        }
    }
}

/// A running portal: its router, state, and the sandbox when one was started.
pub struct Portal {
    pub router: Router,
    pub state: AppState,
    pub sandbox: Option<(Sandbox, SocketAddr)>,
}

/// The session cookie's name: `__Host-` prefixed (which requires Secure, no
/// Domain and Path=/) when served over HTTPS.
pub fn session_cookie_name(https: bool) -> &'static str {
    if https {
        "__Host-portal_session"
    } else {
        "portal_session"
    }
}

/// Opens the database, starts the sandbox when no real API is configured,
/// stores the Distributor credentials (sealed), seeds the demo users on
/// first start, and builds the router.
pub async fn build_portal(cfg: PortalConfig, leptos_options: LeptosOptions) -> anyhow::Result<Portal> {
    let pool = open_database(&cfg.database_url).await?;
    let secrets = match &cfg.credential_key_file {
        Some(path) => SecretBox::from_key_file(path).with_context(|| format!("credential key {}", path.display()))?,
        None => SecretBox::ephemeral(),
    };
    let upstreams = Arc::new(Upstreams::new(
        secrets,
        cfg.rate_limit_per_minute,
        cfg.user_share_per_minute,
    ));
    let mut sandbox = None;
    match cfg.upstream {
        Upstream::Sandbox => {
            let instance = Sandbox::open(SandboxConfig {
                state_file: cfg.sandbox_state_file,
                rate_limit_per_minute: cfg.sandbox_rate_limit_per_minute,
                // Reset, restore and faults only for a sandbox nobody else can reach.
                admin_endpoints: cfg.sandbox_bind.ip().is_loopback(),
                ..SandboxConfig::default()
            })
            .context("opening the sandbox state")?;
            if let Some(accounts) = cfg.sandbox_scale {
                let added = instance.mutate(|w| seed::scale(w, seed::ACME_KEY, accounts));
                tracing::info!(accounts, added, "sandbox grown for scale");
            }
            let addr = instance
                .spawn_on(cfg.sandbox_bind)
                .await
                .context("starting the sandbox")?;
            // The sandbox's address changes between runs: store both demo
            // Distributors with the current one.
            for (key, secret) in [
                (seed::ACME_KEY, seed::ACME_SECRET),
                (seed::GLOBEX_KEY, seed::GLOBEX_SECRET),
            ] {
                register_distributor(&pool, &upstreams, key, &format!("http://{addr}"), key, secret).await?;
            }
            upstreams.set_platform(&format!("http://{addr}"), seed::AGGREGATOR_KEY, seed::AGGREGATOR_SECRET)?;
            // Distributors created from the portal live in this sandbox too:
            // they follow it to its new address (only those it holds, and
            // only from a loopback address, which a real API never has).
            let world = instance.snapshot();
            for (did, url) in
                sqlx::query_as::<_, (String, String)>("SELECT distributor_id, api_base_url FROM distributors")
                    .fetch_all(&pool)
                    .await?
            {
                let local = [
                    "http://127.0.0.1:",
                    "http://localhost:",
                    "http://[::1]:",
                    "http://0.0.0.0:",
                ]
                .iter()
                .any(|prefix| url.starts_with(prefix));
                if world.distributors.contains_key(&did) && local {
                    sqlx::query("UPDATE distributors SET api_base_url = $1 WHERE distributor_id = $2")
                        .bind(format!("http://{addr}"))
                        .bind(&did)
                        .execute(&pool)
                        .await?;
                }
            }
            sandbox = Some((instance, addr));
        }
        Upstream::Real {
            base_url,
            account_key,
            account_secret,
            distributor_id,
            platform,
        } => {
            refuse_demo_users(&pool).await?;
            if let Some((key, secret)) = &platform {
                upstreams.set_platform(&base_url, key, secret)?;
            }
            register_distributor(
                &pool,
                &upstreams,
                &distributor_id,
                &base_url,
                &account_key,
                &account_secret,
            )
            .await?;
        }
    }
    let loaded = upstreams
        .load_all(&pool)
        .await
        .map_err(|e| anyhow::anyhow!("loading Distributor credentials: {e}"))?;
    tracing::info!(distributors = loaded, "Telegent clients ready");
    name_distributors(&pool, &upstreams).await?;
    if sandbox.is_some() {
        let created = demo::seed_demo_users(&pool, &upstreams)
            .await
            .context("creating demo users")?;
        if created > 0 {
            tracing::info!(users = created, "created the demo users");
        }
    }
    let mailer = Mailer::new(&cfg.mail).context("the mail settings")?;
    tracing::info!(mode = ?mailer.mode(), "outgoing mail");
    let state = AppState {
        leptos_options,
        pool,
        upstreams,
        clock: Clock::default(),
        auth: cfg.auth,
        sign_in_locks: Default::default(),
        mailer: Arc::new(mailer),
        sweeper: Default::default(),
    };
    if let Some(every) = cfg.sweep_every {
        telegent_app::read_model::sweep::spawn_schedule(state.clone(), every);
    }
    let session_store = sessions::PortalSessionStore::open(&cfg.database_url).await?;
    let router = router(state.clone(), session_store, cfg.https).await?;
    Ok(Portal { router, state, sandbox })
}

/// Stores a configured Distributor and its (sealed) credential. A new row
/// is named by its ID until [`name_distributors`] asks Telegent.
async fn register_distributor(
    pool: &DbPool,
    upstreams: &Upstreams,
    distributor_id: &str,
    base_url: &str,
    account_key: &str,
    account_secret: &str,
) -> anyhow::Result<()> {
    let known: Option<(String,)> = sqlx::query_as("SELECT name FROM distributors WHERE distributor_id = $1")
        .bind(distributor_id)
        .fetch_optional(pool)
        .await?;
    let record = DistributorRecord {
        distributor_id: distributor_id.into(),
        name: known.map(|(name,)| name).unwrap_or_else(|| distributor_id.into()),
        api_base_url: base_url.into(),
        account_key: account_key.into(),
    };
    upstreams
        .store(pool, &record, account_secret)
        .await
        .map_err(|e| anyhow::anyhow!("storing {distributor_id}: {e}"))
}

/// Gives Distributors still named by their ID their name from Telegent.
async fn name_distributors(pool: &DbPool, upstreams: &Upstreams) -> anyhow::Result<()> {
    let unnamed: Vec<(String,)> = sqlx::query_as("SELECT distributor_id FROM distributors WHERE name = distributor_id")
        .fetch_all(pool)
        .await?;
    for (distributor_id,) in unnamed {
        let Some(client) = upstreams.get(&distributor_id) else {
            continue;
        };
        match client.distributor(&distributor_id).await {
            Ok(d) => {
                sqlx::query("UPDATE distributors SET name = $1 WHERE distributor_id = $2")
                    .bind(&d.distributor_name)
                    .bind(&distributor_id)
                    .execute(pool)
                    .await?;
                tracing::info!(distributor = %d.distributor_name, "registered distributor");
            }
            // A real API may be briefly unreachable at start; the portal still serves.
            Err(e) => {
                tracing::warn!(error = %e, %distributor_id, "could not read the distributor's name from Telegent")
            }
        }
    }
    Ok(())
}

/// The HTTP surface: pages, server functions, the audit CSV, static files,
/// health checks; sessions, the caller, CSRF refusal and security headers
/// around all of them.
pub async fn router(state: AppState, store: sessions::PortalSessionStore, https: bool) -> anyhow::Result<Router> {
    let routes = generate_route_list(App);
    let request_id = HeaderName::from_static("x-request-id");
    let context_state = state.clone();
    let leptos_options = state.leptos_options.clone();

    store.delete_expired_continuously();
    // The store keeps a session for the absolute lifetime; the idle timeout is
    // enforced by `resolve` on every request, so a session that lapsed while
    // unused is still seen once, and its end (a view-as in it too) recorded.
    let idle = time::Duration::seconds(state.auth.absolute_lifetime.as_secs() as i64);
    let sessions = SessionManagerLayer::new(store)
        .with_name(session_cookie_name(https))
        .with_http_only(true)
        .with_same_site(SameSite::Lax)
        .with_secure(https)
        .with_path("/")
        .with_expiry(Expiry::OnInactivity(idle));

    Ok(Router::new()
        .route("/healthz", get(healthz))
        .route("/readyz", get(readyz))
        .route("/audit.csv", get(web::audit_csv))
        .route("/accounts.csv", get(exports::accounts_csv))
        .route(
            "/distributors/{distributor_id}/accounts.csv",
            get(exports::distributor_accounts_csv),
        )
        .route("/subscribers.csv", get(exports::subscribers_csv))
        .route("/numbers.csv", get(exports::numbers_csv))
        .route("/porting.csv", get(exports::port_ins_csv))
        .leptos_routes_with_context(
            &state,
            routes,
            move || provide_context(context_state.clone()),
            move || shell(leptos_options.clone()),
        )
        .fallback(leptos_axum::file_and_error_handler::<AppState, _>(shell))
        .layer(axum::middleware::from_fn_with_state(
            state.clone(),
            web::server_fn_status,
        ))
        // Outside the status mapping, so a repeat gets the final answer.
        .layer(axum::middleware::from_fn_with_state(
            replays::Replays::default(),
            replays::replay_repeats,
        ))
        .layer(axum::middleware::from_fn_with_state(state.clone(), web::resolve_caller))
        .layer(sessions)
        .layer(axum::middleware::from_fn(web::refuse_cross_site))
        .layer(axum::middleware::from_fn_with_state(https, web::security_headers))
        // Pages and server-function answers compressed on the way out (the
        // bundle is compressed at build time and served as its .br / .gz,
        // which this leaves alone). Level 4: most of the gain for little CPU.
        .layer(
            CompressionLayer::new()
                .br(true)
                .gzip(true)
                .quality(tower_http::CompressionLevel::Precise(4)),
        )
        .with_state(state)
        .layer(PropagateRequestIdLayer::new(request_id.clone()))
        .layer(TraceLayer::new_for_http().make_span_with(|request: &Request<_>| {
            let id = request
                .headers()
                .get("x-request-id")
                .and_then(|v| v.to_str().ok())
                .unwrap_or("-");
            let client_id = request
                .headers()
                .get(web::CLIENT_REQUEST_ID)
                .and_then(|v| v.to_str().ok())
                .unwrap_or("-");
            tracing::info_span!(
                "request",
                method = %request.method(),
                path = %request.uri().path(),
                request_id = %id,
                client_request_id = %client_id
            )
        }))
        .layer(SetRequestIdLayer::new(request_id, MakeRequestUuid))
        // Outermost: the request id is always the server's own.
        .layer(axum::middleware::map_request(web::set_aside_client_request_id)))
}

/// Demo users exist only with the sandbox: they share a password printed in
/// the README, so a portal on the real API refuses to start while any is in
/// its database.
async fn refuse_demo_users(pool: &DbPool) -> anyhow::Result<()> {
    let present = demo::demo_users_present(pool).await?;
    anyhow::ensure!(
        present.is_empty(),
        "The database holds demo users ({}), which exist only with the sandbox and share a published password. \
         Remove them with `telegent-portal remove-demo-users` (then create the first real admin with \
         `telegent-portal create-admin --email … --name …`), or use an empty database.",
        present.join(", ")
    );
    Ok(())
}

/// Deletes the demo users; returns how many there were.
pub async fn remove_demo_users(pool: &DbPool) -> anyhow::Result<usize> {
    let present = demo::demo_users_present(pool).await?;
    for email in &present {
        sqlx::query("DELETE FROM users WHERE lower(email) = lower($1)")
            .bind(email)
            .execute(pool)
            .await?;
    }
    Ok(present.len())
}

/// Creates an active Platform admin with a temporary password (to be
/// changed at first sign-in) and returns that password.
pub async fn create_platform_admin(pool: &DbPool, email: &str, name: &str) -> anyhow::Result<String> {
    let email = email.trim().to_lowercase();
    anyhow::ensure!(email.contains('@'), "“{email}” is not an e-mail address");
    let temporary = telegent_app::users::service::temporary_password();
    sqlx::query(
        "INSERT INTO users (email, display_name, password_hash, role, status, must_change_password) \
         VALUES ($1, $2, $3, 'PlatformAdmin', 'invited', 1)",
    )
    .bind(&email)
    .bind(name.trim())
    .bind(telegent_app::ssr::passwords::hash(&temporary))
    .execute(pool)
    .await
    .with_context(|| format!("creating {email} (does that user exist already?)"))?;
    Ok(temporary)
}

/// The process is up.
async fn healthz() -> &'static str {
    "ok"
}

/// The database and the Telegent API both answer.
async fn readyz(State(state): State<AppState>) -> impl IntoResponse {
    let database = sqlx::query("SELECT 1")
        .execute(&state.pool)
        .await
        .map(|_| ())
        .map_err(|e| {
            tracing::warn!(error = %e, "readiness: database");
            "unavailable".to_string()
        });
    // Anyone may ask: say how many Distributors fail, not which or why (the log has that).
    let ids = state.upstreams.distributor_ids();
    let mut failing = 0;
    for distributor_id in &ids {
        if let Some(client) = state.upstreams.get(distributor_id) {
            if let Err(e) = client.ping().await {
                tracing::warn!(%distributor_id, error = %e, "readiness: Telegent not reachable");
                failing += 1;
            }
        }
    }
    let upstream = if failing == 0 {
        Ok(())
    } else {
        Err(format!("{failing} of {} Distributors unreachable", ids.len()))
    };
    let ready = database.is_ok() && upstream.is_ok();
    let body = serde_json::json!({
        "ready": ready,
        "database": database.err().unwrap_or_else(|| "ok".into()),
        "telegent": upstream.err().unwrap_or_else(|| "ok".into()),
    });
    let status = if ready {
        StatusCode::OK
    } else {
        StatusCode::SERVICE_UNAVAILABLE
    };
    (status, Json(body))
}

/// Resolves when SIGINT or SIGTERM arrives.
pub async fn shutdown_signal() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let terminate = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut s) => {
                s.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let terminate = std::future::pending::<()>();
    tokio::select! {
        _ = ctrl_c => {},
        _ = terminate => {},
    }
    tracing::info!("shutting down");
}
