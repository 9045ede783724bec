//! The Yew page. Compiled only for wasm32.
//!
//! [`App`] owns the router; the URL (hash based, so the page works from any
//! static host and sub-path) is the source of truth for what is shown.
//! Components are one per file and named after what they show.

mod about;
mod article_list;
mod article_page;
mod header;
mod library;
mod not_found;
pub mod route;

use yew::prelude::*;
use yew_router::prelude::*;

pub use library::Library;
use route::Route;

/// Mounts the app in `#app`, replacing the loading notice.
pub fn start() {
    console_error_panic_hook::set_once();
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
}

/// The whole page: header, then the view the route names.
#[component]
pub fn App() -> Html {
    let library = use_memo((), |_| Library::bundled());
    html! {
        <ContextProvider<std::rc::Rc<Library>> context={library}>
            <HashRouter>
                <header::Header />
                <main id="main" class="page">
                    <Switch<Route> render={route::render} />
                </main>
            </HashRouter>
        </ContextProvider<std::rc::Rc<Library>>>
    }
}
