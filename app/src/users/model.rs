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
    pub distributor_id: Option<String>,
    pub account_id: Option<String>,
    pub status: UserStatus,
    /// The caller may disable, re-enable or change the role of this user.
    pub editable: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct UsersPage {
    pub rows: Vec<UserListItem>,
    pub page: u32,
    pub total_pages: u32,
    pub total: u32,
    /// Roles the caller may give.
    pub grantable: Vec<Role>,
}

/// The user-creation form.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct NewUser {
    pub email: String,
    pub display_name: String,
    /// A `Role` variant name, e.g. `Manager`.
    pub role: String,
    /// For distributor roles created by the Platform admin.
    pub distributor_id: String,
    /// For account roles created by distributor staff.
    pub account_id: String,
}

/// A user just created: the temporary password is shown once.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CreatedUser {
    pub id: i64,
    pub email: String,
    pub temporary_password: String,
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
