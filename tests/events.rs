//! The events stage, a table per rule class, every sentence written here:
//! figures keep their unit; durations and distances that say where are not
//! incident figures; an incident's place is where it happened, not where
//! its source spoke; competing figures are both kept with their sources;
//! time expressions are found and resolved against the article's date
//! (week, month, year and leap-year boundaries included).

use news_atlas::analysis::events::{competing, Event, Figure, FigureKind, TimeExpr};
use news_atlas::analysis::{analyze, Analysis};
use news_atlas::date_guess::resolve_time;

/// Every figure of every event: (value, unit, what).
fn figures(a: &Analysis) -> Vec<(u64, Option<String>, Option<&'static str>)> {
    a.events
        .iter()
        .flat_map(|e| &e.figures)
        .map(|f| (f.value, f.unit.clone(), f.what))
        .collect()
}

#[test]
fn figures_keep_their_unit() {
    type Row = (
        &'static str,
        &'static [(u64, &'static str, Option<&'static str>)],
    );
    #[rustfmt::skip]
    let table: &[Row] = &[
        ("Wildfires have burned 35,000 hectares of pine forest since Sunday.",
            &[(35_000, "hectares", Some("damaged"))]),
        ("The fire destroyed 4,000 barrels of fuel at the depot.",
            &[(4_000, "barrels", Some("destroyed"))]),
        ("Floods destroyed 1,200 homes and damaged 3,400 houses in the valley.",
            &[(1_200, "homes", Some("destroyed")), (3_400, "houses", Some("damaged"))]),
        ("The storm dumped 310 mm of rain and killed 14 people.",
            &[(310, "mm of rain", None), (14, "people", Some("killed"))]),
        ("Winds of 180 km/h damaged 600 buildings along the coast.",
            &[(180, "km/h", None), (600, "buildings", Some("damaged"))]),
        ("The blast destroyed 40% of the grain stored in the port.",
            &[(40, "per cent", Some("destroyed"))]),
        ("Looters took $3 million in cash after the riot damaged 20 shops.",
            &[(3_000_000, "dollars", None), (20, "shops", Some("damaged"))]),
        ("The quake damaged 2,500 tonnes of stored wheat.",
            &[(2_500, "tonnes", Some("damaged"))]),
        ("Shelling knocked out 1,500 megawatts, leaving 300,000 families without power.",
            &[(1_500, "megawatts", None), (300_000, "families", Some("without power"))]),
        ("Hail damaged crops on 8,000 acres, and 2,000 cattle died.",
            &[(8_000, "acres", Some("damaged")), (2_000, "cattle", Some("killed"))]),
        ("The hurricane, with gusts of 220 km/h, killed 31 people.",
            &[(220, "km/h", None), (31, "people", Some("killed"))]),
        ("Nearly 90 per cent of the crop was destroyed and 35,000 hectares damaged.",
            &[(90, "per cent", Some("destroyed")), (35_000, "hectares", Some("damaged"))]),
    ];
    for &(text, want) in table {
        let got = figures(&analyze(text));
        let want: Vec<_> = want
            .iter()
            .map(|&(v, u, w)| (v, Some(u.to_string()), w))
            .collect();
        assert_eq!(got, want, "{text}");
    }
}

#[test]
fn durations_and_distances_are_not_incident_figures() {
    // (text, a number that is no incident figure, an incident figure that
    // stays). A duration is no figure at all; a distance that says where is
    // kept as a distance, with no outcome.
    #[rustfmt::skip]
    let table: &[(&str, u64, (u64, &str))] = &[
        ("Two missiles struck a depot 30 km from the front, killing 3 soldiers.", 30, (3, "killed")),
        ("After a 10-hour drive, rescuers said 6 people had been killed.", 10, (6, "killed")),
        ("Shelling for three days killed 9 civilians.", 3, (9, "killed")),
        ("Within 48 hours, 20 people were injured.", 48, (20, "injured")),
        ("The village, 12 miles north of the border, saw 40 homes destroyed.", 12, (40, "destroyed")),
        ("A drone hit a bus 5 km (3 miles) away from the checkpoint, wounding 11 passengers.", 3, (11, "injured")),
        ("A drone hit a bus 5 km away from the checkpoint, wounding 11 passengers.", 5, (11, "injured")),
        ("Fighting over the past two weeks has killed 150 fighters.", 2, (150, "killed")),
        ("The ship sank 200 metres off the coast and 14 sailors drowned.", 200, (14, "killed")),
        ("Missiles hit targets 100 kilometres inside the country, killing 2 people.", 100, (2, "killed")),
        ("For 72 hours the city was shelled and 18 residents were killed.", 72, (18, "killed")),
        ("Over 6 months, the siege killed 400 people.", 6, (400, "killed")),
    ];
    // Durations leave no figure at all.
    for text in [
        "Shelling for 3 days killed 9 civilians.",
        "Within 48 hours, 20 people were injured.",
    ] {
        let values: Vec<u64> = figures(&analyze(text)).iter().map(|f| f.0).collect();
        assert!(
            !values.contains(&3) && !values.contains(&48),
            "{text}: {values:?}"
        );
    }
    for &(text, gone, (kept, what)) in table {
        let a = analyze(text);
        let all: Vec<&Figure> = a.events.iter().flat_map(|e| &e.figures).collect();
        for f in all.iter().filter(|f| f.value == gone) {
            assert_eq!(
                (f.kind, f.what),
                (FigureKind::Distance, None),
                "{text}: {all:?}"
            );
        }
        let got = figures(&a);
        assert!(
            got.iter().any(|f| f.0 == kept && f.2 == Some(what)),
            "{text}: {got:?}"
        );
    }
}

fn place_of(a: &Analysis, e: &Event) -> Option<String> {
    e.place.map(|p| a.places[p].name.clone())
}

#[test]
fn the_place_is_where_it_happened_not_where_the_source_spoke() {
    #[rustfmt::skip]
    let table: &[(&str, Option<&str>)] = &[
        ("Speaking in Geneva, the UN official said 40 people died in Khartoum.", Some("Khartoum")),
        ("The minister told reporters in Paris that 12 people were killed in Marseille.", Some("Marseille")),
        ("At a news conference in Nairobi, police said 8 people drowned in Mombasa.", Some("Mombasa")),
        ("Speaking from Washington, the envoy said 30 civilians were killed in Aleppo.", Some("Aleppo")),
        ("In an interview in London, the governor said floods displaced 2,000 families in Lagos.", Some("Lagos")),
        ("Addressing parliament in Kyiv, the minister said 14 people were injured in Kharkiv.", Some("Kharkiv")),
        ("At a briefing in Brussels, officials said 5 drones were shot down over Lviv.", Some("Lviv")),
        ("A spokesman speaking in Moscow said 3 people were killed in Belgorod.", Some("Belgorod")),
        ("Speaking in Berlin, the chancellor said the storm killed 9 people in Hamburg.", Some("Hamburg")),
        ("Speaking at a summit in Rome, she said 60 migrants drowned near Tripoli.", Some("Tripoli")),
        // Only the speaking place is named: the incident's place is unknown.
        ("Speaking in Geneva, the official said 40 people died.", None),
        // A place named as where it happened stays.
        ("Rockets killed 4 people in Odesa, officials said.", Some("Odesa")),
    ];
    for &(text, want) in table {
        let a = analyze(text);
        assert_eq!(a.events.len(), 1, "{text}");
        assert_eq!(place_of(&a, &a.events[0]).as_deref(), want, "{text}");
        // Nor is the place spoken from the figures' source.
        for f in &a.events[0].figures {
            let source = f.source.map(|p| a.people[p].name.as_str());
            for spoken in [
                "Geneva",
                "Paris",
                "Nairobi",
                "Washington",
                "London",
                "Brussels",
                "Rome",
            ] {
                assert_ne!(source, Some(spoken), "{text}");
            }
        }
    }
}

/// The sources of the figures, in order, lower-cased.
fn sources(a: &Analysis) -> Vec<Option<String>> {
    a.events
        .iter()
        .flat_map(|e| &e.figures)
        .map(|f| f.source.map(|p| a.people[p].name.to_lowercase()))
        .collect()
}

#[test]
fn competing_figures_are_both_kept_with_their_sources() {
    // (text, each figure's value and a word of its source, competing pairs)
    type Row = (&'static str, &'static [(u64, &'static str)], usize);
    #[rustfmt::skip]
    let table: &[Row] = &[
        ("Police said 12 people were killed. Organisers said 40 people were killed.",
            &[(12, "police"), (40, "organisers")], 1),
        ("The government said 3,000 homes were destroyed. The Red Cross said 7,500 homes were destroyed.",
            &[(3_000, "government"), (7_500, "red cross")], 1),
        ("According to Mayor Ana Silva, 18 people were injured. Hospital officials said 31 people were injured.",
            &[(18, "silva"), (31, "hospital")], 1),
        ("The company said 200 workers were evacuated. The union said 900 workers were evacuated.",
            &[(200, "company"), (900, "union")], 1),
        ("Election officials said 12 voters were injured in clashes. The opposition said 80 voters were injured.",
            &[(12, "election"), (80, "opposition")], 1),
        ("The fire service said 1,100 hectares burned overnight. The environment ministry said 4,000 hectares burned.",
            &[(1_100, "fire service"), (4_000, "ministry")], 1),
        ("Officials said 9 people were missing. Relatives said 25 people were missing.",
            &[(9, "officials"), (25, "relatives")], 1),
        ("The army said 6 drones were shot down. Rebel leader Joseph Kamau said 14 drones were shot down.",
            &[(6, "army"), (14, "kamau")], 1),
        // The same figure from two sources does not compete.
        ("Police said 7 people died. Medics said 7 people died.",
            &[(7, "police"), (7, "medics")], 0),
        // Different outcomes do not compete.
        ("Police said 7 people were killed. Medics said 30 people were injured.",
            &[(7, "police"), (30, "medics")], 0),
        // Different units do not compete.
        ("The ministry said 230 civilians were killed. The army said 45 fighters were killed.",
            &[(230, "ministry"), (45, "army")], 0),
    ];
    for &(text, want, pairs) in table {
        let a = analyze(text);
        let got = sources(&a);
        let values: Vec<u64> = a
            .events
            .iter()
            .flat_map(|e| &e.figures)
            .map(|f| f.value)
            .collect();
        assert_eq!(
            values,
            want.iter().map(|w| w.0).collect::<Vec<_>>(),
            "{text}"
        );
        for (source, &(_, word)) in got.iter().zip(want) {
            let source = source.as_deref().unwrap_or("");
            assert!(
                source.contains(word),
                "{text}: source {source:?}, want {word:?}"
            );
        }
        assert_eq!(competing(&a.events, 3).len(), pairs, "{text}");
    }
}

/// The days the event of `text` happened, resolved against `date`.
fn event_days(text: &str, date: &str) -> Option<(String, String)> {
    let a = analyze(text);
    let when = a.events.first()?.when?;
    resolve_time(when.expr, date).map(|r| (r.start, r.end))
}

#[test]
fn time_expressions_resolve_against_the_article_date() {
    // 2025-03-05 is a Wednesday; 2025-03-03 a Monday; 2025-01-01 a
    // Wednesday; 2025-03-09 a Sunday.
    #[rustfmt::skip]
    let table: &[(&str, &str, &str, &str)] = &[
        ("On Monday, shelling killed 3 people.", "2025-03-05", "2025-03-03", "2025-03-03"),
        ("On Wednesday, shelling killed 3 people.", "2025-03-05", "2025-03-05", "2025-03-05"),
        ("Shelling on Sunday killed 3 people.", "2025-03-03", "2025-03-02", "2025-03-02"),
        ("Shelling killed 3 people late on Thursday.", "2025-03-05", "2025-02-27", "2025-02-27"),
        ("Yesterday a flood killed 5 people.", "2025-03-01", "2025-02-28", "2025-02-28"),
        ("Yesterday a flood killed 5 people.", "2024-03-01", "2024-02-29", "2024-02-29"),
        ("A strike killed 2 people last week.", "2025-01-01", "2024-12-23", "2024-12-29"),
        ("Drones injured 4 people overnight.", "2025-01-01", "2024-12-31", "2025-01-01"),
        ("Earlier this month, floods displaced 900 families.", "2024-02-29", "2024-02-01", "2024-02-29"),
        ("Last month, floods displaced 900 families.", "2024-03-10", "2024-02-01", "2024-02-29"),
        ("Last month, floods displaced 900 families.", "2023-03-10", "2023-02-01", "2023-02-28"),
        ("Last month, floods displaced 900 families.", "2025-01-15", "2024-12-01", "2024-12-31"),
        ("The blast on March 3 killed 6 people.", "2025-03-05", "2025-03-03", "2025-03-03"),
        ("The blast on March 3 killed 6 people.", "2025-02-10", "2024-03-03", "2024-03-03"),
        ("The storm of February 29 destroyed 80 homes.", "2025-06-01", "2024-02-29", "2024-02-29"),
        ("The storm of February 29 destroyed 80 homes.", "2100-03-01", "2096-02-29", "2096-02-29"),
        ("The attack on 3 March 2021 killed 6 people.", "2025-03-05", "2021-03-03", "2021-03-03"),
        ("Two days ago a fire destroyed 12 homes.", "2025-03-01", "2025-02-27", "2025-02-27"),
        ("Last year the drought killed 2,000 cattle.", "2025-03-05", "2024-01-01", "2024-12-31"),
        ("On Monday, March 3, a drone killed 1 person.", "2025-03-20", "2025-03-03", "2025-03-03"),
        ("A bomb injured 8 people this week.", "2025-03-09", "2025-03-03", "2025-03-09"),
        ("Sept. 30 floods destroyed 50 homes.", "2025-10-02", "2025-09-30", "2025-09-30"),
    ];
    for &(text, date, start, end) in table {
        assert_eq!(
            event_days(text, date),
            Some((start.to_string(), end.to_string())),
            "{text} ({date})"
        );
    }
}

#[test]
fn no_time_without_a_time_expression() {
    #[rustfmt::skip]
    let table: &[&str] = &[
        "Floods killed 5 people in the valley.",
        "Officials may revise the toll of 12 people killed.",
        "A strike killed 3 people, the army said.",
        "Winds damaged 40 homes as the storm moved inland.",
        "The attack killed 9 people and injured 20 more.",
        "Rescuers said 7 people were killed when the bridge fell.",
        "The 2019 floods killed 300 people.",
        "Shelling killed 4 people in March.",
        "A mine blast killed 2 people near the border.",
        "Police detained 60 protesters in the square.",
    ];
    for text in table {
        let a = analyze(text);
        assert_eq!(a.events.len(), 1, "{text}");
        assert_eq!(a.events[0].when, None, "{text}");
    }
}

#[test]
fn an_undated_article_resolves_nothing() {
    for expr in [
        TimeExpr::Today,
        TimeExpr::LastWeek,
        TimeExpr::Weekday { weekday: 3 },
        TimeExpr::DaysAgo { days: 2 },
    ] {
        assert_eq!(resolve_time(expr, ""), None);
        assert_eq!(resolve_time(expr, "2025-02-30"), None);
        assert_eq!(resolve_time(expr, "05/03/2025"), None);
    }
    // Out of the calendar's range: nothing, not a wrong date.
    assert_eq!(resolve_time(TimeExpr::LastYear, "1900-03-01"), None);
}

#[test]
fn competing_figures_feed_the_numbers_contrast() {
    // (text, the reason's measure when the two are paired, or None). Sources
    // must be opposed (a government and an opposition, a company and a
    // union, an army and rebels); figures must count the same outcome in
    // the same unit and be unable to both be right.
    #[rustfmt::skip]
    let table: &[(&str, Option<&str>)] = &[
        ("The government said 3,000 homes were destroyed. The opposition party said 7,500 homes were destroyed.",
            Some("homes destroyed")),
        ("Company spokesman Peter Ford said 1,100 hectares burned. The union said 4,000 hectares burned.",
            Some("hectares damaged")),
        ("The army said 6 drones were shot down over the city. Rebel leader Joseph Kamau said 14 drones were shot down.",
            Some("drones")),
        ("The government said 120 houses were damaged by the blast. The opposition party said 900 houses were damaged.",
            Some("houses damaged")),
        ("The company said 30 tonnes of fuel were destroyed. The union said 300 tonnes of fuel were destroyed.",
            Some("tonnes destroyed")),
        // "at least 12" and "40" can both be right.
        ("The government said at least 12 homes were destroyed. The opposition party said 40 homes were destroyed.",
            None),
        // The same figure is no disagreement.
        ("The government said 500 homes were destroyed. The opposition party said 500 homes were destroyed.",
            None),
        // Different outcomes.
        ("The government said 500 homes were destroyed. The opposition party said 900 homes were damaged.",
            None),
        // Different units.
        ("The government said 500 homes were destroyed. The opposition party said 900 shops were destroyed.",
            None),
        // Two sources of one side do not dispute.
        ("The government said 500 homes were destroyed. The interior ministry said 900 homes were destroyed.",
            None),
        // A figure with no source is no side of a dispute.
        ("About 500 homes were destroyed. The opposition party said 900 homes were destroyed.",
            None),
    ];
    for &(text, want) in table {
        let a = analyze(text);
        let numbers: Vec<&str> = a
            .contrasts
            .iter()
            .filter(|c| c.rule == "numbers-disagree")
            .map(|c| c.reason.as_str())
            .collect();
        match want {
            Some(measure) => {
                assert_eq!(numbers.len(), 1, "{text}: {numbers:?}");
                assert!(
                    numbers[0].ends_with(&format!("({measure})")),
                    "{text}: {numbers:?}"
                );
            }
            None => assert!(numbers.is_empty(), "{text}: {numbers:?}"),
        }
    }
}
