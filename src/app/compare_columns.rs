//! Two speakers or sides of one article in two columns: first the contrasts
//! between them as pairs, then all their statements in rows aligned by the
//! place or topic they share (see [`crate::speakers::compare`]).

use yew::prelude::*;

use super::contrast_pair::ContrastPair;
use super::speakers_panel::plural;
use super::statement_card::StatementCard;
use super::Shared;
use crate::analysis::Analysis;
use crate::articles::Article;
use crate::speakers::compare::{align, pairings, Row, RowKey};
use crate::speakers::{SpeakerIndex, Who};

#[derive(PartialEq, Properties)]
pub struct CompareColumnsProps {
    pub article: Shared<Article>,
    pub analysis: Shared<Analysis>,
    pub index: Shared<SpeakerIndex>,
    pub left: Who,
    pub right: Who,
}

#[component]
pub fn CompareColumns(props: &CompareColumnsProps) -> Html {
    let (analysis, index) = (&props.analysis, &props.index);
    let left = index.statements_of(props.left);
    let right = index.statements_of(props.right);
    let names = [
        index.label(analysis, props.left),
        index.label(analysis, props.right),
    ];
    let pairs = pairings(analysis, &left, &right);
    let rows = align(analysis, &left, &right);
    let show_speaker = [
        !matches!(props.left, Who::Person(_)),
        !matches!(props.right, Who::Person(_)),
    ];
    let ctx = Cells {
        props,
        names: &names,
        show_speaker,
    };
    html! {
        <div class="compare-columns">
            <div class="compare-heads">
                <p><span class="col-name">{ &names[0] }</span>{ describe(analysis, index, props.left, left.len()) }</p>
                <p><span class="col-name">{ &names[1] }</span>{ describe(analysis, index, props.right, right.len()) }</p>
            </div>
            <section class="compare-contrasts" aria-labelledby="contrasts-heading">
                <h3 id="contrasts-heading">{ format!("Contrasting claims ({})", pairs.len()) }</h3>
                if pairs.is_empty() {
                    <p class="empty">{ format!("No contrasting claims between {} and {} were found.", names[0], names[1]) }</p>
                }
                <ol class="contrast-list">
                    { for pairs.iter().map(|p| html! {
                        <li key={p.contrast}>
                            <ContrastPair article={props.article.clone()} analysis={props.analysis.clone()}
                                contrast={p.contrast} left={p.left} right={p.right} />
                        </li>
                    }) }
                </ol>
            </section>
            <section class="compare-rows" aria-labelledby="aligned-heading">
                <h3 id="aligned-heading">{ "All statements, by shared place or topic" }</h3>
                if rows.is_empty() {
                    <p class="empty">{ "Neither says anything in this article." }</p>
                }
                { for rows.iter().map(|row| ctx.row(row)) }
            </section>
        </div>
    }
}

/// "Ukraine · 3 statements" under a column's name.
fn describe(analysis: &Analysis, index: &SpeakerIndex, who: Who, count: usize) -> Html {
    let side = match who {
        Who::Person(p) => index.side_of(p).map(|s| index.sides[s].label.clone()),
        Who::Side(_) => Some("side".to_string()),
        Who::Unattributed => None,
    };
    let role = match who {
        Who::Person(p) => analysis.people.get(p).and_then(|p| p.role.clone()),
        _ => None,
    };
    let facts: Vec<String> = role
        .into_iter()
        .chain(side)
        .chain([plural(count, "statement")])
        .collect();
    html! { <span class="col-facts">{ facts.join(" · ") }</span> }
}

struct Cells<'a> {
    props: &'a CompareColumnsProps,
    names: &'a [String; 2],
    show_speaker: [bool; 2],
}

impl Cells<'_> {
    fn row(&self, row: &Row) -> Html {
        let analysis = &self.props.analysis;
        let heading = match &row.key {
            RowKey::Place(p) => analysis
                .places
                .get(*p)
                .map_or_else(String::new, |p| p.name.clone()),
            RowKey::Topic(topic) => topic.clone(),
            RowKey::Other => "Nothing in common".to_string(),
        };
        let key = format!("{:?}", row.key);
        html! {
            <section class={classes!("compare-row", row.disputed.then_some("disputed"))} key={key}>
                <h4>
                    { heading }
                    if row.disputed { <span class="badge">{ "disputed" }</span> }
                </h4>
                <div class="compare-cells">
                    { self.cell(0, &row.left) }
                    { self.cell(1, &row.right) }
                </div>
            </section>
        }
    }

    fn cell(&self, column: usize, statements: &[usize]) -> Html {
        let name = &self.names[column];
        html! {
            <div class="cell">
                <p class="cell-label">{ name }</p>
                if statements.is_empty() {
                    <p class="empty">{ "—" }<span class="visually-hidden">{ format!("nothing from {name}") }</span></p>
                }
                <ul role="list" aria-label={name.clone()}>
                    { for statements.iter().map(|&n| html! {
                        <li key={n}>
                            <StatementCard article={self.props.article.clone()} analysis={self.props.analysis.clone()}
                                statement={n} show_speaker={self.show_speaker[column]} />
                        </li>
                    }) }
                </ul>
            </div>
        }
    }
}
