//! The Distributor's accounts, listed from the read model (searched,
//! filtered, sorted and paged by the database); one Account's page and its
//! family overview, read from Telegent.

use telegent::types::Subscriber;
use telegent::{phone, TelegentClient};

use std::collections::HashMap;

use super::model::{
    AccountDetail, AccountNeeds, AccountRow, AccountSort, AccountsPage, Alert, AlertLevel, FamilyOverview, Member,
    SubscriberRow, ACCOUNTS_PER_PAGE,
};
use crate::error::AppError;
use crate::guardian::model::GuardianSummary;
use crate::lines::model::{Behaviour, LineUsage};
use crate::lines::service::{guardian_of, line_usage, sample_usage, summary, LineSample};
use crate::members::model::MemberRole;
use crate::policy::Action;
use crate::read_model::scope::Scope;
use crate::read_model::store::{freshness, matching_ids, Sql};
use crate::read_model::sweep::ensure_filled;
use crate::ssr::context::InAccount;
use crate::ssr::AppState;
use crate::ssr::Tenant;

pub async fn distributor_name(tenant: &Tenant) -> Result<String, AppError> {
    Ok(tenant
        .client
        .distributor(&tenant.distributor_id)
        .await?
        .distributor_name)
}

/// What the accounts list was asked for (from the URL).
#[derive(Debug, Clone, Default)]
pub struct ListArgs {
    pub page: u32,
    pub search: String,
    pub sort: AccountSort,
    pub needs: AccountNeeds,
}

/// The Distributor's name as the portal stored it (no upstream call).
pub async fn stored_distributor_name(state: &AppState, distributor_id: &str) -> Result<String, AppError> {
    let row: Option<(String,)> = sqlx::query_as("SELECT name FROM distributors WHERE distributor_id = $1")
        .bind(distributor_id)
        .fetch_optional(&state.pool)
        .await
        .map_err(|e| {
            tracing::error!(error = %e, "distributor name");
            AppError::Internal
        })?;
    Ok(row.map(|(n,)| n).unwrap_or_else(|| distributor_id.to_string()))
}

/// `FROM rm_accounts WHERE <scope> …` for the list's search and filter.
fn filtered(scope: &Scope, args: &ListArgs) -> Sql {
    let mut sql = Sql::new(" FROM rm_accounts WHERE 1 = 1").scoped(scope, "");
    if let Some(needle) = crate::read_model::search::needle(&args.search) {
        let ids = matching_ids(scope, "account", &needle);
        sql = sql.and(&format!("account_id IN ({})", ids.text), ids.values);
    }
    match args.needs {
        AccountNeeds::Any => sql,
        AccountNeeds::NoManager => sql.and("managers = 0", []),
        AccountNeeds::ManyManagers => sql.and("managers > 1", []),
    }
}

fn account_row(r: &sqlx::any::AnyRow) -> AccountRow {
    use sqlx::Row;
    let count = |i: usize| r.get::<i64, _>(i).clamp(0, i64::from(u32::MAX)) as u32;
    AccountRow {
        id: r.get(0),
        name: r.get(1),
        address: r.get(2),
        subscribers: count(3),
        managers: count(4),
        lines: count(5),
    }
}

const ACCOUNT_COLUMNS: &str = "SELECT account_id, name, address, subscribers, managers, lines";

/// One page of the Distributor's accounts from the read model (filled
/// first if it never was): no upstream call.
pub async fn list(
    state: &AppState,
    distributor_id: &str,
    scope: &Scope,
    args: &ListArgs,
) -> Result<AccountsPage, AppError> {
    ensure_filled(state, distributor_id).await?;
    let distributor_name = stored_distributor_name(state, distributor_id).await?;
    let count = filtered(scope, args).with_prefix("SELECT COUNT(*)");
    // Kept while the copy is unchanged: every page of the list asks it.
    let key = format!("accounts {scope:?} {:?} {:?}", args.search.trim(), args.needs);
    let total = state
        .sweeper
        .totals
        .get_or_compute(key, count.count(&state.pool))
        .await?;
    let total_pages = total.div_ceil(ACCOUNTS_PER_PAGE).max(1);
    let page = args.page.clamp(1, total_pages);
    let rows = filtered(scope, args)
        .with_prefix(ACCOUNT_COLUMNS)
        .push(&format!(
            " ORDER BY {} LIMIT {ACCOUNTS_PER_PAGE} OFFSET {}",
            args.sort.order_by(),
            (page - 1) * ACCOUNTS_PER_PAGE
        ))
        .fetch_all(&state.pool)
        .await?;
    Ok(AccountsPage {
        distributor_name,
        rows: rows.iter().map(account_row).collect(),
        page,
        total_pages,
        total,
        per_page: ACCOUNTS_PER_PAGE,
        freshness: freshness(&state.pool, distributor_id).await?,
        new_account_href: None,
    })
}

/// Rows `offset..offset + limit` of the whole selection (every page), for
/// the CSV export.
pub async fn export_chunk(
    state: &AppState,
    scope: &Scope,
    args: &ListArgs,
    offset: u32,
    limit: u32,
) -> Result<Vec<AccountRow>, AppError> {
    let rows = filtered(scope, args)
        .with_prefix(ACCOUNT_COLUMNS)
        .push(&format!(
            " ORDER BY {} LIMIT {limit} OFFSET {offset}",
            args.sort.order_by()
        ))
        .fetch_all(&state.pool)
        .await?;
    Ok(rows.iter().map(account_row).collect())
}

/// The CSV header and one line per row, formulas defused.
pub fn csv_header() -> &'static str {
    "account_id,name,address,subscribers,managers,lines\r\n"
}

pub fn csv_lines(rows: &[AccountRow]) -> String {
    let mut out = String::new();
    for r in rows {
        let cells = [
            r.id.clone(),
            r.name.clone(),
            r.address.clone(),
            r.subscribers.to_string(),
            r.managers.to_string(),
            r.lines.to_string(),
        ];
        out.push_str(&crate::components::csv::line(&cells));
    }
    out
}

/// The subscribers of one Account. Telegent lists subscribers per
/// Distributor: page through with large pages (one call for most
/// Distributors, cached by the client) and keep this Account's.
/// Members the portal removed (see `members::removal`) are left out.
pub async fn account_subscribers(client: &TelegentClient, account_id: &str) -> Result<Vec<Subscriber>, AppError> {
    let removed = crate::members::removal::removed_in(account_id).await?;
    let mut subscribers = Vec::new();
    let mut page = 1;
    loop {
        let batch = client.distributor_subscribers(page, 500).await?;
        let fetched = batch.subscribers.len() as u32;
        subscribers.extend(
            batch
                .subscribers
                .into_iter()
                .filter(|s| s.account_id().as_deref() == Some(account_id) && !removed.contains(&s.subscriber_id)),
        );
        if fetched < 500 || page * 500 >= batch.total_subscribers {
            break;
        }
        page += 1;
    }
    Ok(subscribers)
}

/// The names of an Account's Managers (the platform's convention is one):
/// from the read model when it holds the Account, else from Telegent. The
/// caller has checked the Account is in scope.
///
/// `except_email`: a person left out (the one about to be linked or moved).
pub async fn managers_in(
    state: &AppState,
    tenant: &Tenant,
    account_id: &str,
    except_email: &str,
) -> Result<Vec<String>, AppError> {
    use sqlx::Row;
    let except = except_email.trim().to_lowercase();
    if crate::read_model::store::holds_account(&state.pool, &tenant.distributor_id, account_id).await? {
        let scope = Scope::Account {
            distributor_id: tenant.distributor_id.clone(),
            account_id: account_id.to_string(),
        };
        let rows = Sql::new("SELECT name, email FROM rm_subscribers WHERE role = 'Manager'")
            .scoped(&scope, "")
            .push(" ORDER BY name_key")
            .fetch_all(&state.pool)
            .await?;
        return Ok(rows
            .iter()
            .filter(|r| r.get::<String, _>(1).to_lowercase() != except)
            .map(|r| r.get::<String, _>(0))
            .collect());
    }
    Ok(account_subscribers(&tenant.client, account_id)
        .await?
        .into_iter()
        .filter(|s| s.role == "Manager" && s.email.to_lowercase() != except)
        .map(|s| s.name)
        .collect())
}

/// One Account with its subscribers. The caller has checked the Account is
/// in scope (see `auth::account_in_scope`). Read from the read model (no
/// upstream call) when it holds the Account, else from Telegent.
///
/// `fill`: fill the copy first if it never was (Distributor staff, whose
/// lists need it anyway); an Account's own people never wait for a sweep of
/// the whole Distributor: without a copy their page is read live.
pub async fn detail(
    state: &AppState,
    tenant: &Tenant,
    account_id: &str,
    fill: bool,
) -> Result<AccountDetail, AppError> {
    if fill {
        ensure_filled(state, &tenant.distributor_id).await?;
    }
    if let Some(detail) = detail_from_copy(state, &tenant.distributor_id, account_id).await? {
        return Ok(detail);
    }
    detail_live(tenant, account_id).await
}

async fn detail_from_copy(
    state: &AppState,
    distributor_id: &str,
    account_id: &str,
) -> Result<Option<AccountDetail>, AppError> {
    use sqlx::Row;
    let scope = Scope::Account {
        distributor_id: distributor_id.to_string(),
        account_id: account_id.to_string(),
    };
    let rows = Sql::new("SELECT name, address, lines FROM rm_accounts WHERE 1 = 1")
        .scoped(&scope, "")
        .fetch_all(&state.pool)
        .await?;
    let Some(row) = rows.first() else {
        return Ok(None);
    };
    let people = Sql::new("SELECT subscriber_id, name, email, role, numbers FROM rm_subscribers WHERE 1 = 1")
        .scoped(&scope, "")
        .push(" ORDER BY name_key, subscriber_id")
        .fetch_all(&state.pool)
        .await?;
    let subscribers = people
        .iter()
        .map(|r| SubscriberRow {
            id: r.get(0),
            name: r.get(1),
            email: r.get(2),
            role: MemberRole::from_telegent(&r.get::<String, _>(3)),
            numbers: r
                .get::<String, _>(4)
                .split_whitespace()
                .map(phone::format_for_display)
                .collect(),
        })
        .collect();
    Ok(Some(AccountDetail {
        distributor_name: stored_distributor_name(state, distributor_id).await?,
        distributor_href: None,
        can_view_as: false,
        can_view_routes: false,
        can_view_onboarding: false,
        can_edit: false,
        id: account_id.to_string(),
        name: row.get(0),
        address: row.get(1),
        subscribers,
        lines: Some(row.get::<i64, _>(2).clamp(0, i64::from(u32::MAX)) as u32),
        freshness: Some(freshness(&state.pool, distributor_id).await?),
    }))
}

async fn detail_live(tenant: &Tenant, account_id: &str) -> Result<AccountDetail, AppError> {
    let distributor_name = distributor_name(tenant).await?;
    let account = tenant.client.account(account_id).await?;
    let mut subscribers: Vec<SubscriberRow> = account_subscribers(&tenant.client, account_id)
        .await?
        .into_iter()
        .map(|s| SubscriberRow {
            numbers: s.phone_numbers.iter().map(|n| phone::format_for_display(n)).collect(),
            id: s.subscriber_id,
            name: s.name,
            email: s.email,
            role: MemberRole::from_telegent(&s.role),
        })
        .collect();
    subscribers.sort_by(|a, b| a.name.cmp(&b.name));
    Ok(AccountDetail {
        distributor_name,
        distributor_href: None,
        can_view_as: false,
        can_view_routes: false,
        can_view_onboarding: false,
        can_edit: false,
        address: account
            .billing_address
            .as_ref()
            .map(|a| a.one_line())
            .unwrap_or_default(),
        id: account.account_id,
        name: account.account_name,
        subscribers,
        lines: None,
        freshness: None,
    })
}

// ---------------------------------------------------------------------------
// The family overview: an Account's members, lines and what needs attention.

/// What needs attention, worst first.
fn alerts_for(account_id: &str, members: &[Member]) -> Vec<Alert> {
    let mut alerts = Vec::new();
    for member in members {
        for line in &member.lines {
            let u = &line.usage;
            let (level, message) = match u.behaviour {
                _ if u.unreadable => (
                    AlertLevel::Danger,
                    format!(
                        "{}'s line {}: Telegent's data settings for it cannot be read.",
                        member.name, line.display
                    ),
                ),
                Behaviour::Blocked => (
                    AlertLevel::Danger,
                    format!(
                        "{}'s line {} has used all its data and is blocked.",
                        member.name, line.display
                    ),
                ),
                Behaviour::Throttled => (
                    AlertLevel::Warning,
                    format!("{}'s line {} is slowed down.", member.name, line.display),
                ),
                _ if u.percent() >= 80 => (
                    AlertLevel::Warning,
                    format!(
                        "{}'s line {} has used {}% of its data.",
                        member.name,
                        line.display,
                        u.percent()
                    ),
                ),
                _ => continue,
            };
            let fix = (
                crate::links::line_limits(account_id, &line.msisdn),
                "Change its limits".to_string(),
            );
            alerts.push(Alert {
                level,
                message,
                fix: Some(fix),
            });
        }
        if let Some(g) = &member.guardian {
            // Only for someone with a line: filters are set per line.
            if !g.calls_on && !g.messages_on && !member.lines.is_empty() {
                alerts.push(Alert {
                    level: AlertLevel::Info,
                    message: format!("AI Guardian is off for {}.", member.name),
                    fix: Some((
                        crate::links::guardian(account_id, &member.subscriber_id),
                        format!("Turn it on for {}", member.name),
                    )),
                });
            }
        }
    }
    alerts.sort_by_key(|a| a.level);
    alerts
}

pub async fn overview(ctx: &InAccount) -> Result<FamilyOverview, AppError> {
    let InAccount {
        state,
        caller,
        tenant,
        account_id,
    } = ctx;
    let (account, subscribers) = tokio::join!(
        tenant.client.account(account_id),
        account_subscribers(&tenant.client, account_id)
    );
    let (account, mut subscribers) = (account?, subscribers?);
    subscribers.sort_by_key(|s| (s.role != "Manager", s.name.to_lowercase()));
    let msisdns: Vec<String> = subscribers.iter().flat_map(|s| s.phone_numbers.clone()).collect();
    let (mut usage, usage_age) = crate::lines::service::usage_or_copy(state, tenant, &msisdns).await?;
    let mut members = Vec::new();
    for s in subscribers {
        let guardian = if s.role == "Subscriber" {
            // Guardian state is shown, not required: a failing read leaves it out.
            guardian_of(tenant, &s.subscriber_id).await.ok()
        } else {
            None
        };
        members.push(member(s, &mut usage, guardian));
    }
    let samples: Vec<LineSample> = members
        .iter()
        .flat_map(|m| {
            // An unreadable line's figures are placeholders: not history.
            m.lines.iter().filter(|l| !l.usage.unreadable).map(|l| LineSample {
                msisdn: &l.msisdn,
                subscriber_id: &m.subscriber_id,
                used_kb: l.usage.used_kb,
            })
        })
        .collect();
    // A copy's figures are the last sweep's, not a reading of now: no sample.
    if usage_age.is_none() {
        sample_usage(state, account_id, &samples).await?;
    }
    Ok(FamilyOverview {
        account_id: account.account_id,
        account_name: account.account_name,
        alerts: alerts_for(account_id, &members),
        members,
        can_manage: caller.allows(Action::ManageDataLimits),
        can_add_members: caller.allows(Action::ManageSubscribers),
        // The oldest copy on the page: the client's, or the read model's usage.
        as_of_seconds: match (tenant.client.copy_age().map(|age| age.as_secs()), usage_age) {
            (Some(a), Some(b)) => Some(a.max(b)),
            (a, b) => a.or(b),
        },
    })
}

fn member(s: Subscriber, usage: &mut HashMap<String, LineUsage>, guardian: Option<GuardianSummary>) -> Member {
    let lines = s
        .phone_numbers
        .iter()
        .map(|m| summary(m, usage.remove(m).unwrap_or_else(|| line_usage(None, None))))
        .collect();
    Member {
        subscriber_id: s.subscriber_id,
        name: s.name,
        email: s.email,
        role: MemberRole::from_telegent(&s.role),
        lines,
        guardian,
    }
}
