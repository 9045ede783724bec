//! The answer to a selection, where the reader is looking: the selected
//! place's or speaker's details in a panel under the map that stays in view
//! (sticky on wide screens, a bottom sheet on phones, see styles/explorer.css),
//! so the list and the text keep their scroll position when something is
//! chosen in them. What the article says about a place is gathered once per
//! analysis ([`crate::place_story::references`]) and per place on selection.

use yew::prelude::*;
use yew_router::prelude::*;

use super::super::place_details::PlaceDetails;
use super::super::route::{article_view, Route};
use super::super::speaker_details::SpeakerDetails;
use super::super::Shared;
use crate::analysis::Analysis;
use crate::articles::Article;
use crate::place_story::references;
use crate::speakers::SpeakerIndex;
use crate::view::{ArticleView, Selection, Tab};

#[derive(PartialEq, Properties)]
pub struct SelectionPanelProps {
    pub article: Shared<Article>,
    pub analysis: Shared<Analysis>,
    pub tab: Tab,
    pub selection: Selection,
}

#[component]
pub fn SelectionPanel(props: &SelectionPanelProps) -> Html {
    let refs = use_memo(
        (props.article.clone(), props.analysis.clone()),
        |(article, a)| references(&article.text, a),
    );
    let index = use_memo(props.analysis.clone(), |a| SpeakerIndex::new(&a.0));
    let analysis = &props.analysis;
    let body = match &props.selection {
        Selection::Place(slug) => analysis
            .places
            .iter()
            .position(|p| &p.slug == slug)
            .map(|place| html! {
                <PlaceDetails article={props.article.clone()} analysis={analysis.clone()} {place}
                    refs={Shared(refs.clone())} />
            }),
        Selection::Speaker(slug) => index.find(slug).map(|who| html! {
            <SpeakerDetails article={props.article.clone()} analysis={analysis.clone()}
                index={Shared(index.clone())} {who} />
        }),
        _ => None,
    };
    let Some(body) = body else {
        return html! {
            <p class="selection-hint">
                { "Choose a place on the map, in the list or in the text, or a speaker in the text, to see here what the article says about it." }
            </p>
        };
    };
    let close = article_view(&props.article.id, &ArticleView::tab(props.tab));
    html! {
        <aside class="selection-panel" aria-label="Selected">
            <Link<Route> to={close} classes="selection-close">
                <span aria-hidden="true">{ "×" }</span><span class="visually-hidden">{ "Close the details" }</span>
            </Link<Route>>
            { body }
        </aside>
    }
}
