//! Global search over the read model: Accounts, Subscribers and Numbers in
//! the caller's scope, by any part of a name, e-mail, number (typed in any
//! format), ICCID or Telegent ID. An exact match on an identifier is one
//! record to jump to (a SUB- opens the line it bills, an open order's
//! JNUOID- its Account); anything else is a grouped list.

use sqlx::Row;

use super::scope::Scope;
use super::store::{matching_ids, Sql};
use crate::error::AppError;
use crate::links;
use crate::search::model::{Hit, HitGroup, SearchResults};
use crate::ssr::db::DbPool;

/// Hits listed per group (the count says how many there are).
pub const HITS_PER_GROUP: usize = 20;

/// What is looked for in the search text, or `None` when nothing is left
/// to look for. Invisible marks and a `tel:` prefix are dropped; a number
/// typed with punctuation ("(801) 555-0100", "+1 801.555.0100") becomes its
/// digits. `%` and `\` are dropped; `_` stays (to LIKE it is any one
/// character, so "first_last" finds "first_last" and a few more).
pub fn needle(query: &str) -> Option<String> {
    let visible: String = query
        .chars()
        .filter(|c| !telegent::phone::is_invisible_mark(*c))
        .collect();
    let mut q = visible.trim().to_lowercase();
    if let Some(rest) = q.strip_prefix("tel:") {
        q = rest.trim().to_string();
    }
    let digits = q.chars().filter(char::is_ascii_digit).count();
    let phone_like = digits >= 3
        && q.chars()
            .all(|c| c.is_ascii_digit() || matches!(c, '+' | '-' | '(' | ')' | '.' | ' '));
    let out: String = if phone_like {
        q.chars().filter(char::is_ascii_digit).collect()
    } else {
        q.chars().filter(|c| !matches!(c, '%' | '\\')).collect()
    };
    let out = out.trim().to_string();
    (!out.is_empty()).then_some(out)
}

/// The record `query` names exactly, if exactly one does: an ID, an
/// e-mail, a whole number (E.164 or national) or an ICCID.
async fn exact(pool: &DbPool, scope: &Scope, query: &str) -> Result<Option<String>, AppError> {
    let q = query.trim();
    let e164 = telegent::phone::normalize_e164(q).ok();
    let mut found: Vec<String> = Vec::new();
    let upper = q.to_uppercase();
    if upper.starts_with("AID-") {
        for r in Sql::new("SELECT account_id FROM rm_accounts WHERE upper(account_id) = ?")
            .with_value(&upper)
            .scoped(scope, "")
            .fetch_all(pool)
            .await?
        {
            found.push(links::account(&r.get::<String, _>(0)));
        }
    }
    if upper.starts_with("TSUID-") || q.contains('@') {
        for r in Sql::new(
            "SELECT account_id, subscriber_id FROM rm_subscribers WHERE (upper(subscriber_id) = ? OR lower(email) = ?)",
        )
        .with_value(&upper)
        .with_value(&q.to_lowercase())
        .scoped(scope, "")
        .fetch_all(pool)
        .await?
        {
            found.push(links::member(&r.get::<String, _>(0), &r.get::<String, _>(1)));
        }
    }
    if upper.starts_with("SUB-") {
        // A subscription opens the line it bills.
        for r in Sql::new(
            "SELECT s.account_id, n.msisdn FROM rm_subscriptions s JOIN rm_numbers n \
             ON n.distributor_id = s.distributor_id AND n.number_id = s.tnid WHERE upper(s.subscription_id) = ?",
        )
        .with_value(&upper)
        .scoped(scope, "s")
        .fetch_all(pool)
        .await?
        {
            found.push(links::line(&r.get::<String, _>(0), &r.get::<String, _>(1)));
        }
    }
    if upper.starts_with("JNUOID-") {
        // An open order opens its Account (where its number will be).
        for r in Sql::new("SELECT account_id FROM rm_orders WHERE upper(order_id) = ?")
            .with_value(&upper)
            .scoped(scope, "")
            .fetch_all(pool)
            .await?
        {
            found.push(links::account(&r.get::<String, _>(0)));
        }
    }
    let digits: String = q.chars().filter(char::is_ascii_digit).collect();
    let by_number = e164.is_some() || upper.starts_with("NID-") || upper.starts_with("TNID-") || digits.len() >= 18;
    if by_number {
        // An ICCID has 18 to 22 digits: fewer never match one (nor an empty ICCID).
        let iccid = if digits.len() >= 18 { digits.as_str() } else { "-" };
        for r in Sql::new(
            "SELECT account_id, msisdn FROM rm_numbers WHERE (msisdn = ? OR upper(number_id) = ? OR iccid = ?)",
        )
        .with_value(e164.as_deref().unwrap_or("-"))
        .with_value(&upper)
        .with_value(iccid)
        .scoped(scope, "")
        .fetch_all(pool)
        .await?
        {
            let account_id: String = r.get(0);
            if !account_id.is_empty() {
                found.push(links::line(&account_id, &r.get::<String, _>(1)));
            }
        }
    }
    Ok(match found.as_slice() {
        [one] => Some(one.clone()),
        _ => None,
    })
}

/// Searches the caller's scope.
pub async fn global(pool: &DbPool, scope: &Scope, query: &str) -> Result<SearchResults, AppError> {
    let mut results = SearchResults {
        query: query.trim().to_string(),
        ..SearchResults::default()
    };
    let Some(needle) = needle(query) else {
        return Ok(results);
    };
    if let Some(href) = exact(pool, scope, query).await? {
        results.jump_to = Some(href);
        return Ok(results);
    }
    let limit = format!(" LIMIT {}", HITS_PER_GROUP + 1);

    // Accounts.
    let ids = matching_ids(scope, "account", &needle);
    let rows = Sql::new("SELECT account_id, name, address, subscribers, lines FROM rm_accounts WHERE 1 = 1")
        .scoped(scope, "")
        .and(&format!("account_id IN ({})", ids.text), ids.values)
        .push(" ORDER BY name_key, account_id")
        .push(&limit)
        .fetch_all(pool)
        .await?;
    results.groups.push(group(
        "Accounts",
        rows.iter()
            .map(|r| Hit {
                title: r.get(1),
                detail: format!(
                    "{} · {} subscribers · {} lines",
                    r.get::<String, _>(0),
                    r.get::<i64, _>(3),
                    r.get::<i64, _>(4)
                ),
                href: links::account(&r.get::<String, _>(0)),
            })
            .collect(),
    ));

    // Subscribers.
    let ids = matching_ids(scope, "subscriber", &needle);
    let rows = Sql::new(
        "SELECT s.account_id, s.subscriber_id, s.name, s.email, s.role, a.name FROM rm_subscribers s \
         LEFT JOIN rm_accounts a ON a.distributor_id = s.distributor_id AND a.account_id = s.account_id WHERE 1 = 1",
    )
    .scoped(scope, "s")
    .and(&format!("s.subscriber_id IN ({})", ids.text), ids.values)
    .push(" ORDER BY s.name_key, s.subscriber_id")
    .push(&limit)
    .fetch_all(pool)
    .await?;
    results.groups.push(group(
        "Subscribers",
        rows.iter()
            .map(|r| Hit {
                title: r.get(2),
                detail: format!(
                    "{} · {} · {}",
                    r.get::<String, _>(3),
                    r.get::<String, _>(4),
                    r.get::<Option<String>, _>(5).unwrap_or_default()
                ),
                href: links::member(&r.get::<String, _>(0), &r.get::<String, _>(1)),
            })
            .collect(),
    ));

    // Numbers.
    let ids = matching_ids(scope, "number", &needle);
    let rows = Sql::new(
        "SELECT n.account_id, n.msisdn, n.status, n.iccid, a.name FROM rm_numbers n \
         LEFT JOIN rm_accounts a ON a.distributor_id = n.distributor_id AND a.account_id = n.account_id WHERE 1 = 1",
    )
    .scoped(scope, "n")
    .and(&format!("n.msisdn IN ({})", ids.text), ids.values)
    .push(" ORDER BY n.msisdn")
    .push(&limit)
    .fetch_all(pool)
    .await?;
    results.groups.push(group(
        "Numbers",
        rows.iter()
            .map(|r| {
                let account_id: String = r.get(0);
                let msisdn: String = r.get(1);
                Hit {
                    title: telegent::phone::format_for_display(&msisdn),
                    detail: format!(
                        "{} · ICCID {} · {}",
                        r.get::<String, _>(2),
                        r.get::<String, _>(3),
                        r.get::<Option<String>, _>(4).unwrap_or_else(|| "no Account".into())
                    ),
                    href: if account_id.is_empty() {
                        links::staff_home()
                    } else {
                        links::line(&account_id, &msisdn)
                    },
                }
            })
            .collect(),
    ));
    results.groups.retain(|g| !g.hits.is_empty());
    results.total = results.groups.iter().map(|g| g.hits.len() as u32).sum();
    Ok(results)
}

fn group(label: &str, mut hits: Vec<Hit>) -> HitGroup {
    let more = hits.len() > HITS_PER_GROUP;
    hits.truncate(HITS_PER_GROUP);
    HitGroup {
        label: label.into(),
        hits,
        more,
    }
}

#[cfg(test)]
mod tests {
    use super::needle;

    #[test]
    fn typed_numbers_become_their_digits() {
        assert_eq!(needle("(801) 555-0100").as_deref(), Some("8015550100"));
        assert_eq!(
            needle("\u{202A}+1 801.555.0100\u{202C}").as_deref(),
            Some("18015550100")
        );
        assert_eq!(needle("tel:+18015550100").as_deref(), Some("18015550100"));
    }

    #[test]
    fn text_is_lower_case_without_wildcards() {
        assert_eq!(needle("  Jane_Doe% ").as_deref(), Some("jane_doe"));
        assert_eq!(needle("AID-12").as_deref(), Some("aid-12"));
        assert_eq!(needle(" % "), None);
        assert_eq!(needle(""), None);
    }
}
