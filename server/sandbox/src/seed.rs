//! The demo platform: what a fresh sandbox contains. The credentials below are
//! documented in the README; they only ever open this sandbox.

use serde_json::json;

use crate::seed_catalog::{add_account_catalog, add_catalog, add_services};
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
        "Priya Shah",
        "priya@brightbakery.example",
        "Account Admin",
        &[],
    );
    add_subscriber(
        &mut w,
        &bakery,
        "Bakery Devices",
        "devices@brightbakery.example",
        "Subscriber",
        &[iot("+13855550111"), iot("+13855550112"), iot("+13855550113")],
    );
    // Spare SIMs nobody holds yet and nothing bills: staff give them to a
    // person (and the home lists them until then).
    add_spare_line(&mut w, &bakery, iot("+13855550114"));
    add_spare_line(&mut w, &bakery, iot("+13855550115"));
    add_account_catalog(&mut w, &acme, &bakery, "BAKERY-POS", "Bakery card readers");

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
        "Carlos Smith",
        "carlos.smith@example.com",
        "Account Admin",
        &[],
    );
    add_subscriber(
        &mut w,
        &smith,
        "Emma Smith",
        "emma.smith@example.com",
        "Subscriber",
        &[mobile("+15125550121")],
    );
    add_account_catalog(&mut w, &globex, &smith, "SMITH-TRAVEL", "Smith travel add-on");
    // Last, so every ID seeded before keeps its value.
    add_services(&mut w, &acme);
    add_services(&mut w, &globex);
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

pub(crate) fn record(
    w: &mut World,
    collection: &str,
    prefix: &str,
    id_field: &str,
    owner: (&str, Option<&str>),
    fields: serde_json::Value,
) -> String {
    let id = w.new_id(prefix);
    let mut fields = fields.as_object().cloned().unwrap_or_default();
    fields.insert(id_field.into(), json!(id));
    let record = Record {
        distributor_id: owner.0.into(),
        account_id: owner.1.map(str::to_string),
        parent_id: None,
        fields,
    };
    w.insert_record(collection, id.clone(), record);
    id
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
            created_seq: w.id_counter,
        },
    );
    let message_route = json!({
        "RouteName": format!("{name} messages"),
        "MessageUrl": "https://hooks.example.com/telegent/messages",
        "MessageUrlMethod": "POST",
        "MessageAuthenticationType": "None",
        "IntelligentRouteEnabled": true,
        "MessageRouteEnabled": true,
        "AccountId": id,
    });
    record(
        w,
        "message_routes",
        "MRID",
        "MessageRouteId",
        (distributor_id, Some(&id)),
        message_route,
    );
    let voice_route = json!({
        "RouteName": format!("{name} voice"),
        "RouteType": "Trunk",
        "TrunkIp1": "192.0.2.10",
        "TrunkPort1": 5060,
        "TrunkTransport1": "UDP",
        "TrunkEnabled1": true,
        "AccountId": id,
    });
    record(
        w,
        "voice_routes",
        "CRID",
        "CallRouteId",
        (distributor_id, Some(&id)),
        voice_route,
    );
    id
}

/// What a new subscriber's lines are wired to: the Account's routes and the
/// Distributor's two demo packages (looked up once per Account, not per line).
struct Wiring {
    mrid: Option<String>,
    crid: Option<String>,
    family_package: Option<String>,
    iot_package: Option<String>,
}

fn wiring(w: &World, account_id: &str) -> Wiring {
    let route_of = |collection: &str| {
        w.collection(collection)
            .find(|(_, r)| r.account_id.as_deref() == Some(account_id))
            .map(|(id, _)| id.clone())
    };
    let distributor_id = &w.accounts[account_id].distributor_id;
    let package_named = |name: &str| {
        w.collection("packages")
            .find(|(_, r)| r.distributor_id == *distributor_id && r.fields["PackageName"] == name)
            .map(|(id, _)| id.clone())
    };
    Wiring {
        mrid: route_of("message_routes"),
        crid: route_of("voice_routes"),
        family_package: package_named("Family Unlimited"),
        iot_package: package_named("IoT Basic"),
    }
}

fn add_subscriber(w: &mut World, account_id: &str, name: &str, email: &str, role: &str, lines: &[Line<'_>]) -> String {
    let wired = wiring(w, account_id);
    add_wired_subscriber(w, &wired, account_id, name, email, role, lines)
}

fn add_wired_subscriber(
    w: &mut World,
    wired: &Wiring,
    account_id: &str,
    name: &str,
    email: &str,
    role: &str,
    lines: &[Line<'_>],
) -> String {
    let id = w.new_id("TSUID");
    let (mrid, crid) = (&wired.mrid, &wired.crid);
    let distributor_id = w.accounts[account_id].distributor_id.clone();
    for line in lines {
        let nid = w.new_id("NID");
        let iccid = format!("89010{:015}", w.id_counter * 7919 % 1_000_000_000_000_000);
        // Every demo line is billed: one subscription per number.
        let package = if line.number_type == "iot" {
            &wired.iot_package
        } else {
            &wired.family_package
        };
        if let Some(package_id) = package {
            let fields = json!({
                "SubscriberId": id, "TNID": nid, "ICCID": iccid, "PackageId": package_id,
                "Type": line.number_type, "Active": true,
            });
            record(
                w,
                "subscriptions",
                "SUB",
                "SubscriptionId",
                (&distributor_id, Some(account_id)),
                fields,
            );
        }
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
                data_limits: None,
                renewal: None,
                used_kb: 0,
                voicemail: None,
                cancelled_at: None,
                portout_order: None,
                sim_status: Some("Active".into()),
                message_type: Some("p2p".into()),
                ..Number::default()
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

/// A line of the Account with no subscriber and no subscription.
fn add_spare_line(w: &mut World, account_id: &str, line: Line<'_>) {
    let wired = wiring(w, account_id);
    let nid = w.new_id("NID");
    let iccid = format!("89010{:015}", w.id_counter * 7919 % 1_000_000_000_000_000);
    w.numbers.insert(
        nid.clone(),
        Number {
            id: nid,
            account_id: account_id.into(),
            subscriber_id: None,
            msisdn: line.msisdn.into(),
            iccid,
            number_type: line.number_type.into(),
            product_type: line.product_type.into(),
            status: "active".into(),
            message_route_id: wired.mrid,
            voice_route_id: None,
            sim_status: Some("Active".into()),
            message_type: Some("p2p".into()),
            ..Number::default()
        },
    );
}

/// Grows a Distributor to `accounts` Accounts of realistic shape, for
/// benchmarks and demos (`serve --scale N`; off by default): about four
/// subscribers and six lines per Account, so 2,000 Accounts hold ~8,000
/// subscribers and ~12,000 numbers. Some Accounts have no Manager or two,
/// some lines are near or past their limit, and a few numbers have no
/// subscriber, so the staff pages have something to point at. Accounts
/// already there count: growing twice to the same size adds nothing.
pub fn scale(w: &mut World, distributor_id: &str, accounts: usize) -> usize {
    const FIRST: [&str; 12] = [
        "Ava", "Ben", "Chloe", "Dev", "Elena", "Finn", "Grace", "Hiro", "Isla", "Jonas", "Kemi", "Luca",
    ];
    const LAST: [&str; 10] = [
        "Nguyen", "Okafor", "Patel", "Quinn", "Rossi", "Silva", "Tanaka", "Usman", "Varga", "Weber",
    ];
    const CITIES: [(&str, &str, &str); 4] = [
        ("Provo", "UT", "84601"),
        ("Boise", "ID", "83702"),
        ("Reno", "NV", "89501"),
        ("Tucson", "AZ", "85701"),
    ];
    let existing = w
        .accounts
        .values()
        .filter(|a| a.distributor_id == distributor_id)
        .count();
    let mut added = 0;
    // Set in one pass at the end (numbers are keyed by NID, not MSISDN).
    let mut used_kb: std::collections::HashMap<String, u64> = std::collections::HashMap::new();
    let mut orphans: std::collections::HashSet<String> = std::collections::HashSet::new();
    for i in existing..accounts {
        let family = LAST[i % LAST.len()];
        let (city, state, zip) = CITIES[i % CITIES.len()];
        let name = format!("{family} Household {i:04}");
        let account = add_account(
            w,
            distributor_id,
            &name,
            address(&format!("{} Scale St", 100 + i), city, state, zip),
        );
        // Numbers from +1 720 200 0000 on: clear of the demo's numbers.
        let next_line = |k: usize| format!("+1720{:07}", 2_000_000 + i * 8 + k);
        let (l0, l1, l2, l3, l4, l5) = (
            next_line(0),
            next_line(1),
            next_line(2),
            next_line(3),
            next_line(4),
            next_line(5),
        );
        let manager_role = if i % 50 == 7 { "Subscriber" } else { "Manager" };
        let person = |k: usize| format!("{} {family}", FIRST[(i + k) % FIRST.len()]);
        let email = |k: usize| format!("p{i:04}.{k}@scale.example");
        let wired = wiring(w, &account);
        let add = |w: &mut World, k: usize, role: &str, lines: &[Line<'_>]| {
            add_wired_subscriber(w, &wired, &account, &person(k), &email(k), role, lines);
        };
        add(w, 0, manager_role, &[mobile(&l0), mobile(&l1)]);
        let second_role = if i % 97 == 3 { "Manager" } else { "Subscriber" };
        add(w, 1, second_role, &[mobile(&l2)]);
        add(w, 2, "Subscriber", &[mobile(&l3)]);
        add(w, 3, "Subscriber", &[mobile(&l4), mobile(&l5)]);
        // Data use: most lines light, every 13th near its limit, every 29th past it.
        for (k, msisdn) in [&l0, &l1, &l2, &l3, &l4, &l5].into_iter().enumerate() {
            let used = match (i * 6 + k) % 29 {
                0 => 25_000,
                n if n % 13 == 0 => 17_000,
                n => (n as u64) * 150,
            };
            used_kb.insert(msisdn.clone(), used);
        }
        // Every 40th Account has a line nobody holds (an orphan).
        if i % 40 == 11 {
            orphans.insert(l5.clone());
        }
        added += 1;
    }
    for number in w.numbers.values_mut() {
        if let Some(used) = used_kb.get(&number.msisdn) {
            number.used_kb = *used;
        }
        if orphans.contains(&number.msisdn) {
            number.subscriber_id = None;
        }
    }
    for subscriber in w.subscribers.values_mut() {
        subscriber.phone_numbers.retain(|n| !orphans.contains(n));
    }
    added
}
