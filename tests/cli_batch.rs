//! End-to-end tests of `atlas analyze` at scale: directories, standard
//! input, JSON Lines with bad records, the output formats, input order on
//! several threads, --strict, and the help text. They drive the built binary.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

use news_atlas::analysis::parts::analyze_in_parts;
use news_atlas::articles::Article;
use news_atlas::export;
use serde_json::{json, Value};

/// A fresh scratch directory for one test.
fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("atlas-cli-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn atlas(args: &[&str], stdin: Option<&[u8]>) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_atlas"))
        .args(args)
        .stdin(if stdin.is_some() {
            Stdio::piped()
        } else {
            Stdio::null()
        })
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    if let Some(bytes) = stdin {
        child.stdin.take().unwrap().write_all(bytes).unwrap();
    }
    child.wait_with_output().unwrap()
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

fn json_lines(out: &Output) -> Vec<Value> {
    String::from_utf8(out.stdout.clone())
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect()
}

fn ids(reports: &[Value]) -> Vec<String> {
    reports
        .iter()
        .map(|r| r["id"].as_str().unwrap().to_string())
        .collect()
}

fn repo(path: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join(path)
}

/// Short articles written for these tests.
const TEXTS: &[&str] = &[
    "Firefighters in Zaporizhzhia worked through the night after a strike on a depot, the regional governor said.",
    "Heavy rain flooded streets in Porto on Tuesday. “We have never seen water this high,” said a shop owner, Ana Silva.",
    "Talks between the delegations resumed in Geneva, a spokesman for the foreign ministry said.",
    "Farmers near Kherson said the harvest would be late this year.",
];

#[test]
fn a_directory_is_read_recursively_in_name_order() {
    let dir = scratch("dir");
    std::fs::create_dir_all(dir.join("b/deeper")).unwrap();
    std::fs::write(dir.join("a.txt"), TEXTS[0]).unwrap();
    std::fs::write(dir.join("b/deeper/c.txt"), TEXTS[1]).unwrap();
    std::fs::write(
        dir.join("b/page.html"),
        format!("<html><head><title>x</title></head><body><nav>Home</nav><p>{}</p><script>var x = 1;</script></body></html>", TEXTS[2]),
    )
    .unwrap();
    // Not searched for: other extensions.
    std::fs::write(dir.join("notes.md"), "Fighting in Bakhmut.").unwrap();
    std::fs::copy(repo("articles/seed-1.txt"), dir.join("b/seed.txt")).unwrap();
    let out = atlas(
        &["analyze", "--format", "jsonl", dir.to_str().unwrap()],
        None,
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let reports = json_lines(&out);
    assert_eq!(ids(&reports), ["a", "b/deeper/c", "b/page", "seed-1"]);
    // HTML is reduced exactly as the page does.
    let page = &reports[2];
    assert_eq!(page["sentences"][0]["text"], TEXTS[2]);
    assert!(!out.stdout.windows(10).any(|w| w == b"var x = 1;"));
    // A file in the articles/ format keeps its header.
    assert_eq!(
        reports[3]["title"],
        Article::parse(&std::fs::read_to_string(repo("articles/seed-1.txt")).unwrap())
            .unwrap()
            .title
    );
    // A plain file is titled by its first line.
    assert_eq!(reports[0]["title"], TEXTS[0]);
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn a_bad_file_in_a_directory_is_named_and_the_run_goes_on() {
    let dir = scratch("badfile");
    std::fs::write(dir.join("1.txt"), TEXTS[0]).unwrap();
    std::fs::write(dir.join("2.txt"), [0u8, 159, 146, 150]).unwrap();
    std::fs::write(dir.join("3.txt"), "  \n\n ").unwrap();
    std::fs::write(dir.join("4.txt"), [b'K', 0xe9, b' ']).unwrap();
    std::fs::write(dir.join("5.txt"), TEXTS[3]).unwrap();
    let out = atlas(&["analyze", "-f", "jsonl", dir.to_str().unwrap()], None);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(ids(&json_lines(&out)), ["1", "5"]);
    let err = stderr(&out);
    assert_eq!(err.lines().count(), 3, "{err}");
    for bad in ["2.txt", "3.txt", "4.txt"] {
        assert!(
            err.lines()
                .any(|l| l.starts_with("atlas: ") && l.contains(bad)),
            "{bad}: {err}"
        );
    }
    assert!(!err.contains("panicked"));
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn standard_input_is_one_text_or_json_lines() {
    let out = atlas(&["analyze", "-"], Some(TEXTS[1].as_bytes()));
    assert!(out.status.success(), "{}", stderr(&out));
    let doc: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(doc["articles"].as_array().unwrap().len(), 1);
    assert_eq!(doc["articles"][0]["id"], "stdin");
    assert!(doc["articles"][0]["places"]
        .as_array()
        .unwrap()
        .iter()
        .any(|p| p["name"] == "Porto"));
    let lines: String = TEXTS
        .iter()
        .enumerate()
        .map(|(i, t)| json!({"id": format!("n{i}"), "text": t}).to_string() + "\n")
        .collect();
    let out = atlas(
        &["analyze", "--jsonl", "-", "-f", "jsonl"],
        Some(lines.as_bytes()),
    );
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(ids(&json_lines(&out)), ["n0", "n1", "n2", "n3"]);
}

#[test]
fn a_broken_json_line_is_named_and_the_others_are_analysed() {
    let dir = scratch("jsonl");
    let feed = dir.join("feed.jsonl");
    let mut body = String::new();
    body += &json!({"id": "first", "text": TEXTS[0], "url": "https://example.org/1", "section": "world"}).to_string();
    body += "\n";
    body += &json!({"id": 2, "text": TEXTS[1], "title": "Floods", "places": "passed"}).to_string();
    body += "\n{\"id\": \"broken\", \"text\": \"cut off\n";
    body += "\n"; // a blank line is skipped, not an error
    body += &json!({"id": "no-text", "title": "nothing"}).to_string();
    body += "\n[1, 2]\n";
    body += &json!({"id": "last", "html": format!("<p>{}</p><script>no()</script>", TEXTS[2])})
        .to_string();
    body += "\n";
    std::fs::write(&feed, &body).unwrap();
    let out = atlas(
        &[
            "analyze",
            "--jsonl",
            feed.to_str().unwrap(),
            "--format",
            "jsonl",
        ],
        None,
    );
    assert_eq!(out.status.code(), Some(1));
    let reports = json_lines(&out);
    assert_eq!(ids(&reports), ["first", "2", "last"]);
    // Other fields are passed through; a report field's name is prefixed.
    assert_eq!(reports[0]["url"], "https://example.org/1");
    assert_eq!(reports[0]["section"], "world");
    assert_eq!(reports[1]["title"], "Floods");
    assert_eq!(reports[1]["input_places"], "passed");
    assert!(reports[1]["places"].is_array());
    assert_eq!(reports[2]["sentences"][0]["text"], TEXTS[2]);
    let err = stderr(&out);
    let name = feed.display().to_string();
    let lines: Vec<&str> = err.lines().collect();
    assert_eq!(lines.len(), 3, "{err}");
    assert!(
        lines[0].starts_with(&format!("atlas: {name}:3: not JSON")),
        "{err}"
    );
    assert!(
        lines[1].starts_with(&format!("atlas: {name}:5: ")) && lines[1].contains("no \"text\""),
        "{err}"
    );
    assert!(
        lines[2].starts_with(&format!("atlas: {name}:6: not a JSON object")),
        "{err}"
    );
    // --strict stops at the first, with the document before it closed.
    let out = atlas(
        &["analyze", "--strict", "--jsonl", feed.to_str().unwrap()],
        None,
    );
    assert_eq!(out.status.code(), Some(1));
    let doc: Value = serde_json::from_slice(&out.stdout).unwrap();
    let got: Vec<&str> = doc["articles"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["id"].as_str().unwrap())
        .collect();
    assert_eq!(got, ["first", "2"]);
    assert_eq!(stderr(&out).lines().count(), 1);
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn output_keeps_input_order_on_every_thread_count() {
    let lines: String = (0..120)
        .map(|i| {
            json!({"id": format!("r{i:03}"), "text": TEXTS[i % TEXTS.len()].repeat(1 + i % 7)})
                .to_string()
                + "\n"
        })
        .collect();
    let expected: Vec<String> = (0..120).map(|i| format!("r{i:03}")).collect();
    let mut outputs = Vec::new();
    for jobs in ["1", "2", "5"] {
        let out = atlas(
            &["analyze", "--jsonl", "-", "-f", "jsonl", "--jobs", jobs],
            Some(lines.as_bytes()),
        );
        assert!(out.status.success(), "{}", stderr(&out));
        assert_eq!(ids(&json_lines(&out)), expected, "--jobs {jobs}");
        // No progress bar or other noise when stderr is not a terminal.
        assert_eq!(stderr(&out), "");
        outputs.push(out.stdout);
    }
    assert!(
        outputs.windows(2).all(|w| w[0] == w[1]),
        "output differs between thread counts"
    );
}

#[test]
fn formats_are_the_pages_downloads() {
    let dir = scratch("formats");
    let path = repo("articles/seed-2.txt");
    let article = Article::parse(&std::fs::read_to_string(&path).unwrap()).unwrap();
    let analysis = analyze_in_parts(&article.text);
    let file = path.to_str().unwrap();
    // One file: byte for byte what the page downloads.
    for (format, expected) in [
        ("json", export::report_json(&article, &analysis)),
        ("geojson", export::places_geojson(&article, &analysis)),
        ("csv", export::statements_csv(&article, &analysis)),
        ("events-csv", export::events_csv(&article, &analysis)),
    ] {
        let out = atlas(&["analyze", "-f", format, file], None);
        assert!(out.status.success());
        assert_eq!(String::from_utf8(out.stdout).unwrap(), expected, "{format}");
    }
    // Several: one document, each item tied to its article.
    let other = dir.join("other.txt");
    std::fs::write(&other, TEXTS[1]).unwrap();
    let out = atlas(
        &["analyze", "-f", "geojson", file, other.to_str().unwrap()],
        None,
    );
    let geo: Value = serde_json::from_slice(&out.stdout).unwrap();
    let features = geo["features"].as_array().unwrap();
    assert_eq!(features.len(), analysis.places.len() + 1, "{geo}");
    assert_eq!(features.last().unwrap()["properties"]["article"], "other");
    assert_eq!(features.last().unwrap()["properties"]["name"], "Porto");
    let out = atlas(
        &["analyze", "-f", "csv", file, other.to_str().unwrap()],
        None,
    );
    let csv = String::from_utf8(out.stdout).unwrap();
    assert_eq!(
        csv.lines().next().unwrap(),
        export::STATEMENTS_CSV_HEADER.trim_end()
    );
    assert_eq!(csv.matches("article,speaker").count(), 1);
    assert!(
        csv.lines()
            .skip(1)
            .all(|l| l.starts_with("seed-2,") || l.starts_with("other,")),
        "{csv}"
    );
    assert!(csv.lines().any(|l| l.starts_with("other,")), "{csv}");
    let out = atlas(
        &[
            "analyze",
            "-o",
            dir.join("out.jsonl").to_str().unwrap(),
            "-f",
            "jsonl",
            other.to_str().unwrap(),
        ],
        None,
    );
    assert!(out.status.success() && out.stdout.is_empty());
    assert_eq!(
        std::fs::read_to_string(dir.join("out.jsonl"))
            .unwrap()
            .lines()
            .count(),
        1
    );
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn help_documents_every_option() {
    let top = atlas(&["--help"], None);
    assert!(top.status.success());
    assert!(String::from_utf8_lossy(&top.stdout).contains("analyze"));
    let out = atlas(&["analyze", "--help"], None);
    let help = String::from_utf8_lossy(&out.stdout);
    for option in [
        "--jsonl",
        "--format",
        "--output",
        "--jobs",
        "--strict",
        "--quiet",
        "json, jsonl, geojson, csv",
        "Examples:",
    ] {
        assert!(help.contains(option), "{option} missing from:\n{help}");
    }
    for (args, code) in [
        (vec![], 2),
        (vec!["analyze"], 2),
        (vec!["analyze", "--format", "xml", "a.txt"], 2),
        (vec!["analyze", "--jobs", "0", "a.txt"], 2),
    ] {
        let out = atlas(&args, None);
        assert_eq!(out.status.code(), Some(code), "{args:?}");
    }
}
