//! The place markers: one focusable, labelled shape per place.

use std::rc::Rc;

use wasm_bindgen::JsCast;
use web_sys::Element;
use yew::prelude::*;

use super::{aria_label, MapMarker, MarkerGeom};
use crate::analysis::PlaceKind;

#[derive(PartialEq, Properties)]
pub struct MapMarkersProps {
    pub markers: Rc<Vec<MapMarker>>,
    /// Projected positions and radii, parallel to `markers`.
    pub geoms: Rc<Vec<MarkerGeom>>,
    /// Paint order (largest first, so small markers stay clickable on top);
    /// also the Tab order: most mentioned first.
    pub order: Rc<Vec<usize>>,
    pub selected: Option<AttrValue>,
    /// A marker was clicked (`true`) or activated with Enter/Space (`false`);
    /// the index is into `markers`.
    pub on_activate: Callback<(usize, bool)>,
    /// The pointer or focus is on a marker, or on none.
    pub on_hover: Callback<Option<usize>>,
    /// A marker got keyboard focus (it may be outside the view).
    pub on_focus: Callback<usize>,
}

/// Draws the markers in world units. Their size in pixels stays fixed at any
/// zoom through the `--mk` CSS variable (world units per pixel) that the map
/// sets on its `<svg>`, so panning and zooming never re-render this list.
#[component]
pub fn MapMarkers(props: &MapMarkersProps) -> Html {
    // One delegated handler per event for the whole list, not one per marker.
    let index_of = |e: &Event| -> Option<usize> {
        let el = e.target()?.dyn_into::<Element>().ok()?;
        let el = el.closest("[data-index]").ok()??;
        el.get_attribute("data-index")?.parse().ok()
    };
    let onclick = {
        let on_activate = props.on_activate.clone();
        Callback::from(move |e: MouseEvent| {
            if let Some(i) = index_of(&e) {
                on_activate.emit((i, true));
            }
        })
    };
    let onkeydown = {
        let on_activate = props.on_activate.clone();
        Callback::from(move |e: KeyboardEvent| {
            if matches!(e.key().as_str(), "Enter" | " " | "Spacebar") {
                if let Some(i) = index_of(&e) {
                    // Space would otherwise scroll the page.
                    e.prevent_default();
                    on_activate.emit((i, false));
                }
            }
        })
    };
    let hover = |leaving: bool| {
        let on_hover = props.on_hover.clone();
        move |e: Event| on_hover.emit(if leaving { None } else { index_of(&e) })
    };
    let onmouseover = Callback::from({
        let h = hover(false);
        move |e: MouseEvent| h(e.into())
    });
    let onmouseout = Callback::from({
        let h = hover(true);
        move |e: MouseEvent| h(e.into())
    });
    let onfocusin = {
        let on_focus = props.on_focus.clone();
        let h = hover(false);
        Callback::from(move |e: FocusEvent| {
            if let Some(i) = index_of(&e) {
                on_focus.emit(i);
            }
            h(e.into())
        })
    };
    let onfocusout = Callback::from({
        let h = hover(true);
        move |e: FocusEvent| h(e.into())
    });

    let selected = props.selected.as_deref();
    let items = props.order.iter().filter_map(|&i| {
        let m = props.markers.get(i)?;
        let g = props.geoms.get(i)?;
        Some(marker(i, m, g, selected == Some(m.slug.as_str())))
    });
    html! {
        <g class="na-map__markers" {onclick} {onkeydown} {onmouseover} {onmouseout} {onfocusin} {onfocusout}>
            { for items }
        </g>
    }
}

fn marker(i: usize, m: &MapMarker, g: &MarkerGeom, selected: bool) -> Html {
    let (x, y) = (g.p.x, g.p.y);
    let r = if selected { g.r * 1.3 } else { g.r };
    let class = classes!(
        "na-map__marker",
        format!("na-map__marker--{}", m.kind.label()),
        selected.then_some("na-map__marker--selected")
    );
    let label = aria_label(m);
    // Shape by kind, so kinds differ without colour, matching the place
    // list's symbols: circle (city, other), dashed circle (sea), diamond
    // (facility), square (country, filled; region, hollow).
    let square = |s: f64| {
        html! {
            <rect class="na-map__shape" x={(x - s).to_string()} y={(y - s).to_string()}
                width={(2.0 * s).to_string()} height={(2.0 * s).to_string()} rx="1" />
        }
    };
    let shape = match m.kind {
        PlaceKind::Facility => html! {
            <path class="na-map__shape"
                d={format!("M{x} {}L{} {y} {x} {} {} {y}Z", y - r, x + r, y + r, x - r)} />
        },
        PlaceKind::Country | PlaceKind::Region => square(r * 0.85),
        PlaceKind::City | PlaceKind::Sea | PlaceKind::Other => html! {
            <circle class="na-map__shape" cx={x.to_string()} cy={y.to_string()} r={r.to_string()} />
        },
    };
    html! {
        <g key={m.slug.to_string()} {class} role="button" tabindex="0"
            data-index={i.to_string()} aria-label={label.clone()}
            aria-pressed={if selected { "true" } else { "false" }}>
            <title>{ label }</title>
            if selected {
                <circle class="na-map__ring" cx={x.to_string()} cy={y.to_string()}
                    r={(r + 5.0).to_string()} />
            }
            { shape }
        </g>
    }
}
