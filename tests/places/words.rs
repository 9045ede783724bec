// Native only: the bundled gazetteer through the public analysis.
//! Rule classes 3, 4 and 5 of issue 13, and the district half of class 7:
//! common words folded onto places, marked places the gazetteer lacks,
//! facilities named after towns, districts apart from their towns.
//! Sentences written for these tests.

use news_atlas::analysis::{analyze, PlaceKind};

fn place_names(text: &str) -> Vec<String> {
    analyze(text)
        .places
        .iter()
        .map(|p| p.name.clone())
        .collect()
}

fn unresolved(text: &str) -> Vec<(String, String)> {
    analyze(text)
        .unresolved
        .iter()
        .map(|u| (u.span.slice(text).to_string(), u.reason.clone()))
        .collect()
}

#[test]
fn common_words_need_evidence_to_be_places() {
    // (text, the word that must not be a place)
    for (text, word) in [
        (
            "In an interview with Time magazine, the minister spoke.",
            "Time",
        ),
        ("Nice work, the coach told the players.", "Nice"),
        ("Reading the report, lawmakers grew angry.", "Reading"),
        ("Split over the budget, the coalition collapsed.", "Split"),
        ("Mobile phone networks went down after the quake.", "Mobile"),
        ("Male voters backed the opposition, a poll found.", "Male"),
        ("Best of all, the bridge reopened on time.", "Best"),
        ("They prayed to God for the rain to stop.", "God"),
        (
            "A Van carrying aid overturned on the road to the camp.",
            "Van",
        ),
        ("The Bar association protested the arrests.", "Bar"),
        ("The Union leaders called a strike for Monday.", "Union"),
    ] {
        let names = place_names(text);
        let a = analyze(text);
        assert!(
            a.places
                .iter()
                .all(|p| p.mentions.iter().all(|m| m.slice(text) != word)),
            "{text}: {names:?}"
        );
    }
}

#[test]
fn common_words_are_places_with_evidence() {
    // (text, the place's country)
    for (text, cc) in [
        ("Tourists returned to Nice, France, after the floods.", "FR"),
        (
            "Ferries linked Split and Zagreb-bound buses in Croatia.",
            "HR",
        ),
        ("A storm knocked out power in Mobile, Alabama.", "US"),
        ("The trial opened in Reading on Tuesday.", "GB"),
        ("Flights resumed in Male after the airport flooded.", "MV"),
        ("Police in Split arrested two men.", "HR"),
        ("Protesters gathered in Nice on Saturday.", "FR"),
        (
            "From Split the convoy drove north to Zadar in Croatia.",
            "HR",
        ),
        ("Ambulances raced through Reading, England.", "GB"),
        (
            "Crews in Mobile restored power to homes across Alabama.",
            "US",
        ),
    ] {
        let a = analyze(text);
        assert!(
            a.places
                .iter()
                .any(|p| p.country.as_deref() == Some(cc) && p.kind == PlaceKind::City),
            "{text}: {:?}",
            place_names(text)
        );
    }
}

#[test]
fn marked_places_the_gazetteer_lacks_are_unresolved() {
    for (text, want) in [
        (
            "Aid reached the Zorvakand district late on Monday.",
            "Zorvakand district",
        ),
        (
            "The ferry sank off Qelmaritu Island in heavy seas.",
            "Qelmaritu Island",
        ),
        (
            "Troops moved into the village of Brezhnivka overnight.",
            "Brezhnivka",
        ),
        ("Floods cut off the town of Ostramirov.", "Ostramirov"),
        ("Locusts swept across the Zarandeh desert.", "Zarandeh"),
        (
            "Shelling was reported near Velyka Doroshivka.",
            "Velyka Doroshivka",
        ),
        ("Rain fell on the Kuvenmaa peninsula all week.", "Kuvenmaa"),
        (
            "Officials in the Tarnovetsk prefecture ordered evacuations.",
            "Tarnovetsk",
        ),
        ("The Ombrelo county sheriff asked for help.", "Ombrelo"),
        ("Fishermen crossed the Velsund strait at dawn.", "Velsund"),
        (
            "Gunmen attacked the province of Dazhkand on Friday.",
            "Dazhkand",
        ),
    ] {
        let got = unresolved(text);
        assert!(
            got.iter().any(
                |(t, r)| (t.starts_with(want) || want.starts_with(t.as_str())) && !r.is_empty()
            ),
            "{text}: {got:?}"
        );
    }
}

#[test]
fn facilities_are_not_put_on_their_towns() {
    // (text, the town that must not be a place, the facility's mention)
    for (text, town, facility) in [
        (
            "Engineers inspected the Mosul dam after the tremor.",
            "Mosul",
            "Mosul dam",
        ),
        (
            "Drones struck near Kherson airport at night.",
            "Kherson",
            "Kherson airport",
        ),
        ("The Odesa port handled grain again.", "Odesa", "Odesa port"),
        (
            "A fire broke out at the Ryazan refinery.",
            "Ryazan",
            "Ryazan refinery",
        ),
        (
            "Workers left the Kramatorsk railway station.",
            "Kramatorsk",
            "Kramatorsk railway station",
        ),
        (
            "The Novovoronezh nuclear power plant cut its output.",
            "Novovoronezh",
            "Novovoronezh nuclear power plant",
        ),
        (
            "Jets took off from the Engels air base.",
            "Engels",
            "Engels air base",
        ),
        (
            "Miners were trapped in the Pokrovsk mine.",
            "Pokrovsk",
            "Pokrovsk mine",
        ),
        (
            "The Haifa oil refinery was evacuated.",
            "Haifa",
            "Haifa oil refinery",
        ),
        (
            "Crowds waited at Tripoli airport for days.",
            "Tripoli",
            "Tripoli airport",
        ),
        ("The Aswan dam holds back the Nile.", "Aswan", "Aswan dam"),
    ] {
        let a = analyze(text);
        assert!(
            a.places
                .iter()
                .all(|p| p.mentions.iter().all(|m| m.slice(text) != town)),
            "{text}: {:?}",
            place_names(text)
        );
        // A facility entry of the gazetteer, or an unresolved facility.
        let got = unresolved(text);
        let as_entry = a.places.iter().any(|p| p.kind == PlaceKind::Facility);
        assert!(
            as_entry
                || got
                    .iter()
                    .any(|(t, r)| t == facility && r.contains("facility")),
            "{text}: {got:?}"
        );
    }
}

#[test]
fn a_known_facility_keeps_its_own_entry() {
    let text = "Inspectors visited the Zaporizhzhia nuclear power plant again.";
    let a = analyze(text);
    assert_eq!(a.places.len(), 1, "{:?}", a.places);
    assert_eq!(a.places[0].kind, PlaceKind::Facility);
}

#[test]
fn districts_and_islands_are_not_their_towns() {
    for (text, town) in [
        (
            "Floods hit the Sunamganj and Habiganj districts of Bangladesh.",
            "Sunamganj",
        ),
        (
            "Floods hit the Sunamganj and Habiganj districts of Bangladesh.",
            "Habiganj",
        ),
        (
            "Rescuers reached the Kurigram district on Sunday.",
            "Kurigram",
        ),
        (
            "Voting was slow in Nakuru County, officials in Kenya said.",
            "Nakuru",
        ),
        (
            "Landslides blocked roads in the Kasese district of Uganda.",
            "Kasese",
        ),
        ("Police patrolled the Bogra district overnight.", "Bogra"),
        (
            "Clashes spread in the Kherson and Mykolaiv raions.",
            "Nowhere",
        ),
        ("The ferry reached Hvar Island in the Adriatic.", "Hvar"),
        ("Crops failed across the Kisumu County farms.", "Kisumu"),
        (
            "Aid flowed into the Rangpur district in Bangladesh.",
            "Rangpur",
        ),
    ] {
        let a = analyze(text);
        assert!(
            a.places.iter().all(|p| !(p.kind == PlaceKind::City
                && p.mentions.iter().any(|m| m.slice(text).starts_with(town)))),
            "{text}: {:?}",
            place_names(text)
        );
    }
}

#[test]
fn plural_region_words_cover_both_names() {
    for (text, first) in [
        (
            "Strikes hit the Kherson and Zaporizhzhia regions.",
            "Kherson Oblast",
        ),
        (
            "Power was cut in the Kharkiv and Sumy regions.",
            "Kharkiv Oblast",
        ),
        (
            "Drones flew over the Kursk and Belgorod regions.",
            "Kursk Oblast",
        ),
        (
            "Fires burned in the Donetsk and Luhansk regions.",
            "Donetsk Oblast",
        ),
        (
            "Snow fell across the Lviv and Volyn regions.",
            "Lviv Oblast",
        ),
        (
            "Curfews held in the Odesa and Mykolaiv provinces.",
            "Odesa Oblast",
        ),
        (
            "Troops massed in the Bryansk and Kursk regions.",
            "Bryansk Oblast",
        ),
        (
            "Shelling hit the Dnipropetrovsk and Zaporizhzhia regions.",
            "Dnipropetrovsk Oblast",
        ),
        (
            "Blackouts spread to the Chernihiv and Sumy regions.",
            "Chernihiv Oblast",
        ),
        (
            "Rain soaked the Poltava and Kharkiv regions.",
            "Poltava Oblast",
        ),
    ] {
        let names = place_names(text);
        assert!(names.iter().any(|n| n == first), "{text}: {names:?}");
        assert!(
            analyze(text)
                .places
                .iter()
                .all(|p| p.kind != PlaceKind::City),
            "{text}: {names:?}"
        );
    }
}
