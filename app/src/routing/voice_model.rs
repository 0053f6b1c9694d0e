//! What the voice-route pages show and post. A route is a SIP trunk pair
//! (failover), a webhook URL, or a PSTN forward; the password or token of
//! its webhook authentication is write-only.

use serde::{Deserialize, Serialize};

/// The API's route types, as people read them.
pub const ROUTE_TYPES: [(&str, &str); 3] = [
    ("Trunk", "SIP trunk (your SBC or PBX; two trunks for failover)"),
    ("URL", "Webhook URL (your app answers the calls)"),
    ("Forward", "Forward (to the address you give)"),
];
pub const TRANSPORTS: [&str; 3] = ["UDP", "TCP", "TLS"];
/// Priority and weight are SRV-style: 0 to 65535 (lower priority first;
/// weight shares the calls among trunks of equal priority).
pub const PRIORITY_MAX: i64 = 65_535;
/// How long Telegent takes to apply a voice-route change.
pub const PROPAGATION: &str = "Voice-route changes take about 10 minutes to reach the network.";

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct TrunkRow {
    pub ip: String,
    pub port: String,
    pub transport: String,
    pub uri: String,
    pub enabled: bool,
    pub priority: Option<i64>,
    pub weight: Option<i64>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct VoiceRouteRow {
    pub id: String,
    pub name: String,
    /// Trunk, URL or Forward.
    pub route_type: String,
    pub url: String,
    pub method: String,
    /// Empty: Telegent did not report it.
    pub auth: String,
    pub username: String,
    pub secret_set: bool,
    pub callback_url: String,
    pub callback_method: String,
    /// The trunks that have an address (1, then 2).
    pub trunks: Vec<TrunkRow>,
    pub ip_allow_list: Vec<String>,
    pub enabled: bool,
    pub intelligent: bool,
    /// Lines routed through it (read model).
    pub numbers: usize,
}

impl VoiceRouteRow {
    /// Where calls go, in one line.
    pub fn target(&self) -> String {
        match self.route_type.as_str() {
            "Trunk" => {
                let ips: Vec<String> = self.trunks.iter().map(|t| format!("{}:{}", t.ip, t.port)).collect();
                format!(
                    "SIP {}",
                    if ips.is_empty() {
                        "(no trunk)".into()
                    } else {
                        ips.join(", ")
                    }
                )
            }
            "Forward" => format!("Forward to {}", self.url),
            _ => format!("{} {}", self.method, self.url),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct VoiceRouteDetail {
    pub account_id: String,
    pub account_name: String,
    pub route: VoiceRouteRow,
    /// The lines using it, for people, and their E.164 for links.
    pub lines: Vec<(String, String)>,
    pub can_edit: bool,
}

/// The voice-route form, as typed (numbers stay text until checked, so a
/// wrong value comes back to its field as it was typed).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct VoiceRouteForm {
    #[serde(default)]
    pub account_id: String,
    /// Empty: a new route.
    #[serde(default)]
    pub call_route_id: String,
    #[serde(default)]
    pub route_name: String,
    #[serde(default)]
    pub route_type: String,
    #[serde(default)]
    pub voice_url: String,
    #[serde(default)]
    pub voice_url_method: String,
    #[serde(default)]
    pub voice_authentication_type: String,
    #[serde(default)]
    pub voice_username: String,
    #[serde(default)]
    pub voice_password_token: String,
    #[serde(default)]
    pub callback_voice_url: String,
    #[serde(default)]
    pub callback_voice_url_method: String,
    #[serde(default)]
    pub trunk_ip1: String,
    #[serde(default)]
    pub trunk_port1: String,
    #[serde(default)]
    pub trunk_transport1: String,
    #[serde(default)]
    pub trunk_uri1: String,
    #[serde(default)]
    pub trunk_enabled1: Option<String>,
    #[serde(default)]
    pub trunk1_priority: String,
    #[serde(default)]
    pub trunk1_weight: String,
    #[serde(default)]
    pub trunk_ip2: String,
    #[serde(default)]
    pub trunk_port2: String,
    #[serde(default)]
    pub trunk_transport2: String,
    #[serde(default)]
    pub trunk_uri2: String,
    #[serde(default)]
    pub trunk_enabled2: Option<String>,
    #[serde(default)]
    pub trunk2_priority: String,
    #[serde(default)]
    pub trunk2_weight: String,
    /// Addresses allowed to send trunk traffic: one per line or comma-separated.
    #[serde(default)]
    pub ip_allow_list: String,
    #[serde(default)]
    pub route_enabled: Option<String>,
    #[serde(default)]
    pub intelligent_route_enabled: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct VoiceRouteFormPage {
    pub account_name: String,
    pub form: VoiceRouteForm,
    pub secret_set: bool,
}
