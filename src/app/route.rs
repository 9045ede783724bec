//! The routes of the page. Hash based (`#/a/seed-1`), so links work from any
//! static host and any sub-path, and reloading keeps the view.

use yew::prelude::*;
use yew_router::prelude::*;

use super::paste_panel::PastePanel;
use super::{
    about::About, all_articles::AllArticles, article_list::ArticleList, article_page::ArticlePage,
    not_found::NotFound,
};

#[derive(Clone, Debug, PartialEq, Eq, Routable)]
pub enum Route {
    #[at("/")]
    Home,
    #[at("/a/:id")]
    Article { id: String },
    /// A view of an article: `rest` is read by [`crate::view::ArticleView::parse`].
    #[at("/a/:id/*rest")]
    ArticleView { id: String, rest: String },
    #[at("/all")]
    All,
    /// The date filter and selected place: `rest` is read by
    /// [`crate::view::AllView::parse`].
    #[at("/all/*rest")]
    AllView { rest: String },
    #[at("/paste")]
    Paste,
    /// A link carrying a pasted article; also the address bar's form of
    /// every view of a pasted article, so it opens in any browser.
    #[at("/s/:payload")]
    Shared { payload: String },
    #[at("/s/:payload/*rest")]
    SharedView { payload: String, rest: String },
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
        Route::ArticleView { id, rest } => {
            html! { <ArticlePage id={AttrValue::from(id)} rest={AttrValue::from(rest)} /> }
        }
        Route::All => html! { <AllArticles /> },
        Route::AllView { rest } => html! { <AllArticles rest={AttrValue::from(rest)} /> },
        Route::Paste => html! { <PastePanel /> },
        // The same component as a local view, so moving between the two
        // forms (back and forward) keeps the page, its map and its state.
        Route::Shared { payload } => {
            html! { <ArticlePage id="" payload={AttrValue::from(payload)} /> }
        }
        Route::SharedView { payload, rest } => html! {
            <ArticlePage id="" payload={AttrValue::from(payload)} rest={AttrValue::from(rest)} />
        },
        Route::About => html! { <About /> },
        Route::NotFound => html! { <NotFound what="page" /> },
    }
}

/// The route of one view of an article.
pub fn article_view(id: &str, view: &crate::view::ArticleView) -> Route {
    article_view_across(id, view, false)
}

/// The route of one view of an article, with the compare-across switch.
pub fn article_view_across(id: &str, view: &crate::view::ArticleView, across: bool) -> Route {
    let rest = view.to_path_with_across(across);
    if rest.is_empty() {
        Route::Article { id: id.to_string() }
    } else {
        Route::ArticleView {
            id: id.to_string(),
            rest,
        }
    }
}

/// The route of the All places view.
pub fn all_view(view: &crate::view::AllView) -> Route {
    let rest = view.to_path();
    if rest.is_empty() {
        Route::All
    } else {
        Route::AllView { rest }
    }
}
