//! The Distributor and its Accounts. Their bodies live in `crate::types`
//! (the browser shares them); this is their table.

use crate::types::{Account, AccountList, Distributor, SubscribersPage};

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
}
