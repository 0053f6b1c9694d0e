//! Packages: the list (`/catalog/packages`) and the package form.

use leptos::prelude::*;
use leptos::server_fn::ServerFn;
use leptos_meta::Title;
use leptos_router::hooks::{use_params_map, use_query_map};

use super::api::{fetch_package_form, list_packages, CatalogQuery, CatalogRef, SavePackage};
use super::model::{FormPage, ListPage, PackageForm, PackageRow};
use super::money::priced;
use super::shared::{catalog_crumbs, owner_choices, CatalogTabs, ChooseDistributor, ShownFilter};
use crate::components::breadcrumbs::Crumb;
use crate::components::form::{field_error, Checkbox, Choice, ErrorSummary, Field, SelectField, SubmitButton};
use crate::components::problem::Problem;
use crate::links;

/// The kinds of line a package is for (a subscription's `Type` matches its number's).
pub const PACKAGE_TYPES: [(&str, &str); 3] = [("mvno", "Mobile (mvno)"), ("iot", "IoT"), ("voip", "VoIP")];

#[component]
pub fn PackagesPage() -> impl IntoView {
    let query = use_query_map();
    let state = move || {
        let q = query.read();
        CatalogQuery {
            distributor_id: q.get("distributor").unwrap_or_default(),
            shown: q.get("shown").unwrap_or_default(),
            search: q.get("q").unwrap_or_default(),
        }
    };
    let deleted = move || query.read().get("deleted");
    let list = Resource::new(state, list_packages);
    view! {
        <Title text="Packages" />
        <Suspense fallback=|| view! { <p class="loading" role="status">"Loading packages…"</p> }>
            {move || Suspend::new(async move {
                match list.await {
                    Ok(page) if !page.choose_distributor.is_empty() => view! {
                        <ChooseDistributor distributors=page.choose_distributor link=links::packages />
                    }.into_any(),
                    Ok(page) => view! { <PackagesView page deleted=deleted() /> }.into_any(),
                    Err(error) => view! { <Problem error /> }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn PackagesView(page: ListPage<PackageRow>, deleted: Option<String>) -> impl IntoView {
    let ListPage {
        rows,
        shown,
        search,
        total,
        can_create,
        distributor_id,
        distributor_name,
        ..
    } = page;
    let did = distributor_id.clone();
    let with_margin = rows.iter().any(|r| r.margin.is_some());
    let summary = format!("{} of {total} packages", rows.len());
    let empty = rows.is_empty();
    view! {
        {catalog_crumbs(&distributor_id, &distributor_name, vec![Crumb::here("Packages")])}
        <div class="page-head">
            <h1>"Packages"</h1>
            <p class="muted" role="status">{summary}</p>
            {can_create.then(|| view! { <a class="button primary" href=links::new_package(&did)>"New package"</a> })}
        </div>
        <CatalogTabs distributor_id=distributor_id.clone() current="packages" />
        {deleted.map(|id| view! { <p class="notice" role="status">{format!("Package {id} deleted.")}</p> })}
        <ShownFilter base=links::packages(&distributor_id) distributor_id=distributor_id.clone() shown search=search.clone() noun="packages" />
        {if empty {
            view! {
                <div class="empty-state">
                    <p>{if total == 0 {
                        "No packages yet. A package is what a subscriber pays for: make three tiers, then variants of them."
                    } else {
                        "No package matches this filter."
                    }}</p>
                </div>
            }.into_any()
        } else {
            view! {
                <div class="table-wrap">
                    <table class="data-table">
                        <caption class="visually-hidden">"Packages"</caption>
                        <thead>
                            <tr>
                                <th scope="col">"Package"</th>
                                <th scope="col">"Type"</th>
                                <th scope="col">"Price"</th>
                                <th scope="col">"Items"</th>
                                {with_margin.then(|| view! { <th scope="col">"Margin"</th> })}
                                <th scope="col">"Catalog"</th>
                            </tr>
                        </thead>
                        <tbody>
                            {rows.into_iter().map(|r| {
                                let href = links::package(&distributor_id, &r.id);
                                let margin = r.margin.map(|m| priced(m.margin, r.monthly));
                                view! {
                                    <tr>
                                        <td data-label="Package">
                                            <div>
                                                <a href=href>{r.name.clone()}</a>
                                                {(!r.active).then(|| view! { <span class="badge">"Inactive"</span> })}
                                                <div class="id-text">{r.id.clone()}</div>
                                            </div>
                                        </td>
                                        <td data-label="Type">{r.kind.clone()}</td>
                                        <td data-label="Price">{priced(r.price, r.monthly)}</td>
                                        <td data-label="Items">{r.items}</td>
                                        {with_margin.then(|| view! { <td data-label="Margin">{margin.unwrap_or_else(|| "—".into())}</td> })}
                                        <td data-label="Catalog">{r.owner.label()}</td>
                                    </tr>
                                }
                            }).collect_view()}
                        </tbody>
                    </table>
                </div>
            }.into_any()
        }}
    }
}

/// `/catalog/packages/new` and `/catalog/packages/:package_id/edit`.
#[component]
pub fn PackageFormPage() -> impl IntoView {
    let params = use_params_map();
    let query = use_query_map();
    let target = move || CatalogRef {
        distributor_id: query.read().get("distributor").unwrap_or_default(),
        id: params.read().get("package_id").unwrap_or_default(),
        ..Default::default()
    };
    let page = Resource::new(target, fetch_package_form);
    view! {
        <Suspense fallback=|| view! { <p class="loading" role="status">"Loading…"</p> }>
            {move || Suspend::new(async move {
                match page.await {
                    Ok(page) => view! { <PackageFormView page /> }.into_any(),
                    Err(error) => view! { <Problem error /> }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn PackageFormView(page: FormPage<PackageForm>) -> impl IntoView {
    let FormPage {
        form,
        accounts,
        distributor_name,
        ..
    } = page;
    let action = ServerAction::<SavePackage>::new();
    let error = move || action.value().get().and_then(|r| r.err());
    let field = move |name: &'static str| Signal::derive(move || field_error(error(), name));
    let creating = form.package_id.is_empty();
    let heading = if creating {
        "New package".to_string()
    } else {
        format!("Edit {}", form.package_name)
    };
    let did = form.distributor_id.clone();
    let mut crumbs = vec![Crumb::link("Packages", links::packages(&did))];
    if !creating {
        crumbs.push(Crumb::link(
            form.package_name.clone(),
            links::package(&did, &form.package_id),
        ));
    }
    crumbs.push(Crumb::here(if creating { "New" } else { "Edit" }));
    let mut types: Vec<Choice> = PACKAGE_TYPES.iter().map(|(v, l)| Choice::new(*v, *l)).collect();
    if !form.kind.is_empty() && !PACKAGE_TYPES.iter().any(|(v, _)| *v == form.kind) {
        types.push(Choice::new(form.kind.clone(), form.kind.clone()));
    }
    let path = SavePackage::PATH;
    view! {
        <Title text=heading.clone() />
        {catalog_crumbs(&did, &distributor_name, crumbs)}
        <h1>{heading}</h1>
        <ErrorSummary error=Signal::derive(error) fields=&[
            ("package_name", "Name"), ("kind", "Type"), ("price", "Price"), ("for_account", "Catalog"),
        ] />
        <ActionForm action attr:class="stack panel">
            <input type="hidden" name="distributor_id" value=form.distributor_id.clone() />
            <input type="hidden" name="package_id" value=form.package_id.clone() />
            <Field id="package_name" label="Name" hint="Unique in the catalog, like “Family Unlimited”." value=form.package_name.clone() required=true remember=path error=field("package_name") />
            <Field id="description" label="Description (optional)" value=form.description.clone() remember=path />
            <SelectField id="kind" label="Type" choices=types selected=form.kind.clone() remember=path error=field("kind") />
            <Field id="price" label="Price the subscriber pays (US$)" inputmode="decimal" hint="Like 39.99." value=form.price.clone() required=true remember=path error=field("price") />
            <Checkbox id="monthly" label="Billed monthly (otherwise once)" checked=form.monthly.is_some() />
            {(creating && !accounts.is_empty()).then(|| view! {
                <SelectField id="for_account" label="Catalog" hint="The Distributor's catalog is offered to every Account; an Account's own only to it."
                    choices=owner_choices(&accounts) selected=form.for_account.clone() remember=path error=field("for_account") />
            })}
            {(!creating).then(|| view! { <Checkbox id="active" label="Active (offered for new subscriptions)" checked=form.active.is_some() /> })}
            {creating.then(|| view! { <p class="hint">"Add its items on the package's page once it is created."</p> })}
            <SubmitButton label=if creating { "Create package" } else { "Save package" } busy_label="Saving…" />
        </ActionForm>
    }
}
