//! Platform operators create Distributors and change their name and
//! addresses (issue 15): only the platform credential creates one at
//! Telegent, its credential is stored sealed from the answer (never shown,
//! never in the audit log) so the new Distributor works at once; staff of
//! a Distributor are refused; a refused form sends nothing.

use axum::http::StatusCode;
use telegent_portal::Portal;

use crate::common::{portal, urlencode, Browser, ACME_ADMIN};

const PLATFORM: &str = "platform@telegent.example";
const ADDRESS: &str =
    "billing_street1=1+Tower+Rd&billing_city=Denver&billing_state=CO&billing_zip=80202&billing_country=USA&mailing_same=on";

fn form(did: &str, name: &str) -> String {
    format!(
        "account_id=&distributor_id={did}&name={}&admin_email=&{ADDRESS}",
        urlencode(name)
    )
}

fn posts(portal: &Portal) -> usize {
    portal
        .sandbox
        .as_ref()
        .unwrap()
        .0
        .journal()
        .iter()
        .filter(|e| e.method == "POST" && !e.path.to_lowercase().contains("oauth2"))
        .count()
}

#[tokio::test]
async fn the_platform_admin_creates_a_distributor_that_works_at_once_and_renames_it() {
    let portal = portal().await;
    let mut platform = Browser::signed_in(&portal, PLATFORM).await;
    let created = platform.call("distributors/create", &form("", "Initech Mobile")).await;
    assert!(
        created.status.is_redirection() || created.status.is_success(),
        "{created:?}"
    );
    let world = portal.sandbox.as_ref().unwrap().0.snapshot();
    let made = world
        .distributors
        .values()
        .find(|d| d.name == "Initech Mobile")
        .expect("created at Telegent")
        .clone();
    assert_eq!(made.billing.city.as_deref(), Some("Denver"));
    assert_eq!(made.mailing, made.billing);
    assert!(
        created
            .location()
            .unwrap_or_default()
            .contains(&format!("created={}", made.id)),
        "{created:?}"
    );
    // Its credential came with the answer and is in use: the portal reads
    // the new Distributor with it (no Accounts yet).
    assert!(portal.state.upstreams.get(&made.id).is_some(), "connected");
    let client = portal.state.upstreams.get(&made.id).unwrap();
    assert_eq!(
        client.distributor(&made.id).await.unwrap().distributor_name,
        "Initech Mobile"
    );
    let list = platform.call("distributors/list", "").await;
    assert!(
        list.body.contains("Initech Mobile") && list.body.contains(&made.id),
        "{}",
        list.body
    );
    // The secret is nowhere in the audit log (no column of any row), nor in
    // what the pages were answered.
    let (leaks,): (i64,) = sqlx::query_as(
        "SELECT COUNT(*) FROM audit_log WHERE detail LIKE $1 OR target_ids LIKE $1 OR action LIKE $1 \
         OR user_email LIKE $1 OR COALESCE(account_id, '') LIKE $1 OR COALESCE(distributor_id, '') LIKE $1",
    )
    .bind(format!("%{}%", made.secret))
    .fetch_one(&portal.state.pool)
    .await
    .unwrap();
    assert_eq!(leaks, 0);
    assert!(!created.body.contains(&made.secret) && !list.body.contains(&made.secret));
    let rows: Vec<(String, String)> =
        sqlx::query_as("SELECT outcome, detail FROM audit_log WHERE action = 'CreateDistributor'")
            .fetch_all(&portal.state.pool)
            .await
            .unwrap();
    assert_eq!(rows.len(), 1);
    assert_eq!(rows[0].0, "succeeded");
    assert!(!rows[0].1.contains(&made.secret), "{rows:?}");
    assert!(rows[0].1.contains("credential stored"), "{rows:?}");

    // Renamed: at Telegent and in the portal's list; an unchanged save sends nothing.
    let page = platform
        .call("distributors/edit-form", &format!("distributor_id={}", made.id))
        .await;
    assert_eq!(page.status, StatusCode::OK, "{}", page.body);
    assert!(
        page.body.contains("Tower Rd") && page.body.contains("\"mailing_same\":true"),
        "{}",
        page.body
    );
    let renamed = platform
        .call("distributors/update", &form(&made.id, "Initech Wireless"))
        .await;
    assert!(
        renamed.status.is_redirection() || renamed.status.is_success(),
        "{renamed:?}"
    );
    let world = portal.sandbox.as_ref().unwrap().0.snapshot();
    assert_eq!(world.distributors[&made.id].name, "Initech Wireless");
    let list = platform.call("distributors/list", "").await;
    assert!(list.body.contains("Initech Wireless"), "{}", list.body);
    let before = posts(&portal);
    let same = platform
        .call("distributors/update", &form(&made.id, "Initech Wireless"))
        .await;
    assert!(same.status.is_redirection() || same.status.is_success(), "{same:?}");
    assert_eq!(posts(&portal), before, "nothing sent");
    let updates: Vec<(String,)> = sqlx::query_as("SELECT detail FROM audit_log WHERE action = 'UpdateDistributor'")
        .fetch_all(&portal.state.pool)
        .await
        .unwrap();
    assert_eq!(updates, vec![("Changed name of Initech Wireless".to_string(),)]);
}

#[tokio::test]
async fn staff_create_no_distributor_and_a_refused_form_sends_nothing() {
    let portal = portal().await;
    let before = posts(&portal);
    let mut admin = Browser::signed_in(&portal, ACME_ADMIN).await;
    let refused = admin.call("distributors/create", &form("", "Rogue Mobile")).await;
    assert_eq!(refused.status, StatusCode::FORBIDDEN, "{}", refused.body);
    let rename = admin
        .call(
            "distributors/update",
            &form(telegent_sandbox::seed::ACME_KEY, "Acme Renamed"),
        )
        .await;
    assert_eq!(rename.status, StatusCode::FORBIDDEN, "{}", rename.body);
    let page = admin.call("distributors/new-form", "").await;
    assert_eq!(page.status, StatusCode::FORBIDDEN);

    let mut platform = Browser::signed_in(&portal, PLATFORM).await;
    let blank = platform
        .call(
            "distributors/create",
            "account_id=&distributor_id=&name=+&admin_email=&billing_street1=&billing_city=Denver&billing_zip=\
             &billing_country=USA",
        )
        .await;
    assert_eq!(blank.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", blank.body);
    for field in ["\"name\"", "billing_street1", "billing_zip", "mailing_street1"] {
        assert!(blank.body.contains(field), "{field}: {}", blank.body);
    }
    assert_eq!(posts(&portal), before, "nothing sent");
    let world = portal.sandbox.as_ref().unwrap().0.snapshot();
    assert_eq!(world.distributors.len(), 2);
    assert_eq!(world.distributors[telegent_sandbox::seed::ACME_KEY].name, "Acme Mobile");
}
