//! What the bulk reservation pages show and post.

use serde::{Deserialize, Serialize};

/// The form's answers (a GET reload chooses the Account first), or the
/// run to show (`run`).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct BulkQuery {
    #[serde(default)]
    pub distributor: String,
    #[serde(default)]
    pub account: String,
    #[serde(default)]
    pub run: String,
    /// `mvno` or `iot`.
    #[serde(default)]
    pub kind: String,
    /// `a2p` or `p2p`.
    #[serde(default)]
    pub message: String,
    /// One of Telegent's four product types.
    #[serde(default)]
    pub product: String,
    #[serde(default)]
    pub area: String,
    #[serde(default)]
    pub count: String,
    #[serde(default)]
    pub route: String,
    #[serde(default)]
    pub voice_route: String,
    #[serde(default)]
    pub confirm: Option<String>,
    /// A run of this Account to resume instead of a new one.
    #[serde(default)]
    pub resume: String,
    /// The form's fresh key: the run's ID comes from it, so a second click
    /// or a retried post starts no second run.
    #[serde(default)]
    pub key: String,
}

pub const PRODUCTS: [&str; 4] = ["Sms-Only", "Data-Only", "Sms+Data", "Sms+Data+Voice"];

/// What a product type turns on: (SMS, voice, data).
pub fn capabilities_of(product: &str) -> Option<(bool, bool, bool)> {
    PRODUCTS.contains(&product).then(|| {
        (
            product.contains("Sms"),
            product.contains("Voice"),
            product.contains("Data"),
        )
    })
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct BulkView {
    /// A Platform admin's Distributor (the `distributor` parameter).
    pub distributor: String,
    pub distributor_name: String,
    pub choose_distributor: Vec<(String, String)>,
    pub accounts: Vec<(String, String)>,
    pub account_name: String,
    pub routes: Vec<(String, String)>,
    pub voice_routes: Vec<(String, String)>,
    pub most: u32,
    /// The start form's key (see `BulkQuery::key`).
    pub key: String,
    pub run: Option<BulkRun>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct BulkRun {
    pub run_id: String,
    pub account_id: String,
    pub account_name: String,
    pub area_code: String,
    pub product_type: String,
    pub requested: u32,
    pub created_by: String,
    pub created_at: String,
    /// A runner works on it now (the page follows it).
    pub running: bool,
    pub items: Vec<BulkItem>,
    /// Stopped with items not ordered, and the caller may order them.
    pub can_resume: bool,
}

impl BulkRun {
    pub fn ordered(&self) -> usize {
        self.items.iter().filter(|i| i.state == "ordered").count()
    }
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct BulkItem {
    pub position: u32,
    /// waiting | ordered | failed
    pub state: String,
    pub msisdn: String,
    pub number_id: String,
    pub problem: String,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_product_type_says_what_is_on() {
        assert_eq!(capabilities_of("Sms+Data+Voice"), Some((true, true, true)));
        assert_eq!(capabilities_of("Data-Only"), Some((false, false, true)));
        assert_eq!(capabilities_of("sms-only"), None);
    }
}
