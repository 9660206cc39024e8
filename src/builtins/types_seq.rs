//! `list` and `tuple` methods.

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
        Some(Value::List(l)) => Ok(Value::List(l.copy())),
        Some(Value::Iter(io)) if let Some(l) = crate::vm::iter::drain_reversed_list(io) => Ok(Value::List(l)),
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

pub(crate) fn append(vm: &mut Vm, args: Args) -> PyResult<Value> {
    arg::one_arg(&args, "list.append")?;
    this_list(vm, args.this())?.push(args.pos[1].clone());
    Ok(Value::None)
}

fn extend(vm: &mut Vm, args: Args) -> PyResult<Value> {
    arg::one_arg(&args, "list.extend")?;
    let l = this_list(vm, args.this())?;
    let src = args.get(1).cloned().unwrap_or(Value::None);
    let items = vm.collect_iterable(&src)?;
    l.extend(items);
    Ok(Value::None)
}

fn insert(vm: &mut Vm, args: Args) -> PyResult<Value> {
    arg::counts(&args, "list", "insert", 2, 2)?;
    let l = this_list(vm, args.this())?;
    let i = arg::int(vm, &args.pos[1])?;
    let n = l.len() as i64;
    let at = if i < 0 { (i + n).max(0) } else { i.min(n) } as usize;
    let v = args.pos[2].clone();
    l.with_vec(|vec| vec.insert(at, v));
    Ok(Value::None)
}

pub(crate) fn pop(vm: &mut Vm, args: Args) -> PyResult<Value> {
    arg::counts(&args, "list", "pop", 0, 1)?;
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
    Ok(l.remove(j as usize))
}

fn remove(vm: &mut Vm, args: Args) -> PyResult<Value> {
    arg::one_arg(&args, "list.remove")?;
    let l = this_list(vm, args.this())?;
    let x = args.get(1).cloned().unwrap_or(Value::None);
    let mut i = 0;
    while let Some(item) = l.get(i) {
        if vm.eq(&item, &x)? {
            if i < l.len() {
                let old = l.remove(i);
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
    arg::counts(&args, if matches!(this, Value::Tuple(_)) { "tuple" } else { "list" }, "index", 1, 3)?;
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
    let qual = if matches!(vm.unwrap_builtin(args.this()).as_ref(), Value::Tuple(_)) { "tuple.count" } else { "list.count" };
    arg::one_arg(&args, qual)?;
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
    for k in rest.kwnames {
        let k = k.as_str().unwrap_or("");
        if k != "key" && k != "reverse" {
            return Err(PyErr::type_error(format!("'{}' is an invalid keyword argument for sort()", k)));
        }
    }
    let key = rest.kw("key").filter(|k| !k.is_none()).cloned();
    let reverse = match rest.kw("reverse") {
        Some(r) => arg::int(vm, r)? != 0,
        None => false,
    };
    if key.is_none() && l.with_store(|s| super::functions::sort_numbers(s, reverse)) {
        return Ok(Value::None);
    }
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
    arg::no_args(&args, "list.reverse")?;
    this_list(vm, args.this())?.reverse();
    Ok(Value::None)
}

fn copy(vm: &mut Vm, args: Args) -> PyResult<Value> {
    arg::no_args(&args, "list.copy")?;
    Ok(Value::List(this_list(vm, args.this())?.copy()))
}

fn clear(vm: &mut Vm, args: Args) -> PyResult<Value> {
    arg::no_args(&args, "list.clear")?;
    let l = this_list(vm, args.this())?;
    crate::objects::list::drop_store(l.take_store());
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
    l.extend(items);
    Ok(args.this().clone())
}

fn list_imul(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let this = vm.unwrap_builtin(args.this()).into_owned();
    let n = args.get(1).cloned().unwrap_or(Value::Int(1));
    // The count must be an index. (The message is the one of `seq *= x`,
    // which reaches here for list subclasses; CPython's direct
    // `list.__imul__(x)` call says "'float' object cannot be interpreted
    // as an integer".)
    if vm.index_value(&n)?.is_none() {
        return Err(PyErr::type_error(format!("can't multiply sequence by non-int of type '{}'", vm.type_name(&n))));
    }
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
