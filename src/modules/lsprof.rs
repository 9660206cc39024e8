//! `_spry_lsprof`: the statistics engine of `_lsprof.Profiler` (the
//! profiler `cProfile` subclasses; `lib/_lsprof.py` is the class). Written
//! in Rust because it runs at every call and return of the profiled
//! program (`vm/profile.rs` sends the events), and follows CPython's
//! `Modules/_lsprof.c` exactly, so that `pstats` reports the same counts:
//!
//! - an entry per function (a code object, or a builtin by its label),
//!   with its calls, its recursive calls (made while it was already
//!   running), its total time (outermost activations only) and its inline
//!   time (without the time of the calls it made);
//! - per entry, a sub-entry per callee with the same figures for the calls
//!   from that caller (`subcalls`);
//! - a stack of running activations (`Ctx`); a return that does not match
//!   an activation (a frame that was running when profiling started) is
//!   ignored, and `disable` closes what is still open.

use std::any::Any;
use std::cell::RefCell;
use std::collections::HashMap;

use super::new_module;
use crate::objects::*;
use crate::vm::profile::{Event, ProfileHook};
use crate::vm::{Args, PyErr, PyResult, Vm};

/// What an entry is keyed by: a code object (by identity), or a builtin by
/// its label (`vm::profile::builtin_label`).
pub enum Key {
    Code(PyRef<crate::bytecode::CodeObj>),
    Label(String),
}

#[derive(Hash, PartialEq, Eq, Clone)]
enum KeyId {
    Code(usize),
    Label(String),
}

#[derive(Default, Clone, Copy)]
struct Counts {
    calls: i64,
    rec_calls: i64,
    /// Total and inline time, seconds.
    tt: f64,
    it: f64,
    /// Activations running now.
    level: i64,
}

struct Entry {
    /// The code object, or the label as a str (the same object in every
    /// statistics record, as `cProfile` matches callers by identity).
    obj: Value,
    counts: Counts,
    /// Sub-entries by callee entry index, in first-call order.
    subs: Vec<(usize, Counts)>,
    sub_index: HashMap<usize, usize>,
}

struct Ctx {
    entry: usize,
    t0: f64,
    /// Time spent in calls made from this activation.
    subt: f64,
}

struct State {
    /// A Python timer (`cProfile.Profile(time.process_time)`), else the
    /// monotonic clock.
    timer: Value,
    /// Seconds per unit of an int timer (`timeunit`; 0: the timer gives
    /// seconds).
    unit: f64,
    subcalls: bool,
    builtins: bool,
    entries: Vec<Entry>,
    index: HashMap<KeyId, usize>,
    stack: Vec<Ctx>,
}

struct Profiler {
    state: RefCell<State>,
}

impl NativeState for Profiler {
    fn trace(&self, visit: &mut dyn FnMut(&Value)) {
        if let Ok(s) = self.state.try_borrow() {
            visit(&s.timer);
            s.entries.iter().for_each(|e| visit(&e.obj));
        }
    }
    fn clear(&self) {
        if let Ok(mut s) = self.state.try_borrow_mut() {
            s.timer = Value::None;
            s.forget();
        }
    }
    fn as_any(&self) -> &dyn Any {
        self
    }
}

fn profiler_of(v: &Value) -> PyResult<&Profiler> {
    super::native_state::<Profiler>(v).ok_or_else(|| PyErr::type_error("_lsprof: not a profiler state"))
}

/// The profiler's clock, in seconds.
fn now(vm: &mut Vm, timer: &Value, unit: f64) -> PyResult<f64> {
    if timer.is_none() {
        return Ok(vm.started.elapsed().as_secs_f64());
    }
    let t = vm.call_function(timer, &[])?;
    Ok(match t {
        Value::Int(i) if unit > 0.0 => i as f64 * unit,
        Value::Int(i) => i as f64,
        Value::Float(f) if unit > 0.0 => f * unit,
        Value::Float(f) => f,
        Value::Bool(b) => b as i64 as f64,
        other => crate::builtins::arg::float(vm, &other)?,
    })
}

/// One event for the profiler whose state is `state` (called by
/// `Vm::profile_event` with the hook off).
pub fn event(vm: &mut Vm, state: &Value, ev: Event, key: Key) -> PyResult<()> {
    let p = profiler_of(state)?;
    let (timer, unit, builtins) = {
        let s = p.state.borrow();
        (s.timer.clone(), s.unit, s.builtins)
    };
    if matches!(key, Key::Label(_)) && !builtins {
        return Ok(());
    }
    let t = now(vm, &timer, unit)?;
    let mut s = p.state.borrow_mut();
    match ev {
        Event::Call | Event::CCall => s.enter(key, t),
        Event::Return | Event::CReturn | Event::CException => s.leave(key, t),
    }
    Ok(())
}

impl State {
    /// The statistics and the running activations forgotten.
    fn forget(&mut self) {
        self.entries.clear();
        self.index.clear();
        self.stack.clear();
    }

    fn enter(&mut self, key: Key, t: f64) {
        let (id, obj) = match key {
            Key::Code(c) => (KeyId::Code(&*c as *const _ as usize), Value::Code(c)),
            Key::Label(l) => (KeyId::Label(l.clone()), Value::string(l)),
        };
        let e = match self.index.get(&id) {
            Some(&e) => e,
            None => {
                self.entries.push(Entry { obj, counts: Counts::default(), subs: Vec::new(), sub_index: HashMap::new() });
                self.index.insert(id, self.entries.len() - 1);
                self.entries.len() - 1
            }
        };
        self.entries[e].counts.level += 1;
        if self.subcalls {
            if let Some(caller) = self.stack.last().map(|c| c.entry) {
                let ce = &mut self.entries[caller];
                let k = match ce.sub_index.get(&e) {
                    Some(&k) => k,
                    None => {
                        ce.subs.push((e, Counts::default()));
                        ce.sub_index.insert(e, ce.subs.len() - 1);
                        ce.subs.len() - 1
                    }
                };
                ce.subs[k].1.level += 1;
            }
        }
        self.stack.push(Ctx { entry: e, t0: t, subt: 0.0 });
    }

    fn leave(&mut self, key: Key, t: f64) {
        let id = match &key {
            Key::Code(c) => KeyId::Code(&**c as *const _ as usize),
            Key::Label(l) => KeyId::Label(l.clone()),
        };
        if self.stack.is_empty() {
            return;
        }
        match self.index.get(&id) {
            // (CPython stops the innermost activation with the entry of
            // the key: they are the same but for mismatched events.)
            Some(&e) => self.stop(e, t),
            None => {
                self.stack.pop();
            }
        }
    }

    /// Ends the innermost activation, counted for entry `e`.
    fn stop(&mut self, e: usize, t: f64) {
        let Some(ctx) = self.stack.pop() else { return };
        let tt = t - ctx.t0;
        let it = tt - ctx.subt;
        if let Some(prev) = self.stack.last_mut() {
            prev.subt += tt;
        }
        let c = &mut self.entries[e].counts;
        c.level -= 1;
        if c.level == 0 {
            c.tt += tt;
        } else {
            c.rec_calls += 1;
        }
        c.it += it;
        c.calls += 1;
        if self.subcalls {
            if let Some(caller) = self.stack.last().map(|c| c.entry) {
                let ce = &mut self.entries[caller];
                if let Some(&k) = ce.sub_index.get(&e) {
                    let sc = &mut ce.subs[k].1;
                    sc.level -= 1;
                    if sc.level == 0 {
                        sc.tt += tt;
                    } else {
                        sc.rec_calls += 1;
                    }
                    sc.it += it;
                    sc.calls += 1;
                }
            }
        }
    }

    /// `disable`: the activations still open end now.
    fn flush(&mut self, t: f64) {
        while let Some(ctx) = self.stack.last() {
            let e = ctx.entry;
            self.stop(e, t);
        }
    }
}

/// `_spry_lsprof.new(timer, timeunit, subcalls, builtins)`: a fresh state.
fn new(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let timer = args.get(0).cloned().unwrap_or(Value::None);
    let unit = match args.get(1) {
        Some(v) => crate::builtins::arg::float(vm, v)?,
        None => 0.0,
    };
    let subcalls = args.get(2).map(|v| vm.truthy(v)).transpose()?.unwrap_or(true);
    let builtins = args.get(3).map(|v| vm.truthy(v)).transpose()?.unwrap_or(true);
    let cls = state_class(vm);
    Ok(vm.new_native(
        cls,
        NativeData::Other(Box::new(Profiler {
            state: RefCell::new(State { timer, unit, subcalls, builtins, entries: Vec::new(), index: HashMap::new(), stack: Vec::new() }),
        })),
    ))
}

fn state_class(vm: &mut Vm) -> PyRef<ClassObj> {
    super::native_class(vm, "_lsprof.state", "_lsprof", "state", 0, |_, _| {})
}

/// The profiler object (`self`) and its state (`self._state`).
fn this_state(vm: &mut Vm, args: &Args, name: &str) -> PyResult<(Value, Value)> {
    let Some(this) = args.get(0).cloned() else {
        return Err(PyErr::type_error(format!("descriptor '{}' of '_lsprof.Profiler' object needs an argument", name)));
    };
    let state = vm.get_attr(&this, "_state")?;
    profiler_of(&state)?;
    Ok((this, state))
}

/// `Profiler.enable(subcalls=True, builtins=True)`.
fn enable(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (this, state) = this_state(vm, &args, "enable")?;
    let mut subcalls = args.get(1).cloned();
    let mut builtins = args.get(2).cloned();
    if args.len() > 3 {
        return Err(PyErr::type_error(format!("enable() takes at most 2 arguments ({} given)", args.len() - 1)));
    }
    for (k, v) in args.kwnames.iter().zip(args.kwvals) {
        let k = k.as_str().unwrap_or("");
        match k {
            "subcalls" if subcalls.is_none() => subcalls = Some(v.clone()),
            "builtins" if builtins.is_none() => builtins = Some(v.clone()),
            "subcalls" | "builtins" => {
                return Err(PyErr::type_error(format!("argument for enable() given by name ('{}') and position", k)))
            }
            other => return Err(PyErr::type_error(format!("'{}' is an invalid keyword argument for enable()", other))),
        }
    }
    let subcalls = subcalls.map(|v| vm.truthy(&v)).transpose()?;
    let builtins = builtins.map(|v| vm.truthy(&v)).transpose()?;
    {
        let p = profiler_of(&state)?;
        let mut s = p.state.borrow_mut();
        if let Some(v) = subcalls {
            s.subcalls = v;
        }
        if let Some(v) = builtins {
            s.builtins = v;
        }
    }
    vm.set_profile_hook(Some(ProfileHook::Lsprof { state, owner: this }));
    Ok(Value::None)
}

/// Whether `state` is the enabled profiler's.
fn is_enabled(vm: &Vm, state: &Value) -> bool {
    matches!(&vm.profile_hook, Some(ProfileHook::Lsprof { state: s, .. }) if s.is(state))
}

/// `Profiler.disable()`: stops profiling; the open activations end.
fn disable(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (_, state) = this_state(vm, &args, "disable")?;
    crate::builtins::arg::no_args(&args, "disable")?;
    if is_enabled(vm, &state) {
        vm.set_profile_hook(None);
    }
    let (timer, unit) = {
        let s = profiler_of(&state)?.state.borrow();
        (s.timer.clone(), s.unit)
    };
    let t = now(vm, &timer, unit)?;
    profiler_of(&state)?.state.borrow_mut().flush(t);
    Ok(Value::None)
}

/// `Profiler.clear()`: forgets the statistics.
fn clear(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (_, state) = this_state(vm, &args, "clear")?;
    crate::builtins::arg::no_args(&args, "clear")?;
    profiler_of(&state)?.state.borrow_mut().forget();
    Ok(Value::None)
}

/// `_spry_lsprof.stats(state)`: the raw statistics, a list of
/// `(code, callcount, reccallcount, totaltime, inlinetime, calls)` with
/// `calls` None or a list of `(code, callcount, reccallcount, totaltime,
/// inlinetime)` (`lib/_lsprof.py` makes the struct sequences).
fn stats(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    let state = args.get(0).cloned().unwrap_or(Value::None);
    let p = profiler_of(&state)?;
    let s = p.state.borrow();
    let mut out = Vec::new();
    for e in &s.entries {
        // (An entry whose only activation is still open: CPython skips
        // it too.)
        if e.counts.calls == 0 {
            continue;
        }
        let calls = if e.subs.is_empty() {
            Value::None
        } else {
            Value::list(
                e.subs
                    .iter()
                    .map(|(k, c)| {
                        Value::tuple(vec![
                            s.entries[*k].obj.clone(),
                            Value::Int(c.calls),
                            Value::Int(c.rec_calls),
                            Value::Float(c.tt),
                            Value::Float(c.it),
                        ])
                    })
                    .collect(),
            )
        };
        let c = e.counts;
        out.push(Value::tuple(vec![
            e.obj.clone(),
            Value::Int(c.calls),
            Value::Int(c.rec_calls),
            Value::Float(c.tt),
            Value::Float(c.it),
            calls,
        ]));
    }
    Ok(Value::list(out))
}

pub fn make(vm: &mut Vm) -> Value {
    let m = new_module(vm, "_spry_lsprof", &[("new", new), ("stats", stats)]);
    // Methods of `_lsprof.Profiler` (bound to the profiler, named as
    // CPython's in profiles: `{method 'disable' of '_lsprof.Profiler'
    // objects}`).
    for (name, f) in [("enable", enable as BuiltinFn), ("disable", disable), ("clear", clear)] {
        let b = vm.builtin_fn(name, f, "_lsprof.Profiler");
        super::set(&m, name, b);
    }
    m
}
