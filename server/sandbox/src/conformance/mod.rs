//! The conformance suite, generated from the embedded reference: every
//! operation's documented example request (with this platform's IDs) must be
//! accepted, its answer must have the documented keys and JSON types and no
//! placeholder from the reference, and a refusal must carry the documented
//! error body. It runs against any base URL with credentials: the in-process
//! sandbox in `make test`, or `telegent-portal conformance --url …`.
//!
//! Operations run in three passes so each finds what it needs: creates first
//! (in the reference's order), then reads and changes, then deletes, the
//! deepest paths first (a package's items before the package).

mod compare;
mod fixtures;
mod http;
mod report;

use serde_json::json;

pub use http::Target;
pub use report::{Outcome, Report};

use crate::spec::{operations, Operation};
use fixtures::Fixtures;
use http::Caller;

/// Runs the suite with a Distributor credential (Distributor creation is then
/// expected to be refused; see [`run_target`] to give the platform's too).
pub async fn run(base_url: &str, key: &str, secret: &str) -> Report {
    run_target(Target {
        base_url: base_url.to_string(),
        key: key.to_string(),
        secret: secret.to_string(),
        platform: None,
    })
    .await
}

pub async fn run_target(target: Target) -> Report {
    let base_url = target.base_url.clone();
    let mut caller = Caller::new(target);
    let mut fixtures = match Fixtures::discover(&mut caller).await {
        Ok(f) => f,
        Err(e) => return Report::failed(base_url, format!("could not find the platform's IDs: {e}")),
    };
    let mut outcomes = Vec::new();
    for (index, op) in in_run_order() {
        outcomes.push(check(&mut caller, &mut fixtures, index, op).await);
    }
    outcomes.sort_by_key(|o| o.index);
    Report::new(base_url, outcomes)
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Pass {
    Create,
    Use,
    Delete,
}

fn pass(op: &Operation) -> Pass {
    let path = op.path.as_str();
    let creates_by_name = [
        "/numbers/provision",
        "/numbers/portin",
        "/message/outbound",
        "/guardians/relation",
        "/workgroups/activity",
        "/voicemail/activate",
    ];
    let has_get_twin = operations().iter().any(|o| o.method == "GET" && o.path == op.path);
    if op.method == "POST" && ["/delete", "/remove", "/cancel"].iter().any(|end| path.ends_with(end)) {
        Pass::Delete
    } else if op.method == "POST"
        && (has_get_twin
            || path.ends_with("/create")
            || path.ends_with("/add")
            || creates_by_name.iter().any(|end| path.ends_with(end)))
        && !path.ends_with("/tokens")
    {
        Pass::Create
    } else {
        Pass::Use
    }
}

fn in_run_order() -> Vec<(usize, &'static Operation)> {
    let mut ops: Vec<(usize, &'static Operation)> = operations().iter().enumerate().collect();
    ops.sort_by_key(|(i, op)| {
        let p = pass(op);
        let depth = op.path.matches('/').count();
        match p {
            Pass::Delete => (p, usize::MAX - depth, usize::MAX - i),
            _ => (p, 0, *i),
        }
    });
    ops
}

/// What an operation needs done first that no other operation does for it.
async fn prepare(caller: &mut Caller, fixtures: &Fixtures, op: &Operation) {
    if op.path.ends_with("/numbers/reactivate") {
        let cancel = json!({
            "StatusChange": "cancel", "EffectiveDate": chrono::Utc::now().format("%m/%d/%Y").to_string(),
            "PhoneNumbers": [{ "Number": fixtures.spare_number() }],
        });
        let _ = caller
            .call("POST", "/v1.0/numbers/status", &[], Some(&cancel), false)
            .await;
    }
}

async fn check(caller: &mut Caller, fixtures: &mut Fixtures, index: usize, op: &'static Operation) -> Outcome {
    let mut outcome = Outcome::new(index, op);
    prepare(caller, fixtures, op).await;
    let is_token = op.path.ends_with("/tokens");
    let query: Vec<(String, String)> = op
        .query
        .iter()
        .filter_map(|(name, _)| fixtures.query_value(op, name).map(|v| (name.clone(), v)))
        .collect();
    let body = if is_token {
        Some(caller.token_request("/v1.0/account"))
    } else if op.method == "POST" {
        let example = op.request_example.as_ref().or(op.request_from_schema.as_ref());
        Some(example.map_or_else(|| json!({}), |e| fixtures.request(op, e)))
    } else {
        None
    };
    let platform = op.path.ends_with("/distributor/create") && caller.target().platform.is_some();
    let answer = if is_token {
        caller.call_unauthenticated("POST", &op.path, body.as_ref()).await
    } else {
        caller.call(&op.method, &op.path, &query, body.as_ref(), platform).await
    };
    let sent = body
        .clone()
        .unwrap_or_else(|| json!(query.iter().cloned().collect::<std::collections::BTreeMap<_, _>>()));
    fixtures.remember_sent(&sent);
    match answer {
        Err(e) => outcome.refused(0, e),
        Ok(a) if (200..300).contains(&a.status) => {
            outcome.accepted = true;
            outcome.status = a.status;
            if let Some(documented) = &op.response_shape {
                outcome.shape.extend(compare::shape(documented, &a.body));
            }
            outcome.shape.extend(compare::placeholders(
                op.response_example.as_ref(),
                &fixtures.sent_so_far(),
                &a.body,
            ));
            if pass(op) == Pass::Create {
                fixtures.capture(op, &sent, &a.body);
            }
            if op.path.ends_with("/numbers/status") {
                fixtures.follow_renumbering(&a.body);
            }
        }
        Ok(a) => {
            let message = a.body["Message"].as_str().unwrap_or("").to_string();
            outcome.refused(a.status, message);
            outcome.refusals.extend(compare::error_body(a.status, &a.body));
        }
    }
    if !is_token {
        refusal_probes(caller, op, &mut outcome).await;
    }
    outcome
}

/// The documented refusals: no token (401), and, where the reference marks
/// fields or parameters required, a request without them (400).
async fn refusal_probes(caller: &mut Caller, op: &Operation, outcome: &mut Outcome) {
    match caller.call_anonymously(&op.method, &op.path).await {
        Ok(a) if a.status == 401 => outcome.refusals.extend(compare::error_body(401, &a.body)),
        Ok(a) => outcome
            .refusals
            .push(format!("without a token: {} (documented 401)", a.status)),
        Err(e) => outcome.refusals.push(e),
    }
    let requires = if op.method == "GET" {
        op.query.iter().any(|(_, required)| *required)
    } else {
        !op.required_body.is_empty()
    };
    if !requires {
        return;
    }
    let empty = (op.method == "POST").then(|| json!({}));
    match caller.call(&op.method, &op.path, &[], empty.as_ref(), false).await {
        Ok(a) if a.status == 400 => outcome.refusals.extend(compare::error_body(400, &a.body)),
        Ok(a) => outcome
            .refusals
            .push(format!("without its required fields: {} (documented 400)", a.status)),
        Err(e) => outcome.refusals.push(e),
    }
}
