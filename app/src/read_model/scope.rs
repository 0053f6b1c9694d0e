//! Whose rows a read-model query may see, decided from the session only.

use crate::error::AppError;
use crate::policy::Role;
use crate::ssr::Caller;

/// The rows a caller reaches. Built from the session (and, for a Platform
/// admin looking at one Distributor, the Distributor the scope check
/// passed); every query in `store` and `search` starts with its filter.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Scope {
    /// Every Distributor (a Platform admin's global search).
    Platform,
    Distributor(String),
    Account {
        distributor_id: String,
        account_id: String,
    },
}

impl Scope {
    /// The caller's scope inside `distributor_id`, which the caller's scope
    /// check (`ssr::context::in_distributor`) has already passed.
    pub fn within(caller: &Caller, distributor_id: &str) -> Result<Scope, AppError> {
        match caller.role {
            Role::PlatformAdmin | Role::DistributorAdmin | Role::DistributorViewer => {
                Ok(Scope::Distributor(distributor_id.to_string()))
            }
            Role::AccountAdmin | Role::Manager | Role::Subscriber => match &caller.account_id {
                Some(account_id) => Ok(Scope::Account {
                    distributor_id: distributor_id.to_string(),
                    account_id: account_id.clone(),
                }),
                None => Err(AppError::Forbidden),
            },
        }
    }

    /// The caller's whole reach: all Distributors for a Platform admin,
    /// their Distributor for staff, their Account for everyone else.
    pub fn of(caller: &Caller) -> Result<Scope, AppError> {
        match (caller.role, &caller.distributor_id) {
            (Role::PlatformAdmin, _) => Ok(Scope::Platform),
            (_, Some(distributor_id)) => Scope::within(caller, distributor_id),
            (_, None) => Err(AppError::Forbidden),
        }
    }

    /// The condition on a table (by its alias, `""` for none) and its
    /// values, in order, for `?` placeholders.
    pub fn condition(&self, alias: &str) -> (String, Vec<String>) {
        let col = |c: &str| {
            if alias.is_empty() {
                c.to_string()
            } else {
                format!("{alias}.{c}")
            }
        };
        match self {
            Scope::Platform => ("1 = 1".into(), vec![]),
            Scope::Distributor(d) => (format!("{} = ?", col("distributor_id")), vec![d.clone()]),
            Scope::Account {
                distributor_id,
                account_id,
            } => (
                format!("{} = ? AND {} = ?", col("distributor_id"), col("account_id")),
                vec![distributor_id.clone(), account_id.clone()],
            ),
        }
    }

    pub fn distributor_id(&self) -> Option<&str> {
        match self {
            Scope::Platform => None,
            Scope::Distributor(d) => Some(d),
            Scope::Account { distributor_id, .. } => Some(distributor_id),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn conditions_name_the_scope_columns() {
        let d = Scope::Distributor("DID-1".into());
        assert_eq!(d.condition("a"), ("a.distributor_id = ?".into(), vec!["DID-1".into()]));
        let a = Scope::Account {
            distributor_id: "DID-1".into(),
            account_id: "AID-2".into(),
        };
        assert_eq!(
            a.condition(""),
            (
                "distributor_id = ? AND account_id = ?".into(),
                vec!["DID-1".into(), "AID-2".into()]
            )
        );
        assert_eq!(Scope::Platform.condition("s").0, "1 = 1");
    }
}
