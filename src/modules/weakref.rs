//! `_spry_weakref`: the table behind weak references (`lib/_weakref.py`).
//!
//! A weak reference is a Python object (`_weakref.ReferenceType`, so that
//! `weakref.KeyedRef` and `WeakMethod` can subclass it as in CPython) that
//! holds a handle made here. The table maps every weakly referenced object
//! (by the address of its box) to its handles. When such an object is
//! freed for good — after its `__del__`, by a last release or by the cycle
//! collector — `rc::dealloc_box` calls `referent_freed`, which marks its
//! handles dead and queues the weak references that have a callback (the
//! callbacks run at the next safe point, after the finalizers:
//! `Vm::run_finalizers`). A handle is dropped with its weak reference,
//! which leaves the table then: a weak reference that dies before its
//! referent never calls its callback, as in CPython.
//!
//! Hand-written because it hooks into the object free path
//! (`rc::clear_weak_references`), which no crate can reach.

use std::any::Any;
use std::cell::RefCell;
use std::collections::HashMap;

use super::new_module;
use crate::jit::BuildKeyHasher;
use crate::objects::rc::{self, ObjBox};
use crate::objects::*;
use crate::vm::{Args, PyErr, PyResult, Vm};

struct Entry {
    /// The referent's value words (no count owned).
    words: [u64; 2],
    /// Address of the weak reference object's box (no count owned: the
    /// handle that owns this entry lives in it).
    wr: usize,
    /// The referent was freed.
    dead: bool,
    /// The weak reference has a callback.
    callback: bool,
    /// A plain `ref(obj)` without callback: `ref(obj)` again returns it.
    basic: bool,
}

// (Hashed with the JIT's integer hash: a free whose address passes the
// filter looks here, and SipHash cost more than the free.)
#[derive(Default)]
struct Table {
    next: u64,
    entries: HashMap<u64, Entry, BuildKeyHasher>,
    /// Live handles by referent address, oldest first.
    by_referent: HashMap<usize, Vec<u64>, BuildKeyHasher>,
    /// Handles by the address of their weak reference object.
    by_wr: HashMap<usize, u64, BuildKeyHasher>,
}

impl Table {
    /// Clears the free path's filter (`rc::WEAK_FILTER`) once no object
    /// has weak references.
    fn count_referents(&self) {
        if self.by_referent.is_empty() {
            rc::weak_filter_clear();
        }
    }
}

thread_local! {
    static TABLE: RefCell<Table> = RefCell::new(Table::default());
}

/// The native part of a weak reference: its entry in the table.
struct Handle {
    id: u64,
}

impl NativeState for Handle {
    fn trace(&self, _visit: &mut dyn FnMut(&Value)) {}
    fn clear(&self) {}
    fn as_any(&self) -> &dyn Any {
        self
    }
}

impl Drop for Handle {
    fn drop(&mut self) {
        let id = self.id;
        let _ = TABLE.try_with(|t| {
            let mut t = t.borrow_mut();
            if let Some(e) = t.entries.remove(&id) {
                if t.by_wr.get(&e.wr) == Some(&id) {
                    t.by_wr.remove(&e.wr);
                }
                if !e.dead {
                    let a = referent_addr(e.words);
                    if let Some(v) = t.by_referent.get_mut(&a) {
                        v.retain(|&x| x != id);
                        if v.is_empty() {
                            t.by_referent.remove(&a);
                        }
                    }
                    t.count_referents();
                }
            }
        });
    }
}

fn referent_addr(words: [u64; 2]) -> usize {
    words[1] as usize
}

/// The referent at `addr` is being freed: its handles die, and the weak
/// references with callbacks that are still alive are queued.
#[cold]
#[inline(never)]
pub fn referent_freed(addr: usize) {
    let fire: Vec<usize> = TABLE
        .try_with(|t| {
            let Ok(mut t) = t.try_borrow_mut() else { return Vec::new() };
            let Some(ids) = t.by_referent.remove(&addr) else { return Vec::new() };
            t.count_referents();
            let mut fire = Vec::new();
            // (Newest first, as CPython clears a referent's list.)
            for id in ids.iter().rev() {
                if let Some(e) = t.entries.get_mut(id) {
                    e.dead = true;
                    if e.callback {
                        fire.push(e.wr);
                    }
                }
            }
            fire
        })
        .unwrap_or_default();
    for wr in fire {
        let p = wr as *const ObjBox<InstanceObj>;
        // SAFETY: the handle of this entry lives in the weak reference's
        // box, so the box is not freed; a count of 0 means it is being
        // freed itself (its callback must not run).
        unsafe {
            if (*p).header.rc.get() > 0 {
                rc::queue_weak_callback(PyRef::clone_from_raw(p));
            }
        }
    }
}

/// Whether `v` can be weakly referenced (CPython: not ints, strs, tuples,
/// lists, dicts, bytes, floats, None).
fn weakrefable(v: &Value) -> bool {
    matches!(
        v,
        Value::Set(_)
            | Value::FrozenSet(_)
            | Value::Function(_)
            | Value::Builtin(_)
            | Value::Method(_)
            | Value::Class(_)
            | Value::Instance(_)
            | Value::Module(_)
            | Value::Code(_)
            | Value::Generator(_)
            | Value::Native(_)
    )
}

fn handle_id(v: &Value) -> PyResult<u64> {
    super::native_state::<Handle>(v).map(|h| h.id).ok_or_else(|| PyErr::type_error("_spry_weakref: not a weak reference handle"))
}

/// The live weak reference object at `wr`, counted, if its count is not 0.
fn live_wr(wr: usize) -> Option<Value> {
    let p = wr as *const ObjBox<InstanceObj>;
    // SAFETY: entries are removed when their weak reference is freed (its
    // handle's `Drop`), so the box is valid; a count of 0 means it is
    // being freed.
    unsafe { ((*p).header.rc.get() > 0).then(|| Value::Instance(PyRef::clone_from_raw(p))) }
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
    let words = obj.words();
    let id = TABLE.with(|t| {
        let mut t = t.borrow_mut();
        t.next += 1;
        let id = t.next;
        t.entries.insert(id, Entry { words, wr: wr.as_ptr() as usize, dead: false, callback, basic });
        t.by_wr.insert(wr.as_ptr() as usize, id);
        t.by_referent.entry(referent_addr(words)).or_default().push(id);
        rc::weak_filter_add(referent_addr(words));
        id
    });
    let cls = handle_class(vm);
    Ok(vm.new_native(cls, NativeData::Other(Box::new(Handle { id }))))
}

fn handle_class(vm: &mut Vm) -> PyRef<ClassObj> {
    super::native_class(vm, "_weakref.handle", "_weakref", "handle", 0, |_, _| {})
}

/// `get(handle)`: the referent, or None once it died.
fn get(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check("get", 1, 1)?;
    let id = handle_id(&args.pos[0])?;
    let words = TABLE.with(|t| t.borrow().entries.get(&id).filter(|e| !e.dead).map(|e| e.words));
    Ok(referent(words))
}

/// `ReferenceType.__call__(self)`: the referent of weak reference `self`
/// (found by its address: no attribute lookup), or None once it died.
fn call(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check("__call__", 1, 1)?;
    let Some(addr) = args.pos[0].heap_addr() else { return Ok(Value::None) };
    let words = TABLE.with(|t| {
        let t = t.borrow();
        t.by_wr.get(&addr).and_then(|id| t.entries.get(id)).filter(|e| !e.dead).map(|e| e.words)
    });
    Ok(referent(words))
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
    let wrs: Vec<usize> = TABLE.with(|t| {
        let t = t.borrow();
        t.by_referent
            .get(&addr)
            .map(|ids| ids.iter().filter_map(|id| t.entries.get(id)).filter(|e| !basic_only || e.basic).map(|e| e.wr).collect())
            .unwrap_or_default()
    });
    wrs.into_iter().filter_map(live_wr).collect()
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
    let m = new_module(vm, "_spry_weakref", &[("new", new), ("get", get), ("basic", basic), ("refs", refs)]);
    // A method of `ReferenceType` (bound to the reference).
    let c = vm.builtin_fn("__call__", call, "weakref");
    super::set(&m, "ref_call", c);
    m
}
