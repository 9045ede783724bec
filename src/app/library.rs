//! The articles the reader can open: bundled ones and pasted ones kept in the
//! browser. One reducer ([`Shelf`]) owns the list; writing to storage happens
//! in an effect (see `App`), never inside `reduce`. Views read a [`Library`]:
//! a snapshot of the shelf's articles with the shared analysis cache.

use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;

use yew::prelude::*;

use super::interop;
use crate::analysis::{self, Analysis};
use crate::articles::{self, Article};
use crate::store;

/// The pasted and bundled articles and what happened to them lately.
#[derive(Clone, Debug, PartialEq)]
pub struct Shelf {
    pub bundled: Vec<Rc<Article>>,
    /// Pasted articles, newest first.
    pub pasted: Vec<Rc<Article>>,
    /// A message about storage or links for the reader.
    pub notice: Option<AttrValue>,
    /// The last deleted article and where it stood, for undo.
    pub deleted: Option<(usize, Rc<Article>)>,
    /// Bumped on every change to `pasted`, so the save effect runs once per change.
    pub revision: u64,
    /// False when stored data could not be read: it is then never overwritten.
    pub persist: bool,
}

pub enum ShelfAction {
    /// Adds a pasted article (or brings an identical one to the top).
    Add(Article),
    Rename {
        id: String,
        title: String,
    },
    Delete(String),
    Undo,
    Notice(Option<String>),
}

impl Reducible for Shelf {
    type Action = ShelfAction;

    fn reduce(self: Rc<Self>, action: ShelfAction) -> Rc<Self> {
        let mut next = (*self).clone();
        match action {
            ShelfAction::Add(article) => {
                // Same id means same text: keep one copy, with the newer metadata.
                next.pasted.retain(|a| a.id != article.id);
                next.pasted.insert(0, Rc::new(article));
                next.revision += 1;
            }
            ShelfAction::Rename { id, title } => {
                let title = title.trim();
                if let Some(a) = next
                    .pasted
                    .iter_mut()
                    .find(|a| a.id == id)
                    .filter(|_| !title.is_empty())
                {
                    *a = Rc::new(Article {
                        title: title.to_string(),
                        ..(**a).clone()
                    });
                    next.revision += 1;
                }
            }
            ShelfAction::Delete(id) => {
                if let Some(at) = next.pasted.iter().position(|a| a.id == id) {
                    let article = next.pasted.remove(at);
                    next.deleted = Some((at, article));
                    next.revision += 1;
                }
            }
            ShelfAction::Undo => {
                if let Some((at, article)) = next.deleted.take() {
                    if !next.pasted.iter().any(|a| a.id == article.id) {
                        next.pasted.insert(at.min(next.pasted.len()), article);
                        next.revision += 1;
                    }
                }
            }
            ShelfAction::Notice(notice) => next.notice = notice.map(AttrValue::from),
        }
        Rc::new(next)
    }
}

impl Shelf {
    /// The bundled articles plus whatever the browser kept. Unreadable stored
    /// data is copied aside under a backup key and never overwritten; data
    /// from a newer version is left in place and not written over.
    pub fn load() -> Shelf {
        let bundled = articles::bundled().into_iter().map(Rc::new).collect();
        let mut library = Shelf {
            bundled,
            pasted: Vec::new(),
            notice: None,
            deleted: None,
            revision: 0,
            persist: true,
        };
        match interop::storage_get(store::KEY) {
            Ok(None) => {}
            Ok(Some(raw)) => match store::read(&raw) {
                Ok(articles) => library.pasted = articles.into_iter().map(Rc::new).collect(),
                // A newer format stays where it is, for the newer version to
                // read: nothing is written over it.
                Err(error @ store::ReadError::TooNew(_)) => {
                    library.persist = false;
                    library.notice = Some(AttrValue::from(format!(
                        "News Atlas could not read your saved articles: {error}. They are left untouched, and new articles are kept only until the page closes."
                    )));
                }
                Err(error) => {
                    let backup = store::backup_key(interop::now_ms() as u64);
                    let kept = interop::storage_set(&backup, &raw).is_ok();
                    library.persist = kept;
                    library.notice = Some(AttrValue::from(if kept {
                        format!("News Atlas could not read your saved articles: {error}. They were kept aside unchanged under “{backup}”; new articles are saved as usual.")
                    } else {
                        format!("News Atlas could not read your saved articles: {error}. They are left untouched, and new articles are kept only until the page closes.")
                    }));
                }
            },
            Err(why) => {
                library.persist = false;
                library.notice = Some(AttrValue::from(format!(
                    "{why} Pasted articles are kept only until the page closes."
                )));
            }
        }
        library
    }

    /// Pasted articles first (newest first), then the bundled ones.
    pub fn articles(&self) -> impl Iterator<Item = &Rc<Article>> {
        self.pasted.iter().chain(self.bundled.iter())
    }

    pub fn get(&self, id: &str) -> Option<Rc<Article>> {
        self.articles().find(|a| a.id == id).cloned()
    }

    pub fn is_pasted(&self, id: &str) -> bool {
        self.pasted.iter().any(|a| a.id == id)
    }

    /// Writes the pasted articles; the message says why it could not.
    pub fn save(&self) -> Result<(), String> {
        if !self.persist {
            return Ok(());
        }
        let articles: Vec<&Article> = self.pasted.iter().map(|a| a.as_ref()).collect();
        interop::storage_set(store::KEY, &store::write(&articles))
    }
}

/// Analyses by article id, computed once each: an analysis is derived from
/// the text, so it is shared, never stored. Pasted ids name their content,
/// so an id always means the same text.
#[derive(Default)]
pub struct Analyses(RefCell<HashMap<String, Rc<Analysis>>>);

impl PartialEq for Analyses {
    fn eq(&self, other: &Analyses) -> bool {
        std::ptr::eq(self, other)
    }
}

impl Analyses {
    /// The analysis if already computed.
    pub fn cached(&self, id: &str) -> Option<Rc<Analysis>> {
        self.0.borrow().get(id).cloned()
    }

    /// Keeps an analysis computed elsewhere (in parts, for a long text).
    pub fn insert(&self, id: &str, analysis: Rc<Analysis>) {
        self.0.borrow_mut().insert(id.to_string(), analysis);
    }

    /// Analyses `article` now; only once the gazetteer is installed.
    fn of(&self, article: &Article) -> Rc<Analysis> {
        if let Some(done) = self.0.borrow().get(&article.id) {
            return done.clone();
        }
        let fresh = Rc::new(analysis::analyze(&article.text));
        self.0
            .borrow_mut()
            .insert(article.id.clone(), fresh.clone());
        fresh
    }

    /// A bundled article's analysis computed at build time, kept once read.
    #[cfg(feature = "precomputed")]
    fn precomputed(&self, article: &Article) -> Option<Rc<Analysis>> {
        let done = Rc::new(crate::precomputed::analysis(&article.id)?);
        self.insert(&article.id, done.clone());
        Some(done)
    }

    #[cfg(not(feature = "precomputed"))]
    fn precomputed(&self, _article: &Article) -> Option<Rc<Analysis>> {
        None
    }
}

pub type ShelfHandle = UseReducerHandle<Shelf>;

/// The shelf, to change it; provided by `App`.
#[hook]
pub fn use_shelf() -> ShelfHandle {
    use_context::<ShelfHandle>().expect("the shelf is provided by App")
}

/// What views read: every article (pasted first) and their analyses.
#[derive(Clone)]
pub struct Library {
    pub articles: Vec<Rc<Article>>,
    analyses: Rc<Analyses>,
    /// The gazetteer is installed: articles can be analysed. Part of the
    /// library, so every view that reads it is drawn again when it comes.
    place_data_ready: bool,
}

impl PartialEq for Library {
    fn eq(&self, other: &Library) -> bool {
        self.place_data_ready == other.place_data_ready
            && Rc::ptr_eq(&self.analyses, &other.analyses)
            && self.articles.len() == other.articles.len()
            && self
                .articles
                .iter()
                .zip(&other.articles)
                .all(|(a, b)| Rc::ptr_eq(a, b))
    }
}

impl Library {
    pub fn new(shelf: &Shelf, analyses: Rc<Analyses>, place_data_ready: bool) -> Library {
        Library {
            articles: shelf.articles().cloned().collect(),
            analyses,
            place_data_ready,
        }
    }

    pub fn get(&self, id: &str) -> Option<Rc<Article>> {
        self.articles.iter().find(|a| a.id == id).cloned()
    }

    /// True once the gazetteer is installed (see `place_data`).
    pub fn place_data_ready(&self) -> bool {
        self.place_data_ready
    }

    /// The analysis of an article if it can be had now: computed before,
    /// computed at build time (a bundled article), or short and the
    /// gazetteer is here. `None` means it waits: for the gazetteer (see
    /// [`Library::place_data_ready`] and `WaitingForPlaceData`), or, for a
    /// long text, to be computed in parts (see `LongAnalysis`). Nothing is
    /// analysed before the gazetteer is there: the same text always gives
    /// the same analysis.
    pub fn analysis_if_quick(&self, article: &Article) -> Option<Rc<Analysis>> {
        if let Some(done) = self
            .analyses
            .cached(&article.id)
            .or_else(|| self.analyses.precomputed(article))
        {
            return Some(done);
        }
        let ready = self.place_data_ready && analysis::gazetteer::GAZETTEER.get().is_some();
        (ready && article.text.len() <= analysis::parts::PART_BYTES)
            .then(|| self.analyses.of(article))
    }

    pub fn analyses(&self) -> Rc<Analyses> {
        self.analyses.clone()
    }
}
