//! `str` (and `str.format`) and `bytes`/`bytearray` methods.

use super::arg;
use crate::bytecode::BinOp;
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
        ("casefold", lower),
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
    super::types_seq::init_bytes(vm);
}

/// The str value of the receiver (unwrapping str subclasses).
fn this_str(vm: &Vm, args: &Args) -> PyResult<PyRef<StrObj>> {
    match args.pos.first().map(|v| vm.unwrap_builtin(v).into_owned()) {
        Some(Value::Str(s)) => Ok(s),
        Some(v) => Err(PyErr::type_error(format!("descriptor requires a 'str' object but received a '{}'", vm.type_name(&v)))),
        None => Err(PyErr::type_error("descriptor needs an argument")),
    }
}

fn str_arg<'a>(vm: &Vm, v: &'a Value, fname: &str) -> PyResult<std::borrow::Cow<'a, str>> {
    match v {
        Value::Str(s) => Ok(std::borrow::Cow::Borrowed(s.as_str())),
        Value::Instance(_) => match vm.unwrap_builtin(v).as_ref() {
            Value::Str(s) => Ok(std::borrow::Cow::Owned(s.as_str().to_string())),
            _ => Err(PyErr::type_error(format!("{} arg must be None or str", fname))),
        },
        _ => Err(PyErr::type_error(format!("must be str, not {}", vm.type_name(v)))),
    }
}

pub fn str_ctor(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.allow_kwargs("str", &["object", "encoding", "errors"])?;
    let Some(x) = args.arg(0, "object") else { return Ok(Value::str("")) };
    if args.len() > 1 || args.kw("encoding").is_some() || args.kw("errors").is_some() {
        let data: Vec<u8> = match x {
            Value::Bytes(b) => b.data.to_vec(),
            Value::ByteArray(b) => b.data.borrow().clone(),
            _ => return Err(PyErr::type_error(format!("decoding str is not supported"))),
        };
        let enc = args.arg(1, "encoding").and_then(|v| v.as_str()).unwrap_or("utf-8").to_string();
        let errors = args.arg(2, "errors").and_then(|v| v.as_str()).unwrap_or("strict").to_string();
        return decode_bytes(&data, &enc, &errors);
    }
    vm.str_value(x)
}

/// `bytes.decode(encoding, errors)`.
pub fn decode_bytes(data: &[u8], encoding: &str, errors: &str) -> PyResult<Value> {
    let enc = encoding.to_ascii_lowercase().replace('_', "-");
    match enc.as_str() {
        "utf-8" | "utf8" => match std::str::from_utf8(data) {
            Ok(s) => Ok(Value::str(s)),
            Err(e) => {
                if errors == "strict" {
                    let pos = e.valid_up_to();
                    return Err(PyErr::new(
                        ExcKind::UnicodeDecodeError,
                        format!(
                            "'utf-8' codec can't decode byte 0x{:02x} in position {}: {}",
                            data[pos],
                            pos,
                            if e.error_len().is_none() { "unexpected end of data" } else { "invalid start byte" }
                        ),
                    ));
                }
                let s = String::from_utf8_lossy(data).into_owned();
                Ok(Value::string(if errors == "ignore" { s.replace('\u{fffd}', "") } else { s }))
            }
        },
        "ascii" | "us-ascii" => {
            let mut out = String::new();
            for (i, &b) in data.iter().enumerate() {
                if b < 0x80 {
                    out.push(b as char);
                } else if errors == "strict" {
                    return Err(PyErr::new(
                        ExcKind::UnicodeDecodeError,
                        format!("'ascii' codec can't decode byte 0x{:02x} in position {}: ordinal not in range(128)", b, i),
                    ));
                } else if errors == "replace" {
                    out.push('\u{fffd}');
                }
            }
            Ok(Value::string(out))
        }
        "latin-1" | "latin1" | "iso-8859-1" | "iso8859-1" => Ok(Value::string(data.iter().map(|&b| b as char).collect())),
        _ => Err(PyErr::new(ExcKind::LookupError, format!("unknown encoding: {}", encoding))),
    }
}

/// `str.encode(encoding, errors)`.
pub fn encode_str(s: &str, encoding: &str, errors: &str) -> PyResult<Vec<u8>> {
    let enc = encoding.to_ascii_lowercase().replace('_', "-");
    match enc.as_str() {
        "utf-8" | "utf8" => Ok(s.as_bytes().to_vec()),
        "ascii" | "us-ascii" => {
            let mut out = Vec::new();
            for (i, c) in s.chars().enumerate() {
                if (c as u32) < 0x80 {
                    out.push(c as u8);
                } else if errors == "strict" {
                    return Err(PyErr::new(
                        ExcKind::UnicodeEncodeError,
                        format!("'ascii' codec can't encode character '\\u{:04x}' in position {}: ordinal not in range(128)", c as u32, i),
                    ));
                } else if errors == "replace" {
                    out.push(b'?');
                }
            }
            Ok(out)
        }
        "latin-1" | "latin1" | "iso-8859-1" | "iso8859-1" => {
            let mut out = Vec::new();
            for (i, c) in s.chars().enumerate() {
                if (c as u32) < 0x100 {
                    out.push(c as u32 as u8);
                } else if errors == "strict" {
                    return Err(PyErr::new(
                        ExcKind::UnicodeEncodeError,
                        format!("'latin-1' codec can't encode character '\\u{:04x}' in position {}: ordinal not in range(256)", c as u32, i),
                    ));
                } else if errors == "replace" {
                    out.push(b'?');
                }
            }
            Ok(out)
        }
        _ => Err(PyErr::new(ExcKind::LookupError, format!("unknown encoding: {}", encoding))),
    }
}

fn str_new(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let Some(Value::Class(cls)) = args.get(0) else { return Err(PyErr::type_error("str.__new__(X): X is not a type object")) };
    let cls = cls.clone();
    let v = str_ctor(vm, args.rest())?;
    Ok(super::types_num::wrap_for_class(vm, &cls, v))
}

fn join(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check("join", 2, 2)?;
    let sep = this_str(vm, &args)?;
    let items = vm.collect_iterable(&args.pos[1])?;
    let mut total = 0;
    for (i, it) in items.iter().enumerate() {
        match it {
            Value::Str(s) => total += s.as_str().len(),
            other => {
                if let Value::Str(_) = vm.unwrap_builtin(other).as_ref() {
                    continue;
                }
                return Err(PyErr::type_error(format!("sequence item {}: expected str instance, {} found", i, vm.type_name(other))));
            }
        }
    }
    let mut out = String::with_capacity(total + sep.as_str().len() * items.len());
    for (i, it) in items.iter().enumerate() {
        if i > 0 {
            out.push_str(sep.as_str());
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
    Ok(Value::string(out))
}

fn split_impl(vm: &mut Vm, args: Args, right: bool) -> PyResult<Value> {
    let s = this_str(vm, &args)?;
    let rest = args.rest();
    rest.allow_kwargs("split", &["sep", "maxsplit"])?;
    let sep = arg::opt(&rest, 0, "sep").cloned();
    let maxsplit = match rest.arg(1, "maxsplit") {
        Some(m) => arg::int(vm, m)?,
        None => -1,
    };
    let text = s.as_str();
    let mut parts: Vec<Value> = Vec::new();
    match sep {
        None => {
            // Runs of whitespace separate; leading/trailing whitespace ignored.
            if !right {
                let mut rest_s = text.trim_start_matches(py_space);
                let mut n = 0;
                while !rest_s.is_empty() {
                    if maxsplit >= 0 && n >= maxsplit {
                        parts.push(Value::str(rest_s));
                        break;
                    }
                    let end = rest_s.find(py_space).unwrap_or(rest_s.len());
                    parts.push(Value::str(&rest_s[..end]));
                    rest_s = rest_s[end..].trim_start_matches(py_space);
                    n += 1;
                }
            } else {
                let mut rest_s = text.trim_end_matches(py_space);
                let mut n = 0;
                while !rest_s.is_empty() {
                    if maxsplit >= 0 && n >= maxsplit {
                        parts.push(Value::str(rest_s));
                        break;
                    }
                    let start = rest_s.rfind(py_space).map(|i| i + rest_s[i..].chars().next().unwrap().len_utf8()).unwrap_or(0);
                    parts.push(Value::str(&rest_s[start..]));
                    rest_s = rest_s[..start].trim_end_matches(py_space);
                    n += 1;
                }
                parts.reverse();
            }
        }
        Some(sepv) => {
            let sep = str_arg(vm, &sepv, "sep")?.into_owned();
            if sep.is_empty() {
                return Err(PyErr::value_error("empty separator"));
            }
            if !right {
                if maxsplit < 0 {
                    parts = text.split(sep.as_str()).map(Value::str).collect();
                } else {
                    parts = text.splitn(maxsplit as usize + 1, sep.as_str()).map(Value::str).collect();
                }
            } else {
                if maxsplit < 0 {
                    parts = text.split(sep.as_str()).map(Value::str).collect();
                } else {
                    parts = text.rsplitn(maxsplit as usize + 1, sep.as_str()).map(Value::str).collect();
                    parts.reverse();
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

fn splitlines(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let s = this_str(vm, &args)?;
    let keep = match args.rest().arg(0, "keepends") {
        Some(v) => vm.truthy(v)?,
        None => false,
    };
    let text = s.as_str();
    let mut out = Vec::new();
    let mut start = 0;
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let mut i = 0;
    while i < chars.len() {
        let (pos, c) = chars[i];
        let is_break = matches!(c, '\n' | '\r' | '\x0b' | '\x0c' | '\x1c' | '\x1d' | '\x1e' | '\u{85}' | '\u{2028}' | '\u{2029}');
        if is_break {
            let mut end = pos + c.len_utf8();
            if c == '\r' && i + 1 < chars.len() && chars[i + 1].1 == '\n' {
                end += 1;
                i += 1;
            }
            out.push(Value::str(if keep { &text[start..end] } else { &text[start..pos] }));
            start = end;
        }
        i += 1;
    }
    if start < text.len() {
        out.push(Value::str(&text[start..]));
    }
    Ok(Value::list(out))
}

fn strip_chars(vm: &mut Vm, args: &Args) -> PyResult<Option<Vec<char>>> {
    match args.rest().arg(0, "chars") {
        None | Some(Value::None) => Ok(None),
        Some(v) => Ok(Some(str_arg(vm, v, "strip")?.chars().collect())),
    }
}

fn strip(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let s = this_str(vm, &args)?;
    Ok(match strip_chars(vm, &args)? {
        None => Value::str(s.as_str().trim_matches(py_space)),
        Some(cs) => Value::str(s.as_str().trim_matches(|c| cs.contains(&c))),
    })
}

fn lstrip(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let s = this_str(vm, &args)?;
    Ok(match strip_chars(vm, &args)? {
        None => Value::str(s.as_str().trim_start_matches(py_space)),
        Some(cs) => Value::str(s.as_str().trim_start_matches(|c| cs.contains(&c))),
    })
}

fn rstrip(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let s = this_str(vm, &args)?;
    Ok(match strip_chars(vm, &args)? {
        None => Value::str(s.as_str().trim_end_matches(py_space)),
        Some(cs) => Value::str(s.as_str().trim_end_matches(|c| cs.contains(&c))),
    })
}

/// Python's `str.isspace` characters.
pub fn py_space(c: char) -> bool {
    c.is_whitespace() || matches!(c, '\x1c'..='\x1f')
}

/// Resolves optional `start`/`end` arguments to a code-point range.
fn char_range(vm: &mut Vm, s: &StrObj, start: Option<&Value>, end: Option<&Value>) -> PyResult<(usize, usize)> {
    let n = s.len() as i64;
    let fix = |vm: &mut Vm, v: Option<&Value>, default: i64| -> PyResult<i64> {
        match v {
            None | Some(Value::None) => Ok(default),
            Some(x) => {
                let i = match x {
                    Value::Int(i) => *i,
                    other => match vm.index_value(other)? {
                        Some(Value::Int(i)) => i,
                        Some(_) => i64::MAX,
                        None => return Err(PyErr::type_error("slice indices must be integers or None or have an __index__ method")),
                    },
                };
                Ok(if i < 0 { (i + n).max(0) } else { i.min(n) })
            }
        }
    };
    let a = fix(vm, start, 0)?;
    let b = fix(vm, end, n)?;
    Ok((a as usize, b as usize))
}

fn affix_check(vm: &mut Vm, args: Args, ends: bool) -> PyResult<Value> {
    let s = this_str(vm, &args)?;
    let rest = args.rest();
    let (a, b) = char_range(vm, &s, rest.get(1), rest.get(2))?;
    if a > b {
        return Ok(Value::Bool(false));
    }
    let sub = s.substring(a, b).to_string();
    let check = |p: &str| if ends { sub.ends_with(p) } else { sub.starts_with(p) };
    match rest.get(0) {
        Some(Value::Str(p)) => Ok(Value::Bool(check(p.as_str()))),
        Some(Value::Tuple(t)) => {
            for p in t.as_slice() {
                match p {
                    Value::Str(ps) => {
                        if check(ps.as_str()) {
                            return Ok(Value::Bool(true));
                        }
                    }
                    other => {
                        return Err(PyErr::type_error(format!(
                            "tuple for {} must only contain str, not {}",
                            if ends { "endswith" } else { "startswith" },
                            vm.type_name(other)
                        )))
                    }
                }
            }
            Ok(Value::Bool(false))
        }
        Some(other) => Err(PyErr::type_error(format!(
            "{} first arg must be str or a tuple of str, not {}",
            if ends { "endswith" } else { "startswith" },
            vm.type_name(other)
        ))),
        None => Err(PyErr::type_error(format!("{}() takes at least 1 argument (0 given)", if ends { "endswith" } else { "startswith" }))),
    }
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

fn find_impl(vm: &mut Vm, args: &Args, right: bool) -> PyResult<i64> {
    let s = this_str(vm, args)?;
    let rest = args.rest();
    let sub = match rest.get(0) {
        Some(v) => str_arg(vm, v, "find")?.into_owned(),
        None => return Err(PyErr::type_error("find() takes at least 1 argument (0 given)")),
    };
    let (a, b) = char_range(vm, &s, rest.get(1), rest.get(2))?;
    if a > b || (a > s.len()) {
        return Ok(-1);
    }
    let hay = s.substring(a, b);
    let found = if right { hay.rfind(sub.as_str()) } else { hay.find(sub.as_str()) };
    Ok(match found {
        Some(bi) => (a + char_index(hay, bi)) as i64,
        None => -1,
    })
}

fn find(vm: &mut Vm, args: Args) -> PyResult<Value> {
    Ok(Value::Int(find_impl(vm, &args, false)?))
}

fn rfind(vm: &mut Vm, args: Args) -> PyResult<Value> {
    Ok(Value::Int(find_impl(vm, &args, true)?))
}

fn index(vm: &mut Vm, args: Args) -> PyResult<Value> {
    match find_impl(vm, &args, false)? {
        -1 => Err(PyErr::value_error("substring not found")),
        i => Ok(Value::Int(i)),
    }
}

fn rindex(vm: &mut Vm, args: Args) -> PyResult<Value> {
    match find_impl(vm, &args, true)? {
        -1 => Err(PyErr::value_error("substring not found")),
        i => Ok(Value::Int(i)),
    }
}

fn count(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let s = this_str(vm, &args)?;
    let rest = args.rest();
    let sub = match rest.get(0) {
        Some(v) => str_arg(vm, v, "count")?.into_owned(),
        None => return Err(PyErr::type_error("count() takes at least 1 argument (0 given)")),
    };
    let (a, b) = char_range(vm, &s, rest.get(1), rest.get(2))?;
    if a > b {
        return Ok(Value::Int(0));
    }
    let hay = s.substring(a, b);
    if sub.is_empty() {
        return Ok(Value::Int(hay.chars().count() as i64 + 1));
    }
    Ok(Value::Int(hay.matches(sub.as_str()).count() as i64))
}

fn replace(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let s = this_str(vm, &args)?;
    let rest = args.rest();
    rest.check_pos("replace", 2, 3)?;
    let old = str_arg(vm, &rest.pos[0], "replace")?.into_owned();
    let new = str_arg(vm, &rest.pos[1], "replace")?.into_owned();
    let n = match rest.get(2) {
        Some(v) => arg::int(vm, v)?,
        None => -1,
    };
    let text = s.as_str();
    if n < 0 {
        if old.is_empty() {
            // Insert between every character.
            let mut out = String::with_capacity(text.len() + new.len() * (text.len() + 1));
            out.push_str(&new);
            for c in text.chars() {
                out.push(c);
                out.push_str(&new);
            }
            return Ok(Value::string(out));
        }
        return Ok(Value::string(text.replace(old.as_str(), &new)));
    }
    if old.is_empty() {
        let mut out = String::new();
        let mut k = 0;
        if k < n {
            out.push_str(&new);
            k += 1;
        }
        for c in text.chars() {
            out.push(c);
            if k < n {
                out.push_str(&new);
                k += 1;
            }
        }
        return Ok(Value::string(out));
    }
    Ok(Value::string(text.replacen(old.as_str(), &new, n as usize)))
}

fn upper(vm: &mut Vm, args: Args) -> PyResult<Value> {
    Ok(Value::string(this_str(vm, &args)?.as_str().to_uppercase()))
}

fn lower(vm: &mut Vm, args: Args) -> PyResult<Value> {
    Ok(Value::string(this_str(vm, &args)?.as_str().to_lowercase()))
}

fn title(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let s = this_str(vm, &args)?;
    let mut out = String::new();
    let mut prev_cased = false;
    for c in s.as_str().chars() {
        if prev_cased {
            out.extend(c.to_lowercase());
        } else {
            out.extend(c.to_uppercase());
        }
        prev_cased = c.is_alphabetic() && (c.is_lowercase() || c.is_uppercase());
    }
    Ok(Value::string(out))
}

fn capitalize(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let s = this_str(vm, &args)?;
    let mut chars = s.as_str().chars();
    let mut out = String::new();
    if let Some(c) = chars.next() {
        out.extend(c.to_uppercase());
        out.push_str(&chars.as_str().to_lowercase());
    }
    Ok(Value::string(out))
}

fn swapcase(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let s = this_str(vm, &args)?;
    let mut out = String::new();
    for c in s.as_str().chars() {
        if c.is_uppercase() {
            out.extend(c.to_lowercase());
        } else if c.is_lowercase() {
            out.extend(c.to_uppercase());
        } else {
            out.push(c);
        }
    }
    Ok(Value::string(out))
}

fn pred(vm: &mut Vm, args: Args, f: impl Fn(char) -> bool) -> PyResult<Value> {
    let s = this_str(vm, &args)?;
    Ok(Value::Bool(!s.is_empty() && s.as_str().chars().all(f)))
}

fn isdigit(vm: &mut Vm, args: Args) -> PyResult<Value> {
    pred(vm, args, |c| c.is_ascii_digit() || ('\u{2070}'..='\u{2079}').contains(&c) || "²³¹".contains(c) || c.is_numeric() && c.to_digit(10).is_some())
}

fn isdecimal(vm: &mut Vm, args: Args) -> PyResult<Value> {
    pred(vm, args, |c| c.is_ascii_digit() || (c.is_numeric() && !"²³¹¼½¾".contains(c) && c.to_digit(10).is_some()))
}

fn isnumeric(vm: &mut Vm, args: Args) -> PyResult<Value> {
    pred(vm, args, |c| c.is_numeric())
}

fn isalpha(vm: &mut Vm, args: Args) -> PyResult<Value> {
    pred(vm, args, |c| c.is_alphabetic())
}

fn isalnum(vm: &mut Vm, args: Args) -> PyResult<Value> {
    pred(vm, args, |c| c.is_alphanumeric())
}

fn isspace(vm: &mut Vm, args: Args) -> PyResult<Value> {
    pred(vm, args, py_space)
}

fn isascii(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let s = this_str(vm, &args)?;
    Ok(Value::Bool(s.as_str().is_ascii()))
}

fn isprintable(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let s = this_str(vm, &args)?;
    Ok(Value::Bool(s.as_str().chars().all(crate::vm::repr::is_printable)))
}

fn isupper(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let s = this_str(vm, &args)?;
    let t = s.as_str();
    Ok(Value::Bool(t.chars().any(|c| c.is_uppercase()) && !t.chars().any(|c| c.is_lowercase())))
}

fn islower(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let s = this_str(vm, &args)?;
    let t = s.as_str();
    Ok(Value::Bool(t.chars().any(|c| c.is_lowercase()) && !t.chars().any(|c| c.is_uppercase())))
}

fn istitle(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let s = this_str(vm, &args)?;
    let mut prev_cased = false;
    let mut any = false;
    for c in s.as_str().chars() {
        if c.is_uppercase() {
            if prev_cased {
                return Ok(Value::Bool(false));
            }
            prev_cased = true;
            any = true;
        } else if c.is_lowercase() {
            if !prev_cased {
                return Ok(Value::Bool(false));
            }
            prev_cased = true;
            any = true;
        } else {
            prev_cased = false;
        }
    }
    Ok(Value::Bool(any))
}

pub fn is_identifier(t: &str) -> bool {
    let mut chars = t.chars();
    match chars.next() {
        Some(c) if c == '_' || c.is_alphabetic() => chars.all(|c| c == '_' || c.is_alphanumeric()),
        _ => false,
    }
}

fn isidentifier(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let s = this_str(vm, &args)?;
    Ok(Value::Bool(is_identifier(s.as_str())))
}

fn fill_arg(vm: &mut Vm, args: &Args) -> PyResult<(usize, char)> {
    let rest = args.rest();
    let width = match rest.get(0) {
        Some(w) => arg::int(vm, w)?.max(0) as usize,
        None => return Err(PyErr::type_error("expected at least 1 argument, got 0")),
    };
    let fill = match rest.get(1) {
        Some(Value::Str(f)) if f.len() == 1 => f.as_str().chars().next().unwrap(),
        Some(Value::Str(_)) => return Err(PyErr::type_error("The fill character must be exactly one character long")),
        Some(other) => return Err(PyErr::type_error(format!("The fill character must be a unicode character, not {}", vm.type_name(other)))),
        None => ' ',
    };
    Ok((width, fill))
}

fn center(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let s = this_str(vm, &args)?;
    let (width, fill) = fill_arg(vm, &args)?;
    let n = s.len();
    if width <= n {
        return Ok(Value::Str(s));
    }
    let total = width - n;
    // CPython puts the extra space on the left when the text length is odd... per its formula.
    let left = total / 2 + (total & width & 1);
    let right = total - left;
    let f = |k: usize| std::iter::repeat(fill).take(k).collect::<String>();
    Ok(Value::string(format!("{}{}{}", f(left), s.as_str(), f(right))))
}

fn ljust(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let s = this_str(vm, &args)?;
    let (width, fill) = fill_arg(vm, &args)?;
    let n = s.len();
    if width <= n {
        return Ok(Value::Str(s));
    }
    Ok(Value::string(format!("{}{}", s.as_str(), std::iter::repeat(fill).take(width - n).collect::<String>())))
}

fn rjust(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let s = this_str(vm, &args)?;
    let (width, fill) = fill_arg(vm, &args)?;
    let n = s.len();
    if width <= n {
        return Ok(Value::Str(s));
    }
    Ok(Value::string(format!("{}{}", std::iter::repeat(fill).take(width - n).collect::<String>(), s.as_str())))
}

fn zfill(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let s = this_str(vm, &args)?;
    let width = arg::int(vm, args.get(1).unwrap_or(&Value::Int(0)))?.max(0) as usize;
    let n = s.len();
    if width <= n {
        return Ok(Value::Str(s));
    }
    let t = s.as_str();
    let (sign, body) = match t.chars().next() {
        Some(c @ ('+' | '-')) => (c.to_string(), &t[1..]),
        _ => (String::new(), t),
    };
    Ok(Value::string(format!("{}{}{}", sign, "0".repeat(width - n), body)))
}

fn partition_impl(vm: &mut Vm, args: Args, right: bool) -> PyResult<Value> {
    let s = this_str(vm, &args)?;
    let sep = str_arg(vm, args.get(1).unwrap_or(&Value::None), "partition")?.into_owned();
    if sep.is_empty() {
        return Err(PyErr::value_error("empty separator"));
    }
    let t = s.as_str();
    let found = if right { t.rfind(sep.as_str()) } else { t.find(sep.as_str()) };
    Ok(match found {
        Some(i) => Value::tuple(vec![Value::str(&t[..i]), Value::string(sep.clone()), Value::str(&t[i + sep.len()..])]),
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

fn encode(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let s = this_str(vm, &args)?;
    let rest = args.rest();
    let enc = rest.arg(0, "encoding").and_then(|v| v.as_str()).unwrap_or("utf-8").to_string();
    let errors = rest.arg(1, "errors").and_then(|v| v.as_str()).unwrap_or("strict").to_string();
    Ok(super::new_bytes(encode_str(s.as_str(), &enc, &errors)?))
}

fn expandtabs(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let s = this_str(vm, &args)?;
    let size = match args.rest().arg(0, "tabsize") {
        Some(v) => arg::int(vm, v)?,
        None => 8,
    };
    let mut out = String::new();
    let mut col = 0i64;
    for c in s.as_str().chars() {
        match c {
            '\t' => {
                if size > 0 {
                    let n = size - (col % size);
                    out.push_str(&" ".repeat(n as usize));
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
    let s = this_str(vm, &args)?;
    let table = args.get(1).cloned().unwrap_or(Value::None);
    let mut out = String::new();
    for c in s.as_str().chars() {
        let r = match vm.get_item(&table, &Value::Int(c as i64)) {
            Ok(v) => v,
            Err(e) if vm.err_is(&e, ExcKind::LookupError) => {
                out.push(c);
                continue;
            }
            Err(e) => return Err(e),
        };
        match r {
            Value::None => {}
            Value::Int(i) => out.push(char::from_u32(i as u32).unwrap_or('\u{fffd}')),
            Value::Str(t) => out.push_str(t.as_str()),
            other => return Err(PyErr::type_error(format!("character mapping must return integer, None or str, not {}", vm.type_name(&other)))),
        }
    }
    Ok(Value::string(out))
}

fn maketrans(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let d = DictObj::new();
    match args.len() {
        1 => {
            let Value::Dict(src) = &args.pos[0] else {
                return Err(PyErr::type_error("if you give only one argument to maketrans it must be a dict"));
            };
            for (k, v) in src.items() {
                let key = match &k {
                    Value::Str(s) if s.len() == 1 => Value::Int(s.as_str().chars().next().unwrap() as i64),
                    Value::Int(_) => k.clone(),
                    _ => return Err(PyErr::value_error("string keys in translate table must be of length 1")),
                };
                vm.dict_set(&d, key, v)?;
            }
        }
        2 | 3 => {
            let a: Vec<char> = str_arg(vm, &args.pos[0], "maketrans")?.chars().collect();
            let b: Vec<char> = str_arg(vm, &args.pos[1], "maketrans")?.chars().collect();
            if a.len() != b.len() {
                return Err(PyErr::value_error("the first two maketrans arguments must have equal length"));
            }
            for (x, y) in a.iter().zip(b.iter()) {
                vm.dict_set(&d, Value::Int(*x as i64), Value::Int(*y as i64))?;
            }
            if args.len() == 3 {
                for z in str_arg(vm, &args.pos[2], "maketrans")?.chars() {
                    vm.dict_set(&d, Value::Int(z as i64), Value::None)?;
                }
            }
        }
        _ => return Err(PyErr::type_error("maketrans() takes at most 3 arguments")),
    }
    Ok(Value::Dict(d))
}

fn removeprefix(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let s = this_str(vm, &args)?;
    let p = str_arg(vm, args.get(1).unwrap_or(&Value::None), "removeprefix")?.into_owned();
    Ok(Value::str(s.as_str().strip_prefix(p.as_str()).unwrap_or(s.as_str())))
}

fn removesuffix(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let s = this_str(vm, &args)?;
    let p = str_arg(vm, args.get(1).unwrap_or(&Value::None), "removesuffix")?.into_owned();
    if p.is_empty() {
        return Ok(Value::Str(s));
    }
    Ok(Value::str(s.as_str().strip_suffix(p.as_str()).unwrap_or(s.as_str())))
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
    let s = Value::Str(this_str(vm, &args)?);
    Ok(Value::tuple(vec![s]))
}

// ----- str.format -----

fn format(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let s = this_str(vm, &args)?;
    let rest = args.rest();
    let kw = DictObj::new();
    for (k, v) in rest.kwnames.iter().zip(rest.kwvals.iter()) {
        kw.set_str(k.as_str().unwrap_or(""), v.clone());
    }
    let pos = rest.pos.to_vec();
    let mut auto = 0usize;
    let mut mode = 0u8;
    format_string(vm, s.as_str(), &pos, &Value::Dict(kw), &mut auto, &mut mode, 2).map(Value::string)
}

fn format_map(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let s = this_str(vm, &args)?;
    let mapping = args.get(1).cloned().unwrap_or(Value::None);
    let mut auto = 0usize;
    let mut mode = 0u8;
    format_string(vm, s.as_str(), &[], &mapping, &mut auto, &mut mode, 2).map(Value::string)
}

/// Expands `{...}` fields. `mode` tracks automatic (1) vs manual (2) numbering.
pub fn format_string(vm: &mut Vm, fmt: &str, pos: &[Value], kw: &Value, auto: &mut usize, mode: &mut u8, depth: u32) -> PyResult<String> {
    if depth == 0 {
        return Err(PyErr::value_error("Max string recursion exceeded"));
    }
    let chars: Vec<char> = fmt.chars().collect();
    let mut out = String::new();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if c == '{' {
            if i + 1 < chars.len() && chars[i + 1] == '{' {
                out.push('{');
                i += 2;
                continue;
            }
            // Find the matching close brace (nested braces in the spec).
            let mut j = i + 1;
            let mut level = 1;
            while j < chars.len() {
                if chars[j] == '{' {
                    level += 1;
                } else if chars[j] == '}' {
                    level -= 1;
                    if level == 0 {
                        break;
                    }
                }
                j += 1;
            }
            if j >= chars.len() {
                return Err(PyErr::value_error("expected '}' before end of string"));
            }
            let field: String = chars[i + 1..j].iter().collect();
            // field_name[!conv][:spec]
            let (name_part, spec) = split_field(&field);
            let (name, conv) = match name_part.find('!') {
                Some(k) => {
                    let conv = &name_part[k + 1..];
                    if conv.len() != 1 {
                        return Err(PyErr::value_error("expected ':' after conversion specifier"));
                    }
                    (name_part[..k].to_string(), conv.chars().next())
                }
                None => (name_part.clone(), None),
            };
            let value = resolve_field(vm, &name, pos, kw, auto, mode)?;
            let value = match conv {
                None => value,
                Some('r') => vm.repr(&value)?,
                Some('s') => vm.str_value(&value)?,
                Some('a') => {
                    let r = vm.repr_str_of(&value)?;
                    Value::string(crate::vm::repr::ascii_str_of_repr(&r))
                }
                Some(c) => return Err(PyErr::value_error(format!("Unknown conversion specifier {}", c))),
            };
            let spec = if spec.contains('{') { format_string(vm, &spec, pos, kw, auto, mode, depth - 1)? } else { spec };
            out.push_str(&vm.format(&value, &spec)?);
            i = j + 1;
        } else if c == '}' {
            if i + 1 < chars.len() && chars[i + 1] == '}' {
                out.push('}');
                i += 2;
                continue;
            }
            return Err(PyErr::value_error("Single '}' encountered in format string"));
        } else {
            out.push(c);
            i += 1;
        }
    }
    Ok(out)
}

/// Splits `name!conv:spec` at the first ':' outside brackets.
fn split_field(field: &str) -> (String, String) {
    let mut depth = 0;
    for (i, c) in field.char_indices() {
        match c {
            '[' => depth += 1,
            ']' => depth -= 1,
            ':' if depth == 0 => return (field[..i].to_string(), field[i + 1..].to_string()),
            _ => {}
        }
    }
    (field.to_string(), String::new())
}

fn resolve_field(vm: &mut Vm, name: &str, pos: &[Value], kw: &Value, auto: &mut usize, mode: &mut u8) -> PyResult<Value> {
    // The first component up to '.' or '['.
    let end = name.find(['.', '[']).unwrap_or(name.len());
    let first = &name[..end];
    let mut value = if first.is_empty() {
        if *mode == 2 {
            return Err(PyErr::value_error("cannot switch from manual field specification to automatic field numbering"));
        }
        *mode = 1;
        let k = *auto;
        *auto += 1;
        pos.get(k).cloned().ok_or_else(|| {
            PyErr::index_error(format!("Replacement index {} out of range for positional args tuple", k))
        })?
    } else if let Ok(k) = first.parse::<usize>() {
        if *mode == 1 {
            return Err(PyErr::value_error("cannot switch from automatic field numbering to manual field specification"));
        }
        *mode = 2;
        pos.get(k).cloned().ok_or_else(|| {
            PyErr::index_error(format!("Replacement index {} out of range for positional args tuple", k))
        })?
    } else {
        vm.get_item(kw, &Value::str(first))?
    };
    // Attribute and index accessors.
    let mut rest = &name[end..];
    while !rest.is_empty() {
        if let Some(r) = rest.strip_prefix('.') {
            let e = r.find(['.', '[']).unwrap_or(r.len());
            value = vm.get_attr(&value, &r[..e])?;
            rest = &r[e..];
        } else if let Some(r) = rest.strip_prefix('[') {
            let e = r.find(']').ok_or_else(|| PyErr::value_error("Missing ']' in format string"))?;
            let key = &r[..e];
            let k = match key.parse::<i64>() {
                Ok(n) => Value::Int(n),
                Err(_) => Value::str(key),
            };
            value = vm.get_item(&value, &k)?;
            rest = &r[e + 1..];
        } else {
            return Err(PyErr::value_error("Only '.' or '[' may follow ']' in format field specifier"));
        }
    }
    Ok(value)
}
