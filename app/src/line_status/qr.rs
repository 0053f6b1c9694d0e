//! The eSIM activation QR code, drawn on the server as SVG: the page shows
//! it as an image with the activation text beside it to copy, and the
//! browser bundle carries no QR code.

use qrcode::render::svg;
use qrcode::{EcLevel, QrCode};

/// An SVG of `text` as a QR code (empty when it can't be encoded: the text
/// is still shown to copy).
pub fn svg_of(text: &str) -> String {
    if text.is_empty() {
        return String::new();
    }
    match QrCode::with_error_correction_level(text.as_bytes(), EcLevel::M) {
        Ok(code) => code
            .render::<svg::Color<'_>>()
            .min_dimensions(192, 192)
            .quiet_zone(true)
            .build(),
        Err(_) => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_activation_string_becomes_an_svg_and_nothing_stays_nothing() {
        let svg = svg_of("LPA:1$smdp.example.com$K2-ABCD-1234");
        assert!(svg.contains("<svg") && svg.contains("</svg>"), "{svg}");
        assert!(svg.contains("<path"), "modules drawn");
        assert_eq!(svg_of(""), "");
    }
}
