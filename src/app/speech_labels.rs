//! Words for the analysis' speech enums as the reader sees them. Names come
//! from the enums' serialized form, so a variant the analysis adds later
//! shows under its own name instead of breaking the page.

use serde::Serialize;

use crate::analysis::lexicon::Stance;
use crate::analysis::people::SpeakerKind;

/// The serialized (lowercase) name of a unit enum variant.
fn variant_name<T: Serialize>(value: &T) -> String {
    match serde_json::to_value(value) {
        Ok(serde_json::Value::String(name)) => name,
        _ => String::new(),
    }
}

/// A noun for what a stance makes of a statement: "claim", "denial".
pub fn stance_label(stance: Stance) -> String {
    let name = variant_name(&stance);
    let noun = match name.as_str() {
        "assert" => "statement",
        "confirm" => "confirmation",
        "deny" => "denial",
        "dismiss" => "dismissal",
        "warn" => "warning",
        "insist" => "insistence",
        "urge" => "appeal",
        "accuse" => "accusation",
        "criticize" => "criticism",
        "condemn" => "condemnation",
        "characterize" => "characterisation",
        "suggest" => "suggestion",
        "argue" => "argument",
        "concede" => "concession",
        "announce" => "announcement",
        "emphasize" => "emphasis",
        "ask" => "question",
        // "claim", "praise", "demand", "report", "pledge" are their own nouns.
        _ => return name,
    };
    noun.to_string()
}

/// "person", "institution", "group", "government".
pub fn kind_label(kind: SpeakerKind) -> String {
    variant_name(&kind)
}
