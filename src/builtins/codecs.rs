//! Text codecs: `str.encode`, `bytes.decode` and friends, with CPython's
//! encodings (utf-8/16/32, ascii, latin-1, and the single-byte `charmap`
//! code pages of `charmaps.rs`), error handlers and `UnicodeEncodeError` /
//! `UnicodeDecodeError` details.

use super::charmaps::{self, CharmapTable};
use crate::objects::str as ustr;
use crate::objects::*;
use crate::vm::{Args, ExcKind, PyErr, PyResult, Vm};

/// Registers the attributes and `__str__` of the Unicode error classes.
pub fn init(vm: &mut Vm) {
    for kind in [ExcKind::UnicodeEncodeError, ExcKind::UnicodeDecodeError] {
        let c = vm.types.exc[kind as usize].clone();
        vm.add_method(&c, "__str__", unicode_error_str);
        let getters: [(&'static str, BuiltinFn); 5] =
            [("encoding", get_encoding), ("object", get_object), ("start", get_start), ("end", get_end), ("reason", get_reason)];
        for (name, f) in getters {
            let fget = vm.builtin_fn(name, f, kind.name());
            let prop = vm.native_property(fget, Value::None);
            c.dict.set_str(name, prop);
        }
    }
}

/// The `args` of a Unicode error in the standard five-item form.
fn error_args(v: &Value) -> Option<Vec<Value>> {
    let Value::Instance(i) = v else { return None };
    let e = i.exc.as_ref()?;
    match e.args.get() {
        Value::Tuple(t) if t.len() == 5 => Some(t.as_slice().to_vec()),
        _ => None,
    }
}

fn arg_n(args: &Args, n: usize) -> PyResult<Value> {
    Ok(error_args(args.this()).map(|a| a[n].clone()).unwrap_or(Value::None))
}

fn get_encoding(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    arg_n(&args, 0)
}
fn get_object(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    arg_n(&args, 1)
}
fn get_start(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    arg_n(&args, 2)
}
fn get_end(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    arg_n(&args, 3)
}
fn get_reason(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    arg_n(&args, 4)
}

fn unicode_error_str(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let this = args.this().clone();
    let Some(a) = error_args(&this) else {
        let e = match &this {
            Value::Instance(i) => i.exc.as_ref().map(|e| e.args.get()),
            _ => None,
        };
        return match e {
            Some(Value::Tuple(t)) if t.len() == 1 => vm.str_value(&t.as_slice()[0].clone()),
            Some(Value::Tuple(t)) if t.is_empty() => Ok(Value::str("")),
            Some(t) => vm.str_value(&t),
            None => Ok(Value::str("")),
        };
    };
    let enc = vm.str_of(&a[0])?;
    let reason = vm.str_of(&a[4])?;
    let (Value::Int(start), Value::Int(end)) = (&a[2], &a[3]) else {
        return Ok(Value::str(""));
    };
    let (start, end) = (*start, *end);
    let msg = match &a[1] {
        Value::Str(s) => {
            if start >= 0 && (start as usize) < s.len() && end == start + 1 {
                let cp = s.code_point(s.char_at(start as usize));
                let ch = if cp <= 0xff {
                    format!("\\x{:02x}", cp)
                } else if cp <= 0xffff {
                    format!("\\u{:04x}", cp)
                } else {
                    format!("\\U{:08x}", cp)
                };
                format!("'{}' codec can't encode character '{}' in position {}: {}", enc, ch, start, reason)
            } else {
                format!("'{}' codec can't encode characters in position {}-{}: {}", enc, start, end - 1, reason)
            }
        }
        Value::Bytes(b) => {
            if start >= 0 && (start as usize) < b.data.len() && end == start + 1 {
                format!("'{}' codec can't decode byte 0x{:02x} in position {}: {}", enc, b.data[start as usize], start, reason)
            } else {
                format!("'{}' codec can't decode bytes in position {}-{}: {}", enc, start, end - 1, reason)
            }
        }
        _ => String::new(),
    };
    Ok(Value::string(msg))
}

fn encode_error(enc: &str, s: &str, start: usize, end: usize, reason: &str) -> PyErr {
    let obj = ustr::str_value(s.to_string(), true);
    PyErr::with_args(
        ExcKind::UnicodeEncodeError,
        vec![Value::str(enc), obj, Value::Int(start as i64), Value::Int(end as i64), Value::str(reason)],
    )
}

fn decode_error(enc: &str, data: &[u8], start: usize, end: usize, reason: &str) -> PyErr {
    PyErr::with_args(
        ExcKind::UnicodeDecodeError,
        vec![Value::str(enc), super::new_bytes(data.to_vec()), Value::Int(start as i64), Value::Int(end as i64), Value::str(reason)],
    )
}

fn unknown_handler(errors: &str) -> PyErr {
    PyErr::new(ExcKind::LookupError, format!("unknown error handler name '{}'", errors))
}

/// The codecs Spry implements.
#[derive(Clone, Copy)]
enum Codec {
    Utf8,
    Utf8Sig,
    Ascii,
    Latin1,
    Utf16,
    Utf16Le,
    Utf16Be,
    Utf32,
    Utf32Le,
    Utf32Be,
    /// A single-byte code page (cp1252, iso8859-15, koi8-r, cp437 ...): a
    /// `charmap` codec.
    Charmap(&'static CharmapTable),
}

impl PartialEq for Codec {
    fn eq(&self, other: &Codec) -> bool {
        match (self, other) {
            (Codec::Charmap(a), Codec::Charmap(b)) => std::ptr::eq(*a, *b),
            _ => std::mem::discriminant(self) == std::mem::discriminant(other),
        }
    }
}

impl CharmapTable {
    /// The character byte `b` decodes to (None: "maps to <undefined>").
    fn decode_byte(&self, b: u8) -> Option<char> {
        let u = match (b, self.low) {
            (0..=0x7f, None) => return Some(b as char),
            (0..=0x7f, Some(low)) => low[b as usize],
            _ => self.high[b as usize - 0x80],
        };
        // (No table holds a surrogate.)
        if u == charmaps::UNDEFINED {
            None
        } else {
            char::from_u32(u as u32)
        }
    }

    /// The byte of a code point, if the code page has it.
    fn encode_char(&self, cp: u32) -> Option<u8> {
        if cp < 0x80 && self.low.is_none() {
            return Some(cp as u8);
        }
        let cp = u16::try_from(cp).ok()?;
        self.encode.binary_search_by_key(&cp, |&(c, _)| c).ok().map(|i| self.encode[i].1)
    }
}

/// An encoding name as CPython normalises it before looking it up
/// (`encodings.normalize_encoding`, lower case): runs of characters other
/// than ASCII letters, digits and '.' become one '_', and none lead or trail.
fn normalize_encoding(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    let mut punct = false;
    for c in name.chars() {
        if c.is_ascii_alphanumeric() || c == '.' {
            if punct && !out.is_empty() {
                out.push('_');
            }
            out.push(c.to_ascii_lowercase());
            punct = false;
        } else {
            punct = true;
        }
    }
    out
}

impl Codec {
    fn lookup(name: &str) -> Option<Codec> {
        let n = normalize_encoding(name);
        Some(match n.as_str() {
            "utf_8" | "utf8" | "u8" | "utf" | "cp65001" | "utf8_ucs2" | "utf8_ucs4" => Codec::Utf8,
            "utf_8_sig" | "utf8_sig" => Codec::Utf8Sig,
            "ascii" | "us_ascii" | "646" | "us" | "ansi_x3.4_1968" | "ansi_x3_4_1968" | "iso646_us" | "cp367" => Codec::Ascii,
            "latin_1" | "latin1" | "latin" | "l1" | "iso_8859_1" | "iso8859_1" | "8859" | "cp819" | "iso_ir_100" => Codec::Latin1,
            "utf_16" | "utf16" | "u16" => Codec::Utf16,
            "utf_16_le" | "utf_16le" | "utf16le" => Codec::Utf16Le,
            "utf_16_be" | "utf_16be" | "utf16be" => Codec::Utf16Be,
            "utf_32" | "utf32" | "u32" => Codec::Utf32,
            "utf_32_le" | "utf_32le" | "utf32le" => Codec::Utf32Le,
            "utf_32_be" | "utf_32be" | "utf32be" => Codec::Utf32Be,
            _ => {
                // The code pages: their module names and aliases, and (as
                // CPython's `encodings.search_function` does) aliases
                // written with '.' for '_'.
                return match charmaps::lookup(&n) {
                    Some((t, _)) => Some(Codec::Charmap(t)),
                    None if n.contains('.') => match charmaps::lookup(&n.replace('.', "_")) {
                        Some((t, true)) => Some(Codec::Charmap(t)),
                        _ => None,
                    },
                    None => None,
                };
            }
        })
    }

    /// The name error messages use.
    fn name(self) -> &'static str {
        match self {
            Codec::Utf8 => "utf-8",
            Codec::Utf8Sig => "utf-8",
            Codec::Ascii => "ascii",
            Codec::Latin1 => "latin-1",
            Codec::Utf16 => "utf-16",
            Codec::Utf16Le => "utf-16-le",
            Codec::Utf16Be => "utf-16-be",
            Codec::Utf32 => "utf-32",
            Codec::Utf32Le => "utf-32-le",
            Codec::Utf32Be => "utf-32-be",
            Codec::Charmap(_) => "charmap",
        }
    }
}

/// Whether `encoding` names a codec Spry has (`LookupError` otherwise).
pub fn check_encoding(encoding: &str) -> PyResult<()> {
    lookup(encoding).map(|_| ())
}

fn lookup(encoding: &str) -> PyResult<Codec> {
    if encoding.contains('\0') {
        return Err(PyErr::value_error("embedded null character"));
    }
    Codec::lookup(encoding).ok_or_else(|| PyErr::new(ExcKind::LookupError, format!("unknown encoding: {}", encoding)))
}

/// Appends the replacement an encode error handler gives for the
/// characters `chars[start..end]`; errors for `strict` and unknown handlers.
#[allow(clippy::too_many_arguments)]
fn encode_replacement(
    out: &mut Vec<u8>,
    codec: Codec,
    errors: &str,
    s: &str,
    surr: bool,
    chars: &[char],
    start: usize,
    end: usize,
    reason: &str,
) -> PyResult<()> {
    let put = |out: &mut Vec<u8>, text: &str| {
        for c in text.chars() {
            push_unit(out, codec, c as u32);
        }
    };
    match errors {
        "strict" => Err(encode_error(codec.name(), s, start, end, reason)),
        "ignore" => Ok(()),
        "replace" => {
            for _ in start..end {
                put(out, "?");
            }
            Ok(())
        }
        "backslashreplace" => {
            for &c in &chars[start..end] {
                let cp = ustr::code_point(c, surr);
                let e = if cp <= 0xff {
                    format!("\\x{:02x}", cp)
                } else if cp <= 0xffff {
                    format!("\\u{:04x}", cp)
                } else {
                    format!("\\U{:08x}", cp)
                };
                put(out, &e);
            }
            Ok(())
        }
        "xmlcharrefreplace" => {
            for &c in &chars[start..end] {
                put(out, &format!("&#{};", ustr::code_point(c, surr)));
            }
            Ok(())
        }
        "surrogateescape" => {
            for &c in &chars[start..end] {
                let cp = ustr::code_point(c, surr);
                if (0xdc80..0xdd00).contains(&cp) {
                    out.push((cp - 0xdc00) as u8);
                } else {
                    return Err(encode_error(codec.name(), s, start, end, reason));
                }
            }
            Ok(())
        }
        "surrogatepass" => {
            for &c in &chars[start..end] {
                let cp = ustr::code_point(c, surr);
                if !(0xd800..0xe000).contains(&cp) {
                    return Err(encode_error(codec.name(), s, start, end, reason));
                }
                match codec {
                    Codec::Utf8 | Codec::Utf8Sig => {
                        out.extend_from_slice(&[0xe0 | (cp >> 12) as u8, 0x80 | ((cp >> 6) & 0x3f) as u8, 0x80 | (cp & 0x3f) as u8])
                    }
                    Codec::Utf16 | Codec::Utf16Le | Codec::Utf16Be | Codec::Utf32 | Codec::Utf32Le | Codec::Utf32Be => {
                        push_unit(out, codec, cp)
                    }
                    _ => return Err(encode_error(codec.name(), s, start, end, reason)),
                }
            }
            Ok(())
        }
        "namereplace" => {
            // `\N{NAME}`, or the backslash escape of a character without a name.
            for k in start..end {
                let cp = ustr::code_point(chars[k], surr);
                match char::from_u32(cp).and_then(unicode_names2::name) {
                    Some(name) => put(out, &format!("\\N{{{}}}", name)),
                    None => encode_replacement(out, codec, "backslashreplace", s, surr, chars, k, k + 1, reason)?,
                }
            }
            Ok(())
        }
        _ => Err(unknown_handler(errors)),
    }
}

/// Appends one code point in the byte form of `codec` (which can hold it).
fn push_unit(out: &mut Vec<u8>, codec: Codec, cp: u32) {
    match codec {
        Codec::Utf8 | Codec::Utf8Sig => {
            if let Some(c) = char::from_u32(cp) {
                let mut buf = [0u8; 4];
                out.extend_from_slice(c.encode_utf8(&mut buf).as_bytes());
            }
        }
        Codec::Ascii | Codec::Latin1 => out.push(cp as u8),
        Codec::Charmap(t) => out.extend(t.encode_char(cp)),
        Codec::Utf16 | Codec::Utf16Le | Codec::Utf16Be => {
            let be = codec == Codec::Utf16Be;
            let mut unit = |u: u16| {
                if be {
                    out.extend_from_slice(&u.to_be_bytes())
                } else {
                    out.extend_from_slice(&u.to_le_bytes())
                }
            };
            if cp >= 0x10000 {
                let v = cp - 0x10000;
                unit(0xd800 | (v >> 10) as u16);
                unit(0xdc00 | (v & 0x3ff) as u16);
            } else {
                unit(cp as u16);
            }
        }
        Codec::Utf32 | Codec::Utf32Le => out.extend_from_slice(&cp.to_le_bytes()),
        Codec::Utf32Be => out.extend_from_slice(&cp.to_be_bytes()),
    }
}

/// `str.encode(encoding, errors)`.
pub fn encode(vm: &mut Vm, s: &str, surr: bool, encoding: &str, errors: &str) -> PyResult<Vec<u8>> {
    match encode_plain(s, surr, encoding, errors) {
        Err(_) if is_unknown(encoding) => {
            let r = python_codec(vm, encoding, "encode", ustr::str_value(s.to_string(), surr), errors)?;
            Ok(crate::builtins::types_bytes::bytes_data(vm, &r)?.into_owned())
        }
        r => r.map_err(|e| wrap_codec_error(vm, e, "encoding", encoding)),
    }
}

/// Whether Spry's Rust codecs do not know `encoding`.
fn is_unknown(encoding: &str) -> bool {
    !encoding.contains('\0') && escape_codec(encoding).is_none() && Codec::lookup(encoding).is_none()
}

/// The codecs that `lib/_spry_codecs.py` implements: the text ones
/// (`utf-7`, `punycode`, `idna`) that `str.encode`/`bytes.decode` run
/// there, and the others (bytes-to-bytes, rot13, and ones Spry lacks),
/// which they refuse as CPython does: "'hex' is not a text encoding".
fn python_codec(vm: &mut Vm, encoding: &str, what: &str, arg: Value, errors: &str) -> PyResult<Value> {
    const TEXT: &[&str] = &["utf_7", "utf7", "u7", "unicode_1_1_utf_7", "punycode", "idna"];
    const NOT_TEXT: &[&str] = &[
        "hex",
        "hex_codec",
        "base64",
        "base_64",
        "base64_codec",
        "zlib",
        "zip",
        "zlib_codec",
        "rot13",
        "rot_13",
        "uu",
        "uu_codec",
        "quopri",
        "quoted_printable",
        "quotedprintable",
        "quopri_codec",
        "bz2",
        "bz2_codec",
    ];
    let n = normalize_encoding(encoding);
    if NOT_TEXT.contains(&n.as_str()) {
        return Err(PyErr::new(
            ExcKind::LookupError,
            format!("'{}' is not a text encoding; use codecs.{}() to handle arbitrary codecs", encoding, what),
        ));
    }
    if !TEXT.contains(&n.as_str()) {
        return Err(PyErr::new(ExcKind::LookupError, format!("unknown encoding: {}", encoding)));
    }
    let m = vm.import_module("_spry_codecs")?;
    let f = vm.get_attr(&m, if what == "encode" { "text_encode" } else { "text_decode" })?;
    vm.call_function(&f, &[Value::str(encoding), arg, Value::str(errors)])
}

/// An error from the error handler of a `charmap` codec (an unknown
/// handler's `LookupError`, a decode handler's `TypeError`) as CPython's
/// codec machinery reports it: the same kind, "encoding with 'cp1252' codec
/// failed (LookupError: ...)", caused by the original. (CPython's C fast
/// paths for the UTF codecs, ASCII and Latin-1 do not wrap; neither do
/// text files.)
fn wrap_codec_error(vm: &mut Vm, mut e: PyErr, what: &str, encoding: &str) -> PyErr {
    if !matches!(Codec::lookup(encoding), Some(Codec::Charmap(_))) {
        return e;
    }
    let (kind, msg) = match &e.0.exc {
        crate::vm::error::ExcState::Lazy { kind: kind @ (ExcKind::LookupError | ExcKind::TypeError), args } => match args.as_slice() {
            [Value::Str(m)] => (*kind, m.as_str().to_string()),
            _ => return e,
        },
        _ => return e,
    };
    let cause = vm.materialize(&mut e);
    let mut wrapped = PyErr::new(kind, format!("{} with '{}' codec failed ({}: {})", what, encoding, kind.name(), msg));
    let exc = vm.materialize(&mut wrapped);
    vm.make_raise(&exc, Some(&cause))
}

/// The escape codecs (`unicode_escape`, `raw_unicode_escape`): `Some(raw)`
/// for an encoding name that is one of them. Hand-written after CPython's
/// codecs, whose exact escaping (and error positions) Python code relies
/// on: `pickle`'s protocol 0 writes strs in `raw-unicode-escape`.
fn escape_codec(name: &str) -> Option<bool> {
    let n: String = name.trim().chars().map(|c| if c == '-' || c == ' ' { '_' } else { c.to_ascii_lowercase() }).collect();
    match n.as_str() {
        "unicode_escape" => Some(false),
        "raw_unicode_escape" => Some(true),
        _ => None,
    }
}

fn encode_escaped(s: &str, surr: bool, raw: bool) -> Vec<u8> {
    let mut out = Vec::with_capacity(s.len());
    for c in s.chars() {
        let cp = ustr::code_point(c, surr);
        if raw && cp < 0x100 {
            out.push(cp as u8);
            continue;
        }
        match cp {
            0x5c if !raw => out.extend_from_slice(b"\\\\"),
            0x09 if !raw => out.extend_from_slice(b"\\t"),
            0x0a if !raw => out.extend_from_slice(b"\\n"),
            0x0d if !raw => out.extend_from_slice(b"\\r"),
            0x20..=0x7e => out.push(cp as u8),
            0..=0xff => out.extend_from_slice(format!("\\x{:02x}", cp).as_bytes()),
            0x100..=0xffff => out.extend_from_slice(format!("\\u{:04x}", cp).as_bytes()),
            _ => out.extend_from_slice(format!("\\U{:08x}", cp).as_bytes()),
        }
    }
    out
}

/// An undecodable escape under error handler `errors`: the error
/// (`strict`, unknown handlers), else whether U+FFFD replaces it.
fn escape_error(errors: &str, enc: &str, data: &[u8], start: usize, end: usize, reason: &str) -> PyResult<bool> {
    match errors {
        "strict" => Err(decode_error(enc, data, start, end, reason)),
        "replace" => Ok(true),
        "ignore" => Ok(false),
        _ => Err(unknown_handler(errors)),
    }
}

/// Decodes `unicode_escape` (Python string-literal escapes) or
/// `raw_unicode_escape` (only `\uXXXX`/`\UXXXXXXXX` after an odd run of
/// backslashes); other bytes are Latin-1.
fn decode_escaped(data: &[u8], raw: bool, errors: &str) -> PyResult<Value> {
    let enc = if raw { "rawunicodeescape" } else { "unicodeescape" };
    let mut out = String::with_capacity(data.len());
    let mut surr = false;
    let mut push = |out: &mut String, cp: u32| {
        if ustr::is_surrogate(cp) {
            surr = true;
        }
        out.push(ustr::char_of(cp).unwrap_or('\u{fffd}'));
    };
    let hex = |d: &[u8]| -> Option<u32> { std::str::from_utf8(d).ok().and_then(|t| u32::from_str_radix(t, 16).ok()) };
    let mut i = 0;
    while i < data.len() {
        let b = data[i];
        if b != b'\\' {
            push(&mut out, b as u32);
            i += 1;
            continue;
        }
        if raw {
            // A run of backslashes: the last one escapes only if the run is odd.
            let run = data[i..].iter().take_while(|&&c| c == b'\\').count();
            let next = data.get(i + run).copied();
            let escapes = run % 2 == 1 && matches!(next, Some(b'u') | Some(b'U'));
            for _ in 0..(if escapes { run - 1 } else { run }) {
                push(&mut out, 0x5c);
            }
            i += if escapes { run - 1 } else { run };
            if !escapes {
                continue;
            }
        }
        let start = i;
        let Some(&e) = data.get(i + 1) else {
            if escape_error(errors, enc, data, start, data.len(), "\\ at end of string")? {
                push(&mut out, 0xfffd);
            }
            break;
        };
        i += 2;
        let fixed = |n: usize| -> Option<(u32, usize)> {
            let d = data.get(i..i + n)?;
            if !d.iter().all(|c| c.is_ascii_hexdigit()) {
                return None;
            }
            hex(d).map(|v| (v, n))
        };
        let (digits, what) = match e {
            b'x' if !raw => (2, "truncated \\xXX escape"),
            b'u' => (4, "truncated \\uXXXX escape"),
            b'U' => (8, "truncated \\UXXXXXXXX escape"),
            _ => (0, ""),
        };
        if digits > 0 {
            match fixed(digits) {
                Some((v, n)) if v <= 0x10ffff => {
                    push(&mut out, v);
                    i += n;
                }
                found => {
                    let avail = data[i..].iter().take(digits).take_while(|c| c.is_ascii_hexdigit()).count();
                    let (end, reason) = if found.is_some() {
                        (i + digits, if raw { "\\Uxxxxxxxx out of range" } else { "illegal Unicode character" })
                    } else {
                        (i + avail, what)
                    };
                    if escape_error(errors, enc, data, start, end, reason)? {
                        push(&mut out, 0xfffd);
                    }
                    i = end;
                }
            }
            continue;
        }
        if e == b'N' && !raw {
            // \N{NAME}: the character of that Unicode name.
            let close = data[i..].iter().position(|&c| c == b'}');
            let named = match (data.get(i), close) {
                (Some(b'{'), Some(k)) if k > 1 => {
                    Some((std::str::from_utf8(&data[i + 1..i + k]).ok().and_then(unicode_names2::character), i + k + 1))
                }
                _ => None,
            };
            match named {
                Some((Some(c), end)) => {
                    push(&mut out, c as u32);
                    i = end;
                }
                other => {
                    let (end, reason) = match other {
                        Some((None, end)) => (end, "unknown Unicode character name"),
                        // (An opening brace without a closing one: to the end.)
                        _ if data.get(i) == Some(&b'{') && close.is_none() => (data.len(), "malformed \\N character escape"),
                        _ => (i, "malformed \\N character escape"),
                    };
                    if escape_error(errors, enc, data, start, end, reason)? {
                        push(&mut out, 0xfffd);
                    }
                    i = end;
                }
            }
            continue;
        }
        match e {
            b'\n' => {}
            b'\\' => push(&mut out, 0x5c),
            b'\'' => push(&mut out, 0x27),
            b'"' => push(&mut out, 0x22),
            b'a' => push(&mut out, 7),
            b'b' => push(&mut out, 8),
            b'f' => push(&mut out, 12),
            b'n' => push(&mut out, 10),
            b'r' => push(&mut out, 13),
            b't' => push(&mut out, 9),
            b'v' => push(&mut out, 11),
            b'0'..=b'7' => {
                let mut v = (e - b'0') as u32;
                for _ in 0..2 {
                    match data.get(i) {
                        Some(&d @ b'0'..=b'7') => {
                            v = v * 8 + (d - b'0') as u32;
                            i += 1;
                        }
                        _ => break,
                    }
                }
                push(&mut out, v);
            }
            _ => {
                push(&mut out, 0x5c);
                push(&mut out, e as u32);
            }
        }
    }
    Ok(ustr::str_value(out, surr))
}

/// `str.encode(encoding, errors)` (no Python code runs).
pub fn encode_plain(s: &str, surr: bool, encoding: &str, errors: &str) -> PyResult<Vec<u8>> {
    if let Some(raw) = escape_codec(encoding) {
        return Ok(encode_escaped(s, surr, raw));
    }
    let codec = lookup(encoding)?;
    // Fast paths: text without surrogates in a codec that holds everything.
    if matches!(codec, Codec::Utf8) && !surr {
        return Ok(s.as_bytes().to_vec());
    }
    let ascii_holds = match codec {
        Codec::Ascii | Codec::Latin1 | Codec::Utf8 | Codec::Utf8Sig => true,
        Codec::Charmap(t) => t.low.is_none(),
        _ => false,
    };
    if s.is_ascii() && ascii_holds {
        let mut out = Vec::with_capacity(s.len() + 3);
        if codec == Codec::Utf8Sig {
            out.extend_from_slice(b"\xef\xbb\xbf");
        }
        out.extend_from_slice(s.as_bytes());
        return Ok(out);
    }
    let chars: Vec<char> = s.chars().collect();
    let mut out = Vec::with_capacity(s.len() + 4);
    match codec {
        Codec::Utf8Sig => out.extend_from_slice(b"\xef\xbb\xbf"),
        Codec::Utf16 => out.extend_from_slice(&[0xff, 0xfe]),
        Codec::Utf32 => out.extend_from_slice(&[0xff, 0xfe, 0, 0]),
        _ => {}
    }
    let (limit, reason) = match codec {
        Codec::Ascii => (0x80, "ordinal not in range(128)"),
        Codec::Latin1 => (0x100, "ordinal not in range(256)"),
        // (A table codec: `bad` asks the table; runs are reported whole.)
        Codec::Charmap(_) => (0x100, "character maps to <undefined>"),
        _ => (0x110000, "surrogates not allowed"),
    };
    let bad = |c: char| {
        let cp = ustr::code_point(c, surr);
        if let Codec::Charmap(t) = codec {
            return t.encode_char(cp).is_none();
        }
        cp >= limit || (0xd800..0xe000).contains(&cp)
    };
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if !bad(c) {
            push_unit(&mut out, codec, c as u32);
            i += 1;
            continue;
        }
        // A run of characters the codec cannot encode.
        let mut j = i + 1;
        while j < chars.len() && bad(chars[j]) {
            j += 1;
        }
        if errors == "strict" {
            // CPython reports the whole run for the one-byte codecs, one
            // surrogate at a time for the UTF codecs.
            let end = if limit == 0x110000 {
                let mut k = i + 1;
                while k < j && (0xd800..0xe000).contains(&ustr::code_point(chars[k], surr)) {
                    k += 1;
                }
                k
            } else {
                j
            };
            return Err(encode_error(codec.name(), s, i, end, reason));
        }
        encode_replacement(&mut out, codec, errors, s, surr, &chars, i, j, reason)?;
        i = j;
    }
    Ok(out)
}

/// Appends the replacement a decode error handler gives for `data[start..end]`.
fn decode_replacement(out: &mut String, enc: &str, errors: &str, data: &[u8], start: usize, end: usize, reason: &str) -> PyResult<()> {
    match errors {
        "strict" => Err(decode_error(enc, data, start, end, reason)),
        "ignore" => Ok(()),
        "replace" => {
            out.push('\u{fffd}');
            Ok(())
        }
        "backslashreplace" => {
            for b in &data[start..end] {
                out.push_str(&format!("\\x{:02x}", b));
            }
            Ok(())
        }
        "surrogateescape" => {
            for &b in &data[start..end] {
                if b < 0x80 {
                    return Err(decode_error(enc, data, start, end, reason));
                }
                out.push(ustr::char_of(0xdc00 + b as u32).unwrap_or('\u{fffd}'));
            }
            Ok(())
        }
        "surrogatepass" => Err(decode_error(enc, data, start, end, reason)),
        // (Encode-only handlers.)
        "xmlcharrefreplace" | "namereplace" => Err(PyErr::type_error("don't know how to handle UnicodeDecodeError in error callback")),
        _ => Err(unknown_handler(errors)),
    }
}

/// `bytes.decode(encoding, errors)`.
pub fn decode(vm: &mut Vm, data: &[u8], encoding: &str, errors: &str) -> PyResult<Value> {
    match decode_plain(data, encoding, errors) {
        Err(_) if is_unknown(encoding) => python_codec(vm, encoding, "decode", crate::builtins::new_bytes(data.to_vec()), errors),
        r => r.map_err(|e| wrap_codec_error(vm, e, "decoding", encoding)),
    }
}

/// `bytes.decode(encoding, errors)` as a text file decodes (errors as the
/// codec raises them).
pub fn decode_plain(data: &[u8], encoding: &str, errors: &str) -> PyResult<Value> {
    if let Some(raw) = escape_codec(encoding) {
        return decode_escaped(data, raw, errors);
    }
    let codec = lookup(encoding)?;
    let enc = codec.name();
    match codec {
        Codec::Utf8 | Codec::Utf8Sig => {
            let data = if codec == Codec::Utf8Sig { data.strip_prefix(b"\xef\xbb\xbf").unwrap_or(data) } else { data };
            if let Ok(s) = std::str::from_utf8(data) {
                return Ok(Value::str(s));
            }
            let mut out = String::with_capacity(data.len());
            let mut pos = 0;
            while pos < data.len() {
                match std::str::from_utf8(&data[pos..]) {
                    Ok(s) => {
                        out.push_str(s);
                        break;
                    }
                    Err(e) => {
                        let good = e.valid_up_to();
                        // SAFETY: `from_utf8` validated `data[pos..pos + good]`.
                        out.push_str(unsafe { std::str::from_utf8_unchecked(&data[pos..pos + good]) });
                        let start = pos + good;
                        // A surrogate encoded in UTF-8 (ED A0..BF xx) under surrogatepass.
                        if errors == "surrogatepass"
                            && start + 2 < data.len()
                            && data[start] == 0xed
                            && (0xa0..0xc0).contains(&data[start + 1])
                            && (0x80..0xc0).contains(&data[start + 2])
                        {
                            let cp = 0xd000 | ((data[start + 1] as u32 & 0x3f) << 6) | (data[start + 2] as u32 & 0x3f);
                            out.push(ustr::char_of(cp).unwrap_or('\u{fffd}'));
                            pos = start + 3;
                            continue;
                        }
                        let (end, reason) = match e.error_len() {
                            None => (data.len(), "unexpected end of data"),
                            Some(n) => {
                                let lead = data[start];
                                let valid_lead = (0xc2..=0xf4).contains(&lead);
                                (start + n, if n == 1 && !valid_lead { "invalid start byte" } else { "invalid continuation byte" })
                            }
                        };
                        decode_replacement(&mut out, enc, errors, data, start, end, reason)?;
                        pos = end;
                    }
                }
            }
            Ok(ustr::str_value(out, matches!(errors, "surrogateescape" | "surrogatepass")))
        }
        Codec::Ascii => {
            if data.is_ascii() {
                // SAFETY: ASCII bytes are valid UTF-8.
                return Ok(Value::str(unsafe { std::str::from_utf8_unchecked(data) }));
            }
            let mut out = String::with_capacity(data.len());
            for (i, &b) in data.iter().enumerate() {
                if b < 0x80 {
                    out.push(b as char);
                } else {
                    decode_replacement(&mut out, enc, errors, data, i, i + 1, "ordinal not in range(128)")?;
                }
            }
            Ok(ustr::str_value(out, errors == "surrogateescape"))
        }
        Codec::Latin1 => Ok(Value::string(data.iter().map(|&b| b as char).collect())),
        Codec::Charmap(t) => {
            if t.low.is_none() && data.is_ascii() {
                // SAFETY: ASCII bytes are valid UTF-8.
                return Ok(Value::str(unsafe { std::str::from_utf8_unchecked(data) }));
            }
            let mut out = String::with_capacity(data.len() * 2);
            for (i, &b) in data.iter().enumerate() {
                match t.decode_byte(b) {
                    Some(c) => out.push(c),
                    // (CPython reports undefined bytes one at a time.)
                    None => decode_replacement(&mut out, enc, errors, data, i, i + 1, "character maps to <undefined>")?,
                }
            }
            Ok(ustr::str_value(out, errors == "surrogateescape"))
        }
        Codec::Utf16 | Codec::Utf16Le | Codec::Utf16Be => {
            let mut be = codec == Codec::Utf16Be;
            let mut data_start = 0;
            if codec == Codec::Utf16 && data.len() >= 2 {
                if data[..2] == [0xff, 0xfe] {
                    data_start = 2;
                } else if data[..2] == [0xfe, 0xff] {
                    be = true;
                    data_start = 2;
                }
            }
            let name = if codec == Codec::Utf16 { "utf-16-le" } else { enc };
            let name = if codec == Codec::Utf16 && be { "utf-16-be" } else { name };
            let unit = |i: usize| -> u32 {
                let b = [data[i], data[i + 1]];
                (if be { u16::from_be_bytes(b) } else { u16::from_le_bytes(b) }) as u32
            };
            let mut out = String::with_capacity(data.len() / 2);
            let mut i = data_start;
            while i < data.len() {
                if i + 1 >= data.len() {
                    decode_replacement(&mut out, name, errors, data, i, data.len(), "truncated data")?;
                    break;
                }
                let u = unit(i);
                if !(0xd800..0xe000).contains(&u) {
                    out.push(char::from_u32(u).unwrap_or('\u{fffd}'));
                    i += 2;
                    continue;
                }
                if u >= 0xdc00 {
                    if errors == "surrogatepass" {
                        out.push(ustr::char_of(u).unwrap_or('\u{fffd}'));
                        i += 2;
                        continue;
                    }
                    decode_replacement(&mut out, name, errors, data, i, i + 2, "illegal encoding")?;
                    i += 2;
                    continue;
                }
                if i + 3 >= data.len() {
                    if errors == "surrogatepass" && i + 2 == data.len() {
                        out.push(ustr::char_of(u).unwrap_or('\u{fffd}'));
                        break;
                    }
                    decode_replacement(&mut out, name, errors, data, i, data.len(), "unexpected end of data")?;
                    break;
                }
                let u2 = unit(i + 2);
                if (0xdc00..0xe000).contains(&u2) {
                    let cp = 0x10000 + ((u - 0xd800) << 10) + (u2 - 0xdc00);
                    out.push(char::from_u32(cp).unwrap_or('\u{fffd}'));
                    i += 4;
                } else if errors == "surrogatepass" {
                    out.push(ustr::char_of(u).unwrap_or('\u{fffd}'));
                    i += 2;
                } else {
                    decode_replacement(&mut out, name, errors, data, i, i + 2, "illegal UTF-16 surrogate")?;
                    i += 2;
                }
            }
            Ok(ustr::str_value(out, matches!(errors, "surrogateescape" | "surrogatepass")))
        }
        Codec::Utf32 | Codec::Utf32Le | Codec::Utf32Be => {
            let mut be = codec == Codec::Utf32Be;
            let mut i = 0;
            if codec == Codec::Utf32 && data.len() >= 4 {
                if data[..4] == [0xff, 0xfe, 0, 0] {
                    i = 4;
                } else if data[..4] == [0, 0, 0xfe, 0xff] {
                    be = true;
                    i = 4;
                }
            }
            let name = match (codec, be) {
                (Codec::Utf32, true) => "utf-32-be",
                (Codec::Utf32, false) => "utf-32-le",
                _ => enc,
            };
            let mut out = String::with_capacity(data.len() / 4);
            while i < data.len() {
                if i + 3 >= data.len() {
                    decode_replacement(&mut out, name, errors, data, i, data.len(), "truncated data")?;
                    break;
                }
                let b = [data[i], data[i + 1], data[i + 2], data[i + 3]];
                let cp = if be { u32::from_be_bytes(b) } else { u32::from_le_bytes(b) };
                if (0xd800..0xe000).contains(&cp) {
                    if errors == "surrogatepass" {
                        out.push(ustr::char_of(cp).unwrap_or('\u{fffd}'));
                    } else {
                        decode_replacement(
                            &mut out,
                            name,
                            errors,
                            data,
                            i,
                            i + 4,
                            "code point in surrogate code point range(0xd800, 0xe000)",
                        )?;
                    }
                } else if cp >= 0x110000 {
                    decode_replacement(&mut out, name, errors, data, i, i + 4, "code point not in range(0x110000)")?;
                } else {
                    out.push(char::from_u32(cp).unwrap_or('\u{fffd}'));
                }
                i += 4;
            }
            Ok(ustr::str_value(out, matches!(errors, "surrogateescape" | "surrogatepass")))
        }
    }
}
