use leptos::prelude::*;

/// One step of the trail Distributor → Account → Subscriber → Number.
#[derive(Debug, Clone, PartialEq)]
pub struct Crumb {
    pub label: String,
    /// `None` for the current page (the last crumb).
    pub href: Option<String>,
}

impl Crumb {
    pub fn link(label: impl Into<String>, href: impl Into<String>) -> Self {
        Self {
            label: label.into(),
            href: Some(href.into()),
        }
    }
    /// A step above the current page that the caller cannot open.
    pub fn here_parent(label: impl Into<String>) -> Self {
        Self {
            label: label.into(),
            href: None,
        }
    }
    pub fn here(label: impl Into<String>) -> Self {
        Self {
            label: label.into(),
            href: None,
        }
    }
}

#[component]
pub fn Breadcrumbs(crumbs: Vec<Crumb>) -> impl IntoView {
    view! {
        <nav class="breadcrumbs" aria-label="Breadcrumb">
            <ol>
                {
                    let last = crumbs.len().saturating_sub(1);
                    crumbs
                        .into_iter()
                        .enumerate()
                        .map(|(i, c)| match c.href {
                            Some(href) => view! { <li><a href=href>{c.label}</a></li> }.into_any(),
                            None => view! {
                                <li><span aria-current=(i == last).then_some("page")>{c.label}</span></li>
                            }
                            .into_any(),
                        })
                        .collect_view()
                }
            </ol>
        </nav>
    }
}
