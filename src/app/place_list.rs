//! The place list beside the map: grouped by country, sortable, filterable.

use std::collections::BTreeMap;

use web_sys::HtmlInputElement;
use web_sys::HtmlSelectElement;
use yew::prelude::*;
use yew_router::prelude::*;

use super::place_data::use_place_data;
use super::route::{article_view, Route};
use super::state::{use_ui, Action, PlaceSort};
use super::Shared;
use crate::analysis::{Analysis, Place, PlaceKind, Span};
use crate::articles::Article;
use crate::place_names::{article_spelling, canonical_if_different, country_name, PlaceFilter};
use crate::view::{ArticleView, Selection, Tab};

#[derive(PartialEq, Properties)]
pub struct PlaceListProps {
    pub id: AttrValue,
    /// The article the analysis spans index.
    pub article: Shared<Article>,
    pub analysis: Shared<Analysis>,
    pub selected: Option<AttrValue>,
}

#[component]
pub fn PlaceList(props: &PlaceListProps) -> Html {
    let ui = use_ui();
    let places = &props.analysis.places;
    // Looked up in the gazetteer once per query: "Kiev" finds Kyiv.
    // Made again when the gazetteer arrives: other names then match too.
    let place_data = use_place_data();
    let filter = use_memo((ui.place_filter.clone(), place_data.ready()), |(q, _)| {
        PlaceFilter::new(q)
    });
    // Grouped once per article, filter and order: a selection only moves
    // the `selected` mark, and only the two rows it changes re-render.
    let groups = use_memo(
        (
            props.article.clone(),
            props.analysis.clone(),
            ui.place_filter.clone(),
            ui.place_sort,
            place_data.ready(),
        ),
        {
            let filter = filter.clone();
            move |(article, analysis, _, sort, _)| grouped(&article.text, analysis, &filter, *sort)
        },
    );
    let shown = groups.iter().map(|(_, items)| items.len()).sum::<usize>();
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
            let sort = if select.value() == "first" {
                PlaceSort::FirstSeen
            } else {
                PlaceSort::Mentions
            };
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
                if shown == 0 {
                    <p class="empty">{ if places.is_empty() { "No places found in this article." } else { "No place matches the filter." } }</p>
                }
                { for groups.iter().map(|(label, items)| html! {
                    <div class="place-group" key={label.clone()}>
                        <h3>{ label }</h3>
                        <ul role="list">
                            { for items.iter().map(|&i| {
                                let selected = props.selected.as_deref() == Some(places[i].slug.as_str());
                                html! {
                                    <PlaceRow key={places[i].slug.clone()} id={props.id.clone()} article={props.article.clone()}
                                        analysis={props.analysis.clone()} place={i} {selected} />
                                }
                            }) }
                        </ul>
                    </div>
                }) }
            </div>
            { other_names(&props.id, &props.analysis, &props.article.text) }
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

/// The name of a country: the gazetteer's, else as the analysis resolved
/// it, else (a code nobody names) the code.
pub fn country_label(analysis: &Analysis, code: &str) -> String {
    if let Some(name) = country_name(code) {
        return name.to_string();
    }
    analysis
        .places
        .iter()
        .find(|p| p.kind == PlaceKind::Country && p.country.as_deref() == Some(code))
        .map_or_else(|| code.to_string(), |p| p.name.clone())
}

/// The places `filter` lets through, in `sort` order, grouped by country
/// (labels sorted, places beyond one country last).
fn grouped(
    text: &str,
    analysis: &Analysis,
    filter: &PlaceFilter,
    sort: PlaceSort,
) -> Vec<(String, Vec<usize>)> {
    let places = &analysis.places;
    let mut shown: Vec<usize> = (0..places.len())
        .filter(|&i| filter.matches(text, &places[i]))
        .collect();
    match sort {
        PlaceSort::Mentions => shown.sort_by_key(|&i| {
            (
                std::cmp::Reverse(places[i].mentions.len()),
                first_seen(&places[i]),
            )
        }),
        PlaceSort::FirstSeen => shown.sort_by_key(|&i| first_seen(&places[i])),
    }
    let mut groups: BTreeMap<(u8, String), Vec<usize>> = BTreeMap::new();
    for &i in &shown {
        groups
            .entry(group_of(analysis, &places[i]))
            .or_default()
            .push(i);
    }
    groups
        .into_iter()
        .map(|((_, label), items)| (label, items))
        .collect()
}

#[derive(PartialEq, Properties)]
struct PlaceRowProps {
    id: AttrValue,
    article: Shared<Article>,
    analysis: Shared<Analysis>,
    /// Index into `Analysis::places`.
    place: usize,
    selected: bool,
}

/// One row of the list: a link selecting the place.
#[component]
fn PlaceRow(props: &PlaceRowProps) -> Html {
    let Some(place) = props.analysis.places.get(props.place) else {
        return Html::default();
    };
    let is_selected = props.selected;
    let spelled = article_spelling(&props.article.text, place);
    let canonical = canonical_if_different(&spelled, place);
    let count = place.mentions.len();
    let to = article_view(&props.id, &ArticleView::place(Tab::Places, &place.slug));
    html! {
        <li class={classes!("place-item", is_selected.then_some("selected"))}>
            <Link<Route> to={to} classes="place-link">
                <span class={classes!("kind-dot", format!("kind-{}", place.kind.label()))} aria-hidden="true"></span>
                <span class="place-names">
                    <span class="place-name" aria-current={is_selected.then_some("true")}>{ spelled }</span>
                    if let Some(name) = canonical {
                        <span class="place-canonical" title="The gazetteer's name">{ name }</span>
                    }
                </span>
                <span class="place-kind">{ place.kind.label() }</span>
                <span class="place-count" aria-label={format!("{count} mentions")}>{ count }</span>
            </Link<Route>>
        </li>
    }
}

/// Names kept apart from the places: metonyms (a capital standing for its
/// government) and names that look like places but were not resolved.
fn other_names(id: &str, analysis: &Analysis, text: &str) -> Html {
    let metonyms = tally(
        analysis,
        text,
        analysis
            .metonyms
            .iter()
            .map(|m| (m.span, m.refers_to.as_str())),
    );
    let unresolved = tally(
        analysis,
        text,
        analysis
            .unresolved
            .iter()
            .map(|u| (u.span, u.reason.as_str())),
    );
    let section = |heading: &str, intro: &str, rows: Vec<Tally>| -> Html {
        if rows.is_empty() {
            return Html::default();
        }
        html! {
            <div class="place-group other-names">
                <h3>{ heading.to_string() }</h3>
                <p class="hint">{ intro.to_string() }</p>
                <ul role="list">
                    { for rows.into_iter().map(|row| {
                        let to = article_view(id, &ArticleView { tab: Tab::Text, selection: Selection::Sentence(row.first_sentence) });
                        html! {
                            <li key={format!("{}-{}", row.surface, row.note)}>
                                <Link<Route> to={to} classes="other-name">
                                    <span class="place-name">{ row.surface }</span>
                                    <span class="place-kind">{ row.note }</span>
                                    <span class="place-count" aria-label={format!("{} mentions", row.count)}>{ row.count }</span>
                                </Link<Route>>
                            </li>
                        }
                    }) }
                </ul>
            </div>
        }
    };
    html! {
        <>
            { section("Standing for a government", "Names used for a government or institution, not counted as places.", metonyms) }
            { section("Not resolved", "Names that look like places but matched no entry with enough confidence.", unresolved) }
        </>
    }
}

struct Tally {
    surface: String,
    note: String,
    count: usize,
    first_sentence: usize,
}

/// Groups spans with the same text and note, in order of first appearance.
fn tally<'a>(
    analysis: &Analysis,
    text: &str,
    items: impl Iterator<Item = (Span, &'a str)>,
) -> Vec<Tally> {
    let mut rows: Vec<Tally> = Vec::new();
    for (span, note) in items {
        let surface = span.slice(text);
        match rows
            .iter_mut()
            .find(|r| r.surface == surface && r.note == note)
        {
            Some(row) => row.count += 1,
            None => rows.push(Tally {
                surface: surface.to_string(),
                note: note.to_string(),
                count: 1,
                first_sentence: analysis.sentence_at(span.start).unwrap_or(0),
            }),
        }
    }
    rows
}
