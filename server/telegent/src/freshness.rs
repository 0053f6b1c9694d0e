//! How long a read stays fresh in the client's cache.
//!
//! Data use changes by the minute, so its reads keep the short TTL. Who is
//! in a family, their AI Guardian settings, routes and the catalog change
//! only when someone changes them, and the portal's own changes drop the
//! copies they touch (each mutation's `invalidates` list): those reads keep
//! the long TTL, so a family's pages cost upstream calls only for what
//! changes. A change made elsewhere (another tool on the same credential)
//! shows when the copy expires; pages say how old a copy is.

/// Reads of data that changes only when someone changes it.
const SLOW_CHANGING: [&str; 12] = [
    "/v1.0/distributor/subscribers",
    "/v1.0/distributor/accounts",
    "/v1.0/account?",
    "/v1.0/subscribers/",
    "/v1.0/message/routes",
    "/v1.0/voice/routes",
    "/v1.0/packages",
    "/v1.0/products",
    "/v1.0/services",
    "/v1.0/distributor/packages",
    "/v1.0/distributor/products",
    "/v1.0/distributor/services",
];

/// Whether the cached read under `key` (its path, then query or body) is of
/// slowly changing data.
pub(crate) fn is_slow_changing(key: &str) -> bool {
    let key = key.to_ascii_lowercase();
    SLOW_CHANGING.iter().any(|prefix| key.starts_with(prefix))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn members_guardian_and_catalog_are_slow_usage_is_not() {
        assert!(is_slow_changing(
            "/v1.0/distributor/subscribers?PageNumber=1&TotalPerPage=500"
        ));
        assert!(is_slow_changing("/v1.0/subscribers/guardian-features?SubscriberId=T"));
        assert!(is_slow_changing("/v1.0/Message/Routes"));
        assert!(!is_slow_changing("/v1.0/numbers/data-usage/info#{}"));
        assert!(!is_slow_changing("/v1.0/numbers/details?Number=1"));
    }
}
