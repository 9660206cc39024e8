//! The table behind weak references (`modules/weakref.rs` gives Python
//! its `_spry_weakref` functions; `lib/_weakref.py` its `ReferenceType`).
//!
//! It maps every weakly referenced object (by the address of its box) to
//! the handles of its references. When such an object is freed for good
//! — after its `__del__`, by a last release or by the cycle collector —
//! `rc::dealloc_box` calls `referent_freed`, which marks its handles dead
//! and queues the weak references that have a callback (the callbacks run
//! at the next safe point, after the finalizers: `Vm::run_finalizers`). A
//! handle is dropped with its weak reference, which leaves the table then:
//! a weak reference that dies before its referent never calls its
//! callback, as in CPython.
//!
//! Hand-written because it hooks into the object free path
//! (`rc::clear_weak_references`), which no crate can reach.

use std::any::Any;
use std::cell::RefCell;
use std::collections::HashMap;

use super::keyhash::BuildKeyHasher;
use super::rc::{self, ObjBox};
use super::{InstanceObj, NativeState, PyRef, Value};

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
    fn clear_filter_if_empty(&self) {
        if self.by_referent.is_empty() {
            rc::weak_filter_clear();
        }
    }
}

thread_local! {
    static TABLE: RefCell<Table> = RefCell::new(Table::default());
}

/// The native part of a weak reference: its entry in the table.
pub struct Handle {
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
                    t.clear_filter_if_empty();
                }
            }
        });
    }
}

pub fn referent_addr(words: [u64; 2]) -> usize {
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
            t.clear_filter_if_empty();
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
    // (A reference being freed itself calls back no more.)
    for wr in fire.into_iter().filter_map(live_ref) {
        rc::queue_weak_callback(wr);
    }
}

/// The weak reference object at `wr` (an address from the table), counted,
/// unless its count is 0 (it is being freed).
pub fn live_ref(wr: usize) -> Option<PyRef<InstanceObj>> {
    let p = wr as *const ObjBox<InstanceObj>;
    // SAFETY: entries leave the table when their weak reference is freed
    // (its handle's `Drop`), so the box is valid.
    unsafe { ((*p).header.rc.get() > 0).then(|| PyRef::clone_from_raw(p)) }
}

/// Registers a weak reference (the object at `wr`, no count owned) to the
/// value with words `words` (no count owned); `callback`: it has one;
/// `basic`: a plain `ref(obj)` that `ref(obj)` returns again.
pub fn register(words: [u64; 2], wr: usize, callback: bool, basic: bool) -> Handle {
    let id = TABLE.with(|t| {
        let mut t = t.borrow_mut();
        t.next += 1;
        let id = t.next;
        t.entries.insert(id, Entry { words, wr, dead: false, callback, basic });
        t.by_wr.insert(wr, id);
        t.by_referent.entry(referent_addr(words)).or_default().push(id);
        id
    });
    rc::weak_filter_add(referent_addr(words));
    Handle { id }
}

/// The referent's words of the weak reference object at `wr`, unless it
/// died.
pub fn referent_of_ref(wr: usize) -> Option<[u64; 2]> {
    TABLE.with(|t| {
        let t = t.borrow();
        t.by_wr.get(&wr).and_then(|id| t.entries.get(id)).filter(|e| !e.dead).map(|e| e.words)
    })
}

/// The addresses of the weak reference objects to the object at `addr`
/// (`basic_only`: the plain ones), oldest first.
pub fn refs_of(addr: usize, basic_only: bool) -> Vec<usize> {
    TABLE.with(|t| {
        let t = t.borrow();
        t.by_referent
            .get(&addr)
            .map(|ids| ids.iter().filter_map(|id| t.entries.get(id)).filter(|e| !basic_only || e.basic).map(|e| e.wr).collect())
            .unwrap_or_default()
    })
}
