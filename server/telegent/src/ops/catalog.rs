//! Catalog: products, packages and their items, services, subscriptions.
//!
//! Fields take the API's names in PascalCase; `rename` marks where the API
//! spells a name otherwise. Responses read every field as optional, and the
//! loose forms the reference shows are read by `crate::tolerant`, so the types
//! stay plain. The table at the end declares the area's operations.

use serde::{Deserialize, Serialize};

use crate::types::ListOf;

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, rename_all = "PascalCase")]
pub struct ProductCreateRequest {
    #[serde(rename = "SKU")]
    pub sku: String,
    pub description: String,
    #[serde(rename = "Type")]
    pub kind: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub sub_type: Option<String>,
    pub cost: f64,
    /// One of: `MRC`, `NRC`.
    pub billing_frequency: String,
    /// An Account's own product (none: the Distributor's catalog).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub account_id: Option<String>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, rename_all = "PascalCase")]
pub struct ProductUpdateRequest {
    pub product_id: String,
    #[serde(rename = "SKU", skip_serializing_if = "Option::is_none")]
    pub sku: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    #[serde(rename = "Type", skip_serializing_if = "Option::is_none")]
    pub kind: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub sub_type: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub cost: Option<f64>,
    /// One of: `MRC`, `NRC`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub billing_frequency: Option<String>,
    /// Not in the documented request; the record keeps what an update sends,
    /// and lists filter on it (how a product is retired without deleting it).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub active: Option<bool>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, rename_all = "PascalCase")]
pub struct ProductDeleteRequest {
    pub product_id: String,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, rename_all = "PascalCase")]
pub struct PackageCreateRequest {
    pub package_name: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub subscriber_id: Option<String>,
    #[serde(rename = "Type")]
    pub kind: String,
    pub price: f64,
    pub monthly: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub package_items: Option<Vec<PackageItemInput>>,
    /// An Account's own package (none: the Distributor's catalog).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub account_id: Option<String>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, rename_all = "PascalCase")]
pub struct PackageItemInput {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub product_id: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub price: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub monthly: Option<bool>,
    #[serde(rename = "Type", skip_serializing_if = "Option::is_none")]
    pub kind: Option<String>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, rename_all = "PascalCase")]
pub struct PackageUpdateRequest {
    pub package_id: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub package_name: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub subscriber_id: Option<String>,
    #[serde(rename = "Type", skip_serializing_if = "Option::is_none")]
    pub kind: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub price: Option<f64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub monthly: Option<bool>,
    /// As for products: not documented, kept by the record, filtered on.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub active: Option<bool>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, rename_all = "PascalCase")]
pub struct PackageDeleteRequest {
    pub package_id: String,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, rename_all = "PascalCase")]
pub struct PackageItemAddRequest {
    pub package_id: String,
    pub product_id: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub price: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub monthly: Option<bool>,
    #[serde(rename = "Type", skip_serializing_if = "Option::is_none")]
    pub kind: Option<String>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, rename_all = "PascalCase")]
pub struct PackageItemUpdateRequest {
    pub package_id: String,
    pub package_item_id: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub price: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub monthly: Option<bool>,
    #[serde(rename = "Type", skip_serializing_if = "Option::is_none")]
    pub kind: Option<String>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, rename_all = "PascalCase")]
pub struct PackageItemDeleteRequest {
    pub package_id: String,
    pub package_item_id: String,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, rename_all = "PascalCase")]
pub struct SubscriptionCreateRequest {
    pub subscriber_id: String,
    #[serde(rename = "TNID", skip_serializing_if = "Option::is_none")]
    pub tnid: Option<String>,
    #[serde(rename = "ICCID", skip_serializing_if = "Option::is_none")]
    pub iccid: Option<String>,
    pub package_id: String,
    #[serde(rename = "Type")]
    pub kind: String,
}

/// Moves a subscription to another package (the number and subscriber stay).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, rename_all = "PascalCase")]
pub struct SubscriptionUpdateRequest {
    pub subscription_id: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub package_id: Option<String>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, rename_all = "PascalCase")]
pub struct SubscriptionDeleteRequest {
    pub subscription_id: String,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, rename_all = "PascalCase")]
pub struct Product {
    pub product_id: Option<String>,
    #[serde(rename = "SKU")]
    pub sku: Option<String>,
    pub description: Option<String>,
    pub aggregator_id: Option<String>,
    pub distributor_id: Option<String>,
    #[serde(rename = "Type")]
    pub kind: Option<String>,
    pub sub_type: Option<String>,
    pub cost: Option<f64>,
    pub billing_frequency: Option<String>,
    pub active: Option<bool>,
    /// Set when the product is one Account's own.
    #[serde(alias = "AccountID")]
    pub account_id: Option<String>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, rename_all = "PascalCase")]
pub struct ProductDeleted {
    pub product_id: Option<String>,
    pub product_status: Option<String>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, rename_all = "PascalCase")]
pub struct ProductList {
    pub distributor_id: Option<String>,
    pub total_products: Option<i64>,
    pub filter: Option<String>,
    pub results: Vec<Product>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, rename_all = "PascalCase")]
pub struct Package {
    pub package_id: Option<String>,
    pub package_name: Option<String>,
    pub distributor_id: Option<String>,
    pub aggregator_id: Option<String>,
    pub subscriber_id: Option<String>,
    #[serde(rename = "Type")]
    pub kind: Option<String>,
    pub price: Option<f64>,
    pub monthly: Option<bool>,
    pub active: Option<bool>,
    pub description: Option<String>,
    /// Set when the package is one Account's own.
    #[serde(alias = "AccountID")]
    pub account_id: Option<String>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, rename_all = "PascalCase")]
pub struct PackageDeleted {
    pub package_id: Option<String>,
    pub package_status: Option<String>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, rename_all = "PascalCase")]
pub struct PackageItem {
    pub package_item_id: Option<String>,
    pub package_id: Option<String>,
    #[serde(rename = "Type")]
    pub kind: Option<String>,
    pub price: Option<f64>,
    pub monthly: Option<bool>,
    pub active: Option<bool>,
    pub product_id: Option<String>,
    pub aggregator_id: Option<String>,
    pub distributor_id: Option<String>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, rename_all = "PascalCase")]
pub struct PackageItemDeleted {
    pub package_item_id: Option<String>,
    pub package_id: Option<String>,
    pub package_item_status: Option<String>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, rename_all = "PascalCase")]
pub struct PackageList {
    pub distributor_id: Option<String>,
    pub total_packages: Option<i64>,
    pub filter: Option<String>,
    pub results: Vec<Package>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, rename_all = "PascalCase")]
pub struct Service {
    pub service_id: Option<String>,
    pub service_name: Option<String>,
    pub cost: Option<f64>,
    pub monthly: Option<bool>,
    pub active: Option<bool>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, rename_all = "PascalCase")]
pub struct ServiceCreateRequest {
    pub service_name: String,
    pub cost: f64,
    pub monthly: bool,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, rename_all = "PascalCase")]
pub struct ServiceUpdateRequest {
    pub service_id: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub service_name: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub cost: Option<f64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub monthly: Option<bool>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub active: Option<bool>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, rename_all = "PascalCase")]
pub struct ServiceDeleteRequest {
    pub service_id: String,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, rename_all = "PascalCase")]
pub struct ServiceDeleted {
    pub service_id: Option<String>,
    pub service_status: Option<String>,
}

/// A price for a service. Items have no ID of their own: the reference
/// names an item by its service (and optionally its Distributor).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, rename_all = "PascalCase")]
pub struct ServiceItem {
    pub service_id: Option<String>,
    pub aggregator_id: Option<String>,
    pub distributor_id: Option<String>,
    pub price: Option<f64>,
    pub monthly: Option<bool>,
    pub active: Option<bool>,
}

/// `GET /v1.0/services/items`: the service and its items.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, rename_all = "PascalCase")]
pub struct ServiceItems {
    pub service_id: Option<String>,
    pub items: Vec<ServiceItem>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, rename_all = "PascalCase")]
pub struct ServiceItemRequest {
    pub service_id: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub aggregator_id: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub distributor_id: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub price: Option<f64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub monthly: Option<bool>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, rename_all = "PascalCase")]
pub struct ServiceItemDeleteRequest {
    pub service_id: String,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, rename_all = "PascalCase")]
pub struct ServiceItemDeleted {
    pub service_id: Option<String>,
    pub successful: Option<bool>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, rename_all = "PascalCase")]
pub struct ServiceList {
    pub aggregator_id: Option<String>,
    pub total_services: Option<i64>,
    pub filter: Option<String>,
    pub results: Vec<Service>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, rename_all = "PascalCase")]
pub struct Subscription {
    pub subscription_id: Option<String>,
    pub subscriber_id: Option<String>,
    #[serde(rename = "TNID")]
    pub tnid: Option<String>,
    #[serde(rename = "ICCID")]
    pub iccid: Option<String>,
    pub package_id: Option<String>,
    #[serde(rename = "Type")]
    pub kind: Option<String>,
    pub active: Option<bool>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, rename_all = "PascalCase")]
pub struct SubscriptionDeleted {
    pub subscription_id: Option<String>,
    pub subscription_status: Option<String>,
}

/// A package with the subscriptions on it (active and not).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, rename_all = "PascalCase")]
pub struct PackageSubscriptions {
    pub package_id: Option<String>,
    pub package_name: Option<String>,
    pub subscriptions: Vec<Subscription>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, rename_all = "PascalCase")]
pub struct SubscriptionList {
    pub account_id: Option<String>,
    pub total_subscriptions: Option<i64>,
    pub filter: Option<String>,
    pub results: Vec<Subscription>,
}

operations! {
    Read GET "/v1.0/products"
        => product(product_id: &str = "ProductId") -> Product;
    Mutation POST "/v1.0/products"
        => create_product(request: ProductCreateRequest) -> Product,
        invalidates ["/v1.0/products", "/v1.0/account/products", "/v1.0/distributor/products"];
    Mutation POST "/v1.0/products/update"
        => update_product(request: ProductUpdateRequest) -> Product,
        invalidates ["/v1.0/products", "/v1.0/account/products", "/v1.0/distributor/products"];
    Mutation POST "/v1.0/products/delete"
        => delete_product(request: ProductDeleteRequest) -> ProductDeleted,
        invalidates ["/v1.0/products", "/v1.0/account/products", "/v1.0/distributor/products"];
    Read GET "/v1.0/account/products"
        => account_products(filter: Option<&str> = "Filter") -> ProductList;
    Read GET "/v1.0/distributor/products"
        => distributor_products(filter: Option<&str> = "Filter") -> ProductList;
    Read GET "/v1.0/packages"
        => package(package_id: &str = "PackageId") -> Package;
    Mutation POST "/v1.0/packages"
        => create_package(request: PackageCreateRequest) -> Package,
        invalidates ["/v1.0/packages", "/v1.0/account/packages", "/v1.0/distributor/packages"];
    Mutation POST "/v1.0/packages/update"
        => update_package(request: PackageUpdateRequest) -> Package,
        invalidates ["/v1.0/packages", "/v1.0/account/packages", "/v1.0/distributor/packages"];
    Mutation POST "/v1.0/packages/delete"
        => delete_package(request: PackageDeleteRequest) -> PackageDeleted,
        invalidates ["/v1.0/packages", "/v1.0/account/packages", "/v1.0/distributor/packages"];
    Mutation POST "/v1.0/packages/items/add"
        => add_package_item(request: PackageItemAddRequest) -> PackageItem,
        invalidates ["/v1.0/packages", "/v1.0/account/packages", "/v1.0/distributor/packages"];
    Mutation POST "/v1.0/packages/items/update"
        => update_package_item(request: PackageItemUpdateRequest) -> PackageItem,
        invalidates ["/v1.0/packages", "/v1.0/account/packages", "/v1.0/distributor/packages"];
    Mutation POST "/v1.0/packages/items/delete"
        => delete_package_item(request: PackageItemDeleteRequest) -> PackageItemDeleted,
        invalidates ["/v1.0/packages", "/v1.0/account/packages", "/v1.0/distributor/packages"];
    Read GET "/v1.0/packages/items"
        => package_items(package_id: &str = "PackageId") -> Vec<PackageItem> as ListOf<PackageItem>;
    /// Used before deleting a package or a product: what still bills on it.
    Read GET "/v1.0/packages/subscriptions"
        => package_subscriptions(package_id: &str = "PackageId") -> PackageSubscriptions;
    Read GET "/v1.0/account/packages"
        => account_packages(filter: Option<&str> = "Filter") -> PackageList;
    Read GET "/v1.0/distributor/packages"
        => distributor_packages(filter: Option<&str> = "Filter") -> PackageList;
    Read GET "/v1.0/services"
        => service(service_id: &str = "ServiceId") -> Service;
    Read GET "/v1.0/account/services"
        => account_services(filter: Option<&str> = "Filter") -> ServiceList;
    Mutation POST "/v1.0/services"
        => create_service(request: ServiceCreateRequest) -> Service,
        invalidates ["/v1.0/services", "/v1.0/account/services"];
    Mutation POST "/v1.0/services/update"
        => update_service(request: ServiceUpdateRequest) -> Service,
        invalidates ["/v1.0/services", "/v1.0/account/services"];
    Mutation POST "/v1.0/services/delete"
        => delete_service(request: ServiceDeleteRequest) -> ServiceDeleted,
        invalidates ["/v1.0/services", "/v1.0/account/services", "/v1.0/services/items"];
    Read GET "/v1.0/services/items"
        => service_items(service_id: &str = "ServiceId") -> ServiceItems;
    Mutation POST "/v1.0/services/items/add"
        => add_service_item(request: ServiceItemRequest) -> ServiceItem,
        invalidates ["/v1.0/services/items"];
    Mutation POST "/v1.0/services/items/update"
        => update_service_item(request: ServiceItemRequest) -> ServiceItem,
        invalidates ["/v1.0/services/items"];
    Mutation POST "/v1.0/services/items/delete"
        => delete_service_item(request: ServiceItemDeleteRequest) -> ServiceItemDeleted,
        invalidates ["/v1.0/services/items"];
    /// One subscription per number. Sent once: an ambiguous failure is `OutcomeUnknown`; look for the
    /// subscription in `account_subscriptions` before creating it again.
    Billable POST "/v1.0/subscriptions"
        => create_subscription(request: SubscriptionCreateRequest) -> Subscription,
        invalidates ["/v1.0/subscriptions", "/v1.0/account/subscriptions", "/v1.0/distributor/subscriptions", "/v1.0/packages/subscriptions"];
    Read GET "/v1.0/subscriptions"
        => subscription(subscription_id: &str = "SubscriptionId") -> Subscription;
    Mutation POST "/v1.0/subscriptions/update"
        => update_subscription(request: SubscriptionUpdateRequest) -> Subscription,
        invalidates ["/v1.0/subscriptions", "/v1.0/account/subscriptions", "/v1.0/distributor/subscriptions", "/v1.0/packages/subscriptions"];
    /// The only way to cancel a subscription; its ICCID can be reused afterwards.
    Mutation POST "/v1.0/subscriptions/delete"
        => delete_subscription(request: SubscriptionDeleteRequest) -> SubscriptionDeleted,
        invalidates ["/v1.0/subscriptions", "/v1.0/account/subscriptions", "/v1.0/distributor/subscriptions", "/v1.0/packages/subscriptions"];
    /// A Distributor names the Account
    /// (`AccountId`) when it has more than one.
    Read GET "/v1.0/account/subscriptions"
        => account_subscriptions(
            filter: Option<&str> = "Filter",
            account_id: Option<&str> = "AccountId",
        ) -> SubscriptionList;
}
