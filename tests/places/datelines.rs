// Native only: the bundled gazetteer through the public analysis.
//! Rule class 7 of issue 13: an all-capitals dateline at a paragraph's
//! start names a place; plural division words cover both names before them;
//! a district is a place apart from its town. Sentences written for these
//! tests.

use news_atlas::analysis::analyze;

/// (name, country, first mention's text) of every place.
fn places(text: &str) -> Vec<(String, Option<String>, String)> {
    analyze(text)
        .places
        .iter()
        .map(|p| {
            (
                p.name.clone(),
                p.country.clone(),
                p.mentions[0].slice(text).to_string(),
            )
        })
        .collect()
}

#[test]
fn datelines_name_a_place() {
    for (text, want, cc) in [
        (
            "NAIROBI, Kenya — Floods forced families from their homes.",
            "NAIROBI",
            "KE",
        ),
        (
            "DHAKA, Aug 14 — Monsoon rains kept falling on Friday.",
            "DHAKA",
            "BD",
        ),
        (
            "PHNOM PENH - The ruling party claimed a narrow win.",
            "PHNOM PENH",
            "KH",
        ),
        (
            "MOSCOW (AP) - Officials announced new fuel prices.",
            "MOSCOW",
            "RU",
        ),
        (
            "CAIRO — A court adjourned the trial until next month.",
            "CAIRO",
            "EG",
        ),
        (
            "Title line\nKABUL, Afghanistan - Aid convoys arrived late.",
            "KABUL",
            "AF",
        ),
        (
            "ISTANBUL — Ferries stopped running in the storm.",
            "ISTANBUL",
            "TR",
        ),
        (
            "  LIMA, Peru — Miners blocked a highway for a third day.",
            "LIMA",
            "PE",
        ),
        ("BOGOTA – Voters queued from early morning.", "BOGOTA", "CO"),
        (
            "WASHINGTON — The Senate passed the budget bill.",
            "WASHINGTON",
            "US",
        ),
        (
            "KHARTOUM, Sudan - Gunfire was heard near the airport.",
            "KHARTOUM",
            "SD",
        ),
    ] {
        let got = places(text);
        assert!(
            got.iter()
                .any(|(_, c, m)| m == want && c.as_deref() == Some(cc)),
            "{text}: {got:?}"
        );
    }
}

#[test]
fn capitals_that_are_not_datelines_are_not_places() {
    for text in [
        "BREAKING NEWS - markets fell sharply.",
        "UPDATE, 5 p.m.: the vote was delayed.",
        "The talks in PARIS resumed.",
        "NATO - the alliance met again.",
        "ANALYSIS — Why the talks stalled.",
        "OPINION - A letter to the editor.",
        "A B C, D said.",
        "EXCLUSIVE - Documents show the plan.",
        "WATCH: the storm makes landfall.",
        "UN - The assembly voted on Tuesday.",
    ] {
        let got = places(text);
        assert!(
            got.iter()
                .all(|(_, _, m)| m.chars().any(char::is_lowercase)),
            "{text}: {got:?}"
        );
    }
}
