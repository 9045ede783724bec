// Native only: these read ../shared from disk and use proptest.
#![cfg(not(target_arch = "wasm32"))]
//! The bad-input matrix: one row per kind of input a reader may paste or
//! drop, each with what must happen. Every row that reaches the analysis
//! must return with every span valid (`fuzz/invariants.rs`, shared with the
//! fuzzer); every refusal is a sentence for the reader. What needs a browser
//! (the paste panel showing the message, text rendered as text, scripts
//! never running) is in `tests/e2e/bad_input.test.mjs`.

use news_atlas::analysis::{analyze, parts, Analysis};
use news_atlas::paste_check::{file_text, validate, FileText, MAX_BYTES};

#[path = "../fuzz/invariants.rs"]
mod invariants;

/// What a row expects.
enum Expect {
    /// Refused before any analysis, with a message containing this.
    Refused(&'static str),
    /// Analysed; the check gets the text and its analysis.
    Analysed(fn(&str, &Analysis)),
}

use Expect::{Analysed, Refused};

/// The app's own path: long texts are analysed in parts.
fn analyse_as_the_page_does(text: &str) -> Analysis {
    if text.len() > parts::PART_BYTES {
        parts::analyze_in_parts(text)
    } else {
        analyze(text)
    }
}

fn place_names(a: &Analysis) -> Vec<&str> {
    a.places.iter().map(|p| p.name.as_str()).collect()
}

fn has_place(name: &str) -> impl Fn(&Analysis) -> bool + '_ {
    move |a| a.places.iter().any(|p| p.name == name)
}

fn run_row(what: &str, text: &str, expect: &Expect) {
    match (validate(text), expect) {
        (Err(message), Refused(part)) => {
            assert!(
                message.contains(part),
                "{what}: message {message:?} lacks {part:?}"
            );
            assert!(
                message.ends_with('.'),
                "{what}: {message:?} is not a sentence"
            );
        }
        (Err(message), Analysed(_)) => panic!("{what}: refused ({message}) but should be analysed"),
        (Ok(()), Refused(part)) => panic!("{what}: accepted but should be refused with {part:?}"),
        (Ok(()), Analysed(check)) => {
            let a = analyse_as_the_page_does(text);
            if let Err(why) = invariants::check(text, &a) {
                panic!("{what}: {why}");
            }
            check(text, &a);
        }
    }
    // The analysis itself never refuses: even a refused text returns.
    if text.len() <= 64 * 1024 {
        let a = analyze(text);
        if let Err(why) = invariants::check(text, &a) {
            panic!("{what} (analysed anyway): {why}");
        }
    }
}

/// Ordinary prose around stray characters: one in a hundred characters may
/// be a control character before a text counts as binary.
const FILLER: &str = "Rescuers searched through the night for people missing after the flooding, \
    and the regional government said schools would stay closed until the water receded. Residents \
    gathered at the town hall to wait for news while volunteers handed out food and blankets.";

#[test]
fn pasted_text_matrix() {
    let quotes_10k = "\"".repeat(10_000);
    let curly_10k = "“”‘’«»„\"".repeat(1250);
    let one_sentence = {
        let clause = "officials in Kyiv and Kharkiv said the shelling went on, ";
        let mut s = String::from("The");
        while s.len() < 100 * 1024 {
            s.push(' ');
            s.push_str(clause);
        }
        s.push_str("and then it stopped.");
        s
    };
    let html_as_text = "<script>alert('x')</script><img src=x onerror=alert(1)> \
        <a href=\"javascript:alert(1)\">Kyiv</a> <svg onload=alert(1)><text>Lviv</text></svg>\nOfficials in Kyiv said it was calm.";
    let rows: Vec<(&str, String, Expect)> = vec![
        (
            "empty",
            String::new(),
            Refused("There is no text to analyse"),
        ),
        (
            "white space",
            " \n\n\t \r\n ".into(),
            Refused("There is no text to analyse"),
        ),
        (
            "invisible only",
            "\u{200b}\u{feff}".into(),
            Analysed(|_, a| assert!(a.places.is_empty())),
        ),
        (
            "10 MB plus one byte",
            "a".repeat(MAX_BYTES + 1),
            Refused("News Atlas takes articles up to 10 MB"),
        ),
        (
            "stray NUL bytes in an article",
            format!("Shelling hit Kharkiv\u{0} overnight.\u{0} Officials in Kyiv said. {FILLER}"),
            Analysed(|_, a| assert!(has_place("Kharkiv")(a), "{:?}", place_names(a))),
        ),
        (
            "a few control characters in an article",
            format!("Kyiv\u{7} is calm\u{1b}[0m, officials said.\r\n{FILLER}"),
            Analysed(|_, a| assert!(has_place("Kyiv")(a))),
        ),
        (
            "mostly control characters",
            "\u{1}\u{2}\u{3}\u{4}\u{5}\u{6}\u{7}\u{8}ab".into(),
            Refused("full of control characters"),
        ),
        (
            "Cyrillic",
            "Київ — столиця України. «Ми вистоїмо», — сказав Зеленський.\nВ Харкові спокійно."
                .into(),
            Analysed(|_, a| assert!(a.sentences.len() >= 2, "{:?}", a.sentences)),
        ),
        (
            "Arabic, right to left",
            "قال المتحدث باسم الوزارة إن الوضع في كييف هادئ. وأضاف: «لن نتراجع».".into(),
            Analysed(|_, a| assert!(!a.sentences.is_empty())),
        ),
        (
            "Chinese",
            "乌克兰总统泽连斯基说：“我们不会放弃。”基辅今天很平静。".into(),
            Analysed(|_, a| assert!(!a.sentences.is_empty())),
        ),
        (
            "emoji",
            "Kyiv 🇺🇦 is calm 🙂.\n“We hold 💪👩‍👩‍👧,” Zelenskyy said in Lviv.".into(),
            Analysed(|text, a| {
                assert!(
                    has_place("Kyiv")(a) && has_place("Lviv")(a),
                    "{:?}",
                    place_names(a)
                );
                let quote = a.quotes.first().expect("the quote is found");
                assert!(quote.span.slice(text).contains("💪"));
            }),
        ),
        (
            "10,000 straight quotation marks",
            quotes_10k,
            Analysed(|_, _| {}),
        ),
        (
            "10,000 mixed quotation marks",
            curly_10k,
            Analysed(|_, _| {}),
        ),
        (
            "unbalanced quotes",
            "He said “we will never leave Kyiv.\nOfficials in Lviv said nothing.".into(),
            Analysed(|_, a| {
                assert!(
                    a.warnings.iter().any(|w| w.code == "unbalanced-quote"),
                    "{:?}",
                    a.warnings
                );
                assert!(has_place("Lviv")(a));
            }),
        ),
        (
            "one 100 KB sentence",
            one_sentence,
            Analysed(|text, a| {
                assert!(
                    text.len() > parts::PART_BYTES,
                    "long enough to be analysed in parts"
                );
                assert!(has_place("Kyiv")(a) && has_place("Kharkiv")(a));
                let kyiv = a.places.iter().find(|p| p.name == "Kyiv").expect("Kyiv");
                assert!(
                    kyiv.mentions.len() > 1000,
                    "every mention kept: {}",
                    kyiv.mentions.len()
                );
            }),
        ),
        (
            "HTML pasted as text stays text",
            html_as_text.into(),
            Analysed(|_, a| assert!(has_place("Kyiv")(a), "{:?}", place_names(a))),
        ),
        // Found by the fuzzer (fuzz/main.rs): byte slicing inside a multi-byte
        // dash or line separator next to a place name.
        (
            "en dash after a capital",
            "Kyiv–Moscow talks ended. Kyiv–, and Moscow–".into(),
            Analysed(|_, a| assert!(has_place("Kyiv")(a))),
        ),
        (
            "line separator before a region word",
            "Fighting in the\u{2028}Zabul province and the\u{2029}Kherson region.".into(),
            Analysed(|_, _| {}),
        ),
    ];
    for (what, text, expect) in &rows {
        run_row(what, text, expect);
    }
}

#[test]
fn ten_megabytes_are_accepted_and_split_into_parts() {
    // Exactly the limit is accepted; the page then analyses it part by part
    // (tests/e2e/paste.test.mjs runs a 5 MB paste to the end in the
    // browser). Here: the parts cover the text on char boundaries, and the
    // first and last parts analyse cleanly.
    let unit =
        "Rescuers in Paiporta near Valencia searched for the missing, officials said. “Ayuda” 🙂\n";
    let mut text = unit.repeat(MAX_BYTES / unit.len());
    text.push_str(&"x".repeat(MAX_BYTES - text.len()));
    assert_eq!(text.len(), MAX_BYTES);
    assert_eq!(validate(&text), Ok(()));
    let spans = parts::split(&text, parts::PART_BYTES);
    assert!(spans.len() > 100);
    assert!(spans.windows(2).all(|w| w[0].end == w[1].start));
    assert_eq!(
        (spans[0].start, spans[spans.len() - 1].end),
        (0, text.len())
    );
    for part in [spans[0], spans[spans.len() - 1]] {
        let slice = part.slice(&text);
        let a = analyze(slice);
        invariants::check(slice, &a).unwrap();
    }
}

/// Files as the paste panel reads them: bytes, with a name.
#[test]
fn dropped_file_matrix() {
    let refused: &[(&str, &[u8], &str)] = &[
        (
            "photo.txt",
            &[0x89, b'P', b'N', b'G', 0, 0, 1, 2],
            "looks like a binary file",
        ),
        (
            "latin1.txt",
            b"Kyiv\xe9 a",
            "is not UTF-8 text (invalid byte at position 4)",
        ),
        ("cut.txt", b"Kyiv \xe2\x80", "is not UTF-8 text"),
        ("empty.txt", b"", "is empty"),
        ("blank.txt", b" \r\n\t ", "is empty"),
        (
            "drawing.svg",
            b"<svg onload=\"alert(1)\"><script>alert(2)</script><text>Kyiv</text></svg>",
            "has no article text in it",
        ),
        (
            "scripts.html",
            b"<script>alert(1)</script><style>p{}</style>",
            "has no article text in it",
        ),
        ("overlong.txt", b"\xc0\xaf", "is not UTF-8 text"),
        ("surrogate.txt", b"\xed\xa0\x80", "is not UTF-8 text"),
        (
            "utf16.txt",
            b"\xff\xfeK\x00y\x00",
            "looks like a binary file",
        ),
    ];
    for (name, bytes, part) in refused {
        let message = file_text(name, bytes.to_vec()).expect_err(name);
        assert!(
            message.contains(part) && message.contains(name),
            "{name}: {message}"
        );
    }

    let page = "<!DOCTYPE html><html><head><title>x</title><script>alert('head')</script>\
        <style>p { color: red }</style></head><body><nav>Home</nav><h1>Quake shakes Izmir</h1>\
        <p>An earthquake struck off Izmir, officials said.<img src=x onerror=\"alert('img')\"></p>\
        <p><a href=\"javascript:alert('link')\">More</a> from Ankara.</p><script>alert('body')</script>\
        <svg onload=\"alert('svg')\"><script>alert('svg script')</script><text>svg text</text></svg>\
        <iframe src=\"javascript:alert(1)\"></iframe><object data=x></object></body></html>";
    for name in ["quake.html", "quake.htm", "quake.txt"] {
        let Ok(FileText::Plain(text)) = file_text(name, page.as_bytes().to_vec()) else {
            panic!("{name}: HTML is read as plain text");
        };
        for payload in [
            "alert",
            "<script",
            "onerror",
            "javascript:",
            "<svg",
            "color: red",
        ] {
            assert!(
                !text.contains(payload),
                "{name}: {payload} left in {text:?}"
            );
        }
        assert!(text.contains("An earthquake struck off Izmir"), "{text:?}");
        run_row(
            name,
            &text,
            &Analysed(|_, a| assert!(a.places.iter().any(|p| p.name.contains("zmir")))),
        );
    }

    // A text file with a BOM, CRLF line ends, Cyrillic and emoji is text.
    let Ok(FileText::Plain(text)) = file_text(
        "notes.txt",
        "\u{feff}Київ 🙂\r\nKyiv is calm.\r\n".as_bytes().to_vec(),
    ) else {
        panic!("a UTF-8 text file is read");
    };
    run_row(
        "notes.txt",
        &text,
        &Analysed(|_, a| assert!(has_place("Kyiv")(a))),
    );
}
