//! A child's AI Guardian: switches, guardians, call and message filters.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct GuardianSummary {
    pub calls_on: bool,
    pub messages_on: bool,
    /// The message filter's mode in words, if there is one.
    pub message_filter: Option<String>,
    pub allowed: usize,
    pub blocked: usize,
}

/// One child's AI Guardian: switches, guardians, and the call and message
/// filters of one of their lines.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct GuardianDetail {
    pub account_id: String,
    pub account_name: String,
    pub subscriber_id: String,
    pub name: String,
    /// The child's lines (E.164, display).
    pub lines: Vec<(String, String)>,
    /// The line whose filters are shown.
    pub line: String,
    pub calls_on: bool,
    pub messages_on: bool,
    /// Linked guardians (subscriber id, name).
    pub guardians: Vec<(String, String)>,
    /// Members who could be linked.
    pub candidates: Vec<(String, String)>,
    pub call_filter: Option<CallFilterView>,
    pub message_filter: Option<MessageFilterView>,
    pub can_manage: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CallFilterView {
    /// `WHITELIST` (only listed numbers) or `BLACKLIST` (all but listed).
    pub mode: String,
    pub allowed: Vec<String>,
    pub blocked: Vec<String>,
    pub block_unknown: bool,
    pub block_international: bool,
    pub inbound: bool,
    pub outbound: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct MessageFilterView {
    /// A level (`CHILD`, `ADOLESCENT`, `TEENAGER`) or `ACTIVE`, `MONITOR_ONLY`, `INACTIVE`.
    pub mode: String,
    pub allowed: Vec<String>,
    pub blocked: Vec<String>,
    pub block_links: bool,
    pub block_media: bool,
    pub block_unknown: bool,
    pub inbound: bool,
    pub outbound: bool,
    pub keywords: String,
    pub notify: Vec<String>,
}

/// Message filter modes with what they mean, in the order the form offers them.
pub const MESSAGE_MODES: [(&str, &str); 6] = [
    ("CHILD", "Child: the strictest filtering, for young children"),
    ("ADOLESCENT", "Adolescent: filters most adult and risky content"),
    (
        "TEENAGER",
        "Teenager: the lightest filtering, blocks the clearly harmful",
    ),
    (
        "ACTIVE",
        "Lists only: only the allowed and blocked contacts below apply",
    ),
    (
        "MONITOR_ONLY",
        "Monitor only: nothing is blocked, guardians are told about risky messages",
    ),
    ("INACTIVE", "Off: the filter is kept but does nothing"),
];
