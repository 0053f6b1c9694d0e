//! The global search's server function.

use leptos::prelude::*;

use super::model::SearchResults;
use crate::error::AppError;

#[cfg(feature = "ssr")]
use crate::{policy::Action, read_model::scope::Scope, ssr::context::scoped};

/// Searches everything the caller reaches (a Platform admin: every
/// Distributor; staff: their Distributor). Fills an empty copy first.
#[server(endpoint = "search")]
pub async fn global_search(q: String) -> Result<SearchResults, AppError> {
    let ctx = scoped(Action::ViewAccounts).await?;
    let scope = Scope::of(&ctx.caller)?;
    // Search is a staff tool: people of one Account have their own pages.
    if matches!(scope, Scope::Account { .. }) {
        return Err(AppError::Forbidden);
    }
    if q.chars().count() > 200 {
        return Err(AppError::invalid("q", "Search for at most 200 characters."));
    }
    match scope.distributor_id() {
        Some(d) => crate::read_model::sweep::ensure_filled(&ctx.state, d).await?,
        None => {
            for d in ctx.state.upstreams.distributor_ids() {
                crate::read_model::sweep::ensure_filled(&ctx.state, &d).await?;
            }
        }
    }
    let results = crate::read_model::search::global(&ctx.state.pool, &scope, &q).await?;
    // The page itself (rendered on the server, also without JavaScript)
    // answers an exact match with a redirect to the record.
    let on_page = use_context::<http::request::Parts>().is_some_and(|p| !p.uri.path().starts_with("/api/"));
    if let (true, Some(href)) = (on_page, &results.jump_to) {
        crate::ssr::context::redirect(href);
    }
    Ok(results)
}
