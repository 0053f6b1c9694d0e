//! Values computed from the copy, kept per key while the read model has not
//! changed (its [`generation`](super::generation)) and for at most
//! [`KEPT_FOR`]: the staff home's counts (~20 queries over every number of
//! a Distributor) and the lists' totals (a `COUNT(*)` over 8,000 rows per
//! page view) are not computed again for every visit while nothing moved.
//! One per portal process, in `AppState::sweeper`.

use std::collections::HashMap;
use std::sync::Mutex;
use std::time::{Duration, Instant};

/// How long a value stays while the read model has not changed in this
/// process (another portal process's write-through is seen within this time).
pub const KEPT_FOR: Duration = Duration::from_secs(30);

/// Keys are few per scope (a scope and a list's filters); a bound keeps a
/// long-running process from holding every search ever typed.
const MOST_KEYS: usize = 1_000;

pub struct Kept<V> {
    values: Mutex<HashMap<String, (u64, Instant, V)>>,
}

impl<V> Default for Kept<V> {
    fn default() -> Self {
        Kept {
            values: Mutex::new(HashMap::new()),
        }
    }
}

impl<V: Clone> Kept<V> {
    /// The value kept for `key` if it was computed at this `generation`
    /// less than [`KEPT_FOR`] ago.
    pub fn get(&self, key: &str, generation: u64) -> Option<V> {
        let values = self.values.lock().expect("kept values");
        let (at_generation, at, value) = values.get(key)?;
        (*at_generation == generation && at.elapsed() < KEPT_FOR).then(|| value.clone())
    }

    pub fn put(&self, key: String, generation: u64, value: V) {
        let mut values = self.values.lock().expect("kept values");
        if values.len() >= MOST_KEYS {
            values.clear();
        }
        values.insert(key, (generation, Instant::now(), value));
    }

    /// The value kept for `key`, or `compute`'s (then kept). `generation`
    /// is read before computing: a change made meanwhile makes the value
    /// stale at once rather than kept as if it were after it.
    pub async fn get_or_compute<E, F>(&self, key: String, compute: F) -> Result<V, E>
    where
        F: std::future::Future<Output = Result<V, E>>,
    {
        let generation = super::generation();
        if let Some(value) = self.get(&key, generation) {
            return Ok(value);
        }
        let value = compute.await?;
        self.put(key, generation, value.clone());
        Ok(value)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_value_is_kept_only_at_its_generation() {
        let kept = Kept::<u32>::default();
        kept.put("a".into(), 7, 42);
        assert_eq!(kept.get("a", 7), Some(42));
        assert_eq!(kept.get("a", 8), None, "the copy changed since");
        assert_eq!(kept.get("b", 7), None);
    }

    #[test]
    fn the_bound_forgets_rather_than_grows() {
        let kept = Kept::<u32>::default();
        for i in 0..MOST_KEYS + 1 {
            kept.put(i.to_string(), 1, 1);
        }
        assert_eq!(kept.values.lock().unwrap().len(), 1);
    }
}
