//! The audit log: who did what to which IDs, with what outcome. Rows are
//! written in the transaction of the portal's own change, or before an
//! upstream call (outcome `pending`) and completed after it.

use crate::ssr::db::{DbPool, DbTransaction};

/// One audited action.
#[derive(Debug, Clone, Default)]
pub struct Entry {
    pub user_id: Option<i64>,
    pub user_email: String,
    pub role: String,
    pub distributor_id: Option<String>,
    pub account_id: Option<String>,
    pub action: String,
    pub target_ids: Vec<String>,
    pub request_id: Option<String>,
    pub client_address: Option<String>,
}

pub use crate::audit::model::Outcome;

const INSERT: &str = "INSERT INTO audit_log (user_id, user_email, role, distributor_id, account_id, action, \
     target_ids, outcome, detail, request_id, client_address) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) \
     RETURNING id";

/// Marks the answer of a request that wrote an audit row (an action, not a
/// read): the server answers an identical repeat of it within seconds with
/// this same answer instead of doing it twice (see `server/src/replays.rs`,
/// which removes the header before the answer leaves).
pub const AUDITED_HEADER: &str = "x-portal-audited";

fn mark_audited() {
    if let Some(response) = leptos::prelude::use_context::<leptos_axum::ResponseOptions>() {
        response.insert_header(
            http::HeaderName::from_static(AUDITED_HEADER),
            http::HeaderValue::from_static("1"),
        );
    }
}

/// Records an action inside the caller's transaction.
pub async fn record_in(tx: &mut DbTransaction<'_>, entry: &Entry, outcome: Outcome, detail: &str) -> sqlx::Result<i64> {
    mark_audited();
    let (id,): (i64,) = sqlx::query_as(INSERT)
        .bind(entry.user_id)
        .bind(&entry.user_email)
        .bind(&entry.role)
        .bind(&entry.distributor_id)
        .bind(&entry.account_id)
        .bind(&entry.action)
        .bind(entry.target_ids.join(","))
        .bind(outcome.as_str())
        .bind(detail)
        .bind(&entry.request_id)
        .bind(&entry.client_address)
        .fetch_one(&mut **tx)
        .await?;
    Ok(id)
}

/// Records that an upstream call is about to be made; complete it with [`finish`].
pub async fn begin(pool: &DbPool, entry: &Entry) -> sqlx::Result<i64> {
    let mut tx = pool.begin().await?;
    let id = record_in(&mut tx, entry, Outcome::Pending, "").await?;
    tx.commit().await?;
    Ok(id)
}

/// Records an action that changed nothing of the portal's own (sign-ins,
/// refusals), in a transaction of its own.
pub async fn record(pool: &DbPool, entry: &Entry, outcome: Outcome, detail: &str) -> sqlx::Result<()> {
    let mut tx = pool.begin().await?;
    record_in(&mut tx, entry, outcome, detail).await?;
    tx.commit().await
}

/// Runs one upstream change between its audit row (written `pending`
/// before) and its outcome (after): `detail` on success, the error on failure.
pub async fn around<T>(
    pool: &DbPool,
    entry: &Entry,
    detail: &str,
    change: impl std::future::Future<Output = Result<T, telegent::TelegentError>>,
) -> Result<T, crate::error::AppError> {
    let id = begin(pool, entry).await?;
    match change.await {
        Ok(value) => {
            finish(pool, id, Outcome::Succeeded, detail).await?;
            Ok(value)
        }
        Err(error) => {
            finish(pool, id, Outcome::Failed, &error.to_string()).await?;
            Err(error.into())
        }
    }
}

/// Completes a pending row inside the transaction that makes the portal's own change.
pub async fn finish_in(
    tx: &mut crate::ssr::db::DbTransaction<'_>,
    id: i64,
    outcome: Outcome,
    detail: &str,
) -> sqlx::Result<()> {
    sqlx::query("UPDATE audit_log SET outcome = $1, detail = $2 WHERE id = $3")
        .bind(outcome.as_str())
        .bind(detail)
        .bind(id)
        .execute(&mut **tx)
        .await?;
    Ok(())
}

pub async fn finish(pool: &DbPool, id: i64, outcome: Outcome, detail: &str) -> sqlx::Result<()> {
    sqlx::query("UPDATE audit_log SET outcome = $1, detail = $2 WHERE id = $3")
        .bind(outcome.as_str())
        .bind(detail)
        .bind(id)
        .execute(pool)
        .await?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    async fn pool() -> DbPool {
        crate::ssr::db::connect("sqlite::memory:").await.unwrap()
    }

    #[tokio::test]
    async fn an_upstream_action_is_recorded_before_and_completed_after() {
        let pool = pool().await;
        let entry = Entry {
            user_email: "jane.doe@example.com".into(),
            role: "Manager".into(),
            distributor_id: Some("DID-1".into()),
            account_id: Some("AID-1".into()),
            action: "ManageDataLimits".into(),
            target_ids: vec!["+18015550102".into(), "+18015550103".into()],
            ..Entry::default()
        };
        let id = begin(&pool, &entry).await.unwrap();
        let (outcome,): (String,) = sqlx::query_as("SELECT outcome FROM audit_log WHERE id = $1")
            .bind(id)
            .fetch_one(&pool)
            .await
            .unwrap();
        assert_eq!(outcome, "pending");
        finish(&pool, id, Outcome::Succeeded, "limits 300/400/500 MB")
            .await
            .unwrap();
        let row: (String, String, String) =
            sqlx::query_as("SELECT outcome, target_ids, detail FROM audit_log WHERE id = $1")
                .bind(id)
                .fetch_one(&pool)
                .await
                .unwrap();
        assert_eq!(
            row,
            (
                "succeeded".into(),
                "+18015550102,+18015550103".into(),
                "limits 300/400/500 MB".into()
            )
        );
    }

    #[tokio::test]
    async fn a_rolled_back_change_leaves_no_audit_row() {
        let pool = pool().await;
        let mut tx = pool.begin().await.unwrap();
        record_in(
            &mut tx,
            &Entry {
                user_email: "a@b.c".into(),
                role: "Manager".into(),
                action: "X".into(),
                ..Entry::default()
            },
            Outcome::Succeeded,
            "",
        )
        .await
        .unwrap();
        tx.rollback().await.unwrap();
        let (n,): (i64,) = sqlx::query_as("SELECT COUNT(*) FROM audit_log")
            .fetch_one(&pool)
            .await
            .unwrap();
        assert_eq!(n, 0);
    }
}
