//! Changing a member's role from their page (issue 15: a subscriber's role
//! is updated): staff give any Account role, a Manager none above
//! Subscriber, nobody their own; a second Manager is warned about first;
//! Telegent, the read model, the sign-in and the audit log follow.

use axum::http::StatusCode;
use telegent_portal::Portal;

use crate::common::{account_id, portal, subscriber_id, Browser, ACME_ADMIN};

fn role_at_telegent(portal: &Portal, subscriber: &str) -> String {
    portal.sandbox.as_ref().unwrap().0.snapshot().subscribers[subscriber]
        .role
        .clone()
}

fn form(account: &str, subscriber: &str, role: &str) -> String {
    format!(
        "account_id={account}&subscriber_id={subscriber}&role={}",
        role.replace(' ', "+")
    )
}

#[tokio::test]
async fn staff_make_a_subscriber_a_manager_after_the_warning_and_the_sign_in_follows() {
    let portal = portal().await;
    let doe = account_id(&portal, "Doe Family");
    let sam = subscriber_id(&portal, "sam.doe@example.com");
    let mut sam_browser = Browser::signed_in(&portal, "sam.doe@example.com").await;
    let mut admin = Browser::signed_in(&portal, ACME_ADMIN).await;

    let warned = admin.call("members/role", &form(&doe, &sam, "Manager")).await;
    assert_eq!(warned.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", warned.body);
    assert!(
        warned.body.contains("second_manager") && warned.body.contains("Jane Doe"),
        "{}",
        warned.body
    );
    assert_eq!(role_at_telegent(&portal, &sam), "Subscriber", "nothing changed");

    let changed = admin
        .call(
            "members/role",
            &format!("{}&second_manager=on", form(&doe, &sam, "Manager")),
        )
        .await;
    assert!(
        changed.status.is_redirection() || changed.status.is_success(),
        "{changed:?}"
    );
    assert!(changed.location().unwrap_or_default().contains("saved=role"));
    assert_eq!(role_at_telegent(&portal, &sam), "Manager");
    let (portal_role,): (String,) = sqlx::query_as("SELECT role FROM users WHERE email = 'sam.doe@example.com'")
        .fetch_one(&portal.state.pool)
        .await
        .unwrap();
    assert_eq!(portal_role, "Manager");
    let (in_copy,): (String,) = sqlx::query_as("SELECT role FROM rm_subscribers WHERE subscriber_id = $1")
        .bind(&sam)
        .fetch_one(&portal.state.pool)
        .await
        .unwrap();
    assert_eq!(in_copy, "Manager", "the read model at once");
    // Sam's old session (as a Subscriber) has ended.
    let page = sam_browser.get("/").await;
    assert!(
        page.status.is_redirection() && page.location().unwrap_or_default().contains("/login"),
        "{page:?}"
    );
    let rows: Vec<(String, String)> =
        sqlx::query_as("SELECT outcome, detail FROM audit_log WHERE action = 'ChangeMemberRole' ORDER BY id")
            .fetch_all(&portal.state.pool)
            .await
            .unwrap();
    assert_eq!(
        rows,
        vec![("succeeded".to_string(), "Sam Doe: Subscriber → Manager".to_string())]
    );
}

#[tokio::test]
async fn a_manager_gives_no_role_above_subscriber_and_nobody_changes_their_own() {
    let portal = portal().await;
    let doe = account_id(&portal, "Doe Family");
    let sam = subscriber_id(&portal, "sam.doe@example.com");
    let jane = subscriber_id(&portal, "jane.doe@example.com");
    let mut jane_browser = Browser::signed_in(&portal, "jane.doe@example.com").await;

    let above = jane_browser
        .call("members/role", &form(&doe, &sam, "Account Admin"))
        .await;
    assert_eq!(above.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", above.body);
    let own = jane_browser
        .call("members/role", &form(&doe, &jane, "Subscriber"))
        .await;
    assert_eq!(own.status, StatusCode::FORBIDDEN, "{}", own.body);
    let unknown = jane_browser.call("members/role", &form(&doe, &sam, "Owner")).await;
    assert_eq!(unknown.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(role_at_telegent(&portal, &sam), "Subscriber");
    assert_eq!(role_at_telegent(&portal, &jane), "Manager");

    // The page offers Jane no role form for herself, and staff one for Sam.
    let own_page = jane_browser
        .call("members/detail", &format!("account_id={doe}&subscriber_id={jane}"))
        .await;
    assert!(own_page.body.contains("\"role_choices\":[]"), "{}", own_page.body);
    let mut admin = Browser::signed_in(&portal, ACME_ADMIN).await;
    let sam_page = admin
        .call("members/detail", &format!("account_id={doe}&subscriber_id={sam}"))
        .await;
    assert!(
        sam_page
            .body
            .contains("\"role_choices\":[\"Subscriber\",\"Manager\",\"AccountAdmin\"]"),
        "{}",
        sam_page.body
    );
    // A viewer of the Distributor changes nothing.
    let mut viewer = Browser::signed_in(&portal, "reviewer@acme.example").await;
    let refused = viewer.call("members/role", &form(&doe, &sam, "Manager")).await;
    assert_eq!(refused.status, StatusCode::FORBIDDEN);
    // Another Distributor: the Account is missing.
    let mut globex = Browser::signed_in(&portal, "admin@globex.example").await;
    let foreign = globex.call("members/role", &form(&doe, &sam, "Manager")).await;
    let missing = globex.call("members/role", &form("AID-nope", &sam, "Manager")).await;
    assert_eq!((foreign.status, &foreign.body), (missing.status, &missing.body));
    assert_eq!(role_at_telegent(&portal, &sam), "Subscriber");
}
