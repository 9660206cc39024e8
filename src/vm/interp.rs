//! The dispatch loop: executes bytecode until the frame it was entered for
//! returns.
//!
//! Python-to-Python calls push a frame and continue in the same loop
//! (`continue 'frame` reloads the frame state); only calls from Rust code
//! (builtins calling back into Python) nest `run`.

use super::attr::MethodLookup;
use super::error::ExcState;
use super::generator::{GenResult, Resumed};
use super::{Args, ExcKind, PyErr, PyResult, Ret, Vm};

/// What a slow-path instruction asks the dispatch loop to do next.
/// What `try_fast_init` did.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) enum FastInit {
    /// Nothing: the general call path must run.
    No,
    /// Pushed the `__init__` frame.
    Frame,
    /// Made the instance without a frame (a setter `__init__`).
    Done,
}

pub(crate) enum Step {
    Next,
    Jump(usize),
    /// The frame stack changed: reload the top frame.
    Frame,
    /// The entry frame finished (or a generator yielded) with this value.
    Exit(Value),
}
use crate::bytecode::{code_flags, BinOp, CmpOp, CodeObj, Instr};
use crate::objects::*;

impl Vm {
    /// Runs the top frame (at depth `entry_depth`) until it returns.
    pub fn run(&mut self, entry_depth: usize) -> PyResult<Value> {
        let mut pending: Option<PyErr> = None;
        // Only the JIT reads the result profiles: without it, the
        // dispatch loop records none (`jit_threshold` is fixed at start).
        let profiling = self.jit_threshold != u32::MAX;
        'frame: loop {
            if let Some(err) = pending.take() {
                match self.handle_exception(err, entry_depth) {
                    Ok(()) => {}
                    Err(e) => return Err(e),
                }
            }
            if crate::objects::rc::gc_due() {
                // A safe point: the frame stack changed (a call, a return,
                // unwinding), which may have queued finalizers.
                self.gc_safe_point();
                if crate::modules::signal::tripped() && self.frames.last().is_some_and(|f| f.pc == 0) {
                    // A function's entry: Python signal handlers run here,
                    // as at CPython's RESUME (what they raise comes from
                    // the function's first line, outside its handlers).
                    if let Err(e) = self.check_signals() {
                        pending = Some(e);
                        continue 'frame;
                    }
                }
            }
            if self.profile_on && self.profile_depth != self.frames.len() {
                // A frame started (or frames left unseen): `call` events
                // (`profile.rs`).
                if let Err(e) = self.profile_sync() {
                    pending = Some(e);
                    continue 'frame;
                }
            }
            let fi = self.frames.len() - 1;
            let (code_ptr, base, globals_ptr, mut pc) = {
                let f = &self.frames[fi];
                (f.code, f.base, f.globals, f.pc as usize)
            };
            // SAFETY: the frame holds a reference to its code object and
            // globals; both outlive this iteration of 'frame (we leave it
            // whenever the frame stack changes).
            let code: &CodeObj = unsafe { &*code_ptr };
            let globals: &DictObj = unsafe { &*globals_ptr };
            let instrs: &[Instr] = &code.instrs;
            if pc == 0 && code.jit_fn.get() != 1 && code.entry_count.get() >= self.jit_watch {
                if code.entry_count.get() < self.jit_threshold {
                    // Nearly hot: its argument types are recorded.
                    self.jit_note_entry(fi);
                } else {
                    // A hot function: run its compiled body.
                    match self.jit_function_entry(fi, true) {
                        crate::jit::Outcome::NotRun => {}
                        crate::jit::Outcome::Resume(p) => pc = p,
                        crate::jit::Outcome::Reload => continue 'frame,
                        crate::jit::Outcome::Raise(e) => {
                            pending = Some(e);
                            continue 'frame;
                        }
                    }
                }
            }

            macro_rules! r {
                ($i:expr) => {
                    // SAFETY: register operands are < nregs (checked by the
                    // compiler); the window is live for the frame's lifetime.
                    unsafe { &*base.add($i as usize) }
                };
            }
            macro_rules! save_pc {
                () => {
                    self.frames[fi].pc = pc as u32
                };
            }
            // A safe point after an instruction that may have freed an
            // object (queued finalizers run here, see `finalize.rs`).
            macro_rules! safe_point {
                () => {
                    if crate::objects::rc::gc_due() {
                        save_pc!();
                        self.gc_safe_point();
                    }
                };
            }
            macro_rules! set {
                ($i:expr, $v:expr) => {{
                    let v = $v;
                    // SAFETY: as in `r!`; `store_then` releases the old value.
                    // When that was its last reference (already a call of its
                    // destructor), a safe point, kept out of line.
                    Value::store_then(unsafe { &mut *base.add($i as usize) }, v, || self.freed_safe_point());
                }};
            }
            macro_rules! name {
                ($i:expr) => {
                    code.names[$i as usize].as_str()
                };
            }
            // Records the kind of a result for the JIT's speculation.
            macro_rules! prof {
                ($v:expr) => {
                    if profiling {
                        code.cache(pc - 1).profile |= crate::jit::profile_bit($v)
                    }
                };
            }

            let err: PyErr = 'err: loop {
                macro_rules! tri {
                    ($e:expr) => {
                        match $e {
                            Ok(v) => v,
                            Err(e) => break 'err e,
                        }
                    };
                }
                // The operator protocol once the int/float fast paths did
                // not apply: an instance's Python `__op__` as a frame, else
                // the generic operation (noting the dunder for the JIT).
                macro_rules! binop_slow {
                    ($op:expr, $dst:expr, $a:expr, $b:expr) => {{
                        if let Value::Instance(_) = r!($a) {
                            save_pc!();
                            if self.try_binop_frame(fi, base, code, pc - 1, $op, $a, $b, $dst) {
                                continue 'frame;
                            }
                        }
                        let (x, y) = (r!($a).clone(), r!($b).clone());
                        let v = tri!(self.binary_op($op, &x, &y));
                        self.note_binop(code, pc - 1, $op, &x);
                        set!($dst, v);
                    }};
                }
                // SAFETY: every code object ends with a return, so `pc`
                // stays in bounds; jump targets are patched by the compiler.
                let ins: &Instr = unsafe { instrs.get_unchecked(pc) };
                pc += 1;
                match *ins {
                    Instr::Nop {} => {}
                    Instr::Move { dst, src } => {
                        let v = r!(src).clone();
                        set!(dst, v);
                    }
                    Instr::Take { dst, src } => {
                        // SAFETY: as in `r!`.
                        let v = std::mem::take(unsafe { &mut *base.add(src as usize) });
                        set!(dst, v);
                    }
                    Instr::LoadConst { dst, k } => set!(dst, code.consts[k as usize].clone()),
                    Instr::LoadInt { dst, value } => set!(dst, Value::Int(value as i64)),
                    Instr::LoadNone { dst } => set!(dst, Value::None),
                    Instr::LoadBool { dst, value } => set!(dst, Value::Bool(value)),
                    Instr::CheckBound { reg, name } => {
                        if r!(reg).is_undef() {
                            break 'err unbound_local(name!(name));
                        }
                    }
                    Instr::LoadGlobal { dst, name } => {
                        let cache = code.cache(pc - 1);
                        if cache.a == globals.keys_version() && cache.b == self.builtins.keys_version() {
                            // SAFETY: the cached pointer targets a dict entry
                            // whose table has not changed (same key version).
                            let v = unsafe { (*(cache.c as *const Value)).clone() };
                            set!(dst, v);
                        } else {
                            let v = tri!(self.load_global_slow(globals, code, pc - 1, name!(name)));
                            set!(dst, v);
                        }
                    }
                    Instr::StoreGlobal { src, name } => {
                        let v = r!(src).clone();
                        let cache = code.cache(pc - 1);
                        if cache.a == globals.keys_version() && cache.c != 0 && cache.b == u64::MAX {
                            globals.note_store_at(cache.c as *const Value, v.tag());
                            // SAFETY: as in LoadGlobal.
                            unsafe { *(cache.c as *mut Value) = v };
                        } else {
                            let n = name!(name);
                            let h = crate::objects::str::hash_str(n);
                            let pos = match globals.find_str(n, h) {
                                Some(i) => {
                                    globals.set_value_at(i, v);
                                    i
                                }
                                None => globals.insert_new(Value::str(n), h, v),
                            };
                            let cache = code.cache(pc - 1);
                            cache.a = globals.keys_version();
                            cache.b = u64::MAX;
                            cache.c = globals.value_ptr(pos) as u64;
                        }
                        safe_point!();
                    }
                    Instr::LoadDeref { dst, cell, name } => {
                        let v = match r!(cell) {
                            Value::Cell(c) => c.value.get(),
                            _ => Value::Undef,
                        };
                        if v.is_undef() {
                            break 'err free_var_error(code, name!(name));
                        }
                        prof!(&v);
                        set!(dst, v);
                    }
                    Instr::StoreDeref { cell, src } => {
                        let v = r!(src).clone();
                        if let Value::Cell(c) = r!(cell) {
                            c.value.set(v);
                        }
                        safe_point!();
                    }
                    Instr::Add { dst, a, b } => {
                        match (r!(a), r!(b)) {
                            (Value::Int(x), Value::Int(y)) => {
                                if let Some(s) = x.checked_add(*y) {
                                    set!(dst, Value::Int(s));
                                    continue;
                                }
                            }
                            (Value::Float(x), Value::Float(y)) => {
                                let s = x + y;
                                set!(dst, Value::Float(s));
                                continue;
                            }
                            // SAFETY: register operands are live registers.
                            (Value::Str(_), Value::Str(_))
                                if dst == a
                                    && unsafe { super::ops::concat_in_place(base, a, b, code.instrs.get(pc), &code.names, globals) } =>
                            {
                                continue;
                            }
                            _ => {}
                        }
                        binop_slow!(BinOp::Add, dst, a, b);
                    }
                    Instr::AddInt { dst, a, imm } => {
                        match r!(a) {
                            Value::Int(x) => {
                                if let Some(s) = x.checked_add(imm as i64) {
                                    set!(dst, Value::Int(s));
                                    continue;
                                }
                            }
                            Value::Float(x) => {
                                let s = x + imm as f64;
                                set!(dst, Value::Float(s));
                                continue;
                            }
                            _ => {}
                        }
                        let x = r!(a).clone();
                        let v = tri!(self.binary_op(BinOp::Add, &x, &Value::Int(imm as i64)));
                        set!(dst, v);
                    }
                    Instr::SubInt { dst, a, imm } => {
                        match r!(a) {
                            Value::Int(x) => {
                                if let Some(s) = x.checked_sub(imm as i64) {
                                    set!(dst, Value::Int(s));
                                    continue;
                                }
                            }
                            Value::Float(x) => {
                                let s = x - imm as f64;
                                set!(dst, Value::Float(s));
                                continue;
                            }
                            _ => {}
                        }
                        let x = r!(a).clone();
                        let v = tri!(self.binary_op(BinOp::Sub, &x, &Value::Int(imm as i64)));
                        set!(dst, v);
                    }
                    Instr::Sub { dst, a, b } => {
                        match (r!(a), r!(b)) {
                            (Value::Int(x), Value::Int(y)) => {
                                if let Some(s) = x.checked_sub(*y) {
                                    set!(dst, Value::Int(s));
                                    continue;
                                }
                            }
                            (Value::Float(x), Value::Float(y)) => {
                                let s = x - y;
                                set!(dst, Value::Float(s));
                                continue;
                            }
                            _ => {}
                        }
                        binop_slow!(BinOp::Sub, dst, a, b);
                    }
                    Instr::Mul { dst, a, b } => {
                        match (r!(a), r!(b)) {
                            (Value::Int(x), Value::Int(y)) => {
                                if let Some(s) = x.checked_mul(*y) {
                                    set!(dst, Value::Int(s));
                                    continue;
                                }
                            }
                            (Value::Float(x), Value::Float(y)) => {
                                let s = x * y;
                                set!(dst, Value::Float(s));
                                continue;
                            }
                            _ => {}
                        }
                        binop_slow!(BinOp::Mul, dst, a, b);
                    }
                    Instr::TrueDiv { dst, a, b } => {
                        if let (Value::Float(x), Value::Float(y)) = (r!(a), r!(b)) {
                            if *y != 0.0 {
                                let s = x / y;
                                set!(dst, Value::Float(s));
                                continue;
                            }
                        }
                        binop_slow!(BinOp::TrueDiv, dst, a, b);
                    }
                    Instr::FloorDiv { dst, a, b } => {
                        if let (Value::Int(x), Value::Int(y)) = (r!(a), r!(b)) {
                            if let Some(q) = int::floordiv_i64(*x, *y) {
                                set!(dst, Value::Int(q));
                                continue;
                            }
                        }
                        binop_slow!(BinOp::FloorDiv, dst, a, b);
                    }
                    Instr::ModInt { dst, a, imm } => {
                        // (A positive divisor: Python's `%` is the Euclidean
                        // remainder.)
                        if let (Value::Int(x), true) = (r!(a), imm > 0) {
                            let m = x.rem_euclid(imm as i64);
                            set!(dst, Value::Int(m));
                            continue;
                        }
                        let x = r!(a).clone();
                        let v = tri!(self.binary_op(BinOp::Mod, &x, &Value::Int(imm as i64)));
                        set!(dst, v);
                    }
                    Instr::Mod { dst, a, b } => {
                        if let (Value::Int(x), Value::Int(y)) = (r!(a), r!(b)) {
                            if *y != 0 {
                                let m = int::mod_i64(*x, *y);
                                set!(dst, Value::Int(m));
                                continue;
                            }
                        }
                        binop_slow!(BinOp::Mod, dst, a, b);
                    }
                    Instr::InplaceOp { op, dst, a, b } => {
                        // `+=` first, as tight as `Add`.
                        if op == BinOp::Add {
                            match (r!(a), r!(b)) {
                                (Value::Int(x), Value::Int(y)) => {
                                    if let Some(s) = x.checked_add(*y) {
                                        set!(dst, Value::Int(s));
                                        continue;
                                    }
                                }
                                (Value::Float(x), Value::Float(y)) => {
                                    let s = x + y;
                                    set!(dst, Value::Float(s));
                                    continue;
                                }
                                // SAFETY: register operands are live registers.
                                (Value::Str(_), Value::Str(_))
                                    if dst == a
                                        && unsafe {
                                            super::ops::concat_in_place(base, a, b, code.instrs.get(pc), &code.names, globals)
                                        } =>
                                {
                                    continue;
                                }
                                _ => {}
                            }
                        } else if let (Value::Int(x), Value::Int(y)) = (r!(a), r!(b)) {
                            let fast = match op {
                                BinOp::Add => x.checked_add(*y),
                                BinOp::Sub => x.checked_sub(*y),
                                BinOp::Mul => x.checked_mul(*y),
                                BinOp::FloorDiv => int::floordiv_i64(*x, *y),
                                BinOp::Mod if *y != 0 => Some(int::mod_i64(*x, *y)),
                                BinOp::And => Some(x & y),
                                BinOp::Or => Some(x | y),
                                BinOp::Xor => Some(x ^ y),
                                _ => None,
                            };
                            if let Some(v) = fast {
                                set!(dst, Value::Int(v));
                                continue;
                            }
                        } else if let (Value::Float(x), Value::Float(y)) = (r!(a), r!(b)) {
                            let fast = match op {
                                BinOp::Add => Some(x + y),
                                BinOp::Sub => Some(x - y),
                                BinOp::Mul => Some(x * y),
                                BinOp::TrueDiv if *y != 0.0 => Some(x / y),
                                _ => None,
                            };
                            if let Some(v) = fast {
                                set!(dst, Value::Float(v));
                                continue;
                            }
                        }
                        let (x, y) = (r!(a).clone(), r!(b).clone());
                        let v = tri!(self.inplace_op(op, &x, &y));
                        set!(dst, v);
                    }
                    Instr::Compare { op, dst, a, b } => {
                        if let (Value::Int(x), Value::Int(y), true) = (r!(a), r!(b), (op as u8) <= CmpOp::IsNot as u8) {
                            let t = cmp_i64(op, *x, *y);
                            set!(dst, Value::Bool(t));
                            continue;
                        }
                        if let (Value::Str(x), Value::Str(y), true) = (r!(a), r!(b), matches!(op, CmpOp::Eq | CmpOp::Ne)) {
                            let t = (PyRef::ptr_eq(x, y) || x.as_str() == y.as_str()) == (op == CmpOp::Eq);
                            set!(dst, Value::Bool(t));
                            continue;
                        }
                        let (x, y) = (r!(a).clone(), r!(b).clone());
                        save_pc!();
                        let v = tri!(self.compare(op, &x, &y));
                        set!(dst, v);
                    }

                    Instr::Jump { target } => pc = target as usize,
                    Instr::Loop { target, counter } => {
                        let c = &code.loop_counters[counter as usize];
                        let n = c.get().wrapping_add(1);
                        c.set(n);
                        let loop_pc = pc - 1;
                        pc = target as usize;
                        // (Not while a signal's Python handler is due: it runs
                        // below first.)
                        if n >= self.jit_threshold && !(crate::objects::rc::gc_due() && crate::modules::signal::tripped()) {
                            // Hot: compile the loop (once) and run it.
                            self.frames[fi].pc = loop_pc as u32 + 1;
                            match self.jit_backedge(fi, loop_pc, target as usize) {
                                crate::jit::Outcome::NotRun => {}
                                crate::jit::Outcome::Resume(p) => pc = p,
                                crate::jit::Outcome::Reload => continue 'frame,
                                crate::jit::Outcome::Raise(e) => {
                                    pending = Some(e);
                                    continue 'frame;
                                }
                            }
                        }
                        if crate::objects::rc::gc_due() {
                            // A safe point: every live value is in a register.
                            self.gc_safe_point();
                            if crate::modules::signal::tripped() && pc == target as usize {
                                // Python signal handlers run at a back-edge,
                                // as in CPython (here or once compiled code
                                // has left at this loop's header, never
                                // elsewhere: the error comes from this
                                // instruction, inside the loop's handlers).
                                self.frames[fi].pc = loop_pc as u32 + 1;
                                if let Err(e) = self.check_signals() {
                                    pc = loop_pc + 1;
                                    break 'err e;
                                }
                            }
                        }
                    }
                    Instr::JumpIfTrue { cond, target } => {
                        let t = match r!(cond) {
                            Value::Bool(b) => *b,
                            Value::None => false,
                            Value::Int(i) => *i != 0,
                            // Python code may run: the value is held.
                            v @ (Value::Instance(_) | Value::Native(_)) => {
                                let v = v.clone();
                                tri!(self.truthy(&v))
                            }
                            // Builtin types answer without running code.
                            v => tri!(self.truthy(v)),
                        };
                        if t {
                            pc = target as usize;
                        }
                    }
                    Instr::JumpIfFalse { cond, target } => {
                        let t = match r!(cond) {
                            Value::Bool(b) => *b,
                            Value::None => false,
                            Value::Int(i) => *i != 0,
                            // Python code may run: the value is held.
                            v @ (Value::Instance(_) | Value::Native(_)) => {
                                let v = v.clone();
                                tri!(self.truthy(&v))
                            }
                            // Builtin types answer without running code.
                            v => tri!(self.truthy(v)),
                        };
                        if !t {
                            pc = target as usize;
                        }
                    }
                    Instr::CompareJump { op, a, b, target } => {
                        let t = match (r!(a), r!(b)) {
                            (Value::Int(x), Value::Int(y)) if (op as u8) <= CmpOp::IsNot as u8 => cmp_i64(op, *x, *y),
                            // `kind == "buy"`: exact strs compare by content.
                            (Value::Str(x), Value::Str(y)) if matches!(op, CmpOp::Eq | CmpOp::Ne) => {
                                (PyRef::ptr_eq(x, y) || x.as_str() == y.as_str()) == (op == CmpOp::Eq)
                            }
                            (Value::Float(x), Value::Float(y)) => match op {
                                CmpOp::Lt => x < y,
                                CmpOp::Le => x <= y,
                                CmpOp::Gt => x > y,
                                CmpOp::Ge => x >= y,
                                CmpOp::Eq => x == y,
                                CmpOp::Ne => x != y,
                                _ => {
                                    let (x, y) = (r!(a).clone(), r!(b).clone());
                                    tri!(self.compare_bool(op, &x, &y))
                                }
                            },
                            _ => {
                                let (x, y) = (r!(a).clone(), r!(b).clone());
                                save_pc!();
                                tri!(self.compare_bool(op, &x, &y))
                            }
                        };
                        if !t {
                            pc = target as usize;
                        }
                    }
                    Instr::CompareJumpInt { op, a, imm, target } => {
                        let t = match r!(a) {
                            Value::Int(x) => cmp_i64(op, *x, imm as i64),
                            Value::Float(x) => {
                                let y = imm as f64;
                                match op {
                                    CmpOp::Lt => *x < y,
                                    CmpOp::Le => *x <= y,
                                    CmpOp::Gt => *x > y,
                                    CmpOp::Ge => *x >= y,
                                    CmpOp::Eq => *x == y,
                                    _ => *x != y,
                                }
                            }
                            _ => {
                                let x = r!(a).clone();
                                save_pc!();
                                tri!(self.compare_bool(op, &x, &Value::Int(imm as i64)))
                            }
                        };
                        if !t {
                            pc = target as usize;
                        }
                    }
                    Instr::JumpIfNone { src, target } => {
                        if matches!(r!(src), Value::None) {
                            pc = target as usize;
                        }
                    }
                    Instr::JumpIfNotNone { src, target } => {
                        if !matches!(r!(src), Value::None) {
                            pc = target as usize;
                        }
                    }

                    Instr::ForIter { dst, iter, target } => {
                        if let Value::Iter(io) = r!(iter) {
                            if let Ok(k) = io.kind.try_borrow() {
                                match &*k {
                                    IterKind::Range { next, stop, step } => {
                                        let n = next.get();
                                        if (*step > 0 && n < *stop) || (*step < 0 && n > *stop) {
                                            // (Past the int64 range is past `stop`.)
                                            next.set(n.checked_add(*step).unwrap_or(*stop));
                                            drop(k);
                                            set!(dst, Value::Int(n));
                                        } else {
                                            pc = target as usize;
                                        }
                                        continue;
                                    }
                                    IterKind::Seq { seq: s @ (Value::List(_) | Value::Tuple(_)), index } => {
                                        let i = index.get();
                                        let item = match s {
                                            Value::List(l) => l.get(i),
                                            Value::Tuple(t) => t.as_slice().get(i).cloned(),
                                            _ => None,
                                        };
                                        match item {
                                            Some(v) => {
                                                index.set(i + 1);
                                                drop(k);
                                                prof!(&v);
                                                set!(dst, v);
                                            }
                                            None => {
                                                index.set(usize::MAX / 2);
                                                pc = target as usize;
                                            }
                                        }
                                        continue;
                                    }
                                    IterKind::Enumerate { it: Value::Generator(_), .. } => {
                                        drop(k);
                                        save_pc!();
                                        if self.try_resume_enumerate(r!(iter), dst, target) {
                                            continue 'frame;
                                        }
                                    }
                                    _ => {}
                                }
                            }
                        }
                        if let Value::Generator(g) = r!(iter) {
                            save_pc!();
                            match self.try_resume_for(&g.clone(), dst, target) {
                                Resumed::Pushed => continue 'frame,
                                Resumed::Item(v) => {
                                    prof!(&v);
                                    set!(dst, v);
                                    continue;
                                }
                                Resumed::No => {}
                            }
                        }
                        // `for a, b in zip(xs, ys)`: straight into the
                        // unpacking's registers, no tuple (the loop's
                        // temporary `dst` is dead after the unpacking).
                        if let Some(Instr::UnpackSequence { dst: udst, src, count }) = instrs.get(pc).copied() {
                            if src == dst {
                                let it = r!(iter);
                                // SAFETY: `udst .. udst+count` are registers of this frame.
                                match unsafe { crate::vm::iter::zip_into(it, base.add(udst as usize), count as usize) } {
                                    Some(true) => {
                                        code.cache(pc - 1).profile |= 32;
                                        for i in 0..count {
                                            code.cache(pc).profile |= crate::jit::profile_bit(r!(udst + i));
                                        }
                                        pc += 1;
                                        continue;
                                    }
                                    Some(false) => {
                                        pc = target as usize;
                                        continue;
                                    }
                                    None => {}
                                }
                            }
                        }
                        let it = r!(iter).clone();
                        save_pc!();
                        match tri!(self.next(&it)) {
                            Some(v) => {
                                prof!(&v);
                                set!(dst, v)
                            }
                            None => pc = target as usize,
                        }
                    }

                    Instr::Call { func, nargs } => {
                        save_pc!();
                        // Fast path: a plain Python function called with exactly
                        // its positional parameters gets a frame right here.
                        if profiling {
                            if let Value::Function(f) = r!(func) {
                                // The callee's code, for the JIT (`Cache::c`:
                                // 0 none yet, 1 several).
                                let c = code.cache(pc - 1);
                                let p = &*f.code as *const CodeObj as u64;
                                if c.c != p {
                                    c.c = if c.c == 0 { p } else { 1 };
                                }
                            }
                        }
                        match r!(func) {
                            Value::Function(f) if self.try_fast_call(fi, f, base, func as usize + 1, nargs as usize, func) => {
                                continue 'frame;
                            }
                            // (`Done` too: the frame's pc is saved.)
                            Value::Class(c) if self.try_fast_init(fi, &c.clone(), base, func, nargs as usize) != FastInit::No => {
                                continue 'frame;
                            }
                            Value::Method(m) if self.try_fast_method_call(fi, &m.clone(), base, func, nargs as usize) => {
                                continue 'frame;
                            }
                            _ => {}
                        }
                        // SAFETY: the arguments are registers func+1 .. func+nargs.
                        let args: &[Value] = unsafe { std::slice::from_raw_parts(base.add(func as usize + 1), nargs as usize) };
                        let r = self.call_from_frame(fi, func, r!(func), Args::new(args), None);
                        // The arguments are temporaries: drop them now, as
                        // CPython pops them (objects die when they would there).
                        // SAFETY: as above.
                        clear_temps(unsafe { base.add(func as usize + 1) }, nargs as usize);
                        match tri!(r) {
                            Some(v) => {
                                prof!(&v);
                                set!(func, v);
                                safe_point!();
                            }
                            None => continue 'frame,
                        }
                    }
                    Instr::LoadMethod { dst, obj, name } => {
                        let o = r!(obj).clone();
                        if let Some(f) = crate::vm::inline_cache::cached_method(&o, code.cache(pc - 1), &code.names[name as usize]) {
                            set!(dst, Value::Function(f));
                            set!(dst + 1, o);
                            continue;
                        }
                        match tri!(self.load_method_cached(&o, code, pc - 1, &code.names[name as usize])) {
                            MethodLookup::Unbound(f) => {
                                set!(dst, f);
                                set!(dst + 1, o);
                            }
                            MethodLookup::With(f, this) => {
                                set!(dst, f);
                                set!(dst + 1, this);
                            }
                            MethodLookup::Attr(a) => {
                                set!(dst, a);
                                set!(dst + 1, Value::Undef);
                            }
                        }
                    }
                    Instr::CallMethod { base: b, nargs } => {
                        save_pc!();
                        let has_self = !r!(b + 1).is_undef();
                        let (start, n) = if has_self { (b + 1, nargs as usize + 1) } else { (b + 2, nargs as usize) };
                        if let Value::Function(f) = r!(b) {
                            if self.try_fast_call(fi, f, base, start as usize, n, b) {
                                continue 'frame;
                            }
                        }
                        if let (Value::Builtin(bf), Value::Dict(d), true) =
                            (r!(b), r!(b + 1), has_self && (nargs == 1 || nargs == 2) && !self.profile_on)
                        {
                            if std::ptr::eq(bf.func as *const (), crate::builtins::types_dict::get as *const ()) && bf.this.is_undef() {
                                // `d.get(k)` / `d.get(k, default)` of an exact dict:
                                // the lookup without the generic builtin call.
                                let d = d.clone();
                                let key = r!(b + 2).clone();
                                let found = self.dict_get(&d, &key);
                                let default = if nargs == 2 { r!(b + 3).clone() } else { Value::None };
                                // SAFETY: registers start .. start+n are the arguments.
                                clear_temps(unsafe { base.add(start as usize) }, n);
                                let v = tri!(found).unwrap_or(default);
                                prof!(&v);
                                set!(b, v);
                                safe_point!();
                                continue;
                            }
                        }
                        // SAFETY: registers start .. start+n are the arguments.
                        let args: &[Value] = unsafe { std::slice::from_raw_parts(base.add(start as usize), n) };
                        let r = self.call_from_frame(fi, b, r!(b), Args::new(args), None);
                        // SAFETY: as above (temporaries, see Call).
                        clear_temps(unsafe { base.add(start as usize) }, n);
                        match tri!(r) {
                            Some(v) => {
                                prof!(&v);
                                set!(b, v);
                                safe_point!();
                            }
                            None => continue 'frame,
                        }
                    }
                    Instr::LoadAttr { dst, obj, name } => {
                        let hit = crate::vm::inline_cache::cached_attr_pos(
                            r!(obj),
                            code.cache(pc - 1),
                            &code.names[name as usize],
                            class_flags::HAS_GETATTRIBUTE,
                        );
                        if let Some((d, i)) = hit {
                            let v = d.value_ref_at(i).clone();
                            prof!(&v);
                            set!(dst, v);
                            continue;
                        }
                        let o = r!(obj).clone();
                        save_pc!();
                        let v = tri!(self.load_attr_cached(&o, code, pc - 1, &code.names[name as usize]));
                        prof!(&v);
                        set!(dst, v);
                    }
                    Instr::StoreAttr { obj, name, src } => {
                        let hit = crate::vm::inline_cache::cached_attr_pos(
                            r!(obj),
                            code.cache(pc - 1),
                            &code.names[name as usize],
                            class_flags::HAS_GETATTRIBUTE | class_flags::HAS_SETATTR,
                        );
                        if let Some((d, i)) = hit {
                            d.set_value_at(i, r!(src).clone());
                            safe_point!();
                            continue;
                        }
                        let (o, v) = (r!(obj).clone(), r!(src).clone());
                        save_pc!();
                        tri!(self.store_attr_cached(&o, code, pc - 1, &code.names[name as usize], v));
                        drop(o);
                        safe_point!();
                    }
                    Instr::GetItem { dst, obj, key } => {
                        if let (Value::List(l), Value::Int(i)) = (r!(obj), r!(key)) {
                            let len = l.len() as i64;
                            let j = if *i < 0 { *i + len } else { *i };
                            if j >= 0 && j < len {
                                let v = l.get(j as usize).unwrap();
                                prof!(&v);
                                set!(dst, v);
                                continue;
                            }
                        }
                        if let (Value::Tuple(t), Value::Int(i)) = (r!(obj), r!(key)) {
                            let len = t.len() as i64;
                            let j = if *i < 0 { *i + len } else { *i };
                            if j >= 0 && j < len {
                                let v = t.as_slice()[j as usize].clone();
                                prof!(&v);
                                set!(dst, v);
                                continue;
                            }
                        }
                        let (o, k) = (r!(obj).clone(), r!(key).clone());
                        save_pc!();
                        let v = tri!(self.get_item(&o, &k));
                        prof!(&v);
                        set!(dst, v);
                    }
                    Instr::SetItem { obj, key, src } => {
                        if let (Value::List(l), Value::Int(i)) = (r!(obj), r!(key)) {
                            let len = l.len() as i64;
                            let j = if *i < 0 { *i + len } else { *i };
                            if j >= 0 && j < len {
                                l.set(j as usize, r!(src).clone());
                                safe_point!();
                                continue;
                            }
                        }
                        let (o, k, v) = (r!(obj).clone(), r!(key).clone(), r!(src).clone());
                        save_pc!();
                        tri!(self.set_item(&o, &k, v));
                        drop((o, k));
                        safe_point!();
                    }
                    Instr::Return { src } => {
                        // SAFETY: `src` is a register of this frame.
                        let v = std::mem::take(unsafe { &mut *base.add(src as usize) });
                        // Fast path: back into the calling Python frame.
                        let fast_ret = match self.frames[fi].ret {
                            Ret::Reg(r) => Some(r),
                            Ret::BinOp { dst, .. } if !matches!(v, Value::NotImplemented) => Some(dst),
                            _ => None,
                        };
                        if let (Some(r), None, false) = (fast_ret, &self.frames[fi].generator, self.profile_on) {
                            for i in 0..code.nregs as usize {
                                // SAFETY: the returning frame's window is live stack memory.
                                Value::clear(unsafe { &mut *base.add(i) });
                            }
                            // SAFETY: pops the top frame in place (dropping its
                            // fields) instead of moving it out; fi == len - 1.
                            unsafe {
                                let fp = self.frames.as_mut_ptr().add(fi);
                                self.frames.set_len(fi);
                                std::ptr::drop_in_place(fp);
                            }
                            let caller = &self.frames[fi - 1];
                            // The result's kind, for the JIT's speculation on
                            // the call instruction (the caller's pc is past it).
                            // SAFETY: the caller's code outlives its frame.
                            let caller_code: &CodeObj = unsafe { &*caller.code };
                            // (Only the JIT reads profiles.)
                            if caller.pc > 0 && self.jit_threshold != u32::MAX {
                                caller_code.cache(caller.pc as usize - 1).profile |= crate::jit::profile_bit(&v);
                            }
                            // SAFETY: `r` is a register of the caller's window.
                            Value::store(unsafe { &mut *caller.base.add(r as usize) }, v);
                            continue 'frame;
                        }
                        if let (Ret::ToRust, None, false) = (self.frames[fi].ret, &self.frames[fi].generator, self.profile_on) {
                            // Fast path: back to the Rust caller (`call_python`).
                            debug_assert_eq!(fi + 1, entry_depth);
                            self.discard_top_frame();
                            return Ok(v);
                        }
                        save_pc!();
                        match self.do_return(v, entry_depth) {
                            Ok(Some(result)) => return Ok(result),
                            Ok(None) => continue 'frame,
                            // (A profile hook's error at the entry frame's
                            // return: raised to the Rust caller.)
                            Err(e) if self.frames.len() < entry_depth => return Err(e),
                            Err(e) => {
                                pending = Some(e);
                                continue 'frame;
                            }
                        }
                    }
                    // A generator whose values a Rust loop collects: the
                    // value is appended and the frame goes on.
                    Instr::Yield { dst, src } if matches!(self.frames[fi].ret, Ret::Collect) && !self.profile_on => {
                        let v = r!(src).clone();
                        self.collected.push(v);
                        set!(dst, Value::None);
                    }
                    // A generator `any()`/`all()` runs: a value that cannot
                    // decide, passed over in place.
                    Instr::Yield { dst, src }
                        if matches!(self.frames[fi].ret, Ret::Skip { truthy } if super::ops::known_truth(r!(src)) == Some(truthy))
                            && !self.profile_on =>
                    {
                        set!(dst, Value::None);
                    }
                    // A generator `sum()` runs: a number added in place.
                    Instr::Yield { dst, src } if matches!(self.frames[fi].ret, Ret::Sum) && !self.profile_on && self.sum_step(r!(src)) => {
                        set!(dst, Value::None);
                    }
                    Instr::Yield { dst, src } => {
                        let v = r!(src).clone();
                        save_pc!();
                        if self.profile_on {
                            if let Err(e) = self.profile_return(fi, &v) {
                                break 'err e;
                            }
                        }
                        match self.yield_value(pc as u32, v, dst, super::generator::SentSlot::NO_ITER) {
                            None => continue 'frame,
                            Some(v) => return Ok(v),
                        }
                    }
                    // Bitwise operators on small ints (`h >> 4`), here
                    // rather than through `step_slow`.
                    Instr::BinaryOp { op, dst, a, b } if int_bitop(op, r!(a), r!(b)).is_some() => {
                        let v = Value::Int(int_bitop(op, r!(a), r!(b)).unwrap_or_default());
                        prof!(&v);
                        set!(dst, v);
                    }
                    // An f-string field without conversion or spec of a str
                    // (the str itself) or an int (its digits).
                    Instr::FormatValue { dst, src, spec: _, conv: 0 } if matches!(r!(src), Value::Str(_) | Value::Int(_)) => {
                        let v = match r!(src) {
                            Value::Int(i) => super::format::int_str_value(*i),
                            x => x.clone(),
                        };
                        set!(dst, v);
                    }
                    Instr::ReturnNone {} => {
                        save_pc!();
                        match self.do_return(Value::None, entry_depth) {
                            Ok(Some(result)) => return Ok(result),
                            Ok(None) => continue 'frame,
                            Err(e) if self.frames.len() < entry_depth => return Err(e),
                            Err(e) => {
                                pending = Some(e);
                                continue 'frame;
                            }
                        }
                    }

                    _ => {
                        self.frames[fi].pc = pc as u32;
                        match self.step_slow(fi, base, pc, *ins, entry_depth) {
                            Ok(Step::Next) => {}
                            Ok(Step::Jump(t)) => pc = t,
                            Ok(Step::Frame) => continue 'frame,
                            Ok(Step::Exit(v)) => return Ok(v),
                            Err(e) => break 'err e,
                        }
                    }
                }
            };
            self.frames[fi].pc = pc as u32;
            pending = Some(err);
        }
    }

    /// `set!`'s safe point: the old value of a register was freed.
    #[cold]
    #[inline(never)]
    fn freed_safe_point(&mut self) {
        // The frame's saved pc may be behind (finalizers only see it
        // through frame introspection).
        self.gc_safe_point();
    }

    /// The register window a frame for `callee` gets above frame `fi`, if
    /// the register stack has room: (base, top).
    #[inline(always)]
    fn fast_window(&self, fi: usize, callee: &CodeObj) -> Option<(*mut Value, *mut Value)> {
        let new_base = self.frames[fi].top;
        // SAFETY: pointer arithmetic inside the stack allocation (checked next).
        let new_top = unsafe { new_base.add(callee.nregs as usize) };
        (new_top <= self.stack_end).then_some((new_base, new_top))
    }

    /// Completes a fast-path frame whose parameters are in place in the
    /// window `new_base..new_top`: the closure's cells, the entry counter
    /// (the JIT's function-entry trigger), and the push.
    #[inline(always)]
    fn push_fast_frame(&mut self, f: PyRef<FunctionObj>, new_base: *mut Value, new_top: *mut Value, ret: Ret) {
        let callee: &CodeObj = &f.code;
        for (i, (_, reg)) in callee.freevars.iter().enumerate() {
            if let Some(cell) = f.closure.get(i) {
                // SAFETY: `reg` < nregs, in the fresh window (all Undef).
                unsafe { std::ptr::write(new_base.add(*reg as usize), Value::Cell(cell.clone())) };
            }
        }
        callee.entry_count.set(callee.entry_count.get().wrapping_add(1));
        self.push_call_frame(f, new_base, new_top, ret);
    }

    /// Pushes a frame for `f` when it is a plain function called with
    /// exactly its positional parameters (registers `start..start+n` of
    /// the frame at `base`, moved into the new window); the result goes to
    /// register `ret`. Returns false (nothing done) otherwise.
    #[inline(always)]
    pub(crate) fn try_fast_call(&mut self, fi: usize, f: &PyRef<FunctionObj>, base: *mut Value, start: usize, n: usize, ret: u16) -> bool {
        self.try_fast_call_with(fi, f, None, base, start, n, ret)
    }

    /// `try_fast_call` for a bound-method value in register `func`, kept
    /// out of line (the dispatch loop stays small).
    #[inline(never)]
    fn try_fast_method_call(&mut self, fi: usize, m: &PyRef<MethodObj>, base: *mut Value, func: u16, nargs: usize) -> bool {
        match &m.func {
            Value::Function(f) => self.try_fast_call_with(fi, f, Some(&m.this), base, func as usize + 1, nargs, func),
            _ => false,
        }
    }

    /// `try_fast_call` with a bound method's `self` (`this`) before the
    /// arguments.
    #[inline(always)]
    #[allow(clippy::too_many_arguments)]
    pub(crate) fn try_fast_call_with(
        &mut self,
        fi: usize,
        f: &PyRef<FunctionObj>,
        this: Option<&Value>,
        base: *mut Value,
        start: usize,
        nargs: usize,
        ret: u16,
    ) -> bool {
        let callee: &CodeObj = &f.code;
        let argcount = callee.argcount as usize;
        // Parameters filled by the caller (`self` included).
        let n = nargs + this.is_some() as usize;
        let varargs = callee.flags & code_flags::VARARGS != 0;
        if callee.flags & (code_flags::VARKEYWORDS | code_flags::GENERATOR) != 0
            || (argcount < n && !varargs)
            // (`self` would go into `*args`.)
            || (this.is_some() && argcount == 0)
            || callee.kwonlyargcount != 0
            || self.frames.len() >= self.frame_limit
        {
            return false;
        }
        // Missing trailing parameters come from the defaults.
        let defaults = if argcount > n {
            // SAFETY: `defaults` is only replaced by assignments to
            // `__defaults__`, which cannot run while this borrow lives.
            match unsafe { f.defaults.peek() } {
                Value::Tuple(t) if argcount - n <= t.len() => Some(&t.as_slice()[t.len() - (argcount - n)..]),
                _ => return false,
            }
        } else {
            None
        };
        let Some((new_base, new_top)) = self.fast_window(fi, callee) else { return false };
        let skip = this.is_some() as usize;
        if let Some(t) = this {
            // SAFETY: as below.
            unsafe { std::ptr::write(new_base, t.clone()) };
        }
        // Arguments beyond the parameters (only with `*args`) form its tuple.
        let fixed = nargs.min(argcount - skip.min(argcount));
        for i in 0..fixed {
            // SAFETY: the new window lies above every live frame and holds
            // only Undef values, so writing without dropping is correct; the
            // argument registers are the caller's.
            unsafe { Value::move_to_fresh(base.add(start + i), new_base.add(skip + i)) };
        }
        if varargs {
            // SAFETY: registers start+fixed .. start+nargs are the caller's
            // remaining arguments (taken, leaving Undef); `argcount` < nregs
            // is the `*args` register (no keyword-only parameters).
            unsafe {
                let extra: Vec<Value> = (fixed..nargs).map(|i| std::mem::take(&mut *base.add(start + i))).collect();
                std::ptr::write(new_base.add(argcount), Value::tuple(extra));
            }
        }
        if let Some(defs) = defaults {
            for (i, d) in defs.iter().enumerate() {
                // SAFETY: as above; n + i < argcount <= nregs.
                unsafe { std::ptr::write(new_base.add(n + i), d.clone()) };
            }
        }
        self.push_fast_frame(f.clone(), new_base, new_top, Ret::Reg(ret));
        true
    }

    /// A call with keyword arguments of a Python function (instructions
    /// CallKw, CallMethodKw): `npos` positional arguments in registers
    /// `start..` (after `this`, a bound method's `self`, if any), then one
    /// value per name in `kwnames`; the arguments are moved. See
    /// `try_fast_bind` for when the frame is pushed (the result to register
    /// `ret`); otherwise returns false with nothing done, and the general
    /// path binds (and reports errors).
    #[allow(clippy::too_many_arguments)]
    fn try_fast_call_kw(
        &mut self,
        fi: usize,
        f: &PyRef<FunctionObj>,
        this: Option<&Value>,
        base: *mut Value,
        start: usize,
        npos: usize,
        kwnames: &[Value],
        ret: u16,
        guess: &mut u64,
    ) -> bool {
        self.try_fast_bind(
            fi,
            f,
            this,
            npos,
            kwnames.len(),
            |j| match &kwnames[j] {
                Value::Str(s) => Some(s),
                _ => None,
            },
            // SAFETY (both closures): registers start .. start+npos+len(kwnames)
            // are the caller's arguments, each taken once (leaving Undef).
            |i| unsafe { std::mem::take(&mut *base.add(start + i)) },
            |j| unsafe { std::mem::take(&mut *base.add(start + npos + j)) },
            Ret::Reg(ret),
            Some(guess),
        )
    }

    /// `f(*args, **kwargs)` (instruction CallEx: the callee in register
    /// `func`, the positional tuple and the keyword dict or None after it)
    /// when `f` is a Python function or a bound method of one, the
    /// positional arguments a tuple and the keywords a dict with `str`
    /// keys: binds straight from the tuple and the dict into the new
    /// frame (see `try_fast_bind`), without the intermediate name and
    /// value vectors. Returns false with nothing done otherwise.
    #[inline(never)]
    pub(crate) fn try_fast_call_ex(&mut self, fi: usize, base: *mut Value, func: u16) -> bool {
        // SAFETY: registers func .. func+2 belong to the frame at `base`;
        // they are only read here (the binding clones out of the tuple and
        // the dict, which nothing below changes).
        let (fv, pv, kv) = unsafe { (&*base.add(func as usize), &*base.add(func as usize + 1), &*base.add(func as usize + 2)) };
        let (f, this) = match fv {
            Value::Function(f) => (f, None),
            Value::Method(m) => match &m.func {
                Value::Function(f) => (f, Some(&m.this)),
                _ => return false,
            },
            _ => return false,
        };
        let Value::Tuple(t) = pv else { return false };
        let pos = t.as_slice();
        let kw: Option<&DictObj> = match kv {
            Value::Dict(d) if d.is_empty() => None,
            // Positions of live entries only (no deleted ones in between).
            Value::Dict(d) if d.entries_len() == d.len() => Some(d),
            Value::None => None,
            _ => return false,
        };
        let nkw = kw.map_or(0, |d| d.len());
        self.try_fast_bind(
            fi,
            f,
            this,
            pos.len(),
            nkw,
            |j| match kw.and_then(|d| d.entry_ref_at(j)) {
                Some((Value::Str(s), _, _)) => Some(s),
                _ => None,
            },
            |i| pos[i].clone(),
            |j| kw.and_then(|d| d.entry_ref_at(j)).map_or(Value::Undef, |(_, _, v)| v.clone()),
            Ret::Reg(func),
            None,
        )
    }

    /// Pushes a frame for the Python function `f` called with `this` (a
    /// bound method's `self`) and `npos` positional arguments (`pos(i)`),
    /// then `nkw` keyword arguments (`kwname(j)`, `kwval(j)`), when the
    /// binding cannot fail: the function is not a generator, the
    /// positional arguments fit its parameters or it has `*args`, every
    /// keyword names a distinct parameter not given positionally (or goes
    /// to its `**kwargs`), and every missing parameter has a default.
    /// `pos` and `kwval` are called once per argument, and only once the
    /// frame is sure to be pushed. Returns false (nothing done) otherwise:
    /// the general path (`bind_args`) binds or reports the error.
    #[inline(always)]
    #[allow(clippy::too_many_arguments)]
    fn try_fast_bind<'k>(
        &mut self,
        fi: usize,
        f: &PyRef<FunctionObj>,
        this: Option<&Value>,
        npos: usize,
        nkw: usize,
        kwname: impl Fn(usize) -> Option<&'k PyRef<StrObj>>,
        mut pos: impl FnMut(usize) -> Value,
        mut kwval: impl FnMut(usize) -> Value,
        ret: Ret,
        guess: Option<&mut u64>,
    ) -> bool {
        /// A keyword that goes into `**kwargs`.
        const TO_VARKW: u8 = u8::MAX;
        let callee: &CodeObj = &f.code;
        let (argcount, posonly) = (callee.argcount as usize, callee.posonlyargcount as usize);
        let total = argcount + callee.kwonlyargcount as usize;
        let varargs = callee.flags & code_flags::VARARGS != 0;
        let varkw = callee.flags & code_flags::VARKEYWORDS != 0;
        let skip = this.is_some() as usize;
        // Parameters filled positionally (`self` included).
        let n = npos + skip;
        if callee.flags & code_flags::GENERATOR != 0
            || (n > argcount && !varargs)
            // (`self` would go into `*args`.)
            || (skip == 1 && argcount == 0)
            || total > 60
            || nkw > 8
            || self.frames.len() >= self.frame_limit
        {
            return false;
        }
        let fixed = n.min(argcount);
        // Which parameter each keyword binds; `set`: a bit per bound parameter.
        let mut set: u64 = (1u64 << fixed) - 1;
        let mut target = [0u8; 8];
        // The site's binding last time, tried first (and checked: the
        // parameter there must have the keyword's name).
        let guessed = guess.as_deref().map_or([TO_VARKW; 8], |g| g.to_le_bytes());
        let mut packed = u64::MAX;
        for j in 0..nkw {
            let Some(ks) = kwname(j) else { return false };
            let name = ks.as_str();
            let g = guessed[j] as usize;
            let found = if g >= posonly && g < total && super::inline_cache::same_name(&callee.varnames[g], name) {
                Some(g)
            } else {
                callee.varnames[posonly..total].iter().position(|v| super::inline_cache::same_name(v, name)).map(|p| p + posonly)
            };
            match found {
                Some(p) => {
                    if set & (1 << p) != 0 {
                        return false;
                    }
                    set |= 1 << p;
                    target[j] = p as u8;
                    // (Built in a register: reading `target` back as one
                    // word right after the byte stores would stall.)
                    packed = packed & !(0xff << (8 * j)) | (p as u64) << (8 * j);
                }
                None => {
                    // Into `**kwargs`, once per name.
                    if !varkw || (0..j).any(|i| target[i] == TO_VARKW && kwname(i).is_some_and(|o| o.as_str() == name)) {
                        return false;
                    }
                    target[j] = TO_VARKW;
                }
            }
        }
        if let Some(g) = guess {
            *g = packed;
        }
        // Missing positional parameters need defaults, keyword-only ones
        // keyword defaults.
        // SAFETY: the defaults are only replaced by assignments to
        // `__defaults__`/`__kwdefaults__`, which cannot run meanwhile.
        let defs: &[Value] = match unsafe { f.defaults.peek() } {
            Value::Tuple(t) => t.as_slice(),
            _ => &[],
        };
        let first_default = argcount - defs.len().min(argcount);
        // SAFETY: as above.
        let kwdefs = match unsafe { f.kwdefaults.peek() } {
            Value::Dict(d) => Some(d),
            _ => None,
        };
        // Where the keyword defaults used are in `kwdefs` (found once).
        let mut kwd_pos = [0u32; 8];
        let mut nkwd = 0;
        for p in fixed..total {
            if set & (1 << p) == 0 {
                if p < argcount {
                    if p < first_default {
                        return false;
                    }
                } else {
                    let name = &callee.varnames[p];
                    match kwdefs.and_then(|d| d.find_str(name, crate::objects::str::hash_str(name))) {
                        Some(i) if nkwd < kwd_pos.len() => {
                            kwd_pos[nkwd] = i as u32;
                            nkwd += 1;
                        }
                        _ => return false,
                    }
                }
            }
        }
        let Some((new_base, new_top)) = self.fast_window(fi, callee) else { return false };
        // SAFETY: the new window lies above every live frame and holds only
        // Undef values, so writing without dropping is correct; every
        // parameter index is < total + 2 <= nregs.
        unsafe {
            if let Some(t) = this {
                std::ptr::write(new_base, t.clone());
            }
            for i in 0..fixed - skip {
                std::ptr::write(new_base.add(skip + i), pos(i));
            }
            if varargs {
                let extra: Vec<Value> = (fixed - skip..npos).map(&mut pos).collect();
                std::ptr::write(new_base.add(total), Value::tuple(extra));
            }
            let kwdict = if varkw { Some(DictObj::new()) } else { None };
            for (j, &p) in target.iter().enumerate().take(nkw) {
                let v = kwval(j);
                if p == TO_VARKW {
                    if let (Some(d), Some(k)) = (&kwdict, kwname(j)) {
                        // The caller's key object itself (no re-interning).
                        d.insert_new(Value::Str(k.clone()), k.hash(), v);
                    }
                } else {
                    std::ptr::write(new_base.add(p as usize), v);
                }
            }
            if let Some(d) = kwdict {
                std::ptr::write(new_base.add(total + varargs as usize), Value::Dict(d));
            }
            let mut k = 0;
            for p in fixed..total {
                if set & (1 << p) == 0 {
                    let v = if p < argcount {
                        defs[p - first_default].clone()
                    } else {
                        k += 1;
                        kwdefs.map_or(Value::None, |d| d.value_at(kwd_pos[k - 1] as usize))
                    };
                    std::ptr::write(new_base.add(p), v);
                }
            }
        }
        self.push_fast_frame(f.clone(), new_base, new_top, ret);
        true
    }

    /// `C(args)` for a class whose instances `object.__new__` makes and
    /// whose `__init__` is a plain Python function taking exactly the
    /// arguments (registers `func+1 ..`, moved): creates the instance,
    /// leaves it in register `func` and pushes the `__init__` frame
    /// (`Ret::Init`), or runs a setter `__init__` without a frame (see
    /// `init_plan`). `FastInit::No` (nothing done) otherwise.
    #[inline(never)]
    pub(crate) fn try_fast_init(&mut self, fi: usize, c: &PyRef<ClassObj>, base: *mut Value, func: u16, n: usize) -> FastInit {
        let addr = self.init_plan_cached(c);
        if addr == 0 {
            return FastInit::No;
        }
        if addr == EXC_PLAIN_INIT {
            // `BaseException.__new__` and `__init__`: the instance with the
            // arguments as its `args`, no frame. The class call's level of
            // the recursion count is checked as `type_call` would.
            if self.frames.len() >= self.frame_limit {
                return FastInit::No;
            }
            // SAFETY: the arguments are registers func+1 .. func+1+n.
            let args = unsafe { std::slice::from_raw_parts(base.add(func as usize + 1), n) };
            let inst = self.new_instance_args(c, Some(Value::tuple(args.to_vec())));
            // SAFETY: the arguments are temporaries (see Call in `run`);
            // `func` is a register of the caller's window.
            unsafe {
                clear_temps(base.add(func as usize + 1), n);
                Value::store(&mut *base.add(func as usize), inst);
            }
            return FastInit::Done;
        }
        // Bit 0: an exception class (`BaseException.__new__` keeps the
        // arguments as `args`); bit 1: a setter `__init__` (`init_plan`).
        let exc = addr & 1 != 0;
        let setter = addr & 2 != 0;
        let addr = addr & !3;
        // SAFETY: the class (version unchanged) keeps the function alive.
        let f: &FunctionObj = unsafe { &(*(addr as *const rc::ObjBox<FunctionObj>)).data };
        let callee: &CodeObj = &f.code;
        let argcount = callee.argcount as usize;
        if callee.flags & (code_flags::VARARGS | code_flags::VARKEYWORDS | code_flags::GENERATOR) != 0
            || argcount < n + 1
            || callee.kwonlyargcount != 0
            || self.frames.len() + 1 >= self.frame_limit
        {
            return FastInit::No;
        }
        // Missing trailing parameters come from the defaults.
        let defaults = if argcount > n + 1 {
            // SAFETY: `defaults` is only replaced by assignments to
            // `__defaults__`, which cannot run while this borrow lives.
            match unsafe { f.defaults.peek() } {
                Value::Tuple(t) if argcount - (n + 1) <= t.len() => &t.as_slice()[t.len() - (argcount - (n + 1))..],
                _ => return FastInit::No,
            }
        } else {
            &[]
        };
        // (A profile hook sees the `__init__` frame.)
        if setter && !self.profile_on {
            // `self.a = a; self.b = b; ...` straight into the new
            // instance's dict, in the body's order, without a frame: these
            // stores cannot fail or run Python code (`init_plan` checked
            // the class), and the recursion check above is the frame's.
            let inst = self.new_instance(c);
            if let Value::Instance(i) = &inst {
                if let Some(d) = &i.dict {
                    for ins in &callee.instrs[..callee.instrs.len() - 1] {
                        if let Instr::StoreAttr { name, src, .. } = *ins {
                            let k = src as usize - 1;
                            let v = if k < n {
                                // SAFETY: argument registers func+1 .. func+1+n.
                                unsafe { (*base.add(func as usize + 1 + k)).clone() }
                            } else {
                                defaults[k - n].clone()
                            };
                            let key = &callee.names[name as usize];
                            d.insert_new_small(Value::Str(key.clone()), key.hash(), v);
                        }
                    }
                }
            }
            callee.entry_count.set(callee.entry_count.get().wrapping_add(1));
            // SAFETY: the arguments are temporaries (see Call in `run`);
            // `func` is a register of the caller's window.
            unsafe {
                clear_temps(base.add(func as usize + 1), n);
                Value::store(&mut *base.add(func as usize), inst);
            }
            return FastInit::Done;
        }
        let Some((new_base, new_top)) = self.fast_window(fi, callee) else { return FastInit::No };
        let inst = if exc {
            // SAFETY: the arguments are registers func+1 .. func+1+n.
            let args = unsafe { std::slice::from_raw_parts(base.add(func as usize + 1), n) };
            self.new_instance_args(c, Some(Value::tuple(args.to_vec())))
        } else {
            self.new_instance(c)
        };
        // SAFETY: the new window lies above every live frame and holds only
        // Undef values, so writing without dropping is correct; the
        // argument registers are the caller's.
        unsafe {
            std::ptr::write(new_base, inst.clone());
            for i in 0..n {
                Value::move_to_fresh(base.add(func as usize + 1 + i), new_base.add(1 + i));
            }
            for (i, d) in defaults.iter().enumerate() {
                std::ptr::write(new_base.add(1 + n + i), d.clone());
            }
        }
        // The caller's register holds the instance during `__init__`.
        // SAFETY: `func` is a register of the caller's window.
        Value::store(unsafe { &mut *base.add(func as usize) }, inst);
        // SAFETY: as above; the clone takes a count.
        let fref = unsafe { PyRef::clone_from_raw(addr as *const rc::ObjBox<FunctionObj>) };
        self.push_fast_frame(fref, new_base, new_top, Ret::Init(func));
        self.push_init_level();
        FastInit::Frame
    }

    /// `a <op> b` where `a` is an instance whose class's `__op__` is the
    /// plain Python function the instruction's cache remembers (filled by
    /// `note_binop`): pushes a frame for `__op__(a, b)` instead of calling
    /// it from Rust, so the dunder runs in this dispatch loop. The frame
    /// returns through `Ret::BinOp`, which finishes the operator protocol
    /// if the dunder returns NotImplemented. Returns false (nothing done)
    /// whenever the full protocol could choose differently: `b` an
    /// instance of another class (its reflected method may take
    /// precedence), a stale cache, or a call that needs binding.
    #[inline(never)]
    #[allow(clippy::too_many_arguments)]
    pub(crate) fn try_binop_frame(
        &mut self,
        fi: usize,
        base: *mut Value,
        code: &CodeObj,
        pc: usize,
        op: BinOp,
        a: u16,
        b: u16,
        dst: u16,
    ) -> bool {
        // SAFETY: `a` and `b` are registers of the frame at `base`.
        let (x, y) = unsafe { (&*base.add(a as usize), &*base.add(b as usize)) };
        let Value::Instance(inst) = x else { return false };
        // SAFETY: nothing below sets the instance's class.
        let Value::Class(cls) = (unsafe { inst.class.peek() }) else { return false };
        let cache = *code.cache(pc);
        if cache.a == 0 || cache.a != cls.version.get() || cache.b == 0 {
            return false;
        }
        if let Value::Instance(other) = y {
            // SAFETY: as above.
            match unsafe { other.class.peek() } {
                Value::Class(c2) if PyRef::ptr_eq(c2, cls) => {}
                _ => return false,
            }
        }
        // SAFETY: the cache holds the address of a function that the class
        // (whose version is unchanged) keeps alive.
        let f: &FunctionObj = unsafe { &(*(cache.b as *const rc::ObjBox<FunctionObj>)).data };
        let callee: &CodeObj = &f.code;
        if callee.flags & (code_flags::VARARGS | code_flags::VARKEYWORDS | code_flags::GENERATOR) != 0
            || callee.argcount != 2
            || callee.kwonlyargcount != 0
            || self.frames.len() >= self.frame_limit
        {
            return false;
        }
        let Some((new_base, new_top)) = self.fast_window(fi, callee) else { return false };
        // SAFETY: the new window lies above every live frame and holds only
        // Undef values, so writing without dropping is correct.
        unsafe {
            std::ptr::write(new_base, x.clone());
            std::ptr::write(new_base.add(1), y.clone());
        }
        // SAFETY: as above; the clone takes a count.
        let fref = unsafe { PyRef::clone_from_raw(cache.b as *const rc::ObjBox<FunctionObj>) };
        self.push_fast_frame(fref, new_base, new_top, Ret::BinOp { dst, a, b, op });
        true
    }

    /// The less frequent instructions, kept out of `run` so that the hot
    /// loop stays small enough for its state to live in machine registers.
    #[inline(never)]
    pub(crate) fn step_slow(&mut self, fi: usize, base: *mut Value, pc_in: usize, ins: Instr, entry_depth: usize) -> Result<Step, PyErr> {
        let mut pc = pc_in;
        let (code_ptr, globals_ptr) = (self.frames[fi].code, self.frames[fi].globals);
        // SAFETY: the frame keeps its code and globals alive.
        let code: &CodeObj = unsafe { &*code_ptr };
        let globals: &DictObj = unsafe { &*globals_ptr };
        macro_rules! r {
            ($i:expr) => {
                // SAFETY: register operands are < nregs.
                unsafe { &*base.add($i as usize) }
            };
        }
        macro_rules! set {
            ($i:expr, $v:expr) => {{
                let v = $v;
                // SAFETY: as in `r!`; a safe point if the old value was freed.
                Value::store_then(unsafe { &mut *base.add($i as usize) }, v, || self.freed_safe_point());
            }};
        }
        // A safe point after an instruction that may have freed an object
        // (queued finalizers run here, see `finalize.rs`).
        macro_rules! safe_point {
            () => {
                if crate::objects::rc::gc_due() {
                    self.frames[fi].pc = pc as u32;
                    self.gc_safe_point();
                }
            };
        }
        // Moves a value out of a temporary register (leaving Undef).
        macro_rules! take {
            ($i:expr) => {
                // SAFETY: as in `r!`.
                std::mem::take(unsafe { &mut *base.add($i as usize) })
            };
        }
        macro_rules! name {
            ($i:expr) => {
                code.names[$i as usize].as_str()
            };
        }
        macro_rules! save_pc {
            () => {
                self.frames[fi].pc = pc as u32
            };
        }
        let err: PyErr = 'err: {
            macro_rules! tri {
                ($e:expr) => {
                    match $e {
                        Ok(v) => v,
                        Err(e) => break 'err e,
                    }
                };
            }
            match ins {
                Instr::DeleteLocal { reg, name } => {
                    if r!(reg).is_undef() {
                        break 'err unbound_local(name!(name));
                    }
                    set!(reg, Value::Undef);
                    // `del x` frees x's object now if nothing else holds it.
                    self.clear_dead_temps(fi, pc, false);
                    safe_point!();
                }
                Instr::DeleteGlobal { name } => {
                    let n = name!(name);
                    let h = crate::objects::str::hash_str(n);
                    match globals.find_str(n, h) {
                        Some(i) => {
                            globals.remove_at(i);
                        }
                        None => break 'err PyErr::name_error(format!("name '{}' is not defined", n)),
                    }
                    self.clear_dead_temps(fi, pc, false);
                    safe_point!();
                }
                Instr::LoadName { dst, name } => {
                    let n = name!(name);
                    let found = match &self.frames[fi].locals {
                        Some(l) => l.get_str(n),
                        None if self.frames[fi].locals_map().is_some() => {
                            save_pc!();
                            tri!(self.locals_map_get(fi, n))
                        }
                        None => None,
                    };
                    let v = match found {
                        Some(v) => v,
                        None => tri!(self.load_global_slow(globals, code, pc - 1, n)),
                    };
                    set!(dst, v);
                }
                Instr::StoreName { src, name } => {
                    let v = r!(src).clone();
                    let n = name!(name);
                    match self.frames[fi].locals.clone() {
                        Some(l) => l.set_str(n, v),
                        None => match self.frames[fi].locals_map().cloned() {
                            Some(m) => {
                                save_pc!();
                                tri!(self.set_item(&m, &Value::str(n), v));
                            }
                            None => globals.set_str(n, v),
                        },
                    }
                    safe_point!();
                }
                Instr::DeleteName { name } => {
                    let n = name!(name);
                    if let Some(m) = self.frames[fi].locals_map().cloned() {
                        // CPython reports any failure of the mapping's
                        // `__delitem__` as a NameError.
                        save_pc!();
                        if self.del_item(&m, &Value::str(n)).is_err() {
                            break 'err PyErr::name_error(format!("name '{}' is not defined", n));
                        }
                        self.clear_dead_temps(fi, pc, false);
                        safe_point!();
                        return Ok(Step::Next);
                    }
                    let d = self.frames[fi].locals.clone().unwrap_or_else(|| self.frames[fi].globals_ref());
                    let h = crate::objects::str::hash_str(n);
                    match d.find_str(n, h) {
                        Some(i) => {
                            d.remove_at(i);
                        }
                        None => break 'err PyErr::name_error(format!("name '{}' is not defined", n)),
                    }
                    self.clear_dead_temps(fi, pc, false);
                    safe_point!();
                }
                Instr::LoadClassDeref { dst, cell, name } => {
                    let n = name!(name);
                    let found = match &self.frames[fi].locals {
                        Some(l) => l.get_str(n),
                        None if self.frames[fi].locals_map().is_some() => {
                            save_pc!();
                            tri!(self.locals_map_get(fi, n))
                        }
                        None => None,
                    };
                    let v = match found {
                        Some(v) => v,
                        None => match r!(cell) {
                            Value::Cell(c) => c.value.get(),
                            _ => Value::Undef,
                        },
                    };
                    if v.is_undef() {
                        break 'err free_var_error(code, n);
                    }
                    set!(dst, v);
                }
                Instr::DeleteDeref { cell, name } => {
                    if let Value::Cell(c) = r!(cell) {
                        if c.value.get().is_undef() {
                            break 'err free_var_error(code, name!(name));
                        }
                        c.value.set(Value::Undef);
                    }
                    self.clear_dead_temps(fi, pc, false);
                    safe_point!();
                }
                Instr::MakeCell { reg } => {
                    let old = std::mem::take(unsafe { &mut *base.add(reg as usize) });
                    let cell = PyRef::new_tracked(CellObj { value: ValueCell::new(old) });
                    set!(reg, Value::Cell(cell));
                }

                Instr::BinaryOp { op, dst, a, b } => {
                    // Bitwise operators on small ints, without the generic
                    // operator protocol.
                    if let Some(v) = int_bitop(op, r!(a), r!(b)) {
                        code.cache(pc - 1).profile |= crate::jit::profile_bit(&Value::Int(v));
                        set!(dst, Value::Int(v));
                        return Ok(Step::Next);
                    }
                    if let Value::Instance(_) = r!(a) {
                        if self.try_binop_frame(fi, base, code, pc - 1, op, a, b, dst) {
                            return Ok(Step::Frame);
                        }
                    }
                    let (x, y) = (r!(a).clone(), r!(b).clone());
                    let v = tri!(self.binary_op(op, &x, &y));
                    self.note_binop(code, pc - 1, op, &x);
                    code.cache(pc - 1).profile |= crate::jit::profile_bit(&v);
                    set!(dst, v);
                }
                Instr::Neg { dst, src } => {
                    let x = r!(src).clone();
                    let v = tri!(self.neg(&x));
                    set!(dst, v);
                }
                Instr::Pos { dst, src } => {
                    let x = r!(src).clone();
                    let v = tri!(self.pos(&x));
                    set!(dst, v);
                }
                Instr::Invert { dst, src } => {
                    let x = r!(src).clone();
                    let v = tri!(self.invert(&x));
                    set!(dst, v);
                }
                Instr::Not { dst, src } => {
                    let x = r!(src).clone();
                    let t = tri!(self.truthy(&x));
                    set!(dst, Value::Bool(!t));
                }
                Instr::ToBool { dst, src } => {
                    let x = r!(src).clone();
                    let t = tri!(self.truthy(&x));
                    set!(dst, Value::Bool(t));
                }
                Instr::GetIter { dst, src } => {
                    let x = r!(src).clone();
                    let it = tri!(self.get_iter(&x));
                    set!(dst, it);
                }
                Instr::CallKw { func, nargs, kwnames } => {
                    save_pc!();
                    let Value::Tuple(names) = &code.consts[kwnames as usize] else { unreachable!() };
                    let nkw = names.len();
                    // SAFETY: as in Call.
                    let all: &[Value] = unsafe { std::slice::from_raw_parts(base.add(func as usize + 1), nargs as usize) };
                    let npos = all.len() - nkw;
                    let (f, this) = match r!(func) {
                        Value::Function(f) => (Some(f), None),
                        Value::Method(m) => match &m.func {
                            Value::Function(f) => (Some(f), Some(&m.this)),
                            _ => (None, None),
                        },
                        _ => (None, None),
                    };
                    if let Some(f) = f {
                        if self.try_fast_call_kw(
                            fi,
                            f,
                            this,
                            base,
                            func as usize + 1,
                            npos,
                            names.as_slice(),
                            func,
                            &mut code.cache(pc - 1).d,
                        ) {
                            return Ok(Step::Frame);
                        }
                    }
                    let args = Args { pos: &all[..npos], kwnames: names.as_slice(), kwvals: &all[npos..] };
                    let r = self.call_from_frame(fi, func, r!(func), args, None);
                    // SAFETY: as above (temporaries, see Call in `run`).
                    clear_temps(unsafe { base.add(func as usize + 1) }, nargs as usize);
                    match tri!(r) {
                        Some(v) => set!(func, v),
                        None => return Ok(Step::Frame),
                    }
                    safe_point!();
                }
                Instr::CallEx { func } => {
                    save_pc!();
                    if self.try_fast_call_ex(fi, base, func) {
                        // SAFETY: the argument tuple and dict are temporaries
                        // (see Call in `run`), already bound.
                        clear_temps(unsafe { base.add(func as usize + 1) }, 2);
                        return Ok(Step::Frame);
                    }
                    let f = r!(func).clone();
                    let pos = match r!(func + 1) {
                        Value::Tuple(t) => t.clone(),
                        // `f(*x)`: the iterable itself.
                        other => {
                            let x = other.clone();
                            match self.collect_iterable(&x) {
                                Ok(items) => TupleObj::new(items),
                                Err(e) => {
                                    if self.err_is(&e, ExcKind::TypeError) && self.get_iter(&x).is_err() {
                                        break 'err PyErr::type_error(format!(
                                            "{} argument after * must be an iterable, not {}",
                                            self.function_str(&f),
                                            self.type_name(&x)
                                        ));
                                    }
                                    break 'err e;
                                }
                            }
                        }
                    };
                    let kw = r!(func + 2).clone();
                    // Names and values side by side, in one pass (no
                    // vectors at all for an empty `**kwargs`).
                    let (mut names, mut vals) = (Vec::new(), Vec::new());
                    if let Value::Dict(d) = &kw {
                        if !d.is_empty() {
                            names.reserve_exact(d.len());
                            vals.reserve_exact(d.len());
                            for p in 0..d.entries_len() {
                                if let Some((k, v)) = d.entry_at(p) {
                                    names.push(k);
                                    vals.push(v);
                                }
                            }
                        }
                    }
                    for n in &names {
                        if !matches!(n, Value::Str(_)) {
                            break 'err PyErr::type_error("keywords must be strings");
                        }
                    }
                    let args = Args { pos: pos.as_slice(), kwnames: &names, kwvals: &vals };
                    let r = self.call_from_frame(fi, func, &f, args, None);
                    drop((pos, kw, names, vals));
                    // SAFETY: the argument tuple and dict are temporaries
                    // (see Call in `run`).
                    clear_temps(unsafe { base.add(func as usize + 1) }, 2);
                    match tri!(r) {
                        Some(v) => set!(func, v),
                        None => return Ok(Step::Frame),
                    }
                    safe_point!();
                }
                Instr::CallMethodKw { base: b, nargs, kwnames } => {
                    save_pc!();
                    let Value::Tuple(names) = &code.consts[kwnames as usize] else { unreachable!() };
                    let has_self = !r!(b + 1).is_undef();
                    let (start, n) = if has_self { (b + 1, nargs as usize + 1) } else { (b + 2, nargs as usize) };
                    // SAFETY: as in CallMethod.
                    let all: &[Value] = unsafe { std::slice::from_raw_parts(base.add(start as usize), n) };
                    let npos = all.len() - names.len();
                    if let Value::Function(f) = r!(b) {
                        if self.try_fast_call_kw(fi, f, None, base, start as usize, npos, names.as_slice(), b, &mut code.cache(pc - 1).d) {
                            return Ok(Step::Frame);
                        }
                    }
                    let args = Args { pos: &all[..npos], kwnames: names.as_slice(), kwvals: &all[npos..] };
                    let r = self.call_from_frame(fi, b, r!(b), args, None);
                    // SAFETY: as above (temporaries, see Call in `run`).
                    clear_temps(unsafe { base.add(start as usize) }, n);
                    match tri!(r) {
                        Some(v) => set!(b, v),
                        None => return Ok(Step::Frame),
                    }
                    safe_point!();
                }

                Instr::DeleteAttr { obj, name } => {
                    let o = r!(obj).clone();
                    save_pc!();
                    tri!(self.del_attr(&o, name!(name)));
                    drop(o);
                    safe_point!();
                }
                Instr::DeleteItem { obj, key } => {
                    let (o, k) = (r!(obj).clone(), r!(key).clone());
                    save_pc!();
                    tri!(self.del_item(&o, &k));
                    drop((o, k));
                    safe_point!();
                }

                // The items are temporaries: moved, not copied, so that the
                // display holds the only reference (as in CPython).
                Instr::BuildList { dst, start, count } => {
                    let items = (0..count).map(|i| take!(start + i)).collect();
                    set!(dst, Value::list(items));
                }
                Instr::BuildTuple { dst, start, count } => {
                    let t = TupleObj::build(count as usize, |i| take!(start + i as u16));
                    set!(dst, Value::Tuple(t));
                }
                Instr::BuildSet { dst, start, count } => {
                    let s = SetObj::new();
                    for i in 0..count {
                        let v = take!(start + i);
                        tri!(self.set_add(&s, v));
                    }
                    set!(dst, Value::Set(s));
                }
                Instr::BuildDict { dst, start, count } => {
                    // `f(..., **kw)` with `kw` an exact dict: CallEx binds
                    // from a dict's entries without changing it, so `kw`
                    // itself can stand for the fresh copy CPython (and the
                    // general path here) merges it into. A dict cannot hold
                    // a key twice, so the merge's only error (a repeated
                    // keyword) cannot happen; non-`str` keys are reported
                    // by CallEx as before. (Only the dispatch loop can skip
                    // the DictMerge: the JIT's helpers, which pass
                    // `entry_depth` usize::MAX, run one instruction.)
                    if count == 0 && entry_depth != usize::MAX {
                        if let (Some(Instr::DictMerge { dict, src, .. }), Some(Instr::CallEx { func })) =
                            (code.instrs.get(pc).copied(), code.instrs.get(pc + 1).copied())
                        {
                            if dict == dst && func + 2 == dst {
                                if let Value::Dict(kw) = r!(src) {
                                    let kw = Value::Dict(kw.clone());
                                    set!(dst, kw);
                                    return Ok(Step::Jump(pc + 1));
                                }
                            }
                        }
                    }
                    let d = DictObj::new();
                    for i in 0..count {
                        let (k, v) = (take!(start + 2 * i), take!(start + 2 * i + 1));
                        tri!(self.dict_set(&d, k, v));
                    }
                    set!(dst, Value::Dict(d));
                }
                Instr::BuildSlice { dst, start, count } => {
                    let step = if count == 3 { r!(start + 2).clone() } else { Value::None };
                    let s = SliceObj { start: r!(start).clone(), stop: r!(start + 1).clone(), step };
                    set!(dst, Value::Slice(PyRef::new(s)));
                }
                Instr::BuildString { dst, start, count } => {
                    // SAFETY: register operands are < nregs.
                    let pieces = unsafe { std::slice::from_raw_parts(base.add(start as usize), count as usize) };
                    let v = super::format::build_string(pieces);
                    set!(dst, v);
                }
                Instr::ListAppend { list, src } => {
                    if let Value::List(l) = r!(list) {
                        l.push(r!(src).clone());
                    }
                }
                Instr::ListExtend { list, src } => {
                    let x = r!(src).clone();
                    let items = match self.collect_iterable(&x) {
                        Ok(i) => i,
                        Err(e) => {
                            if self.err_is(&e, ExcKind::TypeError) && self.get_iter(&x).is_err() {
                                break 'err PyErr::type_error(format!("Value after * must be an iterable, not {}", self.type_name(&x)));
                            }
                            break 'err e;
                        }
                    };
                    if let Value::List(l) = r!(list) {
                        l.extend(items);
                    }
                }
                Instr::ListToTuple { dst, src } => {
                    let items = match r!(src) {
                        Value::List(l) => l.to_vec(),
                        _ => vec![],
                    };
                    set!(dst, Value::tuple(items));
                }
                Instr::SetAdd { set: s, src } => {
                    let v = r!(src).clone();
                    if let Value::Set(st) = r!(s) {
                        let st = st.clone();
                        tri!(self.set_add(&st, v));
                    }
                }
                Instr::SetUpdate { set: s, src } => {
                    let v = r!(src).clone();
                    if let Value::Set(st) = r!(s) {
                        let st = st.clone();
                        tri!(self.set_update(&st, &v));
                    }
                }
                Instr::DictInsert { dict, key, value } => {
                    let (k, v) = (r!(key).clone(), r!(value).clone());
                    if let Value::Dict(d) = r!(dict) {
                        let d = d.clone();
                        tri!(self.dict_set(&d, k, v));
                    }
                }
                Instr::DictUpdate { dict, src } => {
                    let v = r!(src).clone();
                    if let Value::Dict(d) = r!(dict) {
                        let d = d.clone();
                        if !matches!(v, Value::Dict(_)) && self.lookup_special(&v, "keys").is_none() {
                            break 'err PyErr::type_error(format!("'{}' object is not a mapping", self.type_name(&v)));
                        }
                        tri!(self.dict_update(&d, &v));
                    }
                }
                Instr::DictMerge { dict, src, func } => {
                    let v = r!(src).clone();
                    let f = r!(func).clone();
                    if let Value::Dict(d) = r!(dict) {
                        let d = d.clone();
                        tri!(self.dict_merge_kwargs(&d, &v, &f));
                    }
                }
                Instr::UnpackSequence { dst, src, count } => {
                    // A tuple of the right length: its items straight into
                    // the registers (no intermediate vector).
                    if let Value::Tuple(t) = r!(src) {
                        if t.len() == count as usize {
                            let t = t.clone();
                            for (i, v) in t.as_slice().iter().enumerate() {
                                code.cache(pc - 1).profile |= crate::jit::profile_bit(v);
                                set!(dst + i as u16, v.clone());
                            }
                            return Ok(Step::Next);
                        }
                    }
                    if let Value::List(l) = r!(src) {
                        if l.len() == count as usize && count <= 8 {
                            // A list of the right length (`a, b = s.split()`):
                            // its items copied out first (storing may free
                            // objects, whose finalizers may change the list),
                            // without an intermediate vector.
                            let mut items: [Value; 8] = Default::default();
                            for (i, slot) in items.iter_mut().enumerate().take(count as usize) {
                                *slot = l.get(i).unwrap_or_default();
                            }
                            for (i, v) in items.into_iter().enumerate().take(count as usize) {
                                code.cache(pc - 1).profile |= crate::jit::profile_bit(&v);
                                set!(dst + i as u16, v);
                            }
                            return Ok(Step::Next);
                        }
                    }
                    let x = r!(src).clone();
                    let items = tri!(self.unpack(&x, count as usize));
                    for (i, v) in items.into_iter().enumerate() {
                        code.cache(pc - 1).profile |= crate::jit::profile_bit(&v);
                        set!(dst + i as u16, v);
                    }
                }
                Instr::UnpackEx { dst, src, before, after } => {
                    let x = r!(src).clone();
                    let mut items = tri!(self.collect_iterable(&x));
                    let (b, a) = (before as usize, after as usize);
                    if items.len() < b + a {
                        break 'err PyErr::value_error(format!(
                            "not enough values to unpack (expected at least {}, got {})",
                            b + a,
                            items.len()
                        ));
                    }
                    let tail = items.split_off(items.len() - a);
                    let middle = items.split_off(b);
                    for (i, v) in items.into_iter().enumerate() {
                        set!(dst + i as u16, v);
                    }
                    set!(dst + b as u16, Value::list(middle));
                    for (i, v) in tail.into_iter().enumerate() {
                        set!(dst + (b + 1 + i) as u16, v);
                    }
                }
                Instr::FormatValue { dst, src, spec, conv } => {
                    let x = r!(src).clone();
                    let spec_v = if conv & 4 != 0 { Some(r!(spec).clone()) } else { None };
                    save_pc!();
                    let v = tri!(self.format_value(&x, conv & 3, spec_v.as_ref()));
                    set!(dst, v);
                }
                Instr::MakeFunction { dst, code: k, args } => {
                    let Value::Code(c) = &code.consts[k as usize] else { unreachable!() };
                    let module = globals.get_str("__name__").unwrap_or(Value::None);
                    let closure: Box<[PyRef<CellObj>]> = match r!(args + 2) {
                        Value::Tuple(t) => {
                            t.as_slice().iter().filter_map(|v| if let Value::Cell(c) = v { Some(c.clone()) } else { None }).collect()
                        }
                        _ => Box::new([]),
                    };
                    let f = FunctionObj {
                        code: c.clone(),
                        globals: self.frames[fi].globals_ref(),
                        name: ValueCell::new(Value::str(&c.name)),
                        qualname: ValueCell::new(Value::str(&c.qualname)),
                        doc: ValueCell::new(c.docstring.clone()),
                        module: ValueCell::new(module),
                        defaults: ValueCell::new(r!(args).clone()),
                        kwdefaults: ValueCell::new(r!(args + 1).clone()),
                        closure,
                        dict: ValueCell::new(Value::Undef),
                        annotations: ValueCell::new(match r!(args + 3) {
                            Value::None => Value::Undef,
                            v => v.clone(),
                        }),
                    };
                    set!(dst, Value::Function(PyRef::new_tracked(f)));
                }
                Instr::LoadBuildClass { dst } => {
                    let v = self.builtins.get_str("__build_class__").unwrap_or(Value::None);
                    set!(dst, v);
                }
                Instr::LoadLocals { dst } => {
                    let v = match &self.frames[fi].locals {
                        Some(l) => Value::Dict(l.clone()),
                        None => match self.frames[fi].locals_map() {
                            Some(m) => m.clone(),
                            None => Value::Dict(self.frames[fi].globals_ref()),
                        },
                    };
                    set!(dst, v);
                }
                Instr::SetupAnnotations {} => {
                    if let Some(l) = self.frames[fi].locals.clone() {
                        if l.get_str("__annotations__").is_none() {
                            l.set_str("__annotations__", Value::Dict(DictObj::new()));
                        }
                    } else if self.frames[fi].locals_map().is_some() {
                        save_pc!();
                        if tri!(self.locals_map_get(fi, "__annotations__")).is_none() {
                            let m = self.frames[fi].locals_map().cloned().unwrap_or(Value::None);
                            tri!(self.set_item(&m, &Value::str("__annotations__"), Value::Dict(DictObj::new())));
                        }
                    }
                }
                Instr::Raise { exc, cause, kind } => {
                    save_pc!();
                    let e = match kind {
                        0 => self.reraise_current(),
                        1 => {
                            let x = r!(exc).clone();
                            self.make_raise(&x, None)
                        }
                        _ => {
                            let (x, c) = (r!(exc).clone(), r!(cause).clone());
                            self.make_raise(&x, Some(&c))
                        }
                    };
                    break 'err e;
                }
                Instr::Reraise { exc } => {
                    let x = r!(exc).clone();
                    save_pc!();
                    break 'err self.reraise_value(x);
                }
                Instr::PushExcInfo { exc } => {
                    self.exc_stack.push(r!(exc).clone());
                }
                Instr::PopExcInfo {} => {
                    self.exc_stack.pop();
                    safe_point!();
                }
                Instr::JumpIfNotExcMatch { exc, cls, target } => {
                    let (x, c) = (r!(exc).clone(), r!(cls).clone());
                    if !tri!(self.exception_matches(&x, &c)) {
                        pc = target as usize;
                    }
                }
                Instr::AssertFail { msg, has_msg } => {
                    let args = if has_msg { vec![r!(msg).clone()] } else { vec![] };
                    break 'err PyErr::with_args(ExcKind::AssertionError, args);
                }
                Instr::WithEnter { dst, mgr, exit } => {
                    save_pc!();
                    if self.try_with_enter_frame(fi, base, dst, mgr, exit) {
                        return Ok(Step::Frame);
                    }
                    let m = r!(mgr).clone();
                    let (val, exit_fn) = tri!(self.with_enter(&m));
                    set!(exit, exit_fn);
                    set!(dst, val);
                }
                Instr::WithExit { exit } => {
                    save_pc!();
                    if let Value::Method(m) = r!(exit) {
                        if let Value::Function(f) = &m.func {
                            // `__exit__(None, None, None)` as a frame; its
                            // result (ignored) replaces the bound method.
                            if self.try_fast_bind(
                                fi,
                                f,
                                Some(&m.this),
                                3,
                                0,
                                |_| None,
                                |_| Value::None,
                                |_| Value::Undef,
                                Ret::Reg(exit),
                                None,
                            ) {
                                return Ok(Step::Frame);
                            }
                        }
                    }
                    let f = r!(exit).clone();
                    tri!(self.call_function(&f, &[Value::None, Value::None, Value::None]));
                }
                Instr::WithExceptExit { exit, exc, target } => {
                    let (f, x) = (r!(exit).clone(), r!(exc).clone());
                    save_pc!();
                    let args = self.exit_args(&x);
                    let r = tri!(self.call_function(&f, &args));
                    if tri!(self.truthy(&r)) {
                        pc = target as usize;
                    } else {
                        break 'err self.reraise_value(x);
                    }
                }

                Instr::ImportName { dst, name, fromlist, level } => {
                    let fl = r!(fromlist).clone();
                    save_pc!();
                    let m = tri!(self.import_name(name!(name), &fl, level as usize, fi));
                    set!(dst, m);
                }
                Instr::ImportFrom { dst, module, name } => {
                    let m = r!(module).clone();
                    save_pc!();
                    let v = tri!(self.import_from(&m, name!(name)));
                    set!(dst, v);
                }
                Instr::ImportStar { module } => {
                    let m = r!(module).clone();
                    save_pc!();
                    if let Some(map) = self.frames[fi].locals_map().cloned() {
                        // Import into a dict, then store each name through
                        // the mapping, in order.
                        let tmp = DictObj::new();
                        tri!(self.import_star(&m, &tmp));
                        for (k, v) in tmp.items() {
                            tri!(self.set_item(&map, &k, v));
                        }
                        return Ok(Step::Next);
                    }
                    let target = self.frames[fi].locals.clone().unwrap_or_else(|| self.frames[fi].globals_ref());
                    tri!(self.import_star(&m, &target));
                }

                Instr::Yield { dst, src } => {
                    let v = r!(src).clone();
                    save_pc!();
                    if self.profile_on {
                        tri!(self.profile_return(fi, &v));
                    }
                    match self.yield_value(pc as u32, v, dst, super::generator::SentSlot::NO_ITER) {
                        None => return Ok(Step::Frame),
                        Some(v) => return Ok(Step::Exit(v)),
                    }
                }
                Instr::YieldFrom { dst, iter } => {
                    let sent = std::mem::take(unsafe { &mut *base.add(dst as usize) });
                    let sent = if sent.is_undef() { Value::None } else { sent };
                    let it = r!(iter).clone();
                    save_pc!();
                    match tri!(self.delegate_send(&it, sent)) {
                        GenResult::Yield(v) => {
                            if self.profile_on {
                                tri!(self.profile_return(fi, &v));
                            }
                            match self.yield_value(pc as u32 - 1, v, dst, iter) {
                                None => return Ok(Step::Frame),
                                Some(v) => return Ok(Step::Exit(v)),
                            }
                        }
                        GenResult::Return(v) => set!(dst, v),
                    }
                }
                Instr::GetAwaitable { dst, src } => {
                    let x = r!(src).clone();
                    save_pc!();
                    let v = tri!(self.get_awaitable(&x));
                    set!(dst, v);
                }
                Instr::GetAIter { dst, src } => {
                    let x = r!(src).clone();
                    save_pc!();
                    let v = tri!(self.get_aiter(&x));
                    set!(dst, v);
                }
                Instr::GetANext { dst, iter } => {
                    let x = r!(iter).clone();
                    save_pc!();
                    let v = tri!(self.get_anext(&x));
                    set!(dst, v);
                }
                Instr::EndAsyncFor { exc } => {
                    let x = r!(exc).clone();
                    let stop = self.types.exc[ExcKind::StopAsyncIteration as usize].clone();
                    if !self.is_instance(&x, &stop) {
                        save_pc!();
                        break 'err self.reraise_value(x);
                    }
                }
                Instr::AsyncWithEnter { dst, mgr, exit } => {
                    let m = r!(mgr).clone();
                    save_pc!();
                    let (aw, exit_fn) = tri!(self.async_with_enter(&m));
                    set!(exit, exit_fn);
                    set!(dst, aw);
                }
                Instr::AsyncWithExit { dst, exit, exc, has_exc } => {
                    let f = r!(exit).clone();
                    let x = if has_exc { Some(r!(exc).clone()) } else { None };
                    save_pc!();
                    let aw = tri!(self.async_with_exit(&f, x));
                    set!(dst, aw);
                }

                Instr::GetLen { dst, src } => {
                    let x = r!(src).clone();
                    let n = tri!(self.len(&x));
                    set!(dst, Value::Int(n as i64));
                }
                Instr::MatchKind { dst, src, kind } => {
                    let x = r!(src).clone();
                    let v = self.match_kind(&x, kind);
                    set!(dst, Value::Bool(v));
                }
                Instr::MatchClass { dst, src, cls, names, npos } => {
                    let (x, c, n) = (r!(src).clone(), r!(cls).clone(), code.consts[names as usize].clone());
                    save_pc!();
                    let v = tri!(self.match_class(&x, &c, &n, npos as usize));
                    set!(dst, v);
                }
                Instr::MatchKeys { dst, src, keys } => {
                    let (x, k) = (r!(src).clone(), r!(keys).clone());
                    let v = tri!(self.match_keys(&x, &k));
                    set!(dst, v);
                }
                Instr::CopyDictWithoutKeys { dst, src, keys } => {
                    let (x, k) = (r!(src).clone(), r!(keys).clone());
                    let v = tri!(self.copy_dict_without_keys(&x, &k));
                    set!(dst, v);
                }
                _ => unreachable!("hot instruction in step_slow"),
            }
            return Ok(if pc != pc_in { Step::Jump(pc) } else { Step::Next });
        };
        let _ = entry_depth;
        Err(err)
    }

    /// Finishes the top frame with `v`. `Some(v)` when it was the entry frame.
    fn do_return(&mut self, v: Value, entry_depth: usize) -> PyResult<Option<Value>> {
        let depth = self.frames.len();
        let (ret, generator) = {
            let f = &self.frames[depth - 1];
            (f.ret, f.generator.clone())
        };
        let hook_err = if self.profile_on { self.profile_return(depth - 1, &v).err() } else { None };
        self.discard_top_frame();
        if let Some(e) = hook_err {
            // (CPython leaves the frame without its handlers, the hook's
            // exception raised in the caller.)
            if let Some(g) = &generator {
                super::generator::finish_generator(g);
            }
            return Err(e);
        }
        if let Some(g) = &generator {
            super::generator::finish_generator(g);
        }
        match ret {
            Ret::ToRust | Ret::Collect | Ret::Sum | Ret::Skip { .. } => {
                debug_assert_eq!(depth, entry_depth);
                Ok(Some(v))
            }
            Ret::Reg(r) => {
                let caller = self.frames.last().unwrap();
                // SAFETY: `r` is a register of the caller's window.
                unsafe { *caller.base.add(r as usize) = v };
                if depth == entry_depth {
                    unreachable!("entry frame must return to Rust");
                }
                Ok(None)
            }
            Ret::Init(_) => {
                if !v.is_none() {
                    return Err(PyErr::type_error(format!("__init__() should return None, not '{}'", self.type_name(&v))));
                }
                Ok(None)
            }
            Ret::BinOp { dst, a, b, op } => {
                let v = self.finish_binop_frame(v, a, b, op)?;
                let caller = self.frames.last().unwrap();
                // SAFETY: `dst` is a register of the caller's window.
                Value::store(unsafe { &mut *caller.base.add(dst as usize) }, v);
                Ok(None)
            }
            Ret::ForIter { target, .. } => {
                // The generator is exhausted: its registers go, and the
                // loop ends.
                if let Some(g) = &generator {
                    g.clear();
                }
                drop(v);
                self.frames.last_mut().unwrap().pc = target;
                Ok(None)
            }
        }
    }

    /// The result of a `Ret::BinOp` frame's `__op__`: itself, or when
    /// it is NotImplemented, the rest of the operator protocol on the
    /// operands (still in the caller's registers `a` and `b`: the
    /// destination is written only now).
    pub(crate) fn finish_binop_frame(&mut self, v: Value, a: u16, b: u16, op: BinOp) -> PyResult<Value> {
        if !matches!(v, Value::NotImplemented) {
            return Ok(v);
        }
        let caller = self.frames.last().unwrap();
        // SAFETY: `a` and `b` are registers of the caller's window.
        let (x, y) = unsafe { ((*caller.base.add(a as usize)).clone(), (*caller.base.add(b as usize)).clone()) };
        self.binop_after_not_implemented(op, &x, &y)
    }

    /// Looks a global up (globals, then builtins) and fills the instruction's cache.
    /// `locals_map[name]` of frame `fi` (see `FrameExtra::locals_map`), None
    /// on a KeyError.
    #[cold]
    pub(crate) fn locals_map_get(&mut self, fi: usize, name: &str) -> PyResult<Option<Value>> {
        let Some(m) = self.frames[fi].locals_map().cloned() else {
            return Ok(None);
        };
        match self.get_item(&m, &Value::str(name)) {
            Ok(v) => Ok(Some(v)),
            Err(e) if self.err_is(&e, ExcKind::KeyError) => Ok(None),
            Err(e) => Err(e),
        }
    }

    pub(crate) fn load_global_slow(&mut self, globals: &DictObj, code: &CodeObj, pc: usize, name: &str) -> PyResult<Value> {
        let h = crate::objects::str::hash_str(name);
        if let Some(i) = globals.find_str(name, h) {
            let c = code.cache(pc);
            c.a = globals.keys_version();
            c.b = self.builtins.keys_version();
            c.c = globals.value_ptr(i) as u64;
            return Ok(globals.value_at(i));
        }
        if let Some(i) = self.builtins.find_str(name, h) {
            let c = code.cache(pc);
            c.a = globals.keys_version();
            c.b = self.builtins.keys_version();
            c.c = self.builtins.value_ptr(i) as u64;
            return Ok(self.builtins.value_at(i));
        }
        if matches!(name, "ExceptionGroup" | "BaseExceptionGroup") && self.builtins.find_str("ExceptionGroup", h).is_none() {
            // Builtins written in Python, loaded when first named (the
            // module puts them in builtins).
            self.import_module("_exceptiongroup")?;
            return self.load_global_slow(globals, code, pc, name);
        }
        Err(self.name_error(name, globals))
    }

    /// A call from the interpreter. Python functions get a new frame
    /// (returns `None`: the caller continues with the new frame); other
    /// callables run now and return their result.
    pub(crate) fn call_from_frame(&mut self, fi: usize, ret_reg: u16, f: &Value, args: Args, _kw: Option<()>) -> PyResult<Option<Value>> {
        if crate::objects::rc::gc_due() {
            // Finalizers queued by compiled code run before the call (a
            // `print` after a `del` prints after `__del__` does).
            self.gc_safe_point();
        }
        match f {
            Value::Function(func) => {
                let func = func.clone();
                self.enter_function(fi, func, args, None, Ret::Reg(ret_reg))
            }
            Value::Builtin(b) => {
                let b = b.clone();
                if self.profile_on {
                    return self.profiled_builtin_call(fi, &b, args).map(Some);
                }
                self.call_builtin(&b, args).map(Some)
            }
            Value::Method(m) => {
                if let Value::Function(func) = &m.func {
                    let func = func.clone();
                    let this = m.this.clone();
                    return self.enter_function(fi, func, args, Some(this), Ret::Reg(ret_reg));
                }
                let f = f.clone();
                self.call(&f, args).map(Some)
            }
            Value::Class(c) => {
                let c = c.clone();
                // Plain classes with a Python __init__: run __init__ as a frame.
                if let Some(init) = self.simple_init(&c) {
                    let inst = self.new_instance(&c);
                    let r = self.enter_function(fi, init, args, Some(inst.clone()), Ret::Init(ret_reg));
                    if r.is_ok() {
                        // The caller's register holds the instance during __init__.
                        let caller = &self.frames[fi];
                        // SAFETY: `ret_reg` is a register of the caller's window.
                        unsafe { *caller.base.add(ret_reg as usize) = inst };
                    }
                    return r;
                }
                if let Some(ctor) = c.ctor.get() {
                    return ctor(self, args).map(Some);
                }
                self.call_class(&c, args).map(Some)
            }
            _ => {
                let f = f.clone();
                self.call(&f, args).map(Some)
            }
        }
    }

    /// What `try_fast_init` does for class `c`, as its `init_cache`
    /// holds it: the address of the plain Python `__init__` to run as a
    /// frame, with bit 0 set when the class is an exception class whose
    /// instances `BaseException.__new__` makes; `EXC_PLAIN_INIT` when
    /// `BaseException.__init__` initialises them; 0 for the general path.
    fn init_plan(&self, c: &PyRef<ClassObj>) -> usize {
        if let Some(f) = self.simple_init(c) {
            return f.as_ptr() as usize | if self.setter_init(c, &f) { 2 } else { 0 };
        }
        if c.layout.get() != Layout::Exception {
            return 0;
        }
        if let Value::Class(m) = c.metaclass.get() {
            if !PyRef::ptr_eq(&m, &self.types.type_) {
                return 0;
            }
        }
        match c.lookup("__new__") {
            Some(Value::Builtin(b)) if b.owner == "BaseException" => {}
            _ => return 0,
        }
        match c.lookup("__init__") {
            Some(Value::Function(f)) if !c.is_builtin() && !f.code.is_generator() => f.as_ptr() as usize | 1,
            Some(Value::Builtin(b)) if b.owner == "BaseException" && b.this.is_undef() => EXC_PLAIN_INIT,
            _ => 0,
        }
    }

    /// `init_plan` of class `c`, cached in the class for its version.
    #[inline]
    fn init_plan_cached(&self, c: &PyRef<ClassObj>) -> usize {
        let version = c.version.get();
        let (v, addr) = c.init_cache.get();
        if v == version {
            return addr;
        }
        let addr = self.init_plan(c);
        c.init_cache.set((version, addr));
        addr
    }

    /// Whether instances of class `c` are made by `BaseException.__new__`
    /// and initialised by `BaseException.__init__` (`ValueError`, a
    /// `class NotFound(AppError): pass` whose bases define neither): then
    /// `c(*args)` without keywords is the new instance with `args` as its
    /// `args`, and nothing else can run (`init_plan`, cached).
    pub(crate) fn plain_exception_class(&self, c: &PyRef<ClassObj>) -> bool {
        self.init_plan_cached(c) == EXC_PLAIN_INIT
    }

    /// Whether `f`, the `__init__` of class `c` (`simple_init`), only stores
    /// distinct parameters as attributes — `self.x = x` and nothing else,
    /// the commonest constructor — into an instance dict where no class
    /// attribute or hook could intercept the stores. Such a constructor
    /// runs without a frame (`try_fast_init`). Valid while the class's
    /// version is unchanged (the plan is cached with it).
    pub(crate) fn setter_init(&self, c: &ClassObj, f: &FunctionObj) -> bool {
        let code = &f.code;
        let argcount = code.argcount as usize;
        let hooks = class_flags::HAS_GETATTRIBUTE | class_flags::HAS_SETATTR;
        let flags = c.flags.get();
        let Some((Instr::ReturnNone {}, body)) = code.instrs.split_last() else { return false };
        if flags & (hooks | class_flags::NO_DICT) != 0 || body.is_empty() || body.len() > 8 {
            return false;
        }
        let plain = crate::vm::inline_cache::plain(flags, hooks);
        for (i, ins) in body.iter().enumerate() {
            let Instr::StoreAttr { obj: 0, name, src } = *ins else { return false };
            let n = &code.names[name as usize];
            if src == 0
                || src as usize >= argcount
                || n.as_str() == "__class__"
                || n.as_str() == "__dict__"
                || body[..i].iter().any(|o| matches!(*o, Instr::StoreAttr { name: m, .. } if code.names[m as usize].as_str() == n.as_str()))
                || !(plain || self.dict_wins(&crate::vm::inline_cache::class_lookup_hashed(c, n.as_str(), n.hash())))
            {
                return false;
            }
        }
        // The instances' dicts start with room for the attributes.
        if (c.attr_hint.get() as usize) < body.len() {
            c.attr_hint.set(body.len() as u8);
        }
        true
    }

    /// The Python `__init__` of a class whose instances are created by
    /// `object.__new__` with the default metaclass.
    pub(crate) fn simple_init(&self, c: &PyRef<ClassObj>) -> Option<PyRef<FunctionObj>> {
        if c.is_builtin() || c.layout.get() != Layout::Object {
            return None;
        }
        if let Value::Class(m) = c.metaclass.get() {
            if !PyRef::ptr_eq(&m, &self.types.type_) {
                return None;
            }
        }
        match c.lookup("__new__") {
            Some(Value::Builtin(b)) if b.owner == "object" => {}
            _ => return None,
        }
        match c.lookup("__init__") {
            Some(Value::Function(f)) if !f.code.is_generator() => Some(f),
            _ => None,
        }
    }

    /// Binds arguments and pushes a frame for `func` (generators are created instead).
    fn enter_function(
        &mut self,
        fi: usize,
        func: PyRef<FunctionObj>,
        args: Args,
        this: Option<Value>,
        ret: Ret,
    ) -> PyResult<Option<Value>> {
        if func.code.is_generator() {
            return self.make_generator(&func, args, this).map(Some);
        }
        let init = matches!(ret, Ret::Init(_));
        if !init {
            // Most calls that reach here (a function with `**kwargs`, say)
            // bind without a possible error: straight into the frame.
            let (pos, kwnames, kwvals) = (args.pos, args.kwnames, args.kwvals);
            let kwname = |j: usize| match &kwnames[j] {
                Value::Str(s) => Some(s),
                _ => None,
            };
            if self.try_fast_bind(
                fi,
                &func,
                this.as_ref(),
                pos.len(),
                kwnames.len(),
                kwname,
                |i| pos[i].clone(),
                |j| kwvals[j].clone(),
                ret,
                None,
            ) {
                return Ok(None);
            }
        }
        if init {
            // The class call's own level (see `push_init_level`), then
            // the frame's.
            if self.frames.len() >= self.frame_limit {
                return Err(PyErr::new(ExcKind::RecursionError, "maximum recursion depth exceeded while calling a Python object"));
            }
            if self.frames.len() + 1 >= self.frame_limit {
                return Err(PyErr::new(ExcKind::RecursionError, "maximum recursion depth exceeded"));
            }
        }
        self.check_recursion()?;
        let new_base = self.frames[fi].top;
        let nregs = func.code.nregs as usize;
        self.check_stack_room(new_base, nregs)?;
        if let Err(e) = self.bind_args(&func, new_base, args, this) {
            super::call::clear_window(new_base, nregs);
            return Err(e);
        }
        self.push_frame(func, new_base, ret);
        if init {
            self.push_init_level();
        }
        Ok(None)
    }

    /// Unpacks an iterable into exactly `n` values.
    fn unpack(&mut self, v: &Value, n: usize) -> PyResult<Vec<Value>> {
        let items = match v {
            Value::Tuple(t) => t.as_slice().to_vec(),
            Value::List(l) => l.to_vec(),
            _ => {
                let it = match self.get_iter(v) {
                    Ok(it) => it,
                    Err(_) => return Err(PyErr::type_error(format!("cannot unpack non-iterable {} object", self.type_name(v)))),
                };
                let mut out = Vec::with_capacity(n);
                while let Some(x) = self.next(&it)? {
                    out.push(x);
                    if out.len() > n {
                        return Err(PyErr::value_error(format!("too many values to unpack (expected {})", n)));
                    }
                }
                out
            }
        };
        if items.len() > n {
            return Err(PyErr::value_error(format!("too many values to unpack (expected {})", n)));
        }
        if items.len() < n {
            return Err(PyErr::value_error(format!("not enough values to unpack (expected {}, got {})", n, items.len())));
        }
        Ok(items)
    }

    /// `**mapping` in a call: merges into `d`, rejecting repeated keywords.
    fn dict_merge_kwargs(&mut self, d: &DictObj, v: &Value, f: &Value) -> PyResult<()> {
        // The common case, `f(**kwargs)`: a dict of `str` keys merged into
        // the fresh (empty) one; its keys are distinct, so a copy with the
        // hashes, without lookups.
        if let Value::Dict(src) = v {
            let n = src.entries_len();
            if d.is_empty() && (0..n).all(|p| src.entry_ref_at(p).is_none_or(|(k, _, _)| matches!(k, Value::Str(_)))) {
                for p in 0..n {
                    if let Some((k, h, val)) = src.entry_ref_at(p) {
                        d.insert_new(k.clone(), h, val.clone());
                    }
                }
                return Ok(());
            }
        }
        let items: Vec<(Value, Value)> = match v {
            Value::Dict(src) => src.items(),
            _ => {
                if self.lookup_special(v, "keys").is_none() {
                    return Err(PyErr::type_error(format!(
                        "{} argument after ** must be a mapping, not {}",
                        self.callable_name(f),
                        self.type_name(v)
                    )));
                }
                let keys = self.call_method(v, "keys", &[])?;
                let keys = self.collect_iterable(&keys)?;
                let mut out = Vec::new();
                for k in keys {
                    let val = self.get_item(v, &k)?;
                    out.push((k, val));
                }
                out
            }
        };
        for (k, val) in items {
            // Non-string keys are rejected by the call itself.
            if let Value::Str(name) = &k {
                if self.dict_get(d, &k)?.is_some() {
                    return Err(PyErr::type_error(format!(
                        "{} got multiple values for keyword argument '{}'",
                        self.callable_name(f),
                        name.as_str()
                    )));
                }
            }
            self.dict_set(d, k, val)?;
        }
        Ok(())
    }

    /// `f()`-style name of a callable for error messages.
    pub fn callable_name(&mut self, f: &Value) -> String {
        self.function_str(f)
    }

    /// `with` entry: returns (value of __enter__, bound __exit__).
    fn with_enter(&mut self, m: &Value) -> PyResult<(Value, Value)> {
        let cls = self.class_of(m);
        let enter = cls.lookup("__enter__");
        let exit = cls.lookup("__exit__");
        let (Some(enter), Some(exit)) = (enter, exit) else {
            let missing = if cls.lookup("__enter__").is_none() { "" } else { " (missed __exit__ method)" };
            return Err(PyErr::type_error(format!("'{}' object does not support the context manager protocol{}", cls.name(), missing)));
        };
        let exit_bound = self.bind(exit, m, &cls)?;
        let enter_bound = self.bind(enter, m, &cls)?;
        let v = self.call_function(&enter_bound, &[])?;
        Ok((v, exit_bound))
    }

    /// `with` entry (instruction WithEnter) when the manager is an
    /// instance whose class has Python functions `__enter__` and
    /// `__exit__`: the bound `__exit__` to register `exit`, and a frame for
    /// `__enter__` whose result goes to register `dst` (no nested
    /// interpreter loop). Returns false with nothing done otherwise.
    #[inline(never)]
    fn try_with_enter_frame(&mut self, fi: usize, base: *mut Value, dst: u16, mgr: u16, exit: u16) -> bool {
        // SAFETY: `mgr` is a register of the frame at `base`.
        let m = unsafe { &*base.add(mgr as usize) };
        let Value::Instance(inst) = m else { return false };
        // SAFETY: nothing below sets the instance's class.
        let Value::Class(cls) = (unsafe { inst.class.peek() }) else { return false };
        // The instruction's cache: (class version, `__enter__`, `__exit__`).
        // SAFETY: the frame holds its code; `pc` is past this instruction.
        let cache = unsafe { (*self.frames[fi].code).cache(self.frames[fi].pc as usize - 1) };
        let version = cls.version.get();
        if cache.a == 0 || cache.a != version {
            let (Some(Value::Function(enter)), Some(Value::Function(exit_fn))) = (cls.lookup("__enter__"), cls.lookup("__exit__")) else {
                return false;
            };
            (cache.a, cache.b, cache.c) = (version, enter.as_ptr() as u64, exit_fn.as_ptr() as u64);
        }
        // SAFETY: the cached addresses are of functions that the class
        // (whose version is unchanged) keeps alive; the clones take counts.
        let (enter, exit_fn) = unsafe {
            (
                PyRef::clone_from_raw(cache.b as *const rc::ObjBox<FunctionObj>),
                PyRef::clone_from_raw(cache.c as *const rc::ObjBox<FunctionObj>),
            )
        };
        if !self.try_fast_bind(fi, &enter, Some(m), 0, 0, |_| None, |_| Value::Undef, |_| Value::Undef, Ret::Reg(dst), None) {
            return false;
        }
        let bound = Value::Method(PyRef::new_tracked(MethodObj { func: Value::Function(exit_fn), this: m.clone() }));
        // SAFETY: `exit` is a register of the calling frame (still live
        // below the new one).
        Value::store(unsafe { &mut *base.add(exit as usize) }, bound);
        true
    }

    /// `except cls:` test.
    pub(crate) fn exception_matches(&mut self, exc: &Value, cls: &Value) -> PyResult<bool> {
        match cls {
            Value::Class(c) => {
                if !super::types::is_subclass(c, &self.types.exc[ExcKind::BaseException as usize]) {
                    return Err(PyErr::type_error("catching classes that do not inherit from BaseException is not allowed"));
                }
                Ok(self.is_instance(exc, c))
            }
            Value::Tuple(t) => {
                let t = t.clone();
                for c in t.as_slice() {
                    if self.exception_matches(exc, c)? {
                        return Ok(true);
                    }
                }
                Ok(false)
            }
            _ => Err(PyErr::type_error("catching classes that do not inherit from BaseException is not allowed")),
        }
    }

    /// Unwinds after an error: finds a handler in the top frames or pops
    /// them. `Err` when the entry frame was popped.
    /// The JIT's `catch`: `err`, raised by instruction `pc` of frame `fi`
    /// (the top frame), goes to the handler whose register is `exc_reg`,
    /// as `handle_exception` sends it there (implicit chaining, the
    /// traceback entry, the exception object into the register).
    pub(crate) fn catch_in_frame(&mut self, fi: usize, pc: usize, exc_reg: usize, mut err: PyErr) {
        debug_assert_eq!(fi + 1, self.frames.len());
        let code = self.frames[fi].code_ref();
        let globals = self.frames[fi].globals_ref();
        self.note_unwound(&mut err, code, pc as u32, globals);
        let exc = self.materialize_tb(&mut err, true);
        let f = &mut self.frames[fi];
        f.pc = pc as u32 + 1;
        // SAFETY: the handler's register belongs to this frame's window.
        unsafe { *f.base.add(exc_reg) = exc };
    }

    /// What unwinding does to `err` in each frame it passes (instruction
    /// `pc` of `code`): implicit chaining the first time, and the frame's
    /// traceback entry (unless re-raised there).
    pub(crate) fn note_unwound(&mut self, err: &mut PyErr, code: PyRef<crate::bytecode::CodeObj>, pc: u32, globals: PyRef<DictObj>) {
        if err.0.fresh {
            err.0.fresh = false;
            if let Some(ctx) = self.exc_stack.last() {
                let same = matches!(&err.0.exc, ExcState::Object(o) if o.is(ctx));
                if !same {
                    err.0.context = ctx.clone();
                }
            }
        }
        if err.0.reraised {
            err.0.reraised = false;
        } else if !code.builtin_frame.get() {
            err.0.tb.push(super::error::TbEntry { code, pc, globals: Some(globals), locals: None });
        }
    }

    /// Before the top frame, a function frame `err` leaves unhandled, is
    /// popped: its named registers move into its traceback entry (the
    /// last one, added as the error entered the frame), so the traceback
    /// keeps them alive and shows them as `tb_frame.f_locals`, as
    /// CPython's traceback keeps the whole frame. (Popping would clear
    /// them: a local's `__del__` would run before the handler.)
    fn keep_tb_locals(&mut self, err: &mut PyErr) {
        let f = self.frames.last().unwrap();
        // (A generator's frame too: the error finishes the generator.)
        if f.func.is_none() || f.locals.is_some() || f.locals_map().is_some() {
            return;
        }
        let code = f.code();
        // SAFETY: the frame's window [base, base + nregs) is live; it is
        // cleared next (`pop_frame`).
        unsafe { move_locals_to_tb(err, code, f.base, code.nregs as usize) };
    }

    pub(crate) fn handle_exception(&mut self, mut err: PyErr, entry_depth: usize) -> Result<(), PyErr> {
        loop {
            let depth = self.frames.len();
            let f = self.frames.last().unwrap();
            // A frame at pc 0 raises before its first instruction (a
            // signal handler run at a function's entry): `u32::MAX`, in
            // no handler's range, its line the code's first line (as
            // CPython's RESUME).
            let pc = f.pc.wrapping_sub(1);
            // Implicit chaining, and this frame's traceback entry.
            let code = f.code_ref();
            let globals = f.globals_ref();
            self.note_unwound(&mut err, code, pc, globals);
            let f = self.frames.last().unwrap();
            let handler = f.code().exc_table.iter().find(|e| e.start <= pc && pc < e.end).copied();
            if let Some(h) = handler {
                // (The error ends here: its traceback moves to the object.)
                let exc = self.materialize_tb(&mut err, true);
                let f = self.frames.last_mut().unwrap();
                // SAFETY: the handler's register belongs to this frame's window.
                unsafe { *f.base.add(h.exc_reg as usize) = exc };
                f.pc = h.handler;
                return Ok(());
            }
            if self.profile_on {
                // (Already unwinding: an error of the hook is dropped, as
                // CPython's `TRACE_FUNCTION_UNWIND`.)
                let _ = self.profile_return(depth - 1, &Value::None);
            }
            self.keep_tb_locals(&mut err);
            let popped = self.pop_frame();
            self.exc_stack.truncate(popped.exc_depth as usize);
            if let Some(g) = &popped.generator {
                super::generator::finish_generator(g);
                if let Ret::ForIter { .. } = popped.ret {
                    // Resumed inline by a `for` loop: what `gen_resume`
                    // does for an exception leaving the generator.
                    g.clear();
                    err = self.escaping_generator(g, err);
                }
            }
            if depth == entry_depth {
                return Err(err);
            }
            // The caller's saved pc points after its call instruction.
        }
    }
}

/// Moves the named registers of a frame running `code`, whose window of
/// `nregs` registers starts at `base`, into `err`'s last traceback entry
/// when that entry is the frame's (see `Vm::keep_tb_locals`).
///
/// # Safety
/// `[base, base + nregs)` must be the frame's live registers, about to be
/// cleared.
pub(crate) unsafe fn move_locals_to_tb(err: &mut PyErr, code: &crate::bytecode::CodeObj, base: *mut Value, nregs: usize) {
    let Some(entry) = err.0.tb.last_mut() else {
        return;
    };
    if !std::ptr::eq(&*entry.code, code) || entry.locals.is_some() {
        return;
    }
    let n = code.varnames.len().min(nregs);
    // SAFETY: i < nregs: a register of the window (caller's contract).
    let vals: Vec<Value> = (0..n).map(|i| unsafe { std::mem::replace(&mut *base.add(i), Value::Undef) }).collect();
    entry.locals = Some(Value::tuple(vals));
}

/// `init_plan` of an exception class whose `__new__` and `__init__` are
/// `BaseException`'s (no function address: those are 16-aligned).
const EXC_PLAIN_INIT: usize = 4;

#[inline]
pub(crate) fn cmp_i64(op: CmpOp, x: i64, y: i64) -> bool {
    match op {
        CmpOp::Lt => x < y,
        CmpOp::Le => x <= y,
        CmpOp::Eq | CmpOp::Is => x == y,
        CmpOp::Ne | CmpOp::IsNot => x != y,
        CmpOp::Gt => x > y,
        CmpOp::Ge => x >= y,
        CmpOp::In | CmpOp::NotIn => false,
    }
}

pub(crate) fn unbound_local(name: &str) -> PyErr {
    PyErr::new(ExcKind::UnboundLocalError, format!("cannot access local variable '{}' where it is not associated with a value", name))
}

pub(crate) fn free_var_error(code: &CodeObj, name: &str) -> PyErr {
    if code.cellvars.iter().any(|(n, _)| n == name) {
        unbound_local(name)
    } else {
        PyErr::name_error(format!("cannot access free variable '{}' where it is not associated with a value in enclosing scope", name))
    }
}

/// `a op b` for a bitwise operator on two small ints whose result is a
/// small int (`None`: anything else, left to the general operator).
#[inline(always)]
fn int_bitop(op: BinOp, a: &Value, b: &Value) -> Option<i64> {
    let (Value::Int(x), Value::Int(y)) = (a, b) else { return None };
    let (x, y) = (*x, *y);
    match op {
        BinOp::And => Some(x & y),
        BinOp::Or => Some(x | y),
        BinOp::Xor => Some(x ^ y),
        BinOp::RShift if y >= 0 => Some(x >> y.min(63)),
        BinOp::LShift if (0..64).contains(&y) && (x << y) >> y == x => Some(x << y),
        _ => None,
    }
}

/// Drops the values of `n` temporary registers from `p` on (the arguments
/// of a call that was made), leaving Undef. Out of line: calls are slow
/// paths, the dispatch loop stays small.
#[inline(never)]
pub(crate) fn clear_temps(p: *mut Value, n: usize) {
    for i in 0..n {
        // SAFETY: the caller passes registers of a live frame window.
        Value::clear(unsafe { &mut *p.add(i) });
    }
}
