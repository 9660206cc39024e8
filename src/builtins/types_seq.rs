//! `list`, `tuple`, `bytes` and `bytearray` methods.

use super::arg;
use crate::bytecode::BinOp;
use crate::objects::*;
use crate::vm::{Args, PyErr, PyResult, Vm};

pub fn init(vm: &mut Vm) {
    let l = vm.types.list.clone();
    super::types_num::add_op_dunders(vm, &l, &[BinOp::Add, BinOp::Mul], true);
    l.dict.set_str("__hash__", Value::None);
    vm.add_method(&l, "__new__", list_new);
    vm.add_method(&l, "__init__", list_init);
    vm.types.list.ctor.set(Some(list_ctor));
    let methods: &[(&'static str, BuiltinFn)] = &[
        ("append", append),
        ("extend", extend),
        ("insert", insert),
        ("pop", pop),
        ("remove", remove),
        ("index", list_index),
        ("count", list_count),
        ("sort", sort),
        ("reverse", reverse),
        ("copy", copy),
        ("clear", clear),
        ("__len__", seq_len),
        ("__getitem__", seq_getitem),
        ("__setitem__", seq_setitem),
        ("__delitem__", seq_delitem),
        ("__contains__", seq_contains),
        ("__iter__", seq_iter),
        ("__reversed__", seq_reversed),
        ("__iadd__", list_iadd),
        ("__imul__", list_imul),
    ];
    for (n, f) in methods {
        vm.add_method(&l, n, *f);
    }
    let t = vm.types.tuple.clone();
    super::types_num::add_op_dunders(vm, &t, &[BinOp::Add, BinOp::Mul], true);
    vm.add_method(&t, "__new__", tuple_new);
    vm.types.tuple.ctor.set(Some(tuple_ctor));
    for (n, f) in [
        ("index", list_index as BuiltinFn),
        ("count", list_count),
        ("__len__", seq_len),
        ("__getitem__", seq_getitem),
        ("__contains__", seq_contains),
        ("__iter__", seq_iter),
        ("__getnewargs__", tuple_getnewargs),
    ] {
        vm.add_method(&t, n, f);
    }
}

/// The list behind the receiver (a list or an instance of a list subclass).
fn this_list(vm: &Vm, v: &Value) -> PyResult<PyRef<ListObj>> {
    match vm.unwrap_builtin(v).as_ref() {
        Value::List(l) => Ok(l.clone()),
        other => Err(PyErr::type_error(format!("descriptor requires a 'list' object but received a '{}'", vm.type_name(other)))),
    }
}

fn list_ctor(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check("list", 0, 1)?;
    match args.get(0) {
        None => Ok(Value::list(vec![])),
        Some(x) => Ok(Value::list(vm.collect_iterable(x)?)),
    }
}

fn list_new(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let Some(Value::Class(cls)) = args.get(0) else { return Err(PyErr::type_error("list.__new__(X): X is not a type object")) };
    let cls = cls.clone();
    let v = Value::list(vec![]);
    Ok(super::types_num::wrap_for_class(vm, &cls, v))
}

fn list_init(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let l = this_list(vm, args.this())?;
    let rest = args.rest();
    rest.check("list", 0, 1)?;
    let items = match rest.get(0) {
        Some(x) => vm.collect_iterable(x)?,
        None => vec![],
    };
    l.replace(items);
    Ok(Value::None)
}

fn append(vm: &mut Vm, args: Args) -> PyResult<Value> {
    if args.len() != 2 {
        return Err(PyErr::type_error(format!("list.append() takes exactly one argument ({} given)", args.len().saturating_sub(1))));
    }
    this_list(vm, args.this())?.push(args.pos[1].clone());
    Ok(Value::None)
}

fn extend(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let l = this_list(vm, args.this())?;
    let src = args.get(1).cloned().unwrap_or(Value::None);
    let items = vm.collect_iterable(&src)?;
    l.with_vec(|v| v.extend(items));
    Ok(Value::None)
}

fn insert(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check_pos("insert", 3, 3)?;
    let l = this_list(vm, args.this())?;
    let i = arg::int(vm, &args.pos[1])?;
    let n = l.len() as i64;
    let at = if i < 0 { (i + n).max(0) } else { i.min(n) } as usize;
    let v = args.pos[2].clone();
    l.with_vec(|vec| vec.insert(at, v));
    Ok(Value::None)
}

fn pop(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let l = this_list(vm, args.this())?;
    let n = l.len() as i64;
    if n == 0 {
        return Err(PyErr::index_error("pop from empty list"));
    }
    let i = match args.get(1) {
        Some(v) => arg::int(vm, v)?,
        None => n - 1,
    };
    let j = if i < 0 { i + n } else { i };
    if j < 0 || j >= n {
        return Err(PyErr::index_error("pop index out of range"));
    }
    Ok(l.with_vec(|v| v.remove(j as usize)))
}

fn remove(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let l = this_list(vm, args.this())?;
    let x = args.get(1).cloned().unwrap_or(Value::None);
    let mut i = 0;
    while let Some(item) = l.get(i) {
        if vm.eq(&item, &x)? {
            if i < l.len() {
                let old = l.with_vec(|v| v.remove(i));
                drop(old);
            }
            return Ok(Value::None);
        }
        i += 1;
    }
    Err(PyErr::value_error("list.remove(x): x not in list"))
}

fn seq_items(vm: &Vm, v: &Value) -> PyResult<Vec<Value>> {
    match vm.unwrap_builtin(v).as_ref() {
        Value::List(l) => Ok(l.to_vec()),
        Value::Tuple(t) => Ok(t.as_slice().to_vec()),
        other => Err(PyErr::type_error(format!("descriptor requires a sequence, not '{}'", vm.type_name(other)))),
    }
}

fn list_index(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let this = vm.unwrap_builtin(args.this()).into_owned();
    let items = seq_items(vm, &this)?;
    let x = args.get(1).cloned().unwrap_or(Value::None);
    let n = items.len() as i64;
    let fix = |v: i64| if v < 0 { (v + n).max(0) } else { v.min(n) };
    let start = match args.get(2) {
        Some(v) => fix(arg::int(vm, v)?),
        None => 0,
    };
    let stop = match args.get(3) {
        Some(v) => fix(arg::int(vm, v)?),
        None => n,
    };
    for i in start..stop {
        if vm.eq(&items[i as usize], &x)? {
            return Ok(Value::Int(i));
        }
    }
    let what = if matches!(this, Value::Tuple(_)) { "tuple.index(x): x not in tuple" } else { "x not in list" };
    if matches!(this, Value::List(_)) {
        let r = vm.repr_string(&x)?;
        return Err(PyErr::value_error(format!("{} is not in list", r)));
    }
    Err(PyErr::value_error(what))
}

fn list_count(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let items = seq_items(vm, args.this())?;
    let x = args.get(1).cloned().unwrap_or(Value::None);
    let mut c = 0;
    for it in &items {
        if vm.eq(it, &x)? {
            c += 1;
        }
    }
    Ok(Value::Int(c))
}

fn sort(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let l = this_list(vm, args.this())?;
    let rest = args.rest();
    if !rest.is_empty() {
        return Err(PyErr::type_error("sort() takes no positional arguments"));
    }
    rest.allow_kwargs("sort", &["key", "reverse"])?;
    let key = rest.kw("key").filter(|k| !k.is_none()).cloned();
    let reverse = match rest.kw("reverse") {
        Some(r) => vm.truthy(r)?,
        None => false,
    };
    // The list is empty while it is sorted, as in CPython.
    let items = l.take();
    let r = super::sort_values(vm, items, key.as_ref(), reverse);
    match r {
        Ok(sorted) => {
            let modified = !l.is_empty();
            l.replace(sorted);
            if modified {
                return Err(PyErr::value_error("list modified during sort"));
            }
            Ok(Value::None)
        }
        Err(e) => Err(e),
    }
}

fn reverse(vm: &mut Vm, args: Args) -> PyResult<Value> {
    this_list(vm, args.this())?.with_vec(|v| v.reverse());
    Ok(Value::None)
}

fn copy(vm: &mut Vm, args: Args) -> PyResult<Value> {
    Ok(Value::list(this_list(vm, args.this())?.to_vec()))
}

fn clear(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let l = this_list(vm, args.this())?;
    drop(l.take());
    Ok(Value::None)
}

fn seq_len(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let this = vm.unwrap_builtin(args.this()).into_owned();
    Ok(Value::Int(vm.len(&this)? as i64))
}

fn seq_getitem(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let this = vm.unwrap_builtin(args.this()).into_owned();
    let k = args.get(1).cloned().unwrap_or(Value::None);
    vm.get_item(&this, &k)
}

fn seq_setitem(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let this = vm.unwrap_builtin(args.this()).into_owned();
    let k = args.get(1).cloned().unwrap_or(Value::None);
    let v = args.get(2).cloned().unwrap_or(Value::None);
    vm.set_item(&this, &k, v)?;
    Ok(Value::None)
}

fn seq_delitem(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let this = vm.unwrap_builtin(args.this()).into_owned();
    let k = args.get(1).cloned().unwrap_or(Value::None);
    vm.del_item(&this, &k)?;
    Ok(Value::None)
}

fn seq_contains(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let this = vm.unwrap_builtin(args.this()).into_owned();
    let x = args.get(1).cloned().unwrap_or(Value::None);
    Ok(Value::Bool(vm.contains(&this, &x)?))
}

fn seq_iter(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let this = vm.unwrap_builtin(args.this()).into_owned();
    vm.get_iter(&this)
}

fn seq_reversed(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let this = vm.unwrap_builtin(args.this()).into_owned();
    let n = vm.len(&this)?;
    Ok(crate::vm::iter::new_iter(IterKind::Reversed { seq: this, index: std::cell::Cell::new(n as i64 - 1) }))
}

fn list_iadd(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let l = this_list(vm, args.this())?;
    let items = vm.collect_iterable(args.get(1).unwrap_or(&Value::None))?;
    l.with_vec(|v| v.extend(items));
    Ok(args.this().clone())
}

fn list_imul(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let this = vm.unwrap_builtin(args.this()).into_owned();
    let n = args.get(1).cloned().unwrap_or(Value::Int(1));
    vm.inplace_op(BinOp::Mul, &this, &n)?;
    Ok(args.this().clone())
}

fn tuple_ctor(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check("tuple", 0, 1)?;
    match args.get(0) {
        None => Ok(Value::tuple(vec![])),
        Some(Value::Tuple(_)) => Ok(args.pos[0].clone()),
        Some(x) => Ok(Value::tuple(vm.collect_iterable(x)?)),
    }
}

fn tuple_new(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let Some(Value::Class(cls)) = args.get(0) else { return Err(PyErr::type_error("tuple.__new__(X): X is not a type object")) };
    let cls = cls.clone();
    let v = tuple_ctor(vm, args.rest())?;
    Ok(super::types_num::wrap_for_class(vm, &cls, v))
}

fn tuple_getnewargs(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let this = vm.unwrap_builtin(args.this()).into_owned();
    Ok(Value::tuple(vec![this]))
}

// ----- bytes and bytearray -----

pub fn init_bytes(vm: &mut Vm) {
    for c in [vm.types.bytes.clone(), vm.types.bytearray.clone()] {
        super::types_num::add_op_dunders(vm, &c, &[BinOp::Add, BinOp::Mul, BinOp::Mod], true);
        for (n, f) in [
            ("decode", bytes_decode as BuiltinFn),
            ("hex", bytes_hex),
            ("__len__", seq_len),
            ("__getitem__", seq_getitem),
            ("__contains__", seq_contains),
            ("__iter__", seq_iter),
            ("startswith", bytes_startswith),
            ("endswith", bytes_endswith),
            ("find", bytes_find),
            ("index", bytes_index),
            ("count", bytes_count),
            ("join", bytes_join),
            ("split", bytes_split),
            ("strip", bytes_strip),
            ("replace", bytes_replace),
            ("upper", bytes_upper),
            ("lower", bytes_lower),
            ("isdigit", bytes_isdigit),
            ("isalpha", bytes_isalpha),
        ] {
            vm.add_method(&c, n, f);
        }
    }
    let ba = vm.types.bytearray.clone();
    ba.dict.set_str("__hash__", Value::None);
    for (n, f) in [("append", bytearray_append as BuiltinFn), ("extend", bytearray_extend), ("__setitem__", seq_setitem), ("pop", bytearray_pop)] {
        vm.add_method(&ba, n, f);
    }
    vm.types.bytes.ctor.set(Some(bytes_ctor));
    vm.types.bytearray.ctor.set(Some(bytearray_ctor));
    vm.add_method(&vm.types.bytes.clone(), "__new__", bytes_new);
    vm.add_method(&vm.types.bytes.clone(), "fromhex", bytes_fromhex);
    let fh = vm.types.bytes.dict.get_str("fromhex").unwrap();
    vm.types.bytes.dict.set_str("fromhex", vm.new_native(vm.types.classmethod.clone(), NativeData::ClassMethod(fh)));
}

/// The bytes of a bytes-like value.
pub fn bytes_data(vm: &Vm, v: &Value) -> PyResult<Vec<u8>> {
    match vm.unwrap_builtin(v).as_ref() {
        Value::Bytes(b) => Ok(b.data.to_vec()),
        Value::ByteArray(b) => Ok(b.data.borrow().clone()),
        other => Err(PyErr::type_error(format!("a bytes-like object is required, not '{}'", vm.type_name(other)))),
    }
}

fn bytes_from_value(vm: &mut Vm, args: &Args) -> PyResult<Vec<u8>> {
    let Some(x) = args.arg(0, "source") else { return Ok(vec![]) };
    if let Value::Str(s) = x {
        let enc = args.arg(1, "encoding").and_then(|v| v.as_str()).map(|s| s.to_string());
        return match enc {
            Some(e) => super::codecs::encode(vm, s.as_str(), &e, "strict"),
            None => Err(PyErr::type_error("string argument without an encoding")),
        };
    }
    match x {
        Value::Int(n) => {
            if *n < 0 {
                return Err(PyErr::value_error("negative count"));
            }
            Ok(vec![0; *n as usize])
        }
        Value::Bytes(b) => Ok(b.data.to_vec()),
        Value::ByteArray(b) => Ok(b.data.borrow().clone()),
        _ => {
            let items = vm.collect_iterable(x)?;
            let mut out = Vec::with_capacity(items.len());
            for i in items {
                let n = arg::int(vm, &i)?;
                if !(0..256).contains(&n) {
                    return Err(PyErr::value_error("bytes must be in range(0, 256)"));
                }
                out.push(n as u8);
            }
            Ok(out)
        }
    }
}

fn bytes_ctor(vm: &mut Vm, args: Args) -> PyResult<Value> {
    Ok(super::new_bytes(bytes_from_value(vm, &args)?))
}

fn bytes_new(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let Some(Value::Class(cls)) = args.get(0) else { return Err(PyErr::type_error("bytes.__new__(X): X is not a type object")) };
    let cls = cls.clone();
    let v = bytes_ctor(vm, args.rest())?;
    Ok(super::types_num::wrap_for_class(vm, &cls, v))
}

fn bytearray_ctor(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let data = bytes_from_value(vm, &args)?;
    Ok(Value::ByteArray(PyRef::new(ByteArrayObj { data: std::cell::RefCell::new(data) })))
}

fn bytes_decode(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let data = bytes_data(vm, args.this())?;
    let rest = args.rest();
    let enc = rest.arg(0, "encoding").and_then(|v| v.as_str()).unwrap_or("utf-8").to_string();
    let errors = rest.arg(1, "errors").and_then(|v| v.as_str()).unwrap_or("strict").to_string();
    super::codecs::decode(vm, &data, &enc, &errors)
}

fn bytes_hex(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let data = bytes_data(vm, args.this())?;
    Ok(Value::string(data.iter().map(|b| format!("{:02x}", b)).collect()))
}

fn bytes_fromhex(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let s = args.get(1).and_then(|v| v.as_str()).ok_or_else(|| PyErr::type_error("fromhex() argument must be str"))?;
    let clean: String = s.chars().filter(|c| !c.is_whitespace()).collect();
    if clean.len() % 2 != 0 {
        return Err(PyErr::value_error("non-hexadecimal number found in fromhex() arg"));
    }
    let mut out = Vec::new();
    for i in (0..clean.len()).step_by(2) {
        out.push(u8::from_str_radix(&clean[i..i + 2], 16).map_err(|_| PyErr::value_error("non-hexadecimal number found in fromhex() arg"))?);
    }
    let _ = vm;
    Ok(super::new_bytes(out))
}

fn same_kind(this: &Value, data: Vec<u8>) -> Value {
    match this {
        Value::ByteArray(_) => Value::ByteArray(PyRef::new(ByteArrayObj { data: std::cell::RefCell::new(data) })),
        _ => super::new_bytes(data),
    }
}

fn bytes_startswith(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let data = bytes_data(vm, args.this())?;
    let p = bytes_data(vm, args.get(1).unwrap_or(&Value::None))?;
    Ok(Value::Bool(data.starts_with(&p)))
}

fn bytes_endswith(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let data = bytes_data(vm, args.this())?;
    let p = bytes_data(vm, args.get(1).unwrap_or(&Value::None))?;
    Ok(Value::Bool(data.ends_with(&p)))
}

fn bytes_find(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let data = bytes_data(vm, args.this())?;
    let p = match args.get(1) {
        Some(Value::Int(i)) => vec![*i as u8],
        Some(v) => bytes_data(vm, v)?,
        None => vec![],
    };
    Ok(Value::Int(crate::vm::ops::find_bytes(&data, &p).map(|i| i as i64).unwrap_or(-1)))
}

fn bytes_index(vm: &mut Vm, args: Args) -> PyResult<Value> {
    match bytes_find(vm, args)? {
        Value::Int(-1) => Err(PyErr::value_error("subsection not found")),
        v => Ok(v),
    }
}

fn bytes_count(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let data = bytes_data(vm, args.this())?;
    let p = match args.get(1) {
        Some(Value::Int(i)) => vec![*i as u8],
        Some(v) => bytes_data(vm, v)?,
        None => vec![],
    };
    if p.is_empty() {
        return Ok(Value::Int(data.len() as i64 + 1));
    }
    let mut c = 0;
    let mut i = 0;
    while i + p.len() <= data.len() {
        if data[i..i + p.len()] == p[..] {
            c += 1;
            i += p.len();
        } else {
            i += 1;
        }
    }
    Ok(Value::Int(c))
}

fn bytes_join(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let sep = bytes_data(vm, args.this())?;
    let items = vm.collect_iterable(args.get(1).unwrap_or(&Value::None))?;
    let mut out = Vec::new();
    for (i, it) in items.iter().enumerate() {
        if i > 0 {
            out.extend_from_slice(&sep);
        }
        out.extend(bytes_data(vm, it)?);
    }
    Ok(same_kind(args.this(), out))
}

fn bytes_split(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let data = bytes_data(vm, args.this())?;
    let parts: Vec<Vec<u8>> = match args.get(1).filter(|v| !v.is_none()) {
        None => data.split(|b| b.is_ascii_whitespace()).filter(|p| !p.is_empty()).map(|p| p.to_vec()).collect(),
        Some(s) => {
            let sep = bytes_data(vm, s)?;
            if sep.is_empty() {
                return Err(PyErr::value_error("empty separator"));
            }
            let mut out = Vec::new();
            let mut start = 0;
            let mut i = 0;
            while i + sep.len() <= data.len() {
                if data[i..i + sep.len()] == sep[..] {
                    out.push(data[start..i].to_vec());
                    i += sep.len();
                    start = i;
                } else {
                    i += 1;
                }
            }
            out.push(data[start..].to_vec());
            out
        }
    };
    let this = args.this().clone();
    Ok(Value::list(parts.into_iter().map(|p| same_kind(&this, p)).collect()))
}

fn bytes_strip(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let data = bytes_data(vm, args.this())?;
    let chars = match args.get(1).filter(|v| !v.is_none()) {
        Some(c) => bytes_data(vm, c)?,
        None => b" \t\n\r\x0b\x0c".to_vec(),
    };
    let start = data.iter().position(|b| !chars.contains(b)).unwrap_or(data.len());
    let end = data.iter().rposition(|b| !chars.contains(b)).map(|i| i + 1).unwrap_or(start);
    Ok(same_kind(args.this(), data[start..end.max(start)].to_vec()))
}

fn bytes_replace(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let data = bytes_data(vm, args.this())?;
    let old = bytes_data(vm, args.get(1).unwrap_or(&Value::None))?;
    let new = bytes_data(vm, args.get(2).unwrap_or(&Value::None))?;
    let mut out = Vec::new();
    let mut i = 0;
    if old.is_empty() {
        for b in &data {
            out.extend_from_slice(&new);
            out.push(*b);
        }
        out.extend_from_slice(&new);
        return Ok(same_kind(args.this(), out));
    }
    while i < data.len() {
        if i + old.len() <= data.len() && data[i..i + old.len()] == old[..] {
            out.extend_from_slice(&new);
            i += old.len();
        } else {
            out.push(data[i]);
            i += 1;
        }
    }
    Ok(same_kind(args.this(), out))
}

fn bytes_upper(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let data = bytes_data(vm, args.this())?;
    Ok(same_kind(args.this(), data.to_ascii_uppercase()))
}

fn bytes_lower(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let data = bytes_data(vm, args.this())?;
    Ok(same_kind(args.this(), data.to_ascii_lowercase()))
}

fn bytes_isdigit(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let data = bytes_data(vm, args.this())?;
    Ok(Value::Bool(!data.is_empty() && data.iter().all(|b| b.is_ascii_digit())))
}

fn bytes_isalpha(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let data = bytes_data(vm, args.this())?;
    Ok(Value::Bool(!data.is_empty() && data.iter().all(|b| b.is_ascii_alphabetic())))
}

fn bytearray_append(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let Value::ByteArray(b) = args.this() else { return Err(PyErr::type_error("bytearray required")) };
    let n = arg::int(vm, args.get(1).unwrap_or(&Value::None))?;
    if !(0..256).contains(&n) {
        return Err(PyErr::value_error("byte must be in range(0, 256)"));
    }
    b.data.borrow_mut().push(n as u8);
    Ok(Value::None)
}

fn bytearray_extend(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let Value::ByteArray(b) = args.this() else { return Err(PyErr::type_error("bytearray required")) };
    let b = b.clone();
    let rest = Args::new(&args.pos[1..]);
    let data = bytes_from_value(vm, &rest)?;
    b.data.borrow_mut().extend(data);
    Ok(Value::None)
}

fn bytearray_pop(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    let Value::ByteArray(b) = args.this() else { return Err(PyErr::type_error("bytearray required")) };
    match b.data.borrow_mut().pop() {
        Some(x) => Ok(Value::Int(x as i64)),
        None => Err(PyErr::index_error("pop from empty bytearray")),
    }
}
