//! What the app does, how, and whose data it uses.

use yew::prelude::*;

#[component]
pub fn About() -> Html {
    html! {
        <section class="about" aria-labelledby="about-heading">
            <h1 id="about-heading">{ "About News Atlas" }</h1>
            <p>
                { "News Atlas reads a news article and shows where its events happen and who said \
                   what. Everything is computed in your browser: no text leaves your device." }
            </p>
            <h2>{ "Data credits" }</h2>
            <ul class="credits">
                <li>
                    { "Place names, coordinates and populations: " }
                    <a href="https://www.geonames.org/" rel="noopener">{ "GeoNames" }</a>
                    { ", licensed under CC BY 4.0." }
                </li>
                <li>
                    { "Country and region outlines and region names: " }
                    <a href="https://www.naturalearthdata.com/" rel="noopener">{ "Natural Earth" }</a>
                    { " (public domain)." }
                </li>
            </ul>
        </section>
    }
}
