//! The two pickers of the Side by side tab (speakers and sides, as native
//! selects so they work with every keyboard and screen reader), a button
//! that swaps the columns, and the switch to compare across all articles.

use std::rc::Rc;

use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

/// One entry of a picker.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Choice {
    pub slug: String,
    pub label: String,
    /// The option group it is listed under ("Sides", "Speakers" ...).
    pub group: &'static str,
}

#[derive(PartialEq, Properties)]
pub struct ComparePickersProps {
    pub choices: Rc<Vec<Choice>>,
    /// The chosen slugs; empty for none.
    pub left: AttrValue,
    pub right: AttrValue,
    pub across: bool,
    /// A column (0 left, 1 right) and the slug chosen for it.
    pub on_choose: Callback<(usize, String)>,
    pub on_swap: Callback<()>,
    pub on_across: Callback<bool>,
}

#[component]
pub fn ComparePickers(props: &ComparePickersProps) -> Html {
    let picker = |column: usize, label: &'static str, chosen: &AttrValue| {
        let on_choose = props.on_choose.clone();
        let onchange = Callback::from(move |e: Event| {
            let select: HtmlSelectElement = e.target_unchecked_into();
            on_choose.emit((column, select.value()));
        });
        let mut groups: Vec<&'static str> = Vec::new();
        for c in props.choices.iter() {
            if !groups.contains(&c.group) {
                groups.push(c.group);
            }
        }
        // A chosen slug the lists lack (a link from elsewhere) stays visible.
        let unknown =
            !chosen.is_empty() && !props.choices.iter().any(|c| c.slug == chosen.as_str());
        html! {
            <label class="picker">
                <span>{ label }</span>
                <select {onchange}>
                    <option value="" selected={chosen.is_empty()}>{ "Choose a speaker or side…" }</option>
                    if unknown { <option value={chosen.clone()} selected=true>{ chosen.clone() }</option> }
                    { for groups.into_iter().map(|group| html! {
                        <optgroup label={group}>
                            { for props.choices.iter().filter(|c| c.group == group).map(|c| html! {
                                <option value={c.slug.clone()} selected={c.slug == chosen.as_str()}>{ &c.label }</option>
                            }) }
                        </optgroup>
                    }) }
                </select>
            </label>
        }
    };
    let on_swap = {
        let on_swap = props.on_swap.clone();
        Callback::from(move |_: MouseEvent| on_swap.emit(()))
    };
    let on_across = {
        let on_across = props.on_across.clone();
        Callback::from(move |e: Event| {
            let input: HtmlInputElement = e.target_unchecked_into();
            on_across.emit(input.checked());
        })
    };
    html! {
        <div class="compare-pickers">
            { picker(0, "Left column", &props.left) }
            <button type="button" class="swap" onclick={on_swap} aria-label="Swap the columns">
                <span aria-hidden="true">{ "⇄" }</span>
            </button>
            { picker(1, "Right column", &props.right) }
            <label class="toggle">
                <input type="checkbox" checked={props.across} onchange={on_across} />
                <span>{ "Compare across all articles" }</span>
            </label>
        </div>
    }
}
