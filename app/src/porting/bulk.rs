//! A bulk port-in: one CSV row per number with its carrier's and
//! subscriber's details. Every row is checked before anything is sent; then
//! each row goes the way one port-in goes (eligibility, a draft, a billed
//! submit once) with a result per row. A number with a live port-in is not
//! sent again, so sending the same file twice submits each number once; a
//! draft an earlier run left (a wireline without its port date) is submitted
//! by the next run with its row's details.
//! The CSV carries account numbers and PINs: it is read, sent and dropped —
//! never kept, never echoed back into the page.

use super::model::{BulkPortInForm, DetailsForm};
use super::service::{classification_of, eligibility_of, new_draft, number_problem, save_or_submit, take_details};
use super::store::{self, Stored};
use crate::error::AppError;
use crate::ssr::context::InAccount;
use crate::ssr::db::now_text;

/// Rows one upload may hold: each is two to four upstream calls, made
/// inside the request, against about 50 calls a minute per credential.
pub const MOST_ROWS: usize = 10;

/// The columns, by the header's names (any order, any case).
const COLUMNS: [&str; 12] = [
    "number",
    "carrier",
    "account_number",
    "pin",
    "name",
    "street",
    "street2",
    "city",
    "state",
    "zip",
    "iccid",
    "port_date",
];
const REQUIRED: [&str; 9] = [
    "number",
    "carrier",
    "account_number",
    "pin",
    "name",
    "street",
    "city",
    "state",
    "zip",
];

/// One row, as the form a single port-in's submit posts. No `Debug`: it
/// holds the row's account number and PIN.
struct Row {
    line: usize,
    msisdn: String,
    details: DetailsForm,
}

/// The rows of the CSV, or every problem in it (by row, by field).
fn parse(text: &str, account_id: &str, today: chrono::NaiveDate) -> Result<Vec<Row>, String> {
    let mut reader = csv::ReaderBuilder::new()
        .trim(csv::Trim::All)
        .flexible(true)
        .from_reader(text.as_bytes());
    let header: Vec<String> = reader
        .headers()
        .map_err(|_| "The first line must name the columns.".to_string())?
        .iter()
        .map(|h| h.to_ascii_lowercase().replace([' ', '-'], "_"))
        .collect();
    let missing: Vec<&str> = REQUIRED
        .iter()
        .filter(|c| !header.iter().any(|h| h == *c))
        .copied()
        .collect();
    if !missing.is_empty() {
        return Err(format!(
            "The first line must name the columns; missing: {}. The columns are: {}.",
            missing.join(", "),
            COLUMNS.join(", ")
        ));
    }
    let mut rows = Vec::new();
    let mut problems: Vec<String> = Vec::new();
    let mut seen: Vec<String> = Vec::new();
    for (i, record) in reader.records().enumerate() {
        let line = i + 2;
        let Ok(record) = record else {
            problems.push(format!("Row {line}: not readable as CSV."));
            continue;
        };
        if record.iter().all(str::is_empty) {
            continue;
        }
        let get = |name: &str| {
            header
                .iter()
                .position(|h| h == name)
                .and_then(|i| record.get(i))
                .unwrap_or_default()
                .to_string()
        };
        let msisdn = match number_problem(&get("number")) {
            Ok(m) => m,
            Err(_) => {
                problems.push(format!(
                    "Row {line}: the number is not a phone number with its area code."
                ));
                continue;
            }
        };
        if seen.contains(&msisdn) {
            problems.push(format!("Row {line}: {msisdn} is on an earlier row too."));
            continue;
        }
        seen.push(msisdn.clone());
        let details = DetailsForm {
            account_id: account_id.to_string(),
            act: "submit".into(),
            carrier_name: get("carrier"),
            subscriber_name: get("name"),
            street1: get("street"),
            street2: get("street2"),
            city: get("city"),
            state: get("state"),
            zip: get("zip"),
            iccid: get("iccid"),
            port_date: get("port_date"),
            account_number: get("account_number"),
            pin: get("pin"),
            loa: Some("on".into()),
            confirm: Some("on".into()),
            ..DetailsForm::default()
        };
        let mut probe = Stored::default();
        let wrong: Vec<String> = take_details(&mut probe, &details, true, today)
            .into_iter()
            .flat_map(|e| match e {
                AppError::Invalid { message, .. } => vec![message],
                AppError::InvalidFields(pairs) => pairs.into_iter().map(|(_, m)| m).collect(),
                other => vec![other.to_string()],
            })
            .collect();
        if wrong.is_empty() {
            rows.push(Row { line, msisdn, details });
        } else {
            problems.push(format!("Row {line}: {}", wrong.join(" ")));
        }
    }
    if rows.is_empty() && problems.is_empty() {
        problems.push("The file has no rows under its first line.".into());
    }
    if rows.len() + problems.len() > MOST_ROWS {
        problems.insert(0, format!("At most {MOST_ROWS} rows at once: split the file."));
    }
    if problems.is_empty() {
        Ok(rows)
    } else {
        Err(problems.join("\n"))
    }
}

/// Checks every row (`act` = `check`: nothing is sent), or checks them and
/// sends each (`act` = `send`). The ID of the results, for a send.
pub async fn run(ctx: &InAccount, form: &BulkPortInForm) -> Result<Option<i64>, AppError> {
    let classification = classification_of(&form.classification)?;
    let send = form.act.trim() == "send";
    let rows = parse(&form.csv_secret, &ctx.account_id, super::service::today(ctx))
        .map_err(|problems| AppError::invalid("csv_secret", problems))?;
    if !send {
        return Err(AppError::invalid(
            "csv_secret",
            format!(
                "All {} rows are ready; nothing was sent. Paste the file again and send it.",
                rows.len()
            ),
        ));
    }
    let mut problems = Vec::new();
    if form.loa.is_none() {
        problems.push(AppError::invalid(
            "loa",
            "Confirm that each row's subscriber signed the letter of authorization.",
        ));
    }
    if form.confirm.is_none() {
        problems.push(AppError::invalid(
            "confirm",
            format!("Tick the box to submit {} port-ins (billed).", rows.len()),
        ));
    }
    if let Some(refused) = AppError::from_field_errors(problems) {
        return Err(refused);
    }
    let mut results: Vec<(String, bool, String)> = Vec::new();
    for row in rows {
        let result = one(ctx, &classification, &row).await;
        results.push(match result {
            Ok(said) => (row.msisdn.clone(), true, said),
            Err(why) => (row.msisdn.clone(), false, format!("Row {}: {why}", row.line)),
        });
    }
    let json = serde_json::to_string(&results).map_err(|_| AppError::Internal)?;
    let (id,): (i64,) = sqlx::query_as(
        "INSERT INTO line_batches (user_id, change, results_json, created_at) VALUES ($1, $2, $3, $4) RETURNING id",
    )
    .bind(ctx.caller.user_id)
    .bind("port-in")
    .bind(json)
    .bind(now_text())
    .fetch_one(&ctx.state.pool)
    .await?;
    Ok(Some(id))
}

/// One row: eligibility, a draft, the submit. What happened, in words.
async fn one(ctx: &InAccount, classification: &str, row: &Row) -> Result<String, String> {
    let pool = &ctx.state.pool;
    let words = |e: AppError| match e {
        AppError::Invalid { message, .. } => message,
        AppError::InvalidFields(pairs) => pairs.into_iter().map(|(_, m)| m).collect::<Vec<_>>().join(" "),
        other => other.to_string(),
    };
    if let Some(live) = store::live_for_number(pool, &ctx.tenant.distributor_id, &row.msisdn)
        .await
        .map_err(words)?
    {
        // A draft of this Account (an earlier run stopped at it: a
        // wireline without its date, a busy budget): submitted now with
        // this row's details. Anything else is not sent again.
        if live.stage == super::model::Stage::Draft && live.account_id == ctx.account_id {
            let details = DetailsForm {
                id: live.id.clone(),
                ..row.details.clone()
            };
            return match save_or_submit(ctx, &details).await {
                Ok(()) => Ok(format!("Submitted ({}, the earlier draft).", live.id)),
                Err(error) => Err(format!(
                    "{} The draft {} keeps the other details.",
                    words(error),
                    live.id
                )),
            };
        }
        return Err(format!(
            "a port-in of this number is already {} ({}); not sent again.",
            if live.stage == super::model::Stage::Draft {
                "a draft"
            } else {
                "open"
            },
            live.id
        ));
    }
    super::service::refuse_while_unconfirmed(ctx, &row.msisdn, "csv_secret")
        .await
        .map_err(words)?;
    let found = match eligibility_of(ctx, &row.msisdn, classification).await.map_err(words)? {
        Ok(found) => found,
        Err(reason) => return Err(format!("not eligible: {reason}")),
    };
    let id = new_draft(ctx, &row.msisdn, classification, found, None)
        .await
        .map_err(words)?;
    let details = DetailsForm {
        id: id.clone(),
        ..row.details.clone()
    };
    match save_or_submit(ctx, &details).await {
        Ok(()) => Ok(format!("Submitted ({id}).")),
        Err(error) => Err(format!("{} The draft {id} keeps the other details.", words(error))),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn today() -> chrono::NaiveDate {
        chrono::NaiveDate::from_ymd_opt(2026, 12, 4).unwrap()
    }

    const HEADER: &str = "Number,Carrier,Account Number,PIN,Name,Street,City,State,ZIP\n";

    #[test]
    fn rows_are_read_with_quoted_commas_and_checked_before_anything_is_sent() {
        let text = format!(
            "{HEADER}801-555-0190,Old Carrier,A1,1234,Jane Doe,\"42 Maple Ave, Apt 3\",Provo,UT,84601\n\
             385 555 0191,Old Carrier,A2,5678,Sam Doe,1 Main St,Provo,UT,84601\n"
        );
        let rows = parse(&text, "AID-1", today()).unwrap();
        assert_eq!(rows.len(), 2);
        assert_eq!(rows[0].msisdn, "+18015550190");
        assert_eq!(rows[0].details.street1, "42 Maple Ave, Apt 3");
        assert_eq!(rows[1].details.pin, "5678");
    }

    #[test]
    fn every_bad_row_is_named_and_no_row_passes_then() {
        let text = format!(
            "{HEADER}801-555-0190,Old Carrier,A1,1234,Jane Doe,1 Main St,Provo,UT,846\n\
             not a number,Old Carrier,A2,5678,Sam Doe,1 Main St,Provo,UT,84601\n\
             801-555-0190,Old Carrier,A1,1234,Jane Doe,1 Main St,Provo,UT,84601\n"
        );
        let problems = parse(&text, "AID-1", today()).err().expect("refused");
        assert!(problems.contains("Row 2: Type the ZIP code"), "{problems}");
        assert!(problems.contains("Row 3: the number"), "{problems}");
        assert!(
            problems.contains("Row 4: +18015550190 is on an earlier row too"),
            "{problems}"
        );
    }

    #[test]
    fn a_header_without_the_columns_says_which_are_missing() {
        let problems = parse("number,carrier\n8015550190,X\n", "AID-1", today())
            .err()
            .expect("refused");
        assert!(problems.contains("missing: account_number, pin, name"), "{problems}");
    }
}
