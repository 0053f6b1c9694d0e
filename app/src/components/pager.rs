use leptos::prelude::*;

/// Previous / next links with "Page N of M". `href_for(page)` builds the URL,
/// so paging state lives in the address bar and works without JavaScript.
#[component]
pub fn Pager(page: u32, total_pages: u32, href_for: impl Fn(u32) -> String + 'static) -> impl IntoView {
    let previous = (page > 1).then(|| href_for(page - 1));
    let next = (page < total_pages).then(|| href_for(page + 1));
    view! {
        <nav class="pager" aria-label="Pages">
            {match previous {
                Some(href) => view! { <a class="button" rel="prev" href=href>"← Previous"</a> }.into_any(),
                None => view! { <span class="button" aria-disabled="true">"← Previous"</span> }.into_any(),
            }}
            <span class="pager-status" aria-live="polite">{format!("Page {page} of {total_pages}")}</span>
            {match next {
                Some(href) => view! { <a class="button" rel="next" href=href>"Next →"</a> }.into_any(),
                None => view! { <span class="button" aria-disabled="true">"Next →"</span> }.into_any(),
            }}
        </nav>
    }
}
