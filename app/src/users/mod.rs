//! People who may sign in, inside the caller's scope: create with a
//! temporary password, disable, re-enable, change role.

use leptos::prelude::*;
use leptos::server_fn::ServerFn;
use leptos_meta::Title;
use leptos_router::components::Form;
use leptos_router::hooks::use_query_map;

pub mod api;
pub mod model;
#[cfg(feature = "ssr")]
pub mod service;

use self::api::{list_users, take_created_user, ChangeUserRole, CreateUser, SetUserEnabled};
use self::model::{UserListItem, UserStatus, UsersPage};
use crate::components::breadcrumbs::{Breadcrumbs, Crumb};
use crate::components::form::{field_error, ConfirmStep, Field, FormError, SubmitButton};
use crate::components::pager::Pager;
use crate::components::problem::Problem;
use crate::links::with_query;
use crate::policy::Role;

fn role_name(role: Role) -> String {
    format!("{role:?}")
}

#[component]
pub fn UsersPage() -> impl IntoView {
    let query = use_query_map();
    let search = move || query.read().get("q").unwrap_or_default();
    let page = move || query.read().get("page").and_then(|p| p.parse().ok()).unwrap_or(1u32);
    let created_flag = move || query.read().get("created").is_some();
    let account_hint = move || query.read().get("account").unwrap_or_default();
    let create = ServerAction::<CreateUser>::new();
    let set_enabled = ServerAction::<SetUserEnabled>::new();
    let change_role = ServerAction::<ChangeUserRole>::new();
    // Rendered on the server only: every change is a post and a page load.
    let users = Resource::new(move || (search(), page()), |(search, page)| list_users(search, page));
    let created = Resource::new(created_flag, |flag| async move {
        if flag {
            take_created_user().await.ok().flatten()
        } else {
            None
        }
    });
    let row_error = move || {
        set_enabled
            .value()
            .get()
            .and_then(|r| r.err())
            .or_else(|| change_role.value().get().and_then(|r| r.err()))
    };
    view! {
        <Title text="Users" />
        <Breadcrumbs crumbs=vec![Crumb::here("Users")] />
        <div class="page-head">
            <h1>"Users"</h1>
            <p class="muted">"People who can sign in to the portal, within your reach."</p>
        </div>
        <Suspense fallback=|| ()>
            {move || Suspend::new(async move {
                created.await.map(|c| view! {
                    <div class="notice" role="status">
                        <p><strong>{format!("{} can now sign in.", c.email)}</strong></p>
                        <p>
                            "Temporary password: " <code class="secret">{c.temporary_password}</code>
                        </p>
                        <p class="hint">
                            "Hand it over in person or by phone; it is shown only this once. They choose their own at first sign-in."
                        </p>
                    </div>
                })
            })}
        </Suspense>
        <FormError error=Signal::derive(move || row_error().map(|e| e.to_string())) />
        <Form method="GET" action="">
            <div class="search-bar" role="search">
                <label for="user-search">"Search users"</label>
                <input id="user-search" type="search" name="q" value=search placeholder="Name or e-mail" />
                <SubmitButton label="Search" class="button" />
            </div>
        </Form>
        <Suspense fallback=|| view! { <p class="loading" role="status">"Loading users…"</p> }>
            {move || Suspend::new(async move {
                match users.await {
                    Ok(data) => view! {
                        <UserTable data=data.clone() search=search() set_enabled change_role />
                        <CreateUserForm grantable=data.grantable account_hint=account_hint() action=create />
                    }
                    .into_any(),
                    Err(error) => view! { <Problem error /> }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn UserTable(
    data: UsersPage,
    search: String,
    set_enabled: ServerAction<SetUserEnabled>,
    change_role: ServerAction<ChangeUserRole>,
) -> impl IntoView {
    let UsersPage {
        rows,
        page,
        total_pages,
        total,
        grantable,
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
                    {rows
                        .into_iter()
                        .map(|user| view! { <UserRow user grantable=grantable.clone() set_enabled change_role /> })
                        .collect_view()}
                </tbody>
            </table>
        </div>
        <Pager page total_pages href_for=move |p| with_query(&crate::links::users(), &[("q", search.clone()), ("page", p.to_string())]) />
    }
    .into_any()
}

#[component]
fn UserRow(
    user: UserListItem,
    grantable: Vec<Role>,
    set_enabled: ServerAction<SetUserEnabled>,
    change_role: ServerAction<ChangeUserRole>,
) -> impl IntoView {
    let id = user.id.to_string();
    let select_id = format!("role-{}", user.id);
    let disabled = user.status == UserStatus::Disabled;
    let scope = user
        .account_id
        .clone()
        .or(user.distributor_id.clone())
        .unwrap_or_default();
    let name = user.display_name.clone();
    let role_label = format!("Role of {name}");
    let disable_warning = format!("{name} will be signed out at once and can't sign in until re-enabled.");
    let disable_label = format!("Disable {name}");
    let actions = if user.editable {
        let roles: Vec<Role> = grantable
            .iter()
            .copied()
            .filter(|r| same_level(*r, user.role))
            .collect();
        let role_form_id = id.clone();
        view! {
            <ActionForm action=change_role attr:class="inline-form">
                <input type="hidden" name="user_id" value=role_form_id />
                <label for=select_id.clone() class="visually-hidden">{role_label}</label>
                <select id=select_id name="role">
                    {roles
                        .into_iter()
                        .map(|r| view! { <option value=role_name(r) selected=r == user.role>{r.label()}</option> })
                        .collect_view()}
                </select>
                <SubmitButton label="Change role" class="button" />
            </ActionForm>
            {if disabled {
                view! {
                    <ActionForm action=set_enabled attr:class="inline-form">
                        <input type="hidden" name="user_id" value=id.clone() />
                        <input type="hidden" name="enabled" value="true" />
                        <SubmitButton label="Re-enable" class="button" />
                    </ActionForm>
                }
                .into_any()
            } else {
                view! {
                    <ConfirmStep summary="Disable…">
                        <ActionForm action=set_enabled attr:class="inline-form">
                            <input type="hidden" name="user_id" value=id.clone() />
                            <input type="hidden" name="enabled" value="false" />
                            <p>{disable_warning}</p>
                            <SubmitButton label=disable_label class="button danger" />
                        </ActionForm>
                    </ConfirmStep>
                }
                .into_any()
            }}
        }
        .into_any()
    } else {
        view! { <span class="muted">"—"</span> }.into_any()
    };
    view! {
        <tr>
            <td data-label="Name">
                <div>{user.display_name.clone()}<div class="id-text">{user.email.clone()}</div></div>
            </td>
            <td data-label="Role">
                <div>{user.role.label()}<div class="id-text">{scope}</div></div>
            </td>
            <td data-label="Status"><span class=format!("status status-{}", user.status.as_str())>{user.status.as_str()}</span></td>
            <td data-label="Actions"><div class="row-actions">{actions}</div></td>
        </tr>
    }
}

/// Roles a user can be moved between without changing their scope.
fn same_level(a: Role, b: Role) -> bool {
    let level = |r: Role| match r {
        Role::PlatformAdmin => 0,
        Role::DistributorAdmin | Role::DistributorViewer => 1,
        _ => 2,
    };
    level(a) == level(b)
}

#[component]
fn CreateUserForm(grantable: Vec<Role>, account_hint: String, action: ServerAction<CreateUser>) -> impl IntoView {
    if grantable.is_empty() {
        return ().into_any();
    }
    let error = move || action.value().get().and_then(|r| r.err());
    let form_error = move || {
        error().filter(|e| {
            !["display_name", "email", "role", "distributor_id", "account_id"]
                .iter()
                .any(|f| e.field_message(f).is_some())
        })
    };
    let needs_distributor = grantable.contains(&Role::PlatformAdmin);
    let needs_account = grantable.contains(&Role::DistributorAdmin);
    let field = move |name: &'static str| Signal::derive(move || field_error(error(), name));
    view! {
        <section class="panel" aria-labelledby="new-user-heading">
            <h2 id="new-user-heading">"Add a user"</h2>
            <FormError error=Signal::derive(move || form_error().map(|e| e.to_string())) />
            <ActionForm action attr:class="stack">
                <Field id="display_name" label="Name" required=true error=field("display_name") remember=CreateUser::PATH />
                <Field id="email" label="E-mail address" kind="email" required=true error=field("email") remember=CreateUser::PATH />
                <div class="field">
                    <label for="role">"Role"</label>
                    <select id="role" name="role" aria-describedby="role-error">
                        {grantable
                            .iter()
                            .map(|r| view! { <option value=role_name(*r)>{r.label()}</option> })
                            .collect_view()}
                    </select>
                    {move || field_error(error(), "role").map(|m| view! { <p class="field-error" id="role-error">{m}</p> })}
                </div>
                {needs_distributor.then(|| view! {
                    <Field
                        id="distributor_id"
                        label="Distributor ID (for Distributor roles)"
                        hint="DID-…, from the Distributors page."
                        error=field("distributor_id")
                    />
                })}
                {if needs_account {
                    view! {
                        <Field
                            id="account_id"
                            label="Account ID (for Account Admin, Manager and Subscriber)"
                            hint="AID-…, from the account's page."
                            value=account_hint
                            error=field("account_id")
                        />
                    }
                    .into_any()
                } else {
                    view! { <input type="hidden" name="account_id" value="" /> }.into_any()
                }}
                {(!needs_distributor).then(|| view! { <input type="hidden" name="distributor_id" value="" /> })}
                <p class="hint">"They get a temporary password, shown once after you add them, and choose their own at first sign-in. Account-level users are linked to the account's Telegent subscriber with the same e-mail (created if missing)."</p>
                <SubmitButton label="Add user" busy_label="Adding…" />
            </ActionForm>
        </section>
    }
    .into_any()
}
