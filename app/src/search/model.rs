//! Global search results.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct SearchResults {
    pub query: String,
    /// One record matched exactly: its page.
    pub jump_to: Option<String>,
    pub groups: Vec<HitGroup>,
    pub total: u32,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct HitGroup {
    /// "Accounts", "Subscribers", "Numbers".
    pub label: String,
    pub hits: Vec<Hit>,
    /// More matched than are listed.
    pub more: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Hit {
    pub title: String,
    pub detail: String,
    pub href: String,
}
