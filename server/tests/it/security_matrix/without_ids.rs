//! Server functions that take no ID: each role gets what the policy table
//! gives it; and every registered function is accounted for.

use std::collections::BTreeSet;

use axum::http::StatusCode;
use leptos::server_fn::axum::server_fn_paths;
use telegent_app::policy::{allows, Action, Role};
use telegent_app::ssr::demo::DEMO_USERS;
use telegent_sandbox::seed::ACME_KEY;

use super::rows::functions;
use crate::common::{portal, Browser};

/// Server functions that take no ID, with a form and the action each needs.
pub(super) fn functions_without_ids() -> [(&'static str, &'static str, Action); 19] {
    [
        // A Distributor nobody can see: the platform gets a field error, others a refusal.
        (
            "distributors/save",
            "distributor_id=DID-00000000-0000&api_base_url=http%3A%2F%2F127.0.0.1%3A9&account_key=k&account_secret=s",
            Action::ManageCredentials,
        ),
        ("distributors/list", "", Action::ViewDistributors),
        // No name: the platform gets field errors and nothing is created; others a refusal.
        (
            "distributors/create",
            "account_id=&distributor_id=&name=&admin_email=",
            Action::ManageDistributors,
        ),
        ("distributors/new-form", "", Action::ManageDistributors),
        ("users/list", "search=&page=1", Action::ManageUsers),
        (
            "audit/list",
            "user=&action=&outcome=&from=&to=&page=1",
            Action::ViewAudit,
        ),
        ("me/lines", "", Action::ViewOwnLines),
        ("users/created", "", Action::ManageUsers),
        ("outbox/list", "to=&page=1", Action::ViewOutbox),
        // The read model: the caller's Distributor (or Account), never another.
        (
            "subscribers/list",
            "search=&role=&sort=&page=1",
            Action::ViewSubscribers,
        ),
        ("numbers/inventory", "page=1", Action::ViewNumbers),
        // The wizard's first step (a Platform admin is asked which Distributor).
        ("numbers/wizard", "step=1", Action::ProvisionNumbers),
        ("numbers/bulk", "", Action::ProvisionNumbers),
        ("porting/list", "distributor_id=&show=&account=", Action::ViewNumbers),
        // No line ticked: refused at the field (or refused outright).
        ("numbers/status-selection", "change=suspend", Action::ChangeNumberStatus),
        ("search", "q=example", Action::ViewDistributors),
        // The caller's catalog (a Platform admin is asked which Distributor's).
        ("catalog/products", "shown=all", Action::ViewCatalog),
        ("catalog/packages", "shown=all", Action::ViewCatalog),
        ("catalog/services", "shown=all", Action::ViewCatalog),
    ]
}

/// Server functions with neither a matrix row nor a row in
/// `functions_without_ids`, each with the reason: none takes an ID, each works
/// on the caller's own session or sign-in.
const WITHOUT_MATRIX_ROW: &[(&str, &str)] = &[
    (
        "session/login",
        "signs in: there is no caller yet, so no scope to check (identity tests cover refusals and throttling)",
    ),
    ("session/logout", "ends the caller's own session"),
    (
        "theme",
        "sets the browser's own light/dark cookie: no data, no scope, no audit (forms tests)",
    ),
    ("session/current-user", "answers with the caller themself"),
    (
        "notifications/list",
        "the caller's own notices, by the session's user (notifications tests)",
    ),
    (
        "notifications/read",
        "marks the caller's own notices read; another's reads as missing (notifications tests)",
    ),
    (
        "session/password",
        "changes the caller's own password, after checking the current one (identity tests)",
    ),
    (
        "session/view-as-stop",
        "ends the caller's own view-as (the matrix calls it after each view-as)",
    ),
    (
        "password/forgot",
        "asks for a reset link before signing in: no caller; the same answer for every address (password_reset tests)",
    ),
    (
        "password/reset-status",
        "tells whether a reset link still works: the link's 256-bit token is the only key (password_reset tests)",
    ),
    (
        "password/reset",
        "chooses a password through a reset link: no caller; the token names the user (password_reset tests)",
    ),
];

/// Server functions without ID arguments: each role gets exactly what the
/// policy table gives it, and nothing outside its scope appears in the answer.
#[tokio::test]
async fn functions_without_ids_follow_the_policy_table_for_every_role() {
    let portal = portal().await;
    let table = functions_without_ids();
    for demo in DEMO_USERS {
        let mut browser = Browser::signed_in(&portal, demo.email).await;
        for (endpoint, form, action) in table {
            let answer = browser.call(endpoint, form).await;
            let allowed = allows(demo.role, action);
            let expected_ok = allowed && !(endpoint == "me/lines" && demo.role != Role::Subscriber);
            if expected_ok
                && matches!(
                    endpoint,
                    "distributors/save" | "distributors/create" | "numbers/status-selection"
                )
            {
                // Allowed: the form is checked (and refused at its fields), never refused outright.
                assert_ne!(answer.status, StatusCode::FORBIDDEN, "{} {endpoint}", demo.email);
            } else if expected_ok {
                assert_eq!(
                    answer.status,
                    StatusCode::OK,
                    "{} {endpoint}: {}",
                    demo.email,
                    answer.body
                );
                let foreign_tree = if demo.distributor == Some(ACME_KEY) {
                    "globex"
                } else {
                    "acme"
                };
                if demo.role != Role::PlatformAdmin {
                    assert!(
                        !answer.body.to_lowercase().contains(foreign_tree),
                        "{} {endpoint} shows the other tree: {}",
                        demo.email,
                        answer.body
                    );
                }
            } else if !allowed {
                assert_eq!(answer.status, StatusCode::FORBIDDEN, "{} {endpoint}", demo.email);
            }
        }
    }
}

/// The registered server functions are the list to cover: one added without
/// a row or an exemption fails here, and so does a row naming none.
#[test]
fn every_registered_server_function_has_a_matrix_row_or_an_exemption() {
    let accounted: Vec<&str> = functions()
        .iter()
        .map(|f| f.endpoint)
        .chain(functions_without_ids().iter().map(|(endpoint, _, _)| *endpoint))
        .chain(WITHOUT_MATRIX_ROW.iter().map(|(endpoint, _)| *endpoint))
        .collect();
    let registered: BTreeSet<String> = server_fn_paths()
        .map(|(path, _)| path.strip_prefix("/api/").unwrap_or(path).to_string())
        .collect();
    let uncovered: Vec<&String> = registered
        .iter()
        .filter(|endpoint| !accounted.contains(&endpoint.as_str()))
        .collect();
    assert!(
        uncovered.is_empty(),
        "server functions with no security-matrix row and no written exemption: {uncovered:?}. \
         Give each a row in `functions()` (it takes an ID) or `functions_without_ids()`, \
         or an entry with its reason in `WITHOUT_MATRIX_ROW`."
    );
    let unknown: Vec<&&str> = accounted
        .iter()
        .filter(|endpoint| !registered.contains(**endpoint))
        .collect();
    assert!(
        unknown.is_empty(),
        "matrix rows or exemptions naming no registered server function: {unknown:?} (registered: {registered:?})"
    );
    let mut once = BTreeSet::new();
    let twice: Vec<&&str> = accounted.iter().filter(|endpoint| !once.insert(**endpoint)).collect();
    assert!(twice.is_empty(), "accounted for more than once: {twice:?}");
}
