//! The article text with its places (and, where found, speakers and quotes)
//! highlighted. Each highlight is a link that selects its item everywhere;
//! highlights differ by underline style and weight, not colour alone.

use yew::prelude::*;
use yew_router::prelude::*;

use super::route::{article_view, Route};
use super::Shared;
use crate::analysis::{Analysis, Span};
use crate::articles::Article;
use crate::highlight::{pieces, Mark, MarkKind, Piece};
use crate::speakers::{SpeakerIndex, Who};
use crate::view::{ArticleView, Selection, Tab};

#[derive(PartialEq, Properties)]
pub struct ArticleTextProps {
    pub article: Shared<Article>,
    pub analysis: Shared<Analysis>,
    pub selection: Selection,
}

#[component]
pub fn ArticleText(props: &ArticleTextProps) -> Html {
    let analysis = &props.analysis;
    let derived = use_memo(props.analysis.clone(), |a| {
        let speakers = SpeakerIndex::new(&a.0);
        let marks = all_marks(&a.0, &speakers);
        (speakers, marks)
    });
    let (speakers, marks) = (&derived.0, &derived.1);
    let selected_speaker = match &props.selection {
        Selection::Speaker(slug) => speakers.find(slug),
        _ => None,
    };
    let selected_sentence = match props.selection {
        Selection::Sentence(n) => Some(n),
        _ => None,
    };
    let selected_place = match &props.selection {
        Selection::Place(slug) => analysis.places.iter().position(|p| &p.slug == slug),
        _ => None,
    };

    // A sentence asked for ("Show in the text") is brought into view, and
    // so is the selection the text opens with (a link). A place or speaker
    // chosen while reading is answered in the panel under the map: the
    // text stays where the reader is.
    let opened = use_mut_ref(|| false);
    let first_target = selected_sentence.map(|n| format!("s-{n}")).or_else(|| {
        let first_render = !opened.replace(true);
        (first_render && (selected_place.is_some() || selected_speaker.is_some()))
            .then(|| "first-selected".to_string())
    });
    use_effect_with(first_target, |target| {
        if let Some(id) = target {
            if let Some(el) = gloo::utils::document().get_element_by_id(id) {
                el.scroll_into_view_with_bool(false);
            }
        }
    });

    let ctx = Ctx {
        props,
        marks,
        selected_sentence,
        selected_place,
        speakers,
        selected_speaker,
    };
    let mut first_selected_done = false;
    html! {
        <div class="article-text highlighted" aria-label="Article text">
            { for analysis.paragraphs.iter().enumerate().map(|(p, paragraph)| {
                let sentences = analysis.sentences.iter().enumerate().filter(|(_, s)| s.paragraph == p);
                html! {
                    <p key={p}>
                        { for sentences.map(|(n, s)| ctx.sentence(n, s.span, &mut first_selected_done)) }
                        { uncovered_tail(&props.article.text, paragraph.span, analysis, p) }
                    </p>
                }
            }) }
        </div>
    }
}

struct Ctx<'a> {
    props: &'a ArticleTextProps,
    marks: &'a [Mark],
    selected_sentence: Option<usize>,
    selected_place: Option<usize>,
    speakers: &'a SpeakerIndex,
    selected_speaker: Option<Who>,
}

impl Ctx<'_> {
    fn sentence(&self, n: usize, span: Span, first_selected_done: &mut bool) -> Html {
        let selected = self.selected_sentence == Some(n);
        let body: Html = pieces(span, self.marks)
            .iter()
            .map(|piece| self.piece(piece, first_selected_done))
            .collect();
        html! {
            <>
                <span id={format!("s-{n}")} class={classes!("sentence", selected.then_some("selected"))}
                    aria-current={selected.then_some("true")}>{ body }</span>
                { " " }
            </>
        }
    }

    fn piece(&self, piece: &Piece, first_selected_done: &mut bool) -> Html {
        let text = piece.span.slice(&self.props.article.text);
        let analysis = &self.props.analysis;
        let id = &self.props.article.id;
        let mut inner = match piece
            .place
            .and_then(|i| analysis.places.get(i).map(|p| (i, p)))
        {
            Some((i, place)) => {
                let selected = self.selected_place == Some(i);
                let anchor = (selected && !*first_selected_done).then(|| {
                    *first_selected_done = true;
                    "first-selected"
                });
                let to = article_view(id, &ArticleView::place(Tab::Text, &place.slug));
                html! {
                    <span id={anchor} class="hl-wrap">
                        <Link<Route> to={to} classes={classes!("hl", "hl-place", selected.then_some("selected"))}>
                            { text }
                        </Link<Route>>
                    </span>
                }
            }
            None => self.speaker_link(piece, text, first_selected_done),
        };
        if piece.quote.is_some() {
            inner = html! { <span class="hl-quote">{ inner }</span> };
        }
        inner
    }
}

impl Ctx<'_> {
    /// A mention of a speaker links to their statements, and so does a
    /// quote, to whoever said it. A place inside either keeps its own link
    /// (links cannot nest): the more specific mark wins.
    fn speaker_link(&self, piece: &Piece, text: &str, first_selected_done: &mut bool) -> Html {
        let analysis = &self.props.analysis;
        let quoted_by = piece
            .quote
            .and_then(|q| analysis.quotes.get(q))
            .and_then(|q| q.speaker);
        let (p, class) = match (piece.speaker, quoted_by) {
            (Some(p), _) => (p, "hl-speaker"),
            (None, Some(p)) => (p, "hl-quote-link"),
            (None, None) => return html! { { text } },
        };
        let Some(person) = analysis
            .people
            .get(p)
            .filter(|_| p < self.speakers.slugs.len())
        else {
            return html! { { text } };
        };
        let selected = match self.selected_speaker {
            Some(Who::Person(s)) => s == p,
            Some(Who::Side(s)) => self.speakers.side_of(p) == Some(s),
            _ => false,
        };
        // "he", "the spokesman", a quote: the tooltip says who is meant.
        let title = match class {
            "hl-speaker" => (text.trim() != person.name).then(|| person.name.clone()),
            _ => Some(format!("Quoted: {}", person.name)),
        };
        let anchor = (selected && !*first_selected_done).then(|| {
            *first_selected_done = true;
            "first-selected"
        });
        html! {
            <span id={anchor} class="hl-wrap" {title}>
                <Link<Route> to={text_speaker(&self.props.article.id, &self.speakers.slugs[p])}
                    classes={classes!("hl", class, selected.then_some("selected"))}>
                    { text }
                </Link<Route>>
            </span>
        }
    }
}

/// The text, with the speaker `slug` selected: their details show beside
/// the text rather than on another tab.
fn text_speaker(id: &str, slug: &str) -> Route {
    article_view(
        id,
        &ArticleView {
            tab: Tab::Text,
            selection: Selection::Speaker(slug.to_string()),
        },
    )
}

/// Every place mention, every mention of someone who speaks, and every
/// quote as a mark, in text order.
fn all_marks(analysis: &Analysis, speakers: &SpeakerIndex) -> Vec<Mark> {
    let places = analysis.places.iter().enumerate().flat_map(|(i, p)| {
        p.mentions.iter().map(move |&span| Mark {
            span,
            kind: MarkKind::Place,
            item: i,
        })
    });
    let people = analysis
        .people
        .iter()
        .enumerate()
        .filter(|(i, _)| speakers.statements.get(*i).is_some_and(|s| !s.is_empty()))
        .flat_map(|(i, p)| {
            p.mentions.iter().map(move |m| Mark {
                span: m.span,
                kind: MarkKind::Speaker,
                item: i,
            })
        });
    let quotes = analysis.quotes.iter().enumerate().map(|(i, q)| Mark {
        span: q.outer(),
        kind: MarkKind::Quote,
        item: i,
    });
    let mut marks: Vec<Mark> = places.chain(people).chain(quotes).collect();
    marks.sort_by_key(|m| m.span.start);
    marks
}

/// Text of a paragraph after its last sentence (normally none).
fn uncovered_tail(text: &str, paragraph: Span, analysis: &Analysis, p: usize) -> Html {
    let end = analysis
        .sentences
        .iter()
        .filter(|s| s.paragraph == p)
        .map(|s| s.span.end)
        .max()
        .unwrap_or(paragraph.start);
    let tail = Span::new(end.max(paragraph.start), paragraph.end)
        .slice(text)
        .trim();
    html! { { tail.to_string() } }
}
