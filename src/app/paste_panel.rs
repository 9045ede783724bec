//! Paste or drop an article: text, optional title, source and date. The
//! analysis runs on this device; nothing is sent anywhere. Bad input gets a
//! clear message and nothing already typed is lost.

use web_sys::{DragEvent, HtmlInputElement, HtmlTextAreaElement};
use yew::prelude::*;
use yew_router::prelude::*;

use super::library::{use_shelf, ShelfAction};
use super::route::Route;
use crate::articles::Article;
use crate::paste_check::{file_text, validate, FileText, MAX_BYTES};
use crate::{date_guess, share};

#[derive(Clone, Default, PartialEq)]
struct Form {
    text: String,
    title: String,
    source: String,
    date: String,
    /// The reader typed a title or date: stop proposing one.
    title_touched: bool,
    date_touched: bool,
}

#[component]
pub fn PastePanel() -> Html {
    let form = use_state(Form::default);
    let message = use_state(|| None::<String>);
    let reader = use_mut_ref(|| None::<gloo::file::callbacks::FileReader>);
    let shelf = use_shelf();
    let navigator = use_navigator();

    let set_text = {
        let form = form.clone();
        move |text: String, from: &Form| {
            let mut next = from.clone();
            if !next.title_touched {
                next.title = date_guess::guess_title(&text).unwrap_or_default();
            }
            if !next.date_touched {
                // A wire dateline gives no year: the latest one not after today.
                let today = date_guess::iso_date_from_ms(super::interop::now_ms());
                next.date = date_guess::guess_date(&text, &today).unwrap_or_default();
            }
            next.text = text;
            form.set(next);
        }
    };
    let on_text = {
        let form = form.clone();
        let set_text = set_text.clone();
        Callback::from(move |e: InputEvent| {
            let area: HtmlTextAreaElement = e.target_unchecked_into();
            set_text(area.value(), &form);
        })
    };
    let field = |apply: fn(&mut Form, String)| {
        let form = form.clone();
        Callback::from(move |e: InputEvent| {
            let input: HtmlInputElement = e.target_unchecked_into();
            let mut next = (*form).clone();
            apply(&mut next, input.value());
            form.set(next);
        })
    };
    let on_title = field(|f, v| {
        f.title = v;
        f.title_touched = true;
    });
    let on_source = field(|f, v| f.source = v);
    let on_date = field(|f, v| {
        f.date = v;
        f.date_touched = true;
    });

    // Files: read as bytes so invalid UTF-8 and binary files get a message.
    let take_file = {
        let form = form.clone();
        let message = message.clone();
        let reader = reader.clone();
        let set_text = set_text.clone();
        move |file: web_sys::File| {
            let name = file.name();
            let file = gloo::file::File::from(file);
            if file.size() as usize > MAX_BYTES {
                message.set(Some(format!(
                    "“{name}” is larger than 10 MB; News Atlas takes articles up to 10 MB."
                )));
                return;
            }
            let form = form.clone();
            let message = message.clone();
            let set_text = set_text.clone();
            *reader.borrow_mut() = Some(gloo::file::callbacks::read_as_bytes(
                &file,
                move |result| match result {
                    Err(e) => message.set(Some(format!("“{name}” could not be read: {e}."))),
                    Ok(bytes) => match file_text(&name, bytes) {
                        Err(why) => message.set(Some(why)),
                        Ok(FileText::Article(article)) => {
                            message.set(None);
                            form.set(Form {
                                text: article.text,
                                title: article.title,
                                source: article.source,
                                date: article.date.unwrap_or_default(),
                                title_touched: true,
                                date_touched: true,
                            });
                        }
                        Ok(FileText::Plain(text)) => {
                            message.set(None);
                            let mut base = (*form).clone();
                            if base.source.is_empty() {
                                base.source = name.clone();
                            }
                            set_text(text, &base);
                        }
                    },
                },
            ));
        }
    };
    let on_file = {
        let take_file = take_file.clone();
        Callback::from(move |e: Event| {
            let input: HtmlInputElement = e.target_unchecked_into();
            if let Some(file) = input.files().and_then(|files| files.get(0)) {
                take_file(file);
            }
            input.set_value("");
        })
    };
    let dragging = use_state(|| false);
    let on_dragover = {
        let dragging = dragging.clone();
        Callback::from(move |e: DragEvent| {
            e.prevent_default();
            dragging.set(true);
        })
    };
    let on_dragleave = {
        let dragging = dragging.clone();
        Callback::from(move |_| dragging.set(false))
    };
    let on_drop = {
        let dragging = dragging.clone();
        Callback::from(move |e: DragEvent| {
            e.prevent_default();
            dragging.set(false);
            if let Some(file) = e
                .data_transfer()
                .and_then(|d| d.files())
                .and_then(|f| f.get(0))
            {
                take_file(file);
            }
        })
    };

    let on_submit = {
        let form = form.clone();
        let message = message.clone();
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            match validate(&form.text) {
                Err(why) => message.set(Some(why)),
                Ok(()) => {
                    let text = form.text.clone();
                    let id = share::article_id(&text);
                    let title = match form.title.trim() {
                        "" => date_guess::guess_title(&text)
                            .unwrap_or_else(|| "Untitled article".to_string()),
                        t => t.to_string(),
                    };
                    shelf.dispatch(ShelfAction::Add(Article {
                        id: id.clone(),
                        title,
                        date: Some(form.date.trim().to_string()).filter(|d| !d.is_empty()),
                        date_inferred: !form.date_touched && !form.date.is_empty(),
                        source: form.source.trim().to_string(),
                        text,
                    }));
                    if let Some(nav) = &navigator {
                        nav.push(&Route::Article { id });
                    }
                }
            }
        })
    };

    let size = form.text.len();
    html! {
        <section class="paste" aria-labelledby="paste-heading">
            <h1 id="paste-heading">{ "Paste an article" }</h1>
            <p class="hint">{ "Paste the text of any English news article, or drop a .txt or .html file. \
                               It is analysed on this device and kept in this browser only." }</p>
            <form onsubmit={on_submit} novalidate=true>
                <div class={classes!("drop-zone", dragging.then_some("dragging"))}
                    ondragover={on_dragover} ondragleave={on_dragleave} ondrop={on_drop}>
                    <label for="paste-text">{ "Article text" }</label>
                    <textarea id="paste-text" rows="14" value={form.text.clone()} oninput={on_text}
                        aria-describedby="paste-size" placeholder="Paste the article here, or drop a file on this box" />
                    <p id="paste-size" class="hint">{ size_label(size) }</p>
                    <label class="file-pick">
                        <span>{ "Or choose a file (.txt, .html)" }</span>
                        <input type="file" accept=".txt,.text,.html,.htm,text/plain,text/html" onchange={on_file} />
                    </label>
                </div>
                <div class="meta-fields">
                    <label>
                        <span>{ "Title" }</span>
                        <input type="text" value={form.title.clone()} oninput={on_title} maxlength="300" />
                    </label>
                    <label>
                        <span>{ "Source" }</span>
                        <input type="text" value={form.source.clone()} oninput={on_source} maxlength="300"
                            placeholder="Outlet, author or address" />
                    </label>
                    <label>
                        <span>{ if form.date_touched || form.date.is_empty() { "Date" } else { "Date (found in the text)" } }</span>
                        <input type="date" value={form.date.clone()} oninput={on_date} />
                    </label>
                </div>
                if let Some(text) = &*message {
                    <p class="error" role="alert">{ text }</p>
                }
                <button type="submit" class="primary">{ "Analyse" }</button>
            </form>
        </section>
    }
}

fn size_label(bytes: usize) -> String {
    match bytes {
        0 => "Nothing pasted yet.".to_string(),
        b if b < 10_000 => format!("{} characters.", b),
        b => format!("{:.1} KB.", b as f64 / 1024.0),
    }
}
