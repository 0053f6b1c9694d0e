//! Server-only code: application state, the request context and the services
//! behind the server functions. Compiled only with the `ssr` feature.

pub mod accounts;
pub mod audit;
pub mod intents;
pub mod messaging;
pub mod numbers;
pub mod passwords;
pub mod subscriptions;

use std::sync::Arc;

use axum::extract::FromRef;
use leptos::prelude::*;
use sqlx::SqlitePool;
use telegent::TelegentClient;

use crate::error::AppError;

/// Everything a request needs, built once at start by the server binary.
#[derive(Clone)]
pub struct AppState {
    pub leptos_options: LeptosOptions,
    pub pool: SqlitePool,
    /// The Telegent client for the portal's Distributor credential.
    pub telegent: Arc<TelegentClient>,
    /// The Distributor that credential belongs to (`DID-…`).
    pub distributor_id: String,
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

/// Who is asking and what they may reach. Scope comes only from here, never
/// from a server function's arguments.
#[derive(Debug, Clone)]
pub struct RequestContext {
    pub display_name: String,
    pub email: String,
    pub role_label: String,
    pub distributor_id: String,
}

/// TEMPORARY (until the identity issue lands): every request acts as the demo
/// Distributor admin of the configured Distributor. Replace with the session's
/// user; nothing else should construct a `RequestContext`.
pub fn ctx() -> Result<(AppState, RequestContext), AppError> {
    let state = state()?;
    let ctx = RequestContext {
        display_name: "Demo Admin".into(),
        email: "admin@acme.example".into(),
        role_label: "Distributor admin".into(),
        distributor_id: state.distributor_id.clone(),
    };
    Ok((state, ctx))
}

/// Sets the HTTP status of the page being rendered (e.g. 404 for the not-found page).
pub fn set_status(status: http::StatusCode) {
    if let Some(response) = use_context::<leptos_axum::ResponseOptions>() {
        response.set_status(status);
    }
}
