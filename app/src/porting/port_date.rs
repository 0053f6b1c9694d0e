//! The requested port date: `MM/DD/YYYY` as Telegent takes it, a business
//! day 5 to 10 business days out (the guide's window for wirelines).
//! Business days are Monday to Friday; carriers' holidays are not known
//! here, so a date on one may still be moved by the losing carrier.

use chrono::{Datelike, Duration, NaiveDate, Weekday};

pub const EARLIEST_BUSINESS_DAYS: u32 = 5;
pub const LATEST_BUSINESS_DAYS: u32 = 10;

fn is_business_day(day: NaiveDate) -> bool {
    !matches!(day.weekday(), Weekday::Sat | Weekday::Sun)
}

/// The business day `n` business days after `today`.
pub fn business_days_after(today: NaiveDate, n: u32) -> NaiveDate {
    let mut day = today;
    let mut left = n;
    while left > 0 {
        day += Duration::days(1);
        if is_business_day(day) {
            left -= 1;
        }
    }
    day
}

pub fn wire(day: NaiveDate) -> String {
    day.format("%m/%d/%Y").to_string()
}

/// The date typed (`MM/DD/YYYY`, or `YYYY-MM-DD` as a date picker sends
/// it) in Telegent's spelling, or why it cannot be the port date.
pub fn check(typed: &str, today: NaiveDate) -> Result<String, String> {
    let text = typed.trim();
    let day = NaiveDate::parse_from_str(text, "%m/%d/%Y")
        .or_else(|_| NaiveDate::parse_from_str(text, "%Y-%m-%d"))
        .map_err(|_| "Type the date as MM/DD/YYYY, e.g. 04/23/2027.".to_string())?;
    let earliest = business_days_after(today, EARLIEST_BUSINESS_DAYS);
    let latest = business_days_after(today, LATEST_BUSINESS_DAYS);
    if !is_business_day(day) {
        return Err(format!(
            "{} is a weekend day: choose a business day between {} and {}.",
            wire(day),
            wire(earliest),
            wire(latest)
        ));
    }
    if day < earliest || day > latest {
        return Err(format!(
            "Choose a business day 5 to 10 business days from today: between {} and {}.",
            wire(earliest),
            wire(latest)
        ));
    }
    Ok(wire(day))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn the_window_counts_business_days_only() {
        // Friday 4 December 2026: five business days on is Friday the 11th.
        let today = d(2026, 12, 4);
        assert_eq!(business_days_after(today, 5), d(2026, 12, 11));
        assert_eq!(business_days_after(today, 10), d(2026, 12, 18));
        assert_eq!(check("12/11/2026", today), Ok("12/11/2026".into()));
        assert_eq!(check("2026-12-18", today), Ok("12/18/2026".into()));
    }

    #[test]
    fn too_soon_too_late_weekends_and_nonsense_are_refused_with_the_window() {
        let today = d(2026, 12, 4);
        for (typed, says) in [
            ("12/10/2026", "between 12/11/2026 and 12/18/2026"),
            ("12/21/2026", "between 12/11/2026 and 12/18/2026"),
            ("12/12/2026", "weekend"),
            ("13/45/2026", "MM/DD/YYYY"),
            ("soon", "MM/DD/YYYY"),
        ] {
            let refused = check(typed, today).unwrap_err();
            assert!(refused.contains(says), "{typed}: {refused}");
        }
    }
}
