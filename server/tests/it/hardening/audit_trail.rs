//! The audit trail: refused IDs are on the record wherever they are tried,
//! a failed credential check is audited, and an Account's people see that
//! staff acted but not where staff sat.

use crate::common::{account_id, portal, portal_with, urlencode, Browser, ACME_ADMIN};
use axum::body::Body;
use axum::http::{Request, StatusCode};
use telegent_app::audit::model::AuditPage;

use super::{AUDIT_ALL, JANE};

#[tokio::test]
async fn a_manager_sees_that_staff_acted_but_not_where_they_sat() {
    let portal = portal_with(|c| c.auth.trust_forwarded_for = true).await;
    let doe = account_id(&portal, "Doe Family");
    let mut admin = Browser::new(&portal);
    let form = format!(
        "email={}&password={}&next=",
        urlencode(ACME_ADMIN),
        urlencode(telegent_app::ssr::demo::DEMO_PASSWORD)
    );
    let with_address = |path: &str, body: String| {
        Request::post(path)
            .header("content-type", "application/x-www-form-urlencoded")
            .header("accept", "application/json")
            .header("x-forwarded-for", "203.0.113.50")
            .body(Body::from(body))
            .unwrap()
    };
    admin.send(with_address("/api/session/login", form)).await;
    let started = admin
        .send(with_address(
            "/api/session/view-as",
            format!("account_id={doe}&reason=Ticket+4711%3A+data+limits"),
        ))
        .await;
    assert!(started.status.is_success(), "{started:?}");
    let (stored,): (Option<String>,) =
        sqlx::query_as("SELECT client_address FROM audit_log WHERE action = 'ViewAsStarted' AND account_id = $1")
            .bind(&doe)
            .fetch_one(&portal.state.pool)
            .await
            .unwrap();
    assert_eq!(stored.as_deref(), Some("203.0.113.50"), "stored for the Distributor");

    let mut jane = Browser::signed_in(&portal, JANE).await;
    let answer = jane.call("audit/list", AUDIT_ALL).await;
    assert_eq!(answer.status, StatusCode::OK, "{answer:?}");
    let page: AuditPage = serde_json::from_str(&answer.body).unwrap();
    let staff = page
        .rows
        .iter()
        .find(|r| r.action == "ViewAsStarted")
        .expect("the Manager sees that staff looked");
    assert_eq!(staff.user_email, ACME_ADMIN);
    assert_eq!(staff.client_address, None, "staff address shown to the Manager");
    let own = page
        .rows
        .iter()
        .find(|r| r.user_email == JANE)
        .expect("her own sign-in");
    assert_eq!(own.action, "SignIn");

    let mut staff_view = Browser::signed_in(&portal, ACME_ADMIN).await;
    let page: AuditPage = serde_json::from_str(&staff_view.call("audit/list", AUDIT_ALL).await.body).unwrap();
    let row = page.rows.iter().find(|r| r.action == "ViewAsStarted").unwrap();
    assert_eq!(
        row.client_address.as_deref(),
        Some("203.0.113.50"),
        "staff still see it"
    );
}

#[tokio::test]
async fn a_credential_check_that_cannot_reach_telegent_is_audited_and_bad_addresses_are_refused() {
    let portal = portal().await;
    let mut platform = Browser::signed_in(&portal, "platform@telegent.example").await;
    let save = |url: &str| {
        format!(
            "distributor_id=DID-new00001&api_base_url={}&account_key=DID-new00001&account_secret=s3cret",
            urlencode(url)
        )
    };
    // Nothing listens there: a transport failure.
    let answer = platform.call("distributors/save", &save("http://127.0.0.1:9")).await;
    assert_eq!(answer.status, StatusCode::BAD_GATEWAY, "{answer:?}");
    let (outcome, detail): (String, String) = sqlx::query_as(
        "SELECT outcome, detail FROM audit_log WHERE action = 'SaveDistributorCredential' ORDER BY id DESC LIMIT 1",
    )
    .fetch_one(&portal.state.pool)
    .await
    .unwrap();
    assert_eq!(outcome, "failed");
    assert!(!detail.contains("s3cret"), "the secret stays out of the log: {detail}");
    for wrong in [
        "http://api.telegent.example",
        "https://admin:pw@api.telegent.example",
        "https://api.telegent.example/?x=1",
    ] {
        let answer = platform.call("distributors/save", &save(wrong)).await;
        assert_eq!(answer.status, StatusCode::UNPROCESSABLE_ENTITY, "{wrong}: {answer:?}");
        assert!(answer.body.contains("api_base_url"), "{wrong}: {}", answer.body);
    }
    // A well-formed real address, while the demo users (published password)
    // exist: refused at the field, nothing stored.
    let answer = platform
        .call("distributors/save", &save("https://api.telegent.example"))
        .await;
    assert_eq!(answer.status, StatusCode::UNPROCESSABLE_ENTITY, "{answer:?}");
    assert!(answer.body.contains("demo users"), "{}", answer.body);
    let stored: (i64,) = sqlx::query_as("SELECT COUNT(*) FROM distributors WHERE distributor_id = 'DID-new00001'")
        .fetch_one(&portal.state.pool)
        .await
        .unwrap();
    assert_eq!(stored.0, 0);
}

#[tokio::test]
async fn a_foreign_id_is_audited_as_not_found_without_flooding_the_log() {
    let portal = portal().await;
    let smith = account_id(&portal, "Smith Family");
    let mut jane = Browser::signed_in(&portal, JANE).await;
    for _ in 0..15 {
        let answer = jane.call("family/overview", &format!("account_id={smith}")).await;
        assert_eq!(answer.status, StatusCode::NOT_FOUND);
    }
    let rows: Vec<(String, String, String, Option<String>)> =
        sqlx::query_as("SELECT user_email, action, target_ids, request_id FROM audit_log WHERE outcome = 'not_found'")
            .fetch_all(&portal.state.pool)
            .await
            .unwrap();
    assert_eq!(rows.len(), 10, "throttled to ten a minute: {rows:?}");
    let (who, what, asked, request_id) = &rows[0];
    assert_eq!(who, JANE);
    assert_eq!(what, "family/overview");
    assert!(asked.contains(&smith), "what was asked for: {asked}");
    assert!(request_id.is_some());
}

/// Probing by address bar or by a plain form post is on the record too.
#[tokio::test]
async fn a_foreign_id_in_a_page_address_or_an_html_form_post_is_audited() {
    let portal = portal().await;
    let smith = account_id(&portal, "Smith Family");
    let mut jane = Browser::signed_in(&portal, JANE).await;
    let page = jane.get(&format!("/accounts/{smith}/limits")).await;
    assert_eq!(page.status, StatusCode::NOT_FOUND);
    let post = Request::post("/api/family/limits")
        .header("content-type", "application/x-www-form-urlencoded")
        .header("accept", "text/html")
        .header("referer", "http://localhost/accounts")
        .body(Body::from(format!(
            "account_id={smith}&numbers[]=%2B15125550120&unit=MB&notify=&throttle=&limit=10&speed="
        )))
        .unwrap();
    let answer = jane.send(post).await;
    assert!(
        answer.status.is_redirection(),
        "a plain form post comes back: {answer:?}"
    );
    let rows: Vec<(String, String)> =
        sqlx::query_as("SELECT action, target_ids FROM audit_log WHERE outcome = 'not_found' ORDER BY id")
            .fetch_all(&portal.state.pool)
            .await
            .unwrap();
    assert_eq!(rows.len(), 2, "{rows:?}");
    assert!(rows[0].0.starts_with("accounts/"), "the page: {rows:?}");
    assert_eq!(rows[1].0, "api/family/limits", "{rows:?}");
    assert!(rows.iter().all(|(_, asked)| asked.contains(&smith)), "{rows:?}");
}
