//! "As of …": what a page says when part of it is a saved copy of Telegent's
//! data (slowly changing data is kept longer, and a busy budget serves the
//! last copy), so people never mistake a copy for a fresh read.

use leptos::prelude::*;

/// The sentence for a copy `seconds` old.
pub fn as_of_text(seconds: u64) -> String {
    let when = match seconds {
        0..=59 => "less than a minute ago".to_string(),
        60..=3599 => format!("{} min ago", seconds / 60),
        _ => format!("{} h ago", seconds / 3600),
    };
    format!("Partly from a copy saved {when}. Changes made here show at once; changes made elsewhere show on a later visit.")
}

#[component]
pub fn AsOf(seconds: Option<u64>) -> impl IntoView {
    seconds.map(|s| view! { <p class="as-of muted">{as_of_text(s)}</p> })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ages_read_in_minutes_and_hours() {
        assert!(as_of_text(5).contains("less than a minute ago"));
        assert!(as_of_text(240).contains("4 min ago"));
        assert!(as_of_text(7300).contains("2 h ago"));
    }
}
