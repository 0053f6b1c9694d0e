//! Server functions of the outbox: reading the mail the portal sent.

use leptos::prelude::*;

use super::model::{OutboxList, OutboxQuery};
use crate::error::AppError;

#[cfg(feature = "ssr")]
use crate::{policy::Action, ssr::context::scoped};

/// The mail in the caller's scope, newest first (the scope comes from the
/// session: the query only narrows it).
#[server(endpoint = "outbox/list")]
pub async fn list_outbox(#[server(flatten)] query: OutboxQuery) -> Result<OutboxList, AppError> {
    let ctx = scoped(Action::ViewOutbox).await?;
    super::service::list(&ctx.state, &ctx.caller, &query.to, query.page).await
}
