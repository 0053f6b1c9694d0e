//! Server functions of bulk reservations.

use leptos::prelude::*;

use super::bulk_model::{BulkQuery, BulkView};
use crate::error::AppError;

#[cfg(feature = "ssr")]
use crate::{
    policy::Action,
    ssr::context::{in_account, redirect},
};

/// The start form (the Account's routes once it is chosen), or a run
/// (`run`) with its items.
#[server(endpoint = "numbers/bulk")]
pub async fn fetch_bulk(#[server(flatten)] query: BulkQuery) -> Result<BulkView, AppError> {
    super::bulk_service::view(&query).await
}

/// Starts a run (or resumes `resume`), then its page follows it.
#[server(endpoint = "numbers/bulk-start")]
pub async fn start_bulk(#[server(flatten)] form: BulkQuery) -> Result<(), AppError> {
    let ctx = in_account(Action::ProvisionNumbers, form.account.trim()).await?;
    let run_id = super::bulk_service::start(&ctx, &form).await?;
    redirect(&crate::links::bulk_run(&form.distributor, &run_id));
    Ok(())
}
