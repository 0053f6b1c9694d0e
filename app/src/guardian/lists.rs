//! Adding and removing one number on a child's allowed or blocked list,
//! with the incremental operations (never by rewriting a list).

use telegent::ops::subscribers::{CallFilterNumbersRequest, MessageFilterContactsRequest};

use super::api::{CallFilterForm, ChildLine, ListEditForm, MessageFilterForm};
use super::service::{
    call_filter, child_in_account, line_of, message_filter, save_call_filter, save_message_filter, typed_number,
};
use crate::error::AppError;
use crate::ssr::audit;
use crate::ssr::context::InAccount;

/// Adds or removes one number on a filter's allowed or blocked list, with
/// the incremental operation. A missing filter is created first (calls:
/// block-list mode; messages: lists only).
pub async fn edit_list(ctx: &InAccount, form: &ListEditForm) -> Result<(), AppError> {
    let InAccount {
        state,
        caller,
        tenant,
        account_id,
    } = ctx;
    let (subscriber_id, line) = (form.child.subscriber_id.as_str(), form.child.line.as_str());
    let (filter, list, number, add) = (form.filter.as_str(), form.list.as_str(), form.number.as_str(), form.add);
    if !matches!(list, "allowed" | "blocked") || !matches!(filter, "call" | "message") {
        // Only a tampered form names another list: like any unknown thing.
        return Err(AppError::NotFound);
    }
    // The field is named after the list's own input (four lists on one page),
    // so the message lands at the right one, with or without JavaScript.
    let number = typed_number(&format!("{filter}-{list}-number"), number)?;
    let (child, _) = child_in_account(tenant, account_id, subscriber_id).await?;
    ctx.may_act_on(&child, "EditGuardianList").await?;
    let line = line_of(&child, line)?;
    let own = child
        .phone_numbers
        .iter()
        .any(|n| telegent::phone::normalize_e164(n).is_ok_and(|n| n == number));
    if add && list == "blocked" && own {
        return Err(AppError::invalid(
            &format!("{filter}-{list}-number"),
            format!("That is {}'s own number: it cannot be blocked for them.", child.name),
        ));
    }
    let action = format!(
        "{}{}{}",
        if add { "Add" } else { "Remove" },
        if filter == "call" { "Call" } else { "Message" },
        if list == "allowed" { "Allowed" } else { "Blocked" }
    );
    let targets = [subscriber_id, line.as_str(), number.as_str()];
    // What changed, in words, for the audit log.
    let detail = format!(
        "{} {} {} {}'s {} {} list on {}",
        if add { "added" } else { "removed" },
        telegent::phone::format_for_display(&number),
        if add { "to" } else { "from" },
        child.name,
        if list == "allowed" { "allowed" } else { "blocked" },
        if filter == "call" {
            "callers"
        } else {
            "message contacts"
        },
        telegent::phone::format_for_display(&line),
    );
    let client = &tenant.client;
    if filter == "call" {
        let filter_id = match call_filter(tenant, subscriber_id, &line)
            .await?
            .and_then(|f| f.filter_id)
        {
            Some(id) => id,
            None if add => {
                let settings = CallFilterForm {
                    child: ChildLine {
                        line: line.clone(),
                        ..form.child.clone()
                    },
                    mode: "BLACKLIST".into(),
                    inbound: true,
                    outbound: true,
                    ..Default::default()
                };
                save_call_filter(ctx, &settings).await?
            }
            None => return Err(AppError::NotFound),
        };
        let request = CallFilterNumbersRequest {
            subscriber_id: subscriber_id.into(),
            call_filter_id: filter_id,
            numbers: vec![number.clone()],
        };
        let change = async {
            match (list, add) {
                ("allowed", true) => client.add_call_filter_allowed_numbers(&request).await,
                ("allowed", false) => client.remove_call_filter_allowed_numbers(&request).await,
                (_, true) => client.add_call_filter_blocked_numbers(&request).await,
                (_, false) => client.remove_call_filter_blocked_numbers(&request).await,
            }
        };
        let entry = caller.audit_in(tenant, account_id, &action, &targets);
        audit::around(&state.pool, &entry, &detail, change).await?;
    } else {
        let filter_id = match message_filter(tenant, subscriber_id, &line)
            .await?
            .and_then(|f| f.filter_id)
        {
            Some(id) => id,
            None if add => {
                let settings = MessageFilterForm {
                    child: ChildLine {
                        line: line.clone(),
                        ..form.child.clone()
                    },
                    mode: "ACTIVE".into(),
                    inbound: true,
                    outbound: true,
                    ..Default::default()
                };
                save_message_filter(ctx, &settings).await?
            }
            None => return Err(AppError::NotFound),
        };
        let request = MessageFilterContactsRequest {
            subscriber_id: subscriber_id.into(),
            message_filter_id: filter_id,
            contacts: vec![number.clone()],
        };
        let change = async {
            match (list, add) {
                ("allowed", true) => client.add_message_filter_allowed_contacts(&request).await,
                ("allowed", false) => client.remove_message_filter_allowed_contacts(&request).await,
                (_, true) => client.add_message_filter_blocked_contacts(&request).await,
                (_, false) => client.remove_message_filter_blocked_contacts(&request).await,
            }
        };
        let entry = caller.audit_in(tenant, account_id, &action, &targets);
        audit::around(&state.pool, &entry, &detail, change).await?;
    }
    Ok(())
}
