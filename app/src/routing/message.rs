//! Message routes of an Account: where Telegent delivers inbound messages
//! and delivery receipts. Required before any number can be provisioned.
//! Secrets are write-only (sent to Telegent, never read back to a page or
//! written to the audit log); URLs are checked at the field; a route that
//! lines still use is not deleted (the refusal lists them, from the read
//! model).

use telegent::ops::routes::{
    MessageRoute, MessageRouteCreateRequest, MessageRouteDeleteRequest, MessageRouteUpdateRequest,
};

use super::model::{MessageRouteDetail, MessageRouteForm, MessageRouteFormPage, MessageRouteRow, RoutesPage, METHODS};
use crate::error::AppError;
use crate::policy::Action;
use crate::ssr::audit::{self, Outcome};
use crate::ssr::context::InAccount;

use super::lines::{self, LineRoutes};

fn message_route(l: &LineRoutes) -> &str {
    &l.message_route_id
}

pub fn row(r: &MessageRoute, lines: &[LineRoutes]) -> MessageRouteRow {
    let id = r.message_route_id.clone().unwrap_or_default();
    let set = |s: &Option<String>| s.as_deref().is_some_and(|v| !v.is_empty());
    MessageRouteRow {
        numbers: lines::using(lines, &id, message_route).len(),
        id,
        name: r.route_name.clone().unwrap_or_default(),
        url: r.message_url.clone().unwrap_or_default(),
        method: r.message_url_method.clone().unwrap_or_default(),
        auth: r.message_authentication_type.clone().unwrap_or_else(|| "None".into()),
        username: r.message_username.clone().unwrap_or_default(),
        secret_set: set(&r.message_password_token),
        callback_url: r.callback_message_url.clone().unwrap_or_default(),
        callback_method: r.callback_message_url_method.clone().unwrap_or_default(),
        callback_auth: r
            .callback_message_authentication_type
            .clone()
            .unwrap_or_else(|| "None".into()),
        callback_username: r.callback_message_username.clone().unwrap_or_default(),
        callback_secret_set: set(&r.callback_message_password_token),
        enabled: r.message_route_enabled.unwrap_or(true),
        intelligent: r.intelligent_route_enabled.unwrap_or(false),
        inbound_bypass: r.inbound_bypass.unwrap_or(false),
        outbound_bypass: r.outbound_bypass.unwrap_or(false),
    }
}

pub async fn routes(ctx: &InAccount) -> Result<Vec<MessageRoute>, AppError> {
    Ok(ctx
        .tenant
        .client
        .account_message_routes(Some(&ctx.account_id))
        .await?
        .results
        .into_iter()
        // Only this Account's (the list is asked by Account; a route of
        // another is never shown here, whatever the answer holds).
        .filter(|r| r.account_id.as_deref() == Some(ctx.account_id.as_str()))
        .collect())
}

async fn find(ctx: &InAccount, id: &str) -> Result<MessageRoute, AppError> {
    routes(ctx)
        .await?
        .into_iter()
        .find(|r| r.message_route_id.as_deref() == Some(id.trim()))
        .ok_or(AppError::NotFound)
}

pub async fn page(ctx: &InAccount) -> Result<RoutesPage, AppError> {
    let lines = lines::of_account(ctx).await?;
    let account = ctx.tenant.client.account(&ctx.account_id).await?;
    Ok(RoutesPage {
        account_id: ctx.account_id.clone(),
        account_name: account.account_name,
        message_routes: routes(ctx).await?.iter().map(|r| row(r, &lines)).collect(),
        voice_routes: super::voice::routes(ctx)
            .await?
            .iter()
            .map(|r| super::voice::row(r, &lines))
            .collect(),
        can_edit: ctx.caller.allows(Action::ManageRoutes),
    })
}

pub async fn detail(ctx: &InAccount, id: &str) -> Result<MessageRouteDetail, AppError> {
    let route = find(ctx, id).await?;
    let all = lines::of_account(ctx).await?;
    let account = ctx.tenant.client.account(&ctx.account_id).await?;
    let route = row(&route, &all);
    Ok(MessageRouteDetail {
        account_id: ctx.account_id.clone(),
        account_name: account.account_name,
        lines: lines::using(&all, &route.id, message_route),
        route,
        can_edit: ctx.caller.allows(Action::ManageRoutes),
    })
}

pub async fn form(ctx: &InAccount, id: &str) -> Result<MessageRouteFormPage, AppError> {
    let account = ctx.tenant.client.account(&ctx.account_id).await?;
    if id.trim().is_empty() {
        return Ok(MessageRouteFormPage {
            account_name: account.account_name,
            form: MessageRouteForm {
                account_id: ctx.account_id.clone(),
                message_url_method: "POST".into(),
                message_authentication_type: "None".into(),
                callback_message_url_method: "POST".into(),
                callback_message_authentication_type: "None".into(),
                message_route_enabled: Some("on".into()),
                intelligent_route_enabled: Some("on".into()),
                ..Default::default()
            },
            secret_set: false,
            callback_secret_set: false,
        });
    }
    let r = row(&find(ctx, id).await?, &[]);
    let on = |b: bool| b.then(|| "on".to_string());
    Ok(MessageRouteFormPage {
        account_name: account.account_name,
        secret_set: r.secret_set,
        callback_secret_set: r.callback_secret_set,
        form: MessageRouteForm {
            account_id: ctx.account_id.clone(),
            message_route_id: r.id,
            route_name: r.name,
            message_url: r.url,
            message_url_method: r.method,
            message_authentication_type: r.auth,
            message_username: r.username,
            message_password_token: String::new(),
            callback_message_url: r.callback_url,
            callback_message_url_method: r.callback_method,
            callback_message_authentication_type: r.callback_auth,
            callback_message_username: r.callback_username,
            callback_message_password_token: String::new(),
            inbound_bypass: on(r.inbound_bypass),
            outbound_bypass: on(r.outbound_bypass),
            message_route_enabled: on(r.enabled),
            intelligent_route_enabled: on(r.intelligent),
        },
    })
}

/// The form checked: every problem at its field. `sandbox`: the
/// Distributor's API is on this machine, so plain http to loopback is allowed.
fn check(form: &MessageRouteForm, sandbox: bool, creating: bool) -> Result<(), AppError> {
    let mut problems = Vec::new();
    if form.route_name.trim().is_empty() {
        problems.push(AppError::invalid("route_name", "Name the route, like “Main messages”."));
    }
    if let Err(message) = super::urls::checked(&form.message_url, sandbox) {
        problems.push(AppError::invalid("message_url", message));
    }
    if !form.callback_message_url.trim().is_empty() {
        if let Err(message) = super::urls::checked(&form.callback_message_url, sandbox) {
            problems.push(AppError::invalid("callback_message_url", message));
        }
    }
    for (field, value) in [
        ("message_url_method", &form.message_url_method),
        ("callback_message_url_method", &form.callback_message_url_method),
    ] {
        if !METHODS.contains(&value.trim()) {
            problems.push(AppError::invalid(field, "Choose POST or GET."));
        }
    }
    for (field, kind, user, user_field, secret, secret_field) in [
        (
            "message_authentication_type",
            &form.message_authentication_type,
            &form.message_username,
            "message_username",
            &form.message_password_token,
            "message_password_token",
        ),
        (
            "callback_message_authentication_type",
            &form.callback_message_authentication_type,
            &form.callback_message_username,
            "callback_message_username",
            &form.callback_message_password_token,
            "callback_message_password_token",
        ),
    ] {
        match kind.trim() {
            "None" => {}
            "Basic" => {
                if user.trim().is_empty() {
                    problems.push(AppError::invalid(
                        user_field,
                        "Enter the user name for Basic authentication.",
                    ));
                }
                if creating && secret.is_empty() {
                    problems.push(AppError::invalid(secret_field, "Enter the password."));
                }
            }
            "Bearer" => {
                if creating && secret.is_empty() {
                    problems.push(AppError::invalid(secret_field, "Enter the token."));
                }
            }
            _ => problems.push(AppError::invalid(field, "Choose None, Basic or Bearer.")),
        }
    }
    match AppError::from_field_errors(problems) {
        Some(refused) => Err(refused),
        None => Ok(()),
    }
}

fn kept(auth: &str, typed: &str) -> Option<String> {
    // None sends an empty secret (nothing left behind); otherwise an empty
    // field keeps what is stored (the field is write-only).
    match auth {
        "None" => Some(String::new()),
        _ => Some(typed.to_string()).filter(|s| !s.is_empty()),
    }
}

fn flag(v: &Option<String>) -> Option<bool> {
    Some(v.is_some())
}

/// Creates or changes the route; returns its MRID.
pub async fn save(ctx: &InAccount, form: &MessageRouteForm) -> Result<String, AppError> {
    let sandbox = super::urls::is_loopback(ctx.tenant.client.base_url());
    let creating = form.message_route_id.trim().is_empty();
    let before = if creating {
        None
    } else {
        Some(find(ctx, &form.message_route_id).await?)
    };
    check(form, sandbox, creating)?;
    let auth = form.message_authentication_type.trim().to_string();
    let callback_auth = form.callback_message_authentication_type.trim().to_string();
    let user = |a: &str, u: &str| {
        if a == "Basic" {
            Some(u.trim().to_string())
        } else {
            Some(String::new())
        }
    };
    let callback_url = Some(form.callback_message_url.trim().to_string()).filter(|u| !u.is_empty());
    // What the audit log says: the route, never a secret.
    let detail = format!(
        "{} → {} ({}, callback {})",
        form.route_name.trim(),
        form.message_url.trim(),
        auth,
        callback_url.as_deref().unwrap_or("none")
    );
    let action = if creating {
        "CreateMessageRoute"
    } else {
        "UpdateMessageRoute"
    };
    let target = if creating {
        form.route_name.trim().to_string()
    } else {
        form.message_route_id.trim().to_string()
    };
    let entry = ctx.caller.audit_in(&ctx.tenant, &ctx.account_id, action, &[&target]);
    let audit_id = audit::begin(&ctx.state.pool, &entry).await?;
    let sent = match before {
        None => {
            let request = MessageRouteCreateRequest {
                route_name: form.route_name.trim().to_string(),
                message_url: form.message_url.trim().to_string(),
                message_url_method: form.message_url_method.trim().to_string(),
                message_route_enabled: flag(&form.message_route_enabled),
                message_authentication_type: Some(auth.clone()),
                message_username: user(&auth, &form.message_username),
                message_password_token: kept(&auth, &form.message_password_token),
                callback_message_url: callback_url.clone(),
                callback_message_url_method: Some(form.callback_message_url_method.trim().to_string()),
                callback_message_authentication_type: Some(callback_auth.clone()),
                callback_message_username: user(&callback_auth, &form.callback_message_username),
                callback_message_password_token: kept(&callback_auth, &form.callback_message_password_token),
                inbound_bypass: flag(&form.inbound_bypass),
                outbound_bypass: flag(&form.outbound_bypass),
                intelligent_route_enabled: flag(&form.intelligent_route_enabled),
                account_id: Some(ctx.account_id.clone()),
            };
            ctx.tenant.client.create_message_route(&request).await
        }
        Some(before) => {
            let request = MessageRouteUpdateRequest {
                message_route_id: before.message_route_id.clone().unwrap_or_default(),
                route_name: Some(form.route_name.trim().to_string()),
                message_url: Some(form.message_url.trim().to_string()),
                message_url_method: Some(form.message_url_method.trim().to_string()),
                message_route_enabled: flag(&form.message_route_enabled),
                message_authentication_type: Some(auth.clone()),
                message_username: user(&auth, &form.message_username),
                message_password_token: kept(&auth, &form.message_password_token),
                callback_message_url: Some(callback_url.clone().unwrap_or_default()),
                callback_message_url_method: Some(form.callback_message_url_method.trim().to_string()),
                callback_message_authentication_type: Some(callback_auth.clone()),
                callback_message_username: user(&callback_auth, &form.callback_message_username),
                callback_message_password_token: kept(&callback_auth, &form.callback_message_password_token),
                inbound_bypass: flag(&form.inbound_bypass),
                outbound_bypass: flag(&form.outbound_bypass),
                intelligent_route_enabled: flag(&form.intelligent_route_enabled),
                account_id: None,
            };
            ctx.tenant.client.update_message_route(&request).await
        }
    };
    match sent {
        Ok(route) => {
            audit::finish(&ctx.state.pool, audit_id, Outcome::Succeeded, &detail).await?;
            Ok(route
                .message_route_id
                .unwrap_or_else(|| form.message_route_id.trim().to_string()))
        }
        Err(error) => {
            audit::finish(&ctx.state.pool, audit_id, Outcome::Failed, &error.to_string()).await?;
            Err(error.into())
        }
    }
}

/// Deletes the route unless lines use it.
pub async fn delete(ctx: &InAccount, id: &str, confirmed: bool) -> Result<(), AppError> {
    let route = find(ctx, id).await?;
    let id = route.message_route_id.clone().unwrap_or_default();
    if !confirmed {
        return Err(AppError::invalid("confirm", "Tick the box to confirm."));
    }
    let entry = ctx
        .caller
        .audit_in(&ctx.tenant, &ctx.account_id, "DeleteMessageRoute", &[&id]);
    let using = lines::using(
        &lines::of_distributor_using(ctx, lines::Column::Message, &id).await?,
        &id,
        message_route,
    );
    if !using.is_empty() {
        let message = lines::in_use_message(&using);
        audit::record(&ctx.state.pool, &entry, Outcome::Denied, &message).await?;
        return Err(AppError::invalid("confirm", message));
    }
    let audit_id = audit::begin(&ctx.state.pool, &entry).await?;
    match ctx
        .tenant
        .client
        .delete_message_route(&MessageRouteDeleteRequest {
            message_route_id: id.clone(),
        })
        .await
    {
        Ok(_) => {
            let name = route.route_name.unwrap_or_default();
            audit::finish(&ctx.state.pool, audit_id, Outcome::Succeeded, &format!("{id} {name}")).await?;
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
    use super::super::model::AUTH_TYPES;
    use super::*;

    fn form() -> MessageRouteForm {
        MessageRouteForm {
            route_name: "Main".into(),
            message_url: "https://hooks.example.com/in".into(),
            message_url_method: "POST".into(),
            message_authentication_type: "None".into(),
            callback_message_url_method: "POST".into(),
            callback_message_authentication_type: "None".into(),
            ..Default::default()
        }
    }

    #[test]
    fn a_good_form_passes_and_each_problem_is_at_its_field() {
        assert!(check(&form(), false, true).is_ok());
        let mut bad = form();
        bad.message_url = "http://hooks.example.com/in".into();
        bad.message_authentication_type = "Basic".into();
        bad.callback_message_url = "ftp://x".into();
        let error = check(&bad, false, true).unwrap_err();
        for field in [
            "message_url",
            "message_username",
            "message_password_token",
            "callback_message_url",
        ] {
            assert!(error.field_message(field).is_some(), "{field}: {error:?}");
        }
        // An edit keeps the stored secret when the field is left empty.
        let mut edit = form();
        edit.message_authentication_type = "Bearer".into();
        assert!(check(&edit, false, false).is_ok());
        assert_eq!(kept("Bearer", ""), None);
        assert_eq!(kept("None", "x"), Some(String::new()));
    }

    #[test]
    fn auth_types_and_methods_are_the_apis() {
        assert!(AUTH_TYPES.iter().any(|(v, _)| *v == "Bearer"));
        assert_eq!(METHODS, ["POST", "GET"]);
    }
}
