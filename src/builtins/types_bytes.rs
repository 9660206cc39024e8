//! `bytes` and `bytearray`: constructors and methods, with CPython's
//! argument handling and error messages.

use std::borrow::Cow;
use std::cell::RefCell;

use super::arg;
use crate::bytecode::BinOp;
use crate::objects::*;
use crate::vm::{Args, ExcKind, PyErr, PyResult, Vm};

pub fn init(vm: &mut Vm) {
    let common: &[(&'static str, BuiltinFn)] = &[
        ("decode", decode),
        ("hex", hex),
        ("__len__", b_len),
        ("__getitem__", b_getitem),
        ("__contains__", b_contains),
        ("__iter__", b_iter),
        ("startswith", startswith),
        ("endswith", endswith),
        ("find", find),
        ("rfind", rfind),
        ("index", index),
        ("rindex", rindex),
        ("count", count),
        ("join", join),
        ("split", split),
        ("rsplit", rsplit),
        ("splitlines", splitlines),
        ("strip", strip),
        ("lstrip", lstrip),
        ("rstrip", rstrip),
        ("replace", replace),
        ("partition", partition),
        ("rpartition", rpartition),
        ("upper", upper),
        ("lower", lower),
        ("swapcase", swapcase),
        ("title", title),
        ("capitalize", capitalize),
        ("isdigit", isdigit),
        ("isalpha", isalpha),
        ("isalnum", isalnum),
        ("isspace", isspace),
        ("islower", islower),
        ("isupper", isupper),
        ("istitle", istitle),
        ("isascii", isascii),
        ("center", center),
        ("ljust", ljust),
        ("rjust", rjust),
        ("zfill", zfill),
        ("expandtabs", expandtabs),
        ("translate", translate),
        ("removeprefix", removeprefix),
        ("removesuffix", removesuffix),
    ];
    for c in [vm.types.bytes.clone(), vm.types.bytearray.clone()] {
        super::types_num::add_op_dunders(vm, &c, &[BinOp::Add, BinOp::Mul, BinOp::Mod], true);
        for (n, f) in common {
            vm.add_method(&c, n, *f);
        }
        vm.add_method(&c, "fromhex", fromhex);
        let fh = c.dict.get_str("fromhex").unwrap();
        c.dict.set_str("fromhex", vm.new_native(vm.types.classmethod.clone(), NativeData::ClassMethod(fh)));
        vm.add_method(&c, "maketrans", maketrans);
        let mt = c.dict.get_str("maketrans").unwrap();
        c.dict.set_str("maketrans", vm.new_native(vm.types.staticmethod.clone(), NativeData::StaticMethod(mt)));
    }
    let ba = vm.types.bytearray.clone();
    ba.dict.set_str("__hash__", Value::None);
    let ba_methods: &[(&'static str, BuiltinFn)] = &[
        ("append", ba_append),
        ("extend", ba_extend),
        ("insert", ba_insert),
        ("pop", ba_pop),
        ("remove", ba_remove),
        ("reverse", ba_reverse),
        ("clear", ba_clear),
        ("copy", ba_copy),
        ("__setitem__", b_setitem),
        ("__delitem__", b_delitem),
        ("__iadd__", ba_iadd),
        ("__imul__", ba_imul),
        ("__alloc__", ba_alloc),
    ];
    for (n, f) in ba_methods {
        vm.add_method(&ba, n, *f);
    }
    vm.add_method(&ba, "__init__", ba_init);
    vm.add_method(&ba, "__new__", bytearray_new);
    vm.add_method(&vm.types.bytes.clone(), "__getnewargs__", bytes_getnewargs);
    vm.add_method(&vm.types.bytes.clone(), "__bytes__", bytes_dunder_bytes);
    vm.types.bytes.ctor.set(Some(bytes_ctor));
    vm.types.bytearray.ctor.set(Some(bytearray_ctor));
    vm.add_method(&vm.types.bytes.clone(), "__new__", bytes_new);
}

// ----- helpers -----

/// The bytes of a bytes-like value (bytes, bytearray, or a subclass).
pub fn bytes_like<'a>(vm: &Vm, v: &'a Value) -> Option<Cow<'a, [u8]>> {
    match v {
        Value::Bytes(b) => Some(Cow::Borrowed(&b.data)),
        Value::ByteArray(b) => Some(Cow::Owned(b.data.borrow().clone())),
        Value::Instance(_) => match vm.unwrap_builtin(v).as_ref() {
            Value::Bytes(b) => Some(Cow::Owned(b.data.to_vec())),
            Value::ByteArray(b) => Some(Cow::Owned(b.data.borrow().clone())),
            _ => super::memoryview::view_bytes(vm, v).map(Cow::Owned),
        },
        _ => None,
    }
}

/// The bytes of a bytes-like value, or `TypeError: a bytes-like object is required`.
pub fn bytes_data<'a>(vm: &Vm, v: &'a Value) -> PyResult<Cow<'a, [u8]>> {
    bytes_like(vm, v).ok_or_else(|| PyErr::type_error(format!("a bytes-like object is required, not '{}'", vm.type_name(v))))
}

fn this<'a>(vm: &Vm, args: &Args<'a>) -> PyResult<Cow<'a, [u8]>> {
    match args.pos.first() {
        Some(v) => bytes_like(vm, v)
            .ok_or_else(|| PyErr::type_error(format!("descriptor requires a 'bytes' object but received a '{}'", vm.type_name(v)))),
        None => Err(PyErr::type_error("descriptor needs an argument")),
    }
}

fn is_bytearray(vm: &Vm, v: &Value) -> bool {
    matches!(vm.unwrap_builtin(v).as_ref(), Value::ByteArray(_))
}

fn new_bytearray(data: Vec<u8>) -> Value {
    Value::ByteArray(PyRef::new(ByteArrayObj { data: RefCell::new(data) }))
}

/// A result of the receiver's kind: bytearray for bytearrays, else bytes.
fn same_kind(vm: &Vm, this: &Value, data: Vec<u8>) -> Value {
    if is_bytearray(vm, this) {
        new_bytearray(data)
    } else {
        super::new_bytes(data)
    }
}

/// The receiver unchanged when it is an exact bytes object, else a copy.
fn unchanged(vm: &Vm, this: &Value, data: &[u8]) -> Value {
    match this {
        Value::Bytes(_) => this.clone(),
        _ => same_kind(vm, this, data.to_vec()),
    }
}

/// `bytes.name` or `bytearray.name`, as argument-count errors show it.
fn qualified(args: &Args, name: &str) -> String {
    match args.pos.first() {
        Some(Value::ByteArray(_)) => format!("bytearray.{}", name),
        _ => format!("bytes.{}", name),
    }
}

fn no_args(args: &Args, name: &str) -> PyResult<()> {
    if args.len() != 1 || args.has_kwargs() {
        return no_args_plain(args, &qualified(args, name));
    }
    Ok(())
}

fn no_args_plain(args: &Args, name: &str) -> PyResult<()> {
    if args.has_kwargs() {
        return Err(PyErr::type_error(format!("{}() takes no keyword arguments", name)));
    }
    if args.len() != 1 {
        return Err(PyErr::type_error(format!("{}() takes no arguments ({} given)", name, args.len().saturating_sub(1))));
    }
    Ok(())
}

fn one_arg(args: &Args, name: &str) -> PyResult<()> {
    if args.has_kwargs() {
        return Err(PyErr::type_error(format!("{}() takes no keyword arguments", name)));
    }
    if args.len() != 2 {
        return Err(PyErr::type_error(format!("{}() takes exactly one argument ({} given)", name, args.len().saturating_sub(1))));
    }
    Ok(())
}

fn is_space(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\n' | b'\r' | b'\x0b' | b'\x0c')
}

/// Finds `needle` in `hay` from the left.
pub fn find_sub(hay: &[u8], needle: &[u8]) -> Option<usize> {
    if needle.is_empty() {
        return Some(0);
    }
    if needle.len() > hay.len() {
        return None;
    }
    if needle.len() == 1 {
        return hay.iter().position(|&b| b == needle[0]);
    }
    let first = needle[0];
    let last = hay.len() - needle.len();
    let mut i = 0;
    while i <= last {
        match hay[i..=last].iter().position(|&b| b == first) {
            None => return None,
            Some(k) => {
                i += k;
                if &hay[i..i + needle.len()] == needle {
                    return Some(i);
                }
                i += 1;
            }
        }
    }
    None
}

/// Finds `needle` in `hay` from the right.
fn rfind_sub(hay: &[u8], needle: &[u8]) -> Option<usize> {
    if needle.len() > hay.len() {
        return None;
    }
    (0..=hay.len() - needle.len()).rev().find(|&i| &hay[i..i + needle.len()] == needle)
}

/// A sub-sequence argument of find/count/index/`in`: bytes-like or an int byte.
fn sub_arg(vm: &mut Vm, v: &Value) -> PyResult<Vec<u8>> {
    if let Some(d) = bytes_like(vm, v) {
        return Ok(d.into_owned());
    }
    match vm.index_value(v)? {
        Some(Value::Int(i)) if (0..256).contains(&i) => Ok(vec![i as u8]),
        Some(_) => Err(PyErr::value_error("byte must be in range(0, 256)")),
        None => Err(PyErr::type_error(format!("argument should be integer or bytes-like object, not '{}'", vm.type_name(v)))),
    }
}

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

/// CPython's `ADJUST_INDICES` (see the str version).
fn adjust(vm: &mut Vm, len: usize, start: Option<&Value>, end: Option<&Value>) -> PyResult<(usize, usize)> {
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

/// Old-style counts of a method's arguments after the receiver (`args`
/// with it: the keyword error names `bytes.` or `bytearray.`).
fn counts(args: &Args, name: &str, min: usize, max: usize) -> PyResult<()> {
    if args.has_kwargs() {
        return Err(PyErr::type_error(format!("{}() takes no keyword arguments", qualified(args, name))));
    }
    let n = args.len().saturating_sub(1);
    let plural = |k: usize| if k == 1 { "" } else { "s" };
    if n < min {
        return Err(PyErr::type_error(format!("{}() takes at least {} argument{} ({} given)", name, min, plural(min), n)));
    }
    if n > max {
        return Err(PyErr::type_error(format!("{}() takes at most {} argument{} ({} given)", name, max, plural(max), n)));
    }
    Ok(())
}

// ----- construction -----

/// The bytes a `bytes(x)` / `bytearray(x)` call makes from its arguments.
fn from_args(vm: &mut Vm, args: &Args, fname: &str) -> PyResult<Vec<u8>> {
    args.allow_kwargs(fname, &["source", "encoding", "errors"])?;
    if args.len() > 3 {
        return Err(PyErr::type_error(format!("{}() takes at most 3 arguments ({} given)", fname, args.len())));
    }
    let src = args.arg(0, "source");
    let enc = args.arg(1, "encoding");
    let errors = args.arg(2, "errors");
    let Some(x) = src else {
        if enc.is_some() {
            return Err(PyErr::type_error("encoding without a string argument"));
        }
        if errors.is_some() {
            return Err(PyErr::type_error("errors without a string argument"));
        }
        return Ok(Vec::new());
    };
    let str_name = |vm: &Vm, v: &Value| if v.is_none() { "None".to_string() } else { vm.type_name(v) };
    if let Value::Str(s) = vm.unwrap_builtin(x).as_ref() {
        let Some(e) = enc else { return Err(PyErr::type_error("string argument without an encoding")) };
        let e = match e {
            Value::Str(e) => e.as_str().to_string(),
            _ => return Err(PyErr::type_error(format!("{}() argument 'encoding' must be str, not {}", fname, str_name(vm, e)))),
        };
        let errs = match errors {
            None => "strict".to_string(),
            Some(Value::Str(e)) => e.as_str().to_string(),
            Some(e) => return Err(PyErr::type_error(format!("{}() argument 'errors' must be str, not {}", fname, str_name(vm, e)))),
        };
        return super::codecs::encode(vm, s.as_str(), s.has_surrogates(), &e, &errs);
    }
    if enc.is_some() {
        return Err(PyErr::type_error("encoding without a string argument"));
    }
    if errors.is_some() {
        return Err(PyErr::type_error("errors without a string argument"));
    }
    bytes_source(vm, x, fname == "bytearray")
}

/// The bytes of a single constructor argument (no encoding).
/// CPython's `PyObject_Bytes` for an argument that must be bytes-like
/// (`int.from_bytes`): buffers, `__bytes__`, iterables of byte values; a
/// str or an int is a TypeError (not an encoding error or a count).
pub(crate) fn bytes_from_object(vm: &mut Vm, x: &Value) -> PyResult<Vec<u8>> {
    if matches!(vm.unwrap_builtin(x).as_ref(), Value::Str(_) | Value::Int(_) | Value::Bool(_) | Value::BigInt(_))
        && vm.lookup_special(x, "__bytes__").is_none()
    {
        return Err(PyErr::type_error(format!("cannot convert '{}' object to bytes", vm.type_name(x))));
    }
    bytes_source(vm, x, false)
}

fn bytes_source(vm: &mut Vm, x: &Value, bytearray: bool) -> PyResult<Vec<u8>> {
    if let Some(d) = bytes_like(vm, x) {
        return Ok(d.into_owned());
    }
    if !bytearray {
        if let Some(f) = vm.lookup_special(x, "__bytes__") {
            let r = vm.call_function(&f, std::slice::from_ref(x))?;
            return match vm.unwrap_builtin(&r).as_ref() {
                Value::Bytes(b) => Ok(b.data.to_vec()),
                _ => Err(PyErr::type_error(format!("__bytes__ returned non-bytes (type {})", vm.type_name(&r)))),
            };
        }
    }
    match x {
        Value::Str(_) => return Err(PyErr::type_error("string argument without an encoding")),
        Value::Float(_) | Value::Complex(_) => {
            return Err(PyErr::type_error(format!(
                "cannot convert '{}' object to {}",
                vm.type_name(x),
                if bytearray { "bytearray" } else { "bytes" }
            )))
        }
        _ => {}
    }
    if let Some(n) = vm.index_value(x)? {
        let n = match n {
            Value::Int(n) => n,
            _ => return Err(PyErr::overflow("cannot fit 'int' into an index-sized integer")),
        };
        if n < 0 {
            return Err(PyErr::value_error("negative count"));
        }
        if n > (1 << 40) {
            return Err(PyErr::new(ExcKind::MemoryError, ""));
        }
        return Ok(vec![0; n as usize]);
    }
    let it = match vm.get_iter(x) {
        Ok(it) => it,
        Err(e) if vm.err_is(&e, ExcKind::TypeError) => {
            return Err(PyErr::type_error(format!(
                "cannot convert '{}' object to {}",
                vm.type_name(x),
                if bytearray { "bytearray" } else { "bytes" }
            )))
        }
        Err(e) => return Err(e),
    };
    let mut out = Vec::new();
    while let Some(item) = vm.next(&it)? {
        out.push(byte_value(vm, &item, if bytearray { "byte must be in range(0, 256)" } else { "bytes must be in range(0, 256)" })?);
    }
    Ok(out)
}

/// An int in range(256) (`msg` for out-of-range values).
fn byte_value(vm: &mut Vm, v: &Value, msg: &str) -> PyResult<u8> {
    let i = match v {
        Value::Int(i) => *i,
        Value::Bool(b) => *b as i64,
        _ => match vm.index_value(v)? {
            Some(Value::Int(i)) => i,
            Some(_) => -1,
            None => return Err(PyErr::type_error(format!("'{}' object cannot be interpreted as an integer", vm.type_name(v)))),
        },
    };
    if (0..256).contains(&i) {
        Ok(i as u8)
    } else {
        Err(PyErr::value_error(msg.to_string()))
    }
}

/// The new contents for `bytearray[slice] = value`.
pub fn assign_source(vm: &mut Vm, v: &Value) -> PyResult<Vec<u8>> {
    if let Some(d) = bytes_like(vm, v) {
        return Ok(d.into_owned());
    }
    match vm.unwrap_builtin(v).as_ref() {
        Value::Int(_) | Value::Bool(_) | Value::BigInt(_) | Value::Float(_) | Value::Complex(_) | Value::Str(_) => {
            Err(PyErr::type_error("can assign only bytes, buffers, or iterables of ints in range(0, 256)"))
        }
        _ => bytes_source(vm, v, true),
    }
}

/// `bytearray[i] = value`: the byte value.
pub fn item_value(vm: &mut Vm, v: &Value) -> PyResult<u8> {
    byte_value(vm, v, "byte must be in range(0, 256)")
}

fn bytes_ctor(vm: &mut Vm, args: Args) -> PyResult<Value> {
    if args.len() == 1 && !args.has_kwargs() {
        if let Value::Bytes(_) = &args.pos[0] {
            return Ok(args.pos[0].clone());
        }
    }
    Ok(super::new_bytes(from_args(vm, &args, "bytes")?))
}

fn bytes_new(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let Some(Value::Class(cls)) = args.get(0) else { return Err(PyErr::type_error("bytes.__new__(X): X is not a type object")) };
    let cls = cls.clone();
    let v = super::new_bytes(from_args(vm, &args.rest(), "bytes")?);
    Ok(super::types_num::wrap_for_class(vm, &cls, v))
}

fn bytearray_ctor(vm: &mut Vm, args: Args) -> PyResult<Value> {
    Ok(new_bytearray(from_args(vm, &args, "bytearray")?))
}

/// `bytearray.__new__(cls, ...)`: an empty bytearray (of the subclass
/// `cls`); `__init__` fills it, as CPython's.
fn bytearray_new(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let Some(Value::Class(cls)) = args.get(0) else { return Err(PyErr::type_error("bytearray.__new__(X): X is not a type object")) };
    let cls = cls.clone();
    Ok(super::types_num::wrap_for_class(vm, &cls, new_bytearray(vec![])))
}

fn ba_init(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let data = from_args(vm, &args.rest(), "bytearray")?;
    if let Value::ByteArray(b) = vm.unwrap_builtin(args.this()).as_ref() {
        *b.data.borrow_mut() = data;
    }
    Ok(Value::None)
}

/// `bytes.__bytes__()`: the value as an exact bytes object.
fn bytes_dunder_bytes(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check("__bytes__", 1, 1)?;
    match vm.unwrap_builtin(args.this()).as_ref() {
        b @ Value::Bytes(_) => Ok(b.clone()),
        _ => Err(PyErr::type_error("descriptor '__bytes__' requires a 'bytes' object")),
    }
}

fn bytes_getnewargs(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let d = this(vm, &args)?;
    Ok(Value::tuple(vec![super::new_bytes(d.into_owned())]))
}

// ----- sequence protocol -----

fn b_len(vm: &mut Vm, args: Args) -> PyResult<Value> {
    Ok(Value::Int(this(vm, &args)?.len() as i64))
}

fn b_getitem(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let this = vm.unwrap_builtin(args.this()).into_owned();
    vm.get_item(&this, args.get(1).unwrap_or(&Value::None))
}

fn b_setitem(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check_pos("__setitem__", 3, 3)?;
    let this = vm.unwrap_builtin(args.this()).into_owned();
    vm.set_item(&this, &args.pos[1], args.pos[2].clone())?;
    Ok(Value::None)
}

fn b_delitem(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check_pos("__delitem__", 2, 2)?;
    let this = vm.unwrap_builtin(args.this()).into_owned();
    vm.del_item(&this, &args.pos[1])?;
    Ok(Value::None)
}

fn b_contains(vm: &mut Vm, args: Args) -> PyResult<Value> {
    one_arg(&args, "__contains__")?;
    let d = this(vm, &args)?.into_owned();
    let sub = sub_arg(vm, &args.pos[1])?;
    Ok(Value::Bool(find_sub(&d, &sub).is_some()))
}

fn b_iter(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let this = vm.unwrap_builtin(args.this()).into_owned();
    vm.get_iter(&this)
}

// ----- searching -----

fn affix(vm: &mut Vm, args: Args, suffix: bool) -> PyResult<Value> {
    let name = if suffix { "endswith" } else { "startswith" };
    let d = this(vm, &args)?.into_owned();
    let rest = args.rest();
    counts(&args, name, 1, 3)?;
    let (a, b) = adjust(vm, d.len(), rest.get(1), rest.get(2))?;
    let check = |p: &[u8]| -> bool {
        if b < a || b - a < p.len() {
            return false;
        }
        let sub = &d[a..b];
        if suffix {
            sub.ends_with(p)
        } else {
            sub.starts_with(p)
        }
    };
    let pv = &rest.pos[0];
    if let Some(p) = bytes_like(vm, pv) {
        return Ok(Value::Bool(check(&p)));
    }
    if let Value::Tuple(t) = pv {
        for p in t.as_slice() {
            match bytes_like(vm, p) {
                Some(pb) => {
                    if check(&pb) {
                        return Ok(Value::Bool(true));
                    }
                }
                None => return Err(PyErr::type_error(format!("a bytes-like object is required, not '{}'", vm.type_name(p)))),
            }
        }
        return Ok(Value::Bool(false));
    }
    Err(PyErr::type_error(format!("{} first arg must be bytes or a tuple of bytes, not {}", name, vm.type_name(pv))))
}

fn startswith(vm: &mut Vm, args: Args) -> PyResult<Value> {
    affix(vm, args, false)
}

fn endswith(vm: &mut Vm, args: Args) -> PyResult<Value> {
    affix(vm, args, true)
}

fn find_impl(vm: &mut Vm, args: &Args, right: bool, name: &str) -> PyResult<i64> {
    let d = this(vm, args)?.into_owned();
    let rest = args.rest();
    counts(args, name, 1, 3)?;
    let sub = sub_arg(vm, &rest.pos[0])?;
    let (a, b) = adjust(vm, d.len(), rest.get(1), rest.get(2))?;
    if b < a || b - a < sub.len() {
        return Ok(-1);
    }
    let hay = &d[a..b];
    let r = if right { rfind_sub(hay, &sub) } else { find_sub(hay, &sub) };
    Ok(r.map_or(-1, |i| (a + i) as i64))
}

fn find(vm: &mut Vm, args: Args) -> PyResult<Value> {
    Ok(Value::Int(find_impl(vm, &args, false, "find")?))
}

fn rfind(vm: &mut Vm, args: Args) -> PyResult<Value> {
    Ok(Value::Int(find_impl(vm, &args, true, "rfind")?))
}

fn index(vm: &mut Vm, args: Args) -> PyResult<Value> {
    match find_impl(vm, &args, false, "index")? {
        -1 => Err(PyErr::value_error("subsection not found")),
        i => Ok(Value::Int(i)),
    }
}

fn rindex(vm: &mut Vm, args: Args) -> PyResult<Value> {
    match find_impl(vm, &args, true, "rindex")? {
        -1 => Err(PyErr::value_error("subsection not found")),
        i => Ok(Value::Int(i)),
    }
}

fn count(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let d = this(vm, &args)?.into_owned();
    let rest = args.rest();
    counts(&args, "count", 1, 3)?;
    let sub = sub_arg(vm, &rest.pos[0])?;
    let (a, b) = adjust(vm, d.len(), rest.get(1), rest.get(2))?;
    if b < a || b - a < sub.len() {
        return Ok(Value::Int(0));
    }
    if sub.is_empty() {
        return Ok(Value::Int((b - a) as i64 + 1));
    }
    let hay = &d[a..b];
    let mut n = 0;
    let mut i = 0;
    while let Some(k) = find_sub(&hay[i..], &sub) {
        n += 1;
        i += k + sub.len();
    }
    Ok(Value::Int(n))
}

// ----- splitting and joining -----

fn join(vm: &mut Vm, args: Args) -> PyResult<Value> {
    one_arg(&args, "join")?;
    let sep = this(vm, &args)?.into_owned();
    let src = &args.pos[1];
    let items = match src {
        Value::List(l) => l.to_vec(),
        Value::Tuple(t) => t.as_slice().to_vec(),
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
            v
        }
    };
    let mut out = Vec::new();
    for (i, it) in items.iter().enumerate() {
        let Some(d) = bytes_like(vm, it) else {
            return Err(PyErr::type_error(format!("sequence item {}: expected a bytes-like object, {} found", i, vm.type_name(it))));
        };
        if i > 0 {
            out.extend_from_slice(&sep);
        }
        out.extend_from_slice(&d);
    }
    Ok(same_kind(vm, args.this(), out))
}

fn split_args(vm: &mut Vm, args: &Args, name: &str) -> PyResult<(Option<Vec<u8>>, i64)> {
    let rest = args.rest();
    rest.allow_kwargs(name, &["sep", "maxsplit"])?;
    if rest.len() + rest.kwnames.len() > 2 {
        return Err(PyErr::type_error(format!("{}() takes at most 2 arguments ({} given)", name, rest.len() + rest.kwnames.len())));
    }
    let sep = match rest.arg(0, "sep") {
        None | Some(Value::None) => None,
        Some(s) => {
            let d = bytes_data(vm, s)?.into_owned();
            if d.is_empty() {
                return Err(PyErr::value_error("empty separator"));
            }
            Some(d)
        }
    };
    let maxsplit = match rest.arg(1, "maxsplit") {
        Some(m) => arg::int(vm, m)?,
        None => -1,
    };
    Ok((sep, maxsplit))
}

fn split_impl(vm: &mut Vm, args: Args, right: bool) -> PyResult<Value> {
    let d = this(vm, &args)?.into_owned();
    let (sep, maxsplit) = split_args(vm, &args, if right { "rsplit" } else { "split" })?;
    let limit = if maxsplit < 0 { usize::MAX } else { maxsplit as usize };
    let mut parts: Vec<&[u8]> = Vec::new();
    match &sep {
        None => {
            if !right {
                let mut i = 0;
                let n = d.len();
                loop {
                    while i < n && is_space(d[i]) {
                        i += 1;
                    }
                    if i >= n {
                        break;
                    }
                    if parts.len() >= limit {
                        // (The rest as it is, trailing whitespace included.)
                        parts.push(&d[i..n]);
                        break;
                    }
                    let start = i;
                    while i < n && !is_space(d[i]) {
                        i += 1;
                    }
                    parts.push(&d[start..i]);
                }
            } else {
                let mut j = d.len();
                loop {
                    while j > 0 && is_space(d[j - 1]) {
                        j -= 1;
                    }
                    if j == 0 {
                        break;
                    }
                    if parts.len() >= limit {
                        parts.push(&d[..j]);
                        break;
                    }
                    let end = j;
                    while j > 0 && !is_space(d[j - 1]) {
                        j -= 1;
                    }
                    parts.push(&d[j..end]);
                }
                parts.reverse();
            }
        }
        Some(sep) => {
            if !right {
                let mut start = 0;
                while parts.len() < limit {
                    match find_sub(&d[start..], sep) {
                        Some(k) => {
                            parts.push(&d[start..start + k]);
                            start += k + sep.len();
                        }
                        None => break,
                    }
                }
                parts.push(&d[start..]);
            } else {
                let mut end = d.len();
                while parts.len() < limit {
                    match rfind_sub(&d[..end], sep) {
                        Some(k) => {
                            parts.push(&d[k + sep.len()..end]);
                            end = k;
                        }
                        None => break,
                    }
                }
                parts.push(&d[..end]);
                parts.reverse();
            }
        }
    }
    let this = args.this().clone();
    let items = parts.into_iter().map(|p| same_kind(vm, &this, p.to_vec())).collect();
    Ok(Value::list(items))
}

fn split(vm: &mut Vm, args: Args) -> PyResult<Value> {
    split_impl(vm, args, false)
}

fn rsplit(vm: &mut Vm, args: Args) -> PyResult<Value> {
    split_impl(vm, args, true)
}

fn splitlines(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let d = this(vm, &args)?.into_owned();
    let rest = args.rest();
    rest.allow_kwargs("splitlines", &["keepends"])?;
    let keep = match rest.arg(0, "keepends") {
        Some(v) => vm.truthy(v)?,
        None => false,
    };
    let mut out = Vec::new();
    let mut start = 0;
    let mut i = 0;
    let this = args.this().clone();
    while i < d.len() {
        let c = d[i];
        if c == b'\n' || c == b'\r' {
            let mut end = i + 1;
            if c == b'\r' && i + 1 < d.len() && d[i + 1] == b'\n' {
                end += 1;
            }
            out.push(same_kind(vm, &this, d[start..if keep { end } else { i }].to_vec()));
            start = end;
            i = end;
        } else {
            i += 1;
        }
    }
    if start < d.len() {
        out.push(same_kind(vm, &this, d[start..].to_vec()));
    }
    Ok(Value::list(out))
}

fn strip_impl(vm: &mut Vm, args: Args, left: bool, right: bool, name: &str) -> PyResult<Value> {
    let d = this(vm, &args)?.into_owned();
    let rest = args.rest();
    if rest.has_kwargs() {
        return Err(PyErr::type_error(format!("{}() takes no keyword arguments", name)));
    }
    rest.check_pos(name, 0, 1)?;
    let chars: Option<Vec<u8>> = match rest.get(0) {
        None | Some(Value::None) => None,
        Some(c) => Some(bytes_data(vm, c)?.into_owned()),
    };
    let strip = |b: u8| match &chars {
        None => is_space(b),
        Some(cs) => cs.contains(&b),
    };
    let mut a = 0;
    let mut b = d.len();
    if left {
        while a < b && strip(d[a]) {
            a += 1;
        }
    }
    if right {
        while b > a && strip(d[b - 1]) {
            b -= 1;
        }
    }
    if a == 0 && b == d.len() {
        return Ok(unchanged(vm, args.this(), &d));
    }
    Ok(same_kind(vm, args.this(), d[a..b].to_vec()))
}

fn strip(vm: &mut Vm, args: Args) -> PyResult<Value> {
    strip_impl(vm, args, true, true, "strip")
}

fn lstrip(vm: &mut Vm, args: Args) -> PyResult<Value> {
    strip_impl(vm, args, true, false, "lstrip")
}

fn rstrip(vm: &mut Vm, args: Args) -> PyResult<Value> {
    strip_impl(vm, args, false, true, "rstrip")
}

fn replace(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let d = this(vm, &args)?.into_owned();
    let rest = args.rest();
    if rest.has_kwargs() {
        return Err(PyErr::type_error("replace() takes no keyword arguments"));
    }
    rest.check_pos("replace", 2, 3)?;
    let old = bytes_data(vm, &rest.pos[0])?.into_owned();
    let new = bytes_data(vm, &rest.pos[1])?.into_owned();
    let n = match rest.get(2) {
        Some(v) => arg::int(vm, v)?,
        None => -1,
    };
    let limit = if n < 0 { usize::MAX } else { n as usize };
    let mut out = Vec::with_capacity(d.len());
    let mut k = 0;
    if old.is_empty() {
        for &b in &d {
            if k < limit {
                out.extend_from_slice(&new);
                k += 1;
            }
            out.push(b);
        }
        if k < limit {
            out.extend_from_slice(&new);
        }
        return Ok(same_kind(vm, args.this(), out));
    }
    let mut i = 0;
    while k < limit {
        match find_sub(&d[i..], &old) {
            Some(p) => {
                out.extend_from_slice(&d[i..i + p]);
                out.extend_from_slice(&new);
                i += p + old.len();
                k += 1;
            }
            None => break,
        }
    }
    out.extend_from_slice(&d[i..]);
    Ok(same_kind(vm, args.this(), out))
}

fn partition_impl(vm: &mut Vm, args: Args, right: bool) -> PyResult<Value> {
    one_arg(&args, if right { "rpartition" } else { "partition" })?;
    let d = this(vm, &args)?.into_owned();
    let sep = bytes_data(vm, &args.pos[1])?.into_owned();
    if sep.is_empty() {
        return Err(PyErr::value_error("empty separator"));
    }
    let this = args.this().clone();
    let found = if right { rfind_sub(&d, &sep) } else { find_sub(&d, &sep) };
    let mk = |vm: &Vm, v: &[u8]| same_kind(vm, &this, v.to_vec());
    Ok(match found {
        Some(i) => Value::tuple(vec![mk(vm, &d[..i]), mk(vm, &sep), mk(vm, &d[i + sep.len()..])]),
        None => {
            if right {
                Value::tuple(vec![mk(vm, b""), mk(vm, b""), mk(vm, &d)])
            } else {
                Value::tuple(vec![mk(vm, &d), mk(vm, b""), mk(vm, b"")])
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

// ----- case and predicates (ASCII) -----

fn map_bytes(vm: &mut Vm, args: Args, name: &str, f: impl Fn(&[u8]) -> Vec<u8>) -> PyResult<Value> {
    no_args(&args, name)?;
    let d = this(vm, &args)?;
    let out = f(&d);
    Ok(same_kind(vm, args.this(), out))
}

fn upper(vm: &mut Vm, args: Args) -> PyResult<Value> {
    map_bytes(vm, args, "upper", |d| d.to_ascii_uppercase())
}

fn lower(vm: &mut Vm, args: Args) -> PyResult<Value> {
    map_bytes(vm, args, "lower", |d| d.to_ascii_lowercase())
}

fn swapcase(vm: &mut Vm, args: Args) -> PyResult<Value> {
    map_bytes(vm, args, "swapcase", |d| {
        d.iter().map(|&b| if b.is_ascii_uppercase() { b.to_ascii_lowercase() } else { b.to_ascii_uppercase() }).collect()
    })
}

fn title(vm: &mut Vm, args: Args) -> PyResult<Value> {
    map_bytes(vm, args, "title", |d| {
        let mut prev = false;
        d.iter()
            .map(|&b| {
                let r = if prev { b.to_ascii_lowercase() } else { b.to_ascii_uppercase() };
                prev = b.is_ascii_alphabetic();
                r
            })
            .collect()
    })
}

fn capitalize(vm: &mut Vm, args: Args) -> PyResult<Value> {
    map_bytes(vm, args, "capitalize", |d| {
        d.iter().enumerate().map(|(i, &b)| if i == 0 { b.to_ascii_uppercase() } else { b.to_ascii_lowercase() }).collect()
    })
}

fn pred(vm: &mut Vm, args: Args, name: &str, f: impl Fn(u8) -> bool) -> PyResult<Value> {
    no_args(&args, name)?;
    let d = this(vm, &args)?;
    Ok(Value::Bool(!d.is_empty() && d.iter().all(|&b| f(b))))
}

fn isdigit(vm: &mut Vm, args: Args) -> PyResult<Value> {
    pred(vm, args, "isdigit", |b| b.is_ascii_digit())
}

fn isalpha(vm: &mut Vm, args: Args) -> PyResult<Value> {
    pred(vm, args, "isalpha", |b| b.is_ascii_alphabetic())
}

fn isalnum(vm: &mut Vm, args: Args) -> PyResult<Value> {
    pred(vm, args, "isalnum", |b| b.is_ascii_alphanumeric())
}

fn isspace(vm: &mut Vm, args: Args) -> PyResult<Value> {
    pred(vm, args, "isspace", is_space)
}

fn isascii(vm: &mut Vm, args: Args) -> PyResult<Value> {
    no_args(&args, "isascii")?;
    let d = this(vm, &args)?;
    Ok(Value::Bool(d.is_ascii()))
}

fn islower(vm: &mut Vm, args: Args) -> PyResult<Value> {
    no_args(&args, "islower")?;
    let d = this(vm, &args)?;
    Ok(Value::Bool(d.iter().any(|b| b.is_ascii_lowercase()) && !d.iter().any(|b| b.is_ascii_uppercase())))
}

fn isupper(vm: &mut Vm, args: Args) -> PyResult<Value> {
    no_args(&args, "isupper")?;
    let d = this(vm, &args)?;
    Ok(Value::Bool(d.iter().any(|b| b.is_ascii_uppercase()) && !d.iter().any(|b| b.is_ascii_lowercase())))
}

fn istitle(vm: &mut Vm, args: Args) -> PyResult<Value> {
    no_args(&args, "istitle")?;
    let d = this(vm, &args)?;
    let mut prev = false;
    let mut cased = false;
    for &b in d.iter() {
        if b.is_ascii_uppercase() {
            if prev {
                return Ok(Value::Bool(false));
            }
            prev = true;
            cased = true;
        } else if b.is_ascii_lowercase() {
            if !prev {
                return Ok(Value::Bool(false));
            }
            prev = true;
            cased = true;
        } else {
            prev = false;
        }
    }
    Ok(Value::Bool(cased))
}

// ----- padding -----

fn fill_args(vm: &mut Vm, args: &Args, name: &str) -> PyResult<(usize, u8)> {
    let rest = args.rest();
    if rest.has_kwargs() {
        return Err(PyErr::type_error(format!("{}() takes no keyword arguments", name)));
    }
    rest.check_pos(name, 1, 2)?;
    let width = arg::int(vm, &rest.pos[0])?.max(0) as usize;
    if width > (1 << 34) {
        return Err(PyErr::new(ExcKind::MemoryError, ""));
    }
    let fill = match rest.get(1) {
        None => b' ',
        Some(v) => match bytes_like(vm, v) {
            Some(d) if d.len() == 1 => d[0],
            Some(_) | None => {
                return Err(PyErr::type_error(format!("{}() argument 2 must be a byte string of length 1, not {}", name, vm.type_name(v))))
            }
        },
    };
    Ok((width, fill))
}

fn pad(vm: &mut Vm, args: Args, name: &str, how: char) -> PyResult<Value> {
    let d = this(vm, &args)?.into_owned();
    let (width, fill) = fill_args(vm, &args, name)?;
    if width <= d.len() {
        return Ok(unchanged(vm, args.this(), &d));
    }
    let marg = width - d.len();
    let left = match how {
        '<' => 0,
        '>' => marg,
        _ => marg / 2 + (marg & width & 1),
    };
    let mut out = vec![fill; left];
    out.extend_from_slice(&d);
    out.resize(width, fill);
    Ok(same_kind(vm, args.this(), out))
}

fn center(vm: &mut Vm, args: Args) -> PyResult<Value> {
    pad(vm, args, "center", '^')
}

fn ljust(vm: &mut Vm, args: Args) -> PyResult<Value> {
    pad(vm, args, "ljust", '<')
}

fn rjust(vm: &mut Vm, args: Args) -> PyResult<Value> {
    pad(vm, args, "rjust", '>')
}

fn zfill(vm: &mut Vm, args: Args) -> PyResult<Value> {
    one_arg(&args, "zfill")?;
    let d = this(vm, &args)?.into_owned();
    let width = arg::int(vm, &args.pos[1])?.max(0) as usize;
    if width > (1 << 34) {
        return Err(PyErr::new(ExcKind::MemoryError, ""));
    }
    if width <= d.len() {
        return Ok(unchanged(vm, args.this(), &d));
    }
    let fill = width - d.len();
    let mut out = Vec::with_capacity(width);
    let body = match d.first() {
        Some(&s @ (b'+' | b'-')) => {
            out.push(s);
            &d[1..]
        }
        _ => &d[..],
    };
    out.extend(std::iter::repeat_n(b'0', fill));
    out.extend_from_slice(body);
    Ok(same_kind(vm, args.this(), out))
}

fn expandtabs(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let d = this(vm, &args)?.into_owned();
    let rest = args.rest();
    rest.allow_kwargs("expandtabs", &["tabsize"])?;
    let size = match rest.arg(0, "tabsize") {
        Some(v) => arg::int(vm, v)?,
        None => 8,
    };
    let mut out = Vec::with_capacity(d.len());
    let mut col = 0i64;
    for &b in &d {
        match b {
            b'\t' => {
                if size > 0 {
                    let n = size - col % size;
                    if col as u64 + n as u64 > (1 << 34) {
                        return Err(PyErr::overflow("result too long"));
                    }
                    out.extend(std::iter::repeat_n(b' ', n as usize));
                    col += n;
                }
            }
            b'\n' | b'\r' => {
                out.push(b);
                col = 0;
            }
            _ => {
                out.push(b);
                col += 1;
            }
        }
    }
    Ok(same_kind(vm, args.this(), out))
}

fn removeprefix(vm: &mut Vm, args: Args) -> PyResult<Value> {
    one_arg(&args, "removeprefix")?;
    let d = this(vm, &args)?.into_owned();
    let p = bytes_data(vm, &args.pos[1])?.into_owned();
    match d.strip_prefix(&p[..]) {
        Some(r) if !p.is_empty() => Ok(same_kind(vm, args.this(), r.to_vec())),
        _ => Ok(unchanged(vm, args.this(), &d)),
    }
}

fn removesuffix(vm: &mut Vm, args: Args) -> PyResult<Value> {
    one_arg(&args, "removesuffix")?;
    let d = this(vm, &args)?.into_owned();
    let p = bytes_data(vm, &args.pos[1])?.into_owned();
    match d.strip_suffix(&p[..]) {
        Some(r) if !p.is_empty() => Ok(same_kind(vm, args.this(), r.to_vec())),
        _ => Ok(unchanged(vm, args.this(), &d)),
    }
}

// ----- translation, hex, codecs -----

fn translate(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let d = this(vm, &args)?.into_owned();
    let rest = args.rest();
    rest.allow_kwargs("translate", &["delete"])?;
    rest.check_pos("translate", 1, 2)?;
    let table = match &rest.pos[0] {
        Value::None => None,
        t => {
            let t = bytes_data(vm, t)?.into_owned();
            if t.len() != 256 {
                return Err(PyErr::value_error("translation table must be 256 characters long"));
            }
            Some(t)
        }
    };
    let delete = match rest.arg(1, "delete") {
        Some(v) => bytes_data(vm, v)?.into_owned(),
        None => Vec::new(),
    };
    let out: Vec<u8> = d.iter().filter(|b| !delete.contains(b)).map(|&b| table.as_ref().map_or(b, |t| t[b as usize])).collect();
    Ok(same_kind(vm, args.this(), out))
}

fn maketrans(vm: &mut Vm, args: Args) -> PyResult<Value> {
    if args.has_kwargs() {
        return Err(PyErr::type_error("maketrans() takes no keyword arguments"));
    }
    args.check_pos("maketrans", 2, 2)?;
    let a = bytes_data(vm, &args.pos[0])?.into_owned();
    let b = bytes_data(vm, &args.pos[1])?.into_owned();
    if a.len() != b.len() {
        return Err(PyErr::value_error("maketrans arguments must have same length"));
    }
    let mut t: Vec<u8> = (0..=255).collect();
    for (x, y) in a.iter().zip(b.iter()) {
        t[*x as usize] = *y;
    }
    Ok(super::new_bytes(t))
}

fn hex(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let d = this(vm, &args)?.into_owned();
    hex_of(vm, &d, args.rest())
}

/// `hex(sep=..., bytes_per_sep=...)` of bytes, bytearray and memoryview.
pub(crate) fn hex_of(vm: &mut Vm, d: &[u8], rest: Args) -> PyResult<Value> {
    rest.allow_kwargs("hex", &["sep", "bytes_per_sep"])?;
    let sep = match rest.arg(0, "sep") {
        None => None,
        Some(Value::Str(s)) => {
            if s.len() != 1 {
                return Err(PyErr::value_error("sep must be length 1."));
            }
            let c = s.char_at(0);
            if !c.is_ascii() {
                return Err(PyErr::value_error("sep must be ASCII."));
            }
            Some(c)
        }
        Some(v) => match bytes_like(vm, v) {
            Some(b) if b.len() == 1 => {
                if !b[0].is_ascii() {
                    return Err(PyErr::value_error("sep must be ASCII."));
                }
                Some(b[0] as char)
            }
            Some(_) => return Err(PyErr::value_error("sep must be length 1.")),
            None => return Err(PyErr::type_error("sep must be str or bytes.")),
        },
    };
    let per = match rest.arg(1, "bytes_per_sep") {
        Some(v) => arg::int(vm, v)?,
        None => 1,
    };
    Ok(Value::string(hex_string(d, sep, per)))
}

/// `bytes.hex(sep, bytes_per_sep)`: groups counted from the right for a
/// positive `per`, from the left for a negative one.
pub fn hex_string(d: &[u8], sep: Option<char>, per: i64) -> String {
    const HEX: &[u8; 16] = b"0123456789abcdef";
    let mut out = String::with_capacity(d.len() * 3);
    let group = per.unsigned_abs() as usize;
    for (i, &b) in d.iter().enumerate() {
        if let Some(s) = sep {
            if i > 0 && group > 0 {
                let boundary = if per > 0 { (d.len() - i).is_multiple_of(group) } else { i.is_multiple_of(group) };
                if boundary {
                    out.push(s);
                }
            }
        }
        out.push(HEX[(b >> 4) as usize] as char);
        out.push(HEX[(b & 15) as usize] as char);
    }
    out
}

fn fromhex(vm: &mut Vm, args: Args) -> PyResult<Value> {
    // Called as a classmethod: args[0] is the class.
    if args.len() != 2 || args.has_kwargs() {
        return Err(PyErr::type_error(format!("fromhex() takes exactly one argument ({} given)", args.len().saturating_sub(1))));
    }
    let s = match vm.unwrap_builtin(&args.pos[1]).as_ref() {
        Value::Str(s) => s.clone(),
        _ => return Err(PyErr::type_error(format!("fromhex() argument must be str, not {}", vm.type_name(&args.pos[1])))),
    };
    let chars: Vec<char> = s.as_str().chars().collect();
    let mut out = Vec::with_capacity(chars.len() / 2);
    let mut i = 0;
    let bad = |i: usize| PyErr::value_error(format!("non-hexadecimal number found in fromhex() arg at position {}", i));
    while i < chars.len() {
        if chars[i].is_ascii_whitespace() {
            i += 1;
            continue;
        }
        let hi = chars[i].to_digit(16).filter(|_| chars[i].is_ascii()).ok_or_else(|| bad(i))?;
        if i + 1 >= chars.len() {
            return Err(bad(i + 1));
        }
        let lo = chars[i + 1].to_digit(16).filter(|_| chars[i + 1].is_ascii()).ok_or_else(|| bad(i + 1))?;
        out.push((hi * 16 + lo) as u8);
        i += 2;
    }
    match args.get(0) {
        Some(Value::Class(c)) if PyRef::ptr_eq(c, &vm.types.bytearray) => Ok(new_bytearray(out)),
        Some(Value::Class(c)) if PyRef::ptr_eq(c, &vm.types.bytes) => Ok(super::new_bytes(out)),
        Some(c @ Value::Class(_)) => {
            let c = c.clone();
            vm.call_function(&c, &[super::new_bytes(out)])
        }
        _ => Ok(super::new_bytes(out)),
    }
}

fn decode(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let d = this(vm, &args)?.into_owned();
    let rest = args.rest();
    rest.allow_kwargs("decode", &["encoding", "errors"])?;
    if rest.len() + rest.kwnames.len() > 2 {
        return Err(PyErr::type_error(format!("decode() takes at most 2 arguments ({} given)", rest.len() + rest.kwnames.len())));
    }
    let name = |vm: &Vm, v: &Value| if v.is_none() { "None".to_string() } else { vm.type_name(v) };
    let enc = match rest.arg(0, "encoding") {
        None => "utf-8".to_string(),
        Some(Value::Str(s)) => s.as_str().to_string(),
        Some(v) => return Err(PyErr::type_error(format!("decode() argument 'encoding' must be str, not {}", name(vm, v)))),
    };
    let errors = match rest.arg(1, "errors") {
        None => "strict".to_string(),
        Some(Value::Str(s)) => s.as_str().to_string(),
        Some(v) => return Err(PyErr::type_error(format!("decode() argument 'errors' must be str, not {}", name(vm, v)))),
    };
    super::codecs::decode(vm, &d, &enc, &errors)
}

// ----- bytearray mutation -----

fn this_ba(vm: &Vm, args: &Args) -> PyResult<PyRef<ByteArrayObj>> {
    match args.pos.first().map(|v| vm.unwrap_builtin(v).into_owned()) {
        Some(Value::ByteArray(b)) => Ok(b),
        Some(v) => Err(PyErr::type_error(format!("descriptor requires a 'bytearray' object but received a '{}'", vm.type_name(&v)))),
        None => Err(PyErr::type_error("descriptor needs an argument")),
    }
}

fn ba_append(vm: &mut Vm, args: Args) -> PyResult<Value> {
    one_arg(&args, "bytearray.append")?;
    let b = this_ba(vm, &args)?;
    let x = item_value(vm, &args.pos[1])?;
    b.data.borrow_mut().push(x);
    Ok(Value::None)
}

fn ba_extend(vm: &mut Vm, args: Args) -> PyResult<Value> {
    one_arg(&args, "bytearray.extend")?;
    let b = this_ba(vm, &args)?;
    let src = &args.pos[1];
    let data = match bytes_like(vm, src) {
        Some(d) => d.into_owned(),
        None => {
            let it = match vm.get_iter(src) {
                Ok(it) => it,
                Err(e) if vm.err_is(&e, ExcKind::TypeError) => {
                    return Err(PyErr::type_error(format!("can't extend bytearray with {}", vm.type_name(src))))
                }
                Err(e) => return Err(e),
            };
            let mut out = Vec::new();
            while let Some(x) = vm.next(&it)? {
                out.push(item_value(vm, &x)?);
            }
            out
        }
    };
    b.data.borrow_mut().extend(data);
    Ok(Value::None)
}

fn ba_insert(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check("insert", 3, 3)?;
    let b = this_ba(vm, &args)?;
    let i = arg::int(vm, &args.pos[1])?;
    let x = item_value(vm, &args.pos[2])?;
    let mut d = b.data.borrow_mut();
    let n = d.len() as i64;
    let at = if i < 0 { (i + n).max(0) } else { i.min(n) } as usize;
    d.insert(at, x);
    Ok(Value::None)
}

fn ba_pop(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check("pop", 1, 2)?;
    let b = this_ba(vm, &args)?;
    let i = match args.get(1) {
        Some(v) => Some(arg::int(vm, v)?),
        None => None,
    };
    let mut d = b.data.borrow_mut();
    if d.is_empty() {
        return Err(PyErr::index_error("pop from empty bytearray"));
    }
    let n = d.len() as i64;
    let i = i.unwrap_or(n - 1);
    let j = if i < 0 { i + n } else { i };
    if j < 0 || j >= n {
        return Err(PyErr::index_error("pop index out of range"));
    }
    Ok(Value::Int(d.remove(j as usize) as i64))
}

fn ba_remove(vm: &mut Vm, args: Args) -> PyResult<Value> {
    one_arg(&args, "bytearray.remove")?;
    let b = this_ba(vm, &args)?;
    let x = item_value(vm, &args.pos[1])?;
    let mut d = b.data.borrow_mut();
    match d.iter().position(|&c| c == x) {
        Some(i) => {
            d.remove(i);
            Ok(Value::None)
        }
        None => Err(PyErr::value_error("value not found in bytearray")),
    }
}

fn ba_reverse(vm: &mut Vm, args: Args) -> PyResult<Value> {
    no_args_plain(&args, "bytearray.reverse")?;
    this_ba(vm, &args)?.data.borrow_mut().reverse();
    Ok(Value::None)
}

fn ba_clear(vm: &mut Vm, args: Args) -> PyResult<Value> {
    no_args_plain(&args, "bytearray.clear")?;
    this_ba(vm, &args)?.data.borrow_mut().clear();
    Ok(Value::None)
}

fn ba_copy(vm: &mut Vm, args: Args) -> PyResult<Value> {
    no_args_plain(&args, "bytearray.copy")?;
    let d = this_ba(vm, &args)?.data.borrow().clone();
    Ok(new_bytearray(d))
}

fn ba_alloc(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let d = this_ba(vm, &args)?.data.borrow().capacity();
    Ok(Value::Int(d as i64 + 1))
}

fn ba_iadd(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check_pos("__iadd__", 2, 2)?;
    let b = this_ba(vm, &args)?;
    let Some(d) = bytes_like(vm, &args.pos[1]) else {
        return Err(PyErr::type_error(format!("can't concat {} to bytearray", vm.type_name(&args.pos[1]))));
    };
    let d = d.into_owned();
    b.data.borrow_mut().extend_from_slice(&d);
    Ok(args.this().clone())
}

fn ba_imul(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check_pos("__imul__", 2, 2)?;
    let b = this_ba(vm, &args)?;
    let n = match vm.index_value(&args.pos[1])? {
        Some(Value::Int(n)) => n,
        Some(_) => return Err(PyErr::overflow("cannot fit 'int' into an index-sized integer")),
        None => return Err(PyErr::type_error(format!("can't multiply sequence by non-int of type '{}'", vm.type_name(&args.pos[1])))),
    };
    let mut d = b.data.borrow_mut();
    if n <= 0 {
        d.clear();
    } else {
        let orig = d.clone();
        crate::vm::ops::check_repeat_size(orig.len(), n as usize, 1)?;
        for _ in 1..n {
            d.extend_from_slice(&orig);
        }
    }
    drop(d);
    Ok(args.this().clone())
}
