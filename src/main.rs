//! Mounts the News Atlas page. Built for wasm32 by Trunk.

#[cfg(target_arch = "wasm32")]
fn main() {
    news_atlas::app::start();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("news-atlas is the web page: build it with `trunk build` (see README.md).");
    eprintln!("For the command line, run: cargo run --release --bin atlas -- analyze FILE...");
    std::process::exit(2);
}
