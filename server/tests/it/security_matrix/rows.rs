//! The matrix rows: every server function that takes an ID, the action it
//! needs, and the form that names the IDs.

use telegent_app::policy::Action;

use super::{Child, Form};

/// One server function that takes an ID.
pub(super) struct Function {
    pub endpoint: &'static str,
    pub action: Action,
    pub form: Form,
}

pub(super) fn functions() -> Vec<Function> {
    vec![
        Function {
            endpoint: "family/overview",
            action: Action::ViewSubscribers,
            form: Form::Account(|id| format!("account_id={id}")),
        },
        Function {
            endpoint: "family/line",
            action: Action::ViewNumbers,
            form: Form::AccountLine(|account, line| {
                format!("account_id={account}&msisdn={}", line.replace('+', "%2B"))
            }),
        },
        Function {
            endpoint: "family/limits",
            action: Action::ManageDataLimits,
            form: Form::AccountLine(|account, line| {
                format!(
                    "account_id={account}&numbers%5B%5D={}&unit=MB&notify=&throttle=&limit=20&speed=",
                    line.replace('+', "%2B")
                )
            }),
        },
        Function {
            endpoint: "family/renewal",
            action: Action::ManageDataLimits,
            form: Form::AccountLine(|account, line| {
                format!(
                    "account_id={account}&numbers%5B%5D={}&period=M&day=1&auto_renew=on",
                    line.replace('+', "%2B")
                )
            }),
        },
        Function {
            endpoint: "family/voicemail",
            action: Action::ManageVoicemail,
            form: Form::AccountLine(|account, line| {
                format!(
                    "account_id={account}&msisdn={}&pin=4821&email=&first_name=&last_name=",
                    line.replace('+', "%2B")
                )
            }),
        },
        Function {
            endpoint: "family/voicemail-delete",
            action: Action::ManageVoicemail,
            // Confirmed, so the line is looked up; the own call deletes what the row above set.
            form: Form::AccountLine(|account, line| {
                format!("account_id={account}&msisdn={}&confirm=on", line.replace('+', "%2B"))
            }),
        },
        Function {
            endpoint: "members/detail",
            action: Action::ViewSubscribers,
            form: Form::AccountMember(|account, member| format!("account_id={account}&subscriber_id={member}")),
        },
        Function {
            endpoint: "members/edit",
            action: Action::ManageSubscribers,
            // An empty e-mail: the own call is refused at the field, nothing changes.
            form: Form::AccountMember(|account, member| {
                format!("account_id={account}&subscriber_id={member}&name=Matrix+Edit&email=")
            }),
        },
        Function {
            endpoint: "members/remove",
            action: Action::ManageSubscribers,
            // Not confirmed: the own call is refused at the field, nothing changes.
            form: Form::AccountMember(|account, member| format!("account_id={account}&subscriber_id={member}&heir=")),
        },
        Function {
            endpoint: "guardian/detail",
            action: Action::ViewSubscribers,
            form: Form::Child(|c| guardian_form(c, "")),
        },
        Function {
            endpoint: "guardian/switches",
            action: Action::ManageGuardian,
            form: Form::Child(|c| guardian_form(c, "&calls=on&messages=on")),
        },
        Function {
            endpoint: "guardian/relation",
            action: Action::ManageGuardian,
            form: Form::ChildAndGuardian {
                form: |c| guardian_form(c, &format!("&guardian_id={}&link=true", c.guardian)),
                undo: |c| guardian_form(c, &format!("&guardian_id={}&link=false", c.guardian)),
            },
        },
        Function {
            endpoint: "guardian/call-filter",
            action: Action::ManageGuardian,
            form: Form::Child(|c| guardian_form(c, "&mode=BLACKLIST&block_unknown=on&inbound=on&outbound=on")),
        },
        Function {
            endpoint: "guardian/message-filter",
            action: Action::ManageGuardian,
            form: Form::Child(|c| {
                guardian_form(
                    c,
                    "&mode=CHILD&block_links=on&inbound=on&outbound=on&keywords=matrix&notify=",
                )
            }),
        },
        Function {
            endpoint: "guardian/list",
            action: Action::ManageGuardian,
            // Adding a number twice keeps one entry, so every role's own call is alike.
            form: Form::Child(|c| guardian_form(c, "&filter=call&list=blocked&number=%2B18015559999&add=true")),
        },
        Function {
            endpoint: "members/add",
            action: Action::ManageSubscribers,
            form: Form::Account(|id| format!("account_id={id}&name=Matrix+Member&email=")),
        },
        Function {
            endpoint: "accounts/detail",
            action: Action::ViewAccounts,
            form: Form::Account(|id| format!("account_id={id}")),
        },
        Function {
            endpoint: "workspace",
            action: Action::ViewAccounts,
            form: Form::Distributor(|id| format!("distributor_id={id}")),
        },
        Function {
            endpoint: "workspace/refresh",
            action: Action::ViewDistributors,
            form: Form::Distributor(|id| format!("distributor_id={id}&back=%2F")),
        },
        Function {
            endpoint: "accounts/list",
            action: Action::ViewAccounts,
            form: Form::Distributor(|id| format!("distributor_id={id}&page=1&search=&sort=name")),
        },
        Function {
            endpoint: "accounts/new-form",
            action: Action::CreateAccounts,
            form: Form::Distributor(|id| format!("distributor_id={id}")),
        },
        Function {
            endpoint: "accounts/create",
            action: Action::CreateAccounts,
            // No name: an allowed own call is refused at the field and creates nothing.
            form: Form::Distributor(|id| format!("account_id=&distributor_id={id}&name=&admin_email=")),
        },
        Function {
            endpoint: "accounts/edit-form",
            action: Action::ManageAccounts,
            form: Form::Account(|id| format!("account_id={id}")),
        },
        Function {
            endpoint: "accounts/update",
            action: Action::ManageAccounts,
            form: Form::Account(|id| format!("account_id={id}&name=")),
        },
        Function {
            endpoint: "members/give-lines",
            action: Action::ManageSubscribers,
            // No number: an allowed own call is refused at the field and gives nothing.
            form: Form::AccountMember(|account, member| {
                format!("account_id={account}&subscriber_id={member}&phone_numbers=")
            }),
        },
        Function {
            endpoint: "members/role",
            action: Action::ManageSubscribers,
            // No role: an allowed own call is refused at the field and changes nothing.
            form: Form::AccountMember(|account, member| format!("account_id={account}&subscriber_id={member}&role=")),
        },
        Function {
            endpoint: "distributors/edit-form",
            action: Action::ManageDistributors,
            form: Form::Distributor(|id| format!("distributor_id={id}")),
        },
        Function {
            endpoint: "distributors/update",
            action: Action::ManageDistributors,
            // No name: an allowed own call is refused at the field and sends nothing.
            form: Form::Distributor(|id| format!("account_id=&distributor_id={id}&name=&admin_email=")),
        },
        Function {
            endpoint: "members/transfer-step",
            action: Action::TransferSubscribers,
            form: Form::AccountMember(|account, member| {
                format!("account_id={account}&subscriber_id={member}&move_to=")
            }),
        },
        Function {
            endpoint: "members/transfer",
            action: Action::TransferSubscribers,
            // No destination: an allowed own call is refused at the field and moves nobody.
            form: Form::AccountMember(|account, member| {
                format!("account_id={account}&subscriber_id={member}&to_account_id=&confirm_move=on")
            }),
        },
        Function {
            endpoint: "session/view-as",
            action: Action::ViewAsManager,
            form: Form::Account(|id| format!("account_id={id}&reason=Matrix+test+looking+in")),
        },
        Function {
            endpoint: "users/create",
            action: Action::ManageUsers,
            form: Form::Account(|id| {
                format!(
                    "email=matrix.{}%40example.com&display_name=Matrix&role=Subscriber&distributor_id=&account_id={id}",
                    id.to_lowercase()
                )
            }),
        },
        Function {
            endpoint: "users/set-enabled",
            action: Action::ManageUsers,
            // Re-enabling an enabled user changes nothing, so own calls leave the matrix intact.
            form: Form::User(|id, _| format!("user_id={id}&enabled=true")),
        },
        Function {
            endpoint: "users/role",
            action: Action::ManageUsers,
            form: Form::User(|id, role| format!("user_id={id}&role={role:?}")),
        },
        Function {
            endpoint: "users/send-reset",
            action: Action::ManageUsers,
            // Mails a link (to the outbox); the user's password stays.
            form: Form::User(|id, _| format!("user_id={id}")),
        },
        Function {
            endpoint: "users/end-sessions",
            action: Action::ManageUsers,
            // Ends another user's sessions; each demo user signs in afresh for its own row.
            form: Form::User(|id, _| format!("user_id={id}")),
        },
        // Routes: the Account's, a route of it; changes refused at a field.
        Function {
            endpoint: "routes/list",
            action: Action::ViewRoutes,
            form: Form::Account(|id| format!("account_id={id}")),
        },
        Function {
            endpoint: "routes/message",
            action: Action::ViewRoutes,
            form: Form::AccountRoute(|account, route| format!("account_id={account}&id={route}")),
        },
        Function {
            endpoint: "routes/message-form",
            action: Action::ManageRoutes,
            form: Form::AccountRoute(|account, route| format!("account_id={account}&id={route}")),
        },
        Function {
            endpoint: "routes/message-save",
            action: Action::ManageRoutes,
            // No name or URL: refused at the fields, nothing sent.
            form: Form::AccountRoute(|account, route| {
                format!("account_id={account}&message_route_id={route}&route_name=&message_url=")
            }),
        },
        Function {
            endpoint: "routes/message-delete",
            action: Action::ManageRoutes,
            // Not confirmed.
            form: Form::AccountRoute(|account, route| format!("account_id={account}&id={route}")),
        },
        // A line's status: the Account's line; changes refused at a field.
        Function {
            endpoint: "numbers/status-view",
            action: Action::ViewNumbers,
            form: Form::AccountLine(|account, line| {
                format!("account_id={account}&msisdn={}", line.replace('+', "%2B"))
            }),
        },
        Function {
            endpoint: "numbers/history",
            action: Action::ViewNumbers,
            form: Form::AccountLine(|account, line| {
                format!("account_id={account}&msisdn={}", line.replace('+', "%2B"))
            }),
        },
        Function {
            endpoint: "numbers/status",
            action: Action::ChangeNumberStatus,
            // Not confirmed.
            form: Form::AccountLine(|account, line| {
                format!(
                    "account_id={account}&msisdn={}&change=suspend",
                    line.replace('+', "%2B")
                )
            }),
        },
        // The wizard's order: nothing answered, refused at the fields.
        Function {
            endpoint: "numbers/provision",
            action: Action::ProvisionNumbers,
            form: Form::Account(|account| format!("account={account}&intent_key=00000000000000000000000000000002")),
        },
        // A bulk reservation: nothing answered, refused at the fields.
        Function {
            endpoint: "numbers/bulk-start",
            action: Action::ProvisionNumbers,
            form: Form::Account(|account| format!("account={account}&key=00000000000000000000000000000003")),
        },
        // "Assign to…" on an orphan: no one chosen, refused at the field.
        Function {
            endpoint: "numbers/assign",
            action: Action::ManageSubscribers,
            form: Form::AccountLine(|account, line| {
                format!(
                    "account_id={account}&msisdn={}&subscriber_id=",
                    line.replace('+', "%2B")
                )
            }),
        },
        Function {
            endpoint: "numbers/swap-sim",
            action: Action::ChangeNumberStatus,
            // Not confirmed.
            form: Form::AccountLine(|account, line| {
                format!("account_id={account}&msisdn={}&iccid=", line.replace('+', "%2B"))
            }),
        },
        Function {
            endpoint: "numbers/update-choices",
            action: Action::ChangeNumberStatus,
            form: Form::Account(|account| format!("account_id={account}")),
        },
        Function {
            endpoint: "numbers/update-line",
            action: Action::ChangeNumberStatus,
            // No product type: refused at its field.
            form: Form::AccountLine(|account, line| {
                format!(
                    "account_id={account}&msisdn={}&product_type=&message_route=&voice_route=&iccid=",
                    line.replace('+', "%2B")
                )
            }),
        },
        Function {
            endpoint: "numbers/renumber",
            action: Action::ChangeNumberStatus,
            // Not confirmed.
            form: Form::AccountLine(|account, line| {
                format!(
                    "account_id={account}&msisdn={}&kind=swap&area_code=",
                    line.replace('+', "%2B")
                )
            }),
        },
        Function {
            endpoint: "numbers/port-out",
            action: Action::ManagePorting,
            // No PIN.
            form: Form::AccountLine(|account, line| {
                format!(
                    "account_id={account}&msisdn={}&pin=&intent_key=matrix-0000000000000001",
                    line.replace('+', "%2B")
                )
            }),
        },
        // The port-in cockpit: a malformed port-in ID (or an empty number)
        // is refused at its field inside an own Account.
        Function {
            endpoint: "porting/view",
            action: Action::ViewNumbers,
            form: Form::Account(|account| format!("account_id={account}&id=")),
        },
        Function {
            endpoint: "porting/eligibility",
            action: Action::ManagePorting,
            form: Form::Account(|account| format!("account_id={account}&msisdn=&classification=mvno")),
        },
        Function {
            endpoint: "porting/save",
            action: Action::ManagePorting,
            form: Form::Account(|account| format!("account_id={account}&id=&act=save")),
        },
        Function {
            endpoint: "porting/correct",
            action: Action::ManagePorting,
            form: Form::Account(|account| format!("account_id={account}&id=")),
        },
        Function {
            endpoint: "porting/cancel",
            action: Action::ManagePorting,
            form: Form::Account(|account| format!("account_id={account}&id=&confirm=on")),
        },
        Function {
            endpoint: "porting/note",
            action: Action::ManagePorting,
            form: Form::Account(|account| format!("account_id={account}&id=&text=a+note")),
        },
        Function {
            endpoint: "porting/start-again",
            action: Action::ManagePorting,
            form: Form::Account(|account| format!("account_id={account}&id=")),
        },
        Function {
            endpoint: "porting/check",
            action: Action::ManagePorting,
            form: Form::Account(|account| format!("account_id={account}&id=")),
        },
        Function {
            endpoint: "porting/bulk",
            action: Action::ManagePorting,
            // No CSV: refused at its field.
            form: Form::Account(|account| format!("account_id={account}&classification=mvno&csv_secret=&act=check")),
        },
        Function {
            endpoint: "porting/bulk-page",
            action: Action::ManagePorting,
            form: Form::Distributor(|d| format!("distributor_id={d}&batch=")),
        },
        // Services: the Distributor's catalog; changes refused at a field.
        Function {
            endpoint: "catalog/service",
            action: Action::ViewCatalog,
            form: Form::Service(|d, id| format!("distributor_id={d}&id={id}")),
        },
        Function {
            endpoint: "catalog/service-form",
            action: Action::ManageServices,
            form: Form::Service(|d, id| format!("distributor_id={d}&id={id}")),
        },
        Function {
            endpoint: "catalog/service-save",
            action: Action::ManageServices,
            // No name or cost.
            form: Form::Service(|d, id| format!("distributor_id={d}&service_id={id}&service_name=&cost=")),
        },
        Function {
            endpoint: "catalog/service-delete",
            action: Action::ManageServices,
            // Not confirmed.
            form: Form::Service(|d, id| format!("distributor_id={d}&id={id}")),
        },
        Function {
            endpoint: "catalog/service-item-save",
            action: Action::ManageServices,
            // No price.
            form: Form::Service(|d, s| format!("distributor_id={d}&service_id={s}&item_price=")),
        },
        Function {
            endpoint: "catalog/service-item-remove",
            action: Action::ManageServices,
            // Not confirmed.
            form: Form::Service(|d, s| format!("distributor_id={d}&service_id={s}")),
        },
        Function {
            endpoint: "routes/voice",
            action: Action::ViewRoutes,
            form: Form::AccountVoiceRoute(|account, route| format!("account_id={account}&id={route}")),
        },
        Function {
            endpoint: "routes/voice-form",
            action: Action::ManageRoutes,
            form: Form::AccountVoiceRoute(|account, route| format!("account_id={account}&id={route}")),
        },
        Function {
            endpoint: "routes/voice-save",
            action: Action::ManageRoutes,
            // No name and no trunk: refused at the fields, nothing sent.
            form: Form::AccountVoiceRoute(|account, route| {
                format!("account_id={account}&call_route_id={route}&route_name=&route_type=Trunk")
            }),
        },
        Function {
            endpoint: "routes/voice-delete",
            action: Action::ManageRoutes,
            // Not confirmed.
            form: Form::AccountVoiceRoute(|account, route| format!("account_id={account}&id={route}")),
        },
        // The onboarding checklist of an Account (the Distributor's is
        // staff-only: tests/it/onboarding.rs); changes refused at a field.
        Function {
            endpoint: "onboarding/checklist",
            action: Action::ViewOnboarding,
            form: Form::Account(|id| format!("account_id={id}&distributor_id=")),
        },
        Function {
            endpoint: "onboarding/scope",
            action: Action::ManageOnboarding,
            // No reason given.
            form: Form::Account(|id| format!("account_id={id}&distributor_id=&section=mms&reason=")),
        },
        Function {
            endpoint: "onboarding/sign-off",
            action: Action::ManageOnboarding,
            // No Telegent contact named.
            form: Form::Account(|id| format!("account_id={id}&distributor_id=&telegent_contact=")),
        },
        // Subscriptions: one of the caller's Account (any of the
        // Distributor's for staff); changes refused at a field.
        Function {
            endpoint: "subscriptions/list",
            action: Action::ViewSubscribers,
            form: Form::Distributor(|id| format!("distributor_id={id}&page=1")),
        },
        Function {
            endpoint: "subscriptions/detail",
            action: Action::ViewSubscribers,
            form: Form::Subscription(|id| format!("subscription_id={id}")),
        },
        Function {
            endpoint: "subscriptions/change-package",
            action: Action::ManageSubscriptions,
            form: Form::Subscription(|id| format!("subscription_id={id}&package_id=")),
        },
        Function {
            endpoint: "subscriptions/cancel",
            action: Action::ManageSubscriptions,
            // Not confirmed: refused at the field, nothing changes.
            form: Form::Subscription(|id| format!("subscription_id={id}")),
        },
        Function {
            endpoint: "subscriptions/new-form",
            action: Action::ManageSubscriptions,
            form: Form::Account(|id| format!("account_id={id}&subscriber_id=")),
        },
        Function {
            endpoint: "subscriptions/create",
            action: Action::ManageSubscriptions,
            // No member chosen: refused at the field, nothing is ordered.
            form: Form::Account(|id| {
                format!("account_id={id}&subscriber_id=&tnid=&package_id=&iccid=&intent_key=0123456789abcdef0123")
            }),
        },
        // The catalog: a product or package of the caller's catalog (their
        // Account's own for an Account's people, when it has one), the other
        // tree's, and a sibling Account's own. Changes are refused at a field
        // (empty values, no confirmation), so nothing changes.
        Function {
            endpoint: "catalog/product",
            action: Action::ViewCatalog,
            form: Form::Product(|d, id| format!("distributor_id={d}&id={id}")),
        },
        Function {
            endpoint: "catalog/product-form",
            action: Action::ManageCatalog,
            form: Form::Product(|d, id| format!("distributor_id={d}&id={id}")),
        },
        Function {
            endpoint: "catalog/product-save",
            action: Action::ManageCatalog,
            form: Form::Product(|d, id| {
                format!("distributor_id={d}&product_id={id}&sku=&description=&kind=&cost=&billing_frequency=")
            }),
        },
        Function {
            endpoint: "catalog/product-delete",
            action: Action::ManageCatalog,
            form: Form::Product(|d, id| format!("distributor_id={d}&id={id}")),
        },
        Function {
            endpoint: "catalog/package",
            action: Action::ViewCatalog,
            form: Form::Package(|d, id| format!("distributor_id={d}&id={id}")),
        },
        Function {
            endpoint: "catalog/package-form",
            action: Action::ManageCatalog,
            form: Form::Package(|d, id| format!("distributor_id={d}&id={id}")),
        },
        Function {
            endpoint: "catalog/package-save",
            action: Action::ManageCatalog,
            form: Form::Package(|d, id| format!("distributor_id={d}&package_id={id}&package_name=&kind=&price=")),
        },
        Function {
            endpoint: "catalog/package-delete",
            action: Action::ManageCatalog,
            form: Form::Package(|d, id| format!("distributor_id={d}&id={id}")),
        },
        Function {
            endpoint: "catalog/package-clone",
            action: Action::ManageCatalog,
            form: Form::Package(|d, id| format!("distributor_id={d}&id={id}&new_name=")),
        },
        Function {
            endpoint: "catalog/package-item-save",
            action: Action::ManageCatalog,
            form: Form::PackageItem(|d, package, item| {
                format!("distributor_id={d}&package_id={package}&package_item_id={item}&item_price=abc")
            }),
        },
        Function {
            endpoint: "catalog/package-item-remove",
            action: Action::ManageCatalog,
            form: Form::PackageItem(|d, package, item| {
                format!("distributor_id={d}&id={package}&package_item_id={item}")
            }),
        },
    ]
}

/// The fields every Guardian form starts with, then `rest`.
fn guardian_form(child: &Child, rest: &str) -> String {
    format!(
        "account_id={}&subscriber_id={}&line={}{rest}",
        child.account,
        child.id,
        child.line.replace('+', "%2B")
    )
}
