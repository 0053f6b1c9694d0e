//! Server functions of the staff subscribers list.

use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use super::model::SubscribersPage;
use crate::error::AppError;

#[cfg(feature = "ssr")]
use crate::{policy::Action, read_model::scope::Scope, ssr::context::scoped};

/// The list's state, as it lives in the URL.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct SubscribersQuery {
    #[serde(default)]
    pub search: String,
    /// Telegent's role name, or empty for all.
    #[serde(default)]
    pub role: String,
    #[serde(default)]
    pub sort: String,
    #[serde(default, deserialize_with = "crate::form_values::number")]
    pub page: u32,
}

/// One page of the subscribers the caller reaches, from the read model: a
/// Distributor's staff every Account of it, a Platform admin every
/// Distributor, people of one Account that Account.
#[server(endpoint = "subscribers/list")]
pub async fn list_subscribers(#[server(flatten)] query: SubscribersQuery) -> Result<SubscribersPage, AppError> {
    let ctx = scoped(Action::ViewSubscribers).await?;
    let scope = Scope::of(&ctx.caller)?;
    super::service::list(&ctx.state, &scope, &query).await
}
