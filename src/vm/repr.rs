//! `repr()` and `str()` of every builtin type, matching CPython's output.

use super::{ExcKind, PyErr, PyResult, Vm};
use crate::objects::*;

/// Whether CPython's `str.isprintable()` holds for `c` (what `repr` leaves unescaped).
pub fn is_printable(c: char) -> bool {
    crate::objects::unicode::is_printable(c)
}

/// `repr()` of a str.
pub fn repr_str(s: &str) -> String {
    repr_str_surr(s, false)
}

/// `repr()` of a str value (which may hold surrogates).
pub fn repr_of_str(s: &StrObj) -> String {
    repr_str_surr(s.as_str(), s.has_surrogates())
}

/// `repr()` of str text; `surrogates` tells whether its proxies are surrogates.
pub fn repr_str_surr(s: &str, surrogates: bool) -> String {
    let quote = if s.contains('\'') && !s.contains('"') { '"' } else { '\'' };
    let mut out = String::with_capacity(s.len() + 2);
    out.push(quote);
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if c == quote => {
                out.push('\\');
                out.push(c);
            }
            c if is_printable(c) => out.push(c),
            c => {
                let u = crate::objects::str::code_point(c, surrogates);
                if u < 0x100 {
                    out.push_str(&format!("\\x{:02x}", u));
                } else if u < 0x10000 {
                    out.push_str(&format!("\\u{:04x}", u));
                } else {
                    out.push_str(&format!("\\U{:08x}", u));
                }
            }
        }
    }
    out.push(quote);
    out
}

/// `repr()` of bytes.
pub fn repr_bytes(data: &[u8]) -> String {
    let quote = if data.contains(&b'\'') && !data.contains(&b'"') { b'"' } else { b'\'' };
    let mut out = String::from("b");
    out.push(quote as char);
    for &b in data {
        match b {
            b'\\' => out.push_str("\\\\"),
            b'\n' => out.push_str("\\n"),
            b'\r' => out.push_str("\\r"),
            b'\t' => out.push_str("\\t"),
            b if b == quote => {
                out.push('\\');
                out.push(b as char);
            }
            0x20..=0x7e => out.push(b as char),
            _ => out.push_str(&format!("\\x{:02x}", b)),
        }
    }
    out.push(quote as char);
    out
}

/// The `b'...'` part of a bytearray's repr: like bytes, except that a
/// single quote is always escaped (CPython's `bytearray_repr`).
pub fn repr_bytearray_data(data: &[u8]) -> String {
    let quote = if data.contains(&b'\'') && !data.contains(&b'"') { b'"' } else { b'\'' };
    let mut out = String::from("b");
    out.push(quote as char);
    for &b in data {
        match b {
            b'\\' => out.push_str("\\\\"),
            b'\'' => out.push_str("\\'"),
            b'\n' => out.push_str("\\n"),
            b'\r' => out.push_str("\\r"),
            b'\t' => out.push_str("\\t"),
            0x20..=0x7e => out.push(b as char),
            _ => out.push_str(&format!("\\x{:02x}", b)),
        }
    }
    out.push(quote as char);
    out
}

/// `repr()` of a complex number.
pub fn repr_complex(re: f64, im: f64) -> String {
    let fmt = |x: f64| {
        let s = float::repr(x);
        s.strip_suffix(".0").map(|t| t.to_string()).unwrap_or(s)
    };
    if re == 0.0 && re.is_sign_positive() {
        format!("{}j", fmt(im))
    } else {
        // (A NaN's sign bit is not shown, as in CPython.)
        let sign = if im.is_sign_negative() && !im.is_nan() { "-" } else { "+" };
        let ims = fmt(im.abs());
        format!("({}{}{}j)", fmt(re), sign, ims)
    }
}

/// A repr that needs no VM (for constants in disassembly).
pub fn simple_repr(v: &Value) -> String {
    match v {
        Value::None => "None".into(),
        Value::Bool(b) => if *b { "True" } else { "False" }.into(),
        Value::Int(i) => i.to_string(),
        Value::BigInt(b) => b.to_string(),
        Value::Float(f) => float::repr(*f),
        Value::Str(s) => repr_of_str(s),
        Value::Bytes(b) => repr_bytes(&b.data),
        Value::Complex(c) => repr_complex(c.re, c.im),
        Value::Ellipsis => "Ellipsis".into(),
        Value::Tuple(t) => {
            let items: Vec<String> = t.as_slice().iter().map(simple_repr).collect();
            if items.len() == 1 {
                format!("({},)", items[0])
            } else {
                format!("({})", items.join(", "))
            }
        }
        Value::Code(c) => format!("<code object {}>", c.name),
        _ => format!("<{}>", v.tag()),
    }
}

fn addr(v: &Value) -> usize {
    v.heap_addr().unwrap_or(0)
}

impl Vm {
    /// `repr(v)` as a value.
    /// The builtin `__repr__` of an instance of class `cls_name` whose
    /// builtin base holds the value `b`: the value's repr, but sets and
    /// bytearrays name their type (CPython's `tp_name`, the class's
    /// `__name__`: `class S(set)` shows `S({1})`).
    pub fn base_value_repr(&mut self, cls_name: &str, b: &Value) -> PyResult<String> {
        match b {
            Value::Set(s) | Value::FrozenSet(s) if s.is_empty() => Ok(format!("{}()", cls_name)),
            Value::Set(s) | Value::FrozenSet(s) => {
                let inner = self.repr_items(b, "{", "}", &s.keys(), "...")?;
                Ok(format!("{}({})", cls_name, inner))
            }
            Value::ByteArray(d) => Ok(format!("{}({})", cls_name, repr_bytearray_data(&d.data.borrow()))),
            _ => self.repr_string(b),
        }
    }

    pub fn repr(&mut self, v: &Value) -> PyResult<Value> {
        if let Value::Class(c) = v {
            // A metaclass's `__repr__` (`typing.Any`, `<enum 'Color'>`).
            if let Value::Class(meta) = c.metaclass.get() {
                if !meta.is_builtin() {
                    if let Some(f) = meta.lookup("__repr__") {
                        if !matches!(f, Value::Builtin(_)) {
                            let r = self.call_function(&f, std::slice::from_ref(v))?;
                            if !matches!(r, Value::Str(_)) {
                                return Err(PyErr::type_error(format!("__repr__ returned non-string (type {})", self.type_name(&r))));
                            }
                            return Ok(r);
                        }
                    }
                }
            }
        }
        if let Value::Instance(_) | Value::Native(_) = v {
            if let Some(f) = self.lookup_special(v, "__repr__") {
                if !matches!(f, Value::Builtin(ref b) if b.owner == "object") {
                    let r = self.call_function(&f, std::slice::from_ref(v))?;
                    if !matches!(r, Value::Str(_)) {
                        return Err(PyErr::type_error(format!("__repr__ returned non-string (type {})", self.type_name(&r))));
                    }
                    return Ok(r);
                }
            }
        }
        self.repr_string(v).map(Value::string)
    }

    /// `repr(v)` as a Rust string.
    pub fn repr_string(&mut self, v: &Value) -> PyResult<String> {
        Ok(match v {
            Value::None => "None".into(),
            Value::Bool(b) => if *b { "True" } else { "False" }.into(),
            Value::Int(i) => i.to_string(),
            Value::BigInt(_) => int::to_string(v)?,
            Value::Float(f) => float::repr(*f),
            Value::Str(s) => repr_of_str(s),
            Value::List(l) => {
                if l.is_empty() {
                    return Ok("[]".into());
                }
                self.repr_items(v, "[", "]", &l.to_vec(), "[...]")?
            }
            Value::Tuple(t) => {
                if t.len() == 1 {
                    let t = t.clone();
                    return self.repr_items(v, "(", ",)", t.as_slice(), "(...)");
                }
                let t = t.clone();
                self.repr_items(v, "(", ")", t.as_slice(), "(...)")?
            }
            Value::Dict(d) => {
                if d.is_empty() {
                    return Ok("{}".into());
                }
                let a = addr(v);
                if self.repr_stack.contains(&a) {
                    return Ok("{...}".into());
                }
                // (As `repr_items`: the repr depth counts against the
                // recursion limit.)
                if self.check_native_stack().is_err() || self.repr_stack.len() > self.recursion_limit {
                    return Err(PyErr::new(
                        ExcKind::RecursionError,
                        "maximum recursion depth exceeded while getting the repr of an object",
                    ));
                }
                self.repr_stack.push(a);
                let mut parts = Vec::with_capacity(d.len());
                let r = (|| {
                    for (k, val) in d.items() {
                        let ks = self.repr_str_of(&k)?;
                        let vs = self.repr_str_of(&val)?;
                        parts.push(format!("{}: {}", ks, vs));
                    }
                    Ok(())
                })();
                self.repr_stack.pop();
                r?;
                format!("{{{}}}", parts.join(", "))
            }
            Value::Set(s) => {
                if s.is_empty() {
                    return Ok("set()".into());
                }
                self.repr_items(v, "{", "}", &s.keys(), "set(...)")?
            }
            Value::FrozenSet(s) => {
                if s.is_empty() {
                    return Ok("frozenset()".into());
                }
                let inner = self.repr_items(v, "{", "}", &s.keys(), "...")?;
                format!("frozenset({})", inner)
            }
            Value::Bytes(b) => repr_bytes(&b.data),
            Value::ByteArray(b) => format!("bytearray({})", repr_bytearray_data(&b.data.borrow())),
            Value::Range(r) => {
                let (a, b, c) = r.parts();
                let (a, b) = (int::to_string(&a)?, int::to_string(&b)?);
                if matches!(c, Value::Int(1)) {
                    format!("range({}, {})", a, b)
                } else {
                    format!("range({}, {}, {})", a, b, int::to_string(&c)?)
                }
            }
            Value::Slice(s) => {
                let (a, b, c) = (s.start.clone(), s.stop.clone(), s.step.clone());
                format!("slice({}, {}, {})", self.repr_str_of(&a)?, self.repr_str_of(&b)?, self.repr_str_of(&c)?)
            }
            Value::Complex(c) => repr_complex(c.re, c.im),
            Value::Function(f) => format!("<function {} at {:#x}>", f.qualname.get().as_str().unwrap_or("?"), addr(v)),
            Value::Builtin(b) => {
                if b.this.is_undef() {
                    if b.owner.is_empty() || b.owner == "builtins" || b.owner.contains('.') || self.is_module_owner(b.owner) {
                        format!("<built-in function {}>", b.name)
                    } else {
                        format!("<method '{}' of '{}' objects>", b.name, b.owner)
                    }
                } else if let Value::Module(_) = &b.this {
                    format!("<built-in function {}>", b.name)
                } else {
                    let this = b.this.clone();
                    format!("<built-in method {} of {} object at {:#x}>", b.name, self.type_name(&this), addr(&this))
                }
            }
            Value::Method(m) => {
                let fname = match &m.func {
                    Value::Function(f) => f.qualname.get().as_str().unwrap_or("?").to_string(),
                    other => self.type_name(other),
                };
                let this = m.this.clone();
                let r = self.repr_str_of(&this)?;
                format!("<bound method {} of {}>", fname, r)
            }
            Value::Class(c) => {
                let module = c.module.get();
                match module.as_str() {
                    Some("builtins") | None => format!("<class '{}'>", c.qualname.borrow()),
                    Some(m) => format!("<class '{}.{}'>", m, c.qualname.borrow()),
                }
            }
            Value::Module(m) => {
                let file = m.dict.get_str("__file__");
                match file {
                    Some(Value::Str(f)) => format!("<module '{}' from '{}'>", m.name, f.as_str()),
                    _ => format!("<module '{}' (built-in)>", m.name),
                }
            }
            Value::Code(c) => format!("<code object {} at {:#x}, file \"{}\", line {}>", c.name, addr(v), c.filename, c.firstlineno),
            Value::Cell(c) => {
                let inner = c.value.get();
                if inner.is_undef() {
                    format!("<cell at {:#x}: empty>", addr(v))
                } else {
                    format!("<cell at {:#x}: {} object at {:#x}>", addr(v), self.type_name(&inner), addr(&inner))
                }
            }
            Value::Generator(g) => format!(
                "<{} object {} at {:#x}>",
                match g.kind {
                    super::generator::GenKind::Generator => "generator",
                    super::generator::GenKind::Coroutine => "coroutine",
                    super::generator::GenKind::AsyncGenerator => "async_generator",
                },
                g.qualname.get().as_str().unwrap_or("?"),
                addr(v)
            ),
            Value::Iter(_) => format!("<{} object at {:#x}>", self.type_name(v), addr(v)),
            Value::NotImplemented => "NotImplemented".into(),
            Value::Ellipsis => "Ellipsis".into(),
            Value::Undef => "<NULL>".into(),
            Value::Native(n) => match &n.data {
                NativeData::DictView { dict, part } => {
                    let items: Vec<Value> = match part {
                        DictPart::Keys => dict.keys(),
                        DictPart::Values => dict.values(),
                        DictPart::Items => dict.items().into_iter().map(|(k, v)| Value::tuple(vec![k, v])).collect(),
                    };
                    let name = match part {
                        DictPart::Keys => "dict_keys",
                        DictPart::Values => "dict_values",
                        DictPart::Items => "dict_items",
                    };
                    let inner = self.repr_items(v, "[", "]", &items, "...")?;
                    format!("{}({})", name, inner)
                }
                NativeData::Super { cls, obj } => {
                    let o = obj.clone();
                    format!("<super: <class '{}'>, <{} object>>", cls.name(), self.type_name(&o))
                }
                NativeData::SlotMember { name, .. } => format!("<member '{}' of objects>", name),
                NativeData::MappingProxy(m) => {
                    let m = m.clone();
                    format!("mappingproxy({})", self.repr_str_of(&m)?)
                }
                _ => format!("<{} object at {:#x}>", n.class.name(), addr(v)),
            },
            Value::Instance(i) => {
                // Builtin subclasses show their value; others the default.
                let b = i.base_value.get();
                let cls = i.class();
                if !b.is_undef() {
                    if let Some(Value::Builtin(bf)) = cls.lookup("__repr__").as_ref() {
                        if bf.owner != "object" {
                            return self.base_value_repr(&cls.name(), &b);
                        }
                    }
                }
                if let Some(f) = cls.lookup("__repr__").map(|f| self.special_callable(f)) {
                    if !matches!(&f, Value::Builtin(bf) if bf.owner == "object") {
                        let r = self.call_function(&f, std::slice::from_ref(v))?;
                        return match r {
                            Value::Str(s) => Ok(s.as_str().to_string()),
                            _ => Err(PyErr::type_error(format!("__repr__ returned non-string (type {})", self.type_name(&r)))),
                        };
                    }
                }
                self.object_repr(v)?
            }
        })
    }

    fn is_module_owner(&self, owner: &str) -> bool {
        self.modules.get_str(owner).is_some()
    }

    /// `object.__repr__`: `<module.Class object at 0x...>`.
    pub fn object_repr(&mut self, v: &Value) -> PyResult<String> {
        let cls = self.class_of(v);
        let module = cls.module.get();
        let name = cls.qualname.borrow().clone();
        Ok(match module.as_str() {
            Some("builtins") | None => format!("<{} object at {:#x}>", name, addr(v)),
            Some(m) => format!("<{}.{} object at {:#x}>", m, name, addr(v)),
        })
    }

    /// repr as a Rust string, dispatching through `__repr__` for instances.
    pub fn repr_str_of(&mut self, v: &Value) -> PyResult<String> {
        match v {
            Value::Int(i) => Ok(i.to_string()),
            Value::Str(s) => Ok(repr_of_str(s)),
            Value::Float(f) => Ok(float::repr(*f)),
            Value::Instance(_) | Value::Native(_) | Value::Class(_) => match self.repr(v)? {
                Value::Str(s) => Ok(s.as_str().to_string()),
                _ => Ok(String::new()),
            },
            _ => self.repr_string(v),
        }
    }

    fn repr_items(&mut self, container: &Value, open: &str, close: &str, items: &[Value], recursive: &str) -> PyResult<String> {
        let a = addr(container);
        if self.repr_stack.contains(&a) {
            return Ok(recursive.to_string());
        }
        if self.check_native_stack().is_err() {
            return Err(PyErr::new(ExcKind::RecursionError, "maximum recursion depth exceeded while getting the repr of an object"));
        }
        if self.repr_stack.len() > self.recursion_limit {
            return Err(PyErr::new(ExcKind::RecursionError, "maximum recursion depth exceeded while getting the repr of an object"));
        }
        self.repr_stack.push(a);
        let mut out = String::from(open);
        let mut r = Ok(());
        for (i, item) in items.iter().enumerate() {
            if i > 0 {
                out.push_str(", ");
            }
            match self.repr_str_of(item) {
                Ok(s) => out.push_str(&s),
                Err(e) => {
                    r = Err(e);
                    break;
                }
            }
        }
        self.repr_stack.pop();
        r?;
        out.push_str(close);
        Ok(out)
    }

    /// `str(v)` as a Rust string.
    pub fn str_of(&mut self, v: &Value) -> PyResult<String> {
        match v {
            Value::Str(s) => Ok(s.as_str().to_string()),
            Value::Int(i) => Ok(i.to_string()),
            Value::Float(f) => Ok(float::repr(*f)),
            Value::Instance(_) | Value::Native(_) | Value::Class(_) => match self.str_value(v)? {
                Value::Str(s) => Ok(s.as_str().to_string()),
                Value::Instance(i) => match i.base_value.get() {
                    Value::Str(s) => Ok(s.as_str().to_string()),
                    _ => Ok(String::new()),
                },
                _ => Ok(String::new()),
            },
            _ => self.repr_string(v),
        }
    }

    /// `str(v)` as a value.
    pub fn str_value(&mut self, v: &Value) -> PyResult<Value> {
        match v {
            Value::Str(_) => Ok(v.clone()),
            Value::Instance(i) => {
                let cls = i.class();
                if let Some(f) = cls.lookup("__str__").map(|f| self.special_callable(f)) {
                    // `int`, `float`, `complex`, `bool` and the containers have
                    // no `__str__` of their own in CPython: `object.__str__`
                    // calls `repr` (so a subclass's `__repr__` is used).
                    let is_object_str = matches!(&f, Value::Builtin(b) if matches!(b.owner, "object" | "int" | "float" | "complex" | "bool" | "dict" | "list" | "tuple" | "set" | "frozenset"));
                    if !is_object_str {
                        if let Value::Builtin(b) = &f {
                            // A builtin base's __str__ (e.g. int subclass, exceptions).
                            if i.exc.is_none() {
                                let bv = i.base_value.get();
                                if !bv.is_undef() && cls.lookup("__repr__").is_none_or(|r| matches!(r, Value::Builtin(_))) {
                                    let _ = b;
                                    if matches!(bv, Value::Set(_) | Value::FrozenSet(_) | Value::ByteArray(_)) {
                                        // (Their str is their repr, which names the class.)
                                        return self.base_value_repr(&cls.name(), &bv).map(Value::string);
                                    }
                                    return self.str_value(&bv);
                                }
                            }
                        }
                        let r = self.call_function(&f, std::slice::from_ref(v))?;
                        // (An instance of a str subclass is a string too,
                        // and is returned as it is.)
                        let sub = matches!(&r, Value::Instance(i) if matches!(i.base_value.get(), Value::Str(_)));
                        if !matches!(r, Value::Str(_)) && !sub {
                            return Err(PyErr::type_error(format!("__str__ returned non-string (type {})", self.type_name(&r))));
                        }
                        return Ok(r);
                    }
                }
                self.repr(v)
            }
            Value::Native(_) => {
                if let Some(f) = self.lookup_special(v, "__str__") {
                    if !matches!(&f, Value::Builtin(b) if b.owner == "object") {
                        return self.call_function(&f, std::slice::from_ref(v));
                    }
                }
                self.repr(v)
            }
            Value::Class(c) => {
                if let Value::Class(meta) = c.metaclass.get() {
                    if !meta.is_builtin() {
                        if let Some(f) = meta.lookup("__str__") {
                            if !matches!(f, Value::Builtin(_)) {
                                return self.call_function(&f, std::slice::from_ref(v));
                            }
                        }
                    }
                }
                self.repr(v)
            }
            Value::Int(i) => Ok(super::format::int_str_value(*i)),
            Value::BigInt(_) => Ok(Value::string(int::to_string(v)?)),
            _ => self.repr_string(v).map(Value::string),
        }
    }
}

/// Escapes the non-ASCII characters of a repr (what `ascii()` returns).
pub fn ascii_str_of_repr(r: &str) -> String {
    let mut out = String::with_capacity(r.len());
    for c in r.chars() {
        let u = c as u32;
        if u < 0x80 {
            out.push(c);
        } else if u < 0x100 {
            out.push_str(&format!("\\x{:02x}", u));
        } else if u < 0x10000 {
            out.push_str(&format!("\\u{:04x}", u));
        } else {
            out.push_str(&format!("\\U{:08x}", u));
        }
    }
    out
}
