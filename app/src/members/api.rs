//! Server functions of an Account's members.

use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use super::model::{MemberDetail, TransferStep};
use crate::error::AppError;

#[cfg(feature = "ssr")]
use crate::{
    links,
    policy::Action,
    ssr::context::{in_account, redirect},
};

/// A member's name and e-mail, as the edit form posts them.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct MemberForm {
    pub account_id: String,
    pub subscriber_id: String,
    pub name: String,
    pub email: String,
}

/// One member: their lines, subscriptions and restrictions.
#[server(endpoint = "members/detail")]
pub async fn fetch_member(account_id: String, subscriber_id: String) -> Result<MemberDetail, AppError> {
    let ctx = in_account(Action::ViewSubscribers, &account_id).await?;
    super::service::detail(&ctx, &subscriber_id).await
}

/// Adds a member (a Telegent subscriber with the role Subscriber) to the
/// Account, with the free lines typed in `phone_numbers`, then opens their page.
#[server(endpoint = "members/add")]
pub async fn add_member(
    account_id: String,
    name: String,
    email: String,
    phone_numbers: Option<String>,
) -> Result<(), AppError> {
    let ctx = in_account(Action::ManageSubscribers, &account_id).await?;
    let (subscriber_id, all_given) =
        super::service::add(&ctx, &name, &email, phone_numbers.as_deref().unwrap_or_default()).await?;
    redirect(&links::with_notice(
        &links::member(&ctx.account_id, &subscriber_id),
        "saved",
        if all_given { "added" } else { "added-lines-left" },
    ));
    Ok(())
}

/// Gives a member lines of their Account that have no person yet.
#[server(endpoint = "members/give-lines")]
pub async fn give_lines(account_id: String, subscriber_id: String, phone_numbers: String) -> Result<(), AppError> {
    let ctx = in_account(Action::ManageSubscribers, &account_id).await?;
    let all_given = super::service::give_lines(&ctx, &subscriber_id, &phone_numbers).await?;
    redirect(&links::with_notice(
        &links::member(&ctx.account_id, &subscriber_id),
        "saved",
        if all_given { "lines-given" } else { "lines-left" },
    ));
    Ok(())
}

/// Changes a member's name and e-mail.
#[server(endpoint = "members/edit")]
pub async fn edit_member(#[server(flatten)] form: MemberForm) -> Result<(), AppError> {
    let ctx = in_account(Action::ManageSubscribers, &form.account_id).await?;
    super::service::edit(&ctx, &form.subscriber_id, &form.name, &form.email).await?;
    redirect(&links::with_notice(
        &links::member(&ctx.account_id, &form.subscriber_id),
        "saved",
        "edited",
    ));
    Ok(())
}

/// Removes a member from the Account (see `members::removal`): their lines
/// go to `heir`, their Guardian settings are deleted, the portal hides them.
/// `confirm` is the confirmation box ("on" when ticked).
#[server(endpoint = "members/remove")]
pub async fn remove_member(
    account_id: String,
    subscriber_id: String,
    heir: Option<String>,
    confirm: Option<String>,
) -> Result<(), AppError> {
    let ctx = in_account(Action::ManageSubscribers, &account_id).await?;
    super::removal::remove(
        &ctx,
        &subscriber_id,
        heir.as_deref().unwrap_or_default(),
        confirm.is_some(),
    )
    .await?;
    // A flag, not the name: a crafted link cannot put words on the page.
    redirect(&links::with_notice(&links::account(&ctx.account_id), "removed", "1"));
    Ok(())
}

/// The transfer section of a member's page for what was typed in "Find
/// the account": matching Accounts, or what moving to the chosen one does.
#[server(endpoint = "members/transfer-step")]
pub async fn fetch_transfer_step(
    account_id: String,
    subscriber_id: String,
    move_to: String,
) -> Result<TransferStep, AppError> {
    let ctx = in_account(Action::TransferSubscribers, &account_id).await?;
    super::transfer::step(&ctx, &subscriber_id, &move_to).await
}

/// Moves a member to another Account of the Distributor (see
/// `members::transfer`), then opens their page there.
#[server(endpoint = "members/transfer")]
pub async fn transfer_member(
    account_id: String,
    subscriber_id: String,
    to_account_id: String,
    confirm_move: Option<String>,
    second_manager: Option<String>,
) -> Result<(), AppError> {
    let ctx = in_account(Action::TransferSubscribers, &account_id).await?;
    let (to, links_ended) = super::transfer::transfer(
        &ctx,
        &subscriber_id,
        &to_account_id,
        confirm_move.is_some(),
        second_manager.is_some(),
    )
    .await?;
    redirect(&links::with_notice(
        &links::member(&to, &subscriber_id),
        "saved",
        if links_ended { "moved" } else { "moved-links-left" },
    ));
    Ok(())
}

/// Changes a member's role in the Account (see `members::role`);
/// `second_manager` is the box ticked after the one-Manager warning.
#[server(endpoint = "members/role")]
pub async fn change_member_role(
    account_id: String,
    subscriber_id: String,
    role: String,
    second_manager: Option<String>,
) -> Result<(), AppError> {
    let ctx = in_account(Action::ManageSubscribers, &account_id).await?;
    super::role::change_role(&ctx, &subscriber_id, &role, second_manager.is_some()).await?;
    redirect(&links::with_notice(
        &links::member(&ctx.account_id, &subscriber_id),
        "saved",
        "role",
    ));
    Ok(())
}
