use std::collections::VecDeque;
use std::time::Duration;
use tokio::sync::Mutex;
use tokio::time::Instant;

/// Who is asking: people waiting on a page go first; background work (sync,
/// reconciliation) leaves a reserve for them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Priority {
    Interactive,
    Background,
}

/// One request budget per credential: at most `limit` calls in any sliding
/// 60-second window (token calls included).
///
/// A sliding log rather than a token bucket because a bucket lets a full burst
/// plus its refill through within one minute, which is exactly what drives the
/// upstream into 429s.
pub struct RateBudget {
    limit: usize,
    window: Duration,
    /// Calls background work may not use, so pages stay responsive.
    background_reserve: usize,
    sent: Mutex<VecDeque<Instant>>,
}

impl RateBudget {
    pub fn per_minute(limit: u32) -> Self {
        let limit = limit.max(1) as usize;
        Self {
            limit,
            window: Duration::from_secs(60),
            background_reserve: (limit / 5).max(1).min(limit - 1),
            sent: Mutex::new(VecDeque::with_capacity(limit)),
        }
    }

    pub fn limit(&self) -> u32 {
        self.limit as u32
    }

    /// Takes one call from the budget, waiting at most `max_wait` for room.
    pub async fn acquire(&self, priority: Priority, max_wait: Duration) -> Result<(), Duration> {
        let allowed = match priority {
            Priority::Interactive => self.limit,
            Priority::Background => self.limit - self.background_reserve,
        };
        let started = Instant::now();
        loop {
            let wait = {
                let mut sent = self.sent.lock().await;
                let now = Instant::now();
                while sent.front().is_some_and(|t| now.duration_since(*t) >= self.window) {
                    sent.pop_front();
                }
                if sent.len() < allowed {
                    sent.push_back(now);
                    return Ok(());
                }
                // Room opens when the call `len - allowed` places from the front leaves the window.
                let oldest_blocking = sent[sent.len() - allowed];
                self.window.saturating_sub(now.duration_since(oldest_blocking)) + Duration::from_millis(1)
            };
            if started.elapsed() + wait > max_wait {
                return Err(wait);
            }
            tokio::time::sleep(wait).await;
        }
    }

    /// Returns the call taken last, when it was not made after all (a person's
    /// share was taken, then the credential's budget had no room).
    pub async fn give_back(&self) {
        self.sent.lock().await.pop_back();
    }

    /// Calls still available in the current window (for the "busy" state and metrics).
    pub async fn remaining(&self) -> u32 {
        let mut sent = self.sent.lock().await;
        let now = Instant::now();
        while sent.front().is_some_and(|t| now.duration_since(*t) >= self.window) {
            sent.pop_front();
        }
        (self.limit - sent.len()) as u32
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test(start_paused = true)]
    async fn a_call_given_back_is_room_again() {
        let budget = RateBudget::per_minute(1);
        budget.acquire(Priority::Interactive, Duration::ZERO).await.unwrap();
        assert!(budget.acquire(Priority::Interactive, Duration::ZERO).await.is_err());
        budget.give_back().await;
        assert!(budget.acquire(Priority::Interactive, Duration::ZERO).await.is_ok());
    }

    #[tokio::test(start_paused = true)]
    async fn never_more_than_the_limit_in_any_minute_under_a_burst() {
        let budget = std::sync::Arc::new(RateBudget::per_minute(50));
        let start = Instant::now();
        let mut tasks = Vec::new();
        for _ in 0..120 {
            let b = budget.clone();
            tasks.push(tokio::spawn(async move {
                b.acquire(Priority::Interactive, Duration::from_secs(600))
                    .await
                    .unwrap();
                Instant::now().duration_since(start)
            }));
        }
        let mut times = Vec::new();
        for t in tasks {
            times.push(t.await.unwrap());
        }
        times.sort();
        for (i, t) in times.iter().enumerate() {
            let in_window = times[i..]
                .iter()
                .take_while(|u| **u < *t + Duration::from_secs(60))
                .count();
            assert!(in_window <= 50, "{in_window} calls within a minute starting at {t:?}");
        }
        // And the budget is used, not wasted: 120 calls fit in three windows.
        assert!(*times.last().unwrap() < Duration::from_secs(121));
    }

    #[tokio::test(start_paused = true)]
    async fn a_bounded_wait_gives_up_with_the_time_needed() {
        let budget = RateBudget::per_minute(2);
        budget.acquire(Priority::Interactive, Duration::ZERO).await.unwrap();
        budget.acquire(Priority::Interactive, Duration::ZERO).await.unwrap();
        let wait = budget
            .acquire(Priority::Interactive, Duration::from_secs(5))
            .await
            .unwrap_err();
        assert!(wait > Duration::from_secs(55));
    }

    #[tokio::test(start_paused = true)]
    async fn background_work_leaves_a_reserve_for_people() {
        let budget = RateBudget::per_minute(10);
        let mut background = 0;
        while budget.acquire(Priority::Background, Duration::ZERO).await.is_ok() {
            background += 1;
        }
        assert_eq!(background, 8);
        assert!(budget.acquire(Priority::Interactive, Duration::ZERO).await.is_ok());
    }
}
