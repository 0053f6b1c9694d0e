//! Reading form values that are not text. A server function's form struct
//! is flattened into the posted fields (so the field names stay those of
//! the HTML form), and a flattened struct receives every value as text:
//! these read "true" / "on" and "2" whether they arrive as text (a form
//! post) or as their own type (a call from the browser's code).

use serde::{Deserialize, Deserializer};

#[derive(Deserialize)]
#[serde(untagged)]
enum TextOr<T> {
    Text(String),
    Value(T),
}

/// A checkbox or hidden flag: `true`, `on`, `1` and `yes` are true.
pub fn flag<'de, D: Deserializer<'de>>(deserializer: D) -> Result<bool, D::Error> {
    Ok(match TextOr::<bool>::deserialize(deserializer)? {
        TextOr::Value(value) => value,
        TextOr::Text(text) => matches!(text.trim(), "true" | "on" | "1" | "yes"),
    })
}

/// A whole number; an empty or unreadable value is the type's default
/// (for a page number: the first page).
pub fn number<'de, D, T>(deserializer: D) -> Result<T, D::Error>
where
    D: Deserializer<'de>,
    T: Deserialize<'de> + std::str::FromStr + Default,
{
    Ok(match TextOr::<T>::deserialize(deserializer)? {
        TextOr::Value(value) => value,
        TextOr::Text(text) => text.trim().parse().unwrap_or_default(),
    })
}

/// An ID or filter value as posted: no control characters (a NUL byte
/// would fail the database's bind, a 500) and not absurdly long. Anything
/// else is a malformed request, not something a person typed.
pub fn plain_id(value: &str) -> Result<&str, crate::error::AppError> {
    if value.len() > 200 || value.chars().any(char::is_control) {
        return Err(crate::error::AppError::BadRequest(
            "an ID holds characters no ID has".into(),
        ));
    }
    Ok(value)
}
