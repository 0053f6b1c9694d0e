//! The outbox: the mail the portal sent, or, without a mail server, would
//! have sent (password-reset links now; port-in notices and takeover alerts
//! later). Platform admins read all of it, a Distributor's admins the mail
//! to their own people.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::Form;
use leptos_router::hooks::use_query_map;

pub mod api;
pub mod model;
#[cfg(feature = "ssr")]
pub mod service;

use self::api::list_outbox;
use self::model::{body_lines, BodyLine, MailMode, OutboxItem, OutboxList, OutboxQuery};
use crate::components::breadcrumbs::{Breadcrumbs, Crumb};
use crate::components::form::SubmitButton;
use crate::components::pager::Pager;
use crate::components::problem::Problem;
use crate::links::{self, with_query};

#[component]
pub fn OutboxPage() -> impl IntoView {
    let query = use_query_map();
    let to = move || query.read().get("to").unwrap_or_default();
    let page = move || query.read().get("page").and_then(|p| p.parse().ok()).unwrap_or(1u32);
    let mail = Resource::new(
        move || (to(), page()),
        |(to, page)| list_outbox(OutboxQuery { to, page }),
    );
    view! {
        <Title text="Outbox" />
        <Suspense fallback=|| view! { <p class="loading" role="status">"Loading the outbox…"</p> }>
            {move || Suspend::new(async move {
                // A role that may not read mail sees only the refusal.
                match mail.await {
                    Ok(data) => view! { <OutboxView data to=to() /> }.into_any(),
                    Err(error) => view! { <Problem error /> }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn OutboxView(data: OutboxList, to: String) -> impl IntoView {
    let OutboxList {
        rows,
        page,
        total_pages,
        total,
        mode,
    } = data;
    let explanation = match mode {
        MailMode::OutboxOnly => {
            "No mail server is set up, so nothing leaves the portal: this is the mail people would have received."
        }
        MailMode::Smtp => {
            "Mail goes out through the mail server; this is its record. Links that open an account are not kept here."
        }
    };
    let search = to.clone();
    let list = if rows.is_empty() {
        view! {
            <div class="empty-state">
                <p>{if to.is_empty() { "No mail yet.".to_string() } else { format!("No mail to an address with “{to}”.") }}</p>
            </div>
        }
        .into_any()
    } else {
        view! {
            <p class="muted" role="status">{format!("{total} message{}", if total == 1 { "" } else { "s" })}</p>
            <ol class="mail-list">
                {rows.into_iter().map(|item| view! { <MailCard item /> }).collect_view()}
            </ol>
            <Pager page total_pages href_for=move |p| with_query(&links::outbox(), &[("to", to.clone()), ("page", p.to_string())]) />
        }
        .into_any()
    };
    view! {
        <Breadcrumbs crumbs=vec![Crumb::here("Outbox")] />
        <div class="page-head">
            <h1>"Outbox"</h1>
            <p class="muted">{explanation}</p>
        </div>
        <Form method="GET" action="">
            <div class="search-bar" role="search">
                <label for="outbox-to">"Recipient"</label>
                <input id="outbox-to" type="search" name="to" value=search placeholder="Part of an e-mail address" />
                <SubmitButton label="Search" class="button" />
            </div>
        </Form>
        {list}
    }
}

/// One message: who it went to, when, what it says and whether it left.
#[component]
fn MailCard(item: OutboxItem) -> impl IntoView {
    let heading_id = format!("mail-{}", item.id);
    let when = format!("{} UTC", item.created_at.replace('T', " ").trim_end_matches('Z'));
    let body = match item.text {
        Some(text) => view! {
            <pre class="mail-body">
                {body_lines(&text)
                    .into_iter()
                    .map(|line| match line {
                        BodyLine::Link(href) => {
                            let text = href.clone();
                            view! { <a href=href>{text}</a> "\n" }.into_any()
                        }
                        BodyLine::Text(text) => view! { {text} "\n" }.into_any(),
                    })
                    .collect_view()}
            </pre>
        }
        .into_any(),
        None => view! { <p class="muted">"The text is not kept: it held a private link."</p> }.into_any(),
    };
    let delivery_class = format!("status status-{}", item.delivery.as_str());
    let note = (!item.delivery_note.is_empty()).then(|| view! { <p class="hint">{item.delivery_note.clone()}</p> });
    view! {
        <li class="mail-card">
            <article aria-labelledby=heading_id.clone()>
                <h2 id=heading_id.clone()>{item.subject}</h2>
                <dl class="facts">
                    <dt>"To"</dt>
                    <dd class="mail-to">{item.to}</dd>
                    <dt>"When"</dt>
                    <dd>{when}</dd>
                    <dt>"Kind"</dt>
                    <dd>{item.kind.label()}</dd>
                    <dt>"Delivery"</dt>
                    <dd><span class=delivery_class>{item.delivery.label()}</span>{note}</dd>
                </dl>
                {body}
            </article>
        </li>
    }
}
