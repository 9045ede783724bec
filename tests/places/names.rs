// Native only: the bundled gazetteer through the public analysis.
//! Rule classes 1 and 2 of issue 13: a place word inside a person's or an
//! organisation's name names no place; a place in an official's title
//! does. Sentences written for these tests.

use news_atlas::analysis::analyze;

/// The mention texts of every place.
fn mentions(text: &str) -> Vec<String> {
    analyze(text)
        .places
        .iter()
        .flat_map(|p| p.mentions.iter().map(|m| m.slice(text).to_string()))
        .collect()
}

fn no_place_named(text: &str, word: &str) {
    let got = mentions(text);
    assert!(got.iter().all(|m| !m.contains(word)), "{text}: {got:?}");
}

#[test]
fn place_words_in_persons_names_are_not_places() {
    for (text, word) in [
        ("Chelsea Clinton spoke at the gala on Monday.", "Chelsea"),
        ("The film starred Austin Butler as the singer.", "Austin"),
        ("Students still read Jack London in school.", "London"),
        ("Paris Hilton opened a shop last week.", "Paris"),
        ("Defense Secretary Austin met his counterparts.", "Austin"),
        ("Senator Lincoln voted against the bill.", "Lincoln"),
        ("Gov. Madison signed the order late on Friday.", "Madison"),
        ("Gen. Orlando briefed reporters about the raid.", "Orlando"),
        (
            "The novel was by Jack London, the publisher said.",
            "London",
        ),
        ("Critics praised Georgia Meloni's speech.", "Georgia"),
        ("Israel Katz said the army was ready.", "Israel"),
        ("Jordan Peterson spoke to a full hall.", "Jordan"),
    ] {
        no_place_named(text, word);
    }
}

#[test]
fn a_bare_place_after_a_namesake_person_is_still_a_place() {
    for (text, place) in [
        ("Paris Hilton flew to Paris on Sunday.", "Paris"),
        (
            "Jack London was born far from London, but visited London often.",
            "London",
        ),
        (
            "Austin Butler returned to Austin for the premiere.",
            "Austin",
        ),
        ("Israel Katz said rockets hit towns in Israel.", "Israel"),
        (
            "Chelsea Clinton spoke in Chelsea, Massachusetts.",
            "Chelsea",
        ),
        ("Jordan Peterson lectured in Jordan last year.", "Jordan"),
        ("Georgia Meloni flew to Georgia for talks.", "Georgia"),
        (
            "Senator Lincoln toured a factory in Lincoln, Nebraska.",
            "Lincoln",
        ),
        ("Gen. Orlando landed in Orlando late at night.", "Orlando"),
        ("Gov. Madison was cheered in Madison, Wisconsin.", "Madison"),
    ] {
        let got = mentions(text);
        assert!(got.iter().any(|m| m == place), "{text}: {got:?}");
    }
}

#[test]
fn place_words_in_organisations_names_are_not_places() {
    for (text, word) in [
        ("Air France cancelled its morning flights.", "France"),
        ("Radio Free Europe broadcast the interview.", "Europe"),
        ("France 24 aired the footage on Tuesday.", "France"),
        ("The Bank of England raised interest rates.", "England"),
        ("The Japan Times ran the story first.", "Japan"),
        ("Real Madrid won the match in extra time.", "Madrid"),
        (
            "Fighters of the Islamic State in Iraq and the Levant retreated.",
            "Iraq",
        ),
        (
            "The Security Service of Ukraine detained a suspect.",
            "Ukraine",
        ),
        ("She studied at the University of Nairobi.", "Nairobi"),
        ("The Voice of America reported the vote.", "America"),
        ("Air India resumed flights after the storm.", "India"),
        ("The Church of England issued a statement.", "England"),
    ] {
        no_place_named(text, word);
    }
}

#[test]
fn places_in_titles_and_state_names_still_count() {
    for (text, place) in [
        (
            "Kharkiv Regional Governor Oleh Syniehubov spoke.",
            "Kharkiv",
        ),
        ("New Orleans Mayor Ray Nagin asked for help.", "New Orleans"),
        ("The Republic of Korea sent rescuers.", "Republic of Korea"),
        ("Oil spilled into the Gulf of Mexico.", "Gulf of Mexico"),
        ("The Governor of Texas declared an emergency.", "Texas"),
        ("The President of Kenya visited the flooded area.", "Kenya"),
        ("Ships crossed the Sea of Azov at night.", "Sea of Azov"),
        ("Envoys from France and Germany met in Vienna.", "France"),
        (
            "Odesa Mayor Hennadiy Trukhanov said power was back.",
            "Odesa",
        ),
        ("The Prime Minister of India flew to Dhaka.", "India"),
    ] {
        let got = mentions(text);
        assert!(got.iter().any(|m| m == place), "{text}: {got:?}");
    }
}
