//! Server functions of the audit log.

use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use super::model::{AuditFilter, AuditPage};
use crate::error::AppError;

#[cfg(feature = "ssr")]
use crate::{audit::model::AUDIT_PER_PAGE, policy::Action, ssr::context::scoped};

/// The audit page's filters and page, as they live in the URL.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct AuditQuery {
    #[serde(flatten)]
    pub filter: AuditFilter,
    /// 1-based.
    #[serde(default, deserialize_with = "crate::form_values::number")]
    pub page: u32,
}

/// The audit log in the caller's scope; empty filters match everything.
#[server(endpoint = "audit/list")]
pub async fn list_audit(#[server(flatten)] query: AuditQuery) -> Result<AuditPage, AppError> {
    let ctx = scoped(Action::ViewAudit).await?;
    Ok(super::service::search(
        &ctx.state.pool,
        &ctx.caller,
        &query.filter,
        query.page,
        Some(AUDIT_PER_PAGE),
    )
    .await?)
}
