//! Input: measuring the drawing area, and turning pointer drags, pinches,
//! wheel ticks and keys into view actions.

use std::cell::Cell;
use std::rc::Rc;

use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use web_sys::{Element, ResizeObserver};
use yew::prelude::*;

use super::state::{MapAction, MapState};
use crate::geo::Viewport;

/// One arrow-key press pans this share of the viewport.
const KEY_PAN: f64 = 0.15;
/// One button or key press zooms by this factor.
pub const STEP_ZOOM: f64 = 1.6;
/// A pointer that moves less than this (pixels) clicked rather than dragged.
const DRAG_SLOP: f64 = 5.0;

/// Handlers for the map's `<svg>` (pointer, wheel) and frame (keys).
pub struct Gestures {
    pub onwheel: Callback<WheelEvent>,
    pub onpointerdown: Callback<PointerEvent>,
    pub onpointermove: Callback<PointerEvent>,
    /// Also for `pointercancel`.
    pub onpointerup: Callback<PointerEvent>,
    pub onkeydown: Callback<KeyboardEvent>,
    /// Set when the last press turned into a drag: the click the browser sends
    /// after it must not select a marker. Whoever handles that click clears it.
    pub dragged: Rc<Cell<bool>>,
}

/// Pointers down on the map, kept out of the render state: pointer moves
/// come faster than renders.
#[derive(Default)]
struct Pointers {
    /// (pointer id, x, y) in drawing-area pixels, as last applied.
    down: Vec<(i32, f64, f64)>,
    travelled: f64,
}

/// Measures the drawing area now and whenever its box changes.
#[hook]
pub fn use_measure(svg_ref: NodeRef, dispatch: UseReducerDispatcher<MapState>) {
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

/// Pan by drag, zoom by pinch and wheel, keys; see [`Gestures`].
#[hook]
pub fn use_gestures(
    svg_ref: NodeRef,
    dispatch: UseReducerDispatcher<MapState>,
    vp: Viewport,
) -> Gestures {
    let pointers = use_mut_ref(Pointers::default);
    let dragged = use_memo((), |_| Cell::new(false));
    let dragged: Rc<Cell<bool>> = dragged;

    let onwheel = {
        let dispatch = dispatch.clone();
        let svg_ref = svg_ref.clone();
        Callback::from(move |e: WheelEvent| {
            // The wheel zooms the map rather than scrolling the page.
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
        let pointers = pointers.clone();
        let dragged = dragged.clone();
        let svg_ref = svg_ref.clone();
        Callback::from(move |e: PointerEvent| {
            if e.pointer_type() == "mouse" && e.button() != 0 {
                return;
            }
            let (x, y) = local(&svg_ref, e.client_x() as f64, e.client_y() as f64);
            let mut p = pointers.borrow_mut();
            p.down.retain(|d| d.0 != e.pointer_id());
            p.down.push((e.pointer_id(), x, y));
            if p.down.len() == 1 {
                p.travelled = 0.0;
                dragged.set(false);
            }
        })
    };
    let onpointermove = {
        let pointers = pointers.clone();
        let dragged = dragged.clone();
        let svg_ref = svg_ref.clone();
        let dispatch = dispatch.clone();
        Callback::from(move |e: PointerEvent| {
            let mut p = pointers.borrow_mut();
            let id = e.pointer_id();
            let Some(k) = p.down.iter().position(|d| d.0 == id) else {
                return;
            };
            let (x, y) = local(&svg_ref, e.client_x() as f64, e.client_y() as f64);
            let (_, ox, oy) = p.down[k];
            match p.down.len() {
                1 => {
                    let travelled = p.travelled + (x - ox).hypot(y - oy);
                    if travelled < DRAG_SLOP && !dragged.get() {
                        // Still a click: keep measuring from where it began.
                        return;
                    }
                    if !dragged.get() {
                        // Captured only now, so a plain click still reaches its marker.
                        if let Some(el) = svg_ref.cast::<Element>() {
                            let _ = el.set_pointer_capture(id);
                        }
                    }
                    p.travelled = travelled;
                    dragged.set(true);
                    p.down[k] = (id, x, y);
                    dispatch.dispatch(MapAction::Pan(x - ox, y - oy));
                }
                2 => {
                    // Zoom by the change in finger spread about their old
                    // midpoint, then follow the midpoint's move.
                    let (_, ax, ay) = p.down[1 - k];
                    let before = (ox - ax).hypot(oy - ay);
                    let after = (x - ax).hypot(y - ay);
                    p.down[k] = (id, x, y);
                    dragged.set(true);
                    if before > 1.0 && after > 1.0 {
                        let (mx, my) = ((ox + ax) / 2.0, (oy + ay) / 2.0);
                        let (nx, ny) = ((x + ax) / 2.0, (y + ay) / 2.0);
                        let factor = after / before;
                        dispatch.dispatch(MapAction::Zoom {
                            factor,
                            sx: mx,
                            sy: my,
                        });
                        dispatch.dispatch(MapAction::Pan(nx - mx, ny - my));
                    }
                }
                _ => p.down[k] = (id, x, y),
            }
        })
    };
    let onpointerup = {
        let pointers = pointers.clone();
        let svg_ref = svg_ref.clone();
        Callback::from(move |e: PointerEvent| {
            let id = e.pointer_id();
            pointers.borrow_mut().down.retain(|d| d.0 != id);
            if let Some(el) = svg_ref.cast::<Element>() {
                if el.has_pointer_capture(id) {
                    let _ = el.release_pointer_capture(id);
                }
            }
        })
    };
    let onkeydown = Callback::from(move |e: KeyboardEvent| {
        if e.ctrl_key() || e.meta_key() || e.alt_key() {
            return; // browser shortcuts such as Ctrl+= keep working
        }
        let (dx, dy) = (vp.width * KEY_PAN, vp.height * KEY_PAN);
        let (sx, sy) = (vp.width / 2.0, vp.height / 2.0);
        let action = match e.key().as_str() {
            "ArrowLeft" => MapAction::Pan(dx, 0.0),
            "ArrowRight" => MapAction::Pan(-dx, 0.0),
            "ArrowUp" => MapAction::Pan(0.0, dy),
            "ArrowDown" => MapAction::Pan(0.0, -dy),
            "+" | "=" => MapAction::Zoom {
                factor: STEP_ZOOM,
                sx,
                sy,
            },
            "-" | "_" => MapAction::Zoom {
                factor: 1.0 / STEP_ZOOM,
                sx,
                sy,
            },
            "0" => MapAction::Reset,
            _ => return,
        };
        e.prevent_default();
        dispatch.dispatch(action);
    });
    Gestures {
        onwheel,
        onpointerdown,
        onpointermove,
        onpointerup,
        onkeydown,
        dragged,
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
