//! Delivery: pages and answers compressed on the way out, the bundle served
//! pre-compressed, hashed assets cached for a year and pages never stored.

use std::io::Read;

use axum::body::Body;
use axum::http::{Request, StatusCode};
use leptos::prelude::LeptosOptions;
use telegent_portal::{build_portal, PortalConfig};
use tower::ServiceExt;

use crate::common::{portal, ACME_ADMIN};

const HASHED_WASM: &str = "/pkg/telegent-portal.3f9a1c0d7e2b4a6f.wasm";

struct Raw {
    status: StatusCode,
    encoding: Option<String>,
    cache: Option<String>,
    vary: Option<String>,
    body: Vec<u8>,
}

async fn fetch(router: &axum::Router, path: &str, accept: &str, cookie: Option<&str>) -> Raw {
    let mut request = Request::get(path).header("accept-encoding", accept);
    if let Some(cookie) = cookie {
        request = request.header("cookie", cookie);
    }
    let response = router
        .clone()
        .oneshot(request.body(Body::empty()).unwrap())
        .await
        .unwrap();
    let header = |name: &str| response.headers().get(name).map(|v| v.to_str().unwrap().to_string());
    let (status, encoding, cache, vary) = (
        response.status(),
        header("content-encoding"),
        header("cache-control"),
        header("vary"),
    );
    let body = axum::body::to_bytes(response.into_body(), usize::MAX)
        .await
        .unwrap()
        .to_vec();
    Raw {
        status,
        encoding,
        cache,
        vary,
        body,
    }
}

fn gunzip(bytes: &[u8]) -> String {
    let mut text = String::new();
    flate2::read::GzDecoder::new(bytes).read_to_string(&mut text).unwrap();
    text
}

fn unbrotli(bytes: &[u8]) -> String {
    let mut text = String::new();
    brotli::Decompressor::new(bytes, 4096)
        .read_to_string(&mut text)
        .unwrap();
    text
}

#[tokio::test]
async fn pages_are_compressed_for_browsers_that_accept_it_and_never_stored() {
    let portal = portal().await;
    let admin = crate::common::Browser::signed_in(&portal, ACME_ADMIN).await;
    let cookie = admin.cookie.clone().unwrap();
    let plain = fetch(&portal.router, "/", "identity", Some(&cookie)).await;
    assert_eq!(plain.status, StatusCode::OK);
    assert_eq!(plain.encoding, None);
    let html = String::from_utf8(plain.body.clone()).unwrap();
    assert!(html.contains("<h1"), "a page");

    let br = fetch(&portal.router, "/", "gzip, deflate, br", Some(&cookie)).await;
    assert_eq!(br.encoding.as_deref(), Some("br"));
    assert!(
        br.body.len() * 2 < plain.body.len(),
        "{} of {} bytes",
        br.body.len(),
        plain.body.len()
    );
    assert!(unbrotli(&br.body).contains("<h1"));
    assert_eq!(br.cache.as_deref(), Some("no-store"), "pages are never stored");

    let gz = fetch(&portal.router, "/", "gzip", Some(&cookie)).await;
    assert_eq!(gz.encoding.as_deref(), Some("gzip"));
    assert!(gunzip(&gz.body).contains("<h1"));

    // /healthz means the same, compressed or not.
    let health = fetch(&portal.router, "/healthz", "br", None).await;
    assert_eq!(health.status, StatusCode::OK);
    let text = match health.encoding.as_deref() {
        Some("br") => unbrotli(&health.body),
        _ => String::from_utf8(health.body).unwrap(),
    };
    assert_eq!(text.trim(), "ok");
}

#[tokio::test]
async fn the_bundle_is_served_pre_compressed_and_hashed_assets_are_immutable() {
    let site = std::env::temp_dir().join(format!("portal-site-{}", uuid::Uuid::new_v4().simple()));
    let pkg = site.join("pkg");
    std::fs::create_dir_all(&pkg).unwrap();
    let wasm = vec![0u8; 4096];
    let name = HASHED_WASM.trim_start_matches("/pkg/");
    std::fs::write(pkg.join(name), &wasm).unwrap();
    // What the build's pre-compression leaves beside it (marked, to tell which was sent).
    std::fs::write(pkg.join(format!("{name}.br")), b"brotli-file").unwrap();
    std::fs::write(pkg.join(format!("{name}.gz")), b"gzip-file").unwrap();
    std::fs::write(pkg.join("telegent-portal.css"), "body { color: black }".repeat(20)).unwrap();
    let options = LeptosOptions::builder()
        .output_name("telegent-portal")
        .site_root(site.to_string_lossy().to_string())
        .build();
    let portal = build_portal(PortalConfig::for_tests(), options).await.unwrap();

    let br = fetch(&portal.router, HASHED_WASM, "gzip, br", None).await;
    assert_eq!(br.status, StatusCode::OK);
    assert_eq!(br.encoding.as_deref(), Some("br"));
    assert_eq!(br.body, b"brotli-file", "the file compressed at build time, not again");
    assert_eq!(br.cache.as_deref(), Some("public, max-age=31536000, immutable"));
    assert!(
        br.vary
            .as_deref()
            .is_some_and(|v| v.to_lowercase().contains("accept-encoding")),
        "a shared cache keeps the encodings apart: {:?}",
        br.vary
    );

    let gz = fetch(&portal.router, HASHED_WASM, "gzip", None).await;
    assert_eq!(gz.body, b"gzip-file");
    let plain = fetch(&portal.router, HASHED_WASM, "identity", None).await;
    assert_eq!(plain.body, wasm);

    let unhashed = fetch(&portal.router, "/pkg/telegent-portal.css", "identity", None).await;
    assert_eq!(unhashed.status, StatusCode::OK);
    assert_eq!(
        unhashed.cache.as_deref(),
        Some("no-cache"),
        "an unhashed name is asked for again"
    );

    let missing = fetch(&portal.router, "/pkg/telegent-portal.0000000000000000.wasm", "br", None).await;
    assert_eq!(missing.status, StatusCode::NOT_FOUND);
    assert_ne!(
        missing.cache.as_deref(),
        Some("public, max-age=31536000, immutable"),
        "a miss is not kept"
    );
    let _ = std::fs::remove_dir_all(&site);
}
