//! Filling the read model from Telegent, in the budget's background share.
//!
//! A full sweep reads the Distributor's Accounts (one call), Subscribers
//! and Numbers (pages of 500) and this cycle's data use and limits (batches
//! of 500 numbers across Accounts), then replaces the Distributor's rows in
//! one transaction: ~12,000 numbers cost about 90 calls. A usage sweep
//! refreshes only data use and limits. Both ask after the oldest open
//! orders (`orders`). One sweep per Distributor runs at a
//! time; a page that finds the model empty waits for the first one.

use std::collections::{HashMap, HashSet};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use telegent::ops::numbers::{DataUsageInfoEntry, DataUsageSettingsEntry, NumberDetails, PhoneNumbersRequest};
use telegent::types::{NumberEntry, Subscriber};
use telegent::{TelegentClient, TelegentError};

use crate::error::AppError;
use crate::lines::model::Behaviour;
use crate::lines::service::line_usage;
use crate::ssr::db::{now_text, numbered, DbPool, DbTransaction};
use crate::ssr::AppState;

/// Rows per upstream page and numbers per data-usage batch.
pub const PAGE: u32 = 500;
/// A full sweep at least this often; usage sweeps in between.
pub const FULL_EVERY: Duration = Duration::from_secs(60 * 60);
/// How long a page waits for the first fill of an empty copy before it says
/// the lists are on their way (the sweep goes on).
pub const FIRST_FILL_WAIT: Duration = Duration::from_secs(20);
/// "Refresh now" at most once a minute per Distributor.
pub const REFRESH_AT_MOST_EVERY: Duration = Duration::from_secs(60);

/// What a sweep read and what it cost.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SweepReport {
    pub kind: &'static str,
    /// Operations sent upstream (retries and tokens not counted).
    pub calls: u32,
    pub accounts: usize,
    pub subscribers: usize,
    pub numbers: usize,
    pub subscriptions: usize,
    pub millis: u64,
}

/// One sweep per Distributor at a time, for the whole process.
#[derive(Default)]
pub struct Sweeper {
    locks: Mutex<HashMap<String, Arc<tokio::sync::Mutex<()>>>>,
    /// What the staff home computed from the copy, kept while it is unchanged.
    pub workspace: super::kept::Kept<crate::workspace::service::Computed>,
    /// The staff lists' totals (per scope and filters), kept the same way.
    pub totals: super::kept::Kept<u32>,
}

impl Sweeper {
    fn lock_of(&self, distributor_id: &str) -> Arc<tokio::sync::Mutex<()>> {
        self.locks
            .lock()
            .expect("sweep locks")
            .entry(distributor_id.to_string())
            .or_default()
            .clone()
    }
}

// ---------------------------------------------------------------------------
// What a sweep read, before it is written.

pub(super) struct AccountIn {
    pub id: String,
    pub name: String,
    pub address: String,
}

pub(super) struct SubscriberIn {
    pub id: String,
    pub account_id: String,
    pub name: String,
    pub email: String,
    pub role: String,
    pub numbers: Vec<String>,
}

pub(super) struct SubscriptionIn {
    pub id: String,
    pub account_id: String,
    pub subscriber_id: String,
    pub tnid: String,
    pub package_id: String,
    pub kind: String,
    pub active: Option<bool>,
}

pub(super) struct NumberIn {
    pub msisdn: String,
    pub number_id: String,
    pub iccid: String,
    pub account_id: String,
    pub subscriber_id: String,
    pub status: String,
    pub product_type: String,
    pub message_route_id: String,
    pub voice_route_id: String,
    /// `mvno` or `iot` (empty: not said).
    pub classification: String,
    /// Those on of `sms voice data`, space-separated.
    pub capabilities: String,
}

/// This cycle's data for one number.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct UsageIn {
    pub used_kb: Option<i64>,
    pub limit_kb: Option<i64>,
    pub percent: Option<i64>,
    pub behaviour: String,
    pub confirmed_at: String,
}

/// The behaviour as the read model stores it.
pub fn behaviour_code(behaviour: Behaviour) -> &'static str {
    match behaviour {
        Behaviour::Normal => "normal",
        Behaviour::Notified => "notified",
        Behaviour::Throttled => "throttled",
        Behaviour::Blocked => "blocked",
        Behaviour::Unknown => "unknown",
    }
}

/// The stored code read back (`behaviour_code`'s inverse; anything else unknown).
pub fn behaviour_from_code(code: &str) -> Behaviour {
    match code {
        "normal" => Behaviour::Normal,
        "notified" => Behaviour::Notified,
        "throttled" => Behaviour::Throttled,
        "blocked" => Behaviour::Blocked,
        _ => Behaviour::Unknown,
    }
}

/// A number's usage as stored: `unreadable` when Telegent's answer for it
/// could not be read (it still lists, and says so).
fn usage_row(info: Option<&DataUsageInfoEntry>, settings: Option<&DataUsageSettingsEntry>, at: &str) -> UsageIn {
    let usage = line_usage(info, settings);
    let clamp = |kb: u64| i64::try_from(kb).unwrap_or(i64::MAX);
    if usage.unreadable {
        return UsageIn {
            used_kb: None,
            limit_kb: None,
            percent: None,
            behaviour: "unreadable".into(),
            confirmed_at: at.to_string(),
        };
    }
    UsageIn {
        used_kb: Some(clamp(usage.used_kb)),
        limit_kb: Some(clamp(usage.limit_kb)),
        percent: Some(i64::from(usage.percent())),
        behaviour: behaviour_code(usage.behaviour).into(),
        confirmed_at: at.to_string(),
    }
}

fn text(value: &Option<String>) -> String {
    value.clone().unwrap_or_default()
}

/// One row per key, the first kept: paging that drifts between pages (a row
/// added meanwhile) can answer a row twice, and one duplicate must not fail
/// the sweep's insert.
fn dedup_by<T>(rows: Vec<T>, key: impl Fn(&T) -> String) -> Vec<T> {
    let mut seen = HashSet::new();
    rows.into_iter().filter(|r| seen.insert(key(r))).collect()
}

/// One number per MSISDN: a cancelled number and the live one that took its
/// MSISDN (a port-in, a reuse) are both in the inventory; the live one wins.
fn dedup_numbers(rows: Vec<NumberDetails>) -> Vec<NumberDetails> {
    let mut by: HashMap<String, NumberDetails> = HashMap::new();
    let mut order = Vec::new();
    for n in rows {
        let Some(msisdn) = n.number.clone() else { continue };
        match by.get(&msisdn) {
            None => {
                order.push(msisdn.clone());
                by.insert(msisdn, n);
            }
            Some(kept) if has_usage(kept.status.as_deref().unwrap_or("")) => {}
            Some(_) => {
                by.insert(msisdn, n);
            }
        }
    }
    order.into_iter().filter_map(|m| by.remove(&m)).collect()
}

/// Cancelled numbers have no data cycle to read.
fn has_usage(status: &str) -> bool {
    !status.eq_ignore_ascii_case("cancelled")
}

// ---------------------------------------------------------------------------
// Reading.

/// Every subscriber of the Distributor, page by page.
async fn all_subscribers(client: &TelegentClient, calls: &mut u32) -> Result<Vec<Subscriber>, TelegentError> {
    let mut all = Vec::new();
    let mut page = 1;
    loop {
        *calls += 1;
        let batch = client.distributor_subscribers(page, PAGE).await?;
        let fetched = batch.subscribers.len() as u32;
        all.extend(batch.subscribers);
        if fetched < PAGE || page * PAGE >= batch.total_subscribers {
            return Ok(all);
        }
        page += 1;
    }
}

/// Every number of the Distributor (all statuses), page by page.
async fn all_numbers(client: &TelegentClient, calls: &mut u32) -> Result<Vec<NumberDetails>, TelegentError> {
    let mut all = Vec::new();
    let mut page = 1u32;
    loop {
        *calls += 1;
        let batch = client.number_inventory(page, None, Some(PAGE)).await?;
        let fetched = batch.phone_numbers.len() as u32;
        let total = batch.total_results.unwrap_or(0).max(0) as u64;
        all.extend(batch.phone_numbers);
        if fetched < PAGE || u64::from(page * PAGE) >= total {
            return Ok(all);
        }
        page += 1;
    }
}

/// Data use and limits of `msisdns`, two calls per 500 numbers whatever
/// their Accounts. A batch that fails (a busy budget) leaves its numbers
/// out: they keep the usage they had.
async fn usage_of(client: &TelegentClient, msisdns: &[String], calls: &mut u32) -> HashMap<String, UsageIn> {
    let mut out = HashMap::new();
    for batch in msisdns.chunks(PAGE as usize) {
        let request = PhoneNumbersRequest {
            phone_numbers: NumberEntry::list(batch),
        };
        *calls += 2;
        let (info, settings) = tokio::join!(client.data_usage_info(&request), client.data_usage_settings(&request));
        let (info, settings) = match (info, settings) {
            (Ok(i), Ok(s)) => (i, s),
            (Err(e), _) | (_, Err(e)) => {
                tracing::warn!(error = %e, numbers = batch.len(), "usage sweep: a batch was not read");
                continue;
            }
        };
        let at = now_text();
        let info: HashMap<String, DataUsageInfoEntry> = info
            .phone_numbers
            .into_iter()
            .filter_map(|e| Some((e.number.clone()?, e)))
            .collect();
        let settings: HashMap<String, DataUsageSettingsEntry> = settings
            .phone_numbers
            .into_iter()
            .filter_map(|e| Some((e.number.clone()?, e)))
            .collect();
        for m in batch {
            out.insert(m.clone(), usage_row(info.get(m), settings.get(m), &at));
        }
    }
    out
}

/// Members the portal removed from their Account (see `members::removal`):
/// not listed.
async fn removed_members(pool: &DbPool, distributor_id: &str) -> Result<HashSet<String>, AppError> {
    let rows: Vec<(String,)> = sqlx::query_as("SELECT subscriber_id FROM removed_members WHERE distributor_id = $1")
        .bind(distributor_id)
        .fetch_all(pool)
        .await
        .map_err(internal)?;
    Ok(rows.into_iter().map(|(id,)| id).collect())
}

pub(super) fn internal(error: sqlx::Error) -> AppError {
    tracing::error!(%error, "read model");
    AppError::Internal
}

// ---------------------------------------------------------------------------
// Sweeps.

/// Reads the whole Distributor and replaces its rows.
pub async fn full(pool: &DbPool, client: &TelegentClient, distributor_id: &str) -> Result<SweepReport, AppError> {
    let client = client.background();
    let started = Instant::now();
    // The portal's own changes after this moment win over what is read now.
    let read_from = now_text();
    let mut calls = 0u32;
    calls += 1;
    let accounts = client.distributor_accounts().await?;
    let subscribers = dedup_by(all_subscribers(&client, &mut calls).await?, |s| s.subscriber_id.clone());
    let numbers = dedup_numbers(all_numbers(&client, &mut calls).await?);
    // Read after Telegent, so a removal made meanwhile is not listed again.
    let removed = removed_members(pool, distributor_id).await?;

    let accounts: Vec<AccountIn> = accounts
        .into_iter()
        .map(|a| AccountIn {
            address: a
                .billing_address
                .as_ref()
                .or(a.mailing_address.as_ref())
                .map(|x| x.one_line())
                .unwrap_or_default(),
            id: a.account_id,
            name: a.account_name,
        })
        .collect();
    // Each subscriber page lists its people's subscriptions: no call of their own.
    let subscriptions: Vec<SubscriptionIn> = dedup_by(
        subscribers
            .iter()
            .filter(|s| !removed.contains(&s.subscriber_id))
            .flat_map(|s| {
                let account_id = s.account_id().unwrap_or_default();
                s.subscriptions.iter().filter_map(move |sub| {
                    Some(SubscriptionIn {
                        id: sub.subscription_id.clone().filter(|id| !id.is_empty())?,
                        account_id: account_id.clone(),
                        subscriber_id: sub.subscriber_id.clone().unwrap_or_else(|| s.subscriber_id.clone()),
                        tnid: text(&sub.tnid),
                        package_id: text(&sub.package_id),
                        kind: text(&sub.kind),
                        active: sub.active,
                    })
                })
            })
            .collect(),
        |s| s.id.clone(),
    );
    let subscribers: Vec<SubscriberIn> = subscribers
        .into_iter()
        .filter(|s| !removed.contains(&s.subscriber_id))
        .map(|s| SubscriberIn {
            account_id: s.account_id().unwrap_or_default(),
            id: s.subscriber_id,
            name: s.name,
            email: s.email,
            role: s.role,
            numbers: s.phone_numbers,
        })
        .collect();
    // Whose number is it: the inventory's answer, else the subscriber who lists it.
    let holder: HashMap<&str, &SubscriberIn> = subscribers
        .iter()
        .flat_map(|s| s.numbers.iter().map(move |n| (n.as_str(), s)))
        .collect();
    let numbers: Vec<NumberIn> = numbers
        .into_iter()
        .filter_map(|n| {
            let msisdn = n.number.clone().filter(|m| !m.is_empty())?;
            let listed_by = holder.get(msisdn.as_str());
            let subscriber_id = n
                .assigned_subscriber_id
                .clone()
                .filter(|s| !s.is_empty() && !removed.contains(s))
                .or_else(|| listed_by.map(|s| s.id.clone()))
                .unwrap_or_default();
            let account_id = n
                .account_id
                .clone()
                .filter(|a| !a.is_empty())
                .or_else(|| listed_by.map(|s| s.account_id.clone()))
                .unwrap_or_default();
            Some(NumberIn {
                msisdn,
                number_id: text(&n.tnid),
                iccid: text(&n.iccid),
                account_id,
                subscriber_id,
                status: text(&n.status),
                product_type: text(&n.product_type),
                message_route_id: text(&n.message_route_id),
                voice_route_id: text(&n.voice_route_id),
                classification: crate::inventory::model::classification_code(
                    n.classification.as_deref(),
                    n.number_type.as_deref(),
                ),
                capabilities: crate::inventory::model::capabilities_code(
                    n.message_enabled,
                    n.voice_enabled,
                    &text(&n.product_type),
                ),
            })
        })
        .collect();
    let with_usage: Vec<String> = numbers
        .iter()
        .filter(|n| has_usage(&n.status))
        .map(|n| n.msisdn.clone())
        .collect();
    let usage = usage_of(&client, &with_usage, &mut calls).await;

    // What the last sweep read is kept for numbers whose usage batch failed.
    // Read before the transaction: SQLite cannot turn a read transaction into
    // a write one while another write lands (it would fail the whole sweep).
    let previous = super::store::usage_rows(pool, distributor_id).await?;
    let mut tx = pool.begin().await.map_err(internal)?;
    super::store::replace_distributor(
        &mut tx,
        distributor_id,
        &read_from,
        &accounts,
        &subscribers,
        &numbers,
        &subscriptions,
        |msisdn| usage.get(msisdn).or_else(|| previous.get(msisdn)).cloned(),
    )
    .await?;
    tx.commit().await.map_err(internal)?;
    calls += super::orders::check_open(pool, &client, distributor_id).await?;
    Ok(SweepReport {
        kind: "full",
        calls,
        accounts: accounts.len(),
        subscribers: subscribers.len(),
        numbers: numbers.len(),
        subscriptions: subscriptions.len(),
        millis: started.elapsed().as_millis() as u64,
    })
}

/// Refreshes data use and limits of every number that has a cycle.
pub async fn usage(pool: &DbPool, client: &TelegentClient, distributor_id: &str) -> Result<SweepReport, AppError> {
    let client = client.background();
    let started = Instant::now();
    let mut calls = 0u32;
    let msisdns: Vec<(String,)> = sqlx::query_as(
        "SELECT msisdn FROM rm_numbers WHERE distributor_id = $1 AND lower(status) <> 'cancelled' ORDER BY msisdn",
    )
    .bind(distributor_id)
    .fetch_all(pool)
    .await
    .map_err(internal)?;
    let msisdns: Vec<String> = msisdns.into_iter().map(|(m,)| m).collect();
    let usage = usage_of(&client, &msisdns, &mut calls).await;
    let mut tx = pool.begin().await.map_err(internal)?;
    for (msisdn, u) in &usage {
        set_usage(&mut tx, distributor_id, msisdn, u).await?;
    }
    tx.commit().await.map_err(internal)?;
    calls += super::orders::check_open(pool, &client, distributor_id).await?;
    Ok(SweepReport {
        kind: "usage",
        calls,
        numbers: usage.len(),
        millis: started.elapsed().as_millis() as u64,
        ..SweepReport::default()
    })
}

pub(super) async fn set_usage(
    tx: &mut DbTransaction<'_>,
    distributor_id: &str,
    msisdn: &str,
    u: &UsageIn,
) -> Result<(), AppError> {
    sqlx::query(
        "UPDATE rm_numbers SET used_kb = $1, limit_kb = $2, percent = $3, behaviour = $4, usage_confirmed_at = $5 \
         WHERE distributor_id = $6 AND msisdn = $7",
    )
    .bind(u.used_kb)
    .bind(u.limit_kb)
    .bind(u.percent)
    .bind(&u.behaviour)
    .bind(&u.confirmed_at)
    .bind(distributor_id)
    .bind(msisdn)
    .execute(&mut **tx)
    .await
    .map_err(internal)?;
    Ok(())
}

// ---------------------------------------------------------------------------
// Running them: single flight, bookkeeping, the schedule.

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Full,
    Usage,
}

/// Runs one sweep of `kind` for the Distributor, unless one is running (then
/// waits for it and returns `None`). Its figures or its failure go into
/// `rm_sweeps`.
pub async fn run(state: &AppState, distributor_id: &str, kind: Kind) -> Result<Option<SweepReport>, AppError> {
    let lock = state.sweeper.lock_of(distributor_id);
    let Ok(_guard) = lock.try_lock() else {
        // Someone else is sweeping: wait for them, their rows will do.
        let _ = lock.lock().await;
        return Ok(None);
    };
    let client = state.upstreams.get(distributor_id).ok_or(AppError::NotFound)?;
    let pool = &state.pool;
    let started_at = now_text();
    sqlx::query(
        "INSERT INTO rm_sweeps (distributor_id, running_since) VALUES ($1, $2) \
         ON CONFLICT (distributor_id) DO UPDATE SET running_since = excluded.running_since",
    )
    .bind(distributor_id)
    .bind(&started_at)
    .execute(pool)
    .await
    .map_err(internal)?;
    let result = match kind {
        Kind::Full => full(pool, &client, distributor_id).await,
        Kind::Usage => usage(pool, &client, distributor_id).await,
    };
    super::changed();
    let finished = now_text();
    let kind_word = if kind == Kind::Full { "full" } else { "usage" };
    let query = match (&result, kind) {
        (Ok(r), Kind::Full) => sqlx::query(
            "UPDATE rm_sweeps SET running_since = NULL, full_at = $1, usage_at = $1, last_kind = $2, \
             last_calls = $3, last_millis = $4, last_error = '' WHERE distributor_id = $5",
        )
        .bind(finished)
        .bind(kind_word)
        .bind(i64::from(r.calls))
        .bind(r.millis as i64)
        .bind(distributor_id),
        (Ok(r), Kind::Usage) => sqlx::query(
            "UPDATE rm_sweeps SET running_since = NULL, usage_at = $1, last_kind = $2, last_calls = $3, \
             last_millis = $4, last_error = '' WHERE distributor_id = $5",
        )
        .bind(finished)
        .bind(kind_word)
        .bind(i64::from(r.calls))
        .bind(r.millis as i64)
        .bind(distributor_id),
        (Err(e), _) => sqlx::query(
            "UPDATE rm_sweeps SET running_since = NULL, last_kind = $1, last_error = $2, failed_at = $3 \
             WHERE distributor_id = $4",
        )
        .bind(kind_word)
        .bind(e.to_string())
        .bind(finished)
        .bind(distributor_id),
    };
    query.execute(pool).await.map_err(internal)?;
    match &result {
        Ok(r) => tracing::info!(
            distributor_id,
            kind = r.kind,
            calls = r.calls,
            accounts = r.accounts,
            subscribers = r.subscribers,
            numbers = r.numbers,
            millis = r.millis,
            "read model sweep"
        ),
        Err(e) => tracing::warn!(distributor_id, error = %e, "read model sweep failed"),
    }
    result.map(Some)
}

/// `rm_sweeps`: full_at, failed_at, last_error, running_since.
type FillRow = (Option<String>, Option<String>, String, Option<String>);

/// The Distributor's read model, filled: a page that finds it never swept
/// waits for the first full sweep (later pages are served from the copy).
/// When that first sweep failed less than a minute ago, pages say so instead
/// of sweeping again: a busy Telegent is not asked for everything on every
/// page load.
pub async fn ensure_filled(state: &AppState, distributor_id: &str) -> Result<(), AppError> {
    let row: Option<FillRow> =
        sqlx::query_as("SELECT full_at, failed_at, last_error, running_since FROM rm_sweeps WHERE distributor_id = $1")
            .bind(distributor_id)
            .fetch_optional(&state.pool)
            .await
            .map_err(internal)?;
    match row {
        Some((Some(_), _, _, _)) => return Ok(()),
        // Failed a moment ago and nobody is sweeping now (a running sweep is waited for).
        Some((None, Some(failed_at), error, None)) if age_of(&failed_at) < REFRESH_AT_MOST_EVERY => {
            return Err(AppError::Upstream(format!(
                "The staff lists could not be read from Telegent yet ({error}). Try again in a minute."
            )));
        }
        _ => {}
    }
    // The sweep runs on its own task: a page that gives up waiting (or a
    // browser that goes away) does not cancel it half done.
    let sweep = {
        let (state, distributor_id) = (state.clone(), distributor_id.to_string());
        tokio::spawn(async move { run(&state, &distributor_id, Kind::Full).await })
    };
    match tokio::time::timeout(FIRST_FILL_WAIT, sweep).await {
        Ok(Ok(Ok(_))) => {}
        Ok(Ok(Err(error))) => return Err(error),
        Ok(Err(_)) => return Err(AppError::Internal),
        Err(_) => {
            return Err(AppError::Upstream(
                "The staff lists are being read from Telegent for the first time. Reload the page in a minute.".into(),
            ))
        }
    }
    // Another page's sweep was waited for: it may have failed.
    match super::store::last_full_sweep(&state.pool, distributor_id).await? {
        Some(_) => Ok(()),
        None => Err(AppError::Upstream(
            "The staff lists could not be read from Telegent yet. Try again in a minute.".into(),
        )),
    }
}

/// "Refresh now": a full sweep in the background, at most once a minute per
/// Distributor. `false`: asked too recently (nothing started).
pub async fn request_refresh(state: &AppState, distributor_id: &str) -> Result<bool, AppError> {
    let now = chrono::Utc::now();
    let since = (now - chrono::Duration::from_std(REFRESH_AT_MOST_EVERY).unwrap_or_default())
        .format("%Y-%m-%dT%H:%M:%S%.3fZ")
        .to_string();
    let asked = now_text();
    // One statement decides, so two presses at once start one sweep.
    let taken = sqlx::query(
        "INSERT INTO rm_sweeps (distributor_id, requested_at) VALUES ($1, $2) \
         ON CONFLICT (distributor_id) DO UPDATE SET requested_at = excluded.requested_at \
         WHERE rm_sweeps.requested_at IS NULL OR rm_sweeps.requested_at < $3",
    )
    .bind(distributor_id)
    .bind(&asked)
    .bind(&since)
    .execute(&state.pool)
    .await
    .map_err(internal)?
    .rows_affected();
    if taken == 0 {
        return Ok(false);
    }
    let state = state.clone();
    let distributor_id = distributor_id.to_string();
    let span = tracing::info_span!("refresh now", %distributor_id);
    tokio::spawn(tracing::Instrument::instrument(
        async move {
            let _ = run(&state, &distributor_id, Kind::Full).await;
        },
        span,
    ));
    Ok(true)
}

/// The schedule: every `every`, each Distributor gets a full sweep when its
/// last one is older than [`FULL_EVERY`] (or it has none), else a usage
/// sweep. Runs until the process ends.
pub fn spawn_schedule(state: AppState, every: Duration) {
    tokio::spawn(async move {
        loop {
            for distributor_id in state.upstreams.distributor_ids() {
                let kind = match super::store::last_full_sweep(&state.pool, &distributor_id).await {
                    Ok(Some(at)) if age_of(&at) < FULL_EVERY => Kind::Usage,
                    Ok(_) => Kind::Full,
                    Err(_) => continue,
                };
                let _ = run(&state, &distributor_id, kind).await;
            }
            tokio::time::sleep(every).await;
        }
    });
}

/// How long ago a stored time was (zero when it cannot be read).
pub fn age_of(at: &str) -> Duration {
    chrono::DateTime::parse_from_rfc3339(at)
        .ok()
        .and_then(|t| (chrono::Utc::now() - t.with_timezone(&chrono::Utc)).to_std().ok())
        .unwrap_or_default()
}

/// `?` placeholders for `rows` rows of `cols` values: `(?, ?), (?, ?)`.
pub(super) fn values_placeholders(rows: usize, cols: usize) -> String {
    let row = format!("({})", vec!["?"; cols].join(", "));
    numbered(&vec![row; rows].join(", "))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn placeholders_are_numbered_across_rows() {
        assert_eq!(values_placeholders(2, 3), "($1, $2, $3), ($4, $5, $6)");
    }

    #[test]
    fn unreadable_usage_is_stored_as_such() {
        let entry = DataUsageInfoEntry {
            number: Some("+18015550100".into()),
            unreadable: Some("a value past what it can carry".into()),
            ..DataUsageInfoEntry::default()
        };
        let row = usage_row(Some(&entry), None, "2026-12-02T00:00:00.000Z");
        assert_eq!(row.behaviour, "unreadable");
        assert_eq!((row.used_kb, row.limit_kb, row.percent), (None, None, None));
    }
}
