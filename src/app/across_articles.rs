//! One speaker or side across every article in the library, a column per
//! article in date order: the same person in March and in December. A
//! speaker is matched by slug, else by surname (see
//! [`SpeakerIndex::find_across`]); a side by its code.

use std::rc::Rc;

use yew::prelude::*;

use super::article_list::date_label;
use super::library::Library;
use super::speakers_panel::plural;
use super::statement_card::StatementCard;
use super::Shared;
use crate::analysis::Analysis;
use crate::articles::Article;
use crate::speakers::{SpeakerIndex, Who};

#[derive(PartialEq, Properties)]
pub struct AcrossArticlesProps {
    /// The slug of the speaker or side, as in the current article's URL.
    pub slug: AttrValue,
    /// The current article's id, marked in its column.
    pub current: AttrValue,
}

/// One article's part: the article, its analysis and who matched there.
struct Column {
    article: Rc<Article>,
    analysis: Rc<Analysis>,
    index: SpeakerIndex,
    who: Option<Who>,
}

#[component]
pub fn AcrossArticles(props: &AcrossArticlesProps) -> Html {
    let library = use_context::<Rc<Library>>().expect("Library context is provided by App");
    let columns = use_memo((props.slug.clone(), library), |(slug, library)| {
        columns(library, slug)
    });
    let name = columns
        .iter()
        .find_map(|c| c.who.map(|who| c.index.label(&c.analysis, who)))
        .unwrap_or_else(|| props.slug.to_string());
    let heading_id = format!("across-{}", props.slug);
    html! {
        <section class="across" aria-labelledby={heading_id.clone()}>
            <h3 id={heading_id}>{ format!("{name} across articles") }</h3>
            <div class="across-columns">
                { for columns.iter().map(|c| column(c, &name, c.article.id == props.current.as_str())) }
            </div>
        </section>
    }
}

fn column(c: &Column, name: &str, current: bool) -> Html {
    let statements = c
        .who
        .map(|who| c.index.statements_of(who))
        .unwrap_or_default();
    let show_speaker = !matches!(c.who, Some(Who::Person(_)));
    let article = Shared(c.article.clone());
    let analysis = Shared(c.analysis.clone());
    html! {
        <section class={classes!("across-col", current.then_some("current"))} key={c.article.id.clone()}>
            <h4>
                <span class="across-date">{ date_label(&c.article) }</span>
                <span class="across-title">{ &c.article.title }</span>
                if current { <span class="badge">{ "this article" }</span> }
            </h4>
            <p class="col-facts">{ plural(statements.len(), "statement") }</p>
            if statements.is_empty() {
                <p class="empty">{ format!("{name} says nothing in this article.") }</p>
            }
            <ol class="statement-list" aria-label={format!("{name} in {}", c.article.title)}>
                { for statements.iter().map(|&n| html! {
                    <li key={n}>
                        <StatementCard article={article.clone()} analysis={analysis.clone()} statement={n} {show_speaker} />
                    </li>
                }) }
            </ol>
        </section>
    }
}

/// Every article, oldest first (undated last), with who `slug` names there.
fn columns(library: &Library, slug: &str) -> Vec<Column> {
    let mut articles: Vec<Rc<Article>> = library.articles.clone();
    articles.sort_by(|a, b| {
        (a.date.is_none(), &a.date, &a.id).cmp(&(b.date.is_none(), &b.date, &b.id))
    });
    // A long pasted article joins once it has been opened and analysed in parts.
    articles
        .into_iter()
        .filter_map(|article| {
            library
                .analysis_if_quick(&article)
                .map(|analysis| (article, analysis))
        })
        .map(|(article, analysis)| {
            let index = SpeakerIndex::new(&analysis);
            let who = index.find_across(&analysis, slug);
            Column {
                article,
                analysis,
                index,
                who,
            }
        })
        .collect()
}
