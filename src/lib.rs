//! News Atlas: where an article's events happen and who said what.
//!
//! [`analysis`] is the pure-Rust core (no web dependencies, tested natively);
//! [`articles`] holds the articles bundled with the app; `app` is the Yew page,
//! compiled only for `wasm32`.

pub use news_atlas_analysis as analysis;
pub mod articles;
pub mod date_guess;
pub mod export;
pub mod geo;
pub mod highlight;
pub mod html_text;
pub mod paste_check;
pub mod place_names;
pub mod place_story;
#[cfg(feature = "precomputed")]
pub mod precomputed;
pub mod share;
pub mod speakers;
pub mod store;
pub mod view;

#[cfg(target_arch = "wasm32")]
pub mod app;
