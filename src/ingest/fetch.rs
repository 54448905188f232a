//! Sources read over HTTP(S) with reqwest (rustls): a size cap read as the body streams in
//! (a 50 MB answer is refused after [`Limits::max_bytes`], never held whole), a time limit
//! on the whole exchange, and a limit on redirects. Each failure is one sentence naming the
//! URL's problem, for that source only. [`Fetcher::get_if_changed`] asks with the validators
//! of the last answer (`If-None-Match`, `If-Modified-Since`) and reads `Retry-After`, for
//! `watch`.

use std::time::Duration;

/// What one fetch may take.
#[derive(Debug, Clone, Copy)]
pub struct Limits {
    /// Largest body accepted.
    pub max_bytes: usize,
    /// From the connection to the last byte.
    pub timeout: Duration,
    pub max_redirects: usize,
}

impl Default for Limits {
    fn default() -> Limits {
        Limits {
            max_bytes: 10 << 20,
            timeout: Duration::from_secs(30),
            max_redirects: 5,
        }
    }
}

/// A fetched body and the URL it came from after redirects.
pub(super) struct Fetched {
    pub url: String,
    pub body: Vec<u8>,
}

/// What the server said of an earlier answer, sent back to ask only for a changed one.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(super) struct Validators {
    pub etag: Option<String>,
    pub last_modified: Option<String>,
}

/// The answer to a conditional request.
pub(super) enum Conditional {
    /// 304: unchanged since the validators sent.
    NotModified,
    /// A (new) body, with the validators to send next time.
    Changed(Fetched, Validators),
}

/// Why a fetch failed, and how long the server asked to be left alone (`Retry-After`, on a
/// 429 or 503 for instance).
#[derive(Debug)]
pub(super) struct FetchError {
    pub message: String,
    pub retry_after: Option<Duration>,
}

impl From<String> for FetchError {
    fn from(message: String) -> FetchError {
        FetchError {
            message,
            retry_after: None,
        }
    }
}

/// An HTTP client with [`Limits`]; cheap to clone.
#[derive(Clone)]
pub struct Fetcher {
    client: reqwest::Client,
    limits: Limits,
}

impl Fetcher {
    pub fn new(limits: Limits) -> Result<Fetcher, String> {
        let client = reqwest::Client::builder()
            .user_agent(concat!("tarikh/", env!("CARGO_PKG_VERSION")))
            .timeout(limits.timeout)
            .connect_timeout(limits.timeout.min(Duration::from_secs(10)))
            .redirect(reqwest::redirect::Policy::limited(limits.max_redirects))
            .build()
            .map_err(|e| format!("cannot start the HTTP client: {e}"))?;
        Ok(Fetcher { client, limits })
    }

    /// The body at `url`, or why it could not be had.
    pub(super) async fn get(&self, url: &str) -> Result<Fetched, String> {
        let answer = self.get_if_changed(url, &Validators::default()).await;
        match answer.map_err(|e| e.message)? {
            Conditional::Changed(fetched, _) => Ok(fetched),
            // Not asked conditionally: a 304 is the server's fault.
            Conditional::NotModified => Err("the server answered HTTP 304 unasked".to_owned()),
        }
    }

    /// The body at `url` unless it is unchanged since the answer `known` came with.
    pub(super) async fn get_if_changed(
        &self,
        url: &str,
        known: &Validators,
    ) -> Result<Conditional, FetchError> {
        let mut request = self.client.get(url);
        if let Some(etag) = &known.etag {
            request = request.header(reqwest::header::IF_NONE_MATCH, etag);
        }
        if let Some(date) = &known.last_modified {
            request = request.header(reqwest::header::IF_MODIFIED_SINCE, date);
        }
        let answer = request.send().await.map_err(|e| self.why(e))?;
        let status = answer.status();
        if status == reqwest::StatusCode::NOT_MODIFIED {
            return Ok(Conditional::NotModified);
        }
        if !status.is_success() {
            return Err(FetchError {
                message: format!("the server answered HTTP {status}"),
                retry_after: retry_after(answer.headers()),
            });
        }
        let header = |name| {
            answer
                .headers()
                .get(name)
                .and_then(|v| v.to_str().ok())
                .map(str::to_owned)
        };
        let validators = Validators {
            etag: header(reqwest::header::ETAG),
            last_modified: header(reqwest::header::LAST_MODIFIED),
        };
        let max = self.limits.max_bytes;
        let too_big = || format!("the answer is larger than {} MB, the limit", max >> 20);
        if answer.content_length().is_some_and(|n| n > max as u64) {
            return Err(too_big().into());
        }
        let final_url = answer.url().to_string();
        let mut body = Vec::new();
        let mut answer = answer;
        while let Some(chunk) = answer.chunk().await.map_err(|e| self.why(e))? {
            if body.len() + chunk.len() > max {
                return Err(too_big().into());
            }
            body.extend_from_slice(&chunk);
        }
        let fetched = Fetched {
            url: final_url,
            body,
        };
        Ok(Conditional::Changed(fetched, validators))
    }

    fn why(&self, e: reqwest::Error) -> String {
        if e.is_timeout() {
            format!(
                "no complete answer within {} s",
                self.limits.timeout.as_secs_f32()
            )
        } else if e.is_redirect() {
            format!(
                "more than {} redirects (a redirect loop?)",
                self.limits.max_redirects
            )
        } else if e.is_connect() {
            format!("cannot connect: {}", root_cause(&e))
        } else {
            format!("cannot fetch: {}", root_cause(&e))
        }
    }
}

/// A `Retry-After` header: seconds, or an HTTP date.
fn retry_after(headers: &reqwest::header::HeaderMap) -> Option<Duration> {
    let value = headers
        .get(reqwest::header::RETRY_AFTER)?
        .to_str()
        .ok()?
        .trim();
    if let Ok(seconds) = value.parse::<u64>() {
        return Some(Duration::from_secs(seconds));
    }
    let at = chrono::DateTime::parse_from_rfc2822(value).ok()?;
    (at.with_timezone(&chrono::Utc) - chrono::Utc::now())
        .to_std()
        .ok()
}

fn root_cause(e: &(dyn std::error::Error + 'static)) -> String {
    let mut e = e;
    while let Some(next) = e.source() {
        e = next;
    }
    e.to_string()
}

/// `s` names a source on the web rather than a file.
pub fn is_url(s: &str) -> bool {
    let lower = s.get(..8).unwrap_or(s).to_ascii_lowercase();
    lower.starts_with("http://") || lower.starts_with("https://")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn retry_after_is_seconds_or_a_date() {
        let wait = |v: &str| {
            let mut headers = reqwest::header::HeaderMap::new();
            headers.insert(reqwest::header::RETRY_AFTER, v.parse().unwrap());
            retry_after(&headers)
        };
        assert_eq!(wait("120"), Some(Duration::from_secs(120)));
        let soon = (chrono::Utc::now() + chrono::TimeDelta::seconds(600)).to_rfc2822();
        let got = wait(&soon).unwrap().as_secs();
        assert!((590..=600).contains(&got), "{got}");
        assert_eq!(wait("Tue, 01 Mar 2022 12:00:00 GMT"), None, "in the past");
        assert_eq!(wait("soon"), None);
    }
}
