//! Whose catalog a caller reaches, decided once for every catalog call.
//!
//! Telegent keeps one catalog per Distributor; a product or package created
//! with an `AccountId` is that Account's own. Distributor staff (and the
//! Platform admin, for the Distributor in the URL) reach all of it. An
//! Account's people see the Distributor's catalog and their own Account's,
//! and an Account Admin changes only their own Account's: the Distributor's
//! items are the Distributor's to change, and another Account's are answered
//! exactly like missing ones.

use std::collections::HashMap;
use std::sync::Arc;

use super::model::Owner;
use crate::error::AppError;
use crate::policy::{Action, Role};
use crate::ssr::audit::{self, Outcome};
use crate::ssr::context::scoped;
use crate::ssr::{AppState, Caller, Tenant};

pub struct Catalog {
    pub state: AppState,
    pub caller: Arc<Caller>,
    pub tenant: Tenant,
    /// `None`: Distributor staff (the whole catalog). `Some`: an Account's
    /// people (the Distributor's catalog and this Account's own).
    pub own_account: Option<String>,
    /// The Distributor as the URL names it for a Platform admin (kept in links).
    pub distributor_param: String,
    pub distributor_name: String,
    /// Account names by AID, from the read model.
    pub account_names: HashMap<String, String>,
}

/// The policy check for `action`, then the caller's catalog. A Platform
/// admin names the Distributor (`distributor_id`); everyone else has the
/// session's, and naming another is answered as a missing page.
pub async fn catalog(action: Action, distributor_id: &str) -> Result<Catalog, AppError> {
    let scope = scoped(action).await?;
    let caller = scope.caller.clone();
    let state = scope.state.clone();
    let staff = matches!(
        caller.role,
        Role::PlatformAdmin | Role::DistributorAdmin | Role::DistributorViewer
    );
    let (tenant, own_account, distributor_param) = if staff {
        let param = if caller.role == Role::PlatformAdmin {
            distributor_id.trim().to_string()
        } else {
            String::new()
        };
        let wanted = if caller.role == Role::PlatformAdmin {
            param.clone()
        } else {
            distributor_id.trim().to_string()
        };
        (scope.distributor(&wanted).await?.tenant, None, param)
    } else {
        let own = caller.distributor_id.as_deref().unwrap_or_default();
        if !distributor_id.trim().is_empty() && distributor_id.trim() != own {
            return Err(AppError::NotFound);
        }
        let account = caller.account_id.clone().ok_or(AppError::NotFound)?;
        let tenant = caller.tenant(&state)?;
        let tenant = if action.is_read() { tenant } else { tenant.fresh() };
        (tenant, Some(account), String::new())
    };
    let (name,): (String,) = sqlx::query_as("SELECT name FROM distributors WHERE distributor_id = $1")
        .bind(&tenant.distributor_id)
        .fetch_optional(&state.pool)
        .await?
        .unwrap_or_else(|| (tenant.distributor_id.clone(),));
    let names: Vec<(String, String)> =
        sqlx::query_as("SELECT account_id, name FROM rm_accounts WHERE distributor_id = $1 ORDER BY name_key")
            .bind(&tenant.distributor_id)
            .fetch_all(&state.pool)
            .await?;
    Ok(Catalog {
        state,
        caller,
        tenant,
        own_account,
        distributor_param,
        distributor_name: name,
        account_names: names.into_iter().collect(),
    })
}

/// For a Platform admin who named no Distributor: the list page asks which
/// (every Distributor, ID and name). `None` for everyone else.
pub async fn distributor_to_choose<R>(distributor_id: &str) -> Result<Option<super::model::ListPage<R>>, AppError> {
    let scope = scoped(Action::ViewCatalog).await?;
    if scope.caller.role != Role::PlatformAdmin || !distributor_id.trim().is_empty() {
        return Ok(None);
    }
    let all = crate::ssr::upstreams::list_distributors(&scope.state.pool).await?;
    Ok(Some(super::model::ListPage {
        rows: Vec::new(),
        shown: super::model::Shown::Active,
        search: String::new(),
        total: 0,
        can_create: false,
        distributor_id: String::new(),
        distributor_name: "All Distributors".into(),
        choose_distributor: all.into_iter().map(|d| (d.distributor_id, d.name)).collect(),
    }))
}

impl Catalog {
    pub fn is_staff(&self) -> bool {
        self.own_account.is_none()
    }

    /// Whether the caller sees a record owned by `account` (none: the Distributor's).
    pub fn sees(&self, account: Option<&str>) -> bool {
        match (&self.own_account, account.filter(|a| !a.is_empty())) {
            (None, _) | (Some(_), None) => true,
            (Some(own), Some(owner)) => own == owner,
        }
    }

    /// Whether the caller may change a record they see.
    pub fn may_change(&self, account: Option<&str>) -> bool {
        if !self.caller.allows(Action::ManageCatalog) {
            return false;
        }
        match (&self.own_account, account.filter(|a| !a.is_empty())) {
            (None, _) => true,
            (Some(own), Some(owner)) => own == owner,
            (Some(_), None) => false,
        }
    }

    pub fn may_create(&self) -> bool {
        self.caller.allows(Action::ManageCatalog)
    }

    pub fn owner(&self, account: Option<&str>) -> Owner {
        match account.filter(|a| !a.is_empty()) {
            None => Owner::Distributor,
            Some(id) => Owner::Account {
                id: id.to_string(),
                name: self.account_names.get(id).cloned().unwrap_or_else(|| id.to_string()),
            },
        }
    }

    /// Refuses a change to a record the caller sees but may not change (the
    /// Distributor's, for an Account Admin), on the record as denied.
    pub async fn require_change(&self, account: Option<&str>, what: &str, id: &str) -> Result<(), AppError> {
        if self.may_change(account) {
            return Ok(());
        }
        let entry = self.audit(what, &[id]);
        let _ = audit::record(
            &self.state.pool,
            &entry,
            Outcome::Denied,
            "the Distributor's catalog is changed by its staff only",
        )
        .await;
        Err(AppError::Forbidden)
    }

    /// The Account a new record belongs to: an Account's people create for
    /// their own Account; staff choose one of the Distributor's, or none.
    pub fn new_owner(&self, chosen: &str) -> Result<Option<String>, AppError> {
        if let Some(own) = &self.own_account {
            return Ok(Some(own.clone()));
        }
        let chosen = chosen.trim();
        if chosen.is_empty() {
            return Ok(None);
        }
        if !self.account_names.contains_key(chosen) {
            return Err(AppError::invalid(
                "for_account",
                "Choose one of the Distributor's Accounts.",
            ));
        }
        Ok(Some(chosen.to_string()))
    }

    /// An audit entry in this Distributor (and the caller's Account, if any).
    pub fn audit(&self, action: &str, targets: &[&str]) -> audit::Entry {
        let mut entry = self.caller.audit(action, targets);
        entry.distributor_id = Some(self.tenant.distributor_id.clone());
        entry
    }

    /// The Accounts staff may give a new record to (none for an Account's people).
    pub fn account_choices(&self) -> Vec<(String, String)> {
        if !self.is_staff() {
            return Vec::new();
        }
        let mut choices: Vec<(String, String)> = self
            .account_names
            .iter()
            .map(|(id, name)| (id.clone(), name.clone()))
            .collect();
        choices.sort_by_key(|(_, name)| name.to_lowercase());
        choices
    }
}

/// A delete or removal goes ahead only once its box is ticked (checked
/// after the scope, so a foreign ID is still answered as missing).
pub fn confirmed(ticked: bool) -> Result<(), AppError> {
    if ticked {
        Ok(())
    } else {
        Err(AppError::invalid("confirm", "Tick the box to confirm."))
    }
}
