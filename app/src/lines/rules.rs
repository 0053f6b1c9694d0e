//! Data-limit rules, shared by the browser (checked as people type) and the
//! server (checked again before anything is sent): positive whole numbers,
//! notify < throttle < limit, a throttle speed from the documented list.
//! Telegent takes megabytes; gigabytes typed here are converted.

use serde::{Deserialize, Serialize};

use crate::error::AppError;

/// The documented throttle speeds, with how people read them.
pub const THROTTLE_SPEEDS: [(&str, &str); 9] = [
    ("64-kbps", "64 kbit/s (messages only)"),
    ("128-kbps", "128 kbit/s"),
    ("256-kbps", "256 kbit/s"),
    ("512-kbps", "512 kbit/s"),
    ("1-mbps", "1 Mbit/s (music)"),
    ("5-mbps", "5 Mbit/s (video)"),
    ("20-mbps", "20 Mbit/s"),
    ("50-mbps", "50 Mbit/s"),
    ("100-mbps", "100 Mbit/s"),
];

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

fn amount(field: &str, label: &str, text: &str, per_unit: i64) -> Result<Option<i64>, AppError> {
    let text = text.trim();
    if text.is_empty() {
        return Ok(None);
    }
    match text.parse::<i64>() {
        Ok(value) if value > 0 => value
            .checked_mul(per_unit)
            .map(Some)
            .ok_or_else(|| AppError::invalid(field, format!("{label} is too large."))),
        Ok(_) => Err(AppError::invalid(field, format!("{label} must be more than 0."))),
        Err(_) => Err(AppError::invalid(
            field,
            format!("{label} must be a whole number, like 500."),
        )),
    }
}

/// Checks what was typed; the error names the field it belongs to.
pub fn check_thresholds(
    unit: &str,
    notify: &str,
    throttle: &str,
    limit: &str,
    speed: &str,
) -> Result<Thresholds, AppError> {
    let per_unit = match unit {
        "MB" | "" => 1,
        "GB" => 1024,
        _ => return Err(AppError::invalid("unit", "Choose MB or GB.")),
    };
    let limit_mb = amount("limit", "The limit", limit, per_unit)?
        .ok_or_else(|| AppError::invalid("limit", "Enter the limit: data stops when a line reaches it."))?;
    let notify_mb = amount("notify", "The warning level", notify, per_unit)?;
    let throttle_mb = amount("throttle", "The slow-down level", throttle, per_unit)?;
    if let Some(t) = throttle_mb {
        if t >= limit_mb {
            return Err(AppError::invalid(
                "throttle",
                "The slow-down level must be below the limit.",
            ));
        }
    }
    if let Some(n) = notify_mb {
        if let Some(t) = throttle_mb {
            if n >= t {
                return Err(AppError::invalid(
                    "notify",
                    "The warning level must be below the slow-down level.",
                ));
            }
        } else if n >= limit_mb {
            return Err(AppError::invalid(
                "notify",
                "The warning level must be below the limit.",
            ));
        }
    }
    let throttle_speed = match (throttle_mb, speed.trim()) {
        (Some(_), "") => {
            return Err(AppError::invalid(
                "speed",
                "Choose how fast the line runs once slowed down.",
            ));
        }
        (_, "") => None,
        (_, s) if THROTTLE_SPEEDS.iter().any(|(value, _)| *value == s) => Some(s.to_string()),
        _ => return Err(AppError::invalid("speed", "Choose one of the listed speeds.")),
    };
    Ok(Thresholds {
        notify_mb,
        throttle_mb,
        limit_mb,
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
            other => panic!("expected a field error, got {other:?}"),
        }
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
