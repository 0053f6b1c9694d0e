//! What the services pages show and post. A service (Caller ID, a number
//! lookup) has Telegent's cost, which Distributor staff alone see, and
//! items: the price the Distributor charges for it.

use serde::{Deserialize, Serialize};

use super::money::Money;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ServiceRow {
    pub id: String,
    pub name: String,
    /// Distributor staff only (`None` otherwise).
    pub cost: Option<Money>,
    pub monthly: bool,
    pub active: bool,
}

/// A price of the service (the API gives items no ID: a service is priced
/// once per Distributor, and the price is changed or removed by service).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ServiceItemRow {
    pub distributor_id: String,
    pub price: Money,
    pub monthly: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ServiceDetail {
    pub service: ServiceRow,
    pub items: Vec<ServiceItemRow>,
    pub can_edit: bool,
    pub distributor_id: String,
    pub distributor_name: String,
}

/// The service form, as typed.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ServiceForm {
    #[serde(default)]
    pub distributor_id: String,
    /// Empty: a new service.
    #[serde(default)]
    pub service_id: String,
    #[serde(default)]
    pub service_name: String,
    #[serde(default)]
    pub cost: String,
    #[serde(default)]
    pub monthly: Option<String>,
    /// Edit only.
    #[serde(default)]
    pub active: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ServiceFormPage {
    pub form: ServiceForm,
    pub distributor_name: String,
}

/// Sets the service's price (added, or changed when it has one) or removes it.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ServiceItemForm {
    #[serde(default)]
    pub distributor_id: String,
    #[serde(default)]
    pub service_id: String,
    #[serde(default)]
    pub item_price: String,
    #[serde(default)]
    pub item_monthly: Option<String>,
    /// Removal: "on" when confirmed.
    #[serde(default)]
    pub confirm: Option<String>,
}
