//! The read model: a local copy, per Distributor, of what staff list, count
//! and search — Accounts, Subscribers, Numbers with this cycle's data use —
//! so a staff list across a Distributor costs no upstream call per row or
//! per view (the upstream allows about 50 calls a minute per credential).
//!
//! - `sweep`: fills it from Telegent in the budget's background share; a
//!   full sweep when empty, on a schedule and on demand ("refresh now"),
//!   a usage sweep (data use and limits, batched across Accounts) between.
//! - `write_through`: the portal's own changes update their rows at once;
//!   the next sweep confirms them.
//! - `orders`: the open orders the portal submitted, until they end.
//! - `store`: the queries. Every one starts from a [`scope::Scope`] built
//!   from the session, never from request arguments.
//! - `search`: the database's own text search (SQLite FTS5 trigrams,
//!   PostgreSQL `pg_trgm`), behind one SQL text for both.
//!
//! Pages built on it say when their data was last confirmed
//! (`model::Freshness`): it is a copy and never pretends otherwise.

#[cfg(feature = "ssr")]
pub mod kept;
pub mod model;
#[cfg(feature = "ssr")]
pub mod orders;
#[cfg(feature = "ssr")]
pub mod scope;
#[cfg(feature = "ssr")]
pub mod search;
#[cfg(feature = "ssr")]
pub mod store;
#[cfg(feature = "ssr")]
pub mod sweep;
#[cfg(feature = "ssr")]
pub mod usage_copy;
#[cfg(feature = "ssr")]
pub mod write_through;

/// A count of the changes made to the read model by this process (sweeps,
/// write-through, orders): what is computed from the copy may be kept while
/// it has not moved (see `kept`).
#[cfg(feature = "ssr")]
static GENERATION: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(0);

/// The read model changed (called after every write to it).
#[cfg(feature = "ssr")]
pub fn changed() {
    GENERATION.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
}

/// See [`changed`].
#[cfg(feature = "ssr")]
pub fn generation() -> u64 {
    GENERATION.load(std::sync::atomic::Ordering::SeqCst)
}
