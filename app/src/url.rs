//! Building links whose state (search, sort, page, filters) lives in the URL.

/// `application/x-www-form-urlencoded` for one value.
pub fn urlencode(value: &str) -> String {
    value
        .bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => (b as char).to_string(),
            b' ' => "+".into(),
            _ => format!("%{b:02X}"),
        })
        .collect()
}

/// `base?k=v&…` with the given (non-empty) parameters, or `base` alone.
pub fn with_query(base: &str, params: &[(&str, String)]) -> String {
    let query: Vec<String> = params
        .iter()
        .filter(|(_, v)| !v.is_empty())
        .map(|(k, v)| format!("{k}={}", urlencode(v)))
        .collect();
    if query.is_empty() {
        base.to_string()
    } else {
        format!("{base}?{}", query.join("&"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn empty_values_are_left_out_and_the_rest_encoded() {
        assert_eq!(with_query("/audit", &[("user", String::new())]), "/audit");
        assert_eq!(
            with_query("/audit", &[("user", "a b&c".into()), ("page", "2".into())]),
            "/audit?user=a+b%26c&page=2"
        );
    }
}
