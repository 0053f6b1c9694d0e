//! The Telegent clients, one per Distributor credential. Each client keeps
//! its own token, read cache and rate budget, because the upstream's limit
//! is per credential.

use std::collections::HashMap;
use std::sync::{Arc, RwLock};

use crate::ssr::db::DbPool;
use telegent::{ClientConfig, Credentials, RateBudget, TelegentClient};

use super::credentials::SecretBox;

pub struct Upstreams {
    secrets: SecretBox,
    rate_limit_per_minute: u32,
    clients: RwLock<HashMap<String, Arc<TelegentClient>>>,
    /// Interactive calls per minute one person may take from a credential.
    user_share_per_minute: u32,
    /// Each person's share, per Distributor: (Distributor, user) → budget.
    shares: std::sync::Mutex<HashMap<(String, i64), Arc<RateBudget>>>,
    /// The platform (Aggregator) credential's client and its API address:
    /// only it creates Distributors. `None`: not configured.
    platform: RwLock<Option<(String, Arc<TelegentClient>)>>,
}

/// A Distributor as the platform operator sees it (never its secret).
#[derive(Debug, Clone)]
pub struct DistributorRecord {
    pub distributor_id: String,
    pub name: String,
    pub api_base_url: String,
    pub account_key: String,
}

impl Upstreams {
    pub fn new(secrets: SecretBox, rate_limit_per_minute: u32, user_share_per_minute: u32) -> Self {
        Self {
            secrets,
            rate_limit_per_minute,
            clients: RwLock::new(HashMap::new()),
            user_share_per_minute,
            shares: std::sync::Mutex::new(HashMap::new()),
            platform: RwLock::new(None),
        }
    }

    /// Sets the platform (Aggregator) credential, at `base_url`.
    pub fn set_platform(&self, base_url: &str, account_key: &str, account_secret: &str) -> anyhow::Result<()> {
        let mut config = ClientConfig::new(
            base_url.to_string(),
            Credentials {
                account_key: account_key.to_string(),
                account_secret: account_secret.to_string(),
            },
        );
        config.rate_limit_per_minute = self.rate_limit_per_minute;
        let client = Arc::new(TelegentClient::new(config)?);
        *self.platform.write().expect("platform lock") = Some((base_url.to_string(), client));
        Ok(())
    }

    /// The platform credential's API address and client, when configured.
    pub fn platform(&self) -> Option<(String, Arc<TelegentClient>)> {
        self.platform.read().expect("platform lock").clone()
    }

    pub fn get(&self, distributor_id: &str) -> Option<Arc<TelegentClient>> {
        self.clients.read().expect("clients lock").get(distributor_id).cloned()
    }

    /// The Distributor's client as one person uses it: their calls also count
    /// against their own share, so one person cannot spend the whole budget.
    pub fn for_person(&self, distributor_id: &str, user_id: i64) -> Option<Arc<TelegentClient>> {
        let client = self.get(distributor_id)?;
        let share = self
            .shares
            .lock()
            .expect("shares lock")
            .entry((distributor_id.to_string(), user_id))
            .or_insert_with(|| Arc::new(RateBudget::per_minute(self.user_share_per_minute)))
            .clone();
        Some(Arc::new(client.with_share(share)))
    }

    /// Distributor IDs with a client, sorted.
    pub fn distributor_ids(&self) -> Vec<String> {
        let mut ids: Vec<String> = self.clients.read().expect("clients lock").keys().cloned().collect();
        ids.sort();
        ids
    }

    /// Stores (sealed) or replaces a Distributor's credential; [`Self::load_all`]
    /// builds the clients.
    pub async fn store(&self, pool: &DbPool, record: &DistributorRecord, account_secret: &str) -> anyhow::Result<()> {
        let sealed = self.secrets.seal(&record.distributor_id, account_secret);
        sqlx::query(
            "INSERT INTO distributors (distributor_id, name, api_base_url, account_key, account_secret_sealed) \
             VALUES ($1, $2, $3, $4, $5) ON CONFLICT (distributor_id) DO UPDATE SET name = excluded.name, \
             api_base_url = excluded.api_base_url, account_key = excluded.account_key, \
             account_secret_sealed = excluded.account_secret_sealed",
        )
        .bind(&record.distributor_id)
        .bind(&record.name)
        .bind(&record.api_base_url)
        .bind(&record.account_key)
        .bind(&sealed)
        .execute(pool)
        .await?;
        Ok(())
    }

    /// Builds clients for every stored Distributor (at start).
    pub async fn load_all(&self, pool: &DbPool) -> anyhow::Result<usize> {
        let rows: Vec<(String, String, String, String, String)> = sqlx::query_as(
            "SELECT distributor_id, name, api_base_url, account_key, account_secret_sealed FROM distributors",
        )
        .fetch_all(pool)
        .await?;
        let mut loaded = 0;
        for (distributor_id, name, api_base_url, account_key, sealed) in rows {
            if sealed.is_empty() {
                tracing::warn!(%distributor_id, "no API secret stored; this Distributor is unreachable");
                continue;
            }
            let secret = self.secrets.open(&distributor_id, &sealed)?;
            self.connect(
                &DistributorRecord {
                    distributor_id,
                    name,
                    api_base_url,
                    account_key,
                },
                &secret,
            )?;
            loaded += 1;
        }
        Ok(loaded)
    }

    /// Builds (or replaces) the client for a Distributor's credential.
    pub fn connect(&self, record: &DistributorRecord, account_secret: &str) -> anyhow::Result<Arc<TelegentClient>> {
        let mut config = ClientConfig::new(
            record.api_base_url.clone(),
            Credentials {
                account_key: record.account_key.clone(),
                account_secret: account_secret.to_string(),
            },
        );
        config.rate_limit_per_minute = self.rate_limit_per_minute;
        let client = Arc::new(TelegentClient::new(config)?);
        self.clients
            .write()
            .expect("clients lock")
            .insert(record.distributor_id.clone(), client.clone());
        Ok(client)
    }
}

pub async fn list_distributors(pool: &DbPool) -> sqlx::Result<Vec<DistributorRecord>> {
    let rows: Vec<(String, String, String, String)> =
        sqlx::query_as("SELECT distributor_id, name, api_base_url, account_key FROM distributors ORDER BY lower(name)")
            .fetch_all(pool)
            .await?;
    Ok(rows
        .into_iter()
        .map(|(distributor_id, name, api_base_url, account_key)| DistributorRecord {
            distributor_id,
            name,
            api_base_url,
            account_key,
        })
        .collect())
}

/// A client for a credential that is not stored (to check it before saving).
pub fn trial_client(base_url: &str, account_key: &str, account_secret: &str) -> anyhow::Result<TelegentClient> {
    Ok(TelegentClient::new(ClientConfig::new(
        base_url.to_string(),
        Credentials {
            account_key: account_key.to_string(),
            account_secret: account_secret.to_string(),
        },
    ))?)
}
