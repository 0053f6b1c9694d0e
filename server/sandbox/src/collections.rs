//! The generic, stateful engine behind the API's CRUD-shaped resources:
//! products, packages and their items, services and their items, message and
//! voice routes, workgroups and activities, webhooks, subscriptions, features,
//! thresholds and their assignments. Each is a named collection of records
//! owned by one Distributor (and optionally one Account); a foreign ID answers
//! exactly like a missing one.

use serde_json::{json, Map, Value};

use crate::api::{ApiError, Ctx};
use crate::validate::get;
use crate::world::Record;

/// How one collection maps onto the API's operations (keys are `METHOD /path`).
pub struct Collection {
    pub name: &'static str,
    pub prefix: &'static str,
    /// The ID field as responses spell it.
    pub id_field: &'static str,
    /// Other spellings requests use for the ID (`CallRouteID`, `FilterId`…).
    pub id_aliases: &'static [&'static str],
    /// A parent collection and the field naming the parent (`PackageId`).
    pub parent: Option<(&'static str, &'static str)>,
    pub create: &'static str,
    pub read: Option<&'static str>,
    pub update: Option<&'static str>,
    pub delete: Option<&'static str>,
    /// List operations, optionally filtered by the parent or `AccountId`.
    pub lists: &'static [&'static str],
    /// Also list records whose field equals the query parameter of the same name
    /// (e.g. subscriptions of a package by `PackageId`).
    pub list_by: &'static [&'static str],
    /// What "deleted" means in the response message.
    pub noun: &'static str,
    /// Every record belongs to one Account (see [`crate::accounts`]); the
    /// others are the Distributor's catalogue, shown to all its Accounts.
    pub account_scoped: bool,
}

pub const COLLECTIONS: &[Collection] = &[
    Collection {
        name: "products",
        prefix: "PRID",
        id_field: "ProductId",
        id_aliases: &["ProductID"],
        parent: None,
        create: "POST /v1.0/products",
        read: Some("GET /v1.0/products"),
        update: Some("POST /v1.0/products/update"),
        delete: Some("POST /v1.0/products/delete"),
        lists: &["GET /v1.0/account/products", "GET /v1.0/distributor/products"],
        list_by: &[],
        account_scoped: false,
        noun: "Product",
    },
    Collection {
        name: "packages",
        prefix: "PKID",
        id_field: "PackageId",
        id_aliases: &["PackageID"],
        parent: None,
        create: "POST /v1.0/packages",
        read: Some("GET /v1.0/packages"),
        update: Some("POST /v1.0/packages/update"),
        delete: Some("POST /v1.0/packages/delete"),
        lists: &["GET /v1.0/account/packages", "GET /v1.0/distributor/packages"],
        list_by: &[],
        account_scoped: false,
        noun: "Package",
    },
    Collection {
        name: "package_items",
        prefix: "PIID",
        id_field: "PackageItemId",
        id_aliases: &["PackageItemID"],
        parent: Some(("packages", "PackageId")),
        create: "POST /v1.0/packages/items/add",
        read: None,
        update: Some("POST /v1.0/packages/items/update"),
        delete: Some("POST /v1.0/packages/items/delete"),
        lists: &["GET /v1.0/packages/items"],
        list_by: &[],
        account_scoped: false,
        noun: "Package item",
    },
    Collection {
        name: "services",
        prefix: "SVID",
        id_field: "ServiceId",
        id_aliases: &["ServiceID"],
        parent: None,
        create: "POST /v1.0/services",
        read: Some("GET /v1.0/services"),
        update: Some("POST /v1.0/services/update"),
        delete: Some("POST /v1.0/services/delete"),
        lists: &["GET /v1.0/account/services"],
        list_by: &[],
        account_scoped: false,
        noun: "Service",
    },
    Collection {
        name: "service_items",
        prefix: "SIID",
        id_field: "ServiceItemId",
        id_aliases: &["ServiceItemID"],
        parent: Some(("services", "ServiceId")),
        create: "POST /v1.0/services/items/add",
        read: None,
        update: Some("POST /v1.0/services/items/update"),
        delete: Some("POST /v1.0/services/items/delete"),
        lists: &["GET /v1.0/services/items"],
        list_by: &[],
        account_scoped: false,
        noun: "Service item",
    },
    Collection {
        name: "message_routes",
        prefix: "MRID",
        id_field: "MessageRouteId",
        id_aliases: &["MessageRouteID"],
        parent: None,
        create: "POST /v1.0/message/routes",
        read: Some("GET /v1.0/message/routes"),
        update: Some("POST /v1.0/message/routes/update"),
        delete: Some("POST /v1.0/message/routes/delete"),
        lists: &["GET /v1.0/account/message/routes"],
        list_by: &[],
        account_scoped: true,
        noun: "Message route",
    },
    Collection {
        name: "voice_routes",
        prefix: "CRID",
        id_field: "CallRouteId",
        id_aliases: &["CallRouteID", "VoiceRouteId"],
        parent: None,
        create: "POST /v1.0/voice/routes",
        read: Some("GET /v1.0/voice/routes"),
        update: Some("POST /v1.0/voice/routes/update"),
        delete: Some("POST /v1.0/voice/routes/delete"),
        lists: &["GET /v1.0/account/voice/routes"],
        list_by: &[],
        account_scoped: true,
        noun: "Voice route",
    },
    Collection {
        name: "workgroups",
        prefix: "WID",
        id_field: "WorkgroupId",
        id_aliases: &["WorkgroupID"],
        parent: None,
        create: "POST /v1.0/workgroups",
        read: Some("GET /v1.0/workgroups"),
        update: Some("POST /v1.0/workgroups/update"),
        delete: Some("POST /v1.0/workgroups/delete"),
        lists: &["GET /v1.0/account/workgroups"],
        list_by: &[],
        account_scoped: true,
        noun: "Workgroup",
    },
    Collection {
        name: "workgroup_activities",
        prefix: "WAID",
        id_field: "WorkgroupActivityId",
        id_aliases: &["WorkgroupActivityID"],
        parent: Some(("workgroups", "WorkgroupId")),
        create: "POST /v1.0/workgroups/activity",
        read: None,
        update: Some("POST /v1.0/workgroups/activity/update"),
        delete: Some("POST /v1.0/workgroups/activity/delete"),
        lists: &[],
        list_by: &[],
        account_scoped: true,
        noun: "Workgroup activity",
    },
    Collection {
        name: "webhooks",
        prefix: "WHID",
        id_field: "WebhookId",
        id_aliases: &["WebhookID"],
        parent: None,
        create: "POST /v1.0/webhook/create",
        read: Some("GET /v1.0/webhook"),
        update: Some("POST /v1.0/webhook/update"),
        delete: Some("POST /v1.0/webhook/delete"),
        lists: &["GET /v1.0/account/webhooks"],
        list_by: &[],
        account_scoped: true,
        noun: "Webhook",
    },
    Collection {
        name: "subscriptions",
        prefix: "SUB",
        id_field: "SubscriptionId",
        id_aliases: &["SubscriptionID"],
        parent: None,
        create: "POST /v1.0/subscriptions",
        read: Some("GET /v1.0/subscriptions"),
        update: Some("POST /v1.0/subscriptions/update"),
        delete: Some("POST /v1.0/subscriptions/delete"),
        lists: &[
            "GET /v1.0/account/subscriptions",
            "GET /v1.0/distributor/subscriptions",
            "GET /v1.0/packages/subscriptions",
        ],
        list_by: &["PackageId"],
        account_scoped: true,
        noun: "Subscription",
    },
    Collection {
        name: "features",
        prefix: "FID",
        id_field: "FeatureId",
        id_aliases: &["FeatureID"],
        parent: None,
        create: "POST /v1.0/subscriptions/features/add",
        read: Some("GET /v1.0/subscriptions/features"),
        update: Some("POST /v1.0/subscriptions/features/update"),
        delete: Some("POST /v1.0/subscriptions/features/delete"),
        lists: &[],
        list_by: &[],
        account_scoped: true,
        noun: "Feature",
    },
    Collection {
        name: "feature_assignments",
        prefix: "FAID",
        id_field: "FeatureAssignmentId",
        id_aliases: &["FeatureAssignmentID", "AssignmentId"],
        parent: Some(("features", "FeatureId")),
        create: "POST /v1.0/subscriptions/features/assignments/add",
        read: None,
        update: Some("POST /v1.0/subscriptions/features/assignments/update"),
        delete: Some("POST /v1.0/subscriptions/features/assignments/delete"),
        lists: &["GET /v1.0/subscriptions/features/assignments"],
        list_by: &[],
        account_scoped: true,
        noun: "Feature assignment",
    },
    Collection {
        name: "thresholds",
        prefix: "THID",
        id_field: "ThresholdId",
        id_aliases: &["ThresholdID"],
        parent: None,
        create: "POST /v1.0/subscriptions/thresholds/add",
        read: Some("GET /v1.0/subscriptions/thresholds"),
        update: Some("POST /v1.0/subscriptions/thresholds/update"),
        delete: Some("POST /v1.0/subscriptions/thresholds/delete"),
        lists: &[],
        list_by: &[],
        account_scoped: true,
        noun: "Threshold",
    },
    Collection {
        name: "threshold_assignments",
        prefix: "TAID",
        id_field: "ThresholdAssignmentId",
        id_aliases: &["ThresholdAssignmentID", "AssignmentId"],
        parent: Some(("thresholds", "ThresholdId")),
        create: "POST /v1.0/subscriptions/thresholds/assignments/add",
        read: None,
        update: Some("POST /v1.0/subscriptions/thresholds/assignments/update"),
        delete: Some("POST /v1.0/subscriptions/thresholds/assignments/delete"),
        lists: &["GET /v1.0/subscriptions/thresholds/assignments"],
        list_by: &[],
        account_scoped: true,
        noun: "Threshold assignment",
    },
];

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    Create,
    Read,
    Update,
    Delete,
    List,
}

/// The collection and action behind an operation key, if it is a generic one.
pub fn route(key: &str) -> Option<(&'static Collection, Action)> {
    COLLECTIONS.iter().find_map(|c| {
        if c.create == key {
            Some((c, Action::Create))
        } else if c.read == Some(key) {
            Some((c, Action::Read))
        } else if c.update == Some(key) {
            Some((c, Action::Update))
        } else if c.delete == Some(key) {
            Some((c, Action::Delete))
        } else if c.lists.contains(&key) {
            Some((c, Action::List))
        } else {
            None
        }
    })
}

fn id_in(c: &Collection, input: &Value) -> Option<String> {
    std::iter::once(c.id_field)
        .chain(c.id_aliases.iter().copied())
        .chain(["FilterId"])
        .find_map(|name| {
            get(input, name)
                .and_then(Value::as_str)
                .map(str::trim)
                .filter(|s| !s.is_empty())
        })
        .map(str::to_string)
}

/// The record a read/update/delete names: by its own ID, or for nested
/// collections addressed by their parent only (service items are updated and
/// deleted by `ServiceId`), the parent's first item.
fn target_id(ctx: &Ctx<'_>, c: &Collection, did: &str) -> Result<String, ApiError> {
    if let Some(id) = id_in(c, ctx.input) {
        return Ok(id);
    }
    let Some((_, parent_field)) = c.parent else {
        return Err(ApiError::required(c.id_field));
    };
    let parent_id = get(ctx.input, parent_field)
        .and_then(Value::as_str)
        .ok_or_else(|| ApiError::required(c.id_field))?
        .to_string();
    let world = ctx.sandbox.snapshot();
    let found = world
        .collection(c.name)
        .find(|(_, r)| r.distributor_id == did && r.parent_id.as_deref() == Some(parent_id.as_str()))
        .map(|(id, _)| id.clone());
    found.ok_or_else(|| ApiError::not_found(c.noun))
}

pub fn handle(ctx: &Ctx<'_>, c: &'static Collection, action: Action) -> Result<Value, ApiError> {
    let did = ctx.distributor_id()?.to_string();
    let documented = ctx.op.response_shape.as_ref();
    match action {
        Action::Create => create(ctx, c, &did),
        Action::Read => {
            let id = target_id(ctx, c, &did)?;
            let world = ctx.sandbox.snapshot();
            let record = world
                .record_in(c.name, &did, &id)
                .ok_or_else(|| ApiError::not_found(c.noun))?;
            Ok(shape(documented, &view(record, documented)))
        }
        Action::Update => {
            let id = target_id(ctx, c, &did)?;
            let input = ctx.input.as_object().cloned().unwrap_or_default();
            // Moving a record to another Account: that Account must be the caller's.
            let new_account = if c.account_scoped { ctx.account_scope()? } else { None };
            let record = ctx.sandbox.mutate(|w| {
                let record = w
                    .records
                    .get_mut(c.name)
                    .and_then(|col| col.get_mut(&id))
                    .filter(|r| r.distributor_id == did)
                    .ok_or_else(|| ApiError::not_found(c.noun))?;
                for (k, v) in input {
                    let is_id = k.eq_ignore_ascii_case(c.id_field)
                        || c.id_aliases.iter().any(|a| a.eq_ignore_ascii_case(&k))
                        || k.eq_ignore_ascii_case("FilterId");
                    if !is_id {
                        record.fields.insert(canonical_key(&record.fields, &k), v);
                    }
                }
                if new_account.is_some() {
                    record.account_id = new_account;
                }
                Ok::<_, ApiError>(record.clone())
            })?;
            let mut out = shape(documented, &view(&record, documented));
            report_outcome(&mut out, documented, "Updated");
            set_message(&mut out, format!("{} updated successfully.", c.noun));
            Ok(out)
        }
        Action::Delete => {
            let id = target_id(ctx, c, &did)?;
            let parent_id = ctx.sandbox.mutate(|w| {
                let parent_id = w
                    .record_in(c.name, &did, &id)
                    .ok_or_else(|| ApiError::not_found(c.noun))?
                    .parent_id
                    .clone();
                in_use(w, c, &id)?;
                if let Some(col) = w.records.get_mut(c.name) {
                    col.remove(&id);
                }
                // Children go with their parent (a package's items…).
                for child in COLLECTIONS
                    .iter()
                    .filter(|k| k.parent.is_some_and(|(p, _)| p == c.name))
                {
                    if let Some(col) = w.records.get_mut(child.name) {
                        col.retain(|_, r| r.parent_id.as_deref() != Some(id.as_str()));
                    }
                }
                Ok(parent_id)
            })?;
            Ok(deleted(ctx, c, documented, &id, parent_id.as_deref()))
        }
        Action::List => list(ctx, c, &did),
    }
}

/// The delete answer in the documented shape: the ID under each documented
/// spelling (`MRID` too), `…Status: "Deleted"`, `Successful: true`.
fn deleted(ctx: &Ctx<'_>, c: &Collection, documented: Option<&Value>, id: &str, parent_id: Option<&str>) -> Value {
    let mut out = Map::new();
    out.insert("StatusCode".into(), json!(200));
    out.insert(c.id_field.into(), json!(id));
    if let Some(Value::Object(example)) = documented {
        for key in example.keys() {
            let names_the_record = key.eq_ignore_ascii_case(c.id_field)
                || key.eq_ignore_ascii_case(c.prefix)
                || c.id_aliases.iter().any(|a| a.eq_ignore_ascii_case(key));
            let value = if names_the_record {
                json!(id)
            } else if c.parent.is_some_and(|(_, field)| field.eq_ignore_ascii_case(key)) {
                json!(parent_id)
            } else if key.ends_with("Status") {
                json!("Deleted")
            } else if key == "Successful" {
                json!(true)
            } else if key == "DateDeleted" {
                json!(ctx.sandbox.snapshot().now().to_rfc3339())
            } else {
                Value::Null
            };
            out.insert(key.clone(), value);
        }
    }
    out.insert("Message".into(), json!(format!("{} deleted successfully.", c.noun)));
    Value::Object(out)
}

/// The documented outcome keys of a create or update: `Successful: true` and a
/// `…Status` the example shows as "Created" / "Updated".
fn report_outcome(out: &mut Value, documented: Option<&Value>, word: &str) {
    let (Some(Value::Object(example)), Some(out)) = (documented, out.as_object_mut()) else {
        return;
    };
    for (key, value) in example {
        if key == "Successful" {
            out.insert(key.clone(), json!(true));
        } else if key.ends_with("Status")
            && value
                .as_str()
                .is_some_and(|v| ["Created", "Updated"].iter().any(|w| w.eq_ignore_ascii_case(v)))
        {
            out.insert(key.clone(), json!(word));
        }
    }
}

fn create(ctx: &Ctx<'_>, c: &'static Collection, did: &str) -> Result<Value, ApiError> {
    let mut fields: Map<String, Value> = ctx.input.as_object().cloned().unwrap_or_default();
    let world = ctx.sandbox.snapshot();
    let parent = match c.parent {
        Some((parent, field)) => {
            let id = get(ctx.input, field)
                .and_then(Value::as_str)
                .ok_or_else(|| ApiError::required(field))?
                .to_string();
            let parent_noun = COLLECTIONS
                .iter()
                .find(|k| k.name == parent)
                .map_or("Parent", |k| k.noun);
            let record = world
                .record_in(parent, did, &id)
                .ok_or_else(|| ApiError::not_found(parent_noun))?;
            Some((id, record.account_id.clone()))
        }
        None => None,
    };
    references_exist(&world, did, ctx.input)?;
    if c.name == "subscriptions" {
        one_subscription_per_number(&world, did, ctx.input)?;
        derive_sim(&world, did, &mut fields);
    }
    // A package created with its items: each becomes a package item, as
    // `packages/items/add` would make it (and is listed by `packages/items`).
    let inline_items = if c.name == "packages" {
        inline_package_items(&world, did, &mut fields)?
    } else {
        Vec::new()
    };
    drop(world);
    // A child lives in its parent's Account; other Account-scoped records
    // follow the one rule; the catalogue may name an Account or none.
    let account_id = match (&parent, c.account_scoped) {
        (Some((_, Some(account))), _) => Some(account.clone()),
        (_, true) => Some(crate::accounts::owning_account(ctx)?),
        (_, false) => ctx.account_scope()?,
    };
    let documented = ctx.op.response_shape.as_ref();
    // A new record is active until someone says otherwise.
    if documented.is_some_and(|d| get(d, "Active").is_some()) && get(&Value::Object(fields.clone()), "Active").is_none()
    {
        fields.insert("Active".into(), json!(true));
    }
    let record = ctx.sandbox.mutate(|w| {
        let id = w.new_id(c.prefix);
        fields.insert(c.id_field.into(), json!(id));
        let record = Record {
            distributor_id: did.into(),
            account_id,
            parent_id: parent.map(|(id, _)| id),
            fields,
        };
        for mut item in inline_items {
            let item_id = w.new_id("PIID");
            item.insert("PackageItemId".into(), json!(item_id));
            item.insert("PackageId".into(), json!(id));
            item.entry("Active").or_insert(json!(true));
            let child = Record {
                distributor_id: did.into(),
                account_id: record.account_id.clone(),
                parent_id: Some(id.clone()),
                fields: item,
            };
            w.insert_record("package_items", item_id, child);
        }
        w.insert_record(c.name, id, record.clone());
        record
    });
    let mut out = shape(documented, &view(&record, documented));
    report_outcome(&mut out, documented, "Created");
    set_message(&mut out, format!("{} created successfully.", c.noun));
    Ok(out)
}

/// The `PackageItems` of a package create, taken out of its fields: each
/// must name a product of the Distributor.
fn inline_package_items(
    world: &crate::World,
    did: &str,
    fields: &mut Map<String, Value>,
) -> Result<Vec<Map<String, Value>>, ApiError> {
    let key = fields.keys().find(|k| k.eq_ignore_ascii_case("PackageItems")).cloned();
    let Some(Value::Array(items)) = key.and_then(|k| fields.remove(&k)) else {
        return Ok(Vec::new());
    };
    let mut out = Vec::new();
    for item in items {
        let Value::Object(item) = item else {
            return Err(ApiError::bad_request("Each of PackageItems is an object."));
        };
        let product = get(&Value::Object(item.clone()), "ProductId")
            .and_then(Value::as_str)
            .filter(|s| !s.is_empty())
            .ok_or_else(|| ApiError::required("PackageItems.ProductId"))?
            .to_string();
        if world.record_in("products", did, &product).is_none() {
            return Err(ApiError::not_found("Product"));
        }
        out.push(item);
    }
    Ok(out)
}

/// A subscription names its number (`TNID`): the SIM is the number's own, so
/// an ICCID left out is the line's, never a made-up one.
fn derive_sim(world: &crate::World, did: &str, fields: &mut Map<String, Value>) {
    let tnid = get(&Value::Object(fields.clone()), "TNID")
        .and_then(Value::as_str)
        .map(str::to_string);
    let has_iccid = get(&Value::Object(fields.clone()), "ICCID").is_some_and(|v| !v.is_null());
    let number = tnid.and_then(|t| {
        world
            .numbers
            .get(&t)
            .filter(|n| world.account_in(did, &n.account_id).is_some())
    });
    if let (Some(n), false) = (number, has_iccid) {
        fields.insert("ICCID".into(), json!(n.iccid));
    }
}

/// The reference's list `Filter` is a status ("Active", "Inactive"; "All" is
/// no filter): read from the record's `Active` flag or `Status`. Any other
/// word matches records with a text field containing it.
fn matches_filter(fields: &Map<String, Value>, filter: &str) -> bool {
    if filter == "active" || filter == "inactive" {
        let active = match (fields.get("Active"), fields.get("Status")) {
            (Some(Value::Bool(flag)), _) => *flag,
            (_, Some(Value::String(status))) => status.eq_ignore_ascii_case("active"),
            _ => true,
        };
        return active == (filter == "active");
    }
    fields
        .values()
        .any(|v| v.as_str().is_some_and(|s| s.to_lowercase().contains(filter)))
}

/// The `Filter` a list answer echoes: as sent, or "All" when none was.
pub fn echoed_filter(input: &Value) -> String {
    get(input, "Filter")
        .and_then(Value::as_str)
        .map(str::trim)
        .filter(|f| !f.is_empty())
        .unwrap_or("All")
        .to_string()
}

fn list(ctx: &Ctx<'_>, c: &'static Collection, did: &str) -> Result<Value, ApiError> {
    let world = ctx.sandbox.snapshot();
    let account = get(ctx.input, "AccountId")
        .and_then(Value::as_str)
        .filter(|s| !s.is_empty());
    if let Some(account) = account {
        world
            .account_in(did, account)
            .ok_or_else(|| ApiError::not_found("Account"))?;
    }
    let parent = c
        .parent
        .and_then(|(_, field)| get(ctx.input, field).and_then(Value::as_str).map(str::to_string));
    if let (Some((parent_collection, _)), Some(parent_id)) = (c.parent, &parent) {
        if world.record_in(parent_collection, did, parent_id).is_none() {
            return Err(ApiError::not_found("Parent"));
        }
    }
    let by: Vec<(&str, &str)> = c
        .list_by
        .iter()
        .filter_map(|f| get(ctx.input, f).and_then(Value::as_str).map(|v| (*f, v)))
        .collect();
    // A list by another record (subscriptions of a package) is answered as
    // that record with the list inside, as the reference shows.
    let mut context = None;
    for (field, id) in &by {
        if let Some(owner) = COLLECTIONS.iter().find(|k| k.id_field.eq_ignore_ascii_case(field)) {
            let record = world
                .record_in(owner.name, did, id)
                .ok_or_else(|| ApiError::not_found(owner.noun))?;
            context = Some(record.clone());
        }
    }
    let filter = get(ctx.input, "Filter")
        .and_then(Value::as_str)
        .map(|f| f.trim().to_lowercase())
        .filter(|f| !f.is_empty() && f != "all");
    // Lists come bare or wrapped ({Total…, Filter, Results: [...]}), as the
    // reference's example for the operation shows.
    let example = ctx.op.response_shape.as_ref();
    let wrapper_field = match example {
        Some(Value::Object(map)) => map.iter().find(|(_, v)| v.is_array()).map(|(k, _)| k.clone()),
        _ => None,
    };
    let element = match (example, &wrapper_field) {
        (Some(Value::Array(items)), _) => items.first().cloned(),
        (Some(Value::Object(map)), Some(field)) => map[field].as_array().and_then(|a| a.first().cloned()),
        _ => None,
    };
    let rows: Vec<Value> = world
        .collection(c.name)
        .filter(|(_, r)| r.distributor_id == did)
        // The catalogue (no Account) is every Account's.
        .filter(|(_, r)| account.is_none_or(|a| r.account_id.as_deref().is_none_or(|own| own == a)))
        .filter(|(_, r)| parent.as_deref().is_none_or(|p| r.parent_id.as_deref() == Some(p)))
        .filter(|(_, r)| {
            by.iter()
                .all(|(f, v)| get(&Value::Object(r.fields.clone()), f).and_then(Value::as_str) == Some(*v))
        })
        .filter(|(_, r)| filter.as_deref().is_none_or(|f| matches_filter(&r.fields, f)))
        .map(|(_, r)| shape(element.as_ref(), &view(r, element.as_ref())))
        .collect();
    let (Some(Value::Object(wrapper)), Some(field)) = (example, wrapper_field) else {
        return Ok(Value::Array(rows));
    };
    let context = context.map(|r| view(&r, example));
    let mut out = Map::new();
    for (key, documented) in wrapper {
        let lower = key.to_ascii_lowercase();
        let value = if *key == field {
            Value::Array(rows.clone())
        } else if lower.starts_with("total") {
            json!(rows.len())
        } else if lower == "filter" {
            json!(echoed_filter(ctx.input))
        } else if let Some(found) = context
            .as_ref()
            .and_then(|fields| fields.iter().find(|(k, _)| k.eq_ignore_ascii_case(key)))
        {
            like(documented, found.1.clone())
        } else if lower == "distributorid" {
            json!(did)
        } else if lower == "accountid" {
            json!(account)
        } else {
            get(ctx.input, key).cloned().unwrap_or(Value::Null)
        };
        out.insert(key.clone(), value);
    }
    Ok(Value::Object(out))
}

/// The subscriptions of several subscribers (a page of them), as `GET
/// subscriptions` shows each, read in one pass over the collection.
pub fn subscriptions_by_subscriber(
    world: &crate::World,
    did: &str,
    subscriber_ids: &std::collections::HashSet<&str>,
) -> std::collections::HashMap<String, Vec<Value>> {
    let documented = crate::spec::find("GET", "/v1.0/subscriptions").and_then(|op| op.response_shape.as_ref());
    let mut out: std::collections::HashMap<String, Vec<Value>> = std::collections::HashMap::new();
    for (_, r) in world
        .collection("subscriptions")
        .filter(|(_, r)| r.distributor_id == did)
    {
        // The field looked up in place, not by copying every record's fields.
        let holder = r
            .fields
            .iter()
            .find(|(k, _)| k.eq_ignore_ascii_case("SubscriberId"))
            .and_then(|(_, v)| v.as_str());
        if let Some(holder) = holder.filter(|h| subscriber_ids.contains(h)) {
            out.entry(holder.to_string())
                .or_default()
                .push(shape(documented, &view(r, documented)));
        }
    }
    out
}

/// IDs a create refers to (routes, package, subscriber) must exist in scope.
fn references_exist(world: &crate::World, did: &str, input: &Value) -> Result<(), ApiError> {
    for (field, collection, noun) in [
        ("PackageId", "packages", "Package"),
        ("ProductId", "products", "Product"),
        ("MessageRouteId", "message_routes", "Message route"),
    ] {
        if let Some(id) = get(input, field).and_then(Value::as_str).filter(|s| !s.is_empty()) {
            if world.record_in(collection, did, id).is_none() {
                return Err(ApiError::not_found(noun));
            }
        }
    }
    if let Some(id) = get(input, "SubscriberId")
        .and_then(Value::as_str)
        .filter(|s| !s.is_empty())
    {
        let visible = world
            .subscribers
            .get(id)
            .is_some_and(|s| world.account_in(did, &s.account_id).is_some());
        if !visible {
            return Err(ApiError::not_found("Subscriber"));
        }
    }
    Ok(())
}

/// A subscription belongs to one number: a second for the same number is refused.
fn one_subscription_per_number(world: &crate::World, did: &str, input: &Value) -> Result<(), ApiError> {
    let Some(tnid) = get(input, "TNID").and_then(Value::as_str).filter(|s| !s.is_empty()) else {
        return Ok(());
    };
    let taken = world
        .collection("subscriptions")
        .filter(|(_, r)| r.distributor_id == did)
        .any(|(_, r)| get(&Value::Object(r.fields.clone()), "TNID").and_then(Value::as_str) == Some(tnid));
    if taken {
        return Err(ApiError::unprocessable(format!(
            "Number {tnid} already has a subscription. Delete it before creating another."
        )));
    }
    Ok(())
}

/// Deleting something still referenced needs reassignment first.
fn in_use(world: &crate::World, c: &Collection, id: &str) -> Result<(), ApiError> {
    let used_by_number = match c.name {
        "message_routes" => world
            .numbers
            .values()
            .any(|n| n.message_route_id.as_deref() == Some(id)),
        "voice_routes" => world.numbers.values().any(|n| n.voice_route_id.as_deref() == Some(id)),
        _ => false,
    };
    let used_by_subscription = c.name == "packages"
        && world
            .collection("subscriptions")
            .any(|(_, r)| get(&Value::Object(r.fields.clone()), "PackageId").and_then(Value::as_str) == Some(id));
    if used_by_number || used_by_subscription {
        return Err(ApiError::unprocessable(format!(
            "{} {id} is in use. Reassign what uses it before deleting.",
            c.noun
        )));
    }
    Ok(())
}

/// Keeps the stored key's spelling when a request uses another case.
fn canonical_key(fields: &Map<String, Value>, key: &str) -> String {
    fields
        .keys()
        .find(|k| k.eq_ignore_ascii_case(key))
        .cloned()
        .unwrap_or_else(|| key.to_string())
}

/// A record as it is shown: its fields, and what the platform derives from
/// its owner (its Account, and its Distributor where the reference shows one).
pub fn view(record: &Record, documented: Option<&Value>) -> Map<String, Value> {
    let mut fields = record.fields.clone();
    if let Some(account) = &record.account_id {
        fields.insert(canonical_key(&fields, "AccountId"), json!(account));
    }
    if documented.is_some_and(|d| get(d, "DistributorId").is_some()) {
        fields.insert(canonical_key(&fields, "DistributorId"), json!(record.distributor_id));
    }
    fields
}

/// A record in the shape of the reference's example: the example's keys with
/// the record's values (in the example's JSON type), `null` where the record
/// has none (an example value is never data), then the record's other fields.
pub fn shape(example: Option<&Value>, fields: &Map<String, Value>) -> Value {
    let mut out = Map::new();
    if let Some(Value::Object(map)) = example {
        for (k, documented) in map {
            let value = fields
                .iter()
                .find(|(fk, _)| fk.eq_ignore_ascii_case(k))
                .map_or(Value::Null, |(_, v)| like(documented, v.clone()));
            out.insert(k.clone(), value);
        }
    }
    for (k, v) in fields {
        if !out.keys().any(|ok| ok.eq_ignore_ascii_case(k)) {
            out.insert(k.clone(), v.clone());
        }
    }
    Value::Object(out)
}

/// `value` in the JSON type the reference documents for it, when it can be
/// read that way: `"25.00"` is the number 25 where prices are numbers, 5060 is
/// `"5060"` where ports are text, `"true"` is `true` where flags are booleans.
pub fn like(documented: &Value, value: Value) -> Value {
    match (documented, &value) {
        (Value::Number(_), Value::String(s)) => s.trim().parse::<f64>().map_or(value, number),
        (Value::Number(_), Value::Number(n)) => n.as_f64().map_or(value, number),
        (Value::Bool(_), Value::String(s)) => match s.trim().to_ascii_lowercase().as_str() {
            "true" => Value::Bool(true),
            "false" => Value::Bool(false),
            _ => value,
        },
        (Value::String(_), Value::Number(n)) => Value::String(n.to_string()),
        _ => value,
    }
}

/// A whole number as an integer (`20`, not `20.0`), anything else as it is.
pub fn number(n: f64) -> Value {
    if n.fract() == 0.0 && n.abs() < 1e15 {
        json!(n as i64)
    } else {
        json!(n)
    }
}

fn set_message(out: &mut Value, message: String) {
    if let Some(map) = out.as_object_mut() {
        let key = map
            .keys()
            .find(|k| k.eq_ignore_ascii_case("Message"))
            .cloned()
            .unwrap_or("Message".into());
        map.insert(key, json!(message));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::spec::operations;

    #[test]
    fn every_collection_operation_exists_in_the_reference() {
        for c in COLLECTIONS {
            let keys = [Some(c.create), c.read, c.update, c.delete]
                .into_iter()
                .flatten()
                .chain(c.lists.iter().copied());
            for key in keys {
                assert!(
                    operations().iter().any(|op| op.key() == key),
                    "{key} is not in the reference"
                );
            }
        }
    }

    #[test]
    fn shape_keeps_the_example_keys_with_the_records_values_only() {
        let example = json!({"ProductId": "PRID-x", "SKU": "ABC", "CreatedDate": "2025-01-01"});
        let mut fields = Map::new();
        fields.insert("productid".into(), json!("PRID-1"));
        fields.insert("Extra".into(), json!(1));
        let out = shape(Some(&example), &fields);
        assert_eq!(out["ProductId"], "PRID-1");
        assert_eq!(out["SKU"], Value::Null, "an example value is not data");
        assert_eq!(out["Extra"], 1);
    }
}
