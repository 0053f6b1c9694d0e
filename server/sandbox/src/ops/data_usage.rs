//! Data limits per number: thresholds (notify < throttle < limit, strictly
//! ascending and positive), renewal cycles, and live usage with the current
//! behaviour. Batch operations answer per number: a number that is missing or
//! not the caller's fails alone, with the same message either way.

use serde_json::{json, Value};

use super::{phone_list, Handler};
use crate::api::{ApiError, Ctx};
use crate::collections::number;
use crate::validate::get;
use crate::world::{DataLimits, Number, Renewal, World};

pub fn handler(key: &str) -> Option<Handler> {
    Some(match key {
        "POST /v1.0/numbers/data-usage" => set_limits,
        "POST /v1.0/numbers/data-usage/settings" => settings,
        "POST /v1.0/numbers/data-usage/info" => info,
        "POST /v1.0/numbers/data-usage/update-renewal-info" => renewal,
        _ => return None,
    })
}

/// The platform's limit for a number with no settings.
pub const DEFAULT_LIMIT_KB: u64 = 20 * 1024;

fn unit_kb(unit: &str) -> Option<u64> {
    match unit.trim().to_ascii_uppercase().as_str() {
        "KB" => Some(1),
        "MB" => Some(1024),
        "GB" => Some(1024 * 1024),
        "TB" => Some(1024 * 1024 * 1024),
        _ => None,
    }
}

/// A positive threshold value, or a message naming the field.
fn threshold(input: &Value, field: &str) -> Result<Option<f64>, ApiError> {
    let Some(v) = get(input, field).filter(|v| !v.is_null()) else {
        return Ok(None);
    };
    let n = v.as_f64().or_else(|| v.as_str().and_then(|s| s.trim().parse().ok()));
    match n {
        Some(n) if n > 0.0 => Ok(Some(n)),
        _ => Err(ApiError::bad_request(format!(
            "The {field} field must be a positive number."
        ))),
    }
}

/// Reads and checks thresholds: positive, and notify < throttle < limit.
pub fn limits_from(input: &Value) -> Result<DataLimits, ApiError> {
    let unit = get(input, "ValueUnit")
        .and_then(Value::as_str)
        .unwrap_or("MB")
        .to_string();
    let per =
        unit_kb(&unit).ok_or_else(|| ApiError::bad_request("The ValueUnit field must be one of: MB, KB, GB, TB."))?;
    let limit = threshold(input, "LimitValue")?.ok_or_else(|| ApiError::required("LimitValue"))?;
    let notify = threshold(input, "NotifyValue")?;
    let throttle = threshold(input, "ThrottleValue")?;
    if let Some(t) = throttle {
        if t >= limit {
            return Err(ApiError::bad_request(
                "The ThrottleValue field must be less than LimitValue.",
            ));
        }
    }
    if let Some(n) = notify {
        if n >= limit {
            return Err(ApiError::bad_request(
                "The NotifyValue field must be less than LimitValue.",
            ));
        }
        if throttle.is_some_and(|t| n >= t) {
            return Err(ApiError::bad_request(
                "The NotifyValue field must be less than ThrottleValue.",
            ));
        }
    }
    let speed = get(input, "ThrottleSpeed").and_then(Value::as_str).map(str::to_string);
    if throttle.is_some() && speed.is_none() {
        return Err(ApiError::required("ThrottleSpeed"));
    }
    let kb = |v: f64| (v * per as f64).round() as u64;
    Ok(DataLimits {
        unit,
        notify_kb: notify.map(kb),
        throttle_kb: throttle.map(kb),
        limit_kb: kb(limit),
        throttle_speed: speed,
    })
}

/// The caller's numbers by MSISDN: built once per batch (a batch holds up
/// to hundreds of numbers; one lookup each over every number was quadratic).
fn numbers_by_msisdn<'w>(world: &'w World, did: &str) -> std::collections::HashMap<&'w str, &'w Number> {
    world
        .numbers
        .values()
        .filter(|n| world.account_in(did, &n.account_id).is_some())
        .fold(std::collections::HashMap::new(), |mut by, n| {
            // The first in ID order, as a lookup by MSISDN has always answered.
            by.entry(n.msisdn.as_str()).or_insert(n);
            by
        })
}

/// The number in the caller's scope, by MSISDN.
fn number_id(world: &World, did: &str, msisdn: &str) -> Option<String> {
    world
        .numbers
        .values()
        .find(|n| n.msisdn == msisdn && world.account_in(did, &n.account_id).is_some())
        .map(|n| n.id.clone())
}

fn not_found_row(msisdn: &str) -> Value {
    json!({ "Number": msisdn, "Status": "Failed", "StatusMessage": "Number not found." })
}

fn requested(ctx: &Ctx<'_>) -> Result<Vec<String>, ApiError> {
    let numbers = phone_list(ctx.input, "PhoneNumbers");
    if numbers.is_empty() {
        return Err(ApiError::required("PhoneNumbers"));
    }
    Ok(numbers)
}

fn set_limits(ctx: &Ctx<'_>) -> Result<Value, ApiError> {
    let did = ctx.distributor_id()?.to_string();
    let limits = limits_from(ctx.input)?;
    let numbers = requested(ctx)?;
    let rows = ctx.sandbox.mutate(|w| {
        numbers
            .iter()
            .map(|msisdn| match number_id(w, &did, msisdn) {
                Some(id) => {
                    if let Some(n) = w.numbers.get_mut(&id) {
                        n.data_limits = Some(limits.clone());
                    }
                    json!({ "Number": msisdn, "Status": "Success", "StatusMessage": "" })
                }
                None => not_found_row(msisdn),
            })
            .collect::<Vec<_>>()
    });
    let mut out = ctx.input.clone();
    out["Status"] = json!(batch_status(&rows));
    out["StatusMessage"] = json!("");
    out["PhoneNumbers"] = json!(rows);
    Ok(out)
}

fn batch_status(rows: &[Value]) -> &'static str {
    if rows.iter().all(|r| r["Status"] != "Failed") {
        "Complete"
    } else if rows.iter().any(|r| r["Status"] != "Failed") {
        "Partial"
    } else {
        "Failed"
    }
}

/// Kilobytes shown in the unit the thresholds were set in.
fn in_unit(kb: u64, unit: &str) -> f64 {
    let per = unit_kb(unit).unwrap_or(1024) as f64;
    (kb as f64 / per * 100.0).round() / 100.0
}

fn settings(ctx: &Ctx<'_>) -> Result<Value, ApiError> {
    let did = ctx.distributor_id()?;
    let world = ctx.sandbox.snapshot();
    let in_scope = numbers_by_msisdn(&world, did);
    let rows: Vec<Value> = requested(ctx)?
        .iter()
        .map(|msisdn| match in_scope.get(msisdn.as_str()) {
            Some(n) => settings_row(n),
            None => not_found_row(msisdn),
        })
        .collect();
    Ok(json!({ "PhoneNumbers": rows, "Status": batch_status(&rows) }))
}

fn settings_row(n: &Number) -> Value {
    let default = DataLimits {
        unit: "MB".into(),
        limit_kb: DEFAULT_LIMIT_KB,
        ..DataLimits::default()
    };
    let l = n.data_limits.as_ref().unwrap_or(&default);
    let mut row = json!({
        "Number": n.msisdn,
        "Status": "Success",
        "StatusMessage": if n.data_limits.is_none() { "Platform default" } else { "" },
        "ValueUnit": l.unit,
        "NotifyValue": l.notify_kb.map(|v| number(in_unit(v, &l.unit))),
        "ThrottleValue": l.throttle_kb.map(|v| number(in_unit(v, &l.unit))),
        "LimitValue": number(in_unit(l.limit_kb, &l.unit)),
        "ThrottleSpeed": l.throttle_speed,
    });
    if let Some(r) = &n.renewal {
        row["RenewalInfo"] = json!({
            "PeriodType": r.period_type, "PeriodValue": r.period_value,
            "RenewalDay": r.renewal_day, "AutoRenew": r.auto_renew,
        });
    }
    row
}

/// What the network does to the line now, from its usage and thresholds.
pub fn behavior(n: &Number) -> &'static str {
    let limit = n.data_limits.as_ref().map_or(DEFAULT_LIMIT_KB, |l| l.limit_kb);
    let throttle = n.data_limits.as_ref().and_then(|l| l.throttle_kb);
    let notify = n.data_limits.as_ref().and_then(|l| l.notify_kb);
    if n.used_kb >= limit {
        "Blocked"
    } else if throttle.is_some_and(|t| n.used_kb >= t) {
        "Throttled"
    } else if notify.is_some_and(|t| n.used_kb >= t) {
        "Notified"
    } else {
        "Active"
    }
}

fn human(kb: u64) -> String {
    match kb {
        0 => "0 B".into(),
        k if k < 1024 => format!("{k} KB"),
        k if k < 1024 * 1024 => format!("{} MB", (k as f64 / 1024.0 * 100.0).round() / 100.0),
        k => format!("{} GB", (k as f64 / 1024.0 / 1024.0 * 100.0).round() / 100.0),
    }
}

fn info(ctx: &Ctx<'_>) -> Result<Value, ApiError> {
    let did = ctx.distributor_id()?;
    let world = ctx.sandbox.snapshot();
    let in_scope = numbers_by_msisdn(&world, did);
    let rows: Vec<Value> = requested(ctx)?
        .iter()
        .map(|msisdn| match in_scope.get(msisdn.as_str()) {
            Some(n) => {
                let limit = n.data_limits.as_ref().map_or(DEFAULT_LIMIT_KB, |l| l.limit_kb);
                json!({
                    "Number": n.msisdn,
                    "Status": n.status.to_ascii_uppercase(),
                    "StatusMessage": "",
                    "Used": human(n.used_kb),
                    "Remaining": human(limit.saturating_sub(n.used_kb)),
                    "UsedKB": n.used_kb,
                    "LimitKB": limit,
                    "CurrentBehavior": behavior(n),
                })
            }
            None => not_found_row(msisdn),
        })
        .collect();
    Ok(json!({ "PhoneNumbers": rows, "Status": batch_status(&rows) }))
}

fn renewal(ctx: &Ctx<'_>) -> Result<Value, ApiError> {
    let did = ctx.distributor_id()?.to_string();
    let period_type = ctx.str_field("PeriodType").unwrap_or_default().to_ascii_uppercase();
    let day = ctx
        .str_field("RenewalDay")
        .and_then(|d| d.parse::<u32>().ok())
        .unwrap_or(0);
    let max_day = if period_type == "W" { 7 } else { 31 };
    if !(1..=max_day).contains(&day) {
        return Err(ApiError::bad_request(format!(
            "The RenewalDay field must be between 1 and {max_day} for {} cycles.",
            if period_type == "W" { "weekly" } else { "monthly" }
        )));
    }
    let flag = |name: &str| match get(ctx.input, name) {
        Some(Value::Bool(b)) => *b,
        Some(Value::String(s)) => s.eq_ignore_ascii_case("true"),
        _ => false,
    };
    let renewal = Renewal {
        period_type,
        period_value: ctx.str_field("PeriodValue").and_then(|v| v.parse().ok()).unwrap_or(1),
        renewal_day: day,
        auto_renew: flag("AutoRenew"),
    };
    let reset = flag("ResetUsage");
    let numbers = requested(ctx)?;
    let rows = ctx.sandbox.mutate(|w| {
        numbers
            .iter()
            .map(|msisdn| match number_id(w, &did, msisdn) {
                Some(id) => {
                    if let Some(n) = w.numbers.get_mut(&id) {
                        n.renewal = Some(renewal.clone());
                        if reset {
                            n.used_kb = 0;
                        }
                    }
                    json!({ "Number": msisdn, "Status": "Success", "StatusMessage": "" })
                }
                None => not_found_row(msisdn),
            })
            .collect::<Vec<_>>()
    });
    Ok(json!({ "Status": batch_status(&rows), "StatusMessage": "", "PhoneNumbers": rows }))
}

/// Usage accrued over `minutes` of sandbox time from `from`: about 2 MB an
/// hour per active phone line and 0.2 MB for IoT; a line resets to zero when
/// its renewal day starts and it auto-renews.
pub fn accrue(w: &mut World, from: chrono::DateTime<chrono::Utc>, minutes: i64) {
    use chrono::Datelike;
    let to = from + chrono::Duration::minutes(minutes);
    let new_day = to.date_naive() != from.date_naive();
    for n in w.numbers.values_mut().filter(|n| n.status == "active") {
        if new_day {
            if let Some(r) = n.renewal.as_ref().filter(|r| r.auto_renew) {
                let today = if r.period_type == "W" {
                    to.weekday().number_from_monday()
                } else {
                    to.day()
                };
                if today == r.renewal_day {
                    n.used_kb = 0;
                }
            }
        }
        let per_hour_kb: u64 = if n.number_type == "iot" { 205 } else { 2048 };
        n.used_kb += per_hour_kb * minutes as u64 / 60;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn thresholds_must_be_positive_and_strictly_ascending() {
        let ok = json!({"ValueUnit": "MB", "NotifyValue": 10, "ThrottleValue": 15, "ThrottleSpeed": "1-mbps", "LimitValue": 20});
        let l = limits_from(&ok).unwrap();
        assert_eq!(
            (l.notify_kb, l.throttle_kb, l.limit_kb),
            (Some(10 * 1024), Some(15 * 1024), 20 * 1024)
        );
        for (body, field) in [
            (
                json!({"NotifyValue": 15, "ThrottleValue": 15, "ThrottleSpeed": "1-mbps", "LimitValue": 20}),
                "NotifyValue",
            ),
            (
                json!({"NotifyValue": 5, "ThrottleValue": 25, "ThrottleSpeed": "1-mbps", "LimitValue": 20}),
                "ThrottleValue",
            ),
            (json!({"NotifyValue": 0, "LimitValue": 20}), "NotifyValue"),
            (json!({"LimitValue": -1}), "LimitValue"),
            (json!({"NotifyValue": 5}), "LimitValue"),
            (json!({"ThrottleValue": 5, "LimitValue": 20}), "ThrottleSpeed"),
        ] {
            let err = limits_from(&body).unwrap_err();
            assert!(format!("{err:?}").contains(field), "{body} → {err:?}");
        }
        let gb = limits_from(&json!({"ValueUnit": "GB", "LimitValue": 2})).unwrap();
        assert_eq!(gb.limit_kb, 2 * 1024 * 1024);
    }
}
