//! Money in the portal: whole cents in an `i64`, never a float. Telegent's
//! wire types carry prices as JSON numbers (read as `f64`); they become
//! cents once, at the boundary (`from_wire`), and go back the same way
//! (`to_wire`, `plain`), so sums and margins are exact: 3 × $0.10 is $0.30.
//! The platform bills in US dollars, so that is the one currency shown.

use std::fmt;

use serde::{Deserialize, Serialize};

/// An amount of US dollars, in cents.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct Money {
    pub cents: i64,
}

/// The most a catalog price may be ($1,000,000): far above any plan, and
/// small enough that a sum of many never overflows.
const MAX_CENTS: i64 = 100_000_000;

impl Money {
    pub const ZERO: Money = Money { cents: 0 };

    pub fn from_cents(cents: i64) -> Money {
        Money { cents }
    }

    /// A price as Telegent sends it. Rounded to the cent: the API's numbers
    /// are decimal strings in JSON, so 39.99 arrives as the nearest double
    /// and rounding gives back exactly 3999.
    pub fn from_wire(amount: f64) -> Money {
        if !amount.is_finite() {
            return Money::ZERO;
        }
        Money {
            cents: (amount * 100.0).round() as i64,
        }
    }

    /// The number to send as a JSON number: the shortest decimal that reads
    /// back as this many cents.
    pub fn to_wire(self) -> f64 {
        self.plain().parse().unwrap_or(0.0)
    }

    /// `"39.99"`: what a form shows and what item prices (strings in
    /// requests) are sent as.
    pub fn plain(self) -> String {
        let sign = if self.cents < 0 { "-" } else { "" };
        let abs = self.cents.unsigned_abs();
        format!("{sign}{}.{:02}", abs / 100, abs % 100)
    }

    /// What a person typed: `39.99`, `$39.99`, `39.9`, `40`, `1,250.00`.
    /// At most two decimals; not negative; at most $1,000,000.
    pub fn parse(typed: &str) -> Result<Money, &'static str> {
        const HOW: &str = "Enter an amount in dollars, like 39.99.";
        let typed = typed.trim().trim_start_matches('$').trim();
        // Commas only as thousands groups (1,250.00): "39,99" is someone's
        // decimal comma, not $3,999.
        let whole_part = typed.split('.').next().unwrap_or_default();
        if whole_part.contains(',') {
            let groups: Vec<&str> = whole_part.split(',').collect();
            let grouped = (1..=3).contains(&groups[0].len())
                && groups[0].chars().all(|c| c.is_ascii_digit())
                && groups[1..]
                    .iter()
                    .all(|g| g.len() == 3 && g.chars().all(|c| c.is_ascii_digit()));
            if !grouped {
                return Err("Use a dot for cents, like 39.99.");
            }
        }
        let text: String = typed.replace(',', "");
        if text.is_empty() {
            return Err(HOW);
        }
        if text.starts_with('-') {
            return Err("Enter an amount of zero or more.");
        }
        let (whole, fraction) = match text.split_once('.') {
            Some((w, f)) => (w, f),
            None => (text.as_str(), ""),
        };
        let digits = |s: &str| s.chars().all(|c| c.is_ascii_digit());
        if (whole.is_empty() && fraction.is_empty()) || !digits(whole) || !digits(fraction) {
            return Err(HOW);
        }
        if fraction.len() > 2 {
            return Err("Enter at most two decimals (whole cents).");
        }
        if whole.len() > 7 {
            return Err("Enter at most $1,000,000.");
        }
        let whole: i64 = if whole.is_empty() {
            0
        } else {
            whole.parse().map_err(|_| HOW)?
        };
        let cents: i64 = format!("{fraction:0<2}").parse().map_err(|_| HOW)?;
        let total = whole * 100 + cents;
        if total > MAX_CENTS {
            return Err("Enter at most $1,000,000.");
        }
        Ok(Money { cents: total })
    }

    pub fn is_negative(self) -> bool {
        self.cents < 0
    }
}

impl std::ops::Add for Money {
    type Output = Money;
    fn add(self, other: Money) -> Money {
        Money {
            cents: self.cents.saturating_add(other.cents),
        }
    }
}

impl std::ops::Sub for Money {
    type Output = Money;
    fn sub(self, other: Money) -> Money {
        Money {
            cents: self.cents.saturating_sub(other.cents),
        }
    }
}

impl std::ops::Mul<i64> for Money {
    type Output = Money;
    fn mul(self, times: i64) -> Money {
        Money {
            cents: self.cents.saturating_mul(times),
        }
    }
}

impl std::iter::Sum for Money {
    fn sum<I: Iterator<Item = Money>>(iter: I) -> Money {
        iter.fold(Money::ZERO, |a, b| a + b)
    }
}

/// `$39.99`, `$1,250.00`, `−$2.50`.
impl fmt::Display for Money {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let abs = self.cents.unsigned_abs();
        let dollars = (abs / 100).to_string();
        let mut grouped = String::new();
        for (i, c) in dollars.chars().enumerate() {
            if i > 0 && (dollars.len() - i).is_multiple_of(3) {
                grouped.push(',');
            }
            grouped.push(c);
        }
        let sign = if self.cents < 0 { "−" } else { "" };
        write!(f, "{sign}${grouped}.{:02}", abs % 100)
    }
}

/// How often a Product is billed (`BillingFrequency`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Frequency {
    /// `MRC`: a monthly recurring charge.
    Monthly,
    /// `NRC`: charged once.
    Once,
    /// Billed by what is used.
    Usage,
}

impl Frequency {
    pub const ALL: [Frequency; 3] = [Frequency::Monthly, Frequency::Once, Frequency::Usage];

    /// The API's word; older records and the docs spell it in other cases.
    pub fn from_wire(word: &str) -> Option<Frequency> {
        match word.trim().to_ascii_lowercase().as_str() {
            "mrc" | "monthly" | "recurring" => Some(Frequency::Monthly),
            "nrc" | "once" | "one-time" | "onetime" => Some(Frequency::Once),
            "usage" | "usage-based" | "metered" => Some(Frequency::Usage),
            _ => None,
        }
    }

    pub fn wire(self) -> &'static str {
        match self {
            Frequency::Monthly => "MRC",
            Frequency::Once => "NRC",
            Frequency::Usage => "usage",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Frequency::Monthly => "Monthly (MRC)",
            Frequency::Once => "One-time (NRC)",
            Frequency::Usage => "Usage-based",
        }
    }

    /// What follows a price: "$39.99 / month".
    pub fn suffix(self) -> &'static str {
        match self {
            Frequency::Monthly => " / month",
            Frequency::Once => " once",
            Frequency::Usage => " per use",
        }
    }
}

/// A price with its frequency, as people read it.
pub fn priced(amount: Money, monthly: bool) -> String {
    let suffix = if monthly { " / month" } else { " once" };
    format!("{amount}{suffix}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sums_are_exact_in_cents() {
        let ten = Money::parse("0.10").unwrap();
        assert_eq!(ten * 3, Money::parse("0.30").unwrap());
        assert_eq!((ten * 3).to_string(), "$0.30");
        // The float sum is not: this is why the portal never adds f64s.
        assert_ne!(0.1_f64 + 0.1 + 0.1, 0.3);
        let from_wire: Money = [0.1_f64, 0.1, 0.1].into_iter().map(Money::from_wire).sum();
        assert_eq!(from_wire, Money::from_cents(30));
    }

    #[test]
    fn wire_amounts_round_trip_to_the_cent() {
        for cents in [0, 1, 10, 99, 3999, 2500, 12_345_678] {
            let m = Money::from_cents(cents);
            assert_eq!(Money::from_wire(m.to_wire()), m, "{cents}");
        }
        assert_eq!(Money::from_wire(39.99), Money::from_cents(3999));
        assert_eq!(Money::from_wire(f64::NAN), Money::ZERO);
        assert_eq!(Money::from_cents(3999).plain(), "39.99");
        assert_eq!(Money::from_cents(-250).plain(), "-2.50");
    }

    #[test]
    fn typed_amounts_are_read_or_refused_with_a_reason() {
        assert_eq!(Money::parse("39.99"), Ok(Money::from_cents(3999)));
        assert_eq!(Money::parse(" $39.9 "), Ok(Money::from_cents(3990)));
        assert_eq!(Money::parse("40"), Ok(Money::from_cents(4000)));
        assert_eq!(Money::parse(".5"), Ok(Money::from_cents(50)));
        assert_eq!(Money::parse("1,250.00"), Ok(Money::from_cents(125_000)));
        assert!(Money::parse("").is_err());
        assert!(Money::parse("abc").is_err());
        assert!(Money::parse("-1").is_err());
        assert!(Money::parse("1.999").is_err());
        assert!(Money::parse("1e3").is_err());
        assert!(Money::parse(".").is_err());
        assert!(Money::parse("99999999").is_err());
        assert!(Money::parse("39,99").is_err());
        assert!(Money::parse("1,2").is_err());
        assert!(Money::parse(".10,5").is_err());
        assert_eq!(Money::parse("12,345,678"), Err("Enter at most $1,000,000."));
    }

    #[test]
    fn shown_with_currency_grouping_and_frequency() {
        assert_eq!(Money::from_cents(12_500_000).to_string(), "$125,000.00");
        assert_eq!(Money::from_cents(-250).to_string(), "−$2.50");
        assert_eq!(priced(Money::from_cents(3999), true), "$39.99 / month");
        assert_eq!(
            format!("{}{}", Money::from_cents(150), Frequency::Once.suffix()),
            "$1.50 once"
        );
        assert_eq!(Frequency::from_wire("mrc"), Some(Frequency::Monthly));
        assert_eq!(Frequency::from_wire("NRC"), Some(Frequency::Once));
        assert_eq!(Frequency::from_wire("weekly"), None);
    }
}
