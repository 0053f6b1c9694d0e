//! Demo portal users for the sandbox's two Distributor trees, one per role
//! in each, all with the same password (printed at start and in the README).

use crate::ssr::db::DbPool;

use super::passwords;
use super::upstreams::Upstreams;
use crate::accounts::service::account_subscribers;
use crate::policy::Role;

pub const DEMO_PASSWORD: &str = "telegent demo 2026";

/// A demo sign-in. Account-level users are linked to the sandbox's
/// subscriber with the same e-mail in `account`.
pub struct DemoUser {
    pub email: &'static str,
    pub name: &'static str,
    pub role: Role,
    pub distributor: Option<&'static str>,
    pub account: Option<&'static str>,
}

const fn user(
    email: &'static str,
    name: &'static str,
    role: Role,
    distributor: Option<&'static str>,
    account: Option<&'static str>,
) -> DemoUser {
    DemoUser {
        email,
        name,
        role,
        distributor,
        account,
    }
}

pub const DEMO_USERS: &[DemoUser] = &[
    user(
        "platform@telegent.example",
        "Pat Platform",
        Role::PlatformAdmin,
        None,
        None,
    ),
    user(
        "admin@acme.example",
        "Alex Acme",
        Role::DistributorAdmin,
        Some(ACME),
        None,
    ),
    user(
        "reviewer@acme.example",
        "Robin Reviewer",
        Role::DistributorViewer,
        Some(ACME),
        None,
    ),
    user(
        "priya@brightbakery.example",
        "Priya Shah",
        Role::AccountAdmin,
        Some(ACME),
        Some("Bright Bakery LLC"),
    ),
    user(
        "omar@brightbakery.example",
        "Omar Haddad",
        Role::Manager,
        Some(ACME),
        Some("Bright Bakery LLC"),
    ),
    user(
        "jane.doe@example.com",
        "Jane Doe",
        Role::Manager,
        Some(ACME),
        Some("Doe Family"),
    ),
    user(
        "sam.doe@example.com",
        "Sam Doe",
        Role::Subscriber,
        Some(ACME),
        Some("Doe Family"),
    ),
    user(
        "admin@globex.example",
        "Gina Globex",
        Role::DistributorAdmin,
        Some(GLOBEX),
        None,
    ),
    user(
        "reviewer@globex.example",
        "Remy Reviewer",
        Role::DistributorViewer,
        Some(GLOBEX),
        None,
    ),
    user(
        "carlos.smith@example.com",
        "Carlos Smith",
        Role::AccountAdmin,
        Some(GLOBEX),
        Some("Smith Family"),
    ),
    user(
        "john.smith@example.com",
        "John Smith",
        Role::Manager,
        Some(GLOBEX),
        Some("Smith Family"),
    ),
    user(
        "emma.smith@example.com",
        "Emma Smith",
        Role::Subscriber,
        Some(GLOBEX),
        Some("Smith Family"),
    ),
];

const ACME: &str = "DID-acme0001-5c1e-4b7a-9f00-0000000a11ce";
const GLOBEX: &str = "DID-910b0002-7d2f-4c8b-a100-00000000b0b0";

/// Creates the demo users when the portal has no users yet. Returns how many.
pub async fn seed_demo_users(pool: &DbPool, upstreams: &Upstreams) -> anyhow::Result<usize> {
    let (existing,): (i64,) = sqlx::query_as("SELECT COUNT(*) FROM users").fetch_one(pool).await?;
    if existing > 0 {
        return Ok(0);
    }
    let hash = passwords::hash(DEMO_PASSWORD);
    let mut created = 0;
    for DemoUser {
        email,
        name,
        role,
        distributor,
        account: account_name,
    } in DEMO_USERS
    {
        let (mut account_id, mut subscriber_id) = (None, None);
        if let (Some(distributor), Some(account_name)) = (distributor, account_name) {
            let client = upstreams
                .get(distributor)
                .ok_or_else(|| anyhow::anyhow!("no client for {distributor}"))?;
            let account = client
                .distributor_accounts()
                .await?
                .into_iter()
                .find(|a| &a.account_name == account_name)
                .ok_or_else(|| anyhow::anyhow!("demo account {account_name} missing"))?;
            let subscriber = account_subscribers(&client, &account.account_id)
                .await
                .map_err(|e| anyhow::anyhow!("{e}"))?
                .into_iter()
                .find(|s| s.email.eq_ignore_ascii_case(email))
                .ok_or_else(|| anyhow::anyhow!("demo subscriber {email} missing"))?;
            account_id = Some(account.account_id);
            subscriber_id = Some(subscriber.subscriber_id);
        }
        sqlx::query(
            "INSERT INTO users (email, display_name, password_hash, role, distributor_id, account_id, \
             subscriber_id, status, must_change_password) VALUES ($1, $2, $3, $4, $5, $6, $7, 'active', 0)",
        )
        .bind(email)
        .bind(name)
        .bind(&hash)
        .bind(format!("{role:?}"))
        .bind(distributor)
        .bind(account_id)
        .bind(subscriber_id)
        .execute(pool)
        .await?;
        created += 1;
    }
    Ok(created)
}

/// The demo users in the database, by e-mail.
pub async fn demo_users_present(pool: &DbPool) -> sqlx::Result<Vec<String>> {
    let mut present = Vec::new();
    for user in DEMO_USERS {
        let found: Option<(i64,)> = sqlx::query_as("SELECT id FROM users WHERE lower(email) = lower($1)")
            .bind(user.email)
            .fetch_optional(pool)
            .await?;
        if found.is_some() {
            present.push(user.email.to_string());
        }
    }
    Ok(present)
}
