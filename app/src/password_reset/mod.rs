//! "Forgot your password?": asking for a reset link by e-mail, and the page
//! the link opens to choose a new password. Both are open to anyone (nobody
//! is signed in), post the plain HTML way, and work without JavaScript.

use leptos::prelude::*;
use leptos::server_fn::ServerFn;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

pub mod api;
pub mod model;
#[cfg(feature = "ssr")]
pub mod service;

use self::api::{reset_link_status, RequestPasswordReset, ResetPassword};
use self::model::{LINK_DEAD, LINK_SENT};
use crate::components::form::{field_error, ErrorSummary, Field, SubmitButton};
use crate::links;

/// Asks for the address; afterwards says the same thing whatever it was.
#[component]
pub fn ForgotPasswordPage() -> impl IntoView {
    let query = use_query_map();
    let sent = move || query.read().get("sent").is_some();
    let action = ServerAction::<RequestPasswordReset>::new();
    let error = move || action.value().get().and_then(|r| r.err());
    view! {
        <Title text="Forgot your password?" />
        <section class="auth-card">
            <h1>"Forgot your password?"</h1>
            {move || if sent() {
                view! {
                    <p class="notice" role="status">{LINK_SENT}</p>
                    <p><a href=links::login()>"Back to sign-in"</a></p>
                }
                .into_any()
            } else {
                view! {
                    <p>"Enter the e-mail address you sign in with. We'll send it a link to choose a new password."</p>
                    <ErrorSummary error=Signal::derive(error) fields=&[("email", "E-mail address")] />
                    <form method="post" action=RequestPasswordReset::PATH class="stack">
                        <Field
                            id="email"
                            label="E-mail address"
                            kind="email"
                            autocomplete="username"
                            required=true
                            remember=RequestPasswordReset::PATH
                            error=Signal::derive(move || field_error(error(), "email"))
                        />
                        <SubmitButton label="Send link" busy_label="Sending…" />
                    </form>
                    <p><a href=links::login()>"Back to sign-in"</a></p>
                }
                .into_any()
            }}
        </section>
    }
}

/// The page a reset link opens: the new password, twice.
#[component]
pub fn ResetPasswordPage() -> impl IntoView {
    let query = use_query_map();
    let token = move || query.read().get("token").unwrap_or_default();
    let status = Resource::new(token, |token| async move {
        if token.is_empty() {
            Ok(None)
        } else {
            reset_link_status(token).await
        }
    });
    let action = ServerAction::<ResetPassword>::new();
    let error = move || action.value().get().and_then(|r| r.err());
    view! {
        <Title text="Choose a new password" />
        <section class="auth-card">
            <h1>"Choose a new password"</h1>
            <Suspense fallback=|| view! { <p class="loading" role="status">"Checking the link…"</p> }>
                {move || Suspend::new(async move {
                    match status.await {
                        Ok(Some(email)) => view! {
                            <p>"For " <strong class="mail-to">{email}</strong> "."</p>
                            <ErrorSummary
                                error=Signal::derive(error)
                                fields=&[("new_password", "New password"), ("confirm_password", "New password again")]
                            />
                            <form method="post" action=ResetPassword::PATH class="stack">
                                <input type="hidden" name="token" value=token() />
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
                                <SubmitButton label="Save password" busy_label="Saving…" />
                            </form>
                            <p class="hint">"Saving signs you out everywhere; then sign in with the new password."</p>
                        }
                        .into_any(),
                        Ok(None) => view! {
                            <p class="form-error" role="alert">{LINK_DEAD}</p>
                            <p><a class="button" href=links::forgot_password()>"Ask for a new link"</a></p>
                        }
                        .into_any(),
                        Err(error) => view! { <p class="form-error" role="alert">{error.to_string()}</p> }.into_any(),
                    }
                })}
            </Suspense>
        </section>
    }
}
