//! Voice routes (issue 16): a pair of SIP trunks checked at the field
//! (addresses, ports, priority and weight), a webhook's secret write-only,
//! a route lines use not deleted, and an Account's routes missing for
//! everyone outside it.

use axum::http::StatusCode;
use serde_json::Value;
use telegent_portal::Portal;

use crate::common::{account_id, portal, urlencode, Browser, ACME_ADMIN};

const TOKEN: &str = "voice-tok-0a1b2c3d4e5f";

/// A voice-route form; `fields` replace the defaults (a one-trunk route).
fn form(account: &str, id: &str, fields: &[(&str, &str)]) -> String {
    let mut values: Vec<(&str, String)> = [
        ("account_id", account),
        ("call_route_id", id),
        ("route_name", "Office PBX"),
        ("route_type", "Trunk"),
        ("voice_url", ""),
        ("voice_url_method", "POST"),
        ("voice_authentication_type", "None"),
        ("voice_username", ""),
        ("voice_password_token", ""),
        ("callback_voice_url", ""),
        ("callback_voice_url_method", "POST"),
        ("trunk_ip1", "203.0.113.10"),
        ("trunk_port1", "5060"),
        ("trunk_transport1", "UDP"),
        ("trunk_uri1", ""),
        ("trunk_enabled1", "on"),
        ("trunk1_priority", "10"),
        ("trunk1_weight", "50"),
        ("trunk_ip2", ""),
        ("trunk_port2", ""),
        ("trunk_transport2", "UDP"),
        ("trunk_uri2", ""),
        ("trunk2_priority", ""),
        ("trunk2_weight", ""),
        ("ip_allow_list", ""),
        ("route_enabled", "on"),
    ]
    .into_iter()
    .map(|(k, v)| (k, v.to_string()))
    .collect();
    for (k, v) in fields {
        match values.iter_mut().find(|(name, _)| name == k) {
            Some(slot) => slot.1 = v.to_string(),
            None => values.push((k, v.to_string())),
        }
    }
    values
        .into_iter()
        .map(|(k, v)| format!("{k}={}", urlencode(&v)))
        .collect::<Vec<_>>()
        .join("&")
}

fn routes_named(portal: &Portal, name: &str) -> Vec<(String, telegent_sandbox::Record)> {
    let world = portal.sandbox.as_ref().unwrap().0.snapshot();
    let found = world
        .collection("voice_routes")
        .filter(|(_, r)| r.fields.get("RouteName").and_then(Value::as_str) == Some(name))
        .map(|(id, r)| (id.clone(), r.clone()))
        .collect();
    found
}

fn done(answer: &crate::common::Answer) -> bool {
    answer.status.is_success() || answer.status.is_redirection()
}

#[tokio::test]
async fn trunks_are_checked_at_the_field_and_a_pair_is_sent_as_typed() {
    let portal = portal().await;
    let mut admin = Browser::signed_in(&portal, ACME_ADMIN).await;
    let doe = account_id(&portal, "Doe Family");
    for (fields, field) in [
        (vec![("trunk_ip1", "pbx.example.com")], "trunk_ip1"),
        (vec![("trunk_port1", "70000")], "trunk_port1"),
        (vec![("trunk_transport1", "SCTP")], "trunk_transport1"),
        (vec![("trunk1_priority", "-1")], "trunk1_priority"),
        (vec![("trunk1_weight", "65536")], "trunk1_weight"),
        (vec![("trunk_uri1", "ftp://pbx")], "trunk_uri1"),
        (vec![("trunk_ip2", "198.51.100.7"), ("trunk_port2", "")], "trunk_port2"),
        (vec![("ip_allow_list", "203.0.113.10, not-an-ip")], "ip_allow_list"),
        (vec![("route_name", " ")], "route_name"),
        (vec![("route_type", "Carrier pigeon")], "route_type"),
    ] {
        let body = form(&doe, "", &fields);
        let refused = admin.call("routes/voice-save", &body).await;
        assert_eq!(
            refused.status,
            StatusCode::UNPROCESSABLE_ENTITY,
            "{fields:?}: {refused:?}"
        );
        assert!(refused.body.contains(field), "{field}: {}", refused.body);
    }
    assert!(routes_named(&portal, "Office PBX").is_empty(), "nothing sent");

    let made = admin
        .call(
            "routes/voice-save",
            &form(
                &doe,
                "",
                &[
                    ("trunk_ip2", "198.51.100.7"),
                    ("trunk_port2", "5061"),
                    ("trunk_transport2", "TLS"),
                    ("trunk_uri2", "sips:pbx2.example.com"),
                    ("trunk_enabled2", "on"),
                    ("trunk2_priority", "20"),
                    ("trunk2_weight", "50"),
                    ("ip_allow_list", "203.0.113.10\n198.51.100.7"),
                ],
            ),
        )
        .await;
    assert!(done(&made), "{made:?}");
    let (id, record) = routes_named(&portal, "Office PBX").pop().expect("created");
    assert!(id.starts_with("CRID"), "{id}");
    assert_eq!(record.account_id.as_deref(), Some(doe.as_str()));
    let f = &record.fields;
    assert_eq!(
        (f["TrunkIp1"].as_str(), f["TrunkIp2"].as_str()),
        (Some("203.0.113.10"), Some("198.51.100.7"))
    );
    assert_eq!(f["TrunkTransport2"], "TLS");
    assert_eq!(f["TrunkUri2"], "sips:pbx2.example.com");
    let allow = serde_json::to_string(&f["IpWhitelist"]).unwrap();
    assert!(
        allow.contains("203.0.113.10") && allow.contains("198.51.100.7"),
        "{allow}"
    );

    // The page shows both trunks in failover order and that it takes time.
    let page = admin.get(&format!("/accounts/{doe}/routes/voice/{id}")).await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(
        page.body.contains("198.51.100.7") && page.body.contains("10 minutes"),
        "{}",
        page.body
    );

    // An update changes what was typed and keeps the rest.
    let saved = admin
        .call(
            "routes/voice-save",
            &form(&doe, &id, &[("trunk_port1", "5080"), ("route_name", "Office PBX")]),
        )
        .await;
    assert!(done(&saved), "{saved:?}");
    let (_, record) = routes_named(&portal, "Office PBX").pop().unwrap();
    assert_eq!(record.fields["TrunkPort1"].as_str(), Some("5080"));
    let audited: i64 = sqlx::query_scalar(
        "SELECT COUNT(*) FROM audit_log WHERE action IN ('CreateVoiceRoute', 'UpdateVoiceRoute') AND outcome = 'succeeded'",
    )
    .fetch_one(&portal.state.pool)
    .await
    .unwrap();
    assert_eq!(audited, 2);
}

#[tokio::test]
async fn a_webhook_secret_never_comes_back_and_a_route_in_use_stays() {
    let portal = portal().await;
    let mut admin = Browser::signed_in(&portal, ACME_ADMIN).await;
    let doe = account_id(&portal, "Doe Family");
    let webhook = |secret: &'static str| {
        form(
            &doe,
            "",
            &[
                ("route_name", "Call hook"),
                ("route_type", "URL"),
                ("voice_url", "https://calls.example.com/in"),
                ("voice_authentication_type", "Bearer"),
                ("voice_password_token", secret),
            ],
        )
    };
    let refused = admin.call("routes/voice-save", &webhook("")).await;
    assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(refused.body.contains("voice_password_token"), "{}", refused.body);
    let made = admin.call("routes/voice-save", &webhook(TOKEN)).await;
    assert!(done(&made), "{made:?}");
    let (id, record) = routes_named(&portal, "Call hook").pop().expect("created");
    assert_eq!(record.fields["VoicePasswordToken"], TOKEN);
    let detail = admin.call("routes/voice", &format!("account_id={doe}&id={id}")).await;
    assert_eq!(detail.status, StatusCode::OK);
    assert!(!detail.body.contains(TOKEN), "{}", detail.body);
    let edit = admin.get(&format!("/accounts/{doe}/routes/voice/{id}/edit")).await;
    assert_eq!(edit.status, StatusCode::OK);
    assert!(!edit.body.contains(TOKEN));
    let leaks: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM audit_log WHERE detail LIKE $1")
        .bind(format!("%{TOKEN}%"))
        .fetch_one(&portal.state.pool)
        .await
        .unwrap();
    assert_eq!(leaks, 0);

    // Another Distributor's admin: the route is missing, not forbidden.
    let mut other = Browser::signed_in(&portal, "admin@globex.example").await;
    let foreign = other.call("routes/voice", &format!("account_id={doe}&id={id}")).await;
    assert_eq!(foreign.status, StatusCode::NOT_FOUND);
    let foreign_delete = other
        .call("routes/voice-delete", &format!("account_id={doe}&id={id}&confirm=on"))
        .await;
    assert_eq!(foreign_delete.status, StatusCode::NOT_FOUND);
    assert_eq!(routes_named(&portal, "Call hook").len(), 1);

    // The seeded route carries the family's lines: refused, lines named.
    let (seeded, _) = routes_named(&portal, "Doe Family voice").pop().expect("seeded");
    let in_use = admin
        .call(
            "routes/voice-delete",
            &format!("account_id={doe}&id={seeded}&confirm=on"),
        )
        .await;
    assert_eq!(in_use.status, StatusCode::UNPROCESSABLE_ENTITY, "{in_use:?}");
    assert!(in_use.body.contains("(801) 555-01"), "{}", in_use.body);
    assert_eq!(routes_named(&portal, "Doe Family voice").len(), 1);
    let unconfirmed = admin
        .call("routes/voice-delete", &format!("account_id={doe}&id={id}"))
        .await;
    assert_eq!(unconfirmed.status, StatusCode::UNPROCESSABLE_ENTITY);
    let deleted = admin
        .call("routes/voice-delete", &format!("account_id={doe}&id={id}&confirm=on"))
        .await;
    assert!(done(&deleted), "{deleted:?}");
    assert!(routes_named(&portal, "Call hook").is_empty());
    let outcomes: Vec<(String,)> =
        sqlx::query_as("SELECT outcome FROM audit_log WHERE action = 'DeleteVoiceRoute' ORDER BY id")
            .fetch_all(&portal.state.pool)
            .await
            .unwrap();
    let outcomes: Vec<&str> = outcomes.iter().map(|(o,)| o.as_str()).collect();
    assert_eq!(outcomes, ["denied", "succeeded"]);
}
