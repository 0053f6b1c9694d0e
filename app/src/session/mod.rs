//! Signing in, choosing a password, and one's own profile.
//!
//! These forms post the plain HTML way, with or without JavaScript: they
//! change the session, and the page that follows is loaded fresh with it.
//! Errors come back in the URL (Leptos's form-redirect) and are shown at
//! their field.

use leptos::prelude::*;
use leptos::server_fn::ServerFn;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

pub mod api;
pub mod model;
#[cfg(feature = "ssr")]
pub mod service;

use self::api::{fetch_current_user, ChangePassword, Login, Logout};
use crate::components::form::{field_error, ErrorSummary, Field, SubmitButton};
use crate::components::problem::Problem;
use crate::error::AppError;

#[component]
pub fn LoginPage() -> impl IntoView {
    let query = use_query_map();
    let next = move || query.read().get("next").unwrap_or_default();
    let signed_out = move || query.read().get("signed_out").is_some();
    let reset = move || query.read().get("reset").is_some();
    let action = ServerAction::<Login>::new();
    let error = move || action.value().get().and_then(|r| r.err());
    view! {
        <Title text="Sign in" />
        <section class="auth-card">
            <h1>"Sign in"</h1>
            {move || signed_out().then(|| view! { <p class="notice" role="status">"You have signed out."</p> })}
            {move || reset().then(|| view! {
                <p class="notice" role="status">"Your new password is saved, and every earlier sign-in has ended. Sign in with it now."</p>
            })}
            <ErrorSummary error=Signal::derive(error) fields=&[("email", "E-mail address")] />
            <form method="post" action=Login::PATH class="stack">
                <input type="hidden" name="next" value=next />
                <Field
                    id="email"
                    label="E-mail address"
                    kind="email"
                    autocomplete="username"
                    required=true
                    remember=Login::PATH
                    error=Signal::derive(move || field_error(error(), "email"))
                />
                <Field
                    id="password"
                    label="Password"
                    kind="password"
                    autocomplete="current-password"
                    required=true
                    error=Signal::derive(|| None::<String>)
                />
                <SubmitButton label="Sign in" busy_label="Signing in…" />
            </form>
            <p><a href=crate::links::forgot_password()>"Forgot your password?"</a></p>
        </section>
    }
}

/// Choosing a new password: required after signing in with a temporary
/// one, and available from the profile at any time.
#[component]
pub fn PasswordPage() -> impl IntoView {
    let user = OnceResource::new(fetch_current_user());
    let action = ServerAction::<ChangePassword>::new();
    let error = move || action.value().get().and_then(|r| r.err());
    view! {
        <Title text="Choose a password" />
        <section class="auth-card">
            <h1>"Choose a password"</h1>
            <Suspense fallback=|| ()>
                {move || Suspend::new(async move {
                    user.await.ok().flatten().filter(|u| u.must_change_password).map(|_| view! {
                        <p class="notice" role="status">
                            "You signed in with a temporary password. Choose your own to continue."
                        </p>
                    })
                })}
            </Suspense>
            <ErrorSummary error=Signal::derive(error) fields=&[
                ("current_password", "Current password"),
                ("new_password", "New password"),
                ("confirm_password", "New password again"),
            ] />
            <form method="post" action=ChangePassword::PATH class="stack">
                <Field
                    id="current_password"
                    label="Current password"
                    kind="password"
                    autocomplete="current-password"
                    required=true
                    error=Signal::derive(move || field_error(error(), "current_password"))
                />
                <Field
                    id="new_password"
                    label="New password"
                    kind="password"
                    autocomplete="new-password"
                    hint="At least 12 characters. A short sentence you can remember works well."
                    required=true
                    error=Signal::derive(move || field_error(error(), "new_password"))
                />
                <Field
                    id="confirm_password"
                    label="New password again"
                    kind="password"
                    autocomplete="new-password"
                    required=true
                    error=Signal::derive(move || field_error(error(), "confirm_password"))
                />
                <SubmitButton label="Save password" />
            </form>
            <p class="hint">"Saving signs you out everywhere else."</p>
        </section>
    }
}

#[component]
pub fn ProfilePage() -> impl IntoView {
    let user = OnceResource::new(fetch_current_user());
    let query = use_query_map();
    let changed = move || query.read().get("password_changed").is_some();
    view! {
        <Title text="Profile" />
        <div class="page-head">
            <h1>"Profile"</h1>
        </div>
        {move || changed().then(|| view! { <p class="notice" role="status">"Your password has been changed."</p> })}
        <Suspense fallback=|| view! { <p class="loading" role="status">"Loading…"</p> }>
            {move || Suspend::new(async move {
                match user.await {
                    Ok(Some(u)) => view! {
                        <dl class="facts">
                            <dt>"Name"</dt>
                            <dd>{u.display_name}</dd>
                            <dt>"E-mail address"</dt>
                            <dd>{u.email}</dd>
                            <dt>"Role"</dt>
                            <dd>{u.role_label}</dd>
                            <dt>"Reaches"</dt>
                            <dd>{u.scope_label}</dd>
                        </dl>
                        <p><a class="button" href=crate::links::password()>"Change password"</a></p>
                        <form method="post" action=Logout::PATH>
                            <SubmitButton label="Sign out" class="button" />
                        </form>
                    }
                    .into_any(),
                    Ok(None) => view! { <Problem error=AppError::SignedOut /> }.into_any(),
                    Err(error) => view! { <Problem error /> }.into_any(),
                }
            })}
        </Suspense>
    }
}
