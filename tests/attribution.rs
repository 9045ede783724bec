// Native only: these read ../shared from disk and use proptest.
#![cfg(not(target_arch = "wasm32"))]
//! Attribution forms, one case each, written for this table rather than
//! taken from the seeds: elections, disasters, business, sport, courts and
//! wars. Each row is a text and the statements expected from it: speaker
//! (or `None` for unresolved), whether it is a direct quote, and the quote
//! or a piece of the content.

use news_atlas::analysis::{analyze, Analysis};

/// (speaker, direct, quote or content fragment)
type Want = (Option<&'static str>, bool, &'static str);

const CASES: &[(&str, &str, &[Want])] = &[
    (
        "an unnamed person described by an agent noun, with a relative clause",
        "The 35-year-old trader, who asked not to be named, said: “Nobody knows what happens next.”",
        &[(Some("unnamed trader"), true, "Nobody knows what happens next.")],
    ),
    (
        "people at a named body",
        "Economists at Goldman Sachs said they now expect the first cut in September.",
        &[(Some("economists"), false, "they now expect the first cut in September")],
    ),
    (
        "a group as the subject of a participle",
        "Some analysts disagreed, arguing that unemployment could rise quickly.",
        &[(Some("some analysts"), false, "unemployment could rise quickly")],
    ),
    (
        "protesters: a plural agent noun as a group",
        "Thousands marched in Tbilisi. The protesters said the election had been stolen.",
        &[(Some("protesters"), false, "the election had been stolen")],
    ),
    (
        "headline present tense without that",
        "Zelensky says Russia must pay for the damage",
        &[(Some("Volodymyr Zelenskyy"), false, "Russia must pay for the damage")],
    ),
    (
        "officials say, then they",
        "Officials say the fire is contained. They warned residents to stay away.",
        &[
            (Some("officials"), false, "the fire is contained"),
            (Some("officials"), false, "residents to stay away"),
        ],
    ),
    (
        "she skips a man named since",
        "Italian Prime Minister Giorgia Meloni met Chancellor Friedrich Merz in Rome. “We agree on migration,” she said.",
        &[(Some("Giorgia Meloni"), true, "We agree on migration,")],
    ),
    (
        "the president: the latest speaker in that role",
        "French President Emmanuel Macron said Europe must rearm. He later met Polish President Andrzej Duda.          The president added that France would lead.",
        &[(Some("Emmanuel Macron"), false, "France would lead")],
    ),
    (
        "British single quotes, the role noun to a named person",
        "Prime Minister Keir Starmer visited a hospital. ‘We will not let the NHS fail,’ the prime minister told MPs.",
        &[(Some("Keir Starmer"), true, "We will not let the NHS fail,")],
    ),
    (
        "an organisation named with 'of'",
        "The Royal College of Nursing warned that thousands of nurses could quit.",
        &[(Some("Royal College of Nursing"), false, "thousands of nurses could quit")],
    ),
    (
        "an unnamed official, then the official again",
        "A senior official said the talks had stalled. The official added that a deal was unlikely.",
        &[
            (Some("unnamed senior official"), false, "the talks had stalled"),
            (Some("unnamed senior official"), false, "a deal was unlikely"),
        ],
    ),
    (
        "quote, then said + name + apposition",
        "“We will appeal the ruling,” said Maria Lopez, the company’s chief executive.",
        &[(Some("Maria Lopez"), true, "We will appeal the ruling,")],
    ),
    (
        "quote, then role + name + said",
        "“The market is overheated,” Goldman Sachs analyst Peter Oppenheimer said.",
        &[(Some("Peter Oppenheimer"), true, "The market is overheated,")],
    ),
    (
        "name said: straight-quoted",
        "Coach Carlo Ancelotti said: \"We deserved to win tonight.\"",
        &[(Some("Carlo Ancelotti"), true, "We deserved to win tonight.")],
    ),
    (
        "quote split by its attribution",
        "Paris Mayor Anne Hidalgo swam in the Seine. “We are ready,” Hidalgo said, “but the river is still too dirty after rain.”",
        &[
            (Some("Anne Hidalgo"), true, "We are ready,"),
            (Some("Anne Hidalgo"), true, "but the river is still too dirty after rain."),
        ],
    ),
    (
        "quote over several sentences",
        "“The storm destroyed everything. We have no water. We need help now,” said resident Joseph Mensah.",
        &[(Some("Joseph Mensah"), true, "The storm destroyed everything. We have no water. We need help now,")],
    ),
    (
        "quote continuing into the next paragraph",
        "Finance Minister Rachel Reeves told parliament: “Growth is returning.\n\n“We will not raise taxes on working people.”",
        &[
            (Some("Rachel Reeves"), true, "Growth is returning."),
            (Some("Rachel Reeves"), true, "We will not raise taxes on working people."),
        ],
    ),
    (
        "paragraph opening with a quote, attributed later",
        "“Prices will fall next year. Inflation is under control,” the central bank governor, Andrew Bailey, said on Thursday.",
        &[(Some("Andrew Bailey"), true, "Prices will fall next year. Inflation is under control,")],
    ),
    (
        "indirect with that",
        "Health Minister Ana Costa warned that hospitals were running out of beds.",
        &[(Some("Ana Costa"), false, "hospitals were running out of beds")],
    ),
    (
        "according to, at the end",
        "Three climbers died on the mountain, according to local police.",
        &[(Some("local police"), false, "Three climbers died on the mountain")],
    ),
    (
        "according to two sources joined by and",
        "Two boats capsized off Lampedusa, according to the coast guard and local fishermen.",
        &[
            (Some("coast guard"), false, "Two boats capsized off Lampedusa"),
            (Some("local fishermen"), false, "Two boats capsized off Lampedusa"),
        ],
    ),
    (
        "according to, at the start",
        "According to the World Health Organization, cases rose by 20 percent last week.",
        &[(Some("World Health Organization"), false, "cases rose by 20 percent last week")],
    ),
    (
        "he said: pronoun to the nearest speaker",
        "Prime Minister Mark Carney spoke in Ottawa on Friday. “We will respond in kind,” he said.",
        &[(Some("Mark Carney"), true, "We will respond in kind,")],
    ),
    (
        "she said after another person was mentioned",
        "Senator Amy Klobuchar questioned the nominee about Elon Musk. “This is not acceptable,” she said.",
        &[(Some("Amy Klobuchar"), true, "This is not acceptable,")],
    ),
    (
        "the spokesman: role noun to the person with that role",
        "Kremlin spokesman Dmitry Peskov spoke to reporters. The spokesman said talks would continue.",
        &[(Some("Dmitry Peskov"), false, "talks would continue")],
    ),
    (
        "unresolved role noun stays unresolved",
        "“Nothing has been decided,” the spokesman said.",
        &[(None, true, "Nothing has been decided,")],
    ),
    (
        "two speakers in one sentence",
        "Senator Elizabeth Warren said the bill was flawed, while Senator Ted Cruz said it did not go far enough.",
        &[
            (Some("Elizabeth Warren"), false, "the bill was flawed"),
            (Some("Ted Cruz"), false, "it did not go far enough"),
        ],
    ),
    (
        "inverted indirect after the content",
        "The dam is safe, insisted regional governor Oleksandr Prokudin.",
        &[(Some("Oleksandr Prokudin"), false, "The dam is safe")],
    ),
    (
        "institution with a country possessive",
        "Ukraine’s Air Force said 40 drones were downed overnight.",
        &[(Some("Ukrainian Air Force"), false, "40 drones were downed overnight")],
    ),
    (
        "country as speaker",
        "China denied the accusations on Tuesday.",
        &[(Some("Chinese government"), false, "the accusations")],
    ),
    (
        "sport: told reporters",
        "“I felt great out there,” Novak Djokovic told reporters after the match.",
        &[(Some("Novak Djokovic"), true, "I felt great out there,")],
    ),
    (
        "business: a company speaks",
        "Apple said on Tuesday that iPhone sales rose 6 percent.",
        &[(Some("Apple"), false, "iPhone sales rose 6 percent")],
    ),
    (
        "election: accused",
        "Opposition leader Kemi Badenoch accused the government of breaking its promises.",
        &[(Some("Kemi Badenoch"), false, "the government of breaking its promises")],
    ),
    (
        "participle with a quoted fragment",
        "The ministry rejected the report, calling it “baseless.”",
        &[(Some("ministry"), false, "baseless.")],
    ),
    (
        "said + name, split quote",
        "“This is not over,” said Yulia Navalnaya, “and we will keep fighting.”",
        &[
            (Some("Yulia Navalnaya"), true, "This is not over,"),
            (Some("Yulia Navalnaya"), true, "and we will keep fighting."),
        ],
    ),
    (
        "a quote after the next paragraph's attribution belongs to it",
        "“We go on,” Trump said.\n\nGerman Chancellor Friedrich Merz said on Monday that Europe must be ready.",
        &[
            (Some("Donald Trump"), true, "We go on,"),
            (Some("Friedrich Merz"), false, "Europe must be ready"),
        ],
    ),
    (
        "several speakers joined",
        "Both Britain and France pledged to send troops.",
        &[
            (Some("British government"), false, "to send troops"),
            (Some("French government"), false, "to send troops"),
        ],
    ),
    (
        "court: a judge ruled, a lawyer said",
        "Judge Tanya Chutkan said the trial would start in March. Defense lawyer John Lauro said he would appeal.",
        &[
            (Some("Tanya Chutkan"), false, "the trial would start in March"),
            (Some("John Lauro"), false, "he would appeal"),
        ],
    ),
];

fn speaker(a: &Analysis, i: Option<usize>) -> Option<&str> {
    i.and_then(|i| a.people.get(i)).map(|p| p.name.as_str())
}

#[test]
fn attribution_table() {
    let mut failures = Vec::new();
    for (form, text, wants) in CASES {
        let a = analyze(text);
        for (who, direct, piece) in *wants {
            let ok = a.statements.iter().any(|s| {
                let quoted = s
                    .quotes
                    .iter()
                    .any(|&q| a.quotes[q].span.slice(text) == *piece);
                let content = s.content.slice(text).contains(piece);
                speaker(&a, s.speaker) == *who && s.direct == *direct && (quoted || content)
            });
            if !ok {
                let got: Vec<String> = a
                    .statements
                    .iter()
                    .map(|s| {
                        format!(
                            "{:?} direct={} content={:?} unresolved={:?}",
                            speaker(&a, s.speaker),
                            s.direct,
                            s.content.slice(text),
                            s.unresolved
                        )
                    })
                    .collect();
                failures.push(format!(
                    "{form}: want {who:?} {direct} {piece:?}; got {got:#?}"
                ));
            }
        }
    }
    eprintln!(
        "attribution forms: {}/{} rows right",
        CASES.len() - failures.len().min(CASES.len()),
        CASES.len()
    );
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn unresolved_speakers_carry_a_reason() {
    let text = "“Nothing has been decided,” the spokesman said.";
    let a = analyze(text);
    let s = &a.statements[0];
    assert!(s.speaker.is_none());
    assert!(s
        .unresolved
        .as_deref()
        .is_some_and(|r| r.contains("spokesman")));
}

#[test]
fn scare_quotes_have_no_speaker() {
    let text = "Critics of the so-called “peace dividend” were quiet. The “reform” passed.";
    let a = analyze(text);
    assert_eq!(a.quotes.len(), 2);
    assert!(a.quotes.iter().all(|q| q.speaker.is_none()));
    assert!(a.statements.is_empty());
}

#[test]
fn unbalanced_quote_is_a_warning_not_a_cascade() {
    let text = "He said “we will win. Then nothing.\n\nOfficials said the vote was fair. “Fine,” Smith said.";
    let a = analyze(text);
    assert!(a.warnings.iter().any(|w| w.code == "unbalanced-quote"));
    assert!(a
        .statements
        .iter()
        .any(|s| speaker(&a, s.speaker) == Some("officials")));
    assert!(a.quotes.iter().any(|q| q.span.slice(text) == "Fine,"));
}

#[test]
fn contrasting_claims_pair_up_and_agreeing_ones_do_not() {
    let text = "Russia’s Defense Ministry said its forces had captured Bakhmut. \
                Ukraine’s General Staff denied the claim, saying fighting was still ongoing in Bakhmut.\n\
                French President Emmanuel Macron said the talks were useful. German Chancellor Friedrich Merz said the talks were useful.";
    let a = analyze(text);
    assert_eq!(a.contrasts.len(), 1, "{:#?}", a.contrasts);
    let c = &a.contrasts[0];
    assert_eq!(
        speaker(&a, a.statements[c.a].speaker),
        Some("Russian Defense Ministry")
    );
    assert_eq!(
        speaker(&a, a.statements[c.b].speaker),
        Some("Ukrainian General Staff")
    );
}

/// (text, expected contrast pairs as (speaker a, speaker b)); an empty list
/// means no pair may be found.
/// (form, text, expected pairs).
type ContrastCase = (
    &'static str,
    &'static str,
    &'static [(&'static str, &'static str)],
);

const CONTRAST_CASES: &[ContrastCase] = &[
    (
        "a claim rejected by name",
        "The electoral council said President Nicolás Maduro won the vote. \
         Opposition leader María Corina Machado rejected the claim, saying the opposition’s tallies showed a clear defeat.",
        &[("electoral council", "María Corina Machado")],
    ),
    (
        "X dismissed Y’s claim that",
        "Gazprom said exports had resumed. Poland dismissed Gazprom’s claim that the pipeline was working, \
         saying no gas had arrived.",
        &[("Gazprom", "Polish government")],
    ),
    (
        "mutual accusation",
        "Both India and Pakistan accused each other of violating the ceasefire along the border.",
        &[("Indian government", "Pakistani government")],
    ),
    (
        "a rebuttal in a relative clause",
        "The union demands a 10 percent raise, which the company calls unaffordable.",
        &[("union", "company")],
    ),
    (
        "a denial in other words",
        "The army said militants were hiding weapons in the hospital. The group denied keeping weapons in hospitals.",
        &[("army", "group")],
    ),
    (
        "a denial of something else is no contrast",
        "The army said the border crossing would reopen on Monday. The group denied any role in the kidnapping.",
        &[],
    ),
    (
        "one side says the other refuses what it claims to seek",
        "Beijing said it wanted a peaceful solution in the Taiwan Strait. \
         Taiwan’s president said China refused any peaceful dialogue with Taipei.",
        &[("Chinese government", "Taiwanese president")],
    ),
    (
        "a denial by the side just accused",
        "“We are witnessing a Russian special operation,” President Salome Zourabichvili said. \
         The Kremlin denied interfering.",
        &[("Salome Zourabichvili", "Kremlin")],
    ),
    (
        "agreement is no contrast",
        "The mayor said the bridge would reopen on Monday. The transport minister said the bridge would reopen on Monday too.",
        &[],
    ),
    (
        "same side, different words, no contrast",
        "Israeli Prime Minister Benjamin Netanyahu said the operation would continue. \
         Israel’s army said troops had captured the town. Israeli officials said fighting was ongoing in the town.",
        &[],
    ),
];

#[test]
fn contrast_table() {
    let mut failures = Vec::new();
    for (form, text, want) in CONTRAST_CASES {
        let a = analyze(text);
        let got: Vec<(String, String)> = a
            .contrasts
            .iter()
            .map(|c| {
                (
                    speaker(&a, a.statements[c.a].speaker)
                        .unwrap_or("?")
                        .to_string(),
                    speaker(&a, a.statements[c.b].speaker)
                        .unwrap_or("?")
                        .to_string(),
                )
            })
            .collect();
        let want: Vec<(String, String)> = want
            .iter()
            .map(|(x, y)| (x.to_string(), y.to_string()))
            .collect();
        if got != want {
            failures.push(format!("{form}: want {want:?}, got {got:?}"));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// A bare group noun as the speaker carries the qualifier the text gives
/// it: the place a sentence ties the group to, else the article's country.
/// (text, a word the speaker's name must hold)
const BARE_GROUP_CASES: &[(&str, &str)] = &[
    (
        "Floods swept through villages in northern Kenya this week. Officials said at least forty homes were lost.",
        "Kenyan officials",
    ),
    (
        "A fire gutted a market in Lagos, Nigeria. Authorities said the blaze began in a generator shed.",
        "Nigerian authorities",
    ),
    (
        "Police in Marseille are searching the port, and officials say two suspects are still at large.",
        "officials in Marseille",
    ),
    (
        "Rescuers in Izmir kept digging through the night. Officials said the death toll had risen to twelve.",
        "Turkish officials",
    ),
    (
        "Authorities in Porto closed the bridge as officials said the river would crest on Friday.",
        "officials in Porto",
    ),
    (
        "Voters in Poland went to the polls on Sunday. Officials said turnout was the highest since 1989.",
        "Polish officials",
    ),
    (
        "Drought has dried up reservoirs across Spain. Authorities say water will be rationed in Catalonia.",
        "Spanish authorities",
    ),
    (
        "Officials in Busan said the typhoon had knocked out power to thousands of homes.",
        "Busan",
    ),
    (
        "A ferry capsized off the coast of Indonesia. Officials said divers had found the wreck.",
        "officials in Indonesia",
    ),
    (
        "Mexico reported record heat in Monterrey. Officials said hospitals were treating dozens for heatstroke.",
        "Mexican officials",
    ),
    (
        "Engineers in Ohio inspected the dam. Officials say the water level is falling.",
        "officials",
    ),
];

#[test]
fn bare_group_speakers_carry_their_qualifier() {
    let mut failures = Vec::new();
    for &(text, want) in BARE_GROUP_CASES {
        let a = analyze(text);
        let got: Vec<&str> = a
            .statements
            .iter()
            .filter_map(|s| s.speaker.map(|p| a.people[p].name.as_str()))
            .collect();
        if !got.iter().any(|g| g.contains(want)) {
            failures.push(format!("{text}\n  want {want:?}, got {got:?}"));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// A generic body noun as the speaker goes to the body the text names.
/// (text, the index of the statement, the speaker it must have)
const GENERIC_BODY_CASES: &[(&str, usize, &str)] = &[
    (
        "The Norwegian Refugee Council aid group said the camp had run out of water.",
        0,
        "Norwegian Refugee Council",
    ),
    (
        "Amnesty International said the trial was unfair. The group said the verdict should be quashed.",
        1,
        "Amnesty International",
    ),
    (
        "A Kenyan rights group says police detained forty protesters. The Kenya Human Rights Commission says most were students.",
        0,
        "Human Rights Commission",
    ),
    (
        "Greenpeace said the spill was worse than reported. The organisation says it will sue the operator.",
        1,
        "Greenpeace",
    ),
    (
        "The Committee to Protect Journalists press freedom group said two reporters were arrested.",
        0,
        "Committee to Protect Journalists",
    ),
    (
        "Oxfam said schools were closed. Later the charity said some had reopened.",
        1,
        "Oxfam",
    ),
    (
        "The Red Cross said the raids were unlawful. The group also said detainees were beaten.",
        1,
        "Red Cross",
    ),
    (
        "A Brazilian environmental group says logging rose sharply. The Brazilian Forest Institute says satellite images confirm it.",
        0,
        "Brazilian Forest Institute",
    ),
    (
        "The Oxfam aid group said food prices had doubled.",
        0,
        "Oxfam",
    ),
    (
        "Transparency International said the audit was incomplete. The watchdog said ministers had ignored it.",
        1,
        "Transparency International",
    ),
];

#[test]
fn generic_body_speakers_go_to_the_named_body() {
    let mut failures = Vec::new();
    for &(text, i, want) in GENERIC_BODY_CASES {
        let a = analyze(text);
        let got: Vec<&str> = a
            .statements
            .iter()
            .map(|s| s.speaker.map_or("-", |p| a.people[p].name.as_str()))
            .collect();
        if !got.get(i).is_some_and(|g| g.contains(want)) {
            failures.push(format!("{text}\n  want #{i} {want:?}, got {got:?}"));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// "it" after a sentence's subject that is a body or government speaks for
/// that subject. (text, the speaker of the statement the "it" makes)
const IT_SUBJECT_CASES: &[(&str, &str)] = &[
    (
        "The Mexican navy searched the bay overnight, where it said two boats had sunk.",
        "navy",
    ),
    (
        "The World Bank cut its forecast on Tuesday, and it said growth would slow further.",
        "World Bank",
    ),
    (
        "The electoral commission delayed the count in three districts, which it said had reported irregularities.",
        "commission",
    ),
    (
        "The Pentagon released images of the launch site, which it said belonged to the militia.",
        "Pentagon",
    ),
    (
        "The Japanese coast guard patrolled the islands, where it said a foreign vessel had entered.",
        "guard",
    ),
    (
        "The health ministry opened new clinics in the north, where it said cases were rising fastest.",
        "ministry",
    ),
    (
        "The Kremlin hosted the envoy in Moscow, and it said the talks were useful.",
        "Kremlin",
    ),
    (
        "The central bank raised rates again because it said inflation was too high.",
        "bank",
    ),
    (
        "The Turkish defence ministry shared a map of the area, which it said was cleared of mines.",
        "ministry",
    ),
    (
        "The Indian army moved troops to the border, where it said shelling had resumed.",
        "army",
    ),
];

#[test]
fn it_speaks_for_the_sentence_subject() {
    let mut failures = Vec::new();
    for &(text, want) in IT_SUBJECT_CASES {
        let a = analyze(text);
        let it = a.statements.iter().find(|s| {
            s.speaker_span
                .is_some_and(|sp| sp.slice(text).ends_with("it"))
        });
        let got = it
            .and_then(|s| s.speaker)
            .map(|p| a.people[p].name.as_str());
        if !got.is_some_and(|g| g.contains(want)) {
            failures.push(format!("{text}\n  want {want:?}, got {got:?}"));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// A document a source puts out ("results announced by", "figures
/// released by") is attributed to the source, not to the document.
/// (text, speaker fragment, content fragment)
const DOCUMENT_CASES: &[(&str, &str, &str)] = &[
    (
        "Results announced by the election board on Tuesday show the mayor kept her seat.",
        "election board",
        "the mayor kept her seat",
    ),
    (
        "According to preliminary results released by the electoral commission, the ruling party won 41 seats.",
        "electoral commission",
        "the ruling party won 41 seats",
    ),
    (
        "Figures published by the statistics office suggest that unemployment fell in May.",
        "statistics office",
        "unemployment fell in May",
    ),
    (
        "According to figures compiled by the health ministry, 212 people have died.",
        "health ministry",
        "212 people have died",
    ),
    (
        "Data released by the central bank on Friday show that lending slowed sharply.",
        "central bank",
        "lending slowed sharply",
    ),
    (
        "Estimates issued by the UN refugee agency put the number of displaced at two million.",
        "agency",
        "the number of displaced at two million",
    ),
    (
        "According to official results announced overnight by the commission, turnout was 62 percent.",
        "commission",
        "turnout was 62 percent",
    ),
    (
        "A report published by Amnesty International says the prisoners were tortured.",
        "Amnesty International",
        "the prisoners were tortured",
    ),
    (
        "Returns announced by the county elections supervisor indicate the measure passed narrowly.",
        "supervisor",
        "the measure passed narrowly",
    ),
    (
        "According to a tally released late Sunday by the Red Cross, 40 villages were flooded.",
        "Red Cross",
        "40 villages were flooded",
    ),
];

/// Asserts that each (text, speaker, content) case yields a statement whose
/// speaker's name contains `speaker` (any case) and whose content contains
/// `content`; lists every case that does not.
fn assert_statement_of_each(cases: &[(&str, &str, &str)]) {
    let mut failures = Vec::new();
    for &(text, who, what) in cases {
        let a = analyze(text);
        let got: Vec<(String, &str)> = a
            .statements
            .iter()
            .map(|s| {
                let name = s.speaker.map_or("-", |p| a.people[p].name.as_str());
                (name.to_lowercase(), s.content.slice(text))
            })
            .collect();
        let ok = got
            .iter()
            .any(|(n, c)| n.contains(&who.to_lowercase()) && c.contains(what));
        if !ok {
            failures.push(format!("{text}\n  want {who:?} / {what:?}, got {got:?}"));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn documents_are_attributed_to_their_source() {
    assert_statement_of_each(DOCUMENT_CASES);
}

/// Unnamed sources described by what they are, with a place phrase after
/// them, and "he"/"she" continuing them. (text, speaker of each statement)
const UNNAMED_SOURCE_CASES: &[(&str, &[&str])] = &[
    (
        "A shopkeeper in the old town says prices have doubled.",
        &["unnamed shopkeeper"],
    ),
    (
        "A teacher in the capital, Nairobi, says classes will resume. She says pupils are eager to return.",
        &["unnamed teacher", "unnamed teacher"],
    ),
    (
        "A ruling party supporter at the rally says the win was deserved.",
        &["unnamed ruling party supporter"],
    ),
    (
        "A farmer near the river says the water rose overnight. He says his crops are lost.",
        &["unnamed farmer", "unnamed farmer"],
    ),
    (
        "An opposition supporter says the count was rigged.",
        &["unnamed opposition supporter"],
    ),
    (
        "A nurse at the district hospital says the wards are full.",
        &["unnamed nurse"],
    ),
    (
        "A driver from the northern suburbs says the roads are still closed.",
        &["unnamed driver"],
    ),
    (
        "A volunteer in the camp says food arrived on Tuesday. She says more is needed.",
        &["unnamed volunteer", "unnamed volunteer"],
    ),
    (
        "A miner in the valley says the shaft collapsed without warning.",
        &["unnamed miner"],
    ),
    (
        "A student leader in the port city, Mombasa, says the protest will go on.",
        &["unnamed student leader"],
    ),
];

#[test]
fn unnamed_sources_are_described() {
    let mut failures = Vec::new();
    for &(text, want) in UNNAMED_SOURCE_CASES {
        let a = analyze(text);
        let got: Vec<&str> = a
            .statements
            .iter()
            .map(|s| s.speaker.map_or("-", |p| a.people[p].name.as_str()))
            .collect();
        if got != want {
            failures.push(format!("{text}\n  want {want:?}, got {got:?}"));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// Reporting expressions beyond "said". (text, speaker fragment, content
/// fragment)
const REPORTING_CASES: &[(&str, &str, &str)] = &[
    (
        "The harbour master posted on X that the ferry would sail at noon.",
        "harbour master",
        "the ferry would sail at noon",
    ),
    (
        "Prime Minister Anna Berg wrote on Telegram that the border would stay open.",
        "Anna Berg",
        "the border would stay open",
    ),
    (
        "The teachers' union contends that class sizes have grown every year.",
        "union",
        "class sizes have grown every year",
    ),
    (
        "A separatist movement claimed responsibility for the pipeline blast.",
        "movement",
        "responsibility for the pipeline blast",
    ),
    (
        "Train services were suspended for six hours, the rail authority reported.",
        "rail authority",
        "Train services were suspended for six hours",
    ),
    (
        "Floodwaters rose through the night, with rescue workers saying several roads were cut off.",
        "rescue workers",
        "several roads were cut off",
    ),
    (
        "The consulate called the allegations baseless.",
        "consulate",
        "the allegations baseless",
    ),
    (
        "The airport operator downplayed the delays, calling them routine.",
        "airport operator",
        "the delays",
    ),
    (
        "According to the coast guard, the tanker ran aground at dawn.",
        "coast guard",
        "the tanker ran aground at dawn",
    ),
    (
        "Emergency services personnel said three people were pulled from the rubble.",
        "Emergency services personnel",
        "three people were pulled from the rubble",
    ),
    (
        "The striking dockers told Reuters that they would not return until pay rose.",
        "dockers",
        "they would not return until pay rose",
    ),
];

#[test]
fn reporting_expressions_beyond_said() {
    assert_statement_of_each(REPORTING_CASES);
}

/// Agencies and outlets are sources; a sentence with two sources gives
/// two statements. (text, speakers of the statements, in order)
const OUTLET_AND_TWO_SOURCE_CASES: &[(&str, &[&str])] = &[
    (
        "The ferry sank near the island, Reuters reported.",
        &["Reuters"],
    ),
    (
        "Xinhua reported that the bridge had opened to traffic.",
        &["Xinhua"],
    ),
    (
        "Agence France-Presse said three reporters were released.",
        &["Agence France-Presse"],
    ),
    (
        "The Associated Press reported that the polls closed at eight.",
        &["Associated Press"],
    ),
    ("Kyodo said the typhoon was moving north.", &["Kyodo"]),
    (
        "Yonhap reported that the talks would resume in June.",
        &["Yonhap"],
    ),
    (
        "Anadolu said the convoy had crossed the border.",
        &["Anadolu"],
    ),
    (
        "The Defence Ministry said on its Telegram channel that six drones were downed.",
        &["Defence Ministry"],
    ),
    (
        "The mayor says the tap water is safe, but residents say it smells of fuel.",
        &["mayor", "residents"],
    ),
    (
        "Engineers said the dam was sound, while farmers downstream said they feared a breach.",
        &["engineers", "farmers"],
    ),
];

#[test]
fn outlets_and_two_sources() {
    let mut failures = Vec::new();
    for &(text, want) in OUTLET_AND_TWO_SOURCE_CASES {
        let a = analyze(text);
        let got: Vec<String> = a
            .statements
            .iter()
            .map(|s| {
                let name = s.speaker.map(|p| a.people[p].name.as_str());
                let words = s.speaker_span.map(|sp| sp.slice(text));
                name.or(words).unwrap_or("-").to_lowercase()
            })
            .collect();
        let ok = got.len() == want.len()
            && got
                .iter()
                .zip(want)
                .all(|(g, w)| g.contains(&w.to_lowercase()));
        if !ok {
            failures.push(format!("{text}\n  want {want:?}, got {got:?}"));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// People the bundled figure table does not hold are recognised from the
/// given-names data, titles and name shape. (text, the speaker's name)
const UNLISTED_NAME_CASES: &[(&str, &str)] = &[
    (
        "Dolores Whitfield said the shelter was full.",
        "Dolores Whitfield",
    ),
    (
        "“We rebuilt twice,” said Reginald Okafor, a shop owner.",
        "Reginald Okafor",
    ),
    (
        "Tabitha Marsh, the county treasurer, said the budget was balanced.",
        "Tabitha Marsh",
    ),
    (
        "Cornelius Brandt told reporters the mine would close.",
        "Cornelius Brandt",
    ),
    (
        "Winifred Osei said the clinic had no power.",
        "Winifred Osei",
    ),
    (
        "Councillor Priya Raman said the road would be repaved.",
        "Priya Raman",
    ),
    (
        "Dr. Tomasz Wierzbicki said the vaccine was safe.",
        "Tomasz Wierzbicki",
    ),
    (
        "Gwendolyn Park, 54, said her house was flooded.",
        "Gwendolyn Park",
    ),
    (
        "Mayor Ignatius Bello said schools would reopen.",
        "Ignatius Bello",
    ),
    (
        "Rosalind Achterberg warned that prices would rise.",
        "Rosalind Achterberg",
    ),
];

#[test]
fn unlisted_people_are_recognised() {
    let mut failures = Vec::new();
    for &(text, want) in UNLISTED_NAME_CASES {
        let a = analyze(text);
        let got: Vec<&str> = a
            .statements
            .iter()
            .filter_map(|s| s.speaker.map(|p| a.people[p].name.as_str()))
            .collect();
        if got != [want] {
            failures.push(format!("{text}\n  want {want:?}, got {got:?}"));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// Words that are no speakers: passive hearsay ("is said to be") and a
/// document ("Results released by ...") give no statement of their own; a
/// generic noun goes to the body named before. (text, speakers)
const NOT_SPEAKER_CASES: &[(&str, &[&str])] = &[
    ("It is said to be the oldest bridge in the county.", &[]),
    ("The castle was said to be haunted.", &[]),
    ("The lake is said to have frozen only twice.", &[]),
    ("The old mill is said to date from 1790.", &[]),
    ("Such storms are said to come once a century.", &[]),
    (
        "Results released by the electoral board show a narrow win.",
        &["electoral board"],
    ),
    (
        "Figures issued by the housing agency show rents rose.",
        &["housing agency"],
    ),
    (
        "Greenpeace said the spill was spreading. The group said divers had seen dead fish.",
        &["Greenpeace", "Greenpeace"],
    ),
    (
        "The Red Cross said the roads were blocked. The organisation said it would fly in supplies.",
        &["Red Cross", "Red Cross"],
    ),
    (
        "Amnesty International said the trial was unfair. A spokesperson for the group said an appeal was planned.",
        &["Amnesty International", "Amnesty International"],
    ),
];

#[test]
fn words_that_are_no_speakers() {
    let mut failures = Vec::new();
    for &(text, want) in NOT_SPEAKER_CASES {
        let a = analyze(text);
        let got: Vec<&str> = a
            .statements
            .iter()
            .map(|s| s.speaker.map_or("-", |p| a.people[p].name.as_str()))
            .collect();
        let ok = got.len() == want.len() && got.iter().zip(want).all(|(g, w)| g.contains(w));
        if !ok {
            failures.push(format!("{text}\n  want {want:?}, got {got:?}"));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// A sentence that opens on a lead-in phrase ("Speaking in X,", "Asked
/// about Y,", "In Z,") before its attribution: the lead-in is neither the
/// speaker (a place after "in" is where, not who) nor what was said; the
/// content follows the cue. (text, speaker, content)
const LEAD_IN_CASES: &[(&str, &str, &str)] = &[
    (
        "Chile's finance minister, Mario Marcel, visited the port on Friday. Speaking in Valparaiso, the minister said copper exports would rise.",
        "Mario Marcel",
        "copper exports would rise",
    ),
    (
        "Speaking from Nairobi, William Ruto said the talks would resume next month.",
        "Ruto",
        "the talks would resume next month",
    ),
    (
        "Speaking at Davos, Christine Lagarde said inflation was easing across the euro area.",
        "Lagarde",
        "inflation was easing",
    ),
    (
        "Asked about the strike, union leader Sharon Graham said members would not back down.",
        "Sharon Graham",
        "members would not back down",
    ),
    (
        "Writing on X, Elon Musk said the launch had been delayed by a week.",
        "Musk",
        "the launch had been delayed",
    ),
    (
        "In Geneva, the UN envoy Martin Griffiths said aid convoys were still blocked.",
        "Griffiths",
        "aid convoys were still blocked",
    ),
    (
        "Speaking to reporters in Manila, President Ferdinand Marcos said the coast guard would patrol the shoal.",
        "Marcos",
        "the coast guard would patrol the shoal",
    ),
    (
        "Responding to the verdict, attorney general Justin Muturi said the state would appeal.",
        "Muturi",
        "the state would appeal",
    ),
    (
        "At a rally in Lagos, the candidate Peter Obi said the vote had been stolen.",
        "Obi",
        "the vote had been stolen",
    ),
    (
        "Peru's energy minister, Jorge Montero, toured the site on Tuesday. Speaking in Lima, the minister said the mine would close.",
        "Montero",
        "the mine would close",
    ),
    (
        "Addressing parliament in Canberra, Anthony Albanese said the bill would pass this week.",
        "Albanese",
        "the bill would pass",
    ),
];

#[test]
fn lead_in_phrases_are_neither_speaker_nor_content() {
    assert_statement_of_each(LEAD_IN_CASES);
    // Nor does the place of the lead-in become a person.
    for &(text, _, _) in LEAD_IN_CASES {
        let a = analyze(text);
        for p in &a.people {
            assert!(
                !a.places.iter().any(|pl| pl.name == p.name),
                "{text}\n  the place {:?} became a speaker",
                p.name
            );
        }
    }
}

/// Plural groups of people or bodies as speakers, with or without a
/// determiner or a modifier a list knows. (text, speaker, content)
const GROUP_SPEAKER_CASES: &[(&str, &str, &str)] = &[
    (
        "Environmental groups said the pipeline would cross a wetland.",
        "groups",
        "the pipeline would cross a wetland",
    ),
    (
        "The rebels said they had taken the airport.",
        "rebels",
        "they had taken the airport",
    ),
    (
        "Aid agencies warned that clean water was running out.",
        "agencies",
        "clean water was running out",
    ),
    (
        "Opposition parties claimed the count had been rigged.",
        "parties",
        "the count had been rigged",
    ),
    (
        "Young farmers said the subsidy came too late.",
        "farmers",
        "the subsidy came too late",
    ),
    (
        "The unions said the pay offer was an insult.",
        "unions",
        "the pay offer was an insult",
    ),
    (
        "Local charities said demand for food parcels had doubled.",
        "charities",
        "demand for food parcels had doubled",
    ),
    (
        "Grieving relatives said the ferry had been overloaded.",
        "relatives",
        "the ferry had been overloaded",
    ),
    (
        "Government troops said the road was open again.",
        "troops",
        "the road was open again",
    ),
    (
        "The river rose overnight, and worried residents said the levee would not hold.",
        "residents",
        "the levee would not hold",
    ),
    (
        "Conservation scientists said the reef was bleaching faster than expected.",
        "scientists",
        "the reef was bleaching",
    ),
];

#[test]
fn plural_groups_are_speakers() {
    assert_statement_of_each(GROUP_SPEAKER_CASES);
}
