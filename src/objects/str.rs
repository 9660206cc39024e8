//! `str`: immutable Unicode text, stored as UTF-8 with its length in code
//! points cached. When the two lengths agree the text is ASCII and indexing
//! by code point is indexing by byte.

use std::cell::Cell;

pub struct StrObj {
    s: Box<str>,
    nchars: usize,
    /// Cached hash; -1 until computed (Python hashes are never -1).
    hash: Cell<i64>,
}

impl StrObj {
    pub fn new(s: String) -> StrObj {
        let nchars = if s.is_ascii() { s.len() } else { s.chars().count() };
        StrObj { s: s.into_boxed_str(), nchars, hash: Cell::new(-1) }
    }

    #[inline]
    pub fn as_str(&self) -> &str {
        &self.s
    }

    /// Length in code points.
    #[inline]
    pub fn len(&self) -> usize {
        self.nchars
    }

    #[inline]
    pub fn is_empty(&self) -> bool {
        self.nchars == 0
    }

    #[inline]
    pub fn is_ascii(&self) -> bool {
        self.nchars == self.s.len()
    }

    /// The code point at index `i` (0 <= i < len).
    pub fn char_at(&self, i: usize) -> char {
        if self.is_ascii() {
            self.s.as_bytes()[i] as char
        } else {
            self.s.chars().nth(i).unwrap_or('\0')
        }
    }

    /// Byte offset of code point `i` (i may equal len).
    pub fn byte_offset(&self, i: usize) -> usize {
        if self.is_ascii() {
            i
        } else {
            self.s.char_indices().nth(i).map(|(b, _)| b).unwrap_or(self.s.len())
        }
    }

    /// Substring of code points `[start, end)`.
    pub fn substring(&self, start: usize, end: usize) -> &str {
        if start >= end {
            return "";
        }
        if self.is_ascii() {
            &self.s[start..end]
        } else {
            let a = self.byte_offset(start);
            let b = a + self.s[a..].char_indices().nth(end - start).map(|(b, _)| b).unwrap_or(self.s.len() - a);
            &self.s[a..b]
        }
    }

    pub fn hash(&self) -> i64 {
        let h = self.hash.get();
        if h != -1 {
            return h;
        }
        let h = hash_str(&self.s);
        self.hash.set(h);
        h
    }
}

/// FNV-1a over the UTF-8 bytes, folded so it is never -1. CPython randomises
/// str hashes per process, so no program can depend on their values.
pub fn hash_str(s: &str) -> i64 {
    let mut h: u64 = 0xcbf29ce484222325;
    for b in s.as_bytes() {
        h ^= *b as u64;
        h = h.wrapping_mul(0x100000001b3);
    }
    let h = h as i64;
    if h == -1 {
        -2
    } else {
        h
    }
}
