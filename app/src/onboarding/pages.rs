//! `/accounts/:account_id/onboarding` and `/onboarding`: the partner
//! checklist with each step's state as Telegent and the portal's records
//! show it, the sections marked not in scope, and the joint sign-off.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::{use_params_map, use_query_map};

use super::api::{fetch_checklist, ChecklistRef, SetOnboardingScope, SignOffOnboarding};
use super::model::{AccountProgress, ChecklistPage as Page, SectionView, StepState, StepView};
use crate::components::breadcrumbs::{Breadcrumbs, Crumb};
use crate::components::form::{field_error, Checkbox, ConfirmStep, ErrorSummary, Field, SubmitButton};
use crate::components::problem::Problem;
use crate::links;

fn state_label(state: StepState) -> (&'static str, &'static str) {
    match state {
        StepState::Done => ("Done", "status status-done"),
        StepState::ToDo => ("To do", "status status-pending"),
        StepState::NotInScope => ("Not in scope", "status status-muted"),
        StepState::AtSignOff => ("At sign-off", "status status-pending"),
    }
}

/// The notice after a change (`scope` or `signed` in the URL).
fn notice_text(scope: Option<String>, signed: bool) -> Option<String> {
    if signed {
        return Some("Sign-off recorded.".into());
    }
    scope.map(|s| match s.split_once(':') {
        Some((section, "in")) => format!("Section {section} is back in scope."),
        Some((section, _)) => format!("Section {section} marked not in scope."),
        None => format!("Section {s} changed."),
    })
}

/// `/accounts/:account_id/onboarding`.
#[component]
pub fn AccountOnboardingPage() -> impl IntoView {
    let params = use_params_map();
    let target = move || ChecklistRef {
        account_id: params.read().get("account_id").unwrap_or_default(),
        distributor_id: String::new(),
    };
    view! { <Checklist target /> }
}

/// `/onboarding` (a Platform admin names the Distributor: `?distributor=`).
#[component]
pub fn DistributorOnboardingPage() -> impl IntoView {
    let query = use_query_map();
    let target = move || ChecklistRef {
        account_id: String::new(),
        distributor_id: query.read().get("distributor").unwrap_or_default(),
    };
    view! { <Checklist target /> }
}

#[component]
fn Checklist(target: impl Fn() -> ChecklistRef + Send + Sync + Copy + 'static) -> impl IntoView {
    let query = use_query_map();
    // The notice is part of the source: after a change the page follows
    // the redirect to the same path and must read the checklist again.
    let notice = move || (query.read().get("scope"), query.read().get("signed").is_some());
    let page = Resource::new(move || (target(), notice()), |(t, _)| fetch_checklist(t));
    view! {
        <Title text="Onboarding" />
        <Suspense fallback=|| view! { <p class="loading" role="status">"Loading the checklist…"</p> }>
            {move || Suspend::new(async move {
                let (scope, signed) = notice();
                match page.await {
                    Ok(page) => view! { <ChecklistView page notice=notice_text(scope, signed) /> }.into_any(),
                    Err(error) => view! { <Problem error /> }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn ChecklistView(page: Page, notice: Option<String>) -> impl IntoView {
    if !page.choose_distributor.is_empty() {
        return view! { <ChooseDistributor list=page.choose_distributor /> }.into_any();
    }
    let crumbs = if page.account_id.is_empty() {
        vec![Crumb::link("Home", links::staff_home()), Crumb::here("Onboarding")]
    } else {
        vec![
            Crumb::link(page.title.clone(), links::account(&page.account_id)),
            Crumb::here("Onboarding"),
        ]
    };
    let whose = if page.account_id.is_empty() {
        format!("{}: every Account counts", page.title)
    } else {
        page.title.clone()
    };
    let (done, in_scope) = (page.done, page.in_scope);
    let target = ChecklistRef {
        account_id: page.account_id.clone(),
        distributor_id: page.distributor_param.clone(),
    };
    let can_manage = page.can_manage;
    let can_set_up = page.can_set_up;
    let sections = page.sections.clone();
    view! {
        <Breadcrumbs crumbs />
        <div class="page-head">
            <h1>"Onboarding checklist"</h1>
            <p class="muted">{whose}</p>
        </div>
        {notice.map(|n| view! { <p class="notice" role="status">{n}</p> })}
        <section class="panel" aria-labelledby="progress">
            <h2 id="progress">{format!("{done} of {in_scope} done")}</h2>
            <progress class="checklist-progress" max=in_scope value=done aria-labelledby="progress"></progress>
            <p class="muted">"Each step is judged from what Telegent and the portal's records show, not ticked by hand. Sections that are not part of your launch can be marked not in scope, with a reason."</p>
        </section>
        {sections.into_iter().map(|s| view! { <Section section=s target=target.clone() can_manage can_set_up /> }).collect_view()}
        <SignOffPanel page=page.clone() target=target.clone() />
        {page.account_id.is_empty().then(|| {
            view! { <AccountsPanel accounts=page.accounts.clone() total=page.account_total /> }
        })}
    }
    .into_any()
}

#[component]
fn ChooseDistributor(list: Vec<(String, String)>) -> impl IntoView {
    view! {
        <Breadcrumbs crumbs=vec![Crumb::here("Onboarding")] />
        <h1>"Onboarding checklist"</h1>
        <section class="panel" aria-labelledby="choose">
            <h2 id="choose">"Choose a Distributor"</h2>
            <ul>
                {list.into_iter().map(|(id, name)| view! {
                    <li><a href=links::distributor_onboarding(&id)>{name}</a> " " <span class="id-text">{id.clone()}</span></li>
                }).collect_view()}
            </ul>
        </section>
    }
}

#[component]
fn Section(section: SectionView, target: ChecklistRef, can_manage: bool, can_set_up: bool) -> impl IntoView {
    let SectionView {
        scope_key,
        title,
        skip_hint,
        out_of_scope,
        steps,
    } = section;
    let heading_id = format!(
        "section-{}",
        if scope_key.is_empty() {
            title.replace(' ', "-").to_lowercase()
        } else {
            scope_key.clone()
        }
    );
    let skippable = !scope_key.is_empty();
    view! {
        <section class="panel" aria-labelledby=heading_id.clone()>
            <h2 id=heading_id.clone()>{title.clone()}</h2>
            {(!skip_hint.is_empty()).then(|| view! { <p class="muted">{skip_hint.clone()}</p> })}
            {out_of_scope.clone().map(|m| view! {
                <p class="notice">{format!("Not in scope: {} (marked by {} at {})", m.reason, m.by, m.at)}</p>
            })}
            <StepsTable steps caption=title.clone() can_set_up />
            {(skippable && can_manage).then(|| view! {
                <ScopeForm key=scope_key.clone() title=title.clone() target=target.clone() out=out_of_scope.is_some() />
            })}
        </section>
    }
}

#[component]
fn StepsTable(steps: Vec<StepView>, caption: String, can_set_up: bool) -> impl IntoView {
    view! {
        <div class="table-wrap">
            <table class="data-table">
                <caption class="visually-hidden">{format!("Steps: {caption}")}</caption>
                <thead>
                    <tr>
                        <th scope="col">"Step"</th>
                        <th scope="col">"Task"</th>
                        <th scope="col">"Owner"</th>
                        <th scope="col">"State"</th>
                        <th scope="col">"ID to keep"</th>
                        <th scope="col">"What it shows"</th>
                    </tr>
                </thead>
                <tbody>
                    {steps.into_iter().map(|s| {
                        let (label, class) = state_label(s.state);
                        let id_text = if s.id_value.is_empty() { s.id_label.clone() } else { s.id_value.clone() };
                        view! {
                            <tr>
                                <td data-label="Step">{s.number.clone()}</td>
                                // A "New …" link opens a form the caller may not use.
                                <td data-label="Task">{if s.href.is_empty() || (!can_set_up && s.link_label.starts_with("New ")) {
                                    view! { <span>{s.task.clone()}</span> }.into_any()
                                } else {
                                    view! { <span>{s.task.clone()} " " <a href=s.href.clone()>{s.link_label.clone()}</a></span> }.into_any()
                                }}</td>
                                <td data-label="Owner">{s.owner.clone()}</td>
                                <td data-label="State"><span class=class>{label}</span></td>
                                <td data-label="ID to keep"><span class="id-text">{id_text}</span></td>
                                <td data-label="What it shows">{s.note.clone()}</td>
                            </tr>
                        }
                    }).collect_view()}
                </tbody>
            </table>
        </div>
    }
}

#[component]
fn ScopeForm(key: String, title: String, target: ChecklistRef, out: bool) -> impl IntoView {
    let action = ServerAction::<SetOnboardingScope>::new();
    let error = move || action.value().get().and_then(|r| r.err());
    let reason_id = format!("reason-{key}");
    let error_id = format!("reason-{key}-error");
    let hidden = view! {
        <input type="hidden" name="account_id" value=target.account_id.clone() />
        <input type="hidden" name="distributor_id" value=target.distributor_id.clone() />
        <input type="hidden" name="section" value=key.clone() />
    };
    if out {
        return view! {
            <ActionForm action attr:class="inline-form">
                {hidden}
                <input type="hidden" name="undo" value="on" />
                <SubmitButton label=format!("Put {title} back in scope") class="button" busy_label="Saving…" />
            </ActionForm>
        }
        .into_any();
    }
    let error_ref = error_id.clone();
    view! {
        <details class="confirm" open=move || error().is_some()>
            <summary class="button">{format!("Mark {title} not in scope…")}</summary>
            <ActionForm action attr:class="stack">
                {hidden}
                <div class="field">
                    <label for=reason_id.clone()>"Why is it not in scope?"</label>
                    <textarea
                        id=reason_id.clone()
                        name="reason"
                        rows="2"
                        maxlength="500"
                        required=true
                        aria-invalid=move || field_error(error(), "reason").is_some().then_some("true")
                        aria-describedby=move || field_error(error(), "reason").is_some().then(|| error_ref.clone())
                    ></textarea>
                    {move || field_error(error(), "reason").or_else(|| field_error(error(), "section")).map(|m| view! { <p class="field-error" id=error_id.clone()>{m}</p> })}
                </div>
                <SubmitButton label="Mark not in scope" class="button" busy_label="Saving…" />
            </ActionForm>
        </details>
    }
    .into_any()
}

#[component]
fn SignOffPanel(page: Page, target: ChecklistRef) -> impl IntoView {
    let action = ServerAction::<SignOffOnboarding>::new();
    let error = move || action.value().get().and_then(|r| r.err());
    let field = move |name: &'static str| Signal::derive(move || field_error(error(), name));
    view! {
        <section class="panel" aria-labelledby="sign-off">
            <h2 id="sign-off">"Joint sign-off"</h2>
            {match page.signed_off.clone() {
                Some(s) => view! {
                    <p class="notice">{format!("Signed off by {} with {} (Telegent) at {}.", s.by, s.telegent_contact, s.at)}</p>
                }.into_any(),
                None if !page.blocking_sign_off.is_empty() => view! {
                    <p>"Before the sign-off call, these steps must show done (or their section be marked not in scope):"</p>
                    <ul>{page.blocking_sign_off.iter().map(|b| view! { <li>{b.clone()}</li> }).collect_view()}</ul>
                }.into_any(),
                None if page.can_manage => view! {
                    <p>"Every step the API can show is done. On the sign-off call both teams confirm the rest (SIP keepalives, calls, CDRs), then record it here."</p>
                    <ErrorSummary error=Signal::derive(error) fields=&[("telegent_contact", "Telegent contact"), ("confirm", "Confirmation")] />
                    <ConfirmStep summary="Record the sign-off…" open=Signal::derive(move || error().is_some())>
                        <ActionForm action attr:class="stack">
                            <input type="hidden" name="account_id" value=target.account_id.clone() />
                            <input type="hidden" name="distributor_id" value=target.distributor_id.clone() />
                            <Field id="telegent_contact" label="Telegent contact on the call" autocomplete="off" required=true error=field("telegent_contact") />
                            <Checkbox id="confirm" label="Both teams confirmed the steps no API shows" />
                            {move || field_error(error(), "confirm").map(|m| view! { <p class="field-error" id="confirm-error">{m}</p> })}
                            <SubmitButton label="Record the sign-off" busy_label="Recording…" />
                        </ActionForm>
                    </ConfirmStep>
                }.into_any(),
                None => view! { <p class="muted">"Ready for the sign-off call; the Distributor's admins record it."</p> }.into_any(),
            }}
        </section>
    }
}

#[component]
fn AccountsPanel(accounts: Vec<AccountProgress>, total: usize) -> impl IntoView {
    let shown = accounts.len();
    view! {
        <section class="panel" aria-labelledby="accounts-progress">
            <h2 id="accounts-progress">"Accounts"</h2>
            <p class="muted">{if shown < total { format!("The first {shown} of {total} Accounts by name.") } else { format!("{total} Accounts.") }}</p>
            <ul class="plain-list">
                {accounts.into_iter().map(|a| view! {
                    <li>
                        <a href=links::onboarding(&a.account_id)>{a.name.clone()}</a>
                        " "
                        <span class=if a.signed_off { "status status-done" } else { "status status-pending" }>{if a.signed_off { "Signed off" } else { "Not signed off" }}</span>
                    </li>
                }).collect_view()}
            </ul>
        </section>
    }
}
