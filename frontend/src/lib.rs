//! The browser bundle. The portal is rendered on the server and every page
//! works without JavaScript; the bundle only wakes the islands (the theme
//! switch, live threshold checks, the optimistic Guardian lists), keeps
//! plain form posts from being sent twice and focuses a refused form's
//! error summary.

// Linked for its `#[island]` exports, which `hydrate_islands` looks up by name.
extern crate telegent_app;

use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;

#[wasm_bindgen::prelude::wasm_bindgen]
pub fn hydrate() {
    console_error_panic_hook::set_once();
    // An island's action that succeeds redirects to the page it is on (with
    // `?saved=…`): the island already shows the result, so stay. Anything
    // else is followed.
    let _ = leptos::server_fn::redirect::set_redirect_hook(|to: &str| {
        let Some(window) = web_sys::window() else { return };
        let here = window.location().pathname().unwrap_or_default();
        let target = to.split(['?', '#']).next().unwrap_or_default();
        if target != here {
            let _ = window.location().set_href(to);
        }
    });
    leptos::mount::hydrate_islands();
    guard_form_posts();
    focus_error_summary();
    slash_focuses_search();
    copy_buttons();
    file_fills_textarea();
    // A marker for tests and tooling: the page is interactive from here on.
    if let Some(root) = leptos::prelude::document().document_element() {
        let _ = root.set_attribute("data-hydrated", "");
    }
}

/// Buttons `data-copy="…"` (see `components::copy`) put their text on the
/// clipboard and say so; they are hidden until this runs, as they need it.
fn copy_buttons() {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let Ok(buttons) = document.query_selector_all("button[data-copy]") else {
        return;
    };
    for i in 0..buttons.length() {
        let Some(button) = buttons.item(i).and_then(|n| n.dyn_into::<web_sys::HtmlElement>().ok()) else {
            continue;
        };
        button.set_hidden(false);
        let target = button.clone();
        let on_click = Closure::<dyn Fn()>::new(move || {
            let text = target.get_attribute("data-copy").unwrap_or_default();
            if let Some(window) = web_sys::window() {
                let _ = window.navigator().clipboard().write_text(&text);
            }
            target.set_text_content(Some("Copied"));
        });
        let _ = button.add_event_listener_with_callback("click", on_click.as_ref().unchecked_ref());
        on_click.forget();
    }
}

/// `/` anywhere but in a field puts the cursor in the top bar's search box
/// (staff pages have one), as many admin tools do.
fn slash_focuses_search() {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let on_key = Closure::<dyn Fn(web_sys::KeyboardEvent)>::new(|event: web_sys::KeyboardEvent| {
        if event.key() != "/" || event.ctrl_key() || event.meta_key() || event.alt_key() {
            return;
        }
        let typing = event
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
            .is_some_and(|e| {
                matches!(e.tag_name().as_str(), "INPUT" | "TEXTAREA" | "SELECT") || e.has_attribute("contenteditable")
            });
        if typing {
            return;
        }
        let search = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.get_element_by_id("global-search"))
            .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok());
        if let Some(search) = search {
            event.prevent_default();
            let _ = search.focus();
        }
    });
    let _ = document.add_event_listener_with_callback("keydown", on_key.as_ref().unchecked_ref());
    on_key.forget();
}

/// A refused form came back: its error summary takes the focus (browsers
/// that ignore `autofocus` on a non-field, or lost it while the page woke).
fn focus_error_summary() {
    let summary = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.query_selector("[data-error-summary]").ok().flatten())
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok());
    if let Some(summary) = summary {
        let _ = summary.focus();
    }
}

/// A plain form post (outside an island) is sent once: the first submit
/// marks the form and the pressed button busy (with its `data-busy-label`);
/// a second press while the page loads is ignored. Coming back to the page
/// (history, back-forward cache) or 15 s without a new page clears the marks.
fn guard_form_posts() {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let on_submit = Closure::<dyn Fn(web_sys::SubmitEvent)>::new(|event: web_sys::SubmitEvent| {
        // Already stopped (by an island or the browser): nothing is sent.
        if event.default_prevented() {
            return;
        }
        let Some(form) = event.target().and_then(|t| t.dyn_into::<web_sys::Element>().ok()) else {
            return;
        };
        // Islands send their own forms and show their own progress; a search
        // (GET) form changes nothing and may be sent again at will.
        let is_get = form
            .get_attribute("method")
            .is_none_or(|m| m.eq_ignore_ascii_case("get"));
        if is_get || form.closest("leptos-island").ok().flatten().is_some() {
            return;
        }
        if form.has_attribute("data-submitting") {
            event.prevent_default();
            return;
        }
        let _ = form.set_attribute("data-submitting", "");
        // The button that was pressed says it is working.
        if let Some(button) = event.submitter() {
            let _ = button.set_attribute("aria-busy", "true");
            if let Some(busy) = button.get_attribute("data-busy-label") {
                let label = button.text_content().unwrap_or_default();
                let _ = button.set_attribute("data-label", &label);
                button.set_text_content(Some(&busy));
            }
        }
        // Should the page never change (the person stopped the load, a
        // download came back), the form opens again after a while.
        let stuck = form.clone();
        let reopen = Closure::once_into_js(move || release(&stuck));
        if let Some(window) = web_sys::window() {
            let _ = window.set_timeout_with_callback_and_timeout_and_arguments_0(reopen.unchecked_ref(), 15_000);
        }
    });
    let _ = document.add_event_listener_with_callback("submit", on_submit.as_ref().unchecked_ref());
    on_submit.forget();
    let on_show = Closure::<dyn Fn()>::new(|| {
        let Some(document) = web_sys::window().and_then(|w| w.document()) else {
            return;
        };
        if let Ok(forms) = document.query_selector_all("form[data-submitting]") {
            for i in 0..forms.length() {
                if let Some(form) = forms.item(i).and_then(|n| n.dyn_into::<web_sys::Element>().ok()) {
                    release(&form);
                }
            }
        }
    });
    if let Some(window) = web_sys::window() {
        let _ = window.add_event_listener_with_callback("pageshow", on_show.as_ref().unchecked_ref());
    }
    on_show.forget();
}

/// Takes a form's busy mark off, and its button's label back.
fn release(form: &web_sys::Element) {
    let _ = form.remove_attribute("data-submitting");
    let Ok(buttons) = form.query_selector_all("button[aria-busy]") else {
        return;
    };
    for i in 0..buttons.length() {
        let Some(button) = buttons.item(i).and_then(|n| n.dyn_into::<web_sys::Element>().ok()) else {
            continue;
        };
        let _ = button.remove_attribute("aria-busy");
        if let Some(label) = button.get_attribute("data-label") {
            button.set_text_content(Some(&label));
        }
    }
}

/// A file field `data-fills="<textarea id>"` (the bulk port-in's CSV) reads
/// the chosen file into that textarea, so a file can be picked instead of
/// pasted. Hidden until this runs: without JavaScript the text is pasted.
fn file_fills_textarea() {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let Ok(inputs) = document.query_selector_all("input[type=file][data-fills]") else {
        return;
    };
    for i in 0..inputs.length() {
        let Some(input) = inputs
            .item(i)
            .and_then(|n| n.dyn_into::<web_sys::HtmlInputElement>().ok())
        else {
            continue;
        };
        if let Some(field) = input.closest("[data-js-only]").ok().flatten() {
            let _ = field.remove_attribute("hidden");
        }
        let target = input.clone();
        let on_change = Closure::<dyn Fn()>::new(move || {
            let Some(file) = target.files().and_then(|files| files.get(0)) else {
                return;
            };
            let Some(area) = target
                .get_attribute("data-fills")
                .and_then(|id| web_sys::window()?.document()?.get_element_by_id(&id))
                .and_then(|e| e.dyn_into::<web_sys::HtmlTextAreaElement>().ok())
            else {
                return;
            };
            let Ok(reader) = web_sys::FileReader::new() else {
                return;
            };
            let read = reader.clone();
            let on_load = Closure::once_into_js(move || {
                if let Some(text) = read.result().ok().and_then(|r| r.as_string()) {
                    area.set_value(&text);
                }
            });
            reader.set_onload(Some(on_load.unchecked_ref()));
            let _ = reader.read_as_text(&file);
        });
        let _ = input.add_event_listener_with_callback("change", on_change.as_ref().unchecked_ref());
        on_change.forget();
    }
}
