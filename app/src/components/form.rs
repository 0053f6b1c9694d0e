//! The form kit every form is built from: labelled fields with their error
//! at the field (announced, and linked by `aria-describedby`), the
//! form-level error, a submit button that shows it is working, and the
//! confirm step before destructive or billable actions.
//!
//! Field `id`s double as the posted `name`s, which are the server
//! function's argument (or form struct field) names, so a form posts the
//! same with or without JavaScript.

use leptos::prelude::*;

use crate::error::AppError;

/// The message for `field`, if the last submission failed there.
pub fn field_error(error: Option<AppError>, field: &'static str) -> Option<String> {
    error.and_then(|e| e.field_message(field))
}

/// The error to show above a form: one that belongs to none of its fields
/// (those show at the field instead).
pub fn form_level(error: Option<AppError>, fields: &[&str]) -> Option<AppError> {
    error.filter(|e| !fields.iter().any(|f| e.field_message(f).is_some()))
}

/// The last error of a server action, for the form that posts it.
pub fn action_error<S>(action: ServerAction<S>) -> impl Fn() -> Option<AppError> + Copy + Send + Sync + 'static
where
    S: leptos::server_fn::ServerFn<Error = AppError> + Clone + Send + Sync + 'static,
    S::Output: Clone + Send + Sync + 'static,
{
    move || action.value().get().and_then(|r| r.err())
}

/// ARIA ids for a field's hint and error, present only when shown.
fn described_by(id: &'static str, has_hint: bool, has_error: bool) -> Option<String> {
    let mut ids = Vec::new();
    if has_hint {
        ids.push(format!("{id}-hint"));
    }
    if has_error {
        ids.push(format!("{id}-error"));
    }
    (!ids.is_empty()).then(|| ids.join(" "))
}

/// The error line under a field.
#[component]
fn FieldMessage(id: &'static str, #[prop(into)] error: Signal<Option<String>>) -> impl IntoView {
    let error_id = format!("{id}-error");
    move || {
        error
            .get()
            .map(|message| view! { <p class="field-error" id=error_id.clone()>{message}</p> })
    }
}

/// A labelled input with its hint and error.
#[component]
pub fn Field(
    id: &'static str,
    label: &'static str,
    #[prop(default = "text")] kind: &'static str,
    #[prop(optional)] autocomplete: Option<&'static str>,
    #[prop(optional)] inputmode: Option<&'static str>,
    #[prop(optional)] hint: Option<&'static str>,
    #[prop(optional, into)] value: Option<String>,
    #[prop(optional)] required: bool,
    #[prop(into, default = Signal::derive(|| None::<String>))] error: Signal<Option<String>>,
    /// The server function the form posts to: after a refusal the field
    /// comes back with what was typed (see `components::typed`).
    #[prop(optional)]
    remember: Option<&'static str>,
) -> impl IntoView {
    let hint_id = format!("{id}-hint");
    let value = remember.and_then(|path| super::typed::typed(path, id)).or(value);
    view! {
        <div class="field">
            <label for=id>{label}</label>
            {hint.map(|h| view! { <p class="hint" id=hint_id.clone()>{h}</p> })}
            <input
                id=id
                name=id
                type=kind
                autocomplete=autocomplete
                inputmode=inputmode
                value=value
                required=required
                aria-invalid=move || error.get().is_some().then_some("true")
                aria-describedby=move || described_by(id, hint.is_some(), error.get().is_some())
            />
            <FieldMessage id error />
        </div>
    }
}

/// One choice of a select: the posted value and what people read.
#[derive(Debug, Clone, PartialEq)]
pub struct Choice {
    pub value: String,
    pub label: String,
}

impl Choice {
    pub fn new(value: impl Into<String>, label: impl Into<String>) -> Self {
        Self {
            value: value.into(),
            label: label.into(),
        }
    }
}

/// A labelled select with its hint and error.
#[component]
pub fn SelectField(
    id: &'static str,
    label: &'static str,
    choices: Vec<Choice>,
    #[prop(optional, into)] selected: String,
    #[prop(optional)] hint: Option<&'static str>,
    #[prop(optional)] disabled: bool,
    #[prop(into, default = Signal::derive(|| None::<String>))] error: Signal<Option<String>>,
    /// As for [`Field`]: after a refusal, the choice that was posted.
    #[prop(optional)]
    remember: Option<&'static str>,
) -> impl IntoView {
    let hint_id = format!("{id}-hint");
    let selected = remember
        .and_then(|path| super::typed::typed(path, id))
        .unwrap_or(selected);
    view! {
        <div class="field">
            <label for=id>{label}</label>
            {hint.map(|h| view! { <p class="hint" id=hint_id.clone()>{h}</p> })}
            <select
                id=id
                name=id
                disabled=disabled
                aria-invalid=move || error.get().is_some().then_some("true")
                aria-describedby=move || described_by(id, hint.is_some(), error.get().is_some())
            >
                {choices
                    .into_iter()
                    .map(|c| {
                        let is_selected = c.value == selected;
                        view! { <option value=c.value selected=is_selected>{c.label}</option> }
                    })
                    .collect_view()}
            </select>
            <FieldMessage id error />
        </div>
    }
}

/// One labelled checkbox (posted as `name=on` when ticked).
#[component]
pub fn Checkbox(
    id: &'static str,
    #[prop(optional)] name: Option<&'static str>,
    #[prop(into)] label: String,
    #[prop(optional)] checked: bool,
    #[prop(optional)] disabled: bool,
) -> impl IntoView {
    view! {
        <div class="check">
            <input type="checkbox" id=id name=name.unwrap_or(id) checked=checked disabled=disabled />
            <label for=id>{label}</label>
        </div>
    }
}

/// One box of a checkbox group.
#[derive(Debug, Clone, PartialEq)]
pub struct CheckChoice {
    /// The element id (unique on the page).
    pub id: String,
    pub value: String,
    pub label: String,
    pub checked: bool,
}

/// Several checkboxes posting one list (`name` should end in `[]`), with
/// the group's error under its legend.
#[component]
pub fn CheckboxGroup(
    id: &'static str,
    legend: &'static str,
    name: &'static str,
    choices: Vec<CheckChoice>,
    #[prop(into, default = Signal::derive(|| None::<String>))] error: Signal<Option<String>>,
) -> impl IntoView {
    view! {
        <fieldset class="field" aria-describedby=move || described_by(id, false, error.get().is_some())>
            <legend>{legend}</legend>
            <FieldMessage id error />
            <ul class="check-list">
                {choices
                    .into_iter()
                    .map(|c| {
                        view! {
                            <li class="check">
                                <input type="checkbox" id=c.id.clone() name=name value=c.value checked=c.checked />
                                <label for=c.id>{c.label}</label>
                            </li>
                        }
                    })
                    .collect_view()}
            </ul>
        </fieldset>
    }
}

/// The error of a whole form (or of a part of a page), announced.
#[component]
pub fn FormError(#[prop(into)] error: Signal<Option<String>>) -> impl IntoView {
    move || {
        error
            .get()
            .map(|message| view! { <p class="form-error" role="alert">{message}</p> })
    }
}

/// What a refused submit says, above its form: every field's message as a
/// link to that field, and any message that belongs to none. It takes the
/// focus when the page comes back (`autofocus` without JavaScript, the
/// browser bundle with it) and is announced (`role="alert"`), so people on a
/// screen reader or a small screen learn at once that the form was refused.
///
/// `fields` are the form's (id, label) pairs: the ids double as the names
/// the server's `AppError::Invalid` uses.
#[component]
pub fn ErrorSummary(
    #[prop(into)] error: Signal<Option<AppError>>,
    fields: &'static [(&'static str, &'static str)],
) -> impl IntoView {
    move || {
        error.get().map(|error| {
            let at_fields: Vec<(String, String)> = fields
                .iter()
                .filter_map(|(id, label)| {
                    error
                        .field_message(id)
                        .map(|m| (format!("#{id}"), format!("{label}: {m}")))
                })
                .collect();
            let ids: Vec<&str> = fields.iter().map(|(id, _)| *id).collect();
            let other = form_level(Some(error), &ids).map(|e| e.to_string());
            let title = match at_fields.len() {
                0 => None,
                1 => Some("Check this field:".to_string()),
                n => Some(format!("Check these {n} fields:")),
            };
            view! {
                <div class="error-summary" role="alert" tabindex="-1" autofocus=true data-error-summary="">
                    {other.map(|m| view! { <p>{m}</p> })}
                    {title.map(|t| view! { <p class="error-summary-title">{t}</p> })}
                    {(!at_fields.is_empty()).then(|| view! {
                        <ul>
                            {at_fields
                                .into_iter()
                                .map(|(href, text)| view! { <li><a href=href>{text}</a></li> })
                                .collect_view()}
                        </ul>
                    })}
                </div>
            }
        })
    }
}

/// A failed part of a page: says what happened without replacing the page.
#[component]
pub fn InlineProblem(error: AppError) -> impl IntoView {
    view! { <p class="form-error" role="alert">{error.to_string()}</p> }
}

/// A submit button that says it is working while its form is sent and
/// cannot be pressed a second time meanwhile: inside an island, from its
/// action's `pending`; for a plain form post, the browser bundle marks it
/// busy with `busy_label` and ignores a second press (see `frontend`).
/// Without JavaScript the browser's own page load shows progress.
#[component]
pub fn SubmitButton(
    #[prop(into)] label: String,
    #[prop(into, default = Signal::derive(|| false))] pending: Signal<bool>,
    #[prop(default = "Working…")] busy_label: &'static str,
    #[prop(default = "button primary")] class: &'static str,
) -> impl IntoView {
    view! {
        <button
            type="submit"
            class=class
            disabled=move || pending.get()
            aria-busy=move || pending.get().then_some("true")
            data-busy-label=busy_label
        >
            {move || if pending.get() { busy_label.to_string() } else { label.clone() }}
        </button>
    }
}

/// A destructive or billable action kept behind one more step: `summary`
/// opens it, the children say what will happen and hold the real submit.
/// Opened again after a refused try, so its message is seen.
#[component]
pub fn ConfirmStep(
    #[prop(into)] summary: String,
    #[prop(into, default = Signal::derive(|| false))] open: Signal<bool>,
    children: Children,
) -> impl IntoView {
    view! {
        <details class="confirm" open=move || open.get()>
            <summary class="button danger">{summary}</summary>
            {children()}
        </details>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn field_errors_stay_at_their_field_and_the_rest_shows_above_the_form() {
        let at_pin = Some(AppError::invalid("pin", "4 to 10 digits."));
        assert_eq!(field_error(at_pin.clone(), "pin").as_deref(), Some("4 to 10 digits."));
        assert_eq!(field_error(at_pin.clone(), "email"), None);
        assert_eq!(form_level(at_pin, &["pin", "email"]), None);
        assert_eq!(
            form_level(Some(AppError::Forbidden), &["pin"]),
            Some(AppError::Forbidden)
        );
    }

    #[test]
    fn aria_names_only_what_is_shown() {
        assert_eq!(described_by("day", true, false).as_deref(), Some("day-hint"));
        assert_eq!(described_by("day", true, true).as_deref(), Some("day-hint day-error"));
        assert_eq!(described_by("day", false, false), None);
    }
}
