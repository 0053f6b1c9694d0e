//! Sessions and passwords: the request id is the server's own, signing in
//! starts an empty session, a view-as ends on the record however it ends,
//! password changes are throttled like sign-in.

use std::time::Duration;

use crate::common::{account_id, portal, urlencode, Browser, ACME_ADMIN};
use axum::body::Body;
use axum::http::{Request, StatusCode};
use telegent_app::users::model::CreatedUser;

use super::JANE;

#[tokio::test]
async fn a_client_sent_request_id_is_never_taken_as_the_request_id() {
    let portal = portal().await;
    let mut browser = Browser::new(&portal);
    let form = format!(
        "email={}&password={}&next=",
        urlencode(ACME_ADMIN),
        urlencode(telegent_app::ssr::demo::DEMO_PASSWORD)
    );
    let request = Request::post("/api/session/login")
        .header("content-type", "application/x-www-form-urlencoded")
        .header("accept", "application/json")
        .header("x-request-id", "forged-by-the-client")
        .body(Body::from(form))
        .unwrap();
    let answer = browser.send(request).await;
    let answered = answer
        .headers
        .get("x-request-id")
        .unwrap()
        .to_str()
        .unwrap()
        .to_string();
    assert_ne!(answered, "forged-by-the-client");
    assert!(uuid::Uuid::parse_str(&answered).is_ok(), "a server-made id: {answered}");
    let (stored,): (Option<String>,) =
        sqlx::query_as("SELECT request_id FROM audit_log WHERE action = 'SignIn' ORDER BY id DESC LIMIT 1")
            .fetch_one(&portal.state.pool)
            .await
            .unwrap();
    assert_eq!(
        stored.as_deref(),
        Some(answered.as_str()),
        "the audit row has the server's id"
    );
}

#[tokio::test]
async fn signing_in_starts_an_empty_session() {
    let portal = portal().await;
    let mut shared = Browser::signed_in(&portal, ACME_ADMIN).await;
    let created = shared
        .call(
            "users/create",
            "email=temp.person%40example.com&display_name=Temp+Person&role=DistributorViewer&distributor_id=&account_id=",
        )
        .await;
    assert!(created.status.is_success(), "{created:?}");
    // Someone else signs in on the same browser without signing out first.
    let answer = shared
        .sign_in("reviewer@acme.example", telegent_app::ssr::demo::DEMO_PASSWORD)
        .await;
    assert!(
        answer.status.is_success() || answer.status.is_redirection(),
        "{answer:?}"
    );
    let left = shared.call("users/created", "").await;
    // The reviewer may not manage users at all; whatever the answer, the
    // first user's temporary password is not in it.
    assert!(!left.body.contains("temp.person"), "carried over: {}", left.body);
    // And an admin signing in on top sees nothing carried over either.
    let mut again = Browser::signed_in(&portal, ACME_ADMIN).await;
    again
        .call(
            "users/create",
            "email=temp.two%40example.com&display_name=Temp+Two&role=DistributorViewer&distributor_id=&account_id=",
        )
        .await;
    again.sign_in(ACME_ADMIN, telegent_app::ssr::demo::DEMO_PASSWORD).await;
    let left = again.call("users/created", "").await;
    assert_eq!(left.status, StatusCode::OK, "{left:?}");
    let left: Option<CreatedUser> = serde_json::from_str(&left.body).unwrap();
    assert_eq!(left, None, "the temporary password stayed in the session");
}

async fn view_as_end_details(portal: &telegent_portal::Portal, account: &str) -> Vec<String> {
    sqlx::query_as::<_, (String,)>(
        "SELECT detail FROM audit_log WHERE action = 'ViewAsEnded' AND account_id = $1 ORDER BY id",
    )
    .bind(account)
    .fetch_all(&portal.state.pool)
    .await
    .unwrap()
    .into_iter()
    .map(|(d,)| d)
    .collect()
}

#[tokio::test]
async fn a_view_as_that_expires_or_ends_by_signing_out_is_recorded() {
    let portal = portal().await;
    let doe = account_id(&portal, "Doe Family");
    let start = format!("account_id={doe}&reason=Ticket+4711%3A+data+limits");
    let mut admin = Browser::signed_in(&portal, ACME_ADMIN).await;
    assert!(admin.call("session/view-as", &start).await.status.is_success());
    // Used within the idle timeout, so the session lives on while the view-as lapses.
    portal.state.clock.advance(Duration::from_secs(29 * 60));
    admin.call("session/current-user", "").await;
    portal.state.clock.advance(Duration::from_secs(2 * 60));
    admin.call("session/current-user", "").await;
    assert_eq!(view_as_end_details(&portal, &doe).await, ["expired"]);

    let mut admin = Browser::signed_in(&portal, ACME_ADMIN).await;
    assert!(admin.call("session/view-as", &start).await.status.is_success());
    admin.call("session/logout", "").await;
    assert_eq!(
        view_as_end_details(&portal, &doe).await,
        ["expired", "ended by signing out"]
    );

    // Left idle: the session lapses with the view-as in it.
    let mut admin = Browser::signed_in(&portal, ACME_ADMIN).await;
    assert!(admin.call("session/view-as", &start).await.status.is_success());
    portal.state.clock.advance(Duration::from_secs(31 * 60));
    let answer = admin.call("session/current-user", "").await;
    assert_eq!(answer.body, "null", "signed out by the idle timeout");
    assert_eq!(
        view_as_end_details(&portal, &doe).await,
        ["expired", "ended by signing out", "session expired"]
    );
}

#[tokio::test]
async fn password_changes_are_throttled_like_sign_in_and_failures_audited() {
    let portal = portal().await;
    let mut jane = Browser::signed_in(&portal, JANE).await;
    let change = |current: &str| {
        format!(
            "current_password={}&new_password=a+brand+new+sentence&confirm_password=a+brand+new+sentence",
            urlencode(current)
        )
    };
    for _ in 0..5 {
        let answer = jane.call("session/password", &change("not my password")).await;
        assert_eq!(answer.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(answer.body.contains("current password"), "{}", answer.body);
    }
    // The right password now waits out the delay like a sixth guess would.
    let answer = jane
        .call("session/password", &change(telegent_app::ssr::demo::DEMO_PASSWORD))
        .await;
    assert_eq!(answer.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(answer.body.contains("Too many wrong passwords"), "{}", answer.body);
    let outcomes: Vec<(String,)> =
        sqlx::query_as("SELECT outcome FROM audit_log WHERE action = 'ChangePassword' ORDER BY id")
            .fetch_all(&portal.state.pool)
            .await
            .unwrap();
    let outcomes: Vec<&str> = outcomes.iter().map(|(o,)| o.as_str()).collect();
    assert_eq!(outcomes, ["failed", "failed", "failed", "failed", "failed", "denied"]);
    portal.state.clock.advance(Duration::from_secs(31));
    let answer = jane
        .call("session/password", &change(telegent_app::ssr::demo::DEMO_PASSWORD))
        .await;
    assert!(
        answer.status.is_success() || answer.status.is_redirection(),
        "after the delay: {answer:?}"
    );
}
