//! HTTP handlers: the Telegent operations (the `/_sandbox` admin endpoints
//! are in `admin.rs`).

use axum::body::{Body, Bytes};
use axum::extract::{Request, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode, Uri};
use axum::middleware::{self, Next};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post, MethodRouter};
use axum::{Json, Router};
use serde_json::{json, Value};

use crate::spec::{self, Operation};
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
    /// 422: a business rule (duplicate filter, route in use…).
    pub fn unprocessable(message: impl Into<String>) -> Self {
        Self::new(StatusCode::UNPROCESSABLE_ENTITY, message)
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

/// Everything a handler needs about one request.
pub struct Ctx<'a> {
    pub sandbox: &'a Sandbox,
    pub caller: &'a Caller,
    pub op: &'static Operation,
    /// The JSON body (POST) or the query as an object of strings (GET).
    pub input: &'a Value,
}

impl Ctx<'_> {
    pub fn distributor_id(&self) -> Result<&str, ApiError> {
        self.caller.distributor_id()
    }

    /// The Account a request names with `AccountId`, checked to be the caller's.
    pub fn account_scope(&self) -> Result<Option<String>, ApiError> {
        let Some(id) = crate::validate::get(self.input, "AccountId")
            .and_then(Value::as_str)
            .filter(|s| !s.is_empty())
        else {
            return Ok(None);
        };
        let did = self.distributor_id()?;
        match self.sandbox.snapshot().account_in(did, id) {
            Some(_) => Ok(Some(id.to_string())),
            None => Err(ApiError::not_found("Account")),
        }
    }

    pub fn str_field(&self, name: &str) -> Option<String> {
        string_field(self.input, name)
    }
}

type Handler = fn(&Ctx<'_>) -> Result<Value, ApiError>;

/// Operations with their own stateful handler (the rest are generic collections).
fn bespoke(key: &str) -> Option<Handler> {
    Some(match key {
        "GET /v1.0/distributor" => distributor_details,
        "GET /v1.0/distributor/accounts" => distributor_accounts,
        "GET /v1.0/distributor/subscribers" => distributor_subscribers,
        "POST /v1.0/distributor/create" => distributor_create,
        "POST /v1.0/distributor/update" => distributor_update,
        "GET /v1.0/account" => account_details,
        "POST /v1.0/account/create" => account_create,
        "POST /v1.0/account/update" => account_update,
        _ => return crate::ops::handler(key),
    })
}

/// How the sandbox answers an operation: for the coverage table.
pub fn implementation(key: &str) -> &'static str {
    if key.ends_with("/tokens") {
        "token"
    } else if bespoke(key).is_some() {
        "stateful"
    } else if crate::collections::route(key).is_some() {
        "collection"
    } else {
        "missing"
    }
}

pub fn router(sandbox: Sandbox) -> Router {
    let mut by_path: std::collections::BTreeMap<&str, MethodRouter<Sandbox>> = std::collections::BTreeMap::new();
    for op in spec::operations() {
        let handler = move |State(s): State<Sandbox>, headers: HeaderMap, uri: Uri, body: Bytes| async move {
            answer_with_faults(&s, op, &headers, &uri, &body).await
        };
        let entry = by_path.remove(op.path.as_str()).unwrap_or_default();
        let entry = if op.method == "GET" {
            entry.get(handler)
        } else {
            entry.post(handler)
        };
        by_path.insert(op.path.as_str(), entry);
    }
    let mut api = Router::new();
    for (path, methods) in by_path {
        api = api.route(path, methods);
    }
    // The live API accepts the token path in lower case too.
    let token_op = spec::find("POST", "/v1.0/OAuth2/tokens").expect("token operation");
    api = api.route(
        "/v1.0/oauth2/tokens",
        post(
            move |State(s): State<Sandbox>, headers: HeaderMap, uri: Uri, body: Bytes| async move {
                answer(&s, token_op, &headers, &uri, &body)
            },
        ),
    );
    let api = api.layer(middleware::from_fn_with_state(sandbox.clone(), journal_and_rate_limit));
    let mut api = api.route("/_sandbox/health", get(|| async { "ok" }));
    if sandbox.inner.cfg.admin_endpoints {
        api = api.merge(crate::admin::router().layer(middleware::from_fn(crate::admin::refuse_cross_site)));
    }
    api.fallback(|| async { ApiError::new(StatusCode::NOT_FOUND, "No such endpoint.") })
        .with_state(sandbox)
}

/// Applies an injected fault (header or rule) around [`answer`]: latency
/// first; then either fail before doing anything, or do it and then fail.
async fn answer_with_faults(
    sandbox: &Sandbox,
    op: &'static Operation,
    headers: &HeaderMap,
    uri: &Uri,
    body: &Bytes,
) -> Response {
    let from_header = headers
        .get("x-sandbox-fault")
        .and_then(|v| v.to_str().ok())
        .and_then(crate::faults::parse_header);
    let fault = from_header.or_else(|| sandbox.take_fault(&op.method, uri.path()));
    let Some(fault) = fault else {
        return answer(sandbox, op, headers, uri, body);
    };
    if !fault.latency.is_zero() {
        tokio::time::sleep(fault.latency).await;
    }
    if !fault.fails() {
        return answer(sandbox, op, headers, uri, body);
    }
    if fault.after_effect {
        let _done = answer(sandbox, op, headers, uri, body);
    }
    if fault.drop_connection {
        // The status line goes out, then the body breaks: the client sees the
        // connection fail mid-answer and cannot know whether it worked.
        let broken = futures_util::stream::once(async {
            Err::<Bytes, std::io::Error>(std::io::Error::new(
                std::io::ErrorKind::ConnectionReset,
                "sandbox fault",
            ))
        });
        return Response::new(Body::from_stream(broken));
    }
    let status = StatusCode::from_u16(fault.status.unwrap_or(500)).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
    let mut error = ApiError::new(status, "Injected fault: the service failed to process the request.");
    if status == StatusCode::TOO_MANY_REQUESTS || status == StatusCode::SERVICE_UNAVAILABLE {
        error.retry_after = Some(1);
    }
    error.into_response()
}

/// One request: authenticate, read and validate the input, dispatch.
fn answer(sandbox: &Sandbox, op: &'static Operation, headers: &HeaderMap, uri: &Uri, body: &Bytes) -> Response {
    let input = match read_input(op, uri, body) {
        Ok(v) => v,
        Err(e) => return e.into_response(),
    };
    if op.path.eq_ignore_ascii_case("/v1.0/OAuth2/tokens") {
        return token(sandbox, &input).map(Json).into_response();
    }
    let result = authorize(sandbox, headers, &op.path).and_then(|caller| {
        crate::validate::validate(op, &input).map_err(|e| ApiError::bad_request(e.0))?;
        let ctx = Ctx {
            sandbox,
            caller: &caller,
            op,
            input: &input,
        };
        let key = op.key();
        if let Some(handler) = bespoke(&key) {
            handler(&ctx)
        } else if let Some((collection, action)) = crate::collections::route(&key) {
            crate::collections::handle(&ctx, collection, action)
        } else {
            // Every operation has a handler (the coverage test checks it); this
            // only answers if the reference grows without the sandbox.
            Err(ApiError::new(
                StatusCode::NOT_IMPLEMENTED,
                "This operation is not modelled by the sandbox.",
            ))
        }
    });
    result.map(Json).into_response()
}

fn read_input(op: &Operation, uri: &Uri, body: &Bytes) -> Result<Value, ApiError> {
    if op.method == "GET" {
        let query = uri.query().unwrap_or("").as_bytes();
        let pairs = form_urlencoded::parse(query).map(|(k, v)| (k.into_owned(), Value::String(v.into_owned())));
        return Ok(Value::Object(pairs.collect()));
    }
    let mut input = if body.iter().all(u8::is_ascii_whitespace) {
        json!({})
    } else {
        serde_json::from_slice(body).map_err(|_| ApiError::bad_request("The request body is not valid JSON."))?
    };
    // Some POSTs document a query parameter (`workgroups/delete?WorkgroupId=`):
    // it counts as a body field unless the body has one of that name.
    if let Some(map) = input.as_object_mut() {
        let query = uri.query().unwrap_or("").as_bytes();
        for (k, v) in form_urlencoded::parse(query) {
            if !map.keys().any(|existing| existing.eq_ignore_ascii_case(&k)) {
                map.insert(k.into_owned(), Value::String(v.into_owned()));
            }
        }
    }
    Ok(input)
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

/// A body field with either spelling.
pub fn field<'a>(body: &'a Value, name: &str) -> Option<&'a Value> {
    body.as_object()?
        .iter()
        .find(|(k, _)| k.eq_ignore_ascii_case(name))
        .map(|(_, v)| v)
}

pub fn string_field(body: &Value, name: &str) -> Option<String> {
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

/// The addresses an update request carries; absent ones stay as they are.
struct AddressChanges {
    billing: Option<Address>,
    mailing: Option<Address>,
}

impl AddressChanges {
    fn from(input: &Value) -> Self {
        let read = |name| field(input, name).map(|_| address_from(input, name));
        AddressChanges {
            billing: read("BillingAddress"),
            mailing: read("MailingAddress"),
        }
    }

    fn apply(self, billing: &mut Address, mailing: &mut Address) {
        if let Some(b) = self.billing {
            *billing = b;
        }
        if let Some(m) = self.mailing {
            *mailing = m;
        }
    }
}

pub fn address_from(body: &Value, name: &str) -> Address {
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

fn token(sandbox: &Sandbox, body: &Value) -> Result<Value, ApiError> {
    let key = string_field(body, "AccountKey").ok_or_else(|| ApiError::required("AccountKey"))?;
    let secret = string_field(body, "AccountSecret").ok_or_else(|| ApiError::required("AccountSecret"))?;
    let endpoint = string_field(body, "ApiEndpoint").ok_or_else(|| ApiError::required("ApiEndpoint"))?;
    let path =
        endpoint_path(&endpoint).ok_or_else(|| ApiError::bad_request("The ApiEndpoint field is not a valid URL."))?;
    match known_credential(sandbox, &key) {
        Some(expected) if expected == secret => {}
        _ => return Err(ApiError::unauthorized("Invalid AccountKey or AccountSecret.")),
    }
    let (token, _) = sandbox.issue_token(&key, &path);
    let expiry = chrono::Utc::now() + chrono::Duration::from_std(sandbox.token_lifetime()).unwrap_or_default();
    Ok(json!({
        "token": token,
        "successful": true,
        "tokenExpiry": expiry.format("%m/%d/%Y %I:%M:%S %p").to_string(),
    }))
}

/// `https://host/v1.0/x?y` → `/v1.0/x`.
fn endpoint_path(endpoint: &str) -> Option<String> {
    let after_scheme = endpoint.split_once("://").map(|(_, rest)| rest)?;
    let path = after_scheme.find('/').map(|i| &after_scheme[i..])?;
    let path = path.split(['?', '#']).next().unwrap_or(path);
    path.starts_with("/v1.0/").then(|| path.to_string())
}

// ----- Distributors -----------------------------------------------------------

/// A Distributor as the reference documents it, its credential's secret
/// included: only its own credential or the platform's can read it.
fn distributor_json(world: &crate::World, d: &crate::world::Distributor) -> Value {
    json!({
        "DistributorId": d.id,
        "DistributorName": d.name,
        "AccountKey": d.id,
        "Secret": d.secret,
        "TotalAccounts": world.accounts_of(&d.id).count(),
        "BillingAddress": address_json(&d.billing),
        "MailingAddress": address_json(&d.mailing),
    })
}

fn distributor_details(ctx: &Ctx<'_>) -> Result<Value, ApiError> {
    let id = ctx
        .str_field("DistributorId")
        .ok_or_else(|| ApiError::required("DistributorId"))?;
    if let Caller::Distributor(own) = ctx.caller {
        if *own != id {
            return Err(ApiError::not_found("Distributor"));
        }
    }
    let world = ctx.sandbox.snapshot();
    let d = world
        .distributors
        .get(&id)
        .ok_or_else(|| ApiError::not_found("Distributor"))?;
    Ok(distributor_json(&world, d))
}

/// Only the platform (Aggregator) credential creates Distributors. The new
/// Distributor's secret is returned once, as the live API does.
fn distributor_create(ctx: &Ctx<'_>) -> Result<Value, ApiError> {
    if !matches!(ctx.caller, Caller::Aggregator) {
        return Err(ApiError::new(
            StatusCode::FORBIDDEN,
            "Only the platform credential may create distributors.",
        ));
    }
    let name = ctx
        .str_field("DistributorName")
        .ok_or_else(|| ApiError::required("DistributorName"))?;
    let billing = address_from(ctx.input, "BillingAddress");
    let mailing = address_from(ctx.input, "MailingAddress");
    let (d, secret) = ctx.sandbox.mutate(|w| {
        let id = w.new_id("DID");
        let secret = w.new_id("SEC").trim_start_matches("SEC-").replace('-', "");
        let d = crate::world::Distributor {
            id: id.clone(),
            name,
            secret: secret.clone(),
            billing,
            mailing,
        };
        w.distributors.insert(id, d.clone());
        (d, secret)
    });
    let mut out = distributor_json(&ctx.sandbox.snapshot(), &d);
    debug_assert_eq!(out["Secret"], json!(secret));
    out["Message"] = json!("Distributor created successfully.");
    Ok(out)
}

fn distributor_update(ctx: &Ctx<'_>) -> Result<Value, ApiError> {
    let id = ctx
        .str_field("DistributorId")
        .ok_or_else(|| ApiError::required("DistributorId"))?;
    if let Caller::Distributor(own) = ctx.caller {
        if *own != id {
            return Err(ApiError::not_found("Distributor"));
        }
    }
    let name = ctx.str_field("DistributorName");
    let changes = AddressChanges::from(ctx.input);
    let d = ctx.sandbox.mutate(|w| {
        let d = w
            .distributors
            .get_mut(&id)
            .ok_or_else(|| ApiError::not_found("Distributor"))?;
        if let Some(name) = name {
            d.name = name;
        }
        changes.apply(&mut d.billing, &mut d.mailing);
        Ok::<_, ApiError>(d.clone())
    })?;
    let mut out = distributor_json(&ctx.sandbox.snapshot(), &d);
    out["Message"] = json!("Distributor updated successfully.");
    Ok(out)
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

/// The reference documents one object; the API returns a list.
fn distributor_accounts(ctx: &Ctx<'_>) -> Result<Value, ApiError> {
    let did = ctx.distributor_id()?;
    let world = ctx.sandbox.snapshot();
    Ok(Value::Array(
        world.accounts_of(did).map(|a| account_json(&world, a)).collect(),
    ))
}

fn distributor_subscribers(ctx: &Ctx<'_>) -> Result<Value, ApiError> {
    let did = ctx.distributor_id()?;
    let page = parse_positive(ctx.str_field("PageNumber").as_deref(), "PageNumber", 1)?;
    let per_page = parse_positive(ctx.str_field("TotalPerPage").as_deref(), "TotalPerPage", 10)?;
    let world = ctx.sandbox.snapshot();
    let all: Vec<_> = world
        .subscribers
        .values()
        .filter(|s| world.account_in(did, &s.account_id).is_some())
        .collect();
    let shown: Vec<_> = all.iter().skip((page - 1) * per_page).take(per_page).collect();
    let ids: std::collections::HashSet<&str> = shown.iter().map(|s| s.id.as_str()).collect();
    let mut subscriptions = crate::collections::subscriptions_by_subscriber(&world, did, &ids);
    let rows: Vec<Value> = shown
        .iter()
        .map(|s| {
            let mut row = crate::ops::subscriber_json(&world, s);
            row["Subscriptions"] = json!(subscriptions.remove(&s.id).unwrap_or_default());
            row
        })
        .collect();
    Ok(json!({ "PageNumber": page, "TotalSubscribers": all.len(), "Subscribers": rows }))
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

fn account_details(ctx: &Ctx<'_>) -> Result<Value, ApiError> {
    let did = ctx.distributor_id()?;
    let id = ctx
        .str_field("AccountId")
        .ok_or_else(|| ApiError::required("AccountId"))?;
    let world = ctx.sandbox.snapshot();
    let account = world
        .account_in(did, &id)
        .ok_or_else(|| ApiError::not_found("Account"))?;
    Ok(account_json(&world, account))
}

fn account_create(ctx: &Ctx<'_>) -> Result<Value, ApiError> {
    let did = ctx.distributor_id()?.to_string();
    let name = ctx
        .str_field("AccountName")
        .ok_or_else(|| ApiError::required("AccountName"))?;
    let billing = address_from(ctx.input, "BillingAddress");
    let mailing = address_from(ctx.input, "MailingAddress");
    let account = ctx.sandbox.mutate(|w| {
        let id = w.new_id("AID");
        let account = Account {
            id: id.clone(),
            distributor_id: did,
            name,
            billing,
            mailing,
            created_seq: w.id_counter,
        };
        w.accounts.insert(id, account.clone());
        account
    });
    let mut value = account_json(&ctx.sandbox.snapshot(), &account);
    value["Message"] = json!("Account created successfully.");
    Ok(value)
}

fn account_update(ctx: &Ctx<'_>) -> Result<Value, ApiError> {
    let did = ctx.distributor_id()?.to_string();
    // The reference's request has no AccountId: the one rule says which.
    let id = crate::accounts::owning_account(ctx)?;
    let name = ctx.str_field("AccountName");
    let changes = AddressChanges::from(ctx.input);
    let account = ctx.sandbox.mutate(|w| {
        let a = w
            .accounts
            .get_mut(&id)
            .filter(|a| a.distributor_id == did)
            .ok_or_else(|| ApiError::not_found("Account"))?;
        if let Some(name) = name {
            a.name = name;
        }
        changes.apply(&mut a.billing, &mut a.mailing);
        Ok::<_, ApiError>(a.clone())
    })?;
    let mut value = account_json(&ctx.sandbox.snapshot(), &account);
    value["Message"] = json!("Account updated successfully.");
    Ok(value)
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
