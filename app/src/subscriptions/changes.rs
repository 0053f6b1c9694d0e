//! Creating a subscription (one per number: the pickers offer the chosen
//! subscriber's numbers without one, and the packages offered to the
//! Account), moving one to another package, and cancelling one. Creating is
//! billable and goes through the intent mechanism (`service::create`), so a
//! retry or a double click orders it once. Every check reads Telegent
//! afresh; every change is audited and written through to the read model.

use telegent::ops::catalog::{SubscriptionCreateRequest, SubscriptionDeleteRequest, SubscriptionUpdateRequest};

use super::model::{NewSubscriptionPage, NumberChoice, SubscriptionChange, SubscriptionForm};
use crate::catalog::money::{priced, Money};
use crate::error::AppError;
use crate::read_model::scope::Scope;
use crate::ssr::audit::{self, Outcome};
use crate::ssr::context::InAccount;
use crate::ssr::db::DbPool;
use crate::ssr::Tenant;

/// The packages an Account may be billed on: the Distributor's and the
/// Account's own, active ones only. (PKID, "name — price").
pub async fn packages_for(tenant: &Tenant, account_id: &str) -> Result<Vec<(String, String)>, AppError> {
    let list = tenant.client.distributor_packages(None).await?;
    let mut out: Vec<(String, String)> = list
        .results
        .into_iter()
        .filter(|p| p.active.unwrap_or(true))
        .filter(|p| p.account_id.as_deref().is_none_or(|a| a.is_empty() || a == account_id))
        .filter_map(|p| {
            let label = format!(
                "{} — {}",
                p.package_name.clone().unwrap_or_default(),
                priced(Money::from_wire(p.price.unwrap_or(0.0)), p.monthly.unwrap_or(true))
            );
            Some((p.package_id?, label))
        })
        .collect();
    out.sort_by_key(|(_, label)| label.to_lowercase());
    Ok(out)
}

/// The Account's numbers held by `subscriber_id` (from the copy), each with
/// the subscription already on it, if any.
async fn numbers_of(
    pool: &DbPool,
    distributor_id: &str,
    account_id: &str,
    subscriber_id: &str,
) -> Result<Vec<NumberChoice>, AppError> {
    let rows: Vec<(String, String, Option<String>)> = sqlx::query_as(
        "SELECT n.number_id, n.msisdn, s.subscription_id FROM rm_numbers n LEFT JOIN rm_subscriptions s \
         ON s.distributor_id = n.distributor_id AND s.tnid = n.number_id \
         WHERE n.distributor_id = $1 AND n.account_id = $2 AND n.subscriber_id = $3 ORDER BY n.msisdn",
    )
    .bind(distributor_id)
    .bind(account_id)
    .bind(subscriber_id)
    .fetch_all(pool)
    .await?;
    Ok(rows
        .into_iter()
        .map(|(tnid, msisdn, existing)| NumberChoice {
            tnid,
            number: telegent::phone::format_for_display(&msisdn),
            msisdn,
            existing,
        })
        .collect())
}

pub async fn new_page(ctx: &InAccount, subscriber_id: &str) -> Result<NewSubscriptionPage, AppError> {
    crate::read_model::sweep::ensure_filled(&ctx.state, &ctx.tenant.distributor_id).await?;
    let members = crate::accounts::service::account_subscribers(&ctx.tenant.client, &ctx.account_id).await?;
    let account = ctx.tenant.client.account(&ctx.account_id).await?;
    let chosen = members
        .iter()
        .find(|m| m.subscriber_id == subscriber_id.trim())
        .map(|m| m.subscriber_id.clone())
        .unwrap_or_default();
    let numbers = if chosen.is_empty() {
        Vec::new()
    } else {
        numbers_of(&ctx.state.pool, &ctx.tenant.distributor_id, &ctx.account_id, &chosen).await?
    };
    Ok(NewSubscriptionPage {
        account_id: ctx.account_id.clone(),
        account_name: account.account_name,
        subscribers: members
            .iter()
            .map(|m| (m.subscriber_id.clone(), m.name.clone()))
            .collect(),
        subscriber_id: chosen,
        numbers,
        packages: packages_for(&ctx.tenant, &ctx.account_id).await?,
        intent_key: crate::ssr::intents::new_key(),
    })
}

/// Creates the subscription; returns its SUB-.
pub async fn create(ctx: &InAccount, form: &SubscriptionForm) -> Result<String, AppError> {
    let InAccount {
        state,
        caller,
        tenant,
        account_id,
    } = ctx;
    let intent_key = form.intent_key.trim();
    if intent_key.len() < 16
        || intent_key.len() > 64
        || !intent_key.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')
    {
        return Err(AppError::BadRequest("the form's intent key is missing".into()));
    }
    let members = crate::accounts::service::account_subscribers(&tenant.client, account_id).await?;
    let member = members
        .iter()
        .find(|m| m.subscriber_id == form.subscriber_id.trim())
        .ok_or_else(|| AppError::invalid("subscriber_id", "Choose a member of this Account."))?;
    ctx.may_act_on(member, "CreateSubscription").await?;
    let mut problems = Vec::new();
    // The number: the member's, of this Account (read afresh).
    let tnid = form.tnid.trim().to_string();
    let numbers = numbers_of(&state.pool, &tenant.distributor_id, account_id, &member.subscriber_id).await?;
    let number = numbers.iter().find(|n| n.tnid == tnid);
    let details = match number {
        None => {
            problems.push(AppError::invalid("tnid", "Choose one of their numbers."));
            None
        }
        Some(n) => {
            let d = tenant.client.number_details(&n.msisdn).await?;
            let theirs = d.assigned_subscriber_id.as_deref() == Some(member.subscriber_id.as_str())
                && d.account_id.as_deref().is_none_or(|a| a == account_id);
            if !theirs {
                problems.push(AppError::invalid(
                    "tnid",
                    "This number is no longer theirs. Reload the page.",
                ));
            }
            Some(d)
        }
    };
    // One subscription per number: the platform's list, afresh.
    if !tnid.is_empty() {
        let existing = tenant
            .client
            .account_subscriptions(None, Some(account_id))
            .await?
            .results
            .into_iter()
            .find(|s| s.tnid.as_deref() == Some(tnid.as_str()));
        if let Some(s) = existing {
            // Not a double submit of this form: that is answered by its intent.
            let same_intent = crate::ssr::intents::exists(&state.pool, &tenant.distributor_id, intent_key).await?;
            if !same_intent {
                problems.push(AppError::invalid(
                    "tnid",
                    format!(
                        "This number already has subscription {}: one number has one subscription. \
                         Change that one's package instead.",
                        s.subscription_id.unwrap_or_default()
                    ),
                ));
            }
        }
    }
    let packages = packages_for(tenant, account_id).await?;
    let package_id = form.package_id.trim().to_string();
    if !packages.iter().any(|(id, _)| *id == package_id) {
        problems.push(AppError::invalid("package_id", "Choose one of the packages offered."));
    }
    let iccid = form.iccid.trim().to_string();
    if !iccid.is_empty() && (!(18..=22).contains(&iccid.len()) || !iccid.chars().all(|c| c.is_ascii_digit())) {
        problems.push(AppError::invalid(
            "iccid",
            "An ICCID is 18 to 22 digits; leave it empty to keep the line's SIM.",
        ));
    }
    if !iccid.is_empty() {
        // Never a SIM of another Account's line (ICCIDs come in sequences).
        let (elsewhere,): (i64,) = sqlx::query_as(
            "SELECT COUNT(*) FROM rm_numbers WHERE distributor_id = $1 AND iccid = $2 AND account_id <> $3",
        )
        .bind(&tenant.distributor_id)
        .bind(&iccid)
        .bind(account_id)
        .fetch_one(&state.pool)
        .await?;
        if elsewhere > 0 {
            problems.push(AppError::invalid(
                "iccid",
                "This ICCID is not one of this Account's SIMs.",
            ));
        }
    }
    if let Some(refused) = AppError::from_field_errors(problems) {
        return Err(refused);
    }
    // The subscription's type is the number's kind: never a mismatch.
    let kind = subscription_type(details.and_then(|d| d.number_type).as_deref());
    let request = SubscriptionCreateRequest {
        subscriber_id: member.subscriber_id.clone(),
        tnid: Some(tnid.clone()),
        iccid: Some(iccid).filter(|i| !i.is_empty()),
        package_id: package_id.clone(),
        kind,
    };
    // A repeat of this form (a retry, a second click) is answered from its
    // intent, which may still send (an earlier outcome unknown and not
    // found): it has its audit row too, saying it is a repeat.
    let repeat = crate::ssr::intents::exists(&state.pool, &tenant.distributor_id, intent_key).await?;
    let action = if repeat {
        "CreateSubscription (repeat of the same form)"
    } else {
        "CreateSubscription"
    };
    let entry = caller.audit_in(tenant, account_id, action, &[&tnid, &package_id]);
    let audit_id = audit::begin(&state.pool, &entry).await?;
    match super::service::create(&state.pool, tenant, account_id, intent_key, &request).await {
        Ok(answer) => {
            let id = answer["SubscriptionId"].as_str().unwrap_or_default().to_string();
            let detail = format!("{id} for {} on {package_id}", member.name);
            audit::finish(&state.pool, audit_id, Outcome::Succeeded, &detail).await?;
            Ok(id)
        }
        Err(error) => {
            audit::finish(&state.pool, audit_id, Outcome::Failed, &error.to_string()).await?;
            Err(error)
        }
    }
}

/// A subscription's `Type` for a number of this `NumberType`. Number reads
/// say `mobile` where provisioning and subscriptions say `mvno` (the
/// reference uses both); `iot` and `voip` are themselves.
pub fn subscription_type(number_type: Option<&str>) -> String {
    match number_type.map(|t| t.trim().to_ascii_lowercase()).as_deref() {
        Some("iot") => "iot".into(),
        Some("voip") => "voip".into(),
        _ => "mvno".into(),
    }
}

/// Where a subscription the caller reaches lives (its Distributor and
/// Account), from the copy; missing and foreign look the same.
pub async fn locate(pool: &DbPool, scope: &Scope, subscription_id: &str) -> Result<(String, String), AppError> {
    crate::form_values::plain_id(subscription_id)?;
    let rows =
        crate::read_model::store::Sql::new("SELECT s.distributor_id, s.account_id FROM rm_subscriptions s WHERE 1 = 1")
            .scoped(scope, "s")
            .and("s.subscription_id = ?", [subscription_id.trim().to_string()])
            .fetch_all(pool)
            .await?;
    use sqlx::Row;
    rows.first()
        .map(|r| (r.get::<String, _>(0), r.get::<String, _>(1)))
        .ok_or(AppError::NotFound)
}

/// The subscription as Telegent has it now, and its holder (whose rank the
/// caller must respect).
async fn current(
    ctx: &InAccount,
    subscription_id: &str,
    action: &str,
) -> Result<telegent::ops::catalog::Subscription, AppError> {
    let subscription = ctx.tenant.client.subscription(subscription_id.trim()).await?;
    let holder = subscription.subscriber_id.clone().unwrap_or_default();
    let members = crate::accounts::service::account_subscribers(&ctx.tenant.client, &ctx.account_id).await?;
    let member = members
        .iter()
        .find(|m| m.subscriber_id == holder)
        .ok_or(AppError::NotFound)?;
    ctx.may_act_on(member, action).await?;
    Ok(subscription)
}

pub async fn change_package(ctx: &InAccount, change: &SubscriptionChange) -> Result<(), AppError> {
    let id = change.subscription_id.trim();
    let before = current(ctx, id, "ChangeSubscriptionPackage").await?;
    let package_id = change.package_id.trim().to_string();
    let packages = packages_for(&ctx.tenant, &ctx.account_id).await?;
    if !packages.iter().any(|(p, _)| *p == package_id) {
        return Err(AppError::invalid("package_id", "Choose one of the packages offered."));
    }
    let from = before.package_id.clone().unwrap_or_default();
    if from == package_id {
        return Ok(());
    }
    let entry = ctx.caller.audit_in(
        &ctx.tenant,
        &ctx.account_id,
        "ChangeSubscriptionPackage",
        &[id, &package_id],
    );
    let audit_id = audit::begin(&ctx.state.pool, &entry).await?;
    let request = SubscriptionUpdateRequest {
        subscription_id: id.to_string(),
        package_id: Some(package_id.clone()),
    };
    match ctx.tenant.client.update_subscription(&request).await {
        Ok(_) => {
            audit::finish(
                &ctx.state.pool,
                audit_id,
                Outcome::Succeeded,
                &format!("{from} → {package_id}"),
            )
            .await?;
            let mut answer = serde_json::to_value(&before).unwrap_or_default();
            answer["PackageId"] = serde_json::Value::String(package_id);
            crate::read_model::write_through::subscription_saved(&ctx.state.pool, &ctx.tenant.distributor_id, &answer)
                .await;
            Ok(())
        }
        Err(error) => {
            audit::finish(&ctx.state.pool, audit_id, Outcome::Failed, &error.to_string()).await?;
            Err(error.into())
        }
    }
}

pub async fn cancel(ctx: &InAccount, change: &SubscriptionChange) -> Result<(), AppError> {
    let id = change.subscription_id.trim();
    let before = current(ctx, id, "CancelSubscription").await?;
    if change.confirm.is_none() {
        return Err(AppError::invalid("confirm", "Tick the box to confirm."));
    }
    let entry = ctx
        .caller
        .audit_in(&ctx.tenant, &ctx.account_id, "CancelSubscription", &[id]);
    let audit_id = audit::begin(&ctx.state.pool, &entry).await?;
    let request = SubscriptionDeleteRequest {
        subscription_id: id.to_string(),
    };
    match ctx.tenant.client.delete_subscription(&request).await {
        Ok(_) => {
            let detail = format!(
                "{id} on {} ({})",
                before.tnid.unwrap_or_default(),
                before.package_id.unwrap_or_default()
            );
            audit::finish(&ctx.state.pool, audit_id, Outcome::Succeeded, &detail).await?;
            crate::read_model::write_through::subscription_removed(&ctx.state.pool, &ctx.tenant.distributor_id, id)
                .await;
            Ok(())
        }
        Err(error) => {
            audit::finish(&ctx.state.pool, audit_id, Outcome::Failed, &error.to_string()).await?;
            Err(error.into())
        }
    }
}

#[cfg(test)]
mod tests {
    use super::subscription_type;

    #[test]
    fn the_type_follows_the_numbers_kind_in_either_spelling() {
        assert_eq!(subscription_type(Some("mobile")), "mvno");
        assert_eq!(subscription_type(Some("MVNO")), "mvno");
        assert_eq!(subscription_type(Some("iot")), "iot");
        assert_eq!(subscription_type(Some("voip")), "voip");
        assert_eq!(subscription_type(None), "mvno");
    }
}
