//! Server functions of the staff subscribers list.

use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use super::model::SubscribersPage;
use crate::error::AppError;

#[cfg(feature = "ssr")]
use crate::{policy::Action, read_model::scope::Scope, ssr::context::in_distributor};

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

/// One page of the caller's Distributor's subscribers (every Account), from
/// the read model.
#[server(endpoint = "subscribers/list")]
pub async fn list_subscribers(#[server(flatten)] query: SubscribersQuery) -> Result<SubscribersPage, AppError> {
    let ctx = in_distributor(Action::ViewSubscribers, "").await?;
    let scope = Scope::within(&ctx.caller, &ctx.tenant.distributor_id)?;
    super::service::list(&ctx.state, &ctx.tenant.distributor_id, &scope, &query).await
}
