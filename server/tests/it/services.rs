//! Services (issue 16): the Distributor's staff create, price, change and
//! delete them, checked at the field and exact in cents; an Account's
//! people read them without Telegent's cost and change nothing; another
//! Distributor's service is missing.

use axum::http::StatusCode;
use serde_json::Value;
use telegent_portal::Portal;

use crate::common::{portal, urlencode, Browser, ACME_ADMIN};

fn done(answer: &crate::common::Answer) -> bool {
    answer.status.is_success() || answer.status.is_redirection()
}

fn services_named(portal: &Portal, name: &str) -> Vec<(String, telegent_sandbox::Record)> {
    let world = portal.sandbox.as_ref().unwrap().0.snapshot();
    let found = world
        .collection("services")
        .filter(|(_, r)| r.fields.get("ServiceName").and_then(Value::as_str) == Some(name))
        .map(|(id, r)| (id.clone(), r.clone()))
        .collect();
    found
}

fn items_of(portal: &Portal, service: &str) -> Vec<(String, telegent_sandbox::Record)> {
    let world = portal.sandbox.as_ref().unwrap().0.snapshot();
    let found = world
        .collection("service_items")
        .filter(|(_, r)| r.parent_id.as_deref() == Some(service))
        .map(|(id, r)| (id.clone(), r.clone()))
        .collect();
    found
}

async fn json(browser: &mut Browser, endpoint: &str, form: &str) -> Value {
    let answer = browser.call(endpoint, form).await;
    assert_eq!(answer.status, StatusCode::OK, "{endpoint}: {}", answer.body);
    serde_json::from_str(&answer.body).unwrap()
}

async fn audited(portal: &Portal) -> Vec<(String, String)> {
    sqlx::query_as(
        "SELECT action, outcome FROM audit_log WHERE action LIKE '%Service%' AND outcome <> 'pending' ORDER BY id",
    )
    .fetch_all(&portal.state.pool)
    .await
    .unwrap()
}

#[tokio::test]
async fn staff_create_price_change_and_delete_a_service_exactly_in_cents() {
    let portal = portal().await;
    let mut admin = Browser::signed_in(&portal, ACME_ADMIN).await;
    let listed = json(&mut admin, "catalog/services", "distributor_id=&shown=&search=").await;
    let names: Vec<&str> = listed["rows"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["name"].as_str().unwrap())
        .collect();
    assert_eq!(names, ["Caller ID", "Number lookup"]);
    assert_eq!(listed["rows"][0]["cost"]["cents"], 50, "staff see Telegent's cost");

    let create = |name: &str, cost: &str| {
        format!(
            "distributor_id=&service_id=&service_name={}&cost={}&monthly=on",
            urlencode(name),
            urlencode(cost)
        )
    };
    for (form, field) in [
        (create("", "0.30"), "service_name"),
        (create("Visual voicemail", "-1"), "cost"),
        (create("Visual voicemail", "0.305"), "cost"),
        (create("caller id", "0.30"), "service_name"),
    ] {
        let refused = admin.call("catalog/service-save", &form).await;
        assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY, "{form}: {refused:?}");
        assert!(refused.body.contains(field), "{field}: {}", refused.body);
    }
    assert!(services_named(&portal, "Visual voicemail").is_empty(), "nothing sent");

    let made = admin
        .call("catalog/service-save", &create("Visual voicemail", "$0.30"))
        .await;
    assert!(done(&made), "{made:?}");
    let (id, record) = services_named(&portal, "Visual voicemail").pop().expect("created");
    assert_eq!(
        (record.fields["Cost"].as_f64(), record.fields["Monthly"].as_bool()),
        (Some(0.3), Some(true))
    );

    // The Distributor's price: set once (added), then changed in place; the
    // API keeps one per service and addresses it by the service.
    let price = |amount: &str, monthly: bool| {
        format!(
            "distributor_id=&service_id={id}&item_price={}{}",
            urlencode(amount),
            if monthly { "&item_monthly=on" } else { "" }
        )
    };
    for typed in ["ten", "0.105", "-0.10"] {
        let refused = admin.call("catalog/service-item-save", &price(typed, true)).await;
        assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY, "{typed}");
        assert!(refused.body.contains("item_price"));
    }
    assert!(items_of(&portal, &id).is_empty(), "nothing sent");
    assert!(done(
        &admin.call("catalog/service-item-save", &price("0.10", true)).await
    ));
    let detail = json(&mut admin, "catalog/service", &format!("distributor_id=&id={id}")).await;
    assert_eq!(detail["items"][0]["price"]["cents"], 10, "{detail}");
    let page = admin.get(&format!("/catalog/services/{id}")).await;
    assert!(page.body.contains("$0.10 / month"), "{}", page.body);
    assert!(done(
        &admin.call("catalog/service-item-save", &price("1.25", false)).await
    ));
    let items = items_of(&portal, &id);
    assert_eq!(items.len(), 1, "changed, not added");
    assert_eq!(
        (
            items[0].1.fields["Price"].as_f64(),
            items[0].1.fields["Monthly"].as_bool()
        ),
        (Some(1.25), Some(false))
    );
    let remove = format!("distributor_id=&service_id={id}");
    assert_eq!(
        admin.call("catalog/service-item-remove", &remove).await.status,
        StatusCode::UNPROCESSABLE_ENTITY
    );
    assert!(done(
        &admin
            .call("catalog/service-item-remove", &format!("{remove}&confirm=on"))
            .await
    ));
    assert!(items_of(&portal, &id).is_empty());

    // Made inactive: out of the default list, in "all".
    let inactive = format!("distributor_id=&service_id={id}&service_name=Visual+voicemail&cost=0.30&monthly=on");
    assert!(done(&admin.call("catalog/service-save", &inactive).await));
    assert_eq!(services_named(&portal, "Visual voicemail")[0].1.fields["Active"], false);
    let active = json(&mut admin, "catalog/services", "distributor_id=&shown=&search=voice").await;
    assert!(active["rows"].as_array().unwrap().is_empty(), "{active}");
    let all = json(&mut admin, "catalog/services", "distributor_id=&shown=all&search=voice").await;
    assert_eq!(all["rows"].as_array().unwrap().len(), 1);

    let delete = format!("distributor_id=&id={id}");
    assert_eq!(
        admin.call("catalog/service-delete", &delete).await.status,
        StatusCode::UNPROCESSABLE_ENTITY
    );
    assert!(done(
        &admin
            .call("catalog/service-delete", &format!("{delete}&confirm=on"))
            .await
    ));
    assert!(services_named(&portal, "Visual voicemail").is_empty());

    let actions: Vec<String> = audited(&portal)
        .await
        .into_iter()
        .map(|(a, o)| format!("{a} {o}"))
        .collect();
    assert_eq!(
        actions,
        [
            "CreateService succeeded",
            "AddServiceItem succeeded",
            "UpdateServiceItem succeeded",
            "RemoveServiceItem succeeded",
            "UpdateService succeeded",
            "DeleteService succeeded",
        ]
    );
}

#[tokio::test]
async fn an_accounts_people_read_services_without_the_cost_and_other_distributors_find_none() {
    let portal = portal().await;
    let acme = {
        let doe = crate::common::account_id(&portal, "Doe Family");
        let world = portal.sandbox.as_ref().unwrap().0.snapshot();
        world.accounts[&doe].distributor_id.clone()
    };
    let acme_caller_id = services_named(&portal, "Caller ID")
        .into_iter()
        .find(|(_, r)| r.distributor_id == acme)
        .unwrap()
        .0;
    let mut priya = Browser::signed_in(&portal, "priya@brightbakery.example").await;
    let detail = json(
        &mut priya,
        "catalog/service",
        &format!("distributor_id=&id={acme_caller_id}"),
    )
    .await;
    // The Account Admin reads their Distributor's service without
    // Telegent's cost, with the Distributor's price.
    assert!(detail["service"]["cost"].is_null(), "{detail}");
    assert_eq!(detail["can_edit"], false);
    assert_eq!(detail["items"][0]["price"]["cents"], 125);
    let changed = priya
        .call(
            "catalog/service-save",
            &format!("distributor_id=&service_id={acme_caller_id}&service_name=Mine&cost=0"),
        )
        .await;
    assert_eq!(changed.status, StatusCode::FORBIDDEN);
    let html = priya.get(&format!("/catalog/services/{acme_caller_id}")).await;
    assert_eq!(html.status, StatusCode::OK);
    assert!(
        !html.body.contains("$0.50") && !html.body.contains("Edit service"),
        "{}",
        html.body
    );

    let mut globex = Browser::signed_in(&portal, "admin@globex.example").await;
    let foreign = globex
        .call("catalog/service", &format!("distributor_id=&id={acme_caller_id}"))
        .await;
    assert_eq!(foreign.status, StatusCode::NOT_FOUND);
    let foreign_delete = globex
        .call(
            "catalog/service-delete",
            &format!("distributor_id=&id={acme_caller_id}&confirm=on"),
        )
        .await;
    assert_eq!(foreign_delete.status, StatusCode::NOT_FOUND);
    assert_eq!(services_named(&portal, "Caller ID").len(), 2);
}
