//! What each role sends to each matrix row: forms naming foreign IDs, one
//! naming a missing ID, one naming the caller's own, and the form that undoes
//! the own call.

use telegent_app::policy::Role;

use super::rows::Function;
use super::{Child, Form, Ids, MISSING_ACCOUNT, MISSING_DISTRIBUTOR, MISSING_USER};

/// What one role sends to one function: forms naming foreign IDs, one naming
/// a missing ID, one naming its own, and the form that undoes the own call.
pub(super) struct Calls {
    pub(super) foreign: Vec<String>,
    pub(super) missing: String,
    pub(super) own: String,
    pub(super) undo_own: Option<String>,
}

pub(super) fn calls(function: &Function, ids: &Ids) -> Calls {
    let simple = |foreign: Vec<String>, missing: String, own: String| Calls {
        foreign,
        missing,
        own,
        undo_own: None,
    };
    match function.form {
        Form::Account(form) => simple(
            ids.foreign_accounts.iter().map(|a| form(a)).collect(),
            form(MISSING_ACCOUNT),
            form(&ids.own_account),
        ),
        Form::AccountLine(form) => {
            let mut foreign: Vec<String> = ids
                .foreign_accounts
                .iter()
                .zip(&ids.foreign_lines)
                .map(|(account, line)| form(account, line))
                .collect();
            // Another Account's line through one's own Account is foreign too.
            foreign.extend(ids.foreign_lines.iter().map(|line| form(&ids.own_account, line)));
            simple(
                foreign,
                form(MISSING_ACCOUNT, &ids.own_line),
                form(&ids.own_account, &ids.own_line),
            )
        }
        Form::AccountMember(form) => {
            let mut foreign: Vec<String> = ids
                .foreign_accounts
                .iter()
                .zip(&ids.foreign_members)
                .map(|(account, member)| form(account, member))
                .collect();
            // Another Account's member through one's own Account is foreign too.
            foreign.extend(ids.foreign_members.iter().map(|member| form(&ids.own_account, member)));
            simple(
                foreign,
                form(MISSING_ACCOUNT, &ids.own_member),
                form(&ids.own_account, &ids.own_member),
            )
        }
        Form::Child(form) => {
            let (foreign, missing, own) = child_calls(ids, false);
            simple(foreign.iter().map(form).collect(), form(&missing), form(&own))
        }
        Form::ChildAndGuardian { form, undo } => {
            let (foreign, missing, own) = child_calls(ids, true);
            Calls {
                foreign: foreign.iter().map(form).collect(),
                missing: form(&missing),
                own: form(&own),
                undo_own: Some(undo(&own)),
            }
        }
        Form::Distributor(form) => simple(
            ids.foreign_distributors.iter().map(|d| form(d)).collect(),
            form(MISSING_DISTRIBUTOR),
            form(&ids.own_distributor),
        ),
        // Foreign records through one's own Distributor, and (but for the
        // Platform admin) through the other one named outright.
        Form::Product(form) | Form::Package(form) | Form::Service(form) => {
            let (own, foreign) = match function.form {
                Form::Product(_) => (&ids.own_product, &ids.foreign_products),
                Form::Service(_) => (&ids.own_service, &ids.foreign_services),
                _ => (&ids.own_package, &ids.foreign_packages),
            };
            let mut forms: Vec<String> = foreign.iter().map(|id| form(&ids.own_distributor, id)).collect();
            for other in &ids.foreign_distributors {
                forms.extend(foreign.iter().map(|id| form(other, id)));
            }
            simple(
                forms,
                form(&ids.own_distributor, "PRID-00000000-0000-0000-0000-000000000000"),
                form(&ids.own_distributor, own),
            )
        }
        Form::AccountRoute(form) => route_calls(form, ids, &ids.own_route, &ids.foreign_routes),
        Form::AccountVoiceRoute(form) => route_calls(form, ids, &ids.own_voice_route, &ids.foreign_voice_routes),
        Form::Subscription(form) => simple(
            ids.foreign_subscriptions.iter().map(|id| form(id)).collect(),
            form("SUB-00000000-0000-0000-0000-000000000000"),
            form(&ids.own_subscription),
        ),
        Form::PackageItem(form) => {
            let d = &ids.own_distributor;
            let mut forms: Vec<String> = ids.foreign_items.iter().map(|(p, i)| form(d, p, i)).collect();
            // Another catalog's item through one's own package.
            forms.extend(ids.foreign_items.iter().map(|(_, i)| form(d, &ids.own_package, i)));
            simple(
                forms,
                form(d, "PKID-00000000-0000-0000-0000-000000000000", &ids.own_item),
                form(d, &ids.own_package, &ids.own_item),
            )
        }
        Form::User(form) => simple(
            ids.foreign_users.iter().map(|(id, role)| form(*id, *role)).collect(),
            form(MISSING_USER, Role::Subscriber),
            form(ids.own_user.0, ids.own_user.1),
        ),
    }
}

/// The foreign, missing and own children for the Guardian forms.
/// An Account's route (message or voice): another Account's, directly or
/// through one's own Account, is foreign.
fn route_calls(form: fn(&str, &str) -> String, ids: &Ids, own: &str, foreign_routes: &[String]) -> Calls {
    let mut foreign: Vec<String> = ids
        .foreign_accounts
        .iter()
        .zip(foreign_routes)
        .map(|(account, route)| form(account, route))
        .collect();
    foreign.extend(foreign_routes.iter().map(|route| form(&ids.own_account, route)));
    Calls {
        foreign,
        missing: form(MISSING_ACCOUNT, own),
        own: form(&ids.own_account, own),
        undo_own: None,
    }
}

fn child_calls(ids: &Ids, names_guardian: bool) -> (Vec<Child<'_>>, Child<'_>, Child<'_>) {
    let own = Child {
        account: &ids.own_account,
        id: &ids.own_member,
        line: &ids.own_line,
        guardian: &ids.own_guardian,
    };
    let mut foreign = Vec::new();
    for (((account, id), line), guardian) in ids
        .foreign_accounts
        .iter()
        .zip(&ids.foreign_members)
        .zip(&ids.foreign_lines)
        .zip(&ids.foreign_guardians)
    {
        let theirs = Child {
            account,
            id,
            line,
            guardian,
        };
        // Another Account's child through one's own Account.
        foreign.push(Child {
            account: own.account,
            ..theirs
        });
        // One's own child with another Account's line.
        foreign.push(Child { line, ..own });
        if names_guardian {
            // One's own child with another Account's member as guardian.
            foreign.push(Child { guardian, ..own });
        }
        foreign.push(theirs);
    }
    let missing = Child {
        account: MISSING_ACCOUNT,
        ..own
    };
    (foreign, missing, own)
}
