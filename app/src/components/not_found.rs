use leptos::prelude::*;
use leptos_meta::Title;

use crate::components::problem::Problem;
use crate::error::AppError;

/// Unknown URLs (answered with HTTP 404 on the server).
#[component]
pub fn NotFound() -> impl IntoView {
    view! {
        <Title text="Not found" />
        <Problem error=AppError::NotFound />
    }
}
