//! Changing a member's role inside their Account (Subscriber, Manager,
//! Account Admin) from their page. Rank decides: the caller gives only a
//! role they could give and changes only someone they may change; nobody
//! changes their own. A second Manager is warned about, not forbidden.
//! Their sign-in, if they have one, follows (its sessions end).

use telegent::ops::subscribers::SubscriberUpdateRequest;

use super::model::MemberRole;
use super::service::{may_edit, member_in_account};
use crate::error::AppError;
use crate::ssr::audit::{self, Outcome};
use crate::ssr::context::InAccount;

/// Whether the member is the caller: by their linked subscriber, or by
/// e-mail (a sign-in not linked to one is still the same person).
pub fn is_themselves(caller: &crate::ssr::Caller, member: &telegent::types::Subscriber) -> bool {
    caller.subscriber_id.as_deref() == Some(member.subscriber_id.as_str())
        || caller.email.eq_ignore_ascii_case(&member.email)
}

/// The roles a caller of `caller_role` may give here, lowest first (the
/// form's choices).
pub fn choices(caller_role: crate::policy::Role) -> Vec<MemberRole> {
    [MemberRole::Subscriber, MemberRole::Manager, MemberRole::AccountAdmin]
        .into_iter()
        .filter(|r| r.as_portal_role().is_some_and(|role| caller_role.may_grant(role)))
        .collect()
}

pub async fn change_role(
    ctx: &InAccount,
    subscriber_id: &str,
    role: &str,
    second_manager: bool,
) -> Result<(), AppError> {
    let InAccount {
        state,
        caller,
        tenant,
        account_id,
    } = ctx;
    let member = member_in_account(tenant, account_id, subscriber_id).await?;
    let entry = caller.audit_in(tenant, account_id, "ChangeMemberRole", &[subscriber_id]);
    // Rank first (someone above the caller is refused whatever the form
    // says), then what was chosen, then oneself (one may edit one's own
    // name, never one's own role).
    if !may_edit(caller, &member) {
        audit::record(&state.pool, &entry, Outcome::Denied, "may not change this member").await?;
        return Err(AppError::Forbidden);
    }
    let new_role = MemberRole::from_telegent(role.trim());
    let Some(portal_role) = new_role.as_portal_role().filter(|r| caller.role.may_grant(*r)) else {
        return Err(AppError::invalid("role", "Choose one of the roles offered."));
    };
    if is_themselves(caller, &member) {
        audit::record(&state.pool, &entry, Outcome::Denied, "may not change their own role").await?;
        return Err(AppError::Forbidden);
    }
    let old_role = MemberRole::from_telegent(&member.role);
    if new_role == old_role {
        return Ok(());
    }
    if new_role == MemberRole::Manager {
        let managers = crate::accounts::service::managers_in(state, tenant, account_id, &member.email).await?;
        if !managers.is_empty() && !second_manager {
            return Err(AppError::invalid(
                "second_manager",
                format!(
                    "This account already has a Manager ({}). The platform's convention is one: \
                     tick the box to make {} a second one anyway.",
                    managers.join(", "),
                    member.name
                ),
            ));
        }
    }
    let audit_id = audit::begin(&state.pool, &entry).await?;
    let request = SubscriberUpdateRequest {
        subscriber_id: subscriber_id.into(),
        role: Some(new_role.label().into()),
        ..SubscriberUpdateRequest::default()
    };
    let updated = match tenant.client.update_subscriber(&request).await {
        Ok(updated) => updated,
        Err(error) => {
            audit::finish(&state.pool, audit_id, Outcome::Failed, &error.to_string()).await?;
            return Err(error.into());
        }
    };
    crate::read_model::write_through::subscriber_saved(&state.pool, &tenant.distributor_id, &updated, account_id).await;
    let detail = format!("{}: {} → {}", member.name, old_role.label(), new_role.label());
    // Telegent changed: the sign-in and the audit row follow in one step,
    // and nothing returns early before the row is finished.
    let stored = async {
        let mut tx = state.pool.begin().await?;
        sqlx::query(
            "UPDATE users SET role = $1, session_epoch = session_epoch + 1, updated_at = $2 \
             WHERE subscriber_id = $3 AND account_id = $4",
        )
        .bind(format!("{portal_role:?}"))
        .bind(crate::ssr::db::now_text())
        .bind(subscriber_id)
        .bind(account_id)
        .execute(&mut *tx)
        .await?;
        audit::finish_in(&mut tx, audit_id, Outcome::Succeeded, &detail).await?;
        tx.commit().await
    }
    .await;
    if let Err(error) = stored {
        tracing::error!(%error, "role changed at Telegent, the portal sign-in was not updated");
        audit::finish(
            &state.pool,
            audit_id,
            Outcome::Failed,
            &format!("{detail}; changed at Telegent, the portal sign-in was not updated"),
        )
        .await?;
        return Err(AppError::Internal);
    }
    Ok(())
}
