//! One article: its metadata and its text, paragraph by paragraph.

use std::rc::Rc;

use yew::prelude::*;

use super::{article_list::date_label, library::Library, not_found::NotFound};
use crate::analysis::segment;

#[derive(PartialEq, Properties)]
pub struct ArticlePageProps {
    pub id: AttrValue,
}

#[component]
pub fn ArticlePage(props: &ArticlePageProps) -> Html {
    let library = use_context::<Rc<Library>>().expect("Library context is provided by App");
    let Some(article) = library.get(&props.id) else {
        return html! { <NotFound what="article" id={props.id.clone()} /> };
    };
    let paragraphs = segment::segment(&article.text).paragraphs;
    html! {
        <article class="article" aria-labelledby="article-title">
            <h1 id="article-title">{ &article.title }</h1>
            <p class="article-meta">
                <span>{ date_label(&article) }</span>
                <span class="source">{ &article.source }</span>
            </p>
            <div class="article-text">
                { for paragraphs.iter().map(|p| html! { <p>{ p.span.slice(&article.text) }</p> }) }
            </div>
        </article>
    }
}
