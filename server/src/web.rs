//! Middleware around every request: who is calling (from the session),
//! sign-in redirects for pages, refusal of cross-site writes, security
//! headers; and the audit log's CSV export.

use std::net::SocketAddr;
use std::sync::Arc;

use axum::extract::{ConnectInfo, Query, Request, State};
use axum::http::header::{self, HeaderValue};
use axum::http::{Method, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Redirect, Response};
use axum::Extension;
use telegent_app::audit::model::AuditFilter;
use telegent_app::audit::service as audit;
use telegent_app::components::typed::{self, TypedBack};
use telegent_app::error::AppError;
use telegent_app::policy::Action;
use telegent_app::session::service::home_of;
use telegent_app::ssr::caller::{self as auth, CallerSlot, ClientAddress};
use telegent_app::ssr::AppState;
use tower_sessions::Session;

/// Where a request id sent by the client is kept: logged as the client's,
/// never taken as the request id (which the server always makes itself).
pub const CLIENT_REQUEST_ID: &str = "x-client-request-id";

/// Moves a client-sent `X-Request-Id` aside (to [`CLIENT_REQUEST_ID`]), so
/// the id that reaches the audit log and the response is the server's.
pub async fn set_aside_client_request_id(mut request: Request) -> Request {
    // Only what this function checked may sit under that name.
    request.headers_mut().remove(CLIENT_REQUEST_ID);
    if let Some(sent) = request.headers_mut().remove("x-request-id") {
        // Only printable text of a sane length is worth keeping for the log.
        let keep = sent
            .to_str()
            .ok()
            .filter(|v| v.len() <= 128)
            .and_then(|v| HeaderValue::from_str(v).ok());
        if let Some(value) = keep {
            request.headers_mut().insert(CLIENT_REQUEST_ID, value);
        }
    }
    request
}

/// Paths anyone may load without signing in (a forgotten password is
/// reset by people who cannot sign in).
fn is_public(path: &str) -> bool {
    matches!(
        path,
        "/login" | "/password/forgot" | "/password/reset" | "/healthz" | "/readyz"
    ) || path.starts_with("/pkg/")
}

/// A page (HTML) rather than a server function, a static file or an export.
fn is_page(path: &str) -> bool {
    !path.starts_with("/api/") && !path.rsplit('/').next().unwrap_or("").contains('.')
}

/// Resolves the caller once per request and hands it on in the request's
/// extensions; sends signed-out visitors of a page to the sign-in form (and
/// back afterwards), and people with a temporary password to change it.
pub async fn resolve_caller(
    State(state): State<AppState>,
    session: Session,
    mut request: Request,
    next: Next,
) -> Response {
    let request_id = request
        .headers()
        .get("x-request-id")
        .and_then(|v| v.to_str().ok())
        .map(str::to_string);
    let address = client_address(&request, state.auth.trust_forwarded_for);
    request.extensions_mut().insert(ClientAddress(address.clone()));
    let caller = auth::resolve(&state, &session, request_id, address).await.map(Arc::new);
    let path = request.uri().path().to_string();
    if request.method() == Method::GET && is_page(&path) {
        match &caller {
            None if !is_public(&path) => {
                let wanted = request
                    .uri()
                    .path_and_query()
                    .map(|p| p.as_str().to_string())
                    .unwrap_or_else(|| "/".into());
                let next_param: String = form_urlencoded::byte_serialize(wanted.as_bytes()).collect();
                let target = if wanted == "/" {
                    "/login".to_string()
                } else {
                    format!("/login?next={next_param}")
                };
                return Redirect::to(&target).into_response();
            }
            Some(caller) if path == "/login" => return Redirect::to(&home_of(caller)).into_response(),
            Some(caller) if caller.must_change_password && path != "/password" => {
                return Redirect::to("/password").into_response()
            }
            Some(caller) if path == "/" && home_of(caller) != "/" => {
                return Redirect::to(&home_of(caller)).into_response()
            }
            _ => {}
        }
    }
    request.extensions_mut().insert(CallerSlot(caller));
    // The page a refused plain form post came back to gets what was typed
    // (kept by `server_fn_status`), once.
    if request.method() == Method::GET && request.uri().query().is_some_and(|q| q.contains("__err=")) {
        if let Ok(Some(typed)) = session.remove::<TypedBack>(typed::SESSION_KEY).await {
            request.extensions_mut().insert(typed);
        }
    }
    next.run(request).await
}

/// The client's address: the last `X-Forwarded-For` entry when a trusted
/// proxy adds it, the TCP peer otherwise.
fn client_address(request: &Request, trust_forwarded_for: bool) -> Option<String> {
    if trust_forwarded_for {
        let forwarded = request
            .headers()
            .get_all("x-forwarded-for")
            .iter()
            .filter_map(|v| v.to_str().ok())
            .flat_map(|v| v.split(','))
            .map(str::trim)
            .rfind(|v| !v.is_empty());
        if let Some(address) = forwarded {
            return Some(address.to_string());
        }
    }
    request
        .extensions()
        .get::<ConnectInfo<SocketAddr>>()
        .map(|info| info.0.ip().to_string())
}

/// Refuses state-changing requests that a browser says come from another
/// site (`Sec-Fetch-Site`), or whose `Origin` is not this host.
pub async fn refuse_cross_site(request: Request, next: Next) -> Response {
    if matches!(*request.method(), Method::GET | Method::HEAD | Method::OPTIONS) {
        return next.run(request).await;
    }
    let headers = request.headers();
    let fetch_site = headers.get("sec-fetch-site").and_then(|v| v.to_str().ok());
    let cross_site_fetch = fetch_site.is_some_and(|site| site != "same-origin" && site != "none");
    let host = headers.get(header::HOST).and_then(|v| v.to_str().ok());
    let foreign_origin = headers
        .get(header::ORIGIN)
        .map(|origin| {
            let origin = origin.to_str().unwrap_or("null");
            let authority = origin
                .strip_prefix("https://")
                .or_else(|| origin.strip_prefix("http://"));
            authority.is_none() || authority != host
        })
        .unwrap_or(false);
    if cross_site_fetch || foreign_origin {
        tracing::warn!(
            origin = ?request.headers().get(header::ORIGIN),
            fetch_site = ?fetch_site,
            path = %request.uri().path(),
            "refused a cross-site request"
        );
        return (
            StatusCode::FORBIDDEN,
            "This request came from another site and was refused. Use the portal's own forms.",
        )
            .into_response();
    }
    next.run(request).await
}

/// The largest error body a server function sends (an `AppError` as JSON).
const ERROR_BODY_LIMIT: usize = 64 * 1024;

/// The largest request a server function takes (forms; a bulk upload later).
const REQUEST_BODY_LIMIT: usize = 2 * 1024 * 1024;

/// Form fields that name what a request is about, for the audit row of a
/// refused ID.
const ID_FIELDS: &[&str] = &[
    "account_id",
    "distributor_id",
    "subscriber_id",
    "guardian_id",
    "user_id",
    "msisdn",
    "line",
    "numbers[]",
];

/// The IDs a server-function form names (`field=value`), at most eight.
fn asked_ids(form: &[u8]) -> Vec<String> {
    form_urlencoded::parse(form)
        .filter(|(key, value)| ID_FIELDS.contains(&key.as_ref()) && !value.is_empty())
        .map(|(key, value)| format!("{key}={}", value.chars().take(80).collect::<String>()))
        .take(8)
        .collect()
}

/// Gives every server function's refusal its HTTP status, in one place:
/// server functions return an `AppError`, which leptos answers as a 500
/// with the error as JSON; here that 500 becomes the error's own status
/// (404 for a missing or foreign ID, 403, 401, 422, 502), so an expected
/// failure can never reach the browser as a 500. Plain HTML form posts are
/// not touched: leptos answers those with a redirect back to the form.
pub async fn server_fn_status(State(state): State<AppState>, request: Request, next: Next) -> Response {
    let path = request.uri().path().to_string();
    let Some(endpoint) = path.strip_prefix("/api/").map(str::to_string) else {
        return next.run(request).await;
    };
    let (parts, body) = request.into_parts();
    let Ok(form) = axum::body::to_bytes(body, REQUEST_BODY_LIMIT).await else {
        return (StatusCode::PAYLOAD_TOO_LARGE, "That request is too large.").into_response();
    };
    let caller = parts.extensions.get::<CallerSlot>().and_then(|slot| slot.0.clone());
    let session = parts.extensions.get::<Session>().cloned();
    let asked = asked_ids(&form);
    let response = next
        .run(Request::from_parts(parts, axum::body::Body::from(form.clone())))
        .await;
    if response.status().is_redirection() {
        // A plain form post the server refused goes back to its form with
        // `__err`: keep what was typed for that page (secrets left out).
        let refused = response
            .headers()
            .get(header::LOCATION)
            .and_then(|l| l.to_str().ok())
            .is_some_and(|l| l.contains("__err="));
        if let (true, Some(session)) = (refused, session) {
            let posted = form_urlencoded::parse(&form).map(|(n, v)| (n.into_owned(), v.into_owned()));
            let _ = session.insert(typed::SESSION_KEY, TypedBack::new(&path, posted)).await;
        }
        return response;
    }
    if response.status() != StatusCode::INTERNAL_SERVER_ERROR {
        return response;
    }
    let (mut parts, body) = response.into_parts();
    let Ok(bytes) = axum::body::to_bytes(body, ERROR_BODY_LIMIT).await else {
        return (StatusCode::INTERNAL_SERVER_ERROR, "The answer could not be read.").into_response();
    };
    if let Ok(error) = serde_json::from_slice::<AppError>(&bytes) {
        parts.status = error.status();
        if let (AppError::NotFound, Some(caller)) = (&error, &caller) {
            telegent_app::ssr::context::record_not_found(&state, caller, &endpoint, &asked).await;
        }
    }
    Response::from_parts(parts, axum::body::Body::from(bytes))
}

/// Whether an asset's file name carries a content hash, as cargo-leptos's
/// `hash-files` writes them: `telegent-portal.<hash>.wasm`.
pub fn is_hashed_asset(path: &str) -> bool {
    let name = path.rsplit('/').next().unwrap_or_default();
    let parts: Vec<&str> = name.split('.').collect();
    parts.len() >= 3
        && parts[1..parts.len() - 1].iter().any(|part| {
            part.len() >= 8
                && part
                    .bytes()
                    .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
        })
}

/// For responses that set no policy of their own (pages set one with their
/// script nonce): no scripts at all beyond this site's files.
pub const DEFAULT_CSP: &str = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; \
     connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'; object-src 'none'";

/// Security headers on every response, errors and 404s included.
pub async fn security_headers(State(https): State<bool>, request: Request, next: Next) -> Response {
    let asset = request.uri().path().starts_with("/pkg/");
    let immutable = asset && is_hashed_asset(request.uri().path());
    let mut response = next.run(request).await;
    let found = response.status().is_success();
    let headers = response.headers_mut();
    headers
        .entry(header::CONTENT_SECURITY_POLICY)
        .or_insert(HeaderValue::from_static(DEFAULT_CSP));
    headers.insert(header::X_CONTENT_TYPE_OPTIONS, HeaderValue::from_static("nosniff"));
    headers.insert(header::X_FRAME_OPTIONS, HeaderValue::from_static("DENY"));
    // Same-origin requests keep their Referer, which the no-JavaScript form
    // posts need to come back to their page; other sites learn nothing.
    headers.insert(header::REFERRER_POLICY, HeaderValue::from_static("same-origin"));
    headers.insert("cross-origin-opener-policy", HeaderValue::from_static("same-origin"));
    let cache = if immutable && found {
        // The name changes with the content: keep it as long as you like.
        "public, max-age=31536000, immutable"
    } else if asset {
        // A development build's unhashed names: ask each time.
        "no-cache"
    } else {
        // Pages hold one person's data: not for shared caches or the back button after sign-out.
        "no-store"
    };
    headers.insert(header::CACHE_CONTROL, HeaderValue::from_static(cache));
    if asset {
        // The same name is served as .br, .gz or plain: caches must keep them apart.
        headers.insert(header::VARY, HeaderValue::from_static("accept-encoding"));
    }
    if https {
        headers.insert(
            header::STRICT_TRANSPORT_SECURITY,
            HeaderValue::from_static("max-age=63072000; includeSubDomains"),
        );
    }
    response
}

/// The audit log in the caller's scope as CSV, with the page's filters.
pub async fn audit_csv(
    State(state): State<AppState>,
    Extension(slot): Extension<CallerSlot>,
    Query(filter): Query<AuditFilter>,
) -> Response {
    let Some(caller) = slot.0 else {
        return (StatusCode::UNAUTHORIZED, "Sign in to export the audit log.").into_response();
    };
    if caller.must_change_password || !caller.allows(Action::ViewAudit) {
        return (StatusCode::FORBIDDEN, "Your role doesn't include the audit log.").into_response();
    }
    match audit::search(&state.pool, &caller, &filter, 1, None).await {
        Ok(page) => {
            let filename = format!("audit-{}.csv", chrono::Utc::now().format("%Y%m%d"));
            (
                [
                    (header::CONTENT_TYPE, "text/csv; charset=utf-8".to_string()),
                    (
                        header::CONTENT_DISPOSITION,
                        format!("attachment; filename=\"{filename}\""),
                    ),
                ],
                audit::to_csv(&page.rows),
            )
                .into_response()
        }
        Err(error) => {
            tracing::error!(%error, "audit export");
            (StatusCode::INTERNAL_SERVER_ERROR, "The export failed; try again.").into_response()
        }
    }
}
