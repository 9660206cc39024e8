//! The VM side of the JIT: hotness bookkeeping and options. The translator
//! from bytecode to the JIT's IR and the Cranelift backend live in later
//! stages (`jit/` crate).

/// JIT options and statistics.
#[derive(Default)]
pub struct JitState {
    pub enabled: bool,
    pub threshold: u32,
}
