//! A line's status (issue 17, first part): suspend, restore, deactivate and
//! reactivate, each confirmed and audited; a suspension refused while a
//! port-out is in flight; a reactivation refused after its 30 days with the
//! day it lapsed, sending nothing; the port-out PIN billed once and never
//! written to the audit log; Distributor staff only, and a foreign line
//! missing. The onboarding checklist ticks steps 8 and 8f from these.

use axum::http::StatusCode;
use serde_json::Value;
use telegent_portal::Portal;

use crate::common::{account_id, portal, portal_with, Browser, ACME_ADMIN};

const SAM: &str = "+18015550102";
const LILY: &str = "+18015550103";
const PIN: &str = "904417";

fn sandbox_status(portal: &Portal, msisdn: &str) -> (String, bool) {
    let world = portal.sandbox.as_ref().unwrap().0.snapshot();
    let n = world.numbers.values().find(|n| n.msisdn == msisdn).unwrap();
    (n.status.clone(), n.portout_order.is_some())
}

fn done(answer: &crate::common::Answer) -> bool {
    answer.status.is_success() || answer.status.is_redirection()
}

fn status_form(account: &str, msisdn: &str, change: &str, date: &str, confirm: bool) -> String {
    format!(
        "account_id={account}&msisdn={}&change={change}&effective_date={date}{}",
        msisdn.replace('+', "%2B"),
        if confirm { "&confirm=on" } else { "" }
    )
}

async fn view(browser: &mut Browser, account: &str, msisdn: &str) -> Value {
    let answer = browser
        .call(
            "numbers/status-view",
            &format!("account_id={account}&msisdn={}", msisdn.replace('+', "%2B")),
        )
        .await;
    assert_eq!(answer.status, StatusCode::OK, "{}", answer.body);
    serde_json::from_str(&answer.body).unwrap()
}

/// Changes sent to Telegent since the journal held `before` entries (reads
/// and token requests aside).
fn writes_since(portal: &Portal, before: usize) -> Vec<String> {
    portal.sandbox.as_ref().unwrap().0.journal()[before..]
        .iter()
        .filter(|e| e.method == "POST" && !e.path.to_ascii_lowercase().contains("oauth2"))
        .map(|e| e.path.clone())
        .collect()
}

async fn audit(portal: &Portal, action: &str) -> Vec<(String, String)> {
    sqlx::query_as("SELECT outcome, detail FROM audit_log WHERE action = $1 AND outcome <> 'pending' ORDER BY id")
        .bind(action)
        .fetch_all(&portal.state.pool)
        .await
        .unwrap()
}

#[tokio::test]
async fn suspend_restore_and_a_port_out_that_blocks_suspension() {
    // Some forty calls in a second: the sandbox's per-minute limit is off here.
    let portal = portal_with(|c| c.sandbox_rate_limit_per_minute = None).await;
    let mut admin = Browser::signed_in(&portal, ACME_ADMIN).await;
    let doe = account_id(&portal, "Doe Family");
    // The read model filled first, so the change must come by write-through.
    let listed = admin
        .call("onboarding/checklist", &format!("account_id={doe}&distributor_id="))
        .await;
    assert_eq!(listed.status, StatusCode::OK);
    let v = view(&mut admin, &doe, SAM).await;
    assert_eq!(v["status"], "Active");
    assert_eq!(v["changes"], serde_json::json!(["Suspend", "Deactivate"]));
    // What Telegent knows of it, and for staff its eSIM activation as a QR code.
    assert_eq!(v["facts"]["classification"], "MVNO");
    assert_eq!(v["facts"]["sms"], true);
    let activation = v["facts"]["activation"].as_str().unwrap();
    assert!(activation.contains("activate/"), "{activation}");
    assert!(
        v["facts"]["activation_svg"].as_str().unwrap().starts_with("<?xml")
            || v["facts"]["activation_svg"].as_str().unwrap().contains("<svg")
    );
    let page = admin.get(&format!("/accounts/{doe}/lines/18015550102")).await;
    assert!(
        page.body.contains("eSIM activation") && page.body.contains("<svg"),
        "{}",
        page.body
    );

    for (form, field) in [
        (status_form(&doe, SAM, "suspend", "", false), "confirm"),
        (status_form(&doe, SAM, "suspend", "01/02/2020", true), "effective_date"),
        (status_form(&doe, SAM, "suspend", "31/12/2099", true), "effective_date"),
        (status_form(&doe, SAM, "explode", "", true), "change"),
        (status_form(&doe, SAM, "restore", "", true), "change"),
    ] {
        let refused = admin.call("numbers/status", &form).await;
        assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY, "{form}: {refused:?}");
        assert!(refused.body.contains(field), "{field}: {}", refused.body);
    }
    assert_eq!(sandbox_status(&portal, SAM).0, "active", "nothing sent");

    assert!(done(
        &admin
            .call("numbers/status", &status_form(&doe, SAM, "suspend", "", true))
            .await
    ));
    assert_eq!(sandbox_status(&portal, SAM).0, "parked");
    let (status,): (String,) = sqlx::query_as("SELECT status FROM rm_numbers WHERE msisdn = $1")
        .bind(SAM)
        .fetch_one(&portal.state.pool)
        .await
        .unwrap();
    assert_eq!(status, "Parked", "written through");
    assert_eq!(
        view(&mut admin, &doe, SAM).await["changes"],
        serde_json::json!(["Restore", "Deactivate"])
    );
    assert!(done(
        &admin
            .call("numbers/status", &status_form(&doe, SAM, "restore", "", true))
            .await
    ));
    assert_eq!(sandbox_status(&portal, SAM).0, "active");

    // The port-out PIN: checked, then billed once; never in the audit log.
    let key = view(&mut admin, &doe, SAM).await["intent_key"]
        .as_str()
        .unwrap()
        .to_string();
    let port_out = |pin: &str| format!("account_id={doe}&msisdn=%2B18015550102&pin={pin}&intent_key={key}&confirm=on");
    let refused = admin.call("numbers/port-out", &port_out("12")).await;
    assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(refused.body.contains("\"pin\""), "{}", refused.body);
    assert!(!sandbox_status(&portal, SAM).1);
    assert!(done(&admin.call("numbers/port-out", &port_out(PIN)).await));
    assert!(sandbox_status(&portal, SAM).1, "the port-out is in flight");
    // The same form again (a retry, a second click): still one charge.
    let again = admin.call("numbers/port-out", &format!("{}&", port_out(PIN))).await;
    assert!(done(&again), "{again:?}");
    let world = portal.sandbox.as_ref().unwrap().0.snapshot();
    assert_eq!(world.ledger.iter().filter(|e| e.operation == "portout").count(), 1);
    let issued = audit(&portal, "IssuePortOutPin").await;
    assert_eq!(issued.len(), 1);
    assert_eq!(issued[0].0, "succeeded");
    let leaks: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM audit_log WHERE detail LIKE $1 OR target_ids LIKE $1")
        .bind(format!("%{PIN}%"))
        .fetch_one(&portal.state.pool)
        .await
        .unwrap();
    assert_eq!(leaks, 0);
    let v = view(&mut admin, &doe, SAM).await;
    assert!(v["port_out"].is_array(), "{v}");

    // While it is in flight the line is not suspended (the portal says
    // why; nothing is sent).
    let before = portal.sandbox.as_ref().unwrap().0.journal().len();
    let refused = admin
        .call("numbers/status", &status_form(&doe, SAM, "suspend", "", true))
        .await;
    assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(refused.body.contains("port-out"), "{}", refused.body);
    let refused = admin
        .call("numbers/status", &status_form(&doe, SAM, "deactivate", "", true))
        .await;
    assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(refused.body.contains("can't be deactivated"), "{}", refused.body);
    assert_eq!(writes_since(&portal, before), Vec::<String>::new());
    assert_eq!(sandbox_status(&portal, SAM).0, "active");
    let changes: Vec<String> = audit(&portal, "ChangeNumberStatus")
        .await
        .into_iter()
        .map(|(o, _)| o)
        .collect();
    assert_eq!(changes, ["succeeded", "succeeded", "denied", "denied"]);

    // The checklist reads these: the status change (8) and the PIN (8f).
    let page = admin
        .call("onboarding/checklist", &format!("account_id={doe}&distributor_id="))
        .await;
    let page: Value = serde_json::from_str(&page.body).unwrap();
    let state = |n: &str| {
        page["sections"]
            .as_array()
            .unwrap()
            .iter()
            .flat_map(|s| s["steps"].as_array().unwrap())
            .find(|s| s["number"] == n)
            .unwrap()["state"]
            .clone()
    };
    assert_eq!((state("8"), state("8f")), ("Done".into(), "Done".into()));
}

#[tokio::test]
async fn reactivation_runs_thirty_days_after_a_deactivation() {
    let portal = portal().await;
    let mut admin = Browser::signed_in(&portal, ACME_ADMIN).await;
    let doe = account_id(&portal, "Doe Family");
    assert!(done(
        &admin
            .call("numbers/status", &status_form(&doe, LILY, "deactivate", "", true))
            .await
    ));
    assert_eq!(sandbox_status(&portal, LILY).0, "cancelled");
    let v = view(&mut admin, &doe, LILY).await;
    assert_eq!(v["changes"], serde_json::json!([]));
    assert_eq!(v["reactivate_until"][1], false, "{v}");
    assert!(done(
        &admin
            .call("numbers/status", &status_form(&doe, LILY, "reactivate", "", true))
            .await
    ));
    assert_eq!(sandbox_status(&portal, LILY).0, "active");

    // Cancelled 31 days ago: refused with the day it lapsed, nothing sent.
    assert!(done(
        &admin
            .call("numbers/status", &status_form(&doe, LILY, "deactivate", "", true))
            .await
    ));
    let long_ago = (chrono::Utc::now() - chrono::Duration::days(31)).date_naive();
    sqlx::query("UPDATE number_cancellations SET effective_on = $1 WHERE msisdn = $2")
        .bind(long_ago.format("%Y-%m-%d").to_string())
        .bind(LILY)
        .execute(&portal.state.pool)
        .await
        .unwrap();
    let before = portal.sandbox.as_ref().unwrap().0.journal().len();
    let refused = admin
        .call("numbers/status", &status_form(&doe, LILY, "reactivate", "", true))
        .await;
    assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);
    let lapsed = (long_ago + chrono::Duration::days(30)).format("%b %-d, %Y").to_string();
    assert!(refused.body.contains(&format!("ended on {lapsed}")), "{}", refused.body);
    assert_eq!(writes_since(&portal, before), Vec::<String>::new());
    assert_eq!(sandbox_status(&portal, LILY).0, "cancelled");
    let outcomes: Vec<String> = audit(&portal, "ReactivateNumber")
        .await
        .into_iter()
        .map(|(o, _)| o)
        .collect();
    assert_eq!(outcomes, ["succeeded", "denied"]);
}

#[tokio::test]
async fn only_distributor_staff_change_a_line_and_a_foreign_line_is_missing() {
    let portal = portal().await;
    let doe = account_id(&portal, "Doe Family");
    let suspend = status_form(&doe, SAM, "suspend", "", true);
    let mut viewer = Browser::signed_in(&portal, "reviewer@acme.example").await;
    let v = view(&mut viewer, &doe, SAM).await;
    assert_eq!(
        (v["can_change"].clone(), v["can_port_out"].clone()),
        (false.into(), false.into())
    );
    assert_eq!(
        viewer.call("numbers/status", &suspend).await.status,
        StatusCode::FORBIDDEN
    );
    assert_eq!(
        v["facts"]["activation"], "",
        "the eSIM code is the provisioning staff's"
    );
    let mut jane = Browser::signed_in(&portal, "jane.doe@example.com").await;
    let v = view(&mut jane, &doe, SAM).await;
    assert_eq!(v["can_change"], false);
    assert_eq!(
        (v["facts"]["activation"].as_str(), v["facts"]["activation_svg"].as_str()),
        (Some(""), Some(""))
    );
    assert_eq!(
        jane.call("numbers/status", &suspend).await.status,
        StatusCode::FORBIDDEN
    );
    let mut globex = Browser::signed_in(&portal, "admin@globex.example").await;
    let foreign = globex
        .call(
            "numbers/status-view",
            &format!("account_id={doe}&msisdn=%2B18015550102"),
        )
        .await;
    assert_eq!(foreign.status, StatusCode::NOT_FOUND);
    assert_eq!(
        globex.call("numbers/status", &suspend).await.status,
        StatusCode::NOT_FOUND
    );
    // Another Account's line through one's own Account is missing too.
    let mut admin = Browser::signed_in(&portal, ACME_ADMIN).await;
    let bakery = account_id(&portal, "Bright Bakery LLC");
    let through = admin
        .call("numbers/status", &status_form(&bakery, SAM, "suspend", "", true))
        .await;
    assert_eq!(through.status, StatusCode::NOT_FOUND);
    assert_eq!(sandbox_status(&portal, SAM).0, "active");
}

#[tokio::test]
async fn a_lines_page_shows_its_device_plan_orders_and_audit_trail() {
    let portal = portal_with(|c| c.sandbox_rate_limit_per_minute = None).await;
    let mut admin = Browser::signed_in(&portal, ACME_ADMIN).await;
    let doe = account_id(&portal, "Doe Family");
    let history = |answer: crate::common::Answer| -> Value {
        assert_eq!(answer.status, StatusCode::OK, "{}", answer.body);
        serde_json::from_str(&answer.body).unwrap()
    };
    let form = format!("account_id={doe}&msisdn={}", LILY.replace('+', "%2B"));
    let before = history(admin.call("numbers/history", &form).await);
    // The device as the network saw it (the sandbox's phone for an MVNO line).
    assert_eq!(before["device"]["model"], "Google");
    assert!(before["device"]["imei"].as_str().unwrap().starts_with("35"), "{before}");
    // A seeded line's first order is not known; nothing is open.
    assert!(before["orders"].as_array().unwrap().is_empty(), "{before}");
    assert_eq!(before["can_see_audit"], true);
    assert!(before["audit"].as_array().unwrap().is_empty(), "{before}");

    assert!(done(
        &admin
            .call("numbers/status", &status_form(&doe, LILY, "suspend", "", true))
            .await
    ));
    let after = history(admin.call("numbers/history", &form).await);
    let trail = after["audit"].as_array().unwrap();
    assert_eq!(trail.len(), 1, "{after}");
    assert_eq!(
        (trail[0]["action"].as_str(), trail[0]["outcome"].as_str()),
        (Some("ChangeNumberStatus"), Some("succeeded"))
    );
    assert_eq!(trail[0]["who"], ACME_ADMIN);
    // A port-out issued now shows as an open order of the line.
    let pin = format!(
        "account_id={doe}&msisdn={}&pin=112358&intent_key=history-test-0000000001&confirm=on",
        LILY.replace('+', "%2B")
    );
    assert!(done(&admin.call("numbers/port-out", &pin).await));
    let later = history(admin.call("numbers/history", &form).await);
    let orders = later["orders"].as_array().unwrap();
    assert_eq!(orders.len(), 1, "{later}");
    assert!(
        orders[0][0].as_str().unwrap().starts_with("JNUOID-") && orders[0][1] == "Port-out",
        "{later}"
    );

    // The Account's Manager sees it too; a Subscriber has no line pages; a
    // line of another Account is missing.
    let mut jane = Browser::signed_in(&portal, "jane.doe@example.com").await;
    assert_eq!(
        history(jane.call("numbers/history", &form).await)["audit"]
            .as_array()
            .unwrap()
            .len(),
        2
    );
    let mut sam = Browser::signed_in(&portal, "sam.doe@example.com").await;
    assert_eq!(sam.call("numbers/history", &form).await.status, StatusCode::FORBIDDEN);
    let other = admin
        .call("numbers/history", &format!("account_id={doe}&msisdn=%2B13855550111"))
        .await;
    assert_eq!(other.status, StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn a_new_number_for_a_line_keeps_its_sim_releases_the_old_one_and_alerts_the_manager() {
    let portal = portal_with(|c| c.sandbox_rate_limit_per_minute = None).await;
    let mut admin = Browser::signed_in(&portal, ACME_ADMIN).await;
    let doe = account_id(&portal, "Doe Family");
    // The read model filled first, so the new number must come by write-through.
    let listed = admin
        .call("onboarding/checklist", &format!("account_id={doe}&distributor_id="))
        .await;
    assert_eq!(listed.status, StatusCode::OK);
    let sim_before = {
        let world = portal.sandbox.as_ref().unwrap().0.snapshot();
        world.numbers.values().find(|n| n.msisdn == LILY).unwrap().iccid.clone()
    };
    let form = |kind: &str, area: &str, confirm: bool| {
        format!(
            "account_id={doe}&msisdn={}&kind={kind}&area_code={area}{}",
            LILY.replace('+', "%2B"),
            if confirm { "&confirm=on" } else { "" }
        )
    };
    let unconfirmed = admin.call("numbers/renumber", &form("swap", "", false)).await;
    assert_eq!(unconfirmed.status, StatusCode::UNPROCESSABLE_ENTITY);
    let no_area = admin.call("numbers/renumber", &form("replace", "", true)).await;
    assert_eq!(no_area.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(no_area.body.contains("area_code"), "{}", no_area.body);
    assert!(sandbox_status(&portal, LILY).0 == "active", "nothing changed");

    let swapped = admin.call("numbers/renumber", &form("replace", "385", true)).await;
    assert!(done(&swapped), "{swapped:?}");
    let world = portal.sandbox.as_ref().unwrap().0.snapshot();
    assert!(
        !world.numbers.values().any(|n| n.msisdn == LILY),
        "the old number is released"
    );
    let line = world
        .numbers
        .values()
        .find(|n| n.iccid == sim_before)
        .expect("the SIM stays with the line");
    assert!(line.msisdn.starts_with("+1385"), "{}", line.msisdn);
    let (moved,): (i64,) = sqlx::query_as("SELECT COUNT(*) FROM rm_numbers WHERE msisdn = $1")
        .bind(&line.msisdn)
        .fetch_one(&portal.state.pool)
        .await
        .unwrap();
    assert_eq!(moved, 1, "the inventory shows the new number at once");
    let rows = audit(&portal, "ReplaceNumber").await;
    assert_eq!(rows.len(), 1);
    assert_eq!(rows[0].0, "succeeded");
    assert!(rows[0].1.contains(&line.msisdn), "{rows:?}");
    let (alerts,): (i64,) = sqlx::query_as(
        "SELECT COUNT(*) FROM notifications n JOIN users u ON u.id = n.user_id \
         WHERE u.email = 'jane.doe@example.com' AND n.kind = 'Takeover' AND n.title LIKE '%number was replaced%'",
    )
    .fetch_one(&portal.state.pool)
    .await
    .unwrap();
    assert_eq!(alerts, 1, "the Manager is told at once");
    // Pressed again: the old number is no longer the Account's; nothing more happens.
    let again = admin
        .call("numbers/renumber", &format!("{}&again=1", form("replace", "385", true)))
        .await;
    assert_eq!(again.status, StatusCode::NOT_FOUND);
    assert_eq!(audit(&portal, "ReplaceNumber").await.len(), 1);
}

#[tokio::test]
async fn a_line_update_changes_what_it_does_and_its_routes_and_refuses_a_voice_line_without_a_voice_route() {
    let portal = portal_with(|c| c.sandbox_rate_limit_per_minute = None).await;
    let mut admin = Browser::signed_in(&portal, ACME_ADMIN).await;
    let bakery = account_id(&portal, "Bright Bakery LLC");
    let sensor = "+13855550112";
    let choices = admin
        .call("numbers/update-choices", &format!("account_id={bakery}"))
        .await;
    assert_eq!(choices.status, StatusCode::OK, "{}", choices.body);
    let choices: Value = serde_json::from_str(&choices.body).unwrap();
    let route = choices["routes"][0][0].as_str().unwrap().to_string();
    let form = |product: &str, voice_route: &str, iccid: &str| {
        format!(
            "account_id={bakery}&msisdn={}&product_type={}&message_route={route}&voice_route={voice_route}&iccid={iccid}",
            sensor.replace('+', "%2B"),
            crate::common::urlencode(product)
        )
    };
    let before = portal.sandbox.as_ref().unwrap().0.journal().len();
    let refused = admin.call("numbers/update-line", &form("Sms+Data+Voice", "", "")).await;
    assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", refused.body);
    assert!(refused.body.contains("voice_route"), "{}", refused.body);
    assert!(writes_since(&portal, before).is_empty(), "nothing sent");
    let updated = admin.call("numbers/update-line", &form("Sms-Only", "", "")).await;
    assert!(done(&updated), "{updated:?}");
    let world = portal.sandbox.as_ref().unwrap().0.snapshot();
    let n = world.numbers.values().find(|n| n.msisdn == sensor).unwrap();
    assert_eq!(n.product_type, "Sms-Only");
    let rows = audit(&portal, "UpdateLine").await;
    assert_eq!(rows, [("succeeded".to_string(), "product type".to_string())]);
    // The same again: nothing changed, nothing sent.
    let same = admin
        .call("numbers/update-line", &format!("{}&again=1", form("Sms-Only", "", "")))
        .await;
    assert_eq!(
        same.status,
        StatusCode::UNPROCESSABLE_ENTITY,
        "{same:?} {:?}",
        audit(&portal, "UpdateLine").await
    );
    // A line with a SIM is not moved to another by an update.
    let other_sim = admin
        .call("numbers/update-line", &form("Sms-Only", "", "8901000000000000099"))
        .await;
    assert_eq!(other_sim.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(other_sim.body.contains("SIM swap"), "{}", other_sim.body);
}
