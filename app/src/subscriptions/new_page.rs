//! The new-subscription form (`/subscriptions/new?account=AID`): choose
//! the member (a page step, also without JavaScript), then one of their
//! numbers without a subscription and a package offered to the Account.
//! Submitting orders something billed: said before, sent once.

use leptos::prelude::*;
use leptos::server_fn::ServerFn;
use leptos_meta::Title;
use leptos_router::components::Form;
use leptos_router::hooks::use_query_map;

use super::api::{fetch_new_subscription, CreateSubscription, NewSubscriptionQuery};
use super::model::NewSubscriptionPage as Page;
use crate::components::breadcrumbs::{Breadcrumbs, Crumb};
use crate::components::form::{field_error, Choice, ErrorSummary, Field, SelectField, SubmitButton};
use crate::components::problem::Problem;
use crate::links;

#[component]
pub fn NewSubscriptionPage() -> impl IntoView {
    let query = use_query_map();
    let state = move || {
        let q = query.read();
        NewSubscriptionQuery {
            account_id: q.get("account").unwrap_or_default(),
            subscriber_id: q.get("subscriber").unwrap_or_default(),
        }
    };
    let page = Resource::new(state, fetch_new_subscription);
    view! {
        <Title text="New subscription" />
        <Suspense fallback=|| view! { <p class="loading" role="status">"Loading…"</p> }>
            {move || Suspend::new(async move {
                match page.await {
                    Ok(page) => view! { <NewSubscriptionView page /> }.into_any(),
                    Err(error) => view! { <Problem error /> }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn NewSubscriptionView(page: Page) -> impl IntoView {
    let Page {
        account_id,
        account_name,
        subscribers,
        subscriber_id,
        numbers,
        packages,
        intent_key,
    } = page;
    let action = ServerAction::<CreateSubscription>::new();
    let error = move || action.value().get().and_then(|r| r.err());
    let field = move |name: &'static str| Signal::derive(move || field_error(error(), name));
    let chosen = !subscriber_id.is_empty();
    let who = subscribers
        .iter()
        .find(|(id, _)| *id == subscriber_id)
        .map(|(_, n)| n.clone())
        .unwrap_or_default();
    let people: Vec<Choice> = std::iter::once(Choice::new("", "Choose a member…"))
        .chain(
            subscribers
                .iter()
                .map(|(id, name)| Choice::new(id.clone(), name.clone())),
        )
        .collect();
    let free: Vec<Choice> = numbers
        .iter()
        .filter(|n| n.existing.is_none())
        .map(|n| Choice::new(n.tnid.clone(), n.number.clone()))
        .collect();
    let taken: Vec<(String, String)> = numbers
        .iter()
        .filter_map(|n| n.existing.clone().map(|s| (n.number.clone(), s)))
        .collect();
    let package_choices: Vec<Choice> = std::iter::once(Choice::new("", "Choose a package…"))
        .chain(packages.into_iter().map(|(id, label)| Choice::new(id, label)))
        .collect();
    let path = CreateSubscription::PATH;
    let account_for_form = account_id.clone();
    let current = subscriber_id.clone();
    view! {
        <Breadcrumbs crumbs=vec![
            Crumb::link(account_name.clone(), links::account(&account_id)),
            Crumb::link("Subscriptions", links::subscriptions(&[("account", account_id.clone())])),
            Crumb::here("New"),
        ] />
        <h1>"New subscription"</h1>
        <p class="muted">{format!("Bills one number of {account_name} on a package. One number has one subscription.")}</p>
        <Form method="GET" action="">
            <div class="search-bar">
                <input type="hidden" name="account" value=account_id.clone() />
                <label for="subscriber_id">"Member"</label>
                <select id="subscriber_id" name="subscriber">
                    {people.into_iter().map(|c| {
                        let selected = c.value == current;
                        view! { <option value=c.value selected=selected>{c.label}</option> }
                    }).collect_view()}
                </select>
                <SubmitButton label=if chosen { "Change member" } else { "Next" } class="button" />
            </div>
        </Form>
        {chosen.then(|| view! {
            {(!taken.is_empty()).then(|| view! {
                <p class="hint">
                    "Already billed: "
                    {taken.into_iter().map(|(number, sub)| view! { <span>{number} " (" <a href=links::subscription(&sub)>{sub.clone()}</a> ") "</span> }).collect_view()}
                </p>
            })}
            {if free.is_empty() {
                view! {
                    <div class="empty-state"><p>{format!("{who} has no number without a subscription. Give them a line first, or change an existing subscription's package.")}</p></div>
                }.into_any()
            } else {
                view! {
                    <ErrorSummary error=Signal::derive(error) fields=&[
                        ("subscriber_id", "Member"), ("tnid", "Number"), ("package_id", "Package"), ("iccid", "ICCID"),
                    ] />
                    <ActionForm action attr:class="stack panel">
                        <input type="hidden" name="account_id" value=account_for_form.clone() />
                        <input type="hidden" name="subscriber_id" value=subscriber_id.clone() />
                        <input type="hidden" name="intent_key" value=intent_key.clone() />
                        <SelectField id="tnid" label="Number" choices=free.clone() remember=path error=field("tnid") />
                        <SelectField id="package_id" label="Package" choices=package_choices.clone() remember=path error=field("package_id") />
                        <Field id="iccid" label="ICCID (optional)" inputmode="numeric" hint="Only to bind another SIM; left empty, the line's own SIM is used." remember=path error=field("iccid") />
                        <p class="hint">"This starts billing: the number is charged the package's price from now on."</p>
                        <SubmitButton label="Create subscription" busy_label="Creating…" />
                    </ActionForm>
                }.into_any()
            }}
        })}
    }
}
