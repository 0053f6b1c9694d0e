//! Forms posted without JavaScript (and, since pages are islands, most forms
//! with it): a refused post comes back with what was typed, secrets excepted.

use axum::body::Body;
use axum::http::{Request, StatusCode};

use crate::common::{account_id, portal, urlencode, Browser};

const JANE: &str = "jane.doe@example.com";

/// Posts a form as a browser does without JavaScript: HTML accepted, the
/// form's page as Referer. Returns the page the refusal redirects to.
async fn post_plainly(browser: &mut Browser, endpoint: &str, form: &str, page: &str) -> String {
    let request = Request::post(format!("/api/{endpoint}"))
        .header("content-type", "application/x-www-form-urlencoded")
        .header("accept", "text/html,application/xhtml+xml")
        .header("referer", format!("http://127.0.0.1:3000{page}"))
        .body(Body::from(form.to_string()))
        .unwrap();
    let answer = browser.send(request).await;
    assert!(answer.status.is_redirection(), "{answer:?}");
    let location = answer.location().expect("back to the form").to_string();
    assert!(location.contains("__err="), "a refusal: {location}");
    location.trim_start_matches("http://127.0.0.1:3000").to_string()
}

#[tokio::test]
async fn a_refused_limits_form_comes_back_with_what_was_typed_and_ticked() {
    let portal = portal().await;
    let doe = account_id(&portal, "Doe Family");
    let mut jane = Browser::signed_in(&portal, JANE).await;
    let page = format!("/accounts/{doe}/limits");
    let form = format!(
        "account_id={doe}&numbers%5B%5D={}&unit=GB&notify=7&throttle=5&limit=9&speed=1-mbps",
        urlencode("+18015550103")
    );
    let back = post_plainly(&mut jane, "family/limits", &form, &page).await;
    let html = jane.get(&back).await;
    assert_eq!(html.status, StatusCode::OK);
    let body = &html.body;
    assert!(body.contains("must be below"), "the message is on the page");
    for typed in [r#"value="7""#, r#"value="5""#, r#"value="9""#] {
        assert!(body.contains(typed), "{typed} is back in its box");
    }
    assert!(body.contains(r#"<option value="GB" selected"#), "the unit as chosen");
    assert!(
        body.contains(r#"<option value="1-mbps" selected"#),
        "the speed as chosen"
    );
    let ticked = body
        .split("<input")
        .filter(|tag| tag.contains("numbers[]") && tag.contains("checked"))
        .count();
    assert_eq!(ticked, 1, "the one line that was ticked");

    // Once: the page read again starts empty.
    let again = jane.get(&page).await;
    assert!(!again.body.contains(r#"value="9""#));
}

#[tokio::test]
async fn a_wrong_password_keeps_the_e_mail_and_never_the_password() {
    let portal = portal().await;
    let mut visitor = Browser::new(&portal);
    let form = format!("email={}&password=wrong+password+here&next=", urlencode(JANE));
    let back = post_plainly(&mut visitor, "session/login", &form, "/login").await;
    let html = visitor.get(&back).await;
    assert!(html.body.contains(&format!(r#"value="{JANE}""#)), "the e-mail is back");
    assert!(!html.body.contains("wrong password here"), "the password is not");
}

#[tokio::test]
async fn every_broken_threshold_is_named_at_once_and_huge_values_are_refused_unsent() {
    let portal = portal().await;
    let sandbox = &portal.sandbox.as_ref().unwrap().0;
    let doe = account_id(&portal, "Doe Family");
    let mut jane = Browser::signed_in(&portal, JANE).await;
    let line = urlencode("+18015550102");
    let sent_before = sandbox.journal().iter().filter(|e| e.method != "GET").count();

    let answer = jane
        .call(
            "family/limits",
            &format!("account_id={doe}&numbers%5B%5D={line}&unit=MB&notify=900&throttle=800&limit=700&speed="),
        )
        .await;
    assert_eq!(answer.status, StatusCode::UNPROCESSABLE_ENTITY, "{answer:?}");
    let error: telegent_app::error::AppError = serde_json::from_str(&answer.body).unwrap();
    for field in ["notify", "throttle", "speed"] {
        assert!(error.field_message(field).is_some(), "{field} named: {error:?}");
    }

    // The value that once broke a whole family: refused at the field.
    let answer = jane
        .call(
            "family/limits",
            &format!("account_id={doe}&numbers%5B%5D={line}&unit=GB&notify=&throttle=&limit=99999999999999&speed="),
        )
        .await;
    assert_eq!(answer.status, StatusCode::UNPROCESSABLE_ENTITY);
    let error: telegent_app::error::AppError = serde_json::from_str(&answer.body).unwrap();
    assert!(error.field_message("limit").unwrap().contains("at most"), "{error:?}");

    // A speed without a slow-down amount is refused, not dropped.
    let answer = jane
        .call(
            "family/limits",
            &format!("account_id={doe}&numbers%5B%5D={line}&unit=MB&notify=&throttle=&limit=700&speed=1-mbps"),
        )
        .await;
    assert_eq!(answer.status, StatusCode::UNPROCESSABLE_ENTITY);
    let sent_after = sandbox.journal().iter().filter(|e| e.method != "GET").count();
    assert_eq!(sent_after, sent_before, "nothing was sent upstream");
}

#[tokio::test]
async fn a_refused_form_comes_back_with_a_focused_error_summary_linking_each_field() {
    let portal = portal().await;
    let doe = account_id(&portal, "Doe Family");
    let mut jane = Browser::signed_in(&portal, JANE).await;
    let page = format!("/accounts/{doe}/limits");
    // Two broken fields at once: warn above the block amount, a speed with no
    // slow-down amount.
    let form = format!(
        "account_id={doe}&numbers%5B%5D={}&unit=MB&notify=900&throttle=&limit=500&speed=1-mbps",
        urlencode("+18015550103")
    );
    let back = post_plainly(&mut jane, "family/limits", &form, &page).await;
    let body = jane.get(&back).await.body;
    let summary = body
        .split(r#"class="error-summary""#)
        .nth(1)
        .and_then(|rest| rest.split("</div>").next())
        .expect("an error summary on the page");
    let tag = body
        .split("<div ")
        .find(|t| {
            t.split('>')
                .next()
                .is_some_and(|t| t.contains(r#"class="error-summary""#))
        })
        .and_then(|t| t.split('>').next())
        .unwrap_or_default();
    assert!(
        tag.contains(r#"role="alert""#) && tag.contains(r#"tabindex="-1""#) && tag.contains("autofocus"),
        "announced and focused: {tag}"
    );
    assert!(summary.contains("Check these 2 fields:"), "{summary}");
    assert!(summary.contains(r##"href="#notify""##), "{summary}");
    assert!(summary.contains(r##"href="#throttle""##), "{summary}");
    // Nothing when the form is fresh.
    assert!(!jane.get(&page).await.body.contains("error-summary\""));
}

#[tokio::test]
async fn the_theme_is_remembered_in_a_cookie_and_on_the_first_paint() {
    let portal = portal().await;
    let mut jane = Browser::signed_in(&portal, JANE).await;
    let doe = account_id(&portal, "Doe Family");
    let page = format!("/accounts/{doe}");
    // No choice yet: the page follows the device (no data-theme).
    assert!(!jane.get(&page).await.body.contains("data-theme="));
    let request = Request::post("/api/theme")
        .header("content-type", "application/x-www-form-urlencoded")
        .header("accept", "text/html")
        .header("referer", format!("http://127.0.0.1:3000{page}"))
        .body(Body::from(format!("theme=dark&back={}", urlencode(&page))))
        .unwrap();
    let answer = jane.send(request).await;
    assert!(answer.status.is_redirection(), "{answer:?}");
    assert_eq!(answer.location(), Some(page.as_str()), "back to the page");
    let cookie = answer
        .headers
        .get_all("set-cookie")
        .iter()
        .filter_map(|v| v.to_str().ok())
        .find(|c| c.starts_with("theme="))
        .expect("the theme cookie")
        .to_string();
    assert!(
        cookie.starts_with("theme=dark;") && cookie.contains("Max-Age="),
        "{cookie}"
    );
    let html = jane.get(&page).await.body;
    let root = html
        .split("<html")
        .nth(1)
        .and_then(|t| t.split('>').next())
        .unwrap_or_default();
    assert!(root.contains(r#"data-theme="dark""#), "the first paint is dark: {root}");
    // Both buttons are there; CSS shows the one that changes what is shown.
    assert!(html.contains(">Light theme<") && html.contains(">Dark theme<"));
    // A value that is not a theme changes nothing, and a foreign `back` stays on the site.
    let odd = jane.call("theme", "theme=purple&back=%2F").await;
    assert_eq!(odd.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", odd.body);
    let away = jane
        .call("theme", "theme=light&back=https%3A%2F%2Fevil.example%2F")
        .await;
    assert!(away.location().is_none_or(|l| l == "/"), "{away:?}");
}

#[tokio::test]
async fn voicemail_names_are_optional_and_at_most_forty_characters_with_every_error_at_once() {
    let portal = portal().await;
    let doe = account_id(&portal, "Doe Family");
    let mut jane = Browser::signed_in(&portal, JANE).await;
    let before = portal.sandbox.as_ref().unwrap().0.journal().len();
    let long = "L".repeat(41);
    let answer = jane
        .call(
            "family/voicemail",
            &format!(
                "account_id={doe}&msisdn={}&pin=12&first_name={long}&last_name=&email=nope",
                urlencode("+18015550102")
            ),
        )
        .await;
    assert_eq!(answer.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", answer.body);
    for field in ["pin", "first_name", "email"] {
        assert!(
            answer.body.contains(&format!("\"{field}\"")),
            "{field}: {}",
            answer.body
        );
    }
    assert!(
        answer.body.contains("At most 40 characters (this has 41)"),
        "{}",
        answer.body
    );
    assert!(!answer.body.contains("\"last_name\""), "an empty last name is fine");
    let sent = portal.sandbox.as_ref().unwrap().0.journal()[before..]
        .iter()
        .filter(|e| e.path.ends_with("/activate") || e.path.ends_with("/update"))
        .count();
    assert_eq!(sent, 0, "nothing was sent");
}

fn data_usage_writes(portal: &telegent_portal::Portal) -> usize {
    portal
        .sandbox
        .as_ref()
        .unwrap()
        .0
        .journal()
        .iter()
        .filter(|e| e.path.eq_ignore_ascii_case("/v1.0/numbers/data-usage"))
        .count()
}

async fn limit_audit_rows(portal: &telegent_portal::Portal) -> i64 {
    let (n,): (i64,) = sqlx::query_as("SELECT COUNT(*) FROM audit_log WHERE action = 'SetDataLimits'")
        .fetch_one(&portal.state.pool)
        .await
        .unwrap();
    n
}

#[tokio::test]
async fn a_double_submit_is_done_once_with_one_audit_row_and_both_get_the_answer() {
    let portal = portal().await;
    let doe = account_id(&portal, "Doe Family");
    let jane = Browser::signed_in(&portal, JANE).await;
    let form = format!(
        "account_id={doe}&numbers%5B%5D={}&unit=MB&notify=&throttle=&limit=700&speed=",
        urlencode("+18015550103")
    );
    // Two identical posts at once (a double click without JavaScript).
    let (mut first, mut second) = (jane.clone(), jane.clone());
    let (a, b) = tokio::join!(first.call("family/limits", &form), second.call("family/limits", &form));
    for answer in [&a, &b] {
        assert!(
            answer.status.is_success() || answer.status.is_redirection(),
            "{answer:?}"
        );
    }
    assert_eq!(data_usage_writes(&portal), 1, "sent to Telegent once");
    assert_eq!(limit_audit_rows(&portal).await, 1, "one audit row");
    assert_eq!(
        [&a, &b]
            .iter()
            .filter(|r| r.headers.contains_key("x-portal-replayed"))
            .count(),
        1,
        "the repeat got the first answer"
    );
    assert!(!a.headers.contains_key("x-portal-audited") && !b.headers.contains_key("x-portal-audited"));
    // The same again right after: still one.
    let mut third = jane.clone();
    let again = third.call("family/limits", &form).await;
    assert!(again.headers.contains_key("x-portal-replayed"));
    assert_eq!(data_usage_writes(&portal), 1);
    // Something else in between, then the same values: a new action.
    let other = format!(
        "account_id={doe}&numbers%5B%5D={}&unit=MB&notify=&throttle=&limit=800&speed=",
        urlencode("+18015550103")
    );
    let mut fourth = jane.clone();
    fourth.call("family/limits", &other).await;
    fourth.call("family/limits", &form).await;
    assert_eq!(data_usage_writes(&portal), 3, "700, 800, then 700 again");
    assert_eq!(limit_audit_rows(&portal).await, 3);
}

#[tokio::test]
async fn reads_are_never_answered_from_an_earlier_copy() {
    let portal = portal().await;
    let doe = account_id(&portal, "Doe Family");
    let mut jane = Browser::signed_in(&portal, JANE).await;
    let read = format!("account_id={doe}");
    let before = jane.call("family/overview", &read).await;
    let form = format!(
        "account_id={doe}&numbers%5B%5D={}&unit=MB&notify=&throttle=&limit=600&speed=",
        urlencode("+18015550103")
    );
    jane.call("family/limits", &form).await;
    let after = jane.call("family/overview", &read).await;
    assert!(!after.headers.contains_key("x-portal-replayed"));
    assert_ne!(before.body, after.body, "the overview shows the new limit");
    assert!(after.body.contains(&(600 * 1024).to_string()), "600 MB in KB");
}

#[tokio::test]
async fn a_double_submit_without_javascript_is_done_once_too() {
    let portal = portal().await;
    let doe = account_id(&portal, "Doe Family");
    let mut jane = Browser::signed_in(&portal, JANE).await;
    let form = format!(
        "account_id={doe}&numbers%5B%5D={}&unit=MB&notify=&throttle=&limit=650&speed=",
        urlencode("+18015550103")
    );
    let mut answers = Vec::new();
    for _ in 0..2 {
        let request = Request::post("/api/family/limits")
            .header("content-type", "application/x-www-form-urlencoded")
            .header("accept", "text/html,application/xhtml+xml")
            .header("referer", format!("http://127.0.0.1:3000/accounts/{doe}/limits"))
            .body(Body::from(form.clone()))
            .unwrap();
        answers.push(jane.send(request).await);
    }
    for answer in &answers {
        assert!(answer.status.is_redirection(), "{answer:?}");
        assert!(!answer.location().unwrap_or_default().contains("__err"), "{answer:?}");
    }
    assert_eq!(answers[0].location(), answers[1].location(), "the same page after both");
    assert!(answers[1].headers.contains_key("x-portal-replayed"));
    assert_eq!(data_usage_writes(&portal), 1);
    assert_eq!(limit_audit_rows(&portal).await, 1);
}

#[tokio::test]
async fn trying_again_after_a_failure_really_tries_again() {
    let portal = portal().await;
    let doe = account_id(&portal, "Doe Family");
    let mut jane = Browser::signed_in(&portal, JANE).await;
    // Telegent refuses the first save (not an answer the client retries).
    portal
        .sandbox
        .as_ref()
        .unwrap()
        .0
        .add_fault(telegent_sandbox::faults::FaultRule {
            path_prefix: "/v1.0/numbers/data-usage".into(),
            exact: true,
            method: Some("POST".into()),
            status: Some(400),
            remaining: Some(1),
            ..Default::default()
        });
    let form = format!(
        "account_id={doe}&numbers%5B%5D={}&unit=MB&notify=&throttle=&limit=750&speed=",
        urlencode("+18015550103")
    );
    let failed = jane.call("family/limits", &form).await;
    assert!(!failed.status.is_success(), "{failed:?}");
    let again = jane.call("family/limits", &form).await;
    assert!(again.status.is_success() || again.status.is_redirection(), "{again:?}");
    assert!(!again.headers.contains_key("x-portal-replayed"), "a real second try");
    let world = portal.sandbox.as_ref().unwrap().0.snapshot();
    let lily = world.numbers.values().find(|n| n.msisdn == "+18015550103").unwrap();
    assert_eq!(
        lily.data_limits.as_ref().map(|l| l.limit_kb),
        Some(750 * 1024),
        "saved on the second try"
    );
}

#[tokio::test]
async fn three_clicks_while_the_first_fails_are_still_tried_one_at_a_time() {
    let portal = portal().await;
    let doe = account_id(&portal, "Doe Family");
    let jane = Browser::signed_in(&portal, JANE).await;
    portal
        .sandbox
        .as_ref()
        .unwrap()
        .0
        .add_fault(telegent_sandbox::faults::FaultRule {
            path_prefix: "/v1.0/numbers/data-usage".into(),
            exact: true,
            method: Some("POST".into()),
            status: Some(400),
            remaining: Some(1),
            latency_ms: 200,
            ..Default::default()
        });
    let form = format!(
        "account_id={doe}&numbers%5B%5D={}&unit=MB&notify=&throttle=&limit=760&speed=",
        urlencode("+18015550103")
    );
    let (mut a, mut b, mut c) = (jane.clone(), jane.clone(), jane.clone());
    let (ra, rb, rc) = tokio::join!(
        a.call("family/limits", &form),
        b.call("family/limits", &form),
        c.call("family/limits", &form)
    );
    let done = [&ra, &rb, &rc]
        .iter()
        .filter(|r| r.status.is_success() || r.status.is_redirection())
        .count();
    assert_eq!(
        done, 2,
        "the first failed, the second tried and succeeded, the third got its answer"
    );
    assert_eq!(
        data_usage_writes(&portal),
        2,
        "the failed try and one successful one, never two at once"
    );
    assert_eq!(
        [&ra, &rb, &rc]
            .iter()
            .filter(|r| r.headers.contains_key("x-portal-replayed"))
            .count(),
        1
    );
}

#[tokio::test]
async fn a_change_checks_membership_afresh_even_when_the_page_used_a_copy() {
    let portal = portal().await;
    let doe = account_id(&portal, "Doe Family");
    let mut jane = Browser::signed_in(&portal, JANE).await;
    // The family page is read (members kept as a copy)…
    let overview = jane.call("family/overview", &format!("account_id={doe}")).await;
    assert!(overview.body.contains("+18015550103"));
    // …then Lily's line leaves the family behind the portal's back.
    let smith = account_id(&portal, "Smith Family");
    portal.sandbox.as_ref().unwrap().0.mutate(|w| {
        let lily = w
            .subscribers
            .values_mut()
            .find(|s| s.email == "lily.doe@example.com")
            .unwrap();
        lily.phone_numbers.retain(|n| n != "+18015550103");
        let line = w.numbers.values_mut().find(|n| n.msisdn == "+18015550103").unwrap();
        line.account_id = smith.clone();
        line.subscriber_id = None;
    });
    let before = data_usage_writes(&portal);
    let form = format!(
        "account_id={doe}&numbers%5B%5D={}&unit=MB&notify=&throttle=&limit=770&speed=",
        urlencode("+18015550103")
    );
    let answer = jane.call("family/limits", &form).await;
    assert_eq!(answer.status, StatusCode::NOT_FOUND, "{}", answer.body);
    assert_eq!(
        data_usage_writes(&portal),
        before,
        "nothing sent for a line no longer in the family"
    );
}

#[tokio::test]
async fn a_malformed_request_is_a_400_and_changes_nothing() {
    let portal = portal().await;
    let doe = account_id(&portal, "Doe Family");
    let mut admin = Browser::signed_in(&portal, crate::common::ACME_ADMIN).await;
    let before = portal.sandbox.as_ref().unwrap().0.journal().len();
    for (endpoint, form) in [
        ("members/remove", format!("account_id={doe}")),
        ("family/limits", format!("account_id={doe}&unit=MB")),
        ("users/set-enabled", "user_id=abc&enabled=false".to_string()),
    ] {
        let answer = admin.call(endpoint, &form).await;
        assert_eq!(answer.status, StatusCode::BAD_REQUEST, "{endpoint}: {}", answer.body);
        assert!(answer.body.contains("BadRequest"), "{endpoint}: {}", answer.body);
    }
    let writes = portal.sandbox.as_ref().unwrap().0.journal()[before..]
        .iter()
        .filter(|e| e.method == "POST" && !e.path.to_lowercase().contains("oauth2"))
        .count();
    assert_eq!(writes, 0);
}
