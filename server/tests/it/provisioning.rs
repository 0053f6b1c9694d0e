//! The provisioning wizard (issue 17): each step refuses what the platform
//! would, at its field, before anything is ordered; the review's order is
//! billed once whatever the repeats; a pending order is followed until it
//! completes; the result shows the number, its NID and the eSIM QR code;
//! another Distributor's Account or order reads as missing.

use axum::http::StatusCode;
use telegent_app::provisioning::model::WizardView;
use telegent_portal::Portal;

use crate::common::{account_id, portal_with, Browser, ACME_ADMIN};

fn provisions(portal: &Portal) -> usize {
    let world = portal.sandbox.as_ref().unwrap().0.snapshot();
    world.ledger.iter().filter(|e| e.operation == "provision").count()
}

async fn step(browser: &mut Browser, form: &str) -> WizardView {
    let answer = browser.call("numbers/wizard", form).await;
    assert_eq!(answer.status, StatusCode::OK, "{form}: {}", answer.body);
    serde_json::from_str(&answer.body).unwrap_or_else(|e| panic!("{e}: {}", answer.body))
}

fn error<'v>(view: &'v WizardView, field: &str) -> Option<&'v str> {
    view.errors.iter().find(|(f, _)| f == field).map(|(_, m)| m.as_str())
}

const MVNO: &str = "kind=mvno&message=p2p&sms=on&data=on&voice=on";

#[tokio::test]
async fn each_step_refuses_at_its_field_and_the_review_orders_once() {
    let portal = portal_with(|c| c.sandbox_rate_limit_per_minute = None).await;
    let mut admin = Browser::signed_in(&portal, ACME_ADMIN).await;
    let doe = account_id(&portal, "Doe Family");

    // Step 1: what the platform refuses is refused here, with the reason.
    let iot_a2p = step(&mut admin, "step=2&kind=iot&message=a2p&data=on").await;
    assert_eq!(iot_a2p.step, 1);
    assert!(
        error(&iot_a2p, "message").unwrap().contains("p2p"),
        "{:?}",
        iot_a2p.errors
    );
    let voice_alone = step(&mut admin, "step=2&kind=mvno&message=p2p&sms=on&voice=on").await;
    assert_eq!(voice_alone.step, 1);
    assert!(error(&voice_alone, "sms")
        .unwrap()
        .contains("Voice comes only with SMS and data"));
    let fine = step(&mut admin, &format!("step=2&{MVNO}")).await;
    assert_eq!((fine.step, fine.product_type.as_str()), (2, "Sms+Data+Voice"));

    // Step 2: the area search, and no step 3 without an area.
    let bad_near = step(&mut admin, &format!("step=2&{MVNO}&near=80")).await;
    assert!(error(&bad_near, "near").is_some());
    let found = step(&mut admin, &format!("step=2&{MVNO}&near=801")).await;
    assert!(
        !found.areas.is_empty() && found.areas.iter().all(|a| a.area_code == "801"),
        "{:?}",
        found.areas
    );
    let pick = found.areas[0].pick().replace('|', "%7C");
    let no_pick = step(&mut admin, &format!("step=3&{MVNO}&near=801")).await;
    assert_eq!(no_pick.step, 2);
    assert!(error(&no_pick, "pick").is_some());

    // Step 3: the caller's Accounts only; another Distributor's is missing.
    let who = step(&mut admin, &format!("step=3&{MVNO}&pick={pick}")).await;
    assert_eq!(who.step, 3);
    let names: Vec<&str> = who.accounts.iter().map(|(_, n)| n.as_str()).collect();
    assert_eq!(names, ["Bright Bakery LLC", "Doe Family"]);
    let smith = account_id(&portal, "Smith Family");
    let foreign = admin
        .call("numbers/wizard", &format!("step=3&{MVNO}&pick={pick}&account={smith}"))
        .await;
    let missing = admin
        .call("numbers/wizard", &format!("step=3&{MVNO}&pick={pick}&account=AID-nope"))
        .await;
    assert_eq!(foreign.status, StatusCode::NOT_FOUND);
    assert_eq!((foreign.status, foreign.body), (missing.status, missing.body));
    let at_doe = step(&mut admin, &format!("step=3&{MVNO}&pick={pick}&account={doe}")).await;
    assert!(
        at_doe.people.iter().any(|(_, n)| n == "Jane Doe"),
        "{:?}",
        at_doe.people
    );
    let route = at_doe.routes.first().expect("Doe Family has a message route").0.clone();
    let voice_route = at_doe.voice_routes.first().expect("and a voice route").0.clone();
    let jane = at_doe.people.iter().find(|(_, n)| n == "Jane Doe").unwrap().0.clone();

    // An orphan needs the explicit choice; voice needs its route.
    let base = format!("{MVNO}&pick={pick}&account={doe}&route={route}");
    let orphan = step(
        &mut admin,
        &format!("step=4&{base}&holder=none&voice_route={voice_route}"),
    )
    .await;
    assert_eq!(orphan.step, 3);
    assert!(error(&orphan, "orphan_ok").is_some(), "{:?}", orphan.errors);
    let no_voice_route = step(&mut admin, &format!("step=4&{base}&holder={jane}")).await;
    assert!(error(&no_voice_route, "voice_route").is_some());
    let bad_iccid = step(
        &mut admin,
        &format!("step=4&{base}&holder={jane}&voice_route={voice_route}&iccid=12"),
    )
    .await;
    assert!(error(&bad_iccid, "iccid").is_some());
    let review = step(
        &mut admin,
        &format!("step=4&{base}&holder={jane}&voice_route={voice_route}"),
    )
    .await;
    assert_eq!(review.step, 4, "{:?}", review.errors);
    assert!(review.intent_key.len() >= 32);

    // Not confirmed: nothing ordered. Confirmed: one order, however often sent.
    let before = provisions(&portal);
    let order = format!(
        "{base}&holder={jane}&voice_route={voice_route}&intent_key={}",
        review.intent_key
    );
    let unconfirmed = admin.call("numbers/provision", &order).await;
    assert_eq!(
        unconfirmed.status,
        StatusCode::UNPROCESSABLE_ENTITY,
        "{}",
        unconfirmed.body
    );
    assert!(unconfirmed.body.contains("confirm"), "{}", unconfirmed.body);
    assert_eq!(provisions(&portal), before);
    let sent = admin.call("numbers/provision", &format!("{order}&confirm=on")).await;
    assert!(sent.status.is_success() || sent.status.is_redirection(), "{sent:?}");
    // A second click a moment later (a body that differs, so not a replay).
    let again = admin
        .call("numbers/provision", &format!("{order}&confirm=on&iccid="))
        .await;
    assert!(again.status.is_success() || again.status.is_redirection(), "{again:?}");
    assert_eq!(provisions(&portal), before + 1, "one order for one intent");
    let audited: Vec<(String, String)> = sqlx::query_as(
        "SELECT outcome, detail FROM audit_log WHERE action = 'ProvisionNumber' AND outcome <> 'pending'",
    )
    .fetch_all(&portal.state.pool)
    .await
    .unwrap();
    assert_eq!(audited.len(), 1, "{audited:?}");
    assert!(
        audited[0].0 == "succeeded" && audited[0].1.contains("JNUOID-"),
        "{audited:?}"
    );

    // The result: the number, its NID, the eSIM QR code; listed at once.
    let result = step(
        &mut admin,
        &format!("step=5&account={doe}&intent={}", review.intent_key),
    )
    .await;
    let r = result.result.expect("a result");
    assert!(
        !r.pending && r.msisdn.starts_with("+1801") && r.number_id.starts_with("NID-"),
        "{r:?}"
    );
    assert!(
        r.activation.starts_with("LPA:1$") && r.activation_svg.contains("<svg"),
        "{r:?}"
    );
    let world = portal.sandbox.as_ref().unwrap().0.snapshot();
    let n = world.numbers.values().find(|n| n.msisdn == r.msisdn).unwrap();
    assert_eq!(
        (n.account_id.as_str(), n.subscriber_id.as_deref()),
        (doe.as_str(), Some(jane.as_str()))
    );
    assert_eq!(
        (n.product_type.as_str(), n.voice_route_id.as_deref()),
        ("Sms+Data+Voice", Some(voice_route.as_str()))
    );
    let listed = admin
        .call(
            "numbers/inventory",
            &format!("page=1&search={}", r.msisdn.trim_start_matches('+')),
        )
        .await;
    assert!(
        listed.body.contains(&r.msisdn) && listed.body.contains("Jane Doe"),
        "{}",
        listed.body
    );
    // Another Distributor's admin with the same key: nothing to see.
    let mut globex = Browser::signed_in(&portal, "admin@globex.example").await;
    let theirs = globex
        .call(
            "numbers/wizard",
            &format!("step=5&account={doe}&intent={}", review.intent_key),
        )
        .await;
    assert_eq!(theirs.status, StatusCode::NOT_FOUND);
    // A viewer cannot open the wizard.
    let mut reviewer = Browser::signed_in(&portal, "reviewer@acme.example").await;
    assert_eq!(
        reviewer.call("numbers/wizard", "step=1").await.status,
        StatusCode::FORBIDDEN
    );
}

#[tokio::test]
async fn a_pending_order_is_followed_until_complete_and_someone_new_gets_the_line() {
    let portal = portal_with(|c| c.sandbox_rate_limit_per_minute = None).await;
    let mut admin = Browser::signed_in(&portal, ACME_ADMIN).await;
    let bakery = account_id(&portal, "Bright Bakery LLC");
    let at = step(
        &mut admin,
        &format!("step=3&kind=iot&message=p2p&data=on&pick=999%7C&account={bakery}"),
    )
    .await;
    let route = at.routes.first().expect("a message route").0.clone();
    let base = format!(
        "kind=iot&message=p2p&data=on&pick=999%7C&account={bakery}&route={route}&holder=new&new_name=Oven%20Sensor&new_email=oven%40brightbakery.example"
    );
    let review = step(&mut admin, &format!("step=4&{base}")).await;
    assert_eq!(review.step, 4, "{:?}", review.errors);
    let sent = admin
        .call(
            "numbers/provision",
            &format!("{base}&intent_key={}&confirm=on", review.intent_key),
        )
        .await;
    assert!(sent.status.is_success() || sent.status.is_redirection(), "{sent:?}");
    let result_form = format!("step=5&account={bakery}&intent={}", review.intent_key);
    let pending = step(&mut admin, &result_form).await.result.unwrap();
    assert!(pending.pending, "{pending:?}");
    let page = admin.get(&format!("/numbers/new?{result_form}")).await;
    assert!(
        page.body.contains("http-equiv=\"refresh\"") && page.body.contains("<progress"),
        "{}",
        page.body
    );
    // The new person holds the line.
    let world = portal.sandbox.as_ref().unwrap().0.snapshot();
    let n = world.numbers.values().find(|n| n.msisdn == pending.msisdn).unwrap();
    let holder = world.subscribers.get(n.subscriber_id.as_deref().unwrap()).unwrap();
    assert_eq!(
        (holder.name.as_str(), holder.account_id.as_str()),
        ("Oven Sensor", bakery.as_str())
    );

    portal.sandbox.as_ref().unwrap().0.advance_clock(3);
    portal.state.clock.advance(std::time::Duration::from_secs(180));
    let done = step(&mut admin, &result_form).await.result.unwrap();
    assert!(!done.pending && done.status.starts_with("Complete"), "{done:?}");
    assert_eq!(provisions(&portal), 1);
}
