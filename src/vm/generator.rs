//! Generators: a function frame whose registers live in the generator
//! object, so it can be suspended at `yield` and resumed later.

use std::cell::{Cell, UnsafeCell};

use super::{Args, ExcKind, Frame, PyErr, PyResult, Ret, Vm};
use crate::bytecode::Instr;
use crate::objects::*;

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum GenState {
    Created,
    Suspended,
    Running,
    Finished,
}

pub struct GeneratorObj {
    pub func: PyRef<FunctionObj>,
    /// The frame's registers while suspended (and while running).
    pub regs: UnsafeCell<Box<[Value]>>,
    /// Where execution resumes.
    pub pc: Cell<u32>,
    pub state: Cell<GenState>,
    pub name: ValueCell,
    pub qualname: ValueCell,
}

impl GeneratorObj {
    fn regs_ptr(&self) -> *mut Value {
        // SAFETY: the box is only accessed through this pointer while the
        // generator's frame runs, and not at all otherwise.
        unsafe { (*self.regs.get()).as_mut_ptr() }
    }

    fn clear(&self) {
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
        Ok(Value::Generator(PyRef::new_tracked(GeneratorObj {
            func: func.clone(),
            regs: UnsafeCell::new(regs),
            pc: Cell::new(0),
            state: Cell::new(GenState::Created),
            name: ValueCell::new(func.name.get()),
            qualname: ValueCell::new(func.qualname.get()),
        })))
    }

    /// Called by `Yield`: the top frame is a generator's; suspend it at `pc`.
    pub(crate) fn suspend_generator(&mut self, pc: u32) {
        let f = self.frames.pop().unwrap();
        if let Some(g) = &f.generator {
            g.pc.set(pc);
            g.state.set(GenState::Suspended);
        }
        self.exc_stack.truncate(f.exc_depth as usize);
        self.yielded = true;
    }

    /// Resumes `g`, sending `value` (or raising `throw` at the yield point).
    pub fn gen_resume(&mut self, g: &PyRef<GeneratorObj>, value: Value, throw: Option<PyErr>) -> PyResult<GenResult> {
        match g.state.get() {
            GenState::Running => return Err(PyErr::value_error("generator already executing")),
            GenState::Finished => {
                return match throw {
                    Some(e) => Err(e),
                    None => Ok(GenResult::Return(Value::None)),
                }
            }
            GenState::Created => {
                if throw.is_none() && !value.is_none() {
                    return Err(PyErr::type_error("can't send non-None value to a just-started generator"));
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
        let func = g.func.clone();
        let code = func.code.clone();
        let pc = g.pc.get();
        let base = g.regs_ptr();
        // Deliver the sent value to the suspended yield.
        if throw.is_none() && g.state.get() == GenState::Suspended {
            let at = pc as usize;
            match code.instrs.get(at) {
                Some(Instr::YieldFrom { dst, .. }) => {
                    // SAFETY: dst < nregs, inside the generator's registers.
                    unsafe { *base.add(*dst as usize) = value };
                }
                _ => {
                    if at > 0 {
                        if let Some(Instr::Yield { dst, .. }) = code.instrs.get(at - 1) {
                            // SAFETY: as above.
                            unsafe { *base.add(*dst as usize) = value };
                        }
                    }
                }
            }
        }
        g.state.set(GenState::Running);
        let top = self.stack_top();
        let exc_depth = self.exc_stack.len() as u32;
        let mut frame = Frame::for_function(func, base, top, Ret::ToRust, exc_depth);
        frame.pc = pc;
        frame.generator = Some(g.clone());
        self.frames.push(frame);
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
            Err(e) => {
                if self.err_is(&e, ExcKind::StopIteration) {
                    // PEP 479: the StopIteration becomes the cause (and the
                    // context) of a RuntimeError.
                    let mut e = e;
                    let stop = self.materialize(&mut e);
                    let mut ne = PyErr::runtime_error("generator raised StopIteration");
                    ne.0.context = stop.clone();
                    let exc = self.materialize(&mut ne);
                    if let Value::Instance(i) = &exc {
                        if let Some(x) = &i.exc {
                            x.cause.set(stop);
                            x.suppress_context.set(true);
                        }
                    }
                    return Err(ne);
                }
                Err(e)
            }
        }
    }

    /// `yield from` one step: send `value` into the sub-iterator.
    pub(crate) fn delegate_send(&mut self, it: &Value, value: Value) -> PyResult<GenResult> {
        match it {
            Value::Generator(g) => {
                let g = g.clone();
                self.gen_resume(&g, value, None)
            }
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
                    _ => Err(exc),
                };
                return match r {
                    Ok(Some(v)) => {
                        // The sub-generator finished: continue after yield from.
                        // SAFETY: as above.
                        unsafe { (*g.regs.get())[dst as usize] = v };
                        g.pc.set(g.pc.get() + 1);
                        let base_pc = g.pc.get();
                        let _ = base_pc;
                        self.gen_resume_after_delegate(g)
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

    fn gen_resume_after_delegate(&mut self, g: &PyRef<GeneratorObj>) -> PyResult<GenResult> {
        // Resume at the instruction after `yield from` without delivering a value.
        let code = g.func.code.clone();
        let pc = g.pc.get() as usize;
        // A value delivery targets Yield at pc-1; make sure it does not match.
        let _ = code;
        let _ = pc;
        g.state.set(GenState::Suspended);
        self.gen_resume_raw(g)
    }

    fn gen_resume_raw(&mut self, g: &PyRef<GeneratorObj>) -> PyResult<GenResult> {
        let func = g.func.clone();
        g.state.set(GenState::Running);
        let top = self.stack_top();
        let exc_depth = self.exc_stack.len() as u32;
        let mut frame = Frame::for_function(func, g.regs_ptr(), top, Ret::ToRust, exc_depth);
        frame.pc = g.pc.get();
        frame.generator = Some(g.clone());
        self.frames.push(frame);
        let depth = self.frames.len();
        let r = self.run(depth);
        if self.yielded {
            self.yielded = false;
            return r.map(GenResult::Yield);
        }
        g.state.set(GenState::Finished);
        g.clear();
        r.map(GenResult::Return)
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
            Ok(GenResult::Yield(_)) => Err(PyErr::runtime_error("generator ignored GeneratorExit")),
            Ok(GenResult::Return(_)) => Ok(()),
            Err(e) if self.err_is(&e, ExcKind::GeneratorExit) || self.err_is(&e, ExcKind::StopIteration) => Ok(()),
            Err(e) => Err(e),
        }
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
    Ok(Some(match name {
        "__name__" => g.name.get(),
        "__qualname__" => g.qualname.get(),
        "gi_running" => Value::Bool(g.state.get() == GenState::Running),
        "gi_code" => Value::Code(g.func.code.clone()),
        "gi_frame" => {
            if g.state.get() == GenState::Finished {
                Value::None
            } else {
                Value::Bool(true)
            }
        }
        "gi_suspended" => Value::Bool(g.state.get() == GenState::Suspended),
        _ => return Ok(None),
    }))
}
