//! Shown for an unknown route or article id, with a way back.

use yew::prelude::*;
use yew_router::prelude::*;

use super::route::Route;

#[derive(PartialEq, Properties)]
pub struct NotFoundProps {
    /// What was not found: "page" or "article".
    pub what: AttrValue,
    #[prop_or_default]
    pub id: Option<AttrValue>,
}

#[component]
pub fn NotFound(props: &NotFoundProps) -> Html {
    let message = match &props.id {
        Some(id) => format!(
            "There is no {} called “{id}” here: the link may be mistyped or cut short. \
             The list of articles shows every one this browser has.",
            props.what
        ),
        None => format!(
            "There is no such {} here: the link may be mistyped or cut short.",
            props.what
        ),
    };
    html! {
        <section class="not-found" role="alert" aria-labelledby="not-found-heading">
            <h1 id="not-found-heading">{ "Not found" }</h1>
            <p>{ message }</p>
            <p>
                <Link<Route> to={Route::Home}>{ "Back to the list of articles" }</Link<Route>>
            </p>
        </section>
    }
}

#[derive(PartialEq, Properties)]
pub struct MissingPastedProps {
    /// The pasted article's local id (`p-…`).
    pub id: AttrValue,
}

/// A local link to a pasted article this browser does not hold: pasted
/// articles live in the storage of the browser they were pasted in, so say
/// so and what to do, rather than a bare "Not found".
#[component]
pub fn MissingPasted(props: &MissingPastedProps) -> Html {
    html! {
        <section class="not-found" role="alert" aria-labelledby="not-found-heading">
            <h1 id="not-found-heading">{ "This article is not in this browser" }</h1>
            <p>
                { format!("This link points to an article pasted in another browser (its local id is “{}”), or one deleted here. \
                           Pasted articles are kept only in the browser they were pasted in.", props.id) }
            </p>
            <p>
                { "Links copied from the address bar or with “Share this view” carry the article itself and open anywhere: \
                   ask for such a link, or paste the article's text here." }
            </p>
            <p class="not-found-actions">
                <Link<Route> to={Route::Paste}>{ "Paste the article" }</Link<Route>>
                { " · " }
                <Link<Route> to={Route::Home}>{ "Back to the list of articles" }</Link<Route>>
            </p>
        </section>
    }
}
