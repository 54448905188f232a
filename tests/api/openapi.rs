//! `/openapi.json` describes the router as it is: every route and method, the feed's
//! parameters, references that resolve, and schemas that the real answers fit.

use axum::body::Body;
use axum::http::Request;
use serde_json::{Value, json};

use crate::support::{App, Reply, TOKEN, apps, seeded};

/// The router's routes and their methods, as `api::router` declares them.
const ROUTES: [(&str, &[&str]); 13] = [
    ("/api/v1/events", &["get"]),
    ("/api/v1/events/undated", &["get"]),
    ("/api/v1/events/{id}", &["get"]),
    ("/api/v1/histogram", &["get"]),
    ("/api/v1/documents", &["post"]),
    ("/api/v1/documents/{id}", &["get"]),
    ("/api/v1/extract", &["post"]),
    ("/api/v1/sources", &["get"]),
    ("/healthz", &["get"]),
    ("/metrics", &["get"]),
    ("/feed.json", &["get"]),
    ("/feed.atom", &["get"]),
    ("/openapi.json", &["get"]),
];

const METHODS: [&str; 8] = [
    "get", "put", "post", "delete", "options", "head", "patch", "trace",
];

pub async fn document(app: &App) -> Value {
    let r = app.get("/openapi.json").await;
    assert_eq!(r.status, 200);
    assert!(r.header("content-type").starts_with("application/json"));
    r.json()
}

/// The value a local `$ref` (`#/components/…`) points at.
fn resolve<'a>(doc: &'a Value, reference: &str) -> Option<&'a Value> {
    doc.pointer(reference.strip_prefix('#')?)
}

/// `value` itself, or what it refers to.
fn deref<'a>(doc: &'a Value, value: &'a Value) -> &'a Value {
    match value.get("$ref").and_then(Value::as_str) {
        Some(r) => resolve(doc, r).unwrap_or_else(|| panic!("dangling {r}")),
        None => value,
    }
}

fn is_type(v: &Value, t: &str) -> bool {
    match t {
        "null" => v.is_null(),
        "boolean" => v.is_boolean(),
        "string" => v.is_string(),
        "integer" => v.is_i64() || v.is_u64(),
        "number" => v.is_number(),
        "array" => v.is_array(),
        "object" => v.is_object(),
        _ => false,
    }
}

/// Checks `value` against `schema`, for the part of JSON Schema the document uses ($ref,
/// allOf, oneOf, anyOf, type, enum, required, properties, additionalProperties, items,
/// minimum, maximum); the error names where they part.
fn validate(doc: &Value, schema: &Value, value: &Value, at: &str) -> Result<(), String> {
    if let Some(r) = schema.get("$ref").and_then(Value::as_str) {
        let target = resolve(doc, r).ok_or_else(|| format!("{at}: dangling {r}"))?;
        validate(doc, target, value, at)?;
    }
    for s in schema
        .get("allOf")
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
    {
        validate(doc, s, value, at)?;
    }
    for key in ["oneOf", "anyOf"] {
        if let Some(options) = schema.get(key).and_then(Value::as_array) {
            let errors: Vec<String> = options
                .iter()
                .filter_map(|s| validate(doc, s, value, at).err())
                .collect();
            let fits = options.len() - errors.len();
            if fits == 0 || (key == "oneOf" && fits > 1) {
                return Err(format!("{at}: fits {fits} of its {key} schemas {errors:?}"));
            }
        }
    }
    let types: Vec<&str> = match schema.get("type") {
        Some(Value::String(t)) => vec![t.as_str()],
        Some(Value::Array(ts)) => ts.iter().filter_map(Value::as_str).collect(),
        _ => Vec::new(),
    };
    if !types.is_empty() && !types.iter().any(|t| is_type(value, t)) {
        return Err(format!("{at}: {value} is not of type {types:?}"));
    }
    if let Some(choices) = schema.get("enum").and_then(Value::as_array)
        && !choices.contains(value)
    {
        return Err(format!("{at}: {value} is not one of {choices:?}"));
    }
    if let Some(n) = value.as_f64() {
        let min = schema.get("minimum").and_then(Value::as_f64);
        let max = schema.get("maximum").and_then(Value::as_f64);
        if min.is_some_and(|m| n < m) || max.is_some_and(|m| n > m) {
            return Err(format!("{at}: {n} is out of [{min:?}, {max:?}]"));
        }
    }
    if let Some(object) = value.as_object() {
        for name in schema
            .get("required")
            .and_then(Value::as_array)
            .into_iter()
            .flatten()
        {
            let name = name.as_str().unwrap();
            if !object.contains_key(name) {
                return Err(format!("{at}: required `{name}` is missing"));
            }
        }
        let properties = schema.get("properties").and_then(Value::as_object);
        for (key, v) in object {
            let at = format!("{at}.{key}");
            match (
                properties.and_then(|p| p.get(key)),
                schema.get("additionalProperties"),
            ) {
                (Some(s), _) => validate(doc, s, v, &at)?,
                (None, Some(Value::Bool(false))) => return Err(format!("{at} is not allowed")),
                (None, Some(s @ Value::Object(_))) => validate(doc, s, v, &at)?,
                _ => {}
            }
        }
    }
    if let (Some(items), Some(array)) = (schema.get("items"), value.as_array()) {
        for (i, v) in array.iter().enumerate() {
            validate(doc, items, v, &format!("{at}[{i}]"))?;
        }
    }
    Ok(())
}

/// Checks that the document lists `reply` under `method path`: its status, its content type,
/// and (for JSON) a body that fits the schema given for that content type.
pub fn documented(doc: &Value, method: &str, path: &str, reply: &Reply) {
    let what = format!("{} {path} → {}", method.to_uppercase(), reply.status);
    let operation = &doc["paths"][path][method];
    assert!(operation.is_object(), "{what}: no such operation");
    let response = operation["responses"]
        .get(reply.status.as_str())
        .unwrap_or_else(|| panic!("{what}: status not documented"));
    let response = deref(doc, response);
    let content_type = reply.header("content-type");
    let Some(content) = response.get("content") else {
        assert!(
            reply.body.is_empty(),
            "{what}: a body where the document has none"
        );
        return;
    };
    let essence = content_type.split(';').next().unwrap().trim();
    let media = content
        .get(essence)
        .unwrap_or_else(|| panic!("{what}: {essence} not among {content}"));
    if essence.ends_with("json") {
        validate(doc, &media["schema"], &reply.json(), "$")
            .unwrap_or_else(|e| panic!("{what}: {e}"));
    }
}

#[tokio::test]
async fn openapi_json_is_openapi_3_1() {
    for app in apps().await {
        let doc = document(&app).await;
        assert_eq!(doc["openapi"], "3.1.0");
        assert_eq!(doc["info"]["title"], "tarikh");
        assert_eq!(doc["info"]["version"], env!("CARGO_PKG_VERSION"));
        let description = doc["info"]["description"].as_str().unwrap();
        assert!(description.contains("Unicode code points"), "{description}");
        assert!(description.contains("end exclusive"), "{description}");
        assert_eq!(doc["servers"][0]["url"], "/");
        let bearer = &doc["components"]["securitySchemes"]["bearer"];
        assert_eq!(
            (&bearer["type"], &bearer["scheme"]),
            (&json!("http"), &json!("bearer"))
        );
        assert_eq!(
            doc["paths"]["/api/v1/documents"]["post"]["security"],
            json!([{"bearer": []}])
        );
    }
}

#[tokio::test]
async fn openapi_lists_every_route_with_its_methods() {
    for app in apps().await {
        let doc = document(&app).await;
        let paths = doc["paths"].as_object().unwrap();
        let mut listed: Vec<&str> = paths.keys().map(String::as_str).collect();
        let mut routes: Vec<&str> = ROUTES.iter().map(|(p, _)| *p).collect();
        listed.sort_unstable();
        routes.sort_unstable();
        assert_eq!(listed, routes);
        let mut operation_ids = Vec::new();
        for (path, methods) in ROUTES {
            let item = paths[path].as_object().unwrap();
            let mut documented: Vec<&str> = item
                .keys()
                .map(String::as_str)
                .filter(|k| METHODS.contains(k))
                .collect();
            documented.sort_unstable();
            assert_eq!(documented, methods, "{path}");
            for method in methods {
                let op = &item[*method];
                operation_ids.push(op["operationId"].as_str().unwrap().to_owned());
                assert!(op["responses"]["405"].is_object(), "{method} {path}: 405");
                // The router answers it: not the fallback's 404, not a 405.
                let uri = path.replace("{id}", "1");
                let request = Request::builder()
                    .method(method.to_uppercase().as_str())
                    .uri(&uri)
                    .body(Body::empty())
                    .unwrap();
                let r = app.send(request).await;
                assert_ne!(r.status, 405, "{method} {uri}");
                if r.status == 404 {
                    let detail = r.json()["detail"].as_str().unwrap().to_owned();
                    assert!(!detail.starts_with("no route"), "{method} {uri}: {detail}");
                }
            }
        }
        let count = operation_ids.len();
        operation_ids.sort_unstable();
        operation_ids.dedup();
        assert_eq!(operation_ids.len(), count, "operationIds are unique");
    }
}

#[tokio::test]
async fn openapi_describes_the_feed_parameters() {
    for app in apps().await {
        let doc = document(&app).await;
        let param = |path: &str, name: &str| -> Value {
            doc["paths"][path]["get"]["parameters"]
                .as_array()
                .unwrap()
                .iter()
                .find(|p| p["name"] == name && p["in"] == "query")
                .unwrap_or_else(|| panic!("{path}: no parameter {name}"))
                .clone()
        };
        let filters = [
            "from",
            "to",
            "country",
            "participant",
            "kind",
            "status",
            "place",
            "q",
            "min_sources",
        ];
        for name in filters
            .iter()
            .chain(&["order", "limit", "cursor", "format", "evidence", "fields"])
        {
            let p = param("/api/v1/events", name);
            assert!(
                p["description"].as_str().is_some_and(|d| !d.is_empty()),
                "{name}"
            );
            assert_eq!(p["required"], false, "{name}");
        }
        let fields = param("/api/v1/events", "fields");
        assert_eq!(
            (
                &fields["style"],
                &fields["explode"],
                &fields["schema"]["minItems"]
            ),
            (&json!("form"), &json!(false), &json!(1))
        );
        for name in filters.iter().chain(&["interval", "group_by"]) {
            param("/api/v1/histogram", name);
        }
        for name in ["country", "kind"] {
            let p = param("/api/v1/events", name);
            assert_eq!(p["schema"]["type"], "array", "{name}");
            assert_eq!(p["style"], "form", "{name}");
            assert_eq!(p["explode"], true, "{name}");
        }
        let kinds =
            deref(&doc, &param("/api/v1/events", "kind")["schema"]["items"])["enum"].clone();
        assert_eq!(
            kinds,
            json!([
                "meeting",
                "visit",
                "summit",
                "call",
                "agreement",
                "military",
                "statement",
                "other"
            ])
        );
        let format = param("/api/v1/events", "format");
        assert_eq!(
            format["schema"]["oneOf"][0]["enum"],
            json!(["json", "timelinejs", "vis", "csv"])
        );
        let limit = param("/api/v1/events", "limit");
        assert_eq!(
            (&limit["schema"]["minimum"], &limit["schema"]["maximum"]),
            (&json!(1), &json!(10_000))
        );
        let feed = &doc["paths"]["/api/v1/events"]["get"]["responses"]["200"];
        for header in ["Link", "ETag"] {
            assert!(
                feed["headers"][header]["description"].is_string(),
                "{header}"
            );
        }
        let content = feed["content"].as_object().unwrap();
        assert!(content.contains_key("application/json") && content.contains_key("text/csv"));

        // The parser takes every value the document lists; the counts are those params.rs has.
        let closed = [
            ("/api/v1/events", "order", 2),
            ("/api/v1/events", "format", 4),
            ("/api/v1/events", "status", 3),
            ("/api/v1/histogram", "interval", 3),
            ("/api/v1/histogram", "group_by", 2),
        ];
        for (path, name, count) in closed {
            let schema = deref(&doc, &param(path, name)["schema"]).clone();
            let values = schema["oneOf"][0]["enum"]
                .as_array()
                .or(schema["enum"].as_array())
                .unwrap_or_else(|| panic!("{name}: {schema}"))
                .clone();
            assert_eq!(values.len(), count, "{name}: {values:?}");
            for value in values {
                let r = app
                    .get(&format!("{path}?{name}={}", value.as_str().unwrap()))
                    .await;
                assert_eq!(r.status, 200, "{name}={value}");
            }
        }
    }
}

#[tokio::test]
async fn openapi_refs_all_resolve() {
    fn walk<'a>(v: &'a Value, refs: &mut Vec<&'a str>) {
        match v {
            Value::Object(m) => {
                if let Some(Value::String(r)) = m.get("$ref") {
                    refs.push(r);
                }
                m.values().for_each(|v| walk(v, refs));
            }
            Value::Array(a) => a.iter().for_each(|v| walk(v, refs)),
            _ => {}
        }
    }
    let app = seeded().await;
    let doc = document(&app).await;
    let mut refs = Vec::new();
    walk(&doc, &mut refs);
    assert!(refs.len() > 50, "{}", refs.len());
    for r in refs {
        assert!(r.starts_with("#/components/"), "{r}");
        assert!(
            resolve(&doc, r).is_some_and(Value::is_object),
            "dangling {r}"
        );
    }
}

#[tokio::test]
async fn openapi_schemas_fit_real_responses() {
    for app in apps().await {
        let doc = document(&app).await;

        // The key fields, by name: every required one of TimelineEntry in every event, and
        // nothing it does not list.
        let entry = &doc["components"]["schemas"]["TimelineEntry"];
        let feed = app.get("/api/v1/events?country=RUS&country=CHN").await;
        let events = feed.json()["events"].as_array().unwrap().clone();
        assert!(!events.is_empty());
        for event in &events {
            for name in entry["required"].as_array().unwrap() {
                let name = name.as_str().unwrap();
                assert!(event.get(name).is_some(), "{name} missing in {event}");
            }
            for key in event.as_object().unwrap().keys() {
                assert!(entry["properties"].get(key).is_some(), "{key} undocumented");
            }
        }
        documented(&doc, "get", "/api/v1/events", &feed);

        let missing = app.get("/api/v1/events/999999").await;
        assert_eq!(missing.header("content-type"), "application/problem+json");
        let problem = missing.json();
        for name in doc["components"]["schemas"]["Problem"]["required"]
            .as_array()
            .unwrap()
        {
            assert!(problem.get(name.as_str().unwrap()).is_some(), "{name}");
        }
        documented(&doc, "get", "/api/v1/events/{id}", &missing);

        // Whole bodies against their schemas, and every status and content type documented.
        let id = events[0]["event_id"].as_i64().unwrap();
        let document_id = events[0]["evidence"][0]["document_id"].as_i64().unwrap();
        let gets = [
            ("/api/v1/events", "/api/v1/events?limit=1".to_owned()),
            (
                "/api/v1/events",
                "/api/v1/events?fields=date,kind&limit=3".into(),
            ),
            ("/api/v1/events", "/api/v1/events?format=timelinejs".into()),
            ("/api/v1/events", "/api/v1/events?format=vis".into()),
            ("/api/v1/events", "/api/v1/events?format=csv".into()),
            ("/api/v1/events", "/api/v1/events?from=2024-13".into()),
            ("/api/v1/events/{id}", format!("/api/v1/events/{id}")),
            ("/api/v1/events/undated", "/api/v1/events/undated".into()),
            (
                "/api/v1/events/undated",
                "/api/v1/events/undated?limit=0".into(),
            ),
            ("/feed.json", "/feed.json?lang=ar".into()),
            (
                "/api/v1/histogram",
                "/api/v1/histogram?group_by=kind".into(),
            ),
            ("/api/v1/histogram", "/api/v1/histogram?interval=day".into()),
            (
                "/api/v1/documents/{id}",
                format!("/api/v1/documents/{document_id}"),
            ),
            ("/api/v1/documents/{id}", "/api/v1/documents/0".into()),
            ("/feed.json", "/feed.json".into()),
            ("/feed.atom", "/feed.atom".into()),
            ("/healthz", "/healthz".into()),
            ("/metrics", "/metrics".into()),
            ("/openapi.json", "/openapi.json".into()),
            ("/api/v1/sources", "/api/v1/sources".into()),
        ];
        for (path, uri) in gets {
            documented(&doc, "get", path, &app.get(&uri).await);
        }

        let page = app.get("/api/v1/events?limit=1").await;
        assert!(page.header("link").contains("rel=\"next\""));
        let etag = page.header("etag").to_owned();
        let request = Request::get("/api/v1/events?limit=1")
            .header("if-none-match", &etag)
            .body(Body::empty())
            .unwrap();
        let not_modified = app.send(request).await;
        assert_eq!(not_modified.status, 304);
        documented(&doc, "get", "/api/v1/events", &not_modified);

        let text = "التقى الرئيس الصيني شي جين بينغ نظيره الروسي فلاديمير بوتين أمس في أوفا.";
        let body = json!({"text": text, "dct": "2015-07-09", "mode": "news"});
        let extracted = app.post_json("/api/v1/extract", &body).await;
        documented(&doc, "post", "/api/v1/extract", &extracted);
        let bad = app
            .post_json("/api/v1/extract", &json!({"txt": text}))
            .await;
        documented(&doc, "post", "/api/v1/extract", &bad);

        let article = json!({"text": text, "published_at": "2015-07-09", "source": "test"});
        let created = app.post_json("/api/v1/documents", &article).await;
        assert_eq!(created.status, 201);
        documented(&doc, "post", "/api/v1/documents", &created);
        let again = app.post_json("/api/v1/documents", &article).await;
        documented(&doc, "post", "/api/v1/documents", &again);
        let anonymous = Request::post("/api/v1/documents")
            .header("content-type", "application/json")
            .body(Body::from(article.to_string()))
            .unwrap();
        documented(
            &doc,
            "post",
            "/api/v1/documents",
            &app.send(anonymous).await,
        );
        let as_text = Request::post("/api/v1/documents")
            .header("content-type", "text/plain")
            .header("authorization", format!("Bearer {TOKEN}"))
            .body(Body::from(text))
            .unwrap();
        documented(&doc, "post", "/api/v1/documents", &app.send(as_text).await);

        let delete = Request::delete("/api/v1/events")
            .body(Body::empty())
            .unwrap();
        documented(&doc, "get", "/api/v1/events", &app.send(delete).await);
    }
}

#[tokio::test]
async fn openapi_validator_catches_a_misfit() {
    for app in apps().await {
        let doc = document(&app).await;
        let page = app.get("/api/v1/events?limit=1").await.json();
        let schema = json!({"$ref": "#/components/schemas/FeedPage"});
        assert_eq!(validate(&doc, &schema, &page, "$"), Ok(()));
        let misfits = [
            ("/events/0/cameo", None),
            ("/events/0/kind", Some(json!("party"))),
            ("/events/0/date/earliest", Some(json!(20180608))),
            ("/next_cursor", Some(json!(7))),
            ("/events/0/participants/0/country", None),
        ];
        for (pointer, value) in misfits {
            let mut broken = page.clone();
            let (parent, key) = pointer.rsplit_once('/').unwrap();
            let object = broken.pointer_mut(parent).unwrap().as_object_mut().unwrap();
            match value {
                Some(v) => object.insert(key.to_owned(), v),
                None => object.remove(key),
            };
            assert!(
                validate(&doc, &schema, &broken, "$").is_err(),
                "{pointer} passed"
            );
        }
    }
}
