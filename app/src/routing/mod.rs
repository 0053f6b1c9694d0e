//! An Account's routes: where Telegent delivers its messages (message
//! routes; required before any number is provisioned). Voice routes come
//! next. Pages: the Account's routes, a message route with the lines using
//! it, and the message-route form.

pub mod api;
pub mod model;
pub mod pages;

#[cfg(feature = "ssr")]
pub mod message;
#[cfg(feature = "ssr")]
pub mod urls;

pub use pages::{MessageRouteFormPage, MessageRoutePage, RoutesPage};
