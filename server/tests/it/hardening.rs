//! Security hardening: the request id is the server's own, signing in
//! starts an empty session, a view-as ends on the record however it ends,
//! an Account's people do not see staff client addresses, and a portal on
//! the real API refuses to start while demo users are in its database.

use std::time::Duration;

use crate::common::{account_id, portal, portal_with, urlencode, Browser, ACME_ADMIN};
use axum::body::Body;
use axum::http::{Request, StatusCode};
use leptos::prelude::LeptosOptions;
use telegent_app::audit::model::AuditPage;
use telegent_app::users::model::CreatedUser;
use telegent_portal::config::Upstream;
use telegent_portal::{build_portal, PortalConfig};
use telegent_sandbox::seed::{ACME_KEY, ACME_SECRET};

const JANE: &str = "jane.doe@example.com";
const AUDIT_ALL: &str = "user=&action=&outcome=&from=&to=&page=1";

#[tokio::test]
async fn a_client_sent_request_id_is_never_taken_as_the_request_id() {
    let portal = portal().await;
    let mut browser = Browser::new(&portal);
    let form = format!(
        "email={}&password={}&next=",
        urlencode(ACME_ADMIN),
        urlencode(telegent_app::ssr::demo::DEMO_PASSWORD)
    );
    let request = Request::post("/api/session/login")
        .header("content-type", "application/x-www-form-urlencoded")
        .header("accept", "application/json")
        .header("x-request-id", "forged-by-the-client")
        .body(Body::from(form))
        .unwrap();
    let answer = browser.send(request).await;
    let answered = answer
        .headers
        .get("x-request-id")
        .unwrap()
        .to_str()
        .unwrap()
        .to_string();
    assert_ne!(answered, "forged-by-the-client");
    assert!(uuid::Uuid::parse_str(&answered).is_ok(), "a server-made id: {answered}");
    let (stored,): (Option<String>,) =
        sqlx::query_as("SELECT request_id FROM audit_log WHERE action = 'SignIn' ORDER BY id DESC LIMIT 1")
            .fetch_one(&portal.state.pool)
            .await
            .unwrap();
    assert_eq!(
        stored.as_deref(),
        Some(answered.as_str()),
        "the audit row has the server's id"
    );
}

#[tokio::test]
async fn signing_in_starts_an_empty_session() {
    let portal = portal().await;
    let mut shared = Browser::signed_in(&portal, ACME_ADMIN).await;
    let created = shared
        .call(
            "users/create",
            "email=temp.person%40example.com&display_name=Temp+Person&role=DistributorViewer&distributor_id=&account_id=",
        )
        .await;
    assert!(created.status.is_success(), "{created:?}");
    // Someone else signs in on the same browser without signing out first.
    let answer = shared
        .sign_in("reviewer@acme.example", telegent_app::ssr::demo::DEMO_PASSWORD)
        .await;
    assert!(
        answer.status.is_success() || answer.status.is_redirection(),
        "{answer:?}"
    );
    let left = shared.call("users/created", "").await;
    // The reviewer may not manage users at all; whatever the answer, the
    // first user's temporary password is not in it.
    assert!(!left.body.contains("temp.person"), "carried over: {}", left.body);
    // And an admin signing in on top sees nothing carried over either.
    let mut again = Browser::signed_in(&portal, ACME_ADMIN).await;
    again
        .call(
            "users/create",
            "email=temp.two%40example.com&display_name=Temp+Two&role=DistributorViewer&distributor_id=&account_id=",
        )
        .await;
    again.sign_in(ACME_ADMIN, telegent_app::ssr::demo::DEMO_PASSWORD).await;
    let left = again.call("users/created", "").await;
    assert_eq!(left.status, StatusCode::OK, "{left:?}");
    let left: Option<CreatedUser> = serde_json::from_str(&left.body).unwrap();
    assert_eq!(left, None, "the temporary password stayed in the session");
}

async fn view_as_end_details(portal: &telegent_portal::Portal, account: &str) -> Vec<String> {
    sqlx::query_as::<_, (String,)>(
        "SELECT detail FROM audit_log WHERE action = 'ViewAsEnded' AND account_id = $1 ORDER BY id",
    )
    .bind(account)
    .fetch_all(&portal.state.pool)
    .await
    .unwrap()
    .into_iter()
    .map(|(d,)| d)
    .collect()
}

#[tokio::test]
async fn a_view_as_that_expires_or_ends_by_signing_out_is_recorded() {
    let portal = portal().await;
    let doe = account_id(&portal, "Doe Family");
    let start = format!("account_id={doe}&reason=Ticket+4711%3A+data+limits");
    let mut admin = Browser::signed_in(&portal, ACME_ADMIN).await;
    assert!(admin.call("session/view-as", &start).await.status.is_success());
    // Used within the idle timeout, so the session lives on while the view-as lapses.
    portal.state.clock.advance(Duration::from_secs(29 * 60));
    admin.call("session/current-user", "").await;
    portal.state.clock.advance(Duration::from_secs(2 * 60));
    admin.call("session/current-user", "").await;
    assert_eq!(view_as_end_details(&portal, &doe).await, ["expired"]);

    let mut admin = Browser::signed_in(&portal, ACME_ADMIN).await;
    assert!(admin.call("session/view-as", &start).await.status.is_success());
    admin.call("session/logout", "").await;
    assert_eq!(
        view_as_end_details(&portal, &doe).await,
        ["expired", "ended by signing out"]
    );
}

#[tokio::test]
async fn a_manager_sees_that_staff_acted_but_not_where_they_sat() {
    let portal = portal_with(|c| c.auth.trust_forwarded_for = true).await;
    let doe = account_id(&portal, "Doe Family");
    let mut admin = Browser::new(&portal);
    let form = format!(
        "email={}&password={}&next=",
        urlencode(ACME_ADMIN),
        urlencode(telegent_app::ssr::demo::DEMO_PASSWORD)
    );
    let with_address = |path: &str, body: String| {
        Request::post(path)
            .header("content-type", "application/x-www-form-urlencoded")
            .header("accept", "application/json")
            .header("x-forwarded-for", "203.0.113.50")
            .body(Body::from(body))
            .unwrap()
    };
    admin.send(with_address("/api/session/login", form)).await;
    let started = admin
        .send(with_address(
            "/api/session/view-as",
            format!("account_id={doe}&reason=Ticket+4711%3A+data+limits"),
        ))
        .await;
    assert!(started.status.is_success(), "{started:?}");
    let (stored,): (Option<String>,) =
        sqlx::query_as("SELECT client_address FROM audit_log WHERE action = 'ViewAsStarted' AND account_id = $1")
            .bind(&doe)
            .fetch_one(&portal.state.pool)
            .await
            .unwrap();
    assert_eq!(stored.as_deref(), Some("203.0.113.50"), "stored for the Distributor");

    let mut jane = Browser::signed_in(&portal, JANE).await;
    let answer = jane.call("audit/list", AUDIT_ALL).await;
    assert_eq!(answer.status, StatusCode::OK, "{answer:?}");
    let page: AuditPage = serde_json::from_str(&answer.body).unwrap();
    let staff = page
        .rows
        .iter()
        .find(|r| r.action == "ViewAsStarted")
        .expect("the Manager sees that staff looked");
    assert_eq!(staff.user_email, ACME_ADMIN);
    assert_eq!(staff.client_address, None, "staff address shown to the Manager");
    let own = page
        .rows
        .iter()
        .find(|r| r.user_email == JANE)
        .expect("her own sign-in");
    assert_eq!(own.action, "SignIn");

    let mut staff_view = Browser::signed_in(&portal, ACME_ADMIN).await;
    let page: AuditPage = serde_json::from_str(&staff_view.call("audit/list", AUDIT_ALL).await.body).unwrap();
    let row = page.rows.iter().find(|r| r.action == "ViewAsStarted").unwrap();
    assert_eq!(
        row.client_address.as_deref(),
        Some("203.0.113.50"),
        "staff still see it"
    );
}

#[tokio::test]
async fn a_portal_on_the_real_api_refuses_to_start_with_demo_users() {
    let dir = std::env::temp_dir().join(format!("portal-demo-{}", uuid::Uuid::new_v4().simple()));
    std::fs::create_dir_all(&dir).unwrap();
    let database_url = format!("sqlite://{}", dir.join("portal.db").display());
    let key_file = dir.join("credential.key");
    let sandbox_portal = portal_with(|c| {
        c.database_url = database_url.clone();
        c.credential_key_file = Some(key_file.clone());
    })
    .await;
    let (_, sandbox_addr) = sandbox_portal.sandbox.as_ref().unwrap();
    let real = |database_url: String| PortalConfig {
        database_url,
        upstream: Upstream::Real {
            base_url: format!("http://{sandbox_addr}"),
            account_key: ACME_KEY.into(),
            account_secret: ACME_SECRET.into(),
            distributor_id: ACME_KEY.into(),
        },
        credential_key_file: Some(key_file.clone()),
        ..PortalConfig::for_tests()
    };
    let options = || LeptosOptions::builder().output_name("telegent-portal").build();
    let refused = build_portal(real(database_url.clone()), options()).await;
    let message = refused.err().expect("refused to start").to_string();
    assert!(message.contains("demo users"), "{message}");
    assert!(message.contains("remove-demo-users"), "says how: {message}");

    let removed = telegent_portal::remove_demo_users(&sandbox_portal.state.pool)
        .await
        .unwrap();
    assert!(removed >= 10, "{removed} removed");
    if let Err(error) = build_portal(real(database_url), options()).await {
        panic!("does not start once they are gone: {error:#}");
    }
    let _ = std::fs::remove_dir_all(&dir);
}

/// Rank inside an Account: a Manager may not act on the Account Admin (or
/// their line) through any member- or line-targeted function. Each refusal
/// is a 403, audited as denied, with nothing written upstream.
#[tokio::test]
async fn a_manager_cannot_act_on_the_account_admin_or_their_line() {
    let portal = portal_with(|c| c.sandbox_rate_limit_per_minute = None).await;
    let sandbox = &portal.sandbox.as_ref().unwrap().0;
    let bakery = account_id(&portal, "Bright Bakery LLC");
    let priya = crate::common::subscriber_id(&portal, "priya@brightbakery.example");
    let omar = crate::common::subscriber_id(&portal, "omar@brightbakery.example");
    // Give the Account Admin a line: Omar's moves to Priya.
    let line = "+13855550110";
    sandbox.mutate(|w| {
        for s in w.subscribers.values_mut() {
            if s.id == omar {
                s.phone_numbers.clear();
            } else if s.id == priya {
                s.phone_numbers = vec![line.into()];
            }
        }
        for n in w.numbers.values_mut() {
            if n.msisdn == line {
                n.subscriber_id = Some(priya.clone());
            }
        }
    });
    // The portal read the Account's members at start; forget that copy.
    portal.state.upstreams.get(ACME_KEY).unwrap().invalidate_reads("");
    let line_q = "%2B13855550110";
    let calls = [
        ("guardian/switches", format!("account_id={bakery}&subscriber_id={priya}&line=&calls=on")),
        (
            "guardian/relation",
            format!("account_id={bakery}&subscriber_id={priya}&line=&guardian_id={omar}&link=true"),
        ),
        (
            "guardian/call-filter",
            format!("account_id={bakery}&subscriber_id={priya}&line={line_q}&mode=BLACKLIST&inbound=on"),
        ),
        (
            "guardian/message-filter",
            format!("account_id={bakery}&subscriber_id={priya}&line={line_q}&mode=CHILD&keywords=&notify="),
        ),
        (
            "guardian/list",
            format!(
                "account_id={bakery}&subscriber_id={priya}&line={line_q}&filter=call&list=blocked&number=%2B18015551111&add=true"
            ),
        ),
        (
            "family/voicemail",
            format!("account_id={bakery}&msisdn={line_q}&pin=4321&email=omar%40example.com&first_name=&last_name="),
        ),
        ("family/voicemail-delete", format!("account_id={bakery}&msisdn={line_q}&confirm=on")),
        (
            "family/limits",
            format!("account_id={bakery}&numbers[]={line_q}&unit=MB&notify=&throttle=&limit=100&speed="),
        ),
        (
            "family/renewal",
            format!("account_id={bakery}&numbers[]={line_q}&period=M&day=3&auto_renew=on"),
        ),
        (
            "members/edit",
            format!("account_id={bakery}&subscriber_id={priya}&name=Priya&email=priya%40brightbakery.example"),
        ),
    ];
    let mut manager = Browser::signed_in(&portal, "omar@brightbakery.example").await;
    for (endpoint, form) in &calls {
        let before = sandbox.journal().len();
        let denied_before = denied_rows(&portal).await;
        let answer = manager.call(endpoint, form).await;
        assert_eq!(answer.status, StatusCode::FORBIDDEN, "{endpoint}: {answer:?}");
        let writes: Vec<String> = sandbox.journal()[before..]
            .iter()
            .filter(|e| e.method != "GET" && !e.path.to_lowercase().ends_with("/tokens"))
            .map(|e| format!("{} {}", e.method, e.path))
            .collect();
        assert!(writes.is_empty(), "{endpoint} wrote upstream: {writes:?}");
        assert_eq!(
            denied_rows(&portal).await,
            denied_before + 1,
            "{endpoint}: refusal audited"
        );
    }
    // The same call for a Subscriber of the Account is the Manager's to make.
    let devices = crate::common::subscriber_id(&portal, "devices@brightbakery.example");
    let answer = manager
        .call(
            "guardian/switches",
            &format!("account_id={bakery}&subscriber_id={devices}&line=&calls=on"),
        )
        .await;
    assert!(answer.status.is_success(), "{answer:?}");
}

async fn denied_rows(portal: &telegent_portal::Portal) -> i64 {
    sqlx::query_as::<_, (i64,)>("SELECT COUNT(*) FROM audit_log WHERE outcome = 'denied'")
        .fetch_one(&portal.state.pool)
        .await
        .unwrap()
        .0
}

#[tokio::test]
async fn a_credential_check_that_cannot_reach_telegent_is_audited_and_bad_addresses_are_refused() {
    let portal = portal().await;
    let mut platform = Browser::signed_in(&portal, "platform@telegent.example").await;
    let save = |url: &str| {
        format!(
            "distributor_id=DID-new00001&api_base_url={}&account_key=DID-new00001&account_secret=s3cret",
            urlencode(url)
        )
    };
    // Nothing listens there: a transport failure.
    let answer = platform.call("distributors/save", &save("http://127.0.0.1:9")).await;
    assert_eq!(answer.status, StatusCode::BAD_GATEWAY, "{answer:?}");
    let (outcome, detail): (String, String) = sqlx::query_as(
        "SELECT outcome, detail FROM audit_log WHERE action = 'SaveDistributorCredential' ORDER BY id DESC LIMIT 1",
    )
    .fetch_one(&portal.state.pool)
    .await
    .unwrap();
    assert_eq!(outcome, "failed");
    assert!(!detail.contains("s3cret"), "the secret stays out of the log: {detail}");
    for wrong in [
        "http://api.telegent.example",
        "https://admin:pw@api.telegent.example",
        "https://api.telegent.example/?x=1",
    ] {
        let answer = platform.call("distributors/save", &save(wrong)).await;
        assert_eq!(answer.status, StatusCode::UNPROCESSABLE_ENTITY, "{wrong}: {answer:?}");
        assert!(answer.body.contains("api_base_url"), "{wrong}: {}", answer.body);
    }
}

#[tokio::test]
async fn a_foreign_id_is_audited_as_not_found_without_flooding_the_log() {
    let portal = portal().await;
    let smith = account_id(&portal, "Smith Family");
    let mut jane = Browser::signed_in(&portal, JANE).await;
    for _ in 0..15 {
        let answer = jane.call("family/overview", &format!("account_id={smith}")).await;
        assert_eq!(answer.status, StatusCode::NOT_FOUND);
    }
    let rows: Vec<(String, String, String, Option<String>)> =
        sqlx::query_as("SELECT user_email, action, target_ids, request_id FROM audit_log WHERE outcome = 'not_found'")
            .fetch_all(&portal.state.pool)
            .await
            .unwrap();
    assert_eq!(rows.len(), 10, "throttled to ten a minute: {rows:?}");
    let (who, what, asked, request_id) = &rows[0];
    assert_eq!(who, JANE);
    assert_eq!(what, "family/overview");
    assert!(asked.contains(&smith), "what was asked for: {asked}");
    assert!(request_id.is_some());
}

#[tokio::test]
async fn password_changes_are_throttled_like_sign_in_and_failures_audited() {
    let portal = portal().await;
    let mut jane = Browser::signed_in(&portal, JANE).await;
    let change = |current: &str| {
        format!(
            "current_password={}&new_password=a+brand+new+sentence&confirm_password=a+brand+new+sentence",
            urlencode(current)
        )
    };
    for _ in 0..5 {
        let answer = jane.call("session/password", &change("not my password")).await;
        assert_eq!(answer.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(answer.body.contains("current password"), "{}", answer.body);
    }
    // The right password now waits out the delay like a sixth guess would.
    let answer = jane
        .call("session/password", &change(telegent_app::ssr::demo::DEMO_PASSWORD))
        .await;
    assert_eq!(answer.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(answer.body.contains("Too many wrong passwords"), "{}", answer.body);
    let outcomes: Vec<(String,)> =
        sqlx::query_as("SELECT outcome FROM audit_log WHERE action = 'ChangePassword' ORDER BY id")
            .fetch_all(&portal.state.pool)
            .await
            .unwrap();
    let outcomes: Vec<&str> = outcomes.iter().map(|(o,)| o.as_str()).collect();
    assert_eq!(outcomes, ["failed", "failed", "failed", "failed", "failed", "denied"]);
    portal.state.clock.advance(Duration::from_secs(31));
    let answer = jane
        .call("session/password", &change(telegent_app::ssr::demo::DEMO_PASSWORD))
        .await;
    assert!(
        answer.status.is_success() || answer.status.is_redirection(),
        "after the delay: {answer:?}"
    );
}

#[tokio::test]
async fn a_taken_e_mail_gets_one_neutral_answer_and_refusals_are_throttled() {
    let portal = portal().await;
    let doe = account_id(&portal, "Doe Family");
    let sandbox = &portal.sandbox.as_ref().unwrap().0;
    let subscribers_before = sandbox.snapshot().subscribers.len();
    let mut jane = Browser::signed_in(&portal, JANE).await;
    let add = |email: &str| format!("account_id={doe}&name=New+Kid&email={}", urlencode(email));
    // A portal user of another Distributor, and a subscriber of another Account:
    // the same words, which say nothing of where the address is used.
    let portal_user = jane.call("members/add", &add("admin@globex.example")).await;
    let subscriber = jane.call("members/add", &add("carlos.smith@example.com")).await;
    for answer in [&portal_user, &subscriber] {
        assert_eq!(answer.status, StatusCode::UNPROCESSABLE_ENTITY, "{answer:?}");
        assert!(
            answer.body.contains(telegent_app::users::service::EMAIL_IN_USE),
            "{}",
            answer.body
        );
        assert!(!answer.body.to_lowercase().contains("portal user") && !answer.body.contains("platform"));
    }
    for email in [
        "emma.smith@example.com",
        "john.smith@example.com",
        "reviewer@globex.example",
    ] {
        jane.call("members/add", &add(email)).await;
    }
    // Five refusals in ten minutes: the next address is not even tried.
    let throttled = jane.call("members/add", &add("free.address@example.com")).await;
    assert_eq!(throttled.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(throttled.body.contains("Too many"), "{}", throttled.body);
    assert_eq!(
        sandbox.snapshot().subscribers.len(),
        subscribers_before,
        "nobody was added"
    );
}

/// Usage history belongs to the line's assignment: a number that moves to
/// another member does not show the previous owner's history.
#[tokio::test]
async fn a_reassigned_number_does_not_show_the_previous_owners_usage() {
    let portal = portal().await;
    let sandbox = &portal.sandbox.as_ref().unwrap().0;
    let doe = account_id(&portal, "Doe Family");
    let sam = crate::common::subscriber_id(&portal, "sam.doe@example.com");
    let lily = crate::common::subscriber_id(&portal, "lily.doe@example.com");
    let line = "+18015550102";
    let mut jane = Browser::signed_in(&portal, JANE).await;
    let samples = |body: &str| -> usize {
        let detail: telegent_app::lines::model::LineDetail = serde_json::from_str(body).unwrap();
        detail.samples.len()
    };
    let form = format!("account_id={doe}&msisdn=%2B18015550102");
    let first = jane.call("family/line", &form).await;
    assert_eq!(first.status, StatusCode::OK, "{first:?}");
    portal.state.clock.advance(Duration::from_secs(10 * 60));
    portal.state.upstreams.get(ACME_KEY).unwrap().invalidate_reads("");
    let second = jane.call("family/line", &form).await;
    assert_eq!(samples(&second.body), 2, "Sam's history");
    // The number moves from Sam to Lily.
    sandbox.mutate(|w| {
        for s in w.subscribers.values_mut() {
            if s.id == sam {
                s.phone_numbers.retain(|n| n != line);
            } else if s.id == lily {
                s.phone_numbers.push(line.into());
            }
        }
        for n in w.numbers.values_mut() {
            if n.msisdn == line {
                n.subscriber_id = Some(lily.clone());
            }
        }
    });
    portal.state.upstreams.get(ACME_KEY).unwrap().invalidate_reads("");
    portal.state.clock.advance(Duration::from_secs(10 * 60));
    let after = jane.call("family/line", &form).await;
    let detail: telegent_app::lines::model::LineDetail = serde_json::from_str(&after.body).unwrap();
    assert_eq!(detail.owner, "Lily Doe");
    assert_eq!(detail.samples.len(), 1, "only Lily's own history: {:?}", detail.samples);
}

/// A peer on loopback that answers every request with `answer`, counting
/// the requests that reach `/steal`.
async fn hostile_peer(
    answer: fn() -> axum::response::Response,
) -> (String, std::sync::Arc<std::sync::atomic::AtomicUsize>) {
    use std::sync::atomic::{AtomicUsize, Ordering};
    let stolen = std::sync::Arc::new(AtomicUsize::new(0));
    let counter = stolen.clone();
    let app = axum::Router::new()
        .route(
            "/steal",
            axum::routing::any(move || {
                counter.fetch_add(1, Ordering::SeqCst);
                async { "{}" }
            }),
        )
        .fallback(move || async move { answer() });
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    tokio::spawn(async move { axum::serve(listener, app).await.unwrap() });
    (format!("http://{addr}"), stolen)
}

fn client_for(base_url: &str) -> telegent::TelegentClient {
    let mut config = telegent::ClientConfig::new(
        base_url,
        telegent::Credentials {
            account_key: "DID-test".into(),
            account_secret: "secret".into(),
        },
    );
    config.retry.max_attempts = 1;
    telegent::TelegentClient::new(config).unwrap()
}

#[tokio::test]
async fn the_client_follows_no_redirect_and_reads_no_giant_answer() {
    use axum::response::IntoResponse;
    let (base, stolen) = hostile_peer(|| (StatusCode::FOUND, [("location", "/steal")], "").into_response()).await;
    let redirected = client_for(&base).distributor("DID-test").await;
    assert!(redirected.is_err(), "{redirected:?}");
    assert_eq!(
        stolen.load(std::sync::atomic::Ordering::SeqCst),
        0,
        "the token went elsewhere"
    );

    let (base, _) = hostile_peer(|| {
        let giant = format!("{{\"AccessToken\":\"{}\"}}", "x".repeat(6 * 1024 * 1024));
        (StatusCode::OK, [("content-type", "application/json")], giant).into_response()
    })
    .await;
    let giant = client_for(&base).distributor("DID-test").await;
    let message = format!("{:?}", giant.expect_err("refused"));
    assert!(message.contains("larger than 5 MB"), "{message}");
}

/// A role the portal does not know is never taken for Subscriber: a Manager
/// (who may manage Subscribers) can neither see it as editable nor change it.
#[tokio::test]
async fn a_user_with_an_unknown_role_is_nobodys_to_change() {
    let portal = portal().await;
    let doe = account_id(&portal, "Doe Family");
    sqlx::query(
        "INSERT INTO users (email, display_name, password_hash, role, distributor_id, account_id, status, \
         must_change_password) VALUES ('ghost@example.com', 'Ghost', 'x', 'Overlord', $1, $2, 'active', 0)",
    )
    .bind(ACME_KEY)
    .bind(&doe)
    .execute(&portal.state.pool)
    .await
    .unwrap();
    let mut jane = Browser::signed_in(&portal, JANE).await;
    let list = jane.call("users/list", "search=ghost&page=1").await;
    let page: telegent_app::users::model::UsersPage = serde_json::from_str(&list.body).unwrap();
    let ghost = page
        .rows
        .iter()
        .find(|u| u.email == "ghost@example.com")
        .expect("listed");
    assert!(!ghost.editable);
    let refused = jane
        .call("users/set-enabled", &format!("user_id={}&enabled=false", ghost.id))
        .await;
    assert_eq!(refused.status, StatusCode::FORBIDDEN, "{refused:?}");
    let refused = jane
        .call("users/role", &format!("user_id={}&role=Subscriber", ghost.id))
        .await;
    assert_eq!(refused.status, StatusCode::FORBIDDEN, "{refused:?}");
}

/// Linking a new portal user to an existing member never changes the role
/// of a member whose Telegent role the portal does not know.
#[tokio::test]
async fn linking_a_user_never_demotes_a_member_of_unknown_role() {
    let portal = portal().await;
    let sandbox = &portal.sandbox.as_ref().unwrap().0;
    let lily = crate::common::subscriber_id(&portal, "lily.doe@example.com");
    sandbox.mutate(|w| {
        if let Some(s) = w.subscribers.values_mut().find(|s| s.id == lily) {
            s.role = "Owner".into();
        }
    });
    portal.state.upstreams.get(ACME_KEY).unwrap().invalidate_reads("");
    let doe = account_id(&portal, "Doe Family");
    let mut jane = Browser::signed_in(&portal, JANE).await;
    let answer = jane
        .call(
            "users/create",
            &format!("email=lily.doe%40example.com&display_name=Lily&role=Subscriber&distributor_id=&account_id={doe}"),
        )
        .await;
    assert_eq!(answer.status, StatusCode::UNPROCESSABLE_ENTITY, "{answer:?}");
    assert!(answer.body.contains("role you can't change"), "{}", answer.body);
    let role = sandbox
        .snapshot()
        .subscribers
        .values()
        .find(|s| s.id == lily)
        .unwrap()
        .role
        .clone();
    assert_eq!(role, "Owner", "not demoted to Subscriber");
}

/// Probing by address bar or by a plain form post is on the record too.
#[tokio::test]
async fn a_foreign_id_in_a_page_address_or_an_html_form_post_is_audited() {
    let portal = portal().await;
    let smith = account_id(&portal, "Smith Family");
    let mut jane = Browser::signed_in(&portal, JANE).await;
    let page = jane.get(&format!("/accounts/{smith}/limits")).await;
    assert_eq!(page.status, StatusCode::NOT_FOUND);
    let post = Request::post("/api/family/limits")
        .header("content-type", "application/x-www-form-urlencoded")
        .header("accept", "text/html")
        .header("referer", "http://localhost/accounts")
        .body(Body::from(format!(
            "account_id={smith}&numbers[]=%2B15125550120&unit=MB&notify=&throttle=&limit=10&speed="
        )))
        .unwrap();
    let answer = jane.send(post).await;
    assert!(
        answer.status.is_redirection(),
        "a plain form post comes back: {answer:?}"
    );
    let rows: Vec<(String, String)> =
        sqlx::query_as("SELECT action, target_ids FROM audit_log WHERE outcome = 'not_found' ORDER BY id")
            .fetch_all(&portal.state.pool)
            .await
            .unwrap();
    assert_eq!(rows.len(), 2, "{rows:?}");
    assert!(rows[0].0.starts_with("accounts/"), "the page: {rows:?}");
    assert_eq!(rows[1].0, "api/family/limits", "{rows:?}");
    assert!(rows.iter().all(|(_, asked)| asked.contains(&smith)), "{rows:?}");
}
