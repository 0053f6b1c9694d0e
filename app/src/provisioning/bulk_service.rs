//! The bulk reservation pages on the server: the form's choices, its
//! checks, the start (or resume) of a run, and a run as its page shows it.

use telegent::ops::numbers::ProvisionRequest;

use super::bulk::{self, MOST_PER_RUN};
use super::bulk_model::{capabilities_of, BulkQuery, BulkView};
use super::model::{kind_problems, WizardQuery};
use super::service::{account_choices, account_name, reading_in, routes_of, tenant_or_choice};
use crate::error::AppError;
use crate::ssr::context::InAccount;

pub async fn view(q: &BulkQuery) -> Result<BulkView, AppError> {
    let mut view = BulkView {
        distributor: q.distributor.clone(),
        most: MOST_PER_RUN,
        ..BulkView::default()
    };
    let wizard = WizardQuery {
        distributor: q.distributor.clone(),
        ..WizardQuery::default()
    };
    let (tenant, name) = match tenant_or_choice(&wizard).await? {
        Ok(found) => found,
        Err(choose) => {
            view.choose_distributor = choose;
            return Ok(view);
        }
    };
    view.distributor_name = name;
    if !q.run.trim().is_empty() {
        let (state, _) = crate::ssr::context::signed_in()?;
        let run_id = crate::form_values::plain_id(q.run.trim())?;
        let mut run = bulk::load(&state.pool, &tenant.distributor_id, run_id).await?;
        let ctx = reading_in(&run.account_id).await?;
        run.account_name = account_name(&ctx).await?;
        run.can_resume = !run.running && run.ordered() < run.requested as usize;
        view.run = Some(run);
        return Ok(view);
    }
    view.accounts = account_choices(&tenant).await?;
    if !q.account.trim().is_empty() {
        let ctx = reading_in(q.account.trim()).await?;
        view.account_name = account_name(&ctx).await?;
        let voice = capabilities_of(&q.product).is_some_and(|(_, voice, _)| voice);
        (view.routes, view.voice_routes) = routes_of(&ctx, voice || q.product.is_empty()).await?;
        view.key = crate::ssr::intents::new_key();
    }
    Ok(view)
}

/// Starts a run (every answer checked first, each refusal at its field) or
/// resumes one of this Account's; the runner works in the background.
/// Returns the run's ID.
pub async fn start(ctx: &InAccount, q: &BulkQuery) -> Result<String, AppError> {
    let pool = &ctx.state.pool;
    if !q.resume.trim().is_empty() {
        let run_id = crate::form_values::plain_id(q.resume.trim())?;
        let run = bulk::load(pool, &ctx.tenant.distributor_id, run_id).await?;
        if run.account_id != ctx.account_id {
            return Err(AppError::NotFound);
        }
        bulk::spawn(
            ctx.state.clone(),
            ctx.tenant.clone(),
            ctx.caller.clone(),
            run.run_id.clone(),
        );
        return Ok(run.run_id);
    }
    let key = q.key.trim();
    if key.len() != 32 || !key.bytes().all(|b| b.is_ascii_hexdigit()) {
        return Err(AppError::BadRequest("the form's key is missing".into()));
    }
    let run_id = format!("BULK-{}", &key[..16]);
    // Started before by this form (a second click): that run.
    if let Ok(run) = bulk::load(pool, &ctx.tenant.distributor_id, &run_id).await {
        return if run.account_id == ctx.account_id {
            Ok(run.run_id)
        } else {
            Err(AppError::NotFound)
        };
    }
    let mut problems: Vec<AppError> = Vec::new();
    let caps = capabilities_of(q.product.trim());
    let (sms, voice, data) = caps.unwrap_or_default();
    if caps.is_none() {
        problems.push(AppError::invalid(
            "product",
            "Choose one of Telegent's four product types.",
        ));
    }
    let on = |b: bool| if b { "on".to_string() } else { String::new() };
    let kind = WizardQuery {
        kind: q.kind.trim().to_string(),
        message: q.message.trim().to_string(),
        sms: on(sms),
        voice: on(voice),
        data: on(data),
        ..WizardQuery::default()
    };
    for (field, message) in kind_problems(&kind) {
        // The product is asked for as one choice here.
        let field = if field == "sms" { "product" } else { field };
        if caps.is_some() || field != "product" {
            problems.push(AppError::invalid(field, message));
        }
    }
    let area = q.area.trim();
    if !(area.len() == 3 && area.bytes().all(|b| b.is_ascii_digit())) {
        problems.push(AppError::invalid("area", "Type a 3-digit area code, e.g. 801."));
    }
    let count = q
        .count
        .trim()
        .parse::<u32>()
        .ok()
        .filter(|n| (1..=MOST_PER_RUN).contains(n));
    if count.is_none() {
        problems.push(AppError::invalid(
            "count",
            format!("Type how many numbers: 1 to {MOST_PER_RUN}."),
        ));
    }
    let (routes, voice_routes) = routes_of(ctx, voice).await?;
    if !routes.iter().any(|(id, _)| *id == q.route.trim()) {
        problems.push(AppError::invalid(
            "route",
            "Choose the message route the lines' messages take.",
        ));
    }
    if voice && !voice_routes.iter().any(|(id, _)| *id == q.voice_route.trim()) {
        problems.push(AppError::invalid(
            "voice_route",
            "Choose the voice route the lines' calls take.",
        ));
    }
    if q.confirm.is_none() {
        problems.push(AppError::invalid(
            "confirm",
            "Tick the box to confirm the billed orders.",
        ));
    }
    if let Some(refused) = AppError::from_field_errors(problems) {
        return Err(refused);
    }
    let request = ProvisionRequest {
        number_type: kind.kind.clone(),
        message_type: kind.message.clone(),
        message_enabled: sms,
        voice_enabled: voice,
        data_enabled: Some(data),
        message_route_id: Some(q.route.trim().to_string()),
        voice_route_id: voice.then(|| q.voice_route.trim().to_string()),
        area_code: Some(area.to_string()),
        zip_code: None,
        // Reserved numbers get their SIMs later (the guide's advice).
        iccid: None,
        product_type: q.product.trim().to_string(),
        assigned_subscriber_id: None,
        account_id: Some(ctx.account_id.clone()),
    };
    bulk::create(
        pool,
        &ctx.tenant,
        &ctx.caller,
        &run_id,
        &ctx.account_id,
        count.unwrap_or(1),
        &request,
    )
    .await?;
    bulk::spawn(
        ctx.state.clone(),
        ctx.tenant.clone(),
        ctx.caller.clone(),
        run_id.clone(),
    );
    Ok(run_id)
}
