//! The Yew page. Compiled only for wasm32.
//!
//! [`App`] owns the router; the URL (hash based, so the page works from any
//! static host and sub-path) is the source of truth for what is shown.
//! Components are one per file and named after what they show.

mod about;
mod across_articles;
mod all_articles;
mod article_list;
mod article_page;
mod article_text;
mod bench_api;
mod compare_columns;
mod compare_panel;
mod compare_pickers;
mod contrast_pair;
mod crash_panel;
mod events_panel;
mod header;
mod interop;
mod library;
mod long_analysis;
pub mod map;
mod not_found;
mod paste_panel;
mod place_data;
mod place_details;
mod place_list;
mod places_map;
pub mod route;
mod share_bar;
mod speaker_details;
mod speakers_panel;
mod speech_labels;
mod state;
mod statement_card;
mod tab_bar;

use std::ops::Deref;
use std::rc::Rc;

use yew::prelude::*;
use yew_router::prelude::*;

pub use library::Library;
use route::Route;

/// Mounts the app in `#app`, replacing the loading notice.
pub fn start() {
    crash_panel::install();
    let root = gloo::utils::document().get_element_by_id("app");
    match root {
        Some(root) => {
            root.set_text_content(None);
            yew::Renderer::<App>::with_root(root).render();
        }
        None => {
            yew::Renderer::<App>::new().render();
        }
    }
    crash_panel::panic_if_asked();
}

/// The whole page: header, then the view the route names.
#[component]
pub fn App() -> Html {
    let shelf = use_reducer(library::Shelf::load);
    let analyses = use_memo((), |_| library::Analyses::default());
    // Fetched once the app runs; until it is here, only what needs no
    // gazetteer is drawn (see place_data).
    let place_data = place_data::use_place_data_loader();
    let library = use_memo((shelf.revision, analyses.clone(), place_data.ready()), {
        let shelf = shelf.clone();
        move |(_, analyses, ready)| Library::new(&shelf, analyses.clone(), *ready)
    });
    // Keep the shelf in browser storage; a refusal becomes a notice.
    use_effect_with(shelf.revision, {
        let shelf = shelf.clone();
        move |&revision| {
            if revision > 0 {
                if let Err(why) = shelf.save() {
                    shelf.dispatch(library::ShelfAction::Notice(Some(why)));
                }
            }
        }
    });
    let ui = use_reducer(state::UiState::default);
    html! {
        <ContextProvider<library::ShelfHandle> context={shelf}>
        <ContextProvider<Rc<Library>> context={library}>
        <ContextProvider<state::Ui> context={ui}>
        <ContextProvider<place_data::PlaceData> context={place_data}>
            <HashRouter>
                <header::Header />
                <place_data::PlaceDataProblem />
                <main id="main" class="page">
                    <Switch<Route> render={route::render} />
                </main>
            </HashRouter>
        </ContextProvider<place_data::PlaceData>>
        </ContextProvider<state::Ui>>
        </ContextProvider<Rc<Library>>>
        </ContextProvider<library::ShelfHandle>>
    }
}

/// Shared, immutable data passed down as a prop: equal when it is the same
/// allocation, so a re-render never compares or clones a whole analysis.
pub struct Shared<T>(pub Rc<T>);

impl<T> Clone for Shared<T> {
    fn clone(&self) -> Self {
        Shared(self.0.clone())
    }
}

impl<T> PartialEq for Shared<T> {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

impl<T> Deref for Shared<T> {
    type Target = T;
    fn deref(&self) -> &T {
        &self.0
    }
}
