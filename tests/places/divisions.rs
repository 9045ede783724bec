// Native only: the bundled gazetteer through the public analysis.
//! The data side of issue 13 beyond towns: second-level divisions as
//! places apart from their towns ("X district", "X and Y districts",
//! counties and prefectures), every town of 1,000+ found only with strong
//! evidence, a village never beating a well-known namesake, rivers the
//! gazetteer lacks listed as unresolved, spellings of a village that name
//! another village, and a country's part of a divided region. Every
//! sentence is written for these tests.

use news_atlas::analysis::{analyze, Analysis, PlaceKind};

use super::km;

/// (sentence, the name as written, latitude, longitude)
type At = (&'static str, &'static str, f64, f64);

/// The place whose mention covers the first `name` of `text`.
fn place_at<'a>(
    a: &'a Analysis,
    text: &str,
    name: &str,
) -> Option<&'a news_atlas::analysis::Place> {
    let at = text.find(name).expect("the name is in its sentence");
    a.places.iter().find(|p| {
        p.mentions
            .iter()
            .any(|m| m.start <= at && at + name.len() <= m.end)
    })
}

/// Each name is a region (a division), not a town, within 100 km of its
/// point; the failures are listed together.
fn check_divisions(cases: &[At]) {
    let mut failures = Vec::new();
    for &(text, name, lat, lon) in cases {
        let a = analyze(text);
        match place_at(&a, text, name) {
            None => failures.push(format!("{name}: not found in {text:?}")),
            Some(p) if p.kind != PlaceKind::Region => {
                failures.push(format!("{name}: {} is a {:?}", p.name, p.kind))
            }
            Some(p) => {
                let d = km((p.lat, p.lon), (lat, lon));
                if d > 100.0 {
                    failures.push(format!("{name}: {} at {d:.0} km", p.name));
                }
            }
        }
    }
    assert!(failures.is_empty(), "{failures:#?}");
}

#[test]
fn a_district_is_a_place_apart_from_its_town() {
    check_divisions(&[
        (
            "Floods cut roads across the Sylhet district on Monday.",
            "Sylhet",
            24.9,
            91.9,
        ),
        (
            "Aid workers reached the Kurigram district by boat.",
            "Kurigram",
            25.8,
            89.6,
        ),
        (
            "Curfew was imposed in the Kupwara district after clashes.",
            "Kupwara",
            34.5,
            74.2,
        ),
        (
            "The army moved into the Swat district last spring.",
            "Swat",
            35.0,
            72.4,
        ),
        (
            "Refugees settled in the Gulu district of northern Uganda.",
            "Gulu",
            2.8,
            32.3,
        ),
        (
            "Officials evacuated villages in the Pokrovsk district of Donetsk Oblast.",
            "Pokrovsk",
            48.3,
            37.2,
        ),
        (
            "Shelling hit the Kupiansk district overnight, Ukrainian officials said.",
            "Kupiansk",
            49.7,
            37.6,
        ),
        (
            "Police reinforced patrols in the Mardan district.",
            "Mardan",
            34.2,
            72.0,
        ),
        (
            "Drought hit the Baidoa district of Somalia.",
            "Baidoa",
            3.1,
            43.6,
        ),
        (
            "Cholera spread in the Kasese district, Ugandan officials said.",
            "Kasese",
            0.2,
            30.0,
        ),
        (
            "Teachers went on strike in the Bogra district.",
            "Bogra",
            24.8,
            89.4,
        ),
    ]);
    // The town keeps its bare name beside its district.
    let text = "Shelling hit the Kupiansk district; near Kupiansk itself, roads were cut.";
    let a = analyze(text);
    let kinds: Vec<PlaceKind> = a.places.iter().map(|p| p.kind).collect();
    assert!(
        kinds.contains(&PlaceKind::City) && kinds.contains(&PlaceKind::Region),
        "{:?}",
        a.places
    );
}

#[test]
fn two_districts_in_one_phrase_are_two_places() {
    for (text, first, second) in [
        (
            "Rains flooded the Sunamganj and Habiganj districts.",
            "Sunamganj",
            "Habiganj",
        ),
        (
            "Boats reached the Kurigram and Gaibandha districts.",
            "Kurigram",
            "Gaibandha",
        ),
        (
            "Troops patrolled the Swat and Buner districts.",
            "Swat",
            "Buner",
        ),
        (
            "Schools closed in the Kupwara and Baramulla districts.",
            "Kupwara",
            "Baramulla",
        ),
        (
            "Camps grew in the Gulu and Amuru districts.",
            "Gulu",
            "Amuru",
        ),
        (
            "Polio teams visited the Mardan and Charsadda districts.",
            "Mardan",
            "Charsadda",
        ),
        (
            "Evacuations began in the Pokrovsk and Kramatorsk raions.",
            "Pokrovsk",
            "Kramatorsk",
        ),
        (
            "Power failed in the Sylhet and Moulvibazar districts.",
            "Sylhet",
            "Moulvibazar",
        ),
        (
            "Voters lined up in Fulton and Cobb counties.",
            "Fulton",
            "Cobb",
        ),
        (
            "Wells ran dry in the Swat and Mardan districts.",
            "Swat",
            "Mardan",
        ),
    ] {
        let a = analyze(text);
        let one = place_at(&a, text, first).map(|p| (p.name.clone(), p.kind));
        let two = place_at(&a, text, second).map(|p| (p.name.clone(), p.kind));
        assert!(
            one.as_ref().is_some_and(|(_, k)| *k == PlaceKind::Region)
                && two.as_ref().is_some_and(|(_, k)| *k == PlaceKind::Region)
                && one != two,
            "{text}: {one:?} / {two:?}"
        );
        assert!(
            a.places.iter().all(|p| p.kind != PlaceKind::City),
            "{text}: {:?}",
            a.places
        );
    }
}

#[test]
fn counties_and_prefectures() {
    check_divisions(&[
        (
            "Officials in Cook County counted ballots late.",
            "Cook County",
            41.8,
            -87.8,
        ),
        (
            "A sheriff in Harris County warned of flooding.",
            "Harris County",
            29.8,
            -95.4,
        ),
        (
            "Heat records fell across Maricopa County.",
            "Maricopa County",
            33.4,
            -112.3,
        ),
        (
            "Fires spread in Los Angeles County overnight.",
            "Los Angeles County",
            34.2,
            -118.2,
        ),
        (
            "Voters in Cabarrus County waited for hours.",
            "Cabarrus County",
            35.4,
            -80.6,
        ),
        (
            "Storms hit Miami-Dade County again.",
            "Miami-Dade County",
            25.6,
            -80.5,
        ),
        (
            "The sheriff of Travis County spoke to reporters.",
            "Travis County",
            30.3,
            -97.8,
        ),
        (
            "Schools reopened in the Lhasa prefecture.",
            "Lhasa",
            29.8,
            91.2,
        ),
        (
            "Snow cut off the Ngari prefecture in the west.",
            "Ngari",
            32.0,
            81.0,
        ),
        (
            "Radiation was measured across Fukushima prefecture.",
            "Fukushima",
            37.4,
            140.1,
        ),
        (
            "Ballots in Fulton County, Georgia, were recounted.",
            "Fulton County",
            33.8,
            -84.4,
        ),
    ]);
}

#[test]
fn small_towns_everywhere_with_strong_evidence() {
    // Towns of 1,000 to 5,000 people in countries with many of them.
    let found: &[(&str, &str, f64, f64)] = &[
        (
            "Floodwater entered homes in Costabissara, in northern Italy.",
            "Costabissara",
            45.6,
            11.5,
        ),
        (
            "A storm knocked out power in Dixmont, Maine.",
            "Dixmont",
            44.7,
            -69.1,
        ),
        (
            "Beach erosion worries residents of Manahawkin, New Jersey.",
            "Manahawkin",
            39.7,
            -74.3,
        ),
        (
            "Ranchers near Moorcroft, Wyoming, lost cattle.",
            "Moorcroft",
            44.3,
            -104.9,
        ),
        (
            "The steel plant in Falck, France, will close.",
            "Falck",
            49.2,
            6.6,
        ),
        (
            "A train derailed near Wachenroth in Germany.",
            "Wachenroth",
            49.7,
            10.7,
        ),
        (
            "Wildfires threatened Castril in southern Spain.",
            "Castril",
            37.8,
            -2.8,
        ),
        (
            "Pilgrims crowded Narendranagar in India's Uttarakhand state.",
            "Narendranagar",
            30.2,
            78.3,
        ),
        (
            "A mudslide buried homes in Cuautempan, Mexico.",
            "Cuautempan",
            19.9,
            -97.8,
        ),
        (
            "An earthquake damaged the church in Chieuti, Italy.",
            "Chieuti",
            41.8,
            15.2,
        ),
    ];
    for &(text, name, lat, lon) in found {
        let a = analyze(text);
        let p = place_at(&a, text, name);
        assert!(
            p.is_some_and(|p| km((p.lat, p.lon), (lat, lon)) < 25.0),
            "{text}: {:?}",
            a.places
        );
    }
    // The same towns with no evidence, and words or given names that are
    // also villages, capitalised only by the sentence's start.
    for text in [
        "Reporters asked about Costabissara yesterday.",
        "He once lived in Dixmont.",
        "The story of Manahawkin was told again.",
        "Nobody mentioned Moorcroft at the meeting.",
        "They drove through Wachenroth quickly.",
        "Castril appeared in the novel.",
        "Blender sales rose in Germany this year.",
        "Poses for photos were banned in France.",
        "Francis spoke to reporters in Utah.",
        "Haveli owners in India protested the tax.",
    ] {
        let a = analyze(text);
        assert!(
            a.places.iter().all(|p| p.kind != PlaceKind::City),
            "{text}: {:?}",
            a.places
        );
    }
}

#[test]
fn a_village_never_beats_a_well_known_namesake() {
    for (text, name, country) in [
        (
            "Australian officials met their counterparts in Cardiff.",
            "Cardiff",
            "GB",
        ),
        (
            "An Australian delegation toured Sheffield last week.",
            "Sheffield",
            "GB",
        ),
        (
            "Canadian fans travelled to Liverpool for the final.",
            "Liverpool",
            "GB",
        ),
        (
            "Canadian investors visited Mannheim on Tuesday.",
            "Mannheim",
            "DE",
        ),
        ("Brazilian engineers studied in Nantes.", "Nantes", "FR"),
        (
            "Spanish sailors docked at Santa Marta.",
            "Santa Marta",
            "CO",
        ),
        (
            "A Spanish minister flew to Villahermosa.",
            "Villahermosa",
            "MX",
        ),
        (
            "British tourists crowded Stockton on Saturday.",
            "Stockton",
            "US",
        ),
        (
            "A British family moved to Brampton last year.",
            "Brampton",
            "CA",
        ),
        (
            "Australian swimmers trained in Long Beach, California.",
            "Long Beach",
            "US",
        ),
    ] {
        let a = analyze(text);
        let p = place_at(&a, text, name);
        assert!(
            p.is_some_and(|p| p.country.as_deref() == Some(country)),
            "{text}: {:?}",
            a.places
        );
    }
}

#[test]
fn rivers_the_gazetteer_lacks_are_unresolved_with_a_reason() {
    for (text, name) in [
        ("Barges waited on the Zorvak river for days.", "Zorvak"),
        ("Fishermen netted carp in the Talmora river.", "Talmora"),
        (
            "The Pokrovsk river froze early this winter, Ukrainians said.",
            "Pokrovsk",
        ),
        ("Villagers crossed the Kursk river on rafts.", "Kursk"),
        ("Floods swelled the Karnali River in Nepal.", "Karnali"),
        ("The Dresvic River burst its banks.", "Dresvic"),
        ("Herders watered camels at the Ouargan river.", "Ouargan"),
        ("Troops dug in along the Sylhet river.", "Sylhet"),
        ("Police searched the Brenva river for the boat.", "Brenva"),
        ("A bridge over the Kalmiuska river collapsed.", "Kalmiuska"),
    ] {
        let a = analyze(text);
        assert!(place_at(&a, text, name).is_none(), "{text}: {:?}", a.places);
        let at = text.find(name).expect("the name is in its sentence");
        assert!(
            a.unresolved
                .iter()
                .any(|u| u.span.start <= at && at < u.span.end && u.reason.contains("river")),
            "{text}: {:?}",
            a.unresolved
        );
    }
    // A river the gazetteer has is the river, not a town of its name.
    for (text, name) in [
        ("Ferries crossed the Mekong river at dawn.", "Mekong"),
        (
            "The Jhelum river flooded parts of Kashmir, Pakistan said.",
            "Jhelum",
        ),
    ] {
        let a = analyze(text);
        assert!(
            place_at(&a, text, name).is_some_and(|p| p.kind == PlaceKind::Other),
            "{text}: {:?}",
            a.places
        );
    }
}

#[test]
fn a_village_spelled_with_other_vowels_is_another_village() {
    // Ukrainian villages the gazetteer lacks whose letters, less the vowels,
    // are those of a village it holds: unresolved, with the look-alike.
    for text in [
        "Shelling hit the village of Zarivka in Ukraine, officials said.",
        "Ukraine said troops left the village of Zorivko.",
        "In Ukraine, the village of Kamunka was shelled.",
        "Ukrainian forces held the village of Bohdanuvka in Ukraine's east.",
        "Drones struck the village of Malunivka, Ukraine said.",
        "The village of Buzuvka in Ukraine lost power.",
        "Ukraine's army said the village of Olenuvka was retaken.",
        "Civilians fled the village of Stepunivka in Ukraine.",
        "Strikes hit the village of Vilkhuvka, in eastern Ukraine.",
        "Ukraine reported fighting near the village of Kurulivka.",
    ] {
        let a = analyze(text);
        assert!(
            a.places
                .iter()
                .all(|p| p.kind != PlaceKind::City || !p.reason.contains("spells the name")),
            "{text}: {:?}",
            a.places
        );
        assert!(
            a.unresolved
                .iter()
                .any(|u| u.reason.contains("spelled nearly alike")),
            "{text}: {:?}",
            a.unresolved
        );
    }
    // Spellings that differ only as transliterations do (y or i, doubled
    // vowels, Arabic a or e) still find the place.
    for (text, want) in [
        (
            "In Syria, the town of Tel Abyad emptied overnight.",
            "Tall Abyad",
        ),
        ("Syria said the town of Tell Abyad was calm.", "Tall Abyad"),
    ] {
        let a = analyze(text);
        assert!(
            a.places.iter().any(|p| p.name == want),
            "{text}: {:?}",
            a.places
        );
    }
}

#[test]
fn a_countrys_part_of_a_divided_region() {
    for (text, country) in [
        (
            "Rescuers reached the Indian portion of Kashmir, India said.",
            "IN",
        ),
        (
            "Pakistan said aid reached the Pakistani portion of Kashmir.",
            "PK",
        ),
        (
            "Quakes shook the Pakistani-controlled part of Kashmir, Pakistan said.",
            "PK",
        ),
        ("India sent troops to the Indian part of Kashmir.", "IN"),
        (
            "Snow fell on the Indian side of Kashmir, India reported.",
            "IN",
        ),
    ] {
        let a = analyze(text);
        let p = place_at(&a, text, "Kashmir");
        assert!(
            p.is_some_and(|p| p.country.as_deref() == Some(country)
                && p.mentions.iter().any(|m| m.slice(text).contains("portion")
                    || m.slice(text).contains("part")
                    || m.slice(text).contains("side"))),
            "{text}: {:?}",
            a.places
        );
    }
}
