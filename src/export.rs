//! Downloads of one article's analysis: the JSON report (the schema of
//! `atlas analyze`), places as GeoJSON, statements as CSV, and the article
//! itself as a file that can be dropped back into the page. Pure Rust.

use serde_json::json;

use crate::analysis::report::{ArticleReport, Report};
use crate::analysis::Analysis;
use crate::articles::Article;

/// The `atlas analyze` JSON for one article.
pub fn report_json(article: &Article, analysis: &Analysis) -> String {
    let report = Report {
        articles: vec![ArticleReport::new(
            &article.id,
            &article.title,
            &article.text,
            analysis,
        )],
    };
    serde_json::to_string_pretty(&report).unwrap_or_default()
}

/// The resolved places as a GeoJSON FeatureCollection of points.
pub fn places_geojson(article: &Article, analysis: &Analysis) -> String {
    let features: Vec<serde_json::Value> = analysis
        .places
        .iter()
        .map(|p| {
            json!({
                "type": "Feature",
                "geometry": { "type": "Point", "coordinates": [p.lon, p.lat] },
                "properties": {
                    "name": p.name,
                    "kind": p.kind,
                    "country": p.country,
                    "mentions": p.mentions.len(),
                    "first_mention": p.mentions.first().map(|m| m.start),
                    "confidence": p.confidence,
                    "reason": p.reason,
                    "article": article.id,
                },
            })
        })
        .collect();
    serde_json::to_string_pretty(&json!({ "type": "FeatureCollection", "features": features }))
        .unwrap_or_default()
}

/// The statements as CSV, one row each, with byte offsets into the article.
pub fn statements_csv(article: &Article, analysis: &Analysis) -> String {
    let report = ArticleReport::new(&article.id, &article.title, &article.text, analysis);
    let mut out =
        String::from("speaker,affiliation,cue,stance,direct,quote,content,sentence,start,end\n");
    for s in &report.speech.statements {
        let sentence = report
            .sentences
            .get(s.sentence)
            .map_or("", |t| t.text.as_str());
        let stance = serde_json::to_value(s.stance)
            .ok()
            .and_then(|v| v.as_str().map(str::to_string))
            .unwrap_or_default();
        let row = [
            s.speaker.as_deref().unwrap_or(""),
            s.affiliation.as_deref().unwrap_or(""),
            s.cue.as_deref().unwrap_or(""),
            &stance,
            if s.direct { "yes" } else { "no" },
            s.quote.as_deref().unwrap_or(""),
            &s.content,
            sentence,
            &s.start.to_string(),
            &s.end.to_string(),
        ];
        let cells: Vec<String> = row.iter().map(|c| csv_cell(c)).collect();
        out.push_str(&cells.join(","));
        out.push('\n');
    }
    out
}

/// Quotes a CSV cell when needed, and defuses cells a spreadsheet would run
/// as a formula (text from an article is untrusted).
fn csv_cell(value: &str) -> String {
    let value = if value.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{value}")
    } else {
        value.to_string()
    };
    if value.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", value.replace('"', "\"\""))
    } else {
        value
    }
}

/// The article in the `articles/` file format, to drop back into the page.
pub fn article_file(article: &Article) -> String {
    let one_line = |s: &str| s.replace(['\r', '\n'], " ");
    let mut out = format!(
        "id: {}\ntitle: {}\n",
        one_line(&article.id),
        one_line(&article.title)
    );
    if let Some(date) = &article.date {
        out.push_str(&format!("date: {}\n", one_line(date)));
        if article.date_inferred {
            out.push_str("date-inferred: yes\n");
        }
    }
    if !article.source.is_empty() {
        out.push_str(&format!("source: {}\n", one_line(&article.source)));
    }
    out.push_str("---\n");
    out.push_str(&article.text);
    out
}

/// A file name made from a title: letters, digits and hyphens.
pub fn file_stem(title: &str) -> String {
    let mut stem = String::new();
    for c in title.chars().flat_map(char::to_lowercase) {
        if c.is_ascii_alphanumeric() {
            stem.push(c);
        } else if !stem.ends_with('-') && !stem.is_empty() {
            stem.push('-');
        }
        if stem.len() >= 60 {
            break;
        }
    }
    let stem = stem.trim_end_matches('-');
    if stem.is_empty() {
        "article".to_string()
    } else {
        stem.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::analyze;

    fn article(text: &str) -> Article {
        Article {
            id: "p-test".into(),
            title: "A test\narticle".into(),
            date: Some("2024-02-06".into()),
            date_inferred: true,
            source: "written for the tests".into(),
            text: text.into(),
        }
    }

    #[test]
    fn article_file_round_trips_through_the_parser() {
        let a = article("First line.\n\nSecond, with “quotes”.");
        let back = Article::parse(&article_file(&a)).unwrap();
        assert_eq!(
            back,
            Article {
                title: "A test article".into(),
                ..a
            }
        );
    }

    #[test]
    fn csv_cells_are_quoted_and_defused() {
        assert_eq!(csv_cell("plain"), "plain");
        assert_eq!(csv_cell("a, b"), "\"a, b\"");
        assert_eq!(csv_cell("say \"no\""), "\"say \"\"no\"\"\"");
        assert_eq!(csv_cell("=HYPERLINK(1)"), "'=HYPERLINK(1)");
    }

    #[test]
    fn exports_are_valid_documents() {
        let a = article("Officials in Kharkiv said three people were hurt. “We will rebuild,” Mayor Ihor Terekhov said.");
        let analysis = analyze(&a.text);
        let geo: serde_json::Value = serde_json::from_str(&places_geojson(&a, &analysis)).unwrap();
        assert_eq!(geo["type"], "FeatureCollection");
        assert!(geo["features"]
            .as_array()
            .unwrap()
            .iter()
            .any(|f| f["properties"]["name"] == "Kharkiv"));
        let report: serde_json::Value = serde_json::from_str(&report_json(&a, &analysis)).unwrap();
        assert_eq!(report["articles"][0]["id"], "p-test");
        let csv = statements_csv(&a, &analysis);
        assert!(csv.starts_with("speaker,affiliation,cue,"));
        assert!(csv.lines().count() >= 2, "{csv}");
    }

    #[test]
    fn file_stems_are_safe() {
        assert_eq!(
            file_stem("Trump & Putin: the call!"),
            "trump-putin-the-call"
        );
        assert_eq!(file_stem("   "), "article");
        assert_eq!(file_stem("Київ"), "article");
    }
}
