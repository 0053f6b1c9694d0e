//! The members of an Account as its Manager sees them: one member's lines,
//! subscriptions and restrictions; adding a member (a Telegent subscriber
//! with the role Subscriber) and changing a member's name or e-mail.

use std::collections::HashMap;

use telegent::ops::subscribers::{SubscriberCreateRequest, SubscriberUpdateRequest};
use telegent::types::Subscriber;

use super::lines_given;
use super::model::{MemberDetail, MemberLine, MemberRole, MemberSubscription, SubscriptionKind};
use crate::accounts::service::account_subscribers;
use crate::error::AppError;
use crate::lines::service::{guardian_of, line_usage, summary, usage_of};
use crate::policy::{Action, Role};
use crate::ssr::audit::{self, Outcome};
use crate::ssr::context::InAccount;
use crate::ssr::{Caller, Tenant};
use crate::users::service::{
    email_taken, email_tries_left, note_email_refusal, temporary_password, valid_email, EMAIL_IN_USE,
};

/// The member's Telegent role as a portal role, to ask whether the caller
/// may edit them; a role the portal does not know is nobody's to edit.
fn role_of(member: &Subscriber) -> Option<Role> {
    MemberRole::from_telegent(&member.role).as_portal_role()
}

/// A member of this Account; anyone else (and unknown IDs) is "not found".
pub async fn member_in_account(tenant: &Tenant, account_id: &str, subscriber_id: &str) -> Result<Subscriber, AppError> {
    account_subscribers(&tenant.client, account_id)
        .await?
        .into_iter()
        .find(|s| s.subscriber_id == subscriber_id)
        .ok_or(AppError::NotFound)
}

/// Whether the caller may change this member: themselves, or someone whose
/// role they could give (a Manager edits Subscribers, not other Managers or
/// the Account Admin).
pub(super) fn may_edit(caller: &Caller, member: &Subscriber) -> bool {
    caller.allows(Action::ManageSubscribers)
        && (caller.subscriber_id.as_deref() == Some(member.subscriber_id.as_str())
            || role_of(member).is_some_and(|role| caller.role.may_grant(role)))
}

pub async fn detail(ctx: &InAccount, subscriber_id: &str) -> Result<MemberDetail, AppError> {
    let InAccount {
        caller,
        tenant,
        account_id,
        ..
    } = ctx;
    let members = account_subscribers(&tenant.client, account_id).await?;
    let member = members
        .iter()
        .find(|s| s.subscriber_id == subscriber_id)
        .cloned()
        .ok_or(AppError::NotFound)?;
    let lines = &member.phone_numbers;
    let (account, usage, subscriptions, packages) = tokio::join!(
        tenant.client.account(account_id),
        usage_of(tenant, lines),
        tenant.client.account_subscriptions(Some("All"), Some(account_id)),
        tenant.client.distributor_packages(Some("All")),
    );
    let (account, mut usage) = (account?, usage?);
    // Number details give each line's status and its ID (TNID), which is how
    // a subscription names the line it bills. A failed read hides only that.
    let mut details = Vec::new();
    for line in lines {
        details.push(tenant.client.number_details(line).await.ok());
    }
    let line_of_tnid: HashMap<String, String> = lines
        .iter()
        .zip(&details)
        .filter_map(|(n, d)| Some((d.as_ref()?.tnid.clone()?, n.clone())))
        .collect();
    let package_names = package_names(packages);
    let subscriptions = subscriptions?
        .results
        .into_iter()
        .filter(|s| s.subscriber_id.as_deref() == Some(subscriber_id))
        .map(|s| {
            let package_id = s.package_id.unwrap_or_default();
            MemberSubscription {
                subscription_id: s.subscription_id.unwrap_or_default(),
                package: package_names.get(&package_id).cloned().unwrap_or(package_id),
                line: s
                    .tnid
                    .and_then(|t| line_of_tnid.get(&t).cloned())
                    .map(|n| telegent::phone::format_for_display(&n)),
                kind: SubscriptionKind::from_telegent(s.kind.as_deref()),
                active: s.active.unwrap_or(true),
            }
        })
        .collect();
    let guardian = if member.role == "Subscriber" {
        // Shown, not required: a failing read leaves it out.
        guardian_of(tenant, subscriber_id).await.ok()
    } else {
        None
    };
    let signs_in = super::removal::signs_in(&ctx.state.pool, account_id, subscriber_id).await?;
    let removal = super::removal::plan(caller, &member, &members, signs_in);
    Ok(MemberDetail {
        removal,
        as_of_seconds: tenant.client.copy_age().map(|age| age.as_secs()),
        can_transfer: super::transfer::may_transfer(caller),
        activity: if caller.allows(Action::ViewAudit) {
            Some(activity(ctx, subscriber_id).await?)
        } else {
            None
        },
        account_id: account.account_id,
        account_name: account.account_name,
        subscriber_id: member.subscriber_id.clone(),
        can_edit: may_edit(caller, &member),
        can_subscribe: may_edit(caller, &member) && caller.allows(Action::ManageSubscriptions),
        role_choices: match may_edit(caller, &member) && !super::role::is_themselves(caller, &member) {
            true => super::role::choices(caller.role),
            false => Vec::new(),
        },
        lines: lines
            .iter()
            .zip(details)
            .map(|(n, d)| MemberLine {
                summary: summary(n, usage.remove(n).unwrap_or_else(|| line_usage(None, None))),
                status: d.and_then(|d| d.status),
            })
            .collect(),
        subscriptions,
        guardian,
        name: member.name,
        email: member.email,
        role: MemberRole::from_telegent(&member.role),
    })
}

/// Package names by ID, to show plans in words; an unreadable catalogue
/// leaves the IDs (shown, not required).
pub(super) fn package_names<E>(packages: Result<telegent::ops::catalog::PackageList, E>) -> HashMap<String, String> {
    packages
        .map(|p| p.results)
        .unwrap_or_default()
        .into_iter()
        .filter_map(|p| Some((p.package_id?, p.package_name?)))
        .collect()
}

/// The last ten audited actions naming the member, within the caller's
/// reach: the Distributor for its staff (also from Accounts they were in
/// before a move), this Account for its own people.
async fn activity(ctx: &InAccount, subscriber_id: &str) -> Result<Vec<super::model::Activity>, AppError> {
    let staff = matches!(
        ctx.caller.role,
        Role::PlatformAdmin | Role::DistributorAdmin | Role::DistributorViewer
    );
    let mut sql = String::from(
        "SELECT at, user_email, action, outcome, detail FROM audit_log \
         WHERE distributor_id = $1 AND target_ids LIKE $2",
    );
    if !staff {
        sql.push_str(" AND account_id = $3");
    }
    sql.push_str(" ORDER BY id DESC LIMIT 10");
    // IDs are `TSUID-` and hex: no LIKE wildcard can be in them.
    let pattern = format!("%{}%", subscriber_id.replace(['%', '_'], ""));
    let mut query = sqlx::query_as::<_, (String, String, String, String, String)>(&sql)
        .bind(&ctx.tenant.distributor_id)
        .bind(pattern);
    if !staff {
        query = query.bind(&ctx.account_id);
    }
    let rows = query.fetch_all(&ctx.state.pool).await?;
    Ok(rows
        .into_iter()
        .map(|(at, who, action, outcome, detail)| super::model::Activity {
            at,
            who,
            action: crate::audit::model::action_label(&action),
            outcome: match outcome.as_str() {
                "succeeded" => "Done",
                "failed" => "Failed",
                "denied" => "Refused",
                "pending" => "Unfinished",
                _ => "Not found",
            }
            .to_string(),
            detail,
        })
        .collect())
}

/// Name and e-mail as typed, checked the same way for adding and editing.
fn checked(name: &str, email: &str) -> Result<(String, String), AppError> {
    let name = name.trim().to_string();
    let email = email.trim().to_lowercase();
    if name.is_empty() {
        return Err(AppError::invalid("name", "Enter the member's name."));
    }
    if name.chars().count() > 100 {
        return Err(AppError::invalid("name", "Use at most 100 characters."));
    }
    if !valid_email(&email) {
        return Err(AppError::invalid(
            "email",
            "Enter an e-mail address like name@example.com.",
        ));
    }
    Ok((name, email))
}

/// Adds a member to the Account: a Telegent subscriber with the role
/// Subscriber (whatever the form says: a Manager gives no other role here),
/// holding the lines typed in `phone_numbers` (free lines of this Account).
/// Returns the new subscriber's ID, and whether every line was given.
pub async fn add(ctx: &InAccount, name: &str, email: &str, phone_numbers: &str) -> Result<(String, bool), AppError> {
    let InAccount {
        state,
        caller,
        tenant,
        account_id,
    } = ctx;
    // Every refusal of what was typed comes back at once, each at its field.
    let (checked, lines) = (checked(name, email), lines_given::parse(phone_numbers));
    let problems: Vec<AppError> = [checked.as_ref().err(), lines.as_ref().err()]
        .into_iter()
        .flatten()
        .cloned()
        .collect();
    if let Some(refused) = AppError::from_field_errors(problems) {
        return Err(refused);
    }
    let ((name, email), lines) = (checked?, lines?);
    let _email_turn = email_tries_left(state, caller).await?;
    // Refused exactly as an edit is: a portal user already signs in with it.
    if crate::ssr::caller::user_by_email(&state.pool, &email).await?.is_some() {
        return Err(note_email_refusal(state, caller, AppError::invalid("email", EMAIL_IN_USE)).await);
    }
    // Checked before anything changes: a refused line adds nobody.
    let lines = lines_given::free_lines(tenant, account_id, &lines, None).await?;
    let entry = caller.audit_in(tenant, account_id, "AddMember", &[&email]);
    let request = SubscriberCreateRequest {
        name: name.clone(),
        email: email.clone(),
        // Bound one by one below (`give`): a line listed here but not bound
        // would be claimed by someone who does not hold it.
        phone_numbers: Vec::new(),
        role: "Subscriber".into(),
        // Telegent requires one; people sign in to the portal, not to Telegent.
        password: temporary_password(),
        account_id: account_id.into(),
    };
    let id = audit::begin(&state.pool, &entry).await?;
    let created = match tenant.client.create_subscriber(&request).await {
        Ok(created) => created,
        Err(error) => {
            audit::finish(&state.pool, id, Outcome::Failed, &error.to_string()).await?;
            return Err(note_email_refusal(state, caller, email_taken(error)).await);
        }
    };
    crate::read_model::write_through::subscriber_saved(&state.pool, &tenant.distributor_id, &created, account_id).await;
    // The person exists from here on: a line that is not given is said in
    // the audit row and on their page, never by failing the whole add.
    let (given, failed) = lines_given::give(tenant, &created.subscriber_id, &lines).await;
    crate::read_model::write_through::lines_given(
        &state.pool,
        &tenant.distributor_id,
        account_id,
        &created.subscriber_id,
        &given,
    )
    .await;
    let left = &lines[given.len()..];
    let mut detail = format!("{name} <{email}> as Subscriber ({})", created.subscriber_id);
    let lines_text = lines_given::audit_text(&given, failed.as_ref().map(|e| (left, e)));
    if !lines_text.is_empty() {
        detail.push_str(&format!("; {lines_text}"));
    }
    let outcome = match failed {
        None => Outcome::Succeeded,
        Some(_) => Outcome::Failed,
    };
    audit::finish(&state.pool, id, outcome, &detail).await?;
    Ok((created.subscriber_id, failed.is_none()))
}

/// Gives the member lines of their Account that have no person yet (typed
/// in `phone_numbers`). Returns whether every line was given; the audit row
/// says which were not.
pub async fn give_lines(ctx: &InAccount, subscriber_id: &str, phone_numbers: &str) -> Result<bool, AppError> {
    let InAccount {
        state,
        caller,
        tenant,
        account_id,
    } = ctx;
    // Read afresh (a change): the same list serves the free-line check below.
    let members = account_subscribers(&tenant.client, account_id).await?;
    let member = members
        .iter()
        .find(|s| s.subscriber_id == subscriber_id)
        .cloned()
        .ok_or(AppError::NotFound)?;
    let entry = caller.audit_in(tenant, account_id, "GiveLines", &[subscriber_id]);
    if !may_edit(caller, &member) {
        audit::record(&state.pool, &entry, Outcome::Denied, "may not change this member").await?;
        return Err(AppError::Forbidden);
    }
    let lines = lines_given::parse(phone_numbers)?;
    if lines.is_empty() {
        return Err(AppError::invalid(
            lines_given::FIELD,
            "Type the phone number of a line to give.",
        ));
    }
    let lines = lines_given::free_lines(tenant, account_id, &lines, Some((subscriber_id, &members))).await?;
    if lines.is_empty() {
        // Theirs already: nothing to change, nothing to audit.
        return Ok(true);
    }
    let id = audit::begin(&state.pool, &entry).await?;
    let (given, failed) = lines_given::give(tenant, subscriber_id, &lines).await;
    crate::read_model::write_through::lines_given(
        &state.pool,
        &tenant.distributor_id,
        account_id,
        subscriber_id,
        &given,
    )
    .await;
    let left = &lines[given.len()..];
    let detail = lines_given::audit_text(&given, failed.as_ref().map(|e| (left, e)));
    match failed {
        None => {
            audit::finish(&state.pool, id, Outcome::Succeeded, &detail).await?;
            Ok(true)
        }
        // Nothing given at all is the upstream's error, said as such.
        Some(error) if given.is_empty() => {
            audit::finish(&state.pool, id, Outcome::Failed, &detail).await?;
            Err(error.into())
        }
        Some(_) => {
            audit::finish(&state.pool, id, Outcome::Failed, &detail).await?;
            Ok(false)
        }
    }
}

/// Changes a member's name and e-mail at Telegent, and on the portal user
/// linked to them (their sign-in) in the same step.
pub async fn edit(ctx: &InAccount, subscriber_id: &str, name: &str, email: &str) -> Result<(), AppError> {
    let InAccount {
        state,
        caller,
        tenant,
        account_id,
    } = ctx;
    let member = member_in_account(tenant, account_id, subscriber_id).await?;
    let entry = caller.audit_in(tenant, account_id, "EditMember", &[subscriber_id]);
    if !may_edit(caller, &member) {
        audit::record(
            &state.pool,
            &entry,
            Outcome::Denied,
            &format!("may not change a member with the role {}", member.role),
        )
        .await?;
        return Err(AppError::Forbidden);
    }
    let (name, email) = checked(name, email)?;
    let email_changes = !member.email.eq_ignore_ascii_case(&email);
    if name == member.name && !email_changes {
        return Ok(());
    }
    // Held until the refusal, if any, is noted (see `email_tries_left`).
    let _email_turn = match email_changes {
        true => Some(email_tries_left(state, caller).await?),
        false => None,
    };
    if email_changes {
        let taken_here: Option<(i64,)> = sqlx::query_as(
            "SELECT id FROM users WHERE lower(email) = lower($1) AND (subscriber_id IS NULL OR subscriber_id != $2)",
        )
        .bind(&email)
        .bind(subscriber_id)
        .fetch_optional(&state.pool)
        .await?;
        if taken_here.is_some() {
            return Err(note_email_refusal(state, caller, AppError::invalid("email", EMAIL_IN_USE)).await);
        }
    }
    let request = SubscriberUpdateRequest {
        subscriber_id: subscriber_id.into(),
        name: (name != member.name).then(|| name.clone()),
        email: email_changes.then(|| email.clone()),
        ..SubscriberUpdateRequest::default()
    };
    let audit_id = audit::begin(&state.pool, &entry).await?;
    let updated = match tenant.client.update_subscriber(&request).await {
        Ok(updated) => {
            crate::read_model::write_through::subscriber_saved(
                &state.pool,
                &tenant.distributor_id,
                &updated,
                account_id,
            )
            .await;
            updated
        }
        Err(error) => {
            audit::finish(&state.pool, audit_id, Outcome::Failed, &error.to_string()).await?;
            return Err(note_email_refusal(state, caller, email_taken(error)).await);
        }
    };
    // The reference's update schema has no e-mail: an upstream that ignores it
    // answers with the old address, and the portal says so instead of "saved".
    let email_kept = email_changes && !updated.email.eq_ignore_ascii_case(&email);
    let mut changes = Vec::new();
    if name != member.name {
        changes.push(format!("name {:?} → {name:?}", member.name));
    }
    if email_changes && !email_kept {
        changes.push(format!("e-mail {} → {email}", member.email));
    }
    if email_kept {
        changes.push("Telegent kept the previous e-mail address".into());
    }
    let detail = changes.join(", ");
    let outcome = if email_kept {
        Outcome::Failed
    } else {
        Outcome::Succeeded
    };
    let signs_in_as = if email_kept { member.email.to_lowercase() } else { email };
    // The linked portal user (their sign-in) follows, with the audit row, in one transaction.
    let stored = async {
        let mut tx = state.pool.begin().await?;
        sqlx::query(
            "UPDATE users SET email = $1, display_name = $2, updated_at = $4 \
             WHERE subscriber_id = $3 AND account_id = $5",
        )
        .bind(&signs_in_as)
        .bind(&name)
        .bind(subscriber_id)
        .bind(crate::ssr::db::now_text())
        .bind(account_id)
        .execute(&mut *tx)
        .await?;
        audit::finish_in(&mut tx, audit_id, outcome, &detail).await?;
        tx.commit().await
    }
    .await;
    if let Err(error) = stored {
        tracing::error!(%error, "member changed at Telegent, portal user not updated");
        audit::finish(
            &state.pool,
            audit_id,
            Outcome::Failed,
            &format!("{detail}; changed at Telegent, the portal sign-in was not updated"),
        )
        .await?;
        return Err(AppError::Internal);
    }
    if email_kept {
        return Err(AppError::invalid(
            "email",
            "Telegent kept the previous e-mail address; the name was saved. Ask your Distributor to change the address.",
        ));
    }
    Ok(())
}
