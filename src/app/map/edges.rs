//! Places with several mentions that lie outside the view, signalled at the
//! map's edge: an arrow pointing their way and their name, a button that
//! selects them (the map then moves to show them). Hook-free; the geometry
//! is [`crate::geo::edges`].

use yew::prelude::*;

use super::{MapMarker, MarkerGeom};
use crate::geo::edges::{edge_signals, EdgeSignal};
use crate::geo::{Point, Rect, View, Viewport};

/// A place needs this many mentions to be signalled.
pub const SEVERAL: usize = 2;
/// At most this many signals, the most mentioned first.
const MAX_SIGNALS: usize = 8;
/// Pixels between a signal's arrow and the edge, and between two signals.
const INSET: f64 = 14.0;
const SPACING: f64 = 22.0;

/// The signals for `markers` (by `order`, most mentioned first) in `view`.
pub fn signals(
    markers: &[MapMarker],
    geoms: &[MarkerGeom],
    order: &[usize],
    view: View,
    vp: Viewport,
    controls: (f64, f64),
) -> Vec<EdgeSignal> {
    let points: Vec<(usize, Point)> = order
        .iter()
        .filter(|&&i| markers.get(i).is_some_and(|m| m.count >= SEVERAL))
        .filter_map(|&i| geoms.get(i).filter(|g| g.shown).map(|g| (i, g.p)))
        .collect();
    // The zoom buttons' corner, and room for a name beside it.
    let buttons = Rect::new(vp.width - controls.0 - 60.0, 0.0, vp.width, controls.1);
    let mut out = edge_signals(&points, view, vp, INSET, SPACING, Some(buttons));
    out.truncate(MAX_SIGNALS);
    out
}

/// The signals as an overlay in screen pixels.
pub fn overlay(
    markers: &[MapMarker],
    signals: &[EdgeSignal],
    vp: Viewport,
    on_select: &Callback<AttrValue>,
) -> Html {
    if signals.is_empty() {
        return Html::default();
    }
    html! {
        <svg class="na-map__edges" role="group" aria-label="Places beyond the edge of the map"
            viewBox={format!("0 0 {} {}", vp.width, vp.height)}>
            { for signals.iter().filter_map(|s| markers.get(s.index).map(|m| signal(m, s, on_select))) }
        </svg>
    }
}

fn signal(m: &MapMarker, s: &EdgeSignal, on_select: &Callback<AttrValue>) -> Html {
    // Not "Name, …" like the marker's own label, which tests and readers
    // use to find the marker itself.
    let label = format!(
        "Beyond the map to the {}: {}, {} mentions",
        s.compass, m.name, m.count
    );
    let onclick = {
        let (on_select, slug) = (on_select.clone(), m.slug.clone());
        Callback::from(move |_: MouseEvent| on_select.emit(slug.clone()))
    };
    let onkeydown = {
        let (on_select, slug) = (on_select.clone(), m.slug.clone());
        Callback::from(move |e: KeyboardEvent| {
            if matches!(e.key().as_str(), "Enter" | " " | "Spacebar") {
                e.prevent_default();
                on_select.emit(slug.clone());
            }
        })
    };
    // The name sits inside the map, on the far side of the arrow.
    let anchor = match s.dx {
        dx if dx > 0.5 => "end",
        dx if dx < -0.5 => "start",
        _ => "middle",
    };
    let (tx, ty) = (-s.dx * 12.0, -s.dy * 12.0 + 4.0);
    let angle = s.dy.atan2(s.dx).to_degrees();
    html! {
        <g key={m.slug.to_string()} class="na-map__edge" role="button" tabindex="0" aria-label={label}
            transform={format!("translate({:.1} {:.1})", s.x, s.y)} {onclick} {onkeydown}>
            <title>{ format!("{} lies to the {}", m.name, s.compass) }</title>
            <circle class="na-map__edge-hit" r="11" />
            <path class="na-map__edge-arrow" d="M 8 0 L -5 -6 L -2 0 L -5 6 Z"
                transform={format!("rotate({angle:.0})")} />
            <text x={format!("{tx:.1}")} y={format!("{ty:.1}")} text-anchor={anchor}>{ m.name.clone() }</text>
        </g>
    }
}
