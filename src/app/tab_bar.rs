//! The explorer's tabs, as links: each tab is a URL.

use yew::prelude::*;
use yew_router::prelude::*;

use super::route::{article_view, Route};
use crate::view::{ArticleView, Tab};

#[derive(PartialEq, Properties)]
pub struct TabBarProps {
    pub id: AttrValue,
    pub active: Tab,
    pub tabs: Vec<Tab>,
}

#[component]
pub fn TabBar(props: &TabBarProps) -> Html {
    html! {
        <nav class="tabs" aria-label="Article views">
            { for props.tabs.iter().map(|&tab| {
                let current = (tab == props.active).then_some("page");
                html! {
                    <span class="tab" aria-current={current}>
                        <Link<Route> to={article_view(&props.id, &ArticleView::tab(tab))}>
                            { tab.label() }
                        </Link<Route>>
                    </span>
                }
            }) }
        </nav>
    }
}
