//! AI Guardian for one child of the Account: master switches, guardians,
//! and one call filter and one message filter per child and line (a second
//! "create" updates the existing filter). List entries are added and removed
//! one at a time with the incremental operations, never by rewriting a list.

use telegent::ops::subscribers::{
    CallFilter, CallFilterCreateRequest, CallFilterUpdateRequest, GuardianFeaturesRequest,
    GuardianRelationDeleteRequest, GuardianRelationRequest, MessageFilter, MessageFilterCreateRequest,
    MessageFilterUpdateRequest,
};
use telegent::phone;
use telegent::types::Subscriber;

use super::api::{CallFilterForm, MessageFilterForm, RelationForm, SwitchesForm};
use super::model::{CallFilterView, CallMode, GuardianDetail, LineChoice, MessageFilterView, Person, MESSAGE_MODES};
use crate::accounts::service::account_subscribers;
use crate::error::AppError;
use crate::policy::Action;
use crate::ssr::audit;
use crate::ssr::context::InAccount;
use crate::ssr::Tenant;

/// The child, if they are a subscriber of this Account ("not found" otherwise).
pub(super) async fn child_in_account(
    tenant: &Tenant,
    account_id: &str,
    subscriber_id: &str,
) -> Result<(Subscriber, Vec<Subscriber>), AppError> {
    let members = account_subscribers(&tenant.client, account_id).await?;
    let child = members
        .iter()
        .find(|s| s.subscriber_id == subscriber_id)
        .cloned()
        .ok_or(AppError::NotFound)?;
    Ok((child, members))
}

/// The child's line named by a form (default: their first); another line is "not found".
pub(super) fn line_of(child: &Subscriber, line: &str) -> Result<String, AppError> {
    if line.trim().is_empty() {
        return child
            .phone_numbers
            .first()
            .cloned()
            .ok_or_else(|| AppError::invalid("line", "This member has no line to filter yet."));
    }
    let e164 = phone::normalize_e164(line).map_err(|_| AppError::NotFound)?;
    if child.phone_numbers.contains(&e164) {
        Ok(e164)
    } else {
        Err(AppError::NotFound)
    }
}

/// A number typed into a form, in E.164, or a message at the field.
pub fn typed_number(field: &str, text: &str) -> Result<String, AppError> {
    phone::normalize_e164(text).map_err(|e| AppError::invalid(field, e.to_string()))
}

pub(super) async fn call_filter(
    tenant: &Tenant,
    subscriber_id: &str,
    line: &str,
) -> Result<Option<CallFilter>, AppError> {
    Ok(tenant
        .client
        .call_filters(Some(subscriber_id), Some(line), None)
        .await?
        .into_iter()
        .find(|f| is_for(f.subscriber_id.as_deref(), f.phone.as_deref(), subscriber_id, line)))
}

/// A filter is this child's and line's only if what it says of itself agrees
/// (should the platform ever return more than was asked for).
fn is_for(filter_subscriber: Option<&str>, filter_phone: Option<&str>, subscriber_id: &str, line: &str) -> bool {
    filter_subscriber.is_none_or(|s| s == subscriber_id)
        && filter_phone.map_or(filter_subscriber.is_some(), |p| p == line)
}

pub(super) async fn message_filter(
    tenant: &Tenant,
    subscriber_id: &str,
    line: &str,
) -> Result<Option<MessageFilter>, AppError> {
    Ok(tenant
        .client
        .message_filters(Some(subscriber_id), Some(line), None)
        .await?
        .into_iter()
        .find(|f| is_for(f.subscriber_id.as_deref(), f.phone.as_deref(), subscriber_id, line)))
}

pub async fn detail(ctx: &InAccount, subscriber_id: &str, line: &str) -> Result<GuardianDetail, AppError> {
    let InAccount {
        caller,
        tenant,
        account_id,
        ..
    } = ctx;
    let (child, members) = child_in_account(tenant, account_id, subscriber_id).await?;
    let line = line_of(&child, line)?;
    let (account, features, parents, calls, messages) = tokio::join!(
        tenant.client.account(account_id),
        tenant.client.guardian_features(subscriber_id, None),
        tenant.client.guardian_parents(subscriber_id, None),
        call_filter(tenant, subscriber_id, &line),
        message_filter(tenant, subscriber_id, &line),
    );
    let (account, features, parents) = (account?, features?, parents?);
    let name_of = |id: &str| {
        members
            .iter()
            .find(|m| m.subscriber_id == id)
            .map_or_else(|| id.to_string(), |m| m.name.clone())
    };
    let guardians: Vec<Person> = parents
        .guardians
        .iter()
        .filter_map(|g| g.parent_subscriber_id.clone())
        .map(|id| Person {
            name: name_of(&id),
            subscriber_id: id,
        })
        .collect();
    let candidates = members
        .iter()
        .filter(|m| m.subscriber_id != subscriber_id && !guardians.iter().any(|g| g.subscriber_id == m.subscriber_id))
        .map(|m| Person {
            subscriber_id: m.subscriber_id.clone(),
            name: m.name.clone(),
        })
        .collect();
    Ok(GuardianDetail {
        as_of_seconds: tenant.client.copy_age().map(|age| age.as_secs()),
        account_id: account.account_id,
        account_name: account.account_name,
        subscriber_id: child.subscriber_id.clone(),
        name: child.name.clone(),
        lines: child
            .phone_numbers
            .iter()
            .map(|n| LineChoice {
                msisdn: n.clone(),
                display: phone::format_for_display(n),
            })
            .collect(),
        line,
        calls_on: features.enable_intelligent_guardian_calls.unwrap_or(false),
        messages_on: features.enable_intelligent_guardian_messages.unwrap_or(false),
        guardians,
        candidates,
        call_filter: calls?.map(|f| CallFilterView {
            // An unknown or absent mode reads as Telegent's default (all but the blocked).
            mode: f
                .filter_mode
                .as_deref()
                .and_then(CallMode::from_code)
                .unwrap_or(CallMode::AllButBlocked),
            allowed: f.allowed_numbers,
            blocked: f.blocked_numbers,
            block_unknown: f.block_unknown_numbers.unwrap_or(false),
            block_international: f.block_international.unwrap_or(false),
            inbound: f.apply_to_inbound.unwrap_or(true),
            outbound: f.apply_to_outbound.unwrap_or(true),
        }),
        message_filter: messages?.map(|f| MessageFilterView {
            mode: f.filter_mode.unwrap_or_else(|| "ACTIVE".into()),
            allowed: f.allowed_contacts,
            blocked: f.blocked_contacts,
            block_links: f.block_links.unwrap_or(false),
            block_media: f.block_media.unwrap_or(false),
            block_unknown: f.block_unknown_numbers.unwrap_or(false),
            inbound: f.apply_to_inbound.unwrap_or(true),
            outbound: f.apply_to_outbound.unwrap_or(true),
            keywords: f.keyword_filter.unwrap_or_default(),
            notify: f.notification_phones,
        }),
        can_manage: caller.allows(Action::ManageGuardian),
    })
}

pub async fn set_switches(ctx: &InAccount, form: &SwitchesForm) -> Result<(), AppError> {
    let InAccount {
        state,
        caller,
        tenant,
        account_id,
    } = ctx;
    let (subscriber_id, line) = (form.child.subscriber_id.as_str(), form.child.line.as_str());
    let (calls, messages) = (form.calls, form.messages);
    let (child, _) = child_in_account(tenant, account_id, subscriber_id).await?;
    ctx.may_act_on(&child, "SetGuardianSwitches").await?;
    // The line only says where to come back to, but it is checked like every ID.
    if !line.is_empty() {
        line_of(&child, line)?;
    }
    let detail = format!("calls {}, messages {}", on_off(calls), on_off(messages));
    audit::around(
        &state.pool,
        &caller.audit_in(tenant, account_id, "SetGuardianSwitches", &[subscriber_id]),
        &detail,
        tenant.client.set_guardian_features(&GuardianFeaturesRequest {
            subscriber_id: subscriber_id.into(),
            enable_intelligent_guardian_calls: Some(calls),
            enable_intelligent_guardian_messages: Some(messages),
        }),
    )
    .await?;
    Ok(())
}

fn on_off(value: bool) -> &'static str {
    if value {
        "on"
    } else {
        "off"
    }
}

/// Links or unlinks a guardian; both must be members of the Account.
pub async fn set_relation(ctx: &InAccount, form: &RelationForm) -> Result<(), AppError> {
    let InAccount {
        state,
        caller,
        tenant,
        account_id,
    } = ctx;
    let (subscriber_id, line) = (form.child.subscriber_id.as_str(), form.child.line.as_str());
    let (guardian_id, link) = (form.guardian_id.as_str(), form.link);
    let (child, members) = child_in_account(tenant, account_id, subscriber_id).await?;
    ctx.may_act_on(&child, "SetGuardianRelation").await?;
    if !line.is_empty() {
        line_of(&child, line)?;
    }
    if guardian_id == subscriber_id || !members.iter().any(|m| m.subscriber_id == guardian_id) {
        return Err(AppError::NotFound);
    }
    let targets = [subscriber_id, guardian_id];
    let guardian_name = members
        .iter()
        .find(|m| m.subscriber_id == guardian_id)
        .map_or(guardian_id, |m| m.name.as_str());
    let detail = if link {
        format!("{guardian_name} is now a guardian of {}", child.name)
    } else {
        format!("{guardian_name} is no longer a guardian of {}", child.name)
    };
    if link {
        audit::around(
            &state.pool,
            &caller.audit_in(tenant, account_id, "LinkGuardian", &targets),
            &detail,
            tenant.client.create_guardian_relation(&GuardianRelationRequest {
                parent_subscriber_id: guardian_id.into(),
                child_subscriber_id: subscriber_id.into(),
                relation: "guardian".into(),
            }),
        )
        .await?;
    } else {
        audit::around(
            &state.pool,
            &caller.audit_in(tenant, account_id, "UnlinkGuardian", &targets),
            &detail,
            tenant.client.delete_guardian_relation(&GuardianRelationDeleteRequest {
                parent_subscriber_id: guardian_id.into(),
                child_subscriber_id: subscriber_id.into(),
            }),
        )
        .await?;
    }
    Ok(())
}

/// Creates the line's call filter, or updates the one it has.
pub async fn save_call_filter(ctx: &InAccount, settings: &CallFilterForm) -> Result<String, AppError> {
    let InAccount {
        state,
        caller,
        tenant,
        account_id,
    } = ctx;
    let (subscriber_id, line) = (settings.child.subscriber_id.as_str(), settings.child.line.as_str());
    if CallMode::from_code(&settings.mode).is_none() {
        return Err(AppError::invalid("mode", "Choose who may call."));
    }
    let (child, _) = child_in_account(tenant, account_id, subscriber_id).await?;
    ctx.may_act_on(&child, "SaveCallFilter").await?;
    let line = line_of(&child, line)?;
    let detail = format!(
        "{} · unknown {} · international {}",
        settings.mode,
        if settings.block_unknown { "blocked" } else { "allowed" },
        if settings.block_international {
            "blocked"
        } else {
            "allowed"
        }
    );
    let existing = call_filter(tenant, subscriber_id, &line).await?;
    let filter = match existing.and_then(|f| f.filter_id) {
        Some(filter_id) => {
            audit::around(
                &state.pool,
                &caller.audit_in(tenant, account_id, "UpdateCallFilter", &[subscriber_id, &line]),
                &detail,
                tenant.client.update_call_filter(&CallFilterUpdateRequest {
                    filter_id: filter_id.clone(),
                    filter_mode: Some(settings.mode.clone()),
                    block_unknown_numbers: Some(settings.block_unknown),
                    block_international: Some(settings.block_international),
                    apply_to_inbound: Some(settings.inbound),
                    apply_to_outbound: Some(settings.outbound),
                    ..CallFilterUpdateRequest::default()
                }),
            )
            .await?;
            filter_id
        }
        None => audit::around(
            &state.pool,
            &caller.audit_in(tenant, account_id, "CreateCallFilter", &[subscriber_id, &line]),
            &detail,
            tenant.client.create_call_filter(&CallFilterCreateRequest {
                subscriber_id: subscriber_id.into(),
                phone: line.clone(),
                filter_mode: settings.mode.clone(),
                block_unknown_numbers: Some(settings.block_unknown),
                block_international: Some(settings.block_international),
                apply_to_inbound: Some(settings.inbound),
                apply_to_outbound: Some(settings.outbound),
                ..CallFilterCreateRequest::default()
            }),
        )
        .await?
        .filter_id
        .unwrap_or_default(),
    };
    Ok(filter)
}

/// The message filter's settings.
/// Creates the line's message filter, or updates the one it has.
pub async fn save_message_filter(ctx: &InAccount, settings: &MessageFilterForm) -> Result<String, AppError> {
    let InAccount {
        state,
        caller,
        tenant,
        account_id,
    } = ctx;
    let (subscriber_id, line) = (settings.child.subscriber_id.as_str(), settings.child.line.as_str());
    if !MESSAGE_MODES.iter().any(|(m, _)| *m == settings.mode) {
        return Err(AppError::invalid("mode", "Choose how messages are filtered."));
    }
    let notify: Vec<String> = settings
        .notify
        .split([',', ';', '\n'])
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(|s| typed_number("notify", s))
        .collect::<Result<_, _>>()?;
    let keywords = settings
        .keywords
        .split(',')
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .collect::<Vec<_>>()
        .join(",");
    let (child, _) = child_in_account(tenant, account_id, subscriber_id).await?;
    ctx.may_act_on(&child, "SaveMessageFilter").await?;
    let line = line_of(&child, line)?;
    let detail = format!(
        "{} · links {} · media {}",
        settings.mode,
        on_off(!settings.block_links),
        on_off(!settings.block_media)
    );
    let existing = message_filter(tenant, subscriber_id, &line).await?;
    let filter = match existing.and_then(|f| f.filter_id) {
        Some(filter_id) => {
            audit::around(
                &state.pool,
                &caller.audit_in(tenant, account_id, "UpdateMessageFilter", &[subscriber_id, &line]),
                &detail,
                tenant.client.update_message_filter(&MessageFilterUpdateRequest {
                    filter_id: filter_id.clone(),
                    filter_mode: Some(settings.mode.clone()),
                    keyword_filter: Some(keywords),
                    notification_phones: Some(notify),
                    apply_to_inbound: Some(settings.inbound),
                    apply_to_outbound: Some(settings.outbound),
                    block_unknown_numbers: Some(settings.block_unknown),
                    block_links: Some(settings.block_links),
                    block_media: Some(settings.block_media),
                    ..MessageFilterUpdateRequest::default()
                }),
            )
            .await?;
            filter_id
        }
        None => audit::around(
            &state.pool,
            &caller.audit_in(tenant, account_id, "CreateMessageFilter", &[subscriber_id, &line]),
            &detail,
            tenant.client.create_message_filter(&MessageFilterCreateRequest {
                subscriber_id: subscriber_id.into(),
                phone: line.clone(),
                filter_mode: settings.mode.clone(),
                keyword_filter: Some(keywords),
                notification_phones: Some(notify),
                apply_to_inbound: Some(settings.inbound),
                apply_to_outbound: Some(settings.outbound),
                block_unknown_numbers: Some(settings.block_unknown),
                block_links: Some(settings.block_links),
                block_media: Some(settings.block_media),
                ..MessageFilterCreateRequest::default()
            }),
        )
        .await?
        .filter_id
        .unwrap_or_default(),
    };
    Ok(filter)
}

#[cfg(test)]
mod tests {
    use super::is_for;

    #[test]
    fn a_filter_is_used_only_for_its_own_child_and_line() {
        assert!(is_for(Some("TSUID-1"), Some("+1801"), "TSUID-1", "+1801"));
        assert!(!is_for(Some("TSUID-2"), Some("+1801"), "TSUID-1", "+1801"));
        assert!(!is_for(Some("TSUID-1"), Some("+1802"), "TSUID-1", "+1801"));
        assert!(is_for(Some("TSUID-1"), None, "TSUID-1", "+1801"));
        assert!(!is_for(None, None, "TSUID-1", "+1801"));
    }
}
