//! Global search (the top bar's box, `/` focuses it): everything in the
//! caller's scope by name, e-mail, number in any format, ICCID or Telegent
//! ID. One exact match opens the record; otherwise results are grouped.
//! A plain GET form: works without JavaScript.

pub mod api;
pub mod model;

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

use self::api::global_search;
use self::model::SearchResults;
use crate::components::breadcrumbs::{Breadcrumbs, Crumb};
use crate::components::problem::Problem;
use crate::links;

/// The search box of the top bar (staff only).
#[component]
pub fn SearchBox(#[prop(optional, into)] value: String) -> impl IntoView {
    view! {
        <form class="global-search" method="get" action="/search" role="search" aria-label="Everything">
            <label for="global-search" class="visually-hidden">"Find an account, subscriber or number"</label>
            <input
                id="global-search"
                type="search"
                name="q"
                value=value
                placeholder="Search  ( / )"
                aria-keyshortcuts="/"
                autocomplete="off"
                maxlength="200"
            />
        </form>
    }
}

#[component]
pub fn SearchPage() -> impl IntoView {
    let query = use_query_map();
    let q = move || query.read().get("q").unwrap_or_default();
    let results = Resource::new(q, global_search);
    view! {
        <Title text="Search" />
        <Suspense fallback=|| view! { <p class="loading" role="status">"Searching…"</p> }>
            {move || Suspend::new(async move {
                match results.await {
                    // The server answered with a redirect already; this is what a
                    // client that did not follow it sees.
                    Ok(SearchResults { jump_to: Some(href), .. }) => view! {
                        <p role="status">"One exact match: " <a href=href>"open it"</a></p>
                    }
                    .into_any(),
                    Ok(data) => view! { <ResultsView data /> }.into_any(),
                    Err(error) => view! { <Problem error /> }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn ResultsView(data: SearchResults) -> impl IntoView {
    let SearchResults {
        query, groups, total, ..
    } = data;
    let summary = match (query.is_empty(), total) {
        (true, _) => {
            "Type a name, e-mail, phone number, ICCID or Telegent ID (AID-, TSUID-, NID-, MRID-, CRID-…).".to_string()
        }
        (false, 0) => format!("Nothing matches “{query}”."),
        (false, 1) => format!("1 result for “{query}”"),
        (false, n) => format!("{n} results for “{query}”"),
    };
    view! {
        <Breadcrumbs crumbs=vec![Crumb::link("Home", links::staff_home()), Crumb::here("Search")] />
        <div class="page-head">
            <h1>"Search"</h1>
            <p class="muted" role="status">{summary}</p>
        </div>
        <form class="search-bar" method="get" action="/search" role="search">
            <label for="search-page-q">"Search for"</label>
            <input id="search-page-q" type="search" name="q" value=query.clone() maxlength="200" />
            <button type="submit" class="button">"Search"</button>
        </form>
        {(!query.is_empty() && total == 0).then(|| view! {
            <div class="empty-state">
                <p>"Check the spelling, or search for part of it: a few letters of a name, the last digits of a number."</p>
                <p>"Orders (JNUOID-), subscriptions (SUB-) and packages (PKID-) are not searchable here yet."</p>
            </div>
        })}
        {groups
            .into_iter()
            .map(|g| {
                let heading = format!("{} ({}{})", g.label, g.hits.len(), if g.more { "+" } else { "" });
                view! {
                    <section class="search-group">
                        <h2>{heading}</h2>
                        <ul class="hits">
                            {g.hits
                                .into_iter()
                                .map(|h| view! {
                                    <li>
                                        <a href=h.href>{h.title}</a>
                                        <span class="muted">" " {h.detail}</span>
                                    </li>
                                })
                                .collect_view()}
                        </ul>
                        {g.more.then_some(view! { <p class="muted">"More match: search for more of it to narrow the list."</p> })}
                    </section>
                }
            })
            .collect_view()}
    }
}
