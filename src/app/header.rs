//! The page header: name, tagline and the main navigation.

use yew::prelude::*;
use yew_router::prelude::*;

use super::library::{use_shelf, ShelfAction};
use super::route::Route;

#[component]
pub fn Header() -> Html {
    html! {
        <>
        <header class="site-header">
            <a class="skip-link" href="#main">{ "Skip to content" }</a>
            <Link<Route> to={Route::Home} classes="brand">
                <span class="brand-mark" aria-hidden="true">{ "◎" }</span>
                <span class="brand-name">{ "News Atlas" }</span>
            </Link<Route>>
            <p class="tagline">{ "Where it happened and who said what, read on your device." }</p>
            <nav aria-label="Main">
                <Link<Route> to={Route::Home}>{ "Articles" }</Link<Route>>
                <Link<Route> to={Route::All}>{ "All places" }</Link<Route>>
                <Link<Route> to={Route::Paste}>{ "Paste" }</Link<Route>>
                <Link<Route> to={Route::About}>{ "About" }</Link<Route>>
            </nav>
        </header>
        <ShelfNotice />
        </>
    }
}

/// A message about saving or opening articles, until dismissed.
#[component]
fn ShelfNotice() -> Html {
    let shelf = use_shelf();
    let Some(notice) = shelf.notice.clone() else {
        return Html::default();
    };
    let on_dismiss = Callback::from(move |_| shelf.dispatch(ShelfAction::Notice(None)));
    html! {
        <div class="shelf-notice notice" role="alert">
            <p>{ notice }</p>
            <button type="button" onclick={on_dismiss}>{ "Dismiss" }</button>
        </div>
    }
}
