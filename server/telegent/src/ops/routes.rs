//! Message routes (MRID) and voice routes (CRID).
//!
//! Field names exactly as the API spells them. Responses read every field as
//! optional and accept the loose forms the reference shows (numbers as strings,
//! booleans as strings, lists as one object); unknown fields are ignored.

use serde::{Deserialize, Serialize};

#[allow(unused_imports)]
use crate::types::{
    lenient_bool, lenient_f64, lenient_i64, lenient_string, one_or_many, opt_bool, opt_f64, opt_i64, opt_list,
    opt_string, phone_list, Address, NumberEntry,
};

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct MessageRouteCreateRequest {
    #[serde(rename = "RouteName", deserialize_with = "lenient_string")]
    pub route_name: String,
    #[serde(rename = "MessageUrl", deserialize_with = "lenient_string")]
    pub message_url: String,
    /// One of: `GET`, `POST`.
    #[serde(rename = "MessageUrlMethod", deserialize_with = "lenient_string")]
    pub message_url_method: String,
    #[serde(
        rename = "MessageRouteEnabled",
        skip_serializing_if = "Option::is_none",
        deserialize_with = "opt_bool"
    )]
    pub message_route_enabled: Option<bool>,
    /// One of: `None`, `Basic`, `Bearer`.
    #[serde(
        rename = "MessageAuthenticationType",
        skip_serializing_if = "Option::is_none",
        deserialize_with = "opt_string"
    )]
    pub message_authentication_type: Option<String>,
    #[serde(
        rename = "MessageUsername",
        skip_serializing_if = "Option::is_none",
        deserialize_with = "opt_string"
    )]
    pub message_username: Option<String>,
    #[serde(
        rename = "MessagePasswordToken",
        skip_serializing_if = "Option::is_none",
        deserialize_with = "opt_string"
    )]
    pub message_password_token: Option<String>,
    #[serde(
        rename = "CallbackMessageUrl",
        skip_serializing_if = "Option::is_none",
        deserialize_with = "opt_string"
    )]
    pub callback_message_url: Option<String>,
    /// One of: `GET`, `POST`.
    #[serde(
        rename = "CallbackMessageUrlMethod",
        skip_serializing_if = "Option::is_none",
        deserialize_with = "opt_string"
    )]
    pub callback_message_url_method: Option<String>,
    /// One of: `None`, `Basic`, `Bearer`.
    #[serde(
        rename = "CallbackMessageAuthenticationType",
        skip_serializing_if = "Option::is_none",
        deserialize_with = "opt_string"
    )]
    pub callback_message_authentication_type: Option<String>,
    #[serde(
        rename = "CallbackMessageUsername",
        skip_serializing_if = "Option::is_none",
        deserialize_with = "opt_string"
    )]
    pub callback_message_username: Option<String>,
    #[serde(
        rename = "CallbackMessagePasswordToken",
        skip_serializing_if = "Option::is_none",
        deserialize_with = "opt_string"
    )]
    pub callback_message_password_token: Option<String>,
    #[serde(
        rename = "InboundBypass",
        skip_serializing_if = "Option::is_none",
        deserialize_with = "opt_bool"
    )]
    pub inbound_bypass: Option<bool>,
    #[serde(
        rename = "OutboundBypass",
        skip_serializing_if = "Option::is_none",
        deserialize_with = "opt_bool"
    )]
    pub outbound_bypass: Option<bool>,
    #[serde(
        rename = "IntelligentRouteEnabled",
        skip_serializing_if = "Option::is_none",
        deserialize_with = "opt_bool"
    )]
    pub intelligent_route_enabled: Option<bool>,
    #[serde(
        rename = "AccountId",
        alias = "AccountID",
        skip_serializing_if = "Option::is_none",
        deserialize_with = "opt_string"
    )]
    pub account_id: Option<String>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct MessageRouteUpdateRequest {
    #[serde(
        rename = "MessageRouteId",
        alias = "MessageRouteID",
        deserialize_with = "lenient_string"
    )]
    pub message_route_id: String,
    #[serde(
        rename = "RouteName",
        skip_serializing_if = "Option::is_none",
        deserialize_with = "opt_string"
    )]
    pub route_name: Option<String>,
    #[serde(
        rename = "MessageUrl",
        skip_serializing_if = "Option::is_none",
        deserialize_with = "opt_string"
    )]
    pub message_url: Option<String>,
    /// One of: `GET`, `POST`.
    #[serde(
        rename = "MessageUrlMethod",
        skip_serializing_if = "Option::is_none",
        deserialize_with = "opt_string"
    )]
    pub message_url_method: Option<String>,
    #[serde(
        rename = "MessageRouteEnabled",
        skip_serializing_if = "Option::is_none",
        deserialize_with = "opt_bool"
    )]
    pub message_route_enabled: Option<bool>,
    /// One of: `None`, `Basic`, `Bearer`.
    #[serde(
        rename = "MessageAuthenticationType",
        skip_serializing_if = "Option::is_none",
        deserialize_with = "opt_string"
    )]
    pub message_authentication_type: Option<String>,
    #[serde(
        rename = "MessageUsername",
        skip_serializing_if = "Option::is_none",
        deserialize_with = "opt_string"
    )]
    pub message_username: Option<String>,
    #[serde(
        rename = "MessagePasswordToken",
        skip_serializing_if = "Option::is_none",
        deserialize_with = "opt_string"
    )]
    pub message_password_token: Option<String>,
    #[serde(
        rename = "CallbackMessageUrl",
        skip_serializing_if = "Option::is_none",
        deserialize_with = "opt_string"
    )]
    pub callback_message_url: Option<String>,
    /// One of: `GET`, `POST`.
    #[serde(
        rename = "CallbackMessageUrlMethod",
        skip_serializing_if = "Option::is_none",
        deserialize_with = "opt_string"
    )]
    pub callback_message_url_method: Option<String>,
    /// One of: `None`, `Basic`, `Bearer`.
    #[serde(
        rename = "CallbackMessageAuthenticationType",
        skip_serializing_if = "Option::is_none",
        deserialize_with = "opt_string"
    )]
    pub callback_message_authentication_type: Option<String>,
    #[serde(
        rename = "CallbackMessageUsername",
        skip_serializing_if = "Option::is_none",
        deserialize_with = "opt_string"
    )]
    pub callback_message_username: Option<String>,
    #[serde(
        rename = "CallbackMessagePasswordToken",
        skip_serializing_if = "Option::is_none",
        deserialize_with = "opt_string"
    )]
    pub callback_message_password_token: Option<String>,
    #[serde(
        rename = "InboundBypass",
        skip_serializing_if = "Option::is_none",
        deserialize_with = "opt_bool"
    )]
    pub inbound_bypass: Option<bool>,
    #[serde(
        rename = "OutboundBypass",
        skip_serializing_if = "Option::is_none",
        deserialize_with = "opt_bool"
    )]
    pub outbound_bypass: Option<bool>,
    #[serde(
        rename = "IntelligentRouteEnabled",
        skip_serializing_if = "Option::is_none",
        deserialize_with = "opt_bool"
    )]
    pub intelligent_route_enabled: Option<bool>,
    #[serde(
        rename = "AccountId",
        alias = "AccountID",
        skip_serializing_if = "Option::is_none",
        deserialize_with = "opt_string"
    )]
    pub account_id: Option<String>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct MessageRouteDeleteRequest {
    #[serde(
        rename = "MessageRouteId",
        alias = "MessageRouteID",
        deserialize_with = "lenient_string"
    )]
    pub message_route_id: String,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct VoiceRouteCreateRequest {
    #[serde(rename = "RouteName", deserialize_with = "lenient_string")]
    pub route_name: String,
    /// One of: `Trunk`, `URL`, `Forward`.
    #[serde(rename = "RouteType", deserialize_with = "lenient_string")]
    pub route_type: String,
    #[serde(
        rename = "VoiceUrl",
        skip_serializing_if = "Option::is_none",
        deserialize_with = "opt_string"
    )]
    pub voice_url: Option<String>,
    /// One of: `GET`, `POST`.
    #[serde(
        rename = "VoiceUrlMethod",
        skip_serializing_if = "Option::is_none",
        deserialize_with = "opt_string"
    )]
    pub voice_url_method: Option<String>,
    /// One of: `None`, `Basic`, `Bearer`.
    #[serde(
        rename = "VoiceAuthenticationType",
        skip_serializing_if = "Option::is_none",
        deserialize_with = "opt_string"
    )]
    pub voice_authentication_type: Option<String>,
    #[serde(
        rename = "VoiceUsername",
        skip_serializing_if = "Option::is_none",
        deserialize_with = "opt_string"
    )]
    pub voice_username: Option<String>,
    #[serde(
        rename = "VoicePasswordToken",
        skip_serializing_if = "Option::is_none",
        deserialize_with = "opt_string"
    )]
    pub voice_password_token: Option<String>,
    #[serde(
        rename = "CallbackVoiceUrl",
        skip_serializing_if = "Option::is_none",
        deserialize_with = "opt_string"
    )]
    pub callback_voice_url: Option<String>,
    /// One of: `GET`, `POST`.
    #[serde(
        rename = "CallbackVoiceUrlMethod",
        skip_serializing_if = "Option::is_none",
        deserialize_with = "opt_string"
    )]
    pub callback_voice_url_method: Option<String>,
    #[serde(
        rename = "TrunkIp1",
        skip_serializing_if = "Option::is_none",
        deserialize_with = "opt_string"
    )]
    pub trunk_ip1: Option<String>,
    #[serde(
        rename = "TrunkIp2",
        skip_serializing_if = "Option::is_none",
        deserialize_with = "opt_string"
    )]
    pub trunk_ip2: Option<String>,
    #[serde(
        rename = "TrunkPort1",
        skip_serializing_if = "Option::is_none",
        deserialize_with = "opt_string"
    )]
    pub trunk_port1: Option<String>,
    #[serde(
        rename = "TrunkPort2",
        skip_serializing_if = "Option::is_none",
        deserialize_with = "opt_string"
    )]
    pub trunk_port2: Option<String>,
    /// One of: `UDP`, `TCP`, `TLS`.
    #[serde(
        rename = "TrunkTransport1",
        skip_serializing_if = "Option::is_none",
        deserialize_with = "opt_string"
    )]
    pub trunk_transport1: Option<String>,
    /// One of: `UDP`, `TCP`, `TLS`.
    #[serde(
        rename = "TrunkTransport2",
        skip_serializing_if = "Option::is_none",
        deserialize_with = "opt_string"
    )]
    pub trunk_transport2: Option<String>,
    #[serde(
        rename = "TrunkUri1",
        skip_serializing_if = "Option::is_none",
        deserialize_with = "opt_string"
    )]
    pub trunk_uri1: Option<String>,
    #[serde(
        rename = "TrunkUri2",
        skip_serializing_if = "Option::is_none",
        deserialize_with = "opt_string"
    )]
    pub trunk_uri2: Option<String>,
    #[serde(
        rename = "TrunkEnabled1",
        skip_serializing_if = "Option::is_none",
        deserialize_with = "opt_bool"
    )]
    pub trunk_enabled1: Option<bool>,
    #[serde(
        rename = "TrunkEnabled2",
        skip_serializing_if = "Option::is_none",
        deserialize_with = "opt_bool"
    )]
    pub trunk_enabled2: Option<bool>,
    #[serde(
        rename = "Trunk1Priortiy",
        skip_serializing_if = "Option::is_none",
        deserialize_with = "opt_i64"
    )]
    pub trunk1_priority: Option<i64>,
    #[serde(
        rename = "Trunk1Weight",
        skip_serializing_if = "Option::is_none",
        deserialize_with = "opt_i64"
    )]
    pub trunk1_weight: Option<i64>,
    #[serde(
        rename = "Trunk2Priortiy",
        skip_serializing_if = "Option::is_none",
        deserialize_with = "opt_i64"
    )]
    pub trunk2_priority: Option<i64>,
    #[serde(
        rename = "Trunk2Weight",
        skip_serializing_if = "Option::is_none",
        deserialize_with = "opt_i64"
    )]
    pub trunk2_weight: Option<i64>,
    #[serde(
        rename = "HeaderManipulation",
        skip_serializing_if = "Option::is_none",
        deserialize_with = "opt_string"
    )]
    pub header_manipulation: Option<String>,
    #[serde(
        rename = "EnableSipRefer",
        skip_serializing_if = "Option::is_none",
        deserialize_with = "opt_bool"
    )]
    pub enable_sip_refer: Option<bool>,
    #[serde(
        rename = "TransferCallerId",
        alias = "TransferCallerID",
        skip_serializing_if = "Option::is_none",
        deserialize_with = "opt_string"
    )]
    pub transfer_caller_id: Option<String>,
    #[serde(
        rename = "SymmetricRtp",
        skip_serializing_if = "Option::is_none",
        deserialize_with = "opt_bool"
    )]
    pub symmetric_rtp: Option<bool>,
    #[serde(
        rename = "EnableTrpSecureTrunk",
        skip_serializing_if = "Option::is_none",
        deserialize_with = "opt_bool"
    )]
    pub enable_trp_secure_trunk: Option<bool>,
    #[serde(
        rename = "EnablePstnTransfer",
        skip_serializing_if = "Option::is_none",
        deserialize_with = "opt_bool"
    )]
    pub enable_pstn_transfer: Option<bool>,
    #[serde(
        rename = "IpWhitelist",
        skip_serializing_if = "Option::is_none",
        deserialize_with = "opt_list"
    )]
    pub ip_whitelist: Option<Vec<IpAddressEntry>>,
    #[serde(
        rename = "CnamLookup",
        skip_serializing_if = "Option::is_none",
        deserialize_with = "opt_bool"
    )]
    pub cnam_lookup: Option<bool>,
    #[serde(
        rename = "TerminationUriSubdomain",
        skip_serializing_if = "Option::is_none",
        deserialize_with = "opt_string"
    )]
    pub termination_uri_subdomain: Option<String>,
    #[serde(
        rename = "EnableCallStreaming",
        skip_serializing_if = "Option::is_none",
        deserialize_with = "opt_bool"
    )]
    pub enable_call_streaming: Option<bool>,
    #[serde(
        rename = "WssUri",
        skip_serializing_if = "Option::is_none",
        deserialize_with = "opt_string"
    )]
    pub wss_uri: Option<String>,
    #[serde(
        rename = "RouteEnabled",
        skip_serializing_if = "Option::is_none",
        deserialize_with = "opt_bool"
    )]
    pub route_enabled: Option<bool>,
    #[serde(
        rename = "IntelligentRouteEnabled",
        skip_serializing_if = "Option::is_none",
        deserialize_with = "opt_bool"
    )]
    pub intelligent_route_enabled: Option<bool>,
    #[serde(
        rename = "AccountId",
        alias = "AccountID",
        skip_serializing_if = "Option::is_none",
        deserialize_with = "opt_string"
    )]
    pub account_id: Option<String>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct IpAddressEntry {
    #[serde(
        rename = "IpAddress",
        skip_serializing_if = "Option::is_none",
        deserialize_with = "opt_string"
    )]
    pub ip_address: Option<String>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct VoiceRouteUpdateRequest {
    #[serde(rename = "CallRouteId", alias = "CallRouteID", deserialize_with = "lenient_string")]
    pub call_route_id: String,
    #[serde(
        rename = "RouteName",
        skip_serializing_if = "Option::is_none",
        deserialize_with = "opt_string"
    )]
    pub route_name: Option<String>,
    /// One of: `Trunk`, `URL`, `Forward`.
    #[serde(
        rename = "RouteType",
        skip_serializing_if = "Option::is_none",
        deserialize_with = "opt_string"
    )]
    pub route_type: Option<String>,
    #[serde(
        rename = "VoiceUrl",
        skip_serializing_if = "Option::is_none",
        deserialize_with = "opt_string"
    )]
    pub voice_url: Option<String>,
    /// One of: `GET`, `POST`.
    #[serde(
        rename = "VoiceUrlMethod",
        skip_serializing_if = "Option::is_none",
        deserialize_with = "opt_string"
    )]
    pub voice_url_method: Option<String>,
    #[serde(
        rename = "TrunkIp1",
        skip_serializing_if = "Option::is_none",
        deserialize_with = "opt_string"
    )]
    pub trunk_ip1: Option<String>,
    #[serde(
        rename = "TrunkIp2",
        skip_serializing_if = "Option::is_none",
        deserialize_with = "opt_string"
    )]
    pub trunk_ip2: Option<String>,
    #[serde(
        rename = "TrunkPort1",
        skip_serializing_if = "Option::is_none",
        deserialize_with = "opt_string"
    )]
    pub trunk_port1: Option<String>,
    #[serde(
        rename = "TrunkPort2",
        skip_serializing_if = "Option::is_none",
        deserialize_with = "opt_string"
    )]
    pub trunk_port2: Option<String>,
    /// One of: `UDP`, `TCP`, `TLS`.
    #[serde(
        rename = "TrunkTransport1",
        skip_serializing_if = "Option::is_none",
        deserialize_with = "opt_string"
    )]
    pub trunk_transport1: Option<String>,
    /// One of: `UDP`, `TCP`, `TLS`.
    #[serde(
        rename = "TrunkTransport2",
        skip_serializing_if = "Option::is_none",
        deserialize_with = "opt_string"
    )]
    pub trunk_transport2: Option<String>,
    #[serde(
        rename = "TrunkEnabled1",
        skip_serializing_if = "Option::is_none",
        deserialize_with = "opt_bool"
    )]
    pub trunk_enabled1: Option<bool>,
    #[serde(
        rename = "TrunkEnabled2",
        skip_serializing_if = "Option::is_none",
        deserialize_with = "opt_bool"
    )]
    pub trunk_enabled2: Option<bool>,
    #[serde(
        rename = "RouteEnabled",
        skip_serializing_if = "Option::is_none",
        deserialize_with = "opt_bool"
    )]
    pub route_enabled: Option<bool>,
    /// One of: `Basic`, `Bearer`.
    #[serde(
        rename = "VoiceAuthenticationType",
        skip_serializing_if = "Option::is_none",
        deserialize_with = "opt_string"
    )]
    pub voice_authentication_type: Option<String>,
    #[serde(
        rename = "VoiceUsername",
        skip_serializing_if = "Option::is_none",
        deserialize_with = "opt_string"
    )]
    pub voice_username: Option<String>,
    #[serde(
        rename = "VoicePasswordToken",
        skip_serializing_if = "Option::is_none",
        deserialize_with = "opt_string"
    )]
    pub voice_password_token: Option<String>,
    #[serde(
        rename = "CallbackVoiceUrl",
        skip_serializing_if = "Option::is_none",
        deserialize_with = "opt_string"
    )]
    pub callback_voice_url: Option<String>,
    /// One of: `GET`, `POST`.
    #[serde(
        rename = "CallbackVoiceUrlMethod",
        skip_serializing_if = "Option::is_none",
        deserialize_with = "opt_string"
    )]
    pub callback_voice_url_method: Option<String>,
    #[serde(
        rename = "TrunkUri1",
        skip_serializing_if = "Option::is_none",
        deserialize_with = "opt_string"
    )]
    pub trunk_uri1: Option<String>,
    #[serde(
        rename = "TrunkUri2",
        skip_serializing_if = "Option::is_none",
        deserialize_with = "opt_string"
    )]
    pub trunk_uri2: Option<String>,
    #[serde(
        rename = "Trunk1Priortiy",
        skip_serializing_if = "Option::is_none",
        deserialize_with = "opt_i64"
    )]
    pub trunk1_priority: Option<i64>,
    #[serde(
        rename = "Trunk1Weight",
        skip_serializing_if = "Option::is_none",
        deserialize_with = "opt_i64"
    )]
    pub trunk1_weight: Option<i64>,
    #[serde(
        rename = "Trunk2Priortiy",
        skip_serializing_if = "Option::is_none",
        deserialize_with = "opt_i64"
    )]
    pub trunk2_priority: Option<i64>,
    #[serde(
        rename = "Trunk2Weight",
        skip_serializing_if = "Option::is_none",
        deserialize_with = "opt_i64"
    )]
    pub trunk2_weight: Option<i64>,
    #[serde(
        rename = "HeaderManipulation",
        skip_serializing_if = "Option::is_none",
        deserialize_with = "opt_string"
    )]
    pub header_manipulation: Option<String>,
    #[serde(
        rename = "EnableSipRefer",
        skip_serializing_if = "Option::is_none",
        deserialize_with = "opt_bool"
    )]
    pub enable_sip_refer: Option<bool>,
    /// One of: `Transferee`, `Transferor`, `Transferee/Transferor`.
    #[serde(
        rename = "TransferCallerId",
        alias = "TransferCallerID",
        skip_serializing_if = "Option::is_none",
        deserialize_with = "opt_string"
    )]
    pub transfer_caller_id: Option<String>,
    #[serde(
        rename = "SymmetricRtp",
        skip_serializing_if = "Option::is_none",
        deserialize_with = "opt_bool"
    )]
    pub symmetric_rtp: Option<bool>,
    #[serde(
        rename = "EnableTrpSecureTrunk",
        skip_serializing_if = "Option::is_none",
        deserialize_with = "opt_bool"
    )]
    pub enable_trp_secure_trunk: Option<bool>,
    #[serde(
        rename = "EnablePstnTransfer",
        skip_serializing_if = "Option::is_none",
        deserialize_with = "opt_bool"
    )]
    pub enable_pstn_transfer: Option<bool>,
    #[serde(
        rename = "IpWhitelist",
        skip_serializing_if = "Option::is_none",
        deserialize_with = "opt_list"
    )]
    pub ip_whitelist: Option<Vec<IpAddressEntry>>,
    #[serde(
        rename = "CnamLookup",
        skip_serializing_if = "Option::is_none",
        deserialize_with = "opt_bool"
    )]
    pub cnam_lookup: Option<bool>,
    #[serde(
        rename = "TerminationUriSubdomain",
        skip_serializing_if = "Option::is_none",
        deserialize_with = "opt_string"
    )]
    pub termination_uri_subdomain: Option<String>,
    #[serde(
        rename = "EnableCallStreaming",
        skip_serializing_if = "Option::is_none",
        deserialize_with = "opt_bool"
    )]
    pub enable_call_streaming: Option<bool>,
    #[serde(
        rename = "WssUri",
        skip_serializing_if = "Option::is_none",
        deserialize_with = "opt_string"
    )]
    pub wss_uri: Option<String>,
    #[serde(
        rename = "IntelligentRouteEnabled",
        skip_serializing_if = "Option::is_none",
        deserialize_with = "opt_bool"
    )]
    pub intelligent_route_enabled: Option<bool>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct VoiceRouteDeleteRequest {
    #[serde(rename = "CallRouteId", alias = "CallRouteID", deserialize_with = "lenient_string")]
    pub call_route_id: String,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct MessageRoute {
    #[serde(
        rename = "MessageRouteId",
        alias = "MessageRouteID",
        default,
        deserialize_with = "opt_string"
    )]
    pub message_route_id: Option<String>,
    #[serde(rename = "AccountId", alias = "AccountID", default, deserialize_with = "opt_string")]
    pub account_id: Option<String>,
    #[serde(rename = "RouteName", default, deserialize_with = "opt_string")]
    pub route_name: Option<String>,
    #[serde(rename = "MessageUrl", default, deserialize_with = "opt_string")]
    pub message_url: Option<String>,
    #[serde(rename = "MessageUrlMethod", default, deserialize_with = "opt_string")]
    pub message_url_method: Option<String>,
    #[serde(rename = "MessageRouteEnabled", default, deserialize_with = "opt_bool")]
    pub message_route_enabled: Option<bool>,
    #[serde(rename = "MessageAuthenticationType", default, deserialize_with = "opt_string")]
    pub message_authentication_type: Option<String>,
    #[serde(rename = "MessageUsername", default, deserialize_with = "opt_string")]
    pub message_username: Option<String>,
    #[serde(rename = "MessagePasswordToken", default, deserialize_with = "opt_string")]
    pub message_password_token: Option<String>,
    #[serde(rename = "CallbackMessageUrl", default, deserialize_with = "opt_string")]
    pub callback_message_url: Option<String>,
    #[serde(rename = "CallbackMessageUrlMethod", default, deserialize_with = "opt_string")]
    pub callback_message_url_method: Option<String>,
    #[serde(
        rename = "CallbackMessageAuthenticationType",
        default,
        deserialize_with = "opt_string"
    )]
    pub callback_message_authentication_type: Option<String>,
    #[serde(rename = "CallbackMessageUsername", default, deserialize_with = "opt_string")]
    pub callback_message_username: Option<String>,
    #[serde(rename = "CallbackMessagePasswordToken", default, deserialize_with = "opt_string")]
    pub callback_message_password_token: Option<String>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct MessageRouteDeleted {
    #[serde(rename = "MessageRouteStatus", default, deserialize_with = "opt_string")]
    pub message_route_status: Option<String>,
    #[serde(rename = "MRID", default, deserialize_with = "opt_string")]
    pub mrid: Option<String>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct MessageRouteList {
    #[serde(rename = "AccountID", default, deserialize_with = "opt_string")]
    pub account_id: Option<String>,
    #[serde(rename = "TotalRoutes", default, deserialize_with = "opt_i64")]
    pub total_routes: Option<i64>,
    #[serde(rename = "Results", default, deserialize_with = "one_or_many")]
    pub results: Vec<MessageRoute>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct VoiceRoute {
    #[serde(
        rename = "CallRouteId",
        alias = "CallRouteID",
        default,
        deserialize_with = "opt_string"
    )]
    pub call_route_id: Option<String>,
    #[serde(rename = "AccountId", alias = "AccountID", default, deserialize_with = "opt_string")]
    pub account_id: Option<String>,
    #[serde(rename = "RouteName", default, deserialize_with = "opt_string")]
    pub route_name: Option<String>,
    #[serde(rename = "RouteType", default, deserialize_with = "opt_string")]
    pub route_type: Option<String>,
    #[serde(rename = "VoiceUrl", default, deserialize_with = "opt_string")]
    pub voice_url: Option<String>,
    #[serde(rename = "VoiceUrlMethod", default, deserialize_with = "opt_string")]
    pub voice_url_method: Option<String>,
    #[serde(rename = "TrunkIp1", default, deserialize_with = "opt_string")]
    pub trunk_ip1: Option<String>,
    #[serde(rename = "TrunkIp2", default, deserialize_with = "opt_string")]
    pub trunk_ip2: Option<String>,
    #[serde(rename = "TrunkPort1", default, deserialize_with = "opt_string")]
    pub trunk_port1: Option<String>,
    #[serde(rename = "TrunkPort2", default, deserialize_with = "opt_string")]
    pub trunk_port2: Option<String>,
    #[serde(rename = "TrunkTransport1", default, deserialize_with = "opt_string")]
    pub trunk_transport1: Option<String>,
    #[serde(rename = "TrunkTransport2", default, deserialize_with = "opt_string")]
    pub trunk_transport2: Option<String>,
    #[serde(rename = "TrunkUri1", default, deserialize_with = "opt_string")]
    pub trunk_uri1: Option<String>,
    #[serde(rename = "TrunkUri2", default, deserialize_with = "opt_string")]
    pub trunk_uri2: Option<String>,
    #[serde(rename = "TrunkEnabled1", default, deserialize_with = "opt_bool")]
    pub trunk_enabled1: Option<bool>,
    #[serde(rename = "TrunkEnabled2", default, deserialize_with = "opt_bool")]
    pub trunk_enabled2: Option<bool>,
    #[serde(rename = "Trunk1Priortiy", default, deserialize_with = "opt_i64")]
    pub trunk1_priority: Option<i64>,
    #[serde(rename = "Trunk1Weight", default, deserialize_with = "opt_i64")]
    pub trunk1_weight: Option<i64>,
    #[serde(rename = "Trunk2Priortiy", default, deserialize_with = "opt_i64")]
    pub trunk2_priority: Option<i64>,
    #[serde(rename = "Trunk2Weight", default, deserialize_with = "opt_i64")]
    pub trunk2_weight: Option<i64>,
    #[serde(rename = "HeaderManipulation", default, deserialize_with = "opt_string")]
    pub header_manipulation: Option<String>,
    #[serde(rename = "EnableSipRefer", default, deserialize_with = "opt_bool")]
    pub enable_sip_refer: Option<bool>,
    #[serde(
        rename = "TransferCallerId",
        alias = "TransferCallerID",
        default,
        deserialize_with = "opt_string"
    )]
    pub transfer_caller_id: Option<String>,
    #[serde(rename = "SymmetricRtp", default, deserialize_with = "opt_bool")]
    pub symmetric_rtp: Option<bool>,
    #[serde(rename = "EnableTrpSecureTrunk", default, deserialize_with = "opt_bool")]
    pub enable_trp_secure_trunk: Option<bool>,
    #[serde(rename = "EnablePstnTransfer", default, deserialize_with = "opt_bool")]
    pub enable_pstn_transfer: Option<bool>,
    #[serde(rename = "CnamLookup", default, deserialize_with = "opt_bool")]
    pub cnam_lookup: Option<bool>,
    #[serde(rename = "TerminationUriSubdomain", default, deserialize_with = "opt_string")]
    pub termination_uri_subdomain: Option<String>,
    #[serde(rename = "EnableCallStreaming", default, deserialize_with = "opt_bool")]
    pub enable_call_streaming: Option<bool>,
    #[serde(rename = "WssUri", default, deserialize_with = "opt_string")]
    pub wss_uri: Option<String>,
    #[serde(rename = "IntelligentRouteEnabled", default, deserialize_with = "opt_bool")]
    pub intelligent_route_enabled: Option<bool>,
    #[serde(rename = "RouteEnabled", default, deserialize_with = "opt_bool")]
    pub route_enabled: Option<bool>,
    #[serde(
        rename = "IpWhiteList",
        alias = "IpWhitelist",
        default,
        deserialize_with = "one_or_many"
    )]
    pub ip_whitelist: Vec<IpAddressEntry>,
    #[serde(rename = "CallRouteStatus", default, deserialize_with = "opt_string")]
    pub call_route_status: Option<String>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct VoiceRouteDeleted {
    #[serde(rename = "CallRouteStatus", default, deserialize_with = "opt_string")]
    pub call_route_status: Option<String>,
    #[serde(
        rename = "CallRouteId",
        alias = "CallRouteID",
        default,
        deserialize_with = "opt_string"
    )]
    pub call_route_id: Option<String>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct VoiceRouteList {
    #[serde(rename = "AccountID", default, deserialize_with = "opt_string")]
    pub account_id: Option<String>,
    #[serde(rename = "TotalRoutes", default, deserialize_with = "opt_i64")]
    pub total_routes: Option<i64>,
    #[serde(rename = "Results", default, deserialize_with = "one_or_many")]
    pub results: Vec<VoiceRoute>,
}

#[cfg(feature = "client")]
mod client_ops {
    use super::*;
    use crate::ops::to_body;
    #[allow(unused_imports)]
    use crate::types::ListOf;
    use crate::{Safety, TelegentClient, TelegentError};

    impl TelegentClient {
        /// `POST /v1.0/message/routes`.
        pub async fn create_message_route(
            &self,
            request: &MessageRouteCreateRequest,
        ) -> Result<MessageRoute, TelegentError> {
            let body = to_body(request)?;
            let result = self
                .post::<MessageRoute>("/v1.0/message/routes", &body, Safety::Safe)
                .await;
            self.invalidate_reads("/v1.0/message/routes");
            self.invalidate_reads("/v1.0/account/message/routes");
            result
        }

        /// `GET /v1.0/message/routes`.
        pub async fn message_route(&self, message_route_id: &str) -> Result<MessageRoute, TelegentError> {
            self.get_cached::<MessageRoute>("/v1.0/message/routes", &[("MessageRouteId", message_route_id)])
                .await
        }

        /// `POST /v1.0/message/routes/update`.
        pub async fn update_message_route(
            &self,
            request: &MessageRouteUpdateRequest,
        ) -> Result<MessageRoute, TelegentError> {
            let body = to_body(request)?;
            let result = self
                .post::<MessageRoute>("/v1.0/message/routes/update", &body, Safety::Safe)
                .await;
            self.invalidate_reads("/v1.0/message/routes");
            self.invalidate_reads("/v1.0/account/message/routes");
            result
        }

        /// `POST /v1.0/message/routes/delete`.
        pub async fn delete_message_route(
            &self,
            request: &MessageRouteDeleteRequest,
        ) -> Result<MessageRouteDeleted, TelegentError> {
            let body = to_body(request)?;
            let result = self
                .post::<MessageRouteDeleted>("/v1.0/message/routes/delete", &body, Safety::Safe)
                .await;
            self.invalidate_reads("/v1.0/message/routes");
            self.invalidate_reads("/v1.0/account/message/routes");
            result
        }

        /// `GET /v1.0/account/message/routes`.
        pub async fn account_message_routes(
            &self,
            account_id: Option<&str>,
        ) -> Result<MessageRouteList, TelegentError> {
            let mut query: Vec<(&str, &str)> = vec![];
            if let Some(v) = account_id {
                query.push(("AccountId", v));
            }
            self.get_cached::<MessageRouteList>("/v1.0/account/message/routes", &query)
                .await
        }

        /// `POST /v1.0/voice/routes`.
        pub async fn create_voice_route(&self, request: &VoiceRouteCreateRequest) -> Result<VoiceRoute, TelegentError> {
            let body = to_body(request)?;
            let result = self.post::<VoiceRoute>("/v1.0/voice/routes", &body, Safety::Safe).await;
            self.invalidate_reads("/v1.0/voice/routes");
            self.invalidate_reads("/v1.0/account/voice/routes");
            result
        }

        /// `GET /v1.0/voice/routes`.
        ///
        /// The query parameter is spelled `CallRouteID` here.
        pub async fn voice_route(&self, call_route_id: &str) -> Result<VoiceRoute, TelegentError> {
            self.get_cached::<VoiceRoute>("/v1.0/voice/routes", &[("CallRouteID", call_route_id)])
                .await
        }

        /// `POST /v1.0/voice/routes/update`.
        ///
        /// Changes take about ten minutes to reach the switches.
        pub async fn update_voice_route(&self, request: &VoiceRouteUpdateRequest) -> Result<VoiceRoute, TelegentError> {
            let body = to_body(request)?;
            let result = self
                .post::<VoiceRoute>("/v1.0/voice/routes/update", &body, Safety::Safe)
                .await;
            self.invalidate_reads("/v1.0/voice/routes");
            self.invalidate_reads("/v1.0/account/voice/routes");
            result
        }

        /// `POST /v1.0/voice/routes/delete`.
        pub async fn delete_voice_route(
            &self,
            request: &VoiceRouteDeleteRequest,
        ) -> Result<VoiceRouteDeleted, TelegentError> {
            let body = to_body(request)?;
            let result = self
                .post::<VoiceRouteDeleted>("/v1.0/voice/routes/delete", &body, Safety::Safe)
                .await;
            self.invalidate_reads("/v1.0/voice/routes");
            self.invalidate_reads("/v1.0/account/voice/routes");
            result
        }

        /// `GET /v1.0/account/voice/routes`.
        pub async fn account_voice_routes(&self, account_id: Option<&str>) -> Result<VoiceRouteList, TelegentError> {
            let mut query: Vec<(&str, &str)> = vec![];
            if let Some(v) = account_id {
                query.push(("AccountId", v));
            }
            self.get_cached::<VoiceRouteList>("/v1.0/account/voice/routes", &query)
                .await
        }
    }
}
