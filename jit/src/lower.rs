//! Lowering of the JIT IR to Cranelift IR, and compilation to native code.
//!
//! Each compiled function gets its own `JITModule`, so its code can be freed
//! on its own (`Compiled::free`). The target ISA is built once and shared.
//! Code pages are writable while the function is emitted and switched to
//! read+execute by `finalize_definitions`: never writable and executable at
//! once.

use std::collections::HashMap;
use std::sync::Arc;

use cranelift_codegen::ir::condcodes::{FloatCC, IntCC};
use cranelift_codegen::ir::{types, AbiParam, BlockArg, InstBuilder, MemFlagsData, Signature, StackSlotData, StackSlotKind};
use cranelift_codegen::isa::{CallConv, OwnedTargetIsa};
use cranelift_codegen::settings::{self, Configurable};
use cranelift_codegen::{ir, Context};
use cranelift_frontend::{FunctionBuilder, FunctionBuilderContext};
use cranelift_jit::{JITBuilder, JITModule};
use cranelift_module::{default_libcall_names, Linkage, Module};

use smallvec::{smallvec, SmallVec};

use crate::ir::{Cmp, Function, Op, Terminator, Ty};

/// The native code of one compiled function.
pub struct Compiled {
    module: Option<JITModule>,
    /// Entry point: `extern "C" fn(base, ctx) -> u64`.
    pub entry: *const u8,
    /// The Cranelift IR, for `--jit-log`.
    pub clif: String,
    /// Size of the machine code in bytes.
    pub code_size: usize,
}

impl Compiled {
    /// Frees the machine code. The caller guarantees no activation of it is live.
    pub fn free(mut self) {
        if let Some(m) = self.module.take() {
            // SAFETY: the caller guarantees the code is not running; no
            // pointer into it is used after this.
            unsafe { m.free_memory() };
        }
    }
}

/// Where compile time goes (`SPRY_JIT_TIMING`): accumulated over every
/// compilation of a backend.
#[derive(Default)]
pub struct CompileTimes {
    /// Building the Cranelift IR from Spry's IR (`lower`, SSA construction).
    pub lower: std::time::Duration,
    /// Cranelift's compilation (`define_function`).
    pub codegen: std::time::Duration,
    /// Linking and making the code executable (`finalize_definitions`).
    pub finalize: std::time::Duration,
    /// Spry IR instructions and blocks, Cranelift instructions, code bytes.
    pub ir_insts: usize,
    pub ir_blocks: usize,
    pub clif_insts: usize,
    pub code_bytes: usize,
    /// Cranelift's own pass timings.
    pub passes: Option<cranelift_codegen::timing::PassTimes>,
}

/// The native code generator (one per VM).
pub struct Backend {
    isa: OwnedTargetIsa,
    isa_quick: OwnedTargetIsa,
    /// Compile functions without loops or native calls of compiled code
    /// with `isa_quick` (no Cranelift optimisation passes): a fifth less
    /// compile time, and straight-line code of helper calls and guards
    /// gains nothing from them.
    pub quick_loopless: bool,
    /// Whether to keep the textual Cranelift IR of compiled functions.
    pub keep_clif: bool,
    /// Compile-time breakdown (kept only when `SPRY_JIT_TIMING` is set).
    pub times: Option<std::cell::RefCell<CompileTimes>>,
    /// Cranelift's per-compilation state, kept between compilations: its
    /// vectors (the function's data-flow graph, the register allocator's
    /// tables, the SSA builder's maps) keep their capacity (~4% fewer
    /// instructions for a small function's compilation).
    scratch: std::cell::RefCell<(Context, FunctionBuilderContext)>,
}

impl Backend {
    pub fn new() -> Result<Backend, String> {
        let mut flags = settings::builder();
        flags.set("opt_level", "speed").map_err(|e| e.to_string())?;
        flags.set("use_colocated_libcalls", "false").map_err(|e| e.to_string())?;
        flags.set("is_pic", "false").map_err(|e| e.to_string())?;
        // The IR is checked by `Function::verify`; Cranelift's own verifier
        // costs as much as a third of compile time.
        flags.set("enable_verifier", if cfg!(debug_assertions) { "true" } else { "false" }).map_err(|e| e.to_string())?;
        // Experiments: `SPRY_JIT_CLFLAGS=name=value,...` sets Cranelift flags.
        if let Ok(extra) = std::env::var("SPRY_JIT_CLFLAGS") {
            for kv in extra.split(',').filter(|s| !s.is_empty()) {
                let (k, v) = kv.split_once('=').ok_or_else(|| format!("bad SPRY_JIT_CLFLAGS entry {}", kv))?;
                flags.set(k, v).map_err(|e| e.to_string())?;
            }
        }
        let isa_builder = cranelift_native::builder().map_err(|e| e.to_string())?;
        let isa = isa_builder.finish(settings::Flags::new(flags.clone())).map_err(|e| e.to_string())?;
        // Without Cranelift's optimisations (egraph: GVN, LICM, alias
        // analysis), for regions without loops (`quick_loopless`).
        flags.set("opt_level", "none").map_err(|e| e.to_string())?;
        let isa_quick =
            cranelift_native::builder().map_err(|e| e.to_string())?.finish(settings::Flags::new(flags)).map_err(|e| e.to_string())?;
        let times = std::env::var_os("SPRY_JIT_TIMING").map(|_| std::cell::RefCell::new(CompileTimes::default()));
        let scratch = std::cell::RefCell::new((Context::new(), FunctionBuilderContext::new()));
        Ok(Backend { isa, isa_quick, quick_loopless: false, keep_clif: false, times, scratch })
    }

    fn signature(&self) -> Signature {
        let mut sig = Signature::new(self.isa.default_call_conv());
        sig.params.push(AbiParam::new(types::I64));
        sig.params.push(AbiParam::new(types::I64));
        sig.returns.push(AbiParam::new(types::I64));
        sig
    }

    /// Compiles `func` to native code.
    pub fn compile(&self, func: &Function) -> Result<Compiled, String> {
        func.verify()?;
        // `SPRY_JIT_DUMP=dir`: every region compiled is written to
        // `dir/NAME.N.ir` in the complete textual form (`text.rs`), to be
        // compiled again outside the VM (`benches/backend_compile.rs`).
        if let Some(dir) = std::env::var_os("SPRY_JIT_DUMP") {
            let dir = std::path::PathBuf::from(dir);
            let n = (0..).find(|n| !dir.join(format!("{}.{}.ir", func.name, n)).exists()).unwrap_or(0);
            std::fs::write(dir.join(format!("{}.{}.ir", func.name, n)), func.dump()).map_err(|e| format!("SPRY_JIT_DUMP: {}", e))?;
        }
        let t0 = std::time::Instant::now();
        // Not for code that calls compiled code natively (recursion, call
        // chains): fib is 5% slower without the optimisations.
        let quick =
            self.quick_loopless && !func.has_loop() && !func.blocks.iter().any(|b| b.insts.iter().any(|i| matches!(i.op, Op::CallInd)));
        let isa = if quick { &self.isa_quick } else { &self.isa };
        let builder = JITBuilder::with_isa(Arc::clone(isa) as OwnedTargetIsa, default_libcall_names());
        let mut module = JITModule::new(builder);
        let mut scratch = self.scratch.borrow_mut();
        let (ctx, fbc) = &mut *scratch;
        module.clear_context(ctx);
        ctx.func.signature = self.signature();
        let lowered = {
            let mut b = FunctionBuilder::new(&mut ctx.func, fbc);
            let r = lower(func, &mut b, isa.default_call_conv(), !quick);
            if r.is_ok() {
                b.seal_all_blocks();
                b.finalize(isa.frontend_config());
            }
            r
        };
        if let Err(e) = lowered {
            // An unfinished builder leaves its context non-empty.
            *fbc = FunctionBuilderContext::new();
            return Err(e);
        }
        let t1 = std::time::Instant::now();
        let clif_insts = if self.times.is_some() { ctx.func.dfg.num_insts() } else { 0 };
        let clif = if self.keep_clif { ctx.func.display().to_string() } else { String::new() };
        let id = module.declare_function(&func.name, Linkage::Export, &ctx.func.signature).map_err(|e| e.to_string())?;
        // `SPRY_JIT_DISASM=1`: Cranelift's disassembly after register
        // allocation, to stderr (what the allocator made of a loop).
        let disasm = std::env::var_os("SPRY_JIT_DISASM").is_some();
        ctx.set_disasm(disasm);
        module.define_function(id, ctx).map_err(|e| format!("{:?}", e))?;
        if disasm {
            if let Some(v) = ctx.compiled_code().and_then(|c| c.vcode.as_ref()) {
                eprintln!("=== machine code of {}\n{}", func.name, v);
            }
        }
        let t2 = std::time::Instant::now();
        let code_size = ctx.compiled_code().map(|c| c.code_buffer().len()).unwrap_or(0);
        module.clear_context(ctx);
        drop(scratch);
        module.finalize_definitions().map_err(|e| e.to_string())?;
        if let Some(t) = &self.times {
            let mut t = t.borrow_mut();
            if std::env::var_os("SPRY_JIT_TIMING").is_some_and(|v| v == "2") {
                eprintln!(
                    "compiled {}: lower {:?} cranelift {:?} ({} IR insts, {} code bytes)",
                    func.name,
                    t1 - t0,
                    t2 - t1,
                    func.blocks.iter().map(|b| b.insts.len()).sum::<usize>(),
                    code_size
                );
            }
            t.lower += t1 - t0;
            t.codegen += t2 - t1;
            t.finalize += t2.elapsed();
            t.ir_insts += func.blocks.iter().map(|b| b.insts.len()).sum::<usize>();
            t.ir_blocks += func.blocks.len();
            t.clif_insts += clif_insts;
            t.code_bytes += code_size;
            let p = cranelift_codegen::timing::take_current();
            match &mut t.passes {
                Some(acc) => acc.add(&p),
                None => t.passes = Some(p),
            }
        }
        let entry = module.get_finalized_function(id);
        Ok(Compiled { module: Some(module), entry, clif, code_size })
    }
}

fn cl_ty(t: Ty) -> ir::Type {
    match t {
        Ty::I64 => types::I64,
        Ty::F64 => types::F64,
    }
}

fn int_cc(c: Cmp) -> IntCC {
    match c {
        Cmp::Eq => IntCC::Equal,
        Cmp::Ne => IntCC::NotEqual,
        Cmp::Lt => IntCC::SignedLessThan,
        Cmp::Le => IntCC::SignedLessThanOrEqual,
        Cmp::Gt => IntCC::SignedGreaterThan,
        Cmp::Ge => IntCC::SignedGreaterThanOrEqual,
        Cmp::Ult => IntCC::UnsignedLessThan,
    }
}

fn float_cc(c: Cmp) -> FloatCC {
    match c {
        Cmp::Eq => FloatCC::Equal,
        Cmp::Ne => FloatCC::NotEqual,
        Cmp::Lt | Cmp::Ult => FloatCC::LessThan,
        Cmp::Le => FloatCC::LessThanOrEqual,
        Cmp::Gt => FloatCC::GreaterThan,
        Cmp::Ge => FloatCC::GreaterThanOrEqual,
    }
}

/// Emits `func` into the Cranelift function being built.
fn lower(func: &Function, b: &mut FunctionBuilder, call_conv: CallConv, pool: bool) -> Result<(), String> {
    let blocks: Vec<ir::Block> = func.blocks.iter().map(|_| b.create_block()).collect();
    let locals: Vec<cranelift_frontend::Variable> = func.locals.iter().map(|t| b.declare_var(cl_ty(*t))).collect();
    let order = func.reverse_postorder();
    let mut reachable = vec![false; func.blocks.len()];
    for &o in &order {
        reachable[o as usize] = true;
    }
    // The Cranelift value of each IR value (indexed by `Var`).
    let mut vals: Vec<Option<ir::Value>> = vec![None; func.types.len()];
    // Block parameters.
    for (i, blk) in func.blocks.iter().enumerate() {
        if !reachable[i] {
            continue;
        }
        if i == 0 {
            b.append_block_params_for_function_params(blocks[0]);
            let ps = b.block_params(blocks[0]).to_vec();
            for (p, v) in blk.params.iter().zip(ps) {
                vals[*p as usize] = Some(v);
            }
        } else {
            for p in &blk.params {
                let v = b.append_block_param(blocks[i], cl_ty(func.ty(*p)));
                vals[*p as usize] = Some(v);
            }
        }
        if blk.cold {
            b.set_cold_block(blocks[i]);
        }
    }
    // Comparison and overflow flags used only as branch conditions (and
    // `Select` conditions) stay Cranelift's `i8` flag: no `uextend` to the
    // IR's i64 for the guards that are most of a region's instructions
    // (a tenth of mandelbrot's Cranelift instructions were those).
    let mut wide = vec![false; func.types.len()];
    for blk in &func.blocks {
        for inst in &blk.insts {
            for (k, v) in inst.args.iter().enumerate() {
                if !(k == 0 && matches!(inst.op, Op::Select)) {
                    wide[*v as usize] = true;
                }
            }
        }
        match &blk.term {
            Terminator::Jump(_, args) => args.iter().for_each(|v| wide[*v as usize] = true),
            Terminator::Branch { then, els, .. } => then.1.iter().chain(&els.1).for_each(|v| wide[*v as usize] = true),
            Terminator::Return(v) => wide[*v as usize] = true,
            Terminator::None => {}
        }
    }
    let mut slots: HashMap<u32, ir::StackSlot> = HashMap::new();
    let mut sigs: HashMap<(usize, bool, bool), ir::SigRef> = HashMap::new();
    let flags = MemFlagsData::trusted();
    let plain = MemFlagsData::new();
    // Constants pooled: one Cranelift value per distinct constant, defined
    // at the top of the entry block (the egraph rematerialises constants
    // in each block that uses them). A variable that gets the same
    // constant on every path into a block then needs no block parameter
    // there (a `False` stored by a loop was one, kept in a stack slot), and
    // Cranelift builds fewer instructions: compile work -0.5% to -1%,
    // run instructions unchanged. Only with the optimiser: without its
    // rematerialisation every constant would live from the entry on.
    let mut iconsts: HashMap<i64, ir::Value> = HashMap::new();
    let mut fconsts: HashMap<u64, ir::Value> = HashMap::new();
    for &o in &order {
        let i = o as usize;
        let blk = &func.blocks[i];
        b.switch_to_block(blocks[i]);
        if i == 0 && pool {
            for &o in &order {
                for inst in &func.blocks[o as usize].insts {
                    match inst.op {
                        Op::IConst(c) => {
                            iconsts.entry(c).or_insert_with(|| b.ins().iconst(types::I64, c));
                        }
                        Op::FConst(c) => {
                            fconsts.entry(c.to_bits()).or_insert_with(|| b.ins().f64const(c));
                        }
                        _ => {}
                    }
                }
            }
        }
        for inst in &blk.insts {
            let a = |k: usize| -> Result<ir::Value, String> {
                vals[inst.args[k] as usize].ok_or_else(|| format!("v{} used before definition", inst.args[k]))
            };
            let results: SmallVec<[ir::Value; 2]> = match &inst.op {
                Op::IConst(c) => smallvec![match iconsts.get(c) {
                    Some(&v) => v,
                    None => b.ins().iconst(types::I64, *c),
                }],
                Op::FConst(c) => smallvec![match fconsts.get(&c.to_bits()) {
                    Some(&v) => v,
                    None => b.ins().f64const(*c),
                }],
                Op::Load { ty, off } => smallvec![b.ins().load(cl_ty(*ty), flags, a(0)?, *off)],
                Op::Load8 { off } => smallvec![b.ins().uload8(types::I64, flags, a(0)?, *off)],
                Op::GetVar(l) => smallvec![b.use_var(locals[*l as usize])],
                Op::SetVar(l) => {
                    b.def_var(locals[*l as usize], a(0)?);
                    smallvec![]
                }
                Op::Spill(l) => {
                    let v = b.use_var(locals[*l as usize]);
                    let ss = *slots
                        .entry(*l)
                        .or_insert_with(|| b.create_sized_stack_slot(StackSlotData::new(StackSlotKind::ExplicitSlot, 8, 3)));
                    b.ins().stack_store(types::I64, v, ss, 0);
                    smallvec![]
                }
                Op::Reload(l) => {
                    let ss = *slots
                        .entry(*l)
                        .or_insert_with(|| b.create_sized_stack_slot(StackSlotData::new(StackSlotKind::ExplicitSlot, 8, 3)));
                    let v = b.ins().stack_load(types::I64, cl_ty(func.locals[*l as usize]), ss, 0);
                    b.def_var(locals[*l as usize], v);
                    smallvec![]
                }
                Op::Store { off } => {
                    b.ins().store(flags, a(1)?, a(0)?, *off);
                    smallvec![]
                }
                Op::Store8 { off } => {
                    b.ins().istore8(flags, a(1)?, a(0)?, *off);
                    smallvec![]
                }
                Op::IAdd => smallvec![b.ins().iadd(a(0)?, a(1)?)],
                Op::ISub => smallvec![b.ins().isub(a(0)?, a(1)?)],
                Op::IMul => smallvec![b.ins().imul(a(0)?, a(1)?)],
                Op::IAnd => smallvec![b.ins().band(a(0)?, a(1)?)],
                Op::IOr => smallvec![b.ins().bor(a(0)?, a(1)?)],
                Op::IXor => smallvec![b.ins().bxor(a(0)?, a(1)?)],
                Op::IShl => smallvec![b.ins().ishl(a(0)?, a(1)?)],
                Op::ISar => smallvec![b.ins().sshr(a(0)?, a(1)?)],
                Op::INeg => smallvec![b.ins().ineg(a(0)?)],
                Op::SDiv => smallvec![b.ins().sdiv(a(0)?, a(1)?)],
                Op::SRem => smallvec![b.ins().srem(a(0)?, a(1)?)],
                Op::IAddOv | Op::ISubOv | Op::IMulOv => {
                    let (r, of) = match inst.op {
                        Op::IAddOv => b.ins().sadd_overflow(a(0)?, a(1)?),
                        Op::ISubOv => b.ins().ssub_overflow(a(0)?, a(1)?),
                        _ => b.ins().smul_overflow(a(0)?, a(1)?),
                    };
                    smallvec![r, if wide[inst.results[1] as usize] { b.ins().uextend(types::I64, of) } else { of }]
                }
                Op::ICmp(c) => {
                    let r = b.ins().icmp(int_cc(*c), a(0)?, a(1)?);
                    smallvec![if wide[inst.results[0] as usize] { b.ins().uextend(types::I64, r) } else { r }]
                }
                Op::FCmp(c) => {
                    let r = b.ins().fcmp(float_cc(*c), a(0)?, a(1)?);
                    smallvec![if wide[inst.results[0] as usize] { b.ins().uextend(types::I64, r) } else { r }]
                }
                Op::FAdd => smallvec![b.ins().fadd(a(0)?, a(1)?)],
                Op::FSub => smallvec![b.ins().fsub(a(0)?, a(1)?)],
                Op::FMul => smallvec![b.ins().fmul(a(0)?, a(1)?)],
                Op::FDiv => smallvec![b.ins().fdiv(a(0)?, a(1)?)],
                Op::FNeg => smallvec![b.ins().fneg(a(0)?)],
                Op::FSqrt => smallvec![b.ins().sqrt(a(0)?)],
                Op::FAbs => smallvec![b.ins().fabs(a(0)?)],
                Op::IToF => smallvec![b.ins().fcvt_from_sint(types::F64, a(0)?)],
                Op::FBits => smallvec![b.ins().bitcast(types::I64, plain, a(0)?)],
                Op::BitsF => smallvec![b.ins().bitcast(types::F64, plain, a(0)?)],
                Op::Select => {
                    let c = a(0)?;
                    let c = if b.func.dfg.value_type(c) == types::I8 { c } else { b.ins().icmp_imm_s(IntCC::NotEqual, c, 0) };
                    smallvec![b.ins().select(c, a(1)?, a(2)?)]
                }
                Op::CallInd => {
                    let n = inst.args.len() - 1;
                    let key = (n, true, false);
                    let sig = match sigs.get(&key) {
                        Some(s) => *s,
                        None => {
                            let mut sig = Signature::new(call_conv);
                            for _ in 0..n {
                                sig.params.push(AbiParam::new(types::I64));
                            }
                            sig.returns.push(AbiParam::new(types::I64));
                            let s = b.import_signature(sig);
                            sigs.insert(key, s);
                            s
                        }
                    };
                    let callee = a(0)?;
                    let args: Vec<ir::Value> = (1..inst.args.len()).map(a).collect::<Result<_, _>>()?;
                    let call = b.ins().call_indirect(sig, callee, &args);
                    SmallVec::from_slice(b.inst_results(call))
                }
                Op::StackPtr => smallvec![b.ins().get_stack_pointer(types::I64)],
                Op::Call { addr, ret, preserve, .. } => {
                    let key = (inst.args.len(), *ret, *preserve);
                    let sig = match sigs.get(&key) {
                        Some(s) => *s,
                        None => {
                            let mut sig = Signature::new(if *preserve { CallConv::PreserveAll } else { call_conv });
                            for _ in 0..inst.args.len() {
                                sig.params.push(AbiParam::new(types::I64));
                            }
                            if *ret {
                                sig.returns.push(AbiParam::new(types::I64));
                            }
                            let s = b.import_signature(sig);
                            sigs.insert(key, s);
                            s
                        }
                    };
                    let callee = b.ins().iconst(types::I64, *addr as i64);
                    let args: Vec<ir::Value> = (0..inst.args.len()).map(a).collect::<Result<_, _>>()?;
                    let call = b.ins().call_indirect(sig, callee, &args);
                    SmallVec::from_slice(b.inst_results(call))
                }
            };
            if results.len() != inst.results.len() {
                return Err(format!("{:?}: {} results, expected {}", inst.op, results.len(), inst.results.len()));
            }
            for (r, v) in inst.results.iter().zip(results) {
                vals[*r as usize] = Some(v);
            }
        }
        let args_of = |vs: &[u32], vals: &[Option<ir::Value>]| -> Result<Vec<BlockArg>, String> {
            vs.iter().map(|v| vals[*v as usize].map(BlockArg::Value).ok_or_else(|| format!("v{} used before definition", v))).collect()
        };
        match &blk.term {
            Terminator::Jump(t, args) => {
                let a = args_of(args, &vals)?;
                b.ins().jump(blocks[*t as usize], &a);
            }
            Terminator::Branch { cond, then, els } => {
                let c = vals[*cond as usize].ok_or("branch on undefined value")?;
                let ta = args_of(&then.1, &vals)?;
                let ea = args_of(&els.1, &vals)?;
                b.ins().brif(c, blocks[then.0 as usize], &ta, blocks[els.0 as usize], &ea);
            }
            Terminator::Return(v) => {
                let r = vals[*v as usize].ok_or("return of undefined value")?;
                b.ins().return_(&[r]);
            }
            Terminator::None => return Err(format!("block {} not terminated", i)),
        }
    }
    Ok(())
}

impl Backend {
    /// The compile-time breakdown, for `--jit-stats` with `SPRY_JIT_TIMING`.
    pub fn timing_report(&self) -> String {
        let Some(t) = &self.times else { return String::new() };
        let t = t.borrow();
        let ms = |d: std::time::Duration| d.as_secs_f64() * 1000.0;
        let mut out = format!(
            "  backend: lower {:.3} ms, cranelift {:.3} ms, finalize {:.3} ms; {} IR insts in {} blocks, {} clif insts, {} code bytes\n",
            ms(t.lower),
            ms(t.codegen),
            ms(t.finalize),
            t.ir_insts,
            t.ir_blocks,
            t.clif_insts,
            t.code_bytes
        );
        if let Some(p) = &t.passes {
            out.push_str(&p.to_string());
        }
        out
    }
}

/// CPU time of the calling thread (for `SPRY_JIT_TIMING`: wall-clock
/// compile times mean little on a loaded machine).
#[cfg(all(target_os = "linux", target_pointer_width = "64"))]
pub fn thread_cpu_time() -> std::time::Duration {
    #[repr(C)]
    struct Timespec {
        tv_sec: i64,
        tv_nsec: i64,
    }
    extern "C" {
        fn clock_gettime(clk: i32, ts: *mut Timespec) -> i32;
    }
    const CLOCK_THREAD_CPUTIME_ID: i32 = 3;
    let mut ts = Timespec { tv_sec: 0, tv_nsec: 0 };
    // SAFETY: `ts` is a valid, writable `struct timespec` (two 64-bit
    // fields on 64-bit Linux); clock_gettime only writes it.
    let r = unsafe { clock_gettime(CLOCK_THREAD_CPUTIME_ID, &mut ts) };
    if r != 0 {
        return std::time::Duration::ZERO;
    }
    std::time::Duration::new(ts.tv_sec as u64, ts.tv_nsec as u32)
}

#[cfg(not(all(target_os = "linux", target_pointer_width = "64")))]
pub fn thread_cpu_time() -> std::time::Duration {
    std::time::Duration::ZERO
}

/// The signature of a compiled function.
pub type EntryFn = unsafe extern "C" fn(base: *mut u8, ctx: *mut u8) -> u64;

/// Calls compiled code.
///
/// # Safety
/// `c` must be live, `base` and `ctx` must be what the code was compiled to
/// expect (the IR's loads, stores and helper calls must be valid for them).
pub unsafe fn call(c: &Compiled, base: *mut u8, ctx: *mut u8) -> u64 {
    let f: EntryFn = std::mem::transmute(c.entry);
    f(base, ctx)
}
