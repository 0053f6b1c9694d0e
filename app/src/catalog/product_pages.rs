//! Products: the list (`/catalog/products`), a product's page and its form.

use leptos::prelude::*;
use leptos::server_fn::ServerFn;
use leptos_meta::Title;
use leptos_router::hooks::{use_params_map, use_query_map};

use super::api::{
    fetch_product, fetch_product_form, list_products, CatalogQuery, CatalogRef, DeleteProduct, SaveProduct,
};
use super::model::{FormPage, ListPage, ProductDetail, ProductForm, ProductRow};
use super::money::Frequency;
use super::shared::{catalog_crumbs, owner_choices, CatalogTabs, ChooseDistributor, ShownFilter};
use crate::components::breadcrumbs::Crumb;
use crate::components::form::{
    field_error, Checkbox, Choice, ConfirmStep, ErrorSummary, Field, SelectField, SubmitButton,
};
use crate::components::problem::Problem;
use crate::links;

/// Product types the platform names (a product may carry another: it is kept).
const PRODUCT_TYPES: [(&str, &str); 6] = [
    ("esim", "eSIM"),
    ("sim", "Physical SIM"),
    ("data", "Data"),
    ("sms", "SMS / MMS"),
    ("voice", "Voice"),
    ("feature", "Feature"),
];

#[component]
pub fn ProductsPage() -> impl IntoView {
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
    let list = Resource::new(state, list_products);
    view! {
        <Title text="Products" />
        <Suspense fallback=|| view! { <p class="loading" role="status">"Loading products…"</p> }>
            {move || Suspend::new(async move {
                match list.await {
                    Ok(page) if !page.choose_distributor.is_empty() => view! {
                        <ChooseDistributor distributors=page.choose_distributor link=links::products />
                    }.into_any(),
                    Ok(page) => view! { <ProductsView page deleted=deleted() /> }.into_any(),
                    Err(error) => view! { <Problem error /> }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn ProductsView(page: ListPage<ProductRow>, deleted: Option<String>) -> impl IntoView {
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
    let with_cost = rows.iter().any(|r| r.cost.is_some());
    let summary = format!("{} of {total} products", rows.len());
    let empty = rows.is_empty();
    view! {
        {catalog_crumbs(&distributor_id, &distributor_name, vec![Crumb::here("Products")])}
        <div class="page-head">
            <h1>"Products"</h1>
            <p class="muted" role="status">{summary}</p>
            {can_create.then(|| view! { <a class="button primary" href=links::new_product(&did)>"New product"</a> })}
        </div>
        <CatalogTabs distributor_id=distributor_id.clone() current="products" />
        {deleted.map(|id| view! { <p class="notice" role="status">{format!("Product {id} deleted.")}</p> })}
        <ShownFilter base=links::products(&distributor_id) distributor_id=distributor_id.clone() shown search=search.clone() noun="products" />
        {if empty {
            view! {
                <div class="empty-state">
                    <p>{if total == 0 {
                        "No products yet. A product is the smallest billable unit (an eSIM activation, 5 GB of data); packages are made of them."
                    } else {
                        "No product matches this filter."
                    }}</p>
                </div>
            }.into_any()
        } else {
            view! {
                <div class="table-wrap">
                    <table class="data-table">
                        <caption class="visually-hidden">"Products"</caption>
                        <thead>
                            <tr>
                                <th scope="col">"SKU"</th>
                                <th scope="col">"Description"</th>
                                <th scope="col">"Type"</th>
                                {with_cost.then(|| view! { <th scope="col">"Wholesale cost"</th> })}
                                <th scope="col">"Billing"</th>
                                <th scope="col">"Catalog"</th>
                            </tr>
                        </thead>
                        <tbody>
                            {rows.into_iter().map(|r| {
                                let href = links::product(&distributor_id, &r.id);
                                let billing = r.frequency_label();
                                let cost = r.cost_label();
                                let kind = if r.sub_type.is_empty() { r.kind.clone() } else { format!("{} / {}", r.kind, r.sub_type) };
                                view! {
                                    <tr>
                                        <td data-label="SKU">
                                            <div>
                                                <a href=href>{r.sku.clone()}</a>
                                                {(!r.active).then(|| view! { <span class="badge">"Inactive"</span> })}
                                                <div class="id-text">{r.id.clone()}</div>
                                            </div>
                                        </td>
                                        <td data-label="Description">{r.description.clone()}</td>
                                        <td data-label="Type">{kind}</td>
                                        {with_cost.then(|| view! { <td data-label="Wholesale cost">{cost.unwrap_or_else(|| "—".into())}</td> })}
                                        <td data-label="Billing">{billing}</td>
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

/// `/catalog/products/:product_id`.
#[component]
pub fn ProductPage() -> impl IntoView {
    let params = use_params_map();
    let query = use_query_map();
    let target = move || CatalogRef {
        distributor_id: query.read().get("distributor").unwrap_or_default(),
        id: params.read().get("product_id").unwrap_or_default(),
        ..Default::default()
    };
    let notice = move || {
        let q = query.read();
        if q.get("created").is_some() {
            Some("Product created.")
        } else if q.get("saved").is_some() {
            Some("Product saved.")
        } else {
            None
        }
    };
    let detail = Resource::new(target, fetch_product);
    view! {
        <Suspense fallback=|| view! { <p class="loading" role="status">"Loading product…"</p> }>
            {move || Suspend::new(async move {
                match detail.await {
                    Ok(data) => view! { <ProductView data notice=notice() /> }.into_any(),
                    Err(error) => view! { <Problem error /> }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn ProductView(data: ProductDetail, notice: Option<&'static str>) -> impl IntoView {
    let ProductDetail {
        product,
        used_by,
        can_edit,
        distributor_id,
        distributor_name,
    } = data;
    let title = product.sku.clone();
    let did = distributor_id.clone();
    let in_use = !used_by.is_empty();
    view! {
        <Title text=format!("Product {title}") />
        {catalog_crumbs(&distributor_id, &distributor_name, vec![
            Crumb::link("Products", links::products(&distributor_id)),
            Crumb::here(product.sku.clone()),
        ])}
        <div class="page-head">
            <h1>{product.sku.clone()} {(!product.active).then(|| view! { <span class="badge">"Inactive"</span> })}</h1>
            <p class="id-text">{product.id.clone()}</p>
            {can_edit.then(|| view! { <a class="button" href=links::edit_product(&did, &product.id)>"Edit product"</a> })}
        </div>
        {notice.map(|n| view! { <p class="notice" role="status">{n}</p> })}
        <section class="panel" aria-labelledby="product-facts">
            <h2 id="product-facts">"Details"</h2>
            <dl class="facts">
                <dt>"Description"</dt><dd>{product.description.clone()}</dd>
                <dt>"Type"</dt><dd>{product.kind.clone()}</dd>
                {(!product.sub_type.is_empty()).then(|| view! { <dt>"Subtype"</dt><dd>{product.sub_type.clone()}</dd> })}
                {product.cost_label().map(|c| view! { <dt>"Wholesale cost"</dt><dd>{c}</dd> })}
                <dt>"Billing"</dt><dd>{product.frequency_label()}</dd>
                <dt>"Catalog"</dt><dd>{product.owner.label()}</dd>
                <dt>"Status"</dt><dd>{if product.active { "Active" } else { "Inactive: not offered for new packages" }}</dd>
            </dl>
        </section>
        <section class="panel" aria-labelledby="product-used">
            <h2 id="product-used">"Packages that list it"</h2>
            {if used_by.is_empty() {
                view! { <p class="muted">"No package lists this product."</p> }.into_any()
            } else {
                view! {
                    <ul>
                        {used_by.into_iter().map(|u| {
                            let subs = match u.subscriptions.len() {
                                0 => "no active subscriptions".to_string(),
                                1 => "1 active subscription".to_string(),
                                n => format!("{n} active subscriptions"),
                            };
                            view! { <li><a href=links::package(&distributor_id, &u.package_id)>{u.package_name}</a> " — " {subs}</li> }
                        }).collect_view()}
                    </ul>
                }.into_any()
            }}
        </section>
        {can_edit.then(|| view! { <DeleteProductForm distributor_id=did.clone() product_id=product.id.clone() sku=product.sku.clone() in_use /> })}
    }
}

#[component]
fn DeleteProductForm(distributor_id: String, product_id: String, sku: String, in_use: bool) -> impl IntoView {
    let action = ServerAction::<DeleteProduct>::new();
    let error = move || action.value().get().and_then(|r| r.err());
    view! {
        <section class="panel" aria-labelledby="delete-product">
            <h2 id="delete-product">"Delete"</h2>
            <ConfirmStep summary=format!("Delete {sku}…") open=Signal::derive(move || error().is_some())>
                <ErrorSummary error=Signal::derive(error) fields=&[("confirm", "Delete")] />
                <p>{if in_use {
                    "Packages still list this product, so Telegent's catalog would be left with items that bill nothing: remove it from them first, or make it inactive instead."
                } else {
                    "The product leaves the catalog for good; reports that key off its SKU keep their history."
                }}</p>
                <ActionForm action attr:class="stack">
                    <input type="hidden" name="distributor_id" value=distributor_id />
                    <input type="hidden" name="id" value=product_id />
                    <Checkbox id="confirm" label=format!("Yes, delete {sku}") />
                    {move || field_error(error(), "confirm").map(|m| view! { <p class="field-error" id="confirm-error">{m}</p> })}
                    <SubmitButton label=format!("Delete {sku}") class="button danger" busy_label="Deleting…" />
                </ActionForm>
            </ConfirmStep>
        </section>
    }
}

/// `/catalog/products/new` and `/catalog/products/:product_id/edit`.
#[component]
pub fn ProductFormPage() -> impl IntoView {
    let params = use_params_map();
    let query = use_query_map();
    let target = move || CatalogRef {
        distributor_id: query.read().get("distributor").unwrap_or_default(),
        id: params.read().get("product_id").unwrap_or_default(),
        ..Default::default()
    };
    let page = Resource::new(target, fetch_product_form);
    view! {
        <Suspense fallback=|| view! { <p class="loading" role="status">"Loading…"</p> }>
            {move || Suspend::new(async move {
                match page.await {
                    Ok(page) => view! { <ProductFormView page /> }.into_any(),
                    Err(error) => view! { <Problem error /> }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn ProductFormView(page: FormPage<ProductForm>) -> impl IntoView {
    let FormPage {
        form,
        accounts,
        distributor_name,
        staff,
    } = page;
    let action = ServerAction::<SaveProduct>::new();
    let error = move || action.value().get().and_then(|r| r.err());
    let field = move |name: &'static str| Signal::derive(move || field_error(error(), name));
    let creating = form.product_id.is_empty();
    let heading = if creating {
        "New product".to_string()
    } else {
        format!("Edit {}", form.sku)
    };
    let did = form.distributor_id.clone();
    let mut crumbs = vec![Crumb::link("Products", links::products(&did))];
    if !creating {
        crumbs.push(Crumb::link(form.sku.clone(), links::product(&did, &form.product_id)));
    }
    crumbs.push(Crumb::here(if creating { "New" } else { "Edit" }));
    let mut types: Vec<Choice> = PRODUCT_TYPES.iter().map(|(v, l)| Choice::new(*v, *l)).collect();
    if !form.kind.is_empty() && !PRODUCT_TYPES.iter().any(|(v, _)| *v == form.kind) {
        types.push(Choice::new(form.kind.clone(), form.kind.clone()));
    }
    if creating {
        types.insert(0, Choice::new("", "Choose…"));
    }
    let frequencies: Vec<Choice> = Frequency::ALL
        .iter()
        .map(|f| Choice::new(f.wire(), f.label()))
        .collect();
    let path = SaveProduct::PATH;
    view! {
        <Title text=heading.clone() />
        {catalog_crumbs(&did, &distributor_name, crumbs)}
        <h1>{heading}</h1>
        <ErrorSummary error=Signal::derive(error) fields=&[
            ("sku", "SKU"), ("description", "Description"), ("kind", "Type"),
            ("cost", "Wholesale cost"), ("billing_frequency", "Billing"), ("for_account", "Catalog"),
        ] />
        <ActionForm action attr:class="stack panel">
            <input type="hidden" name="distributor_id" value=form.distributor_id.clone() />
            <input type="hidden" name="product_id" value=form.product_id.clone() />
            <Field id="sku" label="SKU" hint="Stable: reports key off it. Letters, digits, - _ and ., like DATA-5GB." value=form.sku.clone() required=true remember=path error=field("sku") />
            <Field id="description" label="Description" value=form.description.clone() required=true remember=path error=field("description") />
            <SelectField id="kind" label="Type" choices=types selected=form.kind.clone() remember=path error=field("kind") />
            <Field id="sub_type" label="Subtype (optional)" value=form.sub_type.clone() remember=path />
            {staff.then(|| view! {
                <Field id="cost" label="Wholesale cost (US$)" inputmode="decimal" hint="What the product costs you, like 4.00. Never shown to an Account's people." value=form.cost.clone() required=true remember=path error=field("cost") />
            })}
            <SelectField id="billing_frequency" label="Billing" choices=frequencies selected=form.billing_frequency.clone() remember=path error=field("billing_frequency") />
            {(creating && !accounts.is_empty()).then(|| view! {
                <SelectField id="for_account" label="Catalog" hint="The Distributor's catalog is offered to every Account; an Account's own only to it."
                    choices=owner_choices(&accounts) selected=form.for_account.clone() remember=path error=field("for_account") />
            })}
            {(!creating).then(|| view! { <Checkbox id="active" label="Active (offered for new packages)" checked=form.active.is_some() /> })}
            <SubmitButton label=if creating { "Create product" } else { "Save product" } busy_label="Saving…" />
        </ActionForm>
    }
}
