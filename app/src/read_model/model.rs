//! What pages built on the read model are told about it.

use serde::{Deserialize, Serialize};

/// How current a page's copy is.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Freshness {
    /// Seconds since Telegent last confirmed the copy in full (`None`: never).
    pub confirmed_seconds_ago: Option<u64>,
    /// A sweep is running now (the page may reload for newer data).
    pub sweeping: bool,
    /// Why the last sweep did not finish, in words, if it did not.
    pub last_problem: Option<String>,
    /// "Refresh now" is possible (not asked for in the last minute).
    pub can_refresh: bool,
}

impl Freshness {
    /// "as of 2 min ago", for the page's status line.
    pub fn as_of_words(&self) -> String {
        match self.confirmed_seconds_ago {
            None => "not read from Telegent yet".into(),
            Some(s) if s < 60 => "as of less than a minute ago".into(),
            Some(s) if s < 3600 => format!("as of {} min ago", s / 60),
            Some(s) if s < 86_400 => format!("as of {} h ago", s / 3600),
            Some(s) => format!("as of {} days ago", s / 86_400),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ages_read_as_words() {
        let at = |s| Freshness {
            confirmed_seconds_ago: s,
            ..Freshness::default()
        };
        assert_eq!(at(None).as_of_words(), "not read from Telegent yet");
        assert_eq!(at(Some(5)).as_of_words(), "as of less than a minute ago");
        assert_eq!(at(Some(150)).as_of_words(), "as of 2 min ago");
        assert_eq!(at(Some(7300)).as_of_words(), "as of 2 h ago");
        assert_eq!(at(Some(200_000)).as_of_words(), "as of 2 days ago");
    }
}
