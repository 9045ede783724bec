//! UI state that is not in the URL: how the place list is sorted and filtered.
//! One reducer owns it; the URL owns every selection.

use std::rc::Rc;

use yew::prelude::*;

/// Order of the place list.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum PlaceSort {
    /// Most mentioned first.
    #[default]
    Mentions,
    /// In order of first appearance in the text.
    FirstSeen,
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct UiState {
    pub place_sort: PlaceSort,
    pub place_filter: AttrValue,
    /// Date bounds (`YYYY-MM-DD`, empty for none) of the all-articles view.
    pub all_from: AttrValue,
    pub all_to: AttrValue,
}

pub enum Action {
    SortPlaces(PlaceSort),
    FilterPlaces(AttrValue),
    FilterFrom(AttrValue),
    FilterTo(AttrValue),
}

impl Reducible for UiState {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut next = (*self).clone();
        match action {
            Action::SortPlaces(sort) => next.place_sort = sort,
            Action::FilterPlaces(filter) => next.place_filter = filter,
            Action::FilterFrom(date) => next.all_from = date,
            Action::FilterTo(date) => next.all_to = date,
        }
        Rc::new(next)
    }
}

pub type Ui = UseReducerHandle<UiState>;

/// The page's UI state, provided by `App`.
#[hook]
pub fn use_ui() -> Ui {
    use_context::<Ui>().expect("UI state is provided by App")
}
