//! Subscribers, AI Guardian features and relations, message and call filters.
//!
//! Fields take the API's names in PascalCase; `rename` marks where the API
//! spells a name otherwise. Responses read every field as optional, and the
//! loose forms the reference shows are read by `crate::tolerant`, so the types
//! stay plain. The table at the end declares the area's operations.

use serde::{Deserialize, Serialize};

use crate::types::ListOf;

use std::collections::BTreeMap;

pub use crate::types::Subscriber;

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, rename_all = "PascalCase")]
pub struct SubscriberCreateRequest {
    pub name: String,
    pub email: String,
    pub phone_numbers: Vec<String>,
    /// One of: `Subscriber`, `Manager`, `Account Admin`.
    pub role: String,
    pub password: String,
    pub account_id: String,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, rename_all = "PascalCase")]
pub struct SubscriberUpdateRequest {
    pub subscriber_id: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// Not in the reference's request schema, which shows no way to change an
    /// e-mail; sent only when it changes, and the answer is checked for it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub email: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub phone_numbers: Option<Vec<String>>,
    /// One of: `Subscriber`, `Manager`, `Account Admin`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub role: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub password: Option<String>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, rename_all = "PascalCase")]
pub struct SubscriberTransferRequest {
    pub subscriber_id: String,
    pub from_account_id: String,
    pub to_account_id: String,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, rename_all = "PascalCase")]
pub struct GuardianFeaturesRequest {
    pub subscriber_id: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub enable_intelligent_guardian_calls: Option<bool>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub enable_intelligent_guardian_messages: Option<bool>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, rename_all = "PascalCase")]
pub struct GuardianRelationRequest {
    pub parent_subscriber_id: String,
    pub child_subscriber_id: String,
    pub relation: String,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, rename_all = "PascalCase")]
pub struct GuardianRelationDeleteRequest {
    pub parent_subscriber_id: String,
    pub child_subscriber_id: String,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, rename_all = "PascalCase")]
pub struct MessageFilterCreateRequest {
    pub subscriber_id: String,
    pub phone: String,
    /// One of: `ACTIVE`, `MONITOR_ONLY`, `INACTIVE`.
    pub filter_mode: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub allowed_contacts: Option<Vec<String>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub blocked_contacts: Option<Vec<String>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub keyword_filter: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub notification_phones: Option<Vec<String>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub apply_to_outbound: Option<bool>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub apply_to_inbound: Option<bool>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub block_unknown_numbers: Option<bool>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub block_links: Option<bool>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub block_media: Option<bool>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, rename_all = "PascalCase")]
pub struct MessageFilterUpdateRequest {
    pub filter_id: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub subscriber_id: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub phone: Option<String>,
    /// One of: `ACTIVE`, `MONITOR_ONLY`, `INACTIVE`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub filter_mode: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub allowed_contacts: Option<Vec<String>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub blocked_contacts: Option<Vec<String>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub keyword_filter: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub notification_phones: Option<Vec<String>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub apply_to_outbound: Option<bool>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub apply_to_inbound: Option<bool>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub block_unknown_numbers: Option<bool>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub block_links: Option<bool>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub block_media: Option<bool>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, rename_all = "PascalCase")]
pub struct MessageFilterDeleteRequest {
    pub message_filter_id: String,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, rename_all = "PascalCase")]
pub struct MessageFilterContactsRequest {
    pub subscriber_id: String,
    pub message_filter_id: String,
    pub contacts: Vec<String>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, rename_all = "PascalCase")]
pub struct CallFilterCreateRequest {
    pub subscriber_id: String,
    pub phone: String,
    /// One of: `WHITELIST`, `BLACKLIST`, `CHILD`, `TEENAGER`, `ADOLESCENT`.
    pub filter_mode: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub allowed_numbers: Option<Vec<String>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub blocked_numbers: Option<Vec<String>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub enable_transcription: Option<bool>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub keyword_filter: Option<String>,
    /// One of: `WARNING`, `TERMINATE`, `NOTIFY`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub transcription_action: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub warning_message: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub notification_phones: Option<Vec<String>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub apply_to_outbound: Option<bool>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub apply_to_inbound: Option<bool>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub block_unknown_numbers: Option<bool>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub block_international: Option<bool>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub record_flagged_calls: Option<bool>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub time_restrictions: Option<serde_json::Value>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, rename_all = "PascalCase")]
pub struct CallFilterUpdateRequest {
    pub filter_id: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub subscriber_id: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub phone: Option<String>,
    /// One of: `WHITELIST`, `BLACKLIST`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub filter_mode: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub allowed_numbers: Option<Vec<String>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub blocked_numbers: Option<Vec<String>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub enable_transcription: Option<bool>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub keyword_filter: Option<String>,
    /// One of: `WARNING`, `TERMINATE`, `NOTIFY`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub transcription_action: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub warning_message: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub notification_phones: Option<Vec<String>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub apply_to_outbound: Option<bool>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub apply_to_inbound: Option<bool>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub block_unknown_numbers: Option<bool>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub block_international: Option<bool>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub record_flagged_calls: Option<bool>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, rename_all = "PascalCase")]
pub struct CallFilterDeleteRequest {
    pub call_filter_id: String,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, rename_all = "PascalCase")]
pub struct CallFilterNumbersRequest {
    pub subscriber_id: String,
    pub call_filter_id: String,
    pub numbers: Vec<String>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, rename_all = "PascalCase")]
pub struct GuardianFeatures {
    pub subscriber_id: Option<String>,
    pub enable_intelligent_guardian_calls: Option<bool>,
    pub enable_intelligent_guardian_messages: Option<bool>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, rename_all = "PascalCase")]
pub struct GuardianRelation {
    pub parent_subscriber_id: Option<String>,
    pub child_subscriber_id: Option<String>,
    pub relation: Option<String>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, rename_all = "PascalCase")]
pub struct GuardianRelationDeleted {
    pub status: Option<String>,
    pub date_deleted: Option<String>,
    pub parent_subscriber_id: Option<String>,
    pub child_subscriber_id: Option<String>,
    pub relation: Option<String>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, rename_all = "PascalCase")]
pub struct GuardianChildren {
    pub parent_subscriber_id: Option<String>,
    pub children: Vec<GuardianRelation>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, rename_all = "PascalCase")]
pub struct GuardianParents {
    pub child_subscriber_id: Option<String>,
    pub guardians: Vec<GuardianRelation>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, rename_all = "PascalCase")]
pub struct MessageFilter {
    pub filter_id: Option<String>,
    pub subscriber_id: Option<String>,
    pub phone: Option<String>,
    pub filter_mode: Option<String>,
    pub allowed_contacts: Vec<String>,
    pub blocked_contacts: Vec<String>,
    pub keyword_filter: Option<String>,
    pub notification_phones: Vec<String>,
    pub apply_to_outbound: Option<bool>,
    pub apply_to_inbound: Option<bool>,
    pub block_unknown_numbers: Option<bool>,
    pub block_links: Option<bool>,
    pub block_media: Option<bool>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, rename_all = "PascalCase")]
pub struct FilterDeleted {
    pub status: Option<String>,
    pub filter_id: Option<String>,
    pub date_deleted: Option<String>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, rename_all = "PascalCase")]
pub struct MessageFilterContacts {
    pub filter_id: Option<String>,
    pub subscriber_id: Option<String>,
    pub allowed_contacts: Vec<String>,
    pub blocked_contacts: Vec<String>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, rename_all = "PascalCase")]
pub struct FilterKeywords {
    pub custom_keywords: Vec<String>,
    pub system_keywords: BTreeMap<String, Vec<String>>,
    pub severity_map: BTreeMap<String, String>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, rename_all = "PascalCase")]
pub struct CallFilter {
    pub filter_id: Option<String>,
    pub subscriber_id: Option<String>,
    pub phone: Option<String>,
    pub filter_mode: Option<String>,
    pub allowed_numbers: Vec<String>,
    pub blocked_numbers: Vec<String>,
    pub enable_transcription: Option<bool>,
    pub keyword_filter: Option<String>,
    pub transcription_action: Option<String>,
    pub warning_message: Option<String>,
    pub notification_phones: Vec<String>,
    pub apply_to_outbound: Option<bool>,
    pub apply_to_inbound: Option<bool>,
    pub block_unknown_numbers: Option<bool>,
    pub block_international: Option<bool>,
    pub record_flagged_calls: Option<bool>,
    pub time_restrictions: Option<serde_json::Value>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, rename_all = "PascalCase")]
pub struct CallFilterNumbers {
    pub filter_id: Option<String>,
    pub subscriber_id: Option<String>,
    pub allowed_numbers: Vec<String>,
    pub blocked_numbers: Vec<String>,
}

operations! {
    Mutation POST "/v1.0/subscribers/create"
        => create_subscriber(request: SubscriberCreateRequest) -> Subscriber,
        invalidates [
            "/v1.0/subscribers",
            "/v1.0/distributor/subscribers",
            "/v1.0/account",
            "/v1.0/distributor/accounts",
            // Their lines changed Account: no copy of a number may say otherwise.
            "/v1.0/numbers",
        ];
    Read GET "/v1.0/subscribers/get"
        => subscriber(subscriber_id: &str = "SubscriberId") -> Subscriber;
    Mutation POST "/v1.0/subscribers/update"
        => update_subscriber(request: SubscriberUpdateRequest) -> Subscriber,
        invalidates ["/v1.0/subscribers", "/v1.0/distributor/subscribers"];
    Mutation POST "/v1.0/subscribers/transfer"
        => transfer_subscriber(request: SubscriberTransferRequest) -> Subscriber,
        invalidates [
            "/v1.0/subscribers",
            "/v1.0/distributor/subscribers",
            "/v1.0/account",
            "/v1.0/distributor/accounts",
            // Their lines changed Account: no copy of a number may say otherwise.
            "/v1.0/numbers",
        ];
    Read GET "/v1.0/subscribers/guardian-features"
        => guardian_features(
            subscriber_id: &str = "SubscriberId",
            account_id: Option<&str> = "AccountId",
        ) -> GuardianFeatures;
    /// The master switch: filters do nothing until it is on.
    Mutation POST "/v1.0/subscribers/guardian-features"
        => set_guardian_features(request: GuardianFeaturesRequest) -> GuardianFeatures,
        invalidates ["/v1.0/subscribers/guardian-features"];
    Mutation POST "/v1.0/subscribers/guardians/relation"
        => create_guardian_relation(request: GuardianRelationRequest) -> GuardianRelation,
        invalidates ["/v1.0/subscribers/guardians"];
    Mutation POST "/v1.0/subscribers/guardians/relation/delete"
        => delete_guardian_relation(request: GuardianRelationDeleteRequest) -> GuardianRelationDeleted,
        invalidates ["/v1.0/subscribers/guardians"];
    /// The children a guardian (parent) is linked to.
    Read GET "/v1.0/subscribers/guardians/relation/parent"
        => guardian_children(
            parent_subscriber_id: &str = "ParentSubscriberId",
            account_id: Option<&str> = "AccountId",
        ) -> GuardianChildren;
    /// The guardians linked to a child.
    Read GET "/v1.0/subscribers/guardians/relation/child"
        => guardian_parents(
            child_subscriber_id: &str = "ChildSubscriberId",
            account_id: Option<&str> = "AccountId",
        ) -> GuardianParents;
    /// One filter per subscriber and phone: a second create is refused; update instead.
    Mutation POST "/v1.0/subscribers/message-filter"
        => create_message_filter(request: MessageFilterCreateRequest) -> MessageFilter,
        invalidates ["/v1.0/subscribers/message-filter"];
    Read GET "/v1.0/subscribers/message-filter"
        => message_filters(
            subscriber_id: Option<&str> = "SubscriberId",
            phone: Option<&str> = "Phone",
            account_id: Option<&str> = "AccountId",
        ) -> Vec<MessageFilter> as ListOf<MessageFilter>;
    Mutation POST "/v1.0/subscribers/message-filter/update"
        => update_message_filter(request: MessageFilterUpdateRequest) -> MessageFilter,
        invalidates ["/v1.0/subscribers/message-filter"];
    Mutation POST "/v1.0/subscribers/message-filter/delete"
        => delete_message_filter(request: MessageFilterDeleteRequest) -> FilterDeleted,
        invalidates ["/v1.0/subscribers/message-filter"];
    Read GET "/v1.0/subscribers/message-filter/allowed-contacts"
        => message_filter_allowed_contacts(
            subscriber_id: &str = "SubscriberId",
            message_filter_id: &str = "MessageFilterId",
            account_id: Option<&str> = "AccountId",
        ) -> Vec<String> as ListOf<String>;
    Mutation POST "/v1.0/subscribers/message-filter/allowed-contacts/add"
        => add_message_filter_allowed_contacts(request: MessageFilterContactsRequest) -> MessageFilterContacts,
        invalidates ["/v1.0/subscribers/message-filter"];
    Mutation POST "/v1.0/subscribers/message-filter/allowed-contacts/remove"
        => remove_message_filter_allowed_contacts(request: MessageFilterContactsRequest) -> MessageFilterContacts,
        invalidates ["/v1.0/subscribers/message-filter"];
    Read GET "/v1.0/subscribers/message-filter/blocked-contacts"
        => message_filter_blocked_contacts(
            subscriber_id: &str = "SubscriberId",
            message_filter_id: &str = "MessageFilterId",
            account_id: Option<&str> = "AccountId",
        ) -> Vec<String> as ListOf<String>;
    Mutation POST "/v1.0/subscribers/message-filter/blocked-contacts/add"
        => add_message_filter_blocked_contacts(request: MessageFilterContactsRequest) -> MessageFilterContacts,
        invalidates ["/v1.0/subscribers/message-filter"];
    Mutation POST "/v1.0/subscribers/message-filter/blocked-contacts/remove"
        => remove_message_filter_blocked_contacts(request: MessageFilterContactsRequest) -> MessageFilterContacts,
        invalidates ["/v1.0/subscribers/message-filter"];
    Read GET "/v1.0/subscribers/message-filter/keywords"
        => message_filter_keywords(
            subscriber_id: &str = "SubscriberId",
            message_filter_id: &str = "MessageFilterId",
            account_id: Option<&str> = "AccountId",
        ) -> FilterKeywords;
    Mutation POST "/v1.0/subscribers/call-filter"
        => create_call_filter(request: CallFilterCreateRequest) -> CallFilter,
        invalidates ["/v1.0/subscribers/call-filter"];
    Read GET "/v1.0/subscribers/call-filter"
        => call_filters(
            subscriber_id: Option<&str> = "SubscriberId",
            phone: Option<&str> = "Phone",
            account_id: Option<&str> = "AccountId",
        ) -> Vec<CallFilter> as ListOf<CallFilter>;
    Mutation POST "/v1.0/subscribers/call-filter/update"
        => update_call_filter(request: CallFilterUpdateRequest) -> CallFilter,
        invalidates ["/v1.0/subscribers/call-filter"];
    Mutation POST "/v1.0/subscribers/call-filter/delete"
        => delete_call_filter(request: CallFilterDeleteRequest) -> FilterDeleted,
        invalidates ["/v1.0/subscribers/call-filter"];
    Read GET "/v1.0/subscribers/call-filter/allowed-numbers"
        => call_filter_allowed_numbers(
            subscriber_id: &str = "SubscriberId",
            call_filter_id: &str = "CallFilterId",
            account_id: Option<&str> = "AccountId",
        ) -> Vec<String> as ListOf<String>;
    Mutation POST "/v1.0/subscribers/call-filter/allowed-numbers/add"
        => add_call_filter_allowed_numbers(request: CallFilterNumbersRequest) -> CallFilterNumbers,
        invalidates ["/v1.0/subscribers/call-filter"];
    Mutation POST "/v1.0/subscribers/call-filter/allowed-numbers/remove"
        => remove_call_filter_allowed_numbers(request: CallFilterNumbersRequest) -> CallFilterNumbers,
        invalidates ["/v1.0/subscribers/call-filter"];
    Read GET "/v1.0/subscribers/call-filter/blocked-numbers"
        => call_filter_blocked_numbers(
            subscriber_id: &str = "SubscriberId",
            call_filter_id: &str = "CallFilterId",
            account_id: Option<&str> = "AccountId",
        ) -> Vec<String> as ListOf<String>;
    Mutation POST "/v1.0/subscribers/call-filter/blocked-numbers/add"
        => add_call_filter_blocked_numbers(request: CallFilterNumbersRequest) -> CallFilterNumbers,
        invalidates ["/v1.0/subscribers/call-filter"];
    Mutation POST "/v1.0/subscribers/call-filter/blocked-numbers/remove"
        => remove_call_filter_blocked_numbers(request: CallFilterNumbersRequest) -> CallFilterNumbers,
        invalidates ["/v1.0/subscribers/call-filter"];
    Read GET "/v1.0/subscribers/call-filter/keywords"
        => call_filter_keywords(
            subscriber_id: &str = "SubscriberId",
            call_filter_id: &str = "CallFilterId",
            account_id: Option<&str> = "AccountId",
        ) -> FilterKeywords;
}
