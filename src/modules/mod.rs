//! Modules implemented in Rust. Each `make` builds a fresh module object
//! the first time it is imported.

pub mod ast;
pub mod io;
pub mod math;
pub mod sys;
pub mod time;

use crate::objects::*;
use crate::vm::{PyResult, Vm};

/// Called once at start-up: creates `sys`.
pub fn init(vm: &mut Vm) {
    sys::init(vm);
}

/// The builtin module `name`, if Spry has one.
pub fn load_builtin(vm: &mut Vm, name: &str) -> PyResult<Option<Value>> {
    Ok(Some(match name {
        "math" => math::make(vm),
        "time" => time::make(vm),
        "io" => io::make(vm),
        _ => return Ok(None),
    }))
}

/// A new module object with the given functions.
pub fn new_module(vm: &mut Vm, name: &'static str, fns: &[(&'static str, BuiltinFn)]) -> Value {
    let m = vm.new_module(name);
    if let Value::Module(mo) = &m {
        for (n, f) in fns {
            mo.dict.set_str(n, vm.builtin_fn(n, *f, name));
        }
    }
    m
}

/// Sets a module attribute.
pub fn set(m: &Value, name: &str, v: Value) {
    if let Value::Module(mo) = m {
        mo.dict.set_str(name, v);
    }
}
