//! With the feature `precomputed` (the page's build; Trunk sets it in
//! index.html), writes into OUT_DIR what the page's first view needs from the
//! gazetteer, computed by the analysis crate itself (with its gazetteer
//! embedded, on the build machine): the analysis of each bundled article as
//! JSON, and every country's name by code. The page then draws the first
//! article at once and fetches the gazetteer for everything else
//! (`src/precomputed.rs`, `src/app/place_data.rs`). Without the feature
//! (the command line, Python, the tests) it does nothing, and the analysis
//! crate is not built a second time for it.

fn main() {
    println!("cargo:rerun-if-changed=build.rs");
    #[cfg(feature = "precomputed")]
    precomputed::write();
}

/// The same parser and file list as the app's (`articles::bundled`).
#[cfg(feature = "precomputed")]
#[allow(dead_code)]
#[path = "src/articles.rs"]
mod articles;

#[cfg(feature = "precomputed")]
mod precomputed {
    use std::fmt::Write as _;
    use std::path::PathBuf;

    use news_atlas_analysis::gazetteer::GAZETTEER;

    use super::articles;

    pub fn write() {
        println!("cargo:rerun-if-changed=articles");
        println!("cargo:rerun-if-changed=data/gazetteer.bin");
        let out = PathBuf::from(std::env::var_os("OUT_DIR").expect("cargo sets OUT_DIR"));
        let mut index = String::from(
            "/// Each bundled article's id and its analysis as JSON (see build.rs).\n\
             pub static ANALYSES: &[(&str, &str)] = &[\n",
        );
        for article in articles::bundled() {
            let analysis = news_atlas_analysis::analyze(&article.text);
            let json = serde_json::to_string(&analysis).expect("an analysis serializes");
            let file = out.join(format!("analysis-{}.json", article.id));
            std::fs::write(&file, json).expect("OUT_DIR is writable");
            writeln!(index, "    ({:?}, include_str!({:?})),", article.id, file)
                .expect("writing to a String");
        }
        index.push_str(
            "];\n\n/// Every country's name by its ISO code, sorted by code (see build.rs).\n\
             pub static COUNTRY_NAMES: &[(&str, &str)] = &[\n",
        );
        for (code, name) in country_names() {
            writeln!(index, "    ({code:?}, {name:?}),").expect("writing to a String");
        }
        index.push_str("];\n");
        std::fs::write(out.join("precomputed.rs"), index).expect("OUT_DIR is writable");
    }

    /// What `place_names::country_name` gives for each code the gazetteer
    /// has a country entry for.
    fn country_names() -> Vec<(String, String)> {
        let g = &*GAZETTEER;
        let mut codes: Vec<[u8; 2]> = g.entries.iter().filter_map(|e| e.country).collect();
        codes.sort_unstable();
        codes.dedup();
        codes
            .into_iter()
            .filter_map(|cc| {
                let name = g.name_of(g.country(cc)?);
                let code = std::str::from_utf8(&cc).ok()?;
                (!name.is_empty()).then(|| (code.to_string(), name.to_string()))
            })
            .collect()
    }
}
