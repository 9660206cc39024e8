//! `memoryview`, as CPython's `Objects/memoryobject.c`: views of the
//! memory of bytes, bytearray, `array.array` and other views, with the
//! native single-character struct formats, `cast` to other formats and
//! to several dimensions, slices with steps, item access and assignment,
//! comparison by unpacked values and hashing of read-only byte views.
//!
//! A view is an instance of the builtin `memoryview` class (without a
//! `__dict__`) whose one hidden slot holds its state (`MemView`); the
//! memory is the exporter's own (a bytearray written through a view
//! changes). `array.array` is Python code (`lib/array.py`) keeping its
//! items in the list `_items`: its memory is those items packed, and
//! writes unpack into the list.
//!
//! Not as CPython: exporters do not count their views, so a bytearray or
//! an array may still be resized while viewed (no BufferError; a view
//! then reads zeros past the end, and writes there are dropped).

use std::any::Any;
use std::cell::{Cell, RefCell};

use num_traits::ToPrimitive;

use super::arg;
use crate::objects::*;
use crate::vm::{Args, ExcKind, PyErr, PyResult, Vm};

const DOC: &str = "Create a new memoryview object which references the given object.";

/// CPython's limit on the dimensions of a view.
const MAX_NDIM: usize = 64;

pub fn init(vm: &mut Vm) {
    let ns = DictObj::new();
    let methods: &[(&'static str, BuiltinFn)] = &[
        ("__new__", mv_new),
        ("__repr__", mv_repr),
        ("__hash__", mv_hash),
        ("__eq__", mv_eq),
        ("__ne__", mv_ne),
        ("__iter__", mv_iter),
        ("__len__", mv_len),
        ("__getitem__", mv_getitem),
        ("__setitem__", mv_setitem),
        ("__delitem__", mv_delitem),
        ("release", mv_release),
        ("tobytes", mv_tobytes),
        ("hex", mv_hex),
        ("tolist", mv_tolist),
        ("cast", mv_cast),
        ("toreadonly", mv_toreadonly),
        ("__enter__", mv_enter),
        ("__exit__", mv_exit),
        ("__reduce__", mv_reduce),
        ("__reduce_ex__", mv_reduce_ex),
    ];
    for (name, f) in methods {
        ns.set_str(name, vm.builtin_fn(name, *f, "memoryview"));
    }
    let getters: &[(&'static str, BuiltinFn)] = &[
        ("obj", get_obj),
        ("nbytes", get_nbytes),
        ("readonly", get_readonly),
        ("itemsize", get_itemsize),
        ("format", get_format),
        ("ndim", get_ndim),
        ("shape", get_shape),
        ("strides", get_strides),
        ("suboffsets", get_suboffsets),
        ("c_contiguous", get_c_contiguous),
        ("f_contiguous", get_f_contiguous),
        ("contiguous", get_contiguous),
    ];
    for (name, f) in getters {
        let g = vm.builtin_fn(name, *f, "memoryview");
        ns.set_str(name, vm.native_property(g, Value::None));
    }
    ns.set_str("__doc__", Value::str(DOC));
    let obj = vm.types.object.clone();
    let tt = vm.types.type_.clone();
    if let Ok(c) = vm.make_class(&tt, "memoryview", vec![obj], &ns) {
        let f = c.dict.get_str("__new__").unwrap_or(Value::None);
        c.dict.set_str("__new__", vm.new_native(vm.types.staticmethod.clone(), NativeData::StaticMethod(f)));
        c.ctor.set(Some(mv_ctor));
        // (Last: a builtin type does not change.)
        c.flags.set(c.flags.get() | class_flags::NO_DICT | class_flags::FINAL | class_flags::BUILTIN);
        vm.lazy_classes.insert("memoryview", c.clone());
        vm.builtins.set_str("memoryview", Value::Class(c));
    }
}

// ----- state -----

/// Where a view's items are: the exporter's memory and the layout over it.
#[derive(Clone)]
struct Buf {
    /// The memory: a bytes or bytearray value (not a subclass instance),
    /// or an `array.array` instance.
    base: Value,
    /// Byte offset of the first item (all indices 0).
    offset: isize,
    /// The format as given (`'B'`, `'@I'`, `'w'` for an array of `'u'`).
    format: String,
    itemsize: usize,
    shape: Vec<usize>,
    strides: Vec<isize>,
    readonly: bool,
}

/// The state of a view.
pub struct MemView {
    /// `obj` and the buffer, until the view is released.
    live: RefCell<Option<(Value, Buf)>>,
    /// The hash, once computed (it stays valid after release, as CPython's).
    hash: Cell<Option<i64>>,
}

impl NativeState for MemView {
    fn trace(&self, visit: &mut dyn FnMut(&Value)) {
        if let Ok(l) = self.live.try_borrow() {
            if let Some((obj, buf)) = l.as_ref() {
                visit(obj);
                visit(&buf.base);
            }
        }
    }
    fn clear(&self) {
        if let Ok(mut l) = self.live.try_borrow_mut() {
            let old = l.take();
            drop(l);
            drop(old);
        }
    }
    fn as_any(&self) -> &dyn Any {
        self
    }
}

/// Runs `f` on the state of `v` if `v` is a memoryview.
fn with_state<R>(v: &Value, f: impl FnOnce(&MemView) -> R) -> Option<R> {
    let Value::Instance(i) = v else { return None };
    let holder = i.slots.try_borrow().ok()?.first().cloned()?;
    let st = crate::modules::native_state::<MemView>(&holder)?;
    Some(f(st))
}

/// `Some(None)` for a released view, `Some(Some(..))` for a live one,
/// `None` when `v` is no memoryview.
fn live_of(v: &Value) -> Option<Option<(Value, Buf)>> {
    with_state(v, |s| s.live.borrow().clone())
}

fn released_err() -> PyErr {
    PyErr::value_error("operation forbidden on released memoryview object")
}

/// The receiver's `obj` and buffer (`name`: the method, for the error
/// when the receiver is no memoryview).
fn this_live(vm: &Vm, args: &Args, name: &str) -> PyResult<(Value, Buf)> {
    let v = args.pos.first().ok_or_else(|| PyErr::type_error(format!("descriptor '{}' of 'memoryview' object needs an argument", name)))?;
    match live_of(v) {
        Some(Some(p)) => Ok(p),
        Some(None) => Err(released_err()),
        None => Err(PyErr::type_error(format!(
            "descriptor '{}' for 'memoryview' objects doesn't apply to a '{}' object",
            name,
            vm.type_name(v)
        ))),
    }
}

fn this_buf(vm: &Vm, args: &Args, name: &str) -> PyResult<Buf> {
    this_live(vm, args, name).map(|p| p.1)
}

/// A new view of `buf` (exported by `obj`).
fn make(vm: &mut Vm, obj: Value, buf: Buf) -> PyResult<Value> {
    let c = vm.lazy_classes.get("memoryview").cloned().ok_or_else(|| PyErr::type_error("memoryview unavailable"))?;
    let v = vm.new_instance(&c);
    let st = MemView { live: RefCell::new(Some((obj, buf))), hash: Cell::new(None) };
    let holder = vm.new_native(vm.types.object.clone(), NativeData::Other(Box::new(st)));
    if let Value::Instance(i) = &v {
        i.slots.borrow_mut().push(holder);
    }
    Ok(v)
}

// ----- formats -----

/// The item size of a native single-character format (CPython's
/// `get_native_fmtchar`), `None` for others.
fn native_size(c: u8) -> Option<usize> {
    Some(match c {
        b'c' | b'b' | b'B' | b'?' => 1,
        b'h' | b'H' => 2,
        b'i' | b'I' | b'f' => 4,
        b'l' | b'L' | b'q' | b'Q' | b'n' | b'N' | b'd' | b'P' => 8,
        _ => return None,
    })
}

/// The format without its `'@'`.
fn bare(format: &str) -> &str {
    format.strip_prefix('@').unwrap_or(format)
}

/// The native format character of `format` (optionally after `'@'`).
fn native_char(format: &str) -> Option<u8> {
    match bare(format).as_bytes() {
        [c] if native_size(*c).is_some() => Some(*c),
        _ => None,
    }
}

fn is_byte_format(c: u8) -> bool {
    matches!(c, b'b' | b'B' | b'c')
}

/// The format character items are unpacked and packed with: CPython's
/// `adjust_fmt` (NotImplementedError for a format of several characters)
/// and the error of a format it cannot unpack.
fn item_char(buf: &Buf) -> PyResult<u8> {
    let f = bare(&buf.format);
    if f.chars().count() != 1 {
        return Err(PyErr::new(ExcKind::NotImplementedError, format!("memoryview: unsupported format {}", f)));
    }
    native_char(f).ok_or_else(|| unsupported(f))
}

fn unsupported(f: &str) -> PyErr {
    PyErr::new(ExcKind::NotImplementedError, format!("memoryview: format {} not supported", f))
}

/// An unpacked item.
#[derive(Clone, Copy)]
enum Item {
    Int(i128),
    Float(f64),
    Bool(bool),
    Char(u8),
}

fn arr<const N: usize>(b: &[u8]) -> [u8; N] {
    let mut a = [0u8; N];
    let n = b.len().min(N);
    a[..n].copy_from_slice(&b[..n]);
    a
}

/// The item of format `c` in bytes `b` (native byte order).
fn unpack(c: u8, b: &[u8]) -> Item {
    let b0 = b.first().copied().unwrap_or(0);
    match c {
        b'B' => Item::Int(b0 as i128),
        b'b' => Item::Int(b0 as i8 as i128),
        b'c' => Item::Char(b0),
        b'?' => Item::Bool(b0 != 0),
        b'h' => Item::Int(i16::from_ne_bytes(arr(b)) as i128),
        b'H' => Item::Int(u16::from_ne_bytes(arr(b)) as i128),
        b'i' => Item::Int(i32::from_ne_bytes(arr(b)) as i128),
        b'I' => Item::Int(u32::from_ne_bytes(arr(b)) as i128),
        b'l' | b'q' | b'n' => Item::Int(i64::from_ne_bytes(arr(b)) as i128),
        b'L' | b'Q' | b'N' | b'P' => Item::Int(u64::from_ne_bytes(arr(b)) as i128),
        b'f' => Item::Float(f32::from_ne_bytes(arr(b)) as f64),
        _ => Item::Float(f64::from_ne_bytes(arr(b))),
    }
}

fn int_value(i: i128) -> Value {
    match i64::try_from(i) {
        Ok(x) => Value::Int(x),
        Err(_) => int::normalize(num_bigint::BigInt::from(i)),
    }
}

fn item_value(it: Item) -> Value {
    match it {
        Item::Int(i) => int_value(i),
        Item::Float(f) => Value::Float(f),
        Item::Bool(b) => Value::Bool(b),
        Item::Char(c) => super::new_bytes(vec![c]),
    }
}

/// `a == b` for unpacked items, as Python compares the values.
fn item_eq(a: Item, b: Item) -> bool {
    let as_int = |x: Item| match x {
        Item::Int(i) => i,
        Item::Bool(b) => b as i128,
        _ => 0,
    };
    match (a, b) {
        (Item::Char(x), Item::Char(y)) => x == y,
        (Item::Char(_), _) | (_, Item::Char(_)) => false,
        (Item::Float(x), Item::Float(y)) => x == y,
        (Item::Float(f), o) | (o, Item::Float(f)) => {
            let i = as_int(o);
            f.is_finite() && f.fract() == 0.0 && f.abs() < 1.7e38 && f as i128 == i
        }
        (x, y) => as_int(x) == as_int(y),
    }
}

fn bad_type(f: &str) -> PyErr {
    PyErr::type_error(format!("memoryview: invalid type for format '{}'", f))
}

fn bad_value(f: &str) -> PyErr {
    PyErr::value_error(format!("memoryview: invalid value for format '{}'", f))
}

/// CPython's `fix_error_int`: a conversion's TypeError or
/// OverflowError/ValueError as the view's own.
fn fix_error(vm: &Vm, e: PyErr, f: &str) -> PyErr {
    if vm.err_is(&e, ExcKind::TypeError) {
        bad_type(f)
    } else if vm.err_is(&e, ExcKind::OverflowError) || vm.err_is(&e, ExcKind::ValueError) {
        bad_value(f)
    } else {
        e
    }
}

/// The int of an item value (`__index__`), for an integer format `f`.
fn int_arg(vm: &mut Vm, v: &Value, f: &str) -> PyResult<i128> {
    let iv = match v {
        Value::Int(i) => return Ok(*i as i128),
        Value::Bool(b) => return Ok(*b as i128),
        _ => vm.index_value(v).map_err(|e| fix_error(vm, e, f))?,
    };
    match iv {
        Some(Value::Int(i)) => Ok(i as i128),
        Some(big) => int::to_big(&big).and_then(|b| b.to_i128()).ok_or_else(|| bad_value(f)),
        None => Err(bad_type(f)),
    }
}

/// The bytes of value `v` as an item of format `c` (CPython's `pack_single`).
fn pack(vm: &mut Vm, c: u8, f: &str, v: &Value) -> PyResult<Vec<u8>> {
    let range = |i: i128, lo: i128, hi: i128| if i < lo || i > hi { Err(bad_value(f)) } else { Ok(i) };
    let bytes = match c {
        b'B' => vec![range(int_arg(vm, v, f)?, 0, 255)? as u8],
        b'b' => vec![range(int_arg(vm, v, f)?, -128, 127)? as u8],
        b'h' => (range(int_arg(vm, v, f)?, i16::MIN as i128, i16::MAX as i128)? as i16).to_ne_bytes().to_vec(),
        b'H' => (range(int_arg(vm, v, f)?, 0, u16::MAX as i128)? as u16).to_ne_bytes().to_vec(),
        b'i' => (range(int_arg(vm, v, f)?, i32::MIN as i128, i32::MAX as i128)? as i32).to_ne_bytes().to_vec(),
        b'I' => (range(int_arg(vm, v, f)?, 0, u32::MAX as i128)? as u32).to_ne_bytes().to_vec(),
        b'l' | b'q' | b'n' => (range(int_arg(vm, v, f)?, i64::MIN as i128, i64::MAX as i128)? as i64).to_ne_bytes().to_vec(),
        b'L' | b'Q' | b'N' => (range(int_arg(vm, v, f)?, 0, u64::MAX as i128)? as u64).to_ne_bytes().to_vec(),
        b'P' => {
            // (`PyLong_AsVoidPtr`: ints only, negative ones as signed.)
            let i = match vm.unwrap_builtin(v).as_ref() {
                Value::Int(i) => *i as i128,
                Value::Bool(b) => *b as i128,
                big @ Value::BigInt(_) => int::to_big(big).and_then(|b| b.to_i128()).ok_or_else(|| bad_value(f))?,
                _ => return Err(bad_type(f)),
            };
            (range(i, i64::MIN as i128, u64::MAX as i128)? as u64).to_ne_bytes().to_vec()
        }
        b'f' | b'd' => {
            let x = arg::float(vm, v).map_err(|e| fix_error(vm, e, f))?;
            // (A plain C cast to float: out of range gives an infinity.)
            if c == b'f' {
                (x as f32).to_ne_bytes().to_vec()
            } else {
                x.to_ne_bytes().to_vec()
            }
        }
        b'?' => vec![vm.truthy(v)? as u8],
        b'c' => match vm.unwrap_builtin(v).as_ref() {
            Value::Bytes(b) if b.data.len() == 1 => vec![b.data[0]],
            Value::Bytes(_) => return Err(bad_value(f)),
            _ => return Err(bad_type(f)),
        },
        _ => return Err(unsupported(f)),
    };
    Ok(bytes)
}

// ----- array.array -----

/// The typecode and item list of an `array.array` (Python code in
/// `lib/array.py`), if `v` is one.
fn array_parts(v: &Value) -> Option<(u8, PyRef<ListObj>)> {
    let Value::Instance(i) = v else { return None };
    let d = i.dict.as_ref()?;
    let (Some(Value::Str(tc)), Some(Value::List(items))) = (d.get_str("_tc"), d.get_str("_items")) else { return None };
    let tc = match tc.as_str().as_bytes() {
        [c] if array_itemsize(*c).is_some() => *c,
        _ => return None,
    };
    let cls = i.class();
    let is_array = cls.mro.borrow().iter().any(|c| c.name() == "array" && c.module.get().as_str() == Some("array"));
    is_array.then_some((tc, items))
}

fn array_itemsize(tc: u8) -> Option<usize> {
    Some(match tc {
        b'b' | b'B' => 1,
        b'h' | b'H' => 2,
        b'u' | b'i' | b'I' | b'f' => 4,
        b'l' | b'L' | b'q' | b'Q' | b'd' => 8,
        _ => return None,
    })
}

/// An array item's bytes (items are checked when stored; anything else
/// packs as zeros).
fn array_pack(tc: u8, v: &Value, out: &mut [u8]) {
    let ival = || match v {
        Value::Int(i) => *i as i128,
        Value::Bool(b) => *b as i128,
        other => int::to_big(other).and_then(|b| b.to_i128()).unwrap_or(0),
    };
    let fval = || match v {
        Value::Float(f) => *f,
        Value::Int(i) => *i as f64,
        _ => 0.0,
    };
    let bytes: Vec<u8> = match tc {
        b'b' | b'B' => vec![ival() as u8],
        b'h' | b'H' => (ival() as u16).to_ne_bytes().to_vec(),
        b'i' | b'I' => (ival() as u32).to_ne_bytes().to_vec(),
        b'l' | b'L' | b'q' | b'Q' => (ival() as u64).to_ne_bytes().to_vec(),
        b'f' => (fval() as f32).to_ne_bytes().to_vec(),
        b'd' => fval().to_ne_bytes().to_vec(),
        _ => {
            let ch = match v {
                Value::Str(s) if s.len() == 1 => s.char_at(0) as u32,
                _ => 0,
            };
            ch.to_ne_bytes().to_vec()
        }
    };
    let n = out.len().min(bytes.len());
    out[..n].copy_from_slice(&bytes[..n]);
}

fn array_unpack(tc: u8, b: &[u8]) -> Value {
    match tc {
        b'u' => {
            let ch = char::from_u32(u32::from_ne_bytes(arr(b))).unwrap_or('\u{fffd}');
            Value::string(ch.to_string())
        }
        b'l' => int_value(i64::from_ne_bytes(arr(b)) as i128),
        b'L' => int_value(u64::from_ne_bytes(arr(b)) as i128),
        _ => item_value(unpack(tc, b)),
    }
}

/// Items `first..last` of an array packed (zeros for items it no longer has).
fn array_bytes(tc: u8, items: &ListObj, first: usize, last: usize) -> Vec<u8> {
    let size = array_itemsize(tc).unwrap_or(1);
    let mut out = vec![0u8; (last - first) * size];
    for (k, i) in (first..last).enumerate() {
        if let Some(v) = items.get(i) {
            array_pack(tc, &v, &mut out[k * size..(k + 1) * size]);
        }
    }
    out
}

// ----- reading and writing the memory -----

/// Calls `f` with bytes `lo..hi` of the memory `base` (zeros past its end).
fn read<R>(base: &Value, lo: usize, hi: usize, f: impl FnOnce(&[u8]) -> R) -> R {
    fn window<R>(d: &[u8], lo: usize, hi: usize, f: impl FnOnce(&[u8]) -> R) -> R {
        if hi <= d.len() {
            return f(&d[lo..hi]);
        }
        let mut v = vec![0u8; hi - lo];
        if lo < d.len() {
            v[..d.len() - lo].copy_from_slice(&d[lo..]);
        }
        f(&v)
    }
    match base {
        Value::Bytes(b) => window(&b.data, lo, hi, f),
        Value::ByteArray(b) => window(&b.data.borrow(), lo, hi, f),
        _ => match array_parts(base) {
            Some((tc, items)) if hi > lo => {
                let size = array_itemsize(tc).unwrap_or(1);
                let first = lo / size;
                let data = array_bytes(tc, &items, first, hi.div_ceil(size));
                f(&data[lo - first * size..hi - first * size])
            }
            _ => f(&vec![0u8; hi - lo]),
        },
    }
}

/// Runs `f` on bytes `lo..hi` of the (writable) memory `base`: what it
/// writes there is the memory's (not past a shrunk bytearray's or
/// array's end).
fn modify(base: &Value, lo: usize, hi: usize, f: impl FnOnce(&mut [u8])) {
    match base {
        Value::ByteArray(b) => {
            let mut d = b.data.borrow_mut();
            if hi <= d.len() {
                f(&mut d[lo..hi]);
            } else {
                let mut v = vec![0u8; hi - lo];
                f(&mut v);
                if lo < d.len() {
                    let n = d.len() - lo;
                    d[lo..].copy_from_slice(&v[..n]);
                }
            }
        }
        Value::Bytes(_) => {}
        _ => {
            if let Some((tc, items)) = array_parts(base) {
                if hi <= lo {
                    return;
                }
                let size = array_itemsize(tc).unwrap_or(1);
                let (first, last) = (lo / size, hi.div_ceil(size));
                let mut data = array_bytes(tc, &items, first, last);
                f(&mut data[lo - first * size..hi - first * size]);
                for (k, i) in (first..last).enumerate() {
                    if i < items.len() {
                        items.set(i, array_unpack(tc, &data[k * size..(k + 1) * size]));
                    }
                }
            }
        }
    }
}

impl Buf {
    fn ndim(&self) -> usize {
        self.shape.len()
    }

    fn nitems(&self) -> usize {
        self.shape.iter().product()
    }

    fn nbytes(&self) -> usize {
        self.nitems() * self.itemsize
    }

    /// The bytes `lo..hi` covering all items (empty without items).
    fn span(&self) -> (usize, usize) {
        if self.nitems() == 0 {
            let o = self.offset.max(0) as usize;
            return (o, o);
        }
        let (mut lo, mut hi) = (self.offset, self.offset);
        for (n, s) in self.shape.iter().zip(&self.strides) {
            let ext = (*n as isize - 1) * s;
            if ext < 0 {
                lo += ext;
            } else {
                hi += ext;
            }
        }
        (lo.max(0) as usize, hi.max(0) as usize + self.itemsize)
    }

    /// The offsets of the items, in C order (last index fastest) or
    /// Fortran order.
    fn offsets(&self, fortran: bool) -> Vec<usize> {
        let n = self.nitems();
        let mut out = Vec::with_capacity(n);
        if n == 0 {
            return out;
        }
        let nd = self.ndim();
        let mut idx = vec![0usize; nd];
        let mut at = self.offset;
        loop {
            out.push(at.max(0) as usize);
            // The next index: increment the fastest dimension, carrying.
            let mut k = 0;
            loop {
                if k == nd {
                    return out;
                }
                let d = if fortran { k } else { nd - 1 - k };
                idx[d] += 1;
                at += self.strides[d];
                if idx[d] < self.shape[d] {
                    break;
                }
                at -= self.strides[d] * self.shape[d] as isize;
                idx[d] = 0;
                k += 1;
            }
        }
    }

    /// CPython's contiguity flags (`init_flags`): (C, Fortran).
    fn contiguity(&self) -> (bool, bool) {
        match self.ndim() {
            0 => (true, true),
            1 => {
                let c = self.shape[0] == 1 || self.strides[0] == self.itemsize as isize;
                (c, c)
            }
            nd => {
                if self.nbytes() == 0 {
                    return (true, true);
                }
                let check = |dims: &mut dyn Iterator<Item = usize>| {
                    let mut sd = self.itemsize as isize;
                    for i in dims {
                        if self.shape[i] > 1 && self.strides[i] != sd {
                            return false;
                        }
                        sd *= self.shape[i] as isize;
                    }
                    true
                };
                (check(&mut (0..nd).rev()), check(&mut (0..nd)))
            }
        }
    }

    /// The items' bytes in C order (`fortran`: Fortran order).
    fn to_bytes(&self, fortran: bool) -> Vec<u8> {
        let (c_contig, _) = self.contiguity();
        let (lo, hi) = self.span();
        if c_contig && (!fortran || self.ndim() <= 1) {
            return read(&self.base, lo, hi, |d| d.to_vec());
        }
        let size = self.itemsize;
        let offs = self.offsets(fortran);
        read(&self.base, lo, hi, |d| {
            let mut out = Vec::with_capacity(offs.len() * size);
            for o in offs {
                out.extend_from_slice(&d[o - lo..o - lo + size]);
            }
            out
        })
    }

    /// The items unpacked, in C order.
    fn items(&self, c: u8) -> Vec<Item> {
        let (lo, hi) = self.span();
        let size = self.itemsize;
        let offs = self.offsets(false);
        read(&self.base, lo, hi, |d| offs.iter().map(|o| unpack(c, &d[o - lo..o - lo + size])).collect())
    }

    /// The item at byte offset `at`.
    fn item_at(&self, at: isize) -> PyResult<Value> {
        let c = item_char(self)?;
        let at = at.max(0) as usize;
        Ok(item_value(read(&self.base, at, at + self.itemsize, |d| unpack(c, d))))
    }

    /// The offset of item `i` of dimension `dim` from `at` (CPython's
    /// `lookup_dimension`).
    fn step(&self, at: isize, dim: usize, i: i64) -> PyResult<isize> {
        let n = self.shape[dim] as i64;
        let j = if i < 0 { i + n } else { i };
        if j < 0 || j >= n {
            return Err(PyErr::index_error(format!("index out of bounds on dimension {}", dim + 1)));
        }
        Ok(at + self.strides[dim] * j as isize)
    }

    /// The view of slice `s` of the first dimension.
    fn sliced(&self, vm: &mut Vm, s: &SliceObj) -> PyResult<Buf> {
        let idx = vm.slice_indices(s, self.shape[0])?;
        let mut b = self.clone();
        b.offset += self.strides[0] * idx.start as isize;
        b.shape[0] = idx.len;
        b.strides[0] = self.strides[0] * idx.step as isize;
        Ok(b)
    }
}

/// The view `v` exports, if it is bytes-like (CPython's `PyObject_GetBuffer`):
/// `(obj, buffer)`; ValueError for a released view.
fn export(vm: &Vm, v: &Value) -> Option<PyResult<(Value, Buf)>> {
    if let Some(l) = live_of(v) {
        return Some(l.ok_or_else(released_err));
    }
    let flat = |base: Value, format: &str, itemsize: usize, n: usize, readonly: bool| Buf {
        base,
        offset: 0,
        format: format.to_string(),
        itemsize,
        shape: vec![n],
        strides: vec![itemsize as isize],
        readonly,
    };
    match vm.unwrap_builtin(v).as_ref() {
        b @ Value::Bytes(x) => return Some(Ok((v.clone(), flat(b.clone(), "B", 1, x.data.len(), true)))),
        b @ Value::ByteArray(x) => {
            let n = x.data.borrow().len();
            return Some(Ok((v.clone(), flat(b.clone(), "B", 1, n, false))));
        }
        _ => {}
    }
    let (tc, items) = array_parts(v)?;
    let size = array_itemsize(tc)?;
    let format = if tc == b'u' { "w".to_string() } else { (tc as char).to_string() };
    Some(Ok((v.clone(), flat(v.clone(), &format, size, items.len(), false))))
}

/// The bytes a memoryview shows (C order), if `v` is a live one.
pub fn view_bytes(_vm: &Vm, v: &Value) -> Option<Vec<u8>> {
    live_of(v)?.map(|(_, b)| b.to_bytes(false))
}

// ----- construction -----

fn new_from(vm: &mut Vm, src: &Value) -> PyResult<Value> {
    match export(vm, src) {
        Some(r) => {
            let (obj, buf) = r?;
            make(vm, obj, buf)
        }
        None => Err(PyErr::type_error(format!("memoryview: a bytes-like object is required, not '{}'", vm.type_name(src)))),
    }
}

/// `memoryview(object)` (arguments without the class).
fn mv_ctor(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let given = args.len() + args.kwnames.len();
    if given > 1 {
        return Err(PyErr::type_error(format!("memoryview() takes at most 1 argument ({} given)", given)));
    }
    let src = args.arg(0, "object").ok_or_else(|| PyErr::type_error("memoryview() missing required argument 'object' (pos 1)"))?;
    args.allow_kwargs("memoryview", &["object"])?;
    new_from(vm, src)
}

/// `memoryview.__new__(cls, object)`.
fn mv_new(vm: &mut Vm, args: Args) -> PyResult<Value> {
    match args.get(0) {
        Some(Value::Class(c)) if vm.lazy_classes.get("memoryview").is_some_and(|m| PyRef::ptr_eq(m, c)) => {}
        Some(Value::Class(c)) => {
            return Err(PyErr::type_error(format!("memoryview.__new__({}): {} is not a subtype of memoryview", c.name(), c.name())))
        }
        _ => return Err(PyErr::type_error("memoryview.__new__(X): X is not a type object")),
    }
    mv_ctor(vm, args.rest())
}

// ----- attributes -----

fn get_obj(vm: &mut Vm, args: Args) -> PyResult<Value> {
    this_live(vm, &args, "obj").map(|p| p.0)
}

fn get_nbytes(vm: &mut Vm, args: Args) -> PyResult<Value> {
    Ok(Value::Int(this_buf(vm, &args, "nbytes")?.nbytes() as i64))
}

fn get_readonly(vm: &mut Vm, args: Args) -> PyResult<Value> {
    Ok(Value::Bool(this_buf(vm, &args, "readonly")?.readonly))
}

fn get_itemsize(vm: &mut Vm, args: Args) -> PyResult<Value> {
    Ok(Value::Int(this_buf(vm, &args, "itemsize")?.itemsize as i64))
}

fn get_format(vm: &mut Vm, args: Args) -> PyResult<Value> {
    Ok(Value::string(this_buf(vm, &args, "format")?.format))
}

fn get_ndim(vm: &mut Vm, args: Args) -> PyResult<Value> {
    Ok(Value::Int(this_buf(vm, &args, "ndim")?.ndim() as i64))
}

fn get_shape(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let b = this_buf(vm, &args, "shape")?;
    Ok(Value::tuple(b.shape.iter().map(|n| Value::Int(*n as i64)).collect()))
}

fn get_strides(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let b = this_buf(vm, &args, "strides")?;
    Ok(Value::tuple(b.strides.iter().map(|n| Value::Int(*n as i64)).collect()))
}

fn get_suboffsets(vm: &mut Vm, args: Args) -> PyResult<Value> {
    this_buf(vm, &args, "suboffsets")?;
    Ok(Value::tuple(vec![]))
}

fn get_c_contiguous(vm: &mut Vm, args: Args) -> PyResult<Value> {
    Ok(Value::Bool(this_buf(vm, &args, "c_contiguous")?.contiguity().0))
}

fn get_f_contiguous(vm: &mut Vm, args: Args) -> PyResult<Value> {
    Ok(Value::Bool(this_buf(vm, &args, "f_contiguous")?.contiguity().1))
}

fn get_contiguous(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (c, f) = this_buf(vm, &args, "contiguous")?.contiguity();
    Ok(Value::Bool(c || f))
}

// ----- methods -----

fn mv_repr(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    arg::no_args(&args, "memoryview.__repr__")?;
    let released = live_of(args.this()).ok_or_else(|| PyErr::type_error("descriptor '__repr__' requires a 'memoryview' object"))?.is_none();
    let addr = args.this().heap_addr().unwrap_or(0);
    Ok(Value::string(if released { format!("<released memory at {:#x}>", addr) } else { format!("<memory at {:#x}>", addr) }))
}

fn mv_len(vm: &mut Vm, args: Args) -> PyResult<Value> {
    arg::no_args(&args, "memoryview.__len__")?;
    let b = this_buf(vm, &args, "__len__")?;
    Ok(Value::Int(b.shape.first().copied().unwrap_or(1) as i64))
}

fn mv_hash(vm: &mut Vm, args: Args) -> PyResult<Value> {
    arg::no_args(&args, "memoryview.__hash__")?;
    if let Some(Some(h)) = with_state(args.this(), |s| s.hash.get()) {
        return Ok(Value::Int(h));
    }
    let (obj, b) = this_live(vm, &args, "__hash__")?;
    if !b.readonly {
        return Err(PyErr::value_error("cannot hash writable memoryview object"));
    }
    if !native_char(&b.format).is_some_and(is_byte_format) {
        return Err(PyErr::value_error("memoryview: hashing is restricted to formats 'B', 'b' or 'c'"));
    }
    vm.hash(&obj)?;
    let h = crate::objects::str::hash_bytes(&b.to_bytes(false));
    with_state(args.this(), |s| s.hash.set(Some(h)));
    Ok(Value::Int(h))
}

/// `a == b` for view `a` (CPython's `memory_richcompare`): None when `b`
/// is not bytes-like (NotImplemented).
fn equal(vm: &mut Vm, a: &Value, b: &Value) -> PyResult<Option<bool>> {
    let Some(Some((_, x))) = live_of(a) else { return Ok(Some(a.is(b))) };
    let y = match export(vm, b) {
        None => return Ok(None),
        Some(Err(_)) => return Ok(Some(a.is(b))),
        Some(Ok((_, y))) => y,
    };
    if x.ndim() != y.ndim() {
        return Ok(Some(false));
    }
    for (m, n) in x.shape.iter().zip(&y.shape) {
        if m != n {
            return Ok(Some(false));
        }
        if *m == 0 {
            break;
        }
    }
    let (Some(mut cx), Some(mut cy)) = (native_char(&x.format), native_char(&y.format)) else { return Ok(Some(false)) };
    if cx == b'?' && cy == b'?' {
        // (Equal formats compare the C values: bools by their bytes.)
        (cx, cy) = (b'B', b'B');
    }
    let (ix, iy) = (x.items(cx), y.items(cy));
    Ok(Some(ix.len() == iy.len() && ix.iter().zip(&iy).all(|(p, q)| item_eq(*p, *q))))
}

fn mv_eq(vm: &mut Vm, args: Args) -> PyResult<Value> {
    arg::one_arg(&args, "memoryview.__eq__")?;
    Ok(match equal(vm, &args.pos[0], &args.pos[1])? {
        Some(e) => Value::Bool(e),
        None => Value::NotImplemented,
    })
}

fn mv_ne(vm: &mut Vm, args: Args) -> PyResult<Value> {
    arg::one_arg(&args, "memoryview.__ne__")?;
    Ok(match equal(vm, &args.pos[0], &args.pos[1])? {
        Some(e) => Value::Bool(!e),
        None => Value::NotImplemented,
    })
}

/// Whether `v` has `__index__` (CPython's `_PyIndex_Check`).
fn is_index(vm: &Vm, v: &Value) -> bool {
    match v {
        Value::Int(_) | Value::Bool(_) | Value::BigInt(_) => true,
        Value::Instance(_) => vm.lookup_special(v, "__index__").is_some(),
        _ => false,
    }
}

/// An index (`IndexError` when it does not fit).
fn index_of(vm: &mut Vm, v: &Value) -> PyResult<i64> {
    vm.to_index(v, |vm| format!("'{}' object cannot be interpreted as an integer", vm.type_name(v)))
}

/// The offset of the item a full tuple of indices names (CPython's
/// `ptr_from_tuple`).
fn tuple_offset(vm: &mut Vm, b: &Buf, key: &[Value]) -> PyResult<isize> {
    if key.len() > b.ndim() {
        return Err(PyErr::type_error(format!("cannot index {}-dimension view with {}-element tuple", b.ndim(), key.len())));
    }
    let mut at = b.offset;
    for (dim, k) in key.iter().enumerate() {
        let i = index_of(vm, k)?;
        at = b.step(at, dim, i)?;
    }
    Ok(at)
}

fn invalid_key() -> PyErr {
    PyErr::type_error("memoryview: invalid slice key")
}

fn not_implemented(msg: &str) -> PyErr {
    PyErr::new(ExcKind::NotImplementedError, msg)
}

fn mv_getitem(vm: &mut Vm, args: Args) -> PyResult<Value> {
    arg::one_arg(&args, "memoryview.__getitem__")?;
    let (obj, b) = this_live(vm, &args, "__getitem__")?;
    let key = &args.pos[1];
    if b.ndim() == 0 {
        return match key {
            Value::Tuple(t) if t.is_empty() => b.item_at(b.offset),
            Value::Ellipsis => Ok(args.this().clone()),
            _ => Err(PyErr::type_error("invalid indexing of 0-dim memory")),
        };
    }
    if is_index(vm, key) {
        let i = index_of(vm, key)?;
        if b.ndim() != 1 {
            return Err(not_implemented("multi-dimensional sub-views are not implemented"));
        }
        let at = b.step(b.offset, 0, i)?;
        return b.item_at(at);
    }
    match key {
        Value::Slice(s) => {
            let s = s.clone();
            let nb = b.sliced(vm, &s)?;
            make(vm, obj, nb)
        }
        Value::Tuple(t) if t.as_slice().iter().all(|k| is_index(vm, k)) => {
            if t.len() < b.ndim() {
                return Err(not_implemented("sub-views are not implemented"));
            }
            let at = tuple_offset(vm, &b, t.as_slice())?;
            b.item_at(at)
        }
        Value::Tuple(t) if t.as_slice().iter().all(|k| matches!(k, Value::Slice(_))) => {
            Err(not_implemented("multi-dimensional slicing is not implemented"))
        }
        _ => Err(invalid_key()),
    }
}

/// Writes value `v` as the item at offset `at`.
fn store(vm: &mut Vm, b: &Buf, at: isize, v: &Value) -> PyResult<()> {
    let c = item_char(b)?;
    let data = pack(vm, c, bare(&b.format), v)?;
    let at = at.max(0) as usize;
    modify(&b.base, at, at + data.len(), |d| d.copy_from_slice(&data));
    Ok(())
}

fn mv_setitem(vm: &mut Vm, args: Args) -> PyResult<Value> {
    if args.has_kwargs() || args.len() != 3 {
        return Err(PyErr::type_error(format!("expected 2 arguments, got {}", args.len().saturating_sub(1))));
    }
    let (_, b) = this_live(vm, &args, "__setitem__")?;
    if bare(&b.format).chars().count() != 1 {
        item_char(&b)?;
    }
    if b.readonly {
        return Err(PyErr::type_error("cannot modify read-only memory"));
    }
    let (key, value) = (&args.pos[1], &args.pos[2]);
    if b.ndim() == 0 {
        return match key {
            Value::Ellipsis => store(vm, &b, b.offset, value),
            Value::Tuple(t) if t.is_empty() => store(vm, &b, b.offset, value),
            _ => Err(PyErr::type_error("invalid indexing of 0-dim memory")),
        }
        .map(|_| Value::None);
    }
    if is_index(vm, key) {
        if b.ndim() > 1 {
            return Err(not_implemented("sub-views are not implemented"));
        }
        let i = index_of(vm, key)?;
        let at = b.step(b.offset, 0, i)?;
        store(vm, &b, at, value)?;
        return Ok(Value::None);
    }
    match key {
        Value::Slice(s) if b.ndim() == 1 => {
            let src = match export(vm, value) {
                Some(r) => r?.1,
                None => return Err(PyErr::type_error(format!("a bytes-like object is required, not '{}'", vm.type_name(value)))),
            };
            let s = s.clone();
            let dest = b.sliced(vm, &s)?;
            if bare(&dest.format) != bare(&src.format) || dest.itemsize != src.itemsize || src.shape != dest.shape {
                return Err(PyErr::value_error("memoryview assignment: lvalue and rvalue have different structures"));
            }
            let data = src.to_bytes(false);
            let size = dest.itemsize;
            let offs = dest.offsets(false);
            let (lo, hi) = dest.span();
            modify(&dest.base, lo, hi, |d| {
                for (k, o) in offs.iter().enumerate() {
                    d[o - lo..o - lo + size].copy_from_slice(&data[k * size..(k + 1) * size]);
                }
            });
            Ok(Value::None)
        }
        Value::Tuple(t) if t.as_slice().iter().all(|k| is_index(vm, k)) => {
            if t.len() < b.ndim() {
                return Err(not_implemented("sub-views are not implemented"));
            }
            let at = tuple_offset(vm, &b, t.as_slice())?;
            store(vm, &b, at, value)?;
            Ok(Value::None)
        }
        Value::Slice(_) => Err(not_implemented("memoryview slice assignments are currently restricted to ndim = 1")),
        Value::Tuple(t) if t.as_slice().iter().all(|k| matches!(k, Value::Slice(_))) => {
            Err(not_implemented("memoryview slice assignments are currently restricted to ndim = 1"))
        }
        _ => Err(invalid_key()),
    }
}

fn mv_delitem(vm: &mut Vm, args: Args) -> PyResult<Value> {
    arg::one_arg(&args, "memoryview.__delitem__")?;
    let b = this_buf(vm, &args, "__delitem__")?;
    if b.readonly {
        return Err(PyErr::type_error("cannot modify read-only memory"));
    }
    Err(PyErr::type_error("cannot delete memory"))
}

fn mv_release(vm: &mut Vm, args: Args) -> PyResult<Value> {
    arg::no_args(&args, "memoryview.release")?;
    match with_state(args.this(), |s| s.live.borrow_mut().take()) {
        Some(old) => drop(old),
        None => {
            this_live(vm, &args, "release")?;
        }
    }
    Ok(Value::None)
}

fn mv_enter(vm: &mut Vm, args: Args) -> PyResult<Value> {
    arg::no_args(&args, "memoryview.__enter__")?;
    this_live(vm, &args, "__enter__")?;
    Ok(args.this().clone())
}

fn mv_exit(vm: &mut Vm, args: Args) -> PyResult<Value> {
    mv_release(vm, Args::new(&args.pos[..1.min(args.len())]))
}

fn mv_tobytes(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let given = args.len().saturating_sub(1) + args.kwnames.len();
    if given > 1 {
        return Err(PyErr::type_error(format!("tobytes() takes at most 1 argument ({} given)", given)));
    }
    args.allow_kwargs("tobytes", &["order"])?;
    let fortran = match args.arg(1, "order") {
        None | Some(Value::None) => false,
        Some(Value::Str(s)) => match s.as_str() {
            "C" => false,
            "F" => true,
            "A" => false,
            _ => return Err(PyErr::value_error("order must be 'C', 'F' or 'A'")),
        },
        Some(v) => return Err(PyErr::type_error(format!("tobytes() argument 'order' must be str or None, not {}", vm.type_name(v)))),
    };
    let b = this_buf(vm, &args, "tobytes")?;
    // ('A': the memory's order when it is contiguous either way.)
    let fortran = fortran || (args.arg(1, "order").and_then(|v| v.as_str()) == Some("A") && b.contiguity() == (false, true));
    Ok(super::new_bytes(b.to_bytes(fortran)))
}

fn mv_tolist(vm: &mut Vm, args: Args) -> PyResult<Value> {
    arg::no_args(&args, "memoryview.tolist")?;
    let b = this_buf(vm, &args, "tolist")?;
    let c = item_char(&b)?;
    let items = b.items(c);
    fn nest(shape: &[usize], items: &mut std::slice::Iter<Item>) -> Value {
        match shape.split_first() {
            None => items.next().map_or(Value::None, |i| item_value(*i)),
            Some((n, rest)) => Value::list((0..*n).map(|_| nest(rest, items)).collect()),
        }
    }
    Ok(nest(&b.shape, &mut items.iter()))
}

fn mv_hex(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let b = this_buf(vm, &args, "hex")?;
    super::types_bytes::hex_of(vm, &b.to_bytes(false), args.rest())
}

/// Views cannot be pickled (nor copied).
fn mv_reduce(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    arg::no_args(&args, "memoryview.__reduce__")?;
    Err(PyErr::type_error("cannot pickle 'memoryview' object"))
}

fn mv_reduce_ex(vm: &mut Vm, args: Args) -> PyResult<Value> {
    arg::one_arg(&args, "memoryview.__reduce_ex__")?;
    let protocol = arg::int(vm, &args.pos[1])?;
    Err(PyErr::type_error(if protocol >= 2 { "cannot pickle memoryview objects" } else { "cannot pickle 'memoryview' object" }))
}

fn mv_toreadonly(vm: &mut Vm, args: Args) -> PyResult<Value> {
    arg::no_args(&args, "memoryview.toreadonly")?;
    let (obj, mut b) = this_live(vm, &args, "toreadonly")?;
    b.readonly = true;
    make(vm, obj, b)
}

/// `cast(format, shape=...)` (CPython's `memory_cast`).
fn mv_cast(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let given = args.len().saturating_sub(1) + args.kwnames.len();
    if given > 2 {
        return Err(PyErr::type_error(format!("cast() takes at most 2 arguments ({} given)", given)));
    }
    let format = args.arg(1, "format").ok_or_else(|| PyErr::type_error("cast() missing required argument 'format' (pos 1)"))?;
    args.allow_kwargs("cast", &["format", "shape"])?;
    let Value::Str(fs) = format else {
        return Err(PyErr::type_error(format!("cast() argument 'format' must be str, not {}", vm.type_name(format))));
    };
    let shape = args.arg(2, "shape");
    let (obj, b) = this_live(vm, &args, "cast")?;
    if !b.contiguity().0 {
        return Err(PyErr::type_error("memoryview: casts are restricted to C-contiguous views"));
    }
    if (shape.is_some() || b.ndim() != 1) && b.shape.contains(&0) {
        return Err(PyErr::type_error("memoryview: cannot cast view with zeros in shape or strides"));
    }
    let dims = match shape {
        None => None,
        Some(s @ (Value::List(_) | Value::Tuple(_))) => {
            let items = vm.collect_iterable(s)?;
            if items.len() > MAX_NDIM {
                return Err(PyErr::value_error("memoryview: number of dimensions must not exceed 64"));
            }
            if b.ndim() != 1 && items.len() != 1 {
                return Err(PyErr::type_error("memoryview: cast must be 1D -> ND or ND -> 1D"));
            }
            Some(items)
        }
        Some(_) => return Err(PyErr::type_error("shape must be a list or a tuple")),
    };
    let fmt = fs.as_str().to_string();
    if !fmt.is_ascii() {
        // (The encoding's own UnicodeEncodeError, as CPython's.)
        vm.call_method(format, "encode", &[Value::str("ascii")])?;
    }
    let Some(dest) = native_char(&fmt) else {
        return Err(PyErr::value_error(
            "memoryview: destination format must be a native single character format prefixed with an optional '@'",
        ));
    };
    if !native_char(&b.format).is_some_and(is_byte_format) && !is_byte_format(dest) {
        return Err(PyErr::type_error("memoryview: cannot cast between two non-byte formats"));
    }
    let itemsize = native_size(dest).unwrap_or(1);
    let nbytes = b.nbytes();
    if nbytes % itemsize != 0 {
        return Err(PyErr::type_error("memoryview: length is not a multiple of itemsize"));
    }
    let mut nb = Buf {
        base: b.base.clone(),
        offset: b.offset,
        format: fmt,
        itemsize,
        shape: vec![nbytes / itemsize],
        strides: vec![itemsize as isize],
        readonly: b.readonly,
    };
    if let Some(items) = dims {
        let mut shape = Vec::with_capacity(items.len());
        let mut len: usize = 1;
        for x in &items {
            let n = match vm.unwrap_builtin(x).as_ref() {
                Value::Int(n) => *n,
                Value::Bool(v) => *v as i64,
                Value::BigInt(_) => return Err(PyErr::overflow("Python int too large to convert to C ssize_t")),
                _ => return Err(PyErr::type_error("memoryview.cast(): elements of shape must be integers")),
            };
            if n <= 0 {
                return Err(PyErr::value_error("memoryview.cast(): elements of shape must be integers > 0"));
            }
            len = match len.checked_mul(n as usize).filter(|l| *l <= isize::MAX as usize) {
                Some(l) => l,
                None => return Err(PyErr::value_error("memoryview.cast(): product(shape) > SSIZE_MAX")),
            };
            shape.push(n as usize);
        }
        if len.checked_mul(itemsize) != Some(nbytes) {
            return Err(PyErr::type_error("memoryview: product(shape) * itemsize != buffer size"));
        }
        let mut strides = vec![itemsize as isize; shape.len()];
        for i in (0..shape.len().saturating_sub(1)).rev() {
            strides[i] = strides[i + 1] * shape[i + 1] as isize;
        }
        nb.shape = shape;
        nb.strides = strides;
    }
    make(vm, obj, nb)
}

// ----- iteration -----

/// A `memory_iterator`: the items of a one-dimensional view.
struct MemIter {
    view: RefCell<Value>,
    index: Cell<usize>,
    len: usize,
}

impl NativeState for MemIter {
    fn trace(&self, visit: &mut dyn FnMut(&Value)) {
        if let Ok(v) = self.view.try_borrow() {
            visit(&v);
        }
    }
    fn clear(&self) {
        if let Ok(mut v) = self.view.try_borrow_mut() {
            let old = std::mem::replace(&mut *v, Value::None);
            drop(v);
            drop(old);
        }
    }
    fn as_any(&self) -> &dyn Any {
        self
    }
}

fn iter_class(vm: &mut Vm) -> PyRef<ClassObj> {
    crate::modules::native_class(
        vm,
        "memory_iterator",
        "builtins",
        "memory_iterator",
        class_flags::BUILTIN | class_flags::FINAL,
        |vm, c| {
            vm.add_method(c, "__iter__", it_iter);
            vm.add_method(c, "__next__", it_next);
        },
    )
}

fn mv_iter(vm: &mut Vm, args: Args) -> PyResult<Value> {
    arg::no_args(&args, "memoryview.__iter__")?;
    let b = this_buf(vm, &args, "__iter__")?;
    match b.ndim() {
        0 => return Err(PyErr::type_error("invalid indexing of 0-dim memory")),
        1 => {}
        _ => return Err(not_implemented("multi-dimensional sub-views are not implemented")),
    }
    if bare(&b.format).chars().count() != 1 {
        item_char(&b)?;
    }
    let cls = iter_class(vm);
    let st = MemIter { view: RefCell::new(args.this().clone()), index: Cell::new(0), len: b.shape[0] };
    Ok(vm.new_native(cls, NativeData::Other(Box::new(st))))
}

fn it_iter(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    Ok(args.this().clone())
}

fn it_next(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    let Some(it) = crate::modules::native_state::<MemIter>(args.this()) else {
        return Err(PyErr::type_error("descriptor '__next__' requires a 'memory_iterator' object"));
    };
    let i = it.index.get();
    let view = it.view.borrow().clone();
    if i >= it.len || view.is_none() {
        *it.view.borrow_mut() = Value::None;
        return Err(PyErr::stop_iteration());
    }
    let Some(Some((_, b))) = live_of(&view) else { return Err(released_err()) };
    it.index.set(i + 1);
    b.item_at(b.offset + b.strides[0] * i as isize)
}
