//! The onboarding checklist (issue 16): each step judged from what
//! Telegent and the portal's records show (a new Account has nothing but
//! itself; a route created in the portal ticks its step with its ID),
//! sections marked not in scope with a reason, the sign-off refused while
//! steps are open, every change audited, and the checklist scoped like the
//! Account it belongs to.

use axum::http::StatusCode;
use serde_json::Value;

use crate::common::{account_id, portal, urlencode, Browser, ACME_ADMIN};

const ADDRESS: &str =
    "billing_street1=1+Elm+St&billing_city=Provo&billing_state=UT&billing_zip=84601&billing_country=USA";

async fn checklist(browser: &mut Browser, account: &str) -> Value {
    let answer = browser
        .call("onboarding/checklist", &format!("account_id={account}&distributor_id="))
        .await;
    assert_eq!(answer.status, StatusCode::OK, "{}", answer.body);
    serde_json::from_str(&answer.body).unwrap()
}

/// (state, ID shown, note) of one step.
fn step(page: &Value, number: &str) -> (String, String, String) {
    let found = page["sections"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|s| s["steps"].as_array().unwrap())
        .find(|s| s["number"] == number)
        .unwrap_or_else(|| panic!("step {number}"));
    let text = |k: &str| found[k].as_str().unwrap_or_default().to_string();
    (text("state"), text("id_value"), text("note"))
}

async fn audit(portal: &telegent_portal::Portal, action: &str) -> Vec<(String, String)> {
    sqlx::query_as("SELECT outcome, detail FROM audit_log WHERE action = $1 ORDER BY id")
        .bind(action)
        .fetch_all(&portal.state.pool)
        .await
        .unwrap()
}

#[tokio::test]
async fn a_new_account_shows_what_each_step_waits_for_and_ticks_a_route_made_here() {
    let portal = portal().await;
    let mut admin = Browser::signed_in(&portal, ACME_ADMIN).await;
    let made = admin
        .call(
            "accounts/create",
            &format!("account_id=&distributor_id=&name=Nguyen+Family&admin_email=lan%40nguyen.example&{ADDRESS}&mailing_same=on"),
        )
        .await;
    assert!(made.status.is_success() || made.status.is_redirection(), "{made:?}");
    let aid = account_id(&portal, "Nguyen Family");
    let page = checklist(&mut admin, &aid).await;
    assert_eq!(page["title"], "Nguyen Family");
    assert_eq!(step(&page, "1").0, "Done");
    assert_eq!(step(&page, "1").1, aid);
    for n in ["4", "5", "6", "7", "8", "9", "10", "11", "13", "17"] {
        assert_eq!(step(&page, n).0, "ToDo", "step {n}: {page}");
    }
    assert!(
        step(&page, "7").2.contains("message route first (step 4)"),
        "{:?}",
        step(&page, "7")
    );
    assert!(
        step(&page, "9").2.contains("a subscriber (6)"),
        "{:?}",
        step(&page, "9")
    );
    assert_eq!(step(&page, "14").0, "AtSignOff");
    let before = page["done"].as_u64().unwrap();
    assert_eq!(page["in_scope"], 25);

    // A message route made in the portal ticks step 4 with its MRID.
    let route = format!(
        "account_id={aid}&message_route_id=&route_name=Main&message_url={}&message_url_method=POST\
         &message_authentication_type=None&message_username=&message_password_token=\
         &callback_message_url=&callback_message_url_method=POST&callback_message_authentication_type=None\
         &callback_message_username=&callback_message_password_token=&message_route_enabled=on",
        urlencode("https://hooks.example.com/nguyen")
    );
    let saved = admin.call("routes/message-save", &route).await;
    assert!(saved.status.is_success() || saved.status.is_redirection(), "{saved:?}");
    let page = checklist(&mut admin, &aid).await;
    let (state, id, _) = step(&page, "4");
    assert_eq!(state, "Done");
    assert!(id.starts_with("MRID"), "{id}");
    assert_eq!(page["done"].as_u64().unwrap(), before + 1);
    assert!(step(&page, "7").2.contains("provision one"), "{:?}", step(&page, "7"));

    // The HTML page says the same in words.
    let html = admin.get(&format!("/accounts/{aid}/onboarding")).await;
    assert_eq!(html.status, StatusCode::OK);
    assert!(
        html.body.contains(&format!("{} of 25 done", before + 1)),
        "{}",
        html.body
    );
}

#[tokio::test]
async fn scope_marks_and_the_sign_off_are_refused_until_due_and_audited() {
    let portal = portal().await;
    let mut admin = Browser::signed_in(&portal, ACME_ADMIN).await;
    let doe = account_id(&portal, "Doe Family");
    let mark = |section: &str, reason: &str| {
        format!(
            "account_id={doe}&distributor_id=&section={section}&reason={}",
            urlencode(reason)
        )
    };

    let no_reason = admin.call("onboarding/scope", &mark("voice", " ")).await;
    assert_eq!(no_reason.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(no_reason.body.contains("reason"), "{}", no_reason.body);
    let unknown = admin.call("onboarding/scope", &mark("products", "we sell none")).await;
    assert_eq!(
        unknown.status,
        StatusCode::UNPROCESSABLE_ENTITY,
        "products cannot be skipped"
    );
    assert!(audit(&portal, "MarkOnboardingScope").await.is_empty());

    let marked = admin.call("onboarding/scope", &mark("voice", "SMS-only launch")).await;
    assert!(
        marked.status.is_success() || marked.status.is_redirection(),
        "{marked:?}"
    );
    let page = checklist(&mut admin, &doe).await;
    for n in ["5", "13", "14", "15", "16"] {
        assert_eq!(step(&page, n).0, "NotInScope", "step {n}");
    }
    assert_eq!(page["in_scope"], 20);
    let section = page["sections"]
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["scope_key"] == "voice")
        .unwrap();
    assert_eq!(section["out_of_scope"]["reason"], "SMS-only launch");
    assert_eq!(section["out_of_scope"]["by"], ACME_ADMIN);

    // The sign-off: a contact and the confirmation first, then refused
    // while steps are open (listed), nothing recorded.
    let sign = |contact: &str, confirm: bool| {
        format!(
            "account_id={doe}&distributor_id=&telegent_contact={}{}",
            urlencode(contact),
            if confirm { "&confirm=on" } else { "" }
        )
    };
    let no_contact = admin.call("onboarding/sign-off", &sign("", true)).await;
    assert_eq!(no_contact.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(no_contact.body.contains("telegent_contact"), "{}", no_contact.body);
    let unconfirmed = admin.call("onboarding/sign-off", &sign("Kim (Telegent)", false)).await;
    assert_eq!(unconfirmed.status, StatusCode::UNPROCESSABLE_ENTITY);
    let open = admin.call("onboarding/sign-off", &sign("Kim at Telegent", true)).await;
    assert_eq!(open.status, StatusCode::UNPROCESSABLE_ENTITY, "{open:?}");
    assert!(
        open.body.contains("Still to do") && open.body.contains("8a."),
        "{}",
        open.body
    );
    let page = checklist(&mut admin, &doe).await;
    assert!(page["signed_off"].is_null());
    assert!(!page["blocking_sign_off"].as_array().unwrap().is_empty());
    let denied = audit(&portal, "SignOffOnboarding").await;
    assert_eq!(denied.len(), 1);
    assert_eq!(denied[0].0, "denied");

    // Back in scope: the voice steps count again.
    let undo = admin
        .call(
            "onboarding/scope",
            &format!("account_id={doe}&distributor_id=&section=voice&undo=on"),
        )
        .await;
    assert!(undo.status.is_success() || undo.status.is_redirection(), "{undo:?}");
    let page = checklist(&mut admin, &doe).await;
    assert_eq!(page["in_scope"], 25);
    assert_eq!(step(&page, "5").0, "Done", "the seeded voice route");
    let marks = audit(&portal, "MarkOnboardingScope").await;
    assert_eq!(marks.len(), 2);
    assert!(
        marks[0].1.contains("SMS-only launch") && marks[1].1.contains("back in scope"),
        "{marks:?}"
    );
}

#[tokio::test]
async fn the_checklist_is_scoped_like_its_account_and_only_staff_admins_change_it() {
    let portal = portal().await;
    let doe = account_id(&portal, "Doe Family");
    let bakery = account_id(&portal, "Bright Bakery LLC");
    let mark = |aid: &str| format!("account_id={aid}&distributor_id=&section=mms&reason=later");

    // A reviewer reads every Account's checklist and changes nothing.
    let mut viewer = Browser::signed_in(&portal, "reviewer@acme.example").await;
    assert_eq!(checklist(&mut viewer, &doe).await["can_manage"], false);
    assert_eq!(
        viewer.call("onboarding/scope", &mark(&doe)).await.status,
        StatusCode::FORBIDDEN
    );
    let whole = viewer.call("onboarding/checklist", "account_id=&distributor_id=").await;
    assert_eq!(whole.status, StatusCode::OK, "{}", whole.body);
    let whole: Value = serde_json::from_str(&whole.body).unwrap();
    assert_eq!(whole["account_total"], 2);

    // An Account Admin reads their own Account's only; never the Distributor's.
    let mut priya = Browser::signed_in(&portal, "priya@brightbakery.example").await;
    assert_eq!(checklist(&mut priya, &bakery).await["can_manage"], false);
    let foreign = priya
        .call("onboarding/checklist", &format!("account_id={doe}&distributor_id="))
        .await;
    assert_eq!(foreign.status, StatusCode::NOT_FOUND);
    let distributor = priya.call("onboarding/checklist", "account_id=&distributor_id=").await;
    assert_eq!(distributor.status, StatusCode::NOT_FOUND);
    assert_eq!(
        priya.call("onboarding/scope", &mark(&bakery)).await.status,
        StatusCode::FORBIDDEN
    );

    // A Manager has no checklist; another Distributor's admin finds nothing.
    let mut omar = Browser::signed_in(&portal, "omar@brightbakery.example").await;
    assert_eq!(
        omar.call("onboarding/checklist", &format!("account_id={bakery}&distributor_id="))
            .await
            .status,
        StatusCode::FORBIDDEN
    );
    let mut globex = Browser::signed_in(&portal, "admin@globex.example").await;
    assert_eq!(
        globex
            .call("onboarding/checklist", &format!("account_id={doe}&distributor_id="))
            .await
            .status,
        StatusCode::NOT_FOUND
    );
    assert_eq!(
        globex.call("onboarding/scope", &mark(&doe)).await.status,
        StatusCode::NOT_FOUND
    );
    let (marks,): (i64,) = sqlx::query_as("SELECT COUNT(*) FROM onboarding_scope_marks")
        .fetch_one(&portal.state.pool)
        .await
        .unwrap();
    assert_eq!(marks, 0);
}
