//! One declaration per Telegent operation.
//!
//! Each area (`ops/*.rs`) lists its operations in one [`operations!`] table:
//! safety class, method and path, the client function with its arguments, the
//! response type, and which cached reads it makes stale. From that one line
//! come the `TelegentClient` function, the [`Operation`] entry the coverage
//! table (`server/sandbox/COVERAGE.md`) and the reference-example tests read,
//! and — for billable operations — the [`BillableRequest`] link between the
//! request body and its path.
//!
//! Table syntax, one entry per operation:
//!
//! ```text
//! /// What the function does (optional).
//! Class METHOD [cached|manual] "/v1.0/path"
//!     => function(argument: Type = "QueryName", ...) -> Returned [as WireType],
//!     invalidates ["/v1.0/prefix", ...];
//! ```
//!
//! - `Read GET`: query arguments (`&str`, `Option<&str>`, `u32`, `Option<u32>`;
//!   unset options are left out); served from the short read cache.
//! - `Read POST`: a body that changes nothing; retried, not cached.
//! - `Read POST cached`: a batch read sent as POST; cached under path and body.
//! - `Mutation POST`: retried per the documented policy (the API's writes are
//!   idempotent), then the listed reads are dropped from the cache.
//! - `Billable POST`: sent once (see [`crate::Safety::Billable`]), then the
//!   listed reads are dropped, even after a failure, which may have gone through.
//! - `as WireType`: the body is read as `WireType` and handed back as the
//!   function's type (`ListOf<T>` → `Vec<T>`).
//! - `manual`: the function is written by hand (it does more than the table says).

use serde::de::DeserializeOwned;
use serde::Serialize;
use serde_json::Value;

/// What an operation does to the platform, which decides how it is sent.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Class {
    /// Changes nothing: retried, and GETs (and batch reads) are cached.
    Read,
    /// Changes state, idempotently: retried; makes cached reads stale.
    Mutation,
    /// Costs money or sends something: sent at most once.
    Billable,
}

impl Class {
    /// The word the coverage table uses.
    pub fn label(self) -> &'static str {
        match self {
            Class::Read => "read",
            Class::Mutation => "mutation",
            Class::Billable => "billable",
        }
    }
}

/// Checks that a reference example reads into an operation's type.
pub type ExampleCheck = fn(Value) -> Result<(), serde_json::Error>;

/// One operation the client covers, as its table declares it.
#[derive(Debug, Clone, Copy)]
pub struct Operation {
    pub method: &'static str,
    pub path: &'static str,
    /// The client function that sends it, e.g. `TelegentClient::provision_number`.
    pub function: &'static str,
    pub class: Class,
    /// Path prefixes of the cached reads dropped after the call.
    pub invalidates: &'static [&'static str],
    /// Reads a response body with the type the function decodes into.
    pub read_response: ExampleCheck,
    /// Reads a request body with the function's request type (POSTs only).
    pub read_request: Option<ExampleCheck>,
}

impl Operation {
    /// `METHOD /path`, as the reference and the sandbox name operations.
    pub fn key(&self) -> String {
        format!("{} {}", self.method, self.path)
    }
}

/// [`ExampleCheck`] for `T`, reading as the client does.
pub fn reads_as<T: DeserializeOwned>(value: Value) -> Result<(), serde_json::Error> {
    crate::tolerant::from_value::<T>(value).map(|_| ())
}

/// A request body that costs money or sends something. Lets the portal's
/// at-most-once intent store send typed requests
/// (`TelegentClient::submit_billable`) without naming paths itself.
pub trait BillableRequest: Serialize {
    const PATH: &'static str;
    /// Reads made stale by the call, whatever its outcome.
    const INVALIDATES: &'static [&'static str];
    /// What the platform answers when the call succeeds.
    type Response: DeserializeOwned + Serialize;
}

/// A query argument of a `Read GET` function; `None` leaves the parameter out.
pub trait QueryValue {
    fn query_value(&self) -> Option<String>;
}

impl QueryValue for &str {
    fn query_value(&self) -> Option<String> {
        Some((*self).to_string())
    }
}

impl QueryValue for Option<&str> {
    fn query_value(&self) -> Option<String> {
        self.map(str::to_string)
    }
}

impl QueryValue for u32 {
    fn query_value(&self) -> Option<String> {
        Some(self.to_string())
    }
}

impl QueryValue for Option<u32> {
    fn query_value(&self) -> Option<String> {
        self.map(|n| n.to_string())
    }
}

/// The set parameters, in the table's order.
pub fn query_pairs(params: &[(&'static str, Option<String>)]) -> Vec<(&'static str, String)> {
    params
        .iter()
        .filter_map(|(name, value)| value.clone().map(|v| (*name, v)))
        .collect()
}

/// Declares an area's operations; see the module documentation.
macro_rules! operations {
    ($(
        $(#[$doc:meta])*
        $class:ident $method:ident $($flag:ident)? $path:literal
        => $name:ident ( $($arg:ident : $t:ty $(= $q:literal)?),* $(,)? ) -> $ret:ty $(as $wire:ty)?
        $(, invalidates [$($inv:literal),* $(,)?])?;
    )*) => {
        /// This area's operations, as declared in its table.
        pub const OPERATIONS: &[$crate::operation::Operation] = &[$(
            $crate::operation::Operation {
                method: stringify!($method),
                path: $path,
                function: concat!("TelegentClient::", stringify!($name)),
                class: $crate::operation::Class::$class,
                invalidates: &[$($($inv),*)?],
                read_response: $crate::operation::reads_as::<operations!(@wire $ret $(, $wire)?)>,
                read_request: operations!(@request $method [$($t),*]),
            },
        )*];

        $( operations!(@billable $class $path [$($t),*] $ret [$($($inv),*)?]); )*

        #[cfg(feature = "client")]
        impl $crate::TelegentClient {
            $(
                operations!(@fn [$($flag)?] $class $method $path [$(#[$doc])*]
                    $name ($($arg : $t $(= $q)?),*) -> $ret $(as $wire)? [$($($inv),*)?]);
            )*
        }
    };

    (@wire $ret:ty) => { $ret };
    (@wire $ret:ty, $wire:ty) => { $wire };

    (@request POST [$t:ty]) => { Some($crate::operation::reads_as::<$t>) };
    (@request GET [$($t:ty),*]) => { None };

    (@billable Billable $path:literal [$t:ty] $ret:ty [$($inv:literal),*]) => {
        impl $crate::operation::BillableRequest for $t {
            const PATH: &'static str = $path;
            const INVALIDATES: &'static [&'static str] = &[$($inv),*];
            type Response = $ret;
        }
    };
    (@billable $($other:tt)*) => {};

    // The body as read off the wire, handed back as the function's type.
    (@decoded $result:expr, $ret:ty) => { $result };
    (@decoded $result:expr, $ret:ty, $wire:ty) => { $result.map(<$ret>::from) };

    (@fn [manual] $($hand_written:tt)*) => {};

    (@fn [] Read GET $path:literal [$(#[$doc:meta])*]
        $name:ident ($($arg:ident : $t:ty = $q:literal),*) -> $ret:ty $(as $wire:ty)? []) => {
        #[doc = concat!("`GET ", $path, "`.")]
        #[doc = ""]
        $(#[$doc])*
        pub async fn $name(&self, $($arg: $t),*) -> Result<$ret, $crate::TelegentError> {
            let params = $crate::operation::query_pairs(&[
                $(($q, $crate::operation::QueryValue::query_value(&$arg))),*
            ]);
            let query: Vec<(&str, &str)> = params.iter().map(|(k, v)| (*k, v.as_str())).collect();
            let result = self.get_cached::<operations!(@wire $ret $(, $wire)?)>($path, &query).await;
            operations!(@decoded result, $ret $(, $wire)?)
        }
    };

    (@fn [cached] Read POST $path:literal [$(#[$doc:meta])*]
        $name:ident ($arg:ident : $t:ty) -> $ret:ty $(as $wire:ty)? []) => {
        #[doc = concat!("`POST ", $path, "` (a read: cached under its path and body).")]
        #[doc = ""]
        $(#[$doc])*
        pub async fn $name(&self, $arg: &$t) -> Result<$ret, $crate::TelegentError> {
            let body = $crate::ops::to_body($arg)?;
            let result = self.post_read::<operations!(@wire $ret $(, $wire)?)>($path, &body).await;
            operations!(@decoded result, $ret $(, $wire)?)
        }
    };

    (@fn [] $class:ident POST $path:literal [$(#[$doc:meta])*]
        $name:ident ($arg:ident : $t:ty) -> $ret:ty $(as $wire:ty)? [$($inv:literal),*]) => {
        #[doc = concat!("`POST ", $path, "`.")]
        #[doc = ""]
        $(#[$doc])*
        pub async fn $name(&self, $arg: &$t) -> Result<$ret, $crate::TelegentError> {
            let body = $crate::ops::to_body($arg)?;
            let safety = $crate::Safety::of($crate::operation::Class::$class);
            let result = self.post::<operations!(@wire $ret $(, $wire)?)>($path, &body, safety).await;
            $( self.invalidate_reads($inv); )*
            operations!(@decoded result, $ret $(, $wire)?)
        }
    };
}
