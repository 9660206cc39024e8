//! Spry: a Python 3.11 implementation.
//!
//! Pipeline: `frontend` (parse) → `compiler` (register bytecode, defined in
//! `bytecode`) → `vm` (interpreter) → `jit` (hot loops to native code).
//! `objects` holds the value representation, `builtins` and `modules` the
//! runtime library.

pub mod builtins;
pub mod bytecode;
pub mod compiler;
pub mod frontend;
pub mod jit;
pub mod modules;
pub mod objects;
pub mod vm;
