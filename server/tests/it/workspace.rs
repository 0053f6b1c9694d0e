//! The staff workspace on the read model: two seeded Distributor trees
//! that never see each other in a list, a search, a count or a CSV; lists
//! that cost no upstream call once the copy is filled; write-through of
//! the portal's own changes; global search; needs-action; Refresh now.

use axum::http::StatusCode;
use telegent_app::accounts::model::AccountsPage;
use telegent_app::search::model::SearchResults;
use telegent_app::subscribers::model::SubscribersPage;
use telegent_app::workspace::model::Workspace;
use telegent_portal::Portal;

use crate::common::{account_id, portal, urlencode, Browser, ACME_ADMIN};

const GLOBEX_ADMIN: &str = "admin@globex.example";
const ACME_REVIEWER: &str = "reviewer@acme.example";

fn decode<T: serde::de::DeserializeOwned>(answer: &crate::common::Answer) -> T {
    assert_eq!(answer.status, StatusCode::OK, "{}", answer.body);
    serde_json::from_str(&answer.body).unwrap_or_else(|e| panic!("{e}: {}", answer.body))
}

async fn accounts(browser: &mut Browser, form: &str) -> AccountsPage {
    decode(&browser.call("accounts/list", &format!("distributor_id=&{form}")).await)
}

async fn subscribers(browser: &mut Browser, form: &str) -> SubscribersPage {
    decode(&browser.call("subscribers/list", form).await)
}

async fn search(browser: &mut Browser, q: &str) -> SearchResults {
    decode(&browser.call("search", &format!("q={}", urlencode(q))).await)
}

async fn workspace(browser: &mut Browser) -> Workspace {
    decode(&browser.call("workspace", "distributor_id=").await)
}

fn upstream_calls(portal: &Portal) -> usize {
    portal.sandbox.as_ref().unwrap().0.journal().len()
}

fn titles(results: &SearchResults) -> Vec<String> {
    results
        .groups
        .iter()
        .flat_map(|g| g.hits.iter().map(|h| h.title.clone()))
        .collect()
}

#[tokio::test]
async fn nothing_of_another_distributor_appears_in_a_list_a_search_a_count_or_a_csv() {
    let portal = portal().await;
    let mut acme = Browser::signed_in(&portal, ACME_ADMIN).await;
    let mut globex = Browser::signed_in(&portal, GLOBEX_ADMIN).await;

    let acme_accounts = accounts(&mut acme, "page=1").await;
    let names: Vec<&str> = acme_accounts.rows.iter().map(|r| r.name.as_str()).collect();
    assert_eq!(names, ["Bright Bakery LLC", "Doe Family"]);
    let globex_accounts = accounts(&mut globex, "page=1").await;
    let names: Vec<&str> = globex_accounts.rows.iter().map(|r| r.name.as_str()).collect();
    assert_eq!(names, ["Smith Family"]);

    let acme_people = subscribers(&mut acme, "page=1").await;
    assert!(
        acme_people.rows.iter().all(|r| !r.email.contains("smith")),
        "{acme_people:?}"
    );
    assert!(acme_people.rows.iter().any(|r| r.email == "jane.doe@example.com"));
    let globex_people = subscribers(&mut globex, "page=1").await;
    let emails: Vec<&str> = globex_people.rows.iter().map(|r| r.email.as_str()).collect();
    assert_eq!(
        emails,
        [
            "carlos.smith@example.com",
            "emma.smith@example.com",
            "john.smith@example.com"
        ]
    );

    // The same words searched from both sides find only their own.
    for q in ["smith", "example.com", "512 555 0120", "AID-"] {
        let found = titles(&search(&mut acme, q).await);
        assert!(
            found.iter().all(|t| !t.contains("Smith") && !t.contains("512")),
            "{q}: {found:?}"
        );
    }
    let found = titles(&search(&mut globex, "doe").await);
    assert!(found.is_empty(), "{found:?}");
    // A foreign record's exact ID is no jump: it looks like nothing at all.
    let smith = account_id(&portal, "Smith Family");
    let foreign = search(&mut acme, &smith).await;
    assert_eq!((foreign.jump_to.clone(), foreign.total), (None, 0), "{foreign:?}");

    let acme_home = workspace(&mut acme).await;
    assert_eq!(
        (acme_home.rollup.accounts, acme_home.rollup.subscribers),
        (2, acme_people.total)
    );
    let globex_home = workspace(&mut globex).await;
    assert_eq!((globex_home.rollup.accounts, globex_home.rollup.subscribers), (1, 3));
    assert_eq!(globex_home.rollup.lines_active, 2);

    let csv = acme.get("/subscribers.csv").await;
    assert_eq!(csv.status, StatusCode::OK);
    assert!(
        csv.body.contains("jane.doe@example.com") && !csv.body.contains("smith"),
        "{}",
        csv.body
    );
    let csv = acme.get("/accounts.csv?q=").await;
    assert!(!csv.body.contains("Smith Family"), "{}", csv.body);
    // Another Distributor's export by its path: as missing as a wrong one.
    let acme_id = telegent_sandbox::seed::ACME_KEY;
    let refused = globex.get(&format!("/distributors/{acme_id}/accounts.csv")).await;
    assert_eq!(refused.status, StatusCode::NOT_FOUND);
    let made_up = globex.get("/distributors/DID-nope/accounts.csv").await;
    assert_eq!((made_up.status, made_up.body), (refused.status, refused.body));
}

#[tokio::test]
async fn once_filled_lists_search_counts_and_exports_cost_no_upstream_call() {
    let portal = portal().await;
    let mut admin = Browser::signed_in(&portal, ACME_ADMIN).await;
    // The first list fills the empty copy.
    accounts(&mut admin, "page=1").await;
    let before = upstream_calls(&portal);
    accounts(&mut admin, "page=1&sort=-lines").await;
    accounts(&mut admin, "page=1&search=doe").await;
    subscribers(&mut admin, "page=1&role=Manager").await;
    search(&mut admin, "jane").await;
    workspace(&mut admin).await;
    let csv = admin.get("/accounts.csv").await;
    assert_eq!(csv.status, StatusCode::OK);
    assert_eq!(upstream_calls(&portal), before, "served from the read model");
}

#[tokio::test]
async fn lists_search_filter_sort_and_count_in_the_database() {
    let portal = portal().await;
    let mut admin = Browser::signed_in(&portal, ACME_ADMIN).await;
    let page = accounts(&mut admin, "page=1&search=maple").await;
    // Found by its address, which is part of its search text.
    assert_eq!(
        page.rows.iter().map(|r| r.name.as_str()).collect::<Vec<_>>(),
        ["Doe Family"]
    );
    let doe = &page.rows[0];
    assert_eq!((doe.subscribers, doe.managers, doe.lines), (3, 1, 3));
    let by_lines = accounts(&mut admin, "page=1&sort=-lines").await;
    assert_eq!(by_lines.rows[0].name, "Bright Bakery LLC", "{by_lines:?}");

    let managers = subscribers(&mut admin, "page=1&role=Manager").await;
    assert!(managers.rows.iter().all(|r| r.role == "Manager"));
    assert!(managers.rows.iter().any(|r| r.email == "jane.doe@example.com"));
    let by_number = subscribers(&mut admin, &format!("page=1&search={}", urlencode("(801) 555-0102"))).await;
    assert_eq!(by_number.rows.len(), 1, "{by_number:?}");
    assert_eq!(by_number.rows[0].email, "sam.doe@example.com");
    assert_eq!(by_number.rows[0].numbers, ["+1 (801) 555-0102"]);
    let forged = admin.call("subscribers/list", "page=1&role=Platform").await;
    assert_eq!(forged.status, StatusCode::BAD_REQUEST, "{}", forged.body);
}

#[tokio::test]
async fn global_search_jumps_to_an_exact_match_and_groups_the_rest() {
    let portal = portal().await;
    let mut admin = Browser::signed_in(&portal, ACME_ADMIN).await;
    let doe = account_id(&portal, "Doe Family");

    let typed = search(&mut admin, "\u{202A}(801) 555-0101\u{202C}").await;
    assert_eq!(
        typed.jump_to.as_deref(),
        Some(format!("/accounts/{doe}/lines/18015550101").as_str())
    );
    let by_email = search(&mut admin, "Jane.Doe@example.com").await;
    let jane = crate::common::subscriber_id(&portal, "jane.doe@example.com");
    assert_eq!(by_email.jump_to, Some(format!("/accounts/{doe}/members/{jane}")));
    let by_id = search(&mut admin, &doe.to_lowercase()).await;
    assert_eq!(by_id.jump_to, Some(format!("/accounts/{doe}")));

    let grouped = search(&mut admin, "doe").await;
    assert_eq!(grouped.jump_to, None);
    let labels: Vec<&str> = grouped.groups.iter().map(|g| g.label.as_str()).collect();
    assert_eq!(labels, ["Accounts", "Subscribers"]);
    assert_eq!(grouped.groups[1].hits.len(), 3);

    // The page, without JavaScript: a redirect on an exact match, a list otherwise.
    let page = admin
        .send(
            axum::http::Request::get(format!("/search?q={}", urlencode("801-555-0101")))
                .header("accept", "text/html")
                .body(axum::body::Body::empty())
                .unwrap(),
        )
        .await;
    assert!(page.status.is_redirection(), "{:?}", page.status);
    assert!(page.location().unwrap().ends_with("/lines/18015550101"));
    let page = admin.get("/search?q=doe").await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(page.body.contains("Jane Doe") && page.body.contains("Doe Family"));
    // People of one Account have no global search.
    let mut manager = Browser::signed_in(&portal, "jane.doe@example.com").await;
    assert_eq!(manager.call("search", "q=doe").await.status, StatusCode::FORBIDDEN);
}

#[tokio::test]
async fn a_member_added_in_the_portal_is_listed_at_once_without_a_new_sweep() {
    let portal = portal().await;
    let mut admin = Browser::signed_in(&portal, ACME_ADMIN).await;
    let doe = account_id(&portal, "Doe Family");
    let before = accounts(&mut admin, "page=1&search=doe").await.rows[0].subscribers;
    let added = admin
        .call(
            "members/add",
            &format!("account_id={doe}&name=Nora+Doe&email=nora.doe%40example.com"),
        )
        .await;
    assert!(added.status.is_success() || added.status.is_redirection(), "{added:?}");
    let calls = upstream_calls(&portal);
    let found = subscribers(&mut admin, "page=1&search=nora").await;
    assert_eq!(found.rows.len(), 1, "{found:?}");
    assert_eq!(
        (found.rows[0].account_name.as_str(), found.rows[0].role.as_str()),
        ("Doe Family", "Subscriber")
    );
    assert_eq!(
        accounts(&mut admin, "page=1&search=doe").await.rows[0].subscribers,
        before + 1
    );
    assert_eq!(upstream_calls(&portal), calls, "written through, not read again");
}

#[tokio::test]
async fn needs_action_names_accounts_without_a_manager_and_lines_past_their_limit() {
    let portal = portal().await;
    let (sandbox, _) = portal.sandbox.as_ref().unwrap();
    sandbox.mutate(|w| {
        let acme = telegent_sandbox::seed::ACME_KEY.to_string();
        let id = w.new_id("AID");
        w.accounts.insert(
            id.clone(),
            serde_json::from_value(serde_json::json!({
                "id": id, "distributor_id": acme, "name": "Empty Shop", "billing": {}, "mailing": {}
            }))
            .unwrap(),
        );
        let sam = w.numbers.values_mut().find(|n| n.msisdn == "+18015550102").unwrap();
        sam.used_kb = 50_000;
    });
    let mut admin = Browser::signed_in(&portal, ACME_ADMIN).await;
    let home = workspace(&mut admin).await;
    let messages: Vec<&str> = home.needs.iter().map(|n| n.message.as_str()).collect();
    assert!(messages.contains(&"1 account without a Manager"), "{messages:?}");
    assert!(messages.contains(&"1 line at or past their data limit"), "{messages:?}");
    let no_manager = home
        .needs
        .iter()
        .find(|n| n.message.contains("without a Manager"))
        .unwrap();
    assert_eq!(no_manager.examples[0].0, "Empty Shop");
    assert_eq!(no_manager.href.as_deref(), Some("/?needs=no-manager"));
    let past = home.needs.iter().find(|n| n.message.contains("limit")).unwrap();
    assert!(past.examples[0].0.starts_with("+1 (801) 555-0102"), "{past:?}");
    let listed = accounts(&mut admin, "page=1&needs=no-manager").await;
    assert_eq!(
        listed.rows.iter().map(|r| r.name.as_str()).collect::<Vec<_>>(),
        ["Empty Shop"]
    );
    assert!(
        home.rollup.lines_blocked + home.rollup.lines_throttled >= 1,
        "{:?}",
        home.rollup
    );
}

#[tokio::test]
async fn refresh_now_reads_again_at_most_once_a_minute_and_a_viewer_may_ask() {
    let portal = portal().await;
    let mut viewer = Browser::signed_in(&portal, ACME_REVIEWER).await;
    assert_eq!(accounts(&mut viewer, "page=1").await.total, 2);
    let (sandbox, _) = portal.sandbox.as_ref().unwrap();
    sandbox.mutate(|w| {
        let acme = telegent_sandbox::seed::ACME_KEY.to_string();
        let id = w.new_id("AID");
        w.accounts.insert(
            id.clone(),
            serde_json::from_value(serde_json::json!({
                "id": id, "distributor_id": acme, "name": "Late Arrival", "billing": {}, "mailing": {}
            }))
            .unwrap(),
        );
    });
    // A copy: the new Account shows only once it is read again.
    assert_eq!(accounts(&mut viewer, "page=1").await.total, 2);
    let first = viewer.call("workspace/refresh", "distributor_id=&back=%2F").await;
    assert_eq!(first.body, "true", "{first:?}");
    let second = viewer.call("workspace/refresh", "distributor_id=&back=%2F").await;
    assert_eq!(second.body, "false", "{second:?}");
    let mut total = 0;
    for _ in 0..100 {
        total = accounts(&mut viewer, "page=1").await.total;
        if total == 3 {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    }
    assert_eq!(total, 3, "the refresh read the new Account");
    let home = workspace(&mut viewer).await;
    assert!(home.freshness.confirmed_seconds_ago.is_some_and(|s| s < 60));
    assert!(!home.freshness.can_refresh);
}

#[tokio::test]
async fn exports_hold_the_selection_shown_with_formulas_defused() {
    let portal = portal().await;
    let (sandbox, _) = portal.sandbox.as_ref().unwrap();
    sandbox.mutate(|w| {
        let acme = telegent_sandbox::seed::ACME_KEY.to_string();
        let id = w.new_id("AID");
        w.accounts.insert(
            id.clone(),
            serde_json::from_value(serde_json::json!({
                "id": id, "distributor_id": acme, "name": "=HYPERLINK(\"http://x\")", "billing": {}, "mailing": {}
            }))
            .unwrap(),
        );
    });
    let mut admin = Browser::signed_in(&portal, ACME_ADMIN).await;
    let all = admin.get("/accounts.csv").await;
    assert_eq!(all.status, StatusCode::OK);
    assert!(all.headers["content-disposition"]
        .to_str()
        .unwrap()
        .starts_with("attachment"));
    let lines: Vec<&str> = all.body.lines().collect();
    assert_eq!(lines[0], "account_id,name,address,subscribers,managers,lines");
    assert_eq!(lines.len(), 1 + 3);
    assert!(all.body.contains(",\"'=HYPERLINK(\"\"http://x\"\")\","), "{}", all.body);
    // Compressed on the way out, as browsers ask for it (the stream ends once).
    let gzipped = admin
        .send(
            axum::http::Request::get("/subscribers.csv")
                .header("accept-encoding", "gzip, br")
                .body(axum::body::Body::empty())
                .unwrap(),
        )
        .await;
    assert_eq!(gzipped.status, StatusCode::OK);
    assert!(
        gzipped.headers.contains_key("content-encoding"),
        "{:?}",
        gzipped.headers
    );
    let doe = admin.get("/accounts.csv?q=doe").await;
    assert_eq!(doe.body.lines().count(), 2, "{}", doe.body);
    let managers = admin.get("/subscribers.csv?role=Manager").await;
    let rows: Vec<&str> = managers.body.lines().skip(1).collect();
    assert!(
        !rows.is_empty() && rows.iter().all(|r| r.contains(",Manager,")),
        "{}",
        managers.body
    );
    assert_eq!(
        admin.get("/subscribers.csv?role=Boss").await.status,
        StatusCode::BAD_REQUEST
    );
    let mut nobody = Browser::new(&portal);
    assert_eq!(nobody.get("/accounts.csv").await.status, StatusCode::UNAUTHORIZED);
    // A Manager's reach is their Account: so is their export.
    let mut manager = Browser::signed_in(&portal, "jane.doe@example.com").await;
    let own = manager.get("/subscribers.csv").await;
    assert_eq!(own.status, StatusCode::OK);
    let rows: Vec<&str> = own.body.lines().skip(1).collect();
    assert_eq!(rows.len(), 3, "{}", own.body);
    assert!(rows.iter().all(|r| r.contains(",Doe Family,")), "{}", own.body);
}

#[tokio::test]
async fn a_failed_first_sweep_is_not_retried_on_every_page_load() {
    let portal = portal().await;
    let mut admin = Browser::signed_in(&portal, ACME_ADMIN).await;
    let sandbox = &portal.sandbox.as_ref().unwrap().0;
    sandbox.add_fault(telegent_sandbox::faults::FaultRule {
        path_prefix: "/v1.0/distributor/subscribers".into(),
        status: Some(404),
        ..Default::default()
    });
    let first = admin.call("accounts/list", "distributor_id=&page=1").await;
    assert!(!first.status.is_success(), "{first:?}");
    let calls = upstream_calls(&portal);
    let again = admin.call("subscribers/list", "page=1").await;
    assert!(!again.status.is_success(), "{again:?}");
    assert!(again.body.contains("Try again in a minute"), "{}", again.body);
    assert_eq!(upstream_calls(&portal), calls, "not swept again at once");
    // Once Telegent answers, "Refresh now" fills the copy.
    sandbox.clear_faults();
    let refresh = admin.call("workspace/refresh", "distributor_id=&back=%2F").await;
    assert_eq!(refresh.body, "true");
    let mut total = 0;
    for _ in 0..100 {
        let answer = admin.call("accounts/list", "distributor_id=&page=1").await;
        if answer.status.is_success() {
            total = decode::<AccountsPage>(&answer).total;
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    }
    assert_eq!(total, 2);
}

#[tokio::test]
async fn a_change_made_while_a_sweep_reads_is_not_undone_by_it() {
    let portal = portal().await;
    let mut admin = Browser::signed_in(&portal, ACME_ADMIN).await;
    let doe = account_id(&portal, "Doe Family");
    accounts(&mut admin, "page=1").await;
    // The next full sweep has read the subscribers and waits on the numbers.
    let sandbox = &portal.sandbox.as_ref().unwrap().0;
    sandbox.add_fault(telegent_sandbox::faults::FaultRule {
        path_prefix: "/v1.0/numbers/inventory".into(),
        latency_ms: 1500,
        remaining: Some(1),
        ..Default::default()
    });
    let refresh = admin.call("workspace/refresh", "distributor_id=&back=%2F").await;
    assert_eq!(refresh.body, "true");
    tokio::time::sleep(std::time::Duration::from_millis(500)).await;
    assert!(workspace(&mut admin).await.freshness.sweeping);
    let added = admin
        .call(
            "members/add",
            &format!("account_id={doe}&name=Olive+Doe&email=olive.doe%40example.com"),
        )
        .await;
    assert!(added.status.is_success() || added.status.is_redirection(), "{added:?}");
    for _ in 0..100 {
        if !workspace(&mut admin).await.freshness.sweeping {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    }
    let found = subscribers(&mut admin, "page=1&search=olive").await;
    assert_eq!(
        found.rows.len(),
        1,
        "the sweep's older read kept the new member: {found:?}"
    );
}

#[tokio::test]
async fn plans_come_with_the_subscriber_pages_and_an_active_line_without_one_needs_action() {
    let portal = portal().await;
    let (sandbox, _) = portal.sandbox.as_ref().unwrap();
    // Sam's line loses its subscription (a plan deleted at Telegent).
    let sam_line = "+18015550102";
    let acme_plans = sandbox.mutate(|w| {
        let nid = w.numbers.values().find(|n| n.msisdn == sam_line).unwrap().id.clone();
        let plans = w.records.get_mut("subscriptions").unwrap();
        plans.retain(|_, r| r.fields.get("TNID").and_then(|v| v.as_str()) != Some(nid.as_str()));
        plans
            .values()
            .filter(|r| r.distributor_id == telegent_sandbox::seed::ACME_KEY)
            .count()
    });
    let mut admin = Browser::signed_in(&portal, ACME_ADMIN).await;
    let before = upstream_calls(&portal);
    let home = workspace(&mut admin).await;
    assert_eq!(home.rollup.subscriptions as usize, acme_plans, "{:?}", home.rollup);
    let missing = home
        .needs
        .iter()
        .find(|n| n.message.contains("without a plan"))
        .unwrap_or_else(|| panic!("{:?}", home.needs));
    // Sam's line and Bright Bakery's two spare SIMs.
    assert_eq!(missing.message, "3 active lines without a plan (no subscription)");
    assert!(
        missing
            .examples
            .iter()
            .any(|(label, _)| label.starts_with("+1 (801) 555-0102")),
        "{missing:?}"
    );
    // The sweep read them with the subscriber pages: no call of their own.
    let plan_calls = portal.sandbox.as_ref().unwrap().0.journal()[before..]
        .iter()
        .filter(|e| e.path.to_lowercase().contains("subscription"))
        .count();
    assert_eq!(plan_calls, 0);
    // A plan's SUB- opens the line it bills (Jane's).
    let jane_plan = sandbox
        .snapshot()
        .collection("subscriptions")
        .find(|(_, r)| {
            let nid = r.fields.get("TNID").and_then(|v| v.as_str()).unwrap_or_default();
            sandbox
                .snapshot()
                .numbers
                .get(nid)
                .is_some_and(|n| n.msisdn == "+18015550101")
        })
        .map(|(id, _)| id.clone())
        .unwrap();
    let found = search(&mut admin, &jane_plan).await;
    let doe = account_id(&portal, "Doe Family");
    assert_eq!(
        found.jump_to.as_deref(),
        Some(telegent_app::links::line(&doe, "+18015550101").as_str())
    );

    // The other tree counts only its own, and sees none of Acme's lines.
    let mut globex = Browser::signed_in(&portal, GLOBEX_ADMIN).await;
    let theirs = workspace(&mut globex).await;
    let globex_plans = sandbox
        .snapshot()
        .collection("subscriptions")
        .filter(|(_, r)| r.distributor_id == telegent_sandbox::seed::GLOBEX_KEY)
        .count();
    assert_eq!(theirs.rollup.subscriptions as usize, globex_plans);
    assert!(
        theirs.needs.iter().all(|n| !n.message.contains("without a plan")),
        "{:?}",
        theirs.needs
    );
}

#[tokio::test]
async fn an_open_port_in_is_listed_by_age_until_a_sweep_finds_it_ended() {
    let portal = portal().await;
    let doe = account_id(&portal, "Doe Family");
    let tenant = telegent_app::ssr::Tenant {
        distributor_id: telegent_sandbox::seed::ACME_KEY.into(),
        client: portal.state.upstreams.get(telegent_sandbox::seed::ACME_KEY).unwrap(),
    };
    let request: telegent::ops::numbers::PortInRequest = serde_json::from_value(serde_json::json!({
        "PortInNumber": "+13855550141", "CurrentCarrierName": "Old Carrier", "CurrentAccountNumber": "123",
        "CurrentAccountPassword": "0000", "TargetPortinClassification": "mvno", "SubscriberName": "Jane Doe",
        "CurrentBillingAddress": {"Street1": "42 Maple Ave", "City": "Provo", "State": "UT", "Zip": "84601"}
    }))
    .unwrap();
    let answer =
        telegent_app::numbers::service::submit_port_in(&portal.state.pool, &tenant, "portin-open", &doe, &request)
            .await
            .unwrap();
    let order_id = answer["OrderId"].as_str().unwrap().to_string();

    let mut admin = Browser::signed_in(&portal, ACME_ADMIN).await;
    let home = workspace(&mut admin).await;
    let open = home
        .needs
        .iter()
        .find(|n| n.message.contains("still open"))
        .unwrap_or_else(|| panic!("{:?}", home.needs));
    assert_eq!(open.message, "1 order still open, oldest first");
    assert!(
        open.examples[0].0.starts_with("Port-in +1 (385) 555-0141: ") && open.examples[0].0.ends_with("under an hour"),
        "{open:?}"
    );
    assert_eq!(open.examples[0].1, telegent_app::links::account(&doe));
    assert_eq!(home.rollup.open_orders, 1);
    // Its order ID opens its Account; the other tree finds nothing by it.
    let found = search(&mut admin, &order_id).await;
    assert_eq!(
        found.jump_to.as_deref(),
        Some(telegent_app::links::account(&doe).as_str())
    );
    // Not the other tree's business.
    let mut globex = Browser::signed_in(&portal, GLOBEX_ADMIN).await;
    assert!(workspace(&mut globex)
        .await
        .needs
        .iter()
        .all(|n| !n.message.contains("still open")));
    let theirs = search(&mut globex, &order_id).await;
    assert_eq!(theirs.jump_to, None);
    assert_eq!(theirs.total, 0, "{theirs:?}");

    // Telegent completes it; the next sweep asks after it and it leaves the list.
    portal.sandbox.as_ref().unwrap().0.mutate(|w| {
        w.orders.get_mut(&order_id).unwrap().state = "Complete".into();
    });
    let before = upstream_calls(&portal);
    telegent_app::read_model::sweep::run(
        &portal.state,
        telegent_sandbox::seed::ACME_KEY,
        telegent_app::read_model::sweep::Kind::Usage,
    )
    .await
    .unwrap();
    let asked = portal.sandbox.as_ref().unwrap().0.journal()[before..]
        .iter()
        .filter(|e| e.path.to_lowercase().ends_with("/numbers/order"))
        .count();
    assert_eq!(asked, 1, "one call for the one open order");
    let home = workspace(&mut admin).await;
    assert!(
        home.needs.iter().all(|n| !n.message.contains("still open")),
        "{:?}",
        home.needs
    );
}

#[tokio::test]
async fn a_spent_budget_reads_a_familys_usage_from_the_read_model() {
    let portal = portal().await;
    let mut admin = Browser::signed_in(&portal, ACME_ADMIN).await;
    workspace(&mut admin).await; // the first fill reads every line's usage
    let acme = telegent_sandbox::seed::ACME_KEY;
    let client = portal.state.upstreams.get(acme).unwrap();
    // A person whose share of the budget allows one call this minute, and
    // no copy in the client to fall back on.
    let spent = std::sync::Arc::new(telegent::RateBudget::per_minute(1));
    let tenant = telegent_app::ssr::Tenant {
        distributor_id: acme.into(),
        client: std::sync::Arc::new(client.with_share(spent)),
    };
    tenant.client.invalidate_reads("/v1.0/numbers");
    let lines = vec!["+18015550101".to_string(), "+18015550102".to_string()];
    let (usage, age) = telegent_app::lines::service::usage_or_copy(&portal.state, &tenant, &lines)
        .await
        .unwrap();
    assert!(age.is_some(), "said to be a copy");
    let world = portal.sandbox.as_ref().unwrap().0.snapshot();
    for line in &lines {
        let used = world.numbers.values().find(|n| &n.msisdn == line).unwrap().used_kb;
        assert_eq!(usage[line].used_kb, used, "{line}: the sweep's reading");
    }
    // A line the copy does not hold: the page is told "busy", not shown zeros.
    let unknown =
        telegent_app::lines::service::usage_or_copy(&portal.state, &tenant, &["+15125550120".to_string()]).await;
    assert!(unknown.is_err(), "{unknown:?}");
}

#[tokio::test]
async fn the_homes_counts_are_kept_only_while_the_copy_is_unchanged() {
    let portal = portal().await;
    let mut admin = Browser::signed_in(&portal, ACME_ADMIN).await;
    let first = workspace(&mut admin).await;
    assert_eq!(workspace(&mut admin).await.rollup, first.rollup, "kept");
    // A change the portal makes shows at once, not after the kept copy expires.
    let doe = account_id(&portal, "Doe Family");
    let added = admin
        .call(
            "members/add",
            &format!("account_id={doe}&name=Kept+Doe&email=kept.doe%40example.com&phone_numbers="),
        )
        .await;
    assert!(added.status.is_redirection() || added.status.is_success(), "{added:?}");
    let after = workspace(&mut admin).await;
    assert_eq!(
        after.rollup.subscribers,
        first.rollup.subscribers + 1,
        "{:?}",
        after.rollup
    );
}
