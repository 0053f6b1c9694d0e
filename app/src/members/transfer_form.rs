//! "Move to another account" on a member's page (Distributor staff): find
//! the Account (a GET form: `?move_to=…` on the member's page), then a
//! confirmation that lists what moves and what does not, then the move.
//! Plain form posts and links all the way: it works without JavaScript.

use leptos::prelude::*;
use leptos::server_fn::ServerFn;

use super::api::{fetch_transfer_step, TransferMember};
use super::model::{TransferPreview, TransferStep};
use crate::components::form::{field_error, ErrorSummary, InlineProblem, SubmitButton};
use crate::error::AppError;
use crate::links;

#[component]
pub fn TransferSection(account_id: String, subscriber_id: String, name: String, move_to: String) -> impl IntoView {
    let here = links::member(&account_id, &subscriber_id);
    let typed = move_to.clone();
    let (a, s, m) = (account_id.clone(), subscriber_id.clone(), move_to.clone());
    let step = Resource::new(
        move || (a.clone(), s.clone(), m.clone()),
        |(a, s, m)| async move {
            if m.trim().is_empty() {
                Ok(None)
            } else {
                fetch_transfer_step(a, s, m).await.map(Some)
            }
        },
    );
    let action = ServerAction::<TransferMember>::new();
    let error = Signal::derive(move || action.value().get().and_then(|r| r.err()));
    let name_for_step = name.clone();
    view! {
        <section class="panel" aria-labelledby="transfer-heading" id="transfer">
            <h2 id="transfer-heading">"Move to another account"</h2>
            <form method="get" action=format!("{here}#transfer") class="search-bar" role="search" aria-label="Find the account to move to">
                // `to_account_id` is the field the server names a wrong destination by.
                <label for="to_account_id">"Find the account"</label>
                <input id="to_account_id" type="search" name="move_to" value=typed placeholder="Name or AID-…" />
                <button type="submit" class="button">"Find"</button>
            </form>
            <Suspense fallback=|| view! { <p class="loading" role="status">"Looking…"</p> }>
                {move || {
                    let (account_id, subscriber_id, name, here) =
                        (account_id.clone(), subscriber_id.clone(), name_for_step.clone(), here.clone());
                    Suspend::new(async move {
                        match step.await {
                            Ok(None) => view! {
                                <p class="hint">"They keep their lines, the plans on them and their own Guardian settings. You see what changes before anything moves."</p>
                            }.into_any(),
                            Ok(Some(TransferStep::Choose(matches))) => view! { <Candidates matches here /> }.into_any(),
                            Ok(Some(TransferStep::Preview(preview))) => view! {
                                <Confirmation preview account_id subscriber_id name error />
                            }.into_any(),
                            // Inline: a wrong account typed here is no failure of the page.
                            Err(error) => view! { <InlineProblem error /> }.into_any(),
                        }
                    })
                }}
            </Suspense>
        </section>
    }
}

#[component]
fn Candidates(matches: Vec<(String, String, u32)>, here: String) -> impl IntoView {
    if matches.is_empty() {
        return view! { <p class="empty-state">"No other account matches. Try part of its name or its AID-."</p> }
            .into_any();
    }
    view! {
        <p>"Choose the account:"</p>
        <ul class="candidates">
            {matches.into_iter().map(|(id, name, subscribers)| {
                let href = format!("{}#transfer", links::with_query(&here, &[("move_to", id.clone())]));
                view! {
                    <li>
                        <a href=href>{name}</a>
                        " "<span class="muted">{format!("{subscribers} subscriber{}", if subscribers == 1 { "" } else { "s" })}</span>
                        " "<span class="id-text">{id}</span>
                    </li>
                }
            }).collect_view()}
        </ul>
    }
    .into_any()
}

const TRANSFER_FIELDS: &[(&str, &str)] = &[
    ("to_account_id", "Destination"),
    ("second_manager", "Second Manager"),
    ("confirm_move", "Confirmation"),
];

#[component]
fn Confirmation(
    preview: TransferPreview,
    account_id: String,
    subscriber_id: String,
    name: String,
    error: Signal<Option<AppError>>,
) -> impl IntoView {
    let TransferPreview {
        to_account_id,
        to_account_name,
        lines,
        subscriptions,
        links_ending,
        signs_in,
        keeps_role,
        other_managers,
    } = preview;
    let lines_text = match lines.len() {
        0 => "They have no lines.".to_string(),
        1 => format!("Their line {} moves with them.", lines[0]),
        n => format!("Their {n} lines move with them: {}.", lines.join(", ")),
    };
    let plans_text = match subscriptions.len() {
        0 => None,
        1 => Some(format!("The plan on their line moves with it: {}.", subscriptions[0])),
        n => Some(format!(
            "The {n} plans on their lines move with them: {}.",
            subscriptions.join(", ")
        )),
    };
    let warn_manager = !other_managers.is_empty();
    view! {
        <h3>{format!("Move {name} to {to_account_name}")}</h3>
        <ErrorSummary error fields=TRANSFER_FIELDS />
        <p class="muted">"What moves:"</p>
        <ul class="consequences">
            <li>{lines_text}</li>
            {plans_text.map(|t| view! { <li>{t}</li> })}
            <li>"Their own AI Guardian settings (filters, allowed and blocked numbers) go with them."</li>
            {signs_in.then(|| view! { <li>"Their portal sign-in moves to the new account; they sign in again."</li> })}
            {keeps_role.map(|role| view! { <li>{format!("They stay {role}, now of {to_account_name}; this account has one fewer.")}</li> })}
        </ul>
        <p class="muted">"What does not:"</p>
        <ul class="consequences">
            {if links_ending.is_empty() {
                view! { <li>"Nothing else: they have no Guardian links in this account."</li> }.into_any()
            } else {
                view! { <li>{format!("Their Guardian links in this account end: {}.", links_ending.join(", "))}</li> }.into_any()
            }}
            <li>"This account's data limits and routes stay here; the new account's apply to their lines."</li>
        </ul>
        {warn_manager.then(|| view! {
            <p class="notice warning" role="note">{format!(
                "{to_account_name} already has a Manager ({}). The platform's convention is one Manager per account.",
                other_managers.join(", ")
            )}</p>
        })}
        <form method="post" action=TransferMember::PATH class="stack">
            <input type="hidden" name="account_id" value=account_id />
            <input type="hidden" name="subscriber_id" value=subscriber_id />
            <input type="hidden" name="to_account_id" value=to_account_id />
            {warn_manager.then(|| view! {
                <div class="check">
                    <input type="checkbox" id="second_manager" name="second_manager"
                        aria-describedby=move || field_error(error.get(), "second_manager").map(|_| "second_manager-error") />
                    <label for="second_manager">"Yes, this account will have two Managers"</label>
                </div>
                {move || field_error(error.get(), "second_manager").map(|m| view! { <p class="field-error" id="second_manager-error">{m}</p> })}
            })}
            <div class="check">
                <input type="checkbox" id="confirm_move" name="confirm_move"
                    aria-describedby=move || field_error(error.get(), "confirm_move").map(|_| "confirm_move-error") />
                <label for="confirm_move">{format!("Yes, move {name} to {to_account_name}")}</label>
            </div>
            {move || field_error(error.get(), "confirm_move").map(|m| view! { <p class="field-error" id="confirm_move-error">{m}</p> })}
            <SubmitButton label=format!("Move {name}") class="button danger" busy_label="Moving…" />
        </form>
    }
}
