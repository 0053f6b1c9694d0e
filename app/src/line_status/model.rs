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
    /// SIM swaps Telegent still allows this period (`None`: not said).
    pub swaps_remaining: Option<i64>,
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

/// A SIM swap: the line moves to a new SIM (a physical one by its ICCID,
/// or, left empty, a new eSIM profile).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct SwapSimForm {
    #[serde(default)]
    pub account_id: String,
    #[serde(default)]
    pub msisdn: String,
    #[serde(default)]
    pub iccid: String,
    #[serde(default)]
    pub confirm: Option<String>,
}

/// The rest of what the portal knows of a line: its device, its plan, its
/// orders and what was done to it.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct LineHistory {
    /// IMEI, model, name, TAC, as the network last saw the device (`None`:
    /// not read, with why in `device_problem`).
    pub device: Option<DeviceFacts>,
    pub device_problem: String,
    /// The line's subscription: (ID, package ID, active).
    pub subscription: Option<(String, String, Option<bool>)>,
    /// The order that brought the line, and any still open: (order ID, what,
    /// status, since).
    pub orders: Vec<(String, String, String, String)>,
    /// What was done to the line through the portal, newest first (only for
    /// those who may read the audit log).
    pub audit: Vec<AuditLine>,
    pub can_see_audit: bool,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct DeviceFacts {
    pub imei: String,
    pub model: String,
    pub name: String,
    pub tac: String,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct AuditLine {
    pub at: String,
    pub who: String,
    pub action: String,
    pub outcome: String,
    pub detail: String,
}

/// A new number for the line: `swap` (same area) or `replace` (the area
/// code given). The SIM stays; the old number is released.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct RenumberForm {
    pub account_id: String,
    pub msisdn: String,
    pub kind: String,
    pub area_code: String,
    pub confirm: Option<String>,
}

/// A line's update: its capabilities (as a product type), routes, and a
/// SIM bound later.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct LineUpdateForm {
    pub account_id: String,
    pub msisdn: String,
    pub product_type: String,
    pub message_route: String,
    pub voice_route: String,
    pub iccid: String,
}

/// What the update form offers: the Account's routes (ID, name).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct LineUpdateChoices {
    pub routes: Vec<(String, String)>,
    pub voice_routes: Vec<(String, String)>,
}

/// The product types a line can have, by what it does.
pub const PRODUCT_TYPES: [(&str, &str); 4] = [
    ("Sms-Only", "SMS only"),
    ("Data-Only", "Data only"),
    ("Sms+Data", "SMS and data"),
    ("Sms+Data+Voice", "SMS, data and voice"),
];
