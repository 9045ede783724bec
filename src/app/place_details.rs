//! The selected place: what it resolved to and why, then what the article
//! says about it ([`crate::place_story`]): every sentence that names it or
//! points back to it ("the city", "the area") with those words marked, the
//! statements made there, and the contrasts over it.

use yew::prelude::*;
use yew_router::prelude::*;

use super::contrast_pair::ContrastPair;
use super::place_list::country_label;
use super::route::{article_view, Route};
use super::speakers_panel::plural;
use super::statement_card::StatementCard;
use super::Shared;
use crate::analysis::{Analysis, Place, Span};
use crate::articles::Article;
use crate::place_names::{article_spelling, canonical_if_different};
use crate::place_story::{place_story, Reference, StoryLine};
use crate::view::{ArticleView, Selection, Tab};

#[derive(PartialEq, Properties)]
pub struct PlaceDetailsProps {
    pub article: Shared<Article>,
    pub analysis: Shared<Analysis>,
    pub place: usize,
    /// The article's phrases pointing back to places.
    pub refs: Shared<Vec<Reference>>,
}

#[component]
pub fn PlaceDetails(props: &PlaceDetailsProps) -> Html {
    let story = use_memo(
        (props.analysis.clone(), props.refs.clone(), props.place),
        |(a, refs, place)| place_story(a, refs, *place),
    );
    let analysis = &props.analysis;
    let Some(place) = analysis.places.get(props.place) else {
        return Html::default();
    };
    let text = &props.article.text;
    let country = place.country.as_deref().map(|c| country_label(analysis, c));
    let spelled = article_spelling(text, place);
    let canonical = canonical_if_different(&spelled, place);
    let pointing = story.lines.iter().filter(|l| !l.named).count();
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
                <span>{ plural(place.mentions.len(), "mention") }</span>
                if pointing > 0 { <span>{ format!("{} more pointing back", plural(pointing, "sentence")) }</span> }
            </p>
            <p class="place-reason">
                <span class="confidence">{ format!("Confidence {:.0}%", place.confidence * 100.0) }</span>
                { " · " }{ &place.reason }
            </p>
            <h3>{ "Where the article mentions it" }</h3>
            <ol class="sentences">
                { for story.lines.iter().map(|line| sentence_item(&props.article, analysis, line)) }
            </ol>
            { said_about(props, &story.statements, &story.contrasts) }
        </section>
    }
}

fn sentence_item(article: &Article, analysis: &Analysis, line: &StoryLine) -> Html {
    let n = line.sentence;
    let Some(sentence) = analysis.sentences.get(n) else {
        return Html::default();
    };
    let to = article_view(
        &article.id,
        &ArticleView {
            tab: Tab::Text,
            selection: Selection::Sentence(n),
        },
    );
    html! {
        <li key={n} class={classes!((!line.named).then_some("points-back"))}>
            <blockquote class="sentence-quote">{ marked(&article.text, sentence.span, &line.marks) }</blockquote>
            if !line.named {
                <span class="points-back-note">{ "Points back to it" }</span>
            }
            <Link<Route> to={to} classes="in-text">{ "Show in the text" }</Link<Route>>
        </li>
    }
}

/// The statements and contrasts tied to the place, if any.
fn said_about(props: &PlaceDetailsProps, statements: &[usize], contrasts: &[usize]) -> Html {
    let analysis = &props.analysis;
    html! {
        <>
            if !statements.is_empty() {
                <h3>{ format!("What was said about it ({})", statements.len()) }</h3>
                <ol class="statement-list">
                    { for statements.iter().map(|&n| html! {
                        <li key={n}>
                            <StatementCard article={props.article.clone()} analysis={analysis.clone()} statement={n} show_speaker=true />
                        </li>
                    }) }
                </ol>
            }
            if !contrasts.is_empty() {
                <h3>{ format!("Claims that conflict ({})", contrasts.len()) }</h3>
                { for contrasts.iter().filter_map(|&c| analysis.contrasts.get(c).map(|x| (c, x))).map(|(c, x)| html! {
                    <ContrastPair key={c} article={props.article.clone()} analysis={analysis.clone()} contrast={c} left={x.a} right={x.b} />
                }) }
            }
        </>
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
