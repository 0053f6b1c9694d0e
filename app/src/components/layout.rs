use leptos::prelude::*;
use leptos::server_fn::ServerFn;
use leptos_router::components::A;

use crate::components::form::SubmitButton;
use crate::components::theme::ThemeToggle;
use crate::error::AppError;
use crate::policy::Role;
use crate::search::SearchBox;
use crate::session::api::{fetch_current_user, Logout, StopViewAs};
use crate::session::model::CurrentUser;

type UserResource = OnceResource<Result<Option<CurrentUser>, AppError>>;

/// The page frame: skip link, top bar (product, current user and role, theme),
/// navigation (a drawer on phones, a sidebar from tablet width up) and main.
#[component]
pub fn Shell(children: Children) -> impl IntoView {
    let user = OnceResource::new(fetch_current_user());
    // On phones the navigation is a drawer: the Menu link's fragment opens it
    // (CSS :target) and every link is a page load, so no script is needed.
    view! {
        <a class="skip-link" href="#main">"Skip to content"</a>
        <header class="topbar">
            // Works without JavaScript: the link targets the navigation, which
            // CSS shows on phones while it is the URL's fragment.
            <a
                class="menu-link"
                href="#site-nav"
                aria-controls="site-nav"
            >
                "Menu"
            </a>
            // A full load: the server sends each role to its own home.
            <a class="brand" href="/" rel="external">"Telegent Portal"</a>
            <TopSearch user />
            <div class="topbar-end">
                <UserChip user />
                <ThemeToggle back=current_path() />
            </div>
        </header>
        <div class="frame">
            <nav id="site-nav" class="sidebar" aria-label="Main">
                <a class="nav-close" href="#main">
                    "Close menu"
                </a>
                <div class="nav-user">
                    <UserChip user />
                </div>
                <NavLinks user />
            </nav>
            <main id="main" tabindex="-1">
                <ViewAsBanner user />
                {children()}
            </main>
        </div>
    }
}

/// The page being served, without its query (the theme switch comes back to it).
fn current_path() -> String {
    #[cfg(feature = "ssr")]
    {
        // The path only: a query may hold a one-time token or a refusal
        // (`__err`) that must not be sent round again.
        use_context::<http::request::Parts>()
            .map(|parts| parts.uri.path().to_string())
            .unwrap_or_else(|| "/".into())
    }
    #[cfg(not(feature = "ssr"))]
    {
        String::new()
    }
}

/// The global search box, for staff (Platform and Distributor roles).
#[component]
fn TopSearch(user: UserResource) -> impl IntoView {
    view! {
        <Suspense fallback=|| ()>
            {move || Suspend::new(async move {
                user.await
                    .ok()
                    .flatten()
                    .filter(|u| {
                        matches!(u.role, Role::PlatformAdmin | Role::DistributorAdmin | Role::DistributorViewer)
                            && u.view_as.is_none()
                    })
                    .map(|_| view! { <SearchBox /> })
            })}
        </Suspense>
    }
}

/// The signed-in person and their role. Shown in the top bar, and on phones
/// (where the top bar is narrow) at the top of the navigation drawer.
#[component]
fn UserChip(user: UserResource) -> impl IntoView {
    view! {
        <Suspense fallback=|| view! { <span class="user-chip">"…"</span> }>
            {move || Suspend::new(async move {
                user.await
                    .ok()
                    .flatten()
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

/// The pages this role may open (the server checks again on every call),
/// and signing out.
#[component]
fn NavLinks(user: UserResource) -> impl IntoView {
    view! {
        <Suspense fallback=|| ()>
            {move || {
                Suspend::new(async move {
                    match user.await.ok().flatten() {
                        Some(u) => view! {
                            <ul>
                                {u.nav
                                    .into_iter()
                                    .map(|item| view! { <li><A href=item.href exact=true>{item.label}</A></li> })
                                    .collect_view()}
                            </ul>
                            <form method="post" action=Logout::PATH class="sign-out">
                                <SubmitButton label="Sign out" class="button" />
                            </form>
                        }
                        .into_any(),
                        None => view! {
                            <ul><li><a href="/login">"Sign in"</a></li></ul>
                        }
                        .into_any(),
                    }
                })
            }}
        </Suspense>
    }
}

/// On every page while an administrator views a Manager's portal.
#[component]
fn ViewAsBanner(user: UserResource) -> impl IntoView {
    view! {
        <Suspense fallback=|| ()>
            {move || Suspend::new(async move {
                user.await.ok().flatten().and_then(|u| u.view_as).map(|v| view! {
                    <div class="view-as-banner" role="status">
                        <p>
                            <strong>{format!("Viewing {} as its Manager (read-only).", v.account_name)}</strong>
                            " " {format!("Reason: {}. Ends in {} min.", v.reason, v.minutes_left)}
                        </p>
                        <form method="post" action=StopViewAs::PATH>
                            <SubmitButton label="Stop viewing" class="button" />
                        </form>
                    </div>
                })
            })}
        </Suspense>
    }
}
