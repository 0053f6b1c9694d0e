//! Rank inside an Account and who owns what: unknown roles are nobody's to
//! change, taken e-mail addresses get one neutral answer, usage history
//! belongs to the line's assignment. (The rank dimension for every member-
//! and line-targeted function is in the security matrix.)

use std::time::Duration;

use crate::common::{account_id, portal, urlencode, Browser};
use axum::http::StatusCode;
use telegent_sandbox::seed::ACME_KEY;

use super::JANE;

// The rank dimension for every member- and line-targeted function is in
// the security matrix (`a_manager_is_refused_every_member_and_line_mutation_on_the_account_admin`).

#[tokio::test]
async fn a_taken_e_mail_gets_one_neutral_answer_and_refusals_are_throttled() {
    let portal = portal().await;
    let doe = account_id(&portal, "Doe Family");
    let sandbox = &portal.sandbox.as_ref().unwrap().0;
    let subscribers_before = sandbox.snapshot().subscribers.len();
    let mut jane = Browser::signed_in(&portal, JANE).await;
    let add = |email: &str| format!("account_id={doe}&name=New+Kid&email={}", urlencode(email));
    // A portal user of another Distributor, and a subscriber of another Account:
    // the same words, which say nothing of where the address is used.
    let portal_user = jane.call("members/add", &add("admin@globex.example")).await;
    let subscriber = jane.call("members/add", &add("carlos.smith@example.com")).await;
    for answer in [&portal_user, &subscriber] {
        assert_eq!(answer.status, StatusCode::UNPROCESSABLE_ENTITY, "{answer:?}");
        assert!(
            answer.body.contains(telegent_app::users::service::EMAIL_IN_USE),
            "{}",
            answer.body
        );
        assert!(!answer.body.to_lowercase().contains("portal user") && !answer.body.contains("platform"));
    }
    for email in [
        "emma.smith@example.com",
        "john.smith@example.com",
        "reviewer@globex.example",
    ] {
        jane.call("members/add", &add(email)).await;
    }
    // Five refusals in ten minutes: the next address is not even tried.
    let throttled = jane.call("members/add", &add("free.address@example.com")).await;
    assert_eq!(throttled.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(throttled.body.contains("Too many"), "{}", throttled.body);
    assert_eq!(
        sandbox.snapshot().subscribers.len(),
        subscribers_before,
        "nobody was added"
    );
}

/// Usage history belongs to the line's assignment: a number that moves to
/// another member does not show the previous owner's history.
#[tokio::test]
async fn a_reassigned_number_does_not_show_the_previous_owners_usage() {
    let portal = portal().await;
    let sandbox = &portal.sandbox.as_ref().unwrap().0;
    let doe = account_id(&portal, "Doe Family");
    let sam = crate::common::subscriber_id(&portal, "sam.doe@example.com");
    let lily = crate::common::subscriber_id(&portal, "lily.doe@example.com");
    let line = "+18015550102";
    let mut jane = Browser::signed_in(&portal, JANE).await;
    let samples = |body: &str| -> usize {
        let detail: telegent_app::lines::model::LineDetail = serde_json::from_str(body).unwrap();
        detail.samples.len()
    };
    let form = format!("account_id={doe}&msisdn=%2B18015550102");
    let first = jane.call("family/line", &form).await;
    assert_eq!(first.status, StatusCode::OK, "{first:?}");
    portal.state.clock.advance(Duration::from_secs(10 * 60));
    portal.state.upstreams.get(ACME_KEY).unwrap().invalidate_reads("");
    let second = jane.call("family/line", &form).await;
    assert_eq!(samples(&second.body), 2, "Sam's history");
    // The number moves from Sam to Lily.
    sandbox.mutate(|w| {
        for s in w.subscribers.values_mut() {
            if s.id == sam {
                s.phone_numbers.retain(|n| n != line);
            } else if s.id == lily {
                s.phone_numbers.push(line.into());
            }
        }
        for n in w.numbers.values_mut() {
            if n.msisdn == line {
                n.subscriber_id = Some(lily.clone());
            }
        }
    });
    portal.state.upstreams.get(ACME_KEY).unwrap().invalidate_reads("");
    portal.state.clock.advance(Duration::from_secs(10 * 60));
    let after = jane.call("family/line", &form).await;
    let detail: telegent_app::lines::model::LineDetail = serde_json::from_str(&after.body).unwrap();
    assert_eq!(detail.owner, "Lily Doe");
    assert_eq!(detail.samples.len(), 1, "only Lily's own history: {:?}", detail.samples);
}

/// A role the portal does not know is never taken for Subscriber: a Manager
/// (who may manage Subscribers) can neither see it as editable nor change it.
#[tokio::test]
async fn a_user_with_an_unknown_role_is_nobodys_to_change() {
    let portal = portal().await;
    let doe = account_id(&portal, "Doe Family");
    sqlx::query(
        "INSERT INTO users (email, display_name, password_hash, role, distributor_id, account_id, status, \
         must_change_password) VALUES ('ghost@example.com', 'Ghost', 'x', 'Overlord', $1, $2, 'active', 0)",
    )
    .bind(ACME_KEY)
    .bind(&doe)
    .execute(&portal.state.pool)
    .await
    .unwrap();
    let mut jane = Browser::signed_in(&portal, JANE).await;
    let list = jane.call("users/list", "search=ghost&page=1").await;
    let page: telegent_app::users::model::UsersPage = serde_json::from_str(&list.body).unwrap();
    let ghost = page
        .rows
        .iter()
        .find(|u| u.email == "ghost@example.com")
        .expect("listed");
    assert!(!ghost.editable);
    let refused = jane
        .call("users/set-enabled", &format!("user_id={}&enabled=false", ghost.id))
        .await;
    assert_eq!(refused.status, StatusCode::FORBIDDEN, "{refused:?}");
    let refused = jane
        .call("users/role", &format!("user_id={}&role=Subscriber", ghost.id))
        .await;
    assert_eq!(refused.status, StatusCode::FORBIDDEN, "{refused:?}");
}

/// Linking a new portal user to an existing member never changes the role
/// of a member whose Telegent role the portal does not know.
#[tokio::test]
async fn linking_a_user_never_demotes_a_member_of_unknown_role() {
    let portal = portal().await;
    let sandbox = &portal.sandbox.as_ref().unwrap().0;
    let lily = crate::common::subscriber_id(&portal, "lily.doe@example.com");
    sandbox.mutate(|w| {
        if let Some(s) = w.subscribers.values_mut().find(|s| s.id == lily) {
            s.role = "Owner".into();
        }
    });
    portal.state.upstreams.get(ACME_KEY).unwrap().invalidate_reads("");
    let doe = account_id(&portal, "Doe Family");
    let mut jane = Browser::signed_in(&portal, JANE).await;
    let answer = jane
        .call(
            "users/create",
            &format!("email=lily.doe%40example.com&display_name=Lily&role=Subscriber&distributor_id=&account_id={doe}"),
        )
        .await;
    assert_eq!(answer.status, StatusCode::UNPROCESSABLE_ENTITY, "{answer:?}");
    assert!(answer.body.contains("role you can't change"), "{}", answer.body);
    let role = sandbox
        .snapshot()
        .subscribers
        .values()
        .find(|s| s.id == lily)
        .unwrap()
        .role
        .clone();
    assert_eq!(role, "Owner", "not demoted to Subscriber");
}
