//! Data-limit rules, shared by the browser (checked as people type) and the
//! server (checked again before anything is sent): positive whole numbers,
//! notify < throttle < limit, a throttle speed from the documented list.
//! Telegent takes megabytes; gigabytes typed here are converted.

use serde::{Deserialize, Serialize};

use crate::error::AppError;

/// The documented throttle speeds, with how people read them.
pub const THROTTLE_SPEEDS: [(&str, &str); 9] = [
    ("64-kbps", "64 kbps (messages only)"),
    ("128-kbps", "128 kbps"),
    ("256-kbps", "256 kbps"),
    ("512-kbps", "512 kbps"),
    ("1-mbps", "1 Mbps (music)"),
    ("5-mbps", "5 Mbps (video)"),
    ("20-mbps", "20 Mbps"),
    ("50-mbps", "50 Mbps"),
    ("100-mbps", "100 Mbps"),
];

/// How a throttle speed code reads ("64-kbps" → "64 kbps"); an unknown code
/// is shown as Telegent sent it.
pub fn speed_label(code: &str) -> String {
    THROTTLE_SPEEDS
        .iter()
        .find(|(c, _)| c.eq_ignore_ascii_case(code))
        .map(|(_, label)| label.split(" (").next().unwrap_or(label).to_string())
        .unwrap_or_else(|| code.to_string())
}

/// The longest first or last name voicemail greets with.
pub const MAX_VOICEMAIL_NAME: usize = 40;

/// What is wrong with a voicemail name (both are optional), if anything.
pub fn voicemail_name_problem(name: &str) -> Option<String> {
    if name.chars().any(char::is_control) {
        return Some("Use letters, spaces and punctuation only.".into());
    }
    (name.chars().count() > MAX_VOICEMAIL_NAME).then(|| {
        format!(
            "At most {MAX_VOICEMAIL_NAME} characters (this has {}).",
            name.chars().count()
        )
    })
}

/// The platform's limit for a line nobody has set one for.
pub const DEFAULT_LIMIT_MB: i64 = 20;

/// Thresholds ready to send, in MB.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Thresholds {
    pub notify_mb: Option<i64>,
    pub throttle_mb: Option<i64>,
    pub limit_mb: i64,
    pub throttle_speed: Option<String>,
}

/// The most a threshold may be: 1,024 GB a cycle. Telegent stores any
/// number it is sent, and a value past what its answers can carry broke
/// every page of the family that read it back.
pub const MAX_AMOUNT_MB: i64 = 1024 * 1024;

fn amount(field: &str, label: &str, text: &str, per_unit: i64) -> Result<Option<i64>, AppError> {
    let text = text.trim();
    if text.is_empty() {
        return Ok(None);
    }
    let too_large = || AppError::invalid(field, format!("{label} can be at most 1,048,576 MB (1,024 GB)."));
    match text.parse::<i64>() {
        Ok(value) if value > 0 => match value.checked_mul(per_unit) {
            Some(mb) if mb <= MAX_AMOUNT_MB => Ok(Some(mb)),
            _ => Err(too_large()),
        },
        Ok(_) => Err(AppError::invalid(field, format!("{label} must be more than 0."))),
        // All digits but past i64: too large, not "not a number".
        Err(_) if text.bytes().all(|b| b.is_ascii_digit()) => Err(too_large()),
        Err(_) => Err(AppError::invalid(
            field,
            format!("{label} must be a whole number, like 500."),
        )),
    }
}

/// Checks what was typed. Every broken rule is reported, each at its field
/// (one [`AppError::Invalid`], or [`AppError::InvalidFields`] for several).
pub fn check_thresholds(
    unit: &str,
    notify: &str,
    throttle: &str,
    limit: &str,
    speed: &str,
) -> Result<Thresholds, AppError> {
    let mut problems: Vec<AppError> = Vec::new();
    let mut keep = |result: Result<Option<i64>, AppError>| match result {
        Ok(value) => value,
        Err(problem) => {
            problems.push(problem);
            None
        }
    };
    let per_unit = match unit {
        "MB" | "" => 1,
        "GB" => 1024,
        _ => return Err(AppError::invalid("unit", "Choose MB or GB.")),
    };
    let limit_text = limit;
    let limit_mb = keep(amount("limit", "The limit", limit, per_unit));
    let notify_mb = keep(amount("notify", "The warning level", notify, per_unit));
    let throttle_mb = keep(amount("throttle", "The slow-down level", throttle, per_unit));
    if limit_text.trim().is_empty() {
        problems.push(AppError::invalid(
            "limit",
            "Enter the limit: data stops when a line reaches it.",
        ));
    }
    if let (Some(t), Some(l)) = (throttle_mb, limit_mb) {
        if t >= l {
            problems.push(AppError::invalid(
                "throttle",
                "The slow-down level must be below the limit.",
            ));
        }
    }
    match (notify_mb, throttle_mb, limit_mb) {
        (Some(n), Some(t), _) if n >= t => problems.push(AppError::invalid(
            "notify",
            "The warning level must be below the slow-down level.",
        )),
        (Some(n), None, Some(l)) if n >= l => problems.push(AppError::invalid(
            "notify",
            "The warning level must be below the limit.",
        )),
        _ => {}
    }
    let speed = speed.trim();
    let throttle_typed = !throttle.trim().is_empty();
    let throttle_speed = if speed.is_empty() {
        if throttle_typed {
            problems.push(AppError::invalid(
                "speed",
                "Choose how fast the line runs once slowed down.",
            ));
        }
        None
    } else if !THROTTLE_SPEEDS.iter().any(|(value, _)| *value == speed) {
        problems.push(AppError::invalid("speed", "Choose one of the listed speeds."));
        None
    } else {
        if !throttle_typed {
            // A speed alone would be dropped silently by the platform: say so.
            problems.push(AppError::invalid(
                "throttle",
                "Enter when to slow down, or choose \"Not slowed down\" as the speed.",
            ));
        }
        Some(speed.to_string())
    };
    if let Some(error) = AppError::from_field_errors(problems) {
        return Err(error);
    }
    Ok(Thresholds {
        notify_mb,
        throttle_mb,
        limit_mb: limit_mb.unwrap_or(DEFAULT_LIMIT_MB),
        throttle_speed: throttle_mb.and(throttle_speed),
    })
}

/// How often a line's data allowance starts again.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum RenewalPeriod {
    Monthly,
    Weekly,
}

impl RenewalPeriod {
    /// Telegent's `PeriodType`: `M` or `W`.
    pub fn code(self) -> &'static str {
        match self {
            RenewalPeriod::Monthly => "M",
            RenewalPeriod::Weekly => "W",
        }
    }

    pub fn from_code(code: &str) -> Option<Self> {
        match code {
            "M" => Some(RenewalPeriod::Monthly),
            "W" => Some(RenewalPeriod::Weekly),
            _ => None,
        }
    }
}

/// A checked renewal cycle: monthly on day 1–31 or weekly on day 1–7 (Monday = 1).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Renewal {
    pub period: RenewalPeriod,
    pub day: i64,
}

pub fn check_renewal(period: &str, day: &str) -> Result<Renewal, AppError> {
    let period =
        RenewalPeriod::from_code(period).ok_or_else(|| AppError::invalid("period", "Choose monthly or weekly."))?;
    let (max, what) = match period {
        RenewalPeriod::Monthly => (31, "day of the month (1–31)"),
        RenewalPeriod::Weekly => (7, "day of the week (1 = Monday … 7 = Sunday)"),
    };
    match day.trim().parse::<i64>() {
        Ok(d) if (1..=max).contains(&d) => Ok(Renewal { period, day: d }),
        _ => Err(AppError::invalid("day", format!("Enter the {what}."))),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn field(result: Result<Thresholds, AppError>) -> String {
        match result {
            Err(AppError::Invalid { field, .. }) => field,
            other => panic!("expected one field error, got {other:?}"),
        }
    }

    #[test]
    fn every_broken_rule_is_reported_at_once() {
        let error = check_thresholds("MB", "900", "800", "700", "").unwrap_err();
        for field in ["notify", "throttle", "speed"] {
            assert!(error.field_message(field).is_some(), "{field}: {error:?}");
        }
        assert!(error.field_message("limit").is_none());
        let error = check_thresholds("MB", "x", "y", "", "").unwrap_err();
        for field in ["notify", "throttle", "limit"] {
            assert!(error.field_message(field).is_some(), "{field}: {error:?}");
        }
    }

    #[test]
    fn amounts_are_bounded_to_what_the_platform_can_hold() {
        assert_eq!(
            check_thresholds("GB", "", "", "1024", "").unwrap().limit_mb,
            MAX_AMOUNT_MB
        );
        assert_eq!(field(check_thresholds("GB", "", "", "1025", "")), "limit");
        assert_eq!(field(check_thresholds("GB", "", "", "99999999999999", "")), "limit");
        let huge = check_thresholds("MB", "", "", "99999999999999999999999", "").unwrap_err();
        assert!(huge.to_string().contains("at most"), "{huge}");
    }

    #[test]
    fn a_speed_without_a_slow_down_amount_is_refused_not_dropped() {
        assert_eq!(field(check_thresholds("MB", "", "", "500", "1-mbps")), "throttle");
    }

    #[test]
    fn ascending_thresholds_pass_and_are_converted_to_megabytes() {
        let t = check_thresholds("GB", "1", "2", "3", "1-mbps").unwrap();
        assert_eq!(
            t,
            Thresholds {
                notify_mb: Some(1024),
                throttle_mb: Some(2048),
                limit_mb: 3072,
                throttle_speed: Some("1-mbps".into())
            }
        );
        let only_limit = check_thresholds("MB", "", "", "500", "").unwrap();
        assert_eq!(
            (only_limit.notify_mb, only_limit.throttle_mb, only_limit.limit_mb),
            (None, None, 500)
        );
    }

    #[test]
    fn each_broken_rule_is_reported_at_its_field() {
        assert_eq!(field(check_thresholds("MB", "", "", "", "")), "limit");
        assert_eq!(field(check_thresholds("MB", "", "", "0", "")), "limit");
        assert_eq!(field(check_thresholds("MB", "", "", "1.5", "")), "limit");
        assert_eq!(field(check_thresholds("MB", "", "500", "500", "1-mbps")), "throttle");
        assert_eq!(field(check_thresholds("MB", "400", "400", "500", "1-mbps")), "notify");
        assert_eq!(field(check_thresholds("MB", "600", "", "500", "")), "notify");
        assert_eq!(field(check_thresholds("MB", "-1", "", "500", "")), "notify");
        assert_eq!(field(check_thresholds("MB", "", "400", "500", "")), "speed");
        assert_eq!(field(check_thresholds("MB", "", "400", "500", "2-mbps")), "speed");
        assert_eq!(field(check_thresholds("TB", "", "", "5", "")), "unit");
    }

    #[test]
    fn renewal_days_depend_on_the_cycle() {
        assert_eq!(
            check_renewal("M", "31").unwrap(),
            Renewal {
                period: RenewalPeriod::Monthly,
                day: 31
            }
        );
        assert_eq!(check_renewal("W", "7").unwrap().period.code(), "W");
        assert!(check_renewal("W", "8").is_err());
        assert!(check_renewal("M", "0").is_err());
        assert!(check_renewal("Y", "1").is_err());
    }
}
