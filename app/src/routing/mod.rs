//! An Account's routes: where Telegent delivers its messages (message
//! routes; required before any number is provisioned) and its calls (voice
//! routes; SIP trunks, a webhook, or a forward). Pages: the Account's
//! routes, each route with the lines using it, and the two forms.

pub mod api;
pub mod model;
pub mod pages;
pub mod voice_model;
pub mod voice_pages;

#[cfg(feature = "ssr")]
pub mod lines;
#[cfg(feature = "ssr")]
pub mod message;
#[cfg(feature = "ssr")]
pub mod urls;
#[cfg(feature = "ssr")]
pub mod voice;
#[cfg(feature = "ssr")]
pub mod voice_check;

pub use pages::{MessageRouteFormPage, MessageRoutePage, RoutesPage};
pub use voice_pages::{VoiceRouteFormPage, VoiceRoutePage};
