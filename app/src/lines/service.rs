//! A family's lines: their data use, read with one batched `data-usage/info`
//! and one `data-usage/settings` call for all lines of a page; data limits
//! and renewal for one or several lines; one line's page and voicemail.

use std::collections::HashMap;

use telegent::ops::numbers::{
    DataUsageInfoEntry, DataUsageLimitsRequest, DataUsageSettingsEntry, PhoneNumberRequest, PhoneNumbersRequest,
    RenewalInfoRequest, VoicemailRequest,
};
use telegent::phone;
use telegent::types::NumberEntry;

use super::api::VoicemailForm;
use super::model::{Behaviour, LineDetail, LineSummary, LineUsage, RenewalView, UsageSample, VoicemailView};
use super::rules::{voicemail_name_problem, Renewal, RenewalPeriod, Thresholds, DEFAULT_LIMIT_MB};
use crate::accounts::service::account_subscribers;
use crate::error::AppError;
use crate::guardian::model::GuardianSummary;
use crate::policy::Action;
use crate::ssr::audit;
use crate::ssr::context::InAccount;
use crate::ssr::{AppState, Tenant};

const KB_PER_MB: u64 = 1024;

/// "150.5 MB", "1.2 GB", "512 KB", "0 B" → kilobytes.
pub fn parse_amount_kb(text: &str) -> Option<u64> {
    let mut parts = text.split_whitespace();
    let value: f64 = parts.next()?.parse().ok()?;
    let per = match parts.next().unwrap_or("KB").to_ascii_uppercase().as_str() {
        "B" => 1.0 / 1024.0,
        "KB" => 1.0,
        "MB" => 1024.0,
        "GB" => 1024.0 * 1024.0,
        "TB" => 1024.0 * 1024.0 * 1024.0,
        _ => return None,
    };
    Some((value * per).round().max(0.0) as u64)
}

fn unit_kb(unit: Option<&str>) -> u64 {
    match unit.unwrap_or("MB").to_ascii_uppercase().as_str() {
        "KB" => 1,
        "GB" => 1024 * 1024,
        "TB" => 1024 * 1024 * 1024,
        _ => KB_PER_MB,
    }
}

fn behaviour(text: Option<&str>) -> Behaviour {
    match text.unwrap_or("").to_ascii_lowercase().as_str() {
        "active" | "normal" => Behaviour::Normal,
        "notified" | "notify" => Behaviour::Notified,
        "throttled" => Behaviour::Throttled,
        "blocked" | "limited" => Behaviour::Blocked,
        _ => Behaviour::Unknown,
    }
}

/// One line's usage from the two batched answers.
pub fn line_usage(info: Option<&DataUsageInfoEntry>, settings: Option<&DataUsageSettingsEntry>) -> LineUsage {
    // An entry that could not be read counts as absent, and the line says so.
    let unreadable = info.is_some_and(|i| i.unreadable.is_some()) || settings.is_some_and(|s| s.unreadable.is_some());
    let info = info.filter(|i| i.unreadable.is_none());
    let settings = settings.filter(|s| s.unreadable.is_none());
    let per = unit_kb(settings.and_then(|s| s.value_unit.as_deref()));
    // Saturating: a stored value far past what the portal allows still shows.
    let to_kb = |v: Option<i64>| v.filter(|v| *v > 0).map(|v| (v as u64).saturating_mul(per));
    let limit_kb = settings
        .and_then(|s| to_kb(s.limit_value))
        .unwrap_or(DEFAULT_LIMIT_MB as u64 * KB_PER_MB);
    let is_default =
        settings.is_none_or(|s| s.limit_value.is_none() || s.status_message.as_deref() == Some("Platform default"));
    LineUsage {
        used_kb: info
            .and_then(|i| i.used.as_deref())
            .and_then(parse_amount_kb)
            .unwrap_or(0),
        limit_kb,
        notify_kb: settings.and_then(|s| to_kb(s.notify_value)),
        throttle_kb: settings.and_then(|s| to_kb(s.throttle_value)),
        throttle_speed: settings.and_then(|s| s.throttle_speed.clone()),
        behaviour: behaviour(info.and_then(|i| i.current_behavior.as_deref())),
        is_default: is_default && !unreadable,
        unreadable,
        renewal: settings.and_then(|s| s.renewal_info.as_ref()).and_then(|r| {
            Some(RenewalView {
                // Telegent writes `M` or `W`; anything else reads as monthly, its default.
                period: RenewalPeriod::from_code(r.period_type.as_deref()?).unwrap_or(RenewalPeriod::Monthly),
                day: r.renewal_day?,
                auto_renew: r.auto_renew.unwrap_or(false),
            })
        }),
    }
}

/// Usage and settings for many lines: one call each, whatever the number of lines.
pub async fn usage_of(tenant: &Tenant, msisdns: &[String]) -> Result<HashMap<String, LineUsage>, AppError> {
    Ok(usage_read(tenant, msisdns).await?)
}

/// As [`usage_of`]; when the budget is spent and the client has no copy of
/// its own to serve, the read model's copy from the last sweep instead (all
/// the lines, or none), with its age in seconds. A tight budget then costs
/// a family page nothing upstream for its usage.
pub async fn usage_or_copy(
    state: &crate::ssr::AppState,
    tenant: &Tenant,
    msisdns: &[String],
) -> Result<(HashMap<String, LineUsage>, Option<u64>), AppError> {
    match usage_read(tenant, msisdns).await {
        Ok(usage) => Ok((usage, None)),
        Err(busy @ (telegent::TelegentError::Busy { .. } | telegent::TelegentError::RateLimited { .. })) => {
            match crate::read_model::usage_copy::usage_copy(&state.pool, &tenant.distributor_id, msisdns).await? {
                Some((copy, age)) => {
                    tracing::info!(
                        lines = copy.len(),
                        age_s = age,
                        "budget spent: usage from the read model"
                    );
                    Ok((copy, Some(age)))
                }
                None => Err(busy.into()),
            }
        }
        Err(other) => Err(other.into()),
    }
}

async fn usage_read(
    tenant: &Tenant,
    msisdns: &[String],
) -> Result<HashMap<String, LineUsage>, telegent::TelegentError> {
    if msisdns.is_empty() {
        return Ok(HashMap::new());
    }
    let request = PhoneNumbersRequest {
        phone_numbers: NumberEntry::list(msisdns),
    };
    let (info, settings) = tokio::join!(
        tenant.client.data_usage_info(&request),
        tenant.client.data_usage_settings(&request)
    );
    let (info, settings) = (info?, settings?);
    let info: HashMap<String, DataUsageInfoEntry> = info
        .phone_numbers
        .into_iter()
        .filter_map(|e| Some((e.number.clone()?, e)))
        .collect();
    let settings: HashMap<String, DataUsageSettingsEntry> = settings
        .phone_numbers
        .into_iter()
        .filter_map(|e| Some((e.number.clone()?, e)))
        .collect();
    Ok(msisdns
        .iter()
        .map(|m| (m.clone(), line_usage(info.get(m), settings.get(m))))
        .collect())
}

/// The AI Guardian's state for one child (cached reads).
pub async fn guardian_of(tenant: &Tenant, subscriber_id: &str) -> Result<GuardianSummary, AppError> {
    let (features, filters, call_filters) = tokio::join!(
        tenant.client.guardian_features(subscriber_id, None),
        tenant.client.message_filters(Some(subscriber_id), None, None),
        tenant.client.call_filters(Some(subscriber_id), None, None),
    );
    let features = features?;
    let filter = filters.ok().and_then(|f| f.into_iter().next());
    Ok(GuardianSummary {
        calls_on: features.enable_intelligent_guardian_calls.unwrap_or(false),
        messages_on: features.enable_intelligent_guardian_messages.unwrap_or(false),
        message_filter: filter
            .as_ref()
            .and_then(|f| f.filter_mode.as_deref())
            .map(crate::guardian::model::message_mode_label),
        allowed: filter.as_ref().map_or(0, |f| f.allowed_contacts.len()),
        blocked: filter.as_ref().map_or(0, |f| f.blocked_contacts.len()),
        // Every line's call filter of the child counts.
        calls_blocked: call_filters.map_or(0, |all| all.iter().map(|f| f.blocked_numbers.len()).sum()),
    })
}

pub fn summary(msisdn: &str, usage: LineUsage) -> LineSummary {
    LineSummary {
        msisdn: msisdn.to_string(),
        display: phone::format_for_display(msisdn),
        usage,
    }
}

/// One line's data use now, and whose line it is.
pub struct LineSample<'a> {
    pub msisdn: &'a str,
    pub subscriber_id: &'a str,
    pub used_kb: u64,
}

/// Remembers what each line had used, for the chart: a sample when the
/// figure changed or five minutes passed; samples older than 40 days (more
/// than any cycle) are dropped.
pub async fn sample_usage(state: &AppState, account_id: &str, lines: &[LineSample<'_>]) -> Result<(), AppError> {
    let now = state.clock.now();
    for LineSample {
        msisdn,
        subscriber_id,
        used_kb,
    } in lines
    {
        let last: Option<(i64, i64)> = sqlx::query_as(
            "SELECT at, used_kb FROM usage_samples WHERE msisdn = $1 AND account_id = $2 AND subscriber_id = $3 \
             ORDER BY at DESC LIMIT 1",
        )
        .bind(msisdn)
        .bind(account_id)
        .bind(subscriber_id)
        .fetch_optional(&state.pool)
        .await?;
        let due = last.is_none_or(|(at, kb)| now - at >= 300 || kb as u64 != *used_kb);
        if due {
            sqlx::query("DELETE FROM usage_samples WHERE msisdn = $1 AND at < $2")
                .bind(msisdn)
                .bind(now - 40 * 24 * 3600)
                .execute(&state.pool)
                .await?;
            sqlx::query(
                "INSERT INTO usage_samples (msisdn, at, used_kb, account_id, subscriber_id) VALUES ($1, $2, $3, $4, $5) \
                 ON CONFLICT (msisdn, at) DO UPDATE SET used_kb = excluded.used_kb, \
                 account_id = excluded.account_id, subscriber_id = excluded.subscriber_id",
            )
            .bind(msisdn)
            .bind(now)
            .bind(i64::try_from(*used_kb).unwrap_or(i64::MAX))
            .bind(account_id)
            .bind(subscriber_id)
            .execute(&state.pool)
            .await?;
        }
    }
    Ok(())
}

/// The named lines (E.164, each once), when every one belongs to the
/// Account (anything else is "not found") and the caller may change each:
/// a line belongs to its owner, and rank inside the Account decides (a
/// Manager changes Subscribers' lines and their own). One read of the
/// Account's members serves both checks.
pub async fn lines_to_change(ctx: &InAccount, numbers: &[String], action: &str) -> Result<Vec<String>, AppError> {
    if numbers.is_empty() {
        return Err(AppError::invalid("numbers", "Choose at least one line."));
    }
    let members = account_subscribers(&ctx.tenant.client, &ctx.account_id).await?;
    // Every line is looked up before any rank is checked: a foreign line
    // anywhere in the list is "not found", never "not allowed".
    let mut chosen: Vec<(String, &telegent::types::Subscriber)> = Vec::new();
    for number in numbers {
        let e164 = phone::normalize_e164(number).map_err(|_| AppError::NotFound)?;
        let owner = members
            .iter()
            .find(|m| m.phone_numbers.contains(&e164))
            .ok_or(AppError::NotFound)?;
        if !chosen.iter().any(|(line, _)| *line == e164) {
            chosen.push((e164, owner));
        }
    }
    for (_, owner) in &chosen {
        ctx.may_act_on(owner, action).await?;
    }
    Ok(chosen.into_iter().map(|(line, _)| line).collect())
}

pub async fn line_detail(ctx: &InAccount, msisdn: &str) -> Result<LineDetail, AppError> {
    let InAccount {
        state,
        caller,
        tenant,
        account_id,
    } = ctx;
    // The line and its owner in one look at the Account's lines; another
    // Account's line is "not found".
    let wanted = phone::normalize_e164(msisdn).map_err(|_| AppError::NotFound)?;
    let members = account_subscribers(&tenant.client, account_id).await?;
    let (owner, owner_id) = match members.iter().find(|s| s.phone_numbers.contains(&wanted)) {
        Some(holder) => (holder.name.clone(), holder.subscriber_id.clone()),
        // A line nobody holds yet (a spare SIM): still this Account's to show
        // when Telegent says so; anything else is "not found" as before.
        None => {
            // Read afresh: a copy from before a transfer must not open a
            // line that has since left for another Account.
            let details = tenant.client.fresh().number_details(&wanted).await?;
            let nobody = details.assigned_subscriber_id.as_deref().is_none_or(str::is_empty);
            if details.account_id.as_deref() != Some(account_id.as_str()) || !nobody {
                return Err(AppError::NotFound);
            }
            (String::new(), String::new())
        }
    };
    let line = wanted.clone();
    let account = tenant.client.account(account_id).await?;
    let usage = usage_of(tenant, std::slice::from_ref(&line))
        .await?
        .remove(&line)
        .unwrap_or_else(|| line_usage(None, None));
    let sample = LineSample {
        msisdn: &line,
        subscriber_id: &owner_id,
        used_kb: usage.used_kb,
    };
    if !owner_id.is_empty() {
        sample_usage(state, account_id, &[sample]).await?;
    }
    // Only this assignment's history: a number that changed hands starts afresh.
    let rows: Vec<(i64, i64)> = sqlx::query_as(
        "SELECT at, used_kb FROM usage_samples WHERE msisdn = $1 AND account_id = $2 AND subscriber_id = $3 ORDER BY at",
    )
    .bind(&line)
    .bind(account_id)
    .bind(&owner_id)
    .fetch_all(&state.pool)
    .await?;
    Ok(LineDetail {
        account_id: account.account_id,
        account_name: account.account_name,
        owner,
        samples: current_cycle(&rows),
        voicemail: voicemail_of(tenant, &line).await,
        line: summary(&line, usage),
        // Limits are set for a person's line (see `lines_to_change`).
        can_manage: caller.allows(Action::ManageDataLimits) && !owner_id.is_empty(),
    })
}

async fn voicemail_of(tenant: &Tenant, line: &str) -> Option<VoicemailView> {
    let info = tenant
        .client
        .voicemail_info(&PhoneNumberRequest {
            phone_number: line.to_string(),
            ..PhoneNumberRequest::default()
        })
        .await
        .ok()?;
    Some(VoicemailView {
        enabled: info.voicemail_enabled.unwrap_or(false),
        email: info.email.unwrap_or_default(),
        first_name: info.first_name.unwrap_or_default(),
        last_name: info.last_name.unwrap_or_default(),
    })
}

/// Turns voicemail on (a PIN is needed) or updates it.
pub async fn save_voicemail(ctx: &InAccount, input: &VoicemailForm) -> Result<(), AppError> {
    let InAccount {
        state,
        caller,
        tenant,
        account_id,
    } = ctx;
    let msisdn = input.msisdn.as_str();
    let line = lines_to_change(ctx, &[msisdn.to_string()], "SaveVoicemail")
        .await?
        .remove(0);
    let pin = input.pin.trim();
    let pin_ok = (4..=10).contains(&pin.len()) && pin.chars().all(|c| c.is_ascii_digit());
    let email = input.email.trim();
    let email_ok = email.contains('@') && email.contains('.') && !email.contains(' ');
    let (first_name, last_name) = (input.first_name.trim(), input.last_name.trim());
    let enabled = voicemail_of(tenant, &line).await.is_some_and(|v| v.enabled);
    // Every problem at once, each at its field.
    let mut problems = Vec::new();
    if !pin.is_empty() && !pin_ok {
        problems.push(AppError::invalid("pin", "The PIN is 4 to 10 digits."));
    } else if !enabled && pin.is_empty() {
        problems.push(AppError::invalid("pin", "Choose a PIN to turn voicemail on."));
    }
    if !email.is_empty() && !email_ok {
        problems.push(AppError::invalid(
            "email",
            "Enter an e-mail address like name@example.com, or leave it empty.",
        ));
    }
    for (field, value) in [("first_name", first_name), ("last_name", last_name)] {
        if let Some(problem) = voicemail_name_problem(value) {
            problems.push(AppError::invalid(field, problem));
        }
    }
    if let Some(refusal) = AppError::from_field_errors(problems) {
        return Err(refusal);
    }
    let request = VoicemailRequest {
        phone_number: line.clone(),
        pin: (!pin.is_empty()).then(|| pin.to_string()),
        email: (!email.is_empty()).then(|| email.to_string()),
        first_name: Some(first_name.to_string()).filter(|s| !s.is_empty()),
        last_name: Some(last_name.to_string()).filter(|s| !s.is_empty()),
        ..VoicemailRequest::default()
    };
    let action = if enabled {
        "UpdateVoicemail"
    } else {
        "ActivateVoicemail"
    };
    let entry = caller.audit_in(tenant, account_id, action, &[&line]);
    // Never the PIN in the log.
    // What changed in words; never the PIN itself.
    let mut parts = vec![if enabled {
        "voicemail updated".to_string()
    } else {
        "voicemail turned on".to_string()
    }];
    if !pin.is_empty() {
        parts.push("new PIN".into());
    }
    if !email.is_empty() {
        parts.push(format!("messages to {email}"));
    }
    let greeting: Vec<&str> = [first_name, last_name].into_iter().filter(|n| !n.is_empty()).collect();
    if !greeting.is_empty() {
        parts.push(format!("greets as {}", greeting.join(" ")));
    }
    let detail = parts.join(", ");
    audit::around(&state.pool, &entry, &detail, async {
        if enabled {
            tenant.client.update_voicemail(&request).await
        } else {
            tenant.client.activate_voicemail(&request).await
        }
    })
    .await?;
    Ok(())
}

pub async fn delete_voicemail(ctx: &InAccount, msisdn: &str) -> Result<(), AppError> {
    let InAccount {
        state,
        caller,
        tenant,
        account_id,
    } = ctx;
    let line = lines_to_change(ctx, &[msisdn.to_string()], "DeleteVoicemail")
        .await?
        .remove(0);
    let entry = caller.audit_in(tenant, account_id, "DeleteVoicemail", &[&line]);
    let request = PhoneNumberRequest {
        phone_number: line.clone(),
        ..PhoneNumberRequest::default()
    };
    let detail = format!(
        "voicemail of {} deleted with its greeting and messages",
        telegent::phone::format_for_display(&line)
    );
    audit::around(&state.pool, &entry, &detail, tenant.client.delete_voicemail(&request)).await?;
    Ok(())
}

/// The samples since usage last went down (a renewal or reset), as seconds
/// since the first of them.
fn current_cycle(rows: &[(i64, i64)]) -> Vec<UsageSample> {
    let start = rows.windows(2).rposition(|w| w[1].1 < w[0].1).map_or(0, |i| i + 1);
    let cycle = &rows[start..];
    let t0 = cycle.first().map_or(0, |r| r.0);
    cycle
        .iter()
        .map(|(at, kb)| UsageSample {
            seconds: at - t0,
            used_kb: (*kb).max(0) as u64,
        })
        .collect()
}

/// Sets the same thresholds on every chosen line (one call), audited before
/// and after.
pub async fn set_limits(ctx: &InAccount, numbers: &[String], thresholds: &Thresholds) -> Result<Vec<String>, AppError> {
    let InAccount {
        state,
        caller,
        tenant,
        account_id,
    } = ctx;
    let lines = lines_to_change(ctx, numbers, "SetDataLimits").await?;
    let targets: Vec<&str> = lines.iter().map(String::as_str).collect();
    let entry = caller.audit_in(tenant, account_id, "SetDataLimits", &targets);
    let detail = format!(
        "warn at {}, slow down at {}, block at {} MB{}",
        thresholds.notify_mb.map_or("none".into(), |v| format!("{v} MB")),
        thresholds.throttle_mb.map_or("never".into(), |v| format!("{v} MB")),
        thresholds.limit_mb,
        thresholds
            .throttle_speed
            .as_deref()
            .map(|s| format!(", slowed to {}", super::rules::speed_label(s)))
            .unwrap_or_default()
    );
    let request = DataUsageLimitsRequest {
        value_unit: "MB".into(),
        notify_value: thresholds.notify_mb,
        throttle_value: thresholds.throttle_mb,
        throttle_speed: thresholds.throttle_speed.clone(),
        limit_value: thresholds.limit_mb,
        phone_numbers: NumberEntry::list(&lines),
    };
    audit::around(
        &state.pool,
        &entry,
        &detail,
        tenant.client.set_data_usage_limits(&request),
    )
    .await?;
    crate::read_model::write_through::limits_set(&state.pool, &tenant.distributor_id, &lines, thresholds.limit_mb)
        .await;
    Ok(lines)
}

/// Sets the renewal cycle of the chosen lines; `reset` also sets their usage to zero.
pub async fn set_renewal(
    ctx: &InAccount,
    numbers: &[String],
    renewal: &Renewal,
    auto_renew: bool,
    reset: bool,
) -> Result<(), AppError> {
    let InAccount {
        state,
        caller,
        tenant,
        account_id,
    } = ctx;
    let (period, day) = (renewal.period, renewal.day);
    let lines = lines_to_change(ctx, numbers, "SetRenewal").await?;
    let targets: Vec<&str> = lines.iter().map(String::as_str).collect();
    let action = if reset { "ResetDataUsage" } else { "SetRenewal" };
    let entry = caller.audit_in(tenant, account_id, action, &targets);
    let request = RenewalInfoRequest {
        phone_numbers: NumberEntry::list(&lines),
        reset_usage: reset.then_some(true),
        auto_renew,
        period_type: period.code().into(),
        period_value: Some(1),
        renewal_day: day,
    };
    let detail = format!(
        "{} day {day}{}{}",
        if period == RenewalPeriod::Weekly {
            "weekly"
        } else {
            "monthly"
        },
        if auto_renew { ", auto-renew" } else { "" },
        if reset { ", usage reset" } else { "" }
    );
    audit::around(
        &state.pool,
        &entry,
        &detail,
        tenant.client.update_renewal_info(&request),
    )
    .await?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn amounts_as_telegent_writes_them() {
        assert_eq!(parse_amount_kb("0 B"), Some(0));
        assert_eq!(parse_amount_kb("512 KB"), Some(512));
        assert_eq!(parse_amount_kb("1.5 MB"), Some(1536));
        assert_eq!(parse_amount_kb("2 GB"), Some(2 * 1024 * 1024));
        assert_eq!(parse_amount_kb("lots"), None);
    }

    #[test]
    fn the_chart_starts_at_the_last_reset() {
        let rows = [(100, 10), (200, 50), (300, 5), (400, 20)];
        let sample = |seconds, used_kb| UsageSample { seconds, used_kb };
        assert_eq!(current_cycle(&rows), vec![sample(0, 5), sample(100, 20)]);
        assert_eq!(current_cycle(&[]), vec![]);
    }
}
