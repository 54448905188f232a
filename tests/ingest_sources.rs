//! Feeds and pages over HTTP, from a server on a free local port serving our own texts:
//! the good sources are stored with their date, title, URL and outlet, and each broken one
//! (broken XML, a 404, a slow server, a page without a date, a redirect loop, a 50 MB
//! answer) is one failure naming that source and what was wrong, with nothing else lost.

use std::collections::BTreeMap;
use std::path::PathBuf;
use std::time::{Duration, Instant};

use axum::Router;
use axum::body::Body;
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::get;
use indicatif::ProgressBar;
use tarikh::ingest::{Limits, ingest_sources};
use tarikh::store;

/// Long enough for a readability extractor to take it for an article, not a menu.
fn paragraphs(subject: &str) -> String {
    [
        format!("{subject} في العاصمة يوم الأحد الماضي، وبحث الجانبان التعاون في مجالات الطاقة والتجارة."),
        "وقال المتحدث باسم الوزارة إن الاجتماع المقبل سيعقد في الخامس عشر من مارس/آذار المقبل، وإن الطرفين اتفقا على تشكيل لجنة مشتركة تجتمع كل ثلاثة أشهر.".to_owned(),
        "وأضاف أن الوفدين ناقشا أيضا ملفات إقليمية عدة، بينها الأوضاع في المنطقة وسبل دعم الاستقرار، وأن المحادثات جرت في أجواء إيجابية وبناءة.".to_owned(),
        "ومن المقرر أن يزور وفد اقتصادي العاصمة في الأسبوع المقبل لمتابعة ما تم الاتفاق عليه، بحسب بيان صدر في ختام الزيارة.".to_owned(),
    ]
    .map(|p| format!("<p>{p}</p>"))
    .join("\n")
}

fn page(head: &str, subject: &str, extra: &str) -> String {
    format!(
        "<!DOCTYPE html><html lang=\"ar\" dir=\"rtl\"><head><meta charset=\"utf-8\">\
         <title>{subject} | صحيفة الاختبار</title>{head}</head><body>\
         <nav><a href=\"/\">الرئيسية</a> <a href=\"/world\">العالم</a></nav>\
         <article><h1>{subject}</h1>{extra}{}</article>\
         <footer>جميع الحقوق محفوظة</footer></body></html>",
        paragraphs(subject)
    )
}

const FEED: &str = r#"<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>نشرة الاختبار</title><link>http://localhost/</link>
<item><title>لقاء في موسكو</title><link>https://news.example/moscow</link>
<pubDate>Tue, 01 Mar 2022 01:00:00 +0300</pubDate>
<description>&lt;p&gt;التقى وزيرا الخارجية في موسكو يوم الأحد الماضي.&lt;/p&gt;</description></item>
<item><title>مؤتمر في بكين</title><link>https://news.example/beijing</link>
<pubDate>Wed, 02 Mar 2022 18:30:00 GMT</pubDate>
<description>يعقد المؤتمر في بكين في العاشر من أبريل/نيسان المقبل.</description></item>
<item><title>خبر بلا تاريخ</title><description>نص بلا تاريخ نشر.</description></item>
</channel></rss>"#;

const ATOM: &str = r#"<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>أطلس الأخبار</title><id>urn:test</id>
<updated>2022-03-05T09:00:00+02:00</updated>
<entry><title>قمة ثنائية</title><id>urn:test:1</id><link href="https://news.example/summit"/>
<published>2022-03-05T00:30:00+02:00</published><updated>2022-03-05T09:00:00+02:00</updated>
<content type="html">&lt;p&gt;عقدت القمة أمس في أنقرة.&lt;/p&gt;</content></entry>
</feed>"#;

async fn huge() -> Response {
    // 50 MB in 64 KiB chunks, with no Content-Length: the cap must hold while streaming.
    let chunk = vec![b'a'; 64 << 10];
    let chunks = (0..800).map(move |_| Ok::<_, std::io::Error>(chunk.clone()));
    Body::from_stream(futures_util::stream::iter(chunks)).into_response()
}

fn app() -> Router {
    let xml = |s: &'static str| ([(header::CONTENT_TYPE, "application/rss+xml")], s);
    let html = |s: String| ([(header::CONTENT_TYPE, "text/html; charset=utf-8")], s);
    let meta = page(
        r#"<meta property="article:published_time" content="2022-03-07T23:15:00+03:00"><meta property="og:site_name" content="صحيفة الاختبار">"#,
        "زيارة رسمية إلى القاهرة",
        "",
    );
    let json_ld = page(
        r#"<script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle","headline":"محادثات في الرياض","datePublished":"2022-03-08T10:00:00Z"}</script>"#,
        "محادثات في الرياض",
        "",
    );
    let time_tag = page(
        "",
        "اجتماع في عمّان",
        r#"<time datetime="2022-03-09">٩ مارس ٢٠٢٢</time>"#,
    );
    let undated = page("", "مقال بلا تاريخ", "");
    Router::new()
        .route("/feed.xml", get(move || async move { xml(FEED) }))
        .route("/atom.xml", get(move || async move { xml(ATOM) }))
        .route(
            "/broken.xml",
            get(move || async move { xml("<rss><channel><item><title>x</title>") }),
        )
        .route("/meta.html", get(move || async move { html(meta) }))
        .route("/jsonld.html", get(move || async move { html(json_ld) }))
        .route("/time.html", get(move || async move { html(time_tag) }))
        .route("/undated.html", get(move || async move { html(undated) }))
        .route(
            "/slow.xml",
            get(move || async move {
                tokio::time::sleep(Duration::from_secs(10)).await;
                xml(FEED)
            }),
        )
        .route("/loop", get(|| async { Redirect::temporary("/loop") }))
        .route(
            "/moved",
            get(|| async { Redirect::permanent("/time.html") }),
        )
        .route("/huge.html", get(huge))
        .fallback(|| async { (StatusCode::NOT_FOUND, "غير موجود") })
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn feeds_and_pages_over_http() {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let base = format!("http://{}", listener.local_addr().unwrap());
    tokio::spawn(async move { axum::serve(listener, app()).await.unwrap() });

    let dir = tempfile::tempdir().unwrap();
    let store = store::connect(dir.path().join("t.db")).await.unwrap();
    let names = [
        "feed.xml",
        "atom.xml",
        "broken.xml",
        "missing.xml",
        "slow.xml",
        "meta.html",
        "jsonld.html",
        "moved",
        "undated.html",
        "loop",
        "huge.html",
    ];
    let sources: Vec<PathBuf> = names.iter().map(|n| format!("{base}/{n}").into()).collect();
    let limits = Limits {
        max_bytes: 2 << 20,
        timeout: Duration::from_secs(2),
        max_redirects: 3,
    };
    let mut failures = BTreeMap::new();
    let started = Instant::now();
    let summary = ingest_sources(&store, &sources, limits, &ProgressBar::hidden(), |f| {
        let origin = f.origin.strip_prefix(&base).unwrap_or(&f.origin).to_owned();
        failures.insert(origin, f.message.clone());
    })
    .await
    .unwrap();
    // The slow server costs its time limit, not its 10 s.
    assert!(
        started.elapsed() < Duration::from_secs(8),
        "{:?}",
        started.elapsed()
    );

    let expected = [
        (
            "/feed.xml item 3 (خبر بلا تاريخ)",
            "no readable publication date",
        ),
        ("/broken.xml", "not a readable RSS or Atom feed"),
        ("/missing.xml", "HTTP 404"),
        ("/slow.xml", "no complete answer within 2 s"),
        ("/undated.html", "no publication date in the page"),
        ("/loop", "more than 3 redirects"),
        ("/huge.html", "larger than 2 MB"),
    ];
    assert_eq!(
        failures.keys().collect::<Vec<_>>(),
        expected
            .iter()
            .map(|(k, _)| k)
            .collect::<std::collections::BTreeSet<_>>()
            .into_iter()
            .collect::<Vec<_>>(),
        "{failures:#?}"
    );
    for (origin, why) in expected {
        assert!(
            failures[origin].contains(why),
            "{origin}: {}",
            failures[origin]
        );
    }
    assert_eq!((summary.new, summary.failed), (6, 7), "{summary}");

    // Every good source stored with its own date (local at the source), title, URL, outlet.
    let mut stored = Vec::new();
    for id in 1..=6 {
        let d = store.document_detail(id).await.unwrap().unwrap();
        stored.push((
            d.published_at,
            d.title.unwrap_or_default(),
            d.url.unwrap_or_default(),
            d.source.unwrap_or_default(),
        ));
    }
    let want = [
        (
            "2022-03-01T01:00:00",
            "لقاء في موسكو",
            "https://news.example/moscow",
            "نشرة الاختبار",
        ),
        (
            "2022-03-02T18:30:00",
            "مؤتمر في بكين",
            "https://news.example/beijing",
            "نشرة الاختبار",
        ),
        (
            "2022-03-05T00:30:00",
            "قمة ثنائية",
            "https://news.example/summit",
            "أطلس الأخبار",
        ),
        (
            "2022-03-07T23:15:00+03:00",
            "زيارة رسمية إلى القاهرة",
            &format!("{base}/meta.html"),
            "صحيفة الاختبار",
        ),
        (
            "2022-03-08T10:00:00Z",
            "محادثات في الرياض",
            &format!("{base}/jsonld.html"),
            "127.0.0.1",
        ),
        (
            "2022-03-09",
            "اجتماع في عمّان",
            &format!("{base}/time.html"),
            "127.0.0.1",
        ),
    ];
    for (got, want) in stored.iter().zip(want) {
        let got = (
            got.0.as_str(),
            got.1.as_str(),
            got.2.as_str(),
            got.3.as_str(),
        );
        assert_eq!(got.0, want.0);
        assert!(got.1.starts_with(want.1), "{got:?}");
        assert_eq!((got.2, got.3), (want.2, want.3), "{got:?}");
    }
    // A page's text is its article, without the navigation or the footer.
    let page = store.document_detail(4).await.unwrap().unwrap();
    assert!(page.text.contains("الاجتماع المقبل سيعقد"), "{}", page.text);
    assert!(
        !page.text.contains("الرئيسية") && !page.text.contains("جميع الحقوق"),
        "{}",
        page.text
    );

    // Ingesting the same sources again stores nothing twice.
    let again = ingest_sources(
        &store,
        &sources[..2],
        limits,
        &ProgressBar::hidden(),
        |_| {},
    )
    .await
    .unwrap();
    assert_eq!((again.new, again.unchanged), (0, 3), "{again}");
}
