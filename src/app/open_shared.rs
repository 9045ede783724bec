//! Opens a shared link that carries an article: decodes it, adds it to the
//! reader's articles unless they already have it, and shows the linked view.
//! A damaged link shows why and the article list; stored articles are
//! never touched by a bad link.

use yew::prelude::*;
use yew_router::prelude::*;

use super::article_list::ArticleList;
use super::library::{use_shelf, ShelfAction};
use super::route::Route;
use crate::share;
use crate::view::ArticleView;

#[derive(PartialEq, Properties)]
pub struct OpenSharedProps {
    pub payload: AttrValue,
    #[prop_or_default]
    pub rest: AttrValue,
}

#[component]
pub fn OpenShared(props: &OpenSharedProps) -> Html {
    let shelf = use_shelf();
    let navigator = use_navigator();
    let decoded = use_memo(props.payload.clone(), |payload| {
        share::decode(payload).map(share::SharedArticle::into_article)
    });
    use_effect_with(
        (decoded.clone(), props.rest.clone()),
        move |(decoded, rest)| {
            if let Ok(article) = &**decoded {
                let id = article.id.clone();
                if !shelf.pasted.iter().any(|a| a.id == id) {
                    shelf.dispatch(ShelfAction::Add(article.clone()));
                }
                // A view path this version cannot read opens the article's start.
                let target = match ArticleView::parse(rest) {
                    Ok(view) => super::route::article_view(&id, &view),
                    Err(_) => Route::Article { id },
                };
                if let Some(nav) = navigator {
                    nav.replace(&target);
                }
            }
        },
    );
    match &*decoded {
        Ok(_) => html! { <p class="boot" role="status">{ "Opening the shared article…" }</p> },
        Err(error) => html! {
            <>
                <p class="notice" role="alert">
                    { format!("This shared link could not be opened: {error} Your saved articles are unchanged.") }
                </p>
                <ArticleList />
            </>
        },
    }
}
