//! The port-in cockpit (issue 17) against the sandbox, its clock and its
//! magic numbers: a port-in that completes; one rejected as correctable,
//! corrected and completed; one hard-rejected, cancelled and started again;
//! one cancelled by the user; an ineligible number stopped before any
//! details are asked; a wireline's port date; "do it, then fail" and a
//! dropped connection leaving one port-in in the ledger; the secrets in no
//! record or page; the status notices reaching the submitter and the
//! Account's Manager and no one else; foreign port-ins missing.

use axum::http::StatusCode;
use serde_json::Value;
use telegent_portal::Portal;
use telegent_sandbox::faults::FaultRule;
use telegent_sandbox::seed::ACME_KEY;

use crate::common::{account_id, portal_with, Browser, ACME_ADMIN};

mod bulk;

pub(super) const ACCOUNT_NUMBER: &str = "ACCT-8675309";
pub(super) const PIN: &str = "pin-5517";

pub(super) fn done(answer: &crate::common::Answer) -> bool {
    answer.status.is_success() || answer.status.is_redirection()
}

pub(super) async fn new_portal() -> Portal {
    portal_with(|c| c.sandbox_rate_limit_per_minute = None).await
}

pub(super) fn ledger(portal: &Portal) -> usize {
    let world = portal.sandbox.as_ref().unwrap().0.snapshot();
    world.ledger.iter().filter(|e| e.operation == "portin").count()
}

pub(super) fn sandbox_order(portal: &Portal, msisdn: &str) -> (String, Value) {
    let world = portal.sandbox.as_ref().unwrap().0.snapshot();
    let mut orders: Vec<_> = world
        .orders
        .values()
        .filter(|o| o.order_type == "portin" && o.numbers.iter().any(|n| n == msisdn))
        .collect();
    orders.sort_by(|a, b| a.created_at.cmp(&b.created_at));
    let o = orders.last().expect("a port-in order");
    (o.state.clone(), Value::Object(o.request.clone()))
}

pub(super) async fn port_in_id(portal: &Portal, msisdn: &str) -> String {
    let (id,): (String,) =
        sqlx::query_as("SELECT id FROM port_ins WHERE msisdn = $1 ORDER BY created_at DESC, id LIMIT 1")
            .bind(msisdn)
            .fetch_one(&portal.state.pool)
            .await
            .unwrap();
    id
}

async fn eligibility(admin: &mut Browser, account: &str, typed: &str) -> crate::common::Answer {
    admin
        .call(
            "porting/eligibility",
            &format!(
                "account_id={account}&msisdn={}&classification=mvno",
                crate::common::urlencode(typed)
            ),
        )
        .await
}

pub(super) fn details(account: &str, id: &str, act: &str, extra: &str) -> String {
    format!(
        "account_id={account}&id={id}&act={act}&carrier_name=Old+Carrier&subscriber_name=Jane+Doe\
         &street1=42+Maple+Ave&street2=&city=Provo&state=ut&zip=84601&iccid=&port_date={extra}"
    )
}

pub(super) fn submit_form(account: &str, id: &str, port_date: &str) -> String {
    format!(
        "{}&account_number={ACCOUNT_NUMBER}&pin={PIN}&loa=on&confirm=on",
        details(account, id, "submit", port_date)
    )
}

pub(super) async fn view(browser: &mut Browser, account: &str, id: &str) -> Value {
    let answer = browser
        .call("porting/view", &format!("account_id={account}&id={id}"))
        .await;
    assert_eq!(answer.status, StatusCode::OK, "{}", answer.body);
    serde_json::from_str(&answer.body).unwrap()
}

/// Moves the sandbox on and lets the read model's background sweep read
/// the open orders (what the schedule does every few minutes).
async fn later(portal: &Portal, minutes: i64) {
    portal.sandbox.as_ref().unwrap().0.advance_clock(minutes);
    telegent_app::read_model::sweep::run(&portal.state, ACME_KEY, telegent_app::read_model::sweep::Kind::Usage)
        .await
        .unwrap();
}

/// Eligible, a draft, then submitted with every detail: its ID.
pub(super) async fn submitted(portal: &Portal, admin: &mut Browser, account: &str, msisdn: &str) -> String {
    let checked = eligibility(admin, account, msisdn).await;
    assert!(done(&checked), "{checked:?}");
    let id = port_in_id(portal, msisdn).await;
    let sent = admin.call("porting/save", &submit_form(account, &id, "")).await;
    assert!(done(&sent), "{sent:?}");
    id
}

async fn notices_of(portal: &Portal, email: &str) -> Vec<(String, String)> {
    sqlx::query_as(
        "SELECT n.kind, n.title FROM notifications n JOIN users u ON u.id = n.user_id WHERE u.email = $1 ORDER BY n.id",
    )
    .bind(email)
    .fetch_all(&portal.state.pool)
    .await
    .unwrap()
}

#[tokio::test]
async fn a_port_in_goes_from_eligibility_to_complete_and_tells_the_submitter_and_the_manager_only() {
    let portal = new_portal().await;
    let mut admin = Browser::signed_in(&portal, ACME_ADMIN).await;
    let doe = account_id(&portal, "Doe Family");
    let msisdn = "+13855550141";

    assert!(done(&eligibility(&mut admin, &doe, "(385) 555-0141").await));
    let id = port_in_id(&portal, msisdn).await;
    let draft = view(&mut admin, &doe, &id).await;
    assert_eq!(draft["row"]["stage"], "Draft");
    assert_eq!(draft["current_carrier"], "Sandbox Wireless");
    assert_eq!(draft["wireline"], false);

    // A draft keeps what was typed, incomplete as it may be, and sends nothing.
    let saved = admin
        .call(
            "porting/save",
            &format!("account_id={doe}&id={id}&act=save&carrier_name=Old+Carrier&subscriber_name=&street1=&street2=&city=&state=&zip=&iccid=&port_date="),
        )
        .await;
    assert!(done(&saved), "{saved:?}");
    assert_eq!(view(&mut admin, &doe, &id).await["carrier_name"], "Old Carrier");
    assert_eq!(ledger(&portal), 0);

    // A submit without the secrets, the letter or the confirmation: refused at each field.
    let refused = admin.call("porting/save", &details(&doe, &id, "submit", "")).await;
    assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", refused.body);
    for field in ["account_number", "pin", "loa", "confirm"] {
        assert!(refused.body.contains(field), "{field}: {}", refused.body);
    }
    assert_eq!(ledger(&portal), 0);

    let sent = admin.call("porting/save", &submit_form(&doe, &id, "")).await;
    assert!(done(&sent), "{sent:?}");
    // A second press of the button: the same port-in, not a second one.
    let again = admin
        .call("porting/save", &format!("{}&again=1", submit_form(&doe, &id, "")))
        .await;
    assert!(done(&again), "{again:?}");
    assert_eq!(ledger(&portal), 1);
    let open = view(&mut admin, &doe, &id).await;
    assert_eq!(open["row"]["stage"], "Open");
    assert!(
        open["row"]["order_id"].as_str().unwrap().starts_with("JNUOID-"),
        "{open}"
    );
    assert_eq!(open["loa_by"], ACME_ADMIN);
    let (_, request) = sandbox_order(&portal, msisdn);
    assert_eq!(
        request["CurrentAccountNumber"], ACCOUNT_NUMBER,
        "Telegent got the secrets"
    );
    assert_eq!(request["CurrentBillingAddress"]["State"], "UT");

    later(&portal, 61).await;
    let moving = view(&mut admin, &doe, &id).await;
    assert_eq!(moving["row"]["status"], "InProgress", "{moving}");
    later(&portal, 24 * 60 + 1).await;
    let complete = view(&mut admin, &doe, &id).await;
    assert_eq!(complete["row"]["status"], "Complete");
    assert_eq!(complete["row"]["stage"], "Ended");
    let statuses: Vec<&str> = complete["timeline"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|e| e["kind"] == "status")
        .map(|e| e["status"].as_str().unwrap())
        .collect();
    assert_eq!(statuses, ["InProgress", "Complete"]);
    let world = portal.sandbox.as_ref().unwrap().0.snapshot();
    assert!(world
        .numbers
        .values()
        .any(|n| n.msisdn == msisdn && n.account_id == doe));

    // Told: the submitter and Doe's Manager, each once per change; not
    // Bright Bakery's Manager, not Globex.
    for email in [ACME_ADMIN, "jane.doe@example.com"] {
        let notices = notices_of(&portal, email).await;
        let port_ins: Vec<_> = notices.iter().filter(|(k, _)| k == "PortIn").collect();
        assert_eq!(port_ins.len(), 2, "{email}: {notices:?}");
        assert!(port_ins[1].1.contains("Complete"), "{port_ins:?}");
    }
    for email in [
        "omar@brightbakery.example",
        "admin@globex.example",
        "sam.doe@example.com",
    ] {
        assert!(notices_of(&portal, email).await.is_empty(), "{email}");
    }
    // The orders page lists it under "ended" with its account.
    let ended = admin.call("porting/list", "distributor_id=&show=ended&account=").await;
    assert!(
        ended.body.contains(&id) && ended.body.contains("Doe Family"),
        "{}",
        ended.body
    );
    let open_list = admin.call("porting/list", "distributor_id=&show=open&account=").await;
    assert!(!open_list.body.contains(&id));
}

#[tokio::test]
async fn a_correctable_rejection_is_shown_at_its_field_corrected_and_completes() {
    let portal = new_portal().await;
    let mut admin = Browser::signed_in(&portal, ACME_ADMIN).await;
    let doe = account_id(&portal, "Doe Family");
    let msisdn = "+13855550147";
    let id = submitted(&portal, &mut admin, &doe, msisdn).await;
    later(&portal, 61).await;
    let rejected = view(&mut admin, &doe, &id).await;
    assert_eq!(rejected["row"]["status"], "ResolutionRequired");
    assert_eq!(rejected["rejection_field"], "account_number");
    assert!(rejected["row"]["next_step"].as_str().unwrap().contains("Correct it"));

    // Nothing changed: nothing sent.
    let nothing = admin
        .call(
            "porting/correct",
            &format!("account_id={doe}&id={id}&carrier_name=Old+Carrier&subscriber_name=Jane+Doe&street1=&street2=&city=&state=&zip=&iccid=&port_date=&account_number=&pin="),
        )
        .await;
    assert_eq!(nothing.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", nothing.body);
    assert!(nothing.body.contains("account_number"), "{}", nothing.body);

    let fixed = admin
        .call(
            "porting/correct",
            &format!("account_id={doe}&id={id}&carrier_name=Old+Carrier&subscriber_name=Jane+Doe&street1=&street2=&city=&state=&zip=&iccid=&port_date=&account_number=ACCT-1111&pin="),
        )
        .await;
    assert!(done(&fixed), "{fixed:?}");
    let (state, request) = sandbox_order(&portal, msisdn);
    assert_eq!(state, "Pending", "back in the queue");
    assert_eq!(request["CurrentAccountNumber"], "ACCT-1111");
    let corrected = view(&mut admin, &doe, &id).await;
    assert_eq!(corrected["row"]["status"], "Pending");
    assert!(corrected["timeline"]
        .as_array()
        .unwrap()
        .iter()
        .any(|e| e["text"] == "Correction sent: account number."));
    later(&portal, 61).await;
    later(&portal, 24 * 60 + 1).await;
    assert_eq!(view(&mut admin, &doe, &id).await["row"]["status"], "Complete");
    assert_eq!(ledger(&portal), 1);
}

#[tokio::test]
async fn a_hard_rejection_is_cancelled_and_started_again_without_its_secrets() {
    let portal = new_portal().await;
    let mut admin = Browser::signed_in(&portal, ACME_ADMIN).await;
    let doe = account_id(&portal, "Doe Family");
    let msisdn = "+13855550148";
    let id = submitted(&portal, &mut admin, &doe, msisdn).await;
    later(&portal, 61).await;
    let rejected = view(&mut admin, &doe, &id).await;
    assert_eq!(rejected["row"]["status"], "Rejected");
    assert_eq!(rejected["rejection_field"], Value::Null);
    assert!(rejected["row"]["next_step"].as_str().unwrap().contains("Cancel it"));

    let unconfirmed = admin
        .call("porting/cancel", &format!("account_id={doe}&id={id}&text="))
        .await;
    assert_eq!(unconfirmed.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(sandbox_order(&portal, msisdn).0, "Rejected");
    let cancelled = admin
        .call("porting/cancel", &format!("account_id={doe}&id={id}&confirm=on&text="))
        .await;
    assert!(done(&cancelled), "{cancelled:?}");
    assert_eq!(sandbox_order(&portal, msisdn).0, "Cancelled");
    assert_eq!(view(&mut admin, &doe, &id).await["row"]["stage"], "Ended");

    let again = admin
        .call("porting/start-again", &format!("account_id={doe}&id={id}&text=again"))
        .await;
    assert!(done(&again), "{again:?}");
    let fresh = port_in_id(&portal, msisdn).await;
    assert_ne!(fresh, id);
    let draft = view(&mut admin, &doe, &fresh).await;
    assert_eq!(draft["row"]["stage"], "Draft");
    assert_eq!(draft["carrier_name"], "Old Carrier");
    assert_eq!(draft["subscriber_name"], "Jane Doe");
    assert_eq!(draft["billing"]["city"], "Provo");
    assert!(!draft.to_string().contains(ACCOUNT_NUMBER) && !draft.to_string().contains(PIN));
    // Submitting the fresh draft is a second billed port-in: a new intent.
    let sent = admin.call("porting/save", &submit_form(&doe, &fresh, "")).await;
    assert!(done(&sent), "{sent:?}");
    assert_eq!(ledger(&portal), 2);
}

#[tokio::test]
async fn a_user_cancel_is_final_and_repeating_it_sends_nothing() {
    let portal = new_portal().await;
    let mut admin = Browser::signed_in(&portal, ACME_ADMIN).await;
    let doe = account_id(&portal, "Doe Family");
    let msisdn = "+13855550142";
    let id = submitted(&portal, &mut admin, &doe, msisdn).await;
    let cancel = format!("account_id={doe}&id={id}&confirm=on&text=");
    assert!(done(&admin.call("porting/cancel", &cancel).await));
    let before = portal.sandbox.as_ref().unwrap().0.journal().len();
    assert!(done(&admin.call("porting/cancel", &format!("{cancel}1")).await));
    let cancels = portal.sandbox.as_ref().unwrap().0.journal()[before..]
        .iter()
        .filter(|e| e.path.contains("portin/cancel"))
        .count();
    assert_eq!(cancels, 0);
    assert_eq!(sandbox_order(&portal, msisdn).0, "Cancelled");
    let (open,): (i64,) = sqlx::query_as("SELECT COUNT(*) FROM rm_orders WHERE kind = 'portin'")
        .fetch_one(&portal.state.pool)
        .await
        .unwrap();
    assert_eq!(open, 0, "off the open orders at once");
    let v = view(&mut admin, &doe, &id).await;
    assert!(v["row"]["next_step"].as_str().unwrap().contains("start again"));
}

#[tokio::test]
async fn an_ineligible_number_is_stopped_before_any_detail_is_asked() {
    let portal = new_portal().await;
    let mut admin = Browser::signed_in(&portal, ACME_ADMIN).await;
    let doe = account_id(&portal, "Doe Family");
    let refused = eligibility(&mut admin, &doe, "+13855550149").await;
    assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", refused.body);
    assert!(
        refused.body.contains("msisdn") && refused.body.contains("not portable"),
        "{}",
        refused.body
    );
    // A line already on the platform is not eligible either; nonsense is a field error.
    let on_platform = eligibility(&mut admin, &doe, "+18015550101").await;
    assert_eq!(on_platform.status, StatusCode::UNPROCESSABLE_ENTITY);
    let nonsense = eligibility(&mut admin, &doe, "call me").await;
    assert_eq!(nonsense.status, StatusCode::UNPROCESSABLE_ENTITY);
    let (drafts,): (i64,) = sqlx::query_as("SELECT COUNT(*) FROM port_ins")
        .fetch_one(&portal.state.pool)
        .await
        .unwrap();
    assert_eq!(drafts, 0);
    let (checks,): (i64,) = sqlx::query_as(
        "SELECT COUNT(*) FROM audit_log WHERE action = 'CheckPortInEligibility' AND outcome = 'succeeded'",
    )
    .fetch_one(&portal.state.pool)
    .await
    .unwrap();
    assert_eq!(checks, 2, "both asked of Telegent and on the record");
    assert_eq!(ledger(&portal), 0);
}

#[tokio::test]
async fn a_wireline_needs_a_business_day_in_its_window_and_telegent_gets_it() {
    let portal = new_portal().await;
    let mut admin = Browser::signed_in(&portal, ACME_ADMIN).await;
    let doe = account_id(&portal, "Doe Family");
    let msisdn = "+13855550146";
    assert!(done(&eligibility(&mut admin, &doe, msisdn).await));
    let id = port_in_id(&portal, msisdn).await;
    let v = view(&mut admin, &doe, &id).await;
    assert_eq!(v["wireline"], true);
    let missing = admin.call("porting/save", &submit_form(&doe, &id, "")).await;
    assert_eq!(missing.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(missing.body.contains("port_date"), "{}", missing.body);
    let too_soon = admin.call("porting/save", &submit_form(&doe, &id, "01/01/2020")).await;
    assert_eq!(too_soon.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(too_soon.body.contains("business day"), "{}", too_soon.body);
    assert_eq!(ledger(&portal), 0);
    let earliest = v["earliest_port_date"].as_str().unwrap().to_string();
    let sent = admin
        .call(
            "porting/save",
            &submit_form(&doe, &id, &crate::common::urlencode(&earliest)),
        )
        .await;
    assert!(done(&sent), "{sent:?}");
    let (_, request) = sandbox_order(&portal, msisdn);
    assert_eq!(request["PortInDate"], earliest.as_str());
    later(&portal, 61).await;
    assert_eq!(view(&mut admin, &doe, &id).await["row"]["status"], "InProgress");
}

#[tokio::test]
async fn do_it_then_fail_and_a_dropped_connection_leave_one_port_in_each() {
    let portal = new_portal().await;
    let mut admin = Browser::signed_in(&portal, ACME_ADMIN).await;
    let doe = account_id(&portal, "Doe Family");
    let sandbox = &portal.sandbox.as_ref().unwrap().0;
    for (n, drop) in [("+13855550143", false), ("+13855550144", true)] {
        sandbox.add_fault(FaultRule {
            path_prefix: "/v1.0/numbers/portin".into(),
            exact: true,
            status: (!drop).then_some(500),
            drop_connection: drop,
            after_effect: true,
            remaining: Some(1),
            ..Default::default()
        });
        let before = ledger(&portal);
        assert!(done(&eligibility(&mut admin, &doe, n).await));
        let id = port_in_id(&portal, n).await;
        for i in 0..3 {
            // The person presses again after the error (or the browser retries).
            let sent = admin
                .call("porting/save", &format!("{}&try={i}", submit_form(&doe, &id, "")))
                .await;
            assert!(done(&sent) || sent.status == StatusCode::BAD_GATEWAY, "{sent:?}");
        }
        assert_eq!(ledger(&portal) - before, 1, "{n}: one port-in in the ledger");
        let v = view(&mut admin, &doe, &id).await;
        assert_eq!(v["row"]["stage"], "Open", "{n}: {v}");
    }
}

#[tokio::test]
async fn the_secrets_are_in_no_record_log_table_or_page_after_submit() {
    let portal = new_portal().await;
    let mut admin = Browser::signed_in(&portal, ACME_ADMIN).await;
    let doe = account_id(&portal, "Doe Family");
    let id = submitted(&portal, &mut admin, &doe, "+13855550145").await;
    // A correction with new secrets too.
    let fixed = admin
        .call(
            "porting/correct",
            &format!("account_id={doe}&id={id}&carrier_name=&subscriber_name=&street1=&street2=&city=&state=&zip=&iccid=&port_date=&account_number={ACCOUNT_NUMBER}9&pin={PIN}9"),
        )
        .await;
    assert!(done(&fixed), "{fixed:?}");
    let pool = &portal.state.pool;
    for (table, columns) in [
        (
            "audit_log",
            "action || ' ' || COALESCE(detail, '') || ' ' || COALESCE(target_ids, '')",
        ),
        (
            "billable_intents",
            "COALESCE(request_json, '') || ' ' || COALESCE(response_json, '')",
        ),
        (
            "port_ins",
            "carrier_name || billing_json || subscriber_name || intent_key",
        ),
        ("port_in_events", "text"),
        ("notifications", "title || body"),
    ] {
        let rows: Vec<(String,)> = sqlx::query_as(&format!("SELECT {columns} FROM {table}"))
            .fetch_all(pool)
            .await
            .unwrap_or_else(|e| panic!("{table}: {e}"));
        for (text,) in rows {
            assert!(
                !text.contains(ACCOUNT_NUMBER) && !text.contains(PIN),
                "{table} holds a secret: {text}"
            );
        }
    }
    let page = admin.get(&format!("/accounts/{doe}/porting/{id}")).await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(
        page.body.contains("+1 385-555-0145") || page.body.contains("0145"),
        "the page renders"
    );
    assert!(!page.body.contains(ACCOUNT_NUMBER) && !page.body.contains(PIN));
}

#[tokio::test]
async fn port_ins_are_scoped_viewers_read_and_account_roles_see_their_own() {
    let portal = new_portal().await;
    let mut admin = Browser::signed_in(&portal, ACME_ADMIN).await;
    let doe = account_id(&portal, "Doe Family");
    let bakery = account_id(&portal, "Bright Bakery LLC");
    let doe_id = submitted(&portal, &mut admin, &doe, "+13855550151").await;
    let bakery_id = submitted(&portal, &mut admin, &bakery, "+13855550152").await;

    // Another Distributor: missing, both by its Account and by the ID in an own Account.
    let mut globex = Browser::signed_in(&portal, "admin@globex.example").await;
    let foreign = globex
        .call("porting/view", &format!("account_id={doe}&id={doe_id}"))
        .await;
    assert_eq!(foreign.status, StatusCode::NOT_FOUND);
    let list = globex.call("porting/list", "distributor_id=&show=all&account=").await;
    assert!(!list.body.contains(&doe_id) && !list.body.contains(&bakery_id));

    // The reviewer reads, changes nothing.
    let mut reviewer = Browser::signed_in(&portal, "reviewer@acme.example").await;
    assert_eq!(view(&mut reviewer, &doe, &doe_id).await["can_manage"], false);
    let refused = reviewer
        .call(
            "porting/cancel",
            &format!("account_id={doe}&id={doe_id}&confirm=on&text="),
        )
        .await;
    assert_eq!(refused.status, StatusCode::FORBIDDEN);

    // Doe's Manager sees Doe's port-in and not the Bakery's, and no ID swap helps.
    let mut jane = Browser::signed_in(&portal, "jane.doe@example.com").await;
    let own = jane.call("porting/list", "distributor_id=&show=all&account=").await;
    assert!(
        own.body.contains(&doe_id) && !own.body.contains(&bakery_id),
        "{}",
        own.body
    );
    assert_eq!(view(&mut jane, &doe, &doe_id).await["can_manage"], false);
    let swapped = jane
        .call("porting/view", &format!("account_id={doe}&id={bakery_id}"))
        .await;
    assert_eq!(swapped.status, StatusCode::NOT_FOUND);
    let other = jane
        .call("porting/view", &format!("account_id={bakery}&id={bakery_id}"))
        .await;
    assert_eq!(other.status, StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn an_unconfirmed_submit_blocks_discarding_and_restarting_until_it_is_reconciled() {
    let portal = new_portal().await;
    let mut admin = Browser::signed_in(&portal, ACME_ADMIN).await;
    let doe = account_id(&portal, "Doe Family");
    let msisdn = "+13855550153";
    assert!(done(&eligibility(&mut admin, &doe, msisdn).await));
    let id = port_in_id(&portal, msisdn).await;
    let sandbox = &portal.sandbox.as_ref().unwrap().0;
    // The submit lands but its answer is lost, and the check that would
    // reconcile it fails too: the outcome stays unknown.
    sandbox.add_fault(FaultRule {
        path_prefix: "/v1.0/numbers/portin".into(),
        exact: true,
        drop_connection: true,
        after_effect: true,
        remaining: Some(1),
        ..Default::default()
    });
    sandbox.add_fault(FaultRule {
        path_prefix: "/v1.0/numbers/portin/eligibility".into(),
        status: Some(503),
        remaining: Some(20),
        ..Default::default()
    });
    let lost = admin.call("porting/save", &submit_form(&doe, &id, "")).await;
    assert!(!done(&lost), "{lost:?}");
    assert_eq!(ledger(&portal), 1);
    assert_eq!(view(&mut admin, &doe, &id).await["row"]["stage"], "Draft");
    // Not discarded as if nothing had been sent, not started again.
    let discard = admin
        .call("porting/cancel", &format!("account_id={doe}&id={id}&confirm=on&text="))
        .await;
    assert_eq!(discard.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", discard.body);
    assert!(discard.body.contains("not confirmed"), "{}", discard.body);
    sandbox.clear_faults();
    // Submitting again reconciles it: found open, not sent a second time.
    let again = admin
        .call("porting/save", &format!("{}&again=1", submit_form(&doe, &id, "")))
        .await;
    assert!(done(&again), "{again:?}");
    assert_eq!(ledger(&portal), 1);
    assert_eq!(view(&mut admin, &doe, &id).await["row"]["stage"], "Open");
}

#[tokio::test]
async fn internal_notes_are_for_the_distributors_staff_only() {
    let portal = new_portal().await;
    let mut admin = Browser::signed_in(&portal, ACME_ADMIN).await;
    let doe = account_id(&portal, "Doe Family");
    let id = submitted(&portal, &mut admin, &doe, "+13855550154").await;
    let noted = admin
        .call(
            "porting/note",
            &format!("account_id={doe}&id={id}&text=Called+the+carrier%3A+hold+lifted"),
        )
        .await;
    assert!(done(&noted), "{noted:?}");
    let notes = |v: &Value| {
        v["timeline"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|e| e["kind"] == "note")
            .count()
    };
    assert_eq!(notes(&view(&mut admin, &doe, &id).await), 1);
    let mut reviewer = Browser::signed_in(&portal, "reviewer@acme.example").await;
    assert_eq!(notes(&view(&mut reviewer, &doe, &id).await), 1, "staff read them");
    let mut jane = Browser::signed_in(&portal, "jane.doe@example.com").await;
    let hers = view(&mut jane, &doe, &id).await;
    assert_eq!(notes(&hers), 0, "the Account's Manager does not");
    assert!(!hers.to_string().contains("hold lifted"));
}

#[tokio::test]
async fn the_orders_page_searches_sorts_pages_and_exports_exactly_its_selection() {
    let portal = new_portal().await;
    let mut admin = Browser::signed_in(&portal, ACME_ADMIN).await;
    let doe = account_id(&portal, "Doe Family");
    let bakery = account_id(&portal, "Bright Bakery LLC");
    let a = submitted(&portal, &mut admin, &doe, "+13855550131").await;
    let b = submitted(&portal, &mut admin, &bakery, "+13855550132").await;
    let list = |q: &str, sort: &str| format!("distributor_id=&show=open&account=&q={q}&sort={sort}&page=1");
    let first = admin.call("porting/list", &list("", "")).await;
    let page: Value = serde_json::from_str(&first.body).unwrap_or_else(|_| panic!("{first:?}"));
    assert_eq!(page["total"], 2, "{page}");
    assert_eq!(page["rows"][0]["id"], b.as_str(), "newest first");
    let oldest: Value = serde_json::from_str(&admin.call("porting/list", &list("", "oldest")).await.body).unwrap();
    assert_eq!(oldest["rows"][0]["id"], a.as_str());
    // By the number as typed, by the Account's name, by the port-in's ID.
    for (q, found) in [("385-555-0131", &a), ("bakery", &b), (b.as_str(), &b)] {
        let hit: Value = serde_json::from_str(
            &admin
                .call("porting/list", &list(&crate::common::urlencode(q), ""))
                .await
                .body,
        )
        .unwrap();
        assert_eq!(hit["total"], 1, "{q}: {hit}");
        assert_eq!(hit["rows"][0]["id"], found.as_str(), "{q}");
    }
    // The CSV: the same selection, all pages; a Manager's only their Account's.
    let csv = admin.get("/porting.csv?show=open&q=bakery").await;
    assert_eq!(csv.status, StatusCode::OK);
    assert!(csv.body.starts_with("port_in_id,msisdn"), "{}", csv.body);
    assert!(csv.body.contains(&b) && !csv.body.contains(&a), "{}", csv.body);
    let mut jane = Browser::signed_in(&portal, "jane.doe@example.com").await;
    let hers = jane.get("/porting.csv?show=all").await;
    assert_eq!(hers.status, StatusCode::OK);
    assert!(hers.body.contains(&a) && !hers.body.contains(&b), "{}", hers.body);
    let mut globex = Browser::signed_in(&portal, "admin@globex.example").await;
    let theirs = globex.get("/porting.csv?show=all").await;
    assert!(!theirs.body.contains(&a) && !theirs.body.contains(&b));
    let sam = Browser::signed_in(&portal, "sam.doe@example.com")
        .await
        .get("/porting.csv")
        .await;
    assert_eq!(sam.status, StatusCode::FORBIDDEN);
}
