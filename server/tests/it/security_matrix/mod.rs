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
//!
//! Every registered server function is accounted for by name: a matrix row,
//! a row of the ID-less policy table, or a written exemption; a new one fails
//! `every_registered_server_function_has_a_matrix_row_or_an_exemption`.
//!
//! `rows` is the table of functions that take IDs; `without_ids` the
//! policy table of those that take none, and the check that every
//! registered function is accounted for.

mod calls;
mod rows;
mod without_ids;

use self::calls::calls;
use self::rows::functions;

use crate::common::{portal_with, Answer, Browser};
use axum::http::StatusCode;
use telegent_app::error::AppError;
use telegent_app::policy::{allows, Role};
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
    /// Another member of the own Account, and of each foreign one, who is not
    /// yet a guardian of that Account's member above.
    own_guardian: String,
    foreign_guardians: Vec<String>,
    /// A product and a package of the caller's catalog, and one item of that
    /// package; the same of catalogs the caller does not reach.
    own_product: String,
    foreign_products: Vec<String>,
    own_package: String,
    foreign_packages: Vec<String>,
    own_item: String,
    /// (package, item) pairs.
    foreign_items: Vec<(String, String)>,
    /// A service of the caller's catalog, and of catalogs it does not reach.
    own_service: String,
    foreign_services: Vec<String>,
    /// A subscription billing a line of the own Account, and of the foreign ones.
    own_subscription: String,
    foreign_subscriptions: Vec<String>,
    /// A message route of the own Account, and of each foreign one.
    own_route: String,
    foreign_routes: Vec<String>,
    /// A voice route of the own Account, and of each foreign one.
    own_voice_route: String,
    foreign_voice_routes: Vec<String>,
}

/// A child of an Account as the Guardian forms name them: the Account, the
/// child, one of the child's lines, and another member as their guardian.
struct Child<'a> {
    account: &'a str,
    id: &'a str,
    line: &'a str,
    guardian: &'a str,
}

/// How a server function's form body is built from the IDs it takes.
enum Form {
    Account(fn(&str) -> String),
    Distributor(fn(&str) -> String),
    User(fn(i64, Role) -> String),
    /// An Account and one of its lines.
    AccountLine(fn(&str, &str) -> String),
    /// An Account and one of its members.
    AccountMember(fn(&str, &str) -> String),
    /// A child of an Account and one of the child's lines.
    Child(fn(&Child) -> String),
    /// The same, naming a guardian too. `undo` takes the own call back, so
    /// the next role finds the relation as it was.
    ChildAndGuardian {
        form: fn(&Child) -> String,
        undo: fn(&Child) -> String,
    },
    /// The caller's Distributor (as a Platform admin names it) and a product.
    Product(fn(&str, &str) -> String),
    /// The same with a package.
    Package(fn(&str, &str) -> String),
    Subscription(fn(&str) -> String),
    /// An Account and one of its message routes.
    AccountRoute(fn(&str, &str) -> String),
    /// An Account and one of its voice routes.
    AccountVoiceRoute(fn(&str, &str) -> String),
    /// The Distributor, a package and one of its items.
    PackageItem(fn(&str, &str, &str) -> String),
    /// The same with a service.
    Service(fn(&str, &str) -> String),
}

async fn users_in(portal: &Portal) -> Vec<(i64, String, String, Option<String>, Option<String>)> {
    sqlx::query_as("SELECT id, email, role, distributor_id, account_id FROM users")
        .fetch_all(&portal.state.pool)
        .await
        .unwrap()
}

fn role_of(name: &str) -> Role {
    telegent_app::ssr::caller::parse_role(name).unwrap()
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
    let guardian_for = |account: &str, child: &str| {
        world
            .subscribers
            .values()
            .filter(|s| s.account_id == account && s.id != child)
            .filter(|s| {
                !world
                    .guardian_relations
                    .iter()
                    .any(|r| r.parent_id == s.id && r.child_id == child)
            })
            .map(|s| s.id.clone())
            .min()
            .unwrap()
    };
    // The catalog: records are the Distributor's (no Account) or one Account's own.
    let own_catalog_account = me.4.clone();
    let reaches = |r: &telegent_sandbox::Record| {
        r.distributor_id == own_distributor
            && (own_catalog_account.is_none() || r.account_id.is_none() || r.account_id == own_catalog_account)
    };
    let own_of = |collection: &str| {
        let mine = world
            .collection(collection)
            .filter(|(_, r)| {
                r.distributor_id == own_distributor && r.account_id.is_some() && r.account_id == own_catalog_account
            })
            .map(|(id, _)| id.clone())
            .min();
        mine.or_else(|| {
            world
                .collection(collection)
                .filter(|(_, r)| r.distributor_id == own_distributor && r.account_id.is_none())
                .map(|(id, _)| id.clone())
                .min()
        })
        .unwrap()
    };
    let foreign_of = |collection: &str| -> Vec<String> {
        world
            .collection(collection)
            .filter(|(_, r)| !platform && !reaches(r))
            .map(|(id, _)| id.clone())
            .collect()
    };
    let own_product = own_of("products");
    let own_package = own_of("packages");
    let item_of = |package: &str| {
        world
            .collection("package_items")
            .filter(|(_, r)| r.parent_id.as_deref() == Some(package))
            .map(|(id, _)| id.clone())
            .min()
    };
    let own_item = item_of(&own_package).unwrap();
    let foreign_packages = foreign_of("packages");
    let foreign_products = foreign_of("products");
    let foreign_items = foreign_packages
        .iter()
        .filter_map(|p| item_of(p).map(|i| (p.clone(), i)))
        .collect();
    let own_service = own_of("services");
    let foreign_services = foreign_of("services");
    let subscription_in = |account: &str| {
        world
            .collection("subscriptions")
            .filter(|(_, r)| r.account_id.as_deref() == Some(account))
            .map(|(id, _)| id.clone())
            .min()
            .unwrap()
    };
    let route_in = |collection: &str, account: &str| {
        world
            .collection(collection)
            .filter(|(_, r)| r.account_id.as_deref() == Some(account))
            .map(|(id, _)| id.clone())
            .min()
            .unwrap()
    };
    let own_route = route_in("message_routes", &own_account);
    let foreign_routes: Vec<String> = foreign_accounts.iter().map(|a| route_in("message_routes", a)).collect();
    let own_voice_route = route_in("voice_routes", &own_account);
    let foreign_voice_routes: Vec<String> = foreign_accounts.iter().map(|a| route_in("voice_routes", a)).collect();
    let own_subscription = subscription_in(&own_account);
    let foreign_subscriptions: Vec<String> = foreign_accounts.iter().map(|a| subscription_in(a)).collect();
    let own_line = line_of(&own_account);
    let foreign_lines: Vec<String> = foreign_accounts.iter().map(|a| line_of(a)).collect();
    let own_member = owner_of(&own_line);
    let foreign_members: Vec<String> = foreign_lines.iter().map(owner_of).collect();
    Ids {
        own_guardian: guardian_for(&own_account, &own_member),
        foreign_guardians: foreign_accounts
            .iter()
            .zip(&foreign_members)
            .map(|(account, member)| guardian_for(account, member))
            .collect(),
        own_member,
        foreign_members,
        own_line,
        foreign_lines,
        own_account,
        foreign_accounts,
        own_distributor,
        foreign_distributors: if platform { vec![] } else { vec![foreign_distributor] },
        own_user,
        foreign_users,
        own_product,
        foreign_products,
        own_package,
        foreign_packages,
        own_item,
        foreign_items,
        own_service,
        foreign_services,
        own_subscription,
        foreign_subscriptions,
        own_route,
        foreign_routes,
        own_voice_route,
        foreign_voice_routes,
    }
}

/// A request that changes the platform: not a GET, not a token, and not one
/// of the reads sent as POST (data-usage info and settings batch numbers in
/// the body; background sweeps of the read model send them at any time), as
/// the client's operation table classes them.
fn is_write_request(entry: &telegent_sandbox::JournalEntry) -> bool {
    let path = entry.path.to_lowercase();
    let read_post = telegent::operations().any(|op| {
        op.class == telegent::Class::Read && op.method == entry.method && op.path.eq_ignore_ascii_case(&entry.path)
    });
    entry.method != "GET" && !path.ends_with("/tokens") && !read_post
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
            let calls = calls(&function, &ids);

            let world_before = serde_json::to_string(&sandbox.snapshot()).unwrap();
            let journal_before = sandbox.journal().len();
            let kept_before = portal_kept(&portal).await;
            let missing: Answer = browser.call(function.endpoint, &calls.missing).await;
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
            for foreign_form in &calls.foreign {
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
            assert_eq!(
                portal_kept(&portal).await,
                kept_before,
                "{} {}: the portal's own records changed",
                demo.email,
                function.endpoint
            );

            let own = browser.call(function.endpoint, &calls.own).await;
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
            report.push(format!(
                "{:<28} {:<24} own {outcome} ({})",
                demo.email,
                function.endpoint,
                own.status.as_u16()
            ));
            if let (Some(undo), true) = (&calls.undo_own, own.status.is_success()) {
                let undone = browser.call(function.endpoint, undo).await;
                assert!(
                    undone.status.is_success(),
                    "{} {} undo: {} {}",
                    demo.email,
                    function.endpoint,
                    undone.status,
                    undone.body
                );
            }
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

/// The rank dimension: inside one Account, a Manager acting on the Account
/// Admin (above them) or the Admin's line, through every member-, line- and
/// child-targeted mutation of the matrix, is refused with 403, audited as
/// denied, and nothing is written upstream. A new function with such a form
/// is checked here as soon as it has its matrix row.
#[tokio::test]
async fn a_manager_is_refused_every_member_and_line_mutation_on_the_account_admin() {
    let portal = portal_with(|c| c.sandbox_rate_limit_per_minute = None).await;
    let sandbox = &portal.sandbox.as_ref().unwrap().0;
    let bakery = crate::common::account_id(&portal, "Bright Bakery LLC");
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
    let admin = Child {
        account: &bakery,
        id: &priya,
        line,
        guardian: &omar,
    };
    let mut manager = Browser::signed_in(&portal, "omar@brightbakery.example").await;
    let mut checked = Vec::new();
    for function in functions().into_iter().filter(|f| !f.action.is_read()) {
        let form = match function.form {
            Form::AccountLine(form) => form(&bakery, line),
            Form::AccountMember(form) => form(&bakery, &priya),
            Form::Child(form) | Form::ChildAndGuardian { form, .. } => form(&admin),
            Form::Account(_)
            | Form::Distributor(_)
            | Form::User(_)
            | Form::Product(_)
            | Form::Package(_)
            | Form::PackageItem(_)
            | Form::Service(_)
            | Form::Subscription(_)
            | Form::AccountRoute(_)
            | Form::AccountVoiceRoute(_) => continue,
        };
        let before = sandbox.journal().len();
        let denied_before = denied_rows(&portal).await;
        let answer = manager.call(function.endpoint, &form).await;
        assert_eq!(
            answer.status,
            StatusCode::FORBIDDEN,
            "{}: {answer:?}",
            function.endpoint
        );
        let writes: Vec<String> = sandbox.journal()[before..]
            .iter()
            .filter(|e| is_write_request(e))
            .map(|e| format!("{} {}", e.method, e.path))
            .collect();
        assert!(writes.is_empty(), "{} wrote upstream: {writes:?}", function.endpoint);
        assert_eq!(
            denied_rows(&portal).await,
            denied_before + 1,
            "{}: refusal audited",
            function.endpoint
        );
        checked.push(function.endpoint);
    }
    assert!(checked.len() >= 10, "member and line mutations checked: {checked:?}");

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

/// What the portal keeps of its own (not Telegent's): checklist marks and
/// sign-offs, cancellations, and succeeded changes in the audit log.
async fn portal_kept(portal: &Portal) -> Vec<i64> {
    let mut counts = Vec::new();
    for sql in [
        "SELECT COUNT(*) FROM onboarding_scope_marks",
        "SELECT COUNT(*) FROM onboarding_signoffs",
        "SELECT COUNT(*) FROM number_cancellations",
        "SELECT COUNT(*) FROM audit_log WHERE outcome = 'succeeded'",
    ] {
        let (n,): (i64,) = sqlx::query_as(sql).fetch_one(&portal.state.pool).await.unwrap();
        counts.push(n);
    }
    counts
}

async fn denied_rows(portal: &Portal) -> i64 {
    sqlx::query_as::<_, (i64,)>("SELECT COUNT(*) FROM audit_log WHERE outcome = 'denied'")
        .fetch_one(&portal.state.pool)
        .await
        .unwrap()
        .0
}
