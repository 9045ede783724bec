//! One statement: who (where the list is not one speaker's), the cue verb,
//! its stance, direct quote or reported speech, the words reported with
//! quoted words marked, and a link to its sentence in the text.

use yew::prelude::*;
use yew_router::prelude::*;

use super::route::{article_view, Route};
use super::speech_labels::stance_label;
use super::Shared;
use crate::analysis::statements::Statement;
use crate::analysis::{Analysis, Span};
use crate::articles::Article;
use crate::highlight::{pieces, Mark, MarkKind};
use crate::view::{ArticleView, Selection, Tab};

#[derive(PartialEq, Properties)]
pub struct StatementCardProps {
    pub article: Shared<Article>,
    pub analysis: Shared<Analysis>,
    /// Index into `Analysis::statements`.
    pub statement: usize,
    /// Name the speaker on the card (off in a list of one speaker's words).
    #[prop_or_default]
    pub show_speaker: bool,
}

#[component]
pub fn StatementCard(props: &StatementCardProps) -> Html {
    let Some(statement) = props.analysis.statements.get(props.statement) else {
        return Html::default();
    };
    let text = &props.article.text;
    let cues: Vec<&str> = statement
        .cues
        .iter()
        .map(|c| c.slice(text))
        .filter(|c| !c.is_empty())
        .collect();
    let cue = match (cues.is_empty(), statement.cue) {
        (false, _) => cues.join(", "),
        (true, Some(cue)) => cue.slice(text).to_string(),
        // A quote that carries on an earlier one has no verb of its own.
        (true, None) => String::new(),
    };
    let stance = stance_label(statement.stance);
    let to = article_view(
        &props.article.id,
        &ArticleView {
            tab: Tab::Text,
            selection: Selection::Sentence(statement.sentence),
        },
    );
    let form = if statement.direct {
        "Direct quote"
    } else {
        "Indirect"
    };
    html! {
        <div class={classes!("statement-card", if statement.direct { "direct" } else { "reported" })}>
            <p class="statement-head">
                if props.show_speaker { { speaker(&props.analysis, statement) } }
                if cue.is_empty() {
                    <span class="cue no-cue">{ "continued quote" }</span>
                } else {
                    <span class="cue"><span class="visually-hidden">{ "Cue verb: " }</span>{ cue }</span>
                }
                <span class={classes!("stance", statement.stance.is_rejection().then_some("rejects"))}>
                    <span class="visually-hidden">{ "Stance: " }</span>{ stance }
                </span>
                <span class="form">{ form }</span>
            </p>
            <blockquote class="statement-content">{ content(text, &props.analysis, statement) }</blockquote>
            <Link<Route> to={to} classes="in-text">{ format!("In the text, sentence {}", statement.sentence + 1) }</Link<Route>>
        </div>
    }
}

fn speaker(analysis: &Analysis, statement: &Statement) -> Html {
    match statement.speaker.and_then(|p| analysis.people.get(p)) {
        Some(person) => html! {
            <span class="statement-speaker">
                { &person.name }
                if let Some(role) = &person.role { <span class="role">{ role }</span> }
            </span>
        },
        None => html! {
            <span class="statement-speaker unattributed" title={statement.unresolved.clone()}>{ "Unattributed" }</span>
        },
    }
}

/// The reported words. A direct statement is its quotes in quotation
/// marks; reported speech is its content with any quoted words marked.
fn content(text: &str, analysis: &Analysis, statement: &Statement) -> Html {
    let quotes: Vec<Span> = statement
        .quotes
        .iter()
        .filter_map(|&q| analysis.quotes.get(q))
        .map(|q| q.span)
        .collect();
    if quotes.is_empty() && statement.content.slice(text).trim().is_empty() {
        return html! { <span class="empty">{ "The text reports no words here." }</span> };
    }
    if statement.direct && !quotes.is_empty() {
        let last = quotes.len() - 1;
        return quotes
            .iter()
            .enumerate()
            .map(|(i, q)| {
                html! {
                    <>
                        <q class="hl-quote">{ q.slice(text).trim() }</q>
                        if i < last { { " … " } }
                    </>
                }
            })
            .collect();
    }
    if statement.direct {
        return html! { <q class="hl-quote">{ statement.content.slice(text).trim() }</q> };
    }
    let marks: Vec<Mark> = statement
        .quotes
        .iter()
        .filter_map(|&q| analysis.quotes.get(q))
        .enumerate()
        .map(|(i, q)| Mark {
            span: q.outer(),
            kind: MarkKind::Quote,
            item: i,
        })
        .collect();
    pieces(statement.content, &marks)
        .into_iter()
        .map(|piece| {
            let words = piece.span.slice(text);
            match piece.quote {
                Some(_) => html! { <span class="hl-quote">{ words }</span> },
                None => html! { { words } },
            }
        })
        .collect()
}
