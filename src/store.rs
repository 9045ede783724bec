//! The format pasted articles are kept in (browser local storage), with its
//! version and migrations. Pure Rust, tested natively; the page reads and
//! writes the raw string.
//!
//! Version 1: `{"version":1,"articles":[{"id","title","source","date",
//! "date_inferred","text"}]}`. Version 0 (never shipped, accepted for safety)
//! was a bare array of those articles.

use serde::{Deserialize, Serialize};

use crate::articles::Article;

/// The storage key.
pub const KEY: &str = "news-atlas.articles";
/// The version this build writes.
pub const VERSION: u32 = 1;

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
struct StoredArticle {
    id: String,
    title: String,
    #[serde(default)]
    source: String,
    #[serde(default)]
    date: Option<String>,
    #[serde(default)]
    date_inferred: bool,
    text: String,
}

#[derive(Serialize, Deserialize)]
struct StoredFile {
    version: u32,
    articles: Vec<StoredArticle>,
}

/// Why stored data could not be read; the raw value must then be kept aside,
/// never overwritten.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ReadError {
    /// Not JSON, or not of any known shape.
    Corrupt(String),
    /// Written by a newer version of the app.
    TooNew(u32),
}

impl std::fmt::Display for ReadError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ReadError::Corrupt(why) => write!(f, "the saved articles could not be read ({why})"),
            ReadError::TooNew(v) => write!(
                f,
                "the saved articles were written by a newer version of News Atlas (format {v})"
            ),
        }
    }
}

/// Reads stored articles, migrating older formats.
pub fn read(raw: &str) -> Result<Vec<Article>, ReadError> {
    let value: serde_json::Value =
        serde_json::from_str(raw).map_err(|e| ReadError::Corrupt(e.to_string()))?;
    let stored: Vec<StoredArticle> = match value {
        serde_json::Value::Array(_) => {
            serde_json::from_value(value).map_err(|e| ReadError::Corrupt(e.to_string()))?
        }
        serde_json::Value::Object(ref map) => {
            let version = map
                .get("version")
                .and_then(serde_json::Value::as_u64)
                .unwrap_or(0);
            if version > u64::from(VERSION) {
                return Err(ReadError::TooNew(
                    u32::try_from(version).unwrap_or(u32::MAX),
                ));
            }
            let file: StoredFile =
                serde_json::from_value(value).map_err(|e| ReadError::Corrupt(e.to_string()))?;
            file.articles
        }
        _ => return Err(ReadError::Corrupt("not a list of articles".into())),
    };
    Ok(stored
        .into_iter()
        .filter(|a| !a.id.is_empty() && !a.text.trim().is_empty())
        .map(|a| Article {
            id: a.id,
            title: a.title,
            date: a.date,
            date_inferred: a.date_inferred,
            source: a.source,
            text: a.text,
        })
        .collect())
}

/// Writes articles in the current format.
pub fn write(articles: &[&Article]) -> String {
    let file = StoredFile {
        version: VERSION,
        articles: articles
            .iter()
            .map(|a| StoredArticle {
                id: a.id.clone(),
                title: a.title.clone(),
                source: a.source.clone(),
                date: a.date.clone(),
                date_inferred: a.date_inferred,
                text: a.text.clone(),
            })
            .collect(),
    };
    serde_json::to_string(&file).unwrap_or_else(|_| String::from("{\"version\":1,\"articles\":[]}"))
}

/// The key under which unreadable data is kept aside, so nothing is lost.
pub fn backup_key(stamp: u64) -> String {
    format!("{KEY}.unreadable-{stamp}")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn article(id: &str, text: &str) -> Article {
        Article {
            id: id.into(),
            title: format!("Title {id}"),
            date: Some("2025-01-02".into()),
            date_inferred: false,
            source: "pasted".into(),
            text: text.into(),
        }
    }

    #[test]
    fn round_trips_in_the_current_format() {
        let a = article("p-1", "Кийв “quotes” 🌍 and\nlines");
        let b = article("p-2", "Second.");
        let raw = write(&[&a, &b]);
        assert!(raw.starts_with("{\"version\":1,"));
        assert_eq!(read(&raw).unwrap(), vec![a, b]);
    }

    #[test]
    fn migrates_the_unversioned_array() {
        let raw = r#"[{"id":"p-1","title":"T","text":"Body."}]"#;
        let got = read(raw).unwrap();
        assert_eq!(
            (
                got[0].id.as_str(),
                got[0].source.as_str(),
                got[0].date.clone()
            ),
            ("p-1", "", None)
        );
    }

    #[test]
    fn reports_corrupt_and_newer_data() {
        for raw in [
            "",
            "{",
            "null",
            "42",
            r#"{"version":1,"articles":"x"}"#,
            r#"[{"title":"no id or text"}]"#,
        ] {
            assert!(matches!(read(raw), Err(ReadError::Corrupt(_))), "{raw}");
        }
        assert_eq!(
            read(r#"{"version":7,"articles":[]}"#),
            Err(ReadError::TooNew(7))
        );
    }

    #[test]
    fn drops_entries_without_text() {
        let raw = r#"{"version":1,"articles":[{"id":"p-1","title":"T","text":"  "},{"id":"p-2","title":"U","text":"Body."}]}"#;
        assert_eq!(read(raw).unwrap().len(), 1);
    }
}
