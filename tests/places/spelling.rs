// Native only: the bundled gazetteer through the public analysis.
//! Rule class 6 of issue 13: a transliteration variant of a name finds the
//! place, a different name does not jump to a look-alike elsewhere.
//! Sentences written for these tests.

use news_atlas::analysis::{analyze, mentions::transliteration_key};

#[test]
fn transliteration_variants_share_a_key() {
    for (a, b) in [
        ("Kharkiv", "Kharkov"),
        ("Khan Younis", "Khan Yunis"),
        ("Hassakeh", "Al-Hasakah"),
        ("Tal Abyad", "Tall Abyad"),
        ("Lower Shabelle", "Lower Shebelle"),
        ("Northwest Frontier", "North-West Frontier"),
        ("Mariupol", "Mariupil"),
        ("Qamishli", "Kamishli"),
        ("Deir ez-Zor", "Deir ez Zor"),
        ("Mosul", "Mossoul"),
        ("Kraków", "Krakow"),
    ] {
        assert_eq!(transliteration_key(a), transliteration_key(b), "{a} / {b}");
        assert!(transliteration_key(a).is_some(), "{a}");
    }
}

#[test]
fn different_names_have_different_keys() {
    for (a, b) in [
        ("Pokrovsk", "Pokrovka"),
        ("Kherson", "Kharkiv"),
        ("Bakhmut", "Bakhchysarai"),
        ("Izium", "Irpin"),
        ("Sumy", "Sambir"),
        ("Rafah", "Raqqa"),
        ("Homs", "Hama"),
        ("Aden", "Adana"),
        ("Lviv", "Lutsk"),
        ("Gaza", "Goma"),
    ] {
        assert_ne!(transliteration_key(a), transliteration_key(b), "{a} / {b}");
    }
    // Too short to tell names apart.
    assert_eq!(transliteration_key("Ea"), None);
}

/// (canonical name, country) of every place.
fn places(text: &str) -> Vec<(String, Option<String>)> {
    analyze(text)
        .places
        .iter()
        .map(|p| (p.name.clone(), p.country.clone()))
        .collect()
}

#[test]
fn a_marked_variant_spelling_resolves_in_the_articles_country() {
    for (text, want) in [
        (
            "Kurdish fighters held the town of Tal Abyad in Syria.",
            "Tall Abyad",
        ),
        (
            "Syria said the province of Hassakeh was calm.",
            "Al-Hasakah",
        ),
        (
            "Troops entered the Lower Shabelle region, Somalia's army said.",
            "Lower Shebelle",
        ),
        (
            "Somalia sent troops to the Middle Shabelle region.",
            "Middle Shebelle",
        ),
        (
            "Syrian shelling hit the town of Tall Abyad again.",
            "Tall Abyad",
        ),
        (
            "In Syria, the town of Tel Abyad emptied overnight.",
            "Tall Abyad",
        ),
        (
            "Syria's army shelled the province of Hasakeh.",
            "Al-Hasakah",
        ),
        (
            "Aid reached the Lower Shebele region of Somalia.",
            "Lower Shebelle",
        ),
        (
            "Syria reported clashes in the province of Al-Hassakah.",
            "Al-Hasakah",
        ),
        (
            "The Middle Shebele region of Somalia flooded.",
            "Middle Shebelle",
        ),
    ] {
        let got = places(text);
        assert!(got.iter().any(|(n, _)| n == want), "{text}: {got:?}");
    }
}

#[test]
fn a_variant_spelling_never_jumps_to_another_country() {
    for text in [
        "Rebels took the town of Tal Abyad, officials in Peru said.",
        "Heavy rain hit the province of Hassakeh, Chile's office said.",
        "Floods reached the Lower Shabelle region, Norway's agency said.",
        "The village of Pokrovskiyy was shelled, said a report from Brazil.",
        "Fighting was heard near the town of Tel Abyad, Japan said.",
        "The province of Hasakeh was quiet, according to Canada.",
        "The town of Tall Abyadd was cut off, officials in Mexico said.",
        "The Middle Shabelle region saw floods, said Argentina.",
        "Police in Kenya said the town of Tal Abyed was calm.",
        "The province of Al-Hassakah, Spain said, was calm.",
    ] {
        let a = analyze(text);
        // Whatever the gazetteer holds, no place is taken on a spelling
        // variant in a country the article does not name.
        assert!(
            a.places
                .iter()
                .all(|p| !p.reason.contains("spells the name differently")),
            "{text}: {:?}",
            places(text)
        );
    }
}
