//! Message routes (issue 16): checked at the field (https, the
//! authentication's user name and secret), secrets write-only (never in a
//! page, an answer or the audit log; an empty field keeps the stored one),
//! a route in use not deleted (the lines named), and an Account's routes
//! missing for everyone outside it.

use axum::http::StatusCode;
use serde_json::Value;
use telegent_portal::Portal;

use crate::common::{account_id, portal, urlencode, Browser, ACME_ADMIN};

const TOKEN: &str = "tok-9f8e7d6c5b4a-secret";

fn route_form(account: &str, id: &str, url: &str, auth: &str, user: &str, secret: &str) -> String {
    format!(
        "account_id={account}&message_route_id={id}&route_name=Alerts&message_url={}&message_url_method=POST\
         &message_authentication_type={auth}&message_username={user}&message_password_token={}\
         &callback_message_url=&callback_message_url_method=POST&callback_message_authentication_type=None\
         &callback_message_username=&callback_message_password_token=&message_route_enabled=on&intelligent_route_enabled=on",
        urlencode(url),
        urlencode(secret)
    )
}

fn routes_named(portal: &Portal, name: &str) -> Vec<(String, telegent_sandbox::Record)> {
    let world = portal.sandbox.as_ref().unwrap().0.snapshot();
    let found = world
        .collection("message_routes")
        .filter(|(_, r)| r.fields.get("RouteName").and_then(Value::as_str) == Some(name))
        .map(|(id, r)| (id.clone(), r.clone()))
        .collect();
    found
}

#[tokio::test]
async fn a_route_is_checked_at_the_field_and_its_secret_never_comes_back() {
    let portal = portal().await;
    let mut admin = Browser::signed_in(&portal, ACME_ADMIN).await;
    let doe = account_id(&portal, "Doe Family");
    for (form, field) in [
        (
            route_form(&doe, "", "http://hooks.example.com/in", "None", "", ""),
            "message_url",
        ),
        (route_form(&doe, "", "hooks.example.com", "None", "", ""), "message_url"),
        (
            route_form(&doe, "", "https://hooks.example.com/in", "Basic", "", "pw"),
            "message_username",
        ),
        (
            route_form(&doe, "", "https://hooks.example.com/in", "Bearer", "", ""),
            "message_password_token",
        ),
        (
            route_form(&doe, "", "https://hooks.example.com/in", "Digest", "", ""),
            "message_authentication_type",
        ),
    ] {
        let refused = admin.call("routes/message-save", &form).await;
        assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY, "{form}: {refused:?}");
        assert!(refused.body.contains(field), "{field}: {}", refused.body);
    }
    assert!(routes_named(&portal, "Alerts").is_empty(), "nothing sent");

    let made = admin
        .call(
            "routes/message-save",
            &route_form(&doe, "", "https://hooks.example.com/in", "Bearer", "", TOKEN),
        )
        .await;
    assert!(made.status.is_success() || made.status.is_redirection(), "{made:?}");
    let (id, record) = routes_named(&portal, "Alerts").pop().expect("created");
    assert_eq!(record.account_id.as_deref(), Some(doe.as_str()));
    assert_eq!(record.fields["MessagePasswordToken"], TOKEN);
    // Read back: the secret is "set", never its value.
    let detail = admin.call("routes/message", &format!("account_id={doe}&id={id}")).await;
    assert_eq!(detail.status, StatusCode::OK);
    assert!(!detail.body.contains(TOKEN), "{}", detail.body);
    assert_eq!(
        serde_json::from_str::<Value>(&detail.body).unwrap()["route"]["secret_set"],
        true
    );
    let form = admin
        .call("routes/message-form", &format!("account_id={doe}&id={id}"))
        .await;
    assert!(!form.body.contains(TOKEN), "{}", form.body);
    for page in [
        format!("/accounts/{doe}/routes/message/{id}"),
        format!("/accounts/{doe}/routes/message/{id}/edit"),
    ] {
        let html = admin.get(&page).await;
        assert_eq!(html.status, StatusCode::OK, "{page}");
        assert!(!html.body.contains(TOKEN), "{page}");
    }
    // Saved again with the field empty: the stored token stays.
    let saved = admin
        .call(
            "routes/message-save",
            &route_form(&doe, &id, "https://hooks.example.com/v2", "Bearer", "", ""),
        )
        .await;
    assert!(saved.status.is_success() || saved.status.is_redirection(), "{saved:?}");
    let (_, record) = routes_named(&portal, "Alerts").pop().unwrap();
    assert_eq!(record.fields["MessageUrl"], "https://hooks.example.com/v2");
    assert_eq!(record.fields["MessagePasswordToken"], TOKEN);
    // The audit log names the route and never the secret.
    let (rows, leaks): (i64, i64) = sqlx::query_as(
        "SELECT COUNT(*), SUM(CASE WHEN detail LIKE $1 THEN 1 ELSE 0 END) FROM audit_log \
         WHERE action IN ('CreateMessageRoute', 'UpdateMessageRoute')",
    )
    .bind(format!("%{TOKEN}%"))
    .fetch_one(&portal.state.pool)
    .await
    .unwrap();
    assert_eq!((rows, leaks), (2, 0));

    // A route lines use is not deleted; the new one is, once confirmed.
    let (used, _) = {
        let world = portal.sandbox.as_ref().unwrap().0.snapshot();
        let found = world
            .collection("message_routes")
            .find(|(_, r)| r.account_id.as_deref() == Some(doe.as_str()) && r.fields["RouteName"] != "Alerts")
            .map(|(id, r)| (id.clone(), r.clone()))
            .unwrap();
        found
    };
    let refused = admin
        .call(
            "routes/message-delete",
            &format!("account_id={doe}&id={used}&confirm=on"),
        )
        .await;
    assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY, "{refused:?}");
    assert!(
        refused.body.contains("(801) 555-01"),
        "names the lines: {}",
        refused.body
    );
    let deleted = admin
        .call("routes/message-delete", &format!("account_id={doe}&id={id}&confirm=on"))
        .await;
    assert!(
        deleted.status.is_success() || deleted.status.is_redirection(),
        "{deleted:?}"
    );
    assert!(routes_named(&portal, "Alerts").is_empty());
}

#[tokio::test]
async fn an_accounts_routes_are_missing_outside_it_and_read_only_for_a_viewer() {
    let portal = portal().await;
    let doe = account_id(&portal, "Doe Family");
    let bakery = account_id(&portal, "Bright Bakery LLC");
    let doe_route = {
        let world = portal.sandbox.as_ref().unwrap().0.snapshot();
        let found = world
            .collection("message_routes")
            .find(|(_, r)| r.account_id.as_deref() == Some(doe.as_str()))
            .map(|(id, _)| id.clone())
            .unwrap();
        found
    };
    // The Bakery's Account Admin: the Doe Family's route is missing, through
    // either Account.
    let mut priya = Browser::signed_in(&portal, "priya@brightbakery.example").await;
    let missing = priya
        .call("routes/message", &format!("account_id={bakery}&id=MRID-0000"))
        .await;
    let through_own = priya
        .call("routes/message", &format!("account_id={bakery}&id={doe_route}"))
        .await;
    assert_eq!(through_own.status, StatusCode::NOT_FOUND);
    assert_eq!(through_own.body, missing.body);
    assert_eq!(
        priya
            .call("routes/message", &format!("account_id={doe}&id={doe_route}"))
            .await
            .status,
        StatusCode::NOT_FOUND
    );
    assert_eq!(
        priya.call("routes/list", &format!("account_id={bakery}")).await.status,
        StatusCode::OK
    );
    let mut globex = Browser::signed_in(&portal, "admin@globex.example").await;
    assert_eq!(
        globex
            .call("routes/message", &format!("account_id={doe}&id={doe_route}"))
            .await
            .status,
        StatusCode::NOT_FOUND
    );
    // A Manager has no routes; a viewer reads and changes nothing.
    let mut jane = Browser::signed_in(&portal, "jane.doe@example.com").await;
    assert_eq!(
        jane.call("routes/list", &format!("account_id={doe}")).await.status,
        StatusCode::FORBIDDEN
    );
    let mut viewer = Browser::signed_in(&portal, "reviewer@acme.example").await;
    assert_eq!(
        viewer.call("routes/list", &format!("account_id={doe}")).await.status,
        StatusCode::OK
    );
    let refused = viewer
        .call(
            "routes/message-save",
            &route_form(&doe, "", "https://hooks.example.com/in", "None", "", ""),
        )
        .await;
    assert_eq!(refused.status, StatusCode::FORBIDDEN);
    assert!(routes_named(&portal, "Alerts").is_empty());
    let page = viewer.get(&format!("/accounts/{doe}/routes")).await;
    assert!(
        page.body.contains(&doe_route) && !page.body.contains("New message route"),
        "{}",
        page.body
    );
}
