use leptos::prelude::*;
use leptos_router::components::A;

use crate::api::fetch_current_user;
use crate::error::AppError;
use crate::model::CurrentUser;

/// The page frame: skip link, top bar (product, current user and role, theme),
/// navigation (a drawer on phones, a sidebar from tablet width up) and main.
#[component]
pub fn Shell(children: Children) -> impl IntoView {
    let user = OnceResource::new(fetch_current_user());
    // On phones the navigation is a drawer. Without JavaScript the Menu link's
    // fragment opens it (CSS :target); with it, this signal does, because
    // client-side routing does not update :target.
    let (nav_open, set_nav_open) = signal(false);
    let toggle_nav = move |ev: leptos::ev::MouseEvent| {
        ev.prevent_default();
        set_nav_open.update(|open| *open = !*open);
    };
    let close_nav = move |ev: leptos::ev::MouseEvent| {
        ev.prevent_default();
        set_nav_open.set(false);
    };
    view! {
        <a class="skip-link" href="#main">"Skip to content"</a>
        <header class="topbar">
            // Works without JavaScript: the link targets the navigation, which
            // CSS shows on phones while it is the URL's fragment.
            <a
                class="menu-link"
                href="#site-nav"
                aria-controls="site-nav"
                aria-expanded=move || nav_open.get().to_string()
                on:click=toggle_nav
            >
                "Menu"
            </a>
            <a class="brand" href="/">"Telegent Portal"</a>
            <div class="topbar-end">
                <UserChip user />
                <ThemeToggle />
            </div>
        </header>
        <div class="frame">
            <nav id="site-nav" class="sidebar" aria-label="Main" data-open=move || nav_open.get().to_string()>
                <a class="nav-close" href="#main" on:click=close_nav>
                    "Close menu"
                </a>
                <div class="nav-user">
                    <UserChip user />
                </div>
                // Following a link closes the drawer.
                <ul on:click=move |_| set_nav_open.set(false)>
                    <li><A href="/" exact=true>"Accounts"</A></li>
                </ul>
                <p class="sidebar-note">"Subscribers, numbers, porting, routes and catalog arrive with the next releases."</p>
            </nav>
            <main id="main" tabindex="-1">{children()}</main>
        </div>
    }
}

/// The signed-in person and their role. Shown in the top bar, and on phones
/// (where the top bar is narrow) at the top of the navigation drawer.
#[component]
fn UserChip(user: OnceResource<Result<CurrentUser, AppError>>) -> impl IntoView {
    view! {
        <Suspense fallback=|| view! { <span class="user-chip">"…"</span> }>
            {move || Suspend::new(async move {
                user.await
                    .ok()
                    .map(|u| {
                        view! {
                            <span class="user-chip" title=u.email.clone()>
                                <span class="user-name">{u.display_name}</span>
                                <span class="role-badge">{u.role_label}</span>
                            </span>
                        }
                    })
            })}
        </Suspense>
    }
}

/// Switches between the light and dark theme (both from CSS custom
/// properties). Without JavaScript the page follows the system setting.
#[component]
fn ThemeToggle() -> impl IntoView {
    let (dark, set_dark) = signal(false);
    let toggle = move |_| {
        let next = !dark.get_untracked();
        set_dark.set(next);
        #[cfg(feature = "hydrate")]
        if let Some(root) = document().document_element() {
            let _ = root.set_attribute("data-theme", if next { "dark" } else { "light" });
        }
    };
    view! {
        <button type="button" class="theme-toggle" aria-pressed=move || dark.get().to_string() on:click=toggle>
            {move || if dark.get() { "Light theme" } else { "Dark theme" }}
        </button>
    }
}
