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
    // Staff only (Platform and Distributor roles): people of one Account have
    // their own pages.
    let ctx = scoped(Action::ViewDistributors).await?;
    let scope = Scope::of(&ctx.caller)?;
    if matches!(scope, Scope::Account { .. }) {
        return Err(AppError::Forbidden);
    }
    if q.chars().count() > 200 {
        return Err(AppError::invalid("q", "Search for at most 200 characters."));
    }
    crate::subscribers::service::fill(&ctx.state, &scope).await?;
    let results = crate::read_model::search::global(&ctx.state.pool, &scope, &q).await?;
    // The page itself (rendered on the server, also without JavaScript)
    // answers an exact match with a redirect to the record.
    let on_page = use_context::<http::request::Parts>().is_some_and(|p| !p.uri.path().starts_with("/api/"));
    if let (true, Some(href)) = (on_page, &results.jump_to) {
        crate::ssr::context::redirect(href);
    }
    Ok(results)
}
