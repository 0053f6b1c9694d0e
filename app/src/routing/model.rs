//! What the routing pages show and post. Secrets (passwords and tokens of
//! a route's authentication) are write-only: pages learn only whether one
//! is set.

use super::voice_model::VoiceRouteRow;
use serde::{Deserialize, Serialize};

/// How Telegent authenticates to the customer's URL.
pub const AUTH_TYPES: [(&str, &str); 3] = [
    ("None", "None"),
    ("Basic", "Basic (user name and password)"),
    ("Bearer", "Bearer token"),
];
pub const METHODS: [&str; 2] = ["POST", "GET"];

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct MessageRouteRow {
    pub id: String,
    pub name: String,
    pub url: String,
    pub method: String,
    pub auth: String,
    pub username: String,
    /// A password or token is stored at Telegent (never shown).
    pub secret_set: bool,
    pub callback_url: String,
    pub callback_method: String,
    pub callback_auth: String,
    pub callback_username: String,
    pub callback_secret_set: bool,
    pub enabled: bool,
    pub intelligent: bool,
    pub inbound_bypass: bool,
    pub outbound_bypass: bool,
    /// Lines routed through it (read model).
    pub numbers: usize,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RoutesPage {
    pub account_id: String,
    pub account_name: String,
    pub message_routes: Vec<MessageRouteRow>,
    pub voice_routes: Vec<VoiceRouteRow>,
    pub can_edit: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct MessageRouteDetail {
    pub account_id: String,
    pub account_name: String,
    pub route: MessageRouteRow,
    /// The lines using it, for people, and their E.164 for links.
    pub lines: Vec<(String, String)>,
    pub can_edit: bool,
}

/// The message-route form, as typed. Secret fields come back empty: left
/// empty on an edit, the stored one stays.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct MessageRouteForm {
    #[serde(default)]
    pub account_id: String,
    /// Empty: a new route.
    #[serde(default)]
    pub message_route_id: String,
    #[serde(default)]
    pub route_name: String,
    #[serde(default)]
    pub message_url: String,
    #[serde(default)]
    pub message_url_method: String,
    #[serde(default)]
    pub message_authentication_type: String,
    #[serde(default)]
    pub message_username: String,
    #[serde(default)]
    pub message_password_token: String,
    #[serde(default)]
    pub callback_message_url: String,
    #[serde(default)]
    pub callback_message_url_method: String,
    #[serde(default)]
    pub callback_message_authentication_type: String,
    #[serde(default)]
    pub callback_message_username: String,
    #[serde(default)]
    pub callback_message_password_token: String,
    #[serde(default)]
    pub inbound_bypass: Option<String>,
    #[serde(default)]
    pub outbound_bypass: Option<String>,
    #[serde(default)]
    pub message_route_enabled: Option<String>,
    #[serde(default)]
    pub intelligent_route_enabled: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct MessageRouteFormPage {
    pub account_name: String,
    pub form: MessageRouteForm,
    pub secret_set: bool,
    pub callback_secret_set: bool,
}

/// One route named by its Account (and a delete's confirmation).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct RouteRef {
    #[serde(default)]
    pub account_id: String,
    #[serde(default)]
    pub id: String,
    #[serde(default)]
    pub confirm: Option<String>,
}
