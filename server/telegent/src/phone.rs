//! One E.164 parser for every form of the portal and for the sandbox.
//!
//! People type numbers the way they read them: "(801) 555-1234", "801.555.1234",
//! "+1 801 555 1234". The Telegent API accepts only E.164 ("+18015551234"), so
//! everything goes through [`normalize_e164`] before it leaves the browser form,
//! and again on the server.

use std::fmt;

/// Why a typed phone number was refused; the `Display` text is shown at the field.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PhoneError {
    Empty,
    InvalidCharacter(char),
    TooShort,
    TooLong,
    /// A national number without a country code that is not a 10-digit NANP number.
    MissingCountryCode,
    /// NANP area codes and exchanges never start with 0 or 1.
    InvalidNanp,
}

impl fmt::Display for PhoneError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            PhoneError::Empty => write!(f, "Enter a phone number."),
            PhoneError::InvalidCharacter(c) => write!(
                f,
                "“{c}” can't be part of a phone number. Use digits, spaces, dashes, dots or brackets."
            ),
            PhoneError::TooShort => write!(f, "This number is too short to be a phone number."),
            PhoneError::TooLong => write!(f, "This number is too long: phone numbers have at most 15 digits."),
            PhoneError::MissingCountryCode => write!(
                f,
                "Add the country code, e.g. +44 20 7946 0958 (US and Canada numbers need 10 digits)."
            ),
            PhoneError::InvalidNanp => write!(
                f,
                "This is not a valid US or Canada number: the area code and exchange can't start with 0 or 1."
            ),
        }
    }
}

impl std::error::Error for PhoneError {}

/// Normalizes what a person typed to E.164 (`+` and 8 to 15 digits).
///
/// Numbers without a leading `+` are read as North American (NANP): ten digits,
/// or eleven starting with the country code 1.
pub fn normalize_e164(input: &str) -> Result<String, PhoneError> {
    // Pasted numbers carry invisible direction marks (from a contact card or
    // a right-to-left page) and `tel:` links: neither is part of the number,
    // and an error must never quote a character nobody can see.
    let visible: String = input.chars().filter(|c| !is_invisible_mark(*c)).collect();
    let trimmed = visible.trim();
    let trimmed = match trimmed.get(..4) {
        Some(scheme) if scheme.eq_ignore_ascii_case("tel:") => trimmed[4..].trim(),
        _ => trimmed,
    };
    if trimmed.is_empty() {
        return Err(PhoneError::Empty);
    }
    let (has_plus, rest) = match trimmed.strip_prefix('+') {
        Some(rest) => (true, rest),
        None => match trimmed.strip_prefix("00") {
            // International call prefix used in much of the world: same as '+'.
            Some(rest) if trimmed.len() > 10 => (true, rest),
            _ => (false, trimmed),
        },
    };
    let mut digits = String::with_capacity(rest.len());
    for c in rest.chars() {
        match c {
            '0'..='9' => digits.push(c),
            ' ' | '-' | '.' | '(' | ')' | '/' | '\u{a0}' => {}
            other => return Err(PhoneError::InvalidCharacter(other)),
        }
    }
    if digits.is_empty() {
        return Err(PhoneError::Empty);
    }
    let international = if has_plus {
        digits
    } else {
        match digits.len() {
            10 => format!("1{digits}"),
            11 if digits.starts_with('1') => digits,
            n if n < 10 => return Err(PhoneError::TooShort),
            _ => return Err(PhoneError::MissingCountryCode),
        }
    };
    if international.len() < 8 {
        return Err(PhoneError::TooShort);
    }
    if international.len() > 15 {
        return Err(PhoneError::TooLong);
    }
    if international.starts_with('0') {
        return Err(PhoneError::MissingCountryCode);
    }
    if let Some(national) = international.strip_prefix('1') {
        if national.len() != 10 {
            return Err(if national.len() < 10 {
                PhoneError::TooShort
            } else {
                PhoneError::TooLong
            });
        }
        let bytes = national.as_bytes();
        if matches!(bytes[0], b'0' | b'1') || matches!(bytes[3], b'0' | b'1') {
            return Err(PhoneError::InvalidNanp);
        }
    }
    Ok(format!("+{international}"))
}

/// True when `value` is already strict E.164: what the API itself requires.
pub fn is_e164(value: &str) -> bool {
    match value.strip_prefix('+') {
        Some(digits) => {
            (8..=15).contains(&digits.len()) && digits.bytes().all(|b| b.is_ascii_digit()) && !digits.starts_with('0')
        }
        None => false,
    }
}

/// Renders an E.164 number for people: "+1 (801) 555-1234" for NANP, as is otherwise.
pub fn format_for_display(e164: &str) -> String {
    match e164.strip_prefix("+1") {
        Some(n) if n.len() == 10 && n.bytes().all(|b| b.is_ascii_digit()) => {
            format!("+1 ({}) {}-{}", &n[0..3], &n[3..6], &n[6..10])
        }
        _ => international(e164).unwrap_or_else(|| e164.to_string()),
    }
}

/// Other countries: "+44 207 946 0958": the country code, then the rest in
/// groups of three with four at the end, so every number reads the same way
/// (the portal does not carry each country's own grouping).
fn international(e164: &str) -> Option<String> {
    let digits = e164.strip_prefix('+')?;
    if !(8..=15).contains(&digits.len()) || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let code_len = country_code_len(digits);
    let (code, national) = digits.split_at(code_len);
    let mut groups = Vec::new();
    let mut rest = national;
    while rest.len() > 4 {
        let take = if rest.len() == 5 { 2 } else { 3 };
        let (group, tail) = rest.split_at(take);
        groups.push(group);
        rest = tail;
    }
    groups.push(rest);
    Some(format!("+{code} {}", groups.join(" ")))
}

/// How many digits the country calling code has (ITU-T E.164 assignments):
/// 1 and 7 are one digit, these two-digit codes are assigned, the rest are three.
fn country_code_len(digits: &str) -> usize {
    const TWO_DIGIT: [&str; 44] = [
        "20", "27", "30", "31", "32", "33", "34", "36", "39", "40", "41", "43", "44", "45", "46", "47", "48", "49",
        "51", "52", "53", "54", "55", "56", "57", "58", "60", "61", "62", "63", "64", "65", "66", "81", "82", "84",
        "86", "90", "91", "92", "93", "94", "95", "98",
    ];
    if digits.starts_with('1') || digits.starts_with('7') {
        1
    } else if TWO_DIGIT.iter().any(|code| digits.starts_with(code)) {
        2
    } else {
        3
    }
}

/// Direction marks and zero-width characters that paste along with numbers.
pub fn is_invisible_mark(c: char) -> bool {
    matches!(c, '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{FEFF}')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn international_numbers_read_in_groups_too() {
        assert_eq!(format_for_display("+18015551234"), "+1 (801) 555-1234");
        assert_eq!(format_for_display("+442079460958"), "+44 207 946 0958");
        assert_eq!(format_for_display("+4930123456"), "+49 301 23 456");
        assert_eq!(format_for_display("+353861234567"), "+353 861 234 567");
        assert_eq!(format_for_display("+79161234567"), "+7 916 123 4567");
        assert_eq!(format_for_display("not a number"), "not a number");
    }

    #[test]
    fn accepts_what_people_type() {
        for typed in [
            "(801) 555-1234",
            "801.555.1234",
            "+1 801 555 1234",
            "1-801-555-1234",
            "8015551234",
            "  +18015551234 ",
        ] {
            assert_eq!(normalize_e164(typed).as_deref(), Ok("+18015551234"), "{typed}");
        }
        assert_eq!(normalize_e164("+44 20 7946 0958").as_deref(), Ok("+442079460958"));
        assert_eq!(normalize_e164("0044 20 7946 0958").as_deref(), Ok("+442079460958"));
    }

    #[test]
    fn refuses_what_is_not_a_number() {
        assert_eq!(normalize_e164(""), Err(PhoneError::Empty));
        assert_eq!(normalize_e164("   "), Err(PhoneError::Empty));
        assert_eq!(normalize_e164("801-555-CALL"), Err(PhoneError::InvalidCharacter('C')));
        // Pasted: direction marks and a tel: link around the number.
        assert_eq!(
            normalize_e164("\u{202A}+1 (801) 555-1234\u{202C}").unwrap(),
            "+18015551234"
        );
        assert_eq!(normalize_e164("tel:+1-801-555-1234").unwrap(), "+18015551234");
        assert_eq!(normalize_e164("TEL: 8015551234\u{2069}").unwrap(), "+18015551234");
        assert_eq!(normalize_e164("\u{2066}\u{2069}"), Err(PhoneError::Empty));
        assert_eq!(normalize_e164("555-1234"), Err(PhoneError::TooShort));
        assert_eq!(normalize_e164("+1234567"), Err(PhoneError::TooShort));
        assert_eq!(normalize_e164("+1234567890123456"), Err(PhoneError::TooLong));
        assert_eq!(normalize_e164("442079460958"), Err(PhoneError::MissingCountryCode));
        assert_eq!(normalize_e164("(101) 555-1234"), Err(PhoneError::InvalidNanp));
        assert_eq!(normalize_e164("801 055 1234"), Err(PhoneError::InvalidNanp));
        assert_eq!(normalize_e164("+1 801 555 12345"), Err(PhoneError::TooLong));
    }

    #[test]
    fn strict_check_matches_the_api_rule() {
        assert!(is_e164("+18015551234"));
        assert!(!is_e164("18015551234"));
        assert!(!is_e164("+1 801 555 1234"));
        assert!(!is_e164("+0123456789"));
    }

    #[test]
    fn every_error_has_a_message_a_person_can_act_on() {
        for err in [
            PhoneError::Empty,
            PhoneError::InvalidCharacter('x'),
            PhoneError::TooShort,
            PhoneError::TooLong,
            PhoneError::MissingCountryCode,
            PhoneError::InvalidNanp,
        ] {
            assert!(err.to_string().len() > 15);
        }
    }
}
