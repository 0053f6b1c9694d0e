//! The portal's own changes, written into the read model at once, so staff
//! lists show them before the next sweep confirms them. Telegent already
//! made the change when these run: a failure here is logged and the sweep
//! repairs the copy; it never turns a done change into an error.

use telegent::types::Subscriber;

use super::store::{delete_search, insert_search, recount, subscriber_haystack};
use super::sweep::{internal, SubscriberIn};
use crate::error::AppError;
use crate::ssr::db::{now_text, DbPool};

fn logged(what: &str, result: Result<(), AppError>) {
    super::changed();
    if let Err(error) = result {
        tracing::warn!(what, %error, "read model write-through failed; the next sweep repairs it");
    }
}

/// A subscriber Telegent created or changed (its answer): the row, its
/// search text and the counts of its Account (and of the one it left).
pub async fn subscriber_saved(pool: &DbPool, distributor_id: &str, subscriber: &Subscriber, account_id: &str) {
    logged(
        "subscriber saved",
        save(pool, distributor_id, subscriber, account_id).await,
    );
}

async fn save(pool: &DbPool, distributor_id: &str, subscriber: &Subscriber, account_id: &str) -> Result<(), AppError> {
    let s = SubscriberIn {
        id: subscriber.subscriber_id.clone(),
        account_id: subscriber.account_id().unwrap_or_else(|| account_id.to_string()),
        name: subscriber.name.clone(),
        email: subscriber.email.clone(),
        role: subscriber.role.clone(),
        numbers: subscriber.phone_numbers.clone(),
    };
    let mut tx = pool.begin().await.map_err(internal)?;
    // A write first (SQLite then holds the write lock for the whole step).
    let before: Option<(String,)> = sqlx::query_as(
        "DELETE FROM rm_subscribers WHERE distributor_id = $1 AND subscriber_id = $2 RETURNING account_id",
    )
    .bind(distributor_id)
    .bind(&s.id)
    .fetch_optional(&mut *tx)
    .await
    .map_err(internal)?;
    let now = now_text();
    sqlx::query(
        "INSERT INTO rm_subscribers (distributor_id, subscriber_id, account_id, name, name_key, email, role, numbers, \
         confirmed_at, written_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $9)",
    )
    .bind(distributor_id)
    .bind(&s.id)
    .bind(&s.account_id)
    .bind(&s.name)
    .bind(s.name.to_lowercase())
    .bind(&s.email)
    .bind(&s.role)
    .bind(s.numbers.join(" "))
    .bind(&now)
    .execute(&mut *tx)
    .await
    .map_err(internal)?;
    delete_search(&mut tx, distributor_id, "subscriber", &s.id).await?;
    insert_search(
        &mut tx,
        distributor_id,
        &s.account_id,
        "subscriber",
        &s.id,
        &subscriber_haystack(&s),
    )
    .await?;
    recount(&mut tx, distributor_id, Some(&s.account_id)).await?;
    if let Some((old,)) = before.filter(|(old,)| *old != s.account_id) {
        recount(&mut tx, distributor_id, Some(&old)).await?;
    }
    tx.commit().await.map_err(internal)
}

/// A member the portal removed from their Account: gone from the lists,
/// their lines now with `heir` (see `members::removal`).
pub async fn subscriber_removed(
    pool: &DbPool,
    distributor_id: &str,
    account_id: &str,
    subscriber_id: &str,
    heir: &str,
) {
    let result = async {
        let mut tx = pool.begin().await.map_err(internal)?;
        let moved: Option<(String,)> = sqlx::query_as(
            "DELETE FROM rm_subscribers WHERE distributor_id = $1 AND subscriber_id = $2 RETURNING numbers",
        )
        .bind(distributor_id)
        .bind(subscriber_id)
        .fetch_optional(&mut *tx)
        .await
        .map_err(internal)?;
        if let Some((numbers,)) = moved.filter(|(n,)| !n.is_empty()) {
            sqlx::query(
                "UPDATE rm_subscribers SET numbers = trim(numbers || ' ' || $1), written_at = $4 \
                 WHERE distributor_id = $2 AND subscriber_id = $3",
            )
            .bind(&numbers)
            .bind(distributor_id)
            .bind(heir)
            .bind(now_text())
            .execute(&mut *tx)
            .await
            .map_err(internal)?;
            sqlx::query("UPDATE rm_numbers SET subscriber_id = $1 WHERE distributor_id = $2 AND subscriber_id = $3")
                .bind(heir)
                .bind(distributor_id)
                .bind(subscriber_id)
                .execute(&mut *tx)
                .await
                .map_err(internal)?;
        }
        delete_search(&mut tx, distributor_id, "subscriber", subscriber_id).await?;
        recount(&mut tx, distributor_id, Some(account_id)).await?;
        tx.commit().await.map_err(internal)
    }
    .await;
    logged("subscriber removed", result);
}

/// New data limits on lines: the limit and the share used follow at once
/// (the behaviour is confirmed by the next usage read).
pub async fn limits_set(pool: &DbPool, distributor_id: &str, msisdns: &[String], limit_mb: i64) {
    let result = async {
        let limit_kb = limit_mb.saturating_mul(1024);
        let mut tx = pool.begin().await.map_err(internal)?;
        for msisdn in msisdns {
            sqlx::query(
                "UPDATE rm_numbers SET limit_kb = $1, \
                 percent = CASE WHEN used_kb IS NULL OR $1 <= 0 THEN percent \
                   WHEN used_kb >= $1 THEN 100 ELSE (used_kb * 100) / $1 END, written_at = $4 \
                 WHERE distributor_id = $2 AND msisdn = $3",
            )
            .bind(limit_kb)
            .bind(distributor_id)
            .bind(msisdn)
            .bind(now_text())
            .execute(&mut *tx)
            .await
            .map_err(internal)?;
        }
        tx.commit().await.map_err(internal)
    }
    .await;
    logged("limits set", result);
}

/// A line's new status (suspended, restored, cancelled) at once; the next
/// sweep confirms it.
pub async fn number_status(pool: &DbPool, distributor_id: &str, msisdn: &str, status: &str) {
    let result =
        sqlx::query("UPDATE rm_numbers SET status = $1, written_at = $2 WHERE distributor_id = $3 AND msisdn = $4")
            .bind(status)
            .bind(now_text())
            .bind(distributor_id)
            .bind(msisdn)
            .execute(pool)
            .await
            .map(|_| ())
            .map_err(internal);
    super::changed();
    logged("number status", result);
}

/// A line's new SIM after a swap: its row and search text at once (an
/// answer that does not say the new ICCID leaves it empty until the next
/// sweep reads it: the old one is certainly no longer the line's).
pub async fn number_sim(pool: &DbPool, distributor_id: &str, msisdn: &str, iccid: &str) {
    let result = async {
        let mut tx = pool.begin().await.map_err(internal)?;
        let row: Option<(String, String, String)> = sqlx::query_as(
            "SELECT number_id, message_route_id, voice_route_id FROM rm_numbers WHERE distributor_id = $1 AND msisdn = $2",
        )
        .bind(distributor_id)
        .bind(msisdn)
        .fetch_optional(&mut *tx)
        .await
        .map_err(internal)?;
        let Some((number_id, message_route, voice_route)) = row else {
            return Ok(());
        };
        sqlx::query("UPDATE rm_numbers SET iccid = $1, written_at = $2 WHERE distributor_id = $3 AND msisdn = $4")
            .bind(iccid)
            .bind(now_text())
            .bind(distributor_id)
            .bind(msisdn)
            .execute(&mut *tx)
            .await
            .map_err(internal)?;
        let text = super::store::haystack(&[
            &super::store::number_words(msisdn),
            &number_id,
            iccid,
            &message_route,
            &voice_route,
        ]);
        sqlx::query("UPDATE rm_search SET haystack = $1 WHERE distributor_id = $2 AND kind = 'number' AND ref_id = $3")
            .bind(&text)
            .bind(distributor_id)
            .bind(msisdn)
            .execute(&mut *tx)
            .await
            .map_err(internal)?;
        tx.commit().await.map_err(internal)
    }
    .await;
    logged("number SIM", result);
}

/// A line's routes and capabilities after an update, at once.
pub async fn number_updated(
    pool: &DbPool,
    distributor_id: &str,
    msisdn: &str,
    product_type: &str,
    message_route_id: &str,
    voice_route_id: &str,
) {
    let capabilities = crate::inventory::model::capabilities_code(
        Some(product_type.to_ascii_lowercase().contains("sms")),
        Some(product_type.to_ascii_lowercase().contains("voice")),
        product_type,
    );
    let result = sqlx::query(
        "UPDATE rm_numbers SET product_type = $1, capabilities = $2, message_route_id = $3, voice_route_id = $4, \
         written_at = $5 WHERE distributor_id = $6 AND msisdn = $7",
    )
    .bind(product_type)
    .bind(&capabilities)
    .bind(message_route_id)
    .bind(voice_route_id)
    .bind(now_text())
    .bind(distributor_id)
    .bind(msisdn)
    .execute(pool)
    .await
    .map(|_| ())
    .map_err(internal);
    super::changed();
    logged("number updated", result);
}

/// A line's new number after a swap or replacement: its row and search
/// text move to the new number at once (the old one is released); the next
/// sweep confirms it.
pub async fn number_renumbered(pool: &DbPool, distributor_id: &str, old: &str, new: &str) {
    let result = async {
        let mut tx = pool.begin().await.map_err(internal)?;
        let row: Option<(String, String, String, String)> = sqlx::query_as(
            "SELECT number_id, iccid, message_route_id, voice_route_id FROM rm_numbers \
             WHERE distributor_id = $1 AND msisdn = $2",
        )
        .bind(distributor_id)
        .bind(old)
        .fetch_optional(&mut *tx)
        .await
        .map_err(internal)?;
        let Some((number_id, iccid, message_route, voice_route)) = row else {
            return Ok(());
        };
        sqlx::query("UPDATE rm_numbers SET msisdn = $1, written_at = $2 WHERE distributor_id = $3 AND msisdn = $4")
            .bind(new)
            .bind(now_text())
            .bind(distributor_id)
            .bind(old)
            .execute(&mut *tx)
            .await
            .map_err(internal)?;
        let text = super::store::haystack(&[
            &super::store::number_words(new),
            &number_id,
            &iccid,
            &message_route,
            &voice_route,
        ]);
        sqlx::query(
            "UPDATE rm_search SET ref_id = $1, haystack = $2 WHERE distributor_id = $3 AND kind = 'number' AND ref_id = $4",
        )
        .bind(new)
        .bind(&text)
        .bind(distributor_id)
        .bind(old)
        .execute(&mut *tx)
        .await
        .map_err(internal)?;
        tx.commit().await.map_err(internal)
    }
    .await;
    super::changed();
    logged("number renumbered", result);
}

/// A number the portal ordered (the request and Telegent's answer): listed
/// in the inventory at once, in its Account, with its person and routes;
/// the next sweep confirms it.
pub async fn number_provisioned(
    pool: &DbPool,
    distributor_id: &str,
    account_id: &str,
    request: &telegent::ops::numbers::ProvisionRequest,
    answer: &serde_json::Value,
) {
    let field = |name: &str| answer[name].as_str().unwrap_or_default().trim().to_string();
    let msisdn = field("PhoneNumberAssigned");
    if msisdn.is_empty() {
        return;
    }
    let status = if crate::read_model::orders::is_final(&field("OrderStatus")) || field("OrderStatus").is_empty() {
        "Active"
    } else {
        "Pending"
    };
    let at = now_text();
    let (number_id, iccid) = (field("PhoneNumberId"), field("ICCID"));
    let classification = crate::inventory::model::classification_code(Some(&request.number_type), None);
    let capabilities = crate::inventory::model::capabilities_code(
        Some(request.message_enabled),
        Some(request.voice_enabled),
        &request.product_type,
    );
    let result = async {
        let mut tx = pool.begin().await.map_err(internal)?;
        sqlx::query(
            "INSERT INTO rm_numbers (distributor_id, msisdn, number_id, iccid, account_id, subscriber_id, status, \
             product_type, message_route_id, voice_route_id, behaviour, confirmed_at, written_at, classification, \
             capabilities) VALUES ($1, $2, $3, $4, $5, '', $6, $7, $8, $9, '', $10, $10, $11, $12) \
             ON CONFLICT (distributor_id, msisdn) DO NOTHING",
        )
        .bind(distributor_id)
        .bind(&msisdn)
        .bind(&number_id)
        .bind(&iccid)
        .bind(account_id)
        .bind(status)
        .bind(&request.product_type)
        .bind(request.message_route_id.clone().unwrap_or_default())
        .bind(request.voice_route_id.clone().unwrap_or_default())
        .bind(&at)
        .bind(&classification)
        .bind(&capabilities)
        .execute(&mut *tx)
        .await
        .map_err(internal)?;
        let text = super::store::haystack(&[
            &super::store::number_words(&msisdn),
            &number_id,
            &iccid,
            request.message_route_id.as_deref().unwrap_or_default(),
            request.voice_route_id.as_deref().unwrap_or_default(),
        ]);
        insert_search(&mut tx, distributor_id, account_id, "number", &msisdn, &text).await?;
        recount(&mut tx, distributor_id, Some(account_id)).await?;
        tx.commit().await.map_err(internal)
    }
    .await;
    logged("number provisioned", result);
    // Its person (their row lists it, the line names them).
    if let Some(holder) = request.assigned_subscriber_id.as_deref().filter(|h| !h.is_empty()) {
        lines_given(pool, distributor_id, account_id, holder, std::slice::from_ref(&msisdn)).await;
    }
}

/// An Account the portal created or changed (Telegent's answer): its row
/// and search text at once; its counts follow from the rows below it.
pub async fn account_saved(pool: &DbPool, distributor_id: &str, account: &telegent::types::Account) {
    let result = async {
        let a = super::sweep::AccountIn {
            id: account.account_id.clone(),
            name: account.account_name.clone(),
            address: account
                .billing_address
                .as_ref()
                .map(|a| a.one_line())
                .unwrap_or_default(),
        };
        let now = now_text();
        let mut tx = pool.begin().await.map_err(internal)?;
        sqlx::query("DELETE FROM rm_accounts WHERE distributor_id = $1 AND account_id = $2")
            .bind(distributor_id)
            .bind(&a.id)
            .execute(&mut *tx)
            .await
            .map_err(internal)?;
        sqlx::query(
            "INSERT INTO rm_accounts (distributor_id, account_id, name, name_key, address, confirmed_at, written_at) \
             VALUES ($1, $2, $3, $4, $5, $6, $6)",
        )
        .bind(distributor_id)
        .bind(&a.id)
        .bind(&a.name)
        .bind(a.name.to_lowercase())
        .bind(&a.address)
        .bind(&now)
        .execute(&mut *tx)
        .await
        .map_err(internal)?;
        delete_search(&mut tx, distributor_id, "account", &a.id).await?;
        insert_search(
            &mut tx,
            distributor_id,
            &a.id,
            "account",
            &a.id,
            &super::store::account_haystack(&a),
        )
        .await?;
        recount(&mut tx, distributor_id, Some(&a.id)).await?;
        tx.commit().await.map_err(internal)
    }
    .await;
    logged("account saved", result);
}

/// A subscriber the portal moved to another Account: their row (as
/// Telegent answered), their lines' Account, the search rows of those
/// lines and the counts of both Accounts.
pub async fn subscriber_moved(
    pool: &DbPool,
    distributor_id: &str,
    subscriber: &Subscriber,
    from_account_id: &str,
    to_account_id: &str,
) {
    subscriber_saved(pool, distributor_id, subscriber, to_account_id).await;
    let result = async {
        let mut tx = pool.begin().await.map_err(internal)?;
        let moved: Vec<(String,)> = sqlx::query_as(
            "UPDATE rm_numbers SET account_id = $1, written_at = $2 \
             WHERE distributor_id = $3 AND subscriber_id = $4 RETURNING msisdn",
        )
        .bind(to_account_id)
        .bind(now_text())
        .bind(distributor_id)
        .bind(&subscriber.subscriber_id)
        .fetch_all(&mut *tx)
        .await
        .map_err(internal)?;
        for (msisdn,) in &moved {
            sqlx::query(
                "UPDATE rm_search SET account_id = $1 WHERE distributor_id = $2 AND kind = 'number' AND ref_id = $3",
            )
            .bind(to_account_id)
            .bind(distributor_id)
            .bind(msisdn)
            .execute(&mut *tx)
            .await
            .map_err(internal)?;
        }
        // The plans on their lines moved with them.
        sqlx::query(
            "UPDATE rm_subscriptions SET account_id = $1, written_at = $2 WHERE distributor_id = $3 AND subscriber_id = $4",
        )
        .bind(to_account_id)
        .bind(now_text())
        .bind(distributor_id)
        .bind(&subscriber.subscriber_id)
        .execute(&mut *tx)
        .await
        .map_err(internal)?;
        // Both Accounts' line counts (the subscriber counts followed above).
        recount(&mut tx, distributor_id, Some(from_account_id)).await?;
        recount(&mut tx, distributor_id, Some(to_account_id)).await?;
        tx.commit().await.map_err(internal)
    }
    .await;
    logged("subscriber moved", result);
}

/// Lines the portal gave a person of their Account (see
/// `members::lines_given`): each line names them, their row lists it, and
/// the Account's counts (lines without a person) follow.
pub async fn lines_given(pool: &DbPool, distributor_id: &str, account_id: &str, subscriber_id: &str, lines: &[String]) {
    if lines.is_empty() {
        return;
    }
    let result = async {
        let mut tx = pool.begin().await.map_err(internal)?;
        let now = now_text();
        for line in lines {
            sqlx::query(
                "UPDATE rm_numbers SET subscriber_id = $1, written_at = $2 \
                 WHERE distributor_id = $3 AND account_id = $4 AND msisdn = $5",
            )
            .bind(subscriber_id)
            .bind(&now)
            .bind(distributor_id)
            .bind(account_id)
            .bind(line)
            .execute(&mut *tx)
            .await
            .map_err(internal)?;
        }
        let held: Option<(String, String, String, String)> = sqlx::query_as(
            "SELECT numbers, name, email, role FROM rm_subscribers WHERE distributor_id = $1 AND subscriber_id = $2",
        )
        .bind(distributor_id)
        .bind(subscriber_id)
        .fetch_optional(&mut *tx)
        .await
        .map_err(internal)?;
        if let Some((numbers, name, email, role)) = held {
            let mut all: Vec<String> = numbers.split_whitespace().map(String::from).collect();
            for line in lines {
                if !all.contains(line) {
                    all.push(line.clone());
                }
            }
            sqlx::query(
                "UPDATE rm_subscribers SET numbers = $1, written_at = $2 WHERE distributor_id = $3 AND subscriber_id = $4",
            )
            .bind(all.join(" "))
            .bind(&now)
            .bind(distributor_id)
            .bind(subscriber_id)
            .execute(&mut *tx)
            .await
            .map_err(internal)?;
            // A person is found by their lines' numbers too.
            let person = SubscriberIn {
                id: subscriber_id.to_string(),
                account_id: account_id.to_string(),
                name,
                email,
                role,
                numbers: all,
            };
            delete_search(&mut tx, distributor_id, "subscriber", subscriber_id).await?;
            insert_search(&mut tx, distributor_id, account_id, "subscriber", subscriber_id, &subscriber_haystack(&person))
                .await?;
        }
        recount(&mut tx, distributor_id, Some(account_id)).await?;
        tx.commit().await.map_err(internal)
    }
    .await;
    logged("lines given", result);
}

/// A subscription Telegent created for the portal (its answer): listed at
/// once, in the Account of its number.
pub async fn subscription_saved(pool: &DbPool, distributor_id: &str, answer: &serde_json::Value) {
    let field = |name: &str| answer[name].as_str().unwrap_or_default().to_string();
    let (id, tnid) = (field("SubscriptionId"), field("TNID"));
    if id.is_empty() {
        return;
    }
    let result = async {
        let mut tx = pool.begin().await.map_err(internal)?;
        sqlx::query("DELETE FROM rm_subscriptions WHERE distributor_id = $1 AND subscription_id = $2")
            .bind(distributor_id)
            .bind(&id)
            .execute(&mut *tx)
            .await
            .map_err(internal)?;
        // The number's Account, else its subscriber's (never none: an
        // Account-scoped list would not show it).
        let account: Option<(String,)> = sqlx::query_as(
            "SELECT account_id FROM rm_numbers WHERE distributor_id = $1 AND number_id = $2 \
             UNION ALL SELECT account_id FROM rm_subscribers WHERE distributor_id = $1 AND subscriber_id = $3",
        )
        .bind(distributor_id)
        .bind(&tnid)
        .bind(field("SubscriberId"))
        .fetch_optional(&mut *tx)
        .await
        .map_err(internal)?;
        let Some((account_id,)) = account else {
            // Not in the copy yet: the next sweep lists it.
            return tx.commit().await.map_err(internal);
        };
        let now = now_text();
        sqlx::query(
            "INSERT INTO rm_subscriptions (distributor_id, subscription_id, account_id, subscriber_id, tnid, package_id, \
             kind, active, confirmed_at, written_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $9)",
        )
        .bind(distributor_id)
        .bind(&id)
        .bind(&account_id)
        .bind(field("SubscriberId"))
        .bind(&tnid)
        .bind(field("PackageId"))
        .bind(field("Type"))
        .bind(answer["Active"].as_bool().map(i64::from))
        .bind(&now)
        .execute(&mut *tx)
        .await
        .map_err(internal)?;
        tx.commit().await.map_err(internal)
    }
    .await;
    logged("subscription saved", result);
}

/// A subscription the portal cancelled leaves the copy at once.
pub async fn subscription_removed(pool: &DbPool, distributor_id: &str, subscription_id: &str) {
    let result = sqlx::query("DELETE FROM rm_subscriptions WHERE distributor_id = $1 AND subscription_id = $2")
        .bind(distributor_id)
        .bind(subscription_id)
        .execute(pool)
        .await
        .map(|_| ())
        .map_err(internal);
    logged("subscription removed", result);
}
