//! Catalog: products, packages and their items, services, subscriptions.
//!
//! Field names exactly as the API spells them. Responses read every field as
//! optional and accept the loose forms the reference shows (numbers as strings,
//! booleans as strings, lists as one object); unknown fields are ignored.

use serde::{Deserialize, Serialize};

#[allow(unused_imports)]
use crate::types::{
    lenient_bool, lenient_f64, lenient_i64, lenient_string, one_or_many, opt_bool, opt_f64, opt_i64, opt_list,
    opt_string, phone_list, Address, NumberEntry,
};

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct ProductCreateRequest {
    #[serde(rename = "SKU", deserialize_with = "lenient_string")]
    pub sku: String,
    #[serde(rename = "Description", deserialize_with = "lenient_string")]
    pub description: String,
    #[serde(rename = "Type", deserialize_with = "lenient_string")]
    pub kind: String,
    #[serde(
        rename = "SubType",
        skip_serializing_if = "Option::is_none",
        deserialize_with = "opt_string"
    )]
    pub sub_type: Option<String>,
    #[serde(rename = "Cost", deserialize_with = "lenient_f64")]
    pub cost: f64,
    /// One of: `MRC`, `NRC`.
    #[serde(rename = "BillingFrequency", deserialize_with = "lenient_string")]
    pub billing_frequency: String,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct ProductUpdateRequest {
    #[serde(rename = "ProductId", alias = "ProductID", deserialize_with = "lenient_string")]
    pub product_id: String,
    #[serde(
        rename = "SKU",
        skip_serializing_if = "Option::is_none",
        deserialize_with = "opt_string"
    )]
    pub sku: Option<String>,
    #[serde(
        rename = "Description",
        skip_serializing_if = "Option::is_none",
        deserialize_with = "opt_string"
    )]
    pub description: Option<String>,
    #[serde(
        rename = "Type",
        skip_serializing_if = "Option::is_none",
        deserialize_with = "opt_string"
    )]
    pub kind: Option<String>,
    #[serde(
        rename = "SubType",
        skip_serializing_if = "Option::is_none",
        deserialize_with = "opt_string"
    )]
    pub sub_type: Option<String>,
    #[serde(
        rename = "Cost",
        skip_serializing_if = "Option::is_none",
        deserialize_with = "opt_f64"
    )]
    pub cost: Option<f64>,
    /// One of: `MRC`, `NRC`.
    #[serde(
        rename = "BillingFrequency",
        skip_serializing_if = "Option::is_none",
        deserialize_with = "opt_string"
    )]
    pub billing_frequency: Option<String>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct ProductDeleteRequest {
    #[serde(rename = "ProductId", alias = "ProductID", deserialize_with = "lenient_string")]
    pub product_id: String,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct PackageCreateRequest {
    #[serde(rename = "PackageName", deserialize_with = "lenient_string")]
    pub package_name: String,
    #[serde(
        rename = "Description",
        skip_serializing_if = "Option::is_none",
        deserialize_with = "opt_string"
    )]
    pub description: Option<String>,
    #[serde(
        rename = "SubscriberId",
        alias = "SubscriberID",
        skip_serializing_if = "Option::is_none",
        deserialize_with = "opt_string"
    )]
    pub subscriber_id: Option<String>,
    #[serde(rename = "Type", deserialize_with = "lenient_string")]
    pub kind: String,
    #[serde(rename = "Price", deserialize_with = "lenient_f64")]
    pub price: f64,
    #[serde(rename = "Monthly", deserialize_with = "lenient_bool")]
    pub monthly: bool,
    #[serde(
        rename = "PackageItems",
        skip_serializing_if = "Option::is_none",
        deserialize_with = "opt_list"
    )]
    pub package_items: Option<Vec<PackageItemInput>>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct PackageItemInput {
    #[serde(
        rename = "ProductId",
        alias = "ProductID",
        skip_serializing_if = "Option::is_none",
        deserialize_with = "opt_string"
    )]
    pub product_id: Option<String>,
    #[serde(
        rename = "Price",
        skip_serializing_if = "Option::is_none",
        deserialize_with = "opt_string"
    )]
    pub price: Option<String>,
    #[serde(
        rename = "Monthly",
        skip_serializing_if = "Option::is_none",
        deserialize_with = "opt_bool"
    )]
    pub monthly: Option<bool>,
    #[serde(
        rename = "Type",
        skip_serializing_if = "Option::is_none",
        deserialize_with = "opt_string"
    )]
    pub kind: Option<String>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct PackageUpdateRequest {
    #[serde(rename = "PackageId", alias = "PackageID", deserialize_with = "lenient_string")]
    pub package_id: String,
    #[serde(
        rename = "PackageName",
        skip_serializing_if = "Option::is_none",
        deserialize_with = "opt_string"
    )]
    pub package_name: Option<String>,
    #[serde(
        rename = "Description",
        skip_serializing_if = "Option::is_none",
        deserialize_with = "opt_string"
    )]
    pub description: Option<String>,
    #[serde(
        rename = "SubscriberId",
        alias = "SubscriberID",
        skip_serializing_if = "Option::is_none",
        deserialize_with = "opt_string"
    )]
    pub subscriber_id: Option<String>,
    #[serde(
        rename = "Type",
        skip_serializing_if = "Option::is_none",
        deserialize_with = "opt_string"
    )]
    pub kind: Option<String>,
    #[serde(
        rename = "Price",
        skip_serializing_if = "Option::is_none",
        deserialize_with = "opt_f64"
    )]
    pub price: Option<f64>,
    #[serde(
        rename = "Monthly",
        skip_serializing_if = "Option::is_none",
        deserialize_with = "opt_bool"
    )]
    pub monthly: Option<bool>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct PackageDeleteRequest {
    #[serde(rename = "PackageId", alias = "PackageID", deserialize_with = "lenient_string")]
    pub package_id: String,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct PackageItemAddRequest {
    #[serde(rename = "PackageId", alias = "PackageID", deserialize_with = "lenient_string")]
    pub package_id: String,
    #[serde(rename = "ProductId", alias = "ProductID", deserialize_with = "lenient_string")]
    pub product_id: String,
    #[serde(
        rename = "Price",
        skip_serializing_if = "Option::is_none",
        deserialize_with = "opt_string"
    )]
    pub price: Option<String>,
    #[serde(
        rename = "Monthly",
        skip_serializing_if = "Option::is_none",
        deserialize_with = "opt_bool"
    )]
    pub monthly: Option<bool>,
    #[serde(
        rename = "Type",
        skip_serializing_if = "Option::is_none",
        deserialize_with = "opt_string"
    )]
    pub kind: Option<String>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct PackageItemUpdateRequest {
    #[serde(rename = "PackageId", alias = "PackageID", deserialize_with = "lenient_string")]
    pub package_id: String,
    #[serde(
        rename = "PackageItemId",
        alias = "PackageItemID",
        deserialize_with = "lenient_string"
    )]
    pub package_item_id: String,
    #[serde(
        rename = "Price",
        skip_serializing_if = "Option::is_none",
        deserialize_with = "opt_string"
    )]
    pub price: Option<String>,
    #[serde(
        rename = "Monthly",
        skip_serializing_if = "Option::is_none",
        deserialize_with = "opt_bool"
    )]
    pub monthly: Option<bool>,
    #[serde(
        rename = "Type",
        skip_serializing_if = "Option::is_none",
        deserialize_with = "opt_string"
    )]
    pub kind: Option<String>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct PackageItemDeleteRequest {
    #[serde(rename = "PackageId", alias = "PackageID", deserialize_with = "lenient_string")]
    pub package_id: String,
    #[serde(
        rename = "PackageItemId",
        alias = "PackageItemID",
        deserialize_with = "lenient_string"
    )]
    pub package_item_id: String,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct SubscriptionCreateRequest {
    #[serde(rename = "SubscriberId", alias = "SubscriberID", deserialize_with = "lenient_string")]
    pub subscriber_id: String,
    #[serde(
        rename = "TNID",
        skip_serializing_if = "Option::is_none",
        deserialize_with = "opt_string"
    )]
    pub tnid: Option<String>,
    #[serde(
        rename = "ICCID",
        skip_serializing_if = "Option::is_none",
        deserialize_with = "opt_string"
    )]
    pub iccid: Option<String>,
    #[serde(rename = "PackageId", alias = "PackageID", deserialize_with = "lenient_string")]
    pub package_id: String,
    #[serde(rename = "Type", deserialize_with = "lenient_string")]
    pub kind: String,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct SubscriptionDeleteRequest {
    #[serde(
        rename = "SubscriptionId",
        alias = "SubscriptionID",
        deserialize_with = "lenient_string"
    )]
    pub subscription_id: String,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Product {
    #[serde(rename = "ProductId", alias = "ProductID", default, deserialize_with = "opt_string")]
    pub product_id: Option<String>,
    #[serde(rename = "SKU", default, deserialize_with = "opt_string")]
    pub sku: Option<String>,
    #[serde(rename = "Description", default, deserialize_with = "opt_string")]
    pub description: Option<String>,
    #[serde(
        rename = "AggregatorId",
        alias = "AggregatorID",
        default,
        deserialize_with = "opt_string"
    )]
    pub aggregator_id: Option<String>,
    #[serde(
        rename = "DistributorId",
        alias = "DistributorID",
        default,
        deserialize_with = "opt_string"
    )]
    pub distributor_id: Option<String>,
    #[serde(rename = "Type", default, deserialize_with = "opt_string")]
    pub kind: Option<String>,
    #[serde(rename = "SubType", default, deserialize_with = "opt_string")]
    pub sub_type: Option<String>,
    #[serde(rename = "Cost", default, deserialize_with = "opt_f64")]
    pub cost: Option<f64>,
    #[serde(rename = "BillingFrequency", default, deserialize_with = "opt_string")]
    pub billing_frequency: Option<String>,
    #[serde(rename = "Active", default, deserialize_with = "opt_bool")]
    pub active: Option<bool>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ProductDeleted {
    #[serde(rename = "ProductId", alias = "ProductID", default, deserialize_with = "opt_string")]
    pub product_id: Option<String>,
    #[serde(rename = "ProductStatus", default, deserialize_with = "opt_string")]
    pub product_status: Option<String>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ProductList {
    #[serde(
        rename = "DistributorId",
        alias = "DistributorID",
        default,
        deserialize_with = "opt_string"
    )]
    pub distributor_id: Option<String>,
    #[serde(rename = "TotalProducts", default, deserialize_with = "opt_i64")]
    pub total_products: Option<i64>,
    #[serde(rename = "Filter", default, deserialize_with = "opt_string")]
    pub filter: Option<String>,
    #[serde(rename = "Results", default, deserialize_with = "one_or_many")]
    pub results: Vec<Product>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Package {
    #[serde(rename = "PackageId", alias = "PackageID", default, deserialize_with = "opt_string")]
    pub package_id: Option<String>,
    #[serde(rename = "PackageName", default, deserialize_with = "opt_string")]
    pub package_name: Option<String>,
    #[serde(
        rename = "DistributorId",
        alias = "DistributorID",
        default,
        deserialize_with = "opt_string"
    )]
    pub distributor_id: Option<String>,
    #[serde(
        rename = "AggregatorId",
        alias = "AggregatorID",
        default,
        deserialize_with = "opt_string"
    )]
    pub aggregator_id: Option<String>,
    #[serde(
        rename = "SubscriberId",
        alias = "SubscriberID",
        default,
        deserialize_with = "opt_string"
    )]
    pub subscriber_id: Option<String>,
    #[serde(rename = "Type", default, deserialize_with = "opt_string")]
    pub kind: Option<String>,
    #[serde(rename = "Price", default, deserialize_with = "opt_f64")]
    pub price: Option<f64>,
    #[serde(rename = "Monthly", default, deserialize_with = "opt_bool")]
    pub monthly: Option<bool>,
    #[serde(rename = "Active", default, deserialize_with = "opt_bool")]
    pub active: Option<bool>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct PackageDeleted {
    #[serde(rename = "PackageId", alias = "PackageID", default, deserialize_with = "opt_string")]
    pub package_id: Option<String>,
    #[serde(rename = "PackageStatus", default, deserialize_with = "opt_string")]
    pub package_status: Option<String>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct PackageItem {
    #[serde(
        rename = "PackageItemId",
        alias = "PackageItemID",
        default,
        deserialize_with = "opt_string"
    )]
    pub package_item_id: Option<String>,
    #[serde(rename = "PackageId", alias = "PackageID", default, deserialize_with = "opt_string")]
    pub package_id: Option<String>,
    #[serde(rename = "Type", default, deserialize_with = "opt_string")]
    pub kind: Option<String>,
    #[serde(rename = "Price", default, deserialize_with = "opt_f64")]
    pub price: Option<f64>,
    #[serde(rename = "Monthly", default, deserialize_with = "opt_bool")]
    pub monthly: Option<bool>,
    #[serde(rename = "Active", default, deserialize_with = "opt_bool")]
    pub active: Option<bool>,
    #[serde(rename = "ProductId", alias = "ProductID", default, deserialize_with = "opt_string")]
    pub product_id: Option<String>,
    #[serde(
        rename = "AggregatorId",
        alias = "AggregatorID",
        default,
        deserialize_with = "opt_string"
    )]
    pub aggregator_id: Option<String>,
    #[serde(
        rename = "DistributorId",
        alias = "DistributorID",
        default,
        deserialize_with = "opt_string"
    )]
    pub distributor_id: Option<String>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct PackageItemDeleted {
    #[serde(
        rename = "PackageItemId",
        alias = "PackageItemID",
        default,
        deserialize_with = "opt_string"
    )]
    pub package_item_id: Option<String>,
    #[serde(rename = "PackageId", alias = "PackageID", default, deserialize_with = "opt_string")]
    pub package_id: Option<String>,
    #[serde(rename = "PackageItemStatus", default, deserialize_with = "opt_string")]
    pub package_item_status: Option<String>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct PackageList {
    #[serde(
        rename = "DistributorId",
        alias = "DistributorID",
        default,
        deserialize_with = "opt_string"
    )]
    pub distributor_id: Option<String>,
    #[serde(rename = "TotalPackages", default, deserialize_with = "opt_i64")]
    pub total_packages: Option<i64>,
    #[serde(rename = "Filter", default, deserialize_with = "opt_string")]
    pub filter: Option<String>,
    #[serde(rename = "Results", default, deserialize_with = "one_or_many")]
    pub results: Vec<Package>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Service {
    #[serde(rename = "ServiceId", alias = "ServiceID", default, deserialize_with = "opt_string")]
    pub service_id: Option<String>,
    #[serde(rename = "ServiceName", default, deserialize_with = "opt_string")]
    pub service_name: Option<String>,
    #[serde(rename = "Cost", default, deserialize_with = "opt_f64")]
    pub cost: Option<f64>,
    #[serde(rename = "Monthly", default, deserialize_with = "opt_bool")]
    pub monthly: Option<bool>,
    #[serde(rename = "Active", default, deserialize_with = "opt_bool")]
    pub active: Option<bool>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ServiceList {
    #[serde(
        rename = "AggregatorId",
        alias = "AggregatorID",
        default,
        deserialize_with = "opt_string"
    )]
    pub aggregator_id: Option<String>,
    #[serde(rename = "TotalServices", default, deserialize_with = "opt_i64")]
    pub total_services: Option<i64>,
    #[serde(rename = "Filter", default, deserialize_with = "opt_string")]
    pub filter: Option<String>,
    #[serde(rename = "Results", default, deserialize_with = "one_or_many")]
    pub results: Vec<Service>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Subscription {
    #[serde(
        rename = "SubscriptionId",
        alias = "SubscriptionID",
        default,
        deserialize_with = "opt_string"
    )]
    pub subscription_id: Option<String>,
    #[serde(
        rename = "SubscriberId",
        alias = "SubscriberID",
        default,
        deserialize_with = "opt_string"
    )]
    pub subscriber_id: Option<String>,
    #[serde(rename = "TNID", default, deserialize_with = "opt_string")]
    pub tnid: Option<String>,
    #[serde(rename = "ICCID", default, deserialize_with = "opt_string")]
    pub iccid: Option<String>,
    #[serde(rename = "PackageId", alias = "PackageID", default, deserialize_with = "opt_string")]
    pub package_id: Option<String>,
    #[serde(rename = "Type", default, deserialize_with = "opt_string")]
    pub kind: Option<String>,
    #[serde(rename = "Active", default, deserialize_with = "opt_bool")]
    pub active: Option<bool>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct SubscriptionDeleted {
    #[serde(
        rename = "SubscriptionId",
        alias = "SubscriptionID",
        default,
        deserialize_with = "opt_string"
    )]
    pub subscription_id: Option<String>,
    #[serde(rename = "SubscriptionStatus", default, deserialize_with = "opt_string")]
    pub subscription_status: Option<String>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct SubscriptionList {
    #[serde(rename = "AccountId", alias = "AccountID", default, deserialize_with = "opt_string")]
    pub account_id: Option<String>,
    #[serde(rename = "TotalSubscriptions", default, deserialize_with = "opt_i64")]
    pub total_subscriptions: Option<i64>,
    #[serde(rename = "Filter", default, deserialize_with = "opt_string")]
    pub filter: Option<String>,
    #[serde(rename = "Results", default, deserialize_with = "one_or_many")]
    pub results: Vec<Subscription>,
}

#[cfg(feature = "client")]
mod client_ops {
    use super::*;
    use crate::ops::to_body;
    #[allow(unused_imports)]
    use crate::types::ListOf;
    use crate::{Safety, TelegentClient, TelegentError};

    impl TelegentClient {
        /// `GET /v1.0/products`.
        pub async fn product(&self, product_id: &str) -> Result<Product, TelegentError> {
            self.get_cached::<Product>("/v1.0/products", &[("ProductId", product_id)])
                .await
        }

        /// `POST /v1.0/products`.
        pub async fn create_product(&self, request: &ProductCreateRequest) -> Result<Product, TelegentError> {
            let body = to_body(request)?;
            let result = self.post::<Product>("/v1.0/products", &body, Safety::Safe).await;
            self.invalidate_reads("/v1.0/products");
            self.invalidate_reads("/v1.0/account/products");
            self.invalidate_reads("/v1.0/distributor/products");
            result
        }

        /// `POST /v1.0/products/update`.
        pub async fn update_product(&self, request: &ProductUpdateRequest) -> Result<Product, TelegentError> {
            let body = to_body(request)?;
            let result = self.post::<Product>("/v1.0/products/update", &body, Safety::Safe).await;
            self.invalidate_reads("/v1.0/products");
            self.invalidate_reads("/v1.0/account/products");
            self.invalidate_reads("/v1.0/distributor/products");
            result
        }

        /// `POST /v1.0/products/delete`.
        pub async fn delete_product(&self, request: &ProductDeleteRequest) -> Result<ProductDeleted, TelegentError> {
            let body = to_body(request)?;
            let result = self
                .post::<ProductDeleted>("/v1.0/products/delete", &body, Safety::Safe)
                .await;
            self.invalidate_reads("/v1.0/products");
            self.invalidate_reads("/v1.0/account/products");
            self.invalidate_reads("/v1.0/distributor/products");
            result
        }

        /// `GET /v1.0/account/products`.
        pub async fn account_products(&self, filter: Option<&str>) -> Result<ProductList, TelegentError> {
            let mut query: Vec<(&str, &str)> = vec![];
            if let Some(v) = filter {
                query.push(("Filter", v));
            }
            self.get_cached::<ProductList>("/v1.0/account/products", &query).await
        }

        /// `GET /v1.0/distributor/products`.
        pub async fn distributor_products(&self, filter: Option<&str>) -> Result<ProductList, TelegentError> {
            let mut query: Vec<(&str, &str)> = vec![];
            if let Some(v) = filter {
                query.push(("Filter", v));
            }
            self.get_cached::<ProductList>("/v1.0/distributor/products", &query)
                .await
        }

        /// `GET /v1.0/packages`.
        pub async fn package(&self, package_id: &str) -> Result<Package, TelegentError> {
            self.get_cached::<Package>("/v1.0/packages", &[("PackageId", package_id)])
                .await
        }

        /// `POST /v1.0/packages`.
        pub async fn create_package(&self, request: &PackageCreateRequest) -> Result<Package, TelegentError> {
            let body = to_body(request)?;
            let result = self.post::<Package>("/v1.0/packages", &body, Safety::Safe).await;
            self.invalidate_reads("/v1.0/packages");
            self.invalidate_reads("/v1.0/account/packages");
            self.invalidate_reads("/v1.0/distributor/packages");
            result
        }

        /// `POST /v1.0/packages/update`.
        pub async fn update_package(&self, request: &PackageUpdateRequest) -> Result<Package, TelegentError> {
            let body = to_body(request)?;
            let result = self.post::<Package>("/v1.0/packages/update", &body, Safety::Safe).await;
            self.invalidate_reads("/v1.0/packages");
            self.invalidate_reads("/v1.0/account/packages");
            self.invalidate_reads("/v1.0/distributor/packages");
            result
        }

        /// `POST /v1.0/packages/delete`.
        pub async fn delete_package(&self, request: &PackageDeleteRequest) -> Result<PackageDeleted, TelegentError> {
            let body = to_body(request)?;
            let result = self
                .post::<PackageDeleted>("/v1.0/packages/delete", &body, Safety::Safe)
                .await;
            self.invalidate_reads("/v1.0/packages");
            self.invalidate_reads("/v1.0/account/packages");
            self.invalidate_reads("/v1.0/distributor/packages");
            result
        }

        /// `POST /v1.0/packages/items/add`.
        pub async fn add_package_item(&self, request: &PackageItemAddRequest) -> Result<PackageItem, TelegentError> {
            let body = to_body(request)?;
            let result = self
                .post::<PackageItem>("/v1.0/packages/items/add", &body, Safety::Safe)
                .await;
            self.invalidate_reads("/v1.0/packages");
            self.invalidate_reads("/v1.0/account/packages");
            self.invalidate_reads("/v1.0/distributor/packages");
            result
        }

        /// `POST /v1.0/packages/items/update`.
        pub async fn update_package_item(
            &self,
            request: &PackageItemUpdateRequest,
        ) -> Result<PackageItem, TelegentError> {
            let body = to_body(request)?;
            let result = self
                .post::<PackageItem>("/v1.0/packages/items/update", &body, Safety::Safe)
                .await;
            self.invalidate_reads("/v1.0/packages");
            self.invalidate_reads("/v1.0/account/packages");
            self.invalidate_reads("/v1.0/distributor/packages");
            result
        }

        /// `POST /v1.0/packages/items/delete`.
        pub async fn delete_package_item(
            &self,
            request: &PackageItemDeleteRequest,
        ) -> Result<PackageItemDeleted, TelegentError> {
            let body = to_body(request)?;
            let result = self
                .post::<PackageItemDeleted>("/v1.0/packages/items/delete", &body, Safety::Safe)
                .await;
            self.invalidate_reads("/v1.0/packages");
            self.invalidate_reads("/v1.0/account/packages");
            self.invalidate_reads("/v1.0/distributor/packages");
            result
        }

        /// `GET /v1.0/packages/items`.
        pub async fn package_items(&self, package_id: &str) -> Result<Vec<PackageItem>, TelegentError> {
            self.get_cached::<ListOf<PackageItem>>("/v1.0/packages/items", &[("PackageId", package_id)])
                .await
                .map(|list| list.0)
        }

        /// `GET /v1.0/account/packages`.
        pub async fn account_packages(&self, filter: Option<&str>) -> Result<PackageList, TelegentError> {
            let mut query: Vec<(&str, &str)> = vec![];
            if let Some(v) = filter {
                query.push(("Filter", v));
            }
            self.get_cached::<PackageList>("/v1.0/account/packages", &query).await
        }

        /// `GET /v1.0/distributor/packages`.
        pub async fn distributor_packages(&self, filter: Option<&str>) -> Result<PackageList, TelegentError> {
            let mut query: Vec<(&str, &str)> = vec![];
            if let Some(v) = filter {
                query.push(("Filter", v));
            }
            self.get_cached::<PackageList>("/v1.0/distributor/packages", &query)
                .await
        }

        /// `GET /v1.0/services`.
        pub async fn service(&self, service_id: &str) -> Result<Service, TelegentError> {
            self.get_cached::<Service>("/v1.0/services", &[("ServiceId", service_id)])
                .await
        }

        /// `GET /v1.0/account/services`.
        pub async fn account_services(&self, filter: Option<&str>) -> Result<ServiceList, TelegentError> {
            let mut query: Vec<(&str, &str)> = vec![];
            if let Some(v) = filter {
                query.push(("Filter", v));
            }
            self.get_cached::<ServiceList>("/v1.0/account/services", &query).await
        }

        /// `POST /v1.0/subscriptions`.
        ///
        /// One subscription per number. Sent once: an ambiguous failure is `OutcomeUnknown`; look for the
        /// subscription in `account_subscriptions` before creating it again.
        pub async fn create_subscription(
            &self,
            request: &SubscriptionCreateRequest,
        ) -> Result<Subscription, TelegentError> {
            let body = to_body(request)?;
            let result = self
                .post::<Subscription>("/v1.0/subscriptions", &body, Safety::Billable)
                .await;
            // Even a failure may have gone through upstream.
            self.invalidate_reads("/v1.0/subscriptions");
            self.invalidate_reads("/v1.0/account/subscriptions");
            self.invalidate_reads("/v1.0/distributor/subscriptions");
            result
        }

        /// `GET /v1.0/subscriptions`.
        pub async fn subscription(&self, subscription_id: &str) -> Result<Subscription, TelegentError> {
            self.get_cached::<Subscription>("/v1.0/subscriptions", &[("SubscriptionId", subscription_id)])
                .await
        }

        /// `POST /v1.0/subscriptions/delete`.
        ///
        /// The only way to cancel a subscription; its ICCID can be reused afterwards.
        pub async fn delete_subscription(
            &self,
            request: &SubscriptionDeleteRequest,
        ) -> Result<SubscriptionDeleted, TelegentError> {
            let body = to_body(request)?;
            let result = self
                .post::<SubscriptionDeleted>("/v1.0/subscriptions/delete", &body, Safety::Safe)
                .await;
            self.invalidate_reads("/v1.0/subscriptions");
            self.invalidate_reads("/v1.0/account/subscriptions");
            self.invalidate_reads("/v1.0/distributor/subscriptions");
            result
        }

        /// `GET /v1.0/account/subscriptions`. A Distributor names the Account
        /// (`AccountId`) when it has more than one.
        pub async fn account_subscriptions(
            &self,
            filter: Option<&str>,
            account_id: Option<&str>,
        ) -> Result<SubscriptionList, TelegentError> {
            let mut query: Vec<(&str, &str)> = vec![];
            if let Some(v) = filter {
                query.push(("Filter", v));
            }
            if let Some(v) = account_id {
                query.push(("AccountId", v));
            }
            self.get_cached::<SubscriptionList>("/v1.0/account/subscriptions", &query)
                .await
        }
    }
}
