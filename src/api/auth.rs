//! Who may write: `Authorization: Bearer <token>` with the server's token (the scheme name in
//! any case, RFC 9110 §11.1), compared in constant time, and a limit on failed attempts per
//! client address so that the token cannot be guessed at line rate.

use std::net::{IpAddr, Ipv4Addr, SocketAddr};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use axum::extract::{ConnectInfo, FromRequestParts};
use axum::http::header;
use axum::http::request::Parts;
use quick_cache::sync::Cache;
use subtle::ConstantTimeEq;

use super::AppState;
use super::error::ApiError;

/// The shortest token `tarikh serve` starts with: a short one is guessed, limit or not.
pub const MIN_TOKEN_CHARS: usize = 16;
/// Failed attempts one client may make per [`WINDOW`]; then every write from it is refused
/// (even with the right token) until the window ends.
pub const MAX_FAILURES: u32 = 10;
pub const WINDOW: Duration = Duration::from_secs(60);
/// Clients remembered at once: a bound on the memory a flood of addresses can take.
const CLIENTS: usize = 65_536;

/// Failed authentications per client address in the current window.
///
/// Not governor's keyed limiter: that counts every request, and a limit that only counts
/// failures must look before it counts (a blocked client is refused before its token is
/// compared, or it could go on guessing and only the right guess would stand out).
pub struct FailedAuths {
    clients: Cache<IpAddr, Arc<Mutex<Window>>>,
}

struct Window {
    started: Instant,
    failures: u32,
}

impl Default for FailedAuths {
    fn default() -> Self {
        FailedAuths {
            clients: Cache::new(CLIENTS),
        }
    }
}

impl FailedAuths {
    /// Seconds until `client` may try again, when it is blocked.
    fn blocked(&self, client: IpAddr) -> Option<u64> {
        let window = self.clients.get(&client)?;
        let w = window.lock().unwrap_or_else(|e| e.into_inner());
        let elapsed = w.started.elapsed();
        (w.failures >= MAX_FAILURES && elapsed < WINDOW)
            .then(|| (WINDOW - elapsed).as_secs().max(1))
    }

    fn record_failure(&self, client: IpAddr) {
        let window = self.clients.get_or_insert_with(&client, || {
            Ok::<_, std::convert::Infallible>(Arc::new(Mutex::new(Window {
                started: Instant::now(),
                failures: 0,
            })))
        });
        let Ok(window) = window;
        let mut w = window.lock().unwrap_or_else(|e| e.into_inner());
        if w.started.elapsed() >= WINDOW {
            w.started = Instant::now();
            w.failures = 0;
        }
        w.failures += 1;
        if w.failures == MAX_FAILURES {
            tracing::warn!(%client, "too many failed authentications: writes from it refused");
        }
    }
}

/// The address a limit applies to: the peer's, with IPv6 cut to its /64 (one host's
/// allocation). Without connection info (tests through `oneshot`) everyone is one client.
fn client(parts: &Parts) -> IpAddr {
    let ip = parts
        .extensions
        .get::<ConnectInfo<SocketAddr>>()
        .map_or(IpAddr::V4(Ipv4Addr::UNSPECIFIED), |c| c.0.ip());
    match ip {
        IpAddr::V6(v6) => match v6.to_ipv4_mapped() {
            Some(v4) => IpAddr::V4(v4),
            None => {
                let s = v6.segments();
                IpAddr::V6([s[0], s[1], s[2], s[3], 0, 0, 0, 0].into())
            }
        },
        v4 => v4,
    }
}

/// The token of an `Authorization: Bearer <token>` header, the scheme in any case.
fn bearer(parts: &Parts) -> Option<&str> {
    let value = parts.headers.get(header::AUTHORIZATION)?.to_str().ok()?;
    let (scheme, token) = value.trim_start().split_once(' ')?;
    scheme
        .eq_ignore_ascii_case("bearer")
        .then(|| token.trim())
        .filter(|t| !t.is_empty())
}

/// A request carrying the configured token. Without a configured token nobody may write.
pub struct Writer;

impl FromRequestParts<AppState> for Writer {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, ApiError> {
        let Some(expected) = state.token.as_deref() else {
            return Err(ApiError::Forbidden(
                "writing is disabled on this server: start it with TARIKH_TOKEN=<secret> and \
                 send Authorization: Bearer <secret>"
                    .into(),
            ));
        };
        let client = client(parts);
        if let Some(retry_after) = state.failed_auths.blocked(client) {
            return Err(ApiError::TooManyRequests {
                detail: format!(
                    "more than {MAX_FAILURES} failed authentications from this address in {} s; \
                     try again in {retry_after} s",
                    WINDOW.as_secs()
                ),
                retry_after,
            });
        }
        let failure = match bearer(parts) {
            Some(token) if bool::from(token.as_bytes().ct_eq(expected.as_bytes())) => {
                return Ok(Writer);
            }
            Some(_) => "the bearer token is not the one this server was started with",
            None => "writing needs Authorization: Bearer <token> (the server's TARIKH_TOKEN)",
        };
        state.failed_auths.record_failure(client);
        Err(ApiError::Unauthorized(failure.into()))
    }
}
