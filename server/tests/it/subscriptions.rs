//! Subscriptions (issue 16): one per number, created once per form (an
//! intent key) whatever the repeats, a second one for the number refused
//! with the first named, a package change and a confirmed cancel, each
//! written through to the read model and audited; lists narrowed per
//! package; other Accounts' and Distributors' subscriptions missing.

use axum::http::StatusCode;
use serde_json::Value;
use telegent_portal::Portal;

use crate::common::{account_id, portal, subscriber_id, Browser, ACME_ADMIN};

fn subscriptions_of(portal: &Portal, tnid: &str) -> Vec<(String, Value)> {
    let world = portal.sandbox.as_ref().unwrap().0.snapshot();
    let found = world
        .collection("subscriptions")
        .filter(|(_, r)| r.fields.get("TNID").and_then(Value::as_str) == Some(tnid))
        .map(|(id, r)| (id.clone(), Value::Object(r.fields.clone())))
        .collect();
    found
}

fn package_named(portal: &Portal, name: &str, did: &str) -> String {
    let world = portal.sandbox.as_ref().unwrap().0.snapshot();
    let found = world
        .collection("packages")
        .find(|(_, r)| r.distributor_id == did && r.fields["PackageName"] == name)
        .map(|(id, _)| id.clone())
        .unwrap();
    found
}

async fn in_copy(portal: &Portal, subscription_id: &str) -> Option<String> {
    let row: Option<(String,)> = sqlx::query_as("SELECT package_id FROM rm_subscriptions WHERE subscription_id = $1")
        .bind(subscription_id)
        .fetch_optional(&portal.state.pool)
        .await
        .unwrap();
    row.map(|(p,)| p)
}

#[tokio::test]
async fn a_number_is_billed_once_changed_and_cancelled_with_the_copy_following() {
    let portal = portal().await;
    let mut admin = Browser::signed_in(&portal, ACME_ADMIN).await;
    let doe = account_id(&portal, "Doe Family");
    let sam = subscriber_id(&portal, "sam.doe@example.com");
    let (tnid, did, kind) = {
        let world = portal.sandbox.as_ref().unwrap().0.snapshot();
        let n = world
            .numbers
            .values()
            .find(|n| n.subscriber_id.as_deref() == Some(sam.as_str()))
            .unwrap();
        (
            n.id.clone(),
            world.accounts[&doe].distributor_id.clone(),
            n.number_type.clone(),
        )
    };
    // The list of the Account shows the line's subscription (read model).
    let (old, _) = subscriptions_of(&portal, &tnid)
        .pop()
        .expect("the demo bills Sam's line");
    let list: Value =
        serde_json::from_str(&admin.call("subscriptions/list", &format!("account={doe}")).await.body).unwrap();
    assert!(
        list["rows"].as_array().unwrap().iter().any(|r| r["id"] == old.as_str()),
        "{list}"
    );

    // Cancelling asks for the confirmation, then the line is no longer billed.
    let unconfirmed = admin
        .call("subscriptions/cancel", &format!("subscription_id={old}"))
        .await;
    assert_eq!(unconfirmed.status, StatusCode::UNPROCESSABLE_ENTITY, "{unconfirmed:?}");
    assert_eq!(subscriptions_of(&portal, &tnid).len(), 1);
    let cancelled = admin
        .call("subscriptions/cancel", &format!("subscription_id={old}&confirm=on"))
        .await;
    assert!(
        cancelled.status.is_success() || cancelled.status.is_redirection(),
        "{cancelled:?}"
    );
    assert!(subscriptions_of(&portal, &tnid).is_empty());
    assert_eq!(in_copy(&portal, &old).await, None, "written through");

    // A new one, from the form's pickers: Sam's number is offered again.
    let form: Value = serde_json::from_str(
        &admin
            .call(
                "subscriptions/new-form",
                &format!("account_id={doe}&subscriber_id={sam}"),
            )
            .await
            .body,
    )
    .unwrap();
    let offered = form["numbers"].as_array().unwrap();
    assert!(
        offered
            .iter()
            .any(|n| n["tnid"] == tnid.as_str() && n["existing"].is_null()),
        "{form}"
    );
    let key = form["intent_key"].as_str().unwrap().to_string();
    let iot = package_named(&portal, "IoT Basic", &did);
    let body = format!("account_id={doe}&subscriber_id={sam}&tnid={tnid}&package_id={iot}&iccid=&intent_key={key}");
    let created = admin.call("subscriptions/create", &body).await;
    assert!(
        created.status.is_success() || created.status.is_redirection(),
        "{created:?}"
    );
    // The same form again (a retry, a double click): still one.
    let again = admin.call("subscriptions/create", &format!("{body}&x=1")).await;
    assert!(again.status.is_success() || again.status.is_redirection(), "{again:?}");
    let now = subscriptions_of(&portal, &tnid);
    assert_eq!(now.len(), 1, "ordered once");
    let (new_id, record) = now[0].clone();
    assert_eq!(record["PackageId"], iot.as_str());
    assert_eq!(record["Type"].as_str(), Some(kind.as_str()), "the number's kind");
    assert_eq!(in_copy(&portal, &new_id).await.as_deref(), Some(iot.as_str()));
    // Another form for the same number is refused at the number, naming it.
    let other = body.replace(&key, "0123456789abcdef0123456789abcdef");
    let refused = admin.call("subscriptions/create", &other).await;
    assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY, "{refused:?}");
    assert!(
        refused.body.contains("tnid") && refused.body.contains(&new_id),
        "{}",
        refused.body
    );
    assert_eq!(subscriptions_of(&portal, &tnid).len(), 1);

    // Another package: the record and the copy follow.
    let family = package_named(&portal, "Family Unlimited", &did);
    let changed = admin
        .call(
            "subscriptions/change-package",
            &format!("subscription_id={new_id}&package_id={family}"),
        )
        .await;
    assert!(
        changed.status.is_success() || changed.status.is_redirection(),
        "{changed:?}"
    );
    assert_eq!(subscriptions_of(&portal, &tnid)[0].1["PackageId"], family.as_str());
    assert_eq!(in_copy(&portal, &new_id).await.as_deref(), Some(family.as_str()));
    // A package of another Distributor is not offered.
    let globex_family = {
        let world = portal.sandbox.as_ref().unwrap().0.snapshot();
        let found = world
            .collection("packages")
            .find(|(_, r)| r.distributor_id != did && r.fields["PackageName"] == "Family Unlimited")
            .map(|(id, _)| id.clone())
            .unwrap();
        found
    };
    let refused = admin
        .call(
            "subscriptions/change-package",
            &format!("subscription_id={new_id}&package_id={globex_family}"),
        )
        .await;
    assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY, "{refused:?}");

    // Narrowed to a package, the list holds exactly its subscriptions.
    let list: Value = serde_json::from_str(
        &admin
            .call("subscriptions/list", &format!("package={family}"))
            .await
            .body,
    )
    .unwrap();
    let world = portal.sandbox.as_ref().unwrap().0.snapshot();
    let on_family = world
        .collection("subscriptions")
        .filter(|(_, r)| r.fields.get("PackageId").and_then(Value::as_str) == Some(family.as_str()))
        .count();
    assert_eq!(list["total"].as_u64(), Some(on_family as u64), "{list}");
    // Every change is on the audit log.
    let (audited,): (i64,) = sqlx::query_as(
        "SELECT COUNT(*) FROM audit_log WHERE action IN ('CancelSubscription', 'CreateSubscription', \
         'ChangeSubscriptionPackage') AND outcome = 'succeeded'",
    )
    .fetch_one(&portal.state.pool)
    .await
    .unwrap();
    assert_eq!(audited, 3);
}

#[tokio::test]
async fn other_accounts_and_distributors_subscriptions_are_missing_and_a_viewer_changes_nothing() {
    let portal = portal().await;
    let bakery = account_id(&portal, "Bright Bakery LLC");
    let bakery_sub = {
        let world = portal.sandbox.as_ref().unwrap().0.snapshot();
        let numbers: Vec<String> = world
            .numbers
            .values()
            .filter(|n| n.account_id == bakery)
            .map(|n| n.id.clone())
            .collect();
        let found = world
            .collection("subscriptions")
            .find(|(_, r)| {
                r.fields
                    .get("TNID")
                    .and_then(Value::as_str)
                    .is_some_and(|t| numbers.iter().any(|n| n == t))
            })
            .map(|(id, _)| id.clone())
            .unwrap();
        found
    };
    // Jane manages the Doe Family: Bright Bakery's subscription is not there.
    let mut jane = Browser::signed_in(&portal, "jane.doe@example.com").await;
    let missing = jane.call("subscriptions/detail", "subscription_id=SUB-00000000").await;
    let foreign = jane
        .call("subscriptions/detail", &format!("subscription_id={bakery_sub}"))
        .await;
    assert_eq!(foreign.status, StatusCode::NOT_FOUND);
    assert_eq!(foreign.body, missing.body);
    let foreign = jane
        .call(
            "subscriptions/cancel",
            &format!("subscription_id={bakery_sub}&confirm=on"),
        )
        .await;
    assert_eq!(foreign.status, StatusCode::NOT_FOUND);
    let list = jane.call("subscriptions/list", "").await;
    assert!(!list.body.contains(&bakery_sub), "{}", list.body);
    let mut globex = Browser::signed_in(&portal, "admin@globex.example").await;
    assert_eq!(
        globex
            .call("subscriptions/detail", &format!("subscription_id={bakery_sub}"))
            .await
            .status,
        StatusCode::NOT_FOUND
    );
    // A viewer reads it and is refused the cancel; the subscription stays.
    let mut viewer = Browser::signed_in(&portal, "reviewer@acme.example").await;
    assert_eq!(
        viewer
            .call("subscriptions/detail", &format!("subscription_id={bakery_sub}"))
            .await
            .status,
        StatusCode::OK
    );
    let refused = viewer
        .call(
            "subscriptions/cancel",
            &format!("subscription_id={bakery_sub}&confirm=on"),
        )
        .await;
    assert_eq!(refused.status, StatusCode::FORBIDDEN);
    let world = portal.sandbox.as_ref().unwrap().0.snapshot();
    assert!(world.collection("subscriptions").any(|(id, _)| *id == bakery_sub));
    let page = viewer.get(&format!("/subscriptions/{bakery_sub}")).await;
    assert!(
        page.body.contains(&bakery_sub) && !page.body.contains("Cancel subscription"),
        "{}",
        page.body
    );
}
