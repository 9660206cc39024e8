//! `str`: immutable Unicode text, stored as UTF-8 with its length in code
//! points cached. When the two lengths agree the text is ASCII and indexing
//! by code point is indexing by byte.

use std::cell::Cell;

/// Texts up to this many bytes live inside the object: no second
/// allocation, and dict key comparisons read the text from the object's
/// own cache line (most keys, split parts and formatted numbers are short).
const INLINE: usize = 38;

enum Text {
    Inline {
        len: u8,
        buf: [u8; INLINE],
    },
    /// A `String` rather than a `Box<str>` (same size inside the enum) so
    /// that `push_unique` can grow it; texts made whole are kept exact
    /// (`into_heap`).
    Heap(String),
}

pub struct StrObj {
    s: Text,
    nchars: usize,
    /// Cached hash; -1 until computed (Python hashes are never -1).
    hash: Cell<i64>,
    /// Whether the surrogate proxies in the text stand for surrogates (see below).
    surrogates: bool,
}

impl StrObj {
    /// Offset of the character count in a `StrObj` (compiled code compares
    /// it: strs of different lengths are different).
    pub fn nchars_offset() -> usize {
        std::mem::offset_of!(StrObj, nchars)
    }

    /// Offset of the cached hash (-1 until computed) in a `StrObj`.
    pub fn hash_offset() -> usize {
        std::mem::offset_of!(StrObj, hash)
    }

    pub fn new(s: String) -> StrObj {
        let surrogates = surrogates_seen() && has_proxies(&s);
        StrObj::with_surrogates(s, surrogates)
    }

    /// `StrObj::new(s.to_string())` without the intermediate `String` for short texts.
    pub fn from_text(s: &str) -> StrObj {
        if s.len() > INLINE {
            return StrObj::new(s.to_string());
        }
        let surrogates = surrogates_seen() && has_proxies(s);
        StrObj::build(StrObj::inline(s), s, surrogates)
    }

    /// A str known to be ASCII (so without surrogates), e.g. a piece of an ASCII str.
    pub fn from_ascii(s: &str) -> StrObj {
        debug_assert!(s.is_ascii());
        let text = if s.len() <= INLINE { StrObj::inline(s) } else { Text::Heap(s.to_string()) };
        StrObj { s: text, nchars: s.len(), hash: Cell::new(-1), surrogates: false }
    }

    /// `from_ascii` for an owned text (kept as it is when it does not fit inline).
    pub fn from_ascii_string(s: String) -> StrObj {
        debug_assert!(s.is_ascii());
        let nchars = s.len();
        let text = if s.len() <= INLINE { StrObj::inline(&s) } else { into_heap(s) };
        StrObj { s: text, nchars, hash: Cell::new(-1), surrogates: false }
    }

    /// `s += t` (and `s = s + t`) where `s` is the only reference to its
    /// str: appends `t` to the text in place and returns true; false (and
    /// nothing done) when `s` is shared, or once the program has made
    /// surrogates (the flag of the result would need a scan of the text).
    /// Hand-written as CPython's `unicode_concatenate` does it: without
    /// it a loop building a str by `+=` copies the whole text at every
    /// step (quadratic). The text grows by doubling (`String::push_str`).
    pub fn push_unique(s: &mut super::PyRef<StrObj>, t: &StrObj) -> bool {
        if surrogates_seen() {
            return false;
        }
        let Some(m) = super::PyRef::get_mut(s) else { return false };
        let add = t.as_str();
        let new_len = m.as_str().len() + add.len();
        match &mut m.s {
            Text::Inline { len, buf } if new_len <= INLINE => {
                buf[*len as usize..new_len].copy_from_slice(add.as_bytes());
                *len = new_len as u8;
            }
            Text::Inline { len, buf } => {
                let mut h = String::with_capacity(new_len.max(2 * INLINE));
                // SAFETY: `buf[..len]` is UTF-8 (see `as_str`).
                h.push_str(unsafe { std::str::from_utf8_unchecked(&buf[..*len as usize]) });
                h.push_str(add);
                m.s = Text::Heap(h);
            }
            Text::Heap(h) => h.push_str(add),
        }
        m.nchars += t.nchars;
        m.hash.set(-1);
        true
    }

    #[inline]
    fn inline(s: &str) -> Text {
        let mut buf = [0u8; INLINE];
        buf[..s.len()].copy_from_slice(s.as_bytes());
        Text::Inline { len: s.len() as u8, buf }
    }

    fn build(text: Text, s: &str, surrogates: bool) -> StrObj {
        let nchars = if s.is_ascii() { s.len() } else { s.chars().count() };
        StrObj { s: text, nchars, hash: Cell::new(-1), surrogates }
    }

    /// A str whose surrogate proxies are (`true`) or are not (`false`)
    /// surrogates, whatever the program has done before.
    pub fn with_surrogates(s: String, surrogates: bool) -> StrObj {
        if s.len() <= INLINE {
            return StrObj::build(StrObj::inline(&s), &s, surrogates);
        }
        let nchars = if s.is_ascii() { s.len() } else { s.chars().count() };
        StrObj { s: into_heap(s), nchars, hash: Cell::new(-1), surrogates }
    }

    /// `with_surrogates` for borrowed text: `surrogates` says whether the
    /// proxies in it, if any, stand for surrogates.
    pub fn with_proxies(s: &str, surrogates: bool) -> StrObj {
        let surrogates = surrogates && has_proxies(s);
        if s.len() > INLINE {
            return StrObj::with_surrogates(s.to_string(), surrogates);
        }
        StrObj::build(StrObj::inline(s), s, surrogates)
    }

    /// Whether the text holds surrogates (stored as proxies).
    #[inline]
    pub fn has_surrogates(&self) -> bool {
        self.surrogates
    }

    /// The Python code point of a character of this str.
    #[inline]
    pub fn code_point(&self, c: char) -> u32 {
        code_point(c, self.surrogates)
    }

    #[inline]
    pub fn as_str(&self) -> &str {
        match &self.s {
            Text::Inline { len, buf } => {
                // SAFETY: `buf[..len]` was copied from a `&str` (`inline`), so it is UTF-8.
                unsafe { std::str::from_utf8_unchecked(buf.get_unchecked(..*len as usize)) }
            }
            Text::Heap(b) => b,
        }
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
        self.nchars == self.as_str().len()
    }

    /// The code point at index `i` (0 <= i < len).
    pub fn char_at(&self, i: usize) -> char {
        if self.is_ascii() {
            self.as_str().as_bytes()[i] as char
        } else {
            self.as_str().chars().nth(i).unwrap_or('\0')
        }
    }

    /// Byte offset of code point `i` (i may equal len).
    pub fn byte_offset(&self, i: usize) -> usize {
        if self.is_ascii() {
            i
        } else {
            self.as_str().char_indices().nth(i).map(|(b, _)| b).unwrap_or(self.as_str().len())
        }
    }

    /// Substring of code points `[start, end)`.
    pub fn substring(&self, start: usize, end: usize) -> &str {
        if start >= end {
            return "";
        }
        if self.is_ascii() {
            &self.as_str()[start..end]
        } else {
            let a = self.byte_offset(start);
            let t = self.as_str();
            let b = a + t[a..].char_indices().nth(end - start).map(|(b, _)| b).unwrap_or(t.len() - a);
            &t[a..b]
        }
    }

    pub fn hash(&self) -> i64 {
        let h = self.hash.get();
        if h != -1 {
            return h;
        }
        let h = hash_str(self.as_str());
        self.hash.set(h);
        h
    }
}

thread_local! {
    /// Interned identifiers (never freed, like CPython's interned strings).
    static INTERNED: std::cell::RefCell<std::collections::HashMap<Box<str>, std::mem::ManuallyDrop<super::PyRef<StrObj>>>> =
        std::cell::RefCell::new(std::collections::HashMap::new());
}

thread_local! {
    /// The one-character ASCII strings, shared as CPython shares its
    /// one-character strings: `s[i]`, `for ch in s`, `"a;b".split(";")`
    /// allocate nothing for them (never freed).
    static ASCII_CHARS: [std::mem::ManuallyDrop<super::PyRef<StrObj>>; 128] =
        std::array::from_fn(|b| std::mem::ManuallyDrop::new(super::PyRef::new(StrObj::from_ascii(std::str::from_utf8(&[b as u8]).unwrap()))));
}

/// The shared `str` for the ASCII character `b` (< 128).
#[inline]
pub fn ascii_char(b: u8) -> super::PyRef<StrObj> {
    ASCII_CHARS.with(|t| (*t[b as usize & 127]).clone())
}

/// The one shared `str` object for an identifier-like string (names in
/// code objects, attribute and global names stored by name), so that
/// inline caches can compare keys by address. Other strings get a fresh
/// object.
pub fn intern(s: &str) -> super::PyRef<StrObj> {
    let identifier = s.len() <= 64 && s.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_');
    if !identifier {
        return super::PyRef::new(StrObj::new(s.to_string()));
    }
    INTERNED.with(|t| {
        let mut t = t.borrow_mut();
        if let Some(r) = t.get(s) {
            return (**r).clone();
        }
        let r = super::PyRef::new(StrObj::new(s.to_string()));
        t.insert(s.into(), std::mem::ManuallyDrop::new(r.clone()));
        r
    })
}

/// Whether `s` is the shared object `intern` gives for its text.
pub fn is_interned(s: &StrObj) -> bool {
    INTERNED.with(|t| match t.try_borrow() {
        Ok(t) => t.get(s.as_str()).is_some_and(|r| std::ptr::eq::<StrObj>(&***r, s)),
        Err(_) => false,
    })
}

/// FNV-1a over the UTF-8 bytes, folded so it is never -1. CPython randomises
/// str hashes per process, so no program can depend on their values.
pub fn hash_str(s: &str) -> i64 {
    hash_bytes(s.as_bytes())
}

/// The hash of a bytes object: equal to the hash of the same ASCII text, as in CPython.
pub fn hash_bytes(data: &[u8]) -> i64 {
    let mut h: u64 = 0xcbf29ce484222325;
    for b in data {
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

// ----- code points and character properties -----
//
// A Rust `str` cannot hold a lone surrogate (U+D800..U+DFFF), which Python
// strings can. Spry stores surrogate U+D800+k as the private-use code point
// `SURROGATE_PROXY + k` (U+10F000..U+10F7FF, in Supplementary Private Use
// Area-B), and each str records whether its proxies are surrogates: `chr`
// and the codecs set that exactly; other strs (concatenations, slices,
// literals) get it from whether the program has made any surrogate so far.
// `ord`, `repr`, the codecs and `print` translate, so Python code sees
// surrogates; only a program that uses both surrogates and that
// private-use block can tell.

use std::sync::atomic::{AtomicBool, Ordering};

/// First of the 2048 private-use code points that stand for surrogates.
pub const SURROGATE_PROXY: u32 = 0x10F000;

/// Set once the program has made a surrogate.
static SURROGATES_SEEN: AtomicBool = AtomicBool::new(false);

/// A long text as `Text::Heap`, without spare capacity.
fn into_heap(mut s: String) -> Text {
    s.shrink_to_fit();
    Text::Heap(s)
}

#[inline]
pub(crate) fn surrogates_seen() -> bool {
    SURROGATES_SEEN.load(Ordering::Relaxed)
}

#[inline]
fn is_proxy(c: char) -> bool {
    (SURROGATE_PROXY..SURROGATE_PROXY + 0x800).contains(&(c as u32))
}

/// Whether `s` holds surrogate proxies (they all encode as F4 8F 80..9F xx
/// in UTF-8, so a byte test comes first).
fn has_proxies(s: &str) -> bool {
    s.as_bytes().contains(&0xF4) && s.chars().any(is_proxy)
}

/// The Python code point of a stored character of a str that holds
/// surrogates (`surrogates`) or not.
#[inline]
pub fn code_point(c: char, surrogates: bool) -> u32 {
    let u = c as u32;
    if surrogates && is_proxy(c) {
        0xD800 + (u - SURROGATE_PROXY)
    } else {
        u
    }
}

/// Whether `cp` is a surrogate code point.
#[inline]
pub fn is_surrogate(cp: u32) -> bool {
    (0xD800..0xE000).contains(&cp)
}

/// The stored character for a Python code point (`None` above U+10FFFF).
/// Making a surrogate marks the program as one that uses surrogates.
#[inline]
pub fn char_of(cp: u32) -> Option<char> {
    if is_surrogate(cp) {
        SURROGATES_SEEN.store(true, Ordering::Relaxed);
        char::from_u32(SURROGATE_PROXY + (cp - 0xD800))
    } else {
        char::from_u32(cp)
    }
}

/// A str value for text built with `char_of`: `surrogates` tells whether
/// any surrogate went into it.
pub fn str_value(s: String, surrogates: bool) -> super::Value {
    let surrogates = surrogates && has_proxies(&s);
    super::Value::Str(super::PyRef::new(StrObj::with_surrogates(s, surrogates)))
}

/// Whether text that is not a str object holds surrogates (by the
/// program-wide rule that plain strs follow).
#[inline]
pub fn text_has_surrogates(s: &str) -> bool {
    surrogates_seen() && has_proxies(s)
}

use super::unicode_db as udb;

#[inline]
fn flags(c: char) -> u32 {
    // Surrogates and private-use characters share the same (empty) properties,
    // so a proxy needs no translation here.
    udb::record(c as u32)
}

pub fn is_alpha(c: char) -> bool {
    flags(c) & udb::ALPHA != 0
}
pub fn is_decimal(c: char) -> bool {
    flags(c) & udb::DECIMAL != 0
}
pub fn is_digit(c: char) -> bool {
    flags(c) & udb::DIGIT != 0
}
pub fn is_numeric(c: char) -> bool {
    flags(c) & udb::NUMERIC != 0
}
pub fn is_alnum(c: char) -> bool {
    flags(c) & (udb::ALPHA | udb::DECIMAL | udb::DIGIT | udb::NUMERIC) != 0
}
/// Python's `str.isspace` for one character.
#[inline]
pub fn is_space(c: char) -> bool {
    let u = c as u32;
    if u < 0x80 {
        return matches!(u, 0x09..=0x0d | 0x1c..=0x20);
    }
    flags(c) & udb::SPACE != 0
}
pub fn is_printable(c: char) -> bool {
    let u = c as u32;
    if u < 0x80 {
        return (0x20..0x7f).contains(&u);
    }
    flags(c) & udb::PRINTABLE != 0
}
pub fn is_lower(c: char) -> bool {
    flags(c) & udb::LOWER != 0
}
pub fn is_upper(c: char) -> bool {
    flags(c) & udb::UPPER != 0
}
pub fn is_titlecase(c: char) -> bool {
    flags(c) & udb::TITLE != 0
}
pub fn is_cased(c: char) -> bool {
    flags(c) & udb::CASED != 0
}
pub fn is_case_ignorable(c: char) -> bool {
    flags(c) & udb::CASE_IGNORABLE != 0
}
pub fn is_xid_start(c: char) -> bool {
    flags(c) & udb::XID_START != 0
}
pub fn is_xid_continue(c: char) -> bool {
    flags(c) & udb::XID_CONTINUE != 0
}
/// The decimal value of a Unicode decimal digit (`int('٣')` is 3).
pub fn decimal_value(c: char) -> Option<u32> {
    let r = flags(c);
    if r & udb::DECIMAL != 0 {
        Some((r >> 16) & 0xf)
    } else {
        None
    }
}
/// The digit value of a Unicode digit (decimal digits and the likes of '²').
pub fn digit_value(c: char) -> Option<u32> {
    let r = flags(c);
    if r & udb::DIGIT != 0 {
        Some((r >> 16) & 0xf)
    } else {
        None
    }
}

/// Appends the full uppercase mapping of `c`.
#[inline]
pub fn push_upper(out: &mut String, c: char) {
    if c.is_ascii() {
        out.push(c.to_ascii_uppercase());
    } else {
        match exception(&udb::UPPER_MAP, c) {
            Some(t) => out.push_str(t),
            None => out.push(c),
        }
    }
}

/// Appends the full lowercase mapping of `c` (without the final-sigma rule).
#[inline]
pub fn push_lower(out: &mut String, c: char) {
    if c.is_ascii() {
        out.push(c.to_ascii_lowercase());
    } else {
        match exception(&udb::LOWER_MAP, c) {
            Some(t) => out.push_str(t),
            None => out.push(c),
        }
    }
}

fn exception(table: &'static [(u32, &'static str)], c: char) -> Option<&'static str> {
    let u = c as u32;
    table.binary_search_by_key(&u, |e| e.0).ok().map(|i| table[i].1)
}

/// Appends the full titlecase mapping of `c`.
pub fn push_title(out: &mut String, c: char) {
    if c.is_ascii() {
        out.push(c.to_ascii_uppercase());
        return;
    }
    match exception(&udb::TITLE_EXCEPTIONS, c) {
        Some(t) => out.push_str(t),
        None => push_upper(out, c),
    }
}

/// Appends the full case folding of `c`.
pub fn push_casefold(out: &mut String, c: char) {
    if c.is_ascii() {
        out.push(c.to_ascii_lowercase());
        return;
    }
    match exception(&udb::FOLD_EXCEPTIONS, c) {
        Some(t) => out.push_str(t),
        None => push_lower(out, c),
    }
}

/// Python's `str.lower()`: full lowercase mapping with the final-sigma rule.
pub fn lower(s: &str) -> String {
    if s.is_ascii() {
        return s.to_ascii_lowercase();
    }
    let chars: Vec<char> = s.chars().collect();
    let mut out = String::with_capacity(s.len());
    for (i, &c) in chars.iter().enumerate() {
        if c == '\u{3a3}' {
            out.push(final_sigma(&chars, i));
        } else {
            push_lower(&mut out, c);
        }
    }
    out
}

/// Python's `str.upper()`.
pub fn upper(s: &str) -> String {
    if s.is_ascii() {
        return s.to_ascii_uppercase();
    }
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        push_upper(&mut out, c);
    }
    out
}

/// The lowercase of the capital sigma at `i`: final (ς) when a cased
/// letter precedes it and none follows, skipping case-ignorable characters.
pub fn final_sigma(chars: &[char], i: usize) -> char {
    let mut j = i;
    let mut before = false;
    while j > 0 {
        j -= 1;
        let c = chars[j];
        if is_case_ignorable(c) {
            continue;
        }
        before = is_cased(c);
        break;
    }
    if !before {
        return '\u{3c3}';
    }
    let mut after = false;
    for &c in &chars[i + 1..] {
        if is_case_ignorable(c) {
            continue;
        }
        after = is_cased(c);
        break;
    }
    if after {
        '\u{3c3}'
    } else {
        '\u{3c2}'
    }
}
