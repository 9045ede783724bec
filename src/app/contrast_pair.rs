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

#[derive(PartialEq, Properties)]
pub struct DisputeCardProps {
    pub article: Shared<Article>,
    pub analysis: Shared<Analysis>,
    /// Indices into `Analysis::contrasts` of one dispute (same `dispute`).
    pub contrasts: Vec<usize>,
}

/// One dispute: its topic, the reason of each pair, and every source of
/// each side once (several sources on one side are one card, not a card
/// per source).
#[component]
pub fn DisputeCard(props: &DisputeCardProps) -> Html {
    let analysis = &props.analysis;
    let found: Vec<&crate::analysis::contrasts::Contrast> = props
        .contrasts
        .iter()
        .filter_map(|&c| analysis.contrasts.get(c))
        .collect();
    let Some(first) = found.first() else {
        return Html::default();
    };
    let (left, right) = dispute_sides(found.iter().map(|c| (c.a, c.b)));
    let mut reasons: Vec<&str> = Vec::new();
    for c in &found {
        if !reasons.contains(&c.reason.as_str()) {
            reasons.push(c.reason.as_str());
        }
    }
    let card = |n: usize| {
        html! { <StatementCard article={props.article.clone()} analysis={props.analysis.clone()} statement={n} show_speaker=true /> }
    };
    let column = |side: &[usize]| {
        html! { <div class="cell">{ for side.iter().map(|&n| card(n)) }</div> }
    };
    html! {
        <div class="contrast-pair dispute" data-rule={first.rule}>
            <p class="contrast-topic"><span class="badge">{ "Contrast" }</span>{ " " }{ &first.topic }</p>
            { for reasons.iter().map(|r| html! { <p class="contrast-reason">{ *r }</p> }) }
            if left.len() > 1 || right.len() > 1 {
                <p class="dispute-sources">{ format!("{} against {} sources", left.len(), right.len()) }</p>
            }
            <div class="pair-cells">
                { column(&left) }
                <span class="versus" aria-hidden="true">{ "vs" }</span>
                { column(&right) }
            </div>
        </div>
    }
}

/// The two sides of a dispute from its pairs: each claim (`a`) on the left
/// and each answer (`b`) on the right, each statement once, a statement
/// that is both kept on the left.
pub fn dispute_sides(pairs: impl Iterator<Item = (usize, usize)>) -> (Vec<usize>, Vec<usize>) {
    let pairs: Vec<(usize, usize)> = pairs.collect();
    let mut left: Vec<usize> = Vec::new();
    for &(a, _) in &pairs {
        if !left.contains(&a) {
            left.push(a);
        }
    }
    let mut right: Vec<usize> = Vec::new();
    for &(_, b) in &pairs {
        if !left.contains(&b) && !right.contains(&b) {
            right.push(b);
        }
    }
    left.sort_unstable();
    right.sort_unstable();
    (left, right)
}
