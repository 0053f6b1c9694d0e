//! The family Manager's portal against the sandbox: batched usage reads,
//! data-limit rules, renewal, and scope.

use crate::common::{account_id, portal, urlencode, Browser};
use axum::http::StatusCode;
use telegent_app::accounts::model::FamilyOverview;
use telegent_app::lines::model::{Behaviour, LineDetail};
use telegent_portal::Portal;

const JANE: &str = "jane.doe@example.com";

/// Gives the Doe Family two more lines (five in all), as copies of Sam's.
fn add_two_lines(portal: &Portal) {
    portal.sandbox.as_ref().unwrap().0.mutate(|w| {
        let sam = w.numbers.values().find(|n| n.msisdn == "+18015550102").unwrap().clone();
        for msisdn in ["+18015550104", "+18015550105"] {
            let mut line = sam.clone();
            line.id = w.new_id("NID");
            line.msisdn = msisdn.into();
            let subscriber = line.subscriber_id.clone().unwrap();
            w.numbers.insert(line.id.clone(), line);
            w.subscribers
                .get_mut(&subscriber)
                .unwrap()
                .phone_numbers
                .push(msisdn.into());
        }
    });
    // Changes made behind the portal's back show once its short read cache lapses.
    portal
        .state
        .upstreams
        .get(telegent_sandbox::seed::ACME_KEY)
        .unwrap()
        .invalidate_reads("/v1.0/distributor/subscribers");
}

fn calls_to(portal: &Portal, suffix: &str, since: usize) -> usize {
    portal.sandbox.as_ref().unwrap().0.journal()[since..]
        .iter()
        .filter(|e| e.path.to_lowercase().ends_with(suffix))
        .count()
}

async fn overview(browser: &mut Browser, account: &str) -> FamilyOverview {
    let answer = browser.call("family/overview", &format!("account_id={account}")).await;
    assert_eq!(answer.status, StatusCode::OK, "{}", answer.body);
    serde_json::from_str(&answer.body).unwrap()
}

fn limits_form(account: &str, numbers: &[&str], notify: &str, throttle: &str, limit: &str, speed: &str) -> String {
    let mut form =
        format!("account_id={account}&unit=MB&notify={notify}&throttle={throttle}&limit={limit}&speed={speed}");
    for n in numbers {
        // As a browser encodes the brackets of `numbers[]`.
        form.push_str(&format!("&numbers%5B%5D={}", urlencode(n)));
    }
    form
}

#[tokio::test]
async fn a_five_line_family_costs_one_info_and_one_settings_call_and_none_when_served_again() {
    let portal = portal().await;
    add_two_lines(&portal);
    let doe = account_id(&portal, "Doe Family");
    let mut jane = Browser::signed_in(&portal, JANE).await;
    let before = portal.sandbox.as_ref().unwrap().0.journal().len();
    let family = overview(&mut jane, &doe).await;
    let lines: usize = family.members.iter().map(|m| m.lines.len()).sum();
    assert_eq!(lines, 5);
    assert_eq!(calls_to(&portal, "/data-usage/info", before), 1);
    assert_eq!(calls_to(&portal, "/data-usage/settings", before), 1);

    let again = portal.sandbox.as_ref().unwrap().0.journal().len();
    let family_again = overview(&mut jane, &doe).await;
    assert_eq!(family_again.members.len(), family.members.len());
    assert_eq!(calls_to(&portal, "/data-usage/info", again), 0, "cached");
    assert_eq!(calls_to(&portal, "/data-usage/settings", again), 0, "cached");
}

#[tokio::test]
async fn an_unset_line_shows_the_platform_default_and_usage_drives_the_behaviour() {
    let portal = portal().await;
    let doe = account_id(&portal, "Doe Family");
    // Sam has used 19 of the default 20 MB.
    portal.sandbox.as_ref().unwrap().0.mutate(|w| {
        w.numbers
            .values_mut()
            .find(|n| n.msisdn == "+18015550102")
            .unwrap()
            .used_kb = 19 * 1024;
    });
    let mut jane = Browser::signed_in(&portal, JANE).await;
    let family = overview(&mut jane, &doe).await;
    let sam = family.members.iter().find(|m| m.name == "Sam Doe").unwrap();
    let line = &sam.lines[0];
    assert!(line.usage.is_default);
    assert_eq!(line.usage.limit_kb, 20 * 1024);
    assert_eq!(line.usage.used_kb, 19 * 1024);
    assert_eq!(line.usage.percent(), 95);
    assert!(family
        .alerts
        .iter()
        .any(|a| a.message.contains("Sam Doe") && a.message.contains("95%")));
    // The children's Guardian state is there, and "off" is an alert.
    assert!(sam.guardian.is_some());
    assert_eq!(family.members[0].name, "Jane Doe", "the Manager first");
    assert!(family.can_manage);
}

#[tokio::test]
async fn limits_for_two_lines_at_once_are_sent_once_and_read_back() {
    let portal = portal().await;
    let doe = account_id(&portal, "Doe Family");
    let mut jane = Browser::signed_in(&portal, JANE).await;
    overview(&mut jane, &doe).await;
    let before = portal.sandbox.as_ref().unwrap().0.journal().len();
    let answer = jane
        .call(
            "family/limits",
            &limits_form(&doe, &["+18015550102", "(801) 555-0103"], "300", "400", "500", "1-mbps"),
        )
        .await;
    assert!(answer.status.is_success(), "{answer:?}");
    assert_eq!(
        calls_to(&portal, "/numbers/data-usage", before),
        1,
        "one call for both lines"
    );

    let family = overview(&mut jane, &doe).await;
    for name in ["Sam Doe", "Lily Doe"] {
        let usage = &family.members.iter().find(|m| m.name == name).unwrap().lines[0].usage;
        assert_eq!(
            (usage.notify_kb, usage.throttle_kb, usage.limit_kb),
            (Some(300 * 1024), Some(400 * 1024), 500 * 1024),
            "{name}"
        );
        assert_eq!(usage.throttle_speed.as_deref(), Some("1-mbps"));
        assert!(!usage.is_default);
    }
    let jane_line = &family.members.iter().find(|m| m.name == "Jane Doe").unwrap().lines[0].usage;
    assert!(jane_line.is_default, "a line not chosen keeps its settings");

    let (outcome, targets): (String, String) =
        sqlx::query_as("SELECT outcome, target_ids FROM audit_log WHERE action = 'SetDataLimits'")
            .fetch_one(&portal.state.pool)
            .await
            .unwrap();
    assert_eq!(outcome, "succeeded");
    assert_eq!(targets, "+18015550102,+18015550103");
}

#[tokio::test]
async fn thresholds_out_of_order_are_refused_at_the_field_and_nothing_is_sent() {
    let portal = portal().await;
    let doe = account_id(&portal, "Doe Family");
    let mut jane = Browser::signed_in(&portal, JANE).await;
    let before = portal.sandbox.as_ref().unwrap().0.journal().len();
    for (notify, throttle, limit, speed, field) in [
        ("400", "300", "500", "1-mbps", "notify"),
        ("100", "500", "500", "1-mbps", "throttle"),
        ("", "", "0", "", "limit"),
        ("", "", "abc", "", "limit"),
        ("", "400", "500", "", "speed"),
        ("", "400", "500", "3-mbps", "speed"),
    ] {
        let answer = jane
            .call(
                "family/limits",
                &limits_form(&doe, &["+18015550102"], notify, throttle, limit, speed),
            )
            .await;
        assert_eq!(
            answer.status,
            StatusCode::UNPROCESSABLE_ENTITY,
            "{notify}/{throttle}/{limit}"
        );
        assert!(
            answer.body.contains(&format!("\"field\":\"{field}\"")),
            "{}",
            answer.body
        );
    }
    let none = jane
        .call("family/limits", &limits_form(&doe, &[], "", "", "500", ""))
        .await;
    assert!(none.body.contains("\"field\":\"numbers\""), "{}", none.body);
    assert_eq!(
        calls_to(&portal, "/numbers/data-usage", before),
        0,
        "nothing reached Telegent"
    );
}

#[tokio::test]
async fn a_line_of_another_account_is_not_found_and_nothing_is_sent() {
    let portal = portal().await;
    let doe = account_id(&portal, "Doe Family");
    let bakery = account_id(&portal, "Bright Bakery LLC");
    let mut jane = Browser::signed_in(&portal, JANE).await;
    let before = portal.sandbox.as_ref().unwrap().0.journal().len();
    // Omar's line, through Jane's own Account…
    let mixed = jane
        .call(
            "family/limits",
            &limits_form(&doe, &["+18015550102", "+13855550110"], "", "", "500", ""),
        )
        .await;
    assert_eq!(mixed.status, StatusCode::NOT_FOUND);
    // …and through the Bakery's.
    let foreign = jane
        .call(
            "family/limits",
            &limits_form(&bakery, &["+13855550110"], "", "", "500", ""),
        )
        .await;
    assert_eq!(foreign.status, StatusCode::NOT_FOUND);
    assert_eq!(foreign.body, mixed.body);
    let line = jane
        .call("family/line", &format!("account_id={doe}&msisdn=%2B13855550110"))
        .await;
    assert_eq!(line.status, StatusCode::NOT_FOUND);
    assert_eq!(calls_to(&portal, "/numbers/data-usage", before), 0);

    // A Distributor viewer reads but cannot change.
    let mut reviewer = Browser::signed_in(&portal, "reviewer@acme.example").await;
    assert_eq!(
        reviewer
            .call("family/overview", &format!("account_id={doe}"))
            .await
            .status,
        StatusCode::OK
    );
    let refused = reviewer
        .call(
            "family/limits",
            &limits_form(&doe, &["+18015550102"], "", "", "500", ""),
        )
        .await;
    assert_eq!(refused.status, StatusCode::FORBIDDEN);
}

#[tokio::test]
async fn renewal_follows_the_cycle_rules_and_reset_zeroes_usage() {
    let portal = portal().await;
    let doe = account_id(&portal, "Doe Family");
    portal.sandbox.as_ref().unwrap().0.mutate(|w| {
        w.numbers
            .values_mut()
            .find(|n| n.msisdn == "+18015550103")
            .unwrap()
            .used_kb = 12 * 1024;
    });
    let mut jane = Browser::signed_in(&portal, JANE).await;
    let bad = jane
        .call(
            "family/renewal",
            &format!("account_id={doe}&numbers%5B%5D=%2B18015550103&period=W&day=8&auto_renew=on"),
        )
        .await;
    assert_eq!(bad.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(bad.body.contains("\"field\":\"day\""), "{}", bad.body);

    let ok = jane
        .call(
            "family/renewal",
            &format!("account_id={doe}&numbers%5B%5D=%2B18015550103&period=M&day=15&auto_renew=on&reset=on"),
        )
        .await;
    assert!(ok.status.is_success(), "{ok:?}");
    let detail: LineDetail = serde_json::from_str(
        &jane
            .call("family/line", &format!("account_id={doe}&msisdn=%2B18015550103"))
            .await
            .body,
    )
    .unwrap();
    assert_eq!(detail.line.usage.used_kb, 0, "usage reset");
    assert_eq!(detail.line.usage.behaviour, Behaviour::Normal);
    let renewal = detail.line.usage.renewal.expect("renewal read back");
    assert_eq!(
        (renewal.period.code(), renewal.day, renewal.auto_renew),
        ("M", 15, true)
    );
    assert_eq!(detail.owner, "Lily Doe");
}

#[tokio::test]
async fn a_subscriber_sees_their_own_lines_and_restrictions_and_changes_nothing() {
    let portal = portal().await;
    let doe = account_id(&portal, "Doe Family");
    let mut jane = Browser::signed_in(&portal, JANE).await;
    jane.call(
        "family/limits",
        &limits_form(&doe, &["+18015550102"], "100", "200", "300", "256-kbps"),
    )
    .await;
    let mut sam = Browser::signed_in(&portal, "sam.doe@example.com").await;
    let answer = sam.call("me/lines", "").await;
    assert_eq!(answer.status, StatusCode::OK, "{}", answer.body);
    let mine: telegent_app::me::model::MyLines = serde_json::from_str(&answer.body).unwrap();
    assert_eq!(mine.lines.len(), 1);
    assert_eq!(mine.lines[0].msisdn, "+18015550102");
    assert_eq!(mine.lines[0].usage.limit_kb, 300 * 1024);
    assert!(mine.guardian.is_some());
    // Read-only: the family functions refuse a Subscriber.
    for (endpoint, form) in [
        ("family/overview", format!("account_id={doe}")),
        ("family/limits", limits_form(&doe, &["+18015550102"], "", "", "900", "")),
    ] {
        assert_eq!(
            sam.call(endpoint, &form).await.status,
            StatusCode::FORBIDDEN,
            "{endpoint}"
        );
    }
}

#[tokio::test]
async fn voicemail_is_turned_on_with_a_pin_updated_and_deleted_only_when_confirmed() {
    let portal = portal().await;
    let doe = account_id(&portal, "Doe Family");
    let mut jane = Browser::signed_in(&portal, JANE).await;
    let line = |j: &str| format!("account_id={doe}&msisdn=%2B18015550103{j}");
    let voicemail = |jane: &mut Browser| {
        let form = line("");
        let mut jane = jane.clone();
        async move {
            let detail: LineDetail = serde_json::from_str(&jane.call("family/line", &form).await.body).unwrap();
            detail.voicemail.expect("voicemail read")
        }
    };
    assert!(!voicemail(&mut jane).await.enabled);
    let no_pin = jane
        .call("family/voicemail", &line("&pin=&email=&first_name=Lily&last_name=Doe"))
        .await;
    assert!(no_pin.body.contains("\"field\":\"pin\""), "{}", no_pin.body);
    let short = jane
        .call(
            "family/voicemail",
            &line("&pin=12&email=&first_name=Lily&last_name=Doe"),
        )
        .await;
    assert!(short.body.contains("\"field\":\"pin\""), "{}", short.body);
    let on = jane
        .call(
            "family/voicemail",
            &line("&pin=4821&email=lily%40example.com&first_name=Lily&last_name=Doe"),
        )
        .await;
    assert!(on.status.is_success(), "{on:?}");
    let v = voicemail(&mut jane).await;
    assert!(v.enabled);
    assert_eq!((v.first_name.as_str(), v.email.as_str()), ("Lily", "lily@example.com"));

    let renamed = jane
        .call("family/voicemail", &line("&pin=&email=&first_name=Lil&last_name=Doe"))
        .await;
    assert!(renamed.status.is_success(), "{renamed:?}");
    assert_eq!(
        voicemail(&mut jane).await.first_name,
        "Lil",
        "updated without a new PIN"
    );

    let unconfirmed = jane.call("family/voicemail-delete", &line("")).await;
    assert_eq!(unconfirmed.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        voicemail(&mut jane).await.enabled,
        "nothing deleted without the confirmation"
    );
    let deleted = jane.call("family/voicemail-delete", &line("&confirm=on")).await;
    assert!(deleted.status.is_success(), "{deleted:?}");
    assert!(!voicemail(&mut jane).await.enabled);
    let (pins,): (i64,) = sqlx::query_as("SELECT COUNT(*) FROM audit_log WHERE detail LIKE '%4821%'")
        .fetch_one(&portal.state.pool)
        .await
        .unwrap();
    assert_eq!(pins, 0, "the PIN never reaches the audit log");
}

#[tokio::test]
async fn an_upstream_failure_says_what_happened_and_nothing_is_shown_as_saved() {
    use telegent_sandbox::faults::FaultRule;
    let portal = portal().await;
    let doe = account_id(&portal, "Doe Family");
    let sandbox = &portal.sandbox.as_ref().unwrap().0;
    let mut jane = Browser::signed_in(&portal, JANE).await;
    overview(&mut jane, &doe).await;
    sandbox.add_fault(FaultRule {
        path_prefix: "/v1.0/numbers/data-usage".into(),
        status: Some(503),
        ..Default::default()
    });
    let answer = jane
        .call(
            "family/limits",
            &limits_form(&doe, &["+18015550102"], "", "", "500", ""),
        )
        .await;
    assert_eq!(answer.status, StatusCode::BAD_GATEWAY, "{}", answer.body);
    assert!(answer.body.contains("Upstream"), "{}", answer.body);
    sandbox.clear_faults();
    let family = overview(&mut jane, &doe).await;
    let sam = &family.members.iter().find(|m| m.name == "Sam Doe").unwrap().lines[0].usage;
    assert!(sam.is_default, "nothing was saved");
    let (outcome,): (String,) = sqlx::query_as("SELECT outcome FROM audit_log WHERE action = 'SetDataLimits'")
        .fetch_one(&portal.state.pool)
        .await
        .unwrap();
    assert_eq!(outcome, "failed");

    // The Guardian page's forms behave the same way.
    let world = sandbox.snapshot();
    let sam_id = world
        .subscribers
        .values()
        .find(|s| s.email == "sam.doe@example.com")
        .unwrap()
        .id
        .clone();
    sandbox.add_fault(FaultRule {
        path_prefix: "/v1.0/subscribers/message-filter".into(),
        status: Some(500),
        ..Default::default()
    });
    let answer = jane
        .call(
            "guardian/message-filter",
            &format!(
                "account_id={doe}&subscriber_id={sam_id}&line=%2B18015550102&mode=CHILD&keywords=&notify=&inbound=on&outbound=on"
            ),
        )
        .await;
    assert_eq!(answer.status, StatusCode::BAD_GATEWAY, "{}", answer.body);
    sandbox.clear_faults();
    let detail = jane
        .call(
            "guardian/detail",
            &format!("account_id={doe}&subscriber_id={sam_id}&line="),
        )
        .await;
    let detail: telegent_app::guardian::model::GuardianDetail = serde_json::from_str(&detail.body).unwrap();
    assert!(detail.message_filter.is_none(), "no filter shown as saved");
}

/// Stores on the sandbox a limit past what its answers can carry (as an
/// unbounded form once let through): 10^17 KB, sent back as a number no
/// whole-number reader takes.
fn store_unreadable_limit(portal: &Portal, msisdn: &str) {
    portal.sandbox.as_ref().unwrap().0.mutate(|w| {
        let line = w
            .numbers
            .values_mut()
            .find(|n| n.msisdn == msisdn)
            .expect("a demo line");
        line.data_limits = serde_json::from_value(serde_json::json!({
            "unit": "KB", "notify_kb": null, "throttle_kb": null,
            "limit_kb": 100_000_000_000_000_000u64, "throttle_speed": null
        }))
        .unwrap();
    });
}

#[tokio::test]
async fn one_unreadable_line_shows_on_its_own_card_and_its_limits_can_be_overwritten() {
    let portal = portal().await;
    let doe = account_id(&portal, "Doe Family");
    store_unreadable_limit(&portal, "+18015550103");
    let mut jane = Browser::signed_in(&portal, JANE).await;
    let family = overview(&mut jane, &doe).await;
    let line_of = |family: &FamilyOverview, msisdn: &str| {
        family
            .members
            .iter()
            .flat_map(|m| m.lines.iter())
            .find(|l| l.msisdn == msisdn)
            .cloned()
            .expect("the line is listed")
    };
    assert!(line_of(&family, "+18015550103").usage.unreadable, "Lily's line says it");
    let sam = line_of(&family, "+18015550102");
    assert!(!sam.usage.unreadable, "the rest of the family reads as usual");
    assert!(
        family.alerts.iter().any(|a| a.message.contains("cannot be read")),
        "{:?}",
        family.alerts
    );
    // The pages that read it still answer.
    for page in [
        format!("/accounts/{doe}"),
        format!("/accounts/{doe}/limits"),
        format!("/accounts/{doe}/lines/18015550103"),
    ] {
        let answer = jane.get(&page).await;
        assert_eq!(answer.status, StatusCode::OK, "{page}");
    }
    let line = jane
        .call("family/line", &format!("account_id={doe}&msisdn=%2B18015550103"))
        .await;
    assert_eq!(line.status, StatusCode::OK, "{}", line.body);
    // Setting new limits repairs it.
    let saved = jane
        .call(
            "family/limits",
            &limits_form(&doe, &["+18015550103"], "", "", "500", ""),
        )
        .await;
    assert!(saved.status.is_success() || saved.status.is_redirection(), "{saved:?}");
    let family = overview(&mut jane, &doe).await;
    let lily = line_of(&family, "+18015550103");
    assert!(!lily.usage.unreadable);
    assert_eq!(lily.usage.limit_kb, 500 * 1024);
}
