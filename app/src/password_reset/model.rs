//! What the reset pages and the server agree on.

/// How long a reset link works. Long enough to find the mail, short enough
/// that a link left in an inbox is soon worth nothing.
pub const LINK_MINUTES: i64 = 30;

/// The answer to every request for a link, whether or not the address has
/// an account: the page says nothing a stranger could learn from.
pub const LINK_SENT: &str =
    "If that address has an account, we sent a link to it. It works once, within the next 30 minutes. \
     Nothing there? Check the spam folder, or ask again in a few minutes.";

/// A link that is unknown, used, expired or replaced by a newer one.
pub const LINK_DEAD: &str =
    "This link no longer works: it was used already, it expired, or a newer one was sent. Ask for a new link.";
