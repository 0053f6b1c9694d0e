//! What the line-status panel shows and posts.

use serde::{Deserialize, Serialize};

/// The changes a line's status takes, in the words people use and the
/// API's (`park` keeps the number and SIM; `cancel` releases both).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Change {
    Suspend,
    Restore,
    Deactivate,
}

impl Change {
    pub const ALL: [Change; 3] = [Change::Suspend, Change::Restore, Change::Deactivate];

    pub fn wire(self) -> &'static str {
        match self {
            Change::Suspend => "park",
            Change::Restore => "activate",
            Change::Deactivate => "cancel",
        }
    }

    pub fn from_form(word: &str) -> Option<Change> {
        Change::ALL.into_iter().find(|c| c.key() == word.trim())
    }

    pub fn key(self) -> &'static str {
        match self {
            Change::Suspend => "suspend",
            Change::Restore => "restore",
            Change::Deactivate => "deactivate",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Change::Suspend => "Suspend",
            Change::Restore => "Restore",
            Change::Deactivate => "Deactivate",
        }
    }

    /// What happens, said before it is confirmed.
    pub fn consequence(self) -> &'static str {
        match self {
            Change::Suspend => {
                "The line stops working (no calls, messages or data) but keeps its number and SIM; restore it at any time."
            }
            Change::Restore => "The line works again with its number and SIM.",
            Change::Deactivate => {
                "The line is cancelled: its number and SIM are released. It can be reactivated for 30 days; after that the number is gone."
            }
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct LineStatusView {
    pub account_id: String,
    pub msisdn: String,
    /// Telegent's status word (Active, Parked, Cancelled…).
    pub status: String,
    /// The changes this status allows.
    pub changes: Vec<Change>,
    /// An open port-out: its order ID and since when.
    pub port_out: Option<(String, String)>,
    /// A cancelled line: the last day it can be reactivated, and whether
    /// that day has passed (`None`: not cancelled through the portal).
    pub reactivate_until: Option<(String, bool)>,
    /// Today as the date field wants it (`YYYY-MM-DD`).
    pub today: String,
    pub can_change: bool,
    pub can_port_out: bool,
    /// A fresh key for the port-out form (billable: sent once).
    pub intent_key: String,
    pub facts: LineFacts,
}

/// What Telegent knows of the line, as people read it.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct LineFacts {
    /// MVNO or IoT.
    pub classification: String,
    /// A2P or P2P.
    pub message_type: String,
    pub product_type: String,
    pub sms: bool,
    pub voice: bool,
    pub data: bool,
    pub iccid: String,
    pub message_route_id: String,
    pub voice_route_id: String,
    pub purchased: String,
    /// The eSIM activation string, and its QR code as SVG markup drawn on
    /// the server (empty: none).
    pub activation: String,
    pub activation_svg: String,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct StatusForm {
    #[serde(default)]
    pub account_id: String,
    #[serde(default)]
    pub msisdn: String,
    /// suspend | restore | deactivate | reactivate
    #[serde(default)]
    pub change: String,
    #[serde(default)]
    pub effective_date: String,
    #[serde(default)]
    pub confirm: Option<String>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct PortOutForm {
    #[serde(default)]
    pub account_id: String,
    #[serde(default)]
    pub msisdn: String,
    /// 4 to 10 digits: the PIN the subscriber gives the gaining carrier.
    #[serde(default)]
    pub pin: String,
    #[serde(default)]
    pub intent_key: String,
    #[serde(default)]
    pub confirm: Option<String>,
}
