//! One person cannot spend their Distributor's whole upstream budget: each
//! signed-in person has a share of interactive calls per minute.

use crate::common::{account_id, portal_with, urlencode, Browser, ACME_ADMIN};

use super::JANE;

fn limits_form(account: &str, limit_mb: u32) -> String {
    format!(
        "account_id={account}&unit=MB&notify=&throttle=&limit={limit_mb}&speed=&numbers%5B%5D={}",
        urlencode("+18015550102")
    )
}

#[tokio::test]
async fn a_person_whose_share_is_spent_is_told_to_wait_and_the_others_are_not() {
    let portal = portal_with(|c| c.user_share_per_minute = 4).await;
    let sandbox = &portal.sandbox.as_ref().unwrap().0;
    let doe = account_id(&portal, "Doe Family");
    let mut jane = Browser::signed_in(&portal, JANE).await;

    let mut busy_after = None;
    for attempt in 0..10u32 {
        let answer = jane.call("family/limits", &limits_form(&doe, 500 + attempt)).await;
        if answer.body.contains("busy") {
            busy_after = Some(attempt);
            break;
        }
        assert!(answer.status.is_success(), "{answer:?}");
    }
    let busy_after = busy_after.expect("Jane's share runs out");
    assert!(
        busy_after <= 4,
        "at most four calls a minute: busy after {busy_after} saves"
    );
    assert!(busy_after >= 1, "the share lets some saves through first");

    let sent = sandbox.journal().len();
    let refused = jane.call("family/limits", &limits_form(&doe, 900)).await;
    assert!(refused.body.contains("Wait a minute"), "{refused:?}");
    assert_eq!(sandbox.journal().len(), sent, "a spent share sends nothing upstream");

    // The Distributor's budget is far from spent: staff still get through.
    let mut admin = Browser::signed_in(&portal, ACME_ADMIN).await;
    let page = admin.get(&format!("/accounts/{doe}")).await;
    assert!(page.status.is_success(), "{}", page.status);
    assert!(sandbox.journal().len() > sent, "the admin's read went upstream");
}
