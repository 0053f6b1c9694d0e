//! Message routes (MRID) and voice routes (CRID).
//!
//! Fields take the API's names in PascalCase; `rename` marks where the API
//! spells a name otherwise. Responses read every field as optional, and the
//! loose forms the reference shows are read by `crate::tolerant`, so the types
//! stay plain. The table at the end declares the area's operations.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, rename_all = "PascalCase")]
pub struct MessageRouteCreateRequest {
    pub route_name: String,
    pub message_url: String,
    /// One of: `GET`, `POST`.
    pub message_url_method: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub message_route_enabled: Option<bool>,
    /// One of: `None`, `Basic`, `Bearer`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub message_authentication_type: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub message_username: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub message_password_token: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub callback_message_url: Option<String>,
    /// One of: `GET`, `POST`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub callback_message_url_method: Option<String>,
    /// One of: `None`, `Basic`, `Bearer`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub callback_message_authentication_type: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub callback_message_username: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub callback_message_password_token: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub inbound_bypass: Option<bool>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub outbound_bypass: Option<bool>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub intelligent_route_enabled: Option<bool>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub account_id: Option<String>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, rename_all = "PascalCase")]
pub struct MessageRouteUpdateRequest {
    pub message_route_id: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub route_name: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub message_url: Option<String>,
    /// One of: `GET`, `POST`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub message_url_method: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub message_route_enabled: Option<bool>,
    /// One of: `None`, `Basic`, `Bearer`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub message_authentication_type: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub message_username: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub message_password_token: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub callback_message_url: Option<String>,
    /// One of: `GET`, `POST`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub callback_message_url_method: Option<String>,
    /// One of: `None`, `Basic`, `Bearer`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub callback_message_authentication_type: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub callback_message_username: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub callback_message_password_token: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub inbound_bypass: Option<bool>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub outbound_bypass: Option<bool>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub intelligent_route_enabled: Option<bool>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub account_id: Option<String>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, rename_all = "PascalCase")]
pub struct MessageRouteDeleteRequest {
    pub message_route_id: String,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, rename_all = "PascalCase")]
pub struct VoiceRouteCreateRequest {
    pub route_name: String,
    /// One of: `Trunk`, `URL`, `Forward`.
    pub route_type: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub voice_url: Option<String>,
    /// One of: `GET`, `POST`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub voice_url_method: Option<String>,
    /// One of: `None`, `Basic`, `Bearer`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub voice_authentication_type: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub voice_username: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub voice_password_token: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub callback_voice_url: Option<String>,
    /// One of: `GET`, `POST`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub callback_voice_url_method: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub trunk_ip1: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub trunk_ip2: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub trunk_port1: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub trunk_port2: Option<String>,
    /// One of: `UDP`, `TCP`, `TLS`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub trunk_transport1: Option<String>,
    /// One of: `UDP`, `TCP`, `TLS`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub trunk_transport2: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub trunk_uri1: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub trunk_uri2: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub trunk_enabled1: Option<bool>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub trunk_enabled2: Option<bool>,
    #[serde(rename = "Trunk1Priortiy", skip_serializing_if = "Option::is_none")]
    pub trunk1_priority: Option<i64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub trunk1_weight: Option<i64>,
    #[serde(rename = "Trunk2Priortiy", skip_serializing_if = "Option::is_none")]
    pub trunk2_priority: Option<i64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub trunk2_weight: Option<i64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub header_manipulation: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub enable_sip_refer: Option<bool>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub transfer_caller_id: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub symmetric_rtp: Option<bool>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub enable_trp_secure_trunk: Option<bool>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub enable_pstn_transfer: Option<bool>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub ip_whitelist: Option<Vec<IpAddressEntry>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub cnam_lookup: Option<bool>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub termination_uri_subdomain: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub enable_call_streaming: Option<bool>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub wss_uri: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub route_enabled: Option<bool>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub intelligent_route_enabled: Option<bool>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub account_id: Option<String>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, rename_all = "PascalCase")]
pub struct IpAddressEntry {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub ip_address: Option<String>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, rename_all = "PascalCase")]
pub struct VoiceRouteUpdateRequest {
    pub call_route_id: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub route_name: Option<String>,
    /// One of: `Trunk`, `URL`, `Forward`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub route_type: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub voice_url: Option<String>,
    /// One of: `GET`, `POST`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub voice_url_method: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub trunk_ip1: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub trunk_ip2: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub trunk_port1: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub trunk_port2: Option<String>,
    /// One of: `UDP`, `TCP`, `TLS`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub trunk_transport1: Option<String>,
    /// One of: `UDP`, `TCP`, `TLS`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub trunk_transport2: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub trunk_enabled1: Option<bool>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub trunk_enabled2: Option<bool>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub route_enabled: Option<bool>,
    /// One of: `Basic`, `Bearer`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub voice_authentication_type: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub voice_username: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub voice_password_token: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub callback_voice_url: Option<String>,
    /// One of: `GET`, `POST`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub callback_voice_url_method: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub trunk_uri1: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub trunk_uri2: Option<String>,
    #[serde(rename = "Trunk1Priortiy", skip_serializing_if = "Option::is_none")]
    pub trunk1_priority: Option<i64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub trunk1_weight: Option<i64>,
    #[serde(rename = "Trunk2Priortiy", skip_serializing_if = "Option::is_none")]
    pub trunk2_priority: Option<i64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub trunk2_weight: Option<i64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub header_manipulation: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub enable_sip_refer: Option<bool>,
    /// One of: `Transferee`, `Transferor`, `Transferee/Transferor`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub transfer_caller_id: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub symmetric_rtp: Option<bool>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub enable_trp_secure_trunk: Option<bool>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub enable_pstn_transfer: Option<bool>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub ip_whitelist: Option<Vec<IpAddressEntry>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub cnam_lookup: Option<bool>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub termination_uri_subdomain: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub enable_call_streaming: Option<bool>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub wss_uri: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub intelligent_route_enabled: Option<bool>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, rename_all = "PascalCase")]
pub struct VoiceRouteDeleteRequest {
    pub call_route_id: String,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, rename_all = "PascalCase")]
pub struct MessageRoute {
    pub message_route_id: Option<String>,
    pub account_id: Option<String>,
    pub route_name: Option<String>,
    pub message_url: Option<String>,
    pub message_url_method: Option<String>,
    pub message_route_enabled: Option<bool>,
    pub message_authentication_type: Option<String>,
    pub message_username: Option<String>,
    pub message_password_token: Option<String>,
    pub callback_message_url: Option<String>,
    pub callback_message_url_method: Option<String>,
    pub callback_message_authentication_type: Option<String>,
    pub callback_message_username: Option<String>,
    pub callback_message_password_token: Option<String>,
    pub inbound_bypass: Option<bool>,
    pub outbound_bypass: Option<bool>,
    pub intelligent_route_enabled: Option<bool>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, rename_all = "PascalCase")]
pub struct MessageRouteDeleted {
    pub message_route_status: Option<String>,
    #[serde(rename = "MRID")]
    pub mrid: Option<String>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, rename_all = "PascalCase")]
pub struct MessageRouteList {
    #[serde(rename = "AccountID")]
    pub account_id: Option<String>,
    pub total_routes: Option<i64>,
    pub results: Vec<MessageRoute>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, rename_all = "PascalCase")]
pub struct VoiceRoute {
    pub call_route_id: Option<String>,
    pub account_id: Option<String>,
    pub route_name: Option<String>,
    pub route_type: Option<String>,
    pub voice_url: Option<String>,
    pub voice_url_method: Option<String>,
    /// Not in the reference's example; read when the answer has them (the
    /// password or token is never shown, only whether one is set).
    pub voice_authentication_type: Option<String>,
    pub voice_username: Option<String>,
    pub voice_password_token: Option<String>,
    pub callback_voice_url: Option<String>,
    pub callback_voice_url_method: Option<String>,
    pub trunk_ip1: Option<String>,
    pub trunk_ip2: Option<String>,
    pub trunk_port1: Option<String>,
    pub trunk_port2: Option<String>,
    pub trunk_transport1: Option<String>,
    pub trunk_transport2: Option<String>,
    pub trunk_uri1: Option<String>,
    pub trunk_uri2: Option<String>,
    pub trunk_enabled1: Option<bool>,
    pub trunk_enabled2: Option<bool>,
    #[serde(rename = "Trunk1Priortiy", alias = "Trunk1Priority")]
    pub trunk1_priority: Option<i64>,
    pub trunk1_weight: Option<i64>,
    #[serde(rename = "Trunk2Priortiy", alias = "Trunk2Priority")]
    pub trunk2_priority: Option<i64>,
    pub trunk2_weight: Option<i64>,
    pub header_manipulation: Option<String>,
    pub enable_sip_refer: Option<bool>,
    pub transfer_caller_id: Option<String>,
    pub symmetric_rtp: Option<bool>,
    pub enable_trp_secure_trunk: Option<bool>,
    pub enable_pstn_transfer: Option<bool>,
    pub cnam_lookup: Option<bool>,
    pub termination_uri_subdomain: Option<String>,
    pub enable_call_streaming: Option<bool>,
    pub wss_uri: Option<String>,
    pub intelligent_route_enabled: Option<bool>,
    pub route_enabled: Option<bool>,
    /// Responses spell it `IpWhiteList`, requests `IpWhitelist`: both read.
    #[serde(rename = "IpWhiteList", alias = "IpWhitelist")]
    pub ip_whitelist: Vec<IpAddressEntry>,
    pub call_route_status: Option<String>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, rename_all = "PascalCase")]
pub struct VoiceRouteDeleted {
    pub call_route_status: Option<String>,
    pub call_route_id: Option<String>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, rename_all = "PascalCase")]
pub struct VoiceRouteList {
    #[serde(rename = "AccountID")]
    pub account_id: Option<String>,
    pub total_routes: Option<i64>,
    pub results: Vec<VoiceRoute>,
}

operations! {
    Mutation POST "/v1.0/message/routes"
        => create_message_route(request: MessageRouteCreateRequest) -> MessageRoute,
        invalidates ["/v1.0/message/routes", "/v1.0/account/message/routes"];
    Read GET "/v1.0/message/routes"
        => message_route(message_route_id: &str = "MessageRouteId") -> MessageRoute;
    Mutation POST "/v1.0/message/routes/update"
        => update_message_route(request: MessageRouteUpdateRequest) -> MessageRoute,
        invalidates ["/v1.0/message/routes", "/v1.0/account/message/routes"];
    Mutation POST "/v1.0/message/routes/delete"
        => delete_message_route(request: MessageRouteDeleteRequest) -> MessageRouteDeleted,
        invalidates ["/v1.0/message/routes", "/v1.0/account/message/routes"];
    Read GET "/v1.0/account/message/routes"
        => account_message_routes(account_id: Option<&str> = "AccountId") -> MessageRouteList;
    Mutation POST "/v1.0/voice/routes"
        => create_voice_route(request: VoiceRouteCreateRequest) -> VoiceRoute,
        invalidates ["/v1.0/voice/routes", "/v1.0/account/voice/routes"];
    /// The query parameter is spelled `CallRouteID` here.
    Read GET "/v1.0/voice/routes"
        => voice_route(call_route_id: &str = "CallRouteID") -> VoiceRoute;
    /// Changes take about ten minutes to reach the switches.
    Mutation POST "/v1.0/voice/routes/update"
        => update_voice_route(request: VoiceRouteUpdateRequest) -> VoiceRoute,
        invalidates ["/v1.0/voice/routes", "/v1.0/account/voice/routes"];
    Mutation POST "/v1.0/voice/routes/delete"
        => delete_voice_route(request: VoiceRouteDeleteRequest) -> VoiceRouteDeleted,
        invalidates ["/v1.0/voice/routes", "/v1.0/account/voice/routes"];
    Read GET "/v1.0/account/voice/routes"
        => account_voice_routes(account_id: Option<&str> = "AccountId") -> VoiceRouteList;
}
