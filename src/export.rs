//! Downloads of an analysis: the JSON report (the schema of `atlas
//! analyze`), places as GeoJSON, statements as CSV, and the article itself
//! as a file that can be dropped back into the page. Pure Rust.
//!
//! The page's downloads and `atlas analyze --format` are written by the same
//! code: [`render`] turns one article into its piece of a document (so that
//! many can be rendered in parallel) and [`DocumentWriter`] joins pieces, in
//! order, into one document. The page writes a document of one article.

use std::io::{self, Write};
use std::sync::LazyLock;

use serde::Serialize;
use serde_json::{json, Map, Value};

use crate::analysis::report::ArticleReport;
use crate::analysis::Analysis;
use crate::articles::Article;
use crate::date_guess::{self, DateRange};

/// A download's (or `atlas analyze --format`'s) document format.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    /// `{"articles": [...]}`, pretty-printed: the schema in README.md.
    Json,
    /// One article report per line, compact (JSON Lines).
    Jsonl,
    /// The resolved places of every article as one GeoJSON FeatureCollection.
    GeoJson,
    /// The statements of every article, one row each.
    Csv,
    /// The event figures of every article, one row each.
    EventsCsv,
}

/// The first line of the statements CSV.
pub const STATEMENTS_CSV_HEADER: &str =
    "article,speaker,affiliation,cue,stance,direct,quote,content,sentence,start,end\n";

/// The first line of the events CSV: one row per figure of an event.
pub const EVENTS_CSV_HEADER: &str =
    "article,date,date_end,time,place,value,qualifier,unit,kind,what,source,text,sentence,start,end\n";

/// The report of one article (one entry of `{"articles": [...]}`), its
/// events dated against the article's date ([`date_guess::article_date`]).
pub fn article_report(article: &Article, analysis: &Analysis) -> ArticleReport {
    let mut report = ArticleReport::new(&article.id, &article.title, &article.text, analysis);
    let dates = event_dates(article, analysis);
    for (event, date) in report.speech.events.iter_mut().zip(dates) {
        (event.date, event.date_end) = date.map(|d| (d.start, d.end)).unzip();
    }
    report
}

/// Each event's days, resolved against the article's date.
pub fn event_dates(article: &Article, analysis: &Analysis) -> Vec<Option<DateRange>> {
    let date = date_guess::article_date(article.date.as_deref(), &article.text);
    analysis
        .events
        .iter()
        .map(|e| {
            let (when, date) = (e.when?, date.as_deref()?);
            date_guess::resolve_time(when.expr, date)
        })
        .collect()
}

/// A text that is not in the `articles/` format, as an article: titled by
/// its first non-blank line.
///
/// ```
/// let a = news_atlas::export::plain_article("n1", "", "\n  Floods in Porto \nRain fell.".into());
/// assert_eq!((a.id.as_str(), a.title.as_str()), ("n1", "Floods in Porto"));
/// ```
pub fn plain_article(id: &str, source: &str, text: String) -> Article {
    let title = text
        .lines()
        .map(str::trim)
        .find(|l| !l.is_empty())
        .unwrap_or("")
        .to_string();
    Article {
        id: id.to_string(),
        title,
        date: None,
        date_inferred: false,
        source: source.to_string(),
        text,
    }
}

/// The names of the top-level fields of an article report.
pub static REPORT_FIELDS: LazyLock<Vec<String>> = LazyLock::new(|| {
    let empty = ArticleReport::new("", "", "", &Analysis::default());
    match serde_json::to_value(&empty) {
        Ok(Value::Object(map)) => map.keys().cloned().collect(),
        _ => Vec::new(),
    }
});

/// Fields of an input record passed through to its report: a field named
/// like one of the report's own gets the prefix `input_` (`places` becomes
/// `input_places`), so the report's fields always mean what README says.
pub fn passed_through(fields: Map<String, Value>) -> Map<String, Value> {
    fields
        .into_iter()
        .map(|(key, value)| {
            if REPORT_FIELDS.contains(&key) {
                (format!("input_{key}"), value)
            } else {
                (key, value)
            }
        })
        .collect()
}

/// A report with the input's other fields after its own.
#[derive(Serialize)]
struct WithFields<'a> {
    #[serde(flatten)]
    report: &'a ArticleReport,
    #[serde(flatten)]
    fields: &'a Map<String, Value>,
}

/// One article's piece of a `format` document; `fields` (see
/// [`passed_through`]) are added to its report in the JSON formats.
pub fn render(
    format: Format,
    article: &Article,
    analysis: &Analysis,
    fields: &Map<String, Value>,
) -> Vec<u8> {
    let mut out = Vec::with_capacity(article.text.len() * 4);
    match format {
        Format::Json | Format::Jsonl => {
            let report = article_report(article, analysis);
            if format == Format::Json {
                write_json(Indented::new(&mut out), &report, fields, true);
            } else {
                write_json(&mut out, &report, fields, false);
                out.push(b'\n');
            }
        }
        Format::GeoJson => {
            for (i, feature) in place_features(article, analysis).iter().enumerate() {
                if i > 0 {
                    out.extend_from_slice(b",\n");
                }
                let _ = serde_json::to_writer_pretty(Indented::new(&mut out), feature);
            }
        }
        Format::Csv => statement_rows(&mut out, &article_report(article, analysis)),
        Format::EventsCsv => event_rows(&mut out, &article_report(article, analysis)),
    }
    out
}

fn write_json<W: Write>(out: W, report: &ArticleReport, fields: &Map<String, Value>, pretty: bool) {
    // Writing into memory only fails if a map key is not a string, which
    // the report's types rule out.
    let _ = match (fields.is_empty(), pretty) {
        (true, true) => serde_json::to_writer_pretty(out, report),
        (true, false) => serde_json::to_writer(out, report),
        (false, true) => serde_json::to_writer_pretty(out, &WithFields { report, fields }),
        (false, false) => serde_json::to_writer(out, &WithFields { report, fields }),
    };
}

/// Writes pretty JSON one level deeper: four spaces after each line break
/// and at the start (pretty JSON never has a raw line break in a string).
struct Indented<'a>(&'a mut Vec<u8>);

impl Indented<'_> {
    fn new(out: &mut Vec<u8>) -> Indented<'_> {
        out.extend_from_slice(b"    ");
        Indented(out)
    }
}

impl Write for Indented<'_> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        let mut rest = buf;
        while let Some(at) = rest.iter().position(|&b| b == b'\n') {
            self.0.extend_from_slice(&rest[..=at]);
            self.0.extend_from_slice(b"    ");
            rest = &rest[at + 1..];
        }
        self.0.extend_from_slice(rest);
        Ok(buf.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        Ok(())
    }
}

/// Joins the pieces of [`render`], in order, into one document.
pub struct DocumentWriter<W: Write> {
    format: Format,
    out: W,
    /// Pieces written so far (empty pieces do not count).
    pieces: usize,
}

impl<W: Write> DocumentWriter<W> {
    pub fn new(format: Format, out: W) -> DocumentWriter<W> {
        DocumentWriter {
            format,
            out,
            pieces: 0,
        }
    }

    /// Appends one article's piece.
    pub fn write(&mut self, piece: &[u8]) -> io::Result<()> {
        if piece.is_empty() {
            return Ok(());
        }
        let first = self.pieces == 0;
        self.pieces += 1;
        match (self.format, first) {
            (Format::Json, true) => self.out.write_all(b"{\n  \"articles\": [\n")?,
            (Format::GeoJson, true) => self.out.write_all(b"{\n  \"features\": [\n")?,
            (Format::Json | Format::GeoJson, false) => self.out.write_all(b",\n")?,
            (Format::Csv, true) => self.out.write_all(STATEMENTS_CSV_HEADER.as_bytes())?,
            (Format::EventsCsv, true) => self.out.write_all(EVENTS_CSV_HEADER.as_bytes())?,
            _ => {}
        }
        self.out.write_all(piece)
    }

    /// Closes the document and hands back the output.
    pub fn finish(mut self) -> io::Result<W> {
        let end: &[u8] = match (self.format, self.pieces) {
            (Format::Json, 0) => b"{\n  \"articles\": []\n}\n",
            (Format::Json, _) => b"\n  ]\n}\n",
            (Format::GeoJson, 0) => {
                b"{\n  \"features\": [],\n  \"type\": \"FeatureCollection\"\n}\n"
            }
            (Format::GeoJson, _) => b"\n  ],\n  \"type\": \"FeatureCollection\"\n}\n",
            (Format::Csv, 0) => STATEMENTS_CSV_HEADER.as_bytes(),
            (Format::EventsCsv, 0) => EVENTS_CSV_HEADER.as_bytes(),
            _ => b"",
        };
        self.out.write_all(end)?;
        self.out.flush()?;
        Ok(self.out)
    }
}

/// A document of one article, as the page downloads it.
fn document(format: Format, article: &Article, analysis: &Analysis) -> String {
    let mut writer = DocumentWriter::new(format, Vec::new());
    let written = writer
        .write(&render(format, article, analysis, &Map::new()))
        .and_then(|()| writer.finish());
    // Every piece is UTF-8 (JSON and slices of the text).
    String::from_utf8(written.unwrap_or_default()).unwrap_or_default()
}

/// The `atlas analyze` JSON for one article.
pub fn report_json(article: &Article, analysis: &Analysis) -> String {
    document(Format::Json, article, analysis)
}

/// The resolved places as a GeoJSON FeatureCollection of points.
pub fn places_geojson(article: &Article, analysis: &Analysis) -> String {
    document(Format::GeoJson, article, analysis)
}

/// The statements as CSV, one row each, with byte offsets into the article.
pub fn statements_csv(article: &Article, analysis: &Analysis) -> String {
    document(Format::Csv, article, analysis)
}

/// The event figures as CSV, one row each, with each figure's unit,
/// source and its event's dates.
pub fn events_csv(article: &Article, analysis: &Analysis) -> String {
    document(Format::EventsCsv, article, analysis)
}

/// One GeoJSON point feature per resolved place, with the events that
/// happened there.
fn place_features(article: &Article, analysis: &Analysis) -> Vec<Value> {
    let report = article_report(article, analysis);
    analysis
        .places
        .iter()
        .map(|p| {
            let events: Vec<Value> = report
                .speech
                .events
                .iter()
                .filter(|e| e.place_slug.as_deref() == Some(p.slug.as_str()))
                .map(|e| {
                    json!({
                        "summary": e.summary,
                        "date": e.date,
                        "date_end": e.date_end,
                        "time": e.time,
                        "figures": e.figures.iter().map(|f| json!({
                            "value": f.value,
                            "qualifier": f.qualifier,
                            "unit": f.unit,
                            "what": f.what,
                            "source": f.source,
                        })).collect::<Vec<_>>(),
                    })
                })
                .collect();
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
                    "events": events,
                },
            })
        })
        .collect()
}

/// The CSV rows of a report's statements.
fn statement_rows(out: &mut Vec<u8>, report: &ArticleReport) {
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
            report.id.as_str(),
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
        csv_row(out, &row);
    }
}

/// The CSV rows of a report's event figures.
fn event_rows(out: &mut Vec<u8>, report: &ArticleReport) {
    for e in &report.speech.events {
        let sentence = report
            .sentences
            .get(e.sentence)
            .map_or("", |t| t.text.as_str());
        for f in &e.figures {
            let kind = serde_json::to_value(f.kind)
                .ok()
                .and_then(|v| v.as_str().map(str::to_string))
                .unwrap_or_default();
            let row = [
                report.id.as_str(),
                e.date.as_deref().unwrap_or(""),
                e.date_end.as_deref().unwrap_or(""),
                e.time.as_deref().unwrap_or(""),
                e.place.as_deref().unwrap_or(""),
                &f.value.to_string(),
                f.qualifier.unwrap_or(""),
                f.unit.as_deref().unwrap_or(""),
                &kind,
                f.what.unwrap_or(""),
                f.source.as_deref().unwrap_or(""),
                &f.text,
                sentence,
                &f.start.to_string(),
                &f.end.to_string(),
            ];
            csv_row(out, &row);
        }
    }
}

fn csv_row(out: &mut Vec<u8>, row: &[&str]) {
    for (i, cell) in row.iter().enumerate() {
        if i > 0 {
            out.push(b',');
        }
        out.extend_from_slice(csv_cell(cell).as_bytes());
    }
    out.push(b'\n');
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
        assert!(csv.starts_with("article,speaker,affiliation,cue,"));
        assert!(csv.lines().count() >= 2, "{csv}");
    }

    /// The documents as the page wrote them before the writer was shared
    /// with the command line: the writer must give the same bytes.
    #[test]
    fn documents_match_whole_value_serialisation() {
        use crate::analysis::report::Report;
        let texts = [
            "Officials in Kharkiv said three people were hurt. “We will rebuild,” Mayor Ihor Terekhov said.",
            "Nothing happened anywhere today.",
            "Troops left Bakhmut and Avdiivka, the ministry in Kyiv said.",
        ];
        for n in 0..=texts.len() {
            let articles: Vec<(Article, Analysis)> = texts[..n]
                .iter()
                .map(|t| (article(t), analyze(t)))
                .collect();
            let mut json = DocumentWriter::new(Format::Json, Vec::new());
            let mut geo = DocumentWriter::new(Format::GeoJson, Vec::new());
            let mut lines = DocumentWriter::new(Format::Jsonl, Vec::new());
            for (a, analysis) in &articles {
                json.write(&render(Format::Json, a, analysis, &Map::new()))
                    .unwrap();
                geo.write(&render(Format::GeoJson, a, analysis, &Map::new()))
                    .unwrap();
                lines
                    .write(&render(Format::Jsonl, a, analysis, &Map::new()))
                    .unwrap();
            }
            let report = Report {
                articles: articles
                    .iter()
                    .map(|(a, an)| article_report(a, an))
                    .collect(),
            };
            let whole = serde_json::to_string_pretty(&report).unwrap() + "\n";
            assert_eq!(String::from_utf8(json.finish().unwrap()).unwrap(), whole);
            let features: Vec<Value> = articles
                .iter()
                .flat_map(|(a, an)| place_features(a, an))
                .collect();
            let whole = serde_json::to_string_pretty(
                &json!({ "type": "FeatureCollection", "features": features }),
            )
            .unwrap()
                + "\n";
            assert_eq!(String::from_utf8(geo.finish().unwrap()).unwrap(), whole);
            let lines = String::from_utf8(lines.finish().unwrap()).unwrap();
            assert_eq!(lines.lines().count(), n);
            for (line, r) in lines.lines().zip(&report.articles) {
                assert_eq!(line, serde_json::to_string(r).unwrap());
            }
        }
    }

    #[test]
    fn passed_through_fields_never_shadow_the_report() {
        let mut fields = Map::new();
        fields.insert("url".into(), json!("https://example.org/a"));
        fields.insert("places".into(), json!(["mine"]));
        fields.insert("title".into(), json!("other"));
        let fields = passed_through(fields);
        let keys: Vec<&str> = fields.keys().map(String::as_str).collect();
        assert_eq!(keys, ["input_places", "input_title", "url"]);
        let a = article("Rain in Lviv.");
        let line = render(Format::Jsonl, &a, &analyze(&a.text), &fields);
        let v: Value = serde_json::from_slice(&line).unwrap();
        assert_eq!(v["url"], "https://example.org/a");
        assert_eq!(v["input_places"][0], "mine");
        assert!(v["places"].is_array() && v["id"] == "p-test");
    }

    #[test]
    fn csv_has_one_header_and_the_article_column() {
        let mut csv = DocumentWriter::new(Format::Csv, Vec::new());
        for id in ["one", "two"] {
            let a = Article {
                id: id.into(),
                ..article("“We will stay,” said Oleh Syniehubov, the governor of Kharkiv.")
            };
            csv.write(&render(Format::Csv, &a, &analyze(&a.text), &Map::new()))
                .unwrap();
        }
        let csv = String::from_utf8(csv.finish().unwrap()).unwrap();
        assert_eq!(csv.matches("article,speaker,").count(), 1, "{csv}");
        assert!(csv.lines().any(|l| l.starts_with("one,")), "{csv}");
        assert!(csv.lines().any(|l| l.starts_with("two,")), "{csv}");
        let empty = DocumentWriter::new(Format::Csv, Vec::new())
            .finish()
            .unwrap();
        assert_eq!(empty, STATEMENTS_CSV_HEADER.as_bytes());
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
