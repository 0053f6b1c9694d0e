//! Rank inside an Account and who owns what: a Manager cannot act on those
//! above them, unknown roles are nobody's to change, taken e-mail addresses
//! get one neutral answer, usage history belongs to the line's assignment.

use std::time::Duration;

use crate::common::{account_id, portal, portal_with, urlencode, Browser};
use axum::http::StatusCode;
use telegent_sandbox::seed::ACME_KEY;

use super::JANE;

/// Rank inside an Account: a Manager may not act on the Account Admin (or
/// their line) through any member- or line-targeted function. Each refusal
/// is a 403, audited as denied, with nothing written upstream.
#[tokio::test]
async fn a_manager_cannot_act_on_the_account_admin_or_their_line() {
    let portal = portal_with(|c| c.sandbox_rate_limit_per_minute = None).await;
    let sandbox = &portal.sandbox.as_ref().unwrap().0;
    let bakery = account_id(&portal, "Bright Bakery LLC");
    let priya = crate::common::subscriber_id(&portal, "priya@brightbakery.example");
    let omar = crate::common::subscriber_id(&portal, "omar@brightbakery.example");
    // Give the Account Admin a line: Omar's moves to Priya.
    let line = "+13855550110";
    sandbox.mutate(|w| {
        for s in w.subscribers.values_mut() {
            if s.id == omar {
                s.phone_numbers.clear();
            } else if s.id == priya {
                s.phone_numbers = vec![line.into()];
            }
        }
        for n in w.numbers.values_mut() {
            if n.msisdn == line {
                n.subscriber_id = Some(priya.clone());
            }
        }
    });
    // The portal read the Account's members at start; forget that copy.
    portal.state.upstreams.get(ACME_KEY).unwrap().invalidate_reads("");
    let line_q = "%2B13855550110";
    let calls = [
        ("guardian/switches", format!("account_id={bakery}&subscriber_id={priya}&line=&calls=on")),
        (
            "guardian/relation",
            format!("account_id={bakery}&subscriber_id={priya}&line=&guardian_id={omar}&link=true"),
        ),
        (
            "guardian/call-filter",
            format!("account_id={bakery}&subscriber_id={priya}&line={line_q}&mode=BLACKLIST&inbound=on"),
        ),
        (
            "guardian/message-filter",
            format!("account_id={bakery}&subscriber_id={priya}&line={line_q}&mode=CHILD&keywords=&notify="),
        ),
        (
            "guardian/list",
            format!(
                "account_id={bakery}&subscriber_id={priya}&line={line_q}&filter=call&list=blocked&number=%2B18015551111&add=true"
            ),
        ),
        (
            "family/voicemail",
            format!("account_id={bakery}&msisdn={line_q}&pin=4321&email=omar%40example.com&first_name=&last_name="),
        ),
        ("family/voicemail-delete", format!("account_id={bakery}&msisdn={line_q}&confirm=on")),
        (
            "family/limits",
            format!("account_id={bakery}&numbers[]={line_q}&unit=MB&notify=&throttle=&limit=100&speed="),
        ),
        (
            "family/renewal",
            format!("account_id={bakery}&numbers[]={line_q}&period=M&day=3&auto_renew=on"),
        ),
        (
            "members/edit",
            format!("account_id={bakery}&subscriber_id={priya}&name=Priya&email=priya%40brightbakery.example"),
        ),
    ];
    let mut manager = Browser::signed_in(&portal, "omar@brightbakery.example").await;
    for (endpoint, form) in &calls {
        let before = sandbox.journal().len();
        let denied_before = denied_rows(&portal).await;
        let answer = manager.call(endpoint, form).await;
        assert_eq!(answer.status, StatusCode::FORBIDDEN, "{endpoint}: {answer:?}");
        let writes: Vec<String> = sandbox.journal()[before..]
            .iter()
            .filter(|e| e.method != "GET" && !e.path.to_lowercase().ends_with("/tokens"))
            .map(|e| format!("{} {}", e.method, e.path))
            .collect();
        assert!(writes.is_empty(), "{endpoint} wrote upstream: {writes:?}");
        assert_eq!(
            denied_rows(&portal).await,
            denied_before + 1,
            "{endpoint}: refusal audited"
        );
    }
    // The same call for a Subscriber of the Account is the Manager's to make.
    let devices = crate::common::subscriber_id(&portal, "devices@brightbakery.example");
    let answer = manager
        .call(
            "guardian/switches",
            &format!("account_id={bakery}&subscriber_id={devices}&line=&calls=on"),
        )
        .await;
    assert!(answer.status.is_success(), "{answer:?}");
}

async fn denied_rows(portal: &telegent_portal::Portal) -> i64 {
    sqlx::query_as::<_, (i64,)>("SELECT COUNT(*) FROM audit_log WHERE outcome = 'denied'")
        .fetch_one(&portal.state.pool)
        .await
        .unwrap()
        .0
}

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
