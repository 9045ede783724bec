//! Incidents with their figures, grouped by the place they happened.

use yew::prelude::*;
use yew_router::prelude::*;

use super::route::{article_view, Route};
use super::Shared;
use crate::analysis::events::{Event, Figure};
use crate::analysis::Analysis;
use crate::view::{ArticleView, Selection, Tab};

#[derive(PartialEq, Properties)]
pub struct EventsPanelProps {
    pub id: AttrValue,
    pub analysis: Shared<Analysis>,
}

#[component]
pub fn EventsPanel(props: &EventsPanelProps) -> Html {
    let analysis = &props.analysis;
    let groups = by_place(analysis);
    html! {
        <section class="events" aria-labelledby="events-heading">
            <h2 id="events-heading">{ format!("Events with figures ({})", analysis.events.len()) }</h2>
            if analysis.events.is_empty() {
                <p class="empty">{ "No incidents with figures were found in this article." }</p>
            }
            { for groups.into_iter().map(|(place, events)| {
                let heading = place.and_then(|p| analysis.places.get(p)).map_or_else(|| "Place not stated".to_string(), |p| p.name.clone());
                html! {
                    <div class="event-group" key={heading.clone()}>
                        <h3>
                            if let Some(p) = place.and_then(|p| analysis.places.get(p)) {
                                <Link<Route> to={article_view(&props.id, &ArticleView::place(Tab::Places, &p.slug))}>{ heading.clone() }</Link<Route>>
                            } else {
                                { heading.clone() }
                            }
                        </h3>
                        <ul role="list" class="event-list">
                            { for events.into_iter().map(|e| event_item(&props.id, analysis, e)) }
                        </ul>
                    </div>
                }
            }) }
        </section>
    }
}

/// Events grouped by place, places in order of their first event; events
/// with no place last.
fn by_place(analysis: &Analysis) -> Vec<(Option<usize>, Vec<&Event>)> {
    let mut groups: Vec<(Option<usize>, Vec<&Event>)> = Vec::new();
    for event in &analysis.events {
        match groups.iter_mut().find(|(p, _)| *p == event.place) {
            Some((_, events)) => events.push(event),
            None => groups.push((event.place, vec![event])),
        }
    }
    groups.sort_by_key(|(p, _)| p.is_none());
    groups
}

fn event_item(id: &str, analysis: &Analysis, event: &Event) -> Html {
    let sentence = analysis.sentences.get(event.sentence).map(|s| s.span);
    let to = article_view(
        id,
        &ArticleView {
            tab: Tab::Text,
            selection: Selection::Sentence(event.sentence),
        },
    );
    html! {
        <li class="event">
            <p class="event-summary">{ &event.summary }</p>
            <ul class="figures" aria-label="Figures">
                { for event.figures.iter().map(figure_item) }
            </ul>
            if let Some(reason) = &event.place_reason {
                <p class="event-reason">{ format!("Place: {reason}") }</p>
            }
            if sentence.is_some() {
                <Link<Route> to={to} classes="in-text">{ "Show in the text" }</Link<Route>>
            }
        </li>
    }
}

fn figure_item(figure: &Figure) -> Html {
    let words: Vec<String> = [
        figure.qualifier.map(str::to_string),
        Some(crate::share::thousands(figure.value)),
        figure.unit.clone(),
        figure.what.map(str::to_string),
    ]
    .into_iter()
    .flatten()
    .collect();
    html! { <li class="figure">{ words.join(" ") }</li> }
}
