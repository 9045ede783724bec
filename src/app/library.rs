//! The articles the reader can open: those bundled with the app.

use std::rc::Rc;

use crate::articles::{self, Article};

/// Every article available to the page, shared through a context.
#[derive(Debug, PartialEq)]
pub struct Library {
    pub articles: Vec<Rc<Article>>,
}

impl Library {
    pub fn bundled() -> Library {
        Library { articles: articles::bundled().into_iter().map(Rc::new).collect() }
    }

    pub fn get(&self, id: &str) -> Option<Rc<Article>> {
        self.articles.iter().find(|a| a.id == id).cloned()
    }
}
