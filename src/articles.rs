//! Articles bundled with the app: text files in `articles/` with a small
//! metadata header, compiled in so the first view needs no fetch.
//!
//! The header is `key: value` lines ended by a line `---`; the body after it
//! is the article exactly as published (byte offsets in analyses refer to it).

/// An article as the app and the command line see it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Article {
    /// Stable identifier used in URLs (`seed-1`).
    pub id: String,
    pub title: String,
    /// Publication date as `YYYY-MM-DD`, when known.
    pub date: Option<String>,
    /// True when the date was inferred from the content rather than stated.
    pub date_inferred: bool,
    /// Where the text comes from.
    pub source: String,
    /// The article text; every span in an analysis indexes into it.
    pub text: String,
}

/// Why a bundled-article file could not be read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum HeaderError {
    /// No `---` line ends the header.
    MissingSeparator,
    /// A header line is not `key: value`.
    BadLine(String),
    /// A required key is absent.
    Missing(&'static str),
}

impl std::fmt::Display for HeaderError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            HeaderError::MissingSeparator => write!(f, "no '---' line ends the header"),
            HeaderError::BadLine(line) => write!(f, "header line is not 'key: value': {line:?}"),
            HeaderError::Missing(key) => write!(f, "header lacks '{key}'"),
        }
    }
}

impl std::error::Error for HeaderError {}

impl Article {
    /// Parses a file of the `articles/` format.
    ///
    /// ```
    /// let a = news_atlas::articles::Article::parse(
    ///     "id: x\ntitle: T\ndate: 2025-01-02\n---\nBody text.",
    /// ).unwrap();
    /// assert_eq!((a.id.as_str(), a.text.as_str()), ("x", "Body text."));
    /// ```
    pub fn parse(file: &str) -> Result<Article, HeaderError> {
        let (header, text) = split_header(file).ok_or(HeaderError::MissingSeparator)?;
        let mut article = Article {
            id: String::new(),
            title: String::new(),
            date: None,
            date_inferred: false,
            source: String::new(),
            text: text.to_string(),
        };
        for line in header.lines().filter(|l| !l.trim().is_empty()) {
            let (key, value) = line
                .split_once(':')
                .ok_or_else(|| HeaderError::BadLine(line.to_string()))?;
            let value = value.trim().to_string();
            match key.trim() {
                "id" => article.id = value,
                "title" => article.title = value,
                "date" => article.date = Some(value).filter(|v| !v.is_empty()),
                "date-inferred" => article.date_inferred = matches!(value.as_str(), "yes" | "true"),
                "source" => article.source = value,
                // Unknown keys are kept out of the model but do not fail the file,
                // so later header fields stay readable by this version.
                _ => {}
            }
        }
        if article.id.is_empty() {
            return Err(HeaderError::Missing("id"));
        }
        if article.title.is_empty() {
            return Err(HeaderError::Missing("title"));
        }
        Ok(article)
    }
}

/// Splits at the first line that is exactly `---`; the body starts after its newline.
fn split_header(file: &str) -> Option<(&str, &str)> {
    let mut offset = 0;
    for line in file.split_inclusive('\n') {
        if line.trim_end_matches(['\n', '\r']) == "---" {
            return Some((&file[..offset], &file[offset + line.len()..]));
        }
        offset += line.len();
    }
    None
}

const BUNDLED_FILES: [&str; 2] = [
    include_str!("../articles/seed-1.txt"),
    include_str!("../articles/seed-2.txt"),
];

/// The articles shipped with the app, in display order (newest first).
///
/// Panics only if a bundled file is malformed, which a native test rules out.
pub fn bundled() -> Vec<Article> {
    let mut articles: Vec<Article> = BUNDLED_FILES
        .iter()
        .map(|file| Article::parse(file).expect("bundled article header is valid"))
        .collect();
    articles.sort_by(|a, b| b.date.cmp(&a.date));
    articles
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bundled_articles_parse_with_dates() {
        let all = bundled();
        let ids: Vec<&str> = all.iter().map(|a| a.id.as_str()).collect();
        assert_eq!(ids, ["seed-1", "seed-2"]);
        assert!(all.iter().all(|a| a.date_inferred && a.date.is_some()));
        assert!(all[0]
            .text
            .starts_with("Ukrainian President Volodymyr Zelenskyy"));
    }

    #[test]
    fn header_errors_are_reported() {
        assert_eq!(
            Article::parse("id: x\ntitle: y\n"),
            Err(HeaderError::MissingSeparator)
        );
        assert_eq!(
            Article::parse("title: y\n---\n"),
            Err(HeaderError::Missing("id"))
        );
        assert!(matches!(
            Article::parse("id x\n---\n"),
            Err(HeaderError::BadLine(_))
        ));
    }

    #[test]
    fn body_is_kept_byte_for_byte() {
        let a = Article::parse("id: x\ntitle: T\n---\r\n  Two\n\nparas  ").unwrap();
        assert_eq!(a.text, "  Two\n\nparas  ");
    }
}
