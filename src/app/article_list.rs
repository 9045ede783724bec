//! The list of articles to open.

use std::rc::Rc;

use yew::prelude::*;
use yew_router::prelude::*;

use super::{library::Library, route::Route};
use crate::articles::Article;

#[component]
pub fn ArticleList() -> Html {
    let library = use_context::<Rc<Library>>().expect("Library context is provided by App");
    html! {
        <section class="article-list" aria-labelledby="articles-heading">
            <h1 id="articles-heading">{ "Articles" }</h1>
            <ul class="cards">
                { for library.articles.iter().map(|a| article_card(a)) }
            </ul>
        </section>
    }
}

fn article_card(article: &Article) -> Html {
    html! {
        <li class="card" key={article.id.clone()}>
            <Link<Route> to={Route::Article { id: article.id.clone() }} classes="card-link">
                <span class="card-title">{ &article.title }</span>
            </Link<Route>>
            <p class="card-meta">{ date_label(article) }</p>
        </li>
    }
}

/// "2025-12-01 (inferred)" or "Date unknown".
pub fn date_label(article: &Article) -> String {
    match (&article.date, article.date_inferred) {
        (Some(date), true) => format!("{date} (date inferred)"),
        (Some(date), false) => date.clone(),
        (None, _) => "Date unknown".to_string(),
    }
}
