//! "Give a line": a member's page offers the Account's lines that have no
//! person yet, typed by their phone number (see `members::lines_given`).

use leptos::prelude::*;
use leptos::server_fn::ServerFn;

use super::api::GiveLines;
use crate::components::form::{field_error, ErrorSummary, Field, SubmitButton};

/// The phone-number field's label in the error summaries.
pub const LINES_FIELD: (&str, &str) = ("phone_numbers", "Phone numbers");

#[component]
pub fn GiveLinesForm(account_id: String, subscriber_id: String, name: String) -> impl IntoView {
    let action = ServerAction::<GiveLines>::new();
    let error = move || action.value().get().and_then(|r| r.err());
    view! {
        <section class="panel" aria-labelledby="give-lines-heading">
            <h2 id="give-lines-heading">{format!("Give {name} a line")}</h2>
            <ErrorSummary error=Signal::derive(error) fields=&[LINES_FIELD] />
            <ActionForm action attr:class="stack">
                <input type="hidden" name="account_id" value=account_id />
                <input type="hidden" name="subscriber_id" value=subscriber_id />
                <Field id="phone_numbers" label="Phone numbers" inputmode="tel" autocomplete="off" required=true
                    remember=GiveLines::PATH
                    hint="Lines of this account that have no person yet, in any format (e.g. 801 555 0123). Separate several with commas."
                    error=Signal::derive(move || field_error(error(), "phone_numbers")) />
                <SubmitButton label="Give the line" busy_label="Giving…" />
            </ActionForm>
        </section>
    }
}
