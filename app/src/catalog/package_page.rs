//! One package (`/catalog/packages/:package_id`): its price and items, the
//! margin (Distributor staff only), the subscriptions billing on it, and
//! for those who may change it: items added, changed and removed, a clone
//! into a variant, and delete.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::{use_params_map, use_query_map};

use super::api::{fetch_package, CatalogRef, ClonePackage, DeletePackage, RemovePackageItem, SavePackageItem};
use super::model::{Margin, PackageDetail, PackageItemRow};
use super::money::{priced, Money};
use super::shared::catalog_crumbs;
use crate::components::breadcrumbs::Crumb;
use crate::components::form::{
    field_error, Checkbox, Choice, ConfirmStep, ErrorSummary, Field, SelectField, SubmitButton,
};
use crate::components::problem::Problem;
use crate::links;

#[component]
pub fn PackagePage() -> impl IntoView {
    let params = use_params_map();
    let query = use_query_map();
    let target = move || CatalogRef {
        distributor_id: query.read().get("distributor").unwrap_or_default(),
        id: params.read().get("package_id").unwrap_or_default(),
        ..Default::default()
    };
    let notice = move || {
        let q = query.read();
        [
            ("created", "Package created. Add its items below."),
            ("saved", "Package saved."),
            ("item-added", "Item added."),
            ("item-saved", "Item saved."),
            ("item-removed", "Item removed."),
            (
                "cloned",
                "Variant created with every item of the package it was cloned from.",
            ),
        ]
        .into_iter()
        .find(|(key, _)| q.get(key).is_some())
        .map(|(_, words)| words)
    };
    let detail = Resource::new(target, fetch_package);
    view! {
        <Suspense fallback=|| view! { <p class="loading" role="status">"Loading package…"</p> }>
            {move || Suspend::new(async move {
                match detail.await {
                    Ok(data) => view! { <PackageView data notice=notice() /> }.into_any(),
                    Err(error) => view! { <Problem error /> }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn PackageView(data: PackageDetail, notice: Option<&'static str>) -> impl IntoView {
    let PackageDetail {
        package,
        items,
        subscriptions,
        products,
        can_edit,
        distributor_id,
        distributor_name,
    } = data;
    let did = distributor_id.clone();
    let name = package.name.clone();
    let id = package.id.clone();
    let item_count = items.len();
    view! {
        <Title text=format!("Package {name}") />
        {catalog_crumbs(&distributor_id, &distributor_name, vec![
            Crumb::link("Packages", links::packages(&distributor_id)),
            Crumb::here(name.clone()),
        ])}
        <div class="page-head">
            <h1>{name.clone()} {(!package.active).then(|| view! { <span class="badge">"Inactive"</span> })}</h1>
            <p class="id-text">{id.clone()}</p>
            {can_edit.then(|| view! { <a class="button" href=links::edit_package(&did, &id)>"Edit package"</a> })}
        </div>
        {notice.map(|n| view! { <p class="notice" role="status">{n}</p> })}
        <section class="panel" aria-labelledby="package-facts">
            <h2 id="package-facts">"Details"</h2>
            <dl class="facts">
                <dt>"Price"</dt><dd>{priced(package.price, package.monthly)}</dd>
                <dt>"Type"</dt><dd>{package.kind.clone()}</dd>
                {(!package.description.is_empty()).then(|| view! { <dt>"Description"</dt><dd>{package.description.clone()}</dd> })}
                <dt>"Catalog"</dt><dd>{package.owner.label()}</dd>
                <dt>"Active subscriptions"</dt><dd>{subscriptions.len()}</dd>
            </dl>
        </section>
        {package.margin.map(|m| view! { <MarginPanel margin=m price=package.price monthly=package.monthly /> })}
        <ItemsPanel items distributor_id=did.clone() package_id=id.clone() can_edit />
        {(can_edit && !products.is_empty()).then(|| view! { <AddItemForm distributor_id=did.clone() package_id=id.clone() products /> })}
        <section class="panel" aria-labelledby="package-subs">
            <h2 id="package-subs">"Subscriptions billing on it"</h2>
            {if subscriptions.is_empty() {
                view! { <p class="muted">"No active subscription uses this package."</p> }.into_any()
            } else {
                view! {
                    <ul class="id-list">{subscriptions.iter().map(|s| view! { <li><a class="id-text" href=links::subscription(s)>{s.clone()}</a></li> }).collect_view()}</ul>
                    <p><a href=links::subscriptions(&[("distributor", did.clone()), ("package", id.clone())])>"Open them as a list"</a></p>
                }.into_any()
            }}
        </section>
        {can_edit.then(|| view! {
            <CloneForm distributor_id=did.clone() package_id=id.clone() name=name.clone() items=item_count />
            <DeletePackageForm distributor_id=did.clone() package_id=id.clone() name=name.clone() subscriptions=subscriptions.len() />
        })}
    }
}

/// Staff only (the server leaves the margin out for anyone else).
#[component]
fn MarginPanel(margin: Margin, price: Money, monthly: bool) -> impl IntoView {
    let negative = margin.margin.is_negative();
    view! {
        <section class="panel" aria-labelledby="package-margin">
            <h2 id="package-margin">"Margin"</h2>
            <p class="muted">"Distributor staff only: never shown to an Account's people."</p>
            <dl class="facts">
                <dt>"Price"</dt><dd>{priced(price, monthly)}</dd>
                <dt>"Monthly product costs"</dt><dd>{format!("{} / month", margin.monthly_cost)}</dd>
                <dt>"One-time product costs"</dt><dd>{format!("{} once per line", margin.one_time_cost)}</dd>
                <dt>"Margin"</dt>
                <dd class=if negative { "danger-text" } else { "" }>
                    {priced(margin.margin, monthly)}
                    {negative.then_some(" — below cost")}
                </dd>
            </dl>
            {(margin.usage_items > 0).then(|| view! {
                <p class="hint">{format!("{} usage-based item(s) cost what is used, on top.", margin.usage_items)}</p>
            })}
        </section>
    }
}

#[component]
fn ItemsPanel(items: Vec<PackageItemRow>, distributor_id: String, package_id: String, can_edit: bool) -> impl IntoView {
    let with_cost = items.iter().any(|i| i.cost.is_some());
    view! {
        <section class="panel" aria-labelledby="package-items">
            <h2 id="package-items">"Items"</h2>
            {if items.is_empty() {
                view! { <p class="muted">"No items yet: a package bills the products its items name."</p> }.into_any()
            } else {
                view! {
                    <div class="table-wrap">
                        <table class="data-table">
                            <caption class="visually-hidden">"Package items"</caption>
                            <thead>
                                <tr>
                                    <th scope="col">"Product"</th>
                                    <th scope="col">"Item price"</th>
                                    <th scope="col">"Type"</th>
                                    {with_cost.then(|| view! { <th scope="col">"Product cost"</th> })}
                                    {can_edit.then(|| view! { <th scope="col">"Change"</th> })}
                                </tr>
                            </thead>
                            <tbody>
                                {items.into_iter().map(|i| {
                                    let cost = i.cost.map(|c| format!("{c}{}", i.cost_frequency.map_or("", |f| f.suffix())));
                                    let product = if i.sku.is_empty() { i.product_id.clone() } else { format!("{} — {}", i.sku, i.description) };
                                    view! {
                                        <tr>
                                            <td data-label="Product"><div>{product}<div class="id-text">{i.id.clone()}</div></div></td>
                                            <td data-label="Item price">{priced(i.price, i.monthly)}</td>
                                            <td data-label="Type">{i.kind.clone()}</td>
                                            {with_cost.then(|| view! { <td data-label="Product cost">{cost.unwrap_or_else(|| "—".into())}</td> })}
                                            {can_edit.then(|| view! {
                                                <td data-label="Change"><ItemChange distributor_id=distributor_id.clone() package_id=package_id.clone() item=i.clone() /></td>
                                            })}
                                        </tr>
                                    }
                                }).collect_view()}
                            </tbody>
                        </table>
                    </div>
                }.into_any()
            }}
        </section>
    }
}

/// An item's price, frequency and type, and its removal.
#[component]
fn ItemChange(distributor_id: String, package_id: String, item: PackageItemRow) -> impl IntoView {
    let save = ServerAction::<SavePackageItem>::new();
    let remove = ServerAction::<RemovePackageItem>::new();
    let error = move || save.value().get().and_then(|r| r.err());
    let removal_error = move || remove.value().get().and_then(|r| r.err());
    let label = if item.sku.is_empty() {
        item.product_id.clone()
    } else {
        item.sku.clone()
    };
    // Ids unique on the page: one form per item.
    let price_id = format!("item-price-{}", item.id);
    let price_error_id = format!("{price_id}-error");
    let monthly_id = format!("item-monthly-{}", item.id);
    let confirm_id = format!("item-confirm-{}", item.id);
    let (did2, pkg2, item_id2, label2) = (
        distributor_id.clone(),
        package_id.clone(),
        item.id.clone(),
        label.clone(),
    );
    view! {
        <details class="item-change" open=move || error().is_some() || removal_error().is_some()>
            <summary>"Change" <span class="visually-hidden">{format!(" {}", label.clone())}</span></summary>
            <ActionForm action=save attr:class="stack">
                <input type="hidden" name="distributor_id" value=distributor_id.clone() />
                <input type="hidden" name="package_id" value=package_id.clone() />
                <input type="hidden" name="package_item_id" value=item.id.clone() />
                <input type="hidden" name="item_kind" value=item.kind.clone() />
                <div class="field">
                    <label for=price_id.clone()>{format!("Price of {label} (US$)")}</label>
                    <input id=price_id name="item_price" inputmode="decimal" value=item.price.plain() required=true
                        aria-invalid=move || field_error(error(), "item_price").map(|_| "true")
                        aria-describedby={
                            let id = price_error_id.clone();
                            move || field_error(error(), "item_price").map(|_| id.clone())
                        } />
                    {move || field_error(error(), "item_price").map(|m| view! { <p class="field-error" id=price_error_id.clone()>{m}</p> })}
                </div>
                <div class="check">
                    <input type="checkbox" id=monthly_id.clone() name="item_monthly" checked=item.monthly />
                    <label for=monthly_id>"Billed monthly"</label>
                </div>
                {move || crate::components::form::form_level(error(), &["item_price"]).map(|e| view! { <p class="form-error" role="alert">{e.to_string()}</p> })}
                <SubmitButton label="Save item" class="button" busy_label="Saving…" />
            </ActionForm>
            <ActionForm action=remove attr:class="stack">
                <input type="hidden" name="distributor_id" value=did2 />
                <input type="hidden" name="id" value=pkg2 />
                <input type="hidden" name="package_item_id" value=item_id2 />
                <div class="check">
                    <input type="checkbox" id=confirm_id.clone() name="confirm" />
                    <label for=confirm_id>{format!("Yes, remove {}", label2.clone())}</label>
                </div>
                {move || removal_error().map(|e| view! { <p class="form-error" role="alert">{e.to_string()}</p> })}
                <SubmitButton label=format!("Remove {label2}") class="button danger" busy_label="Removing…" />
            </ActionForm>
        </details>
    }
}

#[component]
fn AddItemForm(distributor_id: String, package_id: String, products: Vec<(String, String)>) -> impl IntoView {
    let action = ServerAction::<SavePackageItem>::new();
    let error = move || action.value().get().and_then(|r| r.err());
    let field = move |name: &'static str| Signal::derive(move || field_error(error(), name));
    let choices: Vec<Choice> = std::iter::once(Choice::new("", "Choose a product…"))
        .chain(products.into_iter().map(|(id, label)| Choice::new(id, label)))
        .collect();
    view! {
        <section class="panel" aria-labelledby="add-item">
            <h2 id="add-item">"Add an item"</h2>
            <ErrorSummary error=Signal::derive(error) fields=&[("product_id", "Product"), ("item_price", "Item price")] />
            <ActionForm action attr:class="stack">
                <input type="hidden" name="distributor_id" value=distributor_id />
                <input type="hidden" name="package_id" value=package_id />
                <input type="hidden" name="package_item_id" value="" />
                <SelectField id="product_id" label="Product" choices error=field("product_id") />
                <Field id="item_price" label="Item price (US$)" inputmode="decimal" hint="What this item bills inside the package; 0.00 when the package price covers it." value="0.00" required=true error=field("item_price") />
                <Checkbox id="item_monthly" label="Billed monthly" checked=true />
                <Field id="item_kind" label="Item type" hint="Usually “product”." value="product" />
                <SubmitButton label="Add item" busy_label="Adding…" />
            </ActionForm>
        </section>
    }
}

#[component]
fn CloneForm(distributor_id: String, package_id: String, name: String, items: usize) -> impl IntoView {
    let action = ServerAction::<ClonePackage>::new();
    let error = move || action.value().get().and_then(|r| r.err());
    view! {
        <section class="panel" aria-labelledby="clone-package">
            <h2 id="clone-package">"Make a variant"</h2>
            <p class="muted">{format!("A new package with the same price and all {items} item(s) of {name}; change what differs afterwards.")}</p>
            <ErrorSummary error=Signal::derive(error) fields=&[("new_name", "Variant name")] />
            <ActionForm action attr:class="stack">
                <input type="hidden" name="distributor_id" value=distributor_id />
                <input type="hidden" name="id" value=package_id />
                <Field id="new_name" label="Variant name" value=format!("{name} (variant)") required=true error=Signal::derive(move || field_error(error(), "new_name")) />
                <SubmitButton label="Clone package" class="button" busy_label="Cloning…" />
            </ActionForm>
        </section>
    }
}

#[component]
fn DeletePackageForm(distributor_id: String, package_id: String, name: String, subscriptions: usize) -> impl IntoView {
    let action = ServerAction::<DeletePackage>::new();
    let error = move || action.value().get().and_then(|r| r.err());
    view! {
        <section class="panel" aria-labelledby="delete-package">
            <h2 id="delete-package">"Delete"</h2>
            <ConfirmStep summary=format!("Delete {name}…") open=Signal::derive(move || error().is_some())>
                <ErrorSummary error=Signal::derive(error) fields=&[("confirm", "Delete")] />
                <p>{if subscriptions > 0 {
                    format!("{subscriptions} active subscription(s) bill on this package: it can't be deleted until they are moved or cancelled. Make it inactive to stop offering it.")
                } else {
                    "The package and its items leave the catalog for good.".to_string()
                }}</p>
                <ActionForm action attr:class="stack">
                    <input type="hidden" name="distributor_id" value=distributor_id />
                    <input type="hidden" name="id" value=package_id />
                    <Checkbox id="confirm" label=format!("Yes, delete {name}") />
                    {move || field_error(error(), "confirm").map(|m| view! { <p class="field-error" id="confirm-error">{m}</p> })}
                    <SubmitButton label=format!("Delete {name}") class="button danger" busy_label="Deleting…" />
                </ActionForm>
            </ConfirmStep>
        </section>
    }
}
