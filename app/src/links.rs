//! Every link and redirect of the portal, built in one place: a page's
//! address is written once here, encoded one way, and a moved page changes
//! one function. List state (search, sort, page, filters) lives in the query.

/// `application/x-www-form-urlencoded` for one value.
pub fn urlencode(value: &str) -> String {
    value
        .bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => (b as char).to_string(),
            b' ' => "+".into(),
            _ => format!("%{b:02X}"),
        })
        .collect()
}

/// `base?k=v&…` with the given (non-empty) parameters, or `base` alone.
pub fn with_query(base: &str, params: &[(&str, String)]) -> String {
    let query: Vec<String> = params
        .iter()
        .filter(|(_, v)| !v.is_empty())
        .map(|(k, v)| format!("{k}={}", urlencode(v)))
        .collect();
    if query.is_empty() {
        base.to_string()
    } else {
        format!("{base}?{}", query.join("&"))
    }
}

/// One path segment: like a query value, but a space is `%20` there.
fn segment(value: &str) -> String {
    urlencode(value).replace('+', "%20")
}

/// A line in a path: the E.164 digits without the `+` (no encoding needed,
/// and the address reads like the number).
pub fn line_segment(msisdn: &str) -> String {
    msisdn.trim().trim_start_matches('+').to_string()
}

pub fn distributors() -> String {
    "/distributors".into()
}

/// A Distributor's accounts (the Platform admin's view of one tree).
pub fn distributor(distributor_id: &str) -> String {
    format!("/distributors/{}", segment(distributor_id))
}

pub fn new_distributor() -> String {
    "/distributors/new".into()
}

pub fn edit_distributor(distributor_id: &str) -> String {
    format!("{}/edit", distributor(distributor_id))
}

/// A Distributor's own staff start here (their accounts).
pub fn staff_home() -> String {
    "/".into()
}

/// The Distributor's home: `/` for its own staff, its page for a Platform
/// admin (`distributor_id` as in the URL; empty: the caller's own).
pub fn staff_home_or(distributor_id: &str) -> String {
    if distributor_id.is_empty() {
        staff_home()
    } else {
        distributor(distributor_id)
    }
}

/// The CSV of the accounts list at `list` (`/` or a Distributor's page).
pub fn accounts_csv(list: &str) -> String {
    match list.strip_prefix("/distributors/") {
        Some(id) => format!("/distributors/{}/accounts.csv", urlencode(id)),
        None => "/accounts.csv".into(),
    }
}

pub fn subscribers() -> String {
    "/subscribers".into()
}

pub fn subscribers_csv() -> String {
    "/subscribers.csv".into()
}

pub fn search(query: &str) -> String {
    with_query("/search", &[("q", query.to_string())])
}

pub fn account(account_id: &str) -> String {
    format!("/accounts/{}", segment(account_id))
}

/// The new-Account form; `distributor_id` for a Platform admin (empty: the
/// caller's own Distributor).
pub fn new_account(distributor_id: &str) -> String {
    with_query("/accounts/new", &[("distributor", distributor_id.to_string())])
}

pub fn edit_account(account_id: &str) -> String {
    format!("{}/edit", account(account_id))
}

pub fn account_limits(account_id: &str) -> String {
    format!("{}/limits", account(account_id))
}

/// The limits form with one line ticked.
pub fn line_limits(account_id: &str, msisdn: &str) -> String {
    with_query(&account_limits(account_id), &[("line", line_segment(msisdn))])
}

pub fn line(account_id: &str, msisdn: &str) -> String {
    format!("{}/lines/{}", account(account_id), line_segment(msisdn))
}

/// The port-in cockpit's orders page (`show`: open, drafts, ended, all).
pub fn port_ins(distributor_id: &str, show: &str) -> String {
    with_query(
        "/porting",
        &[("distributor", distributor_id.to_string()), ("show", show.to_string())],
    )
}

/// One port-in's page.
pub fn port_in(account_id: &str, port_in_id: &str) -> String {
    format!("{}/porting/{}", account(account_id), urlencode(port_in_id))
}

pub fn member(account_id: &str, subscriber_id: &str) -> String {
    format!("{}/members/{}", account(account_id), segment(subscriber_id))
}

pub fn guardian(account_id: &str, subscriber_id: &str) -> String {
    format!("{}/guardian/{}", account(account_id), segment(subscriber_id))
}

/// A child's Guardian page showing the filters of one of their lines.
pub fn guardian_line(account_id: &str, subscriber_id: &str, msisdn: &str) -> String {
    with_query(&guardian(account_id, subscriber_id), &[("line", line_segment(msisdn))])
}

pub fn my_lines() -> String {
    "/me".into()
}

pub fn users() -> String {
    "/users".into()
}

/// The Users page with its create form set to this Account.
pub fn users_for_account(account_id: &str) -> String {
    with_query(&users(), &[("account", account_id.to_string())])
}

pub fn audit() -> String {
    "/audit".into()
}

pub fn audit_csv() -> String {
    "/audit.csv".into()
}

pub fn profile() -> String {
    "/profile".into()
}

pub fn password() -> String {
    "/password".into()
}

pub fn login() -> String {
    "/login".into()
}

/// Asking for a password-reset link by e-mail.
pub fn forgot_password() -> String {
    "/password/forgot".into()
}

/// Where a reset link leads (the token is the link's only secret).
pub fn reset_password(token: &str) -> String {
    with_query("/password/reset", &[("token", token.to_string())])
}

/// The mail the portal sent (or would have sent, without a mail server).
pub fn notifications() -> String {
    "/notifications".into()
}

pub fn outbox() -> String {
    "/outbox".into()
}

/// `href` with one more query parameter (for "saved" notices after a redirect).
/// The catalog's pages; `distributor_id` only for a Platform admin (empty:
/// the caller's own Distributor).
fn in_catalog(path: String, distributor_id: &str) -> String {
    with_query(&path, &[("distributor", distributor_id.to_string())])
}

pub fn products(distributor_id: &str) -> String {
    in_catalog("/catalog/products".into(), distributor_id)
}

pub fn new_product(distributor_id: &str) -> String {
    in_catalog("/catalog/products/new".into(), distributor_id)
}

pub fn product(distributor_id: &str, product_id: &str) -> String {
    in_catalog(format!("/catalog/products/{}", segment(product_id)), distributor_id)
}

pub fn edit_product(distributor_id: &str, product_id: &str) -> String {
    in_catalog(
        format!("/catalog/products/{}/edit", segment(product_id)),
        distributor_id,
    )
}

pub fn packages(distributor_id: &str) -> String {
    in_catalog("/catalog/packages".into(), distributor_id)
}

pub fn new_package(distributor_id: &str) -> String {
    in_catalog("/catalog/packages/new".into(), distributor_id)
}

pub fn package(distributor_id: &str, package_id: &str) -> String {
    in_catalog(format!("/catalog/packages/{}", segment(package_id)), distributor_id)
}

pub fn edit_package(distributor_id: &str, package_id: &str) -> String {
    in_catalog(
        format!("/catalog/packages/{}/edit", segment(package_id)),
        distributor_id,
    )
}

/// The subscriptions list, narrowed by `filters` (`package`, `subscriber`,
/// `number`, `account`; empty values are left out).
pub fn subscriptions(filters: &[(&str, String)]) -> String {
    with_query("/subscriptions", filters)
}

pub fn subscription(subscription_id: &str) -> String {
    format!("/subscriptions/{}", segment(subscription_id))
}

/// The new-subscription form for an Account (and, chosen, one of its members).
pub fn new_subscription(account_id: &str, subscriber_id: &str) -> String {
    with_query(
        "/subscriptions/new",
        &[
            ("account", account_id.to_string()),
            ("subscriber", subscriber_id.to_string()),
        ],
    )
}

pub fn services(distributor_id: &str) -> String {
    in_catalog("/catalog/services".into(), distributor_id)
}

pub fn new_service(distributor_id: &str) -> String {
    in_catalog("/catalog/services/new".into(), distributor_id)
}

pub fn service(distributor_id: &str, service_id: &str) -> String {
    in_catalog(format!("/catalog/services/{}", segment(service_id)), distributor_id)
}

pub fn edit_service(distributor_id: &str, service_id: &str) -> String {
    in_catalog(
        format!("/catalog/services/{}/edit", segment(service_id)),
        distributor_id,
    )
}

/// An Account's message and voice routes.
pub fn routes(account_id: &str) -> String {
    format!("{}/routes", account(account_id))
}

pub fn new_message_route(account_id: &str) -> String {
    format!("{}/routes/message/new", account(account_id))
}

pub fn message_route(account_id: &str, route_id: &str) -> String {
    format!("{}/routes/message/{}", account(account_id), segment(route_id))
}

pub fn edit_message_route(account_id: &str, route_id: &str) -> String {
    format!("{}/edit", message_route(account_id, route_id))
}

pub fn new_voice_route(account_id: &str) -> String {
    format!("{}/routes/voice/new", account(account_id))
}

pub fn voice_route(account_id: &str, route_id: &str) -> String {
    format!("{}/routes/voice/{}", account(account_id), segment(route_id))
}

pub fn edit_voice_route(account_id: &str, route_id: &str) -> String {
    format!("{}/edit", voice_route(account_id, route_id))
}

/// An Account's onboarding checklist.
pub fn onboarding(account_id: &str) -> String {
    format!("{}/onboarding", account(account_id))
}

/// The Distributor's checklist; `distributor_id` only for a Platform admin.
pub fn distributor_onboarding(distributor_id: &str) -> String {
    with_query("/onboarding", &[("distributor", distributor_id.to_string())])
}

/// The numbers inventory (of the caller's reach), or one Account's lines in it.
pub fn numbers(account_id: &str) -> String {
    with_query("/numbers", &[("account", account_id.to_string())])
}

/// The provisioning wizard's first step (`distributor` only for a
/// Platform admin; `account` when started from an Account).
pub fn new_number(distributor_id: &str, account_id: &str) -> String {
    with_query(
        "/numbers/new",
        &[
            ("distributor", distributor_id.to_string()),
            ("account", account_id.to_string()),
        ],
    )
}

/// Bulk reservation: the start form, or one run.
pub fn bulk_reserve(distributor_id: &str, account_id: &str) -> String {
    with_query(
        "/numbers/bulk",
        &[
            ("distributor", distributor_id.to_string()),
            ("account", account_id.to_string()),
        ],
    )
}

pub fn bulk_run(distributor_id: &str, run_id: &str) -> String {
    with_query(
        "/numbers/bulk",
        &[("distributor", distributor_id.to_string()), ("run", run_id.to_string())],
    )
}

pub fn numbers_csv() -> String {
    "/numbers.csv".into()
}

pub fn with_notice(href: &str, key: &str, value: &str) -> String {
    let separator = if href.contains('?') { '&' } else { '?' };
    format!("{href}{separator}{key}={}", urlencode(value))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn empty_values_are_left_out_and_the_rest_encoded() {
        assert_eq!(with_query("/audit", &[("user", String::new())]), "/audit");
        assert_eq!(
            with_query("/audit", &[("user", "a b&c".into()), ("page", "2".into())]),
            "/audit?user=a+b%26c&page=2"
        );
    }

    #[test]
    fn a_line_is_addressed_by_its_digits_and_ids_are_encoded() {
        assert_eq!(line("AID-1", "+18015550101"), "/accounts/AID-1/lines/18015550101");
        assert_eq!(
            line_limits("AID-1", "+18015550101"),
            "/accounts/AID-1/limits?line=18015550101"
        );
        assert_eq!(member("AID-1", "TSUID 1/2"), "/accounts/AID-1/members/TSUID%201%2F2");
        assert_eq!(
            with_notice(&guardian_line("A", "S", "+1"), "saved", "call-blocked"),
            "/accounts/A/guardian/S?line=1&saved=call-blocked"
        );
        assert_eq!(with_notice("/users", "created", "1"), "/users?created=1");
    }
}
