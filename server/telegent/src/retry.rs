use std::time::Duration;

/// The documented retry policy for safe calls: 408, 429, 500, 503, 504 and
/// connection failures; exponential backoff from `base` doubling to `cap`, with
/// jitter; `Retry-After` honoured; bounded attempts and a total deadline.
#[derive(Debug, Clone)]
pub struct RetryPolicy {
    pub max_attempts: u32,
    pub base: Duration,
    pub cap: Duration,
    pub deadline: Duration,
}

impl Default for RetryPolicy {
    fn default() -> Self {
        Self {
            max_attempts: 4,
            base: Duration::from_secs(1),
            cap: Duration::from_secs(30),
            deadline: Duration::from_secs(20),
        }
    }
}

impl RetryPolicy {
    pub fn is_retryable_status(status: u16) -> bool {
        matches!(status, 408 | 429 | 500 | 503 | 504)
    }

    /// Delay before retry number `retry` (1 for the first retry): `base·2^(retry-1)`
    /// capped, with "equal jitter" (half fixed, half random) so synchronized clients
    /// spread out but never retry sooner than half the nominal delay.
    pub fn backoff(&self, retry: u32, random_unit: f64) -> Duration {
        let exp = self.base.saturating_mul(1u32 << retry.saturating_sub(1).min(16));
        let nominal = exp.min(self.cap);
        let half = nominal / 2;
        half + half.mul_f64(random_unit.clamp(0.0, 1.0))
    }

    /// The wait before the next attempt: the server's `Retry-After` when it gave one
    /// (never less), otherwise the backoff.
    pub fn next_delay(&self, retry: u32, retry_after: Option<Duration>, random_unit: f64) -> Duration {
        let backoff = self.backoff(retry, random_unit);
        retry_after.map_or(backoff, |ra| ra.max(backoff))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_documented_codes_are_retried() {
        for s in [408, 429, 500, 503, 504] {
            assert!(RetryPolicy::is_retryable_status(s), "{s}");
        }
        for s in [400, 401, 403, 404, 405, 422, 501, 502] {
            assert!(!RetryPolicy::is_retryable_status(s), "{s}");
        }
    }

    #[test]
    fn backoff_doubles_from_one_second_to_a_thirty_second_cap() {
        let p = RetryPolicy::default();
        // With the random part at its maximum the delay is the nominal one.
        let nominal: Vec<u64> = (1..=7).map(|r| p.backoff(r, 1.0).as_secs()).collect();
        assert_eq!(nominal, [1, 2, 4, 8, 16, 30, 30]);
        // With it at zero, half of that: jitter never retries sooner than half.
        assert_eq!(p.backoff(3, 0.0), Duration::from_secs(2));
    }

    #[test]
    fn retry_after_is_honoured() {
        let p = RetryPolicy::default();
        assert_eq!(
            p.next_delay(1, Some(Duration::from_secs(7)), 0.5),
            Duration::from_secs(7)
        );
        assert!(p.next_delay(1, None, 0.5) <= Duration::from_secs(1));
    }
}
