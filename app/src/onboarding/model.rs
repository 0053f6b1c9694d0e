//! What the onboarding checklist shows and posts.

use serde::{Deserialize, Serialize};

/// Where a step stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum StepState {
    /// Telegent's state or the portal's records show it done.
    Done,
    /// Not yet; `missing` says what and what it waits for.
    ToDo,
    /// Its section was marked not in scope (with a reason).
    NotInScope,
    /// No API can show it (a SIP keepalive, a call, a parsed CDR): both
    /// teams confirm it on the sign-off call.
    AtSignOff,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct StepView {
    /// As the partner checklist numbers it: "1", "8a"…
    pub number: String,
    pub task: String,
    /// Partner or Joint.
    pub owner: String,
    pub state: StepState,
    /// The ID to keep (prefix) and its value once it exists.
    pub id_label: String,
    pub id_value: String,
    /// In plain words: what is missing and what it depends on (ToDo), or
    /// what showed it done.
    pub note: String,
    /// The page that does it (empty: none yet).
    pub href: String,
    pub link_label: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SectionView {
    /// The scope key when the section may be skipped (accounts, porting_in…).
    pub scope_key: String,
    pub title: String,
    pub skip_hint: String,
    /// Marked not in scope: the reason, who and when.
    pub out_of_scope: Option<ScopeMark>,
    pub steps: Vec<StepView>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ScopeMark {
    pub reason: String,
    pub by: String,
    pub at: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SignOff {
    pub by: String,
    pub telegent_contact: String,
    pub at: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ChecklistPage {
    /// Empty: the Distributor's checklist (every Account counts).
    pub account_id: String,
    pub title: String,
    pub distributor_id: String,
    /// A Platform admin's Distributor (kept in links), else empty.
    pub distributor_param: String,
    pub sections: Vec<SectionView>,
    pub done: usize,
    pub in_scope: usize,
    pub signed_off: Option<SignOff>,
    /// Steps still to do before the sign-off.
    pub blocking_sign_off: Vec<String>,
    pub can_manage: bool,
    /// The caller may create what the steps link to (routes, catalog):
    /// false for a viewer, whose checklist shows no "New …" links.
    #[serde(default)]
    pub can_set_up: bool,
    /// The Distributor's checklist: its Accounts and how far each is.
    pub accounts: Vec<AccountProgress>,
    /// The Distributor's Accounts in all (the list shows the first few).
    pub account_total: usize,
    /// A Platform admin without a Distributor: the ones to choose from.
    pub choose_distributor: Vec<(String, String)>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AccountProgress {
    pub account_id: String,
    pub name: String,
    pub signed_off: bool,
}

/// Marks a section not in scope (a reason) or back in scope (`undo`).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ScopeForm {
    #[serde(default)]
    pub account_id: String,
    #[serde(default)]
    pub distributor_id: String,
    #[serde(default)]
    pub section: String,
    #[serde(default)]
    pub reason: String,
    #[serde(default)]
    pub undo: Option<String>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct SignOffForm {
    #[serde(default)]
    pub account_id: String,
    #[serde(default)]
    pub distributor_id: String,
    #[serde(default)]
    pub telegent_contact: String,
    #[serde(default)]
    pub confirm: Option<String>,
}
