//! `dict`, dict views, `set` and `frozenset` methods.

use crate::bytecode::BinOp;
use crate::keq;
use crate::objects::*;
use crate::vm::{Args, PyErr, PyResult, Vm};

pub fn init(vm: &mut Vm) {
    let d = vm.types.dict.clone();
    super::types_num::add_op_dunders(vm, &d, &[BinOp::Or], true);
    d.dict.set_str("__hash__", Value::None);
    vm.add_method(&d, "__new__", dict_new);
    vm.add_method(&d, "__init__", dict_init);
    vm.types.dict.ctor.set(Some(dict_ctor));
    let methods: &[(&'static str, BuiltinFn)] = &[
        ("get", get),
        ("keys", keys),
        ("values", values),
        ("items", items),
        ("pop", pop),
        ("popitem", popitem),
        ("setdefault", setdefault),
        ("update", update),
        ("clear", clear),
        ("copy", copy),
        ("__len__", dict_len),
        ("__getitem__", dict_getitem),
        ("__setitem__", dict_setitem),
        ("__delitem__", dict_delitem),
        ("__contains__", dict_contains),
        ("__iter__", dict_iter),
        ("__reversed__", dict_reversed),
        ("__ior__", dict_ior),
    ];
    for (n, f) in methods {
        vm.add_method(&d, n, *f);
    }
    vm.add_method(&d, "fromkeys", fromkeys);
    let fk = d.dict.get_str("fromkeys").unwrap();
    d.dict.set_str("fromkeys", vm.new_native(vm.types.classmethod.clone(), NativeData::ClassMethod(fk)));

    for c in [vm.types.dict_keys.clone(), vm.types.dict_values.clone(), vm.types.dict_items.clone()] {
        vm.add_method(&c, "__len__", view_len);
        vm.add_method(&c, "__iter__", view_iter);
        vm.add_method(&c, "__contains__", view_contains);
        vm.add_method(&c, "__reversed__", view_reversed);
    }
    for c in [vm.types.dict_keys.clone(), vm.types.dict_items.clone()] {
        for op in [BinOp::And, BinOp::Or, BinOp::Sub, BinOp::Xor] {
            let (n, rn, _) = op.dunders();
            let f: BuiltinFn = match op {
                BinOp::And => view_and,
                BinOp::Or => view_or,
                BinOp::Sub => view_sub,
                _ => view_xor,
            };
            vm.add_method(&c, n, f);
            vm.add_method(&c, rn, f);
        }
        vm.add_method(&c, "__eq__", view_eq);
        vm.add_method(&c, "__ne__", view_ne);
        vm.add_method(&c, "__lt__", view_lt);
        vm.add_method(&c, "__le__", view_le);
        vm.add_method(&c, "__gt__", view_gt);
        vm.add_method(&c, "__ge__", view_ge);
        vm.add_method(&c, "isdisjoint", view_isdisjoint);
    }

    let s = vm.types.set.clone();
    let fs = vm.types.frozenset.clone();
    for c in [s.clone(), fs.clone()] {
        super::types_num::add_op_dunders(vm, &c, &[BinOp::Sub, BinOp::And, BinOp::Or, BinOp::Xor], true);
        let methods: &[(&'static str, BuiltinFn)] = &[
            ("union", union),
            ("intersection", intersection),
            ("difference", difference),
            ("symmetric_difference", symmetric_difference),
            ("issubset", issubset),
            ("issuperset", issuperset),
            ("isdisjoint", isdisjoint),
            ("copy", set_copy),
            ("__len__", set_len),
            ("__contains__", set_contains),
            ("__iter__", set_iter),
        ];
        for (n, f) in methods {
            vm.add_method(&c, n, *f);
        }
    }
    s.dict.set_str("__hash__", Value::None);
    vm.add_method(&s, "__new__", set_new);
    vm.add_method(&s, "__init__", set_init);
    vm.add_method(&fs, "__new__", frozenset_new);
    vm.types.set.ctor.set(Some(set_ctor));
    vm.types.frozenset.ctor.set(Some(frozenset_ctor));
    let methods: &[(&'static str, BuiltinFn)] = &[
        ("add", add),
        ("remove", remove),
        ("discard", discard),
        ("pop", set_pop),
        ("clear", set_clear),
        ("update", set_update),
        ("intersection_update", intersection_update),
        ("difference_update", difference_update),
        ("symmetric_difference_update", symmetric_difference_update),
        ("__ior__", set_ior),
        ("__iand__", set_iand),
        ("__isub__", set_isub),
        ("__ixor__", set_ixor),
    ];
    for (n, f) in methods {
        vm.add_method(&s, n, *f);
    }
}

fn this_dict(vm: &Vm, v: &Value) -> PyResult<PyRef<DictObj>> {
    match vm.unwrap_builtin(v).as_ref() {
        Value::Dict(d) => Ok(d.clone()),
        other => Err(PyErr::type_error(format!("descriptor requires a 'dict' object but received a '{}'", vm.type_name(other)))),
    }
}

fn dict_ctor(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let d = DictObj::new();
    fill_dict(vm, &d, &args)?;
    Ok(Value::Dict(d))
}

fn fill_dict(vm: &mut Vm, d: &DictObj, args: &Args) -> PyResult<()> {
    if args.len() > 1 {
        return Err(PyErr::type_error(format!("dict expected at most 1 argument, got {}", args.len())));
    }
    if let Some(src) = args.get(0) {
        if !matches!(src, Value::Dict(_)) && vm.lookup_special(src, "keys").is_none() && vm.get_iter(src).is_err() {
            return Err(PyErr::type_error(format!("'{}' object is not iterable", vm.type_name(src))));
        }
        vm.dict_update(d, src)?;
    }
    for (k, v) in args.kwnames.iter().zip(args.kwvals.iter()) {
        vm.dict_set(d, k.clone(), v.clone())?;
    }
    Ok(())
}

fn dict_new(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let Some(Value::Class(cls)) = args.get(0) else { return Err(PyErr::type_error("dict.__new__(X): X is not a type object")) };
    let cls = cls.clone();
    Ok(super::types_num::wrap_for_class(vm, &cls, Value::Dict(DictObj::new())))
}

fn dict_init(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let d = this_dict(vm, args.this())?;
    fill_dict(vm, &d, &args.rest())?;
    Ok(Value::None)
}

/// `dict.get` (the interpreter recognises it by address, see `Instr::CallMethod`).
pub(crate) fn get(vm: &mut Vm, args: Args) -> PyResult<Value> {
    if args.has_kwargs() {
        return Err(PyErr::type_error("dict.get() takes no keyword arguments"));
    }
    super::arg::counts(&args, "dict", "get", 1, 2)?;
    let d = this_dict(vm, args.this())?;
    Ok(vm.dict_get(&d, &args.pos[1])?.unwrap_or_else(|| args.get(2).cloned().unwrap_or(Value::None)))
}

fn view(vm: &mut Vm, args: &Args, part: DictPart) -> PyResult<Value> {
    let d = this_dict(vm, args.this())?;
    let cls = match part {
        DictPart::Keys => vm.types.dict_keys.clone(),
        DictPart::Values => vm.types.dict_values.clone(),
        DictPart::Items => vm.types.dict_items.clone(),
    };
    Ok(vm.new_native(cls, NativeData::DictView { dict: d, part }))
}

fn keys(vm: &mut Vm, args: Args) -> PyResult<Value> {
    super::arg::no_args(&args, "dict.keys")?;
    view(vm, &args, DictPart::Keys)
}

fn values(vm: &mut Vm, args: Args) -> PyResult<Value> {
    super::arg::no_args(&args, "dict.values")?;
    view(vm, &args, DictPart::Values)
}

fn items(vm: &mut Vm, args: Args) -> PyResult<Value> {
    super::arg::no_args(&args, "dict.items")?;
    view(vm, &args, DictPart::Items)
}

fn pop(vm: &mut Vm, args: Args) -> PyResult<Value> {
    super::arg::counts(&args, "dict", "pop", 1, 2)?;
    let d = this_dict(vm, args.this())?;
    match vm.dict_del(&d, &args.pos[1])? {
        Some(v) => Ok(v),
        None => match args.get(2) {
            Some(def) => Ok(def.clone()),
            None => Err(PyErr::key_error(args.pos[1].clone())),
        },
    }
}

fn popitem(vm: &mut Vm, args: Args) -> PyResult<Value> {
    super::arg::no_args(&args, "dict.popitem")?;
    let d = this_dict(vm, args.this())?;
    match d.last_pos() {
        Some(p) => {
            let (k, v) = d.remove_at(p);
            Ok(Value::tuple(vec![k, v]))
        }
        None => Err(PyErr::new(crate::vm::ExcKind::KeyError, "popitem(): dictionary is empty")),
    }
}

fn setdefault(vm: &mut Vm, args: Args) -> PyResult<Value> {
    super::arg::counts(&args, "dict", "setdefault", 1, 2)?;
    let d = this_dict(vm, args.this())?;
    if let Some(v) = vm.dict_get(&d, &args.pos[1])? {
        return Ok(v);
    }
    let def = args.get(2).cloned().unwrap_or(Value::None);
    vm.dict_set(&d, args.pos[1].clone(), def.clone())?;
    Ok(def)
}

fn update(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let d = this_dict(vm, args.this())?;
    fill_dict(vm, &d, &args.rest())?;
    Ok(Value::None)
}

fn clear(vm: &mut Vm, args: Args) -> PyResult<Value> {
    super::arg::no_args(&args, "dict.clear")?;
    this_dict(vm, args.this())?.clear();
    Ok(Value::None)
}

fn copy(vm: &mut Vm, args: Args) -> PyResult<Value> {
    super::arg::no_args(&args, "dict.copy")?;
    let d = this_dict(vm, args.this())?;
    let n = DictObj::new();
    for (h, k, v) in d.hashed_items() {
        n.insert_new(k, h, v);
    }
    Ok(Value::Dict(n))
}

fn fromkeys(vm: &mut Vm, args: Args) -> PyResult<Value> {
    super::arg::counts(&args, "dict", "fromkeys", 1, 2)?;
    let keys = vm.collect_iterable(args.get(1).unwrap_or(&Value::None))?;
    let v = args.get(2).cloned().unwrap_or(Value::None);
    let target = match args.get(0) {
        Some(c @ Value::Class(cls)) if !cls.is_builtin() => vm.call_function(c, &[])?,
        _ => Value::Dict(DictObj::new()),
    };
    for k in keys {
        vm.set_item(&target, &k, v.clone())?;
    }
    Ok(target)
}

fn dict_len(vm: &mut Vm, args: Args) -> PyResult<Value> {
    Ok(Value::Int(this_dict(vm, args.this())?.len() as i64))
}

pub(crate) fn dict_getitem(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let d = this_dict(vm, args.this())?;
    let k = args.get(1).cloned().unwrap_or(Value::None);
    match vm.dict_get(&d, &k)? {
        Some(v) => Ok(v),
        None => {
            // dict subclasses with __missing__.
            if let Value::Instance(_) = args.this() {
                if let Some(m) = vm.lookup_special(args.this(), "__missing__") {
                    return vm.call_function(&m, &[args.this().clone(), k]);
                }
            }
            Err(PyErr::key_error(k))
        }
    }
}

pub(crate) fn dict_setitem(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let d = this_dict(vm, args.this())?;
    vm.dict_set(&d, args.get(1).cloned().unwrap_or(Value::None), args.get(2).cloned().unwrap_or(Value::None))?;
    Ok(Value::None)
}

fn dict_delitem(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let d = this_dict(vm, args.this())?;
    let k = args.get(1).cloned().unwrap_or(Value::None);
    match vm.dict_del(&d, &k)? {
        Some(_) => Ok(Value::None),
        None => Err(PyErr::key_error(k)),
    }
}

fn dict_contains(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let d = this_dict(vm, args.this())?;
    let k = args.get(1).cloned().unwrap_or(Value::None);
    Ok(Value::Bool(vm.dict_get(&d, &k)?.is_some()))
}

fn dict_iter(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let d = this_dict(vm, args.this())?;
    vm.get_iter(&Value::Dict(d))
}

fn dict_reversed(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let d = this_dict(vm, args.this())?;
    let keys: Vec<Value> = d.keys().into_iter().rev().collect();
    vm.get_iter(&Value::list(keys))
}

fn dict_ior(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let d = this_dict(vm, args.this())?;
    vm.dict_update(&d, args.get(1).unwrap_or(&Value::None))?;
    Ok(args.this().clone())
}

// ----- views -----

fn view_parts(v: &Value) -> PyResult<(PyRef<DictObj>, DictPart)> {
    match v {
        Value::Native(n) => match &n.data {
            NativeData::DictView { dict, part } => Ok((dict.clone(), *part)),
            _ => Err(PyErr::type_error("dict view required")),
        },
        _ => Err(PyErr::type_error("dict view required")),
    }
}

fn view_len(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let _ = vm;
    Ok(Value::Int(view_parts(args.this())?.0.len() as i64))
}

fn view_iter(vm: &mut Vm, args: Args) -> PyResult<Value> {
    vm.get_iter(args.this())
}

fn view_contains(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let x = args.get(1).cloned().unwrap_or(Value::None);
    Ok(Value::Bool(vm.contains(args.this(), &x)?))
}

fn view_reversed(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let items = vm.collect_iterable(args.this())?;
    vm.get_iter(&Value::list(items.into_iter().rev().collect()))
}

fn view_set(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    Ok(Value::Set(PyRef::new_tracked(vm.set_from_iterable(v)?)))
}

fn view_binop(vm: &mut Vm, args: Args, op: BinOp) -> PyResult<Value> {
    let a = view_set(vm, &args.pos[0])?;
    let b = match &args.pos[1] {
        s @ (Value::Set(_) | Value::FrozenSet(_)) => s.clone(),
        other => view_set(vm, other)?,
    };
    vm.set_binop(op, &a, &b)
}

fn view_and(vm: &mut Vm, args: Args) -> PyResult<Value> {
    view_binop(vm, args, BinOp::And)
}
fn view_or(vm: &mut Vm, args: Args) -> PyResult<Value> {
    view_binop(vm, args, BinOp::Or)
}
fn view_sub(vm: &mut Vm, args: Args) -> PyResult<Value> {
    view_binop(vm, args, BinOp::Sub)
}
fn view_xor(vm: &mut Vm, args: Args) -> PyResult<Value> {
    view_binop(vm, args, BinOp::Xor)
}

/// CPython's `dictview_richcompare`: set-like views compare with sets and
/// other set-like views by size and containment.
fn view_compare(vm: &mut Vm, args: &Args, op: crate::bytecode::CmpOp) -> PyResult<Value> {
    use crate::bytecode::CmpOp;
    args.check_pos("comparison", 2, 2)?;
    let other = &args.pos[1];
    let other_ok = match vm.unwrap_builtin(other).as_ref() {
        Value::Set(_) | Value::FrozenSet(_) => true,
        Value::Native(n) => matches!(&n.data, NativeData::DictView { part, .. } if *part != DictPart::Values),
        _ => false,
    };
    if !other_ok {
        return Ok(Value::NotImplemented);
    }
    let this = args.pos[0].clone();
    let other = vm.unwrap_builtin(other).into_owned();
    let la = vm.len(&this)?;
    let lb = vm.len(&other)?;
    // Whether every item of `a` is in `b`.
    let contained = |vm: &mut Vm, a: &Value, b: &Value| -> PyResult<bool> {
        let items = vm.collect_iterable(a)?;
        for x in items {
            if !vm.contains(b, &x)? {
                return Ok(false);
            }
        }
        Ok(true)
    };
    let r = match op {
        CmpOp::Eq | CmpOp::Ne => {
            let e = la == lb && contained(vm, &this, &other)?;
            if op == CmpOp::Eq {
                e
            } else {
                !e
            }
        }
        CmpOp::Lt => la < lb && contained(vm, &this, &other)?,
        CmpOp::Le => la <= lb && contained(vm, &this, &other)?,
        CmpOp::Gt => la > lb && contained(vm, &other, &this)?,
        CmpOp::Ge => la >= lb && contained(vm, &other, &this)?,
        _ => return Ok(Value::NotImplemented),
    };
    Ok(Value::Bool(r))
}

fn view_eq(vm: &mut Vm, args: Args) -> PyResult<Value> {
    view_compare(vm, &args, crate::bytecode::CmpOp::Eq)
}
fn view_ne(vm: &mut Vm, args: Args) -> PyResult<Value> {
    view_compare(vm, &args, crate::bytecode::CmpOp::Ne)
}
fn view_lt(vm: &mut Vm, args: Args) -> PyResult<Value> {
    view_compare(vm, &args, crate::bytecode::CmpOp::Lt)
}
fn view_le(vm: &mut Vm, args: Args) -> PyResult<Value> {
    view_compare(vm, &args, crate::bytecode::CmpOp::Le)
}
fn view_gt(vm: &mut Vm, args: Args) -> PyResult<Value> {
    view_compare(vm, &args, crate::bytecode::CmpOp::Gt)
}
fn view_ge(vm: &mut Vm, args: Args) -> PyResult<Value> {
    view_compare(vm, &args, crate::bytecode::CmpOp::Ge)
}

fn view_isdisjoint(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let a = view_set(vm, &args.pos[0])?;
    let b = view_set(vm, args.get(1).unwrap_or(&Value::None))?;
    let r = vm.set_binop(BinOp::And, &a, &b)?;
    Ok(Value::Bool(vm.len(&r)? == 0))
}

// ----- sets -----

fn this_set(vm: &Vm, v: &Value) -> PyResult<PyRef<SetObj>> {
    match vm.unwrap_builtin(v).as_ref() {
        Value::Set(s) | Value::FrozenSet(s) => Ok(s.clone()),
        other => Err(PyErr::type_error(format!("descriptor requires a 'set' object but received a '{}'", vm.type_name(other)))),
    }
}

fn set_ctor(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check("set", 0, 1)?;
    let s = match args.get(0) {
        Some(x) => vm.set_from_iterable(x)?,
        None => SetObj::empty(),
    };
    Ok(Value::Set(PyRef::new_tracked(s)))
}

fn frozenset_ctor(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check("frozenset", 0, 1)?;
    if let Some(Value::FrozenSet(_)) = args.get(0) {
        return Ok(args.pos[0].clone());
    }
    let s = match args.get(0) {
        Some(x) => vm.set_from_iterable(x)?,
        None => SetObj::empty(),
    };
    Ok(Value::FrozenSet(PyRef::new_tracked(s)))
}

fn set_new(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let Some(Value::Class(cls)) = args.get(0) else { return Err(PyErr::type_error("set.__new__(X): X is not a type object")) };
    let cls = cls.clone();
    Ok(super::types_num::wrap_for_class(vm, &cls, Value::Set(SetObj::new())))
}

fn set_init(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let s = this_set(vm, args.this())?;
    s.clear();
    if let Some(x) = args.get(1) {
        let x = x.clone();
        vm.set_update(&s, &x)?;
    }
    Ok(Value::None)
}

fn frozenset_new(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let Some(Value::Class(cls)) = args.get(0) else { return Err(PyErr::type_error("frozenset.__new__(X): X is not a type object")) };
    let cls = cls.clone();
    let v = frozenset_ctor(vm, args.rest())?;
    Ok(super::types_num::wrap_for_class(vm, &cls, v))
}

/// The receiver as a set value plus the other arguments as sets.
fn as_set_value(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    match vm.unwrap_builtin(v).as_ref() {
        s @ (Value::Set(_) | Value::FrozenSet(_)) => Ok(s.clone()),
        other => Ok(Value::Set(PyRef::new_tracked(vm.set_from_iterable(other)?))),
    }
}

fn multi(vm: &mut Vm, args: Args, op: BinOp) -> PyResult<Value> {
    let mut acc = vm.unwrap_builtin(args.this()).into_owned();
    if args.len() == 1 {
        let s = this_set(vm, &acc)?;
        let c = s.copy();
        return Ok(match acc {
            Value::FrozenSet(_) => Value::FrozenSet(PyRef::new_tracked(c)),
            _ => Value::Set(PyRef::new_tracked(c)),
        });
    }
    for other in &args.pos[1..] {
        let o = as_set_value(vm, other)?;
        acc = vm.set_binop(op, &acc, &o)?;
    }
    Ok(acc)
}

fn union(vm: &mut Vm, args: Args) -> PyResult<Value> {
    multi(vm, args, BinOp::Or)
}
fn intersection(vm: &mut Vm, args: Args) -> PyResult<Value> {
    multi(vm, args, BinOp::And)
}
fn difference(vm: &mut Vm, args: Args) -> PyResult<Value> {
    multi(vm, args, BinOp::Sub)
}
fn symmetric_difference(vm: &mut Vm, args: Args) -> PyResult<Value> {
    multi(vm, args, BinOp::Xor)
}

fn issubset(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let a = vm.unwrap_builtin(args.this()).into_owned();
    let b = as_set_value(vm, args.get(1).unwrap_or(&Value::None))?;
    Ok(Value::Bool(vm.compare_bool(crate::bytecode::CmpOp::Le, &a, &b)?))
}

fn issuperset(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let a = vm.unwrap_builtin(args.this()).into_owned();
    let b = as_set_value(vm, args.get(1).unwrap_or(&Value::None))?;
    Ok(Value::Bool(vm.compare_bool(crate::bytecode::CmpOp::Ge, &a, &b)?))
}

fn isdisjoint(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let a = vm.unwrap_builtin(args.this()).into_owned();
    let b = as_set_value(vm, args.get(1).unwrap_or(&Value::None))?;
    let r = vm.set_binop(BinOp::And, &a, &b)?;
    Ok(Value::Bool(vm.len(&r)? == 0))
}

fn set_copy(vm: &mut Vm, args: Args) -> PyResult<Value> {
    multi(vm, Args::new(&args.pos[..1]), BinOp::Or)
}

fn set_len(vm: &mut Vm, args: Args) -> PyResult<Value> {
    Ok(Value::Int(this_set(vm, args.this())?.len() as i64))
}

fn set_contains(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let a = vm.unwrap_builtin(args.this()).into_owned();
    let x = args.get(1).cloned().unwrap_or(Value::None);
    Ok(Value::Bool(vm.contains(&a, &x)?))
}

fn set_iter(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let a = vm.unwrap_builtin(args.this()).into_owned();
    vm.get_iter(&a)
}

fn add(vm: &mut Vm, args: Args) -> PyResult<Value> {
    super::arg::one_arg(&args, "set.add")?;
    let s = this_set(vm, args.this())?;
    vm.set_add(&s, args.pos[1].clone())?;
    Ok(Value::None)
}

fn remove(vm: &mut Vm, args: Args) -> PyResult<Value> {
    super::arg::one_arg(&args, "set.remove")?;
    let s = this_set(vm, args.this())?;
    let k = args.pos[1].clone();
    let h = vm.hash(&k)?;
    if !s.discard(&k, h, keq!(vm))? {
        return Err(PyErr::key_error(k));
    }
    Ok(Value::None)
}

fn discard(vm: &mut Vm, args: Args) -> PyResult<Value> {
    super::arg::one_arg(&args, "set.discard")?;
    let s = this_set(vm, args.this())?;
    let k = args.pos[1].clone();
    let h = vm.hash(&k)?;
    s.discard(&k, h, keq!(vm))?;
    Ok(Value::None)
}

fn set_pop(vm: &mut Vm, args: Args) -> PyResult<Value> {
    super::arg::no_args(&args, "set.pop")?;
    let s = this_set(vm, args.this())?;
    s.pop().ok_or_else(|| PyErr::new(crate::vm::ExcKind::KeyError, "pop from an empty set"))
}

fn set_clear(vm: &mut Vm, args: Args) -> PyResult<Value> {
    super::arg::no_args(&args, "set.clear")?;
    this_set(vm, args.this())?.clear();
    Ok(Value::None)
}

fn set_update(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let s = this_set(vm, args.this())?;
    for x in &args.pos[1..] {
        let x = x.clone();
        vm.set_update(&s, &x)?;
    }
    Ok(Value::None)
}

fn inplace(vm: &mut Vm, args: &Args, op: BinOp) -> PyResult<()> {
    let s = this_set(vm, args.this())?;
    let mut acc = Value::Set(s.clone());
    for other in &args.pos[1..] {
        let o = as_set_value(vm, other)?;
        acc = vm.set_binop(op, &acc, &o)?;
    }
    if let Value::Set(n) = acc {
        if !PyRef::ptr_eq(&n, &s) {
            s.clear();
            s.merge(&n, keq!(vm))?;
        }
    }
    Ok(())
}

fn intersection_update(vm: &mut Vm, args: Args) -> PyResult<Value> {
    inplace(vm, &args, BinOp::And)?;
    Ok(Value::None)
}
fn difference_update(vm: &mut Vm, args: Args) -> PyResult<Value> {
    inplace(vm, &args, BinOp::Sub)?;
    Ok(Value::None)
}
fn symmetric_difference_update(vm: &mut Vm, args: Args) -> PyResult<Value> {
    inplace(vm, &args, BinOp::Xor)?;
    Ok(Value::None)
}

fn set_iop(vm: &mut Vm, args: Args, op: BinOp) -> PyResult<Value> {
    if !matches!(vm.unwrap_builtin(args.get(1).unwrap_or(&Value::None)).as_ref(), Value::Set(_) | Value::FrozenSet(_)) {
        return Ok(Value::NotImplemented);
    }
    inplace(vm, &args, op)?;
    Ok(args.this().clone())
}

fn set_ior(vm: &mut Vm, args: Args) -> PyResult<Value> {
    set_iop(vm, args, BinOp::Or)
}
fn set_iand(vm: &mut Vm, args: Args) -> PyResult<Value> {
    set_iop(vm, args, BinOp::And)
}
fn set_isub(vm: &mut Vm, args: Args) -> PyResult<Value> {
    set_iop(vm, args, BinOp::Sub)
}
fn set_ixor(vm: &mut Vm, args: Args) -> PyResult<Value> {
    set_iop(vm, args, BinOp::Xor)
}
