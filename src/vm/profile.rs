//! Profiling hooks: `sys.setprofile` and the `_lsprof` profiler behind
//! `cProfile`.
//!
//! Events, as CPython 3.11 sends them (`Python/ceval.c`):
//!
//! - `call`: a Python frame starts running (a function, a class body,
//!   module code run by `exec`, a generator resumed), before its first
//!   instruction. The interpreter notices new frames at the top of its
//!   frame loop: `Vm::profile_depth` counts the frames already announced.
//! - `return`: a frame ends — a `return`, a `yield` (the generator's
//!   frame leaves), or an exception unwinding out of it (the value is
//!   None then) — sent before the frame is popped.
//! - `c_call`, `c_return`, `c_exception`: a builtin function or method
//!   called from Python code (a call instruction); not calls of classes,
//!   and not calls a builtin makes itself.
//!
//! While a hook is set the JIT is off (compiled code inlines calls and
//! builtins, so it would not send their events): `set_profile_hook`
//! raises the thresholds to `u32::MAX` and puts them back when the hook is
//! removed. Compiled code already running when a hook is set runs on to
//! its next exit without events (what is inlined in it sends none).

use super::{PyResult, Vm};
use crate::objects::*;

/// What receives the events.
pub enum ProfileHook {
    /// `sys.setprofile(func)`: called as `func(frame, event, arg)`.
    Func(Value),
    /// An enabled `_lsprof.Profiler`: `state` is its native state
    /// (`modules::lsprof`), `owner` the profiler object
    /// (`sys.getprofile()`).
    Lsprof { state: Value, owner: Value },
}

/// The kinds of events.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Event {
    Call,
    Return,
    CCall,
    CReturn,
    CException,
}

impl Event {
    fn name(self) -> &'static str {
        match self {
            Event::Call => "call",
            Event::Return => "return",
            Event::CCall => "c_call",
            Event::CReturn => "c_return",
            Event::CException => "c_exception",
        }
    }
}

impl Vm {
    /// Sets (or with None removes) the profile hook. The frames running
    /// now are taken as announced: the first events are the calls they
    /// make and their returns.
    pub(crate) fn set_profile_hook(&mut self, hook: Option<ProfileHook>) {
        match (&self.profile_hook, &hook) {
            (None, Some(_)) => {
                self.profile_saved_jit = (self.jit_threshold, self.jit_watch);
                self.jit_threshold = u32::MAX;
                self.jit_watch = u32::MAX;
            }
            (Some(_), None) => {
                (self.jit_threshold, self.jit_watch) = self.profile_saved_jit;
            }
            _ => {}
        }
        self.profile_on = hook.is_some();
        self.profile_hook = hook;
        self.profile_depth = self.frames.len();
    }

    /// What `sys.getprofile()` returns.
    pub(crate) fn profile_object(&self) -> Value {
        match &self.profile_hook {
            None => Value::None,
            Some(ProfileHook::Func(f)) => f.clone(),
            Some(ProfileHook::Lsprof { owner, .. }) => owner.clone(),
        }
    }

    /// At the top of the frame loop when the frame stack is not what the
    /// hook last saw: a `call` event for each frame pushed since (usually
    /// one), or, when frames were popped without a `return` event, the
    /// count corrected.
    #[cold]
    #[inline(never)]
    pub(crate) fn profile_sync(&mut self) -> PyResult<()> {
        let n = self.frames.len();
        while self.profile_depth < n && self.profile_on {
            let fi = self.profile_depth;
            self.profile_depth += 1;
            self.profile_event(fi, Event::Call, &Value::None)?;
        }
        self.profile_depth = self.profile_depth.min(self.frames.len());
        Ok(())
    }

    /// The `return` event of frame `fi` (the top frame, about to be
    /// popped or suspended) with the value it returns or yields (None when
    /// an exception leaves it).
    #[cold]
    #[inline(never)]
    pub(crate) fn profile_return(&mut self, fi: usize, v: &Value) -> PyResult<()> {
        let r = self.profile_event(fi, Event::Return, v);
        self.profile_depth = self.profile_depth.min(fi);
        r
    }

    /// Calls builtin `b` from frame `fi` with its `c_call` event before
    /// and its `c_return` or `c_exception` event after (when a hook is
    /// still set then: `sys.setprofile(None)` sends only the first).
    #[cold]
    #[inline(never)]
    pub(crate) fn profiled_builtin_call(&mut self, fi: usize, b: &PyRef<BuiltinObj>, args: super::Args) -> PyResult<Value> {
        let f = Value::Builtin(b.clone());
        self.profile_event(fi, Event::CCall, &f)?;
        let r = self.call_builtin(b, args);
        if self.profile_on {
            match &r {
                Ok(_) => self.profile_event(fi, Event::CReturn, &f)?,
                // (An error of the hook's own is dropped: the call's
                // exception goes on.)
                Err(_) => {
                    let _ = self.profile_event(fi, Event::CException, &f);
                }
            }
        }
        r
    }

    /// Sends one event. The hook does not see events of its own code
    /// (`profile_on` is off while it runs); an error in a Python hook
    /// removes it (as CPython's `profile_trampoline`) and is returned.
    fn profile_event(&mut self, fi: usize, ev: Event, arg: &Value) -> PyResult<()> {
        if !self.profile_on {
            return Ok(());
        }
        match &self.profile_hook {
            None => Ok(()),
            Some(ProfileHook::Lsprof { state, .. }) => {
                let state = state.clone();
                let key = match ev {
                    Event::Call | Event::Return => {
                        let code = self.frames[fi].code_ref();
                        crate::modules::lsprof::Key::Code(code)
                    }
                    _ => match arg {
                        Value::Builtin(b) => crate::modules::lsprof::Key::Label(builtin_label(b)),
                        _ => return Ok(()),
                    },
                };
                self.profile_on = false;
                let r = crate::modules::lsprof::event(self, &state, ev, key);
                self.profile_on = self.profile_hook.is_some();
                r
            }
            Some(ProfileHook::Func(f)) => {
                let f = f.clone();
                let frame = crate::modules::sys::frame_snapshot(self, fi);
                self.profile_on = false;
                let r = self.call_function(&f, &[frame, Value::str(ev.name()), arg.clone()]);
                self.profile_on = self.profile_hook.is_some();
                match r {
                    Ok(_) => Ok(()),
                    Err(e) => {
                        self.set_profile_hook(None);
                        Err(e)
                    }
                }
            }
        }
    }
}

/// The name `_lsprof` gives a builtin in its statistics (CPython's
/// `normalizeUserObj`): a method of a type `<method 'append' of 'list'
/// objects>`, a module's function `<built-in method math.sqrt>`.
pub fn builtin_label(b: &BuiltinObj) -> String {
    if b.function {
        format!("<built-in method {}.{}>", b.owner, b.name)
    } else {
        format!("<method '{}' of '{}' objects>", b.name, b.owner)
    }
}

/// `sys.setprofile(func)`.
pub fn setprofile(vm: &mut Vm, args: super::Args) -> PyResult<Value> {
    args.check("sys.setprofile", 1, 1)?;
    let f = args.pos[0].clone();
    vm.set_profile_hook(if f.is_none() { None } else { Some(ProfileHook::Func(f)) });
    Ok(Value::None)
}

/// `sys.getprofile()`.
pub fn getprofile(vm: &mut Vm, args: super::Args) -> PyResult<Value> {
    args.check("sys.getprofile", 0, 0)?;
    Ok(vm.profile_object())
}
