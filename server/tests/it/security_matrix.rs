//! The generated security matrix: every server function that takes an ID ×
//! every demo role in two fully seeded Distributor trees × own, foreign and
//! missing IDs.
//!
//! - A foreign ID is answered exactly like a missing one (same status, same
//!   body); for a role the policy allows, that answer is the 404 not-found body.
//! - Foreign calls change nothing upstream: the sandbox's state is unchanged
//!   and its journal shows no write request for them.
//! - Own IDs work for the roles the policy allows, and are refused (403)
//!   for the others.

use crate::common::{portal, portal_with, Answer, Browser};
use axum::http::StatusCode;
use telegent_app::error::AppError;
use telegent_app::policy::{allows, Action, Role};
use telegent_app::ssr::demo::DEMO_USERS;
use telegent_portal::Portal;
use telegent_sandbox::seed::{ACME_KEY, GLOBEX_KEY};

const MISSING_ACCOUNT: &str = "AID-00000000-0000-0000-0000-000000000000";
const MISSING_DISTRIBUTOR: &str = "DID-00000000-0000-0000-0000-000000000000";
const MISSING_USER: i64 = 999_999;

/// IDs seen from one demo user: theirs, and the other tree's.
struct Ids {
    own_account: String,
    foreign_accounts: Vec<String>,
    own_distributor: String,
    foreign_distributors: Vec<String>,
    /// A user this user may edit (or, if none, any user in their scope).
    own_user: (i64, Role),
    foreign_users: Vec<(i64, Role)>,
    /// A line of the own Account, and lines of the foreign ones.
    own_line: String,
    foreign_lines: Vec<String>,
    /// The owner of `own_line`, and the owners of the foreign lines.
    own_member: String,
    foreign_members: Vec<String>,
}

/// One server function, as a form body built from an ID.
struct Function {
    endpoint: &'static str,
    action: Action,
    account_form: fn(&str) -> String,
    user_form: Option<fn(i64, Role) -> String>,
    /// The form for an Account and one of its lines (or members).
    line_form: Option<fn(&str, &str) -> String>,
    takes: Takes,
}

#[derive(Clone, Copy, PartialEq)]
enum Takes {
    Account,
    AccountLine,
    AccountMember,
    Distributor,
    User,
}

fn functions() -> Vec<Function> {
    vec![
        Function {
            endpoint: "family/overview",
            action: Action::ViewSubscribers,
            account_form: |id| format!("account_id={id}"),
            user_form: None,
            line_form: None,
            takes: Takes::Account,
        },
        Function {
            endpoint: "family/line",
            action: Action::ViewNumbers,
            account_form: |_| String::new(),
            user_form: None,
            line_form: Some(|account, line| format!("account_id={account}&msisdn={}", line.replace('+', "%2B"))),
            takes: Takes::AccountLine,
        },
        Function {
            endpoint: "family/limits",
            action: Action::ManageDataLimits,
            account_form: |_| String::new(),
            user_form: None,
            line_form: Some(|account, line| {
                format!(
                    "account_id={account}&numbers%5B%5D={}&unit=MB&notify=&throttle=&limit=20&speed=",
                    line.replace('+', "%2B")
                )
            }),
            takes: Takes::AccountLine,
        },
        Function {
            endpoint: "family/renewal",
            action: Action::ManageDataLimits,
            account_form: |_| String::new(),
            user_form: None,
            line_form: Some(|account, line| {
                format!(
                    "account_id={account}&numbers%5B%5D={}&period=M&day=1&auto_renew=on",
                    line.replace('+', "%2B")
                )
            }),
            takes: Takes::AccountLine,
        },
        Function {
            endpoint: "family/voicemail",
            action: Action::ManageVoicemail,
            account_form: |_| String::new(),
            user_form: None,
            line_form: Some(|account, line| {
                format!(
                    "account_id={account}&msisdn={}&pin=4821&email=&first_name=&last_name=",
                    line.replace('+', "%2B")
                )
            }),
            takes: Takes::AccountLine,
        },
        Function {
            endpoint: "members/detail",
            action: Action::ViewSubscribers,
            account_form: |_| String::new(),
            user_form: None,
            line_form: Some(|account, member| format!("account_id={account}&subscriber_id={member}")),
            takes: Takes::AccountMember,
        },
        Function {
            endpoint: "members/edit",
            action: Action::ManageSubscribers,
            account_form: |_| String::new(),
            user_form: None,
            // An empty e-mail: the own call is refused at the field, nothing changes.
            line_form: Some(|account, member| {
                format!("account_id={account}&subscriber_id={member}&name=Matrix+Edit&email=")
            }),
            takes: Takes::AccountMember,
        },
        Function {
            endpoint: "members/add",
            action: Action::ManageSubscribers,
            account_form: |id| format!("account_id={id}&name=Matrix+Member&email="),
            user_form: None,
            line_form: None,
            takes: Takes::Account,
        },
        Function {
            endpoint: "accounts/detail",
            action: Action::ViewAccounts,
            account_form: |id| format!("account_id={id}"),
            user_form: None,
            line_form: None,
            takes: Takes::Account,
        },
        Function {
            endpoint: "accounts/list",
            action: Action::ViewAccounts,
            account_form: |id| format!("distributor_id={id}&page=1&search=&sort=name"),
            user_form: None,
            line_form: None,
            takes: Takes::Distributor,
        },
        Function {
            endpoint: "session/view-as",
            action: Action::ViewAsManager,
            account_form: |id| format!("account_id={id}&reason=Matrix+test+looking+in"),
            user_form: None,
            line_form: None,
            takes: Takes::Account,
        },
        Function {
            endpoint: "users/create",
            action: Action::ManageUsers,
            account_form: |id| {
                format!(
                    "email=matrix.{}%40example.com&display_name=Matrix&role=Subscriber&distributor_id=&account_id={id}",
                    id.to_lowercase()
                )
            },
            user_form: None,
            line_form: None,
            takes: Takes::Account,
        },
        Function {
            endpoint: "users/set-enabled",
            action: Action::ManageUsers,
            account_form: |_| String::new(),
            // Re-enabling an enabled user changes nothing, so own calls leave the matrix intact.
            user_form: Some(|id, _| format!("user_id={id}&enabled=true")),
            line_form: None,
            takes: Takes::User,
        },
        Function {
            endpoint: "users/role",
            action: Action::ManageUsers,
            account_form: |_| String::new(),
            user_form: Some(|id, role| format!("user_id={id}&role={role:?}")),
            line_form: None,
            takes: Takes::User,
        },
    ]
}

async fn users_in(portal: &Portal) -> Vec<(i64, String, String, Option<String>, Option<String>)> {
    sqlx::query_as("SELECT id, email, role, distributor_id, account_id FROM users")
        .fetch_all(&portal.state.pool)
        .await
        .unwrap()
}

fn role_of(name: &str) -> Role {
    telegent_app::ssr::auth::parse_role(name).unwrap()
}

async fn ids_for(portal: &Portal, email: &str) -> Ids {
    let users = users_in(portal).await;
    let me = users.iter().find(|u| u.1 == email).unwrap().clone();
    let world = portal.sandbox.as_ref().unwrap().0.snapshot();
    let account = |name: &str| world.accounts.values().find(|a| a.name == name).unwrap().id.clone();
    let (doe, bakery, smith) = (
        account("Doe Family"),
        account("Bright Bakery LLC"),
        account("Smith Family"),
    );
    let in_acme = me.3.as_deref() != Some(GLOBEX_KEY);
    let own_distributor = if in_acme { ACME_KEY } else { GLOBEX_KEY }.to_string();
    let foreign_distributor = if in_acme { GLOBEX_KEY } else { ACME_KEY }.to_string();
    let own_account =
        me.4.clone()
            .unwrap_or_else(|| if in_acme { doe.clone() } else { smith.clone() });
    let mut foreign_accounts = vec![if in_acme { smith.clone() } else { doe.clone() }];
    if me.4.is_some() && in_acme {
        // An account role's sibling Account under the same Distributor is foreign too.
        foreign_accounts.push(if own_account == doe {
            bakery.clone()
        } else {
            doe.clone()
        });
    }
    let role = role_of(&me.2);
    let in_scope = |u: &(i64, String, String, Option<String>, Option<String>)| match role {
        Role::PlatformAdmin => true,
        Role::DistributorAdmin | Role::DistributorViewer => u.3 == me.3,
        _ => u.4.is_some() && u.4 == me.4,
    };
    let own_user = users
        .iter()
        .filter(|u| u.0 != me.0 && in_scope(u))
        .map(|u| (u.0, role_of(&u.2)))
        .find(|(_, r)| role.may_grant(*r))
        .or_else(|| {
            users
                .iter()
                .filter(|u| in_scope(u))
                .map(|u| (u.0, role_of(&u.2)))
                .next()
        })
        .unwrap();
    let foreign_users: Vec<(i64, Role)> = users
        .iter()
        .filter(|u| !in_scope(u) && u.2 != "PlatformAdmin")
        .map(|u| (u.0, role_of(&u.2)))
        .collect();
    // The Platform admin reaches everything: for them only missing IDs exist.
    let platform = role == Role::PlatformAdmin;
    if platform {
        foreign_accounts.clear();
    }
    let line_of = |account: &str| {
        world
            .numbers
            .values()
            .filter(|n| n.account_id == account && n.subscriber_id.is_some())
            .map(|n| n.msisdn.clone())
            .min()
            .unwrap()
    };
    let owner_of = |line: &String| {
        world
            .numbers
            .values()
            .find(|n| n.msisdn == *line)
            .and_then(|n| n.subscriber_id.clone())
            .unwrap()
    };
    let own_line = line_of(&own_account);
    let foreign_lines: Vec<String> = foreign_accounts.iter().map(|a| line_of(a)).collect();
    Ids {
        own_member: owner_of(&own_line),
        foreign_members: foreign_lines.iter().map(owner_of).collect(),
        own_line,
        foreign_lines,
        own_account,
        foreign_accounts,
        own_distributor,
        foreign_distributors: if platform { vec![] } else { vec![foreign_distributor] },
        own_user,
        foreign_users,
    }
}

fn forms(function: &Function, ids: &Ids) -> (Vec<String>, String, String) {
    match function.takes {
        Takes::Account => (
            ids.foreign_accounts
                .iter()
                .map(|a| (function.account_form)(a))
                .collect(),
            (function.account_form)(MISSING_ACCOUNT),
            (function.account_form)(&ids.own_account),
        ),
        Takes::AccountLine => {
            let form = function.line_form.unwrap();
            let mut foreign: Vec<String> = ids
                .foreign_accounts
                .iter()
                .zip(&ids.foreign_lines)
                .map(|(account, line)| form(account, line))
                .collect();
            // Another Account's line through one's own Account is foreign too.
            foreign.extend(ids.foreign_lines.iter().map(|line| form(&ids.own_account, line)));
            (
                foreign,
                form(MISSING_ACCOUNT, &ids.own_line),
                form(&ids.own_account, &ids.own_line),
            )
        }
        Takes::AccountMember => {
            let form = function.line_form.unwrap();
            let mut foreign: Vec<String> = ids
                .foreign_accounts
                .iter()
                .zip(&ids.foreign_members)
                .map(|(account, member)| form(account, member))
                .collect();
            // Another Account's member through one's own Account is foreign too.
            foreign.extend(ids.foreign_members.iter().map(|member| form(&ids.own_account, member)));
            (
                foreign,
                form(MISSING_ACCOUNT, &ids.own_member),
                form(&ids.own_account, &ids.own_member),
            )
        }
        Takes::Distributor => (
            ids.foreign_distributors
                .iter()
                .map(|d| (function.account_form)(d))
                .collect(),
            (function.account_form)(MISSING_DISTRIBUTOR),
            (function.account_form)(&ids.own_distributor),
        ),
        Takes::User => {
            let form = function.user_form.unwrap();
            (
                ids.foreign_users.iter().map(|(id, role)| form(*id, *role)).collect(),
                form(MISSING_USER, Role::Subscriber),
                form(ids.own_user.0, ids.own_user.1),
            )
        }
    }
}

fn is_write_request(entry: &telegent_sandbox::JournalEntry) -> bool {
    let path = entry.path.to_lowercase();
    entry.method != "GET" && !path.ends_with("/tokens")
}

#[tokio::test]
async fn foreign_ids_look_missing_and_touch_nothing_for_every_role_and_function() {
    // Hundreds of calls in a few seconds: the sandbox's per-minute limit is off here.
    let portal = portal_with(|c| c.sandbox_rate_limit_per_minute = None).await;
    let sandbox = &portal.sandbox.as_ref().unwrap().0;
    let not_found_body = serde_json::to_string(&AppError::NotFound).unwrap();
    let mut checked = 0;
    let mut report = Vec::new();
    for demo in DEMO_USERS {
        let mut browser = Browser::signed_in(&portal, demo.email).await;
        let ids = ids_for(&portal, demo.email).await;
        for function in functions() {
            let allowed = allows(demo.role, function.action);
            let (foreign_forms, missing_form, own_form) = forms(&function, &ids);

            let world_before = serde_json::to_string(&sandbox.snapshot()).unwrap();
            let journal_before = sandbox.journal().len();
            let missing: Answer = browser.call(function.endpoint, &missing_form).await;
            if allowed {
                assert_eq!(
                    missing.status,
                    StatusCode::NOT_FOUND,
                    "{} {} missing: {}",
                    demo.email,
                    function.endpoint,
                    missing.body
                );
            }
            for foreign_form in &foreign_forms {
                let foreign = browser.call(function.endpoint, foreign_form).await;
                let cell = format!("{} {} {}", demo.email, function.endpoint, foreign_form);
                assert_eq!(
                    foreign.status, missing.status,
                    "{cell}: foreign vs missing status: {}",
                    foreign.body
                );
                assert_eq!(foreign.body, missing.body, "{cell}: foreign vs missing body");
                if allowed {
                    assert_eq!(foreign.status, StatusCode::NOT_FOUND, "{cell}: {}", foreign.body);
                    assert_eq!(foreign.body, not_found_body, "{cell}");
                } else {
                    assert_eq!(foreign.status, StatusCode::FORBIDDEN, "{cell}: {}", foreign.body);
                }
                checked += 1;
            }
            let writes: Vec<_> = sandbox.journal()[journal_before..]
                .iter()
                .filter(|e| is_write_request(e))
                .map(|e| format!("{} {}", e.method, e.path))
                .collect();
            assert!(
                writes.is_empty(),
                "{} {}: upstream writes {writes:?}",
                demo.email,
                function.endpoint
            );
            assert_eq!(
                serde_json::to_string(&sandbox.snapshot()).unwrap(),
                world_before,
                "{} {}: upstream state changed",
                demo.email,
                function.endpoint
            );

            let own = browser.call(function.endpoint, &own_form).await;
            let outcome = if allowed {
                assert!(
                    own.status.is_success() || own.status == StatusCode::UNPROCESSABLE_ENTITY,
                    "{} {} own: {} {}",
                    demo.email,
                    function.endpoint,
                    own.status,
                    own.body
                );
                "allowed"
            } else {
                assert_eq!(
                    own.status,
                    StatusCode::FORBIDDEN,
                    "{} {} own",
                    demo.email,
                    function.endpoint
                );
                "refused"
            };
            report.push(format!("{:<28} {:<18} own {outcome}", demo.email, function.endpoint));
            // A started view-as would change the caller for the next rows.
            if function.endpoint == "session/view-as" && allowed {
                browser.call("session/view-as-stop", "").await;
            }
        }
    }
    println!("{}", report.join("\n"));
    println!("{checked} foreign calls answered as missing, none reached Telegent as a write");
    assert!(checked >= 100, "the matrix covers {checked} cells");
}

/// Server functions without ID arguments: each role gets exactly what the
/// policy table gives it, and nothing outside its scope appears in the answer.
#[tokio::test]
async fn functions_without_ids_follow_the_policy_table_for_every_role() {
    let portal = portal().await;
    let table: [(&str, &str, Action); 6] = [
        // A Distributor nobody can see: the platform gets a field error, others a refusal.
        (
            "distributors/save",
            "distributor_id=DID-00000000-0000&api_base_url=http%3A%2F%2F127.0.0.1%3A9&account_key=k&account_secret=s",
            Action::ManageCredentials,
        ),
        ("distributors/list", "", Action::ViewDistributors),
        ("users/list", "search=&page=1", Action::ManageUsers),
        (
            "audit/list",
            "user=&action=&outcome=&from=&to=&page=1",
            Action::ViewAudit,
        ),
        ("me/lines", "", Action::ViewOwnLines),
        ("users/created", "", Action::ManageUsers),
    ];
    for demo in DEMO_USERS {
        let mut browser = Browser::signed_in(&portal, demo.email).await;
        for (endpoint, form, action) in table {
            let answer = browser.call(endpoint, form).await;
            let allowed = allows(demo.role, action);
            let expected_ok = allowed && !(endpoint == "me/lines" && demo.role != Role::Subscriber);
            if expected_ok && endpoint == "distributors/save" {
                // Allowed: the credential is tried (and fails), never refused.
                assert_ne!(answer.status, StatusCode::FORBIDDEN, "{} {endpoint}", demo.email);
            } else if expected_ok {
                assert_eq!(
                    answer.status,
                    StatusCode::OK,
                    "{} {endpoint}: {}",
                    demo.email,
                    answer.body
                );
                let foreign_tree = if demo.distributor == Some(ACME_KEY) {
                    "globex"
                } else {
                    "acme"
                };
                if demo.role != Role::PlatformAdmin {
                    assert!(
                        !answer.body.to_lowercase().contains(foreign_tree),
                        "{} {endpoint} shows the other tree: {}",
                        demo.email,
                        answer.body
                    );
                }
            } else if !allowed {
                assert_eq!(answer.status, StatusCode::FORBIDDEN, "{} {endpoint}", demo.email);
            }
        }
    }
}
