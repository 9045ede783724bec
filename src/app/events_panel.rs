//! Incidents with their figures as a timeline: grouped by the day (or days)
//! they happened, resolved against the article's date, earliest first;
//! events the text gives no time for come last. Each figure shows its unit
//! and who gave it.

use yew::prelude::*;
use yew_router::prelude::*;

use super::route::{article_view, Route};
use super::Shared;
use crate::analysis::events::{Event, Figure};
use crate::analysis::Analysis;
use crate::articles::Article;
use crate::date_guess::DateRange;
use crate::export::event_dates;
use crate::view::{ArticleView, Selection, Tab};

#[derive(PartialEq, Properties)]
pub struct EventsPanelProps {
    pub id: AttrValue,
    pub article: Shared<Article>,
    pub analysis: Shared<Analysis>,
}

#[component]
pub fn EventsPanel(props: &EventsPanelProps) -> Html {
    let analysis = &props.analysis;
    let groups = by_date(analysis, event_dates(&props.article, analysis));
    html! {
        <section class="events" aria-labelledby="events-heading">
            <h2 id="events-heading">{ format!("Events with figures ({})", analysis.events.len()) }</h2>
            if analysis.events.is_empty() {
                <p class="empty">{ "No incidents with figures were found in this article." }</p>
            } else {
                <p class="event-order">{ "In order of date, from the article’s date; events with no time stated come last." }</p>
            }
            { for groups.into_iter().map(|(date, events)| {
                let heading = date.as_ref().map_or_else(|| "Date not stated".to_string(), DateRange::label);
                html! {
                    <div class="event-group" key={heading.clone()}>
                        <h3>
                            if let Some(d) = &date {
                                <time datetime={d.start.clone()}>{ heading.clone() }</time>
                            } else {
                                { heading.clone() }
                            }
                        </h3>
                        <ul role="list" class="event-list">
                            { for events.into_iter().map(|e| event_item(&props.id, analysis, &props.article.text, e)) }
                        </ul>
                    </div>
                }
            }) }
        </section>
    }
}

/// Events grouped by their days, earliest first (a day before a range that
/// starts on it); events with no date last; text order within a group.
fn by_date(
    analysis: &Analysis,
    dates: Vec<Option<DateRange>>,
) -> Vec<(Option<DateRange>, Vec<&Event>)> {
    let mut groups: Vec<(Option<DateRange>, Vec<&Event>)> = Vec::new();
    for (event, date) in analysis.events.iter().zip(dates) {
        match groups.iter_mut().find(|(d, _)| *d == date) {
            Some((_, events)) => events.push(event),
            None => groups.push((date, vec![event])),
        }
    }
    // Stable: groups of equal keys keep their text order.
    groups.sort_by(|(a, _), (b, _)| match (a, b) {
        (Some(a), Some(b)) => (&a.start, &a.end).cmp(&(&b.start, &b.end)),
        (a, b) => a.is_none().cmp(&b.is_none()),
    });
    groups
}

fn event_item(id: &str, analysis: &Analysis, text: &str, event: &Event) -> Html {
    let sentence = analysis.sentences.get(event.sentence).map(|s| s.span);
    let text_view = article_view(
        id,
        &ArticleView {
            tab: Tab::Text,
            selection: Selection::Sentence(event.sentence),
        },
    );
    let place = event.place.and_then(|p| analysis.places.get(p));
    html! {
        <li class="event">
            <h4 class="event-place">
                if let Some(p) = place {
                    <Link<Route> to={article_view(id, &ArticleView::place(Tab::Places, &p.slug))}>{ p.name.clone() }</Link<Route>>
                } else {
                    { "Place not stated" }
                }
            </h4>
            <ul class="figures" aria-label="Figures">
                { for event.figures.iter().map(|f| figure_item(analysis, f)) }
            </ul>
            if let Some(when) = event.when {
                <p class="event-time">{ format!("When: “{}”", when.span.slice(text)) }</p>
            }
            if let Some(reason) = &event.place_reason {
                <p class="event-reason">{ format!("Place: {reason}") }</p>
            }
            if sentence.is_some() {
                <Link<Route> to={text_view} classes="in-text">{ "Show in the text" }</Link<Route>>
            }
        </li>
    }
}

/// "nearly 9,600 drones launched", "35,000 hectares damaged", and who
/// gave the figure.
fn figure_item(analysis: &Analysis, figure: &Figure) -> Html {
    let words: Vec<String> = [
        figure.qualifier.map(str::to_string),
        Some(crate::share::thousands(figure.value)),
        figure.unit.clone(),
        figure.what.map(str::to_string),
    ]
    .into_iter()
    .flatten()
    .collect();
    let source = figure
        .source
        .and_then(|p| analysis.people.get(p))
        .map(|p| p.name.clone());
    html! {
        <li class="figure">
            { words.join(" ") }
            if let Some(source) = source {
                <span class="figure-source">{ format!(" — according to {source}") }</span>
            }
        </li>
    }
}
