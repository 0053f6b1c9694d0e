//! A Telegent ID people copy into tickets and calls: shown as selectable
//! text, with a Copy button the browser bundle reveals and wires (without
//! JavaScript the text is still there to select).

use leptos::prelude::*;

#[component]
pub fn CopyableId(id: String) -> impl IntoView {
    view! {
        <span class="copyable">
            <code class="id-text">{id.clone()}</code>
            " "
            <button type="button" class="button compact" data-copy=id hidden=true>"Copy ID"</button>
        </span>
    }
}
