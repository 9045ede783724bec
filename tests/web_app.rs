//! In-browser tests of the page shell (wasm-bindgen-test in headless Chromium).
#![cfg(target_arch = "wasm32")]

use news_atlas::app::App;
use wasm_bindgen_test::*;
use web_sys::Element;

mod web_support;

use web_support::{install_place_data, wait_for};

wasm_bindgen_test_configure!(run_in_browser);

fn mount() -> Element {
    install_place_data();
    let document = gloo::utils::document();
    let root = document.create_element("div").unwrap();
    document.body().unwrap().append_child(&root).unwrap();
    yew::Renderer::<App>::with_root(root.clone()).render();
    root
}

#[wasm_bindgen_test]
async fn lists_the_bundled_articles_with_dates() {
    gloo::utils::window().location().set_hash("#/").unwrap();
    let root = mount();
    wait_for("the article list", || {
        root.query_selector(".cards li").ok().flatten().is_some()
    })
    .await;
    let cards = root.query_selector_all(".cards li").unwrap();
    assert_eq!(cards.length(), 2, "both bundled articles are listed");
    let text = root.text_content().unwrap_or_default();
    assert!(
        text.contains("Zelenskyy finds the revised U.S. peace plan better"),
        "{text}"
    );
    assert!(text.contains("Trump and Putin to talk truce"), "{text}");
    assert!(text.contains("2025-12-01 (date inferred)"), "{text}");
    let link = root
        .query_selector(".card-link")
        .unwrap()
        .expect("a card link");
    assert_eq!(link.get_attribute("href").as_deref(), Some("#/a/seed-1"));
}
