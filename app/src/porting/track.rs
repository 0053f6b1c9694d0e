//! Following a port-in: each status Telegent reports (read by the read
//! model's background sweeps inside the rate budget, or by "check now") is
//! compared with the last one seen; a change goes on the timeline and is
//! told to the person who submitted it and the Account's Manager(s) in the
//! notification centre. Browsers never poll Telegent for it.

use telegent::phone;

use super::model::{ends_port_in, next_step, Stage};
use super::store;
use crate::notifications::model::NoticeKind;
use crate::ssr::db::DbPool;

/// What Telegent said of `order_id` just now. Not a port-in the portal
/// keeps, or one already over: nothing happens.
pub async fn seen(pool: &DbPool, distributor_id: &str, order_id: &str, status: &str, message: &str) {
    let status = status.trim();
    if status.is_empty() {
        return;
    }
    let p = match store::by_order(pool, distributor_id, order_id).await {
        Ok(Some(p)) if p.stage == Stage::Open => p,
        Ok(_) => return,
        Err(error) => {
            tracing::warn!(%error, order_id, "a port-in's status was not recorded");
            return;
        }
    };
    if p.status == status && p.status_message == message.trim() {
        let _ = store::touch_checked(pool, &p).await;
        return;
    }
    let stage = if ends_port_in(status) {
        Stage::Ended
    } else {
        Stage::Open
    };
    match store::set_status(pool, &p, stage, status, message.trim()).await {
        Ok(true) => {}
        // Changed meanwhile (a cancel, another read of the same change).
        Ok(false) => return,
        Err(error) => {
            tracing::warn!(%error, order_id, "a port-in's status was not recorded");
            return;
        }
    }
    let said = if message.trim().is_empty() {
        format!("Telegent: {status}.")
    } else {
        format!("Telegent: {status} — {}", message.trim())
    };
    store::event(pool, &p.id, "status", status, &said, "Telegent").await;
    let mut people: Vec<i64> = p.submitted_by.into_iter().collect();
    people.extend(
        crate::notifications::service::people_of(pool, distributor_id, &p.account_id, &["Manager"])
            .await
            .into_iter()
            .map(|(id, _)| id),
    );
    let shown = phone::format_for_display(&p.msisdn);
    crate::notifications::service::notify(
        pool,
        &people,
        distributor_id,
        &p.account_id,
        NoticeKind::PortIn,
        &format!("Port-in of {shown}: {status}"),
        &next_step(status, message),
        &crate::links::port_in(&p.account_id, &p.id),
    )
    .await;
}

/// Telegent no longer knows the order: the port-in ends (said on its
/// timeline and to the same people), rather than staying open unfollowed.
pub async fn gone(pool: &DbPool, distributor_id: &str, order_id: &str) {
    seen(
        pool,
        distributor_id,
        order_id,
        "Failed",
        "Telegent no longer knows this order: check with Telegent support, then start again if the number should \
         still move.",
    )
    .await;
}
