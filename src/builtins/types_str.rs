//! `str` methods and `str.format`.

use std::borrow::Cow;

use super::arg;
use crate::bytecode::BinOp;
use crate::objects::str as ustr;
use crate::objects::*;
use crate::vm::{Args, ExcKind, PyErr, PyResult, Vm};

pub fn init(vm: &mut Vm) {
    let s = vm.types.str_.clone();
    super::types_num::add_op_dunders(vm, &s, &[BinOp::Add, BinOp::Mul, BinOp::Mod], true);
    vm.add_method(&s, "__new__", str_new);
    vm.types.str_.ctor.set(Some(str_ctor));
    let methods: &[(&'static str, BuiltinFn)] = &[
        ("join", join),
        ("split", split),
        ("rsplit", rsplit),
        ("splitlines", splitlines),
        ("strip", strip),
        ("lstrip", lstrip),
        ("rstrip", rstrip),
        ("startswith", startswith),
        ("endswith", endswith),
        ("find", find),
        ("rfind", rfind),
        ("index", index),
        ("rindex", rindex),
        ("count", count),
        ("replace", replace),
        ("upper", upper),
        ("lower", lower),
        ("casefold", casefold),
        ("title", title),
        ("capitalize", capitalize),
        ("swapcase", swapcase),
        ("isdigit", isdigit),
        ("isdecimal", isdecimal),
        ("isnumeric", isnumeric),
        ("isalpha", isalpha),
        ("isalnum", isalnum),
        ("isspace", isspace),
        ("isupper", isupper),
        ("islower", islower),
        ("istitle", istitle),
        ("isidentifier", isidentifier),
        ("isprintable", isprintable),
        ("isascii", isascii),
        ("center", center),
        ("ljust", ljust),
        ("rjust", rjust),
        ("zfill", zfill),
        ("partition", partition),
        ("rpartition", rpartition),
        ("format", format),
        ("format_map", format_map),
        ("encode", encode),
        ("expandtabs", expandtabs),
        ("translate", translate),
        ("removeprefix", removeprefix),
        ("removesuffix", removesuffix),
        ("__len__", str_len),
        ("__contains__", str_contains),
        ("__getitem__", str_getitem),
        ("__iter__", str_iter),
        ("__getnewargs__", str_getnewargs),
    ];
    for (n, f) in methods {
        vm.add_method(&s, n, *f);
    }
    vm.add_method(&s, "maketrans", maketrans);
    let mt = s.dict.get_str("maketrans").unwrap();
    s.dict.set_str("maketrans", vm.new_native(vm.types.staticmethod.clone(), NativeData::StaticMethod(mt)));
    super::types_bytes::init(vm);
    super::codecs::init(vm);
}

/// Results longer than this would need more memory than a program can have.
const MAX_LEN: usize = 1 << 34;

/// The str value of the receiver (unwrapping str subclasses).
fn this_str(vm: &Vm, args: &Args) -> PyResult<PyRef<StrObj>> {
    match args.pos.first() {
        Some(Value::Str(s)) => Ok(s.clone()),
        Some(v) => match vm.unwrap_builtin(v).as_ref() {
            Value::Str(s) => Ok(s.clone()),
            _ => Err(PyErr::type_error(format!("descriptor requires a 'str' object but received a '{}'", vm.type_name(v)))),
        },
        None => Err(PyErr::type_error("descriptor needs an argument")),
    }
}

/// A str argument (str subclasses unwrapped), or `None` when it is not a str.
fn as_text<'a>(vm: &Vm, v: &'a Value) -> Option<Cow<'a, str>> {
    match v {
        Value::Str(s) => Some(Cow::Borrowed(s.as_str())),
        Value::Instance(_) => match vm.unwrap_builtin(v).as_ref() {
            Value::Str(s) => Some(Cow::Owned(s.as_str().to_string())),
            _ => None,
        },
        _ => None,
    }
}

/// A str argument, with CPython's "must be str, not X".
fn str_arg<'a>(vm: &Vm, v: &'a Value) -> PyResult<Cow<'a, str>> {
    as_text(vm, v).ok_or_else(|| PyErr::type_error(format!("must be str, not {}", vm.type_name(v))))
}

/// The type name argument-clinic errors show (`None` for None).
fn clinic_name(vm: &Vm, v: &Value) -> String {
    if v.is_none() {
        "None".to_string()
    } else {
        vm.type_name(v)
    }
}

/// `name() takes no arguments (N given)` unless only the receiver is passed.
fn no_args(args: &Args, name: &str) -> PyResult<()> {
    if args.has_kwargs() {
        return Err(PyErr::type_error(format!("{}() takes no keyword arguments", name)));
    }
    if args.len() != 1 {
        return Err(PyErr::type_error(format!("{}() takes no arguments ({} given)", name, args.len().saturating_sub(1))));
    }
    Ok(())
}

/// `name() takes exactly one argument (N given)`.
fn one_arg(args: &Args, name: &str) -> PyResult<()> {
    if args.has_kwargs() {
        return Err(PyErr::type_error(format!("{}() takes no keyword arguments", name)));
    }
    if args.len() != 2 {
        return Err(PyErr::type_error(format!("{}() takes exactly one argument ({} given)", name, args.len().saturating_sub(1))));
    }
    Ok(())
}

/// Old-style argument counts: `name() takes at least/at most N argument(s) (M given)`.
fn old_counts(rest: &Args, name: &str, min: usize, max: usize) -> PyResult<()> {
    if rest.has_kwargs() {
        return Err(PyErr::type_error(format!("str.{}() takes no keyword arguments", name)));
    }
    let n = rest.len();
    let plural = |k: usize| if k == 1 { "" } else { "s" };
    if n < min {
        return Err(PyErr::type_error(format!("{}() takes at least {} argument{} ({} given)", name, min, plural(min), n)));
    }
    if n > max {
        return Err(PyErr::type_error(format!("{}() takes at most {} argument{} ({} given)", name, max, plural(max), n)));
    }
    Ok(())
}

/// Keyword-capable argument counts: `name() takes at most N arguments (M given)`.
fn kw_counts(rest: &Args, name: &str, max: usize, allowed: &[&str]) -> PyResult<()> {
    let n = rest.len() + rest.kwnames.len();
    if n > max {
        return Err(PyErr::type_error(format!(
            "{}() takes at most {} {}argument{} ({} given)",
            name,
            max,
            if rest.is_empty() { "keyword " } else { "" },
            if max == 1 { "" } else { "s" },
            n
        )));
    }
    for (i, k) in rest.kwnames.iter().enumerate() {
        let k = k.as_str().unwrap_or("");
        match allowed.iter().position(|a| *a == k) {
            None => return Err(PyErr::type_error(format!("'{}' is an invalid keyword argument for {}()", k, name))),
            Some(p) if p < rest.len() => {
                return Err(PyErr::type_error(format!("argument for {}() given by name ('{}') and position ({})", name, k, p + 1)))
            }
            Some(_) => {
                let _ = i;
            }
        }
    }
    Ok(())
}

pub fn str_ctor(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.allow_kwargs("str", &["object", "encoding", "errors"])?;
    if args.len() + args.kwnames.len() > 3 {
        return Err(PyErr::type_error(format!("str() takes at most 3 arguments ({} given)", args.len() + args.kwnames.len())));
    }
    let x = args.arg(0, "object");
    let enc = args.arg(1, "encoding");
    let errors = args.arg(2, "errors");
    if enc.is_none() && errors.is_none() {
        return match x {
            None => Ok(Value::str("")),
            Some(x) => vm.str_value(x),
        };
    }
    let enc = match enc {
        None => "utf-8",
        Some(Value::Str(s)) => s.as_str(),
        Some(v) => return Err(PyErr::type_error(format!("str() argument 'encoding' must be str, not {}", clinic_name(vm, v)))),
    };
    let errors = match errors {
        None => "strict",
        Some(Value::Str(s)) => s.as_str(),
        Some(v) => return Err(PyErr::type_error(format!("str() argument 'errors' must be str, not {}", clinic_name(vm, v)))),
    };
    let Some(x) = x else {
        return Ok(Value::str(""));
    };
    let data: Vec<u8> = match vm.unwrap_builtin(x).as_ref() {
        Value::Str(_) => return Err(PyErr::type_error("decoding str is not supported")),
        _ => match super::types_bytes::bytes_like(vm, x) {
            Some(b) => b.into_owned(),
            None => return Err(PyErr::type_error(format!("decoding to str: need a bytes-like object, {} found", vm.type_name(x)))),
        },
    };
    super::codecs::decode(vm, &data, enc, errors)
}

fn str_new(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let Some(Value::Class(cls)) = args.get(0) else {
        return Err(PyErr::type_error("str.__new__(X): X is not a type object"));
    };
    let cls = cls.clone();
    let v = str_ctor(vm, args.rest())?;
    Ok(super::types_num::wrap_for_class(vm, &cls, v))
}

fn join(vm: &mut Vm, args: Args) -> PyResult<Value> {
    one_arg(&args, "str.join")?;
    let sep = this_str(vm, &args)?;
    let src = &args.pos[1];
    let r = match src {
        // The list's elements in place (no copy, no counts): joining runs
        // no Python code.
        Value::List(l) => l.with_slice(|items| join_items(vm, &sep, items)),
        Value::Tuple(t) => join_items(vm, &sep, t.as_slice()),
        // (All items first, as CPython's `PySequence_Fast` takes them.)
        Value::Generator(_) => {
            let v = vm.collect_iterable(src)?;
            join_items(vm, &sep, &v)
        }
        _ => {
            let it = match vm.get_iter(src) {
                Ok(it) => it,
                Err(e) if vm.err_is(&e, ExcKind::TypeError) => return Err(PyErr::type_error("can only join an iterable")),
                Err(e) => return Err(e),
            };
            let mut v = Vec::new();
            while let Some(x) = vm.next(&it)? {
                v.push(x);
            }
            join_items(vm, &sep, &v)
        }
    };
    r
}

/// `sep.join(items)` once the items are collected: the one item itself
/// when it is a str, else a str of the exact size.
fn join_items(vm: &Vm, sep: &PyRef<StrObj>, items: &[Value]) -> PyResult<Value> {
    if items.len() == 1 {
        if let Value::Str(_) = &items[0] {
            return Ok(items[0].clone());
        }
    }
    let mut total = 0;
    let mut ascii = sep.is_ascii();
    for (i, it) in items.iter().enumerate() {
        match it {
            Value::Str(s) => {
                total += s.as_str().len();
                ascii &= s.is_ascii();
            }
            other => {
                if let Value::Str(s) = vm.unwrap_builtin(other).as_ref() {
                    total += s.as_str().len();
                    ascii &= s.is_ascii();
                    continue;
                }
                return Err(PyErr::type_error(format!("sequence item {}: expected str instance, {} found", i, vm.type_name(other))));
            }
        }
    }
    let sep_s = sep.as_str();
    let mut out = String::with_capacity(total + sep_s.len() * items.len().saturating_sub(1));
    for (i, it) in items.iter().enumerate() {
        if i > 0 {
            out.push_str(sep_s);
        }
        match it {
            Value::Str(s) => out.push_str(s.as_str()),
            other => {
                if let Value::Str(s) = vm.unwrap_builtin(other).as_ref() {
                    out.push_str(s.as_str());
                }
            }
        }
    }
    Ok(if ascii { Value::ascii_string(out) } else { Value::string(out) })
}

fn split_whitespace(text: &str, maxsplit: i64, out: &mut Vec<Value>) {
    if text.is_ascii() {
        // Bytes are characters here.
        let b = text.as_bytes();
        let space = |c: u8| matches!(c, b'\t'..=b'\r' | 0x1c..=0x20);
        let mut i = 0;
        let mut n = 0;
        loop {
            while i < b.len() && space(b[i]) {
                i += 1;
            }
            if i >= b.len() {
                return;
            }
            if maxsplit >= 0 && n >= maxsplit {
                out.push(Value::ascii_str(&text[i..]));
                return;
            }
            let start = i;
            while i < b.len() && !space(b[i]) {
                i += 1;
            }
            out.push(Value::ascii_str(&text[start..i]));
            n += 1;
        }
    }
    let mut rest = text.trim_start_matches(ustr::is_space);
    let mut n = 0;
    while !rest.is_empty() {
        if maxsplit >= 0 && n >= maxsplit {
            out.push(Value::str(rest));
            return;
        }
        let end = rest.find(ustr::is_space).unwrap_or(rest.len());
        out.push(Value::str(&rest[..end]));
        rest = rest[end..].trim_start_matches(ustr::is_space);
        n += 1;
    }
}

/// Splits on runs of whitespace, from the right.
fn rsplit_whitespace(text: &str, maxsplit: i64, out: &mut Vec<Value>) {
    let mut rest = text.trim_end_matches(ustr::is_space);
    let mut n = 0;
    while !rest.is_empty() {
        if maxsplit >= 0 && n >= maxsplit {
            out.push(Value::str(rest));
            break;
        }
        let start = match rest.char_indices().rev().find(|(_, c)| ustr::is_space(*c)) {
            Some((i, c)) => i + c.len_utf8(),
            None => 0,
        };
        out.push(Value::str(&rest[start..]));
        rest = rest[..start].trim_end_matches(ustr::is_space);
        n += 1;
    }
    out.reverse();
}

fn split_impl(vm: &mut Vm, args: Args, right: bool) -> PyResult<Value> {
    let s = this_str(vm, &args)?;
    let rest = args.rest();
    let name = if right { "rsplit" } else { "split" };
    kw_counts(&rest, name, 2, &["sep", "maxsplit"])?;
    let sep = arg::opt(&rest, 0, "sep");
    let maxsplit = match rest.arg(1, "maxsplit") {
        Some(m) => arg::int(vm, m)?,
        None => -1,
    };
    let text = s.as_str();
    let mut parts: Vec<Value> = Vec::new();
    match sep {
        None => {
            if right {
                rsplit_whitespace(text, maxsplit, &mut parts)
            } else {
                split_whitespace(text, maxsplit, &mut parts)
            }
        }
        Some(sepv) => {
            let sep = as_text(vm, sepv).ok_or_else(|| PyErr::type_error(format!("must be str or None, not {}", vm.type_name(sepv))))?;
            if sep.is_empty() {
                return Err(PyErr::value_error("empty separator"));
            }
            let sep = sep.as_ref();
            if maxsplit < 0 && !right && sep.len() == 1 {
                // Hot path (`line.split(";")`): a one-byte separator is an
                // ASCII char, found with memchr; pieces of an ASCII text
                // are ASCII.
                let c = sep.as_bytes()[0];
                let make: fn(&str) -> Value = if s.is_ascii() { Value::ascii_str } else { Value::str };
                let mut start = 0;
                for (i, &b) in text.as_bytes().iter().enumerate() {
                    if b == c {
                        parts.push(make(&text[start..i]));
                        start = i + 1;
                    }
                }
                parts.push(make(&text[start..]));
            } else if maxsplit < 0 {
                if right {
                    parts = text.rsplit(sep).map(Value::str).collect();
                    parts.reverse();
                } else {
                    parts = text.split(sep).map(Value::str).collect();
                }
            } else {
                let n = (maxsplit as usize).saturating_add(1);
                if right {
                    parts = text.rsplitn(n, sep).map(Value::str).collect();
                    parts.reverse();
                } else {
                    parts = text.splitn(n, sep).map(Value::str).collect();
                }
            }
        }
    }
    Ok(Value::list(parts))
}

fn split(vm: &mut Vm, args: Args) -> PyResult<Value> {
    split_impl(vm, args, false)
}

fn rsplit(vm: &mut Vm, args: Args) -> PyResult<Value> {
    split_impl(vm, args, true)
}

/// Python's line boundaries (`str.splitlines`).
pub fn is_line_break(c: char) -> bool {
    matches!(c, '\n' | '\r' | '\x0b' | '\x0c' | '\x1c' | '\x1d' | '\x1e' | '\u{85}' | '\u{2028}' | '\u{2029}')
}

fn splitlines(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let s = this_str(vm, &args)?;
    let rest = args.rest();
    kw_counts(&rest, "splitlines", 1, &["keepends"])?;
    let keep = match rest.arg(0, "keepends") {
        Some(v) => vm.truthy(v)?,
        None => false,
    };
    let text = s.as_str();
    let mut out = Vec::new();
    let mut start = 0;
    let mut it = text.char_indices().peekable();
    while let Some((pos, c)) = it.next() {
        if is_line_break(c) {
            let mut end = pos + c.len_utf8();
            if c == '\r' {
                if let Some((_, '\n')) = it.peek() {
                    it.next();
                    end += 1;
                }
            }
            out.push(Value::str(if keep { &text[start..end] } else { &text[start..pos] }));
            start = end;
        }
    }
    if start < text.len() {
        out.push(Value::str(&text[start..]));
    }
    Ok(Value::list(out))
}

/// Which ends `strip` works on.
#[derive(Clone, Copy, PartialEq)]
enum Ends {
    Both,
    Left,
    Right,
}

fn strip_impl(vm: &mut Vm, args: Args, ends: Ends, name: &str) -> PyResult<Value> {
    let s = this_str(vm, &args)?;
    let rest = args.rest();
    if rest.has_kwargs() {
        return Err(PyErr::type_error(format!("str.{}() takes no keyword arguments", name)));
    }
    if rest.len() > 1 {
        return Err(PyErr::type_error(format!("{} expected at most 1 argument, got {}", name, rest.len())));
    }
    let t = s.as_str();
    let r = match rest.get(0) {
        None | Some(Value::None) => match ends {
            Ends::Both => t.trim_matches(ustr::is_space),
            Ends::Left => t.trim_start_matches(ustr::is_space),
            Ends::Right => t.trim_end_matches(ustr::is_space),
        },
        Some(v) => {
            let cs = as_text(vm, v).ok_or_else(|| PyErr::type_error(format!("{} arg must be None or str", name)))?;
            if cs.is_ascii() {
                // An ASCII set of characters (`token.strip(",.;:!?")`): a
                // 128-bit mask, no allocation.
                let mask = cs.bytes().fold(0u128, |m, b| m | 1 << b);
                let f = |c: char| (c as u32) < 128 && mask >> (c as u32) & 1 != 0;
                let r = match ends {
                    Ends::Both => t.trim_matches(f),
                    Ends::Left => t.trim_start_matches(f),
                    Ends::Right => t.trim_end_matches(f),
                };
                if r.len() == t.len() {
                    return Ok(Value::Str(s));
                }
                return Ok(if s.is_ascii() { Value::ascii_str(r) } else { Value::str(r) });
            }
            let cs: Vec<char> = cs.chars().collect();
            let f = |c: char| cs.contains(&c);
            match ends {
                Ends::Both => t.trim_matches(f),
                Ends::Left => t.trim_start_matches(f),
                Ends::Right => t.trim_end_matches(f),
            }
        }
    };
    if r.len() == t.len() {
        return Ok(Value::Str(s));
    }
    Ok(Value::str(r))
}

fn strip(vm: &mut Vm, args: Args) -> PyResult<Value> {
    strip_impl(vm, args, Ends::Both, "strip")
}

fn lstrip(vm: &mut Vm, args: Args) -> PyResult<Value> {
    strip_impl(vm, args, Ends::Left, "lstrip")
}

fn rstrip(vm: &mut Vm, args: Args) -> PyResult<Value> {
    strip_impl(vm, args, Ends::Right, "rstrip")
}

/// A slice bound argument (`None` means the default), clamped to i64.
fn slice_bound(vm: &mut Vm, v: Option<&Value>) -> PyResult<Option<i64>> {
    match v {
        None | Some(Value::None) => Ok(None),
        Some(Value::Int(i)) => Ok(Some(*i)),
        Some(x) => match vm.index_value(x)? {
            Some(Value::Int(i)) => Ok(Some(i)),
            Some(b) => Ok(Some(if int::is_negative(&b) { i64::MIN } else { i64::MAX })),
            None => Err(PyErr::type_error("slice indices must be integers or None or have an __index__ method")),
        },
    }
}

/// CPython's `ADJUST_INDICES`: negative bounds count from the end; `end` is
/// clamped to the length, `start` may stay beyond it.
fn adjust_indices(vm: &mut Vm, len: usize, start: Option<&Value>, end: Option<&Value>) -> PyResult<(usize, usize)> {
    let n = len as i64;
    let mut a = slice_bound(vm, start)?.unwrap_or(0);
    let mut b = slice_bound(vm, end)?.unwrap_or(n);
    if b > n {
        b = n;
    } else if b < 0 {
        b = (b + n).max(0);
    }
    if a < 0 {
        a = (a + n).max(0);
    }
    Ok((a as usize, b as usize))
}

fn affix_check(vm: &mut Vm, args: Args, suffix: bool) -> PyResult<Value> {
    let name = if suffix { "endswith" } else { "startswith" };
    let s = this_str(vm, &args)?;
    let rest = args.rest();
    old_counts(&rest, name, 1, 3)?;
    let (a, b) = adjust_indices(vm, s.len(), rest.get(1), rest.get(2))?;
    let whole = a == 0 && b == s.len();
    let check = |p: &str| -> bool {
        let plen = if p.is_ascii() { p.len() } else { p.chars().count() };
        if b < plen || b - plen < a {
            return false;
        }
        if whole {
            return if suffix { s.as_str().ends_with(p) } else { s.as_str().starts_with(p) };
        }
        let sub = s.substring(a, b);
        if suffix {
            sub.ends_with(p)
        } else {
            sub.starts_with(p)
        }
    };
    let pv = &rest.pos[0];
    if let Some(p) = as_text(vm, pv) {
        return Ok(Value::Bool(check(&p)));
    }
    if let Value::Tuple(t) = pv {
        for p in t.as_slice() {
            match as_text(vm, p) {
                Some(ps) => {
                    if check(&ps) {
                        return Ok(Value::Bool(true));
                    }
                }
                None => return Err(PyErr::type_error(format!("tuple for {} must only contain str, not {}", name, vm.type_name(p)))),
            }
        }
        return Ok(Value::Bool(false));
    }
    Err(PyErr::type_error(format!("{} first arg must be str or a tuple of str, not {}", name, vm.type_name(pv))))
}

fn startswith(vm: &mut Vm, args: Args) -> PyResult<Value> {
    affix_check(vm, args, false)
}

fn endswith(vm: &mut Vm, args: Args) -> PyResult<Value> {
    affix_check(vm, args, true)
}

/// Code-point index of the byte offset `b` in `s`.
fn char_index(s: &str, b: usize) -> usize {
    if s.is_ascii() {
        b
    } else {
        s[..b].chars().count()
    }
}

fn nchars(s: &str) -> usize {
    if s.is_ascii() {
        s.len()
    } else {
        s.chars().count()
    }
}

fn find_impl(vm: &mut Vm, args: &Args, right: bool, name: &str) -> PyResult<i64> {
    let s = this_str(vm, args)?;
    let rest = args.rest();
    old_counts(&rest, name, 1, 3)?;
    let sub = str_arg(vm, &rest.pos[0])?;
    let (a, b) = adjust_indices(vm, s.len(), rest.get(1), rest.get(2))?;
    let sublen = nchars(&sub);
    if b < a || b - a < sublen {
        return Ok(-1);
    }
    if sublen == 0 {
        return Ok(if right { b } else { a } as i64);
    }
    let hay = if a == 0 && b == s.len() { s.as_str() } else { s.substring(a, b) };
    let found = if right { hay.rfind(sub.as_ref()) } else { hay.find(sub.as_ref()) };
    Ok(match found {
        Some(bi) => (a + char_index(hay, bi)) as i64,
        None => -1,
    })
}

fn find(vm: &mut Vm, args: Args) -> PyResult<Value> {
    Ok(Value::Int(find_impl(vm, &args, false, "find")?))
}

fn rfind(vm: &mut Vm, args: Args) -> PyResult<Value> {
    Ok(Value::Int(find_impl(vm, &args, true, "rfind")?))
}

fn index(vm: &mut Vm, args: Args) -> PyResult<Value> {
    match find_impl(vm, &args, false, "index")? {
        -1 => Err(PyErr::value_error("substring not found")),
        i => Ok(Value::Int(i)),
    }
}

fn rindex(vm: &mut Vm, args: Args) -> PyResult<Value> {
    match find_impl(vm, &args, true, "rindex")? {
        -1 => Err(PyErr::value_error("substring not found")),
        i => Ok(Value::Int(i)),
    }
}

fn count(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let s = this_str(vm, &args)?;
    let rest = args.rest();
    old_counts(&rest, "count", 1, 3)?;
    let sub = str_arg(vm, &rest.pos[0])?;
    let (a, b) = adjust_indices(vm, s.len(), rest.get(1), rest.get(2))?;
    let sublen = nchars(&sub);
    if b < a || b - a < sublen {
        return Ok(Value::Int(0));
    }
    if sublen == 0 {
        return Ok(Value::Int((b - a) as i64 + 1));
    }
    let hay = if a == 0 && b == s.len() { s.as_str() } else { s.substring(a, b) };
    if let [c] = sub.as_bytes() {
        // One ASCII character (`text.count("o")`): a byte count the
        // compiler vectorises (an ASCII byte never occurs inside a UTF-8
        // sequence).
        return Ok(Value::Int(hay.bytes().filter(|b| b == c).count() as i64));
    }
    Ok(Value::Int(hay.matches(sub.as_ref()).count() as i64))
}

fn replace(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let s = this_str(vm, &args)?;
    let rest = args.rest();
    if rest.has_kwargs() {
        return Err(PyErr::type_error("str.replace() takes no keyword arguments"));
    }
    rest.check_pos("replace", 2, 3)?;
    let old = as_text(vm, &rest.pos[0])
        .ok_or_else(|| PyErr::type_error(format!("replace() argument 1 must be str, not {}", clinic_name(vm, &rest.pos[0]))))?;
    let new = as_text(vm, &rest.pos[1])
        .ok_or_else(|| PyErr::type_error(format!("replace() argument 2 must be str, not {}", clinic_name(vm, &rest.pos[1]))))?;
    let n = match rest.get(2) {
        Some(v) => arg::int(vm, v)?,
        None => -1,
    };
    let text = s.as_str();
    if n == 0 || (!old.is_empty() && !text.contains(old.as_ref())) {
        return Ok(Value::Str(s));
    }
    let limit = if n < 0 { usize::MAX } else { n as usize };
    if old.is_empty() {
        // Insert before every character and at the end, up to the limit.
        let mut out = String::with_capacity(text.len() + new.len() * (s.len() + 1).min(limit));
        let mut k = 0;
        for c in text.chars() {
            if k < limit {
                out.push_str(&new);
                k += 1;
            }
            out.push(c);
        }
        if k < limit {
            out.push_str(&new);
        }
        return Ok(Value::string(out));
    }
    if n < 0 {
        return Ok(Value::string(text.replace(old.as_ref(), &new)));
    }
    Ok(Value::string(text.replacen(old.as_ref(), &new, limit)))
}

fn upper(vm: &mut Vm, args: Args) -> PyResult<Value> {
    no_args(&args, "str.upper")?;
    let s = this_str(vm, &args)?;
    Ok(Value::string(ustr::upper(s.as_str())))
}

fn lower(vm: &mut Vm, args: Args) -> PyResult<Value> {
    no_args(&args, "str.lower")?;
    let s = this_str(vm, &args)?;
    Ok(Value::string(ustr::lower(s.as_str())))
}

fn casefold(vm: &mut Vm, args: Args) -> PyResult<Value> {
    no_args(&args, "str.casefold")?;
    let s = this_str(vm, &args)?;
    let t = s.as_str();
    if t.is_ascii() {
        return Ok(Value::string(t.to_ascii_lowercase()));
    }
    let mut out = String::with_capacity(t.len());
    for c in t.chars() {
        ustr::push_casefold(&mut out, c);
    }
    Ok(Value::string(out))
}

/// Lowercases `chars[i]` into `out`, with the final-sigma rule.
fn push_lower_at(out: &mut String, chars: &[char], i: usize) {
    let c = chars[i];
    if c == '\u{3a3}' {
        out.push(ustr::final_sigma(chars, i));
    } else {
        ustr::push_lower(out, c);
    }
}

fn title(vm: &mut Vm, args: Args) -> PyResult<Value> {
    no_args(&args, "str.title")?;
    let s = this_str(vm, &args)?;
    let t = s.as_str();
    let mut out = String::with_capacity(t.len());
    let mut prev_cased = false;
    if t.is_ascii() {
        for c in t.chars() {
            out.push(if prev_cased { c.to_ascii_lowercase() } else { c.to_ascii_uppercase() });
            prev_cased = c.is_ascii_alphabetic();
        }
        return Ok(Value::string(out));
    }
    let chars: Vec<char> = t.chars().collect();
    for i in 0..chars.len() {
        let c = chars[i];
        if prev_cased {
            push_lower_at(&mut out, &chars, i);
        } else {
            ustr::push_title(&mut out, c);
        }
        prev_cased = ustr::is_cased(c);
    }
    Ok(Value::string(out))
}

fn capitalize(vm: &mut Vm, args: Args) -> PyResult<Value> {
    no_args(&args, "str.capitalize")?;
    let s = this_str(vm, &args)?;
    let chars: Vec<char> = s.as_str().chars().collect();
    let mut out = String::with_capacity(s.as_str().len());
    if let Some(&c) = chars.first() {
        ustr::push_title(&mut out, c);
        for i in 1..chars.len() {
            push_lower_at(&mut out, &chars, i);
        }
    }
    Ok(Value::string(out))
}

fn swapcase(vm: &mut Vm, args: Args) -> PyResult<Value> {
    no_args(&args, "str.swapcase")?;
    let s = this_str(vm, &args)?;
    let chars: Vec<char> = s.as_str().chars().collect();
    let mut out = String::with_capacity(s.as_str().len());
    for i in 0..chars.len() {
        let c = chars[i];
        if ustr::is_upper(c) {
            push_lower_at(&mut out, &chars, i);
        } else if ustr::is_lower(c) {
            ustr::push_upper(&mut out, c);
        } else {
            out.push(c);
        }
    }
    Ok(Value::string(out))
}

fn pred(vm: &mut Vm, args: Args, name: &str, f: impl Fn(char) -> bool) -> PyResult<Value> {
    no_args(&args, name)?;
    let s = this_str(vm, &args)?;
    Ok(Value::Bool(!s.is_empty() && s.as_str().chars().all(f)))
}

fn isdigit(vm: &mut Vm, args: Args) -> PyResult<Value> {
    pred(vm, args, "str.isdigit", ustr::is_digit)
}

fn isdecimal(vm: &mut Vm, args: Args) -> PyResult<Value> {
    pred(vm, args, "str.isdecimal", ustr::is_decimal)
}

fn isnumeric(vm: &mut Vm, args: Args) -> PyResult<Value> {
    pred(vm, args, "str.isnumeric", ustr::is_numeric)
}

fn isalpha(vm: &mut Vm, args: Args) -> PyResult<Value> {
    pred(vm, args, "str.isalpha", ustr::is_alpha)
}

fn isalnum(vm: &mut Vm, args: Args) -> PyResult<Value> {
    pred(vm, args, "str.isalnum", ustr::is_alnum)
}

fn isspace(vm: &mut Vm, args: Args) -> PyResult<Value> {
    pred(vm, args, "str.isspace", ustr::is_space)
}

fn isascii(vm: &mut Vm, args: Args) -> PyResult<Value> {
    no_args(&args, "str.isascii")?;
    let s = this_str(vm, &args)?;
    Ok(Value::Bool(s.is_ascii()))
}

fn isprintable(vm: &mut Vm, args: Args) -> PyResult<Value> {
    no_args(&args, "str.isprintable")?;
    let s = this_str(vm, &args)?;
    Ok(Value::Bool(s.as_str().chars().all(ustr::is_printable)))
}

fn isupper(vm: &mut Vm, args: Args) -> PyResult<Value> {
    no_args(&args, "str.isupper")?;
    let s = this_str(vm, &args)?;
    let mut cased = false;
    for c in s.as_str().chars() {
        if ustr::is_lower(c) || ustr::is_titlecase(c) {
            return Ok(Value::Bool(false));
        }
        if ustr::is_upper(c) {
            cased = true;
        }
    }
    Ok(Value::Bool(cased))
}

fn islower(vm: &mut Vm, args: Args) -> PyResult<Value> {
    no_args(&args, "str.islower")?;
    let s = this_str(vm, &args)?;
    let mut cased = false;
    for c in s.as_str().chars() {
        if ustr::is_upper(c) || ustr::is_titlecase(c) {
            return Ok(Value::Bool(false));
        }
        if ustr::is_lower(c) {
            cased = true;
        }
    }
    Ok(Value::Bool(cased))
}

fn istitle(vm: &mut Vm, args: Args) -> PyResult<Value> {
    no_args(&args, "str.istitle")?;
    let s = this_str(vm, &args)?;
    let mut prev_cased = false;
    let mut cased = false;
    for c in s.as_str().chars() {
        if ustr::is_upper(c) || ustr::is_titlecase(c) {
            if prev_cased {
                return Ok(Value::Bool(false));
            }
            prev_cased = true;
            cased = true;
        } else if ustr::is_lower(c) {
            if !prev_cased {
                return Ok(Value::Bool(false));
            }
            prev_cased = true;
            cased = true;
        } else {
            prev_cased = false;
        }
    }
    Ok(Value::Bool(cased))
}

/// `str.isidentifier()`.
pub fn is_identifier(t: &str) -> bool {
    let mut chars = t.chars();
    match chars.next() {
        Some(c) if c == '_' || ustr::is_xid_start(c) => chars.all(ustr::is_xid_continue),
        _ => false,
    }
}

fn isidentifier(vm: &mut Vm, args: Args) -> PyResult<Value> {
    no_args(&args, "str.isidentifier")?;
    let s = this_str(vm, &args)?;
    Ok(Value::Bool(is_identifier(s.as_str())))
}

fn fill_arg(vm: &mut Vm, args: &Args, name: &str) -> PyResult<(usize, char)> {
    let rest = args.rest();
    if rest.has_kwargs() {
        return Err(PyErr::type_error(format!("str.{}() takes no keyword arguments", name)));
    }
    rest.check_pos(name, 1, 2)?;
    let width = arg::int(vm, &rest.pos[0])?.max(0) as usize;
    if width > MAX_LEN {
        return Err(PyErr::new(ExcKind::MemoryError, ""));
    }
    let fill = match rest.get(1) {
        None => ' ',
        Some(v) => match as_text(vm, v) {
            Some(f) => {
                let mut it = f.chars();
                match (it.next(), it.next()) {
                    (Some(c), None) => c,
                    _ => return Err(PyErr::type_error("The fill character must be exactly one character long")),
                }
            }
            None => return Err(PyErr::type_error(format!("The fill character must be a unicode character, not {}", vm.type_name(v)))),
        },
    };
    Ok((width, fill))
}

fn padded(s: &str, left: usize, right: usize, fill: char) -> String {
    let mut out = String::with_capacity(s.len() + (left + right) * fill.len_utf8());
    out.extend(std::iter::repeat_n(fill, left));
    out.push_str(s);
    out.extend(std::iter::repeat_n(fill, right));
    out
}

fn center(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let s = this_str(vm, &args)?;
    let (width, fill) = fill_arg(vm, &args, "center")?;
    let n = s.len();
    if width <= n {
        return Ok(Value::Str(s));
    }
    let marg = width - n;
    let left = marg / 2 + (marg & width & 1);
    Ok(Value::string(padded(s.as_str(), left, marg - left, fill)))
}

fn ljust(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let s = this_str(vm, &args)?;
    let (width, fill) = fill_arg(vm, &args, "ljust")?;
    let n = s.len();
    if width <= n {
        return Ok(Value::Str(s));
    }
    Ok(Value::string(padded(s.as_str(), 0, width - n, fill)))
}

fn rjust(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let s = this_str(vm, &args)?;
    let (width, fill) = fill_arg(vm, &args, "rjust")?;
    let n = s.len();
    if width <= n {
        return Ok(Value::Str(s));
    }
    Ok(Value::string(padded(s.as_str(), width - n, 0, fill)))
}

fn zfill(vm: &mut Vm, args: Args) -> PyResult<Value> {
    one_arg(&args, "str.zfill")?;
    let s = this_str(vm, &args)?;
    let width = arg::int(vm, &args.pos[1])?.max(0) as usize;
    if width > MAX_LEN {
        return Err(PyErr::new(ExcKind::MemoryError, ""));
    }
    let n = s.len();
    if width <= n {
        return Ok(Value::Str(s));
    }
    let t = s.as_str();
    let (sign, body) = match t.as_bytes().first() {
        Some(b'+') => ("+", &t[1..]),
        Some(b'-') => ("-", &t[1..]),
        _ => ("", t),
    };
    Ok(Value::string(format!("{}{}{}", sign, "0".repeat(width - n), body)))
}

fn partition_impl(vm: &mut Vm, args: Args, right: bool) -> PyResult<Value> {
    one_arg(&args, if right { "str.rpartition" } else { "str.partition" })?;
    let s = this_str(vm, &args)?;
    let sep = str_arg(vm, &args.pos[1])?;
    if sep.is_empty() {
        return Err(PyErr::value_error("empty separator"));
    }
    let t = s.as_str();
    let found = if right { t.rfind(sep.as_ref()) } else { t.find(sep.as_ref()) };
    Ok(match found {
        Some(i) => Value::tuple(vec![Value::str(&t[..i]), args.pos[1].clone(), Value::str(&t[i + sep.len()..])]),
        None => {
            if right {
                Value::tuple(vec![Value::str(""), Value::str(""), Value::Str(s.clone())])
            } else {
                Value::tuple(vec![Value::Str(s.clone()), Value::str(""), Value::str("")])
            }
        }
    })
}

fn partition(vm: &mut Vm, args: Args) -> PyResult<Value> {
    partition_impl(vm, args, false)
}

fn rpartition(vm: &mut Vm, args: Args) -> PyResult<Value> {
    partition_impl(vm, args, true)
}

/// An optional str argument of a codec call (`encoding`, `errors`).
pub fn codec_arg<'a>(vm: &Vm, v: Option<&'a Value>, fname: &str, pname: &str, default: &'a str) -> PyResult<&'a str> {
    match v {
        None => Ok(default),
        Some(Value::Str(s)) => Ok(s.as_str()),
        Some(v) => Err(PyErr::type_error(format!("{}() argument '{}' must be str, not {}", fname, pname, clinic_name(vm, v)))),
    }
}

fn encode(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let s = this_str(vm, &args)?;
    let rest = args.rest();
    kw_counts(&rest, "encode", 2, &["encoding", "errors"])?;
    let enc = codec_arg(vm, rest.arg(0, "encoding"), "encode", "encoding", "utf-8")?;
    let errors = codec_arg(vm, rest.arg(1, "errors"), "encode", "errors", "strict")?;
    let data = super::codecs::encode(vm, s.as_str(), s.has_surrogates(), enc, errors)?;
    Ok(super::new_bytes(data))
}

fn expandtabs(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let s = this_str(vm, &args)?;
    let rest = args.rest();
    kw_counts(&rest, "expandtabs", 1, &["tabsize"])?;
    let size = match rest.arg(0, "tabsize") {
        Some(v) => arg::int(vm, v)?,
        None => 8,
    };
    let t = s.as_str();
    if !t.contains('\t') {
        return Ok(Value::Str(s));
    }
    let mut out = String::with_capacity(t.len() + 16);
    let mut col = 0i64;
    for c in t.chars() {
        match c {
            '\t' => {
                if size > 0 {
                    let n = size - (col % size);
                    if col as u64 + n as u64 > MAX_LEN as u64 {
                        return Err(PyErr::overflow("new string is too long"));
                    }
                    out.extend(std::iter::repeat_n(' ', n as usize));
                    col += n;
                }
            }
            '\n' | '\r' => {
                out.push(c);
                col = 0;
            }
            _ => {
                out.push(c);
                col += 1;
            }
        }
    }
    Ok(Value::string(out))
}

fn translate(vm: &mut Vm, args: Args) -> PyResult<Value> {
    one_arg(&args, "str.translate")?;
    let s = this_str(vm, &args)?;
    let table = args.pos[1].clone();
    let mut out = String::with_capacity(s.as_str().len());
    let mut surrogates = s.has_surrogates();
    // Translations of the characters seen so far (tables are usually small).
    let mut cache: Vec<(char, Option<Value>)> = Vec::new();
    for c in s.as_str().chars() {
        let r = match cache.iter().find(|(k, _)| *k == c) {
            Some((_, r)) => r.clone(),
            None => {
                let r = match vm.get_item(&table, &Value::Int(s.code_point(c) as i64)) {
                    Ok(v) => Some(v),
                    Err(e) if vm.err_is(&e, ExcKind::LookupError) => None,
                    Err(e) => return Err(e),
                };
                if cache.len() < 64 {
                    cache.push((c, r.clone()));
                }
                r
            }
        };
        match r {
            None => out.push(c),
            Some(Value::None) => {}
            Some(Value::Int(i)) => match u32::try_from(i).ok().and_then(ustr::char_of) {
                Some(ch) => {
                    surrogates |= ustr::is_surrogate(i as u32);
                    out.push(ch)
                }
                None => return Err(PyErr::value_error("character mapping must be in range(0x110000)")),
            },
            Some(Value::Str(t)) => {
                surrogates |= t.has_surrogates();
                out.push_str(t.as_str())
            }
            Some(other) => match vm.unwrap_builtin(&other).as_ref() {
                Value::Str(t) => out.push_str(t.as_str()),
                Value::Int(i) => match u32::try_from(*i).ok().and_then(ustr::char_of) {
                    Some(ch) => out.push(ch),
                    None => return Err(PyErr::value_error("character mapping must be in range(0x110000)")),
                },
                Value::BigInt(_) => return Err(PyErr::value_error("character mapping must be in range(0x110000)")),
                _ => return Err(PyErr::type_error("character mapping must return integer, None or str")),
            },
        }
    }
    Ok(ustr::str_value(out, surrogates))
}

fn maketrans(vm: &mut Vm, args: Args) -> PyResult<Value> {
    if args.has_kwargs() {
        return Err(PyErr::type_error("str.maketrans() takes no keyword arguments"));
    }
    args.check_pos("maketrans", 1, 3)?;
    let d = DictObj::new();
    if args.len() == 1 {
        let src = match vm.unwrap_builtin(&args.pos[0]).as_ref() {
            Value::Dict(src) => src.clone(),
            _ => return Err(PyErr::type_error("if you give only one argument to maketrans it must be a dict")),
        };
        for (k, v) in src.items() {
            let key = match vm.unwrap_builtin(&k).as_ref() {
                Value::Str(s) if s.len() == 1 => Value::Int(s.code_point(s.char_at(0)) as i64),
                Value::Str(_) => return Err(PyErr::value_error("string keys in translate table must be of length 1")),
                Value::Int(_) | Value::BigInt(_) | Value::Bool(_) => k.clone(),
                _ => return Err(PyErr::type_error("keys in translate table must be strings or integers")),
            };
            vm.dict_set(&d, key, v)?;
        }
        return Ok(Value::Dict(d));
    }
    let text = |vm: &Vm, i: usize| -> PyResult<(Vec<char>, bool)> {
        let v = &args.pos[i];
        match vm.unwrap_builtin(v).as_ref() {
            Value::Str(t) => Ok((t.as_str().chars().collect(), t.has_surrogates())),
            _ => Err(PyErr::type_error(format!("maketrans() argument {} must be str, not {}", i + 1, clinic_name(vm, v)))),
        }
    };
    let (a, sa) = text(vm, 0)?;
    let (b, sb) = text(vm, 1)?;
    if a.len() != b.len() {
        return Err(PyErr::value_error("the first two maketrans arguments must have equal length"));
    }
    let (z, sz) = if args.len() == 3 {
        let (z, sz) = text(vm, 2)?;
        (Some(z), sz)
    } else {
        (None, false)
    };
    for (x, y) in a.iter().zip(b.iter()) {
        vm.dict_set(&d, Value::Int(ustr::code_point(*x, sa) as i64), Value::Int(ustr::code_point(*y, sb) as i64))?;
    }
    if let Some(z) = z {
        for c in z {
            vm.dict_set(&d, Value::Int(ustr::code_point(c, sz) as i64), Value::None)?;
        }
    }
    Ok(Value::Dict(d))
}

fn removeprefix(vm: &mut Vm, args: Args) -> PyResult<Value> {
    one_arg(&args, "str.removeprefix")?;
    let s = this_str(vm, &args)?;
    let p = as_text(vm, &args.pos[1])
        .ok_or_else(|| PyErr::type_error(format!("removeprefix() argument must be str, not {}", clinic_name(vm, &args.pos[1]))))?;
    match s.as_str().strip_prefix(p.as_ref()) {
        Some(r) if !p.is_empty() => Ok(Value::str(r)),
        _ => Ok(Value::Str(s.clone())),
    }
}

fn removesuffix(vm: &mut Vm, args: Args) -> PyResult<Value> {
    one_arg(&args, "str.removesuffix")?;
    let s = this_str(vm, &args)?;
    let p = as_text(vm, &args.pos[1])
        .ok_or_else(|| PyErr::type_error(format!("removesuffix() argument must be str, not {}", clinic_name(vm, &args.pos[1]))))?;
    match s.as_str().strip_suffix(p.as_ref()) {
        Some(r) if !p.is_empty() => Ok(Value::str(r)),
        _ => Ok(Value::Str(s.clone())),
    }
}

fn str_len(vm: &mut Vm, args: Args) -> PyResult<Value> {
    Ok(Value::Int(this_str(vm, &args)?.len() as i64))
}

fn str_contains(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let s = Value::Str(this_str(vm, &args)?);
    let x = args.get(1).cloned().unwrap_or(Value::None);
    Ok(Value::Bool(vm.contains(&s, &x)?))
}

fn str_getitem(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let s = Value::Str(this_str(vm, &args)?);
    let k = args.get(1).cloned().unwrap_or(Value::None);
    vm.get_item(&s, &k)
}

fn str_iter(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let s = Value::Str(this_str(vm, &args)?);
    vm.get_iter(&s)
}

fn str_getnewargs(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let s = Value::str(this_str(vm, &args)?.as_str());
    Ok(Value::tuple(vec![s]))
}

// ----- str.format -----

fn format(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let s = this_str(vm, &args)?;
    let rest = args.rest();
    let kw = if rest.kwnames.is_empty() {
        None
    } else {
        let kw = DictObj::new();
        for (k, v) in rest.kwnames.iter().zip(rest.kwvals.iter()) {
            kw.set_str(k.as_str().unwrap_or(""), v.clone());
        }
        Some(Value::Dict(kw))
    };
    let mut auto = AutoNumber::default();
    format_string(vm, s.as_str(), Some(rest.pos), kw.as_ref(), &mut auto, 2).map(Value::string)
}

fn format_map(vm: &mut Vm, args: Args) -> PyResult<Value> {
    one_arg(&args, "str.format_map")?;
    let s = this_str(vm, &args)?;
    let mapping = args.pos[1].clone();
    let mut auto = AutoNumber::default();
    format_string(vm, s.as_str(), None, Some(&mapping), &mut auto, 2).map(Value::string)
}

/// Automatic (`{}`) versus manual (`{0}`) field numbering state.
#[derive(Default)]
pub struct AutoNumber {
    /// 0: not decided yet, 1: automatic, 2: manual.
    state: u8,
    next: usize,
}

/// One replacement field: `{name!conv:spec}`.
struct Field<'a> {
    name: &'a str,
    conv: Option<char>,
    spec: &'a str,
    spec_has_braces: bool,
}

/// Parses the field after an opening brace; returns it and the index just
/// past its closing brace.
fn parse_field<'a>(chars: &[(usize, char)], text: &'a str, mut i: usize) -> PyResult<(Field<'a>, usize)> {
    let name_start = chars.get(i).map_or(text.len(), |p| p.0);
    let mut c = '\0';
    while i < chars.len() {
        c = chars[i].1;
        i += 1;
        match c {
            '{' => return Err(PyErr::value_error("unexpected '{' in field name")),
            '[' => {
                while i < chars.len() && chars[i].1 != ']' {
                    i += 1;
                }
                c = '\0';
                continue;
            }
            '}' | ':' | '!' => break,
            _ => {
                c = '\0';
                continue;
            }
        }
    }
    let byte_at = |k: usize| chars.get(k).map_or(text.len(), |p| p.0);
    if c != '!' && c != ':' {
        if c != '}' {
            return Err(PyErr::value_error("expected '}' before end of string"));
        }
        let name = &text[name_start..byte_at(i - 1)];
        return Ok((Field { name, conv: None, spec: "", spec_has_braces: false }, i));
    }
    let name = &text[name_start..byte_at(i - 1)];
    let mut conv = None;
    if c == '!' {
        if i >= chars.len() {
            return Err(PyErr::value_error("end of string while looking for conversion specifier"));
        }
        conv = Some(chars[i].1);
        i += 1;
        if i < chars.len() {
            let c2 = chars[i].1;
            i += 1;
            if c2 == '}' {
                return Ok((Field { name, conv, spec: "", spec_has_braces: false }, i));
            }
            if c2 != ':' {
                return Err(PyErr::value_error("expected ':' after conversion specifier"));
            }
        }
    }
    let spec_start = byte_at(i);
    let mut depth = 1;
    let mut braces = false;
    while i < chars.len() {
        let c = chars[i].1;
        i += 1;
        match c {
            '{' => {
                braces = true;
                depth += 1;
            }
            '}' => {
                depth -= 1;
                if depth == 0 {
                    let spec = &text[spec_start..byte_at(i - 1)];
                    return Ok((Field { name, conv, spec, spec_has_braces: braces }, i));
                }
            }
            _ => {}
        }
    }
    Err(PyErr::value_error("unmatched '{' in format spec"))
}

/// Expands `{...}` fields (`str.format`, `str.format_map`). `pos` is
/// `None` for `format_map`, which has no positional arguments.
pub fn format_string(
    vm: &mut Vm,
    fmt: &str,
    pos: Option<&[Value]>,
    kw: Option<&Value>,
    auto: &mut AutoNumber,
    depth: u32,
) -> PyResult<String> {
    if depth == 0 {
        return Err(PyErr::value_error("Max string recursion exceeded"));
    }
    if !fmt.contains(['{', '}']) {
        return Ok(fmt.to_string());
    }
    let chars: Vec<(usize, char)> = fmt.char_indices().collect();
    let mut out = String::with_capacity(fmt.len() + 16);
    let mut i = 0;
    while i < chars.len() {
        let (b, c) = chars[i];
        i += 1;
        match c {
            '{' | '}' => {
                let next = chars.get(i).map(|p| p.1);
                if next == Some(c) {
                    out.push(c);
                    i += 1;
                    continue;
                }
                if c == '}' {
                    return Err(PyErr::value_error("Single '}' encountered in format string"));
                }
                if next.is_none() {
                    return Err(PyErr::value_error("Single '{' encountered in format string"));
                }
                let (field, after) = parse_field(&chars, fmt, i)?;
                i = after;
                let value = get_field_object(vm, field.name, pos, kw, auto)?;
                let value = match field.conv {
                    None => value,
                    Some('r') => vm.repr(&value)?,
                    Some('s') => vm.str_value(&value)?,
                    Some('a') => {
                        let r = vm.repr_str_of(&value)?;
                        Value::string(crate::vm::repr::ascii_str_of_repr(&r))
                    }
                    Some(c) if (c as u32) > 32 && (c as u32) < 127 => {
                        return Err(PyErr::value_error(format!("Unknown conversion specifier {}", c)))
                    }
                    Some(c) => return Err(PyErr::value_error(format!("Unknown conversion specifier \\x{:x}", c as u32))),
                };
                if field.spec_has_braces {
                    let spec = format_string(vm, field.spec, pos, kw, auto, depth - 1)?;
                    out.push_str(&vm.format(&value, &spec)?);
                } else if let (Value::Str(s), "") = (&value, field.spec) {
                    out.push_str(s.as_str());
                } else if let Some(Value::Str(s)) = crate::vm::format::format_spec_fast(&value, field.spec) {
                    out.push_str(s.as_str());
                } else {
                    out.push_str(&vm.format(&value, field.spec)?);
                }
            }
            _ => {
                // Copy the run of literal text up to the next brace.
                let end = fmt[b..].find(['{', '}']).map_or(fmt.len(), |k| b + k);
                out.push_str(&fmt[b..end]);
                while i < chars.len() && chars[i].0 < end {
                    i += 1;
                }
            }
        }
    }
    Ok(out)
}

/// CPython's `get_integer`: a non-negative decimal (Unicode digits allowed), or None.
fn field_integer(s: &str) -> PyResult<Option<usize>> {
    if s.is_empty() {
        return Ok(None);
    }
    let mut acc: usize = 0;
    for c in s.chars() {
        let Some(d) = ustr::decimal_value(c) else {
            return Ok(None);
        };
        acc = match acc.checked_mul(10).and_then(|a| a.checked_add(d as usize)).filter(|a| *a <= isize::MAX as usize) {
            Some(a) => a,
            None => return Err(PyErr::value_error("Too many decimal digits in format string")),
        };
    }
    Ok(Some(acc))
}

fn get_field_object(vm: &mut Vm, name: &str, pos: Option<&[Value]>, kw: Option<&Value>, auto: &mut AutoNumber) -> PyResult<Value> {
    // The first component up to '.' or '['.
    let end = name.find(['.', '[']).unwrap_or(name.len());
    let first = &name[..end];
    let mut index = field_integer(first)?;
    let empty = first.is_empty();
    if empty || index.is_some() {
        if auto.state == 0 {
            auto.state = if empty { 1 } else { 2 };
        }
        if auto.state == 2 && empty {
            return Err(PyErr::value_error("cannot switch from manual field specification to automatic field numbering"));
        }
        if auto.state == 1 && !empty {
            return Err(PyErr::value_error("cannot switch from automatic field numbering to manual field specification"));
        }
        if empty {
            index = Some(auto.next);
            auto.next += 1;
        }
    }
    let mut value = match index {
        None => match kw {
            Some(m) => vm.get_item(m, &Value::str(first))?,
            None => return Err(PyErr::key_error(Value::str(first))),
        },
        Some(k) => match pos {
            None => return Err(PyErr::value_error("Format string contains positional fields")),
            Some(p) => p
                .get(k)
                .cloned()
                .ok_or_else(|| PyErr::index_error(format!("Replacement index {} out of range for positional args tuple", k)))?,
        },
    };
    // Attribute and index accessors.
    let mut rest = &name[end..];
    while !rest.is_empty() {
        if let Some(r) = rest.strip_prefix('.') {
            let e = r.find(['.', '[']).unwrap_or(r.len());
            if e == 0 {
                return Err(PyErr::value_error("Empty attribute in format string"));
            }
            value = vm.get_attr(&value, &r[..e])?;
            rest = &r[e..];
        } else if let Some(r) = rest.strip_prefix('[') {
            let e = r.find(']').ok_or_else(|| PyErr::value_error("Missing ']' in format string"))?;
            let key = &r[..e];
            if key.is_empty() {
                return Err(PyErr::value_error("Empty attribute in format string"));
            }
            let k = match field_integer(key)? {
                Some(n) => Value::Int(n as i64),
                None => Value::str(key),
            };
            value = vm.get_item(&value, &k)?;
            rest = &r[e + 1..];
        } else {
            return Err(PyErr::value_error("Only '.' or '[' may follow ']' in format field specifier"));
        }
    }
    Ok(value)
}
