//! `_operator`: `itemgetter` and `attrgetter` in Rust (sort keys are hot);
//! `lib/operator.py` (CPython's) imports them over its Python versions.

use std::any::Any;

use super::new_module;
use crate::objects::*;
use crate::vm::{Args, PyErr, PyResult, Vm};

enum Getter {
    Items(Vec<Value>),
    /// Each attribute path split at dots.
    Attrs(Vec<Vec<String>>, Vec<Value>),
}

impl NativeState for Getter {
    fn trace(&self, visit: &mut dyn FnMut(&Value)) {
        match self {
            Getter::Items(v) | Getter::Attrs(_, v) => v.iter().for_each(visit),
        }
    }
    fn as_any(&self) -> &dyn Any {
        self
    }
}

fn getter_of(v: &Value) -> PyResult<&Getter> {
    if let Value::Native(n) = v {
        if let NativeData::Other(s) = &n.data {
            if let Some(g) = s.as_any().downcast_ref::<Getter>() {
                return Ok(g);
            }
        }
    }
    Err(PyErr::type_error("descriptor needs an operator getter"))
}

fn class(vm: &mut Vm, name: &'static str) -> PyRef<ClassObj> {
    let key = if name == "itemgetter" { "operator.itemgetter" } else { "operator.attrgetter" };
    if let Some(c) = vm.lazy_classes.get(key) {
        return c.clone();
    }
    let ns = DictObj::new();
    ns.set_str("__module__", Value::str("operator"));
    let meta = vm.types.type_.clone();
    let obj = vm.types.object.clone();
    let c = vm.make_class(&meta, name, vec![obj], &ns).expect("operator class");
    c.flags.set(c.flags.get() | class_flags::NO_DICT);
    vm.add_method(&c, "__call__", call);
    vm.add_method(&c, "__repr__", repr);
    vm.add_method(&c, "__reduce__", reduce);
    c.ctor.set(Some(if name == "itemgetter" { itemgetter } else { attrgetter }));
    vm.lazy_classes.insert(key, c.clone());
    c
}

fn itemgetter(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.no_kwargs("itemgetter")?;
    if args.is_empty() {
        return Err(PyErr::type_error("itemgetter expected 1 argument, got 0"));
    }
    let c = class(vm, "itemgetter");
    Ok(vm.new_native(c, NativeData::Other(Box::new(Getter::Items(args.pos.to_vec())))))
}

fn attrgetter(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.no_kwargs("attrgetter")?;
    if args.is_empty() {
        return Err(PyErr::type_error("attrgetter expected 1 argument, got 0"));
    }
    let mut paths = Vec::with_capacity(args.len());
    for a in args.pos {
        match a {
            Value::Str(s) => paths.push(s.as_str().split('.').map(|p| p.to_string()).collect()),
            _ => return Err(PyErr::type_error("attribute name must be a string")),
        }
    }
    let c = class(vm, "attrgetter");
    Ok(vm.new_native(c, NativeData::Other(Box::new(Getter::Attrs(paths, args.pos.to_vec())))))
}

fn call(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let Some(this) = args.pos.first() else { return Err(PyErr::type_error("descriptor needs an argument")) };
    let g = getter_of(this)?;
    if args.has_kwargs() {
        return Err(PyErr::type_error(format!("{}() takes no keyword arguments", vm.short_type_name(this))));
    }
    if args.len() != 2 {
        return Err(PyErr::type_error(format!("{} expected 1 argument, got {}", vm.short_type_name(this), args.len() - 1)));
    }
    let obj = &args.pos[1];
    match g {
        Getter::Items(items) => {
            if items.len() == 1 {
                return vm.get_item(obj, &items[0]);
            }
            let items = items.clone();
            let mut out = Vec::with_capacity(items.len());
            for k in &items {
                out.push(vm.get_item(obj, k)?);
            }
            Ok(Value::tuple(out))
        }
        Getter::Attrs(paths, _) => {
            let paths = paths.clone();
            let mut out = Vec::with_capacity(paths.len());
            for path in &paths {
                let mut v = obj.clone();
                for part in path {
                    v = vm.get_attr(&v, part)?;
                }
                out.push(v);
            }
            if out.len() == 1 {
                Ok(out.pop().unwrap())
            } else {
                Ok(Value::tuple(out))
            }
        }
    }
}

fn repr(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let Some(this) = args.pos.first() else { return Err(PyErr::type_error("descriptor needs an argument")) };
    let g = getter_of(this)?;
    let (name, vals) = match g {
        Getter::Items(v) => ("itemgetter", v.clone()),
        Getter::Attrs(_, v) => ("attrgetter", v.clone()),
    };
    let mut parts = Vec::with_capacity(vals.len());
    for v in &vals {
        parts.push(vm.repr_str_of(v)?);
    }
    Ok(Value::string(format!("operator.{}({})", name, parts.join(", "))))
}

fn reduce(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let Some(this) = args.pos.first() else { return Err(PyErr::type_error("descriptor needs an argument")) };
    let g = getter_of(this)?;
    let (name, vals) = match g {
        Getter::Items(v) => ("itemgetter", v.clone()),
        Getter::Attrs(_, v) => ("attrgetter", v.clone()),
    };
    let c = class(vm, name);
    Ok(Value::tuple(vec![Value::Class(c), Value::tuple(vals)]))
}

/// `operator.index(a)`: `a.__index__()`, with CPython's error for non-integers.
fn index(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.no_kwargs("index")?;
    if args.len() != 1 {
        return Err(PyErr::type_error(format!("_operator.index() takes exactly one argument ({} given)", args.len())));
    }
    let v = &args.pos[0];
    match vm.index_value(v)? {
        Some(i) => Ok(i),
        None => Err(PyErr::type_error(format!("'{}' object cannot be interpreted as an integer", vm.type_name(v)))),
    }
}

/// `_operator._compare_digest(a, b)` (`hmac.compare_digest`): equality of
/// two ASCII strs or two bytes-like objects in time that depends only on
/// the length of `b`, not on where they differ.
fn compare_digest(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check("_compare_digest", 2, 2)?;
    let (a, b) = (&args.pos[0], &args.pos[1]);
    let (x, y): (Vec<u8>, Vec<u8>) = match (a, b) {
        (Value::Str(x), Value::Str(y)) => {
            if !x.as_str().is_ascii() || !y.as_str().is_ascii() {
                return Err(PyErr::type_error("comparing strings with non-ASCII characters is not supported"));
            }
            (x.as_str().as_bytes().to_vec(), y.as_str().as_bytes().to_vec())
        }
        (Value::Str(_), _) | (_, Value::Str(_)) => return Err(unsupported(vm, a, b)),
        _ => match (crate::builtins::types_bytes::bytes_data(vm, a), crate::builtins::types_bytes::bytes_data(vm, b)) {
            (Ok(x), Ok(y)) => (x.into_owned(), y.into_owned()),
            _ => return Err(unsupported(vm, a, b)),
        },
    };
    // Every byte of `b` is looked at, whatever the result.
    let mut diff = (x.len() != y.len()) as u8;
    let left = if x.len() == y.len() { &x } else { &y };
    for (p, q) in left.iter().zip(y.iter()) {
        diff |= p ^ q;
    }
    Ok(Value::Bool(diff == 0))
}

fn unsupported(vm: &Vm, a: &Value, b: &Value) -> PyErr {
    PyErr::type_error(format!("unsupported operand types(s) or combination of types: '{}' and '{}'", vm.type_name(a), vm.type_name(b)))
}

pub fn make(vm: &mut Vm) -> Value {
    let m = new_module(vm, "_operator", &[("index", index), ("_compare_digest", compare_digest)]);
    super::set(
        &m,
        "__doc__",
        Value::str(
            "Operator interface.\n\nThis module exports a set of functions implemented in C corresponding\nto the intrinsic operators of Python.  For example, operator.add(x, y)\nis equivalent to the expression x+y.  The function names are those\nused for special methods; variants without leading and trailing\n'__' are also provided for convenience.",
        ),
    );
    let i = class(vm, "itemgetter");
    super::set(&m, "itemgetter", Value::Class(i));
    let a = class(vm, "attrgetter");
    super::set(&m, "attrgetter", Value::Class(a));
    m
}
