//! Operators: arithmetic, comparison, truthiness, hashing, equality and
//! membership, with fast paths for builtin types and the full dunder
//! protocol (including reflected operands) for everything else.

use std::cmp::Ordering;

use crate::bytecode::{BinOp, CmpOp};
use crate::objects::*;
use crate::vm::{Args, ExcKind, PyErr, PyResult, Vm};

/// An equality callback for dict and set lookups: Python `==`.
#[macro_export]
macro_rules! keq {
    ($vm:expr) => {
        &mut |a: &$crate::objects::Value, b: &$crate::objects::Value| $vm.eq(a, b)
    };
}

/// Float operands for a mixed int/float operation (a big int converts with
/// an `OverflowError` when out of range).
fn float_pair(a: &Value, b: &Value) -> Option<PyResult<(f64, f64)>> {
    let fa = match a {
        Value::Float(f) => *f,
        Value::Int(_) | Value::Bool(_) | Value::BigInt(_) => match int::to_f64(a) {
            Ok(f) => f,
            Err(e) => return Some(Err(e)),
        },
        _ => return None,
    };
    let fb = match b {
        Value::Float(f) => *f,
        Value::Int(_) | Value::Bool(_) | Value::BigInt(_) => match int::to_f64(b) {
            Ok(f) => f,
            Err(e) => return Some(Err(e)),
        },
        _ => return None,
    };
    Some(Ok((fa, fb)))
}

fn complex_parts(v: &Value) -> Option<PyResult<(f64, f64)>> {
    match v {
        Value::Complex(c) => Some(Ok((c.re, c.im))),
        Value::Float(f) => Some(Ok((*f, 0.0))),
        Value::Int(_) | Value::Bool(_) | Value::BigInt(_) => Some(int::to_f64(v).map(|f| (f, 0.0))),
        _ => None,
    }
}

pub fn complex(re: f64, im: f64) -> Value {
    Value::Complex(PyRef::new(ComplexObj { re, im }))
}

/// Repetition count for `seq * n`.
fn repeat_count(v: &Value) -> Option<PyResult<usize>> {
    match v {
        Value::Int(i) => Some(Ok((*i).max(0) as usize)),
        Value::Bool(b) => Some(Ok(*b as usize)),
        // (Outside the int64 range, negative too, as CPython's ssize_t.)
        Value::BigInt(_) => Some(Err(PyErr::overflow("cannot fit 'int' into an index-sized integer"))),
        _ => None,
    }
}

/// `MemoryError` for a repetition of `len` items of `item` bytes `n` times
/// that could never fit: more than the machine's memory and swap (where
/// CPython's `malloc` fails; an allocation failure would abort the
/// process here).
/// `R[a] += R[b]` or `R[a] = R[a] + R[b]` of two strs (the instruction
/// writes `R[a]`): appends to `R[a]`'s str in place when that register
/// holds its only reference (`StrObj::push_unique`) and returns true;
/// false leaves everything as it was, for the usual concatenation.
/// `next` is the instruction after: a `StoreGlobal` of `R[a]` to the name
/// whose value is this very str (`s += t` at module level) gives up the
/// globals' reference first, as CPython's `unicode_concatenate` does for
/// `STORE_NAME`; the store puts it back at once (no code runs between).
///
/// # Safety
/// `a` and `b` index live registers of the window at `base`.
pub(crate) unsafe fn concat_in_place(
    base: *mut Value,
    a: crate::bytecode::Reg,
    b: crate::bytecode::Reg,
    next: Option<&crate::bytecode::Instr>,
    names: &[PyRef<StrObj>],
    globals: &DictObj,
) -> bool {
    if a == b || crate::objects::str::surrogates_seen() {
        return false;
    }
    // SAFETY: (caller) both are live registers; `a != b`, so the two
    // references do not alias.
    let (sa, sb) = unsafe { (&mut *base.add(a as usize), &*base.add(b as usize)) };
    let (Value::Str(s), Value::Str(t)) = (sa, sb) else { return false };
    if s.strong_count() == 2 {
        if let Some(&crate::bytecode::Instr::StoreGlobal { src, name }) = next {
            let n = names[name as usize].as_str();
            if src == a {
                if let Some(i) = globals.find_str(n, crate::objects::str::hash_str(n)) {
                    let entry = globals.value_ptr(i);
                    // SAFETY: `entry` is the value of a live entry; the
                    // store that follows writes it again (a transient
                    // None no code sees), and the str stays alive in the
                    // register.
                    unsafe {
                        if matches!(&*entry, Value::Str(g) if PyRef::ptr_eq(g, s)) {
                            drop(std::mem::replace(&mut *entry, Value::None));
                        }
                    }
                }
            }
        }
    }
    StrObj::push_unique(s, t)
}

/// The length of a native object whose type answers it directly
/// (`class_flags::NATIVE_LEN`: a deque), without looking up and calling
/// its `__len__`.
#[inline]
fn native_len(n: &NativeObj) -> Option<usize> {
    match &n.data {
        NativeData::Other(s) if n.class.flags.get() & class_flags::NATIVE_LEN != 0 => s.native_len(),
        _ => None,
    }
}

/// The truth of `v` when it needs no Python code: every value but an
/// instance and a native object whose type does not answer its length
/// (`native_len`), whose `__bool__`/`__len__` must be called.
#[inline]
pub(crate) fn known_truth(v: &Value) -> Option<bool> {
    Some(match v {
        Value::Bool(b) => *b,
        Value::None | Value::Undef => false,
        Value::Int(i) => *i != 0,
        Value::Float(f) => *f != 0.0,
        Value::Str(s) => !s.is_empty(),
        Value::List(l) => !l.is_empty(),
        Value::Tuple(t) => !t.is_empty(),
        Value::Dict(d) => !d.is_empty(),
        Value::Set(s) | Value::FrozenSet(s) => !s.is_empty(),
        Value::BigInt(_) => true,
        Value::Bytes(b) => !b.data.is_empty(),
        Value::ByteArray(b) => !b.data.borrow().is_empty(),
        Value::Range(r) => !r.is_empty(),
        Value::Complex(c) => c.re != 0.0 || c.im != 0.0,
        Value::Native(n) => native_len(n)? != 0,
        Value::Instance(_) => return None,
        _ => true,
    })
}

pub(crate) fn check_repeat_size(len: usize, n: usize, item: usize) -> PyResult<()> {
    if len != 0 && n != 0 && len.checked_mul(n).and_then(|t| t.checked_mul(item)).is_none_or(|b| b > memory_limit()) {
        return Err(PyErr::new(ExcKind::MemoryError, ""));
    }
    Ok(())
}

/// Physical memory plus swap, in bytes (`/proc/meminfo`; 1 TiB when
/// unknown).
pub(crate) fn memory_limit() -> usize {
    static LIMIT: std::sync::OnceLock<usize> = std::sync::OnceLock::new();
    *LIMIT.get_or_init(|| {
        let Ok(info) = std::fs::read_to_string("/proc/meminfo") else { return 1 << 40 };
        let kb = |key: &str| -> usize {
            info.lines()
                .find_map(|l| l.strip_prefix(key))
                .and_then(|r| r.split_whitespace().next())
                .and_then(|v| v.parse::<usize>().ok())
                .unwrap_or(0)
        };
        let total = (kb("MemTotal:") + kb("SwapTotal:")).saturating_mul(1024);
        if total == 0 {
            1 << 40
        } else {
            total
        }
    })
}

impl Vm {
    /// The operator on builtin values; `None` when the builtin types do not
    /// implement it for these operands (Python's `NotImplemented`).
    pub fn native_binop(&mut self, op: BinOp, a: &Value, b: &Value) -> Option<PyResult<Value>> {
        use Value::*;
        // ints (and bools)
        if int::is_int(a) && int::is_int(b) {
            return Some(match op {
                BinOp::Add => Ok(int::add(a, b)),
                BinOp::Sub => Ok(int::sub(a, b)),
                BinOp::Mul => Ok(int::mul(a, b)),
                BinOp::TrueDiv => int::truediv(a, b),
                BinOp::FloorDiv => int::floordiv(a, b),
                BinOp::Mod => int::modulo(a, b),
                BinOp::Pow => int::pow(a, b),
                BinOp::LShift => int::lshift(a, b),
                BinOp::RShift => int::rshift(a, b),
                BinOp::And => Ok(if let (Bool(x), Bool(y)) = (a, b) { Bool(*x & *y) } else { int::bitand(a, b) }),
                BinOp::Or => Ok(if let (Bool(x), Bool(y)) = (a, b) { Bool(*x | *y) } else { int::bitor(a, b) }),
                BinOp::Xor => Ok(if let (Bool(x), Bool(y)) = (a, b) { Bool(*x ^ *y) } else { int::bitxor(a, b) }),
                BinOp::MatMul => return Option::None,
            });
        }
        // floats mixed with ints
        if matches!(a, Float(_)) || matches!(b, Float(_)) {
            if let Some(pair) = float_pair(a, b) {
                let (x, y) = match pair {
                    Ok(p) => p,
                    Err(e) => return Some(Err(e)),
                };
                return Some(match op {
                    BinOp::Add => Ok(Float(x + y)),
                    BinOp::Sub => Ok(Float(x - y)),
                    BinOp::Mul => Ok(Float(x * y)),
                    BinOp::TrueDiv => {
                        if y == 0.0 {
                            Err(PyErr::zero_division("float division by zero"))
                        } else {
                            Ok(Float(x / y))
                        }
                    }
                    BinOp::FloorDiv => float::floordiv(x, y).map(Float),
                    BinOp::Mod => float::modulo(x, y).map(Float),
                    BinOp::Pow => match float::pow(x, y) {
                        Ok(r) => Ok(Float(r)),
                        Err(e) if e.lazy_kind() == Some(ExcKind::ValueError) => complex_pow_checked((x, 0.0), (y, 0.0)),
                        Err(e) => Err(e),
                    },
                    _ => return Option::None,
                });
            }
        }
        if matches!(a, Complex(_)) || matches!(b, Complex(_)) {
            if let (Some(pa), Some(pb)) = (complex_parts(a), complex_parts(b)) {
                let ((ar, ai), (br, bi)) = match (pa, pb) {
                    (Ok(x), Ok(y)) => (x, y),
                    (Err(e), _) | (_, Err(e)) => return Some(Err(e)),
                };
                return Some(match op {
                    BinOp::Add => Ok(complex(ar + br, ai + bi)),
                    BinOp::Sub => Ok(complex(ar - br, ai - bi)),
                    BinOp::Mul => Ok(complex(ar * br - ai * bi, ar * bi + ai * br)),
                    BinOp::TrueDiv => complex_div((ar, ai), (br, bi)),
                    BinOp::Pow => complex_pow_checked((ar, ai), (br, bi)),
                    _ => return Option::None,
                });
            }
        }
        match (op, a, b) {
            (BinOp::Add, Str(x), Str(y)) => {
                let mut s = String::with_capacity(x.as_str().len() + y.as_str().len());
                s.push_str(x.as_str());
                s.push_str(y.as_str());
                Some(Ok(Value::string(s)))
            }
            (BinOp::Add, List(x), List(y)) => Some(Ok(Value::List(crate::objects::list::concat(x, y)))),
            (BinOp::Add, Tuple(x), Tuple(y)) => {
                let mut v = x.as_slice().to_vec();
                v.extend_from_slice(y.as_slice());
                Some(Ok(Value::tuple(v)))
            }
            (BinOp::Add, Bytes(x), Bytes(y)) => {
                let mut v = x.data.to_vec();
                v.extend_from_slice(&y.data);
                Some(Ok(Value::Bytes(PyRef::new(BytesObj { data: v.into_boxed_slice() }))))
            }
            (BinOp::Add, ByteArray(x), ByteArray(y)) => {
                let mut v = x.data.borrow().clone();
                v.extend_from_slice(&y.data.borrow());
                Some(Ok(Value::ByteArray(PyRef::new(ByteArrayObj { data: std::cell::RefCell::new(v) }))))
            }
            (BinOp::Add, ByteArray(x), Bytes(y)) => {
                let mut v = x.data.borrow().clone();
                v.extend_from_slice(&y.data);
                Some(Ok(Value::ByteArray(PyRef::new(ByteArrayObj { data: std::cell::RefCell::new(v) }))))
            }
            (BinOp::Add, Bytes(x), ByteArray(y)) => {
                let mut v = x.data.to_vec();
                v.extend_from_slice(&y.data.borrow());
                Some(Ok(Value::Bytes(PyRef::new(BytesObj { data: v.into_boxed_slice() }))))
            }
            (BinOp::Mul, ByteArray(x), n) | (BinOp::Mul, n, ByteArray(x)) if repeat_count(n).is_some() => {
                let count = match repeat_count(n).unwrap() {
                    Ok(c) => c,
                    Err(e) => return Some(Err(e)),
                };
                let data = x.data.borrow();
                if let Err(e) = check_repeat_size(data.len(), count, 1) {
                    return Some(Err(e));
                }
                let v = data.repeat(count);
                Some(Ok(Value::ByteArray(PyRef::new(ByteArrayObj { data: std::cell::RefCell::new(v) }))))
            }
            (BinOp::Mod, ByteArray(f), v) => {
                let fmt = f.data.borrow().clone();
                Some(crate::vm::format::bytes_percent_format(self, &fmt, v).map(|r| match r {
                    Value::Bytes(b) => Value::ByteArray(PyRef::new(ByteArrayObj { data: std::cell::RefCell::new(b.data.to_vec()) })),
                    other => other,
                }))
            }
            (BinOp::Mul, Str(_) | List(_) | Tuple(_) | Bytes(_), n) | (BinOp::Mul, n, Str(_) | List(_) | Tuple(_) | Bytes(_))
                if repeat_count(n).is_some() =>
            {
                let seq = if repeat_count(b).is_some() { a } else { b };
                let count = match repeat_count(n).unwrap() {
                    Ok(c) => c,
                    Err(e) => return Some(Err(e)),
                };
                Some(repeat(seq, count))
            }
            (BinOp::Mod, Str(f), v) => Some(crate::vm::format::percent_format_value(self, f.as_str(), v)),
            (BinOp::Mod, Bytes(f), v) => Some(crate::vm::format::bytes_percent_format(self, &f.data, v)),
            (BinOp::Sub | BinOp::And | BinOp::Or | BinOp::Xor, Set(_) | FrozenSet(_), Set(_) | FrozenSet(_)) => {
                Some(self.set_binop(op, a, b))
            }
            (BinOp::Or, Dict(x), Dict(y)) => {
                let d = DictObj::new();
                let r = (|| {
                    for (h, k, v) in x.hashed_items() {
                        d.insert_new(k, h, v);
                    }
                    for (h, k, v) in y.hashed_items() {
                        self.dict_set_hashed(&d, k, h, v)?;
                    }
                    Ok(Value::Dict(d))
                })();
                Some(r)
            }
            _ => Option::None,
        }
    }

    /// `a <op> b` (or `a <op>= b` when `inplace`).
    pub fn binary_op(&mut self, op: BinOp, a: &Value, b: &Value) -> PyResult<Value> {
        if !matches!(a, Value::Instance(_)) && !matches!(b, Value::Instance(_)) {
            if let Some(r) = self.native_binop(op, a, b) {
                return r;
            }
        }
        self.binary_op_slow(op, a, b, false)
    }

    pub fn inplace_op(&mut self, op: BinOp, a: &Value, b: &Value) -> PyResult<Value> {
        match (op, a) {
            (BinOp::Add, Value::List(l)) => {
                // list += iterable extends in place.
                let items = self.collect_iterable(b)?;
                l.extend(items);
                return Ok(a.clone());
            }
            (BinOp::Mul, Value::List(l)) => {
                // (Not through `list.__imul__`, which comes back here.)
                if let Some(n) = repeat_count(b) {
                    let n = n?;
                    check_repeat_size(l.len(), n, 16)?;
                    l.repeat_in_place(n);
                    return Ok(a.clone());
                }
                if matches!(b, Value::Instance(_)) && self.lookup_special(b, "__index__").is_some() {
                    let n = self.index_value(b)?.unwrap_or(Value::Int(0));
                    if let Some(n) = repeat_count(&n) {
                        let n = n?;
                        check_repeat_size(l.len(), n, 16)?;
                        l.repeat_in_place(n);
                        return Ok(a.clone());
                    }
                }
                // `b.__rmul__`, then the sequence's TypeError.
                return self.binary_op_slow(op, a, b, false);
            }
            (BinOp::Or | BinOp::And | BinOp::Sub | BinOp::Xor, Value::Set(s)) => {
                if matches!(b, Value::Set(_) | Value::FrozenSet(_)) {
                    let r = self.set_binop(op, a, b)?;
                    if let Value::Set(n) = r {
                        s.clear();
                        s.merge(&n, keq!(self))?;
                    }
                    return Ok(a.clone());
                }
            }
            (BinOp::Or, Value::Dict(d)) => {
                self.dict_update(d, b)?;
                return Ok(a.clone());
            }
            (_, Value::ByteArray(ba)) if op == BinOp::Add => {
                if let Value::Bytes(x) = b {
                    ba.data.borrow_mut().extend_from_slice(&x.data);
                    return Ok(a.clone());
                }
                if let Value::ByteArray(x) = b {
                    let add = x.data.borrow().clone();
                    ba.data.borrow_mut().extend_from_slice(&add);
                    return Ok(a.clone());
                }
            }
            _ => {}
        }
        if !matches!(a, Value::Instance(_)) && !matches!(b, Value::Instance(_)) {
            if let Some(r) = self.native_binop(op, a, b) {
                return r;
            }
        }
        self.binary_op_slow(op, a, b, true)
    }

    fn binary_op_slow(&mut self, op: BinOp, a: &Value, b: &Value, inplace: bool) -> PyResult<Value> {
        let (name, rname, iname) = op.dunders();
        if inplace {
            if let Some(f) = self.lookup_special(a, iname) {
                let r = self.call_function(&f, &[a.clone(), b.clone()])?;
                if !matches!(r, Value::NotImplemented) {
                    return Ok(r);
                }
            }
        }
        let ta = self.class_of(a);
        let tb = self.class_of(b);
        let same = PyRef::ptr_eq(&ta, &tb);
        let fa = ta.lookup(name);
        let fb = if same { None } else { tb.lookup(rname) };
        // A subclass's reflected method wins when it overrides the base's.
        if let Some(fbv) = &fb {
            if super::types::is_subclass(&tb, &ta) {
                let base_r = ta.lookup(rname);
                let overrides = match &base_r {
                    Some(x) => !x.is(fbv),
                    None => true,
                };
                if overrides {
                    let fbv = self.special_callable(fbv.clone());
                    let r = self.call_function(&fbv, &[b.clone(), a.clone()])?;
                    if !matches!(r, Value::NotImplemented) {
                        return Ok(r);
                    }
                    return self.binop_fallback(op, a, b, fa, None, inplace);
                }
            }
        }
        self.binop_fallback(op, a, b, fa, fb, inplace)
    }

    /// The rest of `a <op> b` after `type(a).__op__` returned NotImplemented
    /// (types differ: `type(b).__rop__`, then the TypeError).
    pub(crate) fn binop_after_not_implemented(&mut self, op: BinOp, a: &Value, b: &Value) -> PyResult<Value> {
        let ta = self.class_of(a);
        let tb = self.class_of(b);
        let fb = if PyRef::ptr_eq(&ta, &tb) { None } else { tb.lookup(op.dunders().1) };
        self.binop_fallback(op, a, b, None, fb, false)
    }

    fn binop_fallback(&mut self, op: BinOp, a: &Value, b: &Value, fa: Option<Value>, fb: Option<Value>, inplace: bool) -> PyResult<Value> {
        if let Some(f) = fa {
            let f = self.special_callable(f);
            let r = self.call_function(&f, &[a.clone(), b.clone()])?;
            if !matches!(r, Value::NotImplemented) {
                return Ok(r);
            }
        }
        if let Some(f) = fb {
            let f = self.special_callable(f);
            let r = self.call_function(&f, &[b.clone(), a.clone()])?;
            if !matches!(r, Value::NotImplemented) {
                return Ok(r);
            }
        }
        if op == BinOp::Pow && !inplace {
            return Err(PyErr::type_error(format!(
                "unsupported operand type(s) for ** or pow(): '{}' and '{}'",
                self.type_name(a),
                self.type_name(b)
            )));
        }
        if op == BinOp::Add && matches!(a, Value::Str(_)) {
            return Err(PyErr::type_error(format!("can only concatenate str (not \"{}\") to str", self.type_name(b))));
        }
        if op == BinOp::Add && matches!(a, Value::List(_)) {
            return Err(PyErr::type_error(format!("can only concatenate list (not \"{}\") to list", self.type_name(b))));
        }
        if op == BinOp::Add && matches!(a, Value::Tuple(_)) {
            return Err(PyErr::type_error(format!("can only concatenate tuple (not \"{}\") to tuple", self.type_name(b))));
        }
        if op == BinOp::Add && matches!(a, Value::Bytes(_) | Value::ByteArray(_)) {
            return Err(PyErr::type_error(format!("can't concat {} to {}", self.type_name(b), self.type_name(a))));
        }
        let is_seq = |v: &Value| matches!(v, Value::Str(_) | Value::List(_) | Value::Tuple(_) | Value::Bytes(_) | Value::ByteArray(_));
        if op == BinOp::Mul && (is_seq(a) || is_seq(b)) {
            let (seq, other) = if is_seq(a) { (a, b) } else { (b, a) };
            // An object with `__index__` repeats a sequence (`"ab" * n`).
            if !matches!(seq, Value::ByteArray(_)) {
                if let Some(n) = self.index_value(other)? {
                    let count = match repeat_count(&n) {
                        Some(c) => c?,
                        None => 0,
                    };
                    return repeat(seq, count);
                }
            }
            return Err(PyErr::type_error(format!("can't multiply sequence by non-int of type '{}'", self.type_name(other))));
        }
        Err(PyErr::type_error(format!(
            "unsupported operand type(s) for {}{}: '{}' and '{}'",
            op.symbol(),
            if inplace { "=" } else { "" },
            self.type_name(a),
            self.type_name(b)
        )))
    }

    /// Method `name` found on the type of `v` (not on the instance), for
    /// special-method calls.
    /// Callers call it with `v` first, as an unbound method; a Python object
    /// found there (not a function) is called as CPython's
    /// `lookup_maybe_method` does: through its type's `__get__` when it has
    /// one (bound to `v`), else as it is, without `v` (`special_via_get`).
    pub fn lookup_special(&self, v: &Value, name: &str) -> Option<Value> {
        let cls = self.class_of(v);
        cls.lookup(name).map(|f| self.special_callable(f))
    }

    /// A special method `f` found on a type, made callable as an unbound
    /// method (`lookup_special`).
    pub fn special_callable(&self, f: Value) -> Value {
        match f {
            d @ Value::Instance(_) => {
                let wrapper = self.builtin_fn("__get__", special_via_get, "special method");
                Value::Method(PyRef::new_tracked(MethodObj { func: wrapper, this: d }))
            }
            f => f,
        }
    }

    // ----- unary -----

    pub fn neg(&mut self, v: &Value) -> PyResult<Value> {
        match v {
            Value::Int(_) | Value::Bool(_) | Value::BigInt(_) => Ok(int::neg(v)),
            Value::Float(f) => Ok(Value::Float(-f)),
            Value::Complex(c) => Ok(complex(-c.re, -c.im)),
            _ => self.unary_slow(v, "__neg__", "-"),
        }
    }

    pub fn pos(&mut self, v: &Value) -> PyResult<Value> {
        match v {
            Value::Int(_) | Value::BigInt(_) => Ok(v.clone()),
            Value::Bool(b) => Ok(Value::Int(*b as i64)),
            Value::Float(_) | Value::Complex(_) => Ok(v.clone()),
            _ => self.unary_slow(v, "__pos__", "+"),
        }
    }

    pub fn invert(&mut self, v: &Value) -> PyResult<Value> {
        match v {
            Value::Int(_) | Value::Bool(_) | Value::BigInt(_) => Ok(int::invert(v)),
            _ => self.unary_slow(v, "__invert__", "~"),
        }
    }

    fn unary_slow(&mut self, v: &Value, name: &str, sym: &str) -> PyResult<Value> {
        if let Some(f) = self.lookup_special(v, name) {
            return self.call_function(&f, std::slice::from_ref(v));
        }
        Err(PyErr::type_error(format!("bad operand type for unary {}: '{}'", sym, self.type_name(v))))
    }

    pub fn abs(&mut self, v: &Value) -> PyResult<Value> {
        match v {
            Value::Int(_) | Value::Bool(_) | Value::BigInt(_) => Ok(int::abs(v)),
            Value::Float(f) => Ok(Value::Float(f.abs())),
            Value::Complex(c) => Ok(Value::Float(c.re.hypot(c.im))),
            _ => {
                if let Some(f) = self.lookup_special(v, "__abs__") {
                    return self.call_function(&f, std::slice::from_ref(v));
                }
                Err(PyErr::type_error(format!("bad operand type for abs(): '{}'", self.type_name(v))))
            }
        }
    }

    // ----- truth -----

    #[inline]
    pub fn truthy(&mut self, v: &Value) -> PyResult<bool> {
        match known_truth(v) {
            Some(b) => Ok(b),
            None => self.truthy_slow(v),
        }
    }

    fn truthy_slow(&mut self, v: &Value) -> PyResult<bool> {
        if let Some(f) = self.lookup_special(v, "__bool__") {
            let r = self.call_function(&f, std::slice::from_ref(v))?;
            return match r {
                Value::Bool(b) => Ok(b),
                _ => Err(PyErr::type_error(format!("__bool__ should return bool, returned {}", self.type_name(&r)))),
            };
        }
        if let Some(f) = self.lookup_special(v, "__len__") {
            let r = self.call_function(&f, std::slice::from_ref(v))?;
            return Ok(self.len_result(&r)? != 0);
        }
        Ok(true)
    }

    // ----- comparison -----

    /// `a == b` as a bool (identity implies equality, as in containers).
    pub fn eq(&mut self, a: &Value, b: &Value) -> PyResult<bool> {
        if a.is(b) {
            return Ok(true);
        }
        match (a, b) {
            (Value::Int(x), Value::Int(y)) => return Ok(x == y),
            (Value::Str(x), Value::Str(y)) => return Ok(x.as_str() == y.as_str()),
            (Value::Float(x), Value::Float(y)) => return Ok(x == y),
            // Tuple keys of dicts: what `native_compare` does for `==`,
            // without the detour through `compare` and a `Value::Bool`.
            (Value::Tuple(x), Value::Tuple(y)) => {
                if x.len() != y.len() {
                    return Ok(false);
                }
                let (x, y) = (x.clone(), y.clone());
                return self.compare_sequences(CmpOp::Eq, x.as_slice(), y.as_slice());
            }
            _ => {}
        }
        let r = self.compare(CmpOp::Eq, a, b)?;
        self.truthy(&r)
    }

    /// The value of `a <op> b` for a rich comparison.
    pub fn compare(&mut self, op: CmpOp, a: &Value, b: &Value) -> PyResult<Value> {
        match op {
            CmpOp::Is => return Ok(Value::Bool(a.is(b))),
            CmpOp::IsNot => return Ok(Value::Bool(!a.is(b))),
            CmpOp::In => return Ok(Value::Bool(self.contains(b, a)?)),
            CmpOp::NotIn => return Ok(Value::Bool(!self.contains(b, a)?)),
            _ => {}
        }
        if !matches!(a, Value::Instance(_)) && !matches!(b, Value::Instance(_)) {
            if let Some(r) = self.native_compare(op, a, b) {
                return r.map(Value::Bool);
            }
        }
        self.compare_slow(op, a, b)
    }

    /// Comparison as a bool.
    pub fn compare_bool(&mut self, op: CmpOp, a: &Value, b: &Value) -> PyResult<bool> {
        match op {
            CmpOp::Is => return Ok(a.is(b)),
            CmpOp::IsNot => return Ok(!a.is(b)),
            CmpOp::In => return self.contains(b, a),
            CmpOp::NotIn => return Ok(!self.contains(b, a)?),
            _ => {}
        }
        if !matches!(a, Value::Instance(_)) && !matches!(b, Value::Instance(_)) {
            if let Some(r) = self.native_compare(op, a, b) {
                return r;
            }
        }
        let r = self.compare(op, a, b)?;
        self.truthy(&r)
    }

    /// Comparison of builtin values; `None` if not supported natively.
    pub fn native_compare(&mut self, op: CmpOp, a: &Value, b: &Value) -> Option<PyResult<bool>> {
        use Value::*;
        let ord: Option<Ordering> = match (a, b) {
            (Int(x), Int(y)) => Some(x.cmp(y)),
            (Float(x), Float(y)) => {
                return Some(Ok(match op {
                    CmpOp::Lt => x < y,
                    CmpOp::Le => x <= y,
                    CmpOp::Eq => x == y,
                    CmpOp::Ne => x != y,
                    CmpOp::Gt => x > y,
                    CmpOp::Ge => x >= y,
                    _ => return Option::None,
                }))
            }
            (Str(x), Str(y)) => Some(x.as_str().cmp(y.as_str())),
            _ if int::is_int(a) && int::is_int(b) => Some(int::cmp(a, b)),
            (Float(f), _) if int::is_int(b) => {
                return Some(Ok(cmp_result(op, int::cmp_float(b, *f).map(|o| o.reverse()))));
            }
            (_, Float(f)) if int::is_int(a) => {
                return Some(Ok(cmp_result(op, int::cmp_float(a, *f))));
            }
            (None, None) if matches!(op, CmpOp::Eq | CmpOp::Ne) => Some(Ordering::Equal),
            (Slice(x), Slice(y)) => {
                let xv = [x.start.clone(), x.stop.clone(), x.step.clone()];
                let yv = [y.start.clone(), y.stop.clone(), y.step.clone()];
                return Some(self.compare_sequences(op, &xv, &yv));
            }
            (List(x), List(y)) => return Some(self.compare_lists(op, x, y)),
            (Tuple(x), Tuple(y)) => {
                let (x, y) = (x.clone(), y.clone());
                return Some(self.compare_sequences(op, x.as_slice(), y.as_slice()));
            }
            (Bytes(x), Bytes(y)) => Some(x.data.cmp(&y.data)),
            (ByteArray(x), ByteArray(y)) => Some(x.data.borrow().cmp(&y.data.borrow())),
            (Bytes(x), ByteArray(y)) => Some(x.data.as_ref().cmp(&y.data.borrow()[..])),
            (ByteArray(x), Bytes(y)) => Some(x.data.borrow()[..].cmp(y.data.as_ref())),
            (Set(_) | FrozenSet(_), Set(_) | FrozenSet(_)) => return Some(self.set_compare(op, a, b)),
            (Dict(x), Dict(y)) if matches!(op, CmpOp::Eq | CmpOp::Ne) => {
                let r = self.dict_eq(x, y);
                return Some(r.map(|e| if op == CmpOp::Eq { e } else { !e }));
            }
            (Complex(_), _) | (_, Complex(_)) if matches!(op, CmpOp::Eq | CmpOp::Ne) => {
                let (pa, pb) = (complex_parts(a)?, complex_parts(b)?);
                let (Ok(pa), Ok(pb)) = (pa, pb) else { return Option::None };
                let e = pa == pb;
                return Some(Ok(if op == CmpOp::Eq { e } else { !e }));
            }
            (Range(x), Range(y)) if matches!(op, CmpOp::Eq | CmpOp::Ne) => {
                let e = range_eq(x, y);
                return Some(Ok(if op == CmpOp::Eq { e } else { !e }));
            }
            _ => {
                if matches!(op, CmpOp::Eq | CmpOp::Ne) {
                    // Different builtin types (or identity-compared ones) are
                    // equal only when identical.
                    if builtin_eq_by_identity(a) && builtin_eq_by_identity(b) {
                        let e = a.is(b);
                        return Some(Ok(if op == CmpOp::Eq { e } else { !e }));
                    }
                }
                return Option::None;
            }
        };
        Some(Ok(cmp_result(op, ord)))
    }

    /// `eq` of two items of containers being compared: comparing nested
    /// containers takes a level of the recursion count, as CPython's
    /// `PyObject_RichCompare` does for every item (a list that contains
    /// itself raises `RecursionError`, not a native stack overflow).
    fn eq_item(&mut self, a: &Value, b: &Value) -> PyResult<bool> {
        if matches!(a, Value::List(_) | Value::Tuple(_) | Value::Dict(_)) && !a.is(b) {
            self.with_level(" in comparison", |vm| vm.eq(a, b))
        } else {
            self.eq(a, b)
        }
    }

    /// Two lists compared as CPython's `list_richcompare` does: items read
    /// by index at each step, the lengths read again (an item's `__eq__`
    /// may change either list), no copy of either.
    fn compare_lists(&mut self, op: CmpOp, x: &ListObj, y: &ListObj) -> PyResult<bool> {
        if matches!(op, CmpOp::Eq | CmpOp::Ne) && x.len() != y.len() {
            return Ok(op == CmpOp::Ne);
        }
        let mut i = 0;
        while let (Some(a), Some(b)) = (x.get(i), y.get(i)) {
            match (&a, &b) {
                (Value::Int(p), Value::Int(q)) if p == q => {}
                (Value::Int(p), Value::Int(q)) => return Ok(cmp_result(op, Some(p.cmp(q)))),
                _ => {
                    if !self.eq_item(&a, &b)? {
                        return match op {
                            CmpOp::Eq => Ok(false),
                            CmpOp::Ne => Ok(true),
                            _ => self.compare_bool(op, &a, &b),
                        };
                    }
                }
            }
            i += 1;
        }
        Ok(cmp_result(op, Some(x.len().cmp(&y.len()))))
    }

    fn compare_sequences(&mut self, op: CmpOp, x: &[Value], y: &[Value]) -> PyResult<bool> {
        if matches!(op, CmpOp::Eq | CmpOp::Ne) && x.len() != y.len() {
            return Ok(op == CmpOp::Ne);
        }
        let n = x.len().min(y.len());
        for i in 0..n {
            if !self.eq_item(&x[i], &y[i])? {
                return match op {
                    CmpOp::Eq => Ok(false),
                    CmpOp::Ne => Ok(true),
                    _ => self.compare_bool(op, &x[i], &y[i]),
                };
            }
        }
        Ok(cmp_result(op, Some(x.len().cmp(&y.len()))))
    }

    /// The comparison protocol (`__op__`, the reflected `__rop__`, the
    /// defaults), one level of the recursion count as in CPython's
    /// `PyObject_RichCompare`.
    fn compare_slow(&mut self, op: CmpOp, a: &Value, b: &Value) -> PyResult<Value> {
        self.with_level(" in comparison", |vm| vm.compare_protocol(op, a, b))
    }

    fn compare_protocol(&mut self, op: CmpOp, a: &Value, b: &Value) -> PyResult<Value> {
        let name = op.dunder();
        let rname = op.swapped().dunder();
        let ta = self.class_of(a);
        let tb = self.class_of(b);
        let mut tried_reflected = false;
        if !PyRef::ptr_eq(&ta, &tb) && super::types::is_subclass(&tb, &ta) {
            if let Some(f) = tb.lookup(rname).map(|f| self.special_callable(f)) {
                tried_reflected = true;
                let r = self.call_function(&f, &[b.clone(), a.clone()])?;
                if !matches!(r, Value::NotImplemented) {
                    return Ok(r);
                }
            }
        }
        if let Some(f) = ta.lookup(name).map(|f| self.special_callable(f)) {
            let r = self.call_function(&f, &[a.clone(), b.clone()])?;
            if !matches!(r, Value::NotImplemented) {
                return Ok(r);
            }
        }
        if !tried_reflected {
            if let Some(f) = tb.lookup(rname).map(|f| self.special_callable(f)) {
                let r = self.call_function(&f, &[b.clone(), a.clone()])?;
                if !matches!(r, Value::NotImplemented) {
                    return Ok(r);
                }
            }
        }
        match op {
            CmpOp::Eq => Ok(Value::Bool(a.is(b))),
            CmpOp::Ne => Ok(Value::Bool(!a.is(b))),
            _ => Err(PyErr::type_error(format!(
                "'{}' not supported between instances of '{}' and '{}'",
                op.symbol(),
                self.type_name(a),
                self.type_name(b)
            ))),
        }
    }

    /// `needle in container`.
    pub fn contains(&mut self, container: &Value, needle: &Value) -> PyResult<bool> {
        match container {
            Value::Str(s) => match needle {
                Value::Str(n) => Ok(s.as_str().contains(n.as_str())),
                _ => match self.unwrap_builtin(needle).as_ref() {
                    // An instance of a str subclass (a `StrEnum` member).
                    Value::Str(n) => Ok(s.as_str().contains(n.as_str())),
                    _ => Err(PyErr::type_error(format!("'in <string>' requires string as left operand, not {}", self.type_name(needle)))),
                },
            },
            Value::List(l) => {
                let mut i = 0;
                while let Some(item) = l.get(i) {
                    if self.eq(&item, needle)? {
                        return Ok(true);
                    }
                    i += 1;
                }
                Ok(false)
            }
            Value::Tuple(t) => {
                let t = t.clone();
                for item in t.as_slice() {
                    if self.eq(item, needle)? {
                        return Ok(true);
                    }
                }
                Ok(false)
            }
            Value::Dict(d) => {
                // A `str` key is found by content, as `dict_get` does.
                if let Value::Str(s) = needle {
                    if let Some(r) = d.find_str_exact(s) {
                        return Ok(r.is_some());
                    }
                }
                let h = self.hash(needle)?;
                Ok(d.find(needle, h, keq!(self))?.is_some())
            }
            Value::Set(s) | Value::FrozenSet(s) => {
                let h = match self.hash(needle) {
                    Ok(h) => h,
                    Err(e) => {
                        // A set as the needle is looked up as a frozenset.
                        if let Value::Set(inner) = needle {
                            let fs = Value::FrozenSet(PyRef::new_tracked(inner.copy()));
                            return self.contains(container, &fs);
                        }
                        return Err(e);
                    }
                };
                s.contains(needle, h, keq!(self))
            }
            Value::Range(r) if r.big.is_some() => match needle {
                Value::Int(_) | Value::Bool(_) | Value::BigInt(_) => {
                    let (start, stop, step) = r.parts();
                    let up = !int::is_negative(&step);
                    let inside = if up {
                        int::cmp(needle, &start) != Ordering::Less && int::cmp(needle, &stop) == Ordering::Less
                    } else {
                        int::cmp(needle, &start) != Ordering::Greater && int::cmp(needle, &stop) == Ordering::Greater
                    };
                    Ok(inside && int::is_zero(&int::modulo(&int::sub(needle, &start), &step)?))
                }
                _ => self.contains_by_iteration(container, needle),
            },
            Value::Range(r) => match needle {
                Value::BigInt(_) => Ok(false),
                Value::Int(_) | Value::Bool(_) => {
                    let x = int::as_small(needle).unwrap();
                    Ok(range_contains(r, x))
                }
                _ => self.contains_by_iteration(container, needle),
            },
            Value::Bytes(b) => self.bytes_contains(&b.data, needle),
            Value::ByteArray(b) => {
                let data = b.data.borrow().clone();
                self.bytes_contains(&data, needle)
            }
            Value::Native(n) if matches!(n.data, NativeData::DictView { .. }) => {
                if let NativeData::DictView { dict, part } = &n.data {
                    match part {
                        DictPart::Keys => return self.contains(&Value::Dict(dict.clone()), needle),
                        DictPart::Items => {
                            if let Value::Tuple(t) = needle {
                                if t.len() == 2 {
                                    let h = self.hash(&t.as_slice()[0])?;
                                    let found = dict.get(&t.as_slice()[0], h, keq!(self))?;
                                    return match found {
                                        Some(v) => self.eq(&v, &t.as_slice()[1]),
                                        None => Ok(false),
                                    };
                                }
                            }
                            return Ok(false);
                        }
                        DictPart::Values => {}
                    }
                }
                self.contains_by_iteration(container, needle)
            }
            _ => {
                if let Some(f) = self.lookup_special(container, "__contains__") {
                    let r = self.call_function(&f, &[container.clone(), needle.clone()])?;
                    return self.truthy(&r);
                }
                self.contains_by_iteration(container, needle)
            }
        }
    }

    fn bytes_contains(&mut self, data: &[u8], needle: &Value) -> PyResult<bool> {
        // (An instance of a bytes, bytearray or int subclass counts as its value.)
        match self.unwrap_builtin(needle).as_ref() {
            Value::Int(i) => {
                if !(0..256).contains(i) {
                    return Err(PyErr::value_error("byte must be in range(0, 256)"));
                }
                Ok(data.contains(&(*i as u8)))
            }
            Value::Bool(b) => Ok(data.contains(&(*b as u8))),
            Value::Bytes(n) => Ok(find_bytes(data, &n.data).is_some()),
            Value::ByteArray(n) => Ok(find_bytes(data, &n.data.borrow()).is_some()),
            _ => Err(PyErr::type_error(format!("a bytes-like object is required, not '{}'", self.type_name(needle)))),
        }
    }

    fn contains_by_iteration(&mut self, container: &Value, needle: &Value) -> PyResult<bool> {
        let it = match self.get_iter(container) {
            Ok(it) => it,
            Err(e) => {
                if e.lazy_kind() == Some(ExcKind::TypeError) {
                    return Err(PyErr::type_error(format!("argument of type '{}' is not iterable", self.type_name(container))));
                }
                return Err(e);
            }
        };
        while let Some(item) = self.next(&it)? {
            if self.eq(&item, needle)? {
                return Ok(true);
            }
        }
        Ok(false)
    }

    // ----- hashing -----

    pub fn hash(&mut self, v: &Value) -> PyResult<i64> {
        match v {
            Value::Int(i) => Ok(int::hash_i64(*i)),
            Value::Str(s) => Ok(s.hash()),
            Value::Bool(b) => Ok(*b as i64),
            Value::Float(f) => Ok(float::hash(*f)),
            Value::BigInt(b) => Ok(int::hash_big(b)),
            Value::None => Ok(0x7e5b_2d1c_0a01),
            Value::Tuple(t) => {
                let t = t.clone();
                let mut acc: u64 = 2870177450012600261;
                for item in t.as_slice() {
                    let lane = self.hash(item)? as u64;
                    acc = acc.wrapping_add(lane.wrapping_mul(14029467366897019727));
                    acc = acc.rotate_left(31);
                    acc = acc.wrapping_mul(11400714785074694791);
                }
                acc = acc.wrapping_add((t.len() as u64) ^ (2870177450012600261u64 ^ 3527539));
                if acc == u64::MAX {
                    return Ok(1546275796);
                }
                Ok(acc as i64)
            }
            Value::FrozenSet(s) => {
                let mut h: u64 = 0;
                let shuffle = |h: u64| ((h ^ 89869747) ^ (h << 16)).wrapping_mul(3644798167);
                for (_, kh) in s.entries() {
                    h ^= shuffle(kh as u64);
                }
                h ^= (s.len() as u64 + 1).wrapping_mul(1927868237);
                h ^= (h >> 11) ^ (h >> 25);
                h = h.wrapping_mul(69069).wrapping_add(907133923);
                if h == u64::MAX {
                    h = 590923713;
                }
                Ok(h as i64)
            }
            Value::Bytes(b) => Ok(crate::objects::str::hash_bytes(&b.data)),
            Value::Complex(c) => {
                let hr = float::hash(c.re) as u64;
                let hi = float::hash(c.im) as u64;
                let h = hr.wrapping_add(1000003u64.wrapping_mul(hi)) as i64;
                Ok(if h == -1 { -2 } else { h })
            }
            Value::Range(r) => {
                let (start, _, step) = r.parts();
                let len = r.len_value();
                let t = if int::is_zero(&len) {
                    Value::tuple(vec![len, Value::None, Value::None])
                } else if matches!(len, Value::Int(1)) {
                    Value::tuple(vec![len, start, Value::None])
                } else {
                    Value::tuple(vec![len, start, step])
                };
                self.hash(&t)
            }
            Value::List(_) | Value::Dict(_) | Value::Set(_) | Value::ByteArray(_) => {
                Err(PyErr::type_error(format!("unhashable type: '{}'", self.type_name(v))))
            }
            Value::Slice(_) => Err(PyErr::type_error("unhashable type: 'slice'")),
            Value::Instance(_) => {
                let cls = self.class_of(v);
                match cls.lookup("__hash__").map(|f| self.special_callable(f)) {
                    Some(Value::None) => Err(PyErr::type_error(format!("unhashable type: '{}'", self.type_name(v)))),
                    Some(f @ (Value::Function(_) | Value::Method(_) | Value::Native(_))) => {
                        let r = self.call_function(&f, std::slice::from_ref(v))?;
                        match r {
                            Value::Int(i) => Ok(if i == -1 { -2 } else { i }),
                            Value::Bool(b) => Ok(b as i64),
                            Value::BigInt(b) => Ok(int::hash_big(&b)),
                            _ => Err(PyErr::type_error("__hash__ method should return an integer")),
                        }
                    }
                    f => {
                        // Subclasses of builtin hashable types hash like their value.
                        if let Value::Instance(i) = v {
                            let bv = i.base_value.get();
                            if !bv.is_undef() && cls.lookup("__eq__").is_none_or(|e| matches!(e, Value::Builtin(_))) {
                                return self.hash(&bv);
                            }
                            // A native class's own `__hash__` (types.UnionType),
                            // not object's.
                            if let Some(f @ Value::Builtin(_)) = f {
                                if bv.is_undef() && !matches!(&f, Value::Builtin(bf) if bf.owner == "object") {
                                    let r = self.call_function(&f, std::slice::from_ref(v))?;
                                    if let Value::Int(i) = r {
                                        return Ok(if i == -1 { -2 } else { i });
                                    }
                                }
                            }
                        }
                        Ok(identity_hash(v))
                    }
                }
            }
            // Native objects (a deque) whose class says unhashable.
            Value::Native(_) if matches!(self.class_of(v).lookup("__hash__"), Some(Value::None)) => {
                Err(PyErr::type_error(format!("unhashable type: '{}'", self.type_name(v))))
            }
            _ => Ok(identity_hash(v)),
        }
    }

    // ----- dict helpers -----

    pub fn dict_get(&mut self, d: &DictObj, key: &Value) -> PyResult<Option<Value>> {
        if let Value::Str(s) = key {
            if let Some(r) = d.find_str_exact(s) {
                return Ok(r.map(|i| d.value_at(i)));
            }
        }
        let h = self.hash(key)?;
        d.get(key, h, keq!(self))
    }

    pub fn dict_set(&mut self, d: &DictObj, key: Value, value: Value) -> PyResult<()> {
        if let Value::Str(s) = &key {
            let h = s.hash();
            match d.find_str_exact(s) {
                Some(Some(i)) => {
                    d.set_value_at(i, value);
                    return Ok(());
                }
                Some(None) => {
                    d.insert_new(key, h, value);
                    return Ok(());
                }
                None => {}
            }
        }
        let h = self.hash(&key)?;
        self.dict_set_hashed(d, key, h, value)
    }

    pub fn dict_set_hashed(&mut self, d: &DictObj, key: Value, h: i64, value: Value) -> PyResult<()> {
        d.insert(key, h, value, keq!(self))?;
        Ok(())
    }

    pub fn dict_del(&mut self, d: &DictObj, key: &Value) -> PyResult<Option<Value>> {
        let h = self.hash(key)?;
        Ok(d.remove(key, h, keq!(self))?.map(|(_, v)| v))
    }

    /// `d.update(other)` for a mapping or an iterable of pairs.
    pub fn dict_update(&mut self, d: &DictObj, other: &Value) -> PyResult<()> {
        match other {
            Value::Dict(o) => {
                for (h, k, v) in o.hashed_items() {
                    self.dict_set_hashed(d, k, h, v)?;
                }
                Ok(())
            }
            _ => {
                // A dict subclass that keeps dict's iteration is merged
                // directly, as CPython's `dict_merge` does (its own
                // `__getitem__`/`keys` are not called).
                if let Value::Instance(i) = other {
                    if let Value::Dict(o) = i.base_value.get() {
                        let own = self.types.dict.dict.get_str("__iter__");
                        let found = self.lookup_special(other, "__iter__");
                        if let (Some(a), Some(b)) = (own, found) {
                            if a.is(&b) {
                                return self.dict_update(d, &Value::Dict(o));
                            }
                        }
                    }
                }
                if self.lookup_special(other, "keys").is_some() && !matches!(other, Value::List(_) | Value::Tuple(_)) {
                    let keys = self.call_method(other, "keys", &[])?;
                    let keys = self.collect_iterable(&keys)?;
                    for k in keys {
                        let v = self.get_item(other, &k)?;
                        self.dict_set(d, k, v)?;
                    }
                    return Ok(());
                }
                let it = self.get_iter(other)?;
                let mut idx = 0;
                // `dict(zip(keys, values))` of ranges, lists and tuples: each
                // pair without a tuple.
                let mut two = [Value::Undef, Value::Undef];
                loop {
                    // SAFETY: `two` is two live values.
                    match unsafe { super::iter::zip_into(&it, two.as_mut_ptr(), 2) } {
                        Some(true) => {
                            let [k, v] = std::mem::take(&mut two);
                            self.dict_set(d, k, v)?;
                            idx += 1;
                        }
                        Some(false) => return Ok(()),
                        None => break,
                    }
                }
                while let Some(item) = self.next(&it)? {
                    if let Value::Tuple(t) = &item {
                        if let [k, v] = t.as_slice() {
                            self.dict_set(d, k.clone(), v.clone())?;
                            idx += 1;
                            continue;
                        }
                    }
                    let pair = match self.collect_iterable(&item) {
                        Ok(p) => p,
                        Err(_) => {
                            return Err(PyErr::type_error(format!(
                                "cannot convert dictionary update sequence element #{} to a sequence",
                                idx
                            )))
                        }
                    };
                    if pair.len() != 2 {
                        return Err(PyErr::value_error(format!(
                            "dictionary update sequence element #{} has length {}; 2 is required",
                            idx,
                            pair.len()
                        )));
                    }
                    let mut it2 = pair.into_iter();
                    let k = it2.next().unwrap();
                    let v = it2.next().unwrap();
                    self.dict_set(d, k, v)?;
                    idx += 1;
                }
                Ok(())
            }
        }
    }

    fn dict_eq(&mut self, x: &DictObj, y: &DictObj) -> PyResult<bool> {
        if x.len() != y.len() {
            return Ok(false);
        }
        for (h, k, v) in x.hashed_items() {
            let other = y.get(&k, h, keq!(self))?;
            match other {
                Some(ov) => {
                    if !self.eq_item(&v, &ov)? {
                        return Ok(false);
                    }
                }
                None => return Ok(false),
            }
        }
        Ok(true)
    }

    // ----- sets -----

    /// Adds to a set, hashing with Python semantics.
    pub fn set_add(&mut self, s: &SetObj, v: Value) -> PyResult<()> {
        let h = self.hash(&v)?;
        s.add(v, h, keq!(self))?;
        Ok(())
    }

    /// A new set from an iterable (CPython's `set_update_internal` order).
    pub fn set_from_iterable(&mut self, src: &Value) -> PyResult<SetObj> {
        let s = SetObj::empty();
        self.set_update(&s, src)?;
        Ok(s)
    }

    pub fn set_update(&mut self, s: &SetObj, src: &Value) -> PyResult<()> {
        match src {
            Value::Set(o) | Value::FrozenSet(o) => s.merge(o, keq!(self)),
            Value::Dict(d) => {
                s.reserve_for(d.len());
                for (h, k, _) in d.hashed_items() {
                    s.add(k, h, keq!(self))?;
                }
                Ok(())
            }
            // A list read by index (re-reading its length: a key's `__hash__`
            // or `__eq__` may change it, as the list iterator allows).
            Value::List(l) => {
                let mut i = 0;
                while let Some(v) = l.get(i) {
                    self.set_add(s, v)?;
                    i += 1;
                }
                Ok(())
            }
            Value::Tuple(t) => {
                for v in t.as_slice() {
                    self.set_add(s, v.clone())?;
                }
                Ok(())
            }
            _ => {
                let it = self.get_iter(src)?;
                while let Some(v) = self.next(&it)? {
                    self.set_add(s, v)?;
                }
                Ok(())
            }
        }
    }

    fn set_of(&self, v: &Value) -> PyRef<SetObj> {
        match v {
            Value::Set(s) | Value::FrozenSet(s) => s.clone(),
            _ => unreachable!(),
        }
    }

    /// `a op b` for sets (`-`, `&`, `|`, `^`), result type of `a`.
    pub fn set_binop(&mut self, op: BinOp, a: &Value, b: &Value) -> PyResult<Value> {
        let (sa, sb) = (self.set_of(a), self.set_of(b));
        let result = match op {
            BinOp::Or => {
                let r = sa.copy();
                r.merge(&sb, keq!(self))?;
                r
            }
            BinOp::And => {
                let (small, big) = if sb.len() > sa.len() { (sa.clone(), sb.clone()) } else { (sb.clone(), sa.clone()) };
                let r = SetObj::empty();
                for (k, h) in small.entries() {
                    if big.contains(&k, h, keq!(self))? {
                        r.add(k, h, keq!(self))?;
                    }
                }
                r
            }
            BinOp::Sub => {
                if sa.len() >> 2 > sb.len() {
                    let r = sa.copy();
                    for (k, h) in sb.entries() {
                        r.discard(&k, h, keq!(self))?;
                    }
                    r
                } else {
                    let r = SetObj::empty();
                    for (k, h) in sa.entries() {
                        if !sb.contains(&k, h, keq!(self))? {
                            r.add(k, h, keq!(self))?;
                        }
                    }
                    r
                }
            }
            BinOp::Xor => {
                let r = sb.copy();
                for (k, h) in sa.entries() {
                    if !r.discard(&k, h, keq!(self))? {
                        r.add(k, h, keq!(self))?;
                    }
                }
                r
            }
            _ => unreachable!(),
        };
        Ok(match a {
            Value::FrozenSet(_) => Value::FrozenSet(PyRef::new_tracked(result)),
            _ => Value::Set(PyRef::new_tracked(result)),
        })
    }

    fn set_compare(&mut self, op: CmpOp, a: &Value, b: &Value) -> PyResult<bool> {
        let (sa, sb) = (self.set_of(a), self.set_of(b));
        let subset = |vm: &mut Vm, x: &SetObj, y: &SetObj| -> PyResult<bool> {
            if x.len() > y.len() {
                return Ok(false);
            }
            for (k, h) in x.entries() {
                if !y.contains(&k, h, keq!(vm))? {
                    return Ok(false);
                }
            }
            Ok(true)
        };
        Ok(match op {
            CmpOp::Eq => sa.len() == sb.len() && subset(self, &sa, &sb)?,
            CmpOp::Ne => !(sa.len() == sb.len() && subset(self, &sa, &sb)?),
            CmpOp::Le => subset(self, &sa, &sb)?,
            CmpOp::Lt => sa.len() < sb.len() && subset(self, &sa, &sb)?,
            CmpOp::Ge => subset(self, &sb, &sa)?,
            CmpOp::Gt => sb.len() < sa.len() && subset(self, &sb, &sa)?,
            _ => false,
        })
    }

    /// Interprets the result of `__len__`.
    pub fn len_result(&self, r: &Value) -> PyResult<usize> {
        match r {
            Value::Int(i) if *i >= 0 => Ok(*i as usize),
            Value::Bool(b) => Ok(*b as usize),
            Value::Int(_) => Err(PyErr::value_error("__len__() should return >= 0")),
            Value::BigInt(_) => Err(PyErr::overflow("cannot fit 'int' into an index-sized integer")),
            _ => Err(PyErr::type_error(format!("'{}' object cannot be interpreted as an integer", self.type_name(r)))),
        }
    }

    /// `len(v)`.
    pub fn len(&mut self, v: &Value) -> PyResult<usize> {
        Ok(match v {
            Value::Str(s) => s.len(),
            Value::List(l) => l.len(),
            Value::Tuple(t) => t.len(),
            Value::Dict(d) => d.len(),
            Value::Set(s) | Value::FrozenSet(s) => s.len(),
            Value::Bytes(b) => b.data.len(),
            Value::ByteArray(b) => b.data.borrow().len(),
            Value::Range(r) => match r.len_value() {
                Value::Int(n) => n as usize,
                _ => return Err(PyErr::overflow("Python int too large to convert to C ssize_t")),
            },
            Value::Native(n) if native_len(n).is_some() => native_len(n).unwrap_or(0),
            Value::Native(n) if matches!(n.data, NativeData::DictView { .. }) => {
                if let NativeData::DictView { dict, .. } = &n.data {
                    dict.len()
                } else {
                    0
                }
            }
            _ => {
                if let Some(f) = self.lookup_special(v, "__len__") {
                    let r = self.call_function(&f, std::slice::from_ref(v))?;
                    return self.len_result(&r);
                }
                return Err(PyErr::type_error(format!("object of type '{}' has no len()", self.type_name(v))));
            }
        })
    }
}

fn repeat(seq: &Value, n: usize) -> PyResult<Value> {
    Ok(match seq {
        Value::Str(s) => {
            check_repeat_size(s.as_str().len(), n, 1)?;
            Value::string(s.as_str().repeat(n))
        }
        Value::List(l) => {
            check_repeat_size(l.len(), n, 16)?;
            Value::List(l.repeat(n))
        }
        Value::Tuple(t) => {
            check_repeat_size(t.len(), n, 16)?;
            let mut out = Vec::with_capacity(t.len() * n);
            for _ in 0..n {
                out.extend_from_slice(t.as_slice());
            }
            Value::tuple(out)
        }
        Value::Bytes(b) => {
            check_repeat_size(b.data.len(), n, 1)?;
            Value::Bytes(PyRef::new(BytesObj { data: b.data.repeat(n).into_boxed_slice() }))
        }
        _ => unreachable!(),
    })
}

fn cmp_result(op: CmpOp, ord: Option<Ordering>) -> bool {
    match ord {
        None => op == CmpOp::Ne,
        Some(o) => match op {
            CmpOp::Lt => o == Ordering::Less,
            CmpOp::Le => o != Ordering::Greater,
            CmpOp::Eq => o == Ordering::Equal,
            CmpOp::Ne => o != Ordering::Equal,
            CmpOp::Gt => o == Ordering::Greater,
            CmpOp::Ge => o != Ordering::Less,
            _ => false,
        },
    }
}

/// Builtin values whose `==` is identity (and that never equal other types).
fn builtin_eq_by_identity(v: &Value) -> bool {
    !matches!(v, Value::Instance(_) | Value::Native(_))
}

fn range_eq(x: &RangeObj, y: &RangeObj) -> bool {
    let (lx, ly) = (x.len_value(), y.len_value());
    if int::cmp(&lx, &ly) != Ordering::Equal {
        return false;
    }
    if int::is_zero(&lx) {
        return true;
    }
    let ((xs, _, xst), (ys, _, yst)) = (x.parts(), y.parts());
    if int::cmp(&xs, &ys) != Ordering::Equal {
        return false;
    }
    matches!(lx, Value::Int(1)) || int::cmp(&xst, &yst) == Ordering::Equal
}

pub fn range_contains(r: &RangeObj, x: i64) -> bool {
    if r.step > 0 {
        if x < r.start || x >= r.stop {
            return false;
        }
    } else if x > r.start || x <= r.stop {
        return false;
    }
    (x as i128 - r.start as i128) % (r.step as i128) == 0
}

pub fn find_bytes(hay: &[u8], needle: &[u8]) -> Option<usize> {
    if needle.is_empty() {
        return Some(0);
    }
    hay.windows(needle.len()).position(|w| w == needle)
}

/// Hash of an object without `__hash__`: its identity.
pub fn identity_hash(v: &Value) -> i64 {
    let a = v.heap_addr().unwrap_or(0) as u64;
    let h = a.rotate_right(4) as i64;
    if h == -1 {
        -2
    } else {
        h
    }
}

fn complex_div(a: (f64, f64), b: (f64, f64)) -> PyResult<Value> {
    let (ar, ai) = a;
    let (br, bi) = b;
    if br == 0.0 && bi == 0.0 {
        return Err(PyErr::zero_division("complex division by zero"));
    }
    // Smith's algorithm, as CPython's _Py_c_quot.
    let (abs_br, abs_bi) = (br.abs(), bi.abs());
    if abs_br >= abs_bi {
        let ratio = bi / br;
        let denom = br + bi * ratio;
        Ok(complex((ar + ai * ratio) / denom, (ai - ar * ratio) / denom))
    } else {
        let ratio = br / bi;
        let denom = br * ratio + bi;
        Ok(complex((ar * ratio + ai) / denom, (ai * ratio - ar) / denom))
    }
}

/// `a ** b` for complex numbers, as CPython's `complex_pow`: an integral
/// exponent up to 100 by repeated squaring (`c_powi`: `c_powu`, and for a
/// negative one `1 / that` by `c_quot`), any other by the polar form
/// (`c_pow`); ZeroDivisionError where those set EDOM (zero to a negative
/// or complex power, a power that underflowed to zero divided into one),
/// OverflowError where a part of the result is infinite (ERANGE).
fn complex_pow_checked(a: (f64, f64), b: (f64, f64)) -> PyResult<Value> {
    let (br, bi) = b;
    let mut edom = false;
    let r = if bi == 0.0 && br == br.floor() && br.abs() <= 100.0 {
        let n = br as i64;
        let p = c_powu(a, n.unsigned_abs());
        if n < 0 {
            c_quot((1.0, 0.0), p, &mut edom)
        } else {
            p
        }
    } else {
        c_pow(a, b, &mut edom)
    };
    if edom {
        return Err(PyErr::zero_division("0.0 to a negative or complex power"));
    }
    if r.0.is_infinite() || r.1.is_infinite() {
        return Err(PyErr::overflow("complex exponentiation"));
    }
    Ok(complex(r.0, r.1))
}

fn c_prod(a: (f64, f64), b: (f64, f64)) -> (f64, f64) {
    (a.0 * b.0 - a.1 * b.1, a.0 * b.1 + a.1 * b.0)
}

/// CPython's `c_powu`: `x ** n` by repeated squaring.
fn c_powu(x: (f64, f64), n: u64) -> (f64, f64) {
    let (mut r, mut p) = ((1.0, 0.0), x);
    let mut mask = 1u64;
    while mask > 0 && n >= mask {
        if n & mask != 0 {
            r = c_prod(r, p);
        }
        mask <<= 1;
        p = c_prod(p, p);
    }
    r
}

/// CPython's `_Py_c_quot` (Smith's algorithm); division by zero sets
/// `edom` and gives 0.
fn c_quot(a: (f64, f64), b: (f64, f64), edom: &mut bool) -> (f64, f64) {
    let (abs_br, abs_bi) = (b.0.abs(), b.1.abs());
    if abs_br >= abs_bi {
        if abs_br == 0.0 {
            *edom = true;
            (0.0, 0.0)
        } else {
            let ratio = b.1 / b.0;
            let denom = b.0 + b.1 * ratio;
            ((a.0 + a.1 * ratio) / denom, (a.1 - a.0 * ratio) / denom)
        }
    } else if abs_bi >= abs_br {
        let ratio = b.0 / b.1;
        let denom = b.0 * ratio + b.1;
        ((a.0 * ratio + a.1) / denom, (a.1 * ratio - a.0) / denom)
    } else {
        // A NaN part.
        (f64::NAN, f64::NAN)
    }
}

/// CPython's `_Py_c_pow`: the polar form.
fn c_pow(a: (f64, f64), b: (f64, f64), edom: &mut bool) -> (f64, f64) {
    let (ar, ai) = a;
    let (br, bi) = b;
    if br == 0.0 && bi == 0.0 {
        return (1.0, 0.0);
    }
    if ar == 0.0 && ai == 0.0 {
        if bi != 0.0 || br < 0.0 {
            *edom = true;
        }
        return (0.0, 0.0);
    }
    let vabs = ar.hypot(ai);
    let mut len = vabs.powf(br);
    let at = ai.atan2(ar);
    let mut phase = at * br;
    if bi != 0.0 {
        len /= (at * bi).exp();
        phase += bi * vabs.ln();
    }
    if phase.is_infinite() {
        // libm's cos and sin of an infinity set EDOM, which CPython's
        // `complex_pow` reports as this ZeroDivisionError.
        *edom = true;
    }
    (len * phase.cos(), len * phase.sin())
}

/// A special method found on a type as a Python object `descr` (not a
/// function), called as `(descr, obj, *args)`: `descr.__get__(obj,
/// type(obj))(*args)` when its type has `__get__`, else `descr(*args)`
/// (CPython's `lookup_maybe_method`; `unittest.mock`'s `MagicProxy`).
fn special_via_get(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (descr, obj) = (args.pos[0].clone(), args.pos[1].clone());
    let f = match vm.class_of(&descr).lookup("__get__") {
        Some(get) => {
            let owner = Value::Class(vm.class_of(&obj));
            vm.call_function(&get, &[descr, obj, owner])?
        }
        None => descr,
    };
    vm.call(&f, Args { pos: &args.pos[2..], kwnames: args.kwnames, kwvals: args.kwvals })
}
