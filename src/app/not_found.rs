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
        Some(id) => format!("There is no {} called “{id}” here.", props.what),
        None => format!("There is no such {} here.", props.what),
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
