//! The users page: roles and scopes by name, the Account chosen from a
//! list, the least powerful role by default, role menus that offer only
//! possible changes, and confirmation before every change.

use crate::common::{account_id, urlencode, Answer, Browser, ACME_ADMIN};
use axum::body::Body;
use axum::http::{Request, StatusCode};
use telegent_app::policy::Role;
use telegent_app::users::model::{UserListItem, UsersPage};
use telegent_portal::Portal;

const JANE: &str = "jane.doe@example.com";

async fn users(browser: &mut Browser) -> UsersPage {
    let answer = browser.call("users/list", "search=&page=1").await;
    assert_eq!(answer.status, StatusCode::OK, "{}", answer.body);
    serde_json::from_str(&answer.body).unwrap()
}

fn row<'a>(page: &'a UsersPage, email: &str) -> &'a UserListItem {
    page.rows
        .iter()
        .find(|r| r.email == email)
        .unwrap_or_else(|| panic!("{email} listed"))
}

async fn user_id(portal: &Portal, email: &str) -> i64 {
    sqlx::query_as::<_, (i64,)>("SELECT id FROM users WHERE email = $1")
        .bind(email)
        .fetch_one(&portal.state.pool)
        .await
        .unwrap()
        .0
}

/// What a person reads on a page: the text outside tags, scripts and styles.
fn visible_text(html: &str) -> String {
    let mut out = String::new();
    let mut rest = html;
    while let Some(start) = rest.find('<') {
        out.push_str(&rest[..start]);
        out.push(' ');
        let after = &rest[start..];
        let skip_to = ["script", "style"]
            .iter()
            .find(|tag| after[1..].starts_with(*tag))
            .and_then(|tag| after.find(&format!("</{tag}>")).map(|end| end + tag.len() + 3));
        let end = skip_to.unwrap_or_else(|| after.find('>').map_or(after.len(), |e| e + 1));
        rest = &after[end..];
    }
    out.push_str(rest);
    out.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The HTML of the table row that names `email`.
fn row_html<'a>(html: &'a str, email: &str) -> &'a str {
    let at = html
        .find(&format!(">{email}<"))
        .unwrap_or_else(|| panic!("{email} on the page"));
    let start = html[..at].rfind("<tr").unwrap();
    let end = at + html[at..].find("</tr>").unwrap();
    &html[start..end]
}

/// The values of the options of the select named `id`.
fn options(html: &str, id: &str) -> Vec<String> {
    let start = html
        .find(&format!("<select id=\"{id}\""))
        .unwrap_or_else(|| panic!("select {id}"));
    let end = start + html[start..].find("</select>").unwrap();
    html[start..end]
        .split("<option value=\"")
        .skip(1)
        .map(|o| o.split('"').next().unwrap().to_string())
        .collect()
}

async fn post_form(browser: &mut Browser, endpoint: &str, form: &str, referer: &str) -> Answer {
    let request = Request::post(format!("/api/{endpoint}"))
        .header("content-type", "application/x-www-form-urlencoded")
        .header("accept", "text/html")
        .header("referer", format!("http://localhost{referer}"))
        .body(Body::from(form.to_string()))
        .unwrap();
    browser.send(request).await
}

#[tokio::test]
async fn roles_and_scopes_read_as_names_never_as_ids() {
    let portal = crate::common::portal().await;
    let mut acme = Browser::signed_in(&portal, ACME_ADMIN).await;
    let page = users(&mut acme).await;
    assert_eq!(row(&page, JANE).scope_label, "Doe Family");
    assert_eq!(
        row(&page, "priya@brightbakery.example").scope_label,
        "Bright Bakery LLC"
    );
    assert_eq!(row(&page, "reviewer@acme.example").scope_label, "Acme Mobile");

    let html = acme.get("/users").await;
    assert_eq!(html.status, StatusCode::OK);
    let text = visible_text(&html.body);
    for word in [
        "Doe Family",
        "Bright Bakery LLC",
        "Acme Mobile",
        "Distributor viewer",
        "Account Admin",
        "Manager",
    ] {
        assert!(text.contains(word), "{word} on the page");
    }
    assert!(!text.contains("AID-"), "no Account IDs on the page: {text}");
    assert!(!text.contains("DID-"), "no Distributor IDs on the page: {text}");
    assert!(!text.contains("DistributorViewer"), "roles as words");

    // The Platform admin sees every tree, so an Account says whose it is.
    let mut platform = Browser::signed_in(&portal, "platform@telegent.example").await;
    let page = users(&mut platform).await;
    assert_eq!(row(&page, JANE).scope_label, "Doe Family (Acme Mobile)");
    assert_eq!(
        row(&page, "emma.smith@example.com").scope_label,
        "Smith Family (Globex Wireless)"
    );
    assert_eq!(row(&page, "admin@globex.example").scope_label, "Globex Wireless");
    assert_eq!(row(&page, "platform@telegent.example").scope_label, "All Distributors");
    let text = visible_text(&platform.get("/users").await.body);
    assert!(!text.contains("AID-") && !text.contains("DID-"), "{text}");

    // A family's Manager reads their own family's name.
    let mut jane = Browser::signed_in(&portal, JANE).await;
    let page = users(&mut jane).await;
    assert_eq!(row(&page, "sam.doe@example.com").scope_label, "Doe Family");
    assert_eq!(page.own_account.as_deref(), Some("Doe Family"));
}

#[tokio::test]
async fn a_role_menu_offers_only_the_changes_that_are_possible() {
    let portal = crate::common::portal().await;
    let mut acme = Browser::signed_in(&portal, ACME_ADMIN).await;
    let page = users(&mut acme).await;
    assert_eq!(
        row(&page, "reviewer@acme.example").role_choices,
        [Role::DistributorAdmin]
    );
    assert_eq!(row(&page, JANE).role_choices, [Role::Subscriber, Role::AccountAdmin]);
    assert_eq!(
        row(&page, "sam.doe@example.com").role_choices,
        [Role::Manager, Role::AccountAdmin]
    );
    let me = row(&page, ACME_ADMIN);
    assert!(!me.editable && me.role_choices.is_empty(), "not one's own");

    // The page's menus are exactly those.
    let html = acme.get("/users").await.body;
    let reviewer = user_id(&portal, "reviewer@acme.example").await;
    assert_eq!(options(&html, &format!("role-{reviewer}")), ["DistributorAdmin"]);
    let jane_id = user_id(&portal, JANE).await;
    assert_eq!(
        options(&html, &format!("role-{jane_id}")),
        ["Subscriber", "AccountAdmin"]
    );
    let own = user_id(&portal, ACME_ADMIN).await;
    assert!(!html.contains(&format!("id=\"role-{own}\"")), "no menu for oneself");

    // A Manager may give only Subscriber: a Subscriber has no menu at all.
    let mut jane = Browser::signed_in(&portal, JANE).await;
    let page = users(&mut jane).await;
    let sam = row(&page, "sam.doe@example.com");
    assert!(sam.editable && sam.role_choices.is_empty());
    let html = jane.get("/users").await.body;
    assert!(
        !row_html(&html, "sam.doe@example.com").contains("Change role"),
        "no menu to offer"
    );
    assert!(row_html(&html, "sam.doe@example.com").contains("Send reset link"));

    // What no menu offers, the server refuses at the field, and changes nothing.
    for role in ["Manager", "DistributorViewer", "PlatformAdmin"] {
        let answer = acme.call("users/role", &format!("user_id={jane_id}&role={role}")).await;
        assert_eq!(
            answer.status,
            StatusCode::UNPROCESSABLE_ENTITY,
            "{role}: {}",
            answer.body
        );
        assert!(answer.body.contains("\"field\":\"role\""), "{}", answer.body);
    }
    let (stored,): (String,) = sqlx::query_as("SELECT role FROM users WHERE id = $1")
        .bind(jane_id)
        .fetch_one(&portal.state.pool)
        .await
        .unwrap();
    assert_eq!(stored, "Manager");
    let (changes,): (i64,) = sqlx::query_as("SELECT COUNT(*) FROM audit_log WHERE action = 'ChangeRole'")
        .fetch_one(&portal.state.pool)
        .await
        .unwrap();
    assert_eq!(changes, 0);
    let offered = acme
        .call("users/role", &format!("user_id={reviewer}&role=DistributorAdmin"))
        .await;
    assert_eq!(offered.status, StatusCode::OK, "{offered:?}");
}

#[tokio::test]
async fn a_new_user_is_placed_in_an_account_chosen_from_a_list_with_the_least_role_first() {
    let portal = crate::common::portal().await;
    let doe = account_id(&portal, "Doe Family");
    let smith = account_id(&portal, "Smith Family");
    let mut acme = Browser::signed_in(&portal, ACME_ADMIN).await;
    let page = users(&mut acme).await;
    assert_eq!(
        page.grantable.first(),
        Some(&Role::Subscriber),
        "the least powerful first"
    );
    let labels: Vec<&str> = page.accounts.iter().map(|a| a.label.as_str()).collect();
    assert_eq!(
        labels,
        ["Bright Bakery LLC", "Doe Family"],
        "the Distributor's Accounts only"
    );
    assert!(page.distributors.is_empty());

    let html = acme.get(&format!("/users?account={doe}")).await.body;
    let roles = options(&html, "role");
    assert_eq!(roles.first().map(String::as_str), Some("Subscriber"));
    assert!(
        html.contains("<option value=\"Subscriber\" selected"),
        "selected by default"
    );
    assert!(
        !html.contains("name=\"account_id\" type=\"text\""),
        "no typed Account ID"
    );
    let accounts = options(&html, "account_id");
    assert_eq!(accounts.len(), 3, "a prompt and two Accounts: {accounts:?}");
    assert!(accounts.contains(&doe) && !accounts.contains(&smith));
    assert!(
        html.contains(&format!("<option value=\"{doe}\" selected")),
        "the Account the link named"
    );

    // Everything wrong at once, each at its field.
    let answer = acme
        .call(
            "users/create",
            "email=not-an-address&display_name=&role=Subscriber&distributor_id=&account_id=",
        )
        .await;
    assert_eq!(answer.status, StatusCode::UNPROCESSABLE_ENTITY);
    for field in ["display_name", "email", "account_id"] {
        assert!(
            answer.body.contains(&format!("\"{field}\"")),
            "{field}: {}",
            answer.body
        );
    }
    assert!(answer.body.contains("Choose the Account."), "{}", answer.body);
    // Another Distributor's Account is not found, whatever else the form says.
    let foreign = acme
        .call(
            "users/create",
            &format!("email=x%40example.com&display_name=&role=Subscriber&distributor_id=&account_id={smith}"),
        )
        .await;
    assert_eq!(foreign.status, StatusCode::NOT_FOUND, "{}", foreign.body);
    let created = acme
        .call(
            "users/create",
            &format!(
                "email={}&display_name=Ava+Doe&role=Subscriber&distributor_id=&account_id={doe}",
                urlencode("ava.doe@example.com")
            ),
        )
        .await;
    assert!(created.status.is_success(), "{created:?}");
    let (account,): (Option<String>,) =
        sqlx::query_as("SELECT account_id FROM users WHERE email = 'ava.doe@example.com'")
            .fetch_one(&portal.state.pool)
            .await
            .unwrap();
    assert_eq!(account.as_deref(), Some(doe.as_str()));

    // The Platform admin picks the Distributor from a list too.
    let mut platform = Browser::signed_in(&portal, "platform@telegent.example").await;
    let page = users(&mut platform).await;
    let names: Vec<&str> = page.distributors.iter().map(|d| d.label.as_str()).collect();
    assert_eq!(names, ["Acme Mobile", "Globex Wireless"]);
    assert!(page
        .accounts
        .iter()
        .any(|a| a.label == "Smith Family (Globex Wireless)"));
    let refused = platform
        .call(
            "users/create",
            "email=staff%40example.com&display_name=Staff&role=DistributorViewer&distributor_id=&account_id=",
        )
        .await;
    assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(refused.body.contains("Choose the Distributor."), "{}", refused.body);

    // A family's Manager adds to their own family only: no list to choose from.
    let mut jane = Browser::signed_in(&portal, JANE).await;
    let html = jane.get("/users").await.body;
    assert!(!html.contains("<select id=\"account_id\""));
    assert!(visible_text(&html).contains("They join Doe Family"));
}

#[tokio::test]
async fn every_change_asks_for_confirmation_and_says_what_it_did() {
    let portal = crate::common::portal().await;
    let mut acme = Browser::signed_in(&portal, ACME_ADMIN).await;
    let html = acme.get("/users?q=doe").await.body;
    let jane_row = row_html(&html, JANE);
    // Each change is inside a <details class="confirm">: nothing is one press away.
    for (summary, submit) in [
        ("Change role…", "Change role of Jane Doe"),
        ("Disable…", "Disable Jane Doe"),
        ("Send reset link…", "Send reset link to Jane Doe"),
        ("End all sessions…", "End sessions of Jane Doe"),
    ] {
        let at_summary = jane_row
            .find(&format!("{summary}</summary>"))
            .unwrap_or_else(|| panic!("{summary}"));
        let opened = jane_row[..at_summary]
            .rfind("<details class=\"confirm\"")
            .expect("behind a confirm step");
        let closed = opened + jane_row[opened..].find("</details>").unwrap();
        let button = jane_row
            .find(&format!(">{submit}<"))
            .unwrap_or_else(|| panic!("{submit}"));
        assert!(
            opened < button && button < closed,
            "{submit} is inside its confirm step"
        );
    }

    // Without JavaScript: back to the same search, with what happened.
    let jane_id = user_id(&portal, JANE).await;
    let answer = post_form(
        &mut acme,
        "users/end-sessions",
        &format!("user_id={jane_id}"),
        "/users?q=doe",
    )
    .await;
    assert_eq!(answer.status, StatusCode::FOUND);
    assert_eq!(answer.location(), Some("/users?q=doe&done=sessions-ended"));
    let page = acme.get("/users?q=doe&done=sessions-ended").await;
    assert!(page.body.contains("Every session of theirs has ended"));
    let answer = post_form(
        &mut acme,
        "users/send-reset",
        &format!("user_id={jane_id}"),
        "/users?q=doe&done=sessions-ended",
    )
    .await;
    assert_eq!(answer.location(), Some("/users?q=doe&done=reset-sent"));
    let page = acme.get("/users?q=doe&done=reset-sent").await;
    assert!(page.body.contains("Reset link sent"));
    assert!(
        page.body.contains("See it in the outbox"),
        "a Distributor admin reads it there"
    );

    // A refusal comes back to the page as an announced summary.
    let own = user_id(&portal, ACME_ADMIN).await;
    let refused = post_form(&mut acme, "users/end-sessions", &format!("user_id={own}"), "/users").await;
    let back = refused.location().unwrap().to_string();
    assert!(back.contains("__err="), "{back}");
    let page = acme.get(back.trim_start_matches("http://localhost")).await;
    assert!(page.body.contains("class=\"error-summary\""), "{}", page.body);
    assert!(page.body.contains("Ask another administrator"));
}
