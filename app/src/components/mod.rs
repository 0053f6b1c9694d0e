pub mod breadcrumbs;
pub mod layout;
pub mod pager;
pub mod problem;
pub mod restrictions;
pub mod usage;
