//! What the AI Guardian does to a child's calls and messages, in words: on
//! the child's own page (`/me`) and on their page for the Manager.

use leptos::prelude::*;

use super::model::GuardianSummary;

#[component]
pub fn GuardianFacts(guardian: GuardianSummary) -> impl IntoView {
    let filtered = |on: bool| if on { "Filtered by AI Guardian" } else { "Not filtered" };
    view! {
        <dl class="facts">
            <dt>"Calls"</dt>
            <dd>{filtered(guardian.calls_on)}</dd>
            <dt>"Messages"</dt>
            <dd>{filtered(guardian.messages_on)}</dd>
            <dt>"Message filter"</dt>
            <dd>{guardian.message_filter.unwrap_or_else(|| "none".into())}</dd>
            <dt>"Allowed contacts"</dt>
            <dd>{guardian.allowed}</dd>
            <dt>"Blocked message contacts"</dt>
            <dd>{guardian.blocked}</dd>
            <dt>"Blocked callers"</dt>
            <dd>{guardian.calls_blocked}</dd>
        </dl>
    }
}
