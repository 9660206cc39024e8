//! Generators: a function frame whose registers live in the generator
//! object, so it can be suspended at `yield` and resumed later.

use std::cell::{Cell, UnsafeCell};

use super::{Args, ExcKind, PyErr, PyResult, Ret, Vm};
use crate::bytecode::Instr;
use crate::objects::*;

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum GenState {
    Created,
    Suspended,
    Running,
    Finished,
}

/// What a resumable frame object is: `def` with `yield`, `async def`, or
/// `async def` with `yield`. All three share the frame machinery.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum GenKind {
    Generator,
    Coroutine,
    AsyncGenerator,
}

impl GenKind {
    /// The kind as CPython's messages name it ("coroutine already executing").
    pub fn name(self) -> &'static str {
        match self {
            GenKind::Generator => "generator",
            GenKind::Coroutine => "coroutine",
            GenKind::AsyncGenerator => "async generator",
        }
    }
}

pub struct GeneratorObj {
    pub func: PyRef<FunctionObj>,
    pub kind: GenKind,
    /// A generator made awaitable by `types.coroutine` (CPython's
    /// `CO_ITERABLE_COROUTINE`).
    pub iterable_coroutine: Cell<bool>,
    /// Async generators: an `asend`/`athrow` awaitable is driving it.
    pub running_async: Cell<bool>,
    /// The frame's registers while suspended (and while running).
    pub regs: UnsafeCell<Box<[Value]>>,
    /// Where execution resumes.
    pub pc: Cell<u32>,
    /// Where a sent value goes when the frame resumes at `pc`, remembered
    /// at the suspension (see `SentSlot`), so resuming needs no look at
    /// the code.
    pub sent: Cell<SentSlot>,
    pub state: Cell<GenState>,
    pub name: ValueCell,
    pub qualname: ValueCell,
}

/// The register a suspended generator receives a sent value in: the
/// `dst` of the `Yield` before `pc` or of the `YieldFrom` at `pc` (whose
/// sub-iterator is register `iter`; `NO_ITER` for a `Yield`). Valid only
/// while the generator's `pc` is this `pc` (any other pc, as after
/// `gen_throw` moves past a finished `yield from`, means "look at the
/// code").
#[derive(Clone, Copy)]
pub struct SentSlot {
    pub pc: u32,
    pub dst: u16,
    pub iter: u16,
}

impl SentSlot {
    pub const NO_ITER: u16 = u16::MAX;
    pub const NONE: SentSlot = SentSlot { pc: u32::MAX, dst: 0, iter: SentSlot::NO_ITER };
}

impl GeneratorObj {
    fn regs_ptr(&self) -> *mut Value {
        // SAFETY: the box is only accessed through this pointer while the
        // generator's frame runs, and not at all otherwise.
        unsafe { (*self.regs.get()).as_mut_ptr() }
    }

    pub(crate) fn clear(&self) {
        // SAFETY: called only when the generator is not running.
        let regs = unsafe { &mut *self.regs.get() };
        let old = std::mem::take(regs);
        drop(old);
    }
}

impl Trace for GeneratorObj {
    fn trace(&self, visit: &mut dyn FnMut(&Value)) {
        if self.state.get() != GenState::Running {
            // SAFETY: not running, so nothing else accesses the registers.
            for v in unsafe { (*self.regs.get()).iter() } {
                visit(v);
            }
        }
        visit(&rc::borrowed_value(&self.func, Value::Function));
    }
    fn clear(&self) {
        if self.state.get() != GenState::Running {
            self.state.set(GenState::Finished);
            self.clear();
        }
    }
}

/// What `try_resume_for` did.
pub(crate) enum Resumed {
    /// Nothing: the general path decides.
    No,
    /// The generator's frame is pushed over the caller's.
    Pushed,
    /// The generator's next item, got without running its frame
    /// (see `deliver_sent`); the caller stores it and goes on.
    Item(Value),
}

pub enum GenResult {
    Yield(Value),
    Return(Value),
}

impl Vm {
    /// Calling a generator function: binds the arguments into a new generator.
    pub fn make_generator(&mut self, func: &PyRef<FunctionObj>, args: Args, this: Option<Value>) -> PyResult<Value> {
        let code = func.code.clone();
        let mut regs: Box<[Value]> = vec![Value::Undef; code.nregs as usize].into_boxed_slice();
        let base = regs.as_mut_ptr();
        self.bind_args(func, base, args, this)?;
        for (i, (_, reg)) in code.freevars.iter().enumerate() {
            if let Some(cell) = func.closure.get(i) {
                regs[*reg as usize] = Value::Cell(cell.clone());
            }
        }
        use crate::bytecode::code_flags;
        let kind = if code.flags & code_flags::COROUTINE != 0 {
            GenKind::Coroutine
        } else if code.flags & code_flags::ASYNC_GENERATOR != 0 {
            GenKind::AsyncGenerator
        } else {
            GenKind::Generator
        };
        Ok(Value::Generator(PyRef::new_tracked(GeneratorObj {
            func: func.clone(),
            kind,
            iterable_coroutine: Cell::new(false),
            running_async: Cell::new(false),
            regs: UnsafeCell::new(regs),
            pc: Cell::new(0),
            sent: Cell::new(SentSlot::NONE),
            state: Cell::new(GenState::Created),
            name: ValueCell::new(func.name.get()),
            qualname: ValueCell::new(func.qualname.get()),
        })))
    }

    /// Called by `Yield`: the top frame is a generator's; suspend it at
    /// `pc`. Returns how the frame was to return. The frame is read and
    /// dropped in place (copying the record out costs a store-forwarding
    /// stall: its pc was just written).
    #[inline(always)]
    pub(crate) fn suspend_generator(&mut self, pc: u32, dst: u16, iter: u16) -> Ret {
        let fi = self.frames.len() - 1;
        let f = &self.frames[fi];
        if let Some(g) = &f.generator {
            g.pc.set(pc);
            g.sent.set(SentSlot { pc, dst, iter });
            g.state.set(GenState::Suspended);
        }
        let (ret, exc_depth) = (f.ret, f.exc_depth as usize);
        // SAFETY: pops the top frame in place (dropping its fields); fi == len - 1.
        unsafe {
            let fp = self.frames.as_mut_ptr().add(fi);
            self.frames.set_len(fi);
            std::ptr::drop_in_place(fp);
        }
        if self.exc_stack.len() > exc_depth {
            self.exc_stack.truncate(exc_depth);
        }
        self.yielded = true;
        ret
    }

    /// Pushes the frame that resumes generator `g` (state Running already
    /// set by the caller), writing each field in place as `push_call_frame`
    /// does.
    #[inline(always)]
    fn push_generator_frame(&mut self, g: &PyRef<GeneratorObj>, ret: Ret) {
        let len = self.frames.len();
        if len == self.frames.capacity() {
            self.frames.reserve(len.max(64));
        }
        let top = self.stack_top();
        let exc_depth = self.exc_stack.len() as u32;
        let func = g.func.clone();
        // SAFETY: capacity for one more element was ensured above; every
        // field is initialised before `set_len` makes the record visible.
        unsafe {
            let p = self.frames.as_mut_ptr().add(len);
            std::ptr::addr_of_mut!((*p).code).write(&*func.code as *const crate::bytecode::CodeObj);
            std::ptr::addr_of_mut!((*p).globals).write(&*func.globals as *const DictObj);
            std::ptr::addr_of_mut!((*p).base).write(g.regs_ptr());
            std::ptr::addr_of_mut!((*p).top).write(top);
            std::ptr::addr_of_mut!((*p).pc).write(g.pc.get());
            std::ptr::addr_of_mut!((*p).exc_depth).write(exc_depth);
            std::ptr::addr_of_mut!((*p).ret).write(ret);
            std::ptr::addr_of_mut!((*p).func).write(Some(func));
            std::ptr::addr_of_mut!((*p).locals).write(None);
            std::ptr::addr_of_mut!((*p).generator).write(Some(g.clone()));
            std::ptr::addr_of_mut!((*p).extra).write(None);
            self.frames.set_len(len + 1);
        }
    }

    /// Resumes `g`, sending `value` (or raising `throw` at the yield point).
    pub fn gen_resume(&mut self, g: &PyRef<GeneratorObj>, value: Value, throw: Option<PyErr>) -> PyResult<GenResult> {
        self.gen_resume_as(g, value, throw, Ret::ToRust)
    }

    /// Every value generator `g` still yields (`list(g)`): the frame runs as
    /// `Ret::Collect`, so plain `yield`s append to `Vm::collected` without
    /// leaving the dispatch loop; anything else that suspends it (`yield
    /// from`, a profile hook) hands one value back as `gen_resume` does and
    /// the loop resumes it. Values of a collection inside the generator's
    /// own (a `list(other)` in its body) go to that collection: the outer
    /// one's are set aside meanwhile.
    pub fn gen_collect(&mut self, g: &PyRef<GeneratorObj>) -> PyResult<Vec<Value>> {
        let mut out = Vec::new();
        loop {
            let outer = std::mem::take(&mut self.collected);
            let r = self.gen_resume_as(g, Value::None, None, Ret::Collect);
            let got = std::mem::replace(&mut self.collected, outer);
            match r? {
                GenResult::Yield(v) => {
                    out.extend(got);
                    out.push(v);
                }
                GenResult::Return(_) => {
                    out.extend(got);
                    return Ok(out);
                }
            }
        }
    }

    /// One stretch of `sum(g)` from the total `acc` (an int or a float):
    /// runs `g` as a `Ret::Sum` frame until it yields a value the total
    /// cannot take in place (`(total, Some(value))`: `sum` adds it and
    /// calls again) or finishes (`(total, None)`).
    pub fn gen_sum(&mut self, g: &PyRef<GeneratorObj>, acc: Value) -> PyResult<(Value, Option<Value>)> {
        let outer = std::mem::replace(&mut self.sum_acc, acc);
        let r = self.gen_resume_as(g, Value::None, None, Ret::Sum);
        let total = std::mem::replace(&mut self.sum_acc, outer);
        Ok(match r? {
            GenResult::Yield(v) => (total, Some(v)),
            GenResult::Return(_) => (total, None),
        })
    }

    /// The next value of generator `g` that `any()` (`truthy` false) or
    /// `all()` (`truthy` true) must look at, passing over in place the
    /// values whose truth is known and cannot decide (`Ret::Skip`); None
    /// when `g` finishes.
    pub fn gen_skip(&mut self, g: &PyRef<GeneratorObj>, truthy: bool) -> PyResult<Option<Value>> {
        Ok(match self.gen_resume_as(g, Value::None, None, Ret::Skip { truthy })? {
            GenResult::Yield(v) => Some(v),
            GenResult::Return(_) => None,
        })
    }

    /// The `yield` of a `Ret::Sum` frame: adds `v` to `sum_acc` when that
    /// needs no code and cannot overflow (then true), as `sum`'s own loop
    /// adds machine numbers.
    #[inline]
    pub(crate) fn sum_step(&mut self, v: &Value) -> bool {
        match (&mut self.sum_acc, v) {
            (Value::Int(a), Value::Int(b)) => match a.checked_add(*b) {
                Some(s) => {
                    *a = s;
                    true
                }
                None => false,
            },
            (Value::Float(a), Value::Float(b)) => {
                *a += b;
                true
            }
            (Value::Float(a), Value::Int(b)) => {
                *a += *b as f64;
                true
            }
            _ => false,
        }
    }

    /// `gen_resume` with the resumed frame's return mode (`ToRust`,
    /// `Collect`, `Sum` or `Skip`).
    fn gen_resume_as(&mut self, g: &PyRef<GeneratorObj>, value: Value, throw: Option<PyErr>, ret: Ret) -> PyResult<GenResult> {
        match g.state.get() {
            GenState::Running => return Err(PyErr::value_error(format!("{} already executing", g.kind.name()))),
            GenState::Finished => {
                if g.kind == GenKind::Coroutine {
                    return Err(PyErr::runtime_error("cannot reuse already awaited coroutine"));
                }
                return match throw {
                    Some(e) => Err(e),
                    None => Ok(GenResult::Return(Value::None)),
                };
            }
            GenState::Created => {
                if throw.is_none() && !value.is_none() {
                    return Err(PyErr::type_error(format!("can't send non-None value to a just-started {}", g.kind.name())));
                }
                if let Some(e) = throw {
                    g.state.set(GenState::Finished);
                    g.clear();
                    return Err(e);
                }
            }
            GenState::Suspended => {}
        }
        self.check_native_stack()?;
        self.check_recursion()?;
        // Deliver the sent value to the suspended yield (or take the
        // next item of a list being delegated to).
        if throw.is_none() && g.state.get() == GenState::Suspended {
            let direct = value.is_none();
            if let Some(v) = deliver_sent(g, value, direct) {
                return Ok(GenResult::Yield(v));
            }
        }
        g.state.set(GenState::Running);
        self.push_generator_frame(g, ret);
        let depth = self.frames.len();
        self.native_depth += 1;
        let r = match throw {
            Some(e) => match self.handle_exception(e, depth) {
                Ok(()) => self.run(depth),
                Err(e) => Err(e),
            },
            None => self.run(depth),
        };
        self.native_depth -= 1;
        if self.yielded {
            self.yielded = false;
            return r.map(GenResult::Yield);
        }
        g.state.set(GenState::Finished);
        g.clear();
        match r {
            Ok(v) => Ok(GenResult::Return(v)),
            Err(e) => Err(self.escaping_generator(g, e)),
        }
    }

    /// The exception that leaves the caller when `e` escapes generator
    /// `g`'s frame: PEP 479 turns a StopIteration (StopAsyncIteration for
    /// async generators) into a RuntimeError with it as cause and context.
    pub(crate) fn escaping_generator(&mut self, g: &GeneratorObj, e: PyErr) -> PyErr {
        let stop_async = g.kind == GenKind::AsyncGenerator && self.err_is(&e, ExcKind::StopAsyncIteration);
        if !(self.err_is(&e, ExcKind::StopIteration) || stop_async) {
            return e;
        }
        let mut e = e;
        let stop = self.materialize(&mut e);
        let what = if stop_async { "StopAsyncIteration" } else { "StopIteration" };
        let mut ne = PyErr::runtime_error(format!("{} raised {}", g.kind.name(), what));
        ne.0.context = stop.clone();
        let exc = self.materialize(&mut ne);
        if let Value::Instance(i) = &exc {
            if let Some(x) = &i.exc {
                x.cause.set(stop);
                x.suppress_context.set(true);
            }
        }
        ne
    }

    /// `for x in g` on a plain generator, from the dispatch loop: resumes
    /// `g`'s frame on top of the caller's (frame `fi`) instead of in a
    /// nested `run`, so the generator runs in the same dispatch loop. The
    /// frame returns through `Ret::ForIter`: a yield stores the value into
    /// the caller's register `dst` and suspends; finishing jumps the caller
    /// to `target`. Returns false (nothing done) when the general path
    /// must decide (not a plain generator, running or finished, or at the
    /// recursion limit).
    #[inline(never)]
    pub(crate) fn try_resume_for(&mut self, g: &PyRef<GeneratorObj>, dst: u16, target: u32) -> Resumed {
        self.resume_inline(g, Ret::ForIter { dst, target, enumerate: false })
    }

    /// `for i, x in enumerate(g)` on a plain generator `g` (`it` is the
    /// enumerate iterator): resumes `g` inline as `try_resume_for` does;
    /// its yield makes the (count, value) pair (`enumerate_pair`). Returns
    /// false (nothing done) when the general path must decide.
    #[inline(never)]
    pub(crate) fn try_resume_enumerate(&mut self, it: &Value, dst: u16, target: u32) -> bool {
        let Value::Iter(io) = it else { return false };
        let g = match io.kind.try_borrow().as_deref() {
            Ok(IterKind::Enumerate { it: Value::Generator(g), .. }) => g.clone(),
            _ => return false,
        };
        !matches!(self.resume_inline(&g, Ret::ForIter { dst, target, enumerate: true }), Resumed::No)
    }

    /// The pushing of `try_resume_for` and `try_resume_enumerate`.
    #[inline(always)]
    fn resume_inline(&mut self, g: &PyRef<GeneratorObj>, ret: Ret) -> Resumed {
        let state = g.state.get();
        if g.kind != GenKind::Generator
            || !(state == GenState::Created || state == GenState::Suspended)
            || self.frames.len() >= self.frame_limit
        {
            return Resumed::No;
        }
        if state == GenState::Suspended {
            // None to the suspended yield, as `next()` sends (a plain
            // `for` takes a delegated list's next item directly).
            let direct = matches!(ret, Ret::ForIter { enumerate: false, .. });
            if let Some(v) = deliver_sent(g, Value::None, direct) {
                return Resumed::Item(v);
            }
        }
        g.state.set(GenState::Running);
        self.push_generator_frame(g, ret);
        Resumed::Pushed
    }

    /// Delivers `v`, yielded by a generator that an `enumerate` drives
    /// inline (`try_resume_enumerate`), to the caller (now the top frame,
    /// suspended after its `ForIter`, whose `iter` register holds the
    /// enumerate iterator) as the (count, value) pair; the count advances.
    /// `for i, x in enumerate(g)`: the pair goes straight into the
    /// unpacking's registers and the caller skips the unpacking (as
    /// `zip_into` does), else the pair is a tuple in register `dst`.
    #[inline(never)]
    fn deliver_enumerate(&mut self, dst: u16, v: Value) {
        let caller = self.frames.last().unwrap();
        let (code, base, at) = (caller.code(), caller.base, caller.pc as usize - 1);
        let Some(Instr::ForIter { iter, .. }) = code.instrs.get(at).copied() else {
            unreachable!("an enumerate-driven generator's caller is at its ForIter")
        };
        // SAFETY: `iter` is a register of the caller's window.
        let n = match unsafe { &*base.add(iter as usize) } {
            Value::Iter(io) => match &*io.kind.borrow() {
                IterKind::Enumerate { count, .. } => {
                    let n = count.get();
                    count.set(match n {
                        Value::Int(i) if i < i64::MAX => Value::Int(i + 1),
                        _ => crate::objects::int::add(&n, &Value::Int(1)),
                    });
                    n
                }
                _ => unreachable!("an enumerate-driven generator's caller iterates over the enumerate"),
            },
            _ => unreachable!("an enumerate-driven generator's caller iterates over the enumerate"),
        };
        if let Some(Instr::UnpackSequence { dst: udst, src, count: 2 }) = code.instrs.get(at + 1).copied() {
            if src == dst {
                // (What the unpacking would have recorded for the JIT.)
                code.cache(at + 1).profile |= crate::jit::profile_bit(&n) | crate::jit::profile_bit(&v);
                // SAFETY: `udst`, `udst + 1` are registers of the caller's window.
                unsafe {
                    Value::store(&mut *base.add(udst as usize), n);
                    Value::store(&mut *base.add(udst as usize + 1), v);
                }
                self.frames.last_mut().unwrap().pc += 1;
                return;
            }
        }
        // SAFETY: `dst` is a register of the caller's window.
        Value::store(unsafe { &mut *base.add(dst as usize) }, Value::tuple(vec![n, v]));
    }

    /// A `yield` of `v` in the top frame (a generator's), which resumes
    /// at `pc` receiving a sent value in register `dst` (from a `Yield`;
    /// from a `YieldFrom` over register `iter`, else `iter` is
    /// `SentSlot::NO_ITER`). Returns None when the value went to a `for`
    /// loop resuming the frame inline (`Ret::ForIter`: the caller
    /// continues in the dispatch loop), else the value, for Rust
    /// (`gen_resume`, through `yielded`).
    pub(crate) fn yield_value(&mut self, pc: u32, v: Value, dst: u16, iter: u16) -> Option<Value> {
        let ret = self.suspend_generator(pc, dst, iter);
        if let Ret::ForIter { dst, enumerate, .. } = ret {
            self.yielded = false;
            if enumerate {
                self.deliver_enumerate(dst, v);
                return None;
            }
            let caller = self.frames.last().unwrap();
            if caller.pc > 0 && self.jit_threshold != u32::MAX {
                // The value's kind, for the JIT's speculation on the
                // `ForIter` (the caller's pc is past it).
                // SAFETY: the caller's code outlives its frame.
                let code: &crate::bytecode::CodeObj = unsafe { &*caller.code };
                code.cache(caller.pc as usize - 1).profile |= crate::jit::profile_bit(&v);
            }
            // SAFETY: `dst` is a register of the caller's window.
            Value::store(unsafe { &mut *caller.base.add(dst as usize) }, v);
            return None;
        }
        Some(v)
    }

    /// `yield from` one step: send `value` into the sub-iterator.
    pub(crate) fn delegate_send(&mut self, it: &Value, value: Value) -> PyResult<GenResult> {
        match it {
            Value::Generator(g) => {
                let g = g.clone();
                self.gen_resume(&g, value, None)
            }
            Value::Native(_) if is_native_awaitable(it) => {
                let n = it.clone();
                self.awaitable_send(&n, value)
            }
            // A builtin iterator (`yield from some_list`): advanced directly.
            Value::Iter(_) if value.is_none() => match self.next(it)? {
                Some(v) => Ok(GenResult::Yield(v)),
                None => Ok(GenResult::Return(Value::None)),
            },
            _ => {
                let r = if value.is_none() {
                    match self.lookup_special(it, "__next__") {
                        Some(f) => self.call_function(&f, std::slice::from_ref(it)),
                        None => match it {
                            Value::Iter(_) => match self.next(it)? {
                                Some(v) => Ok(v),
                                None => return Ok(GenResult::Return(Value::None)),
                            },
                            _ => return Err(PyErr::type_error(format!("'{}' object is not an iterator", self.type_name(it)))),
                        },
                    }
                } else {
                    self.call_method(it, "send", &[value])
                };
                match r {
                    Ok(v) => Ok(GenResult::Yield(v)),
                    Err(mut e) if self.err_is(&e, ExcKind::StopIteration) => {
                        let exc = self.materialize(&mut e);
                        let v = self.get_attr(&exc, "value").unwrap_or(Value::None);
                        Ok(GenResult::Return(v))
                    }
                    Err(e) => Err(e),
                }
            }
        }
    }

    /// `gen.throw(exc)`.
    pub fn gen_throw(&mut self, g: &PyRef<GeneratorObj>, exc: PyErr) -> PyResult<GenResult> {
        // Delegate to a sub-iterator of `yield from` first.
        if g.state.get() == GenState::Suspended {
            let code = g.func.code.clone();
            if let Some(Instr::YieldFrom { iter, dst }) = code.instrs.get(g.pc.get() as usize).copied() {
                // SAFETY: suspended, so the registers are not in use.
                let sub = unsafe { (*g.regs.get())[iter as usize].clone() };
                let is_close = self.err_is(&exc, ExcKind::GeneratorExit);
                let r = match &sub {
                    Value::Generator(sg) => {
                        let sg = sg.clone();
                        if is_close {
                            self.gen_close(&sg).map(|_| None)
                        } else {
                            match self.gen_throw(&sg, exc) {
                                Ok(GenResult::Yield(v)) => return Ok(GenResult::Yield(v)),
                                Ok(GenResult::Return(v)) => Ok(Some(v)),
                                Err(e) => Err(e),
                            }
                        }
                    }
                    Value::Native(_) if is_native_awaitable(&sub) => {
                        if is_close {
                            self.awaitable_close(&sub).map(|_| None)
                        } else {
                            match self.awaitable_throw(&sub, exc) {
                                Ok(GenResult::Yield(v)) => return Ok(GenResult::Yield(v)),
                                Ok(GenResult::Return(v)) => Ok(Some(v)),
                                Err(e) => Err(e),
                            }
                        }
                    }
                    _ => {
                        if is_close {
                            // The sub-iterator's close(), if it has one, then
                            // GeneratorExit here.
                            match self.get_attr(&sub, "close") {
                                Ok(f) => self.call_function(&f, &[]).map(|_| None),
                                Err(_) => Ok(None),
                            }
                        } else {
                            match self.get_attr(&sub, "throw") {
                                Ok(f) => {
                                    let mut exc = exc;
                                    let v = self.materialize(&mut exc);
                                    match self.call_function(&f, &[v]) {
                                        Ok(v) => return Ok(GenResult::Yield(v)),
                                        Err(mut e) if self.err_is(&e, ExcKind::StopIteration) => {
                                            let x = self.materialize(&mut e);
                                            Ok(Some(self.get_attr(&x, "value").unwrap_or(Value::None)))
                                        }
                                        Err(e) => Err(e),
                                    }
                                }
                                Err(_) => Err(exc),
                            }
                        }
                    }
                };
                return match r {
                    Ok(Some(v)) => {
                        // The sub-generator finished: continue after yield
                        // from (no value is delivered: the instruction
                        // before the new pc is not a `Yield`).
                        // SAFETY: as above.
                        unsafe { (*g.regs.get())[dst as usize] = v };
                        g.pc.set(g.pc.get() + 1);
                        self.gen_resume(g, Value::None, None)
                    }
                    Ok(None) => {
                        g.pc.set(g.pc.get() + 1);
                        let e = PyErr::with_args(ExcKind::GeneratorExit, vec![]);
                        self.gen_resume(g, Value::None, Some(e))
                    }
                    Err(e) => {
                        // Raise inside this generator at the yield from.
                        g.pc.set(g.pc.get() + 1);
                        self.gen_resume(g, Value::None, Some(e))
                    }
                };
            }
        }
        self.gen_resume(g, Value::None, Some(exc))
    }

    /// `gen.close()`.
    pub fn gen_close(&mut self, g: &PyRef<GeneratorObj>) -> PyResult<()> {
        match g.state.get() {
            GenState::Created => {
                g.state.set(GenState::Finished);
                g.clear();
                return Ok(());
            }
            GenState::Finished => return Ok(()),
            _ => {}
        }
        let e = PyErr::with_args(ExcKind::GeneratorExit, vec![]);
        match self.gen_throw(g, e) {
            Ok(GenResult::Yield(_)) => Err(PyErr::runtime_error(format!("{} ignored GeneratorExit", g.kind.name()))),
            Ok(GenResult::Return(_)) => Ok(()),
            Err(e) if self.err_is(&e, ExcKind::GeneratorExit) || self.err_is(&e, ExcKind::StopIteration) => Ok(()),
            Err(e) => Err(e),
        }
    }
}

/// Stores `value` where suspended generator `g` receives a sent value:
/// the `YieldFrom` it is suspended on, or the `Yield` just before its pc.
///
/// `direct` (the value is None, as `next()` and `for` send): when `g` is
/// delegating (`yield from`) to a list or tuple iterator that has an item
/// left, returns that item instead, delivering nothing: advancing the
/// iterator is all that resuming `g` would do before it suspends again at
/// the same `YieldFrom` (no Python code runs; the index moves as
/// `delegate_send` moves it), so the caller takes the item without pushing
/// `g`'s frame and `g` stays suspended. An exhausted iterator gives None:
/// `g`'s frame must run on past its `yield from`.
#[inline(always)]
fn deliver_sent(g: &GeneratorObj, value: Value, direct: bool) -> Option<Value> {
    let base = g.regs_ptr();
    let slot = g.sent.get();
    let (dst, iter) = if slot.pc == g.pc.get() { (slot.dst, slot.iter) } else { sent_slot_of_code(g)? };
    if iter != SentSlot::NO_ITER && direct {
        // SAFETY: suspended, so nothing else uses the registers; `iter` <
        // nregs.
        if let Value::Iter(io) = unsafe { &*base.add(iter as usize) } {
            if let Ok(k) = io.kind.try_borrow() {
                if let IterKind::Seq { seq, index } = &*k {
                    let i = index.get();
                    let item = match seq {
                        Value::List(l) => l.get(i),
                        Value::Tuple(t) => t.as_slice().get(i).cloned(),
                        _ => None,
                    };
                    if item.is_some() {
                        index.set(i + 1);
                        return item;
                    }
                }
            }
        }
    }
    // SAFETY: `dst` < nregs, inside the suspended generator's registers
    // (nothing else uses them while it is suspended).
    unsafe { *base.add(dst as usize) = value };
    None
}

/// `deliver_sent`'s (dst, iter) found from the code, when the generator's
/// `sent` slot is not for its pc: None when nothing receives a value.
#[cold]
fn sent_slot_of_code(g: &GeneratorObj) -> Option<(u16, u16)> {
    let (code, pc) = (&g.func.code, g.pc.get() as usize);
    match code.instrs.get(pc) {
        Some(Instr::YieldFrom { dst, iter }) => Some((*dst, *iter)),
        _ => match pc.checked_sub(1).and_then(|i| code.instrs.get(i)) {
            Some(Instr::Yield { dst, .. }) => Some((*dst, SentSlot::NO_ITER)),
            _ => None,
        },
    }
}

/// `next()` on a generator: `None` when it finishes.
pub fn gen_next(vm: &mut Vm, g: &PyRef<GeneratorObj>) -> PyResult<Option<Value>> {
    match vm.gen_resume(g, Value::None, None)? {
        GenResult::Yield(v) => Ok(Some(v)),
        GenResult::Return(_) => Ok(None),
    }
}

/// `next(g)`: the yielded value, or `StopIteration` carrying the return value.
pub fn gen_next_or_stop(vm: &mut Vm, g: &PyRef<GeneratorObj>) -> PyResult<Value> {
    match vm.gen_resume(g, Value::None, None)? {
        GenResult::Yield(v) => Ok(v),
        GenResult::Return(v) => Err(stop_iteration_with(v)),
    }
}

/// The `StopIteration` that ends a generator returning `v` (no arguments
/// for None, as CPython does).
pub fn stop_iteration_with(v: Value) -> PyErr {
    if v.is_none() {
        PyErr::stop_iteration()
    } else {
        PyErr::with_args(ExcKind::StopIteration, vec![v])
    }
}

/// Marks a generator finished when its frame is popped by a return or an
/// exception.
pub fn finish_generator(g: &PyRef<GeneratorObj>) {
    g.state.set(GenState::Finished);
}

pub fn generator_attr(vm: &mut Vm, g: &PyRef<GeneratorObj>, name: &str) -> PyResult<Option<Value>> {
    let _ = vm;
    // The attributes' prefix: gi_ (generator), cr_ (coroutine), ag_ (async generator).
    let (prefix, rest) = match name.get(..3) {
        Some(p @ ("gi_" | "cr_" | "ag_")) => (p, &name[3..]),
        _ => ("", name),
    };
    let own = match g.kind {
        GenKind::Generator => "gi_",
        GenKind::Coroutine => "cr_",
        GenKind::AsyncGenerator => "ag_",
    };
    if !prefix.is_empty() && prefix != own {
        return Ok(None);
    }
    Ok(Some(match (prefix.is_empty(), rest) {
        (true, "__name__") => g.name.get(),
        (true, "__qualname__") => g.qualname.get(),
        (false, "running") => Value::Bool(g.state.get() == GenState::Running || g.running_async.get()),
        (false, "code") => Value::Code(g.func.code.clone()),
        (false, "frame") => {
            if g.state.get() == GenState::Finished {
                Value::None
            } else {
                Value::Bool(true)
            }
        }
        (false, "suspended") if g.kind != GenKind::AsyncGenerator => Value::Bool(g.state.get() == GenState::Suspended),
        (false, "await") if g.kind != GenKind::Generator => g.awaiting().unwrap_or(Value::None),
        (false, "yieldfrom") if g.kind == GenKind::Generator => g.awaiting().unwrap_or(Value::None),
        (false, "origin") if g.kind == GenKind::Coroutine => Value::None,
        _ => return Ok(None),
    }))
}

impl GeneratorObj {
    /// What a suspended frame is delegating to (`yield from`/`await`).
    pub fn awaiting(&self) -> Option<Value> {
        if self.state.get() != GenState::Suspended {
            return None;
        }
        match self.func.code.instrs.get(self.pc.get() as usize) {
            // SAFETY: suspended, so nothing else accesses the registers.
            Some(Instr::YieldFrom { iter, .. }) => Some(unsafe { (*self.regs.get())[*iter as usize].clone() }),
            _ => None,
        }
    }

    /// Suspended at a `yield` (not inside a `yield from`/`await`).
    fn at_plain_yield(&self) -> bool {
        !matches!(self.func.code.instrs.get(self.pc.get() as usize), Some(Instr::YieldFrom { .. }))
    }

    /// Whether `await` accepts this object as it is.
    pub fn is_awaitable(&self) -> bool {
        self.kind == GenKind::Coroutine || (self.kind == GenKind::Generator && self.iterable_coroutine.get())
    }
}

/// Whether `iter()`/`next()` treat `v` as a generator (coroutines and
/// async generators are not iterators).
#[inline]
pub fn is_plain_generator(v: &Value) -> bool {
    matches!(v, Value::Generator(g) if g.kind == GenKind::Generator)
}

impl Vm {
    /// `await v`: the iterator the awaiting frame delegates to.
    pub fn get_awaitable(&mut self, v: &Value) -> PyResult<Value> {
        if let Value::Generator(g) = v {
            if g.is_awaitable() {
                if g.kind == GenKind::Coroutine && g.awaiting().is_some() {
                    return Err(PyErr::runtime_error("coroutine is being awaited already"));
                }
                return Ok(v.clone());
            }
        }
        let Some(f) = self.lookup_special(v, "__await__") else {
            return Err(PyErr::type_error(format!("object {} can't be used in 'await' expression", self.type_name(v))));
        };
        let it = self.call_function(&f, std::slice::from_ref(v))?;
        if let Value::Generator(g) = &it {
            if g.is_awaitable() {
                return Err(PyErr::type_error("__await__() returned a coroutine"));
            }
        }
        if !matches!(it, Value::Iter(_)) && !is_plain_generator(&it) && self.lookup_special(&it, "__next__").is_none() {
            return Err(PyErr::type_error(format!("__await__() returned non-iterator of type '{}'", self.type_name(&it))));
        }
        Ok(it)
    }

    /// `async for`: `iter.__aiter__()`.
    pub fn get_aiter(&mut self, v: &Value) -> PyResult<Value> {
        let Some(f) = self.lookup_special(v, "__aiter__") else {
            return Err(PyErr::type_error(format!("'async for' requires an object with __aiter__ method, got {}", self.type_name(v))));
        };
        let it = self.call_function(&f, std::slice::from_ref(v))?;
        if self.lookup_special(&it, "__anext__").is_none() {
            return Err(PyErr::type_error(format!(
                "'async for' received an object from __aiter__ that does not implement __anext__: {}",
                self.type_name(&it)
            )));
        }
        Ok(it)
    }

    /// `async for`: the awaitable of `iter.__anext__()`.
    pub fn get_anext(&mut self, it: &Value) -> PyResult<Value> {
        if let Value::Generator(g) = it {
            if g.kind == GenKind::AsyncGenerator {
                return Ok(self.agen_awaitable(g, AgenOp::Send(Value::None)));
            }
        }
        let Some(f) = self.lookup_special(it, "__anext__") else {
            return Err(PyErr::type_error(format!("'async for' requires an iterator with __anext__ method, got {}", self.type_name(it))));
        };
        let aw = self.call_function(&f, std::slice::from_ref(it))?;
        match self.get_awaitable(&aw) {
            Ok(v) => Ok(v),
            Err(e) if self.err_is(&e, ExcKind::TypeError) => {
                Err(PyErr::type_error(format!("'async for' received an invalid object from __anext__: {}", self.type_name(&aw))))
            }
            Err(e) => Err(e),
        }
    }

    /// `async with`: (awaitable of `__aenter__()`, bound `__aexit__`).
    pub fn async_with_enter(&mut self, m: &Value) -> PyResult<(Value, Value)> {
        let cls = self.class_of(m);
        let (Some(enter), Some(exit)) = (cls.lookup("__aenter__"), cls.lookup("__aexit__")) else {
            let missing = if cls.lookup("__aenter__").is_none() { "" } else { " (missed __aexit__ method)" };
            return Err(PyErr::type_error(format!(
                "'{}' object does not support the asynchronous context manager protocol{}",
                cls.name(),
                missing
            )));
        };
        let exit_bound = self.bind(exit, m, &cls)?;
        let enter_bound = self.bind(enter, m, &cls)?;
        let v = self.call_function(&enter_bound, &[])?;
        let aw = match self.get_awaitable(&v) {
            Ok(aw) => aw,
            Err(e) if self.err_is(&e, ExcKind::TypeError) => {
                return Err(PyErr::type_error(format!(
                    "'async with' received an object from __aenter__ that does not implement __await__: {}",
                    self.type_name(&v)
                )))
            }
            Err(e) => return Err(e),
        };
        Ok((aw, exit_bound))
    }

    /// `async with` exit: the awaitable of `exit(type, exc, tb)`.
    pub fn async_with_exit(&mut self, exit: &Value, exc: Option<Value>) -> PyResult<Value> {
        let args = match exc {
            Some(x) => self.exit_args(&x),
            None => [Value::None, Value::None, Value::None],
        };
        let v = self.call_function(exit, &args)?;
        match self.get_awaitable(&v) {
            Ok(aw) => Ok(aw),
            Err(e) if self.err_is(&e, ExcKind::TypeError) => Err(PyErr::type_error(format!(
                "'async with' received an object from __aexit__ that does not implement __await__: {}",
                self.type_name(&v)
            ))),
            Err(e) => Err(e),
        }
    }
}

/// What an async generator's awaitable does when first driven.
pub enum AgenOp {
    /// `asend(v)` / `__anext__()` (v = None).
    Send(Value),
    /// `athrow(exc)`: the exception instance.
    Throw(Value),
    /// `aclose()`.
    Close,
}

/// The awaitable returned by `asend`/`__anext__` (`async_generator_asend`)
/// and `athrow`/`aclose` (`async_generator_athrow`): it runs the async
/// generator until its next `yield` (which ends the await with the value)
/// and passes the generator's own awaits through to whoever drives it.
pub struct AgenAwait {
    pub gen: PyRef<GeneratorObj>,
    pub op: std::cell::RefCell<AgenOp>,
    /// 0: not started, 1: running, 2: done.
    pub state: Cell<u8>,
}

impl NativeState for AgenAwait {
    fn trace(&self, visit: &mut dyn FnMut(&Value)) {
        visit(&rc::borrowed_value(&self.gen, Value::Generator));
        if let Ok(op) = self.op.try_borrow() {
            if let AgenOp::Send(v) | AgenOp::Throw(v) = &*op {
                visit(v);
            }
        }
    }
    fn as_any(&self) -> &dyn std::any::Any {
        self
    }
}

/// `coro.__await__()`: an iterator over the coroutine's steps.
pub struct CoroWrapper {
    pub coro: PyRef<GeneratorObj>,
}

impl NativeState for CoroWrapper {
    fn trace(&self, visit: &mut dyn FnMut(&Value)) {
        visit(&rc::borrowed_value(&self.coro, Value::Generator));
    }
    fn as_any(&self) -> &dyn std::any::Any {
        self
    }
}

/// The async generator awaitable `v` is, if it is one.
pub fn awaitable_of(v: &Value) -> Option<&AgenAwait> {
    if let Value::Native(n) = v {
        if let NativeData::Other(s) = &n.data {
            return s.as_any().downcast_ref::<AgenAwait>();
        }
    }
    None
}

/// `anext(it, default)`: the awaitable of `it.__anext__()`, ending with
/// `default` instead of `StopAsyncIteration`.
pub struct AnextAwait {
    pub inner: Value,
    pub default: Value,
}

impl NativeState for AnextAwait {
    fn trace(&self, visit: &mut dyn FnMut(&Value)) {
        visit(&self.inner);
        visit(&self.default);
    }
    fn as_any(&self) -> &dyn std::any::Any {
        self
    }
}

fn anext_of(v: &Value) -> Option<&AnextAwait> {
    if let Value::Native(n) = v {
        if let NativeData::Other(s) = &n.data {
            return s.as_any().downcast_ref::<AnextAwait>();
        }
    }
    None
}

/// Whether `v` is one of the native awaitables (`async_generator_asend`,
/// `async_generator_athrow`, `anext_awaitable`).
pub fn is_native_awaitable(v: &Value) -> bool {
    awaitable_of(v).is_some() || anext_of(v).is_some()
}

/// The coroutine behind a `coroutine_wrapper`.
pub fn wrapped_coro(v: &Value) -> Option<PyRef<GeneratorObj>> {
    if let Value::Native(n) = v {
        if let NativeData::Other(s) = &n.data {
            return s.as_any().downcast_ref::<CoroWrapper>().map(|w| w.coro.clone());
        }
    }
    None
}

impl Vm {
    /// A new `asend`/`athrow` awaitable for the async generator `g`.
    pub fn agen_awaitable(&mut self, g: &PyRef<GeneratorObj>, op: AgenOp) -> Value {
        let cls = match op {
            AgenOp::Send(_) => self.types.async_generator_asend.clone(),
            _ => self.types.async_generator_athrow.clone(),
        };
        self.new_native(
            cls,
            NativeData::Other(Box::new(AgenAwait { gen: g.clone(), op: std::cell::RefCell::new(op), state: Cell::new(0) })),
        )
    }

    /// `coro.__await__()`.
    pub fn coro_wrapper(&mut self, g: &PyRef<GeneratorObj>) -> Value {
        let cls = self.types.coroutine_wrapper.clone();
        self.new_native(cls, NativeData::Other(Box::new(CoroWrapper { coro: g.clone() })))
    }

    /// Turns a step of the async generator into a step of the awaitable.
    fn agen_step(&mut self, a: &AgenAwait, r: PyResult<GenResult>) -> PyResult<GenResult> {
        let g = &a.gen;
        let close = matches!(&*a.op.borrow(), AgenOp::Close);
        match r {
            Ok(GenResult::Yield(v)) if g.at_plain_yield() => {
                // An async `yield`: the await is over.
                g.running_async.set(false);
                a.state.set(2);
                if close {
                    return Err(PyErr::runtime_error("async generator ignored GeneratorExit"));
                }
                Ok(GenResult::Return(v))
            }
            // An `await` inside the generator: passed through.
            Ok(GenResult::Yield(v)) => Ok(GenResult::Yield(v)),
            Ok(GenResult::Return(_)) => {
                g.running_async.set(false);
                a.state.set(2);
                if close {
                    Ok(GenResult::Return(Value::None))
                } else {
                    Err(PyErr::with_args(ExcKind::StopAsyncIteration, vec![]))
                }
            }
            Err(e) => {
                g.running_async.set(false);
                a.state.set(2);
                if close && (self.err_is(&e, ExcKind::StopAsyncIteration) || self.err_is(&e, ExcKind::GeneratorExit)) {
                    return Ok(GenResult::Return(Value::None));
                }
                Err(e)
            }
        }
    }

    /// `anext(it, default)`'s awaitable: a step of the inner awaitable, with
    /// `StopAsyncIteration` turned into the default.
    fn anext_step(&mut self, default: Value, r: PyResult<GenResult>) -> PyResult<GenResult> {
        match r {
            Err(e) if self.err_is(&e, ExcKind::StopAsyncIteration) => Ok(GenResult::Return(default)),
            r => r,
        }
    }

    /// `anext(it, default)`.
    pub fn anext_awaitable(&mut self, inner: Value, default: Value) -> Value {
        let cls = self.types.anext_awaitable.clone();
        self.new_native(cls, NativeData::Other(Box::new(AnextAwait { inner, default })))
    }

    /// Sends `v` into a native awaitable.
    pub fn awaitable_send(&mut self, n: &Value, v: Value) -> PyResult<GenResult> {
        if let Some(a) = anext_of(n) {
            let (inner, default) = (a.inner.clone(), a.default.clone());
            let r = self.delegate_send(&inner, v);
            return self.anext_step(default, r);
        }
        let Some(a) = awaitable_of(n) else {
            return Err(PyErr::type_error("expected an async generator awaitable"));
        };
        let g = a.gen.clone();
        let is_send = matches!(&*a.op.borrow(), AgenOp::Send(_));
        match a.state.get() {
            2 => {
                return Err(PyErr::runtime_error(if is_send {
                    "cannot reuse already awaited __anext__()/asend()"
                } else {
                    "cannot reuse already awaited aclose()/athrow()"
                }))
            }
            1 => {
                let r = self.gen_resume(&g, v, None);
                return self.agen_step(a, r);
            }
            _ => {}
        }
        if g.running_async.get() {
            a.state.set(2);
            let what = match &*a.op.borrow() {
                AgenOp::Send(_) => "anext()",
                AgenOp::Throw(_) => "athrow()",
                AgenOp::Close => "aclose()",
            };
            return Err(PyErr::runtime_error(format!("{}: asynchronous generator is already running", what)));
        }
        if !is_send && g.state.get() == GenState::Finished {
            a.state.set(2);
            return Ok(GenResult::Return(Value::None));
        }
        if !is_send && !v.is_none() {
            return Err(PyErr::runtime_error("can't send non-None value to a just-started coroutine"));
        }
        a.state.set(1);
        g.running_async.set(true);
        let op = std::mem::replace(&mut *a.op.borrow_mut(), AgenOp::Send(Value::None));
        let r = match &op {
            AgenOp::Send(init) => {
                let v = if v.is_none() { init.clone() } else { v };
                self.gen_resume(&g, v, None)
            }
            AgenOp::Throw(exc) => {
                let tb = crate::vm::exceptions::exc_traceback(exc);
                self.gen_throw(&g, PyErr::from_value(exc.clone(), tb))
            }
            AgenOp::Close => self.gen_throw(&g, PyErr::with_args(ExcKind::GeneratorExit, vec![])),
        };
        // Keep the kind of operation (Close is checked by agen_step).
        *a.op.borrow_mut() = match op {
            AgenOp::Close => AgenOp::Close,
            AgenOp::Throw(_) => AgenOp::Throw(Value::None),
            AgenOp::Send(_) => AgenOp::Send(Value::None),
        };
        self.agen_step(a, r)
    }

    /// `awaitable.throw(exc)`.
    pub fn awaitable_throw(&mut self, n: &Value, exc: PyErr) -> PyResult<GenResult> {
        if let Some(a) = anext_of(n) {
            let (inner, default) = (a.inner.clone(), a.default.clone());
            let r = match &inner {
                Value::Generator(g) => {
                    let g = g.clone();
                    self.gen_throw(&g, exc)
                }
                _ if is_native_awaitable(&inner) => self.awaitable_throw(&inner, exc),
                _ => match self.get_attr(&inner, "throw") {
                    Ok(f) => {
                        let mut exc = exc;
                        let x = self.materialize(&mut exc);
                        match self.call_function(&f, &[x]) {
                            Ok(v) => Ok(GenResult::Yield(v)),
                            Err(mut e) if self.err_is(&e, ExcKind::StopIteration) => {
                                let x = self.materialize(&mut e);
                                Ok(GenResult::Return(self.get_attr(&x, "value").unwrap_or(Value::None)))
                            }
                            Err(e) => Err(e),
                        }
                    }
                    Err(_) => Err(exc),
                },
            };
            return self.anext_step(default, r);
        }
        let Some(a) = awaitable_of(n) else {
            return Err(exc);
        };
        let g = a.gen.clone();
        if a.state.get() == 2 {
            let is_send = matches!(&*a.op.borrow(), AgenOp::Send(_));
            return Err(PyErr::runtime_error(if is_send {
                "cannot reuse already awaited __anext__()/asend()"
            } else {
                "cannot reuse already awaited aclose()/athrow()"
            }));
        }
        a.state.set(1);
        g.running_async.set(true);
        let r = self.gen_throw(&g, exc);
        self.agen_step(a, r)
    }

    /// `awaitable.close()`.
    pub fn awaitable_close(&mut self, n: &Value) -> PyResult<()> {
        if let Some(a) = awaitable_of(n) {
            a.state.set(2);
        }
        if let Some(a) = anext_of(n) {
            let inner = a.inner.clone();
            match &inner {
                Value::Generator(g) => {
                    let g = g.clone();
                    self.gen_close(&g)?;
                }
                _ if is_native_awaitable(&inner) => self.awaitable_close(&inner)?,
                _ => {
                    if let Ok(f) = self.get_attr(&inner, "close") {
                        self.call_function(&f, &[])?;
                    }
                }
            }
        }
        Ok(())
    }

    /// `aiter(x)`.
    pub fn builtin_aiter(&mut self, x: &Value) -> PyResult<Value> {
        let Some(f) = self.lookup_special(x, "__aiter__") else {
            return Err(PyErr::type_error(format!("'{}' object is not an async iterable", self.type_name(x))));
        };
        let it = self.call_function(&f, std::slice::from_ref(x))?;
        if self.lookup_special(&it, "__anext__").is_none() {
            return Err(PyErr::type_error(format!("aiter() returned not an async iterator of type '{}'", self.type_name(&it))));
        }
        Ok(it)
    }

    /// `anext(it[, default])`.
    pub fn builtin_anext(&mut self, it: &Value, default: Option<Value>) -> PyResult<Value> {
        let Some(f) = self.lookup_special(it, "__anext__") else {
            return Err(PyErr::type_error(format!("'{}' object is not an async iterator", self.type_name(it))));
        };
        let aw = self.call_function(&f, std::slice::from_ref(it))?;
        match default {
            None => Ok(aw),
            Some(d) => {
                let inner = self.get_awaitable(&aw)?;
                Ok(self.anext_awaitable(inner, d))
            }
        }
    }
}
