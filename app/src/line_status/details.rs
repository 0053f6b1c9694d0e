//! What Telegent knows of a line: capabilities, classification, SIM,
//! routes, and for staff the eSIM activation as a QR code with its text.

use leptos::prelude::*;

use super::model::LineFacts;

fn yes_no(on: bool) -> &'static str {
    if on {
        "Yes"
    } else {
        "No"
    }
}

fn or_dash(text: &str) -> String {
    if text.is_empty() {
        "—".to_string()
    } else {
        text.to_string()
    }
}

#[component]
pub fn LineFactsSection(facts: LineFacts) -> impl IntoView {
    let LineFacts {
        classification,
        message_type,
        product_type,
        sms,
        voice,
        data,
        iccid,
        message_route_id,
        voice_route_id,
        purchased,
        activation,
        activation_svg,
    } = facts;
    view! {
        <section class="panel" aria-labelledby="line-facts">
            <h2 id="line-facts">"Line details"</h2>
            <dl class="facts">
                <dt>"Classification"</dt><dd>{or_dash(&classification)}</dd>
                <dt>"Product type"</dt><dd>{or_dash(&product_type)}</dd>
                <dt>"Messaging"</dt><dd>{format!("{} ({})", yes_no(sms), or_dash(&message_type))}</dd>
                <dt>"Voice"</dt><dd>{yes_no(voice)}</dd>
                <dt>"Data"</dt><dd>{yes_no(data)}</dd>
                <dt>"ICCID"</dt><dd class="id-text">{or_dash(&iccid)}</dd>
                <dt>"Message route"</dt><dd class="id-text">{or_dash(&message_route_id)}</dd>
                <dt>"Voice route"</dt><dd class="id-text">{or_dash(&voice_route_id)}</dd>
                <dt>"Purchased"</dt><dd>{or_dash(purchased.get(..10).unwrap_or(&purchased))}</dd>
            </dl>
            {(!activation.is_empty()).then(|| view! {
                <div class="activation">
                    <h3>"eSIM activation"</h3>
                    // Markup the server drew from the activation text (modules
                    // only, no text of it): safe to place as it is.
                    {(!activation_svg.is_empty()).then(|| view! {
                        <div class="qr" role="img" aria-label="QR code of the eSIM activation" inner_html=activation_svg.clone()></div>
                    })}
                    <label for="activation-text">"Activation code (to copy)"</label>
                    <input id="activation-text" class="id-text" readonly=true value=activation.clone() />
                    <p class="muted">"Whoever scans or types this can install the line's eSIM: give it only to the line's holder."</p>
                </div>
            })}
        </section>
    }
}
