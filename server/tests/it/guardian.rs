//! AI Guardian for a child, through the portal against the sandbox: one
//! filter per child and line, incremental list edits, switches, guardians,
//! phone numbers as people type them, and scope.

use crate::common::{account_id, portal, subscriber_id, urlencode, Browser};
use axum::http::StatusCode;
use telegent_app::guardian::model::GuardianDetail;
use telegent_portal::Portal;

const JANE: &str = "jane.doe@example.com";
const SAM_LINE: &str = "+18015550102";

struct Doe {
    account: String,
    sam: String,
    jane: String,
}

fn doe(portal: &Portal) -> Doe {
    Doe {
        account: account_id(portal, "Doe Family"),
        sam: subscriber_id(portal, "sam.doe@example.com"),
        jane: subscriber_id(portal, JANE),
    }
}

async fn detail(browser: &mut Browser, d: &Doe) -> GuardianDetail {
    let answer = browser
        .call(
            "guardian/detail",
            &format!("account_id={}&subscriber_id={}&line=", d.account, d.sam),
        )
        .await;
    assert_eq!(answer.status, StatusCode::OK, "{}", answer.body);
    serde_json::from_str(&answer.body).unwrap()
}

fn base(d: &Doe) -> String {
    format!(
        "account_id={}&subscriber_id={}&line={}",
        d.account,
        d.sam,
        urlencode(SAM_LINE)
    )
}

fn posts_to(portal: &Portal, suffix: &str, since: usize) -> usize {
    portal.sandbox.as_ref().unwrap().0.journal()[since..]
        .iter()
        .filter(|e| e.method == "POST" && e.path.to_lowercase().ends_with(suffix))
        .count()
}

#[tokio::test]
async fn saving_a_message_filter_twice_updates_the_one_filter() {
    let portal = portal().await;
    let d = doe(&portal);
    let mut jane = Browser::signed_in(&portal, JANE).await;
    let before = portal.sandbox.as_ref().unwrap().0.journal().len();
    for mode in ["CHILD", "TEENAGER"] {
        let answer = jane
            .call(
                "guardian/message-filter",
                &format!(
                    "{}&mode={mode}&block_links=on&inbound=on&outbound=on&keywords=bully%2C+drugs&notify=(801)+555-0101",
                    base(&d)
                ),
            )
            .await;
        assert!(answer.status.is_success(), "{mode}: {answer:?}");
    }
    assert_eq!(posts_to(&portal, "/message-filter", before), 1, "created once");
    assert_eq!(posts_to(&portal, "/message-filter/update", before), 1, "then updated");
    let g = detail(&mut jane, &d).await;
    let filter = g.message_filter.expect("a message filter");
    assert_eq!(filter.mode, "TEENAGER");
    assert!(filter.block_links && !filter.block_media);
    assert_eq!(filter.notify, ["+18015550101"], "typed number normalised");
    assert_eq!(filter.keywords, "bully,drugs");
}

#[tokio::test]
async fn list_entries_are_added_and_removed_one_at_a_time() {
    let portal = portal().await;
    let d = doe(&portal);
    let mut jane = Browser::signed_in(&portal, JANE).await;
    let before = portal.sandbox.as_ref().unwrap().0.journal().len();
    for typed in ["(801) 555-1234", "801.555.9876"] {
        let answer = jane
            .call(
                "guardian/list",
                &format!(
                    "{}&filter=call&list=blocked&number={}&add=true",
                    base(&d),
                    urlencode(typed)
                ),
            )
            .await;
        assert!(answer.status.is_success(), "{typed}: {answer:?}");
    }
    let answer = jane
        .call(
            "guardian/list",
            &format!("{}&filter=call&list=blocked&number=%2B18015551234&add=false", base(&d)),
        )
        .await;
    assert!(answer.status.is_success(), "{answer:?}");
    assert_eq!(posts_to(&portal, "/call-filter/blocked-numbers/add", before), 2);
    assert_eq!(posts_to(&portal, "/call-filter/blocked-numbers/remove", before), 1);
    assert_eq!(
        posts_to(&portal, "/call-filter/update", before),
        0,
        "never a full rewrite"
    );
    let g = detail(&mut jane, &d).await;
    assert_eq!(g.call_filter.unwrap().blocked, ["+18015559876"]);

    // Not a number: a message at the field, nothing sent.
    let since = portal.sandbox.as_ref().unwrap().0.journal().len();
    let bad = jane
        .call(
            "guardian/list",
            &format!("{}&filter=message&list=allowed&number=grandma&add=true", base(&d)),
        )
        .await;
    assert_eq!(bad.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        bad.body.contains("\"field\":\"message-allowed-number\""),
        "the error names the list's own field: {}",
        bad.body
    );
    assert_eq!(posts_to(&portal, "", since), 0);

    // Pasted with direction marks: read as the number, nothing invisible quoted.
    let pasted = jane
        .call(
            "guardian/list",
            &format!(
                "{}&filter=call&list=allowed&number={}&add=true",
                base(&d),
                urlencode("\u{202A}tel:+1 (801) 555-4444\u{202C}")
            ),
        )
        .await;
    assert!(pasted.status.is_success(), "{pasted:?}");
    assert!(detail(&mut jane, &d)
        .await
        .call_filter
        .unwrap()
        .allowed
        .contains(&"+18015554444".to_string()));

    // A child's own number is not theirs to block.
    let since = portal.sandbox.as_ref().unwrap().0.journal().len();
    let own = jane
        .call(
            "guardian/list",
            &format!(
                "{}&filter=call&list=blocked&number={}&add=true",
                base(&d),
                urlencode(SAM_LINE)
            ),
        )
        .await;
    assert_eq!(own.status, StatusCode::UNPROCESSABLE_ENTITY, "{own:?}");
    assert!(own.body.contains("own number"), "{}", own.body);
    assert_eq!(posts_to(&portal, "", since), 0);
}

#[tokio::test]
async fn switches_and_guardians_are_set_for_the_child() {
    let portal = portal().await;
    let d = doe(&portal);
    let mut jane = Browser::signed_in(&portal, JANE).await;
    let g = detail(&mut jane, &d).await;
    assert!(!g.calls_on && !g.messages_on);
    let on = jane
        .call("guardian/switches", &format!("{}&calls=on&messages=on", base(&d)))
        .await;
    assert!(on.status.is_success(), "{on:?}");
    let link = jane
        .call(
            "guardian/relation",
            &format!("{}&guardian_id={}&link=true", base(&d), d.jane),
        )
        .await;
    assert!(link.status.is_success(), "{link:?}");
    let g = detail(&mut jane, &d).await;
    assert!(g.calls_on && g.messages_on);
    let linked: Vec<(&str, &str)> = g
        .guardians
        .iter()
        .map(|p| (p.subscriber_id.as_str(), p.name.as_str()))
        .collect();
    assert_eq!(linked, [(d.jane.as_str(), "Jane Doe")]);
    assert!(!g.candidates.iter().any(|p| p.subscriber_id == d.jane));

    let (count,): (i64,) = sqlx::query_as(
        "SELECT COUNT(*) FROM audit_log WHERE action IN ('SetGuardianSwitches', 'LinkGuardian') AND outcome = 'succeeded'",
    )
    .fetch_one(&portal.state.pool)
    .await
    .unwrap();
    assert_eq!(count, 2);
}

#[tokio::test]
async fn children_lines_and_guardians_outside_the_account_are_not_found() {
    let portal = portal().await;
    let d = doe(&portal);
    let world = portal.sandbox.as_ref().unwrap().0.snapshot();
    let emma = world
        .subscribers
        .values()
        .find(|s| s.email == "emma.smith@example.com")
        .unwrap()
        .id
        .clone();
    let mut jane = Browser::signed_in(&portal, JANE).await;
    let before = portal.sandbox.as_ref().unwrap().0.journal().len();
    let cases = [
        // Another family's child through Jane's Account.
        format!("account_id={}&subscriber_id={emma}&line=&calls=on", d.account),
        // Sam, but with a line that is not his.
        format!(
            "account_id={}&subscriber_id={}&line=%2B18015550103&calls=on",
            d.account, d.sam
        ),
    ];
    for form in &cases {
        let answer = jane.call("guardian/switches", form).await;
        assert_eq!(answer.status, StatusCode::NOT_FOUND, "{form}");
    }
    let foreign_line = jane
        .call(
            "guardian/list",
            &format!(
                "account_id={}&subscriber_id={}&line=%2B18015550103&filter=call&list=blocked&number=%2B18015551111&add=true",
                d.account, d.sam
            ),
        )
        .await;
    assert_eq!(foreign_line.status, StatusCode::NOT_FOUND);
    let foreign_guardian = jane
        .call(
            "guardian/relation",
            &format!("{}&guardian_id={emma}&link=true", base(&d)),
        )
        .await;
    assert_eq!(foreign_guardian.status, StatusCode::NOT_FOUND);
    assert_eq!(posts_to(&portal, "", before), 0, "nothing was sent upstream");
}
