//! The page draws a bundled article from its analysis computed at build time
//! (build.rs, feature `precomputed`: `serde_json::to_string(&analyze(text))`)
//! and read back in the page (`serde_json::from_str`, src/precomputed.rs).
//! These prove that round trip gives back what `analyze(text)` gives, on the
//! bundled articles and on texts that exercise every part of an analysis.

use news_atlas::analysis::{analyze, Analysis};
use news_atlas::articles;

/// Serializes and reads back as the build and the page do. The page reads
/// from `'static` text (include_str!); here the JSON is leaked to match.
fn round_trip(a: &Analysis) -> Analysis {
    let json: &'static str = Box::leak(serde_json::to_string(a).unwrap().into_boxed_str());
    serde_json::from_str(json).expect("an analysis reads back")
}

/// Every public field equal. People are compared by their serialized form:
/// their crate-internal working fields (alias keys, gender) are not carried,
/// and nothing outside the analysis crate can read them.
fn assert_same(text_name: &str, a: &Analysis, b: &Analysis) {
    assert_eq!(a.paragraphs, b.paragraphs, "{text_name}: paragraphs");
    assert_eq!(a.sentences, b.sentences, "{text_name}: sentences");
    assert_eq!(a.places, b.places, "{text_name}: places");
    assert_eq!(a.unresolved, b.unresolved, "{text_name}: unresolved");
    assert_eq!(a.demonyms, b.demonyms, "{text_name}: demonyms");
    assert_eq!(a.metonyms, b.metonyms, "{text_name}: metonyms");
    assert_eq!(
        serde_json::to_value(&a.people).unwrap(),
        serde_json::to_value(&b.people).unwrap(),
        "{text_name}: people"
    );
    assert_eq!(a.camps, b.camps, "{text_name}: camps");
    assert_eq!(a.quotes, b.quotes, "{text_name}: quotes");
    assert_eq!(a.contrasts, b.contrasts, "{text_name}: contrasts");
    assert_eq!(a.events, b.events, "{text_name}: events");
    assert_eq!(a.warnings, b.warnings, "{text_name}: warnings");
    // Statements carry a crate-internal list of merged cues as well.
    assert_eq!(
        serde_json::to_value(&a.statements).unwrap(),
        serde_json::to_value(&b.statements).unwrap(),
        "{text_name}: statements"
    );
    assert_eq!(
        serde_json::to_string(a).unwrap(),
        serde_json::to_string(b).unwrap(),
        "{text_name}: whole"
    );
}

#[test]
fn bundled_analyses_read_back_equal() {
    for article in articles::bundled() {
        let fresh = analyze(&article.text);
        assert!(!fresh.places.is_empty() && !fresh.statements.is_empty());
        assert_same(&article.id, &fresh, &round_trip(&fresh));
    }
}

/// Texts written here, one per kind of content: coordinates and confidences
/// (floats), unresolved names, demonyms, metonyms, quotes of each kind,
/// contrasts, events with qualifiers, warnings, non-ASCII and escapes.
const TEXTS: &[(&str, &str)] = &[
    ("empty", ""),
    ("white space", " \n\n\t "),
    ("places", "Shelling hit Kharkiv and Odesa overnight; later Lviv, Dnipro and the Donetsk region."),
    ("far places", "Floods reached Sylhet in Bangladesh, then Chittagong, Mumbai and Nairobi, Kenya."),
    ("unresolved", "Troops advanced near Zzyzxbury and the Qqorvatsk region, officials said."),
    ("demonyms and metonyms", "Moscow condemned the move. Russian and Ukrainian officials met; the Kremlin said nothing."),
    ("quotes", "“We will not give up,” the mayor of Kherson said. He added: “Never.” A so-called “deal” failed."),
    ("unbalanced quote", "He said “this never closes.\n\nNext paragraph without any mark."),
    ("contrast", "Russia's Defense Ministry said its forces captured Pokrovsk. Ukraine's army denied the claim, saying fighting was still ongoing in Pokrovsk."),
    ("events", "At least 4 people were killed and nearly 40 injured in Dnipro. Russia launched 89 drones; 63 were intercepted."),
    ("escapes", "A \"straight\" quote, a back\\slash, a tab\there, and a line\r\nend in Kyiv."),
    ("scripts", "Київ and Kyiv, القاهرة and Cairo, 北京 and Beijing 🙂 met in Geneva."),
];

#[test]
fn analyses_of_every_kind_read_back_equal() {
    for (name, text) in TEXTS {
        let fresh = analyze(text);
        assert_same(name, &fresh, &round_trip(&fresh));
    }
}
