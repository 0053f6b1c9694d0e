//! The notification centre and takeover protection (issue 17): a port-out
//! PIN issued on a line tells its Account's Manager and admin at once (in
//! the portal, and by e-mail through the outbox), with who did it; nobody
//! of another Account hears of it, and one person cannot read or mark
//! another's notices.

use axum::http::StatusCode;
use telegent_app::notifications::model::NoticesPage;

use crate::common::{account_id, portal_with, Browser, ACME_ADMIN};

async fn notices(browser: &mut Browser) -> NoticesPage {
    let answer = browser.call("notifications/list", "").await;
    assert_eq!(answer.status, StatusCode::OK, "{}", answer.body);
    serde_json::from_str(&answer.body).unwrap()
}

#[tokio::test]
async fn a_port_out_pin_alerts_the_accounts_manager_and_admin_and_no_one_else() {
    let portal = portal_with(|c| c.sandbox_rate_limit_per_minute = None).await;
    let mut admin = Browser::signed_in(&portal, ACME_ADMIN).await;
    let bakery = account_id(&portal, "Bright Bakery LLC");
    let form =
        format!("account_id={bakery}&msisdn=%2B13855550111&pin=246810&intent_key=notice-test-000000000001&confirm=on");
    let issued = admin.call("numbers/port-out", &form).await;
    assert!(
        issued.status.is_success() || issued.status.is_redirection(),
        "{issued:?}"
    );

    let mut omar = Browser::signed_in(&portal, "omar@brightbakery.example").await;
    let mut priya = Browser::signed_in(&portal, "priya@brightbakery.example").await;
    let mut jane = Browser::signed_in(&portal, "jane.doe@example.com").await;
    let told = notices(&mut omar).await;
    assert_eq!(told.unread, 1, "{told:?}");
    let alert = &told.items[0];
    assert_eq!(alert.kind, "Takeover");
    assert!(
        alert.title.contains("port-out PIN") && alert.title.contains("385"),
        "{alert:?}"
    );
    assert!(alert.body.contains(ACME_ADMIN), "who did it: {alert:?}");
    assert!(!alert.body.contains("246810"), "the PIN is never repeated: {alert:?}");
    assert!(alert.link.contains("/lines/13855550111"));
    assert_eq!(notices(&mut priya).await.unread, 1);
    assert_eq!(notices(&mut jane).await.unread, 0, "another Account hears nothing");
    assert_eq!(notices(&mut admin).await.unread, 0);
    // The menu says so.
    let me = omar.call("session/current-user", "").await;
    assert!(me.body.contains("Notifications (1 unread)"), "{}", me.body);

    // By e-mail, kept in the outbox, to the Account's admin.
    let mails: Vec<(String, String, String)> =
        sqlx::query_as("SELECT to_email, subject, body_text FROM outbox WHERE kind = 'TakeoverAlert'")
            .fetch_all(&portal.state.pool)
            .await
            .unwrap();
    assert_eq!(mails.len(), 1, "{mails:?}");
    assert_eq!(mails[0].0, "priya@brightbakery.example");
    assert!(
        mails[0].1.starts_with("Security alert:") && !mails[0].2.contains("246810"),
        "{mails:?}"
    );

    // A second submit of the same form: nothing issued, nobody told again.
    admin
        .call("numbers/port-out", &form.replace("confirm=on", "confirm=yes"))
        .await;
    assert_eq!(notices(&mut omar).await.items.len(), 1);

    // Another person's notice is missing to Jane; Omar marks his read.
    let id = alert.id;
    let foreign = jane.call("notifications/read", &format!("id={id}")).await;
    assert_eq!(foreign.status, StatusCode::NOT_FOUND);
    assert_eq!(notices(&mut omar).await.unread, 1);
    let read = omar.call("notifications/read", &format!("id={id}")).await;
    assert!(read.status.is_success() || read.status.is_redirection(), "{read:?}");
    let after = notices(&mut omar).await;
    assert!(after.unread == 0 && after.items[0].read);
    assert_eq!(notices(&mut priya).await.unread, 1, "hers is hers");
    let all = priya.call("notifications/read", "id=all").await;
    assert!(all.status.is_success() || all.status.is_redirection());
    assert_eq!(notices(&mut priya).await.unread, 0);
}

#[tokio::test]
async fn a_sim_swap_is_confirmed_audited_and_alerts_the_accounts_manager() {
    let portal = portal_with(|c| c.sandbox_rate_limit_per_minute = None).await;
    let mut admin = Browser::signed_in(&portal, ACME_ADMIN).await;
    let doe = account_id(&portal, "Doe Family");
    let line = "%2B18015550103";
    let sim = |msisdn: &str| {
        let world = portal.sandbox.as_ref().unwrap().0.snapshot();
        world
            .numbers
            .values()
            .find(|n| n.msisdn == msisdn)
            .unwrap()
            .iccid
            .clone()
    };
    let old = sim("+18015550103");
    // Refused at the fields, nothing sent.
    for (form, field) in [
        (format!("account_id={doe}&msisdn={line}&iccid=12&confirm=on"), "iccid"),
        (
            format!("account_id={doe}&msisdn={line}&iccid=8901260000000000099"),
            "confirm",
        ),
    ] {
        let refused = admin.call("numbers/swap-sim", &form).await;
        assert_eq!(
            refused.status,
            StatusCode::UNPROCESSABLE_ENTITY,
            "{form}: {}",
            refused.body
        );
        assert!(refused.body.contains(field), "{}", refused.body);
    }
    assert_eq!(sim("+18015550103"), old);
    // Another line's SIM is refused.
    let theirs = sim("+18015550101");
    let taken = admin
        .call(
            "numbers/swap-sim",
            &format!("account_id={doe}&msisdn={line}&iccid={theirs}&confirm=on"),
        )
        .await;
    assert_eq!(taken.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", taken.body);

    let swapped = admin
        .call(
            "numbers/swap-sim",
            &format!("account_id={doe}&msisdn={line}&iccid=8901260000000000099&confirm=on"),
        )
        .await;
    assert!(
        swapped.status.is_success() || swapped.status.is_redirection(),
        "{swapped:?}"
    );
    assert_eq!(sim("+18015550103"), "8901260000000000099");
    let (copied,): (String,) = sqlx::query_as("SELECT iccid FROM rm_numbers WHERE msisdn = '+18015550103'")
        .fetch_one(&portal.state.pool)
        .await
        .unwrap();
    assert_eq!(copied, "8901260000000000099", "written through");
    let audited: Vec<(String,)> =
        sqlx::query_as("SELECT outcome FROM audit_log WHERE action = 'SwapSim' AND outcome <> 'pending'")
            .fetch_all(&portal.state.pool)
            .await
            .unwrap();
    assert_eq!(audited, [("succeeded".to_string(),)]);

    let mut jane = Browser::signed_in(&portal, "jane.doe@example.com").await;
    let told = notices(&mut jane).await;
    assert_eq!(told.unread, 1, "{told:?}");
    assert!(told.items[0].title.contains("SIM was swapped"), "{told:?}");
    let mut omar = Browser::signed_in(&portal, "omar@brightbakery.example").await;
    assert_eq!(notices(&mut omar).await.unread, 0, "another Account hears nothing");
    // The Doe Family has no Account Admin user: its Manager gets the e-mail.
    let (to,): (String,) = sqlx::query_as("SELECT to_email FROM outbox WHERE kind = 'TakeoverAlert'")
        .fetch_one(&portal.state.pool)
        .await
        .unwrap();
    assert_eq!(to, "jane.doe@example.com");
}
