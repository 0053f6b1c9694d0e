//! The catalog: Products (the smallest billable unit), Packages (what a
//! subscriber pays for, made of items that reference Products) and
//! Services (features billed on their own, with the Distributor's price). Distributor
//! staff manage the Distributor's catalog and see costs and margins; an
//! Account Admin manages their own Account's products and packages; the
//! Account's people read what is offered to them, without costs.

pub mod api;
pub mod model;
pub mod money;
pub mod package_page;
pub mod package_pages;
pub mod product_pages;
pub mod service_api;
pub mod service_model;
pub mod service_pages;
pub mod shared;

#[cfg(feature = "ssr")]
pub mod package_items;
#[cfg(feature = "ssr")]
pub mod packages;
#[cfg(feature = "ssr")]
pub mod products;
#[cfg(feature = "ssr")]
pub mod scope;
#[cfg(feature = "ssr")]
pub mod services;

pub use package_page::PackagePage;
pub use package_pages::{PackageFormPage, PackagesPage};
pub use product_pages::{ProductFormPage, ProductPage, ProductsPage};
pub use service_pages::{ServiceFormPage, ServicePage, ServicesPage};
