//! In-browser tests of the map component (wasm-bindgen-test in headless Chromium).
#![cfg(target_arch = "wasm32")]

use std::cell::RefCell;
use std::rc::Rc;

use news_atlas::analysis::PlaceKind;
use news_atlas::app::map::{Map, MapMarker, MapProps};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{Element, KeyboardEvent, KeyboardEventInit, MouseEvent, MouseEventInit};
use yew::{AppHandle, AttrValue, Callback};

mod web_support;

use web_support::wait_for;

wasm_bindgen_test_configure!(run_in_browser);

fn marker(
    slug: &'static str,
    name: &'static str,
    kind: PlaceKind,
    lat: f64,
    lon: f64,
    count: usize,
) -> MapMarker {
    MapMarker {
        slug: AttrValue::Static(slug),
        name: AttrValue::Static(name),
        kind,
        lat,
        lon,
        count,
        shade_region: (kind == PlaceKind::Region).then_some(AttrValue::Static(name)),
        country: Some(AttrValue::Static("UA")),
    }
}

fn places() -> Vec<MapMarker> {
    vec![
        marker("pokrovsk", "Pokrovsk", PlaceKind::City, 48.28, 37.18, 5),
        marker("kyiv", "Kyiv", PlaceKind::City, 50.45, 30.52, 1),
        marker(
            "donetsk-oblast",
            "Donetsk Oblast",
            PlaceKind::Region,
            48.0,
            37.8,
            2,
        ),
        marker("black-sea", "Black Sea", PlaceKind::Sea, 43.4, 34.0, 1),
        marker(
            "zaporizhzhia-npp",
            "Zaporizhzhia Nuclear Power Plant",
            PlaceKind::Facility,
            47.51,
            34.59,
            3,
        ),
    ]
}

/// Mounts a map in a fresh, sized element with the real stylesheet; returns
/// the element and the slugs `on_select` received.
fn mount(
    markers: Vec<MapMarker>,
    selected: Option<&'static str>,
) -> (Element, Rc<RefCell<Vec<String>>>) {
    let (root, picked, _) = mount_app(markers, selected);
    (root, picked)
}

/// As [`mount`], also returning the app, whose props a test may change as a
/// page would (a place selected in the list or the URL).
fn mount_app(
    markers: Vec<MapMarker>,
    selected: Option<&'static str>,
) -> (Element, Rc<RefCell<Vec<String>>>, AppHandle<Map>) {
    let document = gloo::utils::document();
    if document.get_element_by_id("map-css").is_none() {
        let style = document.create_element("style").unwrap();
        style.set_id("map-css");
        style.set_text_content(Some(include_str!("../styles/map.css")));
        document.head().unwrap().append_child(&style).unwrap();
    }
    let root = document.create_element("div").unwrap();
    root.set_attribute("style", "width: 640px").unwrap();
    document.body().unwrap().append_child(&root).unwrap();
    let picked = Rc::new(RefCell::new(Vec::new()));
    let on_select = {
        let picked = picked.clone();
        Callback::from(move |slug: AttrValue| picked.borrow_mut().push(slug.to_string()))
    };
    let props = MapProps {
        markers: Rc::new(markers),
        selected: selected.map(AttrValue::Static),
        on_select,
        aria_label: AttrValue::Static("Map of places in the article"),
    };
    let app = yew::Renderer::<Map>::with_root_and_props(root.clone(), props).render();
    (root, picked, app)
}

fn find(root: &Element, selector: &str) -> Option<Element> {
    root.query_selector(selector).ok().flatten()
}

fn count(root: &Element, selector: &str) -> u32 {
    root.query_selector_all(selector)
        .map(|l| l.length())
        .unwrap_or(0)
}

fn click(el: &Element) {
    let init = MouseEventInit::new();
    init.set_bubbles(true);
    init.set_cancelable(true);
    let e = MouseEvent::new_with_mouse_event_init_dict("click", &init).unwrap();
    el.dispatch_event(&e).unwrap();
}

fn key(el: &Element, key: &str) {
    let init = KeyboardEventInit::new();
    init.set_bubbles(true);
    init.set_cancelable(true);
    init.set_key(key);
    let e = KeyboardEvent::new_with_keyboard_event_init_dict("keydown", &init).unwrap();
    el.dispatch_event(&e).unwrap();
}

/// Waits until the map has measured itself: its view has the drawing area's
/// shape (the first render uses a default size).
async fn settle(root: &Element) {
    wait_for("the map to measure itself", || {
        let Some(svg) = find(root, ".na-map__svg") else {
            return false;
        };
        let r = svg.get_bounding_client_rect();
        let vb: Vec<f64> = view_box(root)
            .split(' ')
            .filter_map(|v| v.parse().ok())
            .collect();
        vb.len() == 4 && r.height() > 0.0 && (vb[2] / vb[3] - r.width() / r.height()).abs() < 1e-3
    })
    .await;
}

fn view_box(root: &Element) -> String {
    find(root, ".na-map__svg")
        .and_then(|s| s.get_attribute("viewBox"))
        .unwrap_or_default()
}

#[wasm_bindgen_test]
async fn draws_outlines_and_a_labelled_button_per_place() {
    let (root, _) = mount(places(), None);
    wait_for("markers", || count(&root, ".na-map__marker") == 5).await;
    settle(&root).await;
    let region = find(&root, "[role=region]").expect("the map region");
    assert_eq!(
        region.get_attribute("aria-label").as_deref(),
        Some("Map of places in the article")
    );
    let pokrovsk = find(
        &root,
        "[role=button][aria-label='Pokrovsk, city, 5 mentions']",
    );
    assert!(pokrovsk.is_some(), "Pokrovsk's marker is a labelled button");
    assert!(find(&root, "[aria-label='Kyiv, city, 1 mention']").is_some());
    assert!(find(&root, "[aria-label='Black Sea, sea, 1 mention']").is_some());
    let all = root.query_selector_all(".na-map__marker").unwrap();
    for i in 0..all.length() {
        let m: Element = all.get(i).unwrap().dyn_into().unwrap();
        assert_eq!(
            m.get_attribute("tabindex").as_deref(),
            Some("0"),
            "Tab reaches every marker"
        );
        assert!(find(&m, "title").is_some(), "a native tooltip too");
    }
    assert!(
        count(&root, ".na-map__countries path") > 5,
        "country outlines around Ukraine"
    );
    assert_eq!(
        count(&root, ".na-map__shaded path"),
        1,
        "Donetsk Oblast is shaded"
    );
    assert_eq!(
        count(&root, ".na-map__button"),
        3,
        "zoom in, zoom out, reset"
    );
    wait_for("labels", || count(&root, ".na-map__label") > 0).await;
    // Place names are text nodes, never markup.
    let label_text = find(&root, ".na-map__labels")
        .unwrap()
        .text_content()
        .unwrap_or_default();
    assert!(label_text.contains("Pokrovsk"), "{label_text}");
}

#[wasm_bindgen_test]
async fn clicking_or_pressing_enter_on_a_marker_selects_it() {
    let (root, picked) = mount(places(), None);
    wait_for("markers", || count(&root, ".na-map__marker") == 5).await;
    settle(&root).await;
    let shape = find(&root, "[data-index='1'] .na-map__shape").expect("Kyiv's shape");
    click(&shape);
    assert_eq!(*picked.borrow(), vec!["kyiv".to_string()]);
    let pokrovsk = find(&root, "[data-index='0']").unwrap();
    key(&pokrovsk, "Enter");
    key(&pokrovsk, " ");
    assert_eq!(*picked.borrow(), vec!["kyiv", "pokrovsk", "pokrovsk"]);
}

#[wasm_bindgen_test]
async fn the_selected_marker_is_ringed_and_pressed() {
    let (root, _) = mount(places(), Some("pokrovsk"));
    wait_for("markers", || count(&root, ".na-map__marker") == 5).await;
    settle(&root).await;
    let sel = find(&root, ".na-map__marker--selected").expect("a selected marker");
    assert_eq!(sel.get_attribute("aria-pressed").as_deref(), Some("true"));
    assert!(
        find(&sel, ".na-map__ring").is_some(),
        "a ring, not colour alone"
    );
    assert_eq!(count(&root, "[aria-pressed='true']"), 1);
}

#[wasm_bindgen_test]
async fn keys_and_buttons_zoom_pan_and_reset() {
    let (root, _) = mount(places(), None);
    wait_for("markers", || count(&root, ".na-map__marker") == 5).await;
    settle(&root).await;
    let svg = find(&root, ".na-map__svg").unwrap();
    let start = view_box(&root);
    let width = |vb: &str| {
        vb.split(' ')
            .nth(2)
            .and_then(|w| w.parse::<f64>().ok())
            .unwrap()
    };

    key(&svg, "+");
    wait_for("zoom in", || view_box(&root) != start).await;
    assert!(width(&view_box(&root)) < width(&start));

    let zoomed = view_box(&root);
    key(&svg, "ArrowRight");
    wait_for("pan", || view_box(&root) != zoomed).await;
    assert_eq!(
        width(&view_box(&root)),
        width(&zoomed),
        "panning keeps the zoom"
    );

    key(&svg, "0");
    wait_for("reset", || view_box(&root) == start).await;

    let zoom_out = find(&root, "[aria-label='Zoom out']").unwrap();
    click(&zoom_out);
    wait_for("zoom out", || view_box(&root) != start).await;
    assert!(width(&view_box(&root)) > width(&start));
    click(&find(&root, "[aria-label='Reset view']").unwrap());
    wait_for("reset button", || view_box(&root) == start).await;
}

#[wasm_bindgen_test]
async fn five_hundred_markers_render_and_stay_responsive() {
    let names: Vec<&'static str> = (0..500)
        .map(|i| &*Box::leak(format!("Place {i}").into_boxed_str()))
        .collect();
    let markers: Vec<MapMarker> = (0..500)
        .map(|i| {
            let slug: &'static str = Box::leak(format!("p{i}").into_boxed_str());
            let (lat, lon) = (44.0 + (i % 25) as f64 * 0.35, 23.0 + (i / 25) as f64 * 0.8);
            marker(slug, names[i], PlaceKind::City, lat, lon, 1 + i % 9)
        })
        .collect();
    let t0 = web_sys::js_sys::Date::now();
    let (root, _) = mount(markers, None);
    wait_for("500 markers", || count(&root, ".na-map__marker") == 500).await;
    settle(&root).await;
    let first = web_sys::js_sys::Date::now() - t0;
    // A burst of zoom steps, as a wheel would send, each applied in turn.
    let svg = find(&root, ".na-map__svg").unwrap();
    let t1 = web_sys::js_sys::Date::now();
    let mut last = view_box(&root);
    for k in ["+", "+", "-", "+", "-", "-"] {
        key(&svg, k);
        wait_for("a zoom step", || view_box(&root) != last).await;
        last = view_box(&root);
    }
    let per_step = (web_sys::js_sys::Date::now() - t1) / 6.0;
    // Labels never pile up: the visible labels are fewer than the markers.
    assert!(count(&root, ".na-map__label") < 500);
    assert!(first < 3000.0, "first render took {first} ms");
    assert!(per_step < 250.0, "a zoom step took {per_step} ms");
}

/// Dispatches a DOM event built by its own constructor (`PointerEvent`,
/// `WheelEvent`) from a plain init object, so the test needs no extra web-sys
/// features.
/// Returns false when a handler called `preventDefault`.
fn fire(el: &Element, class: &str, kind: &str, fields: &[(&str, f64)]) -> bool {
    use web_sys::js_sys::{Array, Object, Reflect};
    let init = Object::new();
    Reflect::set(&init, &"bubbles".into(), &true.into()).unwrap();
    Reflect::set(&init, &"cancelable".into(), &true.into()).unwrap();
    for (k, v) in fields {
        Reflect::set(&init, &(*k).into(), &(*v).into()).unwrap();
    }
    if class == "PointerEvent" {
        Reflect::set(&init, &"pointerType".into(), &"touch".into()).unwrap();
        Reflect::set(&init, &"isPrimary".into(), &true.into()).unwrap();
    }
    let ctor = Reflect::get(&gloo::utils::window(), &class.into()).unwrap();
    let ctor: web_sys::js_sys::Function = ctor.dyn_into().unwrap();
    let args = Array::of2(&kind.into(), &init);
    let event: web_sys::Event = Reflect::construct(&ctor, &args)
        .unwrap()
        .dyn_into()
        .unwrap();
    el.dispatch_event(&event).unwrap()
}

#[wasm_bindgen_test]
async fn hover_and_focus_show_a_tooltip() {
    let (root, _) = mount(places(), None);
    wait_for("markers", || count(&root, ".na-map__marker") == 5).await;
    settle(&root).await;
    assert_eq!(count(&root, ".na-map__tooltip:not([hidden])"), 0);
    let pokrovsk = find(&root, "[data-index='0'] .na-map__shape").unwrap();
    fire(&pokrovsk, "MouseEvent", "mouseover", &[]);
    wait_for("tooltip", || {
        count(&root, ".na-map__tooltip:not([hidden])") == 1
    })
    .await;
    // Regression: showing the tooltip once rebuilt every marker and outline,
    // which dropped the element under the pointer (and its mouseout).
    assert!(pokrovsk.is_connected(), "markers survive a hover");
    let text = find(&root, ".na-map__tooltip:not([hidden])")
        .unwrap()
        .text_content()
        .unwrap_or_default();
    assert!(
        text.contains("Pokrovsk") && text.contains("city, 5 mentions"),
        "{text}"
    );
    fire(&pokrovsk, "MouseEvent", "mouseout", &[]);
    wait_for("tooltip gone", || {
        count(&root, ".na-map__tooltip:not([hidden])") == 0
    })
    .await;

    let kyiv = find(&root, "[data-index='1']").unwrap();
    fire(&kyiv, "FocusEvent", "focusin", &[]);
    wait_for("focus tooltip", || {
        find(&root, ".na-map__tooltip:not([hidden])")
            .and_then(|t| t.text_content())
            .is_some_and(|t| t.contains("Kyiv"))
    })
    .await;
}

#[wasm_bindgen_test]
async fn dragging_pans_and_does_not_select() {
    let (root, picked) = mount(places(), None);
    wait_for("markers", || count(&root, ".na-map__marker") == 5).await;
    settle(&root).await;
    let start = view_box(&root);
    let shape = find(&root, "[data-index='1'] .na-map__shape").unwrap();
    let r = shape.get_bounding_client_rect();
    let (x, y) = (r.x() + r.width() / 2.0, r.y() + r.height() / 2.0);
    let at = |dx: f64| {
        [
            ("pointerId", 7.0),
            ("clientX", x + dx),
            ("clientY", y),
            ("button", 0.0),
        ]
    };
    fire(&shape, "PointerEvent", "pointerdown", &at(0.0));
    fire(&shape, "PointerEvent", "pointermove", &at(20.0));
    fire(&shape, "PointerEvent", "pointermove", &at(60.0));
    fire(&shape, "PointerEvent", "pointerup", &at(60.0));
    click(&shape);
    wait_for("the drag to pan", || view_box(&root) != start).await;
    assert!(
        picked.borrow().is_empty(),
        "a drag is not a click: {:?}",
        picked.borrow()
    );
    // The next plain click selects again.
    fire(&shape, "PointerEvent", "pointerdown", &at(0.0));
    fire(&shape, "PointerEvent", "pointerup", &at(0.0));
    click(&shape);
    assert_eq!(*picked.borrow(), vec!["kyiv"]);
}

#[wasm_bindgen_test]
async fn the_wheel_zooms_about_the_pointer() {
    let (root, _) = mount(places(), None);
    wait_for("markers", || count(&root, ".na-map__marker") == 5).await;
    settle(&root).await;
    let svg = find(&root, ".na-map__svg").unwrap();
    let start = view_box(&root);
    let r = svg.get_bounding_client_rect();
    let (x, y) = (r.x() + 100.0, r.y() + 80.0);
    let scrolled = fire(
        &svg,
        "WheelEvent",
        "wheel",
        &[("deltaY", -240.0), ("clientX", x), ("clientY", y)],
    );
    assert!(
        !scrolled,
        "the wheel zooms the map instead of scrolling the page"
    );
    wait_for("wheel zoom", || view_box(&root) != start).await;
    let w = |vb: &str| {
        vb.split(' ')
            .nth(2)
            .and_then(|w| w.parse::<f64>().ok())
            .unwrap()
    };
    assert!(w(&view_box(&root)) < w(&start), "wheel up zooms in");
}

#[wasm_bindgen_test]
async fn two_pointers_pinch_to_zoom() {
    let (root, picked) = mount(places(), None);
    wait_for("markers", || count(&root, ".na-map__marker") == 5).await;
    settle(&root).await;
    let svg = find(&root, ".na-map__svg").unwrap();
    let start = view_box(&root);
    let r = svg.get_bounding_client_rect();
    let (cx, cy) = (r.x() + r.width() / 2.0, r.y() + r.height() / 2.0);
    let p = |id: f64, x: f64| {
        [
            ("pointerId", id),
            ("clientX", x),
            ("clientY", cy),
            ("button", 0.0),
        ]
    };
    fire(&svg, "PointerEvent", "pointerdown", &p(1.0, cx - 40.0));
    fire(&svg, "PointerEvent", "pointerdown", &p(2.0, cx + 40.0));
    // Fingers move apart: 80 px -> 160 px is a 2x zoom in.
    fire(&svg, "PointerEvent", "pointermove", &p(2.0, cx + 120.0));
    fire(&svg, "PointerEvent", "pointerup", &p(2.0, cx + 120.0));
    fire(&svg, "PointerEvent", "pointerup", &p(1.0, cx - 40.0));
    wait_for("pinch zoom", || view_box(&root) != start).await;
    let w = |vb: &str| {
        vb.split(' ')
            .nth(2)
            .and_then(|w| w.parse::<f64>().ok())
            .unwrap()
    };
    let ratio = w(&start) / w(&view_box(&root));
    assert!((ratio - 2.0).abs() < 0.01, "zoomed {ratio}x");
    assert!(picked.borrow().is_empty());
}

/// A page that owns the selection, as the article page does.
#[yew::component]
fn Selecting() -> yew::Html {
    let selected = yew::use_state(|| None::<AttrValue>);
    let markers = yew::use_memo((), |_| places());
    let on_select = {
        let selected = selected.clone();
        Callback::from(move |slug: AttrValue| selected.set(Some(slug)))
    };
    yew::html! {
        <Map markers={markers} selected={(*selected).clone()} {on_select}
            aria_label="Map of places in the article" />
    }
}

#[wasm_bindgen_test]
async fn selecting_from_the_keyboard_keeps_focus_on_the_marker() {
    let document = gloo::utils::document();
    let root = document.create_element("div").unwrap();
    root.set_attribute("style", "width: 640px").unwrap();
    document.body().unwrap().append_child(&root).unwrap();
    yew::Renderer::<Selecting>::with_root(root.clone()).render();
    wait_for("markers", || count(&root, ".na-map__marker") == 5).await;
    settle(&root).await;
    let kyiv = find(&root, "[data-index='1']").unwrap();
    let focus = web_sys::js_sys::Reflect::get(&kyiv, &"focus".into()).unwrap();
    let focus: web_sys::js_sys::Function = focus.dyn_into().unwrap();
    focus.call0(&kyiv).unwrap();
    assert_eq!(document.active_element().as_ref(), Some(&kyiv));
    key(&kyiv, "Enter");
    wait_for("selection", || {
        kyiv.get_attribute("aria-pressed").as_deref() == Some("true")
    })
    .await;
    assert!(kyiv.is_connected(), "the marker element is kept");
    assert_eq!(
        document.active_element().as_ref(),
        Some(&kyiv),
        "focus stays put"
    );
    assert!(find(&kyiv, ".na-map__ring").is_some());
}

#[wasm_bindgen_test]
async fn a_place_without_coordinates_is_left_off_the_map() {
    let mut markers = places();
    markers.push(marker(
        "nowhere",
        "Nowhere",
        PlaceKind::City,
        f64::NAN,
        30.0,
        9,
    ));
    let (root, _) = mount(markers, None);
    wait_for("markers", || count(&root, ".na-map__marker") == 5).await;
    settle(&root).await;
    assert!(find(&root, "[aria-label^='Nowhere']").is_none());
    // The view still fits the other places (it does not stretch to 0,0).
    let vb: Vec<f64> = view_box(&root)
        .split(' ')
        .filter_map(|v| v.parse().ok())
        .collect();
    assert!(vb[2] < 200.0, "{vb:?}");
}

#[wasm_bindgen_test]
async fn the_view_fits_local_places_not_country_centroids() {
    let mut markers = places();
    markers.push(marker(
        "united-states",
        "United States",
        PlaceKind::Country,
        39.8,
        -98.6,
        4,
    ));
    let (root, _) = mount(markers, None);
    wait_for("markers", || count(&root, ".na-map__marker") == 6).await;
    settle(&root).await;
    let vb: Vec<f64> = view_box(&root)
        .split(' ')
        .filter_map(|v| v.parse().ok())
        .collect();
    // Ukraine's places span ~20 world units; the Atlantic would be ~400.
    assert!(vb[2] < 120.0, "{vb:?}");
    // The country marker is still there, reachable by Tab.
    assert!(find(&root, "[aria-label='United States, country, 4 mentions']").is_some());
}

#[wasm_bindgen_test]
async fn focusing_a_marker_outside_the_view_brings_it_into_view() {
    let (root, _) = mount(places(), None);
    wait_for("markers", || count(&root, ".na-map__marker") == 5).await;
    settle(&root).await;
    zoom_in_past_kyiv(&root).await;
    let marker = find(&root, "[data-index='1']").unwrap();
    fire(&marker, "FocusEvent", "focusin", &[]);
    wait_for("Kyiv in view", || shows(&root, KYIV)).await;
}

/// Kyiv's longitude and latitude.
const KYIV: (f64, f64) = (30.52, 50.45);

/// True when the map's view contains the point at `(lon, lat)`.
fn shows(root: &Element, (lon, lat): (f64, f64)) -> bool {
    let p = news_atlas::geo::project(lon, lat);
    let vb: Vec<f64> = view_box(root)
        .split(' ')
        .filter_map(|v| v.parse().ok())
        .collect();
    vb.len() == 4
        && (vb[0]..=vb[0] + vb[2]).contains(&p.x)
        && (vb[1]..=vb[1] + vb[3]).contains(&p.y)
}

/// Zooms in on the map of [`places`] about its centre (near Pokrovsk and
/// Zaporizhzhia) until Kyiv is off screen.
async fn zoom_in_past_kyiv(root: &Element) {
    let svg = find(root, ".na-map__svg").unwrap();
    for _ in 0..6 {
        let before = view_box(root);
        key(&svg, "+");
        wait_for("zoom", || view_box(root) != before).await;
    }
    assert!(!shows(root, KYIV), "Kyiv is off screen at this zoom");
}

#[wasm_bindgen_test]
async fn a_place_selected_elsewhere_is_marked_then_brought_into_view() {
    let (root, _, mut app) = mount_app(places(), None);
    wait_for("markers", || count(&root, ".na-map__marker") == 5).await;
    settle(&root).await;
    zoom_in_past_kyiv(&root).await;
    let props = |selected: &'static str| MapProps {
        markers: Rc::new(places()),
        selected: Some(AttrValue::Static(selected)),
        on_select: Callback::noop(),
        aria_label: AttrValue::Static("Map of places in the article"),
    };
    // As the list or the URL would: the marker is marked, then the map moves.
    app.update(props("kyiv"));
    let kyiv = find(&root, "[data-index='1']").unwrap();
    wait_for("Kyiv marked", || {
        kyiv.get_attribute("aria-pressed").as_deref() == Some("true")
    })
    .await;
    wait_for("Kyiv in view", || shows(&root, KYIV)).await;
    // A region place shades its region, drawn stronger once selected.
    assert_eq!(
        count(&root, ".na-map__shaded path"),
        1,
        "Donetsk Oblast is shaded"
    );
    assert_eq!(count(&root, ".na-map__shade--selected"), 0);
    app.update(props("donetsk-oblast"));
    wait_for("the region's shade selected", || {
        count(&root, ".na-map__shade--selected") == 1
    })
    .await;
    wait_for("Donetsk Oblast in view", || shows(&root, (37.8, 48.0))).await;
}

#[wasm_bindgen_test]
async fn a_repeated_slug_is_drawn_once() {
    let mut markers = places();
    markers.push(marker("kyiv", "Kyiv", PlaceKind::City, 50.45, 30.52, 1));
    let (root, _) = mount(markers, None);
    wait_for("markers", || count(&root, ".na-map__marker") == 5).await;
    settle(&root).await;
    assert_eq!(count(&root, "[aria-label='Kyiv, city, 1 mention']"), 1);
}
