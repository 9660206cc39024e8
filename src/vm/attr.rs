//! Attribute access (`getattr`, `setattr`, `delattr`) with Python's
//! descriptor rules, method binding, and class creation.

use std::cell::{Cell, RefCell};

use super::types::{compute_mro, fresh_class_version, is_subclass};
use super::{Args, ExcKind, PyErr, PyResult, Vm};
use crate::objects::*;

/// What `LoadMethod` found.
pub enum MethodLookup {
    /// A function to call with the object prepended.
    Unbound(Value),
    /// An ordinary attribute (already bound if needed).
    Attr(Value),
    /// A function to call with this value prepended (`super().m`: the
    /// method found past the `super` object's class, with its `self`,
    /// without making a bound method).
    With(Value, Value),
}

/// Attributes an exception instance keeps outside its `__dict__`
/// (`ExcData`): `generic_setattr` handles them.
pub fn exc_data_attr(name: &str) -> bool {
    matches!(name, "args" | "__cause__" | "__context__" | "__suppress_context__" | "__traceback__")
}

impl Vm {
    pub fn attribute_error(&self, obj: &Value, name: &str) -> PyErr {
        let mut e = match obj {
            Value::Class(c) => PyErr::attribute_error(format!("type object '{}' has no attribute '{}'", c.name(), name)),
            Value::Module(m) => PyErr::attribute_error(format!("module '{}' has no attribute '{}'", m.name, name)),
            _ => PyErr::attribute_error(format!("'{}' object has no attribute '{}'", self.type_name(obj), name)),
        };
        // `e.name`, `e.obj`, and what the traceback's "Did you mean"
        // suggestion is computed from (CPython 3.10+).
        e.0.extra = Some(Box::new(super::error::ErrExtra { name: name.to_string(), obj: obj.clone(), code: None, globals: None }));
        e
    }

    /// `getattr(obj, name)`.
    pub fn get_attr(&mut self, obj: &Value, name: &str) -> PyResult<Value> {
        match obj {
            Value::Instance(inst) => self.instance_getattr(obj, inst, name),
            Value::Class(c) => self.class_getattr(c, name),
            Value::Module(m) => {
                let hash = crate::objects::str::hash_str(name);
                if let Some(i) = m.dict.find_str(name, hash) {
                    return Ok(m.dict.value_at(i));
                }
                if name == "__dict__" {
                    return Ok(Value::Dict(m.dict.clone()));
                }
                if let Some(ga) = m.dict.get_str("__getattr__") {
                    return self.call_function(&ga, &[Value::str(name)]);
                }
                Err(self.attribute_error(obj, name))
            }
            _ => self.builtin_getattr(obj, name),
        }
    }

    /// `getattr(obj, name, None)`-like: `None` when the attribute is missing.
    pub fn get_attr_opt(&mut self, obj: &Value, name: &str) -> PyResult<Option<Value>> {
        match self.get_attr(obj, name) {
            Ok(v) => Ok(Some(v)),
            Err(e) if self.err_is(&e, ExcKind::AttributeError) => Ok(None),
            Err(e) => Err(e),
        }
    }

    /// Binds a class attribute found on `type(obj)` to `obj`.
    pub fn bind(&mut self, attr: Value, obj: &Value, cls: &PyRef<ClassObj>) -> PyResult<Value> {
        match &attr {
            Value::Function(_) => Ok(Value::Method(PyRef::new_tracked(MethodObj { func: attr, this: obj.clone() }))),
            Value::Builtin(b) if b.this.is_undef() && !b.function => Ok(Value::Builtin(PyRef::new_tracked(BuiltinObj {
                name: b.name,
                func: b.func,
                this: obj.clone(),
                owner: b.owner,
                doc: b.doc,
                function: false,
            }))),
            Value::Native(n) => match &n.data {
                NativeData::ClassMethod(f) => self.bind_classmethod(f, Value::Class(cls.clone())),
                NativeData::StaticMethod(f) => Ok(f.clone()),
                NativeData::Property { fget, .. } => {
                    if fget.is_none() {
                        return Err(self.property_missing(&attr, "getter", obj));
                    }
                    let f = fget.clone();
                    self.call_function(&f, std::slice::from_ref(obj))
                }
                NativeData::SlotMember { name, index } => self.slot_get(obj, name, *index),
                _ => Ok(attr.clone()),
            },
            Value::Instance(_) => {
                if let Some(get) = self.lookup_special(&attr, "__get__") {
                    return self.call_function(&get, &[attr.clone(), obj.clone(), Value::Class(cls.clone())]);
                }
                Ok(attr.clone())
            }
            _ => Ok(attr.clone()),
        }
    }

    /// `classmethod(f).__get__(obj, owner)`: `f` bound to the class, or,
    /// when `f` is itself a descriptor other than a function (a property:
    /// `@classmethod @property`), `f.__get__(owner, owner)` (CPython 3.9-3.12).
    pub fn bind_classmethod(&mut self, f: &Value, owner: Value) -> PyResult<Value> {
        match f {
            Value::Native(n) => {
                if let NativeData::Property { fget, .. } = &n.data {
                    if fget.is_none() {
                        return Err(self.property_missing(f, "getter", &owner));
                    }
                    let g = fget.clone();
                    return self.call_function(&g, &[owner]);
                }
            }
            Value::Instance(_) => {
                if let Some(get) = self.lookup_special(f, "__get__") {
                    return self.call_function(&get, &[f.clone(), owner.clone(), owner]);
                }
            }
            _ => {}
        }
        Ok(Value::Method(PyRef::new_tracked(MethodObj { func: f.clone(), this: owner })))
    }

    fn slot_get(&mut self, obj: &Value, name: &str, index: usize) -> PyResult<Value> {
        if let Value::Instance(inst) = obj {
            let v = inst.slots.borrow().get(index).cloned().unwrap_or(Value::Undef);
            if !v.is_undef() {
                return Ok(v);
            }
        }
        Err(PyErr::attribute_error(format!("'{}' object has no attribute '{}'", self.type_name(obj), name)))
    }

    /// Whether a class attribute is a data descriptor (takes precedence
    /// over the instance dict).
    pub(crate) fn is_data_descriptor(&self, attr: &Value) -> bool {
        match attr {
            Value::Native(n) => matches!(n.data, NativeData::Property { .. } | NativeData::SlotMember { .. }),
            Value::Instance(i) => {
                let c = i.class();
                c.lookup("__set__").is_some() || c.lookup("__delete__").is_some()
            }
            _ => false,
        }
    }

    fn instance_getattr(&mut self, obj: &Value, inst: &InstanceObj, name: &str) -> PyResult<Value> {
        let cls = inst.class();
        if cls.flags.get() & class_flags::HAS_GETATTRIBUTE != 0 {
            if let Some(ga) = cls.lookup("__getattribute__") {
                if !matches!(ga, Value::Builtin(_)) {
                    let r = self.call_function(&ga, &[obj.clone(), Value::str(name)]);
                    return match r {
                        Err(e) if self.err_is(&e, ExcKind::AttributeError) => self.getattr_hook(obj, &cls, name, e),
                        other => other,
                    };
                }
            }
        }
        match self.generic_getattr(obj, inst, &cls, name) {
            Ok(Some(v)) => Ok(v),
            Ok(None) => {
                let e = self.attribute_error(obj, name);
                self.getattr_hook(obj, &cls, name, e)
            }
            // An AttributeError from a descriptor (a property's getter)
            // falls back to `__getattr__` too, as CPython's
            // `slot_tp_getattr_hook`.
            Err(e) if cls.flags.get() & class_flags::HAS_GETATTR != 0 && self.err_is(&e, ExcKind::AttributeError) => {
                self.getattr_hook(obj, &cls, name, e)
            }
            Err(e) => Err(e),
        }
    }

    fn getattr_hook(&mut self, obj: &Value, cls: &PyRef<ClassObj>, name: &str, e: PyErr) -> PyResult<Value> {
        if cls.flags.get() & class_flags::HAS_GETATTR != 0 {
            if let Some(ga) = cls.lookup("__getattr__") {
                return self.call_function(&ga, &[obj.clone(), Value::str(name)]);
            }
        }
        Err(e)
    }

    /// `object.__getattribute__`: `None` when the attribute does not exist.
    pub fn generic_getattr(&mut self, obj: &Value, inst: &InstanceObj, cls: &PyRef<ClassObj>, name: &str) -> PyResult<Option<Value>> {
        let attr = cls.lookup(name);
        if let Some(a) = &attr {
            // A data descriptor wins over the instance dict, unless it has
            // no `__get__` (then the dict, else the descriptor itself).
            let has_get = !matches!(a, Value::Instance(_)) || self.lookup_special(a, "__get__").is_some();
            if has_get && self.is_data_descriptor(a) {
                return self.bind_descriptor(a.clone(), obj, cls).map(Some);
            }
        }
        if let Some(d) = &inst.dict {
            let hash = crate::objects::str::hash_str(name);
            if let Some(i) = d.find_str(name, hash) {
                return Ok(Some(d.value_at(i)));
            }
        }
        if let Some(a) = attr {
            return self.bind(a, obj, cls).map(Some);
        }
        // Attributes every instance has.
        match name {
            "__class__" => return Ok(Some(Value::Class(cls.clone()))),
            "__weakref__" if cls.flags.get() & class_flags::WEAKREF != 0 => {
                return Ok(Some(crate::modules::weakref::first_ref(obj)));
            }
            "__dict__" => {
                if let Some(d) = &inst.dict {
                    // Held elsewhere from now on: the collector must see it.
                    d.track();
                    return Ok(Some(Value::Dict(d.clone())));
                }
            }
            _ => {}
        }
        if let Some(e) = &inst.exc {
            match name {
                "args" => return Ok(Some(e.args.get())),
                "__traceback__" => {
                    let tb = e.traceback.borrow();
                    return Ok(Some(if tb.is_empty() { Value::None } else { super::exceptions::traceback_value(self, &tb) }));
                }
                "__cause__" => return Ok(Some(none_if_undef(e.cause.get()))),
                "__context__" => return Ok(Some(none_if_undef(e.context.get()))),
                "__suppress_context__" => return Ok(Some(Value::Bool(e.suppress_context.get()))),
                _ => {}
            }
            if let Some(v) = super::exceptions::exc_special_attr(self, obj, name)? {
                return Ok(Some(v));
            }
        }
        // Attributes of the wrapped builtin value (`int` subclasses' `.real`, ...).
        let bv = inst.base_value.get();
        if !bv.is_undef() {
            if let Some(v) = self.builtin_data_attr(&bv, name)? {
                return Ok(Some(v));
            }
        }
        Ok(None)
    }

    fn bind_descriptor(&mut self, a: Value, obj: &Value, cls: &PyRef<ClassObj>) -> PyResult<Value> {
        match &a {
            Value::Instance(_) => {
                if let Some(get) = self.lookup_special(&a, "__get__") {
                    return self.call_function(&get, &[a.clone(), obj.clone(), Value::Class(cls.clone())]);
                }
                Ok(a)
            }
            _ => self.bind(a, obj, cls),
        }
    }

    fn class_getattr(&mut self, c: &PyRef<ClassObj>, name: &str) -> PyResult<Value> {
        let meta = self.class_of(&Value::Class(c.clone()));
        let meta_attr = if PyRef::ptr_eq(&meta, &self.types.type_) { None } else { meta.lookup(name) };
        if let Some(ma) = &meta_attr {
            if self.is_data_descriptor(ma) {
                return self.bind_descriptor(ma.clone(), &Value::Class(c.clone()), &meta);
            }
        }
        if let Some(a) = c.lookup(name) {
            return match &a {
                Value::Native(n) => match &n.data {
                    NativeData::ClassMethod(f) => self.bind_classmethod(f, Value::Class(c.clone())),
                    NativeData::StaticMethod(f) => Ok(f.clone()),
                    _ => Ok(a.clone()),
                },
                Value::Instance(_) => {
                    if let Some(get) = self.lookup_special(&a, "__get__") {
                        return self.call_function(&get, &[a.clone(), Value::None, Value::Class(c.clone())]);
                    }
                    Ok(a)
                }
                _ => Ok(a),
            };
        }
        match name {
            "__name__" => return Ok(Value::str(&c.name())),
            "__qualname__" => return Ok(Value::str(&c.qualname.borrow())),
            "__module__" => return Ok(c.module.get()),
            "__mro__" => return Ok(Value::tuple(c.mro.borrow().iter().map(|k| Value::Class(k.clone())).collect())),
            "__bases__" => {
                return Ok(Value::tuple(c.bases.borrow().iter().map(|k| Value::Class(k.clone())).collect()));
            }
            "__base__" => {
                return Ok(c.bases.borrow().first().map(|k| Value::Class(k.clone())).unwrap_or(Value::None));
            }
            "__dict__" => {
                let proxy = NativeData::MappingProxy(Value::Dict(c.dict.clone()));
                return Ok(self.new_native(self.types.mappingproxy.clone(), proxy));
            }
            "__doc__" => return Ok(Value::None),
            "__class__" => return Ok(Value::Class(meta)),
            "__weakref__" if c.flags.get() & class_flags::WEAKREF != 0 => {
                // (CPython's is a getset descriptor in the class dict;
                // here a read-only property made on request, so class
                // dicts stay plain for the attribute caches.)
                let get = self.builtin_fn("__weakref__", crate::modules::weakref::weakref_attr, "object");
                let prop = NativeData::Property {
                    fget: get,
                    fset: Value::None,
                    fdel: Value::None,
                    doc: Value::str("list of weak references to the object"),
                    name: std::cell::RefCell::new(Value::str("__weakref__")),
                };
                return Ok(self.new_native(self.types.property.clone(), prop));
            }
            "__flags__" => {
                // CPython's `tp_flags` bits that Python code tests
                // (`inspect.isabstract`: IS_ABSTRACT; the fast subclass
                // bits), not its exact word.
                let f = c.flags.get();
                let mut t: i64 = 1 << 12 | 1 << 14; // READY, HAVE_GC
                if !c.is_builtin() {
                    t |= 1 << 9; // HEAPTYPE
                }
                if f & class_flags::FINAL == 0 {
                    t |= 1 << 10; // BASETYPE
                }
                if f & class_flags::ABSTRACT != 0 {
                    t |= 1 << 20; // IS_ABSTRACT
                }
                let ty = &self.types;
                for (base, bit) in [
                    (&ty.int, 24),
                    (&ty.list, 25),
                    (&ty.tuple, 26),
                    (&ty.bytes, 27),
                    (&ty.str_, 28),
                    (&ty.dict, 29),
                    (&ty.exc[ExcKind::BaseException as usize], 30),
                    (&ty.type_, 31),
                ] {
                    if super::types::is_subclass(c, base) {
                        t |= 1 << bit;
                    }
                }
                return Ok(Value::Int(t));
            }
            "__text_signature__" => {
                let sig = if c.is_builtin() { crate::builtins::text_signature("", &c.name()) } else { None };
                return Ok(sig.map(Value::str).unwrap_or(Value::None));
            }
            _ => {}
        }
        if let Some(ma) = meta_attr {
            return self.bind(ma, &Value::Class(c.clone()), &meta);
        }
        // Methods of `type` itself (`C.mro()`, `C.__subclasses__()`).
        if let Some(ta) = self.types.type_.lookup(name) {
            return self.bind(ta, &Value::Class(c.clone()), &meta);
        }
        if PyRef::ptr_eq(&meta, &self.types.type_) {
            if let Some(ga) = meta.lookup("__getattr__") {
                return self.call_function(&ga, &[Value::Class(c.clone()), Value::str(name)]);
            }
        }
        Err(self.attribute_error(&Value::Class(c.clone()), name))
    }

    /// Attributes of builtin values that are data, not methods.
    pub fn builtin_data_attr(&mut self, obj: &Value, name: &str) -> PyResult<Option<Value>> {
        if name == "__class__" {
            return Ok(Some(Value::Class(self.class_of(obj))));
        }
        Ok(Some(match (obj, name) {
            (Value::Int(_) | Value::BigInt(_), "real" | "numerator") => obj.clone(),
            (Value::Bool(b), "real" | "numerator") => Value::Int(*b as i64),
            (Value::Int(_) | Value::BigInt(_) | Value::Bool(_), "imag") => Value::Int(0),
            (Value::Int(_) | Value::BigInt(_) | Value::Bool(_), "denominator") => Value::Int(1),
            (Value::Float(f), "real") => Value::Float(*f),
            (Value::Float(_), "imag") => Value::Float(0.0),
            (Value::Complex(c), "real") => Value::Float(c.re),
            (Value::Complex(c), "imag") => Value::Float(c.im),
            (Value::Slice(s), "start") => s.start.clone(),
            (Value::Slice(s), "stop") => s.stop.clone(),
            (Value::Slice(s), "step") => s.step.clone(),
            (Value::Range(r), "start") => r.parts().0,
            (Value::Range(r), "stop") => r.parts().1,
            (Value::Range(r), "step") => r.parts().2,
            (Value::Function(f), _) => return self.function_attr(f, name),
            (Value::Method(m), "__self__") => m.this.clone(),
            (Value::Method(m), "__func__") => m.func.clone(),
            // Anything else the method type lacks is the function's, as in
            // CPython (`unittest.expectedFailure` marks the function).
            (Value::Method(m), _) => {
                let f = m.func.clone();
                return self.get_attr(&f, name).map(Some);
            }
            (Value::Builtin(b), "__name__") => Value::str(b.name),
            (Value::Builtin(b), "__qualname__") => {
                if b.owner.is_empty() || b.owner == "builtins" {
                    Value::str(b.name)
                } else {
                    Value::string(format!("{}.{}", b.owner, b.name))
                }
            }
            (Value::Builtin(b), "__self__") => {
                if b.this.is_undef() {
                    // A module's function: its module; a type's method
                    // taken from the type (`dict.get`, CPython's method
                    // descriptor) has none.
                    match b.owner {
                        "" | "builtins" => self.builtins_module.clone(),
                        m if b.function => self.modules.get_str(m).unwrap_or(Value::None),
                        // A type's `__new__` is bound to the type
                        // (`int.__new__.__self__ is int`, which `copyreg`
                        // relies on).
                        t if b.name == "__new__" => match self.builtins.get_str(t) {
                            Some(c @ Value::Class(_)) => c,
                            _ => return Ok(None),
                        },
                        _ => return Ok(None),
                    }
                } else {
                    b.this.clone()
                }
            }
            (Value::Builtin(b), "__doc__") => {
                let doc = b.doc.or_else(|| match b.owner {
                    "" | "builtins" if b.this.is_undef() => super::types::builtin_function_doc(b.name),
                    _ => None,
                });
                doc.map(Value::str).unwrap_or(Value::None)
            }
            (Value::Builtin(_), "__module__") => Value::str("builtins"),
            (Value::Builtin(b), "__text_signature__") => {
                let owner = if b.owner.is_empty() { "builtins" } else { b.owner };
                crate::builtins::text_signature(owner, b.name).map(Value::str).unwrap_or(Value::None)
            }
            (Value::Code(c), _) => match name {
                "co_name" => Value::str(&c.name),
                "co_qualname" => Value::str(&c.qualname),
                "co_filename" => Value::str(&c.filename),
                "co_firstlineno" => Value::Int(c.firstlineno as i64),
                "co_argcount" => Value::Int(c.argcount as i64),
                "co_posonlyargcount" => Value::Int(c.posonlyargcount as i64),
                "co_kwonlyargcount" => Value::Int(c.kwonlyargcount as i64),
                // CPython's co_varnames: parameters and plain locals; cell
                // variables only when they are parameters, free variables never.
                "co_nlocals" | "co_varnames" => {
                    let params = c.total_params();
                    let names: Vec<Value> = c
                        .varnames
                        .iter()
                        .enumerate()
                        .filter(|(i, n)| {
                            *i < params || !(c.cellvars.iter().any(|(m, _)| m == *n) || c.freevars.iter().any(|(m, _)| m == *n))
                        })
                        .map(|(_, n)| Value::str(n))
                        .collect();
                    if name == "co_nlocals" {
                        Value::Int(names.len() as i64)
                    } else {
                        Value::tuple(names)
                    }
                }
                "co_cellvars" => Value::tuple(c.cellvars.iter().map(|(n, _)| Value::str(n)).collect()),
                "co_freevars" => Value::tuple(c.freevars.iter().map(|(n, _)| Value::str(n)).collect()),
                "co_consts" => Value::tuple(c.consts.to_vec()),
                // Names of globals, attributes and imports (CPython's
                // co_names), not the local and free variable names some
                // instructions carry for their error messages.
                "co_names" => {
                    use crate::bytecode::{Instr, Operand};
                    let mut used = vec![false; c.names.len()];
                    for ins in c.instrs.iter() {
                        if matches!(
                            ins,
                            Instr::LoadDeref { .. }
                                | Instr::LoadClassDeref { .. }
                                | Instr::DeleteDeref { .. }
                                | Instr::CheckBound { .. }
                                | Instr::DeleteLocal { .. }
                        ) {
                            continue;
                        }
                        for (_, op) in ins.operands() {
                            if let Operand::Name(n) = op {
                                if let Some(u) = used.get_mut(n as usize) {
                                    *u = true;
                                }
                            }
                        }
                    }
                    Value::tuple(c.names.iter().zip(used).filter(|(_, u)| *u).map(|(n, _)| Value::Str(n.clone())).collect())
                }
                "co_flags" => {
                    // CPython's flag values, not Spry's internal ones.
                    use crate::bytecode::code_flags as cf;
                    let mut f = 0i64;
                    if c.flags & (cf::NAME_LOOKUP | cf::CLASS_BODY) == 0 && &*c.name != "<module>" {
                        f |= 0x1 | 0x2; // OPTIMIZED | NEWLOCALS
                    }
                    if c.flags & cf::VARARGS != 0 {
                        f |= 0x4;
                    }
                    if c.flags & cf::VARKEYWORDS != 0 {
                        f |= 0x8;
                    }
                    if !c.freevars.is_empty() {
                        f |= 0x10; // NESTED
                    }
                    if c.flags & cf::COROUTINE != 0 {
                        f |= 0x80;
                    } else if c.flags & cf::ASYNC_GENERATOR != 0 {
                        f |= 0x200;
                    } else if c.flags & cf::GENERATOR != 0 {
                        f |= 0x20;
                    }
                    Value::Int(f)
                }
                "co_stacksize" | "co_nregs" => Value::Int(c.nregs as i64),
                _ => return Ok(None),
            },
            (Value::Cell(c), "cell_contents") => {
                let v = c.value.get();
                if v.is_undef() {
                    return Err(PyErr::value_error("Cell is empty"));
                }
                v
            }
            (Value::Generator(g), _) => return super::generator::generator_attr(self, g, name),
            (Value::Native(n), _) => match (&n.data, name) {
                (NativeData::Property { fget, .. }, "fget") => fget.clone(),
                (NativeData::Property { fset, .. }, "fset") => fset.clone(),
                (NativeData::Property { fdel, .. }, "fdel") => fdel.clone(),
                (NativeData::Property { doc, fget, .. }, "__doc__") => {
                    if doc.is_none() && !fget.is_none() {
                        let f = fget.clone();
                        return self.get_attr_opt(&f, "__doc__");
                    }
                    doc.clone()
                }
                (NativeData::ClassMethod(f) | NativeData::StaticMethod(f), "__func__" | "__wrapped__") => f.clone(),
                (NativeData::ClassMethod(f) | NativeData::StaticMethod(f), "__doc__" | "__name__" | "__qualname__") => {
                    let f = f.clone();
                    return self.get_attr_opt(&f, name);
                }
                (NativeData::Super { obj, .. }, "__self__") => obj.clone(),
                (NativeData::Super { cls, .. }, "__thisclass__") => Value::Class(cls.clone()),
                _ => return Ok(None),
            },
            (_, "__doc__") => Value::None,
            _ => return Ok(None),
        }))
    }

    fn function_attr(&mut self, f: &PyRef<FunctionObj>, name: &str) -> PyResult<Option<Value>> {
        Ok(Some(match name {
            "__name__" => f.name.get(),
            "__qualname__" => f.qualname.get(),
            "__doc__" => f.doc.get(),
            "__module__" => f.module.get(),
            "__defaults__" => f.defaults.get(),
            "__kwdefaults__" => f.kwdefaults.get(),
            "__code__" => Value::Code(f.code.clone()),
            "__globals__" => Value::Dict(f.globals.clone()),
            "__closure__" => {
                if f.closure.is_empty() {
                    Value::None
                } else {
                    Value::tuple(f.closure.iter().map(|c| Value::Cell(c.clone())).collect())
                }
            }
            "__dict__" => self.function_dict(f),
            "__annotations__" => {
                let a = f.annotations.get();
                if matches!(a, Value::Dict(_)) {
                    a
                } else {
                    let d = Value::Dict(DictObj::new());
                    f.annotations.set(d.clone());
                    d
                }
            }
            "__builtins__" => self.builtins_module.clone(),
            _ => {
                if let Value::Dict(d) = f.dict.get() {
                    if let Some(v) = d.get_str(name) {
                        return Ok(Some(v));
                    }
                }
                return Ok(None);
            }
        }))
    }

    pub fn function_dict(&self, f: &FunctionObj) -> Value {
        let d = f.dict.get();
        if matches!(d, Value::Dict(_)) {
            return d;
        }
        let d = Value::Dict(DictObj::new());
        f.dict.set(d.clone());
        d
    }

    fn builtin_getattr(&mut self, obj: &Value, name: &str) -> PyResult<Value> {
        if let Value::Native(n) = obj {
            if let NativeData::Super { cls: start, obj: this } = &n.data {
                if name != "__class__" {
                    if let Some(v) = self.super_getattr(start, this, name)? {
                        return Ok(v);
                    }
                }
            }
        }
        let cls = self.class_of(obj);
        if let Some(a) = cls.lookup(name) {
            return self.bind(a, obj, &cls);
        }
        if let Some(v) = self.builtin_data_attr(obj, name)? {
            return Ok(v);
        }
        if let Value::Native(n) = obj {
            if let NativeData::Super { .. } = &n.data {
                return Err(PyErr::attribute_error(format!("'super' object has no attribute '{}'", name)));
            }
        }
        Err(self.attribute_error(obj, name))
    }

    /// `super(start, this).name`: looks past `start` in `type(this)`'s MRO
    /// (None when no class there has the attribute).
    fn super_getattr(&mut self, start: &PyRef<ClassObj>, this: &Value, name: &str) -> PyResult<Option<Value>> {
        let (mro_owner, is_class) = match this {
            Value::Class(c) if is_subclass(c, start) => (c.clone(), true),
            _ => (self.class_of(this), false),
        };
        // The first class past `start` with the attribute (no code runs
        // during the search: the MRO is only borrowed).
        let found = {
            let mro = mro_owner.mro.borrow();
            let pos = mro.iter().position(|c| PyRef::ptr_eq(c, start)).map(|p| p + 1).unwrap_or(mro.len());
            let hash = crate::objects::str::hash_str(name);
            mro[pos..].iter().find_map(|c| c.dict.find_str(name, hash).map(|i| c.dict.value_at(i)))
        };
        let Some(a) = found else { return Ok(None) };
        if is_class {
            return Ok(Some(match &a {
                Value::Native(n) => match &n.data {
                    NativeData::ClassMethod(f) => {
                        let f = f.clone();
                        self.bind_classmethod(&f, this.clone())?
                    }
                    NativeData::StaticMethod(f) => f.clone(),
                    _ => a.clone(),
                },
                Value::Instance(_) => {
                    if let Some(get) = self.lookup_special(&a, "__get__") {
                        self.call_function(&get, &[a.clone(), Value::None, this.clone()])?
                    } else {
                        a
                    }
                }
                _ => a,
            }));
        }
        if let Value::Builtin(b) = &a {
            // `object.__new__` and friends are static.
            if b.name == "__new__" {
                return Ok(Some(a.clone()));
            }
        }
        self.bind_descriptor(a, this, &mro_owner).map(Some)
    }

    /// `super().name` for a method call, when `this` is not a class and
    /// the first class past `start` in its class's MRO with the attribute
    /// holds a plain function or an unbound builtin method: that
    /// function, to call with `this` prepended (what calling the bound
    /// method `super_getattr` makes would do). None otherwise.
    fn super_method(&self, start: &PyRef<ClassObj>, this: &Value, name: &str) -> Option<Value> {
        if name == "__class__" || matches!(this, Value::Class(_)) {
            return None;
        }
        let owner = self.class_of(this);
        let mro = owner.mro.borrow();
        let pos = mro.iter().position(|c| PyRef::ptr_eq(c, start))? + 1;
        let hash = crate::objects::str::hash_str(name);
        let a = mro[pos..].iter().find_map(|c| c.dict.find_str(name, hash).map(|i| c.dict.value_at(i)))?;
        match &a {
            Value::Function(_) => Some(a),
            Value::Builtin(b) if b.this.is_undef() && !b.function && b.name != "__new__" => Some(a),
            _ => None,
        }
    }

    /// The attribute for `LoadMethod`.
    pub fn load_method(&mut self, obj: &Value, name: &str) -> PyResult<MethodLookup> {
        match obj {
            Value::Instance(inst) => {
                let cls = inst.class();
                if cls.flags.get() & class_flags::HAS_GETATTRIBUTE == 0 {
                    if let Some(a) = cls.lookup(name) {
                        if matches!(a, Value::Function(_)) {
                            let shadowed = inst.dict.as_ref().is_some_and(|d| d.get_str(name).is_some());
                            if !shadowed {
                                return Ok(MethodLookup::Unbound(a));
                            }
                        }
                    }
                }
                Ok(MethodLookup::Attr(self.get_attr(obj, name)?))
            }
            Value::Class(_) | Value::Module(_) => Ok(MethodLookup::Attr(self.get_attr(obj, name)?)),
            Value::Native(n) if matches!(n.data, NativeData::Super { .. }) => {
                if let NativeData::Super { cls: start, obj: this } = &n.data {
                    if let Some(f) = self.super_method(start, this, name) {
                        return Ok(MethodLookup::With(f, this.clone()));
                    }
                }
                Ok(MethodLookup::Attr(self.get_attr(obj, name)?))
            }
            _ => {
                let cls = self.class_of(obj);
                if let Some(a) = cls.lookup(name) {
                    if let Value::Builtin(b) = &a {
                        if b.this.is_undef() && !b.function {
                            return Ok(MethodLookup::Unbound(a));
                        }
                    }
                    return Ok(MethodLookup::Attr(self.bind(a, obj, &cls)?));
                }
                Ok(MethodLookup::Attr(self.get_attr(obj, name)?))
            }
        }
    }

    /// `setattr(obj, name, value)`.
    /// The metaclass's user-defined `name` hook (`__setattr__`/`__delattr__`)
    /// for attribute stores on the class `c`, if it has one.
    fn metaclass_hook(&self, c: &PyRef<ClassObj>, flag: u32, name: &str) -> Option<Value> {
        let Value::Class(meta) = c.metaclass.get() else { return None };
        if meta.flags.get() & flag == 0 {
            return None;
        }
        meta.lookup(name).filter(|v| !matches!(v, Value::Builtin(_)))
    }

    /// `type.__setattr__(c, name, value)`: a store into a class's dict.
    pub fn class_setattr(&mut self, c: &PyRef<ClassObj>, name: &str, value: Value) -> PyResult<()> {
        if c.is_builtin() {
            return Err(PyErr::type_error(format!("cannot set '{}' attribute of immutable type '{}'", name, Vm::class_tp_name(c))));
        }
        match name {
            "__name__" => {
                if let Value::Str(s) = &value {
                    *c.name.borrow_mut() = s.as_str().to_string();
                    return Ok(());
                }
                return Err(PyErr::type_error(format!(
                    "can only assign string to {}.__name__, not '{}'",
                    c.name(),
                    self.type_name(&value)
                )));
            }
            "__qualname__" => {
                if let Value::Str(s) = &value {
                    *c.qualname.borrow_mut() = s.as_str().to_string();
                    return Ok(());
                }
            }
            "__module__" => {
                c.module.set(value.clone());
                super::types::update_c_type_flag(c);
            }
            _ => {}
        }
        c.dict.set_str(name, value);
        c.touch();
        update_class_flags(c);
        Ok(())
    }

    pub fn set_attr(&mut self, obj: &Value, name: &str, value: Value) -> PyResult<()> {
        match obj {
            Value::Instance(inst) => {
                let cls = inst.class();
                if cls.flags.get() & class_flags::HAS_SETATTR != 0 {
                    if let Some(sa) = cls.lookup("__setattr__") {
                        if !matches!(sa, Value::Builtin(_)) {
                            self.call_function(&sa, &[obj.clone(), Value::str(name), value])?;
                            return Ok(());
                        }
                    }
                }
                self.generic_setattr(obj, inst, &cls, name, value)
            }
            Value::Class(c) => {
                // A metaclass's own __setattr__ (as EnumType's) runs first.
                if let Some(sa) = self.metaclass_hook(c, class_flags::HAS_SETATTR, "__setattr__") {
                    self.call_function(&sa, &[obj.clone(), Value::str(name), value])?;
                    return Ok(());
                }
                self.class_setattr(c, name, value)
            }
            Value::Module(m) => {
                m.dict.set_str(name, value);
                Ok(())
            }
            Value::Function(f) => {
                let must_be = |what: &str| Err(PyErr::type_error(format!("{} must be set to a {} object", name, what)));
                match name {
                    "__name__" | "__qualname__" if !matches!(value, Value::Str(_)) => return must_be("string"),
                    "__defaults__" if !matches!(value, Value::Tuple(_) | Value::None) => return must_be("tuple"),
                    "__kwdefaults__" | "__annotations__" if !matches!(value, Value::Dict(_) | Value::None) => return must_be("dict"),
                    "__dict__" if !matches!(value, Value::Dict(_)) => {
                        return Err(PyErr::type_error(format!("__dict__ must be set to a dictionary, not a '{}'", self.type_name(&value))))
                    }
                    "__name__" => f.name.set(value),
                    "__qualname__" => f.qualname.set(value),
                    "__doc__" => f.doc.set(value),
                    "__module__" => f.module.set(value),
                    "__defaults__" => f.defaults.set(value),
                    "__kwdefaults__" => f.kwdefaults.set(value),
                    "__annotations__" => f.annotations.set(if value.is_none() { Value::Undef } else { value }),
                    "__dict__" => f.dict.set(value),
                    _ => {
                        if let Value::Dict(d) = self.function_dict(f) {
                            d.set_str(name, value);
                        }
                    }
                }
                Ok(())
            }
            Value::Native(n) => {
                if let NativeData::Other(_) = &n.data {
                    // A property of the type (a file's `name`).
                    if let Some(a) = n.class.lookup(name) {
                        if let Value::Native(p) = &a {
                            if let NativeData::Property { fset, .. } = &p.data {
                                if fset.is_none() {
                                    return Err(self.property_missing(&a, "setter", obj));
                                }
                                let f = fset.clone();
                                self.call_function(&f, &[obj.clone(), value])?;
                                return Ok(());
                            }
                        }
                    }
                    // A `__setattr__` written in Python (`object`'s would
                    // come back here).
                    if let Some(sa) = n.class.lookup("__setattr__").filter(|sa| !matches!(sa, Value::Builtin(_))) {
                        self.call_function(&sa, &[obj.clone(), Value::str(name), value])?;
                        return Ok(());
                    }
                }
                Err(self.readonly_error(obj, name))
            }
            _ => Err(self.readonly_error(obj, name)),
        }
    }

    fn readonly_error(&mut self, obj: &Value, name: &str) -> PyErr {
        let cls = self.class_of(obj);
        if !matches!(obj, Value::Function(_) | Value::Method(_)) && matches!(self.builtin_data_attr(obj, name), Ok(Some(_))) {
            // A data attribute of a builtin type (CPython's getset descriptors).
            PyErr::attribute_error(format!("attribute '{}' of '{}' objects is not writable", name, cls.name()))
        } else if cls.lookup(name).is_some() {
            PyErr::attribute_error(format!("'{}' object attribute '{}' is read-only", cls.name(), name))
        } else {
            PyErr::attribute_error(format!("'{}' object has no attribute '{}'", cls.name(), name))
        }
    }

    /// `object.__setattr__`.
    pub fn generic_setattr(&mut self, obj: &Value, inst: &InstanceObj, cls: &PyRef<ClassObj>, name: &str, value: Value) -> PyResult<()> {
        if name == "__weakref__" && cls.flags.get() & class_flags::WEAKREF != 0 && cls.lookup(name).is_none() {
            return Err(PyErr::attribute_error(format!("attribute '__weakref__' of '{}' objects is not writable", cls.name())));
        }
        if let Some(a) = cls.lookup(name) {
            match &a {
                Value::Native(n) => match &n.data {
                    NativeData::Property { fset, .. } => {
                        if fset.is_none() {
                            return Err(self.property_missing(&a, "setter", obj));
                        }
                        let f = fset.clone();
                        self.call_function(&f, &[obj.clone(), value])?;
                        return Ok(());
                    }
                    NativeData::SlotMember { index, .. } => {
                        let mut slots = inst.slots.borrow_mut();
                        if *index < slots.len() {
                            let old = std::mem::replace(&mut slots[*index], value);
                            drop(slots);
                            drop(old);
                        }
                        return Ok(());
                    }
                    _ => {}
                },
                Value::Instance(_) => {
                    if let Some(set) = self.lookup_special(&a, "__set__") {
                        self.call_function(&set, &[a.clone(), obj.clone(), value])?;
                        return Ok(());
                    }
                }
                _ => {}
            }
        }
        if name == "__class__" {
            if let Value::Class(c) = &value {
                // The new class must lay instances out the same way (the
                // same `__slots__`, or none on both).
                if *c.slots.borrow() != *cls.slots.borrow() {
                    return Err(PyErr::type_error(format!(
                        "__class__ assignment: '{}' object layout differs from '{}'",
                        c.name(),
                        cls.name()
                    )));
                }
                inst.class.set(Value::Class(c.clone()));
                return Ok(());
            }
            return Err(PyErr::type_error(format!("__class__ must be set to a class, not '{}' object", self.type_name(&value))));
        }
        if let Some(e) = &inst.exc {
            match name {
                "args" => {
                    let t = match &value {
                        Value::Tuple(_) => value,
                        other => Value::tuple(self.collect_iterable(other)?),
                    };
                    e.args.set(t);
                    return Ok(());
                }
                "__cause__" | "__context__" => {
                    let base = self.types.exc[ExcKind::BaseException as usize].clone();
                    if !value.is_none() && !self.is_instance(&value, &base) {
                        return Err(PyErr::type_error(format!(
                            "exception {} must be None or derive from BaseException",
                            &name[2..name.len() - 2]
                        )));
                    }
                    if name == "__cause__" {
                        e.cause.set(value);
                        e.suppress_context.set(true);
                    } else {
                        e.context.set(value);
                    }
                    return Ok(());
                }
                "__suppress_context__" => {
                    let b = self.truthy(&value)?;
                    e.suppress_context.set(b);
                    return Ok(());
                }
                "__traceback__" => {
                    let entries = super::exceptions::traceback_entries(self, &value)?;
                    *e.traceback.borrow_mut() = entries;
                    return Ok(());
                }
                _ => {}
            }
        }
        match &inst.dict {
            Some(d) => {
                if name == "__dict__" {
                    if let Value::Dict(nd) = &value {
                        d.clear();
                        for (h, k, v) in nd.hashed_items() {
                            d.insert_new(k, h, v);
                        }
                        return Ok(());
                    }
                }
                d.set_str(name, value);
                Ok(())
            }
            // (A class attribute without a dict to shadow it: a method of
            // a class with `__slots__`.)
            None if cls.lookup(name).is_some() => {
                Err(PyErr::attribute_error(format!("'{}' object attribute '{}' is read-only", cls.name(), name)))
            }
            None => Err(PyErr::attribute_error(format!("'{}' object has no attribute '{}'", cls.name(), name))),
        }
    }

    /// `delattr(obj, name)`.
    /// `type.__delattr__(c, name)`.
    pub fn class_delattr(&mut self, c: &PyRef<ClassObj>, name: &str) -> PyResult<()> {
        if c.is_builtin() {
            return Err(PyErr::type_error(format!("cannot set '{}' attribute of immutable type '{}'", name, Vm::class_tp_name(c))));
        }
        let hash = crate::objects::str::hash_str(name);
        match c.dict.find_str(name, hash) {
            Some(i) => {
                c.dict.remove_at(i);
                c.touch();
                update_class_flags(c);
                Ok(())
            }
            None => Err(self.attribute_error(&Value::Class(c.clone()), name)),
        }
    }

    pub fn del_attr(&mut self, obj: &Value, name: &str) -> PyResult<()> {
        match obj {
            Value::Instance(inst) => {
                let cls = inst.class();
                if cls.flags.get() & class_flags::HAS_DELATTR != 0 {
                    if let Some(da) = cls.lookup("__delattr__") {
                        if !matches!(da, Value::Builtin(_)) {
                            self.call_function(&da, &[obj.clone(), Value::str(name)])?;
                            return Ok(());
                        }
                    }
                }
                if let Some(a) = cls.lookup(name) {
                    if let Value::Native(n) = &a {
                        match &n.data {
                            NativeData::Property { fdel, .. } => {
                                if fdel.is_none() {
                                    return Err(self.property_missing(&a, "deleter", obj));
                                }
                                let f = fdel.clone();
                                self.call_function(&f, std::slice::from_ref(obj))?;
                                return Ok(());
                            }
                            NativeData::SlotMember { index, .. } => {
                                let old = {
                                    let mut slots = inst.slots.borrow_mut();
                                    std::mem::take(&mut slots[*index])
                                };
                                if old.is_undef() {
                                    return Err(PyErr::attribute_error(name.to_string()));
                                }
                                return Ok(());
                            }
                            _ => {}
                        }
                    }
                    if let Value::Instance(_) = &a {
                        if let Some(del) = self.lookup_special(&a, "__delete__") {
                            self.call_function(&del, &[a.clone(), obj.clone()])?;
                            return Ok(());
                        }
                    }
                }
                if let Some(d) = &inst.dict {
                    let hash = crate::objects::str::hash_str(name);
                    if let Some(i) = d.find_str(name, hash) {
                        d.remove_at(i);
                        return Ok(());
                    }
                }
                Err(self.attribute_error(obj, name))
            }
            Value::Class(c) => {
                if let Some(da) = self.metaclass_hook(c, class_flags::HAS_DELATTR, "__delattr__") {
                    self.call_function(&da, &[obj.clone(), Value::str(name)])?;
                    return Ok(());
                }
                self.class_delattr(c, name)
            }
            Value::Module(m) => {
                let hash = crate::objects::str::hash_str(name);
                match m.dict.find_str(name, hash) {
                    Some(i) => {
                        m.dict.remove_at(i);
                        Ok(())
                    }
                    None => Err(self.attribute_error(obj, name)),
                }
            }
            Value::Function(f) => {
                if let Value::Dict(d) = f.dict.get() {
                    let hash = crate::objects::str::hash_str(name);
                    if let Some(i) = d.find_str(name, hash) {
                        d.remove_at(i);
                        return Ok(());
                    }
                }
                Err(self.attribute_error(obj, name))
            }
            _ => Err(self.readonly_error(obj, name)),
        }
    }

    // ----- classes -----

    /// CPython's "solid base" of a class: the nearest class in its ancestry
    /// whose instances have a memory layout of their own — a builtin type
    /// (`int`, `list`...; the exceptions with fields of their own:
    /// `OSError`, `SyntaxError`...), or a class with nonempty `__slots__`.
    fn solid_base(&self, cls: &PyRef<ClassObj>) -> PyRef<ClassObj> {
        // Builtin exceptions that share BaseException's layout.
        const OWN_LAYOUT: &[&str] = &[
            "BaseException",
            "BaseExceptionGroup",
            "SyntaxError",
            "ImportError",
            "UnicodeEncodeError",
            "UnicodeDecodeError",
            "UnicodeTranslateError",
            "SystemExit",
            "StopIteration",
            "OSError",
            "AttributeError",
            "NameError",
        ];
        if cls.is_builtin() {
            if cls.layout.get() != Layout::Exception || OWN_LAYOUT.contains(&cls.name().as_str()) {
                return cls.clone();
            }
        } else if declared_slots(cls).is_some_and(|names| names.iter().any(|n| n != "__dict__" && n != "__weakref__")) {
            return cls.clone();
        }
        let bases = cls.bases.borrow().clone();
        let mut best: Option<PyRef<ClassObj>> = None;
        for b in &bases {
            let s = self.solid_base(b);
            if best.as_ref().is_none_or(|w| super::types::is_subclass(&s, w)) {
                best = Some(s);
            }
        }
        best.unwrap_or_else(|| self.types.object.clone())
    }

    /// Refuses bases whose layouts cannot be combined (`class Q(int, str)`)
    /// and nonempty `__slots__` over int, bytes and tuple, as CPython.
    fn check_layouts(&self, bases: &[PyRef<ClassObj>], slots: Option<&[String]>) -> PyResult<()> {
        let mut winner: Option<(PyRef<ClassObj>, &PyRef<ClassObj>)> = None;
        for b in bases {
            let s = self.solid_base(b);
            match &winner {
                Some((w, _)) if super::types::is_subclass(w, &s) => {}
                Some((w, _)) if !super::types::is_subclass(&s, w) => {
                    return Err(PyErr::type_error("multiple bases have instance lay-out conflict"));
                }
                _ => winner = Some((s, b)),
            }
        }
        if let (Some(names), Some((solid, base))) = (slots, &winner) {
            if !names.is_empty() && solid.is_builtin() && matches!(solid.name().as_str(), "int" | "bool" | "bytes" | "tuple") {
                return Err(PyErr::type_error(format!("nonempty __slots__ not supported for subtype of '{}'", base.name())));
            }
        }
        Ok(())
    }

    /// `type(name, bases, ns)` and class statements: creates a class.
    pub fn make_class(
        &mut self,
        meta: &PyRef<ClassObj>,
        name: &str,
        bases: Vec<PyRef<ClassObj>>,
        ns: &PyRef<DictObj>,
    ) -> PyResult<PyRef<ClassObj>> {
        let bases = if bases.is_empty() { vec![self.types.object.clone()] } else { bases };
        for (i, b) in bases.iter().enumerate() {
            if bases[..i].iter().any(|o| PyRef::ptr_eq(o, b)) {
                return Err(PyErr::type_error(format!("duplicate base class {}", b.name())));
            }
        }
        for b in &bases {
            if b.flags.get() & class_flags::FINAL != 0 {
                return Err(PyErr::type_error(format!("type '{}' is not an acceptable base type", b.name())));
            }
        }
        // The layout is the most derived builtin layout among the bases.
        let mut layout = Layout::Object;
        for b in &bases {
            match b.layout.get() {
                Layout::Exception => layout = Layout::Exception,
                Layout::Builtin if layout == Layout::Object => layout = Layout::Builtin,
                _ => {}
            }
        }
        let qualname = match ns.get_str("__qualname__") {
            Some(Value::Str(s)) => s.as_str().to_string(),
            _ => name.to_string(),
        };
        let module = ns.get_str("__module__").unwrap_or(Value::str("builtins"));
        let dict = DictObj::new();
        for (h, k, v) in ns.hashed_items() {
            if let Value::Str(s) = &k {
                if s.as_str() == "__qualname__" || s.as_str() == "__classcell__" {
                    continue;
                }
            }
            dict.insert_new(k, h, v);
        }
        // __slots__
        let mut slots: Option<Vec<String>> = None;
        if let Some(sl) = ns.get_str("__slots__") {
            let names: Vec<Value> = match &sl {
                Value::Str(_) => vec![sl.clone()],
                other => self.collect_iterable(other)?,
            };
            let mut v = Vec::new();
            for n in names {
                match n.as_str() {
                    Some(s) => v.push(s.to_string()),
                    None => return Err(PyErr::type_error("__slots__ items must be strings")),
                }
            }
            slots = Some(v);
        }
        self.check_layouts(&bases, slots.as_deref())?;
        // Wrap plain functions that are implicitly class or static methods.
        for special in ["__init_subclass__", "__class_getitem__"] {
            if let Some(f @ Value::Function(_)) = dict.get_str(special) {
                dict.set_str(special, self.new_native(self.types.classmethod.clone(), NativeData::ClassMethod(f)));
            }
        }
        if let Some(f @ Value::Function(_)) = dict.get_str("__new__") {
            dict.set_str("__new__", self.new_native(self.types.staticmethod.clone(), NativeData::StaticMethod(f)));
        }
        // A class defining __eq__ without __hash__ is unhashable.
        if dict.get_str("__eq__").is_some() && dict.get_str("__hash__").is_none() {
            dict.set_str("__hash__", Value::None);
        }
        let builtin_tag = bases.iter().map(|b| b.builtin_tag.get()).find(|t| *t != 0 && *t != 21).unwrap_or(21);
        let cls = PyRef::new_tracked(ClassObj {
            name: RefCell::new(name.to_string()),
            qualname: RefCell::new(qualname),
            module: ValueCell::new(module),
            bases: RefCell::new(bases.clone()),
            mro: RefCell::new(Vec::new()),
            dict,
            version: Cell::new(fresh_class_version()),
            layout: Cell::new(layout),
            flags: Cell::new(0),
            metaclass: ValueCell::new(Value::Class(meta.clone())),
            subclasses: RefCell::new(Vec::new()),
            slots: RefCell::new(None),
            builtin_tag: Cell::new(if layout == Layout::Builtin { builtin_tag } else { 21 }),
            ctor: Cell::new(None),
            init_cache: Cell::new((0, 0)),
            attr_hint: Cell::new(0),
        });
        super::types::update_c_type_flag(&cls);
        let mro = compute_mro(&cls, &bases)?;
        *cls.mro.borrow_mut() = mro;
        for b in &bases {
            b.subclasses.borrow_mut().push(cls.as_ptr());
        }
        let var_size = cls
            .mro
            .borrow()
            .iter()
            .any(|c| PyRef::ptr_eq(c, &self.types.int) || PyRef::ptr_eq(c, &self.types.tuple) || PyRef::ptr_eq(c, &self.types.bytes));
        let weak = !var_size
            && (slots.as_ref().is_none_or(|names| names.iter().any(|n| n == "__weakref__"))
                || bases.iter().any(|b| b.flags.get() & class_flags::WEAKREF != 0));
        if weak {
            cls.flags.set(cls.flags.get() | class_flags::WEAKREF);
        }
        // Slots: member descriptors, and no __dict__ unless a base has one.
        if let Some(names) = slots {
            let inherited = bases.iter().map(|b| b.slots.borrow().as_ref().map_or(0, |s| s.len())).sum::<usize>();
            let mut all: Vec<String> = Vec::new();
            for b in &bases {
                if let Some(s) = b.slots.borrow().as_ref() {
                    all.extend(s.iter().cloned());
                }
            }
            let mut has_dict = false;
            for (i, n) in names.iter().enumerate() {
                if n == "__dict__" {
                    has_dict = true;
                    continue;
                }
                if n == "__weakref__" {
                    continue;
                }
                // A name listed twice (`__slots__ = a.__slots__ + b.__slots__`)
                // gets one slot; only the class namespace can conflict.
                if names[..i].contains(n) {
                    continue;
                }
                if cls.dict.get_str(n).is_some() {
                    return Err(PyErr::value_error(format!("'{}' in __slots__ conflicts with class variable", n)));
                }
                let _ = inherited;
                let member =
                    self.new_native(self.types.member_descriptor.clone(), NativeData::SlotMember { name: n.clone(), index: all.len() });
                cls.dict.set_str(n, member);
                all.push(n.clone());
            }
            *cls.slots.borrow_mut() = Some(all);
            let base_has_dict = bases.iter().any(|b| b.flags.get() & class_flags::NO_DICT == 0 && !b.is_builtin())
                || bases.iter().any(|b| b.layout.get() == Layout::Exception);
            if !has_dict && !base_has_dict {
                cls.flags.set(cls.flags.get() | class_flags::NO_DICT);
            }
        } else if bases.iter().any(|b| b.slots.borrow().is_some()) {
            let mut all: Vec<String> = Vec::new();
            for b in &bases {
                if let Some(s) = b.slots.borrow().as_ref() {
                    all.extend(s.iter().cloned());
                }
            }
            *cls.slots.borrow_mut() = Some(all);
        }
        if cls.dict.get_str("__doc__").is_none() {
            // Every class has its own `__doc__` (CPython's `type_ready`
            // sets None, after the slots): a class without a docstring
            // does not show its base's.
            cls.dict.set_str("__doc__", Value::None);
        }
        update_class_flags(&cls);
        Ok(cls)
    }

    /// CPython's AttributeError for property `prop` without its `what`
    /// accessor ("getter", "setter", "deleter") used on `obj`: the
    /// property's name is in it once `__set_name__` gave it one.
    pub fn property_missing(&self, prop: &Value, what: &str, obj: &Value) -> PyErr {
        let cls = self.type_name(obj);
        match crate::objects::property_name(prop) {
            Value::Str(s) => PyErr::attribute_error(format!("property '{}' of '{}' object has no {}", s.as_str(), cls, what)),
            _ => PyErr::attribute_error(format!("property of '{}' object has no {}", cls, what)),
        }
    }

    pub fn new_native(&self, class: PyRef<ClassObj>, data: NativeData) -> Value {
        Value::Native(PyRef::new_tracked(NativeObj { class, data }))
    }

    /// A new instance of a user class (before `__init__`).
    pub fn new_instance(&mut self, cls: &PyRef<ClassObj>) -> Value {
        self.new_instance_args(cls, None)
    }

    /// `new_instance`; an exception instance gets `args` (default: `()`)
    /// as its `args`.
    pub fn new_instance_args(&mut self, cls: &PyRef<ClassObj>, args: Option<Value>) -> Value {
        let nslots = cls.slots.borrow().as_ref().map_or(0, |s| s.len());
        let has_dict = cls.flags.get() & class_flags::NO_DICT == 0;
        let exc = if cls.layout.get() == Layout::Exception { Some(Box::<ExcData>::default()) } else { None };
        if has_dict && nslots == 0 && exc.is_none() {
            if let Some(inst) = crate::objects::spare_instance(cls) {
                return Value::Instance(inst);
            }
        }
        if let Some(e) = &exc {
            e.args.set(args.unwrap_or_else(|| Value::tuple(vec![])));
        }
        // The dict is not tracked by the cycle collector while only the
        // instance holds it (the instance's `trace` visits its contents);
        // it is tracked once it is handed out (`__dict__`). It starts with
        // room for as many attributes as the class's instances got so far.
        let dict = if has_dict { Some(PyRef::new(DictObj::with_capacity(cls.attr_hint.get() as usize))) } else { None };
        Value::Instance(PyRef::new_tracked(InstanceObj {
            class: ValueCell::new(Value::Class(cls.clone())),
            dict,
            slots: RefCell::new(if nslots == 0 { Vec::new() } else { vec![Value::Undef; nslots] }),
            base_value: ValueCell::new(Value::Undef),
            exc,
            fin: InstanceObj::new_fin(),
        }))
    }

    /// Whether `e` is an instance of the builtin exception `kind`.
    pub fn err_is(&self, e: &PyErr, kind: ExcKind) -> bool {
        match &e.0.exc {
            super::error::ExcState::Lazy { kind: k, .. } => {
                let c = &self.types.exc[*k as usize];
                is_subclass(c, &self.types.exc[kind as usize])
            }
            super::error::ExcState::Object(v) => {
                let c = self.class_of(v);
                is_subclass(&c, &self.types.exc[kind as usize])
            }
        }
    }

    /// `isinstance(v, cls)` for a single class (no `__instancecheck__`).
    pub fn is_instance(&self, v: &Value, cls: &PyRef<ClassObj>) -> bool {
        let c = self.class_of(v);
        is_subclass(&c, cls)
    }

    /// Calls `obj.name(*args)`.
    pub fn call_method(&mut self, obj: &Value, name: &str, args: &[Value]) -> PyResult<Value> {
        match self.load_method(obj, name)? {
            MethodLookup::Unbound(f) => {
                let mut all = Vec::with_capacity(args.len() + 1);
                all.push(obj.clone());
                all.extend_from_slice(args);
                self.call_function(&f, &all)
            }
            MethodLookup::With(f, this) => {
                let mut all = Vec::with_capacity(args.len() + 1);
                all.push(this);
                all.extend_from_slice(args);
                self.call_function(&f, &all)
            }
            MethodLookup::Attr(f) => self.call_function(&f, args),
        }
    }

    /// The wrapped builtin value of an instance of a builtin subclass, or the value itself.
    pub fn unwrap_builtin<'a>(&self, v: &'a Value) -> std::borrow::Cow<'a, Value> {
        if let Value::Instance(i) = v {
            let b = i.base_value.get();
            if !b.is_undef() {
                return std::borrow::Cow::Owned(b);
            }
        }
        std::borrow::Cow::Borrowed(v)
    }

    /// A builtin call helper: `args` with keywords must be empty.
    pub fn args_no_kw<'a>(&self, args: &Args<'a>, name: &str) -> PyResult<&'a [Value]> {
        args.no_kwargs(name)?;
        Ok(args.pos)
    }
}

fn none_if_undef(v: Value) -> Value {
    if v.is_undef() {
        Value::None
    } else {
        v
    }
}

/// Whether no Python-defined class in `cls`'s MRO holds a value that is,
/// or could become, a data descriptor (see `class_flags::PLAIN_ATTRS`).
/// Instances and native objects other than class/static methods count
/// as such: an instance's class may gain `__set__` later without this
/// class's version changing.
fn plain_attrs(cls: &ClassObj) -> bool {
    let Ok(mro) = cls.mro.try_borrow() else { return false };
    mro.iter().all(|c| {
        c.is_builtin() && c.name() == "object"
            || !c.is_builtin()
                && c.dict.values().iter().all(|v| match v {
                    Value::Instance(_) => false,
                    Value::Native(n) => matches!(n.data, NativeData::ClassMethod(_) | NativeData::StaticMethod(_)),
                    _ => true,
                })
    })
}

/// Recomputes the cached "has special method" flags of a class and its subclasses.
pub fn update_class_flags(cls: &PyRef<ClassObj>) {
    let keep = cls.flags.get()
        & (class_flags::BUILTIN
            | class_flags::NO_DICT
            | class_flags::FINAL
            | class_flags::HAS_SLOTS
            | class_flags::C_TYPE_NAME
            | class_flags::WEAKREF);
    let mut f = keep;
    // (Uncached lookups: native types are made by `make_class` and get
    // their methods after it, without a new version, so the class
    // attribute cache must not remember what is looked up here.)
    let user_def = |name: &str| cls.lookup_uncached(name).is_some_and(|v| !matches!(v, Value::Builtin(_)));
    if user_def("__getattr__") {
        f |= class_flags::HAS_GETATTR;
    }
    if user_def("__getattribute__") {
        f |= class_flags::HAS_GETATTRIBUTE;
    }
    if user_def("__setattr__") {
        f |= class_flags::HAS_SETATTR;
    }
    if user_def("__delattr__") {
        f |= class_flags::HAS_DELATTR;
    }
    // (`__del__ = None`, as `io.BytesIO` has to undo `IOBase.__del__`: no
    // finalizer; `finalize.rs` skips a None one anyway.)
    if user_def("__del__") && !cls.lookup_uncached("__del__").is_some_and(|v| v.is_none()) {
        f |= class_flags::HAS_DEL;
    }
    // `abc.ABCMeta` stores each class's own `__abstractmethods__`.
    let abstract_ = match cls.dict.get_str("__abstractmethods__") {
        Some(Value::FrozenSet(s)) | Some(Value::Set(s)) => !s.is_empty(),
        Some(Value::Tuple(t)) => !t.is_empty(),
        Some(Value::List(l)) => !l.is_empty(),
        _ => false,
    };
    if abstract_ {
        f |= class_flags::ABSTRACT;
    }
    if f & class_flags::HAS_GETATTRIBUTE == 0 && cls.layout.get() == Layout::Object && plain_attrs(cls) {
        f |= class_flags::PLAIN_ATTRS;
    }
    let dicts = |name: &str, func: usize| matches!(cls.lookup_uncached(name), Some(Value::Builtin(b)) if b.func as usize == func);
    if dicts("__getitem__", crate::builtins::types_dict::dict_getitem as *const () as usize)
        && dicts("__setitem__", crate::builtins::types_dict::dict_setitem as *const () as usize)
    {
        f |= class_flags::DICT_ITEMS;
    }
    cls.flags.set(f);
    let subs: Vec<*const rc::ObjBox<ClassObj>> = cls.subclasses.borrow().clone();
    for s in subs {
        // SAFETY: subclass pointers are live (classes unregister on drop).
        let sub = unsafe { PyRef::clone_from_raw(s) };
        update_class_flags(&sub);
    }
}

/// The names a class statement's `__slots__` declared (a string or a
/// tuple or list of strings, as kept in the class dict), or None without
/// `__slots__`.
pub fn declared_slots(cls: &ClassObj) -> Option<Vec<String>> {
    let sl = cls.dict.get_str("__slots__")?;
    Some(match &sl {
        Value::Str(s) => vec![s.as_str().to_string()],
        Value::Tuple(t) => t.as_slice().iter().filter_map(|v| v.as_str().map(str::to_string)).collect(),
        Value::List(l) => l.to_vec().iter().filter_map(|v| v.as_str().map(str::to_string)).collect(),
        _ => Vec::new(),
    })
}
