//! Creating an Account under a Distributor and changing its name and
//! addresses: the form's checks (every field's message at once), the call to
//! Telegent, the audit row saying what changed, and the read model's copy
//! written at once.

use telegent::ops::hierarchy::{AccountCreateRequest, AccountUpdateRequest};
use telegent::types::Address;

use super::model::{AccountForm, AccountFormPage};
use crate::error::AppError;
use crate::ssr::audit::{self, Outcome};
use crate::ssr::context::{InAccount, InDistributor};
use crate::users::service::valid_email;

/// Longest name or address part the portal sends (Telegent states none;
/// this keeps lists and labels readable and the form's promise honest).
const MAX_TEXT: usize = 100;

/// One address of the form, checked: `prefix` is `billing` or `mailing`.
struct AddressInput<'a> {
    prefix: &'static str,
    street1: &'a str,
    street2: &'a str,
    city: &'a str,
    state: &'a str,
    zip: &'a str,
    country: &'a str,
}

fn field_name(prefix: &str, part: &str) -> String {
    format!("{prefix}_{part}")
}

/// Trimmed text, at most [`MAX_TEXT`] characters, no control characters.
fn text(field: &str, value: &str, required: Option<&str>, problems: &mut Vec<AppError>) -> String {
    let value = value.trim();
    if value.is_empty() {
        if let Some(message) = required {
            problems.push(AppError::invalid(field, message));
        }
    } else if value.chars().count() > MAX_TEXT {
        problems.push(AppError::invalid(field, format!("Use at most {MAX_TEXT} characters.")));
    } else if value.chars().any(char::is_control) {
        problems.push(AppError::invalid(field, "Use letters, digits and punctuation only."));
    }
    value.to_string()
}

fn checked_address(a: &AddressInput<'_>, problems: &mut Vec<AppError>) -> Address {
    let f = |part| field_name(a.prefix, part);
    let some = |v: String| (!v.is_empty()).then_some(v);
    Address {
        street1: some(text(
            &f("street1"),
            a.street1,
            Some("Enter the street and number."),
            problems,
        )),
        street2: some(text(&f("street2"), a.street2, None, problems)),
        city: some(text(&f("city"), a.city, Some("Enter the city."), problems)),
        state: some(text(&f("state"), a.state, None, problems)),
        zip: some(text(&f("zip"), a.zip, Some("Enter the postal code."), problems)),
        country: some(text(&f("country"), a.country, Some("Enter the country."), problems)),
    }
}

/// The form's values, checked: name, billing and mailing address (the
/// billing one again when "same as billing" is ticked).
pub(crate) struct Checked {
    pub name: String,
    pub billing: Address,
    pub mailing: Address,
}

fn check(form: &AccountForm, problems: &mut Vec<AppError>) -> Checked {
    check_named(form, "Enter the account's name.", problems)
}

/// The name and addresses of the form (an Account's or, with the same
/// fields, a Distributor's); `name_missing` is said when the name is empty.
pub(crate) fn check_named(form: &AccountForm, name_missing: &str, problems: &mut Vec<AppError>) -> Checked {
    let name = text("name", &form.name, Some(name_missing), problems);
    let billing = checked_address(
        &AddressInput {
            prefix: "billing",
            street1: &form.billing_street1,
            street2: &form.billing_street2,
            city: &form.billing_city,
            state: &form.billing_state,
            zip: &form.billing_zip,
            country: &form.billing_country,
        },
        problems,
    );
    let mailing = if form.mailing_same {
        billing.clone()
    } else {
        checked_address(
            &AddressInput {
                prefix: "mailing",
                street1: &form.mailing_street1,
                street2: &form.mailing_street2,
                city: &form.mailing_city,
                state: &form.mailing_state,
                zip: &form.mailing_zip,
                country: &form.mailing_country,
            },
            problems,
        )
    };
    Checked { name, billing, mailing }
}

/// Creates an Account under the caller's (or the chosen) Distributor;
/// returns its AID.
pub async fn create(ctx: &InDistributor, form: &AccountForm) -> Result<String, AppError> {
    let InDistributor { state, caller, tenant } = ctx;
    let mut problems = Vec::new();
    let checked = check(form, &mut problems);
    let admin_email = form.admin_email.trim().to_lowercase();
    if !valid_email(&admin_email) {
        problems.push(AppError::invalid(
            "admin_email",
            "Enter the Manager's e-mail address, like name@example.com.",
        ));
    }
    if let Some(refused) = AppError::from_field_errors(problems) {
        return Err(refused);
    }
    let mut entry = caller.audit("CreateAccount", &[&checked.name]);
    entry.distributor_id = Some(tenant.distributor_id.clone());
    let audit_id = audit::begin(&state.pool, &entry).await?;
    let request = AccountCreateRequest {
        account_name: checked.name.clone(),
        account_admin: Some(admin_email.clone()),
        billing_address: checked.billing.clone(),
        mailing_address: Some(checked.mailing.clone()),
    };
    match tenant.client.create_account(&request).await {
        Ok(account) => {
            let detail = format!(
                "{} ({}), Manager contact {admin_email}, billing address {}",
                checked.name,
                account.account_id,
                checked.billing.one_line()
            );
            // Telegent made it: a failed audit write is logged, never a failure.
            if let Err(error) = audit::finish(&state.pool, audit_id, Outcome::Succeeded, &detail).await {
                tracing::error!(%error, audit_id, "account created, its audit row not completed");
            }
            crate::read_model::write_through::account_saved(&state.pool, &tenant.distributor_id, &account).await;
            Ok(account.account_id)
        }
        Err(error) => {
            audit::finish(&state.pool, audit_id, Outcome::Failed, &error.to_string()).await?;
            Err(error.into())
        }
    }
}

/// What an edit changes, in words for the audit row ("name, mailing address").
fn changes(before: &telegent::types::Account, after: &Checked) -> Vec<&'static str> {
    what_changed(
        &before.account_name,
        &before.billing_address,
        &before.mailing_address,
        after,
    )
}

/// The same for anything with a name and two addresses (a Distributor too).
pub(crate) fn what_changed(
    name: &str,
    billing: &Option<Address>,
    mailing: &Option<Address>,
    after: &Checked,
) -> Vec<&'static str> {
    let mut changed = Vec::new();
    if name != after.name {
        changed.push("name");
    }
    let same = |a: &Option<Address>, b: &Address| a.as_ref().map(Address::one_line).unwrap_or_default() == b.one_line();
    if !same(billing, &after.billing) {
        changed.push("billing address");
    }
    if !same(mailing, &after.mailing) {
        changed.push("mailing address");
    }
    changed
}

/// Changes the Account's name and addresses.
pub async fn update(ctx: &InAccount, form: &AccountForm) -> Result<(), AppError> {
    let InAccount {
        state,
        caller,
        tenant,
        account_id,
    } = ctx;
    let mut problems = Vec::new();
    let checked = check(form, &mut problems);
    if let Some(refused) = AppError::from_field_errors(problems) {
        return Err(refused);
    }
    let before = tenant.client.account(account_id).await?;
    let changed = changes(&before, &checked);
    if changed.is_empty() {
        // Nothing to send; nothing happened, so nothing is audited.
        return Ok(());
    }
    let entry = caller.audit_in(tenant, account_id, "UpdateAccount", &[account_id]);
    let audit_id = audit::begin(&state.pool, &entry).await?;
    let request = AccountUpdateRequest {
        account_id: account_id.clone(),
        account_name: Some(checked.name.clone()),
        billing_address: Some(checked.billing.clone()),
        mailing_address: Some(checked.mailing.clone()),
    };
    match tenant.client.update_account(&request).await {
        Ok(account) => {
            let detail = format!("Changed {} of {}", changed.join(", "), checked.name);
            if let Err(error) = audit::finish(&state.pool, audit_id, Outcome::Succeeded, &detail).await {
                tracing::error!(%error, audit_id, "account updated, its audit row not completed");
            }
            crate::read_model::write_through::account_saved(&state.pool, &tenant.distributor_id, &account).await;
            Ok(())
        }
        Err(error) => {
            audit::finish(&state.pool, audit_id, Outcome::Failed, &error.to_string()).await?;
            Err(error.into())
        }
    }
}

fn part(value: &Option<String>) -> String {
    value
        .as_deref()
        .map(str::trim)
        .filter(|v| !v.eq_ignore_ascii_case("null"))
        .unwrap_or_default()
        .to_string()
}

/// An edit form filled with a name and two addresses as Telegent has them.
pub(crate) fn filled_form(name: &str, billing: &Option<Address>, mailing: &Option<Address>) -> AccountForm {
    let billing = billing.clone().unwrap_or_default();
    let mailing = mailing.clone().unwrap_or_default();
    AccountForm {
        name: name.to_string(),
        billing_street1: part(&billing.street1),
        billing_street2: part(&billing.street2),
        billing_city: part(&billing.city),
        billing_state: part(&billing.state),
        billing_zip: part(&billing.zip),
        billing_country: part(&billing.country),
        // No mailing address at Telegent reads as "same as billing".
        mailing_same: mailing.one_line().is_empty() || billing.one_line() == mailing.one_line(),
        mailing_street1: part(&mailing.street1),
        mailing_street2: part(&mailing.street2),
        mailing_city: part(&mailing.city),
        mailing_state: part(&mailing.state),
        mailing_zip: part(&mailing.zip),
        mailing_country: part(&mailing.country),
        ..AccountForm::default()
    }
}

/// The edit form, filled from the Account as Telegent has it now.
pub async fn edit_page(ctx: &InAccount, distributor_href: String) -> Result<AccountFormPage, AppError> {
    let account = ctx.tenant.client.account(&ctx.account_id).await?;
    let form = AccountForm {
        account_id: account.account_id.clone(),
        ..filled_form(
            &account.account_name,
            &account.billing_address,
            &account.mailing_address,
        )
    };
    Ok(AccountFormPage {
        form,
        distributor_name: super::service::stored_distributor_name(&ctx.state, &ctx.tenant.distributor_id).await?,
        distributor_href,
        account_name: Some(account.account_name),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn filled() -> AccountForm {
        AccountForm {
            name: "Rivera family".into(),
            admin_email: "ana@example.com".into(),
            billing_street1: "12 Main St".into(),
            billing_city: "Provo".into(),
            billing_state: "UT".into(),
            billing_zip: "84601".into(),
            billing_country: "USA".into(),
            mailing_same: true,
            ..AccountForm::default()
        }
    }

    fn fields(problems: Vec<AppError>) -> Vec<String> {
        match AppError::from_field_errors(problems) {
            None => vec![],
            Some(AppError::Invalid { field, .. }) => vec![field],
            Some(AppError::InvalidFields(pairs)) => pairs.into_iter().map(|(f, _)| f).collect(),
            Some(other) => panic!("{other:?}"),
        }
    }

    #[test]
    fn same_as_billing_copies_the_billing_address() {
        let mut problems = Vec::new();
        let c = check(&filled(), &mut problems);
        assert!(problems.is_empty());
        assert_eq!(c.mailing, c.billing);
        assert_eq!(c.billing.city.as_deref(), Some("Provo"));
    }

    #[test]
    fn every_missing_part_is_named_at_once() {
        let mut form = filled();
        form.name = " ".into();
        form.billing_city = String::new();
        form.mailing_same = false;
        form.mailing_street1 = "x".repeat(101);
        let mut problems = Vec::new();
        check(&form, &mut problems);
        let named = fields(problems);
        for expected in [
            "name",
            "billing_city",
            "mailing_street1",
            "mailing_city",
            "mailing_zip",
            "mailing_country",
        ] {
            assert!(named.iter().any(|f| f == expected), "{expected} in {named:?}");
        }
        assert!(!named.iter().any(|f| f == "billing_street1"));
    }
}
