//! Share the current view and download the analysis. A link to a pasted
//! article carries the article itself (compressed, in the fragment, so it
//! never reaches a server; the same link the address bar shows); bundled
//! articles need only their id.

use std::rc::Rc;

use yew::prelude::*;

use super::interop;
use super::Shared;
use crate::analysis::Analysis;
use crate::articles::Article;
use crate::export;
use crate::share::{self, thousands};
use crate::view::ArticleView;

#[derive(PartialEq, Properties)]
pub struct ShareBarProps {
    pub article: Shared<Article>,
    pub analysis: Shared<Analysis>,
    pub view: ArticleView,
    /// The Side by side tab's compare-across switch.
    #[prop_or_default]
    pub across: bool,
    /// A pasted article's payload (see [`crate::share::encode`]): its link
    /// carries the article. `None` for a bundled article.
    #[prop_or_default]
    pub payload: Option<Rc<str>>,
}

#[derive(Clone, PartialEq)]
enum Status {
    Idle,
    Copied(usize),
    /// The clipboard refused: the link is shown selected for copying by hand.
    Manual(Rc<str>, String),
    Failed(String),
}

#[component]
pub fn ShareBar(props: &ShareBarProps) -> Html {
    let status = use_state(|| Status::Idle);
    let manual = use_node_ref();
    let link = share_link(
        &props.article,
        &props.view,
        props.across,
        props.payload.as_deref(),
    );
    let length = link.chars().count();

    let on_share = {
        let status = status.clone();
        let link = link.clone();
        Callback::from(move |_| {
            let status = status.clone();
            let link = link.clone();
            yew::platform::spawn_local(async move {
                match interop::copy_to_clipboard(&link).await {
                    Ok(()) => status.set(Status::Copied(link.chars().count())),
                    Err(why) => status.set(Status::Manual(Rc::from(link.as_str()), why)),
                }
            });
        })
    };
    // Select the shown link so the reader can copy it at once.
    use_effect_with((*status).clone(), {
        let manual = manual.clone();
        move |status| {
            if matches!(status, Status::Manual(..)) {
                if let Some(input) = manual.cast::<web_sys::HtmlInputElement>() {
                    input.select();
                    let _ = input.focus();
                }
            }
        }
    });
    let download = |kind: Download| {
        let article = props.article.clone();
        let analysis = props.analysis.clone();
        let status = status.clone();
        Callback::from(move |_| {
            let stem = export::file_stem(&article.title);
            let (name, mime, body) = match kind {
                Download::Article => (
                    format!("{stem}.txt"),
                    "text/plain",
                    export::article_file(&article),
                ),
                Download::Json => (
                    format!("{stem}.json"),
                    "application/json",
                    export::report_json(&article, &analysis),
                ),
                Download::GeoJson => (
                    format!("{stem}.geojson"),
                    "application/geo+json",
                    export::places_geojson(&article, &analysis),
                ),
                Download::Csv => (
                    format!("{stem}-statements.csv"),
                    "text/csv",
                    export::statements_csv(&article, &analysis),
                ),
                Download::EventsCsv => (
                    format!("{stem}-events.csv"),
                    "text/csv",
                    export::events_csv(&article, &analysis),
                ),
            };
            if let Err(why) = interop::download(&name, mime, &body) {
                status.set(Status::Failed(why));
            }
        })
    };
    let too_long = share::link_too_long(length);

    html! {
        <div class="share-bar" role="group" aria-label="Share and download">
            <button type="button" class="primary" onclick={on_share}>{ "Share this view" }</button>
            <details class="downloads">
                <summary>{ "Download" }</summary>
                <div class="download-list">
                    <button type="button" onclick={download(Download::Json)}>{ "Analysis (JSON)" }</button>
                    <button type="button" onclick={download(Download::GeoJson)}>{ "Places (GeoJSON)" }</button>
                    <button type="button" onclick={download(Download::Csv)}>{ "Statements (CSV)" }</button>
                    <button type="button" onclick={download(Download::EventsCsv)}>{ "Events (CSV)" }</button>
                    <button type="button" onclick={download(Download::Article)}>{ "Article (text file)" }</button>
                </div>
            </details>
            if props.payload.is_some() {
                <p class={classes!("link-length", too_long.then_some("warn"))}>
                    { share::length_notice(length) }
                    if too_long {
                        { " Download the article as a file to send instead; it can be dropped back into News Atlas." }
                        <button type="button" onclick={download(Download::Article)}>{ "Download the article" }</button>
                    }
                    if length > share::ADDRESS_MAX_CHARS {
                        { " It is too long for the address bar, which keeps a short address that opens this article only in this browser." }
                    }
                </p>
            }
            <p class="share-status" role="status" aria-live="polite">
                { match &*status {
                    Status::Idle => Html::default(),
                    Status::Copied(n) => html! { { format!("Link copied ({} characters).", thousands(*n)) } },
                    Status::Manual(link, why) => html! {
                        <>
                            { format!("{why} Copy the selected link below instead.") }
                            <label class="manual-link">
                                <span>{ "Link to this view" }</span>
                                <input ref={manual.clone()} type="text" readonly=true value={link.to_string()} />
                            </label>
                        </>
                    },
                    Status::Failed(why) => html! { { why.clone() } },
                } }
            </p>
        </div>
    }
}

#[derive(Clone, Copy)]
enum Download {
    Article,
    Json,
    GeoJson,
    Csv,
    EventsCsv,
}

/// The address of this view: `#/a/<id>/<view>` for a bundled article,
/// `#/s/<payload>/<view>` for a pasted one.
fn share_link(
    article: &Article,
    view: &ArticleView,
    across: bool,
    payload: Option<&str>,
) -> String {
    let base = interop::page_base();
    let rest = view.to_path_with_across(across);
    match payload {
        Some(payload) => format!("{base}{}", share::shared_fragment(payload, &rest)),
        None if rest.is_empty() => format!("{base}#/a/{}", article.id),
        None => format!("{base}#/a/{}/{rest}", article.id),
    }
}
