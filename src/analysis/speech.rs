//! The "who said what" stages, run after the places stages: people, quotes,
//! statements, events and contrasts, all reading one token stream.

use super::place_mentions::PlaceMentions;
use super::{contrasts, events, people, quotes, statements, tokens, Analysis};

/// Runs the speech stages over `text`, filling `analysis.people`, `quotes`,
/// `statements`, `contrasts` and `events`. Places, when the places stages
/// found any, tie statements and events to where they happen.
///
/// ```
/// let text = "Kremlin spokesperson Dmitry Peskov spoke on Monday. \
///             “Talks will go on,” he said.";
/// let a = news_atlas_analysis::analyze(text);
/// let s = &a.statements[0];
/// let who = &a.people[s.speaker.unwrap()];
/// assert_eq!((who.name.as_str(), who.affiliation.as_deref()), ("Dmitry Peskov", Some("RU")));
/// assert!(s.direct);
/// assert_eq!(s.content.slice(text), "Talks will go on,");
/// ```
pub fn run(text: &str, analysis: &mut Analysis) {
    let toks = tokens::tokenize(text);
    let lowered = tokens::Lowered::new(text, &toks);
    // Indexed once: four stages look up the places in or around a span.
    let place_mentions = PlaceMentions::new(&analysis.places);
    let mut found = people::find_people(
        text,
        &toks,
        &analysis.sentences,
        &analysis.places,
        &place_mentions,
    );
    let mut quotes = quotes::find_quotes(text, &analysis.paragraphs, &mut analysis.warnings);
    let statements = statements::find_statements(
        text,
        &toks,
        lowered.words(),
        &analysis.sentences,
        &analysis.paragraphs,
        &analysis.places,
        &place_mentions,
        &mut found,
        &mut quotes,
    );
    let people = found.people;
    // Events before contrasts: their figures, tied to statements, feed the
    // numbers rule.
    analysis.events = events::find_events(
        text,
        &toks,
        lowered.words(),
        &analysis.sentences,
        &analysis.places,
        &place_mentions,
        &statements,
    );
    (analysis.contrasts, analysis.camps) = contrasts::find_contrasts_and_camps(
        text,
        &analysis.sentences,
        &analysis.places,
        &people,
        &statements,
        &place_mentions,
        &analysis.events,
    );
    analysis.people = people;
    analysis.quotes = quotes;
    analysis.statements = statements;
}
