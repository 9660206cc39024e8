//! `__del__`: finalizers of instances of Python classes.
//!
//! Objects are freed by reference counting, often deep inside Rust code
//! (a `Drop`, a container being overwritten) where running Python code
//! would be unsound. So a free never runs `__del__` itself: when the last
//! reference to an instance whose class defines `__del__` goes,
//! `rc::dealloc_box` gives the instance its count back (resurrects it) and
//! queues it. Queuing also lowers `GC_BUDGET` below zero, so the check that
//! every safe point already makes (`rc::gc_due`) notices; `gc_safe_point`
//! then runs the queued finalizers before anything else.
//!
//! The interpreter makes a safe point right after every instruction that
//! can free what a program sees go (a register store that dropped a last
//! reference, stores to globals, attributes, items and cells, every
//! `step_slow` instruction, frame changes: calls, returns, unwinding), so
//! `del x` prints what `x.__del__` prints before the next statement runs.
//! Compiled loops reach one at every back-edge and at every call through
//! the interpreter.
//!
//! PEP 442: a finalizer runs at most once (`InstanceObj::fin`); it may
//! resurrect the instance (store `self` somewhere), which is then simply
//! alive; when it dies again it is freed without a second `__del__`.
//! Instances in unreachable cycles are finalized by the collector
//! (`gc::collect`) before it clears anything, and whatever the finalizers
//! made reachable again is left alone. At exit (`finalize_at_exit`) every
//! instance still alive is finalized, oldest first, as CPython's last
//! collection at shutdown does for module globals.
//!
//! An exception escaping `__del__` is reported on stderr as CPython's
//! default `sys.unraisablehook` does ("Exception ignored in: ...") and
//! otherwise ignored.

use std::any::TypeId;
use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;

use super::{PyErr, Vm};
use crate::bytecode::{CodeObj, Instr};
use crate::jit::analysis::Liveness;
use crate::jit::BuildKeyHasher;
use crate::objects::rc::{self, GC_REGISTRY};
use crate::objects::*;

thread_local! {
    /// Register liveness of the code objects that ran `clear_dead_temps`,
    /// by the address of the code's box. Each entry owns a count on its
    /// code object (so the address is not reused), given back when the
    /// cache is emptied, never when thread-local storage is torn down.
    // (Hashed with the JIT's loop-key hash: SipHash cost more than the
    // rest of the `del` that looks the liveness up, and every `except ...
    // as e` ends with one.)
    static LIVENESS: RefCell<HashMap<usize, Rc<Liveness>, BuildKeyHasher>> = RefCell::new(HashMap::default());
}

/// Code objects whose liveness is kept at most.
const LIVENESS_CACHE_SIZE: usize = 256;

fn liveness(code: &PyRef<CodeObj>) -> Rc<Liveness> {
    let key = code.as_ptr() as usize;
    if let Some(l) = LIVENESS.with(|c| c.borrow().get(&key).cloned()) {
        return l;
    }
    let l = Rc::new(Liveness::compute(code));
    let evicted: Vec<usize> = LIVENESS.with(|c| {
        let mut c = c.borrow_mut();
        let evicted = if c.len() >= LIVENESS_CACHE_SIZE { c.drain().map(|(k, _)| k).collect() } else { Vec::new() };
        c.insert(key, l.clone());
        evicted
    });
    // The new entry's count on its code object.
    std::mem::forget(code.clone());
    for k in evicted {
        // SAFETY: each cached address owns a count on its code object
        // (taken above when it was inserted).
        drop(unsafe { PyRef::from_raw(k as *const rc::ObjBox<CodeObj>) });
    }
    l
}

fn is_call(ins: &Instr) -> bool {
    matches!(ins, Instr::Call { .. } | Instr::CallKw { .. } | Instr::CallEx { .. } | Instr::CallMethod { .. } | Instr::CallMethodKw { .. })
}

impl Vm {
    /// Runs the finalizers of the queued instances, in the order they were
    /// freed. Instances freed by a finalizer (or by freeing its instance)
    /// are finalized before the rest of the queue, as CPython finalizes
    /// them inside the enclosing free.
    #[cold]
    #[inline(never)]
    pub fn run_finalizers(&mut self) {
        // The instances still to finalize; the next one is last.
        let mut work: Vec<PyRef<InstanceObj>> = Vec::new();
        loop {
            work.extend(rc::take_finalizers().into_iter().rev());
            if let Some(obj) = work.pop() {
                self.finalize_instance(obj);
                continue;
            }
            // Then the callbacks of weak references whose referent died.
            let weak = rc::take_weak_callbacks();
            if weak.is_empty() {
                break;
            }
            for wr in weak {
                self.weakref_callback(wr);
            }
        }
        rc::finalizers_done();
    }

    /// Calls the callback of weak reference `wr` (`wr._cb(wr)`, see
    /// `lib/_weakref.py`); an exception is reported as CPython does for a
    /// callback ("Exception ignored in: <callback>").
    fn weakref_callback(&mut self, wr: PyRef<InstanceObj>) {
        let this = Value::Instance(wr);
        let Ok(Some(cb)) = self.get_attr_opt(&this, "_cb") else { return };
        if cb.is_none() {
            return;
        }
        if let Err(mut e) = self.call_function(&cb, std::slice::from_ref(&this)) {
            self.write_unraisable(&mut e, &cb);
        }
    }

    /// Calls `obj.__del__()` unless it ran already, then gives up `obj`
    /// (which frees the instance unless something else holds it).
    pub(crate) fn finalize_instance(&mut self, obj: PyRef<InstanceObj>) {
        if obj.finalized() {
            return;
        }
        obj.set_finalized();
        let Value::Class(cls) = obj.class.get() else { return };
        // `__del__ = None` disables the finalizer, as in CPython.
        let Some(del) = cls.lookup("__del__").filter(|d| !d.is_none()) else { return };
        let this = Value::Instance(obj);
        if let Err(mut e) = self.call_function(&del, std::slice::from_ref(&this)) {
            self.write_unraisable(&mut e, &del);
        }
    }

    /// Reports an exception that cannot propagate (raised by `__del__`),
    /// as CPython's default `sys.unraisablehook`: "Exception ignored in:
    /// <repr of obj>", then the traceback.
    pub fn write_unraisable(&mut self, err: &mut PyErr, obj: &Value) {
        let v = self.materialize(err);
        let what = match self.repr(obj) {
            Ok(Value::Str(s)) => s.as_str().to_string(),
            _ => format!("<object repr() failed at {:#x}>", obj.heap_addr().unwrap_or(0)),
        };
        self.write_unraisable_value(&v, &format!("Exception ignored in: {}", what));
    }

    /// The report of `write_unraisable` under a given first line. The
    /// last line has a colon even when the message is empty
    /// ("ValueError: "), as CPython's hook writes it.
    pub fn write_unraisable_value(&mut self, v: &Value, header: &str) {
        let mut out = format!("{}\n", header);
        self.format_exception_as(v, &mut out, true);
        self.write_stderr(&out);
    }

    /// At exit, before the finalizers: the non-daemon threads still
    /// waiting to run (`threading._shutdown`), then the `atexit` callbacks,
    /// last registered first, if these modules were imported.
    pub fn run_exit_hooks(&mut self) {
        if let Some(m) = self.modules.get_str("threading") {
            if let Ok(shutdown) = self.get_attr(&m, "_shutdown") {
                if let Err(mut e) = self.call_function(&shutdown, &[]) {
                    self.write_unraisable(&mut e, &shutdown);
                }
            }
        }
        let Some(m) = self.modules.get_str("atexit") else { return };
        let Ok(run) = self.get_attr(&m, "_run_exitfuncs") else { return };
        if let Err(mut e) = self.call_function(&run, &[]) {
            self.write_unraisable(&mut e, &run);
        }
    }

    /// Drops the values of the temporaries of frame `fi` that are dead
    /// before instruction `pc` (no path reads them before writing them).
    /// The interpreter leaves a temporary's value in its register until
    /// the register is reused, where CPython's value stack would have
    /// dropped it: without this, `del x` (or `gc.collect()` after it)
    /// could leave `x`'s object alive in a stale temporary. `keep_current`:
    /// instruction `pc` is running (a call), keep everything it touches.
    pub(crate) fn clear_dead_temps(&mut self, fi: usize, pc: usize, keep_current: bool) {
        let Some(f) = self.frames.get(fi) else { return };
        let code = f.code_ref();
        let base = f.base;
        let Some(ins) = code.instrs.get(pc) else { return };
        if keep_current && !is_call(ins) {
            return;
        }
        let (mut reads, mut writes) = (Vec::new(), Vec::new());
        if keep_current {
            ins.reg_effects(&mut reads, &mut writes);
        }
        // Temporaries come after the named locals, cells and free variables.
        let first_temp =
            code.cellvars.iter().chain(code.freevars.iter()).map(|(_, r)| *r as usize + 1).fold(code.varnames.len(), usize::max);
        let live = liveness(&code);
        let Some(live) = live.live_in.get(pc) else { return };
        for r in first_temp..code.nregs as usize {
            if !live.contains(r) && !reads.contains(&(r as u16)) && !writes.contains(&(r as u16)) {
                // SAFETY: `r` < nregs, inside the frame's live window.
                Value::clear(unsafe { &mut *base.add(r) });
            }
        }
    }

    /// `gc.collect()` from Python: the calling frame's dead temporaries
    /// first, so that objects the program dropped are garbage.
    pub fn clear_caller_dead_temps(&mut self) {
        let Some(fi) = self.frames.len().checked_sub(1) else { return };
        let pc = self.frames[fi].pc as usize;
        if let Some(cur) = pc.checked_sub(1) {
            self.clear_dead_temps(fi, cur, true);
        }
    }

    /// At exit: runs the queued finalizers, then those of every instance
    /// still alive, in creation order (CPython finalizes module globals in
    /// its last collection at shutdown, oldest first).
    pub fn finalize_at_exit(&mut self) {
        self.finalizing = true;
        if rc::finalizers_pending() {
            self.run_finalizers();
        }
        let mut live: Vec<PyRef<InstanceObj>> = GC_REGISTRY.with(|r| {
            r.borrow()
                .entries
                .iter()
                .filter(|(_, vt)| (vt.type_id)() == TypeId::of::<InstanceObj>())
                .map(|&(h, _)| h.cast::<rc::ObjBox<InstanceObj>>())
                // SAFETY: registry entries are live objects, and `type_id`
                // says these are instances.
                .filter(|b| unsafe { b.as_ref() }.data.needs_finalizer())
                // SAFETY: as above; the clone takes a count.
                .map(|b| unsafe { PyRef::clone_from_raw(b.as_ptr()) })
                .collect()
        });
        live.sort_by_key(|o| o.creation_number());
        for obj in live {
            self.finalize_instance(obj);
            if rc::finalizers_pending() {
                self.run_finalizers();
            }
        }
    }
}
