//! The cycle collector: finds groups of tracked objects that refer only to
//! each other (reference cycles no count will ever release) and frees them.
//!
//! The algorithm is CPython's (`Modules/gcmodule.c`):
//!
//! 1. every object of the generation gets `gc_refs` = its reference count;
//! 2. each object's references to objects of the same generation (found by
//!    its `Trace::trace`) are subtracted: what is left counts the references
//!    from outside the generation (registers, Rust locals, untracked
//!    objects, older objects);
//! 3. objects with `gc_refs > 0`, and everything reachable from them, are
//!    alive;
//! 4. the rest is garbage: the collector takes a reference to each garbage
//!    object (so none is freed while others are being cleared), calls
//!    `Trace::clear` on each (dropping the references that form the
//!    cycles), then gives its references back, which frees them.
//!
//! Two generations: objects tracked since the last collection are young;
//! survivors become old. A collection looks at the young generation only,
//! unless the objects promoted since the last full collection exceed the
//! old generation's size after it (CPython's `long_lived_pending` rule, with
//! a ratio of 1 instead of 1/4), which keeps the amortised cost of full
//! collections linear in allocations.
//!
//! The collector runs only at safe points (`Vm::gc_safe_point`): loop
//! back-edges in the interpreter and function entry from Rust. There, every
//! live value is held by a counted reference (a register, a Rust local, a
//! container), so nothing alive can look like garbage; it never runs inside
//! `Drop` or while Rust code holds a borrow into an object.
//!
//! Finalizers (PEP 442): garbage instances whose class defines `__del__`
//! are finalized first, oldest first, while the collector holds a count on
//! all the garbage; then whatever is reachable again from outside the
//! garbage (a finalizer stored `self` in a global) is given back, and only
//! the rest is cleared. See `finalize.rs`.

use std::any::TypeId;
use std::cell::Cell;
use std::collections::HashMap;
use std::ptr::NonNull;

use super::Vm;
use crate::objects::rc::{self, GcVTable, ObjBox, ObjHeader, GC_REGISTRY, YOUNG_THRESHOLD};
use crate::objects::{InstanceObj, PyRef, Value};

thread_local! {
    /// Set while a collection runs (clearing garbage can drop objects, which
    /// must not start another collection).
    static COLLECTING: Cell<bool> = const { Cell::new(false) };
    /// Old objects after the last full collection.
    static LONG_LIVED_TOTAL: Cell<usize> = const { Cell::new(0) };
    /// Objects promoted to the old generation since the last full collection.
    static LONG_LIVED_PENDING: Cell<usize> = const { Cell::new(0) };
    /// Totals since start-up: collections run, objects freed.
    static STATS: Cell<(usize, usize)> = const { Cell::new((0, 0)) };
}

impl Vm {
    /// Runs queued finalizers, and the cycle collector if enough young
    /// objects were tracked since the last collection. Call only where
    /// every live value is counted and Python code may run.
    #[inline]
    pub fn gc_safe_point(&mut self) {
        if rc::gc_due() {
            self.gc_collect_due();
        }
    }

    #[cold]
    #[inline(never)]
    fn gc_collect_due(&mut self) {
        if rc::finalizers_pending() {
            self.run_finalizers();
            if !rc::gc_due() {
                crate::modules::signal::rearm();
                return;
            }
        }
        if crate::modules::signal::budget_zeroed() {
            // Due because a signal arrived (`modules/signal.rs`): its
            // handler runs at the next check that may raise, which puts
            // the budget back.
            return;
        }
        if COLLECTING.with(|c| c.get()) {
            // A finalizer the collector runs: no nested collection.
            return;
        }
        let pending = LONG_LIVED_PENDING.with(|p| p.get());
        let total = LONG_LIVED_TOTAL.with(|t| t.get());
        let young = GC_REGISTRY.with(|r| {
            let r = r.borrow();
            r.entries.len() - r.old
        });
        // A full collection once the old generation may have doubled since
        // the last one: its cost stays proportional to allocation.
        let full = pending + young > total && pending + young > 10 * YOUNG_THRESHOLD as usize;
        self.collect(full);
        if rc::finalizers_pending() {
            self.run_finalizers();
        }
        crate::modules::signal::rearm();
    }

    /// `gc.collect()`: a full collection; returns the number of unreachable
    /// objects found.
    pub fn gc_collect(&mut self) -> usize {
        if rc::finalizers_pending() {
            self.run_finalizers();
        }
        let n = self.collect(true);
        if rc::finalizers_pending() {
            self.run_finalizers();
        }
        crate::modules::signal::rearm();
        n
    }

    /// (collections run, objects freed) since start-up.
    pub fn gc_stats(&self) -> (usize, usize) {
        STATS.with(|s| s.get())
    }
}

impl Vm {
    /// Collects the young generation, or every tracked object when `full`.
    /// Returns the number of garbage objects freed.
    fn collect(&mut self, full: bool) -> usize {
        if COLLECTING.with(|c| c.replace(true)) {
            return 0;
        }
        let mut garbage = find_garbage(full);
        // PEP 442: finalize the garbage first (the collector's counts keep
        // all of it alive meanwhile), then keep what the finalizers made
        // reachable again.
        let mut to_finalize: Vec<PyRef<InstanceObj>> = garbage
            .iter()
            .filter(|(_, vt)| (vt.type_id)() == TypeId::of::<InstanceObj>())
            .map(|&(h, _)| h.cast::<ObjBox<InstanceObj>>())
            // SAFETY: the collector holds a count on each garbage object, and
            // `type_id` says these are instances.
            .filter(|b| unsafe { b.as_ref() }.data.needs_finalizer())
            // SAFETY: as above; the clone takes a count.
            .map(|b| unsafe { PyRef::clone_from_raw(b.as_ptr()) })
            .collect();
        if !to_finalize.is_empty() {
            to_finalize.sort_by_key(|o| o.creation_number());
            for obj in to_finalize {
                self.finalize_instance(obj);
                if rc::finalizers_pending() {
                    self.run_finalizers();
                }
            }
            garbage = drop_resurrected(garbage);
        }
        let n = clear_garbage(garbage, full);
        COLLECTING.with(|c| c.set(false));
        n
    }
}

/// Keeps the objects of `garbage` that references from outside it reach
/// again (after finalizers ran), giving back the collector's counts on
/// them; returns the rest, still unreachable.
fn drop_resurrected(garbage: Vec<(NonNull<ObjHeader>, &'static GcVTable)>) -> Vec<(NonNull<ObjHeader>, &'static GcVTable)> {
    let index: HashMap<usize, usize> = garbage.iter().enumerate().map(|(i, (h, _))| (h.as_ptr() as usize, i)).collect();
    let index_of = |v: &Value| v.heap_header().and_then(|h| index.get(&(h.as_ptr() as usize)).copied());
    // As in `find_garbage`: counts minus the collector's own and minus the
    // references from inside the garbage.
    // SAFETY: the collector holds a count on every garbage object.
    let mut refs: Vec<isize> = garbage.iter().map(|(h, _)| unsafe { h.as_ref().rc.get() as isize } - 1).collect();
    for &(h, vt) in &garbage {
        // SAFETY: `h` is a live object of the type `vt` belongs to.
        unsafe {
            (vt.trace)(h, &mut |v: &Value| {
                if let Some(j) = index_of(v) {
                    refs[j] -= 1;
                }
            })
        };
    }
    let mut alive: Vec<bool> = refs.iter().map(|&n| n > 0).collect();
    let mut stack: Vec<usize> = (0..garbage.len()).filter(|&i| alive[i]).collect();
    if stack.is_empty() {
        return garbage;
    }
    while let Some(i) = stack.pop() {
        let (h, vt) = garbage[i];
        // SAFETY: as above.
        unsafe {
            (vt.trace)(h, &mut |v: &Value| {
                if let Some(j) = index_of(v) {
                    if !alive[j] {
                        alive[j] = true;
                        stack.push(j);
                    }
                }
            })
        };
    }
    let mut dead = Vec::with_capacity(garbage.len());
    for (i, (h, vt)) in garbage.into_iter().enumerate() {
        if alive[i] {
            // SAFETY: gives back the count taken in `find_garbage`.
            unsafe { rc::release_raw(h, vt) };
        } else {
            dead.push((h, vt));
        }
    }
    dead
}

/// Step 4: breaks the cycles of `garbage` and frees it, then promotes the
/// survivors. Returns the number of objects freed.
fn clear_garbage(garbage: Vec<(NonNull<ObjHeader>, &'static GcVTable)>, full: bool) -> usize {
    let n = garbage.len();
    // Break the cycles. The collector owns a count on every garbage object,
    // so clearing one cannot free another while it is being cleared.
    for &(h, vt) in &garbage {
        // SAFETY: the header is live (we hold a count) and `vt` is its type's table.
        unsafe { (vt.clear)(h) };
    }
    for (h, vt) in garbage {
        // SAFETY: gives back the count taken in `find_garbage`.
        unsafe { rc::release_raw(h, vt) };
    }
    // Everything still young survived: promote it.
    GC_REGISTRY.with(|r| {
        let mut r = r.borrow_mut();
        let promoted = r.entries.len() - r.old;
        r.old = r.entries.len();
        if full {
            LONG_LIVED_TOTAL.with(|t| t.set(r.old));
            LONG_LIVED_PENDING.with(|p| p.set(0));
        } else {
            LONG_LIVED_PENDING.with(|p| p.set(p.get() + promoted));
        }
    });
    rc::set_gc_budget(YOUNG_THRESHOLD);
    STATS.with(|s| {
        let (c, f) = s.get();
        s.set((c + 1, f + n))
    });
    n
}

/// Steps 1–3: returns the unreachable objects of the generation, each with
/// a count taken by the collector. Runs no Python code and frees nothing.
fn find_garbage(full: bool) -> Vec<(NonNull<ObjHeader>, &'static GcVTable)> {
    GC_REGISTRY.with(|r| {
        let r = r.borrow();
        let start = if full { 0 } else { r.old };
        let set = &r.entries[start..];
        if set.is_empty() {
            return Vec::new();
        }
        // The index of a referent inside `set`, if it belongs to it.
        let index_of = |v: &Value| -> Option<usize> {
            let h = v.heap_header()?;
            // SAFETY: a value's header is live while the value is.
            let g = unsafe { h.as_ref().gc.get() };
            if g > start {
                Some(g - 1 - start)
            } else {
                None
            }
        };
        // 1. gc_refs = reference counts.
        // SAFETY: registry entries point at live tracked objects, and nothing
        // is freed while the garbage is being found.
        let mut gc_refs: Vec<isize> = set.iter().map(|(h, _)| unsafe { h.as_ref().rc.get() as isize }).collect();
        // 2. Subtract the references internal to the generation.
        for &(h, vt) in set {
            // SAFETY: `h` is a live tracked object of the type `vt` belongs to.
            unsafe {
                (vt.trace)(h, &mut |v: &Value| {
                    if let Some(j) = index_of(v) {
                        gc_refs[j] -= 1;
                    }
                })
            };
        }
        // 3. What is referenced from outside is alive, and so is everything
        // it reaches.
        let mut alive = vec![false; set.len()];
        let mut stack: Vec<usize> = Vec::new();
        for (i, &n) in gc_refs.iter().enumerate() {
            if n > 0 {
                alive[i] = true;
                stack.push(i);
            }
        }
        while let Some(i) = stack.pop() {
            let (h, vt) = set[i];
            // SAFETY: as above.
            unsafe {
                (vt.trace)(h, &mut |v: &Value| {
                    if let Some(j) = index_of(v) {
                        if !alive[j] {
                            alive[j] = true;
                            stack.push(j);
                        }
                    }
                })
            };
        }
        let mut garbage = Vec::new();
        for (i, &(h, vt)) in set.iter().enumerate() {
            if !alive[i] {
                // SAFETY: as above.
                let rc = unsafe { &h.as_ref().rc };
                rc.set(rc.get() + 1);
                garbage.push((h, vt));
            }
        }
        garbage
    })
}
