//! Server functions of a child's AI Guardian, and the forms they take.
//! Every form names the child and the line whose filters are shown (the
//! page comes back to that line).

use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use super::model::GuardianDetail;
use crate::error::AppError;
use crate::form_values::flag;

#[cfg(feature = "ssr")]
use crate::{
    policy::Action,
    ssr::context::{in_account, redirect},
};

/// The child and line every Guardian form is about.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ChildLine {
    pub account_id: String,
    pub subscriber_id: String,
    /// E.164 or digits; empty when the child has no line yet.
    #[serde(default)]
    pub line: String,
}

/// The master switches: filters do nothing while these are off.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct SwitchesForm {
    #[serde(flatten)]
    pub child: ChildLine,
    #[serde(default, deserialize_with = "flag")]
    pub calls: bool,
    #[serde(default, deserialize_with = "flag")]
    pub messages: bool,
}

/// Links (`link`) or unlinks a guardian of the child.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct RelationForm {
    #[serde(flatten)]
    pub child: ChildLine,
    pub guardian_id: String,
    #[serde(default, deserialize_with = "flag")]
    pub link: bool,
}

/// The call filter's settings; saving creates the filter when the line has
/// none and updates it otherwise.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct CallFilterForm {
    #[serde(flatten)]
    pub child: ChildLine,
    /// `WHITELIST` (only listed numbers) or `BLACKLIST` (all but listed).
    pub mode: String,
    #[serde(default, deserialize_with = "flag")]
    pub block_unknown: bool,
    #[serde(default, deserialize_with = "flag")]
    pub block_international: bool,
    #[serde(default, deserialize_with = "flag")]
    pub inbound: bool,
    #[serde(default, deserialize_with = "flag")]
    pub outbound: bool,
}

/// The message filter's settings (created or updated like the call filter).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct MessageFilterForm {
    #[serde(flatten)]
    pub child: ChildLine,
    /// One of `MESSAGE_MODES`.
    pub mode: String,
    #[serde(default, deserialize_with = "flag")]
    pub block_links: bool,
    #[serde(default, deserialize_with = "flag")]
    pub block_media: bool,
    #[serde(default, deserialize_with = "flag")]
    pub block_unknown: bool,
    #[serde(default, deserialize_with = "flag")]
    pub inbound: bool,
    #[serde(default, deserialize_with = "flag")]
    pub outbound: bool,
    /// Comma-separated words that flag a message.
    #[serde(default)]
    pub keywords: String,
    /// Comma-separated numbers told about flagged messages.
    #[serde(default)]
    pub notify: String,
}

/// One number added to or removed from an allowed or blocked list.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ListEditForm {
    #[serde(flatten)]
    pub child: ChildLine,
    /// `call` or `message`.
    pub filter: String,
    /// `allowed` or `blocked`.
    pub list: String,
    pub number: String,
    #[serde(default, deserialize_with = "flag")]
    pub add: bool,
}

/// One child's AI Guardian: switches, guardians, and the filters of one line.
#[server(endpoint = "guardian/detail")]
pub async fn fetch_guardian(
    account_id: String,
    subscriber_id: String,
    line: String,
) -> Result<GuardianDetail, AppError> {
    let ctx = in_account(Action::ViewSubscribers, &account_id).await?;
    super::service::detail(&ctx, &subscriber_id, &line).await
}

/// Back to the child's page at the line, saying what was saved.
#[cfg(feature = "ssr")]
fn back_to(child: &ChildLine, saved: &str) {
    let page = crate::links::guardian_line(&child.account_id, &child.subscriber_id, &child.line);
    redirect(&crate::links::with_notice(&page, "saved", saved));
}

#[server(endpoint = "guardian/switches")]
pub async fn set_guardian_switches(#[server(flatten)] form: SwitchesForm) -> Result<(), AppError> {
    let ctx = in_account(Action::ManageGuardian, &form.child.account_id).await?;
    super::service::set_switches(&ctx, &form).await?;
    back_to(&form.child, "switches");
    Ok(())
}

#[server(endpoint = "guardian/relation")]
pub async fn set_guardian_relation(#[server(flatten)] form: RelationForm) -> Result<(), AppError> {
    let ctx = in_account(Action::ManageGuardian, &form.child.account_id).await?;
    super::service::set_relation(&ctx, &form).await?;
    back_to(&form.child, "guardians");
    Ok(())
}

#[server(endpoint = "guardian/call-filter")]
pub async fn save_call_filter(#[server(flatten)] form: CallFilterForm) -> Result<(), AppError> {
    let ctx = in_account(Action::ManageGuardian, &form.child.account_id).await?;
    super::service::save_call_filter(&ctx, &form).await?;
    back_to(&form.child, "calls");
    Ok(())
}

#[server(endpoint = "guardian/message-filter")]
pub async fn save_message_filter(#[server(flatten)] form: MessageFilterForm) -> Result<(), AppError> {
    let ctx = in_account(Action::ManageGuardian, &form.child.account_id).await?;
    super::service::save_message_filter(&ctx, &form).await?;
    back_to(&form.child, "messages");
    Ok(())
}

#[server(endpoint = "guardian/list")]
pub async fn edit_guardian_list(#[server(flatten)] form: ListEditForm) -> Result<(), AppError> {
    let ctx = in_account(Action::ManageGuardian, &form.child.account_id).await?;
    super::lists::edit_list(&ctx, &form).await?;
    back_to(&form.child, &format!("{}-{}", form.filter, form.list));
    Ok(())
}
