//! Open orders in the read model: the provisioning orders and port-ins the
//! portal submitted, until they end. Telegent lists no orders, so the
//! portal records each one it sends (write-through) and its sweeps ask
//! `numbers/order` after the oldest open ones, a bounded number per sweep.

use telegent::TelegentClient;

use super::sweep::internal;
use crate::error::AppError;
use crate::ssr::db::{now_text, DbPool};

/// Orders asked after per sweep (oldest first): each is one call.
pub const CHECKED_PER_SWEEP: i64 = 20;

/// Whether Telegent's status ends the order (either spelling it uses).
pub fn is_final(status: &str) -> bool {
    matches!(
        status.trim().to_ascii_lowercase().as_str(),
        "complete" | "completed" | "rejected" | "cancelled" | "canceled" | "failed"
    )
}

/// An order the portal just submitted (Telegent's answer): kept while open.
pub async fn submitted(pool: &DbPool, distributor_id: &str, account_id: &str, kind: &str, answer: &serde_json::Value) {
    let field = |name: &str| answer[name].as_str().unwrap_or_default().trim().to_string();
    let order_id = field("OrderId");
    let status = [field("OrderStatus"), field("Status")]
        .into_iter()
        .find(|s| !s.is_empty())
        .unwrap_or_else(|| "Pending".into());
    if order_id.is_empty() || is_final(&status) {
        return;
    }
    let numbers = [field("PhoneNumberAssigned"), field("PhoneNumber")]
        .into_iter()
        .filter(|n| !n.is_empty())
        .collect::<Vec<_>>()
        .join(" ");
    let now = now_text();
    let result = sqlx::query(
        "INSERT INTO rm_orders (distributor_id, order_id, account_id, kind, numbers, status, submitted_at, confirmed_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $7) ON CONFLICT (distributor_id, order_id) DO NOTHING",
    )
    .bind(distributor_id)
    .bind(&order_id)
    .bind(account_id)
    .bind(kind)
    .bind(&numbers)
    .bind(&status)
    .bind(&now)
    .execute(pool)
    .await;
    super::changed();
    if let Err(error) = result {
        tracing::warn!(%error, order_id, "an open order was not recorded; it is not listed until it is sent again");
    }
}

/// Asks Telegent after the oldest open orders; ended ones leave the list.
/// Returns the calls made. A failed read leaves its order as it was.
pub async fn check_open(pool: &DbPool, client: &TelegentClient, distributor_id: &str) -> Result<u32, AppError> {
    let open: Vec<(String, String)> = sqlx::query_as(
        "SELECT order_id, kind FROM rm_orders WHERE distributor_id = $1 ORDER BY confirmed_at, submitted_at LIMIT $2",
    )
    .bind(distributor_id)
    .bind(CHECKED_PER_SWEEP)
    .fetch_all(pool)
    .await
    .map_err(internal)?;
    let mut calls = 0;
    for (order_id, kind) in open {
        calls += 1;
        let order = match client.number_order(&order_id).await {
            Ok(order) => order,
            Err(telegent::TelegentError::NotFound) => {
                // Telegent no longer knows it: nothing is open any more.
                if kind == "portin" {
                    crate::porting::track::gone(pool, distributor_id, &order_id).await;
                }
                delete(pool, distributor_id, &order_id).await?;
                continue;
            }
            Err(error) => {
                // To the back of the queue: one order that keeps failing must
                // not take every sweep's checks from the others.
                tracing::warn!(%error, order_id, "an open order was not read; asked again later");
                sqlx::query("UPDATE rm_orders SET confirmed_at = $1 WHERE distributor_id = $2 AND order_id = $3")
                    .bind(now_text())
                    .bind(distributor_id)
                    .bind(&order_id)
                    .execute(pool)
                    .await
                    .map_err(internal)?;
                continue;
            }
        };
        let status = order.order_status.unwrap_or_default();
        let message = order.order_status_message.unwrap_or_default();
        if kind == "portin" {
            // The cockpit's timeline and notifications follow every port-in read.
            crate::porting::track::seen(pool, distributor_id, &order_id, &status, &message).await;
        }
        // A port-in's rejection is not its end: it may be corrected.
        let ended = if kind == "portin" {
            crate::porting::model::ends_port_in(&status)
        } else {
            is_final(&status)
        };
        if ended {
            delete(pool, distributor_id, &order_id).await?;
            continue;
        }
        sqlx::query(
            "UPDATE rm_orders SET status = $1, status_message = $2, confirmed_at = $3 \
             WHERE distributor_id = $4 AND order_id = $5",
        )
        .bind(if status.is_empty() {
            "Pending".to_string()
        } else {
            status
        })
        .bind(message)
        .bind(now_text())
        .bind(distributor_id)
        .bind(&order_id)
        .execute(pool)
        .await
        .map_err(internal)?;
    }
    Ok(calls)
}

/// An order the portal ended itself (a cancelled port-in): off the list.
pub async fn ended(pool: &DbPool, distributor_id: &str, order_id: &str) {
    if let Err(error) = delete(pool, distributor_id, order_id).await {
        tracing::warn!(%error, order_id, "an ended order stays listed until the next sweep reads it");
    }
    super::changed();
}

async fn delete(pool: &DbPool, distributor_id: &str, order_id: &str) -> Result<(), AppError> {
    sqlx::query("DELETE FROM rm_orders WHERE distributor_id = $1 AND order_id = $2")
        .bind(distributor_id)
        .bind(order_id)
        .execute(pool)
        .await
        .map_err(internal)?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn both_spellings_of_an_end_end_an_order() {
        for status in ["Complete", "Completed", "rejected", " Cancelled ", "Canceled", "Failed"] {
            assert!(is_final(status), "{status}");
        }
        for status in [
            "Pending",
            "InProgress",
            "ResolutionRequired",
            "Submitted",
            "Scheduled",
            "",
        ] {
            assert!(!is_final(status), "{status}");
        }
    }
}
