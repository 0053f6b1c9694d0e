//! Data use, drawn: a gauge against a line's thresholds and a chart of the
//! current cycle. Plain SVG with a text equivalent for screen readers.

use leptos::prelude::*;

use crate::lines::model::{Behaviour, LineUsage, UsageSample};

/// 1536 → "1.5 MB".
pub fn format_kb(kb: u64) -> String {
    let kb_f = kb as f64;
    if kb < 1024 {
        format!("{kb} KB")
    } else if kb < 1024 * 1024 {
        trim(kb_f / 1024.0, "MB")
    } else {
        trim(kb_f / 1024.0 / 1024.0, "GB")
    }
}

fn trim(value: f64, unit: &str) -> String {
    let rounded = (value * 10.0).round() / 10.0;
    if rounded.fract() == 0.0 {
        format!("{} {unit}", rounded as u64)
    } else {
        format!("{rounded:.1} {unit}")
    }
}

fn behaviour_class(b: Behaviour) -> &'static str {
    match b {
        Behaviour::Normal => "ok",
        Behaviour::Notified => "warn",
        Behaviour::Throttled => "warn",
        Behaviour::Blocked => "danger",
        Behaviour::Unknown => "unknown",
    }
}

/// Used against the limit, with marks where the warning and slow-down start.
#[component]
pub fn UsageGauge(usage: LineUsage) -> impl IntoView {
    let percent = usage.percent();
    let position = |kb: u64| {
        if usage.limit_kb == 0 {
            0.0
        } else {
            (kb.min(usage.limit_kb) as f64 * 100.0 / usage.limit_kb as f64).round()
        }
    };
    let label = format!(
        "{} of {} used ({percent}%){}",
        format_kb(usage.used_kb),
        format_kb(usage.limit_kb),
        if usage.is_default {
            ", platform default limit"
        } else {
            ""
        }
    );
    let marks: Vec<(f64, &'static str)> = [(usage.notify_kb, "mark-notify"), (usage.throttle_kb, "mark-throttle")]
        .into_iter()
        .filter_map(|(kb, class)| kb.map(|kb| (position(kb), class)))
        .collect();
    if usage.unreadable {
        return view! {
            <p class="form-error gauge-unreadable">
                "Telegent sent this line's data settings in a form the portal cannot read. "
                "Set its data limits again to repair them."
            </p>
        }
        .into_any();
    }
    view! {
        <div class="gauge">
            <svg viewBox="0 0 100 10" preserveAspectRatio="none" role="img" aria-label=label.clone() class="gauge-svg">
                <rect class="gauge-track" x="0" y="0" width="100" height="10" rx="2" />
                <rect
                    class=format!("gauge-used {}", behaviour_class(usage.behaviour))
                    x="0"
                    y="0"
                    width=percent.to_string()
                    height="10"
                    rx="2"
                />
                {marks
                    .into_iter()
                    .map(|(x, class)| view! { <rect class=class x=x.to_string() y="0" width="0.8" height="10" /> })
                    .collect_view()}
            </svg>
            <p class="gauge-text" aria-hidden="true">{label}</p>
        </div>
    }
    .into_any()
}

/// Usage over the current cycle, from the readings the portal took.
#[component]
pub fn UsageChart(samples: Vec<UsageSample>, limit_kb: u64) -> impl IntoView {
    if samples.len() < 2 {
        return view! {
            <p class="muted">"Not enough readings yet to draw this cycle's chart; it fills in as the line is used."</p>
        }
        .into_any();
    }
    let (width, height) = (300.0, 100.0);
    let last_t = samples.last().map_or(1, |s| s.seconds).max(1) as f64;
    let top = samples
        .iter()
        .map(|s| s.used_kb)
        .max()
        .unwrap_or(0)
        .max(limit_kb)
        .max(1) as f64;
    let points: Vec<String> = samples
        .iter()
        .map(|s| {
            let x = s.seconds as f64 / last_t * width;
            let y = height - (s.used_kb as f64 / top * height);
            format!("{x:.1},{y:.1}")
        })
        .collect();
    let limit_y = height - (limit_kb as f64 / top * height);
    let first = samples.first().map_or(0, |s| s.used_kb);
    let last = samples.last().map_or(0, |s| s.used_kb);
    let hours = (last_t / 3600.0 * 10.0).round() / 10.0;
    let label = format!(
        "Data used this cycle: from {} to {} over {hours} hours; the limit is {}.",
        format_kb(first),
        format_kb(last),
        format_kb(limit_kb)
    );
    view! {
        <figure class="usage-chart">
            <svg viewBox="0 0 300 100" role="img" aria-label=label.clone()>
                <line class="chart-limit" x1="0" x2="300" y1=format!("{limit_y:.1}") y2=format!("{limit_y:.1}") />
                <polyline class="chart-line" points=points.join(" ") />
            </svg>
            <figcaption class="muted">{label}</figcaption>
        </figure>
    }
    .into_any()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes_read_naturally() {
        assert_eq!(format_kb(512), "512 KB");
        assert_eq!(format_kb(1536), "1.5 MB");
        assert_eq!(format_kb(20 * 1024), "20 MB");
        assert_eq!(format_kb(3 * 1024 * 1024 / 2), "1.5 GB");
    }
}
