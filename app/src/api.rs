//! Server functions: each names its action, takes the caller (and so the
//! scope) from the session, checks every ID argument against that scope,
//! then calls a service. Stable endpoint names, POST only.

// A server function takes its form's fields one by one (that is how forms
// post without JavaScript), so some take many.
#![allow(clippy::too_many_arguments)]

use leptos::prelude::*;

use crate::error::AppError;
use crate::model::{
    AccountDetail, AccountsPage, AuditPage, CreatedUser, CurrentUser, DistributorRow, MyLines, UsersPage,
};

#[cfg(feature = "ssr")]
use crate::{
    model::{AccountSort, AuditFilter, NavItem, NewUser, ViewAsBanner, AUDIT_PER_PAGE},
    policy::{Action, Role},
    ssr::{
        accounts, audit,
        auth::{self, account_in_scope, current_caller, distributor_in_scope, require},
        state, upstreams, users, with_status,
    },
};

/// The session, for the server functions that change it.
#[cfg(feature = "ssr")]
async fn session() -> Result<tower_sessions::Session, AppError> {
    leptos_axum::extract::<tower_sessions::Session>()
        .await
        .map_err(|error| {
            tracing::error!(%error, "no session layer");
            AppError::Internal
        })
}

/// The request id and the client's address, for the audit log.
#[cfg(feature = "ssr")]
fn request_meta() -> (Option<String>, Option<String>) {
    let Some(parts) = use_context::<http::request::Parts>() else {
        return (None, None);
    };
    let request_id = parts
        .headers
        .get("x-request-id")
        .and_then(|v| v.to_str().ok())
        .map(str::to_string);
    let address = parts.extensions.get::<auth::ClientAddress>().and_then(|a| a.0.clone());
    (request_id, address)
}

/// Only paths on this site, so a crafted link cannot send people elsewhere.
pub fn safe_next(next: &str) -> String {
    // Browsers drop tabs and newlines from URLs and read `\` as `/`, so
    // "/\t/evil.example" would leave the site: refuse all of them.
    let ok = next.starts_with('/')
        && !next.starts_with("//")
        && !next.contains("://")
        && !next.chars().any(|c| c.is_control() || c.is_whitespace() || c == '\\');
    if ok && !next.starts_with("/login") {
        next.to_string()
    } else {
        "/".to_string()
    }
}

/// The signed-in user, their navigation and any "view as" banner; `None`
/// when nobody is signed in.
#[server(endpoint = "session/current-user")]
pub async fn fetch_current_user() -> Result<Option<CurrentUser>, AppError> {
    let Some(caller) = current_caller() else {
        return Ok(None);
    };
    let state = state()?;
    let scope_label = match (&caller.account_id, &caller.distributor_id) {
        (Some(account_id), _) => match &caller.view_as {
            Some(view) => view.account_name.clone(),
            None => match caller.tenant(&state) {
                Ok(tenant) => tenant
                    .client
                    .account(account_id)
                    .await
                    .map(|a| a.account_name)
                    .unwrap_or_default(),
                Err(_) => String::new(),
            },
        },
        (None, Some(_)) => match caller.tenant(&state) {
            Ok(tenant) => accounts::distributor_name(&tenant).await.unwrap_or_default(),
            Err(_) => String::new(),
        },
        (None, None) => "All Distributors".into(),
    };
    let home = home_of(&caller);
    let mut nav = Vec::new();
    let mut add = |href: &str, label: &str| {
        nav.push(NavItem {
            href: href.into(),
            label: label.into(),
        })
    };
    match caller.role {
        Role::PlatformAdmin => add("/distributors", "Distributors"),
        Role::DistributorAdmin | Role::DistributorViewer => add("/", "Accounts"),
        Role::AccountAdmin => add(&home, "Account"),
        Role::Manager => add(&home, "Family"),
        Role::Subscriber => add("/me", "My lines"),
    }
    if caller.allows(Action::ManageUsers) {
        add("/users", "Users");
    }
    if caller.allows(Action::ViewAudit) {
        add("/audit", "Audit log");
    }
    if caller.view_as.is_none() {
        add("/profile", "Profile");
    }
    let now = state.clock.now();
    Ok(Some(CurrentUser {
        display_name: caller.display_name.clone(),
        email: caller.email.clone(),
        role: caller.role,
        role_label: caller.role_label(),
        scope_label,
        home,
        nav,
        must_change_password: caller.must_change_password,
        view_as: caller.view_as.as_ref().map(|v| ViewAsBanner {
            account_id: v.account_id.clone(),
            account_name: v.account_name.clone(),
            reason: v.reason.clone(),
            minutes_left: ((v.expires_at - now) + 59) / 60,
        }),
    }))
}

/// Where a role starts: the Platform's Distributors, a Distributor's
/// accounts, an Account's page, a Subscriber's own lines.
#[cfg(feature = "ssr")]
pub fn home_of(caller: &auth::Caller) -> String {
    match (caller.role, &caller.account_id) {
        (Role::PlatformAdmin, _) => "/distributors".into(),
        (Role::Subscriber, _) => "/me".into(),
        (Role::AccountAdmin | Role::Manager, Some(account_id)) => format!("/accounts/{account_id}"),
        _ => "/".into(),
    }
}

/// Signs in (a plain form post: the browser follows the redirect and loads
/// the next page with its new session).
#[server(endpoint = "session/login")]
pub async fn login(email: String, password: String, next: String) -> Result<(), AppError> {
    let state = state()?;
    let session = session().await?;
    let (request_id, address) = request_meta();
    let user = with_status(auth::sign_in(&state, &session, &email, &password, request_id, address).await)?;
    let target = if user.must_change_password {
        "/password".to_string()
    } else {
        safe_next(&next)
    };
    leptos_axum::redirect(&target);
    Ok(())
}

#[server(endpoint = "session/logout")]
pub async fn logout() -> Result<(), AppError> {
    let state = state()?;
    let session = session().await?;
    let caller = current_caller();
    auth::sign_out(&state, &session, caller.as_deref()).await?;
    leptos_axum::redirect("/login?signed_out=1");
    Ok(())
}

/// Changes the caller's password (also the first-sign-in step).
#[server(endpoint = "session/password")]
pub async fn change_password(
    current_password: String,
    new_password: String,
    confirm_password: String,
) -> Result<(), AppError> {
    let state = state()?;
    let caller = with_status(current_caller().ok_or(AppError::SignedOut))?;
    if caller.view_as.is_some() {
        return with_status(Err(AppError::Forbidden));
    }
    let session = session().await?;
    with_status(
        auth::change_password(
            &state,
            &session,
            &caller,
            &current_password,
            &new_password,
            &confirm_password,
        )
        .await,
    )?;
    leptos_axum::redirect(&format!("{}?password_changed=1", home_of(&caller)));
    Ok(())
}

#[server(endpoint = "session/view-as")]
pub async fn start_view_as(account_id: String, reason: String) -> Result<(), AppError> {
    let (state, caller) = require(Action::ViewAsManager).await?;
    let session = session().await?;
    with_status(auth::start_view_as(&state, &session, &caller, &account_id, &reason).await)?;
    leptos_axum::redirect(&format!("/accounts/{account_id}"));
    Ok(())
}

#[server(endpoint = "session/view-as-stop")]
pub async fn stop_view_as() -> Result<(), AppError> {
    let state = state()?;
    let caller = with_status(current_caller().ok_or(AppError::SignedOut))?;
    let session = session().await?;
    let back = caller
        .view_as
        .as_ref()
        .map(|v| format!("/accounts/{}", v.account_id))
        .unwrap_or_else(|| "/".into());
    auth::stop_view_as(&state, &session, &caller).await?;
    leptos_axum::redirect(&back);
    Ok(())
}

/// One page of a Distributor's accounts (`distributor_id` empty: the
/// caller's own). `sort` is a URL value (`name`, `-name`, `subscribers`,
/// `-subscribers`). Account roles see their one Account.
#[server(endpoint = "accounts/list")]
pub async fn list_accounts(
    distributor_id: String,
    page: u32,
    search: String,
    sort: String,
) -> Result<AccountsPage, AppError> {
    let (state, caller) = require(Action::ViewAccounts).await?;
    let tenant = distributor_in_scope(&state, &caller, &distributor_id)?;
    let only = match caller.role {
        Role::AccountAdmin | Role::Manager | Role::Subscriber => Some(caller.account_id.as_deref().unwrap_or("")),
        _ => None,
    };
    with_status(accounts::list(&tenant, only, page, &search, AccountSort::from_param(&sort)).await)
}

#[server(endpoint = "accounts/detail")]
pub async fn fetch_account_detail(account_id: String) -> Result<AccountDetail, AppError> {
    let (state, caller) = require(Action::ViewAccounts).await?;
    let tenant = account_in_scope(&state, &caller, &account_id).await?;
    let mut detail = with_status(accounts::detail(&tenant, &account_id).await)?;
    detail.distributor_href = match caller.role {
        Role::PlatformAdmin => Some(format!("/distributors/{}", tenant.distributor_id)),
        Role::DistributorAdmin | Role::DistributorViewer => Some("/".into()),
        _ => None,
    };
    detail.can_view_as = caller.allows(Action::ViewAsManager);
    Ok(detail)
}

/// The Distributors this portal serves (Platform admin).
#[server(endpoint = "distributors/list")]
pub async fn list_distributors() -> Result<Vec<DistributorRow>, AppError> {
    let (state, caller) = require(Action::ViewDistributors).await?;
    let records = upstreams::list_distributors(&state.pool).await?;
    Ok(records
        .into_iter()
        // Everyone but the platform sees only their own Distributor.
        .filter(|r| caller.role == Role::PlatformAdmin || caller.distributor_id.as_deref() == Some(&r.distributor_id))
        .map(|r| DistributorRow {
            connected: state.upstreams.get(&r.distributor_id).is_some(),
            id: r.distributor_id,
            name: r.name,
            api_base_url: r.api_base_url,
            account_key: r.account_key,
        })
        .collect())
}

/// A Subscriber's own lines.
#[server(endpoint = "me/lines")]
pub async fn fetch_my_lines() -> Result<MyLines, AppError> {
    let (state, caller) = require(Action::ViewOwnLines).await?;
    let (Some(account_id), Some(subscriber_id)) = (&caller.account_id, &caller.subscriber_id) else {
        return with_status(Err(AppError::NotFound));
    };
    let tenant = caller.tenant(&state)?;
    let account = tenant.client.account(account_id).await?;
    let me = tenant.client.subscriber(subscriber_id).await?;
    let mut usage = crate::ssr::family::usage_of(&tenant, &me.phone_numbers).await?;
    let guardian = crate::ssr::family::guardian_of(&tenant, subscriber_id).await.ok();
    Ok(MyLines {
        name: me.name,
        account_name: account.account_name,
        lines: me
            .phone_numbers
            .iter()
            .map(|n| {
                let u = usage
                    .remove(n)
                    .unwrap_or_else(|| crate::ssr::family::line_usage(None, None));
                crate::ssr::family::summary(n, u)
            })
            .collect(),
        guardian,
    })
}

#[server(endpoint = "users/list")]
pub async fn list_users(search: String, page: u32) -> Result<UsersPage, AppError> {
    let (state, caller) = require(Action::ManageUsers).await?;
    users::list(&state, &caller, &search, page).await
}

/// Creates a user with a temporary password. The result is also kept in
/// the session once, so a browser without JavaScript sees it after the redirect.
#[server(endpoint = "users/create")]
pub async fn create_user(
    email: String,
    display_name: String,
    role: String,
    distributor_id: String,
    account_id: String,
) -> Result<CreatedUser, AppError> {
    let (state, caller) = require(Action::ManageUsers).await?;
    let input = NewUser {
        email,
        display_name,
        role,
        distributor_id,
        account_id,
    };
    let (id, temporary_password) = with_status(users::create(&state, &caller, input.clone()).await)?;
    let created = CreatedUser {
        id,
        email: input.email.trim().to_lowercase(),
        temporary_password,
    };
    session()
        .await?
        .insert(CREATED_USER_KEY, &created)
        .await
        .map_err(|_| AppError::Internal)?;
    leptos_axum::redirect("/users?created=1");
    Ok(created)
}

#[cfg(feature = "ssr")]
const CREATED_USER_KEY: &str = "created_user";

/// The user created just before (shown once, then forgotten).
#[server(endpoint = "users/created")]
pub async fn take_created_user() -> Result<Option<CreatedUser>, AppError> {
    require(Action::ManageUsers).await?;
    session()
        .await?
        .remove::<CreatedUser>(CREATED_USER_KEY)
        .await
        .map_err(|_| AppError::Internal)
}

#[server(endpoint = "users/set-enabled")]
pub async fn set_user_enabled(user_id: i64, enabled: bool) -> Result<(), AppError> {
    let (state, caller) = require(Action::ManageUsers).await?;
    with_status(users::set_enabled(&state, &caller, user_id, enabled).await)
}

#[server(endpoint = "users/role")]
pub async fn change_user_role(user_id: i64, role: String) -> Result<(), AppError> {
    let (state, caller) = require(Action::ManageUsers).await?;
    with_status(users::change_role(&state, &caller, user_id, &role).await)
}

/// The audit log in the caller's scope; empty filters match everything.
#[server(endpoint = "audit/list")]
pub async fn list_audit(
    user: String,
    action: String,
    outcome: String,
    from: String,
    to: String,
    page: u32,
) -> Result<AuditPage, AppError> {
    let (state, caller) = require(Action::ViewAudit).await?;
    let filter = AuditFilter {
        user,
        action,
        outcome,
        from,
        to,
    };
    Ok(audit::search(&state.pool, &caller, &filter, page, Some(AUDIT_PER_PAGE)).await?)
}

/// An Account's members and lines with live data use, Guardian state and
/// what needs attention (the Manager's home).
#[server(endpoint = "family/overview")]
pub async fn fetch_family_overview(account_id: String) -> Result<crate::model::FamilyOverview, AppError> {
    let (state, caller) = require(Action::ViewSubscribers).await?;
    let tenant = account_in_scope(&state, &caller, &account_id).await?;
    with_status(crate::ssr::family::overview(&state, &caller, &tenant, &account_id).await)
}

/// One member: their lines, subscriptions and restrictions.
#[server(endpoint = "members/detail")]
pub async fn fetch_member(account_id: String, subscriber_id: String) -> Result<crate::model::MemberDetail, AppError> {
    let (state, caller) = require(Action::ViewSubscribers).await?;
    let tenant = account_in_scope(&state, &caller, &account_id).await?;
    with_status(crate::ssr::members::detail(&caller, &tenant, &account_id, &subscriber_id).await)
}

/// Adds a member (a Telegent subscriber with the role Subscriber) to the
/// Account, then opens their page.
#[server(endpoint = "members/add")]
pub async fn add_member(account_id: String, name: String, email: String) -> Result<(), AppError> {
    let (state, caller) = require(Action::ManageSubscribers).await?;
    let tenant = account_in_scope(&state, &caller, &account_id).await?;
    let subscriber_id =
        with_status(crate::ssr::members::add(&state, &caller, &tenant, &account_id, &name, &email).await)?;
    leptos_axum::redirect(&format!("/accounts/{account_id}/members/{subscriber_id}?saved=added"));
    Ok(())
}

/// Changes a member's name and e-mail.
#[server(endpoint = "members/edit")]
pub async fn edit_member(
    account_id: String,
    subscriber_id: String,
    name: String,
    email: String,
) -> Result<(), AppError> {
    let (state, caller) = require(Action::ManageSubscribers).await?;
    let tenant = account_in_scope(&state, &caller, &account_id).await?;
    with_status(crate::ssr::members::edit(&state, &caller, &tenant, &account_id, &subscriber_id, &name, &email).await)?;
    leptos_axum::redirect(&format!("/accounts/{account_id}/members/{subscriber_id}?saved=edited"));
    Ok(())
}

/// One line's data settings, usage and usage chart.
#[server(endpoint = "family/line")]
pub async fn fetch_line_detail(account_id: String, msisdn: String) -> Result<crate::model::LineDetail, AppError> {
    let (state, caller) = require(Action::ViewNumbers).await?;
    let tenant = account_in_scope(&state, &caller, &account_id).await?;
    with_status(crate::ssr::family::line_detail(&state, &caller, &tenant, &account_id, &msisdn).await)
}

/// The same data limits for one or several lines of the Account.
#[server(endpoint = "family/limits")]
pub async fn set_data_limits(
    account_id: String,
    #[server(default)] numbers: Vec<String>,
    unit: String,
    notify: String,
    throttle: String,
    limit: String,
    speed: String,
) -> Result<(), AppError> {
    let (state, caller) = require(Action::ManageDataLimits).await?;
    let tenant = account_in_scope(&state, &caller, &account_id).await?;
    // The browser checked already; the same rule again, before anything is sent.
    let thresholds = with_status(crate::limits::check_thresholds(
        &unit, &notify, &throttle, &limit, &speed,
    ))?;
    let lines = with_status(
        crate::ssr::family::set_limits(&state, &caller, &tenant, &account_id, &numbers, &thresholds).await,
    )?;
    leptos_axum::redirect(&format!("/accounts/{account_id}/limits?saved={}", lines.len()));
    Ok(())
}

/// Renewal cycle for one or several lines; `reset` (a confirmed checkbox) also zeroes their usage.
#[server(endpoint = "family/renewal")]
pub async fn set_renewal(
    account_id: String,
    #[server(default)] numbers: Vec<String>,
    period: String,
    day: String,
    auto_renew: Option<String>,
    reset: Option<String>,
) -> Result<(), AppError> {
    let (state, caller) = require(Action::ManageDataLimits).await?;
    let tenant = account_in_scope(&state, &caller, &account_id).await?;
    let (period, day) = with_status(crate::limits::check_renewal(&period, &day))?;
    let reset = reset.is_some();
    with_status(
        crate::ssr::family::set_renewal(
            &state,
            &caller,
            &tenant,
            &account_id,
            &numbers,
            &period,
            day,
            auto_renew.is_some(),
            reset,
        )
        .await,
    )?;
    let back = numbers
        .first()
        .map(|n| format!("/accounts/{account_id}/lines/{}", crate::url::urlencode(n)));
    leptos_axum::redirect(&format!(
        "{}?{}",
        back.unwrap_or_else(|| format!("/accounts/{account_id}")),
        if reset { "reset=1" } else { "renewal_saved=1" }
    ));
    Ok(())
}

/// One child's AI Guardian: switches, guardians, and the filters of one line.
#[server(endpoint = "guardian/detail")]
pub async fn fetch_guardian(
    account_id: String,
    subscriber_id: String,
    line: String,
) -> Result<crate::model::GuardianDetail, AppError> {
    let (state, caller) = require(Action::ViewSubscribers).await?;
    let tenant = account_in_scope(&state, &caller, &account_id).await?;
    with_status(crate::ssr::guardian::detail(&caller, &tenant, &account_id, &subscriber_id, &line).await)
}

#[cfg(feature = "ssr")]
fn back_to_guardian(account_id: &str, subscriber_id: &str, line: &str, saved: &str) {
    leptos_axum::redirect(&format!(
        "/accounts/{account_id}/guardian/{subscriber_id}?line={}&saved={saved}",
        crate::url::urlencode(line.trim_start_matches('+'))
    ));
}

/// The master switches: filters do nothing while these are off.
#[server(endpoint = "guardian/switches")]
pub async fn set_guardian_switches(
    account_id: String,
    subscriber_id: String,
    line: String,
    calls: Option<String>,
    messages: Option<String>,
) -> Result<(), AppError> {
    let (state, caller) = require(Action::ManageGuardian).await?;
    let tenant = account_in_scope(&state, &caller, &account_id).await?;
    with_status(
        crate::ssr::guardian::set_switches(
            &state,
            &caller,
            &tenant,
            &account_id,
            &subscriber_id,
            &line,
            calls.is_some(),
            messages.is_some(),
        )
        .await,
    )?;
    back_to_guardian(&account_id, &subscriber_id, &line, "switches");
    Ok(())
}

/// Links (`link=true`) or unlinks a guardian of the child.
#[server(endpoint = "guardian/relation")]
pub async fn set_guardian_relation(
    account_id: String,
    subscriber_id: String,
    line: String,
    guardian_id: String,
    link: bool,
) -> Result<(), AppError> {
    let (state, caller) = require(Action::ManageGuardian).await?;
    let tenant = account_in_scope(&state, &caller, &account_id).await?;
    with_status(
        crate::ssr::guardian::set_relation(
            &state,
            &caller,
            &tenant,
            &account_id,
            &subscriber_id,
            &line,
            &guardian_id,
            link,
        )
        .await,
    )?;
    back_to_guardian(&account_id, &subscriber_id, &line, "guardians");
    Ok(())
}

#[server(endpoint = "guardian/call-filter")]
pub async fn save_call_filter(
    account_id: String,
    subscriber_id: String,
    line: String,
    mode: String,
    block_unknown: Option<String>,
    block_international: Option<String>,
    inbound: Option<String>,
    outbound: Option<String>,
) -> Result<(), AppError> {
    let (state, caller) = require(Action::ManageGuardian).await?;
    let tenant = account_in_scope(&state, &caller, &account_id).await?;
    let settings = crate::ssr::guardian::CallSettings {
        mode,
        block_unknown: block_unknown.is_some(),
        block_international: block_international.is_some(),
        inbound: inbound.is_some(),
        outbound: outbound.is_some(),
    };
    with_status(
        crate::ssr::guardian::save_call_filter(&state, &caller, &tenant, &account_id, &subscriber_id, &line, &settings)
            .await,
    )?;
    back_to_guardian(&account_id, &subscriber_id, &line, "calls");
    Ok(())
}

#[server(endpoint = "guardian/message-filter")]
pub async fn save_message_filter(
    account_id: String,
    subscriber_id: String,
    line: String,
    mode: String,
    block_links: Option<String>,
    block_media: Option<String>,
    block_unknown: Option<String>,
    inbound: Option<String>,
    outbound: Option<String>,
    keywords: String,
    notify: String,
) -> Result<(), AppError> {
    let (state, caller) = require(Action::ManageGuardian).await?;
    let tenant = account_in_scope(&state, &caller, &account_id).await?;
    let settings = crate::ssr::guardian::MessageSettings {
        mode,
        block_links: block_links.is_some(),
        block_media: block_media.is_some(),
        block_unknown: block_unknown.is_some(),
        inbound: inbound.is_some(),
        outbound: outbound.is_some(),
        keywords,
        notify,
    };
    with_status(
        crate::ssr::guardian::save_message_filter(
            &state,
            &caller,
            &tenant,
            &account_id,
            &subscriber_id,
            &line,
            &settings,
        )
        .await,
    )?;
    back_to_guardian(&account_id, &subscriber_id, &line, "messages");
    Ok(())
}

/// Adds or removes one number on a call or message filter's allowed or blocked list.
#[server(endpoint = "guardian/list")]
pub async fn edit_guardian_list(
    account_id: String,
    subscriber_id: String,
    line: String,
    filter: String,
    list: String,
    number: String,
    add: bool,
) -> Result<(), AppError> {
    let (state, caller) = require(Action::ManageGuardian).await?;
    let tenant = account_in_scope(&state, &caller, &account_id).await?;
    with_status(
        crate::ssr::guardian::edit_list(
            &state,
            &caller,
            &tenant,
            &account_id,
            &subscriber_id,
            &line,
            &filter,
            &list,
            &number,
            add,
        )
        .await,
    )?;
    back_to_guardian(&account_id, &subscriber_id, &line, &format!("{filter}-{list}"));
    Ok(())
}

/// Adds a Distributor or replaces its API credential (Platform admin). The
/// credential is tried against Telegent first and stored only if it works;
/// the secret is sealed and never shown again.
#[server(endpoint = "distributors/save")]
pub async fn save_distributor(
    distributor_id: String,
    api_base_url: String,
    account_key: String,
    account_secret: String,
) -> Result<(), AppError> {
    let (state, caller) = require(Action::ManageCredentials).await?;
    with_status(
        crate::ssr::distributors::save(
            &state,
            &caller,
            &distributor_id,
            &api_base_url,
            &account_key,
            &account_secret,
        )
        .await,
    )?;
    leptos_axum::redirect(&format!(
        "/distributors?saved={}",
        crate::url::urlencode(distributor_id.trim())
    ));
    Ok(())
}

/// Turns a line's voicemail on (with a PIN) or updates it.
#[server(endpoint = "family/voicemail")]
pub async fn save_voicemail(
    account_id: String,
    msisdn: String,
    pin: String,
    email: String,
    first_name: String,
    last_name: String,
) -> Result<(), AppError> {
    let (state, caller) = require(Action::ManageVoicemail).await?;
    let tenant = account_in_scope(&state, &caller, &account_id).await?;
    let input = crate::ssr::family::VoicemailInput {
        pin,
        email,
        first_name,
        last_name,
    };
    with_status(crate::ssr::family::save_voicemail(&state, &caller, &tenant, &account_id, &msisdn, &input).await)?;
    leptos_axum::redirect(&format!(
        "/accounts/{account_id}/lines/{}?voicemail=saved",
        msisdn.trim_start_matches('+')
    ));
    Ok(())
}

/// Deletes a line's voicemail (the form asks for a confirmation first).
#[server(endpoint = "family/voicemail-delete")]
pub async fn delete_voicemail(account_id: String, msisdn: String, confirm: Option<String>) -> Result<(), AppError> {
    let (state, caller) = require(Action::ManageVoicemail).await?;
    let tenant = account_in_scope(&state, &caller, &account_id).await?;
    if confirm.is_none() {
        return with_status(Err(AppError::invalid(
            "confirm",
            "Tick the box to confirm: the greeting and messages are deleted.",
        )));
    }
    with_status(crate::ssr::family::delete_voicemail(&state, &caller, &tenant, &account_id, &msisdn).await)?;
    leptos_axum::redirect(&format!(
        "/accounts/{account_id}/lines/{}?voicemail=deleted",
        msisdn.trim_start_matches('+')
    ));
    Ok(())
}
