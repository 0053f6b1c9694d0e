//! Numbers: search, provisioning, lifecycle, porting, data usage, voicemail, devices.
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
pub struct AvailabilityRequest {
    /// One of: `mobile`.
    #[serde(rename = "NumberType", deserialize_with = "lenient_string")]
    pub number_type: String,
    /// One of: `a2p`, `p2p`.
    #[serde(
        rename = "MessageType",
        skip_serializing_if = "Option::is_none",
        deserialize_with = "opt_string"
    )]
    pub message_type: Option<String>,
    #[serde(rename = "MessageEnabled", deserialize_with = "lenient_bool")]
    pub message_enabled: bool,
    #[serde(rename = "VoiceEnabled", deserialize_with = "lenient_bool")]
    pub voice_enabled: bool,
    #[serde(
        rename = "PageNumber",
        skip_serializing_if = "Option::is_none",
        deserialize_with = "opt_i64"
    )]
    pub page_number: Option<i64>,
    #[serde(
        rename = "AreaCode",
        skip_serializing_if = "Option::is_none",
        deserialize_with = "opt_string"
    )]
    pub area_code: Option<String>,
    #[serde(
        rename = "ZipCode",
        skip_serializing_if = "Option::is_none",
        deserialize_with = "opt_string"
    )]
    pub zip_code: Option<String>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct ProvisionRequest {
    /// One of: `mvno`, `iot`.
    #[serde(rename = "NumberType", deserialize_with = "lenient_string")]
    pub number_type: String,
    /// One of: `a2p`, `p2p`.
    #[serde(rename = "MessageType", deserialize_with = "lenient_string")]
    pub message_type: String,
    #[serde(rename = "MessageEnabled", deserialize_with = "lenient_bool")]
    pub message_enabled: bool,
    #[serde(rename = "VoiceEnabled", deserialize_with = "lenient_bool")]
    pub voice_enabled: bool,
    #[serde(
        rename = "DataEnabled",
        skip_serializing_if = "Option::is_none",
        deserialize_with = "opt_bool"
    )]
    pub data_enabled: Option<bool>,
    #[serde(
        rename = "MessageRouteId",
        alias = "MessageRouteID",
        skip_serializing_if = "Option::is_none",
        deserialize_with = "opt_string"
    )]
    pub message_route_id: Option<String>,
    #[serde(
        rename = "VoiceRouteId",
        alias = "VoiceRouteID",
        skip_serializing_if = "Option::is_none",
        deserialize_with = "opt_string"
    )]
    pub voice_route_id: Option<String>,
    #[serde(
        rename = "AreaCode",
        skip_serializing_if = "Option::is_none",
        deserialize_with = "opt_string"
    )]
    pub area_code: Option<String>,
    #[serde(
        rename = "ZipCode",
        skip_serializing_if = "Option::is_none",
        deserialize_with = "opt_string"
    )]
    pub zip_code: Option<String>,
    #[serde(
        rename = "ICCID",
        skip_serializing_if = "Option::is_none",
        deserialize_with = "opt_string"
    )]
    pub iccid: Option<String>,
    /// One of: `Sms-Only`, `Data-Only`, `Sms+Data`, `Sms+Data+Voice`.
    #[serde(rename = "ProductType", deserialize_with = "lenient_string")]
    pub product_type: String,
    #[serde(
        rename = "AssignedSubscriberId",
        alias = "AssignedSubscriberID",
        skip_serializing_if = "Option::is_none",
        deserialize_with = "opt_string"
    )]
    pub assigned_subscriber_id: Option<String>,
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
pub struct StatusChangeRequest {
    /// One of: `activate`, `cancel`, `swap`, `swap-sim`, `replace`, `park`.
    #[serde(rename = "StatusChange", deserialize_with = "lenient_string")]
    pub status_change: String,
    #[serde(rename = "EffectiveDate", deserialize_with = "lenient_string")]
    pub effective_date: String,
    #[serde(
        rename = "AreaCode",
        skip_serializing_if = "Option::is_none",
        deserialize_with = "opt_string"
    )]
    pub area_code: Option<String>,
    #[serde(
        rename = "ZipCode",
        skip_serializing_if = "Option::is_none",
        deserialize_with = "opt_string"
    )]
    pub zip_code: Option<String>,
    #[serde(rename = "PhoneNumbers", deserialize_with = "one_or_many")]
    pub phone_numbers: Vec<NumberEntry>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct PhoneNumberRequest {
    #[serde(rename = "PhoneNumber", deserialize_with = "lenient_string")]
    pub phone_number: String,
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
pub struct NumberUpdateRequest {
    #[serde(rename = "Number", deserialize_with = "lenient_string")]
    pub number: String,
    #[serde(
        rename = "MessageEnabled",
        skip_serializing_if = "Option::is_none",
        deserialize_with = "opt_bool"
    )]
    pub message_enabled: Option<bool>,
    /// One of: `a2p`, `p2p`.
    #[serde(
        rename = "MessageType",
        skip_serializing_if = "Option::is_none",
        deserialize_with = "opt_string"
    )]
    pub message_type: Option<String>,
    /// One of: `MVNO`, `IoT`.
    #[serde(
        rename = "Classification",
        skip_serializing_if = "Option::is_none",
        deserialize_with = "opt_string"
    )]
    pub classification: Option<String>,
    #[serde(
        rename = "VoiceEnabled",
        skip_serializing_if = "Option::is_none",
        deserialize_with = "opt_bool"
    )]
    pub voice_enabled: Option<bool>,
    #[serde(
        rename = "MessageRouteId",
        alias = "MessageRouteID",
        skip_serializing_if = "Option::is_none",
        deserialize_with = "opt_string"
    )]
    pub message_route_id: Option<String>,
    #[serde(
        rename = "VoiceRouteId",
        alias = "VoiceRouteID",
        skip_serializing_if = "Option::is_none",
        deserialize_with = "opt_string"
    )]
    pub voice_route_id: Option<String>,
    #[serde(
        rename = "AssignedSubscriberId",
        alias = "AssignedSubscriberID",
        skip_serializing_if = "Option::is_none",
        deserialize_with = "opt_string"
    )]
    pub assigned_subscriber_id: Option<String>,
    #[serde(
        rename = "Iccid",
        skip_serializing_if = "Option::is_none",
        deserialize_with = "opt_string"
    )]
    pub iccid: Option<String>,
    #[serde(
        rename = "CnamFirstName",
        skip_serializing_if = "Option::is_none",
        deserialize_with = "opt_string"
    )]
    pub cnam_first_name: Option<String>,
    #[serde(
        rename = "CnamLastName",
        skip_serializing_if = "Option::is_none",
        deserialize_with = "opt_string"
    )]
    pub cnam_last_name: Option<String>,
    /// One of: `Sms-Only`, `Data-Only`, `Sms+Data`, `Sms+Data+Voice`.
    #[serde(
        rename = "ProductType",
        skip_serializing_if = "Option::is_none",
        deserialize_with = "opt_string"
    )]
    pub product_type: Option<String>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct PortInEligibilityRequest {
    #[serde(rename = "PhoneNumber", deserialize_with = "lenient_string")]
    pub phone_number: String,
    #[serde(rename = "TargetClassification", deserialize_with = "lenient_string")]
    pub target_classification: String,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct PortInRequest {
    #[serde(rename = "PortInNumber", deserialize_with = "lenient_string")]
    pub port_in_number: String,
    #[serde(rename = "CurrentCarrierName", deserialize_with = "lenient_string")]
    pub current_carrier_name: String,
    #[serde(rename = "CurrentAccountNumber", deserialize_with = "lenient_string")]
    pub current_account_number: String,
    #[serde(rename = "CurrentAccountPassword", deserialize_with = "lenient_string")]
    pub current_account_password: String,
    #[serde(rename = "CurrentBillingAddress")]
    pub current_billing_address: Address,
    #[serde(
        rename = "ICCID",
        skip_serializing_if = "Option::is_none",
        deserialize_with = "opt_string"
    )]
    pub iccid: Option<String>,
    /// One of: `mvno`, `iot`.
    #[serde(
        rename = "TargetPortinClassification",
        skip_serializing_if = "Option::is_none",
        deserialize_with = "opt_string"
    )]
    pub target_portin_classification: Option<String>,
    #[serde(
        rename = "SubscriberName",
        skip_serializing_if = "Option::is_none",
        deserialize_with = "opt_string"
    )]
    pub subscriber_name: Option<String>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct PortInUpdateRequest {
    #[serde(rename = "OrderId", alias = "OrderID", deserialize_with = "lenient_string")]
    pub order_id: String,
    #[serde(
        rename = "CurrentCarrierName",
        skip_serializing_if = "Option::is_none",
        deserialize_with = "opt_string"
    )]
    pub current_carrier_name: Option<String>,
    #[serde(
        rename = "CurrentAccountNumber",
        skip_serializing_if = "Option::is_none",
        deserialize_with = "opt_string"
    )]
    pub current_account_number: Option<String>,
    #[serde(
        rename = "CurrentAccountPassword",
        skip_serializing_if = "Option::is_none",
        deserialize_with = "opt_string"
    )]
    pub current_account_password: Option<String>,
    #[serde(rename = "CurrentBillingAddress", skip_serializing_if = "Option::is_none")]
    pub current_billing_address: Option<Address>,
    #[serde(
        rename = "PortInDate",
        skip_serializing_if = "Option::is_none",
        deserialize_with = "opt_string"
    )]
    pub port_in_date: Option<String>,
    #[serde(
        rename = "TargetPortinClassification",
        skip_serializing_if = "Option::is_none",
        deserialize_with = "opt_string"
    )]
    pub target_portin_classification: Option<String>,
    #[serde(
        rename = "SubscriberName",
        skip_serializing_if = "Option::is_none",
        deserialize_with = "opt_string"
    )]
    pub subscriber_name: Option<String>,
    #[serde(
        rename = "ICCID",
        skip_serializing_if = "Option::is_none",
        deserialize_with = "opt_string"
    )]
    pub iccid: Option<String>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct OrderIdRequest {
    #[serde(rename = "OrderId", alias = "OrderID", deserialize_with = "lenient_string")]
    pub order_id: String,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct PortOutRequest {
    #[serde(rename = "PortOutNumber", deserialize_with = "lenient_string")]
    pub port_out_number: String,
    #[serde(rename = "PortOutPIN", deserialize_with = "lenient_string")]
    pub port_out_pin: String,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct DataUsageLimitsRequest {
    /// One of: `MB`.
    #[serde(rename = "ValueUnit", deserialize_with = "lenient_string")]
    pub value_unit: String,
    #[serde(
        rename = "NotifyValue",
        skip_serializing_if = "Option::is_none",
        deserialize_with = "opt_i64"
    )]
    pub notify_value: Option<i64>,
    #[serde(
        rename = "ThrottleValue",
        skip_serializing_if = "Option::is_none",
        deserialize_with = "opt_i64"
    )]
    pub throttle_value: Option<i64>,
    /// `64-kbps`, `128-kbps`, `256-kbps`, `512-kbps`, `1-mbps`, `5-mbps`, `20-mbps`, `50-mbps` or
    /// `100-mbps` (the reference lists only the last five; the seeds list all nine).
    #[serde(
        rename = "ThrottleSpeed",
        skip_serializing_if = "Option::is_none",
        deserialize_with = "opt_string"
    )]
    pub throttle_speed: Option<String>,
    #[serde(rename = "LimitValue", deserialize_with = "lenient_i64")]
    pub limit_value: i64,
    #[serde(rename = "PhoneNumbers", deserialize_with = "one_or_many")]
    pub phone_numbers: Vec<NumberEntry>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct PhoneNumbersRequest {
    #[serde(rename = "PhoneNumbers", deserialize_with = "one_or_many")]
    pub phone_numbers: Vec<NumberEntry>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct RenewalInfoRequest {
    #[serde(rename = "PhoneNumbers", deserialize_with = "one_or_many")]
    pub phone_numbers: Vec<NumberEntry>,
    #[serde(
        rename = "ResetUsage",
        skip_serializing_if = "Option::is_none",
        deserialize_with = "opt_bool"
    )]
    pub reset_usage: Option<bool>,
    #[serde(rename = "AutoRenew", deserialize_with = "lenient_bool")]
    pub auto_renew: bool,
    /// One of: `M`, `W`.
    #[serde(rename = "PeriodType", deserialize_with = "lenient_string")]
    pub period_type: String,
    #[serde(
        rename = "PeriodValue",
        skip_serializing_if = "Option::is_none",
        deserialize_with = "opt_i64"
    )]
    pub period_value: Option<i64>,
    #[serde(rename = "RenewalDay", deserialize_with = "lenient_i64")]
    pub renewal_day: i64,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct VoicemailRequest {
    #[serde(rename = "PhoneNumber", deserialize_with = "lenient_string")]
    pub phone_number: String,
    #[serde(
        rename = "AccountId",
        alias = "AccountID",
        skip_serializing_if = "Option::is_none",
        deserialize_with = "opt_string"
    )]
    pub account_id: Option<String>,
    #[serde(
        rename = "PIN",
        skip_serializing_if = "Option::is_none",
        deserialize_with = "opt_string"
    )]
    pub pin: Option<String>,
    #[serde(
        rename = "FirstName",
        skip_serializing_if = "Option::is_none",
        deserialize_with = "opt_string"
    )]
    pub first_name: Option<String>,
    #[serde(
        rename = "LastName",
        skip_serializing_if = "Option::is_none",
        deserialize_with = "opt_string"
    )]
    pub last_name: Option<String>,
    #[serde(
        rename = "Email",
        skip_serializing_if = "Option::is_none",
        deserialize_with = "opt_string"
    )]
    pub email: Option<String>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct AvailabilityResponse {
    #[serde(rename = "RequestId", alias = "RequestID", default, deserialize_with = "opt_string")]
    pub request_id: Option<String>,
    #[serde(rename = "RequestDate", default, deserialize_with = "opt_string")]
    pub request_date: Option<String>,
    #[serde(rename = "NumberType", default, deserialize_with = "opt_string")]
    pub number_type: Option<String>,
    #[serde(rename = "VoiceEnabled", default, deserialize_with = "opt_bool")]
    pub voice_enabled: Option<bool>,
    #[serde(rename = "MessageEnabled", default, deserialize_with = "opt_bool")]
    pub message_enabled: Option<bool>,
    #[serde(rename = "AreaCode", default, deserialize_with = "opt_string")]
    pub area_code: Option<String>,
    #[serde(rename = "ZipCode", default, deserialize_with = "opt_string")]
    pub zip_code: Option<String>,
    #[serde(rename = "PageNumber", default, deserialize_with = "opt_i64")]
    pub page_number: Option<i64>,
    #[serde(rename = "ResultsTotal", default, deserialize_with = "opt_i64")]
    pub results_total: Option<i64>,
    #[serde(rename = "AvailableNumberAreas", default, deserialize_with = "one_or_many")]
    pub available_number_areas: Vec<AvailableNumberArea>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct AvailableNumberArea {
    #[serde(rename = "NGP", default, deserialize_with = "opt_string")]
    pub ngp: Option<String>,
    #[serde(rename = "AreaCode", default, deserialize_with = "opt_string")]
    pub area_code: Option<String>,
    #[serde(rename = "Zipcode", default, deserialize_with = "opt_string")]
    pub zipcode: Option<String>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ProvisionResponse {
    #[serde(rename = "OrderDate", default, deserialize_with = "opt_string")]
    pub order_date: Option<String>,
    #[serde(rename = "OrderId", alias = "OrderID", default, deserialize_with = "opt_string")]
    pub order_id: Option<String>,
    #[serde(rename = "OrderStatus", default, deserialize_with = "opt_string")]
    pub order_status: Option<String>,
    #[serde(rename = "PhoneNumberAssigned", default, deserialize_with = "opt_string")]
    pub phone_number_assigned: Option<String>,
    #[serde(
        rename = "PhoneNumberId",
        alias = "PhoneNumberID",
        default,
        deserialize_with = "opt_string"
    )]
    pub phone_number_id: Option<String>,
    #[serde(rename = "QRCode", default, deserialize_with = "opt_string")]
    pub qr_code: Option<String>,
    #[serde(rename = "ZipCode", default, deserialize_with = "opt_string")]
    pub zip_code: Option<String>,
    #[serde(rename = "ICCID", default, deserialize_with = "opt_string")]
    pub iccid: Option<String>,
    #[serde(rename = "ErrorMessage", default, deserialize_with = "opt_string")]
    pub error_message: Option<String>,
    #[serde(
        rename = "SubscriberId",
        alias = "SubscriberID",
        default,
        deserialize_with = "opt_string"
    )]
    pub subscriber_id: Option<String>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct NumberOrder {
    #[serde(rename = "OrderDate", default, deserialize_with = "opt_string")]
    pub order_date: Option<String>,
    #[serde(rename = "OrderId", alias = "OrderID", default, deserialize_with = "opt_string")]
    pub order_id: Option<String>,
    #[serde(rename = "OrderStatus", default, deserialize_with = "opt_string")]
    pub order_status: Option<String>,
    #[serde(rename = "OrderStatusMessage", default, deserialize_with = "opt_string")]
    pub order_status_message: Option<String>,
    #[serde(rename = "OrderType", default, deserialize_with = "opt_string")]
    pub order_type: Option<String>,
    #[serde(rename = "PhoneNumbersOrdered", default, deserialize_with = "phone_list")]
    pub phone_numbers_ordered: Vec<String>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct StatusChangeResponse {
    #[serde(rename = "OrderId", alias = "OrderID", default, deserialize_with = "opt_string")]
    pub order_id: Option<String>,
    #[serde(rename = "OrderDate", default, deserialize_with = "opt_string")]
    pub order_date: Option<String>,
    #[serde(rename = "OrderStatus", default, deserialize_with = "opt_string")]
    pub order_status: Option<String>,
    #[serde(rename = "ChangeType", default, deserialize_with = "opt_string")]
    pub change_type: Option<String>,
    #[serde(rename = "EffectiveDate", default, deserialize_with = "opt_string")]
    pub effective_date: Option<String>,
    #[serde(rename = "Numbers", default, deserialize_with = "one_or_many")]
    pub numbers: Vec<StatusChangeNumber>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct StatusChangeNumber {
    #[serde(rename = "Number", default, deserialize_with = "opt_string")]
    pub number: Option<String>,
    #[serde(rename = "QrCode", default, deserialize_with = "opt_string")]
    pub qr_code: Option<String>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ReactivateResult {
    #[serde(rename = "PhoneNumber", default, deserialize_with = "opt_string")]
    pub phone_number: Option<String>,
    #[serde(rename = "AccountId", alias = "AccountID", default, deserialize_with = "opt_string")]
    pub account_id: Option<String>,
    #[serde(rename = "Status", default, deserialize_with = "opt_string")]
    pub status: Option<String>,
    #[serde(rename = "StatusMessage", default, deserialize_with = "opt_string")]
    pub status_message: Option<String>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct NumberUpdateResponse {
    #[serde(rename = "Number", default, deserialize_with = "opt_string")]
    pub number: Option<String>,
    #[serde(rename = "Tnid", default, deserialize_with = "opt_string")]
    pub tnid: Option<String>,
    #[serde(
        rename = "UpdateOrderId",
        alias = "UpdateOrderID",
        default,
        deserialize_with = "opt_string"
    )]
    pub update_order_id: Option<String>,
    #[serde(rename = "UpdateOrderDate", default, deserialize_with = "opt_string")]
    pub update_order_date: Option<String>,
    #[serde(rename = "UpdateOrderStatus", default, deserialize_with = "opt_string")]
    pub update_order_status: Option<String>,
    #[serde(rename = "MessageType", default, deserialize_with = "opt_string")]
    pub message_type: Option<String>,
    #[serde(rename = "MessageEnabled", default, deserialize_with = "opt_bool")]
    pub message_enabled: Option<bool>,
    #[serde(rename = "Classification", default, deserialize_with = "opt_string")]
    pub classification: Option<String>,
    #[serde(rename = "VoiceEnabled", default, deserialize_with = "opt_bool")]
    pub voice_enabled: Option<bool>,
    #[serde(
        rename = "MessageRouteId",
        alias = "MessageRouteID",
        default,
        deserialize_with = "opt_string"
    )]
    pub message_route_id: Option<String>,
    #[serde(
        rename = "VoiceRouteId",
        alias = "VoiceRouteID",
        default,
        deserialize_with = "opt_string"
    )]
    pub voice_route_id: Option<String>,
    #[serde(rename = "Iccid", default, deserialize_with = "opt_string")]
    pub iccid: Option<String>,
    #[serde(rename = "CnamFirstName", default, deserialize_with = "opt_string")]
    pub cnam_first_name: Option<String>,
    #[serde(rename = "CnamLastName", default, deserialize_with = "opt_string")]
    pub cnam_last_name: Option<String>,
    #[serde(rename = "ProductType", default, deserialize_with = "opt_string")]
    pub product_type: Option<String>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct NumberDetails {
    #[serde(rename = "Number", default, deserialize_with = "opt_string")]
    pub number: Option<String>,
    #[serde(rename = "TNID", alias = "Tnid", default, deserialize_with = "opt_string")]
    pub tnid: Option<String>,
    #[serde(rename = "OrderId", alias = "OrderID", default, deserialize_with = "opt_string")]
    pub order_id: Option<String>,
    #[serde(rename = "NumberType", default, deserialize_with = "opt_string")]
    pub number_type: Option<String>,
    #[serde(rename = "MessageEnabled", default, deserialize_with = "opt_bool")]
    pub message_enabled: Option<bool>,
    #[serde(
        rename = "MessageRouteId",
        alias = "MessageRouteID",
        default,
        deserialize_with = "opt_string"
    )]
    pub message_route_id: Option<String>,
    #[serde(rename = "VoiceEnabled", default, deserialize_with = "opt_bool")]
    pub voice_enabled: Option<bool>,
    #[serde(rename = "Classification", default, deserialize_with = "opt_string")]
    pub classification: Option<String>,
    #[serde(rename = "MessageType", default, deserialize_with = "opt_string")]
    pub message_type: Option<String>,
    #[serde(
        rename = "VoiceRouteId",
        alias = "VoiceRouteID",
        default,
        deserialize_with = "opt_string"
    )]
    pub voice_route_id: Option<String>,
    #[serde(rename = "Status", default, deserialize_with = "opt_string")]
    pub status: Option<String>,
    #[serde(rename = "OriginalDatePurchased", default, deserialize_with = "opt_string")]
    pub original_date_purchased: Option<String>,
    #[serde(
        rename = "AssignedSubscriberId",
        alias = "AssignedSubscriberID",
        default,
        deserialize_with = "opt_string"
    )]
    pub assigned_subscriber_id: Option<String>,
    #[serde(rename = "Iccid", default, deserialize_with = "opt_string")]
    pub iccid: Option<String>,
    #[serde(rename = "Cnam", default, deserialize_with = "opt_string")]
    pub cnam: Option<String>,
    #[serde(rename = "QrActivationLink", default, deserialize_with = "opt_string")]
    pub qr_activation_link: Option<String>,
    #[serde(rename = "SwapsRemaining", default, deserialize_with = "opt_i64")]
    pub swaps_remaining: Option<i64>,
    #[serde(rename = "NextSwapResetDate", default, deserialize_with = "opt_string")]
    pub next_swap_reset_date: Option<String>,
    #[serde(rename = "ProductType", default, deserialize_with = "opt_string")]
    pub product_type: Option<String>,
    #[serde(rename = "PortOutPin", default, deserialize_with = "opt_string")]
    pub port_out_pin: Option<String>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct NumberInventory {
    #[serde(rename = "AccountId", alias = "AccountID", default, deserialize_with = "opt_string")]
    pub account_id: Option<String>,
    #[serde(rename = "TotalResults", default, deserialize_with = "opt_i64")]
    pub total_results: Option<i64>,
    #[serde(rename = "PageNumber", default, deserialize_with = "opt_i64")]
    pub page_number: Option<i64>,
    #[serde(rename = "Filter", default, deserialize_with = "opt_string")]
    pub filter: Option<String>,
    #[serde(rename = "PhoneNumbers", default, deserialize_with = "one_or_many")]
    pub phone_numbers: Vec<NumberDetails>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct PortInEligibility {
    #[serde(rename = "PhoneNumber", default, deserialize_with = "opt_string")]
    pub phone_number: Option<String>,
    #[serde(rename = "Eligible", default, deserialize_with = "opt_bool")]
    pub eligible: Option<bool>,
    #[serde(rename = "CurrentCarrier", default, deserialize_with = "opt_string")]
    pub current_carrier: Option<String>,
    #[serde(rename = "NumberType", default, deserialize_with = "opt_string")]
    pub number_type: Option<String>,
    #[serde(rename = "Message", default, deserialize_with = "opt_string")]
    pub message: Option<String>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct PortInOrder {
    #[serde(rename = "OrderId", alias = "OrderID", default, deserialize_with = "opt_string")]
    pub order_id: Option<String>,
    #[serde(rename = "OrderDate", default, deserialize_with = "opt_string")]
    pub order_date: Option<String>,
    #[serde(rename = "Status", default, deserialize_with = "opt_string")]
    pub status: Option<String>,
    #[serde(rename = "PhoneNumber", default, deserialize_with = "opt_string")]
    pub phone_number: Option<String>,
    #[serde(rename = "ICCID", default, deserialize_with = "opt_string")]
    pub iccid: Option<String>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct PortInUpdateResult {
    #[serde(rename = "OrderId", alias = "OrderID", default, deserialize_with = "opt_string")]
    pub order_id: Option<String>,
    #[serde(rename = "Status", default, deserialize_with = "opt_string")]
    pub status: Option<String>,
    #[serde(rename = "Message", default, deserialize_with = "opt_string")]
    pub message: Option<String>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct PortInCancelResult {
    #[serde(rename = "OrderId", alias = "OrderID", default, deserialize_with = "opt_string")]
    pub order_id: Option<String>,
    #[serde(rename = "Status", default, deserialize_with = "opt_string")]
    pub status: Option<String>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct PortOutOrder {
    #[serde(rename = "OrderId", alias = "OrderID", default, deserialize_with = "opt_string")]
    pub order_id: Option<String>,
    #[serde(rename = "OrderDate", default, deserialize_with = "opt_string")]
    pub order_date: Option<String>,
    #[serde(rename = "Status", default, deserialize_with = "opt_string")]
    pub status: Option<String>,
    #[serde(rename = "PhoneNumber", default, deserialize_with = "opt_string")]
    pub phone_number: Option<String>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct DataUsageLimits {
    #[serde(rename = "Status", default, deserialize_with = "opt_string")]
    pub status: Option<String>,
    #[serde(rename = "StatusMessage", default, deserialize_with = "opt_string")]
    pub status_message: Option<String>,
    #[serde(rename = "ValueUnit", default, deserialize_with = "opt_string")]
    pub value_unit: Option<String>,
    #[serde(rename = "NotifyValue", default, deserialize_with = "opt_i64")]
    pub notify_value: Option<i64>,
    #[serde(rename = "ThrottleValue", default, deserialize_with = "opt_i64")]
    pub throttle_value: Option<i64>,
    #[serde(rename = "ThrottleSpeed", default, deserialize_with = "opt_string")]
    pub throttle_speed: Option<String>,
    #[serde(rename = "LimitValue", default, deserialize_with = "opt_i64")]
    pub limit_value: Option<i64>,
    #[serde(rename = "PhoneNumbers", default, deserialize_with = "phone_list")]
    pub phone_numbers: Vec<String>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct DataUsageInfo {
    #[serde(rename = "PhoneNumbers", default, deserialize_with = "one_or_many")]
    pub phone_numbers: Vec<DataUsageInfoEntry>,
    #[serde(rename = "Status", default, deserialize_with = "opt_string")]
    pub status: Option<String>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct DataUsageInfoEntry {
    #[serde(rename = "Number", default, deserialize_with = "opt_string")]
    pub number: Option<String>,
    #[serde(rename = "Status", default, deserialize_with = "opt_string")]
    pub status: Option<String>,
    #[serde(rename = "StatusMessage", default, deserialize_with = "opt_string")]
    pub status_message: Option<String>,
    #[serde(rename = "Used", default, deserialize_with = "opt_string")]
    pub used: Option<String>,
    #[serde(rename = "Remaining", default, deserialize_with = "opt_string")]
    pub remaining: Option<String>,
    #[serde(rename = "CurrentBehavior", default, deserialize_with = "opt_string")]
    pub current_behavior: Option<String>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct DataUsageSettings {
    #[serde(rename = "PhoneNumbers", default, deserialize_with = "one_or_many")]
    pub phone_numbers: Vec<DataUsageSettingsEntry>,
    #[serde(rename = "Status", default, deserialize_with = "opt_string")]
    pub status: Option<String>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct DataUsageSettingsEntry {
    #[serde(rename = "Number", default, deserialize_with = "opt_string")]
    pub number: Option<String>,
    #[serde(rename = "Status", default, deserialize_with = "opt_string")]
    pub status: Option<String>,
    #[serde(rename = "StatusMessage", default, deserialize_with = "opt_string")]
    pub status_message: Option<String>,
    #[serde(rename = "NotifyValue", default, deserialize_with = "opt_i64")]
    pub notify_value: Option<i64>,
    #[serde(rename = "LimitValue", default, deserialize_with = "opt_i64")]
    pub limit_value: Option<i64>,
    #[serde(rename = "ThrottleValue", default, deserialize_with = "opt_i64")]
    pub throttle_value: Option<i64>,
    #[serde(rename = "ThrottleSpeed", default, deserialize_with = "opt_string")]
    pub throttle_speed: Option<String>,
    #[serde(rename = "ValueUnit", default, deserialize_with = "opt_string")]
    pub value_unit: Option<String>,
    /// Not in the reference's example; the sandbox (and, we expect, the
    /// platform) includes the cycle when one was set.
    #[serde(rename = "RenewalInfo", default, skip_serializing_if = "Option::is_none")]
    pub renewal_info: Option<RenewalInfo>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct RenewalInfo {
    #[serde(rename = "PeriodType", default, deserialize_with = "opt_string")]
    pub period_type: Option<String>,
    #[serde(rename = "PeriodValue", default, deserialize_with = "opt_i64")]
    pub period_value: Option<i64>,
    #[serde(rename = "RenewalDay", default, deserialize_with = "opt_i64")]
    pub renewal_day: Option<i64>,
    #[serde(rename = "AutoRenew", default, deserialize_with = "opt_bool")]
    pub auto_renew: Option<bool>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct RenewalInfoResponse {
    #[serde(rename = "Status", default, deserialize_with = "opt_string")]
    pub status: Option<String>,
    #[serde(rename = "StatusMessage", default, deserialize_with = "opt_string")]
    pub status_message: Option<String>,
    #[serde(rename = "PhoneNumbers", default, deserialize_with = "one_or_many")]
    pub phone_numbers: Vec<NumberResult>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct NumberResult {
    #[serde(rename = "Number", default, deserialize_with = "opt_string")]
    pub number: Option<String>,
    #[serde(rename = "Status", default, deserialize_with = "opt_string")]
    pub status: Option<String>,
    #[serde(rename = "StatusMessage", default, deserialize_with = "opt_string")]
    pub status_message: Option<String>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct VoicemailInfo {
    #[serde(rename = "PhoneNumber", default, deserialize_with = "opt_string")]
    pub phone_number: Option<String>,
    #[serde(rename = "VoicemailEnabled", default, deserialize_with = "opt_bool")]
    pub voicemail_enabled: Option<bool>,
    #[serde(rename = "Email", default, deserialize_with = "opt_string")]
    pub email: Option<String>,
    #[serde(rename = "FirstName", default, deserialize_with = "opt_string")]
    pub first_name: Option<String>,
    #[serde(rename = "LastName", default, deserialize_with = "opt_string")]
    pub last_name: Option<String>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct VoicemailResult {
    #[serde(rename = "PhoneNumber", default, deserialize_with = "opt_string")]
    pub phone_number: Option<String>,
    #[serde(rename = "VoicemailActivated", default, deserialize_with = "opt_bool")]
    pub voicemail_activated: Option<bool>,
    #[serde(rename = "Successful", default, deserialize_with = "opt_bool")]
    pub successful: Option<bool>,
    #[serde(rename = "Message", default, deserialize_with = "opt_string")]
    pub message: Option<String>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct DeviceDetails {
    #[serde(rename = "AccountId", alias = "AccountID", default, deserialize_with = "opt_string")]
    pub account_id: Option<String>,
    #[serde(rename = "PhoneNumber", default, deserialize_with = "opt_string")]
    pub phone_number: Option<String>,
    #[serde(rename = "NumberType", default, deserialize_with = "opt_string")]
    pub number_type: Option<String>,
    #[serde(rename = "IMEI", default, deserialize_with = "opt_string")]
    pub imei: Option<String>,
    #[serde(rename = "DeviceModel", default, deserialize_with = "opt_string")]
    pub device_model: Option<String>,
    #[serde(rename = "DeviceName", default, deserialize_with = "opt_string")]
    pub device_name: Option<String>,
    #[serde(rename = "TAC", default, deserialize_with = "opt_string")]
    pub tac: Option<String>,
    #[serde(rename = "Status", default, deserialize_with = "opt_string")]
    pub status: Option<String>,
    #[serde(rename = "StatusMessage", default, deserialize_with = "opt_string")]
    pub status_message: Option<String>,
}

#[cfg(feature = "client")]
mod client_ops {
    use super::*;
    use crate::ops::to_body;
    #[allow(unused_imports)]
    use crate::types::ListOf;
    use crate::{Safety, TelegentClient, TelegentError};

    impl TelegentClient {
        /// `POST /v1.0/numbers/availability`.
        ///
        /// Searches number areas available to provision (`NumberType` is `mobile` here).
        pub async fn number_availability(
            &self,
            request: &AvailabilityRequest,
        ) -> Result<AvailabilityResponse, TelegentError> {
            let body = to_body(request)?;
            self.post::<AvailabilityResponse>("/v1.0/numbers/availability", &body, Safety::Safe)
                .await
        }

        /// `POST /v1.0/numbers/provision`.
        ///
        /// Buys a number. Sent once: an ambiguous failure is `OutcomeUnknown`; reconcile with
        /// `number_order` or `number_inventory` before trying again.
        pub async fn provision_number(&self, request: &ProvisionRequest) -> Result<ProvisionResponse, TelegentError> {
            let body = to_body(request)?;
            let result = self
                .post::<ProvisionResponse>("/v1.0/numbers/provision", &body, Safety::Billable)
                .await;
            // Even a failure may have gone through upstream.
            self.invalidate_reads("/v1.0/numbers");
            self.invalidate_reads("/v1.0/subscribers");
            self.invalidate_reads("/v1.0/distributor/subscribers");
            result
        }

        /// `GET /v1.0/numbers/order`.
        ///
        /// A provisioning or port-in order (`JNUOID-`): poll while `OrderStatus` is pending.
        pub async fn number_order(&self, order_id: &str) -> Result<NumberOrder, TelegentError> {
            self.get_cached::<NumberOrder>("/v1.0/numbers/order", &[("OrderId", order_id)])
                .await
        }

        /// `POST /v1.0/numbers/status`.
        pub async fn change_number_status(
            &self,
            request: &StatusChangeRequest,
        ) -> Result<StatusChangeResponse, TelegentError> {
            let body = to_body(request)?;
            let result = self
                .post::<StatusChangeResponse>("/v1.0/numbers/status", &body, Safety::Safe)
                .await;
            self.invalidate_reads("/v1.0/numbers");
            result
        }

        /// `POST /v1.0/numbers/reactivate`.
        ///
        /// Restores a cancelled number within 30 days, keeping its MSISDN and ICCID.
        pub async fn reactivate_number(&self, request: &PhoneNumberRequest) -> Result<ReactivateResult, TelegentError> {
            let body = to_body(request)?;
            let result = self
                .post::<ReactivateResult>("/v1.0/numbers/reactivate", &body, Safety::Safe)
                .await;
            self.invalidate_reads("/v1.0/numbers");
            result
        }

        /// `POST /v1.0/numbers/update`.
        pub async fn update_number(
            &self,
            request: &NumberUpdateRequest,
        ) -> Result<NumberUpdateResponse, TelegentError> {
            let body = to_body(request)?;
            let result = self
                .post::<NumberUpdateResponse>("/v1.0/numbers/update", &body, Safety::Safe)
                .await;
            self.invalidate_reads("/v1.0/numbers");
            self.invalidate_reads("/v1.0/subscribers");
            self.invalidate_reads("/v1.0/distributor/subscribers");
            result
        }

        /// `GET /v1.0/numbers`.
        pub async fn number_details(&self, number: &str) -> Result<NumberDetails, TelegentError> {
            self.get_cached::<NumberDetails>("/v1.0/numbers", &[("Number", number)])
                .await
        }

        /// `GET /v1.0/numbers/inventory`.
        ///
        /// One page of the Account's numbers (`page` counts from 1); `filter` e.g. `Active`.
        pub async fn number_inventory(
            &self,
            page: u32,
            filter: Option<&str>,
            per_page: Option<u32>,
        ) -> Result<NumberInventory, TelegentError> {
            let page = page.to_string();
            let per_page = per_page.map(|n| n.to_string());
            let mut query: Vec<(&str, &str)> = vec![("PageNumber", page.as_str())];
            if let Some(v) = filter {
                query.push(("Filter", v));
            }
            if let Some(v) = per_page.as_deref() {
                query.push(("TotalNumbersRequested", v));
            }
            self.get_cached::<NumberInventory>("/v1.0/numbers/inventory", &query)
                .await
        }

        /// `POST /v1.0/numbers/portin/eligibility`.
        pub async fn port_in_eligibility(
            &self,
            request: &PortInEligibilityRequest,
        ) -> Result<PortInEligibility, TelegentError> {
            let body = to_body(request)?;
            self.post::<PortInEligibility>("/v1.0/numbers/portin/eligibility", &body, Safety::Safe)
                .await
        }

        /// `POST /v1.0/numbers/portin`.
        ///
        /// Submits a port-in. Sent once: an ambiguous failure is `OutcomeUnknown`; check `number_order`
        /// before submitting again.
        pub async fn submit_port_in(&self, request: &PortInRequest) -> Result<PortInOrder, TelegentError> {
            let body = to_body(request)?;
            let result = self
                .post::<PortInOrder>("/v1.0/numbers/portin", &body, Safety::Billable)
                .await;
            // Even a failure may have gone through upstream.
            self.invalidate_reads("/v1.0/numbers");
            result
        }

        /// `POST /v1.0/numbers/portin/update`.
        pub async fn update_port_in(&self, request: &PortInUpdateRequest) -> Result<PortInUpdateResult, TelegentError> {
            let body = to_body(request)?;
            let result = self
                .post::<PortInUpdateResult>("/v1.0/numbers/portin/update", &body, Safety::Safe)
                .await;
            self.invalidate_reads("/v1.0/numbers");
            result
        }

        /// `POST /v1.0/numbers/portin/cancel`.
        pub async fn cancel_port_in(&self, request: &OrderIdRequest) -> Result<PortInCancelResult, TelegentError> {
            let body = to_body(request)?;
            let result = self
                .post::<PortInCancelResult>("/v1.0/numbers/portin/cancel", &body, Safety::Safe)
                .await;
            self.invalidate_reads("/v1.0/numbers");
            result
        }

        /// `POST /v1.0/numbers/portout`.
        pub async fn port_out(&self, request: &PortOutRequest) -> Result<PortOutOrder, TelegentError> {
            let body = to_body(request)?;
            let result = self
                .post::<PortOutOrder>("/v1.0/numbers/portout", &body, Safety::Billable)
                .await;
            // Even a failure may have gone through upstream.
            self.invalidate_reads("/v1.0/numbers");
            result
        }

        /// `POST /v1.0/numbers/data-usage`.
        pub async fn set_data_usage_limits(
            &self,
            request: &DataUsageLimitsRequest,
        ) -> Result<DataUsageLimits, TelegentError> {
            let body = to_body(request)?;
            let result = self
                .post::<DataUsageLimits>("/v1.0/numbers/data-usage", &body, Safety::Safe)
                .await;
            self.invalidate_reads("/v1.0/numbers");
            result
        }

        /// `POST /v1.0/numbers/data-usage/info`.
        ///
        /// Live usage per number. A POST that changes nothing, so it is safe to retry.
        pub async fn data_usage_info(&self, request: &PhoneNumbersRequest) -> Result<DataUsageInfo, TelegentError> {
            let body = to_body(request)?;
            self.post_read::<DataUsageInfo>("/v1.0/numbers/data-usage/info", &body)
                .await
        }

        /// `POST /v1.0/numbers/data-usage/settings`.
        pub async fn data_usage_settings(
            &self,
            request: &PhoneNumbersRequest,
        ) -> Result<DataUsageSettings, TelegentError> {
            let body = to_body(request)?;
            self.post_read::<DataUsageSettings>("/v1.0/numbers/data-usage/settings", &body)
                .await
        }

        /// `POST /v1.0/numbers/data-usage/update-renewal-info`.
        pub async fn update_renewal_info(
            &self,
            request: &RenewalInfoRequest,
        ) -> Result<RenewalInfoResponse, TelegentError> {
            let body = to_body(request)?;
            let result = self
                .post::<RenewalInfoResponse>("/v1.0/numbers/data-usage/update-renewal-info", &body, Safety::Safe)
                .await;
            self.invalidate_reads("/v1.0/numbers");
            result
        }

        /// `POST /v1.0/numbers/voicemail/info`.
        pub async fn voicemail_info(&self, request: &PhoneNumberRequest) -> Result<VoicemailInfo, TelegentError> {
            let body = to_body(request)?;
            self.post_read::<VoicemailInfo>("/v1.0/numbers/voicemail/info", &body)
                .await
        }

        /// `POST /v1.0/numbers/voicemail/activate`.
        pub async fn activate_voicemail(&self, request: &VoicemailRequest) -> Result<VoicemailResult, TelegentError> {
            let body = to_body(request)?;
            let result = self
                .post::<VoicemailResult>("/v1.0/numbers/voicemail/activate", &body, Safety::Safe)
                .await;
            self.invalidate_reads("/v1.0/numbers");
            result
        }

        /// `POST /v1.0/numbers/voicemail/update`.
        pub async fn update_voicemail(&self, request: &VoicemailRequest) -> Result<VoicemailResult, TelegentError> {
            let body = to_body(request)?;
            let result = self
                .post::<VoicemailResult>("/v1.0/numbers/voicemail/update", &body, Safety::Safe)
                .await;
            self.invalidate_reads("/v1.0/numbers");
            result
        }

        /// `POST /v1.0/numbers/voicemail/delete`.
        pub async fn delete_voicemail(&self, request: &PhoneNumberRequest) -> Result<VoicemailResult, TelegentError> {
            let body = to_body(request)?;
            let result = self
                .post::<VoicemailResult>("/v1.0/numbers/voicemail/delete", &body, Safety::Safe)
                .await;
            self.invalidate_reads("/v1.0/numbers");
            result
        }

        /// `POST /v1.0/numbers/device-details`.
        pub async fn device_details(&self, request: &PhoneNumberRequest) -> Result<DeviceDetails, TelegentError> {
            let body = to_body(request)?;
            self.post::<DeviceDetails>("/v1.0/numbers/device-details", &body, Safety::Safe)
                .await
        }
    }
}
