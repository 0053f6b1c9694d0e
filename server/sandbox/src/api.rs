//! HTTP handlers: the Telegent operations and the `/_sandbox` admin endpoints.

use std::collections::HashMap;

use axum::body::Body;
use axum::extract::{Query, Request, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode};
use axum::middleware::{self, Next};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::{Json, Router};
use serde_json::{json, Value};

use crate::world::{Account, Address};
use crate::{seed, Sandbox};

/// An error the way the API answers: `{"StatusCode": N, "Message": "..."}`.
#[derive(Debug)]
pub struct ApiError {
    status: StatusCode,
    message: String,
    retry_after: Option<u64>,
}

impl ApiError {
    pub fn new(status: StatusCode, message: impl Into<String>) -> Self {
        Self {
            status,
            message: message.into(),
            retry_after: None,
        }
    }
    pub fn bad_request(message: impl Into<String>) -> Self {
        Self::new(StatusCode::BAD_REQUEST, message)
    }
    pub fn required(field: &str) -> Self {
        Self::bad_request(format!("The {field} field is required."))
    }
    /// The one answer for "missing" and "not yours".
    pub fn not_found(what: &str) -> Self {
        Self::new(StatusCode::NOT_FOUND, format!("{what} not found."))
    }
    fn unauthorized(message: impl Into<String>) -> Self {
        Self::new(StatusCode::UNAUTHORIZED, message)
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let body = Json(json!({ "StatusCode": self.status.as_u16(), "Message": self.message }));
        let mut response = (self.status, body).into_response();
        if let Some(seconds) = self.retry_after {
            response.headers_mut().insert("retry-after", HeaderValue::from(seconds));
        }
        response
    }
}

type ApiResult = Result<Json<Value>, ApiError>;

/// Who is calling, resolved from a valid, in-scope bearer token.
#[derive(Debug, Clone)]
pub enum Caller {
    Aggregator,
    Distributor(String),
}

impl Caller {
    fn distributor_id(&self) -> Result<&str, ApiError> {
        match self {
            Caller::Distributor(id) => Ok(id),
            Caller::Aggregator => Err(ApiError::new(
                StatusCode::FORBIDDEN,
                "This operation needs a Distributor credential.",
            )),
        }
    }
}

pub fn router(sandbox: Sandbox) -> Router {
    let api = Router::new()
        .route("/v1.0/OAuth2/tokens", post(token))
        .route("/v1.0/oauth2/tokens", post(token))
        .route("/v1.0/distributor", get(distributor_details))
        .route("/v1.0/distributor/accounts", get(distributor_accounts))
        .route("/v1.0/distributor/subscribers", get(distributor_subscribers))
        .route("/v1.0/account", get(account_details))
        .route("/v1.0/account/create", post(account_create))
        .layer(middleware::from_fn_with_state(sandbox.clone(), journal_and_rate_limit));
    let admin = Router::new()
        .route("/_sandbox/health", get(|| async { "ok" }))
        .route("/_sandbox/journal", get(admin_journal))
        .route("/_sandbox/reset", post(admin_reset))
        .route("/_sandbox/state", get(admin_state));
    api.merge(admin)
        .fallback(|| async { ApiError::new(StatusCode::NOT_FOUND, "No such endpoint.") })
        .with_state(sandbox)
}

/// Records every API request in the journal and applies the per-credential
/// rate limit (token calls included) before the handler runs.
async fn journal_and_rate_limit(State(sandbox): State<Sandbox>, request: Request, next: Next) -> Response {
    let method = request.method().to_string();
    let path = request.uri().path().to_string();
    let (request, credential) = credential_of(&sandbox, request).await;
    if let Some(key) = &credential {
        if let Err(retry_after) = sandbox.take_rate(key) {
            let mut error = ApiError::new(StatusCode::TOO_MANY_REQUESTS, "Rate limit exceeded. Retry later.");
            error.retry_after = Some(retry_after);
            sandbox.record(&method, &path, credential, 429);
            return error.into_response();
        }
    }
    let response = next.run(request).await;
    sandbox.record(&method, &path, credential, response.status().as_u16());
    response
}

/// The credential behind a request: the bearer token's, or for token calls the
/// `AccountKey` in the body (read and put back).
async fn credential_of(sandbox: &Sandbox, request: Request) -> (Request, Option<String>) {
    if let Some(token) = bearer(request.headers()) {
        let credential = sandbox.grant(&token).map(|g| g.credential);
        return (request, credential);
    }
    if !request.uri().path().to_ascii_lowercase().ends_with("/oauth2/tokens") {
        return (request, None);
    }
    let (parts, body) = request.into_parts();
    let bytes = axum::body::to_bytes(body, 1 << 20).await.unwrap_or_default();
    let credential = serde_json::from_slice::<Value>(&bytes)
        .ok()
        .and_then(|v| v.get("AccountKey").and_then(Value::as_str).map(str::to_string))
        .filter(|key| known_credential(sandbox, key).is_some());
    (Request::from_parts(parts, Body::from(bytes)), credential)
}

fn bearer(headers: &HeaderMap) -> Option<String> {
    let value = headers.get("authorization")?.to_str().ok()?;
    let token = value
        .strip_prefix("Bearer ")
        .or_else(|| value.strip_prefix("bearer "))?;
    Some(token.trim().to_string())
}

/// The secret of a known credential.
fn known_credential(sandbox: &Sandbox, key: &str) -> Option<String> {
    if key == seed::AGGREGATOR_KEY {
        return Some(seed::AGGREGATOR_SECRET.into());
    }
    sandbox.snapshot_distributor_secret(key)
}

/// Resolves the caller and checks the token is valid for this very endpoint.
fn authorize(sandbox: &Sandbox, headers: &HeaderMap, path: &str) -> Result<Caller, ApiError> {
    let token =
        bearer(headers).ok_or_else(|| ApiError::unauthorized("Authorization has been denied for this request."))?;
    let grant = sandbox
        .grant(&token)
        .ok_or_else(|| ApiError::unauthorized("Authorization has been denied for this request."))?;
    if grant.expires <= std::time::Instant::now() {
        return Err(ApiError::unauthorized("The token has expired. Request a new token."));
    }
    if grant.endpoint_path != path.to_ascii_lowercase() {
        return Err(ApiError::unauthorized(
            "The token is not valid for this endpoint; check the ApiEndpoint scope of the token.",
        ));
    }
    if grant.credential == seed::AGGREGATOR_KEY {
        Ok(Caller::Aggregator)
    } else {
        Ok(Caller::Distributor(grant.credential))
    }
}

/// Query parameters with case-insensitive names (`AccountId` and `AccountID` both occur).
fn param<'a>(query: &'a HashMap<String, String>, name: &str) -> Option<&'a str> {
    query
        .iter()
        .find(|(k, _)| k.eq_ignore_ascii_case(name))
        .map(|(_, v)| v.as_str())
        .filter(|v| !v.trim().is_empty())
}

/// A body field with either spelling.
fn field<'a>(body: &'a Value, name: &str) -> Option<&'a Value> {
    body.as_object()?
        .iter()
        .find(|(k, _)| k.eq_ignore_ascii_case(name))
        .map(|(_, v)| v)
}

fn string_field(body: &Value, name: &str) -> Option<String> {
    match field(body, name)? {
        Value::String(s) if !s.trim().is_empty() => Some(s.trim().to_string()),
        Value::Number(n) => Some(n.to_string()),
        _ => None,
    }
}

fn address_json(a: &Address) -> Value {
    json!({
        "Street1": a.street1, "Street2": a.street2, "City": a.city,
        "State": a.state, "Zip": a.zip, "Country": a.country,
    })
}

fn address_from(body: &Value, name: &str) -> Address {
    let Some(v) = field(body, name) else {
        return Address::default();
    };
    let s = |k: &str| string_field(v, k);
    Address {
        street1: s("Street1"),
        street2: s("Street2"),
        city: s("City"),
        state: s("State"),
        zip: s("Zip"),
        country: s("Country"),
    }
}

// ----- OAuth2 ---------------------------------------------------------------

async fn token(State(sandbox): State<Sandbox>, body: Option<Json<Value>>) -> ApiResult {
    let body = body.map(|Json(v)| v).unwrap_or(Value::Null);
    let key = string_field(&body, "AccountKey").ok_or_else(|| ApiError::required("AccountKey"))?;
    let secret = string_field(&body, "AccountSecret").ok_or_else(|| ApiError::required("AccountSecret"))?;
    let endpoint = string_field(&body, "ApiEndpoint").ok_or_else(|| ApiError::required("ApiEndpoint"))?;
    let path =
        endpoint_path(&endpoint).ok_or_else(|| ApiError::bad_request("The ApiEndpoint field is not a valid URL."))?;
    match known_credential(&sandbox, &key) {
        Some(expected) if expected == secret => {}
        _ => return Err(ApiError::unauthorized("Invalid AccountKey or AccountSecret.")),
    }
    let (token, _) = sandbox.issue_token(&key, &path);
    let expiry = chrono::Utc::now() + chrono::Duration::from_std(sandbox.token_lifetime()).unwrap_or_default();
    Ok(Json(json!({
        "token": token,
        "successful": true,
        "tokenExpiry": expiry.format("%m/%d/%Y %I:%M:%S %p").to_string(),
    })))
}

/// `https://host/v1.0/x?y` → `/v1.0/x`.
fn endpoint_path(endpoint: &str) -> Option<String> {
    let after_scheme = endpoint.split_once("://").map(|(_, rest)| rest)?;
    let path = after_scheme.find('/').map(|i| &after_scheme[i..])?;
    let path = path.split(['?', '#']).next().unwrap_or(path);
    path.starts_with("/v1.0/").then(|| path.to_string())
}

// ----- Distributors -----------------------------------------------------------

async fn distributor_details(
    State(sandbox): State<Sandbox>,
    headers: HeaderMap,
    Query(query): Query<HashMap<String, String>>,
) -> ApiResult {
    let caller = authorize(&sandbox, &headers, "/v1.0/distributor")?;
    let id = param(&query, "DistributorId").ok_or_else(|| ApiError::required("DistributorId"))?;
    if let Caller::Distributor(own) = &caller {
        if own != id {
            return Err(ApiError::not_found("Distributor"));
        }
    }
    let world = sandbox.snapshot();
    let d = world
        .distributors
        .get(id)
        .ok_or_else(|| ApiError::not_found("Distributor"))?;
    Ok(Json(json!({
        "DistributorId": d.id,
        "DistributorName": d.name,
        "AccountKey": d.id,
        "TotalAccounts": world.accounts_of(&d.id).count(),
        "BillingAddress": address_json(&d.billing),
        "MailingAddress": address_json(&d.mailing),
    })))
}

fn account_json(world: &crate::World, a: &Account) -> Value {
    json!({
        "AccountId": a.id,
        "AccountName": a.name,
        "TotalSubscribers": world.subscriber_count(&a.id),
        "BillingAddress": address_json(&a.billing),
        "MailingAddress": address_json(&a.mailing),
    })
}

async fn distributor_accounts(State(sandbox): State<Sandbox>, headers: HeaderMap) -> ApiResult {
    let caller = authorize(&sandbox, &headers, "/v1.0/distributor/accounts")?;
    let did = caller.distributor_id()?.to_string();
    let world = sandbox.snapshot();
    let accounts: Vec<Value> = world.accounts_of(&did).map(|a| account_json(&world, a)).collect();
    Ok(Json(Value::Array(accounts)))
}

async fn distributor_subscribers(
    State(sandbox): State<Sandbox>,
    headers: HeaderMap,
    Query(query): Query<HashMap<String, String>>,
) -> ApiResult {
    let caller = authorize(&sandbox, &headers, "/v1.0/distributor/subscribers")?;
    let did = caller.distributor_id()?.to_string();
    let page = parse_positive(param(&query, "PageNumber"), "PageNumber", 1)?;
    let per_page = parse_positive(param(&query, "TotalPerPage"), "TotalPerPage", 10)?;
    let world = sandbox.snapshot();
    let all: Vec<_> = world
        .subscribers
        .values()
        .filter(|s| world.account_in(&did, &s.account_id).is_some())
        .collect();
    let rows: Vec<Value> = all
        .iter()
        .skip((page - 1) * per_page)
        .take(per_page)
        .map(|s| {
            json!({
                "SubscriberId": s.id,
                "Name": s.name,
                "Email": s.email,
                "PhoneNumbers": s.phone_numbers,
                "Role": s.role,
                "Account": s.account_id,
                "Subscriptions": [],
            })
        })
        .collect();
    Ok(Json(
        json!({ "PageNumber": page, "TotalSubscribers": all.len(), "Subscribers": rows }),
    ))
}

fn parse_positive(value: Option<&str>, name: &str, default: usize) -> Result<usize, ApiError> {
    match value {
        None => Ok(default),
        Some(v) => match v.trim().parse::<usize>() {
            Ok(n) if n >= 1 => Ok(n),
            _ => Err(ApiError::bad_request(format!(
                "The {name} field must be a positive whole number."
            ))),
        },
    }
}

// ----- Accounts -----------------------------------------------------------------

async fn account_details(
    State(sandbox): State<Sandbox>,
    headers: HeaderMap,
    Query(query): Query<HashMap<String, String>>,
) -> ApiResult {
    let caller = authorize(&sandbox, &headers, "/v1.0/account")?;
    let did = caller.distributor_id()?.to_string();
    let id = param(&query, "AccountId").ok_or_else(|| ApiError::required("AccountId"))?;
    let world = sandbox.snapshot();
    let account = world
        .account_in(&did, id)
        .ok_or_else(|| ApiError::not_found("Account"))?;
    Ok(Json(account_json(&world, account)))
}

async fn account_create(State(sandbox): State<Sandbox>, headers: HeaderMap, body: Option<Json<Value>>) -> ApiResult {
    let caller = authorize(&sandbox, &headers, "/v1.0/account/create")?;
    let did = caller.distributor_id()?.to_string();
    let body = body.map(|Json(v)| v).unwrap_or(Value::Null);
    let name = string_field(&body, "AccountName").ok_or_else(|| ApiError::required("AccountName"))?;
    let billing = address_from(&body, "BillingAddress");
    let mailing = address_from(&body, "MailingAddress");
    let account = sandbox.mutate(|w| {
        let id = w.new_id("AID");
        let account = Account {
            id: id.clone(),
            distributor_id: did,
            name,
            billing,
            mailing,
        };
        w.accounts.insert(id, account.clone());
        account
    });
    let world = sandbox.snapshot();
    let mut value = account_json(&world, &account);
    value["Message"] = json!("Account created successfully.");
    Ok(Json(value))
}

// ----- admin --------------------------------------------------------------------

async fn admin_journal(State(sandbox): State<Sandbox>) -> Json<Value> {
    Json(json!(sandbox.journal()))
}

async fn admin_reset(State(sandbox): State<Sandbox>) -> Result<Json<Value>, ApiError> {
    sandbox
        .reset()
        .map_err(|e| ApiError::new(StatusCode::INTERNAL_SERVER_ERROR, format!("reset failed: {e}")))?;
    Ok(Json(json!({ "reset": true })))
}

async fn admin_state(State(sandbox): State<Sandbox>) -> Json<Value> {
    Json(json!(sandbox.snapshot()))
}

#[cfg(test)]
mod tests {
    use super::endpoint_path;

    #[test]
    fn token_scope_is_the_path_of_the_endpoint_url() {
        assert_eq!(
            endpoint_path("https://api.telegent.com/v1.0/numbers/provision").as_deref(),
            Some("/v1.0/numbers/provision")
        );
        assert_eq!(
            endpoint_path("http://127.0.0.1:9/v1.0/account?AccountId=1").as_deref(),
            Some("/v1.0/account")
        );
        assert_eq!(endpoint_path("/v1.0/account"), None);
        assert_eq!(endpoint_path("https://api.telegent.com/other"), None);
    }
}
