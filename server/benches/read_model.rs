//! The read model at scale (`make bench`): the sandbox grown to 2,000
//! Accounts (~8,000 subscribers, ~12,000 numbers), then
//!  1. what a full sweep and a usage sweep of that Distributor cost in
//!     upstream calls and time, and how long that is in the budget's
//!     background share at the platform's 50 calls a minute;
//!  2. one scripted staff session (list pages, searches, the home) through
//!     the portal on the read model, and the same reads made directly on
//!     the API with the portal's cached client, counted in one run.
//!
//! Prints figures; asserts nothing (the tests in server/tests/it/workspace.rs do).

use std::time::Instant;

use axum::body::Body;
use axum::http::Request;
use leptos::prelude::LeptosOptions;
use telegent::ops::numbers::PhoneNumbersRequest;
use telegent::types::NumberEntry;
use telegent::{ClientConfig, Credentials, TelegentClient};
use telegent_app::read_model::sweep::{run, Kind, PAGE};
use telegent_app::ssr::demo::DEMO_PASSWORD;
use telegent_portal::{build_portal, PortalConfig};
use telegent_sandbox::{seed, Sandbox};
use tower::ServiceExt;

const ACCOUNTS: usize = 2000;

/// The staff session: (server function, form), each sent once.
const SESSION: &[(&str, &str)] = &[
    ("workspace", "distributor_id="),
    ("accounts/list", "distributor_id=&page=1"),
    ("accounts/list", "distributor_id=&page=2"),
    ("accounts/list", "distributor_id=&page=1&sort=-lines"),
    ("accounts/list", "distributor_id=&page=1&needs=no-manager"),
    ("accounts/list", "distributor_id=&page=1&search=weber"),
    ("subscribers/list", "page=1"),
    ("subscribers/list", "page=7&sort=email"),
    ("subscribers/list", "page=1&role=Manager"),
    ("search", "q=p0042"),
    ("search", "q=%28720%29+200-0100"),
    ("search", "q=tanaka"),
];

fn journal_len(sandbox: &Sandbox) -> usize {
    sandbox.journal().len()
}

async fn call(router: &axum::Router, cookie: &str, endpoint: &str, form: &str) -> (u16, usize) {
    let request = Request::post(format!("/api/{endpoint}"))
        .header("content-type", "application/x-www-form-urlencoded")
        .header("accept", "application/json")
        .header("cookie", cookie)
        .body(Body::from(form.to_string()))
        .unwrap();
    let response = router.clone().oneshot(request).await.unwrap();
    let status = response.status().as_u16();
    let body = axum::body::to_bytes(response.into_body(), usize::MAX).await.unwrap();
    (status, body.len())
}

async fn sign_in(router: &axum::Router) -> String {
    let form = format!(
        "email=admin%40acme.example&password={}&next=",
        DEMO_PASSWORD.replace(' ', "+")
    );
    let request = Request::post("/api/session/login")
        .header("content-type", "application/x-www-form-urlencoded")
        .header("accept", "application/json")
        .body(Body::from(form))
        .unwrap();
    let response = router.clone().oneshot(request).await.unwrap();
    let cookie = response.headers()["set-cookie"].to_str().unwrap();
    cookie.split(';').next().unwrap().to_string()
}

/// The same reads as the session, straight from the API with the portal's
/// cached client: the accounts list (one call), every subscriber page for a
/// subscriber list or search, every inventory page and every usage batch
/// for the home's counts.
async fn direct_session(base: &str) -> usize {
    let mut config = ClientConfig::new(
        base,
        Credentials {
            account_key: seed::ACME_KEY.into(),
            account_secret: seed::ACME_SECRET.into(),
        },
    );
    // Counted, not throttled (as for the portal above).
    config.rate_limit_per_minute = 1_000_000;
    let client = TelegentClient::new(config).unwrap();
    let mut numbers = Vec::new();
    for (endpoint, _) in SESSION {
        match *endpoint {
            "accounts/list" => {
                client.distributor_accounts().await.unwrap();
            }
            "subscribers/list" | "search" => {
                let mut page = 1;
                loop {
                    let batch = client.distributor_subscribers(page, PAGE).await.unwrap();
                    if batch.subscribers.len() < PAGE as usize {
                        break;
                    }
                    page += 1;
                }
                if *endpoint == "search" {
                    let mut page = 1;
                    loop {
                        let batch = client.number_inventory(page, None, Some(PAGE)).await.unwrap();
                        if batch.phone_numbers.len() < PAGE as usize {
                            break;
                        }
                        page += 1;
                    }
                }
            }
            _ => {
                let mut page = 1;
                loop {
                    let batch = client.number_inventory(page, None, Some(PAGE)).await.unwrap();
                    let fetched = batch.phone_numbers.len();
                    numbers.extend(batch.phone_numbers.into_iter().filter_map(|n| n.number));
                    if fetched < PAGE as usize {
                        break;
                    }
                    page += 1;
                }
                for batch in numbers.chunks(PAGE as usize) {
                    let request = PhoneNumbersRequest {
                        phone_numbers: NumberEntry::list(batch),
                    };
                    client.data_usage_info(&request).await.unwrap();
                    client.data_usage_settings(&request).await.unwrap();
                }
            }
        }
    }
    client.call_counts().0 as usize
}

#[tokio::main]
async fn main() {
    let options = LeptosOptions::builder().output_name("telegent-portal").build();
    let mut cfg = PortalConfig::for_tests();
    cfg.sandbox_scale = Some(ACCOUNTS);
    // Counted, not throttled: the figures are calls, the budget is worked out below.
    cfg.sandbox_rate_limit_per_minute = None;
    cfg.rate_limit_per_minute = 1_000_000;
    cfg.user_share_per_minute = 1_000_000;
    let started = Instant::now();
    let portal = build_portal(cfg, options).await.unwrap();
    let (sandbox, addr) = portal.sandbox.as_ref().unwrap();
    let world = sandbox.snapshot();
    let acme = |did: &str| did == seed::ACME_KEY;
    let accounts = world.accounts.values().filter(|a| acme(&a.distributor_id)).count();
    let account_ids: std::collections::HashSet<&str> = world
        .accounts
        .values()
        .filter(|a| acme(&a.distributor_id))
        .map(|a| a.id.as_str())
        .collect();
    let subscribers = world
        .subscribers
        .values()
        .filter(|s| account_ids.contains(s.account_id.as_str()))
        .count();
    let numbers = world
        .numbers
        .values()
        .filter(|n| account_ids.contains(n.account_id.as_str()))
        .count();
    println!(
        "Read model at scale: Acme Mobile with {accounts} Accounts, {subscribers} subscribers, {numbers} numbers \
         (seeded in {:.1} s)",
        started.elapsed().as_secs_f64()
    );

    let before = journal_len(sandbox);
    let started = Instant::now();
    let full = run(&portal.state, seed::ACME_KEY, Kind::Full).await.unwrap().unwrap();
    let full_time = started.elapsed();
    let full_calls = journal_len(sandbox) - before;
    let before = journal_len(sandbox);
    let started = Instant::now();
    let usage = run(&portal.state, seed::ACME_KEY, Kind::Usage).await.unwrap().unwrap();
    let usage_time = started.elapsed();
    let usage_calls = journal_len(sandbox) - before;
    // The budget: 50 a minute, of which the background may use all but a fifth.
    let background_per_minute = 50.0 - 10.0;
    println!(
        "{:<12} {:>14} {:>16} {:>10} {:>12} {:>32}",
        "sweep", "upstream calls", "of them tokens", "rows", "time", "minutes of background share"
    );
    for (kind, calls, report, time) in [
        ("full", full_calls, &full, full_time),
        ("usage", usage_calls, &usage, usage_time),
    ] {
        println!(
            "{:<12} {:>14} {:>16} {:>10} {:>10.1} s {:>32.1}",
            kind,
            calls,
            calls - report.calls as usize,
            report.accounts + report.subscribers + report.numbers,
            time.as_secs_f64(),
            calls as f64 / background_per_minute
        );
    }

    let cookie = sign_in(&portal.router).await;
    let before = journal_len(sandbox);
    let started = Instant::now();
    let mut bytes = 0;
    for (endpoint, form) in SESSION {
        let (status, len) = call(&portal.router, &cookie, endpoint, form).await;
        assert_eq!(status, 200, "{endpoint} {form}");
        bytes += len;
    }
    let session_time = started.elapsed();
    let through_model = journal_len(sandbox) - before;
    let direct = direct_session(&format!("http://{addr}")).await;
    println!(
        "Scripted staff session of {} reads (home, 5 account lists, 3 subscriber lists, 3 searches):",
        SESSION.len()
    );
    println!(
        "  through the read model: {through_model} upstream calls ({:.0} ms in all, {} KB of answers)",
        session_time.as_secs_f64() * 1000.0,
        bytes / 1024
    );
    println!("  direct API calls (the portal's cached client, no read model): {direct} upstream calls");
}
