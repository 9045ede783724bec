//! The interactive map: outlines, a marker per place, labels, tooltips, pan and
//! zoom by pointer, wheel, pinch, buttons and keyboard.
//!
//! Geometry lives in [`crate::geo`]; this file only keeps the view state and
//! turns it into elements. The SVG is drawn in world units and its `viewBox`
//! is the view, so a pan or zoom changes one attribute: outlines
//! ([`outlines::MapOutlines`]) and markers ([`markers::MapMarkers`]) are child
//! components whose props do not change then, and only the labels (a few
//! dozen, placed in screen pixels) and the tooltip re-render.
//!
//! Countries and regions are drawn as their shaded outlines, other places as
//! markers; nearby markers group into counted clusters per zoom level
//! ([`geo::cluster`]), so zooming re-renders the markers only when the level
//! changes. Zoomed in, the largest towns from the gazetteer and region names
//! give context.

mod edges;
mod gestures;
mod markers;
mod outlines;
mod overlay;
mod state;

use std::cell::RefCell;
use std::rc::Rc;

use gloo::timers::callback::Timeout;

use yew::prelude::*;

use super::place_data::PlaceData;
use crate::analysis::gazetteer::GAZETTEER;
use crate::analysis::{Place, PlaceKind};
use crate::geo::context::{pick_towns, Town, MAX_TOWNS, TOWNS_BELOW, TOWN_LABELS_FROM};
use crate::geo::{
    self, area::region_names, cluster::level_scale, cluster_level, marker_radius, place_labels,
    Area, Cluster, LabelRequest, Point, Rect, View,
};
use gestures::{use_gestures, use_measure};
use markers::MapMarkers;
use outlines::MapOutlines;
use overlay::Tip;
use state::{MapAction, MapState};

/// One place on the map.
#[derive(Clone, Debug, PartialEq)]
pub struct MapMarker {
    /// Identifies the place in `selected` and `on_select`.
    pub slug: AttrValue,
    pub name: AttrValue,
    pub kind: PlaceKind,
    pub lat: f64,
    pub lon: f64,
    /// Mentions in the article: sets the marker's size.
    pub count: usize,
    /// A region to shade under the marker: an ISO 3166-2 code (`UA-14`) or a
    /// region name (`Donetsk Oblast`); ignored when no outline matches.
    pub shade_region: Option<AttrValue>,
    /// ISO alpha-2 country, to tell apart regions of the same name.
    pub country: Option<AttrValue>,
}

impl From<&Place> for MapMarker {
    /// A marker for an analysed place; region places shade their region.
    fn from(p: &Place) -> MapMarker {
        MapMarker {
            slug: AttrValue::from(p.slug.clone()),
            name: AttrValue::from(p.name.clone()),
            kind: p.kind,
            lat: p.lat,
            lon: p.lon,
            count: p.mentions.len(),
            shade_region: (p.kind == PlaceKind::Region).then(|| AttrValue::from(p.name.clone())),
            country: p.country.clone().map(AttrValue::from),
        }
    }
}

#[derive(PartialEq, Properties)]
pub struct MapProps {
    pub markers: Rc<Vec<MapMarker>>,
    /// Slug of the selected place.
    #[prop_or_default]
    pub selected: Option<AttrValue>,
    /// A marker was clicked or activated from the keyboard (its slug).
    pub on_select: Callback<AttrValue>,
    /// Accessible name of the map region, e.g. "Map of places in the article".
    #[prop_or(AttrValue::Static("Map of places"))]
    pub aria_label: AttrValue,
}

/// A marker's projected position (world units) and radius (pixels).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct MarkerGeom {
    pub p: Point,
    pub r: f64,
    /// False for a place without usable coordinates, left off the map (the
    /// place list still shows it) rather than drawn at 0,0; and for a repeated
    /// slug.
    pub shown: bool,
}

/// "Pokrovsk, city, 5 mentions": the accessible name and tooltip text.
pub fn aria_label(m: &MapMarker) -> String {
    let s = if m.count == 1 { "" } else { "s" };
    format!("{}, {}, {} mention{s}", m.name, m.kind.label(), m.count)
}

/// "3 places: Kyiv, Bucha, Irpin": a cluster's accessible name, its places
/// most mentioned first (six at most, then an ellipsis).
pub fn cluster_label(c: &Cluster, markers: &[MapMarker]) -> String {
    let mut names: Vec<&str> = c
        .members
        .iter()
        .filter_map(|&i| markers.get(i))
        .map(|m| m.name.as_str())
        .collect();
    let n = names.len();
    let more = n > 6;
    names.truncate(6);
    format!(
        "{n} places: {}{}",
        names.join(", "),
        if more { "…" } else { "" }
    )
}

/// A cluster's radius in pixels for its places' mentions in all.
pub fn cluster_radius(total: usize) -> f64 {
    marker_radius(total).max(11.0)
}

/// Markers closer than this (pixels, at the zoom level's scale) cluster.
const CLUSTER_PX: f64 = 22.0;

/// Markers cluster only at low zoom: below this scale (pixels per world
/// unit; a view more than about 50 degrees of longitude across on a 600 px
/// map, a continent). Closer in, every place keeps its own marker.
const CLUSTER_BELOW: f64 = 4.0;

const LABEL_FONT_PX: f64 = 12.0;
/// Largest country marker, in pixels (other kinds go up to 18).
const COUNTRY_MAX_RADIUS: f64 = 8.0;
/// The zoom buttons' corner (width, height in pixels) that labels keep clear of.
const CONTROLS_PX: (f64, f64) = (56.0, 160.0);

/// Estimated width of a 12 px bold label with its halo: no text measuring
/// in the render path. Errs wide, so estimated boxes that do not overlap
/// never draw overlapping text.
fn label_width(name: &str) -> f64 {
    name.chars().count() as f64 * LABEL_FONT_PX * 0.64 + 8.0
}

/// A label's box height: the text's line box (about 1.6 em as drawn) with
/// its halo.
const LABEL_HEIGHT_PX: f64 = LABEL_FONT_PX + 8.0;

/// Where the cut outlines were made for.
#[derive(Clone, Copy)]
struct Cut {
    window: Rect,
    scale: f64,
}

/// The map of `props.markers`; see the module docs.
#[component]
pub fn Map(props: &MapProps) -> Html {
    let geoms = use_memo(props.markers.clone(), |markers| {
        // Slugs key the elements: a repeated slug (which the analysis never
        // makes) is drawn once rather than breaking the keyed lists.
        let mut seen = std::collections::HashSet::new();
        markers
            .iter()
            .map(|m| MarkerGeom {
                p: geo::project(m.lon, m.lat),
                // A country's marker sits at its centroid, on top of the
                // places inside it: kept small so it never hides them.
                r: match m.kind {
                    PlaceKind::Country => marker_radius(m.count).min(COUNTRY_MAX_RADIUS),
                    _ => marker_radius(m.count),
                },
                shown: m.lat.is_finite()
                    && m.lon.is_finite()
                    && m.lat.abs() <= 90.0
                    && m.lon.abs() <= 180.0
                    && seen.insert(m.slug.clone()),
            })
            .collect::<Vec<_>>()
    });
    // Countries and regions with an outline are drawn as it.
    let areas = use_memo(props.markers.clone(), |markers| {
        markers
            .iter()
            .map(|m| {
                let area = match m.kind {
                    PlaceKind::Country => Area::country(m.country.as_deref()?),
                    PlaceKind::Region => {
                        Area::region(m.shade_region.as_deref()?, m.country.as_deref())
                    }
                    _ => None,
                };
                area.map(Rc::new)
            })
            .collect::<Vec<_>>()
    });
    let order = use_memo(
        (props.markers.clone(), geoms.clone()),
        |(markers, geoms)| {
            let mut order: Vec<usize> = (0..markers.len()).filter(|&i| geoms[i].shown).collect();
            order.sort_by(|&a, &b| markers[b].count.cmp(&markers[a].count).then(a.cmp(&b)));
            order
        },
    );
    // The view fits the places where things happen: a country's marker (at
    // its centroid) is left out of the fit when any city, region, sea or
    // facility is shown, so "the United States" in a story about Pokrovsk
    // does not widen the view to the Atlantic.
    let points = use_memo(
        (props.markers.clone(), geoms.clone()),
        |(markers, geoms)| {
            let shown = || geoms.iter().zip(markers.iter()).filter(|(g, _)| g.shown);
            let local = shown().any(|(_, m)| m.kind != PlaceKind::Country);
            Rc::new(
                shown()
                    .filter(|(_, m)| !local || m.kind != PlaceKind::Country)
                    .map(|(g, _)| g.p)
                    .collect::<Vec<_>>(),
            )
        },
    );
    let state = {
        let points = (*points).clone();
        use_reducer_eq(move || MapState::new(points))
    };
    {
        let dispatch = state.dispatcher();
        use_effect_with(points.clone(), move |points| {
            dispatch.dispatch(MapAction::Points((**points).clone()));
        });
    }

    let svg_ref = use_node_ref();
    use_measure(svg_ref.clone(), state.dispatcher());
    let gestures = use_gestures(svg_ref.clone(), state.dispatcher(), state.vp);

    let hover = use_state_eq(|| None::<usize>);
    let on_activate = {
        let dragged = gestures.dragged.clone();
        use_callback(
            (props.on_select.clone(), props.markers.clone()),
            move |(i, by_pointer): (usize, bool), (on_select, markers)| {
                if by_pointer && dragged.replace(false) {
                    return;
                }
                if let Some(m) = markers.get(i) {
                    on_select.emit(m.slug.clone());
                }
            },
        )
    };
    let on_hover = {
        let hover = hover.clone();
        use_callback((), move |i: Option<usize>, _| hover.set(i))
    };
    // Tabbing to a marker outside the view brings it into view.
    // An area comes into view when no part of it is seen.
    let on_focus = {
        let dispatch = state.dispatcher();
        use_callback(
            (geoms.clone(), areas.clone()),
            move |i: usize, (geoms, areas)| {
                if let Some(g) = geoms.get(i).filter(|g| g.shown) {
                    dispatch.dispatch(match areas.get(i).cloned().flatten() {
                        Some(a) => MapAction::ShowArea(a, g.p),
                        None => MapAction::Show(g.p),
                    });
                }
            },
        )
    };
    {
        // A place selected elsewhere (the list, the URL) is brought into
        // view a frame later: the selection itself (marker, list, details)
        // is painted first, and the move, which may cut new outlines, follows.
        let dispatch = state.dispatcher();
        let target = props.selected.as_ref().and_then(|slug| {
            let i = props.markers.iter().position(|m| &m.slug == slug)?;
            geoms
                .get(i)
                .filter(|g| g.shown)
                .map(|g| (g.p.x.to_bits(), g.p.y.to_bits(), i))
        });
        let areas_now = areas.clone();
        use_effect_with(target, move |target| {
            let area = target.and_then(|(_, _, i)| areas_now.get(i).cloned().flatten());
            let target = target.map(|(x, y, _)| (x, y));
            // After the next frame is painted: a timeout set from inside an
            // animation frame runs once that frame is on screen.
            let pending = Rc::new(RefCell::new(None::<Timeout>));
            let frame = target.map(|(x, y)| {
                let pending = pending.clone();
                gloo::render::request_animation_frame(move |_| {
                    let show = Timeout::new(0, move || {
                        let p = Point::new(f64::from_bits(x), f64::from_bits(y));
                        dispatch.dispatch(match area {
                            Some(a) => MapAction::ShowArea(a, p),
                            None => MapAction::Show(p),
                        });
                    });
                    *pending.borrow_mut() = Some(show);
                })
            });
            // A newer selection, or the map going away, cancels a move not
            // yet made.
            move || {
                drop(frame);
                pending.borrow_mut().take();
            }
        });
    }

    let s = &*state;
    let (vp, view) = (s.vp, s.view);
    let visible = view.rect(vp);

    // Outlines are cut for the view and half a view around it, and cut again
    // only when the view leaves that window or zooms in past twice the scale.
    let cut = use_mut_ref(|| None::<Cut>);
    let cut = {
        let mut c = cut.borrow_mut();
        let stale = c.is_none_or(|k| !k.window.contains(&visible) || k.scale * 2.0 < view.scale);
        if stale {
            let window = visible.expand(visible.width() / 2.0, visible.height() / 2.0);
            *c = Some(Cut {
                window,
                scale: view.scale,
            });
        }
        c.expect("set above")
    };

    // Point markers grouped for the zoom level; the selected place is
    // never hidden in a cluster.
    let level = cluster_level(view.scale).filter(|&l| level_scale(l) < CLUSTER_BELOW);
    // Until the reader zooms out past the fitted view, places mentioned
    // several times keep their own markers (the first view shows what the
    // article is about); the rest may group.
    let pin_several = view.scale >= s.fit_scale() * 0.999;
    let clusters = use_memo(
        (
            props.markers.clone(),
            geoms.clone(),
            areas.clone(),
            order.clone(),
            (level, pin_several),
            props.selected.clone(),
        ),
        |(markers, geoms, areas, order, (level, pin_several), selected)| {
            let points: Vec<usize> = order
                .iter()
                .copied()
                .filter(|&i| areas[i].is_none())
                .collect();
            let pts: Vec<Point> = points.iter().map(|&i| geoms[i].p).collect();
            let pri: Vec<f64> = points.iter().map(|&i| markers[i].count as f64).collect();
            let free: Vec<bool> = points
                .iter()
                .map(|&i| {
                    selected.as_ref() != Some(&markers[i].slug)
                        && !(*pin_several && markers[i].count >= edges::SEVERAL)
                })
                .collect();
            let radius = level.map_or(0.0, |l| CLUSTER_PX / level_scale(l));
            let mut out = geo::cluster(&pts, &pri, &free, radius);
            for c in &mut out {
                c.members.iter_mut().for_each(|m| *m = points[*m]);
            }
            Rc::new(out)
        },
    );
    let on_cluster = {
        let dispatch = state.dispatcher();
        let dragged = gestures.dragged.clone();
        use_callback(
            (clusters.clone(), geoms.clone()),
            move |(k, activate): (usize, bool), (clusters, geoms)| {
                let Some(c) = clusters.get(k) else { return };
                if !activate {
                    dispatch.dispatch(MapAction::Show(c.p));
                } else if !dragged.replace(false) {
                    let pts = c.members.iter().map(|&i| geoms[i].p).collect();
                    dispatch.dispatch(MapAction::Split(pts));
                }
            },
        )
    };

    // Context: the gazetteer's largest towns, once it is installed.
    let place_data = use_context::<PlaceData>();
    let towns = use_memo(
        place_data.map(|d| d.ready()).unwrap_or(false) || GAZETTEER.get().is_some(),
        |_| Rc::new(gazetteer_towns()),
    );
    let towns: Rc<Vec<Town>> = (*towns).clone();
    let picked_towns = use_memo((cut.window, towns.clone()), |(window, towns)| {
        Rc::new(if window.width() >= TOWNS_BELOW {
            Vec::new()
        } else {
            pick_towns(towns, *window, MAX_TOWNS, window.width() / 40.0)
        })
    });
    let regions = use_memo(cut.window, |window| {
        if window.width() >= geo::path::REGIONS_BELOW {
            Vec::new()
        } else {
            region_names(*window)
        }
    });

    let labels = use_memo(
        (
            (geoms.clone(), areas.clone(), clusters.clone()),
            props.markers.clone(),
            (view, vp),
            props.selected.clone(),
            (towns.clone(), picked_towns.clone(), regions.clone()),
        ),
        |((geoms, areas, clusters), markers, (view, vp), selected, (towns, picked, regions))| {
            map_labels(LabelInput {
                geoms,
                areas,
                clusters,
                markers,
                view: *view,
                vp: *vp,
                selected: selected.as_ref(),
                towns,
                picked,
                regions,
            })
        },
    );

    let edge_signals = use_memo(
        (
            props.markers.clone(),
            geoms.clone(),
            order.clone(),
            view,
            vp,
        ),
        |(markers, geoms, order, view, vp)| {
            edges::signals(markers, geoms, order, *view, *vp, CONTROLS_PX)
        },
    );

    let view_box = format!(
        "{} {} {} {}",
        visible.x0,
        visible.y0,
        visible.width(),
        visible.height()
    );
    // World units per pixel: markers scale by it to keep their pixel size.
    use_css_text(svg_ref.clone(), format!("--mk:{}", 1.0 / view.scale));
    let at_min = view.scale <= View::min_scale(vp) * 1.000_001;
    let at_max = view.scale >= geo::view::MAX_SCALE * 0.999_999;
    let to_screen = |p: Point| view.to_screen(p, vp);

    let label_items = labels.iter().map(|l| {
        html! {
            <text key={l.key.clone()} x={format!("{:.1}", l.x)} y={format!("{:.1}", l.y)}
                text-anchor={l.anchor} class={l.class.clone()}>
                { l.text.clone() }
            </text>
        }
    });

    // Each cluster's count, on it.
    let count_items = clusters.iter().filter(|c| c.members.len() > 1).map(|c| {
        let (x, y) = to_screen(c.p);
        let key = props
            .markers
            .get(c.members[0])
            .map_or_else(String::new, |m| m.slug.to_string());
        html! {
            <text {key} class="na-map__count" x={format!("{x:.1}")} y={format!("{y:.1}")}
                text-anchor="middle">{ c.members.len() }</text>
        }
    });

    let tip = (*hover).and_then(|i| {
        let (m, g) = (props.markers.get(i)?, geoms.get(i)?);
        let (x, y) = to_screen(g.p);
        let inside = (0.0..=vp.width).contains(&x) && (0.0..=vp.height).contains(&y);
        let label = aria_label(m);
        let detail = label.split_once(", ").map(|(_, d)| d.to_owned())?;
        inside.then(|| Tip {
            name: m.name.clone(),
            detail,
            x,
            y,
            r: g.r,
        })
    });
    let tooltip_ref = use_node_ref();
    use_css_text(tooltip_ref.clone(), overlay::tooltip_css(tip.as_ref(), vp));
    let gestures::Gestures {
        onwheel,
        onpointerdown,
        onpointermove,
        onpointerup,
        onkeydown,
        ..
    } = gestures;

    html! {
        <div class="na-map" role="region" aria-label={props.aria_label.clone()} {onkeydown}>
            <svg ref={svg_ref} class="na-map__svg" viewBox={view_box}
                preserveAspectRatio="xMidYMid meet" tabindex="0" role="group"
                aria-roledescription="map"
                aria-label="Drag or use the arrow keys to pan; plus and minus keys, wheel or pinch to zoom; 0 resets"
                aria-keyshortcuts="ArrowUp ArrowDown ArrowLeft ArrowRight + - 0"
                {onwheel} {onpointerdown} {onpointermove}
                onpointerup={onpointerup.clone()} onpointercancel={onpointerup}>
                <rect class="na-map__sea" x={visible.x0.to_string()} y={visible.y0.to_string()}
                    width={visible.width().to_string()} height={visible.height().to_string()} />
                <MapOutlines window={cut.window} scale={cut.scale} towns={towns.clone()}
                    picked={(*picked_towns).clone()} />
                <MapMarkers markers={props.markers.clone()} geoms={geoms.clone()}
                    order={order.clone()} selected={props.selected.clone()}
                    areas={areas.clone()} clusters={(*clusters).clone()}
                    {on_activate} {on_hover} {on_focus} {on_cluster} />
            </svg>
            <svg class="na-map__labels" aria-hidden="true"
                viewBox={format!("0 0 {} {}", vp.width, vp.height)}>
                { for label_items }
            </svg>
            <svg class="na-map__counts" aria-hidden="true"
                viewBox={format!("0 0 {} {}", vp.width, vp.height)}>
                { for count_items }
            </svg>
            { edges::overlay(&props.markers, &edge_signals, vp, &props.on_select) }
            { overlay::tooltip(tip, tooltip_ref) }
            { overlay::controls(&state.dispatcher(), vp, at_min, at_max) }
        </div>
    }
}

/// Sets an element's inline style through CSSOM after each change of `css`.
/// The page's Content-Security-Policy (`style-src 'self'`, scripts/csp.mjs)
/// blocks `style` attributes in markup, not the style object.
#[hook]
fn use_css_text(node: NodeRef, css: String) {
    use_effect_with((node, css), |(node, css)| {
        if let Some(element) = node.get() {
            if let Ok(style) = js_sys::Reflect::get(&element, &"style".into()) {
                let _ = js_sys::Reflect::set(&style, &"cssText".into(), &css.as_str().into());
            }
        }
    });
}

/// The gazetteer's towns (cities with a population), largest first; empty
/// until it is installed. Built once.
fn gazetteer_towns() -> Vec<Town> {
    let Some(g) = GAZETTEER.get() else {
        return Vec::new();
    };
    geo::context::towns(
        g.entries
            .iter()
            .filter(|e| e.kind == PlaceKind::City)
            .map(|e| {
                (
                    f64::from(e.lon),
                    f64::from(e.lat),
                    e.population,
                    g.name_of(e),
                )
            }),
    )
}

/// One label to draw, in screen pixels.
#[derive(Clone, Debug, PartialEq)]
struct MapLabel {
    key: String,
    text: AttrValue,
    x: f64,
    y: f64,
    anchor: &'static str,
    class: Classes,
}

struct LabelInput<'a> {
    geoms: &'a [MarkerGeom],
    areas: &'a [Option<Rc<Area>>],
    clusters: &'a [Cluster],
    markers: &'a [MapMarker],
    view: View,
    vp: geo::Viewport,
    selected: Option<&'a AttrValue>,
    towns: &'a [Town],
    picked: &'a [usize],
    regions: &'a [(String, Point)],
}

/// Labels for the view: the article's places first by mentions (a cluster
/// by its places' mentions in all, named after its most mentioned place,
/// with its count), then towns and region names, which never push a place's
/// label out. Placed in screen pixels so every label lies fully inside the
/// map and clear of the buttons; markers off screen get none.
fn map_labels(inp: LabelInput) -> Vec<MapLabel> {
    let LabelInput {
        geoms,
        areas,
        clusters,
        markers,
        view,
        vp,
        selected,
        towns,
        picked,
        regions,
    } = inp;
    let screen = Rect::new(0.0, 0.0, vp.width, vp.height);
    let visible = view.rect(vp);
    let mut reqs: Vec<LabelRequest> = Vec::new();
    let mut out: Vec<MapLabel> = Vec::new();
    let height = LABEL_HEIGHT_PX;
    let mut push = |reqs: &mut Vec<LabelRequest>,
                    p: Point,
                    r: f64,
                    text: String,
                    pri: f64,
                    key: String,
                    class: Classes| {
        let (x, y) = view.to_screen(p, vp);
        let on_screen = screen.contains_point(Point::new(x, y));
        reqs.push(LabelRequest {
            x,
            y,
            radius: r,
            width: if on_screen { label_width(&text) } else { 0.0 },
            height,
            priority: pri,
        });
        out.push(MapLabel {
            key,
            text: AttrValue::from(text),
            x,
            y,
            anchor: "start",
            class,
        });
    };
    for c in clusters {
        let Some(&seed) = c.members.first() else {
            continue;
        };
        let (m, g) = (&markers[seed], geoms[seed]);
        let is_selected = selected == Some(&m.slug);
        if let [_] = c.members[..] {
            let r = if is_selected { g.r * 1.3 + 5.0 } else { g.r };
            let pri = m.count as f64 + if is_selected { 1e9 } else { 0.0 };
            let class = classes!(
                "na-map__label",
                is_selected.then_some("na-map__label--selected")
            );
            push(
                &mut reqs,
                g.p,
                r,
                m.name.to_string(),
                pri,
                m.slug.to_string(),
                class,
            );
        } else {
            let total: usize = c.members.iter().map(|&i| markers[i].count).sum();
            let text = format!("{} +{}", m.name, c.members.len() - 1);
            push(
                &mut reqs,
                c.p,
                cluster_radius(total),
                text,
                total as f64,
                format!("cluster:{}", m.slug),
                classes!("na-map__label"),
            );
        }
    }
    for (i, a) in areas.iter().enumerate() {
        let Some(a) = a else { continue };
        let m = &markers[i];
        let Some(p) = a.point_in_view(visible, geoms[i].p) else {
            continue;
        };
        let is_selected = selected == Some(&m.slug);
        let pri = m.count as f64 + if is_selected { 1e9 } else { 0.0 };
        let class = classes!(
            "na-map__label",
            "na-map__label--area",
            is_selected.then_some("na-map__label--selected")
        );
        push(
            &mut reqs,
            p,
            0.0,
            m.name.to_string(),
            pri,
            m.slug.to_string(),
            class,
        );
    }
    if view.scale >= TOWN_LABELS_FROM {
        for &i in picked {
            let t = &towns[i];
            if visible.contains_point(t.p) {
                let pri = -1.0 / (1.0 + f64::from(t.population));
                push(
                    &mut reqs,
                    t.p,
                    3.0,
                    t.name.clone(),
                    pri,
                    format!("town:{i}"),
                    classes!("na-map__label", "na-map__label--town"),
                );
            }
        }
    }
    for (k, (name, p)) in regions.iter().enumerate() {
        if visible.contains_point(*p) {
            push(
                &mut reqs,
                *p,
                0.0,
                name.clone(),
                -2.0,
                format!("region:{k}"),
                classes!("na-map__label", "na-map__label--region"),
            );
        }
    }
    let controls = Rect::new(vp.width - CONTROLS_PX.0, 0.0, vp.width, CONTROLS_PX.1);
    // Cluster counts are drawn on the clusters; keep labels off them.
    place_labels(&reqs, Some(screen), &[controls])
        .into_iter()
        .map(|l| MapLabel {
            x: l.x,
            y: l.y,
            anchor: l.anchor.text_anchor(),
            ..out[l.index].clone()
        })
        .collect()
}
