//! Moving a member to another Account of the same Distributor (staff only).
//!
//! Telegent's `subscribers/transfer` moves the person with their lines; the
//! plans billed on those lines go with the lines, and their own Guardian
//! filters with the person. What does not fit the new Account is ended by
//! the portal: Guardian links with members of the Account they leave (a
//! guardian in another family must not watch this child). Their portal
//! sign-in follows them (its sessions end: they sign in again).
//!
//! The order: Telegent's transfer first (the one step that must happen),
//! then the links; a link that could not be ended is named in the audit row
//! and on the page, and moving is not repeated.

use std::collections::HashMap;

use telegent::ops::subscribers::{GuardianRelationDeleteRequest, SubscriberTransferRequest};
use telegent::phone::format_for_display;
use telegent::types::Subscriber;

use super::model::{TransferPreview, TransferStep};
use crate::error::AppError;
use crate::policy::Action;
use crate::read_model::scope::Scope;
use crate::read_model::store::{matching_ids, Sql};
use crate::ssr::audit::{self, Outcome};
use crate::ssr::caller::account_in_scope;
use crate::ssr::context::InAccount;
use crate::ssr::db::now_text;
use crate::ssr::Caller;

/// Only Distributor staff who change things (and the Platform admin) move
/// people between Accounts: an Account's own roles see no other Account.
pub fn may_transfer(caller: &Caller) -> bool {
    caller.allows(Action::TransferSubscribers) && caller.view_as.is_none()
}

/// The destination: another Account of the same Distributor. A foreign or
/// unknown ID reads exactly like a missing one.
async fn destination(ctx: &InAccount, to_account_id: &str) -> Result<String, AppError> {
    let to = to_account_id.trim();
    if to.is_empty() {
        return Err(AppError::invalid("to_account_id", "Choose the account they move to."));
    }
    if to == ctx.account_id {
        return Err(AppError::invalid(
            "to_account_id",
            "They are in this account already: choose another one.",
        ));
    }
    let tenant = account_in_scope(&ctx.state, &ctx.caller, to).await?;
    if tenant.distributor_id != ctx.tenant.distributor_id {
        return Err(AppError::NotFound);
    }
    Ok(to.to_string())
}

/// The Accounts of the Distributor matching `text` (at most 10), without
/// the member's own. From the read model: no upstream call.
async fn candidates(ctx: &InAccount, text: &str) -> Result<Vec<(String, String, u32)>, AppError> {
    use sqlx::Row;
    crate::read_model::sweep::ensure_filled(&ctx.state, &ctx.tenant.distributor_id).await?;
    let scope = Scope::Distributor(ctx.tenant.distributor_id.clone());
    let Some(needle) = crate::read_model::search::needle(text) else {
        return Ok(Vec::new());
    };
    let ids = matching_ids(&scope, "account", &needle);
    let rows = Sql::new("SELECT account_id, name, subscribers FROM rm_accounts WHERE 1 = 1")
        .scoped(&scope, "")
        .and(&format!("account_id IN ({})", ids.text), ids.values)
        .and("account_id <> ?", [ctx.account_id.clone()])
        .push(" ORDER BY name_key, account_id LIMIT 10")
        .fetch_all(&ctx.state.pool)
        .await?;
    Ok(rows
        .iter()
        .map(|r| {
            (
                r.get::<String, _>(0),
                r.get::<String, _>(1),
                r.get::<i64, _>(2).clamp(0, i64::from(u32::MAX)) as u32,
            )
        })
        .collect())
}

/// The member's Guardian links: (parent, child, the other person's ID).
async fn links_of(ctx: &InAccount, subscriber_id: &str) -> Result<Vec<(String, String, String)>, AppError> {
    let client = &ctx.tenant.client;
    let account = Some(ctx.account_id.as_str());
    let (children, parents) = tokio::join!(
        client.guardian_children(subscriber_id, account),
        client.guardian_parents(subscriber_id, account),
    );
    let mut links: Vec<(String, String, String)> = children?
        .children
        .into_iter()
        .filter_map(|r| r.child_subscriber_id)
        .map(|child| (subscriber_id.to_string(), child.clone(), child))
        .collect();
    links.extend(
        parents?
            .guardians
            .into_iter()
            .filter_map(|r| r.parent_subscriber_id)
            .map(|parent| (parent.clone(), subscriber_id.to_string(), parent)),
    );
    Ok(links)
}

/// The destination's Managers (names).
async fn managers_of(ctx: &InAccount, to_account_id: &str) -> Result<Vec<String>, AppError> {
    crate::accounts::service::managers_in(&ctx.state, &ctx.tenant, to_account_id, "").await
}

async fn account_name(ctx: &InAccount, account_id: &str) -> Result<String, AppError> {
    Ok(ctx.tenant.client.account(account_id).await?.account_name)
}

/// The transfer section for what was typed: candidates, or the preview of
/// the one Account it names (its AID, or the only match).
pub async fn step(ctx: &InAccount, subscriber_id: &str, move_to: &str) -> Result<TransferStep, AppError> {
    if !may_transfer(&ctx.caller) {
        return Err(AppError::Forbidden);
    }
    let member = super::service::member_in_account(&ctx.tenant, &ctx.account_id, subscriber_id).await?;
    let typed = move_to.trim();
    let chosen = if typed.to_ascii_uppercase().starts_with("AID-") {
        Some(typed.to_string())
    } else {
        match candidates(ctx, typed).await?.as_slice() {
            [(id, _, _)] => Some(id.clone()),
            many => return Ok(TransferStep::Choose(many.to_vec())),
        }
    };
    let to = destination(ctx, chosen.as_deref().unwrap_or_default()).await?;
    Ok(TransferStep::Preview(preview(ctx, &member, &to).await?))
}

/// Names of the Account's members by ID (for the links that end).
async fn names_here(ctx: &InAccount) -> Result<HashMap<String, String>, AppError> {
    Ok(
        crate::accounts::service::account_subscribers(&ctx.tenant.client, &ctx.account_id)
            .await?
            .into_iter()
            .map(|s| (s.subscriber_id, s.name))
            .collect(),
    )
}

async fn preview(ctx: &InAccount, member: &Subscriber, to: &str) -> Result<TransferPreview, AppError> {
    let client = &ctx.tenant.client;
    let (subscriptions, packages) = tokio::join!(
        client.account_subscriptions(Some("All"), Some(&ctx.account_id)),
        client.distributor_packages(Some("All")),
    );
    let package_names = super::service::package_names(packages);
    let subscriptions = subscriptions?
        .results
        .into_iter()
        .filter(|s| s.subscriber_id.as_deref() == Some(member.subscriber_id.as_str()))
        .map(|s| {
            let id = s.package_id.unwrap_or_default();
            package_names.get(&id).cloned().unwrap_or(id)
        })
        .collect();
    let names = names_here(ctx).await?;
    let links_ending = links_of(ctx, &member.subscriber_id)
        .await?
        .into_iter()
        .map(|(parent, _, other)| {
            let who = names.get(&other).cloned().unwrap_or_else(|| "a former member".into());
            if parent == member.subscriber_id {
                format!("guardian of {who}")
            } else {
                format!("watched over by {who}")
            }
        })
        .collect();
    let other_managers = if member.role == "Manager" {
        managers_of(ctx, to).await?
    } else {
        Vec::new()
    };
    Ok(TransferPreview {
        to_account_id: to.to_string(),
        to_account_name: account_name(ctx, to).await?,
        lines: member.phone_numbers.iter().map(|n| format_for_display(n)).collect(),
        subscriptions,
        links_ending,
        signs_in: super::removal::signs_in(&ctx.state.pool, &ctx.account_id, &member.subscriber_id).await?,
        keeps_role: (member.role != "Subscriber").then(|| member.role.clone()),
        other_managers,
    })
}

/// Moves the member (see the module). `confirmed`: the confirmation box;
/// `second_manager`: the box that accepts a second Manager, when asked.
/// Returns the destination's AID.
pub async fn transfer(
    ctx: &InAccount,
    subscriber_id: &str,
    to_account_id: &str,
    confirmed: bool,
    second_manager: bool,
) -> Result<(String, bool), AppError> {
    let InAccount {
        state,
        caller,
        tenant,
        account_id,
    } = ctx;
    if !may_transfer(caller) {
        return Err(AppError::Forbidden);
    }
    let member = super::service::member_in_account(tenant, account_id, subscriber_id).await?;
    ctx.may_act_on(&member, "TransferSubscriber").await?;
    let to = destination(ctx, to_account_id).await?;
    let mut problems = Vec::new();
    if !confirmed {
        problems.push(AppError::invalid("confirm_move", "Tick the box to confirm the move."));
    }
    let other_managers = if member.role == "Manager" {
        managers_of(ctx, &to).await?
    } else {
        Vec::new()
    };
    if !other_managers.is_empty() && !second_manager {
        problems.push(AppError::invalid(
            "second_manager",
            format!(
                "The account already has a Manager ({}). Tick the box if it should have two.",
                other_managers.join(", ")
            ),
        ));
    }
    if let Some(refused) = AppError::from_field_errors(problems) {
        return Err(refused);
    }
    let links = links_of(ctx, subscriber_id).await?;
    let entry = caller.audit_in(tenant, account_id, "TransferSubscriber", &[subscriber_id, &to]);
    let audit_id = audit::begin(&state.pool, &entry).await?;
    let request = SubscriberTransferRequest {
        subscriber_id: subscriber_id.to_string(),
        from_account_id: account_id.clone(),
        to_account_id: to.clone(),
    };
    let moved = match tenant.client.transfer_subscriber(&request).await {
        Ok(moved) => moved,
        Err(error) => {
            audit::finish(&state.pool, audit_id, Outcome::Failed, &error.to_string()).await?;
            return Err(error.into());
        }
    };
    let mut done = vec![format!(
        "{} moved to {to} with {} line(s)",
        member.name,
        member.phone_numbers.len()
    )];
    let mut links_left = 0;
    for (parent, child, _) in links {
        let request = GuardianRelationDeleteRequest {
            parent_subscriber_id: parent,
            child_subscriber_id: child,
        };
        match tenant.client.delete_guardian_relation(&request).await {
            Ok(_) => done.push("a guardian link ended".into()),
            Err(error) => {
                links_left += 1;
                done.push(format!("a guardian link could not be ended ({error})"));
            }
        }
    }
    // From here Telegent has moved them: nothing returns early. The portal
    // sign-in follows the person (its sessions end with the move).
    let followed = sqlx::query(
        "UPDATE users SET account_id = $1, session_epoch = session_epoch + 1, updated_at = $2 \
         WHERE account_id = $3 AND subscriber_id = $4",
    )
    .bind(&to)
    .bind(now_text())
    .bind(account_id)
    .bind(subscriber_id)
    .execute(&state.pool)
    .await;
    match followed {
        Ok(done_rows) if done_rows.rows_affected() > 0 => done.push("portal sign-in moved".into()),
        Ok(_) => {}
        Err(error) => {
            tracing::error!(%error, "subscriber moved at Telegent, their portal sign-in not moved");
            done.push("their portal sign-in could NOT be moved: an admin must fix it on Users".into());
        }
    }
    if !other_managers.is_empty() {
        done.push(format!(
            "the account now has another Manager ({})",
            other_managers.join(", ")
        ));
    }
    if let Err(error) = audit::finish(&state.pool, audit_id, Outcome::Succeeded, &done.join("; ")).await {
        tracing::error!(%error, audit_id, "transfer done, its audit row not completed");
    }
    crate::read_model::write_through::subscriber_moved(&state.pool, &tenant.distributor_id, &moved, account_id, &to)
        .await;
    Ok((to, links_left == 0))
}
