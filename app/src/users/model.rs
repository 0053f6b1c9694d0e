//! Portal users: the list, the creation form and a created user.

use serde::{Deserialize, Serialize};

use crate::policy::Role;

pub const USERS_PER_PAGE: u32 = 20;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct UserListItem {
    pub id: i64,
    pub email: String,
    pub display_name: String,
    pub role: Role,
    /// What the role reaches, by name: "All Distributors", a Distributor's
    /// name, an Account's name (never a raw DID-/AID- ID, unless Telegent
    /// could not say the name just now).
    pub scope_label: String,
    pub status: UserStatus,
    /// The caller may disable, re-enable, send a reset link to and end the
    /// sessions of this user.
    pub editable: bool,
    /// The roles the caller may move this user to (empty: no role menu).
    pub role_choices: Vec<Role>,
}

/// A Distributor or Account a new user can be placed in.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Place {
    pub id: String,
    pub label: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct UsersPage {
    pub rows: Vec<UserListItem>,
    pub page: u32,
    pub total_pages: u32,
    pub total: u32,
    /// Roles the caller may give, the least powerful first.
    pub grantable: Vec<Role>,
    /// The Accounts in the caller's scope, for account roles (staff only:
    /// account-level callers add to their own, named in `own_account`).
    pub accounts: Vec<Place>,
    /// The Distributors, for distributor roles (the Platform admin only).
    pub distributors: Vec<Place>,
    /// The caller's own Account, by name, for account-level callers.
    pub own_account: Option<String>,
    /// The caller may read the outbox (where a sent reset link shows).
    pub sees_outbox: bool,
}

/// The user-creation form.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct NewUser {
    pub email: String,
    pub display_name: String,
    /// A `Role` variant name, e.g. `Manager`.
    pub role: String,
    /// For distributor roles created by the Platform admin (chosen from a list).
    #[serde(default)]
    pub distributor_id: String,
    /// For account roles created by distributor staff (chosen from a list).
    #[serde(default)]
    pub account_id: String,
    /// Ticked after the warning that the Account already has a Manager.
    #[serde(default, deserialize_with = "crate::form_values::flag")]
    pub second_manager: bool,
    /// Lines of the Account to give an account-level user, as typed
    /// (see `members::lines_given`); empty gives none.
    #[serde(default)]
    pub phone_numbers: String,
}

/// A user just created: the temporary password is shown once.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CreatedUser {
    pub id: i64,
    pub email: String,
    pub temporary_password: String,
    /// Lines typed that Telegent did not take (said in the notice).
    #[serde(default)]
    pub lines_not_given: Vec<String>,
}

/// What the last action on the users page did (`?done=…` after its redirect).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Done {
    RoleChanged,
    Disabled,
    Enabled,
    ResetSent,
    SessionsEnded,
}

impl Done {
    const ALL: [Done; 5] = [
        Done::RoleChanged,
        Done::Disabled,
        Done::Enabled,
        Done::ResetSent,
        Done::SessionsEnded,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Done::RoleChanged => "role",
            Done::Disabled => "disabled",
            Done::Enabled => "enabled",
            Done::ResetSent => "reset-sent",
            Done::SessionsEnded => "sessions-ended",
        }
    }

    pub fn parse(value: &str) -> Option<Done> {
        Self::ALL.into_iter().find(|d| d.as_str() == value)
    }

    /// The notice the page shows.
    pub fn message(self) -> &'static str {
        match self {
            Done::RoleChanged => "Role changed. They were signed out and sign in again to use it.",
            Done::Disabled => "Disabled: signed out at once, and they can't sign in until re-enabled.",
            Done::Enabled => "Re-enabled: they can sign in again.",
            Done::ResetSent => {
                "Reset link sent. It works once, within 30 minutes; their password stays until they use it."
            }
            Done::SessionsEnded => "Every session of theirs has ended: they sign in again on each device.",
        }
    }
}

/// Where a portal user stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum UserStatus {
    /// Created, has not chosen their own password yet.
    Invited,
    Active,
    /// May not sign in; their sessions ended.
    Disabled,
}

impl UserStatus {
    /// As stored.
    pub fn as_str(self) -> &'static str {
        match self {
            UserStatus::Invited => "invited",
            UserStatus::Active => "active",
            UserStatus::Disabled => "disabled",
        }
    }

    pub fn parse(value: &str) -> Option<Self> {
        [UserStatus::Invited, UserStatus::Active, UserStatus::Disabled]
            .into_iter()
            .find(|s| s.as_str() == value)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn notices_read_back_from_the_address_and_name_the_link_lifetime() {
        for done in Done::ALL {
            assert_eq!(Done::parse(done.as_str()), Some(done));
        }
        assert_eq!(Done::parse("__err"), None);
        let minutes = crate::password_reset::model::LINK_MINUTES;
        assert!(Done::ResetSent.message().contains(&format!("{minutes} minutes")));
    }
}
