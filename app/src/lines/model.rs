//! A line's data use, limits, renewal and voicemail.

use serde::{Deserialize, Serialize};

pub use super::rules::RenewalPeriod;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct LineSummary {
    /// E.164.
    pub msisdn: String,
    /// As people read it: +1 (801) 555-0101.
    pub display: String,
    pub usage: LineUsage,
}

/// What the network does to a line now.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Behaviour {
    Normal,
    Notified,
    Throttled,
    Blocked,
    Unknown,
}

impl Behaviour {
    pub fn label(self) -> &'static str {
        match self {
            Behaviour::Normal => "Normal",
            Behaviour::Notified => "Warned",
            Behaviour::Throttled => "Slowed down",
            Behaviour::Blocked => "Data blocked",
            Behaviour::Unknown => "Unknown",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct LineUsage {
    pub used_kb: u64,
    pub limit_kb: u64,
    pub notify_kb: Option<u64>,
    pub throttle_kb: Option<u64>,
    pub throttle_speed: Option<String>,
    pub behaviour: Behaviour,
    /// No limit set: the platform default applies.
    pub is_default: bool,
    /// `M` or `W` with the day, when known.
    pub renewal: Option<RenewalView>,
    /// Telegent's answer for this line could not be read (a value past what
    /// it can carry): the figures above are placeholders, the card says so.
    #[serde(default)]
    pub unreadable: bool,
}

impl LineUsage {
    /// Share of the limit used, 0–100.
    pub fn percent(&self) -> u32 {
        if self.limit_kb == 0 {
            return 0;
        }
        // u128: a limit stored far past what the portal allows must not overflow.
        ((u128::from(self.used_kb.min(self.limit_kb)) * 100) / u128::from(self.limit_kb)) as u32
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RenewalView {
    pub period: RenewalPeriod,
    pub day: i64,
    pub auto_renew: bool,
}

/// One line's data page: settings, usage and the samples for the chart.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct LineDetail {
    pub account_id: String,
    pub account_name: String,
    pub owner: String,
    pub line: LineSummary,
    /// This cycle's data use, oldest first.
    pub samples: Vec<UsageSample>,
    pub can_manage: bool,
    /// `None` when voicemail could not be read (the rest of the page still shows).
    pub voicemail: Option<VoicemailView>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct VoicemailView {
    pub enabled: bool,
    pub email: String,
    pub first_name: String,
    pub last_name: String,
}

/// What a line had used at one moment of the current cycle (for the chart).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct UsageSample {
    /// Seconds since the cycle began.
    pub seconds: i64,
    pub used_kb: u64,
}
