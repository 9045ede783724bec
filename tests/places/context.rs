// Native only: the bundled gazetteer through the public analysis.
//! Issue 13's context class: a shared name resolves in the country the
//! article names or the other places lie in, over a larger namesake
//! elsewhere. Sentences written for these tests.

use news_atlas::analysis::analyze;

#[test]
fn shared_names_follow_the_articles_countries() {
    // (text, name as written, the country it must resolve in)
    for (text, name, cc) in [
        (
            "Lebanese troops deployed in Tripoli after clashes in Beirut.",
            "Tripoli",
            "LB",
        ),
        (
            "Fighting in Tripoli and Benghazi worried Libya's neighbours.",
            "Tripoli",
            "LY",
        ),
        (
            "Officials in Georgia said the fire near Tbilisi spread.",
            "Georgia",
            "GE",
        ),
        (
            "Peach growers in Georgia met near Atlanta.",
            "Georgia",
            "US",
        ),
        (
            "In Spain, the town of Adra near Almeria flooded.",
            "Adra",
            "ES",
        ),
        (
            "The storm hit Valencia and Alicante in Spain.",
            "Valencia",
            "ES",
        ),
        (
            "The storm hit Valencia in Venezuela overnight.",
            "Valencia",
            "VE",
        ),
        (
            "Syrian forces shelled Hama and villages nearby in Syria.",
            "Hama",
            "SY",
        ),
        (
            "Rain flooded Alexandria and Cairo, Egypt's ministry said.",
            "Alexandria",
            "EG",
        ),
        (
            "Police in Cordoba, Argentina, detained three men.",
            "Cordoba",
            "AR",
        ),
        (
            "A quake shook Santiago and Valparaiso in Chile.",
            "Santiago",
            "CL",
        ),
    ] {
        let a = analyze(text);
        let got: Vec<_> = a
            .places
            .iter()
            .filter(|p| p.mentions.iter().any(|m| m.slice(text) == name))
            .map(|p| p.country.clone())
            .collect();
        assert_eq!(got, [Some(cc.to_string())], "{text}");
    }
}
