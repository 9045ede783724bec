//! The articles the reader can open, and their analyses, computed once each.

use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;

use crate::analysis::{self, Analysis};
use crate::articles::{self, Article};

/// Every article available to the page, shared through a context.
#[derive(Debug, Default)]
pub struct Library {
    pub articles: Vec<Rc<Article>>,
    /// Analyses by article id, filled on first use: the analysis is derived
    /// from the text, so it is computed once and shared, never stored.
    analyses: RefCell<HashMap<String, Rc<Analysis>>>,
}

impl PartialEq for Library {
    fn eq(&self, other: &Library) -> bool {
        self.articles == other.articles
    }
}

impl Library {
    pub fn bundled() -> Library {
        Library { articles: articles::bundled().into_iter().map(Rc::new).collect(), ..Library::default() }
    }

    pub fn get(&self, id: &str) -> Option<Rc<Article>> {
        self.articles.iter().find(|a| a.id == id).cloned()
    }

    /// The analysis of an article, computed on first request.
    pub fn analysis(&self, article: &Article) -> Rc<Analysis> {
        if let Some(done) = self.analyses.borrow().get(&article.id) {
            return done.clone();
        }
        let fresh = Rc::new(analysis::analyze(&article.text));
        self.analyses.borrow_mut().insert(article.id.clone(), fresh.clone());
        fresh
    }
}
