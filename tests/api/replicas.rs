//! Two replicas on one database: what is written through one is in the other's feed,
//! histogram and ETags within a second, although the other had cached its answers.

use std::time::{Duration, Instant};

use serde_json::json;

use crate::support::replicas;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_write_through_one_replica_shows_in_the_other_within_a_second() {
    let feed = "/api/v1/events?country=RUS&country=CHN";
    let histogram = "/api/v1/histogram?interval=year&country=RUS&country=CHN";
    for (one, other) in replicas().await {
        let before = other.get(feed).await;
        assert_eq!(before.status, 200, "{}", other.backend);
        let etag = before.header("etag").to_owned();
        let total = before.json()["total"].as_i64().unwrap();
        let bars = other.get(histogram).await.json();
        // Cached now: asking again is answered from the cache.
        assert_eq!(other.get(feed).await.header("etag"), etag);

        let body = json!({
            "text": "زار الرئيس الروسي فلاديمير بوتين الصين في 3 مارس 2030 والتقى الرئيس شي جين بينغ.",
            "published_at": "2030-03-05",
            "source": "replica test",
        });
        let r = one.post_json("/api/v1/documents", &body).await;
        assert_eq!(
            r.status,
            201,
            "{}: {}",
            one.backend,
            String::from_utf8_lossy(&r.body)
        );

        let wrote = Instant::now();
        loop {
            let page = other.get(feed).await;
            if page.header("etag") != etag {
                assert_eq!(
                    page.json()["total"].as_i64().unwrap(),
                    total + 1,
                    "{}",
                    other.backend
                );
                assert_ne!(other.get(histogram).await.json(), bars, "{}", other.backend);
                break;
            }
            assert!(
                wrote.elapsed() < Duration::from_secs(1),
                "{}: the other replica still serves what it had cached",
                other.backend
            );
            tokio::time::sleep(Duration::from_millis(20)).await;
        }
    }
}
