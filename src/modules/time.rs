//! The `time` module.

use super::new_module;
use crate::builtins::arg;
use crate::objects::*;
use crate::vm::{Args, PyErr, PyResult, Vm};

fn now_secs() -> f64 {
    std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map(|d| d.as_secs_f64()).unwrap_or(0.0)
}

fn time(_vm: &mut Vm, _args: Args) -> PyResult<Value> {
    Ok(Value::Float(now_secs()))
}

fn time_ns(_vm: &mut Vm, _args: Args) -> PyResult<Value> {
    let ns = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map(|d| d.as_nanos()).unwrap_or(0);
    Ok(Value::Int(ns as i64))
}

fn perf_counter(vm: &mut Vm, _args: Args) -> PyResult<Value> {
    Ok(Value::Float(vm.started.elapsed().as_secs_f64()))
}

fn perf_counter_ns(vm: &mut Vm, _args: Args) -> PyResult<Value> {
    Ok(Value::Int(vm.started.elapsed().as_nanos() as i64))
}

/// CPU time of the process in seconds.
pub fn process_seconds() -> f64 {
    let mut ts = libc_timespec { tv_sec: 0, tv_nsec: 0 };
    // SAFETY: clock_gettime writes into the struct we pass; CLOCK_PROCESS_CPUTIME_ID is 2 on Linux.
    let r = unsafe { clock_gettime(2, &mut ts) };
    if r != 0 {
        return 0.0;
    }
    ts.tv_sec as f64 + ts.tv_nsec as f64 * 1e-9
}

fn process_time(_vm: &mut Vm, _args: Args) -> PyResult<Value> {
    Ok(Value::Float(process_seconds()))
}

fn process_time_ns(vm: &mut Vm, args: Args) -> PyResult<Value> {
    match process_time(vm, args)? {
        Value::Float(f) => Ok(Value::Int((f * 1e9) as i64)),
        v => Ok(v),
    }
}

#[repr(C)]
struct libc_timespec {
    tv_sec: i64,
    tv_nsec: i64,
}

extern "C" {
    fn clock_gettime(clk: i32, ts: *mut libc_timespec) -> i32;
}

fn sleep(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check("sleep", 1, 1)?;
    // CPython's _PyTime_FromSecondsObject: a float, or else an integer.
    let v = &args.pos[0];
    let s = match v {
        Value::Float(f) => *f,
        _ => match vm.index_value(v)? {
            Some(i) => arg::float(vm, &i)?,
            None => return Err(PyErr::type_error(format!("'{}' object cannot be interpreted as an integer", vm.type_name(v)))),
        },
    };
    if s.is_nan() {
        return Err(PyErr::value_error("Invalid value NaN (not a number)"));
    }
    if s.abs() * 1e9 >= i64::MAX as f64 {
        return Err(PyErr::overflow(if matches!(v, Value::Float(_)) {
            "timestamp out of range for platform time_t"
        } else {
            "timestamp too large to convert to C _PyTime_t"
        }));
    }
    if s < 0.0 {
        return Err(PyErr::value_error("sleep length must be non-negative"));
    }
    // Sleeping lets the threads waiting to run go first (`_thread`: Spry
    // runs one thread at a time; under CPython they would run meanwhile).
    if let Some(m) = vm.modules.get_str("_thread") {
        if let Ok(Value::List(p)) = vm.get_attr(&m, "_pending") {
            if !p.is_empty() {
                let run = vm.get_attr(&m, "_run_pending")?;
                vm.call_function(&run, &[])?;
            }
        }
    }
    vm.flush_stdout();
    // A signal interrupts the wait: its Python handler runs (an exception
    // it raises ends the sleep), then the sleep goes on for the time left
    // (PEP 475), as in CPython.
    let end = std::time::Instant::now() + std::time::Duration::from_secs_f64(s);
    loop {
        let left = end.saturating_duration_since(std::time::Instant::now());
        if left.is_zero() {
            break;
        }
        let ts = libc::timespec { tv_sec: left.as_secs() as libc::time_t, tv_nsec: left.subsec_nanos() as _ };
        // SAFETY: `nanosleep` reads `ts`; the remainder is not asked for.
        let r = unsafe { libc::nanosleep(&ts, std::ptr::null_mut()) };
        if r == 0 {
            break;
        }
        vm.check_signals()?;
    }
    Ok(Value::None)
}

pub fn make(vm: &mut Vm) -> Value {
    let m = new_module(
        vm,
        "time",
        &[
            ("time", time),
            ("time_ns", time_ns),
            ("perf_counter", perf_counter),
            ("perf_counter_ns", perf_counter_ns),
            ("monotonic", perf_counter),
            ("monotonic_ns", perf_counter_ns),
            ("process_time", process_time),
            ("process_time_ns", process_time_ns),
            ("sleep", sleep),
        ],
    );
    super::timecal::extend(vm, &m);
    m
}
