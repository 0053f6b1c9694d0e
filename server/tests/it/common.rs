//! Shared by the integration tests: a portal on the in-process sandbox and a
//! browser-like client that keeps its session cookie.
#![allow(dead_code)]

use axum::body::Body;
use axum::http::{HeaderMap, Request, StatusCode};
use axum::Router;
use leptos::prelude::LeptosOptions;
use telegent_app::ssr::demo::DEMO_PASSWORD;
use telegent_portal::{build_portal, Portal, PortalConfig};
use tower::ServiceExt;

pub const ACME_ADMIN: &str = "admin@acme.example";

pub async fn portal() -> Portal {
    portal_with(|_| {}).await
}

pub async fn portal_with(tune: impl FnOnce(&mut PortalConfig)) -> Portal {
    let options = LeptosOptions::builder().output_name("telegent-portal").build();
    let mut config = PortalConfig::for_tests();
    if let Ok(server) = std::env::var("PORTAL_TEST_POSTGRES_URL") {
        config.database_url = fresh_postgres_database(&server).await;
    }
    config.rate_limit_per_minute = 1000;
    config.user_share_per_minute = 1000;
    tune(&mut config);
    build_portal(config, options).await.expect("portal starts")
}

/// With `PORTAL_TEST_POSTGRES_URL` set (see `server/scripts/with-postgres`),
/// every test portal gets a new, empty PostgreSQL database on that server.
async fn fresh_postgres_database(server: &str) -> String {
    use sqlx::Connection;
    let name = format!("portal_test_{}", uuid::Uuid::new_v4().simple());
    let mut admin = sqlx::PgConnection::connect(server)
        .await
        .expect("the test PostgreSQL answers");
    // A file copy of the template: not written through the WAL (PostgreSQL
    // 15's default), which would cost the test server ~8 MB of WAL per portal.
    sqlx::query(&format!("CREATE DATABASE {name} STRATEGY = FILE_COPY"))
        .execute(&mut admin)
        .await
        .expect("creating a test database");
    // postgres://user@host/database?options: only the database changes.
    let (address, options) = server.split_once('?').unwrap_or((server, ""));
    let (base, _) = address.rsplit_once('/').expect("a URL naming a database");
    if options.is_empty() {
        format!("{base}/{name}")
    } else {
        format!("{base}/{name}?{options}")
    }
}

#[derive(Debug)]
pub struct Answer {
    pub status: StatusCode,
    pub headers: HeaderMap,
    pub body: String,
}

impl Answer {
    pub fn location(&self) -> Option<&str> {
        self.headers.get("location").and_then(|v| v.to_str().ok())
    }
}

/// A browser: sends its cookies, keeps the ones the portal sets.
#[derive(Clone)]
pub struct Browser {
    pub router: Router,
    pub cookie: Option<String>,
}

impl Browser {
    pub fn new(portal: &Portal) -> Self {
        Self {
            router: portal.router.clone(),
            cookie: None,
        }
    }

    /// A browser already signed in as `email` (a demo user).
    pub async fn signed_in(portal: &Portal, email: &str) -> Self {
        let mut browser = Self::new(portal);
        let answer = browser.sign_in(email, DEMO_PASSWORD).await;
        assert!(
            answer.status.is_redirection() || answer.status.is_success(),
            "sign-in as {email} failed: {answer:?}"
        );
        assert!(browser.cookie.is_some(), "no session cookie for {email}");
        browser
    }

    pub async fn send(&mut self, mut request: Request<Body>) -> Answer {
        if let Some(cookie) = &self.cookie {
            request.headers_mut().insert("cookie", cookie.parse().unwrap());
        }
        let response = self.router.clone().oneshot(request).await.unwrap();
        let status = response.status();
        let headers = response.headers().clone();
        // A small cookie jar: each cookie replaced by name, dropped when cleared.
        for set_cookie in headers.get_all("set-cookie") {
            let value = set_cookie.to_str().unwrap();
            let pair = value.split(';').next().unwrap().to_string();
            let name = pair.split('=').next().unwrap_or_default().to_string();
            let mut jar: Vec<String> = self
                .cookie
                .iter()
                .flat_map(|c| c.split("; "))
                .filter(|c| c.split('=').next() != Some(name.as_str()))
                .map(str::to_string)
                .collect();
            if !(value.to_lowercase().contains("max-age=0") || pair.ends_with('=')) {
                jar.push(pair);
            }
            self.cookie = (!jar.is_empty()).then(|| jar.join("; "));
        }
        let bytes = axum::body::to_bytes(response.into_body(), usize::MAX).await.unwrap();
        Answer {
            status,
            headers,
            body: String::from_utf8_lossy(&bytes).into_owned(),
        }
    }

    pub async fn get(&mut self, path: &str) -> Answer {
        self.send(Request::get(path).body(Body::empty()).unwrap()).await
    }

    /// Calls a server function the way the hydrated app does.
    pub async fn call(&mut self, endpoint: &str, form: &str) -> Answer {
        let request = Request::post(format!("/api/{endpoint}"))
            .header("content-type", "application/x-www-form-urlencoded")
            .header("accept", "application/json")
            .body(Body::from(form.to_string()))
            .unwrap();
        self.send(request).await
    }

    pub async fn sign_in(&mut self, email: &str, password: &str) -> Answer {
        let form = format!("email={}&password={}&next=", urlencode(email), urlencode(password));
        self.call("session/login", &form).await
    }
}

/// A demo Account's ID, by its name.
pub fn account_id(portal: &Portal, name: &str) -> String {
    let world = portal.sandbox.as_ref().unwrap().0.snapshot();
    world.accounts.values().find(|a| a.name == name).unwrap().id.clone()
}

/// A demo subscriber's ID (TSUID), by e-mail.
pub fn subscriber_id(portal: &Portal, email: &str) -> String {
    let world = portal.sandbox.as_ref().unwrap().0.snapshot();
    world
        .subscribers
        .values()
        .find(|s| s.email == email)
        .unwrap()
        .id
        .clone()
}

pub fn urlencode(value: &str) -> String {
    form_urlencoded::byte_serialize(value.as_bytes()).collect()
}
