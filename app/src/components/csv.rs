//! CSV (RFC 4180) for the exports: quoted where needed, and cells a
//! spreadsheet would run as a formula prefixed by an apostrophe.

/// One cell.
pub fn cell(value: &str) -> String {
    let value = if value.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{value}")
    } else {
        value.to_string()
    };
    if value.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", value.replace('"', "\"\""))
    } else {
        value
    }
}

/// One line, with its CRLF.
pub fn line<S: AsRef<str>>(cells: &[S]) -> String {
    let mut out = cells.iter().map(|c| cell(c.as_ref())).collect::<Vec<_>>().join(",");
    out.push_str("\r\n");
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formulas_are_defused_and_quotes_doubled() {
        assert_eq!(
            line(&["=SUM(A1)", "a,b", "say \"hi\"", "+18015550100"]),
            "'=SUM(A1),\"a,b\",\"say \"\"hi\"\"\",'+18015550100\r\n"
        );
    }
}
