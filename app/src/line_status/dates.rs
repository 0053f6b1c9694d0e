//! The dates of a status change: Telegent takes `MM/DD/YYYY`; a change is
//! effective today or later; a cancelled number can be reactivated for 30
//! days after its cancellation took effect. Pure, so every rule is tested.

use chrono::{Duration, NaiveDate};

/// Days after a cancellation during which the number can be reactivated.
pub const REACTIVATION_DAYS: i64 = 30;

/// Telegent's form of a date.
pub fn wire(date: NaiveDate) -> String {
    date.format("%m/%d/%Y").to_string()
}

/// What people read ("Dec 4, 2026").
pub fn shown(date: NaiveDate) -> String {
    date.format("%b %-d, %Y").to_string()
}

/// A typed effective date: `MM/DD/YYYY` or `YYYY-MM-DD` (a date input's
/// value), today or later; empty means today.
pub fn effective(typed: &str, today: NaiveDate) -> Result<NaiveDate, String> {
    let typed = typed.trim();
    if typed.is_empty() {
        return Ok(today);
    }
    let date = NaiveDate::parse_from_str(typed, "%m/%d/%Y")
        .or_else(|_| NaiveDate::parse_from_str(typed, "%Y-%m-%d"))
        .map_err(|_| "Enter the date as MM/DD/YYYY, like 12/31/2026.".to_string())?;
    if date < today {
        return Err(format!("Choose today ({}) or a later date.", wire(today)));
    }
    Ok(date)
}

/// The last day a number cancelled on `cancelled` can be reactivated.
pub fn reactivate_until(cancelled: NaiveDate) -> NaiveDate {
    cancelled + Duration::days(REACTIVATION_DAYS)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    #[test]
    fn an_effective_date_is_today_or_later_in_either_form() {
        let today = day(2026, 12, 4);
        assert_eq!(effective("", today), Ok(today));
        assert_eq!(effective("12/31/2026", today), Ok(day(2026, 12, 31)));
        assert_eq!(effective("2026-12-05", today), Ok(day(2026, 12, 5)));
        assert!(effective("12/03/2026", today).unwrap_err().contains("12/04/2026"));
        assert!(effective("31/12/2026", today).unwrap_err().contains("MM/DD/YYYY"));
        assert_eq!(wire(day(2026, 1, 2)), "01/02/2026");
    }

    #[test]
    fn reactivation_is_open_for_thirty_days_after_the_cancellation() {
        assert_eq!(reactivate_until(day(2026, 12, 1)), day(2026, 12, 31));
        assert_eq!(reactivate_until(day(2026, 2, 1)), day(2026, 3, 3));
    }
}
