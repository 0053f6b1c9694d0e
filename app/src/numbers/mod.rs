//! Numbers: provisioning, port-in and port-out, each billable and submitted
//! at most once (the pages come with the numbers-and-porting work).

#[cfg(feature = "ssr")]
pub mod service;
