//! The demo platform: what a fresh sandbox contains. The credentials below are
//! documented in the README; they only ever open this sandbox.

use crate::world::*;

/// The platform (Aggregator) credential: may create Distributors.
pub const AGGREGATOR_KEY: &str = "AGID-5a4d6f1e-0000-4000-8000-sandbox00001";
pub const AGGREGATOR_SECRET: &str = "sandbox-aggregator-secret";

/// Acme Mobile, the demo Distributor the portal uses by default.
pub const ACME_KEY: &str = "DID-acme0001-5c1e-4b7a-9f00-0000000a11ce";
pub const ACME_SECRET: &str = "acme-sandbox-secret";
/// A second Distributor, so tenancy can be shown and tested.
pub const GLOBEX_KEY: &str = "DID-910b0002-7d2f-4c8b-a100-00000000b0b0";
pub const GLOBEX_SECRET: &str = "globex-sandbox-secret";

fn address(street: &str, city: &str, state: &str, zip: &str) -> Address {
    Address {
        street1: Some(street.into()),
        street2: None,
        city: Some(city.into()),
        state: Some(state.into()),
        zip: Some(zip.into()),
        country: Some("US".into()),
    }
}

struct Line<'a> {
    msisdn: &'a str,
    number_type: &'a str,
    product_type: &'a str,
}

const fn mobile(msisdn: &str) -> Line<'_> {
    Line {
        msisdn,
        number_type: "mvno",
        product_type: "Sms+Data+Voice",
    }
}

const fn iot(msisdn: &str) -> Line<'_> {
    Line {
        msisdn,
        number_type: "iot",
        product_type: "Data-Only",
    }
}

/// Builds the demo world for `seed`.
pub fn demo_world(seed: u64) -> World {
    let mut w = World {
        seed,
        ..World::default()
    };
    let acme = add_distributor(
        &mut w,
        ACME_KEY,
        "Acme Mobile",
        ACME_SECRET,
        address("100 Carrier Way", "Salt Lake City", "UT", "84101"),
    );
    let globex = add_distributor(
        &mut w,
        GLOBEX_KEY,
        "Globex Wireless",
        GLOBEX_SECRET,
        address("9 Signal Rd", "Austin", "TX", "78701"),
    );

    add_catalog(&mut w, &acme);
    add_catalog(&mut w, &globex);

    let doe = add_account(
        &mut w,
        &acme,
        "Doe Family",
        address("42 Maple Ave", "Provo", "UT", "84601"),
    );
    add_subscriber(
        &mut w,
        &doe,
        "Jane Doe",
        "jane.doe@example.com",
        "Manager",
        &[mobile("+18015550101")],
    );
    add_subscriber(
        &mut w,
        &doe,
        "Sam Doe",
        "sam.doe@example.com",
        "Subscriber",
        &[mobile("+18015550102")],
    );
    add_subscriber(
        &mut w,
        &doe,
        "Lily Doe",
        "lily.doe@example.com",
        "Subscriber",
        &[mobile("+18015550103")],
    );

    let bakery = add_account(
        &mut w,
        &acme,
        "Bright Bakery LLC",
        address("7 Market St", "Ogden", "UT", "84401"),
    );
    add_subscriber(
        &mut w,
        &bakery,
        "Omar Haddad",
        "omar@brightbakery.example",
        "Manager",
        &[mobile("+13855550110")],
    );
    add_subscriber(
        &mut w,
        &bakery,
        "Bakery Devices",
        "devices@brightbakery.example",
        "Subscriber",
        &[iot("+13855550111"), iot("+13855550112"), iot("+13855550113")],
    );

    let smith = add_account(
        &mut w,
        &globex,
        "Smith Family",
        address("5 Oak Ln", "Austin", "TX", "78702"),
    );
    add_subscriber(
        &mut w,
        &smith,
        "John Smith",
        "john.smith@example.com",
        "Manager",
        &[mobile("+15125550120")],
    );
    add_subscriber(
        &mut w,
        &smith,
        "Emma Smith",
        "emma.smith@example.com",
        "Subscriber",
        &[mobile("+15125550121")],
    );
    w
}

fn add_distributor(w: &mut World, id: &str, name: &str, secret: &str, addr: Address) -> String {
    w.distributors.insert(
        id.to_string(),
        Distributor {
            id: id.into(),
            name: name.into(),
            secret: secret.into(),
            billing: addr.clone(),
            mailing: addr,
        },
    );
    id.to_string()
}

fn add_catalog(w: &mut World, distributor_id: &str) {
    let mut product_ids = Vec::new();
    for (sku, description, product_type, cost, frequency) in [
        ("ESIM-ACT", "eSIM activation", "esim", "1.50", "NRC"),
        ("DATA-5GB", "5 GB monthly data", "data", "4.00", "MRC"),
        ("SMS-UNL", "Unlimited SMS/MMS", "sms", "1.00", "MRC"),
        ("IOT-100MB", "IoT data, 100 MB", "data", "0.75", "MRC"),
    ] {
        let id = w.new_id("PRID");
        product_ids.push(id.clone());
        w.products.insert(
            id.clone(),
            Product {
                id,
                distributor_id: distributor_id.into(),
                sku: sku.into(),
                description: description.into(),
                product_type: product_type.into(),
                cost: cost.into(),
                billing_frequency: frequency.into(),
            },
        );
    }
    for (name, description, price, items) in [
        (
            "Family Unlimited",
            "Talk, text and 5 GB of data per line",
            "25.00",
            &product_ids[0..3],
        ),
        ("IoT Basic", "100 MB of data for a device", "3.00", &product_ids[3..4]),
    ] {
        let id = w.new_id("PKID");
        w.packages.insert(
            id.clone(),
            Package {
                id,
                distributor_id: distributor_id.into(),
                name: name.into(),
                description: description.into(),
                price: price.into(),
                monthly: true,
                product_ids: items.to_vec(),
            },
        );
    }
}

fn add_account(w: &mut World, distributor_id: &str, name: &str, addr: Address) -> String {
    let id = w.new_id("AID");
    w.accounts.insert(
        id.clone(),
        Account {
            id: id.clone(),
            distributor_id: distributor_id.into(),
            name: name.into(),
            billing: addr.clone(),
            mailing: addr,
        },
    );
    let mrid = w.new_id("MRID");
    w.message_routes.insert(
        mrid.clone(),
        MessageRoute {
            id: mrid,
            account_id: id.clone(),
            name: format!("{name} messages"),
            message_url: "https://hooks.example.com/telegent/messages".into(),
            method: "POST".into(),
        },
    );
    let crid = w.new_id("CRID");
    w.voice_routes.insert(
        crid.clone(),
        VoiceRoute {
            id: crid,
            account_id: id.clone(),
            name: format!("{name} voice"),
            route_type: "Trunk".into(),
            trunk_ip1: Some("192.0.2.10".into()),
        },
    );
    id
}

fn add_subscriber(w: &mut World, account_id: &str, name: &str, email: &str, role: &str, lines: &[Line<'_>]) -> String {
    let id = w.new_id("TSUID");
    let mrid = w
        .message_routes
        .values()
        .find(|r| r.account_id == account_id)
        .map(|r| r.id.clone());
    let crid = w
        .voice_routes
        .values()
        .find(|r| r.account_id == account_id)
        .map(|r| r.id.clone());
    for line in lines {
        let nid = w.new_id("NID");
        let iccid = format!("89010{:015}", w.id_counter * 7919 % 1_000_000_000_000_000);
        w.numbers.insert(
            nid.clone(),
            Number {
                id: nid,
                account_id: account_id.into(),
                subscriber_id: Some(id.clone()),
                msisdn: line.msisdn.into(),
                iccid,
                number_type: line.number_type.into(),
                product_type: line.product_type.into(),
                status: "active".into(),
                message_route_id: mrid.clone(),
                voice_route_id: if line.number_type == "iot" { None } else { crid.clone() },
            },
        );
    }
    w.subscribers.insert(
        id.clone(),
        Subscriber {
            id: id.clone(),
            account_id: account_id.into(),
            name: name.into(),
            email: email.into(),
            role: role.into(),
            phone_numbers: lines.iter().map(|l| l.msisdn.to_string()).collect(),
        },
    );
    id
}
