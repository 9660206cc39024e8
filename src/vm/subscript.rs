//! Subscripts: `x[i]`, `x[a:b:c]`, item assignment and deletion.

use num_traits::{Signed, ToPrimitive};

use super::{ExcKind, PyErr, PyResult, Vm};
use crate::objects::*;

/// Resolved slice bounds over a sequence of a given length.
#[derive(Clone, Copy, Debug)]
pub struct SliceIdx {
    pub start: i64,
    pub stop: i64,
    pub step: i64,
    pub len: usize,
}

impl SliceIdx {
    /// Indices selected by the slice, in order.
    pub fn indices(&self) -> impl Iterator<Item = usize> {
        let (start, step, len) = (self.start, self.step, self.len);
        (0..len).map(move |i| (start + i as i64 * step) as usize)
    }
}

/// Clamps an arbitrary int to the i64 range (for slice bounds).
fn clamp_int(v: &Value) -> Option<i64> {
    match v {
        Value::Int(i) => Some(*i),
        Value::Bool(b) => Some(*b as i64),
        Value::BigInt(b) => Some(if b.is_negative() { i64::MIN / 2 } else { i64::MAX / 2 }),
        _ => None,
    }
}

impl Vm {
    /// `operator.index(v)` as an i64 (`IndexError`-free conversion for indices).
    pub fn index_value(&mut self, v: &Value) -> PyResult<Option<Value>> {
        match v {
            Value::Int(_) | Value::BigInt(_) => Ok(Some(v.clone())),
            Value::Bool(b) => Ok(Some(Value::Int(*b as i64))),
            Value::Instance(i) => {
                if let Some(f) = self.lookup_special(v, "__index__") {
                    let r = self.call_function(&f, std::slice::from_ref(v))?;
                    return match r {
                        Value::Int(_) | Value::BigInt(_) => Ok(Some(r)),
                        Value::Bool(b) => Ok(Some(Value::Int(b as i64))),
                        _ => Err(PyErr::type_error(format!("__index__ returned non-int (type {})", self.type_name(&r)))),
                    };
                }
                let b = i.base_value.get();
                if matches!(b, Value::Int(_) | Value::BigInt(_) | Value::Bool(_)) {
                    return self.index_value(&b);
                }
                Ok(None)
            }
            _ => Ok(None),
        }
    }

    /// An index as i64, raising `TypeError` with `what` when not an int.
    pub fn to_index(&mut self, v: &Value, what: impl FnOnce(&Vm) -> String) -> PyResult<i64> {
        match self.index_value(v)? {
            Some(Value::Int(i)) => Ok(i),
            Some(Value::BigInt(_)) => Err(PyErr::new(ExcKind::IndexError, "cannot fit 'int' into an index-sized integer")),
            _ => Err(PyErr::type_error(what(self))),
        }
    }

    /// `int` conversion for size arguments (`OverflowError` when too large).
    pub fn to_isize(&mut self, v: &Value) -> PyResult<i64> {
        match self.index_value(v)? {
            Some(Value::Int(i)) => Ok(i),
            Some(Value::BigInt(_)) => Err(PyErr::overflow("Python int too large to convert to C ssize_t")),
            _ => Err(PyErr::type_error(format!("'{}' object cannot be interpreted as an integer", self.type_name(v)))),
        }
    }

    /// Resolves a slice against a sequence length.
    pub fn slice_indices(&mut self, s: &SliceObj, len: usize) -> PyResult<SliceIdx> {
        let bound = |vm: &mut Vm, v: &Value| -> PyResult<Option<i64>> {
            if v.is_none() {
                return Ok(None);
            }
            if let Some(i) = clamp_int(v) {
                return Ok(Some(i));
            }
            match vm.index_value(v)? {
                Some(iv) => Ok(clamp_int(&iv)),
                None => Err(PyErr::type_error("slice indices must be integers or None or have an __index__ method")),
            }
        };
        let step = bound(self, &s.step)?.unwrap_or(1);
        if step == 0 {
            return Err(PyErr::value_error("slice step cannot be zero"));
        }
        let step = step.max(-i64::MAX);
        let n = len as i64;
        let (lower, upper) = if step < 0 { (-1, n - 1) } else { (0, n) };
        let fix = |v: Option<i64>, default: i64| -> i64 {
            match v {
                None => default,
                Some(mut i) => {
                    if i < 0 {
                        i += n;
                        if i < lower {
                            i = lower;
                        }
                    } else if i > upper {
                        i = upper;
                    }
                    i
                }
            }
        };
        let start = fix(bound(self, &s.start)?, if step < 0 { upper } else { lower });
        let stop = fix(bound(self, &s.stop)?, if step < 0 { lower } else { upper });
        let count = if step < 0 {
            if stop < start {
                (start - stop - 1) / (-step) + 1
            } else {
                0
            }
        } else if start < stop {
            (stop - start - 1) / step + 1
        } else {
            0
        };
        Ok(SliceIdx { start, stop, step, len: count as usize })
    }

    /// A sequence index: negative counts from the end; `None` when out of range.
    #[inline]
    pub(crate) fn seq_index(i: i64, len: usize) -> Option<usize> {
        let j = if i < 0 { i + len as i64 } else { i };
        if j >= 0 && (j as usize) < len {
            Some(j as usize)
        } else {
            None
        }
    }

    /// `obj[key]`.
    pub fn get_item(&mut self, obj: &Value, key: &Value) -> PyResult<Value> {
        match (obj, key) {
            (Value::List(l), Value::Int(i)) => {
                return Self::seq_index(*i, l.len()).and_then(|j| l.get(j)).ok_or_else(|| PyErr::index_error("list index out of range"));
            }
            (Value::Tuple(t), Value::Int(i)) => {
                return Self::seq_index(*i, t.len())
                    .map(|j| t.as_slice()[j].clone())
                    .ok_or_else(|| PyErr::index_error("tuple index out of range"));
            }
            (Value::Dict(d), _) => {
                return match self.dict_get(d, key)? {
                    Some(v) => Ok(v),
                    None => Err(PyErr::key_error(key.clone())),
                };
            }
            // A dict subclass with dict's `__getitem__`: a key found is
            // the answer; a missing one goes the general way (`__missing__`).
            (Value::Instance(inst), _) if inst.class().flags.get() & class_flags::DICT_ITEMS != 0 => {
                if let Value::Dict(d) = inst.base_value.get() {
                    if let Some(v) = self.dict_get(&d, key)? {
                        return Ok(v);
                    }
                }
            }
            _ => {}
        }
        match obj {
            Value::List(l) => match key {
                Value::Slice(s) => {
                    let idx = self.slice_indices(s, l.len())?;
                    if idx.step == 1 {
                        let start = idx.start as usize;
                        return Ok(Value::List(l.slice_copy(start, start + idx.len)));
                    }
                    let items = idx.indices().filter_map(|i| l.get(i)).collect();
                    Ok(Value::list(items))
                }
                _ => {
                    let i = self.to_index(key, |vm| format!("list indices must be integers or slices, not {}", vm.type_name(key)))?;
                    Self::seq_index(i, l.len()).and_then(|j| l.get(j)).ok_or_else(|| PyErr::index_error("list index out of range"))
                }
            },
            Value::Tuple(t) => match key {
                Value::Slice(s) => {
                    let idx = self.slice_indices(s, t.len())?;
                    if idx.step == 1 && idx.len == t.len() {
                        return Ok(obj.clone());
                    }
                    Ok(Value::tuple(idx.indices().map(|i| t.as_slice()[i].clone()).collect()))
                }
                _ => {
                    let i = self.to_index(key, |vm| format!("tuple indices must be integers or slices, not {}", vm.type_name(key)))?;
                    Self::seq_index(i, t.len())
                        .map(|j| t.as_slice()[j].clone())
                        .ok_or_else(|| PyErr::index_error("tuple index out of range"))
                }
            },
            Value::Str(s) => match key {
                Value::Slice(sl) => {
                    let idx = self.slice_indices(sl, s.len())?;
                    if idx.step == 1 {
                        let end = (idx.start as usize + idx.len).min(s.len());
                        return Ok(Value::str(s.substring(idx.start as usize, end)));
                    }
                    let chars: Vec<char> = s.as_str().chars().collect();
                    Ok(Value::string(idx.indices().map(|i| chars[i]).collect()))
                }
                _ => {
                    let i = self.to_index(key, |vm| format!("string indices must be integers, not '{}'", vm.type_name(key)))?;
                    match Self::seq_index(i, s.len()) {
                        Some(j) => {
                            let c = s.char_at(j);
                            let mut buf = [0u8; 4];
                            Ok(Value::str(c.encode_utf8(&mut buf)))
                        }
                        None => Err(PyErr::index_error("string index out of range")),
                    }
                }
            },
            Value::Range(r) if r.big.is_some() => {
                let len = r.len_value();
                match key {
                    Value::Slice(_) => Err(PyErr::overflow("Python int too large to convert to C ssize_t")),
                    _ => {
                        let i = match self.index_value(key)? {
                            Some(i) => i,
                            None => {
                                return Err(PyErr::type_error(format!(
                                    "range indices must be integers or slices, not {}",
                                    self.type_name(key)
                                )))
                            }
                        };
                        let i = if int::is_negative(&i) { int::add(&i, &len) } else { i };
                        if int::is_negative(&i) || int::cmp(&i, &len) != std::cmp::Ordering::Less {
                            return Err(PyErr::index_error("range object index out of range"));
                        }
                        Ok(r.item(&i))
                    }
                }
            }
            Value::Range(r) => match key {
                Value::Slice(sl) => {
                    let idx = self.slice_indices(sl, r.len() as usize)?;
                    let start = r.start + idx.start * r.step;
                    let step = r.step * idx.step;
                    let stop = start + idx.len as i64 * step;
                    Ok(Value::Range(RangeObj::new(start, stop, step)))
                }
                _ => {
                    let i = self.to_index(key, |vm| format!("range indices must be integers or slices, not {}", vm.type_name(key)))?;
                    match Self::seq_index(i, r.len() as usize) {
                        Some(j) => Ok(Value::Int(r.get(j as i64))),
                        None => Err(PyErr::index_error("range object index out of range")),
                    }
                }
            },
            Value::Bytes(b) => match key {
                Value::Slice(sl) => {
                    let idx = self.slice_indices(sl, b.data.len())?;
                    let v: Vec<u8> = idx.indices().map(|i| b.data[i]).collect();
                    Ok(Value::Bytes(PyRef::new(BytesObj { data: v.into_boxed_slice() })))
                }
                _ => {
                    let i = self.to_index(key, |vm| format!("byte indices must be integers or slices, not {}", vm.type_name(key)))?;
                    match Self::seq_index(i, b.data.len()) {
                        Some(j) => Ok(Value::Int(b.data[j] as i64)),
                        None => Err(PyErr::index_error("index out of range")),
                    }
                }
            },
            Value::ByteArray(b) => match key {
                Value::Slice(sl) => {
                    let len = b.data.borrow().len();
                    let idx = self.slice_indices(sl, len)?;
                    let data = b.data.borrow();
                    let v: Vec<u8> = idx.indices().map(|i| data[i]).collect();
                    Ok(Value::ByteArray(PyRef::new(ByteArrayObj { data: std::cell::RefCell::new(v) })))
                }
                _ => {
                    let i = self.to_index(key, |vm| format!("bytearray indices must be integers or slices, not {}", vm.type_name(key)))?;
                    let data = b.data.borrow();
                    match Self::seq_index(i, data.len()) {
                        Some(j) => Ok(Value::Int(data[j] as i64)),
                        None => Err(PyErr::index_error("bytearray index out of range")),
                    }
                }
            },
            Value::Class(c) => {
                // A metaclass's `__getitem__` comes first (`Color["RED"]`).
                if let Value::Class(meta) = c.metaclass.get() {
                    if !meta.is_builtin() {
                        if let Some(f) = meta.lookup("__getitem__") {
                            return self.call_function(&f, &[obj.clone(), key.clone()]);
                        }
                    }
                }
                if let Some(f) = c.lookup("__class_getitem__") {
                    let f = match &f {
                        Value::Native(n) => match &n.data {
                            NativeData::ClassMethod(inner) => inner.clone(),
                            _ => f.clone(),
                        },
                        _ => f.clone(),
                    };
                    return self.call_function(&f, &[obj.clone(), key.clone()]);
                }
                if c.is_builtin() && matches!(c.name().as_str(), "list" | "dict" | "tuple" | "set" | "frozenset" | "type" | "enumerate") {
                    // `list[int]` and friends: a `types.GenericAlias`.
                    let types = self.import_module("types")?;
                    let ga = self.get_attr(&types, "GenericAlias")?;
                    return self.call_function(&ga, &[obj.clone(), key.clone()]);
                }
                Err(PyErr::type_error(format!("type '{}' is not subscriptable", c.name())))
            }
            _ => {
                if let Some(f) = self.lookup_special(obj, "__getitem__") {
                    return self.call_function(&f, &[obj.clone(), key.clone()]);
                }
                Err(PyErr::type_error(format!("'{}' object is not subscriptable", self.type_name(obj))))
            }
        }
    }

    /// `obj[key] = value`.
    pub fn set_item(&mut self, obj: &Value, key: &Value, value: Value) -> PyResult<()> {
        if let Value::Instance(inst) = obj {
            if inst.class().flags.get() & class_flags::DICT_ITEMS != 0 {
                if let Value::Dict(d) = inst.base_value.get() {
                    return self.dict_set(&d, key.clone(), value);
                }
            }
        }
        match obj {
            Value::List(l) => match key {
                Value::Int(i) => {
                    if let Some(j) = Self::seq_index(*i, l.len()) {
                        l.set(j, value);
                        Ok(())
                    } else {
                        Err(PyErr::index_error("list assignment index out of range"))
                    }
                }
                Value::Slice(s) => {
                    let items = match &value {
                        Value::List(_) | Value::Tuple(_) => self.collect_iterable(&value)?,
                        _ => match self.get_iter(&value) {
                            Ok(it) => {
                                let mut v = Vec::new();
                                while let Some(x) = self.next(&it)? {
                                    v.push(x);
                                }
                                v
                            }
                            Err(e) if self.err_is(&e, ExcKind::TypeError) => return Err(PyErr::type_error("can only assign an iterable")),
                            Err(e) => return Err(e),
                        },
                    };
                    let idx = self.slice_indices(s, l.len())?;
                    if idx.step == 1 {
                        let start = idx.start as usize;
                        let end = start + idx.len;
                        let removed: Vec<Value> = l.with_vec(|v| v.splice(start..end, items).collect());
                        drop(removed);
                        Ok(())
                    } else {
                        if items.len() != idx.len {
                            return Err(PyErr::value_error(format!(
                                "attempt to assign sequence of size {} to extended slice of size {}",
                                items.len(),
                                idx.len
                            )));
                        }
                        for (i, v) in idx.indices().zip(items) {
                            l.set(i, v);
                        }
                        Ok(())
                    }
                }
                _ => {
                    let i = self.to_index(key, |vm| format!("list indices must be integers or slices, not {}", vm.type_name(key)))?;
                    self.set_item(obj, &Value::Int(i), value)
                }
            },
            Value::Dict(d) => self.dict_set(d, key.clone(), value),
            Value::ByteArray(b) => {
                if let Value::Slice(s) = key {
                    let src = crate::builtins::bytearray_assign_source(self, &value)?;
                    let len = b.data.borrow().len();
                    let idx = self.slice_indices(s, len)?;
                    let mut data = b.data.borrow_mut();
                    if idx.step == 1 {
                        let start = idx.start as usize;
                        data.splice(start..start + idx.len, src);
                        return Ok(());
                    }
                    if src.len() != idx.len {
                        return Err(PyErr::value_error(format!(
                            "attempt to assign bytes of size {} to extended slice of size {}",
                            src.len(),
                            idx.len
                        )));
                    }
                    for (i, v) in idx.indices().zip(src) {
                        data[i] = v;
                    }
                    return Ok(());
                }
                let i = self.to_index(key, |vm| format!("bytearray indices must be integers or slices, not {}", vm.type_name(key)))?;
                let v = crate::builtins::bytearray_item_value(self, &value)?;
                let mut data = b.data.borrow_mut();
                let len = data.len();
                match Self::seq_index(i, len) {
                    Some(j) => {
                        data[j] = v;
                        Ok(())
                    }
                    None => Err(PyErr::index_error("bytearray index out of range")),
                }
            }
            _ => {
                if let Some(f) = self.lookup_special(obj, "__setitem__") {
                    self.call_function(&f, &[obj.clone(), key.clone(), value])?;
                    return Ok(());
                }
                Err(PyErr::type_error(format!("'{}' object does not support item assignment", self.type_name(obj))))
            }
        }
    }

    /// `del obj[key]`.
    pub fn del_item(&mut self, obj: &Value, key: &Value) -> PyResult<()> {
        match obj {
            Value::List(l) => match key {
                Value::Slice(s) => {
                    let idx = self.slice_indices(s, l.len())?;
                    let mut remove: Vec<usize> = idx.indices().collect();
                    remove.sort_unstable();
                    let removed = l.with_vec(|v| {
                        let mut out = Vec::with_capacity(remove.len());
                        for i in remove.into_iter().rev() {
                            out.push(v.remove(i));
                        }
                        out
                    });
                    drop(removed);
                    Ok(())
                }
                _ => {
                    let i = self.to_index(key, |vm| format!("list indices must be integers or slices, not {}", vm.type_name(key)))?;
                    match Self::seq_index(i, l.len()) {
                        Some(j) => {
                            let old = l.remove(j);
                            drop(old);
                            Ok(())
                        }
                        None => Err(PyErr::index_error("list assignment index out of range")),
                    }
                }
            },
            Value::Dict(d) => match self.dict_del(d, key)? {
                Some(_) => Ok(()),
                None => Err(PyErr::key_error(key.clone())),
            },
            Value::ByteArray(b) => {
                if let Value::Slice(s) = key {
                    let len = b.data.borrow().len();
                    let idx = self.slice_indices(s, len)?;
                    let mut data = b.data.borrow_mut();
                    if idx.step == 1 {
                        let start = idx.start as usize;
                        data.drain(start..start + idx.len);
                    } else {
                        let mut remove: Vec<usize> = idx.indices().collect();
                        remove.sort_unstable();
                        let mut k = 0;
                        let mut i = 0;
                        data.retain(|_| {
                            let keep = !(k < remove.len() && remove[k] == i);
                            if !keep {
                                k += 1;
                            }
                            i += 1;
                            keep
                        });
                    }
                    return Ok(());
                }
                let i = self.to_index(key, |vm| format!("bytearray indices must be integers or slices, not {}", vm.type_name(key)))?;
                let mut data = b.data.borrow_mut();
                let len = data.len();
                match Self::seq_index(i, len) {
                    Some(j) => {
                        data.remove(j);
                        Ok(())
                    }
                    None => Err(PyErr::index_error("bytearray index out of range")),
                }
            }
            _ => {
                if let Some(f) = self.lookup_special(obj, "__delitem__") {
                    self.call_function(&f, &[obj.clone(), key.clone()])?;
                    return Ok(());
                }
                Err(PyErr::type_error(format!("'{}' object doesn't support item deletion", self.type_name(obj))))
            }
        }
    }
}

/// An i64 from an int value, if it fits.
pub fn int_to_i64(v: &Value) -> Option<i64> {
    match v {
        Value::Int(i) => Some(*i),
        Value::Bool(b) => Some(*b as i64),
        Value::BigInt(b) => b.to_i64(),
        _ => None,
    }
}
