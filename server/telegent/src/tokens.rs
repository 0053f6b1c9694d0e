use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use chrono::{NaiveDateTime, Utc};

/// A bearer token for one endpoint URL.
#[derive(Clone)]
pub(crate) struct CachedToken {
    pub token: String,
    /// When to stop using it: the upstream expiry minus the safety margin.
    pub use_until: chrono::DateTime<Utc>,
}

/// Tokens are scoped to ONE endpoint URL, so the cache is keyed by URL (one
/// cache per credential). Each URL has its own async lock: when many requests
/// need a token at once, one fetches it and the others wait for that result
/// (single flight) instead of all asking the token endpoint.
#[derive(Default)]
pub(crate) struct TokenCache {
    slots: Mutex<HashMap<String, Arc<tokio::sync::Mutex<Option<CachedToken>>>>>,
}

impl TokenCache {
    pub fn slot(&self, endpoint: &str) -> Arc<tokio::sync::Mutex<Option<CachedToken>>> {
        let mut slots = self.slots.lock().expect("token cache poisoned");
        slots.entry(endpoint.to_string()).or_default().clone()
    }

    /// Forgets `token` for `endpoint` (after a 401), unless another request
    /// already replaced it with a fresh one.
    pub async fn invalidate(&self, endpoint: &str, token: &str) {
        let slot = self.slot(endpoint);
        let mut guard = slot.lock().await;
        if guard.as_ref().is_some_and(|c| c.token == token) {
            *guard = None;
        }
    }
}

/// Reads `tokenExpiry` (`MM/DD/YYYY hh:mm:ss AM/PM`, no zone: taken as UTC) and
/// returns when to stop using the token. An expiry the portal cannot read is
/// treated as short-lived so a bad value never pins a dead token.
pub(crate) fn use_until(token_expiry: Option<&str>, margin: Duration) -> chrono::DateTime<Utc> {
    let now = Utc::now();
    let margin = chrono::Duration::from_std(margin).unwrap_or_default();
    let parsed = token_expiry
        .and_then(|s| NaiveDateTime::parse_from_str(s.trim(), "%m/%d/%Y %I:%M:%S %p").ok())
        .map(|naive| naive.and_utc());
    match parsed {
        Some(expiry) => expiry - margin,
        None => now + chrono::Duration::seconds(60),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn expiry_is_read_in_the_documented_format_minus_the_margin() {
        let t = use_until(Some("05/02/2025 06:36:13 PM"), Duration::from_secs(60));
        assert_eq!(t.to_rfc3339(), "2025-05-02T18:35:13+00:00");
    }

    #[test]
    fn unreadable_expiry_is_short_lived() {
        let t = use_until(Some("tomorrow"), Duration::from_secs(60));
        assert!(t < Utc::now() + chrono::Duration::seconds(61));
    }
}
