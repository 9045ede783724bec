//! The interactive map: outlines, a marker per place, labels, tooltips, pan and
//! zoom by pointer, wheel, pinch, buttons and keyboard.
//!
//! Geometry lives in [`crate::geo`]; this file only keeps the view state and
//! turns it into elements. The SVG is drawn in world units and its `viewBox`
//! is the view, so a pan or zoom changes one attribute: outlines
//! ([`outlines::MapOutlines`]) and markers ([`markers::MapMarkers`]) are child
//! components whose props do not change then, and only the labels (a few
//! dozen, placed in screen pixels) and the tooltip re-render.

mod markers;
mod outlines;

use std::rc::Rc;

use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use web_sys::{Element, ResizeObserver};
use yew::prelude::*;

use crate::analysis::{Place, PlaceKind};
use crate::geo::{self, marker_radius, place_labels, LabelRequest, Point, Rect, View, Viewport};
use markers::MapMarkers;
use outlines::{MapOutlines, Shade};

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
    /// False for a place without usable coordinates: it is left off the map
    /// (the place list still shows it) rather than drawn at 0,0.
    pub shown: bool,
}

/// "Pokrovsk, city, 5 mentions": the accessible name and tooltip text.
pub fn aria_label(m: &MapMarker) -> String {
    let kind = match m.kind {
        PlaceKind::City => "city",
        PlaceKind::Region => "region",
        PlaceKind::Country => "country",
        PlaceKind::Sea => "sea",
        PlaceKind::Facility => "facility",
        PlaceKind::Other => "place",
    };
    let s = if m.count == 1 { "" } else { "s" };
    format!("{}, {kind}, {} mention{s}", m.name, m.count)
}

/// Padding around fitted places, in pixels: room for the biggest marker and
/// a short label.
const FIT_PADDING: f64 = 36.0;
/// Until the map is measured: the CSS keeps about this shape, so the first
/// paint is already close.
const DEFAULT_VIEWPORT: Viewport = Viewport {
    width: 640.0,
    height: 420.0,
};
/// One arrow-key press pans this share of the viewport.
const KEY_PAN: f64 = 0.15;
/// One button or key press zooms by this factor.
const STEP_ZOOM: f64 = 1.6;
/// A pointer that moves less than this (pixels) clicked rather than dragged.
const DRAG_SLOP: f64 = 5.0;
const LABEL_FONT_PX: f64 = 12.0;
/// The zoom buttons' corner (width, height in pixels) that labels keep clear of.
const CONTROLS_PX: (f64, f64) = (56.0, 160.0);

/// Estimated width of a 12 px bold label: no text measuring in the render path.
fn label_width(name: &str) -> f64 {
    name.chars().count() as f64 * LABEL_FONT_PX * 0.6 + 4.0
}

/// The view state: a reducer so rapid events always apply to the latest view.
#[derive(Clone, Debug, PartialEq)]
struct MapState {
    vp: Viewport,
    view: View,
    /// The reader moved the map: keep their view on resize and new markers'
    /// refits wait for Reset.
    moved: bool,
    points: Rc<Vec<Point>>,
}

enum MapAction {
    Points(Rc<Vec<Point>>),
    Resize(Viewport),
    Pan(f64, f64),
    Zoom { factor: f64, sx: f64, sy: f64 },
    Reset,
}

impl MapState {
    fn fitted(&self) -> View {
        View::fit(&self.points, self.vp, FIT_PADDING)
    }
}

impl Reducible for MapState {
    type Action = MapAction;

    fn reduce(self: Rc<Self>, action: MapAction) -> Rc<Self> {
        let mut s = (*self).clone();
        match action {
            MapAction::Points(points) => {
                if points == s.points {
                    return self;
                }
                // A new set of places is a new story: show all of it.
                s.points = points;
                s.moved = false;
                s.view = s.fitted();
            }
            MapAction::Resize(vp) => {
                if vp == s.vp {
                    return self;
                }
                s.vp = vp;
                s.view = if s.moved {
                    s.view.clamp(vp)
                } else {
                    s.fitted()
                };
            }
            MapAction::Pan(dx, dy) => {
                s.view = s.view.pan(dx, dy, s.vp);
                s.moved = true;
            }
            MapAction::Zoom { factor, sx, sy } => {
                s.view = s.view.zoom_at(factor, sx, sy, s.vp);
                s.moved = true;
            }
            MapAction::Reset => {
                s.view = s.fitted();
                s.moved = false;
            }
        }
        Rc::new(s)
    }
}

/// Pointers down on the map, for drag and pinch; kept out of the render state.
#[derive(Default)]
struct Gesture {
    pointers: Vec<(i32, f64, f64)>,
    travelled: f64,
    /// The last press was a drag: the click that follows it selects nothing.
    dragged: bool,
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
        markers
            .iter()
            .map(|m| MarkerGeom {
                p: geo::project(m.lon, m.lat),
                r: marker_radius(m.count),
                shown: m.lat.is_finite()
                    && m.lon.is_finite()
                    && m.lat.abs() <= 90.0
                    && m.lon.abs() <= 180.0,
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
        use_reducer_eq(move || {
            let view = View::fit(&points, DEFAULT_VIEWPORT, FIT_PADDING);
            MapState {
                vp: DEFAULT_VIEWPORT,
                view,
                moved: false,
                points,
            }
        })
    };
    {
        let dispatch = state.dispatcher();
        use_effect_with(points.clone(), move |points| {
            dispatch.dispatch(MapAction::Points((**points).clone()));
        });
    }

    let svg_ref = use_node_ref();
    {
        // Measure the drawing area now and whenever its box changes.
        let dispatch = state.dispatcher();
        let svg_ref = svg_ref.clone();
        use_effect_with((), move |_| {
            let measure = {
                let svg_ref = svg_ref.clone();
                move || {
                    if let Some(el) = svg_ref.cast::<Element>() {
                        let r = el.get_bounding_client_rect();
                        if r.width() > 0.0 && r.height() > 0.0 {
                            let vp = Viewport::new(r.width(), r.height());
                            dispatch.dispatch(MapAction::Resize(vp));
                        }
                    }
                }
            };
            measure();
            let callback = Closure::<dyn FnMut()>::new(measure);
            let observer = ResizeObserver::new(callback.as_ref().unchecked_ref()).ok();
            if let (Some(o), Some(el)) = (&observer, svg_ref.cast::<Element>()) {
                o.observe(&el);
            }
            move || {
                if let Some(o) = observer {
                    o.disconnect();
                }
                drop(callback);
            }
        });
    }

    let hover = use_state_eq(|| None::<usize>);
    let gesture = use_mut_ref(Gesture::default);
    let on_activate = {
        let gesture = gesture.clone();
        use_callback(
            (props.on_select.clone(), props.markers.clone()),
            move |(i, by_pointer): (usize, bool), (on_select, markers)| {
                if by_pointer && std::mem::take(&mut gesture.borrow_mut().dragged) {
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

    let shades = use_memo(
        (props.markers.clone(), props.selected.clone()),
        |(markers, selected)| {
            let mut shades: Vec<Shade> = Vec::new();
            for m in markers.iter() {
                let Some(region) = &m.shade_region else {
                    continue;
                };
                let is_selected = selected.as_ref() == Some(&m.slug);
                match shades.iter_mut().find(|s| s.region == *region) {
                    Some(s) => s.selected |= is_selected,
                    None => shades.push(Shade {
                        region: region.clone(),
                        country: m.country.clone(),
                        selected: is_selected,
                    }),
                }
            }
            Rc::new(shades)
        },
    );

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

    let onwheel = {
        let dispatch = state.dispatcher();
        let svg_ref = svg_ref.clone();
        Callback::from(move |e: WheelEvent| {
            e.prevent_default();
            let (sx, sy) = local(&svg_ref, e.client_x() as f64, e.client_y() as f64);
            let unit = match e.delta_mode() {
                1 => 16.0,
                2 => vp.height,
                _ => 1.0,
            };
            let factor = (-e.delta_y() * unit * 0.002).exp().clamp(0.5, 2.0);
            dispatch.dispatch(MapAction::Zoom { factor, sx, sy });
        })
    };
    let onpointerdown = {
        let gesture = gesture.clone();
        let svg_ref = svg_ref.clone();
        Callback::from(move |e: PointerEvent| {
            if e.pointer_type() == "mouse" && e.button() != 0 {
                return;
            }
            let (x, y) = local(&svg_ref, e.client_x() as f64, e.client_y() as f64);
            let mut g = gesture.borrow_mut();
            g.pointers.retain(|p| p.0 != e.pointer_id());
            g.pointers.push((e.pointer_id(), x, y));
            if g.pointers.len() == 1 {
                g.travelled = 0.0;
                g.dragged = false;
            }
        })
    };
    let onpointermove = {
        let gesture = gesture.clone();
        let svg_ref = svg_ref.clone();
        let dispatch = state.dispatcher();
        Callback::from(move |e: PointerEvent| {
            let mut g = gesture.borrow_mut();
            let Some(k) = g.pointers.iter().position(|p| p.0 == e.pointer_id()) else {
                return;
            };
            let (x, y) = local(&svg_ref, e.client_x() as f64, e.client_y() as f64);
            let (_, ox, oy) = g.pointers[k];
            match g.pointers.len() {
                1 => {
                    let travelled = g.travelled + (x - ox).hypot(y - oy);
                    if travelled < DRAG_SLOP && !g.dragged {
                        // Still a click: keep measuring from where it began.
                        return;
                    }
                    if !g.dragged {
                        // Captured only now, so a plain click still reaches its marker.
                        if let Some(el) = svg_ref.cast::<Element>() {
                            let _ = el.set_pointer_capture(e.pointer_id());
                        }
                    }
                    g.travelled = travelled;
                    g.dragged = true;
                    g.pointers[k] = (e.pointer_id(), x, y);
                    dispatch.dispatch(MapAction::Pan(x - ox, y - oy));
                }
                2 => {
                    let (_, ax, ay) = g.pointers[1 - k];
                    let before = (ox - ax).hypot(oy - ay);
                    let after = (x - ax).hypot(y - ay);
                    g.pointers[k] = (e.pointer_id(), x, y);
                    g.dragged = true;
                    if before > 1.0 && after > 1.0 {
                        let (mx, my) = ((ox + ax) / 2.0, (oy + ay) / 2.0);
                        let (nx, ny) = ((x + ax) / 2.0, (y + ay) / 2.0);
                        dispatch.dispatch(MapAction::Zoom {
                            factor: after / before,
                            sx: mx,
                            sy: my,
                        });
                        dispatch.dispatch(MapAction::Pan(nx - mx, ny - my));
                    }
                }
                _ => g.pointers[k] = (e.pointer_id(), x, y),
            }
        })
    };
    let onpointerup = {
        let gesture = gesture.clone();
        let svg_ref = svg_ref.clone();
        Callback::from(move |e: PointerEvent| {
            gesture
                .borrow_mut()
                .pointers
                .retain(|p| p.0 != e.pointer_id());
            if let Some(el) = svg_ref.cast::<Element>() {
                if el.has_pointer_capture(e.pointer_id()) {
                    let _ = el.release_pointer_capture(e.pointer_id());
                }
            }
        })
    };
    let onkeydown = {
        let dispatch = state.dispatcher();
        Callback::from(move |e: KeyboardEvent| {
            if e.ctrl_key() || e.meta_key() || e.alt_key() {
                return; // browser shortcuts such as Ctrl+= keep working
            }
            let (dx, dy) = (vp.width * KEY_PAN, vp.height * KEY_PAN);
            let (cx, cy) = (vp.width / 2.0, vp.height / 2.0);
            let action = match e.key().as_str() {
                "ArrowLeft" => MapAction::Pan(dx, 0.0),
                "ArrowRight" => MapAction::Pan(-dx, 0.0),
                "ArrowUp" => MapAction::Pan(0.0, dy),
                "ArrowDown" => MapAction::Pan(0.0, -dy),
                "+" | "=" => MapAction::Zoom {
                    factor: STEP_ZOOM,
                    sx: cx,
                    sy: cy,
                },
                "-" | "_" => MapAction::Zoom {
                    factor: 1.0 / STEP_ZOOM,
                    sx: cx,
                    sy: cy,
                },
                "0" => MapAction::Reset,
                _ => return,
            };
            e.prevent_default();
            dispatch.dispatch(action);
        })
    };
    let zoom_button = |factor: f64| {
        let dispatch = state.dispatcher();
        let (sx, sy) = (vp.width / 2.0, vp.height / 2.0);
        Callback::from(move |_: MouseEvent| dispatch.dispatch(MapAction::Zoom { factor, sx, sy }))
    };
    let on_reset = {
        let dispatch = state.dispatcher();
        Callback::from(move |_: MouseEvent| dispatch.dispatch(MapAction::Reset))
    };

    let view_box = format!(
        "{} {} {} {}",
        visible.x0,
        visible.y0,
        visible.width(),
        visible.height()
    );
    // World units per pixel: markers scale by it to keep their pixel size.
    let style = format!("--mk:{}", 1.0 / view.scale);
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

    // The tooltip element is always there (hidden when unused), so showing it
    // never inserts a node among the map's children.
    let tooltip = (*hover).and_then(|i| {
        let m = props.markers.get(i)?;
        let g = geoms.get(i)?;
        let (x, y) = to_screen(g.p);
        if !(0.0..=vp.width).contains(&x) || !(0.0..=vp.height).contains(&y) {
            return None;
        }
        // Below the marker near the top edge, above it elsewhere.
        let below = y < 60.0;
        let style = format!(
            "left:{:.0}px;top:{:.0}px",
            x.clamp(70.0, (vp.width - 70.0).max(70.0)),
            if below { y + g.r + 6.0 } else { y - g.r - 6.0 }
        );
        let label = aria_label(m);
        let detail = label
            .split_once(", ")
            .map(|(_, d)| d.to_owned())
            .unwrap_or_default();
        Some((m.name.clone(), detail, style, below))
    });
    let tooltip = match tooltip {
        Some((name, detail, style, below)) => html! {
            <div class={classes!("na-map__tooltip", below.then_some("na-map__tooltip--below"))}
                {style} aria-hidden="true">
                <strong>{ name }</strong>
                <span>{ detail }</span>
            </div>
        },
        None => html! {
            <div class="na-map__tooltip" hidden=true aria-hidden="true">
                <strong></strong>
                <span></span>
            </div>
        },
    };

    html! {
        <div class="na-map" role="region" aria-label={props.aria_label.clone()} {onkeydown}>
            <svg ref={svg_ref} class="na-map__svg" viewBox={view_box} {style}
                preserveAspectRatio="xMidYMid meet" tabindex="0" role="group"
                aria-roledescription="map"
                aria-label="Drag or use the arrow keys to pan; plus and minus keys, wheel or pinch to zoom; 0 resets"
                aria-keyshortcuts="ArrowUp ArrowDown ArrowLeft ArrowRight + - 0"
                {onwheel} {onpointerdown} {onpointermove}
                onpointerup={onpointerup.clone()} onpointercancel={onpointerup}>
                <rect class="na-map__sea" x={visible.x0.to_string()} y={visible.y0.to_string()}
                    width={visible.width().to_string()} height={visible.height().to_string()} />
                <MapOutlines window={cut.window} scale={cut.scale} shades={(*shades).clone()} />
                <MapMarkers markers={props.markers.clone()} geoms={geoms.clone()}
                    order={order.clone()} selected={props.selected.clone()}
                    {on_activate} {on_hover} />
            </svg>
            <svg class="na-map__labels" aria-hidden="true"
                viewBox={format!("0 0 {} {}", vp.width, vp.height)}>
                { for label_items }
            </svg>
            { tooltip }
            <div class="na-map__controls">
                <button type="button" class="na-map__button" aria-label="Zoom in" title="Zoom in (+)"
                    aria-disabled={at_max.to_string()} onclick={zoom_button(STEP_ZOOM)}>{ "+" }</button>
                <button type="button" class="na-map__button" aria-label="Zoom out" title="Zoom out (−)"
                    aria-disabled={at_min.to_string()} onclick={zoom_button(1.0 / STEP_ZOOM)}>{ "−" }</button>
                <button type="button" class="na-map__button" aria-label="Reset view"
                    title="Reset view (0)" onclick={on_reset}>{ "⟲" }</button>
            </div>
        </div>
    }
}

/// Client coordinates -> pixels within the drawing area.
fn local(svg_ref: &NodeRef, client_x: f64, client_y: f64) -> (f64, f64) {
    match svg_ref.cast::<Element>() {
        Some(el) => {
            let r = el.get_bounding_client_rect();
            (client_x - r.left(), client_y - r.top())
        }
        None => (client_x, client_y),
    }
}
