//! This cycle's data use as the last sweep read it, for a page that cannot
//! ask Telegent now (see `lines::service::usage_or_copy`).

use std::collections::HashMap;

use super::sweep::{age_of, behaviour_from_code, internal};
use crate::error::AppError;
use crate::ssr::db::DbPool;

/// This cycle's usage of `msisdns` as the last sweep read it, with the age
/// in seconds of the oldest reading; `None` unless every line has one.
/// Warn and slow-down thresholds and renewal are not kept in the copy.
pub async fn usage_copy(
    pool: &DbPool,
    distributor_id: &str,
    msisdns: &[String],
) -> Result<Option<(HashMap<String, crate::lines::model::LineUsage>, u64)>, AppError> {
    use crate::lines::model::LineUsage;
    if msisdns.is_empty() {
        return Ok(None);
    }
    let placeholders: Vec<String> = (2..msisdns.len() + 2).map(|i| format!("${i}")).collect();
    let sql = format!(
        "SELECT msisdn, used_kb, limit_kb, behaviour, usage_confirmed_at FROM rm_numbers \
         WHERE distributor_id = $1 AND msisdn IN ({}) AND used_kb IS NOT NULL AND usage_confirmed_at IS NOT NULL",
        placeholders.join(", ")
    );
    let mut query = sqlx::query_as::<_, (String, i64, Option<i64>, String, String)>(&sql).bind(distributor_id);
    for m in msisdns {
        query = query.bind(m);
    }
    let rows = query.fetch_all(pool).await.map_err(internal)?;
    let mut out = HashMap::new();
    let mut oldest = 0u64;
    for (msisdn, used_kb, limit_kb, behaviour, at) in rows {
        oldest = oldest.max(age_of(&at).as_secs());
        let behaviour = behaviour_from_code(&behaviour);
        let usage = LineUsage {
            used_kb: used_kb.max(0) as u64,
            limit_kb: limit_kb.unwrap_or(0).max(0) as u64,
            notify_kb: None,
            throttle_kb: None,
            throttle_speed: None,
            behaviour,
            is_default: false,
            renewal: None,
            unreadable: false,
        };
        out.insert(msisdn, usage);
    }
    let complete = msisdns.iter().all(|m| out.contains_key(m));
    Ok(complete.then_some((out, oldest)))
}
