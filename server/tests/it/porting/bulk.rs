//! The bulk port-in from a CSV: every row checked before anything is
//! sent, one port-in per number, nothing sent twice by a re-run, and a
//! re-run finishing the drafts an earlier one left.

use axum::http::StatusCode;
use serde_json::Value;

use super::{done, ledger, new_portal, port_in_id, sandbox_order, view, ACCOUNT_NUMBER, PIN};
use crate::common::{account_id, Browser, ACME_ADMIN};

fn bulk_form(account: &str, csv: &str, act: &str, extra: &str) -> String {
    format!(
        "account_id={account}&classification=mvno&csv_secret={}&act={act}{extra}",
        crate::common::urlencode(csv)
    )
}

#[tokio::test]
async fn a_bulk_port_in_checks_every_row_first_then_sends_each_number_once() {
    let portal = new_portal().await;
    let mut admin = Browser::signed_in(&portal, ACME_ADMIN).await;
    let bakery = account_id(&portal, "Bright Bakery LLC");
    let header = "number,carrier,account_number,pin,name,street,city,state,zip\n";
    let good = format!(
        "{header}385-555-0161,Old Carrier,{ACCOUNT_NUMBER},{PIN},Bright Bakery,\"1 Oven Rd, Unit 2\",Provo,UT,84601\n\
         385-555-0169,Old Carrier,A2,1234,Bright Bakery,1 Oven Rd,Provo,UT,84601\n\
         385-555-0162,Old Carrier,A3,5678,Bright Bakery,1 Oven Rd,Provo,UT,84601\n"
    );
    // A check sends nothing.
    let checked = admin
        .call("porting/bulk", &bulk_form(&bakery, &good, "check", ""))
        .await;
    assert_eq!(checked.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", checked.body);
    assert!(checked.body.contains("All 3 rows are ready"), "{}", checked.body);
    // One bad row: the row is named and nothing at all is sent.
    let bad = good.replace("Provo,UT,84601\n385-555-0162", "Provo,UT,846\n385-555-0162");
    let refused = admin
        .call("porting/bulk", &bulk_form(&bakery, &bad, "send", "&loa=on&confirm=on"))
        .await;
    assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(refused.body.contains("Row 3: Type the ZIP code"), "{}", refused.body);
    assert_eq!(ledger(&portal), 0);

    let sent = admin
        .call("porting/bulk", &bulk_form(&bakery, &good, "send", "&loa=on&confirm=on"))
        .await;
    assert!(done(&sent), "{sent:?}");
    assert_eq!(ledger(&portal), 2);
    let (batch,): (i64,) = sqlx::query_as("SELECT MAX(id) FROM line_batches WHERE change = 'port-in'")
        .fetch_one(&portal.state.pool)
        .await
        .unwrap();
    let page = admin
        .call("porting/bulk-page", &format!("distributor_id=&batch={batch}"))
        .await;
    let page: Value = serde_json::from_str(&page.body).unwrap();
    let results = page["results"].as_array().unwrap();
    let outcome: Vec<(String, bool)> = results
        .iter()
        .map(|r| (r[0].as_str().unwrap().to_string(), r[1].as_bool().unwrap()))
        .collect();
    assert_eq!(
        outcome,
        [
            ("+13855550161".to_string(), true),
            ("+13855550169".to_string(), false),
            ("+13855550162".to_string(), true)
        ]
    );
    assert!(results[1][2].as_str().unwrap().contains("not eligible"));
    let (_, request) = sandbox_order(&portal, "+13855550161");
    assert_eq!(request["CurrentBillingAddress"]["Street1"], "1 Oven Rd, Unit 2");
    // The same file again: each number has its port-in; nothing is sent twice.
    let again = admin
        .call(
            "porting/bulk",
            &bulk_form(&bakery, &good, "send", "&loa=on&confirm=on&again=1"),
        )
        .await;
    assert!(done(&again), "{again:?}");
    assert_eq!(ledger(&portal), 2);
    // The secrets are kept nowhere.
    let (json,): (String,) = sqlx::query_as("SELECT results_json FROM line_batches WHERE id = $1")
        .bind(batch)
        .fetch_one(&portal.state.pool)
        .await
        .unwrap();
    assert!(!json.contains(ACCOUNT_NUMBER) && !json.contains(PIN));
}

#[tokio::test]
async fn a_bulk_run_that_stopped_at_a_wireline_is_finished_by_the_next_run_with_its_port_date() {
    let portal = new_portal().await;
    let mut admin = Browser::signed_in(&portal, ACME_ADMIN).await;
    let bakery = account_id(&portal, "Bright Bakery LLC");
    let row = "385-555-0156,Old Carrier,A1,1234,Bright Bakery,1 Oven Rd,Provo,UT,84601";
    let first = format!("number,carrier,account_number,pin,name,street,city,state,zip\n{row}\n");
    let sent = admin
        .call(
            "porting/bulk",
            &bulk_form(&bakery, &first, "send", "&loa=on&confirm=on"),
        )
        .await;
    assert!(done(&sent), "{sent:?}");
    assert_eq!(ledger(&portal), 0, "a wireline without its date is not sent");
    let id = port_in_id(&portal, "+13855550156").await;
    let draft = view(&mut admin, &bakery, &id).await;
    assert_eq!(draft["row"]["stage"], "Draft");
    let date = draft["earliest_port_date"].as_str().unwrap().to_string();
    let second = format!("number,carrier,account_number,pin,name,street,city,state,zip,port_date\n{row},{date}\n");
    let resumed = admin
        .call(
            "porting/bulk",
            &bulk_form(&bakery, &second, "send", "&loa=on&confirm=on"),
        )
        .await;
    assert!(done(&resumed), "{resumed:?}");
    assert_eq!(ledger(&portal), 1);
    let open = view(&mut admin, &bakery, &id).await;
    assert_eq!(open["row"]["stage"], "Open", "the same draft, now submitted");
    assert_eq!(open["row"]["port_date"], date.as_str());
}
