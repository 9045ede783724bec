//! `atlas analyze FILE...`: analyses text files and prints the JSON report.
//!
//! A file in the `articles/` format keeps its header's id and title; for any
//! other file the id is its stem and the title its first non-blank line. Exits
//! 2 on a usage error and 1 when a file cannot be read as text.

use std::path::Path;
use std::process::ExitCode;

use news_atlas::analysis::{
    self,
    report::{ArticleReport, Report},
};
use news_atlas::articles::Article;

const USAGE: &str = "usage: atlas analyze FILE...\n\nPrints a JSON report of the places, people and statements in each text file.";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match args.split_first() {
        Some((cmd, files)) if cmd == "analyze" && !files.is_empty() => analyze(files),
        Some((flag, _)) if flag == "-h" || flag == "--help" => {
            println!("{USAGE}");
            ExitCode::SUCCESS
        }
        _ => {
            eprintln!("{USAGE}");
            ExitCode::from(2)
        }
    }
}

fn analyze(files: &[String]) -> ExitCode {
    let mut report = Report::default();
    for file in files {
        match read_text(Path::new(file)) {
            Ok(text) => {
                let article = as_article(Path::new(file), text);
                // In parts, so a very long file stays linear in time (one part for any news article).
                let analysis = analysis::parts::analyze_in_parts(&article.text);
                report.articles.push(ArticleReport::new(
                    &article.id,
                    &article.title,
                    &article.text,
                    &analysis,
                ));
            }
            Err(message) => {
                eprintln!("atlas: {file}: {message}");
                return ExitCode::FAILURE;
            }
        }
    }
    match serde_json::to_string_pretty(&report) {
        Ok(json) => {
            println!("{json}");
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("atlas: could not write JSON: {e}");
            ExitCode::FAILURE
        }
    }
}

/// A file in the `articles/` format keeps its header's id and title; any
/// other text file is identified by its stem and titled by its first line.
fn as_article(path: &Path, text: String) -> Article {
    if let Ok(article) = Article::parse(&text) {
        return article;
    }
    let id = path.file_stem().map_or_else(
        || path.display().to_string(),
        |s| s.to_string_lossy().into_owned(),
    );
    let title = text
        .lines()
        .map(str::trim)
        .find(|l| !l.is_empty())
        .unwrap_or("")
        .to_string();
    Article {
        id,
        title,
        date: None,
        date_inferred: false,
        source: path.display().to_string(),
        text,
    }
}

/// Reads a file that must be non-empty UTF-8 text without NUL bytes.
fn read_text(path: &Path) -> Result<String, String> {
    let bytes = std::fs::read(path).map_err(|e| e.to_string())?;
    if bytes.contains(&0) {
        return Err("looks like a binary file (it contains NUL bytes), not text".into());
    }
    let text = String::from_utf8(bytes).map_err(|e| {
        format!(
            "is not UTF-8 text (invalid byte at offset {})",
            e.utf8_error().valid_up_to()
        )
    })?;
    if text.trim().is_empty() {
        return Err("is empty: there is no text to analyse".into());
    }
    Ok(text)
}
