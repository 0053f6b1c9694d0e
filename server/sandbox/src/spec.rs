//! The API reference, embedded: every operation with its documented required
//! fields, enums, query parameters and examples. The sandbox validates requests
//! against it and shapes responses like its examples; the contract tests replay
//! its examples. Read once, at first use.

use std::collections::BTreeMap;
use std::sync::OnceLock;

use serde_json::Value;

/// The condensed public reference (OpenAPI 3.0.3, 143 operations).
pub const OPENAPI_JSON: &str = include_str!("../reference/openapi.json");

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Kind {
    String,
    Boolean,
    Integer,
    Number,
    Array,
    Object,
    Any,
}

#[derive(Debug, Clone)]
pub struct Property {
    pub kind: Kind,
    /// Documented values; empty when free.
    pub allowed: Vec<String>,
}

#[derive(Debug, Clone)]
pub struct Operation {
    pub tag: String,
    pub method: String,
    pub path: String,
    pub summary: String,
    pub internal: bool,
    pub required_body: Vec<String>,
    pub properties: BTreeMap<String, Property>,
    /// Query parameters and whether the reference marks them required.
    pub query: Vec<(String, bool)>,
    pub request_example: Option<Value>,
    /// A request built from the body schema's property examples, for
    /// operations documented without a whole-body example.
    pub request_from_schema: Option<Value>,
    pub response_example: Option<Value>,
    /// The documented answer's shape: the example when there is one, else a
    /// value built from the response schema (typed empty values: `""`, `0`,
    /// `false`, `[]`, `{}`), so its keys and JSON types can be compared.
    pub response_shape: Option<Value>,
}

impl Operation {
    /// `GET /v1.0/account` style key.
    pub fn key(&self) -> String {
        format!("{} {}", self.method, self.path)
    }
}

/// All operations, in the reference's order.
pub fn operations() -> &'static [Operation] {
    static OPS: OnceLock<Vec<Operation>> = OnceLock::new();
    OPS.get_or_init(|| parse(OPENAPI_JSON))
}

/// The operation for a method and path (path compared case-insensitively, as
/// the live API does for the token path).
pub fn find(method: &str, path: &str) -> Option<&'static Operation> {
    operations()
        .iter()
        .find(|op| op.method.eq_ignore_ascii_case(method) && op.path.eq_ignore_ascii_case(path))
}

fn parse(text: &str) -> Vec<Operation> {
    let doc: Value = serde_json::from_str(text).expect("embedded reference is valid JSON");
    let components = doc.pointer("/components/schemas").cloned().unwrap_or(Value::Null);
    let mut ops = Vec::new();
    for (path, methods) in doc["paths"].as_object().expect("paths") {
        for (method, op) in methods.as_object().expect("methods") {
            let schema = op
                .pointer("/requestBody/content/application~1json/schema")
                .map(|s| resolve(s, &components))
                .unwrap_or(Value::Null);
            let required_body = schema["required"]
                .as_array()
                .map(|r| r.iter().filter_map(|v| v.as_str().map(str::to_string)).collect())
                .unwrap_or_default();
            let properties = schema["properties"]
                .as_object()
                .map(|props| {
                    props
                        .iter()
                        .map(|(name, p)| (name.clone(), property(&resolve(p, &components))))
                        .collect()
                })
                .unwrap_or_default();
            let query = op["parameters"]
                .as_array()
                .map(|ps| {
                    ps.iter()
                        .filter(|p| p["in"] == "query")
                        .filter_map(|p| {
                            Some((
                                p["name"].as_str()?.to_string(),
                                p["required"].as_bool().unwrap_or(false),
                            ))
                        })
                        .collect()
                })
                .unwrap_or_default();
            let request_example = op
                .pointer("/requestBody/content/application~1json/example")
                .cloned()
                .or_else(|| {
                    op.pointer("/requestBody/content/application~1json/examples")
                        .and_then(|e| e.as_object())
                        .and_then(|e| e.values().next())
                        .and_then(|e| e.get("value").cloned())
                })
                .or_else(|| op["requestExampleFromSample"].as_str().and_then(lenient_json));
            let response_example = op
                .pointer("/response200/content/application~1json/examples")
                .and_then(|e| e.as_object())
                .and_then(|e| e.values().next())
                .and_then(|e| e.get("value").cloned())
                .or_else(|| op.pointer("/response200/content/application~1json/example").cloned());
            let request_from_schema = schema["properties"].as_object().map(|props| {
                Value::Object(
                    props
                        .iter()
                        .map(|(name, p)| {
                            let p = resolve(p, &components);
                            let value = p
                                .get("example")
                                .cloned()
                                .unwrap_or_else(|| typed_value(&p, &components, 1));
                            (name.clone(), value)
                        })
                        .collect(),
                )
            });
            let response_shape = response_example.clone().or_else(|| {
                op.pointer("/response200/content/application~1json/schema")
                    .map(|schema| typed_value(schema, &components, 0))
            });
            ops.push(Operation {
                tag: op["tags"][0].as_str().unwrap_or("").to_string(),
                method: method.to_ascii_uppercase(),
                path: path.clone(),
                summary: op["summary"].as_str().unwrap_or("").to_string(),
                internal: op["x-internal"].as_bool().unwrap_or(false),
                required_body,
                properties,
                query,
                request_example,
                request_from_schema,
                response_example,
                response_shape,
            });
        }
    }
    ops
}

/// Follows a local `$ref` (one level is all the reference uses).
fn resolve(schema: &Value, components: &Value) -> Value {
    match schema.get("$ref").and_then(Value::as_str) {
        Some(r) => {
            let name = r.rsplit('/').next().unwrap_or("");
            components.get(name).cloned().unwrap_or(Value::Null)
        }
        None => schema.clone(),
    }
}

/// A value with the schema's keys and JSON types (nested up to three levels).
fn typed_value(schema: &Value, components: &Value, depth: usize) -> Value {
    let schema = resolve(schema, components);
    match schema["type"].as_str() {
        Some("string") => Value::String(String::new()),
        Some("boolean") => Value::Bool(false),
        Some("integer") => Value::from(0),
        Some("number") => Value::from(0.0),
        Some("array") if depth < 3 => Value::Array(vec![typed_value(&schema["items"], components, depth + 1)]),
        Some("array") => Value::Array(Vec::new()),
        _ => match schema["properties"].as_object() {
            Some(props) if depth < 3 => Value::Object(
                props
                    .iter()
                    .map(|(k, p)| (k.clone(), typed_value(p, components, depth + 1)))
                    .collect(),
            ),
            _ => Value::Object(serde_json::Map::new()),
        },
    }
}

fn property(p: &Value) -> Property {
    let kind = match p["type"].as_str() {
        Some("string") => Kind::String,
        Some("boolean") => Kind::Boolean,
        Some("integer") => Kind::Integer,
        Some("number") => Kind::Number,
        Some("array") => Kind::Array,
        Some("object") => Kind::Object,
        _ => Kind::Any,
    };
    let allowed = p["enum"]
        .as_array()
        .map(|e| e.iter().filter_map(|v| v.as_str().map(str::to_string)).collect())
        .unwrap_or_default();
    Property { kind, allowed }
}

/// Samples copied from documentation are sometimes not strict JSON (trailing
/// commas, comments); read what can be read.
fn lenient_json(text: &str) -> Option<Value> {
    if let Ok(v) = serde_json::from_str(text) {
        return Some(v);
    }
    let without_comments: String = text
        .lines()
        .map(|l| match l.find("//") {
            Some(i) if !l[..i].contains("http") && !l[..i].contains('"') || l.trim_start().starts_with("//") => &l[..i],
            _ => l,
        })
        .collect::<Vec<_>>()
        .join("\n");
    let mut cleaned = String::with_capacity(without_comments.len());
    let chars: Vec<char> = without_comments.chars().collect();
    for (i, c) in chars.iter().enumerate() {
        if *c == ',' {
            let next = chars[i + 1..].iter().find(|c| !c.is_whitespace());
            if matches!(next, Some('}') | Some(']')) {
                continue;
            }
        }
        cleaned.push(*c);
    }
    serde_json::from_str(&cleaned).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_reference_has_143_operations_with_unique_method_and_path() {
        let ops = operations();
        assert_eq!(ops.len(), 143);
        let keys: std::collections::HashSet<String> = ops.iter().map(Operation::key).collect();
        assert_eq!(keys.len(), 143);
    }

    #[test]
    fn required_fields_and_enums_are_read() {
        let provision = find("POST", "/v1.0/numbers/provision").unwrap();
        assert!(provision.required_body.contains(&"ProductType".to_string()));
        assert_eq!(provision.properties["NumberType"].allowed, ["mvno", "iot"]);
        assert_eq!(provision.properties["MessageEnabled"].kind, Kind::Boolean);
        let token = find("post", "/v1.0/oauth2/tokens").unwrap();
        assert_eq!(token.required_body, ["AccountKey", "AccountSecret"]);
        let account = find("GET", "/v1.0/account").unwrap();
        assert_eq!(account.query, [("AccountId".to_string(), true)]);
    }

    #[test]
    fn an_answer_documented_only_by_its_schema_has_its_keys_and_types() {
        let webhook = find("GET", "/v1.0/webhook").unwrap();
        assert!(webhook.response_example.is_none());
        let shape = webhook.response_shape.as_ref().unwrap();
        assert_eq!(shape["Active"], Value::Bool(false));
        assert_eq!(shape["WebhookUrl"], Value::String(String::new()));
        let list = find("GET", "/v1.0/account/webhooks")
            .unwrap()
            .response_shape
            .as_ref()
            .unwrap();
        assert!(list[0]["WebhookId"].is_string());
    }

    #[test]
    fn most_operations_have_examples() {
        let ops = operations();
        let with_response = ops.iter().filter(|o| o.response_example.is_some()).count();
        let posts = ops.iter().filter(|o| o.method == "POST").count();
        let with_request = ops
            .iter()
            .filter(|o| o.method == "POST" && o.request_example.is_some())
            .count();
        assert!(with_response > 130, "{with_response} response examples");
        assert!(
            with_request * 10 > posts * 8,
            "{with_request} of {posts} request examples"
        );
    }
}
