//! One map and one list over every article, with a date filter; each place
//! shows which articles mention it. The filter and the selected place are
//! in the URL (see [`crate::view::AllView`]), so back and forward restore
//! them.

use std::rc::Rc;

use web_sys::HtmlInputElement;
use yew::prelude::*;
use yew_router::prelude::*;

use super::library::Library;
use super::map::{Map, MapMarker};
use super::place_details::{marked, mention_sentences};
use super::route::{all_view, article_view, Route};
use crate::analysis::{Analysis, Place};
use crate::articles::Article;
use crate::view::{date_in_range, AllView, ArticleView, Tab};

#[derive(PartialEq, Properties)]
pub struct AllArticlesProps {
    /// The path after `/all`, as the router found it.
    #[prop_or_default]
    pub rest: AttrValue,
}

/// A place as it appears across articles.
struct Merged {
    /// The place as the first article resolved it.
    place: Place,
    /// Each article mentioning it, with that article's own entry.
    articles: Vec<(Rc<Article>, Rc<Analysis>, usize)>,
    mentions: usize,
}

#[component]
pub fn AllArticles(props: &AllArticlesProps) -> Html {
    let library = use_context::<Rc<Library>>().expect("Library context is provided by App");
    let navigator = use_navigator();
    let (view, notice) = match AllView::parse(&props.rest) {
        Ok(view) => (view, None),
        Err(bad) => (AllView::default(), Some(bad.to_string())),
    };
    let selected_slug = view.place.clone().map(AttrValue::from);
    let in_range: Vec<Rc<Article>> = library
        .articles
        .iter()
        .filter(|a| date_in_range(a.date.as_deref(), &view.from, &view.to))
        .cloned()
        .collect();
    let merged = merge(&library, &in_range);
    let markers: Rc<Vec<MapMarker>> = Rc::new(
        merged
            .iter()
            .map(|m| MapMarker {
                count: m.mentions,
                ..MapMarker::from(&m.place)
            })
            .collect(),
    );
    let selected = view
        .place
        .as_deref()
        .and_then(|slug| merged.iter().find(|m| m.place.slug == slug));

    let on_select = {
        let (navigator, view) = (navigator.clone(), view.clone());
        Callback::from(move |slug: AttrValue| {
            if let Some(nav) = &navigator {
                nav.push(&all_view(&AllView {
                    place: Some(slug.to_string()),
                    ..view.clone()
                }));
            }
        })
    };
    // Each change of a bound is a history entry, so back undoes it.
    let on_date = |from: bool| {
        let (navigator, view) = (navigator.clone(), view.clone());
        Callback::from(move |e: Event| {
            let input: HtmlInputElement = e.target_unchecked_into();
            let value = input.value();
            // The date input gives `YYYY-MM-DD` or nothing; anything else is ignored.
            if !value.is_empty() && !crate::date_guess::is_iso_date(&value) {
                return;
            }
            let mut next = view.clone();
            if from {
                next.from = value;
            } else {
                next.to = value;
            }
            // A repeated change event (some inputs send two) adds no entry.
            if next == view {
                return;
            }
            if let Some(nav) = &navigator {
                nav.push(&all_view(&next));
            }
        })
    };

    html! {
        <section class="all-articles" aria-labelledby="all-heading">
            <h1 id="all-heading">{ "All articles" }</h1>
            if let Some(notice) = notice {
                <p class="notice" role="status">{ notice }</p>
            }
            if !library.place_data_ready() && in_range.iter().any(|a| library.analysis_if_quick(a).is_none()) {
                <p class="notice" role="status">{ "Loading place data… your pasted articles join the map once it is here." }</p>
            }
            <div class="list-tools" role="group" aria-label="Date filter">
                <label>
                    <span>{ "From" }</span>
                    <input type="date" value={view.from.clone()} onchange={on_date(true)} />
                </label>
                <label>
                    <span>{ "To" }</span>
                    <input type="date" value={view.to.clone()} onchange={on_date(false)} />
                </label>
                <p class="range-count" aria-live="polite">
                    { format!("{} of {} articles, {} places", in_range.len(), library.articles.len(), merged.len()) }
                </p>
            </div>
            <div class="explorer-body with-map">
                <div class="explorer-map">
                    <Map {markers} selected={selected_slug} {on_select}
                        aria_label="Map of the places in all articles" />
                </div>
                <div class="explorer-panel">
                    if let Some(m) = selected {
                        { merged_details(m) }
                    } else if view.place.is_some() {
                        <p class="notice" role="status">{ "No article in the chosen dates mentions that place." }</p>
                    }
                    <h2>{ "Places" }</h2>
                    if merged.is_empty() {
                        <p class="empty">{ "No places in the articles of the chosen dates." }</p>
                    }
                    <ul role="list" class="all-places">
                        { for merged.iter().map(|m| merged_item(m, &view)) }
                    </ul>
                </div>
            </div>
        </section>
    }
}

/// Joins the articles' places: one entry per canonical name and country.
fn merge(library: &Library, articles: &[Rc<Article>]) -> Vec<Merged> {
    let mut merged: Vec<Merged> = Vec::new();
    for article in articles {
        // A long article joins once it has been opened and analysed in parts.
        let Some(analysis) = library.analysis_if_quick(article) else {
            continue;
        };
        for (i, place) in analysis.places.iter().enumerate() {
            let same =
                |m: &&mut Merged| m.place.name == place.name && m.place.country == place.country;
            match merged.iter_mut().find(same) {
                Some(m) => {
                    m.mentions += place.mentions.len();
                    m.articles.push((article.clone(), analysis.clone(), i));
                }
                None => merged.push(Merged {
                    place: place.clone(),
                    articles: vec![(article.clone(), analysis.clone(), i)],
                    mentions: place.mentions.len(),
                }),
            }
        }
    }
    merged.sort_by(|a, b| {
        b.mentions
            .cmp(&a.mentions)
            .then_with(|| a.place.name.cmp(&b.place.name))
    });
    merged
}

fn merged_item(m: &Merged, view: &AllView) -> Html {
    let is_selected = view.place.as_deref() == Some(m.place.slug.as_str());
    let to = all_view(&AllView {
        place: Some(m.place.slug.clone()),
        ..view.clone()
    });
    let n = m.articles.len();
    html! {
        <li key={m.place.slug.clone()} class={classes!("place-item", is_selected.then_some("selected"))}>
            <Link<Route> {to} classes="place-link">
                <span class={classes!("kind-dot", format!("kind-{}", m.place.kind.label()))} aria-hidden="true"></span>
                <span class="place-name" aria-current={is_selected.then_some("true")}>{ &m.place.name }</span>
                <span class="place-kind">{ format!("{n} article{}", if n == 1 { "" } else { "s" }) }</span>
                <span class="place-count" aria-label={format!("{} mentions", m.mentions)}>{ m.mentions }</span>
            </Link<Route>>
        </li>
    }
}

fn merged_details(m: &Merged) -> Html {
    html! {
        <section class="place-details" aria-labelledby="place-details-heading">
            <h2 id="place-details-heading">{ &m.place.name }</h2>
            <p class="place-facts">
                <span>{ m.place.kind.label() }</span>
                <span>{ format!("{} mentions in {} article(s)", m.mentions, m.articles.len()) }</span>
            </p>
            { for m.articles.iter().map(|(article, analysis, i)| {
                let place = &analysis.places[*i];
                let to = article_view(&article.id, &ArticleView::place(Tab::Places, &place.slug));
                html! {
                    <div class="article-mentions" key={article.id.clone()}>
                        <h3>
                            <Link<Route> to={to}>{ &article.title }</Link<Route>>
                            if let Some(date) = &article.date { <span class="date">{ format!(" · {date}") }</span> }
                        </h3>
                        <ol class="sentences">
                            { for mention_sentences(analysis, place).into_iter().map(|(n, spans)| html! {
                                <li key={n}>
                                    <blockquote class="sentence-quote">{ marked(&article.text, analysis.sentences[n].span, &spans) }</blockquote>
                                </li>
                            }) }
                        </ol>
                    </div>
                }
            }) }
        </section>
    }
}
