//! CSV exports of the staff lists: exactly the selection the list shows
//! (same search, filter and sort), all pages, streamed from the read model
//! in chunks so a large Distributor never sits in memory whole.

use axum::body::Body;
use axum::extract::{Path, Query, State};
use axum::http::{header, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Extension;
use serde::Deserialize;
use telegent_app::accounts::model::{AccountNeeds, AccountSort};
use telegent_app::accounts::service::{self as accounts, ListArgs};
use telegent_app::error::AppError;
use telegent_app::inventory::api::InventoryQuery;
use telegent_app::inventory::service as inventory;
use telegent_app::policy::Action;
use telegent_app::read_model::scope::Scope;
use telegent_app::read_model::sweep::ensure_filled;
use telegent_app::ssr::caller::{distributor_in_scope, Caller, CallerSlot};
use telegent_app::ssr::AppState;
use telegent_app::subscribers::api::SubscribersQuery;
use telegent_app::subscribers::service as subscribers;

use futures_util::StreamExt;

/// Rows read per database query while streaming.
const CHUNK: u32 = 500;

#[derive(Debug, Default, Deserialize)]
pub struct AccountsCsvQuery {
    #[serde(default)]
    q: String,
    #[serde(default)]
    sort: String,
    #[serde(default)]
    needs: String,
}

/// The caller and their scope in a Distributor (`""`: their own), or the
/// answer that refuses them.
async fn scope_for(
    state: &AppState,
    slot: &CallerSlot,
    action: Action,
    distributor_id: &str,
) -> Result<(std::sync::Arc<Caller>, String, Scope), Response> {
    let Some(caller) = slot.0.clone() else {
        return Err((StatusCode::UNAUTHORIZED, "Sign in to export this list.").into_response());
    };
    if caller.must_change_password || !caller.allows(action) {
        return Err((StatusCode::FORBIDDEN, "Your role doesn't include this list.").into_response());
    }
    let tenant = distributor_in_scope(state, &caller, distributor_id)
        .map_err(|_| (StatusCode::NOT_FOUND, "We couldn't find that list.").into_response())?;
    let scope = Scope::within(&caller, &tenant.distributor_id)
        .map_err(|_| (StatusCode::FORBIDDEN, "Your role doesn't include this list.").into_response())?;
    if let Err(error) = ensure_filled(state, &tenant.distributor_id).await {
        return Err(failed(error));
    }
    Ok((caller, tenant.distributor_id, scope))
}

fn failed(error: AppError) -> Response {
    tracing::warn!(%error, "export");
    (
        StatusCode::SERVICE_UNAVAILABLE,
        format!("The export could not be made: {error}"),
    )
        .into_response()
}

/// A CSV download whose body is `header` then chunks from `next(offset)`
/// until one comes back short.
fn csv_response<F, Fut>(filename: String, header: &'static str, next: F) -> Response
where
    F: Fn(u32) -> Fut + Send + Sync + 'static,
    Fut: std::future::Future<Output = Result<(String, usize), AppError>> + Send,
{
    let next = std::sync::Arc::new(next);
    // State: whether the header went out, and where the next chunk starts
    // (`None`: the last chunk was short, so the file is complete).
    let stream = futures_util::stream::unfold((false, Some(0u32)), move |(header_sent, offset)| {
        let next = next.clone();
        async move {
            if !header_sent {
                return Some((Ok::<_, std::io::Error>(header.to_string()), (true, offset)));
            }
            let from = offset?;
            match next(from).await {
                Ok((text, n)) => Some((Ok(text), (true, (n as u32 == CHUNK).then_some(from + CHUNK)))),
                // The header is sent: a cut-off file is all that can be said.
                Err(error) => Some((Err(std::io::Error::other(error.to_string())), (true, None))),
            }
        }
    })
    // Fused: the compression layer polls once more after the end, which an
    // unfold alone answers with a panic.
    .fuse();
    (
        [
            (header::CONTENT_TYPE, "text/csv; charset=utf-8".to_string()),
            (
                header::CONTENT_DISPOSITION,
                format!("attachment; filename=\"{filename}\""),
            ),
        ],
        Body::from_stream(stream),
    )
        .into_response()
}

fn today() -> String {
    chrono::Utc::now().format("%Y%m%d").to_string()
}

async fn accounts_export(
    state: AppState,
    slot: CallerSlot,
    distributor_id: String,
    query: AccountsCsvQuery,
) -> Response {
    let (_caller, distributor_id, scope) = match scope_for(&state, &slot, Action::ViewAccounts, &distributor_id).await {
        Ok(found) => found,
        Err(answer) => return answer,
    };
    let args = ListArgs {
        page: 1,
        search: query.q,
        sort: AccountSort::from_param(&query.sort),
        needs: AccountNeeds::from_param(&query.needs),
    };
    csv_response(
        format!("accounts-{distributor_id}-{}.csv", today()),
        accounts::csv_header(),
        move |offset| {
            let (state, scope, args) = (state.clone(), scope.clone(), args.clone());
            async move {
                let rows = accounts::export_chunk(&state, &scope, &args, offset, CHUNK).await?;
                Ok((accounts::csv_lines(&rows), rows.len()))
            }
        },
    )
}

/// `/accounts.csv`: the caller's own Distributor.
pub async fn accounts_csv(
    State(state): State<AppState>,
    Extension(slot): Extension<CallerSlot>,
    Query(query): Query<AccountsCsvQuery>,
) -> Response {
    accounts_export(state, slot, String::new(), query).await
}

/// `/distributors/{id}/accounts.csv`: a Distributor a Platform admin opened.
pub async fn distributor_accounts_csv(
    State(state): State<AppState>,
    Extension(slot): Extension<CallerSlot>,
    Path(distributor_id): Path<String>,
    Query(query): Query<AccountsCsvQuery>,
) -> Response {
    accounts_export(state, slot, distributor_id, query).await
}

#[derive(Debug, Default, Deserialize)]
pub struct SubscribersCsvQuery {
    #[serde(default)]
    q: String,
    #[serde(default)]
    role: String,
    #[serde(default)]
    sort: String,
}

/// `/subscribers.csv`: the caller's Distributor's subscribers list.
pub async fn subscribers_csv(
    State(state): State<AppState>,
    Extension(slot): Extension<CallerSlot>,
    Query(query): Query<SubscribersCsvQuery>,
) -> Response {
    // A Platform admin's reach is every Distributor, as on the page.
    let Some(caller) = slot.0.clone() else {
        return (StatusCode::UNAUTHORIZED, "Sign in to export this list.").into_response();
    };
    if caller.must_change_password || !caller.allows(Action::ViewSubscribers) {
        return (StatusCode::FORBIDDEN, "Your role doesn't include this list.").into_response();
    }
    let Ok(scope) = Scope::of(&caller) else {
        return (StatusCode::FORBIDDEN, "Your role doesn't include this list.").into_response();
    };
    if let Err(error) = subscribers::fill(&state, &scope).await {
        return failed(error);
    }
    let distributor_id = scope.distributor_id().unwrap_or("all").to_string();
    let query = SubscribersQuery {
        search: query.q,
        role: query.role,
        sort: query.sort,
        page: 1,
    };
    // A forged filter is refused before the download starts.
    if let Err(error) = subscribers::export_chunk(&state, &scope, &query, 0, 1).await {
        return match error {
            AppError::BadRequest(_) => (StatusCode::BAD_REQUEST, error.to_string()).into_response(),
            other => failed(other),
        };
    }
    csv_response(
        format!("subscribers-{distributor_id}-{}.csv", today()),
        subscribers::csv_header(),
        move |offset| {
            let (state, scope, query) = (state.clone(), scope.clone(), query.clone());
            async move {
                let rows = subscribers::export_chunk(&state, &scope, &query, offset, CHUNK).await?;
                Ok((subscribers::csv_lines(&rows), rows.len()))
            }
        },
    )
}

#[derive(Debug, Default, Deserialize)]
pub struct NumbersCsvQuery {
    #[serde(default)]
    q: String,
    #[serde(default)]
    account: String,
    #[serde(default)]
    kind: String,
    #[serde(default)]
    capability: String,
    #[serde(default)]
    product: String,
    #[serde(default)]
    status: String,
    #[serde(default)]
    holder: String,
    #[serde(default)]
    sort: String,
}

/// `/numbers.csv`: the numbers inventory of the caller's reach, as the
/// page shows it (search, filters, sort), every page.
pub async fn numbers_csv(
    State(state): State<AppState>,
    Extension(slot): Extension<CallerSlot>,
    Query(query): Query<NumbersCsvQuery>,
) -> Response {
    let Some(caller) = slot.0.clone() else {
        return (StatusCode::UNAUTHORIZED, "Sign in to export this list.").into_response();
    };
    if caller.must_change_password || !caller.allows(Action::ViewNumbers) {
        return (StatusCode::FORBIDDEN, "Your role doesn't include this list.").into_response();
    }
    let Ok(scope) = Scope::of(&caller) else {
        return (StatusCode::FORBIDDEN, "Your role doesn't include this list.").into_response();
    };
    if let Err(error) = subscribers::fill(&state, &scope).await {
        return failed(error);
    }
    let distributor_id = scope.distributor_id().unwrap_or("all").to_string();
    let query = InventoryQuery {
        search: query.q,
        account: query.account,
        kind: query.kind,
        capability: query.capability,
        product: query.product,
        status: query.status,
        holder: query.holder,
        sort: query.sort,
        page: 1,
        batch: String::new(),
    };
    // A forged filter is refused before the download starts.
    if let Err(error) = inventory::export_chunk(&state, &scope, &query, 0, 1).await {
        return match error {
            AppError::BadRequest(_) => (StatusCode::BAD_REQUEST, error.to_string()).into_response(),
            other => failed(other),
        };
    }
    csv_response(
        format!("numbers-{distributor_id}-{}.csv", today()),
        inventory::csv_header(),
        move |offset| {
            let (state, scope, query) = (state.clone(), scope.clone(), query.clone());
            async move {
                let rows = inventory::export_chunk(&state, &scope, &query, offset, CHUNK).await?;
                Ok((inventory::csv_lines(&rows), rows.len()))
            }
        },
    )
}

#[derive(Debug, Default, Deserialize)]
pub struct PortInsCsvQuery {
    #[serde(default)]
    distributor: String,
    #[serde(default)]
    show: String,
    #[serde(default)]
    account: String,
    #[serde(default)]
    q: String,
    #[serde(default)]
    sort: String,
}

/// `/porting.csv`: the port-ins the orders page shows (stage, Account,
/// search, sort), every page.
pub async fn port_ins_csv(
    State(state): State<AppState>,
    Extension(slot): Extension<CallerSlot>,
    Query(query): Query<PortInsCsvQuery>,
) -> Response {
    use telegent_app::porting::store;
    let Some(caller) = slot.0.clone() else {
        return (StatusCode::UNAUTHORIZED, "Sign in to export this list.").into_response();
    };
    if caller.must_change_password || !caller.allows(Action::ViewNumbers) {
        return (StatusCode::FORBIDDEN, "Your role doesn't include this list.").into_response();
    }
    // A Platform admin naming no Distributor exports them all, as the page lists them.
    let (distributor_id, scope) =
        if caller.role == telegent_app::policy::Role::PlatformAdmin && query.distributor.trim().is_empty() {
            ("all".to_string(), Scope::Platform)
        } else {
            match scope_for(&state, &slot, Action::ViewNumbers, query.distributor.trim()).await {
                Ok((_, d, scope)) => (d, scope),
                Err(refused) => return refused,
            }
        };
    if [&query.account, &query.q]
        .iter()
        .any(|v| v.len() > 200 || v.chars().any(char::is_control))
    {
        return (
            StatusCode::BAD_REQUEST,
            "The list's address holds characters it never has.",
        )
            .into_response();
    }
    let show = match query.show.as_str() {
        s @ ("drafts" | "ended" | "all") => s.to_string(),
        _ => "open".to_string(),
    };
    let args = store::ListArgs {
        show,
        account: query.account.trim().to_string(),
        search: query.q,
        sort: query.sort,
        offset: 0,
        limit: CHUNK,
    };
    csv_response(
        format!("port-ins-{distributor_id}-{}.csv", today()),
        store::CSV_HEADER,
        move |offset| {
            let (state, scope) = (state.clone(), scope.clone());
            let args = store::ListArgs { offset, ..args.clone() };
            async move {
                let rows = store::list(&state.pool, &scope, &args, state.clock.now()).await?;
                Ok((store::csv_lines(&rows), rows.len()))
            }
        },
    )
}
