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
