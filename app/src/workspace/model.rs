//! A Distributor's home: counts rolled up over its tree and what needs action.

use serde::{Deserialize, Serialize};

use crate::read_model::model::Freshness;

/// Counts over the Distributor's whole tree, from the read model.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Rollup {
    pub accounts: u32,
    pub subscribers: u32,
    pub lines_active: u32,
    pub lines_parked: u32,
    pub lines_pending: u32,
    pub lines_cancelled: u32,
    pub lines_throttled: u32,
    pub lines_blocked: u32,
    /// Subscriptions (plans), one per line.
    #[serde(default)]
    pub subscriptions: u32,
    /// Orders the portal submitted that are still open (port-ins, new numbers).
    #[serde(default)]
    pub open_orders: u32,
}

/// One thing that needs someone: what, how many, where it is fixed, and
/// the first few cases.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct NeedsAction {
    pub message: String,
    pub count: u32,
    /// The list of all cases, when there is one.
    pub href: Option<String>,
    /// (what, where it is fixed), the first few.
    pub examples: Vec<(String, String)>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Workspace {
    pub distributor_id: String,
    pub distributor_name: String,
    pub rollup: Rollup,
    pub needs: Vec<NeedsAction>,
    pub freshness: Freshness,
}
