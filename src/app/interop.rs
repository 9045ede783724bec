//! Every call into browser APIs beyond rendering: local storage, the
//! clipboard, downloads, the clock, fetching the place data. Each returns a
//! `Result` with a sentence for the reader instead of throwing, so the page
//! keeps working in memory when the browser refuses (private mode, full
//! storage, no clipboard, offline).

use wasm_bindgen::{JsCast, JsValue};

fn storage() -> Result<web_sys::Storage, String> {
    gloo::utils::window()
        .local_storage()
        .ok()
        .flatten()
        .ok_or_else(|| {
            "This browser does not allow saving (storage is disabled, as in private mode)."
                .to_string()
        })
}

/// The stored string under `key`, `Ok(None)` when there is none.
pub fn storage_get(key: &str) -> Result<Option<String>, String> {
    storage()?
        .get_item(key)
        .map_err(|e| describe("Reading saved articles failed", &e))
}

/// Stores `value` under `key`; a full store is reported, nothing is lost.
pub fn storage_set(key: &str, value: &str) -> Result<(), String> {
    storage()?.set_item(key, value).map_err(|e| {
        let quota = e
            .dyn_ref::<web_sys::DomException>()
            .is_some_and(|d| d.name() == "QuotaExceededError" || d.code() == 22);
        if quota {
            "Browser storage is full, so this change is kept only until the page closes. \
             Delete some pasted articles, or download them as files."
                .to_string()
        } else {
            describe(
                "Saving failed, so this change is kept only until the page closes",
                &e,
            )
        }
    })
}

fn describe(what: &str, error: &JsValue) -> String {
    let detail = error
        .dyn_ref::<web_sys::DomException>()
        .map(|d| d.message())
        .or_else(|| error.as_string())
        .unwrap_or_default();
    if detail.is_empty() {
        format!("{what}.")
    } else {
        format!("{what}: {detail}.")
    }
}

/// Milliseconds since the epoch.
pub fn now_ms() -> f64 {
    js_sys::Date::now()
}

/// Copies `text` to the clipboard; `Err` when the Clipboard API is missing
/// or refuses (the caller then shows the text selected for copying by hand).
pub async fn copy_to_clipboard(text: &str) -> Result<(), String> {
    let clipboard = gloo::utils::window().navigator().clipboard();
    let promise = clipboard.write_text(text);
    wasm_bindgen_futures::JsFuture::from(promise)
        .await
        .map(|_| ())
        .map_err(|e| describe("The clipboard is not available", &e))
}

/// Offers `contents` as a file download named `name`.
pub fn download(name: &str, mime: &str, contents: &str) -> Result<(), String> {
    let parts = js_sys::Array::of1(&JsValue::from_str(contents));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options)
        .map_err(|e| describe("The file could not be made", &e))?;
    let url = web_sys::Url::create_object_url_with_blob(&blob)
        .map_err(|e| describe("The file could not be made", &e))?;
    let document = gloo::utils::document();
    let anchor: web_sys::HtmlAnchorElement = document
        .create_element("a")
        .map_err(|e| describe("The download could not start", &e))?
        .unchecked_into();
    anchor.set_href(&url);
    anchor.set_download(name);
    anchor.click();
    let _ = web_sys::Url::revoke_object_url(&url);
    Ok(())
}

/// The page's address without its fragment, for building share links.
pub fn page_base() -> String {
    let href = gloo::utils::window().location().href().unwrap_or_default();
    match href.split_once('#') {
        Some((base, _)) => base.to_string(),
        None => href,
    }
}

/// The page's current fragment, `#` included (empty when there is none).
pub fn current_fragment() -> String {
    gloo::utils::window().location().hash().unwrap_or_default()
}

/// Rewrites the address bar's fragment without a new history entry and
/// without telling the router: the view stays the same, only the address
/// that names it changes (a pasted article's local id becomes the article
/// itself). The entry's state is kept for the router's history.
pub fn replace_fragment(fragment: &str) -> Result<(), String> {
    let history = gloo::utils::window()
        .history()
        .map_err(|e| describe("The address bar could not be updated", &e))?;
    let state = history.state().unwrap_or(JsValue::NULL);
    history
        .replace_state_with_url(&state, "", Some(fragment))
        .map_err(|e| describe("The address bar could not be updated", &e))
}

/// The attribute `attribute` of the page's `<meta name="{name}">`, if any.
pub fn meta_attribute(name: &str, attribute: &str) -> Option<String> {
    gloo::utils::document()
        .query_selector(&format!("meta[name=\"{name}\"]"))
        .ok()
        .flatten()?
        .get_attribute(attribute)
}

/// Fetches `url` (relative to the page, same origin only) and returns its
/// bytes; the browser refuses a body whose hash differs from `integrity`
/// (Subresource Integrity, `sha384-…`). Offline, refused, an error status
/// or a wrong hash give a sentence for the reader.
pub async fn fetch_checked(url: &str, integrity: &str) -> Result<Vec<u8>, String> {
    use wasm_bindgen_futures::JsFuture;
    let failed = |e: JsValue| {
        let detail = e
            .dyn_ref::<js_sys::Error>()
            .map(|e| String::from(e.message()))
            .or_else(|| e.as_string())
            .unwrap_or_default();
        format!("the download failed ({detail}): the connection may be down, or the file changed on the server")
    };
    let init = web_sys::RequestInit::new();
    init.set_integrity(integrity);
    init.set_mode(web_sys::RequestMode::SameOrigin);
    let response: web_sys::Response =
        JsFuture::from(gloo::utils::window().fetch_with_str_and_init(url, &init))
            .await
            .map_err(failed)?
            .unchecked_into();
    if !response.ok() {
        return Err(format!(
            "the server answered {} {}",
            response.status(),
            response.status_text()
        ));
    }
    let body = JsFuture::from(response.array_buffer().map_err(failed)?)
        .await
        .map_err(failed)?;
    Ok(js_sys::Uint8Array::new(&body).to_vec())
}

/// Resolves once the browser has drawn the next frame (a frame callback,
/// then a task after it), so work started then does not delay that frame;
/// after 100 ms at the latest (a tab in the background draws no frames).
pub async fn after_next_paint() {
    let frame = js_sys::Promise::new(&mut |resolve, _| {
        let window = gloo::utils::window();
        let _ = window.request_animation_frame(&resolve);
        let _ = window.set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 100);
    });
    let _ = wasm_bindgen_futures::JsFuture::from(frame).await;
    gloo::timers::future::TimeoutFuture::new(0).await;
}
