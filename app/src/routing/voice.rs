//! Voice routes of an Account: how Telegent delivers its calls — a pair of
//! SIP trunks for failover, a webhook URL, or a forward. Needed only for
//! numbers that take calls. Changes take about 10 minutes to propagate (the
//! pages say so). The webhook's secret is write-only; a route that lines
//! still use is not deleted (the refusal lists them, from the read model).

use telegent::ops::routes::{
    IpAddressEntry, VoiceRoute, VoiceRouteCreateRequest, VoiceRouteDeleteRequest, VoiceRouteUpdateRequest,
};

use super::lines::{self, LineRoutes};
use super::voice_check::{check, Checked};
use super::voice_model::{TrunkRow, VoiceRouteDetail, VoiceRouteForm, VoiceRouteFormPage, VoiceRouteRow};
use crate::error::AppError;
use crate::policy::Action;
use crate::ssr::audit::{self, Outcome};
use crate::ssr::context::InAccount;

fn voice_route(l: &LineRoutes) -> &str {
    &l.voice_route_id
}

fn text(v: &Option<String>) -> String {
    v.clone().unwrap_or_default()
}

pub fn row(r: &VoiceRoute, lines: &[LineRoutes]) -> VoiceRouteRow {
    let id = text(&r.call_route_id);
    let trunk = |ip: &Option<String>, port, transport, uri, enabled: Option<bool>, priority, weight| {
        Some(TrunkRow {
            ip: text(ip),
            port: text(port),
            transport: text(transport),
            uri: text(uri),
            enabled: enabled.unwrap_or(true),
            priority,
            weight,
        })
        .filter(|t| !t.ip.is_empty())
    };
    let trunks = [
        trunk(
            &r.trunk_ip1,
            &r.trunk_port1,
            &r.trunk_transport1,
            &r.trunk_uri1,
            r.trunk_enabled1,
            r.trunk1_priority,
            r.trunk1_weight,
        ),
        trunk(
            &r.trunk_ip2,
            &r.trunk_port2,
            &r.trunk_transport2,
            &r.trunk_uri2,
            r.trunk_enabled2,
            r.trunk2_priority,
            r.trunk2_weight,
        ),
    ];
    VoiceRouteRow {
        numbers: lines::using(lines, &id, voice_route).len(),
        id,
        name: text(&r.route_name),
        route_type: r.route_type.clone().unwrap_or_else(|| "Trunk".into()),
        url: text(&r.voice_url),
        method: text(&r.voice_url_method),
        auth: text(&r.voice_authentication_type),
        username: text(&r.voice_username),
        secret_set: r.voice_password_token.as_deref().is_some_and(|s| !s.is_empty()),
        callback_url: text(&r.callback_voice_url),
        callback_method: text(&r.callback_voice_url_method),
        trunks: trunks.into_iter().flatten().collect(),
        ip_allow_list: r.ip_whitelist.iter().filter_map(|e| e.ip_address.clone()).collect(),
        enabled: r.route_enabled.unwrap_or(true),
        intelligent: r.intelligent_route_enabled.unwrap_or(false),
    }
}

pub async fn routes(ctx: &InAccount) -> Result<Vec<VoiceRoute>, AppError> {
    Ok(ctx
        .tenant
        .client
        .account_voice_routes(Some(&ctx.account_id))
        .await?
        .results
        .into_iter()
        // Only this Account's, whatever the answer holds.
        .filter(|r| r.account_id.as_deref() == Some(ctx.account_id.as_str()))
        .collect())
}

async fn find(ctx: &InAccount, id: &str) -> Result<VoiceRoute, AppError> {
    routes(ctx)
        .await?
        .into_iter()
        .find(|r| r.call_route_id.as_deref() == Some(id.trim()))
        .ok_or(AppError::NotFound)
}

pub async fn detail(ctx: &InAccount, id: &str) -> Result<VoiceRouteDetail, AppError> {
    let route = find(ctx, id).await?;
    let all = lines::of_account(ctx).await?;
    let account = ctx.tenant.client.account(&ctx.account_id).await?;
    let route = row(&route, &all);
    Ok(VoiceRouteDetail {
        account_id: ctx.account_id.clone(),
        account_name: account.account_name,
        lines: lines::using(&all, &route.id, voice_route),
        route,
        can_edit: ctx.caller.allows(Action::ManageRoutes),
    })
}

pub async fn form(ctx: &InAccount, id: &str) -> Result<VoiceRouteFormPage, AppError> {
    let account = ctx.tenant.client.account(&ctx.account_id).await?;
    let on = |b: bool| b.then(|| "on".to_string());
    if id.trim().is_empty() {
        return Ok(VoiceRouteFormPage {
            account_name: account.account_name,
            form: VoiceRouteForm {
                account_id: ctx.account_id.clone(),
                route_type: "Trunk".into(),
                voice_url_method: "POST".into(),
                voice_authentication_type: "None".into(),
                callback_voice_url_method: "POST".into(),
                trunk_port1: "5060".into(),
                trunk_transport1: "UDP".into(),
                trunk_enabled1: on(true),
                trunk1_priority: "10".into(),
                trunk1_weight: "10".into(),
                trunk_port2: "5060".into(),
                trunk_transport2: "UDP".into(),
                trunk_enabled2: on(true),
                trunk2_priority: "20".into(),
                trunk2_weight: "10".into(),
                route_enabled: on(true),
                intelligent_route_enabled: on(true),
                ..Default::default()
            },
            secret_set: false,
        });
    }
    let r = row(&find(ctx, id).await?, &[]);
    let trunk = |i: usize| r.trunks.get(i).cloned().unwrap_or_default();
    let (t1, t2) = (trunk(0), trunk(1));
    let num = |n: Option<i64>| n.map(|n| n.to_string()).unwrap_or_default();
    Ok(VoiceRouteFormPage {
        account_name: account.account_name,
        secret_set: r.secret_set,
        form: VoiceRouteForm {
            account_id: ctx.account_id.clone(),
            call_route_id: r.id.clone(),
            route_name: r.name.clone(),
            route_type: r.route_type.clone(),
            voice_url: r.url.clone(),
            voice_url_method: if r.method.is_empty() {
                "POST".into()
            } else {
                r.method.clone()
            },
            voice_authentication_type: if r.auth.is_empty() {
                "None".into()
            } else {
                r.auth.clone()
            },
            voice_username: r.username.clone(),
            voice_password_token: String::new(),
            callback_voice_url: r.callback_url.clone(),
            callback_voice_url_method: if r.callback_method.is_empty() {
                "POST".into()
            } else {
                r.callback_method.clone()
            },
            trunk_ip1: t1.ip,
            trunk_port1: t1.port,
            trunk_transport1: t1.transport,
            trunk_uri1: t1.uri,
            trunk_enabled1: on(t1.enabled),
            trunk1_priority: num(t1.priority),
            trunk1_weight: num(t1.weight),
            trunk_ip2: t2.ip,
            trunk_port2: t2.port,
            trunk_transport2: if t2.transport.is_empty() {
                "UDP".into()
            } else {
                t2.transport
            },
            trunk_uri2: t2.uri,
            trunk_enabled2: on(t2.enabled),
            trunk2_priority: num(t2.priority),
            trunk2_weight: num(t2.weight),
            ip_allow_list: r.ip_allow_list.join("\n"),
            route_enabled: on(r.enabled),
            intelligent_route_enabled: on(r.intelligent),
        },
    })
}

/// What is sent for the webhook's authentication: (type, user name, secret).
/// An empty secret field keeps the stored one (it is write-only); "None"
/// clears the user name and secret on a create.
fn auth_fields(form: &VoiceRouteForm, c: &Checked) -> (Option<String>, Option<String>, Option<String>) {
    let auth = form.voice_authentication_type.trim();
    if c.route_type != "URL" || auth == "None" || auth.is_empty() {
        return (None, None, None);
    }
    let user = if auth == "Basic" {
        Some(form.voice_username.trim().to_string())
    } else {
        Some(String::new())
    };
    let secret = Some(form.voice_password_token.clone()).filter(|s| !s.is_empty());
    (Some(auth.to_string()), user, secret)
}

/// The trunk fields of a request, in the order the API names them.
struct TrunkFields {
    ip: [Option<String>; 2],
    port: [Option<String>; 2],
    transport: [Option<String>; 2],
    uri: [Option<String>; 2],
    enabled: [Option<bool>; 2],
    priority: [Option<i64>; 2],
    weight: [Option<i64>; 2],
}

/// A trunk left out is sent empty and disabled, so an edit that removes
/// the second trunk removes it at Telegent too.
fn trunk_fields(c: &Checked) -> TrunkFields {
    let pick = |i: usize| c.trunks[i].as_ref();
    let field = |f: fn(&super::voice_check::Trunk) -> String| [0, 1].map(|i| Some(pick(i).map(f).unwrap_or_default()));
    TrunkFields {
        ip: field(|t| t.ip.clone()),
        port: field(|t| t.port.clone()),
        transport: [0, 1].map(|i| pick(i).map(|t| t.transport.clone())),
        uri: field(|t| t.uri.clone().unwrap_or_default()),
        enabled: [0, 1].map(|i| Some(pick(i).is_some_and(|t| t.enabled))),
        priority: [0, 1].map(|i| pick(i).map(|t| t.priority)),
        weight: [0, 1].map(|i| pick(i).map(|t| t.weight)),
    }
}

fn allow_list(c: &Checked) -> Option<Vec<IpAddressEntry>> {
    Some(
        c.ip_allow_list
            .iter()
            .map(|ip| IpAddressEntry {
                ip_address: Some(ip.clone()),
            })
            .collect(),
    )
}

/// What the audit log says: the route and where calls go, never a secret.
fn audit_detail(form: &VoiceRouteForm, c: &Checked) -> String {
    let target = match c.route_type.as_str() {
        "Trunk" => c
            .trunks
            .iter()
            .flatten()
            .map(|t| format!("{}:{}/{} p{} w{}", t.ip, t.port, t.transport, t.priority, t.weight))
            .collect::<Vec<_>>()
            .join(", "),
        _ => c.voice_url.clone().unwrap_or_default(),
    };
    format!(
        "{} ({}) → {target}; allow-list {}",
        form.route_name.trim(),
        c.route_type,
        if c.ip_allow_list.is_empty() {
            "empty".to_string()
        } else {
            c.ip_allow_list.join(" ")
        }
    )
}

/// Creates or changes the route; returns its CRID.
pub async fn save(ctx: &InAccount, form: &VoiceRouteForm) -> Result<String, AppError> {
    let sandbox = super::urls::is_loopback(ctx.tenant.client.base_url());
    let creating = form.call_route_id.trim().is_empty();
    let before = if creating {
        None
    } else {
        Some(find(ctx, &form.call_route_id).await?)
    };
    let stored_auth = before
        .as_ref()
        .map(|b| text(&b.voice_authentication_type))
        .unwrap_or_default();
    let c = check(form, sandbox, creating, &stored_auth)?;
    let (auth, user, secret) = auth_fields(form, &c);
    let t = trunk_fields(&c);
    let flag = |v: &Option<String>| Some(v.is_some());
    let callback_method = c
        .callback_url
        .as_ref()
        .map(|_| form.callback_voice_url_method.trim().to_string());
    let method = (c.route_type == "URL").then(|| form.voice_url_method.trim().to_string());
    let (action, target) = match &before {
        None => ("CreateVoiceRoute", form.route_name.trim().to_string()),
        Some(_) => ("UpdateVoiceRoute", form.call_route_id.trim().to_string()),
    };
    let entry = ctx.caller.audit_in(&ctx.tenant, &ctx.account_id, action, &[&target]);
    let audit_id = audit::begin(&ctx.state.pool, &entry).await?;
    let [ip1, ip2] = t.ip;
    let [port1, port2] = t.port;
    let [transport1, transport2] = t.transport;
    let [uri1, uri2] = t.uri;
    let [enabled1, enabled2] = t.enabled;
    let [priority1, priority2] = t.priority;
    let [weight1, weight2] = t.weight;
    let sent = match &before {
        None => {
            let request = VoiceRouteCreateRequest {
                route_name: form.route_name.trim().to_string(),
                route_type: c.route_type.clone(),
                voice_url: c.voice_url.clone(),
                voice_url_method: method,
                voice_authentication_type: auth,
                voice_username: user,
                voice_password_token: secret,
                callback_voice_url: c.callback_url.clone(),
                callback_voice_url_method: callback_method,
                trunk_ip1: ip1,
                trunk_ip2: ip2,
                trunk_port1: port1,
                trunk_port2: port2,
                trunk_transport1: transport1,
                trunk_transport2: transport2,
                trunk_uri1: uri1,
                trunk_uri2: uri2,
                trunk_enabled1: enabled1,
                trunk_enabled2: enabled2,
                trunk1_priority: priority1,
                trunk1_weight: weight1,
                trunk2_priority: priority2,
                trunk2_weight: weight2,
                ip_whitelist: allow_list(&c),
                route_enabled: flag(&form.route_enabled),
                intelligent_route_enabled: flag(&form.intelligent_route_enabled),
                account_id: Some(ctx.account_id.clone()),
                ..Default::default()
            };
            ctx.tenant.client.create_voice_route(&request).await
        }
        Some(before) => {
            let request = VoiceRouteUpdateRequest {
                call_route_id: text(&before.call_route_id),
                route_name: Some(form.route_name.trim().to_string()),
                route_type: Some(c.route_type.clone()),
                voice_url: Some(c.voice_url.clone().unwrap_or_default()),
                voice_url_method: method,
                voice_authentication_type: auth,
                voice_username: user,
                voice_password_token: secret,
                callback_voice_url: Some(c.callback_url.clone().unwrap_or_default()),
                callback_voice_url_method: callback_method,
                trunk_ip1: ip1,
                trunk_ip2: ip2,
                trunk_port1: port1,
                trunk_port2: port2,
                trunk_transport1: transport1,
                trunk_transport2: transport2,
                trunk_uri1: uri1,
                trunk_uri2: uri2,
                trunk_enabled1: enabled1,
                trunk_enabled2: enabled2,
                trunk1_priority: priority1,
                trunk1_weight: weight1,
                trunk2_priority: priority2,
                trunk2_weight: weight2,
                ip_whitelist: allow_list(&c),
                route_enabled: flag(&form.route_enabled),
                intelligent_route_enabled: flag(&form.intelligent_route_enabled),
                ..Default::default()
            };
            ctx.tenant.client.update_voice_route(&request).await
        }
    };
    match sent {
        Ok(route) => {
            audit::finish(&ctx.state.pool, audit_id, Outcome::Succeeded, &audit_detail(form, &c)).await?;
            Ok(route
                .call_route_id
                .unwrap_or_else(|| form.call_route_id.trim().to_string()))
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
    let id = text(&route.call_route_id);
    if !confirmed {
        return Err(AppError::invalid("confirm", "Tick the box to confirm."));
    }
    let entry = ctx
        .caller
        .audit_in(&ctx.tenant, &ctx.account_id, "DeleteVoiceRoute", &[&id]);
    let using = lines::using(
        &lines::of_distributor_using(ctx, lines::Column::Voice, &id).await?,
        &id,
        voice_route,
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
        .delete_voice_route(&VoiceRouteDeleteRequest {
            call_route_id: id.clone(),
        })
        .await
    {
        Ok(_) => {
            let name = text(&route.route_name);
            audit::finish(&ctx.state.pool, audit_id, Outcome::Succeeded, &format!("{id} {name}")).await?;
            Ok(())
        }
        Err(error) => {
            audit::finish(&ctx.state.pool, audit_id, Outcome::Failed, &error.to_string()).await?;
            Err(error.into())
        }
    }
}
