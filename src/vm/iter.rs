//! The iterator protocol: `iter()`, `next()`, and collecting iterables.

use std::cell::Cell;

use super::{ExcKind, PyErr, PyResult, Vm};
use crate::objects::*;

pub fn new_iter(kind: IterKind) -> Value {
    Value::Iter(PyRef::new_tracked(IterObj { kind: std::cell::RefCell::new(kind) }))
}

/// Whether `it` is an iterator `simple_next` advances (no Python code).
#[inline]
fn is_simple_iter(it: &Value) -> bool {
    let Value::Iter(io) = it else { return false };
    let Ok(k) = io.kind.try_borrow() else { return false };
    matches!(&*k, IterKind::Range { .. } | IterKind::Seq { seq: Value::List(_) | Value::Tuple(_), .. })
}

/// One step of the iterator kinds that advance without running Python
/// code (ranges and sequences): Some(item or None when exhausted), with
/// their bookkeeping; None for other kinds.
#[inline]
fn plain_kind_next(k: &IterKind) -> Option<Option<Value>> {
    match k {
        IterKind::Range { next, stop, step } => {
            let n = next.get();
            if (*step > 0 && n < *stop) || (*step < 0 && n > *stop) {
                // (Past the int64 range is past `stop`.)
                next.set(n.checked_add(*step).unwrap_or(*stop));
                return Some(Some(Value::Int(n)));
            }
            Some(None)
        }
        IterKind::Seq { seq, index } => {
            let i = index.get();
            let item = match seq {
                Value::List(l) => l.get(i),
                Value::Tuple(t) => t.get(i).cloned(),
                Value::Bytes(b) => b.data.get(i).map(|x| Value::Int(*x as i64)),
                Value::ByteArray(b) => b.data.borrow().get(i).map(|x| Value::Int(*x as i64)),
                _ => None,
            };
            if item.is_some() {
                index.set(i + 1);
            } else {
                index.set(usize::MAX / 2);
            }
            Some(item)
        }
        _ => None,
    }
}

/// `list(reversed(l))` of a list: the items the iterator has left, as a
/// new list of the list's storage kind, in one copy; the iterator is then
/// exhausted. None: not a reversed list.
pub fn drain_reversed_list(io: &IterObj) -> Option<PyRef<ListObj>> {
    let k = io.kind.borrow();
    let IterKind::Reversed { seq: Value::List(l), index } = &*k else { return None };
    let i = index.get();
    index.set(-1);
    // (An index past the end, the list having shrunk, ends the iteration.)
    let n = if i >= 0 && (i as usize) < l.len() { i as usize + 1 } else { 0 };
    let r = l.slice_copy(0, n);
    r.reverse();
    Some(r)
}

/// The next item of an iterator `is_simple_iter` accepted (None when
/// exhausted).
#[inline]
fn simple_next(it: &Value) -> Option<Value> {
    let Value::Iter(io) = it else { return None };
    let k = io.kind.borrow();
    plain_kind_next(&k).flatten()
}

/// `for a, b, ... in zip(x, y, ...)` without the tuple: when `it` is a
/// non-strict `zip` of `n` iterators over ranges, lists or tuples, stores
/// the next item of each into `out[0..n]` (registers) and returns
/// Some(true), or Some(false) when one is exhausted (the ones before it
/// advanced, as `zip` does). None: not such a zip (nothing done).
///
/// # Safety
/// `out` must point at `n` live registers.
pub unsafe fn zip_into(it: &Value, out: *mut Value, n: usize) -> Option<bool> {
    let Value::Iter(io) = it else { return None };
    // The zip's own state is only read while its iterators advance (no
    // Python code runs: they are ranges, lists and tuples, and values the
    // stores below drop only queue finalizers).
    let k = io.kind.try_borrow().ok()?;
    let iters = match &*k {
        IterKind::Zip { iters, strict: false } if iters.len() == n && iters.iter().all(is_simple_iter) => iters,
        _ => return None,
    };
    // When one iterator is exhausted, those before it still advance (as
    // in CPython's zip) but the targets keep their values (the unpacking
    // never runs): all items are taken before any is stored.
    if n == 2 {
        let Some(x) = simple_next(&iters[0]) else { return Some(false) };
        let Some(y) = simple_next(&iters[1]) else { return Some(false) };
        // SAFETY: guaranteed by the caller.
        unsafe {
            Value::store(&mut *out, x);
            Value::store(&mut *out.add(1), y);
        }
        return Some(true);
    }
    let mut items = Vec::with_capacity(n);
    for sub in iters.iter() {
        match simple_next(sub) {
            Some(v) => items.push(v),
            None => return Some(false),
        }
    }
    for (i, v) in items.into_iter().enumerate() {
        // SAFETY: guaranteed by the caller.
        Value::store(unsafe { &mut *out.add(i) }, v);
    }
    Some(true)
}

impl Vm {
    /// `iter(v)`.
    pub fn get_iter(&mut self, v: &Value) -> PyResult<Value> {
        Ok(match v {
            Value::List(_) | Value::Tuple(_) | Value::Bytes(_) | Value::ByteArray(_) => {
                new_iter(IterKind::Seq { seq: v.clone(), index: Cell::new(0) })
            }
            Value::Str(s) => new_iter(IterKind::Str { s: s.clone(), byte_pos: Cell::new(0) }),
            Value::Range(r) if r.big.is_some() => {
                let (start, stop, step) = r.parts();
                new_iter(IterKind::IntRange { next: ValueCell::new(start), stop, step })
            }
            Value::Range(r) => new_iter(IterKind::Range { next: Cell::new(r.start), stop: r.stop, step: r.step }),
            Value::Dict(d) => {
                new_iter(IterKind::Dict { dict: d.clone(), pos: Cell::new(0), len: d.len(), part: DictPart::Keys, rev: false })
            }
            Value::Set(s) | Value::FrozenSet(s) => new_iter(IterKind::Set { set: s.clone(), pos: Cell::new(0), version: s.version() }),
            Value::Iter(_) => v.clone(),
            Value::Generator(_) if super::generator::is_plain_generator(v) => v.clone(),
            Value::Native(n) if matches!(n.data, NativeData::DictView { .. }) => {
                let NativeData::DictView { dict, part } = &n.data else { unreachable!() };
                new_iter(IterKind::Dict { dict: dict.clone(), pos: Cell::new(0), len: dict.len(), part: *part, rev: false })
            }
            _ => {
                if let Some(f) = self.lookup_special(v, "__iter__") {
                    if f.is_none() {
                        return Err(PyErr::type_error(format!("'{}' object is not iterable", self.type_name(v))));
                    }
                    let it = self.call_function(&f, std::slice::from_ref(v))?;
                    if !matches!(it, Value::Iter(_))
                        && !super::generator::is_plain_generator(&it)
                        && self.lookup_special(&it, "__next__").is_none()
                    {
                        return Err(PyErr::type_error(format!("iter() returned non-iterator of type '{}'", self.type_name(&it))));
                    }
                    return Ok(it);
                }
                // Builtin subclasses iterate over their value.
                if let Value::Instance(i) = v {
                    let b = i.base_value.get();
                    if !b.is_undef() {
                        return self.get_iter(&b);
                    }
                }
                if self.lookup_special(v, "__getitem__").is_some() {
                    return Ok(new_iter(IterKind::GetItem { obj: v.clone(), index: Cell::new(0), done: Cell::new(false) }));
                }
                return Err(PyErr::type_error(format!("'{}' object is not iterable", self.type_name(v))));
            }
        })
    }

    /// `next(it)`: `None` when exhausted.
    pub fn next(&mut self, it: &Value) -> PyResult<Option<Value>> {
        match it {
            Value::Iter(io) => self.iter_next(io),
            Value::Generator(g) if g.kind == super::generator::GenKind::Generator => super::generator::gen_next(self, g),
            _ => {
                let Some(f) = self.lookup_special(it, "__next__") else {
                    return Err(PyErr::type_error(format!("'{}' object is not an iterator", self.type_name(it))));
                };
                match self.call_function(&f, std::slice::from_ref(it)) {
                    Ok(v) => Ok(Some(v)),
                    Err(e) if self.err_is(&e, ExcKind::StopIteration) => Ok(None),
                    Err(e) => Err(e),
                }
            }
        }
    }

    /// `map`'s call of its function: a `StopIteration` out of it ends the
    /// iteration, as it does out of any `__next__`.
    fn map_call(&mut self, func: &Value, args: &[Value]) -> PyResult<Option<Value>> {
        match self.call_function(func, args) {
            Ok(v) => Ok(Some(v)),
            Err(e) if self.err_is(&e, ExcKind::StopIteration) => Ok(None),
            Err(e) => Err(e),
        }
    }

    /// Advances a builtin iterator.
    pub fn iter_next(&mut self, io: &IterObj) -> PyResult<Option<Value>> {
        // Simple kinds are advanced under the borrow (no Python code runs).
        {
            let k = io.kind.borrow();
            if let Some(item) = plain_kind_next(&k) {
                return Ok(item);
            }
            match &*k {
                IterKind::Str { s, byte_pos } => {
                    let p = byte_pos.get();
                    let st = s.as_str();
                    if p >= st.len() {
                        return Ok(None);
                    }
                    let c = st[p..].chars().next().unwrap();
                    byte_pos.set(p + c.len_utf8());
                    let mut buf = [0u8; 4];
                    return Ok(Some(Value::str(c.encode_utf8(&mut buf))));
                }
                IterKind::Dict { dict, pos, len, part, rev } => {
                    if dict.len() != *len {
                        pos.set(if *rev { 0 } else { usize::MAX / 2 });
                        return Err(PyErr::runtime_error("dictionary changed size during iteration"));
                    }
                    let item = |k: Value, v: Value| match part {
                        DictPart::Keys => k,
                        DictPart::Values => v,
                        DictPart::Items => Value::tuple(vec![k, v]),
                    };
                    if *rev {
                        let mut p = pos.get().min(dict.entries_len());
                        while p > 0 {
                            p -= 1;
                            if let Some((k, v)) = dict.entry_at(p) {
                                pos.set(p);
                                return Ok(Some(item(k, v)));
                            }
                        }
                        pos.set(0);
                        return Ok(None);
                    }
                    let mut p = pos.get();
                    while p < dict.entries_len() {
                        if let Some((k, v)) = dict.entry_at(p) {
                            pos.set(p + 1);
                            return Ok(Some(match part {
                                DictPart::Keys => k,
                                DictPart::Values => v,
                                DictPart::Items => Value::tuple(vec![k, v]),
                            }));
                        }
                        p += 1;
                    }
                    pos.set(p);
                    return Ok(None);
                }
                IterKind::Set { set, pos, version } => {
                    if set.version() != *version {
                        pos.set(usize::MAX / 2);
                        return Err(PyErr::runtime_error("Set changed size during iteration"));
                    }
                    let mut p = pos.get();
                    while p < set.capacity() {
                        if let Some(k) = set.key_at(p) {
                            pos.set(p + 1);
                            return Ok(Some(k));
                        }
                        p += 1;
                    }
                    pos.set(p);
                    return Ok(None);
                }
                IterKind::IntRange { next, stop, step } => {
                    let n = next.get();
                    let more = if int::is_negative(step) {
                        int::cmp(&n, stop) == std::cmp::Ordering::Greater
                    } else {
                        int::cmp(&n, stop) == std::cmp::Ordering::Less
                    };
                    if more {
                        next.set(int::add(&n, step));
                        return Ok(Some(n));
                    }
                    return Ok(None);
                }
                IterKind::Done => return Ok(None),
                // `reversed()` of a list or tuple: read in place. As
                // CPython's, an index past the end (the list shrank) ends
                // the iteration for good.
                IterKind::Reversed { seq: seq @ (Value::List(_) | Value::Tuple(_)), index } => {
                    let i = index.get();
                    let item = match seq {
                        Value::List(l) if i >= 0 => l.get(i as usize),
                        Value::Tuple(t) if i >= 0 => t.as_slice().get(i as usize).cloned(),
                        _ => None,
                    };
                    index.set(if item.is_some() { i - 1 } else { -1 });
                    return Ok(item);
                }
                _ => {}
            }
        }
        // Kinds that call into other iterators or Python code: copy what is
        // needed out of the borrow first.
        enum Step {
            Enumerate(Value, Value),
            Zip(Vec<Value>, bool),
            Map(Value, Vec<Value>),
            /// `map` over one iterable: no vector per item.
            Map1(Value, Value),
            Filter(Value, Value),
            Reversed(Value, i64),
            Callable(Value, Value),
            GetItem(Value, i64),
        }
        let step = {
            let k = io.kind.borrow();
            match &*k {
                // A zip of ranges, lists and tuples: advanced in place (no
                // Python code runs).
                IterKind::Zip { iters, strict: false } if !iters.is_empty() && iters.iter().all(is_simple_iter) => {
                    let mut out = Vec::with_capacity(iters.len());
                    for sub in iters.iter() {
                        match simple_next(sub) {
                            Some(v) => out.push(v),
                            None => return Ok(None),
                        }
                    }
                    return Ok(Some(Value::tuple(out)));
                }
                IterKind::Enumerate { it, count } => Step::Enumerate(it.clone(), count.get()),
                IterKind::Zip { iters, strict } => Step::Zip(iters.to_vec(), *strict),
                IterKind::Map { func, iters } if iters.len() == 1 => Step::Map1(func.clone(), iters[0].clone()),
                IterKind::Map { func, iters } => Step::Map(func.clone(), iters.to_vec()),
                IterKind::Filter { func, it } => Step::Filter(func.clone(), it.clone()),
                IterKind::Reversed { seq, index } => {
                    let i = index.get();
                    index.set(i - 1);
                    Step::Reversed(seq.clone(), i)
                }
                IterKind::Callable { func, sentinel, done } => {
                    if done.get() {
                        return Ok(None);
                    }
                    Step::Callable(func.clone(), sentinel.clone())
                }
                IterKind::GetItem { obj, index, done } => {
                    if done.get() {
                        return Ok(None);
                    }
                    let i = index.get();
                    index.set(i + 1);
                    Step::GetItem(obj.clone(), i)
                }
                _ => return Ok(None),
            }
        };
        match step {
            Step::Enumerate(it, count) => {
                let Some(v) = self.next(&it)? else { return Ok(None) };
                if let IterKind::Enumerate { count: c, .. } = &*io.kind.borrow() {
                    c.set(int::add(&count, &Value::Int(1)));
                }
                Ok(Some(Value::tuple(vec![count, v])))
            }
            Step::Zip(iters, strict) => {
                if iters.is_empty() {
                    return Ok(None);
                }
                let mut out = Vec::with_capacity(iters.len());
                for (i, it) in iters.iter().enumerate() {
                    match self.next(it)? {
                        Some(v) => out.push(v),
                        None => {
                            if strict {
                                if i > 0 {
                                    return Err(PyErr::value_error(format!(
                                        "zip() argument {} is shorter than argument{} 1{}",
                                        i + 1,
                                        if i > 1 { "s" } else { "" },
                                        if i > 1 { format!("-{}", i) } else { String::new() }
                                    )));
                                }
                                for (j, other) in iters.iter().enumerate().skip(1) {
                                    if self.next(other)?.is_some() {
                                        return Err(PyErr::value_error(format!(
                                            "zip() argument {} is longer than argument{} 1{}",
                                            j + 1,
                                            if j > 1 { "s" } else { "" },
                                            if j > 1 { format!("-{}", j) } else { String::new() }
                                        )));
                                    }
                                }
                            }
                            return Ok(None);
                        }
                    }
                }
                Ok(Some(Value::tuple(out)))
            }
            Step::Map1(func, it) => {
                let Some(v) = self.next(&it)? else { return Ok(None) };
                self.map_call(&func, std::slice::from_ref(&v))
            }
            Step::Map(func, iters) => {
                let mut args = Vec::with_capacity(iters.len());
                for it in &iters {
                    match self.next(it)? {
                        Some(v) => args.push(v),
                        None => return Ok(None),
                    }
                }
                self.map_call(&func, &args)
            }
            Step::Filter(func, it) => loop {
                let Some(v) = self.next(&it)? else { return Ok(None) };
                let keep = if func.is_none() {
                    self.truthy(&v)?
                } else {
                    let r = match self.call_function(&func, std::slice::from_ref(&v)) {
                        Ok(r) => r,
                        Err(e) if self.err_is(&e, ExcKind::StopIteration) => return Ok(None),
                        Err(e) => return Err(e),
                    };
                    self.truthy(&r)?
                };
                if keep {
                    return Ok(Some(v));
                }
            },
            Step::Reversed(seq, i) => {
                if i < 0 {
                    return Ok(None);
                }
                let n = self.len(&seq)? as i64;
                if i >= n {
                    return Ok(None);
                }
                self.get_item(&seq, &Value::Int(i)).map(Some)
            }
            Step::Callable(func, sentinel) => {
                let v = match self.call_function(&func, &[]) {
                    Ok(v) => v,
                    Err(e) if self.err_is(&e, ExcKind::StopIteration) => {
                        if let IterKind::Callable { done, .. } = &*io.kind.borrow() {
                            done.set(true);
                        }
                        return Ok(None);
                    }
                    Err(e) => return Err(e),
                };
                if self.eq(&v, &sentinel)? {
                    if let IterKind::Callable { done, .. } = &*io.kind.borrow() {
                        done.set(true);
                    }
                    return Ok(None);
                }
                Ok(Some(v))
            }
            Step::GetItem(obj, i) => match self.get_item(&obj, &Value::Int(i)) {
                Ok(v) => Ok(Some(v)),
                Err(e) if self.err_is(&e, ExcKind::IndexError) || self.err_is(&e, ExcKind::StopIteration) => {
                    if let IterKind::GetItem { done, .. } = &*io.kind.borrow() {
                        done.set(true);
                    }
                    Ok(None)
                }
                Err(e) => Err(e),
            },
        }
    }

    /// All items of an iterable.
    pub fn collect_iterable(&mut self, v: &Value) -> PyResult<Vec<Value>> {
        match v {
            Value::List(l) => Ok(l.to_vec()),
            Value::Tuple(t) => Ok(t.as_slice().to_vec()),
            Value::Range(r) if r.big.is_none() => {
                let n = r.len();
                if n > 1 << 32 {
                    return Err(PyErr::new(ExcKind::MemoryError, ""));
                }
                Ok((0..n).map(|i| Value::Int(r.get(i))).collect())
            }
            Value::Dict(d) => Ok(d.keys()),
            Value::Set(s) | Value::FrozenSet(s) => Ok(s.keys()),
            Value::Generator(g) if g.kind == super::generator::GenKind::Generator => self.gen_collect(g),
            _ => {
                let it = self.get_iter(v)?;
                let mut out = Vec::new();
                while let Some(x) = self.next(&it)? {
                    out.push(x);
                }
                Ok(out)
            }
        }
    }
}
