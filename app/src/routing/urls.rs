//! The addresses a route calls: `https` only, but plain `http` to this
//! machine when the Distributor's API is the sandbox on this machine (so
//! demos and tests can point routes at a local receiver).

/// Whether `address` names this machine.
pub fn is_loopback(address: &str) -> bool {
    url::Url::parse(address).is_ok_and(|url| match url.host() {
        Some(url::Host::Domain(name)) => name.eq_ignore_ascii_case("localhost"),
        Some(url::Host::Ipv4(ip)) => ip.is_loopback(),
        Some(url::Host::Ipv6(ip)) => ip.is_loopback(),
        None => false,
    })
}

/// The URL as typed, checked: absolute, `https` (or `http` to loopback on
/// the sandbox), a host, no user name or password in it.
pub fn checked(typed: &str, sandbox: bool) -> Result<String, &'static str> {
    const HOW: &str = "Enter the full address, like https://hooks.example.com/telegent.";
    let url = url::Url::parse(typed.trim()).map_err(|_| HOW)?;
    if url.host().is_none() {
        return Err(HOW);
    }
    match url.scheme() {
        "https" => {}
        "http" if sandbox && is_loopback(url.as_str()) => {}
        "http" => return Err("Use https:// (Telegent sends messages only to secure addresses)."),
        _ => return Err(HOW),
    }
    if !url.username().is_empty() || url.password().is_some() {
        return Err("Leave credentials out of the address: choose Basic or Bearer authentication below.");
    }
    Ok(url.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn https_everywhere_http_only_to_loopback_on_the_sandbox() {
        assert!(checked("https://hooks.example.com/in", false).is_ok());
        assert!(checked("http://hooks.example.com/in", false).is_err());
        assert!(checked("http://hooks.example.com/in", true).is_err());
        assert!(checked("http://127.0.0.1:9000/in", true).is_ok());
        assert!(checked("http://127.0.0.1:9000/in", false).is_err());
        assert!(checked("https://user:pw@hooks.example.com/", false).is_err());
        assert!(checked("hooks.example.com", false).is_err());
        assert!(checked("javascript:alert(1)", false).is_err());
        assert!(is_loopback("http://localhost:3101"));
        assert!(!is_loopback("https://api.telegent.com"));
    }
}
