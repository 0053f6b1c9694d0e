//! Server functions of the port-in cockpit. Every one names the Account
//! (checked against the session's scope first) and the port-in inside it:
//! a foreign port-in is a missing one. Reading needs `ViewNumbers`
//! (Account roles see their own Account's port-ins); every change needs
//! `ManagePorting` (Distributor admins).

use leptos::prelude::*;

use super::model::{
    BulkPortInForm, BulkPortInPage, CorrectionForm, DetailsForm, EligibilityForm, PortInAct, PortInView, PortInsPage,
    PortInsQuery,
};
use crate::error::AppError;

#[cfg(feature = "ssr")]
use crate::{
    policy::Action,
    ssr::context::{in_account, redirect},
};

#[cfg(feature = "ssr")]
fn to_port_in(account_id: &str, id: &str, notice: &str) {
    redirect(&crate::links::with_notice(
        &crate::links::port_in(account_id, id),
        "done",
        notice,
    ));
}

/// The orders page: the port-ins of the caller's scope.
#[server(endpoint = "porting/list")]
pub async fn list_port_ins(#[server(flatten)] query: PortInsQuery) -> Result<PortInsPage, AppError> {
    use crate::policy::Role;
    use crate::read_model::scope::Scope;
    let ctx = crate::ssr::context::scoped(Action::ViewNumbers).await?;
    let can_manage = ctx.caller.allows(Action::ManagePorting);
    let distributor_id = crate::form_values::plain_id(query.distributor_id.trim())?;
    crate::form_values::plain_id(query.account.trim())?;
    if ctx.caller.role == Role::PlatformAdmin && distributor_id.is_empty() {
        let state = ctx.state.clone();
        return super::service::list(&state, &Scope::Platform, "All distributors".into(), &query, can_manage).await;
    }
    let d = ctx.distributor(distributor_id).await?;
    let scope = Scope::within(&d.caller, &d.tenant.distributor_id)?;
    let name = crate::accounts::service::stored_distributor_name(&d.state, &d.tenant.distributor_id).await?;
    super::service::list(&d.state, &scope, name, &query, can_manage).await
}

/// A port-in's page.
#[server(endpoint = "porting/view")]
pub async fn fetch_port_in(account_id: String, id: String) -> Result<PortInView, AppError> {
    let ctx = in_account(Action::ViewNumbers, &account_id).await?;
    let can_manage = ctx.caller.allows(Action::ManagePorting);
    super::service::view(&ctx, &id, can_manage).await
}

/// Step one: eligibility (number and target classification); an eligible
/// number gets a draft and its page.
#[server(endpoint = "porting/eligibility")]
pub async fn check_port_in_eligibility(#[server(flatten)] form: EligibilityForm) -> Result<(), AppError> {
    let scoped = crate::ssr::context::scoped(Action::ManagePorting).await?;
    if form.account_id.trim().is_empty() {
        return Err(AppError::invalid("account_id", "Choose the account the number joins."));
    }
    let ctx = scoped.account(form.account_id.trim()).await?;
    let id = super::service::check_eligibility(&ctx, &form).await?;
    to_port_in(&ctx.account_id, &id, "eligible");
    Ok(())
}

/// A draft's details saved, or submitted (billed, once per draft).
#[server(endpoint = "porting/save")]
pub async fn save_port_in(#[server(flatten)] form: DetailsForm) -> Result<(), AppError> {
    let ctx = in_account(Action::ManagePorting, &form.account_id).await?;
    super::service::save_or_submit(&ctx, &form).await?;
    let notice = if form.act.trim() == "submit" {
        "submitted"
    } else {
        "saved"
    };
    to_port_in(&ctx.account_id, form.id.trim(), notice);
    Ok(())
}

/// A correction of an open port-in.
#[server(endpoint = "porting/correct")]
pub async fn correct_port_in(#[server(flatten)] form: CorrectionForm) -> Result<(), AppError> {
    let ctx = in_account(Action::ManagePorting, &form.account_id).await?;
    super::service::correct(&ctx, &form).await?;
    to_port_in(&ctx.account_id, form.id.trim(), "corrected");
    Ok(())
}

/// Cancels a port-in (final) or discards a draft.
#[server(endpoint = "porting/cancel")]
pub async fn cancel_port_in(#[server(flatten)] act: PortInAct) -> Result<(), AppError> {
    let ctx = in_account(Action::ManagePorting, &act.account_id).await?;
    super::service::cancel(&ctx, &act).await?;
    to_port_in(&ctx.account_id, act.id.trim(), "cancelled");
    Ok(())
}

/// An internal note on the timeline.
#[server(endpoint = "porting/note")]
pub async fn add_port_in_note(#[server(flatten)] act: PortInAct) -> Result<(), AppError> {
    let ctx = in_account(Action::ManagePorting, &act.account_id).await?;
    super::service::add_note(&ctx, &act).await?;
    to_port_in(&ctx.account_id, act.id.trim(), "noted");
    Ok(())
}

/// After a cancel: eligibility again and a new draft with the details.
#[server(endpoint = "porting/start-again")]
pub async fn start_port_in_again(#[server(flatten)] act: PortInAct) -> Result<(), AppError> {
    let ctx = in_account(Action::ManagePorting, &act.account_id).await?;
    let id = super::service::start_again(&ctx, &act).await?;
    to_port_in(&ctx.account_id, &id, "eligible");
    Ok(())
}

/// Reads the order's status from Telegent now.
#[server(endpoint = "porting/check")]
pub async fn check_port_in_now(#[server(flatten)] act: PortInAct) -> Result<(), AppError> {
    let ctx = in_account(Action::ManagePorting, &act.account_id).await?;
    super::service::check_now(&ctx, &act).await?;
    to_port_in(&ctx.account_id, act.id.trim(), "checked");
    Ok(())
}

/// The bulk port-in page: the Accounts, and the caller's last run's results.
#[server(endpoint = "porting/bulk-page")]
pub async fn fetch_bulk_port_in(distributor_id: String, batch: String) -> Result<BulkPortInPage, AppError> {
    use crate::read_model::scope::Scope;
    let d = crate::ssr::context::in_distributor(
        Action::ManagePorting,
        crate::form_values::plain_id(distributor_id.trim())?,
    )
    .await?;
    let scope = Scope::within(&d.caller, &d.tenant.distributor_id)?;
    let name = crate::accounts::service::stored_distributor_name(&d.state, &d.tenant.distributor_id).await?;
    let drafts = PortInsQuery {
        show: "drafts".into(),
        ..PortInsQuery::default()
    };
    let list = super::service::list(&d.state, &scope, name, &drafts, true).await?;
    let results = crate::inventory::selection::results(&d.state.pool, d.caller.user_id, &batch)
        .await
        .filter(|b| b.change == "port-in")
        .map(|b| b.lines)
        .unwrap_or_default();
    Ok(BulkPortInPage {
        distributor_id: list.distributor_id,
        distributor_name: list.distributor_name,
        accounts: list.accounts,
        results,
        most_rows: super::bulk::MOST_ROWS,
    })
}

/// Checks a bulk port-in's rows, or checks and sends them (one port-in
/// each, billed, once per number).
#[server(endpoint = "porting/bulk")]
pub async fn bulk_port_in(#[server(flatten)] form: BulkPortInForm) -> Result<(), AppError> {
    let scoped = crate::ssr::context::scoped(Action::ManagePorting).await?;
    if form.account_id.trim().is_empty() {
        return Err(AppError::invalid("account_id", "Choose the account the numbers join."));
    }
    let ctx = scoped.account(form.account_id.trim()).await?;
    if let Some(batch) = super::bulk::run(&ctx, &form).await? {
        redirect(&crate::links::with_query(
            "/porting/bulk",
            &[
                ("distributor", ctx.tenant.distributor_id.clone()),
                ("batch", batch.to_string()),
            ],
        ));
    }
    Ok(())
}
