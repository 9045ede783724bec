//! A contrast: what two statements disagree about, why they conflict, and
//! the two statements side by side.

use yew::prelude::*;

use super::statement_card::StatementCard;
use super::Shared;
use crate::analysis::Analysis;
use crate::articles::Article;

#[derive(PartialEq, Properties)]
pub struct ContrastPairProps {
    pub article: Shared<Article>,
    pub analysis: Shared<Analysis>,
    /// Index into `Analysis::contrasts`.
    pub contrast: usize,
    /// The statement shown first (left on wide screens).
    pub left: usize,
    /// The statement it conflicts with.
    pub right: usize,
}

#[component]
pub fn ContrastPair(props: &ContrastPairProps) -> Html {
    let Some(contrast) = props.analysis.contrasts.get(props.contrast) else {
        return Html::default();
    };
    let card = |n: usize| {
        html! { <StatementCard article={props.article.clone()} analysis={props.analysis.clone()} statement={n} show_speaker=true /> }
    };
    html! {
        <div class="contrast-pair">
            <p class="contrast-topic"><span class="badge">{ "Contrast" }</span>{ " " }{ &contrast.topic }</p>
            <p class="contrast-reason">{ &contrast.reason }</p>
            <div class="pair-cells">
                <div class="cell">{ card(props.left) }</div>
                <span class="versus" aria-hidden="true">{ "vs" }</span>
                <div class="cell">{ card(props.right) }</div>
            </div>
        </div>
    }
}
