//! The bulk port-in page (`/porting/bulk`): an Account, what the numbers
//! become, and the CSV pasted in; checked row by row first, then sent with
//! a result per row.

use leptos::prelude::*;
use leptos::server_fn::ServerFn;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;
use telegent::phone;

use super::api::{fetch_bulk_port_in, BulkPortIn};
use super::model::BulkPortInPage;
use crate::components::breadcrumbs::{Breadcrumbs, Crumb};
use crate::components::form::{field_error, Choice, ErrorSummary, SelectField};
use crate::components::problem::Problem;
use crate::links;

const EXAMPLE: &str = "number,carrier,account_number,pin,name,street,street2,city,state,zip,iccid,port_date\n\
801-555-0190,Old Carrier,123456,1234,Jane Doe,\"42 Maple Ave, Apt 3\",,Provo,UT,84601,,";

#[component]
pub fn BulkPortInsPage() -> impl IntoView {
    let query = use_query_map();
    let args = move || {
        let q = query.read();
        (
            q.get("distributor").unwrap_or_default(),
            q.get("batch").unwrap_or_default(),
        )
    };
    let page = Resource::new(args, |(d, batch)| fetch_bulk_port_in(d, batch));
    view! {
        <Title text="Bulk port-in" />
        <Suspense fallback=|| view! { <p class="loading" role="status">"Loading…"</p> }>
            {move || Suspend::new(async move {
                match page.await {
                    Ok(page) => view! { <Bulk page /> }.into_any(),
                    Err(error) => view! { <Problem error /> }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn Bulk(page: BulkPortInPage) -> impl IntoView {
    let action = ServerAction::<BulkPortIn>::new();
    let error = move || action.value().get().and_then(|r| r.err());
    let field = move |name: &'static str| Signal::derive(move || field_error(error(), name));
    let path = BulkPortIn::PATH;
    let choices: Vec<Choice> = std::iter::once(Choice::new("", "Choose an account"))
        .chain(
            page.accounts
                .iter()
                .map(|(id, name)| Choice::new(id.clone(), name.clone())),
        )
        .collect();
    let results = page.results.clone();
    let sent = results.iter().filter(|(_, ok, _)| *ok).count();
    view! {
        <Breadcrumbs crumbs=vec![
            Crumb::link(page.distributor_name.clone(), links::staff_home_or(&page.distributor_id)),
            Crumb::link("Port-ins", links::port_ins(&page.distributor_id, "")),
            Crumb::here("Bulk port-in"),
        ] />
        <h1>"Bulk port-in"</h1>
        {(!results.is_empty()).then(|| view! {
            <section class="panel" aria-labelledby="bulk-results">
                <h2 id="bulk-results">"Result per row"</h2>
                <p role="status">{format!("{sent} of {} submitted.", results.len())}</p>
                <ul class="plain-list">
                    {results.iter().map(|(n, ok, said)| view! {
                        <li><span class=if *ok { "badge" } else { "badge orphan" }>{if *ok { "Sent" } else { "Not sent" }}</span>
                            " " {phone::format_for_display(n)} " — " {said.clone()}</li>
                    }).collect_view()}
                </ul>
                <p><a href=links::port_ins(&page.distributor_id, "all")>"See them on the port-ins page"</a></p>
            </section>
        })}
        <p>{format!("One row per number, at most {} rows. Every row is checked before anything is sent; then each number is checked for eligibility and submitted on its own, with a result per row. A number with a port-in already open or drafted is not sent again.", page.most_rows)}</p>
        <p>"The file holds account numbers and PINs: the portal sends them to Telegent and keeps them nowhere, so after a check you paste it again to send it."</p>
        <ErrorSummary error=Signal::derive(error) fields=&[("account_id", "Account"), ("classification", "Become"), ("csv_secret", "CSV"), ("loa", "Letters of authorization"), ("confirm", "Confirmation")] />
        <ActionForm action attr:class="stack panel">
            <SelectField id="account_id" label="Account the numbers join" choices remember=path error=field("account_id") />
            <SelectField id="classification" label="They become" choices=vec![Choice::new("mvno", "Phone lines (MVNO)"), Choice::new("iot", "IoT lines")] remember=path error=field("classification") />
            <div class="field">
                <label for="csv_secret">"The CSV"</label>
                <p class="hint" id="csv_secret-hint">"Paste the file's text. The first line names the columns: number, carrier, account_number, pin, name, street, city, state, zip; optional street2, iccid, port_date (MM/DD/YYYY)."</p>
                <textarea id="csv_secret" name="csv_secret" rows="8" spellcheck="false" autocomplete="off"
                    aria-describedby=move || if field_error(error(), "csv_secret").is_some() { "csv_secret-hint csv_secret-error" } else { "csv_secret-hint" }
                    placeholder=EXAMPLE></textarea>
                {move || field_error(error(), "csv_secret").map(|m| view! {
                    <div class="field-error" id="csv_secret-error">{m.lines().map(|l| view! { <p>{l.to_string()}</p> }).collect_view()}</div>
                })}
            </div>
            // Shown by the browser bundle, which reads the file into the text above.
            <div class="field" hidden=true data-js-only="">
                <label for="csv_file">"Or choose the CSV file"</label>
                <input id="csv_file" type="file" accept=".csv,text/csv,text/plain" data-fills="csv_secret" />
            </div>
            <div class="check">
                <input type="checkbox" id="bulk-loa" name="loa" />
                <label for="bulk-loa">"Each row's subscriber signed the letter of authorization"</label>
            </div>
            {move || field_error(error(), "loa").map(|m| view! { <p class="field-error">{m}</p> })}
            <div class="check">
                <input type="checkbox" id="bulk-confirm" name="confirm" />
                <label for="bulk-confirm">"Submit one port-in per row (each billed)"</label>
            </div>
            {move || field_error(error(), "confirm").map(|m| view! { <p class="field-error">{m}</p> })}
            <div class="actions">
                <button type="submit" class="button" name="act" value="check" data-busy-label="Checking…">"Check the rows"</button>
                <button type="submit" class="button primary" name="act" value="send" data-busy-label="Sending to Telegent…">"Check and send"</button>
            </div>
        </ActionForm>
    }
}
