//! One article explored: heading, tabs, the map beside the active panel.
//! What is shown and selected comes from the URL (see [`crate::view`]).

use std::rc::Rc;

use yew::prelude::*;

use super::article_list::date_label;
use super::article_text::ArticleText;
use super::compare_panel::ComparePanel;
use super::events_panel::EventsPanel;
use super::library::use_shelf;
use super::library::Library;
use super::long_analysis::LongAnalysis;
use super::not_found::NotFound;
use super::place_details::PlaceDetails;
use super::place_list::PlaceList;
use super::places_map::PlacesMap;
use super::share_bar::ShareBar;
use super::speakers_panel::SpeakersPanel;
use super::tab_bar::TabBar;
use super::Shared;
use crate::view::{ArticleView, Selection, Tab};

#[derive(PartialEq, Properties)]
pub struct ArticlePageProps {
    pub id: AttrValue,
    /// The view path after the id, as the router found it.
    #[prop_or_default]
    pub rest: AttrValue,
}

/// The tabs this version offers.
const TABS: &[Tab] = &[
    Tab::Places,
    Tab::Text,
    Tab::Speakers,
    Tab::Compare,
    Tab::Events,
];

#[component]
pub fn ArticlePage(props: &ArticlePageProps) -> Html {
    let library = use_context::<Rc<Library>>().expect("Library context is provided by App");
    let shelf = use_shelf();
    let finished = use_state(|| 0u32);
    let Some(article) = library.get(&props.id) else {
        return html! { <NotFound what="article" id={props.id.clone()} /> };
    };
    let (view, notice) = match ArticleView::parse(&props.rest) {
        Ok(view) if TABS.contains(&view.tab) => (view, None),
        Ok(_) => (
            ArticleView::default(),
            Some("This version has no such view, so the article opens on its places.".to_string()),
        ),
        Err(bad) => (ArticleView::default(), Some(bad.to_string())),
    };
    let pasted = shelf.is_pasted(&article.id);
    let Some(analysis) = library.analysis_if_quick(&article) else {
        let on_done = Callback::from(move |_| finished.set(*finished + 1));
        return html! {
            <article class="explorer" aria-labelledby="article-title">
                <header class="explorer-head"><h1 id="article-title">{ &article.title }</h1></header>
                <LongAnalysis article={article.clone()} analyses={library.analyses()} {on_done} />
            </article>
        };
    };
    let analysis = Shared(analysis);
    let article = Shared(article);
    let selected_place = match &view.selection {
        Selection::Place(slug) => analysis.places.iter().position(|p| &p.slug == slug),
        _ => None,
    };
    let place_notice = match (&view.selection, selected_place) {
        (Selection::Place(slug), None) => {
            Some(format!("No place “{slug}” was found in this article."))
        }
        _ => None,
    };
    let selected_slug = selected_place.map(|i| AttrValue::from(analysis.places[i].slug.clone()));
    let panel = match view.tab {
        Tab::Events => html! { <EventsPanel id={props.id.clone()} analysis={analysis.clone()} /> },
        Tab::Text => html! {
            <ArticleText article={article.clone()} analysis={analysis.clone()} selection={view.selection.clone()} />
        },
        Tab::Speakers => {
            let selected = match &view.selection {
                Selection::Speaker(slug) => Some(AttrValue::from(slug.clone())),
                _ => None,
            };
            html! { <SpeakersPanel article={article.clone()} analysis={analysis.clone()} {selected} /> }
        }
        Tab::Compare => html! {
            <ComparePanel article={article.clone()} analysis={analysis.clone()} selection={view.selection.clone()} />
        },
        _ => html! {
            <>
                if let Some(place) = selected_place {
                    <PlaceDetails article={article.clone()} analysis={analysis.clone()} {place} />
                }
                <PlaceList id={props.id.clone()} article={article.clone()} analysis={analysis.clone()} selected={selected_slug.clone()} />
            </>
        },
    };
    html! {
        <article class="explorer" aria-labelledby="article-title">
            <header class="explorer-head">
                <h1 id="article-title">{ &article.title }</h1>
                <p class="article-meta">
                    <span>{ date_label(&article) }</span>
                    <span class="source">{ &article.source }</span>
                </p>
                { for notice.iter().chain(place_notice.iter()).map(|n| html! { <p class="notice" role="status">{ n }</p> }) }
                <ShareBar article={article.clone()} analysis={analysis.clone()} view={view.clone()} {pasted} />
            </header>
            <TabBar id={props.id.clone()} active={view.tab} tabs={TABS.to_vec()} selection={view.selection.clone()} />
            // Two columns of statements need the width the map would take.
            <div class={classes!("explorer-body", (view.tab != Tab::Compare).then_some("with-map"))}>
                if view.tab != Tab::Compare {
                    <PlacesMap id={props.id.clone()} analysis={analysis.clone()} selected={selected_slug} tab={view.tab}
                        events_only={view.tab == Tab::Events} />
                }
                <section class="explorer-panel" aria-label={view.tab.label()}>{ panel }</section>
            </div>
        </article>
    }
}
