//! A repeated identical action within seconds is done once.
//!
//! A double click, a browser resending a form, or a retry after a slow
//! answer sends the same post twice. The browser bundle ignores a second
//! press, but without JavaScript (or from a script) both posts arrive. Here
//! a server-function post identical to one the same signed-in session just
//! made (same person, same cookies, same path and body) gets the first one's
//! answer again, without running again: one change at Telegent, one audit row.
//!
//! - While the first is still running, the second waits for it. If the first
//!   turns out not to be a done action, one waiter becomes the first and the
//!   others wait for it in turn: three clicks while Telegent is down are
//!   still tried one at a time.
//! - An answer is kept for replay only if its request wrote an audit row
//!   (`AUDITED_HEADER`) and succeeded: reads are never answered from here,
//!   so a page read after a change is always fresh, and a try after a
//!   refusal or a failure is a real try.
//! - Kept for [`WINDOW`] after it was given, and only until the same session
//!   does something else: add, remove, add again is three actions.
//! - Only for a signed-in caller (`resolve_caller` runs outside this layer):
//!   a session that was ended gets nothing replayed.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use axum::body::{Body, Bytes};
use axum::extract::{Request, State};
use axum::http::{header, HeaderMap, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use sha2::{Digest, Sha256};
use telegent_app::ssr::audit::AUDITED_HEADER;
use telegent_app::ssr::caller::CallerSlot;
use tokio::sync::watch;
use tracing::Instrument;

/// How long an action's answer stands in for an identical repeat.
pub const WINDOW: Duration = Duration::from_secs(5);

/// The most of a request or an answer this holds: what the server functions
/// take (`server_fn_status`). A larger one passes through untouched.
const BODY_LIMIT: usize = 2 * 1024 * 1024;

/// How long a repeat waits for the first before it runs on its own.
const WAIT_LIMIT: Duration = Duration::from_secs(60);

/// A kept answer.
#[derive(Clone)]
struct Answer {
    status: StatusCode,
    headers: HeaderMap,
    body: Bytes,
}

/// `None` while the first runs, then the answer to replay (`Some(None)`:
/// not a done action, nothing to replay).
type Outcome = Option<Option<Answer>>;

/// One post in flight or answered.
struct Slot {
    session: [u8; 32],
    done: watch::Receiver<Outcome>,
    answered_at: Option<Instant>,
}

/// Requests are told apart by the SHA-256 of what makes them the same.
type Key = [u8; 32];

#[derive(Clone, Default)]
pub struct Replays {
    slots: Arc<Mutex<HashMap<Key, Slot>>>,
}

impl Replays {
    /// Forgets answers past the window.
    fn prune(slots: &mut HashMap<Key, Slot>, now: Instant) {
        slots.retain(|_, s| s.answered_at.is_none_or(|at| now.duration_since(at) < WINDOW));
    }

    /// The slot for `key`: `Ok(sender)` when this request is the first and
    /// runs, `Err(receiver)` when it waits for the one running.
    fn take(&self, key: Key, session: Key) -> Result<watch::Sender<Outcome>, watch::Receiver<Outcome>> {
        let mut slots = self.slots.lock().expect("replays poisoned");
        Self::prune(&mut slots, Instant::now());
        if let Some(slot) = slots.get(&key) {
            return Err(slot.done.clone());
        }
        let (sender, receiver) = watch::channel(None);
        slots.insert(
            key,
            Slot {
                session,
                done: receiver,
                answered_at: None,
            },
        );
        Ok(sender)
    }
}

fn sha256(parts: &[&[u8]]) -> Key {
    let mut hasher = Sha256::new();
    for part in parts {
        // Length-prefixed, so two different splits never hash alike.
        hasher.update((part.len() as u64).to_le_bytes());
        hasher.update(part);
    }
    hasher.finalize().into()
}

pub async fn replay_repeats(State(replays): State<Replays>, request: Request, next: Next) -> Response {
    let path = request.uri().path().to_string();
    // Signing in and out, passwords and reset links keep their own rules
    // (throttling counts every try, sessions are replaced): never replayed.
    let exempt = ["/api/session/", "/api/password/"].iter().any(|p| path.starts_with(p));
    let caller = request
        .extensions()
        .get::<CallerSlot>()
        .and_then(|slot| slot.0.as_ref().map(|c| c.user_id));
    let too_large = request
        .headers()
        .get(header::CONTENT_LENGTH)
        .and_then(|v| v.to_str().ok()?.parse::<usize>().ok())
        .is_some_and(|n| n > BODY_LIMIT);
    let (Some(user_id), false, true, false) = (caller, exempt, request.method() == axum::http::Method::POST, too_large)
    else {
        return without_marker(next.run(request).await);
    };
    if !path.starts_with("/api/") {
        return without_marker(next.run(request).await);
    }
    let (parts, body) = request.into_parts();
    let Ok(form) = axum::body::to_bytes(body, BODY_LIMIT).await else {
        return (StatusCode::PAYLOAD_TOO_LARGE, "That request is too large.").into_response();
    };
    let cookies = parts
        .headers
        .get(header::COOKIE)
        .map(|v| v.as_bytes())
        .unwrap_or_default();
    // The same person in the same browser session.
    let session = sha256(&[&user_id.to_le_bytes(), cookies]);
    let accept = parts
        .headers
        .get(header::ACCEPT)
        .map(|v| v.as_bytes())
        .unwrap_or_default();
    let key = sha256(&[&session, path.as_bytes(), accept, &form]);
    let request = Request::from_parts(parts, Body::from(form));

    let sender = loop {
        match replays.take(key, session) {
            Ok(sender) => break sender,
            Err(mut earlier) => {
                // Owned at once: the watch's read guard must not live across an await.
                let waited: Result<Result<Outcome, _>, _> = tokio::time::timeout(WAIT_LIMIT, async {
                    earlier.wait_for(Option::is_some).await.map(|a| (*a).clone())
                })
                .await;
                match waited {
                    Ok(Ok(Some(Some(answer)))) => {
                        tracing::info!(path = %path, "identical repeat answered once");
                        return replayed(answer);
                    }
                    // Not a done action: try to be the one that runs now.
                    Ok(Ok(_)) => continue,
                    // The first vanished or is stuck: run on its own.
                    _ => return without_marker(next.run(request).await),
                }
            }
        }
    };
    // Run to the end even if the browser goes away meanwhile (a second click
    // cancels the first page load): the change is made once, and a repeat
    // waiting here gets its answer.
    let running = next.run(request).instrument(tracing::Span::current());
    let task = tokio::spawn(finish(replays.clone(), key, session, sender, running));
    match task.await {
        Ok(response) => response,
        Err(error) => {
            tracing::error!(%error, "a server function stopped unexpectedly");
            replays.slots.lock().expect("replays poisoned").remove(&key);
            (StatusCode::INTERNAL_SERVER_ERROR, "Something went wrong on our side.").into_response()
        }
    }
}

/// Completes the first post of its kind: keeps its answer if it was a done
/// action, and tells any identical repeat waiting for it.
async fn finish(
    replays: Replays,
    key: Key,
    session: Key,
    sender: watch::Sender<Outcome>,
    running: impl std::future::Future<Output = Response>,
) -> Response {
    let response = running.await;
    let content_length = response
        .headers()
        .get(header::CONTENT_LENGTH)
        .and_then(|v| v.to_str().ok()?.parse::<usize>().ok());
    let keep = response.headers().contains_key(AUDITED_HEADER)
        && succeeded(&response)
        && content_length.is_none_or(|n| n <= BODY_LIMIT);
    if !keep {
        replays.slots.lock().expect("replays poisoned").remove(&key);
        let _ = sender.send(Some(None));
        return without_marker(response);
    }
    let (mut head, body) = response.into_parts();
    head.headers.remove(AUDITED_HEADER);
    let bytes = match axum::body::to_bytes(body, BODY_LIMIT).await {
        Ok(bytes) => bytes,
        Err(error) => {
            // Done, but its answer cannot be kept: nothing to replay, and
            // the person is told the action went through.
            tracing::error!(%error, "an action's answer could not be read");
            replays.slots.lock().expect("replays poisoned").remove(&key);
            let _ = sender.send(Some(None));
            return (StatusCode::OK, "Done. Reload the page to see the change.").into_response();
        }
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
        for (key, answered_at) in [([1; 32], Some(now)), ([2; 32], None)] {
            slots.insert(
                key,
                Slot {
                    session: [9; 32],
                    done: receiver.clone(),
                    answered_at,
                },
            );
        }
        Replays::prune(&mut slots, now + WINDOW + Duration::from_millis(1));
        assert!(!slots.contains_key(&[1; 32]), "answered long ago");
        assert!(slots.contains_key(&[2; 32]), "still running");
    }

    #[test]
    fn parts_are_hashed_with_their_lengths() {
        assert_ne!(sha256(&[b"ab", b"c"]), sha256(&[b"a", b"bc"]));
    }
}
