//! A child's AI Guardian: switches, guardians, call and message filters.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct GuardianSummary {
    pub calls_on: bool,
    pub messages_on: bool,
    /// The message filter's mode in words, if there is one.
    pub message_filter: Option<String>,
    /// Allowed and blocked message contacts.
    pub allowed: usize,
    pub blocked: usize,
    /// Numbers blocked from calling (the call filter's blocked list).
    pub calls_blocked: usize,
}

/// One child's AI Guardian: switches, guardians, and the call and message
/// filters of one of their lines.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct GuardianDetail {
    pub account_id: String,
    pub account_name: String,
    pub subscriber_id: String,
    pub name: String,
    /// The child's lines.
    pub lines: Vec<LineChoice>,
    /// The line whose filters are shown.
    pub line: String,
    pub calls_on: bool,
    pub messages_on: bool,
    /// Linked guardians.
    pub guardians: Vec<Person>,
    /// Members who could be linked.
    pub candidates: Vec<Person>,
    pub call_filter: Option<CallFilterView>,
    pub message_filter: Option<MessageFilterView>,
    pub can_manage: bool,
    /// See `FamilyOverview::as_of_seconds`.
    #[serde(default)]
    pub as_of_seconds: Option<u64>,
}

/// One of the child's lines, as a choice of which line's filters to show.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct LineChoice {
    /// E.164.
    pub msisdn: String,
    /// As people read it.
    pub display: String,
}

/// A member of the Account, by ID and name.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Person {
    pub subscriber_id: String,
    pub name: String,
}

/// Who may call a child: only the allowed numbers, or everyone but the blocked.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum CallMode {
    /// Telegent's `WHITELIST`.
    OnlyAllowed,
    /// Telegent's `BLACKLIST`.
    AllButBlocked,
}

impl CallMode {
    /// Telegent's spelling, also the form's value.
    pub fn code(self) -> &'static str {
        match self {
            CallMode::OnlyAllowed => "WHITELIST",
            CallMode::AllButBlocked => "BLACKLIST",
        }
    }

    pub fn from_code(code: &str) -> Option<Self> {
        match code {
            "WHITELIST" => Some(CallMode::OnlyAllowed),
            "BLACKLIST" => Some(CallMode::AllButBlocked),
            _ => None,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CallFilterView {
    pub mode: CallMode,
    pub allowed: Vec<String>,
    pub blocked: Vec<String>,
    pub block_unknown: bool,
    pub block_international: bool,
    pub inbound: bool,
    pub outbound: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct MessageFilterView {
    /// The mode as Telegent spells it: a level (`CHILD`, `ADOLESCENT`,
    /// `TEENAGER`) or `ACTIVE`, `MONITOR_ONLY`, `INACTIVE` (see `MESSAGE_MODES`).
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

/// A message filter mode in words ("CHILD" → "Child"); an unknown one as
/// Telegent spells it.
pub fn message_mode_label(code: &str) -> String {
    MESSAGE_MODES
        .iter()
        .find(|(c, _)| c.eq_ignore_ascii_case(code))
        .map(|(_, label)| label.split(':').next().unwrap_or(label).to_string())
        .unwrap_or_else(|| code.to_string())
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
