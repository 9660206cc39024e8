//! `_json`: the encoder and decoder under `lib/json/` (CPython's
//! `Modules/_json.c` behaviour: the same output byte for byte, the same
//! error messages and positions).

use super::new_module;
use crate::objects::str::{char_of, code_point};
use crate::objects::*;
use crate::vm::{Args, ExcKind, PyErr, PyResult, Vm};

// ---------------------------------------------------------------- encoding

struct Encoder {
    indent: Option<String>,
    item_sep: String,
    key_sep: String,
    sort_keys: bool,
    skipkeys: bool,
    ensure_ascii: bool,
    allow_nan: bool,
    check_circular: bool,
    default: Value,
    /// Addresses of the containers being encoded (circular check).
    markers: Vec<usize>,
    depth: usize,
}

fn addr(v: &Value) -> usize {
    v.heap_header().map_or(0, |h| h.as_ptr() as usize)
}

/// `"..."` with JSON escapes (`ensure_ascii` escapes everything past 0x7f).
pub fn encode_str(out: &mut String, s: &StrObj, ensure_ascii: bool) {
    let surr = s.has_surrogates();
    out.push('"');
    for c in s.as_str().chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            '\u{8}' => out.push_str("\\b"),
            '\u{c}' => out.push_str("\\f"),
            c if (c as u32) < 0x20 => {
                out.push_str(&format!("\\u{:04x}", c as u32));
            }
            c if ensure_ascii && (c as u32) > 0x7e => {
                let cp = code_point(c, surr);
                if cp >= 0x10000 {
                    let v = cp - 0x10000;
                    let hi = 0xd800 | ((v >> 10) & 0x3ff);
                    let lo = 0xdc00 | (v & 0x3ff);
                    out.push_str(&format!("\\u{:04x}\\u{:04x}", hi, lo));
                } else {
                    out.push_str(&format!("\\u{:04x}", cp));
                }
            }
            c => out.push(c),
        }
    }
    out.push('"');
}

fn float_text(enc: &Encoder, f: f64) -> PyResult<String> {
    if f.is_finite() {
        return Ok(float::repr(f));
    }
    if !enc.allow_nan {
        return Err(PyErr::value_error("Out of range float values are not JSON compliant"));
    }
    Ok(if f.is_nan() {
        "NaN"
    } else if f > 0.0 {
        "Infinity"
    } else {
        "-Infinity"
    }
    .to_string())
}

impl Encoder {
    fn newline(&self, out: &mut String, level: usize) {
        if let Some(ind) = &self.indent {
            out.push('\n');
            for _ in 0..level {
                out.push_str(ind);
            }
        }
    }

    fn enter(&mut self, vm: &mut Vm, v: &Value) -> PyResult<()> {
        self.depth += 1;
        if self.depth > vm.recursion_limit || vm.check_native_stack().is_err() {
            return Err(PyErr::new(ExcKind::RecursionError, "maximum recursion depth exceeded while encoding a JSON object"));
        }
        if self.check_circular {
            let a = addr(v);
            if self.markers.contains(&a) {
                return Err(PyErr::value_error("Circular reference detected"));
            }
            self.markers.push(a);
        }
        Ok(())
    }

    fn leave(&mut self) {
        self.depth -= 1;
        if self.check_circular {
            self.markers.pop();
        }
    }

    fn encode(&mut self, vm: &mut Vm, out: &mut String, v: &Value, level: usize) -> PyResult<()> {
        match v {
            Value::None => out.push_str("null"),
            Value::Bool(true) => out.push_str("true"),
            Value::Bool(false) => out.push_str("false"),
            Value::Int(i) => out.push_str(&i.to_string()),
            Value::BigInt(_) => out.push_str(&int::to_string(v)?),
            Value::Float(f) => out.push_str(&float_text(self, *f)?),
            Value::Str(s) => encode_str(out, s, self.ensure_ascii),
            Value::List(l) => {
                let items = l.to_vec();
                self.encode_seq(vm, out, v, &items, level)?;
            }
            Value::Tuple(t) => {
                let items = t.as_slice().to_vec();
                self.encode_seq(vm, out, v, &items, level)?;
            }
            Value::Dict(d) => {
                let d = d.clone();
                self.encode_dict(vm, out, v, &d, level)?;
            }
            Value::Instance(inst) if !inst.base_value.get().is_undef() && inst.exc.is_none() => {
                // Subclasses of builtin types encode as their base value
                // (int subclasses through int.__repr__, as CPython does).
                let base = inst.base_value.get();
                match &base {
                    Value::Dict(d) => {
                        let d = d.clone();
                        self.encode_dict(vm, out, v, &d, level)?;
                    }
                    Value::List(_) | Value::Tuple(_) => {
                        let items = vm.collect_iterable(v)?;
                        self.encode_seq(vm, out, v, &items, level)?;
                    }
                    Value::Str(_) | Value::Int(_) | Value::BigInt(_) | Value::Float(_) | Value::Bool(_) => {
                        self.encode(vm, out, &base, level)?;
                    }
                    _ => self.encode_default(vm, out, v, level)?,
                }
            }
            _ => self.encode_default(vm, out, v, level)?,
        }
        Ok(())
    }

    fn encode_default(&mut self, vm: &mut Vm, out: &mut String, v: &Value, level: usize) -> PyResult<()> {
        self.enter(vm, v)?;
        let r = if self.default.is_none() {
            let name = vm.type_name(v);
            Err(PyErr::type_error(format!("Object of type {} is not JSON serializable", name)))
        } else {
            let d = self.default.clone();
            vm.call_function(&d, std::slice::from_ref(v))
        };
        let r = match r {
            Ok(newv) => self.encode(vm, out, &newv, level),
            Err(e) => Err(e),
        };
        self.leave();
        r
    }

    fn encode_seq(&mut self, vm: &mut Vm, out: &mut String, v: &Value, items: &[Value], level: usize) -> PyResult<()> {
        if items.is_empty() {
            out.push_str("[]");
            return Ok(());
        }
        self.enter(vm, v)?;
        out.push('[');
        self.newline(out, level + 1);
        for (i, item) in items.iter().enumerate() {
            if i > 0 {
                out.push_str(&self.item_sep);
                self.newline(out, level + 1);
            }
            if let Err(e) = self.encode(vm, out, item, level + 1) {
                self.leave();
                return Err(e);
            }
        }
        self.newline(out, level);
        out.push(']');
        self.leave();
        Ok(())
    }

    fn key_text(&mut self, vm: &mut Vm, k: &Value) -> PyResult<Option<String>> {
        Ok(Some(match k {
            Value::Str(s) => {
                let mut o = String::new();
                encode_str(&mut o, s, self.ensure_ascii);
                return Ok(Some(o));
            }
            Value::Float(f) => float_text(self, *f)?,
            Value::Bool(true) => "true".into(),
            Value::Bool(false) => "false".into(),
            Value::None => "null".into(),
            Value::Int(i) => i.to_string(),
            Value::BigInt(_) => int::to_string(k)?,
            Value::Instance(inst)
                if matches!(inst.base_value.get(), Value::Str(_) | Value::Int(_) | Value::BigInt(_) | Value::Float(_)) =>
            {
                return self.key_text(vm, &inst.base_value.get());
            }
            _ => {
                if self.skipkeys {
                    return Ok(None);
                }
                return Err(PyErr::type_error(format!("keys must be str, int, float, bool or None, not {}", vm.type_name(k))));
            }
        })
        .map(|s| {
            let mut o = String::with_capacity(s.len() + 2);
            o.push('"');
            o.push_str(&s);
            o.push('"');
            o
        }))
    }

    fn encode_dict(&mut self, vm: &mut Vm, out: &mut String, v: &Value, d: &DictObj, level: usize) -> PyResult<()> {
        if d.is_empty() {
            out.push_str("{}");
            return Ok(());
        }
        self.enter(vm, v)?;
        let r = self.encode_dict_items(vm, out, d, level);
        self.leave();
        r
    }

    fn encode_dict_items(&mut self, vm: &mut Vm, out: &mut String, d: &DictObj, level: usize) -> PyResult<()> {
        let mut items = d.items();
        if self.sort_keys {
            let pairs: Vec<Value> = items.into_iter().map(|(k, v)| Value::tuple(vec![k, v])).collect();
            let sorted = crate::builtins::sort_values(vm, pairs, None, false)?;
            items = sorted
                .into_iter()
                .map(|t| match t {
                    Value::Tuple(t) => (t.as_slice()[0].clone(), t.as_slice()[1].clone()),
                    _ => unreachable!(),
                })
                .collect();
        }
        out.push('{');
        self.newline(out, level + 1);
        let mut first = true;
        for (k, val) in items {
            let Some(key) = self.key_text(vm, &k)? else {
                continue;
            };
            if !first {
                out.push_str(&self.item_sep);
                self.newline(out, level + 1);
            }
            first = false;
            out.push_str(&key);
            out.push_str(&self.key_sep);
            self.encode(vm, out, &val, level + 1)?;
        }
        self.newline(out, level);
        out.push('}');
        Ok(())
    }
}

/// `encode(obj, indent, item_separator, key_separator, sort_keys, skipkeys,
/// ensure_ascii, allow_nan, check_circular, default)` -> str
fn encode(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check("encode", 10, 10)?;
    let a = args.pos;
    let indent = match &a[1] {
        Value::None => None,
        Value::Str(s) => Some(s.as_str().to_string()),
        v => {
            let n = crate::builtins::arg::int(vm, v)?;
            Some(" ".repeat(n.max(0) as usize))
        }
    };
    let sep = |v: &Value| v.as_str().unwrap_or("").to_string();
    let mut enc = Encoder {
        indent,
        item_sep: sep(&a[2]),
        key_sep: sep(&a[3]),
        sort_keys: vm.truthy(&a[4])?,
        skipkeys: vm.truthy(&a[5])?,
        ensure_ascii: vm.truthy(&a[6])?,
        allow_nan: vm.truthy(&a[7])?,
        check_circular: vm.truthy(&a[8])?,
        default: a[9].clone(),
        markers: Vec::new(),
        depth: 0,
    };
    let mut out = String::new();
    enc.encode(vm, &mut out, &a[0], 0)?;
    Ok(Value::string(out))
}

/// `encode_basestring_ascii(s)` / `encode_basestring(s)`.
fn encode_basestring_ascii(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check("encode_basestring_ascii", 1, 1)?;
    match &args.pos[0] {
        Value::Str(s) => {
            let mut o = String::new();
            encode_str(&mut o, s, true);
            Ok(Value::string(o))
        }
        v => Err(PyErr::type_error(format!("first argument must be a string, not {}", vm.type_name(v)))),
    }
}

fn encode_basestring(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check("encode_basestring", 1, 1)?;
    match &args.pos[0] {
        Value::Str(s) => {
            let mut o = String::new();
            encode_str(&mut o, s, false);
            Ok(crate::objects::str::str_value(o, s.has_surrogates()))
        }
        v => Err(PyErr::type_error(format!("first argument must be a string, not {}", vm.type_name(v)))),
    }
}

// ---------------------------------------------------------------- decoding

struct Decoder<'a> {
    /// The document; positions are byte offsets inside, character indices
    /// outside (errors, `raw_decode`'s end).
    text: &'a str,
    s: &'a [u8],
    doc: &'a Value,
    surrogates: bool,
    error_cls: Value,
    object_hook: Value,
    object_pairs_hook: Value,
    parse_float: Value,
    parse_int: Value,
    parse_constant: Value,
    strict: bool,
    depth: usize,
}

enum Scan {
    Value(Value, usize),
    /// No value starts here (StopIteration in CPython's scanner).
    NoValue,
}

impl<'a> Decoder<'a> {
    fn new(text: &'a str, doc: &'a Value, surrogates: bool, error_cls: Value, strict: bool) -> Self {
        Decoder {
            text,
            s: text.as_bytes(),
            doc,
            surrogates,
            error_cls,
            object_hook: Value::None,
            object_pairs_hook: Value::None,
            parse_float: Value::None,
            parse_int: Value::None,
            parse_constant: Value::None,
            strict,
            depth: 0,
        }
    }

    /// The character index of byte offset `b`.
    fn char_pos(&self, b: usize) -> usize {
        let b = b.min(self.s.len());
        if self.text.is_ascii() {
            b
        } else {
            self.text[..b].chars().count()
        }
    }

    /// The byte offset of character index `c`.
    fn byte_pos(&self, c: usize) -> usize {
        if self.text.is_ascii() {
            c.min(self.s.len())
        } else {
            self.text.char_indices().nth(c).map(|(i, _)| i).unwrap_or(self.s.len())
        }
    }

    fn error(&self, vm: &mut Vm, msg: &str, pos: usize) -> PyErr {
        let pos = self.char_pos(pos);
        match vm.call_function(&self.error_cls, &[Value::str(msg), self.doc.clone(), Value::Int(pos as i64)]) {
            Ok(e) => PyErr::from_value(e, vec![]),
            Err(e) => e,
        }
    }

    fn ws(&self, mut i: usize) -> usize {
        while i < self.s.len() && matches!(self.s[i], b' ' | b'\t' | b'\n' | b'\r') {
            i += 1;
        }
        i
    }

    fn starts(&self, i: usize, word: &str) -> bool {
        self.s.get(i..i + word.len()) == Some(word.as_bytes())
    }

    /// `scanstring(s, end)`: `end` is just past the opening quote.
    fn scanstring(&self, vm: &mut Vm, end: usize) -> PyResult<(Value, usize)> {
        let begin = end - 1;
        let s = self.s;
        let mut i = end;
        // Fast path: no escapes before the closing quote.
        while i < s.len() && s[i] != b'"' && s[i] != b'\\' && (s[i] >= 0x20 || !self.strict) {
            i += 1;
        }
        if s.get(i) == Some(&b'"') {
            let piece = &self.text[end..i];
            let surr = self.surrogates && crate::objects::str::text_has_surrogates(piece);
            return Ok((crate::objects::str::str_value(piece.to_string(), surr), i + 1));
        }
        let mut out = String::with_capacity(i - end + 16);
        let mut surr = false;
        i = end;
        loop {
            // Copy a run of plain characters (boundaries are ASCII bytes, so
            // the run is valid UTF-8).
            let run = i;
            while i < s.len() && s[i] != b'"' && s[i] != b'\\' && (s[i] >= 0x20 || !self.strict) {
                i += 1;
            }
            out.push_str(&self.text[run..i]);
            let Some(&c) = s.get(i) else {
                return Err(self.error(vm, "Unterminated string starting at", begin));
            };
            match c {
                b'"' => {
                    i += 1;
                    break;
                }
                b'\\' => {
                    i += 1;
                    let Some(&e) = s.get(i) else {
                        return Err(self.error(vm, "Unterminated string starting at", begin));
                    };
                    match e {
                        b'"' => out.push('"'),
                        b'\\' => out.push('\\'),
                        b'/' => out.push('/'),
                        b'b' => out.push('\u{8}'),
                        b'f' => out.push('\u{c}'),
                        b'n' => out.push('\n'),
                        b'r' => out.push('\r'),
                        b't' => out.push('\t'),
                        b'u' => {
                            let mut cp = self.hex4(vm, i + 1)?;
                            i += 4;
                            if (0xd800..0xdc00).contains(&cp) && s.get(i + 1) == Some(&b'\\') && s.get(i + 2) == Some(&b'u') {
                                let lo = self.hex4(vm, i + 3)?;
                                if (0xdc00..0xe000).contains(&lo) {
                                    cp = 0x10000 + (((cp - 0xd800) << 10) | (lo - 0xdc00));
                                    i += 6;
                                }
                            }
                            if crate::objects::str::is_surrogate(cp) {
                                surr = true;
                            }
                            match char_of(cp) {
                                Some(ch) => out.push(ch),
                                None => return Err(self.error(vm, "Invalid \\uXXXX escape", i - 4)),
                            }
                        }
                        _ => return Err(self.error(vm, "Invalid \\escape", i - 1)),
                    }
                    i += 1;
                }
                _ => {
                    return Err(self.error(vm, "Invalid control character at", i));
                }
            }
        }
        let surr = surr || (self.surrogates && crate::objects::str::text_has_surrogates(&out));
        Ok((crate::objects::str::str_value(out, surr), i))
    }

    fn hex4(&self, vm: &mut Vm, at: usize) -> PyResult<u32> {
        let mut v = 0u32;
        for k in 0..4 {
            match self.s.get(at + k).and_then(|c| (*c as char).to_digit(16)) {
                Some(d) => v = v * 16 + d,
                None => return Err(self.error(vm, "Invalid \\uXXXX escape", at - 1)),
            }
        }
        Ok(v)
    }

    fn scan_once(&mut self, vm: &mut Vm, i: usize) -> PyResult<Scan> {
        let Some(&c) = self.s.get(i) else { return Ok(Scan::NoValue) };
        match c {
            b'"' => {
                let (v, end) = self.scanstring(vm, i + 1)?;
                Ok(Scan::Value(v, end))
            }
            b'{' => self.object(vm, i + 1).map(|(v, e)| Scan::Value(v, e)),
            b'[' => self.array(vm, i + 1).map(|(v, e)| Scan::Value(v, e)),
            b'n' if self.starts(i, "null") => Ok(Scan::Value(Value::None, i + 4)),
            b't' if self.starts(i, "true") => Ok(Scan::Value(Value::Bool(true), i + 4)),
            b'f' if self.starts(i, "false") => Ok(Scan::Value(Value::Bool(false), i + 5)),
            b'N' if self.starts(i, "NaN") => self.constant(vm, "NaN", i + 3),
            b'I' if self.starts(i, "Infinity") => self.constant(vm, "Infinity", i + 8),
            b'-' if self.starts(i, "-Infinity") => self.constant(vm, "-Infinity", i + 9),
            _ => self.number(vm, i),
        }
    }

    fn constant(&self, vm: &mut Vm, name: &str, end: usize) -> PyResult<Scan> {
        let v = if self.parse_constant.is_none() {
            Value::Float(match name {
                "NaN" => f64::NAN,
                "Infinity" => f64::INFINITY,
                _ => f64::NEG_INFINITY,
            })
        } else {
            let f = self.parse_constant.clone();
            vm.call_function(&f, &[Value::str(name)])?
        };
        Ok(Scan::Value(v, end))
    }

    fn number(&self, vm: &mut Vm, start: usize) -> PyResult<Scan> {
        let s = self.s;
        let n = s.len();
        let mut i = start;
        if i < n && s[i] == b'-' {
            i += 1;
        }
        if i < n && s[i] == b'0' {
            i += 1;
        } else if i < n && (b'1'..=b'9').contains(&s[i]) {
            while i < n && s[i].is_ascii_digit() {
                i += 1;
            }
        } else {
            return Ok(Scan::NoValue);
        }
        let int_end = i;
        let mut is_float = false;
        if i + 1 < n && s[i] == b'.' && s[i + 1].is_ascii_digit() {
            i += 2;
            while i < n && s[i].is_ascii_digit() {
                i += 1;
            }
            is_float = true;
        }
        if i < n && (s[i] == b'e' || s[i] == b'E') {
            let mut k = i + 1;
            if k < n && (s[k] == b'+' || s[k] == b'-') {
                k += 1;
            }
            if k < n && s[k].is_ascii_digit() {
                while k < n && s[k].is_ascii_digit() {
                    k += 1;
                }
                i = k;
                is_float = true;
            }
        }
        let end = if is_float { i } else { int_end };
        let text = &self.text[start..end];
        let v = if is_float {
            if self.parse_float.is_none() {
                Value::Float(text.parse::<f64>().unwrap_or(f64::NAN))
            } else {
                let f = self.parse_float.clone();
                vm.call_function(&f, &[Value::str(text)])?
            }
        } else if self.parse_int.is_none() {
            match text.parse::<i64>() {
                Ok(x) => Value::Int(x),
                Err(_) => int::parse(text, 10).map_err(PyErr::value_error)?,
            }
        } else {
            let f = self.parse_int.clone();
            vm.call_function(&f, &[Value::str(text)])?
        };
        Ok(Scan::Value(v, end))
    }

    /// Enters a nested array or object (`what`: "array", "object"), with
    /// CPython's scanner's message past the recursion limit.
    fn nested(&mut self, vm: &mut Vm, what: &str) -> PyResult<()> {
        self.depth += 1;
        if self.depth > vm.recursion_limit || vm.check_native_stack().is_err() {
            return Err(PyErr::new(
                ExcKind::RecursionError,
                format!("maximum recursion depth exceeded while decoding a JSON {} from a unicode string", what),
            ));
        }
        Ok(())
    }

    fn value_at(&mut self, vm: &mut Vm, i: usize) -> PyResult<(Value, usize)> {
        match self.scan_once(vm, i)? {
            Scan::Value(v, e) => Ok((v, e)),
            Scan::NoValue => Err(self.error(vm, "Expecting value", i)),
        }
    }

    /// `JSONObject`: `i` is just past `{`.
    fn object(&mut self, vm: &mut Vm, i: usize) -> PyResult<(Value, usize)> {
        self.nested(vm, "object")?;
        // Without a pairs hook the dict is filled as the pairs come.
        let direct = if self.object_pairs_hook.is_none() { Some(DictObj::new()) } else { None };
        let mut pairs: Vec<(Value, Value)> = Vec::new();
        let mut end = self.ws(i);
        let next = self.s.get(end).copied();
        if next != Some(b'"') {
            if next == Some(b'}') {
                self.depth -= 1;
                return self.finish_object(vm, direct, pairs, end + 1);
            }
            return Err(self.error(vm, "Expecting property name enclosed in double quotes", end));
        }
        end += 1;
        loop {
            let (key, e) = self.scanstring(vm, end)?;
            end = self.ws(e);
            if self.s.get(end) != Some(&b':') {
                return Err(self.error(vm, "Expecting ':' delimiter", end));
            }
            end = self.ws(end + 1);
            let (value, e) = self.value_at(vm, end)?;
            match (&direct, &key) {
                (Some(d), Value::Str(k)) => d.set_str(k.as_str(), value),
                (Some(d), _) => vm.dict_set(d, key, value)?,
                (None, _) => pairs.push((key, value)),
            }
            end = self.ws(e);
            let next = self.s.get(end).copied();
            end += 1;
            match next {
                Some(b'}') => break,
                Some(b',') => {}
                _ => return Err(self.error(vm, "Expecting ',' delimiter", end - 1)),
            }
            end = self.ws(end);
            let next = self.s.get(end).copied();
            end += 1;
            if next != Some(b'"') {
                return Err(self.error(vm, "Expecting property name enclosed in double quotes", end - 1));
            }
        }
        self.depth -= 1;
        self.finish_object(vm, direct, pairs, end)
    }

    fn finish_object(
        &mut self,
        vm: &mut Vm,
        direct: Option<PyRef<DictObj>>,
        pairs: Vec<(Value, Value)>,
        end: usize,
    ) -> PyResult<(Value, usize)> {
        if let Some(d) = direct {
            let obj = Value::Dict(d);
            if !self.object_hook.is_none() {
                let f = self.object_hook.clone();
                return Ok((vm.call_function(&f, &[obj])?, end));
            }
            return Ok((obj, end));
        }
        if !self.object_pairs_hook.is_none() {
            let list = Value::list(pairs.into_iter().map(|(k, v)| Value::tuple(vec![k, v])).collect());
            let f = self.object_pairs_hook.clone();
            return Ok((vm.call_function(&f, &[list])?, end));
        }
        let d = DictObj::new();
        for (k, v) in pairs {
            match &k {
                Value::Str(s) => d.set_str(s.as_str(), v),
                _ => vm.dict_set(&d, k, v)?,
            }
        }
        let obj = Value::Dict(d);
        if !self.object_hook.is_none() {
            let f = self.object_hook.clone();
            return Ok((vm.call_function(&f, &[obj])?, end));
        }
        Ok((obj, end))
    }

    /// `JSONArray`: `i` is just past `[`.
    fn array(&mut self, vm: &mut Vm, i: usize) -> PyResult<(Value, usize)> {
        self.nested(vm, "array")?;
        let mut items = Vec::new();
        let mut end = self.ws(i);
        if self.s.get(end) == Some(&b']') {
            self.depth -= 1;
            return Ok((Value::list(items), end + 1));
        }
        loop {
            let (v, e) = self.value_at(vm, end)?;
            items.push(v);
            end = self.ws(e);
            let next = self.s.get(end).copied();
            end += 1;
            match next {
                Some(b']') => break,
                Some(b',') => {}
                _ => return Err(self.error(vm, "Expecting ',' delimiter", end - 1)),
            }
            end = self.ws(end);
        }
        self.depth -= 1;
        Ok((Value::list(items), end))
    }
}

/// `decode(s, idx, error_cls, object_hook, object_pairs_hook, parse_float,
/// parse_int, parse_constant, strict, whole)` -> (value, end).
/// With `whole`, whitespace is skipped on both sides and trailing text is
/// "Extra data".
fn decode(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check("decode", 10, 10)?;
    let a = args.pos;
    let Value::Str(s) = &a[0] else {
        return Err(PyErr::type_error(format!("first argument must be a string, not {}", vm.type_name(&a[0]))));
    };
    let idx = crate::builtins::arg::int(vm, &a[1])?;
    let strict = vm.truthy(&a[8])?;
    let mut d = Decoder::new(s.as_str(), &a[0], s.has_surrogates(), a[2].clone(), strict);
    d.object_hook = a[3].clone();
    d.object_pairs_hook = a[4].clone();
    d.parse_float = a[5].clone();
    d.parse_int = a[6].clone();
    d.parse_constant = a[7].clone();
    let whole = vm.truthy(&a[9])?;
    if idx < 0 {
        return Err(PyErr::value_error("idx cannot be negative"));
    }
    let mut i = d.byte_pos(idx as usize);
    if whole {
        i = d.ws(i);
    }
    let (v, end) = match d.scan_once(vm, i)? {
        Scan::Value(v, e) => (v, e),
        Scan::NoValue => return Err(d.error(vm, "Expecting value", i)),
    };
    if whole {
        let e = d.ws(end);
        if e != d.s.len() {
            return Err(d.error(vm, "Extra data", e));
        }
    }
    Ok(Value::tuple(vec![v, Value::Int(d.char_pos(end) as i64)]))
}

/// `scanstring(s, end, strict=True)` -> (str, end), for json.decoder.
fn scanstring(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check_pos("scanstring", 3, 4)?;
    let Value::Str(s) = &args.pos[0] else {
        return Err(PyErr::type_error(format!("first argument must be a string, not {}", vm.type_name(&args.pos[0]))));
    };
    let end = crate::builtins::arg::int(vm, &args.pos[1])?;
    let strict = match args.get(3) {
        Some(v) => vm.truthy(v)?,
        None => true,
    };
    let d = Decoder::new(s.as_str(), &args.pos[0], s.has_surrogates(), args.pos[2].clone(), strict);
    if end < 0 || end as usize > s.len() {
        return Err(PyErr::value_error("end is out of bounds"));
    }
    let (v, e) = d.scanstring(vm, d.byte_pos(end as usize))?;
    Ok(Value::tuple(vec![v, Value::Int(d.char_pos(e) as i64)]))
}

pub fn make(vm: &mut Vm) -> Value {
    new_module(
        vm,
        "_json",
        &[
            ("encode", encode),
            ("decode", decode),
            ("scanstring", scanstring),
            ("encode_basestring_ascii", encode_basestring_ascii),
            ("encode_basestring", encode_basestring),
        ],
    )
}
