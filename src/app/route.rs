//! The routes of the page. Hash based (`#/a/seed-1`), so links work from any
//! static host and any sub-path, and reloading keeps the view.

use yew::prelude::*;
use yew_router::prelude::*;

use super::{about::About, article_list::ArticleList, article_page::ArticlePage, not_found::NotFound};

#[derive(Clone, Debug, PartialEq, Eq, Routable)]
pub enum Route {
    #[at("/")]
    Home,
    #[at("/a/:id")]
    Article { id: String },
    #[at("/about")]
    About,
    #[not_found]
    #[at("/404")]
    NotFound,
}

/// Renders the view for a route.
pub fn render(route: Route) -> Html {
    match route {
        Route::Home => html! { <ArticleList /> },
        Route::Article { id } => html! { <ArticlePage id={AttrValue::from(id)} /> },
        Route::About => html! { <About /> },
        Route::NotFound => html! { <NotFound what="page" /> },
    }
}
