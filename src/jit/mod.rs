//! The VM side of the JIT: hot-loop detection, translation of a hot loop's
//! bytecode to the JIT IR (`translate`), compilation by the Cranelift
//! backend (crate `spry-jit`), entering compiled loops and leaving them
//! (side exits), statistics and logs.
//!
//! The contract between compiled code and the VM is described in
//! `docs/architecture.md` ("The JIT").

pub mod analysis;
pub mod helpers;
pub mod translate;

use std::cell::Cell;
use std::collections::{HashMap, HashSet};
use std::rc::Rc;
use std::time::{Duration, Instant};

use crate::bytecode::CodeObj;
use crate::objects::value::tag;
use crate::objects::{FunctionObj, PyRef, Value};
use crate::vm::{Frame, PyErr, Ret, Vm};
use helpers::JitCtx;

/// The optimisations `--jit-opt` can switch off, with what each does.
pub const OPTIMIZATIONS: &[(&str, &str)] = &[
    ("unbox", "keep ints, floats and bools in machine registers instead of the frame"),
    ("native", "compile arithmetic, comparisons and branches on numbers to machine instructions"),
    ("globals", "treat globals and module attributes as constants guarded by dict versions"),
    ("inline", "inline calls of small Python functions into the loop"),
    ("builtins", "compile calls of math.sqrt, abs, len, min, max, float, int, list natively; call methods of builtin types directly"),
    ("iter", "iterate over ranges, lists and tuples natively"),
    ("list", "index and store into lists natively; other subscripts through a helper before the generic path"),
    ("attrs", "read and write instance attributes through the inline caches without a generic call"),
    ("attrfacts", "check an instance attribute's position once and reuse it until the object or its dict may change"),
    (
        "hoist",
        "keep list facts and closure variables loaded from cells across a loop's iterations (established on entry, checked after the collector)",
    ),
    (
        "listfacts",
        "check a list's storage kind once and keep its length and item storage in machine registers until the list may change",
    ),
    ("shapes", "check an instance dict's key layout (shape) once per object instead of the key at each attribute's position"),
    (
        "gcleave",
        "at a back-edge of the region's own loops, a due collection leaves the compiled code (the interpreter collects and re-enters at the next back-edge) instead of running it and re-checking the loop's facts in compiled code",
    ),
    (
        "reexec",
        "a guard that follows an earlier guard with only pure instructions between (arithmetic, constants, reads) leaves like that one, resuming before them: one exit tail for a whole expression",
    ),
    (
        "preserve",
        "where a value replaced in an attribute, a list or a dict entry drops its last reference (rare), `release` is called through a trampoline that keeps every register: no spills around the call, nothing for the register allocator to save",
    ),
    (
        "kinds",
        "an attribute whose values in its dict shape have only ever been numbers of one type (tracked per shape and position) is read as that number without a type check, once the shape's kinds version is checked (once per stretch without helper calls)",
    ),
    (
        "unpackfor",
        "`for a, b in xs` over a list or tuple of tuples: the items unpacked from the element in place, without storing the tuple in its (dead) register",
    ),
    ("speculate", "specialise on the result types the interpreter observed (guarded)"),
    (
        "strfmt",
        "f-string fields without conversion (exact str, int, float with a simple spec) and f-string assembly and `str % plain operands` run through direct helpers instead of the interpreter's code; no result-type bet on method calls seen returning only None",
    ),
    (
        "nativecall",
        "compile hot functions that make positional calls whole however small; a call from compiled code of a function with compiled code enters it directly (a real frame, no interpreter dispatch)",
    ),
    (
        "vmentry",
        "the type checks on entering a loop's compiled code (register tags, the identity of constants it assumes) are made by the VM before the call instead of compiled into the code: less code to compile",
    ),
    (
        "entries",
        "a region can also be entered at the headers of its inner loops: an inner loop that gets hot in the interpreter enters the compiled nest there",
    ),
    (
        "callerfirst",
        "a function that gets hot while its caller runs a loop that is nearly hot (or waits to be recompiled) and could inline it is not compiled on its own the first time: the caller's loop compiles first, the call inlined",
    ),
    (
        "nest",
        "an inner loop that gets hot inside an outer loop is left to the outer loop's next back-edge, which compiles the whole nest (one compilation instead of two); not an inner loop whose iterations each run a loop of a callee left to it (callerfirst)",
    ),
    ("recursion", "inline two levels of a compiled function's calls of itself into its body (three for a small one without selfcall)"),
    (
        "selfcall",
        "a compiled function's calls of itself from its own frame push the frame record and call the compiled code inline, without a helper",
    ),
    (
        "directcall",
        "positional calls of other functions whose whole body is compiled (known or found at run time) push the frame record and call the callee's compiled code inline, without a helper",
    ),
    (
        "polymethod",
        "method loads on instances check the receiver's class against a table of the classes met (filled at run time) instead of calling the lookup helper",
    ),
    (
        "polyexit",
        "a polymorphic method load and call whose site met only the classes its cache names leave compiled code for another receiver or method instead of taking a generic path: the facts known before the call hold after it",
    ),
    (
        "setterinit",
        "`C(args)` whose `__init__` only stores its parameters as attributes: one helper creates the instance with its dict filled",
    ),
    (
        "smallbudget",
        "small operator methods (`__add__` of a vector class) and small leaf functions called from the region's own code have an inlining budget of their own, so they are still inlined in a region whose calls used up the inlining budget",
    ),
    (
        "polyattr",
        "attribute accesses on instances of several classes of a hierarchy check the cached dict position natively (classes without descriptors or hooks)",
    ),
    (
        "samecode",
        "a call of a callee unknown at compile time whose site only ever called functions of one code object (closures of one factory) is inlined, guarded on the code and globals, with the cells read from the callee",
    ),
    (
        "virtargs",
        "inline calls that bind `*args`/`**kwargs`, keyword-only defaults and `f(*args, **kwargs)` forwarding statically: the tuple and dict stay virtual (their items in the caller's registers) unless something else uses them or an exit needs them",
    ),
    (
        "viter",
        "`for x in seq` over a list or tuple made in the region: the iterator is not built (its position in an IR local, the iterator's register holding the list) unless an exit or another instruction needs it",
    ),
    (
        "catch",
        "an exception raised in the region's own frame whose handler lies in the region is caught there: a helper does the interpreter's unwinding step and the compiled handler runs, instead of leaving compiled code",
    ),
    (
        "catchinlined",
        "with `catch`: also an exception raised in an inlined frame that no inlined frame handles, caught by the region's own frame (the inlined frames' traceback entries added and their windows cleared by a helper)",
    ),
    (
        "entryprofile",
        "the argument types of a function's last entries before it is compiled whole are recorded: an argument seen with several types is not specialised at the first compilation",
    ),
    (
        "fnfirst",
        "a loop that gets hot in a function called often (few iterations per call) is left to the function's whole-body compilation, which is near",
    ),
    (
        "retfacts",
        "facts about objects (shapes, attribute addresses, lists, globals) survive an inlined call's return: a call whose clearing of the callee's registers made a finalizer or a collection due leaves compiled code after it instead of running them inline",
    ),
    (
        "background",
        "(off by default) the backend (Cranelift) compiles on a second thread while the interpreter goes on running the region, and the code is installed when ready: the program does not wait for the compiler, but interprets meanwhile",
    ),
    (
        "quickloopless",
        "regions without loops that make no native calls (leaf functions) are compiled without Cranelift's optimisation passes: a fifth less compile time for them, no slower (their code is helper calls and guards)",
    ),
    (
        "lazyinst",
        "a call or attribute result the profile saw only as instances is not guarded where it is produced: the uses that need an instance check it (a result that is sometimes None needs no recompilation)",
    ),
    (
        "split",
        "save unboxed floats to stack slots around helper calls and read them back after, so that inner loops keep them in registers",
    ),
    (
        "virtinst",
        "an instance of a class whose `__init__` only stores numbers in its attributes is not built while it is only read, has its methods called (inlined) and is copied: its attributes stay in machine registers; anything else (and an exit) builds it",
    ),
    (
        "borrow",
        "a register that holds a counted copy of an object another register keeps (a copied variable, a method's `self`, an operator's operands, and the inlined callee's parameters they become) drops it with a plain decrement when it is cleared or overwritten: no check for the last reference, no helper call, no safe point",
    ),
];

/// Which optimisations are on.
#[derive(Clone, Debug)]
pub struct JitOpts {
    pub on: HashSet<&'static str>,
    /// `nativecall` is on (read on every call from compiled code).
    pub native_calls: bool,
}

/// Optimisations that are off unless asked for (`--jit-opt=+background`):
/// measured no faster (see "Compiling on a second thread" in
/// docs/architecture.md).
const OFF_BY_DEFAULT: &[&str] = &["background"];

impl Default for JitOpts {
    fn default() -> Self {
        JitOpts { on: OPTIMIZATIONS.iter().map(|(n, _)| *n).filter(|n| !OFF_BY_DEFAULT.contains(n)).collect(), native_calls: true }
    }
}

impl JitOpts {
    #[inline]
    pub fn has(&self, name: &str) -> bool {
        self.on.contains(name)
    }

    /// Parses `--jit-opt`: `none`, `all`, or a comma-separated list of
    /// names, each optionally prefixed by `-` (off) or `+` (on).
    pub fn parse(spec: &str) -> Result<JitOpts, String> {
        let mut o = JitOpts::default();
        for part in spec.split(',').map(str::trim).filter(|p| !p.is_empty()) {
            match part {
                "none" => o.on.clear(),
                "all" => o = JitOpts::default(),
                _ => {
                    let (on, name) = match part.strip_prefix('-') {
                        Some(n) => (false, n),
                        None => (true, part.strip_prefix('+').unwrap_or(part)),
                    };
                    let Some((n, _)) = OPTIMIZATIONS.iter().find(|(n, _)| *n == name) else {
                        return Err(format!("unknown JIT optimisation '{}' (see --jit-opt=list)", name));
                    };
                    if on {
                        o.on.insert(n);
                    } else {
                        o.on.remove(n);
                    }
                }
            }
        }
        o.native_calls = o.on.contains("nativecall");
        Ok(o)
    }
}

/// The profile bit of a value's kind (recorded by the interpreter in
/// `Cache::profile` at instructions whose result type the translator
/// cannot infer).
#[inline(always)]
pub fn profile_bit(v: &Value) -> u8 {
    match v {
        Value::Int(_) => 1,
        Value::Float(_) => 2,
        Value::Bool(_) => 4,
        Value::None => 8,
        Value::List(_) => 16,
        Value::Tuple(_) => 32,
        Value::Instance(_) => 64,
        _ => 128,
    }
}

/// Whether a function's code refers to its own name as a global, a method
/// or a free variable: a (directly) recursive function, compiled whole when
/// hot however small (`nativecall`): its calls of itself then run natively
/// (and partly inlined). Other small functions are only inlined: compiling
/// every small hot function costs compile time (and, as the time it takes
/// falls anywhere in a run, shifts timings) for calls that are mostly
/// inlined anyway.
/// Whether the code makes positional calls: a hot small function that
/// does is compiled whole, so that its calls of compiled functions are
/// native (a body of pure arithmetic gains nothing over being inlined or
/// interpreted, and one whose calls take keywords or `*args` — which
/// compiled code makes through the generic helper — loses: a forwarding
/// `wrapper(*args, **kwargs)` runs ~20% slower compiled).
fn makes_calls(code: &CodeObj) -> bool {
    use crate::bytecode::Instr;
    calls_itself(code) || code.instrs.iter().any(|i| matches!(i, Instr::Call { .. } | Instr::CallMethod { .. }))
}

pub(crate) fn calls_itself(code: &CodeObj) -> bool {
    use crate::bytecode::Instr;
    let own = |name: u32| code.names.get(name as usize).is_some_and(|n| n.as_str() == code.name);
    code.instrs.iter().enumerate().any(|(pc, i)| match *i {
        Instr::LoadGlobal { name, .. } | Instr::LoadDeref { name, .. } => own(name),
        // `self.left.size()` in `size`; not `super().__init__()` in
        // `__init__` (a method of the same name of another class: the
        // receiver was just computed by a call).
        Instr::LoadMethod { name, .. } => {
            own(name) && !code.name.starts_with("__") && !matches!(pc.checked_sub(1).map(|p| code.instrs[p]), Some(Instr::Call { .. }))
        }
        _ => false,
    })
}

/// An inlined Python frame of a compiled loop.
pub struct FrameDesc {
    /// The function (a `Value::Function`).
    pub func: Value,
    /// Its register window: `base + offset` of the loop's frame.
    pub offset: u32,
    pub nregs: u32,
    /// The call instruction in the parent frame, and the register that
    /// receives the result there.
    pub call_pc: u32,
    pub ret_reg: u16,
    /// An inlined `__init__`: the caller's register keeps the new instance
    /// and the call must return None (`Ret::Init`).
    pub init: bool,
    /// Levels of the recursion count this call and the inlined calls
    /// around it take (one per frame, two per `__init__`, as in the
    /// interpreter).
    pub levels: u32,
    /// The inlined frame this call is made from (None: the loop's own).
    pub parent: Option<u32>,
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum ExitKind {
    /// Control leaves the loop (or reaches something only the interpreter
    /// does): resume at `pc`.
    Leave,
    /// A guard failed before the instruction at `pc` ran: resume there.
    Guard,
    /// A guard on the result of the instruction before `pc` failed.
    GuardAfter,
    /// A helper raised: the exception is in `JitCtx::err`; the frame's pc
    /// is `pc` (one past the failing instruction, as the interpreter keeps it).
    Error,
}

/// A check the VM makes on a frame before it enters a loop's compiled
/// code (`vmentry`; `Translation::entry_checks`): what the code assumes
/// about the registers at the header, tested once per entry in Rust
/// instead of by a guard and a block per register in the code. A failed
/// check is a failed entry (`ENTRY_FAIL`), as a failed guard was.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum EntryCheck {
    /// The 64-bit word at this byte offset from the frame's base equals
    /// the value: a register's tag (its first word), or the payload of a
    /// constant the code assumes (a function, a class).
    Word(u32, u64),
    /// The register whose tag word is at this offset holds no heap object
    /// (the code believes the slot holds no reference to release).
    NoObject(u32),
    /// The register whose payload word is at `off` holds a bound method
    /// (its tag was checked by the `Word` check before this one) of the
    /// function at address `func`, bound to a `self` with tag `this`
    /// (`T::Bound`).
    Method { off: u32, func: u64, this: u8 },
}

impl EntryCheck {
    /// Whether the frame whose register window starts at `base` passes.
    ///
    /// # Safety
    /// The offset must lie inside the frame's register window.
    unsafe fn holds(&self, base: *const u8) -> bool {
        let word = |off: u32| {
            // SAFETY: the caller's contract; registers are 8-aligned.
            unsafe { *(base.add(off as usize) as *const u64) }
        };
        match *self {
            EntryCheck::Word(off, v) => word(off) == v,
            // The compiled test's arithmetic (`Tr::entry_code`).
            EntryCheck::NoObject(off) => word(off).wrapping_sub(tag::FIRST_HEAP as u64) >= (tag::NOT_IMPLEMENTED - tag::FIRST_HEAP) as u64,
            EntryCheck::Method { off, func, this } => {
                let m = word(off) as *const crate::objects::rc::ObjBox<crate::objects::MethodObj>;
                // SAFETY: the tag check before this one (checks are made
                // in order) found a bound method in the register, which
                // holds a counted reference to it.
                let mo = unsafe { &(*m).data };
                let [_, f] = mo.func.words();
                f == func && mo.this.tag() == this
            }
        }
    }
}

/// One way out of a compiled loop.
pub struct ExitInfo {
    pub kind: ExitKind,
    /// Where the innermost frame resumes.
    pub pc: u32,
    /// The instruction whose speculation failed (a guard's own
    /// instruction; the one before `pc` for `GuardAfter`): an earlier one
    /// than `pc` says when the exit resumes before the pure instructions
    /// that led to it (`Tr::exit`), to run them again.
    pub site: u32,
    /// Inlined frames to materialise, outermost first (indices into
    /// `CompiledLoop::frames`).
    pub inline: Vec<u32>,
    /// Source line and a short reason, for `--jit-stats`.
    pub line: u32,
    pub reason: &'static str,
    pub count: Cell<u64>,
    /// A `return` of a whole-function region (no inlined frames): the
    /// caller takes the value from the frame (`Vm::run_callee`) or the
    /// interpreter runs the instruction.
    pub returns: bool,
}

/// The native code of one hot loop and what the VM needs to run it.
pub struct CompiledLoop {
    pub code: Option<spry_jit::Compiled>,
    pub entry: spry_jit::lower::EntryFn,
    pub exits: Vec<ExitInfo>,
    pub frames: Vec<FrameDesc>,
    /// Values the code refers to by address (kept alive here).
    pub consts: Vec<Value>,
    /// Registers used above the loop frame's base (inlined windows).
    pub extent: usize,
    /// Deepest inlining.
    pub depth: usize,
    /// Receiver-class tables of its method loads (read and written by the
    /// code through their addresses).
    pub tables: Vec<translate::MethodTable>,
    pub runs: Cell<u64>,
    /// Runs entered by a native call from compiled code (`nativecall`).
    pub native_runs: Cell<u64>,
    pub entry_fails: Cell<u64>,
    /// Inner loop headers the code can be entered at (`JitCtx::entry`).
    pub entries: Vec<u32>,
    /// The checks before entering at each entry (0: the header; `k + 1`:
    /// `entries[k]`), made by `Vm::jit_run_at` (`vmentry`).
    pub entry_checks: Vec<Box<[EntryCheck]>>,
    /// Failed entries at inner headers (the types there differ).
    pub inner_entry_fails: Cell<u64>,
    /// Runs that ended at a `yield` (a loop that yields every iteration
    /// gains nothing from compiled code).
    pub yield_exits: Cell<u64>,
    /// Per exit: the register a compiled `return` leaves its value in
    /// (`ExitInfo::returns` exits of `Return` instructions, and of
    /// `ReturnNone` in a region that clears its window: register 0, where
    /// the translation put the None), `u64::MAX` for any other exit. Read by compiled self-calls (`selfcall`)
    /// through `ret_tab`/`ret_n` (its address and length).
    pub ret_src: Box<[u64]>,
    pub ret_tab: *const u64,
    pub ret_n: u64,
    /// For compiled direct calls (`directcall`, `Tr::self_call`): the
    /// number of positional arguments a call must pass to enter this
    /// code natively (`u64::MAX` when it cannot be: not a whole
    /// function, a signature other than positional parameters, a
    /// closure, or `return`s that do not clear the frame); the recursion
    /// levels a run needs (`2 * depth + 2`); 16 times the registers a
    /// run needs above its frame's base (`max(extent, nregs)`).
    pub dc_argc: u64,
    pub dc_levels: u64,
    pub dc_room16: u64,
}

/// Byte offsets and addresses compiled self-calls (`selfcall`,
/// `Tr::self_call`) use to push and pop a VM frame record inline.
#[derive(Clone, Copy, Debug)]
pub struct NativeLayout {
    /// In `Vm`: the frame vector's buffer, length and capacity; the
    /// exception stack's length; `frame_limit`, `stack_end`, `native_floor`.
    pub frames_ptr: i32,
    pub frames_len: i32,
    pub frames_cap: i32,
    pub exc_len: i32,
    pub frame_limit: i32,
    pub stack_end: i32,
    pub native_floor: i32,
    /// `Frame`: size and fields.
    pub frame_size: usize,
    pub f_base: usize,
    pub f_top: usize,
    pub f_pc: usize,
    pub f_exc_depth: usize,
    /// `JitCtx`.
    pub ctx_vm: i32,
    pub ctx_fi: i32,
    pub ctx_lp: i32,
    /// `CompiledLoop`.
    pub lp_entry: i32,
    pub lp_ret_tab: i32,
    pub lp_ret_n: i32,
    pub lp_runs: i32,
    pub lp_native_runs: i32,
    pub lp_dc_argc: i32,
    pub lp_dc_levels: i32,
    pub lp_dc_room16: i32,
    /// `Frame`'s code, globals and function words (direct calls of a
    /// function known only at run time fill them in).
    pub f_code: usize,
    pub f_globals: usize,
    pub f_func: usize,
    /// From a function's address (its `ObjBox`): the words holding the
    /// addresses of its code's and globals' `ObjBox`es.
    pub fn_code: i32,
    pub fn_globals: i32,
    /// From a code object's `ObjBox`: `CodeObj::jit_entry`.
    pub code_jit_entry: i32,
    /// From the address `Rc::as_ptr` gives for a `CompiledLoop`: its
    /// strong count (probed).
    pub rc_strong: i32,
}

/// Offset of an `Rc`'s strong count from the address `Rc::as_ptr` gives
/// (probed: the standard library does not document its layout), for a
/// value of alignment 8.
fn rc_strong_offset() -> i32 {
    let a = Rc::new(0u64);
    let p = Rc::as_ptr(&a) as *const usize;
    let b = a.clone();
    // SAFETY: the words just below the value are the counts of its
    // allocation (an `Rc` allocation is the counts then the value).
    let off = [-2isize, -1].into_iter().find(|&o| unsafe { *p.offset(o) } == 2).expect("Rc layout");
    drop(b);
    // SAFETY: as above.
    assert_eq!(unsafe { *p.offset(off) }, 1, "Rc layout");
    off as i32 * 8
}

/// Offsets of a `Vec<T>`'s buffer pointer, length and capacity (probed:
/// the standard library does not document its layout).
fn vec_layout<T>() -> (i32, i32, i32) {
    assert_eq!(std::mem::size_of::<Vec<T>>(), 24);
    let v: Vec<T> = Vec::with_capacity(3);
    // SAFETY: a Vec is three initialised words.
    let words: [usize; 3] = unsafe { std::mem::transmute_copy(&v) };
    let find = |x: usize| words.iter().position(|&w| w == x).expect("Vec layout") as i32 * 8;
    let (p, l, c) = (find(v.as_ptr() as usize), find(0), find(v.capacity()));
    assert!(v.capacity() != 0 && p != l && l != c && p != c);
    (p, l, c)
}

/// See `NativeLayout`.
pub fn native_layout() -> &'static NativeLayout {
    static L: std::sync::OnceLock<NativeLayout> = std::sync::OnceLock::new();
    L.get_or_init(|| {
        use std::mem::offset_of;
        let (fp, fl, fc) = vec_layout::<crate::vm::Frame>();
        let (_, el, _) = vec_layout::<Value>();
        let o = |x: usize| x as i32;
        NativeLayout {
            frames_ptr: o(offset_of!(Vm, frames)) + fp,
            frames_len: o(offset_of!(Vm, frames)) + fl,
            frames_cap: o(offset_of!(Vm, frames)) + fc,
            exc_len: o(offset_of!(Vm, exc_stack)) + el,
            frame_limit: o(offset_of!(Vm, frame_limit)),
            stack_end: o(offset_of!(Vm, stack_end)),
            native_floor: o(offset_of!(Vm, native_floor)),
            frame_size: std::mem::size_of::<crate::vm::Frame>(),
            f_base: offset_of!(crate::vm::Frame, base),
            f_top: offset_of!(crate::vm::Frame, top),
            f_pc: offset_of!(crate::vm::Frame, pc),
            f_exc_depth: offset_of!(crate::vm::Frame, exc_depth),
            ctx_vm: o(offset_of!(JitCtx, vm)),
            ctx_fi: o(offset_of!(JitCtx, fi)),
            ctx_lp: o(offset_of!(JitCtx, lp)),
            lp_entry: o(offset_of!(CompiledLoop, entry)),
            lp_ret_tab: o(offset_of!(CompiledLoop, ret_tab)),
            lp_ret_n: o(offset_of!(CompiledLoop, ret_n)),
            lp_runs: o(offset_of!(CompiledLoop, runs)),
            lp_native_runs: o(offset_of!(CompiledLoop, native_runs)),
            lp_dc_argc: o(offset_of!(CompiledLoop, dc_argc)),
            lp_dc_levels: o(offset_of!(CompiledLoop, dc_levels)),
            lp_dc_room16: o(offset_of!(CompiledLoop, dc_room16)),
            f_code: offset_of!(crate::vm::Frame, code),
            f_globals: offset_of!(crate::vm::Frame, globals),
            f_func: offset_of!(crate::vm::Frame, func),
            fn_code: o(crate::objects::rc::DATA_OFFSET + offset_of!(FunctionObj, code)),
            fn_globals: o(crate::objects::rc::DATA_OFFSET + offset_of!(FunctionObj, globals)),
            code_jit_entry: o(crate::objects::rc::DATA_OFFSET + offset_of!(CodeObj, jit_entry)),
            rc_strong: {
                assert!(std::mem::align_of::<CodeObj>() <= 8 && std::mem::align_of::<FunctionObj>() <= 8);
                assert_eq!(std::mem::align_of::<CompiledLoop>(), std::mem::align_of::<u64>());
                rc_strong_offset()
            },
        }
    })
}

/// The words of a frame record for a call of `func` (as
/// `Vm::push_call_frame` writes it, returning to Rust), with a borrowed
/// reference to the function, null `base` and `top`, pc and
/// `exc_depth` 0, pc `pc`: compiled self-calls store it and fill those in.
pub fn frame_template(func: &PyRef<FunctionObj>, pc: u32) -> Vec<u64> {
    let size = std::mem::size_of::<Frame>();
    assert!(size.is_multiple_of(8) && std::mem::align_of::<Frame>() == 8);
    let mut m = std::mem::MaybeUninit::<Frame>::zeroed();
    let p = m.as_mut_ptr();
    // SAFETY: every field is written in place; padding stays zero; the
    // record is never dropped (its function reference is borrowed: the
    // compiled code that stores the template holds the function).
    unsafe {
        std::ptr::addr_of_mut!((*p).code).write(&*func.code as *const CodeObj);
        std::ptr::addr_of_mut!((*p).globals).write(&*func.globals as *const crate::objects::DictObj);
        std::ptr::addr_of_mut!((*p).base).write(std::ptr::null_mut());
        std::ptr::addr_of_mut!((*p).top).write(std::ptr::null_mut());
        std::ptr::addr_of_mut!((*p).pc).write(pc);
        std::ptr::addr_of_mut!((*p).exc_depth).write(0);
        std::ptr::addr_of_mut!((*p).ret).write(Ret::ToRust);
        std::ptr::addr_of_mut!((*p).func).write(Some(std::ptr::read(func)));
        std::ptr::addr_of_mut!((*p).locals).write(None);
        std::ptr::addr_of_mut!((*p).generator).write(None);
        std::ptr::addr_of_mut!((*p).extra).write(None);
        (0..size / 8).map(|i| *(p as *const u64).add(i)).collect()
    }
}

/// `frame_template` for a function known only at run time: the code,
/// globals and function words (`NativeLayout::f_code`, `f_globals`,
/// `f_func`) are 0, for the compiled code to fill in.
pub fn frame_template_any(pc: u32) -> Vec<u64> {
    let size = std::mem::size_of::<Frame>();
    assert!(size.is_multiple_of(8) && std::mem::align_of::<Frame>() == 8);
    // The function word is the function's address (`None` is 0).
    assert_eq!(std::mem::size_of::<Option<PyRef<FunctionObj>>>(), 8);
    let mut m = std::mem::MaybeUninit::<Frame>::zeroed();
    let p = m.as_mut_ptr();
    // SAFETY: every field is written in place; padding stays zero; the
    // record is never dropped (it holds no reference).
    unsafe {
        std::ptr::addr_of_mut!((*p).code).write(std::ptr::null());
        std::ptr::addr_of_mut!((*p).globals).write(std::ptr::null());
        std::ptr::addr_of_mut!((*p).base).write(std::ptr::null_mut());
        std::ptr::addr_of_mut!((*p).top).write(std::ptr::null_mut());
        std::ptr::addr_of_mut!((*p).pc).write(pc);
        std::ptr::addr_of_mut!((*p).exc_depth).write(0);
        std::ptr::addr_of_mut!((*p).ret).write(Ret::ToRust);
        std::ptr::addr_of_mut!((*p).func).write(None);
        std::ptr::addr_of_mut!((*p).locals).write(None);
        std::ptr::addr_of_mut!((*p).generator).write(None);
        std::ptr::addr_of_mut!((*p).extra).write(None);
        let w: Vec<u64> = (0..size / 8).map(|i| *(p as *const u64).add(i)).collect();
        let l = native_layout();
        debug_assert!(w[l.f_code / 8] == 0 && w[l.f_globals / 8] == 0 && w[l.f_func / 8] == 0);
        w
    }
}

/// `profile_bit` by tag (for compiled code).
pub static PROFILE_BITS: [u8; 256] = {
    let mut t = [128u8; 256];
    t[tag::INT as usize] = 1;
    t[tag::FLOAT as usize] = 2;
    t[tag::BOOL as usize] = 4;
    t[tag::NONE as usize] = 8;
    t[tag::LIST as usize] = 16;
    t[tag::TUPLE as usize] = 32;
    t[tag::INSTANCE as usize] = 64;
    t
};

impl Drop for CompiledLoop {
    fn drop(&mut self) {
        if let Some(c) = self.code.take() {
            c.free();
        }
    }
}

/// The key (with the code object's address) of a whole-function region.
pub const FUNCTION_KEY: u32 = u32::MAX;

/// Compiled code returns this when the entry guards fail.
pub const ENTRY_FAIL: u64 = u64::MAX;

/// A guard failing this often makes the loop recompile.
const RECOMPILE_AFTER: u64 = 64;
/// Entries of a function before it is hot whose argument types are
/// recorded (`entryprofile`).
pub const ENTRY_WATCH: u32 = 64;
/// Recompilations before a loop is left to the interpreter for good.
const MAX_COMPILES: u32 = 8;

/// Recompilations of a region at the first failure of a global's guard
/// (after these, the usual `RECOMPILE_AFTER` failures make the load generic).
const GLOBAL_RETRIES: u32 = 2;

/// `fnfirst`: loops of functions entered at least `threshold /
/// FN_FIRST_RATIO` times are left to the function's compilation.
const FN_FIRST_RATIO: u32 = 8;

/// A region translated and handed to the compiler thread: what installing
/// its code needs (the translation keeps the constants the code refers to
/// alive meanwhile).
struct PendingCompile {
    key: (usize, u32),
    header: usize,
    loop_pc: usize,
    /// The translation, its IR moved to the compiler thread.
    t: translate::Translation,
    /// The IR as text, for `--jit-log`.
    ir_text: Option<String>,
}

/// What `Vm::jit_compile_region` made.
enum Compile {
    Ready(Rc<CompiledLoop>),
    /// Compiling on the compiler thread: the interpreter goes on.
    Pending,
    Failed,
}

/// With `background`: back-edges of a loop whose code is being compiled
/// between two looks for it (`Vm::jit_poll`).
const POLL_EVERY: u32 = 64;

/// What the VM knows about one loop (keyed by code object and the pc of
/// its `Loop` instruction).
pub struct LoopRecord {
    pub code: PyRef<CodeObj>,
    pub header: u32,
    pub compiled: Option<Rc<CompiledLoop>>,
    pub compiles: u32,
    pub blacklisted: bool,
    /// Translated and being compiled on the compiler thread
    /// (`background`): installed by `Vm::jit_poll`.
    pub pending: bool,
    /// Header states widened by earlier compilations, and the constants
    /// they refer to.
    pub headers: HashMap<translate::HeaderKey, translate::State>,
    pub consts: Vec<Value>,
    /// Instructions whose speculation failed too often: compiled
    /// generically from now on.
    pub generic: HashSet<(usize, u32)>,
    /// Recompilations made at once on a global's guard failing
    /// (`translate::GLOBAL_GUARD`), at most `GLOBAL_RETRIES`.
    pub global_retries: u32,
    /// Per register of the region's frame, the tags (a bit each) its
    /// value had at entries whose guards failed: the next compilation
    /// widens the registers that had other types than now.
    pub failed_entry_tags: Vec<u32>,
    pub first_line: u32,
    pub last_line: u32,
    /// A whole function body (compiled on entry), not a loop.
    pub compiled_whole: bool,
    /// Totals over every compilation of the loop, for `--jit-stats`.
    pub total_runs: u64,
    pub total_native_runs: u64,
    pub guard_failures: HashMap<(u32, &'static str), u64>,
    /// Time spent compiling this region, over all its compilations.
    pub compile_time: Duration,
    /// Machine code size of the last compilation.
    pub code_size: usize,
}

/// JIT options, compiled loops and statistics.
pub struct JitState {
    pub enabled: bool,
    pub threshold: u32,
    pub opts: JitOpts,
    pub stats: bool,
    pub log: bool,
    backend: Option<spry_jit::Backend>,
    /// The compiler thread (`background`), in place of `backend`.
    worker: Option<spry_jit::worker::Worker>,
    /// Translations whose code the compiler thread is making, by job.
    pending: HashMap<u64, PendingCompile>,
    /// Of `compile_time`: the compiler thread's part (wall clock), which
    /// the program did not wait for.
    pub background_time: Duration,
    pub loops: HashMap<(usize, u32), LoopRecord, BuildKeyHasher>,
    pub compile_time: Duration,
    /// Of which translating to the IR (`SPRY_JIT_TIMING`).
    translate_time: Duration,
    /// Thread CPU time of all compilations (`SPRY_JIT_TIMING`).
    compile_cpu: Duration,
    /// Translation restarts of compiled regions, by reason
    /// (`Translation::restarts`; `SPRY_JIT_TIMING`).
    restarts: [u32; 4],
    pub compiled: usize,
    pub failed: usize,
    /// Compile failures (reason), for `--jit-stats`.
    pub failures: Vec<String>,
    /// Loops (code address, back-edge pc) already passed to an enclosing
    /// loop once (`nest`), or chosen to compile a nest: compiled as soon
    /// as they are hot again.
    deferred: HashSet<(usize, u32), BuildKeyHasher>,
    /// Loops (code address, back-edge pc) left to their function's
    /// whole-body compilation (`fnfirst`), with the function's entry count
    /// then.
    fn_deferred: HashMap<(usize, u32), u32, BuildKeyHasher>,
    /// Functions (code address) left to their caller's region
    /// (`callerfirst`), with that region's key and compilation count then:
    /// compiled when hot again while the region is in the same state.
    caller_deferred: HashMap<usize, ((usize, u32), u32), BuildKeyHasher>,
    /// Loop regions (code address, back-edge pc) that a function with a
    /// loop of its own was left to (`callerfirst`): each of their
    /// iterations runs a loop, so `nest` compiles them alone.
    loop_callees: HashSet<(usize, u32), BuildKeyHasher>,
    /// Regions (by key) that can be entered at an inner loop's header
    /// (code address, header pc): see `Tr::inner_entries`.
    inner_entries: HashMap<(usize, u32), (usize, u32), BuildKeyHasher>,
    /// Per code object (its address): the tags its named registers had
    /// at the last `ENTRY_WATCH` entries of the function before it got
    /// hot (`entryprofile`, `Vm::jit_note_entry`), one bit per tag.
    entry_tags: HashMap<usize, Vec<u32>, BuildKeyHasher>,
}

impl Default for JitState {
    fn default() -> Self {
        JitState {
            enabled: false,
            threshold: 1000,
            opts: JitOpts::default(),
            stats: false,
            log: false,
            backend: None,
            worker: None,
            pending: HashMap::new(),
            background_time: Duration::ZERO,
            loops: HashMap::default(),
            compile_time: Duration::ZERO,
            translate_time: Duration::ZERO,
            fn_deferred: HashMap::default(),
            caller_deferred: HashMap::default(),
            loop_callees: HashSet::default(),
            compile_cpu: Duration::ZERO,
            restarts: [0; 4],
            compiled: 0,
            failed: 0,
            failures: Vec::new(),
            deferred: HashSet::default(),
            inner_entries: HashMap::default(),
            entry_tags: HashMap::default(),
        }
    }
}

pub use crate::objects::keyhash::{BuildKeyHasher, KeyHasher};

/// What the interpreter does after the back-edge hook.
pub enum Outcome {
    /// Nothing compiled ran: go on interpreting at the loop header.
    NotRun,
    /// Continue in the same frame at this pc.
    Resume(usize),
    /// Frames were pushed (inlined frames materialised): reload the top frame.
    Reload,
    /// Raise this exception in the (new) top frame, whose pc is set.
    Raise(PyErr),
}

impl Vm {
    /// Called by the interpreter when a loop's back-edge counter reaches the
    /// threshold: compiles the loop if needed and runs it.
    #[inline(never)]
    pub fn jit_backedge(&mut self, fi: usize, loop_pc: usize, header: usize) -> Outcome {
        let code_ptr = self.frames[fi].code as usize;
        let key = (code_ptr, loop_pc as u32);
        if self.jit.worker.as_ref().is_some_and(|w| w.in_flight > 0) {
            // (Code that came may be entered from here: `enter_enclosing`.)
            self.jit_poll();
        }
        if !self.jit.inner_entries.is_empty() && self.frames[fi].generator_safe() {
            if let Some(o) = self.enter_enclosing(fi, header) {
                return o;
            }
        }
        let lp = match self.jit.loops.get(&key).and_then(|r| r.compiled.clone()) {
            Some(lp) => lp,
            None if self.jit.loops.get(&key).is_some_and(|r| r.pending) => match self.poll_for(key) {
                Some(lp) => lp,
                None => {
                    self.poll_later(fi, loop_pc);
                    return Outcome::NotRun;
                }
            },
            None => {
                let rec_blacklisted = self.jit.loops.get(&key).is_some_and(|r| r.blacklisted);
                if rec_blacklisted || !self.frames[fi].generator_safe() {
                    self.reset_counter(fi, loop_pc);
                    return Outcome::NotRun;
                }
                if self.defer_to_function(fi, loop_pc) {
                    return Outcome::NotRun;
                }
                if self.covered_by_pending(fi) {
                    self.poll_later(fi, loop_pc);
                    return Outcome::NotRun;
                }
                if self.defer_to_enclosing(fi, loop_pc, header) {
                    return Outcome::NotRun;
                }
                match self.jit_compile(fi, loop_pc, header) {
                    Compile::Ready(lp) => lp,
                    Compile::Pending => {
                        self.poll_later(fi, loop_pc);
                        return Outcome::NotRun;
                    }
                    Compile::Failed => {
                        self.reset_counter(fi, loop_pc);
                        return Outcome::NotRun;
                    }
                }
            }
        };
        self.jit_run(fi, key, lp)
    }

    /// Called when a hot function's frame starts: compiles its whole body
    /// (once) and runs it. Functions worth it are those with a loop or a
    /// body too long to be only call overhead; generators stay interpreted.
    #[inline(never)]
    pub fn jit_function_entry(&mut self, fi: usize, from_interp: bool) -> Outcome {
        let code = self.frames[fi].code();
        let p = code.jit_entry.get() as *const CompiledLoop;
        if !p.is_null() {
            // SAFETY: `jit_entry` is set only while the region's record
            // holds a strong reference to this `Rc` (cleared in
            // `invalidate`); the new reference keeps it alive for the run.
            let lp = unsafe {
                Rc::increment_strong_count(p);
                Rc::from_raw(p)
            };
            return self.jit_run(fi, (self.frames[fi].code as usize, FUNCTION_KEY), lp);
        }
        if code.jit_fn.get() == 0 {
            let eligible = self.frames[fi].func.is_some()
                && !code.is_generator()
                && (code.instrs.len() >= 40
                    || code.instrs.iter().any(|i| matches!(i, crate::bytecode::Instr::Loop { .. }))
                    || (self.jit.opts.native_calls && makes_calls(code)));
            code.jit_fn.set(if eligible { 2 } else { 1 });
            if !eligible {
                return Outcome::NotRun;
            }
        }
        let last = code.instrs.len() - 1;
        let key = (self.frames[fi].code as usize, FUNCTION_KEY);
        let lp = match self.jit.loops.get(&key).and_then(|r| r.compiled.clone()) {
            Some(lp) => lp,
            None => {
                if self.jit.loops.get(&key).is_some_and(|r| r.blacklisted) {
                    self.frames[fi].code().jit_fn.set(1);
                    return Outcome::NotRun;
                }
                if self.jit.loops.get(&key).is_some_and(|r| r.pending) {
                    return match self.poll_for(key) {
                        Some(lp) => self.jit_run(fi, key, lp),
                        None => Outcome::NotRun,
                    };
                }
                if from_interp && self.defer_to_caller(fi) {
                    return Outcome::NotRun;
                }
                if self.covered_by_pending(fi) {
                    let code = self.frames[fi].code();
                    code.entry_count.set(self.jit_threshold.saturating_sub(POLL_EVERY));
                    return Outcome::NotRun;
                }
                match self.jit_compile_region(fi, key, 0, last) {
                    Compile::Ready(lp) => lp,
                    Compile::Pending => return Outcome::NotRun,
                    Compile::Failed => {
                        self.frames[fi].code().jit_fn.set(1);
                        return Outcome::NotRun;
                    }
                }
            }
        };
        self.jit_run(fi, key, lp)
    }

    /// `entries`: runs a compiled region that encloses the loop at `header`
    /// from that header. None when there is none (or its entry guards keep
    /// failing: the inner loop is then compiled on its own).
    fn enter_enclosing(&mut self, fi: usize, header: usize) -> Option<Outcome> {
        let code_addr = self.frames[fi].code as usize;
        let outer = *self.jit.inner_entries.get(&(code_addr, header as u32))?;
        let found = self.jit.loops.get(&outer).and_then(|r| r.compiled.clone()).and_then(|lp| {
            let k = lp.entries.iter().position(|&h| h as usize == header)?;
            Some((lp, k))
        });
        let Some((lp, k)) = found else {
            self.jit.inner_entries.remove(&(code_addr, header as u32));
            return None;
        };
        match self.jit_run_at(fi, outer, lp.clone(), k as u64 + 1) {
            Outcome::NotRun => {
                lp.inner_entry_fails.set(lp.inner_entry_fails.get() + 1);
                if lp.inner_entry_fails.get() >= 16 {
                    self.jit.inner_entries.remove(&(code_addr, header as u32));
                }
                None
            }
            o => Some(o),
        }
    }

    /// `nest`: the first time an inner loop gets hot inside an outer loop
    /// of the same code, it is not compiled on its own; its counter starts
    /// again and the outer loop's back-edges are made hot, so the outer
    /// loop's next back-edge compiles the nest, inner loop included (one
    /// compilation instead of two, and the nest runs natively from then
    /// on). If the inner loop gets hot again first (it runs long within
    /// one outer iteration), it is compiled alone then: at most one
    /// threshold's worth of its iterations more are interpreted.
    fn defer_to_enclosing(&mut self, fi: usize, loop_pc: usize, header: usize) -> bool {
        if !self.jit.opts.has("nest") {
            return false;
        }
        let code = self.frames[fi].code();
        let code_addr = self.frames[fi].code as usize;
        if !self.jit.deferred.insert((code_addr, loop_pc as u32)) {
            return false;
        }
        // A loop whose iterations each run a loop of a callee it will
        // inline (mandelbrot's loop over a row calling `escape_time`)
        // does enough work per entry that entering it from the
        // interpreted outer loop costs nothing measurable: compiled alone
        // it is 40% less machine code than the nest, and runs as fast.
        if self.jit.loop_callees.contains(&(code_addr, loop_pc as u32)) {
            return false;
        }
        // The innermost enclosing loop: the first back-edge after this one
        // that jumps to a header before this loop's.
        let Some(outer) = code.instrs[loop_pc + 1..].iter().find_map(|i| match i {
            crate::bytecode::Instr::Loop { target, .. } if (*target as usize) < header => Some(*target),
            _ => None,
        }) else {
            return false;
        };
        let mut edges = Vec::new();
        for (p, i) in code.instrs.iter().enumerate() {
            if let crate::bytecode::Instr::Loop { target, counter } = i {
                if *target == outer {
                    if self.jit.loops.get(&(code_addr, p as u32)).is_some_and(|r| r.blacklisted) {
                        return false;
                    }
                    edges.push((p, *counter));
                }
            }
        }
        for (p, counter) in edges {
            self.jit.deferred.insert((code_addr, p as u32));
            let c = &code.loop_counters[counter as usize];
            c.set(c.get().max(self.jit_threshold.saturating_sub(1)));
        }
        self.reset_counter(fi, loop_pc);
        true
    }

    /// `fnfirst`: a loop that gets hot in a function frame whose function
    /// has been entered at least a `1/FN_FIRST_RATIO` of the threshold
    /// times (so at most `FN_FIRST_RATIO` iterations per call on average)
    /// is not compiled on its own: the function will soon be compiled
    /// whole, loop included, and the loop's own region would run only until
    /// then (raytrace's `closest_hit`, `in_shadow` and `trace` loops:
    /// ~2000 entries each, then never again). The loop's counter starts
    /// again. It is deferred again only if the function was entered
    /// `threshold / FN_FIRST_RATIO` more times meanwhile: a long call of a
    /// function that was called often before gets its loop compiled after
    /// one more threshold of iterations. Likewise while the function's
    /// compiled body, dropped after a guard kept failing, waits to be
    /// compiled again (raytrace's `trace`: its loop over the lights got
    /// hot in that window).
    fn defer_to_function(&mut self, fi: usize, loop_pc: usize) -> bool {
        if !self.jit.opts.has("fnfirst") {
            return false;
        }
        let f = &self.frames[fi];
        if f.func.is_none() || !f.generator_safe() {
            return false;
        }
        let code = f.code();
        let n = code.entry_count.get();
        let step = self.jit_threshold / FN_FIRST_RATIO;
        if code.is_generator() || code.jit_fn.get() == 1 || n >= self.jit_threshold || step == 0 || n < step {
            return false;
        }
        let code_addr = f.code as usize;
        // (A function whose compiled body was dropped is compiled again
        // when hot again, its loop with it.)
        if self.jit.loops.get(&(code_addr, FUNCTION_KEY)).is_some_and(|r| r.blacklisted || r.compiled.is_some()) {
            return false;
        }
        let last = self.jit.fn_deferred.entry((code_addr, loop_pc as u32)).or_insert(0);
        if *last != 0 && n.wrapping_sub(*last) < step {
            return false;
        }
        *last = n;
        self.reset_counter(fi, loop_pc);
        true
    }

    /// `callerfirst`: the first time a function gets hot, called from an
    /// interpreted loop that is nearly hot (its counter past half the
    /// threshold) or whose compiled code was dropped and will be compiled
    /// again (outside loops: from a function in that state, or entered a
    /// quarter of the threshold times: a function called from several
    /// functions gets hot before each of them, as richards' `Task.send`
    /// from three task bodies, which inline it once compiled), it is not
    /// compiled: the caller's loop compiles first (a
    /// nearly hot one at its next back-edge) and inlines the call, and
    /// the function's own compilation would run only until then (the
    /// function `mandelbrot` calls per point; richards' `Task.step`, hot
    /// in the interpreter while the scheduler's loop waits to be compiled
    /// again). Its entry count starts again; when it gets hot again it is
    /// compiled.
    fn defer_to_caller(&mut self, fi: usize) -> bool {
        if !self.jit.opts.has("callerfirst") || fi == 0 {
            return false;
        }
        // Only what the caller could inline.
        if !translate::inlinable_code(self.frames[fi].code(), &self.jit.opts) {
            return false;
        }
        let callee_addr = self.frames[fi].code as usize;
        let caller = &self.frames[fi - 1];
        if !caller.generator_safe() {
            return false;
        }
        let code = caller.code();
        let pc = caller.pc as usize;
        let caller_addr = caller.code as usize;
        // The innermost loop around the call.
        let around = code
            .instrs
            .iter()
            .enumerate()
            .filter_map(|(p, i)| match i {
                crate::bytecode::Instr::Loop { target, counter } if (*target as usize) <= pc && pc <= p => Some((p, *target, *counter)),
                _ => None,
            })
            .max_by_key(|&(_, target, _)| target)
            .map(|(p, _, c)| (p, c));
        // The caller's region: a nearly hot one, or one whose compiled
        // code waits to be compiled again (outside loops: the caller's
        // whole body), with its compilation count.
        let key = match around {
            Some((loop_pc, _)) => (caller_addr, loop_pc as u32),
            None if caller.func.is_some() && code.jit_fn.get() != 1 => (caller_addr, FUNCTION_KEY),
            None => return false,
        };
        let compiles = match self.jit.loops.get(&key) {
            Some(r) if r.blacklisted || r.compiled.is_some() => return false,
            Some(r) => r.compiles,
            None => {
                match around {
                    Some((_, counter)) => {
                        let c = &code.loop_counters[counter as usize];
                        if c.get() < self.jit_threshold / 2 {
                            return false;
                        }
                        c.set(c.get().max(self.jit_threshold.saturating_sub(1)));
                    }
                    None if code.entry_count.get() < self.jit_threshold / 4 => return false,
                    None => {}
                }
                0
            }
        };
        // Once per state of the caller's region (raytrace's `trace` waits
        // to be recompiled twice; `closest_hit` is left to it both times).
        if self.jit.caller_deferred.get(&callee_addr) == Some(&(key, compiles)) {
            return false;
        }
        self.jit.caller_deferred.insert(callee_addr, (key, compiles));
        // Its loops are left to the caller's compilation too.
        let callee = self.frames[fi].code();
        if around.is_some() && callee.instrs.iter().any(|i| matches!(i, crate::bytecode::Instr::Loop { .. })) {
            self.jit.loop_callees.insert(key);
        }
        callee.entry_count.set(0);
        for c in callee.loop_counters.iter() {
            c.set(0);
        }
        true
    }

    fn reset_counter(&mut self, fi: usize, loop_pc: usize) {
        let code = self.frames[fi].code();
        if let Some(crate::bytecode::Instr::Loop { counter, .. }) = code.instrs.get(loop_pc) {
            code.loop_counters[*counter as usize].set(0);
        }
    }

    /// With `background`: whether frame `fi` runs inside a region being
    /// compiled — its function's, an enclosing loop's, or one of its
    /// callers' (the innermost loop around each call, or the caller's
    /// function). What gets hot there waits (`poll_later`) instead of
    /// compiling: once installed, that region runs it, usually inlined
    /// (mandelbrot's `escape_time` and its loop, hot in the interpreter
    /// while the loop calling it compiles).
    fn covered_by_pending(&self, fi: usize) -> bool {
        if self.jit.worker.is_none() {
            return false;
        }
        // Pending, or installed and not entered yet: the region's frame is
        // still in the iteration it was in when the code came.
        let waiting = |r: &LoopRecord| r.pending || r.compiled.as_ref().is_some_and(|lp| lp.runs.get() == 0);
        for f in self.frames[..=fi].iter().rev().take(8) {
            if !f.generator_safe() {
                break;
            }
            let code = f.code();
            let addr = f.code as usize;
            if f.func.is_some() && self.jit.loops.get(&(addr, FUNCTION_KEY)).is_some_and(waiting) {
                return true;
            }
            let pc = f.pc as usize;
            let around = code.instrs.iter().enumerate().any(|(p, i)| match i {
                crate::bytecode::Instr::Loop { target, .. } if (*target as usize) < pc && pc <= p + 1 => {
                    self.jit.loops.get(&(addr, p as u32)).is_some_and(waiting)
                }
                _ => false,
            });
            if around {
                return true;
            }
        }
        false
    }

    /// With `background`, a loop whose code is being compiled: its
    /// back-edge comes to `jit_backedge` again after `POLL_EVERY` more
    /// iterations, to look for the code.
    fn poll_later(&mut self, fi: usize, loop_pc: usize) {
        let code = self.frames[fi].code();
        if let Some(crate::bytecode::Instr::Loop { counter, .. }) = code.instrs.get(loop_pc) {
            code.loop_counters[*counter as usize].set(self.jit_threshold.saturating_sub(POLL_EVERY));
        }
    }

    fn jit_compile(&mut self, fi: usize, loop_pc: usize, header: usize) -> Compile {
        let key = (self.frames[fi].code as usize, loop_pc as u32);
        self.jit_compile_region(fi, key, header, loop_pc)
    }

    /// Compiles the region `header..=last` of frame `fi`'s code (a loop, or
    /// a whole function body when `key.1` is `FUNCTION_KEY`).
    fn jit_compile_region(&mut self, fi: usize, key: (usize, u32), header: usize, loop_pc: usize) -> Compile {
        // (Compile time includes making the backend, on the first
        // compilation: ~0.1 ms.)
        let start = Instant::now();
        let cpu_start = spry_jit::lower::thread_cpu_time();
        if !self.jit_start() {
            return Compile::Failed;
        }
        let timing = std::env::var_os("SPRY_JIT_TIMING").is_some();
        let code_ref = self.frames[fi].code_ref();
        let code: &CodeObj = &code_ref;
        let rec = self.jit.loops.entry(key).or_insert_with(|| LoopRecord {
            code: code_ref.clone(),
            header: header as u32,
            compiled: None,
            compiles: 0,
            blacklisted: false,
            pending: false,
            headers: HashMap::new(),
            consts: Vec::new(),
            generic: HashSet::new(),
            global_retries: 0,
            failed_entry_tags: Vec::new(),
            compiled_whole: key.1 == FUNCTION_KEY,
            first_line: code.lines[header],
            last_line: code.lines[header..=loop_pc].iter().copied().max().unwrap_or(0),
            total_runs: 0,
            total_native_runs: 0,
            guard_failures: HashMap::new(),
            compile_time: Duration::ZERO,
            code_size: 0,
        });
        rec.compiles += 1;
        if rec.compiles > MAX_COMPILES {
            rec.blacklisted = true;
            return Compile::Failed;
        }
        let mut headers = std::mem::take(&mut rec.headers);
        let mut consts = std::mem::take(&mut rec.consts);
        let generic = std::mem::take(&mut rec.generic);
        let mut widen = rec.failed_entry_tags.clone();
        if key.1 == FUNCTION_KEY {
            // The types its arguments had before it got hot.
            if let Some(m) = self.jit.entry_tags.get(&key.0) {
                if widen.len() < m.len() {
                    widen.resize(m.len(), 0);
                }
                for (w, &x) in widen.iter_mut().zip(m) {
                    *w |= x;
                }
            }
        }
        let t_start = Instant::now();
        let result = translate::translate(self, fi, header, loop_pc, &mut headers, &mut consts, &generic, &widen);
        self.jit.translate_time += t_start.elapsed();
        let rec = self.jit.loops.get_mut(&key).unwrap();
        rec.headers = headers;
        rec.consts = consts;
        rec.generic = generic;
        let mut t = match result {
            Ok(t) => t,
            Err(why) => {
                rec.blacklisted = true;
                self.jit.failed += 1;
                self.jit.failures.push(format!("{}:{}: {}", crate::vm::display_path(&code.filename), code.lines[header], why));
                return Compile::Failed;
            }
        };
        for (n, k) in self.jit.restarts.iter_mut().zip(t.restarts) {
            *n += k;
        }
        if let Some(worker) = self.jit.worker.as_mut() {
            // The backend's work goes to the compiler thread; the code is
            // installed by `jit_poll`.
            let ir_text = self.jit.log.then(|| t.func.to_string());
            let func = std::mem::replace(&mut t.func, spry_jit::Function::new(""));
            let submitted = worker.submit(func);
            let rec = self.jit.loops.get_mut(&key).unwrap();
            let spent = start.elapsed();
            rec.compile_time += spent;
            self.jit.compile_time += spent;
            if timing {
                self.jit.compile_cpu += spry_jit::lower::thread_cpu_time().saturating_sub(cpu_start);
            }
            let p = PendingCompile { key, header, loop_pc, t, ir_text };
            return match submitted {
                Ok(id) => {
                    rec.pending = true;
                    self.jit.pending.insert(id, p);
                    Compile::Pending
                }
                // (Recorded as a backend failure.)
                Err(e) => {
                    self.jit_install(p, Err(e));
                    Compile::Failed
                }
            };
        }
        let backend = self.jit.backend.as_ref().unwrap();
        let compiled = backend.compile(&t.func);
        let spent = start.elapsed();
        if let Some(rec) = self.jit.loops.get_mut(&key) {
            rec.compile_time += spent;
        }
        self.jit.compile_time += spent;
        if timing {
            self.jit.compile_cpu += spry_jit::lower::thread_cpu_time().saturating_sub(cpu_start);
        }
        let ir_text = self.jit.log.then(|| t.func.to_string());
        match self.jit_install(PendingCompile { key, header, loop_pc, t, ir_text }, compiled) {
            Some(lp) => Compile::Ready(lp),
            None => Compile::Failed,
        }
    }

    /// Makes the backend (or, with `background`, starts the compiler
    /// thread, which warms up while the program starts). False (and the JIT
    /// off) when there is no native backend.
    pub fn jit_start(&mut self) -> bool {
        if self.jit.backend.is_some() || self.jit.worker.is_some() {
            return true;
        }
        let made = spry_jit::Backend::new().and_then(|mut b| {
            b.keep_clif = self.jit.log;
            b.quick_loopless = self.jit.opts.has("quickloopless");
            if self.jit.opts.has("background") {
                // The compiler thread inherits the signal mask: it must
                // not take the signals Python handles (`modules/signal.rs`).
                let old = crate::modules::signal::block_in_this_thread();
                let w = spry_jit::worker::Worker::spawn(b);
                crate::modules::signal::restore_mask(old);
                self.jit.worker = Some(w?);
            } else {
                self.jit.backend = Some(b);
            }
            Ok(())
        });
        if let Err(e) = made {
            self.jit.enabled = false;
            self.jit_threshold = u32::MAX;
            self.jit.failures.push(format!("no native backend: {}", e));
            return false;
        }
        true
    }

    /// In the child of `os.fork`: the compiler thread (`background`) did
    /// not come along, so the child forgets it (without joining it or
    /// touching its backend, whose lock it may have held) and the
    /// compilations it had in flight: those regions compile again when
    /// they are hot, on a thread of the child's own (`jit_start`).
    pub fn jit_after_fork(&mut self) {
        if let Some(w) = self.jit.worker.take() {
            std::mem::forget(w);
            self.jit.pending.clear();
            for rec in self.jit.loops.values_mut() {
                rec.pending = false;
            }
            if self.jit.enabled {
                self.jit_start();
            }
        }
    }

    /// `background`: installs the code of every compilation the compiler
    /// thread has finished (never waits).
    pub(crate) fn jit_poll(&mut self) {
        while let Some(done) = self.jit.worker.as_mut().and_then(|w| w.finished()) {
            self.jit_take_finished(done);
        }
    }

    /// `background`: the code of region `key` (pending), if it has come.
    fn poll_for(&mut self, key: (usize, u32)) -> Option<Rc<CompiledLoop>> {
        self.jit_poll();
        self.jit.loops.get(&key).and_then(|r| r.compiled.clone())
    }

    /// `--jit-stats`: waits for the compilations still in flight, so that
    /// the figures are complete.
    pub fn jit_wait_all(&mut self) {
        while let Some(done) = self.jit.worker.as_mut().and_then(|w| w.wait()) {
            self.jit_take_finished(done);
        }
    }

    fn jit_take_finished(&mut self, done: spry_jit::worker::Finished) {
        let Some(p) = self.jit.pending.remove(&done.id) else { return };
        let t0 = Instant::now();
        self.jit.background_time += done.wall;
        if std::env::var_os("SPRY_JIT_TIMING").is_some() {
            self.jit.compile_cpu += done.cpu;
        }
        if let Some(rec) = self.jit.loops.get_mut(&p.key) {
            rec.pending = false;
            rec.compile_time += done.wall;
        }
        let key = p.key;
        self.jit_install(p, done.result);
        let spent = t0.elapsed();
        self.jit.compile_time += done.wall + spent;
        if let Some(rec) = self.jit.loops.get_mut(&key) {
            rec.compile_time += spent;
        }
    }

    /// Makes the compiled region `p` runnable: its record, its entries
    /// (function entry, inner headers). A backend error leaves the region
    /// to the interpreter.
    fn jit_install(&mut self, p: PendingCompile, compiled: Result<spry_jit::Compiled, String>) -> Option<Rc<CompiledLoop>> {
        let PendingCompile { key, header, loop_pc, t, ir_text } = p;
        let code_ref = self.jit.loops.get(&key)?.code.clone();
        let code: &CodeObj = &code_ref;
        let compiled = match compiled {
            Ok(c) => c,
            Err(e) => {
                let rec = self.jit.loops.get_mut(&key).unwrap();
                rec.blacklisted = true;
                self.jit.failed += 1;
                self.jit.failures.push(format!("{}:{}: backend: {}", crate::vm::display_path(&code.filename), code.lines[header], e));
                return None;
            }
        };
        self.jit.compiled += 1;
        if let Some(rec) = self.jit.loops.get_mut(&key) {
            rec.code_size = compiled.code_size;
        }
        if let Some(ir) = &ir_text {
            self.jit_log(code, header, loop_pc, &t, ir, &compiled);
        }
        // SAFETY: the backend compiled a function with the entry signature.
        let entry: spry_jit::lower::EntryFn = unsafe { std::mem::transmute(compiled.entry) };
        let mut exits = t.exits;
        if key.1 == FUNCTION_KEY {
            for e in exits.iter_mut() {
                e.returns = e.kind == ExitKind::Leave
                    && e.inline.is_empty()
                    && matches!(code.instrs[e.pc as usize], crate::bytecode::Instr::Return { .. } | crate::bytecode::Instr::ReturnNone {});
            }
        }
        let ret_src: Box<[u64]> = exits
            .iter()
            .map(|e| match code.instrs.get(e.pc as usize) {
                Some(crate::bytecode::Instr::Return { src }) if e.returns => *src as u64,
                // (The translation put the None in register 0.)
                Some(crate::bytecode::Instr::ReturnNone {}) if e.returns && t.clears && code.nregs > 0 => 0,
                _ => u64::MAX,
            })
            .collect();
        let (ret_tab, ret_n) = (ret_src.as_ptr(), ret_src.len() as u64);
        // As `Vm::exec_call` checks before `call_compiled`.
        let dc_argc = if key.1 == FUNCTION_KEY
            && t.clears
            && code.flags
                & (crate::bytecode::code_flags::VARARGS | crate::bytecode::code_flags::VARKEYWORDS | crate::bytecode::code_flags::GENERATOR)
                == 0
            && code.kwonlyargcount == 0
            && code.freevars.is_empty()
        {
            code.argcount as u64
        } else {
            u64::MAX
        };
        let lp = Rc::new(CompiledLoop {
            ret_src,
            ret_tab,
            ret_n,
            dc_argc,
            dc_levels: 2 * t.depth as u64 + 2,
            dc_room16: 16 * t.extent.max(code.nregs as usize) as u64,
            code: Some(compiled),
            entry,
            exits,
            frames: t.frames,
            consts: t.consts,
            extent: t.extent,
            depth: t.depth,
            tables: t.tables,
            runs: Cell::new(0),
            native_runs: Cell::new(0),
            entry_fails: Cell::new(0),
            entries: t.entries,
            entry_checks: t.entry_checks.into_iter().map(Vec::into_boxed_slice).collect(),
            inner_entry_fails: Cell::new(0),
            yield_exits: Cell::new(0),
        });
        for &h in &lp.entries {
            self.jit.inner_entries.insert((key.0, h), key);
            // The interpreter's next back-edge of the inner loop enters.
            for i in code.instrs.iter() {
                if let crate::bytecode::Instr::Loop { target, counter } = i {
                    if *target == h {
                        let c = &code.loop_counters[*counter as usize];
                        c.set(c.get().max(self.jit_threshold));
                    }
                }
            }
        }
        if key.1 == FUNCTION_KEY {
            code.jit_entry.set(Rc::as_ptr(&lp) as usize);
        }
        self.jit.loops.get_mut(&key).unwrap().compiled = Some(lp.clone());
        Some(lp)
    }

    fn jit_log(&self, code: &CodeObj, header: usize, loop_pc: usize, t: &translate::Translation, ir: &str, c: &spry_jit::Compiled) {
        let first = code.lines[header];
        let last = code.lines[header..=loop_pc].iter().copied().max().unwrap_or(first);
        let mut out = String::new();
        out.push_str(&format!(
            "=== loop at {}:{}-{} in {} ({} exits, {} inlined frames, {} bytes of machine code)\n",
            crate::vm::display_path(&code.filename),
            first,
            last,
            code.qualname,
            t.exits.len(),
            t.frames.len(),
            c.code_size
        ));
        out.push_str("--- source\n");
        if let Some(lines) = self.sources.get(&*code.filename) {
            for n in first..=last {
                if let Some(l) = lines.get(n as usize - 1) {
                    out.push_str(&format!("{:5} {}\n", n, l));
                }
            }
        }
        out.push_str("--- trace (Spry JIT IR)\n");
        out.push_str(ir);
        if t.entry_checks.iter().any(|c| !c.is_empty()) {
            out.push_str("--- entry checks (made by the VM before it enters)\n");
            for (k, checks) in t.entry_checks.iter().enumerate() {
                let at = if k == 0 { "the header".to_string() } else { format!("pc {}", t.entries[k - 1]) };
                let items: Vec<String> = checks
                    .iter()
                    .map(|c| match *c {
                        EntryCheck::Word(off, v) if off % 16 == 0 => format!("r{} tag {}", off / 16, v),
                        EntryCheck::Word(off, v) => format!("r{} payload {}", off / 16, v),
                        EntryCheck::NoObject(off) => format!("r{} no object", off / 16),
                        EntryCheck::Method { off, func, this } => format!("r{} method of {:#x}, self tag {}", off / 16, func, this),
                    })
                    .collect();
                out.push_str(&format!("  entry {} ({}): {}\n", k, at, items.join(", ")));
            }
        }
        out.push_str("--- exits\n");
        for (i, e) in t.exits.iter().enumerate() {
            let from = if e.kind == ExitKind::Guard && e.site != e.pc { format!(", guard at pc {}", e.site) } else { String::new() };
            out.push_str(&format!("  exit{}: {:?} -> pc {} (line {}{}): {}\n", i, e.kind, e.pc, e.line, from, e.reason));
        }
        out.push_str("--- Cranelift IR\n");
        out.push_str(&c.clif);
        eprint!("{}", out);
    }

    fn jit_run(&mut self, fi: usize, key: (usize, u32), lp: Rc<CompiledLoop>) -> Outcome {
        self.jit_run_at(fi, key, lp, 0)
    }

    /// Runs compiled code on frame `fi` from entry `entry` (0: the region's
    /// header; see `CompiledLoop::entries`).
    fn jit_run_at(&mut self, fi: usize, key: (usize, u32), lp: Rc<CompiledLoop>, entry: u64) -> Outcome {
        let f = &mut self.frames[fi];
        let base = f.base;
        let saved_top = f.top;
        // SAFETY: pointer arithmetic inside the register stack, checked next.
        let need = unsafe { base.add(lp.extent) };
        if need > self.stack_end || self.frames.len() + 2 * lp.depth + 1 >= self.frame_limit {
            return Outcome::NotRun;
        }
        if need > saved_top {
            self.frames[fi].top = need;
        }
        let mut ctx = JitCtx { vm: self as *mut Vm, fi, lp: &*lp as *const CompiledLoop, scratch: [0; 12], err: None, entry };
        lp.runs.set(lp.runs.get() + 1);
        let checks = lp.entry_checks.get(entry as usize).map_or(&[][..], |c| &c[..]);
        // SAFETY: the checks' offsets are of the frame's registers, below
        // `extent` (the translator made them from the frame's layout).
        let entered = checks.iter().all(|c| unsafe { c.holds(base as *const u8) });
        // SAFETY: the code was compiled for this frame layout; `base` is the
        // frame's register window and the stack has room for `extent`
        // registers (checked above); `ctx` outlives the call.
        let r = if entered { unsafe { (lp.entry)(base as *mut u8, &mut ctx as *mut JitCtx as *mut u8) } } else { ENTRY_FAIL };
        self.frames[fi].top = saved_top;
        if let Some(exit) = lp.exits.get(r as usize) {
            if exit.returns {
                exit.count.set(exit.count.get() + 1);
                return Outcome::Resume(exit.pc as usize);
            }
        }
        if r == ENTRY_FAIL && entry != 0 {
            // An inner entry's guards failed (counted by the caller).
            return Outcome::NotRun;
        }
        self.jit_finish(fi, key, lp, r, &mut ctx)
    }

    /// What follows a run of compiled code on frame `fi` that ended with
    /// `r` (an exit number or `ENTRY_FAIL`): statistics, invalidation,
    /// materialising inlined frames.
    pub(crate) fn jit_finish(&mut self, fi: usize, key: (usize, u32), lp: Rc<CompiledLoop>, r: u64, ctx: &mut JitCtx) -> Outcome {
        let base = self.frames[fi].base;
        if r == ENTRY_FAIL {
            if std::env::var("SPRY_JIT_DEBUG").is_ok() {
                let n = self.frames[fi].code().nregs as usize;
                // SAFETY: debugging aid: reads the frame's registers.
                let tags: Vec<u8> = (0..n).map(|i| unsafe { (*base.add(i)).tag() }).collect();
                eprintln!("entry fail at loop {:?}: tags {:?}", key, tags);
            }
            lp.entry_fails.set(lp.entry_fails.get() + 1);
            let n = self.frames[fi].code().nregs as usize;
            if let Some(rec) = self.jit.loops.get_mut(&key) {
                rec.failed_entry_tags.resize(n, 0);
                for (i, m) in rec.failed_entry_tags.iter_mut().enumerate() {
                    // SAFETY: `i` < nregs, inside the frame's window.
                    *m |= 1 << (unsafe { (*base.add(i)).tag() } & 31);
                }
            }
            if lp.entry_fails.get() >= RECOMPILE_AFTER.min(4 + lp.runs.get() / 2) {
                self.invalidate(key, None);
            }
            return Outcome::NotRun;
        }
        let exit = &lp.exits[r as usize];
        exit.count.set(exit.count.get() + 1);
        if exit.kind == ExitKind::Error || (exit.kind == ExitKind::Leave && exit.inline.is_empty()) {
            // Runs that end at a yield, or in an exception the loop itself
            // handles, on most entries: compiled code only adds entry and
            // exit costs to each iteration.
            let early = exit.kind == ExitKind::Error
                || matches!(
                    self.frames[fi].code().instrs.get(exit.pc as usize),
                    Some(crate::bytecode::Instr::Yield { .. } | crate::bytecode::Instr::YieldFrom { .. })
                );
            if early {
                lp.yield_exits.set(lp.yield_exits.get() + 1);
                let runs = lp.runs.get();
                if runs >= 32 && lp.yield_exits.get() * 2 > runs {
                    // Left to the interpreter: it yields as cheaply.
                    if let Some(rec) = self.jit.loops.get_mut(&key) {
                        rec.blacklisted = true;
                    }
                    self.invalidate(key, None);
                }
            }
        }
        let outcome_err = if exit.kind == ExitKind::Error {
            Some(ctx.err.take().unwrap_or_else(|| PyErr::runtime_error("JIT error exit without an exception")))
        } else {
            None
        };
        if matches!(exit.kind, ExitKind::Guard | ExitKind::GuardAfter) {
            if let Some(rec) = self.jit.loops.get_mut(&key) {
                *rec.guard_failures.entry((exit.line, exit.reason)).or_insert(0) += 1;
            }
            let retry = (exit.reason == translate::GLOBAL_GUARD || exit.reason == translate::HOIST_GLOBAL_GUARD)
                && self.jit.loops.get_mut(&key).is_some_and(|rec| {
                    let retry = rec.global_retries < GLOBAL_RETRIES;
                    rec.global_retries += retry as u32;
                    retry
                });
            if retry {
                // The module's globals changed (often a key added):
                // recompile reading them as they are now.
                self.invalidate(key, None);
            } else if exit.count.get() >= RECOMPILE_AFTER {
                // The speculation at this site keeps failing: compile it
                // generically next time.
                let site = if exit.inline.is_empty() {
                    Some((key.0, exit.site))
                } else {
                    let d = &lp.frames[*exit.inline.last().unwrap() as usize];
                    match &d.func {
                        Value::Function(f) => Some((&*f.code as *const CodeObj as usize, exit.site)),
                        _ => None,
                    }
                };
                // Strict attribute guards fall back to the lookup helper.
                let site = site.map(|(c, p)| {
                    if exit.reason == translate::ATTR_GUARD {
                        (c, p | translate::LOOSE_SITE)
                    } else if exit.reason == translate::HOIST_GUARD || exit.reason == translate::HOIST_GLOBAL_GUARD {
                        (c, p | translate::HOIST_SITE)
                    } else if exit.reason == translate::POLY_GUARD {
                        (c, p | translate::POLY_SITE)
                    } else if exit.reason == translate::SHAPE_GUARD {
                        // Shapes vary in this code: its lookups check
                        // them without leaving (one recompilation for all
                        // its sites).
                        (c, translate::SHAPE_LOOSE)
                    } else {
                        (c, p)
                    }
                });
                if let (Some((c, _)), true) = (site, exit.reason == translate::METHOD_GUARD) {
                    if let Some(rec) = self.jit.loops.get_mut(&key) {
                        rec.generic.insert((c, translate::SHAPE_LOOSE));
                    }
                }
                self.invalidate(key, site);
            }
        }
        // Materialise inlined frames.
        if exit.inline.is_empty() {
            return match outcome_err {
                Some(e) => {
                    self.frames[fi].pc = exit.pc;
                    Outcome::Raise(e)
                }
                None => {
                    if exit.reason == translate::GC_DUE {
                        // A back-edge's safe point (`Tr::gc_leave`): every
                        // register is written back.
                        self.frames[fi].pc = exit.pc;
                        self.gc_safe_point();
                    }
                    Outcome::Resume(exit.pc as usize)
                }
            };
        }
        for (k, &d) in exit.inline.iter().enumerate() {
            let d = &lp.frames[d as usize];
            let parent = self.frames.last_mut().unwrap();
            parent.pc = d.call_pc + 1;
            // SAFETY: the inlined window lies in the area checked on entry.
            let fbase = unsafe { base.add(d.offset as usize) };
            let ftop = unsafe { fbase.add(d.nregs as usize) };
            let func = match &d.func {
                Value::Function(f) => f.clone(),
                _ => unreachable!(),
            };
            let depth = self.exc_stack.len() as u32;
            let ret = if d.init { Ret::Init(d.ret_reg) } else { Ret::Reg(d.ret_reg) };
            let mut fr = Frame::for_function(func, fbase, ftop, ret, depth);
            if k + 1 == exit.inline.len() {
                fr.pc = exit.pc;
            }
            self.frames.push(fr);
            if d.init {
                // The entry check left room for two levels per inlined
                // call; `pop_frame` gives this one back.
                self.push_init_level();
            }
        }
        match outcome_err {
            Some(e) => Outcome::Raise(e),
            None => Outcome::Reload,
        }
    }

    /// Drops a loop's compiled code (it recompiles when hot again).
    fn invalidate(&mut self, key: (usize, u32), generic_site: Option<(usize, u32)>) {
        let code = match self.jit.loops.get_mut(&key) {
            Some(rec) => {
                if let Some(lp) = rec.compiled.take() {
                    rec.total_runs += lp.runs.get();
                    rec.total_native_runs += lp.native_runs.get();
                }
                if let Some(s) = generic_site {
                    rec.generic.insert(s);
                }
                rec.code.clone()
            }
            None => return,
        };
        if key.1 == FUNCTION_KEY {
            code.jit_entry.set(0);
            code.entry_count.set(0);
        } else if let crate::bytecode::Instr::Loop { counter, .. } = code.instrs[key.1 as usize] {
            code.loop_counters[counter as usize].set(0);
        }
    }

    /// At the start of frame `fi` of a function entered at least
    /// `jit_threshold - ENTRY_WATCH` times but not yet hot
    /// (`entryprofile`): records the tags of its named registers (the
    /// arguments; other locals are Undef).
    #[cold]
    pub(crate) fn jit_note_entry(&mut self, fi: usize) {
        if !self.jit.opts.has("entryprofile") {
            return;
        }
        let f = &self.frames[fi];
        // SAFETY: the frame keeps its code alive.
        let code: &CodeObj = unsafe { &*f.code };
        let n = code.varnames.len().min(code.nregs as usize);
        let base = f.base;
        let m = self.jit.entry_tags.entry(code as *const CodeObj as usize).or_insert_with(|| vec![0; n]);
        for (i, w) in m.iter_mut().enumerate() {
            // SAFETY: `i` < nregs, inside the frame's window.
            *w |= 1 << (unsafe { (*base.add(i)).tag() } & 31);
        }
    }

    /// `--jit-stats`: printed to stderr when the program ends.
    pub fn jit_stats_report(&self) -> String {
        let j = &self.jit;
        let mut out = String::new();
        out.push_str(&format!(
            "JIT: {} loops compiled ({} compilations failed), compile time {:.3} ms{}\n",
            j.compiled,
            j.failed,
            j.compile_time.as_secs_f64() * 1000.0,
            if j.worker.is_some() {
                format!(" ({:.3} ms of it on the compiler thread)", j.background_time.as_secs_f64() * 1000.0)
            } else {
                String::new()
            }
        ));
        let mut recs: Vec<&LoopRecord> = j.loops.values().collect();
        recs.sort_by_key(|r| (r.code.filename.to_string(), r.first_line));
        for r in recs {
            let runs = r.total_runs + r.compiled.as_ref().map_or(0, |c| c.runs.get());
            let native = r.total_native_runs + r.compiled.as_ref().map_or(0, |c| c.native_runs.get());
            out.push_str(&format!(
                "  {} {}:{}-{} in {}: compiled {} time(s) ({:.1} ms, {} bytes), entered {} time(s){}{}\n",
                if r.header == 0 && r.last_line >= r.first_line && r.compiled_whole { "function" } else { "loop" },
                crate::vm::display_path(&r.code.filename),
                r.first_line,
                r.last_line,
                r.code.qualname,
                r.compiles.min(MAX_COMPILES),
                r.compile_time.as_secs_f64() * 1000.0,
                r.code_size,
                runs,
                if native > 0 { format!(" ({} by native calls)", native) } else { String::new() },
                if r.blacklisted { ", left to the interpreter" } else { "" }
            ));
            let mut g: Vec<_> = r.guard_failures.iter().collect();
            g.sort();
            for ((line, why), n) in g {
                out.push_str(&format!("    guard failures at line {}: {} x{}\n", line, why, n));
            }
            // Exceptions that left the current compilation's code.
            if let Some(c) = &r.compiled {
                let mut errs: HashMap<(u32, &str), u64> = HashMap::new();
                for e in c.exits.iter().filter(|e| matches!(e.kind, ExitKind::Error | ExitKind::Leave) && !e.returns && e.count.get() > 0) {
                    *errs.entry((e.line, e.reason)).or_insert(0) += e.count.get();
                }
                let mut errs: Vec<_> = errs.into_iter().collect();
                errs.sort();
                for ((line, why), n) in errs {
                    out.push_str(&format!("    left at line {}: {} x{}\n", line, why, n));
                }
                if std::env::var("SPRY_JIT_DEBUG").is_ok() {
                    for e in c.exits.iter().filter(|e| e.count.get() > 0) {
                        out.push_str(&format!(
                            "    exit {:?} pc {} line {} {} returns={} x{}\n",
                            e.kind,
                            e.pc,
                            e.line,
                            e.reason,
                            e.returns,
                            e.count.get()
                        ));
                    }
                }
            }
        }
        for f in &j.failures {
            out.push_str(&format!("  not compiled: {}\n", f));
        }
        let backend_report = match (&j.backend, &j.worker) {
            (Some(b), _) => b.times.as_ref().map(|_| b.timing_report()),
            (None, Some(w)) => w.timing_report(),
            _ => None,
        };
        if let Some(report) = backend_report {
            {
                let r = j.restarts;
                out.push_str(&format!(
                    "  compile cpu {:.3} ms; translate {:.3} ms; restarts: {} widened at back-edges, {} at joins, {} facts dropped, {} facts proposed\n",
                    j.compile_cpu.as_secs_f64() * 1000.0,
                    j.translate_time.as_secs_f64() * 1000.0,
                    r[0],
                    r[1],
                    r[2],
                    r[3]
                ));
                out.push_str(&report);
            }
        }
        out
    }

    /// Totals for `--compare`: (loops compiled, compile time, guard failures).
    pub fn jit_totals(&self) -> (usize, Duration, u64) {
        let g = self.jit.loops.values().map(|r| r.guard_failures.values().sum::<u64>()).sum();
        (self.jit.compiled, self.jit.compile_time, g)
    }
}

impl Frame {
    /// Loops of generator, coroutine and async generator frames are left to
    /// the interpreter: their registers live in the generator object, not
    /// on the register stack, so there is no room above them for the
    /// windows of inlined calls, and `jit_run`'s bounds check is against
    /// the register stack. (Before, such loops were compiled and then not
    /// entered only because the heap happened to lie above the stack.)
    fn generator_safe(&self) -> bool {
        self.generator.is_none()
    }
}
