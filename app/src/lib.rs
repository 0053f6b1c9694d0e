//! Telegent Portal: pages, components and server functions.
#![recursion_limit = "256"]

// Shared by every area.
pub mod components;
pub mod error;
pub mod form_values;
pub mod links;
pub mod policy;
pub mod read_model;
#[cfg(feature = "ssr")]
pub mod ssr;

// One folder per area: its pages (mod.rs), server functions (api.rs),
// DTOs (model.rs) and, on the server only, its logic (service.rs).
pub mod accounts;
pub mod audit;
pub mod catalog;
pub mod distributors;
pub mod guardian;
pub mod inventory;
pub mod line_status;
pub mod lines;
pub mod me;
pub mod members;
pub mod messaging;
pub mod notifications;
pub mod numbers;
pub mod onboarding;
pub mod outbox;
pub mod password_reset;
pub mod porting;
pub mod provisioning;
pub mod routing;
pub mod search;
pub mod session;
pub mod subscribers;
pub mod subscriptions;
pub mod users;
pub mod workspace;

use leptos::prelude::*;
use leptos_meta::{provide_meta_context, HashedStylesheet, Link, Meta, MetaTags, Title};
use leptos_router::components::{Route, Router, Routes};
use leptos_router::{path, SsrMode};

use crate::accounts::{AccountPage, Dashboard, EditAccountPage, NewAccountPage};
use crate::audit::AuditPage;
use crate::catalog::{
    PackageFormPage, PackagePage, PackagesPage, ProductFormPage, ProductPage, ProductsPage, ServiceFormPage,
    ServicePage, ServicesPage,
};
use crate::components::layout::Shell;
use crate::components::not_found::NotFound;
use crate::components::problem::error_fallback;
use crate::distributors::distributor_form::{EditDistributorPage, NewDistributorPage};
use crate::distributors::DistributorsPage;
use crate::guardian::GuardianPage;
use crate::inventory::NumbersPage;
use crate::lines::{LimitsPage, LinePage};
use crate::me::MyLinesPage;
use crate::members::MemberPage;
use crate::notifications::NotificationsPage;
use crate::onboarding::{AccountOnboardingPage, DistributorOnboardingPage};
use crate::outbox::OutboxPage;
use crate::password_reset::{ForgotPasswordPage, ResetPasswordPage};
use crate::porting::{BulkPortInsPage, PortInPage, PortInsListPage};
use crate::provisioning::{BulkReservePage, NewNumberPage};
use crate::routing::{MessageRouteFormPage, MessageRoutePage, RoutesPage, VoiceRouteFormPage, VoiceRoutePage};
use crate::search::SearchPage;
use crate::session::{LoginPage, PasswordPage, ProfilePage};
use crate::subscribers::SubscribersListPage;
use crate::subscriptions::{NewSubscriptionPage, SubscriptionPage, SubscriptionsListPage};
use crate::users::UsersPage;

/// The HTML document around the app, rendered on the server.
pub fn shell(options: LeptosOptions) -> impl IntoView {
    #[cfg(feature = "ssr")]
    ssr::set_page_security_policy();
    // The remembered theme is on the first paint (no flash of the other one).
    #[cfg(feature = "ssr")]
    let theme = components::theme::chosen();
    #[cfg(not(feature = "ssr"))]
    let theme = None::<&'static str>;
    view! {
        <!DOCTYPE html>
        <html lang="en" data-theme=theme>
            <head>
                <meta charset="utf-8" />
                <meta name="viewport" content="width=device-width, initial-scale=1" />
                <AutoReload options=options.clone() />
                <HashedStylesheet options=options.clone() id="leptos" />
                <HydrationScripts options islands=true />
                <MetaTags />
            </head>
            <body>
                <App />
            </body>
        </html>
    }
}

#[component]
pub fn App() -> impl IntoView {
    provide_meta_context();
    view! {
        <Link rel="icon" href="data:," />
        <Meta name="description" content="Telegent Portal: accounts, subscribers and numbers of the Telegent mobile platform." />
        <Title formatter=|page: String| if page.is_empty() { "Telegent Portal".to_string() } else { format!("{page} · Telegent Portal") } />
        <Router>
            <Shell>
                // Pages show their own expected failures (not found, Telegent
                // busy); this catches anything else with a human message.
                <ErrorBoundary fallback=error_fallback>
                // Async: the whole page is rendered with its data, so it reads the
                // same with JavaScript off.
                <Routes fallback=NotFound>
                    <Route path=path!("/") view=Dashboard ssr=SsrMode::Async />
                    <Route path=path!("/login") view=LoginPage ssr=SsrMode::Async />
                    <Route path=path!("/password") view=PasswordPage ssr=SsrMode::Async />
                    <Route path=path!("/password/forgot") view=ForgotPasswordPage ssr=SsrMode::Async />
                    <Route path=path!("/password/reset") view=ResetPasswordPage ssr=SsrMode::Async />
                    <Route path=path!("/profile") view=ProfilePage ssr=SsrMode::Async />
                    <Route path=path!("/distributors") view=DistributorsPage ssr=SsrMode::Async />
                    <Route path=path!("/distributors/new") view=NewDistributorPage ssr=SsrMode::Async />
                    <Route path=path!("/distributors/:distributor_id") view=Dashboard ssr=SsrMode::Async />
                    <Route path=path!("/distributors/:distributor_id/edit") view=EditDistributorPage ssr=SsrMode::Async />
                    <Route path=path!("/accounts/new") view=NewAccountPage ssr=SsrMode::Async />
                    <Route path=path!("/accounts/:account_id") view=AccountPage ssr=SsrMode::Async />
                    <Route path=path!("/accounts/:account_id/edit") view=EditAccountPage ssr=SsrMode::Async />
                    <Route path=path!("/accounts/:account_id/limits") view=LimitsPage ssr=SsrMode::Async />
                    <Route path=path!("/accounts/:account_id/lines/:line") view=LinePage ssr=SsrMode::Async />
                    <Route path=path!("/accounts/:account_id/guardian/:subscriber_id") view=GuardianPage ssr=SsrMode::Async />
                    <Route path=path!("/accounts/:account_id/members/:subscriber_id") view=MemberPage ssr=SsrMode::Async />
                    <Route path=path!("/accounts/:account_id/routes") view=RoutesPage ssr=SsrMode::Async />
                    <Route path=path!("/accounts/:account_id/routes/message/new") view=MessageRouteFormPage ssr=SsrMode::Async />
                    <Route path=path!("/accounts/:account_id/routes/message/:route_id") view=MessageRoutePage ssr=SsrMode::Async />
                    <Route path=path!("/accounts/:account_id/routes/message/:route_id/edit") view=MessageRouteFormPage ssr=SsrMode::Async />
                    <Route path=path!("/accounts/:account_id/routes/voice/new") view=VoiceRouteFormPage ssr=SsrMode::Async />
                    <Route path=path!("/accounts/:account_id/routes/voice/:route_id") view=VoiceRoutePage ssr=SsrMode::Async />
                    <Route path=path!("/accounts/:account_id/routes/voice/:route_id/edit") view=VoiceRouteFormPage ssr=SsrMode::Async />
                    <Route path=path!("/accounts/:account_id/onboarding") view=AccountOnboardingPage ssr=SsrMode::Async />
                    <Route path=path!("/onboarding") view=DistributorOnboardingPage ssr=SsrMode::Async />
                    <Route path=path!("/me") view=MyLinesPage ssr=SsrMode::Async />
                    <Route path=path!("/subscribers") view=SubscribersListPage ssr=SsrMode::Async />
                    <Route path=path!("/numbers") view=NumbersPage ssr=SsrMode::Async />
                    <Route path=path!("/numbers/new") view=NewNumberPage ssr=SsrMode::Async />
                    <Route path=path!("/numbers/bulk") view=BulkReservePage ssr=SsrMode::Async />
                    <Route path=path!("/porting") view=PortInsListPage ssr=SsrMode::Async />
                    <Route path=path!("/porting/bulk") view=BulkPortInsPage ssr=SsrMode::Async />
                    <Route path=path!("/accounts/:account_id/porting/:id") view=PortInPage ssr=SsrMode::Async />
                    <Route path=path!("/search") view=SearchPage ssr=SsrMode::Async />
                    <Route path=path!("/users") view=UsersPage ssr=SsrMode::Async />
                    <Route path=path!("/audit") view=AuditPage ssr=SsrMode::Async />
                    <Route path=path!("/outbox") view=OutboxPage ssr=SsrMode::Async />
                    <Route path=path!("/notifications") view=NotificationsPage ssr=SsrMode::Async />
                    <Route path=path!("/subscriptions") view=SubscriptionsListPage ssr=SsrMode::Async />
                    <Route path=path!("/subscriptions/new") view=NewSubscriptionPage ssr=SsrMode::Async />
                    <Route path=path!("/subscriptions/:subscription_id") view=SubscriptionPage ssr=SsrMode::Async />
                    <Route path=path!("/catalog/products") view=ProductsPage ssr=SsrMode::Async />
                    <Route path=path!("/catalog/products/new") view=ProductFormPage ssr=SsrMode::Async />
                    <Route path=path!("/catalog/products/:product_id") view=ProductPage ssr=SsrMode::Async />
                    <Route path=path!("/catalog/products/:product_id/edit") view=ProductFormPage ssr=SsrMode::Async />
                    <Route path=path!("/catalog/packages") view=PackagesPage ssr=SsrMode::Async />
                    <Route path=path!("/catalog/packages/new") view=PackageFormPage ssr=SsrMode::Async />
                    <Route path=path!("/catalog/packages/:package_id") view=PackagePage ssr=SsrMode::Async />
                    <Route path=path!("/catalog/packages/:package_id/edit") view=PackageFormPage ssr=SsrMode::Async />
                    <Route path=path!("/catalog/services") view=ServicesPage ssr=SsrMode::Async />
                    <Route path=path!("/catalog/services/new") view=ServiceFormPage ssr=SsrMode::Async />
                    <Route path=path!("/catalog/services/:service_id") view=ServicePage ssr=SsrMode::Async />
                    <Route path=path!("/catalog/services/:service_id/edit") view=ServiceFormPage ssr=SsrMode::Async />
                </Routes>
                </ErrorBoundary>
            </Shell>
        </Router>
    }
}
