//! The Distributor's home from the read model: no upstream call.

use sqlx::Row;

use super::model::{NeedsAction, Rollup, Workspace};
use crate::accounts::service::stored_distributor_name;
use crate::error::AppError;
use crate::links;
use crate::read_model::scope::Scope;
use crate::read_model::store::{freshness, Sql};
use crate::read_model::sweep::ensure_filled;
use crate::ssr::AppState;

/// Cases listed under each item (the link leads to all of them).
const EXAMPLES: usize = 5;

fn count_of(r: &sqlx::any::AnyRow, i: usize) -> u32 {
    r.get::<i64, _>(i).clamp(0, i64::from(u32::MAX)) as u32
}

pub async fn rollup(state: &AppState, scope: &Scope) -> Result<Rollup, AppError> {
    let pool = &state.pool;
    let mut out = Rollup {
        accounts: Sql::new("SELECT COUNT(*) FROM rm_accounts WHERE 1 = 1")
            .scoped(scope, "")
            .count(pool)
            .await?,
        subscribers: Sql::new("SELECT COUNT(*) FROM rm_subscribers WHERE 1 = 1")
            .scoped(scope, "")
            .count(pool)
            .await?,
        subscriptions: Sql::new("SELECT COUNT(*) FROM rm_subscriptions WHERE 1 = 1")
            .scoped(scope, "")
            .count(pool)
            .await?,
        open_orders: Sql::new("SELECT COUNT(*) FROM rm_orders WHERE 1 = 1")
            .scoped(scope, "")
            .count(pool)
            .await?,
        ..Rollup::default()
    };
    let rows = Sql::new(
        "SELECT lower(status), COUNT(*), SUM(CASE WHEN behaviour = 'throttled' THEN 1 ELSE 0 END), \
         SUM(CASE WHEN behaviour = 'blocked' THEN 1 ELSE 0 END) FROM rm_numbers WHERE 1 = 1",
    )
    .scoped(scope, "")
    .push(" GROUP BY lower(status)")
    .fetch_all(pool)
    .await?;
    for r in &rows {
        let n = count_of(r, 1);
        match r.get::<String, _>(0).as_str() {
            "active" => out.lines_active += n,
            "parked" | "suspended" => out.lines_parked += n,
            "cancelled" => out.lines_cancelled += n,
            _ => out.lines_pending += n,
        }
        out.lines_throttled += count_of(r, 2);
        out.lines_blocked += count_of(r, 3);
    }
    Ok(out)
}

/// Accounts by their number of Managers (`condition` on `managers`).
async fn accounts_where(
    state: &AppState,
    scope: &Scope,
    condition: &str,
) -> Result<(u32, Vec<(String, String)>), AppError> {
    let count = Sql::new("SELECT COUNT(*) FROM rm_accounts WHERE 1 = 1")
        .scoped(scope, "")
        .and(condition, [])
        .count(&state.pool)
        .await?;
    let rows = Sql::new("SELECT account_id, name FROM rm_accounts WHERE 1 = 1")
        .scoped(scope, "")
        .and(condition, [])
        .push(&format!(" ORDER BY name_key, account_id LIMIT {EXAMPLES}"))
        .fetch_all(&state.pool)
        .await?;
    let examples = rows
        .iter()
        .map(|r| (r.get::<String, _>(1), links::account(&r.get::<String, _>(0))))
        .collect();
    Ok((count, examples))
}

/// Numbers matching `condition`, with their Account's name.
async fn numbers_where(
    state: &AppState,
    scope: &Scope,
    condition: &str,
) -> Result<(u32, Vec<(String, String)>), AppError> {
    let count = Sql::new("SELECT COUNT(*) FROM rm_numbers n WHERE 1 = 1")
        .scoped(scope, "n")
        .and(condition, [])
        .count(&state.pool)
        .await?;
    let rows = Sql::new(
        "SELECT n.account_id, n.msisdn, a.name FROM rm_numbers n LEFT JOIN rm_accounts a \
         ON a.distributor_id = n.distributor_id AND a.account_id = n.account_id WHERE 1 = 1",
    )
    .scoped(scope, "n")
    .and(condition, [])
    .push(&format!(" ORDER BY n.msisdn LIMIT {EXAMPLES}"))
    .fetch_all(&state.pool)
    .await?;
    let examples = rows
        .iter()
        .map(|r| {
            let account_id: String = r.get(0);
            let msisdn: String = r.get(1);
            let account = r.get::<Option<String>, _>(2).unwrap_or_else(|| "no Account".into());
            let label = format!("{} ({account})", telegent::phone::format_for_display(&msisdn));
            let href = if account_id.is_empty() {
                links::staff_home()
            } else {
                links::line(&account_id, &msisdn)
            };
            (label, href)
        })
        .collect();
    Ok((count, examples))
}

/// Open orders, oldest first: how many, and the oldest few with their age.
async fn open_orders(state: &AppState, scope: &Scope) -> Result<(u32, Vec<(String, String)>), AppError> {
    let count = Sql::new("SELECT COUNT(*) FROM rm_orders WHERE 1 = 1")
        .scoped(scope, "")
        .count(&state.pool)
        .await?;
    let rows = Sql::new("SELECT account_id, kind, numbers, status, submitted_at, order_id FROM rm_orders WHERE 1 = 1")
        .scoped(scope, "")
        .push(&format!(" ORDER BY submitted_at, order_id LIMIT {EXAMPLES}"))
        .fetch_all(&state.pool)
        .await?;
    let examples = rows
        .iter()
        .map(|r| {
            let kind = match r.get::<String, _>(1).as_str() {
                "portin" => "Port-in",
                _ => "New number",
            };
            let numbers: String = r.get(2);
            let what = numbers
                .split_whitespace()
                .next()
                .map(telegent::phone::format_for_display)
                .unwrap_or_else(|| r.get::<String, _>(5));
            let age = in_words(crate::read_model::sweep::age_of(&r.get::<String, _>(4)));
            let label = format!("{kind} {what}: {}, {age}", r.get::<String, _>(3));
            (label, links::account(&r.get::<String, _>(0)))
        })
        .collect();
    Ok((count, examples))
}

/// "3 days", "5 hours", "under an hour": how old an order is.
fn in_words(age: std::time::Duration) -> String {
    let hours = age.as_secs() / 3600;
    match hours {
        0 => "under an hour".into(),
        1..=47 => plural(hours as u32, "hour", "hours"),
        _ => plural((hours / 24) as u32, "day", "days"),
    }
}

fn plural(n: u32, one: &str, many: &str) -> String {
    if n == 1 {
        format!("1 {one}")
    } else {
        format!("{n} {many}")
    }
}

pub(crate) type Computed = (Rollup, Vec<NeedsAction>);

pub async fn workspace(state: &AppState, distributor_id: &str, scope: &Scope) -> Result<Workspace, AppError> {
    ensure_filled(state, distributor_id).await?;
    let (rollup, needs) = state
        .sweeper
        .workspace
        .get_or_compute(format!("{scope:?}"), compute(state, scope))
        .await?;
    Ok(Workspace {
        distributor_id: distributor_id.to_string(),
        distributor_name: stored_distributor_name(state, distributor_id).await?,
        rollup,
        needs,
        freshness: freshness(&state.pool, distributor_id).await?,
    })
}

async fn compute(state: &AppState, scope: &Scope) -> Result<Computed, AppError> {
    let rollup = rollup(state, scope).await?;
    let mut needs = Vec::new();
    let base = |needs: &str| links::with_query(&links::staff_home(), &[("needs", needs.to_string())]);

    let (n, examples) = accounts_where(state, scope, "managers = 0").await?;
    if n > 0 {
        needs.push(NeedsAction {
            message: format!("{} without a Manager", plural(n, "account", "accounts")),
            count: n,
            href: Some(base("no-manager")),
            examples,
        });
    }
    let (n, examples) = accounts_where(state, scope, "managers > 1").await?;
    if n > 0 {
        needs.push(NeedsAction {
            message: format!(
                "{} with more than one Manager (the platform's convention is one)",
                plural(n, "account", "accounts")
            ),
            count: n,
            href: Some(base("many-managers")),
            examples,
        });
    }
    let (n, examples) = numbers_where(
        state,
        scope,
        "(n.percent >= 100 OR n.behaviour IN ('throttled', 'blocked')) AND lower(n.status) <> 'cancelled'",
    )
    .await?;
    if n > 0 {
        needs.push(NeedsAction {
            message: format!("{} at or past their data limit", plural(n, "line", "lines")),
            count: n,
            href: None,
            examples,
        });
    }
    let (n, examples) = numbers_where(state, scope, "n.subscriber_id = '' AND lower(n.status) <> 'cancelled'").await?;
    if n > 0 {
        needs.push(NeedsAction {
            message: format!("{} without a subscriber", plural(n, "number", "numbers")),
            count: n,
            href: None,
            examples,
        });
    }
    // A line is billed through its subscription: an active line without one
    // is used and not billed (or was set up halfway).
    let (n, examples) = numbers_where(
        state,
        scope,
        "lower(n.status) = 'active' AND NOT EXISTS (SELECT 1 FROM rm_subscriptions s \
         WHERE s.distributor_id = n.distributor_id AND s.tnid = n.number_id AND COALESCE(s.active, 1) <> 0)",
    )
    .await?;
    if n > 0 {
        needs.push(NeedsAction {
            message: format!(
                "{} without a plan (no subscription)",
                plural(n, "active line", "active lines")
            ),
            count: n,
            href: None,
            examples,
        });
    }
    let (n, examples) = open_orders(state, scope).await?;
    if n > 0 {
        needs.push(NeedsAction {
            message: format!("{} still open, oldest first", plural(n, "order", "orders")),
            count: n,
            // The port-in cockpit lists the open port-ins with their next step.
            href: Some(links::port_ins(scope.distributor_id().unwrap_or_default(), "open")),
            examples,
        });
    }
    let (n, examples) = numbers_where(state, scope, "n.behaviour = 'unreadable'").await?;
    if n > 0 {
        needs.push(NeedsAction {
            message: format!(
                "{} whose data settings Telegent cannot read (set their limits again)",
                plural(n, "line", "lines")
            ),
            count: n,
            href: None,
            examples,
        });
    }
    Ok((rollup, needs))
}

#[cfg(test)]
mod tests {
    use super::in_words;
    use std::time::Duration;

    #[test]
    fn an_orders_age_reads_in_hours_then_days() {
        assert_eq!(in_words(Duration::from_secs(59 * 60)), "under an hour");
        assert_eq!(in_words(Duration::from_secs(3600)), "1 hour");
        assert_eq!(in_words(Duration::from_secs(47 * 3600)), "47 hours");
        assert_eq!(in_words(Duration::from_secs(3 * 86_400 + 5)), "3 days");
    }
}
