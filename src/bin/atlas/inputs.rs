//! What `atlas analyze` reads: the named inputs resolved into sources
//! (files, the files of directories, standard input), and each source read
//! into raw records, one at a time, so that memory stays flat.

use std::fs::File;
use std::io::{self, BufRead, BufReader, Read};
use std::ops::ControlFlow;
use std::path::{Path, PathBuf};

/// Where records come from.
pub enum Source {
    /// A file (named, or found in a directory) or `-`.
    Input {
        /// How messages name it: the path as given or found, `-` for stdin.
        name: String,
        /// The report id of a plain text file: its stem when named, its
        /// path below the directory without extension when found in one.
        id: String,
        /// None for standard input.
        path: Option<PathBuf>,
        /// In bytes, when known (for the progress bar).
        size: Option<u64>,
    },
    /// A directory that could not be listed.
    Failed { name: String, message: String },
}

/// One record, read but not yet analysed.
pub enum Raw {
    /// A whole file (text, HTML or the `articles/` format).
    Text {
        name: String,
        id: String,
        bytes: Vec<u8>,
    },
    /// One line of a JSON Lines input; `name` is `FILE:LINE`.
    Line {
        name: String,
        default_id: String,
        bytes: Vec<u8>,
    },
    /// Could not be read: the message names it.
    Failed { name: String, message: String },
}

impl Raw {
    /// Its size in bytes, for the progress bar.
    pub fn len(&self) -> u64 {
        match self {
            Raw::Text { bytes, .. } | Raw::Line { bytes, .. } => bytes.len() as u64 + 1,
            Raw::Failed { .. } => 0,
        }
    }
}

/// File extensions a directory is searched for.
fn wanted(path: &Path, jsonl: bool) -> bool {
    let ext = path
        .extension()
        .map(|e| e.to_string_lossy().to_ascii_lowercase())
        .unwrap_or_default();
    if jsonl {
        matches!(ext.as_str(), "jsonl" | "ndjson")
    } else {
        matches!(ext.as_str(), "txt" | "html" | "htm")
    }
}

/// The inputs as sources, in order; a directory's files sorted by path.
pub fn sources(inputs: &[PathBuf], jsonl: bool) -> Vec<Source> {
    let mut out = Vec::new();
    for input in inputs {
        let name = input.display().to_string();
        if name == "-" {
            out.push(Source::Input {
                name,
                id: "stdin".into(),
                path: None,
                size: None,
            });
        } else if input.is_dir() {
            walk(input, input, jsonl, &mut out);
        } else {
            let id = input
                .file_stem()
                .map_or_else(|| name.clone(), |s| s.to_string_lossy().into_owned());
            let size = std::fs::metadata(input).ok().map(|m| m.len());
            out.push(Source::Input {
                name,
                id,
                path: Some(input.clone()),
                size,
            });
        }
    }
    out
}

/// Adds the wanted files under `dir`, recursively, sorted by name. Symbolic
/// links to directories are not followed (no cycles); links to files are.
fn walk(root: &Path, dir: &Path, jsonl: bool, out: &mut Vec<Source>) {
    let entries = match std::fs::read_dir(dir) {
        Ok(entries) => entries,
        Err(e) => {
            out.push(Source::Failed {
                name: dir.display().to_string(),
                message: format!("cannot list the directory: {e}"),
            });
            return;
        }
    };
    let mut paths: Vec<PathBuf> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
    paths.sort();
    for path in paths {
        let is_link = path
            .symlink_metadata()
            .is_ok_and(|m| m.file_type().is_symlink());
        if path.is_dir() {
            if !is_link {
                walk(root, &path, jsonl, out);
            }
        } else if wanted(&path, jsonl) {
            let relative = path.strip_prefix(root).unwrap_or(&path).with_extension("");
            let id = relative
                .components()
                .map(|c| c.as_os_str().to_string_lossy())
                .collect::<Vec<_>>()
                .join("/");
            out.push(Source::Input {
                name: path.display().to_string(),
                id,
                size: std::fs::metadata(&path).ok().map(|m| m.len()),
                path: Some(path),
            });
        }
    }
}

fn open(path: &Option<PathBuf>) -> io::Result<Box<dyn Read>> {
    Ok(match path {
        Some(path) => Box::new(File::open(path)?),
        None => Box::new(io::stdin().lock()),
    })
}

/// Reads every record of `source` into `each`, until it breaks.
pub fn read(
    source: Source,
    jsonl: bool,
    each: &mut dyn FnMut(Raw) -> ControlFlow<()>,
) -> ControlFlow<()> {
    let (name, id, path) = match source {
        Source::Failed { name, message } => return each(Raw::Failed { name, message }),
        Source::Input { name, id, path, .. } => (name, id, path),
    };
    let reader = match open(&path) {
        Ok(reader) => reader,
        Err(e) => {
            return each(Raw::Failed {
                name,
                message: e.to_string(),
            })
        }
    };
    if !jsonl {
        let mut bytes = Vec::new();
        let mut reader = reader;
        return match reader.read_to_end(&mut bytes) {
            Ok(_) => each(Raw::Text { name, id, bytes }),
            Err(e) => each(Raw::Failed {
                name,
                message: e.to_string(),
            }),
        };
    }
    let mut reader = BufReader::with_capacity(1 << 16, reader);
    let mut line = 0usize;
    loop {
        let mut bytes = Vec::new();
        line += 1;
        match reader.read_until(b'\n', &mut bytes) {
            Ok(0) => return ControlFlow::Continue(()),
            Ok(_) => {
                while bytes.last().is_some_and(|b| matches!(b, b'\n' | b'\r')) {
                    bytes.pop();
                }
                if bytes.iter().all(u8::is_ascii_whitespace) {
                    continue;
                }
                each(Raw::Line {
                    name: format!("{name}:{line}"),
                    default_id: format!("{id}:{line}"),
                    bytes,
                })?;
            }
            Err(e) => {
                return each(Raw::Failed {
                    name: format!("{name}:{line}"),
                    message: e.to_string(),
                })
            }
        }
    }
}
