//! Configuration that fails closed and outbound requests that stay bounded:
//! demo users only with the sandbox; no redirects, no giant answers.

use crate::common::portal_with;
use axum::http::StatusCode;
use leptos::prelude::LeptosOptions;
use telegent_portal::config::Upstream;
use telegent_portal::{build_portal, PortalConfig};
use telegent_sandbox::seed::{ACME_KEY, ACME_SECRET};

#[tokio::test]
async fn a_portal_on_the_real_api_refuses_to_start_with_demo_users() {
    let dir = std::env::temp_dir().join(format!("portal-demo-{}", uuid::Uuid::new_v4().simple()));
    std::fs::create_dir_all(&dir).unwrap();
    let database_url = format!("sqlite://{}", dir.join("portal.db").display());
    let key_file = dir.join("credential.key");
    let sandbox_portal = portal_with(|c| {
        c.database_url = database_url.clone();
        c.credential_key_file = Some(key_file.clone());
    })
    .await;
    let (_, sandbox_addr) = sandbox_portal.sandbox.as_ref().unwrap();
    let real = |database_url: String| PortalConfig {
        database_url,
        upstream: Upstream::Real {
            base_url: format!("http://{sandbox_addr}"),
            account_key: ACME_KEY.into(),
            account_secret: ACME_SECRET.into(),
            distributor_id: ACME_KEY.into(),
            platform: None,
        },
        credential_key_file: Some(key_file.clone()),
        ..PortalConfig::for_tests()
    };
    let options = || LeptosOptions::builder().output_name("telegent-portal").build();
    let refused = build_portal(real(database_url.clone()), options()).await;
    let message = refused.err().expect("refused to start").to_string();
    assert!(message.contains("demo users"), "{message}");
    assert!(message.contains("remove-demo-users"), "says how: {message}");

    let removed = telegent_portal::remove_demo_users(&sandbox_portal.state.pool)
        .await
        .unwrap();
    assert!(removed >= 10, "{removed} removed");
    if let Err(error) = build_portal(real(database_url), options()).await {
        panic!("does not start once they are gone: {error:#}");
    }
    let _ = std::fs::remove_dir_all(&dir);
}

/// A peer on loopback that answers every request with `answer`, counting
/// the requests that reach `/steal`.
async fn hostile_peer(
    answer: fn() -> axum::response::Response,
) -> (String, std::sync::Arc<std::sync::atomic::AtomicUsize>) {
    use std::sync::atomic::{AtomicUsize, Ordering};
    let stolen = std::sync::Arc::new(AtomicUsize::new(0));
    let counter = stolen.clone();
    let app = axum::Router::new()
        .route(
            "/steal",
            axum::routing::any(move || {
                counter.fetch_add(1, Ordering::SeqCst);
                async { "{}" }
            }),
        )
        .fallback(move || async move { answer() });
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    tokio::spawn(async move { axum::serve(listener, app).await.unwrap() });
    (format!("http://{addr}"), stolen)
}

fn client_for(base_url: &str) -> telegent::TelegentClient {
    let mut config = telegent::ClientConfig::new(
        base_url,
        telegent::Credentials {
            account_key: "DID-test".into(),
            account_secret: "secret".into(),
        },
    );
    config.retry.max_attempts = 1;
    telegent::TelegentClient::new(config).unwrap()
}

#[tokio::test]
async fn the_client_follows_no_redirect_and_reads_no_giant_answer() {
    use axum::response::IntoResponse;
    let (base, stolen) = hostile_peer(|| (StatusCode::FOUND, [("location", "/steal")], "").into_response()).await;
    let redirected = client_for(&base).distributor("DID-test").await;
    assert!(redirected.is_err(), "{redirected:?}");
    assert_eq!(
        stolen.load(std::sync::atomic::Ordering::SeqCst),
        0,
        "the token went elsewhere"
    );

    let (base, _) = hostile_peer(|| {
        let giant = format!("{{\"AccessToken\":\"{}\"}}", "x".repeat(6 * 1024 * 1024));
        (StatusCode::OK, [("content-type", "application/json")], giant).into_response()
    })
    .await;
    let giant = client_for(&base).distributor("DID-test").await;
    let message = format!("{:?}", giant.expect_err("refused"));
    assert!(message.contains("larger than 5 MB"), "{message}");
}
