//! Country and region outlines under the markers.

use std::rc::Rc;

use yew::prelude::*;

use crate::geo::{self, Rect};

/// A region to shade for a region place.
#[derive(Clone, Debug, PartialEq)]
pub struct Shade {
    /// The region's name or ISO 3166-2 code, as the marker gives it.
    pub region: AttrValue,
    pub country: Option<AttrValue>,
}

#[derive(PartialEq, Properties)]
pub struct MapOutlinesProps {
    /// The part of the world to draw (the view and a margin around it).
    pub window: Rect,
    /// Pixels per world unit when the window was cut: sets path precision.
    pub scale: f64,
    /// Regions to shade, one per region place.
    pub shades: Rc<Vec<Shade>>,
    /// The region of the selected place, drawn stronger.
    #[prop_or_default]
    pub selected: Option<AttrValue>,
}

/// Draws outlines in world units: the borders, then the shaded regions. A
/// change of selection only moves a class among the few shaded paths; the
/// borders ([`Borders`]) are not even compared then.
#[component]
pub fn MapOutlines(props: &MapOutlinesProps) -> Html {
    let shaded = use_memo(
        (props.shades.clone(), props.scale.to_bits()),
        |(shades, scale)| {
            let scale = f64::from_bits(*scale);
            // Two markers may name one region in different ways: shade it
            // once, selected when any of its names is.
            let mut out: Vec<(geo::OutlinePath, Vec<AttrValue>)> = Vec::new();
            for s in shades.iter() {
                let Some(p) = geo::region_path(&s.region, s.country.as_deref(), scale) else {
                    continue;
                };
                match out.iter_mut().find(|(q, _)| q.code == p.code) {
                    Some((_, names)) => names.push(s.region.clone()),
                    None => out.push((p, vec![s.region.clone()])),
                }
            }
            out
        },
    );
    html! {
        <g class="na-map__outlines" aria-hidden="true">
            <Borders window={props.window} scale={props.scale} />
            <g class="na-map__shaded">
                { for shaded.iter().map(|(p, names)| {
                    let selected = props.selected.as_ref().is_some_and(|s| names.contains(s));
                    html! {
                        <path key={p.code.clone()} d={p.d.clone()}
                            class={classes!(selected.then_some("na-map__shade--selected"))} />
                    }
                }) }
            </g>
        </g>
    }
}

#[derive(PartialEq, Properties)]
struct BordersProps {
    window: Rect,
    scale: f64,
}

/// Country borders, and region borders when zoomed in. The paths only
/// change when the map moves out of `window` or zooms far enough to change
/// detail, never on every pan step: the map cuts a new window then.
#[component]
fn Borders(props: &BordersProps) -> Html {
    let paths = use_memo((props.window, props.scale.to_bits()), |(window, scale)| {
        let scale = f64::from_bits(*scale);
        (
            geo::country_paths(*window, scale),
            geo::region_paths(*window, scale),
        )
    });
    let (countries, regions) = &*paths;
    html! {
        <>
            <g class="na-map__countries">
                { for countries.iter().map(|p| html! {
                    <path key={format!("{}{}", p.code, p.name)} d={p.d.clone()} />
                }) }
            </g>
            <g class="na-map__regions">
                { for regions.iter().map(|p| html! { <path key={p.code.clone()} d={p.d.clone()} /> }) }
            </g>
        </>
    }
}
