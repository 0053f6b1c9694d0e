//! Reading port-ins: one port-in's page and the orders page.

use super::model::{rejection_field, PortInView, PortInsPage, Stage};
use super::port_date;
use super::service::*;
use super::store;
use crate::error::AppError;
use crate::ssr::context::InAccount;

/// A port-in's page.
pub async fn view(ctx: &InAccount, id: &str, can_manage: bool) -> Result<PortInView, AppError> {
    let p = port_in_of(ctx, id).await?;
    let pool = &ctx.state.pool;
    let account_name = store::account_name(pool, &ctx.tenant.distributor_id, &ctx.account_id).await;
    let submitted_by = match p.submitted_by {
        Some(user_id) => sqlx::query_as::<_, (String,)>("SELECT email FROM users WHERE id = $1")
            .bind(user_id)
            .fetch_optional(pool)
            .await?
            .map(|(e,)| e)
            .unwrap_or_default(),
        None => String::new(),
    };
    let t = today(ctx);
    let correctable = p.stage == Stage::Open
        && matches!(
            p.status.to_ascii_lowercase().as_str(),
            "resolutionrequired" | "rejected"
        );
    Ok(PortInView {
        row: store::row_of(&p, &account_name, ctx.state.clock.now()),
        classification: p.classification.clone(),
        current_carrier: p.current_carrier.clone(),
        number_type: p.number_type.clone(),
        wireline: p.is_wireline(),
        carrier_name: p.carrier_name.clone(),
        subscriber_name: p.subscriber_name.clone(),
        billing: p.billing.clone(),
        iccid: p.iccid.clone(),
        loa_by: p.loa_by.clone(),
        loa_at: p.loa_at.clone(),
        submitted_by,
        timeline: {
            // Internal notes are the Distributor's staff's: an Account's own
            // people read the steps and statuses only.
            let staff = matches!(
                crate::read_model::scope::Scope::within(&ctx.caller, &ctx.tenant.distributor_id),
                Ok(crate::read_model::scope::Scope::Distributor(_))
            );
            let mut entries = store::timeline(pool, &p.id).await?;
            if !staff {
                entries.retain(|e| e.kind != "note");
            }
            entries
        },
        can_manage,
        rejection_field: correctable
            .then(|| rejection_field(&p.status_message).map(str::to_string))
            .flatten(),
        earliest_port_date: port_date::wire(port_date::business_days_after(t, port_date::EARLIEST_BUSINESS_DAYS)),
        latest_port_date: port_date::wire(port_date::business_days_after(t, port_date::LATEST_BUSINESS_DAYS)),
        checked_at: p.checked_at.clone().unwrap_or_default(),
    })
}

/// The orders page: the scope's port-ins (`show`: open, drafts, ended,
/// all), searched, sorted and paged as the address says.
pub async fn list(
    state: &crate::ssr::AppState,
    scope: &crate::read_model::scope::Scope,
    distributor_name: String,
    query: &super::model::PortInsQuery,
    can_manage: bool,
) -> Result<PortInsPage, AppError> {
    let show = match query.show.as_str() {
        s @ ("drafts" | "ended" | "all") => s,
        _ => "open",
    };
    let sort = match query.sort.as_str() {
        s @ ("oldest" | "number") => s,
        _ => "newest",
    };
    let account = query.account.trim();
    let mut args = store::ListArgs {
        show: show.to_string(),
        account: account.to_string(),
        search: query.q.chars().take(100).collect(),
        sort: sort.to_string(),
        offset: 0,
        limit: super::model::PAGE_SIZE,
    };
    // Account names and the Accounts to choose from come from the read
    // model: filled first when it is still empty (a new portal).
    if let Some(distributor_id) = scope.distributor_id() {
        crate::read_model::sweep::ensure_filled(state, distributor_id).await?;
    }
    let total = store::total(&state.pool, scope, &args).await?;
    let total_pages = ((total.max(0) as u64)
        .div_ceil(u64::from(super::model::PAGE_SIZE))
        .max(1)) as u32;
    let page = query.page.trim().parse::<u32>().unwrap_or(1).clamp(1, total_pages);
    args.offset = (page - 1) * super::model::PAGE_SIZE;
    let rows = store::list(&state.pool, scope, &args, state.clock.now()).await?;
    let counts = store::counts(&state.pool, scope, account).await?;
    let accounts = match scope {
        crate::read_model::scope::Scope::Platform => Vec::new(),
        scope => {
            let (condition, values) = scope.condition("");
            let sql = crate::ssr::db::numbered(&format!(
                "SELECT account_id, name FROM rm_accounts WHERE {condition} ORDER BY name_key LIMIT 201"
            ));
            let mut query = sqlx::query_as::<_, (String, String)>(&sql);
            for v in &values {
                query = query.bind(v);
            }
            query.fetch_all(&state.pool).await?
        }
    };
    Ok(PortInsPage {
        account: account.to_string(),
        q: args.search.clone(),
        sort: sort.to_string(),
        page,
        total_pages,
        total,
        distributor_id: scope.distributor_id().unwrap_or_default().to_string(),
        distributor_name,
        show: show.to_string(),
        rows,
        counts,
        can_manage,
        accounts,
    })
}
