//! The place markers: one focusable, labelled shape per place.

use std::rc::Rc;

use wasm_bindgen::JsCast;
use web_sys::Element;
use yew::prelude::*;

use super::{aria_label, cluster_label, cluster_radius, MapMarker, MarkerGeom};
use crate::analysis::PlaceKind;
use crate::geo::{Area, Cluster};

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
    /// The outline of each country or region place that has one, parallel
    /// to `markers`: drawn as a shaded area instead of a marker.
    pub areas: Rc<Vec<Option<Rc<Area>>>>,
    /// The point markers grouped for the current zoom level (indices into
    /// `markers`), most mentioned first; areas are never in them.
    pub clusters: Rc<Vec<Cluster>>,
    /// A cluster (index into `clusters`) was activated (`true`) or focused.
    pub on_cluster: Callback<(usize, bool)>,
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
    let cluster_of = |e: &Event| -> Option<usize> {
        let el = e.target()?.dyn_into::<Element>().ok()?;
        let el = el.closest("[data-cluster]").ok()??;
        el.get_attribute("data-cluster")?.parse().ok()
    };
    let onclick = {
        let on_activate = props.on_activate.clone();
        let on_cluster = props.on_cluster.clone();
        Callback::from(move |e: MouseEvent| {
            if let Some(k) = cluster_of(&e) {
                on_cluster.emit((k, true));
            } else if let Some(i) = index_of(&e) {
                on_activate.emit((i, true));
            }
        })
    };
    let onkeydown = {
        let on_activate = props.on_activate.clone();
        let on_cluster = props.on_cluster.clone();
        Callback::from(move |e: KeyboardEvent| {
            if matches!(e.key().as_str(), "Enter" | " " | "Spacebar") {
                if let Some(k) = cluster_of(&e) {
                    e.prevent_default();
                    on_cluster.emit((k, true));
                } else if let Some(i) = index_of(&e) {
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
        let on_cluster = props.on_cluster.clone();
        let h = hover(false);
        Callback::from(move |e: FocusEvent| {
            if let Some(k) = cluster_of(&e) {
                on_cluster.emit((k, false));
            } else if let Some(i) = index_of(&e) {
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
    // Areas under the markers, larger ones first so smaller ones (a region
    // inside its country) stay clickable on top.
    let mut areas: Vec<(usize, &Rc<Area>)> = props
        .order
        .iter()
        .filter_map(|&i| Some((i, props.areas.get(i)?.as_ref()?)))
        .collect();
    areas.sort_by(|a, b| {
        let size = |r: &crate::geo::Rect| r.width() * r.height();
        size(&b.1.main).total_cmp(&size(&a.1.main))
    });
    let area_items = areas.into_iter().filter_map(|(i, a)| {
        let m = props.markers.get(i)?;
        Some(area(i, m, a, selected == Some(m.slug.as_str())))
    });
    let items = props.clusters.iter().enumerate().filter_map(|(k, c)| {
        if let [i] = c.members[..] {
            let m = props.markers.get(i)?;
            let g = props.geoms.get(i)?;
            return Some(marker(i, m, g, selected == Some(m.slug.as_str())));
        }
        Some(cluster(k, c, &props.markers))
    });
    html! {
        <g class="na-map__markers" {onclick} {onkeydown} {onmouseover} {onmouseout} {onfocusin} {onfocusout}>
            <g class="na-map__shaded">{ for area_items }</g>
            { for items }
        </g>
    }
}

/// A country or region place as its shaded outline; selected, hovered and
/// focused draw it stronger (styles/map.css).
fn area(i: usize, m: &MapMarker, a: &Area, selected: bool) -> Html {
    let class = classes!(
        "na-map__marker",
        "na-map__area",
        format!("na-map__marker--{}", m.kind.label()),
        selected.then_some("na-map__marker--selected")
    );
    let label = aria_label(m);
    html! {
        <g key={m.slug.to_string()} {class} role="button" tabindex="0"
            data-index={i.to_string()} aria-label={label.clone()}
            aria-pressed={if selected { "true" } else { "false" }}>
            <title>{ label }</title>
            <path class={classes!("na-map__area-shape", selected.then_some("na-map__shade--selected"))}
                d={a.d.clone()} />
        </g>
    }
}

/// Several nearby places as one counted marker; activating it zooms in
/// until it splits.
fn cluster(k: usize, c: &Cluster, markers: &[MapMarker]) -> Html {
    let total: usize = c
        .members
        .iter()
        .filter_map(|&i| markers.get(i))
        .map(|m| m.count)
        .sum();
    let r = cluster_radius(total);
    let label = cluster_label(c, markers);
    let key = markers
        .get(c.members[0])
        .map_or_else(String::new, |m| format!("cluster:{}", m.slug));
    html! {
        <g {key} class="na-map__cluster" role="button" tabindex="0"
            data-cluster={k.to_string()} aria-label={label.clone()}>
            <title>{ label }</title>
            <circle class="na-map__shape" cx={c.p.x.to_string()} cy={c.p.y.to_string()}
                r={r.to_string()} />
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
