//! The Distributors this portal serves.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DistributorRow {
    pub id: String,
    pub name: String,
    pub api_base_url: String,
    pub account_key: String,
    /// Whether a client could be built from the stored, sealed credential.
    pub connected: bool,
    /// The caller may change its name and addresses (Platform admin).
    #[serde(default)]
    pub can_edit: bool,
}
