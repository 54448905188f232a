//! TimelineJS 3: https://timeline.knightlab.com/docs/json-format.html

use chrono::{Datelike, NaiveDate};
use serde::Serialize;
use utoipa::ToSchema;

use super::{attribution, display_date, escape_html, headline, is_web_url};
use crate::extract::events::{EventDate, Precision};
use crate::store::TimelineEntry;

/// A TimelineJS 3 timeline: `new TL.Timeline(el, data)`.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct TimelineJs {
    pub events: Vec<TimelineJsEvent>,
}

/// One slide. `headline` and `text` are HTML, already escaped.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct TimelineJsEvent {
    pub start_date: TimelineJsDate,
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schema(nullable = false)]
    pub end_date: Option<TimelineJsDate>,
    pub display_date: String,
    pub text: TimelineJsText,
    pub group: String,
    pub unique_id: String,
}

/// A TimelineJS date: only as many fields as the event's precision has.
#[derive(Debug, Clone, PartialEq, Serialize, ToSchema)]
pub struct TimelineJsDate {
    pub year: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schema(nullable = false)]
    pub month: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schema(nullable = false)]
    pub day: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schema(nullable = false)]
    pub display_date: Option<String>,
}

/// A slide's title and body, both HTML.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct TimelineJsText {
    pub headline: String,
    pub text: String,
}

/// The entries as TimelineJS slides, one per event, grouped by kind.
pub fn timelinejs(entries: &[TimelineEntry]) -> TimelineJs {
    let events = entries.iter().map(timelinejs_event).collect();
    TimelineJs { events }
}

fn timelinejs_event(e: &TimelineEntry) -> TimelineJsEvent {
    let display = display_date(&e.date);
    let (mut start_date, end_date) = timelinejs_dates(&e.date);
    start_date.display_date = Some(display.clone());
    TimelineJsEvent {
        start_date,
        end_date,
        display_date: display,
        text: TimelineJsText {
            headline: escape_html(&headline(e)),
            text: timelinejs_text(e),
        },
        group: e.kind.as_str().to_owned(),
        unique_id: format!("event-{}", e.event_id),
    }
}

/// Day, month and year are single dates at their own precision; a week, season or quarter
/// is its first and last day; a decade or century its first and last year.
fn timelinejs_dates(d: &EventDate) -> (TimelineJsDate, Option<TimelineJsDate>) {
    let (a, b) = (d.earliest, d.latest);
    match d.precision {
        p @ (Precision::Day | Precision::Month | Precision::Year) => (js_date(a, p), None),
        Precision::Week | Precision::Season | Precision::Quarter => {
            (js_date(a, Precision::Day), Some(js_date(b, Precision::Day)))
        }
        Precision::Decade | Precision::Century => (
            js_date(a, Precision::Year),
            Some(js_date(b, Precision::Year)),
        ),
    }
}

/// `finest` is `Day`, `Month` or `Year`: the last field to fill.
fn js_date(d: NaiveDate, finest: Precision) -> TimelineJsDate {
    TimelineJsDate {
        year: d.year().to_string(),
        month: (finest <= Precision::Month).then(|| d.month().to_string()),
        day: (finest == Precision::Day).then(|| d.day().to_string()),
        display_date: None,
    }
}

/// The first report's quote, right to left, then where it was read, linked when the
/// document has a web address.
fn timelinejs_text(e: &TimelineEntry) -> String {
    let Some(q) = e.evidence.first() else {
        return String::new();
    };
    let who = escape_html(&attribution(q));
    let source = match q.url.as_deref().filter(|u| is_web_url(u)) {
        Some(url) => format!(r#"<p><a href="{}">{who}</a></p>"#, escape_html(url)),
        None => format!("<p>{who}</p>"),
    };
    format!(
        r#"<p dir="rtl" lang="ar">{}</p>{source}"#,
        escape_html(&q.quote)
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::render::fixtures::*;
    use serde_json::json;

    fn joined(d: Option<&TimelineJsDate>) -> String {
        let Some(d) = d else { return String::new() };
        [Some(&d.year), d.month.as_ref(), d.day.as_ref()]
            .into_iter()
            .flatten()
            .map(String::as_str)
            .collect::<Vec<_>>()
            .join("-")
    }

    #[test]
    fn timelinejs_dates_go_down_to_the_real_precision() {
        for &(value, precision, display, start, end, ..) in PRECISIONS {
            let js = timelinejs(&[at(value, precision)]);
            let ev = &js.events[0];
            assert_eq!(joined(Some(&ev.start_date)), start, "{value} start");
            assert_eq!(joined(ev.end_date.as_ref()), end, "{value} end");
            assert_eq!(ev.display_date, display, "{value}");
            assert_eq!(ev.start_date.display_date.as_deref(), Some(display));
        }
    }

    #[test]
    fn timelinejs_shape() {
        let got = serde_json::to_value(timelinejs(&[at("2018-06", Precision::Month)])).unwrap();
        let ev = &got["events"][0];
        assert_eq!(
            ev["start_date"],
            json!({"year": "2018", "month": "6", "display_date": "June 2018"})
        );
        assert!(ev.get("end_date").is_none());
        assert_eq!(ev["group"], "meeting");
        assert_eq!(ev["unique_id"], "event-12");
        assert_eq!(
            ev["text"]["headline"],
            "Meeting: China, Xi Jinping, Russia, Vladimir Putin"
        );
        assert_eq!(
            ev["text"]["text"],
            format!(
                r#"<p dir="rtl" lang="ar">{QUOTE}</p><p><a href="https://news.example/3">Al Jazeera: بوتين في بكين</a></p>"#
            )
        );
    }

    #[test]
    fn timelinejs_escapes_what_documents_bring() {
        let ev = &timelinejs(&[hostile()]).events[0];
        assert_eq!(ev.text.headline, "Meeting: &lt;b&gt;Bob&lt;/b&gt;");
        let text = &ev.text.text;
        assert!(text.contains(HOSTILE_ESCAPED), "{text}");
        for raw in ["<script", "<img", "<b>", "javascript:"] {
            assert!(!text.contains(raw), "{raw} in {text}");
        }
    }
}
