//! Which of an Account's lines use which route, from the read model (a
//! route's page and a delete's refusal cost no upstream call per line).

use crate::error::AppError;
use crate::ssr::context::InAccount;

/// One line of the Account and its two routes (empty: none).
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct LineRoutes {
    pub msisdn: String,
    pub message_route_id: String,
    pub voice_route_id: String,
}

pub async fn of_account(ctx: &InAccount) -> Result<Vec<LineRoutes>, AppError> {
    crate::read_model::sweep::ensure_filled(&ctx.state, &ctx.tenant.distributor_id).await?;
    Ok(sqlx::query_as(
        "SELECT msisdn, message_route_id, voice_route_id FROM rm_numbers \
         WHERE distributor_id = $1 AND account_id = $2 ORDER BY msisdn",
    )
    .bind(&ctx.tenant.distributor_id)
    .bind(&ctx.account_id)
    .fetch_all(&ctx.state.pool)
    .await?)
}

/// Every line of the Distributor that uses route `id` as `column`: a
/// delete's check must see lines of other Accounts too (a route is one
/// Account's, but nothing stops a line elsewhere from naming it).
pub async fn of_distributor_using(ctx: &InAccount, column: Column, id: &str) -> Result<Vec<LineRoutes>, AppError> {
    crate::read_model::sweep::ensure_filled(&ctx.state, &ctx.tenant.distributor_id).await?;
    let sql = format!(
        "SELECT msisdn, message_route_id, voice_route_id FROM rm_numbers \
         WHERE distributor_id = $1 AND {} = $2 ORDER BY msisdn",
        column.name()
    );
    Ok(sqlx::query_as(&sql)
        .bind(&ctx.tenant.distributor_id)
        .bind(id)
        .fetch_all(&ctx.state.pool)
        .await?)
}

/// Which route of a line.
#[derive(Debug, Clone, Copy)]
pub enum Column {
    Message,
    Voice,
}

impl Column {
    fn name(self) -> &'static str {
        match self {
            Column::Message => "message_route_id",
            Column::Voice => "voice_route_id",
        }
    }
}

/// The lines (as shown, and as E.164 for links) whose route `pick` is `id`.
pub fn using(lines: &[LineRoutes], id: &str, pick: fn(&LineRoutes) -> &str) -> Vec<(String, String)> {
    lines
        .iter()
        .filter(|l| !id.is_empty() && pick(l) == id)
        .map(|l| (telegent::phone::format_for_display(&l.msisdn), l.msisdn.clone()))
        .collect()
}

/// The refusal of deleting a route that lines still use.
pub fn in_use_message(using: &[(String, String)]) -> String {
    let shown: Vec<&str> = using.iter().map(|(s, _)| s.as_str()).collect();
    format!(
        "This route can't be deleted: {} line{} use it — {}. Move them to another route first.",
        shown.len(),
        if shown.len() == 1 { "" } else { "s" },
        shown.join(", ")
    )
}
