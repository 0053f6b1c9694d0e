//! The portal server: database, Telegent client, sandbox and HTTP router.
//! `main.rs` is only the command line around this.

pub mod config;

use std::net::SocketAddr;
use std::sync::Arc;
use std::time::Duration;

use anyhow::Context;
use axum::extract::State;
use axum::http::{HeaderName, Request, StatusCode};
use axum::response::IntoResponse;
use axum::routing::get;
use axum::{Json, Router};
use leptos::prelude::*;
use leptos_axum::{generate_route_list, LeptosRoutes};
use sqlx::sqlite::{SqliteConnectOptions, SqliteJournalMode, SqlitePoolOptions};
use sqlx::SqlitePool;
use telegent::{ClientConfig, Credentials, TelegentClient};
use telegent_app::ssr::AppState;
use telegent_app::{shell, App};
use telegent_sandbox::{seed, Sandbox, SandboxConfig};
use tower_http::request_id::{MakeRequestUuid, PropagateRequestIdLayer, SetRequestIdLayer};
use tower_http::trace::TraceLayer;

use crate::config::Upstream;

pub static MIGRATOR: sqlx::migrate::Migrator = sqlx::migrate!("../migrations");

/// Opens (creating if needed) the SQLite database and applies migrations.
pub async fn open_database(url: &str) -> anyhow::Result<SqlitePool> {
    let options: SqliteConnectOptions = url
        .parse()
        .with_context(|| format!("DATABASE_URL “{url}” is not an SQLite URL"))?;
    let options = options
        .create_if_missing(true)
        .journal_mode(SqliteJournalMode::Wal)
        .busy_timeout(Duration::from_secs(5))
        .foreign_keys(true);
    if let Some(dir) = options.get_filename().parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir).with_context(|| format!("creating {}", dir.display()))?;
    }
    // An in-memory database exists per connection: keep exactly one.
    let max = if url.contains(":memory:") { 1 } else { 8 };
    let pool = SqlitePoolOptions::new()
        .max_connections(max)
        .connect_with(options)
        .await?;
    MIGRATOR.run(&pool).await.context("applying migrations")?;
    Ok(pool)
}

/// What `serve` needs besides the HTTP address.
pub struct PortalConfig {
    pub database_url: String,
    pub upstream: Upstream,
    /// Where the in-process sandbox keeps its state (`None`: memory only).
    pub sandbox_state_file: Option<std::path::PathBuf>,
    pub sandbox_bind: SocketAddr,
    pub rate_limit_per_minute: u32,
}

/// A running portal: its router, state, and the sandbox when one was started.
pub struct Portal {
    pub router: Router,
    pub state: AppState,
    pub sandbox: Option<(Sandbox, SocketAddr)>,
}

/// Opens the database, starts the sandbox when no real API is configured,
/// seeds the demo data on first start, and builds the router.
pub async fn build_portal(cfg: PortalConfig, leptos_options: LeptosOptions) -> anyhow::Result<Portal> {
    let pool = open_database(&cfg.database_url).await?;
    let (base_url, credentials, distributor_id, sandbox) = match cfg.upstream {
        Upstream::Sandbox => {
            let sandbox = Sandbox::open(SandboxConfig {
                state_file: cfg.sandbox_state_file,
                ..SandboxConfig::default()
            })
            .context("opening the sandbox state")?;
            let addr = sandbox
                .spawn_on(cfg.sandbox_bind)
                .await
                .context("starting the sandbox")?;
            let credentials = Credentials {
                account_key: seed::ACME_KEY.into(),
                account_secret: seed::ACME_SECRET.into(),
            };
            (
                format!("http://{addr}"),
                credentials,
                seed::ACME_KEY.to_string(),
                Some((sandbox, addr)),
            )
        }
        Upstream::Real {
            base_url,
            account_key,
            account_secret,
            distributor_id,
        } => (
            base_url,
            Credentials {
                account_key,
                account_secret,
            },
            distributor_id,
            None,
        ),
    };
    let mut client_config = ClientConfig::new(base_url.clone(), credentials.clone());
    client_config.rate_limit_per_minute = cfg.rate_limit_per_minute;
    let telegent = Arc::new(TelegentClient::new(client_config)?);
    register_distributor(&pool, &telegent, &distributor_id, &base_url, &credentials.account_key).await?;
    let state = AppState {
        leptos_options,
        pool,
        telegent,
        distributor_id,
    };
    Ok(Portal {
        router: router(state.clone()),
        state,
        sandbox,
    })
}

/// Records the configured Distributor in the portal database on first start
/// (its name from Telegent). Later starts leave the row as it is.
async fn register_distributor(
    pool: &SqlitePool,
    telegent: &TelegentClient,
    distributor_id: &str,
    base_url: &str,
    account_key: &str,
) -> anyhow::Result<()> {
    let known: Option<(String,)> = sqlx::query_as("SELECT name FROM distributors WHERE distributor_id = ?")
        .bind(distributor_id)
        .fetch_optional(pool)
        .await?;
    if known.is_some() {
        return Ok(());
    }
    let name = match telegent.distributor(distributor_id).await {
        Ok(d) => d.distributor_name,
        Err(e) => {
            // A real API may be briefly unreachable at start; the portal still serves.
            tracing::warn!(error = %e, "could not read the distributor's name from Telegent");
            distributor_id.to_string()
        }
    };
    sqlx::query("INSERT INTO distributors (distributor_id, name, api_base_url, account_key) VALUES (?, ?, ?, ?)")
        .bind(distributor_id)
        .bind(&name)
        .bind(base_url)
        .bind(account_key)
        .execute(pool)
        .await?;
    tracing::info!(distributor = %name, "registered distributor");
    Ok(())
}

/// The HTTP surface: pages, server functions, static files, health checks.
pub fn router(state: AppState) -> Router {
    let routes = generate_route_list(App);
    let request_id = HeaderName::from_static("x-request-id");
    let context_state = state.clone();
    let leptos_options = state.leptos_options.clone();
    Router::new()
        .route("/healthz", get(healthz))
        .route("/readyz", get(readyz))
        .leptos_routes_with_context(
            &state,
            routes,
            move || provide_context(context_state.clone()),
            move || shell(leptos_options.clone()),
        )
        .fallback(leptos_axum::file_and_error_handler::<AppState, _>(shell))
        .with_state(state)
        .layer(PropagateRequestIdLayer::new(request_id.clone()))
        .layer(TraceLayer::new_for_http().make_span_with(|request: &Request<_>| {
            let id = request
                .headers()
                .get("x-request-id")
                .and_then(|v| v.to_str().ok())
                .unwrap_or("-");
            tracing::info_span!("request", method = %request.method(), path = %request.uri().path(), request_id = %id)
        }))
        .layer(SetRequestIdLayer::new(request_id, MakeRequestUuid))
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
        .map_err(|e| e.to_string());
    let upstream = state.telegent.ping().await.map_err(|e| e.to_string());
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
