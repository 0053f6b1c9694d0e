//! The two things the checklist records by hand: a section marked not in
//! scope (with its reason) and the joint sign-off. Each change is one
//! transaction with its audit entry.

use std::collections::HashMap;

use super::model::{ScopeMark, SignOff};
use crate::error::AppError;
use crate::ssr::audit::{self, Entry, Outcome};
use crate::ssr::db::{now_text, DbPool};

pub async fn scope_marks(
    pool: &DbPool,
    distributor_id: &str,
    account_id: &str,
) -> Result<HashMap<String, ScopeMark>, AppError> {
    let rows: Vec<(String, String, String, String)> = sqlx::query_as(
        "SELECT section, reason, marked_by, marked_at FROM onboarding_scope_marks \
         WHERE distributor_id = $1 AND account_id = $2",
    )
    .bind(distributor_id)
    .bind(account_id)
    .fetch_all(pool)
    .await?;
    Ok(rows
        .into_iter()
        .map(|(section, reason, by, at)| (section, ScopeMark { reason, by, at }))
        .collect())
}

pub async fn sign_off(pool: &DbPool, distributor_id: &str, account_id: &str) -> Result<Option<SignOff>, AppError> {
    let row: Option<(String, String, String)> = sqlx::query_as(
        "SELECT signed_by, telegent_contact, signed_at FROM onboarding_signoffs \
         WHERE distributor_id = $1 AND account_id = $2",
    )
    .bind(distributor_id)
    .bind(account_id)
    .fetch_optional(pool)
    .await?;
    Ok(row.map(|(by, telegent_contact, at)| SignOff {
        by,
        telegent_contact,
        at,
    }))
}

/// The Accounts of the Distributor that are signed off.
pub async fn signed_accounts(pool: &DbPool, distributor_id: &str) -> Result<Vec<String>, AppError> {
    let rows: Vec<(String,)> =
        sqlx::query_as("SELECT account_id FROM onboarding_signoffs WHERE distributor_id = $1 AND account_id <> ''")
            .bind(distributor_id)
            .fetch_all(pool)
            .await?;
    Ok(rows.into_iter().map(|(a,)| a).collect())
}

pub async fn mark_out_of_scope(
    pool: &DbPool,
    entry: &Entry,
    (distributor_id, account_id): (&str, &str),
    section: &str,
    reason: &str,
) -> Result<(), AppError> {
    let mut tx = pool.begin().await?;
    sqlx::query(
        "INSERT INTO onboarding_scope_marks (distributor_id, account_id, section, reason, marked_by, marked_at) \
         VALUES ($1, $2, $3, $4, $5, $6) \
         ON CONFLICT (distributor_id, account_id, section) DO UPDATE SET \
         reason = excluded.reason, marked_by = excluded.marked_by, marked_at = excluded.marked_at",
    )
    .bind(distributor_id)
    .bind(account_id)
    .bind(section)
    .bind(reason)
    .bind(&entry.user_email)
    .bind(now_text())
    .execute(&mut *tx)
    .await?;
    audit::record_in(
        &mut tx,
        entry,
        Outcome::Succeeded,
        &format!("{section} not in scope: {reason}"),
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

pub async fn mark_in_scope(
    pool: &DbPool,
    entry: &Entry,
    (distributor_id, account_id): (&str, &str),
    section: &str,
) -> Result<(), AppError> {
    let mut tx = pool.begin().await?;
    let removed = sqlx::query(
        "DELETE FROM onboarding_scope_marks WHERE distributor_id = $1 AND account_id = $2 AND section = $3",
    )
    .bind(distributor_id)
    .bind(account_id)
    .bind(section)
    .execute(&mut *tx)
    .await?
    .rows_affected();
    // A repeat (it was in scope already) changes nothing: no audit row.
    if removed > 0 {
        audit::record_in(&mut tx, entry, Outcome::Succeeded, &format!("{section} back in scope")).await?;
    }
    tx.commit().await?;
    Ok(())
}

/// Records the sign-off once: a second one (a double click, a replay)
/// changes nothing and is not an error.
pub async fn record_sign_off(
    pool: &DbPool,
    entry: &Entry,
    (distributor_id, account_id): (&str, &str),
    telegent_contact: &str,
) -> Result<(), AppError> {
    let mut tx = pool.begin().await?;
    let inserted = sqlx::query(
        "INSERT INTO onboarding_signoffs (distributor_id, account_id, signed_by, telegent_contact, signed_at) \
         VALUES ($1, $2, $3, $4, $5) ON CONFLICT (distributor_id, account_id) DO NOTHING",
    )
    .bind(distributor_id)
    .bind(account_id)
    .bind(&entry.user_email)
    .bind(telegent_contact)
    .bind(now_text())
    .execute(&mut *tx)
    .await?
    .rows_affected();
    if inserted == 1 {
        audit::record_in(
            &mut tx,
            entry,
            Outcome::Succeeded,
            &format!("signed off with {telegent_contact} (Telegent)"),
        )
        .await?;
    }
    tx.commit().await?;
    Ok(())
}
