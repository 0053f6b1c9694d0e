//! Updating a line: what it does (its product type: SMS, data, voice),
//! its message and voice routes, and a SIM bound later (a line ordered
//! without one). Only what changed is sent; audited; the inventory shows
//! the change at once. Moving a line that has a SIM to another SIM is a
//! SIM swap (its own confirmation and takeover alert), not an update.

use telegent::ops::numbers::NumberUpdateRequest;
use telegent::phone;

use super::model::{LineUpdateChoices, LineUpdateForm, PRODUCT_TYPES};
use crate::error::AppError;
use crate::ssr::audit::{self, Outcome};
use crate::ssr::context::InAccount;

pub const UPDATE_LINE_ACTION: &str = "UpdateLine";

pub async fn choices(ctx: &InAccount) -> Result<LineUpdateChoices, AppError> {
    let (routes, voice_routes) = crate::provisioning::service::routes_of(ctx, true).await?;
    Ok(LineUpdateChoices { routes, voice_routes })
}

pub async fn update(ctx: &InAccount, form: &LineUpdateForm) -> Result<(), AppError> {
    let e164 = phone::normalize_e164(&form.msisdn).map_err(|_| AppError::NotFound)?;
    let details = ctx.tenant.client.number_details(&e164).await?;
    if details.account_id.as_deref() != Some(ctx.account_id.as_str()) {
        return Err(AppError::NotFound);
    }
    // Empty: what the line does stays as it is (offered when it is not known).
    let product = form.product_type.trim();
    let mut problems = Vec::new();
    if !product.is_empty() && !PRODUCT_TYPES.iter().any(|(p, _)| *p == product) {
        problems.push(AppError::invalid("product_type", "Choose what the line does."));
    }
    let voice = if product.is_empty() {
        details.voice_enabled == Some(true)
    } else {
        product.to_ascii_lowercase().contains("voice")
    };
    let sms = product.to_ascii_lowercase().contains("sms");
    let choices = choices(ctx).await?;
    let route = form.message_route.trim();
    if !choices.routes.iter().any(|(r, _)| r == route) {
        problems.push(AppError::invalid(
            "message_route",
            "Choose the message route the line's messages take.",
        ));
    }
    let voice_route = form.voice_route.trim();
    if voice && !choices.voice_routes.iter().any(|(r, _)| r == voice_route) {
        problems.push(AppError::invalid(
            "voice_route",
            "A line with voice needs a voice route: choose one (or create one on the account's routes page).",
        ));
    }
    let iccid = form.iccid.trim();
    let current_iccid = details.iccid.clone().unwrap_or_default();
    if let Some(problem) = crate::provisioning::model::iccid_problem(iccid) {
        problems.push(AppError::invalid("iccid", problem));
    } else if !iccid.is_empty() && !current_iccid.is_empty() && iccid != current_iccid {
        problems.push(AppError::invalid(
            "iccid",
            "This line has a SIM already: moving it to another SIM is a SIM swap (below).",
        ));
    }
    if let Some(refused) = AppError::from_field_errors(problems) {
        return Err(refused);
    }
    let was = |v: &Option<String>| v.clone().unwrap_or_default();
    let mut request = NumberUpdateRequest {
        number: e164.clone(),
        ..Default::default()
    };
    let mut changed: Vec<&str> = Vec::new();
    // Telegent's number details leave the product type out (its inventory
    // rows carry it): the read model's copy then.
    if details.product_type.is_none() {
        crate::read_model::sweep::ensure_filled(&ctx.state, &ctx.tenant.distributor_id).await?;
    }
    let current_product = match &details.product_type {
        Some(p) => p.clone(),
        None => sqlx::query_as::<_, (String,)>(
            "SELECT product_type FROM rm_numbers WHERE distributor_id = $1 AND msisdn = $2",
        )
        .bind(&ctx.tenant.distributor_id)
        .bind(&e164)
        .fetch_optional(&ctx.state.pool)
        .await?
        .map(|(p,)| p)
        .unwrap_or_default(),
    };
    if !product.is_empty() && !current_product.eq_ignore_ascii_case(product) {
        request.product_type = Some(product.to_string());
        request.message_enabled = Some(sms);
        request.voice_enabled = Some(voice);
        changed.push("product type");
    }
    if was(&details.message_route_id) != route {
        request.message_route_id = Some(route.to_string());
        changed.push("message route");
    }
    let voice_route = if voice { voice_route } else { "" };
    if voice && was(&details.voice_route_id) != voice_route {
        request.voice_route_id = Some(voice_route.to_string());
        changed.push("voice route");
    }
    if !iccid.is_empty() && current_iccid.is_empty() {
        request.iccid = Some(iccid.to_string());
        changed.push("SIM bound");
    }
    if changed.is_empty() {
        return Err(AppError::invalid(
            "product_type",
            "Nothing changed: change something first.",
        ));
    }
    let entry = ctx
        .caller
        .audit_in(&ctx.tenant, &ctx.account_id, UPDATE_LINE_ACTION, &[&e164]);
    let audit_id = audit::begin(&ctx.state.pool, &entry).await?;
    if let Err(error) = ctx.tenant.client.update_number(&request).await {
        audit::finish(&ctx.state.pool, audit_id, Outcome::Failed, &error.to_string()).await?;
        return Err(error.into());
    }
    audit::finish(&ctx.state.pool, audit_id, Outcome::Succeeded, &changed.join(", ")).await?;
    let pool = &ctx.state.pool;
    let d = &ctx.tenant.distributor_id;
    let product = if product.is_empty() {
        current_product.as_str()
    } else {
        product
    };
    // Without voice nothing was sent about the voice route: the copy keeps it.
    let voice_route = if voice {
        voice_route.to_string()
    } else {
        was(&details.voice_route_id)
    };
    crate::read_model::write_through::number_updated(pool, d, &e164, product, route, &voice_route).await;
    if let Some(bound) = &request.iccid {
        crate::read_model::write_through::number_sim(pool, d, &e164, bound).await;
    }
    Ok(())
}
