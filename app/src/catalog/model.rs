//! What the catalog pages show and post: Products, Packages and their items.

use serde::{Deserialize, Serialize};

use super::money::{Frequency, Money};

/// Whose a catalog record is: the Distributor's (every Account sees it) or
/// one Account's own.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum Owner {
    Distributor,
    Account { id: String, name: String },
}

impl Owner {
    pub fn label(&self) -> String {
        match self {
            Owner::Distributor => "Distributor catalog".into(),
            Owner::Account { name, .. } => format!("{name} only"),
        }
    }
}

/// The list filter: the API's `Filter` (Active / Inactive; none is all).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum Shown {
    #[default]
    Active,
    Inactive,
    All,
}

impl Shown {
    pub fn from_query(word: Option<&str>) -> Shown {
        match word.unwrap_or_default() {
            "inactive" => Shown::Inactive,
            "all" => Shown::All,
            _ => Shown::Active,
        }
    }

    pub fn query(self) -> &'static str {
        match self {
            Shown::Active => "active",
            Shown::Inactive => "inactive",
            Shown::All => "all",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Shown::Active => "Active",
            Shown::Inactive => "Inactive",
            Shown::All => "All",
        }
    }

    pub fn keeps(self, active: bool) -> bool {
        match self {
            Shown::Active => active,
            Shown::Inactive => !active,
            Shown::All => true,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ProductRow {
    pub id: String,
    pub sku: String,
    pub description: String,
    pub kind: String,
    pub sub_type: String,
    /// Wholesale cost: shown to Distributor staff only (`None` otherwise).
    pub cost: Option<Money>,
    pub frequency: Option<Frequency>,
    /// The API's word when it is none the portal knows.
    pub frequency_word: String,
    pub active: bool,
    pub owner: Owner,
}

impl ProductRow {
    pub fn frequency_label(&self) -> String {
        self.frequency
            .map_or_else(|| self.frequency_word.clone(), |f| f.label().to_string())
    }

    pub fn cost_label(&self) -> Option<String> {
        self.cost
            .map(|c| format!("{c}{}", self.frequency.map_or("", Frequency::suffix)))
    }
}

/// A list page: its rows after the filter, and what the caller may do.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ListPage<R> {
    pub rows: Vec<R>,
    pub shown: Shown,
    pub search: String,
    /// Rows before the filter and search (for "3 of 12").
    pub total: usize,
    pub can_create: bool,
    /// A Platform admin's Distributor (empty for everyone else), kept in links.
    pub distributor_id: String,
    pub distributor_name: String,
    /// A Platform admin who named no Distributor chooses one (ID, name).
    #[serde(default)]
    pub choose_distributor: Vec<(String, String)>,
}

/// The product form, as typed (every field text, so a refused post comes
/// back as it was sent).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ProductForm {
    #[serde(default)]
    pub distributor_id: String,
    /// Empty: a new product.
    #[serde(default)]
    pub product_id: String,
    #[serde(default)]
    pub sku: String,
    #[serde(default)]
    pub description: String,
    #[serde(default)]
    pub kind: String,
    #[serde(default)]
    pub sub_type: String,
    #[serde(default)]
    pub cost: String,
    #[serde(default)]
    pub billing_frequency: String,
    /// Staff only: the product is one Account's own (empty: the Distributor's).
    #[serde(default)]
    pub for_account: String,
    /// Posted as "on" when ticked (edit only).
    #[serde(default)]
    pub active: Option<String>,
}

/// A form page: the form filled in, and the Accounts staff may give it to.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FormPage<F> {
    pub form: F,
    /// (AID, name): staff choose an owner; empty for an Account's people.
    pub accounts: Vec<(String, String)>,
    /// Distributor staff: the wholesale cost is theirs to see and set.
    #[serde(default)]
    pub staff: bool,
    pub distributor_name: String,
}

/// A package that uses a product, and the active subscriptions on it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PackageUse {
    /// The caller sees the package (another Account's is only counted).
    #[serde(skip)]
    pub visible: bool,
    pub package_id: String,
    pub package_name: String,
    pub subscriptions: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ProductDetail {
    pub product: ProductRow,
    pub used_by: Vec<PackageUse>,
    pub can_edit: bool,
    pub distributor_id: String,
    pub distributor_name: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PackageRow {
    pub id: String,
    pub name: String,
    pub description: String,
    pub kind: String,
    pub price: Money,
    pub monthly: bool,
    pub active: bool,
    pub items: usize,
    /// Price minus its items' product costs: Distributor staff only.
    pub margin: Option<Margin>,
    pub owner: Owner,
}

/// What the Distributor keeps of a package's price: the price minus the
/// wholesale cost of its products, recurring and one-time apart (a monthly
/// price pays the monthly costs; one-time costs are paid once per line).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Margin {
    pub monthly_cost: Money,
    pub one_time_cost: Money,
    pub usage_items: usize,
    /// `price − monthly_cost` for a monthly package, `price − all costs` otherwise.
    pub margin: Money,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PackageItemRow {
    pub id: String,
    pub product_id: String,
    /// The product's SKU and description, when the product is still there.
    pub sku: String,
    pub description: String,
    pub price: Money,
    pub monthly: bool,
    pub kind: String,
    /// The product's wholesale cost (staff only).
    pub cost: Option<Money>,
    pub cost_frequency: Option<Frequency>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PackageDetail {
    pub package: PackageRow,
    pub items: Vec<PackageItemRow>,
    /// The active subscriptions on this package (SUB- IDs).
    pub subscriptions: Vec<String>,
    /// Products an item may be added from (SKU, description), for the picker.
    pub products: Vec<(String, String)>,
    pub can_edit: bool,
    pub distributor_id: String,
    pub distributor_name: String,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct PackageForm {
    #[serde(default)]
    pub distributor_id: String,
    #[serde(default)]
    pub package_id: String,
    #[serde(default)]
    pub package_name: String,
    #[serde(default)]
    pub description: String,
    #[serde(default)]
    pub kind: String,
    #[serde(default)]
    pub price: String,
    /// "on" when billed monthly.
    #[serde(default)]
    pub monthly: Option<String>,
    #[serde(default)]
    pub for_account: String,
    #[serde(default)]
    pub active: Option<String>,
}

/// An item added to or changed on a package.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ItemForm {
    #[serde(default)]
    pub distributor_id: String,
    #[serde(default)]
    pub package_id: String,
    /// Empty: a new item.
    #[serde(default)]
    pub package_item_id: String,
    #[serde(default)]
    pub product_id: String,
    #[serde(default)]
    pub item_price: String,
    #[serde(default)]
    pub item_monthly: Option<String>,
    #[serde(default)]
    pub item_kind: String,
}
