//! Reading the API's loose JSON into plain Rust types, in one place.
//!
//! The reference (and so, we expect, the platform) is inconsistent: booleans
//! come as `"true"`, counts and amounts as `"12"` or `"$0.0045"`, text as a
//! number, a list as one object, a phone list as `[{"Number": ...}]`, and a key
//! as `AccountID` beside `AccountId`. Rather than marking each field, the
//! bodies keep plain types (`String`, `Option<bool>`, `Vec<T>`) and are read
//! through [`Tolerant`], which gives each type what it asks for from whatever
//! form arrived. Every decode in this crate goes through [`from_value`].

use serde::de::{self, DeserializeSeed, Deserializer, IntoDeserializer, MapAccess, SeqAccess, Visitor};
use serde::forward_to_deserialize_any;
use serde_json::{Map, Number, Value};

type Error = serde_json::Error;

/// Reads `value` into `T` accepting every loose form the API is known to send.
pub fn from_value<T: de::DeserializeOwned>(value: Value) -> Result<T, Error> {
    T::deserialize(Tolerant(value))
}

/// [`from_value`] from text.
pub fn from_str<T: de::DeserializeOwned>(text: &str) -> Result<T, Error> {
    from_value(serde_json::from_str(text)?)
}

/// An entry of a per-number list (data use, data settings) that can be
/// unreadable on its own: one line's bad value must not make the whole
/// family's answer unreadable.
pub trait PerNumberEntry: de::DeserializeOwned {
    /// The entry for `number` whose fields could not be read, and why.
    fn unreadable(number: Option<String>, why: String) -> Self;
}

/// `deserialize_with` for a list of [`PerNumberEntry`]: each entry is read on
/// its own, and one that cannot be read becomes its `unreadable` form.
pub fn each_entry<'de, D, T>(deserializer: D) -> Result<Vec<T>, D::Error>
where
    D: Deserializer<'de>,
    T: PerNumberEntry,
{
    let values = <Vec<Value> as serde::Deserialize>::deserialize(deserializer)?;
    Ok(values
        .into_iter()
        .map(|value| {
            // The number as text however it came (a JSON number too), so the
            // unreadable entry still names its line.
            let number = value.get("Number").and_then(|n| match n {
                Value::String(s) => Some(s.clone()),
                Value::Number(n) => Some(format!("+{}", n.to_string().trim_start_matches('+'))),
                _ => None,
            });
            from_value::<T>(value).unwrap_or_else(|error| T::unreadable(number, error.to_string()))
        })
        .collect())
}

/// A JSON value read leniently; see the module documentation.
pub struct Tolerant(pub Value);

/// `true`, `"true"`, `"True"`, `"yes"`, `1`, `"1"` are true; anything else is false.
fn truthy(value: &Value) -> bool {
    match value {
        Value::Bool(b) => *b,
        Value::String(s) => matches!(s.trim().to_ascii_lowercase().as_str(), "true" | "1" | "yes"),
        Value::Number(n) => n.as_i64() == Some(1),
        _ => false,
    }
}

/// A number from a number or its text (`" 12 "`, `"$1.12"`); blank text and null are zero.
fn number(value: Value) -> Result<Number, Error> {
    match value {
        Value::Number(n) => Ok(n),
        Value::Null => Ok(Number::from(0)),
        Value::String(s) => {
            let s = s.trim().trim_start_matches('$').trim();
            if s.is_empty() {
                return Ok(Number::from(0));
            }
            if let Ok(i) = s.parse::<i64>() {
                return Ok(Number::from(i));
            }
            let f: f64 = s.parse().map_err(de::Error::custom)?;
            Number::from_f64(f).ok_or_else(|| de::Error::custom(format!("not a number: {s}")))
        }
        other => Err(de::Error::custom(format!("expected a number, got {other}"))),
    }
}

/// A whole number; `12.0` counts, `12.5` does not.
fn whole<'de, V: Visitor<'de>>(value: Value, visitor: V) -> Result<V::Value, Error> {
    let n = number(value)?;
    if let Some(i) = n.as_i64() {
        return visitor.visit_i64(i);
    }
    if let Some(u) = n.as_u64() {
        return visitor.visit_u64(u);
    }
    match n.as_f64() {
        Some(f) if f.fract() == 0.0 && f.abs() < 9.0e15 => visitor.visit_i64(f as i64),
        _ => Err(de::Error::custom(format!("expected a whole number, got {n}"))),
    }
}

/// Text from text, a number or a boolean; a phone entry `{"Number": ...}` reads
/// as its number, since phone lists come in both shapes; null is empty.
fn text(value: Value) -> Result<String, Error> {
    match value {
        Value::String(s) => Ok(s),
        Value::Null => Ok(String::new()),
        Value::Number(n) => Ok(n.to_string()),
        Value::Bool(b) => Ok(b.to_string()),
        Value::Object(map) => match map.get("Number").or_else(|| map.get("PhoneNumber")) {
            Some(Value::String(s)) => Ok(s.clone()),
            _ => Err(de::Error::custom("expected text, got an object")),
        },
        Value::Array(_) => Err(de::Error::custom("expected text, got a list")),
    }
}

impl<'de> Deserializer<'de> for Tolerant {
    type Error = Error;

    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        match self.0 {
            Value::Null => visitor.visit_unit(),
            Value::Bool(b) => visitor.visit_bool(b),
            Value::Number(n) => n.deserialize_any(visitor),
            Value::String(s) => visitor.visit_string(s),
            Value::Array(items) => visitor.visit_seq(Items(items.into_iter())),
            Value::Object(map) => visitor.visit_map(Fields::new(map, &[])),
        }
    }

    fn deserialize_bool<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        visitor.visit_bool(truthy(&self.0))
    }

    fn deserialize_i8<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        whole(self.0, visitor)
    }
    fn deserialize_i16<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        whole(self.0, visitor)
    }
    fn deserialize_i32<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        whole(self.0, visitor)
    }
    fn deserialize_i64<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        whole(self.0, visitor)
    }
    fn deserialize_u8<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        whole(self.0, visitor)
    }
    fn deserialize_u16<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        whole(self.0, visitor)
    }
    fn deserialize_u32<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        whole(self.0, visitor)
    }
    fn deserialize_u64<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        whole(self.0, visitor)
    }

    fn deserialize_f32<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        self.deserialize_f64(visitor)
    }
    fn deserialize_f64<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        let n = number(self.0)?;
        visitor.visit_f64(n.as_f64().unwrap_or_default())
    }

    fn deserialize_char<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        visitor.visit_string(text(self.0)?)
    }
    fn deserialize_str<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        visitor.visit_string(text(self.0)?)
    }
    fn deserialize_string<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        visitor.visit_string(text(self.0)?)
    }
    fn deserialize_identifier<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        visitor.visit_string(text(self.0)?)
    }

    fn deserialize_option<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        match self.0 {
            Value::Null => visitor.visit_none(),
            value => visitor.visit_some(Tolerant(value)),
        }
    }

    fn deserialize_unit<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        visitor.visit_unit()
    }
    fn deserialize_unit_struct<V: Visitor<'de>>(self, _name: &'static str, visitor: V) -> Result<V::Value, Error> {
        visitor.visit_unit()
    }
    fn deserialize_newtype_struct<V: Visitor<'de>>(self, _name: &'static str, visitor: V) -> Result<V::Value, Error> {
        visitor.visit_newtype_struct(self)
    }

    /// A list may come as a list, as its one element, or as null (none).
    fn deserialize_seq<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        let items = match self.0 {
            Value::Array(items) => items,
            Value::Null => Vec::new(),
            one => vec![one],
        };
        visitor.visit_seq(Items(items.into_iter()))
    }
    fn deserialize_tuple<V: Visitor<'de>>(self, _len: usize, visitor: V) -> Result<V::Value, Error> {
        self.deserialize_seq(visitor)
    }
    fn deserialize_tuple_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _len: usize,
        visitor: V,
    ) -> Result<V::Value, Error> {
        self.deserialize_seq(visitor)
    }

    fn deserialize_map<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        self.deserialize_struct("", &[], visitor)
    }

    /// Null reads as an empty object (every field takes its default).
    fn deserialize_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, Error> {
        match self.0 {
            Value::Object(map) => visitor.visit_map(Fields::new(map, fields)),
            Value::Null => visitor.visit_map(Fields::new(Map::new(), fields)),
            other => Err(de::Error::invalid_type(unexpected(&other), &visitor)),
        }
    }

    fn deserialize_enum<V: Visitor<'de>>(
        self,
        name: &'static str,
        variants: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, Error> {
        self.0.deserialize_enum(name, variants, visitor)
    }

    fn deserialize_ignored_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        visitor.visit_unit()
    }

    forward_to_deserialize_any! { bytes byte_buf }
}

fn unexpected(value: &Value) -> de::Unexpected<'_> {
    match value {
        Value::Null => de::Unexpected::Unit,
        Value::Bool(b) => de::Unexpected::Bool(*b),
        Value::Number(_) => de::Unexpected::Other("number"),
        Value::String(s) => de::Unexpected::Str(s),
        Value::Array(_) => de::Unexpected::Seq,
        Value::Object(_) => de::Unexpected::Map,
    }
}

struct Items(std::vec::IntoIter<Value>);

impl<'de> SeqAccess<'de> for Items {
    type Error = Error;

    fn next_element_seed<T: DeserializeSeed<'de>>(&mut self, seed: T) -> Result<Option<T::Value>, Error> {
        self.0.next().map(|v| seed.deserialize(Tolerant(v))).transpose()
    }

    fn size_hint(&self) -> Option<usize> {
        Some(self.0.len())
    }
}

/// An object's entries; a key that matches no field exactly is matched to the
/// field of the same spelling ignoring case (`AccountID` → `AccountId`).
struct Fields {
    entries: serde_json::map::IntoIter,
    fields: &'static [&'static str],
    pending: Option<Value>,
}

impl Fields {
    fn new(mut map: Map<String, Value>, fields: &'static [&'static str]) -> Self {
        // When an answer carries one field in two spellings (`TNID` and
        // `Tnid`), the exact one wins and the other is dropped, instead of
        // failing as a duplicate field.
        let inexact: Vec<String> = map
            .keys()
            .filter(|key| !fields.contains(&key.as_str()))
            .filter(|key| {
                fields
                    .iter()
                    .find(|f| f.eq_ignore_ascii_case(key))
                    .is_some_and(|field| map.contains_key(*field))
            })
            .cloned()
            .collect();
        for key in inexact {
            map.remove(&key);
        }
        Self {
            entries: map.into_iter(),
            fields,
            pending: None,
        }
    }

    fn field_name(&self, key: String) -> String {
        if self.fields.contains(&key.as_str()) {
            return key;
        }
        match self.fields.iter().find(|f| f.eq_ignore_ascii_case(&key)) {
            Some(field) => (*field).to_string(),
            None => key,
        }
    }
}

impl<'de> MapAccess<'de> for Fields {
    type Error = Error;

    fn next_key_seed<K: DeserializeSeed<'de>>(&mut self, seed: K) -> Result<Option<K::Value>, Error> {
        let Some((key, value)) = self.entries.next() else {
            return Ok(None);
        };
        self.pending = Some(value);
        let key: de::value::StringDeserializer<Error> = self.field_name(key).into_deserializer();
        seed.deserialize(key).map(Some)
    }

    fn next_value_seed<V: DeserializeSeed<'de>>(&mut self, seed: V) -> Result<V::Value, Error> {
        let value = self
            .pending
            .take()
            .ok_or_else(|| de::Error::custom("value asked before key"))?;
        seed.deserialize(Tolerant(value))
    }

    fn size_hint(&self) -> Option<usize> {
        Some(self.entries.len())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde::Deserialize;
    use serde_json::json;

    #[derive(Debug, Default, Deserialize, PartialEq)]
    #[serde(default, rename_all = "PascalCase")]
    struct Body {
        account_id: Option<String>,
        enabled: Option<bool>,
        active: bool,
        count: u32,
        amount: Option<f64>,
        swaps: Option<i64>,
        name: String,
        numbers: Vec<String>,
        inner: Option<Inner>,
        items: Vec<Inner>,
    }

    #[derive(Debug, Default, Deserialize, PartialEq)]
    #[serde(default, rename_all = "PascalCase")]
    struct Inner {
        id: String,
    }

    #[test]
    fn a_field_sent_in_two_spellings_reads_the_exact_one() {
        let body: Body = from_value(json!({ "AccountId": "AID-exact", "AccountID": "AID-other" })).unwrap();
        assert_eq!(body.account_id.as_deref(), Some("AID-exact"));
        let body: Body = from_value(json!({ "ACCOUNTID": "AID-only" })).unwrap();
        assert_eq!(body.account_id.as_deref(), Some("AID-only"));
    }

    #[test]
    fn loose_scalars_read_as_the_declared_types() {
        let body: Body = from_value(json!({
            "AccountID": "AID-1", "Enabled": "True", "Active": 1, "Count": " 12 ",
            "Amount": "$0.0045", "Swaps": 2.0, "Name": 42, "Unknown": {"x": 1}
        }))
        .unwrap();
        assert_eq!(body.account_id.as_deref(), Some("AID-1"));
        assert_eq!(body.enabled, Some(true));
        assert!(body.active);
        assert_eq!(body.count, 12);
        assert_eq!(body.amount, Some(0.0045));
        assert_eq!(body.swaps, Some(2));
        assert_eq!(body.name, "42");
    }

    #[test]
    fn nulls_blanks_and_missing_fields_take_defaults() {
        let body: Body = from_value(json!({
            "Enabled": null, "Active": "no", "Count": "", "Name": null, "Numbers": null, "Inner": null
        }))
        .unwrap();
        assert_eq!(body, Body::default());
    }

    #[test]
    fn lists_come_as_lists_single_objects_or_phone_entries() {
        let body: Body = from_value(json!({
            "Numbers": [{"Number": "+18015551234"}, "+18015551235"],
            "Items": {"ID": "X-1"}
        }))
        .unwrap();
        assert_eq!(body.numbers, ["+18015551234", "+18015551235"]);
        assert_eq!(body.items, [Inner { id: "X-1".into() }]);
        let one: Body = from_value(json!({"Numbers": "+18015551234"})).unwrap();
        assert_eq!(one.numbers, ["+18015551234"]);
    }

    #[test]
    fn what_cannot_be_read_is_still_an_error() {
        assert!(from_value::<Body>(json!({"Count": "twelve"})).is_err());
        assert!(from_value::<Body>(json!({"Count": 1.5})).is_err());
        assert!(from_value::<Body>(json!({"Count": -1})).is_err());
        assert!(from_value::<Body>(json!({"Name": ["a"]})).is_err());
        assert!(from_value::<Body>(json!("text")).is_err());
    }
}
