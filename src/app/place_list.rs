//! The place list beside the map: grouped by country, sortable, filterable.

use std::collections::BTreeMap;

use web_sys::HtmlInputElement;
use web_sys::HtmlSelectElement;
use yew::prelude::*;
use yew_router::prelude::*;

use super::route::{article_view, Route};
use super::state::{use_ui, Action, PlaceSort};
use super::Shared;
use crate::analysis::{Analysis, Place, PlaceKind};
use crate::view::{ArticleView, Tab};

#[derive(PartialEq, Properties)]
pub struct PlaceListProps {
    pub id: AttrValue,
    pub analysis: Shared<Analysis>,
    pub selected: Option<AttrValue>,
}

#[component]
pub fn PlaceList(props: &PlaceListProps) -> Html {
    let ui = use_ui();
    let places = &props.analysis.places;
    let filter = ui.place_filter.to_lowercase();
    let mut shown: Vec<usize> = (0..places.len())
        .filter(|&i| filter.is_empty() || places[i].name.to_lowercase().contains(&filter))
        .collect();
    match ui.place_sort {
        PlaceSort::Mentions => shown.sort_by_key(|&i| (std::cmp::Reverse(places[i].mentions.len()), first_seen(&places[i]))),
        PlaceSort::FirstSeen => shown.sort_by_key(|&i| first_seen(&places[i])),
    }
    let mut groups: BTreeMap<(u8, String), Vec<usize>> = BTreeMap::new();
    for &i in &shown {
        groups.entry(group_of(&props.analysis, &places[i])).or_default().push(i);
    }

    let on_filter = {
        let ui = ui.clone();
        Callback::from(move |e: InputEvent| {
            let input: HtmlInputElement = e.target_unchecked_into();
            ui.dispatch(Action::FilterPlaces(input.value().into()));
        })
    };
    let on_sort = {
        let ui = ui.clone();
        Callback::from(move |e: Event| {
            let select: HtmlSelectElement = e.target_unchecked_into();
            let sort = if select.value() == "first" { PlaceSort::FirstSeen } else { PlaceSort::Mentions };
            ui.dispatch(Action::SortPlaces(sort));
        })
    };

    html! {
        <section class="place-list" aria-labelledby="places-heading">
            <h2 id="places-heading">{ format!("Places ({})", places.len()) }</h2>
            <div class="list-tools">
                <label>
                    <span>{ "Filter" }</span>
                    <input type="search" value={ui.place_filter.clone()} oninput={on_filter}
                        placeholder="Type a name" aria-controls="place-groups" />
                </label>
                <label>
                    <span>{ "Sort by" }</span>
                    <select onchange={on_sort}>
                        <option value="mentions" selected={ui.place_sort == PlaceSort::Mentions}>{ "Mentions" }</option>
                        <option value="first" selected={ui.place_sort == PlaceSort::FirstSeen}>{ "First appearance" }</option>
                    </select>
                </label>
            </div>
            <div id="place-groups" aria-live="polite">
                if shown.is_empty() {
                    <p class="empty">{ if places.is_empty() { "No places found in this article." } else { "No place matches the filter." } }</p>
                }
                { for groups.into_iter().map(|((_, label), items)| html! {
                    <div class="place-group" key={label.clone()}>
                        <h3>{ label }</h3>
                        <ul role="list">
                            { for items.into_iter().map(|i| place_item(&props.id, &places[i], props.selected.as_deref())) }
                        </ul>
                    </div>
                }) }
            </div>
        </section>
    }
}

fn first_seen(place: &Place) -> usize {
    place.mentions.first().map_or(usize::MAX, |m| m.start)
}

/// Places group under their country's name; places in no single country
/// (seas, continents) come last.
fn group_of(analysis: &Analysis, place: &Place) -> (u8, String) {
    match &place.country {
        Some(code) => (0, country_label(analysis, code)),
        None => (1, "Beyond one country".to_string()),
    }
}

/// The name of a country as the analysis resolved it, else its code.
pub fn country_label(analysis: &Analysis, code: &str) -> String {
    analysis
        .places
        .iter()
        .find(|p| p.kind == PlaceKind::Country && p.country.as_deref() == Some(code))
        .map_or_else(|| code.to_string(), |p| p.name.clone())
}

pub fn kind_label(kind: PlaceKind) -> &'static str {
    match kind {
        PlaceKind::City => "city",
        PlaceKind::Region => "region",
        PlaceKind::Country => "country",
        PlaceKind::Sea => "sea",
        PlaceKind::Facility => "facility",
        PlaceKind::Other => "place",
    }
}

fn place_item(id: &str, place: &Place, selected: Option<&str>) -> Html {
    let is_selected = selected == Some(place.slug.as_str());
    let count = place.mentions.len();
    let to = article_view(id, &ArticleView::place(Tab::Places, &place.slug));
    html! {
        <li key={place.slug.clone()} class={classes!("place-item", is_selected.then_some("selected"))}>
            <Link<Route> to={to} classes="place-link">
                <span class={classes!("kind-dot", format!("kind-{}", kind_label(place.kind)))} aria-hidden="true"></span>
                <span class="place-name" aria-current={is_selected.then_some("true")}>{ &place.name }</span>
                <span class="place-kind">{ kind_label(place.kind) }</span>
                <span class="place-count" aria-label={format!("{count} mentions")}>{ count }</span>
            </Link<Route>>
        </li>
    }
}
