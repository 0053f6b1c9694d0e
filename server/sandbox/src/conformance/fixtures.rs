//! The IDs the suite's requests use: found through the API itself (so the
//! suite runs against any platform), then the ones its own creates return.
//! An example request is sent with each ID, phone number and ICCID replaced
//! by one of these; everything else is sent as the reference writes it.

use std::collections::HashMap;

use serde_json::{json, Map, Value};

use super::http::Caller;
use crate::spec::Operation;

#[derive(Debug, Clone, Default)]
pub struct Line {
    pub number: String,
    pub tnid: Option<String>,
    pub iccid: Option<String>,
    pub message_route: Option<String>,
    pub voice_route: Option<String>,
}

#[derive(Debug, Default)]
pub struct Fixtures {
    distributor: String,
    account: String,
    other_account: Option<String>,
    /// Two subscribers of `account` with lines: a guardian and a child.
    parent: String,
    child: String,
    /// `account`'s lines, the parent's first; the last is the spare one
    /// (port-out, cancel and reactivate), the first the one read and used.
    lines: Vec<Line>,
    product: Option<String>,
    package: Option<String>,
    /// IDs the run's own creates returned, by lower-cased field name.
    captured: HashMap<String, String>,
    /// Every text value the run has sent: an answer may repeat any of them.
    sent: std::collections::HashSet<String>,
    /// Makes e-mails, port-in numbers and ICCIDs unique to this run.
    run_tag: u64,
    fresh: u64,
}

fn text(v: &Value, key: &str) -> Option<String> {
    crate::validate::get(v, key)
        .and_then(Value::as_str)
        .map(str::to_string)
        .filter(|s| !s.is_empty())
}

/// The rows of a list answer: bare, or under its first list-valued field.
fn rows(v: &Value) -> Vec<Value> {
    match v {
        Value::Array(items) => items.clone(),
        Value::Object(map) => map
            .values()
            .find_map(|x| x.as_array().cloned())
            .unwrap_or_else(|| vec![v.clone()]),
        _ => Vec::new(),
    }
}

impl Fixtures {
    pub async fn discover(caller: &mut Caller) -> Result<Fixtures, String> {
        let mut get = async |path: &str, query: &[(&str, &str)]| {
            let query: Vec<(String, String)> = query.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect();
            let answer = caller.call("GET", path, &query, None, false).await?;
            if answer.status != 200 {
                return Err(format!("GET {path} answered {}: {}", answer.status, answer.body));
            }
            Ok::<_, String>(answer.body)
        };
        let accounts: Vec<String> = rows(&get("/v1.0/distributor/accounts", &[]).await?)
            .iter()
            .filter_map(|a| text(a, "AccountId"))
            .collect();
        let subscribers = get(
            "/v1.0/distributor/subscribers",
            &[("PageNumber", "1"), ("TotalPerPage", "100")],
        )
        .await?;
        // (subscriber, account, phone numbers) of subscribers with lines.
        let with_lines: Vec<(String, String, Vec<String>)> = subscribers["Subscribers"]
            .as_array()
            .into_iter()
            .flatten()
            .filter_map(|s| {
                let phones: Vec<String> = s["PhoneNumbers"]
                    .as_array()?
                    .iter()
                    .filter_map(|p| p.as_str().map(str::to_string))
                    .collect();
                let account = text(&s["Account"], "AccountId")?;
                (!phones.is_empty()).then(|| (text(s, "SubscriberId").unwrap_or_default(), account, phones))
            })
            .collect();
        let count = |a: &str| with_lines.iter().filter(|(_, acc, _)| acc == a).count();
        let account = accounts
            .iter()
            .max_by_key(|a| {
                (
                    count(a).min(2),
                    usize::MAX - accounts.iter().position(|x| x == *a).unwrap_or(0),
                )
            })
            .cloned()
            .ok_or("the credential's Distributor has no Account")?;
        let mine: Vec<&(String, String, Vec<String>)> = with_lines.iter().filter(|(_, a, _)| *a == account).collect();
        let parent = mine.first().map(|s| s.0.clone()).ok_or("no subscriber with a line")?;
        let child = mine.get(1).map_or(parent.clone(), |s| s.0.clone());
        let inventory = get(
            "/v1.0/numbers/inventory",
            &[("PageNumber", "1"), ("TotalNumbersRequested", "100")],
        )
        .await?;
        let known: HashMap<String, Value> = rows(&inventory)
            .into_iter()
            .filter_map(|r| Some((text(&r, "Number")?, r)))
            .collect();
        let lines = mine
            .iter()
            .flat_map(|(_, _, phones)| phones.iter())
            .map(|number| {
                let row = known.get(number).cloned().unwrap_or(Value::Null);
                Line {
                    number: number.clone(),
                    tnid: text(&row, "TNID").or_else(|| text(&row, "Tnid")),
                    iccid: text(&row, "Iccid"),
                    message_route: text(&row, "MessageRouteId"),
                    voice_route: text(&row, "VoiceRouteId"),
                }
            })
            .collect();
        let first_id = |v: &Value, key: &str| rows(v).iter().find_map(|r| text(r, key));
        let product = first_id(
            &get("/v1.0/distributor/products", &[("Filter", "All")]).await?,
            "ProductId",
        );
        let package = first_id(
            &get("/v1.0/distributor/packages", &[("Filter", "All")]).await?,
            "PackageId",
        );
        let run_tag = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.as_millis() as u64);
        Ok(Fixtures {
            distributor: caller.target().key.clone(),
            other_account: accounts.iter().find(|a| **a != account).cloned(),
            account,
            parent,
            child,
            lines,
            product,
            package,
            captured: HashMap::new(),
            sent: Default::default(),
            run_tag,
            fresh: 0,
        })
    }

    fn line(&self, i: usize) -> Line {
        self.lines.get(i).or(self.lines.last()).cloned().unwrap_or_default()
    }

    fn spare(&self) -> Line {
        self.lines.last().cloned().unwrap_or_default()
    }

    pub fn spare_number(&self) -> String {
        self.spare().number
    }

    fn fresh_iccid(&mut self) -> String {
        self.fresh += 1;
        format!("8901{:09}{:06}", self.run_tag % 1_000_000_000, self.fresh)
    }

    /// A number that is not on the platform and that the sandbox's magic
    /// endings (7, 8, 9) leave alone.
    fn port_in_number(&self) -> String {
        format!("+1555{:06}1", self.run_tag % 1_000_000)
    }

    fn captured(&self, key: &str) -> Option<String> {
        self.captured.get(&key.to_ascii_lowercase()).cloned()
    }

    /// Remembers the IDs a create answered with that its request did not send.
    pub fn capture(&mut self, op: &Operation, sent: &Value, answer: &Value) {
        let Some(map) = answer.as_object() else { return };
        let sent_text = sent.to_string();
        for (key, value) in map {
            let Some(id) = value.as_str().filter(|s| !s.is_empty()) else {
                continue;
            };
            let lower = key.to_ascii_lowercase();
            let is_id =
                lower.ends_with("id") || lower == "mrid" || (lower == "iccid" && op.path.ends_with("/provision"));
            if !is_id || sent_text.contains(&format!("\"{id}\"")) {
                continue;
            }
            let name = match lower.as_str() {
                "filterid" if id.starts_with("CFID") => "callfilterid".to_string(),
                "filterid" => "messagefilterid".to_string(),
                "phonenumberid" => "tnid".to_string(),
                // Port-in changes need the port-in's order, not provisioning's.
                "orderid" if op.path.ends_with("/portin") => "portin:orderid".to_string(),
                // New subscribers and Accounts are for the operations that
                // change them; the rest of the run keeps the found ones.
                "subscriberid" | "accountid" | "distributorid" => format!("{lower}:created"),
                _ => lower,
            };
            self.captured.insert(name, id.to_string());
        }
    }

    /// A status change that gave lines new numbers (swap, replace): the
    /// rest of the run uses the lines under their new numbers.
    pub fn follow_renumbering(&mut self, answer: &Value) {
        for row in answer["Numbers"].as_array().into_iter().flatten() {
            let (Some(old), Some(new)) = (row["PreviousNumber"].as_str(), row["Number"].as_str()) else {
                continue;
            };
            for line in self.lines.iter_mut().filter(|l| l.number == old) {
                line.number = new.to_string();
            }
        }
    }

    /// Notes what a request sent, so a later answer may hold it.
    pub fn remember_sent(&mut self, sent: &Value) {
        match sent {
            Value::String(s) => {
                self.sent.insert(s.clone());
            }
            Value::Array(items) => items.iter().for_each(|i| self.remember_sent(i)),
            Value::Object(map) => map.values().for_each(|i| self.remember_sent(i)),
            _ => {}
        }
    }

    /// Everything sent so far, as one JSON list (for the placeholder check).
    pub fn sent_so_far(&self) -> Value {
        Value::Array(self.sent.iter().cloned().map(Value::String).collect())
    }

    /// The example request with this platform's IDs, numbers and ICCIDs.
    pub fn request(&mut self, op: &Operation, example: &Value) -> Value {
        self.substitute(op, None, example, 0)
    }

    fn substitute(&mut self, op: &Operation, key: Option<&str>, value: &Value, index: usize) -> Value {
        match value {
            Value::Object(map) => {
                let mut out = Map::new();
                for (k, v) in map {
                    out.insert(k.clone(), self.substitute(op, Some(k), v, index));
                }
                Value::Object(out)
            }
            Value::Array(items) => Value::Array(
                items
                    .iter()
                    .enumerate()
                    .map(|(i, item)| self.element(op, key.unwrap_or(""), item, i))
                    .collect(),
            ),
            Value::String(s) => key
                .and_then(|k| self.value_for(op, k, s, index))
                .map_or_else(|| value.clone(), Value::String),
            _ => value.clone(),
        }
    }

    /// List elements: the numbers of `PhoneNumbers` and `To` are lines of the
    /// Account (a status change takes them from the spare end, before the spare).
    fn element(&mut self, op: &Operation, list: &str, item: &Value, i: usize) -> Value {
        let lower = list.to_ascii_lowercase();
        let line = match lower.as_str() {
            // Not the spare line itself: the port-out takes that one, and a
            // line with a port-out in flight gets no new number.
            "phonenumbers" if op.path.ends_with("/numbers/status") => {
                Some(self.line(self.lines.len().saturating_sub(2 + i)))
            }
            "phonenumbers" => Some(self.line(i)),
            "to" => Some(self.line(i + 1)),
            _ => None,
        };
        match (line, item) {
            (Some(line), Value::Object(_)) => {
                let mut out = self.substitute(op, None, item, i);
                if let Some(map) = out.as_object_mut() {
                    map.insert("Number".into(), json!(line.number));
                }
                out
            }
            _ => self.substitute(op, Some(list), item, i),
        }
    }

    fn value_for(&mut self, op: &Operation, key: &str, example: &str, index: usize) -> Option<String> {
        let lower = key.to_ascii_lowercase();
        let path = op.path.as_str();
        let porting_in = path.contains("/portin");
        let fresh_sim = porting_in || path.ends_with("/provision") || path.ends_with("/numbers/status");
        let on_created_subscriber = path.ends_with("/subscribers/update") || path.ends_with("/subscribers/transfer");
        let line = self.line(0);
        Some(match lower.as_str() {
            "phonenumber" | "portinnumber" if porting_in => self.port_in_number(),
            "portoutnumber" => self.spare().number,
            "phonenumber" if path.ends_with("/reactivate") => self.spare().number,
            "phonenumber" | "number" | "phone" | "from" | "owner" | "msisdn" => line.number,
            "iccid" if fresh_sim => self.fresh_iccid(),
            "iccid" if path.contains("/subscriptions") => self.captured("iccid").or(line.iccid)?,
            "iccid" => line.iccid?,
            "email" if path.contains("/subscribers/") => {
                self.fresh += 1;
                format!("conformance.{}.{}.{index}@example.com", self.run_tag, self.fresh)
            }
            "accountid" | "fromaccountid" => self.account.clone(),
            "toaccountid" => self.other_account.clone().unwrap_or_else(|| self.account.clone()),
            "distributorid" => self.distributor.clone(),
            "subscriberid" if on_created_subscriber => self.captured("subscriberid:created")?,
            "subscriberid" | "assignedsubscriberid" | "parentsubscriberid" => self.parent.clone(),
            "childsubscriberid" => self.child.clone(),
            "tnid" => self.captured("tnid").or(line.tnid)?,
            "messagerouteid" if path.contains("/message/routes") => self.captured(&lower)?,
            "messagerouteid" => line.message_route?,
            "callrouteid" | "voicerouteid" if path.contains("/voice/routes") => self.captured("callrouteid")?,
            "callrouteid" | "voicerouteid" => line.voice_route?,
            "filterid" if example.starts_with("CFID") => self.captured("callfilterid")?,
            "filterid" => self.captured("messagefilterid")?,
            "packageid" if path.contains("/packages") => self.captured(&lower).or(self.package.clone())?,
            "packageid" => self.package.clone()?,
            "productid" if path.contains("/products") => self.captured(&lower).or(self.product.clone())?,
            "productid" => self.product.clone()?,
            "referenceworkgroupid" => self.captured("workgroupid")?,
            "orderid" if porting_in => self.captured("portin:orderid")?,
            _ if lower.ends_with("id") => self.captured(&lower)?,
            _ => return None,
        })
    }

    /// A value for a documented query parameter.
    pub fn query_value(&mut self, op: &Operation, name: &str) -> Option<String> {
        let lower = name.to_ascii_lowercase();
        if let Some(v) = self.value_for(op, name, "", 0) {
            return Some(v);
        }
        Some(match lower.as_str() {
            "filter" => "All".into(),
            "pagenumber" | "page" => "1".into(),
            "totalperpage" | "results" | "totalnumbersrequested" => "25".into(),
            _ => return None,
        })
    }
}
