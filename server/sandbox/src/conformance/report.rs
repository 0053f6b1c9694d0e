//! The suite's result: one row per operation, and the table that goes into
//! `server/sandbox/COVERAGE.md`.

use crate::spec::Operation;

#[derive(Debug, Clone)]
pub struct Outcome {
    /// Position in the reference (0-based).
    pub index: usize,
    pub key: String,
    pub status: u16,
    /// The documented example request was accepted (2xx).
    pub accepted: bool,
    /// Why it was refused, when it was.
    pub refusal: Option<String>,
    /// Differences from the documented answer (keys, types, placeholders).
    pub shape: Vec<String>,
    /// Refusals that lack the documented status or error body.
    pub refusals: Vec<String>,
}

impl Outcome {
    pub(super) fn new(index: usize, op: &Operation) -> Self {
        Self {
            index,
            key: op.key(),
            status: 0,
            accepted: false,
            refusal: None,
            shape: Vec::new(),
            refusals: Vec::new(),
        }
    }

    pub(super) fn refused(&mut self, status: u16, why: String) {
        self.status = status;
        self.refusal = Some(why);
    }

    pub fn shape_matches(&self) -> bool {
        self.accepted && self.shape.is_empty()
    }

    /// Where the reference contradicts itself about this operation's answer,
    /// so a shape difference is the sandbox's documented choice.
    pub fn explanation(&self) -> Option<&'static str> {
        CONTRADICTIONS.iter().find(|(k, _)| *k == self.key).map(|(_, why)| *why)
    }

    /// A difference nobody has explained.
    pub fn is_unexplained(&self) -> bool {
        !self.accepted || !self.refusals.is_empty() || (!self.shape.is_empty() && self.explanation().is_none())
    }
}

/// Operations whose documented answer contradicts another part of the
/// reference; the sandbox follows the part named here.
pub const CONTRADICTIONS: &[(&str, &str)] = &[(
    "GET /v1.0/distributor/accounts",
    "reference contradicts itself: the example shows one Account object, the description (and every client) a list of them; the sandbox answers the list",
)];

#[derive(Debug, Clone)]
pub struct Report {
    pub base_url: String,
    /// Set when the suite could not start (no IDs found).
    pub setup_error: Option<String>,
    pub outcomes: Vec<Outcome>,
}

impl Report {
    pub(super) fn new(base_url: String, outcomes: Vec<Outcome>) -> Self {
        Self {
            base_url,
            setup_error: None,
            outcomes,
        }
    }

    pub(super) fn failed(base_url: String, why: String) -> Self {
        Self {
            base_url,
            setup_error: Some(why),
            outcomes: Vec::new(),
        }
    }

    pub fn accepted(&self) -> usize {
        self.outcomes.iter().filter(|o| o.accepted).count()
    }

    pub fn shape_matching(&self) -> usize {
        self.outcomes.iter().filter(|o| o.shape_matches()).count()
    }

    pub fn unexplained(&self) -> Vec<&Outcome> {
        self.outcomes.iter().filter(|o| o.is_unexplained()).collect()
    }

    /// Everything passed, or differs only where the reference contradicts itself.
    pub fn passed(&self) -> bool {
        self.setup_error.is_none() && !self.outcomes.is_empty() && self.unexplained().is_empty()
    }

    pub fn summary(&self) -> String {
        if let Some(e) = &self.setup_error {
            return format!("conformance against {}: not run: {e}", self.base_url);
        }
        let explained = self
            .outcomes
            .iter()
            .filter(|o| o.accepted && !o.shape.is_empty() && o.explanation().is_some())
            .count();
        format!(
            "{} operations: {} requests accepted, {} answers in the documented shape, {} differences explained by the reference, {} unexplained",
            self.outcomes.len(),
            self.accepted(),
            self.shape_matching(),
            explained,
            self.unexplained().len()
        )
    }

    /// The result table (Markdown), in the reference's order.
    pub fn markdown(&self) -> String {
        let mut out = format!(
            "{}\n\n| # | operation | request accepted | response shape | mismatches |\n|---|---|---|---|---|\n",
            self.summary()
        );
        for o in &self.outcomes {
            let accepted = if o.accepted {
                format!("yes ({})", o.status)
            } else {
                format!("**no** ({}: {})", o.status, o.refusal.clone().unwrap_or_default())
            };
            let shape = match (o.accepted, o.shape.is_empty()) {
                (false, _) => "–",
                (true, true) => "matches",
                (true, false) if o.explanation().is_some() => "differs (explained)",
                (true, false) => "**differs**",
            };
            let mut notes: Vec<String> = o
                .shape
                .iter()
                .chain(&o.refusals)
                .map(|m| m.replace('|', "\\|"))
                .collect();
            if let (Some(why), false) = (o.explanation(), o.shape.is_empty()) {
                notes.push(why.to_string());
            }
            out.push_str(&format!(
                "| {} | `{}` | {} | {} | {} |\n",
                o.index + 1,
                o.key,
                accepted,
                shape,
                notes.join("<br>")
            ));
        }
        out
    }
}
