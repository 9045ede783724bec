//! The gazetteer ("place data"), a static file beside the wasm rather than
//! inside it, so the first view downloads and compiles a third of the
//! bytes. The build (scripts/csp.mjs, a Trunk hook) copies
//! `data/gazetteer.bin` into the site under a name carrying its hash and
//! names it, with its SHA-384, in `<meta name="news-atlas-place-data">`;
//! the app fetches it once it runs (after the wasm, so the two do not share
//! the line), the browser checks the integrity, and the bytes are installed
//! into the analysis crate's gazetteer before any analysis.
//!
//! A bundled article is drawn from its build-time analysis meanwhile
//! (`crate::precomputed`); anything else that needs places waits with a
//! visible state: an article shows its text and "Loading place data…",
//! and a failed download (offline, wrong hash) a message with Retry.

use std::rc::Rc;

use yew::prelude::*;

use super::interop;
use crate::analysis::gazetteer::GAZETTEER;
use crate::articles::Article;

/// The meta tag the build writes: `content` is the file, relative to the
/// page; `data-integrity` its Subresource Integrity value.
const META: &str = "news-atlas-place-data";

/// Where the gazetteer stands.
#[derive(Clone, Debug, PartialEq)]
pub enum Status {
    Loading,
    Ready,
    /// Why it could not be had, for the reader.
    Failed(AttrValue),
}

/// The status, and a way to try again after a failure; provided by `App`.
#[derive(Clone, Debug, PartialEq)]
pub struct PlaceData {
    pub status: Status,
    pub retry: Callback<()>,
}

impl PlaceData {
    pub fn ready(&self) -> bool {
        self.status == Status::Ready
    }
}

/// Loads the gazetteer once (again on each retry); for `App`. Already
/// installed (the in-browser tests install the bundled bytes) means ready.
#[hook]
pub fn use_place_data_loader() -> PlaceData {
    let status = use_state(|| {
        if GAZETTEER.get().is_some() {
            Status::Ready
        } else {
            Status::Loading
        }
    });
    let attempt = use_state(|| 0u32);
    use_effect_with(*attempt, {
        let status = status.setter();
        move |_| {
            if GAZETTEER.get().is_none() {
                status.set(Status::Loading);
                yew::platform::spawn_local(async move {
                    status.set(match load().await {
                        Ok(()) => Status::Ready,
                        Err(why) => Status::Failed(AttrValue::from(why)),
                    });
                });
            }
        }
    });
    let retry = use_callback(attempt.clone(), |(), attempt| attempt.set(**attempt + 1));
    PlaceData {
        status: (*status).clone(),
        retry,
    }
}

/// Fetches, checks and installs the gazetteer, once the first view is on
/// screen (decoding it takes the main thread for a while).
async fn load() -> Result<(), String> {
    interop::after_next_paint().await;
    let file = interop::meta_attribute(META, "content");
    let integrity = interop::meta_attribute(META, "data-integrity");
    let (Some(file), Some(integrity)) = (file, integrity) else {
        return Err(
            "This copy of the page does not say where its place data is (the build left it out)."
                .to_string(),
        );
    };
    let bytes = interop::fetch_checked(&file, &integrity)
        .await
        .map_err(|why| format!("The place data could not be loaded: {why}."))?;
    GAZETTEER
        .install(&bytes)
        .map(|_| ())
        .map_err(|why| format!("The place data could not be read: {why}."))
}

/// The gazetteer's status, provided by `App`.
#[hook]
pub fn use_place_data() -> PlaceData {
    use_context::<PlaceData>().expect("place data is provided by App")
}

/// Shown under the header while the download failed: why, and Retry.
#[component]
pub fn PlaceDataProblem() -> Html {
    let data = use_place_data();
    let Status::Failed(why) = &data.status else {
        return Html::default();
    };
    let retry = data.retry.reform(|_: MouseEvent| ());
    html! {
        <div class="notice place-data-problem" role="alert">
            <p>{ why.clone() }{ " Articles you open or paste are analysed once it has loaded; the bundled articles work meanwhile." }</p>
            <button type="button" onclick={retry}>{ "Retry" }</button>
        </div>
    }
}

#[derive(PartialEq, Properties)]
pub struct WaitingForPlaceDataProps {
    pub article: Rc<Article>,
}

/// An article that cannot be analysed yet: its text, and what it waits for.
#[component]
pub fn WaitingForPlaceData(props: &WaitingForPlaceDataProps) -> Html {
    let data = use_place_data();
    let status = match &data.status {
        Status::Failed(_) => {
            "The place data did not load (see above), so this article is not analysed yet."
        }
        _ => "Loading place data…",
    };
    html! {
        <section class="waiting-for-places" aria-labelledby="waiting-heading">
            <div role="status"><h2 id="waiting-heading">{ status }</h2></div>
            <p>{ "Its places, speakers and statements appear as soon as the place data is here." }</p>
            <div class="article-text">
                { for paragraphs(&props.article.text).map(|p| html! { <p>{ p }</p> }) }
            </div>
        </section>
    }
}

/// The text's non-blank lines, each shown as a paragraph.
fn paragraphs(text: &str) -> impl Iterator<Item = &str> {
    text.lines().map(str::trim).filter(|l| !l.is_empty())
}
