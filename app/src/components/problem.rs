use leptos::prelude::*;

use crate::error::AppError;

/// What a person sees when a page's data could not be loaded: the human
/// message, and a way forward. Missing and foreign IDs both land here as
/// "not found".
#[component]
pub fn Problem(error: AppError) -> impl IntoView {
    #[cfg(feature = "ssr")]
    crate::ssr::set_status(error.status());
    let title = match &error {
        AppError::NotFound => "Not found",
        AppError::SignedOut => "Signed out",
        AppError::Forbidden => "Not allowed",
        AppError::Upstream(_) => "Telegent didn't answer as expected",
        AppError::Network => "Connection problem",
        AppError::BadRequest(_) => "That request could not be read",
        _ => "Something went wrong",
    };
    view! {
        <section class="problem" role="alert">
            <h1>{title}</h1>
            <p>{error.to_string()}</p>
            {if error == AppError::SignedOut {
                view! { <p><a href="/login" rel="external">"Sign in"</a></p> }.into_any()
            } else {
                view! { <p><a href="/" rel="external">"Back to your home page"</a></p> }.into_any()
            }}
        </section>
    }
}

/// Fallback for `<ErrorBoundary>`: shows the first error's human message.
pub fn error_fallback(errors: ArcRwSignal<Errors>) -> impl IntoView {
    move || {
        let first = errors.read().iter().next().map(|(_, e)| e.clone());
        let error = first
            .and_then(|e| e.downcast_ref::<AppError>().cloned())
            .unwrap_or(AppError::Internal);
        view! { <Problem error /> }
    }
}
