//! Spry's JIT backend: lowers Spry's trace IR to native code with Cranelift.
