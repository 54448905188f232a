//! The chronological feed: the issue's Russia–China request, filters, pages, order.

use crate::support::{apps, dates};

const CONTACTS: [(&str, &str); 5] = [
    ("2018-04", "month"),
    ("2018-06-08", "day"),
    ("2022-02", "month"),
    ("2022-09", "month"),
    ("2022-W37", "week"),
];

fn is_arabic(s: &str) -> bool {
    s.chars()
        .filter(|c| ('\u{0600}'..='\u{06FF}').contains(c))
        .count()
        > 10
}

#[tokio::test]
async fn russia_china_entries_oldest_first_with_precision_and_quote() {
    for app in apps().await {
        let r = app.get("/api/v1/events?country=RUS&country=CHN").await;
        assert_eq!(r.status, 200);
        assert_eq!(r.header("content-type"), "application/json");
        let page = r.json();
        let all = dates(&page);
        // The five contacts, in this order, among everything Russia and China both took part in
        // (statements and the like; a 2017 entry from "five meetings last year" may appear).
        let contacts: Vec<(String, String)> = page["events"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|e| {
                ["meeting", "visit", "summit", "call"].contains(&e["kind"].as_str().unwrap())
            })
            .map(|e| {
                let d = &e["date"];
                (
                    d["value"].as_str().unwrap().to_owned(),
                    d["precision"].as_str().unwrap().to_owned(),
                )
            })
            .filter(|d| d.0 != "2017")
            .collect();
        let expected: Vec<(String, String)> = CONTACTS
            .iter()
            .map(|(v, p)| (v.to_string(), p.to_string()))
            .collect();
        assert_eq!(contacts, expected, "{all:?}");
        for e in page["events"].as_array().unwrap() {
            let countries: Vec<&str> = e["participants"]
                .as_array()
                .unwrap()
                .iter()
                .map(|p| p["country"].as_str().unwrap())
                .collect();
            assert!(
                countries.contains(&"RUS") && countries.contains(&"CHN"),
                "{e}"
            );
            assert!(
                is_arabic(e["evidence"][0]["quote"].as_str().unwrap()),
                "{e}"
            );
        }
        // Oldest first by first possible day.
        let earliest: Vec<&str> = page["events"]
            .as_array()
            .unwrap()
            .iter()
            .map(|e| e["date"]["earliest"].as_str().unwrap())
            .collect();
        assert!(earliest.windows(2).all(|w| w[0] <= w[1]), "{earliest:?}");
        assert!(page["next_url"].is_null() && page["next_cursor"].is_null());

        let contact_kinds =
            "/api/v1/events?country=RUS&country=CHN&kind=meeting&kind=visit&kind=summit&kind=call";
        let got = dates(&app.get(contact_kinds).await.json());
        let got: Vec<_> = got.into_iter().filter(|d| d.0 != "2017").collect();
        assert_eq!(got, expected);
    }
}

#[tokio::test]
async fn month_and_year_events_keep_their_precision() {
    for app in apps().await {
        let page = app.get("/api/v1/events?limit=500").await.json();
        for e in page["events"].as_array().unwrap() {
            let d = &e["date"];
            let value = d["value"].as_str().unwrap();
            match d["precision"].as_str().unwrap() {
                "day" => assert_eq!(value.len(), 10, "{d}"),
                "month" => {
                    // Never an invented day: the value is the month, the interval all of it.
                    assert_eq!(value.len(), 7, "{d}");
                    assert!(d["earliest"].as_str().unwrap().ends_with("-01"), "{d}");
                    assert_ne!(d["earliest"], d["latest"], "{d}");
                }
                "year" => assert_eq!(value.len(), 4, "{d}"),
                _ => {}
            }
        }
    }
}

#[tokio::test]
async fn pages_follow_the_cursor_and_the_link_header() {
    for app in apps().await {
        let whole = dates(&app.get("/api/v1/events?limit=500").await.json());
        assert!(whole.len() >= 8, "{whole:?}");
        let mut walked = Vec::new();
        let mut url = "/api/v1/events?limit=3".to_owned();
        loop {
            let r = app.get(&url).await;
            assert_eq!(r.status, 200, "{url}");
            let page = r.json();
            walked.extend(dates(&page));
            let Some(next) = page["next_url"].as_str() else {
                assert_eq!(r.header("link"), "");
                break;
            };
            assert_eq!(r.header("link"), format!("<{next}>; rel=\"next\""));
            assert!(next.contains(&format!("cursor={}", page["next_cursor"].as_str().unwrap())));
            url = next.to_owned();
        }
        assert_eq!(walked, whole);

        let mut newest_first = dates(&app.get("/api/v1/events?limit=500&order=desc").await.json());
        newest_first.reverse();
        let asc_days: Vec<&String> = whole.iter().map(|d| &d.0).collect();
        let desc_days: Vec<&String> = newest_first.iter().map(|d| &d.0).collect();
        assert_eq!(asc_days, desc_days);
    }
}

#[tokio::test]
async fn filters_narrow_the_feed() {
    for app in apps().await {
        let values = |uri: &'static str| {
            let app = &app;
            async move {
                dates(&app.get(uri).await.json())
                    .into_iter()
                    .map(|d| d.0)
                    .collect::<Vec<_>>()
            }
        };
        // Overlap: 2022-W37 (12–18 September) and September 2022 overlap the 13th.
        let v =
            values("/api/v1/events?country=RUS&country=CHN&from=2022-09-13&to=2022-09-13").await;
        assert!(
            v.contains(&"2022-W37".to_owned()) && v.contains(&"2022-09".to_owned()),
            "{v:?}"
        );
        assert!(v.iter().all(|d| d.starts_with("2022-")), "{v:?}");
        let v = values("/api/v1/events?from=2022").await;
        assert!(
            !v.is_empty() && v.iter().all(|d| d.as_str() >= "2022"),
            "{v:?}"
        );
        let v = values("/api/v1/events?to=2018").await;
        assert!(
            !v.is_empty() && v.iter().all(|d| d.as_str() < "2019"),
            "{v:?}"
        );

        let visits = app
            .get("/api/v1/events?country=RUS&country=CHN&kind=visit")
            .await
            .json();
        assert!(!visits["events"].as_array().unwrap().is_empty());
        for e in visits["events"].as_array().unwrap() {
            assert_eq!(e["kind"], "visit", "{e}");
        }

        let putin = values("/api/v1/events?participant=Q7747").await;
        let by_name = values("/api/v1/events?participant=vladimir%20putin").await;
        assert!(!putin.is_empty());
        assert_eq!(putin, by_name);
        assert!(values("/api/v1/events?participant=Q1").await.is_empty());

        let samarkand = values("/api/v1/events?place=Samarkand").await;
        assert_eq!(samarkand, ["2022-W37"]);
        assert!(values("/api/v1/events?min_sources=2").await.is_empty());
        assert!(!values("/api/v1/events?status=held").await.is_empty());
    }
}

#[tokio::test]
async fn fields_choose_the_parts_of_each_entry() {
    for app in apps().await {
        let whole = app.get("/api/v1/events?limit=3").await.json();
        let parts = app
            .get("/api/v1/events?limit=3&fields=date,participants")
            .await
            .json();
        assert_eq!(parts["next_cursor"], whole["next_cursor"]);
        let (whole, parts) = (
            whole["events"].as_array().unwrap(),
            parts["events"].as_array().unwrap(),
        );
        assert_eq!(parts.len(), whole.len());
        for (w, p) in whole.iter().zip(parts) {
            let keys: Vec<&str> = p.as_object().unwrap().keys().map(String::as_str).collect();
            assert_eq!(keys, ["date", "event_id", "participants"], "{p}");
            for key in keys {
                assert_eq!(p[key], w[key], "{key}");
            }
        }
        let quotes = app
            .get("/api/v1/events?limit=3&fields=evidence&evidence=all")
            .await
            .json();
        assert!(quotes["events"][0]["evidence"].is_array());
        // The exports have their own columns.
        let csv = app.get("/api/v1/events?format=csv&fields=date").await;
        assert_eq!(csv.status, 200);
        assert_eq!(csv.body, app.get("/api/v1/events?format=csv").await.body);
    }
}

#[tokio::test]
async fn a_period_that_ends_before_it_starts_is_empty() {
    for app in apps().await {
        // Events running across both years would overlap each bound; none overlaps the empty period.
        let page = app.get("/api/v1/events?from=2022&to=2018").await;
        assert_eq!(page.status, 200);
        assert!(dates(&page.json()).is_empty());
        let h = app
            .get("/api/v1/histogram?from=2022&to=2018&interval=year")
            .await;
        assert_eq!(h.status, 200);
        assert_eq!(h.json()["buckets"], serde_json::json!([]));
    }
}

#[tokio::test]
async fn full_text_search_is_arabic_normalised() {
    for app in apps().await {
        // The seed writes أبريل; a search without the hamza finds it, and so does one with it.
        let plain = app
            .get("/api/v1/events?q=%D8%A7%D8%A8%D8%B1%D9%8A%D9%84")
            .await
            .json();
        let hamza = app
            .get("/api/v1/events?q=%D8%A3%D8%A8%D8%B1%D9%8A%D9%84")
            .await
            .json();
        let plain = dates(&plain);
        assert!(!plain.is_empty());
        assert_eq!(plain, dates(&hamza));
        for quote in ["سمرقند", "\"سمرقند OR"] {
            let uri = format!("/api/v1/events?q={}", urlencode(quote));
            let r = app.get(&uri).await;
            assert_eq!(r.status, 200, "{quote}");
        }
        let none = app
            .get("/api/v1/events?q=%D9%83%D9%86%D8%BA%D8%B1")
            .await
            .json();
        assert!(dates(&none).is_empty());
    }
}

fn urlencode(s: &str) -> String {
    s.bytes().map(|b| format!("%{b:02X}")).collect()
}

#[tokio::test]
async fn exports_are_files_and_csv_can_start_with_a_bom() {
    for app in apps().await {
        for (query, name) in [
            ("format=csv", "tarikh-events.csv"),
            ("format=timelinejs", "tarikh-timelinejs.json"),
            ("format=vis", "tarikh-vis.json"),
        ] {
            let r = app.get(&format!("/api/v1/events?{query}")).await;
            assert_eq!(r.status, 200);
            let want = format!("attachment; filename=\"{name}\"");
            assert_eq!(r.header("content-disposition"), want, "{query}");
        }
        let json = app.get("/api/v1/events").await;
        assert!(json.headers.get("content-disposition").is_none());
        let plain = app.get("/api/v1/events?format=csv").await.body;
        let bom = app.get("/api/v1/events?format=csv&bom=1").await.body;
        assert!(!plain.starts_with(b"\xef\xbb\xbf"));
        assert_eq!(bom[..3], *b"\xef\xbb\xbf");
        assert_eq!(bom[3..], plain[..]);
        assert_eq!(app.get("/api/v1/events?format=csv&bom=0").await.body, plain);
        let bad = app.get("/api/v1/events?format=csv&bom=yes").await;
        let detail = crate::support::problem(&bad, 400);
        assert!(
            detail.contains("bom") && detail.contains("byte order mark"),
            "{detail}"
        );
        let atom = app.get("/feed.atom").await;
        assert_eq!(
            atom.header("content-disposition"),
            "inline; filename=\"tarikh.atom\""
        );
    }
}

#[tokio::test]
async fn the_feed_says_how_many_events_match_on_every_page() {
    for app in apps().await {
        let query = "country=RUS&country=CHN";
        let mut url = format!("/api/v1/events?{query}&limit=2");
        let (mut seen, mut totals) = (0, Vec::new());
        while !url.is_empty() {
            let page = app.get(&url).await.json();
            seen += page["events"].as_array().unwrap().len();
            totals.push(page["total"].as_i64().unwrap());
            url = page["next_url"].as_str().unwrap_or("").to_owned();
        }
        assert!(totals.len() > 1, "{totals:?}");
        assert!(
            totals.iter().all(|&t| t == seen as i64),
            "{totals:?} against {seen}"
        );
        // The same with fields=, with a filter that needs SQL (q), and for no match.
        let parts = app
            .get(&format!("/api/v1/events?{query}&fields=date"))
            .await
            .json();
        assert_eq!(parts["total"], seen as i64);
        let none = app.get("/api/v1/events?q=لاوجودلهذهالكلمة").await.json();
        assert_eq!(none["total"], 0);
    }
}

/// Issue 12: a feed item opens the event on the page, in the feed's language; an Arabic feed
/// has Arabic titles and dates.
#[tokio::test]
async fn feeds_link_to_the_page_in_their_language() {
    for app in apps().await {
        let en = app.get("/feed.json").await.json();
        assert_eq!(en["language"], "en");
        let item = &en["items"][0];
        let id = item["id"].as_str().unwrap();
        let event_id = id.rsplit('/').next().unwrap();
        assert_eq!(id, format!("/api/v1/events/{event_id}"));
        assert_eq!(item["url"], format!("/?event={event_id}"));

        let ar = app.get("/feed.json?lang=ar").await.json();
        assert_eq!(ar["language"], "ar");
        assert_eq!(ar["home_page_url"], "/?lang=ar");
        assert!(ar["title"].as_str().unwrap().starts_with("تاريخ"));
        for item in ar["items"].as_array().unwrap() {
            let title = item["title"].as_str().unwrap();
            assert!(
                title
                    .chars()
                    .next()
                    .is_some_and(|c| ('\u{0600}'..='\u{06FF}').contains(&c)),
                "{title}"
            );
            assert!(
                !title.contains("Meeting") && !title.contains("Visit"),
                "{title}"
            );
            assert!(item["url"].as_str().unwrap().ends_with("&lang=ar"));
        }

        let atom = String::from_utf8(app.get("/feed.atom?lang=ar").await.body).unwrap();
        assert!(atom.contains(r#"xml:lang="ar""#), "{atom}");
        assert!(
            atom.contains(&format!(r#"href="/?event={event_id}&amp;lang=ar""#)),
            "{atom}"
        );
        let page = app.get(&format!("/?event={event_id}")).await;
        assert_eq!(page.status, 200);

        let bad = app.get("/feed.atom?lang=fr").await;
        let detail = crate::support::problem(&bad, 400);
        assert!(detail.contains("lang"), "{detail}");
    }
}

fn ids(page: &serde_json::Value) -> Vec<i64> {
    page["events"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["event_id"].as_i64().unwrap())
        .collect()
}

/// Issue 12: a known name finds the events its person or state takes part in, whichever
/// language it is typed in.
#[tokio::test]
async fn search_by_name_in_either_language() {
    for app in apps().await {
        let by_participant = ids(&app
            .get("/api/v1/events?participant=Vladimir%20Putin&limit=500")
            .await
            .json());
        assert!(!by_participant.is_empty());
        for name in ["Putin", "putin", "Vladimir Putin", "بوتين", "فلاديمير بوتين"]
        {
            let page = app
                .get(&format!("/api/v1/events?q={}&limit=500", urlencode(name)))
                .await
                .json();
            assert_eq!(ids(&page), by_participant, "{name}");
            assert_eq!(page["total"], by_participant.len(), "{name}");
        }
        let by_country = ids(&app.get("/api/v1/events?country=RUS&limit=500").await.json());
        for name in ["Russia", "روسيا"] {
            let page = app
                .get(&format!("/api/v1/events?q={}&limit=500", urlencode(name)))
                .await
                .json();
            assert_eq!(ids(&page), by_country, "{name}");
        }
        // Other words are still matched in the quotes; the histogram reads the same.
        let words = app
            .get("/api/v1/events?q=%D8%A8%D9%83%D9%8A%D9%86")
            .await
            .json();
        assert!(!ids(&words).is_empty(), "بكين in the quotes");
        let h = app
            .get("/api/v1/histogram?interval=year&q=Putin")
            .await
            .json();
        let counted: i64 = h["buckets"]
            .as_array()
            .unwrap()
            .iter()
            .map(|b| b["events"].as_i64().unwrap())
            .sum::<i64>()
            + h["coarser"]["total"].as_i64().unwrap_or(0);
        assert_eq!(counted, by_participant.len() as i64);
    }
}
