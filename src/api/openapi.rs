//! The OpenAPI 3.1 document of the API.

/// The document served at `/openapi.json`.
pub fn document() -> serde_json::Value {
    serde_json::json!({"openapi": "3.1.0", "info": {"title": "tarikh", "version": env!("CARGO_PKG_VERSION")}, "paths": {}})
}
