//! The light / dark theme: remembered in a cookie the server reads, so the
//! first paint of every page is right; without a choice the page follows
//! the device's `prefers-color-scheme`.
//!
//! The switch is a plain form with two buttons, "Dark theme" and "Light
//! theme"; CSS shows the one that changes what is shown now (from the
//! cookie's `data-theme`, else the device setting), so the button always
//! says what it will do, even before the server knows the device setting.
//! Without JavaScript the post sets the cookie and comes back to the page;
//! with it, the island switches at once and posts in the background.

use leptos::prelude::*;
use leptos::server_fn::ServerFn;

use crate::error::AppError;

/// The cookie's name.
pub const COOKIE: &str = "theme";
/// A year: a setting, not a secret.
#[cfg(feature = "ssr")]
const COOKIE_MAX_AGE_SECONDS: u32 = 365 * 24 * 3600;

/// The theme a value of the cookie (or of the form) names, if any.
pub fn parse(value: &str) -> Option<&'static str> {
    match value {
        "dark" => Some("dark"),
        "light" => Some("light"),
        _ => None,
    }
}

/// The theme chosen in the request's cookie (`None`: follow the device).
#[cfg(feature = "ssr")]
pub fn chosen() -> Option<&'static str> {
    let parts = use_context::<http::request::Parts>()?;
    parts
        .headers
        .get_all(http::header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|header| header.split(';'))
        .filter_map(|pair| pair.trim().split_once('='))
        .find(|(name, _)| *name == COOKIE)
        .and_then(|(_, value)| parse(value))
}

/// Remembers the theme and goes back to the page it was chosen on.
#[server(endpoint = "theme")]
pub async fn set_theme(theme: String, back: String) -> Result<(), AppError> {
    let theme = parse(&theme).ok_or_else(|| AppError::invalid("theme", "Choose the light or the dark theme."))?;
    let cookie = format!("{COOKIE}={theme}; Path=/; Max-Age={COOKIE_MAX_AGE_SECONDS}; SameSite=Lax");
    if let (Some(response), Ok(value)) = (
        use_context::<leptos_axum::ResponseOptions>(),
        http::HeaderValue::from_str(&cookie),
    ) {
        response.append_header(http::header::SET_COOKIE, value);
    }
    crate::ssr::context::redirect(&crate::session::api::safe_next(&back));
    Ok(())
}

/// The switch in the top bar. `back` is the page it sits on.
#[island]
pub fn ThemeToggle(back: String) -> impl IntoView {
    // The server answers a post with a redirect to `back`: the same page, so
    // the browser's code stays where it is.
    let here = StoredValue::new(back.clone());
    let choose = move |ev: leptos::ev::MouseEvent, theme: &'static str| {
        ev.prevent_default();
        #[cfg(feature = "hydrate")]
        {
            use leptos::wasm_bindgen::JsCast;
            if let Some(root) = document().document_element() {
                let _ = root.set_attribute("data-theme", theme);
            }
            // The pressed button is hidden now: keep the focus on the switch.
            let other = if theme == "dark" { ".to-light" } else { ".to-dark" };
            if let Ok(Some(button)) = document().query_selector(&format!(".theme-form {other}")) {
                if let Ok(button) = button.dyn_into::<leptos::web_sys::HtmlElement>() {
                    let _ = button.focus();
                }
            }
        }
        // Remembered in the background; the page has already switched. (No
        // `ServerAction` here: the switch is on every page, and an action's
        // server-side half is not needed to render it.)
        #[cfg(feature = "hydrate")]
        {
            let back = here.get_value();
            leptos::task::spawn_local(async move {
                let _ = set_theme(theme.to_string(), back).await;
            });
        }
        #[cfg(not(feature = "hydrate"))]
        let _ = (theme, here);
    };
    view! {
        <form method="post" action=SetTheme::PATH class="theme-form">
            <input type="hidden" name="back" value=back />
            <button
                type="submit"
                name="theme"
                value="dark"
                class="button theme-toggle to-dark"
                on:click=move |ev| choose(ev, "dark")
            >
                "Dark theme"
            </button>
            <button
                type="submit"
                name="theme"
                value="light"
                class="button theme-toggle to-light"
                on:click=move |ev| choose(ev, "light")
            >
                "Light theme"
            </button>
        </form>
    }
}
