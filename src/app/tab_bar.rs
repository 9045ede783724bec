//! The explorer's tabs, as links: each tab is a URL.

use yew::prelude::*;
use yew_router::prelude::*;

use super::route::{article_view, Route};
use crate::view::{ArticleView, Selection, Tab};

#[derive(PartialEq, Properties)]
pub struct TabBarProps {
    pub id: AttrValue,
    pub active: Tab,
    pub tabs: Vec<Tab>,
    /// Carried over to the tabs that can show it: a place on Places and Text,
    /// a speaker on Speakers and Text, a pair on Side by side.
    #[prop_or_default]
    pub selection: Selection,
}

#[component]
pub fn TabBar(props: &TabBarProps) -> Html {
    html! {
        <nav class="tabs" aria-label="Article views">
            { for props.tabs.iter().map(|&tab| {
                let current = (tab == props.active).then_some("page");
                html! {
                    <span class="tab" aria-current={current}>
                        <Link<Route> to={article_view(&props.id, &carry(tab, &props.selection))}>
                            { tab.label() }
                        </Link<Route>>
                    </span>
                }
            }) }
        </nav>
    }
}

/// The view a tab link opens: the tab, keeping a selection it can show.
fn carry(tab: Tab, selection: &Selection) -> ArticleView {
    match (tab, selection) {
        (Tab::Places | Tab::Text, Selection::Place(_))
        | (Tab::Speakers | Tab::Text, Selection::Speaker(_))
        | (Tab::Compare, Selection::Pair(..)) => ArticleView {
            tab,
            selection: selection.clone(),
        },
        _ => ArticleView::tab(tab),
    }
}
