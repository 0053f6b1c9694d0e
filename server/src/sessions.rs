//! The session store in the portal's database: tower-sessions' SQLite or
//! PostgreSQL store, whichever `DATABASE_URL` names, behind one type.

use anyhow::Context;
use async_trait::async_trait;
use sqlx::postgres::PgPoolOptions;
use sqlx::sqlite::{SqliteConnectOptions, SqliteJournalMode, SqlitePoolOptions};
use telegent_app::ssr::db::Backend;
use tower_sessions::session::{Id, Record};
use tower_sessions::session_store::{self, SessionStore};
use tower_sessions::ExpiredDeletion;
use tower_sessions_sqlx_store::{PostgresStore, SqliteStore};

#[derive(Debug, Clone)]
pub enum PortalSessionStore {
    Sqlite(SqliteStore),
    Postgres(PostgresStore),
}

impl PortalSessionStore {
    /// Opens the store's own small pool on the portal's database and creates
    /// its table if needed.
    pub async fn open(database_url: &str) -> anyhow::Result<Self> {
        let store = match Backend::of_url(database_url) {
            Some(Backend::Postgres) => {
                let pool = PgPoolOptions::new()
                    .max_connections(4)
                    .connect(database_url)
                    .await
                    .context("opening the session store")?;
                let store = PostgresStore::new(pool);
                store.migrate().await.context("creating the session table")?;
                PortalSessionStore::Postgres(store)
            }
            _ => {
                // An in-memory database is one per connection: keep it open.
                let memory = database_url.contains(":memory:");
                let options: SqliteConnectOptions = database_url
                    .parse()
                    .with_context(|| format!("DATABASE_URL “{database_url}” is not an SQLite URL"))?;
                let options = options
                    .create_if_missing(true)
                    .journal_mode(SqliteJournalMode::Wal)
                    .busy_timeout(std::time::Duration::from_secs(5));
                let pool = SqlitePoolOptions::new()
                    .max_connections(if memory { 1 } else { 4 })
                    // Embedded: no connection to lose, so no ping before each use.
                    .test_before_acquire(false)
                    .idle_timeout(None)
                    .max_lifetime(None)
                    .connect_with(options)
                    .await
                    .context("opening the session store")?;
                let store = SqliteStore::new(pool);
                store.migrate().await.context("creating the session table")?;
                PortalSessionStore::Sqlite(store)
            }
        };
        Ok(store)
    }

    /// Reclaims expired sessions' rows every 15 minutes (they are refused anyway).
    pub fn delete_expired_continuously(&self) {
        let every = std::time::Duration::from_secs(15 * 60);
        match self.clone() {
            PortalSessionStore::Sqlite(store) => {
                tokio::spawn(async move { store.continuously_delete_expired(every).await });
            }
            PortalSessionStore::Postgres(store) => {
                tokio::spawn(async move { store.continuously_delete_expired(every).await });
            }
        }
    }
}

#[async_trait]
impl SessionStore for PortalSessionStore {
    async fn create(&self, record: &mut Record) -> session_store::Result<()> {
        match self {
            PortalSessionStore::Sqlite(store) => store.create(record).await,
            PortalSessionStore::Postgres(store) => store.create(record).await,
        }
    }

    async fn save(&self, record: &Record) -> session_store::Result<()> {
        match self {
            PortalSessionStore::Sqlite(store) => store.save(record).await,
            PortalSessionStore::Postgres(store) => store.save(record).await,
        }
    }

    async fn load(&self, id: &Id) -> session_store::Result<Option<Record>> {
        match self {
            PortalSessionStore::Sqlite(store) => store.load(id).await,
            PortalSessionStore::Postgres(store) => store.load(id).await,
        }
    }

    async fn delete(&self, id: &Id) -> session_store::Result<()> {
        match self {
            PortalSessionStore::Sqlite(store) => store.delete(id).await,
            PortalSessionStore::Postgres(store) => store.delete(id).await,
        }
    }
}
