//! What the pages say (issue 12 #9, #14): words, not codes; a refusal is the
//! whole page; view-as reads limits; what needs attention links to its fix.

use axum::http::StatusCode;

use crate::common::{account_id, portal, urlencode, Browser, ACME_ADMIN};

const JANE: &str = "jane.doe@example.com";

#[tokio::test]
async fn the_audit_log_says_actions_roles_and_outcomes_in_words_and_a_backwards_range_says_so() {
    let portal = portal().await;
    let doe = account_id(&portal, "Doe Family");
    let mut jane = Browser::signed_in(&portal, JANE).await;
    let form = format!(
        "account_id={doe}&numbers%5B%5D={}&unit=MB&notify=&throttle=&limit=700&speed=",
        urlencode("+18015550103")
    );
    jane.call("family/limits", &form).await;
    let mut admin = Browser::signed_in(&portal, ACME_ADMIN).await;
    let page = admin.get("/audit").await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(page.body.contains(">Set data limits<"), "the action in words");
    assert!(!page.body.contains(">SetDataLimits<"), "never the code in the table");
    assert!(page.body.contains(">Succeeded<"), "the outcome in words");
    assert!(page.body.contains("Distributor admin"), "roles in words");
    assert!(
        page.body.contains("warn at none, slow down at never, block at 700 MB"),
        "the detail says what changed"
    );
    assert!(
        page.body.contains("+1 (801) 555-0103"),
        "targets' numbers in the human format"
    );
    let backwards = admin.get("/audit?from=2026-12-02&to=2026-11-01").await;
    assert!(backwards.body.contains("is after “To”"), "says why nothing matches");
    assert!(
        backwards.body.contains("from=2026-11-01&amp;to=2026-12-02"),
        "offers the swap"
    );
}

#[tokio::test]
async fn a_page_the_role_cannot_open_shows_only_the_refusal() {
    let portal = portal().await;
    let mut jane = Browser::signed_in(&portal, JANE).await;
    let page = jane.get("/distributors").await;
    assert_eq!(page.status, StatusCode::FORBIDDEN);
    assert!(page.body.contains("Not allowed"), "the refusal is the page");
    assert!(
        !page.body.contains("<h1>Distributors</h1>"),
        "no heading before the refusal"
    );
    assert!(!page.body.contains("Add a Distributor"), "no form either");
}

#[tokio::test]
async fn viewing_as_the_manager_shows_the_limits_read_only() {
    let portal = portal().await;
    let doe = account_id(&portal, "Doe Family");
    let mut admin = Browser::signed_in(&portal, ACME_ADMIN).await;
    let started = admin
        .call(
            "session/view-as",
            &format!("account_id={doe}&reason=checking+a+complaint"),
        )
        .await;
    assert!(
        started.status.is_success() || started.status.is_redirection(),
        "{started:?}"
    );
    let page = admin.get(&format!("/accounts/{doe}/limits")).await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(page.body.contains("Read-only"), "the limits, read-only");
    assert!(page.body.contains("555-0103"), "each line is listed");
    assert!(!page.body.contains("Save limits"), "nothing to change");
    assert!(!page.body.contains("doesn't allow"), "not a refusal");
}

#[tokio::test]
async fn needs_attention_items_link_to_their_fix_and_blocked_counts_are_apart() {
    let portal = portal().await;
    let doe = account_id(&portal, "Doe Family");
    // Lily's line is nearly used up.
    portal.sandbox.as_ref().unwrap().0.mutate(|w| {
        let line = w.numbers.values_mut().find(|n| n.msisdn == "+18015550103").unwrap();
        line.used_kb = 19 * 1024;
    });
    let mut jane = Browser::signed_in(&portal, JANE).await;
    let answer = jane.call("family/overview", &format!("account_id={doe}")).await;
    let overview: telegent_app::accounts::model::FamilyOverview = serde_json::from_str(&answer.body).unwrap();
    let lily = overview
        .alerts
        .iter()
        .find(|a| a.message.contains("555-0103"))
        .expect("an alert for Lily's line");
    let (href, label) = lily.fix.clone().expect("a link to the fix");
    assert_eq!(href, format!("/accounts/{doe}/limits?line=18015550103"));
    assert_eq!(label, "Change its limits");
    let page = jane.get(&format!("/accounts/{doe}")).await;
    assert!(page.body.contains("Change its limits"));
    assert!(
        page.body.contains("blocked: 0 callers, 0 message contacts"),
        "calls and messages apart"
    );
}
