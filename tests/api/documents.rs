//! Articles over HTTP: ingest, read back, extract without storing.

use serde_json::json;

use crate::support::{apps, dates};

const ARTICLE: &str = "التقى وزير الخارجية الروسي سيرغي لافروف نظيره الصيني وانغ يي في موسكو يوم 3 آذار 2023 لبحث الأزمة الأوكرانية.";

#[tokio::test]
async fn an_ingested_article_joins_the_feed_and_a_duplicate_is_recognised() {
    for app in apps().await {
        let before = dates(
            &app.get("/api/v1/events?country=RUS&country=CHN&from=2023")
                .await
                .json(),
        );
        assert!(before.is_empty(), "{before:?}");
        let counted = |h: serde_json::Value| -> i64 {
            h["buckets"]
                .as_array()
                .unwrap()
                .iter()
                .map(|b| b["events"].as_i64().unwrap())
                .sum()
        };
        let histogram = "/api/v1/histogram?interval=year&from=2023&country=RUS";
        assert_eq!(counted(app.get(histogram).await.json()), 0);
        // Let the background tally finish so that the next answer could come from it.
        tokio::time::sleep(std::time::Duration::from_millis(200)).await;
        assert_eq!(
            counted(
                app.get("/api/v1/histogram?interval=year&from=2023&country=CHN")
                    .await
                    .json()
            ),
            0
        );

        // The count of a filter is kept for its pages, until the data changes.
        let total = |page: serde_json::Value| page["total"].as_i64().unwrap();
        let first_page = "/api/v1/events?country=RUS&country=CHN&from=2023&limit=7";
        assert_eq!(total(app.get(first_page).await.json()), 0);

        let article = json!({"text": ARTICLE, "published_at": "2023-03-04", "title": "لقاء",
                             "source": "test", "url": "https://example.org/a"});
        let r = app.post_json("/api/v1/documents", &article).await;
        assert_eq!(r.status, 201, "{}", String::from_utf8_lossy(&r.body));
        let created = r.json();
        let id = created["document_id"].as_i64().unwrap();
        assert_eq!(created["created"], true);
        assert_eq!(created["timexes"][0]["value"], "2023-03-03");
        assert_eq!(created["events"][0]["kind"], "meeting");

        // The feed read before the write was cached; the write makes it fresh.
        let page = app
            .get("/api/v1/events?country=RUS&country=CHN&from=2023")
            .await
            .json();
        assert_eq!(dates(&page), [("2023-03-03".to_owned(), "day".to_owned())]);
        assert_eq!(
            total(page),
            1,
            "the total counted before the write is not reused"
        );
        // The tally read before the write is stale: the histogram counts the new event.
        assert_eq!(counted(app.get(histogram).await.json()), 1);

        let again = app.post_json("/api/v1/documents", &article).await;
        assert_eq!(again.status, 200);
        assert_eq!(again.json()["document_id"], id);
        assert_eq!(again.json()["created"], false);
        assert_eq!(app.document_count().await, 3);

        let doc = app.get(&format!("/api/v1/documents/{id}")).await.json();
        assert_eq!(doc["text"], ARTICLE);
        assert_eq!(doc["source"], "test");
        let t = &doc["timexes"][0];
        let (start, end) = (
            t["start"].as_u64().unwrap() as usize,
            t["end"].as_u64().unwrap() as usize,
        );
        // Offsets are code points into the text, end exclusive.
        let span: String = ARTICLE.chars().skip(start).take(end - start).collect();
        assert_eq!(span, t["text"].as_str().unwrap());
        assert_eq!(span, "3 آذار 2023");
        let e = &doc["events"][0];
        let trigger: String = ARTICLE
            .chars()
            .skip(e["trigger_start"].as_u64().unwrap() as usize)
            .take(
                (e["trigger_end"].as_u64().unwrap() - e["trigger_start"].as_u64().unwrap())
                    as usize,
            )
            .collect();
        assert_eq!(trigger, "التقى");

        let event_id = e["event_id"].as_i64().unwrap();
        let detail = app.get(&format!("/api/v1/events/{event_id}")).await.json();
        let ev = &detail["evidence"][0];
        assert_eq!(ev["date_text"], "3 آذار 2023");
        assert_eq!(ev["url"], "https://example.org/a");
        assert!(ev["merge_reason"].as_str().is_some_and(|r| !r.is_empty()));
        assert!(detail["disagreements"].as_array().unwrap().is_empty());
    }
}

#[tokio::test]
async fn text_without_dates_is_stored_with_nothing_found() {
    for app in apps().await {
        let article =
            json!({"text": "قال المتحدث إن المحادثات كانت مثمرة.", "published_at": "2023-03-04"});
        let r = app.post_json("/api/v1/documents", &article).await;
        assert_eq!(r.status, 201);
        assert!(r.json()["timexes"].as_array().unwrap().is_empty());
        assert!(r.json()["events"].as_array().unwrap().is_empty());
    }
}

#[tokio::test]
async fn extract_stores_nothing() {
    for app in apps().await {
        let r = app
            .post_json(
                "/api/v1/extract",
                &json!({"text": "زار بوتين بكين الجمعة الماضية", "dct": "2018-06-12"}),
            )
            .await;
        assert_eq!(r.status, 200);
        let out = r.json();
        assert_eq!(out["timexes"][0]["value"], "2018-06-08");
        assert_eq!(out["events"][0]["kind"], "visit");
        let r = app
            .post_json("/api/v1/extract", &json!({"text": "في شباط الماضي"}))
            .await;
        assert_eq!(r.json()["timexes"][0]["value"], "XXXX-02");
        assert_eq!(app.document_count().await, 2);
    }
}

#[tokio::test]
async fn a_published_at_with_an_offset_is_the_local_date_at_the_source() {
    for app in apps().await {
        // 00:30 on 4 March in Moscow is still 3 March in UTC: أمس is 3 March, not 2 March.
        let text = "التقى وزير الخارجية الروسي سيرغي لافروف نظيره الصيني وانغ يي في موسكو أمس.";
        let article = json!({"text": text, "published_at": "2023-03-04T00:30:00+03:00"});
        let r = app.post_json("/api/v1/documents", &article).await;
        assert_eq!(r.status, 201, "{}", String::from_utf8_lossy(&r.body));
        assert_eq!(r.json()["timexes"][0]["value"], "2023-03-03");
        let extracted = app
            .post_json(
                "/api/v1/extract",
                &json!({"text": text, "dct": "2023-03-04T08:00:00Z"}),
            )
            .await;
        assert_eq!(extracted.json()["timexes"][0]["value"], "2023-03-03");
        let bad = app
            .post_json(
                "/api/v1/documents",
                &json!({"text": text, "published_at": "2023-03-04T00:30+03"}),
            )
            .await;
        let detail = crate::support::problem(&bad, 422);
        assert!(detail.contains("RFC 3339"), "{detail}");
    }
}
