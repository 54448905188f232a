//! The command line: `tarikh extract`, `eval` (with `--timeline`), `check`, `serve`,
//! `ingest` / `reextract` (module `ingest`) and `watch` (module `watch`). Parsing, I/O and
//! error reporting only; the work is done by [`crate::extract`], [`crate::eval`],
//! [`crate::ingest`] and [`crate::api`].

use std::fs::File;
use std::io::{self, BufRead, BufReader, BufWriter, Read, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::{Context, Result, bail};
use clap::{Parser, Subcommand};
use serde::{Deserialize, Serialize};

use crate::extract::events::Event;
use crate::extract::{Dct, Mode, Timex};
use crate::frontmatter;
use crate::ingest::extract_caught;
use crate::store::DbUrl;

mod ingest;
mod watch;

#[derive(Parser)]
#[command(
    name = "tarikh",
    version,
    about = "Finds and resolves dates in Arabic news"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Print the temporal expressions (and events) of a text as JSON.
    Extract {
        /// The document's publication date: YYYY-MM-DD[Thh:mm[:ss]], or RFC 3339 with an offset.
        #[arg(long, value_parser = crate::ingest::document_date)]
        dct: Option<Dct>,
        /// news (default), narrative or colloquial.
        #[arg(long, default_value = "news")]
        mode: Mode,
        /// Read JSON Lines {"id", "dct", "text"[, "mode"]} and write {"id", "timexes", "events"}.
        #[arg(long)]
        jsonl: bool,
        /// Input file; "-" or nothing for standard input.
        file: Option<PathBuf>,
    },
    /// Score the extractor on an annotated JSONL file (same figures as score.py).
    Eval {
        gold: PathBuf,
        /// List every miss, wrong value and spurious item.
        #[arg(long)]
        errors: bool,
        /// Print the scores as one JSON object.
        #[arg(long)]
        json: bool,
        /// Also score the served timeline: the gold articles ingested into a temporary store,
        /// its feed for --countries against the gold happenings across articles.
        #[arg(long)]
        timeline: bool,
        /// The countries of the timeline (ISO 3166 alpha-3), all taking part.
        #[arg(
            long,
            value_delimiter = ',',
            default_value = "RUS,CHN",
            requires = "timeline"
        )]
        countries: Vec<String>,
    },
    /// Store articles (front matter text files, JSON Lines, RSS/Atom feeds, HTML pages,
    /// directories, http(s) URLs of feeds or pages) with their events.
    Ingest {
        /// Files, directories and URLs; JSON Lines lines are {"text", "published_at", "url", "title", "source"}.
        #[arg(required = true)]
        paths: Vec<PathBuf>,
        #[command(flatten)]
        db: DbArg,
    },
    /// Follow feeds: fetch each on an interval (asking only for a changed feed) and store its
    /// new items, until Ctrl-C.
    Watch {
        /// The feeds' http(s) URLs (RSS, Atom or JSON Feed).
        #[arg(required = true, value_parser = watch::feed_url)]
        urls: Vec<String>,
        /// Seconds between the fetches of a feed (doubled after each failure, up to an hour).
        #[arg(long, default_value = "300", value_parser = watch::interval)]
        interval: std::time::Duration,
        #[command(flatten)]
        db: DbArg,
    },
    /// Serve the timeline over HTTP (the API under /api/v1 and the page at /).
    Serve {
        /// Address to listen on; port 0 picks a free port.
        #[arg(long, env = "TARIKH_ADDR", default_value = "127.0.0.1:8080")]
        addr: std::net::SocketAddr,
        /// Articles stored when the database is empty.
        #[arg(long, env = "TARIKH_SEEDS", default_value = "seeds")]
        seeds: PathBuf,
        /// The address readers reach the server at (https://tarikh.example), for the absolute
        /// links of the feeds; without it they are relative. Never taken from a request.
        #[arg(long, env = "TARIKH_PUBLIC_URL")]
        public_url: Option<String>,
        /// A feed to watch beside the server, as `tarikh watch` does (repeatable); its state
        /// is at /api/v1/sources.
        #[arg(long = "watch", value_name = "FEED_URL", value_parser = watch::feed_url)]
        watch: Vec<String>,
        /// Seconds between the fetches of a watched feed.
        #[arg(long, default_value = "300", value_parser = watch::interval)]
        watch_interval: std::time::Duration,
        #[command(flatten)]
        db: DbArg,
    },
    /// Re-extract the documents stored by an older version of the extractor.
    Reextract {
        #[command(flatten)]
        db: DbArg,
    },
    /// Check a database: SQLite's integrity check, foreign keys, the full-text indexes.
    Check {
        #[command(flatten)]
        db: DbArg,
    },
    /// Copy a whole store, ids and all, into an empty one: `--from sqlite:old.db --to
    /// postgres://user@host/db`.
    Migrate {
        /// The store to copy (a SQLite file).
        #[arg(long)]
        from: DbUrl,
        /// The empty store to copy into (PostgreSQL).
        #[arg(long)]
        to: DbUrl,
    },
}

/// The database every store command takes.
#[derive(clap::Args)]
struct DbArg {
    /// The database: `sqlite:PATH` or a path (a SQLite file, created if missing), or
    /// `postgres://user@host/db`.
    #[arg(long = "db", env = "TARIKH_DB", default_value = "sqlite:tarikh.db")]
    url: crate::store::DbUrl,
}

/// Runs the binary and turns errors into a message and an exit code.
pub fn main() -> ExitCode {
    let cli = Cli::parse();
    // The server logs its requests by default; the line commands only their problems.
    let default_level = match cli.command {
        Command::Serve { .. } => "info",
        _ => "warn",
    };
    let filter = tracing_subscriber::EnvFilter::try_from_default_env()
        .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new(default_level));
    let logs = tracing_subscriber::fmt()
        .with_env_filter(filter)
        // Colours for a terminal only, not in a log file.
        .with_ansi(io::IsTerminal::is_terminal(&io::stderr()))
        .with_writer(io::stderr);
    // TARIKH_LOG_FORMAT=json: one JSON object per line, for log collectors.
    if std::env::var("TARIKH_LOG_FORMAT").is_ok_and(|f| f == "json") {
        logs.json().init();
    } else {
        logs.init();
    }
    let result = match cli.command {
        Command::Extract {
            dct,
            mode,
            jsonl: false,
            file,
        } => extract_one(file.as_deref(), dct, mode),
        Command::Extract {
            jsonl: true, file, ..
        } => extract_jsonl(file.as_deref()),
        Command::Eval {
            gold,
            errors,
            json,
            timeline,
            countries,
        } => {
            let countries = timeline.then(|| countries.iter().map(|c| c.to_uppercase()).collect());
            eval(&gold, errors, json, countries)
        }
        Command::Ingest { paths, db } => ingest::run_ingest(&db.url, &paths),
        Command::Reextract { db } => ingest::run_reextract(&db.url),
        Command::Watch { urls, interval, db } => watch::run_watch(&db.url, &urls, interval),
        Command::Check { db } => check(&db.url),
        Command::Migrate { from, to } => ingest::run_migrate(&from, &to),
        Command::Serve {
            addr,
            seeds,
            public_url,
            watch,
            watch_interval,
            db,
        } => {
            let watch_options = crate::ingest::watch::WatchOptions::every(watch_interval);
            let options = crate::api::ServeOptions {
                addr,
                token: std::env::var("TARIKH_TOKEN").ok().filter(|t| !t.is_empty()),
                public_url: public_url.filter(|u| !u.is_empty()),
                watch,
                watch_options,
            };
            serve(options, &db.url, &seeds)
        }
    };
    match result {
        Ok(code) => code,
        Err(e) => {
            eprintln!("tarikh: {e:#}");
            ExitCode::FAILURE
        }
    }
}

fn open(file: Option<&Path>) -> Result<Box<dyn BufRead>> {
    match file {
        None => Ok(Box::new(BufReader::new(io::stdin()))),
        Some(p) if p.as_os_str() == "-" => Ok(Box::new(BufReader::new(io::stdin()))),
        Some(p) => {
            let f = File::open(p).with_context(|| format!("cannot read {}", p.display()))?;
            Ok(Box::new(BufReader::new(f)))
        }
    }
}

fn name(file: Option<&Path>) -> String {
    file.map_or("standard input".to_owned(), |p| p.display().to_string())
}

fn extract_one(file: Option<&Path>, dct: Option<Dct>, mode: Mode) -> Result<ExitCode> {
    let mut bytes = Vec::new();
    open(file)?
        .read_to_end(&mut bytes)
        .with_context(|| format!("cannot read {}", name(file)))?;
    let text = match String::from_utf8(bytes) {
        Ok(t) => t,
        Err(e) => bail!(
            "{} is not valid UTF-8 (first bad byte at offset {})",
            name(file),
            e.utf8_error().valid_up_to()
        ),
    };
    // A front matter block (as in seeds/) gives the date when --dct does not; offsets then
    // count from the start of the article body.
    let (meta, body) = frontmatter::split(&text);
    let dct = match (dct, meta.get("published_at")) {
        (Some(d), _) => Some(d),
        (None, Some(p)) => Some(
            crate::ingest::document_date(p)
                .map_err(anyhow::Error::msg)
                .with_context(|| format!("front matter of {}", name(file)))?,
        ),
        (None, None) => None,
    };
    let found = extract_caught(body, dct, mode)?;
    let out = Output {
        id: None,
        timexes: &found.timexes,
        events: &found.events,
    };
    println!("{}", serde_json::to_string_pretty(&out)?);
    Ok(ExitCode::SUCCESS)
}

/// What `extract` prints: the expressions and the events.
#[derive(Serialize)]
struct Output<'a> {
    #[serde(skip_serializing_if = "Option::is_none")]
    id: Option<&'a serde_json::Value>,
    timexes: &'a [Timex],
    events: &'a [Event],
}

/// One input line of `extract --jsonl`.
#[derive(Deserialize)]
struct Line {
    id: serde_json::Value,
    #[serde(default)]
    dct: Option<String>,
    text: String,
    #[serde(default)]
    mode: Option<Mode>,
}

/// Streams JSON Lines: one output line per input line, bad lines reported on stderr by
/// number and skipped. Memory stays flat however long the input.
fn extract_jsonl(file: Option<&Path>) -> Result<ExitCode> {
    let mut input = open(file)?;
    let stdout = io::stdout();
    let mut out = BufWriter::new(stdout.lock());
    let mut buf = Vec::new();
    let (mut line_no, mut failed) = (0usize, 0usize);
    loop {
        buf.clear();
        let read = input
            .read_until(b'\n', &mut buf)
            .with_context(|| format!("cannot read {} after line {line_no}", name(file)))?;
        if read == 0 {
            break;
        }
        line_no += 1;
        if buf.iter().all(u8::is_ascii_whitespace) {
            continue;
        }
        match process_line(&buf) {
            Ok(json) => writeln!(out, "{json}")?,
            Err(e) => {
                failed += 1;
                eprintln!("tarikh: {} line {line_no}: {e}", name(file));
            }
        }
    }
    out.flush()?;
    Ok(if failed > 0 {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    })
}

fn process_line(buf: &[u8]) -> Result<String> {
    let text = std::str::from_utf8(buf).map_err(|e| {
        anyhow::anyhow!(
            "not valid UTF-8 (first bad byte at offset {})",
            e.valid_up_to()
        )
    })?;
    let line: Line =
        serde_json::from_str(text).context("not a JSON object with \"id\" and \"text\"")?;
    let dct = match line.dct.as_deref() {
        None | Some("") => None,
        Some(d) => Some(crate::ingest::document_date(d).map_err(anyhow::Error::msg)?),
    };
    let found = extract_caught(&line.text, dct, line.mode.unwrap_or_default())?;
    let out = Output {
        id: Some(&line.id),
        timexes: &found.timexes,
        events: &found.events,
    };
    Ok(serde_json::to_string(&out)?)
}

/// Runs the extractor over an annotated file and prints score.py's figures, then with
/// `timeline` the served timeline's for those countries.
fn eval(
    gold: &Path,
    errors: bool,
    as_json: bool,
    timeline: Option<Vec<String>>,
) -> Result<ExitCode> {
    let text = std::fs::read(gold).with_context(|| format!("cannot read {}", gold.display()))?;
    let text = String::from_utf8(text).map_err(|e| {
        anyhow::anyhow!(
            "{} is not valid UTF-8 (first bad byte at offset {})",
            gold.display(),
            e.utf8_error().valid_up_to()
        )
    })?;
    let mut docs = Vec::new();
    for (n, line) in text
        .lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty())
    {
        let doc: serde_json::Value = serde_json::from_str(line)
            .with_context(|| format!("{} line {}: not a JSON object", gold.display(), n + 1))?;
        docs.push(doc);
    }
    let system: Vec<serde_json::Value> = docs.iter().map(crate::eval::system_line).collect();
    let mut lines = Vec::new();
    let report = crate::eval::score(&docs, &system, errors.then_some(&mut lines));
    let timeline = match timeline {
        Some(countries) => Some(eval_timeline(&docs, &countries, errors, &mut lines)?),
        None => None,
    };
    for l in &lines {
        println!("{l}");
    }
    if as_json {
        let mut out = serde_json::to_value(&report)?;
        if let (Some(t), Some(map)) = (&timeline, out.as_object_mut()) {
            map.insert("timeline".to_owned(), serde_json::to_value(t)?);
        }
        println!("{out}");
    } else {
        println!("{report}");
        if let Some(t) = &timeline {
            println!("{t}");
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// `eval --timeline`: the gold articles through a temporary store, on a runtime of its own.
fn eval_timeline(
    docs: &[serde_json::Value],
    countries: &[String],
    errors: bool,
    lines: &mut Vec<String>,
) -> Result<crate::eval::TimelineScores> {
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .context("starting the async runtime")?;
    let scores = runtime.block_on(crate::eval::score_timeline(
        docs,
        countries,
        errors.then_some(lines),
    ));
    scores.context("scoring the served timeline")
}

/// `tarikh check --db DB`: one line per check, then each problem; exit 1 when there is one.
fn check(db: &DbUrl) -> Result<ExitCode> {
    if db.is_missing() {
        bail!("there is no database {db}");
    }
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .context("starting the async runtime")?;
    runtime.block_on(async {
        let store = crate::store::connect(db)
            .await
            .with_context(|| format!("cannot open the database {db}"))?;
        let report = store.check().await.context("checking")?;
        store.close().await;
        for c in &report.checked {
            println!("checked {c}");
        }
        for p in &report.problems {
            println!("problem: {p}");
        }
        if report.is_ok() {
            println!("{db}: no problem found");
            Ok(ExitCode::SUCCESS)
        } else {
            println!("{db}: {} problems", report.problems.len());
            Ok(ExitCode::FAILURE)
        }
    })
}

/// `tarikh serve`: prints the address it listens on once it is ready, then serves until
/// SIGINT or SIGTERM. The write token comes from the environment only (TARIKH_TOKEN), never
/// the command line, where other users of the machine could read it.
fn serve(options: crate::api::ServeOptions, db: &DbUrl, seeds: &Path) -> Result<ExitCode> {
    limit_malloc_arenas();
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .context("starting the async runtime")?;
    runtime.block_on(crate::api::serve(options, db, seeds, |bound| {
        println!("tarikh listening on http://{bound}");
        let _ = io::stdout().flush();
    }))?;
    Ok(ExitCode::SUCCESS)
}

/// glibc gives every thread that allocates its own arena, and the server has many (the async
/// workers, SQLite's connection threads, blocking tasks); memory freed in one arena is not
/// reused by another. Two arenas cut the measured peak under a mixed uncached load by about a
/// fifth (BENCHMARKS.md). An explicit MALLOC_ARENA_MAX in the environment still wins.
fn limit_malloc_arenas() {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    if std::env::var_os("MALLOC_ARENA_MAX").is_none() {
        // SAFETY: mallopt only sets an allocator parameter; it is called before any thread
        // of the server exists.
        unsafe {
            libc::mallopt(libc::M_ARENA_MAX, 2);
        }
    }
}
