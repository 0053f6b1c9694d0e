//! The read model's queries. Each one starts from a [`Scope`]: its filter
//! comes first in every WHERE, so a row of another Distributor (or, for an
//! Account's people, another Account) can never be listed, counted,
//! searched or exported.

use std::collections::HashMap;

use sqlx::any::AnyRow;
use sqlx::Row;

use super::model::Freshness;
use super::scope::Scope;
use super::sweep::{
    age_of, internal, AccountIn, NumberIn, SubscriberIn, SubscriptionIn, UsageIn, REFRESH_AT_MOST_EVERY,
};
use crate::error::AppError;
use crate::ssr::db::{now_text, numbered, DbPool, DbTransaction};

/// A query built with `?` placeholders and its text values in order.
pub struct Sql {
    pub text: String,
    pub values: Vec<String>,
}

impl Sql {
    pub fn new(text: impl Into<String>) -> Self {
        Self {
            text: text.into(),
            values: Vec::new(),
        }
    }

    /// ` AND <scope>` on `alias`.
    pub fn scoped(mut self, scope: &Scope, alias: &str) -> Self {
        let (condition, values) = scope.condition(alias);
        self.text.push_str(" AND ");
        self.text.push_str(&condition);
        self.values.extend(values);
        self
    }

    pub fn and(mut self, condition: &str, values: impl IntoIterator<Item = String>) -> Self {
        self.text.push_str(" AND ");
        self.text.push_str(condition);
        self.values.extend(values);
        self
    }

    /// Text put before the query (`SELECT …` before a shared `FROM … WHERE …`).
    pub fn with_prefix(mut self, prefix: &str) -> Self {
        self.text.insert_str(0, prefix);
        self
    }

    /// A value for the next `?` of the text so far.
    pub fn with_value(mut self, value: &str) -> Self {
        self.values.push(value.to_string());
        self
    }

    pub fn push(mut self, text: &str) -> Self {
        self.text.push_str(text);
        self
    }

    pub async fn fetch_all(self, pool: &DbPool) -> Result<Vec<AnyRow>, AppError> {
        let text = numbered(&self.text);
        let mut query = sqlx::query(&text);
        for v in &self.values {
            query = query.bind(v);
        }
        query.fetch_all(pool).await.map_err(internal)
    }

    pub async fn count(self, pool: &DbPool) -> Result<u32, AppError> {
        let rows = self.fetch_all(pool).await?;
        let n: i64 = rows
            .first()
            .map(|r| r.try_get(0))
            .transpose()
            .map_err(internal)?
            .unwrap_or(0);
        Ok(n.clamp(0, i64::from(u32::MAX)) as u32)
    }
}

/// `haystack LIKE ?` on the search table for `kind`, within the scope:
/// the IDs of the rows whose text holds `needle` (already normalized, see
/// `search::needles`). Answered from the trigram index on both databases.
pub fn matching_ids(scope: &Scope, kind: &str, needle: &str) -> Sql {
    let mut sql = Sql::new("SELECT ref_id FROM rm_search WHERE kind = ?");
    sql.values.push(kind.to_string());
    sql.scoped(scope, "").and("haystack LIKE ?", [format!("%{needle}%")])
}

// ---------------------------------------------------------------------------
// Writing (sweeps and write-through).

/// The text a row is found by: lower-case, numbers with and without their
/// country code.
pub fn haystack(parts: &[&str]) -> String {
    let mut out = String::new();
    for part in parts.iter().filter(|p| !p.is_empty()) {
        out.push_str(&part.to_lowercase());
        out.push(' ');
    }
    out.trim_end().to_string()
}

/// A number as search text: its digits, and for North American numbers
/// the ten national digits too, so "801 555 0100" finds "+18015550100".
pub fn number_words(msisdn: &str) -> String {
    let digits: String = msisdn.chars().filter(char::is_ascii_digit).collect();
    match digits.strip_prefix('1') {
        Some(national) if digits.len() == 11 => format!("{digits} {national}"),
        _ => digits,
    }
}

pub(super) async fn insert_search(
    tx: &mut DbTransaction<'_>,
    distributor_id: &str,
    account_id: &str,
    kind: &str,
    ref_id: &str,
    text: &str,
) -> Result<(), AppError> {
    sqlx::query(
        "INSERT INTO rm_search (haystack, distributor_id, account_id, kind, ref_id) VALUES ($1, $2, $3, $4, $5)",
    )
    .bind(text)
    .bind(distributor_id)
    .bind(account_id)
    .bind(kind)
    .bind(ref_id)
    .execute(&mut **tx)
    .await
    .map_err(internal)?;
    Ok(())
}

pub(super) async fn delete_search(
    tx: &mut DbTransaction<'_>,
    distributor_id: &str,
    kind: &str,
    ref_id: &str,
) -> Result<(), AppError> {
    sqlx::query("DELETE FROM rm_search WHERE distributor_id = $1 AND kind = $2 AND ref_id = $3")
        .bind(distributor_id)
        .bind(kind)
        .bind(ref_id)
        .execute(&mut **tx)
        .await
        .map_err(internal)?;
    Ok(())
}

pub(super) fn account_haystack(a: &AccountIn) -> String {
    haystack(&[&a.name, &a.id, &a.address])
}

pub(super) fn subscriber_haystack(s: &SubscriberIn) -> String {
    let numbers: Vec<String> = s.numbers.iter().map(|n| number_words(n)).collect();
    haystack(&[&s.name, &s.email, &s.id, &numbers.join(" ")])
}

pub(super) fn number_haystack(n: &NumberIn) -> String {
    // Its routes too: searching an MRID- or CRID- lists the numbers using it.
    haystack(&[
        &number_words(&n.msisdn),
        &n.number_id,
        &n.iccid,
        &n.message_route_id,
        &n.voice_route_id,
    ])
}

/// Rows of one kind, many per statement (sweeps write thousands).
async fn insert_many(
    tx: &mut DbTransaction<'_>,
    table_and_columns: &str,
    cols: usize,
    rows: Vec<Vec<Cell>>,
) -> Result<(), AppError> {
    // 100 rows × at most 17 values stays far under both databases' limits.
    for chunk in rows.chunks(100) {
        let sql = format!(
            "INSERT INTO {table_and_columns} VALUES {}",
            super::sweep::values_placeholders(chunk.len(), cols)
        );
        let mut query = sqlx::query(&sql);
        for row in chunk {
            for cell in row {
                query = match cell {
                    Cell::Text(t) => query.bind(t.clone()),
                    Cell::Int(i) => query.bind(*i),
                };
            }
        }
        query.execute(&mut **tx).await.map_err(internal)?;
    }
    Ok(())
}

enum Cell {
    Text(String),
    Int(Option<i64>),
}

fn t(value: &str) -> Cell {
    Cell::Text(value.to_string())
}

/// The usage rows of a Distributor, by number (kept across a full sweep
/// for numbers whose usage batch failed).
pub(super) async fn usage_rows(pool: &DbPool, distributor_id: &str) -> Result<HashMap<String, UsageIn>, AppError> {
    let rows = sqlx::query(
        "SELECT msisdn, used_kb, limit_kb, percent, behaviour, usage_confirmed_at FROM rm_numbers \
         WHERE distributor_id = $1 AND usage_confirmed_at IS NOT NULL",
    )
    .bind(distributor_id)
    .fetch_all(pool)
    .await
    .map_err(internal)?;
    rows.into_iter()
        .map(|r| {
            Ok((
                r.try_get::<String, _>(0)?,
                UsageIn {
                    used_kb: r.try_get(1)?,
                    limit_kb: r.try_get(2)?,
                    percent: r.try_get(3)?,
                    behaviour: r.try_get(4)?,
                    confirmed_at: r.try_get(5)?,
                },
            ))
        })
        .collect::<Result<_, sqlx::Error>>()
        .map_err(internal)
}

/// Whether the read model has this Account under this Distributor.
pub async fn holds_account(pool: &DbPool, distributor_id: &str, account_id: &str) -> Result<bool, AppError> {
    let (n,): (i64,) = sqlx::query_as("SELECT COUNT(*) FROM rm_accounts WHERE distributor_id = $1 AND account_id = $2")
        .bind(distributor_id)
        .bind(account_id)
        .fetch_one(pool)
        .await
        .map_err(internal)?;
    Ok(n > 0)
}

/// Replaces every row of the Distributor with what a full sweep read.
/// `read_from`: when the sweep began reading Telegent. Rows the portal
/// itself wrote after that (`written_at`, see `write_through`) are newer
/// than what was read and are kept: subscribers whole, numbers' limits.
#[allow(clippy::too_many_arguments)]
pub(super) async fn replace_distributor(
    tx: &mut DbTransaction<'_>,
    distributor_id: &str,
    read_from: &str,
    accounts: &[AccountIn],
    subscribers: &[SubscriberIn],
    numbers: &[NumberIn],
    subscriptions: &[SubscriptionIn],
    usage: impl Fn(&str) -> Option<UsageIn>,
) -> Result<(), AppError> {
    // A write first: SQLite then holds the write lock for the whole step.
    // Reading first and writing later fails at once (not after the busy
    // timeout) when another connection wrote in between (a page's
    // write-through), and would lose the sweep.
    sqlx::query("UPDATE rm_sweeps SET running_since = running_since WHERE distributor_id = $1")
        .bind(distributor_id)
        .execute(&mut **tx)
        .await
        .map_err(internal)?;
    // Written since the read began: kept over it.
    let newer_people: Vec<(String, String, String, String, String, String, String)> = sqlx::query_as(
        "SELECT subscriber_id, account_id, name, name_key, email, role, numbers FROM rm_subscribers \
         WHERE distributor_id = $1 AND written_at > $2",
    )
    .bind(distributor_id)
    .bind(read_from)
    .fetch_all(&mut **tx)
    .await
    .map_err(internal)?;
    let newer_accounts: Vec<(String, String, String)> = sqlx::query_as(
        "SELECT account_id, name, address FROM rm_accounts WHERE distributor_id = $1 AND written_at > $2",
    )
    .bind(distributor_id)
    .bind(read_from)
    .fetch_all(&mut **tx)
    .await
    .map_err(internal)?;
    // A number's limits, and its place after a transfer the portal made.
    #[allow(clippy::type_complexity)]
    let newer_numbers: Vec<(String, Option<i64>, Option<i64>, String, String)> = sqlx::query_as(
        "SELECT msisdn, limit_kb, percent, account_id, subscriber_id FROM rm_numbers \
         WHERE distributor_id = $1 AND written_at > $2",
    )
    .bind(distributor_id)
    .bind(read_from)
    .fetch_all(&mut **tx)
    .await
    .map_err(internal)?;
    #[allow(clippy::type_complexity)]
    let newer_plans: Vec<(String, String, String, String, String, String, Option<i64>)> = sqlx::query_as(
        "SELECT subscription_id, account_id, subscriber_id, tnid, package_id, kind, active FROM rm_subscriptions \
         WHERE distributor_id = $1 AND written_at > $2",
    )
    .bind(distributor_id)
    .bind(read_from)
    .fetch_all(&mut **tx)
    .await
    .map_err(internal)?;
    let kept: std::collections::HashSet<&str> = newer_people.iter().map(|p| p.0.as_str()).collect();
    let subscribers: Vec<&SubscriberIn> = subscribers.iter().filter(|s| !kept.contains(s.id.as_str())).collect();
    let kept_accounts: Vec<AccountIn> = newer_accounts
        .into_iter()
        .map(|(id, name, address)| AccountIn { id, name, address })
        .collect();
    let kept: std::collections::HashSet<&str> = kept_accounts.iter().map(|a| a.id.as_str()).collect();
    let accounts: Vec<&AccountIn> = accounts
        .iter()
        .filter(|a| !kept.contains(a.id.as_str()))
        .chain(kept_accounts.iter())
        .collect();
    for table in [
        "rm_accounts",
        "rm_subscribers",
        "rm_numbers",
        "rm_subscriptions",
        "rm_search",
    ] {
        sqlx::query(&format!("DELETE FROM {table} WHERE distributor_id = $1"))
            .bind(distributor_id)
            .execute(&mut **tx)
            .await
            .map_err(internal)?;
    }
    let at = now_text();
    let d = distributor_id;
    let mut search = Vec::new();
    let kept_people: Vec<SubscriberIn> = newer_people
        .into_iter()
        .map(|(id, account_id, name, _, email, role, numbers)| SubscriberIn {
            id,
            account_id,
            name,
            email,
            role,
            numbers: numbers.split_whitespace().map(str::to_string).collect(),
        })
        .collect();
    insert_many(
        tx,
        "rm_accounts (distributor_id, account_id, name, name_key, address, confirmed_at)",
        6,
        accounts
            .iter()
            .map(|a| {
                search.push(vec![t(&account_haystack(a)), t(d), t(&a.id), t("account"), t(&a.id)]);
                vec![
                    t(d),
                    t(&a.id),
                    t(&a.name),
                    t(&a.name.to_lowercase()),
                    t(&a.address),
                    t(&at),
                ]
            })
            .collect(),
    )
    .await?;
    insert_many(
        tx,
        "rm_subscribers (distributor_id, subscriber_id, account_id, name, name_key, email, role, numbers, confirmed_at)",
        9,
        subscribers
            .iter()
            .copied()
            .chain(kept_people.iter())
            .map(|s| {
                search.push(vec![
                    t(&subscriber_haystack(s)),
                    t(d),
                    t(&s.account_id),
                    t("subscriber"),
                    t(&s.id),
                ]);
                vec![
                    t(d),
                    t(&s.id),
                    t(&s.account_id),
                    t(&s.name),
                    t(&s.name.to_lowercase()),
                    t(&s.email),
                    t(&s.role),
                    t(&s.numbers.join(" ")),
                    t(&at),
                ]
            })
            .collect(),
    )
    .await?;
    insert_many(
        tx,
        "rm_numbers (distributor_id, msisdn, number_id, iccid, account_id, subscriber_id, status, product_type, \
         message_route_id, voice_route_id, used_kb, limit_kb, percent, behaviour, usage_confirmed_at, confirmed_at, \
         classification, capabilities)",
        18,
        numbers
            .iter()
            .map(|n| {
                search.push(vec![
                    t(&number_haystack(n)),
                    t(d),
                    t(&n.account_id),
                    t("number"),
                    t(&n.msisdn),
                ]);
                let u = usage(&n.msisdn);
                vec![
                    t(d),
                    t(&n.msisdn),
                    t(&n.number_id),
                    t(&n.iccid),
                    t(&n.account_id),
                    t(&n.subscriber_id),
                    t(&n.status),
                    t(&n.product_type),
                    t(&n.message_route_id),
                    t(&n.voice_route_id),
                    Cell::Int(u.as_ref().and_then(|u| u.used_kb)),
                    Cell::Int(u.as_ref().and_then(|u| u.limit_kb)),
                    Cell::Int(u.as_ref().and_then(|u| u.percent)),
                    t(u.as_ref().map(|u| u.behaviour.as_str()).unwrap_or("")),
                    match &u {
                        Some(u) => t(&u.confirmed_at),
                        None => Cell::Int(None),
                    },
                    t(&at),
                    t(&n.classification),
                    t(&n.capabilities),
                ]
            })
            .collect(),
    )
    .await?;
    let kept_plans: Vec<SubscriptionIn> = newer_plans
        .into_iter()
        .map(
            |(id, account_id, subscriber_id, tnid, package_id, kind, active)| SubscriptionIn {
                id,
                account_id,
                subscriber_id,
                tnid,
                package_id,
                kind,
                active: active.map(|a| a != 0),
            },
        )
        .collect();
    let kept: std::collections::HashSet<&str> = kept_plans.iter().map(|p| p.id.as_str()).collect();
    insert_many(
        tx,
        "rm_subscriptions (distributor_id, subscription_id, account_id, subscriber_id, tnid, package_id, kind, \
         active, confirmed_at)",
        9,
        subscriptions
            .iter()
            .filter(|p| !kept.contains(p.id.as_str()))
            .chain(kept_plans.iter())
            .map(|p| {
                vec![
                    t(d),
                    t(&p.id),
                    t(&p.account_id),
                    t(&p.subscriber_id),
                    t(&p.tnid),
                    t(&p.package_id),
                    t(&p.kind),
                    Cell::Int(p.active.map(i64::from)),
                    t(&at),
                ]
            })
            .collect(),
    )
    .await?;
    insert_many(
        tx,
        "rm_search (haystack, distributor_id, account_id, kind, ref_id)",
        5,
        search,
    )
    .await?;
    for (msisdn, limit_kb, percent, account_id, subscriber_id) in newer_numbers {
        sqlx::query(
            "UPDATE rm_numbers SET limit_kb = $1, percent = $2, written_at = $3, account_id = $6, subscriber_id = $7 \
             WHERE distributor_id = $4 AND msisdn = $5",
        )
        .bind(limit_kb)
        .bind(percent)
        .bind(&at)
        .bind(distributor_id)
        .bind(&msisdn)
        .bind(&account_id)
        .bind(&subscriber_id)
        .execute(&mut **tx)
        .await
        .map_err(internal)?;
        // Its search row follows its Account (scoped searches filter on it).
        sqlx::query(
            "UPDATE rm_search SET account_id = $1 WHERE distributor_id = $2 AND kind = 'number' AND ref_id = $3",
        )
        .bind(&account_id)
        .bind(distributor_id)
        .bind(&msisdn)
        .execute(&mut **tx)
        .await
        .map_err(internal)?;
    }
    recount(tx, distributor_id, None).await
}

/// The counts on Account rows, from the rows below them (all the
/// Distributor's Accounts, or one).
pub(super) async fn recount(
    tx: &mut DbTransaction<'_>,
    distributor_id: &str,
    account_id: Option<&str>,
) -> Result<(), AppError> {
    let mut sql = String::from(
        "UPDATE rm_accounts SET \
         subscribers = (SELECT COUNT(*) FROM rm_subscribers s WHERE s.distributor_id = rm_accounts.distributor_id \
           AND s.account_id = rm_accounts.account_id), \
         managers = (SELECT COUNT(*) FROM rm_subscribers s WHERE s.distributor_id = rm_accounts.distributor_id \
           AND s.account_id = rm_accounts.account_id AND s.role = 'Manager'), \
         lines = (SELECT COUNT(*) FROM rm_numbers n WHERE n.distributor_id = rm_accounts.distributor_id \
           AND n.account_id = rm_accounts.account_id AND lower(n.status) <> 'cancelled') \
         WHERE distributor_id = $1",
    );
    if account_id.is_some() {
        sql.push_str(" AND account_id = $2");
    }
    let mut query = sqlx::query(&sql).bind(distributor_id);
    if let Some(account_id) = account_id {
        query = query.bind(account_id);
    }
    query.execute(&mut **tx).await.map_err(internal)?;
    Ok(())
}

// ---------------------------------------------------------------------------
// Sweep state.

/// When the Distributor's last full sweep finished, if one ever did.
pub async fn last_full_sweep(pool: &DbPool, distributor_id: &str) -> Result<Option<String>, AppError> {
    let row: Option<(Option<String>,)> = sqlx::query_as("SELECT full_at FROM rm_sweeps WHERE distributor_id = $1")
        .bind(distributor_id)
        .fetch_optional(pool)
        .await
        .map_err(internal)?;
    Ok(row.and_then(|(at,)| at))
}

/// `rm_sweeps`: full_at, running_since, last_error, requested_at.
type SweepRow = (Option<String>, Option<String>, String, Option<String>);

/// How current the Distributor's copy is, for the page's status line.
pub async fn freshness(pool: &DbPool, distributor_id: &str) -> Result<Freshness, AppError> {
    let row: Option<SweepRow> = sqlx::query_as(
        "SELECT full_at, running_since, last_error, requested_at FROM rm_sweeps WHERE distributor_id = $1",
    )
    .bind(distributor_id)
    .fetch_optional(pool)
    .await
    .map_err(internal)?;
    let Some((full_at, running_since, last_error, requested_at)) = row else {
        return Ok(Freshness {
            can_refresh: true,
            ..Freshness::default()
        });
    };
    Ok(Freshness {
        confirmed_seconds_ago: full_at.as_deref().map(|at| age_of(at).as_secs()),
        sweeping: running_since.is_some(),
        last_problem: (!last_error.is_empty()).then_some(last_error),
        can_refresh: requested_at
            .as_deref()
            .is_none_or(|at| age_of(at) >= REFRESH_AT_MOST_EVERY),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_are_found_with_or_without_their_country_code() {
        assert_eq!(number_words("+18015550100"), "18015550100 8015550100");
        assert_eq!(number_words("+447700900123"), "447700900123");
    }

    #[test]
    fn haystacks_are_lower_case_and_skip_empty_parts() {
        assert_eq!(haystack(&["Jane Doe", "", "AID-X"]), "jane doe aid-x");
    }

    #[test]
    fn matching_ids_puts_the_kind_first_and_the_scope_before_the_text() {
        let sql = matching_ids(&Scope::Distributor("DID-1".into()), "account", "doe");
        assert_eq!(
            sql.text,
            "SELECT ref_id FROM rm_search WHERE kind = ? AND distributor_id = ? AND haystack LIKE ?"
        );
        assert_eq!(sql.values, ["account", "DID-1", "%doe%"]);
    }
}
