//! The checklist of one Account, or of the whole Distributor (every Account
//! counts), and its two hand-recorded changes. Scope comes from the caller:
//! an Account's checklist through `in_account`, the Distributor's only for
//! its staff (an Account's people never see other Accounts' progress).

use std::sync::Arc;

use super::model::{AccountProgress, ChecklistPage, ScopeForm, SignOffForm};
use super::{facts, records, steps};
use crate::error::AppError;
use crate::policy::{Action, Role};
use crate::ssr::audit::{self, Entry, Outcome};
use crate::ssr::context::{scoped, InAccount, InDistributor};
use crate::ssr::{AppState, Caller, Tenant};

/// Accounts listed on the Distributor's checklist (the rest are counted).
const ACCOUNTS_LISTED: i64 = 100;
const REASON_MAX: usize = 500;
const CONTACT_MAX: usize = 200;

/// Whose checklist: the state, the caller, the Distributor, and the
/// Account (empty: the Distributor's own).
pub struct Checklist {
    pub state: AppState,
    pub caller: Arc<Caller>,
    pub tenant: Tenant,
    pub account_id: String,
    /// A Platform admin's Distributor, kept in links.
    pub distributor_param: String,
}

impl From<InAccount> for Checklist {
    fn from(ctx: InAccount) -> Self {
        Checklist {
            state: ctx.state,
            caller: ctx.caller,
            tenant: ctx.tenant,
            account_id: ctx.account_id,
            distributor_param: String::new(),
        }
    }
}

impl Checklist {
    pub fn from_distributor(ctx: InDistributor, distributor_param: &str) -> Result<Self, AppError> {
        if !is_staff(ctx.caller.role) {
            return Err(AppError::NotFound);
        }
        let distributor_param = if ctx.caller.role == Role::PlatformAdmin {
            distributor_param.trim().to_string()
        } else {
            String::new()
        };
        Ok(Checklist {
            state: ctx.state,
            caller: ctx.caller,
            tenant: ctx.tenant,
            account_id: String::new(),
            distributor_param,
        })
    }

    fn key(&self) -> (&str, &str) {
        (&self.tenant.distributor_id, &self.account_id)
    }

    fn entry(&self, action: &str, targets: &[&str]) -> Entry {
        if self.account_id.is_empty() {
            let mut entry = self.caller.audit(action, targets);
            entry.distributor_id = Some(self.tenant.distributor_id.clone());
            entry
        } else {
            self.caller.audit_in(&self.tenant, &self.account_id, action, targets)
        }
    }
}

fn is_staff(role: Role) -> bool {
    matches!(
        role,
        Role::PlatformAdmin | Role::DistributorAdmin | Role::DistributorViewer
    )
}

/// A Platform admin who named no Distributor chooses one first.
pub async fn distributor_to_choose(distributor_id: &str) -> Result<Option<ChecklistPage>, AppError> {
    let scope = scoped(Action::ViewOnboarding).await?;
    if scope.caller.role != Role::PlatformAdmin || !distributor_id.trim().is_empty() {
        return Ok(None);
    }
    let all = crate::ssr::upstreams::list_distributors(&scope.state.pool).await?;
    Ok(Some(ChecklistPage {
        account_id: String::new(),
        title: "Onboarding".into(),
        distributor_id: String::new(),
        distributor_param: String::new(),
        sections: Vec::new(),
        done: 0,
        in_scope: 0,
        signed_off: None,
        blocking_sign_off: Vec::new(),
        can_manage: false,
        can_set_up: false,
        accounts: Vec::new(),
        account_total: 0,
        choose_distributor: all.into_iter().map(|d| (d.distributor_id, d.name)).collect(),
    }))
}

pub async fn page(c: &Checklist) -> Result<ChecklistPage, AppError> {
    let account = (!c.account_id.is_empty()).then_some(c.account_id.as_str());
    let mut found = facts::gather(&c.state, &c.tenant.client, &c.tenant.distributor_id, account).await?;
    found.distributor_param = c.distributor_param.clone();
    let (did, aid) = c.key();
    let marks = records::scope_marks(&c.state.pool, did, aid).await?;
    let signed_off = records::sign_off(&c.state.pool, did, aid).await?;
    let sections = steps::sections(&found, &marks, signed_off.is_some());
    let (done, in_scope) = steps::progress(&sections, signed_off.is_some());
    let title = match account {
        Some(a) => account_name(&c.state, did, a).await?,
        None => distributor_name(&c.state, did).await?,
    };
    let (accounts, account_total) = match account {
        Some(_) => (Vec::new(), 0),
        None => accounts(&c.state, did).await?,
    };
    Ok(ChecklistPage {
        account_id: c.account_id.clone(),
        title,
        distributor_id: did.to_string(),
        distributor_param: c.distributor_param.clone(),
        blocking_sign_off: steps::blocking(&sections),
        sections,
        done,
        in_scope,
        signed_off,
        can_manage: c.caller.allows(Action::ManageOnboarding),
        can_set_up: c.caller.allows(Action::ManageRoutes) || c.caller.allows(Action::ManageCatalog),
        accounts,
        account_total,
        choose_distributor: Vec::new(),
    })
}

async fn account_name(state: &AppState, distributor_id: &str, account_id: &str) -> Result<String, AppError> {
    let row: Option<(String,)> =
        sqlx::query_as("SELECT name FROM rm_accounts WHERE distributor_id = $1 AND account_id = $2")
            .bind(distributor_id)
            .bind(account_id)
            .fetch_optional(&state.pool)
            .await?;
    Ok(row
        .map(|(n,)| n)
        .filter(|n| !n.is_empty())
        .unwrap_or_else(|| account_id.to_string()))
}

async fn distributor_name(state: &AppState, distributor_id: &str) -> Result<String, AppError> {
    let row: Option<(String,)> = sqlx::query_as("SELECT name FROM distributors WHERE distributor_id = $1")
        .bind(distributor_id)
        .fetch_optional(&state.pool)
        .await?;
    Ok(row.map(|(n,)| n).unwrap_or_else(|| distributor_id.to_string()))
}

/// The first Accounts by name with whether each is signed off, and the total.
async fn accounts(state: &AppState, distributor_id: &str) -> Result<(Vec<AccountProgress>, usize), AppError> {
    let (total,): (i64,) = sqlx::query_as("SELECT CAST(count(*) AS BIGINT) FROM rm_accounts WHERE distributor_id = $1")
        .bind(distributor_id)
        .fetch_one(&state.pool)
        .await?;
    let rows: Vec<(String, String, i64)> = sqlx::query_as(
        "SELECT a.account_id, a.name, CAST(count(s.account_id) AS BIGINT) FROM rm_accounts a \
         LEFT JOIN onboarding_signoffs s ON s.distributor_id = a.distributor_id AND s.account_id = a.account_id \
         WHERE a.distributor_id = $1 GROUP BY a.account_id, a.name, a.name_key ORDER BY a.name_key LIMIT $2",
    )
    .bind(distributor_id)
    .bind(ACCOUNTS_LISTED)
    .fetch_all(&state.pool)
    .await?;
    let list = rows
        .into_iter()
        .map(|(account_id, name, signed)| AccountProgress {
            account_id,
            name,
            signed_off: signed > 0,
        })
        .collect();
    Ok((list, usize::try_from(total).unwrap_or(0)))
}

/// Marks a section not in scope (a reason required) or back in scope.
pub async fn set_scope(c: &Checklist, form: &ScopeForm) -> Result<(), AppError> {
    let section = form.section.trim();
    if !steps::is_scope(section) {
        return Err(AppError::invalid(
            "section",
            "This section cannot be marked not in scope.",
        ));
    }
    let entry = c.entry("MarkOnboardingScope", &[section]);
    if form.undo.is_some() {
        return records::mark_in_scope(&c.state.pool, &entry, c.key(), section).await;
    }
    let reason = form.reason.trim();
    if reason.is_empty() {
        return Err(AppError::invalid(
            "reason",
            "Say why it is not in scope (kept with the checklist).",
        ));
    }
    if reason.chars().count() > REASON_MAX {
        return Err(AppError::invalid("reason", format!("At most {REASON_MAX} characters.")));
    }
    records::mark_out_of_scope(&c.state.pool, &entry, c.key(), section, reason).await
}

/// Records the joint sign-off once every step the API can show is done.
pub async fn sign_off(c: &Checklist, form: &SignOffForm) -> Result<(), AppError> {
    let contact = form.telegent_contact.trim();
    if contact.is_empty() {
        return Err(AppError::invalid(
            "telegent_contact",
            "Name the Telegent person on the sign-off call.",
        ));
    }
    if contact.chars().count() > CONTACT_MAX {
        return Err(AppError::invalid(
            "telegent_contact",
            format!("At most {CONTACT_MAX} characters."),
        ));
    }
    if form.confirm.is_none() {
        return Err(AppError::invalid(
            "confirm",
            "Tick the box to confirm both teams checked what no API shows.",
        ));
    }
    let (did, aid) = c.key();
    if records::sign_off(&c.state.pool, did, aid).await?.is_some() {
        return Ok(());
    }
    let page = page(c).await?;
    let entry = c.entry("SignOffOnboarding", &[]);
    if !page.blocking_sign_off.is_empty() {
        let message = format!("Still to do: {}.", page.blocking_sign_off.join("; "));
        audit::record(&c.state.pool, &entry, Outcome::Denied, &message).await?;
        return Err(AppError::invalid("confirm", message));
    }
    records::record_sign_off(&c.state.pool, &entry, c.key(), contact).await
}
