//! AI Guardian: master switches, parent↔child relations, message and call
//! filters with incremental allow/block lists. One filter per subscriber,
//! phone and kind: a second create is the API's "Duplicate filter" error.

use serde_json::{json, Map, Value};

use super::{phone_list, subscriber_in_scope, Handler};
use crate::api::{ApiError, Ctx};
use crate::validate::get;
use crate::world::{Filter, GuardianRelation};

pub fn handler(key: &str) -> Option<Handler> {
    Some(match key {
        "GET /v1.0/subscribers/guardian-features" => features_read,
        "POST /v1.0/subscribers/guardian-features" => features_write,
        "POST /v1.0/subscribers/guardians/relation" => relation_create,
        "POST /v1.0/subscribers/guardians/relation/delete" => relation_delete,
        "GET /v1.0/subscribers/guardians/relation/parent" => relations_of_parent,
        "GET /v1.0/subscribers/guardians/relation/child" => relations_of_child,
        "POST /v1.0/subscribers/message-filter" => |c| filter_create(c, MESSAGE),
        "POST /v1.0/subscribers/call-filter" => |c| filter_create(c, CALL),
        "GET /v1.0/subscribers/message-filter" => |c| filters_read(c, MESSAGE),
        "GET /v1.0/subscribers/call-filter" => |c| filters_read(c, CALL),
        "POST /v1.0/subscribers/message-filter/update" => |c| filter_update(c, MESSAGE),
        "POST /v1.0/subscribers/call-filter/update" => |c| filter_update(c, CALL),
        "POST /v1.0/subscribers/message-filter/delete" => |c| filter_delete(c, MESSAGE),
        "POST /v1.0/subscribers/call-filter/delete" => |c| filter_delete(c, CALL),
        "POST /v1.0/subscribers/message-filter/allowed-contacts/add" => |c| list_edit(c, MESSAGE, List::Allowed, true),
        "POST /v1.0/subscribers/message-filter/allowed-contacts/remove" => {
            |c| list_edit(c, MESSAGE, List::Allowed, false)
        }
        "POST /v1.0/subscribers/message-filter/blocked-contacts/add" => |c| list_edit(c, MESSAGE, List::Blocked, true),
        "POST /v1.0/subscribers/message-filter/blocked-contacts/remove" => {
            |c| list_edit(c, MESSAGE, List::Blocked, false)
        }
        "POST /v1.0/subscribers/call-filter/allowed-numbers/add" => |c| list_edit(c, CALL, List::Allowed, true),
        "POST /v1.0/subscribers/call-filter/allowed-numbers/remove" => |c| list_edit(c, CALL, List::Allowed, false),
        "POST /v1.0/subscribers/call-filter/blocked-numbers/add" => |c| list_edit(c, CALL, List::Blocked, true),
        "POST /v1.0/subscribers/call-filter/blocked-numbers/remove" => |c| list_edit(c, CALL, List::Blocked, false),
        "GET /v1.0/subscribers/message-filter/allowed-contacts" => |c| list_read(c, MESSAGE, List::Allowed),
        "GET /v1.0/subscribers/message-filter/blocked-contacts" => |c| list_read(c, MESSAGE, List::Blocked),
        "GET /v1.0/subscribers/call-filter/allowed-numbers" => |c| list_read(c, CALL, List::Allowed),
        "GET /v1.0/subscribers/call-filter/blocked-numbers" => |c| list_read(c, CALL, List::Blocked),
        "GET /v1.0/subscribers/message-filter/keywords" => |c| keywords(c, MESSAGE),
        "GET /v1.0/subscribers/call-filter/keywords" => |c| keywords(c, CALL),
        _ => return None,
    })
}

/// What differs between message and call filters.
struct Kind {
    name: &'static str,
    prefix: &'static str,
    id_field: &'static str,
    allowed_field: &'static str,
    blocked_field: &'static str,
    /// The field naming the numbers in add/remove requests.
    edit_field: &'static str,
    /// Documented settings and what a new filter has when a request leaves
    /// one out: it applies both ways; nothing extra is blocked or recorded.
    defaults: &'static [(&'static str, Default)],
}

#[derive(Clone, Copy)]
enum Default {
    Yes,
    No,
    Nothing,
    NoNumbers,
}

impl Default {
    fn value(self) -> Value {
        match self {
            Default::Yes => json!(true),
            Default::No => json!(false),
            Default::Nothing => Value::Null,
            Default::NoNumbers => json!([]),
        }
    }
}

const MESSAGE: &Kind = &Kind {
    name: "message",
    prefix: "MFID",
    id_field: "MessageFilterId",
    allowed_field: "AllowedContacts",
    blocked_field: "BlockedContacts",
    edit_field: "Contacts",
    defaults: &[
        ("KeywordFilter", Default::Nothing),
        ("NotificationPhones", Default::NoNumbers),
        ("ApplyToOutbound", Default::Yes),
        ("ApplyToInbound", Default::Yes),
        ("BlockUnknownNumbers", Default::No),
        ("BlockLinks", Default::No),
        ("BlockMedia", Default::No),
    ],
};

const CALL: &Kind = &Kind {
    name: "call",
    prefix: "CFID",
    id_field: "CallFilterId",
    allowed_field: "AllowedNumbers",
    blocked_field: "BlockedNumbers",
    edit_field: "Numbers",
    defaults: &[
        ("EnableTranscription", Default::No),
        ("KeywordFilter", Default::Nothing),
        ("TranscriptionAction", Default::Nothing),
        ("WarningMessage", Default::Nothing),
        ("NotificationPhones", Default::NoNumbers),
        ("ApplyToOutbound", Default::Yes),
        ("ApplyToInbound", Default::Yes),
        ("BlockUnknownNumbers", Default::No),
        ("BlockInternational", Default::No),
        ("RecordFlaggedCalls", Default::No),
        ("TimeRestrictions", Default::Nothing),
    ],
};

#[derive(Clone, Copy)]
enum List {
    Allowed,
    Blocked,
}

fn features_json(id: &str, (calls, messages): (bool, bool)) -> Value {
    json!({ "SubscriberId": id, "EnableIntelligentGuardianCalls": calls, "EnableIntelligentGuardianMessages": messages })
}

fn features_read(ctx: &Ctx<'_>) -> Result<Value, ApiError> {
    let s = subscriber_in_scope(ctx, "SubscriberId")?;
    let state = ctx
        .sandbox
        .snapshot()
        .guardian_features
        .get(&s.id)
        .copied()
        .unwrap_or((false, false));
    Ok(features_json(&s.id, state))
}

fn flag(input: &Value, name: &str) -> Option<bool> {
    match get(input, name)? {
        Value::Bool(b) => Some(*b),
        Value::String(s) => Some(s.trim().eq_ignore_ascii_case("true")),
        _ => None,
    }
}

fn features_write(ctx: &Ctx<'_>) -> Result<Value, ApiError> {
    let s = subscriber_in_scope(ctx, "SubscriberId")?;
    let calls = flag(ctx.input, "EnableIntelligentGuardianCalls");
    let messages = flag(ctx.input, "EnableIntelligentGuardianMessages");
    let state = ctx.sandbox.mutate(|w| {
        let entry = w.guardian_features.entry(s.id.clone()).or_insert((false, false));
        if let Some(c) = calls {
            entry.0 = c;
        }
        if let Some(m) = messages {
            entry.1 = m;
        }
        *entry
    });
    Ok(features_json(&s.id, state))
}

fn relation_json(r: &GuardianRelation) -> Value {
    json!({ "ParentSubscriberId": r.parent_id, "ChildSubscriberId": r.child_id, "Relation": r.relation })
}

fn relation_create(ctx: &Ctx<'_>) -> Result<Value, ApiError> {
    let parent = subscriber_in_scope(ctx, "ParentSubscriberId")?;
    let child = subscriber_in_scope(ctx, "ChildSubscriberId")?;
    if parent.id == child.id {
        return Err(ApiError::bad_request(
            "The ChildSubscriberId field must name another subscriber.",
        ));
    }
    if parent.account_id != child.account_id {
        return Err(ApiError::unprocessable(
            "Guardian and child must belong to the same account.",
        ));
    }
    let relation = ctx.str_field("Relation").unwrap_or_else(|| "Parent".into());
    let r = GuardianRelation {
        parent_id: parent.id,
        child_id: child.id,
        relation,
    };
    ctx.sandbox.mutate(|w| {
        if w.guardian_relations
            .iter()
            .any(|x| x.parent_id == r.parent_id && x.child_id == r.child_id)
        {
            return Err(ApiError::unprocessable("This guardian relation already exists."));
        }
        w.guardian_relations.push(r.clone());
        Ok(())
    })?;
    Ok(relation_json(&r))
}

fn relation_delete(ctx: &Ctx<'_>) -> Result<Value, ApiError> {
    let parent = subscriber_in_scope(ctx, "ParentSubscriberId")?;
    let child = subscriber_in_scope(ctx, "ChildSubscriberId")?;
    let (removed, when) = ctx.sandbox.mutate(|w| {
        let at = w
            .guardian_relations
            .iter()
            .position(|x| x.parent_id == parent.id && x.child_id == child.id)
            .ok_or_else(|| ApiError::not_found("Guardian relation"))?;
        Ok::<_, ApiError>((w.guardian_relations.remove(at), w.now().to_rfc3339()))
    })?;
    Ok(json!({
        "Status": "Deleted", "DateDeleted": when,
        "ParentSubscriberId": removed.parent_id, "ChildSubscriberId": removed.child_id,
        "Relation": removed.relation, "Message": "Guardian relation removed.",
    }))
}

fn relations_of_parent(ctx: &Ctx<'_>) -> Result<Value, ApiError> {
    let parent = subscriber_in_scope(ctx, "ParentSubscriberId")?;
    let world = ctx.sandbox.snapshot();
    let children: Vec<Value> = world
        .guardian_relations
        .iter()
        .filter(|r| r.parent_id == parent.id)
        .map(relation_json)
        .collect();
    Ok(json!({ "ParentSubscriberId": parent.id, "Children": children }))
}

fn relations_of_child(ctx: &Ctx<'_>) -> Result<Value, ApiError> {
    let child = subscriber_in_scope(ctx, "ChildSubscriberId")?;
    let world = ctx.sandbox.snapshot();
    let parents: Vec<Value> = world
        .guardian_relations
        .iter()
        .filter(|r| r.child_id == child.id)
        .map(relation_json)
        .collect();
    Ok(json!({ "ChildSubscriberId": child.id, "Guardians": parents }))
}

fn filter_json(f: &Filter, kind: &Kind) -> Value {
    let mut out = Map::new();
    out.insert("FilterId".into(), json!(f.id));
    out.insert("SubscriberId".into(), json!(f.subscriber_id));
    out.insert("Phone".into(), json!(f.phone));
    for (k, v) in &f.settings {
        out.insert(k.clone(), v.clone());
    }
    for (k, default) in kind.defaults {
        if !out.keys().any(|have| have.eq_ignore_ascii_case(k)) {
            out.insert((*k).into(), default.value());
        }
    }
    out.insert(kind.allowed_field.into(), json!(f.allowed));
    out.insert(kind.blocked_field.into(), json!(f.blocked));
    Value::Object(out)
}

/// Fields stored as settings: everything but the identity and the lists.
fn settings_from(input: &Value, kind: &Kind) -> Map<String, Value> {
    let skip = [
        "FilterId",
        "SubscriberId",
        "Phone",
        "AccountId",
        kind.id_field,
        kind.allowed_field,
        kind.blocked_field,
    ];
    input
        .as_object()
        .map(|m| {
            m.iter()
                .filter(|(k, _)| !skip.iter().any(|s| s.eq_ignore_ascii_case(k)))
                .map(|(k, v)| (k.clone(), v.clone()))
                .collect()
        })
        .unwrap_or_default()
}

fn filter_create(ctx: &Ctx<'_>, kind: &'static Kind) -> Result<Value, ApiError> {
    let s = subscriber_in_scope(ctx, "SubscriberId")?;
    let phone = ctx.str_field("Phone").ok_or_else(|| ApiError::required("Phone"))?;
    if !s.phone_numbers.contains(&phone) {
        return Err(ApiError::bad_request(
            "The Phone field must be one of the subscriber's numbers.",
        ));
    }
    let mut filter = Filter {
        id: String::new(),
        kind: kind.name.into(),
        subscriber_id: s.id.clone(),
        phone,
        allowed: phone_list(ctx.input, kind.allowed_field),
        blocked: phone_list(ctx.input, kind.blocked_field),
        keywords: Vec::new(),
        settings: settings_from(ctx.input, kind),
    };
    let filter = ctx.sandbox.mutate(|w| {
        let duplicate = w
            .filters
            .values()
            .any(|f| f.kind == filter.kind && f.subscriber_id == filter.subscriber_id && f.phone == filter.phone);
        if duplicate {
            return Err(ApiError::unprocessable(
                "Duplicate filter found for this subscriber and phone. Update the existing filter instead.",
            ));
        }
        filter.id = w.new_id(kind.prefix);
        w.filters.insert(filter.id.clone(), filter.clone());
        Ok(filter)
    })?;
    Ok(filter_json(&filter, kind))
}

fn filters_read(ctx: &Ctx<'_>, kind: &'static Kind) -> Result<Value, ApiError> {
    let s = subscriber_in_scope(ctx, "SubscriberId")?;
    let phone = ctx.str_field("Phone");
    let world = ctx.sandbox.snapshot();
    let rows: Vec<Value> = world
        .filters
        .values()
        .filter(|f| f.kind == kind.name && f.subscriber_id == s.id)
        .filter(|f| phone.as_deref().is_none_or(|p| f.phone == p))
        .map(|f| filter_json(f, kind))
        .collect();
    Ok(Value::Array(rows))
}

/// The filter named by `FilterId` or the kind's own ID field, in scope.
fn filter_in_scope(ctx: &Ctx<'_>, kind: &Kind) -> Result<Filter, ApiError> {
    let id = ctx
        .str_field("FilterId")
        .or_else(|| ctx.str_field(kind.id_field))
        .ok_or_else(|| ApiError::required(kind.id_field))?;
    let did = ctx.distributor_id()?;
    let world = ctx.sandbox.snapshot();
    world
        .filters
        .get(&id)
        .filter(|f| f.kind == kind.name)
        .filter(|f| {
            world
                .subscribers
                .get(&f.subscriber_id)
                .is_some_and(|s| world.account_in(did, &s.account_id).is_some())
        })
        .cloned()
        .ok_or_else(|| ApiError::not_found("Filter"))
}

fn filter_update(ctx: &Ctx<'_>, kind: &'static Kind) -> Result<Value, ApiError> {
    let existing = filter_in_scope(ctx, kind)?;
    let settings = settings_from(ctx.input, kind);
    let allowed = get(ctx.input, kind.allowed_field).map(|_| phone_list(ctx.input, kind.allowed_field));
    let blocked = get(ctx.input, kind.blocked_field).map(|_| phone_list(ctx.input, kind.blocked_field));
    let updated = ctx.sandbox.mutate(|w| {
        let f = w
            .filters
            .get_mut(&existing.id)
            .ok_or_else(|| ApiError::not_found("Filter"))?;
        for (k, v) in settings {
            f.settings.insert(k, v);
        }
        if let Some(a) = allowed {
            f.allowed = a;
        }
        if let Some(b) = blocked {
            f.blocked = b;
        }
        Ok::<_, ApiError>(f.clone())
    })?;
    Ok(filter_json(&updated, kind))
}

fn filter_delete(ctx: &Ctx<'_>, kind: &'static Kind) -> Result<Value, ApiError> {
    let existing = filter_in_scope(ctx, kind)?;
    ctx.sandbox.mutate(|w| w.filters.remove(&existing.id));
    Ok(json!({ "Status": "Deleted", "FilterId": existing.id, "DateDeleted": chrono::Utc::now().to_rfc3339() }))
}

/// Adds or removes numbers one request at a time, leaving the rest of the list.
fn list_edit(ctx: &Ctx<'_>, kind: &'static Kind, list: List, add: bool) -> Result<Value, ApiError> {
    let existing = filter_in_scope(ctx, kind)?;
    let subscriber = subscriber_in_scope(ctx, "SubscriberId")?;
    if subscriber.id != existing.subscriber_id {
        return Err(ApiError::not_found("Filter"));
    }
    let numbers = phone_list(ctx.input, kind.edit_field);
    if numbers.is_empty() {
        return Err(ApiError::required(kind.edit_field));
    }
    let updated = ctx.sandbox.mutate(|w| {
        let f = w
            .filters
            .get_mut(&existing.id)
            .ok_or_else(|| ApiError::not_found("Filter"))?;
        let target = match list {
            List::Allowed => &mut f.allowed,
            List::Blocked => &mut f.blocked,
        };
        for n in numbers {
            if add && !target.contains(&n) {
                target.push(n);
            } else if !add {
                target.retain(|x| *x != n);
            }
        }
        Ok::<_, ApiError>(f.clone())
    })?;
    let (field, values) = match list {
        List::Allowed => (kind.allowed_field, &updated.allowed),
        List::Blocked => (kind.blocked_field, &updated.blocked),
    };
    Ok(json!({ "FilterId": updated.id, "SubscriberId": updated.subscriber_id, field: values }))
}

fn list_read(ctx: &Ctx<'_>, kind: &'static Kind, list: List) -> Result<Value, ApiError> {
    let f = filter_in_scope(ctx, kind)?;
    Ok(json!(match list {
        List::Allowed => f.allowed,
        List::Blocked => f.blocked,
    }))
}

/// The keyword rules: `KeywordFilter` is stringified JSON in requests.
fn keywords(ctx: &Ctx<'_>, kind: &'static Kind) -> Result<Value, ApiError> {
    let f = filter_in_scope(ctx, kind)?;
    let raw = f
        .settings
        .iter()
        .find(|(k, _)| k.eq_ignore_ascii_case("KeywordFilter"))
        .map(|(_, v)| v.clone());
    Ok(match raw {
        Some(Value::String(s)) => serde_json::from_str(&s)
            .or_else(|_| serde_json::from_str(&format!("{{{s}}}")))
            .unwrap_or_else(|_| json!({ "CustomKeywords": [] })),
        Some(v @ Value::Object(_)) => v,
        _ => json!({ "CustomKeywords": [], "SystemKeywords": {}, "SeverityMap": {} }),
    })
}
