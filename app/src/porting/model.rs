//! The port-in cockpit's shapes: its lists and pages, its forms, and what
//! each status means for the person looking at it (in both vocabularies
//! Telegent's sources use).

use serde::{Deserialize, Serialize};

/// Where a port-in stands in the portal: prepared, with Telegent, or over.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
pub enum Stage {
    #[default]
    Draft,
    Open,
    Ended,
}

impl Stage {
    pub fn as_str(self) -> &'static str {
        match self {
            Stage::Draft => "draft",
            Stage::Open => "open",
            Stage::Ended => "ended",
        }
    }

    pub fn parse(value: &str) -> Stage {
        match value {
            "open" => Stage::Open,
            "ended" => Stage::Ended,
            _ => Stage::Draft,
        }
    }
}

/// Whether a port-in status ends it. A rejection does not: in one
/// vocabulary "Rejected" is also the correctable one, and Telegent takes
/// updates (and a cancel) while the order is not complete or cancelled.
pub fn ends_port_in(status: &str) -> bool {
    matches!(
        status.trim().to_ascii_lowercase().as_str(),
        "complete" | "completed" | "cancelled" | "canceled" | "failed"
    )
}

/// Whether a port-in that ended this way may be started again (a fresh
/// eligibility check and a new submit): cancelled or failed, not complete.
pub fn may_start_again(status: &str) -> bool {
    is_cancelled(status) || status.trim().eq_ignore_ascii_case("failed")
}

/// Whether the status is a cancellation (either spelling).
pub fn is_cancelled(status: &str) -> bool {
    matches!(status.trim().to_ascii_lowercase().as_str(), "cancelled" | "canceled")
}

/// The phases shown on a port-in's timeline, in order.
pub const PHASES: [&str; 5] = ["Draft", "Submitted", "Carrier review", "Scheduled", "Complete"];

/// Which phase a status is in (an index into [`PHASES`]).
pub fn phase_of(status: &str) -> usize {
    match status.trim().to_ascii_lowercase().as_str() {
        "draft" => 0,
        "pending" | "submitted" => 1,
        "pending carrier approval" | "resolutionrequired" | "rejected" => 2,
        "inprogress" | "scheduled" => 3,
        "complete" | "completed" => 4,
        _ => 1,
    }
}

/// What to do next, in plain words, for a status and its message.
pub fn next_step(status: &str, message: &str) -> String {
    let s = status.trim().to_ascii_lowercase();
    match s.as_str() {
        "draft" => "Finish the carrier's and the subscriber's details, then submit.".into(),
        "pending" | "submitted" => {
            "Telegent is sending the request to the losing carrier. Nothing to do: the status is checked in the background \
             and you are told when it changes."
                .into()
        }
        "pending carrier approval" => "The losing carrier is reviewing the request. Nothing to do yet.".into(),
        "inprogress" | "scheduled" => {
            "Approved: the number moves on the port date. The subscriber keeps the old service until then.".into()
        }
        "resolutionrequired" => format!(
            "The losing carrier needs a detail corrected ({}). Correct it below and send the correction; \
             the request goes back in the queue.",
            reason_text(message)
        ),
        "rejected" if rejection_field(message).is_some() => format!(
            "The losing carrier rejected a detail ({}). Correct it below and send the correction.",
            reason_text(message)
        ),
        "rejected" => format!(
            "The losing carrier refused the port ({}). Cancel it, have the subscriber sort it out with the losing \
             carrier (a port-out hold, a plan restriction), then start again.",
            reason_text(message)
        ),
        "complete" | "completed" => "Done: the number is on Telegent now. Open the line to check it.".into(),
        "failed" => format!(
            "Telegent ended it ({}). If the number should still move, start again: a fresh eligibility check, \
             then a new submit.",
            reason_text(message)
        ),
        "cancelled" | "canceled" => {
            "Cancelled. If the number should still move, start again: a fresh eligibility check, then a new submit."
                .into()
        }
        _ => "Telegent reported a status the portal does not know; check the order with Telegent support.".into(),
    }
}

fn reason_text(message: &str) -> String {
    let m = message.trim();
    if m.is_empty() {
        "no reason given".into()
    } else {
        m.to_string()
    }
}

/// The form field a rejection's reason concerns, so the reason is shown
/// next to it (reason codes like `8A-ACCOUNT_NUM_REQ_OR_INCORRECT`).
pub fn rejection_field(message: &str) -> Option<&'static str> {
    // Whole words of the reason (codes like ACCOUNT_NUM_REQ split on `_`),
    // so "VALIDATE" is not a date and "MAPPING" not a PIN.
    let upper = message.to_ascii_uppercase();
    let words: Vec<&str> = upper
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    let has = |w: &str| words.contains(&w);
    if words.is_empty() || has("HOLD") || has("PROTECTION") || has("RESTRICTED") || has("RESTRICTION") {
        return None;
    }
    Some(if has("ACCOUNT") && (has("NUM") || has("NUMBER")) {
        "account_number"
    } else if has("PIN") || has("PASSCODE") || has("PASSWORD") {
        "pin"
    } else if has("DATE") {
        "port_date"
    } else if has("ADDRESS") || has("ZIP") {
        "street1"
    } else if has("NAME") && has("CARRIER") {
        "carrier_name"
    } else if has("NAME") {
        "subscriber_name"
    } else if has("ICCID") || has("SIM") {
        "iccid"
    } else {
        return None;
    })
}

/// A port-in's billing address as its form has it.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct AddressFields {
    pub street1: String,
    pub street2: String,
    pub city: String,
    pub state: String,
    pub zip: String,
}

/// What the orders page asks for (all in its address).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct PortInsQuery {
    pub distributor_id: String,
    pub show: String,
    pub account: String,
    pub q: String,
    pub sort: String,
    /// A page number as typed in the address (text: a flattened form
    /// carries every value as text; unreadable means the first).
    pub page: String,
}

/// Rows per page of the orders page.
pub const PAGE_SIZE: u32 = 50;

/// One row of the orders page.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct PortInRow {
    pub id: String,
    pub account_id: String,
    pub account_name: String,
    pub msisdn: String,
    pub stage: Stage,
    pub status: String,
    pub status_message: String,
    pub order_id: String,
    pub port_date: String,
    pub created_at: String,
    pub submitted_at: String,
    /// Days since it was submitted (or drafted).
    pub age_days: i64,
    pub next_step: String,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct PortInsPage {
    pub distributor_id: String,
    pub distributor_name: String,
    /// `open` (the default), `drafts`, `ended` or `all`.
    pub show: String,
    /// One Account's port-ins only (its ID), or empty for all in reach.
    pub account: String,
    pub q: String,
    /// `newest`, `oldest`, `number`.
    pub sort: String,
    pub page: u32,
    pub total_pages: u32,
    /// Port-ins the filter holds, all pages.
    pub total: i64,
    pub rows: Vec<PortInRow>,
    pub counts: Vec<(String, i64)>,
    pub can_manage: bool,
    /// The Accounts a new port-in may go to (staff), or the caller's own.
    pub accounts: Vec<(String, String)>,
}

/// One entry of a port-in's timeline.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct TimelineEntry {
    pub at: String,
    /// `status`, `step` or `note`.
    pub kind: String,
    pub status: String,
    pub text: String,
    pub actor: String,
}

/// A port-in's page.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct PortInView {
    pub row: PortInRow,
    pub classification: String,
    pub current_carrier: String,
    pub number_type: String,
    /// A wireline port needs a port date.
    pub wireline: bool,
    pub carrier_name: String,
    pub subscriber_name: String,
    pub billing: AddressFields,
    pub iccid: String,
    pub loa_by: String,
    pub loa_at: String,
    pub submitted_by: String,
    pub timeline: Vec<TimelineEntry>,
    pub can_manage: bool,
    /// The field the rejection concerns, when it can be corrected.
    pub rejection_field: Option<String>,
    /// The window a port date must fall in (`MM/DD/YYYY`), from today.
    pub earliest_port_date: String,
    pub latest_port_date: String,
    /// When the status was last read from Telegent.
    pub checked_at: String,
}

/// Step one: the number and its target classification.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct EligibilityForm {
    pub account_id: String,
    pub msisdn: String,
    /// `mvno` or `iot`.
    pub classification: String,
}

/// A draft's details, saved or submitted (`act`: `save` or `submit`). The
/// account number and PIN are sent with a submit and never kept.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct DetailsForm {
    pub account_id: String,
    pub id: String,
    pub act: String,
    pub carrier_name: String,
    pub subscriber_name: String,
    pub street1: String,
    pub street2: String,
    pub city: String,
    pub state: String,
    pub zip: String,
    pub iccid: String,
    pub port_date: String,
    pub account_number: String,
    pub pin: String,
    pub loa: Option<String>,
    pub confirm: Option<String>,
}

/// A correction of an open port-in: only the fields given are sent (the
/// account number and PIN only when typed again).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct CorrectionForm {
    pub account_id: String,
    pub id: String,
    pub carrier_name: String,
    pub subscriber_name: String,
    pub street1: String,
    pub street2: String,
    pub city: String,
    pub state: String,
    pub zip: String,
    pub iccid: String,
    pub port_date: String,
    pub account_number: String,
    pub pin: String,
}

/// A port-in named by its Account and its ID (cancel, note, start again, check now).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct PortInAct {
    pub account_id: String,
    pub id: String,
    pub confirm: Option<String>,
    pub text: String,
}

/// A bulk port-in: the CSV (named `…secret` so a refused post never keeps
/// it: it holds account numbers and PINs), `act` `check` or `send`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct BulkPortInForm {
    pub account_id: String,
    pub classification: String,
    pub csv_secret: String,
    pub act: String,
    pub loa: Option<String>,
    pub confirm: Option<String>,
}

/// The bulk port-in page: where to, and the last run's result per row.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct BulkPortInPage {
    pub distributor_id: String,
    pub distributor_name: String,
    pub accounts: Vec<(String, String)>,
    /// (number, submitted, what happened) per row of the last run.
    pub results: Vec<(String, bool, String)>,
    pub most_rows: usize,
}

/// Whether `id` is shaped like a port-in's ID (`PI-` and 12 hex digits).
pub fn is_port_in_id(id: &str) -> bool {
    id.len() == 15 && id.starts_with("PI-") && id[3..].chars().all(|c| c.is_ascii_hexdigit())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_complete_and_cancelled_end_a_port_in() {
        for s in ["Complete", "Completed", "Cancelled", " canceled "] {
            assert!(ends_port_in(s), "{s}");
        }
        for s in ["Rejected", "ResolutionRequired", "Pending", "Scheduled", "Submitted"] {
            assert!(!ends_port_in(s), "{s}");
        }
    }

    #[test]
    fn both_vocabularies_have_a_phase_and_a_next_step() {
        let pairs = [
            ("Pending", "Submitted"),
            ("InProgress", "Scheduled"),
            ("Complete", "Completed"),
            ("ResolutionRequired", "Pending Carrier Approval"),
        ];
        for (troubleshooting, seeds) in pairs {
            assert_eq!(phase_of(troubleshooting), phase_of(seeds), "{troubleshooting} {seeds}");
        }
        assert!(next_step("ResolutionRequired", "8A-ACCOUNT_NUM_REQ_OR_INCORRECT").contains("8A-ACCOUNT_NUM"));
        assert!(next_step("Rejected", "6F-PORT_OUT_PROTECTION_HOLD").contains("Cancel it"));
        assert!(next_step("Rejected", "8A-ACCOUNT_NUM_REQ_OR_INCORRECT").contains("Correct it"));
        assert!(next_step("Cancelled", "").contains("start again"));
    }

    #[test]
    fn a_rejection_names_the_field_it_concerns() {
        assert_eq!(
            rejection_field("8A-ACCOUNT_NUM_REQ_OR_INCORRECT"),
            Some("account_number")
        );
        assert_eq!(rejection_field("7C-PORT_IN_DATE_REQUIRED"), Some("port_date"));
        assert_eq!(rejection_field("Subscriber name mismatch"), Some("subscriber_name"));
        assert_eq!(rejection_field("PIN incorrect"), Some("pin"));
        assert_eq!(rejection_field("6F-PORT_OUT_PROTECTION_HOLD: a hold"), None);
        assert_eq!(rejection_field(""), None);
        assert_eq!(rejection_field("FAILED TO VALIDATE MAPPING"), None);
    }

    #[test]
    fn port_in_ids_are_checked_for_shape() {
        assert!(is_port_in_id("PI-0123456789ab"));
        assert!(!is_port_in_id("PI-0123456789a"));
        assert!(!is_port_in_id("XX-0123456789ab"));
        assert!(!is_port_in_id("PI-0123456789ag"));
    }
}
