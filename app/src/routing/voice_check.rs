//! The voice-route form checked, every problem at its field: IPs and ports
//! valid, priority and weight in range, URLs `https` (plain `http` only to
//! loopback on the sandbox), what the route type needs present. The result
//! is what is sent, already parsed.

use std::net::IpAddr;

use super::model::METHODS;
use super::voice_model::{VoiceRouteForm, PRIORITY_MAX, TRANSPORTS};
use crate::error::AppError;

/// One trunk as sent.
#[derive(Debug, Clone, PartialEq)]
pub struct Trunk {
    pub ip: String,
    pub port: String,
    pub transport: String,
    pub uri: Option<String>,
    pub enabled: bool,
    pub priority: i64,
    pub weight: i64,
}

/// The form's values, checked.
#[derive(Debug, Clone, PartialEq)]
pub struct Checked {
    pub route_type: String,
    /// URL and Forward routes: where calls go.
    pub voice_url: Option<String>,
    pub callback_url: Option<String>,
    pub trunks: [Option<Trunk>; 2],
    pub ip_allow_list: Vec<String>,
}

/// Addresses typed one per line or separated by commas or spaces.
pub fn allow_list(typed: &str) -> Vec<&str> {
    typed
        .split(|c: char| c == ',' || c.is_whitespace())
        .filter(|s| !s.is_empty())
        .collect()
}

fn number_in(typed: &str, low: i64, high: i64) -> Option<i64> {
    typed.trim().parse::<i64>().ok().filter(|n| (low..=high).contains(n))
}

/// A trunk URI: `sip:`/`sips:` or an `https` address.
fn trunk_uri_ok(typed: &str, sandbox: bool) -> bool {
    let t = typed.trim();
    let lower = t.to_ascii_lowercase();
    if let Some(rest) = lower.strip_prefix("sips:").or_else(|| lower.strip_prefix("sip:")) {
        return !rest.is_empty() && !rest.contains(char::is_whitespace);
    }
    super::urls::checked(t, sandbox).is_ok()
}

struct TrunkFields<'a> {
    n: u8,
    ip: &'a str,
    port: &'a str,
    transport: &'a str,
    uri: &'a str,
    enabled: bool,
    priority: &'a str,
    weight: &'a str,
}

fn trunk(t: TrunkFields<'_>, sandbox: bool, problems: &mut Vec<AppError>) -> Option<Trunk> {
    let n = t.n;
    let field = |name: &str| match name {
        "priority" => format!("trunk{n}_priority"),
        "weight" => format!("trunk{n}_weight"),
        other => format!("trunk_{other}{n}"),
    };
    let before = problems.len();
    let ip = t.ip.trim();
    if ip.parse::<IpAddr>().is_err() {
        problems.push(AppError::invalid(
            &field("ip"),
            "Enter the trunk's IP address, like 203.0.113.10 (IPv4) or 2001:db8::10 (IPv6).",
        ));
    }
    if number_in(t.port, 1, 65_535).is_none() {
        problems.push(AppError::invalid(
            &field("port"),
            "Enter a port from 1 to 65535 (SIP is usually 5060, or 5061 for TLS).",
        ));
    }
    if !TRANSPORTS.contains(&t.transport.trim()) {
        problems.push(AppError::invalid(&field("transport"), "Choose UDP, TCP or TLS."));
    }
    if !t.uri.trim().is_empty() && !trunk_uri_ok(t.uri, sandbox) {
        problems.push(AppError::invalid(
            &field("uri"),
            "Enter a sip: URI (like sip:pbx.example.com) or an https:// address.",
        ));
    }
    let range = format!("Enter a whole number from 0 to {PRIORITY_MAX}.");
    let priority = number_in(t.priority, 0, PRIORITY_MAX);
    if priority.is_none() {
        problems.push(AppError::invalid(
            &field("priority"),
            format!("{range} Lower numbers are tried first."),
        ));
    }
    let weight = number_in(t.weight, 0, PRIORITY_MAX);
    if weight.is_none() {
        problems.push(AppError::invalid(
            &field("weight"),
            format!("{range} It shares calls among trunks of equal priority."),
        ));
    }
    (problems.len() == before).then(|| Trunk {
        ip: ip.to_string(),
        port: t.port.trim().to_string(),
        transport: t.transport.trim().to_string(),
        uri: Some(t.uri.trim().to_string()).filter(|u| !u.is_empty()),
        enabled: t.enabled,
        priority: priority.unwrap_or_default(),
        weight: weight.unwrap_or_default(),
    })
}

/// Checks the form. `sandbox`: the API is on this machine. `creating`: a
/// new route (a secret is needed for Basic or Bearer). `stored_auth`: the
/// authentication the route has at Telegent (an update can't remove it).
pub fn check(form: &VoiceRouteForm, sandbox: bool, creating: bool, stored_auth: &str) -> Result<Checked, AppError> {
    let mut problems = Vec::new();
    if form.route_name.trim().is_empty() {
        problems.push(AppError::invalid(
            "route_name",
            "Name the route, like “Main SIP trunk”.",
        ));
    }
    let route_type = form.route_type.trim().to_string();
    let mut voice_url = None;
    let mut trunks = [None, None];
    match route_type.as_str() {
        "Trunk" => {
            trunks[0] = trunk(
                TrunkFields {
                    n: 1,
                    ip: &form.trunk_ip1,
                    port: &form.trunk_port1,
                    transport: &form.trunk_transport1,
                    uri: &form.trunk_uri1,
                    enabled: form.trunk_enabled1.is_some(),
                    priority: &form.trunk1_priority,
                    weight: &form.trunk1_weight,
                },
                sandbox,
                &mut problems,
            );
            // The second trunk is optional: checked once anything of it is typed.
            if !form.trunk_ip2.trim().is_empty() || !form.trunk_uri2.trim().is_empty() {
                trunks[1] = trunk(
                    TrunkFields {
                        n: 2,
                        ip: &form.trunk_ip2,
                        port: &form.trunk_port2,
                        transport: &form.trunk_transport2,
                        uri: &form.trunk_uri2,
                        enabled: form.trunk_enabled2.is_some(),
                        priority: &form.trunk2_priority,
                        weight: &form.trunk2_weight,
                    },
                    sandbox,
                    &mut problems,
                );
            }
        }
        "URL" | "Forward" => match super::urls::checked(&form.voice_url, sandbox) {
            Ok(url) => voice_url = Some(url),
            Err(message) => problems.push(AppError::invalid("voice_url", message)),
        },
        _ => problems.push(AppError::invalid(
            "route_type",
            "Choose SIP trunk, Webhook URL or Forward.",
        )),
    }
    if route_type == "URL" {
        if !METHODS.contains(&form.voice_url_method.trim()) {
            problems.push(AppError::invalid("voice_url_method", "Choose POST or GET."));
        }
        let auth = form.voice_authentication_type.trim();
        match auth {
            "None" if !creating && !stored_auth.is_empty() && stored_auth != "None" => {
                problems.push(AppError::invalid(
                    "voice_authentication_type",
                    "Telegent can't turn a voice route's authentication off once set: keep Basic or Bearer, or create a new route without it and move the lines.",
                ));
            }
            "None" => {}
            "Basic" | "Bearer" => {
                if auth == "Basic" && form.voice_username.trim().is_empty() {
                    problems.push(AppError::invalid(
                        "voice_username",
                        "Enter the user name for Basic authentication.",
                    ));
                }
                // An edit keeps the stored secret when the field is left empty.
                let had_secret = !creating && stored_auth == auth;
                if form.voice_password_token.is_empty() && !had_secret {
                    problems.push(AppError::invalid(
                        "voice_password_token",
                        if auth == "Basic" {
                            "Enter the password."
                        } else {
                            "Enter the token."
                        },
                    ));
                }
            }
            _ => problems.push(AppError::invalid(
                "voice_authentication_type",
                "Choose None, Basic or Bearer.",
            )),
        }
    }
    let callback_url = match form.callback_voice_url.trim() {
        "" => None,
        typed => match super::urls::checked(typed, sandbox) {
            Ok(url) => Some(url),
            Err(message) => {
                problems.push(AppError::invalid("callback_voice_url", message));
                None
            }
        },
    };
    if callback_url.is_some() && !METHODS.contains(&form.callback_voice_url_method.trim()) {
        problems.push(AppError::invalid("callback_voice_url_method", "Choose POST or GET."));
    }
    let typed_ips = allow_list(&form.ip_allow_list);
    let wrong: Vec<&str> = typed_ips
        .iter()
        .copied()
        .filter(|ip| ip.parse::<IpAddr>().is_err())
        .collect();
    if !wrong.is_empty() {
        problems.push(AppError::invalid(
            "ip_allow_list",
            format!("Not an IP address: {}. Enter one address per line.", wrong.join(", ")),
        ));
    } else if typed_ips.len() > 50 {
        problems.push(AppError::invalid("ip_allow_list", "At most 50 addresses."));
    }
    if let Some(refused) = AppError::from_field_errors(problems) {
        return Err(refused);
    }
    let mut ip_allow_list: Vec<String> = Vec::new();
    for ip in typed_ips {
        let ip = ip.parse::<IpAddr>().map(|a| a.to_string()).unwrap_or_default();
        if !ip_allow_list.contains(&ip) {
            ip_allow_list.push(ip);
        }
    }
    Ok(Checked {
        route_type,
        voice_url,
        callback_url,
        trunks,
        ip_allow_list,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn trunk_form() -> VoiceRouteForm {
        VoiceRouteForm {
            route_name: "Main SIP".into(),
            route_type: "Trunk".into(),
            trunk_ip1: "20.87.87.87".into(),
            trunk_port1: "5061".into(),
            trunk_transport1: "TLS".into(),
            trunk_enabled1: Some("on".into()),
            trunk1_priority: "10".into(),
            trunk1_weight: "10".into(),
            trunk_transport2: "UDP".into(),
            ..Default::default()
        }
    }

    #[test]
    fn a_trunk_route_passes_with_one_trunk_and_the_second_is_checked_once_typed() {
        let ok = check(&trunk_form(), false, true, "").unwrap();
        assert_eq!(ok.trunks[0].as_ref().unwrap().priority, 10);
        assert!(ok.trunks[1].is_none());
        let mut second = trunk_form();
        second.trunk_ip2 = "not-an-ip".into();
        second.trunk_port2 = "70000".into();
        second.trunk2_priority = "-1".into();
        second.trunk2_weight = "x".into();
        let error = check(&second, false, true, "").unwrap_err();
        for field in ["trunk_ip2", "trunk_port2", "trunk2_priority", "trunk2_weight"] {
            assert!(error.field_message(field).is_some(), "{field}: {error:?}");
        }
        assert!(error.field_message("trunk_ip1").is_none());
    }

    #[test]
    fn ips_ports_ranges_and_uris_are_refused_at_their_fields() {
        let mut bad = trunk_form();
        bad.trunk_ip1 = "300.1.1.1".into();
        bad.trunk_port1 = "0".into();
        bad.trunk_transport1 = "SCTP".into();
        bad.trunk_uri1 = "ftp://pbx".into();
        bad.trunk1_priority = "65536".into();
        bad.ip_allow_list = "20.20.10.10\nnope".into();
        let error = check(&bad, false, true, "").unwrap_err();
        for field in [
            "trunk_ip1",
            "trunk_port1",
            "trunk_transport1",
            "trunk_uri1",
            "trunk1_priority",
            "ip_allow_list",
        ] {
            assert!(error.field_message(field).is_some(), "{field}: {error:?}");
        }
        assert!(error.field_message("ip_allow_list").unwrap().contains("nope"));
        let mut good = trunk_form();
        good.trunk_ip1 = "2001:db8::10".into();
        good.trunk_uri1 = "sip:pbx.example.com".into();
        good.ip_allow_list = "20.20.10.10, 20.20.10.10 2001:db8::1".into();
        let ok = check(&good, false, true, "").unwrap();
        assert_eq!(ok.ip_allow_list, ["20.20.10.10", "2001:db8::1"]);
    }

    #[test]
    fn url_routes_need_https_and_their_secret_and_cannot_drop_auth_on_update() {
        let url = VoiceRouteForm {
            route_name: "App".into(),
            route_type: "URL".into(),
            voice_url: "http://calls.example.com/in".into(),
            voice_url_method: "POST".into(),
            voice_authentication_type: "Bearer".into(),
            ..Default::default()
        };
        let error = check(&url, false, true, "").unwrap_err();
        assert!(error.field_message("voice_url").is_some());
        assert!(error.field_message("voice_password_token").is_some());
        let mut local = url.clone();
        local.voice_url = "http://127.0.0.1:9000/voice".into();
        local.voice_password_token = "t0ken".into();
        assert!(check(&local, true, true, "").is_ok());
        // An edit keeps the stored token when left empty…
        local.voice_password_token.clear();
        assert!(check(&local, true, false, "Bearer").is_ok());
        // …but can't remove authentication (the API's update has no None).
        local.voice_authentication_type = "None".into();
        assert!(check(&local, true, false, "Bearer")
            .unwrap_err()
            .field_message("voice_authentication_type")
            .is_some());
    }
}
