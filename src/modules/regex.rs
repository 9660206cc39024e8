//! `_spry_re`: the matching engine under `lib/re/` — the `fancy-regex`
//! crate (backtracking where Python's syntax needs it: backreferences,
//! look-around, conditionals, atomic groups). `re._engine` translates the
//! tree that CPython's own `re._parser` builds (so errors and group
//! numbering are CPython's) into this crate's syntax; here we compile it
//! and return match spans as character indices.

use std::any::Any;
use std::cell::OnceCell;

use fancy_regex::Regex;

use super::new_module;
use crate::builtins::arg;
use crate::objects::*;
use crate::vm::{Args, ExcKind, PyErr, PyResult, Vm};

struct Compiled {
    source: String,
    search: Regex,
    /// `\G(?:...)`: anchored at the start position (`match`).
    anchored: OnceCell<Regex>,
    /// `\G(?:...)\z`: anchored at both ends (`fullmatch`).
    full: OnceCell<Regex>,
}

impl NativeState for Compiled {
    fn as_any(&self) -> &dyn Any {
        self
    }
}

fn build(src: &str) -> PyResult<Regex> {
    fancy_regex::RegexBuilder::new(src)
        .backtrack_limit(10_000_000)
        // Large counted repeats (`a{100000}`) compile, as they do in CPython.
        .delegate_size_limit(1 << 28)
        .build()
        .map_err(|e| PyErr::new(ExcKind::ValueError, format!("regular expression not supported by Spry's engine: {}", e)))
}

impl Compiled {
    fn get(&self, mode: i64) -> PyResult<&Regex> {
        Ok(match mode {
            1 => {
                if self.anchored.get().is_none() {
                    let _ = self.anchored.set(build(&format!("\\G(?:{})", self.source))?);
                }
                self.anchored.get().unwrap()
            }
            2 => {
                if self.full.get().is_none() {
                    let _ = self.full.set(build(&format!("\\G(?:{})\\z", self.source))?);
                }
                self.full.get().unwrap()
            }
            _ => &self.search,
        })
    }
}

fn compiled_of(v: &Value) -> PyResult<&Compiled> {
    super::native_state::<Compiled>(v).ok_or_else(|| PyErr::type_error("expected a compiled regular expression"))
}

fn handle_class(vm: &mut Vm) -> PyRef<ClassObj> {
    super::native_class(vm, "_spry_re.Regex", "_spry_re", "Regex", class_flags::BUILTIN, |_, _| {})
}

/// `compile(source)` -> engine handle.
fn compile(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check("compile", 1, 1)?;
    let src = arg::str(vm, &args.pos[0], "compile() argument")?.to_string();
    let search = build(&src)?;
    let cls = handle_class(vm);
    Ok(vm.new_native(cls, NativeData::Other(Box::new(Compiled { source: src, search, anchored: OnceCell::new(), full: OnceCell::new() }))))
}

/// Character/byte position conversion for one subject string.
struct Positions<'a> {
    text: &'a str,
    ascii: bool,
    /// Byte offset of each character (plus the end), for non-ASCII text.
    offsets: Vec<usize>,
}

impl<'a> Positions<'a> {
    fn new(text: &'a str) -> Self {
        let ascii = text.is_ascii();
        let offsets = if ascii {
            Vec::new()
        } else {
            let mut o: Vec<usize> = text.char_indices().map(|(i, _)| i).collect();
            o.push(text.len());
            o
        };
        Positions { text, ascii, offsets }
    }
    fn nchars(&self) -> usize {
        if self.ascii {
            self.text.len()
        } else {
            self.offsets.len() - 1
        }
    }
    fn byte(&self, ch: usize) -> usize {
        if self.ascii {
            ch
        } else {
            self.offsets[ch]
        }
    }
    fn char(&self, byte: usize) -> usize {
        if self.ascii {
            byte
        } else {
            self.offsets.binary_search(&byte).unwrap_or_else(|i| i)
        }
    }
}

fn engine_error(e: fancy_regex::Error) -> PyErr {
    match e {
        fancy_regex::Error::RuntimeError(fancy_regex::RuntimeError::BacktrackLimitExceeded) => {
            PyErr::new(ExcKind::RecursionError, "maximum recursion limit exceeded")
        }
        other => PyErr::runtime_error(format!("regular expression engine error: {}", other)),
    }
}

fn clamp(vm: &mut Vm, v: &Value, n: usize) -> PyResult<usize> {
    let i = arg::int(vm, v)?;
    Ok(if i < 0 { 0 } else { (i as usize).min(n) })
}

/// The spans of a match as a flat tuple of character indices (-1 when a group did not match).
fn spans(pos: &Positions, caps: &fancy_regex::Captures<'_, str>) -> Value {
    let mut out = Vec::with_capacity(caps.len() * 2);
    for i in 0..caps.len() {
        match caps.get(i) {
            Some(m) => {
                out.push(Value::Int(pos.char(m.start()) as i64));
                out.push(Value::Int(pos.char(m.end()) as i64));
            }
            None => {
                out.push(Value::Int(-1));
                out.push(Value::Int(-1));
            }
        }
    }
    Value::tuple(out)
}

/// `search(handle, mode, string, pos, endpos)`: mode 0 search, 1 match,
/// 2 fullmatch. Returns the spans or None.
fn search(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check("search", 5, 5)?;
    let c = compiled_of(&args.pos[0])?;
    let mode = arg::int(vm, &args.pos[1])?;
    let text = arg::str(vm, &args.pos[2], "string")?;
    let p = Positions::new(text);
    let n = p.nchars();
    let endpos = clamp(vm, &args.pos[4], n)?;
    let start = clamp(vm, &args.pos[3], n)?;
    if start > endpos {
        return Ok(Value::None);
    }
    let hay = &text[..p.byte(endpos)];
    let re = c.get(mode)?;
    match re.captures_from_pos(hay, p.byte(start)).map_err(engine_error)? {
        Some(caps) => Ok(spans(&p, &caps)),
        None => Ok(Value::None),
    }
}

/// `scan(handle, string, pos, endpos, maxcount)`: the spans of successive
/// non-overlapping matches (an empty match may not follow an empty match at
/// the same place), at most `maxcount` of them (0: no limit).
fn scan(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check("scan", 5, 5)?;
    let c = compiled_of(&args.pos[0])?;
    let text = arg::str(vm, &args.pos[1], "string")?;
    let p = Positions::new(text);
    let n = p.nchars();
    let endpos = clamp(vm, &args.pos[3], n)?;
    let mut at = clamp(vm, &args.pos[2], n)?;
    let maxcount = arg::int(vm, &args.pos[4])?;
    let hay = &text[..p.byte(endpos)];
    let mut out = Vec::new();
    let mut last_empty_at: Option<usize> = None;
    while at <= endpos {
        if maxcount > 0 && out.len() as i64 >= maxcount {
            break;
        }
        let Some(caps) = c.search.captures_from_pos(hay, p.byte(at)).map_err(engine_error)? else { break };
        let m = caps.get(0).expect("group 0");
        let (s, e) = (p.char(m.start()), p.char(m.end()));
        if s == e && last_empty_at == Some(s) {
            // An empty match where the previous empty match was: retry one
            // character further.
            if at >= endpos {
                break;
            }
            at += 1;
            let Some(caps2) = c.search.captures_from_pos(hay, p.byte(at)).map_err(engine_error)? else { break };
            let m2 = caps2.get(0).expect("group 0");
            let (s2, e2) = (p.char(m2.start()), p.char(m2.end()));
            out.push(spans(&p, &caps2));
            last_empty_at = if s2 == e2 { Some(s2) } else { None };
            at = e2;
            continue;
        }
        out.push(spans(&p, &caps));
        last_empty_at = if s == e { Some(s) } else { None };
        at = e;
    }
    Ok(Value::list(out))
}

/// Runs `scan` and hands each match's byte spans to `f`.
fn for_each_match(
    c: &Compiled,
    hay: &str,
    p: &Positions,
    start: usize,
    endpos: usize,
    maxcount: i64,
    mut f: impl FnMut(&fancy_regex::Captures<'_, str>),
) -> PyResult<usize> {
    let mut at = start;
    let mut n = 0usize;
    let mut last_empty_at: Option<usize> = None;
    while at <= endpos {
        if maxcount > 0 && n as i64 >= maxcount {
            break;
        }
        let Some(mut caps) = c.search.captures_from_pos(hay, p.byte(at)).map_err(engine_error)? else { break };
        let m = caps.get(0).expect("group 0");
        let (mut s, mut e) = (p.char(m.start()), p.char(m.end()));
        if s == e && last_empty_at == Some(s) {
            if at >= endpos {
                break;
            }
            at += 1;
            let Some(c2) = c.search.captures_from_pos(hay, p.byte(at)).map_err(engine_error)? else { break };
            caps = c2;
            let m2 = caps.get(0).expect("group 0");
            s = p.char(m2.start());
            e = p.char(m2.end());
        }
        f(&caps);
        n += 1;
        last_empty_at = if s == e { Some(s) } else { None };
        at = e;
    }
    Ok(n)
}

/// `findall(handle, string, pos, endpos)`: CPython's `findall` result
/// (strings, or tuples of strings when the pattern has 2+ groups).
fn findall(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check("findall", 4, 4)?;
    let c = compiled_of(&args.pos[0])?;
    let text = arg::str(vm, &args.pos[1], "string")?;
    let p = Positions::new(text);
    let n = p.nchars();
    let endpos = clamp(vm, &args.pos[3], n)?;
    let start = clamp(vm, &args.pos[2], n)?;
    let hay = &text[..p.byte(endpos)];
    let mut out = Vec::new();
    for_each_match(c, hay, &p, start, endpos, 0, |caps| {
        let g = caps.len() - 1;
        let text_of = |i: usize| match caps.get(i) {
            Some(m) => Value::str(m.as_str()),
            None => Value::str(""),
        };
        out.push(match g {
            0 => text_of(0),
            1 => text_of(1),
            _ => Value::tuple((1..=g).map(text_of).collect()),
        });
    })?;
    Ok(Value::list(out))
}

/// `sub_literal(handle, repl, string, count)` -> (new string, count): a
/// replacement without group references.
fn sub_literal(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check("sub_literal", 4, 4)?;
    let c = compiled_of(&args.pos[0])?;
    let repl = arg::str(vm, &args.pos[1], "repl")?;
    let text = arg::str(vm, &args.pos[2], "string")?;
    let count = arg::int(vm, &args.pos[3])?;
    let p = Positions::new(text);
    let n = p.nchars();
    let mut out = String::with_capacity(text.len());
    let mut last = 0usize;
    let k = for_each_match(c, text, &p, 0, n, count, |caps| {
        let m = caps.get(0).expect("group 0");
        out.push_str(&text[last..m.start()]);
        out.push_str(repl);
        last = m.end();
    })?;
    out.push_str(&text[last..]);
    let surr = crate::objects::str::text_has_surrogates(&out);
    Ok(Value::tuple(vec![crate::objects::str::str_value(out, surr), Value::Int(k as i64)]))
}

/// `split(handle, string, maxsplit)`: CPython's `split` result.
fn split(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check("split", 3, 3)?;
    let c = compiled_of(&args.pos[0])?;
    let text = arg::str(vm, &args.pos[1], "string")?;
    let maxsplit = arg::int(vm, &args.pos[2])?;
    let p = Positions::new(text);
    let n = p.nchars();
    let mut out = Vec::new();
    let mut last = 0usize;
    for_each_match(c, text, &p, 0, n, maxsplit, |caps| {
        let m = caps.get(0).expect("group 0");
        out.push(Value::str(&text[last..m.start()]));
        for i in 1..caps.len() {
            out.push(match caps.get(i) {
                Some(g) => Value::str(g.as_str()),
                None => Value::None,
            });
        }
        last = m.end();
    })?;
    out.push(Value::str(&text[last..]));
    Ok(Value::list(out))
}

pub fn make(vm: &mut Vm) -> Value {
    new_module(
        vm,
        "_spry_re",
        &[("compile", compile), ("search", search), ("scan", scan), ("findall", findall), ("sub_literal", sub_literal), ("split", split)],
    )
}
