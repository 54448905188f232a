//! vis-timeline: https://visjs.github.io/vis-timeline/docs/timeline/#items

use chrono::Days;
use serde::Serialize;
use utoipa::ToSchema;

use super::{code, display_date, escape_html, headline};
use crate::extract::events::Precision;
use crate::store::TimelineEntry;

/// One vis-timeline DataSet item. vis puts `content` and `title` into the page as HTML, so
/// both are escaped.
#[derive(Debug, Clone, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct VisItem {
    pub id: i64,
    pub content: String,
    pub start: String,
    /// Exclusive: the day after the last possible day.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schema(nullable = false)]
    pub end: Option<String>,
    /// `point` for a known day, `range` for anything coarser.
    #[serde(rename = "type")]
    pub item_type: &'static str,
    pub group: String,
    /// The tooltip: the date, then the first quote. HTML too: vis shows it with `innerHTML`
    /// (after its own XSS filter), so a plain-text title would show its entities.
    pub title: String,
    /// `precision-day`, `precision-month` …, for the page to style.
    pub class_name: String,
}

/// The entries as vis-timeline items, one per event, grouped by kind.
pub fn vis(entries: &[TimelineEntry]) -> Vec<VisItem> {
    entries.iter().map(vis_item).collect()
}

fn vis_item(e: &TimelineEntry) -> VisItem {
    let d = &e.date;
    let point = d.precision == Precision::Day;
    let mut title = escape_html(&display_date(d));
    if let Some(q) = e.evidence.first() {
        title += &format!(
            r#"<br><span dir="rtl" lang="ar">{}</span>"#,
            escape_html(&q.quote)
        );
    }
    VisItem {
        id: e.event_id,
        content: escape_html(&headline(e)),
        start: d.earliest.to_string(),
        end: (!point).then(|| (d.latest + Days::new(1)).to_string()),
        item_type: if point { "point" } else { "range" },
        group: e.kind.as_str().to_owned(),
        title,
        class_name: format!("precision-{}", code(d.precision)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::render::fixtures::*;
    use serde_json::json;

    #[test]
    fn vis_items_by_precision() {
        for &(value, precision, .., start, end, item_type) in PRECISIONS {
            let item = &vis(&[at(value, precision)])[0];
            assert_eq!(item.start, start, "{value}");
            assert_eq!(item.end.as_deref().unwrap_or(""), end, "{value}");
            assert_eq!(item.item_type, item_type, "{value}");
            assert_eq!(item.class_name, format!("precision-{}", code(precision)));
        }
    }

    #[test]
    fn vis_shape() {
        let got = serde_json::to_value(vis(&[entry()])).unwrap();
        assert_eq!(
            got[0],
            json!({
                "id": 12,
                "content": "Meeting: China, Xi Jinping, Russia, Vladimir Putin",
                "start": "2018-06-08",
                "type": "point",
                "group": "meeting",
                "title": format!(r#"8 June 2018<br><span dir="rtl" lang="ar">{QUOTE}</span>"#),
                "className": "precision-day",
            })
        );
    }

    #[test]
    fn vis_escapes_content_and_title() {
        let item = &vis(&[hostile()])[0];
        assert_eq!(item.content, "Meeting: &lt;b&gt;Bob&lt;/b&gt;");
        assert!(item.title.contains(HOSTILE_ESCAPED), "{}", item.title);
        assert!(!item.title.contains("<script"), "{}", item.title);
    }
}
