//! The role section of a member's page (see `members::role`).

use leptos::prelude::*;
use leptos::server_fn::ServerFn;

use super::api::ChangeMemberRole;
use super::model::MemberRole;
use crate::components::form::{field_error, Choice, ErrorSummary, SelectField, SubmitButton};

const ROLE_FIELDS: &[(&str, &str)] = &[("role", "Role"), ("second_manager", "Second Manager")];

#[component]
pub fn RoleForm(
    account_id: String,
    subscriber_id: String,
    current: MemberRole,
    choices: Vec<MemberRole>,
) -> impl IntoView {
    let action = ServerAction::<ChangeMemberRole>::new();
    let error = move || action.value().get().and_then(|r| r.err());
    let choices: Vec<Choice> = choices
        .iter()
        .map(|r| Choice::new(r.label().to_string(), r.label().to_string()))
        .collect();
    view! {
        <section class="panel" aria-labelledby="role-heading">
            <h2 id="role-heading">"Role in this account"</h2>
            <ErrorSummary error=Signal::derive(error) fields=ROLE_FIELDS />
            <ActionForm action attr:class="stack">
                <input type="hidden" name="account_id" value=account_id />
                <input type="hidden" name="subscriber_id" value=subscriber_id />
                <SelectField id="role" label="Role" choices selected=current.label().to_string()
                    remember=ChangeMemberRole::PATH
                    hint="A Manager looks after the members, their plans, limits and Guardian settings; an Account Admin also the routes and billing."
                    error=Signal::derive(move || field_error(error(), "role")) />
                // Asked only after the warning (the Account has a Manager already).
                {move || field_error(error(), "second_manager").map(|message| view! {
                    <div class="check">
                        <input type="checkbox" id="second_manager" name="second_manager" aria-describedby="second_manager-error" />
                        <label for="second_manager">"Yes, this account will have two Managers"</label>
                    </div>
                    <p class="field-error" id="second_manager-error">{message}</p>
                })}
                <SubmitButton label="Change role" busy_label="Changing…" />
            </ActionForm>
        </section>
    }
}
