//! The portal's own database, SQLite (embedded, the default) or PostgreSQL,
//! through sqlx's `Any` driver. Queries are written once for both: numbered
//! placeholders (`$1`, which SQLite also reads), no dialect functions (times
//! are made here), flags as integers 0/1, new row IDs with `RETURNING`.

/// The database, whichever it is.
pub type Db = sqlx::Any;
pub type DbPool = sqlx::AnyPool;
pub type DbTransaction<'c> = sqlx::Transaction<'c, Db>;

/// Now, as the text both databases store and compare: ISO-8601 UTC with
/// milliseconds (`2026-11-23T21:40:00.123Z`), ordered like the instants.
pub fn now_text() -> String {
    chrono::Utc::now().format("%Y-%m-%dT%H:%M:%S%.3fZ").to_string()
}

/// Which database a URL names, to pick its migrations and session store.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Backend {
    Sqlite,
    Postgres,
}

impl Backend {
    pub fn of_url(url: &str) -> Option<Backend> {
        if url.starts_with("sqlite:") {
            Some(Backend::Sqlite)
        } else if url.starts_with("postgres:") || url.starts_with("postgresql:") {
            Some(Backend::Postgres)
        } else {
            None
        }
    }
}

/// Numbers the `?` placeholders of SQL built at run time (`$1`, `$2`, …),
/// leaving anything between single quotes alone.
pub fn numbered(sql: &str) -> String {
    let mut out = String::with_capacity(sql.len() + 8);
    let (mut n, mut quoted) = (0, false);
    for ch in sql.chars() {
        match ch {
            '\'' => {
                quoted = !quoted;
                out.push(ch);
            }
            '?' if !quoted => {
                n += 1;
                out.push_str(&format!("${n}"));
            }
            _ => out.push(ch),
        }
    }
    out
}

pub static SQLITE_MIGRATIONS: sqlx::migrate::Migrator = sqlx::migrate!("../migrations/sqlite");
pub static POSTGRES_MIGRATIONS: sqlx::migrate::Migrator = sqlx::migrate!("../migrations/postgres");

/// Opens the database a URL names (creating an SQLite file and its folder
/// if needed) and applies its migrations.
pub async fn connect(url: &str) -> anyhow::Result<DbPool> {
    use anyhow::Context;
    use sqlx::any::AnyPoolOptions;
    use sqlx::Executor;

    sqlx::any::install_default_drivers();
    let backend =
        Backend::of_url(url).with_context(|| format!("DATABASE_URL “{url}” is neither sqlite:… nor postgres://…"))?;
    let mut url = url.to_string();
    let memory = url.contains(":memory:");
    if backend == Backend::Sqlite && !memory {
        let path = url
            .trim_start_matches("sqlite://")
            .trim_start_matches("sqlite:")
            .split('?')
            .next()
            .unwrap_or_default()
            .to_string();
        if let Some(dir) = std::path::Path::new(&path)
            .parent()
            .filter(|d| !d.as_os_str().is_empty())
        {
            std::fs::create_dir_all(dir).with_context(|| format!("creating {}", dir.display()))?;
        }
        if !url.contains("mode=") {
            url.push(if url.contains('?') { '&' } else { '?' });
            url.push_str("mode=rwc");
        }
    }
    let mut options = AnyPoolOptions::new().after_connect(move |conn, _| {
        Box::pin(async move {
            if backend == Backend::Sqlite {
                conn.execute("PRAGMA journal_mode = WAL; PRAGMA busy_timeout = 5000; PRAGMA foreign_keys = ON;")
                    .await?;
            }
            Ok(())
        })
    });
    if memory {
        // An in-memory database lives as long as its one connection.
        options = options.max_connections(1).idle_timeout(None).max_lifetime(None);
    } else {
        options = options.max_connections(8);
    }
    if backend == Backend::Sqlite {
        // An embedded database has no connection to lose: the ping before
        // every acquire was a round trip to its worker thread, several per page.
        options = options.test_before_acquire(false);
    }
    let pool = options.connect(&url).await.context("opening the database")?;
    let migrations = match backend {
        Backend::Sqlite => &SQLITE_MIGRATIONS,
        Backend::Postgres => &POSTGRES_MIGRATIONS,
    };
    migrations.run(&pool).await.context("applying migrations")?;
    Ok(pool)
}
