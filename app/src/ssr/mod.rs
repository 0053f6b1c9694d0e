//! Server-only code shared by every area: application state, the caller
//! (from the session) and the scoped context of a server function, the
//! database, the audit writer, billable intents, the clock. Each area's own
//! server-side logic lives in its folder (`<area>/service.rs`). Compiled
//! only with the `ssr` feature.

pub mod audit;
pub mod caller;
pub mod clock;
pub mod context;
pub mod credentials;
pub mod db;
pub mod demo;
pub mod intents;
pub mod passwords;
pub mod upstreams;

use std::sync::Arc;

use crate::ssr::db::DbPool;
use axum::extract::FromRef;
use leptos::prelude::*;

pub use caller::{Caller, Tenant};

use crate::error::AppError;

/// Everything a request needs, built once at start by the server binary.
#[derive(Clone)]
pub struct AppState {
    pub leptos_options: LeptosOptions,
    pub pool: DbPool,
    /// One Telegent client per Distributor credential (each has its own budget).
    pub upstreams: Arc<upstreams::Upstreams>,
    pub clock: clock::Clock,
    pub auth: caller::AuthSettings,
    /// Sign-in attempts sharing a throttling key run one at a time.
    pub sign_in_locks: Arc<crate::session::service::AttemptLocks>,
    /// Outgoing mail: SMTP when configured, else kept in the outbox.
    pub mailer: Arc<crate::outbox::service::Mailer>,
    /// One read-model sweep per Distributor at a time.
    pub sweeper: Arc<crate::read_model::sweep::Sweeper>,
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
