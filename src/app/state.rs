//! UI state that is not in the URL: how the place list is sorted and filtered.
//! One reducer owns it; the URL owns every selection, the compare-across
//! switch and the All places date filter.

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
}

pub enum Action {
    SortPlaces(PlaceSort),
    FilterPlaces(AttrValue),
}

impl Reducible for UiState {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut next = (*self).clone();
        match action {
            Action::SortPlaces(sort) => next.place_sort = sort,
            Action::FilterPlaces(filter) => next.place_filter = filter,
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
