//! What sits over the drawing: the tooltip and the zoom buttons. Hook-free.

use yew::prelude::*;

use super::gestures::STEP_ZOOM;
use super::state::{MapAction, MapState};
use crate::geo::Viewport;

/// What the tooltip shows, and where (pixels within the drawing area).
pub struct Tip {
    pub name: AttrValue,
    /// "city, 5 mentions".
    pub detail: String,
    pub x: f64,
    pub y: f64,
    /// The marker's radius: the tooltip clears it.
    pub r: f64,
}

/// The styled tooltip. The element is always there (hidden when unused), so
/// showing it never inserts a node among the map's children: doing that once
/// made Yew rebuild the whole drawing, dropping the element under the pointer.
/// Its position comes from [`tooltip_css`] through `node` (see `use_css_text`).
pub fn tooltip(tip: Option<Tip>, node: NodeRef) -> Html {
    let Some(tip) = tip else {
        return html! {
            <div ref={node} class="na-map__tooltip" hidden=true aria-hidden="true">
                <strong></strong>
                <span></span>
            </div>
        };
    };
    html! {
        <div ref={node} class={classes!("na-map__tooltip", below(&tip).then_some("na-map__tooltip--below"))}
            aria-hidden="true">
            <strong>{ tip.name }</strong>
            <span>{ tip.detail }</span>
        </div>
    }
}

/// Below the marker near the top edge, above it elsewhere.
fn below(tip: &Tip) -> bool {
    tip.y < 60.0
}

/// The tooltip's position as CSS text; never off the sides.
pub fn tooltip_css(tip: Option<&Tip>, vp: Viewport) -> String {
    let Some(tip) = tip else {
        return String::new();
    };
    format!(
        "left:{:.0}px;top:{:.0}px",
        tip.x.clamp(70.0, (vp.width - 70.0).max(70.0)),
        if below(tip) {
            tip.y + tip.r + 6.0
        } else {
            tip.y - tip.r - 6.0
        }
    )
}

/// Zoom in, zoom out and reset. At a zoom limit a button says so with
/// `aria-disabled` but stays focusable, so focus is never lost from under a
/// keyboard user.
pub fn controls(
    dispatch: &UseReducerDispatcher<MapState>,
    vp: Viewport,
    at_min: bool,
    at_max: bool,
) -> Html {
    let zoom = |factor: f64| {
        let dispatch = dispatch.clone();
        let (sx, sy) = (vp.width / 2.0, vp.height / 2.0);
        Callback::from(move |_: MouseEvent| dispatch.dispatch(MapAction::Zoom { factor, sx, sy }))
    };
    let reset = {
        let dispatch = dispatch.clone();
        Callback::from(move |_: MouseEvent| dispatch.dispatch(MapAction::Reset))
    };
    html! {
        <div class="na-map__controls">
            <button type="button" class="na-map__button" aria-label="Zoom in" title="Zoom in (+)"
                aria-disabled={at_max.to_string()} onclick={zoom(STEP_ZOOM)}>{ "+" }</button>
            <button type="button" class="na-map__button" aria-label="Zoom out" title="Zoom out (−)"
                aria-disabled={at_min.to_string()} onclick={zoom(1.0 / STEP_ZOOM)}>{ "−" }</button>
            <button type="button" class="na-map__button" aria-label="Reset view"
                title="Reset view (0)" onclick={reset}>{ "⟲" }</button>
        </div>
    }
}
