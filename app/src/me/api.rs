//! Server functions of a Subscriber's own page.

use leptos::prelude::*;

use super::model::MyLines;
use crate::error::AppError;

#[cfg(feature = "ssr")]
use crate::{lines::service as lines, policy::Action, ssr::context::scoped};

/// A Subscriber's own lines.
#[server(endpoint = "me/lines")]
pub async fn fetch_my_lines() -> Result<MyLines, AppError> {
    let ctx = scoped(Action::ViewOwnLines).await?;
    let (Some(account_id), Some(subscriber_id)) = (&ctx.caller.account_id, &ctx.caller.subscriber_id) else {
        return Err(AppError::NotFound);
    };
    let tenant = ctx.caller.tenant(&ctx.state)?;
    let account = tenant.client.account(account_id).await?;
    let me = tenant.client.subscriber(subscriber_id).await?;
    let mut usage = lines::usage_of(&tenant, &me.phone_numbers).await?;
    let guardian = lines::guardian_of(&tenant, subscriber_id).await.ok();
    Ok(MyLines {
        name: me.name,
        account_name: account.account_name,
        lines: me
            .phone_numbers
            .iter()
            .map(|n| {
                let u = usage.remove(n).unwrap_or_else(|| lines::line_usage(None, None));
                lines::summary(n, u)
            })
            .collect(),
        guardian,
    })
}
