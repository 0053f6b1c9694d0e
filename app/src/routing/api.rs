//! Server functions of an Account's routes: the policy check and the
//! Account against the caller's scope first, then the route among that
//! Account's own (another Account's route is missing).

use leptos::prelude::*;

use super::model::{MessageRouteDetail, MessageRouteForm, MessageRouteFormPage, RouteRef, RoutesPage};
use super::voice_model::{VoiceRouteDetail, VoiceRouteForm, VoiceRouteFormPage};
use crate::error::AppError;

#[cfg(feature = "ssr")]
use crate::{
    policy::Action,
    ssr::context::{in_account, redirect},
};

#[server(endpoint = "routes/list")]
pub async fn fetch_routes(account_id: String) -> Result<RoutesPage, AppError> {
    let ctx = in_account(Action::ViewRoutes, &account_id).await?;
    super::message::page(&ctx).await
}

#[server(endpoint = "routes/message")]
pub async fn fetch_message_route(#[server(flatten)] target: RouteRef) -> Result<MessageRouteDetail, AppError> {
    let ctx = in_account(Action::ViewRoutes, &target.account_id).await?;
    super::message::detail(&ctx, &target.id).await
}

#[server(endpoint = "routes/message-form")]
pub async fn fetch_message_route_form(#[server(flatten)] target: RouteRef) -> Result<MessageRouteFormPage, AppError> {
    let ctx = in_account(Action::ManageRoutes, &target.account_id).await?;
    super::message::form(&ctx, &target.id).await
}

#[server(endpoint = "routes/message-save")]
pub async fn save_message_route(#[server(flatten)] form: MessageRouteForm) -> Result<(), AppError> {
    let ctx = in_account(Action::ManageRoutes, &form.account_id).await?;
    let id = super::message::save(&ctx, &form).await?;
    redirect(&crate::links::with_notice(
        &crate::links::message_route(&ctx.account_id, &id),
        "saved",
        "1",
    ));
    Ok(())
}

#[server(endpoint = "routes/message-delete")]
pub async fn delete_message_route(#[server(flatten)] target: RouteRef) -> Result<(), AppError> {
    let ctx = in_account(Action::ManageRoutes, &target.account_id).await?;
    super::message::delete(&ctx, &target.id, target.confirm.is_some()).await?;
    redirect(&crate::links::with_notice(
        &crate::links::routes(&ctx.account_id),
        "deleted",
        target.id.trim(),
    ));
    Ok(())
}

#[server(endpoint = "routes/voice")]
pub async fn fetch_voice_route(#[server(flatten)] target: RouteRef) -> Result<VoiceRouteDetail, AppError> {
    let ctx = in_account(Action::ViewRoutes, &target.account_id).await?;
    super::voice::detail(&ctx, &target.id).await
}

#[server(endpoint = "routes/voice-form")]
pub async fn fetch_voice_route_form(#[server(flatten)] target: RouteRef) -> Result<VoiceRouteFormPage, AppError> {
    let ctx = in_account(Action::ManageRoutes, &target.account_id).await?;
    super::voice::form(&ctx, &target.id).await
}

#[server(endpoint = "routes/voice-save")]
pub async fn save_voice_route(#[server(flatten)] form: VoiceRouteForm) -> Result<(), AppError> {
    let ctx = in_account(Action::ManageRoutes, &form.account_id).await?;
    let id = super::voice::save(&ctx, &form).await?;
    redirect(&crate::links::with_notice(
        &crate::links::voice_route(&ctx.account_id, &id),
        "saved",
        "1",
    ));
    Ok(())
}

#[server(endpoint = "routes/voice-delete")]
pub async fn delete_voice_route(#[server(flatten)] target: RouteRef) -> Result<(), AppError> {
    let ctx = in_account(Action::ManageRoutes, &target.account_id).await?;
    super::voice::delete(&ctx, &target.id, target.confirm.is_some()).await?;
    redirect(&crate::links::with_notice(
        &crate::links::routes(&ctx.account_id),
        "deleted",
        target.id.trim(),
    ));
    Ok(())
}
