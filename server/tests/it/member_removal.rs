//! Removing a member (issue 12 #10): their lines move to the member chosen,
//! their Guardian settings are deleted, the portal hides them and turns off
//! their sign-in; rank is respected, a confirmation is required, and a
//! refused removal changes nothing.

use crate::common::{account_id, portal, subscriber_id, urlencode, Browser, ACME_ADMIN};
use axum::http::StatusCode;
use telegent_app::accounts::model::FamilyOverview;
use telegent_app::ssr::demo::DEMO_PASSWORD;
use telegent_portal::Portal;

const JANE: &str = "jane.doe@example.com";
const SAM: &str = "sam.doe@example.com";
const SAM_LINE: &str = "+18015550102";

fn writes_since(portal: &Portal, since: usize) -> usize {
    portal.sandbox.as_ref().unwrap().0.journal()[since..]
        .iter()
        // Writes: reads and token requests are POSTs too at Telegent.
        .filter(|e| e.method == "POST" && !e.path.to_lowercase().contains("oauth2") && !e.path.ends_with("/info"))
        .count()
}

fn journal_len(portal: &Portal) -> usize {
    portal.sandbox.as_ref().unwrap().0.journal().len()
}

fn removal(account: &str, subscriber: &str, heir: &str, confirmed: bool) -> String {
    let mut form = format!(
        "account_id={account}&subscriber_id={subscriber}&heir={}",
        urlencode(heir)
    );
    if confirmed {
        form.push_str("&confirm=on");
    }
    form
}

async fn members_of(browser: &mut Browser, account: &str) -> Vec<String> {
    let answer = browser.call("family/overview", &format!("account_id={account}")).await;
    assert_eq!(answer.status, StatusCode::OK, "{}", answer.body);
    let overview: FamilyOverview = serde_json::from_str(&answer.body).unwrap();
    overview.members.into_iter().map(|m| m.email).collect()
}

#[tokio::test]
async fn removing_a_child_moves_their_line_deletes_their_guardian_settings_and_hides_them() {
    let portal = portal().await;
    let doe = account_id(&portal, "Doe Family");
    let (sam, jane_id) = (subscriber_id(&portal, SAM), subscriber_id(&portal, JANE));
    let mut jane = Browser::signed_in(&portal, JANE).await;
    // Sam has a guardian (Jane) and a message filter on his line.
    let base = format!("account_id={doe}&subscriber_id={sam}&line={}", urlencode(SAM_LINE));
    let link = jane
        .call("guardian/relation", &format!("{base}&guardian_id={jane_id}&link=true"))
        .await;
    assert!(link.status.is_success(), "{link:?}");
    let filter = jane
        .call(
            "guardian/message-filter",
            &format!("{base}&mode=CHILD&inbound=on&outbound=on&keywords=&notify="),
        )
        .await;
    assert!(filter.status.is_success(), "{filter:?}");
    let world = portal.sandbox.as_ref().unwrap().0.snapshot();
    assert!(world.guardian_relations.iter().any(|r| r.child_id == sam));
    assert!(world.filters.values().any(|f| f.subscriber_id == sam));

    // The member page offers the removal with Jane as the heir.
    let page = jane
        .call("members/detail", &format!("account_id={doe}&subscriber_id={sam}"))
        .await;
    let detail: telegent_app::members::model::MemberDetail = serde_json::from_str(&page.body).unwrap();
    let plan = detail.removal.expect("a Manager may remove a Subscriber");
    assert!(plan.heirs.iter().any(|(id, _)| *id == jane_id), "{:?}", plan.heirs);
    assert!(plan.signs_in, "Sam signs in to the portal");

    let answer = jane.call("members/remove", &removal(&doe, &sam, &jane_id, true)).await;
    assert!(
        answer.status.is_success() || answer.status.is_redirection(),
        "{answer:?}"
    );

    let world = portal.sandbox.as_ref().unwrap().0.snapshot();
    let line = world.numbers.values().find(|n| n.msisdn == SAM_LINE).unwrap();
    assert_eq!(
        line.subscriber_id.as_deref(),
        Some(jane_id.as_str()),
        "the line went to Jane"
    );
    assert!(world.subscribers[&jane_id].phone_numbers.iter().any(|n| n == SAM_LINE));
    assert!(!world
        .guardian_relations
        .iter()
        .any(|r| r.child_id == sam || r.parent_id == sam));
    assert!(
        !world.filters.values().any(|f| f.subscriber_id == sam),
        "filters deleted"
    );

    // Hidden from the family, their page is "not found", their sign-in is off.
    let members = members_of(&mut jane, &doe).await;
    assert!(!members.iter().any(|m| m == SAM), "{members:?}");
    assert!(members.iter().any(|m| m == JANE));
    let gone = jane
        .call("members/detail", &format!("account_id={doe}&subscriber_id={sam}"))
        .await;
    assert_eq!(gone.status, StatusCode::NOT_FOUND);
    let mut sam_browser = Browser::new(&portal);
    let sign_in = sam_browser.sign_in(SAM, DEMO_PASSWORD).await;
    assert!(
        sign_in
            .location()
            .is_none_or(|l| l.contains("__err") || l.starts_with("/login")),
        "Sam can no longer sign in: {sign_in:?}"
    );
    let (outcome, detail): (String, String) =
        sqlx::query_as("SELECT outcome, detail FROM audit_log WHERE action = 'RemoveMember'")
            .fetch_one(&portal.state.pool)
            .await
            .unwrap();
    assert_eq!(outcome, "succeeded");
    assert!(detail.contains("+1 (801) 555-0102 moved to Jane Doe"), "{detail}");
    assert!(
        detail.contains("guardian link deleted") && detail.contains("message filter deleted"),
        "{detail}"
    );
    assert!(detail.contains("portal sign-in turned off"), "{detail}");
}

#[tokio::test]
async fn a_removal_without_confirmation_or_heir_changes_nothing() {
    let portal = portal().await;
    let doe = account_id(&portal, "Doe Family");
    let sam = subscriber_id(&portal, SAM);
    let mut jane = Browser::signed_in(&portal, JANE).await;
    let emma = subscriber_id(&portal, "emma.smith@example.com");
    let before = journal_len(&portal);
    let unconfirmed = jane
        .call(
            "members/remove",
            &removal(&doe, &sam, &subscriber_id(&portal, JANE), false),
        )
        .await;
    assert_eq!(
        unconfirmed.status,
        StatusCode::UNPROCESSABLE_ENTITY,
        "{}",
        unconfirmed.body
    );
    assert!(
        unconfirmed.body.contains("\"field\":\"confirm\""),
        "{}",
        unconfirmed.body
    );
    // An heir of another Distributor's Account is no member here.
    let foreign_heir = jane.call("members/remove", &removal(&doe, &sam, &emma, true)).await;
    assert_eq!(
        foreign_heir.status,
        StatusCode::UNPROCESSABLE_ENTITY,
        "{}",
        foreign_heir.body
    );
    assert!(
        foreign_heir.body.contains("\"field\":\"heir\""),
        "{}",
        foreign_heir.body
    );
    // Nor one of another Account of the same Distributor.
    let priya = subscriber_id(&portal, "priya@brightbakery.example");
    let other_account = jane.call("members/remove", &removal(&doe, &sam, &priya, true)).await;
    assert_eq!(
        other_account.status,
        StatusCode::UNPROCESSABLE_ENTITY,
        "{}",
        other_account.body
    );
    assert!(
        other_account.body.contains("\"field\":\"heir\""),
        "{}",
        other_account.body
    );
    assert_eq!(writes_since(&portal, before), 0, "nothing reached Telegent");
    assert!(members_of(&mut jane, &doe).await.iter().any(|m| m == SAM));
}

#[tokio::test]
async fn a_removed_member_turned_back_on_still_cannot_act() {
    let portal = portal().await;
    let doe = account_id(&portal, "Doe Family");
    let (sam, jane_id) = (subscriber_id(&portal, SAM), subscriber_id(&portal, JANE));
    let mut sam_browser = Browser::signed_in(&portal, SAM).await;
    let mut jane = Browser::signed_in(&portal, JANE).await;
    let answer = jane.call("members/remove", &removal(&doe, &sam, &jane_id, true)).await;
    assert!(
        answer.status.is_success() || answer.status.is_redirection(),
        "{answer:?}"
    );
    // Someone turns the user back on (and the old session is still in the browser).
    sqlx::query("UPDATE users SET status = 'active', session_epoch = 0 WHERE lower(email) = $1")
        .bind(SAM)
        .execute(&portal.state.pool)
        .await
        .unwrap();
    let mut fresh = Browser::new(&portal);
    let signed_in = fresh.sign_in(SAM, DEMO_PASSWORD).await;
    let page = fresh.get("/me").await;
    assert!(page.status.is_redirection(), "{signed_in:?} then {page:?}");
    assert!(page.location().is_some_and(|l| l.starts_with("/login")), "{page:?}");
    let old = sam_browser.get("/me").await;
    assert!(old.location().is_some_and(|l| l.starts_with("/login")), "{old:?}");
}

#[tokio::test]
async fn a_manager_cannot_remove_themselves_or_a_member_of_their_rank_but_staff_can() {
    let portal = portal().await;
    let doe = account_id(&portal, "Doe Family");
    let jane_id = subscriber_id(&portal, JANE);
    let sam = subscriber_id(&portal, SAM);
    let mut jane = Browser::signed_in(&portal, JANE).await;
    let before = journal_len(&portal);
    let herself = jane.call("members/remove", &removal(&doe, &jane_id, &sam, true)).await;
    assert_eq!(herself.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", herself.body);
    assert!(herself.body.contains("cannot remove yourself"), "{}", herself.body);
    // A Manager against the Account Admin (rank) is tried by the security matrix.
    assert_eq!(writes_since(&portal, before), 0);
    let (denied,): (i64,) =
        sqlx::query_as("SELECT COUNT(*) FROM audit_log WHERE action = 'RemoveMember' AND outcome = 'denied'")
            .fetch_one(&portal.state.pool)
            .await
            .unwrap();
    assert_eq!(denied, 1);

    // A foreign member looks like a missing one.
    let emma = subscriber_id(&portal, "emma.smith@example.com");
    let foreign = jane.call("members/remove", &removal(&doe, &emma, &jane_id, true)).await;
    assert_eq!(foreign.status, StatusCode::NOT_FOUND);

    // The Distributor admin may remove the Manager; her line goes to Sam.
    let mut admin = Browser::signed_in(&portal, ACME_ADMIN).await;
    let answer = admin.call("members/remove", &removal(&doe, &jane_id, &sam, true)).await;
    assert!(
        answer.status.is_success() || answer.status.is_redirection(),
        "{answer:?}"
    );
    let world = portal.sandbox.as_ref().unwrap().0.snapshot();
    assert!(world
        .numbers
        .values()
        .filter(|n| n.account_id == doe)
        .all(|n| n.subscriber_id.as_deref() != Some(jane_id.as_str())));
}
