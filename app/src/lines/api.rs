//! Server functions of a family's lines: one line's page, data limits for
//! one or several lines, renewal, voicemail. (Endpoint names keep their
//! `family/` prefix: links and tests out there use them.)

use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use super::model::LineDetail;
use crate::error::AppError;
use crate::form_values::flag;

#[cfg(feature = "ssr")]
use crate::{
    links,
    policy::Action,
    ssr::context::{in_account, redirect},
};

/// The data-limits form: the same thresholds for every ticked line.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct LimitsForm {
    pub account_id: String,
    /// E.164 of the ticked lines (posted as `numbers[]`).
    #[serde(default)]
    pub numbers: Vec<String>,
    /// `MB` or `GB`: the unit of the three amounts.
    pub unit: String,
    pub notify: String,
    pub throttle: String,
    pub limit: String,
    /// A throttle speed code (see `THROTTLE_SPEEDS`); empty for none.
    #[serde(default)]
    pub speed: String,
}

/// The renewal form; `reset` (a confirmed checkbox) also zeroes the usage.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct RenewalForm {
    pub account_id: String,
    #[serde(default)]
    pub numbers: Vec<String>,
    /// `M` (monthly) or `W` (weekly).
    pub period: String,
    pub day: String,
    #[serde(default, deserialize_with = "flag")]
    pub auto_renew: bool,
    #[serde(default, deserialize_with = "flag")]
    pub reset: bool,
}

/// The voicemail form; an empty PIN keeps the current one.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct VoicemailForm {
    pub account_id: String,
    pub msisdn: String,
    /// Write-only: never shown, never audited.
    #[serde(default)]
    pub pin: String,
    #[serde(default)]
    pub email: String,
    #[serde(default)]
    pub first_name: String,
    #[serde(default)]
    pub last_name: String,
}

/// A posted number as the service checked it (E.164), for the way back:
/// never the raw text (`801/../../x` normalises to a number, but must not
/// become a path).
#[cfg(feature = "ssr")]
fn as_checked(posted: &str) -> String {
    telegent::phone::normalize_e164(posted).unwrap_or_default()
}

/// One line's data settings, usage and usage chart.
#[server(endpoint = "family/line")]
pub async fn fetch_line_detail(account_id: String, msisdn: String) -> Result<LineDetail, AppError> {
    let ctx = in_account(Action::ViewNumbers, &account_id).await?;
    super::service::line_detail(&ctx, &msisdn).await
}

/// The same data limits for one or several lines of the Account.
#[server(endpoint = "family/limits")]
pub async fn set_data_limits(#[server(flatten)] form: LimitsForm) -> Result<(), AppError> {
    let ctx = in_account(Action::ManageDataLimits, &form.account_id).await?;
    // The browser checked already; the same rule again, before anything is sent.
    let thresholds =
        super::rules::check_thresholds(&form.unit, &form.notify, &form.throttle, &form.limit, &form.speed)?;
    let lines = super::service::set_limits(&ctx, &form.numbers, &thresholds).await?;
    redirect(&links::with_notice(
        &links::account_limits(&ctx.account_id),
        "saved",
        &lines.len().to_string(),
    ));
    Ok(())
}

/// Renewal cycle for one or several lines.
#[server(endpoint = "family/renewal")]
pub async fn set_renewal(#[server(flatten)] form: RenewalForm) -> Result<(), AppError> {
    let ctx = in_account(Action::ManageDataLimits, &form.account_id).await?;
    let renewal = super::rules::check_renewal(&form.period, &form.day)?;
    super::service::set_renewal(&ctx, &form.numbers, &renewal, form.auto_renew, form.reset).await?;
    let back = form
        .numbers
        .first()
        .map(|n| links::line(&ctx.account_id, &as_checked(n)))
        .unwrap_or_else(|| links::account(&ctx.account_id));
    let (key, value) = if form.reset {
        ("reset", "1")
    } else {
        ("renewal_saved", "1")
    };
    redirect(&links::with_notice(&back, key, value));
    Ok(())
}

/// Turns a line's voicemail on (with a PIN) or updates it.
#[server(endpoint = "family/voicemail")]
pub async fn save_voicemail(#[server(flatten)] form: VoicemailForm) -> Result<(), AppError> {
    let ctx = in_account(Action::ManageVoicemail, &form.account_id).await?;
    super::service::save_voicemail(&ctx, &form).await?;
    redirect(&links::with_notice(
        &links::line(&ctx.account_id, &as_checked(&form.msisdn)),
        "voicemail",
        "saved",
    ));
    Ok(())
}

/// Deletes a line's voicemail (the form asks for a confirmation first).
#[server(endpoint = "family/voicemail-delete")]
pub async fn delete_voicemail(account_id: String, msisdn: String, confirm: Option<String>) -> Result<(), AppError> {
    let ctx = in_account(Action::ManageVoicemail, &account_id).await?;
    if confirm.is_none() {
        return Err(AppError::invalid(
            "confirm",
            "Tick the box to confirm: the greeting and messages are deleted.",
        ));
    }
    super::service::delete_voicemail(&ctx, &msisdn).await?;
    redirect(&links::with_notice(
        &links::line(&ctx.account_id, &as_checked(&msisdn)),
        "voicemail",
        "deleted",
    ));
    Ok(())
}
