//! Analyses a long text part by part, yielding to the browser between parts
//! so the page stays responsive, with progress and a way to cancel.

use std::cell::Cell;
use std::rc::Rc;

use yew::prelude::*;
use yew_router::prelude::*;

use super::library::Analyses;
use super::route::Route;
use crate::analysis::{parts, Analysis};
use crate::articles::Article;

#[derive(PartialEq, Properties)]
pub struct LongAnalysisProps {
    pub article: Rc<Article>,
    pub analyses: Rc<Analyses>,
    /// Called once the analysis is in `analyses`.
    pub on_done: Callback<()>,
}

#[component]
pub fn LongAnalysis(props: &LongAnalysisProps) -> Html {
    let progress = use_state(|| (0usize, 1usize));
    let cancelled = use_mut_ref(|| Rc::new(Cell::new(false)));
    let navigator = use_navigator();

    use_effect_with(props.article.id.clone(), {
        let article = props.article.clone();
        let analyses = props.analyses.clone();
        let on_done = props.on_done.clone();
        let progress = progress.clone();
        let flag = Rc::new(Cell::new(false));
        *cancelled.borrow_mut() = flag.clone();
        move |_| {
            let stop = flag.clone();
            yew::platform::spawn_local(async move {
                let pieces = parts::split(&article.text, parts::PART_BYTES);
                let total = pieces.len();
                let mut whole = Analysis::default();
                for (done, piece) in pieces.into_iter().enumerate() {
                    progress.set((done, total));
                    // Let the browser paint and handle input before each part.
                    gloo::timers::future::TimeoutFuture::new(0).await;
                    if stop.get() {
                        return;
                    }
                    parts::append(
                        &mut whole,
                        crate::analysis::analyze(piece.slice(&article.text)),
                        piece.start,
                    );
                }
                analyses.insert(&article.id, Rc::new(whole));
                on_done.emit(());
            });
            // Leaving the page stops the work.
            move || flag.set(true)
        }
    });

    let on_cancel = {
        let cancelled = cancelled.clone();
        Callback::from(move |_| {
            cancelled.borrow().set(true);
            if let Some(nav) = &navigator {
                nav.push(&Route::Home);
            }
        })
    };
    let (done, total) = *progress;
    let percent = done * 100 / total.max(1);
    html! {
        <section class="progress" aria-labelledby="progress-heading">
            <h2 id="progress-heading">{ "Analysing a long article" }</h2>
            <p>{ format!("{:.1} MB, part {} of {} ({percent}%). The page stays usable meanwhile.",
                props.article.text.len() as f64 / 1_048_576.0, (done + 1).min(total), total) }</p>
            <progress max={total.to_string()} value={done.to_string()} aria-label="Analysis progress">{ format!("{percent}%") }</progress>
            <button type="button" onclick={on_cancel}>{ "Cancel" }</button>
            <details class="waiting-text">
                <summary>{ "Read the beginning while you wait" }</summary>
                <p class="article-text">{ beginning(&props.article.text) }</p>
            </details>
        </section>
    }
}

/// About the first 2,000 bytes of the text, cut at a char boundary.
fn beginning(text: &str) -> &str {
    let mut end = text.len().min(2000);
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    &text[..end]
}
