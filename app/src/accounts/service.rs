//! The Distributor's accounts: read from Telegent (cached briefly by the
//! client), then searched, sorted and paged here; one Account's page and
//! its family overview.

use telegent::types::{Account, Subscriber};
use telegent::{phone, TelegentClient};

use std::collections::HashMap;

use super::model::{
    AccountDetail, AccountRow, AccountSort, AccountsPage, Alert, AlertLevel, FamilyOverview, Member, SubscriberRow,
    ACCOUNTS_PER_PAGE,
};
use crate::error::AppError;
use crate::guardian::model::GuardianSummary;
use crate::lines::model::{Behaviour, LineUsage};
use crate::lines::service::{guardian_of, line_usage, sample_usage, summary, usage_of, LineSample};
use crate::members::model::MemberRole;
use crate::policy::Action;
use crate::ssr::context::InAccount;
use crate::ssr::Tenant;

pub async fn distributor_name(tenant: &Tenant) -> Result<String, AppError> {
    Ok(tenant
        .client
        .distributor(&tenant.distributor_id)
        .await?
        .distributor_name)
}

/// One page of the Distributor's accounts; `only` narrows the list to one
/// Account (for callers whose scope is a single Account).
pub async fn list(
    tenant: &Tenant,
    only: Option<&str>,
    page: u32,
    search: &str,
    sort: AccountSort,
) -> Result<AccountsPage, AppError> {
    let distributor_name = distributor_name(tenant).await?;
    let mut accounts = tenant.client.distributor_accounts().await?;
    if let Some(only) = only {
        accounts.retain(|a| a.account_id == only);
    }
    Ok(page_of(distributor_name, accounts, page, search, sort))
}

/// Filters by `search` (name or ID, case-insensitive), sorts, and cuts one page.
pub fn page_of(
    distributor_name: String,
    accounts: Vec<Account>,
    page: u32,
    search: &str,
    sort: AccountSort,
) -> AccountsPage {
    let needle = search.trim().to_lowercase();
    let mut rows: Vec<AccountRow> = accounts
        .into_iter()
        .filter(|a| {
            needle.is_empty()
                || a.account_name.to_lowercase().contains(&needle)
                || a.account_id.to_lowercase().contains(&needle)
        })
        .map(|a| AccountRow {
            address: a
                .billing_address
                .as_ref()
                .or(a.mailing_address.as_ref())
                .map(|x| x.one_line())
                .unwrap_or_default(),
            id: a.account_id,
            name: a.account_name,
            subscribers: a.total_subscribers,
        })
        .collect();
    let by_name =
        |a: &AccountRow, b: &AccountRow| a.name.to_lowercase().cmp(&b.name.to_lowercase()).then(a.id.cmp(&b.id));
    match sort {
        AccountSort::Name => rows.sort_by(by_name),
        AccountSort::NameDesc => rows.sort_by(|a, b| by_name(b, a)),
        AccountSort::Subscribers => rows.sort_by(|a, b| a.subscribers.cmp(&b.subscribers).then_with(|| by_name(a, b))),
        AccountSort::SubscribersDesc => {
            rows.sort_by(|a, b| b.subscribers.cmp(&a.subscribers).then_with(|| by_name(a, b)))
        }
    }
    let total = rows.len() as u32;
    let total_pages = total.div_ceil(ACCOUNTS_PER_PAGE).max(1);
    let page = page.clamp(1, total_pages);
    let rows = rows
        .into_iter()
        .skip(((page - 1) * ACCOUNTS_PER_PAGE) as usize)
        .take(ACCOUNTS_PER_PAGE as usize)
        .collect();
    AccountsPage {
        distributor_name,
        rows,
        page,
        total_pages,
        total,
        per_page: ACCOUNTS_PER_PAGE,
    }
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

/// One Account with its subscribers. The caller has checked the Account is
/// in scope (see `auth::account_in_scope`).
pub async fn detail(tenant: &Tenant, account_id: &str) -> Result<AccountDetail, AppError> {
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
        address: account
            .billing_address
            .as_ref()
            .map(|a| a.one_line())
            .unwrap_or_default(),
        id: account.account_id,
        name: account.account_name,
        subscribers,
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
    let mut usage = usage_of(tenant, &msisdns).await?;
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
    sample_usage(state, account_id, &samples).await?;
    Ok(FamilyOverview {
        account_id: account.account_id,
        account_name: account.account_name,
        alerts: alerts_for(account_id, &members),
        members,
        can_manage: caller.allows(Action::ManageDataLimits),
        can_add_members: caller.allows(Action::ManageSubscribers),
        as_of_seconds: tenant.client.copy_age().map(|age| age.as_secs()),
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

#[cfg(test)]
mod tests {
    use super::*;

    fn account(id: &str, name: &str, subscribers: u32) -> Account {
        Account {
            account_id: id.into(),
            account_name: name.into(),
            total_subscribers: subscribers,
            billing_address: None,
            mailing_address: None,
        }
    }

    fn many(n: usize) -> Vec<Account> {
        (0..n)
            .map(|i| account(&format!("AID-{i:03}"), &format!("Account {i:03}"), i as u32 % 7))
            .collect()
    }

    #[test]
    fn pages_hold_ten_and_the_page_is_clamped() {
        let p = page_of("D".into(), many(23), 3, "", AccountSort::Name);
        assert_eq!((p.page, p.total_pages, p.total, p.rows.len()), (3, 3, 23, 3));
        assert_eq!(p.rows[0].name, "Account 020");
        let beyond = page_of("D".into(), many(23), 99, "", AccountSort::Name);
        assert_eq!(beyond.page, 3);
        let empty = page_of("D".into(), Vec::new(), 0, "", AccountSort::Name);
        assert_eq!((empty.page, empty.total_pages, empty.rows.len()), (1, 1, 0));
    }

    #[test]
    fn search_matches_name_or_id_case_insensitively() {
        let accounts = vec![account("AID-1", "Doe Family", 3), account("AID-2", "Bright Bakery", 2)];
        let p = page_of("D".into(), accounts.clone(), 1, "  doe ", AccountSort::Name);
        assert_eq!(p.rows.iter().map(|r| r.id.as_str()).collect::<Vec<_>>(), ["AID-1"]);
        let p = page_of("D".into(), accounts, 1, "aid-2", AccountSort::Name);
        assert_eq!(p.rows.iter().map(|r| r.id.as_str()).collect::<Vec<_>>(), ["AID-2"]);
    }

    #[test]
    fn sorts_by_name_and_by_subscribers() {
        let accounts = vec![
            account("AID-1", "beta", 1),
            account("AID-2", "Alpha", 5),
            account("AID-3", "gamma", 3),
        ];
        let names = |s| {
            page_of("D".into(), accounts.clone(), 1, "", s)
                .rows
                .into_iter()
                .map(|r| r.name)
                .collect::<Vec<_>>()
        };
        assert_eq!(names(AccountSort::Name), ["Alpha", "beta", "gamma"]);
        assert_eq!(names(AccountSort::NameDesc), ["gamma", "beta", "Alpha"]);
        assert_eq!(names(AccountSort::SubscribersDesc), ["Alpha", "gamma", "beta"]);
        assert_eq!(names(AccountSort::Subscribers), ["beta", "gamma", "Alpha"]);
    }
}
