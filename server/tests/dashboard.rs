//! The router with the in-process sandbox, exercised over HTTP the way a
//! browser would: server functions, server-rendered pages, health checks.

use axum::body::Body;
use axum::http::{Request, StatusCode};
use axum::Router;
use leptos::prelude::LeptosOptions;
use telegent_app::model::AccountsPage;
use telegent_portal::config::Upstream;
use telegent_portal::{build_portal, Portal, PortalConfig};
use tower::ServiceExt;

async fn portal() -> Portal {
    let options = LeptosOptions::builder().output_name("telegent-portal").build();
    build_portal(
        PortalConfig {
            database_url: "sqlite::memory:".into(),
            upstream: Upstream::Sandbox,
            sandbox_state_file: None,
            sandbox_bind: "127.0.0.1:0".parse().unwrap(),
            rate_limit_per_minute: 50,
        },
        options,
    )
    .await
    .expect("portal starts")
}

async fn send(router: &Router, request: Request<Body>) -> (StatusCode, String) {
    let response = router.clone().oneshot(request).await.unwrap();
    let status = response.status();
    let bytes = axum::body::to_bytes(response.into_body(), usize::MAX).await.unwrap();
    (status, String::from_utf8_lossy(&bytes).into_owned())
}

async fn list_accounts(router: &Router, form: &str) -> AccountsPage {
    let request = Request::post("/api/accounts/list")
        .header("content-type", "application/x-www-form-urlencoded")
        .body(Body::from(form.to_string()))
        .unwrap();
    let (status, body) = send(router, request).await;
    assert_eq!(status, StatusCode::OK, "{body}");
    serde_json::from_str(&body).unwrap_or_else(|e| panic!("{e}: {body}"))
}

#[tokio::test]
async fn dashboard_server_function_returns_the_seeded_accounts() {
    let portal = portal().await;
    let page = list_accounts(&portal.router, "page=1&search=&sort=name").await;
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
    let page2 = list_accounts(&portal.router, "page=2&search=&sort=name").await;
    assert_eq!(
        (page2.page, page2.total_pages, page2.total, page2.rows.len()),
        (2, 2, 13, 3)
    );
    assert_eq!(page2.rows[0].name, "Zeta Shop 08");
    let found = list_accounts(&portal.router, "page=1&search=DOE&sort=name").await;
    assert_eq!(
        found.rows.iter().map(|r| r.name.as_str()).collect::<Vec<_>>(),
        ["Doe Family"]
    );
    let by_size = list_accounts(&portal.router, "page=1&search=&sort=-subscribers").await;
    assert_eq!(by_size.rows[0].name, "Doe Family");
}

#[tokio::test]
async fn the_dashboard_page_is_rendered_with_its_data() {
    let portal = portal().await;
    let (status, html) = send(&portal.router, Request::get("/").body(Body::empty()).unwrap()).await;
    assert_eq!(status, StatusCode::OK);
    assert!(html.contains("Doe Family"), "dashboard HTML lacks the seeded account");
    assert!(html.contains("Bright Bakery LLC"));
    assert!(!html.contains("Smith Family"), "another distributor's account leaked");
    assert!(html.contains("<tbody>"));
}

#[tokio::test]
async fn a_foreign_account_looks_exactly_like_a_missing_one() {
    let portal = portal().await;
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
        &portal.router,
        Request::get(format!("/accounts/{foreign}"))
            .body(Body::empty())
            .unwrap(),
    )
    .await;
    let (missing_status, missing_html) = send(
        &portal.router,
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
    let page = list_accounts(&portal.router, "page=1&search=Doe&sort=name").await;
    let (status, html) = send(
        &portal.router,
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
    let (status, html) = send(
        &portal.router,
        Request::get("/no/such/page").body(Body::empty()).unwrap(),
    )
    .await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    assert!(html.contains("Not found"));
    let (status, body) = send(&portal.router, Request::get("/healthz").body(Body::empty()).unwrap()).await;
    assert_eq!((status, body.as_str()), (StatusCode::OK, "ok"));
    let (status, body) = send(&portal.router, Request::get("/readyz").body(Body::empty()).unwrap()).await;
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
    let (sandbox, _) = portal.sandbox.as_ref().unwrap();
    list_accounts(&portal.router, "page=1&search=&sort=name").await;
    let after_first = sandbox.journal().len();
    list_accounts(&portal.router, "page=1&search=&sort=name").await;
    list_accounts(&portal.router, "page=1&search=doe&sort=name").await;
    assert_eq!(sandbox.journal().len(), after_first, "served again from cache");
    // One token per endpoint: distributor details + accounts (+ any used at start).
    let token_calls = sandbox
        .journal()
        .iter()
        .filter(|e| e.path.to_lowercase().ends_with("/tokens"))
        .count();
    let distinct_endpoints = sandbox
        .journal()
        .iter()
        .filter(|e| !e.path.to_lowercase().ends_with("/tokens"))
        .map(|e| e.path.clone())
        .collect::<std::collections::HashSet<_>>()
        .len();
    assert_eq!(token_calls, distinct_endpoints);
}
