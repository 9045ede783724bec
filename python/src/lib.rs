//! `news_atlas._native`: the analysis core for Python (see python/README
//! section in the repository README and `news_atlas/__init__.pyi`).
//!
//! Each report is rendered by the same code as `atlas analyze --format
//! jsonl` (`news_atlas::export::render`) and handed to Python through
//! `json.loads`, so a dict equals the command line's report after JSON
//! normalisation. The analysis runs with the GIL released; `analyze_many`
//! spreads its texts over every core (rayon).

use news_atlas::analysis::parts::analyze_in_parts;
use news_atlas::export::{self, Format};
use pyo3::exceptions::{PyRuntimeError, PyValueError};
use pyo3::prelude::*;
use pyo3::types::{PyBytes, PyList};
use rayon::prelude::*;
use serde_json::Map;

/// One text's report as a JSON line.
fn report_line(id: &str, title: Option<&str>, date: Option<&str>, text: String) -> Vec<u8> {
    let mut article = export::plain_article(id, "", text);
    if let Some(title) = title {
        article.title = title.to_string();
    }
    if let Some(date) = date {
        // Checked by `check_date` before the GIL was released.
        article.date = Some(date.to_string());
        article.date_inferred = false;
    }
    let analysis = analyze_in_parts(&article.text);
    export::render(Format::Jsonl, &article, &analysis, &Map::new())
}

/// A publication date must be `YYYY-MM-DD`: the events' days are counted
/// from it.
fn check_date(date: Option<&str>) -> PyResult<()> {
    match date {
        Some(d) if !news_atlas::date_guess::is_iso_date(d) => Err(PyValueError::new_err(format!(
            "date {d:?} is not a day written YYYY-MM-DD"
        ))),
        _ => Ok(()),
    }
}

fn to_dict<'py>(
    py: Python<'py>,
    loads: &Bound<'py, PyAny>,
    line: &[u8],
) -> PyResult<Bound<'py, PyAny>> {
    loads.call1((PyBytes::new(py, line),))
}

/// Analyses one article and returns its report (the schema of `atlas
/// analyze`: README, "The analysis report").
#[pyfunction]
#[pyo3(signature = (text, *, id = String::new(), title = None, date = None))]
fn analyze<'py>(
    py: Python<'py>,
    text: String,
    id: String,
    title: Option<String>,
    date: Option<String>,
) -> PyResult<Bound<'py, PyAny>> {
    check_date(date.as_deref())?;
    let line = py.detach(|| report_line(&id, title.as_deref(), date.as_deref(), text));
    let loads = py.import("json")?.getattr("loads")?;
    to_dict(py, &loads, &line)
}

/// Analyses many articles on every core (or `jobs` threads) with the GIL
/// released; returns their reports in order.
#[pyfunction]
#[pyo3(signature = (texts, *, ids = None, titles = None, dates = None, jobs = None))]
fn analyze_many<'py>(
    py: Python<'py>,
    texts: &Bound<'py, PyAny>,
    ids: Option<&Bound<'py, PyAny>>,
    titles: Option<&Bound<'py, PyAny>>,
    dates: Option<&Bound<'py, PyAny>>,
    jobs: Option<usize>,
) -> PyResult<Bound<'py, PyList>> {
    let texts: Vec<String> = texts
        .try_iter()?
        .map(|t| t.and_then(|t| t.extract::<String>()))
        .collect::<PyResult<_>>()?;
    let ids: Vec<String> = match ids {
        Some(ids) => ids
            .try_iter()?
            .map(|t| t.and_then(|t| t.extract::<String>()))
            .collect::<PyResult<_>>()?,
        None => (0..texts.len()).map(|i| i.to_string()).collect(),
    };
    let optional = |values: Option<&Bound<'py, PyAny>>| -> PyResult<Vec<Option<String>>> {
        match values {
            Some(values) => values
                .try_iter()?
                .map(|t| t.and_then(|t| t.extract::<Option<String>>()))
                .collect(),
            None => Ok(vec![None; texts.len()]),
        }
    };
    let titles = optional(titles)?;
    let dates = optional(dates)?;
    if ids.len() != texts.len() || titles.len() != texts.len() || dates.len() != texts.len() {
        return Err(PyValueError::new_err(format!(
            "{} texts, {} ids, {} titles and {} dates: give one of each per text",
            texts.len(),
            ids.len(),
            titles.len(),
            dates.len()
        )));
    }
    for date in &dates {
        check_date(date.as_deref())?;
    }
    if jobs == Some(0) {
        return Err(PyValueError::new_err("jobs must be at least 1"));
    }
    let pool = match jobs {
        Some(n) => Some(
            rayon::ThreadPoolBuilder::new()
                .num_threads(n)
                .build()
                .map_err(|e| PyRuntimeError::new_err(e.to_string()))?,
        ),
        None => None,
    };
    let lines: Vec<Vec<u8>> = py.detach(|| {
        let run = || {
            texts
                .into_par_iter()
                .zip(ids.par_iter())
                .zip(titles.par_iter())
                .zip(dates.par_iter())
                .map(|(((text, id), title), date)| {
                    report_line(id, title.as_deref(), date.as_deref(), text)
                })
                .collect()
        };
        match &pool {
            Some(pool) => pool.install(run),
            None => run(),
        }
    });
    let loads = py.import("json")?.getattr("loads")?;
    let list = PyList::empty(py);
    for line in &lines {
        list.append(to_dict(py, &loads, line)?)?;
    }
    Ok(list)
}

/// The text of an HTML document, one paragraph per line, exactly as the
/// page and `atlas analyze` reduce a `.html` file.
#[pyfunction]
fn html_to_text(py: Python<'_>, html: String) -> String {
    py.detach(|| news_atlas::html_text::html_to_text(&html))
}

#[pymodule]
fn _native(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_function(wrap_pyfunction!(analyze, m)?)?;
    m.add_function(wrap_pyfunction!(analyze_many, m)?)?;
    m.add_function(wrap_pyfunction!(html_to_text, m)?)?;
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    Ok(())
}
