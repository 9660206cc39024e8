//! `_spry_weakref`: weak references for `lib/_weakref.py`, over the table
//! of `objects/weak.rs` (which the object free path calls).
//!
//! A weak reference is a Python object (`_weakref.ReferenceType`, so that
//! `weakref.KeyedRef` and `WeakMethod` can subclass it as in CPython) that
//! holds a handle made here (`weak::Handle`, dropped with the reference).

use super::new_module;
use crate::objects::weak;
use crate::objects::*;
use crate::vm::{Args, PyErr, PyResult, Vm};

/// Whether `v` can be weakly referenced (CPython: not ints, strs, tuples,
/// lists, dicts, bytes, floats, None).
fn weakrefable(v: &Value) -> bool {
    if let Value::Instance(i) = v {
        return i.class().flags.get() & crate::objects::class_flags::WEAKREF != 0;
    }
    matches!(
        v,
        Value::Set(_)
            | Value::FrozenSet(_)
            | Value::Function(_)
            | Value::Builtin(_)
            | Value::Method(_)
            | Value::Class(_)
            | Value::Module(_)
            | Value::Code(_)
            | Value::Generator(_)
            | Value::Native(_)
    )
}

/// `new(obj, wr, has_callback, basic)`: registers weak reference object
/// `wr` to `obj`; returns its handle.
fn new(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check("new", 4, 4)?;
    let obj = &args.pos[0];
    if !weakrefable(obj) {
        return Err(PyErr::type_error(format!("cannot create weak reference to '{}' object", vm.type_name(obj))));
    }
    let Value::Instance(wr) = &args.pos[1] else {
        return Err(PyErr::type_error("_spry_weakref.new: the weak reference must be an instance"));
    };
    let callback = vm.truthy(&args.pos[2])?;
    let basic = vm.truthy(&args.pos[3])?;
    let handle = weak::register(obj.words(), wr.as_ptr() as usize, callback, basic);
    let cls = handle_class(vm);
    Ok(vm.new_native(cls, NativeData::Other(Box::new(handle))))
}

fn handle_class(vm: &mut Vm) -> PyRef<ClassObj> {
    super::native_class(vm, "_weakref.handle", "_weakref", "handle", 0, |_, _| {})
}

/// `ReferenceType.__call__(self)`: the referent of weak reference `self`
/// (found by its address: no attribute lookup), or None once it died.
fn call(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check("__call__", 1, 1)?;
    let Some(addr) = args.pos[0].heap_addr() else { return Ok(Value::None) };
    Ok(referent(weak::referent_of_ref(addr)))
}

fn referent(words: Option<[u64; 2]>) -> Value {
    match words {
        Some(w) => {
            // SAFETY: the referent is alive (not dead in the table), so
            // its words make a valid value; the clone takes a count and
            // the borrowed copy is forgotten.
            let v = std::mem::ManuallyDrop::new(unsafe { Value::from_words(w) });
            (*v).clone()
        }
        None => Value::None,
    }
}

/// The live weak reference objects to `obj` (`basic_only`: plain ones).
fn refs_to(obj: &Value, basic_only: bool) -> Vec<Value> {
    let Some(addr) = obj.heap_addr() else { return Vec::new() };
    weak::refs_of(addr, basic_only).into_iter().filter_map(weak::live_ref).map(Value::Instance).collect()
}

/// `obj.__weakref__`: the first weak reference to `obj` (its plain one
/// if it has one, as CPython keeps that at the head of its list), or None.
pub fn first_ref(obj: &Value) -> Value {
    refs_to(obj, true).into_iter().chain(refs_to(obj, false)).next().unwrap_or(Value::None)
}

/// The getter of `C.__weakref__`.
pub fn weakref_attr(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check("__weakref__", 1, 1)?;
    Ok(first_ref(&args.pos[0]))
}

/// `basic(obj)`: the plain weak reference to `obj` made before, or None.
fn basic(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check("basic", 1, 1)?;
    Ok(refs_to(&args.pos[0], true).into_iter().next().unwrap_or(Value::None))
}

/// `refs(obj)`: the live weak references to `obj`.
fn refs(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check("refs", 1, 1)?;
    Ok(Value::list(refs_to(&args.pos[0], false)))
}

pub fn make(vm: &mut Vm) -> Value {
    let m = new_module(vm, "_spry_weakref", &[("new", new), ("basic", basic), ("refs", refs)]);
    // A method of `ReferenceType` (bound to the reference).
    let c = vm.builtin_fn("__call__", call, "weakref");
    super::set(&m, "ref_call", c);
    m
}
