//! One article explored: heading, tabs, the map (with the details of what is
//! selected under it) beside the active panel.
//! What is shown and selected comes from the URL (see [`crate::view`]).
//!
//! A pasted article lives in one browser's storage, so its local address
//! (`#/a/p-…`) means nothing elsewhere. The address bar is what people copy,
//! so for a pasted article it always shows the self-contained form
//! `#/s/<payload>/<view>` (the article compressed into the fragment, see
//! [`crate::share`]): links inside the page stay short and local (a long
//! payload in every href would weigh on the page), and after each
//! navigation the entry's address is rewritten in place (`replaceState`,
//! no new history entry). Both forms render this one component, so back
//! and forward between them keep the page as it is. Opening the `#/s/`
//! form adds the article to the reader's own unless they have it.

use std::cell::RefCell;
use std::rc::Rc;

use gloo::render::request_animation_frame;
use gloo::timers::callback::Timeout;
use yew::prelude::*;

use super::article_list::{date_label, ArticleList};
use super::article_text::ArticleText;
use super::compare_panel::ComparePanel;
use super::events_panel::EventsPanel;
use super::interop;
use super::library::use_shelf;
use super::library::Library;
use super::library::ShelfAction;
use super::long_analysis::LongAnalysis;
use super::not_found::{MissingPasted, NotFound};
use super::place_data::WaitingForPlaceData;
use super::place_list::PlaceList;
use super::places_map::PlacesMap;
use super::share_bar::ShareBar;
use super::speakers_panel::SpeakersPanel;
use super::tab_bar::TabBar;
use super::Shared;
use crate::share::{self, SharedArticle};
use crate::view::{ArticleView, Selection, Tab};

mod selection_panel;
use selection_panel::SelectionPanel;

#[derive(PartialEq, Properties)]
pub struct ArticlePageProps {
    /// The article's id; ignored when `payload` carries the article.
    pub id: AttrValue,
    /// The article itself, from a `#/s/<payload>` address.
    #[prop_or_default]
    pub payload: Option<AttrValue>,
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
    let carried = use_memo(props.payload.clone(), |payload| {
        payload
            .as_ref()
            .map(|p| share::decode(p).map(|a| Rc::new(a.into_article())))
    });
    let carried_article = match &*carried {
        Some(Ok(article)) => Some(article.clone()),
        _ => None,
    };
    let id = carried_article
        .as_ref()
        .map_or_else(|| props.id.to_string(), |a| a.id.clone());
    // The reader's own copy wins (it may have been renamed); a carried
    // article is shown at once, before the shelf has taken it.
    let article = library.get(&id).or_else(|| carried_article.clone());
    let pasted = carried_article.is_some() || shelf.is_pasted(&id);
    let parsed = ArticleView::parse_with_across(&props.rest);
    let view_path = match &parsed {
        Ok((view, across)) if TABS.contains(&view.tab) => view.to_path_with_across(*across),
        _ => String::new(),
    };
    // Encoded once per version of the article, not per view or render.
    let payload = use_memo(article.clone().filter(|_| pasted).map(Shared), |article| {
        article
            .as_ref()
            .map(|a| Rc::<str>::from(share::encode(&SharedArticle::from_article(a))))
    });
    use_effect_with(carried.clone(), {
        let shelf = shelf.clone();
        move |carried| {
            if let Some(Ok(article)) = &**carried {
                // Back to the address of an article just deleted shows it
                // from the address without undoing the deletion.
                let deleted = shelf
                    .deleted
                    .as_ref()
                    .is_some_and(|(_, d)| d.id == article.id);
                if !shelf.is_pasted(&article.id) && !deleted {
                    shelf.dispatch(ShelfAction::Add((**article).clone()));
                }
            }
        }
    });
    // Rewritten just after the frame that shows the view, not inside it: a
    // long address costs the browser milliseconds to write (the whole
    // article is in it), which would delay the selection's answer. A newer
    // view, or leaving the page, cancels a rewrite not yet done.
    use_effect_with((payload.clone(), view_path), |(payload, view_path)| {
        let pending = Rc::new(RefCell::new(None::<Timeout>));
        let frame = (**payload).as_ref().map(|payload| {
            let fragment = share::shared_fragment(payload, view_path);
            let pending = pending.clone();
            // Called before the frame is painted; the timeout runs after.
            request_animation_frame(move |_| {
                *pending.borrow_mut() = Some(Timeout::new(0, move || {
                    // Past the limit the short local address stays (the share
                    // notice says so); an unchanged address is left alone.
                    if fragment.len() <= share::ADDRESS_MAX_CHARS
                        && interop::current_fragment() != fragment
                    {
                        let _ = interop::replace_fragment(&fragment);
                    }
                }));
            })
        });
        move || {
            drop(frame);
            pending.borrow_mut().take();
        }
    });

    if let Some(Err(error)) = &*carried {
        return bad_link(&error.to_string());
    }
    let Some(article) = article else {
        return if share::is_pasted_id(&id) {
            html! { <MissingPasted id={AttrValue::from(id)} /> }
        } else {
            html! { <NotFound what="article" id={AttrValue::from(id)} /> }
        };
    };
    let page_id = AttrValue::from(article.id.clone());
    let deleted_notice = (carried_article.is_some() && !shelf.is_pasted(&id) && shelf.deleted.as_ref().is_some_and(|(_, d)| d.id == id))
        .then(|| "You deleted this article from your articles; this address carries it, so it is shown here all the same.".to_string());
    let (view, across, notice) = match parsed {
        Ok((view, across)) if TABS.contains(&view.tab) => (view, across, None),
        Ok(_) => (
            ArticleView::default(),
            false,
            Some("This version has no such view, so the article opens on its places.".to_string()),
        ),
        Err(bad) => (ArticleView::default(), false, Some(bad.to_string())),
    };

    let Some(analysis) = library.analysis_if_quick(&article) else {
        if !library.place_data_ready() {
            return html! {
                <article class="explorer" aria-labelledby="article-title">
                    <header class="explorer-head"><h1 id="article-title">{ &article.title }</h1></header>
                    <WaitingForPlaceData article={article.clone()} />
                </article>
            };
        }
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
        Tab::Events => html! {
            <EventsPanel id={page_id.clone()} article={article.clone()} analysis={analysis.clone()} />
        },
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
            <ComparePanel article={article.clone()} analysis={analysis.clone()} selection={view.selection.clone()} {across} />
        },
        _ => html! {
            <PlaceList id={page_id.clone()} article={article.clone()} analysis={analysis.clone()} selected={selected_slug.clone()} />
        },
    };
    let with_map = view.tab != Tab::Compare;
    let answered =
        with_map && matches!(view.selection, Selection::Place(_) | Selection::Speaker(_));
    html! {
        <article class={classes!("explorer", answered.then_some("has-selection"))} aria-labelledby="article-title">
            <header class="explorer-head">
                <h1 id="article-title">{ &article.title }</h1>
                <p class="article-meta">
                    <span>{ date_label(&article) }</span>
                    <span class="source">{ &article.source }</span>
                </p>
                { for notice.iter().chain(place_notice.iter()).chain(deleted_notice.iter()).map(|n| html! { <p class="notice" role="status">{ n }</p> }) }
                <ShareBar article={article.clone()} analysis={analysis.clone()} view={view.clone()} {across} payload={(*payload).clone()} />
            </header>
            <TabBar id={page_id.clone()} active={view.tab} tabs={TABS.to_vec()} selection={view.selection.clone()} />
            <div class={classes!("explorer-body", with_map.then_some("with-map"))}>
                // The map stays mounted on every tab (hidden beside the two
                // columns of Side by side, which need its width), so the
                // reader's pan and zoom survive a trip to another tab; keyed
                // by article, so another article fits afresh.
                <div class="explorer-stage" hidden={!with_map}>
                    <PlacesMap key={page_id.to_string()} id={page_id.clone()} article={article.clone()} analysis={analysis.clone()} selected={selected_slug} tab={view.tab}
                        events_only={view.tab == Tab::Events} />
                    if with_map {
                        <SelectionPanel article={article.clone()} analysis={analysis.clone()} tab={view.tab} selection={view.selection.clone()} />
                    }
                </div>
                <section class="explorer-panel" aria-label={view.tab.label()}>{ panel }</section>
            </div>
        </article>
    }
}

/// A `#/s/` link whose article could not be read: why, and the list.
fn bad_link(why: &str) -> Html {
    html! {
        <>
            <p class="notice" role="alert">
                { format!("This shared link could not be opened: {why} Your saved articles are unchanged.") }
            </p>
            <ArticleList />
        </>
    }
}
