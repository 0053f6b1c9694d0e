//! What an answer is checked against: the documented keys and JSON types (one
//! level into nested objects and list elements), no value copied from the
//! reference's example that the request did not send, and the documented
//! error body on a refusal.

use serde_json::Value;

fn kind(v: &Value) -> &'static str {
    match v {
        Value::Null => "null",
        Value::Bool(_) => "boolean",
        Value::Number(_) => "number",
        Value::String(_) => "string",
        Value::Array(_) => "list",
        Value::Object(_) => "object",
    }
}

/// Differences between the documented shape and an answer. `null` on either
/// side matches any type (the reference marks most fields nullable).
pub fn shape(documented: &Value, actual: &Value) -> Vec<String> {
    let mut out = Vec::new();
    walk(documented, actual, "", 0, &mut out);
    out
}

fn walk(documented: &Value, actual: &Value, at: &str, depth: usize, out: &mut Vec<String>) {
    if documented.is_null() || actual.is_null() {
        return;
    }
    if kind(documented) != kind(actual) {
        let at = if at.is_empty() { "the answer" } else { at };
        out.push(format!("{at}: documented {}, got {}", kind(documented), kind(actual)));
        return;
    }
    // Keys are compared at the top and one level down; types one level further.
    match (documented, actual) {
        (Value::Object(doc), Value::Object(got)) if depth < 2 => {
            for (key, value) in doc {
                let path = if at.is_empty() {
                    key.clone()
                } else {
                    format!("{at}.{key}")
                };
                match got.get(key) {
                    None => out.push(format!("{path}: missing")),
                    Some(found) => walk(value, found, &path, depth + 1, out),
                }
            }
        }
        // A list's element is checked like the field holding the list.
        (Value::Array(doc), Value::Array(got)) => {
            if let (Some(d), Some(g)) = (doc.first(), got.first()) {
                walk(d, g, &format!("{at}[0]"), depth, out);
            }
        }
        _ => {}
    }
}

/// Text values of `v` down to list elements of nested objects.
fn strings(v: &Value, depth: usize, into: &mut Vec<String>) {
    match v {
        Value::String(s) => into.push(s.clone()),
        Value::Array(items) if depth < 3 => items.iter().for_each(|i| strings(i, depth + 1, into)),
        Value::Object(map) if depth < 3 => map.values().for_each(|i| strings(i, depth + 1, into)),
        _ => {}
    }
}

/// A value that is data (an ID, a serial, a phone number, an address), not a
/// word of the API's vocabulary or an amount ("Active", "p2p", "20 MB",
/// "$0.0045", "5060").
fn looks_like_data(s: &str) -> bool {
    let digits = s.chars().filter(char::is_ascii_digit).count();
    let id_shaped = s.split_once('-').is_some_and(|(prefix, rest)| {
        (2..=6).contains(&prefix.len()) && prefix.chars().all(|c| c.is_ascii_uppercase()) && !rest.is_empty()
    });
    digits >= 6 || id_shaped || s.contains('@') || s.contains("://")
}

/// Example values in the answer that the request did not send: a placeholder
/// taken from the reference, not something the platform holds.
pub fn placeholders(example: Option<&Value>, sent: &Value, actual: &Value) -> Vec<String> {
    let Some(example) = example else { return Vec::new() };
    let (mut documented, mut given, mut got) = (Vec::new(), Vec::new(), Vec::new());
    strings(example, 0, &mut documented);
    strings(sent, 0, &mut given);
    strings(actual, 0, &mut got);
    let mut found: Vec<String> = got
        .into_iter()
        .filter(|s| looks_like_data(s) && documented.contains(s) && !given.contains(s))
        .map(|s| format!("placeholder from the reference's example: \"{s}\""))
        .collect();
    found.sort();
    found.dedup();
    found
}

/// The documented error body: `{StatusCode: number, Message: text}`.
pub fn error_body(status: u16, body: &Value) -> Option<String> {
    let ok = body["StatusCode"].as_u64() == Some(u64::from(status)) && body["Message"].is_string();
    (!ok).then(|| format!("refusal {status} without the documented {{StatusCode, Message}} body: {body}"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn keys_and_types_are_compared_one_level_down() {
        let doc =
            json!({"Id": "X-1", "Count": 2, "Rows": [{"Number": "+1", "Active": true}], "Address": {"City": "A"}});
        let same = json!({"Id": "Y-2", "Count": 7, "Rows": [{"Number": "+2", "Active": false}], "Address": {"City": null}, "Extra": 1});
        assert!(shape(&doc, &same).is_empty());
        let wrong = json!({"Id": 3, "Rows": [{"Number": "+2", "Active": "yes"}], "Address": {}});
        let found = shape(&doc, &wrong);
        assert_eq!(
            found,
            [
                "Address.City: missing",
                "Count: missing",
                "Id: documented string, got number",
                "Rows[0].Active: documented boolean, got string",
            ]
        );
        assert_eq!(
            shape(&json!([{"A": 1}]), &json!({"A": 1})),
            ["the answer: documented list, got object"]
        );
    }

    #[test]
    fn an_example_value_the_request_did_not_send_is_a_placeholder() {
        let example = json!({"ICCID": "8901240397190002080", "Status": "Active", "Name": "Main SIP Trunk"});
        let sent = json!({"Name": "Main SIP Trunk"});
        let actual = json!({"ICCID": "8901240397190002080", "Status": "Active", "Name": "Main SIP Trunk"});
        assert_eq!(
            placeholders(Some(&example), &sent, &actual),
            ["placeholder from the reference's example: \"8901240397190002080\""]
        );
        assert!(placeholders(Some(&example), &sent, &json!({"ICCID": null})).is_empty());
    }

    #[test]
    fn a_refusal_must_carry_status_code_and_message() {
        assert_eq!(
            error_body(404, &json!({"StatusCode": 404, "Message": "Account not found."})),
            None
        );
        assert!(error_body(404, &json!({"error": "nope"})).is_some());
        assert!(error_body(400, &json!({"StatusCode": 404, "Message": "x"})).is_some());
    }
}
