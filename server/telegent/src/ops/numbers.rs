//! Numbers: search, provisioning, lifecycle, porting, data usage, voicemail, devices.
//!
//! Fields take the API's names in PascalCase; `rename` marks where the API
//! spells a name otherwise. Responses read every field as optional, and the
//! loose forms the reference shows are read by `crate::tolerant`, so the types
//! stay plain. The table at the end declares the area's operations.

use serde::{Deserialize, Serialize};

use crate::types::{Address, NumberEntry};

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, rename_all = "PascalCase")]
pub struct AvailabilityRequest {
    /// One of: `mobile`.
    pub number_type: String,
    /// One of: `a2p`, `p2p`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub message_type: Option<String>,
    pub message_enabled: bool,
    pub voice_enabled: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub page_number: Option<i64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub area_code: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub zip_code: Option<String>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, rename_all = "PascalCase")]
pub struct ProvisionRequest {
    /// One of: `mvno`, `iot`.
    pub number_type: String,
    /// One of: `a2p`, `p2p`.
    pub message_type: String,
    pub message_enabled: bool,
    pub voice_enabled: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub data_enabled: Option<bool>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub message_route_id: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub voice_route_id: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub area_code: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub zip_code: Option<String>,
    #[serde(rename = "ICCID", skip_serializing_if = "Option::is_none")]
    pub iccid: Option<String>,
    /// One of: `Sms-Only`, `Data-Only`, `Sms+Data`, `Sms+Data+Voice`.
    pub product_type: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub assigned_subscriber_id: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub account_id: Option<String>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, rename_all = "PascalCase")]
pub struct StatusChangeRequest {
    /// One of: `activate`, `cancel`, `swap`, `swap-sim`, `replace`, `park`.
    pub status_change: String,
    pub effective_date: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub area_code: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub zip_code: Option<String>,
    pub phone_numbers: Vec<NumberEntry>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, rename_all = "PascalCase")]
pub struct PhoneNumberRequest {
    pub phone_number: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub account_id: Option<String>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, rename_all = "PascalCase")]
pub struct NumberUpdateRequest {
    pub number: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub message_enabled: Option<bool>,
    /// One of: `a2p`, `p2p`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub message_type: Option<String>,
    /// One of: `MVNO`, `IoT`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub classification: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub voice_enabled: Option<bool>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub message_route_id: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub voice_route_id: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub assigned_subscriber_id: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub iccid: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub cnam_first_name: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub cnam_last_name: Option<String>,
    /// One of: `Sms-Only`, `Data-Only`, `Sms+Data`, `Sms+Data+Voice`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub product_type: Option<String>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, rename_all = "PascalCase")]
pub struct PortInEligibilityRequest {
    pub phone_number: String,
    pub target_classification: String,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, rename_all = "PascalCase")]
pub struct PortInRequest {
    pub port_in_number: String,
    pub current_carrier_name: String,
    pub current_account_number: String,
    pub current_account_password: String,
    pub current_billing_address: Address,
    #[serde(rename = "ICCID", skip_serializing_if = "Option::is_none")]
    pub iccid: Option<String>,
    /// One of: `mvno`, `iot`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub target_portin_classification: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub subscriber_name: Option<String>,
    /// Which of the Distributor's Accounts the number joins (the portal always names it).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub account_id: Option<String>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, rename_all = "PascalCase")]
pub struct PortInUpdateRequest {
    pub order_id: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub current_carrier_name: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub current_account_number: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub current_account_password: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub current_billing_address: Option<Address>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub port_in_date: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub target_portin_classification: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub subscriber_name: Option<String>,
    #[serde(rename = "ICCID", skip_serializing_if = "Option::is_none")]
    pub iccid: Option<String>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, rename_all = "PascalCase")]
pub struct OrderIdRequest {
    pub order_id: String,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, rename_all = "PascalCase")]
pub struct PortOutRequest {
    pub port_out_number: String,
    #[serde(rename = "PortOutPIN")]
    pub port_out_pin: String,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, rename_all = "PascalCase")]
pub struct DataUsageLimitsRequest {
    /// One of: `MB`.
    pub value_unit: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub notify_value: Option<i64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub throttle_value: Option<i64>,
    /// `64-kbps`, `128-kbps`, `256-kbps`, `512-kbps`, `1-mbps`, `5-mbps`, `20-mbps`, `50-mbps` or
    /// `100-mbps` (the reference lists only the last five; the seeds list all nine).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub throttle_speed: Option<String>,
    pub limit_value: i64,
    pub phone_numbers: Vec<NumberEntry>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, rename_all = "PascalCase")]
pub struct PhoneNumbersRequest {
    pub phone_numbers: Vec<NumberEntry>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, rename_all = "PascalCase")]
pub struct RenewalInfoRequest {
    pub phone_numbers: Vec<NumberEntry>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reset_usage: Option<bool>,
    pub auto_renew: bool,
    /// One of: `M`, `W`.
    pub period_type: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub period_value: Option<i64>,
    pub renewal_day: i64,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, rename_all = "PascalCase")]
pub struct VoicemailRequest {
    pub phone_number: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub account_id: Option<String>,
    #[serde(rename = "PIN", skip_serializing_if = "Option::is_none")]
    pub pin: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub first_name: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub last_name: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub email: Option<String>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, rename_all = "PascalCase")]
pub struct AvailabilityResponse {
    pub request_id: Option<String>,
    pub request_date: Option<String>,
    pub number_type: Option<String>,
    pub voice_enabled: Option<bool>,
    pub message_enabled: Option<bool>,
    pub area_code: Option<String>,
    pub zip_code: Option<String>,
    pub page_number: Option<i64>,
    pub results_total: Option<i64>,
    pub available_number_areas: Vec<AvailableNumberArea>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, rename_all = "PascalCase")]
pub struct AvailableNumberArea {
    #[serde(rename = "NGP")]
    pub ngp: Option<String>,
    pub area_code: Option<String>,
    pub zipcode: Option<String>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, rename_all = "PascalCase")]
pub struct ProvisionResponse {
    pub order_date: Option<String>,
    pub order_id: Option<String>,
    pub order_status: Option<String>,
    pub phone_number_assigned: Option<String>,
    pub phone_number_id: Option<String>,
    #[serde(rename = "QRCode")]
    pub qr_code: Option<String>,
    pub zip_code: Option<String>,
    #[serde(rename = "ICCID")]
    pub iccid: Option<String>,
    pub error_message: Option<String>,
    pub subscriber_id: Option<String>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, rename_all = "PascalCase")]
pub struct NumberOrder {
    pub order_date: Option<String>,
    pub order_id: Option<String>,
    pub order_status: Option<String>,
    pub order_status_message: Option<String>,
    pub order_type: Option<String>,
    pub phone_numbers_ordered: Vec<String>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, rename_all = "PascalCase")]
pub struct StatusChangeResponse {
    pub order_id: Option<String>,
    pub order_date: Option<String>,
    pub order_status: Option<String>,
    pub change_type: Option<String>,
    pub effective_date: Option<String>,
    pub numbers: Vec<StatusChangeNumber>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, rename_all = "PascalCase")]
pub struct StatusChangeNumber {
    /// The line's number after the change (a swap's or replacement's new one).
    pub number: Option<String>,
    /// The number the line had before a swap or replacement.
    pub previous_number: Option<String>,
    pub qr_code: Option<String>,
    /// The line's SIM after the change (a SIM swap's new one).
    #[serde(rename = "ICCID")]
    pub iccid: Option<String>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, rename_all = "PascalCase")]
pub struct ReactivateResult {
    pub phone_number: Option<String>,
    pub account_id: Option<String>,
    pub status: Option<String>,
    pub status_message: Option<String>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, rename_all = "PascalCase")]
pub struct NumberUpdateResponse {
    pub number: Option<String>,
    pub tnid: Option<String>,
    pub update_order_id: Option<String>,
    pub update_order_date: Option<String>,
    pub update_order_status: Option<String>,
    pub message_type: Option<String>,
    pub message_enabled: Option<bool>,
    pub classification: Option<String>,
    pub voice_enabled: Option<bool>,
    pub message_route_id: Option<String>,
    pub voice_route_id: Option<String>,
    pub iccid: Option<String>,
    pub cnam_first_name: Option<String>,
    pub cnam_last_name: Option<String>,
    pub product_type: Option<String>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, rename_all = "PascalCase")]
pub struct NumberDetails {
    pub number: Option<String>,
    #[serde(rename = "TNID")]
    pub tnid: Option<String>,
    pub order_id: Option<String>,
    pub number_type: Option<String>,
    pub message_enabled: Option<bool>,
    pub message_route_id: Option<String>,
    pub voice_enabled: Option<bool>,
    pub classification: Option<String>,
    pub message_type: Option<String>,
    pub voice_route_id: Option<String>,
    pub status: Option<String>,
    pub original_date_purchased: Option<String>,
    pub assigned_subscriber_id: Option<String>,
    pub iccid: Option<String>,
    pub cnam: Option<String>,
    pub qr_activation_link: Option<String>,
    pub swaps_remaining: Option<i64>,
    pub next_swap_reset_date: Option<String>,
    pub product_type: Option<String>,
    pub port_out_pin: Option<String>,
    /// The number's Account (the sandbox and newer answers carry it; the
    /// reference's example does not).
    pub account_id: Option<String>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, rename_all = "PascalCase")]
pub struct NumberInventory {
    pub account_id: Option<String>,
    pub total_results: Option<i64>,
    pub page_number: Option<i64>,
    pub filter: Option<String>,
    pub phone_numbers: Vec<NumberDetails>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, rename_all = "PascalCase")]
pub struct PortInEligibility {
    pub phone_number: Option<String>,
    pub eligible: Option<bool>,
    pub current_carrier: Option<String>,
    pub number_type: Option<String>,
    pub message: Option<String>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, rename_all = "PascalCase")]
pub struct PortInOrder {
    pub order_id: Option<String>,
    pub order_date: Option<String>,
    pub status: Option<String>,
    pub phone_number: Option<String>,
    #[serde(rename = "ICCID")]
    pub iccid: Option<String>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, rename_all = "PascalCase")]
pub struct PortInUpdateResult {
    pub order_id: Option<String>,
    pub status: Option<String>,
    pub message: Option<String>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, rename_all = "PascalCase")]
pub struct PortInCancelResult {
    pub order_id: Option<String>,
    pub status: Option<String>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, rename_all = "PascalCase")]
pub struct PortOutOrder {
    pub order_id: Option<String>,
    pub order_date: Option<String>,
    pub status: Option<String>,
    pub phone_number: Option<String>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, rename_all = "PascalCase")]
pub struct DataUsageLimits {
    pub status: Option<String>,
    pub status_message: Option<String>,
    pub value_unit: Option<String>,
    pub notify_value: Option<i64>,
    pub throttle_value: Option<i64>,
    pub throttle_speed: Option<String>,
    pub limit_value: Option<i64>,
    pub phone_numbers: Vec<String>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, rename_all = "PascalCase")]
pub struct DataUsageInfo {
    #[serde(deserialize_with = "crate::tolerant::each_entry")]
    pub phone_numbers: Vec<DataUsageInfoEntry>,
    pub status: Option<String>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, rename_all = "PascalCase")]
pub struct DataUsageInfoEntry {
    pub number: Option<String>,
    pub status: Option<String>,
    pub status_message: Option<String>,
    pub used: Option<String>,
    pub remaining: Option<String>,
    pub current_behavior: Option<String>,
    /// Set when this entry could not be read (see `tolerant::each_entry`).
    #[serde(skip)]
    pub unreadable: Option<String>,
}

impl crate::tolerant::PerNumberEntry for DataUsageInfoEntry {
    fn unreadable(number: Option<String>, why: String) -> Self {
        Self {
            number,
            unreadable: Some(why),
            ..Self::default()
        }
    }
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, rename_all = "PascalCase")]
pub struct DataUsageSettings {
    #[serde(deserialize_with = "crate::tolerant::each_entry")]
    pub phone_numbers: Vec<DataUsageSettingsEntry>,
    pub status: Option<String>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, rename_all = "PascalCase")]
pub struct DataUsageSettingsEntry {
    pub number: Option<String>,
    pub status: Option<String>,
    pub status_message: Option<String>,
    pub notify_value: Option<i64>,
    pub limit_value: Option<i64>,
    pub throttle_value: Option<i64>,
    pub throttle_speed: Option<String>,
    pub value_unit: Option<String>,
    /// Not in the reference's example; the sandbox (and, we expect, the
    /// platform) includes the cycle when one was set.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub renewal_info: Option<RenewalInfo>,
    /// Set when this entry could not be read (see `tolerant::each_entry`).
    #[serde(skip)]
    pub unreadable: Option<String>,
}

impl crate::tolerant::PerNumberEntry for DataUsageSettingsEntry {
    fn unreadable(number: Option<String>, why: String) -> Self {
        Self {
            number,
            unreadable: Some(why),
            ..Self::default()
        }
    }
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, rename_all = "PascalCase")]
pub struct RenewalInfo {
    pub period_type: Option<String>,
    pub period_value: Option<i64>,
    pub renewal_day: Option<i64>,
    pub auto_renew: Option<bool>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, rename_all = "PascalCase")]
pub struct RenewalInfoResponse {
    pub status: Option<String>,
    pub status_message: Option<String>,
    pub phone_numbers: Vec<NumberResult>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, rename_all = "PascalCase")]
pub struct NumberResult {
    pub number: Option<String>,
    pub status: Option<String>,
    pub status_message: Option<String>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, rename_all = "PascalCase")]
pub struct VoicemailInfo {
    pub phone_number: Option<String>,
    pub voicemail_enabled: Option<bool>,
    pub email: Option<String>,
    pub first_name: Option<String>,
    pub last_name: Option<String>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, rename_all = "PascalCase")]
pub struct VoicemailResult {
    pub phone_number: Option<String>,
    pub voicemail_activated: Option<bool>,
    pub successful: Option<bool>,
    pub message: Option<String>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, rename_all = "PascalCase")]
pub struct DeviceDetails {
    pub account_id: Option<String>,
    pub phone_number: Option<String>,
    pub number_type: Option<String>,
    #[serde(rename = "IMEI")]
    pub imei: Option<String>,
    pub device_model: Option<String>,
    pub device_name: Option<String>,
    #[serde(rename = "TAC")]
    pub tac: Option<String>,
    pub status: Option<String>,
    pub status_message: Option<String>,
}

operations! {
    /// Searches number areas available to provision (`NumberType` is `mobile` here).
    Read POST "/v1.0/numbers/availability"
        => number_availability(request: AvailabilityRequest) -> AvailabilityResponse;
    /// Buys a number. Sent once: an ambiguous failure is `OutcomeUnknown`; reconcile with
    /// `number_order` or `number_inventory` before trying again.
    Billable POST "/v1.0/numbers/provision"
        => provision_number(request: ProvisionRequest) -> ProvisionResponse,
        invalidates ["/v1.0/numbers", "/v1.0/subscribers", "/v1.0/distributor/subscribers"];
    /// A provisioning or port-in order (`JNUOID-`): poll while `OrderStatus` is pending.
    Read GET "/v1.0/numbers/order"
        => number_order(order_id: &str = "OrderId") -> NumberOrder;
    Mutation POST "/v1.0/numbers/status"
        => change_number_status(request: StatusChangeRequest) -> StatusChangeResponse,
        invalidates ["/v1.0/numbers", "/v1.0/subscribers", "/v1.0/distributor/subscribers"];
    /// Restores a cancelled number within 30 days, keeping its MSISDN and ICCID.
    Mutation POST "/v1.0/numbers/reactivate"
        => reactivate_number(request: PhoneNumberRequest) -> ReactivateResult,
        invalidates ["/v1.0/numbers", "/v1.0/subscribers", "/v1.0/distributor/subscribers"];
    Mutation POST "/v1.0/numbers/update"
        => update_number(request: NumberUpdateRequest) -> NumberUpdateResponse,
        invalidates ["/v1.0/numbers", "/v1.0/subscribers", "/v1.0/distributor/subscribers"];
    Read GET "/v1.0/numbers"
        => number_details(number: &str = "Number") -> NumberDetails;
    /// One page of the Account's numbers (`page` counts from 1); `filter` e.g. `Active`.
    Read GET "/v1.0/numbers/inventory"
        => number_inventory(
            page: u32 = "PageNumber",
            filter: Option<&str> = "Filter",
            per_page: Option<u32> = "TotalNumbersRequested",
        ) -> NumberInventory;
    Read POST "/v1.0/numbers/portin/eligibility"
        => port_in_eligibility(request: PortInEligibilityRequest) -> PortInEligibility;
    /// Submits a port-in. Sent once: an ambiguous failure is `OutcomeUnknown`; check `number_order`
    /// before submitting again.
    Billable POST "/v1.0/numbers/portin"
        => submit_port_in(request: PortInRequest) -> PortInOrder,
        invalidates ["/v1.0/numbers", "/v1.0/subscribers", "/v1.0/distributor/subscribers"];
    Mutation POST "/v1.0/numbers/portin/update"
        => update_port_in(request: PortInUpdateRequest) -> PortInUpdateResult,
        invalidates ["/v1.0/numbers", "/v1.0/subscribers", "/v1.0/distributor/subscribers"];
    Mutation POST "/v1.0/numbers/portin/cancel"
        => cancel_port_in(request: OrderIdRequest) -> PortInCancelResult,
        invalidates ["/v1.0/numbers", "/v1.0/subscribers", "/v1.0/distributor/subscribers"];
    Billable POST "/v1.0/numbers/portout"
        => port_out(request: PortOutRequest) -> PortOutOrder,
        invalidates ["/v1.0/numbers", "/v1.0/subscribers", "/v1.0/distributor/subscribers"];
    Mutation POST "/v1.0/numbers/data-usage"
        => set_data_usage_limits(request: DataUsageLimitsRequest) -> DataUsageLimits,
        invalidates ["/v1.0/numbers"];
    /// Live usage per number. A POST that changes nothing, so it is safe to retry.
    Read POST cached "/v1.0/numbers/data-usage/info"
        => data_usage_info(request: PhoneNumbersRequest) -> DataUsageInfo;
    Read POST cached "/v1.0/numbers/data-usage/settings"
        => data_usage_settings(request: PhoneNumbersRequest) -> DataUsageSettings;
    Mutation POST "/v1.0/numbers/data-usage/update-renewal-info"
        => update_renewal_info(request: RenewalInfoRequest) -> RenewalInfoResponse,
        invalidates ["/v1.0/numbers"];
    Read POST cached "/v1.0/numbers/voicemail/info"
        => voicemail_info(request: PhoneNumberRequest) -> VoicemailInfo;
    Mutation POST "/v1.0/numbers/voicemail/activate"
        => activate_voicemail(request: VoicemailRequest) -> VoicemailResult,
        invalidates ["/v1.0/numbers"];
    Mutation POST "/v1.0/numbers/voicemail/update"
        => update_voicemail(request: VoicemailRequest) -> VoicemailResult,
        invalidates ["/v1.0/numbers"];
    Mutation POST "/v1.0/numbers/voicemail/delete"
        => delete_voicemail(request: PhoneNumberRequest) -> VoicemailResult,
        invalidates ["/v1.0/numbers"];
    Read POST "/v1.0/numbers/device-details"
        => device_details(request: PhoneNumberRequest) -> DeviceDetails;
}
