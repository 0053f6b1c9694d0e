//! Server-only code: application state, the caller (from the session), the
//! one policy check, and the services behind the server functions. Compiled
//! only with the `ssr` feature.

pub mod accounts;
pub mod audit;
pub mod auth;
pub mod clock;
pub mod credentials;
pub mod db;
pub mod demo;
pub mod distributors;
pub mod family;
pub mod guardian;
pub mod intents;
pub mod members;
pub mod messaging;
pub mod numbers;
pub mod passwords;
pub mod subscriptions;
pub mod upstreams;
pub mod users;

use std::sync::Arc;

use crate::ssr::db::DbPool;
use axum::extract::FromRef;
use leptos::prelude::*;

pub use auth::{Caller, Tenant};

use crate::error::AppError;

/// Everything a request needs, built once at start by the server binary.
#[derive(Clone)]
pub struct AppState {
    pub leptos_options: LeptosOptions,
    pub pool: DbPool,
    /// One Telegent client per Distributor credential (each has its own budget).
    pub upstreams: Arc<upstreams::Upstreams>,
    pub clock: clock::Clock,
    pub auth: auth::AuthSettings,
    /// Sign-in attempts sharing a throttling key run one at a time.
    pub sign_in_locks: Arc<auth::AttemptLocks>,
}

impl FromRef<AppState> for LeptosOptions {
    fn from_ref(state: &AppState) -> Self {
        state.leptos_options.clone()
    }
}

pub fn state() -> Result<AppState, AppError> {
    use_context::<AppState>().ok_or_else(|| {
        tracing::error!("AppState missing from the request context");
        AppError::Internal
    })
}

/// Sets the HTTP status of the response being produced (a page, or a server
/// function's answer).
pub fn set_status(status: http::StatusCode) {
    if let Some(response) = use_context::<leptos_axum::ResponseOptions>() {
        response.set_status(status);
    }
}

/// Gives a server function's error its HTTP status, so that "not found" is a
/// 404 whether the ID is missing or belongs to someone else.
///
/// Not for HTML requests: a plain form post must stay the redirect back to
/// its page (which shows the error), and a page rendering on the server
/// gets its status from the problem it shows.
pub fn with_status<T>(result: Result<T, AppError>) -> Result<T, AppError> {
    if let Err(error) = &result {
        let wants_html = use_context::<http::request::Parts>()
            .and_then(|parts| parts.headers.get(http::header::ACCEPT).cloned())
            .and_then(|accept| accept.to_str().ok().map(|a| a.contains("text/html")))
            .unwrap_or(false);
        if !wants_html {
            set_status(error.status());
        }
    }
    result
}

/// The Content-Security-Policy of a page: scripts only with this response's
/// nonce (Leptos puts it on its hydration scripts) or loaded by them, and
/// WebAssembly; no framing, no plugins, forms only to this site.
pub fn set_page_security_policy() {
    let Some(nonce) = leptos::nonce::use_nonce() else {
        return;
    };
    // `cargo leptos watch` reloads pages over a WebSocket on another port.
    let live_reload = if std::env::var_os("LEPTOS_WATCH").is_some() {
        " ws: wss:"
    } else {
        ""
    };
    let policy = format!(
        "default-src 'self'; script-src 'nonce-{nonce}' 'strict-dynamic' 'wasm-unsafe-eval'; style-src 'self'; \
         img-src 'self' data:; connect-src 'self'{live_reload}; frame-ancestors 'none'; base-uri 'none'; \
         form-action 'self'; object-src 'none'"
    );
    if let (Some(response), Ok(value)) = (
        use_context::<leptos_axum::ResponseOptions>(),
        http::HeaderValue::from_str(&policy),
    ) {
        response.insert_header(http::header::CONTENT_SECURITY_POLICY, value);
    }
}
