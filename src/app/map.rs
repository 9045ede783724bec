//! The interactive map: outlines, a marker per place, labels, tooltips, pan and
//! zoom by pointer, wheel, pinch, buttons and keyboard.
//!
//! Geometry lives in [`crate::geo`]; this file only keeps the view state and
//! turns it into elements. The SVG is drawn in world units and its `viewBox`
//! is the view, so a pan or zoom changes one attribute: outlines
//! ([`outlines::MapOutlines`]) and markers ([`markers::MapMarkers`]) are child
//! components whose props do not change then, and only the labels (a few
//! dozen, placed in screen pixels) and the tooltip re-render.

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

use crate::analysis::{Place, PlaceKind};
use crate::geo::{self, marker_radius, place_labels, LabelRequest, Point, Rect, View};
use gestures::{use_gestures, use_measure};
use markers::MapMarkers;
use outlines::{MapOutlines, Shade};
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

const LABEL_FONT_PX: f64 = 12.0;
/// Largest country marker, in pixels (other kinds go up to 18).
const COUNTRY_MAX_RADIUS: f64 = 8.0;
/// The zoom buttons' corner (width, height in pixels) that labels keep clear of.
const CONTROLS_PX: (f64, f64) = (56.0, 160.0);

/// Estimated width of a 12 px bold label: no text measuring in the render path.
fn label_width(name: &str) -> f64 {
    name.chars().count() as f64 * LABEL_FONT_PX * 0.6 + 4.0
}

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
    let on_focus = {
        let dispatch = state.dispatcher();
        use_callback(geoms.clone(), move |i: usize, geoms| {
            if let Some(g) = geoms.get(i).filter(|g| g.shown) {
                dispatch.dispatch(MapAction::Show(g.p));
            }
        })
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
                .map(|g| (g.p.x.to_bits(), g.p.y.to_bits()))
        });
        use_effect_with(target, move |target| {
            // After the next frame is painted: a timeout set from inside an
            // animation frame runs once that frame is on screen.
            let pending = Rc::new(RefCell::new(None::<Timeout>));
            let frame = target.map(|(x, y)| {
                let pending = pending.clone();
                gloo::render::request_animation_frame(move |_| {
                    let show = Timeout::new(0, move || {
                        let p = Point::new(f64::from_bits(x), f64::from_bits(y));
                        dispatch.dispatch(MapAction::Show(p));
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

    // Regions to shade: they change with the places, not the selection.
    let shades = use_memo(props.markers.clone(), |markers| {
        let mut shades: Vec<Shade> = Vec::new();
        for m in markers.iter() {
            let Some(region) = &m.shade_region else {
                continue;
            };
            if !shades.iter().any(|s| s.region == *region) {
                shades.push(Shade {
                    region: region.clone(),
                    country: m.country.clone(),
                });
            }
        }
        Rc::new(shades)
    });
    let selected_region = props.selected.as_ref().and_then(|slug| {
        let m = props.markers.iter().find(|m| &m.slug == slug)?;
        m.shade_region.clone()
    });

    let labels = use_memo(
        (
            geoms.clone(),
            props.markers.clone(),
            view,
            vp,
            props.selected.clone(),
        ),
        |(geoms, markers, view, vp, selected)| {
            // Placed in screen pixels so every label lies fully inside the
            // map and clear of the buttons; markers off screen get none.
            let screen = Rect::new(0.0, 0.0, vp.width, vp.height);
            let reqs: Vec<LabelRequest> = geoms
                .iter()
                .zip(markers.iter())
                .map(|(g, m)| {
                    let is_selected = selected.as_ref() == Some(&m.slug);
                    let (x, y) = view.to_screen(g.p, *vp);
                    let on_screen = g.shown && screen.contains_point(Point::new(x, y));
                    LabelRequest {
                        x,
                        y,
                        radius: match (g.shown, is_selected) {
                            (false, _) => 0.0,
                            (true, true) => g.r * 1.3 + 5.0,
                            (true, false) => g.r,
                        },
                        width: if on_screen { label_width(&m.name) } else { 0.0 },
                        height: LABEL_FONT_PX + 4.0,
                        priority: m.count as f64 + if is_selected { 1e9 } else { 0.0 },
                    }
                })
                .collect();
            let controls = Rect::new(vp.width - CONTROLS_PX.0, 0.0, vp.width, CONTROLS_PX.1);
            place_labels(&reqs, Some(screen), &[controls])
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

    let label_items = labels.iter().filter_map(|l| {
        let m = props.markers.get(l.index)?;
        let selected = props.selected.as_ref() == Some(&m.slug);
        Some(html! {
            <text key={m.slug.to_string()} x={format!("{:.1}", l.x)} y={format!("{:.1}", l.y)}
                text-anchor={l.anchor.text_anchor()}
                class={classes!("na-map__label", selected.then_some("na-map__label--selected"))}>
                { m.name.clone() }
            </text>
        })
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
                <MapOutlines window={cut.window} scale={cut.scale} shades={(*shades).clone()}
                    selected={selected_region} />
                <MapMarkers markers={props.markers.clone()} geoms={geoms.clone()}
                    order={order.clone()} selected={props.selected.clone()}
                    {on_activate} {on_hover} {on_focus} />
            </svg>
            <svg class="na-map__labels" aria-hidden="true"
                viewBox={format!("0 0 {} {}", vp.width, vp.height)}>
                { for label_items }
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
