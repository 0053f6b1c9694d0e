//! The Distributor and its Accounts. Their bodies live in `crate::types`
//! (the browser shares them); this is their table.

use serde::{Deserialize, Serialize};

use crate::types::{Account, AccountList, Address, Distributor, SubscribersPage};

/// `POST /v1.0/account/create`. `AccountAdmin` is the contact's e-mail.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, rename_all = "PascalCase")]
pub struct AccountCreateRequest {
    pub account_name: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub account_admin: Option<String>,
    pub billing_address: Address,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub mailing_address: Option<Address>,
}

/// `POST /v1.0/account/update`. The reference's body has no `AccountId`;
/// a Distributor names the Account with it, as on every Account-scoped call.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, rename_all = "PascalCase")]
pub struct AccountUpdateRequest {
    pub account_id: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub account_name: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub billing_address: Option<Address>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub mailing_address: Option<Address>,
}

/// `POST /v1.0/distributor/create` (the platform credential only).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, rename_all = "PascalCase")]
pub struct DistributorCreateRequest {
    pub distributor_name: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub billing_address: Option<Address>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub mailing_address: Option<Address>,
}

/// A created Distributor: its details and, once, the secret of its credential.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct DistributorCreated {
    pub distributor_id: String,
    #[serde(default)]
    pub distributor_name: String,
    #[serde(default)]
    pub secret: Option<String>,
}

/// `POST /v1.0/distributor/update`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, rename_all = "PascalCase")]
pub struct DistributorUpdateRequest {
    pub distributor_id: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub distributor_name: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub billing_address: Option<Address>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub mailing_address: Option<Address>,
}

operations! {
    Read GET "/v1.0/distributor"
        => distributor(distributor_id: &str = "DistributorId") -> Distributor;
    /// All Accounts of the Distributor. The reference documents one object; the
    /// API returns a list: both read as a list.
    Read GET "/v1.0/distributor/accounts"
        => distributor_accounts() -> Vec<Account> as AccountList;
    /// Written by hand in `client.rs`: it clamps the page size to what the API allows.
    Read GET manual "/v1.0/distributor/subscribers"
        => distributor_subscribers(page: u32 = "PageNumber", per_page: u32 = "TotalPerPage") -> SubscribersPage;
    Read GET "/v1.0/account"
        => account(account_id: &str = "AccountId") -> Account;
    Mutation POST "/v1.0/account/create"
        => create_account(request: AccountCreateRequest) -> Account,
        invalidates ["/v1.0/distributor/accounts", "/v1.0/distributor"];
    Mutation POST "/v1.0/account/update"
        => update_account(request: AccountUpdateRequest) -> Account,
        invalidates ["/v1.0/account", "/v1.0/distributor/accounts"];
    /// Sent once, like a billable call: a repeat would create a second
    /// Distributor, and its credential's secret comes back only once.
    Billable POST "/v1.0/distributor/create"
        => create_distributor(request: DistributorCreateRequest) -> DistributorCreated,
        invalidates ["/v1.0/distributor"];
    Mutation POST "/v1.0/distributor/update"
        => update_distributor(request: DistributorUpdateRequest) -> Distributor,
        invalidates ["/v1.0/distributor"];
}
