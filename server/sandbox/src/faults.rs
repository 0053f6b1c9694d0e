//! Fault injection: make the sandbox fail the way a real upstream does, on
//! purpose. Rules are added through `POST /_sandbox/faults` (and cleared with
//! `POST /_sandbox/faults/clear`); one request can also ask for a fault with
//! the header `X-Sandbox-Fault: status=503` (keys: status, latency_ms, drop,
//! after). "after" means do it, then fail: the side effect happens and the
//! reply is the error (or a dropped connection). Probabilities draw from a
//! generator seeded by the sandbox seed, so a run is reproducible.

use std::time::Duration;

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
#[serde(default, rename_all = "PascalCase")]
pub struct FaultRule {
    /// Applies to paths starting with this (case-insensitive); empty = all.
    pub path_prefix: String,
    /// Only requests with this method (`POST`, `GET`); `None` = any. Lets a
    /// change fail while the reads under the same prefix still answer.
    pub method: Option<String>,
    /// The path must equal `path_prefix` (not merely start with it), e.g. to
    /// fail `/v1.0/numbers/data-usage` but not `/v1.0/numbers/data-usage/info`.
    pub exact: bool,
    /// HTTP status to answer with (e.g. 500, 503, 429); `None` = no status fault.
    pub status: Option<u16>,
    /// Chance per matching request, 0 < p ≤ 1 (default 1).
    pub probability: Option<f64>,
    /// Only for the next N matching requests; `None` = until cleared.
    pub remaining: Option<u32>,
    pub latency_ms: u64,
    /// Drop the connection instead of answering.
    pub drop_connection: bool,
    /// Perform the operation first, then fail.
    pub after_effect: bool,
}

/// What to do to one request.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Fault {
    pub status: Option<u16>,
    pub latency: Duration,
    pub drop_connection: bool,
    pub after_effect: bool,
}

impl Fault {
    pub fn fails(&self) -> bool {
        self.status.is_some() || self.drop_connection
    }
}

impl From<&FaultRule> for Fault {
    fn from(r: &FaultRule) -> Self {
        Fault {
            status: r.status,
            latency: Duration::from_millis(r.latency_ms),
            drop_connection: r.drop_connection,
            after_effect: r.after_effect,
        }
    }
}

/// Reads `status=503; latency_ms=200; drop=true; after=true`.
pub fn parse_header(value: &str) -> Option<Fault> {
    let mut fault = Fault::default();
    for part in value.split([';', ',']) {
        let (k, v) = part
            .split_once('=')
            .map(|(k, v)| (k.trim(), v.trim()))
            .unwrap_or((part.trim(), "true"));
        match k.to_ascii_lowercase().as_str() {
            "status" => fault.status = Some(v.parse().ok()?),
            "latency_ms" | "latency" => fault.latency = Duration::from_millis(v.parse().ok()?),
            "drop" => fault.drop_connection = v.eq_ignore_ascii_case("true"),
            "after" => fault.after_effect = v.eq_ignore_ascii_case("true"),
            "" => {}
            _ => return None,
        }
    }
    Some(fault)
}

/// The rules and the seeded generator behind their probabilities.
#[derive(Debug, Default)]
pub struct Faults {
    pub rules: Vec<FaultRule>,
    draws: u64,
    seed: u64,
}

impl Faults {
    pub fn new(seed: u64) -> Self {
        Faults {
            rules: Vec::new(),
            draws: 0,
            seed,
        }
    }

    /// The first rule matching `method` and `path` that fires; spends one of its `remaining`.
    pub fn take(&mut self, method: &str, path: &str) -> Option<Fault> {
        let path = path.to_ascii_lowercase();
        for i in 0..self.rules.len() {
            let rule = &self.rules[i];
            let method_matches = rule.method.as_deref().is_none_or(|m| m.eq_ignore_ascii_case(method));
            let prefix = rule.path_prefix.to_ascii_lowercase();
            let path_matches = if rule.exact {
                path == prefix
            } else {
                path.starts_with(&prefix)
            };
            if !method_matches || !path_matches || rule.remaining == Some(0) {
                continue;
            }
            let p = rule.probability.unwrap_or(1.0).clamp(0.0, 1.0);
            if p < 1.0 && self.draw() >= p {
                continue;
            }
            let rule = &mut self.rules[i];
            if let Some(n) = rule.remaining.as_mut() {
                *n -= 1;
            }
            return Some(Fault::from(&*rule));
        }
        None
    }

    fn draw(&mut self) -> f64 {
        self.draws += 1;
        let mut z = self.seed ^ self.draws.wrapping_mul(0x9E37_79B9_7F4A_7C15);
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        (z ^ (z >> 31)) as f64 / u64::MAX as f64
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn header_faults_parse() {
        let f = parse_header("status=503; after=true").unwrap();
        assert_eq!(f.status, Some(503));
        assert!(f.after_effect && !f.drop_connection);
        assert!(parse_header("drop").unwrap().drop_connection);
        assert!(parse_header("explode=1").is_none());
    }

    #[test]
    fn next_n_and_probability_are_honoured_and_reproducible() {
        let mut faults = Faults::new(7);
        faults.rules.push(FaultRule {
            path_prefix: "/v1.0/numbers".into(),
            status: Some(500),
            remaining: Some(2),
            ..Default::default()
        });
        assert!(faults.take("GET", "/v1.0/account").is_none());
        assert!(faults.take("POST", "/v1.0/numbers/provision").is_some());
        assert!(faults.take("POST", "/v1.0/numbers/provision").is_some());
        assert!(faults.take("POST", "/v1.0/numbers/provision").is_none());

        // Method and exact path narrow a rule: the change fails, the reads around it answer.
        faults.rules.push(FaultRule {
            path_prefix: "/v1.0/numbers/data-usage".into(),
            method: Some("POST".into()),
            exact: true,
            status: Some(502),
            ..Default::default()
        });
        assert!(faults.take("POST", "/v1.0/numbers/data-usage/info").is_none());
        assert!(faults.take("GET", "/v1.0/numbers/data-usage").is_none());
        assert!(faults.take("post", "/v1.0/numbers/data-usage").is_some());

        let fired = |seed| {
            let mut f = Faults::new(seed);
            f.rules.push(FaultRule {
                status: Some(503),
                probability: Some(0.3),
                ..Default::default()
            });
            (0..1000).filter(|_| f.take("POST", "/v1.0/x").is_some()).count()
        };
        assert_eq!(fired(1), fired(1));
        assert!((200..400).contains(&fired(1)), "{}", fired(1));
    }
}
