//! The partner checklist (Telegent's onboarding phase 3) in dependency
//! order, and how each step is judged from [`Facts`]: what Telegent and the
//! portal's records show, never a box someone ticked. Pure, so every rule
//! is tested without a server.

use std::collections::HashMap;

use super::model::{ScopeMark, SectionView, StepState, StepView};
use crate::links;

/// What is known of one Account (or of the whole Distributor) when the
/// checklist is drawn. Each `Option` holds the first ID that shows the step
/// done.
#[derive(Debug, Clone, Default)]
pub struct Facts {
    /// The Account of this checklist (`None`: the Distributor's).
    pub account_id: Option<String>,
    /// A Platform admin's Distributor, kept in catalog links.
    pub distributor_param: String,
    pub account: Option<String>,
    pub product: Option<String>,
    pub package: Option<String>,
    pub message_route: Option<String>,
    pub voice_route: Option<String>,
    pub subscriber: Option<String>,
    /// (number ID, E.164).
    pub number: Option<(String, String)>,
    pub status_changed: bool,
    pub eligibility_checked: bool,
    pub port_in_order: Option<String>,
    pub port_in_updated: bool,
    pub port_in_cancelled: bool,
    pub port_in_monitored: bool,
    pub port_out_pin: bool,
    pub subscription: Option<String>,
    pub outbound_delivered: bool,
    pub inbound_received: bool,
    pub mms: bool,
    /// A line on a voice route (E.164).
    pub line_on_voice_route: Option<String>,
    /// A line that used data this cycle (E.164).
    pub line_with_data: Option<String>,
}

/// The sections that may be marked not in scope, with the checklist's words.
pub const SCOPES: [(&str, &str); 6] = [
    ("accounts", "Skip if operating under a single account."),
    ("porting_in", "If porting numbers in is in scope."),
    ("porting_out", "If porting numbers out is in scope."),
    ("mms", "If MMS is in scope."),
    ("voice", "Skip if voice is not in scope."),
    ("data", "Skip if data is not in scope."),
];

pub fn is_scope(key: &str) -> bool {
    SCOPES.iter().any(|(k, _)| *k == key)
}

enum Judge {
    /// Done when the fact holds; otherwise what is missing.
    Fact(bool, String),
    /// No API shows it: confirmed at the sign-off.
    AtSignOff,
}

struct Step {
    number: &'static str,
    task: &'static str,
    owner: &'static str,
    id_label: &'static str,
    id_value: String,
    judge: Judge,
    done_note: String,
    href: String,
    link_label: &'static str,
    /// Skipped with this section rather than its own (the voice route
    /// sits among the routes but is needed only when voice is in scope).
    scope: Option<&'static str>,
}

fn step(number: &'static str, task: &'static str) -> Step {
    Step {
        number,
        task,
        owner: "Partner",
        id_label: "",
        id_value: String::new(),
        judge: Judge::AtSignOff,
        done_note: String::new(),
        href: String::new(),
        link_label: "",
        scope: None,
    }
}

impl Step {
    fn id(mut self, label: &'static str, value: Option<&str>) -> Self {
        self.id_label = label;
        self.id_value = value.unwrap_or_default().to_string();
        self
    }
    fn when(mut self, done: bool, missing: impl Into<String>) -> Self {
        self.judge = Judge::Fact(done, missing.into());
        self
    }
    fn noted(mut self, note: impl Into<String>) -> Self {
        self.done_note = note.into();
        self
    }
    fn link(mut self, href: String, label: &'static str) -> Self {
        self.href = href;
        self.link_label = label;
        self
    }
    fn skipped_with(mut self, scope: &'static str) -> Self {
        self.scope = Some(scope);
        self
    }
    fn joint(mut self) -> Self {
        self.owner = "Joint";
        self
    }
}

/// The checklist's sections with every step judged. `marks`: sections
/// marked not in scope; `signed`: the joint sign-off is recorded.
pub fn sections(f: &Facts, marks: &HashMap<String, ScopeMark>, signed: bool) -> Vec<SectionView> {
    let aid = f.account_id.clone().unwrap_or_default();
    let on_account = |href: fn(&str) -> String, fallback: String| {
        if aid.is_empty() {
            fallback
        } else {
            href(&aid)
        }
    };
    let d = f.distributor_param.as_str();
    let routes_link = on_account(links::routes, links::staff_home());
    let number_shown = f
        .number
        .as_ref()
        .map(|(_, e164)| telegent::phone::format_for_display(e164));
    let no_number = "Needs a number first (step 7).";
    // The test line's page (an Account's checklist: the line is its own),
    // where its status changes and its port-out PIN are done.
    let line_page = match (&f.number, aid.is_empty()) {
        (Some((_, e164)), false) => links::line(&aid, e164),
        _ => String::new(),
    };
    let portin_missing = "No port-in yet: start one on the Port-ins page (eligibility first).";
    let port_ins = links::port_ins("", "");
    let raw: Vec<(&str, &str, Vec<Step>)> = vec![
        (
            "accounts",
            "Accounts — child Accounts under the Distributor",
            vec![step("1", "Create a child Account under the Distributor.")
                .id("AID-", f.account.as_deref())
                .when(f.account.is_some(), "No Account yet: create one.")
                .link(
                    if aid.is_empty() {
                        links::new_account("")
                    } else {
                        links::account(&aid)
                    },
                    if aid.is_empty() { "New Account" } else { "The Account" },
                )],
        ),
        (
            "",
            "Products — SKUs that will be billed",
            vec![step("2", "Create one or more Products.")
                .id("PRID- (the guide says PID-)", f.product.as_deref())
                .when(
                    f.product.is_some(),
                    "No active product this Account can use: create one.",
                )
                .link(links::new_product(d), "New product")],
        ),
        (
            "",
            "Packages — products bundled into priced offerings",
            vec![step("3", "Create a Package bundling one or more Products.")
                .id("PKID-", f.package.as_deref())
                .when(
                    f.package.is_some(),
                    if f.product.is_some() {
                        "No active package yet: bundle the product into one."
                    } else {
                        "Needs a product first (step 2)."
                    },
                )
                .link(links::new_package(d), "New package")],
        ),
        (
            "",
            "Routes — message and voice routing",
            vec![
                step(
                    "4",
                    "Create a Message Route (required before any number is provisioned).",
                )
                .id("MRID-", f.message_route.as_deref())
                .when(f.message_route.is_some(), "No message route yet: create one.")
                .link(
                    on_account(links::new_message_route, routes_link.clone()),
                    "New message route",
                ),
                step("5", "Create a Voice Route (for SIP partners, pointing at your SBC).")
                    .id("CRID-", f.voice_route.as_deref())
                    .when(
                        f.voice_route.is_some(),
                        "No voice route yet: create one (or mark Voice not in scope).",
                    )
                    .link(
                        on_account(links::new_voice_route, routes_link.clone()),
                        "New voice route",
                    )
                    .skipped_with("voice"),
            ],
        ),
        (
            "",
            "Subscribers — the end-user record",
            vec![step("6", "Create a Subscriber.")
                .id("TSUID-", f.subscriber.as_deref())
                .when(
                    f.subscriber.is_some(),
                    "No subscriber yet: add a member to the Account.",
                )
                .link(on_account(links::account, links::subscribers()), "Members")],
        ),
        (
            "",
            "Mobile numbers — provisioning and lifecycle",
            vec![
                step("7", "Provision a test number.")
                    .id("TNID-", f.number.as_ref().map(|(id, _)| id.as_str()))
                    .when(
                        f.number.is_some(),
                        if f.message_route.is_some() {
                            "No number yet: provision one (it needs the message route)."
                        } else {
                            "Needs a message route first (step 4)."
                        },
                    )
                    .noted(number_shown.clone().map(|n| format!("Line {n}")).unwrap_or_default()),
                step("8", "Test status changes (suspend, restore, deactivate, reactivate).")
                    .when(
                        f.status_changed,
                        if f.number.is_some() {
                            "No status change yet on a test number."
                        } else {
                            no_number
                        },
                    )
                    .link(line_page.clone(), "The line's status"),
            ],
        ),
        (
            "porting_in",
            "Port-in — the full lifecycle",
            vec![
                step("8a", "Check eligibility before collecting the subscriber's details.")
                    .when(f.eligibility_checked, portin_missing)
                    .link(port_ins.clone(), "Port-ins"),
                step(
                    "8b",
                    "Submit a port-in after the LOA is signed and the current carrier's details are confirmed.",
                )
                .id("JNUOID-", f.port_in_order.as_deref())
                .when(f.port_in_order.is_some(), portin_missing)
                .link(port_ins.clone(), "Port-ins"),
                step(
                    "8c",
                    "Update a port-in with its order ID (simulate a carrier rejection's correction).",
                )
                .when(f.port_in_updated, "Needs a submitted port-in (8b)."),
                step("8d", "Cancel a port-in (final: a fresh submit is needed to retry).")
                    .when(f.port_in_cancelled, "Needs a submitted port-in (8b)."),
                step("8e", "Monitor the order's status until it ends.").when(
                    f.port_in_monitored,
                    "Needs a submitted port-in (8b) read back at least once.",
                ),
            ],
        ),
        (
            "porting_out",
            "Port-out — PIN issuance",
            vec![step("8f", "Issue a port-out PIN for a test number.")
                .when(
                    f.port_out_pin,
                    if f.number.is_some() {
                        "No port-out PIN issued yet."
                    } else {
                        no_number
                    },
                )
                .link(line_page.clone(), "The line's status")],
        ),
        (
            "",
            "Subscriptions — the billing relationship",
            vec![step("9", "Create a Subscription (subscriber, number, ICCID, package).")
                .id("SUB-", f.subscription.as_deref())
                .when(f.subscription.is_some(), {
                    let mut needs = Vec::new();
                    if f.subscriber.is_none() {
                        needs.push("a subscriber (6)");
                    }
                    if f.number.is_none() {
                        needs.push("a number (7)");
                    }
                    if f.package.is_none() {
                        needs.push("a package (3)");
                    }
                    if needs.is_empty() {
                        "No subscription yet: create one for the test number.".to_string()
                    } else {
                        format!("Needs {} first.", needs.join(", "))
                    }
                })
                .link(
                    if aid.is_empty() {
                        links::subscriptions(&[])
                    } else {
                        links::subscriptions(&[("account", aid.clone())])
                    },
                    "Subscriptions",
                )],
        ),
        (
            "",
            "Messaging — SMS round trip",
            vec![
                step(
                    "10",
                    "Send an outbound SMS and receive its delivery receipt on your webhook.",
                )
                .when(
                    f.outbound_delivered,
                    if f.number.is_some() {
                        "No delivered outbound message from a test number yet."
                    } else {
                        no_number
                    },
                ),
                step("11", "Receive an inbound SMS on your webhook.").when(
                    f.inbound_received,
                    if f.number.is_some() {
                        "No inbound message to a test number yet."
                    } else {
                        no_number
                    },
                ),
            ],
        ),
        (
            "mms",
            "Messaging — MMS",
            vec![step("12", "Send and receive an MMS with media.").when(
                f.mms,
                if f.number.is_some() {
                    "No MMS on a test number yet."
                } else {
                    no_number
                },
            )],
        ),
        (
            "voice",
            "Voice — call placement and receipt",
            vec![
                step(
                    "13",
                    "Assign the numbers to the right Voice Route (allow up to 10 minutes to propagate).",
                )
                .when(
                    f.line_on_voice_route.is_some(),
                    if f.voice_route.is_some() {
                        "No line on a voice route yet."
                    } else {
                        "Needs a voice route first (step 5)."
                    },
                )
                .noted(
                    f.line_on_voice_route
                        .as_deref()
                        .map(|n| format!("{} is on a voice route", telegent::phone::format_for_display(n)))
                        .unwrap_or_default(),
                )
                .link(routes_link.clone(), "Routes"),
                step("14", "OPTIONS keepalive confirmed both directions (SIP partners).").joint(),
                step(
                    "15",
                    "Place an outbound call from the test number (SIP partners: it lands on your SBC).",
                ),
                step(
                    "16",
                    "Receive an inbound call on the test number (SIP partners: Request-URI and headers as agreed).",
                ),
            ],
        ),
        (
            "data",
            "Data — attach and session",
            vec![step("17", "Attach a data session on the assigned APN.")
                .when(
                    f.line_with_data.is_some(),
                    if f.number.is_some() {
                        "No data used on a test line this cycle yet."
                    } else {
                        no_number
                    },
                )
                .noted(
                    f.line_with_data
                        .as_deref()
                        .map(|n| format!("{} used data this cycle", telegent::phone::format_for_display(n)))
                        .unwrap_or_default(),
                )],
        ),
        (
            "",
            "CDRs — call detail records",
            vec![step(
                "18",
                "Receive a sample CDR (webhook or e-mail) and parse it (voice and SMS split).",
            )],
        ),
    ];
    raw.into_iter()
        .map(|(key, title, steps)| {
            let out_of_scope = if key.is_empty() { None } else { marks.get(key).cloned() };
            let skip_hint = SCOPES
                .iter()
                .find(|(k, _)| *k == key)
                .map(|(_, h)| h.to_string())
                .unwrap_or_default();
            SectionView {
                scope_key: key.to_string(),
                title: title.to_string(),
                skip_hint,
                steps: steps
                    .into_iter()
                    .map(|s| {
                        let skipped = marks.contains_key(s.scope.unwrap_or(key));
                        view(s, skipped, signed)
                    })
                    .collect(),
                out_of_scope,
            }
        })
        .collect()
}

fn view(s: Step, out_of_scope: bool, signed: bool) -> StepView {
    let (state, note) = match (&s.judge, out_of_scope) {
        (_, true) => (StepState::NotInScope, "Not in scope.".to_string()),
        (Judge::Fact(true, _), _) => (StepState::Done, s.done_note.clone()),
        (Judge::Fact(false, missing), _) => (StepState::ToDo, missing.clone()),
        (Judge::AtSignOff, _) if signed => (StepState::Done, "Confirmed at the joint sign-off.".to_string()),
        (Judge::AtSignOff, _) => (
            StepState::AtSignOff,
            "No API shows this: both teams confirm it on the sign-off call.".to_string(),
        ),
    };
    StepView {
        number: s.number.to_string(),
        task: s.task.to_string(),
        owner: s.owner.to_string(),
        state,
        id_label: s.id_label.to_string(),
        id_value: s.id_value,
        note,
        href: s.href,
        link_label: s.link_label.to_string(),
    }
}

/// The steps still to do before the sign-off (in scope, shown by state).
pub fn blocking(sections: &[SectionView]) -> Vec<String> {
    sections
        .iter()
        .flat_map(|s| &s.steps)
        .filter(|s| s.state == StepState::ToDo)
        .map(|s| format!("{}. {}", s.number, s.task))
        .collect()
}

/// (done, in scope) over every step, the sign-off included.
pub fn progress(sections: &[SectionView], signed: bool) -> (usize, usize) {
    let steps: Vec<&StepView> = sections.iter().flat_map(|s| &s.steps).collect();
    let in_scope = steps.iter().filter(|s| s.state != StepState::NotInScope).count() + 1;
    let done = steps.iter().filter(|s| s.state == StepState::Done).count() + usize::from(signed);
    (done, in_scope)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn state(sections: &[SectionView], number: &str) -> StepState {
        sections
            .iter()
            .flat_map(|s| &s.steps)
            .find(|s| s.number == number)
            .map(|s| s.state)
            .unwrap()
    }

    #[test]
    fn a_fresh_account_has_nothing_ticked_and_says_what_each_step_waits_for() {
        let facts = Facts {
            account_id: Some("AID-1".into()),
            ..Default::default()
        };
        let s = sections(&facts, &HashMap::new(), false);
        let all: Vec<&StepView> = s.iter().flat_map(|s| &s.steps).collect();
        assert_eq!(all.len(), 24, "1–18 with 8a–8f");
        assert!(all.iter().all(|s| s.state != StepState::Done), "{all:?}");
        let sub = all.iter().find(|s| s.number == "9").unwrap();
        assert!(
            sub.note.contains("a subscriber (6)") && sub.note.contains("a package (3)"),
            "{}",
            sub.note
        );
        assert_eq!(progress(&s, false), (0, 25));
        assert!(blocking(&s).iter().any(|b| b.starts_with("4.")));
    }

    #[test]
    fn each_fact_ticks_its_step_with_the_id_and_scope_marks_skip_sections() {
        let facts = Facts {
            account_id: Some("AID-1".into()),
            account: Some("AID-1".into()),
            message_route: Some("MRID-9".into()),
            number: Some(("TNID-3".into(), "+15551230003".into())),
            ..Default::default()
        };
        let mut marks = HashMap::new();
        marks.insert(
            "voice".to_string(),
            ScopeMark {
                reason: "SMS only".into(),
                by: "a@x".into(),
                at: "now".into(),
            },
        );
        let s = sections(&facts, &marks, false);
        assert_eq!(state(&s, "1"), StepState::Done);
        assert_eq!(state(&s, "4"), StepState::Done);
        assert_eq!(state(&s, "7"), StepState::Done);
        for n in ["5", "13", "14", "15", "16"] {
            assert_eq!(state(&s, n), StepState::NotInScope, "{n}");
        }
        assert_eq!(state(&s, "18"), StepState::AtSignOff);
        // Status changes and the port-out PIN link to the test line's page.
        for n in ["8", "8f"] {
            let step = s.iter().flat_map(|s| &s.steps).find(|s| s.number == n).unwrap();
            assert_eq!(step.href, links::line("AID-1", "+15551230003"), "{n}");
        }
        let mrid = s.iter().flat_map(|s| &s.steps).find(|s| s.number == "4").unwrap();
        assert_eq!((mrid.id_label.as_str(), mrid.id_value.as_str()), ("MRID-", "MRID-9"));
        // Signed off: what no API shows counts as confirmed.
        let signed = sections(&facts, &marks, true);
        assert_eq!(state(&signed, "18"), StepState::Done);
        assert_eq!(progress(&signed, true).1, 25 - 5);
    }
}
