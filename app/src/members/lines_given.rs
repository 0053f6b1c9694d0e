//! Giving a person lines of their Account: the phone numbers typed when a
//! person is added, or later on their page. Only a line of the same Account
//! that has no person yet can be given: Telegent keeps one person per line,
//! and taking a line from someone else is the removal's or the transfer's
//! work, with their confirmations.

use telegent::ops::numbers::{NumberDetails, NumberUpdateRequest};
use telegent::phone;
use telegent::types::Subscriber;

use crate::error::AppError;
use crate::ssr::Tenant;

/// The form field the numbers are typed in (its errors are shown there).
pub const FIELD: &str = "phone_numbers";

/// Lines one form may give: each costs a check and a bind (two calls of a
/// person's share of about 25 a minute), so a few at a time.
const MOST_AT_ONCE: usize = 5;

/// The numbers typed (commas, semicolons or new lines between them, each in
/// any format people write), as E.164, each once, in the order typed. An
/// empty field gives none. A refusal names the entry it is about.
pub fn parse(text: &str) -> Result<Vec<String>, AppError> {
    let mut lines: Vec<String> = Vec::new();
    for typed in text.split([',', ';', '\n']).map(str::trim).filter(|t| !t.is_empty()) {
        let e164 = phone::normalize_e164(typed)
            .map_err(|problem| AppError::invalid(FIELD, format!("“{typed}”: {problem}")))?;
        if !lines.contains(&e164) {
            lines.push(e164);
        }
    }
    if lines.len() > MOST_AT_ONCE {
        return Err(AppError::invalid(
            FIELD,
            format!("Give at most {MOST_AT_ONCE} lines at once."),
        ));
    }
    Ok(lines)
}

/// Checks, before anything changes, that each line is one of this Account's
/// and has no person (or is `holder`'s already, which gives nothing). A line
/// of another Account or Distributor reads exactly like one that does not
/// exist. Returns the lines still to give. One read per line. `holder`:
/// the person given to, with the Account's members as just read afresh.
pub async fn free_lines(
    tenant: &Tenant,
    account_id: &str,
    lines: &[String],
    holder: Option<(&str, &[Subscriber])>,
) -> Result<Vec<String>, AppError> {
    if lines.is_empty() {
        return Ok(Vec::new());
    }
    // Read afresh, whoever built the handle: a line is given on what
    // Telegent says now, never on a copy (a busy budget refuses instead).
    let client = tenant.client.fresh();
    // Someone's line by the Account's own list too, in case a number's
    // details lag behind a change of hands: the caller's fresh read of it
    // when they made one (the member's page), else one read here.
    let (holder, members) = match holder {
        Some((holder, members)) => (Some(holder), std::borrow::Cow::Borrowed(members)),
        None => (
            None,
            std::borrow::Cow::Owned(crate::accounts::service::account_subscribers(&client, account_id).await?),
        ),
    };
    let mut to_give = Vec::new();
    for line in lines {
        let shown = phone::format_for_display(line);
        let listed_by = members
            .iter()
            .find(|m| m.phone_numbers.contains(line))
            .map(|m| m.subscriber_id.as_str());
        let details = match client.number_details(line).await {
            Ok(details) => details,
            // Unknown and foreign alike: no Account, so "not a line of this account".
            Err(telegent::TelegentError::NotFound) => NumberDetails::default(),
            Err(other) => return Err(other.into()),
        };
        if details.account_id.as_deref() != Some(account_id) {
            return Err(AppError::invalid(
                FIELD,
                format!("{shown} is not a line of this account."),
            ));
        }
        let held_by = details
            .assigned_subscriber_id
            .as_deref()
            .filter(|s| !s.is_empty())
            .or(listed_by);
        match held_by {
            None => to_give.push(line.clone()),
            Some(person) if Some(person) == holder => {}
            Some(_) => {
                return Err(AppError::invalid(
                    FIELD,
                    format!(
                        "{shown} is someone else's line. A line has one person: \
                         move it from their page (Remove or Move to another account)."
                    ),
                ))
            }
        }
    }
    Ok(to_give)
}

/// Binds each line to the person at Telegent, one call each, in order.
/// Returns the lines given; on a failure, those given before it and the
/// error (the caller audits both: nothing is retried blindly).
pub async fn give(
    tenant: &Tenant,
    subscriber_id: &str,
    lines: &[String],
) -> (Vec<String>, Option<telegent::TelegentError>) {
    let mut given = Vec::new();
    for line in lines {
        let request = NumberUpdateRequest {
            number: line.clone(),
            assigned_subscriber_id: Some(subscriber_id.into()),
            ..NumberUpdateRequest::default()
        };
        match tenant.client.update_number(&request).await {
            Ok(_) => given.push(line.clone()),
            Err(error) => return (given, Some(error)),
        }
    }
    (given, None)
}

/// The audit text of lines given (and of those that were not).
pub fn audit_text(given: &[String], failed: Option<(&[String], &telegent::TelegentError)>) -> String {
    let mut text = String::new();
    if !given.is_empty() {
        text.push_str(&format!("lines given: {}", given.join(" ")));
    }
    if let Some((left, error)) = failed {
        if !text.is_empty() {
            text.push_str("; ");
        }
        text.push_str(&format!("lines not given: {} ({error})", left.join(" ")));
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn typed_numbers_become_e164_once_each() {
        let lines = parse("(801) 555-0123, +1 801 555 0124\n801.555.0123;").unwrap();
        assert_eq!(lines, vec!["+18015550123", "+18015550124"]);
        assert!(parse("  ").unwrap().is_empty());
    }

    #[test]
    fn a_bad_entry_is_named_at_the_field() {
        match parse("801 555 0123, 12ab") {
            Err(AppError::Invalid { field, message }) => {
                assert_eq!(field, FIELD);
                assert!(message.starts_with("“12ab”"), "{message}");
            }
            other => panic!("expected a field error, got {other:?}"),
        }
        let many: Vec<String> = (0..6).map(|i| format!("+1801555{i:04}")).collect();
        assert!(parse(&many.join(",")).is_err());
    }
}
