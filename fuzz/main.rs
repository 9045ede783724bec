//! A mutation fuzzer that runs on stable Rust, for the two paths that read
//! untrusted input: the analysis of a pasted or dropped article, and the
//! share-link decoder.
//!
//! `cargo fuzz` (libFuzzer) needs a nightly compiler and AFL needs its own
//! compiler plugins; neither is on these machines. This binary is a seeded,
//! coverage-free mutation fuzzer instead: it starts from the bundled
//! articles, valid share links and a dictionary of tricky pieces (quote
//! marks, cue verbs, abbreviations, HTML, control characters, right-to-left
//! and CJK text, emoji), mutates them, runs the target under `catch_unwind`
//! (the `fuzz` profile unwinds and keeps debug assertions and overflow
//! checks) and checks the invariants. A failing or hanging input is written
//! to `fuzz/artifacts/` and the run exits non-zero.
//!
//! ```text
//! cargo run --profile fuzz --example fuzz -- analysis --seconds 600
//! cargo run --profile fuzz --example fuzz -- share --seconds 600 --seed 7
//! cargo run --profile fuzz --example fuzz -- all --seconds 30      # both, 30 s each
//! cargo run --profile fuzz --example fuzz -- replay analysis fuzz/artifacts/analysis-….bin
//! ```
//!
//! Targets:
//! - `analysis`: bytes as a dropped file (`paste_check::file_text`, so
//!   invalid UTF-8 and HTML are included) or as pasted text
//!   (`paste_check::validate`), then `analyze` (and, for texts over one
//!   part, `analyze_in_parts`): never panics, every span valid
//!   (`fuzz/invariants.rs`).
//! - `share`: random articles round-trip through `encode`/`decode`;
//!   damaged links, random JSON behind valid compression, and view paths
//!   never panic, and whatever decodes re-encodes to the same article.

use std::panic::{self, AssertUnwindSafe};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use news_atlas::analysis::{analyze, parts};
use news_atlas::paste_check::{file_text, validate, FileText};
use news_atlas::share::{self, SharedArticle};
use news_atlas::view::ArticleView;

#[path = "invariants.rs"]
mod invariants;
#[path = "rng.rs"]
mod rng;

use rng::Rng;

/// One execution longer than this is reported as a hang.
const HANG: Duration = Duration::from_secs(60);

const SEEDS: &[&str] = &[
    include_str!("../articles/seed-1.txt"),
    include_str!("../articles/seed-2.txt"),
];

/// Pieces that have confused text readers before, or might.
const DICTIONARY: &[&str] = &[
    "“",
    "”",
    "\"",
    "‘",
    "’",
    "«",
    "»",
    "„",
    "‹",
    "›",
    "'",
    "「",
    "」",
    " said ",
    " says ",
    " told ",
    " according to ",
    " warned that ",
    " denied ",
    " claimed ",
    " he ",
    " she ",
    " they ",
    " the spokesman said ",
    " his office said ",
    ", who ",
    " and ",
    " Both ",
    " calling it ",
    "’s ",
    "U.S.",
    "Gen.",
    "St.",
    "p.m.",
    "J. ",
    "1,000",
    "2½",
    "9,600",
    " killed ",
    " injured ",
    " drones ",
    " in Kyiv",
    " near Pokrovsk",
    " Donetsk region",
    " the Kremlin ",
    "Moscow said",
    "Kremlin spokesperson Dmitry Peskov",
    "Zelenskyy",
    "Russia’s",
    "—",
    "–",
    "…",
    "(",
    ")",
    "[",
    "]",
    ":",
    ";",
    ",",
    ".",
    "!",
    "?",
    "\n",
    "\n\n",
    "\r\n",
    "\t",
    " ",
    "\u{0}",
    "\u{1}",
    "\u{7}",
    "\u{1b}",
    "\u{7f}",
    "\u{85}",
    "\u{a0}",
    "\u{200b}",
    "\u{200d}",
    "\u{200e}",
    "\u{200f}",
    "\u{202e}",
    "\u{2028}",
    "\u{2029}",
    "\u{feff}",
    "\u{fffd}",
    "e\u{301}",
    "\u{301}\u{301}\u{301}",
    "ﬁ",
    "İ",
    "ß",
    "Ⅻ",
    "٣",
    "Київ",
    "Покровськ",
    "قال المتحدث",
    "«قال»",
    "中文",
    "他说：“",
    "”。",
    "東京",
    "🙂",
    "👩‍👩‍👧",
    "🇺🇦",
    "𝕏",
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    "javascript:alert(1)",
    "<svg onload=alert(1)>",
    "<p>",
    "</p>",
    "<br>",
    "&amp;",
    "&#x201C;",
    "&#0;",
    "&#1114112;",
    "<!--",
    "-->",
    "<![CDATA[",
    "]]>",
    "<style>",
    "</style>",
    "<title>",
    "id: x\n",
    "title: T\n",
    "---\n",
];

/// Random characters from the ranges text readers trip over.
fn random_char(rng: &mut Rng) -> char {
    let ranges: &[(u32, u32)] = &[
        (0x00, 0x20),
        (0x20, 0x7f),
        (0x80, 0x100),
        (0x300, 0x370),
        (0x400, 0x500),
        (0x590, 0x700),
        (0x2000, 0x2070),
        (0x3000, 0x3040),
        (0x4e00, 0x9fff),
        (0xfe00, 0xfe10),
        (0xfff0, 0x10000),
        (0x1f300, 0x1fa00),
        (0x10_0000, 0x11_0000),
    ];
    let (lo, hi) = ranges[rng.below(ranges.len())];
    char::from_u32(lo + (rng.next() % u64::from(hi - lo)) as u32).unwrap_or('\u{fffd}')
}

/// Applies a few random edits to `bytes`: byte flips, dictionary inserts,
/// deletions, duplications, splices from the seeds.
fn mutate(rng: &mut Rng, bytes: &mut Vec<u8>, max_len: usize) {
    for _ in 0..1 + rng.below(8) {
        let at = rng.below(bytes.len() + 1);
        match rng.below(9) {
            0 if !bytes.is_empty() => {
                let i = rng.below(bytes.len());
                bytes[i] ^= 1 << rng.below(8);
            }
            1 if !bytes.is_empty() => {
                let i = rng.below(bytes.len());
                bytes[i] = rng.next() as u8;
            }
            2 | 3 => {
                let piece = rng.pick(DICTIONARY).as_bytes();
                bytes.splice(at..at, piece.iter().copied());
            }
            4 => {
                let mut buf = [0u8; 4];
                let c = random_char(rng).encode_utf8(&mut buf).as_bytes().to_vec();
                bytes.splice(at..at, c);
            }
            5 => {
                let len = rng.below(64).min(bytes.len() - at);
                bytes.drain(at..at + len);
            }
            6 if at < bytes.len() => {
                let len = rng.below(256).min(bytes.len() - at);
                let copy = bytes[at..at + len].to_vec();
                let to = rng.below(bytes.len() + 1);
                bytes.splice(to..to, copy);
            }
            7 => {
                let seed = SEEDS[rng.below(SEEDS.len())].as_bytes();
                let from = rng.below(seed.len());
                let len = rng.below(400).min(seed.len() - from);
                bytes.splice(at..at, seed[from..from + len].iter().copied());
            }
            _ => {
                // A run of one piece: thousands of quote marks and the like.
                let piece = rng.pick(DICTIONARY).as_bytes();
                let times = 1 + rng.below(200);
                let run: Vec<u8> = piece
                    .iter()
                    .copied()
                    .cycle()
                    .take(piece.len() * times)
                    .collect();
                bytes.splice(at..at, run);
            }
        }
    }
    bytes.truncate(max_len);
}

/// An input for the analysis target, as the bytes of a paste or file.
fn analysis_input(rng: &mut Rng) -> Vec<u8> {
    let seed = SEEDS[rng.below(SEEDS.len())].as_bytes();
    let mut bytes = match rng.below(6) {
        0 => Vec::new(),
        1 => seed.to_vec(),
        _ => {
            let from = rng.below(seed.len());
            let len = rng.below(3000);
            seed[from..(from + len).min(seed.len())].to_vec()
        }
    };
    mutate(rng, &mut bytes, 64 * 1024);
    if rng.chance(500) {
        // Now and then a text longer than one part, to cover the joining.
        let unit = bytes.clone();
        while bytes.len() <= parts::PART_BYTES + 1 && !unit.is_empty() {
            bytes.extend_from_slice(&unit);
            bytes.push(b'\n');
        }
    }
    bytes
}

/// Runs the analysis target on one input; `Err` names a broken invariant.
fn run_analysis(data: &[u8]) -> Result<(), String> {
    // First byte picks the path: a dropped file (named .txt or .html) or a paste.
    let (mode, bytes) = data.split_first().map_or((0, data), |(m, rest)| (*m, rest));
    let text = match mode % 3 {
        0 => String::from_utf8_lossy(bytes).into_owned(),
        n => match file_text(
            if n == 1 {
                "dropped.txt"
            } else {
                "dropped.html"
            },
            bytes.to_vec(),
        ) {
            Ok(FileText::Plain(text)) => text,
            Ok(FileText::Article(article)) => article.text,
            Err(message) if message.is_empty() => {
                return Err("a file refused without a message".into())
            }
            Err(_) => return Ok(()),
        },
    };
    if let Err(message) = validate(&text) {
        return if message.ends_with('.') {
            Ok(())
        } else {
            Err(format!("message without a full stop: {message}"))
        };
    }
    let a = if text.len() > parts::PART_BYTES {
        parts::analyze_in_parts(&text)
    } else {
        analyze(&text)
    };
    invariants::check(&text, &a)
}

fn random_string(rng: &mut Rng, max: usize) -> String {
    let mut s = String::new();
    for _ in 0..rng.below(max) {
        if rng.chance(3) {
            s.push_str(rng.pick(DICTIONARY));
        } else {
            s.push(random_char(rng));
        }
    }
    s
}

fn random_article(rng: &mut Rng) -> SharedArticle {
    let seed = SEEDS[rng.below(SEEDS.len())];
    let from = (0..=rng.below(seed.len()))
        .rev()
        .find(|&i| seed.is_char_boundary(i))
        .unwrap_or(0);
    let mut text: String = seed[from..].chars().take(rng.below(2000)).collect();
    text.push_str(&random_string(rng, 40));
    SharedArticle {
        title: random_string(rng, 20),
        source: if rng.chance(2) {
            String::new()
        } else {
            random_string(rng, 10)
        },
        date: rng.chance(2).then(|| {
            format!(
                "{:04}-{:02}-{:02}",
                1900 + rng.below(200),
                1 + rng.below(12),
                1 + rng.below(28)
            )
        }),
        date_inferred: rng.chance(2),
        text,
    }
}

const BASE64URL: &[u8] = news_atlas::share::ALPHABET;

fn base64url(bytes: &[u8]) -> String {
    let mut out = String::new();
    news_atlas::share::base64url_encode(bytes, &mut out);
    out
}

/// An input for the share target: the payload and view path of a link.
fn share_input(rng: &mut Rng) -> Vec<u8> {
    let link = match rng.below(4) {
        // A valid link, damaged.
        0 | 1 => {
            let mut bytes = share::encode(&random_article(rng)).into_bytes();
            if rng.below(4) != 0 {
                let at = rng.below(bytes.len() + 1);
                match rng.below(5) {
                    0 => bytes.truncate(at),
                    1 if at < bytes.len() => bytes[at] = BASE64URL[rng.below(64)],
                    2 => bytes.insert(at, BASE64URL[rng.below(64)]),
                    3 if at < bytes.len() => {
                        bytes.remove(at);
                    }
                    _ => mutate(rng, &mut bytes, 1 << 20),
                }
            }
            bytes
        }
        // Valid compression around JSON that is almost an article.
        2 => {
            let mut json = serde_json::to_vec(&random_article(rng)).unwrap_or_default();
            mutate(rng, &mut json, 1 << 16);
            let packed = miniz_oxide::deflate::compress_to_vec_zlib(&json, 1);
            format!(
                "{}.{}",
                if rng.chance(20) { rng.below(300) } else { 1 },
                base64url(&packed)
            )
            .into_bytes()
        }
        // Anything at all.
        _ => {
            let mut bytes = b"1.".to_vec();
            mutate(rng, &mut bytes, 4096);
            bytes
        }
    };
    let mut data = link;
    if rng.chance(2) {
        // The view path after the payload, as `#/s/<payload>/<rest>` carries it.
        data.push(b'/');
        let rests = [
            "",
            "text",
            "place/pokrovsk",
            "speaker/peskov",
            "compare/a/b",
            "sentence/3",
            "compare",
            "x/y/z",
        ];
        let mut rest = rng.pick(&rests).as_bytes().to_vec();
        if rng.chance(2) {
            mutate(rng, &mut rest, 200);
        }
        data.extend(rest);
    }
    data
}

/// Runs the share target on one input.
fn run_share(data: &[u8]) -> Result<(), String> {
    let text = String::from_utf8_lossy(data);
    let (payload, rest) = text.split_once('/').unwrap_or((&text, ""));
    if let Ok(view) = ArticleView::parse(rest) {
        let again = ArticleView::parse(&view.to_path())
            .map_err(|e| format!("view {rest:?} did not read back: {e:?}"))?;
        if again != view {
            return Err(format!("view {rest:?} read back as another view"));
        }
    }
    match share::decode(payload) {
        Ok(article) => {
            let again = share::decode(&share::encode(&article))
                .map_err(|e| format!("a decoded article did not round-trip: {e}"))?;
            if again != article {
                return Err("a decoded article round-tripped to another".into());
            }
        }
        Err(error) => {
            let message = error.to_string();
            if message.is_empty() || !message.ends_with('.') {
                return Err(format!("link error without a sentence: {message:?}"));
            }
        }
    }
    // Encoding whatever text this is must round-trip too.
    let article = SharedArticle {
        title: payload.chars().take(50).collect(),
        text: text.clone().into_owned(),
        ..Default::default()
    };
    match share::decode(&share::encode(&article)) {
        Ok(back) if back == article => Ok(()),
        Ok(_) => Err("encode then decode gave another article".into()),
        Err(e) => Err(format!("encode then decode failed: {e}")),
    }
}

type Target = (
    &'static str,
    fn(&mut Rng) -> Vec<u8>,
    fn(&[u8]) -> Result<(), String>,
);

const TARGETS: &[Target] = &[
    ("analysis", analysis_input, run_analysis),
    ("share", share_input, run_share),
];

fn save(name: &str, kind: &str, data: &[u8]) -> String {
    let hash = data.iter().fold(0xcbf2_9ce4_8422_2325u64, |h, &b| {
        (h ^ u64::from(b)).wrapping_mul(0x100_0000_01b3)
    });
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/fuzz/artifacts");
    let path = format!("{dir}/{name}-{kind}-{hash:016x}.bin");
    let _ = std::fs::create_dir_all(dir);
    if let Err(e) = std::fs::write(&path, data) {
        eprintln!("fuzz: could not write {path}: {e}");
    }
    path
}

/// Fuzzes one target for `seconds`; returns the number of executions.
fn fuzz(target: &Target, seconds: u64, seed: u64) -> u64 {
    let (name, generate, run) = *target;
    let mut rng = Rng(seed | 1);
    let current: Arc<Mutex<Vec<u8>>> = Arc::default();
    let started_ms = Arc::new(AtomicU64::new(0));
    let clock = Instant::now();
    {
        // The watchdog: an execution that never returns is a finding too.
        let (current, started_ms) = (current.clone(), started_ms.clone());
        std::thread::spawn(move || loop {
            std::thread::sleep(Duration::from_secs(1));
            let began = started_ms.load(Ordering::Relaxed);
            if began > 0
                && (clock.elapsed().as_millis() as u64).saturating_sub(began)
                    > HANG.as_millis() as u64
            {
                let data = current.lock().map(|d| d.clone()).unwrap_or_default();
                eprintln!(
                    "fuzz {name}: an execution ran over {HANG:?}; input saved to {}",
                    save(name, "hang", &data)
                );
                std::process::exit(1);
            }
        });
    }
    let deadline = Duration::from_secs(seconds);
    let mut execs = 0u64;
    let mut bytes_total = 0u64;
    let mut next_report = Duration::from_secs(60);
    while clock.elapsed() < deadline {
        let data = generate(&mut rng);
        if let Ok(mut slot) = current.lock() {
            slot.clone_from(&data);
        }
        started_ms.store(clock.elapsed().as_millis() as u64 + 1, Ordering::Relaxed);
        let outcome = panic::catch_unwind(AssertUnwindSafe(|| run(&data)));
        started_ms.store(0, Ordering::Relaxed);
        execs += 1;
        bytes_total += data.len() as u64;
        let failure = match outcome {
            Ok(Ok(())) => None,
            Ok(Err(why)) => Some(("invariant", why)),
            Err(_) => Some(("panic", "panicked (message above)".to_string())),
        };
        if let Some((kind, why)) = failure {
            eprintln!(
                "fuzz {name}: {why}; input saved to {}",
                save(name, kind, &data)
            );
            eprintln!(
                "replay: cargo run --profile fuzz --example fuzz -- replay {name} <that file>"
            );
            std::process::exit(1);
        }
        if clock.elapsed() >= next_report {
            eprintln!("fuzz {name}: {execs} executions in {:.0?}", clock.elapsed());
            next_report += Duration::from_secs(60);
        }
    }
    let secs = clock.elapsed().as_secs_f64();
    println!(
        "fuzz {name}: {execs} executions in {secs:.0} s ({:.0}/s, mean input {} bytes, seed {seed}): no panic, no broken invariant",
        execs as f64 / secs,
        bytes_total / execs.max(1)
    );
    execs
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let usage = "usage: fuzz <analysis|share|all> [--seconds N] [--seed N] | fuzz replay <analysis|share> FILE";
    let value = |flag: &str, default: u64| -> u64 {
        args.iter()
            .position(|a| a == flag)
            .and_then(|i| args.get(i + 1))
            .and_then(|v| v.parse().ok())
            .unwrap_or(default)
    };
    let find = |name: &str| TARGETS.iter().find(|t| t.0 == name);
    match args.first().map(String::as_str) {
        Some("replay") => {
            let (Some(target), Some(file)) = (args.get(1).and_then(|n| find(n)), args.get(2))
            else {
                eprintln!("{usage}");
                std::process::exit(2);
            };
            let data = std::fs::read(file).unwrap_or_else(|e| panic!("cannot read {file}: {e}"));
            match (target.2)(&data) {
                Ok(()) => println!("fuzz {}: {file} passes", target.0),
                Err(why) => {
                    eprintln!("fuzz {}: {why}", target.0);
                    std::process::exit(1);
                }
            }
        }
        Some(which) => {
            let seconds = value("--seconds", 30);
            let seed = value("--seed", 0x05EE_D0FA_71A5);
            let chosen: Vec<&Target> = if which == "all" {
                TARGETS.iter().collect()
            } else {
                find(which).into_iter().collect()
            };
            if chosen.is_empty() {
                eprintln!("{usage}");
                std::process::exit(2);
            }
            for target in chosen {
                fuzz(target, seconds, seed);
            }
        }
        None => {
            eprintln!("{usage}");
            std::process::exit(2);
        }
    }
}
