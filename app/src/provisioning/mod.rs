//! The provisioning wizard (issue 17): four steps, each a page of its own
//! with a GET form that carries the earlier answers, so it works without
//! JavaScript — what kind of line, where, who and how, review — then one
//! confirmed, billed order sent once per intent key, and a result page that
//! follows a `Pending` order until it completes and shows the number, its
//! NID and the eSIM QR code. Bulk reservations (`bulk*`): N numbers in one
//! area for an Account, resumable.

pub mod api;
#[cfg(feature = "ssr")]
pub mod bulk;
pub mod bulk_api;
pub mod bulk_model;
mod bulk_page;
#[cfg(feature = "ssr")]
mod bulk_service;
pub mod model;
mod review;
#[cfg(feature = "ssr")]
pub mod service;
mod steps;
mod who_step;

pub use bulk_page::BulkReservePage;

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

use self::api::wizard_step;
use self::model::{WizardQuery, WizardView, STEP_TITLES};
use crate::components::breadcrumbs::{Breadcrumbs, Crumb};
use crate::components::problem::Problem;
use crate::links::{self, with_query};

/// A step's address with the answers before it.
pub fn step_href(q: &WizardQuery, step: u32) -> String {
    let mut params = q.params_before(step);
    params.push(("step", step.to_string()));
    with_query("/numbers/new", &params)
}

/// The result step's address after an order.
pub fn result_href(q: &WizardQuery, intent_key: &str) -> String {
    with_query(
        "/numbers/new",
        &[
            ("distributor", q.distributor.clone()),
            ("account", q.account.clone()),
            ("step", "5".into()),
            ("intent", intent_key.to_string()),
        ],
    )
}

#[component]
pub fn NewNumberPage() -> impl IntoView {
    let query = use_query_map();
    let state = move || {
        let q = query.read();
        let get = |k: &str| q.get(k).unwrap_or_default();
        WizardQuery {
            distributor: get("distributor"),
            step: q.get("step").and_then(|s| s.parse().ok()).unwrap_or(1),
            kind: get("kind"),
            message: get("message"),
            sms: get("sms"),
            voice: get("voice"),
            data: get("data"),
            near: get("near"),
            apage: q.get("apage").and_then(|s| s.parse().ok()).unwrap_or(1),
            pick: get("pick"),
            account: get("account"),
            holder: get("holder"),
            orphan_ok: get("orphan_ok"),
            new_name: get("new_name"),
            new_email: get("new_email"),
            route: get("route"),
            voice_route: get("voice_route"),
            iccid: get("iccid"),
            intent: get("intent"),
            intent_key: String::new(),
            confirm: None,
        }
    };
    let step = Resource::new(state, wizard_step);
    view! {
        <Title text="Provision a number" />
        <Suspense fallback=|| view! { <p class="loading" role="status">"Loading…"</p> }>
            {move || Suspend::new(async move {
                match step.await {
                    Ok(v) if !v.choose_distributor.is_empty() => view! { <ChooseDistributor v /> }.into_any(),
                    Ok(v) => view! { <Wizard v /> }.into_any(),
                    Err(error) => view! { <Problem error /> }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn ChooseDistributor(v: WizardView) -> impl IntoView {
    view! {
        <Breadcrumbs crumbs=vec![Crumb::link("Distributors", links::distributors()), Crumb::here("Provision a number")] />
        <h1>"Provision a number"</h1>
        <p>"A number is ordered on a Distributor's credential, for one of its accounts. Choose the Distributor:"</p>
        <ul>
            {v.choose_distributor
                .into_iter()
                .map(|(id, name)| view! { <li><a href=links::new_number(&id, "")>{name}</a> " " <span class="id-text">{id}</span></li> })
                .collect_view()}
        </ul>
    }
}

#[component]
fn Wizard(v: WizardView) -> impl IntoView {
    let crumbs = vec![
        Crumb::link(v.distributor_name.clone(), links::staff_home()),
        Crumb::link("Numbers", links::numbers("")),
        Crumb::here("Provision a number"),
    ];
    let body = match v.step {
        1 => view! { <steps::KindStep v=v.clone() /> }.into_any(),
        2 => view! { <steps::WhereStep v=v.clone() /> }.into_any(),
        3 => view! { <who_step::WhoStep v=v.clone() /> }.into_any(),
        4 => view! { <review::ReviewStep v=v.clone() /> }.into_any(),
        _ => view! { <review::ResultStep v=v.clone() /> }.into_any(),
    };
    view! {
        <Breadcrumbs crumbs />
        <h1>"Provision a number"</h1>
        {(v.step <= 4).then(|| view! { <Stepper v=v.clone() /> })}
        {body}
    }
}

/// "Step N of 4" with the earlier steps as links back (answers kept).
#[component]
fn Stepper(v: WizardView) -> impl IntoView {
    view! {
        <nav aria-label="Steps" class="stepper">
            <ol>
                {STEP_TITLES
                    .iter()
                    .enumerate()
                    .map(|(i, title)| {
                        let n = i as u32 + 1;
                        let label = format!("{n}. {title}");
                        if n == v.step {
                            view! { <li aria-current="step"><strong>{label}</strong></li> }.into_any()
                        } else if n < v.step {
                            view! { <li><a href=step_href(&v.query, n)>{label}</a></li> }.into_any()
                        } else {
                            view! { <li class="muted">{label}</li> }.into_any()
                        }
                    })
                    .collect_view()}
            </ol>
        </nav>
        <p class="visually-hidden" role="status">{format!("Step {} of 4", v.step)}</p>
    }
}

/// The answers before `step` as hidden fields of its form.
#[component]
fn Carried(q: WizardQuery, step: u32) -> impl IntoView {
    q.params_before(step)
        .into_iter()
        .map(|(name, value)| view! { <input type="hidden" name=name value=value /> })
        .collect_view()
}

/// A field's error line (its id is `<field>-error`, for aria-describedby).
#[component]
fn FieldError(v: WizardView, field: &'static str) -> impl IntoView {
    v.error(field)
        .map(|message| view! { <p class="field-error" id=format!("{field}-error")>{message}</p> })
}

/// `aria-describedby` for a field with an error.
fn described(v: &WizardView, field: &str) -> Option<String> {
    v.error(field).map(|_| format!("{field}-error"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn steps_link_back_with_their_answers() {
        let q = WizardQuery {
            kind: "iot".into(),
            message: "p2p".into(),
            data: "on".into(),
            account: "AID-1".into(),
            ..WizardQuery::default()
        };
        assert_eq!(step_href(&q, 1), "/numbers/new?account=AID-1&step=1");
        assert_eq!(
            step_href(&q, 2),
            "/numbers/new?kind=iot&message=p2p&data=on&account=AID-1&step=2"
        );
        assert_eq!(result_href(&q, "k1"), "/numbers/new?account=AID-1&step=5&intent=k1");
    }
}
