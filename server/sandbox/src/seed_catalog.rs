//! The demo's catalog: each Distributor's products, packages (with items)
//! and services, and an Account's own product and package.

use serde_json::json;

use crate::seed::record;
use crate::world::*;

/// Value-added services with the Distributor's price for each.
pub(crate) fn add_services(w: &mut World, distributor_id: &str) {
    for (name, cost, monthly, price) in [("Caller ID", 0.5, true, 1.25), ("Number lookup", 0.02, false, 0.05)] {
        let fields = json!({ "ServiceName": name, "Cost": cost, "Monthly": monthly, "Active": true });
        let service_id = record(w, "services", "SVID", "ServiceId", (distributor_id, None), fields);
        let fields = json!({
            "ServiceId": service_id, "DistributorId": distributor_id, "Price": price, "Monthly": monthly, "Active": true,
        });
        let item_id = record(
            w,
            "service_items",
            "SIID",
            "ServiceItemId",
            (distributor_id, None),
            fields,
        );
        if let Some(item) = w.records.get_mut("service_items").and_then(|c| c.get_mut(&item_id)) {
            item.parent_id = Some(service_id.clone());
        }
    }
}

/// An Account's own product and a package of it (its Account Admin's to
/// change; the Distributor's staff see it, other Accounts never do).
pub(crate) fn add_account_catalog(
    w: &mut World,
    distributor_id: &str,
    account_id: &str,
    sku: &str,
    package_name: &str,
) {
    let fields = json!({
        "SKU": sku, "Description": format!("{package_name} data"), "Type": "data",
        "Cost": 2.0, "BillingFrequency": "MRC", "Active": true, "AccountId": account_id,
    });
    let product_id = record(
        w,
        "products",
        "PRID",
        "ProductId",
        (distributor_id, Some(account_id)),
        fields,
    );
    let fields = json!({
        "PackageName": package_name, "Description": "", "Type": "iot",
        "Price": 5.0, "Monthly": true, "Active": true, "AccountId": account_id,
    });
    let package_id = record(
        w,
        "packages",
        "PKID",
        "PackageId",
        (distributor_id, Some(account_id)),
        fields,
    );
    let fields = json!({ "PackageId": package_id, "ProductId": product_id, "Price": 0, "Monthly": true, "Type": "product", "Active": true });
    let item_id = record(
        w,
        "package_items",
        "PIID",
        "PackageItemId",
        (distributor_id, Some(account_id)),
        fields,
    );
    if let Some(item) = w.records.get_mut("package_items").and_then(|c| c.get_mut(&item_id)) {
        item.parent_id = Some(package_id);
    }
}

pub(crate) fn add_catalog(w: &mut World, distributor_id: &str) {
    let mut product_ids = Vec::new();
    for (sku, description, product_type, cost, frequency) in [
        ("ESIM-ACT", "eSIM activation", "esim", 1.5, "NRC"),
        ("DATA-5GB", "5 GB monthly data", "data", 4.0, "MRC"),
        ("SMS-UNL", "Unlimited SMS/MMS", "sms", 1.0, "MRC"),
        ("IOT-100MB", "IoT data, 100 MB", "data", 0.75, "MRC"),
    ] {
        let fields = json!({
            "SKU": sku, "Description": description, "Type": product_type,
            "Cost": cost, "BillingFrequency": frequency, "Active": true,
        });
        product_ids.push(record(
            w,
            "products",
            "PRID",
            "ProductId",
            (distributor_id, None),
            fields,
        ));
    }
    for (name, description, price, items) in [
        (
            "Family Unlimited",
            "Talk, text and 5 GB of data per line",
            25.0,
            &product_ids[0..3],
        ),
        ("IoT Basic", "100 MB of data for a device", 3.0, &product_ids[3..4]),
    ] {
        let fields = json!({
            "PackageName": name, "Description": description, "Type": "mvno",
            "Price": price, "Monthly": true, "Active": true,
        });
        let package_id = record(w, "packages", "PKID", "PackageId", (distributor_id, None), fields);
        for product_id in items {
            let fields = json!({ "PackageId": package_id, "ProductId": product_id, "Price": 0, "Monthly": true, "Type": "product", "Active": true });
            let item_id = record(
                w,
                "package_items",
                "PIID",
                "PackageItemId",
                (distributor_id, None),
                fields,
            );
            if let Some(item) = w.records.get_mut("package_items").and_then(|c| c.get_mut(&item_id)) {
                item.parent_id = Some(package_id.clone());
            }
        }
    }
}
