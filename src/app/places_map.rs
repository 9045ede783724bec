//! The article's places on the map; choosing a marker selects the place in
//! the URL, so the list, the text and the map follow.

use yew::prelude::*;
use yew_router::prelude::*;

use super::map::{Map, MapMarker};
use super::route::article_view;
use super::Shared;
use crate::analysis::Analysis;
use crate::articles::Article;
use crate::place_names::article_spelling;
use crate::view::{ArticleView, Tab};

#[derive(PartialEq, Properties)]
pub struct PlacesMapProps {
    pub id: AttrValue,
    /// The article, for the names as it spells them.
    pub article: Shared<Article>,
    pub analysis: Shared<Analysis>,
    pub selected: Option<AttrValue>,
    /// The tab to show the selected place in.
    pub tab: Tab,
    /// Show only the places of events, sized by their number of events.
    #[prop_or_default]
    pub events_only: bool,
}

#[component]
pub fn PlacesMap(props: &PlacesMapProps) -> Html {
    let markers = use_memo(
        (
            props.article.clone(),
            props.analysis.clone(),
            props.events_only,
        ),
        |(article, a, events_only)| {
            let mut markers = markers(a, *events_only);
            // Labelled as the article spells the place; regions still
            // shade by their canonical name.
            for m in &mut markers {
                if let Some(p) = a.places.iter().find(|p| p.slug == m.slug.as_str()) {
                    m.name = AttrValue::from(article_spelling(&article.text, p));
                }
            }
            markers
        },
    );
    let navigator = use_navigator();
    // Stable across renders, so the map does not redraw its markers.
    let on_select = use_callback(
        (props.id.clone(), props.tab),
        move |slug: AttrValue, (id, tab)| {
            if let Some(nav) = &navigator {
                nav.push(&article_view(id, &ArticleView::place(*tab, &slug)));
            }
        },
    );
    let label = if props.events_only {
        "Map of the places of events in this article"
    } else {
        "Map of the places in this article"
    };
    html! {
        <div class="explorer-map">
            <Map {markers} selected={props.selected.clone()} {on_select} aria_label={label} />
        </div>
    }
}

/// A marker per place; for events, one per place with events, sized by how
/// many events happened there.
fn markers(analysis: &Analysis, events_only: bool) -> Vec<MapMarker> {
    if !events_only {
        return analysis.places.iter().map(MapMarker::from).collect();
    }
    let mut out: Vec<MapMarker> = Vec::new();
    for place in analysis.events.iter().filter_map(|e| e.place) {
        let Some(p) = analysis.places.get(place) else {
            continue;
        };
        match out.iter_mut().find(|m| m.slug == p.slug) {
            Some(marker) => marker.count += 1,
            None => out.push(MapMarker {
                count: 1,
                ..MapMarker::from(p)
            }),
        }
    }
    out
}
