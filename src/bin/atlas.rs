//! `atlas`: the command line over the analysis core.
//!
//! `atlas analyze INPUT...` analyses text files, directories of them, standard
//! input or JSON Lines records on every core, and writes the reports in input
//! order as one JSON document (the default), JSON Lines, GeoJSON or CSV: the
//! page's download formats, written by the same code (`news_atlas::export`).
//! A bad record gives one line on stderr naming it and the run goes on
//! (`--strict` stops at the first); the exit status is then 1. Usage errors
//! exit with 2. See README.md, "Command line".

#[cfg(not(target_arch = "wasm32"))]
#[path = "atlas/inputs.rs"]
mod inputs;
#[cfg(not(target_arch = "wasm32"))]
#[path = "atlas/run.rs"]
mod run;

#[cfg(not(target_arch = "wasm32"))]
fn main() -> std::process::ExitCode {
    use clap::Parser;
    match run::Cli::parse().command {
        run::Command::Analyze(args) => run::analyze(&args),
    }
}

/// The command line is native only; the page is the wasm32 build.
#[cfg(target_arch = "wasm32")]
fn main() {}
