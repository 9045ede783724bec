//! The options of `atlas analyze` and the run: records analysed on every
//! core, written in input order with a bounded number in flight.

use std::collections::BTreeMap;
use std::io::{self, IsTerminal, Write};
use std::ops::ControlFlow;
use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::mpsc;

use clap::{Args, Parser, Subcommand, ValueEnum};
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use serde_json::{Map, Value};

use news_atlas::analysis::parts::analyze_in_parts;
use news_atlas::export::{self, DocumentWriter, Format};
use news_atlas::html_text;
use news_atlas::paste_check::{file_text, FileText};

use crate::inputs::{self, Raw, Source};

/// Where an article's events happen and who said what, from the command line.
#[derive(Parser)]
#[command(name = "atlas", version, arg_required_else_help = true)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Subcommand)]
pub enum Command {
    /// Analyse articles: places, people, quotes, statements, contrasts, events.
    ///
    /// Reads text files, directories of them, standard input or JSON Lines
    /// records, analyses them on every core and writes the reports in input
    /// order. A bad record (an unreadable, empty or binary file, a line that
    /// is not JSON, a record with no text) gives one line on stderr naming
    /// it; the run goes on and exits with status 1 at the end. Usage errors
    /// exit with status 2.
    #[command(after_help = "Examples:\n  \
        atlas analyze articles/seed-1.txt            one JSON document\n  \
        atlas analyze archive/ --format jsonl > reports.jsonl\n  \
        curl -s URL | atlas analyze -                one text from standard input\n  \
        atlas analyze --jsonl feed.jsonl --format csv > statements.csv\n  \
        atlas analyze --jsonl - --format geojson < feed.jsonl > places.geojson")]
    Analyze(AnalyzeArgs),
}

#[derive(Args)]
pub struct AnalyzeArgs {
    /// Files, directories or `-` (standard input). A directory is searched
    /// recursively, in name order, for .txt, .html and .htm files (.jsonl and
    /// .ndjson with --jsonl). HTML is reduced to its text exactly as the page
    /// does; a file in the articles/ format keeps its header's id and title;
    /// any other file is identified by its stem (its path below the
    /// directory, without extension, when found in one) and titled by its
    /// first non-blank line.
    #[arg(required = true, value_name = "INPUT")]
    pub inputs: Vec<PathBuf>,

    /// Read the inputs as JSON Lines: one {"id": ..., "text": ...} object per
    /// line ("html" instead of "text" is reduced to text first; "title" is
    /// used when given; a record without "id" is identified as FILE:LINE).
    /// Other fields are passed through to the report (a field named like one
    /// of the report's gets the prefix "input_"). Blank lines are skipped.
    #[arg(long)]
    pub jsonl: bool,

    /// Output format: json (one document {"articles": [...]}), jsonl (one
    /// report per line, streamed), geojson (one FeatureCollection of every
    /// article's places, each with its article id), csv (every statement,
    /// one row, with its article id) or events-csv (every event figure, one
    /// row, with its unit, source and date). The schemas of the page's
    /// downloads.
    #[arg(long, short, value_enum, default_value_t = OutFormat::Json, value_name = "FORMAT")]
    pub format: OutFormat,

    /// Write to FILE instead of standard output.
    #[arg(long, short, value_name = "FILE")]
    pub output: Option<PathBuf>,

    /// Number of threads [default: every core, or RAYON_NUM_THREADS].
    #[arg(long, short, value_name = "N", value_parser = clap::value_parser!(u16).range(1..))]
    pub jobs: Option<u16>,

    /// Stop at the first bad record (the output written so far is closed,
    /// exit status 1).
    #[arg(long)]
    pub strict: bool,

    /// No progress bar (it is shown on stderr only when stderr is a terminal).
    #[arg(long, short)]
    pub quiet: bool,
}

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum OutFormat {
    Json,
    Jsonl,
    Geojson,
    Csv,
    EventsCsv,
}

impl OutFormat {
    fn format(self) -> Format {
        match self {
            OutFormat::Json => Format::Json,
            OutFormat::Jsonl => Format::Jsonl,
            OutFormat::Geojson => Format::GeoJson,
            OutFormat::Csv => Format::Csv,
            OutFormat::EventsCsv => Format::EventsCsv,
        }
    }
}

/// What became of one record: its piece of the output, or why it has none.
struct Outcome {
    result: Result<Vec<u8>, String>,
    bytes_in: u64,
}

/// Analyses one record and renders its piece of the output.
fn process(raw: Raw, format: Format) -> Result<Vec<u8>, String> {
    let (article, fields) = match raw {
        Raw::Failed { name, message } => return Err(format!("{name}: {message}")),
        Raw::Text { name, id, bytes } => {
            let article = match file_text(&name, bytes)? {
                FileText::Article(article) => article,
                FileText::Plain(text) => export::plain_article(&id, &name, text),
            };
            (article, Map::new())
        }
        Raw::Line {
            name,
            default_id,
            bytes,
        } => record(&bytes, &default_id).map_err(|why| format!("{name}: {why}"))?,
    };
    let analysis = analyze_in_parts(&article.text);
    Ok(export::render(format, &article, &analysis, &fields))
}

/// A JSON Lines record as an article and the fields passed through.
fn record(
    bytes: &[u8],
    default_id: &str,
) -> Result<(news_atlas::articles::Article, Map<String, Value>), String> {
    let value: Value = serde_json::from_slice(bytes).map_err(|e| format!("not JSON ({e})"))?;
    let Value::Object(mut fields) = value else {
        return Err("not a JSON object".into());
    };
    let id = match fields.remove("id") {
        None | Some(Value::Null) => default_id.to_string(),
        Some(Value::String(s)) => s,
        Some(Value::Number(n)) => n.to_string(),
        Some(_) => return Err("\"id\" is neither a string nor a number".into()),
    };
    let text = match fields.remove("text") {
        Some(Value::String(text)) => text,
        None | Some(Value::Null) => match fields.remove("html") {
            Some(Value::String(html)) => html_text::html_to_text(&html),
            None | Some(Value::Null) => return Err(format!("record {id:?} has no \"text\"")),
            Some(_) => return Err(format!("record {id:?}: \"html\" is not a string")),
        },
        Some(_) => return Err(format!("record {id:?}: \"text\" is not a string")),
    };
    if text.trim().is_empty() {
        return Err(format!("record {id:?} has no text (\"text\" is empty)"));
    }
    let mut article = export::plain_article(&id, "", text);
    match fields.remove("title") {
        Some(Value::String(title)) if !title.trim().is_empty() => article.title = title,
        None | Some(Value::Null) | Some(Value::String(_)) => {}
        Some(other) => {
            fields.insert("title".into(), other);
        }
    }
    Ok((article, export::passed_through(fields)))
}

type Out = io::BufWriter<Box<dyn Write>>;

/// Writes outcomes in input order and counts failures.
struct Sink<W: Write> {
    writer: DocumentWriter<W>,
    /// The index of the next record to write.
    next: usize,
    /// Outcomes that arrived before their turn.
    early: BTreeMap<usize, Outcome>,
    failures: usize,
    strict: bool,
    /// Set on the first failure under --strict, or when writing failed.
    stopped: bool,
    write_error: Option<io::Error>,
    progress: ProgressBar,
}

impl<W: Write> Sink<W> {
    fn accept(&mut self, index: usize, outcome: Outcome) {
        self.early.insert(index, outcome);
        while let Some(outcome) = self.early.remove(&self.next) {
            self.next += 1;
            self.progress.inc(outcome.bytes_in);
            if self.stopped {
                continue;
            }
            match outcome.result {
                Ok(piece) => {
                    if let Err(e) = self.writer.write(&piece) {
                        self.write_error = Some(e);
                        self.stopped = true;
                    }
                }
                Err(message) => {
                    self.failures += 1;
                    self.progress.suspend(|| eprintln!("atlas: {message}"));
                    self.stopped = self.strict;
                }
            }
            if !self.progress.is_hidden() {
                self.progress.set_message(match self.failures {
                    0 => format!("{} records", self.next),
                    n => format!("{} records, {n} bad", self.next),
                });
            }
        }
    }
}

fn progress_bar(quiet: bool, total: Option<u64>) -> ProgressBar {
    if quiet || !io::stderr().is_terminal() {
        return ProgressBar::hidden();
    }
    let bar = match total {
        Some(total) => ProgressBar::new(total).with_style(
            ProgressStyle::with_template(
                "{bar:30} {decimal_bytes}/{decimal_total_bytes} {decimal_bytes_per_sec} eta {eta} {msg}",
            )
            .unwrap_or_else(|_| ProgressStyle::default_bar()),
        ),
        None => ProgressBar::new_spinner().with_style(
            ProgressStyle::with_template("{spinner} {decimal_bytes} {decimal_bytes_per_sec} {msg}")
                .unwrap_or_else(|_| ProgressStyle::default_spinner()),
        ),
    };
    bar.set_draw_target(ProgressDrawTarget::stderr_with_hz(4));
    bar
}

pub fn analyze(args: &AnalyzeArgs) -> ExitCode {
    let format = args.format.format();
    let out: Box<dyn Write> = match &args.output {
        Some(path) => match std::fs::File::create(path) {
            Ok(file) => Box::new(file),
            Err(e) => {
                eprintln!("atlas: {}: {e}", path.display());
                return ExitCode::from(2);
            }
        },
        None => Box::new(io::stdout().lock()),
    };
    let pool = match rayon::ThreadPoolBuilder::new()
        .num_threads(args.jobs.map_or(0, usize::from))
        .build()
    {
        Ok(pool) => pool,
        Err(e) => {
            eprintln!("atlas: cannot start threads: {e}");
            return ExitCode::FAILURE;
        }
    };
    let sources = inputs::sources(&args.inputs, args.jsonl);
    let total = sources
        .iter()
        .map(|s| match s {
            Source::Input { size, .. } => *size,
            Source::Failed { .. } => Some(0),
        })
        .sum::<Option<u64>>();
    let mut sink = Sink {
        writer: DocumentWriter::new(format, io::BufWriter::with_capacity(1 << 18, out)),
        next: 0,
        early: BTreeMap::new(),
        failures: 0,
        strict: args.strict,
        stopped: false,
        write_error: None,
        progress: progress_bar(args.quiet, total),
    };
    // Records in flight (being analysed, or done and waiting for their
    // turn) are at most `window`: memory is bounded by that many records,
    // however long the input.
    let window = pool.current_num_threads() * 4;
    let (done, results) = mpsc::channel::<(usize, Outcome)>();
    let mut submitted = 0usize;
    let mut submit = |raw: Raw, sink: &mut Sink<Out>| {
        while submitted - sink.next >= window {
            match results.recv() {
                Ok((index, outcome)) => sink.accept(index, outcome),
                Err(_) => break,
            }
        }
        if sink.stopped {
            return ControlFlow::Break(());
        }
        let index = submitted;
        submitted += 1;
        let done = done.clone();
        pool.spawn(move || {
            let bytes_in = raw.len();
            let result = process(raw, format);
            let _ = done.send((index, Outcome { result, bytes_in }));
        });
        ControlFlow::Continue(())
    };
    for source in sources {
        if inputs::read(source, args.jsonl, &mut |raw| submit(raw, &mut sink)).is_break() {
            break;
        }
    }
    drop(done);
    while sink.next < submitted {
        match results.recv() {
            Ok((index, outcome)) => sink.accept(index, outcome),
            Err(_) => break,
        }
    }
    sink.progress.finish_and_clear();
    let failures = sink.failures;
    let closed = match sink.write_error {
        Some(e) => Err(e),
        None => sink.writer.finish().map(drop),
    };
    match closed {
        // A reader that stopped reading (`| head`) is not an error to report.
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => ExitCode::FAILURE,
        Err(e) => {
            eprintln!("atlas: could not write the output: {e}");
            ExitCode::FAILURE
        }
        Ok(()) if failures > 0 => ExitCode::FAILURE,
        Ok(()) => ExitCode::SUCCESS,
    }
}
