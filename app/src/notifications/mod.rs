//! The notification centre (`/notifications`): what the portal told the
//! signed-in person — takeover alerts on their Account's lines, port-in
//! status changes — newest first, unread ones marked, with the count in
//! the menu.

pub mod api;
pub mod model;
#[cfg(feature = "ssr")]
pub mod service;

use leptos::prelude::*;
use leptos_meta::Title;

use self::api::{list_notices, MarkNoticesRead};
use self::model::{NoticeKind, NoticesPage};
use crate::components::form::SubmitButton;
use crate::components::problem::Problem;

#[component]
pub fn NotificationsPage() -> impl IntoView {
    let read_one = ServerAction::<MarkNoticesRead>::new();
    let list = Resource::new(move || read_one.version().get(), |_| list_notices());
    view! {
        <Title text="Notifications" />
        <h1>"Notifications"</h1>
        <Suspense fallback=|| view! { <p class="loading" role="status">"Loading notifications…"</p> }>
            {move || Suspend::new(async move {
                match list.await {
                    Ok(page) => view! { <Notices page read_one /> }.into_any(),
                    Err(error) => view! { <Problem error /> }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn Notices(page: NoticesPage, read_one: ServerAction<MarkNoticesRead>) -> impl IntoView {
    let NoticesPage { items, unread } = page;
    if items.is_empty() {
        return view! { <p class="empty-state">"Nothing yet. Security alerts about your account's lines (a port-out PIN issued, a SIM swapped) appear here."</p> }.into_any();
    }
    view! {
        <p role="status">{match unread { 0 => "All read.".to_string(), 1 => "1 unread.".to_string(), n => format!("{n} unread.") }}</p>
        {(unread > 0).then(|| view! {
            <ActionForm action=read_one>
                <input type="hidden" name="id" value="all" />
                <SubmitButton label="Mark all as read" class="button" />
            </ActionForm>
        })}
        <ul class="plain-list notices">
            {items.into_iter().map(|n| {
                let label = NoticeKind::label(&n.kind);
                let alert = n.kind == NoticeKind::Takeover.as_str();
                view! {
                    <li class:unread=!n.read>
                        <p>
                            <span class=if alert { "badge orphan" } else { "badge" }>{label}</span>
                            " " <strong>{n.title.clone()}</strong>
                            {(!n.read).then(|| view! { <span class="visually-hidden">" (unread)"</span> })}
                        </p>
                        <p>{n.body.clone()}</p>
                        <p class="muted">
                            {n.created_at.get(..16).unwrap_or(&n.created_at).replace('T', " ")} " UTC"
                            {(!n.link.is_empty()).then(|| view! { " · " <a href=n.link.clone()>"Open"</a> })}
                        </p>
                        {(!n.read).then(|| view! {
                            <ActionForm action=read_one>
                                <input type="hidden" name="id" value=n.id.to_string() />
                                <SubmitButton label="Mark as read" class="button" />
                            </ActionForm>
                        })}
                    </li>
                }
            }).collect_view()}
        </ul>
    }
    .into_any()
}
