//! Server functions of the Distributor's home.

use leptos::prelude::*;

use super::model::Workspace;
use crate::error::AppError;

#[cfg(feature = "ssr")]
use crate::{policy::Action, read_model::scope::Scope, ssr::context::in_distributor};

/// The Distributor's counts and what needs action (empty ID: the caller's own).
#[server(endpoint = "workspace")]
pub async fn fetch_workspace(distributor_id: String) -> Result<Workspace, AppError> {
    let ctx = in_distributor(Action::ViewAccounts, &distributor_id).await?;
    let scope = Scope::within(&ctx.caller, &ctx.tenant.distributor_id)?;
    super::service::workspace(&ctx.state, &ctx.tenant.distributor_id, &scope).await
}

/// "Refresh now": a full read of the Distributor from Telegent, in the
/// background, at most once a minute. Staff who may see Distributors ask
/// (viewers too: it changes nothing at Telegent); people of one Account
/// cannot spend their Distributor's budget on it. Answers whether a
/// refresh started.
#[server(endpoint = "workspace/refresh")]
pub async fn refresh_now(distributor_id: String, back: String) -> Result<bool, AppError> {
    let ctx = in_distributor(Action::ViewDistributors, &distributor_id).await?;
    if !matches!(
        Scope::within(&ctx.caller, &ctx.tenant.distributor_id)?,
        Scope::Distributor(_)
    ) {
        return Err(AppError::Forbidden);
    }
    let started = crate::read_model::sweep::request_refresh(&ctx.state, &ctx.tenant.distributor_id).await?;
    // Only a path of this site: never a redirect elsewhere.
    // (`/\` is `//` to a browser; control characters cannot be a header.)
    let local =
        back.starts_with('/') && !back.starts_with("//") && !back.contains('\\') && !back.chars().any(char::is_control);
    let back = if local { back } else { "/".into() };
    let notice = if started { "started" } else { "recent" };
    crate::ssr::context::redirect(&crate::links::with_notice(&back, "refresh", notice));
    Ok(started)
}
