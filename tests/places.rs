// Native only: these read ../shared from disk and use proptest.
#![cfg(not(target_arch = "wasm32"))]
//! The "where" half of the analysis against the seed gold, the data traps
//! of `../shared/DATA.md`, and hand-written paragraphs from other news.

use std::path::PathBuf;

use news_atlas::analysis::{analyze, Analysis, Place, PlaceKind};
use proptest::prelude::*;
use serde_json::Value;

// The rule tables of issue 13, one module per class, in this one test
// binary (they share its helpers, and one binary links once).
#[path = "places/context.rs"]
mod context;
#[path = "places/datelines.rs"]
mod datelines;
#[path = "places/divisions.rs"]
mod divisions;
#[path = "places/names.rs"]
mod names;
#[path = "places/spelling.rs"]
mod spelling;
#[path = "places/words.rs"]
mod words;
#[path = "places/world.rs"]
mod world;

fn shared(path: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../shared")
        .join(path)
}

fn km(a: (f64, f64), b: (f64, f64)) -> f64 {
    let (la1, lo1, la2, lo2) = (
        a.0.to_radians(),
        a.1.to_radians(),
        b.0.to_radians(),
        b.1.to_radians(),
    );
    let h = ((la2 - la1) / 2.0).sin().powi(2)
        + la1.cos() * la2.cos() * ((lo2 - lo1) / 2.0).sin().powi(2);
    2.0 * 6371.0 * h.sqrt().asin()
}

fn kind_name(kind: PlaceKind) -> &'static str {
    match kind {
        PlaceKind::City => "city",
        PlaceKind::Region => "region",
        PlaceKind::Country => "country",
        PlaceKind::Sea => "sea",
        // The gold calls facilities "other".
        PlaceKind::Facility | PlaceKind::Other => "other",
    }
}

/// A predicted place matches a gold place of the same kind and country
/// whose coordinates are close: cities and facilities within 25 km, the
/// rough centroids of regions and seas within 400 km, countries by code.
fn matches(p: &Place, g: &Value) -> bool {
    let kind = g["kind"].as_str().unwrap_or("");
    if kind_name(p.kind) != kind || p.country.as_deref() != g["country"].as_str() {
        return false;
    }
    let d = km(
        (p.lat, p.lon),
        (
            g["lat"].as_f64().unwrap_or(0.0),
            g["lon"].as_f64().unwrap_or(0.0),
        ),
    );
    match kind {
        "city" | "other" => d <= 25.0,
        "country" => true,
        _ => d <= 400.0,
    }
}

struct Score {
    precision: f64,
    recall: f64,
    max_city_km: f64,
    misses: Vec<String>,
    extras: Vec<String>,
}

fn score(seed: &str, gold: &str) -> (Score, Analysis, Value) {
    let text = std::fs::read_to_string(shared(&format!("seeds/{seed}"))).unwrap();
    let gold: Value = serde_json::from_str(
        &std::fs::read_to_string(shared(&format!("seed-gold/{gold}"))).unwrap(),
    )
    .unwrap();
    let a = analyze(&text);
    let gold_places = gold["places"].as_array().unwrap();
    let mut misses = Vec::new();
    let mut max_city_km: f64 = 0.0;
    for g in gold_places {
        match a.places.iter().find(|p| matches(p, g)) {
            Some(p) => {
                if g["kind"] == "city" {
                    let d = km(
                        (p.lat, p.lon),
                        (g["lat"].as_f64().unwrap(), g["lon"].as_f64().unwrap()),
                    );
                    max_city_km = max_city_km.max(d);
                }
            }
            None => misses.push(g["name"].as_str().unwrap_or("").to_string()),
        }
    }
    let extras: Vec<String> = a
        .places
        .iter()
        .filter(|p| !gold_places.iter().any(|g| matches(p, g)))
        .map(|p| p.name.clone())
        .collect();
    let found = gold_places.len() - misses.len();
    let score = Score {
        precision: (a.places.len() - extras.len()) as f64 / a.places.len().max(1) as f64,
        recall: found as f64 / gold_places.len() as f64,
        max_city_km,
        misses,
        extras,
    };
    (score, a, gold)
}

fn check_seed(seed: &str, gold: &str) {
    let (s, a, gold) = score(seed, gold);
    eprintln!(
        "{seed}: precision {:.3} recall {:.3} max city error {:.1} km",
        s.precision, s.recall, s.max_city_km
    );
    assert!(
        s.recall >= 0.95,
        "recall {:.3}, missing {:?}",
        s.recall,
        s.misses
    );
    assert!(
        s.precision >= 0.95,
        "precision {:.3}, extra {:?}",
        s.precision,
        s.extras
    );
    assert!(s.max_city_km <= 25.0, "city off by {:.1} km", s.max_city_km);
    // Every gold metonym is found as a metonym at the same surface.
    let text = std::fs::read_to_string(shared(&format!("seeds/{seed}"))).unwrap();
    for m in gold["metonyms"].as_array().unwrap() {
        let surface = m["surface"].as_str().unwrap();
        let sentence = m["sentence"].as_str().unwrap();
        let at = text.find(sentence).unwrap();
        assert!(
            a.metonyms.iter().any(|x| {
                x.span.start >= at
                    && x.span.end <= at + sentence.len()
                    && x.span.slice(&text) == surface
            }),
            "metonym {surface:?} in {sentence:?}"
        );
    }
}

#[test]
fn seed_1_places_match_gold() {
    check_seed("000_b00aecb458d936a0.txt", "seed-1.json");
}

#[test]
fn seed_2_places_match_gold() {
    check_seed("004_72ebec5e8e5c27c6.txt", "seed-2.json");
}

#[test]
fn seed_1_capitals_used_only_as_governments_are_not_places() {
    let (_, a, _) = score("000_b00aecb458d936a0.txt", "seed-1.json");
    for name in ["Moscow", "Kyiv", "Washington, D.C."] {
        assert!(
            a.places.iter().all(|p| p.name != name),
            "{name} is not a place here"
        );
    }
}

/// Places found in `text`, as (name, country code).
fn places(text: &str) -> Vec<(String, Option<String>, PlaceKind)> {
    analyze(text)
        .places
        .into_iter()
        .map(|p| (p.name, p.country, p.kind))
        .collect()
}

fn has(text: &str, name: &str, country: &str, kind: PlaceKind) -> bool {
    places(text)
        .iter()
        .any(|(n, c, k)| n == name && c.as_deref() == Some(country) && *k == kind)
}

// The traps of DATA.md, each its own case.

#[test]
fn trap_1_alias_collision_pokrovsk_is_not_engels() {
    let text = "Russian forces pressed toward Pokrovsk in the Donetsk region.";
    assert!(
        has(text, "Pokrovsk", "UA", PlaceKind::City),
        "{:?}",
        places(text)
    );
    let text = "Shelling hit Sloviansk overnight, Ukrainian officials said.";
    assert!(
        has(text, "Slovyansk", "UA", PlaceKind::City),
        "{:?}",
        places(text)
    );
}

#[test]
fn trap_2_foreign_primary_names_follow_context() {
    let text = "A missile struck Odessa as Ukraine braced for more attacks.";
    assert!(
        has(text, "Odesa", "UA", PlaceKind::City),
        "{:?}",
        places(text)
    );
    let text = "Oil workers in Odessa, Texas, braced for layoffs.";
    assert!(
        has(text, "Odessa", "US", PlaceKind::City),
        "{:?}",
        places(text)
    );
    let text = "Ukrainian troops left Volchansk in the Kharkiv region.";
    assert!(
        has(text, "Vovchansk", "UA", PlaceKind::City),
        "{:?}",
        places(text)
    );
}

#[test]
fn trap_3_tiny_namesakes_lose_to_the_city() {
    let text = "Officials in Zaporizhzhia said the strike damaged homes.";
    let found = places(text);
    let z = found
        .iter()
        .find(|(_, c, _)| c.as_deref() == Some("UA"))
        .unwrap();
    let a = analyze(text);
    let p = &a.places[0];
    assert!(
        p.lat > 47.7 && p.lat < 47.95 && p.lon > 35.0 && p.lon < 35.3,
        "{z:?}"
    );
}

#[test]
fn trap_5_common_words_are_not_places() {
    let text = "Nice weather helped. A drone hit the port. Reading the report, Split opinions.";
    assert!(places(text).is_empty(), "{:?}", places(text));
    let text = "He flew to Nice, France, on Sunday.";
    assert!(
        has(text, "Nice", "FR", PlaceKind::City),
        "{:?}",
        places(text)
    );
}

#[test]
fn trap_6_countries_before_towns() {
    let text = "Russia and Georgia traded accusations over the Caucasus.";
    assert!(has(text, "Russia", "RU", PlaceKind::Country));
    assert!(
        has(text, "Georgia", "GE", PlaceKind::Country),
        "{:?}",
        places(text)
    );
}

#[test]
fn trap_7_renamed_places() {
    for (old, new) in [
        ("Krasnoarmeysk", "Pokrovsk"),
        ("Artemivsk", "Bakhmut"),
        ("Dnepropetrovsk", "Dnipro"),
        ("Kirovograd", "Kropyvnytskyi"),
    ] {
        let text = format!("Fighting was reported near {old}, Ukrainian officials said.");
        assert!(
            has(&text, new, "UA", PlaceKind::City),
            "{old}: {:?}",
            places(&text)
        );
    }
}

#[test]
fn organisation_names_hide_their_places() {
    let text = "The U.S. Geological Survey and the Caspian Pipeline Consortium issued statements.";
    assert!(places(text).is_empty(), "{:?}", places(text));
}

#[test]
fn a_city_and_its_region_stay_apart() {
    let text = "Strikes hit Kharkiv city and villages across the Kharkiv region.";
    assert!(
        has(text, "Kharkiv", "UA", PlaceKind::City),
        "{:?}",
        places(text)
    );
    assert!(
        has(text, "Kharkiv Oblast", "UA", PlaceKind::Region),
        "{:?}",
        places(text)
    );
}

#[test]
fn demonyms_are_their_own_kind() {
    let a = analyze("Russian and Ukrainian negotiators met.");
    assert!(a.places.is_empty());
    let countries: Vec<_> = a.demonyms.iter().map(|d| d.country).collect();
    assert_eq!(countries, [Some("RU"), Some("UA")]);
}

#[test]
fn unknown_cued_names_are_listed_unresolved() {
    let text = "Troops advanced near Zzyzxbury and in the Qwertal region.";
    let a = analyze(text);
    let names: Vec<_> = a.unresolved.iter().map(|u| u.span.slice(text)).collect();
    assert_eq!(names, ["Zzyzxbury", "Qwertal"]);
    assert!(a.unresolved.iter().all(|u| !u.reason.is_empty()));
}

// Other news, written for these tests.

const OTHER_NEWS: &[(&str, &[(&str, &str)])] = &[
    (
        "A magnitude 7.8 earthquake struck southern Turkey and northern Syria before dawn on \
         Monday. The epicentre was near Gaziantep, and heavy damage was reported in \
         Kahramanmaras, Antakya and Adana. In Syria, rescuers in Aleppo and Idlib searched the \
         rubble. The U.S. Geological Survey said aftershocks could continue, while aid flights \
         landed in Ankara from Germany and Japan.",
        &[
            ("Turkey", "TR"),
            ("Syria", "SY"),
            ("Gaziantep", "TR"),
            ("Kahramanmaraş", "TR"),
            ("Antakya", "TR"),
            ("Adana", "TR"),
            ("Aleppo", "SY"),
            ("Idlib", "SY"),
            ("Ankara", "TR"),
            ("Germany", "DE"),
            ("Japan", "JP"),
        ],
    ),
    (
        "Voters in Georgia and Arizona could decide the race, campaign aides said on Tuesday. \
         The former governor held a rally in Atlanta before flying to Phoenix, while her rival \
         spoke in Pittsburgh, Pennsylvania, and later in Milwaukee. Polls in Michigan and \
         Wisconsin remain tight. In Washington, lawmakers on Capitol Hill braced for a contested \
         count, and the White House declined to comment.",
        &[
            ("Georgia", "US"),
            ("Arizona", "US"),
            ("Atlanta", "US"),
            ("Phoenix", "US"),
            ("Pittsburgh", "US"),
            ("Pennsylvania", "US"),
            ("Milwaukee", "US"),
            ("Michigan", "US"),
            ("Wisconsin", "US"),
            ("Washington, D.C.", "US"),
        ],
    ),
    (
        "Israeli strikes hit Rafah and Khan Younis in the southern Gaza Strip overnight, \
         Palestinian health officials said, as ceasefire talks resumed in Cairo and Doha. In \
         Lebanon, an explosion shook the southern suburbs of Beirut. Egypt warned that any push \
         toward the Rafah crossing would threaten its security. Aid trucks waited at Kerem \
         Shalom as the Red Sea shipping crisis deepened.",
        &[
            ("Rafah", "PS"),
            ("Khan Yunis", "PS"),
            ("Gaza Strip", "PS"),
            ("Cairo", "EG"),
            ("Doha", "QA"),
            ("Lebanon", "LB"),
            ("Beirut", "LB"),
            ("Egypt", "EG"),
            ("Rafah crossing", "PS"),
            ("Kerem Shalom crossing", "IL"),
        ],
    ),
    (
        "Leaders of the African Union gathered in Addis Ababa for a summit on the crisis in \
         Sudan, where fighting has spread from Khartoum to El Fasher in Darfur. Kenya and \
         Nigeria pressed for a ceasefire. Later this month, ministers meet in Jakarta, before a \
         climate conference in Nairobi. Delegates from India, Indonesia and Brazil are expected.",
        &[
            ("Addis Ababa", "ET"),
            ("Sudan", "SD"),
            ("Khartoum", "SD"),
            ("El Fasher", "SD"),
            ("Darfur", "SD"),
            ("Kenya", "KE"),
            ("Nigeria", "NG"),
            ("Jakarta", "ID"),
            ("Nairobi", "KE"),
            ("India", "IN"),
            ("Indonesia", "ID"),
            ("Brazil", "BR"),
        ],
    ),
    (
        "Hurricane Milton made landfall near Sarasota on Wednesday night before tearing across \
         central Florida toward Orlando and Daytona Beach. Governor Ron DeSantis said more than \
         two million homes lost power in Tampa and St. Petersburg. FEMA Administrator Deanne \
         Criswell flew to Tallahassee, and forecasters in Miami warned of storm surge along the \
         Gulf of Mexico coast.",
        &[
            ("Sarasota", "US"),
            ("Florida", "US"),
            ("Orlando", "US"),
            ("Daytona Beach", "US"),
            ("Tampa", "US"),
            ("St. Petersburg", "US"),
            ("Tallahassee", "US"),
            ("Miami", "US"),
        ],
    ),
    (
        "British Prime Minister Keir Starmer met French President Emmanuel Macron in London on \
         Thursday to discuss migrant crossings. Downing Street said the two leaders agreed to \
         expand patrols near Calais and Dunkirk. Later, Starmer travelled to Manchester, while \
         the Home Secretary visited Dover. Brussels pressed for new trade rules for Northern \
         Ireland.",
        &[
            ("London", "GB"),
            ("Calais", "FR"),
            ("Dunkirk", "FR"),
            ("Manchester", "GB"),
            ("Dover", "GB"),
            ("Northern Ireland", "GB"),
        ],
    ),
    (
        "Chinese warships circled Taiwan on Monday in drills Beijing called a warning, while \
         Taipei said it had scrambled jets. Japan's prime minister, speaking in Tokyo, urged \
         calm. Analysts in Manila and Seoul said the exercises near Kinmen were the largest \
         this year.",
        &[
            ("Taiwan", "TW"),
            ("Japan", "JP"),
            ("Tokyo", "JP"),
            ("Manila", "PH"),
            ("Seoul", "KR"),
            ("Kinmen", "TW"),
        ],
    ),
];

#[test]
fn other_news_finds_exactly_the_places() {
    for (text, expected) in OTHER_NEWS {
        let found: Vec<(String, String)> = places(text)
            .into_iter()
            .filter(|(_, _, k)| *k != PlaceKind::Sea)
            .map(|(n, c, _)| (n, c.unwrap_or_default()))
            .collect();
        for (name, cc) in *expected {
            assert!(
                found.iter().any(|(n, c)| n == name && c == cc),
                "{name} ({cc}) missing from {found:?}"
            );
        }
        assert_eq!(found.len(), expected.len(), "extra places in {found:?}");
    }
}

#[test]
fn other_news_metonyms() {
    let text =
        "Jerusalem said the operation would continue. Beijing warned Washington over tariffs.";
    let a = analyze(text);
    let m: Vec<_> = a.metonyms.iter().map(|m| m.span.slice(text)).collect();
    assert_eq!(m, ["Jerusalem", "Beijing"]);
    assert!(a.places.iter().all(|p| p.name != "Beijing"));
}

#[test]
fn coordinated_capitals_share_their_role() {
    let text = "Washington and Madrid said they would not recognise the result.";
    let a = analyze(text);
    let m: Vec<_> = a.metonyms.iter().map(|m| m.span.slice(text)).collect();
    assert_eq!(m, ["Washington", "Madrid"]);
    let text = "Analysts in Manila and Seoul said the drills were large.";
    assert!(analyze(text).metonyms.is_empty());
}

#[test]
fn the_paragraph_decides_which_georgia() {
    let text = "Protesters filled the streets of Tbilisi after Georgia's ruling party claimed \
                victory. Opposition leaders in Batumi called for a strike.\n\n\
                A tornado later crossed into Georgia, damaging homes near Atlanta and Savannah.";
    let a = analyze(text);
    let georgias: Vec<_> = a
        .places
        .iter()
        .filter(|p| p.name == "Georgia")
        .map(|p| (p.kind, p.country.clone().unwrap_or_default()))
        .collect();
    assert_eq!(
        georgias,
        [
            (PlaceKind::Country, "GE".to_string()),
            (PlaceKind::Region, "US".to_string())
        ]
    );
}

#[test]
fn storm_names_are_not_places() {
    let a = analyze("Hurricane Milton and Typhoon Haikui caused floods.");
    assert!(a.places.is_empty(), "{:?}", a.places);
}

#[test]
fn every_place_has_confidence_and_reason() {
    for (text, _) in OTHER_NEWS {
        for p in analyze(text).places {
            assert!(p.confidence > 0.0 && p.confidence <= 1.0, "{}", p.name);
            assert!(!p.reason.is_empty(), "{}", p.name);
            assert_eq!(p.mentions.len(), p.sentences.len());
        }
    }
}

// Robustness: any input returns, and every span lies on char boundaries.

fn assert_spans_valid(text: &str) {
    let a = analyze(text);
    let spans = a
        .places
        .iter()
        .flat_map(|p| p.mentions.iter().copied())
        .chain(a.unresolved.iter().map(|u| u.span))
        .chain(a.demonyms.iter().map(|d| d.span))
        .chain(a.metonyms.iter().map(|m| m.span));
    for s in spans {
        assert!(s.start <= s.end && s.end <= text.len());
        assert!(text.is_char_boundary(s.start) && text.is_char_boundary(s.end));
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn any_string_is_analysed(text in any::<String>()) {
        assert_spans_valid(&text);
    }

    #[test]
    fn random_bytes_lossily_decoded(bytes in proptest::collection::vec(any::<u8>(), 0..2000)) {
        assert_spans_valid(&String::from_utf8_lossy(&bytes));
    }

    #[test]
    fn place_names_in_odd_surroundings(
        pre in "[ -~\u{0}-\u{1f}é’“”—–\u{2028}\u{a0}-]{0,6}",
        name in prop::sample::select(vec![
            "Kyiv", "U.S.", "Sea of Azov", "Odesa", "Pokrovsk", "Washington, DC", "Moscow",
            "Washington", "the Kharkiv region", "Kremlin", "Russian", "near Zzyzx",
        ]),
        post in "[ -~\u{0}-\u{1f}é’“”—–\u{2028}\u{a0}-]{0,6}",
    ) {
        assert_spans_valid(&format!("{pre}{name}{post}"));
    }
}

#[test]
fn a_megabyte_of_text_is_analysed() {
    let seed = std::fs::read_to_string(shared("seeds/000_b00aecb458d936a0.txt")).unwrap();
    let mut text = String::new();
    while text.len() < 1_000_000 {
        text.push_str(&seed);
        text.push('\u{7}');
    }
    assert_spans_valid(&text);
}

// The command line.

fn atlas(args: &[&str]) -> std::process::Output {
    std::process::Command::new(env!("CARGO_BIN_EXE_atlas"))
        .args(args)
        .output()
        .unwrap()
}

#[test]
fn command_line_reports_places() {
    let seed = shared("seeds/000_b00aecb458d936a0.txt");
    let out = atlas(&["analyze", seed.to_str().unwrap()]);
    assert!(out.status.success());
    let json: Value = serde_json::from_slice(&out.stdout).unwrap();
    let article = &json["articles"][0];
    assert_eq!(article["id"], "000_b00aecb458d936a0");
    let text = std::fs::read_to_string(&seed).unwrap();
    let places = article["places"].as_array().unwrap();
    assert!(places
        .iter()
        .any(|p| p["name"] == "Pokrovsk" && p["country"] == "UA"));
    for p in places {
        for m in p["mentions"].as_array().unwrap() {
            let (s, e) = (
                m["start"].as_u64().unwrap() as usize,
                m["end"].as_u64().unwrap() as usize,
            );
            assert_eq!(&text[s..e], m["text"].as_str().unwrap());
        }
    }
    for key in ["unresolved", "demonyms", "metonyms"] {
        assert!(article[key].is_array(), "{key}");
    }
}

#[test]
fn command_line_rejects_bad_input_without_panicking() {
    let dir = std::env::temp_dir().join(format!("atlas-places-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let binary = dir.join("binary.bin");
    std::fs::write(&binary, [0u8, 159, 146, 150]).unwrap();
    for args in [
        vec!["analyze", "/nonexistent/file.txt"],
        vec!["analyze", binary.to_str().unwrap()],
        vec!["frobnicate"],
    ] {
        let out = atlas(&args);
        assert!(!out.status.success(), "{args:?}");
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(!err.contains("panicked"), "{err}");
        assert!(!err.trim().is_empty());
    }
    let _ = std::fs::remove_dir_all(&dir);
}
