//! The selected place: what it resolved to, why, and every sentence that
//! mentions it with the mention highlighted.

use yew::prelude::*;
use yew_router::prelude::*;

use super::place_list::country_label;
use super::route::{article_view, Route};
use super::Shared;
use crate::analysis::{Analysis, Place, Span};
use crate::articles::Article;
use crate::place_names::{article_spelling, canonical_if_different};
use crate::view::{ArticleView, Selection, Tab};

#[derive(PartialEq, Properties)]
pub struct PlaceDetailsProps {
    pub article: Shared<Article>,
    pub analysis: Shared<Analysis>,
    pub place: usize,
}

#[component]
pub fn PlaceDetails(props: &PlaceDetailsProps) -> Html {
    let analysis = &props.analysis;
    let Some(place) = analysis.places.get(props.place) else {
        return Html::default();
    };
    let text = &props.article.text;
    let id = &props.article.id;
    let sentences = mention_sentences(analysis, place);
    let country = place.country.as_deref().map(|c| country_label(analysis, c));
    let spelled = article_spelling(text, place);
    let canonical = canonical_if_different(&spelled, place);
    html! {
        <section class="place-details" aria-labelledby="place-details-heading">
            <h2 id="place-details-heading">{ spelled }</h2>
            if let Some(name) = canonical {
                <p class="place-canonical">{ format!("In the gazetteer: {name}") }</p>
            }
            <p class="place-facts">
                <span>{ place.kind.label() }</span>
                if let Some(country) = country { <span>{ country }</span> }
                <span>{ format!("{:.2}°, {:.2}°", place.lat, place.lon) }</span>
                <span>{ format!("{} mention{}", place.mentions.len(), if place.mentions.len() == 1 { "" } else { "s" }) }</span>
            </p>
            <p class="place-reason">
                <span class="confidence">{ format!("Confidence {:.0}%", place.confidence * 100.0) }</span>
                { " · " }{ &place.reason }
            </p>
            <h3>{ "Where the article mentions it" }</h3>
            <ol class="sentences">
                { for sentences.into_iter().map(|(n, spans)| {
                    let sentence = analysis.sentences[n].span;
                    let to = article_view(id, &ArticleView { tab: Tab::Text, selection: Selection::Sentence(n) });
                    html! {
                        <li key={n}>
                            <blockquote class="sentence-quote">{ marked(text, sentence, &spans) }</blockquote>
                            <Link<Route> to={to} classes="in-text">{ "Show in the text" }</Link<Route>>
                        </li>
                    }
                }) }
            </ol>
        </section>
    }
}

/// The sentences that mention `place`, each with the mentions inside it.
pub fn mention_sentences(analysis: &Analysis, place: &Place) -> Vec<(usize, Vec<Span>)> {
    let mut out: Vec<(usize, Vec<Span>)> = Vec::new();
    for &mention in &place.mentions {
        let Some(n) = analysis.sentence_at(mention.start) else {
            continue;
        };
        match out.last_mut() {
            Some((last, spans)) if *last == n => spans.push(mention),
            _ => out.push((n, vec![mention])),
        }
    }
    out
}

/// `range` of `text` with each of `marks` wrapped in `<mark>`.
pub fn marked(text: &str, range: Span, marks: &[Span]) -> Html {
    let mut parts = Vec::new();
    let mut at = range.start;
    for m in marks.iter().filter(|m| range.contains(**m)) {
        if m.start < at {
            continue; // overlaps the previous mark
        }
        parts.push(html! { { Span::new(at, m.start).slice(text) } });
        parts.push(html! { <mark>{ m.slice(text) }</mark> });
        at = m.end;
    }
    parts.push(html! { { Span::new(at, range.end).slice(text) } });
    parts.into_iter().collect::<Html>()
}
