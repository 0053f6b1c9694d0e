//! Issue 14's audit findings: each answer holds only what was sent and what
//! the platform derives, in the documented keys and types.

mod common;

use common::Api;
use serde_json::{json, Value};
use telegent_sandbox::seed;

/// Values the reference's examples use that must never come back as data.
const PLACEHOLDERS: &[&str] = &[
    "8901240397190002080",
    "admin",
    "passwordORbearerToken",
    "https://apiendpoint.com",
    "20.87.87.86",
    "HMI8802029",
    "eSim 3",
    "12345",
    "AID-ab12345-2725-45a1-bd5e-526ed19799xx",
    "DID-1e24785ab-3f3c-7db1-89d7-956d80fdnn2",
    "AGID-1e24785ab-3f3c-7db1-89d7-956d80fdnn2",
    "AGID-A49349FB-170E-44BF-B61E-DCC65A3FEA1A",
];

fn assert_no_placeholder(value: &Value) {
    let text = value.to_string();
    for p in PLACEHOLDERS {
        assert!(!text.contains(&format!("\"{p}\"")), "placeholder {p} in {value}");
    }
}

#[tokio::test]
async fn fields_left_out_read_back_absent_not_as_the_references_examples() {
    let api = Api::start().await;
    let doe = api.account("Doe Family");
    let jane = api.subscriber("Jane Doe");
    let package = api.package("Family Unlimited");
    let sub = api
        .ok(
            "POST",
            "/v1.0/subscriptions",
            json!({"SubscriberId": jane, "PackageId": package, "Type": "mvno"}),
        )
        .await;
    assert_eq!(sub["ICCID"], Value::Null, "{sub}");
    assert_eq!(sub["Active"], true);
    let id = sub["SubscriptionId"].as_str().unwrap();
    let read = api
        .ok("GET", "/v1.0/subscriptions", json!({"SubscriptionId": id}))
        .await;
    assert_eq!(read["ICCID"], Value::Null);
    for list in ["/v1.0/account/subscriptions", "/v1.0/distributor/subscriptions"] {
        let out = api.ok("GET", list, json!({"AccountId": doe})).await;
        assert_no_placeholder(&out);
    }

    let route = api
        .ok("POST", "/v1.0/message/routes", json!({"RouteName": "Min", "MessageUrl": "https://hooks.example.com/m", "MessageUrlMethod": "POST", "AccountId": doe}))
        .await;
    assert_eq!(route["MessageUsername"], Value::Null, "{route}");
    assert_eq!(route["MessagePasswordToken"], Value::Null);
    assert_eq!(route["CallbackMessageUrl"], Value::Null);
    let voice = api
        .ok(
            "POST",
            "/v1.0/voice/routes",
            json!({"RouteName": "Min", "RouteType": "Trunk", "TrunkIp1": "192.0.2.1"}),
        )
        .await;
    assert_eq!(voice["TrunkIp2"], Value::Null, "{voice}");
    assert_eq!(voice["TrunkUri1"], Value::Null);
    assert_eq!(voice["HeaderManipulation"], Value::Null);
    assert_no_placeholder(&route);
    assert_no_placeholder(&voice);

    // A package's subscriptions come inside the package itself.
    let of_package = api
        .ok("GET", "/v1.0/packages/subscriptions", json!({"PackageId": package}))
        .await;
    assert_eq!(of_package["PackageName"], "Family Unlimited", "{of_package}");
    assert_eq!(of_package["Price"], 25);
    assert_eq!(of_package["SubscriberId"], Value::Null);
    let rows = of_package["Subscriptions"].as_array().unwrap();
    assert!(
        rows.len() >= 4 && rows.iter().all(|r| r["Active"] == true),
        "{of_package}"
    );
    assert_no_placeholder(&of_package);

    let packages = api.ok("GET", "/v1.0/distributor/packages", json!({})).await;
    for row in packages["Results"].as_array().unwrap() {
        assert_eq!(row["DistributorId"], seed::ACME_KEY, "{row}");
    }
    assert_no_placeholder(&packages);
    assert_no_placeholder(&api.ok("GET", "/v1.0/distributor/products", json!({})).await);
}

#[tokio::test]
async fn every_account_scoped_create_belongs_to_an_account_by_one_rule() {
    let api = Api::start().await;
    let doe = api.account("Doe Family");
    let bakery = api.account("Bright Bakery LLC");
    // Acme has two Accounts: without AccountId the first one it created.
    let voice = api
        .ok(
            "POST",
            "/v1.0/voice/routes",
            json!({"RouteName": "No account", "RouteType": "Trunk"}),
        )
        .await;
    assert_eq!(voice["AccountId"], doe.as_str(), "{voice}");
    let crid = voice["CallRouteId"].as_str().unwrap().to_string();
    let in_doe = api
        .ok("GET", "/v1.0/account/voice/routes", json!({"AccountId": doe}))
        .await;
    assert!(in_doe.to_string().contains(&crid), "{in_doe}");
    // Moving it moves it between the Accounts' lists.
    api.ok(
        "POST",
        "/v1.0/voice/routes/update",
        json!({"CallRouteId": crid, "AccountId": bakery}),
    )
    .await;
    let in_bakery = api
        .ok("GET", "/v1.0/account/voice/routes", json!({"AccountId": bakery}))
        .await;
    assert!(in_bakery.to_string().contains(&crid), "{in_bakery}");
    let in_doe = api
        .ok("GET", "/v1.0/account/voice/routes", json!({"AccountId": doe}))
        .await;
    assert!(!in_doe.to_string().contains(&crid));

    // The subscriber a request names decides before the default.
    let omar = api.subscriber("Omar Haddad");
    let package = api.package("IoT Basic");
    let sub = api
        .ok(
            "POST",
            "/v1.0/subscriptions",
            json!({"SubscriberId": omar, "PackageId": package, "Type": "iot"}),
        )
        .await;
    assert_eq!(sub["AccountId"], bakery.as_str(), "{sub}");

    for (path, body) in [
        (
            "/v1.0/message/routes",
            json!({"RouteName": "R", "MessageUrl": "https://hooks.example.com/m", "MessageUrlMethod": "POST"}),
        ),
        ("/v1.0/workgroups", json!({"Name": "Desk", "Type": "IVR"})),
        (
            "/v1.0/webhook/create",
            json!({"WebhookUrl": "https://hooks.example.com/e", "Method": "POST"}),
        ),
        (
            "/v1.0/subscriptions/thresholds/add",
            json!({"ThresholdName": "Alert", "ThresholdAmount": 80}),
        ),
    ] {
        let out = api.ok("POST", path, body).await;
        assert_eq!(out["AccountId"], doe.as_str(), "{path}: {out}");
    }
    // Another Distributor's Account is not found, as a missing one.
    let smith = api.as_globex().account("Smith Family");
    let (status, _) = api
        .call(
            "POST",
            "/v1.0/workgroups",
            json!({"Name": "Desk", "Type": "IVR", "AccountId": smith}),
        )
        .await;
    assert_eq!(status, 404);
}

#[tokio::test]
async fn delete_answers_carry_the_documented_status_keys() {
    let api = Api::start().await;
    let product = api
        .ok(
            "POST",
            "/v1.0/products",
            json!({"SKU": "X", "Description": "X", "Type": "data", "Cost": 1, "BillingFrequency": "MRC"}),
        )
        .await;
    let id = product["ProductId"].as_str().unwrap();
    let out = api.ok("POST", "/v1.0/products/delete", json!({"ProductId": id})).await;
    assert_eq!(
        (out["ProductId"].as_str(), out["ProductStatus"].as_str()),
        (Some(id), Some("Deleted")),
        "{out}"
    );

    let route = api
        .ok(
            "POST",
            "/v1.0/message/routes",
            json!({"RouteName": "R", "MessageUrl": "https://hooks.example.com/m", "MessageUrlMethod": "POST"}),
        )
        .await;
    let mrid = route["MessageRouteId"].as_str().unwrap();
    let out = api
        .ok("POST", "/v1.0/message/routes/delete", json!({"MessageRouteId": mrid}))
        .await;
    assert_eq!(out["MessageRouteStatus"], "Deleted", "{out}");
    assert_eq!(out["MRID"], mrid);

    let hook = api
        .ok(
            "POST",
            "/v1.0/webhook/create",
            json!({"WebhookUrl": "https://hooks.example.com/e"}),
        )
        .await;
    let whid = hook["WebhookId"].as_str().unwrap();
    let out = api.ok("POST", "/v1.0/webhook/delete", json!({"WebhookId": whid})).await;
    assert_eq!(out["WebhookStatus"], "Deleted", "{out}");

    let (jane, lily) = (api.subscriber("Jane Doe"), api.subscriber("Lily Doe"));
    let pair = json!({"ParentSubscriberId": jane, "ChildSubscriberId": lily, "Relation": "Guardian"});
    api.ok("POST", "/v1.0/subscribers/guardians/relation", pair.clone())
        .await;
    let out = api
        .ok("POST", "/v1.0/subscribers/guardians/relation/delete", pair)
        .await;
    assert_eq!(out["Status"], "Deleted", "{out}");
    assert_eq!(out["Relation"], "Guardian");
    assert!(out["DateDeleted"].as_str().is_some_and(|d| d.starts_with("20")));
}

#[tokio::test]
async fn one_list_holds_one_json_type_per_field() {
    let api = Api::start().await;
    api.ok(
        "POST",
        "/v1.0/products",
        json!({"SKU": "N", "Description": "N", "Type": "data", "Cost": 2.5, "BillingFrequency": "MRC"}),
    )
    .await;
    api.ok(
        "POST",
        "/v1.0/products",
        json!({"SKU": "S", "Description": "S", "Type": "data", "Cost": "3.00", "BillingFrequency": "MRC"}),
    )
    .await;
    let products = api.ok("GET", "/v1.0/distributor/products", json!({})).await;
    let rows = products["Results"].as_array().unwrap();
    assert!(rows.len() >= 6);
    assert!(rows.iter().all(|r| r["Cost"].is_number()), "{products}");
    let packages = api.ok("GET", "/v1.0/distributor/packages", json!({})).await;
    assert!(
        packages["Results"]
            .as_array()
            .unwrap()
            .iter()
            .all(|r| r["Price"].is_number()),
        "{packages}"
    );

    let settings = api
        .ok(
            "POST",
            "/v1.0/numbers/data-usage/settings",
            json!({"PhoneNumbers": [{"Number": "+18015550101"}]}),
        )
        .await;
    assert!(settings["PhoneNumbers"][0]["LimitValue"].is_i64(), "{settings}");
}

#[tokio::test]
async fn documented_values_are_checked_and_a_new_sim_is_the_lines_own() {
    let api = Api::start().await;
    let (status, out) = api
        .call(
            "POST",
            "/v1.0/numbers/portin/eligibility",
            json!({"PhoneNumber": "+15555551234", "TargetClassification": "banana"}),
        )
        .await;
    assert_eq!(status, 400, "{out}");
    let port = api
        .ok("POST", "/v1.0/numbers/portin", json!({
            "PortInNumber": "+15555551234", "CurrentCarrierName": "Other", "CurrentAccountNumber": "1",
            "CurrentAccountPassword": "0000", "CurrentBillingAddress": {"Street1": "1 Main", "City": "Provo", "State": "UT", "Zip": "84601"}
        }))
        .await;
    let order = port["OrderId"].as_str().unwrap();
    let (status, out) = api
        .call(
            "POST",
            "/v1.0/numbers/portin/update",
            json!({"OrderId": order, "PortInDate": "2026-13-45"}),
        )
        .await;
    assert_eq!(status, 400, "{out}");
    api.ok(
        "POST",
        "/v1.0/numbers/portin/update",
        json!({"OrderId": order, "PortInDate": "06/01/2026"}),
    )
    .await;

    let before = (api.line("+18015550102").1, api.line("+18015550103").1);
    let out = api
        .ok(
            "POST",
            "/v1.0/numbers/status",
            json!({
                "StatusChange": "swap-sim", "EffectiveDate": "12/31/2026",
                "PhoneNumbers": [{"Number": "+18015550102"}, {"Number": "+18015550103"}]
            }),
        )
        .await;
    let after = (api.line("+18015550102").1, api.line("+18015550103").1);
    assert_ne!(after.0, after.1, "two lines, two SIMs: {out}");
    assert!(after.0 != before.0 && after.1 != before.1);
    assert!(out["Numbers"][0]["QrCode"].is_string(), "{out}");
    let (status, _) = api
        .call("POST", "/v1.0/numbers/status", json!({
            "StatusChange": "swap-sim", "EffectiveDate": "12/31/2026",
            "PhoneNumbers": [{"Number": "+18015550102", "ICCID": "8901000000000000001"}, {"Number": "+18015550103", "ICCID": "8901000000000000001"}]
        }))
        .await;
    assert_eq!(status, 422);

    // A list echoes its Filter as sent, and "All" when none was.
    let active = api
        .ok("GET", "/v1.0/distributor/products", json!({"Filter": "Active"}))
        .await;
    assert_eq!(active["Filter"], "Active");
    let all = api.ok("GET", "/v1.0/distributor/products", json!({})).await;
    assert_eq!(all["Filter"], "All");
    let inventory = api.ok("GET", "/v1.0/numbers/inventory", json!({"Filter": "All"})).await;
    assert_eq!(inventory["Filter"], "All");
    assert!(inventory["TotalResults"].as_u64().unwrap() >= 7, "{inventory}");
}

#[tokio::test]
async fn documented_requests_are_accepted_as_documented() {
    let api = Api::start().await;
    // workgroups/delete names the workgroup in the query.
    let group = api
        .ok("POST", "/v1.0/workgroups", json!({"Name": "Desk", "Type": "IVR"}))
        .await;
    let wid = group["WorkgroupId"].as_str().unwrap();
    let out = api
        .ok("POST", &format!("/v1.0/workgroups/delete?WorkgroupId={wid}"), json!({}))
        .await;
    assert_eq!(
        (out["WorkgroupId"].as_str(), out["Successful"].as_bool()),
        (Some(wid), Some(true)),
        "{out}"
    );
    let (status, _) = api.call("GET", "/v1.0/workgroups", json!({"WorkgroupId": wid})).await;
    assert_eq!(status, 404);

    // Acme has two Accounts; these requests name none and still go through.
    let doe = api.account("Doe Family");
    let port = api
        .ok(
            "POST",
            "/v1.0/numbers/portin",
            json!({
                "PortInNumber": "+15555551230", "CurrentCarrierName": "Other", "CurrentAccountNumber": "1",
                "CurrentAccountPassword": "0000", "CurrentBillingAddress": {"Street1": "1 Main"}
            }),
        )
        .await;
    let order = port["OrderId"].as_str().unwrap().to_string();
    assert_eq!(
        api.sandbox.snapshot().orders[&order].account_id.as_deref(),
        Some(doe.as_str())
    );
    let renamed = api
        .ok("POST", "/v1.0/account/update", json!({"AccountName": "Doe Household"}))
        .await;
    assert_eq!(renamed["AccountId"], doe.as_str(), "{renamed}");
    let route = api
        .sandbox
        .snapshot()
        .numbers
        .values()
        .find(|n| n.msisdn == "+13855550110")
        .unwrap()
        .message_route_id
        .clone();
    let omar = api.subscriber("Omar Haddad");
    let provisioned = api
        .ok(
            "POST",
            "/v1.0/numbers/provision",
            json!({
                "NumberType": "mvno", "MessageType": "p2p", "MessageEnabled": true, "VoiceEnabled": false,
                "ProductType": "Sms+Data", "MessageRouteId": route, "AssignedSubscriberId": omar
            }),
        )
        .await;
    let nid = provisioned["PhoneNumberId"].as_str().unwrap();
    // The subscriber it is assigned to says which Account it joins.
    assert_eq!(
        api.sandbox.snapshot().numbers[nid].account_id,
        api.account("Bright Bakery LLC")
    );
}

#[tokio::test]
async fn reads_carry_every_documented_key() {
    let api = Api::start().await;
    let has = |value: &Value, keys: &[&str]| {
        for k in keys {
            assert!(value.get(k).is_some(), "{k} missing in {value}");
        }
    };
    let line_keys = [
        "OrderId",
        "OriginalDatePurchased",
        "Cnam",
        "QrActivationLink",
        "SwapsRemaining",
        "NextSwapResetDate",
    ];
    let number = api.ok("GET", "/v1.0/numbers", json!({"Number": "+18015550101"})).await;
    has(&number, &line_keys);
    assert_eq!(number["SwapsRemaining"], 2);
    let inventory = api.ok("GET", "/v1.0/numbers/inventory", json!({})).await;
    has(&inventory["PhoneNumbers"][0], &line_keys);
    has(&inventory["PhoneNumbers"][0], &["Tnid", "ProductType", "PortOutPin"]);

    let updated = api
        .ok(
            "POST",
            "/v1.0/numbers/update",
            json!({"Number": "+18015550101", "CnamFirstName": "Jane", "CnamLastName": "Doe"}),
        )
        .await;
    has(
        &updated,
        &[
            "MessageType",
            "MessageEnabled",
            "Classification",
            "VoiceEnabled",
            "CnamFirstName",
            "CnamLastName",
            "ProductType",
        ],
    );
    let number = api.ok("GET", "/v1.0/numbers", json!({"Number": "+18015550101"})).await;
    assert_eq!(number["Cnam"], "Jane Doe");

    let sam = api.subscriber("Sam Doe");
    let filter = api
        .ok(
            "POST",
            "/v1.0/subscribers/call-filter",
            json!({"SubscriberId": sam, "Phone": "+18015550102", "FilterMode": "WHITELIST"}),
        )
        .await;
    let call_keys = [
        "ApplyToInbound",
        "ApplyToOutbound",
        "BlockUnknownNumbers",
        "BlockInternational",
        "RecordFlaggedCalls",
        "TimeRestrictions",
    ];
    has(&filter, &call_keys);
    let listed = api
        .ok("GET", "/v1.0/subscribers/call-filter", json!({"SubscriberId": sam}))
        .await;
    has(&listed[0], &call_keys);

    let hook = api
        .ok(
            "POST",
            "/v1.0/webhook/create",
            json!({"WebhookUrl": "https://hooks.example.com/e"}),
        )
        .await;
    assert_eq!(hook["Active"], true, "{hook}");
    let hooks = api.ok("GET", "/v1.0/account/webhooks", json!({})).await;
    assert_eq!(hooks[0]["Active"], true, "{hooks}");

    let availability = api
        .ok(
            "POST",
            "/v1.0/numbers/availability",
            json!({"NumberType": "mobile", "MessageEnabled": true, "VoiceEnabled": true}),
        )
        .await;
    assert!(availability["RequestDate"].is_string());

    api.ok(
        "POST",
        "/v1.0/numbers/status",
        json!({"StatusChange": "cancel", "EffectiveDate": "12/31/2026", "PhoneNumbers": [{"Number": "+18015550103"}]}),
    )
    .await;
    let back = api
        .ok(
            "POST",
            "/v1.0/numbers/reactivate",
            json!({"PhoneNumber": "+18015550103"}),
        )
        .await;
    assert_eq!(back["AccountId"], api.account("Doe Family").as_str());
    assert!(back["StatusMessage"].is_string());

    let sent = api
        .ok(
            "POST",
            "/v1.0/message/outbound",
            json!({"From": "+18015550101", "To": [{"Number": "+18015550102"}], "Body": "hi",
            "MmsBase64": [{"Base64": "aGk=", "BaseType": "audio/wav"}]}),
        )
        .await;
    assert_eq!(sent["MmsBase64"][0]["BaseType"], "audio/wav", "{sent}");
    assert_eq!(sent["MessageType"], "mms");

    let subscribers = api
        .ok("GET", "/v1.0/distributor/subscribers", json!({"TotalPerPage": "50"}))
        .await;
    let jane = api.subscriber("Jane Doe");
    let row = subscribers["Subscribers"]
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["SubscriberId"] == jane.as_str())
        .unwrap()
        .clone();
    assert_eq!(row["Subscriptions"].as_array().unwrap().len(), 1, "{row}");
}

#[tokio::test]
async fn a_line_gets_two_sim_swaps_in_thirty_days() {
    let api = Api::start().await;
    let swap = json!({"StatusChange": "swap-sim", "EffectiveDate": "12/31/2026", "PhoneNumbers": [{"Number": "+18015550101"}]});
    api.ok("POST", "/v1.0/numbers/status", swap.clone()).await;
    api.ok("POST", "/v1.0/numbers/status", swap.clone()).await;
    let number = api.ok("GET", "/v1.0/numbers", json!({"Number": "+18015550101"})).await;
    assert_eq!(number["SwapsRemaining"], 0);
    assert!(number["NextSwapResetDate"].is_string());
    let (status, out) = api.call("POST", "/v1.0/numbers/status", swap).await;
    assert_eq!(status, 422, "{out}");
}

#[tokio::test]
async fn swap_and_replace_give_a_line_a_new_number_and_keep_its_sim() {
    let api = Api::start().await;
    let (_, sim) = api.line("+18015550101");
    // swap: a new number in the line's own area.
    let out = api
        .ok(
            "POST",
            "/v1.0/numbers/status",
            json!({"StatusChange": "swap", "EffectiveDate": "12/31/2026", "PhoneNumbers": [{"Number": "+18015550101"}]}),
        )
        .await;
    let swapped = out["Numbers"][0]["Number"].as_str().unwrap().to_string();
    assert_eq!(out["Numbers"][0]["PreviousNumber"], "+18015550101", "{out}");
    assert!(swapped.starts_with("+1801") && swapped != "+18015550101", "{out}");
    assert_eq!(api.line(&swapped).1, sim, "the SIM stays");
    let (gone, _) = api
        .call("GET", "/v1.0/numbers", json!({"Number": "+18015550101"}))
        .await;
    assert_eq!(gone, 404, "the old number is released");
    // replace: a new number in another area, which must be named.
    let (status, _) = api
        .call(
            "POST",
            "/v1.0/numbers/status",
            json!({"StatusChange": "replace", "EffectiveDate": "12/31/2026", "PhoneNumbers": [{"Number": swapped}]}),
        )
        .await;
    assert_eq!(status, 400);
    let out = api
        .ok(
            "POST",
            "/v1.0/numbers/status",
            json!({"StatusChange": "replace", "EffectiveDate": "12/31/2026", "AreaCode": "385", "PhoneNumbers": [{"Number": swapped}]}),
        )
        .await;
    let replaced = out["Numbers"][0]["Number"].as_str().unwrap().to_string();
    assert!(replaced.starts_with("+1385"), "{out}");
    assert_eq!(api.line(&replaced).1, sim);
}
