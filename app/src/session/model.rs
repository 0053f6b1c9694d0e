//! The signed-in person, their navigation and the view-as banner.

use serde::{Deserialize, Serialize};

use crate::policy::Role;

/// The person using the portal and what they may see.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CurrentUser {
    pub display_name: String,
    pub email: String,
    /// The role in effect (Manager while viewing as one).
    pub role: Role,
    pub role_label: String,
    /// The Distributor or Account the role reaches ("All Distributors" for the platform).
    pub scope_label: String,
    /// Where "home" is for this role.
    pub home: String,
    pub nav: Vec<NavItem>,
    pub must_change_password: bool,
    pub view_as: Option<ViewAsBanner>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct NavItem {
    pub href: String,
    pub label: String,
}

/// Shown on every page while an administrator views a Manager's portal.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ViewAsBanner {
    pub account_id: String,
    pub account_name: String,
    pub reason: String,
    pub minutes_left: i64,
}
