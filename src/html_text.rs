//! A dropped `.html` file reduced to its text, safely: a small tolerant
//! tokenizer, not a DOM. Nothing from the markup survives but text.
//!
//! - Dropped with their content: `<script>`, `<style>` and the other
//!   raw-text elements (read, as browsers do, up to the first `</script`
//!   even inside a JavaScript string), `<noscript>`, `<template>`, `<svg>`,
//!   `<math>`, `<head>` (also ended by `<body>`, which lets an unclosed
//!   head go), `<nav>` (a menu of links is never article prose), embedded
//!   content (`<iframe>`, `<object>`, `<video>`, ...) and form controls;
//!   comments, CDATA, doctypes and processing instructions.
//! - Block elements (`p`, `div`, `br`, `li`, `h1`–`h6`, `article`,
//!   `section`, `blockquote`, `tr`, `header`, `footer`, ...) end a paragraph;
//!   table cells are separated by a space; every other tag vanishes with its
//!   attributes (so no URL, `on*` handler or `javascript:` link survives).
//! - Entities: the Latin-1 set, the usual punctuation (`&mdash;`, `&hellip;`,
//!   curly quotes...) and numeric `&#NNN;` / `&#xHH;`. An unknown or invalid
//!   one, or one without its `;`, stays as written.
//! - White space (including no-break spaces) collapses to one space within a
//!   paragraph; paragraphs are separated by one `\n`, since the segmenter
//!   reads each line as a paragraph.
//!
//! Unclosed tags, quotes or comments drop the rest of the input rather than
//! show markup; the scan is linear and never panics.

/// Elements whose content is never text (read up to their end tag as-is).
#[rustfmt::skip]
const RAW_TEXT: &[&str] = &[
    "script", "style", "noscript", "textarea", "title", "xmp", "iframe", "noembed", "noframes",
    "plaintext",
];

/// Elements dropped with everything inside them (nested markup is tokenized
/// so that an inner `<svg>` or a script holding `</svg>` does not end it early).
#[rustfmt::skip]
const DROPPED: &[&str] = &[
    "head", "template", "svg", "math", "nav", "object", "video", "audio", "canvas", "picture",
    "select", "button", "map", "datalist",
];

/// Elements that end a paragraph where they start and where they end.
#[rustfmt::skip]
const BLOCKS: &[&str] = &[
    "address", "article", "aside", "blockquote", "body", "br", "caption", "dd", "details", "dialog",
    "div", "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3",
    "h4", "h5", "h6", "header", "hgroup", "hr", "html", "legend", "li", "main", "ol", "p", "pre",
    "section", "summary", "table", "tbody", "tfoot", "thead", "tr", "ul",
];

/// Elements separated from their neighbours by a space.
const SPACED: &[&str] = &["td", "th", "img", "input", "option", "label"];

/// The text of an HTML document, one paragraph per line.
///
/// ```
/// use news_atlas::html_text::html_to_text;
/// let html = "<h1>Title</h1><script>alert(1)</script><p>One &amp; <b>two</b>.<p>Three";
/// assert_eq!(html_to_text(html), "Title\nOne & two.\nThree");
/// ```
pub fn html_to_text(html: &str) -> String {
    let mut out = Output::default();
    let bytes = html.as_bytes();
    // Inside a dropped element: its name and nesting depth.
    let mut dropping: Option<(String, usize)> = None;
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'&' {
            let (decoded, len) = entity(&html[i..]);
            if dropping.is_none() {
                match decoded {
                    Some(c) => out.push(c),
                    None => html[i..i + len].chars().for_each(|c| out.push(c)),
                }
            }
            i += len;
            continue;
        }
        if bytes[i] != b'<' {
            // Every byte that starts markup is ASCII, so the text run up to
            // the next one ends on a char boundary.
            let end = bytes[i..]
                .iter()
                .position(|&b| b == b'<' || b == b'&')
                .map_or(bytes.len(), |p| i + p);
            if dropping.is_none() {
                html[i..end].chars().for_each(|c| out.push(c));
            }
            i = end;
            continue;
        }
        let rest = &html[i..];
        let after = rest.as_bytes().get(1).copied();
        if let Some(comment) = rest.strip_prefix("<!--") {
            i += comment.find("-->").map_or(rest.len(), |p| 4 + p + 3);
        } else if starts_with_ignore_case(rest, "<![cdata[") {
            i += rest.find("]]>").map_or(rest.len(), |p| p + 3);
        } else if matches!(after, Some(b'!' | b'?')) {
            i += rest.find('>').map_or(rest.len(), |p| p + 1);
        } else if after == Some(b'/') && rest.as_bytes().get(2).is_some_and(u8::is_ascii_alphabetic)
        {
            let tag = read_tag(&rest[2..]);
            i += 2 + tag.len;
            match &mut dropping {
                Some((name, depth)) if *name == tag.name => {
                    *depth -= 1;
                    if *depth == 0 {
                        out.around_dropped(name);
                        dropping = None;
                    }
                }
                Some(_) => {}
                None => out.tag(&tag.name),
            }
        } else if after.is_some_and(|b| b.is_ascii_alphabetic()) {
            let tag = read_tag(&rest[1..]);
            i += 1 + tag.len;
            let name = tag.name.as_str();
            // Browsers ignore `/>` on a script, so its content is skipped all the same.
            if RAW_TEXT.contains(&name) {
                i += raw_text_len(&html[i..], name);
                continue;
            }
            match &mut dropping {
                Some((open, _)) if *open == "head" && name == "body" => {
                    dropping = None;
                    out.paragraph();
                }
                Some((open, depth)) => {
                    if *open == name && !tag.self_closing {
                        *depth += 1;
                    }
                }
                None if DROPPED.contains(&name) => {
                    out.around_dropped(name);
                    if !tag.self_closing {
                        dropping = Some((tag.name, 1));
                    }
                }
                None => out.tag(name),
            }
        } else {
            // A `<` that opens no tag ("a < b", "<3", a final "<") is text.
            if dropping.is_none() {
                out.push('<');
            }
            i += 1;
        }
    }
    out.finish()
}

/// True when `s` reads as HTML rather than plain text: it opens with a
/// doctype or a tag, or contains at least two common tags.
///
/// ```
/// use news_atlas::html_text::looks_like_html;
/// assert!(looks_like_html("<!DOCTYPE html><title>x</title>"));
/// assert!(!looks_like_html("Prices rose 3% as 2 < 3 and x > y."));
/// ```
pub fn looks_like_html(s: &str) -> bool {
    let start = s.trim_start_matches(|c: char| c.is_whitespace() || c == '\u{feff}');
    if starts_with_ignore_case(start, "<!doctype html") || starts_with_ignore_case(start, "<html") {
        return true;
    }
    const COMMON: &[&str] = &[
        "p", "div", "br", "span", "a", "b", "i", "em", "strong", "h1", "h2", "h3", "li", "ul",
        "body", "head", "meta", "script", "style", "article", "section", "table", "img",
    ];
    let opens_with_tag =
        start.len() > 1 && start.as_bytes()[0] == b'<' && start.as_bytes()[1].is_ascii_alphabetic();
    let mut tags = 0;
    let mut rest = s;
    // Bounded: a long text is judged by its first 64 KB.
    let mut budget = 64 * 1024;
    while let Some(p) = rest.find('<') {
        if p >= budget {
            break;
        }
        budget -= p + 1;
        rest = &rest[p + 1..];
        let body = rest.strip_prefix('/').unwrap_or(rest);
        let name_len = body.bytes().take_while(u8::is_ascii_alphanumeric).count();
        let name = body[..name_len].to_ascii_lowercase();
        let next = body.as_bytes().get(name_len).copied();
        let ends_name = matches!(next, Some(b'>' | b'/' | b' ' | b'\t' | b'\n' | b'\r'));
        if ends_name && COMMON.contains(&name.as_str()) {
            tags += 1;
            if tags >= 2 || opens_with_tag {
                return true;
            }
        }
    }
    false
}

/// Paragraphs built as text arrives.
#[derive(Default)]
struct Output {
    text: String,
    /// The paragraph being built, without leading or trailing white space.
    paragraph: String,
    /// White space was seen after the last character of `paragraph`.
    space: bool,
}

impl Output {
    fn push(&mut self, c: char) {
        if c.is_whitespace() {
            self.space = true;
        } else if c == '\u{ad}' || (c.is_control() && c != '\u{0}') {
            // A soft hyphen is invisible; control characters are not text.
        } else {
            if self.space && !self.paragraph.is_empty() {
                self.paragraph.push(' ');
            }
            self.space = false;
            self.paragraph
                .push(if c == '\u{0}' { '\u{fffd}' } else { c });
        }
    }

    fn space(&mut self) {
        self.space = true;
    }

    /// Where a dropped element starts or ends: a head or a menu stands apart;
    /// an icon or a player takes room in its line.
    fn around_dropped(&mut self, name: &str) {
        if matches!(name, "head" | "nav" | "template") {
            self.paragraph();
        } else {
            self.space();
        }
    }

    fn paragraph(&mut self) {
        if !self.paragraph.is_empty() {
            if !self.text.is_empty() {
                self.text.push('\n');
            }
            self.text.push_str(&self.paragraph);
            self.paragraph.clear();
        }
        self.space = false;
    }

    /// An element's start or end tag outside dropped content.
    fn tag(&mut self, name: &str) {
        if BLOCKS.contains(&name) {
            self.paragraph();
        } else if SPACED.contains(&name) {
            self.space();
        }
    }

    fn finish(mut self) -> String {
        self.paragraph();
        self.text
    }
}

/// A tag read after its `<` or `</`.
struct Tag {
    /// Lower-cased element name.
    name: String,
    /// Bytes from the name to just past the closing `>` (or to the end).
    len: usize,
    /// Ends with `/>`.
    self_closing: bool,
}

/// Reads a tag name and its attributes up to the `>` that closes it; a `>`
/// inside a quoted attribute value does not.
fn read_tag(s: &str) -> Tag {
    let bytes = s.as_bytes();
    let name_len = bytes
        .iter()
        .position(|&b| b.is_ascii_whitespace() || b == b'/' || b == b'>')
        .unwrap_or(bytes.len());
    let name = s[..name_len].to_ascii_lowercase();
    let mut i = name_len;
    let mut after_equals = false;
    let mut last = 0u8;
    while i < bytes.len() {
        let b = bytes[i];
        match b {
            b'>' => {
                return Tag {
                    name,
                    len: i + 1,
                    self_closing: last == b'/',
                };
            }
            b'"' | b'\'' if after_equals => {
                i += bytes[i + 1..]
                    .iter()
                    .position(|&q| q == b)
                    .map_or(bytes.len() - i, |p| p + 2);
                after_equals = false;
                last = b;
                continue;
            }
            b'=' => after_equals = true,
            _ if b.is_ascii_whitespace() => {}
            _ => after_equals = false,
        }
        if !b.is_ascii_whitespace() {
            last = b;
        }
        i += 1;
    }
    Tag {
        name,
        len: bytes.len(),
        self_closing: false,
    }
}

/// Length of a raw-text element's content plus its end tag: up to the first
/// `</name` followed by white space, `/` or `>`, whatever it sits in.
fn raw_text_len(s: &str, name: &str) -> usize {
    let bytes = s.as_bytes();
    let mut from = 0;
    while let Some(p) = s[from..].find("</") {
        let at = from + p;
        let tail = &bytes[at + 2..];
        let ends = tail.get(name.len()).copied();
        if tail.len() >= name.len()
            && tail[..name.len()].eq_ignore_ascii_case(name.as_bytes())
            && matches!(
                ends,
                None | Some(b'>' | b'/' | b' ' | b'\t' | b'\n' | b'\r' | b'\x0c')
            )
        {
            let close = s[at..].find('>').map_or(s.len(), |q| at + q + 1);
            return close;
        }
        from = at + 2;
    }
    s.len()
}

/// Decodes the entity at the start of `s` (which starts with `&`): the
/// character, if valid, and the bytes it spans (1 for a lone `&`).
fn entity(s: &str) -> (Option<char>, usize) {
    // Names and numbers are short; a longer run is not an entity.
    let body_len = s.as_bytes()[1..]
        .iter()
        .take(33)
        .take_while(|&&b| b.is_ascii_alphanumeric() || b == b'#')
        .count();
    let body = &s[1..1 + body_len];
    if body.is_empty() || s.as_bytes().get(1 + body_len) != Some(&b';') {
        return (None, 1);
    }
    let len = body.len() + 2;
    let c = if let Some(num) = body.strip_prefix('#') {
        let (digits, radix) = match num.strip_prefix(['x', 'X']) {
            Some(hex) => (hex, 16),
            None => (num, 10),
        };
        u32::from_str_radix(digits, radix)
            .ok()
            .filter(|_| !digits.is_empty() && digits.bytes().all(|b| b.is_ascii_hexdigit()))
            .and_then(char::from_u32)
            .filter(|c| !c.is_control() || c.is_whitespace())
    } else {
        named_entity(body)
    };
    match c {
        Some(c) => (Some(c), len),
        None => (None, 1),
    }
}

fn named_entity(name: &str) -> Option<char> {
    // The Latin-1 entities, in code point order from U+00A0.
    #[rustfmt::skip]
    const LATIN1: [&str; 96] = [
        "nbsp", "iexcl", "cent", "pound", "curren", "yen", "brvbar", "sect", "uml", "copy", "ordf",
        "laquo", "not", "shy", "reg", "macr", "deg", "plusmn", "sup2", "sup3", "acute", "micro",
        "para", "middot", "cedil", "sup1", "ordm", "raquo", "frac14", "frac12", "frac34", "iquest",
        "Agrave", "Aacute", "Acirc", "Atilde", "Auml", "Aring", "AElig", "Ccedil", "Egrave",
        "Eacute", "Ecirc", "Euml", "Igrave", "Iacute", "Icirc", "Iuml", "ETH", "Ntilde", "Ograve",
        "Oacute", "Ocirc", "Otilde", "Ouml", "times", "Oslash", "Ugrave", "Uacute", "Ucirc", "Uuml",
        "Yacute", "THORN", "szlig", "agrave", "aacute", "acirc", "atilde", "auml", "aring", "aelig",
        "ccedil", "egrave", "eacute", "ecirc", "euml", "igrave", "iacute", "icirc", "iuml", "eth",
        "ntilde", "ograve", "oacute", "ocirc", "otilde", "ouml", "divide", "oslash", "ugrave",
        "uacute", "ucirc", "uuml", "yacute", "thorn", "yuml",
    ];
    if let Some(i) = LATIN1.iter().position(|n| *n == name) {
        return char::from_u32(0xa0 + i as u32);
    }
    Some(match name {
        "amp" => '&',
        "lt" => '<',
        "gt" => '>',
        "quot" => '"',
        "apos" => '\'',
        "mdash" => '—',
        "ndash" => '–',
        "hellip" => '…',
        "lsquo" => '‘',
        "rsquo" => '’',
        "ldquo" => '“',
        "rdquo" => '”',
        "sbquo" => '‚',
        "bdquo" => '„',
        "lsaquo" => '‹',
        "rsaquo" => '›',
        "bull" => '•',
        "prime" => '′',
        "Prime" => '″',
        "dagger" => '†',
        "Dagger" => '‡',
        "permil" => '‰',
        "euro" => '€',
        "trade" => '™',
        "minus" => '−',
        "larr" => '←',
        "rarr" => '→',
        "ensp" => '\u{2002}',
        "emsp" => '\u{2003}',
        "thinsp" => '\u{2009}',
        "zwnj" => '\u{200c}',
        "zwj" => '\u{200d}',
        "lrm" => '\u{200e}',
        "rlm" => '\u{200f}',
        "OElig" => 'Œ',
        "oelig" => 'œ',
        "Scaron" => 'Š',
        "scaron" => 'š',
        "Yuml" => 'Ÿ',
        "circ" => 'ˆ',
        "tilde" => '˜',
        _ => return None,
    })
}

fn starts_with_ignore_case(s: &str, prefix: &str) -> bool {
    s.as_bytes()
        .get(..prefix.len())
        .is_some_and(|head| head.eq_ignore_ascii_case(prefix.as_bytes()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn conversions_table() {
        #[rustfmt::skip]
        let cases: &[(&str, &str)] = &[
            // Scripts, styles and active content leave nothing.
            ("<script>alert(1)</script>", ""),
            ("a<script>alert(1)</script>b", "ab"),
            ("<script src=x/>alert(1)</script>ok", "ok"),
            ("<SCRIPT type=text/javascript>alert(1)</SCRIPT >ok", "ok"),
            ("<script>var s = '</scr' + 'ipt>'; alert(1)</script>ok", "ok"),
            ("<script>x='</script>'; alert(1)</script>ok", "'; alert(1)ok"),
            ("<script><script>alert(1)</script>after</script>", "after"),
            ("<script>alert(1)", ""),
            ("<script>alert(1)</scriptx></script>ok", "ok"),
            // As in browsers, a tag name runs to white space, `/` or `>`: this
            // is one end tag "scr<script", and the rest is shown as text.
            ("</scr<script>alert(1)</script>", "alert(1)"),
            ("<style>p { color: red }</style><p>Text", "Text"),
            ("<noscript><img src=x onerror=alert(1)>Enable JS</noscript>Body", "Body"),
            ("<img src=x onerror=alert(1)>", ""),
            ("<img src=\"x\" onerror=\"alert('>')\">after", "after"),
            ("<a href=\"javascript:alert(1)\">link</a>", "link"),
            ("<a href='x>y'>link</a>", "link"),
            ("<svg><script>alert(1)</script><text>svg text</text></svg>ok", "ok"),
            ("<svg onload=alert(1)>", ""),
            // Not self-closing: "/onload" is an attribute, so the rest is inside the svg.
            ("<svg/onload=alert(1)>after", ""),
            ("<svg/>after", "after"),
            ("Share<svg><path/></svg>this", "Share this"),
            ("<svg><svg></svg>inner</svg>out", "out"),
            ("<svg><script>'</svg>'</script>still svg</svg>out", "out"),
            ("<math><mi>x</mi></math>out", "out"),
            ("<template><p>hidden</p></template>shown", "shown"),
            ("<iframe src=x>fallback</iframe>ok", "ok"),
            ("<!-- <p>comment</p> -->text", "text"),
            ("<!-- unclosed comment", ""),
            ("<![CDATA[ x < y ]]>text", "text"),
            ("<!DOCTYPE html><?xml version=\"1.0\"?>text", "text"),
            ("<head><title>Page</title><meta charset=utf-8></head><body>Body", "Body"),
            ("<html><head><title>Page</title><body>Unclosed head", "Unclosed head"),
            // Blocks, inline tags and white space.
            ("<p>One</p><p>Two</p>", "One\nTwo"),
            ("<p>One<p>Two", "One\nTwo"),
            ("Line<br>Next<br/>Last", "Line\nNext\nLast"),
            ("<h1>Title</h1><h6>Small</h6>", "Title\nSmall"),
            ("<ul><li>a</li><li>b</li></ul>", "a\nb"),
            ("<blockquote>q</blockquote><article><section>s</section></article>", "q\ns"),
            ("<table><tr><td>a</td><td>b</td></tr><tr><th>c</th></tr></table>", "a b\nc"),
            ("<p>  lots \n\t of   <b>bold</b>  space  </p>", "lots of bold space"),
            ("<p>in<i>line</i>d</p>", "inlined"),
            ("<div><div><p>deep</p></div></div>", "deep"),
            ("<p></p><p> </p><div></div>x", "x"),
            ("plain text", "plain text"),
            ("", ""),
            // Entities.
            ("&amp; &lt; &gt; &quot; &#39; &apos;", "& < > \" ' '"),
            ("a&nbsp;b &mdash; c &ndash; d&hellip;", "a b — c – d…"),
            ("&lsquo;x&rsquo; &ldquo;y&rdquo;", "‘x’ “y”"),
            ("&#8220;&#x201D;&#X41;&#65;", "“”AA"),
            ("Zelensk&eacute; &Eacute;&szlig;&times;&copy;", "Zelenské Éß×©"),
            ("AT&T &amp &unknown; & &; &#; &#x; &#xZZ; &#1114112; &#0; &#xD800;", "AT&T &amp &unknown; & &; &#; &#x; &#xZZ; &#1114112; &#0; &#xD800;"),
            ("&lt;script&gt;", "<script>"),
            ("co&shy;operate", "cooperate"),
            ("&#10;a&#32;&#32;b", "a b"),
            // Stray angle brackets and broken tags.
            ("2 < 3 and 5 > 4", "2 < 3 and 5 > 4"),
            ("<3 love", "<3 love"),
            ("text <", "text <"),
            ("text </", "text </"),
            ("text <b", "text"),
            ("<p class=\"unclosed>text", ""),
            ("</p>closing only</div>", "closing only"),
            ("<nav><a href=/>Home</a></nav><p>Story", "Story"),
            ("Київ <b>і</b> Львів", "Київ і Львів"),
        ];
        for (html, expected) in cases {
            assert_eq!(html_to_text(html), *expected, "{html:?}");
        }
    }

    #[test]
    fn news_page() {
        let page = r#"<!DOCTYPE html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <title>Russia claims Pokrovsk | Example News</title>
  <link rel="stylesheet" href="/site.css">
  <script async src="https://ads.example/tag.js"></script>
  <script>window.dataLayer = [{"page": "</p>"}];</script>
  <style>.x > p { margin: 0 }</style>
</head>
<body class="article">
  <header class="site-header">
    <a href="/" class="logo"><svg viewBox="0 0 10 10"><path d="M0 0h10"/><title>Logo</title></svg>Example News</a>
    <nav><ul><li><a href="/world">World</a></li><li><a href="/politics">Politics</a></li></ul></nav>
  </header>
  <main>
    <article>
      <h1>Russia claims Pokrovsk as talks go&nbsp;on</h1>
      <p class="byline">By <a href="/staff/jane">Jane Doe</a> &middot; <time datetime="2025-12-01">December 1, 2025</time></p>
      <figure><img src="map.png" alt="A map"><figcaption>The front line.</figcaption></figure>
      <p>Ukrainian President Volodymyr Zelenskyy said Monday that the revised
         U.S. proposal &ldquo;looks better,&rdquo; though negotiations are still underway.</p>
      <!-- ad slot --><div class="ad"><iframe src="https://ads.example/slot"></iframe></div>
      <p>Kremlin spokesperson Dmitry Peskov confirmed the meeting.<br>More to come&hellip;</p>
    </article>
    <aside><h2>Related</h2><ul><li><a href="/a">Other story</a></li></ul></aside>
  </main>
  <footer><p>&copy; 2025 Example News. <a href="/privacy">Privacy</a></p></footer>
  <script>track("</footer>");</script>
</body>
</html>"#;
        let text = html_to_text(page);
        assert_eq!(
            text,
            "Example News\n\
             Russia claims Pokrovsk as talks go on\n\
             By Jane Doe · December 1, 2025\n\
             The front line.\n\
             Ukrainian President Volodymyr Zelenskyy said Monday that the revised U.S. proposal “looks better,” though negotiations are still underway.\n\
             Kremlin spokesperson Dmitry Peskov confirmed the meeting.\n\
             More to come…\n\
             Related\n\
             Other story\n\
             © 2025 Example News. Privacy"
        );
        assert!(looks_like_html(page));
        assert_eq!(
            crate::date_guess::find_date(&text).as_deref(),
            Some("2025-12-01")
        );
    }

    #[test]
    fn looks_like_html_table() {
        for (s, expected) in [
            ("<!doctype html>", true),
            ("  \n<HTML>", true),
            ("<p>One</p><p>Two</p>", true),
            ("Intro <b>bold</b> and <i>italic</i>", true),
            ("<div class=x>only one", true),
            ("Plain article text.\nSecond line.", false),
            ("2 < 3 and a<b", false),
            ("One <p> mention in prose", false),
            ("", false),
        ] {
            assert_eq!(looks_like_html(s), expected, "{s:?}");
        }
    }

    #[test]
    fn pathological_inputs_finish() {
        // Each scan consumes what it reads, so these stay linear.
        for unit in [
            "<",
            "&",
            "<!",
            "<a",
            "</a",
            "<script>",
            "<script></scrip",
            "&#x",
            "<svg>",
            "<a b='",
        ] {
            let html = unit.repeat(200_000 / unit.len());
            let _ = html_to_text(&html);
            let _ = looks_like_html(&html);
        }
    }

    #[test]
    fn latin1_table_is_aligned() {
        for (name, c) in [
            ("nbsp", '\u{a0}'),
            ("shy", '\u{ad}'),
            ("iquest", '¿'),
            ("Agrave", 'À'),
            ("times", '×'),
            ("szlig", 'ß'),
            ("divide", '÷'),
            ("yuml", 'ÿ'),
        ] {
            assert_eq!(named_entity(name), Some(c), "{name}");
        }
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod properties {
    use super::*;
    use proptest::prelude::*;

    /// Tag soup: fragments of markup in any order, with the payload `alert(`
    /// only where it must not survive.
    fn soup() -> impl Strategy<Value = String> {
        let pieces = prop::sample::select(vec![
            "<script>",
            "</script>",
            "<script>alert(1)</script>",
            "<SCRIPT>alert(2)",
            "</scr",
            "<style>",
            "</style>",
            "<svg>",
            "</svg>",
            "<svg/>",
            "<p>",
            "</p>",
            "<br>",
            "<b>",
            "</b>",
            "<img src=x onerror=alert(3)>",
            "<a href=\"javascript:alert(4)\">",
            "</a>",
            "<!--",
            "-->",
            "<![CDATA[",
            "]]>",
            "\"",
            "'",
            "=",
            ">",
            "<",
            "/",
            " ",
            "\n",
            "text",
            "Київ",
            "&amp;",
            "&#60;",
            "&gt;",
            "&",
            ";",
            "<head>",
            "</head>",
            "<body>",
            "<template>",
            "</template>",
            "<div onclick='alert(5)'>",
            "</div>",
            "script",
            "<noscript>",
            "</noscript>",
        ]);
        prop::collection::vec(pieces, 0..40).prop_map(|v| v.concat())
    }

    /// Some tag has swallowed a `<` before its closing `>`, as in
    /// "<p<script>" or "</scr/<script>": browsers read all of it as one odd
    /// tag, and what follows it as text.
    fn glued_tag_name(s: &str) -> bool {
        s.match_indices('<').any(|(i, _)| {
            let rest = &s[i + 1..];
            let name = rest.strip_prefix('/').unwrap_or(rest);
            name.starts_with(|c: char| c.is_ascii_alphabetic())
                && name.split('>').next().is_some_and(|tag| tag.contains('<'))
        })
    }

    fn well_formed(out: &str) -> bool {
        out.lines()
            .all(|l| !l.is_empty() && l.trim() == l && !l.contains("  "))
            && !out.ends_with('\n')
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(500))]

        #[test]
        fn arbitrary_input_never_panics(s in any::<String>()) {
            let out = html_to_text(&s);
            prop_assert!(well_formed(&out), "{:?}", out);
            let _ = looks_like_html(&s);
        }

        #[test]
        fn tag_soup_leaves_no_script(s in soup()) {
            let out = html_to_text(&s);
            prop_assert!(well_formed(&out), "{:?}", out);
            // "<script" reaches the text only where the page shows it as
            // text: an escaped `&#60;`, or a `<` that opens no tag followed
            // (after markup that vanishes) by "script", as a browser shows it.
            let text_lt = s.contains("&#60;")
                || s.as_bytes().windows(2).any(|w| {
                    w[0] == b'<' && !(w[1].is_ascii_alphabetic() || matches!(w[1], b'/' | b'!' | b'?'))
                });
            if !text_lt {
                prop_assert!(!out.to_ascii_lowercase().contains("<script"), "{:?} -> {:?}", s, out);
            }
            // Script bodies and attributes never reach the text. (A tag name
            // runs to white space, `/` or `>`, as in browsers: "</scr<script>"
            // is one odd end tag, and what follows it is text, not a script.)
            let glued = glued_tag_name(&s);
            for payload in ["alert(", "onerror", "javascript:", "onclick"] {
                prop_assert!(glued || !out.contains(payload), "{:?} -> {:?}", s, out);
            }
        }
    }
}
