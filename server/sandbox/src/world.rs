//! The sandbox's state: everything the simulated platform knows, serializable
//! so it survives a restart of the portal (see `Sandbox::persist`).

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
pub struct Address {
    pub street1: Option<String>,
    pub street2: Option<String>,
    pub city: Option<String>,
    pub state: Option<String>,
    pub zip: Option<String>,
    pub country: Option<String>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Distributor {
    pub id: String,
    pub name: String,
    /// The AccountKey of its API credential is the DistributorId itself.
    /// Left out of the admin state dump (empty there).
    #[serde(default)]
    pub secret: String,
    pub billing: Address,
    pub mailing: Address,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Account {
    pub id: String,
    pub distributor_id: String,
    pub name: String,
    pub billing: Address,
    pub mailing: Address,
    /// The ID counter when it was created: the first is the Distributor's
    /// default Account (see `accounts`).
    #[serde(default)]
    pub created_seq: u64,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Subscriber {
    pub id: String,
    pub account_id: String,
    pub name: String,
    /// Unique on the whole platform (case-insensitive).
    pub email: String,
    pub role: String,
    pub phone_numbers: Vec<String>,
}

#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct Number {
    pub id: String,
    pub account_id: String,
    pub subscriber_id: Option<String>,
    pub msisdn: String,
    pub iccid: String,
    /// mvno | iot
    pub number_type: String,
    pub product_type: String,
    /// active | parked | cancelled
    pub status: String,
    pub message_route_id: Option<String>,
    pub voice_route_id: Option<String>,
    /// Data thresholds; `None` means the platform default (20 MB limit).
    #[serde(default)]
    pub data_limits: Option<DataLimits>,
    #[serde(default)]
    pub renewal: Option<Renewal>,
    /// Data used in the current cycle, in kilobytes.
    #[serde(default)]
    pub used_kb: u64,
    #[serde(default)]
    pub voicemail: Option<Voicemail>,
    /// Sandbox time (RFC 3339) when the number was cancelled: reactivation is
    /// possible for 30 days.
    #[serde(default)]
    pub cancelled_at: Option<String>,
    /// The open port-out order, if any: the line must not be parked meanwhile.
    #[serde(default)]
    pub portout_order: Option<String>,
    #[serde(default)]
    pub sim_status: Option<String>,
    /// The order that brought the number to the platform (provision, port-in).
    #[serde(default)]
    pub order_id: Option<String>,
    /// Sandbox date it came to the platform, `MM/DD/YYYY`.
    #[serde(default)]
    pub purchased_on: Option<String>,
    /// p2p | a2p, as provisioned or updated.
    #[serde(default)]
    pub message_type: Option<String>,
    #[serde(default)]
    pub cnam_first_name: Option<String>,
    #[serde(default)]
    pub cnam_last_name: Option<String>,
    /// Sandbox times (RFC 3339) of this line's SIM swaps.
    #[serde(default)]
    pub sim_swaps: Vec<String>,
}

/// SIM swaps a line may have in any 30 days.
pub const SWAPS_PER_30_DAYS: usize = 2;

impl Number {
    /// Swaps still allowed now, and when the oldest counted one stops counting.
    pub fn swaps(&self, now: chrono::DateTime<chrono::Utc>) -> (usize, Option<chrono::DateTime<chrono::Utc>>) {
        let window = chrono::Duration::days(30);
        let mut recent: Vec<chrono::DateTime<chrono::Utc>> = self
            .sim_swaps
            .iter()
            .filter_map(|t| chrono::DateTime::parse_from_rfc3339(t).ok())
            .map(|t| t.with_timezone(&chrono::Utc))
            .filter(|t| now.signed_duration_since(*t) < window)
            .collect();
        recent.sort();
        (
            SWAPS_PER_30_DAYS.saturating_sub(recent.len()),
            recent.first().map(|t| *t + window),
        )
    }

    /// The caller-ID name, when one was set.
    pub fn cnam(&self) -> Option<String> {
        let parts: Vec<&str> = [&self.cnam_first_name, &self.cnam_last_name]
            .into_iter()
            .filter_map(|p| p.as_deref())
            .collect();
        (!parts.is_empty()).then(|| parts.join(" "))
    }
}

/// A number order: provisioning, port-in, port-out or a status change.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct Order {
    pub id: String,
    pub distributor_id: String,
    pub account_id: Option<String>,
    /// provision | portin | portout | status | update
    pub order_type: String,
    /// Canonical state: Pending, InProgress, ResolutionRequired, Complete,
    /// Rejected, Cancelled (rendered in the configured vocabulary).
    pub state: String,
    pub status_message: String,
    /// Sandbox time (RFC 3339).
    pub created_at: String,
    /// Sandbox time of the last state change.
    pub changed_at: String,
    pub numbers: Vec<String>,
    /// The request as sent (port-in details, provisioning options).
    pub request: serde_json::Map<String, serde_json::Value>,
    /// The number created when the order completed.
    pub number_id: Option<String>,
}

#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct Message {
    pub id: String,
    pub distributor_id: String,
    pub from: String,
    pub to: Vec<String>,
    pub body: String,
    pub media: Vec<serde_json::Value>,
    /// Inline attachments (`MmsBase64`: `{Base64, BaseType}`).
    #[serde(default)]
    pub inline_media: Vec<serde_json::Value>,
    pub campaign_id: Option<String>,
    /// Sandbox time (RFC 3339).
    pub created_at: String,
    pub status: String,
}

/// A billable operation the platform charged for, in order.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct LedgerEntry {
    pub seq: u64,
    pub operation: String,
    pub distributor_id: String,
    pub reference: String,
    pub detail: String,
}

/// Thresholds in kilobytes (requests may give KB, MB, GB or TB).
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
pub struct DataLimits {
    pub unit: String,
    pub notify_kb: Option<u64>,
    pub throttle_kb: Option<u64>,
    pub limit_kb: u64,
    pub throttle_speed: Option<String>,
}

#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
pub struct Renewal {
    /// M (monthly) or W (weekly).
    pub period_type: String,
    pub period_value: u32,
    /// 1–31 for monthly, 1–7 for weekly.
    pub renewal_day: u32,
    pub auto_renew: bool,
}

#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
pub struct Voicemail {
    pub pin: String,
    pub email: Option<String>,
    pub first_name: Option<String>,
    pub last_name: Option<String>,
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct GuardianRelation {
    pub parent_id: String,
    pub child_id: String,
    pub relation: String,
}

/// A Guardian message or call filter: one per subscriber and phone and kind.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct Filter {
    pub id: String,
    /// "message" or "call".
    pub kind: String,
    pub subscriber_id: String,
    pub phone: String,
    /// Allowed contacts (message) or numbers (call).
    pub allowed: Vec<String>,
    pub blocked: Vec<String>,
    pub keywords: Vec<String>,
    /// Every other field as the API names it (FilterMode, BlockLinks…).
    pub settings: serde_json::Map<String, serde_json::Value>,
}

/// A resource of one of the generic collections (products, packages, routes,
/// services, workgroups, webhooks, subscriptions…): its owner and its fields
/// as the API names them.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct Record {
    pub distributor_id: String,
    pub account_id: Option<String>,
    /// The parent resource's ID for nested collections (package items…).
    pub parent_id: Option<String>,
    pub fields: serde_json::Map<String, serde_json::Value>,
}

/// The whole simulated platform.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct World {
    pub seed: u64,
    /// Counter behind every generated ID, so IDs are deterministic for a seed.
    pub id_counter: u64,
    pub distributors: BTreeMap<String, Distributor>,
    pub accounts: BTreeMap<String, Account>,
    pub subscribers: BTreeMap<String, Subscriber>,
    pub numbers: BTreeMap<String, Number>,
    /// AI Guardian master switches by subscriber: (calls, messages).
    pub guardian_features: BTreeMap<String, (bool, bool)>,
    pub guardian_relations: Vec<GuardianRelation>,
    /// Message (`MFID-`) and call (`CFID-`) filters by ID.
    pub filters: BTreeMap<String, Filter>,
    pub orders: BTreeMap<String, Order>,
    /// Messages by `TMID-`.
    pub messages: BTreeMap<String, Message>,
    pub ledger: Vec<LedgerEntry>,
    /// Seconds the sandbox clock runs ahead of the real one.
    pub clock_offset_secs: i64,
    /// Port-in status names: "troubleshooting" (Pending, InProgress,
    /// ResolutionRequired, Complete, Cancelled) or "seeds" (Submitted, Pending
    /// Carrier Approval, Scheduled, Completed, Rejected, Cancelled).
    pub vocabulary: String,
    /// Generic collections by name, then ID.
    pub records: BTreeMap<String, BTreeMap<String, Record>>,
}

impl World {
    /// A new ID with the API's prefix, shaped like the reference's
    /// (`AID-1b2c3d4e-...`), deterministic for the world's seed.
    pub fn new_id(&mut self, prefix: &str) -> String {
        self.id_counter += 1;
        let hi = splitmix64(self.seed ^ self.id_counter.wrapping_mul(0x9E37_79B9_7F4A_7C15));
        let lo = splitmix64(hi ^ self.id_counter);
        format!(
            "{prefix}-{:08x}-{:04x}-{:04x}-{:04x}-{:012x}",
            (hi >> 32) as u32,
            (hi >> 16) as u16,
            hi as u16,
            (lo >> 48) as u16,
            lo & 0xFFFF_FFFF_FFFF
        )
    }

    pub fn accounts_of<'a>(&'a self, distributor_id: &'a str) -> impl Iterator<Item = &'a Account> + 'a {
        self.accounts
            .values()
            .filter(move |a| a.distributor_id == distributor_id)
    }

    /// The account, only when it belongs to `distributor_id`: a foreign ID is
    /// indistinguishable from a missing one.
    pub fn account_in(&self, distributor_id: &str, account_id: &str) -> Option<&Account> {
        self.accounts
            .get(account_id)
            .filter(|a| a.distributor_id == distributor_id)
    }

    pub fn subscriber_count(&self, account_id: &str) -> usize {
        self.subscribers.values().filter(|s| s.account_id == account_id).count()
    }

    pub fn collection(&self, name: &str) -> impl Iterator<Item = (&String, &Record)> {
        self.records.get(name).into_iter().flat_map(|c| c.iter())
    }

    /// A record of `collection` visible to `distributor_id` (foreign = missing).
    pub fn record_in(&self, collection: &str, distributor_id: &str, id: &str) -> Option<&Record> {
        self.records
            .get(collection)?
            .get(id)
            .filter(|r| r.distributor_id == distributor_id)
    }

    pub fn insert_record(&mut self, collection: &str, id: String, record: Record) {
        self.records
            .entry(collection.to_string())
            .or_default()
            .insert(id, record);
    }

    /// The sandbox's notion of now (advanced through the admin clock).
    pub fn now(&self) -> chrono::DateTime<chrono::Utc> {
        chrono::Utc::now() + chrono::Duration::seconds(self.clock_offset_secs)
    }

    pub fn charge(&mut self, operation: &str, distributor_id: &str, reference: &str, detail: &str) {
        let seq = self.ledger.len() as u64 + 1;
        self.ledger.push(LedgerEntry {
            seq,
            operation: operation.into(),
            distributor_id: distributor_id.into(),
            reference: reference.into(),
            detail: detail.into(),
        });
    }

    pub fn email_taken(&self, email: &str) -> bool {
        self.subscribers.values().any(|s| s.email.eq_ignore_ascii_case(email))
    }
}

fn splitmix64(mut x: u64) -> u64 {
    x = x.wrapping_add(0x9E37_79B9_7F4A_7C15);
    let mut z = x;
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}
