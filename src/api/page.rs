//! The timeline page served at `/`, and its vendored assets.
