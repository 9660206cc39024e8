//! The `gc` module: the cycle collector's Python interface
//! (`collect`, `enable`/`disable`/`isenabled`, counts and thresholds).

use std::cell::Cell;

use super::new_module;
use crate::builtins::arg;
use crate::objects::rc::{set_gc_budget, GC_REGISTRY, YOUNG_THRESHOLD};
use crate::objects::*;
use crate::vm::{Args, PyErr, PyResult, Vm};

thread_local! {
    static ENABLED: Cell<bool> = const { Cell::new(true) };
    static THRESHOLDS: Cell<(i64, i64, i64)> = const { Cell::new((700, 10, 10)) };
}

/// A budget no program exhausts: automatic collections stop.
const DISABLED_BUDGET: isize = isize::MAX / 2;

fn collect(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.allow_kwargs("collect", &["generation"])?;
    args.check_pos("collect", 0, 1)?;
    if let Some(g) = args.arg(0, "generation") {
        let g = arg::int(vm, g)?;
        if !(0..=2).contains(&g) {
            return Err(PyErr::value_error("invalid generation"));
        }
    }
    vm.clear_caller_dead_temps();
    let n = vm.gc_collect();
    if !ENABLED.with(|e| e.get()) {
        set_gc_budget(DISABLED_BUDGET);
    }
    Ok(Value::Int(n as i64))
}

fn enable(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check("enable", 0, 0)?;
    if !ENABLED.with(|e| e.replace(true)) {
        set_gc_budget(YOUNG_THRESHOLD);
    }
    Ok(Value::None)
}

fn disable(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check("disable", 0, 0)?;
    ENABLED.with(|e| e.set(false));
    set_gc_budget(DISABLED_BUDGET);
    Ok(Value::None)
}

fn isenabled(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check("isenabled", 0, 0)?;
    Ok(Value::Bool(ENABLED.with(|e| e.get())))
}

fn get_count(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check("get_count", 0, 0)?;
    let young = GC_REGISTRY.with(|r| {
        let r = r.borrow();
        r.entries.len() - r.old
    });
    Ok(Value::tuple(vec![Value::Int(young as i64), Value::Int(0), Value::Int(0)]))
}

fn get_threshold(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check("get_threshold", 0, 0)?;
    let (a, b, c) = THRESHOLDS.with(|t| t.get());
    Ok(Value::tuple(vec![Value::Int(a), Value::Int(b), Value::Int(c)]))
}

fn set_threshold(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.no_kwargs("set_threshold")?;
    if args.is_empty() || args.len() > 3 {
        return Err(PyErr::type_error(format!("set_threshold() takes 1 to 3 arguments ({} given)", args.len())));
    }
    let mut t = THRESHOLDS.with(|t| t.get());
    let vals: Vec<i64> = args.pos.iter().map(|v| arg::int(vm, v)).collect::<PyResult<_>>()?;
    t.0 = vals[0];
    if let Some(v) = vals.get(1) {
        t.1 = *v;
    }
    if let Some(v) = vals.get(2) {
        t.2 = *v;
    }
    THRESHOLDS.with(|x| x.set(t));
    Ok(Value::None)
}

fn get_stats(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check("get_stats", 0, 0)?;
    let (collections, freed) = vm.gc_stats();
    let mut out = Vec::new();
    for g in 0..3 {
        let d = DictObj::new();
        let (c, f) = if g == 2 { (collections, freed) } else { (0, 0) };
        d.set_str("collections", Value::Int(c as i64));
        d.set_str("collected", Value::Int(f as i64));
        d.set_str("uncollectable", Value::Int(0));
        out.push(Value::Dict(d));
    }
    Ok(Value::list(out))
}

fn is_tracked(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check("is_tracked", 1, 1)?;
    // (A list of numbers is not tracked until it may hold references;
    // CPython tracks every list.)
    if matches!(args.pos[0], Value::List(_)) {
        return Ok(Value::Bool(true));
    }
    let tracked = match args.pos[0].heap_header() {
        // SAFETY: the header of a live object the argument refers to.
        Some(h) => unsafe { h.as_ref().gc.get() != 0 },
        None => false,
    };
    Ok(Value::Bool(tracked))
}

fn is_finalized(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check("is_finalized", 1, 1)?;
    Ok(Value::Bool(matches!(&args.pos[0], Value::Instance(i) if i.finalized())))
}

fn freeze(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check("freeze", 0, 0)?;
    Ok(Value::None)
}

fn get_freeze_count(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check("get_freeze_count", 0, 0)?;
    Ok(Value::Int(0))
}

pub fn make(vm: &mut Vm) -> Value {
    let m = new_module(
        vm,
        "gc",
        &[
            ("collect", collect),
            ("enable", enable),
            ("disable", disable),
            ("isenabled", isenabled),
            ("get_count", get_count),
            ("get_threshold", get_threshold),
            ("set_threshold", set_threshold),
            ("get_stats", get_stats),
            ("is_tracked", is_tracked),
            ("is_finalized", is_finalized),
            ("freeze", freeze),
            ("unfreeze", freeze),
            ("get_freeze_count", get_freeze_count),
        ],
    );
    super::set(&m, "garbage", Value::list(vec![]));
    super::set(&m, "callbacks", Value::list(vec![]));
    for (n, v) in [("DEBUG_STATS", 1), ("DEBUG_COLLECTABLE", 2), ("DEBUG_UNCOLLECTABLE", 4), ("DEBUG_SAVEALL", 32), ("DEBUG_LEAK", 38)] {
        super::set(&m, n, Value::Int(v));
    }
    m
}
