//! The router with the in-process sandbox, exercised over HTTP the way a
//! browser would: server functions, server-rendered pages, health checks.

use crate::common::{portal, Browser, ACME_ADMIN};
use axum::body::Body;
use axum::http::{Request, StatusCode};
use telegent_app::accounts::model::AccountsPage;
use telegent_portal::Portal;
use tower::ServiceExt;

async fn admin(portal: &Portal) -> Browser {
    Browser::signed_in(portal, ACME_ADMIN).await
}

async fn send(browser: &mut Browser, request: Request<Body>) -> (StatusCode, String) {
    let answer = browser.send(request).await;
    (answer.status, answer.body)
}

async fn list_accounts(browser: &mut Browser, form: &str) -> AccountsPage {
    let answer = browser.call("accounts/list", &format!("distributor_id=&{form}")).await;
    assert_eq!(answer.status, StatusCode::OK, "{}", answer.body);
    serde_json::from_str(&answer.body).unwrap_or_else(|e| panic!("{e}: {}", answer.body))
}

#[tokio::test]
async fn dashboard_server_function_returns_the_seeded_accounts() {
    let portal = portal().await;
    let mut browser = admin(&portal).await;
    let page = list_accounts(&mut browser, "page=1&search=&sort=name").await;
    assert_eq!(page.distributor_name, "Acme Mobile");
    let names: Vec<&str> = page.rows.iter().map(|r| r.name.as_str()).collect();
    // Globex Wireless's "Smith Family" is another tenant and must not appear.
    assert_eq!(names, ["Bright Bakery LLC", "Doe Family"]);
    let doe = &page.rows[1];
    assert_eq!(doe.subscribers, 3);
    assert_eq!(doe.address, "42 Maple Ave, Provo, UT 84601");
    assert!(doe.id.starts_with("AID-"));
    assert_eq!((page.page, page.total_pages, page.total), (1, 1, 2));
}

#[tokio::test]
async fn paging_search_and_sort_follow_the_arguments() {
    let portal = portal().await;
    let mut browser = admin(&portal).await;
    let (sandbox, _) = portal.sandbox.as_ref().unwrap();
    sandbox.mutate(|w| {
        let acme = telegent_sandbox::seed::ACME_KEY.to_string();
        for i in 0..11 {
            let id = w.new_id("AID");
            let name = format!("Zeta Shop {i:02}");
            w.accounts.insert(
                id.clone(),
                serde_json::from_value(serde_json::json!({
                    "id": id, "distributor_id": acme, "name": name,
                    "billing": {}, "mailing": {}
                }))
                .unwrap(),
            );
        }
    });
    // Changes made elsewhere show once the client's short read cache lapses.
    portal
        .state
        .upstreams
        .get(telegent_sandbox::seed::ACME_KEY)
        .unwrap()
        .invalidate_reads("/v1.0/distributor/accounts");
    let page2 = list_accounts(&mut browser, "page=2&search=&sort=name").await;
    assert_eq!(
        (page2.page, page2.total_pages, page2.total, page2.rows.len()),
        (2, 2, 13, 3)
    );
    assert_eq!(page2.rows[0].name, "Zeta Shop 08");
    let found = list_accounts(&mut browser, "page=1&search=DOE&sort=name").await;
    assert_eq!(
        found.rows.iter().map(|r| r.name.as_str()).collect::<Vec<_>>(),
        ["Doe Family"]
    );
    let by_size = list_accounts(&mut browser, "page=1&search=&sort=-subscribers").await;
    let names: Vec<&str> = by_size.rows.iter().take(3).map(|r| r.name.as_str()).collect();
    // Three subscribers each (ties by name), then the empty shops.
    assert_eq!(names, ["Bright Bakery LLC", "Doe Family", "Zeta Shop 00"]);
}

#[tokio::test]
async fn the_dashboard_page_is_rendered_with_its_data() {
    let portal = portal().await;
    let mut browser = admin(&portal).await;
    let (status, html) = send(&mut browser, Request::get("/").body(Body::empty()).unwrap()).await;
    assert_eq!(status, StatusCode::OK);
    assert!(html.contains("Doe Family"), "dashboard HTML lacks the seeded account");
    assert!(html.contains("Bright Bakery LLC"));
    assert!(!html.contains("Smith Family"), "another distributor's account leaked");
    assert!(html.contains("<tbody>"));
}

#[tokio::test]
async fn a_foreign_account_looks_exactly_like_a_missing_one() {
    let portal = portal().await;
    let mut browser = admin(&portal).await;
    let (sandbox, _) = portal.sandbox.as_ref().unwrap();
    let world = sandbox.snapshot();
    let foreign = world
        .accounts
        .values()
        .find(|a| a.name == "Smith Family")
        .unwrap()
        .id
        .clone();
    let (foreign_status, foreign_html) = send(
        &mut browser,
        Request::get(format!("/accounts/{foreign}"))
            .body(Body::empty())
            .unwrap(),
    )
    .await;
    let (missing_status, missing_html) = send(
        &mut browser,
        Request::get("/accounts/AID-00000000-0000-0000-0000-000000000000")
            .body(Body::empty())
            .unwrap(),
    )
    .await;
    assert_eq!(foreign_status, StatusCode::NOT_FOUND);
    assert_eq!(missing_status, StatusCode::NOT_FOUND);
    assert!(!foreign_html.contains("Smith"));
    assert!(foreign_html.contains("couldn't find"));
    assert!(missing_html.contains("couldn't find"));
}

#[tokio::test]
async fn an_account_page_lists_its_subscribers() {
    let portal = portal().await;
    let mut browser = admin(&portal).await;
    let page = list_accounts(&mut browser, "page=1&search=Doe&sort=name").await;
    let (status, html) = send(
        &mut browser,
        Request::get(format!("/accounts/{}", page.rows[0].id))
            .body(Body::empty())
            .unwrap(),
    )
    .await;
    assert_eq!(status, StatusCode::OK);
    for name in ["Jane Doe", "Sam Doe", "Lily Doe", "+1 (801) 555-0101"] {
        assert!(html.contains(name), "{name} missing");
    }
}

#[tokio::test]
async fn unknown_pages_are_404_and_health_checks_answer() {
    let portal = portal().await;
    let mut browser = admin(&portal).await;
    let (status, html) = send(&mut browser, Request::get("/no/such/page").body(Body::empty()).unwrap()).await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    assert!(html.contains("Not found"));
    let (status, body) = send(&mut browser, Request::get("/healthz").body(Body::empty()).unwrap()).await;
    assert_eq!((status, body.as_str()), (StatusCode::OK, "ok"));
    let (status, body) = send(&mut browser, Request::get("/readyz").body(Body::empty()).unwrap()).await;
    assert_eq!(status, StatusCode::OK, "{body}");
    assert!(body.contains("\"ready\":true"));
}

#[tokio::test]
async fn every_response_carries_a_request_id() {
    let portal = portal().await;
    let response = portal
        .router
        .clone()
        .oneshot(Request::get("/healthz").body(Body::empty()).unwrap())
        .await
        .unwrap();
    let id = response
        .headers()
        .get("x-request-id")
        .expect("request id")
        .to_str()
        .unwrap();
    assert_eq!(id.len(), 36);
}

#[tokio::test]
async fn reads_are_cached_so_a_second_dashboard_costs_no_upstream_call() {
    let portal = portal().await;
    let mut browser = admin(&portal).await;
    let (sandbox, _) = portal.sandbox.as_ref().unwrap();
    list_accounts(&mut browser, "page=1&search=&sort=name").await;
    let after_first = sandbox.journal().len();
    list_accounts(&mut browser, "page=1&search=&sort=name").await;
    list_accounts(&mut browser, "page=1&search=doe&sort=name").await;
    assert_eq!(sandbox.journal().len(), after_first, "served again from cache");
    // One token per credential and endpoint.
    let token_calls = sandbox
        .journal()
        .iter()
        .filter(|e| e.path.to_lowercase().ends_with("/tokens"))
        .count();
    // (Two Distributor credentials: each needs its own token per endpoint.)
    let distinct_endpoints = sandbox
        .journal()
        .iter()
        .filter(|e| !e.path.to_lowercase().ends_with("/tokens"))
        .map(|e| (e.credential.clone(), e.path.clone()))
        .collect::<std::collections::HashSet<_>>()
        .len();
    assert_eq!(token_calls, distinct_endpoints);
}
