//! "Forgot your password?" and the outbox: a link by e-mail that works once
//! and expires, the same answer for unknown addresses, throttling, every
//! session ending on use, staff sending links and ending sessions, the
//! outbox's scopes, and real delivery by SMTP.

use std::sync::{Arc, Mutex};
use std::time::Duration;

use crate::common::{portal, portal_with, urlencode, Answer, Browser, ACME_ADMIN};
use axum::body::Body;
use axum::http::{Request, StatusCode};
use telegent_app::outbox::model::{Delivery, MailKind, OutboxList};
use telegent_app::password_reset::model::{LINK_DEAD, LINK_SENT};
use telegent_app::session::model::CurrentUser;
use telegent_app::ssr::demo::DEMO_PASSWORD;
use telegent_portal::Portal;

const JANE: &str = "jane.doe@example.com";
const NEW_PASSWORD: &str = "seven blue herons at dawn";

async fn current_user(browser: &mut Browser) -> Option<CurrentUser> {
    let answer = browser.call("session/current-user", "").await;
    assert_eq!(answer.status, StatusCode::OK, "{}", answer.body);
    serde_json::from_str(&answer.body).unwrap()
}

async fn forgot(browser: &mut Browser, email: &str) -> Answer {
    browser
        .call("password/forgot", &format!("email={}", urlencode(email)))
        .await
}

async fn reset(browser: &mut Browser, token: &str, new: &str, confirm: &str) -> Answer {
    let form = format!(
        "token={}&new_password={}&confirm_password={}",
        urlencode(token),
        urlencode(new),
        urlencode(confirm)
    );
    browser.call("password/reset", &form).await
}

/// A plain HTML form post, as a browser without JavaScript sends it.
async fn post_form(browser: &mut Browser, endpoint: &str, form: &str, referer: &str) -> Answer {
    let request = Request::post(format!("/api/{endpoint}"))
        .header("content-type", "application/x-www-form-urlencoded")
        .header("accept", "text/html")
        .header("referer", format!("http://localhost{referer}"))
        .body(Body::from(form.to_string()))
        .unwrap();
    browser.send(request).await
}

/// The outbox rows to `to`: (kind, subject, body, delivery), oldest first.
async fn mail_to(portal: &Portal, to: &str) -> Vec<(String, String, String, String)> {
    sqlx::query_as("SELECT kind, subject, body_text, delivery FROM outbox WHERE to_email = $1 ORDER BY id")
        .bind(to)
        .fetch_all(&portal.state.pool)
        .await
        .unwrap()
}

/// The token of the reset link in a mail body.
fn token_in(body: &str) -> String {
    let start = body.find("/password/reset?token=").expect("a reset link in the mail") + "/password/reset?token=".len();
    body[start..]
        .chars()
        .take_while(|c| c.is_ascii_alphanumeric() || *c == '-' || *c == '_')
        .collect()
}

async fn latest_token(portal: &Portal, to: &str) -> String {
    let mail = mail_to(portal, to).await;
    token_in(&mail.last().expect("a mail").2)
}

async fn audit_rows(portal: &Portal, action: &str) -> Vec<(String, String, Option<i64>, Option<String>)> {
    sqlx::query_as("SELECT outcome, detail, user_id, account_id FROM audit_log WHERE action = $1 ORDER BY id")
        .bind(action)
        .fetch_all(&portal.state.pool)
        .await
        .unwrap()
}

async fn password_hash(portal: &Portal, email: &str) -> String {
    sqlx::query_as::<_, (String,)>("SELECT password_hash FROM users WHERE email = $1")
        .bind(email)
        .fetch_one(&portal.state.pool)
        .await
        .unwrap()
        .0
}

async fn user_id(portal: &Portal, email: &str) -> i64 {
    sqlx::query_as::<_, (i64,)>("SELECT id FROM users WHERE email = $1")
        .bind(email)
        .fetch_one(&portal.state.pool)
        .await
        .unwrap()
        .0
}

#[tokio::test]
async fn a_mailed_link_works_once_and_ends_every_session() {
    let portal = portal().await;
    let mut laptop = Browser::signed_in(&portal, JANE).await;
    let mut stranger = Browser::new(&portal);
    let answer = forgot(&mut stranger, JANE).await;
    assert_eq!(answer.status, StatusCode::OK, "{answer:?}");
    assert_eq!(answer.location(), Some("/password/forgot?sent=1"));

    // The outbox holds the mail, with a link to the portal's reset page.
    let mail = mail_to(&portal, JANE).await;
    assert_eq!(mail.len(), 1, "{mail:?}");
    let (kind, subject, body, delivery) = &mail[0];
    assert_eq!(kind, MailKind::PasswordReset.as_str());
    assert!(subject.contains("new password"), "{subject}");
    assert_eq!(delivery, Delivery::Kept.as_str(), "no SMTP configured");
    assert!(body.contains("http://localhost/password/reset?token="), "{body}");
    assert!(body.contains("30 minutes"), "{body}");
    let token = token_in(body);
    assert_eq!(token.len(), 43, "{token}");

    // Only the token's hash is stored.
    let stored: Vec<(String, i64)> = sqlx::query_as("SELECT token_hash, user_id FROM password_resets")
        .fetch_all(&portal.state.pool)
        .await
        .unwrap();
    assert_eq!(stored.len(), 1);
    assert_ne!(stored[0].0, token);
    assert!(!stored[0].0.contains(&token));
    assert_eq!(stored[0].1, user_id(&portal, JANE).await);

    let status = stranger.call("password/reset-status", &format!("token={token}")).await;
    assert_eq!(status.body, format!("\"{JANE}\""));

    // Bad choices are refused all at once, at their fields, and change nothing.
    let before = password_hash(&portal, JANE).await;
    let refused = reset(&mut stranger, &token, "short", "different").await;
    assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(refused.body.contains("new_password"), "{}", refused.body);
    assert!(refused.body.contains("confirm_password"), "{}", refused.body);
    assert_eq!(password_hash(&portal, JANE).await, before);
    assert!(current_user(&mut laptop).await.is_some(), "nothing ended yet");

    let done = reset(&mut stranger, &token, NEW_PASSWORD, NEW_PASSWORD).await;
    assert_eq!(done.status, StatusCode::OK, "{done:?}");
    assert_eq!(done.location(), Some("/login?reset=1"));
    assert!(current_user(&mut laptop).await.is_none(), "every session ended");
    let old = Browser::new(&portal).sign_in(JANE, DEMO_PASSWORD).await;
    assert_eq!(old.status, StatusCode::UNPROCESSABLE_ENTITY, "the old password is gone");
    let mut jane = Browser::new(&portal);
    let new = jane.sign_in(JANE, NEW_PASSWORD).await;
    assert!(new.status.is_success() || new.status.is_redirection(), "{new:?}");
    assert!(current_user(&mut jane).await.is_some());

    // Once only.
    let again = reset(&mut stranger, &token, "another fine password", "another fine password").await;
    assert_eq!(again.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(again.body.contains("no longer works"), "{}", again.body);
    let status = stranger.call("password/reset-status", &format!("token={token}")).await;
    assert_eq!(status.body, "null");

    let requested = audit_rows(&portal, "PasswordResetRequested").await;
    assert_eq!(requested.len(), 1);
    assert_eq!(requested[0].0, "succeeded");
    assert_eq!(requested[0].2, Some(user_id(&portal, JANE).await), "in Jane's name");
    assert!(requested[0].3.is_some(), "in Jane's Account, so its admins see it");
    let used = audit_rows(&portal, "PasswordReset").await;
    let outcomes: Vec<&str> = used.iter().map(|r| r.0.as_str()).collect();
    assert_eq!(
        outcomes,
        ["succeeded", "failed"],
        "the use, then the refused second use"
    );
}

#[tokio::test]
async fn an_unknown_address_gets_the_same_answer_and_no_mail() {
    let portal = portal().await;
    let mut browser = Browser::new(&portal);
    let known = forgot(&mut browser, "sam.doe@example.com").await;
    let unknown = forgot(&mut browser, "nobody.here@example.com").await;
    assert_eq!(known.status, unknown.status);
    assert_eq!(known.body, unknown.body);
    assert_eq!(known.location(), unknown.location());

    // Without JavaScript: the same redirect and the same page.
    let known = post_form(
        &mut browser,
        "password/forgot",
        "email=jane.doe%40example.com",
        "/password/forgot",
    )
    .await;
    let unknown = post_form(
        &mut browser,
        "password/forgot",
        "email=ghost%40example.com",
        "/password/forgot",
    )
    .await;
    assert_eq!(known.status, StatusCode::FOUND);
    assert_eq!(known.location(), Some("/password/forgot?sent=1"));
    assert_eq!(unknown.location(), known.location());
    let page = browser.get("/password/forgot?sent=1").await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(page.body.contains(LINK_SENT), "{}", page.body);

    assert_eq!(mail_to(&portal, "nobody.here@example.com").await.len(), 0);
    assert_eq!(mail_to(&portal, "ghost@example.com").await.len(), 0);
    assert_eq!(mail_to(&portal, "sam.doe@example.com").await.len(), 1);
    let (n,): (i64,) = sqlx::query_as("SELECT COUNT(*) FROM password_resets")
        .fetch_one(&portal.state.pool)
        .await
        .unwrap();
    assert_eq!(n, 2, "Sam's and Jane's links only");
    let requested = audit_rows(&portal, "PasswordResetRequested").await;
    let failed: Vec<_> = requested.iter().filter(|r| r.0 == "failed").collect();
    assert_eq!(
        failed.len(),
        2,
        "both unknown addresses are on the record: {requested:?}"
    );
    assert!(
        failed.iter().all(|r| r.2.is_none() && r.3.is_none()),
        "in nobody's scope"
    );
}

#[tokio::test]
async fn a_link_expires_after_thirty_minutes_and_a_newer_one_replaces_it() {
    let portal = portal().await;
    let mut browser = Browser::new(&portal);
    forgot(&mut browser, JANE).await;
    let first = latest_token(&portal, JANE).await;
    forgot(&mut browser, JANE).await;
    let second = latest_token(&portal, JANE).await;
    assert_ne!(first, second);
    let replaced = reset(&mut browser, &first, NEW_PASSWORD, NEW_PASSWORD).await;
    assert_eq!(
        replaced.status,
        StatusCode::UNPROCESSABLE_ENTITY,
        "only the newest link works"
    );

    portal.state.clock.advance(Duration::from_secs(29 * 60));
    let status = browser.call("password/reset-status", &format!("token={second}")).await;
    assert_eq!(status.body, format!("\"{JANE}\""), "still good after 29 minutes");
    portal.state.clock.advance(Duration::from_secs(2 * 60));
    let expired = reset(&mut browser, &second, NEW_PASSWORD, NEW_PASSWORD).await;
    assert_eq!(expired.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(expired.body.contains("expired"), "{}", expired.body);
    let page = browser.get(&format!("/password/reset?token={second}")).await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(page.body.contains("Ask for a new link"), "the page says so up front");
    assert!(!page.body.contains("name=\"new_password\""), "no form for a dead link");
    assert!(
        Browser::new(&portal)
            .sign_in(JANE, DEMO_PASSWORD)
            .await
            .status
            .is_success(),
        "the password is unchanged"
    );
}

#[tokio::test]
async fn requests_are_throttled_per_address_typed_and_per_client_alike_for_unknown_ones() {
    let portal = portal().await;
    let mut browser = Browser::new(&portal);
    for email in [JANE, "nobody.at.all@example.com"] {
        for _ in 0..3 {
            let answer = forgot(&mut browser, email).await;
            assert_eq!(answer.status, StatusCode::OK, "{answer:?}");
        }
        let throttled = forgot(&mut browser, email).await;
        assert_eq!(throttled.status, StatusCode::UNPROCESSABLE_ENTITY, "{email}");
        assert!(throttled.body.contains("Wait 1 minute"), "{}", throttled.body);
    }
    assert_eq!(mail_to(&portal, JANE).await.len(), 3, "no mail while throttled");
    portal.state.clock.advance(Duration::from_secs(31));
    assert_eq!(forgot(&mut browser, JANE).await.status, StatusCode::OK);
    let denied = audit_rows(&portal, "PasswordResetRequested").await;
    assert_eq!(denied.iter().filter(|r| r.0 == "denied").count(), 2);

    // One client asking for many addresses is slowed down too (7 asks so
    // far counted; the throttled ones were not).
    let asks_left = 10 - 7;
    for i in 0..asks_left {
        let answer = forgot(&mut browser, &format!("probe{i}@example.com")).await;
        assert_eq!(answer.status, StatusCode::OK);
    }
    let throttled = forgot(&mut browser, "sam.doe@example.com").await;
    assert_eq!(throttled.status, StatusCode::UNPROCESSABLE_ENTITY, "{throttled:?}");
}

#[tokio::test]
async fn a_disabled_user_gets_no_link_and_an_earlier_one_stops_working() {
    let portal = portal().await;
    let mut browser = Browser::new(&portal);
    forgot(&mut browser, "sam.doe@example.com").await;
    let token = latest_token(&portal, "sam.doe@example.com").await;
    let mut admin = Browser::signed_in(&portal, ACME_ADMIN).await;
    let sam = user_id(&portal, "sam.doe@example.com").await;
    let off = admin
        .call("users/set-enabled", &format!("user_id={sam}&enabled=false"))
        .await;
    assert_eq!(off.status, StatusCode::OK, "{off:?}");

    let answer = forgot(&mut browser, "sam.doe@example.com").await;
    assert_eq!(answer.status, StatusCode::OK, "the same answer");
    assert_eq!(mail_to(&portal, "sam.doe@example.com").await.len(), 1, "no new mail");
    let refused = reset(&mut browser, &token, NEW_PASSWORD, NEW_PASSWORD).await;
    assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(refused.body.contains("turned off"), "{}", refused.body);
    let sent = admin.call("users/send-reset", &format!("user_id={sam}")).await;
    assert_eq!(
        sent.status,
        StatusCode::UNPROCESSABLE_ENTITY,
        "re-enable first: {}",
        sent.body
    );
}

#[tokio::test]
async fn changing_the_password_on_the_profile_voids_a_pending_link() {
    let portal = portal().await;
    let mut browser = Browser::new(&portal);
    forgot(&mut browser, "sam.doe@example.com").await;
    let token = latest_token(&portal, "sam.doe@example.com").await;
    let mut sam = Browser::signed_in(&portal, "sam.doe@example.com").await;
    let form = format!(
        "current_password={}&new_password={}&confirm_password={}",
        urlencode(DEMO_PASSWORD),
        urlencode(NEW_PASSWORD),
        urlencode(NEW_PASSWORD)
    );
    assert!(sam.call("session/password", &form).await.status.is_success());
    let refused = reset(&mut browser, &token, "someone else's choice", "someone else's choice").await;
    assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);
}

#[tokio::test]
async fn the_pages_work_without_javascript() {
    let portal = portal().await;
    let mut browser = Browser::new(&portal);
    let login = browser.get("/login").await;
    assert!(
        login.body.contains("href=\"/password/forgot\""),
        "the sign-in page links to it"
    );
    let page = browser.get("/password/forgot").await;
    assert_eq!(page.status, StatusCode::OK, "open to signed-out visitors");
    assert!(page.body.contains("action=\"/api/password/forgot\""), "{}", page.body);

    // A refused post comes back with what was typed and the message at the field.
    let refused = post_form(
        &mut browser,
        "password/forgot",
        "email=not-an-address",
        "/password/forgot",
    )
    .await;
    let back = refused.location().unwrap().to_string();
    assert!(back.contains("__err="), "{back}");
    let page = browser.get(back.trim_start_matches("http://localhost")).await;
    assert!(page.body.contains("id=\"email-error\""), "{}", page.body);
    assert!(page.body.contains("value=\"not-an-address\""), "typed back");

    post_form(
        &mut browser,
        "password/forgot",
        "email=jane.doe%40example.com",
        "/password/forgot",
    )
    .await;
    let token = latest_token(&portal, JANE).await;
    let reset_page = format!("/password/reset?token={token}");
    let page = browser.get(&reset_page).await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(page.body.contains(JANE), "says whose password it is");
    assert!(page.body.contains(&format!("name=\"token\" value=\"{token}\"")));

    let mismatch = format!(
        "token={token}&new_password={}&confirm_password={}",
        urlencode(NEW_PASSWORD),
        urlencode("something else entirely")
    );
    let refused = post_form(&mut browser, "password/reset", &mismatch, &reset_page).await;
    let back = refused.location().unwrap().to_string();
    assert!(
        back.contains(&format!("token={token}")),
        "back to the same link: {back}"
    );
    let page = browser.get(back.trim_start_matches("http://localhost")).await;
    assert!(page.body.contains("id=\"confirm_password-error\""), "{}", page.body);
    assert!(!page.body.contains(NEW_PASSWORD), "passwords are never typed back");

    let form = format!(
        "token={token}&new_password={}&confirm_password={}",
        urlencode(NEW_PASSWORD),
        urlencode(NEW_PASSWORD)
    );
    let done = post_form(&mut browser, "password/reset", &form, &reset_page).await;
    assert_eq!(done.location(), Some("/login?reset=1"));
    let login = browser.get("/login?reset=1").await;
    assert!(login.body.contains("Your new password is saved"));
    let dead = browser.get(&reset_page).await;
    assert!(dead.body.contains(LINK_DEAD), "{}", dead.body);
}

#[tokio::test]
async fn staff_send_a_reset_link_and_end_sessions_confirmed_and_audited() {
    let portal = portal().await;
    let mut admin = Browser::signed_in(&portal, ACME_ADMIN).await;
    let mut jane = Browser::signed_in(&portal, JANE).await;
    let jane_id = user_id(&portal, JANE).await;

    let sent = admin.call("users/send-reset", &format!("user_id={jane_id}")).await;
    assert_eq!(sent.status, StatusCode::OK, "{sent:?}");
    let mail = mail_to(&portal, JANE).await;
    assert_eq!(mail.len(), 1);
    assert!(mail[0].2.contains("Alex Acme, an administrator"), "{}", mail[0].2);
    assert!(current_user(&mut jane).await.is_some(), "sending a link ends nothing");
    let audited = audit_rows(&portal, "SendPasswordReset").await;
    assert_eq!(audited.len(), 1);
    assert_eq!(audited[0].0, "succeeded");
    assert!(audited[0].1.contains(JANE), "{audited:?}");

    let ended = admin.call("users/end-sessions", &format!("user_id={jane_id}")).await;
    assert_eq!(ended.status, StatusCode::OK, "{ended:?}");
    assert!(current_user(&mut jane).await.is_none(), "signed out everywhere");
    assert!(
        current_user(&mut admin).await.is_some(),
        "the admin's own session carries on"
    );
    let audited = audit_rows(&portal, "EndSessions").await;
    assert_eq!(audited.len(), 1);
    assert_eq!(audited[0].0, "succeeded");
    // The password still works, and so does the link.
    assert!(Browser::new(&portal)
        .sign_in(JANE, DEMO_PASSWORD)
        .await
        .status
        .is_success());
    let token = latest_token(&portal, JANE).await;
    let done = reset(&mut Browser::new(&portal), &token, NEW_PASSWORD, NEW_PASSWORD).await;
    assert_eq!(done.status, StatusCode::OK, "{done:?}");

    // A Manager does it for the Subscribers of their family only.
    let mut manager = Browser::new(&portal);
    manager.sign_in(JANE, NEW_PASSWORD).await;
    let own = manager.call("users/end-sessions", &format!("user_id={jane_id}")).await;
    assert_eq!(
        own.status,
        StatusCode::UNPROCESSABLE_ENTITY,
        "not their own: {}",
        own.body
    );
    let sam = user_id(&portal, "sam.doe@example.com").await;
    assert_eq!(
        manager.call("users/send-reset", &format!("user_id={sam}")).await.status,
        StatusCode::OK
    );
    let omar = user_id(&portal, "omar@brightbakery.example").await;
    let foreign = manager.call("users/send-reset", &format!("user_id={omar}")).await;
    let missing = manager.call("users/send-reset", "user_id=999999").await;
    assert_eq!(foreign.status, StatusCode::NOT_FOUND);
    assert_eq!(foreign.body, missing.body, "foreign looks missing");
    assert_eq!(mail_to(&portal, "omar@brightbakery.example").await.len(), 0);
    let mut sam_browser = Browser::signed_in(&portal, "sam.doe@example.com").await;
    let refused = sam_browser
        .call("users/end-sessions", &format!("user_id={jane_id}"))
        .await;
    assert_eq!(refused.status, StatusCode::FORBIDDEN);
}

#[tokio::test]
async fn the_outbox_shows_each_admin_the_mail_of_their_own_people() {
    let portal = portal().await;
    let mut browser = Browser::new(&portal);
    for email in [JANE, "john.smith@example.com", "platform@telegent.example"] {
        forgot(&mut browser, email).await;
    }
    let list = |body: &str| -> OutboxList { serde_json::from_str(body).unwrap() };
    let recipients = |page: &OutboxList| -> Vec<String> { page.rows.iter().map(|r| r.to.clone()).collect() };

    let mut platform = Browser::signed_in(&portal, "platform@telegent.example").await;
    let all = list(&platform.call("outbox/list", "to=&page=1").await.body);
    assert_eq!(
        recipients(&all),
        ["platform@telegent.example", "john.smith@example.com", JANE],
        "newest first"
    );
    assert!(all
        .rows
        .iter()
        .all(|r| r.kind == MailKind::PasswordReset && r.delivery == Delivery::Kept));
    let narrowed = list(&platform.call("outbox/list", "to=SMITH&page=1").await.body);
    assert_eq!(recipients(&narrowed), ["john.smith@example.com"]);
    let wildcard = list(&platform.call("outbox/list", "to=%25&page=1").await.body);
    assert!(wildcard.rows.is_empty(), "a % is a character, not a wildcard");

    let mut acme = Browser::signed_in(&portal, ACME_ADMIN).await;
    assert_eq!(
        recipients(&list(&acme.call("outbox/list", "to=&page=1").await.body)),
        [JANE]
    );
    let mut globex = Browser::signed_in(&portal, "admin@globex.example").await;
    assert_eq!(
        recipients(&list(&globex.call("outbox/list", "to=&page=1").await.body)),
        ["john.smith@example.com"]
    );
    for email in ["reviewer@acme.example", JANE, "priya@brightbakery.example"] {
        let mut other = Browser::signed_in(&portal, email).await;
        assert_eq!(
            other.call("outbox/list", "to=&page=1").await.status,
            StatusCode::FORBIDDEN,
            "{email}"
        );
        let page = other.get("/outbox").await;
        assert_eq!(page.status, StatusCode::FORBIDDEN, "{email}");
        assert!(page.body.contains("Not allowed"));
        assert!(!page.body.contains("<h1>Outbox</h1>"), "only the refusal");
    }

    // The page: what would have been sent, the link clickable.
    let page = acme.get("/outbox").await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(page.body.contains("<h1>Outbox</h1>"));
    assert!(page.body.contains("No mail server is set up"));
    assert!(
        page.body.contains("<a href=\"http://localhost/password/reset?token="),
        "{}",
        page.body
    );
    assert!(!page.body.contains("john.smith@example.com"));
    let nav = current_user(&mut acme).await.unwrap().nav;
    assert!(nav.iter().any(|n| n.href == "/outbox" && n.label == "Outbox"));
}

/// A mail server on loopback that accepts every message and keeps it.
async fn fake_smtp() -> (u16, Arc<Mutex<Vec<String>>>) {
    use tokio::io::{AsyncBufReadExt, AsyncWriteExt, BufReader};
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let port = listener.local_addr().unwrap().port();
    let received = Arc::new(Mutex::new(Vec::new()));
    let kept = received.clone();
    tokio::spawn(async move {
        while let Ok((stream, _)) = listener.accept().await {
            let kept = kept.clone();
            tokio::spawn(async move {
                let (read, mut write) = stream.into_split();
                let mut lines = BufReader::new(read).lines();
                let _ = write.write_all(b"220 fake.test ESMTP\r\n").await;
                let mut data: Option<String> = None;
                while let Ok(Some(line)) = lines.next_line().await {
                    if let Some(message) = data.as_mut() {
                        if line == "." {
                            kept.lock().unwrap().push(std::mem::take(message));
                            data = None;
                            let _ = write.write_all(b"250 queued\r\n").await;
                        } else {
                            message.push_str(&line);
                            message.push('\n');
                        }
                        continue;
                    }
                    let verb = line.split_whitespace().next().unwrap_or("").to_uppercase();
                    let reply: &[u8] = match verb.as_str() {
                        "EHLO" | "HELO" => b"250 fake.test\r\n",
                        "DATA" => {
                            data = Some(String::new());
                            b"354 go ahead\r\n"
                        }
                        "QUIT" => {
                            let _ = write.write_all(b"221 bye\r\n").await;
                            break;
                        }
                        _ => b"250 ok\r\n",
                    };
                    let _ = write.write_all(reply).await;
                }
            });
        }
    });
    (port, received)
}

#[tokio::test]
async fn with_smtp_the_mail_is_sent_and_the_link_is_not_kept() {
    let (port, received) = fake_smtp().await;
    let portal = portal_with(|c| {
        c.mail.smtp_url = Some(format!("smtp://127.0.0.1:{port}"));
        c.mail.from = "Telegent Portal <portal@portal.test>".into();
        c.mail.public_url = "https://portal.test".into();
    })
    .await;
    let mut browser = Browser::new(&portal);
    let answer = forgot(&mut browser, JANE).await;
    assert_eq!(answer.status, StatusCode::OK, "{answer:?}");
    // Sent in the background: the answer does not wait for the mail server.
    let mut delivery = String::new();
    for _ in 0..100 {
        delivery = mail_to(&portal, JANE).await[0].3.clone();
        if delivery != Delivery::Sending.as_str() {
            break;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    assert_eq!(delivery, Delivery::Sent.as_str());
    let message = received
        .lock()
        .unwrap()
        .first()
        .cloned()
        .expect("the mail server got it");
    assert!(message.contains("To: jane.doe@example.com"), "{message}");
    assert!(
        message.contains("From: \"Telegent Portal\" <portal@portal.test>")
            || message.contains("From: Telegent Portal <portal@portal.test>"),
        "{message}"
    );
    // Quoted-printable may wrap the long link line and spell `=` as `=3D`.
    let plain = message.replace("=\n", "").replace("=3D", "=");
    assert!(plain.contains("https://portal.test/password/reset?token="), "{plain}");
    let (_, _, kept_body, _) = mail_to(&portal, JANE).await.remove(0);
    assert_eq!(kept_body, "", "the link left by SMTP and is not kept");

    let mut platform = Browser::signed_in(&portal, "platform@telegent.example").await;
    let page = platform.get("/outbox").await;
    assert!(page.body.contains("The text is not kept"), "{}", page.body);
    assert!(!page.body.contains("token="));

    let token = token_in(&plain);
    let done = reset(&mut browser, &token, NEW_PASSWORD, NEW_PASSWORD).await;
    assert_eq!(done.status, StatusCode::OK, "the mailed link works: {done:?}");
}
