//! What every catalog page shares: the breadcrumb trail, the tabs between
//! Products and Packages, and the active / inactive filter with search.

use leptos::prelude::*;
use leptos_router::components::Form;

use super::model::Shown;
use crate::components::breadcrumbs::{Breadcrumbs, Crumb};
use crate::components::form::{Choice, SubmitButton};
use crate::links::{self, with_query};

/// Distributor → Catalog → `rest`. The Distributor's home is `/` for its own
/// staff and its page for a Platform admin (who names it in the URL).
pub fn catalog_crumbs(distributor_id: &str, distributor_name: &str, rest: Vec<Crumb>) -> impl IntoView {
    let mut crumbs = vec![Crumb::link(
        distributor_name.to_string(),
        links::staff_home_or(distributor_id),
    )];
    crumbs.extend(rest);
    view! { <Breadcrumbs crumbs /> }
}

#[component]
pub fn CatalogTabs(distributor_id: String, current: &'static str) -> impl IntoView {
    let tab = |key: &'static str, label: &'static str, href: String| {
        let here = (key == current).then_some("page");
        view! { <li><a href=href aria-current=here>{label}</a></li> }
    };
    view! {
        <nav class="tabs" aria-label="Catalog">
            <ul>
                {tab("products", "Products", links::products(&distributor_id))}
                {tab("packages", "Packages", links::packages(&distributor_id))}
                {tab("services", "Services", links::services(&distributor_id))}
            </ul>
        </nav>
    }
}

/// Active / Inactive / All as links, and a search box; both in the URL.
#[component]
pub fn ShownFilter(
    base: String,
    distributor_id: String,
    shown: Shown,
    search: String,
    noun: &'static str,
) -> impl IntoView {
    let link = |s: Shown| {
        let mut params = vec![("distributor", distributor_id.clone()), ("q", search.clone())];
        if s != Shown::Active {
            params.push(("shown", s.query().to_string()));
        }
        let path = base.split('?').next().unwrap_or_default().to_string();
        let here = (s == shown).then_some("page");
        view! { <li><a href=with_query(&path, &params) aria-current=here>{s.label()}</a></li> }
    };
    let search_id = format!("{noun}-search");
    view! {
        <div class="list-tools">
            <nav class="filter-links" aria-label=format!("Show {noun}")>
                <ul>{link(Shown::Active)}{link(Shown::Inactive)}{link(Shown::All)}</ul>
            </nav>
            <Form method="GET" action="">
                <div class="search-bar" role="search">
                    <label for=search_id.clone()>{format!("Search {noun}")}</label>
                    <input id=search_id type="search" name="q" value=search.clone() />
                    {(!distributor_id.is_empty()).then(|| view! { <input type="hidden" name="distributor" value=distributor_id.clone() /> })}
                    {(shown != Shown::Active).then(|| view! { <input type="hidden" name="shown" value=shown.query() /> })}
                    <SubmitButton label="Search" class="button" />
                </div>
            </Form>
        </div>
    }
}

/// "Distributor catalog (every Account)" first, then each Account.
pub fn owner_choices(accounts: &[(String, String)]) -> Vec<Choice> {
    std::iter::once(Choice::new("", "Distributor catalog (every Account)"))
        .chain(
            accounts
                .iter()
                .map(|(id, name)| Choice::new(id.clone(), format!("{name} only"))),
        )
        .collect()
}

/// A Platform admin's first step: whose catalog.
#[component]
pub fn ChooseDistributor(distributors: Vec<(String, String)>, link: fn(&str) -> String) -> impl IntoView {
    view! {
        <Breadcrumbs crumbs=vec![Crumb::link("Distributors", links::distributors()), Crumb::here("Catalog")] />
        <h1>"Catalog"</h1>
        <p>"Each Distributor has its own catalog. Choose one:"</p>
        <ul>
            {distributors.into_iter().map(|(id, name)| view! { <li><a href=link(&id)>{name}</a> <span class="id-text">{id}</span></li> }).collect_view()}
        </ul>
    }
}
