//! The article's places on the map; choosing a marker selects the place in
//! the URL, so the list, the text and the map follow.

use yew::prelude::*;
use yew_router::prelude::*;

use super::map::{Map, MapMarker};
use super::route::article_view;
use super::Shared;
use crate::analysis::Analysis;
use crate::view::{ArticleView, Tab};

#[derive(PartialEq, Properties)]
pub struct PlacesMapProps {
    pub id: AttrValue,
    pub analysis: Shared<Analysis>,
    pub selected: Option<AttrValue>,
    /// The tab to show the selected place in.
    pub tab: Tab,
}

#[component]
pub fn PlacesMap(props: &PlacesMapProps) -> Html {
    let markers = use_memo(props.analysis.clone(), |a| a.places.iter().map(MapMarker::from).collect::<Vec<_>>());
    let navigator = use_navigator();
    let on_select = {
        let id = props.id.clone();
        let tab = props.tab;
        Callback::from(move |slug: AttrValue| {
            if let Some(nav) = &navigator {
                nav.push(&article_view(&id, &ArticleView::place(tab, &slug)));
            }
        })
    };
    html! {
        <div class="explorer-map">
            <Map {markers} selected={props.selected.clone()} {on_select}
                aria_label="Map of the places in this article" />
        </div>
    }
}
