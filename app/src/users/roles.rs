//! Which roles a user may be given, decided once for the server's checks
//! and the page's menus alike: a menu offers exactly what the server takes.

use crate::policy::{Role, ROLES};

/// How far a role reaches: a role change stays within one level, since
/// another level needs another scope (a Distributor, an Account).
pub fn level(role: Role) -> u8 {
    match role {
        Role::PlatformAdmin => 0,
        Role::DistributorAdmin | Role::DistributorViewer => 1,
        Role::AccountAdmin | Role::Manager | Role::Subscriber => 2,
    }
}

/// Roles `caller` may give a new user, the least powerful first (the
/// creation form's default is the first).
pub fn grantable(caller: Role) -> Vec<Role> {
    ROLES.into_iter().rev().filter(|r| caller.may_grant(*r)).collect()
}

/// The roles `caller` may move a user holding `current` to: none when the
/// user ranks above the caller, never the role they already have, never
/// one at another level, never one above the caller.
pub fn changes(caller: Role, current: Role) -> Vec<Role> {
    if !caller.may_grant(current) {
        return Vec::new();
    }
    grantable(caller)
        .into_iter()
        .filter(|r| *r != current && level(*r) == level(current))
        .collect()
}

/// Distributor roles need a Distributor; account roles an Account.
pub fn needs_account(role: Role) -> bool {
    level(role) == 2
}

pub fn needs_distributor(role: Role) -> bool {
    level(role) == 1
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn menus_offer_only_possible_changes() {
        assert_eq!(
            changes(Role::Manager, Role::Subscriber),
            [] as [Role; 0],
            "nothing to move to"
        );
        assert_eq!(
            changes(Role::Manager, Role::Manager),
            [] as [Role; 0],
            "a peer is not theirs"
        );
        assert_eq!(
            changes(Role::AccountAdmin, Role::Subscriber),
            [Role::Manager, Role::AccountAdmin]
        );
        assert_eq!(
            changes(Role::DistributorAdmin, Role::DistributorViewer),
            [Role::DistributorAdmin]
        );
        assert_eq!(changes(Role::DistributorAdmin, Role::PlatformAdmin), [] as [Role; 0]);
        assert_eq!(changes(Role::PlatformAdmin, Role::PlatformAdmin), [] as [Role; 0]);
        for caller in ROLES {
            for current in ROLES {
                for to in changes(caller, current) {
                    assert!(caller.may_grant(to) && to != current && level(to) == level(current));
                }
            }
        }
    }

    #[test]
    fn new_users_default_to_the_least_powerful_role() {
        assert_eq!(grantable(Role::DistributorAdmin).first(), Some(&Role::Subscriber));
        assert_eq!(grantable(Role::Manager), [Role::Subscriber]);
        assert_eq!(grantable(Role::PlatformAdmin).last(), Some(&Role::PlatformAdmin));
        assert!(grantable(Role::DistributorViewer).is_empty());
    }
}
