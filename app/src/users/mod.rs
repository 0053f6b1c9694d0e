//! People who may sign in, inside the caller's scope: create with a
//! temporary password, change role, disable, re-enable, send a reset link,
//! end every session. Roles and scopes read as words (names, not IDs); every
//! change asks for confirmation first and is a plain form post, so the page
//! works the same without JavaScript.

use leptos::prelude::*;
use leptos::server_fn::ServerFn;
use leptos_meta::Title;
use leptos_router::components::Form;
use leptos_router::hooks::use_query_map;

pub mod api;
#[cfg(feature = "ssr")]
pub mod create;
#[cfg(feature = "ssr")]
pub mod email_checks;
pub mod model;
pub mod roles;
#[cfg(feature = "ssr")]
pub mod service;

use self::api::{
    list_users, take_created_user, ChangeUserRole, CreateUser, EndUserSessions, SendResetLink, SetUserEnabled,
};
use self::model::{Done, Place, UserListItem, UserStatus, UsersPage};
use crate::components::breadcrumbs::{Breadcrumbs, Crumb};
use crate::components::form::{field_error, Choice, ConfirmStep, ErrorSummary, Field, SelectField, SubmitButton};
use crate::components::pager::Pager;
use crate::components::problem::Problem;
use crate::error::AppError;
use crate::links::with_query;
use crate::policy::Role;

/// A role as posted (its stored name); people read `Role::label`.
fn role_value(role: Role) -> String {
    format!("{role:?}")
}

/// The row actions of the page, one server action each.
#[derive(Clone, Copy)]
struct RowActions {
    set_enabled: ServerAction<SetUserEnabled>,
    change_role: ServerAction<ChangeUserRole>,
    send_reset: ServerAction<SendResetLink>,
    end_sessions: ServerAction<EndUserSessions>,
}

impl RowActions {
    /// The refusal of the last row action, if any (shown above the table).
    fn error(self) -> Option<AppError> {
        let last = |e: Option<Result<(), AppError>>| e.and_then(|r| r.err());
        last(self.set_enabled.value().get())
            .or_else(|| last(self.change_role.value().get()))
            .or_else(|| last(self.send_reset.value().get()))
            .or_else(|| last(self.end_sessions.value().get()))
    }
}

#[component]
pub fn UsersPage() -> impl IntoView {
    let query = use_query_map();
    let search = move || query.read().get("q").unwrap_or_default();
    let page = move || query.read().get("page").and_then(|p| p.parse().ok()).unwrap_or(1u32);
    let created_flag = move || query.read().get("created").is_some();
    let account_hint = move || query.read().get("account").unwrap_or_default();
    let done = move || query.read().get("done").and_then(|d| Done::parse(&d));
    let create = ServerAction::<CreateUser>::new();
    let actions = RowActions {
        set_enabled: ServerAction::new(),
        change_role: ServerAction::new(),
        send_reset: ServerAction::new(),
        end_sessions: ServerAction::new(),
    };
    // Rendered on the server only: every change is a post and a page load.
    let users = Resource::new(move || (search(), page()), |(search, page)| list_users(search, page));
    let created = Resource::new(created_flag, |flag| async move {
        if flag {
            take_created_user().await.ok().flatten()
        } else {
            None
        }
    });
    view! {
        <Title text="Users" />
        <Suspense fallback=|| view! { <p class="loading" role="status">"Loading users…"</p> }>
            {move || Suspend::new(async move {
                // A role without this page sees only the refusal.
                let data = match users.await {
                    Ok(data) => data,
                    Err(error) => return view! { <Problem error /> }.into_any(),
                };
                let created = created.await;
                let sees_outbox = data.sees_outbox;
                view! {
                    <Breadcrumbs crumbs=vec![Crumb::here("Users")] />
                    <div class="page-head">
                        <h1>"Users"</h1>
                        <p class="muted">"People who can sign in to the portal, within your reach."</p>
                    </div>
                    {created.map(|c| view! {
                        <div class="notice" role="status">
                            <p><strong>{format!("{} can now sign in.", c.email)}</strong></p>
                            <p>
                                "Temporary password: " <code class="secret">{c.temporary_password}</code>
                            </p>
                            <p class="hint">
                                "Hand it over in person or by phone; it is shown only this once. They choose their own at first sign-in."
                            </p>
                            {(!c.lines_not_given.is_empty()).then(|| view! {
                                <p>{format!(
                                    "Telegent did not take these lines for them: {}. Give them from their page.",
                                    c.lines_not_given.join(", ")
                                )}</p>
                            })}
                        </div>
                    })}
                    <ErrorSummary error=Signal::derive(move || actions.error()) fields=&[] />
                    {move || done().filter(|_| actions.error().is_none()).map(|done| view! {
                        <div class="notice" role="status">
                            <p>{done.message()}</p>
                            {(done == Done::ResetSent && sees_outbox).then(|| view! {
                                <p><a href=crate::links::outbox()>"See it in the outbox"</a></p>
                            })}
                        </div>
                    })}
                    <Form method="GET" action="">
                        <div class="search-bar" role="search">
                            <label for="user-search">"Search users"</label>
                            <input id="user-search" type="search" name="q" value=search() placeholder="Name or e-mail" />
                            <SubmitButton label="Search" class="button" />
                        </div>
                    </Form>
                    <UserTable data=data.clone() search=search() actions />
                    <CreateUserForm data account_hint=account_hint() action=create />
                }
                .into_any()
            })}
        </Suspense>
    }
}

#[component]
fn UserTable(data: UsersPage, search: String, actions: RowActions) -> impl IntoView {
    let UsersPage {
        rows,
        page,
        total_pages,
        total,
        ..
    } = data;
    if rows.is_empty() {
        return view! {
            <div class="empty-state">
                <p>{if search.is_empty() { "No users yet. Create the first one below.".to_string() } else { format!("No user matches “{search}”.") }}</p>
            </div>
        }
        .into_any();
    }
    view! {
        <p class="muted" role="status">{format!("{total} user{}", if total == 1 { "" } else { "s" })}</p>
        <div class="table-wrap">
            <table class="data-table">
                <caption class="visually-hidden">"Users"</caption>
                <thead>
                    <tr>
                        <th scope="col">"Name"</th>
                        <th scope="col">"Role"</th>
                        <th scope="col">"Status"</th>
                        <th scope="col">"Actions"</th>
                    </tr>
                </thead>
                <tbody>
                    {rows.into_iter().map(|user| view! { <UserRow user actions /> }).collect_view()}
                </tbody>
            </table>
        </div>
        <Pager page total_pages href_for=move |p| with_query(&crate::links::users(), &[("q", search.clone()), ("page", p.to_string())]) />
    }
    .into_any()
}

#[component]
fn UserRow(user: UserListItem, actions: RowActions) -> impl IntoView {
    let status_label = match user.status {
        UserStatus::Invited => "Invited",
        UserStatus::Active => "Active",
        UserStatus::Disabled => "Disabled",
    };
    let controls = if user.editable {
        view! { <UserControls user=user.clone() actions /> }.into_any()
    } else {
        view! { <span class="muted">"—"</span> }.into_any()
    };
    view! {
        <tr>
            <td data-label="Name">
                <div>{user.display_name.clone()}<div class="user-email">{user.email.clone()}</div></div>
            </td>
            <td data-label="Role">
                <div>{user.role.label()}<div class="user-scope">{user.scope_label.clone()}</div></div>
            </td>
            <td data-label="Status"><span class=format!("status status-{}", user.status.as_str())>{status_label}</span></td>
            <td data-label="Actions"><div class="row-actions">{controls}</div></td>
        </tr>
    }
}

/// What staff may do to one user, each behind its confirmation.
#[component]
fn UserControls(user: UserListItem, actions: RowActions) -> impl IntoView {
    let UserListItem {
        id,
        email,
        display_name: name,
        status,
        role_choices,
        ..
    } = user;
    let id = id.to_string();
    let disabled = status == UserStatus::Disabled;
    let role_change = (!role_choices.is_empty()).then(|| {
        let (id, select_id) = (id.clone(), format!("role-{id}"));
        let (label, warning, submit) = (
            format!("New role for {name}"),
            format!("{name} is signed out at once and signs in again under the new role."),
            format!("Change role of {name}"),
        );
        view! {
            <ConfirmStep summary="Change role…">
                <ActionForm action=actions.change_role attr:class="stack">
                    <input type="hidden" name="user_id" value=id />
                    <div class="field">
                        <label for=select_id.clone()>{label}</label>
                        <select id=select_id name="role">
                            {role_choices
                                .iter()
                                .map(|r| view! { <option value=role_value(*r)>{r.label()}</option> })
                                .collect_view()}
                        </select>
                    </div>
                    <p>{warning}</p>
                    <SubmitButton label=submit busy_label="Changing…" />
                </ActionForm>
            </ConfirmStep>
        }
    });
    let enable = if disabled {
        let (id, submit) = (id.clone(), format!("Re-enable {name}"));
        view! {
            <ActionForm action=actions.set_enabled attr:class="inline-form">
                <input type="hidden" name="user_id" value=id />
                <input type="hidden" name="enabled" value="true" />
                <SubmitButton label=submit class="button" busy_label="Re-enabling…" />
            </ActionForm>
        }
        .into_any()
    } else {
        let (id, warning, submit) = (
            id.clone(),
            format!("{name} will be signed out at once and can't sign in until re-enabled."),
            format!("Disable {name}"),
        );
        view! {
            <ConfirmStep summary="Disable…">
                <ActionForm action=actions.set_enabled attr:class="stack">
                    <input type="hidden" name="user_id" value=id />
                    <input type="hidden" name="enabled" value="false" />
                    <p>{warning}</p>
                    <SubmitButton label=submit class="button danger" busy_label="Disabling…" />
                </ActionForm>
            </ConfirmStep>
        }
        .into_any()
    };
    // A disabled user cannot sign in with a new password either.
    let reset = (!disabled).then(|| {
        let (id, what, submit) = (
            id.clone(),
            format!(
                "{name} gets an e-mail at {email} with a link to choose a new password. It works once, within 30 \
                 minutes; their password keeps working until then."
            ),
            format!("Send reset link to {name}"),
        );
        view! {
            <ConfirmStep summary="Send reset link…">
                <ActionForm action=actions.send_reset attr:class="stack">
                    <input type="hidden" name="user_id" value=id />
                    <p>{what}</p>
                    <SubmitButton label=submit busy_label="Sending…" />
                </ActionForm>
            </ConfirmStep>
        }
    });
    // Disabling ended their sessions already, and they can start none.
    let end_sessions = (!disabled).then(|| {
        let (what, submit) = (
            format!("{name} is signed out on every device at once. Their password stays as it is."),
            format!("End sessions of {name}"),
        );
        view! {
            <ConfirmStep summary="End all sessions…">
                <ActionForm action=actions.end_sessions attr:class="stack">
                    <input type="hidden" name="user_id" value=id />
                    <p>{what}</p>
                    <SubmitButton label=submit class="button danger" busy_label="Ending…" />
                </ActionForm>
            </ConfirmStep>
        }
    });
    view! { {role_change} {enable} {reset} {end_sessions} }
}

/// The fields of the creation form, for its error summary.
const CREATE_FIELDS: &[(&str, &str)] = &[
    ("display_name", "Name"),
    ("email", "E-mail address"),
    ("role", "Role"),
    ("distributor_id", "Distributor"),
    ("account_id", "Account"),
    ("second_manager", "Second Manager"),
    ("phone_numbers", "Phone numbers"),
];

/// The choices of a placement select: "Choose …" first, then the places.
fn place_choices(prompt: &str, places: &[Place]) -> Vec<Choice> {
    std::iter::once(Choice::new("", prompt))
        .chain(places.iter().map(|p| Choice::new(p.id.clone(), p.label.clone())))
        .collect()
}

#[component]
fn CreateUserForm(data: UsersPage, account_hint: String, action: ServerAction<CreateUser>) -> impl IntoView {
    let UsersPage {
        grantable,
        accounts,
        distributors,
        own_account,
        ..
    } = data;
    let Some(least) = grantable.first().copied() else {
        return ().into_any();
    };
    let error = move || action.value().get().and_then(|r| r.err());
    let field = move |name: &'static str| Signal::derive(move || field_error(error(), name));
    let role_choices: Vec<Choice> = grantable
        .iter()
        .map(|r| Choice::new(role_value(*r), r.label()))
        .collect();
    let offers_account_roles = grantable.iter().any(|r| roles::needs_account(*r));
    let distributor_field = if distributors.is_empty() {
        view! { <input type="hidden" name="distributor_id" value="" /> }.into_any()
    } else {
        view! {
            <SelectField
                id="distributor_id"
                label="Distributor"
                hint="For the Distributor admin and viewer roles."
                choices=place_choices("Choose a Distributor…", &distributors)
                error=field("distributor_id")
                remember=CreateUser::PATH
            />
        }
        .into_any()
    };
    let account_field = match (own_account, accounts.is_empty()) {
        (Some(own), _) => view! {
            <p>"They join " <strong>{own}</strong> "."</p>
            <input type="hidden" name="account_id" value="" />
        }
        .into_any(),
        (None, false) => {
            // One Account needs no choosing; a link from an Account's page names its own.
            let selected = if accounts.len() == 1 {
                accounts[0].id.clone()
            } else {
                accounts
                    .iter()
                    .find(|a| a.id == account_hint)
                    .map(|a| a.id.clone())
                    .unwrap_or_default()
            };
            view! {
                <SelectField
                    id="account_id"
                    label="Account"
                    hint="For the Account Admin, Manager and Subscriber roles."
                    choices=place_choices("Choose an Account…", &accounts)
                    selected
                    error=field("account_id")
                    remember=CreateUser::PATH
                />
            }
            .into_any()
        }
        (None, true) => view! {
            {offers_account_roles.then(|| view! {
                <p class="hint">"The Accounts could not be read from Telegent just now, so only roles without an Account can be given. Reload in a minute."</p>
            })}
            <input type="hidden" name="account_id" value="" />
        }
        .into_any(),
    };
    view! {
        <section class="panel" aria-labelledby="new-user-heading">
            <h2 id="new-user-heading">"Add a user"</h2>
            <ErrorSummary error=Signal::derive(error) fields=CREATE_FIELDS />
            <ActionForm action attr:class="stack">
                <Field id="display_name" label="Name" required=true error=field("display_name") remember=CreateUser::PATH />
                <Field id="email" label="E-mail address" kind="email" required=true error=field("email") remember=CreateUser::PATH />
                <SelectField
                    id="role"
                    label="Role"
                    choices=role_choices
                    selected=role_value(least)
                    error=field("role")
                    remember=CreateUser::PATH
                />
                {distributor_field}
                {account_field}
                {offers_account_roles.then(|| view! {
                    <Field id="phone_numbers" label="Phone numbers (optional)" inputmode="tel" autocomplete="off"
                        remember=CreateUser::PATH
                        hint="For people in an Account: lines of it that have no person yet, in any format. Separate several with commas."
                        error=field("phone_numbers") />
                })}
                // Asked only after the warning (the Account has a Manager already).
                {move || field("second_manager").get().map(|message| view! {
                    <div class="check">
                        <input type="checkbox" id="second_manager" name="second_manager" aria-describedby="second_manager-error" />
                        <label for="second_manager">"Yes, this account will have two Managers"</label>
                    </div>
                    <p class="field-error" id="second_manager-error">{message}</p>
                })}
                <p class="hint">"They get a temporary password, shown once after you add them, and choose their own at first sign-in. Account-level users are linked to the Account's Telegent subscriber with the same e-mail (created if missing)."</p>
                <SubmitButton label="Add user" busy_label="Adding…" />
            </ActionForm>
        </section>
    }
    .into_any()
}
