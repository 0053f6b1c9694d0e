//! Removing a member from an Account.
//!
//! Telegent has no call that deletes a subscriber, so removal is what the
//! portal can do with the calls it has, in an order that is safe to repeat:
//! 1. their lines move to another member of the Account (`numbers/update`),
//!    so no line is left without a person; the subscriptions billed on those
//!    lines stay with the lines (a subscription belongs to a number);
//! 2. their AI Guardian settings are deleted: links to guardians or
//!    children, call and message filters;
//! 3. the portal hides them from the Account (`removed_members`) and turns
//!    off their portal sign-in, if they had one.
//!
//! A failure halfway stops there and says what was done; removing again
//! finishes the rest (moved lines and deleted settings are not found twice).

use std::collections::HashSet;

use telegent::ops::numbers::NumberUpdateRequest;
use telegent::ops::subscribers::{CallFilterDeleteRequest, GuardianRelationDeleteRequest, MessageFilterDeleteRequest};
use telegent::phone::format_for_display;
use telegent::types::Subscriber;

use super::model::RemovalPlan;
use crate::error::AppError;
use crate::ssr::audit::{self, Outcome};
use crate::ssr::context::InAccount;
use crate::ssr::db::{now_text, DbPool};
use crate::ssr::Caller;

/// The members of `account_id` the portal removed, hidden from its pages.
/// Read through the request's state: outside a request (start-up, seeding)
/// nothing is hidden.
pub async fn removed_in(account_id: &str) -> Result<HashSet<String>, AppError> {
    let Some(state) = leptos::prelude::use_context::<crate::ssr::AppState>() else {
        return Ok(HashSet::new());
    };
    removed_in_pool(&state.pool, account_id).await
}

pub async fn removed_in_pool(pool: &DbPool, account_id: &str) -> Result<HashSet<String>, AppError> {
    let rows: Vec<(String,)> = sqlx::query_as("SELECT subscriber_id FROM removed_members WHERE account_id = $1")
        .bind(account_id)
        .fetch_all(pool)
        .await?;
    Ok(rows.into_iter().map(|(id,)| id).collect())
}

/// What removing `member` would do, for the confirmation; `None` when the
/// caller may not remove them (themselves, or someone of their rank or above).
pub fn plan(caller: &Caller, member: &Subscriber, members: &[Subscriber], signs_in: bool) -> Option<RemovalPlan> {
    if !super::service::may_edit(caller, member) || caller.subscriber_id.as_deref() == Some(&member.subscriber_id) {
        return None;
    }
    let mut heirs: Vec<&Subscriber> = members
        .iter()
        .filter(|m| m.subscriber_id != member.subscriber_id)
        .collect();
    // The Manager first: the usual one to take over a child's line.
    heirs.sort_by_key(|m| (m.role != "Manager", m.name.to_lowercase()));
    Some(RemovalPlan {
        heirs: heirs
            .into_iter()
            .map(|m| (m.subscriber_id.clone(), m.name.clone()))
            .collect(),
        signs_in,
    })
}

/// Whether a portal user signs in as this member.
pub async fn signs_in(pool: &DbPool, account_id: &str, subscriber_id: &str) -> Result<bool, AppError> {
    let row: Option<(i64,)> =
        sqlx::query_as("SELECT id FROM users WHERE account_id = $1 AND subscriber_id = $2 AND status != 'disabled'")
            .bind(account_id)
            .bind(subscriber_id)
            .fetch_optional(pool)
            .await?;
    Ok(row.is_some())
}

/// Removes a member (see the module). `heir` takes over their lines.
pub async fn remove(ctx: &InAccount, subscriber_id: &str, heir: &str, confirmed: bool) -> Result<String, AppError> {
    let InAccount {
        state,
        caller,
        tenant,
        account_id,
    } = ctx;
    let members = crate::accounts::service::account_subscribers(&tenant.client, account_id).await?;
    let member = members
        .iter()
        .find(|m| m.subscriber_id == subscriber_id)
        .ok_or(AppError::NotFound)?;
    let entry = caller.audit_in(tenant, account_id, "RemoveMember", &[subscriber_id]);
    if caller.subscriber_id.as_deref() == Some(subscriber_id) {
        // Not a matter of rank: nobody removes themselves (the Distributor can).
        audit::record(&state.pool, &entry, Outcome::Denied, "may not remove themselves").await?;
        return Err(AppError::invalid(
            "subscriber_id",
            "You cannot remove yourself from the account. Your Distributor can.",
        ));
    }
    let Some(plan) = plan(caller, member, &members, false) else {
        audit::record(
            &state.pool,
            &entry,
            Outcome::Denied,
            &format!("may not remove a member with the role {}", member.role),
        )
        .await?;
        return Err(AppError::Forbidden);
    };
    let mut problems = Vec::new();
    let admins = members.iter().filter(|m| m.role == "Account Admin").count();
    if member.role == "Account Admin" && admins <= 1 {
        // The Account would have nobody to answer for it at Telegent.
        problems.push(AppError::invalid(
            "confirm",
            format!(
                "{} is the account's only Account Admin: make someone else one first.",
                member.name
            ),
        ));
    }
    if !confirmed {
        problems.push(AppError::invalid("confirm", "Tick the box to confirm the removal."));
    }
    let lines = member.phone_numbers.clone();
    let heir = heir.trim();
    let heir_name = plan
        .heirs
        .iter()
        .find(|(id, _)| id == heir)
        .map(|(_, name)| name.clone());
    if !lines.is_empty() && heir_name.is_none() {
        problems.push(AppError::invalid("heir", "Choose who takes over their lines."));
    }
    if let Some(refusal) = AppError::from_field_errors(problems) {
        return Err(refusal);
    }
    let audit_id = audit::begin(&state.pool, &entry).await?;
    let mut done: Vec<String> = Vec::new();
    let steps = async {
        for line in &lines {
            let request = NumberUpdateRequest {
                number: line.clone(),
                assigned_subscriber_id: Some(heir.to_string()),
                ..NumberUpdateRequest::default()
            };
            tenant.client.update_number(&request).await?;
            done.push(format!(
                "line {} moved to {}",
                format_for_display(line),
                heir_name.as_deref().unwrap_or(heir)
            ));
        }
        let (children, parents) = tokio::join!(
            tenant.client.guardian_children(subscriber_id, Some(account_id)),
            tenant.client.guardian_parents(subscriber_id, Some(account_id)),
        );
        let mut links: Vec<(String, String)> = children?
            .children
            .into_iter()
            .filter_map(|r| r.child_subscriber_id)
            .map(|child| (subscriber_id.to_string(), child))
            .collect();
        links.extend(
            parents?
                .guardians
                .into_iter()
                .filter_map(|r| r.parent_subscriber_id)
                .map(|parent| (parent, subscriber_id.to_string())),
        );
        for (parent, child) in links {
            let request = GuardianRelationDeleteRequest {
                parent_subscriber_id: parent,
                child_subscriber_id: child,
            };
            tenant.client.delete_guardian_relation(&request).await?;
            done.push("a guardian link deleted".into());
        }
        let (calls, messages) = tokio::join!(
            tenant.client.call_filters(Some(subscriber_id), None, Some(account_id)),
            tenant
                .client
                .message_filters(Some(subscriber_id), None, Some(account_id)),
        );
        for filter in calls?.into_iter().filter_map(|f| f.filter_id) {
            let request = CallFilterDeleteRequest { call_filter_id: filter };
            tenant.client.delete_call_filter(&request).await?;
            done.push("a call filter deleted".into());
        }
        for filter in messages?.into_iter().filter_map(|f| f.filter_id) {
            let request = MessageFilterDeleteRequest {
                message_filter_id: filter,
            };
            tenant.client.delete_message_filter(&request).await?;
            done.push("a message filter deleted".into());
        }
        Ok::<(), telegent::TelegentError>(())
    }
    .await;
    if let Err(error) = steps {
        let so_far = if done.is_empty() {
            "nothing changed".to_string()
        } else {
            done.join(", ")
        };
        audit::finish(
            &state.pool,
            audit_id,
            Outcome::Failed,
            &format!("stopped: {error}; done so far: {so_far}"),
        )
        .await?;
        return Err(AppError::from(error));
    }
    // Hidden, sign-in off and the audit row: one transaction. Should it fail
    // after Telegent's part was done, the audit row says so (and removing
    // again finishes the job).
    let stored = hide_and_sign_out(ctx, member, audit_id, &mut done).await;
    if let Err(error) = stored {
        tracing::error!(%error, "member removed at Telegent, not hidden in the portal");
        audit::finish(
            &state.pool,
            audit_id,
            Outcome::Failed,
            &format!(
                "Telegent's part done ({}); hiding them in the portal failed: remove again",
                done.join(", ")
            ),
        )
        .await?;
        return Err(AppError::Internal);
    }
    crate::read_model::write_through::subscriber_removed(
        &state.pool,
        &tenant.distributor_id,
        account_id,
        subscriber_id,
        heir,
    )
    .await;
    Ok(member.name.clone())
}

/// The portal's part of a removal, in one transaction with its audit row.
async fn hide_and_sign_out(
    ctx: &InAccount,
    member: &Subscriber,
    audit_id: i64,
    done: &mut Vec<String>,
) -> sqlx::Result<()> {
    let InAccount {
        state,
        caller,
        tenant,
        account_id,
    } = ctx;
    let subscriber_id = member.subscriber_id.as_str();
    let mut tx = state.pool.begin().await?;
    sqlx::query(
        "INSERT INTO removed_members (account_id, subscriber_id, distributor_id, removed_at, removed_by) \
         VALUES ($1, $2, $3, $4, $5) ON CONFLICT (account_id, subscriber_id) DO NOTHING",
    )
    .bind(account_id)
    .bind(subscriber_id)
    .bind(&tenant.distributor_id)
    .bind(now_text())
    .bind(caller.user_id)
    .execute(&mut *tx)
    .await?;
    let signed_out = sqlx::query(
        "UPDATE users SET status = 'disabled', session_epoch = session_epoch + 1, updated_at = $3 \
         WHERE account_id = $1 AND subscriber_id = $2 AND status != 'disabled'",
    )
    .bind(account_id)
    .bind(subscriber_id)
    .bind(now_text())
    .execute(&mut *tx)
    .await?
    .rows_affected();
    if signed_out > 0 {
        done.push("portal sign-in turned off".into());
    }
    let summary = if done.is_empty() {
        format!("{} removed (no lines, no Guardian settings)", member.name)
    } else {
        format!("{} removed: {}", member.name, done.join(", "))
    };
    audit::finish_in(&mut tx, audit_id, Outcome::Succeeded, &summary).await?;
    tx.commit().await
}
