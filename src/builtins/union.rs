//! `types.UnionType`: the result of `int | str`, accepted by `isinstance`
//! and `issubclass`.

use crate::objects::*;
use crate::vm::{Args, PyResult, Vm};

/// Registers `type.__or__` / `type.__ror__`.
pub fn init(vm: &mut Vm) {
    let t = vm.types.type_.clone();
    vm.add_method(&t, "__or__", type_or);
    vm.add_method(&t, "__ror__", type_ror);
}

/// The `UnionType` class (created on first use).
fn union_class(vm: &mut Vm) -> PyResult<PyRef<ClassObj>> {
    if let Some(c) = vm.lazy_classes.get("UnionType") {
        return Ok(c.clone());
    }
    let ns = DictObj::new();
    ns.set_str("__module__", Value::str("types"));
    let methods: &[(&'static str, BuiltinFn)] =
        &[("__repr__", union_repr), ("__or__", union_or), ("__ror__", union_ror), ("__eq__", union_eq), ("__hash__", union_hash)];
    for (name, f) in methods {
        ns.set_str(name, vm.builtin_fn(name, *f, "UnionType"));
    }
    let obj = vm.types.object.clone();
    let tt = vm.types.type_.clone();
    let c = vm.make_class(&tt, "UnionType", vec![obj], &ns)?;
    vm.lazy_classes.insert("UnionType", c.clone());
    Ok(c)
}

/// The member types of a union value, or `None` if `v` is not a union.
pub fn union_args(vm: &Vm, v: &Value) -> Option<Vec<Value>> {
    let Value::Instance(i) = v else { return None };
    let c = vm.lazy_classes.get("UnionType")?;
    if !PyRef::ptr_eq(&i.class(), c) {
        return None;
    }
    match i.dict.as_ref()?.get_str("__args__") {
        Some(Value::Tuple(t)) => Some(t.as_slice().to_vec()),
        _ => None,
    }
}

/// Whether `v` is a `types.GenericAlias` (`list[int]`, Python code in
/// `lib/types.py`).
fn is_generic_alias(v: &Value) -> bool {
    let Value::Instance(i) = v else { return false };
    let c = i.class();
    c.name() == "GenericAlias" && c.module.get().as_str() == Some("types")
}

/// The members an operand of `|` contributes, or `None` if it cannot take
/// part (CPython's: None, types, generic aliases and unions).
fn members(vm: &Vm, v: &Value) -> Option<Vec<Value>> {
    match v {
        Value::Class(_) => Some(vec![v.clone()]),
        Value::None => Some(vec![Value::Class(vm.class_of(&Value::None))]),
        _ if is_generic_alias(v) => Some(vec![v.clone()]),
        _ => union_args(vm, v),
    }
}

/// Whether two members are the same: the same type, or equal generic aliases.
fn same_member(vm: &mut Vm, a: &Value, b: &Value) -> PyResult<bool> {
    if a.is(b) {
        return Ok(true);
    }
    if matches!(a, Value::Class(_)) || matches!(b, Value::Class(_)) {
        return Ok(false);
    }
    vm.eq(a, b)
}

/// Whether `members` holds `m` (`same_member`).
fn contains_member(vm: &mut Vm, members: &[Value], m: &Value) -> PyResult<bool> {
    for x in members {
        if same_member(vm, x, m)? {
            return Ok(true);
        }
    }
    Ok(false)
}

/// `a | b` for types and unions.
fn make_union(vm: &mut Vm, a: &Value, b: &Value) -> PyResult<Value> {
    let (Some(ma), Some(mb)) = (members(vm, a), members(vm, b)) else { return Ok(Value::NotImplemented) };
    let mut args: Vec<Value> = Vec::new();
    for m in ma.into_iter().chain(mb) {
        if !contains_member(vm, &args, &m)? {
            args.push(m);
        }
    }
    if args.len() == 1 {
        return Ok(args.pop().unwrap_or(Value::None));
    }
    let cls = union_class(vm)?;
    let u = vm.new_instance(&cls);
    if let Value::Instance(i) = &u {
        if let Some(d) = &i.dict {
            d.set_str("__args__", Value::tuple(args));
        }
    }
    Ok(u)
}

fn two(args: &Args) -> PyResult<(Value, Value)> {
    args.check_pos("__or__", 2, 2)?;
    Ok((args.pos[0].clone(), args.pos[1].clone()))
}

fn type_or(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (a, b) = two(&args)?;
    make_union(vm, &a, &b)
}

fn type_ror(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (a, b) = two(&args)?;
    make_union(vm, &b, &a)
}

fn union_or(vm: &mut Vm, args: Args) -> PyResult<Value> {
    type_or(vm, args)
}

fn union_ror(vm: &mut Vm, args: Args) -> PyResult<Value> {
    type_ror(vm, args)
}

fn union_repr(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let members = union_args(vm, args.this()).unwrap_or_default();
    let none_type = vm.class_of(&Value::None);
    let mut parts = Vec::with_capacity(members.len());
    for m in &members {
        parts.push(match m {
            Value::Class(c) if PyRef::ptr_eq(c, &none_type) => "None".to_string(),
            Value::Class(c) => {
                let module = c.module.get();
                match module.as_str() {
                    Some("builtins") | None => c.qualname.borrow().clone(),
                    Some(md) => format!("{}.{}", md, c.qualname.borrow()),
                }
            }
            other => vm.repr_string(other)?,
        });
    }
    Ok(Value::string(parts.join(" | ")))
}

fn union_eq(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (a, b) = two(&args)?;
    let (Some(x), Some(y)) = (union_args(vm, &a), union_args(vm, &b)) else { return Ok(Value::NotImplemented) };
    if x.len() != y.len() {
        return Ok(Value::Bool(false));
    }
    for m in &x {
        if !contains_member(vm, &y, m)? {
            return Ok(Value::Bool(false));
        }
    }
    Ok(Value::Bool(true))
}

fn union_hash(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let members = union_args(vm, args.this()).unwrap_or_default();
    let mut h: i64 = 0x345678;
    for m in &members {
        h ^= vm.hash(m)?;
    }
    Ok(Value::Int(if h == -1 { -2 } else { h }))
}

/// `isinstance(obj, union)`, or `None` if `cls` is not a union.
pub fn instance_check(vm: &mut Vm, obj: &Value, cls: &Value) -> Option<PyResult<bool>> {
    let members = union_args(vm, cls)?;
    Some((|| {
        for m in &members {
            if super::functions::is_instance_of(vm, obj, m)? {
                return Ok(true);
            }
        }
        Ok(false)
    })())
}

/// `issubclass(sub, union)`, or `None` if `cls` is not a union.
pub fn subclass_check(vm: &mut Vm, sub: &Value, cls: &Value) -> Option<PyResult<bool>> {
    let members = union_args(vm, cls)?;
    Some((|| {
        for m in &members {
            if super::functions::is_subclass_of(vm, sub, m)? {
                return Ok(true);
            }
        }
        Ok(false)
    })())
}
