//! `memoryview` over bytes and bytearray (one-dimensional, format 'B').
//!
//! A view is an instance of the builtin `memoryview` class holding the
//! underlying object and the window `[start, stop)` it shows.

use crate::objects::*;
use crate::vm::{Args, PyErr, PyResult, Vm};

pub fn init(vm: &mut Vm) {
    let ns = DictObj::new();
    ns.set_str("__module__", Value::str("builtins"));
    let methods: &[(&'static str, BuiltinFn)] = &[
        ("__new__", mv_new),
        ("__len__", mv_len),
        ("__getitem__", mv_getitem),
        ("__setitem__", mv_setitem),
        ("__eq__", mv_eq),
        ("__repr__", mv_repr),
        ("__enter__", mv_enter),
        ("__exit__", mv_exit),
        ("__bytes__", mv_tobytes),
        ("tobytes", mv_tobytes),
        ("tolist", mv_tolist),
        ("hex", mv_hex),
        ("release", mv_release),
    ];
    for (name, f) in methods {
        ns.set_str(name, vm.builtin_fn(name, *f, "memoryview"));
    }
    ns.set_str("__hash__", Value::None);
    let obj = vm.types.object.clone();
    let tt = vm.types.type_.clone();
    if let Ok(c) = vm.make_class(&tt, "memoryview", vec![obj], &ns) {
        let f = c.dict.get_str("__new__").unwrap_or(Value::None);
        c.dict.set_str("__new__", vm.new_native(vm.types.staticmethod.clone(), NativeData::StaticMethod(f)));
        vm.lazy_classes.insert("memoryview", c.clone());
        vm.builtins.set_str("memoryview", Value::Class(c));
    }
}

/// The window a memoryview shows: (object, start, stop).
fn parts(vm: &Vm, v: &Value) -> Option<(Value, usize, usize)> {
    let Value::Instance(i) = v else { return None };
    let c = vm.lazy_classes.get("memoryview")?;
    if !crate::vm::types::is_subclass(&i.class(), c) {
        return None;
    }
    let d = i.dict.as_ref()?;
    let obj = d.get_str("obj")?;
    let (Some(Value::Int(a)), Some(Value::Int(b))) = (d.get_str("_start"), d.get_str("_stop")) else { return None };
    Some((obj, a as usize, b as usize))
}

/// The bytes a memoryview shows, if `v` is one.
pub fn view_bytes(vm: &Vm, v: &Value) -> Option<Vec<u8>> {
    let (obj, a, b) = parts(vm, v)?;
    match &obj {
        Value::Bytes(x) => Some(x.data.get(a..b.min(x.data.len()))?.to_vec()),
        Value::ByteArray(x) => {
            let d = x.data.borrow();
            Some(d.get(a.min(d.len())..b.min(d.len()))?.to_vec())
        }
        _ => None,
    }
}

fn this_parts(vm: &Vm, args: &Args) -> PyResult<(Value, usize, usize)> {
    let v = args.pos.first().ok_or_else(|| PyErr::type_error("descriptor needs an argument"))?;
    let p = parts(vm, v).ok_or_else(|| PyErr::type_error("descriptor requires a 'memoryview' object"))?;
    if p.0.is_none() {
        return Err(PyErr::value_error("operation forbidden on released memoryview object"));
    }
    Ok(p)
}

fn make(vm: &mut Vm, obj: Value, start: usize, stop: usize) -> PyResult<Value> {
    let c = vm.lazy_classes.get("memoryview").cloned().ok_or_else(|| PyErr::type_error("memoryview unavailable"))?;
    let v = vm.new_instance(&c);
    if let Value::Instance(i) = &v {
        if let Some(d) = &i.dict {
            let readonly = !matches!(obj, Value::ByteArray(_));
            d.set_str("obj", obj);
            d.set_str("_start", Value::Int(start as i64));
            d.set_str("_stop", Value::Int(stop as i64));
            d.set_str("nbytes", Value::Int((stop - start) as i64));
            d.set_str("readonly", Value::Bool(readonly));
            d.set_str("itemsize", Value::Int(1));
            d.set_str("ndim", Value::Int(1));
            d.set_str("format", Value::str("B"));
            d.set_str("shape", Value::tuple(vec![Value::Int((stop - start) as i64)]));
        }
    }
    Ok(v)
}

fn mv_new(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.allow_kwargs("memoryview", &["object"])?;
    let src = args.arg(1, "object").cloned().ok_or_else(|| PyErr::type_error("memoryview() missing required argument 'object' (pos 1)"))?;
    if let Some((obj, a, b)) = parts(vm, &src) {
        return make(vm, obj, a, b);
    }
    let obj = vm.unwrap_builtin(&src).into_owned();
    let n = match &obj {
        Value::Bytes(b) => b.data.len(),
        Value::ByteArray(b) => b.data.borrow().len(),
        _ => return Err(PyErr::type_error(format!("memoryview: a bytes-like object is required, not '{}'", vm.type_name(&src)))),
    };
    make(vm, obj, 0, n)
}

fn mv_len(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (_, a, b) = this_parts(vm, &args)?;
    Ok(Value::Int((b - a) as i64))
}

fn mv_getitem(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check_pos("__getitem__", 2, 2)?;
    let (obj, a, b) = this_parts(vm, &args)?;
    let n = b - a;
    match &args.pos[1] {
        Value::Slice(s) => {
            let s = s.clone();
            let idx = vm.slice_indices(&s, n)?;
            if idx.step == 1 {
                let start = a + idx.start as usize;
                return make(vm, obj, start, start + idx.len);
            }
            let data = view_bytes(vm, &args.pos[0]).unwrap_or_default();
            let picked: Vec<u8> = idx.indices().map(|i| data.get(i).copied().unwrap_or(0)).collect();
            let len = picked.len();
            make(vm, super::new_bytes(picked), 0, len)
        }
        k => {
            let i = vm.to_index(k, |vm| format!("memoryview: invalid slice key, not {}", vm.type_name(k)))?;
            let j = if i < 0 { i + n as i64 } else { i };
            if j < 0 || j >= n as i64 {
                return Err(PyErr::index_error("index out of bounds on dimension 1"));
            }
            let data = view_bytes(vm, &args.pos[0]).unwrap_or_default();
            Ok(Value::Int(data.get(j as usize).copied().unwrap_or(0) as i64))
        }
    }
}

fn mv_setitem(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check_pos("__setitem__", 3, 3)?;
    let (obj, a, b) = this_parts(vm, &args)?;
    let Value::ByteArray(ba) = &obj else { return Err(PyErr::type_error("cannot modify read-only memory")) };
    let n = b - a;
    let k = &args.pos[1];
    if let Value::Slice(s) = k {
        let s = s.clone();
        let idx = vm.slice_indices(&s, n)?;
        let src = super::types_bytes::bytes_data(vm, &args.pos[2])?.into_owned();
        if src.len() != idx.len {
            return Err(PyErr::value_error("memoryview assignment: lvalue and rvalue have different structures"));
        }
        let mut d = ba.data.borrow_mut();
        for (i, v) in idx.indices().zip(src) {
            if let Some(x) = d.get_mut(a + i) {
                *x = v;
            }
        }
        return Ok(Value::None);
    }
    let i = vm.to_index(k, |vm| format!("memoryview: invalid slice key, not {}", vm.type_name(k)))?;
    let j = if i < 0 { i + n as i64 } else { i };
    if j < 0 || j >= n as i64 {
        return Err(PyErr::index_error("index out of bounds on dimension 1"));
    }
    let v = match &args.pos[2] {
        Value::Int(x) if (0..256).contains(x) => *x as u8,
        Value::Int(_) => return Err(PyErr::value_error("memoryview: invalid value for format 'B'")),
        _ => return Err(PyErr::type_error("memoryview: invalid type for format 'B'")),
    };
    if let Some(x) = ba.data.borrow_mut().get_mut(a + j as usize) {
        *x = v;
    }
    Ok(Value::None)
}

fn mv_eq(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check_pos("__eq__", 2, 2)?;
    let mine = view_bytes(vm, &args.pos[0]).unwrap_or_default();
    let other = match view_bytes(vm, &args.pos[1]) {
        Some(o) => o,
        None => match super::types_bytes::bytes_like(vm, &args.pos[1]) {
            Some(o) => o.into_owned(),
            None => return Ok(Value::NotImplemented),
        },
    };
    Ok(Value::Bool(mine == other))
}

fn mv_repr(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let released = parts(vm, args.this()).is_some_and(|p| p.0.is_none());
    let addr = args.this().heap_addr().unwrap_or(0);
    Ok(Value::string(if released { format!("<released memory at {:#x}>", addr) } else { format!("<memory at {:#x}>", addr) }))
}

fn mv_enter(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    Ok(args.this().clone())
}

fn mv_exit(vm: &mut Vm, args: Args) -> PyResult<Value> {
    mv_release(vm, Args::new(&args.pos[..1]))
}

fn mv_release(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    if let Value::Instance(i) = args.this() {
        if let Some(d) = &i.dict {
            d.set_str("obj", Value::None);
        }
    }
    Ok(Value::None)
}

fn mv_tobytes(vm: &mut Vm, args: Args) -> PyResult<Value> {
    this_parts(vm, &args)?;
    Ok(super::new_bytes(view_bytes(vm, args.this()).unwrap_or_default()))
}

fn mv_tolist(vm: &mut Vm, args: Args) -> PyResult<Value> {
    this_parts(vm, &args)?;
    let d = view_bytes(vm, args.this()).unwrap_or_default();
    Ok(Value::list(d.into_iter().map(|b| Value::Int(b as i64)).collect()))
}

fn mv_hex(vm: &mut Vm, args: Args) -> PyResult<Value> {
    this_parts(vm, &args)?;
    let d = view_bytes(vm, args.this()).unwrap_or_default();
    super::types_bytes::hex_of(vm, &d, args.rest())
}
