//! Country and region outlines under the markers, and the context drawn
//! when zoomed in: lakes and rivers (Natural Earth 1:50m, in the outline
//! file) and the largest towns around (from the gazetteer).

use std::rc::Rc;

use yew::prelude::*;

use crate::geo::context::Town;
use crate::geo::{self, Rect};

#[derive(PartialEq, Properties)]
pub struct MapOutlinesProps {
    /// The part of the world to draw (the view and a margin around it).
    pub window: Rect,
    /// Pixels per world unit when the window was cut: sets path precision.
    pub scale: f64,
    /// Towns that may be drawn as context, largest first (empty until the
    /// gazetteer is installed).
    pub towns: Rc<Vec<Town>>,
    /// Which of them to draw for `window` (see `geo::context::pick_towns`).
    pub picked: Rc<Vec<usize>>,
}

/// Draws outlines and context in world units. Like the borders, the towns
/// only change when the map cuts a new window, never on a pan step.
#[component]
pub fn MapOutlines(props: &MapOutlinesProps) -> Html {
    html! {
        <g class="na-map__outlines" aria-hidden="true">
            <Borders window={props.window} scale={props.scale} />
            <Towns towns={props.towns.clone()} picked={props.picked.clone()} />
        </g>
    }
}

#[derive(PartialEq, Properties)]
struct BordersProps {
    window: Rect,
    scale: f64,
}

/// Country borders, and region borders, lakes and rivers when zoomed in. The paths only
/// change when the map moves out of `window` or zooms far enough to change
/// detail, never on every pan step: the map cuts a new window then.
#[component]
fn Borders(props: &BordersProps) -> Html {
    let paths = use_memo((props.window, props.scale.to_bits()), |(window, scale)| {
        let scale = f64::from_bits(*scale);
        (
            geo::country_paths(*window, scale),
            geo::region_paths(*window, scale),
            geo::path::water_paths(*window, scale),
        )
    });
    let (countries, regions, (lakes, rivers)) = &*paths;
    html! {
        <>
            <g class="na-map__countries">
                { for countries.iter().map(|p| html! {
                    <path key={format!("{}{}", p.code, p.name)} d={p.d.clone()} />
                }) }
            </g>
            <g class="na-map__lakes">
                { for lakes.iter().enumerate().map(|(i, p)| html! { <path key={i} d={p.d.clone()} /> }) }
            </g>
            <g class="na-map__rivers">
                { for rivers.iter().enumerate().map(|(i, p)| html! { <path key={i} d={p.d.clone()} /> }) }
            </g>
            <g class="na-map__regions">
                { for regions.iter().map(|p| html! { <path key={p.code.clone()} d={p.d.clone()} /> }) }
            </g>
        </>
    }
}

#[derive(PartialEq, Properties)]
struct TownsProps {
    towns: Rc<Vec<Town>>,
    picked: Rc<Vec<usize>>,
}

/// Faint dots for the largest towns in the window, spread out. Their
/// labels are placed with the others, after every place of the article.
#[component]
fn Towns(props: &TownsProps) -> Html {
    html! {
        <g class="na-map__towns">
            { for props.picked.iter().filter_map(|&i| Some((i, props.towns.get(i)?))).map(|(i, t)| html! {
                <circle key={i.to_string()} class="na-map__town" cx={t.p.x.to_string()}
                    cy={t.p.y.to_string()} r="2.5" />
            }) }
        </g>
    }
}
