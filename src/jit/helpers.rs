//! Runtime helpers called from compiled loops.
//!
//! Every helper is `extern "C"` with 64-bit integer arguments (the JIT IR's
//! only call ABI). Registers are passed as pointers to their `Value` slots
//! in the frame; helpers read and write those slots with the usual
//! reference counting. Helpers that can fail return a status (`OK`,
//! `TRUE`/`JUMP`, `ERR`); on `ERR` the Python exception is left in
//! `JitCtx::err` and the compiled code leaves through an error exit.
//!
//! `exec_generic` executes any single instruction through the
//! interpreter's own machinery: it is what lets a loop containing an
//! unusual operation compile at all, and what `--jit-opt=none` uses for
//! every instruction.

use crate::bytecode::{code_flags, BinOp, CmpOp, CodeObj, Instr};
use crate::objects::*;
use crate::vm::interp::{cmp_i64, free_var_error, unbound_local, Step};
use crate::vm::{Args, PyErr, PyResult, Ret, Vm};

/// Status: done, or the condition was false.
pub const OK: u64 = 0;
/// Status: the condition was true, or the branch is taken.
pub const JUMP: u64 = 1;
/// Status: a Python exception is pending in `JitCtx::err`.
pub const ERR: u64 = 2;

/// What compiled code gets as its `ctx` argument.
#[repr(C)]
pub struct JitCtx {
    pub vm: *mut Vm,
    /// Index of the frame running the compiled loop.
    pub fi: usize,
    /// The loop being run (for the descriptions of inlined frames).
    pub lp: *const super::CompiledLoop,
    /// Scratch words for helpers returning several results.
    pub scratch: [u64; 12],
    pub err: Option<PyErr>,
    /// Where to enter the region: 0 at its header, `k` at the header of
    /// its `k`-th inner loop (`CompiledLoop::entries`). Compiled code that
    /// has inner entries reads it and sets it back to 0.
    pub entry: u64,
}

/// The result of executing one instruction generically.
pub enum Generic {
    Next,
    Jump,
}

#[inline]
unsafe fn ctx<'a>(c: u64) -> &'a mut JitCtx {
    // SAFETY: compiled code passes the `JitCtx` the VM created for this
    // activation; it outlives the call.
    unsafe { &mut *(c as *mut JitCtx) }
}

#[inline]
unsafe fn vm<'a>(c: &JitCtx) -> &'a mut Vm {
    // SAFETY: the VM is live and not otherwise borrowed while compiled code
    // runs (the hook that entered it holds no borrow across the call).
    unsafe { &mut *c.vm }
}

#[inline]
unsafe fn slot<'a>(p: u64) -> &'a mut Value {
    // SAFETY: compiled code passes pointers to register slots of live
    // frames (or to dict entries guarded by the dict's key version).
    unsafe { &mut *(p as *mut Value) }
}

fn status(c: &mut JitCtx, r: PyResult<()>) -> u64 {
    match r {
        Ok(()) => OK,
        Err(e) => {
            c.err = Some(e);
            ERR
        }
    }
}

fn status_bool(c: &mut JitCtx, r: PyResult<bool>) -> u64 {
    match r {
        Ok(b) => b as u64,
        Err(e) => {
            c.err = Some(e);
            ERR
        }
    }
}

/// Records the running instruction in the frame (for tracebacks of
/// exceptions raised in code the helper calls).
#[inline]
fn set_pc(v: &mut Vm, c: &JitCtx, pc: u64) {
    if let Some(f) = v.frames.get_mut(c.fi) {
        f.pc = pc as u32 + 1;
    }
}

/// Drops the value in a slot (leaving `Undef`).
pub extern "C" fn release(p: u64) {
    // SAFETY: see `slot`.
    Value::clear(unsafe { slot(p) });
}

/// Where compiled code calls `release` through `release_preserving`
/// (keeping every register: a rarely taken release clobbers nothing, so
/// the code around it keeps its values in registers); `None` where there
/// is no such trampoline.
pub fn release_preserving_addr() -> Option<usize> {
    #[cfg(target_arch = "x86_64")]
    return Some(release_preserving as *const () as usize);
    #[cfg(not(target_arch = "x86_64"))]
    return None;
}

/// `release(p)` keeping every register but the stack pointer's scratch
/// (System V's caller-saved general registers and XMM0-15, the only ones
/// Cranelift allocates), for calls with Cranelift's `PreserveAll`
/// convention. `release` runs no Python code and cannot unwind (an
/// `extern "C"` function aborts on a panic).
// SAFETY: the body is the whole function: it saves what it touches
// (the caller-saved registers; callee-saved ones `release` keeps itself),
// keeps the stack aligned for the call and returns with everything as it
// was but the stack memory below the caller's.
#[cfg(target_arch = "x86_64")]
#[unsafe(naked)]
pub extern "C" fn release_preserving(p: u64) {
    // (Entered with rsp = 8 mod 16; rbp and the 9 pushes make 0 mod 16
    // again after the 264-byte save area: `release` is called aligned.)
    core::arch::naked_asm!(
        "push rbp",
        "mov rbp, rsp",
        "push rax",
        "push rcx",
        "push rdx",
        "push rsi",
        "push rdi",
        "push r8",
        "push r9",
        "push r10",
        "push r11",
        "sub rsp, 264",
        "movdqu [rsp], xmm0",
        "movdqu [rsp + 16], xmm1",
        "movdqu [rsp + 32], xmm2",
        "movdqu [rsp + 48], xmm3",
        "movdqu [rsp + 64], xmm4",
        "movdqu [rsp + 80], xmm5",
        "movdqu [rsp + 96], xmm6",
        "movdqu [rsp + 112], xmm7",
        "movdqu [rsp + 128], xmm8",
        "movdqu [rsp + 144], xmm9",
        "movdqu [rsp + 160], xmm10",
        "movdqu [rsp + 176], xmm11",
        "movdqu [rsp + 192], xmm12",
        "movdqu [rsp + 208], xmm13",
        "movdqu [rsp + 224], xmm14",
        "movdqu [rsp + 240], xmm15",
        "call {f}",
        "movdqu xmm0, [rsp]",
        "movdqu xmm1, [rsp + 16]",
        "movdqu xmm2, [rsp + 32]",
        "movdqu xmm3, [rsp + 48]",
        "movdqu xmm4, [rsp + 64]",
        "movdqu xmm5, [rsp + 80]",
        "movdqu xmm6, [rsp + 96]",
        "movdqu xmm7, [rsp + 112]",
        "movdqu xmm8, [rsp + 128]",
        "movdqu xmm9, [rsp + 144]",
        "movdqu xmm10, [rsp + 160]",
        "movdqu xmm11, [rsp + 176]",
        "movdqu xmm12, [rsp + 192]",
        "movdqu xmm13, [rsp + 208]",
        "movdqu xmm14, [rsp + 224]",
        "movdqu xmm15, [rsp + 240]",
        "add rsp, 264",
        "pop r11",
        "pop r10",
        "pop r9",
        "pop r8",
        "pop rdi",
        "pop rsi",
        "pop rdx",
        "pop rcx",
        "pop rax",
        "pop rbp",
        "ret",
        f = sym release,
    );
}

/// Empties the `n` registers from `p` (dropping what they hold).
pub extern "C" fn release_slots(p: u64, n: u64) {
    crate::vm::interp::clear_temps(p as *mut Value, n as usize);
}

/// `*dst = (*src).clone()`.
pub extern "C" fn copy(dst: u64, src: u64) {
    // SAFETY: see `slot`.
    let v = unsafe { slot(src) }.clone();
    Value::store(unsafe { slot(dst) }, v);
}

/// The address of the attribute value instruction `pc` of `code` (a
/// `LoadAttr` or `StoreAttr`) reaches in the dict of instance `*obj`, or 0
/// when the attribute is not a plain instance-dict attribute.
pub extern "C" fn attr_addr(c: u64, obj: u64, code: u64, pc: u64) -> u64 {
    // SAFETY: see `ctx`, `vm`, `slot`; `code` is a live code object of the loop.
    let c = unsafe { ctx(c) };
    let (obj, code) = unsafe { (slot(obj), &*(code as *const CodeObj)) };
    unsafe { vm(c) }.attr_ptr(obj, code, pc as usize).map_or(0, |p| p as u64)
}

/// A compiled store into the dict of the instance in slot `obj` is about
/// to write a value with tag `tag` at `addr` (an entry of that dict),
/// replacing a value of another tag: notes it (`dict::shape::note`).
/// Returns 1 when a kind became mixed (the compiled code then leaves
/// before the store), else 0.
pub extern "C" fn kind_store(obj: u64, addr: u64, tag: u64) -> u64 {
    // SAFETY: see `slot`.
    let obj = unsafe { slot(obj) };
    match obj {
        Value::Instance(i) => match &i.dict {
            Some(d) => d.note_store_at(addr as *const Value, tag as u8) as u64,
            None => 1,
        },
        _ => 1,
    }
}

/// `kind_store` for a store into dict `d` (a module's globals).
pub extern "C" fn kind_store_dict(d: u64, addr: u64, tag: u64) -> u64 {
    // SAFETY: compiled code passes a dict its code keeps alive.
    let d = unsafe { &*(d as *const crate::objects::dict::DictObj) };
    d.note_store_at(addr as *const Value, tag as u8) as u64
}

/// `obj.name = *src` for `StoreAttr` instruction `pc` of `code` when that
/// runs no Python code (`Vm::store_attr_plain`: a plain instance attribute,
/// new or not): returns 0; else 1 (the compiled code then runs the
/// instruction generically).
pub extern "C" fn store_attr_plain(c: u64, obj: u64, src: u64, code: u64, pc: u64) -> u64 {
    // SAFETY: see `ctx`, `vm`, `slot`; `code` is a live code object of the
    // loop; `obj` and `src` are register slots of the loop's frames.
    let (c, obj, value, code) = unsafe { (ctx(c), slot(obj), slot(src).clone(), &*(code as *const CodeObj)) };
    let name = match code.instrs[pc as usize] {
        crate::bytecode::Instr::StoreAttr { name, .. } => &code.names[name as usize],
        _ => return 1,
    };
    // SAFETY: see `vm`.
    match unsafe { vm(c) }.store_attr_plain(obj, code, pc as usize, name, value) {
        Ok(()) => 0,
        Err(_) => 1,
    }
}

/// `*dst = iter(range(start, stop, step))` (`step` is not 0): returns the
/// address of the new iterator's next-value cell (as `iter_info` gives).
pub extern "C" fn range_iter(dst: u64, start: i64, stop: i64, step: i64) -> u64 {
    let it = crate::vm::iter::new_iter(IterKind::Range { next: std::cell::Cell::new(start), stop, step });
    let next = match &it {
        Value::Iter(io) => match &*io.kind.borrow() {
            IterKind::Range { next, .. } => next as *const std::cell::Cell<i64> as u64,
            _ => unreachable!(),
        },
        _ => unreachable!(),
    };
    // SAFETY: see `slot`.
    Value::store(unsafe { slot(dst) }, it);
    next
}

/// `BuildTuple`: the `n` values in the slots from `start` on are moved
/// into a new tuple (the slots left empty, as the interpreter's `take!`
/// leaves them), which is stored into slot `dst` (releasing what it held).
pub extern "C" fn build_tuple(start: u64, n: u64, dst: u64) {
    // SAFETY: see `slot`; compiled code passes a register window of `n`
    // slots and a destination slot of the same frame.
    let t = crate::objects::TupleObj::build(n as usize, |i| std::mem::take(unsafe { slot(start + 16 * i as u64) }));
    Value::store(unsafe { slot(dst) }, Value::Tuple(t));
}

/// `FormatValue` without conversion (`f"{x}"`, `f"{x:spec}"`): `*dst` =
/// the field's text when `format::format_field_fast` can make it (an exact
/// str, int or float and a simple spec: no Python code, no error); `spec`
/// is 0 for a field without a spec. Returns 0 when done, 1 otherwise
/// (compiled code then runs the instruction generically, which also
/// raises the errors).
pub extern "C" fn format_field(src: u64, spec: u64, dst: u64) -> u64 {
    // SAFETY: see `slot`; `spec`, when not 0, is a register slot too.
    let v = unsafe { crate::vm::format::format_field_fast(slot(src), if spec == 0 { None } else { Some(&*slot(spec)) }) };
    match v {
        Some(v) => {
            // SAFETY: see `slot`.
            Value::store(unsafe { slot(dst) }, v);
            0
        }
        None => 1,
    }
}

/// `*dst = *a % *b` for a str `*a` and an exact int, float or str `*b`
/// (or a tuple of those): printf-style formatting, which then runs no
/// Python code. Returns 0 when done, 1 otherwise (another operand, or an
/// error: compiled code then runs the instruction generically, which
/// raises it).
pub extern "C" fn str_mod(c: u64, a: u64, b: u64, dst: u64) -> u64 {
    // SAFETY: see `slot`.
    let (x, y) = unsafe { (slot(a), slot(b)) };
    let Value::Str(f) = &*x else { return 1 };
    let plain = |v: &Value| matches!(v, Value::Int(_) | Value::Float(_) | Value::Str(_));
    let ok = match &*y {
        Value::Tuple(t) => t.as_slice().iter().all(plain),
        v => plain(v),
    };
    if !ok {
        return 1;
    }
    // SAFETY: see `ctx`, `vm`.
    let v = unsafe { vm(ctx(c)) };
    match crate::vm::format::percent_format_value(v, f.as_str(), y) {
        Ok(s) => {
            // SAFETY: see `slot`.
            Value::store(unsafe { slot(dst) }, s);
            0
        }
        Err(_) => 1,
    }
}

/// `BuildString`: `*dst` = the concatenation of the `n` strs in the slots
/// from `start` on (left in place, as the interpreter leaves them). Runs
/// no Python code and cannot fail.
pub extern "C" fn build_string(start: u64, n: u64, dst: u64) {
    // SAFETY: see `slot`; compiled code passes a register window of `n`
    // slots and a destination slot of the same frame.
    let v = crate::vm::format::build_string(unsafe { std::slice::from_raw_parts(start as *const Value, n as usize) });
    // SAFETY: see `slot`.
    Value::store(unsafe { slot(dst) }, v);
}

/// `*dst = list(*src)` for a list or tuple `*src` (a new list of its
/// items; nothing can fail or run Python code).
pub extern "C" fn list_copy(src: u64, dst: u64) {
    // SAFETY: see `slot`; compiled code passes a list or tuple in `src`.
    let copy = match unsafe { slot(src) } {
        Value::List(l) => l.copy(),
        Value::Tuple(t) => crate::objects::ListObj::new(t.as_slice().to_vec()),
        _ => unreachable!("list_copy of a list or tuple"),
    };
    // SAFETY: see `slot`.
    Value::store(unsafe { slot(dst) }, Value::List(copy));
}

/// `*dst = tuple(src[0..n])`: builds a virtual `*args` tuple (`virtargs`)
/// from copies of the `n` register slots from `src`. `*dst` holds no
/// object (nothing to release). Cannot fail or run Python code.
pub extern "C" fn make_tuple(src: u64, n: u64, dst: u64) {
    // SAFETY: see `slot`; `src` starts `n` consecutive register slots.
    let items: Vec<Value> = (0..n).map(|i| unsafe { slot(src + 16 * i) }.clone()).collect();
    // SAFETY: see `slot`.
    let d = unsafe { slot(dst) };
    // (Written without dropping: the slot holds no object.)
    // SAFETY: `d` is a valid slot whose value owns nothing.
    unsafe { std::ptr::write(d, Value::tuple(items)) };
}

/// `*dst = iter(tuple(src[0..n]))` advanced by `pos` items: builds a
/// virtual iterator over a virtual `*args` tuple (`virtargs`). `*dst`
/// holds no object. Cannot fail or run Python code.
pub extern "C" fn make_seq_iter(src: u64, n: u64, pos: u64, dst: u64) {
    // SAFETY: see `slot`; `src` starts `n` consecutive register slots.
    let items: Vec<Value> = (0..n).map(|i| unsafe { slot(src + 16 * i) }.clone()).collect();
    let it = crate::vm::iter::new_iter(IterKind::Seq { seq: Value::tuple(items), index: std::cell::Cell::new(pos as usize) });
    // SAFETY: see `slot`; the slot owns nothing, so it is written without
    // dropping.
    unsafe { std::ptr::write(slot(dst), it) };
}

/// Builds a virtual list or tuple iterator (`viter`): the list or tuple
/// in slot `s` is replaced by an iterator over it at position `pos` (the
/// slot's reference moves into the iterator). Cannot fail, drop a
/// reference or run Python code.
pub extern "C" fn seq_iter_at(s: u64, pos: u64) {
    // SAFETY: see `slot`.
    let v = unsafe { slot(s) };
    let seq = std::mem::replace(v, Value::Undef);
    debug_assert!(matches!(seq, Value::List(_) | Value::Tuple(_)));
    let it = crate::vm::iter::new_iter(IterKind::Seq { seq, index: std::cell::Cell::new(pos as usize) });
    // SAFETY: see `slot`; the slot holds Undef, so it is written without
    // dropping.
    unsafe { std::ptr::write(slot(s), it) };
}

/// `*dst = dict(zip(names, src[0..n]))`: builds a virtual `**kwargs` dict
/// (`virtargs`) whose keys are the `str`s of the tuple `names` (a
/// constant of the compiled code), in order, with copies of the `n`
/// register slots from `src` as values, as the interpreter's argument
/// binding builds it. `*dst` holds no object. Cannot fail or run Python
/// code (the keys are distinct strings).
pub extern "C" fn make_kwdict(src: u64, names: u64, n: u64, dst: u64) {
    // SAFETY: `names` is the payload of a tuple constant the compiled
    // code keeps alive.
    let names = unsafe { &(*(names as *const crate::objects::rc::ObjBox<crate::objects::TupleObj>)).data };
    let d = crate::objects::DictObj::new();
    for (i, k) in names.as_slice().iter().enumerate().take(n as usize) {
        let h = match k {
            Value::Str(ks) => ks.hash(),
            _ => unreachable!("make_kwdict: keys are strings"),
        };
        // SAFETY: see `slot`; `src` starts `n` consecutive register slots.
        d.insert_new(k.clone(), h, unsafe { slot(src + 16 * i as u64) }.clone());
    }
    // SAFETY: see `slot`; the slot owns nothing, so it is written without
    // dropping.
    unsafe { std::ptr::write(slot(dst), Value::Dict(d)) };
}

/// Unpacks the tuple in `*src` into the `n` slots from `dst` if it has
/// exactly `n` items (returns 0), else returns 1 (the generic path then
/// raises the right error or unpacks another kind of iterable).
pub extern "C" fn unpack_tuple(src: u64, dst: u64, n: u64) -> u64 {
    // SAFETY: see `slot`; `dst` starts `n` consecutive register slots.
    let t = match unsafe { slot(src) } {
        Value::Tuple(t) if t.len() == n as usize => t.clone(),
        _ => return 1,
    };
    for (i, v) in t.as_slice().iter().enumerate() {
        Value::store(unsafe { slot(dst + 16 * i as u64) }, v.clone());
    }
    0
}

/// The function `LoadMethod` instruction `pc` of `code` resolves to for
/// instance `*obj` (a method of its class not shadowed by the instance
/// dict), as an object address, or 0.
pub extern "C" fn method_addr(c: u64, obj: u64, code: u64, pc: u64) -> u64 {
    // SAFETY: see `ctx`, `vm`, `slot`; `code` is a live code object of the loop.
    let c = unsafe { ctx(c) };
    let (obj, code) = unsafe { (slot(obj), &*(code as *const CodeObj)) };
    unsafe { vm(c) }.method_ptr(obj, code, pc as usize).unwrap_or(0)
}

/// A new instance of class `cls` (object address) into slot `dst`.
pub extern "C" fn new_instance(c: u64, cls: u64, dst: u64) {
    // SAFETY: see `ctx`, `vm`, `slot`; `cls` is a class the loop holds.
    let c = unsafe { ctx(c) };
    let cls = unsafe { PyRef::clone_from_raw(cls as *const crate::objects::rc::ObjBox<ClassObj>) };
    let v = unsafe { vm(c) }.new_instance(&cls);
    Value::store(unsafe { slot(dst) }, v);
}

/// The function method load `pc` of `code` resolves to for instance
/// `*obj` (`method_addr`), recorded in the load's receiver-class table
/// `table` (`translate::MethodTable`) under the class's version when it is
/// a plain function and, if `want` is not 0, is `want` (a table of a
/// site compiled for one method holds only classes giving that one). The
/// new pair goes first; the others move down, the last one drops out.
pub extern "C" fn method_fill(c: u64, obj: u64, code: u64, pc: u64, table: u64, want: u64) -> u64 {
    // SAFETY: see `ctx`, `vm`, `slot`; `code` is a live code object of the
    // loop; `table` is a table the running loop owns.
    let c = unsafe { ctx(c) };
    let (objv, code) = unsafe { (slot(obj), &*(code as *const CodeObj)) };
    let f = unsafe { vm(c) }.method_ptr(objv, code, pc as usize).unwrap_or(0);
    if f != 0 && (want == 0 || f == want) {
        if let Value::Instance(inst) = objv {
            // SAFETY: the class is only read.
            if let Value::Class(cls) = unsafe { inst.class.peek() } {
                // SAFETY: `table` is a `MethodTable` the running loop owns
                // (cells: compiled code reads it between calls only).
                let t = unsafe { &*(table as *const [std::cell::Cell<u64>; super::translate::TABLE_WORDS]) };
                let mut k = super::translate::TABLE_PAIRS - 2;
                while k >= 2 {
                    t[k].set(t[k - 2].get());
                    t[k + 1].set(t[k - 1].get());
                    k -= 2;
                }
                t[0].set(cls.version.get());
                t[1].set(f);
            }
        }
    }
    f
}

/// Whether the dict of instance `inst` (an `InstanceObj` box address)
/// lacks the str key `name` (a `StrObj` box address): a method of its
/// class is then not shadowed, and the dict's key version is recorded in
/// method table `table` (`translate::MethodTable`). 0 when it has the key
/// or has no dict.
pub extern "C" fn method_unshadowed(inst: u64, name: u64, table: u64) -> u64 {
    // SAFETY: compiled code passes the payload of an instance value and
    // the address of a name its code object holds.
    let (inst, name) = unsafe {
        (&(*(inst as *const crate::objects::rc::ObjBox<InstanceObj>)).data, &(*(name as *const crate::objects::rc::ObjBox<StrObj>)).data)
    };
    match &inst.dict {
        Some(d) if d.lacks_str(name) => {
            use super::translate::{SHAPE_KEY_BIT, TABLE_DICTS, TABLE_PAIRS, TABLE_WORDS};
            // SAFETY: a table the running loop owns.
            let t = unsafe { &*(table as *const [std::cell::Cell<u64>; TABLE_WORDS]) };
            // (A shape's keys never change: one that lacks the name always
            // will. Compiled code computes the same key.)
            let kv = match d.shape() {
                crate::objects::dict::shape::NO_SHAPE => d.keys_version(),
                s => s | SHAPE_KEY_BIT,
            };
            t[TABLE_PAIRS + (kv as usize & (TABLE_DICTS - 1))].set(kv);
            1
        }
        _ => 0,
    }
}

/// `C(args)` for a class `cls` whose `__init__` `init` is a setter
/// (`Vm::setter_init`: only `self.a = a` stores of parameters, into an
/// instance dict nothing intercepts; checked when the loop was compiled,
/// valid while the class version the compiled code guards is unchanged),
/// called with exactly its `n` positional parameters after `self`: the
/// instance is created with its dict filled from the argument slots
/// `dst + 16 .. dst + 16 * (n + 1)` in the body's order (as the
/// interpreter's `try_fast_init` does, without a frame), the argument
/// slots are cleared and the instance replaces the class in `*dst`.
/// `n_levels` is `n` in its low 16 bits, `levels` (the levels of the
/// inlined frames the call runs in) above; `shape` is the dict shape the
/// attributes make (`dict::shape::of_keys`, computed by the translator):
/// a fresh dict gets them all at once (`DictObj::fill_shaped`); its top
/// bit set: the translator found each argument's type to be its
/// position's kind (`dict::shape::note` has nothing to do). Returns `OK`, or `JUMP` with nothing done when the `__init__` frame
/// would reach the recursion limit: the compiled code then leaves and the
/// interpreter makes the call.
pub extern "C" fn construct_setter(c: u64, cls: u64, init: u64, dst: u64, n_levels: u64, shape: u64) -> u64 {
    // SAFETY: see `ctx`, `vm`.
    let c = unsafe { ctx(c) };
    let vm = unsafe { vm(c) };
    let (n, levels) = (n_levels & 0xffff, (n_levels >> 16) & 0xffff_ffff);
    if n_levels & NO_DEPTH_CHECK == 0 && vm.frames.len() + levels as usize + 1 >= vm.frame_limit {
        return JUMP;
    }
    // SAFETY: `cls` and `init` are a class and its `__init__` the loop
    // holds (the class version is guarded, so `init` is still its
    // `__init__`).
    let cls = unsafe { PyRef::clone_from_raw(cls as *const crate::objects::rc::ObjBox<ClassObj>) };
    let init: &FunctionObj = unsafe { &(*(init as *const crate::objects::rc::ObjBox<FunctionObj>)).data };
    let code: &CodeObj = &init.code;
    let n = n as usize;
    let body = &code.instrs[..code.instrs.len() - 1];
    let inst = vm.new_instance(&cls);
    if let Value::Instance(i) = &inst {
        if let Some(d) = &i.dict {
            // The attribute of store `i` of the body (every instruction
            // but the return is a store).
            let attr = |ins: &Instr| {
                let Instr::StoreAttr { name, src, .. } = *ins else { unreachable!("a setter `__init__` only stores") };
                let k = src as usize - 1;
                debug_assert!(k < n);
                // SAFETY: see `slot`; the arguments are the `n` slots after `dst`.
                let v = unsafe { slot(dst + 16 * (k as u64 + 1)) }.clone();
                let key = &code.names[name as usize];
                (Value::Str(key.clone()), key.hash(), v)
            };
            // A fresh (or recycled) dict takes all the attributes at once,
            // with the shape the translator computed for them.
            let noted = shape >> 63 != 0;
            if !d.fill_shaped(shape & !(1 << 63), body.len(), noted, |i| attr(&body[i])) {
                for ins in body {
                    let (k, h, v) = attr(ins);
                    d.insert_new_small(k, h, v);
                }
            }
        }
    }
    for k in 0..n {
        // SAFETY: as above.
        Value::clear(unsafe { slot(dst + 16 * (k as u64 + 1)) });
    }
    // SAFETY: see `slot`.
    Value::store(unsafe { slot(dst) }, inst);
    OK
}

/// `construct_setter`'s flag for building a virtual instance
/// (`Tr::build_vinst`): the recursion limit was checked at its
/// construction.
pub const NO_DEPTH_CHECK: u64 = 1 << 62;

/// The result of an inlined `__init__`: `OK` if it is None, else `ERR`
/// with CPython's TypeError.
pub extern "C" fn init_result(c: u64, v: u64) -> u64 {
    // SAFETY: see `ctx`, `vm`, `slot`.
    let c = unsafe { ctx(c) };
    let v = unsafe { slot(v) };
    if v.is_none() {
        return OK;
    }
    let msg = format!("__init__() should return None, not '{}'", unsafe { vm(c) }.type_name(v));
    c.err = Some(PyErr::type_error(msg));
    ERR
}

/// Runs the cycle collector if it is due (back-edge safe point).
pub extern "C" fn gc(c: u64) {
    // SAFETY: see `ctx`, `vm`.
    let c = unsafe { ctx(c) };
    unsafe { vm(c) }.gc_safe_point();
}

/// `dst = a <op> b` (`inplace` selects the augmented-assignment protocol).
pub extern "C" fn binop(c: u64, op: u64, dst: u64, a: u64, b: u64, pc: u64) -> u64 {
    // SAFETY: see `ctx`, `vm`, `slot`.
    let c = unsafe { ctx(c) };
    let v = unsafe { vm(c) };
    set_pc(v, c, pc);
    let (x, y) = unsafe { (slot(a).clone(), slot(b).clone()) };
    let bop = BinOp::ALL[(op & 0xff) as usize];
    let r = if op & 0x100 != 0 { v.inplace_op(bop, &x, &y) } else { v.binary_op(bop, &x, &y) };
    let r = r.map(|val| Value::store(unsafe { slot(dst) }, val));
    status(c, r)
}

/// `dst = a <op> b` after `type(a).__op__` returned NotImplemented.
pub extern "C" fn binop_reflected(c: u64, op: u64, dst: u64, a: u64, b: u64, pc: u64) -> u64 {
    // SAFETY: see `ctx`, `vm`, `slot`.
    let c = unsafe { ctx(c) };
    let v = unsafe { vm(c) };
    set_pc(v, c, pc);
    let (x, y) = unsafe { (slot(a).clone(), slot(b).clone()) };
    let r = v.binop_after_not_implemented(BinOp::ALL[op as usize], &x, &y).map(|val| Value::store(unsafe { slot(dst) }, val));
    status(c, r)
}

/// `dst = a <cmp> b` as a value.
pub extern "C" fn compare(c: u64, op: u64, dst: u64, a: u64, b: u64, pc: u64) -> u64 {
    // SAFETY: see `ctx`, `vm`, `slot`.
    let c = unsafe { ctx(c) };
    let v = unsafe { vm(c) };
    set_pc(v, c, pc);
    let (x, y) = unsafe { (slot(a).clone(), slot(b).clone()) };
    let r = v.compare(cmp_op(op), &x, &y).map(|val| Value::store(unsafe { slot(dst) }, val));
    status(c, r)
}

fn cmp_op(op: u64) -> CmpOp {
    const OPS: [CmpOp; 10] =
        [CmpOp::Lt, CmpOp::Le, CmpOp::Eq, CmpOp::Ne, CmpOp::Gt, CmpOp::Ge, CmpOp::Is, CmpOp::IsNot, CmpOp::In, CmpOp::NotIn];
    OPS[op as usize]
}

/// `a <cmp> b` as a truth value: 0, 1 or `ERR`.
pub extern "C" fn compare_bool(c: u64, op: u64, a: u64, b: u64, pc: u64) -> u64 {
    // SAFETY: see `ctx`, `vm`, `slot`.
    let c = unsafe { ctx(c) };
    let v = unsafe { vm(c) };
    set_pc(v, c, pc);
    let (x, y) = unsafe { (slot(a).clone(), slot(b).clone()) };
    let r = v.compare_bool(cmp_op(op), &x, &y);
    status_bool(c, r)
}

/// Whether two exact `str`s (their boxes' addresses) have the same text
/// (`Vm::native_compare`'s equality): 0 or 1. Runs no Python code and
/// changes nothing.
pub extern "C" fn str_eq(a: u64, b: u64) -> u64 {
    // SAFETY: compiled code passes the payloads of two live `str` values.
    let (a, b) =
        unsafe { (&(*(a as *const crate::objects::rc::ObjBox<StrObj>)).data, &(*(b as *const crate::objects::rc::ObjBox<StrObj>)).data) };
    (a.as_str() == b.as_str()) as u64
}

/// The truth value of `*a`: 0, 1 or `ERR`.
pub extern "C" fn truthy(c: u64, a: u64, pc: u64) -> u64 {
    // SAFETY: see `ctx`, `vm`, `slot`.
    let c = unsafe { ctx(c) };
    let v = unsafe { vm(c) };
    set_pc(v, c, pc);
    let x = unsafe { slot(a).clone() };
    let r = v.truthy(&x);
    status_bool(c, r)
}

/// `len(*a)` for a value of a type the translator does not know: the
/// length, or `u64::MAX` with the exception set (`__len__` may run Python
/// code and raise).
pub extern "C" fn len_of(c: u64, a: u64, pc: u64) -> u64 {
    // SAFETY: see `ctx`, `vm`, `slot`.
    let c = unsafe { ctx(c) };
    match unsafe { slot(a) } {
        Value::Str(s) => return s.len() as u64,
        Value::List(l) => return l.len() as u64,
        Value::Tuple(t) => return t.len() as u64,
        Value::Dict(d) => return d.len() as u64,
        _ => {}
    }
    let v = unsafe { vm(c) };
    set_pc(v, c, pc);
    let x = unsafe { slot(a).clone() };
    match v.len(&x) {
        Ok(n) => n as u64,
        Err(e) => {
            c.err = Some(e);
            u64::MAX
        }
    }
}

/// `int(*a)` (`which` 0), `float(*a)` (1) or `str(*a)` (2) of one
/// argument, the result stored into `*d`: `OK`, or `ERR` with the
/// exception set.
pub extern "C" fn convert1(c: u64, which: u64, a: u64, d: u64, pc: u64) -> u64 {
    // SAFETY: see `ctx`, `vm`, `slot`.
    let c = unsafe { ctx(c) };
    let v = unsafe { vm(c) };
    set_pc(v, c, pc);
    let x = unsafe { slot(a).clone() };
    let r = match which {
        0 => crate::builtins::types_num::int_from(v, &x),
        1 => crate::builtins::types_num::float_from(v, &x).map(Value::Float),
        _ => v.str_value(&x),
    };
    match r {
        Ok(val) => {
            // SAFETY: as above.
            Value::store(unsafe { slot(d) }, val);
            OK
        }
        Err(e) => {
            c.err = Some(e);
            ERR
        }
    }
}

/// Fills `out` for a fast iterator: returns 1 for a range iterator
/// (`out[0]` = address of its next value, `out[1]` = stop, `out[2]` =
/// step), 2 for a list iterator (`out[0]` = address of its index, `out[1]`
/// = address of the list's payload), 5 for a tuple iterator (as for a
/// list), 0 otherwise.
pub extern "C" fn iter_info(it: u64, out: u64) -> u64 {
    // SAFETY: see `slot`; `out` points to `JitCtx::scratch`.
    let out = unsafe { &mut *(out as *mut [u64; 4]) };
    if let Value::Iter(io) = unsafe { slot(it) } {
        if let Ok(k) = io.kind.try_borrow() {
            match &*k {
                // (Compiled code steps without overflow checks: a range
                // whose `stop + step` leaves the int64 range is iterated
                // by the interpreter.)
                IterKind::Range { next, stop, step } if stop.checked_add(*step).is_some() => {
                    out[0] = next as *const std::cell::Cell<i64> as u64;
                    out[1] = *stop as u64;
                    out[2] = *step as u64;
                    return 1;
                }
                IterKind::Seq { seq: seq @ Value::List(_), index } => {
                    out[0] = index as *const std::cell::Cell<usize> as u64;
                    // The list's object address (as in its value's payload).
                    out[1] = seq.words()[1];
                    return 2;
                }
                IterKind::Seq { seq: seq @ Value::Tuple(_), index } => {
                    out[0] = index as *const std::cell::Cell<usize> as u64;
                    out[1] = seq.words()[1];
                    return 5;
                }
                _ => {}
            }
        }
    }
    0
}

/// `iter(seq)` for the list or tuple in slot `src`, stored into slot
/// `dst` (releasing what it held; the two may be the same slot), then
/// `iter_info` of the iterator into `out`.
pub extern "C" fn get_iter_seq(src: u64, dst: u64, out: u64) -> u64 {
    // SAFETY: see `slot`; the source is cloned before the destination is
    // written.
    let seq = unsafe { slot(src) }.clone();
    debug_assert!(matches!(seq, Value::List(_) | Value::Tuple(_)));
    Value::store(unsafe { slot(dst) }, crate::vm::iter::new_iter(IterKind::Seq { seq, index: std::cell::Cell::new(0) }));
    iter_info(dst, out)
}

/// `zip(l1, ..., ln)` of the `n` (1..=4) lists in the slots from `args`
/// (a call's argument registers), stored into slot `dst` (the call's
/// function register, which holds the builtin); the argument slots are
/// emptied, as the interpreter's call drops its arguments (the zip's
/// iterators hold the lists: no last reference goes). Then `fused_info`
/// of the zip into `out`. Cannot fail or run Python code.
pub extern "C" fn zip_lists(args: u64, n: u64, dst: u64, out: u64) -> u64 {
    // SAFETY: see `slot`; `args` starts `n` consecutive register slots.
    let iters: Vec<Value> = (0..n)
        .map(|i| {
            let seq = unsafe { slot(args + 16 * i) }.clone();
            debug_assert!(matches!(seq, Value::List(_)));
            crate::vm::iter::new_iter(IterKind::Seq { seq, index: std::cell::Cell::new(0) })
        })
        .collect();
    let z = crate::vm::iter::new_iter(IterKind::Zip { iters: iters.into_boxed_slice(), strict: false });
    for i in 0..n {
        // SAFETY: as above.
        drop(std::mem::replace(unsafe { slot(args + 16 * i) }, Value::Undef));
    }
    // SAFETY: see `slot`.
    Value::store(unsafe { slot(dst) }, z);
    fused_info(dst, out)
}

/// Fills `out` (12 words) for iterators whose loops are compiled fused
/// with the unpacking of their items: returns `3 | n << 8` for a
/// non-strict `zip` of `n` (1..=4) list iterators (`out[2i]` = address of
/// iterator i's index, `out[2i+1]` = its list object), 4 for an
/// `enumerate` of a list iterator (`out[0]` = address of the count value,
/// `out[1]` = address of the index, `out[2]` = the list object), 0 otherwise.
pub extern "C" fn fused_info(it: u64, out: u64) -> u64 {
    // SAFETY: see `slot`; `out` points to `JitCtx::scratch`.
    let out = unsafe { &mut *(out as *mut [u64; 12]) };
    let list_iter = |v: &Value, o: &mut [u64]| -> bool {
        let mut w = [0u64; 4];
        if iter_info(v as *const Value as u64, &mut w as *mut [u64; 4] as u64) == 2 {
            o[0] = w[0];
            o[1] = w[1];
            true
        } else {
            false
        }
    };
    if let Value::Iter(io) = unsafe { slot(it) } {
        if let Ok(k) = io.kind.try_borrow() {
            match &*k {
                IterKind::Zip { iters, strict: false } if (1..=4).contains(&iters.len()) => {
                    // (Not one iterator twice, `zip(it, it)`: each step
                    // reads every index before advancing them.)
                    for (i, sub) in iters.iter().enumerate() {
                        if iters[..i].iter().any(|o| o.words()[1] == sub.words()[1]) {
                            return 0;
                        }
                    }
                    for (i, sub) in iters.iter().enumerate() {
                        if !list_iter(sub, &mut out[2 * i..]) {
                            return 0;
                        }
                    }
                    return 3 | (iters.len() as u64) << 8;
                }
                IterKind::Enumerate { it, count } if list_iter(it, &mut out[1..]) => {
                    out[0] = count.as_ptr() as u64;
                    return 4;
                }
                _ => {}
            }
        }
    }
    0
}

/// Executes the instruction at `pc` of frame `frame` (`u64::MAX`: the loop's
/// own frame, else an inlined frame of the running loop) through the
/// interpreter. Returns `OK` (go on with the next instruction), `JUMP`
/// (take the instruction's branch) or `ERR`.
pub extern "C" fn exec(c: u64, frame: u64, pc: u64) -> u64 {
    in_frame(c, frame, |v, fi| v.exec_generic(fi, pc as usize))
}

/// An int division by zero (`kind` 0: `//`, 1: `%`, 2: `/`): the
/// ZeroDivisionError the interpreter raises, pending in the context (the
/// compiled code takes the instruction's error exit next).
pub extern "C" fn zero_div(c: u64, kind: u64) {
    // SAFETY: see `ctx`.
    let c = unsafe { ctx(c) };
    c.err = Some(PyErr::zero_division(match kind {
        0 => "integer division or modulo by zero",
        1 => "integer modulo by zero",
        _ => "division by zero",
    }));
}

/// `PushExcInfo`: the exception in the slot at `exc` (the handler's
/// register) onto the VM's stack of handled exceptions, as the
/// interpreter does.
pub extern "C" fn push_exc_info(c: u64, exc: u64) {
    // SAFETY: see `ctx`, `vm`, `slot`.
    let c = unsafe { ctx(c) };
    let v = unsafe { vm(c) };
    let x = unsafe { slot(exc) }.clone();
    v.exc_stack.push(x);
}

/// `PopExcInfo`: the innermost handled exception off the VM's stack (the
/// compiled code makes a safe point next, as the interpreter does).
pub extern "C" fn pop_exc_info(c: u64) {
    // SAFETY: see `ctx`, `vm`.
    let c = unsafe { ctx(c) };
    let v = unsafe { vm(c) };
    v.exc_stack.pop();
}

/// `JumpIfNotExcMatch`: `JUMP` when the exception at `exc` is not an
/// instance of the class (or of none of the tuple's classes) at `cls`,
/// `OK` when it is, `ERR` (pending: a TypeError) when `cls` is not an
/// exception class. Runs no Python code.
pub extern "C" fn exc_not_match(c: u64, exc: u64, cls: u64) -> u64 {
    // SAFETY: see `ctx`, `vm`, `slot`.
    let c = unsafe { ctx(c) };
    let v = unsafe { vm(c) };
    let (x, k) = unsafe { (slot(exc), slot(cls)) };
    status_bool(c, v.exception_matches(x, k).map(|m| !m))
}

/// `catch`: the exception pending in the context (raised by instruction
/// `pc` of the loop's own frame) is caught by the handler the compiled
/// code jumps to next, whose register is `exc_reg`: what the
/// interpreter's `handle_exception` does for a frame with a handler.
pub extern "C" fn catch(c: u64, pc: u64, exc_reg: u64) {
    // SAFETY: see `ctx`, `vm`.
    let c = unsafe { ctx(c) };
    let v = unsafe { vm(c) };
    let err = c.err.take().unwrap_or_else(|| PyErr::runtime_error("JIT error exit without an exception"));
    v.catch_in_frame(c.fi, pc as usize, exc_reg as usize, err);
}

/// `catch` from inlined frame `frame` (an index into the loop's inline
/// frames), whose instruction `pc` raised the pending exception, to the
/// root frame's handler (register `exc_reg`), no inlined frame on the way
/// having one: what the interpreter's unwinding does with the frames an
/// exit would materialise. Each inlined frame, innermost first, gets its
/// traceback entry (at `pc`, then at its call in the parent) and its
/// window cleared (as `pop_frame` clears it); then the root frame catches
/// at its call of the outermost one.
pub extern "C" fn catch_inlined(c: u64, frame: u64, pc: u64, exc_reg: u64) {
    // SAFETY: see `ctx`, `vm`.
    let c = unsafe { ctx(c) };
    let v = unsafe { vm(c) };
    // SAFETY: `lp` is the running loop; `frame` indexes its inline frames.
    let lp = unsafe { &*c.lp };
    let mut err = c.err.take().unwrap_or_else(|| PyErr::runtime_error("JIT error exit without an exception"));
    let root_base = v.frames[c.fi].base;
    let mut at = Some(frame as u32);
    let mut p = pc as u32;
    while let Some(i) = at {
        let d = &lp.frames[i as usize];
        let Value::Function(f) = &d.func else { unreachable!("inline frames run functions") };
        v.note_unwound(&mut err, f.code.clone(), p, f.globals.clone());
        // SAFETY: as below; the window is cleared next. (The compiled code
        // wrote the frame's named locals back before the call.)
        unsafe { crate::vm::interp::move_locals_to_tb(&mut err, &f.code, root_base.add(d.offset as usize), d.nregs as usize) };
        for k in 0..d.nregs as usize {
            // SAFETY: the inline frame's window lies inside the stack area
            // reserved for the loop (checked on entry).
            Value::clear(unsafe { &mut *root_base.add(d.offset as usize + k) });
        }
        p = d.call_pc;
        at = d.parent;
    }
    v.catch_in_frame(c.fi, p as usize, exc_reg as usize, err);
}

/// `CallMethod` instruction `pc` whose callee (in its `base` register) is
/// a method of a builtin type and whose receiver is in the register after
/// it: the builtin is called directly (no generic dispatch), the result
/// goes to `base`. `frame` as for `exec`.
pub extern "C" fn call_builtin_method(c: u64, frame: u64, pc: u64) -> u64 {
    in_frame(c, frame, |v, fi| {
        let f = &v.frames[fi];
        let (base, code_ptr) = (f.base, f.code);
        // SAFETY: the frame keeps its code alive.
        let code: &CodeObj = unsafe { &*code_ptr };
        let crate::bytecode::Instr::CallMethod { base: b, nargs } = code.instrs[pc as usize] else {
            return v.exec_generic(fi, pc as usize);
        };
        // SAFETY: register operands are < nregs; the callee and its
        // receiver and arguments are the registers from `b`.
        let (callee, args) = unsafe { (&*base.add(b as usize), std::slice::from_raw_parts(base.add(b as usize + 1), nargs as usize + 1)) };
        let Value::Builtin(bf) = callee else {
            return v.exec_generic(fi, pc as usize);
        };
        if crate::objects::rc::gc_due() {
            v.gc_safe_point();
        }
        v.frames[fi].pc = pc as u32 + 1;
        if let (Value::Dict(d), 2 | 3) = (&args[0], args.len()) {
            if std::ptr::eq(bf.func as *const (), crate::builtins::types_dict::get as *const ()) && bf.this.is_undef() {
                // `d.get(k[, default])` of an exact dict: the lookup itself
                // (as the interpreter's `CallMethod` does).
                let d = d.clone();
                let key = args[1].clone();
                let default = args.get(2).cloned();
                let found = v.dict_get(&d, &key);
                // SAFETY: as above; the receiver and arguments are
                // temporaries the call consumes, as in the interpreter.
                crate::vm::interp::clear_temps(unsafe { base.add(b as usize + 1) }, nargs as usize + 1);
                let r = found?.unwrap_or_else(|| default.unwrap_or(Value::None));
                // SAFETY: as above.
                Value::store(unsafe { &mut *base.add(b as usize) }, r);
                return Ok(Generic::Next);
            }
        }
        let bf = bf.clone();
        let r = v.call_builtin(&bf, Args::new(args));
        // SAFETY: as above; the receiver and arguments are temporaries
        // the call consumes: dropped now, as the interpreter does, so
        // what only they held is freed (and finalized) at once.
        crate::vm::interp::clear_temps(unsafe { base.add(b as usize + 1) }, nargs as usize + 1);
        let r = r?;
        // SAFETY: as above.
        Value::store(unsafe { &mut *base.add(b as usize) }, r);
        if crate::objects::rc::gc_due() {
            // What the call or the clearing freed is finalized now.
            v.gc_safe_point();
        }
        Ok(Generic::Next)
    })
}

/// `*dst = (*obj)[*key]` when that needs no Python code and cannot fail:
/// an exact dict with a str or int key it holds, a list or tuple with an
/// int index in range. Returns 0 when done, 1 otherwise (compiled code then
/// runs the instruction generically, which also raises the errors).
pub extern "C" fn getitem_fast(obj: u64, key: u64, dst: u64) -> u64 {
    // SAFETY: see `slot`.
    let (o, k) = unsafe { (slot(obj), slot(key)) };
    let v = match (&*o, &*k) {
        (Value::Dict(d), Value::Str(s)) => match d.find_str_exact(s) {
            Some(Some(i)) => d.value_ref_at(i).clone(),
            _ => return 1,
        },
        (Value::Dict(d), Value::Int(k)) => match d.find_int_exact(*k) {
            Some(Some(i)) => d.value_ref_at(i).clone(),
            _ => return 1,
        },
        (Value::List(l), Value::Int(i)) => match Vm::seq_index(*i, l.len()).and_then(|j| l.get(j)) {
            Some(v) => v,
            None => return 1,
        },
        (Value::Tuple(t), Value::Int(i)) => match Vm::seq_index(*i, t.len()).and_then(|j| t.get(j)) {
            Some(v) => v.clone(),
            None => return 1,
        },
        _ => return 1,
    };
    // SAFETY: see `slot`.
    Value::store(unsafe { slot(dst) }, v);
    0
}

/// `(*obj)[*key] = *src` for an exact dict and a str or int key, when no
/// entry of the same hash has a key of another type (the value replaced or
/// the key inserted: no Python code, nothing can fail). Returns 0 when
/// done, 1 otherwise (compiled code then runs the instruction
/// generically).
pub extern "C" fn setitem_fast(obj: u64, key: u64, src: u64) -> u64 {
    // SAFETY: see `slot`.
    let (o, k, v) = unsafe { (slot(obj), slot(key), slot(src)) };
    // (As `Vm::dict_set` does for these keys: no Python code runs when
    // no entry of the same hash has a key of another type.)
    let (d, found, hash) = match (&*o, &*k) {
        (Value::Dict(d), Value::Str(s)) => (d, d.find_str_exact(s), s.hash()),
        (Value::Dict(d), Value::Int(n)) => (d, d.find_int_exact(*n), crate::objects::int::hash_i64(*n)),
        _ => return 1,
    };
    match found {
        Some(Some(i)) => d.set_value_at(i, v.clone()),
        Some(None) => {
            d.insert_new(k.clone(), hash, v.clone());
        }
        None => return 1,
    }
    0
}

/// `GetItem` or `SetItem` instruction `pc`, as `exec` runs it, through a
/// helper of its own (a direct call from compiled code instead of the
/// dispatch of `exec_generic`, whose indirect jump mispredicts when a loop
/// runs several instructions generically). `frame` as for `exec`.
pub extern "C" fn exec_item(c: u64, frame: u64, pc: u64) -> u64 {
    in_frame(c, frame, |v, fi| {
        let f = &v.frames[fi];
        let (base, code_ptr) = (f.base, f.code);
        // SAFETY: the frame keeps its code alive.
        let code: &CodeObj = unsafe { &*code_ptr };
        // SAFETY (both arms): register operands are < nregs.
        match code.instrs[pc as usize] {
            crate::bytecode::Instr::GetItem { dst, obj, key } => {
                v.frames[fi].pc = pc as u32 + 1;
                let (o, k) = unsafe { ((*base.add(obj as usize)).clone(), (*base.add(key as usize)).clone()) };
                let r = v.get_item(&o, &k)?;
                Value::store(unsafe { &mut *base.add(dst as usize) }, r);
                Ok(Generic::Next)
            }
            crate::bytecode::Instr::SetItem { obj, key, src } => {
                v.frames[fi].pc = pc as u32 + 1;
                let (o, k, x) =
                    unsafe { ((*base.add(obj as usize)).clone(), (*base.add(key as usize)).clone(), (*base.add(src as usize)).clone()) };
                v.set_item(&o, &k, x)?;
                Ok(Generic::Next)
            }
            _ => v.exec_generic(fi, pc as usize),
        }
    })
}

/// `Call` or `CallMethod` instruction `pc` (`frame` as for `exec`): a
/// Python function called with exactly its positional parameters gets its
/// frame from the interpreter's fast binder and runs at once (its compiled
/// code directly when it has some: `Vm::run_callee`); any other call runs
/// as `exec` runs it.
pub extern "C" fn exec_call(c: u64, frame: u64, pc: u64) -> u64 {
    if frame != u64::MAX {
        return in_frame(c, frame, |v, fi| v.exec_call(std::ptr::null_mut(), fi, pc as usize));
    }
    // The loop's own frame: the callee's compiled code runs with this
    // `JitCtx` (its frame index and loop switched for the call).
    let cx = c as *mut JitCtx;
    // SAFETY: see `ctx`, `vm`; `cx` is not otherwise borrowed while the
    // call runs (`Vm::call_compiled` reads and writes it by pointer).
    let (v, fi) = unsafe { (vm(&*cx), (*cx).fi) };
    match v.exec_call(cx, fi, pc as usize) {
        Ok(Generic::Next) => OK,
        Ok(Generic::Jump) => JUMP,
        Err(e) => {
            // SAFETY: as above; the call is over.
            unsafe { (*cx).err = Some(e) };
            ERR
        }
    }
}

/// After a compiled self-call (`selfcall`, `Tr::self_call`) whose callee's
/// run ended with `r` other than a compiled `return` of a register: the
/// callee's frame (pushed by the compiled code, the top frame; the
/// context already back to the loop's frame) is finished as `exec_call`
/// finishes it, the `k` records of inlined frames under it are dropped
/// (they own nothing: as in `in_frame`), and the result is stored in
/// register `func` of the loop's window (an absolute register).
///
/// `p`: 0 for a self-call (the callee's region is the running one), or
/// the callee's region, of which the compiled code took a reference for
/// the call (`directcall`), given back here.
pub extern "C" fn native_finish(c: u64, r: u64, func: u64, k: u64, p: u64) -> u64 {
    let cx = c as *mut JitCtx;
    // SAFETY: see `ctx`, `vm`; `cx` is only accessed by pointer meanwhile.
    let (v, fi, lp) = unsafe { (vm(&*cx), (*cx).fi, (*cx).lp) };
    let (p, own) = if p == 0 { (lp, false) } else { (p as *const super::CompiledLoop, true) };
    let cfi = v.frames.len() - 1;
    let (code_ptr, new_base, base) = (v.frames[cfi].code, v.frames[cfi].base, v.frames[fi].base);
    let res = v.finish_native(cx, p, own, code_ptr, new_base, cfi, r);
    debug_assert!(v.frames.len() == cfi);
    // SAFETY: the records of the inlined frames own nothing (borrowed
    // functions; see `frame_template`): forgetting them is dropping them.
    unsafe { v.frames.set_len(cfi - k as usize) };
    match res {
        Ok(x) => {
            // SAFETY: `func` is a register of the caller's window.
            Value::store(unsafe { &mut *base.add(func as usize) }, x);
            if crate::objects::rc::gc_due() {
                // As after `call_compiled`: finalizers of the callee's
                // registers run before the caller goes on.
                v.gc_safe_point();
            }
            OK
        }
        Err(e) => {
            // SAFETY: as above.
            unsafe { (*cx).err = Some(e) };
            ERR
        }
    }
}

/// Drops the last reference to a compiled region (`p`, as `Rc::as_ptr`
/// gave it), taken by a compiled direct call (`directcall`) for the run
/// of the callee, which was invalidated meanwhile.
pub extern "C" fn drop_region(p: u64) {
    // SAFETY: the compiled code took a strong reference to the region
    // before the call (through the count's address, `rc_strong`) and
    // gives it back here.
    unsafe { std::rc::Rc::decrement_strong_count(p as *const super::CompiledLoop) };
}

/// `*profile |= bit` (a call site's result profile, from compiled code).
pub extern "C" fn profile_or(profile: u64, bit: u64) {
    // SAFETY: compiled code passes the address of an instruction cache's
    // profile byte (a code object's caches are never reallocated).
    unsafe { *(profile as *mut u8) |= bit as u8 };
}

/// Runs `f` on the frame of the instruction: the loop's own frame
/// (`frame` = -1), or an inlined frame (an index into the loop's inline
/// frames), which gets a real frame while `f` runs, so that everything
/// the interpreter looks at is there. Returns the helper status.
fn in_frame(c: u64, frame: u64, f: impl FnOnce(&mut Vm, usize) -> PyResult<Generic>) -> u64 {
    // SAFETY: see `ctx`, `vm`.
    let c = unsafe { ctx(c) };
    let v = unsafe { vm(c) };
    let r = if frame == u64::MAX {
        f(v, c.fi)
    } else {
        // SAFETY: `lp` is the running loop; `frame` indexes its inline frames.
        let lp = unsafe { &*c.lp };
        // The chain of inlined frames down to this one (outermost first):
        // each gets a real frame, so that frame introspection and the
        // recursion count see what the interpreter would.
        let mut chain = [0u32; 8];
        let mut k = 0;
        let mut at = Some(frame as u32);
        while let Some(i) = at {
            chain[k] = i;
            k += 1;
            at = lp.frames[i as usize].parent;
        }
        let root_base = v.frames[c.fi].base;
        let first = v.frames.len();
        for &i in chain[..k].iter().rev() {
            let d = &lp.frames[i as usize];
            // SAFETY: the inline frame's window lies inside the stack area
            // reserved for the loop (checked on entry).
            let base = unsafe { root_base.add(d.offset as usize) };
            let top = unsafe { base.add(d.nregs as usize) };
            // A borrowed reference: the loop's frame description holds
            // the function while it runs, and the frame is forgotten, not
            // dropped, below (no reference counting on this path).
            let func = match &d.func {
                // SAFETY: see above; the copy is never dropped.
                Value::Function(f) => unsafe { std::ptr::read(f) },
                _ => unreachable!("inline frames run functions"),
            };
            // The caller is at the call (helpers set the innermost pc).
            v.frames.last_mut().unwrap().pc = d.call_pc + 1;
            // (Written in place: building the record and moving it costs
            // more than the call it serves when the callee runs natively.)
            v.push_call_frame(func, base, top, Ret::Reg(0));
        }
        // `__init__` calls' own levels count towards the recursion limit
        // as in the interpreter; the loop's entry check left room for them.
        let extra = lp.frames[frame as usize].levels as usize - k;
        let fi = v.frames.len() - 1;
        v.frame_limit -= extra;
        let r = f(v, fi);
        v.frame_limit += extra;
        // Pop without clearing: the registers stay with the compiled code.
        // Everything above `first` is a frame pushed here (calls made by
        // `f` pop their own frames, unwinding included).
        debug_assert!(v.frames.len() == first + k);
        // SAFETY: the frames pushed above own nothing (a borrowed
        // function; no locals, generator or extra record): forgetting
        // them is dropping them, less the borrowed reference.
        unsafe { v.frames.set_len(first) };
        r
    };
    match r {
        Ok(Generic::Next) => OK,
        Ok(Generic::Jump) => JUMP,
        Err(e) => {
            c.err = Some(e);
            ERR
        }
    }
}

impl Vm {
    /// See `exec_call`. `cx` is the caller's `JitCtx` when frame `fi` is
    /// the one running compiled code (the callee then reuses it), null for
    /// an inlined frame.
    #[inline(always)]
    fn exec_call(&mut self, cx: *mut JitCtx, fi: usize, pc: usize) -> PyResult<Generic> {
        let f = &self.frames[fi];
        let (base, code_ptr) = (f.base, f.code);
        // SAFETY: the frame keeps its code alive.
        let code: &CodeObj = unsafe { &*code_ptr };
        // SAFETY (both): register operands are < nregs.
        let (func, start, n) = match code.instrs[pc] {
            Instr::Call { func, nargs } => (func, func as usize + 1, nargs as usize),
            Instr::CallMethod { base: b, nargs } if !unsafe { &*base.add(b as usize + 1) }.is_undef() => {
                (b, b as usize + 1, nargs as usize + 1)
            }
            _ => return self.exec_generic(fi, pc),
        };
        // SAFETY: as above. The callee stays in register `func` (not an
        // argument register, which the binder moves) until the call's
        // result replaces it, after the borrow's last use.
        let Value::Function(callee) = (unsafe { &*base.add(func as usize) }) else {
            return self.exec_generic(fi, pc);
        };
        self.frames[fi].pc = pc as u32 + 1;
        let ccode: &CodeObj = &callee.code;
        let p = ccode.jit_entry.get() as *const super::CompiledLoop;
        if !p.is_null()
            && ccode.argcount as usize == n
            && ccode.flags & (code_flags::VARARGS | code_flags::VARKEYWORDS | code_flags::GENERATOR) == 0
            && ccode.kwonlyargcount == 0
            && ccode.freevars.is_empty()
        {
            // SAFETY: see `Vm::jit_function_entry`: the record holds the
            // region while `jit_entry` is set.
            let lp = unsafe { &*p };
            let new_base = self.frames[fi].top;
            let room = lp.extent.max(ccode.nregs as usize);
            if new_base.wrapping_add(room) <= self.stack_end && self.frames.len() + 2 * lp.depth + 2 < self.frame_limit {
                // Native recursion: compiled code, this helper and the
                // callee's compiled code nest on the native stack.
                if self.native_stack_low() {
                    return Err(PyErr::new(crate::vm::ExcKind::RecursionError, "maximum recursion depth exceeded"));
                }
                if crate::objects::rc::gc_due() {
                    self.gc_safe_point();
                }
                // A borrowed reference (no reference counting): register
                // `func` holds the function until the call's result
                // replaces it, after the frame is gone (see
                // `call_compiled`). The collector leaves it there.
                // SAFETY: as above; the copy is never dropped.
                let callee = match unsafe { &*base.add(func as usize) } {
                    Value::Function(f) => unsafe { std::ptr::read(f) },
                    _ => unreachable!("the collector does not change live registers"),
                };
                return self.call_compiled(cx, callee, p, base, func, start, n, new_base, room);
            }
        }
        if self.try_fast_call(fi, callee, base, start, n, func) {
            self.run_pushed_frame()?;
            return Ok(Generic::Next);
        }
        self.exec_generic(fi, pc)
    }

    /// Calls `callee` (a borrowed copy of the function in the caller's
    /// register `func`, which keeps it alive: the frame owns no reference
    /// until it is handed to the interpreter; whose compiled
    /// whole-function code is `p`) with the `n` arguments in registers `start..` of the caller's window at
    /// `base` (moved to the new window at `new_base`, which has room for
    /// `room` registers: the region's extent); the result goes to the
    /// caller's register `func`. The frame is a real VM frame (tracebacks,
    /// frame introspection); a compiled `return` pops it here, any other
    /// exit lets the interpreter finish it. `cx`: the caller's `JitCtx`
    /// to reuse (its frame index and loop are switched for the call and
    /// restored), or null (a fresh one is built).
    #[allow(clippy::too_many_arguments)]
    #[inline(always)]
    fn call_compiled(
        &mut self,
        cx: *mut JitCtx,
        callee: PyRef<FunctionObj>,
        p: *const super::CompiledLoop,
        base: *mut Value,
        func: u16,
        start: usize,
        n: usize,
        new_base: *mut Value,
        room: usize,
    ) -> PyResult<Generic> {
        let code_ptr: *const CodeObj = &*callee.code;
        for i in 0..n {
            // SAFETY: the new window lies above every live frame (room
            // checked by the caller) and holds only Undef values; the
            // argument registers are the caller's.
            unsafe { Value::move_to_fresh(base.add(start + i), new_base.add(i)) };
        }
        // SAFETY: inside the stack (checked by the caller).
        let need = unsafe { new_base.add(room) };
        self.push_call_frame(callee, new_base, need, Ret::ToRust);
        let cfi = self.frames.len() - 1;
        let mut fresh = JitCtx { vm: self as *mut Vm, fi: cfi, lp: p, scratch: [0; 12], err: None, entry: 0 };
        let (cx, saved) = if cx.is_null() {
            (&mut fresh as *mut JitCtx, None)
        } else {
            // SAFETY: the caller's context, live for its whole run and
            // only accessed through this pointer meanwhile.
            unsafe {
                let saved = Some(((*cx).fi, (*cx).lp));
                (*cx).fi = cfi;
                (*cx).lp = p;
                (cx, saved)
            }
        };
        // The running loop's own code needs no new reference (a
        // recursive call: the caller's activation keeps it alive); any
        // other callee's does, in case it is invalidated while it runs.
        let own = saved.is_none_or(|(_, l)| l != p);
        if own {
            // SAFETY: see `Vm::jit_function_entry`: the record holds the
            // region while `jit_entry` is set (checked by the caller).
            unsafe { std::rc::Rc::increment_strong_count(p) };
        }
        // SAFETY: alive (see above).
        let lp: &super::CompiledLoop = unsafe { &*p };
        lp.runs.set(lp.runs.get() + 1);
        lp.native_runs.set(lp.native_runs.get() + 1);
        // SAFETY: the code was compiled for frames of this function; the
        // window has room for its extent (checked by the caller); the
        // context outlives the call.
        let r = unsafe { (lp.entry)(new_base as *mut u8, cx as *mut u8) };
        if let Some((f, l)) = saved {
            // SAFETY: as above.
            unsafe {
                (*cx).fi = f;
                (*cx).lp = l;
            }
        }
        let v = self.finish_native(cx, p, own, code_ptr, new_base, cfi, r)?;
        // SAFETY: `func` is a register of the caller's window.
        Value::store(unsafe { &mut *base.add(func as usize) }, v);
        if crate::objects::rc::gc_due() {
            // The popped frame's registers may have queued finalizers:
            // they run before the caller's next instruction, as in the
            // interpreter (`run_pushed_frame`).
            self.gc_safe_point();
        }
        Ok(Generic::Next)
    }

    /// What follows the run of a natively called frame `cfi` (window at
    /// `new_base`, code `code_ptr`, compiled code `p`) that ended with
    /// `r`: a compiled `return` pops the frame here; any other exit
    /// lets the interpreter finish it. `own`: the call took a reference
    /// to `p` (given back here). Returns the call's result.
    #[allow(clippy::too_many_arguments)]
    #[inline(always)]
    fn finish_native(
        &mut self,
        cx: *mut JitCtx,
        p: *const super::CompiledLoop,
        own: bool,
        code_ptr: *const CodeObj,
        new_base: *mut Value,
        cfi: usize,
        r: u64,
    ) -> PyResult<Value> {
        // SAFETY: alive (a reference is held, by the caller or `own`).
        let lp: &super::CompiledLoop = unsafe { &*p };
        Ok(match lp.exits.get(r as usize) {
            Some(exit) if exit.returns => {
                exit.count.set(exit.count.get() + 1);
                // SAFETY: the frame (still pushed) keeps its code alive.
                let v = match unsafe { (*code_ptr).instrs[exit.pc as usize] } {
                    // SAFETY: `src` is a register of the returning frame.
                    Instr::Return { src } => std::mem::take(unsafe { &mut *new_base.add(src as usize) }),
                    _ => Value::None,
                };
                if own {
                    // SAFETY: the reference taken above.
                    unsafe { std::rc::Rc::decrement_strong_count(p) };
                }
                // As the interpreter's `Return` into a Python caller: the
                // window is cleared and the record forgotten.
                // SAFETY: the frame keeps its code alive.
                let nregs = unsafe { (*code_ptr).nregs as usize };
                for i in 0..nregs {
                    // SAFETY: the frame's window is live stack memory.
                    Value::clear(unsafe { &mut *new_base.add(i) });
                }
                // SAFETY: the record owns nothing: a borrowed function
                // (see above), no locals, generator or extra part (only
                // class bodies and generators have those), `Ret::ToRust`.
                unsafe { self.frames.set_len(cfi) };
                let caller = &self.frames[cfi - 1];
                // SAFETY: the caller's code outlives its frame; its pc
                // was set past the call.
                let cache = unsafe { (*caller.code).cache(caller.pc as usize - 1) };
                let bit = crate::jit::profile_bit(&v);
                if cache.profile & bit == 0 {
                    cache.profile |= bit;
                }
                v
            }
            _ => {
                // A guard failed, an exception, inlined frames: the
                // interpreter finishes the frame as it does any other,
                // and drops the record: it now owns its function.
                if let Some(f) = &self.frames[cfi].func {
                    std::mem::forget(f.clone());
                }
                // SAFETY: the reference taken above, or a new one.
                let lp = unsafe {
                    if !own {
                        std::rc::Rc::increment_strong_count(p);
                    }
                    std::rc::Rc::from_raw(p)
                };
                // SAFETY: the frame keeps its code alive.
                self.frames[cfi].top = unsafe { new_base.add((*code_ptr).nregs as usize) };
                let depth = cfi + 1;
                let key = (code_ptr as usize, super::FUNCTION_KEY);
                // SAFETY: the context is not otherwise borrowed.
                let v = match self.jit_finish(cfi, key, lp, r, unsafe { &mut *cx }) {
                    super::Outcome::NotRun | super::Outcome::Reload => self.run(depth),
                    super::Outcome::Resume(p) => {
                        self.frames[cfi].pc = p as u32;
                        self.run(depth)
                    }
                    super::Outcome::Raise(e) => match self.handle_exception(e, depth) {
                        Ok(()) => self.run(depth),
                        Err(e) => Err(e),
                    },
                };
                v?
            }
        })
    }

    /// Executes instruction `pc` of frame `fi` with the generic semantics of
    /// the interpreter (no fast paths needed). Instructions that leave the
    /// frame (returns, yields) are never passed here.
    pub(crate) fn exec_generic(&mut self, fi: usize, pc: usize) -> PyResult<Generic> {
        let f = &self.frames[fi];
        let (base, code_ptr, globals_ptr) = (f.base, f.code, f.globals);
        // SAFETY: the frame keeps its code and globals alive.
        let code: &CodeObj = unsafe { &*code_ptr };
        let globals: &DictObj = unsafe { &*globals_ptr };
        let ins = code.instrs[pc];
        self.frames[fi].pc = pc as u32 + 1;
        macro_rules! r {
            ($i:expr) => {
                // SAFETY: register operands are < nregs.
                unsafe { &*base.add($i as usize) }
            };
        }
        macro_rules! set {
            ($i:expr, $v:expr) => {{
                let v = $v;
                // SAFETY: as in `r!`. A store that freed the old value is
                // a safe point, as in the interpreter's `set!`.
                Value::store_then(unsafe { &mut *base.add($i as usize) }, v, || self.gc_safe_point());
            }};
        }
        let name = |i: u32| code.names[i as usize].as_str();
        let jump = |t: bool| Ok(if t { Generic::Jump } else { Generic::Next });
        match ins {
            Instr::Nop {} => {}
            Instr::Move { dst, src } => set!(dst, r!(src).clone()),
            Instr::Take { dst, src } => {
                // SAFETY: as in `r!`.
                let v = std::mem::take(unsafe { &mut *base.add(src as usize) });
                set!(dst, v);
            }
            Instr::LoadConst { dst, k } => set!(dst, code.consts[k as usize].clone()),
            Instr::LoadInt { dst, value } => set!(dst, Value::Int(value as i64)),
            Instr::LoadNone { dst } => set!(dst, Value::None),
            Instr::LoadBool { dst, value } => set!(dst, Value::Bool(value)),
            Instr::CheckBound { reg, name: n } => {
                if r!(reg).is_undef() {
                    return Err(unbound_local(name(n)));
                }
            }
            Instr::LoadGlobal { dst, name: n } => {
                let v = self.load_global_slow(globals, code, pc, name(n))?;
                set!(dst, v);
            }
            Instr::StoreGlobal { src, name: n } => {
                let v = r!(src).clone();
                globals.set_str(name(n), v);
            }
            Instr::LoadDeref { dst, cell, name: n } => {
                let v = match r!(cell) {
                    Value::Cell(c) => c.value.get(),
                    _ => Value::Undef,
                };
                if v.is_undef() {
                    return Err(free_var_error(code, name(n)));
                }
                set!(dst, v);
            }
            Instr::StoreDeref { cell, src } => {
                let v = r!(src).clone();
                if let Value::Cell(c) = r!(cell) {
                    c.value.set(v);
                }
            }
            Instr::Add { dst, a, b }
            | Instr::Sub { dst, a, b }
            | Instr::Mul { dst, a, b }
            | Instr::TrueDiv { dst, a, b }
            | Instr::FloorDiv { dst, a, b }
            | Instr::Mod { dst, a, b } => {
                let op = match ins {
                    Instr::Add { .. } => BinOp::Add,
                    Instr::Sub { .. } => BinOp::Sub,
                    Instr::Mul { .. } => BinOp::Mul,
                    Instr::TrueDiv { .. } => BinOp::TrueDiv,
                    Instr::FloorDiv { .. } => BinOp::FloorDiv,
                    _ => BinOp::Mod,
                };
                // SAFETY: register operands are live registers.
                if op == BinOp::Add
                    && dst == a
                    && unsafe { crate::vm::ops::concat_in_place(base, a, b, code.instrs.get(pc + 1), &code.names, globals) }
                {
                    return Ok(Generic::Next);
                }
                // An instance's Python `__op__`: a frame, as the interpreter runs it.
                if let Value::Instance(_) = r!(a) {
                    if self.try_binop_frame(fi, base, code, pc, op, a, b, dst) {
                        self.run_pushed_frame()?;
                        return Ok(Generic::Next);
                    }
                }
                let (x, y) = (r!(a).clone(), r!(b).clone());
                let v = self.binary_op(op, &x, &y)?;
                set!(dst, v);
            }
            Instr::AddInt { dst, a, imm } => {
                let x = r!(a).clone();
                let v = self.binary_op(BinOp::Add, &x, &Value::Int(imm as i64))?;
                set!(dst, v);
            }
            Instr::SubInt { dst, a, imm } => {
                let x = r!(a).clone();
                let v = self.binary_op(BinOp::Sub, &x, &Value::Int(imm as i64))?;
                set!(dst, v);
            }
            Instr::ModInt { dst, a, imm } => {
                let x = r!(a).clone();
                let v = self.binary_op(BinOp::Mod, &x, &Value::Int(imm as i64))?;
                set!(dst, v);
            }
            Instr::InplaceOp { op, dst, a, b } => {
                // SAFETY: register operands are live registers.
                if op == BinOp::Add
                    && dst == a
                    && unsafe { crate::vm::ops::concat_in_place(base, a, b, code.instrs.get(pc + 1), &code.names, globals) }
                {
                    return Ok(Generic::Next);
                }
                let (x, y) = (r!(a).clone(), r!(b).clone());
                let v = self.inplace_op(op, &x, &y)?;
                set!(dst, v);
            }
            Instr::Compare { op, dst, a, b } => {
                let (x, y) = (r!(a).clone(), r!(b).clone());
                let v = self.compare(op, &x, &y)?;
                set!(dst, v);
            }
            Instr::Jump { .. } | Instr::Loop { .. } => return Ok(Generic::Jump),
            Instr::JumpIfTrue { cond, .. } => {
                let x = r!(cond).clone();
                return jump(self.truthy(&x)?);
            }
            Instr::JumpIfFalse { cond, .. } => {
                let x = r!(cond).clone();
                return jump(!self.truthy(&x)?);
            }
            Instr::CompareJump { op, a, b, .. } => {
                let (x, y) = (r!(a).clone(), r!(b).clone());
                return jump(!self.compare_bool(op, &x, &y)?);
            }
            Instr::CompareJumpInt { op, a, imm, .. } => {
                let x = r!(a).clone();
                let t = match &x {
                    Value::Int(i) => cmp_i64(op, *i, imm as i64),
                    _ => self.compare_bool(op, &x, &Value::Int(imm as i64))?,
                };
                return jump(!t);
            }
            Instr::JumpIfNone { src, .. } => return jump(r!(src).is_none()),
            Instr::JumpIfNotNone { src, .. } => return jump(!r!(src).is_none()),
            Instr::ForIter { dst, iter, .. } => {
                // A plain generator: resumed (in a nested dispatch loop)
                // without the generic `next`.
                if let Value::Generator(g) = r!(iter) {
                    if g.kind == crate::vm::generator::GenKind::Generator {
                        let g = g.clone();
                        return match self.gen_resume(&g, Value::None, None)? {
                            crate::vm::generator::GenResult::Yield(v) => {
                                set!(dst, v);
                                Ok(Generic::Next)
                            }
                            crate::vm::generator::GenResult::Return(_) => Ok(Generic::Jump),
                        };
                    }
                }
                let it = r!(iter).clone();
                match self.next(&it)? {
                    Some(v) => set!(dst, v),
                    None => return Ok(Generic::Jump),
                }
            }
            Instr::Call { func, nargs } => {
                // The interpreter's fast paths push the frame without the
                // general binder.
                let pushed = match r!(func) {
                    Value::Function(f) => self.try_fast_call(fi, &f.clone(), base, func as usize + 1, nargs as usize, func),
                    Value::Class(c) => match self.try_fast_init(fi, &c.clone(), base, func, nargs as usize) {
                        crate::vm::interp::FastInit::No => false,
                        crate::vm::interp::FastInit::Frame => true,
                        crate::vm::interp::FastInit::Done => return Ok(Generic::Next),
                    },
                    Value::Method(m) => match &m.func {
                        Value::Function(f) => {
                            let (f, this) = (f.clone(), m.this.clone());
                            self.try_fast_call_with(fi, &f, Some(&this), base, func as usize + 1, nargs as usize, func)
                        }
                        _ => false,
                    },
                    _ => false,
                };
                if pushed {
                    self.run_pushed_frame()?;
                    return Ok(Generic::Next);
                }
                // SAFETY: the arguments are registers func+1 .. func+nargs.
                let args: &[Value] = unsafe { std::slice::from_raw_parts(base.add(func as usize + 1), nargs as usize) };
                let f = r!(func).clone();
                let r = self.call_from_frame(fi, func, &f, Args::new(args), None);
                // SAFETY: as above. The arguments are temporaries, dropped
                // once the call is made, as the interpreter drops them.
                crate::vm::interp::clear_temps(unsafe { base.add(func as usize + 1) }, nargs as usize);
                match r? {
                    Some(v) => set!(func, v),
                    None => self.run_pushed_frame()?,
                }
            }
            Instr::LoadMethod { dst, obj, name: n } => {
                let o = r!(obj).clone();
                match self.load_method_cached(&o, code, pc, &code.names[n as usize])? {
                    crate::vm::attr::MethodLookup::Unbound(f) => {
                        set!(dst, f);
                        set!(dst + 1, o);
                    }
                    crate::vm::attr::MethodLookup::With(f, this) => {
                        set!(dst, f);
                        set!(dst + 1, this);
                    }
                    crate::vm::attr::MethodLookup::Attr(a) => {
                        set!(dst, a);
                        set!(dst + 1, Value::Undef);
                    }
                }
            }
            Instr::CallMethod { base: b, nargs } => {
                let has_self = !r!(b + 1).is_undef();
                let (start, n) = if has_self { (b + 1, nargs as usize + 1) } else { (b + 2, nargs as usize) };
                if let Value::Function(f) = r!(b) {
                    if self.try_fast_call(fi, &f.clone(), base, start as usize, n, b) {
                        self.run_pushed_frame()?;
                        return Ok(Generic::Next);
                    }
                }
                // SAFETY: registers start .. start+n are the arguments.
                let args: &[Value] = unsafe { std::slice::from_raw_parts(base.add(start as usize), n) };
                let f = r!(b).clone();
                let r = self.call_from_frame(fi, b, &f, Args::new(args), None);
                // SAFETY: as above (temporaries, see `Call`).
                crate::vm::interp::clear_temps(unsafe { base.add(start as usize) }, n);
                match r? {
                    Some(v) => set!(b, v),
                    None => self.run_pushed_frame()?,
                }
            }
            Instr::LoadAttr { dst, obj, name: n } => {
                let o = r!(obj).clone();
                let v = self.load_attr_cached(&o, code, pc, &code.names[n as usize])?;
                set!(dst, v);
            }
            Instr::StoreAttr { obj, name: n, src } => {
                let (o, v) = (r!(obj).clone(), r!(src).clone());
                self.store_attr_cached(&o, code, pc, &code.names[n as usize], v)?;
            }
            Instr::GetItem { dst, obj, key } => {
                let (o, k) = (r!(obj).clone(), r!(key).clone());
                let v = self.get_item(&o, &k)?;
                set!(dst, v);
            }
            Instr::SetItem { obj, key, src } => {
                let (o, k, v) = (r!(obj).clone(), r!(key).clone(), r!(src).clone());
                self.set_item(&o, &k, v)?;
            }
            Instr::Return { .. } | Instr::ReturnNone {} | Instr::Yield { .. } | Instr::YieldFrom { .. } => {
                unreachable!("the JIT does not run {} generically", ins.name())
            }
            _ => {
                let targets = ins.targets();
                match self.step_slow(fi, base, pc + 1, ins, usize::MAX)? {
                    Step::Next => {}
                    Step::Jump(t) => {
                        if targets == Some(t as u32) {
                            return Ok(Generic::Jump);
                        }
                        // A jump to the next instruction is no jump.
                        if t != pc + 1 {
                            unreachable!("{} jumped to {} (not its target)", ins.name(), t);
                        }
                    }
                    Step::Frame => self.run_pushed_frame()?,
                    Step::Exit(_) => unreachable!("{} left the frame", ins.name()),
                }
            }
        }
        Ok(Generic::Next)
    }

    /// Runs the frame just pushed at `depth` (returning to Rust) to
    /// completion. A hot function with compiled code (`nativecall`) enters
    /// it directly, and a compiled `return` hands its value back here with
    /// no interpreter dispatch; any other exit (a guard failure, an
    /// exception, inlined frames to materialise) lets the interpreter
    /// finish the frame.
    fn run_callee(&mut self, depth: usize) -> PyResult<Value> {
        let fi = depth - 1;
        let code: &CodeObj = {
            let c = self.frames[fi].code;
            // SAFETY: the frame keeps its code alive until it is popped,
            // and `code` is not used after that.
            unsafe { &*c }
        };
        if !self.jit.opts.native_calls || code.jit_fn.get() == 1 || code.entry_count.get() < self.jit_threshold {
            return self.run(depth);
        }
        // Native recursion: compiled code, this helper and the callee's
        // compiled code nest on the native stack.
        if let Err(e) = self.check_native_stack() {
            self.discard_top_frame();
            return Err(e);
        }
        match self.jit_function_entry(fi, false) {
            crate::jit::Outcome::NotRun | crate::jit::Outcome::Reload => self.run(depth),
            crate::jit::Outcome::Resume(p) => {
                let src = match code.instrs[p] {
                    Instr::Return { src } => Some(src),
                    Instr::ReturnNone {} => None,
                    _ => {
                        self.frames[fi].pc = p as u32;
                        return self.run(depth);
                    }
                };
                let base = self.frames[fi].base;
                // SAFETY: `src` is a register of the returning frame.
                let v = src.map_or(Value::None, |r| std::mem::take(unsafe { &mut *base.add(r as usize) }));
                // As the interpreter's `Return` into a Python caller: the
                // window is cleared and the record dropped in place.
                self.discard_top_frame();
                let caller = &self.frames[fi - 1];
                if caller.pc > 0 {
                    // SAFETY: the caller's code outlives its frame.
                    let caller_code: &CodeObj = unsafe { &*caller.code };
                    caller_code.cache(caller.pc as usize - 1).profile |= crate::jit::profile_bit(&v);
                }
                Ok(v)
            }
            crate::jit::Outcome::Raise(e) => match self.handle_exception(e, depth) {
                Ok(()) => self.run(depth),
                Err(e) => Err(e),
            },
        }
    }

    /// Runs the frame a call instruction just pushed to completion (from a
    /// helper, where the dispatch loop cannot continue in it) and delivers
    /// its result as the frame's return slot says.
    pub(crate) fn run_pushed_frame(&mut self) -> PyResult<()> {
        self.deliver_pushed_frame()?;
        if crate::objects::rc::gc_due() {
            // A safe point, as the interpreter's dispatch loop makes after
            // a return: the callee's window was cleared, which may have
            // queued finalizers (they run before the caller goes on).
            self.gc_safe_point();
        }
        Ok(())
    }

    /// `run_pushed_frame` without its safe point.
    fn deliver_pushed_frame(&mut self) -> PyResult<()> {
        let depth = self.frames.len();
        let ret = std::mem::replace(&mut self.frames[depth - 1].ret, Ret::ToRust);
        let v = self.run_callee(depth);
        if let Ret::Init(_) = ret {
            // `pop_frame` saw `ToRust`: give the class call's level back.
            self.leave_level();
        }
        let v = v?;
        let caller = self.frames.last().unwrap();
        match ret {
            Ret::Reg(r) => {
                // SAFETY: `r` is a register of the caller's window.
                Value::store(unsafe { &mut *caller.base.add(r as usize) }, v);
                Ok(())
            }
            Ret::Init(_) => {
                if v.is_none() {
                    Ok(())
                } else {
                    Err(PyErr::type_error(format!("__init__() should return None, not '{}'", self.type_name(&v))))
                }
            }
            Ret::BinOp { dst, a, b, op } => {
                let v = self.finish_binop_frame(v, a, b, op)?;
                let caller = self.frames.last().unwrap();
                // SAFETY: `dst` is a register of the caller's window.
                Value::store(unsafe { &mut *caller.base.add(dst as usize) }, v);
                Ok(())
            }
            Ret::ToRust | Ret::Collect | Ret::Sum | Ret::Skip { .. } => unreachable!("a pushed call frame returns to its caller"),
            // Only the dispatch loop's `ForIter` resumes generators inline.
            Ret::ForIter { .. } => unreachable!("the JIT's helpers resume generators through gen_resume"),
        }
    }
}

/// The list whose object address is `l` (a list value's payload).
///
/// # Safety
/// `l` must point to a live `ObjBox<ListObj>` (compiled code passes lists
/// its registers hold).
unsafe fn list_at<'a>(l: u64) -> &'a crate::objects::ListObj {
    // SAFETY: see the function's contract.
    unsafe { &*((l as usize + crate::objects::rc::DATA_OFFSET) as *const crate::objects::ListObj) }
}

/// Element `i` (in bounds) of the list at `l` into slot `dst` (made from
/// typed storage).
pub extern "C" fn list_item_to(l: u64, i: u64, dst: u64) {
    // SAFETY: see `list_at` and `slot`; compiled code checked the bounds.
    let v = unsafe { list_at(l) }.get(i as usize).expect("list index checked by compiled code");
    Value::store(unsafe { slot(dst) }, v);
}

/// `list[i] = *src` (`i` in bounds) for the list at `l`, generalizing its
/// storage when the value does not fit it.
pub extern "C" fn list_store(l: u64, i: u64, src: u64) {
    // SAFETY: see `list_at` and `slot`; compiled code checked the bounds.
    let v = unsafe { slot(src) }.clone();
    unsafe { list_at(l) }.set(i as usize, v);
}

/// `list[i] = number` (`i` in bounds; `tg` the number's tag, `bits` its
/// payload) for the list at `l`, generalizing its storage when the number
/// does not fit it.
pub extern "C" fn list_store_num(l: u64, i: u64, tg: u64, bits: u64) {
    let v = match tg as u8 {
        crate::objects::value::tag::INT => Value::Int(bits as i64),
        crate::objects::value::tag::FLOAT => Value::Float(f64::from_bits(bits)),
        _ => Value::Bool(bits != 0),
    };
    // SAFETY: see `list_at`; compiled code checked the bounds.
    unsafe { list_at(l) }.set(i as usize, v);
}

/// `list.append(*src)` for the list at `l`.
pub extern "C" fn list_append(l: u64, src: u64) {
    // SAFETY: see `list_at` and `slot`.
    let v = unsafe { slot(src) }.clone();
    unsafe { list_at(l) }.push(v);
}

/// `*dst = l.pop(at)` for the list at `l` (`at` = `i64::MIN`: the last
/// item): 0 when done, 1 when the list is empty or the index out of range
/// (compiled code then makes the call generically, which raises).
pub extern "C" fn list_pop(l: u64, at: u64, dst: u64) -> u64 {
    // SAFETY: see `list_at`.
    let l = unsafe { list_at(l) };
    let n = l.len() as i64;
    let i = at as i64;
    let j = if i == i64::MIN {
        n - 1
    } else if i < 0 {
        i + n
    } else {
        i
    };
    if n == 0 || j < 0 || j >= n {
        return 1;
    }
    let v = if j == n - 1 { l.pop().unwrap_or(Value::None) } else { l.remove(j as usize) };
    // SAFETY: see `slot`.
    Value::store(unsafe { slot(dst) }, v);
    0
}

/// `list.append(number)` (`tg` the number's tag, `bits` its payload) for
/// the list at `l`.
pub extern "C" fn list_append_num(l: u64, tg: u64, bits: u64) {
    let v = match tg as u8 {
        crate::objects::value::tag::INT => Value::Int(bits as i64),
        crate::objects::value::tag::FLOAT => Value::Float(f64::from_bits(bits)),
        _ => Value::Bool(bits != 0),
    };
    // SAFETY: see `list_at`.
    unsafe { list_at(l) }.push(v);
}
