//! Events no report dates: kept, left off the timeline, listed apart with the feed's filters.

use serde_json::json;

use crate::support::{apps, problem};

const UNDATED: &str = "وصل وزير الخارجية الروسي سيرغي لافروف إلى بكين في زيارة رسمية.";

#[tokio::test]
async fn undated_events_are_listed_apart_with_the_feeds_filters() {
    for app in apps().await {
        let before = app.get("/api/v1/events/undated").await;
        assert_eq!(before.status, 200);
        let before = before.json();
        assert_eq!(before["total"], before["events"].as_array().unwrap().len());

        let article = json!({"text": UNDATED, "title": "لافروف في بكين", "source": "test", "published_at": "2023-03-04"});
        let r = app.post_json("/api/v1/documents", &article).await;
        assert_eq!(r.status, 201, "{}", String::from_utf8_lossy(&r.body));
        assert!(r.json()["events"][0]["date"].is_null());

        let page = app.get("/api/v1/events/undated?country=RUS").await.json();
        let events = page["events"].as_array().unwrap();
        let ours = events
            .iter()
            .find(|e| e["evidence"][0]["quote"] == UNDATED)
            .unwrap_or_else(|| panic!("{page}"));
        let event_id = ours["event_id"].as_i64().unwrap();
        assert!(ours.get("date").is_none(), "{ours}");
        assert_eq!(ours["evidence"][0]["quote"].as_str().unwrap(), UNDATED);
        assert_eq!(ours["evidence"][0]["title"], "لافروف في بكين");
        assert!(page["total"].as_i64().unwrap() >= 1);
        // Not on the timeline.
        let feed = app.get("/api/v1/events?limit=500").await.json();
        let dated = feed["events"].as_array().unwrap();
        assert!(dated.iter().all(|e| e["event_id"] != event_id));

        // The filters narrow it; the period is checked and otherwise ignored.
        let none = app.get("/api/v1/events/undated?country=USA").await.json();
        assert!(
            none["events"]
                .as_array()
                .unwrap()
                .iter()
                .all(|e| e["event_id"] != event_id)
        );
        let searched = app
            .get("/api/v1/events/undated?q=لافروف&from=2020&to=2021")
            .await
            .json();
        assert!(
            searched["events"]
                .as_array()
                .unwrap()
                .iter()
                .any(|e| e["event_id"] == event_id)
        );
        problem(&app.get("/api/v1/events/undated?from=2020-13").await, 400);
        problem(&app.get("/api/v1/events/undated?order=asc").await, 400);
        problem(&app.get("/api/v1/events/undated?cursor=x").await, 400);
    }
}

#[tokio::test]
async fn undated_pages_follow_the_cursor() {
    for app in apps().await {
        let texts = [
            "وصل وزير الخارجية الروسي سيرغي لافروف إلى بكين في زيارة رسمية.",
            "وصل الرئيس الصيني شي جين بينغ إلى موسكو في زيارة رسمية.",
            "وصل الرئيس الروسي فلاديمير بوتين إلى طهران في زيارة رسمية.",
        ];
        for text in texts {
            let r = app
                .post_json(
                    "/api/v1/documents",
                    &json!({"text": text, "published_at": "2023-03-04"}),
                )
                .await;
            assert_eq!(r.status, 201, "{}", String::from_utf8_lossy(&r.body));
        }
        let all = app.get("/api/v1/events/undated?limit=500").await.json();
        let total = all["total"].as_i64().unwrap();
        assert!(total >= 3, "{all}");
        let mut url = "/api/v1/events/undated?limit=2".to_owned();
        let mut seen = Vec::new();
        while !url.is_empty() {
            let r = app.get(&url).await;
            let page = r.json();
            assert_eq!(page["total"], total);
            if let Some(next) = page["next_url"].as_str() {
                assert_eq!(r.header("link"), format!("<{next}>; rel=\"next\""));
            }
            seen.extend(
                page["events"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .map(|e| e["event_id"].as_i64().unwrap()),
            );
            url = page["next_url"].as_str().unwrap_or("").to_owned();
        }
        assert_eq!(seen.len() as i64, total);
        assert!(seen.windows(2).all(|w| w[0] < w[1]), "{seen:?}");
    }
}
