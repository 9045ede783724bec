//! The selected speaker or side: who they are, which side, and every
//! statement in article order.

use yew::prelude::*;
use yew_router::prelude::*;

use super::route::{article_view, Route};
use super::speakers_panel::plural;
use super::speech_labels::kind_label;
use super::statement_card::StatementCard;
use super::Shared;
use crate::analysis::Analysis;
use crate::articles::Article;
use crate::speakers::{SpeakerIndex, Who};
use crate::view::{ArticleView, Selection, Tab};

#[derive(PartialEq, Properties)]
pub struct SpeakerDetailsProps {
    pub article: Shared<Article>,
    pub analysis: Shared<Analysis>,
    pub index: Shared<SpeakerIndex>,
    pub who: Who,
}

#[component]
pub fn SpeakerDetails(props: &SpeakerDetailsProps) -> Html {
    let (analysis, index, who) = (&props.analysis, &props.index, props.who);
    let statements = index.statements_of(who);
    let name = index.label(analysis, who);
    let facts: Vec<String> = match who {
        Who::Person(p) => {
            let person = &analysis.people[p];
            let side = index
                .side_of(p)
                .map(|s| format!("Side: {}", index.sides[s].label));
            person
                .role
                .iter()
                .cloned()
                .chain(side)
                .chain([kind_label(person.kind)])
                .collect()
        }
        Who::Side(s) => vec![format!(
            "{} on this side",
            plural(index.sides[s].people.len(), "speaker")
        )],
        Who::Unattributed => {
            vec!["Statements whose speaker the text does not make clear".to_string()]
        }
    };
    let compare = ArticleView {
        tab: Tab::Compare,
        selection: Selection::Pair(index.slug(who).to_string(), partner(analysis, index, who)),
    };
    html! {
        <section class="speaker-details" aria-labelledby="speaker-details-heading">
            <h2 id="speaker-details-heading">{ &name }</h2>
            <p class="speaker-facts">
                { for facts.iter().map(|f| html! { <span>{ f }</span> }) }
                <span>{ plural(statements.len(), "statement") }</span>
            </p>
            <Link<Route> to={article_view(&props.article.id, &compare)} classes="compare-link">
                { format!("Compare {name} side by side") }
            </Link<Route>>
            <ol class="statement-list" aria-label={format!("Statements by {name}, in article order")}>
                { for statements.iter().map(|&n| html! {
                    <li key={n}>
                        <StatementCard article={props.article.clone()} analysis={props.analysis.clone()} statement={n}
                            show_speaker={!matches!(who, Who::Person(_))} />
                    </li>
                }) }
            </ol>
        </section>
    }
}

/// Whom to compare `who` with first: the other party of their first
/// contrast, else the first side that is not theirs.
fn partner(analysis: &Analysis, index: &SpeakerIndex, who: Who) -> String {
    let own: std::collections::HashSet<usize> = index.statements_of(who).into_iter().collect();
    let speaker_of = |n: usize| analysis.statements.get(n).and_then(|s| s.speaker);
    let opponent =
        analysis
            .contrasts
            .iter()
            .find_map(|c| match (own.contains(&c.a), own.contains(&c.b)) {
                (true, false) => speaker_of(c.b),
                (false, true) => speaker_of(c.a),
                _ => None,
            });
    if let Some(p) = opponent.filter(|&p| p < index.slugs.len()) {
        return index.slugs[p].clone();
    }
    let own_side = match who {
        Who::Person(p) => index.side_of(p),
        Who::Side(s) => Some(s),
        Who::Unattributed => None,
    };
    (0..index.sides.len())
        .find(|&s| Some(s) != own_side)
        .or(own_side)
        .map_or_else(
            || index.slug(who).to_string(),
            |s| index.sides[s].slug.clone(),
        )
}
