//! Byte scans eight bytes at a time, for the searches that run over every
//! byte of a text (sentence terminators, capitalised words, quotation
//! marks, the end of a word) and the one pass that lower-cases it.
//!
//! A caller gives two tests of the same byte class: one over a `u64` word
//! (eight bytes at once, "SIMD within a register") and one over a single
//! byte, for the last bytes that do not fill a word. The word test returns
//! the high bit of each byte that is in the class; it may also flag bytes
//! above (later than) a byte in the class, as the classic tests do, since
//! only the lowest flag is read.

/// `b` in each of the eight bytes of a word.
pub(crate) const fn splat(b: u8) -> u64 {
    u64::from_le_bytes([b; 8])
}

/// The high bit of each byte.
pub(crate) const HIGHS: u64 = splat(0x80);

/// The offset of the first byte of `bytes` in a byte class, given as
/// `in_word` (the high bit of each byte in the class, read as a
/// little-endian `u64`) and `in_class` (one byte).
pub(crate) fn find_first(
    bytes: &[u8],
    in_word: impl Fn(u64) -> u64,
    in_class: impl Fn(u8) -> bool,
) -> Option<usize> {
    let mut chunks = bytes.chunks_exact(8);
    for (i, chunk) in chunks.by_ref().enumerate() {
        let word = u64::from_le_bytes(chunk.try_into().unwrap_or_default());
        let found = in_word(word);
        if found != 0 {
            // The lowest flag is exact (only bytes above a match can be
            // flagged falsely), and the lowest byte comes first.
            return Some(i * 8 + (found.trailing_zeros() / 8) as usize);
        }
    }
    let tail = chunks.remainder();
    let done = bytes.len() - tail.len();
    tail.iter().position(|&b| in_class(b)).map(|i| done + i)
}

/// The high bit of each byte of `word` that equals `b` (and possibly of
/// bytes above such a byte): the classic "has zero byte" test on `word ^ b`.
pub(crate) fn has_byte(word: u64, b: u8) -> u64 {
    let x = word ^ splat(b);
    x.wrapping_sub(splat(0x01)) & !x & HIGHS
}

/// The high bit of each byte of `word` that is ASCII and in `lo..hi`
/// (`lo <= hi <= 0x80`). Exact, with no false flags: the low seven bits of
/// a byte plus at most 0x80 never carry into the next byte.
pub(crate) fn ascii_in(word: u64, lo: u8, hi: u8) -> u64 {
    let low = word & splat(0x7F);
    let from_lo = low + splat(0x80 - lo);
    let from_hi = low + splat(0x80 - hi);
    from_lo & !from_hi & !word & HIGHS
}

/// The high bit of each ASCII capital letter in `word`.
pub(crate) fn ascii_capitals(word: u64) -> u64 {
    ascii_in(word, b'A', b'Z' + 1)
}

/// Asserts that `find`, a search built on [`find_first`], finds what a scan
/// one byte at a time with `in_class` finds: from every offset of `text`,
/// and with every byte value at every place of a word of eight.
#[cfg(test)]
pub(crate) fn assert_finds_like_a_byte_scan(
    find: impl Fn(&[u8]) -> Option<usize>,
    in_class: impl Fn(u8) -> bool,
    text: &[u8],
) {
    for from in 0..text.len() {
        let rest = &text[from..];
        let want = rest.iter().position(|&b| in_class(b));
        assert_eq!(find(rest), want, "from {from}");
    }
    let outside = (0..=u8::MAX)
        .find(|&b| !in_class(b))
        .expect("a byte outside the class");
    let inside = (0..=u8::MAX)
        .find(|&b| in_class(b))
        .expect("a byte in the class");
    for at in 0..8 {
        for b in 0..=u8::MAX {
            let mut bytes = [outside; 9];
            bytes[at] = b;
            bytes[8] = inside;
            let want = if in_class(b) { at } else { 8 };
            assert_eq!(find(&bytes), Some(want), "{b:#x} at {at}");
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn find_byte(bytes: &[u8], b: u8) -> Option<usize> {
        find_first(bytes, |w| has_byte(w, b), |x| x == b)
    }

    #[test]
    fn finds_the_first_in_a_word_and_in_the_tail() {
        let text = b"abcdefgh.jklmnop.qr.";
        for start in 0..text.len() {
            let want = text[start..].iter().position(|&b| b == b'.');
            assert_eq!(find_byte(&text[start..], b'.'), want, "{start}");
        }
        assert_eq!(find_byte(b"", b'.'), None);
        assert_eq!(find_byte(b"abcdefghij", b'.'), None);
    }

    #[test]
    fn a_false_flag_above_a_match_does_not_mislead() {
        // 0x01 above the byte sought is flagged falsely by the borrow.
        let mut bytes = [b'a'; 8];
        bytes[3] = b'.';
        bytes[4] = b'.' ^ 0x01;
        assert_eq!(find_byte(&bytes, b'.'), Some(3));
    }

    #[test]
    fn has_byte_flags_every_position_and_value() {
        for at in 0..8 {
            for b in 0..=255u8 {
                let mut bytes = [b.wrapping_add(1); 8];
                bytes[at] = b;
                let flags = has_byte(u64::from_le_bytes(bytes), b);
                assert_eq!(flags.trailing_zeros() / 8, at as u32, "{b} at {at}");
            }
        }
    }

    #[test]
    fn ascii_in_flags_exactly_the_bytes_in_range() {
        for (lo, hi) in [(b'A', b'Z' + 1), (b'0', b'9' + 1), (0, 0x80), (b'a', b'a')] {
            for at in 0..8 {
                for b in 0..=255u8 {
                    let mut bytes = [b'-'; 8];
                    bytes[at] = b;
                    let flags = ascii_in(u64::from_le_bytes(bytes), lo, hi);
                    let want = |x: u8| (lo..hi).contains(&x);
                    for (k, &x) in bytes.iter().enumerate() {
                        let flagged = flags & (0x80 << (8 * k)) != 0;
                        assert_eq!(flagged, want(x), "{x:#x} at {k} in {lo:#x}..{hi:#x}");
                    }
                }
            }
        }
    }
}
