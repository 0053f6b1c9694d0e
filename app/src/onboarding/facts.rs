//! Gathers the checklist's [`Facts`] for one Account or a whole
//! Distributor: the read model for what staff lists already mirror
//! (subscribers, numbers, subscriptions, data usage, open orders), the
//! portal's audit log for what only the portal did (a status change, a
//! port-in step), and a few cached reads of Telegent (catalog, routes,
//! and message search on at most three lines).

use telegent::TelegentClient;

use super::steps::Facts;
use crate::error::AppError;
use crate::ssr::AppState;

/// What the number and porting pages record in the audit log, by step.
pub const STATUS_CHANGE_ACTIONS: [&str; 2] = ["ChangeNumberStatus", "ReactivateNumber"];
pub const ELIGIBILITY_ACTION: &str = "CheckPortInEligibility";
pub const SUBMIT_PORT_IN_ACTION: &str = "SubmitPortIn";
pub const UPDATE_PORT_IN_ACTION: &str = "UpdatePortIn";
pub const CANCEL_PORT_IN_ACTION: &str = "CancelPortIn";
pub const PORT_OUT_ACTION: &str = "IssuePortOutPin";

/// Lines whose messages are searched (one call each).
const LINES_SEARCHED: usize = 3;

/// The scope of one query: the Distributor, and the Account if any.
struct Where<'a> {
    distributor_id: &'a str,
    account_id: Option<&'a str>,
}

impl Where<'_> {
    /// `AND account_id = $2` when the checklist is one Account's.
    fn account_clause(&self) -> &'static str {
        if self.account_id.is_some() {
            " AND account_id = $2"
        } else {
            ""
        }
    }
}

async fn first(state: &AppState, w: &Where<'_>, sql: &str) -> Result<Option<(String, String)>, AppError> {
    let sql = format!("{} LIMIT 1", sql.replace("{account}", w.account_clause()));
    let mut query = sqlx::query_as::<_, (String, String)>(&sql).bind(w.distributor_id.to_string());
    if let Some(a) = w.account_id {
        query = query.bind(a.to_string());
    }
    Ok(query.fetch_optional(&state.pool).await?)
}

/// Whether the audit log has a succeeded entry of one of `actions` here.
async fn audited(state: &AppState, w: &Where<'_>, actions: &[&str]) -> Result<bool, AppError> {
    let list = actions.iter().map(|a| format!("'{a}'")).collect::<Vec<_>>().join(", ");
    let sql = format!(
        "SELECT CAST(count(*) AS BIGINT) FROM audit_log WHERE distributor_id = $1{} \
         AND outcome = 'succeeded' AND action IN ({list})",
        w.account_clause()
    );
    let mut query = sqlx::query_as::<_, (i64,)>(&sql).bind(w.distributor_id.to_string());
    if let Some(a) = w.account_id {
        query = query.bind(a.to_string());
    }
    Ok(query.fetch_one(&state.pool).await?.0 > 0)
}

pub async fn gather(
    state: &AppState,
    client: &TelegentClient,
    distributor_id: &str,
    account_id: Option<&str>,
) -> Result<Facts, AppError> {
    crate::read_model::sweep::ensure_filled(state, distributor_id).await?;
    let w = Where {
        distributor_id,
        account_id,
    };
    let mine = |owner: Option<&str>| match (account_id, owner.filter(|o| !o.is_empty())) {
        (None, _) | (Some(_), None) => true,
        (Some(a), Some(o)) => a == o,
    };
    let account = match account_id {
        Some(a) => Some(a.to_string()),
        None => first(
            state,
            &w,
            "SELECT account_id, name FROM rm_accounts WHERE distributor_id = $1 ORDER BY account_id",
        )
        .await?
        .map(|(id, _)| id),
    };
    let product = client
        .distributor_products(None)
        .await?
        .results
        .into_iter()
        .find(|p| p.active.unwrap_or(true) && mine(p.account_id.as_deref()))
        .and_then(|p| p.product_id);
    let package = client
        .distributor_packages(None)
        .await?
        .results
        .into_iter()
        .find(|p| p.active.unwrap_or(true) && mine(p.account_id.as_deref()))
        .and_then(|p| p.package_id);
    let message_route = client
        .account_message_routes(account_id)
        .await?
        .results
        .into_iter()
        .find(|r| mine(r.account_id.as_deref()))
        .and_then(|r| r.message_route_id);
    let voice_route = client
        .account_voice_routes(account_id)
        .await?
        .results
        .into_iter()
        .find(|r| mine(r.account_id.as_deref()))
        .and_then(|r| r.call_route_id);
    let subscriber = first(
        state,
        &w,
        "SELECT subscriber_id, name FROM rm_subscribers WHERE distributor_id = $1{account} ORDER BY subscriber_id",
    )
    .await?
    .map(|(id, _)| id);
    let number = first(
        state,
        &w,
        "SELECT number_id, msisdn FROM rm_numbers WHERE distributor_id = $1{account} ORDER BY msisdn",
    )
    .await?;
    // Parked or cancelled is a status changed from active (the API's words
    // for the checklist's suspend and deactivate).
    let status_changed = audited(state, &w, &STATUS_CHANGE_ACTIONS).await?
        || first(
            state,
            &w,
            "SELECT msisdn, status FROM rm_numbers WHERE distributor_id = $1{account} \
             AND lower(status) IN ('parked', 'cancelled', 'suspended', 'inactive')",
        )
        .await?
        .is_some();
    let open_port_in = first(
        state,
        &w,
        "SELECT order_id, CASE WHEN confirmed_at > submitted_at THEN 'read' ELSE '' END FROM rm_orders \
         WHERE distributor_id = $1{account} AND kind = 'portin' ORDER BY submitted_at",
    )
    .await?;
    let submitted = audited(state, &w, &[SUBMIT_PORT_IN_ACTION]).await?;
    let port_in_order = open_port_in
        .as_ref()
        .map(|(id, _)| id.clone())
        .or_else(|| submitted.then(|| "(ended)".to_string()));
    // Monitored: read back after the submission, or already ended (the
    // portal keeps an order until a read says it ended).
    let port_in_monitored = match &open_port_in {
        Some((_, read)) => read == "read",
        None => submitted,
    };
    let subscription = first(
        state,
        &w,
        "SELECT subscription_id, tnid FROM rm_subscriptions WHERE distributor_id = $1{account} ORDER BY subscription_id",
    )
    .await?
    .map(|(id, _)| id);
    let line_on_voice_route = first(
        state,
        &w,
        "SELECT msisdn, voice_route_id FROM rm_numbers WHERE distributor_id = $1{account} AND voice_route_id <> '' ORDER BY msisdn",
    )
    .await?
    .map(|(msisdn, _)| msisdn);
    let line_with_data = first(
        state,
        &w,
        "SELECT msisdn, CAST(used_kb AS TEXT) FROM rm_numbers WHERE distributor_id = $1{account} AND used_kb > 0 ORDER BY msisdn",
    )
    .await?
    .map(|(msisdn, _)| msisdn);
    let (outbound_delivered, inbound_received, mms) = messages(state, client, &w).await?;
    Ok(Facts {
        account_id: account_id.map(str::to_string),
        distributor_param: String::new(),
        account,
        product,
        package,
        message_route,
        voice_route,
        subscriber,
        number,
        status_changed,
        eligibility_checked: audited(state, &w, &[ELIGIBILITY_ACTION]).await?,
        port_in_order,
        port_in_updated: audited(state, &w, &[UPDATE_PORT_IN_ACTION]).await?,
        port_in_cancelled: audited(state, &w, &[CANCEL_PORT_IN_ACTION]).await?,
        port_in_monitored,
        port_out_pin: audited(state, &w, &[PORT_OUT_ACTION]).await?,
        subscription,
        outbound_delivered,
        inbound_received,
        mms,
        line_on_voice_route,
        line_with_data,
    })
}

/// (a delivered outbound message, an inbound one, an MMS) on the first
/// few active lines.
async fn messages(state: &AppState, client: &TelegentClient, w: &Where<'_>) -> Result<(bool, bool, bool), AppError> {
    let sql = format!(
        "SELECT msisdn FROM rm_numbers WHERE distributor_id = $1{} AND lower(status) <> 'cancelled' ORDER BY msisdn LIMIT {LINES_SEARCHED}",
        w.account_clause()
    );
    let mut query = sqlx::query_as::<_, (String,)>(&sql).bind(w.distributor_id.to_string());
    if let Some(a) = w.account_id {
        query = query.bind(a.to_string());
    }
    let lines = query.fetch_all(&state.pool).await?;
    let (mut outbound, mut inbound, mut mms) = (false, false, false);
    for (msisdn,) in lines {
        // A failed search leaves the steps unticked rather than the page
        // unavailable (the budget may be spent; the next view asks again).
        let Ok(found) = client.message_search(&msisdn, 1, Some(50)).await else {
            break;
        };
        for m in found.results {
            let direction = m.direction.unwrap_or_default();
            let status = m.status.unwrap_or_default();
            if direction.eq_ignore_ascii_case("outbound") && status.eq_ignore_ascii_case("delivered") {
                outbound = true;
            }
            if direction.eq_ignore_ascii_case("inbound") {
                inbound = true;
            }
            if !m.mms_media.is_empty() || !m.mms_base64.is_empty() {
                mms = true;
            }
        }
    }
    Ok((outbound, inbound, mms))
}
