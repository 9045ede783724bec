//! The Side by side tab: pick two speakers or sides and see their
//! statements in two columns, contrasts first; or, switched to all
//! articles, each of them across every article. The chosen pair lives in
//! the URL (`compare/side-ru/volodymyr-zelenskyy`), and so does the
//! across switch (`…/across`); a first pick waits here until the second is
//! made.

use std::rc::Rc;

use yew::prelude::*;
use yew_router::prelude::*;

use super::across_articles::AcrossArticles;
use super::compare_columns::CompareColumns;
use super::compare_pickers::{Choice, ComparePickers};
use super::contrast_pair::DisputeCard;
use super::library::Library;
use super::route::{article_view, article_view_across, Route};
use super::Shared;
use crate::analysis::Analysis;
use crate::articles::Article;
use crate::speakers::{SpeakerIndex, UNATTRIBUTED};
use crate::view::{is_slug, ArticleView, Selection, Tab};

#[derive(PartialEq, Properties)]
pub struct ComparePanelProps {
    pub article: Shared<Article>,
    pub analysis: Shared<Analysis>,
    pub selection: Selection,
    /// Compare across all articles (from the URL).
    #[prop_or_default]
    pub across: bool,
}

#[component]
pub fn ComparePanel(props: &ComparePanelProps) -> Html {
    let library = use_context::<Rc<Library>>().expect("Library context is provided by App");
    let index = use_memo(props.analysis.clone(), |a| SpeakerIndex::new(&a.0));
    let across = props.across;
    let pending = use_state(|| [String::new(), String::new()]);
    let navigator = use_navigator();
    let across_nav = navigator.clone();
    let choices = {
        let index = index.clone();
        // The library is a dependency: a pasted article adds speakers.
        use_memo(
            (props.analysis.clone(), across, library),
            move |(analysis, across, library)| Rc::new(choices(library, analysis, &index, *across)),
        )
    };
    let chosen: [String; 2] = match &props.selection {
        Selection::Pair(a, b) => [a.clone(), b.clone()],
        _ => (*pending).clone(),
    };

    // Both picked: the pair goes into the URL; else it waits in `pending`.
    let go = {
        let (pending, id) = (pending.clone(), props.article.id.clone());
        let had_pair = matches!(props.selection, Selection::Pair(..));
        move |next: [String; 2]| match (&navigator, next.iter().all(|s| is_slug(s))) {
            (Some(nav), true) => {
                let [a, b] = next;
                nav.push(&article_view_across(
                    &id,
                    &ArticleView {
                        tab: Tab::Compare,
                        selection: Selection::Pair(a, b),
                    },
                    across,
                ));
            }
            (nav, _) => {
                // Clearing a column leaves the pair's view.
                if let (Some(nav), true) = (nav, had_pair) {
                    nav.push(&article_view_across(
                        &id,
                        &ArticleView::tab(Tab::Compare),
                        across,
                    ));
                }
                pending.set(next);
            }
        }
    };
    let on_choose = {
        let (go, chosen) = (go.clone(), chosen.clone());
        Callback::from(move |(column, slug): (usize, String)| {
            let mut next = chosen.clone();
            next[column.min(1)] = slug;
            go(next);
        })
    };
    let on_swap = {
        let [a, b] = chosen.clone();
        Callback::from(move |_| go([b.clone(), a.clone()]))
    };
    // The switch is part of the view: a history entry, restored by back.
    let on_across = {
        let (navigator, id) = (across_nav, props.article.id.clone());
        let view = ArticleView {
            tab: Tab::Compare,
            selection: props.selection.clone(),
        };
        Callback::from(move |on: bool| {
            if let Some(nav) = &navigator {
                nav.push(&article_view_across(&id, &view, on));
            }
        })
    };

    let [left, right] = &chosen;
    let body = if left.is_empty() || right.is_empty() {
        start_here(props, &index)
    } else if across {
        html! {
            <>
                <AcrossArticles slug={AttrValue::from(left.clone())} current={AttrValue::from(props.article.id.clone())} />
                if left != right {
                    <AcrossArticles slug={AttrValue::from(right.clone())} current={AttrValue::from(props.article.id.clone())} />
                }
            </>
        }
    } else {
        match (index.find(left), index.find(right)) {
            (Some(l), Some(r)) => html! {
                <>
                    if l == r {
                        <p class="notice" role="status">{ "Both columns show the same speaker: switch on “Compare across all articles” to see them in other articles, or pick someone else." }</p>
                    }
                    <CompareColumns article={props.article.clone()} analysis={props.analysis.clone()}
                        index={Shared(index.clone())} left={l} right={r} />
                </>
            },
            (l, _) => {
                let missing = if l.is_none() { left } else { right };
                html! {
                    <p class="notice" role="status">
                        { format!("“{missing}” says nothing in this article. Switch on “Compare across all articles” to look in the others.") }
                    </p>
                }
            }
        }
    };
    html! {
        <div class="compare-panel">
            <h2 id="compare-heading">{ "Side by side" }</h2>
            <ComparePickers choices={(*choices).clone()} left={AttrValue::from(left.clone())} right={AttrValue::from(right.clone())}
                {across} {on_choose} {on_swap} {on_across} />
            <div class="compare-body">{ body }</div>
        </div>
    }
}

/// Before a pair is chosen: how to start, and every contrast in the article.
fn start_here(props: &ComparePanelProps, index: &SpeakerIndex) -> Html {
    let analysis = &props.analysis;
    let valid = |n: usize| n < analysis.statements.len();
    let contrasts: Vec<usize> = (0..analysis.contrasts.len())
        .filter(|&c| valid(analysis.contrasts[c].a) && valid(analysis.contrasts[c].b))
        .collect();
    // One card per dispute: contrasts sharing a statement.
    let mut disputes: Vec<Vec<usize>> = Vec::new();
    for c in contrasts {
        let d = analysis.contrasts[c].dispute;
        match disputes
            .iter_mut()
            .find(|g| analysis.contrasts[g[0]].dispute == d)
        {
            Some(g) => g.push(c),
            None => disputes.push(vec![c]),
        }
    }
    let who_said = |n: usize| match analysis.statements[n]
        .speaker
        .filter(|&p| p < index.slugs.len())
    {
        Some(p) => (index.slugs[p].clone(), analysis.people[p].name.clone()),
        None => (UNATTRIBUTED.to_string(), "Unattributed".to_string()),
    };
    html! {
        <>
            <p class="hint">{ "Choose two speakers or sides: their statements appear in two columns, contrasting claims first." }</p>
            <section aria-labelledby="all-contrasts-heading">
                <h3 id="all-contrasts-heading">{ format!("Contrasting claims in this article ({})", disputes.len()) }</h3>
                if disputes.is_empty() {
                    <p class="empty">{ "No contrasting claims were found." }</p>
                }
                <ol class="contrast-list">
                    { for disputes.into_iter().map(|group| {
                        let c = group[0];
                        let (a, b) = (analysis.contrasts[c].a, analysis.contrasts[c].b);
                        let ((slug_a, name_a), (slug_b, name_b)) = (who_said(a), who_said(b));
                        let pair = ArticleView { tab: Tab::Compare, selection: Selection::Pair(slug_a, slug_b) };
                        html! {
                            <li key={c}>
                                <DisputeCard article={props.article.clone()} analysis={props.analysis.clone()} contrasts={group} />
                                <Link<Route> to={article_view(&props.article.id, &pair)} classes="compare-link">
                                    { format!("Compare {name_a} and {name_b} side by side") }
                                </Link<Route>>
                            </li>
                        }
                    }) }
                </ol>
            </section>
        </>
    }
}

/// The pickers' entries: this article's sides, speakers and unattributed
/// statements; across articles, also those only the other articles have.
fn choices(
    library: &Library,
    analysis: &Analysis,
    index: &SpeakerIndex,
    across: bool,
) -> Vec<Choice> {
    let mut out: Vec<Choice> = Vec::new();
    for side in &index.sides {
        out.push(Choice {
            slug: side.slug.clone(),
            label: format!("{} (side)", side.label),
            group: "Sides",
        });
    }
    for p in index.speakers() {
        out.push(Choice {
            slug: index.slugs[p].clone(),
            label: analysis.people[p].name.clone(),
            group: "Speakers",
        });
    }
    if !index.unattributed.is_empty() {
        out.push(Choice {
            slug: UNATTRIBUTED.to_string(),
            label: "Unattributed".to_string(),
            group: "Speakers",
        });
    }
    if across {
        for article in &library.articles {
            // A long pasted article joins once it has been analysed in parts.
            let Some(other) = library.analysis_if_quick(article) else {
                continue;
            };
            let other_index = SpeakerIndex::new(&other);
            let found_here = |slug: &str| {
                out.iter().any(|c| c.slug == slug) || index.find_across(analysis, slug).is_some()
            };
            let mut extra: Vec<Choice> = Vec::new();
            for side in &other_index.sides {
                if !found_here(&side.slug) {
                    extra.push(Choice {
                        slug: side.slug.clone(),
                        label: format!("{} (side)", side.label),
                        group: "In other articles",
                    });
                }
            }
            for p in other_index.speakers() {
                if !found_here(&other_index.slugs[p]) {
                    extra.push(Choice {
                        slug: other_index.slugs[p].clone(),
                        label: other.people[p].name.clone(),
                        group: "In other articles",
                    });
                }
            }
            out.extend(extra);
        }
    }
    out
}
