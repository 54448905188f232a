//! Extraction throughput and latency.
//!
//! `cargo bench --bench extract` builds a ~20 MB corpus by repeating the articles of
//! `tests/data/dev.jsonl` and `tests/data/seeds_gold.jsonl`, and times the whole pipeline over
//! it with the document's date in news mode, twice: the tagger alone (`extract_timexes`) and
//! the whole pipeline (`extract`: expressions and events); criterion reports the throughput in
//! bytes of original (UTF-8) text per second. A second group times one seed article on its own,
//! a third one 1 MB and 4 MB texts without a line break (linear time: the same throughput).
//! The `stages` group runs the pipeline over a 2 MB slice of the corpus cut after each stage
//! (normalise; + tokenise; + the cursor over the tokens; + the temporal grammar and
//! resolution; + events; + the JSON a client receives): each stage's cost is the difference
//! between two neighbouring lines.
//!
//! `cargo test --benches` (criterion's test mode) runs each benchmark once over one copy of
//! the articles. `TARIKH_BENCH_MB=50 cargo bench --bench extract` changes the corpus size.

use std::hint::black_box;
use std::path::Path;
use std::time::{Duration, Instant};

use criterion::{Criterion, SamplingMode, Throughput, criterion_group, criterion_main};
use tarikh::extract::grammar::Cursor;
use tarikh::extract::normalize::normalize;
use tarikh::extract::token::tokenize;
use tarikh::extract::{Dct, Mode, extract, extract_timexes};

/// One article: its text and document date.
struct Doc {
    text: String,
    dct: Option<Dct>,
}

fn load(file: &str) -> Vec<Doc> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data")
        .join(file);
    let data = std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("reading {}: {e}", path.display()));
    data.lines()
        .filter(|l| !l.trim().is_empty())
        .map(|line| {
            let v: serde_json::Value = serde_json::from_str(line)
                .unwrap_or_else(|e| panic!("{}: bad JSON line: {e}", path.display()));
            let text = v["text"]
                .as_str()
                .unwrap_or_else(|| panic!("{}: a line without \"text\"", path.display()));
            Doc {
                text: text.to_string(),
                dct: v["dct"].as_str().and_then(|s| Dct::parse(s).ok()),
            }
        })
        .collect()
}

/// True when criterion really measures (`cargo bench`), false in its test mode
/// (`cargo test --benches`, `cargo bench -- --test`) and when listing.
fn measuring() -> bool {
    let args: Vec<String> = std::env::args().collect();
    let has = |flag: &str| args.iter().any(|a| a == flag);
    has("--bench") && !has("--test") && !has("--list")
}

/// The articles, repeated until they total at least `target` bytes.
fn corpus(docs: &[Doc], target: usize) -> Vec<&Doc> {
    let mut out = Vec::new();
    let mut bytes = 0;
    loop {
        for d in docs {
            out.push(d);
            bytes += d.text.len();
        }
        if bytes >= target {
            return out;
        }
    }
}

/// Tags every document of the corpus; returns the number of timexes found.
fn extract_all(corpus: &[&Doc]) -> usize {
    corpus
        .iter()
        .map(|d| extract_timexes(black_box(&d.text), d.dct, Mode::News).len())
        .sum()
}

/// Runs the whole pipeline over every document; returns the number of events found.
fn pipeline_all(corpus: &[&Doc]) -> usize {
    corpus
        .iter()
        .map(|d| extract(black_box(&d.text), d.dct, Mode::News).events.len())
        .sum()
}

fn bench_corpus(c: &mut Criterion) {
    let mut docs = load("dev.jsonl");
    docs.extend(load("seeds_gold.jsonl"));
    assert!(!docs.is_empty(), "no articles in tests/data");

    let measuring = measuring();
    let mb: usize = std::env::var("TARIKH_BENCH_MB")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(20);
    let corpus = corpus(&docs, if measuring { mb << 20 } else { 0 });
    let bytes: usize = corpus.iter().map(|d| d.text.len()).sum();

    let mut group = c.benchmark_group("corpus");
    group.throughput(Throughput::Bytes(bytes as u64));
    // One pass over 20 MB takes seconds: sample it flat (the same number of passes in every
    // sample, at least one) and give criterion time for ten passes, so that it neither warns
    // nor runs the 55 passes linear sampling would need.
    group.sampling_mode(SamplingMode::Flat);
    group.sample_size(10);
    group.warm_up_time(Duration::from_millis(500));
    if measuring {
        let started = Instant::now();
        let timexes = extract_all(&corpus);
        let pass = started.elapsed();
        eprintln!(
            "corpus: {} documents, {bytes} bytes, {timexes} timexes; one pass took {pass:.2?}",
            corpus.len()
        );
        group.measurement_time((pass * 11).max(Duration::from_secs(5)));
    }
    group.bench_function("timexes_news", |b| b.iter(|| extract_all(&corpus)));
    group.bench_function("timexes_and_events_news", |b| {
        b.iter(|| pipeline_all(&corpus))
    });
    group.finish();
}

fn bench_single_doc(c: &mut Criterion) {
    let seeds = load("seeds_gold.jsonl");
    let doc = seeds
        .iter()
        .max_by_key(|d| d.text.len())
        .expect("a seed article");

    let mut group = c.benchmark_group("single_doc");
    group.throughput(Throughput::Bytes(doc.text.len() as u64));
    group.sample_size(10);
    group.warm_up_time(Duration::from_secs(1));
    group.measurement_time(Duration::from_secs(3));
    group.bench_function("extract_news_seed", |b| {
        b.iter(|| extract(black_box(&doc.text), doc.dct, Mode::News))
    });
    group.finish();
}

/// One article with no line breaks, repeated into a single 1 MB and 4 MB text: the same
/// throughput at both sizes shows that no pass is quadratic in the length of one document.
fn bench_one_line(c: &mut Criterion) {
    let seeds = load("seeds_gold.jsonl");
    let doc = seeds
        .iter()
        .max_by_key(|d| d.text.len())
        .expect("a seed article");
    let line = doc.text.replace('\n', " ");
    let mut group = c.benchmark_group("one_line");
    group.sampling_mode(SamplingMode::Flat);
    group.sample_size(10);
    group.warm_up_time(Duration::from_millis(500));
    let sizes: &[usize] = if measuring() { &[1, 4] } else { &[0] };
    for &mb in sizes {
        let mut text = String::with_capacity((mb << 20) + line.len());
        while text.len() < mb << 20 || text.is_empty() {
            text.push_str(&line);
            text.push(' ');
        }
        group.throughput(Throughput::Bytes(text.len() as u64));
        group.bench_function(format!("extract_{mb}mb"), |b| {
            b.iter(|| extract(black_box(&text), doc.dct, Mode::News).events.len())
        });
    }
    group.finish();
}

/// Where a pipeline run of the `stages` group stops.
#[derive(Clone, Copy)]
enum Stage {
    Normalize,
    Tokenize,
    Cursor,
    Timexes,
    Events,
    Json,
}

/// Runs the pipeline over `d` up to and including `stage`; returns a size that depends on
/// the work done, so that none of it is optimised away.
fn run_to(stage: Stage, d: &Doc) -> usize {
    let text = black_box(d.text.as_str());
    match stage {
        Stage::Normalize => normalize(text).len(),
        Stage::Tokenize => tokenize(&normalize(text)).len(),
        Stage::Cursor => {
            let n = normalize(text);
            let toks = tokenize(&n);
            black_box(Cursor::new(&n, &toks)).t.len()
        }
        Stage::Timexes => extract_timexes(text, d.dct, Mode::News).len(),
        Stage::Events => extract(text, d.dct, Mode::News).events.len(),
        Stage::Json => serde_json::to_vec(&extract(text, d.dct, Mode::News))
            .expect("an extraction serialises")
            .len(),
    }
}

fn bench_stages(c: &mut Criterion) {
    let mut docs = load("dev.jsonl");
    docs.extend(load("seeds_gold.jsonl"));
    let corpus = corpus(&docs, if measuring() { 2 << 20 } else { 0 });
    let bytes: usize = corpus.iter().map(|d| d.text.len()).sum();
    let mut group = c.benchmark_group("stages");
    group.throughput(Throughput::Bytes(bytes as u64));
    group.sampling_mode(SamplingMode::Flat);
    group.sample_size(10);
    group.warm_up_time(Duration::from_millis(500));
    let stages = [
        ("1_normalize", Stage::Normalize),
        ("2_tokenize", Stage::Tokenize),
        ("3_cursor", Stage::Cursor),
        ("4_timexes", Stage::Timexes),
        ("5_events", Stage::Events),
        ("6_json", Stage::Json),
    ];
    for (name, stage) in stages {
        group.bench_function(name, |b| {
            b.iter(|| corpus.iter().map(|d| run_to(stage, d)).sum::<usize>())
        });
    }
    group.finish();
}

criterion_group!(
    benches,
    bench_corpus,
    bench_single_doc,
    bench_one_line,
    bench_stages
);
criterion_main!(benches);
