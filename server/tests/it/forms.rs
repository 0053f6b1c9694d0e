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
    assert!(body.contains(r#"<option value="1-mbps" selected"#), "the speed as chosen");
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
