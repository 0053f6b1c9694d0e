//! The provisioning wizard on the server: each step's page is built from
//! the answers in the URL, the earlier answers checked again first (a
//! step reached with a refused answer shows that answer's step, with the
//! reason at its field); the order is sent once per intent key.

use serde_json::Value;
use sqlx::Row;
use telegent::ops::numbers::{AvailabilityRequest, ProvisionRequest};

use super::model::{
    iccid_problem, kind_problems, near_problem, product_type, AreaChoice, ProvisionResult, WizardQuery, WizardView,
};
use crate::error::AppError;
use crate::policy::{Action, Role};
use crate::read_model::scope::Scope;
use crate::read_model::store::Sql;
use crate::ssr::audit::{self, Outcome};
use crate::ssr::caller::distributor_in_scope;
use crate::ssr::context::{scoped, InAccount};
use crate::ssr::Tenant;

/// The audit name of an order (the onboarding checklist's step 7 reads it).
pub const PROVISION_ACTION: &str = "ProvisionNumber";

type Problems = Vec<(String, String)>;

fn owned(problems: Vec<(&'static str, String)>) -> Problems {
    problems.into_iter().map(|(f, m)| (f.to_string(), m)).collect()
}

/// The third step's refusals (the Account and its routes already read).
fn who_problems(q: &WizardQuery, view: &WizardView) -> Problems {
    let mut out: Problems = Vec::new();
    let holder = q.holder.trim();
    match holder {
        "" => out.push(("holder".into(), "Choose who the line is for.".into())),
        "none" if q.orphan_ok.trim() != "on" => out.push((
            "orphan_ok".into(),
            "Tick the box to order a line with no subscriber (it shows as an orphan until someone is given it).".into(),
        )),
        "none" => {}
        "new" => {
            if q.new_name.trim().is_empty() {
                out.push(("new_name".into(), "Type the new subscriber's name.".into()));
            }
            let email = q.new_email.trim();
            if !(email.contains('@') && email.rsplit('@').next().is_some_and(|d| d.contains('.'))) {
                out.push((
                    "new_email".into(),
                    "Type an e-mail address, e.g. name@example.com.".into(),
                ));
            }
        }
        id if !view.people.iter().any(|(p, _)| p == id) => {
            out.push(("holder".into(), "Choose one of this account's people.".into()))
        }
        _ => {}
    }
    if !view.routes.iter().any(|(r, _)| *r == q.route.trim()) {
        out.push((
            "route".into(),
            "Choose the message route the line's messages take.".into(),
        ));
    }
    if q.voice_on() && !view.voice_routes.iter().any(|(r, _)| *r == q.voice_route.trim()) {
        out.push((
            "voice_route".into(),
            "Choose the voice route the line's calls take.".into(),
        ));
    }
    if let Some(problem) = iccid_problem(&q.iccid) {
        out.push(("iccid".into(), problem));
    }
    out
}

/// The caller inside `account_id` for reading a step's page: the policy
/// check is the order's (`ProvisionNumbers`), but the reads go through the
/// client's short cache like any page's (the order itself reads afresh).
pub(super) async fn reading_in(account_id: &str) -> Result<InAccount, AppError> {
    let account_id = crate::form_values::plain_id(account_id)?;
    let mut ctx = scoped(Action::ProvisionNumbers).await?;
    ctx.changes = false;
    ctx.account(account_id).await
}

/// The caller's Distributor for the wizard, or for a Platform admin who
/// named none the list to choose from.
pub(super) async fn tenant_or_choice(
    q: &WizardQuery,
) -> Result<Result<(Tenant, String), Vec<(String, String)>>, AppError> {
    let ctx = scoped(Action::ProvisionNumbers).await?;
    if ctx.caller.role == Role::PlatformAdmin && q.distributor.trim().is_empty() {
        let all = crate::ssr::upstreams::list_distributors(&ctx.state.pool)
            .await
            .map_err(|_| AppError::Internal)?;
        return Ok(Err(all.into_iter().map(|d| (d.distributor_id, d.name)).collect()));
    }
    let tenant = distributor_in_scope(&ctx.state, &ctx.caller, q.distributor.trim())?;
    let name = crate::accounts::service::stored_distributor_name(&ctx.state, &tenant.distributor_id).await?;
    Ok(Ok((tenant, name)))
}

async fn areas(tenant: &Tenant, q: &WizardQuery, view: &mut WizardView) -> Result<(), AppError> {
    let near = q.near.trim();
    let page = q.apage.max(1);
    let request = AvailabilityRequest {
        number_type: "mobile".into(),
        message_type: Some(q.message.clone()),
        message_enabled: q.sms_on(),
        voice_enabled: q.voice_on(),
        page_number: Some(i64::from(page)),
        area_code: (near.len() == 3).then(|| near.to_string()),
        zip_code: (near.len() == 5).then(|| near.to_string()),
    };
    let found = tenant.client.number_availability(&request).await?;
    view.areas = found
        .available_number_areas
        .into_iter()
        .filter_map(|a| {
            let area_code = a.area_code.filter(|c| c.len() == 3)?;
            Some(AreaChoice {
                area_code,
                zip: a.zipcode.unwrap_or_default(),
                group: a.ngp.unwrap_or_default(),
            })
        })
        .collect();
    let shown = view.areas.len().max(1) as i64;
    let total = found.results_total.unwrap_or(shown).max(0);
    view.area_page = page;
    view.area_pages = ((total as u64).div_ceil(shown as u64).max(1) as u32).max(page);
    Ok(())
}

/// The Account's people, routes and voice routes, when one is chosen.
async fn who(ctx: &InAccount, q: &WizardQuery, view: &mut WizardView) -> Result<(), AppError> {
    view.account_name = account_name(ctx).await?;
    let members = crate::accounts::service::account_subscribers(&ctx.tenant.client, &ctx.account_id).await?;
    view.people = members.into_iter().map(|m| (m.subscriber_id, m.name)).collect();
    view.people.sort_by_key(|a| a.1.to_lowercase());
    (view.routes, view.voice_routes) = routes_of(ctx, q.voice_on()).await?;
    Ok(())
}

/// The Account's message routes and (when voice is on) voice routes: (ID, name).
pub(crate) async fn routes_of(
    ctx: &InAccount,
    voice: bool,
) -> Result<(Vec<(String, String)>, Vec<(String, String)>), AppError> {
    let named = |id: Option<String>, name: Option<String>| {
        let id = id?;
        Some((id.clone(), name.filter(|n| !n.is_empty()).unwrap_or(id)))
    };
    let routes = crate::routing::message::routes(ctx)
        .await?
        .into_iter()
        .filter_map(|r| named(r.message_route_id, r.route_name))
        .collect();
    let voice_routes = if voice {
        crate::routing::voice::routes(ctx)
            .await?
            .into_iter()
            .filter_map(|r| named(r.call_route_id, r.route_name))
            .collect()
    } else {
        Vec::new()
    };
    Ok((routes, voice_routes))
}

/// The Distributor's Accounts from the read model: (ID, name), by name.
pub(super) async fn account_choices(tenant: &Tenant) -> Result<Vec<(String, String)>, AppError> {
    let mut view = WizardView::default();
    accounts(tenant, &mut view).await?;
    Ok(view.accounts)
}

/// The Account's name from the read model (its ID when not copied yet).
pub(super) async fn account_name(ctx: &InAccount) -> Result<String, AppError> {
    let names = Sql::new("SELECT a.name FROM rm_accounts a WHERE a.account_id = ?")
        .with_value(&ctx.account_id)
        .scoped(&Scope::Distributor(ctx.tenant.distributor_id.clone()), "a")
        .fetch_all(&ctx.state.pool)
        .await?;
    Ok(names
        .first()
        .map(|r| r.get(0))
        .unwrap_or_else(|| ctx.account_id.clone()))
}

async fn accounts(tenant: &Tenant, view: &mut WizardView) -> Result<(), AppError> {
    let (state, _) = crate::ssr::context::signed_in()?;
    crate::read_model::sweep::ensure_filled(&state, &tenant.distributor_id).await?;
    let rows = Sql::new("SELECT a.account_id, a.name FROM rm_accounts a WHERE 1 = 1")
        .scoped(&Scope::Distributor(tenant.distributor_id.clone()), "a")
        .push(" ORDER BY a.name_key, a.account_id")
        .fetch_all(&state.pool)
        .await?;
    view.accounts = rows.iter().map(|r| (r.get(0), r.get(1))).collect();
    Ok(())
}

/// The page for the step asked for in `q` (or an earlier one that needs
/// its answers again).
pub async fn view(q: WizardQuery) -> Result<WizardView, AppError> {
    let asked = q.step.clamp(1, 5);
    let mut view = WizardView {
        step: 1,
        query: q.clone(),
        ..WizardView::default()
    };
    let (tenant, name) = match tenant_or_choice(&q).await? {
        Ok(found) => found,
        Err(choose) => {
            view.choose_distributor = choose;
            return Ok(view);
        }
    };
    view.distributor_name = name;
    if asked == 5 {
        view.step = 5;
        view.result = Some(result(&q).await?);
        return Ok(view);
    }
    // An Account named anywhere must be one the caller reaches (another's
    // reads as missing, whatever the step).
    let ctx = match q.account.trim() {
        "" => None,
        account => Some(reading_in(account).await?),
    };
    if asked == 1 {
        return Ok(view);
    }
    let problems = owned(kind_problems(&q));
    if !problems.is_empty() {
        view.errors = problems;
        return Ok(view);
    }
    view.product_type = product_type(q.sms_on(), q.voice_on(), q.data_on())
        .unwrap_or_default()
        .to_string();
    view.step = 2;
    if !q.near.trim().is_empty() {
        match near_problem(&q.near) {
            Some(problem) => {
                view.errors.push(("near".into(), problem));
                return Ok(view);
            }
            None => areas(&tenant, &q, &mut view).await?,
        }
    }
    if asked == 2 {
        return Ok(view);
    }
    if q.picked().is_none() {
        view.errors.push((
            "pick".into(),
            "Search an area code or ZIP, then choose one of the areas found.".into(),
        ));
        return Ok(view);
    }
    view.step = 3;
    view.areas.clear();
    accounts(&tenant, &mut view).await?;
    let Some(ctx) = ctx else {
        if asked > 3 {
            view.errors
                .push(("account".into(), "Choose the account the line belongs to.".into()));
        }
        return Ok(view);
    };
    who(&ctx, &q, &mut view).await?;
    if asked == 3 {
        return Ok(view);
    }
    let problems = who_problems(&q, &view);
    if !problems.is_empty() {
        view.errors = problems;
        return Ok(view);
    }
    view.step = 4;
    view.intent_key = crate::ssr::intents::new_key();
    Ok(view)
}

/// The order, sent once for `intent_key`: every answer checked again, the
/// new subscriber (if asked for) added first, the order audited; returns
/// the intent key the result step reads.
pub async fn provision(ctx: &InAccount, q: &WizardQuery, intent_key: &str, confirmed: bool) -> Result<(), AppError> {
    // Only a key the review page made (32 hex digits): never one of another
    // kind of request (a bulk reservation's items are `BULK-…`).
    let key = intent_key.trim();
    if key.len() != 32 || !key.bytes().all(|b| b.is_ascii_hexdigit()) {
        return Err(AppError::BadRequest("the form's intent key is missing".into()));
    }
    let mut view = WizardView::default();
    let mut problems = owned(kind_problems(q));
    if q.picked().is_none() {
        problems.push(("pick".into(), "Go back to step 2 and choose an area.".into()));
    }
    who(ctx, q, &mut view).await?;
    problems.extend(who_problems(q, &view));
    if !confirmed {
        problems.push(("confirm".into(), "Tick the box to confirm the order.".into()));
    }
    if let Some(refused) =
        AppError::from_field_errors(problems.iter().map(|(f, m)| AppError::invalid(f, m.clone())).collect())
    {
        return Err(refused);
    }
    let product = product_type(q.sms_on(), q.voice_on(), q.data_on()).unwrap_or_default();
    let (area, zip) = q.picked().unwrap_or_default();
    let pool = &ctx.state.pool;
    let retry = crate::ssr::intents::exists(pool, &ctx.tenant.distributor_id, key).await?;
    let holder = match q.holder.trim() {
        "none" => None,
        "new" => Some(new_member(ctx, q, retry).await?),
        id => Some(crate::form_values::plain_id(id)?.to_string()),
    };
    let request = ProvisionRequest {
        number_type: q.kind.clone(),
        message_type: q.message.clone(),
        message_enabled: q.sms_on(),
        voice_enabled: q.voice_on(),
        data_enabled: Some(q.data_on()),
        message_route_id: Some(q.route.trim().to_string()),
        voice_route_id: q.voice_on().then(|| q.voice_route.trim().to_string()),
        area_code: Some(area),
        zip_code: (!zip.is_empty()).then_some(zip),
        iccid: Some(q.iccid.trim().to_string()).filter(|i| !i.is_empty()),
        product_type: product.to_string(),
        assigned_subscriber_id: holder.clone(),
        account_id: Some(ctx.account_id.clone()),
    };
    if retry {
        // Sent before (a second click, a reload): its first answer, nothing
        // sent and nothing audited again.
        crate::numbers::service::provision(pool, &ctx.tenant, key, &ctx.account_id, &request).await?;
        return Ok(());
    }
    // An earlier order of this Account not confirmed yet (a reload of the
    // review page makes a new key): wait until it is checked, rather than
    // order a second number for the same intent.
    let needle = format!("\"AccountId\":\"{}\"", ctx.account_id);
    if crate::ssr::intents::unconfirmed_with(pool, &ctx.tenant.distributor_id, "provision", &needle).await? {
        return Err(AppError::Upstream(
            "An earlier order for this account is not confirmed by Telegent yet. Check the account's numbers \
             in a minute before ordering again."
                .into(),
        ));
    }
    let entry = ctx
        .caller
        .audit_in(&ctx.tenant, &ctx.account_id, PROVISION_ACTION, &[product]);
    let audit_id = audit::begin(pool, &entry).await.map_err(|_| AppError::Internal)?;
    match crate::numbers::service::provision(pool, &ctx.tenant, key, &ctx.account_id, &request).await {
        Ok(answer) => {
            let field = |n: &str| answer[n].as_str().unwrap_or_default().to_string();
            let detail = format!(
                "order {} number {} {} status {}",
                field("OrderId"),
                field("PhoneNumberAssigned"),
                field("PhoneNumberId"),
                field("OrderStatus")
            );
            audit::finish(pool, audit_id, Outcome::Succeeded, &detail)
                .await
                .map_err(|_| AppError::Internal)?;
            crate::read_model::write_through::number_provisioned(
                pool,
                &ctx.tenant.distributor_id,
                &ctx.account_id,
                &request,
                &answer,
            )
            .await;
            Ok(())
        }
        Err(error) => {
            let _ = audit::finish(pool, audit_id, Outcome::Failed, &error.to_string()).await;
            Err(error)
        }
    }
}

/// The subscriber "someone new" names: added to the Account, or on a retry
/// of the same order the one added the first time (found by e-mail).
async fn new_member(ctx: &InAccount, q: &WizardQuery, retry: bool) -> Result<String, AppError> {
    let email = q.new_email.trim().to_lowercase();
    if retry {
        let members = crate::accounts::service::account_subscribers(&ctx.tenant.client, &ctx.account_id).await?;
        if let Some(m) = members.iter().find(|m| m.email.to_lowercase() == email) {
            return Ok(m.subscriber_id.clone());
        }
    }
    let (id, _) = crate::members::service::add(ctx, q.new_name.trim(), &email, "")
        .await
        .map_err(|e| match e {
            // Its fields are this form's too.
            AppError::Invalid { field, message } => AppError::invalid(&format!("new_{field}"), message),
            other => other,
        })?;
    Ok(id)
}

/// The result step: the order's answer (this Distributor's intent, for a
/// number of the Account named), followed until it completes.
async fn result(q: &WizardQuery) -> Result<ProvisionResult, AppError> {
    let ctx = reading_in(q.account.trim()).await?;
    let answer: Value = crate::ssr::intents::answer_of(
        &ctx.state.pool,
        &ctx.tenant.distributor_id,
        q.intent.trim(),
        "provision",
    )
    .await?
    .ok_or(AppError::NotFound)?;
    let field = |n: &str| answer[n].as_str().unwrap_or_default().to_string();
    let msisdn = field("PhoneNumberAssigned");
    let details = match ctx.tenant.client.number_details(&msisdn).await {
        Ok(details) => details,
        Err(telegent::TelegentError::NotFound) => return Err(AppError::NotFound),
        Err(other) => return Err(other.into()),
    };
    if details.account_id.as_deref() != Some(ctx.account_id.as_str()) {
        return Err(AppError::NotFound);
    }
    let order_id = field("OrderId");
    let mut status = field("OrderStatus");
    if !crate::read_model::orders::is_final(&status) && !order_id.is_empty() {
        // One read per reload of the page while the order is pending (it
        // reloads every few seconds and stops once the order completes).
        if let Some(now) = ctx.tenant.client.fresh().number_order(&order_id).await?.order_status {
            status = now;
        }
    }
    let activation = Some(field("QRCode"))
        .filter(|c| !c.is_empty())
        .or(details.qr_activation_link.clone())
        .unwrap_or_default();
    Ok(ProvisionResult {
        account_id: ctx.account_id.clone(),
        order_id,
        pending: !crate::read_model::orders::is_final(&status),
        status: if status.is_empty() { "Complete".into() } else { status },
        number_id: Some(field("PhoneNumberId"))
            .filter(|n| !n.is_empty())
            .or(details.tnid.clone())
            .unwrap_or_default(),
        iccid: details.iccid.clone().unwrap_or_else(|| field("ICCID")),
        activation_svg: crate::line_status::qr::svg_of(&activation),
        activation,
        msisdn,
    })
}
