//! Places beyond towns and first-level regions (issue 13, the data side):
//! islands, named regions, mountains and rivers, facilities at their own
//! coordinates, small towns worldwide and the other spellings of regions.
//! Each table is of sentences written for these tests; a case passes when
//! the analysis reports a place within `km` of the expected point.

use news_atlas::analysis::gazetteer::{FacilityType, GAZETTEER};
use news_atlas::analysis::{analyze, PlaceKind};

use super::km;

/// (sentence, the name as written, latitude, longitude, allowed km)
type Case = (&'static str, &'static str, f64, f64, f64);

/// Every case's name is found (a place whose mention covers it) and put
/// within its distance; the failures are listed together.
fn check(cases: &[Case]) {
    let mut failures = Vec::new();
    for &(text, name, lat, lon, max_km) in cases {
        let a = analyze(text);
        let at = text.find(name).expect("the name is in its sentence");
        let found = a.places.iter().find(|p| {
            p.mentions
                .iter()
                .any(|m| m.start <= at && at + name.len() <= m.end)
        });
        match found {
            None => failures.push(format!("{name}: not found in {text:?}")),
            Some(p) => {
                let d = km((p.lat, p.lon), (lat, lon));
                if d > max_km {
                    failures.push(format!("{name}: {} at {d:.0} km", p.name));
                }
            }
        }
    }
    assert!(failures.is_empty(), "{failures:#?}");
}

#[test]
fn islands_and_archipelagos() {
    check(&[
        (
            "Wildfires forced evacuations across Sicily on Tuesday.",
            "Sicily",
            37.6,
            14.0,
            150.0,
        ),
        (
            "Logging roads now cut deep into the forests of Borneo.",
            "Borneo",
            0.5,
            114.0,
            300.0,
        ),
        (
            "A strong earthquake shook Mindanao before dawn.",
            "Mindanao",
            7.5,
            125.0,
            200.0,
        ),
        (
            "Migrant boats keep arriving in the Canary Islands.",
            "Canary Islands",
            28.3,
            -15.8,
            200.0,
        ),
        (
            "Ferries to Lampedusa were cancelled because of the storm.",
            "Lampedusa",
            35.5,
            12.6,
            50.0,
        ),
        (
            "Typhoon survivors on Leyte Island waited for food.",
            "Leyte Island",
            10.9,
            124.8,
            100.0,
        ),
        (
            "Fishermen from Sakhalin reported ice unusually late.",
            "Sakhalin",
            50.0,
            142.9,
            300.0,
        ),
        (
            "Coastguard ships shadowed each other near the Spratly Islands.",
            "Spratly Islands",
            10.0,
            114.0,
            300.0,
        ),
        (
            "Tourism on Crete rebounded after the pandemic.",
            "Crete",
            35.24,
            24.9,
            100.0,
        ),
        (
            "Power cuts hit Sumatra for a second night.",
            "Sumatra",
            -0.5,
            101.5,
            400.0,
        ),
        (
            "Ukrainian commandos raised a flag on Snake Island.",
            "Snake Island",
            45.255,
            30.2,
            30.0,
        ),
        (
            "Cyclone warnings were issued for Socotra and the mainland coast.",
            "Socotra",
            12.5,
            53.9,
            100.0,
        ),
    ]);
}

#[test]
fn named_regions() {
    check(&[
        (
            "Drought has spread across the Sahel this year.",
            "Sahel",
            15.0,
            5.0,
            600.0,
        ),
        (
            "Aid convoys have not reached Darfur since March.",
            "Darfur",
            13.5,
            24.0,
            400.0,
        ),
        (
            "Sheep farmers in Patagonia lost half their flocks to snow.",
            "Patagonia",
            -44.0,
            -69.0,
            600.0,
        ),
        (
            "Refineries along the Gulf Coast shut ahead of the hurricane.",
            "Gulf Coast",
            29.6,
            -91.5,
            600.0,
        ),
        (
            "Fighting resumed in Nagorno-Karabakh overnight.",
            "Nagorno-Karabakh",
            39.8,
            46.75,
            100.0,
        ),
        (
            "Transnistria depends on Russian gas for its power.",
            "Transnistria",
            47.25,
            29.4,
            100.0,
        ),
        (
            "Wildfires scorched hillsides in Catalonia and Aragon.",
            "Catalonia",
            41.8,
            1.5,
            200.0,
        ),
        (
            "Snow closed the passes of Lombardy on Monday.",
            "Lombardy",
            45.6,
            9.8,
            200.0,
        ),
        (
            "Farmers in the Mekong Delta fear salt water in their fields.",
            "Mekong Delta",
            10.0,
            105.8,
            200.0,
        ),
        (
            "Troops moved into the Kurdistan Region after the vote.",
            "Kurdistan Region",
            36.2,
            44.0,
            300.0,
        ),
        (
            "Heavy rain flooded towns in the Midwest this weekend.",
            "Midwest",
            41.5,
            -90.0,
            800.0,
        ),
        (
            "The Levant has seen its driest winter in decades.",
            "Levant",
            33.5,
            36.0,
            500.0,
        ),
    ]);
}

#[test]
fn mountains_rivers_deserts_and_parks() {
    check(&[
        (
            "Two climbers died descending Mount Everest this spring.",
            "Mount Everest",
            27.99,
            86.93,
            30.0,
        ),
        (
            "Ash from Mount Etna closed the airport at Catania.",
            "Mount Etna",
            37.75,
            14.99,
            30.0,
        ),
        (
            "Water levels on the Tigris have fallen sharply.",
            "Tigris",
            33.3,
            44.4,
            500.0,
        ),
        (
            "Barges were stranded on the Mississippi River by low water.",
            "Mississippi River",
            32.5,
            -91.0,
            800.0,
        ),
        (
            "Smugglers cross the Sahara on routes that shift every year.",
            "Sahara",
            23.0,
            13.0,
            1000.0,
        ),
        (
            "Rangers in Virunga National Park were attacked again.",
            "Virunga National Park",
            -0.9,
            29.2,
            100.0,
        ),
        (
            "Bison herds in Yellowstone National Park drew record crowds.",
            "Yellowstone National Park",
            44.6,
            -110.5,
            100.0,
        ),
        (
            "Sandstorms rolled in from the Gobi Desert toward Beijing.",
            "Gobi Desert",
            43.0,
            105.0,
            600.0,
        ),
        (
            "Villagers fled as lava poured down Mount Nyiragongo.",
            "Mount Nyiragongo",
            -1.52,
            29.25,
            30.0,
        ),
        (
            "Algae blooms have spread across Lake Victoria.",
            "Lake Victoria",
            -1.0,
            33.0,
            200.0,
        ),
        (
            "Shelling was reported along the Siverskyi Donets near the front.",
            "Siverskyi Donets",
            48.9,
            38.0,
            300.0,
        ),
    ]);
}

#[test]
fn facilities_at_their_own_coordinates() {
    check(&[
        (
            "Flights resumed at Boryspil International Airport in the spring.",
            "Boryspil International Airport",
            50.34,
            30.89,
            15.0,
        ),
        (
            "Crowds gathered outside Kabul International Airport.",
            "Kabul International Airport",
            34.57,
            69.21,
            15.0,
        ),
        (
            "The plane landed at John F. Kennedy International Airport late.",
            "John F. Kennedy International Airport",
            40.64,
            -73.78,
            15.0,
        ),
        (
            "Inspectors toured the Kakhovka Dam before it was destroyed.",
            "Kakhovka Dam",
            46.78,
            33.37,
            15.0,
        ),
        (
            "Engineers warned that the Mosul Dam could fail.",
            "Mosul Dam",
            36.63,
            42.82,
            15.0,
        ),
        (
            "Grain ships left the Port of Odesa under escort.",
            "Port of Odesa",
            46.48,
            30.75,
            15.0,
        ),
        (
            "The Rivne Nuclear Power Plant lost one of its lines.",
            "Rivne Nuclear Power Plant",
            51.33,
            25.89,
            15.0,
        ),
        (
            "A crane collapsed at the Port of Rotterdam overnight.",
            "Port of Rotterdam",
            51.95,
            4.14,
            25.0,
        ),
        (
            "Drones struck Engels air base deep inside Russia.",
            "Engels air base",
            51.74,
            35.29,
            400.0,
        ),
        (
            "Construction of the Grand Ethiopian Renaissance Dam is complete.",
            "Grand Ethiopian Renaissance Dam",
            11.21,
            35.09,
            15.0,
        ),
    ]);
}

#[test]
fn the_facility_lookup_finds_a_facility_by_its_towns_name_and_type() {
    // (name as a text says it, type, latitude, longitude)
    let cases: &[(&str, FacilityType, f64, f64)] = &[
        ("Boryspil", FacilityType::Airport, 50.34, 30.89),
        ("Kabul", FacilityType::Airport, 34.57, 69.21),
        ("Zaporizhzhia", FacilityType::PowerPlant, 47.51, 34.59),
        ("Kursk", FacilityType::PowerPlant, 51.67, 35.61),
        ("Odesa", FacilityType::Port, 46.48, 30.75),
        ("Hodeidah", FacilityType::Port, 14.8, 42.93),
        ("Kakhovka", FacilityType::Dam, 46.78, 33.37),
        ("Mosul", FacilityType::Dam, 36.63, 42.82),
        ("Rivne", FacilityType::PowerPlant, 51.33, 25.89),
        ("Beirut", FacilityType::Port, 33.9, 35.52),
        ("Ust-Luga", FacilityType::Port, 59.68, 28.40),
    ];
    let g = &*GAZETTEER;
    for &(name, ty, lat, lon) in cases {
        let near = g.facilities(name, ty).any(|(_, e)| {
            e.kind == PlaceKind::Facility
                && km((f64::from(e.lat), f64::from(e.lon)), (lat, lon)) < 25.0
        });
        assert!(near, "{name} {ty:?}");
    }
    // The type decides: Kursk has a power plant and no port; a town alone
    // is no facility.
    assert_eq!(g.facilities("Kursk", FacilityType::Port).count(), 0);
    assert_eq!(g.facilities("Kursk", FacilityType::Dam).count(), 0);
    assert_eq!(g.facilities("Nowhere", FacilityType::Airport).count(), 0);
}

#[test]
fn small_towns_outside_ukraine_with_context() {
    // Towns under 15,000 people, each with its country in the sentence.
    check(&[
        (
            "In Kenya, floods cut off Garsen, a town on the Tana River.",
            "Garsen",
            -2.27,
            40.12,
            30.0,
        ),
        (
            "Syrian troops entered Tal Abyad near the Turkish border, Syria said.",
            "Tal Abyad",
            36.7,
            38.95,
            30.0,
        ),
        (
            "In Nepal, hotels in Nagarkot reopened after the landslide.",
            "Nagarkot",
            27.72,
            85.52,
            30.0,
        ),
        (
            "Bolivia: protesters blocked the road at Caranavi.",
            "Caranavi",
            -15.83,
            -67.57,
            30.0,
        ),
        (
            "Mali's army said it retook Tessalit in the north of Mali.",
            "Tessalit",
            20.2,
            1.01,
            40.0,
        ),
        (
            "Niger: the salt caravans reached Bilma at last.",
            "Bilma",
            18.69,
            12.92,
            40.0,
        ),
        (
            "Mozambique's cyclone flattened homes in Inharrime, Mozambique.",
            "Inharrime",
            -24.48,
            35.03,
            40.0,
        ),
        (
            "Somalia's drought emptied the wells of Oodweyne, Somalia.",
            "Oodweyne",
            9.41,
            45.06,
            40.0,
        ),
        (
            "In Afghanistan, the governor of Uruzgan fled Tarinkot.",
            "Tarinkot",
            32.63,
            65.88,
            40.0,
        ),
        (
            "Chad's government sent aid to Adre on the border with Sudan.",
            "Adre",
            13.47,
            22.2,
            40.0,
        ),
    ]);
}

#[test]
fn other_spellings_of_first_level_regions() {
    check(&[
        (
            "Kurdish forces control much of Hassakeh province in Syria.",
            "Hassakeh",
            36.5,
            40.75,
            300.0,
        ),
        (
            "Troops advanced in Lower Shabele, Somalia.",
            "Lower Shabele",
            1.8,
            44.5,
            300.0,
        ),
        (
            "Rains hit the Northwest Frontier Province of Pakistan.",
            "Northwest Frontier Province",
            34.5,
            72.0,
            400.0,
        ),
        (
            "Fighting flared in Al-Raqqah province, Syria.",
            "Al-Raqqah",
            35.9,
            39.0,
            300.0,
        ),
        (
            "Officials in Deir ez-Zor said the bridge fell.",
            "Deir ez-Zor",
            35.3,
            40.1,
            300.0,
        ),
        (
            "Clashes erupted in Jabal Druze in southern Syria.",
            "Jabal Druze",
            32.7,
            36.6,
            200.0,
        ),
        (
            "Yemeni forces regrouped in Hadhramout province.",
            "Hadhramout",
            16.0,
            49.0,
            500.0,
        ),
        (
            "Flooding swept Middle Juba in Somalia.",
            "Middle Juba",
            2.0,
            42.3,
            300.0,
        ),
        (
            "A curfew was imposed across Balochistan in Pakistan.",
            "Balochistan",
            28.0,
            65.0,
            500.0,
        ),
        (
            "Protests reached Gilgit-Baltistan, in Pakistan's north.",
            "Gilgit-Baltistan",
            35.8,
            74.5,
            400.0,
        ),
    ]);
}

#[test]
fn straits_are_named_with_or_without_the_word() {
    check(&[
        (
            "Tankers slowed in the Bab el-Mandeb Strait after the attack.",
            "Bab el-Mandeb Strait",
            12.6,
            43.3,
            200.0,
        ),
        (
            "Warships passed through the Hormuz Strait on Friday.",
            "Hormuz Strait",
            26.5,
            56.3,
            300.0,
        ),
        (
            "Grain ships queued at the Bosphorus Strait.",
            "Bosphorus Strait",
            41.1,
            29.05,
            100.0,
        ),
        (
            "A ferry capsized in the Strait of Malacca.",
            "Strait of Malacca",
            4.0,
            100.0,
            900.0,
        ),
        (
            "Divers searched the Strait of Kerch for the wreck.",
            "Strait of Kerch",
            45.3,
            36.5,
            100.0,
        ),
        (
            "Fog closed the Dardanelles Strait to shipping.",
            "Dardanelles Strait",
            40.2,
            26.4,
            100.0,
        ),
        (
            "Patrols increased in the Strait of Dover this month.",
            "Strait of Dover",
            51.0,
            1.5,
            100.0,
        ),
        (
            "Fishing boats crowded the Bering Strait in July.",
            "Bering Strait",
            65.7,
            -169.0,
            200.0,
        ),
        (
            "Chinese ships sailed through the Taiwan Strait again.",
            "Taiwan Strait",
            24.5,
            119.5,
            300.0,
        ),
        (
            "A tanker ran aground in the Strait of Messina.",
            "Strait of Messina",
            38.2,
            15.6,
            100.0,
        ),
    ]);
}
