//! A repeated identical action within seconds is done once.
//!
//! A double click, a browser resending a form, or a retry after a slow
//! answer sends the same post twice. The browser bundle ignores a second
//! press, but without JavaScript (or from a script) both posts arrive. Here
//! a server-function post identical to one just made by the same browser
//! session (same path, same cookies, same body) gets the first one's answer
//! again, without running again: one change at Telegent, one audit row.
//!
//! - While the first is still running, the second waits for it.
//! - An answer is kept for replay only if its request wrote an audit row
//!   (`AUDITED_HEADER`) and succeeded: reads are never answered from here,
//!   so a page read after a change is always fresh, and a try after a
//!   refusal or a failure is a real try.
//! - Kept for [`WINDOW`] after it was given, and only until the same session
//!   does something else: add, remove, add again is three actions.

use std::collections::hash_map::DefaultHasher;
use std::collections::HashMap;
use std::hash::{Hash, Hasher};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use axum::body::{Body, Bytes};
use axum::extract::{Request, State};
use axum::http::{header, HeaderMap, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use telegent_app::ssr::audit::AUDITED_HEADER;
use tokio::sync::watch;

/// How long an action's answer stands in for an identical repeat.
pub const WINDOW: Duration = Duration::from_secs(5);

/// The most of a request or an answer this holds (forms and JSON answers are
/// far smaller; anything larger is simply not deduplicated).
const BODY_LIMIT: usize = 256 * 1024;

/// A kept answer.
#[derive(Clone)]
struct Answer {
    status: StatusCode,
    headers: HeaderMap,
    body: Bytes,
}

/// One post in flight or answered: `None` while running, then the answer
/// to replay (`Some(None)`: not an action, nothing to replay).
struct Slot {
    session: u64,
    done: watch::Receiver<Option<Option<Answer>>>,
    answered_at: Option<Instant>,
}

#[derive(Clone, Default)]
pub struct Replays {
    slots: Arc<Mutex<HashMap<u64, Slot>>>,
}

impl Replays {
    /// Forgets answers past the window.
    fn prune(slots: &mut HashMap<u64, Slot>, now: Instant) {
        slots.retain(|_, s| s.answered_at.is_none_or(|at| now.duration_since(at) < WINDOW));
    }
}

fn hash_of(parts: &[&[u8]]) -> u64 {
    let mut hasher = DefaultHasher::new();
    for part in parts {
        part.hash(&mut hasher);
    }
    hasher.finish()
}

pub async fn replay_repeats(State(replays): State<Replays>, request: Request, next: Next) -> Response {
    let path = request.uri().path();
    // Signing in and out, passwords and reset links keep their own rules
    // (throttling counts every try, sessions are replaced): never replayed.
    let exempt = ["/api/session/", "/api/password/"].iter().any(|p| path.starts_with(p));
    if request.method() != axum::http::Method::POST || !path.starts_with("/api/") || exempt {
        return without_marker(next.run(request).await);
    }
    let (parts, body) = request.into_parts();
    let Ok(form) = axum::body::to_bytes(body, BODY_LIMIT).await else {
        return (StatusCode::PAYLOAD_TOO_LARGE, "That request is too large.").into_response();
    };
    let cookies = parts
        .headers
        .get(header::COOKIE)
        .map(|v| v.as_bytes().to_vec())
        .unwrap_or_default();
    // The same browser session: its cookies. Without one there is no telling
    // two browsers apart, so nothing is replayed.
    if cookies.is_empty() {
        return without_marker(next.run(Request::from_parts(parts, Body::from(form))).await);
    }
    let session = hash_of(&[&cookies]);
    let accept = parts.headers.get(header::ACCEPT).map(|v| v.as_bytes()).unwrap_or_default();
    let key = hash_of(&[&cookies, parts.uri.path().as_bytes(), accept, &form]);
    let request = Request::from_parts(parts, Body::from(form));

    let (sender, earlier) = {
        let mut slots = replays.slots.lock().expect("replays poisoned");
        Replays::prune(&mut slots, Instant::now());
        match slots.get(&key) {
            Some(slot) => (None, Some(slot.done.clone())),
            None => {
                let (sender, receiver) = watch::channel(None);
                slots.insert(
                    key,
                    Slot {
                        session,
                        done: receiver,
                        answered_at: None,
                    },
                );
                (Some(sender), None)
            }
        }
    };
    if let Some(mut earlier) = earlier {
        // Wait for the first one; replay its answer if it was an action.
        if let Ok(answer) = earlier.wait_for(Option::is_some).await {
            if let Some(Some(answer)) = answer.clone() {
                tracing::info!(path = %request.uri().path(), "identical repeat answered once");
                return replayed(answer);
            }
        }
        return without_marker(next.run(request).await);
    }
    let sender = sender.expect("a new slot");
    // Run to the end even if the browser goes away meanwhile (a second click
    // cancels the first page load): the change is made once, and a repeat
    // waiting here gets its answer.
    let task = tokio::spawn(finish(replays.clone(), key, session, sender, next.run(request)));
    match task.await {
        Ok(response) => response,
        Err(error) => {
            tracing::error!(%error, "a server function stopped unexpectedly");
            replays.slots.lock().expect("replays poisoned").remove(&key);
            (StatusCode::INTERNAL_SERVER_ERROR, "Something went wrong on our side.").into_response()
        }
    }
}

/// Completes the first post of its kind: keeps its answer if it was an
/// action, and tells any identical repeat waiting for it.
async fn finish(
    replays: Replays,
    key: u64,
    session: u64,
    sender: watch::Sender<Option<Option<Answer>>>,
    running: impl std::future::Future<Output = Response>,
) -> Response {
    let response = running.await;
    if !response.headers().contains_key(AUDITED_HEADER) || !succeeded(&response) {
        replays.slots.lock().expect("replays poisoned").remove(&key);
        let _ = sender.send(Some(None));
        return without_marker(response);
    }
    let (mut head, body) = response.into_parts();
    head.headers.remove(AUDITED_HEADER);
    let Ok(bytes) = axum::body::to_bytes(body, BODY_LIMIT).await else {
        replays.slots.lock().expect("replays poisoned").remove(&key);
        let _ = sender.send(Some(None));
        return (StatusCode::INTERNAL_SERVER_ERROR, "The answer could not be read.").into_response();
    };
    let answer = Answer {
        status: head.status,
        headers: head.headers.clone(),
        body: bytes.clone(),
    };
    {
        let mut slots = replays.slots.lock().expect("replays poisoned");
        // Anything else this session did before is no longer "just done".
        slots.retain(|k, s| *k == key || s.session != session || s.answered_at.is_none());
        if let Some(slot) = slots.get_mut(&key) {
            slot.answered_at = Some(Instant::now());
        }
    }
    let _ = sender.send(Some(Some(answer)));
    Response::from_parts(head, Body::from(bytes))
}

/// Only a done action is answered again: after a refusal or a failure
/// (Telegent down, a field to correct) trying again must really try again.
fn succeeded(response: &Response) -> bool {
    let status = response.status();
    let refused_form = status.is_redirection()
        && response
            .headers()
            .get(header::LOCATION)
            .and_then(|l| l.to_str().ok())
            .is_some_and(|l| l.contains("__err="));
    (status.is_success() || status.is_redirection()) && !refused_form
}

/// The marker is the portal's own business.
fn without_marker(mut response: Response) -> Response {
    response.headers_mut().remove(AUDITED_HEADER);
    response
}

fn replayed(answer: Answer) -> Response {
    let mut response = Response::new(Body::from(answer.body));
    *response.status_mut() = answer.status;
    *response.headers_mut() = answer.headers;
    response
        .headers_mut()
        .insert("x-portal-replayed", axum::http::HeaderValue::from_static("1"));
    response
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn answers_past_the_window_are_forgotten() {
        let (_sender, receiver) = watch::channel(None);
        let mut slots = HashMap::new();
        let now = Instant::now();
        slots.insert(
            1,
            Slot {
                session: 9,
                done: receiver.clone(),
                answered_at: Some(now),
            },
        );
        slots.insert(
            2,
            Slot {
                session: 9,
                done: receiver,
                answered_at: None,
            },
        );
        Replays::prune(&mut slots, now + WINDOW + Duration::from_millis(1));
        assert!(!slots.contains_key(&1), "answered long ago");
        assert!(slots.contains_key(&2), "still running");
    }
}
