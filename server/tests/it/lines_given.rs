//! Giving people lines of their Account (issue 15: a subscriber is created
//! with phone numbers, and their numbers are updated): only a line of the
//! same Account that has no person can be given; anything else is refused
//! at the field before anything changes, a foreign line reading exactly
//! like one that does not exist; Telegent, the read model, search and the
//! audit log agree afterwards; rank inside the Account is respected.

use axum::http::StatusCode;
use telegent_app::search::model::SearchResults;
use telegent_portal::Portal;

use crate::common::{account_id, portal, subscriber_id, urlencode, Browser, ACME_ADMIN};

const LILY_LINE: &str = "+18015550103";
const SAM_LINE: &str = "+18015550102";
/// A line of the other Distributor (Smith Family, Globex).
const GLOBEX_LINE: &str = "+15125550120";

/// Lily's line, left with nobody (as Telegent allows: an orphan).
fn orphan(portal: &Portal, msisdn: &str) {
    portal.sandbox.as_ref().unwrap().0.mutate(|w| {
        for n in w.numbers.values_mut().filter(|n| n.msisdn == msisdn) {
            n.subscriber_id = None;
        }
        for s in w.subscribers.values_mut() {
            s.phone_numbers.retain(|x| x != msisdn);
        }
    });
}

fn holder(portal: &Portal, msisdn: &str) -> Option<String> {
    let world = portal.sandbox.as_ref().unwrap().0.snapshot();
    world
        .numbers
        .values()
        .find(|n| n.msisdn == msisdn)
        .unwrap()
        .subscriber_id
        .clone()
}

fn journal_len(portal: &Portal) -> usize {
    portal.sandbox.as_ref().unwrap().0.journal().len()
}

fn writes_since(portal: &Portal, from: usize) -> Vec<String> {
    portal.sandbox.as_ref().unwrap().0.journal()[from..]
        .iter()
        .filter(|e| e.method == "POST" && !e.path.to_lowercase().contains("oauth2"))
        .map(|e| e.path.clone())
        .collect()
}

fn add_form(account: &str, name: &str, email: &str, numbers: &str) -> String {
    format!(
        "account_id={account}&name={}&email={}&phone_numbers={}",
        urlencode(name),
        urlencode(email),
        urlencode(numbers)
    )
}

async fn detail_of(portal: &Portal, action: &str) -> Vec<(String, String)> {
    sqlx::query_as("SELECT outcome, detail FROM audit_log WHERE action = $1 ORDER BY id")
        .bind(action)
        .fetch_all(&portal.state.pool)
        .await
        .unwrap()
}

#[tokio::test]
async fn a_new_member_holds_the_free_line_typed_and_is_found_by_it() {
    let portal = portal().await;
    let doe = account_id(&portal, "Doe Family");
    let mut admin = Browser::signed_in(&portal, ACME_ADMIN).await;
    // The read model is filled while Lily still holds the line.
    assert_eq!(admin.call("search", "q=lily").await.status, StatusCode::OK);
    orphan(&portal, LILY_LINE);

    let answer = admin
        .call(
            "members/add",
            &add_form(&doe, "Max Doe", "max.doe@example.com", "(801) 555-0103"),
        )
        .await;
    assert!(
        answer.status.is_redirection() || answer.status.is_success(),
        "{answer:?}"
    );
    let max = subscriber_id(&portal, "max.doe@example.com");
    let location = answer.location().unwrap_or_default().to_string();
    assert!(
        location.contains(&max) && location.contains("saved=added"),
        "{location}"
    );
    // Telegent: the line names Max, and Max lists it once.
    assert_eq!(holder(&portal, LILY_LINE).as_deref(), Some(max.as_str()));
    let world = portal.sandbox.as_ref().unwrap().0.snapshot();
    assert_eq!(world.subscribers[&max].phone_numbers, vec![LILY_LINE.to_string()]);

    // The read model has it at once: the line's row and Max's search row.
    let (held_by,): (String,) = sqlx::query_as("SELECT subscriber_id FROM rm_numbers WHERE msisdn = $1")
        .bind(LILY_LINE)
        .fetch_one(&portal.state.pool)
        .await
        .unwrap();
    assert_eq!(held_by, max);
    let found = admin.call("search", &format!("q={}", urlencode("801.555.0103"))).await;
    let found: SearchResults = serde_json::from_str(&found.body).unwrap();
    assert_eq!(
        found.jump_to.as_deref(),
        Some(telegent_app::links::line(&doe, LILY_LINE).as_str()),
        "a typed phone number opens the line"
    );
    let found = admin.call("search", "q=max.doe%40example.com").await;
    let found: SearchResults = serde_json::from_str(&found.body).unwrap();
    assert_eq!(
        found.jump_to.as_deref(),
        Some(telegent_app::links::member(&doe, &max).as_str())
    );

    let rows = detail_of(&portal, "AddMember").await;
    assert_eq!(rows.len(), 1);
    assert_eq!(rows[0].0, "succeeded");
    assert!(rows[0].1.contains(&format!("lines given: {LILY_LINE}")), "{rows:?}");
}

#[tokio::test]
async fn a_line_of_someone_else_another_account_or_nobody_is_refused_at_the_field_and_nothing_changes() {
    let portal = portal().await;
    let doe = account_id(&portal, "Doe Family");
    let mut admin = Browser::signed_in(&portal, ACME_ADMIN).await;
    let before = journal_len(&portal);

    // Every field's message at once: a blank name and a number that is none.
    let both = admin
        .call(
            "members/add",
            &add_form(&doe, " ", "new@example.com", "801 555 0103, 12ab"),
        )
        .await;
    assert_eq!(both.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", both.body);
    assert!(
        both.body.contains("\"name\"") && both.body.contains("“12ab”"),
        "{}",
        both.body
    );

    let taken = admin
        .call("members/add", &add_form(&doe, "New", "new@example.com", SAM_LINE))
        .await;
    assert_eq!(taken.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", taken.body);
    assert!(
        taken.body.contains("phone_numbers") && taken.body.contains("someone else"),
        "{}",
        taken.body
    );

    // Another Distributor's line and a number nobody has read alike.
    let foreign = admin
        .call("members/add", &add_form(&doe, "New", "new@example.com", GLOBEX_LINE))
        .await;
    let unknown = admin
        .call("members/add", &add_form(&doe, "New", "new@example.com", "+15125559999"))
        .await;
    assert_eq!(foreign.status, StatusCode::UNPROCESSABLE_ENTITY);
    let words = |body: &str| body.replace("(512) 555-0120", "N").replace("(512) 555-9999", "N");
    assert_eq!(words(&foreign.body), words(&unknown.body), "foreign = missing");
    assert!(foreign.body.contains("not a line of this account"), "{}", foreign.body);

    // A line of another Account of the same Distributor (Bright Bakery's
    // spare SIM) reads like both: not a line of this account.
    let other_account = admin
        .call("members/add", &add_form(&doe, "New", "new@example.com", "+13855550114"))
        .await;
    assert_eq!(other_account.status, StatusCode::UNPROCESSABLE_ENTITY);
    let words = |body: &str| body.replace("(385) 555-0114", "N").replace("(512) 555-9999", "N");
    assert_eq!(
        words(&other_account.body),
        words(&unknown.body),
        "another Account's line = missing"
    );

    assert!(
        writes_since(&portal, before).is_empty(),
        "nothing was sent: {:?}",
        writes_since(&portal, before)
    );
    let world = portal.sandbox.as_ref().unwrap().0.snapshot();
    assert!(!world.subscribers.values().any(|s| s.email == "new@example.com"));
    assert_eq!(
        holder(&portal, SAM_LINE),
        Some(subscriber_id(&portal, "sam.doe@example.com"))
    );
    assert!(detail_of(&portal, "AddMember").await.is_empty(), "nothing began");
}

#[tokio::test]
async fn a_manager_gives_a_free_line_to_a_subscriber_who_cannot_give_it_themselves() {
    let portal = portal().await;
    let doe = account_id(&portal, "Doe Family");
    let sam = subscriber_id(&portal, "sam.doe@example.com");
    orphan(&portal, LILY_LINE);
    let form = format!(
        "account_id={doe}&subscriber_id={sam}&phone_numbers={}",
        urlencode("801-555-0103")
    );

    // Sam (a Subscriber) may not give lines, not even to himself.
    let mut sam_browser = Browser::signed_in(&portal, "sam.doe@example.com").await;
    let refused = sam_browser.call("members/give-lines", &form).await;
    assert_eq!(refused.status, StatusCode::FORBIDDEN, "{}", refused.body);
    assert_eq!(holder(&portal, LILY_LINE), None);
    // Another Distributor's admin: the Account does not exist for them.
    let mut globex = Browser::signed_in(&portal, "admin@globex.example").await;
    let foreign = globex.call("members/give-lines", &form).await;
    assert_eq!(foreign.status, StatusCode::NOT_FOUND, "{}", foreign.body);
    assert_eq!(holder(&portal, LILY_LINE), None);

    let mut jane = Browser::signed_in(&portal, "jane.doe@example.com").await;
    let given = jane.call("members/give-lines", &form).await;
    assert!(given.status.is_redirection() || given.status.is_success(), "{given:?}");
    assert!(
        given.location().unwrap_or_default().contains("saved=lines-given"),
        "{given:?}"
    );
    assert_eq!(holder(&portal, LILY_LINE).as_deref(), Some(sam.as_str()));
    let world = portal.sandbox.as_ref().unwrap().0.snapshot();
    assert_eq!(
        world.subscribers[&sam].phone_numbers,
        vec![SAM_LINE.to_string(), LILY_LINE.to_string()]
    );
    // Giving it again changes and audits nothing (it is his already).
    let before = journal_len(&portal);
    let again = jane.call("members/give-lines", &form).await;
    assert!(again.status.is_redirection() || again.status.is_success(), "{again:?}");
    assert!(writes_since(&portal, before).is_empty());
    let rows = detail_of(&portal, "GiveLines").await;
    // Sam was refused by the policy before any line was looked at.
    assert_eq!(
        rows.iter().map(|r| r.0.as_str()).collect::<Vec<_>>(),
        ["succeeded"],
        "{rows:?}"
    );
    assert!(rows[0].1.contains(LILY_LINE));
    // An empty field says what to type.
    let empty = jane
        .call(
            "members/give-lines",
            &format!("account_id={doe}&subscriber_id={sam}&phone_numbers=+"),
        )
        .await;
    assert_eq!(empty.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", empty.body);
}

#[tokio::test]
async fn a_user_created_through_users_gets_their_lines_and_only_account_roles_hold_any() {
    let portal = portal().await;
    let doe = account_id(&portal, "Doe Family");
    orphan(&portal, LILY_LINE);
    let mut admin = Browser::signed_in(&portal, ACME_ADMIN).await;

    let viewer = admin
        .call(
            "users/create",
            &format!(
                "email=viewer2%40acme.example&display_name=V&role=DistributorViewer&distributor_id=&account_id=&phone_numbers={}",
                urlencode(LILY_LINE)
            ),
        )
        .await;
    assert_eq!(viewer.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", viewer.body);
    assert!(
        viewer.body.contains("Only people in an Account hold lines"),
        "{}",
        viewer.body
    );

    let created = admin
        .call(
            "users/create",
            &format!(
                "email=kid.doe%40example.com&display_name=Kid+Doe&role=Subscriber&distributor_id=&account_id={doe}\
                 &phone_numbers={}",
                urlencode("801 555 0103")
            ),
        )
        .await;
    assert!(
        created.status.is_success() || created.status.is_redirection(),
        "{created:?}"
    );
    let kid = subscriber_id(&portal, "kid.doe@example.com");
    assert_eq!(holder(&portal, LILY_LINE).as_deref(), Some(kid.as_str()));
    let (linked,): (Option<String>,) =
        sqlx::query_as("SELECT subscriber_id FROM users WHERE email = 'kid.doe@example.com'")
            .fetch_one(&portal.state.pool)
            .await
            .unwrap();
    assert_eq!(linked.as_deref(), Some(kid.as_str()), "the sign-in is theirs");
    let rows = detail_of(&portal, "CreateUser").await;
    assert!(
        rows.last().unwrap().1.contains(&format!("lines given: {LILY_LINE}")),
        "{rows:?}"
    );
}

#[tokio::test]
async fn a_line_telegent_does_not_take_is_said_and_the_person_is_still_added() {
    let portal = portal().await;
    let bakery = account_id(&portal, "Bright Bakery LLC");
    // Telegent refuses the next line binding.
    portal
        .sandbox
        .as_ref()
        .unwrap()
        .0
        .add_fault(telegent_sandbox::faults::FaultRule {
            path_prefix: "/v1.0/numbers/update".into(),
            status: Some(400),
            remaining: Some(1),
            ..Default::default()
        });
    let mut admin = Browser::signed_in(&portal, ACME_ADMIN).await;
    let answer = admin
        .call(
            "members/add",
            &add_form(
                &bakery,
                "Till Baker",
                "till@brightbakery.example",
                "385 555 0114, 385 555 0115",
            ),
        )
        .await;
    assert!(
        answer.status.is_redirection() || answer.status.is_success(),
        "{answer:?}"
    );
    assert!(
        answer.location().unwrap_or_default().contains("saved=added-lines-left"),
        "the page says not every line was given: {answer:?}"
    );
    let till = subscriber_id(&portal, "till@brightbakery.example");
    // The first bind failed, so nothing after it was sent: both lines stay free.
    assert_eq!(holder(&portal, "+13855550114"), None);
    assert_eq!(holder(&portal, "+13855550115"), None);
    let world = portal.sandbox.as_ref().unwrap().0.snapshot();
    assert!(
        world.subscribers[&till].phone_numbers.is_empty(),
        "listed as holding nothing"
    );
    let rows = detail_of(&portal, "AddMember").await;
    assert_eq!(rows.len(), 1);
    assert_eq!(rows[0].0, "failed");
    assert!(
        rows[0].1.contains("lines not given: +13855550114 +13855550115"),
        "{rows:?}"
    );
}
