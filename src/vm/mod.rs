//! The virtual machine: register stack, frames, calls, and the services
//! every part of the runtime uses (attribute access, operators, errors).
//!
//! Frames live in `Vm::frames`; their registers are windows into one
//! VM-wide register stack (`stack`). A call copies its arguments to the top
//! of the stack and pushes a `Frame` record: Python-to-Python calls never
//! recurse on the Rust stack. Generator frames keep their registers in the
//! generator object instead.

pub mod attr;
pub mod call;
pub mod carets;
pub mod error;
pub mod exceptions;
pub mod finalize;
pub mod format;
pub mod gc;
pub mod generator;
pub mod import;
pub mod inline_cache;
pub mod interp;
pub mod iter;
pub mod ops;
pub mod pattern;
pub mod profile;
pub mod repr;
pub mod subscript;
pub mod types;

use std::cell::Cell;
use std::collections::HashMap;
use std::io::Write;
use std::rc::Rc;

pub use error::{ExcKind, PyErr, PyResult, TbEntry};

use crate::bytecode::CodeObj;
use crate::objects::rc;
use crate::objects::*;
use types::Types;

/// Arguments of a call of a builtin: positional values, then keyword
/// values named by `kwnames` (a slice of `str` values).
#[derive(Clone, Copy)]
pub struct Args<'a> {
    pub pos: &'a [Value],
    pub kwnames: &'a [Value],
    pub kwvals: &'a [Value],
}

impl<'a> Args<'a> {
    pub fn new(pos: &'a [Value]) -> Args<'a> {
        Args { pos, kwnames: &[], kwvals: &[] }
    }
    #[inline]
    pub fn len(&self) -> usize {
        self.pos.len()
    }
    #[inline]
    pub fn is_empty(&self) -> bool {
        self.pos.is_empty()
    }
    #[inline]
    pub fn get(&self, i: usize) -> Option<&'a Value> {
        self.pos.get(i)
    }
    pub fn has_kwargs(&self) -> bool {
        !self.kwnames.is_empty()
    }
    /// The keyword argument `name`, if passed.
    pub fn kw(&self, name: &str) -> Option<&'a Value> {
        self.kwnames.iter().position(|k| k.as_str() == Some(name)).map(|i| &self.kwvals[i])
    }
    /// Positional argument `i` or keyword `name`.
    pub fn arg(&self, i: usize, name: &str) -> Option<&'a Value> {
        self.pos.get(i).or_else(|| self.kw(name))
    }
    /// The receiver (first positional argument) of a method call.
    #[inline]
    pub fn this(&self) -> &'a Value {
        &self.pos[0]
    }
    /// Drops the receiver.
    pub fn rest(&self) -> Args<'a> {
        Args { pos: &self.pos[1..], kwnames: self.kwnames, kwvals: self.kwvals }
    }
    /// `TypeError` unless there are `min..=max` positional arguments and no keywords.
    pub fn check(&self, name: &str, min: usize, max: usize) -> PyResult<()> {
        self.no_kwargs(name)?;
        self.check_pos(name, min, max)
    }
    pub fn check_pos(&self, name: &str, min: usize, max: usize) -> PyResult<()> {
        let n = self.pos.len();
        if n < min || n > max {
            let msg = if min == max {
                match min {
                    0 => format!("{}() takes no arguments ({} given)", name, n),
                    1 => format!("{}() takes exactly one argument ({} given)", name, n),
                    _ => format!("{}() takes exactly {} arguments ({} given)", name, min, n),
                }
            } else if n < min {
                format!("{} expected at least {} argument{}, got {}", name, min, if min == 1 { "" } else { "s" }, n)
            } else {
                format!("{} expected at most {} argument{}, got {}", name, max, if max == 1 { "" } else { "s" }, n)
            };
            return Err(PyErr::type_error(msg));
        }
        Ok(())
    }
    pub fn no_kwargs(&self, name: &str) -> PyResult<()> {
        if !self.kwnames.is_empty() {
            return Err(PyErr::type_error(format!("{}() takes no keyword arguments", name)));
        }
        Ok(())
    }
    /// `TypeError` for any keyword not in `allowed`.
    pub fn allow_kwargs(&self, fname: &str, allowed: &[&str]) -> PyResult<()> {
        for k in self.kwnames {
            let k = k.as_str().unwrap_or("");
            if !allowed.contains(&k) {
                return Err(PyErr::type_error(format!("'{}' is an invalid keyword argument for {}()", k, fname)));
            }
        }
        Ok(())
    }
}

/// How a returning frame delivers its result.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Ret {
    /// Into register `0` of the caller's window.
    Reg(u16),
    /// `__init__` finished: the result must be None; the caller's register
    /// already holds the instance (stored there when the call started).
    Init(u16),
    /// An operator dunder `__op__(a, b)` run as a frame by the binary
    /// operator instruction: the result goes to register `dst` of the
    /// caller's window, unless it is NotImplemented, in which case the
    /// protocol goes on with the operands in registers `a` and `b`.
    BinOp { dst: u16, a: u16, b: u16, op: crate::bytecode::BinOp },
    /// A generator frame resumed by a `for` loop in the dispatch loop
    /// (`Vm::try_resume_for`): a yielded value goes to register `dst` of
    /// the caller's window; when the generator finishes, the caller
    /// continues at `target` (the loop's exit). `enumerate`: the loop runs
    /// over `enumerate(generator)` (`Vm::try_resume_enumerate`), so the
    /// value stored is the (count, value) pair.
    ForIter { dst: u16, target: u32, enumerate: bool },
    /// Back to the Rust code that started the frame (`Vm::run`).
    ToRust,
    /// A generator frame whose values a Rust loop collects (`Vm::gen_collect`:
    /// `list(gen)`, `tuple(gen)`, `sorted(gen)`...): a plain `yield` appends
    /// its value to `Vm::collected` and the frame goes on at once (the
    /// `yield` expression's value None, as `send(None)` gives), instead of
    /// suspending and returning to Rust for every item. Returns to Rust as
    /// `ToRust` does.
    Collect,
    /// A generator frame `sum()` runs (`Vm::gen_sum`): a plain `yield` of
    /// an int or float that adds to `Vm::sum_acc` without running code or
    /// overflowing (an int to an int total, an int or float to a float
    /// total) is added there and the frame goes on; any other value
    /// suspends the frame and goes to `sum`'s general addition.
    Sum,
    /// A generator frame `any()` (`truthy` false) or `all()` (`truthy`
    /// true) runs (`Vm::gen_skip`): a plain `yield` of a value whose truth
    /// is known without code and equals `truthy` is passed over in place
    /// (it cannot decide the answer); any other value suspends the frame
    /// and goes back to the builtin, which may stop there.
    Skip { truthy: bool },
}

// A frame's return mode stays one word.
const _: () = assert!(std::mem::size_of::<Ret>() == 8);

/// A call frame. Kept small: a Python call pushes one of these and nothing
/// else (the registers are a window of the VM's register stack).
pub struct Frame {
    /// The running code; kept alive by `func` (or `owner` for module code).
    pub code: *const CodeObj,
    /// The globals; kept alive like `code`.
    pub globals: *const DictObj,
    pub base: *mut Value,
    /// First free register slot above this frame's stack use.
    pub top: *mut Value,
    /// Index of the next instruction.
    pub pc: u32,
    /// `exc_stack` depth at entry: unwinding out of the frame truncates to it.
    pub exc_depth: u32,
    pub ret: Ret,
    /// The function being run (None for module and exec code).
    pub func: Option<PyRef<FunctionObj>>,
    /// The local namespace of class bodies and `exec` (when it is a dict;
    /// see `FrameExtra::locals_map`).
    pub locals: Option<PyRef<DictObj>>,
    /// Set when this frame runs a generator body.
    pub generator: Option<PyRef<GeneratorObj>>,
    /// What few frames need (boxed: one word, None in function calls).
    pub extra: Option<Box<FrameExtra>>,
}

/// The rarely used parts of a frame.
#[derive(Default)]
pub struct FrameExtra {
    /// Owns code and globals of frames without a function.
    pub owner: Option<(PyRef<CodeObj>, PyRef<DictObj>)>,
    /// A namespace that is not an exact dict (what a metaclass's
    /// `__prepare__` returned, a mapping given to `exec`): name stores,
    /// loads and deletes go through its `__setitem__`/`__getitem__`/
    /// `__delitem__`. `Frame::locals` is None then.
    pub locals_map: Option<Value>,
    /// The frame object `sys._getframe` (or a profile hook) made for this
    /// frame: the same object each time while the frame runs.
    pub object: Option<Value>,
}

impl Frame {
    /// The frame's namespace when it is not a dict (see `FrameExtra`).
    #[inline]
    pub fn locals_map(&self) -> Option<&Value> {
        self.extra.as_ref().and_then(|e| e.locals_map.as_ref())
    }

    /// A frame running `func`'s code with its registers at `base`.
    #[inline]
    pub fn for_function(func: PyRef<FunctionObj>, base: *mut Value, top: *mut Value, ret: Ret, exc_depth: u32) -> Frame {
        Frame {
            code: &*func.code as *const CodeObj,
            globals: &*func.globals as *const DictObj,
            base,
            top,
            pc: 0,
            exc_depth,
            ret,
            func: Some(func),
            locals: None,
            generator: None,
            extra: None,
        }
    }

    #[inline]
    pub fn code(&self) -> &CodeObj {
        // SAFETY: `func` or `owner` keeps the code object alive while the frame exists.
        unsafe { &*self.code }
    }

    #[inline]
    pub fn globals(&self) -> &DictObj {
        // SAFETY: as for `code`.
        unsafe { &*self.globals }
    }

    /// A counted reference to the code object.
    pub fn code_ref(&self) -> PyRef<CodeObj> {
        // SAFETY: `self.code` points into a live `ObjBox<CodeObj>` (see `code`).
        unsafe { PyRef::clone_from_raw(obj_box_of(self.code)) }
    }

    /// A counted reference to the globals.
    pub fn globals_ref(&self) -> PyRef<DictObj> {
        // SAFETY: as for `code_ref`.
        unsafe { PyRef::clone_from_raw(obj_box_of(self.globals)) }
    }
}

/// The `ObjBox` that holds the payload at `p` (payloads start at offset 16).
fn obj_box_of<T>(p: *const T) -> *const rc::ObjBox<T> {
    (p as *const u8).wrapping_sub(std::mem::offset_of!(rc::ObjBox<T>, data)) as *const rc::ObjBox<T>
}

/// Register stack capacity in values (lazily committed memory).
const STACK_VALUES: usize = 8 << 20;

thread_local! {
    /// Address near the base of the VM thread's native stack.
    static NATIVE_STACK_BASE: Cell<usize> = const { Cell::new(0) };
}

/// Native stack the VM thread is started with.
pub const NATIVE_STACK_SIZE: usize = 1 << 30;

pub struct Vm {
    stack: *mut Value,
    pub(crate) stack_end: *mut Value,
    pub frames: Vec<Frame>,
    pub types: Types,
    pub builtins: PyRef<DictObj>,
    pub builtins_module: Value,
    /// `sys.modules`.
    pub modules: PyRef<DictObj>,
    /// Exceptions being handled (innermost last), for `sys.exc_info()` and chaining.
    pub exc_stack: Vec<Value>,
    pub recursion_limit: usize,
    /// Shutting down (`sys.is_finalizing()`): set by `finalize_at_exit`.
    pub finalizing: bool,
    /// How many frames may be live: `recursion_limit` minus the levels
    /// of the recursion count that are not frames (`enter_level`: what
    /// CPython counts with `Py_EnterRecursiveCall` in C code, such as a
    /// class call before its `__init__` frame). Frame pushes compare
    /// `frames.len()` with it, so those levels cost the hot paths nothing.
    pub frame_limit: usize,
    /// Source text of files, for tracebacks.
    pub sources: HashMap<String, Rc<Vec<String>>>,
    pub stdout: std::io::BufWriter<std::io::Stdout>,
    /// When writes to the real stdout are flushed: at each write (`-u`),
    /// at each line (a terminal, as CPython's line buffering), or when the
    /// buffer fills or the program ends or writes to stderr (a pipe or file).
    pub stdout_flush: StdoutFlush,
    /// `sys.stdout` writes UTF-8, strict, without newline translation
    /// (until `reconfigure`): `print` writes its text as it is.
    pub stdout_plain: bool,
    /// Set by `Yield` when a generator frame suspends.
    pub(crate) yielded: bool,
    /// Values yielded by the running `Ret::Collect` generator frame.
    pub(crate) collected: Vec<Value>,
    /// The total of the running `Ret::Sum` generator frame.
    pub(crate) sum_acc: Value,
    /// The output buffer of `str % args` (`format::percent_format_value`),
    /// kept between calls: most results are short strs copied into their
    /// object, and the buffer's allocation and release were a fifth of a
    /// formatting loop.
    pub(crate) fmt_scratch: String,
    /// `sys.argv`.
    pub argv: Vec<String>,
    /// `sys.path`.
    pub path: Value,
    /// Depth of native (Rust) re-entries into the interpreter.
    pub native_depth: usize,
    /// Native stack addresses below this one are too deep (see
    /// `check_native_stack`; 0 when unknown).
    pub(crate) native_floor: usize,
    pub jit: crate::jit::JitState,
    /// Back-edge count at which the interpreter calls the JIT
    /// (`u32::MAX` when the JIT is off).
    pub jit_threshold: u32,
    /// `jit_threshold - jit::ENTRY_WATCH` (saturating): from this many
    /// entries on, a function's frame start looks at the JIT (records
    /// its argument types, then enters its compiled code). Set with
    /// `jit_threshold`.
    pub jit_watch: u32,
    /// The `sys` module.
    pub sys_module: Value,
    /// The original `sys.stdout` and `sys.stderr` objects (writes to them
    /// go straight to the process streams).
    pub std_streams: (Value, Value),
    pub started: std::time::Instant,
    /// Objects whose repr is being computed (cycle detection: `[...]`).
    pub repr_stack: Vec<usize>,
    /// Classes created on first use (`traceback`, module types, ...).
    pub lazy_classes: HashMap<&'static str, PyRef<ClassObj>>,
    /// Every code object compiled so far (for `--stats`).
    pub code_registry: Vec<PyRef<CodeObj>>,
    /// `sys.setprofile`'s function or an enabled `_lsprof` profiler
    /// (`profile.rs`).
    pub(crate) profile_hook: Option<profile::ProfileHook>,
    /// A hook is set and not running: events are sent.
    pub(crate) profile_on: bool,
    /// Frames `[0, profile_depth)` had their `call` event (or ran when the
    /// hook was set).
    pub(crate) profile_depth: usize,
    /// The JIT's thresholds while a hook is set (the JIT is off then).
    pub(crate) profile_saved_jit: (u32, u32),
}

impl Vm {
    pub fn new() -> Box<Vm> {
        let layout = std::alloc::Layout::array::<Value>(STACK_VALUES).unwrap();
        // SAFETY: all-zero bytes are a valid `Value::Undef` (tag 0), so the
        // zeroed allocation is an array of Undef values; untouched pages are
        // never committed.
        let stack = unsafe { std::alloc::alloc_zeroed(layout) as *mut Value };
        if stack.is_null() {
            std::alloc::handle_alloc_error(layout);
        }
        let marker = 0u8;
        NATIVE_STACK_BASE.with(|b| {
            if b.get() == 0 {
                b.set(&marker as *const u8 as usize)
            }
        });
        let types = Types::new();
        let builtins = DictObj::new();
        let mut vm = Box::new(Vm {
            stack,
            // SAFETY: one past the end of the allocation.
            stack_end: unsafe { stack.add(STACK_VALUES) },
            frames: Vec::with_capacity(256),
            types,
            builtins: builtins.clone(),
            builtins_module: Value::None,
            modules: DictObj::new(),
            exc_stack: Vec::new(),
            recursion_limit: 1000,
            finalizing: false,
            frame_limit: 1000,
            sources: HashMap::new(),
            stdout: std::io::BufWriter::with_capacity(1 << 16, std::io::stdout()),
            stdout_plain: true,
            stdout_flush: if std::io::IsTerminal::is_terminal(&std::io::stdout()) { StdoutFlush::Line } else { StdoutFlush::Block },
            yielded: false,
            collected: Vec::new(),
            sum_acc: Value::None,
            fmt_scratch: String::new(),
            argv: Vec::new(),
            path: Value::None,
            native_depth: 0,
            native_floor: NATIVE_STACK_BASE.with(|b| b.get()).saturating_sub(NATIVE_STACK_SIZE - (16 << 20)),
            jit: crate::jit::JitState::default(),
            jit_threshold: u32::MAX,
            jit_watch: u32::MAX,
            sys_module: Value::None,
            std_streams: (Value::None, Value::None),
            started: std::time::Instant::now(),
            repr_stack: Vec::new(),
            lazy_classes: HashMap::new(),
            code_registry: Vec::new(),
            profile_hook: None,
            profile_on: false,
            profile_depth: 0,
            profile_saved_jit: (u32::MAX, u32::MAX),
        });
        types::init_types(&mut vm);
        crate::builtins::init(&mut vm);
        crate::modules::init(&mut vm);
        vm
    }

    /// The first free register slot (where a new frame's window starts).
    #[inline]
    pub fn stack_top(&self) -> *mut Value {
        match self.frames.last() {
            Some(f) => f.top,
            None => self.stack,
        }
    }

    /// Checks that `n` more registers fit on the stack.
    #[inline]
    pub fn check_stack_room(&self, at: *mut Value, n: usize) -> PyResult<()> {
        // `wrapping_add`: the end being checked may lie past the allocation,
        // where `add` would be undefined behaviour; comparing is fine.
        if at.wrapping_add(n) > self.stack_end {
            return Err(PyErr::new(ExcKind::RecursionError, "maximum recursion depth exceeded"));
        }
        Ok(())
    }

    /// `RecursionError` when the native stack is nearly exhausted.
    #[inline]
    pub fn check_native_stack(&self) -> PyResult<()> {
        let marker = 0u8;
        let here = &marker as *const u8 as usize;
        let base = NATIVE_STACK_BASE.with(|b| b.get());
        if base != 0 && base.saturating_sub(here) > NATIVE_STACK_SIZE - (16 << 20) {
            return Err(PyErr::new(ExcKind::RecursionError, "maximum recursion depth exceeded"));
        }
        Ok(())
    }

    /// `check_native_stack` without the thread-local look-up (for the
    /// JIT's native calls).
    #[inline(always)]
    pub(crate) fn native_stack_low(&self) -> bool {
        let marker = 0u8;
        (&marker as *const u8 as usize) < self.native_floor
    }

    /// `RecursionError` when another Python frame would exceed the limit.
    #[inline]
    pub fn check_recursion(&self) -> PyResult<()> {
        if self.frames.len() >= self.frame_limit {
            return Err(PyErr::new(ExcKind::RecursionError, "maximum recursion depth exceeded"));
        }
        Ok(())
    }

    /// CPython's `Py_EnterRecursiveCall(what)`: one more level of the
    /// recursion count that is not a frame (C code of CPython that may
    /// call back into Python: calling a class or an instance, a rich
    /// comparison), so that `RecursionError` comes at CPython's depth.
    /// Pair with `leave_level`.
    #[inline]
    pub fn enter_level(&mut self, what: &str) -> PyResult<()> {
        if self.frames.len() >= self.frame_limit {
            return Err(PyErr::new(ExcKind::RecursionError, format!("maximum recursion depth exceeded{}", what)));
        }
        self.frame_limit -= 1;
        Ok(())
    }

    /// Called after pushing a `Ret::Init` frame: the class call it
    /// belongs to counts one level besides the frame, as CPython's
    /// `type.__call__` does; `pop_frame` gives it back when the frame
    /// goes. The caller has checked that the level is free.
    #[inline]
    pub(crate) fn push_init_level(&mut self) {
        self.frame_limit -= 1;
    }

    /// Ends an `enter_level`.
    #[inline]
    pub fn leave_level(&mut self) {
        self.frame_limit += 1;
    }

    /// `f()` between `enter_level(what)` and `leave_level`.
    #[inline]
    pub fn with_level<T>(&mut self, what: &str, f: impl FnOnce(&mut Vm) -> PyResult<T>) -> PyResult<T> {
        self.enter_level(what)?;
        let r = f(self);
        self.leave_level();
        r
    }

    /// The number of levels of the recursion count in use (frames and
    /// `enter_level`s), CPython's recursion depth.
    pub fn recursion_depth(&self) -> usize {
        self.frames.len() + (self.recursion_limit - self.frame_limit)
    }

    /// Flushes buffered stdout.
    pub fn flush_stdout(&mut self) {
        let _ = self.stdout.flush();
    }

    pub fn builtin_class(&self, kind: ExcKind) -> PyRef<ClassObj> {
        self.types.exc[kind as usize].clone()
    }

    /// Registers the source of a file for tracebacks.
    pub fn add_source(&mut self, filename: &str, source: &str) {
        let lines: Vec<String> = source.lines().map(|l| l.to_string()).collect();
        self.sources.insert(filename.to_string(), Rc::new(lines));
    }

    /// The source line `lineno` (1-based) of `filename`, if known.
    pub fn source_line(&mut self, filename: &str, lineno: u32) -> Option<String> {
        if !self.sources.contains_key(filename) {
            if let Ok(text) = std::fs::read_to_string(filename) {
                self.add_source(filename, &text);
            } else {
                return None;
            }
        }
        let lines = self.sources.get(filename)?;
        lines.get(lineno.checked_sub(1)? as usize).cloned()
    }

    /// Records a compiled code object and the ones nested in it.
    pub fn register_code(&mut self, code: &PyRef<CodeObj>) {
        self.code_registry.push(code.clone());
        for c in code.consts.iter() {
            if let Value::Code(inner) = c {
                self.register_code(inner);
            }
        }
    }

    /// Compiles `source`, raising `SyntaxError` on errors.
    pub fn compile_source(&mut self, source: &str, filename: &str, mode: crate::compiler::Mode) -> PyResult<PyRef<CodeObj>> {
        self.add_source(filename, source);
        match crate::frontend::compile(source, filename, mode) {
            Ok(c) => {
                self.register_code(&c);
                self.issue_compile_warnings(filename, source)?;
                Ok(c)
            }
            Err(e) => Err(exceptions::syntax_error(self, &e, filename, source)),
        }
    }

    /// `compile_source` for a module's source (`import`), through the
    /// compiled-code cache (`compiler/cache.rs`).
    pub fn compile_module_source(&mut self, source: &str, filename: &str) -> PyResult<PyRef<CodeObj>> {
        if let Some(c) = crate::compiler::cache::load(source, filename) {
            self.add_source(filename, source);
            self.register_code(&c);
            return Ok(c);
        }
        self.add_source(filename, source);
        match crate::frontend::compile(source, filename, crate::compiler::Mode::Exec) {
            Ok(c) => {
                self.register_code(&c);
                if !crate::compiler::has_warnings() {
                    crate::compiler::cache::store(source, filename, &c);
                }
                self.issue_compile_warnings(filename, source)?;
                Ok(c)
            }
            Err(e) => Err(exceptions::syntax_error(self, &e, filename, source)),
        }
    }

    /// Issues the last compilation's warnings (`SyntaxWarning`) through
    /// `warnings.warn_explicit`, as CPython's compiler does: shown on
    /// stderr with the source line by default, subject to the filters. A
    /// warning an `error` filter raises becomes a `SyntaxError` at the node
    /// it is about (CPython's `compiler_warn`), and the compilation fails.
    pub fn issue_compile_warnings(&mut self, filename: &str, source: &str) -> PyResult<()> {
        let ws = crate::compiler::take_warnings();
        if ws.is_empty() {
            return Ok(());
        }
        let m = self.import_module("warnings")?;
        let warn = self.get_attr(&m, "warn_explicit")?;
        let category = self.types.exc[ExcKind::SyntaxWarning as usize].clone();
        for w in ws {
            let args = [Value::str(w.msg), Value::Class(category.clone()), Value::str(filename), Value::Int(w.line as i64)];
            if let Err(e) = self.call_function(&warn, &args) {
                if !self.err_is(&e, ExcKind::SyntaxWarning) {
                    return Err(e);
                }
                let ce =
                    crate::compiler::CompileError { msg: w.msg.to_string(), line: w.line, col: 0, indentation: false, span: Some(w.span) };
                return Err(exceptions::syntax_error(self, &ce, filename, source));
            }
        }
        Ok(())
    }

    /// `--stats`: the hottest loops and functions.
    pub fn stats_report(&self) -> String {
        use std::fmt::Write;
        let mut loops: Vec<(u32, String)> = Vec::new();
        let mut funcs: Vec<(u32, String)> = Vec::new();
        for code in &self.code_registry {
            let entries = code.entry_count.get();
            if entries > 0 && code.name != "<module>" {
                funcs.push((entries, format!("{}:{} {}", display_path(&code.filename), code.firstlineno, code.qualname)));
            }
            for ins in code.instrs.iter() {
                if let crate::bytecode::Instr::Loop { target, counter } = ins {
                    let n = code.loop_counters[*counter as usize].get();
                    if n > 0 {
                        loops.push((n, format!("{}:{} in {}", display_path(&code.filename), code.line_at(*target), code.qualname)));
                    }
                }
            }
        }
        loops.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
        funcs.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
        let mut out = String::new();
        let _ = writeln!(out, "hottest loops (back-edges taken):");
        for (n, l) in loops.iter().take(10) {
            let _ = writeln!(out, "  {:>12}  {}", n, l);
        }
        let _ = writeln!(out, "hottest functions (calls):");
        for (n, l) in funcs.iter().take(10) {
            let _ = writeln!(out, "  {:>12}  {}", n, l);
        }
        out
    }

    /// Compiles and runs `source` as the `__main__` module.
    pub fn run_main(&mut self, source: &str, filename: &str) -> Result<(), PyErr> {
        // Versions and shapes of the program's dicts and classes (guard
        // constants in `--jit-log`) independent of what start-up made.
        crate::objects::dict::round_up_versions();
        crate::objects::dict::shape::round_up_shapes();
        // The dicts start-up made (builtins, the modules loaded) get
        // versions of the same round series.
        self.builtins.renew_version();
        for m in self.modules.values() {
            if let Value::Module(m) = m {
                m.dict.renew_version();
            }
        }
        types::round_up_class_versions();
        let code = self.compile_source(source, filename, crate::compiler::Mode::Exec)?;
        let module = self.new_module("__main__");
        if let Value::Module(m) = &module {
            m.dict.set_str("__file__", Value::str(filename));
            m.dict.set_str("__cached__", Value::None);
            self.modules.set_str("__main__", module.clone());
            self.run_code(code, m.dict.clone(), None)?;
        }
        Ok(())
    }

    /// A new module object with the standard attributes.
    pub fn new_module(&mut self, name: &str) -> Value {
        let dict = DictObj::new();
        dict.set_str("__name__", Value::str(name));
        dict.set_str("__doc__", Value::None);
        dict.set_str("__package__", Value::None);
        dict.set_str("__loader__", Value::None);
        dict.set_str("__spec__", Value::None);
        dict.set_str("__builtins__", self.builtins_module.clone());
        dict.set_str("__annotations__", Value::Dict(DictObj::new()));
        Value::Module(PyRef::new_tracked(ModuleObj { name: name.to_string(), dict }))
    }

    /// Runs module-level (or exec) code with the given namespaces.
    pub fn run_code(&mut self, code: PyRef<CodeObj>, globals: PyRef<DictObj>, locals: Option<PyRef<DictObj>>) -> PyResult<Value> {
        self.run_code_ns(code, globals, locals, None)
    }

    /// `run_code` with, when `locals_map` is given, that mapping as the
    /// local namespace (see `FrameExtra::locals_map`).
    pub fn run_code_ns(
        &mut self,
        code: PyRef<CodeObj>,
        globals: PyRef<DictObj>,
        locals: Option<PyRef<DictObj>>,
        locals_map: Option<Value>,
    ) -> PyResult<Value> {
        self.check_recursion()?;
        let base = self.stack_top();
        self.check_stack_room(base, code.nregs as usize)?;
        let exc_depth = self.exc_stack.len() as u32;
        // SAFETY: the window [base, base + nregs) is inside the stack.
        let top = unsafe { base.add(code.nregs as usize) };
        self.frames.push(Frame {
            code: &*code as *const CodeObj,
            globals: &*globals as *const DictObj,
            base,
            top,
            pc: 0,
            exc_depth,
            ret: Ret::ToRust,
            func: None,
            locals,
            generator: None,
            extra: Some(Box::new(FrameExtra { owner: Some((code, globals)), locals_map, object: None })),
        });
        let depth = self.frames.len();
        self.run(depth)
    }

    /// Pushes the frame of a Python function call, writing each field in
    /// place (building the record on the stack first and copying it costs a
    /// store-forwarding stall on every call).
    #[inline(always)]
    pub(crate) fn push_call_frame(&mut self, func: PyRef<FunctionObj>, base: *mut Value, top: *mut Value, ret: Ret) {
        let len = self.frames.len();
        if len == self.frames.capacity() {
            self.frames.reserve(len.max(64));
        }
        let exc_depth = self.exc_stack.len() as u32;
        // SAFETY: capacity for one more element was ensured above; every
        // field is initialised before `set_len` makes the record visible.
        unsafe {
            let p = self.frames.as_mut_ptr().add(len);
            std::ptr::addr_of_mut!((*p).code).write(&*func.code as *const CodeObj);
            std::ptr::addr_of_mut!((*p).globals).write(&*func.globals as *const DictObj);
            std::ptr::addr_of_mut!((*p).base).write(base);
            std::ptr::addr_of_mut!((*p).top).write(top);
            std::ptr::addr_of_mut!((*p).pc).write(0);
            std::ptr::addr_of_mut!((*p).exc_depth).write(exc_depth);
            std::ptr::addr_of_mut!((*p).ret).write(ret);
            std::ptr::addr_of_mut!((*p).func).write(Some(func));
            std::ptr::addr_of_mut!((*p).locals).write(None);
            std::ptr::addr_of_mut!((*p).generator).write(None);
            std::ptr::addr_of_mut!((*p).extra).write(None);
            self.frames.set_len(len + 1);
        }
    }

    /// `pop_frame` when the caller needs nothing more from the record: it
    /// is dropped in place (moving it out costs a store-forwarding stall,
    /// its pc having just been saved). Always inlined: it is the
    /// interpreter's return path.
    #[inline(always)]
    pub(crate) fn discard_top_frame(&mut self) {
        let fi = self.frames.len() - 1;
        let f = &self.frames[fi];
        let (init, clear, base) = (matches!(f.ret, Ret::Init(_)), f.generator.is_none(), f.base);
        let n = if clear { f.code().nregs as usize } else { 0 };
        if init {
            // The class call's level (see `Vm::push_init_level`).
            self.leave_level();
        }
        for i in 0..n {
            // SAFETY: the frame's window [base, base+n) is live stack memory.
            Value::clear(unsafe { &mut *base.add(i) });
        }
        // SAFETY: pops the top frame in place (dropping its fields); fi == len - 1.
        unsafe {
            let fp = self.frames.as_mut_ptr().add(fi);
            self.frames.set_len(fi);
            std::ptr::drop_in_place(fp);
        }
    }

    /// Pops the top frame, clearing its registers (stack frames only).
    pub(crate) fn pop_frame(&mut self) -> Frame {
        let f = self.frames.pop().unwrap();
        if let Ret::Init(_) = f.ret {
            // The class call's level (see `Vm::push_init_level`).
            self.leave_level();
        }
        if f.generator.is_none() {
            let n = f.code().nregs as usize;
            for i in 0..n {
                // SAFETY: the frame's window [base, base+n) is live stack memory.
                Value::clear(unsafe { &mut *f.base.add(i) });
            }
        }
        f
    }

    /// The current `sys.<name>` stream object.
    pub(crate) fn sys_stream(&self, name: &str) -> Value {
        match &self.sys_module {
            Value::Module(m) => m.dict.get_str(name).unwrap_or(Value::None),
            _ => Value::None,
        }
    }

    /// Writes to the real stdout, flushing as `stdout_flush` says.
    pub fn write_real_stdout(&mut self, b: &[u8]) {
        let _ = self.stdout.write_all(b);
        match self.stdout_flush {
            StdoutFlush::Block => {}
            StdoutFlush::Line if !b.contains(&b'\n') => {}
            _ => {
                let _ = self.stdout.flush();
            }
        }
    }

    /// Writes to stdout (or to a replacement `sys.stdout`).
    pub fn write_stdout(&mut self, s: &str) -> PyResult<()> {
        let out = self.sys_stream("stdout");
        if (out.is(&self.std_streams.0) && self.stdout_plain) || out.is_none() {
            self.write_real_stdout(s.as_bytes());
            Ok(())
        } else {
            self.call_method(&out, "write", &[Value::str(s)])?;
            Ok(())
        }
    }

    /// Writes to stderr (or to a replacement `sys.stderr`), flushing stdout first.
    pub fn write_stderr(&mut self, s: &str) {
        self.flush_stdout();
        let err = self.sys_stream("stderr");
        // The real stderr, or a replacement whose `write` failed.
        if err.is(&self.std_streams.1) || err.is_none() || self.call_method(&err, "write", &[Value::str(s)]).is_err() {
            let _ = std::io::stderr().write_all(s.as_bytes());
        }
    }
}

/// How the real stdout is flushed (`Vm::stdout_flush`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum StdoutFlush {
    Block,
    Line,
    Always,
}

impl Drop for Vm {
    fn drop(&mut self) {
        while !self.frames.is_empty() {
            self.pop_frame();
        }
        let layout = std::alloc::Layout::array::<Value>(STACK_VALUES).unwrap();
        // SAFETY: every frame is popped, so nothing refers to the stack; the
        // values left are Undef (frames clear their windows when popped).
        unsafe { std::alloc::dealloc(self.stack as *mut u8, layout) };
    }
}

/// The working directory when the process started (read at the first
/// call, which `main` makes before the program runs: a later `os.chdir`
/// does not change it).
pub fn start_dir() -> Option<&'static str> {
    static DIR: std::sync::OnceLock<Option<String>> = std::sync::OnceLock::new();
    DIR.get_or_init(|| std::env::current_dir().ok().map(|d| d.display().to_string())).as_deref()
}

/// A code object's file name as Spry's own reports show it (`--stats`,
/// `--jit-stats`, `--jit-log`): the main script as it was typed (its name
/// is the start directory, `/`, the path given: see `main.rs`
/// `script_path`), other files below the start directory relative to it.
pub fn display_path(name: &str) -> &str {
    start_dir().and_then(|d| name.strip_prefix(d)).and_then(|r| r.strip_prefix('/')).unwrap_or(name)
}

/// A `str` value from a Rust string.
pub fn s(v: &str) -> Value {
    Value::str(v)
}
