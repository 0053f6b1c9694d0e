//! The Telegent mPaaS API as the portal sees it.
//!
//! `phone` and `types` are plain data and compile everywhere (the browser uses
//! `phone` to normalize what people type). The `client` feature adds the HTTP
//! client that talks to the real API or to the sandbox over loopback. `ops` holds
//! the typed bodies of each area and, with `client`, the functions that send them.

pub mod ops;
pub mod phone;
pub mod types;

/// Operations the client has typed functions for: (`METHOD /path`, function).
/// Feeds the coverage table (`server/sandbox/COVERAGE.md`).
pub const CLIENT_OPERATIONS: &[(&str, &str)] = &[
    ("POST /v1.0/OAuth2/tokens", "token cache (every call)"),
    ("GET /v1.0/distributor", "TelegentClient::distributor"),
    ("GET /v1.0/distributor/accounts", "TelegentClient::distributor_accounts"),
    (
        "GET /v1.0/distributor/subscribers",
        "TelegentClient::distributor_subscribers",
    ),
    ("GET /v1.0/account", "TelegentClient::account"),
    ("POST /v1.0/numbers/availability", "TelegentClient::number_availability"),
    ("POST /v1.0/numbers/provision", "TelegentClient::provision_number"),
    ("GET /v1.0/numbers/order", "TelegentClient::number_order"),
    ("POST /v1.0/numbers/status", "TelegentClient::change_number_status"),
    ("POST /v1.0/numbers/reactivate", "TelegentClient::reactivate_number"),
    ("POST /v1.0/numbers/update", "TelegentClient::update_number"),
    ("GET /v1.0/numbers", "TelegentClient::number_details"),
    ("GET /v1.0/numbers/inventory", "TelegentClient::number_inventory"),
    (
        "POST /v1.0/numbers/portin/eligibility",
        "TelegentClient::port_in_eligibility",
    ),
    ("POST /v1.0/numbers/portin", "TelegentClient::submit_port_in"),
    ("POST /v1.0/numbers/portin/update", "TelegentClient::update_port_in"),
    ("POST /v1.0/numbers/portin/cancel", "TelegentClient::cancel_port_in"),
    ("POST /v1.0/numbers/portout", "TelegentClient::port_out"),
    ("POST /v1.0/numbers/data-usage", "TelegentClient::set_data_usage_limits"),
    ("POST /v1.0/numbers/data-usage/info", "TelegentClient::data_usage_info"),
    (
        "POST /v1.0/numbers/data-usage/settings",
        "TelegentClient::data_usage_settings",
    ),
    (
        "POST /v1.0/numbers/data-usage/update-renewal-info",
        "TelegentClient::update_renewal_info",
    ),
    ("POST /v1.0/numbers/voicemail/info", "TelegentClient::voicemail_info"),
    (
        "POST /v1.0/numbers/voicemail/activate",
        "TelegentClient::activate_voicemail",
    ),
    (
        "POST /v1.0/numbers/voicemail/update",
        "TelegentClient::update_voicemail",
    ),
    (
        "POST /v1.0/numbers/voicemail/delete",
        "TelegentClient::delete_voicemail",
    ),
    ("POST /v1.0/numbers/device-details", "TelegentClient::device_details"),
    ("POST /v1.0/subscribers/create", "TelegentClient::create_subscriber"),
    ("GET /v1.0/subscribers/get", "TelegentClient::subscriber"),
    ("POST /v1.0/subscribers/update", "TelegentClient::update_subscriber"),
    ("POST /v1.0/subscribers/transfer", "TelegentClient::transfer_subscriber"),
    (
        "GET /v1.0/subscribers/guardian-features",
        "TelegentClient::guardian_features",
    ),
    (
        "POST /v1.0/subscribers/guardian-features",
        "TelegentClient::set_guardian_features",
    ),
    (
        "POST /v1.0/subscribers/guardians/relation",
        "TelegentClient::create_guardian_relation",
    ),
    (
        "POST /v1.0/subscribers/guardians/relation/delete",
        "TelegentClient::delete_guardian_relation",
    ),
    (
        "GET /v1.0/subscribers/guardians/relation/parent",
        "TelegentClient::guardian_children",
    ),
    (
        "GET /v1.0/subscribers/guardians/relation/child",
        "TelegentClient::guardian_parents",
    ),
    (
        "POST /v1.0/subscribers/message-filter",
        "TelegentClient::create_message_filter",
    ),
    (
        "GET /v1.0/subscribers/message-filter",
        "TelegentClient::message_filters",
    ),
    (
        "POST /v1.0/subscribers/message-filter/update",
        "TelegentClient::update_message_filter",
    ),
    (
        "POST /v1.0/subscribers/message-filter/delete",
        "TelegentClient::delete_message_filter",
    ),
    (
        "GET /v1.0/subscribers/message-filter/allowed-contacts",
        "TelegentClient::message_filter_allowed_contacts",
    ),
    (
        "POST /v1.0/subscribers/message-filter/allowed-contacts/add",
        "TelegentClient::add_message_filter_allowed_contacts",
    ),
    (
        "POST /v1.0/subscribers/message-filter/allowed-contacts/remove",
        "TelegentClient::remove_message_filter_allowed_contacts",
    ),
    (
        "GET /v1.0/subscribers/message-filter/blocked-contacts",
        "TelegentClient::message_filter_blocked_contacts",
    ),
    (
        "POST /v1.0/subscribers/message-filter/blocked-contacts/add",
        "TelegentClient::add_message_filter_blocked_contacts",
    ),
    (
        "POST /v1.0/subscribers/message-filter/blocked-contacts/remove",
        "TelegentClient::remove_message_filter_blocked_contacts",
    ),
    (
        "GET /v1.0/subscribers/message-filter/keywords",
        "TelegentClient::message_filter_keywords",
    ),
    (
        "POST /v1.0/subscribers/call-filter",
        "TelegentClient::create_call_filter",
    ),
    ("GET /v1.0/subscribers/call-filter", "TelegentClient::call_filters"),
    (
        "POST /v1.0/subscribers/call-filter/update",
        "TelegentClient::update_call_filter",
    ),
    (
        "POST /v1.0/subscribers/call-filter/delete",
        "TelegentClient::delete_call_filter",
    ),
    (
        "GET /v1.0/subscribers/call-filter/allowed-numbers",
        "TelegentClient::call_filter_allowed_numbers",
    ),
    (
        "POST /v1.0/subscribers/call-filter/allowed-numbers/add",
        "TelegentClient::add_call_filter_allowed_numbers",
    ),
    (
        "POST /v1.0/subscribers/call-filter/allowed-numbers/remove",
        "TelegentClient::remove_call_filter_allowed_numbers",
    ),
    (
        "GET /v1.0/subscribers/call-filter/blocked-numbers",
        "TelegentClient::call_filter_blocked_numbers",
    ),
    (
        "POST /v1.0/subscribers/call-filter/blocked-numbers/add",
        "TelegentClient::add_call_filter_blocked_numbers",
    ),
    (
        "POST /v1.0/subscribers/call-filter/blocked-numbers/remove",
        "TelegentClient::remove_call_filter_blocked_numbers",
    ),
    (
        "GET /v1.0/subscribers/call-filter/keywords",
        "TelegentClient::call_filter_keywords",
    ),
    ("GET /v1.0/products", "TelegentClient::product"),
    ("POST /v1.0/products", "TelegentClient::create_product"),
    ("POST /v1.0/products/update", "TelegentClient::update_product"),
    ("POST /v1.0/products/delete", "TelegentClient::delete_product"),
    ("GET /v1.0/account/products", "TelegentClient::account_products"),
    ("GET /v1.0/distributor/products", "TelegentClient::distributor_products"),
    ("GET /v1.0/packages", "TelegentClient::package"),
    ("POST /v1.0/packages", "TelegentClient::create_package"),
    ("POST /v1.0/packages/update", "TelegentClient::update_package"),
    ("POST /v1.0/packages/delete", "TelegentClient::delete_package"),
    ("POST /v1.0/packages/items/add", "TelegentClient::add_package_item"),
    (
        "POST /v1.0/packages/items/update",
        "TelegentClient::update_package_item",
    ),
    (
        "POST /v1.0/packages/items/delete",
        "TelegentClient::delete_package_item",
    ),
    ("GET /v1.0/packages/items", "TelegentClient::package_items"),
    ("GET /v1.0/account/packages", "TelegentClient::account_packages"),
    ("GET /v1.0/distributor/packages", "TelegentClient::distributor_packages"),
    ("GET /v1.0/services", "TelegentClient::service"),
    ("GET /v1.0/account/services", "TelegentClient::account_services"),
    ("POST /v1.0/subscriptions", "TelegentClient::create_subscription"),
    ("GET /v1.0/subscriptions", "TelegentClient::subscription"),
    ("POST /v1.0/subscriptions/delete", "TelegentClient::delete_subscription"),
    (
        "GET /v1.0/account/subscriptions",
        "TelegentClient::account_subscriptions",
    ),
    ("POST /v1.0/message/routes", "TelegentClient::create_message_route"),
    ("GET /v1.0/message/routes", "TelegentClient::message_route"),
    (
        "POST /v1.0/message/routes/update",
        "TelegentClient::update_message_route",
    ),
    (
        "POST /v1.0/message/routes/delete",
        "TelegentClient::delete_message_route",
    ),
    (
        "GET /v1.0/account/message/routes",
        "TelegentClient::account_message_routes",
    ),
    ("POST /v1.0/voice/routes", "TelegentClient::create_voice_route"),
    ("GET /v1.0/voice/routes", "TelegentClient::voice_route"),
    ("POST /v1.0/voice/routes/update", "TelegentClient::update_voice_route"),
    ("POST /v1.0/voice/routes/delete", "TelegentClient::delete_voice_route"),
    ("GET /v1.0/account/voice/routes", "TelegentClient::account_voice_routes"),
    ("POST /v1.0/message/outbound", "TelegentClient::send_message"),
    ("GET /v1.0/message/details", "TelegentClient::message_details"),
    ("GET /v1.0/message/search", "TelegentClient::message_search"),
];

#[cfg(feature = "client")]
mod budget;
#[cfg(feature = "client")]
mod client;
#[cfg(feature = "client")]
mod error;
#[cfg(feature = "client")]
mod retry;
#[cfg(feature = "client")]
mod tokens;

#[cfg(feature = "client")]
pub use budget::{Priority, RateBudget};
#[cfg(feature = "client")]
pub use client::{ClientConfig, Credentials, Safety, TelegentClient};
#[cfg(feature = "client")]
pub use error::TelegentError;
#[cfg(feature = "client")]
pub use retry::RetryPolicy;
