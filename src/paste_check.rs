//! What the paste panel accepts, as pure functions tested natively: a
//! pasted text is checked by [`validate`], a dropped or chosen file is read
//! by [`file_text`]. Each refusal is one sentence for the reader.

use crate::articles::Article;
use crate::html_text;

/// The largest text accepted, in bytes.
pub const MAX_BYTES: usize = 10 * 1024 * 1024;

/// Why a text cannot be analysed, in a sentence for the reader.
///
/// ```
/// use news_atlas::paste_check::validate;
/// assert!(validate("Kyiv is calm.").is_ok());
/// assert!(validate(" \n ").unwrap_err().starts_with("There is no text"));
/// ```
pub fn validate(text: &str) -> Result<(), String> {
    if text.trim().is_empty() {
        return Err(
            "There is no text to analyse: paste an article or drop a file first.".to_string(),
        );
    }
    if text.len() > MAX_BYTES {
        return Err(format!(
            "This text is {:.1} MB; News Atlas takes articles up to 10 MB.",
            text.len() as f64 / 1_048_576.0
        ));
    }
    let control = text
        .chars()
        .filter(|c| c.is_control() && !matches!(c, '\n' | '\r' | '\t'))
        .count();
    if control * 100 > text.chars().count().max(1) {
        return Err(
            "This does not look like text: it is full of control characters, as a binary file is."
                .to_string(),
        );
    }
    Ok(())
}

/// What a file turned out to hold.
#[derive(Debug, PartialEq)]
pub enum FileText {
    /// A file in the app's own article format (a downloaded article).
    Article(Article),
    Plain(String),
}

/// Reads a dropped file: UTF-8 text, HTML reduced to its text, or an
/// article file with its metadata header.
///
/// ```
/// use news_atlas::paste_check::{file_text, FileText};
/// let html = file_text("a.html", b"<p>Kyiv<script>alert(1)</script></p>".to_vec());
/// assert_eq!(html, Ok(FileText::Plain("Kyiv".into())));
/// assert!(file_text("a.txt", vec![0x4b, 0xe9, 0x20]).unwrap_err().contains("not UTF-8"));
/// ```
pub fn file_text(name: &str, bytes: Vec<u8>) -> Result<FileText, String> {
    if bytes.contains(&0) {
        return Err(format!("“{name}” looks like a binary file, not text."));
    }
    let text = String::from_utf8(bytes).map_err(|e| {
        format!("“{name}” is not UTF-8 text (invalid byte at position {}); save it as UTF-8 and try again.", e.utf8_error().valid_up_to())
    })?;
    let lower = name.to_ascii_lowercase();
    if lower.ends_with(".html") || lower.ends_with(".htm") || html_text::looks_like_html(&text) {
        let text = html_text::html_to_text(&text);
        if text.trim().is_empty() {
            // Markup with no text (an image, a script, an SVG drawing).
            return Err(format!("“{name}” has no article text in it, only markup."));
        }
        return Ok(FileText::Plain(text));
    }
    if text.trim().is_empty() {
        return Err(format!("“{name}” is empty."));
    }
    match Article::parse(&text) {
        Ok(article) if !article.text.trim().is_empty() => Ok(FileText::Article(article)),
        _ => Ok(FileText::Plain(text)),
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod properties {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(300))]

        /// Any file is read as some text, or refused with a sentence naming it.
        #[test]
        fn any_file_is_read_or_refused_with_a_sentence(
            bytes in proptest::collection::vec(any::<u8>(), 0..2000),
            html in any::<bool>(),
        ) {
            let name = if html { "f.html" } else { "f.txt" };
            match file_text(name, bytes) {
                Ok(FileText::Plain(text)) => prop_assert!(!text.trim().is_empty()),
                Ok(FileText::Article(article)) => prop_assert!(!article.text.trim().is_empty()),
                Err(message) => prop_assert!(message.ends_with('.') && message.contains(name), "{}", message),
            }
        }

        /// Any text is accepted, or refused with a sentence.
        #[test]
        fn any_text_is_accepted_or_refused_with_a_sentence(text in any::<String>()) {
            if let Err(message) = validate(&text) {
                prop_assert!(message.ends_with('.'), "{}", message);
            }
        }
    }
}
