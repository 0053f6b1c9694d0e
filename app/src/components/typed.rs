//! What a person typed into a form the server refused, kept for the page the
//! refusal sends them back to, so the form comes back filled in (secrets
//! never) with the messages at its fields.
//!
//! A plain form post that fails is answered with a redirect back to the form
//! (`?__err=…`); the server keeps the posted fields in the session for that
//! one page (`server/src/web.rs`), and the form kit's fields take their value
//! from here when they name the server function they post to (`remember`).

use serde::{Deserialize, Serialize};

/// The session key the refused post is kept under.
pub const SESSION_KEY: &str = "typed_back";

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct TypedBack {
    /// The server function the form posted to (`/api/…`).
    pub path: String,
    pub fields: Vec<(String, String)>,
}

/// Field names whose values are never kept: passwords, secrets, PINs and a
/// reset link's token (its page has it in the address already).
pub fn is_secret(name: &str) -> bool {
    let name = name.to_ascii_lowercase();
    name.contains("password") || name.contains("secret") || name == "pin" || name.ends_with("_pin") || name == "token"
        // A losing carrier's account number (port-in): write-only like a PIN.
        || name == "account_number"
}

impl TypedBack {
    /// The posted fields of `path`'s form, secrets left out.
    pub fn new(path: &str, posted: impl IntoIterator<Item = (String, String)>) -> Self {
        Self {
            path: path.to_string(),
            fields: posted.into_iter().filter(|(name, _)| !is_secret(name)).collect(),
        }
    }

    /// The typed value of `name`, if this is the refused post of `path`.
    pub fn value(&self, path: &str, name: &str) -> Option<String> {
        (self.path == path)
            .then(|| self.fields.iter().find(|(n, _)| n == name).map(|(_, v)| v.clone()))
            .flatten()
    }

    /// Every value posted for `name` (a checkbox list), if this is `path`'s post.
    pub fn values(&self, path: &str, name: &str) -> Option<Vec<String>> {
        (self.path == path).then(|| {
            self.fields
                .iter()
                .filter(|(n, _)| n == name)
                .map(|(_, v)| v.clone())
                .collect()
        })
    }
}

/// The refused post this page is answering, if any (server render only:
/// every form is rendered on the server).
pub fn current() -> Option<TypedBack> {
    #[cfg(feature = "ssr")]
    {
        leptos::prelude::use_context::<http::request::Parts>()?
            .extensions
            .get::<TypedBack>()
            .cloned()
    }
    #[cfg(not(feature = "ssr"))]
    {
        None
    }
}

/// What was typed into `name` of the refused post of `path`, on its page.
pub fn typed(path: &str, name: &str) -> Option<String> {
    current()?.value(path, name)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn secrets_are_never_kept_and_values_belong_to_their_form() {
        let posted = [
            ("email", "jane@example.com"),
            ("password", "hunter2 hunter2"),
            ("account_secret", "s3cret"),
            ("current_password", "x"),
            ("pin", "4321"),
            ("token", "Hy5VDHKV2KtipYOOoZYgmb1pAv1A-S_W-Sz0yRDdKcU"),
            ("numbers[]", "+18015550102"),
            ("numbers[]", "+18015550103"),
        ]
        .map(|(n, v)| (n.to_string(), v.to_string()));
        let back = TypedBack::new("/api/session/login", posted);
        assert_eq!(
            back.value("/api/session/login", "email").as_deref(),
            Some("jane@example.com")
        );
        for secret in ["password", "account_secret", "current_password", "pin", "token"] {
            assert_eq!(back.value("/api/session/login", secret), None, "{secret}");
        }
        assert_eq!(back.value("/api/members/add", "email"), None, "another form's field");
        assert_eq!(
            back.values("/api/session/login", "numbers[]").unwrap(),
            ["+18015550102", "+18015550103"]
        );
    }
}
