//! The provisioning wizard's state and rules. Every answer lives in the
//! URL (each step is a page with a GET form carrying the earlier answers),
//! so the wizard works without JavaScript and a step can be linked to.

use serde::{Deserialize, Serialize};

/// The wizard's answers so far, as query parameters.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct WizardQuery {
    /// A Platform admin's choice; empty for everyone else.
    #[serde(default)]
    pub distributor: String,
    #[serde(default, deserialize_with = "crate::form_values::number")]
    pub step: u32,
    /// `mvno` or `iot`.
    #[serde(default)]
    pub kind: String,
    /// `a2p` or `p2p`.
    #[serde(default)]
    pub message: String,
    /// Checkboxes: `on` when ticked.
    #[serde(default)]
    pub sms: String,
    #[serde(default)]
    pub voice: String,
    #[serde(default)]
    pub data: String,
    /// An area code (3 digits) or a ZIP code (5 digits) to search.
    #[serde(default)]
    pub near: String,
    #[serde(default, deserialize_with = "crate::form_values::number")]
    pub apage: u32,
    /// The area chosen: `<area code>|<ZIP>`.
    #[serde(default)]
    pub pick: String,
    #[serde(default)]
    pub account: String,
    /// A subscriber ID, `none` (an orphan) or `new`.
    #[serde(default)]
    pub holder: String,
    /// `on`: an orphan line was chosen knowingly.
    #[serde(default)]
    pub orphan_ok: String,
    #[serde(default)]
    pub new_name: String,
    #[serde(default)]
    pub new_email: String,
    #[serde(default)]
    pub route: String,
    #[serde(default)]
    pub voice_route: String,
    #[serde(default)]
    pub iccid: String,
    /// The submitted order's intent key (the result step).
    #[serde(default)]
    pub intent: String,
    /// The review's form only: its fresh key and the confirmation.
    #[serde(default)]
    pub intent_key: String,
    #[serde(default)]
    pub confirm: Option<String>,
}

impl WizardQuery {
    fn on(value: &str) -> bool {
        matches!(value.trim(), "on" | "true" | "1")
    }

    pub fn sms_on(&self) -> bool {
        Self::on(&self.sms)
    }

    pub fn voice_on(&self) -> bool {
        Self::on(&self.voice)
    }

    pub fn data_on(&self) -> bool {
        Self::on(&self.data)
    }

    /// The answers as query parameters, up to (and not including) `step`'s
    /// own: what a step's form carries as hidden fields, and what links back
    /// to a step keep.
    pub fn params_before(&self, step: u32) -> Vec<(&'static str, String)> {
        let mut out = vec![("distributor", self.distributor.clone())];
        if step > 1 {
            out.extend([
                ("kind", self.kind.clone()),
                ("message", self.message.clone()),
                ("sms", self.sms.clone()),
                ("voice", self.voice.clone()),
                ("data", self.data.clone()),
            ]);
        }
        if step > 2 {
            out.extend([("near", self.near.clone()), ("pick", self.pick.clone())]);
        }
        if step > 3 {
            out.extend([
                ("account", self.account.clone()),
                ("holder", self.holder.clone()),
                ("orphan_ok", self.orphan_ok.clone()),
                ("new_name", self.new_name.clone()),
                ("new_email", self.new_email.clone()),
                ("route", self.route.clone()),
                ("voice_route", self.voice_route.clone()),
                ("iccid", self.iccid.clone()),
            ]);
        } else if step < 3 {
            // An Account chosen before the wizard (from its page) stays chosen
            // (step 3 asks for it in a field of its own).
            out.push(("account", self.account.clone()));
        }
        out.retain(|(_, v)| !v.is_empty());
        out
    }

    /// The area chosen: (area code, ZIP).
    pub fn picked(&self) -> Option<(String, String)> {
        let (area, zip) = self.pick.split_once('|')?;
        let digits = |s: &str, n: usize| s.len() == n && s.bytes().all(|b| b.is_ascii_digit());
        (digits(area, 3) && (zip.is_empty() || digits(zip, 5))).then(|| (area.to_string(), zip.to_string()))
    }
}

/// Telegent's product type for the capabilities ticked, or why that mix is
/// not sold.
pub fn product_type(sms: bool, voice: bool, data: bool) -> Result<&'static str, &'static str> {
    match (sms, voice, data) {
        (true, false, false) => Ok("Sms-Only"),
        (false, false, true) => Ok("Data-Only"),
        (true, false, true) => Ok("Sms+Data"),
        (true, true, true) => Ok("Sms+Data+Voice"),
        (false, false, false) => Err("Choose what the line does: SMS, data, or both."),
        _ => {
            Err("Voice comes only with SMS and data (the Sms+Data+Voice product): tick all three, or leave voice off.")
        }
    }
}

/// The first step's refusals, each at its field (empty: all well).
pub fn kind_problems(q: &WizardQuery) -> Vec<(&'static str, String)> {
    let mut out = Vec::new();
    if !matches!(q.kind.as_str(), "mvno" | "iot") {
        out.push(("kind", "Choose MVNO (a phone line) or IoT (a device).".to_string()));
    }
    if !matches!(q.message.as_str(), "a2p" | "p2p") {
        out.push((
            "message",
            "Choose person-to-person (p2p) or application-to-person (a2p).".to_string(),
        ));
    } else if q.kind == "iot" && q.message == "a2p" {
        out.push((
            "message",
            "IoT lines are person-to-person (p2p) only: choose p2p, or an MVNO line for a2p messaging.".to_string(),
        ));
    }
    if let Err(why) = product_type(q.sms_on(), q.voice_on(), q.data_on()) {
        out.push(("sms", why.to_string()));
    }
    out
}

/// The area search's refusal, if any.
pub fn near_problem(near: &str) -> Option<String> {
    let near = near.trim();
    let digits = near.bytes().all(|b| b.is_ascii_digit());
    if digits && (near.len() == 3 || near.len() == 5) {
        None
    } else {
        Some("Type a 3-digit area code (e.g. 801) or a 5-digit ZIP code (e.g. 84101).".into())
    }
}

/// An ICCID typed (optional): 18 to 22 digits.
pub fn iccid_problem(iccid: &str) -> Option<String> {
    let iccid = iccid.trim();
    (!iccid.is_empty() && (!(18..=22).contains(&iccid.len()) || !iccid.bytes().all(|b| b.is_ascii_digit())))
        .then(|| "An ICCID is 18 to 22 digits (printed on the SIM card). Leave it empty for an eSIM.".into())
}

/// One area the search found.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AreaChoice {
    pub area_code: String,
    pub zip: String,
    /// Telegent's number group (NGP).
    pub group: String,
}

impl AreaChoice {
    pub fn pick(&self) -> String {
        format!("{}|{}", self.area_code, self.zip)
    }
}

/// What a step page shows.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct WizardView {
    /// The step shown: the one asked for, or an earlier one whose answers
    /// are missing or refused.
    pub step: u32,
    /// Refusals of the shown step, by field.
    pub errors: Vec<(String, String)>,
    pub query: WizardQuery,
    pub distributor_name: String,
    /// A Platform admin who named no Distributor chooses one first.
    pub choose_distributor: Vec<(String, String)>,
    pub product_type: String,
    pub areas: Vec<AreaChoice>,
    pub area_page: u32,
    pub area_pages: u32,
    pub accounts: Vec<(String, String)>,
    pub account_name: String,
    /// The Account's people: (subscriber ID, name).
    pub people: Vec<(String, String)>,
    pub routes: Vec<(String, String)>,
    pub voice_routes: Vec<(String, String)>,
    /// The review's key: the order is sent once whatever the retries.
    pub intent_key: String,
    pub result: Option<ProvisionResult>,
}

impl WizardView {
    pub fn error(&self, field: &str) -> Option<String> {
        self.errors.iter().find(|(f, _)| f == field).map(|(_, m)| m.clone())
    }
}

/// The order's outcome, on the result step.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ProvisionResult {
    pub account_id: String,
    pub order_id: String,
    /// As Telegent last said it.
    pub status: String,
    /// Still to complete: the page follows it.
    pub pending: bool,
    pub msisdn: String,
    pub number_id: String,
    pub iccid: String,
    /// The eSIM activation (LPA) text and its QR code drawn on the server.
    pub activation: String,
    pub activation_svg: String,
}

pub const STEP_TITLES: [&str; 4] = ["What kind of line", "Where", "Who and how", "Review and order"];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_four_products_and_the_mixes_not_sold() {
        assert_eq!(product_type(true, false, false), Ok("Sms-Only"));
        assert_eq!(product_type(false, false, true), Ok("Data-Only"));
        assert_eq!(product_type(true, false, true), Ok("Sms+Data"));
        assert_eq!(product_type(true, true, true), Ok("Sms+Data+Voice"));
        assert!(product_type(true, true, false).is_err());
        assert!(product_type(false, true, false).is_err());
        assert!(product_type(false, false, false).is_err());
    }

    #[test]
    fn iot_is_person_to_person_only() {
        let q = WizardQuery {
            kind: "iot".into(),
            message: "a2p".into(),
            data: "on".into(),
            ..WizardQuery::default()
        };
        let problems = kind_problems(&q);
        assert_eq!(problems.len(), 1);
        assert_eq!(problems[0].0, "message");
        assert!(kind_problems(&WizardQuery {
            message: "p2p".into(),
            ..q
        })
        .is_empty());
    }

    #[test]
    fn areas_icc_ids_and_picks_are_checked() {
        assert!(near_problem("801").is_none() && near_problem("84101").is_none());
        assert!(near_problem("80").is_some() && near_problem("8010a").is_some());
        assert!(iccid_problem("").is_none() && iccid_problem("8901260123456789012").is_none());
        assert!(iccid_problem("8901").is_some());
        let q = |pick: &str| WizardQuery {
            pick: pick.into(),
            ..WizardQuery::default()
        };
        assert_eq!(q("801|84600").picked(), Some(("801".into(), "84600".into())));
        assert_eq!(q("80|84600").picked(), None);
        assert_eq!(q("801").picked(), None);
    }

    #[test]
    fn a_step_carries_the_answers_before_it() {
        let q = WizardQuery {
            kind: "mvno".into(),
            message: "p2p".into(),
            sms: "on".into(),
            pick: "801|84600".into(),
            route: "MRID-1".into(),
            ..WizardQuery::default()
        };
        let keys = |step| q.params_before(step).into_iter().map(|(k, _)| k).collect::<Vec<_>>();
        assert!(keys(1).is_empty());
        assert_eq!(keys(2), ["kind", "message", "sms"]);
        assert_eq!(keys(3), ["kind", "message", "sms", "pick"]);
        assert_eq!(keys(4), ["kind", "message", "sms", "pick", "route"]);
    }
}
