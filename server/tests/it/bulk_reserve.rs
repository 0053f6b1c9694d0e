//! Bulk reservations (issue 17): N numbers in one area for an Account, one
//! billed order each. A run stopped halfway (a restart, a refusal) says
//! what was and was not ordered; resuming orders only the missing ones,
//! and a "do it, then fail" fault on the way leaves exactly one entry per
//! number in the sandbox's ledger.

use std::time::Duration;

use axum::http::StatusCode;
use telegent::ops::numbers::ProvisionRequest;
use telegent_app::policy::Role;
use telegent_app::provisioning::bulk;
use telegent_app::provisioning::bulk_model::BulkView;
use telegent_app::ssr::{Caller, Tenant};
use telegent_portal::Portal;
use telegent_sandbox::faults::FaultRule;
use telegent_sandbox::seed::ACME_KEY;

use crate::common::{account_id, portal_with, Browser, ACME_ADMIN};

fn provisions(portal: &Portal) -> usize {
    let world = portal.sandbox.as_ref().unwrap().0.snapshot();
    world.ledger.iter().filter(|e| e.operation == "provision").count()
}

async fn view(browser: &mut Browser, form: &str) -> BulkView {
    let answer = browser.call("numbers/bulk", form).await;
    assert_eq!(answer.status, StatusCode::OK, "{form}: {}", answer.body);
    serde_json::from_str(&answer.body).unwrap_or_else(|e| panic!("{e}: {}", answer.body))
}

/// The run's page once its runner is done.
async fn settled(browser: &mut Browser, run_id: &str) -> telegent_app::provisioning::bulk_model::BulkRun {
    for _ in 0..100 {
        let run = view(browser, &format!("run={run_id}")).await.run.unwrap();
        if !run.running {
            return run;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    panic!("the run did not stop");
}

fn acme_admin(portal: &Portal) -> (Tenant, Caller) {
    let tenant = Tenant {
        distributor_id: ACME_KEY.into(),
        client: portal.state.upstreams.get(ACME_KEY).expect("Acme client"),
    };
    let caller = Caller {
        user_id: 2,
        email: ACME_ADMIN.into(),
        display_name: "Acme admin".into(),
        role: Role::DistributorAdmin,
        real_role: Role::DistributorAdmin,
        distributor_id: Some(ACME_KEY.into()),
        account_id: None,
        subscriber_id: None,
        must_change_password: false,
        view_as: None,
        request_id: None,
        client_address: None,
    };
    (tenant, caller)
}

#[tokio::test]
async fn a_run_stopped_halfway_is_resumed_and_orders_each_number_once() {
    let portal = portal_with(|c| c.sandbox_rate_limit_per_minute = None).await;
    let sandbox = &portal.sandbox.as_ref().unwrap().0;
    let mut admin = Browser::signed_in(&portal, ACME_ADMIN).await;
    let bakery = account_id(&portal, "Bright Bakery LLC");
    let form = view(&mut admin, &format!("account={bakery}")).await;
    let route = form.routes.first().expect("a message route").0.clone();
    assert!(form.key.len() >= 32);

    // Refused at the fields: nothing is written, nothing ordered.
    let refused = admin
        .call(
            "numbers/bulk-start",
            &format!(
                "account={bakery}&key={}&kind=iot&message=a2p&product=Data-Only&area=80&count=0&route={route}",
                form.key
            ),
        )
        .await;
    assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", refused.body);
    for field in ["\"message\"", "\"area\"", "\"count\"", "\"confirm\""] {
        assert!(refused.body.contains(field), "{field}: {}", refused.body);
    }
    let (runs,): (i64,) = sqlx::query_as("SELECT COUNT(*) FROM bulk_runs")
        .fetch_one(&portal.state.pool)
        .await
        .unwrap();
    assert_eq!(runs, 0);

    // A run of four that stops after two (as a restart would leave it).
    let (tenant, caller) = acme_admin(&portal);
    let request = ProvisionRequest {
        number_type: "iot".into(),
        message_type: "p2p".into(),
        data_enabled: Some(true),
        message_route_id: Some(route.clone()),
        area_code: Some("385".into()),
        product_type: "Data-Only".into(),
        account_id: Some(bakery.clone()),
        ..ProvisionRequest::default()
    };
    let run_id = "BULK-test0000000000001";
    bulk::create(&portal.state.pool, &tenant, &caller, run_id, &bakery, 4, &request)
        .await
        .unwrap();
    let before = provisions(&portal);
    let now = bulk::run(&portal.state, &tenant, &caller, run_id, Some(2))
        .await
        .unwrap();
    assert_eq!((now, provisions(&portal)), (2, before + 2));
    let half = settled(&mut admin, run_id).await;
    let states: Vec<&str> = half.items.iter().map(|i| i.state.as_str()).collect();
    assert_eq!(states, ["ordered", "ordered", "waiting", "waiting"]);
    assert!(half.can_resume);

    // Resumed while Telegent refuses one order: it stops there and says why.
    sandbox.add_fault(FaultRule {
        path_prefix: "/v1.0/numbers/provision".into(),
        status: Some(503),
        remaining: Some(1),
        ..Default::default()
    });
    let resume = format!("account={bakery}&resume={run_id}");
    let answer = admin.call("numbers/bulk-start", &resume).await;
    assert!(
        answer.status.is_success() || answer.status.is_redirection(),
        "{answer:?}"
    );
    let stopped = settled(&mut admin, run_id).await;
    let states: Vec<&str> = stopped.items.iter().map(|i| i.state.as_str()).collect();
    assert_eq!(states, ["ordered", "ordered", "failed", "waiting"], "{stopped:?}");
    assert!(!stopped.items[2].problem.is_empty());
    assert_eq!(provisions(&portal), before + 2);

    // Resumed again with "do it, then fail": the unconfirmed order is
    // reconciled, not sent twice.
    sandbox.add_fault(FaultRule {
        path_prefix: "/v1.0/numbers/provision".into(),
        drop_connection: true,
        after_effect: true,
        remaining: Some(1),
        ..Default::default()
    });
    let answer = admin
        .call("numbers/bulk-start", &format!("{resume}&distributor="))
        .await;
    assert!(
        answer.status.is_success() || answer.status.is_redirection(),
        "{answer:?}"
    );
    let done = settled(&mut admin, run_id).await;
    assert!(done.items.iter().all(|i| i.state == "ordered"), "{done:?}");
    assert!(!done.can_resume);
    assert_eq!(provisions(&portal), before + 4, "one order per number");
    let mut numbers: Vec<&str> = done.items.iter().map(|i| i.msisdn.as_str()).collect();
    numbers.sort_unstable();
    numbers.dedup();
    assert_eq!(numbers.len(), 4, "{numbers:?}");
    // Nothing left to order: resuming orders nothing.
    admin.call("numbers/bulk-start", &format!("{resume}&key=")).await;
    settled(&mut admin, run_id).await;
    assert_eq!(provisions(&portal), before + 4);
    // The reserved numbers are orphans of the Account, in the inventory at once.
    let orphans = admin
        .call("numbers/inventory", &format!("page=1&account={bakery}&holder=none"))
        .await;
    for n in &numbers {
        assert!(orphans.body.contains(n), "{n}: {}", orphans.body);
    }

    // Another Distributor's admin: the run is as missing as a made-up one.
    let mut globex = Browser::signed_in(&portal, "admin@globex.example").await;
    let theirs = globex.call("numbers/bulk", &format!("run={run_id}")).await;
    let made_up = globex.call("numbers/bulk", "run=BULK-nope").await;
    assert_eq!(theirs.status, StatusCode::NOT_FOUND);
    assert_eq!((theirs.status, theirs.body), (made_up.status, made_up.body));
}

#[tokio::test]
async fn a_started_run_orders_every_number_and_a_second_click_starts_nothing() {
    let portal = portal_with(|c| c.sandbox_rate_limit_per_minute = None).await;
    let mut admin = Browser::signed_in(&portal, ACME_ADMIN).await;
    let doe = account_id(&portal, "Doe Family");
    let form = view(&mut admin, &format!("account={doe}")).await;
    let route = form.routes.first().unwrap().0.clone();
    let start = format!(
        "account={doe}&key={}&kind=mvno&message=p2p&product=Sms%2BData&area=801&count=3&route={route}&confirm=on",
        form.key
    );
    let first = admin.call("numbers/bulk-start", &start).await;
    let run_id = first
        .location()
        .expect("to the run's page")
        .split("run=")
        .nth(1)
        .unwrap()
        .to_string();
    let second = admin.call("numbers/bulk-start", &format!("{start}&voice_route=")).await;
    assert_eq!(second.location(), first.location());
    let run = settled(&mut admin, &run_id).await;
    assert_eq!(run.ordered(), 3, "{run:?}");
    let (runs,): (i64,) = sqlx::query_as("SELECT COUNT(*) FROM bulk_runs")
        .fetch_one(&portal.state.pool)
        .await
        .unwrap();
    assert_eq!(runs, 1);
    assert_eq!(provisions(&portal), 3);
    let audited: Vec<(String, String)> = sqlx::query_as(
        "SELECT outcome, detail FROM audit_log WHERE action = 'ReserveNumbers' AND outcome <> 'pending'",
    )
    .fetch_all(&portal.state.pool)
    .await
    .unwrap();
    assert_eq!(audited.len(), 1, "{audited:?}");
    assert!(
        audited[0].0 == "succeeded" && audited[0].1.starts_with("ordered 3"),
        "{audited:?}"
    );
}
