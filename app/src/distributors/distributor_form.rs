//! The Distributor form (Platform admin): a new Distributor
//! (`/distributors/new`) and a Distributor's name and addresses
//! (`/distributors/:distributor_id/edit`), on the Account form's fields.

use leptos::prelude::*;
use leptos::server_fn::ServerFn;
use leptos_router::hooks::use_params_map;

use super::api::{fetch_distributor_form, fetch_new_distributor_form, CreateDistributor, UpdateDistributor};
use crate::accounts::account_form::AccountFormView;
use crate::components::problem::Problem;

/// `/distributors/new`.
#[component]
pub fn NewDistributorPage() -> impl IntoView {
    let page = Resource::new(|| (), |_| fetch_new_distributor_form());
    let action = ServerAction::<CreateDistributor>::new();
    let error = Signal::derive(move || action.value().get().and_then(|r| r.err()));
    view! {
        <Suspense fallback=|| view! { <p class="loading" role="status">"Loading…"</p> }>
            {move || Suspend::new(async move {
                match page.await {
                    Ok(page) => view! {
                        <AccountFormView page path=CreateDistributor::PATH error creating=true distributor=true />
                    }
                    .into_any(),
                    Err(error) => view! { <Problem error /> }.into_any(),
                }
            })}
        </Suspense>
    }
}

/// `/distributors/:distributor_id/edit`.
#[component]
pub fn EditDistributorPage() -> impl IntoView {
    let params = use_params_map();
    let distributor_id = move || params.read().get("distributor_id").unwrap_or_default();
    let page = Resource::new(distributor_id, fetch_distributor_form);
    let action = ServerAction::<UpdateDistributor>::new();
    let error = Signal::derive(move || action.value().get().and_then(|r| r.err()));
    view! {
        <Suspense fallback=|| view! { <p class="loading" role="status">"Loading distributor…"</p> }>
            {move || Suspend::new(async move {
                match page.await {
                    Ok(page) => view! {
                        <AccountFormView page path=UpdateDistributor::PATH error creating=false distributor=true />
                    }
                    .into_any(),
                    Err(error) => view! { <Problem error /> }.into_any(),
                }
            })}
        </Suspense>
    }
}
