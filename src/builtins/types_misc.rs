//! `object`, `type`, descriptors (`property`, `classmethod`,
//! `staticmethod`, `super`), `range`, `slice`, iterators and generators.

use std::cell::Cell;

use super::arg;
use crate::objects::*;
use crate::vm::generator::{AgenOp, GenResult};
use crate::vm::{Args, ExcKind, PyErr, PyResult, Vm};

pub fn init(vm: &mut Vm) {
    let t = vm.types.object.clone();
    vm.add_method(&t, "__new__", object_new);
    vm.add_method(&t, "__init__", object_init);
    vm.add_method(&t, "__repr__", object_repr);
    vm.add_method(&t, "__str__", object_str);
    vm.add_method(&t, "__eq__", object_eq);
    vm.add_method(&t, "__ne__", object_ne);
    vm.add_method(&t, "__hash__", object_hash);
    vm.add_method(&t, "__format__", object_format);
    vm.add_method(&t, "__setattr__", object_setattr);
    vm.add_method(&t, "__getattribute__", object_getattribute);
    vm.add_method(&t, "__delattr__", object_delattr);
    vm.add_method(&t, "__dir__", object_dir);
    vm.add_method(&t, "__init_subclass__", object_init_subclass);
    let f = t.dict.get_str("__init_subclass__").unwrap_or(Value::None);
    t.dict.set_str("__init_subclass__", vm.new_native(vm.types.classmethod.clone(), NativeData::ClassMethod(f)));
    vm.add_method(&t, "__subclasshook__", object_subclasshook);
    let f = t.dict.get_str("__subclasshook__").unwrap_or(Value::None);
    t.dict.set_str("__subclasshook__", vm.new_native(vm.types.classmethod.clone(), NativeData::ClassMethod(f)));
    // `list[int]`: the containers' `__class_getitem__` (subclasses inherit it).
    for c in [vm.types.list.clone(), vm.types.tuple.clone(), vm.types.dict.clone(), vm.types.set.clone(), vm.types.frozenset.clone()] {
        vm.add_method(&c, "__class_getitem__", class_getitem);
        let f = c.dict.get_str("__class_getitem__").unwrap_or(Value::None);
        c.dict.set_str("__class_getitem__", vm.new_native(vm.types.classmethod.clone(), NativeData::ClassMethod(f)));
    }
    vm.add_method(&t, "__reduce_ex__", object_reduce_ex);
    vm.add_method(&t, "__reduce__", object_reduce);
    vm.add_method(&t, "__getstate__", object_getstate);
    vm.add_method(&t, "__sizeof__", object_sizeof);
    vm.add_method(&t, "__lt__", not_implemented);
    vm.add_method(&t, "__le__", not_implemented);
    vm.add_method(&t, "__gt__", not_implemented);
    vm.add_method(&t, "__ge__", not_implemented);

    let code = vm.types.code.clone();
    vm.add_method(&code, "co_positions", code_positions);
    vm.add_method(&code, "co_lines", code_lines);

    let mp = vm.types.mappingproxy.clone();
    vm.add_method(&mp, "__getitem__", mappingproxy_getitem);
    vm.add_method(&mp, "__contains__", mappingproxy_contains);
    vm.add_method(&mp, "__iter__", mappingproxy_iter);
    vm.add_method(&mp, "__len__", mappingproxy_len);
    vm.add_method(&mp, "__eq__", mappingproxy_eq);
    vm.add_method(&mp, "get", mappingproxy_get);
    vm.add_method(&mp, "keys", mappingproxy_keys);
    vm.add_method(&mp, "values", mappingproxy_values);
    vm.add_method(&mp, "items", mappingproxy_items);
    vm.add_method(&mp, "copy", mappingproxy_copy);

    let ty = vm.types.type_.clone();
    vm.add_method(&ty, "__new__", type_new);
    vm.add_method(&ty, "__init__", type_init);
    vm.add_method(&ty, "__call__", type_call);
    vm.add_method(&ty, "mro", type_mro);
    vm.add_method(&ty, "__subclasses__", type_subclasses);
    vm.add_method(&ty, "__instancecheck__", type_instancecheck);
    vm.add_method(&ty, "__subclasscheck__", type_subclasscheck);
    vm.add_method(&ty, "__repr__", type_repr);
    vm.add_method(&ty, "__prepare__", type_prepare);
    vm.types.type_.ctor.set(Some(type_ctor));

    let p = vm.types.property.clone();
    vm.add_method(&p, "__new__", property_new);
    vm.add_method(&p, "__init__", noop_init);
    vm.add_method(&p, "getter", property_getter);
    vm.add_method(&p, "setter", property_setter);
    vm.add_method(&p, "deleter", property_deleter);
    vm.add_method(&p, "__get__", property_get);
    vm.add_method(&p, "__set__", property_set);
    vm.add_method(&p, "__delete__", property_delete);
    vm.add_method(&p, "__set_name__", property_set_name);
    let cm = vm.types.classmethod.clone();
    vm.add_method(&cm, "__new__", classmethod_new);
    vm.add_method(&cm, "__init__", noop_init);
    vm.add_method(&cm, "__get__", classmethod_get);
    vm.add_method(&cm, "__repr__", wrapper_repr);
    let sm = vm.types.staticmethod.clone();
    vm.add_method(&sm, "__new__", staticmethod_new);
    vm.add_method(&sm, "__init__", noop_init);
    vm.add_method(&sm, "__get__", staticmethod_get);
    vm.add_method(&sm, "__call__", staticmethod_call);
    vm.add_method(&sm, "__repr__", wrapper_repr);
    let su = vm.types.super_.clone();
    vm.add_method(&su, "__new__", super_new);
    su.ctor.set(Some(super_ctor));
    vm.add_method(&su, "__init__", noop_init);

    let r = vm.types.range.clone();
    vm.add_method(&r, "__new__", range_new);
    vm.types.range.ctor.set(Some(range_ctor));
    vm.add_method(&r, "index", range_index);
    vm.add_method(&r, "count", range_count);
    vm.add_method(&r, "__len__", generic_len);
    super::types_num::add_bool_dunder(vm, &r);
    vm.add_method(&r, "__iter__", generic_iter);
    vm.add_method(&r, "__contains__", generic_contains);
    vm.add_method(&r, "__getitem__", generic_getitem);
    vm.add_method(&r, "__reversed__", range_reversed);
    let sl = vm.types.slice.clone();
    vm.add_method(&sl, "__new__", slice_new);
    vm.add_method(&sl, "indices", slice_indices);

    for c in [
        vm.types.list_iterator.clone(),
        vm.types.tuple_iterator.clone(),
        vm.types.range_iterator.clone(),
        vm.types.str_iterator.clone(),
        vm.types.dict_keyiterator.clone(),
        vm.types.dict_valueiterator.clone(),
        vm.types.dict_itemiterator.clone(),
        vm.types.dict_reversekeyiterator.clone(),
        vm.types.dict_reversevalueiterator.clone(),
        vm.types.dict_reverseitemiterator.clone(),
        vm.types.list_reverseiterator.clone(),
        vm.types.set_iterator.clone(),
        vm.types.enumerate.clone(),
        vm.types.zip.clone(),
        vm.types.map.clone(),
        vm.types.filter.clone(),
        vm.types.reversed.clone(),
        vm.types.callable_iterator.clone(),
        vm.types.iterator.clone(),
    ] {
        vm.add_method(&c, "__iter__", iter_self);
        vm.add_method(&c, "__next__", iter_next);
        vm.add_method(&c, "__length_hint__", iter_length_hint);
    }
    vm.add_method(&vm.types.enumerate.clone(), "__new__", enumerate_new);
    vm.add_method(&vm.types.zip.clone(), "__new__", zip_new);
    vm.add_method(&vm.types.map.clone(), "__new__", map_new);
    vm.add_method(&vm.types.filter.clone(), "__new__", filter_new);
    vm.add_method(&vm.types.reversed.clone(), "__new__", reversed_new);
    vm.types.enumerate.ctor.set(Some(enumerate_ctor));
    vm.types.zip.ctor.set(Some(zip_ctor));
    vm.types.map.ctor.set(Some(map_ctor));
    vm.types.filter.ctor.set(Some(filter_ctor));
    vm.types.reversed.ctor.set(Some(reversed_ctor));

    let g = vm.types.generator.clone();
    vm.add_method(&g, "__iter__", iter_self);
    vm.add_method(&g, "__next__", gen_next_method);
    vm.add_method(&g, "send", gen_send);
    vm.add_method(&g, "throw", gen_throw);
    vm.add_method(&g, "close", gen_close);
    let c = vm.types.coroutine.clone();
    vm.add_method(&c, "send", gen_send);
    vm.add_method(&c, "throw", gen_throw);
    vm.add_method(&c, "close", gen_close);
    vm.add_method(&c, "__await__", coro_await);
    let w = vm.types.coroutine_wrapper.clone();
    vm.add_method(&w, "__iter__", iter_self);
    vm.add_method(&w, "__next__", wrapper_next);
    vm.add_method(&w, "send", wrapper_send);
    vm.add_method(&w, "throw", wrapper_throw);
    vm.add_method(&w, "close", wrapper_close);
    let ag = vm.types.async_generator.clone();
    vm.add_method(&ag, "__aiter__", iter_self);
    vm.add_method(&ag, "__anext__", agen_anext);
    vm.add_method(&ag, "asend", agen_asend);
    vm.add_method(&ag, "athrow", agen_athrow);
    vm.add_method(&ag, "aclose", agen_aclose);
    for c in [vm.types.async_generator_asend.clone(), vm.types.async_generator_athrow.clone(), vm.types.anext_awaitable.clone()] {
        vm.add_method(&c, "__await__", iter_self);
        vm.add_method(&c, "__iter__", iter_self);
        vm.add_method(&c, "__next__", awaitable_next);
        vm.add_method(&c, "send", awaitable_send);
        vm.add_method(&c, "throw", awaitable_throw);
        vm.add_method(&c, "close", awaitable_close);
    }

    let f = vm.types.function.clone();
    vm.add_method(&f, "__get__", function_get);
    vm.add_method(&f, "__call__", call_self);
    let m = vm.types.method.clone();
    vm.add_method(&m, "__call__", call_self);
    let b = vm.types.builtin_function.clone();
    vm.add_method(&b, "__call__", call_self);
    let n = vm.types.none_type.clone();
    vm.add_method(&n, "__bool__", none_bool);
    vm.types.none_type.ctor.set(Some(none_ctor));
    let md = vm.types.module.clone();
    vm.add_method(&md, "__new__", module_new);
    vm.add_method(&md, "__init__", noop_init);
    vm.add_method(&md, "__dir__", module_dir);
    vm.types.object.ctor.set(Some(object_ctor));
}

fn not_implemented(_vm: &mut Vm, _args: Args) -> PyResult<Value> {
    Ok(Value::NotImplemented)
}

fn noop_init(_vm: &mut Vm, _args: Args) -> PyResult<Value> {
    Ok(Value::None)
}

fn call_self(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let f = args.this().clone();
    vm.call(&f, args.rest())
}

// ----- object -----

fn object_ctor(vm: &mut Vm, args: Args) -> PyResult<Value> {
    if !args.is_empty() || args.has_kwargs() {
        return Err(PyErr::type_error("object() takes no arguments"));
    }
    let c = vm.types.object.clone();
    Ok(vm.new_instance(&c))
}

fn object_new(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let Some(Value::Class(cls)) = args.get(0) else {
        return Err(PyErr::type_error("object.__new__(X): X is not a type object"));
    };
    if cls.flags.get() & class_flags::ABSTRACT != 0 {
        let abstracts = match cls.lookup("__abstractmethods__") {
            Some(v) => vm.collect_iterable(&v)?,
            None => vec![],
        };
        if !abstracts.is_empty() {
            let mut names: Vec<String> = abstracts.iter().filter_map(|v| v.as_str().map(|s| s.to_string())).collect();
            names.sort();
            // CPython 3.11 lists the names without quotes.
            let quoted: Vec<String> = names.clone();
            return Err(PyErr::type_error(format!(
                "Can't instantiate abstract class {} with abstract method{} {}",
                cls.name(),
                if names.len() == 1 { "" } else { "s" },
                quoted.join(", ")
            )));
        }
    }
    if (args.len() > 1 || args.has_kwargs()) && matches!(cls.lookup("__init__"), Some(Value::Builtin(ref b)) if b.owner == "object") {
        return Err(PyErr::type_error(format!("{}() takes no arguments", cls.name())));
    }
    if cls.is_builtin() && !PyRef::ptr_eq(cls, &vm.types.object) {
        return Err(PyErr::type_error(format!("object.__new__({}) is not safe, use {}.__new__()", cls.name(), cls.name())));
    }
    Ok(vm.new_instance(cls))
}

fn object_init(vm: &mut Vm, args: Args) -> PyResult<Value> {
    if args.len() > 1 || args.has_kwargs() {
        let cls = vm.class_of(args.this());
        let own_init = !matches!(cls.lookup("__init__"), Some(Value::Builtin(ref b)) if b.owner == "object");
        let own_new = !matches!(cls.lookup("__new__"), Some(Value::Builtin(ref b)) if b.owner == "object");
        if own_init || !own_new {
            return Err(PyErr::type_error("object.__init__() takes exactly one argument (the instance to initialize)"));
        }
    }
    Ok(Value::None)
}

fn object_repr(vm: &mut Vm, args: Args) -> PyResult<Value> {
    vm.object_repr(args.this()).map(Value::string)
}

fn object_str(vm: &mut Vm, args: Args) -> PyResult<Value> {
    vm.repr(args.this())
}

fn object_eq(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check_pos("__eq__", 2, 2)?;
    Ok(if args.pos[0].is(&args.pos[1]) { Value::Bool(true) } else { Value::NotImplemented })
}

fn object_ne(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check_pos("__ne__", 2, 2)?;
    let (a, b) = (args.pos[0].clone(), args.pos[1].clone());
    if let Some(eq) = vm.lookup_special(&a, "__eq__") {
        let r = vm.call_function(&eq, &[a.clone(), b.clone()])?;
        if matches!(r, Value::NotImplemented) {
            return Ok(r);
        }
        return Ok(Value::Bool(!vm.truthy(&r)?));
    }
    Ok(Value::NotImplemented)
}

fn object_hash(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    Ok(Value::Int(crate::vm::ops::identity_hash(args.this())))
}

fn object_format(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let spec = args.get(1).and_then(|v| v.as_str()).unwrap_or("");
    if !spec.is_empty() {
        return Err(PyErr::type_error(format!("unsupported format string passed to {}.__format__", vm.type_name(args.this()))));
    }
    vm.str_value(args.this())
}

fn object_setattr(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check_pos("__setattr__", 3, 3)?;
    let this = args.pos[0].clone();
    let name = arg::str(vm, &args.pos[1], "attribute name")?.to_string();
    match &this {
        Value::Instance(i) => {
            let cls = i.class();
            vm.generic_setattr(&this, i, &cls, &name, args.pos[2].clone())?;
        }
        // `type.__setattr__`: no metaclass hook (a metaclass's own __setattr__ calls this).
        Value::Class(c) => vm.class_setattr(c, &name, args.pos[2].clone())?,
        _ => vm.set_attr(&this, &name, args.pos[2].clone())?,
    }
    Ok(Value::None)
}

fn object_getattribute(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check_pos("__getattribute__", 2, 2)?;
    let this = args.pos[0].clone();
    let name = arg::str(vm, &args.pos[1], "attribute name")?.to_string();
    match &this {
        Value::Instance(i) => {
            let cls = i.class();
            match vm.generic_getattr(&this, i, &cls, &name)? {
                Some(v) => Ok(v),
                None => Err(vm.attribute_error(&this, &name)),
            }
        }
        _ => vm.get_attr(&this, &name),
    }
}

fn object_delattr(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check_pos("__delattr__", 2, 2)?;
    let this = args.pos[0].clone();
    let name = arg::str(vm, &args.pos[1], "attribute name")?.to_string();
    if let Value::Instance(i) = &this {
        if let Some(d) = &i.dict {
            let h = crate::objects::str::hash_str(&name);
            if let Some(p) = d.find_str(&name, h) {
                d.remove_at(p);
                return Ok(Value::None);
            }
        }
        return Err(vm.attribute_error(&this, &name));
    }
    if let Value::Class(c) = &this {
        vm.class_delattr(c, &name)?;
        return Ok(Value::None);
    }
    vm.del_attr(&this, &name)?;
    Ok(Value::None)
}

/// `cls.__class_getitem__(item)`: `types.GenericAlias(cls, item)`.
fn class_getitem(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check("__class_getitem__", 2, 2)?;
    let types = vm.import_module("types")?;
    let ga = vm.get_attr(&types, "GenericAlias")?;
    vm.call_function(&ga, &[args.pos[0].clone(), args.pos[1].clone()])
}

fn object_dir(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let names = vm.dir_names(args.this())?;
    Ok(Value::list(names.into_iter().map(Value::string).collect()))
}

/// `object.__subclasshook__(subclass)`: NotImplemented (the ABC machinery
/// then decides as usual).
fn object_subclasshook(_vm: &mut Vm, _args: Args) -> PyResult<Value> {
    Ok(Value::NotImplemented)
}

fn object_init_subclass(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    if args.has_kwargs() {
        // Bound to the new class, CPython names the method after it.
        let owner = match args.pos.first() {
            Some(Value::Class(c)) => c.name(),
            _ => "object".to_string(),
        };
        return Err(PyErr::type_error(format!("{}.__init_subclass__() takes no keyword arguments", owner)));
    }
    Ok(Value::None)
}

/// `object.__reduce_ex__(protocol)`: an overriding `__reduce__` if the
/// type has one, else the default reduction (`object_reduce_common`).
fn object_reduce_ex(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check("__reduce_ex__", 2, 2)?;
    let this = args.this().clone();
    let cls = vm.class_of(&this);
    if let Some(r) = cls.lookup("__reduce__") {
        let own = matches!(&r, Value::Builtin(b) if std::ptr::fn_addr_eq(b.func, object_reduce as crate::objects::BuiltinFn));
        if !own {
            let f = vm.get_attr(&this, "__reduce__")?;
            return vm.call_function(&f, &[]);
        }
    }
    let proto = crate::builtins::arg::int(vm, &args.pos[1])?;
    object_reduce_common(vm, &this, proto)
}

/// `object.__getstate__()` (`copyreg._spry_default_getstate`): the
/// instance dict, or None, with the slots' values.
fn object_getstate(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check("__getstate__", 1, 1)?;
    let this = args.this().clone();
    if !matches!(this, Value::Instance(_)) {
        return Ok(Value::None);
    }
    let copyreg = vm.import_module("copyreg")?;
    let f = vm.get_attr(&copyreg, "_spry_default_getstate")?;
    vm.call_function(&f, &[this])
}

/// `object.__reduce__()`: the default reduction for protocol 0.
fn object_reduce(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check("__reduce__", 1, 1)?;
    let this = args.this().clone();
    object_reduce_common(vm, &this, 0)
}

/// The default reduction, as CPython's: instances of Python classes go
/// through `copyreg` (`copyreg._spry_reduce`: `__newobj__` with
/// `__getnewargs__`, the state of `__dict__` and slots, list and dict
/// items); objects of builtin types reduce as CPython's do (`range`,
/// `slice`, `Ellipsis`, builtin functions by name), others cannot be
/// pickled.
fn object_reduce_common(vm: &mut Vm, this: &Value, proto: i64) -> PyResult<Value> {
    let global = |vm: &mut Vm, name: &str| -> PyResult<Value> {
        let b = vm.builtins_module.clone();
        vm.get_attr(&b, name)
    };
    match this {
        Value::Instance(_) => {
            let copyreg = vm.import_module("copyreg")?;
            let f = vm.get_attr(&copyreg, "_spry_reduce")?;
            vm.call_function(&f, &[this.clone(), Value::Int(proto)])
        }
        Value::Range(r) => {
            let (a, b, c) = match &r.big {
                Some(big) => (big[0].clone(), big[1].clone(), big[2].clone()),
                None => (Value::Int(r.start), Value::Int(r.stop), Value::Int(r.step)),
            };
            Ok(Value::tuple(vec![global(vm, "range")?, Value::tuple(vec![a, b, c])]))
        }
        Value::Slice(s) => {
            Ok(Value::tuple(vec![global(vm, "slice")?, Value::tuple(vec![s.start.clone(), s.stop.clone(), s.step.clone()])]))
        }
        Value::Ellipsis => Ok(Value::str("Ellipsis")),
        Value::NotImplemented => Ok(Value::str("NotImplemented")),
        Value::Builtin(b) if b.this.is_undef() || matches!(b.this, Value::Module(_)) => Ok(Value::str(b.name)),
        Value::Builtin(b) => Ok(Value::tuple(vec![global(vm, "getattr")?, Value::tuple(vec![b.this.clone(), Value::str(b.name)])])),
        // A bound method: `getattr(obj, name)`, as CPython's `method.__reduce__`.
        Value::Method(m) => {
            let (this, func) = (m.this.clone(), m.func.clone());
            let name = vm.get_attr(&func, "__name__")?;
            Ok(Value::tuple(vec![global(vm, "getattr")?, Value::tuple(vec![this, name])]))
        }
        _ => Err(PyErr::type_error(format!("cannot pickle '{}' object", vm.type_name(this)))),
    }
}

fn object_sizeof(_vm: &mut Vm, _args: Args) -> PyResult<Value> {
    Ok(Value::Int(16))
}

// ----- type -----

fn type_ctor(vm: &mut Vm, args: Args) -> PyResult<Value> {
    if args.len() == 1 && !args.has_kwargs() {
        return Ok(Value::Class(vm.class_of(&args.pos[0])));
    }
    // `type(name, bases, ns, **kw)` with a base whose metaclass derives
    // from type: that metaclass makes the class (its `__new__` takes the
    // keywords), as CPython's `type_new` hands over to the winner.
    if let (3, Some(Value::Tuple(bases))) = (args.len(), args.get(1)) {
        let type_ = vm.types.type_.clone();
        let classes: Vec<PyRef<ClassObj>> =
            bases.as_slice().iter().filter_map(|b| if let Value::Class(c) = b { Some(c.clone()) } else { None }).collect();
        let winner = super::functions::most_derived_metaclass(type_.clone(), &classes)?;
        if !PyRef::ptr_eq(&winner, &type_) {
            return vm.call(&Value::Class(winner), args);
        }
    }
    let t = Value::Class(vm.types.type_.clone());
    let mut all = vec![t];
    all.extend_from_slice(args.pos);
    let cls = type_new(vm, Args { pos: &all, kwnames: args.kwnames, kwvals: args.kwvals })?;
    Ok(cls)
}

fn type_new(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let Some(Value::Class(meta)) = args.get(0) else {
        return Err(PyErr::type_error("type.__new__(X): X is not a type object"));
    };
    let meta = meta.clone();
    if args.len() == 2 {
        return Ok(Value::Class(vm.class_of(&args.pos[1])));
    }
    if args.len() != 4 {
        return Err(PyErr::type_error("type() takes 1 or 3 arguments"));
    }
    let name = arg::str(vm, &args.pos[1], "type.__new__() argument 1")?.to_string();
    let bases: Vec<PyRef<ClassObj>> = match &args.pos[2] {
        Value::Tuple(t) => {
            let mut v = Vec::new();
            for b in t.as_slice() {
                match b {
                    Value::Class(c) => v.push(c.clone()),
                    _ => return Err(PyErr::type_error("bases must be types")),
                }
            }
            v
        }
        _ => return Err(PyErr::type_error("type.__new__() argument 2 must be tuple")),
    };
    let ns = match &args.pos[3] {
        Value::Dict(d) => d.clone(),
        other => match vm.unwrap_builtin(other).into_owned() {
            Value::Dict(d) => d,
            _ => return Err(PyErr::type_error(format!("type.__new__() argument 3 must be dict, not {}", vm.type_name(other)))),
        },
    };
    let cls = vm.make_class(&meta, &name, bases, &ns)?;
    if ns.get_str("__module__").is_none() {
        // `type(name, bases, ns)` called from Python: the module is the
        // caller's `__name__` (CPython's `type_new_set_module`).
        if let Some(module) = vm.frames.last().and_then(|f| f.globals_ref().get_str("__name__")) {
            cls.module.set(module.clone());
            cls.dict.set_str("__module__", module);
        }
    }
    if let Some(Value::Cell(c)) = ns.get_str("__classcell__") {
        c.value.set(Value::Class(cls.clone()));
    }
    // Abstract methods (abc.ABCMeta stores __abstractmethods__ itself).
    super::functions::finish_class(vm, &cls, args.kwnames, args.kwvals)?;
    Ok(Value::Class(cls))
}

fn type_init(_vm: &mut Vm, _args: Args) -> PyResult<Value> {
    Ok(Value::None)
}

fn type_call(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let Value::Class(c) = args.this() else {
        return Err(PyErr::type_error("descriptor '__call__' requires a 'type' object"));
    };
    let c = c.clone();
    vm.type_call(&c, args.rest())
}

fn type_mro(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    let Value::Class(c) = args.this() else {
        return Err(PyErr::type_error("mro() requires a type"));
    };
    Ok(Value::list(c.mro.borrow().iter().map(|k| Value::Class(k.clone())).collect()))
}

fn type_subclasses(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    let Value::Class(c) = args.this() else {
        return Err(PyErr::type_error("__subclasses__() requires a type"));
    };
    let subs: Vec<Value> = c
        .subclasses
        .borrow()
        .iter()
        // SAFETY: subclass pointers are live (classes unregister when freed).
        .map(|p| Value::Class(unsafe { PyRef::clone_from_raw(*p) }))
        .collect();
    Ok(Value::list(subs))
}

fn type_instancecheck(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check_pos("__instancecheck__", 2, 2)?;
    let Value::Class(c) = &args.pos[0] else {
        return Ok(Value::Bool(false));
    };
    Ok(Value::Bool(vm.is_instance(&args.pos[1], c)))
}

fn type_subclasscheck(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check_pos("__subclasscheck__", 2, 2)?;
    match (&args.pos[0], &args.pos[1]) {
        (Value::Class(c), Value::Class(s)) => Ok(Value::Bool(crate::vm::types::is_subclass(s, c))),
        _ => Err(PyErr::type_error("issubclass() arg 1 must be a class")),
    }
}

fn type_repr(vm: &mut Vm, args: Args) -> PyResult<Value> {
    vm.repr_string(args.this()).map(Value::string)
}

fn type_prepare(_vm: &mut Vm, _args: Args) -> PyResult<Value> {
    Ok(Value::Dict(DictObj::new()))
}

// ----- descriptors -----

fn property_new(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let Value::Class(cls) = args.this() else {
        return Err(PyErr::type_error("property.__new__: not a type"));
    };
    let rest = args.rest();
    let get = |i: usize, n: &str| rest.arg(i, n).cloned().unwrap_or(Value::None);
    let data = NativeData::Property {
        fget: get(0, "fget"),
        fset: get(1, "fset"),
        fdel: get(2, "fdel"),
        doc: get(3, "doc"),
        name: Default::default(),
    };
    Ok(vm.new_native(cls.clone(), data))
}

fn property_parts(v: &Value) -> PyResult<(PyRef<ClassObj>, Value, Value, Value, Value)> {
    match v {
        Value::Native(n) => match &n.data {
            NativeData::Property { fget, fset, fdel, doc, .. } => {
                Ok((n.class.clone(), fget.clone(), fset.clone(), fdel.clone(), doc.clone()))
            }
            _ => Err(PyErr::type_error("descriptor requires a 'property' object")),
        },
        _ => Err(PyErr::type_error("descriptor requires a 'property' object")),
    }
}

/// A copy of property `this` with one accessor replaced (`getter`,
/// `setter`, `deleter`); the name `__set_name__` gave it goes along.
fn property_with(vm: &mut Vm, args: Args, which: usize) -> PyResult<Value> {
    let (c, mut g, mut s, mut d, doc) = property_parts(args.this())?;
    let f = args.get(1).cloned().unwrap_or(Value::None);
    *[&mut g, &mut s, &mut d][which] = f;
    let name = std::cell::RefCell::new(crate::objects::property_name(args.this()));
    Ok(vm.new_native(c, NativeData::Property { fget: g, fset: s, fdel: d, doc, name }))
}

fn property_getter(vm: &mut Vm, args: Args) -> PyResult<Value> {
    property_with(vm, args, 0)
}

fn property_setter(vm: &mut Vm, args: Args) -> PyResult<Value> {
    property_with(vm, args, 1)
}

fn property_deleter(vm: &mut Vm, args: Args) -> PyResult<Value> {
    property_with(vm, args, 2)
}

/// `property.__set_name__(owner, name)`: remembers the name for messages.
fn property_set_name(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    if let Value::Native(n) = args.this() {
        if let NativeData::Property { name, .. } = &n.data {
            *name.borrow_mut() = args.get(2).cloned().unwrap_or(Value::None);
        }
    }
    Ok(Value::None)
}

fn property_get(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (_, g, _, _, _) = property_parts(args.this())?;
    let obj = args.get(1).cloned().unwrap_or(Value::None);
    if obj.is_none() {
        return Ok(args.this().clone());
    }
    if g.is_none() {
        return Err(vm.property_missing(args.this(), "getter", &obj));
    }
    vm.call_function(&g, &[obj])
}

fn property_set(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (_, _, s, _, _) = property_parts(args.this())?;
    let obj = args.get(1).cloned().unwrap_or(Value::None);
    if s.is_none() {
        return Err(vm.property_missing(args.this(), "setter", &obj));
    }
    let val = args.get(2).cloned().unwrap_or(Value::None);
    vm.call_function(&s, &[obj, val])?;
    Ok(Value::None)
}

fn property_delete(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (_, _, _, d, _) = property_parts(args.this())?;
    let obj = args.get(1).cloned().unwrap_or(Value::None);
    if d.is_none() {
        return Err(vm.property_missing(args.this(), "deleter", &obj));
    }
    vm.call_function(&d, &[obj])?;
    Ok(Value::None)
}

/// The callable `classmethod(f)` / `staticmethod(f)` wraps (exactly one
/// positional argument, as CPython's).
fn wrapped_arg(args: &Args, kind: &str) -> PyResult<Value> {
    let rest = args.rest();
    rest.no_kwargs(kind)?;
    arg::positional(&rest, kind, 1, 1)?;
    Ok(rest.pos[0].clone())
}

/// `<classmethod(f)>`, `<staticmethod(f)>`.
fn wrapper_repr(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (kind, f) = match args.this() {
        Value::Native(n) => match &n.data {
            NativeData::ClassMethod(f) => ("classmethod", f.clone()),
            NativeData::StaticMethod(f) => ("staticmethod", f.clone()),
            _ => return Err(PyErr::type_error("expected a classmethod or staticmethod")),
        },
        _ => return Err(PyErr::type_error("expected a classmethod or staticmethod")),
    };
    let r = vm.repr_string(&f)?;
    Ok(Value::string(format!("<{}({})>", kind, r)))
}

fn classmethod_new(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let Value::Class(cls) = args.this() else {
        return Err(PyErr::type_error("classmethod.__new__: not a type"));
    };
    let f = wrapped_arg(&args, "classmethod")?;
    Ok(vm.new_native(cls.clone(), NativeData::ClassMethod(f)))
}

fn classmethod_get(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    let Value::Native(n) = args.this() else {
        return Err(PyErr::type_error("bad classmethod"));
    };
    let NativeData::ClassMethod(f) = &n.data else {
        return Err(PyErr::type_error("bad classmethod"));
    };
    let owner = match (args.get(2), args.get(1)) {
        (Some(c), _) if !c.is_none() => c.clone(),
        (_, Some(o)) => Value::Class(_vm.class_of(o)),
        _ => Value::None,
    };
    let f = f.clone();
    _vm.bind_classmethod(&f, owner)
}

fn staticmethod_new(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let Value::Class(cls) = args.this() else {
        return Err(PyErr::type_error("staticmethod.__new__: not a type"));
    };
    let f = wrapped_arg(&args, "staticmethod")?;
    Ok(vm.new_native(cls.clone(), NativeData::StaticMethod(f)))
}

fn staticmethod_get(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    let Value::Native(n) = args.this() else {
        return Err(PyErr::type_error("bad staticmethod"));
    };
    let NativeData::StaticMethod(f) = &n.data else {
        return Err(PyErr::type_error("bad staticmethod"));
    };
    Ok(f.clone())
}

fn staticmethod_call(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let Value::Native(n) = args.this() else {
        return Err(PyErr::type_error("bad staticmethod"));
    };
    let NativeData::StaticMethod(f) = &n.data else {
        return Err(PyErr::type_error("bad staticmethod"));
    };
    let f = f.clone();
    vm.call(&f, args.rest())
}

fn function_get(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    let obj = args.get(1).cloned().unwrap_or(Value::None);
    if obj.is_none() {
        return Ok(args.this().clone());
    }
    Ok(Value::Method(PyRef::new_tracked(MethodObj { func: args.this().clone(), this: obj })))
}

/// `super()` and `super(cls, obj)`.
fn super_new(vm: &mut Vm, args: Args) -> PyResult<Value> {
    super_make(vm, args.rest())
}

/// `super(...)` called directly (the type's `ctor`): `super.__new__`
/// without the class argument and the `type.__call__` machinery
/// (`super.__init__` does nothing).
fn super_ctor(vm: &mut Vm, args: Args) -> PyResult<Value> {
    // (The level of the recursion count `type.__call__` takes.)
    vm.with_level(" while calling a Python object", |vm| super_make(vm, args))
}

fn super_make(vm: &mut Vm, rest: Args) -> PyResult<Value> {
    if !rest.kwnames.is_empty() {
        return Err(PyErr::type_error("super() takes no keyword arguments"));
    }
    if rest.len() > 2 {
        return Err(PyErr::type_error(format!("super() expected at most 2 arguments, got {}", rest.len())));
    }
    let (cls, obj) = if rest.is_empty() {
        // Zero-argument form: the `__class__` cell and the first argument of
        // the calling function.
        let f = vm.frames.last().ok_or_else(|| PyErr::runtime_error("super(): no current frame"))?;
        let code = f.code_ref();
        let base = f.base;
        if code.argcount == 0 && code.flags & crate::bytecode::code_flags::VARARGS == 0 {
            return Err(PyErr::runtime_error("super(): no arguments"));
        }
        // SAFETY: register 0 is the first parameter of the running frame.
        let first = unsafe { (*base).clone() };
        let first = match first {
            Value::Cell(c) if code.cellvars.iter().any(|(_, r)| *r == 0) => c.value.get(),
            v => v,
        };
        let cls = code
            .freevars
            .iter()
            .find(|(n, _)| n == "__class__")
            // SAFETY: the register of a free variable is inside the frame's window.
            .map(|(_, r)| unsafe { (*base.add(*r as usize)).clone() });
        let cls = match cls {
            Some(Value::Cell(c)) => c.value.get(),
            _ => return Err(PyErr::runtime_error("super(): __class__ cell not found")),
        };
        if first.is_undef() {
            return Err(PyErr::runtime_error("super(): arg[0] deleted"));
        }
        (cls, first)
    } else {
        (rest.pos[0].clone(), rest.get(1).cloned().unwrap_or(Value::None))
    };
    let Value::Class(c) = cls else {
        return Err(PyErr::type_error(format!("super() argument 1 must be a type, not {}", vm.type_name(&cls))));
    };
    match &obj {
        Value::Class(oc) if crate::vm::types::is_subclass(oc, &c) => {}
        _ if vm.is_instance(&obj, &c) => {}
        _ => return Err(PyErr::type_error("super(type, obj): obj must be an instance or subtype of type")),
    }
    Ok(vm.new_native(vm.types.super_.clone(), NativeData::Super { cls: c, obj }))
}

// ----- range and slice -----

fn range_ctor(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.no_kwargs("range")?;
    let n = args.len();
    if n == 0 {
        return Err(PyErr::type_error("range expected at least 1 argument, got 0"));
    }
    if n > 3 {
        return Err(PyErr::type_error(format!("range expected at most 3 arguments, got {}", n)));
    }
    let mut v: Vec<Value> = Vec::with_capacity(3);
    for a in args.pos.iter() {
        v.push(match a {
            Value::Int(_) => a.clone(),
            _ => match vm.index_value(a)? {
                Some(i) => i,
                None => return Err(PyErr::type_error(format!("'{}' object cannot be interpreted as an integer", vm.type_name(a)))),
            },
        });
    }
    let (start, stop, step) = match n {
        1 => (Value::Int(0), v[0].clone(), Value::Int(1)),
        2 => (v[0].clone(), v[1].clone(), Value::Int(1)),
        _ => (v[0].clone(), v[1].clone(), v[2].clone()),
    };
    if int::is_zero(&step) {
        return Err(PyErr::value_error("range() arg 3 must not be zero"));
    }
    if let (Value::Int(a), Value::Int(b), Value::Int(c)) = (&start, &stop, &step) {
        return Ok(Value::Range(RangeObj::new(*a, *b, *c)));
    }
    Ok(Value::Range(PyRef::new(RangeObj { start: 0, stop: 0, step: 1, big: Some(Box::new([start, stop, step])) })))
}

fn range_new(vm: &mut Vm, args: Args) -> PyResult<Value> {
    range_ctor(vm, args.rest())
}

fn range_index(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let Value::Range(r) = args.this() else {
        return Err(PyErr::type_error("bad range"));
    };
    super::arg::one_arg(&args, "range.index")?;
    let x = args.pos[1].clone();
    if int::is_int(&x) && !matches!(x, Value::Bool(_)) {
        if r.big.is_none() {
            if let Some(i) = int::as_small(&x) {
                if crate::vm::ops::range_contains(r, i) {
                    return Ok(Value::Int((i - r.start) / r.step));
                }
            }
        } else if vm.contains(args.this(), &x)? {
            let (start, _, step) = r.parts();
            return int::floordiv(&int::sub(&x, &start), &step);
        }
    } else {
        // Other values are searched for by equality, as in any sequence.
        let n = r.len();
        for i in 0..n {
            let item = if r.big.is_none() { Value::Int(r.get(i)) } else { r.item(&Value::Int(i)) };
            if vm.eq(&item, &x)? {
                return Ok(Value::Int(i));
            }
        }
    }
    let s = vm.repr_string(&x)?;
    Err(PyErr::value_error(format!("{} is not in range", s)))
}

fn range_count(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let this = args.this().clone();
    let x = args.get(1).cloned().unwrap_or(Value::None);
    Ok(Value::Int(vm.contains(&this, &x)? as i64))
}

fn range_reversed(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    let Value::Range(r) = args.this() else {
        return Err(PyErr::type_error("bad range"));
    };
    if r.big.is_some() {
        let (start, _, step) = r.parts();
        let n = r.len_value();
        let last = int::add(&start, &int::mul(&int::sub(&n, &Value::Int(1)), &step));
        return Ok(crate::vm::iter::new_iter(IterKind::IntRange {
            next: ValueCell::new(last),
            stop: int::sub(&start, &step),
            step: int::neg(&step),
        }));
    }
    let n = r.len();
    let last = r.start + (n - 1) * r.step;
    Ok(crate::vm::iter::new_iter(IterKind::Range {
        next: Cell::new(if n == 0 { 0 } else { last }),
        stop: if n == 0 { 0 } else { r.start - r.step },
        step: -r.step,
    }))
}

// ----- mappingproxy: read-only access to the wrapped mapping -----

fn proxied(args: &Args) -> PyResult<Value> {
    match args.pos.first() {
        Some(Value::Native(n)) => match &n.data {
            NativeData::MappingProxy(m) => Ok(m.clone()),
            _ => Err(PyErr::type_error("descriptor requires a 'mappingproxy' object")),
        },
        _ => Err(PyErr::type_error("descriptor requires a 'mappingproxy' object")),
    }
}

/// Calls method `name` of the wrapped mapping with the other arguments.
fn proxy_call(vm: &mut Vm, args: Args, name: &str) -> PyResult<Value> {
    let m = proxied(&args)?;
    let rest = args.rest();
    let f = vm.get_attr(&m, name)?;
    vm.call(&f, rest)
}

fn mappingproxy_getitem(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check_pos("__getitem__", 2, 2)?;
    let m = proxied(&args)?;
    vm.get_item(&m, &args.pos[1])
}

fn mappingproxy_contains(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check_pos("__contains__", 2, 2)?;
    let m = proxied(&args)?;
    vm.contains(&m, &args.pos[1]).map(Value::Bool)
}

fn mappingproxy_iter(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let m = proxied(&args)?;
    vm.get_iter(&m)
}

fn mappingproxy_len(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let m = proxied(&args)?;
    vm.len(&m).map(|n| Value::Int(n as i64))
}

fn mappingproxy_eq(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check_pos("__eq__", 2, 2)?;
    let m = proxied(&args)?;
    vm.compare(crate::bytecode::CmpOp::Eq, &m, &args.pos[1])
}

fn mappingproxy_get(vm: &mut Vm, args: Args) -> PyResult<Value> {
    proxy_call(vm, args, "get")
}

fn mappingproxy_keys(vm: &mut Vm, args: Args) -> PyResult<Value> {
    proxy_call(vm, args, "keys")
}

fn mappingproxy_values(vm: &mut Vm, args: Args) -> PyResult<Value> {
    proxy_call(vm, args, "values")
}

fn mappingproxy_items(vm: &mut Vm, args: Args) -> PyResult<Value> {
    proxy_call(vm, args, "items")
}

fn mappingproxy_copy(vm: &mut Vm, args: Args) -> PyResult<Value> {
    proxy_call(vm, args, "copy")
}

fn generic_len(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let this = vm.unwrap_builtin(args.this()).into_owned();
    Ok(Value::Int(vm.len(&this)? as i64))
}

fn generic_iter(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let this = vm.unwrap_builtin(args.this()).into_owned();
    vm.get_iter(&this)
}

fn generic_contains(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let this = vm.unwrap_builtin(args.this()).into_owned();
    let x = args.get(1).cloned().unwrap_or(Value::None);
    Ok(Value::Bool(vm.contains(&this, &x)?))
}

fn generic_getitem(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let this = vm.unwrap_builtin(args.this()).into_owned();
    let k = args.get(1).cloned().unwrap_or(Value::None);
    vm.get_item(&this, &k)
}

fn slice_new(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    let rest = args.rest();
    let (start, stop, step) = match rest.len() {
        1 => (Value::None, rest.pos[0].clone(), Value::None),
        2 => (rest.pos[0].clone(), rest.pos[1].clone(), Value::None),
        3 => (rest.pos[0].clone(), rest.pos[1].clone(), rest.pos[2].clone()),
        n => return Err(PyErr::type_error(format!("slice expected at least 1 argument, got {}", n))),
    };
    Ok(Value::Slice(PyRef::new(SliceObj { start, stop, step })))
}

fn slice_indices(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let Value::Slice(s) = args.this() else {
        return Err(PyErr::type_error("bad slice"));
    };
    let n = arg::int(vm, args.get(1).unwrap_or(&Value::Int(0)))?;
    if n < 0 {
        return Err(PyErr::value_error("length should not be negative"));
    }
    let s = s.clone();
    let idx = vm.slice_indices(&s, n as usize)?;
    Ok(Value::tuple(vec![Value::Int(idx.start), Value::Int(idx.stop), Value::Int(idx.step)]))
}

// ----- iterators -----

fn iter_self(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    Ok(args.this().clone())
}

fn iter_next(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let it = args.this().clone();
    match vm.next(&it)? {
        Some(v) => Ok(v),
        None => Err(PyErr::stop_iteration()),
    }
}

fn iter_length_hint(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let Value::Iter(io) = args.this() else {
        return Ok(Value::Int(0));
    };
    let k = io.kind.borrow();
    Ok(Value::Int(match &*k {
        IterKind::Seq { seq, index } => {
            let seq = seq.clone();
            let i = index.get();
            drop(k);
            (vm.len(&seq)? as i64 - i as i64).max(0)
        }
        IterKind::Range { next, stop, step } => crate::objects::range_len(next.get(), *stop, *step),
        // As CPython's: the items left, none once the sequence is shorter.
        IterKind::Reversed { seq, index } => {
            let seq = seq.clone();
            let left = index.get() + 1;
            drop(k);
            if left <= 0 || (vm.len(&seq)? as i64) < left {
                0
            } else {
                left
            }
        }
        _ => 0,
    }))
}

fn enumerate_ctor(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.allow_kwargs("enumerate", &["iterable", "start"])?;
    let src = args.arg(0, "iterable").ok_or_else(|| PyErr::type_error("enumerate() missing required argument 'iterable'"))?;
    let start = match args.arg(1, "start") {
        Some(v) => match vm.index_value(v)? {
            Some(i) => i,
            None => return Err(PyErr::type_error(format!("'{}' object cannot be interpreted as an integer", vm.type_name(v)))),
        },
        None => Value::Int(0),
    };
    let it = vm.get_iter(src)?;
    Ok(crate::vm::iter::new_iter(IterKind::Enumerate { it, count: ValueCell::new(start) }))
}

fn enumerate_new(vm: &mut Vm, args: Args) -> PyResult<Value> {
    enumerate_ctor(vm, args.rest())
}

fn zip_ctor(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.allow_kwargs("zip", &["strict"])?;
    let strict = match args.kw("strict") {
        Some(v) => vm.truthy(v)?,
        None => false,
    };
    let mut iters = Vec::with_capacity(args.len());
    for a in args.pos.iter() {
        iters.push(vm.get_iter(a)?);
    }
    Ok(crate::vm::iter::new_iter(IterKind::Zip { iters: iters.into_boxed_slice(), strict }))
}

fn zip_new(vm: &mut Vm, args: Args) -> PyResult<Value> {
    zip_ctor(vm, args.rest())
}

fn map_ctor(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.no_kwargs("map")?;
    if args.len() < 2 {
        return Err(PyErr::type_error("map() must have at least two arguments."));
    }
    let mut iters = Vec::with_capacity(args.len() - 1);
    for a in &args.pos[1..] {
        iters.push(vm.get_iter(a)?);
    }
    Ok(crate::vm::iter::new_iter(IterKind::Map { func: args.pos[0].clone(), iters: iters.into_boxed_slice() }))
}

fn map_new(vm: &mut Vm, args: Args) -> PyResult<Value> {
    map_ctor(vm, args.rest())
}

fn filter_ctor(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.no_kwargs("filter")?;
    arg::positional(&args, "filter", 2, 2)?;
    let it = vm.get_iter(&args.pos[1])?;
    Ok(crate::vm::iter::new_iter(IterKind::Filter { func: args.pos[0].clone(), it }))
}

fn filter_new(vm: &mut Vm, args: Args) -> PyResult<Value> {
    filter_ctor(vm, args.rest())
}

fn reversed_ctor(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check("reversed", 1, 1)?;
    let seq = args.pos[0].clone();
    match &seq {
        Value::Range(_) => return range_reversed(vm, args),
        Value::Native(n) if matches!(n.data, NativeData::DictView { .. }) => {
            let NativeData::DictView { dict, part } = &n.data else { unreachable!() };
            let (dict, len, part) = (dict.clone(), dict.len(), *part);
            return Ok(crate::vm::iter::new_iter(IterKind::Dict { pos: Cell::new(dict.entries_len()), dict, len, part, rev: true }));
        }
        // (A class's metaclass may define it: `reversed(SomeEnum)`.)
        Value::Instance(_) | Value::Class(_) | Value::Native(_) => {
            if let Some(f) = vm.lookup_special(&seq, "__reversed__") {
                if f.is_none() {
                    return Err(PyErr::type_error(format!("'{}' object is not reversible", vm.type_name(&seq))));
                }
                return vm.call_function(&f, std::slice::from_ref(&seq));
            }
        }
        Value::Dict(d) => {
            let (dict, len, part) = (d.clone(), d.len(), DictPart::Keys);
            return Ok(crate::vm::iter::new_iter(IterKind::Dict { pos: Cell::new(dict.entries_len()), dict, len, part, rev: true }));
        }
        _ => {}
    }
    let seq = vm.unwrap_builtin(&seq).into_owned();
    let n = match &seq {
        Value::List(_) | Value::Tuple(_) | Value::Str(_) | Value::Bytes(_) | Value::ByteArray(_) => vm.len(&seq)?,
        _ => {
            if vm.lookup_special(&seq, "__len__").is_some() && vm.lookup_special(&seq, "__getitem__").is_some() {
                vm.len(&seq)?
            } else {
                return Err(PyErr::type_error(format!("'{}' object is not reversible", vm.type_name(&seq))));
            }
        }
    };
    Ok(crate::vm::iter::new_iter(IterKind::Reversed { seq, index: Cell::new(n as i64 - 1) }))
}

fn reversed_new(vm: &mut Vm, args: Args) -> PyResult<Value> {
    reversed_ctor(vm, args.rest())
}

// ----- generators -----

fn gen_of(v: &Value) -> PyResult<PyRef<GeneratorObj>> {
    match v {
        Value::Generator(g) => Ok(g.clone()),
        _ => Err(PyErr::type_error("descriptor requires a 'generator' object")),
    }
}

fn gen_next_method(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let g = gen_of(args.this())?;
    match vm.gen_resume(&g, Value::None, None)? {
        GenResult::Yield(v) => Ok(v),
        GenResult::Return(v) => Err(stop_with(v)),
    }
}

fn stop_with(v: Value) -> PyErr {
    if v.is_none() {
        PyErr::stop_iteration()
    } else {
        PyErr::with_args(ExcKind::StopIteration, vec![v])
    }
}

fn gen_send(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let g = gen_of(args.this())?;
    let v = args.get(1).cloned().unwrap_or(Value::None);
    match vm.gen_resume(&g, v, None)? {
        GenResult::Yield(v) => Ok(v),
        GenResult::Return(v) => Err(stop_with(v)),
    }
}

fn gen_throw(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let g = gen_of(args.this())?;
    let err = throw_args(vm, &args)?;
    match vm.gen_throw(&g, err)? {
        GenResult::Yield(v) => Ok(v),
        GenResult::Return(v) => Err(stop_with(v)),
    }
}

/// The exception `throw(typ[, val[, tb]])` raises (arguments after `self`).
fn throw_args(vm: &mut Vm, args: &Args) -> PyResult<PyErr> {
    let typ = args.get(1).cloned().unwrap_or(Value::None);
    let val = args.get(2).cloned();
    let exc = match (&typ, &val) {
        (Value::Class(_), Some(v)) if !v.is_none() => {
            if vm.is_instance(
                v,
                match &typ {
                    Value::Class(c) => c,
                    _ => unreachable!(),
                },
            ) {
                v.clone()
            } else {
                vm.call_function(&typ, std::slice::from_ref(v))?
            }
        }
        (Value::Class(_), _) => vm.call_function(&typ, &[])?,
        _ => typ.clone(),
    };
    let base = vm.types.exc[ExcKind::BaseException as usize].clone();
    if !vm.is_instance(&exc, &base) {
        return Err(PyErr::type_error("exceptions must be classes or instances deriving from BaseException, not str"));
    }
    let tb = crate::vm::exceptions::exc_traceback(&exc);
    Ok(PyErr::from_value(exc, tb))
}

fn step_result(r: GenResult) -> PyResult<Value> {
    match r {
        GenResult::Yield(v) => Ok(v),
        GenResult::Return(v) => Err(stop_with(v)),
    }
}

fn coro_await(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let g = gen_of(args.this())?;
    Ok(vm.coro_wrapper(&g))
}

fn wrapper_coro(v: &Value) -> PyResult<PyRef<GeneratorObj>> {
    crate::vm::generator::wrapped_coro(v).ok_or_else(|| PyErr::type_error("descriptor requires a 'coroutine_wrapper' object"))
}

fn wrapper_next(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let g = wrapper_coro(args.this())?;
    step_result(vm.gen_resume(&g, Value::None, None)?)
}

fn wrapper_send(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let g = wrapper_coro(args.this())?;
    let v = args.get(1).cloned().unwrap_or(Value::None);
    step_result(vm.gen_resume(&g, v, None)?)
}

fn wrapper_throw(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let g = wrapper_coro(args.this())?;
    let err = throw_args(vm, &args)?;
    step_result(vm.gen_throw(&g, err)?)
}

fn wrapper_close(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let g = wrapper_coro(args.this())?;
    vm.gen_close(&g)?;
    Ok(Value::None)
}

fn agen_of(v: &Value) -> PyResult<PyRef<GeneratorObj>> {
    match v {
        Value::Generator(g) if g.kind == crate::vm::generator::GenKind::AsyncGenerator => Ok(g.clone()),
        _ => Err(PyErr::type_error("descriptor requires an 'async_generator' object")),
    }
}

fn agen_anext(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let g = agen_of(args.this())?;
    Ok(vm.agen_awaitable(&g, AgenOp::Send(Value::None)))
}

fn agen_asend(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let g = agen_of(args.this())?;
    let v = args.get(1).cloned().unwrap_or(Value::None);
    Ok(vm.agen_awaitable(&g, AgenOp::Send(v)))
}

fn agen_athrow(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let g = agen_of(args.this())?;
    let mut err = throw_args(vm, &args)?;
    let exc = vm.materialize(&mut err);
    Ok(vm.agen_awaitable(&g, AgenOp::Throw(exc)))
}

fn agen_aclose(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let g = agen_of(args.this())?;
    Ok(vm.agen_awaitable(&g, AgenOp::Close))
}

fn awaitable_this(args: &Args) -> PyResult<Value> {
    let v = args.this().clone();
    if !crate::vm::generator::is_native_awaitable(&v) {
        return Err(PyErr::type_error("descriptor requires an 'async_generator_asend' object"));
    }
    Ok(v)
}

fn awaitable_next(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let a = awaitable_this(&args)?;
    step_result(vm.awaitable_send(&a, Value::None)?)
}

fn awaitable_send(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let a = awaitable_this(&args)?;
    let v = args.get(1).cloned().unwrap_or(Value::None);
    step_result(vm.awaitable_send(&a, v)?)
}

fn awaitable_throw(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let a = awaitable_this(&args)?;
    let err = throw_args(vm, &args)?;
    step_result(vm.awaitable_throw(&a, err)?)
}

fn awaitable_close(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let a = awaitable_this(&args)?;
    vm.awaitable_close(&a)?;
    Ok(Value::None)
}

fn gen_close(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let g = gen_of(args.this())?;
    vm.gen_close(&g)?;
    Ok(Value::None)
}

// ----- misc -----

fn none_bool(_vm: &mut Vm, _args: Args) -> PyResult<Value> {
    Ok(Value::Bool(false))
}

fn none_ctor(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    if !args.is_empty() {
        return Err(PyErr::type_error("NoneType takes no arguments"));
    }
    Ok(Value::None)
}

fn module_new(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let name = match args.get(1) {
        Some(v) => match v.as_str() {
            Some(s) => s.to_string(),
            None => return Err(PyErr::type_error(format!("module() argument 'name' must be str, not {}", vm.type_name(v)))),
        },
        None => return Err(PyErr::type_error("module() missing required argument 'name' (pos 1)")),
    };
    let m = vm.new_module(&name);
    if let (Value::Module(mo), Some(doc)) = (&m, args.get(2)) {
        mo.dict.set_str("__doc__", doc.clone());
    }
    Ok(m)
}

fn module_dir(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let names = vm.dir_names(args.this())?;
    Ok(Value::list(names.into_iter().map(Value::string).collect()))
}

fn this_code(vm: &Vm, args: &Args, name: &str) -> PyResult<PyRef<crate::bytecode::CodeObj>> {
    args.check(name, 1, 1)?;
    match args.this() {
        Value::Code(c) => Ok(c.clone()),
        v => Err(PyErr::type_error(format!("descriptor '{}' for 'code' objects doesn't apply to a '{}' object", name, vm.type_name(v)))),
    }
}

/// `code.co_positions()`: an iterator of (line, end line, column, end
/// column) per instruction, `None` for what is unknown. Spry's
/// instructions are its own (register bytecode), so the entries are per
/// Spry instruction; `frame.f_lasti` is twice the index of the running
/// one, as CPython's instruction offsets are (`inspect` relies on that).
fn code_positions(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let c = this_code(vm, &args, "co_positions")?;
    let items: Vec<Value> = (0..c.instrs.len() as u32)
        .map(|pc| match c.position_at(pc) {
            Some((l, el, col, ecol)) => {
                Value::tuple(vec![Value::Int(l as i64), Value::Int(el as i64), Value::Int(col as i64), Value::Int(ecol as i64)])
            }
            None => Value::tuple(vec![Value::Int(c.line_at(pc) as i64), Value::Int(c.line_at(pc) as i64), Value::None, Value::None]),
        })
        .collect();
    vm.get_iter(&Value::list(items))
}

/// `code.co_lines()`: an iterator of (start, end, line) over the runs of
/// instructions of one line, offsets counted as in `co_positions`.
fn code_lines(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let c = this_code(vm, &args, "co_lines")?;
    let mut items = Vec::new();
    let n = c.instrs.len() as u32;
    let mut start = 0;
    for pc in 1..=n {
        if pc == n || c.line_at(pc) != c.line_at(start) {
            items.push(Value::tuple(vec![Value::Int(2 * start as i64), Value::Int(2 * pc as i64), Value::Int(c.line_at(start) as i64)]));
            start = pc;
        }
    }
    vm.get_iter(&Value::list(items))
}
