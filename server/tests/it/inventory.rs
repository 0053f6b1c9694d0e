//! The numbers inventory (issue 17): every line of the caller's reach from
//! the read model, filtered on each column, paged and exported as the page
//! shows it; orphans flagged and given to a person in one step; another
//! Distributor's or Account's lines never listed, counted or assignable.

use axum::http::StatusCode;
use telegent_app::inventory::model::InventoryPage;

use crate::common::{account_id, portal, subscriber_id, Browser, ACME_ADMIN};

const SPARE: &str = "+13855550114";

async fn inventory(browser: &mut Browser, form: &str) -> InventoryPage {
    let answer = browser.call("numbers/inventory", form).await;
    assert_eq!(answer.status, StatusCode::OK, "{form}: {}", answer.body);
    serde_json::from_str(&answer.body).unwrap_or_else(|e| panic!("{e}: {}", answer.body))
}

fn numbers(page: &InventoryPage) -> Vec<&str> {
    page.rows.iter().map(|r| r.msisdn.as_str()).collect()
}

#[tokio::test]
async fn lines_are_listed_filtered_and_exported_within_the_callers_reach() {
    let portal = portal().await;
    let mut admin = Browser::signed_in(&portal, ACME_ADMIN).await;
    let all = inventory(&mut admin, "page=1").await;
    // Acme's two Accounts only: Globex's Texas numbers are not here.
    assert!(
        all.rows.iter().all(|r| !r.msisdn.starts_with("+1512")),
        "{:?}",
        numbers(&all)
    );
    assert_eq!(all.total as usize, all.rows.len());
    assert!(numbers(&all).contains(&"+18015550101") && numbers(&all).contains(&SPARE));
    let mut sorted = numbers(&all);
    sorted.sort_unstable();
    assert_eq!(numbers(&all), sorted, "ordered by number");
    let spare = all.rows.iter().find(|r| r.msisdn == SPARE).unwrap();
    assert_eq!(
        (spare.classification.as_str(), spare.capabilities.clone()),
        ("iot", vec!["data".to_string()])
    );
    assert!(
        spare.is_orphan() && spare.account_name == "Bright Bakery LLC",
        "{spare:?}"
    );
    let doe_line = all.rows.iter().find(|r| r.msisdn == "+18015550101").unwrap();
    assert_eq!(doe_line.classification, "mvno");
    assert!(
        !doe_line.subscriber_name.is_empty() && !doe_line.message_route_id.is_empty(),
        "{doe_line:?}"
    );

    // Each filter narrows to rows that have what it asks.
    let iot = inventory(&mut admin, "page=1&kind=iot").await;
    assert!(!iot.rows.is_empty() && iot.total < all.total);
    assert!(iot.rows.iter().all(|r| r.classification == "iot"));
    let voice = inventory(&mut admin, "page=1&capability=voice").await;
    assert!(!voice.rows.is_empty() && voice.rows.iter().all(|r| r.capabilities.contains(&"voice".to_string())));
    assert!(
        voice.rows.iter().all(|r| r.classification != "iot"),
        "IoT lines are data-only here"
    );
    let data_only = inventory(&mut admin, "page=1&product=Data-Only").await;
    assert_eq!(data_only.total, iot.total, "{:?}", numbers(&data_only));
    let orphans = inventory(&mut admin, "page=1&holder=none").await;
    assert_eq!(numbers(&orphans), ["+13855550114", "+13855550115"]);
    assert_eq!((orphans.orphans, all.orphans), (2, 2));
    let held = inventory(&mut admin, "page=1&holder=some").await;
    assert_eq!(held.total + orphans.total, all.total);
    let active = inventory(&mut admin, "page=1&status=active").await;
    assert_eq!(active.total, all.total, "every seeded line is active");
    assert_eq!(inventory(&mut admin, "page=1&status=parked").await.total, 0);
    let found = inventory(&mut admin, "page=1&search=385%20555%200112").await;
    assert_eq!(numbers(&found), ["+13855550112"]);
    let sorted_by_account = inventory(&mut admin, "page=1&sort=-account").await;
    assert_eq!(sorted_by_account.rows[0].account_name, "Doe Family");
    // One Account's lines, by the account filter.
    let bakery = account_id(&portal, "Bright Bakery LLC");
    let only = inventory(&mut admin, &format!("page=1&account={bakery}")).await;
    assert!(only.rows.iter().all(|r| r.account_id == bakery) && !only.rows.is_empty());
    assert_eq!(only.account.as_ref().map(|a| a.1.as_str()), Some("Bright Bakery LLC"));

    // A forged filter is a 400; another Distributor's Account is as missing as a made-up one.
    let forged = admin.call("numbers/inventory", "page=1&kind=voip").await;
    assert_eq!(forged.status, StatusCode::BAD_REQUEST, "{}", forged.body);
    let smith = account_id(&portal, "Smith Family");
    let foreign = admin
        .call("numbers/inventory", &format!("page=1&account={smith}"))
        .await;
    let missing = admin.call("numbers/inventory", "page=1&account=AID-nope").await;
    assert_eq!(foreign.status, StatusCode::NOT_FOUND);
    assert_eq!((foreign.status, foreign.body), (missing.status, missing.body));

    // The CSV is the page's selection, every page (a leading + is defused
    // like any spreadsheet formula).
    let csv = admin.get("/numbers.csv?holder=none").await;
    assert_eq!(csv.status, StatusCode::OK);
    let lines: Vec<&str> = csv.body.lines().collect();
    assert!(
        lines[0].starts_with("msisdn,number_id,type,capabilities,product_type,status"),
        "{}",
        lines[0]
    );
    assert_eq!(lines.len(), 3, "{}", csv.body);
    assert!(
        lines[1].starts_with("'+13855550114,") && lines[1].contains(",IoT,data,Data-Only,"),
        "{}",
        lines[1]
    );
    assert_eq!(
        admin.get("/numbers.csv").await.body.lines().count() as u32,
        all.total + 1
    );
    assert_eq!(
        admin.get("/numbers.csv?status=gone").await.status,
        StatusCode::BAD_REQUEST
    );
    let mut nobody = Browser::new(&portal);
    assert_eq!(nobody.get("/numbers.csv").await.status, StatusCode::UNAUTHORIZED);

    // A Manager's reach is their Account; a Subscriber has no inventory.
    let mut jane = Browser::signed_in(&portal, "jane.doe@example.com").await;
    let own = inventory(&mut jane, "page=1").await;
    assert_eq!(numbers(&own), ["+18015550101", "+18015550102", "+18015550103"]);
    let own_csv = jane.get("/numbers.csv").await;
    assert_eq!(own_csv.body.lines().count(), 4, "{}", own_csv.body);
    let mut sam = Browser::signed_in(&portal, "sam.doe@example.com").await;
    assert_eq!(
        sam.call("numbers/inventory", "page=1").await.status,
        StatusCode::FORBIDDEN
    );
    assert_eq!(sam.get("/numbers.csv").await.status, StatusCode::FORBIDDEN);
    // A reviewer reads all and is offered no "Assign to…".
    let mut reviewer = Browser::signed_in(&portal, "reviewer@acme.example").await;
    let read_only = inventory(&mut reviewer, "page=1&holder=none").await;
    assert!(!read_only.can_assign && read_only.assignees.is_empty());
    assert!(orphans.can_assign);
    let bakery_people = &orphans.assignees.iter().find(|(a, _)| *a == bakery).unwrap().1;
    assert!(
        bakery_people.iter().any(|p| p.name == "Omar Haddad"),
        "{bakery_people:?}"
    );
}

#[tokio::test]
async fn an_orphan_is_assigned_in_one_step_and_only_within_its_account() {
    let portal = portal().await;
    let mut admin = Browser::signed_in(&portal, ACME_ADMIN).await;
    let bakery = account_id(&portal, "Bright Bakery LLC");
    let omar = subscriber_id(&portal, "omar@brightbakery.example");
    let jane = subscriber_id(&portal, "jane.doe@example.com");
    let before = inventory(&mut admin, "page=1&holder=none").await;
    assert_eq!(before.total, 2);
    let form = |account: &str, person: &str| {
        format!("account_id={account}&msisdn=%2B13855550114&subscriber_id={person}&back=%2Fnumbers%3Fholder%3Dnone")
    };

    // A person of another Account, another Distributor's admin, a reviewer: nothing changes.
    let wrong_person = admin.call("numbers/assign", &form(&bakery, &jane)).await;
    assert_eq!(wrong_person.status, StatusCode::NOT_FOUND, "{}", wrong_person.body);
    let mut globex = Browser::signed_in(&portal, "admin@globex.example").await;
    let foreign = globex.call("numbers/assign", &form(&bakery, &omar)).await;
    let missing = globex.call("numbers/assign", &form("AID-nope", &omar)).await;
    assert_eq!(foreign.status, StatusCode::NOT_FOUND);
    assert_eq!((foreign.status, foreign.body), (missing.status, missing.body));
    let mut reviewer = Browser::signed_in(&portal, "reviewer@acme.example").await;
    assert_eq!(
        reviewer.call("numbers/assign", &form(&bakery, &omar)).await.status,
        StatusCode::FORBIDDEN
    );
    let no_one = admin.call("numbers/assign", &form(&bakery, "")).await;
    assert_eq!(no_one.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", no_one.body);
    assert!(no_one.body.contains("Choose who the line is for"), "{}", no_one.body);
    let world = portal.sandbox.as_ref().unwrap().0.snapshot();
    assert!(world
        .numbers
        .values()
        .find(|n| n.msisdn == SPARE)
        .unwrap()
        .subscriber_id
        .is_none());

    // The page, as a browser without JavaScript gets it.
    let page = admin.get("/numbers?holder=none").await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(
        page.body.contains(">Orphan<") && page.body.contains("Choose a person…"),
        "{}",
        page.body
    );
    assert!(page.body.contains("2 lines, 2 without a subscriber"), "{}", page.body);

    // Given: Telegent binds it, the list shows it at once, the audit says so,
    // and a plain form post returns to the list it came from.
    let given = admin.call("numbers/assign", &form(&bakery, &omar)).await;
    assert!(given.status.is_success() || given.status.is_redirection(), "{given:?}");
    let world = portal.sandbox.as_ref().unwrap().0.snapshot();
    assert_eq!(
        world
            .numbers
            .values()
            .find(|n| n.msisdn == SPARE)
            .unwrap()
            .subscriber_id
            .as_deref(),
        Some(omar.as_str())
    );
    let after = inventory(&mut admin, "page=1&holder=none").await;
    assert_eq!(numbers(&after), ["+13855550115"]);
    let line = inventory(&mut admin, "page=1&search=3855550114").await;
    assert_eq!(line.rows[0].subscriber_name, "Omar Haddad");
    let audited: Vec<(String, String)> =
        sqlx::query_as("SELECT outcome, detail FROM audit_log WHERE action = 'GiveLines' AND outcome <> 'pending'")
            .fetch_all(&portal.state.pool)
            .await
            .unwrap();
    assert_eq!(audited.len(), 1, "{audited:?}");
    assert_eq!(audited[0].0, "succeeded");
    assert!(audited[0].1.contains(SPARE), "{audited:?}");
    // Already someone's: a second assignment to another person is refused at the form.
    let priya = subscriber_id(&portal, "priya@brightbakery.example");
    let taken = admin.call("numbers/assign", &form(&bakery, &priya)).await;
    assert_eq!(taken.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", taken.body);
    assert!(taken.body.contains("someone else's line"), "{}", taken.body);
}

#[tokio::test]
async fn a_selection_is_changed_line_by_line_with_a_result_for_each() {
    let portal = crate::common::portal_with(|c| c.sandbox_rate_limit_per_minute = None).await;
    let mut admin = Browser::signed_in(&portal, ACME_ADMIN).await;
    let bakery = account_id(&portal, "Bright Bakery LLC");
    let status = |msisdn: &str| {
        let world = portal.sandbox.as_ref().unwrap().0.snapshot();
        world
            .numbers
            .values()
            .find(|n| n.msisdn == msisdn)
            .unwrap()
            .status
            .clone()
    };
    // Refused as a whole, nothing sent: no line ticked, no confirmation.
    let none = admin
        .call("numbers/status-selection", "change=suspend&confirm=on")
        .await;
    assert_eq!(none.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", none.body);
    let unconfirmed = admin
        .call("numbers/status-selection", "numbers[]=%2B13855550111&change=suspend")
        .await;
    assert_eq!(unconfirmed.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(status("+13855550111"), "active");

    // A port-out in flight on one of them: that one is refused, the others change;
    // a line of another Distributor is as unknown as a made-up one.
    let pin =
        format!("account_id={bakery}&msisdn=%2B13855550112&pin=135790&intent_key=selection-test-000000001&confirm=on");
    let issued = admin.call("numbers/port-out", &pin).await;
    assert!(
        issued.status.is_success() || issued.status.is_redirection(),
        "{issued:?}"
    );
    let form = "numbers[]=%2B13855550111&numbers[]=%2B13855550112&numbers[]=%2B18015550101\
                &numbers[]=%2B15125550120&change=suspend&confirm=on&back=%2Fnumbers%3Fkind%3Diot";
    let sent = admin.call("numbers/status-selection", form).await;
    let location = sent.location().expect("back to the list").to_string();
    assert!(location.starts_with("/numbers?kind=iot&batch="), "{location}");
    assert_eq!(status("+13855550111"), "parked");
    assert_eq!(status("+13855550112"), "active", "its port-out is in flight");
    assert_eq!(status("+18015550101"), "parked");
    assert_eq!(
        status("+15125550120"),
        "active",
        "another Distributor's line is untouched"
    );

    let batch = location.split("batch=").nth(1).unwrap();
    let page = inventory(&mut admin, &format!("page=1&batch={batch}")).await;
    let results = page.batch.expect("the results");
    let by_line: Vec<(&str, bool)> = results.lines.iter().map(|(m, ok, _)| (m.as_str(), *ok)).collect();
    assert_eq!(
        by_line,
        [
            ("+13855550111", true),
            ("+13855550112", false),
            ("+18015550101", true),
            ("+15125550120", false)
        ]
    );
    assert!(results.lines[1].2.contains("port-out"), "{results:?}");
    assert_eq!(results.lines[3].2, "Not found among your lines.");
    // Each line's change is audited as its own page's would be.
    let (audited,): (i64,) =
        sqlx::query_as("SELECT COUNT(*) FROM audit_log WHERE action = 'ChangeNumberStatus' AND outcome = 'succeeded'")
            .fetch_one(&portal.state.pool)
            .await
            .unwrap();
    assert_eq!(audited, 2);
    // The results are the asker's alone.
    let mut reviewer = Browser::signed_in(&portal, "reviewer@acme.example").await;
    assert!(inventory(&mut reviewer, &format!("page=1&batch={batch}"))
        .await
        .batch
        .is_none());
    assert_eq!(
        reviewer.call("numbers/status-selection", form).await.status,
        StatusCode::FORBIDDEN
    );
}
