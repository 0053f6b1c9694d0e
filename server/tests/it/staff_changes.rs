//! Distributor staff creating and changing Accounts and moving people
//! between them (issue 15): every field's message at once and nothing sent
//! on a refusal; Telegent, the read model and the audit log agree after a
//! change; a second Manager is warned about, not forbidden; what moves with
//! a transfer moves, and the Guardian links it ends end; roles and foreign
//! IDs are refused alike.

use axum::http::StatusCode;
use telegent_app::accounts::model::AccountsPage;
use telegent_app::members::model::TransferStep;
use telegent_app::search::model::SearchResults;
use telegent_portal::Portal;

use crate::common::{account_id, portal, subscriber_id, urlencode, Browser, ACME_ADMIN};

const ACME_REVIEWER: &str = "reviewer@acme.example";
const GLOBEX_ADMIN: &str = "admin@globex.example";
const JANE: &str = "jane.doe@example.com";
const SAM: &str = "sam.doe@example.com";

fn writes(portal: &Portal) -> Vec<String> {
    portal
        .sandbox
        .as_ref()
        .unwrap()
        .0
        .journal()
        .iter()
        .filter(|e| {
            e.method == "POST"
                && !e.path.to_lowercase().contains("oauth2")
                && !e.path.ends_with("/info")
                && !e.path.ends_with("/settings")
        })
        .map(|e| e.path.clone())
        .collect()
}

async fn audit_rows(portal: &Portal, action: &str) -> Vec<(String, String)> {
    sqlx::query_as("SELECT outcome, detail FROM audit_log WHERE action = $1 ORDER BY id")
        .bind(action)
        .fetch_all(&portal.state.pool)
        .await
        .unwrap()
}

const ADDRESS: &str =
    "billing_street1=1+Elm+St&billing_city=Provo&billing_state=UT&billing_zip=84601&billing_country=USA";

fn new_account(name: &str, extra: &str) -> String {
    format!(
        "account_id=&distributor_id=&name={}&admin_email=ana%40rivera.example&{ADDRESS}{extra}",
        urlencode(name)
    )
}

async fn accounts_named(browser: &mut Browser, q: &str) -> AccountsPage {
    let answer = browser
        .call(
            "accounts/list",
            &format!("distributor_id=&page=1&search={}", urlencode(q)),
        )
        .await;
    assert_eq!(answer.status, StatusCode::OK, "{}", answer.body);
    serde_json::from_str(&answer.body).unwrap()
}

#[tokio::test]
async fn a_refused_account_form_names_every_field_and_sends_nothing() {
    let portal = portal().await;
    let mut admin = Browser::signed_in(&portal, ACME_ADMIN).await;
    let before = writes(&portal).len();
    let answer = admin
        .call(
            "accounts/create",
            "account_id=&distributor_id=&name=&admin_email=not-an-email&billing_street1=&billing_city=Provo\
             &billing_zip=&billing_country=USA&mailing_street1=2+Oak+St",
        )
        .await;
    assert_eq!(answer.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", answer.body);
    for field in [
        "\"name\"",
        "\"admin_email\"",
        "\"billing_street1\"",
        "\"billing_zip\"",
        "\"mailing_city\"",
        "\"mailing_zip\"",
        "\"mailing_country\"",
    ] {
        assert!(answer.body.contains(field), "{field} in {}", answer.body);
    }
    assert!(!answer.body.contains("\"billing_city\""), "{}", answer.body);
    assert_eq!(writes(&portal).len(), before, "nothing sent to Telegent");
    assert!(audit_rows(&portal, "CreateAccount").await.is_empty());
}

#[tokio::test]
async fn staff_create_an_account_that_telegent_the_lists_and_the_audit_log_then_show() {
    let portal = portal().await;
    let mut admin = Browser::signed_in(&portal, ACME_ADMIN).await;
    // The list is filled first, so the new Account must come by write-through.
    assert_eq!(accounts_named(&mut admin, "").await.total, 2);
    let answer = admin
        .call("accounts/create", &new_account("Rivera Family", "&mailing_same=on"))
        .await;
    assert!(
        answer.status.is_success() || answer.status.is_redirection(),
        "{answer:?}"
    );
    let world = portal.sandbox.as_ref().unwrap().0.snapshot();
    let created = world
        .accounts
        .values()
        .find(|a| a.name == "Rivera Family")
        .expect("at Telegent");
    assert_eq!(created.distributor_id, telegent_sandbox::seed::ACME_KEY);
    assert_eq!(created.billing.city.as_deref(), Some("Provo"));
    assert_eq!(created.mailing, created.billing, "same as billing");
    let location = answer.location().unwrap_or_default().to_string();
    assert!(
        location.contains(&created.id) && location.contains("saved=created"),
        "{location}"
    );

    let before = portal.sandbox.as_ref().unwrap().0.journal().len();
    let listed = accounts_named(&mut admin, "rivera").await;
    assert_eq!(
        listed.rows.iter().map(|r| r.name.as_str()).collect::<Vec<_>>(),
        ["Rivera Family"]
    );
    assert_eq!(listed.rows[0].managers, 0, "a new Account has no Manager yet");
    let found = admin.call("search", &format!("q={}", created.id)).await;
    let found: SearchResults = serde_json::from_str(&found.body).unwrap();
    assert!(
        found.jump_to.as_deref().is_some_and(|j| j.contains(&created.id)),
        "{found:?}"
    );
    // Its page comes from the read model too: no upstream call at all.
    let page = admin
        .call("accounts/detail", &format!("account_id={}", created.id))
        .await;
    assert_eq!(page.status, StatusCode::OK, "{}", page.body);
    assert!(page.body.contains("\"can_edit\":true"), "{}", page.body);
    assert_eq!(
        portal.sandbox.as_ref().unwrap().0.journal().len(),
        before,
        "0 upstream calls"
    );

    let rows = audit_rows(&portal, "CreateAccount").await;
    assert_eq!(rows.len(), 1);
    assert_eq!(rows[0].0, "succeeded");
    assert!(
        rows[0].1.contains("Rivera Family") && rows[0].1.contains("ana@rivera.example"),
        "{rows:?}"
    );

    // The other Distributor does not see it, by list or by ID.
    let mut globex = Browser::signed_in(&portal, GLOBEX_ADMIN).await;
    assert_eq!(accounts_named(&mut globex, "rivera").await.total, 0);
    let foreign = globex
        .call("accounts/detail", &format!("account_id={}", created.id))
        .await;
    let missing = globex.call("accounts/detail", "account_id=AID-nope").await;
    assert_eq!((foreign.status, &foreign.body), (missing.status, &missing.body));
}

#[tokio::test]
async fn an_account_update_says_what_changed_and_a_same_value_save_changes_nothing() {
    let portal = portal().await;
    let mut admin = Browser::signed_in(&portal, ACME_ADMIN).await;
    let bakery = account_id(&portal, "Bright Bakery LLC");
    let form = admin.call("accounts/edit-form", &format!("account_id={bakery}")).await;
    assert_eq!(form.status, StatusCode::OK, "{}", form.body);
    assert!(
        form.body.contains("\"billing_street1\":\"7 Market St\""),
        "{}",
        form.body
    );

    let unchanged =
        "billing_street1=7+Market+St&billing_city=Ogden&billing_state=UT&billing_zip=84401&billing_country=USA";
    let before = writes(&portal).len();
    let same = admin
        .call(
            "accounts/update",
            &format!("account_id={bakery}&name=Bright+Bakery+LLC&{unchanged}&mailing_same=on"),
        )
        .await;
    assert!(same.status.is_success() || same.status.is_redirection(), "{same:?}");
    assert_eq!(writes(&portal).len(), before, "nothing to send");
    assert!(audit_rows(&portal, "UpdateAccount").await.is_empty());

    let renamed = admin
        .call(
            "accounts/update",
            &format!("account_id={bakery}&name=Bright+Bakery+%26+Cafe&{unchanged}&mailing_same=on"),
        )
        .await;
    assert!(
        renamed.status.is_success() || renamed.status.is_redirection(),
        "{renamed:?}"
    );
    let world = portal.sandbox.as_ref().unwrap().0.snapshot();
    assert_eq!(world.accounts[&bakery].name, "Bright Bakery & Cafe");
    let rows = audit_rows(&portal, "UpdateAccount").await;
    assert_eq!(rows.len(), 1);
    assert!(rows[0].1.starts_with("Changed name of"), "{rows:?}");
    assert_eq!(
        accounts_named(&mut admin, "cafe").await.total,
        1,
        "the list shows the new name at once"
    );

    // A viewer reads the form's page but may not save; a Manager may not edit.
    let mut viewer = Browser::signed_in(&portal, ACME_REVIEWER).await;
    let refused = viewer
        .call(
            "accounts/update",
            &format!("account_id={bakery}&name=Hijacked&{unchanged}&mailing_same=on"),
        )
        .await;
    assert_eq!(refused.status, StatusCode::FORBIDDEN);
    let mut omar = Browser::signed_in(&portal, "omar@brightbakery.example").await;
    let refused = omar
        .call(
            "accounts/update",
            &format!("account_id={bakery}&name=Hijacked&{unchanged}&mailing_same=on"),
        )
        .await;
    assert_eq!(refused.status, StatusCode::FORBIDDEN);
    assert_eq!(
        portal.sandbox.as_ref().unwrap().0.snapshot().accounts[&bakery].name,
        "Bright Bakery & Cafe"
    );
}

#[tokio::test]
async fn only_distributor_admins_create_accounts() {
    let portal = portal().await;
    let before = writes(&portal).len();
    for who in [ACME_REVIEWER, "priya@brightbakery.example", JANE] {
        let mut browser = Browser::signed_in(&portal, who).await;
        let answer = browser
            .call("accounts/create", &new_account("Sneaky", "&mailing_same=on"))
            .await;
        assert_eq!(answer.status, StatusCode::FORBIDDEN, "{who}: {}", answer.body);
    }
    assert_eq!(writes(&portal).len(), before);
}

async fn step(browser: &mut Browser, account: &str, subscriber: &str, move_to: &str) -> TransferStep {
    let answer = browser
        .call(
            "members/transfer-step",
            &format!(
                "account_id={account}&subscriber_id={subscriber}&move_to={}",
                urlencode(move_to)
            ),
        )
        .await;
    assert_eq!(answer.status, StatusCode::OK, "{}", answer.body);
    serde_json::from_str(&answer.body).unwrap()
}

#[tokio::test]
async fn a_manager_moved_to_an_account_with_a_manager_is_warned_then_moves_with_lines_and_sign_in() {
    let portal = portal().await;
    let (doe, bakery) = (
        account_id(&portal, "Doe Family"),
        account_id(&portal, "Bright Bakery LLC"),
    );
    let (jane, sam) = (subscriber_id(&portal, JANE), subscriber_id(&portal, SAM));
    // Jane guards Sam: that link ends when she leaves the family.
    let mut jane_browser = Browser::signed_in(&portal, JANE).await;
    let link = jane_browser
        .call(
            "guardian/relation",
            &format!("account_id={doe}&subscriber_id={sam}&line=%2B18015550102&guardian_id={jane}&link=true"),
        )
        .await;
    assert!(link.status.is_success(), "{link:?}");
    let mut admin = Browser::signed_in(&portal, ACME_ADMIN).await;

    // Typing part of a name lists the matches; the Account itself is not one.
    let TransferStep::Choose(matches) = step(&mut admin, &doe, &jane, "family").await else {
        panic!("a list for a word that matches no single account other than her own")
    };
    assert!(matches.iter().all(|(id, _, _)| *id != doe), "{matches:?}");
    let preview = match step(&mut admin, &doe, &jane, "bakery").await {
        TransferStep::Preview(preview) => preview,
        other => panic!("one match: the preview, not {other:?}"),
    };
    assert_eq!(preview.to_account_id, bakery);
    assert_eq!(preview.other_managers, ["Omar Haddad"]);
    assert_eq!(preview.links_ending, ["guardian of Sam Doe"]);
    assert!(preview.signs_in);
    assert!(!preview.lines.is_empty());

    let form = format!("account_id={doe}&subscriber_id={jane}&to_account_id={bakery}&confirm_move=on");
    let warned = admin.call("members/transfer", &form).await;
    assert_eq!(warned.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", warned.body);
    assert!(
        warned.body.contains("second_manager") && warned.body.contains("Omar Haddad"),
        "{}",
        warned.body
    );
    assert_eq!(
        portal.sandbox.as_ref().unwrap().0.snapshot().subscribers[&jane].account_id,
        doe,
        "not moved"
    );

    let moved = admin
        .call("members/transfer", &format!("{form}&second_manager=on"))
        .await;
    assert!(moved.status.is_success() || moved.status.is_redirection(), "{moved:?}");
    let world = portal.sandbox.as_ref().unwrap().0.snapshot();
    assert_eq!(world.subscribers[&jane].account_id, bakery);
    let her_numbers: Vec<_> = world
        .numbers
        .values()
        .filter(|n| n.subscriber_id.as_deref() == Some(&jane))
        .collect();
    assert!(!her_numbers.is_empty() && her_numbers.iter().all(|n| n.account_id == bakery));
    assert!(
        !world
            .guardian_relations
            .iter()
            .any(|r| r.parent_id == jane && r.child_id == sam),
        "the link with Sam ended"
    );
    let (user_account,): (Option<String>,) = sqlx::query_as("SELECT account_id FROM users WHERE email = $1")
        .bind(JANE)
        .fetch_one(&portal.state.pool)
        .await
        .unwrap();
    assert_eq!(
        user_account.as_deref(),
        Some(bakery.as_str()),
        "her sign-in follows her"
    );
    // Her old session is over: it was for the other Account.
    let old = jane_browser.call("family/overview", &format!("account_id={doe}")).await;
    assert_ne!(old.status, StatusCode::OK);

    // The lists changed at once: Bakery has two Managers, Doe none.
    let many = admin
        .call("accounts/list", "distributor_id=&page=1&needs=many-managers")
        .await;
    let many: AccountsPage = serde_json::from_str(&many.body).unwrap();
    assert_eq!(
        many.rows.iter().map(|r| r.id.as_str()).collect::<Vec<_>>(),
        [bakery.as_str()]
    );
    let none = admin
        .call("accounts/list", "distributor_id=&page=1&needs=no-manager")
        .await;
    let none: AccountsPage = serde_json::from_str(&none.body).unwrap();
    assert!(none.rows.iter().any(|r| r.id == doe), "{none:?}");
    let rows = audit_rows(&portal, "TransferSubscriber").await;
    assert_eq!(rows.len(), 1, "{rows:?}");
    assert!(
        rows[0].1.contains("guardian link ended") && rows[0].1.contains("portal sign-in moved"),
        "{rows:?}"
    );

    // Her page in the new Account shows the move in its recent activity.
    let page = admin
        .call("members/detail", &format!("account_id={bakery}&subscriber_id={jane}"))
        .await;
    assert_eq!(page.status, StatusCode::OK, "{}", page.body);
    let detail: telegent_app::members::model::MemberDetail = serde_json::from_str(&page.body).unwrap();
    let activity = detail.activity.expect("staff read the audit log");
    assert_eq!(activity[0].action, "Transfer subscriber", "{activity:?}");
    assert_eq!(activity[0].outcome, "Done");
    // Omar (a Manager of Bakery) sees only what happened in his Account.
    let mut omar = Browser::signed_in(&portal, "omar@brightbakery.example").await;
    let page = omar
        .call("members/detail", &format!("account_id={bakery}&subscriber_id={jane}"))
        .await;
    assert_eq!(page.status, StatusCode::OK, "{}", page.body);
    let detail: telegent_app::members::model::MemberDetail = serde_json::from_str(&page.body).unwrap();
    assert!(
        detail
            .activity
            .unwrap()
            .iter()
            .all(|a| a.action != "Transfer subscriber"),
        "the move was recorded in the Doe Family, not in his Account"
    );
}

#[tokio::test]
async fn a_transfer_needs_confirmation_staff_rank_and_an_account_of_the_same_distributor() {
    let portal = portal().await;
    let doe = account_id(&portal, "Doe Family");
    let smith = account_id(&portal, "Smith Family");
    let sam = subscriber_id(&portal, SAM);
    let mut admin = Browser::signed_in(&portal, ACME_ADMIN).await;
    let before = writes(&portal).len();

    let unconfirmed = admin
        .call(
            "members/transfer",
            &format!(
                "account_id={doe}&subscriber_id={sam}&to_account_id={}",
                account_id(&portal, "Bright Bakery LLC")
            ),
        )
        .await;
    assert_eq!(unconfirmed.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(unconfirmed.body.contains("confirm_move"), "{}", unconfirmed.body);

    // Another Distributor's Account reads exactly like one that does not exist.
    let foreign = admin
        .call(
            "members/transfer",
            &format!("account_id={doe}&subscriber_id={sam}&to_account_id={smith}&confirm_move=on"),
        )
        .await;
    let missing = admin
        .call(
            "members/transfer",
            &format!("account_id={doe}&subscriber_id={sam}&to_account_id=AID-nope&confirm_move=on"),
        )
        .await;
    assert_eq!(foreign.status, StatusCode::NOT_FOUND);
    assert_eq!((foreign.status, &foreign.body), (missing.status, &missing.body));
    let foreign_step = admin
        .call(
            "members/transfer-step",
            &format!("account_id={doe}&subscriber_id={sam}&move_to={smith}"),
        )
        .await;
    assert_eq!(foreign_step.status, StatusCode::NOT_FOUND);

    // A viewer and the family's own Manager may not move anyone.
    for who in [ACME_REVIEWER, JANE] {
        let mut browser = Browser::signed_in(&portal, who).await;
        let answer = browser
            .call(
                "members/transfer",
                &format!(
                    "account_id={doe}&subscriber_id={sam}&to_account_id={}&confirm_move=on",
                    account_id(&portal, "Bright Bakery LLC")
                ),
            )
            .await;
        assert_eq!(answer.status, StatusCode::FORBIDDEN, "{who}: {}", answer.body);
    }
    assert_eq!(writes(&portal).len(), before, "nothing sent");
    assert_eq!(
        portal.sandbox.as_ref().unwrap().0.snapshot().subscribers[&sam].account_id,
        doe
    );
}

#[tokio::test]
async fn creating_a_second_manager_is_warned_about_then_allowed() {
    let portal = portal().await;
    let doe = account_id(&portal, "Doe Family");
    let mut admin = Browser::signed_in(&portal, ACME_ADMIN).await;
    let form = format!(
        "email=second.manager%40example.com&display_name=Second+Manager&role=Manager&distributor_id=&account_id={doe}"
    );
    let warned = admin.call("users/create", &form).await;
    assert_eq!(warned.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", warned.body);
    assert!(
        warned.body.contains("second_manager") && warned.body.contains("Jane Doe"),
        "{}",
        warned.body
    );
    let world = portal.sandbox.as_ref().unwrap().0.snapshot();
    assert!(
        !world
            .subscribers
            .values()
            .any(|s| s.email == "second.manager@example.com"),
        "nothing created"
    );

    let created = admin.call("users/create", &format!("{form}&second_manager=on")).await;
    assert!(
        created.status.is_success() || created.status.is_redirection(),
        "{created:?}"
    );
    let world = portal.sandbox.as_ref().unwrap().0.snapshot();
    let second = world
        .subscribers
        .values()
        .find(|s| s.email == "second.manager@example.com")
        .expect("created");
    assert_eq!(
        (second.role.as_str(), second.account_id.as_str()),
        ("Manager", doe.as_str())
    );
    // A Subscriber in the same Account is no second Manager: no warning.
    let child = admin
        .call(
            "users/create",
            &format!("email=kid.doe%40example.com&display_name=Kid&role=Subscriber&distributor_id=&account_id={doe}"),
        )
        .await;
    assert!(child.status.is_success() || child.status.is_redirection(), "{child:?}");
}

#[tokio::test]
async fn the_account_form_pages_render_on_the_server_for_those_who_may_use_them() {
    let portal = portal().await;
    let bakery = account_id(&portal, "Bright Bakery LLC");
    let mut admin = Browser::signed_in(&portal, ACME_ADMIN).await;
    let new = admin.get("/accounts/new").await;
    assert_eq!(new.status, StatusCode::OK);
    assert!(
        new.body.contains("<h1>New account</h1>") && new.body.contains("id=\"billing_street1\""),
        "{}",
        new.body
    );
    assert!(
        new.body.contains("name=\"mailing_same\" checked"),
        "same as billing starts ticked"
    );
    let edit = admin.get(&format!("/accounts/{bakery}/edit")).await;
    assert_eq!(edit.status, StatusCode::OK);
    assert!(edit.body.contains("value=\"7 Market St\""), "{}", edit.body);
    let page = admin.get(&format!("/accounts/{bakery}")).await;
    assert!(
        page.body.contains("Edit account") && page.body.contains("data-copy=\"AID-"),
        "{}",
        page.body
    );
    let mut viewer = Browser::signed_in(&portal, ACME_REVIEWER).await;
    assert_eq!(viewer.get("/accounts/new").await.status, StatusCode::FORBIDDEN);
    let page = viewer.get(&format!("/accounts/{bakery}")).await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(!page.body.contains("Edit account"), "a viewer gets no edit link");
}
