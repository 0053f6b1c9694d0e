//! Widgets shared by every area: the page shell, breadcrumbs, the pager,
//! problem pages, data-use gauges and the form kit.

pub mod as_of;
pub mod breadcrumbs;
pub mod copy;
pub mod csv;
pub mod form;
pub mod layout;
pub mod not_found;
pub mod pager;
pub mod problem;
pub mod theme;
pub mod typed;
pub mod usage;
