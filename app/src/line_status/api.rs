//! Server functions of a line's status. The Account against the caller's
//! scope first (`in_account`), then the line among that Account's own.

use leptos::prelude::*;

use super::model::{
    LineHistory, LineStatusView, LineUpdateChoices, LineUpdateForm, PortOutForm, RenumberForm, StatusForm, SwapSimForm,
};
use crate::error::AppError;

#[cfg(feature = "ssr")]
use crate::{
    policy::Action,
    ssr::context::{in_account, redirect},
};

#[server(endpoint = "numbers/status-view")]
pub async fn fetch_line_status(account_id: String, msisdn: String) -> Result<LineStatusView, AppError> {
    let ctx = in_account(Action::ViewNumbers, &account_id).await?;
    super::service::view(&ctx, &msisdn).await
}

/// The line's device, subscription, orders and audit trail.
#[server(endpoint = "numbers/history")]
pub async fn fetch_line_history(account_id: String, msisdn: String) -> Result<LineHistory, AppError> {
    let ctx = in_account(Action::ViewNumbers, &account_id).await?;
    super::history_service::history(&ctx, &msisdn).await
}

#[cfg(feature = "ssr")]
fn back_to_line(account_id: &str, msisdn: &str, notice: &str) {
    redirect(&crate::links::with_notice(
        &crate::links::line(account_id, msisdn),
        "status",
        notice,
    ));
}

/// Suspends, restores, deactivates or reactivates the line.
#[server(endpoint = "numbers/status")]
pub async fn change_line_status(#[server(flatten)] form: StatusForm) -> Result<(), AppError> {
    let ctx = in_account(Action::ChangeNumberStatus, &form.account_id).await?;
    super::service::change(&ctx, &form).await?;
    back_to_line(&ctx.account_id, &form.msisdn, form.change.trim());
    Ok(())
}

/// Issues a port-out PIN (billable: once per form).
#[server(endpoint = "numbers/port-out")]
pub async fn issue_port_out(#[server(flatten)] form: PortOutForm) -> Result<(), AppError> {
    let ctx = in_account(Action::ManagePorting, &form.account_id).await?;
    super::service::port_out(&ctx, &form).await?;
    back_to_line(&ctx.account_id, &form.msisdn, "port-out");
    Ok(())
}

/// Moves the line to a new SIM (takeover protection tells the Account).
#[server(endpoint = "numbers/swap-sim")]
pub async fn swap_sim(#[server(flatten)] form: SwapSimForm) -> Result<(), AppError> {
    let ctx = in_account(Action::ChangeNumberStatus, &form.account_id).await?;
    super::sim_swap::swap_sim(&ctx, &form).await?;
    back_to_line(&ctx.account_id, &form.msisdn, "sim-swap");
    Ok(())
}

/// A new number for the line, same area or another (takeover protection
/// tells the Account); the page of the line under its new number.
#[server(endpoint = "numbers/renumber")]
pub async fn renumber_line(#[server(flatten)] form: RenumberForm) -> Result<(), AppError> {
    let ctx = in_account(Action::ChangeNumberStatus, &form.account_id).await?;
    let fresh = super::renumber::renumber(&ctx, &form).await?;
    back_to_line(&ctx.account_id, &fresh, "renumbered");
    Ok(())
}

/// What a line's update may choose from (the Account's routes).
#[server(endpoint = "numbers/update-choices")]
pub async fn fetch_line_update_choices(account_id: String) -> Result<LineUpdateChoices, AppError> {
    let mut scoped = crate::ssr::context::scoped(Action::ChangeNumberStatus).await?;
    // A read for the form: the routes through the client's short cache.
    scoped.changes = false;
    let ctx = scoped.account(&account_id).await?;
    super::line_update::choices(&ctx).await
}

/// Updates a line's product type, routes, or binds its SIM.
#[server(endpoint = "numbers/update-line")]
pub async fn update_line(#[server(flatten)] form: LineUpdateForm) -> Result<(), AppError> {
    let ctx = in_account(Action::ChangeNumberStatus, &form.account_id).await?;
    super::line_update::update(&ctx, &form).await?;
    back_to_line(&ctx.account_id, &form.msisdn, "updated");
    Ok(())
}
