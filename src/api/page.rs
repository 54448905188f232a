//! The timeline page served at `/`, and its vendored assets.
//!
//! Everything the page needs is compiled into the binary: `index.html`, `app.js`, `app.css`
//! and the released files of vis-timeline and Apache ECharts with their licences, so the page
//! works with no network beyond this server. The page is a plain client of the public
//! `/api/v1` endpoints. Responses carry an `ETag` (a hash of the bytes) and `no-cache`, so a
//! browser revalidates and gets a 304 until the binary changes.

use std::sync::LazyLock;

use axum::Router;
use axum::extract::Path;
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::get;

/// One file of the page.
struct Asset {
    path: &'static str,
    content_type: &'static str,
    bytes: &'static [u8],
}

const JS: &str = "text/javascript; charset=utf-8";
const CSS: &str = "text/css; charset=utf-8";
const TEXT: &str = "text/plain; charset=utf-8";

/// The files under `/assets/`, by path; the licences are served too, next to their library.
static ASSETS: &[Asset] = &[
    asset("app.js", JS, include_bytes!("page/app.js")),
    asset("app.css", CSS, include_bytes!("page/app.css")),
    asset(
        "vendor/vis-timeline/vis-timeline-graph2d.min.js",
        JS,
        include_bytes!("page/vendor/vis-timeline/vis-timeline-graph2d.min.js"),
    ),
    asset(
        "vendor/vis-timeline/LICENSE.md",
        TEXT,
        include_bytes!("page/vendor/vis-timeline/LICENSE.md"),
    ),
    asset(
        "vendor/vis-timeline/LICENSE.Apache-2.0.txt",
        TEXT,
        include_bytes!("page/vendor/vis-timeline/LICENSE.Apache-2.0.txt"),
    ),
    asset(
        "vendor/vis-timeline/LICENSE.MIT.txt",
        TEXT,
        include_bytes!("page/vendor/vis-timeline/LICENSE.MIT.txt"),
    ),
    asset(
        "vendor/echarts/echarts.min.js",
        JS,
        include_bytes!("page/vendor/echarts/echarts.min.js"),
    ),
    asset(
        "vendor/echarts/LICENSE",
        TEXT,
        include_bytes!("page/vendor/echarts/LICENSE"),
    ),
    asset(
        "vendor/echarts/LICENSE-d3",
        TEXT,
        include_bytes!("page/vendor/echarts/LICENSE-d3"),
    ),
    asset(
        "vendor/echarts/NOTICE",
        TEXT,
        include_bytes!("page/vendor/echarts/NOTICE"),
    ),
];

const fn asset(path: &'static str, content_type: &'static str, bytes: &'static [u8]) -> Asset {
    Asset {
        path,
        content_type,
        bytes,
    }
}

static INDEX: &str = include_str!("page/index.html");

/// Scripts only from this server (no inline script, no eval); styles may be inline because
/// both libraries position their elements with style attributes.
const CSP: &str = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; \
                   img-src 'self' data:; connect-src 'self'; object-src 'none'; \
                   base-uri 'none'; frame-ancestors 'none'";

/// `GET /` and `GET /assets/{*path}`, to merge into the service's router.
pub fn routes<S: Clone + Send + Sync + 'static>() -> Router<S> {
    Router::new()
        .route("/", get(index))
        .route("/assets/{*path}", get(serve_asset))
}

async fn index(headers: HeaderMap) -> Response {
    static ETAG: LazyLock<HeaderValue> = LazyLock::new(|| etag(INDEX.as_bytes()));
    let mut response = cached(
        &headers,
        &ETAG,
        "text/html; charset=utf-8",
        INDEX.as_bytes(),
    );
    response.headers_mut().insert(
        header::CONTENT_SECURITY_POLICY,
        HeaderValue::from_static(CSP),
    );
    response
}

async fn serve_asset(Path(path): Path<String>, headers: HeaderMap) -> Response {
    static ETAGS: LazyLock<Vec<HeaderValue>> =
        LazyLock::new(|| ASSETS.iter().map(|a| etag(a.bytes)).collect());
    match ASSETS.iter().position(|a| a.path == path) {
        Some(i) => cached(&headers, &ETAGS[i], ASSETS[i].content_type, ASSETS[i].bytes),
        None => super::error::ApiError::NotFound(format!(
            "no asset /assets/{path}; the page's files are app.js, app.css and vendor/…"
        ))
        .into_response(),
    }
}

fn etag(bytes: &[u8]) -> HeaderValue {
    let hash = blake3::hash(bytes).to_hex();
    HeaderValue::from_str(&format!("\"{}\"", &hash[..16])).expect("hex is a valid header")
}

/// The file, or 304 when the browser already has this version.
fn cached(
    request: &HeaderMap,
    etag: &HeaderValue,
    content_type: &'static str,
    body: &'static [u8],
) -> Response {
    let fresh = request
        .get(header::IF_NONE_MATCH)
        .is_some_and(|v| v.as_bytes() == etag.as_bytes());
    let status = if fresh {
        StatusCode::NOT_MODIFIED
    } else {
        StatusCode::OK
    };
    let mut response = if fresh {
        status.into_response()
    } else {
        (status, body).into_response()
    };
    let h = response.headers_mut();
    h.insert(header::CONTENT_TYPE, HeaderValue::from_static(content_type));
    h.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-cache"));
    h.insert(header::ETAG, etag.clone());
    h.insert(
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    );
    response
}

#[cfg(test)]
mod tests {
    use axum::body::Body;
    use axum::http::Request;
    use http_body_util::BodyExt;
    use tower::ServiceExt;

    use super::*;

    async fn get(uri: &str, etag: Option<&HeaderValue>) -> Response {
        let mut request = Request::get(uri);
        if let Some(etag) = etag {
            request = request.header(header::IF_NONE_MATCH, etag);
        }
        routes::<()>()
            .oneshot(request.body(Body::empty()).unwrap())
            .await
            .unwrap()
    }

    async fn body(response: Response) -> String {
        let bytes = response.into_body().collect().await.unwrap().to_bytes();
        String::from_utf8(bytes.to_vec()).unwrap()
    }

    fn header_of(response: &Response, name: header::HeaderName) -> &str {
        response.headers()[name].to_str().unwrap()
    }

    #[tokio::test]
    async fn root_is_the_html_page() {
        let response = get("/", None).await;
        assert_eq!(response.status(), StatusCode::OK);
        assert_eq!(
            header_of(&response, header::CONTENT_TYPE),
            "text/html; charset=utf-8"
        );
        assert_eq!(header_of(&response, header::CACHE_CONTROL), "no-cache");
        assert!(
            header_of(&response, header::CONTENT_SECURITY_POLICY).contains("script-src 'self'")
        );
        let html = body(response).await;
        assert!(html.starts_with("<!doctype html>"), "{html:.80}");
        assert!(html.contains("/assets/app.js"));
    }

    #[tokio::test]
    async fn assets_are_served_with_their_type() {
        for (uri, content_type, needle) in [
            ("/assets/app.js", JS, "textContent"),
            ("/assets/app.css", CSS, "{"),
            ("/assets/vendor/echarts/echarts.min.js", JS, "echarts"),
            ("/assets/vendor/echarts/LICENSE", TEXT, "Apache License"),
            (
                "/assets/vendor/vis-timeline/vis-timeline-graph2d.min.js",
                JS,
                "vis-timeline",
            ),
        ] {
            let response = get(uri, None).await;
            assert_eq!(response.status(), StatusCode::OK, "{uri}");
            assert_eq!(header_of(&response, header::CONTENT_TYPE), content_type);
            assert!(body(response).await.contains(needle), "{uri}");
        }
    }

    #[tokio::test]
    async fn every_page_reference_is_an_asset() {
        let html = body(get("/", None).await).await;
        for part in html.split("/assets/").skip(1) {
            let path = part.split('"').next().unwrap();
            let response = get(&format!("/assets/{path}"), None).await;
            assert_eq!(response.status(), StatusCode::OK, "{path}");
        }
    }

    #[tokio::test]
    async fn unknown_assets_are_404() {
        for uri in [
            "/assets/nope.js",
            "/assets/../Cargo.toml",
            "/assets/vendor/echarts",
        ] {
            assert_eq!(
                get(uri, None).await.status(),
                StatusCode::NOT_FOUND,
                "{uri}"
            );
        }
    }

    #[tokio::test]
    async fn a_known_version_is_not_sent_again() {
        let first = get("/assets/app.css", None).await;
        let etag = first.headers()[header::ETAG].clone();
        let again = get("/assets/app.css", Some(&etag)).await;
        assert_eq!(again.status(), StatusCode::NOT_MODIFIED);
        assert!(body(again).await.is_empty());
    }
}
