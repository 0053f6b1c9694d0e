//! The catalog (issue 16): Products and Packages against the sandbox —
//! money exact in cents, the margin for Distributor staff only, refusals
//! (viewer, Manager, an Account Admin on the Distributor's catalog, a
//! repeated SKU, deleting what active subscriptions use, with the
//! subscriptions named), a clone that copies every item, and one
//! Distributor's catalog invisible to another's staff and to other Accounts.

use axum::http::StatusCode;
use serde_json::Value;
use telegent_portal::Portal;

use crate::common::{account_id, portal, urlencode, Browser, ACME_ADMIN};

const VIEWER: &str = "reviewer@acme.example";
const MANAGER: &str = "jane.doe@example.com";
const ACCOUNT_ADMIN: &str = "priya@brightbakery.example";
const GLOBEX_ADMIN: &str = "admin@globex.example";

fn json(body: &str) -> Value {
    serde_json::from_str(body).unwrap_or_else(|e| panic!("{e}: {body}"))
}

/// The sandbox's records of `collection` whose `field` is `value`.
fn records(portal: &Portal, collection: &str, field: &str, value: &str) -> Vec<(String, telegent_sandbox::Record)> {
    let world = portal.sandbox.as_ref().unwrap().0.snapshot();
    world
        .collection(collection)
        .filter(|(_, r)| r.fields.get(field).and_then(Value::as_str) == Some(value))
        .map(|(id, r)| (id.clone(), r.clone()))
        .collect()
}

fn product_form(sku: &str, cost: &str) -> String {
    format!(
        "distributor_id=&product_id=&sku={}&description=Ten+cents&kind=data&sub_type=&cost={}&billing_frequency=MRC&for_account=",
        urlencode(sku),
        urlencode(cost)
    )
}

fn package_form(name: &str, price: &str) -> String {
    format!(
        "distributor_id=&package_id=&package_name={}&description=&kind=mvno&price={}&monthly=on&for_account=",
        urlencode(name),
        urlencode(price)
    )
}

fn item_form(package_id: &str, product_id: &str, price: &str) -> String {
    format!(
        "distributor_id=&package_id={package_id}&package_item_id=&product_id={product_id}&item_price={}&item_monthly=on&item_kind=product",
        urlencode(price)
    )
}

fn ok(answer: &crate::common::Answer) -> bool {
    answer.status.is_success() || answer.status.is_redirection()
}

#[tokio::test]
async fn money_is_exact_and_the_margin_is_shown_to_distributor_staff_only() {
    let portal = portal().await;
    let mut admin = Browser::signed_in(&portal, ACME_ADMIN).await;
    let made = admin
        .call("catalog/product-save", &product_form("TEN-CENTS", "0.10"))
        .await;
    assert!(ok(&made), "{made:?}");
    let (product_id, product) = records(&portal, "products", "SKU", "TEN-CENTS").pop().expect("created");
    assert_eq!(product.fields["Cost"].as_f64(), Some(0.1));
    assert_eq!(product.account_id, None, "the Distributor's catalog");
    assert!(made.location().unwrap_or_default().contains(&product_id), "{made:?}");

    let made = admin.call("catalog/package-save", &package_form("Trio", "1.00")).await;
    assert!(ok(&made), "{made:?}");
    let (package_id, _) = records(&portal, "packages", "PackageName", "Trio")
        .pop()
        .expect("created");
    // Three ways of typing ten cents (the same post twice would be a double
    // submit, answered once).
    for typed in ["0.10", "0.1", "$0.10"] {
        let added = admin
            .call("catalog/package-item-save", &item_form(&package_id, &product_id, typed))
            .await;
        assert!(ok(&added), "{added:?}");
    }
    let detail = json(&admin.call("catalog/package", &format!("id={package_id}")).await.body);
    assert_eq!(detail["items"].as_array().unwrap().len(), 3);
    // 3 × $0.10 is exactly $0.30, and $1.00 − $0.30 is $0.70.
    assert_eq!(detail["package"]["margin"]["monthly_cost"]["cents"], 30);
    assert_eq!(detail["package"]["margin"]["margin"]["cents"], 70);
    let item_prices: i64 = detail["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i["price"]["cents"].as_i64().unwrap())
        .sum();
    assert_eq!(item_prices, 30);
    let page = admin.get(&format!("/catalog/packages/{package_id}")).await;
    assert!(page.body.contains("$0.70 / month"), "{}", page.body);

    // The Account's people see the package, never what it costs or keeps.
    let mut manager = Browser::signed_in(&portal, MANAGER).await;
    let seen = manager.call("catalog/package", &format!("id={package_id}")).await;
    assert_eq!(seen.status, StatusCode::OK, "{seen:?}");
    let seen = json(&seen.body);
    assert!(seen["package"]["margin"].is_null(), "{seen}");
    assert!(
        seen["items"].as_array().unwrap().iter().all(|i| i["cost"].is_null()),
        "{seen}"
    );
    let page = manager.get(&format!("/catalog/packages/{package_id}")).await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(
        !page.body.contains("Margin") && !page.body.contains("$0.70"),
        "{}",
        page.body
    );
    let list = json(&manager.call("catalog/products", "").await.body);
    assert!(
        list["rows"].as_array().unwrap().iter().all(|r| r["cost"].is_null()),
        "{list}"
    );
}

#[tokio::test]
async fn bad_input_is_refused_at_the_field_and_nothing_is_sent() {
    let portal = portal().await;
    let mut admin = Browser::signed_in(&portal, ACME_ADMIN).await;
    for (form, field) in [
        (product_form("", "1.00"), "sku"),
        (product_form("HAS SPACE", "1.00"), "sku"),
        (product_form("OK-1", "1.999"), "cost"),
        (product_form("OK-1", "-1"), "cost"),
        (product_form("OK-1", "ten"), "cost"),
    ] {
        let refused = admin.call("catalog/product-save", &form).await;
        assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY, "{form}: {refused:?}");
        assert!(refused.body.contains(field), "{form}: {}", refused.body);
    }
    assert!(records(&portal, "products", "SKU", "OK-1").is_empty());
    // A second product with a SKU already in the catalog (a double submit
    // too) is refused at the SKU, naming the first.
    assert!(ok(&admin
        .call("catalog/product-save", &product_form("ONCE-1", "2.00"))
        .await));
    let again = admin
        .call("catalog/product-save", &product_form("once-1", "2.00"))
        .await;
    assert_eq!(again.status, StatusCode::UNPROCESSABLE_ENTITY, "{again:?}");
    let (first, _) = records(&portal, "products", "SKU", "ONCE-1").pop().unwrap();
    assert!(again.body.contains(&first), "{}", again.body);
    assert!(records(&portal, "products", "SKU", "once-1").is_empty());
    // A bad item price adds nothing.
    let (package_id, _) = records(&portal, "packages", "PackageName", "IoT Basic").pop().unwrap();
    let before = records(&portal, "package_items", "PackageId", &package_id).len();
    let refused = admin
        .call("catalog/package-item-save", &item_form(&package_id, &first, "abc"))
        .await;
    assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY, "{refused:?}");
    assert!(refused.body.contains("item_price"), "{}", refused.body);
    assert_eq!(
        records(&portal, "package_items", "PackageId", &package_id).len(),
        before
    );
    // A malformed call (no ID at all) is a 400, not a 500.
    let malformed = admin.call("catalog/package", "").await;
    assert!(malformed.status.is_client_error(), "{malformed:?}");
}

#[tokio::test]
async fn what_active_subscriptions_use_cannot_be_deleted_and_the_refusal_names_them() {
    let portal = portal().await;
    let mut admin = Browser::signed_in(&portal, ACME_ADMIN).await;
    let did = account_distributor(&portal);
    let family = records(&portal, "packages", "PackageName", "Family Unlimited")
        .into_iter()
        .find(|(_, r)| r.distributor_id == did)
        .map(|(id, _)| id)
        .unwrap();
    let subscriptions: Vec<String> = records(&portal, "subscriptions", "PackageId", &family)
        .into_iter()
        .map(|(id, _)| id)
        .collect();
    assert!(!subscriptions.is_empty(), "the demo bills lines on it");
    let refused = admin
        .call("catalog/package-delete", &format!("id={family}&confirm=on"))
        .await;
    assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY, "{refused:?}");
    for sub in &subscriptions {
        assert!(refused.body.contains(sub.as_str()), "{sub} in {}", refused.body);
    }
    assert_eq!(records(&portal, "packages", "PackageName", "Family Unlimited").len(), 2);
    // Its product is refused too, naming the package and its subscriptions.
    let data = records(&portal, "products", "SKU", "DATA-5GB")
        .into_iter()
        .find(|(_, r)| r.distributor_id == did)
        .map(|(id, _)| id)
        .unwrap();
    let refused = admin
        .call("catalog/product-delete", &format!("id={data}&confirm=on"))
        .await;
    assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY, "{refused:?}");
    assert!(
        refused.body.contains("Family Unlimited") && refused.body.contains(&subscriptions[0]),
        "{}",
        refused.body
    );
    assert!(!records(&portal, "products", "SKU", "DATA-5GB").is_empty());
    // Both refusals are on the audit log, as denied.
    let (denied,): (i64,) = sqlx::query_as(
        "SELECT COUNT(*) FROM audit_log WHERE action IN ('DeletePackage', 'DeleteProduct') AND outcome = 'denied'",
    )
    .fetch_one(&portal.state.pool)
    .await
    .unwrap();
    assert_eq!(denied, 2);
    // A product no package lists goes.
    assert!(ok(&admin
        .call("catalog/product-save", &product_form("GONE-1", "1.00"))
        .await));
    let (gone, _) = records(&portal, "products", "SKU", "GONE-1").pop().unwrap();
    let unconfirmed = admin.call("catalog/product-delete", &format!("id={gone}")).await;
    assert_eq!(unconfirmed.status, StatusCode::UNPROCESSABLE_ENTITY, "{unconfirmed:?}");
    assert!(unconfirmed.body.contains("confirm"), "{}", unconfirmed.body);
    assert!(!records(&portal, "products", "SKU", "GONE-1").is_empty());
    let deleted = admin
        .call("catalog/product-delete", &format!("id={gone}&confirm=on"))
        .await;
    assert!(ok(&deleted), "{deleted:?}");
    assert!(records(&portal, "products", "SKU", "GONE-1").is_empty());
}

fn account_distributor(portal: &Portal) -> String {
    let world = portal.sandbox.as_ref().unwrap().0.snapshot();
    let aid = account_id(portal, "Doe Family");
    world.accounts[&aid].distributor_id.clone()
}

#[tokio::test]
async fn a_clone_copies_every_item_into_a_new_package() {
    let portal = portal().await;
    let mut admin = Browser::signed_in(&portal, ACME_ADMIN).await;
    let did = account_distributor(&portal);
    let (family, source) = records(&portal, "packages", "PackageName", "Family Unlimited")
        .into_iter()
        .find(|(_, r)| r.distributor_id == did)
        .unwrap();
    let cloned = admin
        .call(
            "catalog/package-clone",
            &format!("id={family}&new_name={}", urlencode("Family Unlimited 10 GB")),
        )
        .await;
    assert!(ok(&cloned), "{cloned:?}");
    let (copy, record) = records(&portal, "packages", "PackageName", "Family Unlimited 10 GB")
        .pop()
        .expect("the variant");
    assert_ne!(copy, family);
    assert_eq!(record.fields["Price"], source.fields["Price"]);
    let products_of = |package: &str| {
        let mut ids: Vec<String> = records(&portal, "package_items", "PackageId", package)
            .into_iter()
            .map(|(_, r)| r.fields["ProductId"].as_str().unwrap().to_string())
            .collect();
        ids.sort();
        ids
    };
    assert_eq!(products_of(&copy).len(), 3);
    assert_eq!(products_of(&copy), products_of(&family));
    // The copy is listed by the portal with its items.
    let detail = json(&admin.call("catalog/package", &format!("id={copy}")).await.body);
    assert_eq!(detail["items"].as_array().unwrap().len(), 3, "{detail}");
    // The same post again (a double click) is answered once, and the name
    // taken is refused at the field, whatever its case.
    let again = admin
        .call(
            "catalog/package-clone",
            &format!("id={family}&new_name={}", urlencode("Family Unlimited 10 GB")),
        )
        .await;
    assert_eq!(
        again.headers.get("x-portal-replayed").map(|v| v.to_str().unwrap()),
        Some("1")
    );
    let again = admin
        .call(
            "catalog/package-clone",
            &format!("id={family}&new_name={}", urlencode("family unlimited 10 gb")),
        )
        .await;
    assert_eq!(again.status, StatusCode::UNPROCESSABLE_ENTITY, "{again:?}");
    assert!(again.body.contains("new_name"), "{}", again.body);
    assert_eq!(
        records(&portal, "packages", "PackageName", "Family Unlimited 10 GB").len(),
        1
    );
    assert!(records(&portal, "packages", "PackageName", "family unlimited 10 gb").is_empty());
}

#[tokio::test]
async fn roles_and_tenancy_decide_who_changes_and_who_sees_which_catalog() {
    let portal = portal().await;
    let did = account_distributor(&portal);
    let data = records(&portal, "products", "SKU", "DATA-5GB")
        .into_iter()
        .find(|(_, r)| r.distributor_id == did)
        .map(|(id, _)| id)
        .unwrap();
    // A viewer and a Manager read, and are refused any change.
    for who in [VIEWER, MANAGER] {
        let mut b = Browser::signed_in(&portal, who).await;
        assert_eq!(
            b.call("catalog/product", &format!("id={data}")).await.status,
            StatusCode::OK,
            "{who}"
        );
        let refused = b.call("catalog/product-save", &product_form("NOPE-1", "1.00")).await;
        assert_eq!(refused.status, StatusCode::FORBIDDEN, "{who}: {refused:?}");
    }
    assert!(records(&portal, "products", "SKU", "NOPE-1").is_empty());

    // The Account Admin makes their Account's own product, and may not
    // change the Distributor's.
    let mut priya = Browser::signed_in(&portal, ACCOUNT_ADMIN).await;
    let made = priya
        .call("catalog/product-save", &product_form("BAKERY-1", "3.00"))
        .await;
    assert!(ok(&made), "{made:?}");
    let (own, record) = records(&portal, "products", "SKU", "BAKERY-1").pop().unwrap();
    assert_eq!(record.account_id, Some(account_id(&portal, "Bright Bakery LLC")));
    let mut edit = product_form("DATA-5GB", "0.01");
    edit = edit.replace("product_id=&", &format!("product_id={data}&"));
    let refused = priya.call("catalog/product-save", &edit).await;
    assert_eq!(refused.status, StatusCode::FORBIDDEN, "{refused:?}");
    let (_, untouched) = records(&portal, "products", "SKU", "DATA-5GB")
        .into_iter()
        .find(|(id, _)| *id == data)
        .unwrap();
    assert_eq!(untouched.fields["Cost"].as_f64(), Some(4.0));

    // Another Account's people, and another Distributor's staff, find
    // nothing at that ID, and no list of theirs shows it.
    let mut jane = Browser::signed_in(&portal, MANAGER).await;
    assert_eq!(
        jane.call("catalog/product", &format!("id={own}")).await.status,
        StatusCode::NOT_FOUND
    );
    assert!(!jane.call("catalog/products", "shown=all").await.body.contains(&own));
    let mut globex = Browser::signed_in(&portal, GLOBEX_ADMIN).await;
    assert_eq!(
        globex.call("catalog/product", &format!("id={data}")).await.status,
        StatusCode::NOT_FOUND
    );
    let list = globex.call("catalog/products", "shown=all").await.body;
    assert!(!list.contains(&data) && !list.contains(&own), "{list}");
    // Acme's staff see the Account's product, marked as the Account's.
    let mut admin = Browser::signed_in(&portal, ACME_ADMIN).await;
    let list = json(&admin.call("catalog/products", "").await.body);
    let row = list["rows"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["id"] == own.as_str())
        .cloned();
    assert!(row.is_some_and(|r| r["owner"]["Account"].is_object()), "{list}");
    // Wholesale costs stay the Distributor's: not even the Account Admin's
    // own product shows one to them, and what they typed is not sent.
    let theirs = json(&priya.call("catalog/product", &format!("id={own}")).await.body);
    assert!(theirs["product"]["cost"].is_null(), "{theirs}");
    assert_eq!(record.fields["Cost"].as_f64(), Some(0.0));
    // A Manager sees only their own Account's subscriptions on a shared package.
    let (family, _) = records(&portal, "packages", "PackageName", "Family Unlimited")
        .into_iter()
        .find(|(_, r)| r.distributor_id == did)
        .unwrap();
    let doe = account_id(&portal, "Doe Family");
    let seen = json(&jane.call("catalog/package", &format!("id={family}")).await.body);
    let world = portal.sandbox.as_ref().unwrap().0.snapshot();
    for sub in seen["subscriptions"].as_array().unwrap() {
        let (_, r) = world
            .collection("subscriptions")
            .find(|(id, _)| *id == sub.as_str().unwrap())
            .unwrap();
        assert_eq!(r.account_id.as_deref(), Some(doe.as_str()), "{seen}");
    }
    assert!(!seen["subscriptions"].as_array().unwrap().is_empty());
    // An Account's own product never goes into the shared catalog's package.
    let (bakery_product, _) = records(&portal, "products", "SKU", "BAKERY-POS").pop().unwrap();
    let refused = admin
        .call(
            "catalog/package-item-save",
            &item_form(&family, &bakery_product, "1.00"),
        )
        .await;
    assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY, "{refused:?}");
    assert!(refused.body.contains("product_id"), "{}", refused.body);
    // Every change made here is on the audit log.
    let (created,): (i64,) =
        sqlx::query_as("SELECT COUNT(*) FROM audit_log WHERE action = 'CreateProduct' AND outcome = 'succeeded'")
            .fetch_one(&portal.state.pool)
            .await
            .unwrap();
    assert_eq!(created, 1);
}

#[tokio::test]
async fn pages_render_for_staff_and_account_people_with_controls_by_role() {
    let portal = portal().await;
    let mut admin = Browser::signed_in(&portal, ACME_ADMIN).await;
    let page = admin.get("/catalog/packages").await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(
        page.body.contains("Family Unlimited") && page.body.contains("New package"),
        "{}",
        page.body
    );
    let page = admin.get("/catalog/products?shown=all").await;
    assert!(page.body.contains("DATA-5GB") && page.body.contains("New product"));
    let mut viewer = Browser::signed_in(&portal, VIEWER).await;
    let page = viewer.get("/catalog/packages").await;
    assert!(page.body.contains("Family Unlimited"), "{}", page.body);
    assert!(!page.body.contains("New package"), "a viewer has no mutation control");
    let did = account_distributor(&portal);
    let (family, _) = records(&portal, "packages", "PackageName", "Family Unlimited")
        .into_iter()
        .find(|(_, r)| r.distributor_id == did)
        .unwrap();
    let page = viewer.get(&format!("/catalog/packages/{family}")).await;
    assert!(page.body.contains("Margin"), "staff read the margin");
    assert!(!page.body.contains("Delete Family") && !page.body.contains("Add an item"));
    // A Subscriber has no catalog.
    let mut sam = Browser::signed_in(&portal, "sam.doe@example.com").await;
    assert_eq!(sam.call("catalog/packages", "").await.status, StatusCode::FORBIDDEN);
}
