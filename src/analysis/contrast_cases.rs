//! Table tests of the contrast rules: for each rule, short articles written
//! for these tests (not taken from any gold text), each with the pair the
//! rule must find (by words of its two sentences) or `None` where the rule
//! must find nothing.

use crate::analyze;

type Case = (&'static str, Option<(&'static str, &'static str)>);

/// Runs `rule` over every case and fails listing each case it got wrong.
fn check(rule: &str, cases: &[Case]) {
    assert!(cases.len() >= 10, "{rule}: at least ten cases");
    let mut wrong = Vec::new();
    for (text, want) in cases {
        let a = analyze(text);
        let sentence = |i: usize| {
            let s = &a.statements[i];
            a.sentences[s.sentence].span.slice(text)
        };
        let got: Vec<(&str, &str)> = a
            .contrasts
            .iter()
            .filter(|c| c.rule == rule)
            .map(|c| (sentence(c.a), sentence(c.b)))
            .collect();
        let ok = match want {
            Some((x, y)) => got.iter().any(|(sa, sb)| sa.contains(x) && sb.contains(y)),
            None => got.is_empty(),
        };
        if !ok {
            let all: Vec<String> = a
                .contrasts
                .iter()
                .map(|c| format!("{} {}->{}: {}", c.rule, c.a, c.b, c.reason))
                .collect();
            let st: Vec<String> = a
                .statements
                .iter()
                .map(|s| {
                    format!(
                        "[{}] {:?}",
                        s.speaker.map_or("?", |p| a.people[p].name.as_str()),
                        s.content.slice(text)
                    )
                })
                .collect();
            wrong.push(format!(
                "{text}\n  want {want:?}\n  got {all:?}\n  statements {st:?}"
            ));
        }
    }
    assert!(
        wrong.is_empty(),
        "{rule}: {} wrong\n{}",
        wrong.len(),
        wrong.join("\n")
    );
}

#[test]
fn two_sources_one_sentence() {
    check(
        "two-sources-one-sentence",
        &[
            (
                "The union says the plant will close in March, but the company says the plant will stay open.",
                Some(("union says", "company says")),
            ),
            (
                "Opposition leader Maria Velasco said the count was rigged, while the electoral commission said the count was clean.",
                Some(("Velasco", "commission")),
            ),
            (
                "Rebel spokesman Ali Musa said the rebels hold the airport; the army said the airport is under army control.",
                Some(("Musa", "army said")),
            ),
            (
                "The ministry says 40 people died in the floods, but the Red Cross says 95 people died.",
                Some(("ministry says", "Red Cross")),
            ),
            (
                "Airline chief Tom Reyes said the strike cost millions, whereas the pilots union said the strike cost almost nothing.",
                Some(("Reyes", "pilots union")),
            ),
            (
                "Police said the march was peaceful, but protesters said officers fired tear gas at the march.",
                Some(("Police said", "protesters said")),
            ),
            (
                "Governor Ana Ruiz said the levee was safe, although the workers union said the levee was close to failing.",
                Some(("Ruiz", "union said")),
            ),
            // One source only: nothing to set against.
            (
                "The company said profits rose, but it warned that sales were slowing.",
                None,
            ),
            // Two sources agreeing, joined by "and".
            (
                "The union said the talks were useful and the company said the talks were useful.",
                None,
            ),
            // Two sources in separate sentences.
            (
                "The mayor said the bridge will reopen soon. Residents said they are tired of waiting.",
                None,
            ),
            // "While" joining unrelated points with no conflict or shared topic.
            (
                "The minister said exports grew, while the union said members would meet on Friday.",
                None,
            ),
        ],
    );
}

#[test]
fn claim_counterclaim() {
    check(
        "claim-counterclaim",
        &[
            (
                "The electoral commission said President Paul Ndiaye won the vote with 58 percent. \
                 Opposition candidate Awa Sarr said the vote was rigged.",
                Some(("commission", "rigged")),
            ),
            (
                "The election commission announced that the ruling party won a majority. \
                 The opposition said the count was marred by fraud.",
                Some(("commission", "fraud")),
            ),
            (
                "Opposition leader Jonas Berg said the vote was riddled with irregularities. \
                 The government said the president won fairly.",
                Some(("irregularities", "government")),
            ),
            (
                "Provincial governor Ivan Lutsenko said the missiles hit civilian homes in Sumy. \
                 Russia's defense ministry said it only targets military sites.",
                Some(("civilian", "only targets")),
            ),
            (
                "Rebel spokesman Ali Musa said rebel units advanced into the northern suburbs. \
                 The army said it repelled the attack.",
                Some(("advanced", "repelled")),
            ),
            (
                "The company said its wage proposal was a fair offer. \
                 The union said the proposal was insulting to its members.",
                Some(("fair offer", "insulting")),
            ),
            (
                "The government said the talks produced a breakthrough. \
                 Rebel commander Omar Hassan said nothing has changed on the ground.",
                Some(("breakthrough", "nothing has changed")),
            ),
            (
                "Company spokesperson Lena Fischer said the plant is safe for workers. \
                 The union said conditions in the plant were dangerous.",
                Some(("safe", "dangerous")),
            ),
            // Same camp: two opposition voices agreeing.
            (
                "Opposition leader Jonas Berg said the vote was rigged. \
                 Opposition lawmaker Elin Strand said the result showed fraud.",
                None,
            ),
            // A claim and no counter.
            (
                "The electoral commission said the president won. \
                 The opposition said it will hold a rally on Sunday.",
                None,
            ),
            // Counter words from a source with no known side against a claim
            // from a source with none: not opposed.
            (
                "Analyst Peter Kim said the incumbent won easily. \
                 Historian Sara Lund said earlier votes were rigged.",
                None,
            ),
        ],
    );
}

#[test]
fn answer_to_claim() {
    check(
        "answer-to-claim",
        &[
            (
                "Prosecutors said businessman Karel Novak paid bribes to two judges. \
                 Novak said the charges were fabricated.",
                Some(("Prosecutors", "fabricated")),
            ),
            (
                "The union said the company ignored safety warnings at the mine. \
                 The company said the union's account of the warnings was false.",
                Some(("union said", "false")),
            ),
            (
                "Activist Mira Holt said the factory polluted the river. \
                 Factory owner Hugo Brandt said the pollution allegations were baseless.",
                Some(("Holt", "baseless")),
            ),
            (
                "Opposition leader Rosa Lima said the elections were marred by fraud. \
                 Government spokesman Tiago Reis said the announcement by the opposition was routine after elections.",
                Some(("fraud", "announcement by the opposition")),
            ),
            (
                "The health ministry said the outbreak was contained in the capital. \
                 Doctor Amir Sadeh said the ministry had downplayed the outbreak in the capital.",
                Some(("ministry said", "downplayed")),
            ),
            (
                "Kenya accused Uganda of moving troops to the border. \
                 Uganda blamed the border tension on Kenyan smugglers.",
                Some(("accused", "blamed")),
            ),
            (
                "Rebel spokesman Ali Musa said government aircraft bombed a market. \
                 The government said the claim about the market was false.",
                Some(("Musa", "false")),
            ),
            // An answer with nothing earlier on its topic.
            (
                "The weather service said heavy rain is expected. \
                 The union rejected the pay deal.",
                None,
            ),
            // The same source answering itself.
            (
                "The ministry said the figures were final. \
                 The ministry later denied the figures were final.",
                None,
            ),
            // No answer words: two statements side by side.
            (
                "The union said members will vote on Monday. \
                 The company said the vote on Monday is welcome.",
                None,
            ),
        ],
    );
}

#[test]
fn numbers_disagree() {
    check(
        "numbers-disagree",
        &[
            (
                "The interior ministry said 12 people were killed in the blast. \
                 The Red Cross said 31 people were killed in the blast.",
                Some(("12", "31")),
            ),
            (
                "The electoral commission said turnout was 41 percent. \
                 The opposition said turnout was 22 percent.",
                Some(("41", "22")),
            ),
            (
                "The weather service said the storm had winds of 150 mph. \
                 Local officials said winds reached only 90 mph.",
                Some(("150", "90")),
            ),
            (
                "Police said 2,000 protesters gathered downtown. \
                 Organizers said 15,000 protesters gathered downtown.",
                Some(("2,000", "15,000")),
            ),
            (
                "The army said it shot down 30 drones overnight. \
                 Rebel spokesman Ali Musa said the rebels launched 12 drones.",
                Some(("30", "12")),
            ),
            (
                "The company said 200 jobs would go. \
                 The union said 900 jobs would go.",
                Some(("200", "900")),
            ),
            (
                "Hospital officials said at least 40 people were injured. \
                 The ministry said 25 people were injured.",
                Some(("40", "25")),
            ),
            // Bounds that agree: at least 10, then 14.
            (
                "The ministry said at least 10 people were killed. \
                 The Red Cross said 14 people were killed.",
                None,
            ),
            // Different measures.
            (
                "The ministry said 10 people were killed. \
                 The Red Cross said 40 people were injured.",
                None,
            ),
            // The same figure.
            (
                "Police said 300 protesters were arrested. \
                 Organizers said 300 protesters were arrested.",
                None,
            ),
            // One source updating its own figure.
            (
                "The ministry said 10 people died. \
                 Later the ministry said 16 people died.",
                None,
            ),
        ],
    );
}

#[test]
fn held_vs_contested() {
    check(
        "held-vs-contested",
        &[
            (
                "Russia's defense ministry said its troops captured Kupiansk. \
                 Ukrainian President Volodymyr Zelenskyy said fighting in Kupiansk is still ongoing.",
                Some(("captured", "ongoing")),
            ),
            (
                "The Russian army said it had taken Vovchansk. \
                 Ukraine's general staff said its forces repelled the assault on Vovchansk.",
                Some(("taken", "repelled")),
            ),
            (
                "Israel's army said troops seized the Rafah crossing. \
                 Hamas said fighting continued near the Rafah crossing.",
                None,
            ),
            (
                "Ukrainian officials said Russian forces occupied Avdiivka. \
                 Ukrainian President Volodymyr Zelenskyy said Avdiivka was still holding out.",
                None,
            ),
            (
                "Russia's defense ministry said its troops captured Kupiansk. \
                 Ukrainian President Volodymyr Zelenskyy said the weather in Lviv was cold.",
                None,
            ),
            (
                "Russia's defense ministry said its troops captured Kupiansk. \
                 Russian President Vladimir Putin said fighting continues in Kupiansk.",
                None,
            ),
            (
                "Russian President Vladimir Putin said his forces took Toretsk. \
                 Ukrainian President Volodymyr Zelenskyy said Toretsk has not fallen.",
                Some(("Toretsk", "not fallen")),
            ),
            (
                "Russian President Vladimir Putin said his army is in control of Siversk. \
                 Ukraine's general staff said fighting continued in Siversk on Tuesday.",
                Some(("control", "continued")),
            ),
            (
                "Russian President Vladimir Putin said the capture of Chasiv Yar was complete. \
                 Ukrainian President Volodymyr Zelenskyy said Ukrainian units cleared Chasiv Yar of attackers.",
                Some(("capture", "cleared")),
            ),
            (
                "Ukrainian President Volodymyr Zelenskyy said fighting is ongoing in Pokrovsk. \
                 Ukrainian officials said the situation in Pokrovsk was difficult.",
                None,
            ),
        ],
    );
}

#[test]
fn marked_contrast() {
    check(
        "marked-contrast",
        &[
            (
                "Chinese President Xi Jinping said trade with Europe was growing fast. \
                 However, French President Emmanuel Macron said European trade with China was out of balance.",
                Some(("Xi", "Macron")),
            ),
            (
                "Russian President Vladimir Putin said the sanctions had failed. \
                 But British Prime Minister Keir Starmer said the sanctions were working.",
                Some(("Putin", "Starmer")),
            ),
            (
                "Indian officials said the border was calm. \
                 By contrast, Pakistani officials said shelling along the border went on all night.",
                Some(("Indian", "Pakistani")),
            ),
            (
                "Turkish President Recep Tayyip Erdogan said the pipeline would open in March. \
                 But Greek Prime Minister Kyriakos Mitsotakis said the pipeline plan had no approval.",
                Some(("Erdogan", "Mitsotakis")),
            ),
            // Same side.
            (
                "Russian President Vladimir Putin said the sanctions had failed. \
                 However, Kremlin spokesperson Dmitry Peskov said the sanctions hurt some sectors.",
                None,
            ),
            // No marker.
            (
                "Russian President Vladimir Putin said the sanctions had failed. \
                 British Prime Minister Keir Starmer said the sanctions were working.",
                None,
            ),
            // Marker but nothing shared.
            (
                "Chinese President Xi Jinping said trade with Europe was growing fast. \
                 However, French President Emmanuel Macron said he would visit Senegal in June.",
                None,
            ),
            // Sides unknown.
            (
                "Analyst Tom Berg said the merger would close in May. \
                 However, economist Lisa Gray said the merger would close much later.",
                None,
            ),
            (
                "Japanese officials said the talks on fishing rights were productive. \
                 But South Korean officials said the fishing talks produced nothing.",
                Some(("Japanese", "South Korean")),
            ),
            (
                "Egyptian officials said the dam negotiations had resumed. \
                 Ethiopian officials, however, said the dam negotiations remained frozen.",
                Some(("Egyptian", "Ethiopian")),
            ),
        ],
    );
}

#[test]
fn rejected_claim() {
    check(
        "rejected-claim",
        &[
            (
                "Norway dismissed Russia’s claim that the fishing fleet had crossed the line.",
                Some(("dismissed", "dismissed")),
            ),
            (
                "Poland rejected Belarus’s claim that the migrants had been pushed back.",
                Some(("rejected", "rejected")),
            ),
            (
                "Chile dismissed Bolivia’s claim that the river belonged to both nations.",
                Some(("dismissed", "dismissed")),
            ),
            (
                "Greece rejected Turkey’s claim that the islands were militarized.",
                Some(("rejected", "rejected")),
            ),
            (
                "Kenya dismissed Somalia’s claim that the border had moved.",
                Some(("dismissed", "dismissed")),
            ),
            (
                "Vietnam rejected China’s claim that the reef was Chinese territory.",
                Some(("rejected", "rejected")),
            ),
            ("Norway said the fishing fleet had crossed the line.", None),
            ("Poland welcomed the report on migration.", None),
            ("Chile and Bolivia signed a river treaty on Monday.", None),
            ("Greece said the talks with Turkey would resume.", None),
        ],
    );
}

#[test]
fn mutual_accusation() {
    check(
        "mutual-accusation",
        &[
            (
                "Both India and Pakistan accused each other of violating the ceasefire.",
                Some(("each other", "each other")),
            ),
            (
                "Both Armenia and Azerbaijan accused each other of shelling border villages.",
                Some(("each other", "each other")),
            ),
            (
                "Both Sudan and Chad accused each other of arming rebels.",
                Some(("each other", "each other")),
            ),
            (
                "Both Serbia and Kosovo accused one another of stoking tension in the north.",
                Some(("one another", "one another")),
            ),
            (
                "Both Ethiopia and Eritrea accused each other of massing troops.",
                Some(("each other", "each other")),
            ),
            (
                "Both Thailand and Cambodia accused each other of firing first.",
                Some(("each other", "each other")),
            ),
            ("India accused Pakistan of violating the ceasefire.", None),
            (
                "Both India and Pakistan said the ceasefire should hold.",
                None,
            ),
            ("Armenia and Azerbaijan met in Geneva on Monday.", None),
            ("Both Sudan and Chad welcomed the new aid corridor.", None),
        ],
    );
}

#[test]
fn rebuttal_clause() {
    check(
        "rebuttal-clause",
        &[
            (
                "The union demands a 10 percent raise, which the company calls unaffordable.",
                Some(("union", "unaffordable")),
            ),
            (
                "The nurses union demands a shorter week, which the ministry calls unrealistic.",
                Some(("nurses", "unrealistic")),
            ),
            (
                "The drivers union demands new contracts, which the company calls excessive.",
                Some(("drivers", "excessive")),
            ),
            (
                "The pilots union demands a pay rise, which the company calls unreasonable.",
                Some(("pilots", "unreasonable")),
            ),
            (
                "The teachers union demands smaller classes, which the ministry calls unaffordable.",
                Some(("teachers", "unaffordable")),
            ),
            (
                "The farmers union demands lower fuel taxes, which the ministry calls irresponsible.",
                Some(("farmers", "irresponsible")),
            ),
            ("The union demands a 10 percent raise, which the company calls fair.", None),
            ("The union demands a 10 percent raise.", None),
            ("The company calls the raise unaffordable.", None),
            ("The nurses union wants a shorter week and better pay.", None),
        ],
    );
}

#[test]
fn denial_after_claim() {
    check(
        "denial-after-claim",
        &[
            (
                "The army said militants were hiding weapons in the hospital. The group denied keeping weapons in hospitals.",
                Some(("army said", "denied")),
            ),
            (
                "The navy said smugglers were storing fuel in the harbour warehouses. The company denied storing fuel in warehouses.",
                Some(("navy said", "denied")),
            ),
            (
                "Police said the gang was laundering money through restaurants. The owners denied laundering money.",
                Some(("Police said", "denied")),
            ),
            (
                "The ministry said the contractor was using banned chemicals. The contractor denied using banned chemicals.",
                Some(("ministry said", "denied")),
            ),
            (
                "The regulator said the bank was hiding losses from investors. The bank denied the allegations.",
                Some(("regulator said", "denied")),
            ),
            (
                "The army said the border crossing would reopen on Monday. The group denied any role in the kidnapping.",
                None,
            ),
            (
                "The ministry said the contractor was using banned chemicals. The ministry later denied using banned chemicals itself.",
                None,
            ),
            (
                "The army said militants were hiding weapons in the hospital. Doctors said patients were moved on Friday.",
                None,
            ),
            (
                "The regulator said the bank was hiding losses. Investors welcomed the report.",
                None,
            ),
            (
                "The navy said smugglers were storing fuel in the harbour warehouses. \
                 The weather turned cold. The port was closed. Fishing boats stayed in. \
                 The company denied storing fuel in warehouses.",
                None,
            ),
        ],
    );
}

#[test]
fn refusal_charged() {
    check(
        "refusal-charged",
        &[
            (
                "Beijing said it wanted a peaceful solution in the Taiwan Strait. \
                 Taiwan’s president said China refused any peaceful dialogue with Taipei.",
                Some(("peaceful solution", "refused")),
            ),
            (
                "Moscow said it was ready for negotiations on the grain corridor. \
                 Ukrainian President Volodymyr Zelenskyy said Russia lacks any interest in negotiations.",
                Some(("negotiations", "lacks")),
            ),
            (
                "Tehran said it sought cooperation with nuclear inspectors. \
                 French President Emmanuel Macron said Iran refuses cooperation with inspectors.",
                Some(("cooperation", "refuses")),
            ),
            (
                "Washington said it wanted a ceasefire agreement soon. \
                 Russian President Vladimir Putin said the United States failed to offer any ceasefire agreement.",
                Some(("ceasefire", "failed")),
            ),
            (
                "Beijing said it wanted a peaceful solution in the Taiwan Strait. \
                 Chinese officials said Taiwan refused any peaceful dialogue.",
                None,
            ),
            (
                "Beijing said it wanted a peaceful solution in the Taiwan Strait. \
                 Taiwan’s president said the weather in Taipei was mild.",
                None,
            ),
            (
                "Moscow said it was ready for negotiations on the grain corridor. \
                 Ukrainian President Volodymyr Zelenskyy said Ukraine lacks grain storage.",
                None,
            ),
            (
                "Tehran said it sought cooperation with nuclear inspectors. \
                 French President Emmanuel Macron said France refuses to lift sanctions.",
                None,
            ),
            (
                "Washington said it wanted a ceasefire agreement soon. \
                 Russian President Vladimir Putin said the harvest failed in the south.",
                None,
            ),
            (
                "Beijing said it wanted trade negotiations with Canberra. \
                 Australian Prime Minister Anthony Albanese said China refused trade negotiations for years.",
                Some(("trade negotiations", "refused")),
            ),
        ],
    );
}
