//! The Speakers tab: everyone who is reported as saying something, grouped
//! by side, with role, kind and number of statements. The selected speaker
//! (or side) and their statements show in the panel under the map
//! (`article_page/selection_panel.rs`), which stays in view.

use yew::prelude::*;
use yew_router::prelude::*;

use super::route::{article_view, Route};
use super::speech_labels::kind_label;
use super::Shared;
use crate::analysis::Analysis;
use crate::articles::Article;
use crate::speakers::{SpeakerIndex, Who, UNATTRIBUTED};
use crate::view::{ArticleView, Selection, Tab};

#[derive(PartialEq, Properties)]
pub struct SpeakersPanelProps {
    pub article: Shared<Article>,
    pub analysis: Shared<Analysis>,
    /// The selected speaker's or side's slug.
    #[prop_or_default]
    pub selected: Option<AttrValue>,
}

#[component]
pub fn SpeakersPanel(props: &SpeakersPanelProps) -> Html {
    let index = use_memo(props.analysis.clone(), |a| SpeakerIndex::new(&a.0));
    let analysis = &props.analysis;
    let id = &props.article.id;
    let who = props.selected.as_deref().and_then(|slug| index.find(slug));
    let count = index.speakers().count();
    let silent: Vec<&str> = (0..analysis.people.len())
        .filter(|&p| index.statements[p].is_empty())
        .map(|p| analysis.people[p].name.as_str())
        .collect();
    html! {
        <div class="speakers-panel">
            if let (Some(slug), None) = (&props.selected, who) {
                <p class="notice" role="status">{ format!("No speaker “{slug}” was found in this article.") }</p>
            }
            <section class="speaker-index" aria-labelledby="speakers-heading">
                <h2 id="speakers-heading">{ format!("Speakers ({count})") }</h2>
                if count == 0 && index.unattributed.is_empty() {
                    <p class="empty">{ "Nobody is reported as saying anything in this article." }</p>
                }
                { for index.sides.iter().enumerate().map(|(s, side)| {
                    let statements = index.statements_of(Who::Side(s)).len();
                    let selected = who == Some(Who::Side(s));
                    html! {
                        <div class="speaker-group" key={side.slug.clone()}>
                            <h3>
                                <Link<Route> to={speaker_route(id, &side.slug)}
                                    classes={classes!("side-link", selected.then_some("selected"))}>
                                    <span aria-current={selected.then_some("true")}>{ &side.label }</span>
                                    <span class="side-count">{ plural(statements, "statement") }</span>
                                </Link<Route>>
                            </h3>
                            <ul role="list">
                                { for side.people.iter().map(|&p| speaker_item(id, analysis, &index, p, who)) }
                            </ul>
                        </div>
                    }
                }) }
                if !index.unattributed.is_empty() {
                    <div class="speaker-group" key={UNATTRIBUTED}>
                        <h3>{ "Unattributed" }</h3>
                        <ul role="list">
                            <li class={classes!("speaker-item", (who == Some(Who::Unattributed)).then_some("selected"))}>
                                <Link<Route> to={speaker_route(id, UNATTRIBUTED)} classes="speaker-link">
                                    <span class="speaker-name" aria-current={(who == Some(Who::Unattributed)).then_some("true")}>
                                        { "Speaker not identified" }
                                    </span>
                                    <span class="speaker-count">{ plural(index.unattributed.len(), "statement") }</span>
                                </Link<Route>>
                            </li>
                        </ul>
                    </div>
                }
                if !silent.is_empty() {
                    <p class="also-named">
                        <span class="also-named-label">{ "Also named, not quoted: " }</span>
                        { silent.join(", ") }
                    </p>
                }
            </section>
        </div>
    }
}

fn speaker_item(
    id: &str,
    analysis: &Analysis,
    index: &SpeakerIndex,
    p: usize,
    who: Option<Who>,
) -> Html {
    let person = &analysis.people[p];
    let selected = who == Some(Who::Person(p));
    let count = index.statements[p].len();
    html! {
        <li key={index.slugs[p].clone()} class={classes!("speaker-item", selected.then_some("selected"))}>
            <Link<Route> to={speaker_route(id, &index.slugs[p])} classes="speaker-link">
                <span class="speaker-name" aria-current={selected.then_some("true")}>{ &person.name }</span>
                <span class="speaker-role">{ person.role.clone().unwrap_or_default() }</span>
                <span class="speaker-kind">{ kind_label(person.kind) }</span>
                <span class="speaker-count">{ plural(count, "statement") }</span>
            </Link<Route>>
        </li>
    }
}

/// The Speakers view selecting `slug`.
pub fn speaker_route(id: &str, slug: &str) -> Route {
    article_view(
        id,
        &ArticleView {
            tab: Tab::Speakers,
            selection: Selection::Speaker(slug.to_string()),
        },
    )
}

/// "1 statement", "3 statements".
pub fn plural(n: usize, noun: &str) -> String {
    format!("{n} {noun}{}", if n == 1 { "" } else { "s" })
}
