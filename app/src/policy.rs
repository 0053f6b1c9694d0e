//! Who may do what: the one table every server function consults.
//!
//! Roles and their reach follow the platform's hierarchy. The table is plain
//! data shared with the browser (navigation hides what a role cannot use),
//! but only the server's check counts. The README's table is generated from
//! `ROLES` × `ACTIONS` by a test, so the two cannot drift apart.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Role {
    /// All Distributors; manages Distributors and their API credentials.
    PlatformAdmin,
    /// One Distributor and everything below it.
    DistributorAdmin,
    /// One Distributor and everything below it, read-only ("reviewers").
    DistributorViewer,
    /// One Account: routes, packages, billing, the Account's users.
    AccountAdmin,
    /// One Account: its subscribers, subscriptions, data limits, Guardian.
    Manager,
    /// Their own lines, usage and restrictions, read-only.
    Subscriber,
}

pub const ROLES: [Role; 6] = [
    Role::PlatformAdmin,
    Role::DistributorAdmin,
    Role::DistributorViewer,
    Role::AccountAdmin,
    Role::Manager,
    Role::Subscriber,
];

impl Role {
    pub fn label(self) -> &'static str {
        match self {
            Role::PlatformAdmin => "Platform admin",
            Role::DistributorAdmin => "Distributor admin",
            Role::DistributorViewer => "Distributor viewer",
            Role::AccountAdmin => "Account Admin",
            Role::Manager => "Manager",
            Role::Subscriber => "Subscriber",
        }
    }

    /// The Telegent subscriber role a portal user of this role is linked to.
    pub fn telegent_role(self) -> Option<&'static str> {
        match self {
            Role::AccountAdmin => Some("Account Admin"),
            Role::Manager => Some("Manager"),
            Role::Subscriber => Some("Subscriber"),
            _ => None,
        }
    }

    /// Roles this role may give to users it creates or edits (never above itself).
    pub fn may_grant(self, other: Role) -> bool {
        match self {
            Role::PlatformAdmin => true,
            Role::DistributorAdmin => other != Role::PlatformAdmin,
            Role::AccountAdmin => matches!(other, Role::AccountAdmin | Role::Manager | Role::Subscriber),
            Role::Manager => other == Role::Subscriber,
            Role::DistributorViewer | Role::Subscriber => false,
        }
    }
}

/// Rank inside an Account, decided once: may `actor` change what belongs to
/// a member whose role is `target` (`None`: a role the portal does not know)?
/// `is_self`: the member is the actor. Distributor staff and the Account
/// Admin act on everyone in the Account; a Manager on the Subscribers and
/// on themselves; anyone else only on themselves. (What an actor may do at
/// all is the `allows` table; this only says on whom.)
pub fn may_act_on(actor: Role, target: Option<Role>, is_self: bool) -> bool {
    match actor {
        Role::PlatformAdmin | Role::DistributorAdmin | Role::DistributorViewer | Role::AccountAdmin => true,
        Role::Manager => is_self || target == Some(Role::Subscriber),
        Role::Subscriber => is_self,
    }
}

/// Everything a server function can do, by name.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Action {
    ViewDistributors,
    ManageDistributors,
    ManageCredentials,
    ViewAccounts,
    /// A new Account under the Distributor: its staff, not an Account's own roles.
    CreateAccounts,
    ManageAccounts,
    ViewSubscribers,
    ManageSubscribers,
    /// Moving a person to another Account of the Distributor (staff only).
    TransferSubscribers,
    ViewNumbers,
    ProvisionNumbers,
    ChangeNumberStatus,
    ManagePorting,
    ViewRoutes,
    ManageRoutes,
    ViewCatalog,
    ManageCatalog,
    /// Value-added services and the Distributor's prices for them: they
    /// belong to no Account, so an Account Admin reads them only.
    ManageServices,
    ManageSubscriptions,
    ManageDataLimits,
    ManageGuardian,
    ManageVoicemail,
    ViewOwnLines,
    ViewAudit,
    ManageUsers,
    ViewAsManager,
    /// The mail the portal sent (or, without SMTP, would have sent). Not a
    /// read a viewer may make: a reset link in it opens someone's account.
    ViewOutbox,
    /// The partner onboarding checklist of an Account or the Distributor.
    ViewOnboarding,
    /// Marking a checklist section not in scope, and the joint sign-off:
    /// the Distributor's staff (not an Account's own roles).
    ManageOnboarding,
}

pub const ACTIONS: [Action; 29] = [
    Action::ViewDistributors,
    Action::ManageDistributors,
    Action::ManageCredentials,
    Action::ViewAccounts,
    Action::CreateAccounts,
    Action::ManageAccounts,
    Action::ViewSubscribers,
    Action::ManageSubscribers,
    Action::TransferSubscribers,
    Action::ViewNumbers,
    Action::ProvisionNumbers,
    Action::ChangeNumberStatus,
    Action::ManagePorting,
    Action::ViewRoutes,
    Action::ManageRoutes,
    Action::ViewCatalog,
    Action::ManageCatalog,
    Action::ManageServices,
    Action::ManageSubscriptions,
    Action::ManageDataLimits,
    Action::ManageGuardian,
    Action::ManageVoicemail,
    Action::ViewOwnLines,
    Action::ViewAudit,
    Action::ManageUsers,
    Action::ViewAsManager,
    Action::ViewOutbox,
    Action::ViewOnboarding,
    Action::ManageOnboarding,
];

impl Action {
    /// Reads change nothing; a viewer may do exactly these.
    pub fn is_read(self) -> bool {
        matches!(
            self,
            Action::ViewDistributors
                | Action::ViewAccounts
                | Action::ViewSubscribers
                | Action::ViewNumbers
                | Action::ViewRoutes
                | Action::ViewCatalog
                | Action::ViewOwnLines
                | Action::ViewAudit
                | Action::ViewOnboarding
        )
    }
}

/// The table. Scope (which Distributor or Account) is checked separately,
/// against the session's scope, never against request arguments.
pub fn allows(role: Role, action: Action) -> bool {
    use Action::*;
    match role {
        Role::PlatformAdmin => true,
        Role::DistributorAdmin => !matches!(action, ManageDistributors | ManageCredentials),
        Role::DistributorViewer => action.is_read(),
        Role::AccountAdmin => matches!(
            action,
            ViewAccounts
                | ViewSubscribers
                | ViewNumbers
                | ViewRoutes
                | ManageRoutes
                | ViewCatalog
                | ManageCatalog
                | ManageAccounts
                | ViewOwnLines
                | ViewAudit
                | ManageUsers
                | ViewOnboarding
        ),
        Role::Manager => matches!(
            action,
            ViewAccounts
                | ViewSubscribers
                | ManageSubscribers
                | ViewNumbers
                | ViewCatalog
                | ManageSubscriptions
                | ManageDataLimits
                | ManageGuardian
                | ManageVoicemail
                | ViewOwnLines
                | ViewAudit
                | ManageUsers
        ),
        Role::Subscriber => matches!(action, ViewOwnLines),
    }
}

/// The role × action table as Markdown (rendered into the README by a test).
pub fn markdown_table() -> String {
    let mut out = String::from("| action |");
    for role in ROLES {
        out.push_str(&format!(" {} |", role.label()));
    }
    out.push_str("\n|---|");
    out.push_str(&"---|".repeat(ROLES.len()));
    out.push('\n');
    for action in ACTIONS {
        out.push_str(&format!("| {action:?} |"));
        for role in ROLES {
            out.push_str(if allows(role, action) { " ✓ |" } else { " |" });
        }
        out.push('\n');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn viewers_only_read_and_subscribers_only_see_their_own_lines() {
        for action in ACTIONS {
            if allows(Role::DistributorViewer, action) {
                assert!(action.is_read(), "viewer may {action:?}");
            }
            assert_eq!(
                allows(Role::Subscriber, action),
                action == Action::ViewOwnLines,
                "{action:?}"
            );
        }
    }

    #[test]
    fn only_the_platform_manages_distributors_and_credentials() {
        for role in ROLES {
            let expected = role == Role::PlatformAdmin;
            assert_eq!(allows(role, Action::ManageDistributors), expected);
            assert_eq!(allows(role, Action::ManageCredentials), expected);
        }
    }

    #[test]
    fn managers_run_the_family_but_not_the_network() {
        for action in [
            Action::ManageDataLimits,
            Action::ManageGuardian,
            Action::ManageSubscribers,
            Action::ManageVoicemail,
        ] {
            assert!(allows(Role::Manager, action));
        }
        for action in [
            Action::ProvisionNumbers,
            Action::ManagePorting,
            Action::ManageRoutes,
            Action::ManageCatalog,
            Action::ViewAsManager,
        ] {
            assert!(!allows(Role::Manager, action), "{action:?}");
        }
    }

    #[test]
    fn nobody_grants_a_role_above_their_own() {
        assert!(!Role::Manager.may_grant(Role::AccountAdmin));
        assert!(!Role::Manager.may_grant(Role::Manager));
        assert!(Role::Manager.may_grant(Role::Subscriber));
        assert!(!Role::DistributorAdmin.may_grant(Role::PlatformAdmin));
        assert!(!Role::DistributorViewer.may_grant(Role::Subscriber));
    }

    #[test]
    fn managers_act_on_subscribers_and_themselves_only() {
        assert!(may_act_on(Role::Manager, Some(Role::Subscriber), false));
        assert!(may_act_on(Role::Manager, Some(Role::Manager), true));
        assert!(!may_act_on(Role::Manager, Some(Role::Manager), false));
        assert!(!may_act_on(Role::Manager, Some(Role::AccountAdmin), false));
        assert!(
            !may_act_on(Role::Manager, None, false),
            "an unknown role is not a Subscriber"
        );
        assert!(may_act_on(Role::AccountAdmin, Some(Role::Manager), false));
        assert!(may_act_on(Role::DistributorAdmin, Some(Role::AccountAdmin), false));
        assert!(!may_act_on(Role::Subscriber, Some(Role::Subscriber), false));
    }

    /// `UPDATE_README=1 cargo test -p telegent-app --features ssr policy` rewrites it.
    #[test]
    fn the_readme_shows_the_current_table() {
        let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../README.md");
        let readme = std::fs::read_to_string(&path).unwrap();
        let (begin, end) = ("<!-- POLICY:BEGIN -->\n", "<!-- POLICY:END -->");
        let start = readme.find(begin).expect("POLICY:BEGIN marker") + begin.len();
        let stop = readme.find(end).expect("POLICY:END marker");
        if std::env::var_os("UPDATE_README").is_some() {
            let updated = format!("{}{}{}", &readme[..start], markdown_table(), &readme[stop..]);
            std::fs::write(&path, updated).unwrap();
            return;
        }
        assert_eq!(
            &readme[start..stop],
            markdown_table(),
            "README.md's role table is stale (UPDATE_README=1)"
        );
    }
}
