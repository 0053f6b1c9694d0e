//! Members of a family Account: a member's lines, subscriptions and
//! restrictions; adding a member (always a Subscriber); changing a member's
//! name and e-mail; platform-unique e-mail at the field; scope.

use crate::common::{account_id, portal, subscriber_id, urlencode, Browser};
use axum::http::StatusCode;
use telegent_app::members::model::MemberDetail;
use telegent_portal::Portal;

const JANE: &str = "jane.doe@example.com";

fn journal_len(portal: &Portal) -> usize {
    portal.sandbox.as_ref().unwrap().0.journal().len()
}

fn writes_since(portal: &Portal, since: usize, path: &str) -> usize {
    portal.sandbox.as_ref().unwrap().0.journal()[since..]
        .iter()
        .filter(|e| e.path.eq_ignore_ascii_case(path))
        .count()
}

async fn member(browser: &mut Browser, account: &str, subscriber: &str) -> (StatusCode, Option<MemberDetail>) {
    let answer = browser
        .call(
            "members/detail",
            &format!("account_id={account}&subscriber_id={subscriber}"),
        )
        .await;
    (answer.status, serde_json::from_str(&answer.body).ok())
}

fn form(account: &str, fields: &[(&str, &str)]) -> String {
    let mut form = format!("account_id={account}");
    for (k, v) in fields {
        form.push_str(&format!("&{k}={}", urlencode(v)));
    }
    form
}

#[tokio::test]
async fn a_member_page_shows_their_lines_subscriptions_and_restrictions() {
    let portal = portal().await;
    let doe = account_id(&portal, "Doe Family");
    let sam = subscriber_id(&portal, "sam.doe@example.com");
    let mut jane = Browser::signed_in(&portal, JANE).await;
    let (status, detail) = member(&mut jane, &doe, &sam).await;
    assert_eq!(status, StatusCode::OK);
    let detail = detail.unwrap();
    assert_eq!(detail.name, "Sam Doe");
    assert_eq!(detail.role.label(), "Subscriber");
    assert_eq!(detail.lines.len(), 1);
    assert_eq!(detail.lines[0].summary.msisdn, "+18015550102");
    assert_eq!(detail.lines[0].status.as_deref(), Some("Active"));
    assert_eq!(detail.subscriptions.len(), 1, "{:?}", detail.subscriptions);
    let subscription = &detail.subscriptions[0];
    assert_eq!(subscription.package, "Family Unlimited");
    assert_eq!(subscription.line.as_deref(), Some("+1 (801) 555-0102"));
    assert!(subscription.active);
    assert!(detail.guardian.is_some(), "a Subscriber's restrictions are shown");
    assert!(detail.can_edit);

    // The Manager's own page: no Guardian block, still editable (themselves).
    let (_, own) = member(&mut jane, &doe, &subscriber_id(&portal, JANE)).await;
    let own = own.unwrap();
    assert!(own.guardian.is_none());
    assert!(own.can_edit);
}

#[tokio::test]
async fn adding_a_member_creates_a_subscriber_of_the_account_and_never_another_role() {
    let portal = portal().await;
    let doe = account_id(&portal, "Doe Family");
    let mut jane = Browser::signed_in(&portal, JANE).await;
    // A crafted field asking for a higher role is not part of the form: ignored.
    let answer = jane
        .call(
            "members/add",
            &form(
                &doe,
                &[
                    ("name", "  Max Doe "),
                    ("email", "Max.Doe@Example.com"),
                    ("role", "Manager"),
                ],
            ),
        )
        .await;
    assert!(
        answer.status.is_success() || answer.status.is_redirection(),
        "{answer:?}"
    );
    let world = portal.sandbox.as_ref().unwrap().0.snapshot();
    let max = world
        .subscribers
        .values()
        .find(|s| s.email == "max.doe@example.com")
        .expect("created at Telegent");
    assert_eq!(max.name, "Max Doe");
    assert_eq!(max.role, "Subscriber");
    assert_eq!(max.account_id, doe);
    let redirect = answer.location().unwrap_or_default().to_string();
    assert!(redirect.contains(&format!("/members/{}", max.id)), "{redirect}");
    let (outcome, targets, account): (String, String, String) =
        sqlx::query_as("SELECT outcome, target_ids, account_id FROM audit_log WHERE action = 'AddMember'")
            .fetch_one(&portal.state.pool)
            .await
            .unwrap();
    assert_eq!(outcome, "succeeded");
    assert!(targets.contains("max.doe@example.com"));
    assert_eq!(account, doe, "in the Manager's audit page");
}

#[tokio::test]
async fn bad_input_and_an_email_used_anywhere_on_the_platform_are_shown_at_the_field() {
    let portal = portal().await;
    let doe = account_id(&portal, "Doe Family");
    let mut jane = Browser::signed_in(&portal, JANE).await;
    let subscribers_before = portal.sandbox.as_ref().unwrap().0.snapshot().subscribers.len();
    let before = journal_len(&portal);
    for (name, email, field) in [
        ("", "kid@example.com", "name"),
        ("Kid", "not-an-address", "email"),
        ("Kid", "kid@nowhere", "email"),
    ] {
        let answer = jane
            .call("members/add", &form(&doe, &[("name", name), ("email", email)]))
            .await;
        assert_eq!(answer.status, StatusCode::UNPROCESSABLE_ENTITY, "{name}/{email}");
        assert!(
            answer.body.contains(&format!("\"field\":\"{field}\"")),
            "{}",
            answer.body
        );
    }
    assert_eq!(
        writes_since(&portal, before, "/v1.0/subscribers/create"),
        0,
        "nothing reached Telegent"
    );
    // John Smith is a subscriber of another Distributor, and signs in to the
    // portal: refused at the field (before Telegent, as an edit is).
    let taken = jane
        .call(
            "members/add",
            &form(&doe, &[("name", "John"), ("email", "john.smith@example.com")]),
        )
        .await;
    assert_eq!(taken.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", taken.body);
    assert!(taken.body.contains("\"field\":\"email\""), "{}", taken.body);
    assert!(taken.body.contains("already used"), "{}", taken.body);
    assert_eq!(
        portal.sandbox.as_ref().unwrap().0.snapshot().subscribers.len(),
        subscribers_before
    );
    let (outcome,): (String,) = sqlx::query_as("SELECT outcome FROM audit_log WHERE action = 'EmailInUse'")
        .fetch_one(&portal.state.pool)
        .await
        .unwrap();
    assert_eq!(outcome, "denied", "the refusal is on the record");
}

#[tokio::test]
async fn editing_a_member_changes_telegent_and_their_sign_in_together() {
    let portal = portal().await;
    let doe = account_id(&portal, "Doe Family");
    let sam = subscriber_id(&portal, "sam.doe@example.com");
    let mut jane = Browser::signed_in(&portal, JANE).await;
    let edit = |name: &str, email: &str| {
        format!(
            "account_id={doe}&subscriber_id={sam}&name={}&email={}",
            urlencode(name),
            urlencode(email)
        )
    };
    // Lily's address is taken (same Account), Emma's too (another Distributor).
    for taken in ["lily.doe@example.com", "emma.smith@example.com"] {
        let answer = jane.call("members/edit", &edit("Sam Doe", taken)).await;
        assert_eq!(answer.status, StatusCode::UNPROCESSABLE_ENTITY, "{taken}");
        assert!(answer.body.contains("\"field\":\"email\""), "{}", answer.body);
    }
    let world = portal.sandbox.as_ref().unwrap().0.snapshot();
    assert_eq!(world.subscribers[&sam].email, "sam.doe@example.com", "unchanged");

    let answer = jane
        .call("members/edit", &edit("Samuel Doe", "samuel.doe@example.com"))
        .await;
    assert!(
        answer.status.is_success() || answer.status.is_redirection(),
        "{answer:?}"
    );
    let world = portal.sandbox.as_ref().unwrap().0.snapshot();
    assert_eq!(world.subscribers[&sam].name, "Samuel Doe");
    assert_eq!(world.subscribers[&sam].email, "samuel.doe@example.com");
    // Sam's portal sign-in follows the address.
    let mut samuel = Browser::new(&portal);
    let signed_in = samuel
        .sign_in("samuel.doe@example.com", telegent_app::ssr::demo::DEMO_PASSWORD)
        .await;
    assert!(signed_in.status.is_success() || signed_in.status.is_redirection());
    assert!(samuel.cookie.is_some(), "signs in with the new address");
    let (detail,): (String,) =
        sqlx::query_as("SELECT detail FROM audit_log WHERE action = 'EditMember' AND outcome = 'succeeded'")
            .fetch_one(&portal.state.pool)
            .await
            .unwrap();
    assert!(
        detail.contains("Samuel Doe") && detail.contains("samuel.doe@example.com"),
        "{detail}"
    );
}

#[tokio::test]
async fn a_manager_edits_only_subscribers_of_their_own_account() {
    let portal = portal().await;
    let bakery = account_id(&portal, "Bright Bakery LLC");
    let smith = account_id(&portal, "Smith Family");
    let doe = account_id(&portal, "Doe Family");
    let priya = subscriber_id(&portal, "priya@brightbakery.example");
    let emma = subscriber_id(&portal, "emma.smith@example.com");

    // Omar (Manager) may not rename the Account Admin of his own Account.
    let mut omar = Browser::signed_in(&portal, "omar@brightbakery.example").await;
    let (_, detail) = member(&mut omar, &bakery, &priya).await;
    assert!(!detail.unwrap().can_edit);
    let before = journal_len(&portal);
    let refused = omar
        .call(
            "members/edit",
            &format!("account_id={bakery}&subscriber_id={priya}&name=Someone&email=priya%40brightbakery.example"),
        )
        .await;
    assert_eq!(refused.status, StatusCode::FORBIDDEN);
    assert_eq!(writes_since(&portal, before, "/v1.0/subscribers/update"), 0);
    let (outcome,): (String,) = sqlx::query_as("SELECT outcome FROM audit_log WHERE action = 'EditMember'")
        .fetch_one(&portal.state.pool)
        .await
        .unwrap();
    assert_eq!(outcome, "denied", "the refusal is in the log");

    // Another Account's member looks exactly like a missing one.
    let mut jane = Browser::signed_in(&portal, JANE).await;
    let (foreign, _) = member(&mut jane, &smith, &emma).await;
    let (missing, _) = member(&mut jane, &doe, "TSUID-00000000-0000-4000-8000-000000000000").await;
    let (mixed, _) = member(&mut jane, &doe, &emma).await;
    assert_eq!(foreign, StatusCode::NOT_FOUND);
    assert_eq!(missing, StatusCode::NOT_FOUND);
    assert_eq!(mixed, StatusCode::NOT_FOUND);
    let before = journal_len(&portal);
    let edit_foreign = jane
        .call(
            "members/edit",
            &format!("account_id={doe}&subscriber_id={emma}&name=X&email=x%40example.com"),
        )
        .await;
    let add_foreign = jane
        .call(
            "members/add",
            &form(&smith, &[("name", "X"), ("email", "x@example.com")]),
        )
        .await;
    assert_eq!(edit_foreign.status, StatusCode::NOT_FOUND);
    assert_eq!(add_foreign.status, StatusCode::NOT_FOUND);
    assert_eq!(writes_since(&portal, before, "/v1.0/subscribers/update"), 0);
    assert_eq!(writes_since(&portal, before, "/v1.0/subscribers/create"), 0);

    // A Subscriber reads their own lines on /me; member management is not theirs.
    let mut sam = Browser::signed_in(&portal, "sam.doe@example.com").await;
    let add = sam
        .call("members/add", &form(&doe, &[("name", "X"), ("email", "x@example.com")]))
        .await;
    assert_eq!(add.status, StatusCode::FORBIDDEN);
}
