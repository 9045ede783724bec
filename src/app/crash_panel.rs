//! A panic anywhere in the page shows a panel with a way to reload, instead
//! of a dead page.
//!
//! Release builds abort on panic (`panic = "abort"` in Cargo.toml): the
//! panic hook still runs, then the WebAssembly instance traps and no Rust
//! code can be trusted to run again. So the panel is built inside the hook
//! with plain DOM calls and text (never HTML), and its Reload button calls
//! the browser's own `location.reload`, not a Rust closure. Stored articles
//! are untouched: the shelf is written on every change, and nothing here
//! reads or writes storage.

use wasm_bindgen::JsCast;

const PANEL_ID: &str = "crash-panel";

/// Installs the panic hook: the console message (with the Rust panic
/// text), then the panel. Through Yew: rendering would otherwise replace
/// any hook set here with its own.
pub fn install() {
    yew::set_custom_panic_hook(Box::new(|info| {
        console_error_panic_hook::hook(info);
        let _ = show();
    }));
}

/// The panel, once; `None` when the document is gone.
fn show() -> Option<()> {
    let window = web_sys::window()?;
    let document = window.document()?;
    if document.get_element_by_id(PANEL_ID).is_some() {
        return Some(());
    }
    let element = |tag: &str, class: &str, text: Option<&str>| {
        let e = document.create_element(tag).ok()?;
        e.set_class_name(class);
        e.set_text_content(text);
        Some(e)
    };
    let panel = element("div", "crash-panel", None)?;
    panel.set_id(PANEL_ID);
    panel.set_attribute("role", "alert").ok()?;
    let content = element("div", "crash-panel__box", None)?;
    let heading = element("h2", "crash-panel__title", Some("Something went wrong"))?;
    let body = element(
        "p",
        "crash-panel__text",
        Some("News Atlas stopped because of an error in the page. Your saved articles are safe; reloading starts the page again."),
    )?;
    let button = element("button", "primary", Some("Reload"))?;
    button.set_attribute("type", "button").ok()?;
    // The browser's own function, bound to `location`: runs with the
    // WebAssembly instance dead.
    let location = window.location();
    let reload: js_sys::Function = js_sys::Reflect::get(&location, &"reload".into())
        .ok()?
        .dyn_into()
        .ok()?;
    button
        .add_event_listener_with_callback("click", &reload.bind0(&location))
        .ok()?;
    content.append_child(&heading).ok()?;
    content.append_child(&body).ok()?;
    content.append_child(&button).ok()?;
    panel.append_child(&content).ok()?;
    document.body()?.append_child(&panel).ok()?;
    let _ = button.dyn_into::<web_sys::HtmlElement>().ok()?.focus();
    Some(())
}

/// The documented way to see the panel (and the end-to-end test's): the
/// query `?panic-test` (before the `#`, which no link in the app writes)
/// panics once the page has mounted.
pub fn panic_if_asked() {
    let search = web_sys::window()
        .and_then(|w| w.location().search().ok())
        .unwrap_or_default();
    if search
        .trim_start_matches('?')
        .split('&')
        .any(|p| p == "panic-test")
    {
        gloo::timers::callback::Timeout::new(0, || {
            panic!("panic-test: a deliberate panic to show the crash panel")
        })
        .forget();
    }
}
