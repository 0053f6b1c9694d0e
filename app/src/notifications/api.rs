//! Server functions of the notification centre: the caller's own notices
//! only (by the session's user, never an argument).

use leptos::prelude::*;

use super::model::NoticesPage;
use crate::error::AppError;

#[cfg(feature = "ssr")]
use crate::ssr::context::{redirect, signed_in};

#[server(endpoint = "notifications/list")]
pub async fn list_notices() -> Result<NoticesPage, AppError> {
    let (state, caller) = signed_in()?;
    super::service::list(&state, caller.user_id).await
}

/// Marks a notice read (`id`), or all of them (`all`).
#[server(endpoint = "notifications/read")]
pub async fn mark_notices_read(id: Option<String>) -> Result<(), AppError> {
    let (state, caller) = signed_in()?;
    let id = match id.as_deref().map(str::trim) {
        None | Some("") | Some("all") => None,
        Some(text) => Some(text.parse::<i64>().map_err(|_| AppError::NotFound)?),
    };
    super::service::mark_read(&state.pool, caller.user_id, id).await?;
    redirect(&crate::links::notifications());
    Ok(())
}
