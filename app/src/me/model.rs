//! A Subscriber's own lines.

use serde::{Deserialize, Serialize};

use crate::guardian::model::GuardianSummary;
use crate::lines::model::LineSummary;

/// A Subscriber's own lines, their data use and the restrictions on them.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct MyLines {
    pub name: String,
    pub account_name: String,
    pub lines: Vec<LineSummary>,
    pub guardian: Option<GuardianSummary>,
}
