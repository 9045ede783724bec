//! The list of articles to open: the reader's pasted ones (which can be
//! renamed and deleted, with undo) and the bundled ones.

use std::rc::Rc;

use web_sys::HtmlInputElement;
use yew::prelude::*;
use yew_router::prelude::*;

use super::library::{use_shelf, ShelfAction};
use super::route::Route;
use crate::articles::Article;

#[component]
pub fn ArticleList() -> Html {
    let shelf = use_shelf();
    let on_undo = {
        let shelf = shelf.clone();
        Callback::from(move |_| shelf.dispatch(ShelfAction::Undo))
    };
    html! {
        <section class="article-list" aria-labelledby="articles-heading">
            <div class="list-head">
                <h1 id="articles-heading">{ "Articles" }</h1>
                <Link<Route> to={Route::Paste} classes="button primary">{ "Paste an article" }</Link<Route>>
            </div>
            if let Some((_, deleted)) = &shelf.deleted {
                <p class="toast" role="status">
                    { format!("Deleted “{}”. ", deleted.title) }
                    <button type="button" onclick={on_undo}>{ "Undo" }</button>
                </p>
            }
            if !shelf.pasted.is_empty() {
                <h2>{ "Your articles" }</h2>
                <ul class="cards" aria-label="Your articles">
                    { for shelf.pasted.iter().map(|a| html! { <PastedCard key={a.id.clone()} article={a.clone()} /> }) }
                </ul>
                <h2>{ "Bundled articles" }</h2>
            }
            <ul class="cards" aria-label="Bundled articles">
                { for shelf.bundled.iter().map(|a| article_card(a)) }
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

#[derive(PartialEq, Properties)]
struct PastedCardProps {
    article: Rc<Article>,
}

/// A pasted article with rename and delete.
#[component]
fn PastedCard(props: &PastedCardProps) -> Html {
    let shelf = use_shelf();
    let renaming = use_state(|| false);
    let input = use_node_ref();
    let article = &props.article;
    let on_delete = {
        let shelf = shelf.clone();
        let id = article.id.clone();
        Callback::from(move |_| shelf.dispatch(ShelfAction::Delete(id.clone())))
    };
    let on_rename = {
        let renaming = renaming.clone();
        Callback::from(move |_| renaming.set(true))
    };
    let on_submit = {
        let shelf = shelf.clone();
        let renaming = renaming.clone();
        let input = input.clone();
        let id = article.id.clone();
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            if let Some(field) = input.cast::<HtmlInputElement>() {
                shelf.dispatch(ShelfAction::Rename {
                    id: id.clone(),
                    title: field.value(),
                });
            }
            renaming.set(false);
        })
    };
    let on_cancel = {
        let renaming = renaming.clone();
        Callback::from(move |_| renaming.set(false))
    };
    html! {
        <li class="card pasted">
            if *renaming {
                <form class="rename" onsubmit={on_submit}>
                    <label>
                        <span>{ "New title" }</span>
                        <input ref={input} type="text" value={article.title.clone()} required=true maxlength="300" />
                    </label>
                    <button type="submit">{ "Save" }</button>
                    <button type="button" onclick={on_cancel}>{ "Cancel" }</button>
                </form>
            } else {
                <Link<Route> to={Route::Article { id: article.id.clone() }} classes="card-link">
                    <span class="card-title">{ &article.title }</span>
                </Link<Route>>
                <p class="card-meta">
                    { date_label(article) }
                    if !article.source.is_empty() { { format!(" · {}", article.source) } }
                </p>
                <div class="card-actions">
                    <button type="button" onclick={on_rename} aria-label={format!("Rename “{}”", article.title)}>{ "Rename" }</button>
                    <button type="button" onclick={on_delete} aria-label={format!("Delete “{}”", article.title)}>{ "Delete" }</button>
                </div>
            }
        </li>
    }
}

/// "2025-12-01 (date inferred)", "2025-12-01" or "Date unknown".
pub fn date_label(article: &Article) -> String {
    match (&article.date, article.date_inferred) {
        (Some(date), true) => format!("{date} (date inferred)"),
        (Some(date), false) => date.clone(),
        (None, _) => "Date unknown".to_string(),
    }
}
