//! What the page's first view needs from the gazetteer, computed at build
//! time by the analysis crate itself (build.rs, feature `precomputed`): the
//! analysis of each bundled article and every country's name. The page draws
//! a bundled article from these at once, while the gazetteer (a separate
//! file, see `app::place_data`) is still on its way; everything else waits
//! for the gazetteer. A native test (`tests/precomputed.rs`) proves an
//! analysis reads back equal to `analyze(text)`, and an in-browser one
//! (`tests/web_places.rs`) that these equal the analysis computed in the
//! page.

use crate::analysis::Analysis;

mod generated {
    include!(concat!(env!("OUT_DIR"), "/precomputed.rs"));
}

/// The build-time analysis of the bundled article `id`, if there is one.
pub fn analysis(id: &str) -> Option<Analysis> {
    let (_, json) = generated::ANALYSES.iter().find(|(a, _)| *a == id)?;
    // Written by serde_json from this very type in build.rs: only a build
    // that mixes versions could fail to read it, and then the article is
    // analysed in the page like any other.
    serde_json::from_str(json).ok()
}

/// The ids with a build-time analysis.
pub fn ids() -> impl Iterator<Item = &'static str> {
    generated::ANALYSES.iter().map(|(id, _)| *id)
}

/// A country's name by its ISO code, as the gazetteer gives it.
pub fn country_name(code: &str) -> Option<&'static str> {
    let names = generated::COUNTRY_NAMES;
    names
        .binary_search_by(|(c, _)| (*c).cmp(code))
        .ok()
        .map(|i| names[i].1)
}

/// Every (code, name) pair, sorted by code.
pub fn country_names() -> &'static [(&'static str, &'static str)] {
    generated::COUNTRY_NAMES
}
