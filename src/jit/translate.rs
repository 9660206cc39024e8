//! Translation of a hot loop's bytecode to the JIT IR.
//!
//! The unit is a loop region: the instructions from the loop header to its
//! `Loop` back-edge, nested loops included; calls of small Python functions
//! are inlined into it. The translator runs an abstract interpretation over
//! the region: every register has an abstract state (`RS`) saying what is
//! known about it at this point:
//!
//! * `Int`, `Float`, `Bool`: an unboxed number held in an IR local (a
//!   machine register after Cranelift's allocation); the frame slot may be
//!   stale (`clean` says whether it is up to date, `mem` what tag the slot
//!   is known to hold, so that writing it back needs no reference-count
//!   check).
//! * `Const(k)`: a known object (a function, a builtin, a module, `None`,
//!   a constant string...) guarded by identity; the slot may be stale.
//! * `Tag(t)`, `RangeIter`, `ListIter`, `Any`: the value is in the frame
//!   slot (with a known tag, or not).
//!
//! Types come from the values in the frame when the loop is compiled (for
//! the registers live at the header: checked by guards on entry), from the
//! instructions themselves (`int + int` is an int, with an overflow guard),
//! and from the interpreter's type profile for results that cannot be
//! inferred (attribute loads, subscripts, calls): those are speculated
//! with a guard. At control-flow joins the states are merged; at loop
//! headers they are widened until they are stable (re-translating from
//! scratch), so the code for the loop body is type-stable.
//!
//! Every guard, error and way out of the region becomes an exit: a cold
//! block that writes back the live registers that are not up to date in
//! the frame (and named local variables) and returns the exit's number.
//! The VM then materialises inlined frames and resumes the interpreter at
//! the exit's instruction (`jit::ExitInfo`).

/// The translator's own maps hash with `BuildKeyHasher` (a multiply per
/// word): SipHash showed in compile-time profiles (exit plans are hashed
/// at every exit).
type HashMap<K, V> = std::collections::HashMap<K, V, super::BuildKeyHasher>;
type HashSet<K> = std::collections::HashSet<K, super::BuildKeyHasher>;
use std::rc::Rc;

use spry_jit::ir::LocalId;
use spry_jit::{BlockId, Cmp, Function, Op, Terminator, Ty, Var};

use super::analysis::{block_leaders, handler, Liveness, RegSet};
use super::helpers::{self, ERR, JUMP};
use super::{EntryCheck, ExitInfo, ExitKind, FrameDesc, JitOpts, ENTRY_FAIL};
use crate::bytecode::{code_flags, BinOp, CmpOp, CodeObj, Instr, Reg};
use crate::objects::value::tag;
use crate::objects::*;
use crate::vm::inline_cache::{attr_pos, attr_shape};
use crate::vm::Vm;

/// What the translator knows about a register's value.
#[derive(Clone, Copy, PartialEq, Eq, Debug, Hash)]
pub enum T {
    Int,
    Float,
    Bool,
    /// A known object (index into the translation's constants).
    Const(u32),
    /// In the frame slot, with this tag.
    Tag(u8),
    /// In the frame slot: an iterator over a machine-int range whose
    /// fields are in the register's auxiliary IR locals. `true`: its
    /// position is also in an IR local (no reload from memory; the
    /// position is stored to memory on every step regardless).
    RangeIter(bool),
    /// In the frame slot: an iterator over a list (auxiliary locals hold
    /// the addresses of its index and of the list; `true`: as for
    /// `RangeIter`).
    ListIter(bool),
    /// In the frame slot: an iterator over a tuple (as `ListIter`).
    TupleIter(bool),
    /// In the frame slot: a `zip` of this many list iterators (auxiliary
    /// locals: index address and list of each).
    ZipIter(u8),
    /// In the frame slot: an `enumerate` of a list iterator (auxiliary
    /// locals: address of the count, index address, list).
    EnumIter,
    /// In the frame slot: a bound method (tag `METHOD`) of the function
    /// that is constant `k`, whose `self` has tag `this`. The method and
    /// its `self` are read from the slot at run time, so compiled code
    /// keeps neither alive (`add = acc.add` before a loop: a constant of
    /// the method would keep `acc` alive as long as the code lives).
    Bound(u32, u8),
    /// In the frame slot; anything.
    Any,
    /// Not built (`virtargs`): a tuple of the values of the `n` registers
    /// from absolute register `start` (the items of a call's `*args`,
    /// which stay in the caller's argument registers). Registers of one
    /// frame with the same `VTuple` are the same tuple.
    VTuple(u16, u8),
    /// Not built: a dict whose keys are the `str`s of the constant tuple
    /// `names` and whose values are the `n` registers from `start` (a
    /// call's `**kwargs`). Two registers with the same `VDict` are two
    /// dicts (the copy a `**` merge makes), never one shared.
    VDict(u16, u8, u32),
    /// Not built: an iterator over a `VTuple(start, n)` (`for v in args`),
    /// its position in the register's first auxiliary IR local; the
    /// items are in their slots.
    VIter(u16, u8),
    /// Not built (`virtinst`): an instance of a class whose `__init__`
    /// only stores numbers in its attributes (`Vm::setter_init`), number
    /// `k` of the translation's `vinsts` (class, attribute values in IR
    /// locals). Registers with the same `VInst` (in any frame of the
    /// chain) are the same object: built once, all of them get it.
    VInst(u16),
    /// Not built (`viter`): an iterator over the list (`false`) or tuple
    /// (`true`) that the register's slot holds (a counted reference, as
    /// the iterator would hold it); auxiliary IR locals: the position,
    /// the list object. Never clean: built (`seq_iter_at`) where anything
    /// but its `ForIter` needs it, exits included.
    VSeqIter(bool),
}

impl T {
    /// A value of this state is never `None` (numbers, iterators,
    /// virtual containers).
    fn never_none(self) -> bool {
        matches!(
            self,
            T::Int
                | T::Bound(..)
                | T::Float
                | T::Bool
                | T::RangeIter(_)
                | T::ListIter(_)
                | T::TupleIter(_)
                | T::ZipIter(_)
                | T::EnumIter
                | T::VTuple(..)
                | T::VDict(..)
                | T::VIter(..)
                | T::VSeqIter(_)
                | T::VInst(_)
        )
    }
    fn is_virtual(self) -> bool {
        matches!(
            self,
            T::Int | T::Float | T::Bool | T::Const(_) | T::VTuple(..) | T::VDict(..) | T::VIter(..) | T::VSeqIter(_) | T::VInst(_)
        )
    }
    fn is_container(self) -> bool {
        matches!(self, T::VTuple(..) | T::VDict(..) | T::VIter(..) | T::VSeqIter(_) | T::VInst(_))
    }
    fn is_num(self) -> bool {
        matches!(self, T::Int | T::Float | T::Bool)
    }
}

/// How a `ForIter` over a list or tuple advances its iterator once the
/// element is taken (after the guards that resume before the instruction):
/// a store of the new index (address, value), or, for a virtual iterator
/// (`T::VSeqIter`), the new position into its IR local.
#[derive(Clone, Copy)]
enum Commit {
    Mem(Var, Var),
    Local(LocalId, Var),
}

/// Abstract state of one register.
#[derive(Clone, Copy, PartialEq, Eq, Debug, Hash)]
pub struct RS {
    pub t: T,
    /// For virtual values: the frame slot holds the same value.
    pub clean: bool,
    /// What tag the frame slot is known to hold (`None`: unknown, may be a
    /// heap object that must be released before overwriting).
    pub mem: Option<u8>,
}

/// `RS::mem` of a slot known to hold no object, of unknown tag (never
/// equal to a real tag: code that relies on the exact tag, as `flush`
/// skipping the tag word, does not match it).
const NONHEAP: u8 = 0xff;

/// The extra inlining budget per translation of operator methods and
/// small leaf functions (`smallbudget`), and the largest such callee (in
/// instructions) that is spent from it.
const SMALL_BUDGET: usize = 300;
const SMALL_MAX_LEN: usize = 16;

/// Whether a call of `callee` can be inlined at all, whatever the region
/// (`Tr::inlinable` adds the region's depth and budgets; `callerfirst`
/// defers only functions that pass this): not a generator, at most 120
/// instructions, `*args`/`**kwargs`/keyword-only parameters only with
/// `virtargs`.
pub(crate) fn inlinable_code(callee: &CodeObj, opts: &JitOpts) -> bool {
    callee.flags & code_flags::GENERATOR == 0
        && ((callee.flags & (code_flags::VARARGS | code_flags::VARKEYWORDS) == 0 && callee.kwonlyargcount == 0) || opts.has("virtargs"))
        && callee.instrs.len() <= 120
        && callee.instrs.iter().all(|ins| !matches!(ins, Instr::Yield { .. } | Instr::YieldFrom { .. }))
}

impl RS {
    const ANY: RS = RS { t: T::Any, clean: true, mem: None };
    /// An empty register (its slot holds Undef).
    const UNDEF: RS = RS { t: T::Tag(tag::UNDEF), clean: true, mem: Some(tag::UNDEF) };
    /// What the frame slot is known to hold: for a virtual value (and for
    /// `Any` joined from edges whose slots held no object, see `join_rs`)
    /// the `mem` field, else the type's tag. (`Some(x)` with `x` not a heap
    /// tag: no object to release.)
    fn slot_mem(&self) -> Option<u8> {
        if self.t.is_virtual() || self.t == T::Any {
            self.mem
        } else {
            RS::mem_type(self.t).mem
        }
    }
    /// The state of a register given a copy of the value in the slot of
    /// a register of type `t` (a fast iterator's fields are not in the
    /// copy's auxiliary locals: just an iterator).
    fn copied_from(t: T) -> RS {
        RS::mem_type(match t {
            T::RangeIter(_) | T::ListIter(_) | T::TupleIter(_) | T::ZipIter(_) | T::EnumIter => T::Tag(tag::ITER),
            t => t,
        })
    }
    fn mem_type(t: T) -> RS {
        let mem = match t {
            T::Tag(x) => Some(x),
            T::RangeIter(_) | T::ListIter(_) | T::TupleIter(_) | T::ZipIter(_) | T::EnumIter => Some(tag::ITER),
            T::Bound(..) => Some(tag::METHOD),
            _ => None,
        };
        RS { t, clean: true, mem }
    }
}

/// Byte offsets in a bound method's box of its function and of its `self`
/// (`T::Bound`).
const METHOD_FUNC_OFF: i32 = (crate::objects::rc::DATA_OFFSET + std::mem::offset_of!(crate::objects::MethodObj, func)) as i32;
const METHOD_THIS_OFF: i32 = (crate::objects::rc::DATA_OFFSET + std::mem::offset_of!(crate::objects::MethodObj, this)) as i32;

/// Abstract state of all registers (the loop frame's and inlined ones).
pub type State = Vec<RS>;

/// Identifies a loop header: the inlining path (code objects and call
/// sites) and the header's pc.
pub type HeaderKey = Vec<u64>;

/// The number kind a profile byte speculates on, if any.
fn spec_num(bits: u8) -> Option<(T, u8)> {
    match bits {
        1 => Some((T::Int, tag::INT)),
        2 => Some((T::Float, tag::FLOAT)),
        4 => Some((T::Bool, tag::BOOL)),
        _ => None,
    }
}

fn is_heap_tag(t: u8) -> bool {
    (tag::FIRST_HEAP..tag::NOT_IMPLEMENTED).contains(&t)
}

/// Which auxiliary local of an iterator register of type `t` holds the
/// list under the iterator that facts key `key` names (`ITER_FACT + k`),
/// and how many the type has.
fn iter_list(t: T, key: i64) -> Option<(usize, usize)> {
    let k = usize::try_from(key - ITER_FACT).ok()?;
    match t {
        T::ListIter(_) if k == 0 => Some((1, 3)),
        T::VSeqIter(false) if k == 0 => Some((1, 2)),
        T::ZipIter(n) if k < n as usize => Some((2 * k + 1, 2 * n as usize)),
        T::EnumIter if k == 0 => Some((2, 3)),
        _ => None,
    }
}

/// The list storage kind (`list::kind`) holding numbers of type `t` raw.
fn kind_of_num(t: T) -> u8 {
    use crate::objects::list::kind;
    match t {
        T::Int => kind::INT,
        T::Float => kind::FLOAT,
        _ => kind::BOOL,
    }
}

/// The unboxed type of a number value (`int`, `float`, `bool`).
fn num_type(v: &Value) -> Option<T> {
    match v {
        Value::Int(_) => Some(T::Int),
        Value::Float(_) => Some(T::Float),
        Value::Bool(_) => Some(T::Bool),
        _ => None,
    }
}

fn num_tag(t: T) -> u8 {
    match t {
        T::Int => tag::INT,
        T::Float => tag::FLOAT,
        T::Bool => tag::BOOL,
        _ => unreachable!(),
    }
}

/// The least state that both `a` and `b` can be adapted to.
fn join_rs(a: RS, b: RS, consts: &[Value]) -> RS {
    let t = if a.t == b.t {
        a.t
    } else if let (T::RangeIter(x), T::RangeIter(y)) = (a.t, b.t) {
        T::RangeIter(x && y)
    } else if let (T::ListIter(x), T::ListIter(y)) = (a.t, b.t) {
        T::ListIter(x && y)
    } else if let (T::TupleIter(x), T::TupleIter(y)) = (a.t, b.t) {
        T::TupleIter(x && y)
    } else {
        let tag_of = |x: T| -> Option<u8> {
            match x {
                T::Int => Some(tag::INT),
                T::Float => Some(tag::FLOAT),
                T::Bool => Some(tag::BOOL),
                T::Const(c) => Some(consts[c as usize].tag()),
                T::Tag(t) => Some(t),
                T::Bound(..) => Some(tag::METHOD),
                T::RangeIter(_) | T::ListIter(_) | T::TupleIter(_) | T::ZipIter(_) | T::EnumIter => Some(tag::ITER),
                T::VTuple(..) => Some(tag::TUPLE),
                T::VDict(..) => Some(tag::DICT),
                T::VIter(..) | T::VSeqIter(_) => Some(tag::ITER),
                T::VInst(_) => Some(tag::INSTANCE),
                T::Any => None,
            }
        };
        match (tag_of(a.t), tag_of(b.t)) {
            (Some(x), Some(y)) if x == y => T::Tag(x),
            _ => T::Any,
        }
    };
    if t.is_virtual() {
        let mem = match (a.mem, b.mem) {
            (x, y) if x == y => x,
            // Different tags, neither an object: nothing to release later.
            (Some(x), Some(y)) if !is_heap_tag(x) && !is_heap_tag(y) => Some(NONHEAP),
            _ => None,
        };
        RS { t, clean: a.clean && b.clean, mem }
    } else if t == T::Any {
        // Unknown type, but a slot that holds no object on either edge
        // (Undef on entry, a number written back on the back-edge) needs
        // no release when it is overwritten (`Tr::drop_old`). A virtual
        // value is written back when its edge adapts to `Any`: its slot
        // then holds its own tag.
        let after = |x: RS| -> Option<u8> {
            match x.t {
                T::Int | T::Float | T::Bool => Some(num_tag(x.t)),
                T::Const(c) => Some(consts[c as usize].tag()),
                T::VTuple(..) => Some(tag::TUPLE),
                T::VDict(..) => Some(tag::DICT),
                T::VIter(..) | T::VSeqIter(_) => Some(tag::ITER),
                T::VInst(_) => Some(tag::INSTANCE),
                _ => x.slot_mem(),
            }
        };
        match (after(a), after(b)) {
            (Some(x), Some(y)) if x == y => RS { t: T::Any, clean: true, mem: Some(x) },
            (Some(x), Some(y)) if !is_heap_tag(x) && !is_heap_tag(y) => RS { t: T::Any, clean: true, mem: Some(NONHEAP) },
            _ => RS::ANY,
        }
    } else {
        RS::mem_type(t)
    }
}

fn join_states(a: &State, b: &State, consts: &[Value]) -> State {
    let mut j: State = a.iter().zip(b.iter()).map(|(x, y)| join_rs(*x, *y, consts)).collect();
    // A virtual instance stays virtual only where every register that
    // holds it on either side keeps it: adapting an edge builds it once for
    // all its registers (`materialize`), so none of them may stay virtual.
    let lost: Vec<T> = a
        .iter()
        .chain(b.iter())
        .zip(j.iter().chain(j.iter()))
        .filter(|(x, y)| matches!(x.t, T::VInst(_)) && y.t != x.t)
        .map(|(x, _)| x.t)
        .collect();
    for rs in j.iter_mut() {
        if lost.contains(&rs.t) {
            *rs = RS::mem_type(T::Tag(tag::INSTANCE));
        }
    }
    j
}

// Compiled attribute access reads an instance's dict pointer as a word
// that is 0 for no dict.
const _: () = assert!(std::mem::size_of::<Option<PyRef<DictObj>>>() == 8);

/// A loop header's state has no virtual instance (`T::VInst`): the
/// entry edges build them (their fields would have to be loop-carried).
fn devirt(mut s: State) -> State {
    for rs in s.iter_mut() {
        if let T::VInst(_) = rs.t {
            *rs = RS::mem_type(T::Tag(tag::INSTANCE));
        }
    }
    s
}

/// The result of translating a loop.
pub struct Translation {
    pub func: Function,
    pub exits: Vec<ExitInfo>,
    pub frames: Vec<FrameDesc>,
    pub consts: Vec<Value>,
    pub extent: usize,
    pub depth: usize,
    /// Inner loop headers the code can also be entered at (entry `k + 1`
    /// is `entries[k]`; see `Tr::inner_entries`).
    pub entries: Vec<u32>,
    /// Per entry (0: the header, `k + 1`: `entries[k]`): the checks the VM
    /// makes before entering there (`vmentry`), in place of guards in the
    /// code.
    pub entry_checks: Vec<Vec<EntryCheck>>,
    pub tables: Vec<MethodTable>,
    /// The region's `return`s of a register clear the frame
    /// (`Tr::clears`).
    pub clears: bool,
    /// Translation attempts that restarted, by reason (`Restart`):
    /// a header widened at a back-edge, a header widened where forward
    /// edges join, header facts dropped, header facts proposed.
    pub restarts: [u32; 4],
}

/// A constant of the region's final shape (`Tr::patched_const`).
#[derive(Clone, Copy)]
enum Patch {
    /// `2 * depth + extra`: the recursion levels a run of the region
    /// needs (`Vm::exec_call`'s check).
    Levels(i64),
    /// 16 times the registers a run needs above its frame's base
    /// (`max(extent, nregs)`).
    Room16,
}

/// Words of a `MethodTable`: the (class version, function) pairs, then
/// the dict versions.
pub const TABLE_WORDS: usize = TABLE_PAIRS + TABLE_DICTS;
/// Words of a `MethodTable` holding (class version, function) pairs.
pub const TABLE_PAIRS: usize = 12;
/// (Class version, function) pairs of a `MethodTable` that compiled code
/// compares inline at a site that has met several classes (the others
/// are compared by `method_fill`'s full lookup, which moves the class
/// first).
const INLINE_PAIRS: usize = 4;
/// Words of a `MethodTable` holding key versions of instance dicts known
/// not to shadow the name (a direct-mapped cache indexed by the version's
/// low bits).
pub const TABLE_DICTS: usize = 8;
/// Marks a dict shape among the key versions of `MethodTable`'s dict
/// entries (key versions come from a counter that never gets near it).
pub const SHAPE_KEY_BIT: u64 = 1 << 62;

/// A method load's table of receiver classes (`polymethod`), owned by the
/// compiled code that reads it: pairs of (class version, address of the
/// plain function the method name resolves to on that class), version 0
/// for an empty pair. Filled by `helpers::method_fill` from the full
/// lookup when compiled code meets a class not in it. A class's version
/// changes whenever the class or a base changes and is never reused, so a
/// pair whose version matches is current. Then the key versions of
/// instance dicts found not to have the name (`method_unshadowed`): a
/// dict's shape marked with `SHAPE_KEY_BIT` when it has one (a shape's
/// keys never change, and the instances of a class share theirs: one entry
/// for all), else its key version, which changes with every insertion or
/// deletion and is never reused either; so a dict whose shape or version
/// is there still lacks it.
pub type MethodTable = Box<[std::cell::Cell<u64>; TABLE_WORDS]>;

/// Why a translation attempt stopped.
enum Abort {
    /// A loop header's state was widened, or its facts changed: translate
    /// again (the reason: an index into `Translation::restarts`).
    Restart(u8),
    /// The loop cannot be compiled.
    Fail(String),
}

/// One frame of the inlining chain (the loop's own frame first).
struct Level {
    code: *const CodeObj,
    globals: *const DictObj,
    live: Rc<Liveness>,
    offset: usize,
    /// Index into `frames` (None for the loop's own frame).
    desc: Option<u32>,
    /// For inlined frames: the call instruction in the parent and the
    /// parent's result register.
    call_pc: usize,
    ret_reg: Reg,
    /// An inlined `__init__` (its result is checked, not delivered).
    init: bool,
}

/// Per-region bookkeeping (the loop, or an inlined function body).
struct Region {
    lo: usize,
    hi: usize,
    is_root: bool,
    loop_headers: HashSet<usize>,
    /// Pending edges into blocks not yet translated: the IR block ending
    /// in the edge (unterminated) and the state there.
    incoming: HashMap<usize, Vec<(BlockId, State, Facts)>>,
    blocks: HashMap<usize, BlockId>,
    /// Return edges of an inlined function (with the facts that hold
    /// there, `retfacts`).
    returns: Vec<(BlockId, State, Facts)>,
}

enum Flow {
    Next,
    Done,
}

type TResult<T> = Result<T, Abort>;

struct Tr<'a> {
    vm: &'a Vm,
    opts: &'a JitOpts,
    f: Function,
    base: Var,
    ctx: Var,
    cur: BlockId,
    st: State,
    consts: Vec<Value>,
    exits: Vec<ExitInfo>,
    frames: Vec<FrameDesc>,
    chain: Vec<Level>,
    regions: Vec<Region>,
    ivars: HashMap<usize, LocalId>,
    fvars: HashMap<usize, LocalId>,
    aux: HashMap<usize, Vec<LocalId>>,
    headers: &'a mut std::collections::HashMap<HeaderKey, State>,
    /// Header facts to establish, by header (across attempts).
    templates: &'a mut HashMap<HeaderKey, Vec<HeaderFact>>,
    /// Headers whose back-edge facts were proposed as header facts.
    proposed: &'a mut HashSet<HeaderKey>,
    /// Header facts were proposed in this translation (it goes on, and
    /// the next translation applies them all: one restart for every
    /// header of a nest, not one each).
    proposed_now: bool,
    /// The header facts of this attempt, by header: the fact and its IR
    /// locals.
    installed: HashMap<HeaderKey, Vec<(HeaderFact, Fact)>>,
    /// Header facts are kept in this attempt.
    hoist: bool,
    /// The facts before the back-edge's safe point (`Loop`).
    pre_gc_facts: Option<Facts>,
    /// Counts of fact drops by class (`DROP_LISTS`: list and cell facts,
    /// `DROP_GLOBALS`, `DROP_KINDS`), for the whole translation (not per
    /// path), and their values where each loop header was translated and
    /// before a back-edge's safe point: a class dropped anywhere after a
    /// header (in its loop's body) is not proposed for the header, as a
    /// header fact would not hold on the back-edge (a proposal that the
    /// next translation would only drop again, at the price of two).
    drops: [u32; 3],
    header_drops: HashMap<HeaderKey, [u32; 3]>,
    pre_gc_drops: Option<[u32; 3]>,
    generic: &'a std::collections::HashSet<(usize, u32)>,
    /// See `ReExit`.
    rexec: Option<ReExit>,
    /// Constants persist across attempts and compilations (header states
    /// refer to them by index).
    live_cache: HashMap<usize, Rc<Liveness>>,
    extent: usize,
    depth: usize,
    budget: usize,
    /// Extra inlining budget (`smallbudget`) for small operator methods
    /// (an inlined `__add__` is spent from it first) and small leaf
    /// functions (no calls, no loops: never compiled on their own, so a
    /// call that is not inlined runs them in the interpreter) called from
    /// the region's own code, when `budget` is used up.
    small_budget: usize,
    /// A whole function body (not a loop) is being translated.
    whole: bool,
    /// The pc being translated (innermost frame), for exits.
    pc: usize,
    /// The instruction after the current one was translated with it.
    skip: bool,
    /// The instruction being translated overwrote a register whose slot
    /// may have held the last reference to an object: a safe point
    /// follows it (`gc_check`), so that a finalizer runs at the store, as
    /// in the interpreter, not at the next back-edge or call.
    freed: bool,
    /// Shared write-back code of exits, by what it writes back and (when
    /// it builds virtual instances) the scratch register it builds them in
    /// (above the innermost window: an exit in an inlined callee cannot
    /// share the tail of one in its caller, whose scratch is the callee's
    /// window).
    exit_tails: HashMap<(Vec<(usize, RS)>, usize), BlockId>,
    /// `catch`: the shared code of the sites that reach a handler (pc)
    /// in a state.
    catch_tails: HashMap<(usize, State), BlockId>,
    /// The exit number, set by each exit before its shared write-back.
    exit_local: LocalId,
    /// While positive, helper calls do not split the live ranges of
    /// unboxed registers (see `split_set`): in exit code, which returns.
    no_split: u32,
    /// Attribute positions established on the current straight-line path
    /// (see `attr_address_strict`), by object register, name and whether
    /// the access was a store.
    facts: Facts,
    /// Inner loop headers with an entry (see `inner_entries`).
    entries: Vec<u32>,
    /// The entry checks of each entry made so far (`Translation::entry_checks`).
    entry_checks: Vec<Vec<EntryCheck>>,
    /// Constants filled in when the translation is complete.
    patches: Vec<(BlockId, usize, Patch)>,
    /// The frame whose code is being compiled.
    root_fi: usize,
    /// Self-calls (`selfcall`) may be compiled: a whole function that
    /// refers to its own name (`jit::calls_itself`). Its `return`s then
    /// clear the frame (`clear_window_but`); other functions' do not
    /// (the clearing costs code and helper calls the interpreter's
    /// return does more cheaply).
    selfcalls: bool,
    /// A whole function's `return`s of a register clear the frame
    /// (`clear_window_but`): with `selfcalls`, and with `directcall`
    /// (compiled direct calls from other regions then only take the
    /// value).
    clears: bool,
    /// Receiver-class tables of method loads (see `MethodTable`).
    tables: Vec<MethodTable>,
    /// Non-zero while exit code is written: building a virtual tuple
    /// does not give other registers the same tuple (`materialize`).
    no_alias: u32,
    /// The register, value, pc and code of the last `LoadInt` of the block
    /// being translated: the next instruction's right operand when it reads
    /// that register (a divisor or a shift count known at compile time).
    last_load_int: Option<(usize, i64, usize, *const CodeObj)>,
    /// Some register got a virtual container in this translation.
    virtuals: bool,
    /// The virtual instances of this translation (`T::VInst`).
    vinsts: Vec<VInst>,
}

/// A virtual instance (`virtinst`): its class and `__init__` (a setter,
/// `Vm::setter_init`; both kept alive by the translation's constants), the
/// shape its dict would get, and per attribute (in the `__init__`'s store
/// order) its name and the state and IR local of its value (a number).
struct VInst {
    cls: PyRef<ClassObj>,
    init: PyRef<FunctionObj>,
    shape: u64,
    fields: Vec<(PyRef<crate::objects::StrObj>, T, LocalId)>,
    /// Per field, the `__init__` parameter it came from (1: the first
    /// after `self`); the number of those parameters.
    params: Vec<usize>,
    nparams: usize,
}

/// The facts key of virtual instance `k`'s `Fact::VClass`.
fn vinst_key(k: u16) -> (usize, i64, bool) {
    (usize::MAX - 1, i64::MIN + k as i64, true)
}

/// The facts key (with `Fact::VClass`) saying that a virtual construction
/// at inlining depth `levels` found the recursion limit far enough
/// (`construct_virtual`).
fn vinst_depth_key(levels: u32) -> (usize, i64, bool) {
    (usize::MAX - 1, i64::MIN + (1 << 20) + levels as i64, true)
}

/// Attribute facts by object register, name (the name's address; 0 for
/// the facts about the object's dict) and whether the access was a store.
type Facts = HashMap<(usize, i64, bool), Fact>;

/// What the translation knows at a point about the instance in a register:
/// a guarded lookup found where an attribute's value lives in its dict, or
/// where the dict's entries are, and nothing since can have changed the
/// register, the class or the dict's shape, so that still holds. Facts
/// are dropped by every helper call that may run Python code or change a
/// dict, every write of the register, loop headers and inlined calls;
/// where paths join, the facts common to all of them hold.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Fact {
    /// IR locals holding the address of the attribute's value slot and
    /// the class version at the lookup: an access of the other kind (load
    /// or store) reuses the fact only when its own cache approved that
    /// class version (a class with `__setattr__` may be plain for loads).
    Attr { addr: LocalId, version: LocalId },
    /// IR locals holding the dict's entry array, its length and the class
    /// version: a lookup of another attribute of the object only checks
    /// the version, the position and the key. `checked` is a class version
    /// the version local is known to hold unless the length local is 0
    /// (which fails every position check): a lookup whose cache approved
    /// that version skips the version check. `shape` holds the dict's
    /// shape (`dict::shape`; `NO_SHAPE` when the length local is 0): a
    /// lookup whose cache recorded that shape needs no position or key
    /// check.
    Dict { entries: LocalId, len: LocalId, version: LocalId, checked: u64, shape: LocalId },
    /// Replaces `Dict` when the object's first lookup checked its class
    /// version and dict shape strictly (leaving compiled code when they
    /// differ: `SHAPE_GUARD`): the class version is `version` and the
    /// dict has shape `shape`, its entry array in IR local `entries`.
    /// Every attribute of the shape is then at a known position: a lookup
    /// whose cache approved that version is an address computation.
    Shaped { entries: LocalId, version: u64, shape: u64 },
    /// Keyed by the name's address bitwise negated (`plain_key`): the
    /// attribute's value is an int, float or bool (a guarded load or a
    /// compiled store put it there), with this tag, so a store over it
    /// drops no reference, and a store of a number of the same type
    /// writes only the payload. Every compiled store of the name forgets this fact for
    /// every register (another may hold the same object).
    Plain(u8),
    /// Keyed by `LIST_FACT`: the register holds a list whose storage kind
    /// (`list::kind`) is `kind` (guarded), with its item storage and length
    /// in IR locals. Dropped by every helper call but a few that run no
    /// Python code and change no list (`forget_facts`), and by every
    /// inline append (another register may hold the same list).
    List { items: LocalId, len: LocalId, kind: u8 },
    /// Keyed by `CELL_FACT`: the register's slot holds (a reference to)
    /// the value of the cell in register `c`, which has tag `tag`: loading
    /// the cell into it again is nothing to do. Dropped like `List`, and by
    /// every store into any cell.
    Cell { c: usize, tag: u8 },
    /// Keyed by `kind_fact(shape)`: the kinds' version of the shape
    /// (`dict::shape::kind_version`) was checked to be what it was at
    /// compilation (none of its positions' kinds has become mixed since),
    /// and nothing since may have stored into a dict unnoticed: an
    /// attribute whose kind there is a number's tag, of an object whose
    /// dict is known to have that shape (`Fact::Shaped`), holds such a
    /// number (`--jit-opt kinds`). Dropped by every helper call that may
    /// store into a dict (`forget_facts`).
    KindVersion,
    /// Keyed by `vinst_key(k)`: the class version of virtual instance `k`
    /// was checked (at its construction or since), so its attributes are
    /// still the ones its `__init__` stored (no data descriptor came).
    VClass,
    /// Keyed by `global_fact(entry)`: the dict entry at that address was
    /// checked (with the key versions of the dicts the name was looked up
    /// in) to hold the value the translator read there; for a number, IR
    /// local `value` holds it. A later load of the same name reuses it
    /// without checks, until a helper that may run Python code, or a
    /// compiled store of a global, drops it.
    Global { value: Option<LocalId>, dicts: [usize; 2] },
    /// Keyed by `BORROW_FACT`: when the register's slot holds a heap
    /// object, register `c`'s slot holds the same object, each with a
    /// reference of its own (a counted copy: `Move`, a method's `self`
    /// (or Undef), an operator method's operands; a call's arguments pass
    /// it on to the inlined callee's parameters). Releasing the register's
    /// reference then never frees the object: a plain decrement
    /// (`decrement_borrowed`), no check for the last reference, no helper
    /// call, no safe point (`--jit-opt borrow`). Python code cannot change
    /// a frame's registers, so only writes of either register drop it
    /// (`forget_writes`, `unborrow`), not helper calls (`clear_facts`).
    Borrow { c: usize },
    /// Keyed by `index_fact(len)` on the index's register: the int in the
    /// register was checked to be a valid index of a list whose length is
    /// in IR local `len` (a `Fact::List`'s), normalised (a negative index
    /// plus the length) into IR local `j`. A later access with the same
    /// register and length needs no check. Dropped by any write of the
    /// register, any new value of the length local (`load_list_fact`, an
    /// inline append's reload), and with list facts.
    Index { j: LocalId },
}

/// The facts that hold on every edge into a join: `acc` (those of the edges
/// met so far, None before the first) kept where the next edge's `ef` has
/// the same fact (same IR locals: they are variables, so each edge's values
/// reach the join).
fn meet_facts(acc: Option<Facts>, ef: Facts) -> Facts {
    match acc {
        None => ef,
        Some(mut f) => {
            f.retain(|k, v| ef.get(k) == Some(v));
            f
        }
    }
}

/// The pc of the last back-edge (`Loop`) of `code` to loop header `h`: the
/// loop's end.
fn last_back_edge(code: &CodeObj, h: usize) -> Option<usize> {
    code.instrs.iter().rposition(|i| matches!(i, Instr::Loop { target, .. } if *target as usize == h))
}

/// The register of instruction `ins` that receives the value an inlined
/// function returns, when that value is the instruction's result: a
/// call's, or (`true`) an arithmetic operator method's (unless it is
/// `NotImplemented`, which the instruction handles further).
fn inlined_result(ins: &Instr) -> Option<(Reg, bool)> {
    match *ins {
        Instr::Call { func, .. } | Instr::CallKw { func, .. } => Some((func, false)),
        Instr::CallMethod { base, .. } => Some((base, false)),
        Instr::Add { dst, .. }
        | Instr::Sub { dst, .. }
        | Instr::Mul { dst, .. }
        | Instr::TrueDiv { dst, .. }
        | Instr::FloorDiv { dst, .. }
        | Instr::Mod { dst, .. }
        | Instr::BinaryOp { dst, .. } => Some((dst, true)),
        _ => None,
    }
}

/// The facts key of a register's `Fact::Cell` (no name has address 2).
const CELL_FACT: i64 = 2;
/// The facts key of a register's `Fact::Borrow` (no name has address 3).
const BORROW_FACT: i64 = 3;

/// The key of a register's `Fact::Index` for a list length in IR local
/// `len` (above every name's address, below `ITER_FACT`'s negation: no
/// other fact has it).
fn index_fact(len: LocalId) -> i64 {
    (1i64 << 50) + len as i64
}

/// The key of the `Fact::KindVersion` of a shape (no register has this
/// number).
fn kind_fact(shape: u64) -> (usize, i64, bool) {
    (usize::MAX, shape as i64, true)
}

/// The key of the `Fact::Global` of a dict entry (no register has this
/// number).
fn global_fact(entry: *const Value) -> (usize, i64, bool) {
    (usize::MAX - 1, entry as i64, false)
}

/// Exit reason of the check of a `Fact::KindVersion`.
pub const KIND_GUARD: &str = "attribute kinds changed";

/// The last guard exit of the innermost frame (`Tr::exit`) after which
/// only pure instructions were translated (`reexec`): a later guard of
/// the same frame may leave like it, resuming at its `pc`, while nothing
/// with effects (`Function::effects`) was emitted and the registers
/// written since (`written`, absolute) are dead at `pc`.
struct ReExit {
    pc: usize,
    depth: usize,
    code: *const CodeObj,
    effects: u64,
    written: Vec<usize>,
}

/// Instructions that only compute values into registers when compiled
/// without effects (`ReExit`): arithmetic, comparisons, constants, moves,
/// reads of globals, attributes, cells and list items, and calls compiled
/// to machine instructions (`math.sqrt`, `abs`, `min`: a call of anything
/// else emits a call or a store). Whether a translation had effects is
/// checked separately (`Function::effects`).
fn pure_instr(ins: &Instr) -> bool {
    matches!(
        ins,
        Instr::Nop { .. }
            | Instr::Move { .. }
            | Instr::LoadConst { .. }
            | Instr::LoadInt { .. }
            | Instr::LoadNone { .. }
            | Instr::LoadBool { .. }
            | Instr::Add { .. }
            | Instr::AddInt { .. }
            | Instr::SubInt { .. }
            | Instr::ModInt { .. }
            | Instr::Sub { .. }
            | Instr::Mul { .. }
            | Instr::TrueDiv { .. }
            | Instr::FloorDiv { .. }
            | Instr::Mod { .. }
            | Instr::BinaryOp { .. }
            | Instr::InplaceOp { .. }
            | Instr::Neg { .. }
            | Instr::Pos { .. }
            | Instr::Invert { .. }
            | Instr::Not { .. }
            | Instr::ToBool { .. }
            | Instr::Compare { .. }
            | Instr::LoadGlobal { .. }
            | Instr::LoadAttr { .. }
            | Instr::LoadDeref { .. }
            | Instr::LoadMethod { .. }
            | Instr::GetItem { .. }
            | Instr::Call { .. }
            | Instr::CallMethod { .. }
    )
}

/// Whose dict a compiled store writes into (`note_kind_store`).
#[derive(Clone, Copy)]
enum KindOwner {
    /// The instance in this register.
    Instance(usize),
    /// This dict (a module's globals).
    Dict(usize),
}

/// A fact kept across a loop's iterations (`--jit-opt hoist`): it holds on
/// the back-edge, so the header has it when every entry edge establishes
/// it (guarded); the collector's safe point on the back-edge re-checks it.
/// Proposed from the back-edge's facts of a first translation, dropped
/// (and the loop translated again) when a back-edge lacks it.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum HeaderFact {
    /// `Fact::List` of register `r` (`key`: `LIST_FACT`, or `ITER_FACT +
    /// k` for the list under an iterator).
    List { r: usize, key: i64, kind: u8 },
    /// `Fact::Cell` of register `d` (a temporary dead at the header).
    Cell { d: usize, c: usize, tag: u8 },
    /// `Fact::Global` of the dict entry at `entry` (found by looking in
    /// `dicts`: the globals, then the builtins).
    Global { entry: usize, dicts: [usize; 2] },
    /// `Fact::KindVersion` of a dict shape.
    Kinds { shape: u64 },
}

impl HeaderFact {
    fn key(self) -> (usize, i64, bool) {
        match self {
            HeaderFact::List { r, key, .. } => (r, key, false),
            HeaderFact::Cell { d, .. } => (d, CELL_FACT, false),
            HeaderFact::Global { entry, .. } => global_fact(entry as *const Value),
            HeaderFact::Kinds { shape } => kind_fact(shape),
        }
    }
}

/// Classes of fact drops (`Tr::drops`).
const DROP_LISTS: usize = 0;
const DROP_GLOBALS: usize = 1;
const DROP_KINDS: usize = 2;

/// Exit reason of the guards establishing header facts: a header whose
/// guards keep failing is marked `HOIST_SITE` in `generic`.
pub const HOIST_GUARD: &str = "loop-invariant fact";
/// `HOIST_GUARD` of globals only: its first failures recompile at once
/// (as `GLOBAL_GUARD`'s), later ones as `HOIST_GUARD`'s.
pub const HOIST_GLOBAL_GUARD: &str = "loop-invariant global";
/// The reason of a `gc_leave` exit: `jit_finish` runs the collector.
pub const GC_DUE: &str = "collector due";
/// Why compiled code left at a loop header: a signal's Python handler is due.
pub const SIGNAL_DUE: &str = "signal handler due";
/// Flag on a header pc in `generic`: keep no facts at that header.
pub const HOIST_SITE: u32 = 1 << 30;

/// The facts key of a register's `Fact::List` (no name has address 1).
const LIST_FACT: i64 = 1;
/// The facts key of the `Fact::List` of the list under the `k`-th list
/// iterator of an iterator register (`for x in xs`, `zip`, `enumerate`):
/// `ITER_FACT + k` (no name has such an address).
const ITER_FACT: i64 = 16;

/// The facts key of the `Fact::Plain` of attribute `key` of register `o`.
fn plain_key(o: usize, key: i64) -> (usize, i64, bool) {
    (o, !key, false)
}

/// Exit reason of the guards of `attr_address_strict`: a site whose
/// guards keep failing is recompiled with the lookup helper as fallback.
pub const ATTR_GUARD: &str = "attribute guard";

/// Exit reason of the strict class version and shape check of an
/// object's first attribute lookup (`Fact::Shaped`): when it keeps
/// failing, the code object is marked `SHAPE_LOOSE` in `generic`.
pub const SHAPE_GUARD: &str = "shape guard";

/// Exit reason of a method load whose receiver's class is not the one
/// compiled for (`method_on_instance`). When it keeps failing, objects of
/// several classes reach the code: its shape checks are made loose too
/// (`SHAPE_LOOSE`) in the same recompilation, instead of failing next.
pub const METHOD_GUARD: &str = "method cache miss";

/// Exit reason of the guards of a global's value (`guard_global`): the
/// dicts' key versions, the entry's tag or identity. A key added to the
/// module (the first `x = ...` after a loop that reads other globals)
/// fails them as surely as a rebinding does; the first failures recompile
/// the region at once, reading the dicts as they are now, instead of
/// making the load generic after `RECOMPILE_AFTER` failures.
pub const GLOBAL_GUARD: &str = "global changed";

/// Exit reason of a polymorphic method site (`method_polymorphic`,
/// `polymorphic_call`) meeting a receiver or a method it was not compiled
/// for (`--jit-opt polyexit`). When it keeps failing, the site gets its
/// generic paths back in the recompilation (`POLY_SITE`).
pub const POLY_GUARD: &str = "polymorphic method miss";

/// Marks a polymorphic method site in `generic` (its pc with this bit
/// set) whose `POLY_GUARD` exits failed too often: compiled with the
/// generic path for other receivers and methods, its known methods still
/// inlined.
pub const POLY_SITE: u32 = 1 << 29;

/// The longest method (in bytecode instructions) inlined at a polymorphic
/// site (`polymorphic_call`): each target is a copy of its body in the
/// region, and a longer body gains little from inlining over a native call
/// of its own compiled code, while it costs compile time at every such
/// site (raytrace's `intersect`s inlined in both `closest_hit` and
/// `in_shadow`, richards' task bodies). Accessors and one-line methods
/// (`normal_at`, `color_at`) stay inlined. At 40: raytrace 13% and
/// richards 10% more compile time, richards 7% slower.
const POLY_INLINE_MAX: usize = 12;

/// The pc that marks a code object in `generic` whose strict shape checks
/// failed too often: its lookups check shapes without leaving.
pub const SHAPE_LOOSE: u32 = u32::MAX >> 1;

/// Marks a site in `generic` (its pc with this bit set) whose strict
/// attribute guards failed too often: compiled with the lookup helper.
pub const LOOSE_SITE: u32 = 1 << 31;

/// Translates the loop whose header is `header` and whose back-edge is at
/// `loop_pc`, in frame `fi`.
#[allow(clippy::too_many_arguments)]
pub fn translate(
    vm: &Vm,
    fi: usize,
    header: usize,
    loop_pc: usize,
    headers: &mut std::collections::HashMap<HeaderKey, State>,
    consts: &mut Vec<Value>,
    generic: &std::collections::HashSet<(usize, u32)>,
    widen: &[u32],
) -> Result<Translation, String> {
    let frame = &vm.frames[fi];
    let code: &CodeObj = frame.code();
    if header > loop_pc {
        return Err("malformed loop".into());
    }
    let mut templates = HashMap::default();
    let mut proposed = HashSet::default();
    let mut restarts = [0u32; 4];
    for attempt in 0..16 {
        let mut tr = Tr {
            vm,
            opts: &vm.jit.opts,
            f: Function::new(&format!("loop_{}_{}", code.name, code.lines[header])),
            base: 0,
            ctx: 0,
            cur: 0,
            st: Vec::new(),
            consts: std::mem::take(consts),
            exits: Vec::new(),
            frames: Vec::new(),
            chain: Vec::new(),
            regions: Vec::new(),
            ivars: HashMap::default(),
            fvars: HashMap::default(),
            aux: HashMap::default(),
            headers: &mut *headers,
            templates: &mut templates,
            proposed: &mut proposed,
            installed: HashMap::default(),
            // (Late attempts keep none: the types must settle.)
            hoist: attempt < 10 && vm.jit.opts.has("hoist"),
            pre_gc_facts: None,
            drops: [0; 3],
            header_drops: HashMap::default(),
            pre_gc_drops: None,
            generic,
            rexec: None,
            live_cache: HashMap::default(),
            extent: code.nregs as usize,
            depth: 0,
            // Whole-function regions are big already: they inline less.
            budget: if loop_pc + 1 == code.instrs.len() && header == 0 { 100 } else { 150 },
            small_budget: if vm.jit.opts.has("smallbudget") { SMALL_BUDGET } else { 0 },
            whole: loop_pc + 1 == code.instrs.len() && header == 0,
            pc: header,
            skip: false,
            freed: false,
            exit_tails: HashMap::default(),
            catch_tails: HashMap::default(),
            exit_local: 0,
            no_split: 0,
            facts: HashMap::default(),
            entries: Vec::new(),
            entry_checks: Vec::new(),
            patches: Vec::new(),
            root_fi: fi,
            selfcalls: loop_pc + 1 == code.instrs.len()
                && header == 0
                && vm.jit.opts.native_calls
                && vm.jit.opts.has("selfcall")
                && super::calls_itself(code),
            clears: loop_pc + 1 == code.instrs.len()
                && header == 0
                && vm.jit.opts.native_calls
                && ((vm.jit.opts.has("selfcall") && super::calls_itself(code))
                    // (Not dunders: operators and constructors call them
                    // through the interpreter's frames, whose return
                    // clears the window more cheaply than compiled code.)
                    || (vm.jit.opts.has("directcall") && !code.name.starts_with("__"))),
            tables: Vec::new(),
            no_alias: 0,
            last_load_int: None,
            virtuals: false,
            vinsts: Vec::new(),
            proposed_now: false,
        };
        tr.exit_local = tr.f.new_local(Ty::I64);
        tr.base = tr.f.base();
        tr.ctx = tr.f.ctx();
        let mut r = tr.root(fi, header, loop_pc, widen);
        *consts = tr.consts.clone();
        if r.is_ok() && tr.proposed_now {
            // Header facts were proposed on the way: one more translation
            // for all of them.
            r = Err(Abort::Restart(3));
        }
        match r {
            Ok(()) => {
                // Constants known only now (see `Tr::patched_const`).
                for &(b, i, k) in &tr.patches {
                    let v = match k {
                        Patch::Levels(extra) => 2 * tr.depth as i64 + extra,
                        Patch::Room16 => 16 * tr.extent.max(code.nregs as usize) as i64,
                    };
                    tr.f.blocks[b as usize].insts[i].op = Op::IConst(v);
                }
                return Ok(Translation {
                    func: tr.f,
                    exits: tr.exits,
                    frames: tr.frames,
                    consts: tr.consts,
                    extent: tr.extent,
                    depth: tr.depth,
                    entries: tr.entries,
                    entry_checks: tr.entry_checks,
                    tables: tr.tables,
                    clears: tr.clears,
                    restarts,
                });
            }
            Err(Abort::Restart(why)) => {
                restarts[why as usize] += 1;
                if attempt == 15 {
                    return Err("types at the loop header do not stabilise".into());
                }
            }
            Err(Abort::Fail(why)) => return Err(why),
        }
    }
    Err("types at the loop header do not stabilise".into())
}

impl<'a> Tr<'a> {
    fn level(&self) -> &Level {
        self.chain.last().unwrap()
    }
    fn code(&self) -> &'a CodeObj {
        // SAFETY: every code object in the chain is kept alive by the
        // frame or by a function constant of the translation.
        unsafe { &*self.level().code }
    }
    fn header_key(&self, pc: usize) -> HeaderKey {
        let mut k: Vec<u64> = Vec::with_capacity(2 * self.chain.len() + 1);
        for (i, l) in self.chain.iter().enumerate() {
            if i > 0 {
                k.push(l.call_pc as u64);
            }
            k.push(l.code as u64);
        }
        k.push(pc as u64);
        k
    }
    fn abs(&self, r: Reg) -> usize {
        self.level().offset + r as usize
    }
    fn liveness(&mut self, code: &CodeObj) -> Rc<Liveness> {
        let k = code as *const CodeObj as usize;
        self.live_cache.entry(k).or_insert_with(|| Rc::new(Liveness::compute(code))).clone()
    }
    fn intern(&mut self, v: &Value) -> u32 {
        // Values without a payload (None...) compare by tag only: their
        // payload word is padding.
        let has_payload = |x: &Value| matches!(x.tag(), tag::BOOL | tag::INT | tag::FLOAT) || is_heap_tag(x.tag());
        for (i, c) in self.consts.iter().enumerate() {
            if c.tag() == v.tag() && (!has_payload(v) || c.words()[1] == v.words()[1]) {
                return i as u32;
            }
        }
        self.consts.push(v.clone());
        (self.consts.len() - 1) as u32
    }
    fn konst(&self, c: u32) -> &Value {
        &self.consts[c as usize]
    }

    // ---- IR emission -------------------------------------------------

    fn iconst(&mut self, v: i64) -> Var {
        self.f.iconst(self.cur, v)
    }
    /// A constant that depends on the whole region (its inlining depth,
    /// its extent), filled in when the translation is complete.
    fn patched_const(&mut self, k: Patch) -> Var {
        let i = self.f.blocks[self.cur as usize].insts.len();
        let v = self.f.iconst(self.cur, 0);
        self.patches.push((self.cur, i, k));
        v
    }
    fn fconst(&mut self, v: f64) -> Var {
        self.f.fconst(self.cur, v)
    }
    fn op1(&mut self, op: Op, args: impl AsRef<[Var]>) -> Var {
        self.f.push1(self.cur, op, args)
    }
    fn op(&mut self, op: Op, args: impl AsRef<[Var]>) -> spry_jit::ir::Results {
        self.f.push(self.cur, op, args)
    }
    fn load(&mut self, addr: Var, off: i32) -> Var {
        self.op1(Op::Load { ty: Ty::I64, off }, [addr])
    }
    fn loadf(&mut self, addr: Var, off: i32) -> Var {
        self.op1(Op::Load { ty: Ty::F64, off }, [addr])
    }
    fn store(&mut self, addr: Var, off: i32, v: Var) {
        self.op(Op::Store { off }, [addr, v]);
    }
    fn icmp(&mut self, c: Cmp, a: Var, b: Var) -> Var {
        self.op1(Op::ICmp(c), [a, b])
    }
    fn icmp_imm(&mut self, c: Cmp, a: Var, k: i64) -> Var {
        let kv = self.iconst(k);
        self.icmp(c, a, kv)
    }
    /// Helpers that may run Python code (and so advance an iterator the
    /// loop also walks): cached iterator positions must be reloaded after.
    fn forget_positions(&mut self, name: &str) {
        if matches!(
            name,
            "exec"
                | "exec_item"
                | "exec_call"
                | "call_builtin_method"
                | "binop"
                | "compare"
                | "compare_bool"
                | "truthy"
                | "binop_reflected"
        ) {
            for rs in self.st.iter_mut() {
                match rs.t {
                    T::RangeIter(true) => rs.t = T::RangeIter(false),
                    T::ListIter(true) => rs.t = T::ListIter(false),
                    T::TupleIter(true) => rs.t = T::TupleIter(false),
                    _ => {}
                }
            }
        }
    }
    /// Helpers that run no Python code and change no dict: attribute
    /// facts survive them. (`release` may free objects, but never runs
    /// `__del__` itself: finalizers are queued and run at safe points —
    /// see `vm/finalize.rs` — and every safe point in compiled code either
    /// drops the facts or leaves.)
    fn forget_facts(&mut self, name: &str) {
        if !matches!(
            name,
            "release"
                | "list_append"
                | "list_pop"
                | "unpack_tuple"
                | "attr_addr"
                | "method_addr"
                | "iter_info"
                | "fused_info"
                | "list_copy"
                | "zip_lists"
                | "range_iter"
                | "construct_setter"
                | "make_tuple"
                | "make_kwdict"
                | "make_seq_iter"
                | "seq_iter_at"
                | "method_fill"
                | "method_unshadowed"
                | "str_eq"
        ) {
            self.clear_facts();
        } else if !matches!(name, "iter_info" | "fused_info" | "range_iter" | "attr_addr" | "method_addr" | "seq_iter_at" | "str_eq") {
            // The others may release an object, whose finalizer may
            // change any list. (A release is not counted in `drops`:
            // it is often the release of what a register held before
            // it gets the value a proposed fact then keeps in it —
            // `LoadDeref` of a cell fact — and a header fact that did
            // not hold is only dropped again.)
            let d = self.drops[DROP_LISTS];
            self.forget_list_facts();
            if name == "release" {
                self.drops[DROP_LISTS] = d;
            }
        }
        // Helpers that fill dicts (a new instance's, a `**kwargs` dict)
        // may make a kind mixed.
        if matches!(name, "construct_setter" | "make_kwdict" | "method_fill") {
            self.drops[DROP_KINDS] += 1;
            self.facts.retain(|_, f| !matches!(f, Fact::KindVersion));
        }
    }
    fn forget_list_facts(&mut self) {
        self.drops[DROP_LISTS] += 1;
        self.facts.retain(|_, f| !matches!(f, Fact::List { .. } | Fact::Cell { .. } | Fact::Index { .. }));
    }
    /// Drops every fact.
    fn clear_facts(&mut self) {
        self.count_drops();
        self.facts.retain(|_, f| matches!(f, Fact::Borrow { .. }));
    }
    /// Register `r`'s slot changes: no register borrows from it any more
    /// (see `Fact::Borrow`), and it borrows from none.
    fn unborrow(&mut self, r: usize) {
        if !self.facts.is_empty() {
            self.facts.retain(|k, f| !((k.0 == r && k.1 == BORROW_FACT) || matches!(f, Fact::Borrow { c } if *c == r)));
        }
    }
    /// Records that register `d`'s slot holds a counted copy of the object
    /// in register `s`'s slot (`Fact::Borrow`).
    fn borrow(&mut self, d: usize, s: usize) {
        if d != s {
            self.facts.insert((d, BORROW_FACT, false), Fact::Borrow { c: s });
        }
    }
    /// The register that register `r` borrows its object from, if any.
    fn borrowed_from(&self, r: usize) -> Option<usize> {
        match self.facts.get(&(r, BORROW_FACT, false)) {
            Some(Fact::Borrow { c }) => Some(*c),
            _ => None,
        }
    }
    /// Counts a drop of every class of facts (`drops`).
    fn count_drops(&mut self) {
        for d in self.drops.iter_mut() {
            *d += 1;
        }
    }

    /// The item storage and length of the list a `Fact::List` keyed `key`
    /// of register `o` is about (`fact_list`: the list in `o`, or under the
    /// iterator in `o`) when its storage kind is `want`: from the fact, or
    /// loaded and the kind guarded (leaving at `pc`, nothing done yet) when
    /// the site has not left too often. `None`: the caller handles every
    /// kind.
    fn list_fact(&mut self, pc: usize, o: usize, key: i64, want: u8) -> Option<(Var, Var)> {
        match self.facts.get(&(o, key, false)).copied() {
            Some(Fact::List { items, len, kind }) if kind == want => {
                let i = self.op1(Op::GetVar(items), []);
                let n = self.op1(Op::GetVar(len), []);
                return Some((i, n));
            }
            Some(_) => return None,
            None => {}
        }
        if !self.opts.has("listfacts") || self.is_generic(pc) {
            return None;
        }
        let p = self.fact_list(o, key)?;
        let x = self.exit(ExitKind::Guard, pc, "list storage kind");
        let (il, nl) = (self.f.new_local(Ty::I64), self.f.new_local(Ty::I64));
        let (i, n) = self.load_list_fact(p, want, x, il, nl);
        self.facts.insert((o, key, false), Fact::List { items: il, len: nl, kind: want });
        Some((i, n))
    }

    /// The list object `p`'s kind guarded to be `kind` (else to `fail`),
    /// its item storage and length loaded into locals `items` and `len`
    /// (a `Fact::List`'s) and returned.
    fn load_list_fact(&mut self, p: Var, kind: u8, fail: BlockId, items: LocalId, len: LocalId) -> (Var, Var) {
        let data = crate::objects::rc::DATA_OFFSET as i32;
        let k = self.list_kind(p);
        let ok = self.icmp_imm(Cmp::Eq, k, kind as i64);
        self.guard_nonzero(ok, fail);
        let n = self.load(p, data + crate::objects::list::LIST_LEN_OFFSET as i32);
        let i = self.load(p, data + crate::objects::list::LIST_PTR_OFFSET as i32);
        self.op(Op::SetVar(items), [i]);
        self.op(Op::SetVar(len), [n]);
        self.forget_index_facts(len);
        (i, n)
    }

    /// Drops the `Fact::Index`es checked against length local `len`.
    fn forget_index_facts(&mut self, len: LocalId) {
        if !self.facts.is_empty() {
            let key = index_fact(len);
            self.facts.retain(|k, f| !matches!(f, Fact::Index { .. }) || k.1 != key);
        }
    }

    /// The item storage of the list in register `o` and index `k`
    /// normalised and checked against its length, through the register's
    /// `Fact::List` (`list_fact`, storage kind `want`), reusing an earlier
    /// check of the same index register against the same length
    /// (`Fact::Index`). `None` as `list_fact`.
    fn list_fact_at(&mut self, pc: usize, o: usize, k: usize, want: u8) -> Option<(Var, Var)> {
        let (items, len) = self.list_fact(pc, o, LIST_FACT, want)?;
        let Some(Fact::List { len: ll, .. }) = self.facts.get(&(o, LIST_FACT, false)).copied() else {
            unreachable!("list_fact answers from the register's list fact or makes it")
        };
        let ik = (k, index_fact(ll), false);
        if let Some(Fact::Index { j }) = self.facts.get(&ik).copied() {
            return Some((items, self.op1(Op::GetVar(j), [])));
        }
        let (j, v) = self.checked_index_local(pc, k, len);
        self.facts.insert(ik, Fact::Index { j });
        Some((items, v))
    }

    /// The list object a `Fact::List` (keyed `key`) of register `r` is
    /// about: the register's value, or the list under its iterator.
    fn fact_list(&mut self, r: usize, key: i64) -> Option<Var> {
        if key == LIST_FACT {
            return Some(self.load(self.base, Self::slot_off(r) + 8));
        }
        let (i, n) = iter_list(self.st[r].t, key)?;
        let l = self.aux_n(r, n)[i];
        Some(self.op1(Op::GetVar(l), []))
    }

    /// Index `k` normalised and guarded against length `len`.
    fn checked_index(&mut self, pc: usize, k: usize, len: Var) -> Var {
        self.checked_index_local(pc, k, len).1
    }

    /// `checked_index`, and the IR local that holds the index (set only
    /// here).
    fn checked_index_local(&mut self, pc: usize, k: usize, len: Var) -> (LocalId, Var) {
        let i = self.int_of(k);
        // Hot path: 0 <= i < len, one unsigned compare. A negative index
        // is normalised on a cold path: `i + len` is in range exactly when
        // `-len <= i < 0` (a too large `i` gives `i + len >= len`).
        let j = self.f.new_local(Ty::I64);
        self.op(Op::SetVar(j), [i]);
        let inb = self.icmp(Cmp::Ult, i, len);
        let neg = self.cold_block();
        let join = self.new_block();
        self.f.set_term(self.cur, Terminator::Branch { cond: inb, then: (join, vec![]), els: (neg, vec![]) });
        self.cur = neg;
        let il = self.op1(Op::IAdd, [i, len]);
        let inb2 = self.icmp(Cmp::Ult, il, len);
        let x = self.exit(ExitKind::Guard, pc, "index out of range");
        self.guard_nonzero(inb2, x);
        self.op(Op::SetVar(j), [il]);
        self.f.set_term(self.cur, Terminator::Jump(join, vec![]));
        self.cur = join;
        (j, self.op1(Op::GetVar(j), []))
    }
    /// Drops the facts about the registers instruction `pc` writes.
    fn forget_writes(&mut self, pc: usize, after: bool) {
        if self.facts.is_empty() {
            return;
        }
        let ins = self.code().instrs[pc];
        // After these, facts about the result register are about its new
        // value (copied from the source's, made by a constructor, or the
        // value an inlined function returned).
        let result = match ins {
            _ if !after => None,
            Instr::Move { dst, .. } | Instr::Take { dst, .. } => Some(dst),
            _ => inlined_result(&ins).map(|(r, _)| r),
        };
        if let Instr::LoadDeref { dst, cell, .. } = ins {
            if let Some(Fact::Cell { c, .. }) = self.facts.get(&(self.abs(dst), CELL_FACT, false)) {
                if *c == self.abs(cell) {
                    // Loads what the register holds already.
                    return;
                }
            }
        }
        let (mut reads, mut writes) = (Vec::new(), Vec::new());
        ins.reg_effects(&mut reads, &mut writes);
        // A call's arguments keep their facts (what they borrow, what is
        // known about their objects) until the call moves them into an
        // inlined callee's parameters (or consumes them: the pass after
        // the instruction drops them then); a method's `self` keeps what
        // the method load copied from the receiver. (Their facts were
        // dropped before the instruction, so any they have now are about
        // their new values.)
        let keep = |w: Reg| match ins {
            Instr::Call { .. } | Instr::CallKw { .. } | Instr::CallMethod { .. } | Instr::CallMethodKw { .. } => !after,
            Instr::LoadMethod { dst, .. } => after && w == dst + 1,
            _ => false,
        };
        for w in writes {
            if Some(w) == result {
                continue;
            }
            let a = self.abs(w);
            let kept = keep(w);
            self.facts.retain(|k, f| (k.0 != a || kept) && !matches!(f, Fact::Borrow { c } if *c == a));
        }
    }
    fn call(&mut self, addr: usize, name: &'static str, args: impl AsRef<[Var]>) -> Var {
        self.forget_facts(name);
        self.forget_positions(name);
        let split = self.split_set();
        self.spill_around(&split, true);
        let r = self.op1(Op::Call { addr: addr as u64, name, ret: true, preserve: false }, args);
        self.spill_around(&split, false);
        self.reload_positions(name);
        r
    }
    fn call_void(&mut self, addr: usize, name: &'static str, args: impl AsRef<[Var]>) {
        self.forget_facts(name);
        self.forget_positions(name);
        let split = self.split_set();
        self.spill_around(&split, true);
        self.op(Op::Call { addr: addr as u64, name, ret: false, preserve: false }, args);
        self.spill_around(&split, false);
        self.reload_positions(name);
    }
    /// `call_void` of a helper through a trampoline that keeps every
    /// register (`helpers::release_preserving`): no spills around it
    /// (`split`), nothing clobbered (`ir::Op::Call`'s `preserve`). A plain
    /// call where there is no trampoline.
    fn call_void_preserving(&mut self, addr: Option<usize>, name: &'static str, args: impl AsRef<[Var]>) {
        let Some(addr) = addr.filter(|_| self.opts.has("preserve")) else {
            let plain = match name {
                "release" => helpers::release as *const () as usize,
                _ => unreachable!("no trampoline for {}", name),
            };
            return self.call_void(plain, name, args);
        };
        self.forget_facts(name);
        self.forget_positions(name);
        self.op(Op::Call { addr: addr as u64, name, ret: false, preserve: true }, args);
        self.reload_positions(name);
    }
    /// Helpers that may drop a reference (`release`, a store over a value,
    /// the collector at a back-edge) may run a finalizer, which may advance
    /// an iterator the loop walks with its position cached in an IR local:
    /// the positions are read back from the iterators (which compiled code
    /// keeps up to date before any such call). Helpers that run Python
    /// code anyway mark the positions uncached (`forget_positions`).
    fn reload_positions(&mut self, name: &str) {
        if matches!(
            name,
            "attr_addr" | "method_addr" | "iter_info" | "fused_info" | "make_tuple" | "make_kwdict" | "make_seq_iter" | "seq_iter_at"
        ) {
            return;
        }
        let cached: Vec<usize> = self
            .st
            .iter()
            .enumerate()
            .filter(|(_, rs)| matches!(rs.t, T::RangeIter(true) | T::ListIter(true) | T::TupleIter(true)))
            .map(|(r, _)| r)
            .collect();
        for r in cached {
            let ax = self.aux_n(r, 4);
            let p = self.op1(Op::GetVar(ax[0]), []);
            let v = self.load(p, 0);
            self.op(Op::SetVar(ax[3]), [v]);
        }
    }

    /// The float registers (and their IR locals) that a helper call
    /// splits (`--jit-opt=split`, see `spill_around`): those live before
    /// the instruction being translated or the next one (which some
    /// instructions translate with theirs), and named locals (exits write
    /// them back). Registers an instruction only writes are left out:
    /// their old values are dead. Ints are not split: they can stay in
    /// callee-saved registers across a hot call, and splitting them cost
    /// a store and a load per call and phis at loop headers for
    /// loop-invariant ones (sieve and fannkuch got slower).
    fn split_set(&mut self) -> Vec<(usize, LocalId)> {
        let mut out = Vec::new();
        if self.no_split > 0 || !self.opts.has("split") {
            return out;
        }
        for k in 0..self.chain.len() {
            let lvl = &self.chain[k];
            // SAFETY: see `code`.
            let code = unsafe { &*lvl.code };
            let n = code.nregs as usize;
            let pc = if k + 1 == self.chain.len() { self.pc } else { self.chain[k + 1].call_pc };
            let mut live = RegSet::new(n);
            // Live after the instruction (not its own operands, which
            // die at the call that consumes them: a constructor's
            // arguments), and the named variables, whose values an exit
            // writes back.
            if let Some(l) = lvl.live.live_in.get(pc + 1) {
                live.union_with(l);
            }
            for r in 0..code.varnames.len().min(n) {
                live.insert(r);
            }
            let off = lvl.offset;
            for r in 0..n {
                let a = off + r;
                if live.contains(r) && self.st.get(a).is_some_and(|rs| rs.t == T::Float) {
                    out.push((a, self.fvar(a)));
                }
            }
        }
        out
    }

    /// Around a helper call (`before`: ahead of it, else after it): the
    /// IR locals of `split` go to stack slots of their own and come back,
    /// so that no IR value of theirs lives across the call. Cranelift's
    /// register allocator would otherwise keep such a value in a stack
    /// slot for its whole live range (no XMM register survives a call on
    /// x86-64), hot inner loops included, where
    /// the calls are on other paths (the outer loop, a cold `release`,
    /// the back-edge `gc`). The frame is not touched: what the helper
    /// sees and the register states are unchanged.
    fn spill_around(&mut self, split: &[(usize, LocalId)], before: bool) {
        for &(_, l) in split {
            self.op(if before { Op::Spill(l) } else { Op::Reload(l) }, []);
        }
    }

    fn slot_off(r: usize) -> i32 {
        (r * 16) as i32
    }
    /// Address of register `r`'s slot.
    fn slot_addr(&mut self, r: usize) -> Var {
        let off = self.iconst(Self::slot_off(r) as i64);
        self.op1(Op::IAdd, [self.base, off])
    }
    fn load_tag(&mut self, r: usize) -> Var {
        self.load(self.base, Self::slot_off(r))
    }
    fn new_block(&mut self) -> BlockId {
        self.f.new_block()
    }
    fn cold_block(&mut self) -> BlockId {
        let b = self.f.new_block();
        self.f.blocks[b as usize].cold = true;
        b
    }
    /// A block that only the current one branches to: cold when the
    /// current one is (so that code after a guard on a slow path stays out
    /// of the hot path's layout).
    fn next_block(&mut self) -> BlockId {
        if self.f.blocks[self.cur as usize].cold {
            self.cold_block()
        } else {
            self.new_block()
        }
    }
    /// Continues in a new block if `cond` is zero, else goes to `exit`.
    fn guard_zero(&mut self, cond: Var, exit: BlockId) {
        let ok = self.next_block();
        self.f.set_term(self.cur, Terminator::Branch { cond, then: (exit, vec![]), els: (ok, vec![]) });
        self.cur = ok;
    }
    /// Continues in a new block if `cond` is non-zero, else goes to `exit`.
    fn guard_nonzero(&mut self, cond: Var, exit: BlockId) {
        let ok = self.next_block();
        self.f.set_term(self.cur, Terminator::Branch { cond, then: (ok, vec![]), els: (exit, vec![]) });
        self.cur = ok;
    }

    fn ivar(&mut self, r: usize) -> LocalId {
        if let Some(l) = self.ivars.get(&r) {
            return *l;
        }
        let l = self.f.new_local(Ty::I64);
        self.ivars.insert(r, l);
        l
    }
    fn fvar(&mut self, r: usize) -> LocalId {
        if let Some(l) = self.fvars.get(&r) {
            return *l;
        }
        let l = self.f.new_local(Ty::F64);
        self.fvars.insert(r, l);
        l
    }
    fn aux(&mut self, r: usize) -> [LocalId; 3] {
        let v = self.aux_n(r, 3);
        [v[0], v[1], v[2]]
    }
    /// `n` auxiliary I64 locals of register `r` (fields of fast iterators).
    fn aux_n(&mut self, r: usize, n: usize) -> Vec<LocalId> {
        let have = self.aux.get(&r).map_or(0, |v| v.len());
        for _ in have..n {
            let l = self.f.new_local(Ty::I64);
            self.aux.entry(r).or_default().push(l);
        }
        self.aux[&r][..n].to_vec()
    }
    fn get_i(&mut self, r: usize) -> Var {
        let l = self.ivar(r);
        self.op1(Op::GetVar(l), [])
    }
    fn get_f(&mut self, r: usize) -> Var {
        let l = self.fvar(r);
        self.op1(Op::GetVar(l), [])
    }
    fn set_i(&mut self, r: usize, v: Var) {
        let l = self.ivar(r);
        self.op(Op::SetVar(l), [v]);
    }
    fn set_f(&mut self, r: usize, v: Var) {
        let l = self.fvar(r);
        self.op(Op::SetVar(l), [v]);
    }

    // ---- abstract registers -------------------------------------------

    /// Makes `r` an unboxed number (dirty).
    fn def_num(&mut self, r: usize, t: T, v: Var) {
        match t {
            T::Float => self.set_f(r, v),
            _ => self.set_i(r, v),
        }
        let mem = self.drop_old(r);
        self.st[r] = RS { t, clean: false, mem };
    }
    /// A temporary the instruction consumed (as the interpreter's call
    /// clears its arguments): what its slot holds is released now, the
    /// register left Undef.
    fn consume(&mut self, r: usize) {
        self.drop_old(r);
        self.st[r] = RS::UNDEF;
    }
    fn def_const(&mut self, r: usize, c: u32) {
        let mem = self.drop_old(r);
        self.st[r] = RS { t: T::Const(c), clean: false, mem };
    }
    /// A register gets a virtual value: an object its slot may still hold
    /// is released now, as the interpreter's store would (a finalizer runs
    /// at the assignment, not when the slot is next written). Returns what
    /// the slot holds afterwards.
    fn drop_old(&mut self, r: usize) -> Option<u8> {
        let mem = self.st[r].slot_mem();
        if mem.is_some_and(|m| !is_heap_tag(m)) {
            self.unborrow(r);
            return mem;
        }
        // Inline decrement (the slot often holds an object something else
        // keeps alive, as a temporary that held `self.items` before a bool).
        self.freed |= self.release_reg(r, mem);
        self.unborrow(r);
        let z = self.iconst(0);
        self.store(self.base, Self::slot_off(r), z);
        Some(0)
    }
    /// The register was written in memory by a helper.
    fn clobber(&mut self, r: usize) {
        self.unborrow(r);
        self.st[r] = RS::ANY;
    }

    /// Releases what the slot holds if it may be a heap object (see
    /// `release_at_hint`); the caller writes the slot next, so nothing
    /// borrows from it any more.
    fn release_slot(&mut self, r: usize, known: Option<u8>) {
        self.release_reg(r, known);
        self.unborrow(r);
    }

    /// Releases what register `r`'s slot holds if it may be a heap object
    /// (`known`: its tag, if known): a plain decrement when another
    /// register keeps the object (`Fact::Borrow`), else `release_at_hint`.
    /// Whether the release may have freed an object.
    fn release_reg(&mut self, r: usize, known: Option<u8>) -> bool {
        if known.is_some_and(|t| !is_heap_tag(t)) {
            return false;
        }
        let a = self.slot_addr(r);
        if self.opts.has("borrow") && self.borrowed_from(r).is_some() {
            self.decrement_borrowed(a);
            return false;
        }
        self.release_at_hint(a, false);
        true
    }

    /// Goes on in a new block entered when the value slot at `addr` holds a
    /// heap object; returns the block to jump to when done (also the
    /// target when it holds none).
    fn when_heap(&mut self, addr: Var) -> BlockId {
        let t = self.load(addr, 0);
        let heap = self.is_heap(t);
        let dec = self.new_block();
        let done = self.new_block();
        self.f.set_term(self.cur, Terminator::Branch { cond: heap, then: (dec, vec![]), els: (done, vec![]) });
        self.cur = dec;
        done
    }

    /// Drops the reference at `a` to an object another register keeps
    /// (`Fact::Borrow`), if the slot holds a heap object: a decrement that
    /// cannot reach zero (no check for the last reference, no helper).
    fn decrement_borrowed(&mut self, a: Var) {
        let done = self.when_heap(a);
        let q = self.load(a, 8);
        let rc = self.load(q, 0);
        let one = self.iconst(1);
        let rc1 = self.op1(Op::ISub, [rc, one]);
        self.store(q, 0, rc1);
        self.f.set_term(self.cur, Terminator::Jump(done, vec![]));
        self.cur = done;
    }

    /// Releases what slot `r` holds (see `release_slot`) and leaves it
    /// Undef; the caller says what the register's state is then.
    fn empty_slot(&mut self, r: usize, known: Option<u8>) -> bool {
        let freed = self.release_reg(r, known);
        self.unborrow(r);
        let z = self.iconst(0);
        self.store(self.base, Self::slot_off(r), z);
        freed
    }

    /// Writes a virtual register's value to its slot.
    fn flush(&mut self, r: usize) {
        let s = self.st[r];
        if !s.t.is_virtual() || s.clean {
            return;
        }
        let off = Self::slot_off(r);
        match s.t {
            T::Int | T::Float | T::Bool => {
                let tg = num_tag(s.t);
                let v = if s.t == T::Float {
                    let f = self.get_f(r);
                    self.op1(Op::FBits, [f])
                } else {
                    self.get_i(r)
                };
                if s.mem != Some(tg) {
                    self.release_slot(r, s.mem);
                    let t = self.iconst(tg as i64);
                    self.store(self.base, off, t);
                }
                self.store(self.base, off + 8, v);
                self.st[r] = RS { t: s.t, clean: true, mem: Some(tg) };
            }
            T::Const(c) => {
                let v = self.konst(c).clone();
                let [tw, pw] = v.words();
                self.release_slot(r, s.mem);
                let t = self.iconst(tw as i64);
                self.store(self.base, off, t);
                let p = self.iconst(pw as i64);
                self.store(self.base, off + 8, p);
                if is_heap_tag(v.tag()) {
                    self.incref_obj(p);
                }
                self.st[r] = RS { t: s.t, clean: true, mem: Some(v.tag()) };
            }
            T::VTuple(..) | T::VDict(..) | T::VIter(..) | T::VSeqIter(_) => self.materialize(r),
            T::VInst(k) => self.build_vinst(r, k),
            _ => unreachable!(),
        }
    }

    /// Builds the tuple or dict a `VTuple`/`VDict` register stands for
    /// into its slot (the items are copied: they stay in their registers,
    /// which other virtual containers may share). The other registers of
    /// the same frame with the same `VTuple` get the same tuple.
    fn materialize(&mut self, r: usize) {
        let s = self.st[r];
        let (start, n, names) = match s.t {
            T::VTuple(a, n) => (a as usize, n as usize, None),
            T::VDict(a, n, k) => (a as usize, n as usize, Some(k)),
            T::VIter(a, n) => {
                // (The items are in their slots.)
                let src = self.slot_addr(a as usize);
                let dst = self.slot_addr(r);
                let nv = self.iconst(n as i64);
                let pl = self.aux(r)[0];
                let pos = self.op1(Op::GetVar(pl), []);
                self.call_void(helpers::make_seq_iter as *const () as usize, "make_seq_iter", [src, nv, pos, dst]);
                self.st[r] = RS::mem_type(T::Tag(tag::ITER));
                return;
            }
            T::VSeqIter(_) => {
                // (The slot holds the list or tuple.)
                let pl = self.aux_n(r, 2)[0];
                let pos = self.op1(Op::GetVar(pl), []);
                let a = self.slot_addr(r);
                self.call_void(helpers::seq_iter_at as *const () as usize, "seq_iter_at", [a, pos]);
                self.facts.retain(|k, _| k.0 != r);
                self.st[r] = RS::mem_type(T::Tag(tag::ITER));
                return;
            }
            _ => return,
        };
        for i in start..start + n {
            self.flush(i);
        }
        // A container's slot holds no object (see `virtual_container`).
        let src = self.slot_addr(start);
        let dst = self.slot_addr(r);
        let nv = self.iconst(n as i64);
        let tg = match names {
            None => {
                self.call_void(helpers::make_tuple as *const () as usize, "make_tuple", [src, nv, dst]);
                tag::TUPLE
            }
            Some(k) => {
                let p = self.konst(k).words()[1];
                let pv = self.iconst(p as i64);
                self.call_void(helpers::make_kwdict as *const () as usize, "make_kwdict", [src, pv, nv, dst]);
                tag::DICT
            }
        };
        self.st[r] = RS::mem_type(T::Tag(tg));
        if names.is_none() && self.no_alias == 0 {
            let (lo, hi) = self.window_of(r);
            for q in lo..hi.min(self.st.len()) {
                if q != r && self.st[q].t == s.t {
                    let t = self.load(self.base, Self::slot_off(r));
                    let p = self.load(self.base, Self::slot_off(r) + 8);
                    self.share_object(q, t, p, tg);
                }
            }
        }
    }

    /// Register `q` (a virtual value whose slot holds no object it owns)
    /// gets a counted copy of the object with words `t`, `p` (tag `tg`): the
    /// same object as the register it was built into.
    fn share_object(&mut self, q: usize, t: Var, p: Var, tg: u8) {
        let known = self.st[q].mem;
        self.release_slot(q, known);
        self.store(self.base, Self::slot_off(q), t);
        self.store(self.base, Self::slot_off(q) + 8, p);
        self.incref_obj(p);
        self.st[q] = RS::mem_type(T::Tag(tg));
    }

    /// Builds the virtual containers instruction `pc` reads, except where
    /// it is one of the uses translated without them: a `Move` of a tuple,
    /// the `DictMerge` of a call's `**kwargs` into the empty dict just
    /// made for it, a `CallEx` (which builds them itself when it cannot
    /// bind them statically).
    fn materialize_reads(&mut self, pc: usize, ins: &Instr) {
        let (mut reads, mut writes) = (Vec::new(), Vec::new());
        ins.reg_effects(&mut reads, &mut writes);
        let keep: Vec<usize> = match *ins {
            Instr::Move { src, .. } if matches!(self.st[self.abs(src)].t, T::VTuple(..)) => vec![self.abs(src)],
            Instr::GetIter { src, .. } if matches!(self.st[self.abs(src)].t, T::VTuple(..)) => vec![self.abs(src)],
            Instr::ForIter { iter, .. } if matches!(self.st[self.abs(iter)].t, T::VIter(..) | T::VSeqIter(_)) => vec![self.abs(iter)],
            Instr::DictMerge { dict, src, .. } if self.premerged(pc, dict, src) => vec![self.abs(dict), self.abs(src)],
            Instr::CallEx { func } => vec![self.abs(func) + 1, self.abs(func) + 2],
            // Virtual instances: their attribute reads, method loads and
            // copies; method calls and operators that may inline (their
            // other paths build them first); an inlined callee's return.
            Instr::Move { src, .. } | Instr::Take { src, .. } | Instr::LoadAttr { obj: src, .. } | Instr::LoadMethod { obj: src, .. }
                if matches!(self.st[self.abs(src)].t, T::VInst(_)) =>
            {
                vec![self.abs(src)]
            }
            Instr::Return { src } if self.chain.len() > 1 && matches!(self.st[self.abs(src)].t, T::VInst(_)) => vec![self.abs(src)],
            Instr::CallMethod { base, nargs } => (self.abs(base) + 1..=self.abs(base) + 1 + nargs as usize).collect(),
            Instr::BinaryOp { a, b, .. } => vec![self.abs(a), self.abs(b)],
            _ => Vec::new(),
        };
        let broad = matches!(*ins, Instr::CallMethod { .. } | Instr::BinaryOp { .. });
        for r in reads {
            let a = self.abs(r);
            let kept = keep.contains(&a) && (!broad || matches!(self.st[a].t, T::VInst(_)));
            if self.st[a].t.is_container() && !kept {
                self.flush(a);
            }
        }
    }

    /// `DictMerge { dict, src }` right after the `BuildDict` of an empty
    /// `dict` that was given `src`'s items already (`**kwargs` in a call).
    fn premerged(&self, pc: usize, dict: Reg, src: Reg) -> bool {
        let (d, s) = (self.abs(dict), self.abs(src));
        pc > 0
            && matches!(self.code().instrs[pc - 1], Instr::BuildDict { dst, count: 0, .. } if dst == dict)
            && matches!(self.st[d].t, T::VDict(..))
            && self.st[d].t == self.st[s].t
            && d != s
    }

    /// The absolute register range of the chain level whose window holds
    /// register `r`.
    fn window_of(&self, r: usize) -> (usize, usize) {
        for lvl in self.chain.iter().rev() {
            // SAFETY: see `code`.
            let n = unsafe { (*lvl.code).nregs as usize };
            if r >= lvl.offset && r < lvl.offset + n {
                return (lvl.offset, lvl.offset + n);
            }
        }
        (r, r + 1)
    }

    /// Register `d` gets the virtual container `t` (the object its slot
    /// holds is released first, so the slot holds no object).
    fn virtual_container(&mut self, d: usize, t: T) {
        self.virtuals = true;
        let mem = self.drop_old(d);
        self.st[d] = RS { t, clean: false, mem };
    }

    /// A virtual container register that is no longer needed (its
    /// consumer ran): what its slot holds (no object) is what is known.
    fn forget_container(&mut self, r: usize) {
        let mem = self.st[r].mem;
        self.st[r] = match mem {
            Some(m) if m != NONHEAP && !is_heap_tag(m) => RS::mem_type(T::Tag(m)),
            Some(NONHEAP) => RS { t: T::Any, clean: true, mem: Some(NONHEAP) },
            _ => RS::ANY,
        };
    }

    /// Makes sure the slot holds the value (for helpers reading it).
    fn mem(&mut self, r: usize) {
        self.flush(r);
    }

    /// The kind of number in `r`, if known; loads slots with a known
    /// numeric tag into IR locals.
    fn num(&mut self, r: usize) -> Option<T> {
        let s = self.st[r];
        match s.t {
            T::Int | T::Float | T::Bool => Some(s.t),
            T::Tag(t) if t == tag::INT || t == tag::FLOAT || t == tag::BOOL => {
                let off = Self::slot_off(r) + 8;
                let nt = match t {
                    tag::INT => T::Int,
                    tag::FLOAT => T::Float,
                    _ => T::Bool,
                };
                if nt == T::Float {
                    let v = self.loadf(self.base, off);
                    self.set_f(r, v);
                } else if nt == T::Bool {
                    let v = self.op1(Op::Load8 { off }, [self.base]);
                    self.set_i(r, v);
                } else {
                    let v = self.load(self.base, off);
                    self.set_i(r, v);
                }
                self.st[r] = RS { t: nt, clean: true, mem: Some(t) };
                Some(nt)
            }
            _ => None,
        }
    }
    /// `r` as an I64 (ints and bools).
    fn int_of(&mut self, r: usize) -> Var {
        self.get_i(r)
    }
    /// `r` as an F64 (converting ints and bools).
    fn float_of(&mut self, r: usize) -> Var {
        match self.st[r].t {
            T::Float => self.get_f(r),
            _ => {
                let i = self.get_i(r);
                self.op1(Op::IToF, [i])
            }
        }
    }

    /// After the unboxing optimisation is off, numbers live in the frame:
    /// write them back right away.
    fn settle(&mut self, r: usize) {
        if !self.opts.has("unbox") && self.st[r].t.is_num() {
            self.flush(r);
            let t = num_tag(self.st[r].t);
            self.st[r] = RS::mem_type(T::Tag(t));
        }
    }

    // ---- exits ---------------------------------------------------------

    /// Registers of chain level `k` that must be written back on an exit
    /// resuming at `pc` (innermost level) or returning into the call
    /// (outer levels).
    fn exit_live(&self, k: usize, pc: usize, error: bool) -> RegSet {
        let lvl = &self.chain[k];
        // SAFETY: see `code`.
        let code = unsafe { &*lvl.code };
        let n = code.nregs as usize;
        let mut live = RegSet::new(n);
        let (at, ret) = if k + 1 == self.chain.len() {
            (pc, None)
        } else {
            let child = &self.chain[k + 1];
            (child.call_pc + 1, Some(child.ret_reg))
        };
        if at < lvl.live.live_in.len() {
            live.union_with(&lvl.live.live_in[at]);
        }
        let fail_pc = if k + 1 == self.chain.len() {
            if error {
                Some(pc.saturating_sub(1))
            } else {
                None
            }
        } else {
            Some(at - 1)
        };
        if let Some(fp) = fail_pc {
            if let Some(h) = handler(code, fp) {
                live.union_with(&lvl.live.live_in[h]);
            }
            if k + 1 == self.chain.len() {
                live.union_with(&lvl.live.live_in[fp]);
            }
        }
        for r in 0..code.varnames.len().min(n) {
            live.insert(r);
        }
        if let Some(rr) = ret {
            live.remove(rr as usize);
        }
        live
    }

    /// Creates an exit block from the current state; returns it.
    ///
    /// Exits that write back the same registers in the same states share
    /// that code: each exit's own block only sets the exit number (keeps
    /// compiled loops with many guards small).
    fn exit(&mut self, kind: ExitKind, pc: usize, reason: &'static str) -> BlockId {
        let site = if kind == ExitKind::GuardAfter { pc - 1 } else { pc };
        let effects = self.f.effects;
        // A guard after an earlier guard of the same frame with only pure
        // instructions between (`ReExit`) resumes where that one does: the
        // interpreter computes those again, and the exit writes back what
        // that one writes — its tail is shared (`row * 31 + n`: the add's
        // overflow leaves like the multiplication's).
        let reexec = match &self.rexec {
            Some(r) if kind == ExitKind::Guard && r.pc < pc && self.reexec_ok(r) => Some(r.pc),
            _ => None,
        };
        let pc = reexec.unwrap_or(pc);
        let b = self.exit_at(kind, pc, site, reason);
        // (Exit code is off the path: it does not count.)
        self.f.effects = effects;
        if kind == ExitKind::Guard && reexec.is_none() && self.opts.has("reexec") {
            self.rexec = Some(ReExit { pc, depth: self.chain.len(), code: self.level().code, effects, written: Vec::new() });
        }
        b
    }

    /// A stretch of pure instructions may start at `pc` (a block's start,
    /// or after an instruction with effects): the first guard in it resumes
    /// there too, not only the later ones (`reexec`), so that its exit
    /// writes back none of the temporaries the stretch computed (the
    /// interpreter computes them again) and shares the tail of the exits
    /// around it: `ci = -1.25 + 2.5 * y / size`'s zero-division guard.
    fn stretch_start(&self, pc: usize) -> Option<ReExit> {
        self.opts.has("reexec").then(|| ReExit {
            pc,
            depth: self.chain.len(),
            code: self.level().code,
            effects: self.f.effects,
            written: Vec::new(),
        })
    }

    /// After translating instruction `pc` of the current frame: a pure
    /// one adds the registers it wrote to `rexec`'s, any other ends it
    /// (and a new stretch starts after it).
    fn track_pure(&mut self, pc: usize) {
        let ins = self.code().instrs[pc];
        let same = self.rexec.as_ref().is_some_and(|r| r.depth == self.chain.len() && r.code == self.level().code);
        // (An instruction that consumed the next one, `skip`, is not
        // counted pure: the next one's writes would go unseen.)
        if !same || !pure_instr(&ins) || self.skip {
            self.rexec = if self.skip { None } else { self.stretch_start(pc + 1) };
            return;
        }
        let (mut reads, mut writes) = (Vec::new(), Vec::new());
        ins.reg_effects(&mut reads, &mut writes);
        let written: Vec<usize> = writes.into_iter().map(|w| self.abs(w)).collect();
        if let Some(r) = &mut self.rexec {
            r.written.extend(written);
        }
    }

    /// Whether a guard now may leave like `r`'s exit: same frame, nothing
    /// with effects emitted since, and every register written since dead
    /// there.
    fn reexec_ok(&self, r: &ReExit) -> bool {
        if r.effects != self.f.effects || r.depth != self.chain.len() || r.code != self.level().code {
            return false;
        }
        let k = self.chain.len() - 1;
        let off = self.chain[k].offset;
        let live = self.exit_live(k, r.pc, false);
        r.written.iter().all(|&a| a >= off && !live.contains(a - off))
    }

    fn exit_at(&mut self, kind: ExitKind, pc: usize, site: usize, reason: &'static str) -> BlockId {
        // What to write back: the live registers not up to date in memory.
        let mut plan: Vec<(usize, RS)> = Vec::new();
        for k in 0..self.chain.len() {
            let live = self.exit_live(k, pc, kind == ExitKind::Error);
            let off = self.chain[k].offset;
            // SAFETY: see `code`.
            let n = unsafe { (*self.chain[k].code).nregs as usize };
            for r in 0..n {
                let rs = self.st[off + r];
                if live.contains(r) && rs.t.is_virtual() && !rs.clean {
                    // A virtual container is built from its items' slots:
                    // they are written back first (and their states are
                    // part of what the shared code depends on).
                    // (Each register once: the virtual `*args` of nested
                    // inlined calls share their items, and a second entry
                    // would write them back again.)
                    if let T::VTuple(a, n) | T::VDict(a, n, _) | T::VIter(a, n) = rs.t {
                        for i in a as usize..a as usize + n as usize {
                            let is = self.st[i];
                            if is.t.is_virtual() && !is.clean && !plan.iter().any(|&(q, _)| q == i) {
                                plan.push((i, is));
                            }
                        }
                    }
                    if !plan.iter().any(|&(q, _)| q == off + r) {
                        plan.push((off + r, rs));
                    }
                }
            }
        }
        let inline: Vec<u32> = self.chain.iter().filter_map(|l| l.desc).collect();
        let line = self.code().lines.get(site.min(self.code().instrs.len() - 1)).copied().unwrap_or(0);
        let idx = self.exits.len();
        self.exits.push(ExitInfo {
            kind,
            pc: pc as u32,
            site: site as u32,
            inline,
            line,
            reason,
            count: std::cell::Cell::new(0),
            returns: false,
        });
        let saved_cur = self.cur;
        let b = self.cold_block();
        self.cur = b;
        let scratch =
            if plan.iter().any(|(_, rs)| matches!(rs.t, T::VInst(_))) { self.level().offset + self.code().nregs as usize } else { 0 };
        let shared = match self.exit_tails.get(&(plan.clone(), scratch)) {
            Some(t) => *t,
            None => {
                // (Writing the tail changes the states: kept for after.)
                let (saved_st, saved_facts) = (self.st.clone(), self.facts.clone());
                let saved_drops = self.drops;
                let tail = self.cold_block();
                self.cur = tail;
                self.no_split += 1;
                // Registers of one frame with the same virtual tuple get
                // the same tuple (only registers of the plan are written:
                // the tail is shared by exits that agree on nothing else).
                let mut built: Vec<(usize, T)> = Vec::new();
                self.no_alias += 1;
                // A tail that writes back a subset of this plan (the rest
                // numbers and constants) is reused: this one writes the
                // rest and jumps there (exit code is a fifth to a third of
                // the backend's work on a numeric loop, and the tails of one
                // loop differ by a few temporaries).
                let base = self.subset_tail(&plan, scratch);
                let own = plan.iter().copied().filter(|e| base.as_ref().is_none_or(|(bp, _)| !bp.contains(e)));
                for (r, rs) in own {
                    if let T::VTuple(..) | T::VInst(_) = rs.t {
                        let w = self.window_of(r);
                        // (A virtual instance is one object in every frame.)
                        let same = |b: usize| matches!(rs.t, T::VInst(_)) || self.window_of(b) == w;
                        if let Some(&(b, _)) = built.iter().find(|&&(b, t)| t == rs.t && same(b)) {
                            // (The container's slot holds no object.)
                            let (ra, ba) = (self.slot_addr(r), self.slot_addr(b));
                            let t = self.load(ba, 0);
                            let p = self.load(ba, 8);
                            self.store(ra, 0, t);
                            self.store(ra, 8, p);
                            self.incref_obj(p);
                            continue;
                        }
                        built.push((r, rs.t));
                    }
                    self.st[r] = rs;
                    self.flush(r);
                }
                self.no_alias -= 1;
                self.no_split -= 1;
                match base {
                    Some((_, bt)) => self.f.set_term(self.cur, Terminator::Jump(bt, vec![])),
                    None => {
                        let id = self.op1(Op::GetVar(self.exit_local), []);
                        self.f.set_term(self.cur, Terminator::Return(id));
                    }
                }
                self.exit_tails.insert((plan, scratch), tail);
                self.cur = b;
                self.st = saved_st;
                self.facts = saved_facts;
                self.drops = saved_drops;
                tail
            }
        };
        let v = self.iconst(idx as i64);
        self.op(Op::SetVar(self.exit_local), [v]);
        self.f.set_term(self.cur, Terminator::Jump(shared, vec![]));
        self.cur = saved_cur;
        b
    }

    /// The largest exit tail whose plan is a subset of `plan` such that
    /// the registers it lacks are numbers or constants (written back
    /// independently of the others), with its plan. Not a tail that writes
    /// floats back: joining paths there made register allocation keep
    /// floats apart on the hot path (nbody ran 12% more instructions).
    /// (A tail that builds virtual instances only with the same scratch.)
    fn subset_tail(&self, plan: &[(usize, RS)], scratch: usize) -> Option<(Vec<(usize, RS)>, BlockId)> {
        if plan.len() < 2 || self.exit_tails.len() > 256 {
            return None;
        }
        self.exit_tails
            .iter()
            .filter(|((_, s), _)| *s == 0 || *s == scratch)
            .map(|((p, _), t)| (p, t))
            .filter(|(p, _)| !p.is_empty() && p.len() < plan.len() && p.iter().all(|e| plan.contains(e) && e.1.t != T::Float))
            .filter(|(p, _)| {
                plan.iter().filter(|e| !p.contains(e)).all(|(_, rs)| matches!(rs.t, T::Int | T::Float | T::Bool | T::Const(_)))
            })
            .max_by_key(|(p, t)| (p.len(), std::cmp::Reverse(**t)))
            .map(|(p, t)| (p.clone(), *t))
    }

    /// The error exit of the instruction being translated (or, with
    /// `catch`, the edge to its handler in the region).
    fn error_exit(&mut self) -> BlockId {
        let pc = self.pc;
        if let Some(b) = self.catch_edge(pc) {
            return b;
        }
        self.exit(ExitKind::Error, pc + 1, "exception")
    }

    /// The exception-table entry whose handler catches (`catch`) what
    /// instruction `pc` of the region's own frame raises, if compiled code
    /// can jump there.
    fn catch_entry(&self, pc: usize) -> Option<crate::bytecode::ExcEntry> {
        if !self.opts.has("catch") || self.chain.len() != self.regions.len() || (self.chain.len() > 1 && !self.opts.has("catchinlined")) {
            return None;
        }
        // Raised in an inlined frame: it reaches the root frame (at the
        // outermost call) only if no inlined frame on the way handles it.
        let mut at = pc;
        for k in (1..self.chain.len()).rev() {
            // SAFETY: see `code`.
            let code = unsafe { &*self.chain[k].code };
            if handler(code, at).is_some() {
                return None;
            }
            at = self.chain[k].call_pc;
        }
        let reg = &self.regions[0];
        if !reg.is_root {
            return None;
        }
        // SAFETY: see `code`.
        let code = unsafe { &*self.chain[0].code };
        let e = *code.exc_table.iter().find(|e| e.start as usize <= at && at < e.end as usize)?;
        let h = e.handler as usize;
        if h <= at || h < reg.lo || h > reg.hi || reg.blocks.contains_key(&h) {
            return None;
        }
        Some(e)
    }

    /// `catch` from an inlined frame (`catch_entry` found the root frame's
    /// handler): a cold block writes back the root frame's registers live
    /// at the handler, calls `catch_inlined` (the traceback entries of the
    /// inlined frames and the root's, their windows cleared as the
    /// interpreter's unwinding pops them, the exception object into the
    /// handler's register) and jumps to the handler in the root region
    /// with the root frame's state.
    fn catch_inlined_edge(&mut self, pc: usize, e: crate::bytecode::ExcEntry) -> BlockId {
        let h = e.handler as usize;
        let desc = self.level().desc.unwrap();
        let root_n = self.chain[1].offset;
        let (saved_cur, saved_st, saved_facts) = (self.cur, self.st.clone(), self.facts.clone());
        let saved_drops = self.drops;
        let b = self.cold_block();
        self.cur = b;
        let mut live = self.chain[0].live.live_in[h].clone();
        // SAFETY: see `code`.
        let root_code = unsafe { &*self.chain[0].code };
        for r in 0..root_code.varnames.len() {
            live.insert(r);
        }
        for r in 0..root_n {
            let rs = self.st[r];
            if live.contains(r) && rs.t.is_virtual() && !rs.clean {
                self.flush(r);
            }
        }
        // The inlined frames' named locals, which `catch_inlined` moves into
        // their traceback entries (`tb_frame.f_locals`), as unwinding does.
        for k in 1..self.chain.len() {
            let off = self.chain[k].offset;
            // SAFETY: see `code`.
            let n = unsafe { (&*self.chain[k].code).varnames.len() };
            for r in off..(off + n).min(self.st.len()) {
                self.flush(r);
            }
        }
        let dv = self.iconst(desc as i64);
        let pv = self.iconst(pc as i64);
        let rv = self.iconst(e.exc_reg as i64);
        self.call_void(helpers::catch_inlined as *const () as usize, "catch", [self.ctx, dv, pv, rv]);
        self.st.truncate(root_n);
        self.clobber(e.exc_reg as usize);
        let st = std::mem::take(&mut self.st);
        let facts = std::mem::take(&mut self.facts);
        self.regions[0].incoming.entry(h).or_default().push((self.cur, st, facts));
        self.cur = saved_cur;
        self.st = saved_st;
        self.facts = saved_facts;
        self.drops = saved_drops;
        b
    }

    /// `catch`: an exception raised by instruction `pc` of the region's own
    /// frame whose handler `h` lies in the region (after `pc`, not yet
    /// translated) is caught in compiled code: a cold block writes back
    /// what an error exit would, calls `catch` (the interpreter's
    /// unwinding step for this frame: implicit chaining, the traceback
    /// entry, the exception object into the handler's register) and
    /// jumps to `h`. None when the error must leave compiled code.
    fn catch_edge(&mut self, pc: usize) -> Option<BlockId> {
        let e = self.catch_entry(pc)?;
        if self.chain.len() > 1 {
            return Some(self.catch_inlined_edge(pc, e));
        }
        let code = self.code();
        let h = e.handler as usize;
        // The failing instruction may have changed its operands' slots
        // before it failed (a call moves or clears its arguments): what
        // they hold is unknown now.
        let saved_st = self.st.clone();
        let ins = code.instrs[pc];
        let (mut reads, mut writes) = (Vec::new(), Vec::new());
        ins.reg_effects(&mut reads, &mut writes);
        for r in reads.into_iter().chain(writes) {
            let a = self.abs(r);
            let rs = self.st[a];
            self.st[a] = if rs.t.is_virtual() { RS { t: rs.t, clean: false, mem: None } } else { RS::ANY };
        }
        // Sites that reach the handler in the same state (dead registers
        // dropped) share the code after their own block, which only sets
        // the pc (in `exit_local`, free here: exits set it just before
        // they return).
        let st = self.normalize(self.st.clone(), h);
        self.st = st.clone();
        let (saved_cur, saved_facts) = (self.cur, self.facts.clone());
        let saved_drops = self.drops;
        let b = self.cold_block();
        self.cur = b;
        let pv = self.iconst(pc as i64);
        self.op(Op::SetVar(self.exit_local), [pv]);
        let key = (h, st);
        let mut ok = true;
        let tail = match self.catch_tails.get(&key) {
            Some(t) => *t,
            None => {
                let tail = self.cold_block();
                self.cur = tail;
                let mut live = self.level().live.live_in[h].clone();
                for r in 0..code.varnames.len() {
                    live.insert(r);
                }
                for r in 0..code.nregs as usize {
                    let rs = self.st[r];
                    if live.contains(r) && rs.t.is_virtual() && !rs.clean {
                        self.flush(r);
                    }
                }
                let pv = self.op1(Op::GetVar(self.exit_local), []);
                let rv = self.iconst(e.exc_reg as i64);
                self.call_void(helpers::catch as *const () as usize, "catch", [self.ctx, pv, rv]);
                self.clobber(e.exc_reg as usize);
                let saved_pc = self.pc;
                ok = self.goto(h).is_ok();
                self.pc = saved_pc;
                self.catch_tails.insert(key, tail);
                tail
            }
        };
        self.cur = b;
        self.f.set_term(self.cur, Terminator::Jump(tail, vec![]));
        self.cur = saved_cur;
        self.st = saved_st;
        self.facts = saved_facts;
        self.drops = saved_drops;
        if !ok {
            return None;
        }
        Some(b)
    }

    /// A cold block for an int operation's zero divisor: the
    /// ZeroDivisionError is raised (`helpers::zero_div`, `kind` as there)
    /// through the instruction's error exit (or `catch` edge), so a
    /// divisor that is sometimes zero is no guard failure and the site
    /// stays specialised.
    fn zero_div_error(&mut self, kind: i64) -> BlockId {
        let (saved_cur, saved_st, saved_facts) = (self.cur, self.st.clone(), self.facts.clone());
        let saved_drops = self.drops;
        let b = self.cold_block();
        self.cur = b;
        let k = self.iconst(kind);
        self.call_void(helpers::zero_div as *const () as usize, "zero_div", [self.ctx, k]);
        let x = self.error_exit();
        self.f.set_term(self.cur, Terminator::Jump(x, vec![]));
        self.cur = saved_cur;
        self.st = saved_st;
        self.facts = saved_facts;
        self.drops = saved_drops;
        b
    }

    /// Checks a helper's status: `ERR` leaves through the error exit.
    fn check_status(&mut self, s: Var) {
        let e = self.icmp_imm(Cmp::Eq, s, ERR as i64);
        let x = self.error_exit();
        self.guard_zero(e, x);
    }

    /// The pc passed to helpers (for tracebacks): in the loop's own frame.
    fn root_pc(&self) -> usize {
        if self.chain.len() > 1 {
            self.chain[1].call_pc
        } else {
            self.pc
        }
    }

    // ---- control flow ---------------------------------------------------

    /// Removes dead registers of the innermost frame from a state.
    fn normalize(&self, mut s: State, pc: usize) -> State {
        let lvl = self.level();
        // SAFETY: see `code`.
        let code = unsafe { &*lvl.code };
        let live = &lvl.live.live_in[pc];
        let named = code.varnames.len();
        for r in 0..code.nregs as usize {
            if r >= named && !live.contains(r) {
                // Dead: its type no longer matters, but what its slot
                // holds does (an Undef or unboxed-number slot needs no
                // release when an inlined frame's window is cleared).
                let mem = s[lvl.offset + r].slot_mem();
                s[lvl.offset + r] = match mem {
                    Some(NONHEAP) => RS { t: T::Any, clean: true, mem: Some(NONHEAP) },
                    Some(m) if !is_heap_tag(m) => RS::mem_type(T::Tag(m)),
                    _ => RS::ANY,
                };
            }
        }
        s
    }

    /// A loop header's first state: the unboxed numbers of the current
    /// frame that the loop writes are taken as not up to date in their
    /// slots (`clean: false`), as the back-edge will have them — else the
    /// first back-edge widens the header and the region is translated
    /// again (once per loop of a nest, and again for each inner header
    /// the outer widening reaches).
    fn dirty_loop_writes(&self, mut s: State, h: usize) -> State {
        let lvl = self.level();
        // SAFETY: see `code`.
        let code = unsafe { &*lvl.code };
        let Some(end) = last_back_edge(code, h) else {
            return s;
        };
        let (mut reads, mut writes) = (Vec::new(), Vec::new());
        let mut deleted = Vec::new();
        for ins in &code.instrs[h..=end] {
            ins.reg_effects(&mut reads, &mut writes);
            if let Instr::DeleteLocal { reg, .. } = ins {
                // (`except E as e:` deletes `e`: Undef again.)
                deleted.push(*reg);
            }
        }
        let named = code.varnames.len();
        for w in writes {
            if let Some(rs) = s.get_mut(lvl.offset + w as usize) {
                if matches!(rs.t, T::Int | T::Float | T::Bool) {
                    rs.clean = false;
                } else if rs.t == T::Tag(tag::UNDEF) && (w as usize) < named && !deleted.contains(&w) {
                    // A named variable first assigned in the loop keeps
                    // its value to the back-edge, which joins Undef to an
                    // unknown type. Taken as a number's slot (the usual
                    // case); an object there widens the header as before.
                    *rs = RS { t: T::Any, clean: true, mem: Some(NONHEAP) };
                }
            }
        }
        s
    }

    /// On an entry edge into loop header `h` (not a back-edge: emptying a
    /// temporary the body reloads each iteration costs a release and an
    /// incref per iteration): temporaries of the current frame
    /// that are dead there and whose slots may hold an object are emptied
    /// (the object released, as CPython pops its temporaries), so that the
    /// loop knows them empty and assigning them a number needs no release
    /// check (`drop_old`) on every iteration.
    fn empty_dead_temps(&mut self, h: usize) {
        let lvl = self.level();
        let (offset, live) = (lvl.offset, lvl.live.clone());
        // SAFETY: see `code`.
        let code = unsafe { &*lvl.code };
        for r in code.varnames.len()..code.nregs as usize {
            let a = offset + r;
            if live.live_in[h].contains(r) || a >= self.st.len() {
                continue;
            }
            let mem = self.st[a].slot_mem();
            if mem.is_some_and(|m| !is_heap_tag(m)) {
                continue;
            }
            self.empty_slot(a, mem);
            self.st[a] = RS::mem_type(T::Tag(0));
        }
    }

    /// Emits the moves that turn state `from` into `to` (which must be at
    /// least as general) in the current block.
    fn adapt(&mut self, from: &State, to: &State) {
        self.st = from.clone();
        for r in 0..to.len() {
            let (s, d) = (from[r], to[r]);
            if s.t == d.t {
                if s.t.is_virtual() && d.clean && !s.clean {
                    self.flush(r);
                }
                continue;
            }
            if s.t.is_virtual() {
                self.flush(r);
            }
        }
        self.st = to.clone();
    }

    /// Control goes to `target` from the current block and state.
    fn goto(&mut self, target: usize) -> TResult<()> {
        let from_pc = self.pc;
        let reg = self.regions.last().unwrap();
        let (lo, hi, is_root) = (reg.lo, reg.hi, reg.is_root);
        if target < lo || target > hi {
            if !is_root {
                return Err(Abort::Fail("jump out of an inlined function".into()));
            }
            let x = self.exit(ExitKind::Leave, target, "loop exit");
            self.f.set_term(self.cur, Terminator::Jump(x, vec![]));
            return Ok(());
        }
        if target <= from_pc {
            // A back-edge to a loop header.
            let s = self.normalize(self.st.clone(), target);
            let key = self.header_key(target);
            let hs = match self.headers.get(&key) {
                Some(h) => h.clone(),
                None => return Err(Abort::Fail("back-edge to an unknown header".into())),
            };
            let j = join_states(&hs, &s, &self.consts);
            if j != hs {
                self.headers.insert(key, j);
                return Err(Abort::Restart(0));
            }
            self.check_header_facts(target)?;
            self.adapt(&s, &hs);
            let b = self.regions.last().unwrap().blocks[&target];
            self.f.set_term(self.cur, Terminator::Jump(b, vec![]));
            return Ok(());
        }
        let st = self.st.clone();
        let cur = self.cur;
        let facts = self.facts.clone();
        self.regions.last_mut().unwrap().incoming.entry(target).or_default().push((cur, st, facts));
        Ok(())
    }

    /// Branches on `cond` (non-zero: to `t`, else to `e`).
    fn branch(&mut self, cond: Var, t: usize, e: usize) -> TResult<Flow> {
        let bt = self.new_block();
        let be = self.new_block();
        self.f.set_term(self.cur, Terminator::Branch { cond, then: (bt, vec![]), els: (be, vec![]) });
        let saved = self.st.clone();
        self.cur = bt;
        self.goto(t)?;
        self.cur = be;
        self.st = saved;
        self.goto(e)?;
        Ok(Flow::Done)
    }

    // ---- translation driver ---------------------------------------------

    fn root(&mut self, fi: usize, header: usize, loop_pc: usize, widen: &[u32]) -> TResult<()> {
        let frame = &self.vm.frames[fi];
        let code: &CodeObj = frame.code();
        let live = self.liveness(code);
        self.chain.push(Level {
            code: code as *const CodeObj,
            globals: frame.globals,
            live: live.clone(),
            offset: 0,
            desc: None,
            call_pc: 0,
            ret_reg: 0,
            init: false,
        });
        let nregs = code.nregs as usize;
        self.st = vec![RS::ANY; nregs];
        // Entry: the types of the live registers right now.
        let named = code.varnames.len();
        let mut entry = vec![RS::ANY; nregs];
        for (r, e) in entry.iter_mut().enumerate() {
            if r >= named && !live.live_in[header].contains(r) {
                // A dead temporary: emptied by the entry code (below), so
                // that the loop knows its slot holds no object.
                *e = RS::mem_type(T::Tag(0));
                continue;
            }
            // SAFETY: `r` < nregs, inside the frame's window.
            let v = unsafe { &*frame.base.add(r) };
            // A register that had other types at entries whose guards
            // failed is not specialised on this one's.
            if widen.get(r).is_some_and(|m| m & !(1 << (v.tag() & 31)) != 0) {
                continue;
            }
            *e = self.entry_type(v);
        }
        let entry = self.normalize(entry, header);
        let key = self.header_key(header);
        let hs = match self.headers.get(&key) {
            Some(h) => join_states(h, &entry, &self.consts),
            None => {
                let mut first = self.dirty_loop_writes(entry.clone(), header);
                // A dead temporary the loop writes and that holds an object
                // now, at the back-edge that made the loop hot, holds one at
                // the compiled back-edge too (objects live in their slots),
                // which widens the header's emptied slot to `Any`: taken so
                // from the start. (Not numbers: the compiled code keeps
                // them unboxed, its slot stays empty.)
                // (Writes outside inner loops: an inner loop's entry edge
                // empties its dead temporaries again.)
                let mut inner = vec![false; loop_pc + 1];
                for (p, ins) in code.instrs[header..=loop_pc].iter().enumerate() {
                    if let Instr::Loop { target, .. } = ins {
                        let t = *target as usize;
                        if t > header {
                            inner[t..=header + p].iter_mut().for_each(|x| *x = true);
                        }
                    }
                }
                // Only cells' values (`LoadDeref`): other objects may be
                // virtual in compiled code (an iterator, a tuple), which
                // leaves the slot empty.
                let (mut reads, mut writes, mut other) = (Vec::new(), Vec::new(), Vec::new());
                for (p, ins) in code.instrs.iter().enumerate().take(loop_pc + 1).skip(header) {
                    if inner[p] {
                        continue;
                    }
                    if matches!(ins, Instr::LoadDeref { .. }) {
                        ins.reg_effects(&mut reads, &mut writes);
                    } else {
                        ins.reg_effects(&mut reads, &mut other);
                    }
                }
                for w in writes {
                    let r = w as usize;
                    if r >= named && r < nregs && first[r] == RS::mem_type(T::Tag(0)) && !other.contains(&w) {
                        // SAFETY: `r` < nregs, inside the frame's window.
                        let v = unsafe { &*frame.base.add(r) };
                        if is_heap_tag(v.tag()) {
                            first[r] = RS::ANY;
                        }
                    }
                }
                first
            }
        };
        self.headers.insert(key, hs.clone());
        // The entry block: guards on the entry types, then load the numbers.
        // (Block 0 itself only chooses the entry: see `inner_entries`.)
        // (Not for whole functions: entered at a frame's start, mostly by
        // native calls, which would pay for the choice on every call.)
        let nested = self.opts.has("entries")
            && !self.whole
            && code.instrs[header..=loop_pc].iter().any(|i| matches!(i, Instr::Loop { target, .. } if *target as usize != header));
        let root_entry = if nested { self.new_block() } else { 0 };
        self.cur = root_entry;
        let fail = self.cold_block();
        let fv = self.f.iconst(fail, ENTRY_FAIL as i64);
        self.f.set_term(fail, Terminator::Return(fv));
        // A whole function is entered at a frame's start: its temporaries
        // are all Undef.
        let hs2 = self.clear_dead_temps(&hs, header, nregs, self.whole);
        self.entry_code(&hs2, nregs, fail);
        let entry_state: State =
            hs.iter().map(|s| if s.t.is_virtual() { RS { t: s.t, clean: true, mem: Some(self.rs_tag(s.t)) } } else { *s }).collect();
        self.regions.push(Region {
            lo: header,
            hi: loop_pc,
            is_root: true,
            loop_headers: HashSet::default(),
            incoming: HashMap::default(),
            blocks: HashMap::default(),
            returns: Vec::new(),
        });
        let eb = self.cur;
        self.region(header, loop_pc, eb, entry_state)?;
        let reg = self.regions.pop().unwrap();
        if nested {
            self.inner_entries(&reg, header, root_entry, fail, nregs);
        }
        Ok(())
    }

    /// `entries`: the region can also be entered at the headers of the loops
    /// nested in it (at its own level, not in inlined functions), so that
    /// the interpreter, running an inner loop that got hot, enters the
    /// compiled nest there instead of compiling the inner loop on its own.
    /// Block 0 reads the entry number from `JitCtx::entry` (0: the region's
    /// header; `k`: the `k`-th header in `self.entries`) and clears it; each
    /// inner entry guards and loads the registers as the header's state
    /// wants them, like the region's own entry.
    fn inner_entries(&mut self, reg: &Region, header: usize, root_entry: BlockId, fail: BlockId, nregs: usize) {
        let mut hdrs: Vec<usize> = if self.opts.has("entries") {
            reg.loop_headers.iter().copied().filter(|&h| h != header && reg.blocks.contains_key(&h)).collect()
        } else {
            Vec::new()
        };
        hdrs.sort_unstable();
        // Not for an inner loop that has compiled code of its own (it got
        // hot again before the nest was compiled: it runs long in each
        // outer iteration, as sieve's marking loop): the interpreter enters
        // that code, which runs the loop as fast, and the nest's code is
        // better without the entry (its inner loop's invariants are then
        // defined once before it, not merged with the entry's loads at the
        // header: sieve -11% instructions).
        // SAFETY: see `code`.
        let root_code = unsafe { &*self.chain[0].code };
        let code_addr = self.chain[0].code as usize;
        hdrs.retain(|&h| {
            last_back_edge(root_code, h).is_none_or(|p| self.vm.jit.loops.get(&(code_addr, p as u32)).is_none_or(|r| r.compiled.is_none()))
        });
        let mut targets = Vec::new();
        for h in hdrs {
            let key = self.header_key(h);
            let Some(hs) = self.headers.get(&key).cloned() else { continue };
            if hs.len() != nregs {
                continue;
            }
            // A virtual constant whose slot the code believes holds no
            // object, while the interpreter's slot holds it: entering would
            // leak the reference. (Rare: constants are reloaded each
            // iteration.)
            let leaks = hs.iter().any(|x| match x.t {
                T::Const(c) => is_heap_tag(self.consts[c as usize].tag()) && x.mem.is_some_and(|m| !is_heap_tag(m)),
                _ => false,
            });
            // A virtual iterator's register holds its list: the
            // interpreter's holds an iterator, maybe shared.
            if leaks || hs.iter().any(|x| matches!(x.t, T::VSeqIter(_))) {
                continue;
            }
            let b = self.new_block();
            self.cur = b;
            // Nothing is known yet on this path (helper calls in the entry
            // code must not read back iterator positions of the state the
            // translation ended in: `reload_positions`).
            self.st = vec![RS::ANY; nregs];
            let hs2 = self.clear_dead_temps(&hs, h, nregs, false);
            self.entry_code(&hs2, nregs, fail);
            if let Some(inst) = self.installed.get(&key).cloned() {
                self.st = hs2.clone();
                self.establish(&inst, fail, false);
            }
            let hb = reg.blocks[&h];
            self.f.set_term(self.cur, Terminator::Jump(hb, vec![]));
            self.entries.push(h as u32);
            targets.push(b);
        }
        self.cur = 0;
        if targets.is_empty() {
            self.f.set_term(0, Terminator::Jump(root_entry, vec![]));
            return;
        }
        let off = std::mem::offset_of!(helpers::JitCtx, entry) as i32;
        let e = self.load(self.ctx, off);
        let z = self.iconst(0);
        self.store(self.ctx, off, z);
        for (k, b) in targets.into_iter().enumerate() {
            let is_k = self.icmp_imm(Cmp::Eq, e, k as i64 + 1);
            let next = self.new_block();
            self.f.set_term(self.cur, Terminator::Branch { cond: is_k, then: (b, vec![]), els: (next, vec![]) });
            self.cur = next;
        }
        self.f.set_term(self.cur, Terminator::Jump(root_entry, vec![]));
    }

    /// Entry code for the dead temporaries at header `h` that the state
    /// `hs` believes empty or numbers: what the interpreter left in them is
    /// released and the slots emptied (nothing to do when `fresh`: a new
    /// frame's). Returns `hs` with them left out of the entry guards.
    fn clear_dead_temps(&mut self, hs: &State, h: usize, nregs: usize, fresh: bool) -> State {
        // SAFETY: see `code`.
        let code = unsafe { &*self.level().code };
        let live = self.level().live.clone();
        let mut hs2 = hs.clone();
        // Each run of consecutive dead temporaries is emptied by one helper
        // call: entry code runs once per entry, and an inline release per
        // register (four blocks each) cost more compile time than it saved.
        let mut runs: Vec<(usize, usize)> = Vec::new();
        // Emptied slots the header believes hold a number of a given type
        // (the code after it writes only a payload there): that type's tag.
        let mut tags: Vec<(usize, u8)> = Vec::new();
        for r in code.varnames.len()..nregs {
            if !live.live_in[h].contains(r) && (hs[r].t != T::Any || hs[r].mem.is_some()) {
                hs2[r] = RS::ANY;
                match runs.last_mut() {
                    Some((a, n)) if *a + *n == r => *n += 1,
                    _ => runs.push((r, 1)),
                }
                if let Some(m) = hs[r].slot_mem().filter(|&m| m != tag::UNDEF && m != NONHEAP) {
                    tags.push((r, m));
                }
            }
        }
        if !fresh {
            for (a, n) in runs {
                let p = self.slot_addr(a);
                let k = self.iconst(n as i64);
                self.call_void(helpers::release_slots as *const () as usize, "release_slots", [p, k]);
            }
        }
        for (r, m) in tags {
            debug_assert!(!is_heap_tag(m));
            let t = self.iconst(m as i64);
            self.store(self.base, Self::slot_off(r), t);
            let z = self.iconst(0);
            self.store(self.base, Self::slot_off(r) + 8, z);
        }
        hs2
    }

    /// Guards the registers' types against the header state `hs` and loads
    /// the numbers and iterator fields it keeps in IR locals (entry
    /// failures go to `fail`).
    fn entry_code(&mut self, hs: &State, nregs: usize, fail: BlockId) {
        // `vmentry`: a loop's region is entered only by the VM
        // (`Vm::jit_run_at`), which makes the word comparisons below
        // itself before the call (`EntryCheck`); a whole function's code
        // is also entered by native calls and keeps them. A region's entry
        // checks were a tenth to a seventh of the compile work of the
        // numeric benchmarks (a guard and a block per register).
        let by_vm = self.opts.has("vmentry") && !self.whole;
        let mut checks = Vec::new();
        for (r, hr) in hs.iter().enumerate().take(nregs) {
            let t = hr.t;
            if t == T::Any {
                if hr.mem.is_some() && by_vm {
                    checks.push(EntryCheck::NoObject(Self::slot_off(r) as u32));
                } else if hr.mem.is_some() {
                    // The code believes the slot holds no object: an
                    // object there would never be released.
                    let tg = self.load_tag(r);
                    let k5 = self.iconst(tag::FIRST_HEAP as i64);
                    let d = self.op1(Op::ISub, [tg, k5]);
                    let heap = self.icmp_imm(Cmp::Ult, d, (tag::NOT_IMPLEMENTED - tag::FIRST_HEAP) as i64);
                    let ok = self.icmp_imm(Cmp::Eq, heap, 0);
                    self.guard_nonzero(ok, fail);
                }
                continue;
            }
            let expect = match t {
                T::Int => tag::INT,
                T::Float => tag::FLOAT,
                T::Bool => tag::BOOL,
                T::Const(c) => self.consts[c as usize].tag(),
                T::Tag(x) => x,
                T::Bound(..) => tag::METHOD,
                T::RangeIter(_) | T::ListIter(_) | T::TupleIter(_) | T::ZipIter(_) | T::EnumIter => tag::ITER,
                // (Only inlined frames have virtual containers.)
                // (Only inlined frames have virtual containers; inner
                // entries are not made at headers with virtual iterators:
                // `inner_entries`.)
                T::Any | T::VTuple(..) | T::VDict(..) | T::VIter(..) | T::VSeqIter(_) | T::VInst(_) => unreachable!(),
            };
            self.entry_word(by_vm.then_some(&mut checks), Self::slot_off(r), expect as u64, fail);
            let off = Self::slot_off(r) + 8;
            match t {
                T::Int => {
                    let v = self.load(self.base, off);
                    self.set_i(r, v);
                    self.st[r] = RS { t, clean: true, mem: Some(tag::INT) };
                }
                T::Bool => {
                    let v = self.op1(Op::Load8 { off }, [self.base]);
                    self.set_i(r, v);
                    self.st[r] = RS { t, clean: true, mem: Some(tag::BOOL) };
                }
                T::Float => {
                    let v = self.loadf(self.base, off);
                    self.set_f(r, v);
                    // (Known from here on: later helper calls of the entry
                    // code split its live range, see `split_set`.)
                    self.st[r] = RS { t, clean: true, mem: Some(tag::FLOAT) };
                }
                T::Const(c) => {
                    let want = self.consts[c as usize].words()[1];
                    self.entry_word(by_vm.then_some(&mut checks), off, want, fail);
                }
                T::Bound(k, this) => {
                    let func = self.consts[k as usize].words()[1];
                    if by_vm {
                        checks.push(EntryCheck::Method { off: off as u32, func, this });
                    } else {
                        let m = self.load(self.base, off);
                        let f = self.load(m, METHOD_FUNC_OFF + 8);
                        let ok = self.icmp_imm(Cmp::Eq, f, func as i64);
                        self.guard_nonzero(ok, fail);
                        let t = self.load(m, METHOD_THIS_OFF);
                        let ok = self.icmp_imm(Cmp::Eq, t, this as i64);
                        self.guard_nonzero(ok, fail);
                    }
                }
                T::ZipIter(_) | T::EnumIter => self.fused_setup(r, t, fail),
                T::RangeIter(_) => self.iter_setup(r, 1, fail),
                T::ListIter(_) => self.iter_setup(r, 2, fail),
                T::TupleIter(_) => self.iter_setup(r, 5, fail),
                _ => {}
            }
        }
        self.entry_checks.push(checks);
    }

    /// Entry code's test that the frame's word at `off` is `want`: listed
    /// for the VM to make before it enters (`vmentry`: `checks`), else a
    /// guard leaving to `fail`.
    fn entry_word(&mut self, checks: Option<&mut Vec<EntryCheck>>, off: i32, want: u64, fail: BlockId) {
        match checks {
            Some(c) => c.push(EntryCheck::Word(off as u32, want)),
            None => {
                let w = self.load(self.base, off);
                let ok = self.icmp_imm(Cmp::Eq, w, want as i64);
                self.guard_nonzero(ok, fail);
            }
        }
    }

    /// The tag a register in state `t` is known to hold, if any.
    fn known_tag(&self, t: T) -> Option<u8> {
        match t {
            T::Int | T::Float | T::Bool | T::Const(_) => Some(self.rs_tag(t)),
            T::Tag(tg) => Some(tg),
            T::Bound(..) => Some(tag::METHOD),
            _ => None,
        }
    }

    fn rs_tag(&self, t: T) -> u8 {
        match t {
            T::Const(c) => self.consts[c as usize].tag(),
            _ => num_tag(t),
        }
    }

    /// Loads a fast iterator's fields into the register's auxiliary locals
    /// (guarding that it is the expected kind).
    fn iter_setup(&mut self, r: usize, kind: u64, fail: BlockId) {
        let a = self.slot_addr(r);
        let scratch_off = self.iconst(std::mem::offset_of!(helpers::JitCtx, scratch) as i64);
        let out = self.op1(Op::IAdd, [self.ctx, scratch_off]);
        let k = self.call(helpers::iter_info as *const () as usize, "iter_info", [a, out]);
        self.iter_fields(r, kind, k, out, fail);
    }

    /// `iter(x)` into register `r` for the list or tuple in register `s`
    /// (`kind` 2 or 5, as `iter_info` says), its fields in IR locals.
    fn seq_iter_setup(&mut self, r: usize, s: usize, kind: u64, fail: BlockId) {
        self.mem(s);
        let sa = self.slot_addr(s);
        let a = self.slot_addr(r);
        let scratch_off = self.iconst(std::mem::offset_of!(helpers::JitCtx, scratch) as i64);
        let out = self.op1(Op::IAdd, [self.ctx, scratch_off]);
        let k = self.call(helpers::get_iter_seq as *const () as usize, "get_iter_seq", [sa, a, out]);
        self.iter_fields(r, kind, k, out, fail);
    }

    /// The fields `iter_info` (or `get_iter_seq`) wrote to `out` for the
    /// iterator in register `r`, into its IR locals, once its kind `k`
    /// is checked to be `kind`.
    fn iter_fields(&mut self, r: usize, kind: u64, k: Var, out: Var, fail: BlockId) {
        let ok = self.icmp_imm(Cmp::Eq, k, kind as i64);
        self.guard_nonzero(ok, fail);
        let ax = self.aux(r);
        for (i, l) in ax.iter().enumerate() {
            let v = self.load(out, 8 * i as i32);
            self.op(Op::SetVar(*l), [v]);
        }
        // The current position (a range's next value, a list's index).
        let pos_l = self.aux_n(r, 4)[3];
        let p = self.load(out, 0);
        let pos = self.load(p, 0);
        self.op(Op::SetVar(pos_l), [pos]);
    }

    /// Loads the fields of a `zip` or `enumerate` of list iterators into
    /// the register's auxiliary locals (guarding the kind).
    fn fused_setup(&mut self, r: usize, t: T, fail: BlockId) {
        let a = self.slot_addr(r);
        let scratch_off = self.iconst(std::mem::offset_of!(helpers::JitCtx, scratch) as i64);
        let out = self.op1(Op::IAdd, [self.ctx, scratch_off]);
        let k = self.call(helpers::fused_info as *const () as usize, "fused_info", [a, out]);
        let (want, n) = match t {
            T::ZipIter(n) => (3 | (n as i64) << 8, 2 * n as usize),
            _ => (4, 3),
        };
        let ok = self.icmp_imm(Cmp::Eq, k, want);
        self.guard_nonzero(ok, fail);
        let ax = self.aux_n(r, n);
        for (i, l) in ax.iter().enumerate() {
            let v = self.load(out, 8 * i as i32);
            self.op(Op::SetVar(*l), [v]);
        }
    }

    /// The state of a register holding `v` when the loop is entered.
    fn entry_type(&mut self, v: &Value) -> RS {
        let unbox = self.opts.has("unbox");
        let t = match v {
            Value::Int(_) if unbox => T::Int,
            Value::Float(_) if unbox => T::Float,
            Value::Bool(_) if unbox => T::Bool,
            // Not a builtin bound to an object (`append = xs.append`): as a
            // constant of the code it would keep the object alive.
            Value::Builtin(b) if !b.this.is_undef() && !matches!(b.this, Value::Module(_)) => T::Tag(tag::BUILTIN),
            Value::Function(_) | Value::Builtin(_) | Value::Class(_) | Value::Module(_) if self.opts.has("globals") => {
                T::Const(self.intern(v))
            }
            // A bound method: its function is a constant, its `self` is
            // read from it at run time (`T::Bound`).
            Value::Method(m) if self.opts.has("globals") && matches!(m.func, Value::Function(_)) => {
                T::Bound(self.intern(&m.func), m.this.tag())
            }
            Value::Iter(_) if self.opts.has("iter") => {
                let mut out = [0u64; 4];
                match helpers::iter_info(v as *const Value as u64, &mut out as *mut [u64; 4] as u64) {
                    1 => T::RangeIter(true),
                    2 => T::ListIter(true),
                    5 => T::TupleIter(true),
                    // A zip or enumerate of list iterators made before the
                    // loop (a comprehension's iterator argument, or
                    // `enumerate(xs)` outside the region): iterated fused
                    // with the unpacking of its items, as one the region
                    // makes itself.
                    _ if self.opts.has("viter") => {
                        let mut out = [0u64; 12];
                        match helpers::fused_info(v as *const Value as u64, &mut out as *mut [u64; 12] as u64) {
                            4 => T::EnumIter,
                            k if k & 0xff == 3 => T::ZipIter((k >> 8) as u8),
                            _ => T::Tag(tag::ITER),
                        }
                    }
                    _ => T::Tag(tag::ITER),
                }
            }
            _ => T::Tag(v.tag()),
        };
        if t.is_virtual() {
            RS { t, clean: true, mem: Some(v.tag()) }
        } else {
            RS::mem_type(t)
        }
    }

    /// Translates the blocks of a region (the loop, or an inlined body)
    /// reachable from `entry_pc`.
    fn region(&mut self, lo: usize, hi: usize, entry_block: BlockId, entry_state: State) -> TResult<()> {
        let code = self.code();
        let leaders = block_leaders(code, lo, hi);
        // Blocks and their successors inside the region.
        let mut starts: Vec<usize> = (lo..=hi).filter(|&p| leaders[p]).collect();
        starts.sort_unstable();
        let end_of = |s: usize| -> usize { (s + 1..=hi + 1).find(|&p| p > hi || leaders[p]).unwrap_or(hi + 1) };
        let succs = |s: usize| -> Vec<usize> {
            let e = end_of(s);
            let mut v = Vec::new();
            for ins in &code.instrs[s..e] {
                if let Some(t) = ins.targets() {
                    v.push(t as usize);
                }
            }
            if code.instrs[e - 1].falls_through() {
                v.push(e);
            }
            // Exception edges (`catch`), to handlers after the block.
            for pc in s..e {
                if let Some(h) = handler(code, pc) {
                    if h > pc && !v.contains(&h) {
                        v.push(h);
                    }
                }
            }
            v.into_iter().filter(|&p| p >= lo && p <= hi).collect()
        };
        // Reverse postorder from `lo`.
        let mut order = Vec::new();
        let mut seen = HashSet::default();
        let mut stack: Vec<(usize, usize)> = vec![(lo, 0)];
        seen.insert(lo);
        while let Some(top) = stack.last_mut() {
            let (b, k) = *top;
            let ss = succs(b);
            if k < ss.len() {
                top.1 += 1;
                let s = ss[k];
                if seen.insert(s) {
                    stack.push((s, 0));
                }
            } else {
                order.push(b);
                stack.pop();
            }
        }
        order.reverse();
        {
            let reg = self.regions.last_mut().unwrap();
            for &s in &starts {
                let e = end_of(s);
                for pc in s..e {
                    if let Some(t) = code.instrs[pc].targets() {
                        if (t as usize) <= pc && t as usize >= lo {
                            reg.loop_headers.insert(t as usize);
                        }
                    }
                }
            }
            // An inlined callee starts with the caller's facts: those about
            // the caller's registers hold in it (its code cannot write
            // them, and whatever could change their objects drops facts
            // for every register), those about its parameters came with
            // the arguments (`copy_facts`), and those about no register
            // (globals' dict entries, shapes' kinds) hold as in the caller,
            // until something there drops them (and counts the drop).
            let entry_facts: Facts = if reg.is_root { Facts::default() } else { self.facts.clone() };
            reg.incoming.entry(lo).or_default().push((entry_block, entry_state, entry_facts));
        }
        for &start in &order {
            let edges = self.regions.last_mut().unwrap().incoming.remove(&start).unwrap_or_default();
            if edges.is_empty() {
                continue;
            }
            let is_header = self.regions.last().unwrap().loop_headers.contains(&start);
            let is_root = self.regions.last().unwrap().is_root;
            let mut hfacts = Vec::new();
            // (Exits made on the edges resume at the block's start.)
            self.rexec = None;
            let edges = if is_header {
                hfacts = self.header_facts(start, &edges);
                let mut out = Vec::with_capacity(edges.len());
                for (eb, es, ef) in edges {
                    self.cur = eb;
                    self.st = es;
                    self.empty_dead_temps(start);
                    self.facts = ef;
                    let need: Vec<(HeaderFact, Fact)> =
                        hfacts.iter().copied().filter(|(h, f)| self.facts.get(&h.key()) != Some(f)).collect();
                    if !need.is_empty() {
                        let globals_only = need.iter().all(|(h, _)| matches!(h, HeaderFact::Global { .. }));
                        let x = self.exit(ExitKind::Guard, start, if globals_only { HOIST_GLOBAL_GUARD } else { HOIST_GUARD });
                        self.establish(&need, x, false);
                    }
                    let ef = std::mem::take(&mut self.facts);
                    out.push((self.cur, std::mem::take(&mut self.st), ef));
                }
                if !hfacts.is_empty() {
                    let key = self.header_key(start);
                    self.installed.insert(key, hfacts.clone());
                }
                out
            } else {
                edges
            };
            let mut state = self.normalize(edges[0].1.clone(), start);
            for (_, s, _) in &edges[1..] {
                let s = self.normalize(s.clone(), start);
                state = join_states(&state, &s, &self.consts);
            }
            if is_header {
                let _ = is_root;
                let key = self.header_key(start);
                let hs = match self.headers.get(&key) {
                    Some(h) => h.clone(),
                    None => {
                        let first = devirt(self.dirty_loop_writes(state.clone(), start));
                        self.headers.insert(key.clone(), first.clone());
                        first
                    }
                };
                let j = join_states(&hs, &state, &self.consts);
                if j != hs {
                    self.headers.insert(key, j);
                    return Err(Abort::Restart(1));
                }
                self.header_drops.insert(key, self.drops);
                state = hs;
            }
            let b = self.new_block();
            self.regions.last_mut().unwrap().blocks.insert(start, b);
            // The attribute facts that hold on every edge (none at a loop
            // header: its back-edges are not translated yet).
            let mut facts: Option<Facts> = if is_header { Some(hfacts.iter().map(|(h, f)| (h.key(), *f)).collect()) } else { None };
            for (eb, es, ef) in edges {
                self.cur = eb;
                self.facts = ef;
                let es = self.normalize(es, start);
                self.adapt(&es, &state);
                self.f.set_term(self.cur, Terminator::Jump(b, vec![]));
                let ef = std::mem::take(&mut self.facts);
                facts = Some(meet_facts(facts, ef));
            }
            self.cur = b;
            self.st = state;
            self.facts = facts.unwrap_or_default();
            self.rexec = self.stretch_start(start);
            self.last_load_int = None;
            let end = end_of(start);
            let mut flow = Flow::Next;
            self.skip = false;
            for pc in start..end {
                if std::mem::take(&mut self.skip) {
                    continue;
                }
                self.pc = pc;
                self.forget_writes(pc, false);
                self.freed = false;
                flow = self.instr(pc)?;
                self.track_pure(pc);
                // (A back-edge next makes the same check.)
                if std::mem::take(&mut self.freed)
                    && matches!(flow, Flow::Next)
                    && !self.skip
                    && !matches!(self.code().instrs.get(pc + 1), Some(Instr::Loop { .. }))
                {
                    self.safe_point_leave(pc + 1);
                }
                self.forget_writes(pc, true);
                if self.skip && pc + 1 < end {
                    self.forget_writes(pc + 1, true);
                }
                if matches!(flow, Flow::Done) {
                    break;
                }
            }
            if matches!(flow, Flow::Next) {
                self.pc = end - 1;
                self.goto(end)?;
            }
        }
        Ok(())
    }

    // ---- instructions ---------------------------------------------------

    fn profile(&self, pc: usize) -> u8 {
        self.code().cache(pc).profile
    }

    fn is_generic(&self, pc: usize) -> bool {
        self.generic.contains(&(self.level().code as usize, pc as u32))
    }

    /// Speculates on the type of a result a helper stored in `r`, from the
    /// interpreter's profile of instruction `pc`.
    fn speculate(&mut self, r: usize, pc: usize, resume: usize) {
        if !self.opts.has("speculate") || self.is_generic(pc) {
            return;
        }
        let bits = self.profile(pc);
        // A method call seen returning only None is not bet on (`strfmt`):
        // that is the warm-up of `d.get(k)` filling a dict (every look-up
        // a miss until keys repeat), whose guard would fail once the hits
        // come and recompile the region; a None that is really always
        // None is only ever tested or dropped, which costs little.
        if bits == 8 && self.opts.has("strfmt") && matches!(self.code().instrs[pc], Instr::CallMethod { .. }) {
            return;
        }
        let (t, tg) = match bits {
            1 => (T::Int, tag::INT),
            2 => (T::Float, tag::FLOAT),
            4 => (T::Bool, tag::BOOL),
            8 => (T::Tag(tag::NONE), tag::NONE),
            16 => (T::Tag(tag::LIST), tag::LIST),
            32 => (T::Tag(tag::TUPLE), tag::TUPLE),
            // (`lazyinst`: not guarded here; the uses that need an
            // instance guard it, `receiver_instance`. A result that is
            // sometimes None, a linked list's `next`, is then tested by the
            // code's own `is None` and never fails a guard: richards'
            // scheduler loop was compiled twice, its task's `step()`
            // result guarded: compile work -10%.)
            64 if !self.opts.has("lazyinst") => (T::Tag(tag::INSTANCE), tag::INSTANCE),
            _ => return,
        };
        let x = self.exit(ExitKind::GuardAfter, resume, "result type");
        let tv = self.load_tag(r);
        let ok = self.icmp_imm(Cmp::Eq, tv, tg as i64);
        self.guard_nonzero(ok, x);
        self.st[r] = RS::mem_type(T::Tag(tg));
        if t.is_num() && self.opts.has("unbox") {
            self.num(r);
        }
    }

    /// Executes the instruction through the interpreter (`helpers::exec`).
    fn generic(&mut self, pc: usize, ins: &Instr) -> TResult<Flow> {
        let (mut reads, mut writes) = (Vec::new(), Vec::new());
        ins.reg_effects(&mut reads, &mut writes);
        for r in &reads {
            let a = self.abs(*r);
            if let T::VInst(_) = self.st[a].t {
                self.flush(a);
            }
        }
        if self.self_call(pc, ins) {
            for w in &writes {
                let a = self.abs(*w);
                self.clobber(a);
            }
            let r = match *ins {
                Instr::Call { func, .. } => func,
                Instr::CallMethod { base, .. } => base,
                _ => unreachable!(),
            };
            let a = self.abs(r);
            self.speculate(a, pc, pc + 1);
            return Ok(Flow::Next);
        }
        for r in &reads {
            let a = self.abs(*r);
            self.mem(a);
        }
        // Calls: the callee may look at its callers' frames
        // (`sys._getframe(1).f_locals`, `inspect.currentframe()`).
        if matches!(
            ins,
            Instr::LoadLocals { .. }
                | Instr::LoadName { .. }
                | Instr::StoreName { .. }
                | Instr::DeleteName { .. }
                | Instr::Call { .. }
                | Instr::CallMethod { .. }
                | Instr::CallKw { .. }
                | Instr::CallMethodKw { .. }
                | Instr::CallEx { .. }
        ) {
            self.flush_named();
        }
        // Registers the instruction writes must be up to date in case it
        // fails before writing them (an exception handler may read them).
        for w in &writes {
            let a = self.abs(*w);
            self.mem(a);
        }
        let s = self.exec_here(pc);
        for w in &writes {
            let a = self.abs(*w);
            self.clobber(a);
        }
        if matches!(ins, Instr::DeleteLocal { .. } | Instr::DeleteGlobal { .. } | Instr::DeleteName { .. } | Instr::DeleteDeref { .. }) {
            self.forget_dead_temps(pc, &reads, &writes);
        }
        match ins.targets() {
            Some(t) => {
                let j = self.icmp_imm(Cmp::Eq, s, JUMP as i64);
                self.branch(j, t as usize, pc + 1)
            }
            None => {
                let result = match *ins {
                    Instr::LoadAttr { dst, .. }
                    | Instr::GetItem { dst, .. }
                    | Instr::LoadDeref { dst, .. }
                    | Instr::BinaryOp { dst, .. } => Some(dst),
                    Instr::Call { func, .. } | Instr::CallKw { func, .. } | Instr::CallEx { func } => Some(func),
                    Instr::CallMethod { base, .. } | Instr::CallMethodKw { base, .. } => Some(base),
                    _ => None,
                };
                // Containers built here have a known type.
                let built = match *ins {
                    Instr::BuildList { dst, .. } => Some((dst, tag::LIST)),
                    Instr::BuildTuple { dst, .. } => Some((dst, tag::TUPLE)),
                    Instr::BuildDict { dst, .. } => Some((dst, tag::DICT)),
                    _ => None,
                };
                if let Some((d, t)) = built {
                    let a = self.abs(d);
                    self.st[a] = RS::mem_type(T::Tag(t));
                } else if let Some(r) = result {
                    let a = self.abs(r);
                    self.speculate(a, pc, pc + 1);
                } else if let Instr::UnpackSequence { .. } = ins {
                    for w in &writes {
                        let a = self.abs(*w);
                        self.speculate(a, pc, pc + 1);
                    }
                }
                Ok(Flow::Next)
            }
        }
    }

    /// After a `del` run by the interpreter's code: it emptied the frame's
    /// temporaries dead there (`Vm::clear_dead_temps`), behind the states'
    /// back. What their slots hold is unknown now (a later store must not
    /// trust the tag it believed there).
    fn forget_dead_temps(&mut self, pc: usize, reads: &[Reg], writes: &[Reg]) {
        let code = self.code();
        let first_temp =
            code.cellvars.iter().chain(code.freevars.iter()).map(|(_, r)| *r as usize + 1).fold(code.varnames.len(), usize::max);
        let live = self.level().live.clone();
        // (The interpreter clears what is dead before the next instruction.)
        let at = (pc + 1).min(live.live_in.len() - 1);
        for r in first_temp..code.nregs as usize {
            if live.live_in[at].contains(r) || reads.contains(&(r as Reg)) || writes.contains(&(r as Reg)) {
                continue;
            }
            let a = self.abs(r as Reg);
            let rs = self.st[a];
            self.st[a] = if rs.t.is_virtual() { RS { t: rs.t, clean: false, mem: None } } else { RS::ANY };
        }
    }

    /// A call of the function being compiled whole, from its own frame
    /// (`selfcall`): the frame record is pushed and popped inline and the
    /// compiled code called directly (`Op::CallInd`, through the running
    /// region's `entry`), with the same effects as `exec_call` and
    /// `Vm::call_compiled`: a real frame (tracebacks, frame
    /// introspection, the recursion count), the caller's pc and named
    /// locals written, the arguments moved into the new window above the
    /// caller's extent. The frame borrows the function (a constant of this
    /// region). Taken only when the callee's `jit_entry` is the running
    /// region, the frame vector has room, the recursion limit allows the
    /// region's inlining depth, the register stack has room, the native
    /// stack is above `Vm::native_floor` and no collection is due;
    /// otherwise `exec_call` runs the call (and raises, collects...). A
    /// `return` of a register is completed inline (the window cleared,
    /// the record dropped, the value moved into the caller's register,
    /// the call site's result profile updated); any other exit of the
    /// callee goes to `native_finish`. Returns false when the call is not
    /// such a call (nothing emitted).
    fn self_call(&mut self, pc: usize, ins: &Instr) -> bool {
        let direct = self.opts.native_calls && self.opts.has("directcall");
        if !self.selfcalls && !direct {
            return false;
        }
        // `self_unknown`: a method call whose `self` slot may be Undef (the
        // attribute was not a method): checked at run time (Undef: the
        // slow path), the call then passing `self` as the first argument.
        let mut self_unknown = false;
        let (fr, start, n) = match *ins {
            Instr::Call { func, nargs } => (self.abs(func), self.abs(func) + 1, nargs as usize),
            Instr::CallMethod { base, nargs } => {
                let b = self.abs(base);
                match self.st[b + 1].t {
                    T::Tag(t) if t == tag::UNDEF => (b, b + 2, nargs as usize),
                    T::Any if direct && !matches!(self.st[b].t, T::Const(_)) => {
                        self_unknown = true;
                        (b, b + 1, nargs as usize + 1)
                    }
                    T::Any => return false,
                    _ => (b, b + 1, nargs as usize + 1),
                }
            }
            _ => return false,
        };
        let plain = |c: &CodeObj| {
            c.argcount as usize == n
                && c.flags & (code_flags::VARARGS | code_flags::VARKEYWORDS | code_flags::GENERATOR) == 0
                && c.kwonlyargcount == 0
                && c.freevars.is_empty()
        };
        // SAFETY: see `code`.
        let code: &CodeObj = unsafe { &*self.chain[0].code };
        // The callee: this region (`selfcall`), another function known
        // now (a constant) or one found in the register at run time
        // (`directcall`).
        let callee: Option<PyRef<FunctionObj>> = match self.st[fr].t {
            T::Const(c) => {
                let Value::Function(f) = self.konst(c).clone() else { return false };
                if !plain(&f.code) {
                    return false;
                }
                // Another function: only one compiled whole now (a small
                // function that is not is usually inlined elsewhere and
                // never compiled: the direct call's code would only cost
                // compile time).
                if !std::ptr::eq(&*f.code, code) && f.code.jit_entry.get() == 0 {
                    return false;
                }
                Some(f)
            }
            T::Any if direct => None,
            T::Tag(t) if t == tag::FUNCTION && direct => None,
            _ => return false,
        };
        let own = self.selfcalls && callee.as_ref().is_some_and(|f| std::ptr::eq(&*f.code, code));
        if !own && !direct {
            return false;
        }
        // The inlined frames down to the call get records too (as
        // `in_frame` gives them), each taking one level of the recursion
        // count (no inlined `__init__`, whose extra level this does not
        // reserve).
        let k = self.chain.len() - 1;
        for j in 1..=k {
            let d = &self.frames[self.chain[j].desc.unwrap() as usize];
            if d.levels as usize != j || d.init || !matches!(d.func, Value::Function(_)) {
                return false;
            }
        }
        let lay = *super::native_layout();
        // As `generic` does for calls.
        self.flush_named();
        for r in start..start + n {
            self.mem(r);
        }
        self.forget_facts("exec_call");
        self.forget_positions("exec_call");
        // (A constant callee is written to its register only on the slow
        // path; one found at run time is there already.)
        let fs = self.st[fr];
        let slow = self.cold_block();
        let zero = self.iconst(0);

        // The checks (loads; a branch per stage).
        let vm = self.load(self.ctx, lay.ctx_vm);
        let fi = self.load(self.ctx, lay.ctx_fi);
        let lpp = self.load(self.ctx, lay.ctx_lp);
        // The callee's function, code object (`ObjBox`) and region.
        let (fnv, cbox, clp, mut bad) = if own {
            let jea = self.iconst(&code.jit_entry as *const std::cell::Cell<usize> as i64);
            let je = self.load(jea, 0);
            let bad_entry = self.icmp(Cmp::Ne, je, lpp);
            (None, None, lpp, bad_entry)
        } else {
            let (fnv, cbox) = match &callee {
                Some(f) => {
                    let cb = self.iconst(f.code.as_ptr() as i64);
                    (None, cb)
                }
                None => {
                    if self_unknown {
                        let tv = self.load_tag(start);
                        let ok = self.new_block();
                        self.f.set_term(self.cur, Terminator::Branch { cond: tv, then: (ok, vec![]), els: (slow, vec![]) });
                        self.cur = ok;
                    }
                    if self.st[fr].t != T::Tag(tag::FUNCTION) {
                        let tv = self.load_tag(fr);
                        let isf = self.icmp_imm(Cmp::Eq, tv, tag::FUNCTION as i64);
                        let ok = self.new_block();
                        self.f.set_term(self.cur, Terminator::Branch { cond: isf, then: (ok, vec![]), els: (slow, vec![]) });
                        self.cur = ok;
                    }
                    let fp = self.load(self.base, Self::slot_off(fr) + 8);
                    let cb = self.load(fp, lay.fn_code);
                    (Some(fp), cb)
                }
            };
            let je = self.load(cbox, lay.code_jit_entry);
            let ok = self.new_block();
            self.f.set_term(self.cur, Terminator::Branch { cond: je, then: (ok, vec![]), els: (slow, vec![]) });
            self.cur = ok;
            let argc = self.load(je, lay.lp_dc_argc);
            let bad_argc = self.icmp_imm(Cmp::Ne, argc, n as i64);
            (fnv, Some(cbox), je, bad_argc)
        };
        let fptr = self.load(vm, lay.frames_ptr);
        let flen = self.load(vm, lay.frames_len);
        let fcap = self.load(vm, lay.frames_cap);
        let kv = self.iconst(k as i64);
        let flenk = self.op1(Op::IAdd, [flen, kv]);
        let bad_cap = self.icmp(Cmp::Ge, flenk, fcap);
        // The callee's depth and extent: this translation's for this
        // region, the callee region's own otherwise.
        let levels = if own {
            self.patched_const(Patch::Levels(2 + k as i64))
        } else {
            let l = self.load(clp, lay.lp_dc_levels);
            self.op1(Op::IAdd, [l, kv])
        };
        let need = self.op1(Op::IAdd, [flen, levels]);
        let limit = self.load(vm, lay.frame_limit);
        let bad_limit = self.icmp(Cmp::Ge, need, limit);
        let fsz = self.iconst(lay.frame_size as i64);
        let coff = self.op1(Op::IMul, [fi, fsz]);
        let cf = self.op1(Op::IAdd, [fptr, coff]);
        // The callee's window: above the caller's (`Frame::top`: the
        // region's extent for the loop's own frame, the window's end for
        // an inlined one).
        let nb = if k == 0 {
            self.load(cf, lay.f_top as i32)
        } else {
            let o = self.iconst(16 * (self.level().offset + self.code().nregs as usize) as i64);
            self.op1(Op::IAdd, [self.base, o])
        };
        let four = self.iconst(4);
        let room16 = if own { self.patched_const(Patch::Room16) } else { self.load(clp, lay.lp_dc_room16) };
        let ntop = self.op1(Op::IAdd, [nb, room16]);
        let se = self.load(vm, lay.stack_end);
        let bad_stack = self.icmp(Cmp::Ult, se, ntop);
        let sp = self.op1(Op::StackPtr, []);
        let floor = self.load(vm, lay.native_floor);
        let bad_native = self.icmp(Cmp::Ult, sp, floor);
        let gca = crate::objects::rc::GC_BUDGET.with(|b| b as *const std::cell::Cell<isize> as i64);
        let gcaddr = self.iconst(gca);
        let gcb = self.load(gcaddr, 0);
        let bad_gc = self.icmp(Cmp::Le, gcb, zero);
        for b in [bad_cap, bad_limit, bad_stack, bad_native, bad_gc] {
            bad = self.op1(Op::IOr, [bad, b]);
        }
        let fast = self.new_block();
        let join = self.new_block();
        self.f.set_term(self.cur, Terminator::Branch { cond: bad, then: (slow, vec![]), els: (fast, vec![]) });

        // Slow: the helper, as for any call.
        self.cur = slow;
        let saved = self.st.clone();
        self.mem(fr);
        let fv = self.iconst(self.level().desc.map_or(-1, |x| x as i64));
        let pv = self.iconst(pc as i64);
        let s = self.call(helpers::exec_call as *const () as usize, "exec_call", [self.ctx, fv, pv]);
        self.check_status(s);
        // The argument registers end Undef on both paths (dead
        // temporaries; the fast path moves them).
        let zero = self.iconst(0);
        for r in start..start + n {
            self.release_slot(r, None);
            self.store(self.base, Self::slot_off(r), zero);
        }
        self.f.set_term(self.cur, Terminator::Jump(join, vec![]));
        self.st = saved;

        // Fast: the caller's pc past the call (the loop's frame: past
        // the call of the outermost inlined frame).
        self.cur = fast;
        let zero = self.iconst(0);
        let (pw, ps) = ((lay.f_pc / 8 * 8) as i32, (lay.f_pc % 8 * 8) as i64);
        let old = self.load(cf, pw);
        let mask = self.iconst(!(0xffff_ffffi64 << ps));
        let kept = self.op1(Op::IAnd, [old, mask]);
        let root_pc = if k == 0 { pc } else { self.chain[1].call_pc };
        let npc = self.iconst(((root_pc as i64) + 1) << ps);
        let word = self.op1(Op::IOr, [kept, npc]);
        self.store(cf, pw, word);
        // The arguments move (their registers become Undef).
        for i in 0..n {
            let off = Self::slot_off(start + i);
            let t = self.load(self.base, off);
            let p = self.load(self.base, off + 8);
            self.store(nb, (16 * i) as i32, t);
            self.store(nb, (16 * i + 8) as i32, p);
            self.store(self.base, off, zero);
            self.store(self.base, off + 8, zero);
            self.st[start + i] = RS::UNDEF;
        }
        // The frame records: the inlined frames', each at its call (the
        // innermost at this one), then the callee's.
        let rec0 = {
            let o = self.op1(Op::IMul, [flen, fsz]);
            self.op1(Op::IAdd, [fptr, o])
        };
        let exc = self.load(vm, lay.exc_len);
        for j in 1..=k + 1 {
            let (tmpl, rb, rt) = if j <= k {
                let lvl = &self.chain[j];
                let d = &self.frames[lvl.desc.unwrap() as usize];
                let Value::Function(func) = d.func.clone() else { unreachable!() };
                let next = if j < k { self.chain[j + 1].call_pc } else { pc };
                let (b, t) = (16 * lvl.offset as i64, 16 * (lvl.offset + d.nregs as usize) as i64);
                let bv = self.iconst(b);
                let tv = self.iconst(t);
                let bb = self.op1(Op::IAdd, [self.base, bv]);
                let tt = self.op1(Op::IAdd, [self.base, tv]);
                (super::frame_template(&func, next as u32 + 1), bb, tt)
            } else {
                match &callee {
                    Some(f) => (super::frame_template(f, 0), nb, ntop),
                    None => (super::frame_template_any(0), nb, ntop),
                }
            };
            // A function known only at run time: its code, globals and
            // address (a borrowed reference: register `fr` holds it until
            // the result replaces it, after the record is gone).
            let runtime = j == k + 1 && fnv.is_some();
            for (w, &x) in tmpl.iter().enumerate() {
                let at = w * 8;
                let mut v = if at == lay.f_base {
                    rb
                } else if at == lay.f_top {
                    rt
                } else if runtime && at == lay.f_func {
                    fnv.unwrap()
                } else if runtime && at == lay.f_code {
                    let d = self.iconst(crate::objects::rc::DATA_OFFSET as i64);
                    self.op1(Op::IAdd, [cbox.unwrap(), d])
                } else if runtime && at == lay.f_globals {
                    let g = self.load(fnv.unwrap(), lay.fn_globals);
                    let d = self.iconst(crate::objects::rc::DATA_OFFSET as i64);
                    self.op1(Op::IAdd, [g, d])
                } else {
                    self.iconst(x as i64)
                };
                if at == lay.f_exc_depth / 8 * 8 {
                    let sh = self.iconst((lay.f_exc_depth % 8 * 8) as i64);
                    let e = self.op1(Op::IShl, [exc, sh]);
                    v = self.op1(Op::IOr, [v, e]);
                }
                self.store(rec0, ((j - 1) * lay.frame_size + at) as i32, v);
            }
        }
        let one = self.iconst(1);
        let k1 = self.iconst(k as i64 + 1);
        let flen1 = self.op1(Op::IAdd, [flen, k1]);
        self.store(vm, lay.frames_len, flen1);
        self.store(self.ctx, lay.ctx_fi, flenk);
        if !own {
            // The callee runs with this context (its region switched in)
            // and holds a reference to its region while it runs (it may
            // be invalidated meanwhile), as `Vm::call_compiled` does.
            self.store(self.ctx, lay.ctx_lp, clp);
            let s = self.load(clp, lay.rc_strong);
            let s1 = self.op1(Op::IAdd, [s, one]);
            self.store(clp, lay.rc_strong, s1);
        }
        for off in [lay.lp_runs, lay.lp_native_runs] {
            let x = self.load(clp, off);
            let x1 = self.op1(Op::IAdd, [x, one]);
            self.store(clp, off, x1);
        }
        let entry = self.load(clp, lay.lp_entry);
        let split = self.split_set();
        self.spill_around(&split, true);
        let r = self.op1(Op::CallInd, [entry, nb, self.ctx]);
        self.spill_around(&split, false);
        self.store(self.ctx, lay.ctx_fi, fi);
        if !own {
            self.store(self.ctx, lay.ctx_lp, lpp);
        }
        // A `return` of a register?
        let tab = self.load(clp, lay.lp_ret_tab);
        let tn = self.load(clp, lay.lp_ret_n);
        let inr = self.icmp(Cmp::Ult, r, tn);
        let chk = self.new_block();
        let fin = self.cold_block();
        self.f.set_term(self.cur, Terminator::Branch { cond: inr, then: (chk, vec![]), els: (fin, vec![]) });
        self.cur = chk;
        let three = self.iconst(3);
        let ro = self.op1(Op::IShl, [r, three]);
        let ra = self.op1(Op::IAdd, [tab, ro]);
        let src = self.load(ra, 0);
        let isret = self.icmp_imm(Cmp::Ne, src, -1);
        let ret = self.new_block();
        self.f.set_term(self.cur, Terminator::Branch { cond: isret, then: (ret, vec![]), els: (fin, vec![]) });

        // The value leaves the window, which is cleared; the record is
        // dropped (it owns nothing).
        self.cur = ret;
        let zero = self.iconst(0);
        let so = self.op1(Op::IShl, [src, four]);
        let sa = self.op1(Op::IAdd, [nb, so]);
        let vt = self.load(sa, 0);
        let vp = self.load(sa, 8);
        // (The callee's `return` exit cleared the rest: `clear_window_but`.)
        self.store(sa, 0, zero);
        self.store(vm, lay.frames_len, flen);
        if !own {
            // The region's reference given back (the last one: it was
            // invalidated while it ran, and is freed now).
            let s = self.load(clp, lay.rc_strong);
            let last = self.icmp_imm(Cmp::Eq, s, 1);
            let free = self.cold_block();
            let dec = self.new_block();
            let done = self.new_block();
            self.f.set_term(self.cur, Terminator::Branch { cond: last, then: (free, vec![]), els: (dec, vec![]) });
            self.cur = free;
            self.call_void(helpers::drop_region as *const () as usize, "drop_region", [clp]);
            self.f.set_term(self.cur, Terminator::Jump(done, vec![]));
            self.cur = dec;
            let one = self.iconst(1);
            let s1 = self.op1(Op::ISub, [s, one]);
            self.store(clp, lay.rc_strong, s1);
            self.f.set_term(self.cur, Terminator::Jump(done, vec![]));
            self.cur = done;
        }
        // The call site's result profile.
        let pa = &mut self.code().cache(pc).profile as *mut u8 as i64;
        let bits = self.iconst(super::PROFILE_BITS.as_ptr() as i64);
        let ba = self.op1(Op::IAdd, [bits, vt]);
        let bit = self.op1(Op::Load8 { off: 0 }, [ba]);
        let pav = self.iconst(pa);
        let prof = self.op1(Op::Load8 { off: 0 }, [pav]);
        let has = self.op1(Op::IAnd, [bit, prof]);
        let newbit = self.icmp(Cmp::Eq, has, zero);
        let upd = self.cold_block();
        let cont = self.new_block();
        self.f.set_term(self.cur, Terminator::Branch { cond: newbit, then: (upd, vec![]), els: (cont, vec![]) });
        self.cur = upd;
        self.call_void(helpers::profile_or as *const () as usize, "profile_or", [pav, bit]);
        self.f.set_term(self.cur, Terminator::Jump(cont, vec![]));
        self.cur = cont;
        // Into the caller's register (whatever it held released: for a
        // function found at run time, the function).
        self.release_slot(fr, fs.mem);
        let fo = Self::slot_off(fr);
        self.store(self.base, fo, vt);
        self.store(self.base, fo + 8, vp);
        self.f.set_term(self.cur, Terminator::Jump(join, vec![]));

        // Any other exit: the interpreter finishes the callee's frame.
        self.cur = fin;
        let frv = self.iconst(fr as i64);
        let kv = self.iconst(k as i64);
        let pv = if own { self.iconst(0) } else { clp };
        let s = self.call(helpers::native_finish as *const () as usize, "native_finish", [self.ctx, r, frv, kv, pv]);
        self.check_status(s);
        self.f.set_term(self.cur, Terminator::Jump(join, vec![]));

        self.cur = join;
        for r in start..start + n {
            self.st[r] = RS::UNDEF;
        }
        self.clobber(fr);
        true
    }

    /// Defines `d` as the number or constant virtual register `s` holds
    /// (false, nothing done: `s` is in its slot).
    fn def_virtual_copy(&mut self, d: usize, s: usize) -> bool {
        let ss = self.st[s];
        match ss.t {
            T::Int | T::Bool => {
                let v = self.get_i(s);
                self.def_num(d, ss.t, v);
            }
            T::Float => {
                let v = self.get_f(s);
                self.def_num(d, ss.t, v);
            }
            T::Const(c) => self.def_const(d, c),
            T::VInst(_) => self.virtual_container(d, ss.t),
            _ => return false,
        }
        true
    }

    /// Moves the value in `s`'s slot (state `ss`) into `d`'s: its words
    /// copied (no count taken), `d`'s old value released, `s` left empty.
    /// Returns whether the release may have freed an object.
    fn move_slot(&mut self, d: usize, s: usize, ss: RS) -> bool {
        let known = self.st[d].slot_mem();
        // (An inline decrement: the old value is often shared.)
        let freed = self.release_reg(d, known);
        self.unborrow(d);
        self.unborrow(s);
        let so = Self::slot_off(s);
        let t = self.load(self.base, so);
        let p = self.load(self.base, so + 8);
        self.store(self.base, Self::slot_off(d), t);
        self.store(self.base, Self::slot_off(d) + 8, p);
        let z = self.iconst(0);
        self.store(self.base, so, z);
        self.st[d] = RS::copied_from(ss.t);
        self.st[s] = RS::UNDEF;
        freed
    }

    /// Register `d` now holds the object `s` holds (`keep`) or held: the
    /// facts about that object (its dict's shape and entries, attribute
    /// addresses and number tags, a list's storage) hold for `d` too. Not
    /// a cell fact (about the slot) nor an iterator's (its IR locals).
    fn copy_facts(&mut self, s: usize, d: usize, keep: bool) {
        if self.facts.is_empty() {
            return;
        }
        self.facts.retain(|k, _| k.0 != d);
        let about = |k: &(usize, i64, bool)| k.0 == s && k.1 != CELL_FACT && !(ITER_FACT..ITER_FACT + 256).contains(&k.1);
        let moved: Vec<((usize, i64, bool), Fact)> = self.facts.iter().filter(|(k, _)| about(k)).map(|(k, f)| (*k, *f)).collect();
        for (k, f) in moved {
            if !keep {
                self.facts.remove(&k);
            }
            self.facts.insert((d, k.1, k.2), f);
        }
    }

    /// `Take`: register `d` gets `s`'s value and `s` is left Undef. A
    /// value in memory moves its words (no reference counted, nothing to
    /// release in `s`); a virtual one is defined in `d` and `s`'s slot is
    /// emptied by what its state says it holds (usually no object: no
    /// code at all).
    fn take_value(&mut self, d: usize, s: usize) {
        let ss = self.st[s];
        if !self.def_virtual_copy(d, s) {
            if self.move_slot(d, s, ss) {
                self.freed = true;
            }
            self.copy_facts(s, d, false);
            return;
        }
        let known = self.st[s].slot_mem();
        if known != Some(tag::UNDEF) {
            self.empty_slot(s, known);
        }
        self.st[s] = RS::UNDEF;
    }

    /// At a `return` of register `src` of a whole-function region
    /// (`selfcall`): the frame's other registers are cleared (released,
    /// Undef) as popping the frame would clear them, each by what its
    /// state says the slot holds, so that a compiled self-call (whose
    /// callee is this code) only takes the value. The interpreter's
    /// `Return` and `Vm::finish_native` clear the window again (a no-op).
    fn clear_window_but(&mut self, src: usize) {
        let n = self.code().nregs as usize;
        let zero = self.iconst(0);
        let mut freed = false;
        for r in 0..n {
            if r == src {
                continue;
            }
            let known = self.st[r].slot_mem();
            if known != Some(tag::UNDEF) {
                freed |= known.is_none_or(is_heap_tag);
                self.release_slot(r, known);
                self.store(self.base, Self::slot_off(r), zero);
            }
            self.st[r] = RS::UNDEF;
        }
        if freed {
            // Finalizers of the frame's objects run before the caller goes
            // on (the interpreter's safe point after a return; a compiled
            // self-call returns to its caller without a helper).
            self.safe_point();
        }
    }

    /// After a direct helper that returned `r` (0: done; else the case is
    /// not one it handles): instruction `pc` runs generically on a cold
    /// path (which also raises its errors); the register states after it
    /// are those before the slow path.
    fn or_generic(&mut self, pc: usize, r: Var) {
        let slow = self.cold_block();
        let join = self.new_block();
        self.f.set_term(self.cur, Terminator::Branch { cond: r, then: (slow, vec![]), els: (join, vec![]) });
        let before = self.st.clone();
        self.cur = slow;
        self.exec_here(pc);
        self.f.set_term(self.cur, Terminator::Jump(join, vec![]));
        self.cur = join;
        self.st = before;
    }

    /// Calls the `exec` helper for instruction `pc` of the innermost frame
    /// (errors leave through the error exit); returns its status.
    fn exec_here(&mut self, pc: usize) -> Var {
        let frame = self.level().desc.map_or(-1, |x| x as i64);
        let fv = self.iconst(frame);
        let pv = self.iconst(pc as i64);
        let s = match self.code().instrs[pc] {
            Instr::GetItem { .. } | Instr::SetItem { .. } => {
                self.call(helpers::exec_item as *const () as usize, "exec_item", [self.ctx, fv, pv])
            }
            Instr::Call { .. } | Instr::CallMethod { .. } if self.opts.native_calls => {
                self.call(helpers::exec_call as *const () as usize, "exec_call", [self.ctx, fv, pv])
            }
            _ => self.call(helpers::exec as *const () as usize, "exec", [self.ctx, fv, pv]),
        };
        self.check_status(s);
        s
    }

    /// Guards that the value at `addr` has tag `tg` (else `exit`) and loads
    /// its payload into register `d`'s IR local.
    fn unbox_into(&mut self, addr: Var, t: T, tg: u8, exit: BlockId, d: usize) {
        let tv = self.load(addr, 0);
        let ok = self.icmp_imm(Cmp::Eq, tv, tg as i64);
        self.guard_nonzero(ok, exit);
        let v = self.load_payload(addr, t);
        match t {
            T::Float => self.set_f(d, v),
            _ => self.set_i(d, v),
        }
    }

    /// Writes back the named local variables of every frame (inlined
    /// ones included: the code a call runs may look at its callers'
    /// frames, `sys._getframe(1).f_locals`).
    fn flush_named(&mut self) {
        for k in 0..self.chain.len() {
            let (off, code) = (self.chain[k].offset, self.chain[k].code);
            // SAFETY: see `code`.
            let code = unsafe { &*code };
            for r in 0..code.varnames.len().min(code.nregs as usize) {
                self.flush(off + r);
            }
        }
    }

    /// A value an instruction produced that is known at compile time.
    fn def_value(&mut self, r: usize, v: &Value) {
        match v {
            Value::Int(i) if self.opts.has("unbox") => {
                let x = self.iconst(*i);
                self.def_num(r, T::Int, x);
            }
            Value::Float(f) if self.opts.has("unbox") => {
                let x = self.fconst(*f);
                self.def_num(r, T::Float, x);
            }
            Value::Bool(b) if self.opts.has("unbox") => {
                let x = self.iconst(*b as i64);
                self.def_num(r, T::Bool, x);
            }
            _ => {
                let c = self.intern(v);
                self.def_const(r, c);
                if !self.opts.has("unbox") {
                    self.flush(r);
                    self.st[r] = RS::mem_type(T::Tag(v.tag()));
                }
            }
        }
    }

    fn instr(&mut self, pc: usize) -> TResult<Flow> {
        let code = self.code();
        let ins = code.instrs[pc];
        if self.virtuals {
            self.materialize_reads(pc, &ins);
        }
        let native = self.opts.has("native");
        let in_root = self.chain.len() == 1;
        match ins {
            // Leaving the frame, or things only the interpreter does.
            Instr::Return { .. } | Instr::ReturnNone {} if !in_root => return self.inline_return(ins),
            Instr::Return { src } if self.clears && self.chain.len() == 1 => {
                self.clear_window_but(src as usize);
                let x = self.exit(ExitKind::Leave, pc, "leaves the compiled loop");
                self.f.set_term(self.cur, Terminator::Jump(x, vec![]));
                return Ok(Flow::Done);
            }
            // `return None` of a clearing region: the None goes to register
            // 0, which is then returned as `Return` returns a register (so
            // a compiled direct call completes it inline; see
            // `CompiledLoop::ret_src`).
            Instr::ReturnNone {} if self.clears && self.chain.len() == 1 && self.code().nregs > 0 => {
                self.def_value(0, &Value::None);
                self.mem(0);
                self.clear_window_but(0);
                let x = self.exit(ExitKind::Leave, pc, "leaves the compiled loop");
                self.f.set_term(self.cur, Terminator::Jump(x, vec![]));
                return Ok(Flow::Done);
            }
            // `catch`: a raise whose handler is in the region runs through
            // the interpreter's code; the error goes to the handler. (Its
            // normal completion cannot happen: a Leave exit.)
            Instr::Raise { .. } | Instr::Reraise { .. } if self.catch_entry(pc).is_some() => {
                self.generic(pc, &ins)?;
                let x = self.exit(ExitKind::Leave, pc, "leaves the compiled loop");
                self.f.set_term(self.cur, Terminator::Jump(x, vec![]));
                return Ok(Flow::Done);
            }
            Instr::Return { .. }
            | Instr::ReturnNone {}
            | Instr::Raise { .. }
            | Instr::Reraise { .. }
            | Instr::Yield { .. }
            | Instr::YieldFrom { .. }
            | Instr::AssertFail { .. }
            | Instr::ImportStar { .. }
            | Instr::SetupAnnotations {}
            | Instr::LoadBuildClass { .. }
            | Instr::LoadLocals { .. } => {
                let x = self.exit(ExitKind::Leave, pc, "leaves the compiled loop");
                self.f.set_term(self.cur, Terminator::Jump(x, vec![]));
                return Ok(Flow::Done);
            }
            Instr::Jump { target } => {
                self.goto(target as usize)?;
                return Ok(Flow::Done);
            }
            Instr::Loop { target, .. } => {
                self.pre_gc_facts = Some(self.facts.clone());
                self.pre_gc_drops = Some(self.drops);
                if self.chain.len() == 1 && self.opts.has("gcleave") {
                    self.gc_leave(target as usize);
                } else {
                    self.gc_check(target as usize);
                }
                self.goto(target as usize)?;
                return Ok(Flow::Done);
            }
            _ => {}
        }
        if let Instr::ForIter { dst, iter, target } = ins {
            // Continues into the loop body in the same block.
            return self.for_iter(pc, &ins, dst, iter, target as usize);
        }
        if !native {
            return self.generic(pc, &ins);
        }
        match ins {
            Instr::Nop {} => Ok(Flow::Next),
            // Handler bookkeeping by direct helpers (no Python code runs).
            Instr::PushExcInfo { exc } => {
                let a = self.abs(exc);
                self.mem(a);
                let p = self.slot_addr(a);
                self.call_void(helpers::push_exc_info as *const () as usize, "push_exc_info", [self.ctx, p]);
                Ok(Flow::Next)
            }
            Instr::PopExcInfo {} => {
                self.call_void(helpers::pop_exc_info as *const () as usize, "pop_exc_info", [self.ctx]);
                // The popped exception may have been the last reference.
                self.freed = true;
                Ok(Flow::Next)
            }
            Instr::JumpIfNotExcMatch { exc, cls, target } => {
                let (a, b) = (self.abs(exc), self.abs(cls));
                self.mem(a);
                self.mem(b);
                let (pa, pb) = (self.slot_addr(a), self.slot_addr(b));
                let s = self.call(helpers::exc_not_match as *const () as usize, "exc_not_match", [self.ctx, pa, pb]);
                self.check_status(s);
                let j = self.icmp_imm(Cmp::Eq, s, JUMP as i64);
                self.branch(j, target as usize, pc + 1)
            }
            Instr::Move { dst, src } => {
                let (d, s) = (self.abs(dst), self.abs(src));
                if d == s {
                    return Ok(Flow::Next);
                }
                let ss = self.st[s];
                match ss.t {
                    T::VTuple(..) | T::VInst(_) => self.virtual_container(d, ss.t),
                    T::Int | T::Bool => {
                        let v = self.get_i(s);
                        self.def_num(d, ss.t, v);
                    }
                    T::Float => {
                        let v = self.get_f(s);
                        self.def_num(d, ss.t, v);
                    }
                    T::Const(c) => self.def_const(d, c),
                    _ => {
                        self.freed |= self.st[d].slot_mem().is_none_or(is_heap_tag);
                        let sa = self.slot_addr(s);
                        self.copy_to_reg(d, sa, ss.slot_mem());
                        self.st[d] = RS::copied_from(ss.t);
                        self.copy_facts(s, d, true);
                        self.borrow(d, s);
                    }
                }
                Ok(Flow::Next)
            }
            Instr::Take { dst, src } => {
                let (d, s) = (self.abs(dst), self.abs(src));
                if d == s {
                    return Ok(Flow::Next);
                }
                self.take_value(d, s);
                Ok(Flow::Next)
            }
            Instr::LoadConst { dst, k } => {
                let v = code.consts[k as usize].clone();
                let d = self.abs(dst);
                self.def_value(d, &v);
                Ok(Flow::Next)
            }
            Instr::LoadInt { dst, value } => {
                let d = self.abs(dst);
                self.def_value(d, &Value::Int(value as i64));
                self.last_load_int = Some((d, value as i64, pc, self.level().code));
                Ok(Flow::Next)
            }
            Instr::LoadNone { dst } => {
                let d = self.abs(dst);
                self.def_value(d, &Value::None);
                Ok(Flow::Next)
            }
            Instr::LoadBool { dst, value } => {
                let d = self.abs(dst);
                self.def_value(d, &Value::Bool(value));
                Ok(Flow::Next)
            }
            Instr::CheckBound { reg, .. } => {
                let r = self.abs(reg);
                match self.st[r].t {
                    T::Any => {
                        let t = self.load_tag(r);
                        let z = self.icmp_imm(Cmp::Eq, t, 0);
                        let x = self.exit(ExitKind::Guard, pc, "unbound local");
                        self.guard_zero(z, x);
                        Ok(Flow::Next)
                    }
                    T::Tag(0) => {
                        let x = self.exit(ExitKind::Leave, pc, "unbound local");
                        self.f.set_term(self.cur, Terminator::Jump(x, vec![]));
                        Ok(Flow::Done)
                    }
                    _ => Ok(Flow::Next),
                }
            }
            Instr::LoadGlobal { dst, name } => self.load_global(pc, &ins, dst, name),
            Instr::StoreGlobal { src, name } => self.store_global(pc, &ins, src, name),
            Instr::Add { dst, a, b } => self.arith(pc, &ins, BinOp::Add, dst, a, Some(b), 0),
            Instr::Sub { dst, a, b } => self.arith(pc, &ins, BinOp::Sub, dst, a, Some(b), 0),
            Instr::Mul { dst, a, b } => self.arith(pc, &ins, BinOp::Mul, dst, a, Some(b), 0),
            Instr::TrueDiv { dst, a, b } => self.arith(pc, &ins, BinOp::TrueDiv, dst, a, Some(b), 0),
            Instr::FloorDiv { dst, a, b } => self.arith(pc, &ins, BinOp::FloorDiv, dst, a, Some(b), 0),
            Instr::Mod { dst, a, b } => self.arith(pc, &ins, BinOp::Mod, dst, a, Some(b), 0),
            Instr::AddInt { dst, a, imm } => self.arith(pc, &ins, BinOp::Add, dst, a, None, imm as i64),
            Instr::SubInt { dst, a, imm } => self.arith(pc, &ins, BinOp::Sub, dst, a, None, imm as i64),
            Instr::ModInt { dst, a, imm } => self.arith(pc, &ins, BinOp::Mod, dst, a, None, imm as i64),
            Instr::BinaryOp { op, dst, a, b } | Instr::InplaceOp { op, dst, a, b } => self.arith(pc, &ins, op, dst, a, Some(b), 0),
            Instr::Neg { dst, src } | Instr::Pos { dst, src } | Instr::Invert { dst, src } => self.unary(pc, &ins, dst, src),
            Instr::Not { dst, src } | Instr::ToBool { dst, src } => {
                let s = self.abs(src);
                match self.truth(s)? {
                    Some(v) => {
                        let v = if matches!(ins, Instr::Not { .. }) { self.icmp_imm(Cmp::Eq, v, 0) } else { v };
                        let d = self.abs(dst);
                        self.def_num(d, T::Bool, v);
                        self.settle(d);
                        Ok(Flow::Next)
                    }
                    None => self.generic(pc, &ins),
                }
            }
            Instr::Compare { op, dst, a, b } => {
                let (ra, rb) = (self.abs(a), self.abs(b));
                match self.compare_native(op, ra, Rhs::Reg(rb)).or_else(|| self.str_eq_native(op, ra, rb)) {
                    Some(v) => {
                        let d = self.abs(dst);
                        self.def_num(d, T::Bool, v);
                        self.settle(d);
                        Ok(Flow::Next)
                    }
                    None => self.generic(pc, &ins),
                }
            }
            Instr::JumpIfTrue { cond, target } | Instr::JumpIfFalse { cond, target } => {
                let c = self.abs(cond);
                let Some(v) = self.truth(c)? else {
                    return self.generic(pc, &ins);
                };
                if matches!(ins, Instr::JumpIfTrue { .. }) {
                    self.branch(v, target as usize, pc + 1)
                } else {
                    self.branch(v, pc + 1, target as usize)
                }
            }
            Instr::CompareJump { op, a, b, target } => {
                let (ra, rb) = (self.abs(a), self.abs(b));
                match self.compare_native(op, ra, Rhs::Reg(rb)).or_else(|| self.str_eq_native(op, ra, rb)) {
                    Some(v) => self.branch(v, pc + 1, target as usize),
                    None => {
                        self.mem(ra);
                        self.mem(rb);
                        let (pa, pb) = (self.slot_addr(ra), self.slot_addr(rb));
                        let (o, p) = (self.iconst(op as i64), self.iconst(self.root_pc() as i64));
                        let s = self.call(helpers::compare_bool as *const () as usize, "compare_bool", [self.ctx, o, pa, pb, p]);
                        self.check_status(s);
                        self.branch(s, pc + 1, target as usize)
                    }
                }
            }
            Instr::CompareJumpInt { op, a, imm, target } => {
                let ra = self.abs(a);
                match self.compare_native(op, ra, Rhs::Imm(imm as i64)) {
                    Some(v) => self.branch(v, pc + 1, target as usize),
                    None => self.generic(pc, &ins),
                }
            }
            Instr::JumpIfNone { src, target } | Instr::JumpIfNotNone { src, target } => {
                let r = self.abs(src);
                let is_none: Option<bool> = match self.st[r].t {
                    T::Const(c) => Some(self.konst(c).is_none()),
                    T::Tag(t) => Some(t == tag::NONE),
                    T::Any => None,
                    t => {
                        debug_assert!(t.never_none());
                        Some(false)
                    }
                };
                let want_none = matches!(ins, Instr::JumpIfNone { .. });
                match is_none {
                    Some(n) => {
                        self.goto(if n == want_none { target as usize } else { pc + 1 })?;
                        Ok(Flow::Done)
                    }
                    None => {
                        let t = self.load_tag(r);
                        let n = self.icmp_imm(if want_none { Cmp::Eq } else { Cmp::Ne }, t, tag::NONE as i64);
                        self.branch(n, target as usize, pc + 1)
                    }
                }
            }
            Instr::ForIter { dst, iter, target } => self.for_iter(pc, &ins, dst, iter, target as usize),
            Instr::GetIter { dst, src } => {
                let s = self.abs(src);
                if let T::VTuple(a, n) = self.st[s].t {
                    // `for v in args`: the items are walked where they are.
                    let simple = matches!(code.instrs.get(pc + 1), Some(&Instr::ForIter { iter, dst: fd, .. })
                        if iter == dst && self.unpack_after(pc + 1, fd).is_none());
                    if simple && self.opts.has("iter") && !self.is_generic(pc) {
                        for i in a as usize..a as usize + n as usize {
                            self.flush(i);
                        }
                        let d = self.abs(dst);
                        self.virtual_container(d, T::VIter(a, n));
                        let pl = self.aux(d)[0];
                        let z = self.iconst(0);
                        self.op(Op::SetVar(pl), [z]);
                        return Ok(Flow::Next);
                    }
                    self.flush(s);
                }
                let src_t = self.st[s].t;
                let src_tag = match src_t {
                    T::Tag(t) => Some(t),
                    T::Const(k) => Some(self.konst(k).tag()),
                    _ => None,
                };
                let kind = match src_tag {
                    Some(tag::RANGE) => Some((1, T::RangeIter(true))),
                    Some(tag::LIST) => Some((2, T::ListIter(true))),
                    Some(tag::TUPLE) => Some((5, T::TupleIter(true))),
                    _ => None,
                };
                let d = self.abs(dst);
                let next_for = matches!(code.instrs.get(pc + 1), Some(&Instr::ForIter { iter, .. }) if iter == dst);
                if let (Some((k @ (2 | 5), _)), true) =
                    (kind, next_for && self.opts.has("iter") && self.opts.has("viter") && !self.is_generic(pc))
                {
                    // `for x in seq`: the iterator stays virtual, its
                    // register holding (a reference to) the sequence.
                    // (When `d` is `s`, the slot's reference becomes the
                    // iterator's.)
                    self.mem(s);
                    self.virtuals = true;
                    let sa = self.slot_addr(s);
                    let p = self.load(sa, 8);
                    if d != s {
                        let t = self.load(sa, 0);
                        self.incref_obj(p);
                        self.drop_old(d);
                        let da = self.slot_addr(d);
                        self.store(da, 0, t);
                        self.store(da, 8, p);
                    }
                    self.facts.retain(|key, _| key.0 != d);
                    let ax = self.aux_n(d, 2);
                    let z = self.iconst(0);
                    self.op(Op::SetVar(ax[0]), [z]);
                    self.op(Op::SetVar(ax[1]), [p]);
                    self.st[d] = RS { t: T::VSeqIter(k == 5), clean: false, mem: Some(if k == 5 { tag::TUPLE } else { tag::LIST }) };
                    return Ok(Flow::Next);
                }
                if let (Some((k @ (2 | 5), t)), true) = (kind, self.opts.has("iter") && !self.is_generic(pc)) {
                    // A list or tuple: its iterator made by a helper (no
                    // instruction dispatch).
                    self.mem(s);
                    self.clobber(d);
                    let fail = self.exit(ExitKind::GuardAfter, pc + 1, "iterator kind");
                    self.seq_iter_setup(d, s, k, fail);
                    self.st[d] = RS::mem_type(t);
                    return Ok(Flow::Next);
                }
                if matches!(src_t, T::ZipIter(_) | T::EnumIter) && d == s && self.opts.has("viter") && !self.is_generic(pc) {
                    // iter() of a zip or enumerate is the iterator itself,
                    // already in its register.
                    return Ok(Flow::Next);
                }
                let r = self.generic(pc, &ins)?;
                if let (Some((k, t)), true) = (kind, self.opts.has("iter")) {
                    let fail = self.exit(ExitKind::GuardAfter, pc + 1, "iterator kind");
                    self.iter_setup(d, k, fail);
                    self.st[d] = RS::mem_type(t);
                } else if let (T::ZipIter(_) | T::EnumIter, true) = (src_t, self.opts.has("iter")) {
                    // iter() of an iterator is the iterator itself.
                    let fail = self.exit(ExitKind::GuardAfter, pc + 1, "iterator kind");
                    self.fused_setup(d, src_t, fail);
                    self.st[d] = RS::mem_type(src_t);
                } else if matches!(src_t, T::Tag(tag::ITER) | T::RangeIter(_) | T::ListIter(_) | T::TupleIter(_)) {
                    self.st[d] = RS::mem_type(T::Tag(tag::ITER));
                } else {
                    self.st[d] = RS::ANY;
                }
                Ok(r)
            }
            Instr::Call { func, nargs } => self.call_instr(pc, &ins, func, nargs, &[]),
            Instr::CallKw { func, nargs, kwnames } => {
                let names: Vec<String> = match &code.consts[kwnames as usize] {
                    Value::Tuple(t) => t
                        .as_slice()
                        .iter()
                        .map(|v| match v {
                            Value::Str(s) => s.as_str().to_string(),
                            _ => String::new(),
                        })
                        .collect(),
                    _ => return self.generic(pc, &ins),
                };
                self.call_instr(pc, &ins, func, nargs, &names)
            }
            Instr::LoadAttr { dst, obj, name } => {
                let o = self.abs(obj);
                if let T::VInst(k) = self.st[o].t {
                    if self.vinst_attr(pc, dst, k, name) {
                        return Ok(Flow::Next);
                    }
                    self.flush(o);
                }
                self.instance_receiver(pc, o);
                if let T::Const(c) = self.st[o].t {
                    if let Value::Module(m) = self.konst(c).clone() {
                        if self.opts.has("globals") && !self.is_generic(pc) {
                            let d = self.abs(dst);
                            let n = code.names[name as usize].as_str();
                            if self.const_lookup(&m.dict, None, n, d, pc) {
                                return Ok(Flow::Next);
                            }
                        }
                    }
                }
                if self.st[o].t == T::Tag(tag::INSTANCE) && self.opts.has("attrs") {
                    let d = self.abs(dst);
                    return self.attr_load(pc, &ins, d, o);
                }
                self.generic(pc, &ins)
            }
            Instr::LoadMethod { dst, obj, name } => {
                let o = self.abs(obj);
                if let T::VInst(k) = self.st[o].t {
                    if self.vinst_method(pc, dst, k, name) {
                        return Ok(Flow::Next);
                    }
                    self.flush(o);
                }
                self.instance_receiver(pc, o);
                if let T::Const(c) = self.st[o].t {
                    if let Value::Module(m) = self.konst(c).clone() {
                        if self.opts.has("globals") && !self.is_generic(pc) {
                            let d = self.abs(dst);
                            let n = code.names[name as usize].as_str();
                            if self.const_lookup(&m.dict, None, n, d, pc) {
                                // A module attribute is called without `self`.
                                let d1 = d + 1;
                                let old = self.st[d1];
                                let known = if old.t.is_num() {
                                    // (An unboxed number is not written
                                    // back only to be overwritten.)
                                    if old.clean {
                                        Some(num_tag(old.t))
                                    } else {
                                        old.mem
                                    }
                                } else {
                                    self.mem(d1);
                                    self.st[d1].slot_mem()
                                };
                                self.empty_slot(d1, known);
                                self.st[d1] = RS::UNDEF;
                                return Ok(Flow::Next);
                            }
                        }
                    }
                }
                if self.builtin_method(pc, dst, o) {
                    return Ok(Flow::Next);
                }
                if self.st[o].t == T::Tag(tag::INSTANCE) && self.opts.has("inline") && !self.is_generic(pc) {
                    if let Some(flow) = self.method_on_instance(pc, dst, o)? {
                        return Ok(flow);
                    }
                }
                // (Also at a site left generic after its single-method
                // guard failed: this path has no guard.)
                if matches!(self.st[o].t, T::Tag(tag::INSTANCE) | T::Any) && self.opts.has("inline") && self.opts.has("polymethod") {
                    if let Some(flow) = self.method_polymorphic(pc, &ins, dst, o)? {
                        return Ok(flow);
                    }
                }
                self.generic(pc, &ins)
            }
            Instr::CallMethod { base, nargs } => {
                let b = self.abs(base);
                let has_self = match self.st[b + 1].t {
                    T::Tag(t) => t != tag::UNDEF,
                    T::VInst(_) => true,
                    _ => false,
                };
                if let (T::Const(c), true) = (self.st[b].t, has_self) {
                    if self.opts.has("inline") && !self.is_generic(pc) {
                        if let Value::Function(f) = self.konst(c).clone() {
                            let fval = self.konst(c).clone();
                            if let Some(flow) = self.try_inline(
                                pc,
                                &f,
                                &fval,
                                base,
                                &(1..=nargs as usize + 1).map(|i| b + i).collect::<Vec<_>>(),
                                ArgMode::Move,
                            )? {
                                return Ok(flow);
                            }
                        }
                    }
                }
                // Not inlined: virtual instances are built for the call.
                for r in b + 1..=b + 1 + nargs as usize {
                    if let T::VInst(_) = self.st[r].t {
                        self.flush(r);
                    }
                }
                if self.st[b + 1].t == T::Tag(tag::UNDEF) {
                    if let T::Const(c) = self.st[b].t {
                        let callee = self.konst(c).clone();
                        if matches!(callee, Value::Builtin(_))
                            && self.opts.has("builtins")
                            && self.native_builtin_at(pc, &callee, b, b + 2, nargs)
                        {
                            return Ok(Flow::Next);
                        }
                    }
                }
                if self.list_method(pc, b, nargs) {
                    return Ok(Flow::Next);
                }
                if let (T::Const(c), true) = (self.st[b].t, self.opts.has("builtins")) {
                    if matches!(self.konst(c), Value::Builtin(_)) && self.st[b + 1].t != T::Tag(tag::UNDEF) && !self.is_generic(pc) {
                        // A method of a builtin type (see `builtin_method`).
                        for r in b..=b + 1 + nargs as usize {
                            self.mem(r);
                        }
                        let frame = self.level().desc.map_or(-1, |x| x as i64);
                        let fv = self.iconst(frame);
                        let pv = self.iconst(pc as i64);
                        let st = self.call(helpers::call_builtin_method as *const () as usize, "call_builtin_method", [self.ctx, fv, pv]);
                        self.check_status(st);
                        // The helper consumed the receiver and arguments.
                        for r in b + 1..=b + 1 + nargs as usize {
                            self.st[r] = RS::UNDEF;
                        }
                        self.clobber(b);
                        self.speculate(b, pc, pc + 1);
                        return Ok(Flow::Next);
                    }
                }
                if let Some(flow) = self.polymorphic_call(pc, &ins, base, nargs)? {
                    return Ok(flow);
                }
                self.generic(pc, &ins)
            }
            Instr::StoreAttr { obj, src, .. } => {
                let (o, sr) = (self.abs(obj), self.abs(src));
                self.instance_receiver(pc, o);
                if self.st[o].t == T::Tag(tag::INSTANCE) && self.opts.has("attrs") {
                    return self.attr_store(pc, &ins, o, sr);
                }
                self.generic(pc, &ins)
            }
            Instr::UnpackSequence { dst, src, count }
                if matches!(self.st[self.abs(src)].t, T::Tag(tag::TUPLE) | T::Any)
                    && self.opts.has("speculate")
                    && !self.is_generic(pc) =>
            {
                let (s0, d0) = (self.abs(src), self.abs(dst));
                if self.st[s0].t == T::Any {
                    // A source of unknown type (a value that is a tuple or
                    // None, tested before: binary trees' `l, r = t`) is
                    // speculated to be a tuple, before anything is done;
                    // a site that meets something else is compiled
                    // generically next time.
                    self.mem(s0);
                    let tv = self.load_tag(s0);
                    let ok = self.icmp_imm(Cmp::Eq, tv, tag::TUPLE as i64);
                    let x = self.exit(ExitKind::Guard, pc, "unpacked type");
                    self.guard_nonzero(ok, x);
                    self.st[s0] = RS::mem_type(T::Tag(tag::TUPLE));
                }
                for i in 0..count as usize {
                    self.mem(d0 + i);
                }
                if (d0..d0 + count as usize).contains(&s0) {
                    let sa = self.slot_addr(s0);
                    let da = self.slot_addr(d0);
                    let n = self.iconst(count as i64);
                    let r = self.call(helpers::unpack_tuple as *const () as usize, "unpack_tuple", [sa, da, n]);
                    let x = self.exit(ExitKind::Guard, pc, "tuple length");
                    self.guard_zero(r, x);
                    for i in 0..count as usize {
                        self.clobber(d0 + i);
                        self.speculate(d0 + i, pc, pc + 1);
                    }
                    return Ok(Flow::Next);
                }
                // Natively: the length guarded, every item copied, then
                // each one's type speculated (a failing guard resumes after
                // the instruction, so all items must be stored by then).
                let x = self.exit(ExitKind::Guard, pc, "tuple length");
                let dd = crate::objects::rc::DATA_OFFSET as i32;
                let (pofs, lofs) = crate::objects::TupleObj::items_layout();
                let tp = self.load(self.base, Self::slot_off(s0) + 8);
                let len = self.load(tp, dd + lofs as i32);
                let ok = self.icmp_imm(Cmp::Eq, len, count as i64);
                self.guard_nonzero(ok, x);
                let items = self.load(tp, dd + pofs as i32);
                for i in 0..count as usize {
                    let off = self.iconst(16 * i as i64);
                    let ea = self.op1(Op::IAdd, [items, off]);
                    self.copy_to_reg(d0 + i, ea, None);
                    self.clobber(d0 + i);
                }
                for i in 0..count as usize {
                    self.speculate(d0 + i, pc, pc + 1);
                }
                Ok(Flow::Next)
            }
            Instr::BuildTuple { dst, start, count } if count > 0 => {
                // Without the interpreter's dispatch (`exec`).
                let (d, s0) = (self.abs(dst), self.abs(start));
                for i in 0..count as usize {
                    self.mem(s0 + i);
                }
                self.mem(d);
                let sa = self.slot_addr(s0);
                let n = self.iconst(count as i64);
                let da = self.slot_addr(d);
                self.call_void(helpers::build_tuple as *const () as usize, "build_tuple", [sa, n, da]);
                for i in 0..count as usize {
                    self.st[s0 + i] = RS::UNDEF;
                }
                self.st[d] = RS::mem_type(T::Tag(tag::TUPLE));
                Ok(Flow::Next)
            }
            Instr::FormatValue { dst, src, spec, conv } if conv & 3 == 0 && self.opts.has("strfmt") => {
                // An f-string field without conversion: a direct helper for
                // the fields that run no Python code (`format_field`), the
                // interpreter's code for the rest (and the errors).
                let (d, s) = (self.abs(dst), self.abs(src));
                self.mem(s);
                let spa = if conv & 4 != 0 {
                    let a = self.abs(spec);
                    self.mem(a);
                    self.slot_addr(a)
                } else {
                    self.iconst(0)
                };
                self.mem(d);
                self.freed |= self.st[d].slot_mem().is_none_or(is_heap_tag);
                let (sa, da) = (self.slot_addr(s), self.slot_addr(d));
                let r = self.call(helpers::format_field as *const () as usize, "format_field", [sa, spa, da]);
                self.or_generic(pc, r);
                // (`__format__` may return a str subclass.)
                self.clobber(d);
                Ok(Flow::Next)
            }
            Instr::BuildString { dst, start, count } if self.opts.has("strfmt") => {
                // Without the interpreter's dispatch (`exec`): nothing to
                // fail, no Python code.
                let (d, s0) = (self.abs(dst), self.abs(start));
                for i in 0..count as usize {
                    self.mem(s0 + i);
                }
                self.mem(d);
                self.freed |= self.st[d].slot_mem().is_none_or(is_heap_tag);
                let sa = self.slot_addr(s0);
                let n = self.iconst(count as i64);
                let da = self.slot_addr(d);
                self.call_void(helpers::build_string as *const () as usize, "build_string", [sa, n, da]);
                self.st[d] = RS::mem_type(T::Tag(tag::STR));
                Ok(Flow::Next)
            }
            Instr::UnpackSequence { dst, src, count }
                if self.st[self.abs(src)].t == T::Tag(tag::LIST)
                    && !self.is_generic(pc)
                    && !(self.abs(dst)..self.abs(dst) + count as usize).contains(&self.abs(src)) =>
            {
                // A list of the right length in generic storage (as
                // `a, b, c, d = line.split(";")`): every item read (and its
                // count taken) before any old value of a destination is
                // released, as the interpreter does: a finalizer run by a
                // release may change the list.
                let (s0, d0) = (self.abs(src), self.abs(dst));
                for i in 0..count as usize {
                    self.mem(d0 + i);
                }
                let x = self.exit(ExitKind::Guard, pc, "list length");
                let data = crate::objects::rc::DATA_OFFSET as i32;
                let p = self.load(self.base, Self::slot_off(s0) + 8);
                let len = self.load(p, data + crate::objects::list::LIST_LEN_OFFSET as i32);
                let ok = self.icmp_imm(Cmp::Eq, len, count as i64);
                self.guard_nonzero(ok, x);
                let k = self.list_kind(p);
                let ok = self.icmp_imm(Cmp::Eq, k, crate::objects::list::kind::OBJ as i64);
                self.guard_nonzero(ok, x);
                let items = self.load(p, data + crate::objects::list::LIST_PTR_OFFSET as i32);
                let mut vals = Vec::with_capacity(count as usize);
                for i in 0..count as usize {
                    let t = self.load(items, 16 * i as i32);
                    let v = self.load(items, 16 * i as i32 + 8);
                    self.incref_if_heap(t, v);
                    vals.push((t, v));
                }
                for (i, &(t, v)) in vals.iter().enumerate() {
                    let da = self.slot_addr(d0 + i);
                    let known = self.st[d0 + i].slot_mem();
                    self.release_known(da, known, true);
                    self.store(da, 0, t);
                    self.store(da, 8, v);
                    self.clobber(d0 + i);
                }
                for i in 0..count as usize {
                    self.speculate(d0 + i, pc, pc + 1);
                }
                Ok(Flow::Next)
            }
            Instr::LoadDeref { dst, cell, .. } if self.is_cell(self.abs(cell)) && !self.is_generic(pc) => {
                let (d, c) = (self.abs(dst), self.abs(cell));
                if let Some(Fact::Cell { c: fc, tag }) = self.facts.get(&(d, CELL_FACT, false)).copied() {
                    if fc == c {
                        self.st[d] = RS::mem_type(T::Tag(tag));
                        return Ok(Flow::Next);
                    }
                }
                let addr = self.cell_value_addr(c);
                if let (T::Const(k), true) = (self.st[c].t, self.opts.has("globals")) {
                    // A captured function (the usual closure over a
                    // callable): a constant guarded by identity.
                    if let Value::Cell(cell_obj) = self.konst(k).clone() {
                        let v = cell_obj.value.get();
                        // (Not a bound method or builtin: the code would
                        // keep it, and its `self`, alive.)
                        let bound = match &v {
                            Value::Builtin(b) => !b.this.is_undef() && !matches!(b.this, Value::Module(_)),
                            _ => false,
                        };
                        if matches!(v, Value::Function(_) | Value::Builtin(_) | Value::Class(_)) && !bound {
                            let x = self.exit(ExitKind::Guard, pc, "captured function changed");
                            let p = self.load(addr, 8);
                            let ok = self.icmp_imm(Cmp::Eq, p, v.words()[1] as i64);
                            self.guard_nonzero(ok, x);
                            let t = self.load(addr, 0);
                            let ok = self.icmp_imm(Cmp::Eq, t, v.tag() as i64);
                            self.guard_nonzero(ok, x);
                            let kc = self.intern(&v);
                            self.def_const(d, kc);
                            return Ok(Flow::Next);
                        }
                    }
                }
                let t = self.load(addr, 0);
                let unbound = self.icmp_imm(Cmp::Eq, t, tag::UNDEF as i64);
                let x = self.exit(ExitKind::Guard, pc, "free variable unbound");
                self.guard_zero(unbound, x);
                self.value_to(pc, addr, d, None);
                if let T::Tag(tg) = self.st[d].t {
                    if is_heap_tag(tg) {
                        self.facts.insert((d, CELL_FACT, false), Fact::Cell { c, tag: tg });
                    }
                }
                Ok(Flow::Next)
            }
            Instr::StoreDeref { cell, src } if self.is_cell(self.abs(cell)) => {
                let (c, s) = (self.abs(cell), self.abs(src));
                // (Another register may hold the same cell.)
                self.drops[DROP_LISTS] += 1;
                self.facts.retain(|_, f| !matches!(f, Fact::Cell { .. }));
                let addr = self.cell_value_addr(c);
                self.store_value_at(addr, s);
                Ok(Flow::Next)
            }
            Instr::GetItem { dst, obj, key } => {
                let (o, k) = (self.abs(obj), self.abs(key));
                if self.opts.has("list") && self.st[o].t == T::Tag(tag::LIST) {
                    if let Some(T::Int) | Some(T::Bool) = self.num(k) {
                        let d = self.abs(dst);
                        self.list_get(pc, o, k, d);
                        return Ok(Flow::Next);
                    }
                }
                if self.opts.has("list") && !self.is_generic(pc) {
                    let d = self.abs(dst);
                    return self.item_fast(pc, o, k, d, true);
                }
                self.generic(pc, &ins)
            }
            Instr::ListAppend { list, src } if self.opts.has("list") && self.st[self.abs(list)].t == T::Tag(tag::LIST) => {
                let (l, s) = (self.abs(list), self.abs(src));
                self.list_append(l, s);
                Ok(Flow::Next)
            }
            Instr::SetItem { obj, key, src } => {
                let (o, k, s) = (self.abs(obj), self.abs(key), self.abs(src));
                if self.opts.has("list") && self.st[o].t == T::Tag(tag::LIST) {
                    if let Some(T::Int) | Some(T::Bool) = self.num(k) {
                        self.list_set(pc, o, k, s);
                        return Ok(Flow::Next);
                    }
                }
                if self.opts.has("list") && !self.is_generic(pc) {
                    return self.item_fast(pc, o, k, s, false);
                }
                self.generic(pc, &ins)
            }
            // A dict display's or comprehension's item: as a `SetItem` of
            // the dict (`Vm::dict_set` either way).
            Instr::DictInsert { dict, key, value } if self.opts.has("list") && !self.is_generic(pc) => {
                let (o, k, s) = (self.abs(dict), self.abs(key), self.abs(value));
                self.item_fast(pc, o, k, s, false)
            }
            // `f(*args, **kwargs)` with a virtual `kwargs`: the empty dict
            // the call merges it into gets its items (a dict of its own).
            Instr::BuildDict { dst, count: 0, .. }
                if matches!(code.instrs.get(pc + 1), Some(Instr::DictMerge { dict, src, .. })
                    if *dict == dst && *src != dst && matches!(self.st[self.abs(*src)].t, T::VDict(..))) =>
            {
                let Some(Instr::DictMerge { src, .. }) = code.instrs.get(pc + 1) else { unreachable!() };
                let (d, t) = (self.abs(dst), self.st[self.abs(*src)].t);
                self.virtual_container(d, t);
                Ok(Flow::Next)
            }
            Instr::DictMerge { dict, src, .. } if self.premerged(pc, dict, src) => Ok(Flow::Next),
            Instr::CallEx { func } => {
                if self.opts.has("virtargs") && self.opts.has("inline") && !self.is_generic(pc) {
                    if let Some(flow) = self.call_ex_virtual(pc, func)? {
                        return Ok(flow);
                    }
                }
                self.generic(pc, &ins)
            }
            _ => self.generic(pc, &ins),
        }
    }

    /// `f(*args, **kwargs)` of a known function with a virtual (or empty
    /// constant) `args` tuple and a virtual `kwargs` dict (or none): the
    /// arguments are bound statically (`bind_args`) and the call inlined;
    /// the items are copied (the containers still hold them).
    fn call_ex_virtual(&mut self, pc: usize, func: Reg) -> TResult<Option<Flow>> {
        let fr = self.abs(func);
        let T::Const(c) = self.st[fr].t else {
            return Ok(None);
        };
        let fval = self.konst(c).clone();
        let Value::Function(f) = &fval else {
            return Ok(None);
        };
        let pos: Vec<ArgSrc> = match self.st[fr + 1].t {
            T::VTuple(a, n) => (a as usize..a as usize + n as usize).map(ArgSrc::Reg).collect(),
            T::Const(k) if matches!(self.konst(k), Value::Tuple(t) if t.is_empty()) => Vec::new(),
            _ => return Ok(None),
        };
        let kw: Vec<(String, ArgSrc)> = match self.st[fr + 2].t {
            T::VDict(a, n, k) => {
                let Value::Tuple(names) = self.konst(k).clone() else {
                    return Ok(None);
                };
                let names: Vec<String> = names.as_slice().iter().map(|v| v.as_str().unwrap_or_default().to_string()).collect();
                names.into_iter().zip(a as usize..a as usize + n as usize).map(|(n, r)| (n, ArgSrc::Reg(r))).collect()
            }
            T::Tag(tag::UNDEF) => Vec::new(),
            _ => return Ok(None),
        };
        let f = f.clone();
        let flow = self.try_inline_bound(pc, &f, &fval, func, pos, kw, ArgMode::Copy)?;
        if let Some(Flow::Next) = flow {
            for r in [fr + 1, fr + 2] {
                if self.st[r].t.is_container() {
                    self.forget_container(r);
                }
            }
        }
        Ok(flow)
    }

    /// A safe point where a finalizer may have been queued (a store that
    /// may have dropped a last reference, an inlined return): queued
    /// finalizers run now (`helpers::gc`, when `GC_BUDGET` says one is
    /// due), as the interpreter runs them after the store. The facts do
    /// not survive it.
    /// Branches on the collector's budget (a finalizer or a collection is
    /// due when it is spent): the cold block taken then, and the block
    /// after.
    fn when_gc_due(&mut self) -> (BlockId, BlockId) {
        let addr = crate::objects::rc::GC_BUDGET.with(|b| b.as_ptr() as u64);
        let a = self.iconst(addr as i64);
        let budget = self.load(a, 0);
        let due = self.icmp_imm(Cmp::Le, budget, 0);
        let run = self.cold_block();
        let cont = self.new_block();
        self.f.set_term(self.cur, Terminator::Branch { cond: due, then: (run, vec![]), els: (cont, vec![]) });
        (run, cont)
    }

    fn safe_point(&mut self) {
        let (run, cont) = self.when_gc_due();
        self.cur = run;
        self.call_void(helpers::gc as *const () as usize, "gc", [self.ctx]);
        self.f.set_term(self.cur, Terminator::Jump(cont, vec![]));
        self.cur = cont;
    }

    /// `safe_point` after an instruction that may have freed an object:
    /// when the collector's budget says a finalizer (or a collection) is
    /// due, `helpers::gc` runs it and the compiled code leaves, the
    /// interpreter resuming at `resume` (the next instruction), so the
    /// hot path keeps its facts (a finalizer may change any object).
    fn safe_point_leave(&mut self, resume: usize) {
        self.leave_when_gc_due(resume, true, "finalizers ran");
    }

    /// When the collector's budget is spent: a cold path that runs
    /// `helpers::gc` first if `collect` (else `jit_finish` runs it, for a
    /// `GC_DUE` exit) and leaves, the interpreter resuming at `resume`; the
    /// code goes on with its state and facts unchanged otherwise.
    fn leave_when_gc_due(&mut self, resume: usize, collect: bool, reason: &'static str) {
        let (run, cont) = self.when_gc_due();
        self.cur = run;
        let (st, facts) = (self.st.clone(), self.facts.clone());
        let saved_drops = self.drops;
        if collect {
            self.call_void(helpers::gc as *const () as usize, "gc", [self.ctx]);
        }
        let x = self.exit(ExitKind::Leave, resume, reason);
        self.f.set_term(self.cur, Terminator::Jump(x, vec![]));
        self.st = st;
        self.facts = facts;
        self.drops = saved_drops;
        self.cur = cont;
    }

    /// GC safe point on a back-edge of a loop of the region's own frame
    /// (`gcleave`): when a collection (or a finalizer) is due, the
    /// compiled code leaves at the header, and `jit_finish` runs the
    /// collector before the interpreter resumes there, as its own back-edge
    /// would; the next back-edge enters the code again (the region's header
    /// or an inner entry). Nothing joins the loop again from the cold path,
    /// so the facts hold on and no block merges reloaded values: less code
    /// than `gc_check`'s call, re-checks and join.
    fn gc_leave(&mut self, header: usize) {
        self.leave_when_gc_due(header, false, GC_DUE);
    }

    /// GC safe point on the back-edge of a loop in an inlined function
    /// (or without `gcleave`): the collector runs in compiled code, which
    /// continues. (Leaving there would resume the callee in the
    /// interpreter, whose loop has no code of its own; and, tried, it let
    /// Cranelift's egraph compute a value invariant in the inner loop
    /// inside it: mandelbrot's `cr`, +20% run instructions.)
    fn gc_check(&mut self, header: usize) {
        let (run, cont) = self.when_gc_due();
        self.cur = run;
        let before = self.facts.clone();
        // Every heap value is in a frame slot (only numbers are unboxed),
        // so the collector sees all references.
        // (Not counted in `drops`: the loop's header facts are established
        // again right after, and an enclosing loop's proposal for the same
        // fact then holds; one for another fact is only dropped again.)
        let drops = self.drops;
        self.call_void(helpers::gc as *const () as usize, "gc", [self.ctx]);
        self.drops = drops;
        // Still due after the collector ran: a signal arrived, whose Python
        // handler the interpreter runs at this loop's back-edge
        // (`modules/signal.rs`): leave at the header.
        if self.chain.len() == 1 {
            let (run2, cont2) = self.when_gc_due();
            let (st, facts) = (self.st.clone(), self.facts.clone());
            self.cur = run2;
            let x = self.exit(ExitKind::Leave, header, SIGNAL_DUE);
            self.f.set_term(self.cur, Terminator::Jump(x, vec![]));
            self.st = st;
            self.facts = facts;
            self.cur = cont2;
        }
        // The collector may have run finalizers: the header's facts that
        // held before are checked again (their locals reloaded), leaving
        // at the header when one no longer holds.
        let key = self.header_key(header);
        let mut kept = Facts::default();
        if let Some(inst) = self.installed.get(&key).cloned() {
            let keep: Vec<(HeaderFact, Fact)> = inst.into_iter().filter(|(h, f)| before.get(&h.key()) == Some(f)).collect();
            if !keep.is_empty() {
                let x = self.exit(ExitKind::Guard, header, HOIST_GUARD);
                self.establish(&keep, x, true);
                kept = keep.iter().map(|(h, f)| (h.key(), *f)).collect();
            }
        }
        self.f.set_term(self.cur, Terminator::Jump(cont, vec![]));
        self.cur = cont;
        // Where the paths join: the facts that hold on both.
        self.facts = before;
        self.facts.retain(|k, f| kept.get(k) == Some(f));
    }

    /// Makes header facts `hf` hold on the current path (failing guards go
    /// to `fail`) and records them: a `Cell` fact's register gets the
    /// cell's value (or, when `check`, is checked to hold it still), a
    /// `List` fact's kind is checked and its locals loaded.
    fn establish(&mut self, hf: &[(HeaderFact, Fact)], fail: BlockId, check: bool) {
        for &(h, f) in hf {
            if let (HeaderFact::Cell { d, c, tag: tg }, Fact::Cell { .. }) = (h, f) {
                let addr = self.cell_value_addr(c);
                let t = self.load(addr, 0);
                let ok = self.icmp_imm(Cmp::Eq, t, tg as i64);
                self.guard_nonzero(ok, fail);
                if check {
                    let p = self.load(addr, 8);
                    let q = self.load(self.base, Self::slot_off(d) + 8);
                    let dt = self.load(self.base, Self::slot_off(d));
                    let same = self.icmp(Cmp::Eq, p, q);
                    self.guard_nonzero(same, fail);
                    let same_t = self.icmp(Cmp::Eq, t, dt);
                    self.guard_nonzero(same_t, fail);
                } else {
                    let mem = self.st[d].slot_mem();
                    self.empty_slot(d, mem);
                    let da = self.slot_addr(d);
                    self.copy_known(da, Some(tag::UNDEF), addr, None);
                }
                self.st[d] = RS::mem_type(T::Tag(tg));
            }
        }
        for &(h, f) in hf {
            if let (HeaderFact::List { r, key, kind }, Fact::List { items, len, .. }) = (h, f) {
                if key == LIST_FACT && self.st[r].t != T::Tag(tag::LIST) {
                    let t = self.load_tag(r);
                    let ok = self.icmp_imm(Cmp::Eq, t, tag::LIST as i64);
                    self.guard_nonzero(ok, fail);
                }
                let Some(p) = self.fact_list(r, key) else {
                    // (Not an iterator of lists here: never holds.)
                    let never = self.iconst(0);
                    self.guard_nonzero(never, fail);
                    continue;
                };
                self.load_list_fact(p, kind, fail, items, len);
            }
        }
        for &(h, f) in hf {
            match (h, f) {
                (HeaderFact::Global { entry, dicts }, Fact::Global { value, .. }) => self.establish_global(entry, dicts, value, fail),
                (HeaderFact::Kinds { shape }, Fact::KindVersion) => self.check_kind_version(shape, fail),
                _ => {}
            }
        }
        for &(h, f) in hf {
            self.facts.insert(h.key(), f);
        }
    }

    /// Establishes (or checks again) a hoisted `Fact::Global`
    /// (`guard_global`), a number loaded into local `value`.
    fn establish_global(&mut self, entry: usize, dicts: [usize; 2], value: Option<LocalId>, fail: BlockId) {
        if let (_, Some((_, v))) = self.guard_global(entry as *const Value, dicts, fail, value.is_some()) {
            self.op(Op::SetVar(value.unwrap()), [v]);
        }
    }

    /// The header facts to keep at loop header `h` (whose incoming edges
    /// are `edges`): the templates that can hold there, each with the
    /// locals of the same fact already on every edge, or fresh ones.
    fn header_facts(&mut self, h: usize, edges: &[(BlockId, State, Facts)]) -> Vec<(HeaderFact, Fact)> {
        let key = self.header_key(h);
        let code = self.level().code as usize;
        if !self.hoist || self.generic.contains(&(code, h as u32 | HOIST_SITE)) {
            return Vec::new();
        }
        let Some(ts) = self.templates.get(&key).cloned() else { return Vec::new() };
        let mut out = Vec::new();
        for t in ts {
            let k = t.key();
            let first = edges.first().and_then(|e| e.2.get(&k).copied());
            let shared = match (t, first) {
                (HeaderFact::List { kind, .. }, Some(f @ Fact::List { kind: fk, .. })) if fk == kind => Some(f),
                (HeaderFact::Cell { c, tag, .. }, Some(f @ Fact::Cell { c: fc, tag: ft })) if fc == c && ft == tag => Some(f),
                (HeaderFact::Global { dicts, .. }, Some(f @ Fact::Global { dicts: fd, .. })) if fd == dicts => Some(f),
                (HeaderFact::Kinds { .. }, Some(f @ Fact::KindVersion)) => Some(f),
                _ => None,
            };
            let f = match shared {
                Some(f) if edges.iter().all(|e| e.2.get(&k) == Some(&f)) => f,
                _ => match t {
                    HeaderFact::List { kind, .. } => Fact::List { items: self.f.new_local(Ty::I64), len: self.f.new_local(Ty::I64), kind },
                    HeaderFact::Cell { c, tag, .. } => Fact::Cell { c, tag },
                    HeaderFact::Global { entry, dicts } => {
                        // SAFETY: as in `establish_global`.
                        let val = unsafe { (*(entry as *const Value)).clone() };
                        let value = num_type(&val).map(|t| self.f.new_local(if t == T::Float { Ty::F64 } else { Ty::I64 }));
                        Fact::Global { value, dicts }
                    }
                    HeaderFact::Kinds { .. } => Fact::KindVersion,
                },
            };
            out.push((t, f));
        }
        out
    }

    /// At a back-edge to header `h` (state already adapted): the header
    /// facts must hold (else they are dropped and the loop translated
    /// again); the first time, the back-edge's list and cell facts are
    /// proposed as header facts.
    fn check_header_facts(&mut self, h: usize) -> TResult<()> {
        let key = self.header_key(h);
        let facts = self.pre_gc_facts.take().unwrap_or_else(|| self.facts.clone());
        let drops = self.pre_gc_drops.take().unwrap_or(self.drops);
        // The fact classes dropped nowhere in the loop's body so far.
        let kept = |c: usize, tr: &Self| tr.header_drops.get(&key).is_some_and(|h| h[c] == drops[c]);
        let (lists_kept, globals_kept, kinds_kept) = (kept(DROP_LISTS, self), kept(DROP_GLOBALS, self), kept(DROP_KINDS, self));
        if let Some(inst) = self.installed.get(&key) {
            let bad: Vec<HeaderFact> = inst.iter().filter(|(hf, f)| facts.get(&hf.key()) != Some(f)).map(|x| x.0).collect();
            if !bad.is_empty() {
                if let Some(ts) = self.templates.get_mut(&key) {
                    ts.retain(|t| !bad.contains(t));
                }
                return Err(Abort::Restart(2));
            }
        }
        if !self.hoist || self.proposed.contains(&key) {
            return Ok(());
        }
        self.proposed.insert(key.clone());
        let lvl = self.level();
        let (offset, live) = (lvl.offset, lvl.live.clone());
        // SAFETY: see `code`.
        let nvars = unsafe { (&*lvl.code).varnames.len() };
        let mut cands = Vec::new();
        for (&(r, k, _), f) in &facts {
            if !lists_kept {
                break;
            }
            if let (CELL_FACT, Fact::Cell { c, tag }) = (k, f) {
                // A temporary dead at the header (its value is reloaded),
                // holding a list (the case that pays: a comprehension's
                // variable used in a loop; and an object that runs no
                // finalizer itself if the loop runs no iteration and the
                // temporary keeps it longer than the interpreter would).
                if *tag == tag::LIST && r >= offset + nvars && r < self.st.len() && !live.live_in[h].contains(r - offset) {
                    cands.push(HeaderFact::Cell { d: r, c: *c, tag: *tag });
                }
            }
        }
        let hs = self.headers.get(&key).cloned().unwrap_or_default();
        for (&(r, k, _), f) in &facts {
            if !lists_kept {
                break;
            }
            if let Fact::List { kind, .. } = f {
                let live_here = r >= offset && live.live_in[h].contains(r - offset);
                let ok = if k == LIST_FACT {
                    live_here || cands.iter().any(|c| matches!(c, HeaderFact::Cell { d, .. } if *d == r))
                } else {
                    // An iterator the header knows (its list in a local).
                    live_here && hs.get(r).is_some_and(|x| iter_list(x.t, k).is_some())
                };
                if ok {
                    cands.push(HeaderFact::List { r, key: k, kind: *kind });
                }
            }
        }
        for (&(r, k, st), f) in &facts {
            match f {
                // (Unboxed numbers only with `unbox`: the fact's local.)
                Fact::Global { value, dicts } if r == usize::MAX - 1 && !st && globals_kept => {
                    // SAFETY: as in `establish_global`.
                    let num = num_type(unsafe { &*(k as usize as *const Value) }).is_some();
                    if num == value.is_some() {
                        cands.push(HeaderFact::Global { entry: k as usize, dicts: *dicts });
                    }
                }
                Fact::KindVersion if r == usize::MAX && st && kinds_kept => cands.push(HeaderFact::Kinds { shape: k as u64 }),
                _ => {}
            }
        }
        if cands.is_empty() {
            return Ok(());
        }
        cands.sort_by_key(|c| match *c {
            HeaderFact::Cell { d, .. } => (0, d),
            HeaderFact::List { r, key, .. } => (1 + key as usize, r),
            HeaderFact::Global { entry, .. } => (usize::MAX - 1, entry),
            HeaderFact::Kinds { shape } => (usize::MAX, shape as usize),
        });
        self.templates.insert(key, cands);
        self.proposed_now = true;
        Ok(())
    }

    /// The truth value of `r` as an I64 0/1, or None if a helper is needed
    /// (then the caller goes generic).
    fn truth(&mut self, r: usize) -> TResult<Option<Var>> {
        match self.num(r) {
            Some(T::Bool) => return Ok(Some(self.get_i(r))),
            Some(T::Int) => {
                let i = self.get_i(r);
                return Ok(Some(self.icmp_imm(Cmp::Ne, i, 0)));
            }
            Some(T::Float) => {
                let f = self.get_f(r);
                let z = self.fconst(0.0);
                return Ok(Some(self.op1(Op::FCmp(Cmp::Ne), [f, z])));
            }
            _ => {}
        }
        match self.st[r].t {
            T::Const(c) => {
                let v = self.konst(c);
                let t = match v {
                    Value::None => Some(false),
                    Value::Function(_) | Value::Builtin(_) | Value::Class(_) | Value::Module(_) => Some(true),
                    _ => None,
                };
                Ok(t.map(|b| self.iconst(b as i64)))
            }
            T::Tag(t) if t == tag::NONE => Ok(Some(self.iconst(0))),
            // A list (exact: subclasses are instances) is true when not
            // empty (richards' `if self.jobs:`).
            T::Tag(t) if t == tag::LIST && self.opts.has("list") => {
                let p = self.load(self.base, Self::slot_off(r) + 8);
                let data = crate::objects::rc::DATA_OFFSET as i32;
                let len = self.load(p, data + crate::objects::list::LIST_LEN_OFFSET as i32);
                Ok(Some(self.icmp_imm(Cmp::Ne, len, 0)))
            }
            _ => {
                self.mem(r);
                let a = self.slot_addr(r);
                let p = self.iconst(self.root_pc() as i64);
                let s = self.call(helpers::truthy as *const () as usize, "truthy", [self.ctx, a, p]);
                self.check_status(s);
                Ok(Some(s))
            }
        }
    }

    /// A native comparison of numbers, or None.
    fn compare_native(&mut self, op: CmpOp, a: usize, b: Rhs) -> Option<Var> {
        let c = match op {
            CmpOp::Lt => Cmp::Lt,
            CmpOp::Le => Cmp::Le,
            CmpOp::Eq => Cmp::Eq,
            CmpOp::Ne => Cmp::Ne,
            CmpOp::Gt => Cmp::Gt,
            CmpOp::Ge => Cmp::Ge,
            CmpOp::Is | CmpOp::IsNot => {
                let Rhs::Reg(rb) = b else { return None };
                return self.identity_compare(op == CmpOp::Is, a, rb);
            }
            _ => return None,
        };
        let ta = self.num(a)?;
        let tb = match b {
            Rhs::Reg(rb) => self.num(rb)?,
            Rhs::Imm(_) => T::Int,
        };
        if ta != T::Float && tb != T::Float {
            let x = self.int_of(a);
            let y = match b {
                Rhs::Reg(rb) => self.int_of(rb),
                Rhs::Imm(i) => self.iconst(i),
            };
            return Some(self.icmp(c, x, y));
        }
        // int vs float compares exactly: only ints of at most 53 bits
        // convert without rounding (others leave through a guard).
        let fl = |tr: &mut Self, t: T, r: Option<usize>, imm: i64| -> Var {
            match (t, r) {
                (T::Float, Some(r)) => tr.get_f(r),
                (_, Some(r)) => {
                    let i = tr.int_of(r);
                    tr.exact_int(i);
                    tr.op1(Op::IToF, [i])
                }
                (_, None) => tr.fconst(imm as f64),
            }
        };
        let x = fl(self, ta, Some(a), 0);
        let y = match b {
            Rhs::Reg(rb) => fl(self, tb, Some(rb), 0),
            Rhs::Imm(i) => fl(self, T::Int, None, i),
        };
        Some(self.op1(Op::FCmp(c), [x, y]))
    }

    /// `==` or `!=` of two `str`s, one of them known to be an exact `str`
    /// (a literal, a global), the other known or guarded to be one
    /// (leaving before the instruction, until the guard fails too often at
    /// the site: `packet.kind == WORK_PACKET`, `kind == "buy"`): the same
    /// object is equal; a different character count, or two computed
    /// hashes that differ, unequal; else the texts are compared by
    /// `str_eq` (no Python code, facts kept). `None` for other operands:
    /// the generic comparison.
    fn str_eq_native(&mut self, op: CmpOp, a: usize, b: usize) -> Option<Var> {
        if !matches!(op, CmpOp::Eq | CmpOp::Ne) || !self.opts.has("native") {
            return None;
        }
        let known = |tr: &Self, r: usize| match tr.st[r].t {
            T::Const(c) => matches!(tr.konst(c), Value::Str(_)),
            T::Tag(t) => t == tag::STR,
            _ => false,
        };
        let o = if known(self, a) {
            b
        } else if known(self, b) {
            a
        } else {
            return None;
        };
        if !known(self, o) {
            if self.st[o].t != T::Any || self.is_generic(self.pc) {
                return None;
            }
            let pc = self.pc;
            let t = self.load_tag(o);
            let ok = self.icmp_imm(Cmp::Eq, t, tag::STR as i64);
            let x = self.exit(ExitKind::Guard, pc, "operand type");
            self.guard_nonzero(ok, x);
            self.st[o] = RS::mem_type(T::Tag(tag::STR));
        }
        let data = crate::objects::rc::DATA_OFFSET as i32;
        // Each side's object, character count and hash: constants' known
        // now (computing a constant's hash changes nothing a program can
        // see: it is a function of the text).
        let side = |tr: &mut Self, r: usize| -> (Var, Var, Var) {
            if let T::Const(c) = tr.st[r].t {
                if let Value::Str(s) = tr.konst(c).clone() {
                    let (p, n, h) = (tr.iconst(s.as_ptr() as i64), tr.iconst(s.len() as i64), tr.iconst(s.hash()));
                    return (p, n, h);
                }
            }
            tr.mem(r);
            let p = tr.load(tr.base, Self::slot_off(r) + 8);
            let n = tr.load(p, data + StrObj::nchars_offset() as i32);
            let h = tr.load(p, data + StrObj::hash_offset() as i32);
            (p, n, h)
        };
        let (pa, na, ha) = side(self, a);
        let (pb, nb, hb) = side(self, b);
        let res = self.f.new_local(Ty::I64);
        let join = self.next_block();
        let (yes, no) = (self.next_block(), self.next_block());
        let same = self.icmp(Cmp::Eq, pa, pb);
        let l1 = self.next_block();
        self.f.set_term(self.cur, Terminator::Branch { cond: same, then: (yes, vec![]), els: (l1, vec![]) });
        self.cur = l1;
        let nd = self.icmp(Cmp::Ne, na, nb);
        let l2 = self.next_block();
        self.f.set_term(self.cur, Terminator::Branch { cond: nd, then: (no, vec![]), els: (l2, vec![]) });
        self.cur = l2;
        let hd = self.icmp(Cmp::Ne, ha, hb);
        let ka = self.icmp_imm(Cmp::Ne, ha, -1);
        let kb = self.icmp_imm(Cmp::Ne, hb, -1);
        let both = self.op1(Op::IAnd, [ka, kb]);
        let differ = self.op1(Op::IAnd, [hd, both]);
        let l3 = self.next_block();
        self.f.set_term(self.cur, Terminator::Branch { cond: differ, then: (no, vec![]), els: (l3, vec![]) });
        self.cur = l3;
        let r = self.call(helpers::str_eq as *const () as usize, "str_eq", [pa, pb]);
        self.op(Op::SetVar(res), [r]);
        self.f.set_term(self.cur, Terminator::Jump(join, vec![]));
        self.cur = yes;
        let one = self.iconst(1);
        self.op(Op::SetVar(res), [one]);
        self.f.set_term(self.cur, Terminator::Jump(join, vec![]));
        self.cur = no;
        let zero = self.iconst(0);
        self.op(Op::SetVar(res), [zero]);
        self.f.set_term(self.cur, Terminator::Jump(join, vec![]));
        self.cur = join;
        let eq = self.op1(Op::GetVar(res), []);
        Some(if op == CmpOp::Eq { eq } else { self.icmp_imm(Cmp::Eq, eq, 0) })
    }

    /// Guards that an int converts to float exactly (|i| <= 2**53).
    fn exact_int(&mut self, i: Var) {
        let k = self.iconst(1 << 53);
        let s = self.op1(Op::IAdd, [i, k]);
        let lim = self.iconst((1 << 54) + 1);
        let ok = self.icmp(Cmp::Ult, s, lim);
        let pc = self.pc;
        let x = self.exit(ExitKind::Guard, pc, "int too large for exact float conversion");
        self.guard_nonzero(ok, x);
    }

    fn identity_compare(&mut self, is: bool, a: usize, b: usize) -> Option<Var> {
        let (sa, sb) = (self.st[a].t, self.st[b].t);
        let known: Option<bool> = match (sa, sb) {
            (T::Const(x), T::Const(y)) => Some(x == y),
            (T::Const(c), o) | (o, T::Const(c)) if self.konst(c).is_none() => match o {
                T::Tag(t) => Some(t == tag::NONE),
                T::Any => {
                    let r = if matches!(sa, T::Const(_)) { b } else { a };
                    let t = self.load_tag(r);
                    let v = self.icmp_imm(if is { Cmp::Eq } else { Cmp::Ne }, t, tag::NONE as i64);
                    return Some(v);
                }
                T::Const(_) => unreachable!(),
                t => {
                    debug_assert!(t.never_none());
                    Some(false)
                }
            },
            _ => None,
        };
        known.map(|k| self.iconst((k == is) as i64))
    }

    /// Whether register `r` is known to hold an exact str.
    fn is_str(&self, r: usize) -> bool {
        match self.st[r].t {
            T::Tag(t) => t == tag::STR,
            T::Const(c) => matches!(self.konst(c), Value::Str(_)),
            _ => false,
        }
    }

    /// `dst = a % b` with a str `a` (`"u%04d" % n`): printf-style
    /// formatting of plain operands by a helper (`str_mod`), the rest (and
    /// the errors) through the interpreter.
    fn str_mod(&mut self, pc: usize, dst: Reg, ra: usize, rb: usize) -> Flow {
        let d = self.abs(dst);
        for r in [ra, rb, d] {
            self.mem(r);
        }
        self.freed |= self.st[d].slot_mem().is_none_or(is_heap_tag);
        let (aa, ba, da) = (self.slot_addr(ra), self.slot_addr(rb), self.slot_addr(d));
        let r = self.call(helpers::str_mod as *const () as usize, "str_mod", [self.ctx, aa, ba, da]);
        self.or_generic(pc, r);
        // (A str subclass's `__rmod__` may return anything.)
        self.clobber(d);
        Flow::Next
    }

    /// Arithmetic (`b` None: an immediate operand).
    #[allow(clippy::too_many_arguments)]
    fn arith(&mut self, pc: usize, ins: &Instr, op: BinOp, dst: Reg, a: Reg, b: Option<Reg>, imm: i64) -> TResult<Flow> {
        let ra = self.abs(a);
        let rb = b.map(|b| self.abs(b));
        let ta = self.num(ra);
        let tb = match rb {
            Some(rb) => self.num(rb),
            None => Some(T::Int),
        };
        let (Some(ta), Some(tb)) = (ta, tb) else {
            if let (Some(rb), Instr::Mod { .. }) = (rb, ins) {
                if self.opts.has("strfmt") && self.is_str(ra) {
                    return Ok(self.str_mod(pc, dst, ra, rb));
                }
            }
            if let (Some(rb), false) = (rb, matches!(ins, Instr::InplaceOp { .. })) {
                if let Some(flow) = self.inline_dunder(pc, op, dst, ra, rb)? {
                    return Ok(flow);
                }
            }
            return self.generic(pc, ins);
        };
        if self.is_generic(pc) {
            return self.generic(pc, ins);
        }
        let d = self.abs(dst);
        let bval = |tr: &mut Self| -> Var {
            match rb {
                Some(rb) => tr.int_of(rb),
                None => tr.iconst(imm),
            }
        };
        let any_float = ta == T::Float || tb == T::Float;
        if !any_float {
            let x = self.int_of(ra);
            let y = bval(self);
            // The right operand's value when the instruction before loaded
            // it into its register in the same block (`x // 2`, `x >> 3`:
            // `LoadInt` then the operation).
            let loaded = rb
                .zip(self.last_load_int)
                .and_then(|(rb, (r, v, at, code))| (r == rb && at + 1 == pc && code == self.level().code).then_some(v));
            let res: Option<(T, Var)> = match op {
                BinOp::Add | BinOp::Sub | BinOp::Mul => {
                    let o = match op {
                        BinOp::Add => Op::IAddOv,
                        BinOp::Sub => Op::ISubOv,
                        _ => Op::IMulOv,
                    };
                    let r = self.op(o, [x, y]);
                    let ex = self.exit(ExitKind::Guard, pc, "integer overflow");
                    self.guard_zero(r[1], ex);
                    Some((T::Int, r[0]))
                }
                BinOp::And | BinOp::Or | BinOp::Xor => {
                    let o = match op {
                        BinOp::And => Op::IAnd,
                        BinOp::Or => Op::IOr,
                        _ => Op::IXor,
                    };
                    let t = if ta == T::Bool && tb == T::Bool { T::Bool } else { T::Int };
                    Some((t, self.op1(o, [x, y])))
                }
                BinOp::FloorDiv | BinOp::Mod => {
                    // (An immediate divisor other than 0 and -1 needs
                    // neither check: `i % 8` compiles to a mask, `i % 7`
                    // to the remainder and its sign fix-up.)
                    let divisor = if rb.is_none() { Some(imm) } else { loaded };
                    if divisor.is_none_or(|c| c == 0) {
                        let z = self.icmp_imm(Cmp::Eq, y, 0);
                        let zb = self.zero_div_error(if op == BinOp::FloorDiv { 0 } else { 1 });
                        self.guard_zero(z, zb);
                    }
                    if divisor.is_none_or(|c| c == -1) {
                        // MIN // -1 overflows; MIN % -1 is 0 (but the
                        // machine instruction traps): leave for both.
                        let ex = self.exit(ExitKind::Guard, pc, "division overflow");
                        let m1 = self.icmp_imm(Cmp::Eq, y, -1);
                        let mn = self.icmp_imm(Cmp::Eq, x, i64::MIN);
                        let both = self.op1(Op::IAnd, [m1, mn]);
                        self.guard_zero(both, ex);
                    }
                    if let Some(c) = divisor.filter(|&c| c > 0 && c & (c - 1) == 0) {
                        // A power of two: Python's floor division and
                        // modulo are the arithmetic shift and the mask
                        // (both round towards -inf in two's complement).
                        if op == BinOp::FloorDiv {
                            let k = self.iconst(c.trailing_zeros() as i64);
                            Some((T::Int, self.op1(Op::ISar, [x, k])))
                        } else {
                            let m = self.iconst(c - 1);
                            Some((T::Int, self.op1(Op::IAnd, [x, m])))
                        }
                    } else {
                        let r = self.op1(Op::SRem, [x, y]);
                        // Python rounds towards -inf: adjust when the
                        // remainder is non-zero and its sign differs from
                        // the divisor's — for a constant divisor (not 0 or
                        // -1), exactly when it is negative (c > 0) or
                        // positive (c < 0).
                        let adj = match divisor {
                            Some(c) => self.icmp_imm(if c > 0 { Cmp::Lt } else { Cmp::Gt }, r, 0),
                            None => {
                                let nz = self.icmp_imm(Cmp::Ne, r, 0);
                                let xr = self.op1(Op::IXor, [r, y]);
                                let neg = self.icmp_imm(Cmp::Lt, xr, 0);
                                self.op1(Op::IAnd, [nz, neg])
                            }
                        };
                        if op == BinOp::FloorDiv {
                            let q = self.op1(Op::SDiv, [x, y]);
                            Some((T::Int, self.op1(Op::ISub, [q, adj])))
                        } else {
                            let ry = self.op1(Op::IAdd, [r, y]);
                            Some((T::Int, self.op1(Op::Select, [adj, ry, r])))
                        }
                    }
                }
                BinOp::TrueDiv => {
                    self.exact_int(x);
                    self.exact_int(y);
                    if rb.is_some() || imm == 0 {
                        let z = self.icmp_imm(Cmp::Eq, y, 0);
                        let zb = self.zero_div_error(2);
                        self.guard_zero(z, zb);
                    }
                    let fx = self.op1(Op::IToF, [x]);
                    let fy = self.op1(Op::IToF, [y]);
                    Some((T::Float, self.op1(Op::FDiv, [fx, fy])))
                }
                BinOp::LShift => {
                    let ex = self.exit(ExitKind::Guard, pc, "shift out of range");
                    if !loaded.is_some_and(|k| (0..63).contains(&k)) {
                        let bad = self.icmp_imm(Cmp::Ult, y, 63);
                        self.guard_nonzero(bad, ex);
                    }
                    let r = self.op1(Op::IShl, [x, y]);
                    let back = self.op1(Op::ISar, [r, y]);
                    let same = self.icmp(Cmp::Eq, back, x);
                    self.guard_nonzero(same, ex);
                    Some((T::Int, r))
                }
                BinOp::RShift if loaded.is_some_and(|k| k >= 0) => {
                    let k = self.iconst(loaded.unwrap_or(0).min(63));
                    Some((T::Int, self.op1(Op::ISar, [x, k])))
                }
                BinOp::RShift => {
                    let ex = self.exit(ExitKind::Guard, pc, "negative shift");
                    let neg = self.icmp_imm(Cmp::Lt, y, 0);
                    self.guard_zero(neg, ex);
                    let big = self.icmp_imm(Cmp::Gt, y, 63);
                    let k63 = self.iconst(63);
                    let s = self.op1(Op::Select, [big, k63, y]);
                    Some((T::Int, self.op1(Op::ISar, [x, s])))
                }
                _ => None,
            };
            return match res {
                Some((t, v)) => {
                    self.def_num(d, t, v);
                    self.settle(d);
                    Ok(Flow::Next)
                }
                None => self.generic(pc, ins),
            };
        }
        // Floats (an int operand converts to float first, exactly as
        // Python does: correctly rounded).
        let x = self.float_of(ra);
        let y = match rb {
            Some(rb) => self.float_of(rb),
            None => self.fconst(imm as f64),
        };
        let v = match op {
            BinOp::Add => self.op1(Op::FAdd, [x, y]),
            BinOp::Sub => self.op1(Op::FSub, [x, y]),
            BinOp::Mul => self.op1(Op::FMul, [x, y]),
            BinOp::TrueDiv => {
                let z = self.fconst(0.0);
                let isz = self.op1(Op::FCmp(Cmp::Eq), [y, z]);
                let ex = self.exit(ExitKind::Guard, pc, "float division by zero");
                self.guard_zero(isz, ex);
                self.op1(Op::FDiv, [x, y])
            }
            BinOp::Pow if rb.is_some_and(|rb| self.st[rb].t == T::Int) => {
                // x ** 2 for a float x: only the exponent 2 is common
                // enough to special-case (guarded).
                let rb = rb.unwrap();
                let e = self.get_i(rb);
                let two = self.icmp_imm(Cmp::Eq, e, 2);
                let ex = self.exit(ExitKind::Guard, pc, "exponent is not 2");
                self.guard_nonzero(two, ex);
                let v = self.op1(Op::FMul, [x, x]);
                // `**` raises OverflowError where `*` gives inf: an
                // infinite square (of a big or an infinite x) is left to
                // the interpreter.
                let a = self.op1(Op::FAbs, [v]);
                let inf = self.fconst(f64::INFINITY);
                let big = self.op1(Op::FCmp(Cmp::Eq), [a, inf]);
                let ex = self.exit(ExitKind::Guard, pc, "float overflow");
                self.guard_zero(big, ex);
                v
            }
            _ => return self.generic(pc, ins),
        };
        self.def_num(d, T::Float, v);
        self.settle(d);
        Ok(Flow::Next)
    }

    fn unary(&mut self, pc: usize, ins: &Instr, dst: Reg, src: Reg) -> TResult<Flow> {
        let s = self.abs(src);
        let Some(t) = self.num(s) else {
            return self.generic(pc, ins);
        };
        let d = self.abs(dst);
        match (ins, t) {
            (Instr::Neg { .. }, T::Float) => {
                let x = self.get_f(s);
                let v = self.op1(Op::FNeg, [x]);
                self.def_num(d, T::Float, v);
            }
            (Instr::Neg { .. }, _) => {
                let x = self.get_i(s);
                let z = self.iconst(0);
                let r = self.op(Op::ISubOv, [z, x]);
                let ex = self.exit(ExitKind::Guard, pc, "integer overflow");
                self.guard_zero(r[1], ex);
                self.def_num(d, T::Int, r[0]);
            }
            (Instr::Pos { .. }, T::Float) => {
                let x = self.get_f(s);
                self.def_num(d, T::Float, x);
            }
            (Instr::Pos { .. }, _) => {
                let x = self.get_i(s);
                self.def_num(d, T::Int, x);
            }
            (Instr::Invert { .. }, T::Int) | (Instr::Invert { .. }, T::Bool) => {
                let x = self.get_i(s);
                let m = self.iconst(-1);
                let v = self.op1(Op::IXor, [x, m]);
                self.def_num(d, T::Int, v);
            }
            _ => return self.generic(pc, ins),
        }
        self.settle(d);
        Ok(Flow::Next)
    }

    /// `LoadGlobal`: the value the dict holds now, guarded by the dict's
    /// key version (and, for objects, identity).
    fn load_global(&mut self, pc: usize, ins: &Instr, dst: Reg, name: u32) -> TResult<Flow> {
        if !self.opts.has("globals") || self.is_generic(pc) {
            return self.generic(pc, ins);
        }
        let code = self.code();
        let n = code.names[name as usize].as_str();
        // SAFETY: the frame or function keeps its globals alive.
        let globals: &DictObj = unsafe { &*self.level().globals };
        let d = self.abs(dst);
        let builtins = self.vm.builtins.clone();
        if self.const_lookup(globals, Some(&builtins), n, d, pc) {
            Ok(Flow::Next)
        } else {
            self.generic(pc, ins)
        }
    }

    /// Looks `name` up in `dict` (then `fallback`) at compile time and
    /// emits guarded code producing its value in register `d`. Returns
    /// false when the name is not found (the caller goes generic).
    fn const_lookup(&mut self, dict: &DictObj, fallback: Option<&PyRef<DictObj>>, name: &str, d: usize, pc: usize) -> bool {
        let h = crate::objects::str::hash_str(name);
        let (entry, dicts): (*mut Value, Vec<&DictObj>) = match dict.find_str(name, h) {
            Some(i) => (dict.value_ptr(i), vec![dict]),
            None => match fallback {
                Some(fb) => match fb.find_str(name, h) {
                    Some(i) => (fb.value_ptr(i), vec![dict, &**fb]),
                    None => return false,
                },
                None => return false,
            },
        };
        let key = global_fact(entry);
        let darr = [dicts[0] as *const DictObj as usize, dicts.get(1).map_or(0, |d| *d as *const DictObj as usize)];
        // SAFETY: `entry` points at a live dict entry (just looked up).
        let val = unsafe { (*entry).clone() };
        let num_t = if self.opts.has("unbox") { num_type(&val) } else { None };
        let (ea, num) = match self.facts.get(&key).copied() {
            // Checked on this path already, and nothing since may have
            // changed it: the same value.
            Some(Fact::Global { value, .. }) => (None, num_t.zip(value).map(|(t, l)| (t, self.op1(Op::GetVar(l), [])))),
            _ => {
                let ex = self.exit(ExitKind::Guard, pc, GLOBAL_GUARD);
                let (ea, num) = self.guard_global(entry, darr, ex, num_t.is_some());
                let value = num.map(|(t, v)| {
                    let l = self.f.new_local(if t == T::Float { Ty::F64 } else { Ty::I64 });
                    self.op(Op::SetVar(l), [v]);
                    l
                });
                self.facts.insert(key, Fact::Global { value, dicts: darr });
                (Some(ea), num)
            }
        };
        match (&val, num) {
            (_, Some((t, v))) => self.def_num(d, t, v),
            (Value::None | Value::Function(_) | Value::Builtin(_) | Value::Class(_) | Value::Module(_), _) => {
                let c = self.intern(&val);
                self.def_const(d, c);
            }
            _ => {
                let ea = ea.unwrap_or_else(|| self.iconst(entry as i64));
                self.copy_to_reg(d, ea, Some(val.tag()));
                self.st[d] = RS::mem_type(T::Tag(val.tag()));
            }
        }
        self.settle(d);
        true
    }

    /// Guards (leaving to `fail`) that the dict entry at `entry`, found by
    /// looking a name up in `dicts` (a function's globals, then the
    /// builtins when the name was not there; 0 for none), still holds the
    /// value the translator reads there: the dicts' key versions, the
    /// entry's tag, a function's, class's or module's identity. Returns
    /// the entry's address and, with `load_num`, a number's payload
    /// loaded, with its type.
    fn guard_global(&mut self, entry: *const Value, dicts: [usize; 2], fail: BlockId, load_num: bool) -> (Var, Option<(T, Var)>) {
        for d in dicts.into_iter().filter(|&d| d != 0) {
            // SAFETY: the dicts of a global's lookup are a function's
            // globals and the builtins, alive while the translated code is.
            let dd = unsafe { &*(d as *const DictObj) };
            let a = self.iconst(dd.keys_version_ptr() as i64);
            let v = self.load(a, 0);
            let ok = self.icmp_imm(Cmp::Eq, v, dd.keys_version() as i64);
            self.guard_nonzero(ok, fail);
        }
        // SAFETY: the entry was found in `dicts` at translation (their key
        // versions unchanged since): a live entry.
        let val = unsafe { (*entry).clone() };
        let ea = self.iconst(entry as i64);
        let tg = self.load(ea, 0);
        let ok = self.icmp_imm(Cmp::Eq, tg, val.tag() as i64);
        self.guard_nonzero(ok, fail);
        match num_type(&val) {
            Some(t) if load_num => {
                let v = match t {
                    T::Float => self.loadf(ea, 8),
                    T::Bool => self.op1(Op::Load8 { off: 8 }, [ea]),
                    _ => self.load(ea, 8),
                };
                return (ea, Some((t, v)));
            }
            _ => {}
        }
        if let Value::Function(_) | Value::Builtin(_) | Value::Class(_) | Value::Module(_) = val {
            let p = self.load(ea, 8);
            let ok = self.icmp_imm(Cmp::Eq, p, val.words()[1] as i64);
            self.guard_nonzero(ok, fail);
        }
        (ea, None)
    }

    fn store_global(&mut self, pc: usize, ins: &Instr, src: Reg, name: u32) -> TResult<Flow> {
        if !self.opts.has("globals") || self.is_generic(pc) {
            return self.generic(pc, ins);
        }
        let n = self.code().names[name as usize].as_str();
        // SAFETY: the frame keeps its globals alive.
        let globals: &DictObj = unsafe { &*self.level().globals };
        let h = crate::objects::str::hash_str(n);
        let Some(i) = globals.find_str(n, h) else {
            return self.generic(pc, ins);
        };
        let entry = globals.value_ptr(i);
        // (Another name's entry is not written, but keep it simple: a
        // global store is rare in a loop.)
        self.drops[DROP_GLOBALS] += 1;
        self.facts.retain(|_, f| !matches!(f, Fact::Global { .. }));
        let ex = self.exit(ExitKind::Guard, pc, "globals changed");
        let a = self.iconst(globals.keys_version_ptr() as i64);
        let v = self.load(a, 0);
        let ok = self.icmp_imm(Cmp::Eq, v, globals.keys_version() as i64);
        self.guard_nonzero(ok, ex);
        let s = self.abs(src);
        self.mem(s);
        let ea = self.iconst(entry as i64);
        self.note_kind_store(pc, ea, s, None, KindOwner::Dict(globals as *const DictObj as usize));
        let sa = self.slot_addr(s);
        self.copy_value(ea, sa);
        Ok(Flow::Next)
    }

    fn for_iter(&mut self, pc: usize, ins: &Instr, dst: Reg, iter: Reg, target: usize) -> TResult<Flow> {
        let it = self.abs(iter);
        let d = self.abs(dst);
        if let T::ZipIter(_) | T::EnumIter = self.st[it].t {
            if let Some(flow) = self.fused_for(pc, dst, it, target)? {
                return Ok(flow);
            }
        }
        match self.st[it].t {
            T::VIter(a, n) => {
                let pl = self.aux(it)[0];
                let i = self.op1(Op::GetVar(pl), []);
                let more = self.icmp_imm(Cmp::Ult, i, n as i64);
                let body = self.new_block();
                let done = self.new_block();
                self.f.set_term(self.cur, Terminator::Branch { cond: more, then: (body, vec![]), els: (done, vec![]) });
                let saved = self.st.clone();
                self.cur = done;
                self.goto(target)?;
                self.st = saved;
                self.cur = body;
                let items = self.slot_addr(a as usize);
                self.element_to(pc, items, i, d, None);
                // (After the element: an exit at this instruction
                // resumes it with the iterator where it was.)
                let one = self.iconst(1);
                let i1 = self.op1(Op::IAdd, [i, one]);
                self.op(Op::SetVar(pl), [i1]);
                Ok(Flow::Next)
            }
            T::RangeIter(cached) => {
                let [pn, stop, step] = self.aux(it);
                let pos_l = self.aux_n(it, 4)[3];
                let np = self.op1(Op::GetVar(pn), []);
                let n = if cached { self.op1(Op::GetVar(pos_l), []) } else { self.load(np, 0) };
                self.op(Op::SetVar(pos_l), [n]);
                self.st[it] = RS::mem_type(T::RangeIter(true));
                let stop = self.op1(Op::GetVar(stop), []);
                let step = self.op1(Op::GetVar(step), []);
                // `n < stop` for a positive step, `n > stop` for a
                // negative one: with `m` all ones for a negative step,
                // `n ^ m < stop ^ m` is both (`!x` reverses the order),
                // and `m` and `stop ^ m` are loop-invariant.
                let k63 = self.iconst(63);
                let m = self.op1(Op::ISar, [step, k63]);
                let nm = self.op1(Op::IXor, [n, m]);
                let sm = self.op1(Op::IXor, [stop, m]);
                let more = self.icmp(Cmp::Lt, nm, sm);
                let body = self.new_block();
                let done = self.new_block();
                self.f.set_term(self.cur, Terminator::Branch { cond: more, then: (body, vec![]), els: (done, vec![]) });
                let saved = self.st.clone();
                self.cur = done;
                self.goto(target)?;
                self.st = saved;
                self.cur = body;
                // (No overflow: `stop + step` fits, checked when the
                // iterator's fields were loaded.)
                let n2 = self.op1(Op::IAdd, [n, step]);
                self.store(np, 0, n2);
                self.op(Op::SetVar(pos_l), [n2]);
                self.def_num(d, T::Int, n);
                self.settle(d);
                Ok(Flow::Next)
            }
            T::ListIter(_) | T::TupleIter(_) | T::VSeqIter(_) => {
                let st = self.st[it].t;
                let tuple = matches!(st, T::TupleIter(_) | T::VSeqIter(true));
                // A virtual iterator's position is only its IR local (set
                // once the element is taken: exits build the iterator
                // from it); a real one's is also in memory.
                let (ip, pos_l, i, l) = if let T::VSeqIter(_) = st {
                    let ax = self.aux_n(it, 2);
                    let i = self.op1(Op::GetVar(ax[0]), []);
                    let l = self.op1(Op::GetVar(ax[1]), []);
                    (None, ax[0], i, l)
                } else {
                    let cached = matches!(st, T::ListIter(true) | T::TupleIter(true));
                    let [pidx, plist, _] = self.aux(it);
                    let pos_l = self.aux_n(it, 4)[3];
                    let ip = self.op1(Op::GetVar(pidx), []);
                    let i = if cached { self.op1(Op::GetVar(pos_l), []) } else { self.load(ip, 0) };
                    self.op(Op::SetVar(pos_l), [i]);
                    self.st[it] = RS::mem_type(if tuple { T::TupleIter(true) } else { T::ListIter(true) });
                    let l = self.op1(Op::GetVar(plist), []);
                    (Some(ip), pos_l, i, l)
                };
                let data = crate::objects::rc::DATA_OFFSET as i32;
                let (pofs, lofs) = if tuple {
                    crate::objects::TupleObj::items_layout()
                } else {
                    (crate::objects::list::LIST_PTR_OFFSET, crate::objects::list::LIST_LEN_OFFSET)
                };
                // The list's kind checked once (`Fact::List`): tuples to
                // unpack are in generic storage; numbers the profile
                // expects in typed storage.
                let unpack = self.unpack_after(pc, dst);
                let bits = if self.opts.has("speculate") && !self.is_generic(pc) { self.profile(pc) } else { 0 };
                let num = if self.opts.has("unbox") { spec_num(bits) } else { None };
                let want = match (tuple, unpack, num) {
                    (true, _, _) => None,
                    (false, Some(_), _) => Some(crate::objects::list::kind::OBJ),
                    (false, None, Some((t, _))) => Some(kind_of_num(t)),
                    _ => None,
                };
                let fact = want.and_then(|w| self.list_fact(pc, it, ITER_FACT, w));
                let len = match fact {
                    Some((_, n)) => n,
                    None => self.load(l, data + lofs as i32),
                };
                let more = self.icmp(Cmp::Ult, i, len);
                let body = self.new_block();
                let done = self.new_block();
                self.f.set_term(self.cur, Terminator::Branch { cond: more, then: (body, vec![]), els: (done, vec![]) });
                let saved = self.st.clone();
                self.cur = done;
                let exhausted = self.iconst((usize::MAX / 2) as i64);
                if let Some(ip) = ip {
                    self.store(ip, 0, exhausted);
                }
                self.op(Op::SetVar(pos_l), [exhausted]);
                self.goto(target)?;
                self.st = saved;
                self.cur = body;
                let one = self.iconst(1);
                let i1 = self.op1(Op::IAdd, [i, one]);
                let items = match fact {
                    Some((it, _)) => it,
                    None => self.load(l, data + pofs as i32),
                };
                let commit = match ip {
                    Some(ip) => {
                        // The local first: copying the element may release
                        // a value whose finalizer advances this iterator
                        // (see `reload_positions`).
                        self.op(Op::SetVar(pos_l), [i1]);
                        Commit::Mem(ip, i1)
                    }
                    None => Commit::Local(pos_l, i1),
                };
                if let (Some(_), None, Some((t, _))) = (fact, unpack, num) {
                    let v = self.typed_elem(items, i, t);
                    self.commit(commit);
                    self.def_num(d, t, v);
                    self.settle(d);
                } else if let Some(count) = unpack {
                    if !tuple && fact.is_none() {
                        // Only generic storage holds tuples.
                        let k = self.list_kind(l);
                        let is_obj = self.icmp_imm(Cmp::Eq, k, crate::objects::list::kind::OBJ as i64);
                        let x = self.exit(ExitKind::Guard, pc, "unpacked element not a tuple");
                        self.guard_nonzero(is_obj, x);
                    }
                    self.unpack_element(pc, items, i, commit, count);
                } else if tuple {
                    self.element_to(pc, items, i, d, Some(commit));
                } else {
                    self.list_element_to(pc, l, items, i, d, Some(commit));
                }
                Ok(Flow::Next)
            }
            _ => {
                // Through the interpreter; the value's type is speculated
                // from the profile on the path that got one.
                self.mem(it);
                self.mem(d);
                let s = self.exec_here(pc);
                self.clobber(d);
                let done = self.icmp_imm(Cmp::Eq, s, JUMP as i64);
                let body = self.new_block();
                let out = self.new_block();
                self.f.set_term(self.cur, Terminator::Branch { cond: done, then: (out, vec![]), els: (body, vec![]) });
                let saved = self.st.clone();
                self.cur = out;
                self.goto(target)?;
                self.st = saved;
                self.cur = body;
                let _ = ins;
                self.speculate(d, pc, pc + 1);
                Ok(Flow::Next)
            }
        }
    }

    /// `for a, b in zip(xs, ys)` / `for i, x in enumerate(xs)` over lists:
    /// the `ForIter` and the `UnpackSequence` after it, without building
    /// the tuple. None when the pattern does not apply.
    fn fused_for(&mut self, pc: usize, dst: Reg, it: usize, target: usize) -> TResult<Option<Flow>> {
        let code = self.code();
        let Some(&Instr::UnpackSequence { dst: u, src, count }) = code.instrs.get(pc + 1) else {
            return Ok(None);
        };
        let t = self.st[it].t;
        let n = match t {
            T::ZipIter(n) => n as usize,
            _ => 2,
        };
        // The tuple register must be a temporary nobody reads afterwards.
        let lvl_live = &self.level().live;
        if src != dst
            || count as usize != n
            || (dst as usize) < code.varnames.len()
            || lvl_live.live_in.get(pc + 2).is_none_or(|l| l.contains(dst as usize))
            || handler(code, pc + 1).is_some()
        {
            return Ok(None);
        }
        let dd = crate::objects::rc::DATA_OFFSET as i32;
        let lenoff = dd + crate::objects::list::LIST_LEN_OFFSET as i32;
        let ptroff = dd + crate::objects::list::LIST_PTR_OFFSET as i32;
        // (index address, index, list) of each list iterator.
        let ax = self.aux_n(it, if t == T::EnumIter { 3 } else { 2 * n });
        let subs: Vec<(LocalId, LocalId)> =
            if t == T::EnumIter { vec![(ax[1], ax[2])] } else { (0..n).map(|i| (ax[2 * i], ax[2 * i + 1])).collect() };
        let mut idx = Vec::new();
        for &(pi, pl) in &subs {
            let ip = self.op1(Op::GetVar(pi), []);
            let i = self.load(ip, 0);
            let l = self.op1(Op::GetVar(pl), []);
            idx.push((ip, i, l));
        }
        // Element types (guarded before anything is committed).
        let upc = pc + 1;
        let bits = if self.opts.has("speculate") && !self.is_generic(upc) { self.profile(upc) } else { 0 };
        let num = spec_num(bits);
        let num = if self.opts.has("unbox") { num } else { None };
        // With numbers expected: each list's kind checked once
        // (`Fact::List`), its length and storage kept in locals.
        let mut facts = Vec::new();
        if let Some((nt, _)) = num {
            for k in 0..idx.len() {
                facts.push(self.list_fact(pc, it, ITER_FACT + k as i64, kind_of_num(nt)));
            }
        }
        // Exhaustion: iterators before the first exhausted one were
        // advanced (their items dropped), as zip does; the exhausted list
        // iterator is marked finished.
        let saved = self.st.clone();
        let mut bumped: Vec<(Var, Var)> = Vec::new();
        for (k, &(ip, i, l)) in idx.iter().enumerate() {
            let len = match facts.get(k).copied().flatten() {
                Some((_, n)) => n,
                None => self.load(l, lenoff),
            };
            let more = self.icmp(Cmp::Ult, i, len);
            let next = self.new_block();
            let done = self.new_block();
            self.f.set_term(self.cur, Terminator::Branch { cond: more, then: (next, vec![]), els: (done, vec![]) });
            self.cur = done;
            for &(bp, bv) in &bumped {
                self.store(bp, 0, bv);
            }
            let fin = self.iconst((usize::MAX / 2) as i64);
            self.store(ip, 0, fin);
            self.st = saved.clone();
            self.goto(target)?;
            self.st = saved.clone();
            self.cur = next;
            let one = self.iconst(1);
            let i1 = self.op1(Op::IAdd, [i, one]);
            bumped.push((ip, i1));
        }
        // (kind byte, storage) of each list (the kind unused where a fact
        // holds).
        let mut stores = Vec::new();
        for (k, &(_, _, l)) in idx.iter().enumerate() {
            if let Some((items, _)) = facts.get(k).copied().flatten() {
                let z = self.iconst(0);
                stores.push((z, items));
                continue;
            }
            let items = self.load(l, ptroff);
            let kd = self.list_kind(l);
            stores.push((kd, items));
        }
        let ubase = self.abs(u);
        let mut count_val = None;
        if t == T::EnumIter {
            let cp = self.op1(Op::GetVar(ax[0]), []);
            let ct = self.load(cp, 0);
            let ok = self.icmp_imm(Cmp::Eq, ct, tag::INT as i64);
            let x = self.exit(ExitKind::Guard, pc, "enumerate count");
            self.guard_nonzero(ok, x);
            let c = self.load(cp, 8);
            let big = self.icmp_imm(Cmp::Eq, c, i64::MAX);
            self.guard_zero(big, x);
            count_val = Some((cp, c));
        }
        let mut vals = Vec::new();
        if let Some((nt, tg)) = num {
            let x = self.exit(ExitKind::Guard, pc, "element type");
            for (n, (&(k, items), &(_, i, _))) in stores.iter().zip(&idx).enumerate() {
                if facts.get(n).copied().flatten().is_some() {
                    let v = self.typed_elem(items, i, nt);
                    vals.push(v);
                } else {
                    vals.push(self.list_num(k, items, i, nt, tg, x));
                }
            }
        }
        // Commit: advance the iterators (and the count).
        for &(bp, bv) in &bumped {
            self.store(bp, 0, bv);
        }
        let first_item = if let Some((cp, c)) = count_val {
            let one = self.iconst(1);
            let c1 = self.op1(Op::IAdd, [c, one]);
            self.store(cp, 8, c1);
            self.def_num(ubase, T::Int, c);
            self.settle(ubase);
            1
        } else {
            0
        };
        for (n, &(k, items)) in stores.iter().enumerate() {
            let r = ubase + first_item + n;
            match num {
                Some((nt, _)) => {
                    self.def_num(r, nt, vals[n]);
                    self.settle(r);
                }
                None => {
                    self.mem(r);
                    let (_, i, l) = idx[n];
                    self.list_item_to_slot(l, k, items, i, r);
                    self.speculate(r, upc, upc + 1);
                }
            }
        }
        // Continue after the UnpackSequence (translated here).
        self.skip = true;
        Ok(Some(Flow::Next))
    }

    /// The item count when the `ForIter` at `pc` (into `dst`) is followed
    /// by an `UnpackSequence` of `dst`, a temporary nobody reads afterwards
    /// (and `unpackfor` is on): the two are then translated together by
    /// `unpack_element`.
    fn unpack_after(&self, pc: usize, dst: Reg) -> Option<usize> {
        if !self.opts.has("unpackfor") || self.is_generic(pc + 1) {
            return None;
        }
        let code = self.code();
        let Some(&Instr::UnpackSequence { dst: u, src, count }) = code.instrs.get(pc + 1) else {
            return None;
        };
        let live = &self.level().live;
        let (d0, n) = (u as usize, count as usize);
        if src != dst
            || (dst as usize) < code.varnames.len()
            || (d0..d0 + n).contains(&(dst as usize))
            || live.live_in.get(pc + 2).is_none_or(|l| l.contains(dst as usize))
            || handler(code, pc + 1).is_some()
        {
            return None;
        }
        Some(n)
    }

    /// `for a, b in xs` over a list or tuple (the `ForIter` at `pc` and
    /// the `UnpackSequence` after it, see `unpack_after`): element `i` of
    /// the value array at `items` guarded to be a tuple of `count` items,
    /// else compiled code leaves before the `ForIter` (nothing committed);
    /// then the iterator is advanced (`commit`) and the tuple's items are
    /// copied into the targets straight from the element. The tuple is
    /// never stored in its register (dead), which saves counting a
    /// reference to it each step; the register keeps an older value.
    fn unpack_element(&mut self, pc: usize, items: Var, i: Var, commit: Commit, count: usize) {
        let upc = pc + 1;
        let Instr::UnpackSequence { dst: u, .. } = self.code().instrs[upc] else { unreachable!() };
        let d0 = self.abs(u);
        let sixteen = self.iconst(16);
        let off = self.op1(Op::IMul, [i, sixteen]);
        let ea = self.op1(Op::IAdd, [items, off]);
        let x = self.exit(ExitKind::Guard, pc, "unpacked element not a tuple");
        let tv = self.load(ea, 0);
        let ok = self.icmp_imm(Cmp::Eq, tv, tag::TUPLE as i64);
        self.guard_nonzero(ok, x);
        let dd = crate::objects::rc::DATA_OFFSET as i32;
        let (pofs, lofs) = crate::objects::TupleObj::items_layout();
        let tp = self.load(ea, 8);
        let len = self.load(tp, dd + lofs as i32);
        let ok = self.icmp_imm(Cmp::Eq, len, count as i64);
        self.guard_nonzero(ok, x);
        // Taken: the iterator advances, then the items are copied (the
        // element's list or tuple holds the tuple meanwhile: no code runs).
        self.commit(commit);
        for k in 0..count {
            self.mem(d0 + k);
        }
        let titems = self.load(tp, dd + pofs as i32);
        for k in 0..count {
            let o = self.iconst(16 * k as i64);
            let src = self.op1(Op::IAdd, [titems, o]);
            self.copy_to_reg(d0 + k, src, None);
            self.clobber(d0 + k);
        }
        // (Speculations resume after the `UnpackSequence`: every item is
        // stored by then.)
        for k in 0..count {
            self.speculate(d0 + k, upc, upc + 1);
        }
        self.skip = true;
    }

    /// Advances an iterator once its element is taken.
    fn commit(&mut self, c: Commit) {
        match c {
            Commit::Mem(a, v) => self.store(a, 0, v),
            Commit::Local(l, v) => {
                self.op(Op::SetVar(l), [v]);
            }
        }
    }

    /// Copies element `i` of the value array at `items` into register `d`,
    /// unboxing it when the profile of `pc` says what it is.
    /// `commit` (an address and a value) is stored once the element is
    /// known to be taken (after the guards that resume before `pc`).
    fn element_to(&mut self, pc: usize, items: Var, i: Var, d: usize, commit: Option<Commit>) {
        let sixteen = self.iconst(16);
        let off = self.op1(Op::IMul, [i, sixteen]);
        let ea = self.op1(Op::IAdd, [items, off]);
        self.value_to(pc, ea, d, commit);
    }

    /// The address of the value held by the cell in register `c`.
    /// Whether register `c` holds a cell (in its slot, or a known one).
    fn is_cell(&self, c: usize) -> bool {
        match self.st[c].t {
            T::Tag(t) => t == tag::CELL,
            T::Const(k) => matches!(self.konst(k), Value::Cell(_)),
            _ => false,
        }
    }

    fn cell_value_addr(&mut self, c: usize) -> Var {
        let cell = match self.st[c].t {
            T::Const(k) => {
                let p = self.konst(k).words()[1];
                self.iconst(p as i64)
            }
            _ => self.load(self.base, Self::slot_off(c) + 8),
        };
        let off = self.iconst((crate::objects::rc::DATA_OFFSET + std::mem::offset_of!(CellObj, value)) as i64);
        self.op1(Op::IAdd, [cell, off])
    }

    /// Copies the value at address `ea` into register `d` (see `element_to`).
    fn value_to(&mut self, pc: usize, ea: Var, d: usize, commit: Option<Commit>) {
        let bits = if self.opts.has("speculate") && !self.is_generic(pc) { self.profile(pc) } else { 0 };
        let num = spec_num(bits);
        if let (Some((t, tg)), true) = (num, self.opts.has("unbox")) {
            let x = self.exit(ExitKind::Guard, pc, "element type");
            let tv = self.load(ea, 0);
            let ok = self.icmp_imm(Cmp::Eq, tv, tg as i64);
            self.guard_nonzero(ok, x);
            if let Some(c) = commit {
                self.commit(c);
            }
            let v = self.load_payload(ea, t);
            self.def_num(d, t, v);
            self.settle(d);
            return;
        }
        if let Some(c) = commit {
            self.commit(c);
        }
        self.copy_to_reg(d, ea, None);
        self.clobber(d);
        self.speculate(d, pc, pc + 1);
    }

    /// The payload of the value at `addr`, known to be a `t` (bools are one
    /// byte: the rest of their payload word is padding).
    fn load_payload(&mut self, addr: Var, t: T) -> Var {
        match t {
            T::Float => self.loadf(addr, 8),
            T::Bool => self.op1(Op::Load8 { off: 8 }, [addr]),
            _ => self.load(addr, 8),
        }
    }

    /// `*dst = (*src).clone()` for value slots at the two addresses, with
    /// the reference counting done inline (the old value of `*dst` is
    /// released; only a count reaching zero calls the `release` helper).
    fn copy_value(&mut self, dst: Var, src: Var) {
        self.copy_known(dst, None, src, None)
    }

    /// `copy_value` where the tags the slots hold may be known
    /// (`RS::slot_mem`): `dmem`, the destination's old value (no object:
    /// nothing to release), `stag`, the value copied (a number: no
    /// reference to take; an object: taken without a test of the tag).
    /// A heap tag in a destination's state is not trusted for the release:
    /// a slot emptied by a move keeps its payload, and not every such
    /// state is updated (dead temporaries), so releases test the tag.
    fn copy_known(&mut self, dst: Var, dmem: Option<u8>, src: Var, stag: Option<u8>) {
        let t = self.load(src, 0);
        let p = self.load(src, 8);
        match stag {
            Some(x) if is_heap_tag(x) => self.incref_obj(p),
            Some(_) => {}
            None => self.incref_if_heap(t, p),
        }
        self.release_known(dst, dmem, true);
        self.store(dst, 0, t);
        self.store(dst, 8, p);
    }

    /// `copy_known` into register `d`'s slot (its state says what the slot
    /// holds; the caller sets the new state).
    fn copy_to_reg(&mut self, d: usize, src: Var, stag: Option<u8>) {
        let da = self.slot_addr(d);
        let dmem = self.st[d].slot_mem();
        self.copy_known(da, dmem, src, stag)
    }

    /// Takes a reference to the object at `p` (its count incremented
    /// inline).
    fn incref_obj(&mut self, p: Var) {
        let rc = self.load(p, 0);
        let one = self.iconst(1);
        let rc1 = self.op1(Op::IAdd, [rc, one]);
        self.store(p, 0, rc1);
    }

    /// `incref_obj` of payload `p` when tag `t` is a heap object's.
    fn incref_if_heap(&mut self, t: Var, p: Var) {
        let heap = self.is_heap(t);
        let inc = self.new_block();
        let cont = self.new_block();
        self.f.set_term(self.cur, Terminator::Branch { cond: heap, then: (inc, vec![]), els: (cont, vec![]) });
        self.cur = inc;
        self.incref_obj(p);
        self.f.set_term(self.cur, Terminator::Jump(cont, vec![]));
        self.cur = cont;
    }

    /// 1 if tag `t` is a heap object's.
    fn is_heap(&mut self, t: Var) -> Var {
        let k5 = self.iconst(tag::FIRST_HEAP as i64);
        let d = self.op1(Op::ISub, [t, k5]);
        let n = self.iconst((tag::NOT_IMPLEMENTED - tag::FIRST_HEAP) as i64);
        self.icmp(Cmp::Ult, d, n)
    }

    /// `release_at_hint` unless `known` (`RS::slot_mem`) says the slot
    /// holds no object.
    fn release_known(&mut self, addr: Var, known: Option<u8>, rare: bool) {
        if known.is_none_or(is_heap_tag) {
            self.release_at_hint(addr, rare);
        }
    }

    /// Releases what the value slot at `addr` holds if it is a heap object
    /// (the slot is left Undef then): an inline decrement, the `release`
    /// helper only for the last reference. `rare`: the last reference is rarely dropped here (a
    /// value replaced in a container or an attribute, usually shared):
    /// the helper is called through the register-preserving trampoline
    /// (`preserve`), which costs more per call than the spills it saves
    /// where temporaries die often (raytrace's vectors).
    fn release_at_hint(&mut self, addr: Var, rare: bool) {
        // (The tag is checked even where the state says it is a heap
        // object's: a slot a helper emptied may still be described by the
        // state it had.)
        let done = self.when_heap(addr);
        let q = self.load(addr, 8);
        let rc = self.load(q, 0);
        let last = self.icmp_imm(Cmp::Le, rc, 1);
        let rel = self.cold_block();
        let keep = self.new_block();
        self.f.set_term(self.cur, Terminator::Branch { cond: last, then: (rel, vec![]), els: (keep, vec![]) });
        self.cur = rel;
        if rare {
            self.call_void_preserving(helpers::release_preserving_addr(), "release", [addr]);
        } else {
            self.call_void(helpers::release as *const () as usize, "release", [addr]);
        }
        self.f.set_term(self.cur, Terminator::Jump(done, vec![]));
        self.cur = keep;
        let one = self.iconst(1);
        let rc1 = self.op1(Op::ISub, [rc, one]);
        self.store(q, 0, rc1);
        let z = self.iconst(0);
        self.store(addr, 0, z);
        self.f.set_term(self.cur, Terminator::Jump(done, vec![]));
        self.cur = done;
    }

    /// Stores the value of register `s` into the value slot at `addr`.
    fn store_value_at(&mut self, addr: Var, s: usize) {
        self.store_value_at_plain(addr, s, None)
    }

    /// `store_value_at`, where `plain` is the tag of the number the value
    /// at `addr` is known to be (nothing to release before storing a
    /// number; the tag stays when the new number has the same type).
    fn store_value_at_plain(&mut self, addr: Var, s: usize, plain: Option<u8>) {
        let st = self.st[s];
        match st.t {
            T::Int | T::Float | T::Bool => {
                if plain.is_none() {
                    self.release_at_hint(addr, true);
                }
                if plain != Some(num_tag(st.t)) {
                    let t = self.iconst(num_tag(st.t) as i64);
                    self.store(addr, 0, t);
                }
                let v = if st.t == T::Float {
                    let f = self.get_f(s);
                    self.op1(Op::FBits, [f])
                } else {
                    self.get_i(s)
                };
                self.store(addr, 8, v);
            }
            _ => {
                self.mem(s);
                let sa = self.slot_addr(s);
                self.copy_value(addr, sa);
            }
        }
    }

    /// The address an instance attribute access reaches through the
    /// instruction's inline cache, or 0 when the attribute is not a plain
    /// instance-dict attribute (the caller then takes the generic path).
    /// When the interpreter has filled the cache, the lookup is compiled
    /// natively: class version, dict entry position and key are guarded.
    fn attr_address(&mut self, pc: usize, o: usize) -> Var {
        let code = self.code();
        let cache = *code.cache(pc);
        let name = match code.instrs[pc] {
            Instr::LoadAttr { name, .. } | Instr::StoreAttr { name, .. } => name,
            _ => unreachable!(),
        };
        let addr_local = self.f.new_local(Ty::I64);
        let join = self.new_block();
        let slow = self.cold_block();
        if cache.a != 0 && cache.kind & 1 == crate::vm::inline_cache::ATTR {
            // The class and dict position the cache recorded, checked
            // natively; anything else takes the helper.
            let key = code.names[name as usize].as_ptr() as i64;
            let (_, _, ents, len) = self.instance_dict(o, cache.a, slow);
            let a = self.cached_entry_value(ents, len, attr_pos(cache.b) as u64, key, slow);
            self.op(Op::SetVar(addr_local), [a]);
            self.f.set_term(self.cur, Terminator::Jump(join, vec![]));
        } else {
            self.f.set_term(self.cur, Terminator::Jump(slow, vec![]));
        }
        self.cur = slow;
        let addr = if cache.a != 0 && cache.kind & 1 == crate::vm::inline_cache::ATTR {
            let key = code.names[name as usize].as_ptr() as i64;
            let store = matches!(code.instrs[pc], Instr::StoreAttr { .. });
            self.hierarchy_addr(pc, o, attr_pos(cache.b) as u64, key, store)
        } else {
            let oa = self.slot_addr(o);
            let c = self.iconst(self.level().code as i64);
            let p = self.iconst(pc as i64);
            self.call(helpers::attr_addr as *const () as usize, "attr_addr", [self.ctx, oa, c, p])
        };
        self.op(Op::SetVar(addr_local), [addr]);
        self.f.set_term(self.cur, Terminator::Jump(join, vec![]));
        self.cur = join;
        self.op1(Op::GetVar(addr_local), [])
    }

    /// The address of attribute access `pc`'s value in the dict of the
    /// instance in register `o` (in its slot), or 0, as the `attr_addr`
    /// helper finds it, for an instance whose class is not the one the
    /// cache's first entry is for: when the instance's class is plain for
    /// this access (`inline_cache::plain`: no data descriptor anywhere in
    /// its MRO, no `__getattribute__`, no `__setattr__` for a store; the
    /// class flags are read at run time, so a class changed since is seen)
    /// and its dict has the name at the cached position `pos` (key `key`),
    /// the entry is used without a call (`polyattr`: the interpreter's
    /// `attr_hit` for another class of a hierarchy); otherwise the helper.
    /// Only at sites whose cache has the `HIERARCHY` bit (the interpreter
    /// or the helper served another class there): elsewhere just the
    /// helper, as before.
    fn hierarchy_addr(&mut self, pc: usize, o: usize, pos: u64, key: i64, store: bool) -> Var {
        const _: () = assert!(
            class_flags::PLAIN_ATTRS & 0xff == 0
                && class_flags::PLAIN_ATTRS >> 8 < 0x100
                && (class_flags::HAS_GETATTRIBUTE | class_flags::HAS_SETATTR) & !0xff == 0
        );
        // (Only at sites where the interpreter met another class of the
        // hierarchy: elsewhere the code would be compiled for nothing.)
        if !self.opts.has("polyattr") || self.code().cache(pc).kind & crate::vm::inline_cache::HIERARCHY == 0 {
            return self.attr_addr_call(pc, o);
        }
        let res = self.f.new_local(Ty::I64);
        let join = self.next_block();
        let helper = self.cold_block();
        let dd = crate::objects::rc::DATA_OFFSET as i32;
        let hooks = class_flags::HAS_GETATTRIBUTE | if store { class_flags::HAS_SETATTR } else { 0 };
        let inst = self.load(self.base, Self::slot_off(o) + 8);
        let cls = self.load(inst, dd + std::mem::offset_of!(InstanceObj, class) as i32 + 8);
        let fo = dd + std::mem::offset_of!(ClassObj, flags) as i32;
        let lo = self.op1(Op::Load8 { off: fo }, [cls]);
        let hm = self.iconst(hooks as i64);
        let h = self.op1(Op::IAnd, [lo, hm]);
        self.guard_zero(h, helper);
        let hi = self.op1(Op::Load8 { off: fo + 1 }, [cls]);
        let pm = self.iconst((class_flags::PLAIN_ATTRS >> 8) as i64);
        let p = self.op1(Op::IAnd, [hi, pm]);
        self.guard_nonzero(p, helper);
        let (_, ents, len) = self.inst_dict(inst, helper);
        let a = self.cached_entry_value(ents, len, pos, key, helper);
        self.op(Op::SetVar(res), [a]);
        self.f.set_term(self.cur, Terminator::Jump(join, vec![]));
        self.cur = helper;
        let a = self.attr_addr_call(pc, o);
        self.op(Op::SetVar(res), [a]);
        self.f.set_term(self.cur, Terminator::Jump(join, vec![]));
        self.cur = join;
        self.op1(Op::GetVar(res), [])
    }

    /// The `attr_addr` helper for attribute access `pc` on register `o`.
    fn attr_addr_call(&mut self, pc: usize, o: usize) -> Var {
        let oa = self.slot_addr(o);
        let c = self.iconst(self.level().code as i64);
        let p = self.iconst(pc as i64);
        self.call(helpers::attr_addr as *const () as usize, "attr_addr", [self.ctx, oa, c, p])
    }

    /// The class version, dict entry array and dict length of the instance
    /// in register `o` (in its slot), checked to be of the class at
    /// `version` and to have a dict (else to `fail`).
    fn instance_dict(&mut self, o: usize, version: u64, fail: BlockId) -> (Var, Var, Var, Var) {
        let dd = crate::objects::rc::DATA_OFFSET as i32;
        let inst = self.load(self.base, Self::slot_off(o) + 8);
        let cls = self.load(inst, dd + std::mem::offset_of!(InstanceObj, class) as i32 + 8);
        let ver = self.load(cls, dd + std::mem::offset_of!(ClassObj, version) as i32);
        let ok = self.icmp_imm(Cmp::Eq, ver, version as i64);
        self.guard_nonzero(ok, fail);
        let (dict, ents, len) = self.inst_dict(inst, fail);
        (ver, dict, ents, len)
    }

    /// The dict, entry array and length of the instance object `inst`,
    /// checked to have a dict (else to `fail`).
    fn inst_dict(&mut self, inst: Var, fail: BlockId) -> (Var, Var, Var) {
        let dd = crate::objects::rc::DATA_OFFSET as i32;
        let (pofs, lofs, _) = DictObj::entries_layout();
        let dict = self.load(inst, dd + std::mem::offset_of!(InstanceObj, dict) as i32);
        let none = self.icmp_imm(Cmp::Eq, dict, 0);
        self.guard_zero(none, fail);
        let len = self.load(dict, dd + lofs as i32);
        let ents = self.load(dict, dd + pofs as i32);
        (dict, ents, len)
    }

    /// The address of the value of entry `pos` of a dict whose entry array
    /// is `ents`, with no check (the dict's shape was checked).
    fn entry_value_at(&mut self, ents: Var, pos: usize) -> Var {
        let (_, _, esz) = DictObj::entries_layout();
        let voff = pos * esz + std::mem::offset_of!(crate::objects::dict::Entry, value);
        let off = self.iconst(voff as i64);
        self.op1(Op::IAdd, [ents, off])
    }

    /// The shape the `ATTR` cache entry `payload` of a site for the name
    /// at address `key` recorded, when compiled code may check it instead
    /// of the key: it has the key at the entry's position.
    fn site_shape(&self, payload: u64, key: i64) -> Option<u64> {
        let s = attr_shape(payload);
        if !self.opts.has("shapes") || s == crate::objects::dict::shape::NO_SHAPE {
            return None;
        }
        (crate::objects::dict::shape::key_at(s, attr_pos(payload)) == Some(key as u64)).then_some(s)
    }

    /// The address of the value of entry `pos` of a dict whose entry array
    /// and length are `ents` and `len`, checked to exist and to have the
    /// interned `str` key at address `key` (else to `fail`).
    fn cached_entry_value(&mut self, ents: Var, len: Var, pos: u64, key: i64, fail: BlockId) -> Var {
        let (_, _, esz) = DictObj::entries_layout();
        let b = self.iconst(pos as i64);
        let inb = self.icmp(Cmp::Ult, b, len);
        self.guard_nonzero(inb, fail);
        let eoff = self.iconst((pos as usize * esz) as i64);
        let e = self.op1(Op::IAdd, [ents, eoff]);
        let koff = std::mem::offset_of!(crate::objects::dict::Entry, key) as i32;
        let kt = self.load(e, koff);
        let ok = self.icmp_imm(Cmp::Eq, kt, tag::STR as i64);
        self.guard_nonzero(ok, fail);
        let kp = self.load(e, koff + 8);
        let ok = self.icmp_imm(Cmp::Eq, kp, key);
        self.guard_nonzero(ok, fail);
        let voff = self.iconst(std::mem::offset_of!(crate::objects::dict::Entry, value) as i64);
        self.op1(Op::IAdd, [e, voff])
    }

    /// The name's address of attribute access `pc` (the facts key).
    fn attr_key(&self, pc: usize) -> i64 {
        let code = self.code();
        let name = match code.instrs[pc] {
            Instr::LoadAttr { name, .. } | Instr::StoreAttr { name, .. } => name,
            _ => unreachable!(),
        };
        code.names[name as usize].as_ptr() as i64
    }

    fn is_loose(&self, pc: usize) -> bool {
        self.generic.contains(&(self.level().code as usize, pc as u32 | LOOSE_SITE))
    }

    /// `attr_address_strict` through shapes: with a `Fact::Shaped` for
    /// the object, an address computation; for the object's first lookup
    /// at a site whose cache recorded a shape, a strict check of the
    /// class version and shape (leaving compiled code on a mismatch) that
    /// establishes the fact. `None` when neither applies.
    fn shaped_lookup(&mut self, pc: usize, o: usize, key: i64, store: bool) -> Option<Var> {
        let cache = *self.code().cache(pc);
        let addr_l = self.f.new_local(Ty::I64);
        let ver_l = self.f.new_local(Ty::I64);
        let a = match self.facts.get(&(o, 0, false)).copied() {
            Some(Fact::Shaped { entries, version, shape }) => {
                if version != cache.a {
                    return None;
                }
                let p = crate::objects::dict::shape::position(shape, key as u64)?;
                let e = self.op1(Op::GetVar(entries), []);
                self.entry_value_at(e, p)
            }
            Some(_) => return None,
            None => {
                let sh = self.site_shape(cache.b, key)?;
                // (Not at a site that has seen several classes, nor in code
                // whose shape checks failed.)
                if cache.c != 0
                    || cache.kind & crate::vm::inline_cache::HIERARCHY != 0
                    || self.generic.contains(&(self.level().code as usize, SHAPE_LOOSE))
                {
                    return None;
                }
                let x = self.exit(ExitKind::Guard, pc, SHAPE_GUARD);
                let (_, dict, ents, _) = self.instance_dict(o, cache.a, x);
                let dd = crate::objects::rc::DATA_OFFSET as i32;
                let shp = self.load(dict, dd + DictObj::shape_offset() as i32);
                let ok = self.icmp_imm(Cmp::Eq, shp, sh as i64);
                self.guard_nonzero(ok, x);
                let el = self.f.new_local(Ty::I64);
                self.op(Op::SetVar(el), [ents]);
                self.facts.insert((o, 0, false), Fact::Shaped { entries: el, version: cache.a, shape: sh });
                self.entry_value_at(ents, attr_pos(cache.b))
            }
        };
        let v = self.iconst(cache.a as i64);
        self.op(Op::SetVar(addr_l), [a]);
        self.op(Op::SetVar(ver_l), [v]);
        self.facts.insert((o, key, store), Fact::Attr { addr: addr_l, version: ver_l });
        Some(a)
    }

    /// The address of attribute access `pc`'s value slot in the dict of
    /// the instance in register `o` (in its slot): the cached position
    /// checked natively, else the lookup helper; when the attribute is not
    /// in the instance dict (a property, a class attribute) compiled code
    /// leaves, instead of running the access generically. `None` when the
    /// access is not compiled this way (its cache is empty or not for an
    /// instance attribute, it left too often before, or `attrfacts` is
    /// off); the caller then uses `attr_address`.
    ///
    /// Every path that continues has the address, so the lookup can be
    /// remembered (an `AttrFact`): later accesses of the same attribute of
    /// the same object reuse it without any check, until something may
    /// have changed the object, its class or its dict.
    fn attr_address_strict(&mut self, pc: usize, o: usize) -> Option<Var> {
        if !self.opts.has("attrfacts") || self.is_loose(pc) {
            return None;
        }
        let code = self.code();
        let cache = *code.cache(pc);
        let (name, store) = match code.instrs[pc] {
            Instr::LoadAttr { name, .. } => (name, false),
            Instr::StoreAttr { name, .. } => (name, true),
            _ => unreachable!(),
        };
        if cache.a == 0 || cache.kind & 1 != crate::vm::inline_cache::ATTR {
            return None;
        }
        let key = code.names[name as usize].as_ptr() as i64;
        if let Some(Fact::Attr { addr, .. }) = self.facts.get(&(o, key, store)).copied() {
            return Some(self.op1(Op::GetVar(addr), []));
        }
        if let Some(a) = self.shaped_lookup(pc, o, key, store) {
            return Some(a);
        }
        let addr_l = self.f.new_local(Ty::I64);
        let ver_l = self.f.new_local(Ty::I64);
        let join = self.new_block();
        let reuse_path = matches!(self.facts.get(&(o, key, !store)), Some(Fact::Attr { .. }));
        // (When the other kind's fact applies, the lookup is the rare case.)
        let lookup = if reuse_path { self.cold_block() } else { self.new_block() };
        if let Some(Fact::Attr { addr, version }) = self.facts.get(&(o, key, !store)).copied() {
            // Known for the other kind of access: it applies when the class
            // is the one this site's cache approved.
            let v = self.op1(Op::GetVar(version), []);
            let same = self.icmp_imm(Cmp::Eq, v, cache.a as i64);
            let reuse = self.new_block();
            self.f.set_term(self.cur, Terminator::Branch { cond: same, then: (reuse, vec![]), els: (lookup, vec![]) });
            self.cur = reuse;
            let a = self.op1(Op::GetVar(addr), []);
            self.op(Op::SetVar(addr_l), [a]);
            self.op(Op::SetVar(ver_l), [v]);
            self.f.set_term(self.cur, Terminator::Jump(join, vec![]));
        } else {
            self.f.set_term(self.cur, Terminator::Jump(lookup, vec![]));
        }
        // The lookup: the cached position checked natively, else the
        // lookup helper; an attribute not in the instance dict leaves.
        self.cur = lookup;
        let x = self.exit(ExitKind::Guard, pc, ATTR_GUARD);
        let slow = self.cold_block();
        let dd = crate::objects::rc::DATA_OFFSET as i32;
        let (pofs, lofs, _) = DictObj::entries_layout();
        // The class version, the dict's entries and length: known from an
        // earlier lookup on the object, or loaded (and then remembered).
        let (ver, ents, len, shp, new_dict_fact) = match self.facts.get(&(o, 0, false)).copied() {
            Some(Fact::Dict { entries, len, version, checked, shape }) => {
                let v = self.op1(Op::GetVar(version), []);
                if checked != cache.a {
                    let ok = self.icmp_imm(Cmp::Eq, v, cache.a as i64);
                    self.guard_nonzero(ok, slow);
                }
                let e = self.op1(Op::GetVar(entries), []);
                let l = self.op1(Op::GetVar(len), []);
                let s = self.op1(Op::GetVar(shape), []);
                (v, e, l, s, None)
            }
            _ => {
                let (ver, dict, ents, len) = self.instance_dict(o, cache.a, slow);
                let shp = self.load(dict, dd + DictObj::shape_offset() as i32);
                // (Remembered only when every path to the join sets the
                // locals: not when the other kind's fact may be reused.)
                if reuse_path {
                    (ver, ents, len, shp, None)
                } else {
                    let locals =
                        (self.f.new_local(Ty::I64), self.f.new_local(Ty::I64), self.f.new_local(Ty::I64), self.f.new_local(Ty::I64));
                    self.op(Op::SetVar(locals.0), [ents]);
                    self.op(Op::SetVar(locals.1), [len]);
                    self.op(Op::SetVar(locals.2), [ver]);
                    self.op(Op::SetVar(locals.3), [shp]);
                    (ver, ents, len, shp, Some(locals))
                }
            }
        };
        let pos = attr_pos(cache.b);
        if let Some(sh) = self.site_shape(cache.b, key) {
            // The dict has the shape the cache recorded: the attribute is
            // at the position, no key to check. Any other shape checks
            // the key (cold).
            let same = self.icmp_imm(Cmp::Eq, shp, sh as i64);
            let fast = self.new_block();
            let keyed = self.cold_block();
            self.f.set_term(self.cur, Terminator::Branch { cond: same, then: (fast, vec![]), els: (keyed, vec![]) });
            self.cur = fast;
            let a = self.entry_value_at(ents, pos);
            self.op(Op::SetVar(addr_l), [a]);
            self.op(Op::SetVar(ver_l), [ver]);
            self.f.set_term(self.cur, Terminator::Jump(join, vec![]));
            self.cur = keyed;
        }
        let a = self.cached_entry_value(ents, len, pos as u64, key, slow);
        self.op(Op::SetVar(addr_l), [a]);
        self.op(Op::SetVar(ver_l), [ver]);
        self.f.set_term(self.cur, Terminator::Jump(join, vec![]));
        // Another class of the hierarchy, or another position: the
        // cached position checked natively when the class is plain, else
        // the helper.
        self.cur = slow;
        let a = self.hierarchy_addr(pc, o, attr_pos(cache.b) as u64, key, store);
        let miss = self.icmp_imm(Cmp::Eq, a, 0);
        self.guard_zero(miss, x);
        let inst = self.load(self.base, Self::slot_off(o) + 8);
        let cls = self.load(inst, dd + std::mem::offset_of!(InstanceObj, class) as i32 + 8);
        let ver = self.load(cls, dd + std::mem::offset_of!(ClassObj, version) as i32);
        self.op(Op::SetVar(addr_l), [a]);
        self.op(Op::SetVar(ver_l), [ver]);
        if let Some((el, ll, vl, sl)) = new_dict_fact {
            // (The helper found the attribute in the instance dict.) The
            // length and shape are remembered as 0 unless the class
            // version is the one the fact is checked for (see
            // `Fact::Dict`).
            let dict = self.load(inst, dd + std::mem::offset_of!(InstanceObj, dict) as i32);
            let ents = self.load(dict, dd + pofs as i32);
            let len = self.load(dict, dd + lofs as i32);
            let shp = self.load(dict, dd + DictObj::shape_offset() as i32);
            let same = self.icmp_imm(Cmp::Eq, ver, cache.a as i64);
            let zero = self.iconst(0);
            let len = self.op1(Op::Select, [same, len, zero]);
            let shp = self.op1(Op::Select, [same, shp, zero]);
            self.op(Op::SetVar(el), [ents]);
            self.op(Op::SetVar(ll), [len]);
            self.op(Op::SetVar(vl), [ver]);
            self.op(Op::SetVar(sl), [shp]);
        }
        self.f.set_term(self.cur, Terminator::Jump(join, vec![]));
        self.cur = join;
        self.facts.insert((o, key, store), Fact::Attr { addr: addr_l, version: ver_l });
        if let Some((entries, len, version, shape)) = new_dict_fact {
            self.facts.insert((o, 0, false), Fact::Dict { entries, len, version, checked: cache.a, shape });
        }
        Some(self.op1(Op::GetVar(addr_l), []))
    }

    fn attr_load(&mut self, pc: usize, ins: &Instr, d: usize, o: usize) -> TResult<Flow> {
        if self.is_generic(pc) {
            return self.generic(pc, ins);
        }
        // The receiver must be in its slot (both paths read it there). The
        // destination need not be: its slot always holds a valid value
        // (unboxed numbers leave an older one there), which the slow path
        // overwrites, and both paths leave `d`'s state decided below.
        self.mem(o);
        let bits = if self.opts.has("speculate") { self.profile(pc) } else { 0 };
        let num = if self.opts.has("unbox") { spec_num(bits) } else { None };
        // An unboxed result leaves the slot as it was (fast path) or holding
        // the number (slow path): no object to release either way when the
        // slot held none.
        let kept = self.st[d].slot_mem().filter(|m| !is_heap_tag(*m));
        if let Some(addr) = self.attr_address_strict(pc, o) {
            match num {
                Some((t, tg)) => {
                    if let Some((sh, _)) = self.shape_kind(pc, o).filter(|&(_, k)| k == tg) {
                        // The attribute's kind is the number's tag: no tag
                        // to check, once the shape's kinds are known
                        // unchanged.
                        self.kind_version_guard(pc, sh);
                        let v = self.load_payload(addr, t);
                        match t {
                            T::Float => self.set_f(d, v),
                            _ => self.set_i(d, v),
                        }
                    } else {
                        let x = self.exit(ExitKind::Guard, pc, "attribute type");
                        self.unbox_into(addr, t, tg, x, d);
                    }
                    self.st[d] = RS { t, clean: false, mem: kept };
                    let key = self.attr_key(pc);
                    self.facts.insert(plain_key(o, key), Fact::Plain(tg));
                }
                None => {
                    self.copy_to_reg(d, addr, None);
                    self.clobber(d);
                    self.speculate(d, pc, pc + 1);
                }
            }
            return Ok(Flow::Next);
        }
        let addr = self.attr_address(pc, o);
        let miss = self.icmp_imm(Cmp::Eq, addr, 0);
        let fast = self.new_block();
        let slow = self.cold_block();
        let join = self.new_block();
        self.f.set_term(self.cur, Terminator::Branch { cond: miss, then: (slow, vec![]), els: (fast, vec![]) });
        let before = self.st.clone();
        // Slow path: the interpreter's attribute access, which wrote `d`'s
        // slot (an exit there must not write the register's older value
        // back over it).
        self.cur = slow;
        self.exec_here(pc);
        self.clobber(d);
        if let Some((t, tg)) = num {
            let x = self.exit(ExitKind::GuardAfter, pc + 1, "attribute type");
            let da = self.slot_addr(d);
            self.unbox_into(da, t, tg, x, d);
        }
        self.f.set_term(self.cur, Terminator::Jump(join, vec![]));
        // Fast path: the value where the cache says.
        self.cur = fast;
        self.st = before;
        if let Some((t, tg)) = num {
            let x = self.exit(ExitKind::Guard, pc, "attribute type");
            self.unbox_into(addr, t, tg, x, d);
        } else {
            self.copy_to_reg(d, addr, None);
        }
        self.f.set_term(self.cur, Terminator::Jump(join, vec![]));
        self.cur = join;
        match num {
            // The number is in the IR local on both paths; the slot is
            // stale on the fast one.
            // (The slow path wrote the number's tag into the slot.)
            Some((t, tg)) => self.st[d] = RS { t, clean: false, mem: kept.map(|m| if m == tg { m } else { NONHEAP }) },
            None => {
                self.clobber(d);
                self.speculate(d, pc, pc + 1);
            }
        }
        Ok(Flow::Next)
    }

    fn attr_store(&mut self, pc: usize, ins: &Instr, o: usize, s: usize) -> TResult<Flow> {
        if self.is_generic(pc) {
            return self.generic(pc, ins);
        }
        self.mem(o);
        // Whether the value being replaced is known to be a number; then
        // no register keeps that knowledge about this name (see
        // `Fact::Plain`).
        let key = self.attr_key(pc);
        let plain = match self.facts.get(&plain_key(o, key)) {
            Some(&Fact::Plain(t)) => Some(t),
            _ => None,
        };
        self.facts.retain(|k, _| k.1 != !key);
        if let Some(addr) = self.attr_address_strict(pc, o) {
            let kind = self.shape_kind(pc, o).map(|(_, k)| k);
            self.note_kind_store(pc, addr, s, kind, KindOwner::Instance(o));
            self.store_value_at_plain(addr, s, plain);
            if self.st[s].t.is_num() {
                self.facts.insert(plain_key(o, key), Fact::Plain(num_tag(self.st[s].t)));
            }
            return Ok(Flow::Next);
        }
        if self.code().cache(pc).a == 0 {
            // No cached position (a new attribute, as in `__init__`): the
            // plain store helper, else the generic path.
            self.mem(s);
            self.store_attr_call(pc, o, s);
            return Ok(Flow::Next);
        }
        let addr = self.attr_address(pc, o);
        let miss = self.icmp_imm(Cmp::Eq, addr, 0);
        let fast = self.new_block();
        let slow = self.cold_block();
        let join = self.new_block();
        self.f.set_term(self.cur, Terminator::Branch { cond: miss, then: (slow, vec![]), els: (fast, vec![]) });
        let before = self.st.clone();
        self.cur = slow;
        // Only the slow path reads the stored value from its slot (the
        // fast path stores an unboxed number directly); the state this
        // leaves is dropped below, so `s` stays as it was on the fast path.
        self.mem(s);
        self.store_attr_call(pc, o, s);
        self.f.set_term(self.cur, Terminator::Jump(join, vec![]));
        self.cur = fast;
        self.st = before;
        self.note_kind_store(pc, addr, s, None, KindOwner::Instance(o));
        self.store_value_at(addr, s);
        self.f.set_term(self.cur, Terminator::Jump(join, vec![]));
        self.cur = join;
        Ok(Flow::Next)
    }

    /// The kind (`dict::shape::kind_of`) of the attribute instruction `pc`
    /// accesses on the object in register `o`, when the object's dict
    /// shape is known (`Fact::Shaped`) and `--jit-opt kinds` is on.
    fn shape_kind(&self, pc: usize, o: usize) -> Option<(u64, u8)> {
        if !self.opts.has("kinds") {
            return None;
        }
        let Some(Fact::Shaped { shape, .. }) = self.facts.get(&(o, 0, false)).copied() else {
            return None;
        };
        let key = self.attr_key(pc);
        let p = crate::objects::dict::shape::position(shape, key as u64)?;
        Some((shape, crate::objects::dict::shape::kind_of(shape, p)))
    }

    /// Checks (once until a helper may have stored into a dict:
    /// `Fact::KindVersion`) that none of shape `sh`'s kinds became mixed
    /// since compilation, leaving at `pc` otherwise.
    fn kind_version_guard(&mut self, pc: usize, sh: u64) {
        let key = kind_fact(sh);
        if self.facts.contains_key(&key) {
            return;
        }
        let x = self.exit(ExitKind::Guard, pc, KIND_GUARD);
        self.check_kind_version(sh, x);
        self.facts.insert(key, Fact::KindVersion);
    }

    /// Guards (leaving to `fail`) that shape `sh`'s kinds version is what
    /// it is now (`dict::shape::kind_version`).
    fn check_kind_version(&mut self, sh: u64, fail: BlockId) {
        // (A shape a fact names is a node of the tree: it has a version.)
        let (v, at) = crate::objects::dict::shape::kind_version(sh).expect("a shape of the tree");
        let a = self.iconst(at as i64);
        let e = self.load(a, 0);
        let ok = self.icmp_imm(Cmp::Eq, e, v as i64);
        self.guard_nonzero(ok, fail);
    }

    /// Keeps the kinds true (`dict::shape::note`) for the store of
    /// register `s`'s value at `addr`, a dict entry (of the instance in a
    /// register, or of a known dict), about to be compiled: nothing when
    /// the kind there (`kind`, when the shape is known) is mixed or is
    /// the value's known tag; else when the value's tag differs from the
    /// one it replaces, a cold helper call notes it, and leaves (the
    /// interpreter then makes the store) when a kind became mixed — the
    /// code after may rely on it. Only with `--jit-opt kinds` (no code
    /// relies on kinds without it; the VM's own stores always note).
    fn note_kind_store(&mut self, pc: usize, addr: Var, s: usize, kind: Option<u8>, owner: KindOwner) {
        use crate::objects::dict::shape::KIND_MIXED;
        if !self.opts.has("kinds") {
            return;
        }
        let known = self.known_tag(self.st[s].t);
        // Only number kinds are relied on, and a kind that is not one
        // never becomes one (kinds only join): a store matters when it
        // replaces a number by a value of another tag.
        let is_num = |t: u8| (tag::BOOL..=tag::FLOAT).contains(&t);
        if kind.is_some_and(|k| k == KIND_MIXED || !is_num(k) || Some(k) == known) {
            return;
        }
        let new = match known {
            Some(tg) => self.iconst(tg as i64),
            None => {
                self.mem(s);
                let sa = self.slot_addr(s);
                self.load(sa, 0)
            }
        };
        let old = self.load(addr, 0);
        let note = self.cold_block();
        let cont = self.new_block();
        // The hot path makes one test: is the old value a number (when
        // the new one is known not to be), or does the tag change (the
        // other test then on the cold path).
        let was_num = |tr: &mut Self| {
            let lo = tr.iconst(tag::BOOL as i64);
            let rel = tr.op1(Op::ISub, [old, lo]);
            let n = tr.iconst((tag::FLOAT - tag::BOOL + 1) as i64);
            tr.icmp(Cmp::Ult, rel, n)
        };
        if known.is_some_and(|k| !is_num(k)) {
            let need = was_num(self);
            self.f.set_term(self.cur, Terminator::Branch { cond: need, then: (note, vec![]), els: (cont, vec![]) });
        } else {
            let other = self.icmp(Cmp::Ne, old, new);
            let changed = self.cold_block();
            self.f.set_term(self.cur, Terminator::Branch { cond: other, then: (changed, vec![]), els: (cont, vec![]) });
            self.cur = changed;
            let need = was_num(self);
            self.f.set_term(self.cur, Terminator::Branch { cond: need, then: (note, vec![]), els: (cont, vec![]) });
        }
        self.cur = note;
        let x = self.exit(ExitKind::Guard, pc, KIND_GUARD);
        let mixed = match owner {
            KindOwner::Instance(o) => {
                let oa = self.slot_addr(o);
                self.call(helpers::kind_store as *const () as usize, "kind_store", [oa, addr, new])
            }
            KindOwner::Dict(d) => {
                let da = self.iconst(d as i64);
                self.call(helpers::kind_store_dict as *const () as usize, "kind_store_dict", [da, addr, new])
            }
        };
        self.guard_zero(mixed, x);
        self.f.set_term(self.cur, Terminator::Jump(cont, vec![]));
        self.cur = cont;
    }

    /// `for x in range(...)` with int arguments: the `Call` and the
    /// `GetIter` after it make the range iterator directly (no range
    /// object, no generic call), its fields already in IR locals. None when
    /// the pattern does not apply.
    fn range_loop(&mut self, pc: usize, fr: usize, nargs: u16) -> TResult<Option<Flow>> {
        let code = self.code();
        if !self.opts.has("iter") || self.is_generic(pc) || !(1..=3).contains(&nargs) {
            return Ok(None);
        }
        let Some(&Instr::GetIter { dst, src }) = code.instrs.get(pc + 1) else {
            return Ok(None);
        };
        // (The GetIter is translated here: it must not start a block.)
        if self.abs(src) != fr || self.abs(dst) != fr || code.instrs.iter().any(|i| i.targets() == Some(pc as u32 + 1)) {
            return Ok(None);
        }
        if (0..nargs as usize).any(|i| self.num(fr + 1 + i) != Some(T::Int)) {
            return Ok(None);
        }
        let v: Vec<Var> = (0..nargs as usize).map(|i| self.get_i(fr + 1 + i)).collect();
        let (start, stop, step) = match nargs {
            1 => (self.iconst(0), v[0], self.iconst(1)),
            2 => (v[0], v[1], self.iconst(1)),
            _ => (v[0], v[1], v[2]),
        };
        if nargs == 3 {
            // range() raises for a zero step: the interpreter does that.
            let zero = self.icmp_imm(Cmp::Eq, step, 0);
            let x = self.exit(ExitKind::Guard, pc, "range step is zero");
            self.guard_zero(zero, x);
        }
        // The compiled `ForIter` steps without overflow checks: `stop +
        // step` must fit in an int64 (else the interpreter iterates).
        let past = self.op(Op::IAddOv, [stop, step]);
        let x = self.exit(ExitKind::Guard, pc, "range end near the int64 limits");
        self.guard_zero(past[1], x);
        self.mem(fr);
        let da = self.slot_addr(fr);
        let np = self.call(helpers::range_iter as *const () as usize, "range_iter", [da, start, stop, step]);
        let [pn, pstop, pstep] = self.aux(fr);
        self.op(Op::SetVar(pn), [np]);
        self.op(Op::SetVar(pstop), [stop]);
        self.op(Op::SetVar(pstep), [step]);
        let pos_l = self.aux_n(fr, 4)[3];
        self.op(Op::SetVar(pos_l), [start]);
        self.st[fr] = RS::mem_type(T::RangeIter(true));
        self.skip = true;
        Ok(Some(Flow::Next))
    }

    /// `GetItem` (`d` the destination) or `SetItem` (`d` the stored value)
    /// on operands of types not known here: the common cases that run no
    /// Python code (a dict with a str key, a list or tuple with an int
    /// index) by a helper, the rest through the interpreter.
    fn item_fast(&mut self, pc: usize, o: usize, k: usize, d: usize, get: bool) -> TResult<Flow> {
        for r in [o, k, d] {
            self.mem(r);
        }
        let (oa, ka, da) = (self.slot_addr(o), self.slot_addr(k), self.slot_addr(d));
        let r = if get {
            self.call(helpers::getitem_fast as *const () as usize, "getitem_fast", [oa, ka, da])
        } else {
            self.call(helpers::setitem_fast as *const () as usize, "setitem_fast", [oa, ka, da])
        };
        self.or_generic(pc, r);
        if get {
            self.clobber(d);
            self.speculate(d, pc, pc + 1);
        }
        Ok(Flow::Next)
    }

    /// `obj.name = src` (both in their slots) through the plain store
    /// helper, or generically when that would run Python code.
    fn store_attr_call(&mut self, pc: usize, o: usize, s: usize) {
        let oa = self.slot_addr(o);
        let sa = self.slot_addr(s);
        let c = self.iconst(self.level().code as i64);
        let p = self.iconst(pc as i64);
        let r = self.call(helpers::store_attr_plain as *const () as usize, "store_attr_plain", [self.ctx, oa, sa, c, p]);
        let generic = self.cold_block();
        let join = self.new_block();
        self.f.set_term(self.cur, Terminator::Branch { cond: r, then: (generic, vec![]), els: (join, vec![]) });
        self.cur = generic;
        self.exec_here(pc);
        self.f.set_term(self.cur, Terminator::Jump(join, vec![]));
        self.cur = join;
    }

    /// `dst = list[key]` with a bounds guard.
    fn list_get(&mut self, pc: usize, o: usize, k: usize, d: usize) {
        let bits = if self.opts.has("speculate") && !self.is_generic(pc) { self.profile(pc) } else { 0 };
        if let (Some((t, _)), true) = (spec_num(bits), self.opts.has("unbox")) {
            if let Some((items, j)) = self.list_fact_at(pc, o, k, kind_of_num(t)) {
                let v = self.typed_elem(items, j, t);
                self.def_num(d, t, v);
                self.settle(d);
                return;
            }
        }
        let (l, items, idx) = self.list_index(pc, o, k);
        self.list_element_to(pc, l, items, idx, d, None);
    }

    /// The storage kind byte (`list::kind`) of the list object at `l`.
    fn list_kind(&mut self, l: Var) -> Var {
        let off = (crate::objects::rc::DATA_OFFSET + crate::objects::list::LIST_KIND_OFFSET) as i32;
        self.op1(Op::Load8 { off }, [l])
    }

    /// Stores the number in register `s` (of type `st`) as the raw payload
    /// of element `i` of a typed list's storage at `items` (8 bytes, one
    /// for bools).
    fn store_payload(&mut self, items: Var, i: Var, st: T, s: usize) {
        match st {
            T::Float => {
                let a = self.elem_addr(items, i, 8);
                let v = self.get_f(s);
                self.store(a, 0, v);
            }
            T::Bool => {
                let a = self.elem_addr(items, i, 1);
                let v = self.get_i(s);
                self.op(Op::Store8 { off: 0 }, [a, v]);
            }
            _ => {
                let a = self.elem_addr(items, i, 8);
                let v = self.get_i(s);
                self.store(a, 0, v);
            }
        }
    }

    /// Element `i` of typed storage `items` holding `t`s raw (8 bytes, one
    /// for bools).
    fn typed_elem(&mut self, items: Var, i: Var, t: T) -> Var {
        match t {
            T::Bool => {
                let a = self.elem_addr(items, i, 1);
                self.op1(Op::Load8 { off: 0 }, [a])
            }
            T::Float => {
                let a = self.elem_addr(items, i, 8);
                self.loadf(a, 0)
            }
            _ => {
                let a = self.elem_addr(items, i, 8);
                self.load(a, 0)
            }
        }
    }

    /// Address of element `i` of storage `items` whose elements are
    /// `size` bytes.
    fn elem_addr(&mut self, items: Var, i: Var, size: i64) -> Var {
        if size == 1 {
            return self.op1(Op::IAdd, [items, i]);
        }
        let s = self.iconst(size);
        let off = self.op1(Op::IMul, [i, s]);
        self.op1(Op::IAdd, [items, off])
    }

    /// Element `i` (in bounds) of the list whose kind byte is `k` and
    /// storage `items`, as an unboxed `t`: read raw from typed storage of
    /// that kind, or from a value of tag `tg` in generic storage; any other
    /// kind or tag goes to `exit` (nothing is committed before).
    fn list_num(&mut self, k: Var, items: Var, i: Var, t: T, tg: u8, exit: BlockId) -> Var {
        use crate::objects::list::kind;
        let out = self.f.new_local(if t == T::Float { Ty::F64 } else { Ty::I64 });
        let want = match t {
            T::Int => kind::INT,
            T::Float => kind::FLOAT,
            _ => kind::BOOL,
        };
        let typed = self.next_block();
        let generic = self.cold_block();
        let join = self.next_block();
        let is_typed = self.icmp_imm(Cmp::Eq, k, want as i64);
        self.f.set_term(self.cur, Terminator::Branch { cond: is_typed, then: (typed, vec![]), els: (generic, vec![]) });
        self.cur = typed;
        let v = self.typed_elem(items, i, t);
        self.op(Op::SetVar(out), [v]);
        self.f.set_term(self.cur, Terminator::Jump(join, vec![]));
        self.cur = generic;
        let is_obj = self.icmp_imm(Cmp::Eq, k, kind::OBJ as i64);
        self.guard_nonzero(is_obj, exit);
        let ea = self.elem_addr(items, i, 16);
        let tv = self.load(ea, 0);
        let ok = self.icmp_imm(Cmp::Eq, tv, tg as i64);
        self.guard_nonzero(ok, exit);
        let v = self.load_payload(ea, t);
        self.op(Op::SetVar(out), [v]);
        self.f.set_term(self.cur, Terminator::Jump(join, vec![]));
        self.cur = join;
        self.op1(Op::GetVar(out), [])
    }

    /// Copies element `i` (in bounds) of the list object `l` (storage
    /// `items`) into register `d` (see `value_to`): typed storage is read
    /// raw when the profile of `pc` expects its kind, else a helper makes
    /// the value.
    fn list_element_to(&mut self, pc: usize, l: Var, items: Var, i: Var, d: usize, commit: Option<Commit>) {
        let bits = if self.opts.has("speculate") && !self.is_generic(pc) { self.profile(pc) } else { 0 };
        let num = if self.opts.has("unbox") { spec_num(bits) } else { None };
        let k = self.list_kind(l);
        if let Some((t, tg)) = num {
            let x = self.exit(ExitKind::Guard, pc, "element type");
            let v = self.list_num(k, items, i, t, tg, x);
            if let Some(c) = commit {
                self.commit(c);
            }
            self.def_num(d, t, v);
            self.settle(d);
            return;
        }
        if let Some(c) = commit {
            self.commit(c);
        }
        self.list_item_to_slot(l, k, items, i, d);
        self.speculate(d, pc, pc + 1);
    }

    /// Element `i` (in bounds) of the list `l` (kind byte `k`, storage
    /// `items`) into register `d`'s slot: copied from generic storage, made
    /// by a helper from typed storage. `d` is left clobbered.
    fn list_item_to_slot(&mut self, l: Var, k: Var, items: Var, i: Var, d: usize) {
        let generic = self.next_block();
        let typed = self.cold_block();
        let join = self.next_block();
        let is_obj = self.icmp_imm(Cmp::Eq, k, crate::objects::list::kind::OBJ as i64);
        self.f.set_term(self.cur, Terminator::Branch { cond: is_obj, then: (generic, vec![]), els: (typed, vec![]) });
        self.cur = generic;
        let ea = self.elem_addr(items, i, 16);
        let da = self.slot_addr(d);
        self.copy_value(da, ea);
        self.f.set_term(self.cur, Terminator::Jump(join, vec![]));
        self.cur = typed;
        let da = self.slot_addr(d);
        self.call_void(helpers::list_item_to as *const () as usize, "list_item_to", [l, i, da]);
        self.f.set_term(self.cur, Terminator::Jump(join, vec![]));
        self.cur = join;
        self.clobber(d);
    }

    /// `list.append(src)` of a comprehension (`ListAppend`): a number
    /// goes straight into spare capacity of typed storage of its kind;
    /// anything else through a helper (`ListObj::push`).
    fn list_append(&mut self, lr: usize, s: usize) {
        use crate::objects::list::{kind, LIST_CAP_OFFSET, LIST_LEN_OFFSET, LIST_PTR_OFFSET};
        let data = crate::objects::rc::DATA_OFFSET as i32;
        let l = self.load(self.base, Self::slot_off(lr) + 8);
        self.num(s);
        let st = self.st[s].t;
        let want = match st {
            T::Int => kind::INT,
            T::Float => kind::FLOAT,
            T::Bool => kind::BOOL,
            _ => {
                self.mem(s);
                let sa = self.slot_addr(s);
                self.call_void(helpers::list_append as *const () as usize, "list_append", [l, sa]);
                return;
            }
        };
        // Appending a number runs no Python code: cell facts hold after
        // it, and list facts once their lengths are reloaded (another
        // register may hold this list), and, after the helper (which may
        // move the storage or change its kind), their storage and kind.
        // (An iterator's list is known while its fact lives: its type does
        // not change without a write of its register, which drops it.)
        let kept: Facts = self
            .facts
            .iter()
            .filter(|(k, f)| match f {
                Fact::Cell { .. } => true,
                Fact::List { .. } => k.1 == LIST_FACT || iter_list(self.st[k.0].t, k.1).is_some(),
                _ => false,
            })
            .map(|(k, f)| (*k, *f))
            .collect();
        let lists: Vec<(usize, i64, LocalId, LocalId, u8)> = kept
            .iter()
            .filter_map(|(k, f)| match *f {
                Fact::List { items, len, kind } => Some((k.0, k.1, items, len, kind)),
                _ => None,
            })
            .collect();
        let join = self.next_block();
        let slow = self.cold_block();
        let fast = self.next_block();
        let k = self.list_kind(l);
        let len = self.load(l, data + LIST_LEN_OFFSET as i32);
        let cap = self.load(l, data + LIST_CAP_OFFSET as i32);
        let is_kind = self.icmp_imm(Cmp::Eq, k, want as i64);
        let room = self.icmp(Cmp::Ult, len, cap);
        let ok = self.op1(Op::IAnd, [is_kind, room]);
        self.f.set_term(self.cur, Terminator::Branch { cond: ok, then: (fast, vec![]), els: (slow, vec![]) });
        self.cur = fast;
        let items = self.load(l, data + LIST_PTR_OFFSET as i32);
        self.store_payload(items, len, st, s);
        let one = self.iconst(1);
        let len1 = self.op1(Op::IAdd, [len, one]);
        self.store(l, data + LIST_LEN_OFFSET as i32, len1);
        for &(r, key, _, ln, _) in &lists {
            if let Some(p) = self.fact_list(r, key) {
                let n = self.load(p, data + LIST_LEN_OFFSET as i32);
                self.op(Op::SetVar(ln), [n]);
                self.forget_index_facts(ln);
            }
        }
        self.f.set_term(self.cur, Terminator::Jump(join, vec![]));
        self.cur = slow;
        let tg = self.iconst(num_tag(st) as i64);
        let v = if st == T::Float {
            let f = self.get_f(s);
            self.op1(Op::FBits, [f])
        } else {
            self.get_i(s)
        };
        self.call_void(helpers::list_append_num as *const () as usize, "list_append_num", [l, tg, v]);
        if !lists.is_empty() {
            // (The append is done: a failing guard resumes after it.)
            let x = self.exit(ExitKind::Guard, self.pc + 1, "list storage kind");
            for &(r, key, it, ln, kind) in &lists {
                let Some(p) = self.fact_list(r, key) else { continue };
                self.load_list_fact(p, kind, x, it, ln);
            }
        }
        self.f.set_term(self.cur, Terminator::Jump(join, vec![]));
        self.cur = join;
        self.facts = kept;
    }

    /// `CallMethod` at `pc` (callee in `b`, receiver in `b + 1`) when it
    /// is `list.append(x)` or `list.pop([i])` on a list: the append
    /// natively (`list_append`), the pop by a direct helper (an empty list
    /// or an index out of range runs the call generically, which raises).
    /// The receiver and argument temporaries are then dropped, as the call
    /// would. False for any other call.
    fn list_method(&mut self, pc: usize, b: usize, nargs: u16) -> bool {
        use crate::builtins::types_seq;
        let T::Const(c) = self.st[b].t else { return false };
        let Value::Builtin(bf) = self.konst(c) else { return false };
        if !self.opts.has("builtins") || !self.opts.has("list") || self.st[b + 1].t != T::Tag(tag::LIST) || self.is_generic(pc) {
            return false;
        }
        let f = bf.func as *const ();
        if std::ptr::eq(f, types_seq::append as *const ()) && nargs == 1 {
            self.list_append(b + 1, b + 2);
            self.def_value(b, &Value::None);
        } else if std::ptr::eq(f, types_seq::pop as *const ()) && nargs <= 1 {
            let at = if nargs == 0 {
                self.iconst(i64::MIN)
            } else if self.num(b + 2) == Some(T::Int) {
                self.get_i(b + 2)
            } else {
                return false;
            };
            // (In memory: the generic call on the slow path reads them.)
            for r in b..=b + 1 + nargs as usize {
                self.mem(r);
            }
            let l = self.load(self.base, Self::slot_off(b + 1) + 8);
            let da = self.slot_addr(b);
            let r = self.call(helpers::list_pop as *const () as usize, "list_pop", [l, at, da]);
            self.or_generic(pc, r);
            self.clobber(b);
            self.speculate(b, pc, pc + 1);
        } else {
            return false;
        }
        for r in b + 1..=b + 1 + nargs as usize {
            self.consume(r);
        }
        true
    }

    /// The list object, the address of its items and the normalised
    /// index (guarded).
    fn list_index(&mut self, pc: usize, o: usize, k: usize) -> (Var, Var, Var) {
        let p = self.load(self.base, Self::slot_off(o) + 8);
        let data = crate::objects::rc::DATA_OFFSET as i32;
        let len = self.load(p, data + crate::objects::list::LIST_LEN_OFFSET as i32);
        let j = self.checked_index(pc, k, len);
        let items = self.load(p, data + crate::objects::list::LIST_PTR_OFFSET as i32);
        (p, items, j)
    }

    /// `list[key] = src` with a bounds guard: a number goes raw into
    /// typed storage of its kind (which owns nothing: no release), any
    /// value into generic storage; other cases through `list_store`
    /// (which generalizes the list when the value does not fit).
    fn list_set(&mut self, pc: usize, o: usize, k: usize, s: usize) {
        use crate::objects::list::kind;
        self.num(s);
        let st = self.st[s].t;
        if st.is_num() {
            if let Some((items, j)) = self.list_fact_at(pc, o, k, kind_of_num(st)) {
                self.store_payload(items, j, st, s);
                return;
            }
        }
        let (l, items, j) = self.list_index(pc, o, k);
        let kd = self.list_kind(l);
        let want = match st {
            T::Int => Some(kind::INT),
            T::Float => Some(kind::FLOAT),
            T::Bool => Some(kind::BOOL),
            _ => None,
        };
        if want.is_none() {
            self.mem(s);
        }
        let join = self.next_block();
        let slow = self.cold_block();
        if let Some(w) = want {
            let typed = self.next_block();
            let rest = self.next_block();
            let is_typed = self.icmp_imm(Cmp::Eq, kd, w as i64);
            self.f.set_term(self.cur, Terminator::Branch { cond: is_typed, then: (typed, vec![]), els: (rest, vec![]) });
            self.cur = typed;
            self.store_payload(items, j, st, s);
            self.f.set_term(self.cur, Terminator::Jump(join, vec![]));
            self.cur = rest;
        }
        let generic = self.next_block();
        let is_obj = self.icmp_imm(Cmp::Eq, kd, kind::OBJ as i64);
        self.f.set_term(self.cur, Terminator::Branch { cond: is_obj, then: (generic, vec![]), els: (slow, vec![]) });
        self.cur = generic;
        let ea = self.elem_addr(items, j, 16);
        self.store_value_at(ea, s);
        self.f.set_term(self.cur, Terminator::Jump(join, vec![]));
        self.cur = slow;
        if want.is_some() {
            // The number itself (its slot may be stale).
            let tg = self.iconst(num_tag(st) as i64);
            let v = if st == T::Float {
                let f = self.get_f(s);
                self.op1(Op::FBits, [f])
            } else {
                self.get_i(s)
            };
            self.call_void(helpers::list_store_num as *const () as usize, "list_store_num", [l, j, tg, v]);
        } else {
            let sa = self.slot_addr(s);
            self.call_void(helpers::list_store as *const () as usize, "list_store", [l, j, sa]);
        }
        self.f.set_term(self.cur, Terminator::Jump(join, vec![]));
        self.cur = join;
    }

    fn call_instr(&mut self, pc: usize, ins: &Instr, func: Reg, nargs: u16, kw_names: &[String]) -> TResult<Flow> {
        let fr = self.abs(func);
        if kw_names.is_empty()
            && matches!(self.st[fr].t, T::Any | T::Tag(tag::FUNCTION))
            && self.opts.has("inline")
            && self.opts.has("samecode")
            && !self.is_generic(pc)
            && matches!(ins, Instr::Call { .. })
        {
            if let Some(flow) = self.inline_same_code(pc, func, nargs)? {
                return Ok(flow);
            }
        }
        if let (T::Bound(k, this), true) = (self.st[fr].t, self.opts.has("inline") && !self.is_generic(pc)) {
            // A bound method held in a variable (`add = acc.add`): its
            // function is known, its `self` is read from it.
            if let (Value::Function(f), tag::INSTANCE) = (self.konst(k).clone(), this) {
                let fval = Value::Function(f.clone());
                if let Some(flow) = self.inline_call(pc, &f, &fval, Some(ArgSrc::SelfOf(fr, this)), func, nargs, kw_names)? {
                    return Ok(flow);
                }
            }
        }
        if let T::Const(c) = self.st[fr].t {
            let callee = self.konst(c).clone();
            match &callee {
                Value::Function(f) if self.opts.has("inline") && !self.is_generic(pc) => {
                    if let Some(flow) = self.inline_call(pc, f, &callee, None, func, nargs, kw_names)? {
                        return Ok(flow);
                    }
                }
                Value::Method(m) if self.opts.has("inline") && !self.is_generic(pc) => {
                    // A bound method known as a constant: `self` is known.
                    if let (Value::Function(f), this @ Value::Instance(_)) = (&m.func, &m.this) {
                        let fval = Value::Function(f.clone());
                        self.intern(&fval);
                        if let Some(flow) = self.inline_call(pc, f, &fval, Some(ArgSrc::Value(this.clone())), func, nargs, kw_names)? {
                            return Ok(flow);
                        }
                    }
                }
                Value::Class(cls) if self.opts.has("inline") && !self.is_generic(pc) => {
                    if let Some(init) = self.vm.simple_init(cls) {
                        if let Some(flow) = self.try_construct(pc, cls, &init, func, nargs, kw_names.to_vec())? {
                            return Ok(flow);
                        }
                    }
                }
                Value::Builtin(_) if kw_names.is_empty() && self.opts.has("builtins") && self.native_builtin(pc, &callee, func, nargs) => {
                    return Ok(Flow::Next);
                }
                _ => {}
            }
            if let Value::Class(cls) = &callee {
                let a = fr + 1;
                if PyRef::ptr_eq(cls, &self.vm.types.list)
                    && nargs == 1
                    && kw_names.is_empty()
                    && self.opts.has("builtins")
                    && matches!(self.st[a].t, T::Tag(tag::LIST) | T::Tag(tag::TUPLE))
                {
                    // `list(xs)` of a list or tuple: a copy, by a helper
                    // that cannot fail.
                    self.mem(fr);
                    let (sa, da) = (self.slot_addr(a), self.slot_addr(fr));
                    self.call_void(helpers::list_copy as *const () as usize, "list_copy", [sa, da]);
                    self.st[fr] = RS::mem_type(T::Tag(tag::LIST));
                    return Ok(Flow::Next);
                }
                // `int(s)`, `float(s)`, `str(x)` of anything but a number the
                // translator knows: the conversion itself through a helper
                // (`convert1`), not the generic call of a type.
                let which = [&self.vm.types.int, &self.vm.types.float, &self.vm.types.str_].iter().position(|t| PyRef::ptr_eq(cls, t));
                if let (Some(w), 1, true, true) = (which, nargs, kw_names.is_empty(), self.opts.has("builtins")) {
                    if !self.is_generic(pc) && matches!(self.st[a].t, T::Tag(_) | T::Any) && self.num(a).is_none() {
                        self.mem(fr);
                        self.mem(a);
                        let (sa, da) = (self.slot_addr(a), self.slot_addr(fr));
                        let (wv, p) = (self.iconst(w as i64), self.iconst(self.root_pc() as i64));
                        let st = self.call(helpers::convert1 as *const () as usize, "convert1", [self.ctx, wv, sa, da, p]);
                        self.check_status(st);
                        self.consume(a);
                        self.clobber(fr);
                        if w == 1 {
                            self.st[fr] = RS::mem_type(T::Tag(tag::FLOAT));
                        } else {
                            self.speculate(fr, pc, pc + 1);
                        }
                        return Ok(Flow::Next);
                    }
                }
            }
            let builtin =
                |name: &str| kw_names.is_empty() && self.vm.builtins.get_str(name).is_some_and(|r| r.words()[1] == callee.words()[1]);
            // range(...) always gives a range (or raises).
            if builtin("range") {
                if let Some(flow) = self.range_loop(pc, fr, nargs)? {
                    return Ok(flow);
                }
                let flow = self.generic(pc, ins)?;
                self.st[fr] = RS::mem_type(T::Tag(tag::RANGE));
                return Ok(flow);
            }
            // zip(list, ...) and enumerate(list): iterated fused with the
            // unpacking of their items.
            let lists = (0..nargs).all(|i| self.st[fr + 1 + i as usize].t == T::Tag(tag::LIST));
            let fused = if builtin("zip") && lists && (1..=4).contains(&nargs) {
                Some(T::ZipIter(nargs as u8))
            } else if builtin("enumerate") && lists && nargs == 1 {
                Some(T::EnumIter)
            } else {
                None
            };
            if let (Some(T::ZipIter(n)), true) = (fused, self.opts.has("iter") && self.opts.has("viter") && !self.is_generic(pc)) {
                // `zip(lists)`: made by a helper (no call through the
                // interpreter), its fields into the register's locals.
                let n = n as usize;
                for i in 0..=n {
                    self.mem(fr + i);
                }
                let (aa, da) = (self.slot_addr(fr + 1), self.slot_addr(fr));
                let nv = self.iconst(n as i64);
                let scratch_off = self.iconst(std::mem::offset_of!(helpers::JitCtx, scratch) as i64);
                let out = self.op1(Op::IAdd, [self.ctx, scratch_off]);
                self.call(helpers::zip_lists as *const () as usize, "zip_lists", [aa, nv, da, out]);
                let ax = self.aux_n(fr, 2 * n);
                for (i, l) in ax.iter().enumerate() {
                    let v = self.load(out, 8 * i as i32);
                    self.op(Op::SetVar(*l), [v]);
                }
                for i in 1..=n {
                    self.st[fr + i] = RS::UNDEF;
                }
                self.st[fr] = RS::mem_type(T::ZipIter(n as u8));
                return Ok(Flow::Next);
            }
            if let (Some(t), true) = (fused, self.opts.has("iter")) {
                let flow = self.generic(pc, ins)?;
                let fail = self.exit(ExitKind::GuardAfter, pc + 1, "iterator kind");
                let tv = self.load_tag(fr);
                let ok = self.icmp_imm(Cmp::Eq, tv, tag::ITER as i64);
                self.guard_nonzero(ok, fail);
                self.fused_setup(fr, t, fail);
                self.st[fr] = RS::mem_type(t);
                return Ok(flow);
            }
        }
        self.generic(pc, ins)
    }

    /// Inlines the call at `pc` of function `f` (the value `fval`) whose
    /// arguments are the call's registers after `func`, preceded by
    /// `first` (a bound method's `self`), if any. `None` when it is not
    /// inlined.
    #[allow(clippy::too_many_arguments)]
    fn inline_call(
        &mut self,
        pc: usize,
        f: &PyRef<FunctionObj>,
        fval: &Value,
        first: Option<ArgSrc>,
        func: Reg,
        nargs: u16,
        kw_names: &[String],
    ) -> TResult<Option<Flow>> {
        let fr = self.abs(func);
        let npos = nargs as usize - kw_names.len();
        let nself = first.is_some() as usize;
        let mut pos: Vec<ArgSrc> = first.into_iter().collect();
        pos.extend((1..=npos).map(|i| ArgSrc::Reg(fr + i)));
        let kw: Vec<(String, ArgSrc)> = kw_names.iter().enumerate().map(|(k, n)| (n.clone(), ArgSrc::Reg(fr + 1 + npos + k))).collect();
        if !Self::bindable(f, npos + nself, kw_names) && !self.opts.has("virtargs") {
            return Ok(None);
        }
        self.try_inline_bound(pc, f, fval, func, pos, kw, ArgMode::Move)
    }

    /// An attribute access's receiver: a known instance goes to its slot;
    /// an unknown one may be speculated to be an instance.
    fn instance_receiver(&mut self, pc: usize, o: usize) {
        if let T::Const(k) = self.st[o].t {
            if matches!(self.konst(k), Value::Instance(_)) {
                self.flush(o);
                self.st[o] = RS::mem_type(T::Tag(tag::INSTANCE));
            }
            return;
        }
        self.receiver_instance(pc, o);
    }

    /// For an attribute access whose receiver's type is unknown but whose
    /// inline cache shows the interpreter met instances there: guard that
    /// the receiver is an instance (it then stays known as one).
    fn receiver_instance(&mut self, pc: usize, o: usize) {
        if self.st[o].t != T::Any || !self.opts.has("speculate") || self.is_generic(pc) || self.code().cache(pc).a == 0 {
            return;
        }
        self.mem(o);
        let t = self.load_tag(o);
        let ok = self.icmp_imm(Cmp::Eq, t, tag::INSTANCE as i64);
        let x = self.exit(ExitKind::Guard, pc, "receiver is not an instance");
        self.guard_nonzero(ok, x);
        self.st[o] = RS::mem_type(T::Tag(tag::INSTANCE));
    }

    /// Whether calls of `callee` (with exactly its positional parameters)
    /// can be inlined here.
    fn inlinable(&self, callee: &CodeObj) -> bool {
        inlinable_code(callee, self.opts)
            && self.chain.len() < 4
            && (callee.instrs.len() <= self.budget || self.small_recursion(callee) || self.small_leaf(callee))
            && self.chain.iter().filter(|l| std::ptr::eq(l.code, callee)).count() < self.recursion_levels(callee)
    }

    /// A small leaf function called from the region's own code that the
    /// small budget still has room for (`smallbudget`).
    fn small_leaf(&self, callee: &CodeObj) -> bool {
        let n = callee.instrs.len();
        self.chain.len() == 1
            && n <= SMALL_MAX_LEN
            && n <= self.small_budget
            && !callee.instrs.iter().any(|i| {
                matches!(
                    i,
                    Instr::Call { .. }
                        | Instr::CallKw { .. }
                        | Instr::CallEx { .. }
                        | Instr::CallMethod { .. }
                        | Instr::CallMethodKw { .. }
                        | Instr::Loop { .. }
                )
            })
    }

    /// Charges an inlined body (or a constructor call standing for one)
    /// to the inlining budget, or, past it, to the small budget (see
    /// `small_leaf`).
    fn charge(&mut self, callee: &CodeObj) {
        let n = callee.instrs.len();
        if n <= self.budget {
            self.budget -= n;
        } else {
            self.small_budget = self.small_budget.saturating_sub(n);
        }
    }

    /// How often `callee` may appear in the chain of inlined frames when a
    /// call of it is inlined: once (no recursion), except that a compiled
    /// recursive function inlines two levels of its calls of itself
    /// (`recursion`), three when it is small (`small_recursion`) and
    /// self-calls are off: two thirds of the calls of `fib` then run
    /// inlined, the rest natively (`nativecall`). With self-calls
    /// (`selfcall`), a bigger function whose signature is positional
    /// parameters only is not inlined into itself at all: its self-calls
    /// cost less than the bigger code (nqueens: 5% faster, a third of
    /// the machine code).
    fn recursion_levels(&self, callee: &CodeObj) -> usize {
        if self.whole && self.opts.has("recursion") && std::ptr::eq(self.chain[0].code, callee) {
            let selfcall = self.opts.native_calls && self.opts.has("selfcall");
            if self.small_recursion(callee) {
                if selfcall {
                    3
                } else {
                    4
                }
            } else if selfcall
                && callee.flags & (code_flags::VARARGS | code_flags::VARKEYWORDS) == 0
                && callee.kwonlyargcount == 0
                && callee.freevars.is_empty()
                && self.defaults_none(callee)
            {
                1
            } else {
                3
            }
        } else {
            1
        }
    }

    /// Whether the function being compiled (`callee`, the region's own
    /// code) has no positional defaults (its calls then all pass every
    /// parameter).
    fn defaults_none(&self, callee: &CodeObj) -> bool {
        match self.vm.frames.get(self.root_fi).and_then(|f| f.func.as_ref()) {
            Some(f) if std::ptr::eq(&*f.code, callee) => f.defaults.get().is_none(),
            _ => false,
        }
    }

    /// A call of the compiled function itself, small enough that
    /// inlining it does not count against the inlining budget (at most
    /// 2 + 4 + 8 copies of 16 instructions).
    fn small_recursion(&self, callee: &CodeObj) -> bool {
        self.whole && self.opts.has("recursion") && std::ptr::eq(self.chain[0].code, callee) && callee.instrs.len() <= 16
    }

    /// `a <op> b` with an instance `a` whose class defines `__op__` as a
    /// Python function (the interpreter noted which, in the instruction's
    /// cache): the call is inlined, guarded by the class version; `b` must
    /// be of the same class or not an instance (so no reflected method of a
    /// subclass goes first). A `NotImplemented` result continues with the
    /// rest of the protocol in a helper.
    fn inline_dunder(&mut self, pc: usize, op: BinOp, dst: Reg, ra: usize, rb: usize) -> TResult<Option<Flow>> {
        if !self.opts.has("inline") || self.is_generic(pc) {
            return Ok(None);
        }
        let cache = *self.code().cache(pc);
        // (A cache whose class changed may name a freed function.)
        if cache.a == 0 || !crate::vm::types::class_version_live(cache.a) {
            return Ok(None);
        }
        self.receiver_instance(pc, ra);
        if !matches!(self.st[ra].t, T::Tag(tag::INSTANCE) | T::VInst(_)) {
            return Ok(None);
        }
        // A virtual instance's class is known: it must be the cache's.
        for r in [ra, rb] {
            if let T::VInst(k) = self.st[r].t {
                if self.vinsts[k as usize].cls.version.get() != cache.a {
                    return Ok(None);
                }
            }
        }
        // SAFETY: the cache holds the address of a function owned by the
        // dicts of a class whose version is still `cache.a` (checked above:
        // unchanged, so the function is still there; the version is guarded
        // at run time below).
        let f = unsafe { PyRef::clone_from_raw(cache.b as *const rc::ObjBox<FunctionObj>) };
        // A callee that mentions NotImplemented could return it after an
        // exit, where the interpreter would take it for the result.
        if f.code.names.iter().any(|n| n.as_str() == "NotImplemented") || f.code.consts.iter().any(|c| matches!(c, Value::NotImplemented)) {
            return Ok(None);
        }
        // `b` an instance: of the same class (checked); of another class
        // it could be a subclass whose reflected method goes first. Not
        // known to be one or not (`Any`): its tag decides at run time.
        let b_check = match self.st[rb].t {
            T::Tag(t) => (t == tag::INSTANCE).then_some(false),
            T::VInst(_) => Some(false),
            T::Any => Some(true),
            T::Const(c) if matches!(self.konst(c), Value::Instance(_)) => return Ok(None),
            _ => None,
        };
        let x = self.exit(ExitKind::Guard, pc, "operand class changed");
        let dd = crate::objects::rc::DATA_OFFSET as i32;
        let mut after = None;
        for (r, check) in [(ra, Some(false)), (rb, b_check)] {
            let Some(by_tag) = check else { continue };
            if let T::VInst(k) = self.st[r].t {
                self.vinst_class_checked(pc, k);
                continue;
            }
            if by_tag {
                self.mem(r);
                let t = self.load_tag(r);
                let is = self.icmp_imm(Cmp::Eq, t, tag::INSTANCE as i64);
                let inst = self.new_block();
                let cont = self.new_block();
                self.f.set_term(self.cur, Terminator::Branch { cond: is, then: (inst, vec![]), els: (cont, vec![]) });
                self.cur = inst;
                after = Some(cont);
            }
            let inst = self.load(self.base, Self::slot_off(r) + 8);
            let cls = self.load(inst, dd + std::mem::offset_of!(InstanceObj, class) as i32 + 8);
            let ver = self.load(cls, dd + std::mem::offset_of!(ClassObj, version) as i32);
            let ok = self.icmp_imm(Cmp::Eq, ver, cache.a as i64);
            self.guard_nonzero(ok, x);
        }
        if let Some(cont) = after {
            self.f.set_term(self.cur, Terminator::Jump(cont, vec![]));
            self.cur = cont;
        }
        let fval = Value::Function(f.clone());
        self.intern(&fval);
        // A small operator method in the region's own code is spent from
        // the small budget first (its constructor call too), the rest
        // from the inlining budget. (Not in inlined callees: a region
        // that inlines a function would grow with its operators, and its
        // inlining decisions change.)
        let old = self.budget;
        let lend =
            if f.code.instrs.len() <= SMALL_MAX_LEN && self.chain.len() == 1 { self.small_budget.min(f.code.instrs.len() + 8) } else { 0 };
        self.budget += lend;
        let flow = self.try_inline(pc, &f, &fval, dst, &[ra, rb], ArgMode::Copy);
        let used = (old + lend).saturating_sub(self.budget);
        self.small_budget = self.small_budget.saturating_sub(used.min(lend));
        self.budget = old.saturating_sub(used.saturating_sub(lend));
        let flow = flow?;
        if let Some(Flow::Next) = flow {
            let d = self.abs(dst);
            if matches!(self.st[d].t, T::Any | T::Tag(tag::NOT_IMPLEMENTED)) {
                // (The operands are read on the cold path: built here.)
                for r in [ra, rb] {
                    if let T::VInst(_) = self.st[r].t {
                        self.flush(r);
                    }
                }
                // NotImplemented: try the reflected method (and raise the
                // TypeError) as the interpreter would.
                let t = self.load_tag(d);
                let ni = self.icmp_imm(Cmp::Eq, t, tag::NOT_IMPLEMENTED as i64);
                let rest = self.cold_block();
                let cont = self.new_block();
                self.f.set_term(self.cur, Terminator::Branch { cond: ni, then: (rest, vec![]), els: (cont, vec![]) });
                self.cur = rest;
                self.mem(ra);
                self.mem(rb);
                let (da, aa, ba) = (self.slot_addr(d), self.slot_addr(ra), self.slot_addr(rb));
                let (o, p) = (self.iconst(op as i64), self.iconst(self.root_pc() as i64));
                let s = self.call(helpers::binop_reflected as *const () as usize, "binop_reflected", [self.ctx, o, da, aa, ba, p]);
                self.check_status(s);
                self.f.set_term(self.cur, Terminator::Jump(cont, vec![]));
                self.cur = cont;
                self.st[d] = RS::ANY;
            }
        }
        Ok(flow)
    }

    /// A method call whose receiver's class varies (a method overridden in
    /// subclasses): the `LoadMethod` before it ran generically; here the
    /// function it found is compared with the (up to two) methods the
    /// interpreter's cache saw, each inlined in its own branch, with a
    /// generic call for anything else.
    fn polymorphic_call(&mut self, pc: usize, ins: &Instr, base: Reg, nargs: u16) -> TResult<Option<Flow>> {
        if !self.opts.has("inline") || self.is_generic(pc) {
            return Ok(None);
        }
        let code = self.code();
        let b = self.abs(base);
        if !matches!(self.st[b].t, T::Any | T::Tag(tag::FUNCTION)) || !matches!(self.st[b + 1].t, T::Any | T::Tag(tag::INSTANCE)) {
            return Ok(None);
        }
        // The LoadMethod that filled `base` (the arguments are evaluated
        // between the two).
        let lm = (pc.saturating_sub(40)..pc).rev().find(|&q| matches!(code.instrs[q], Instr::LoadMethod { dst, .. } if dst == base));
        let Some(lm) = lm else { return Ok(None) };
        let cache = *code.cache(lm);
        let mut targets: Vec<u64> = Vec::new();
        for (v, f, is_method) in [(cache.a, cache.b, cache.kind & 1 != 0), (cache.c, cache.d, cache.kind & 2 != 0)] {
            // (Only while the class is unchanged: else the function may
            // be freed.)
            if v != 0 && is_method && !targets.contains(&f) && crate::vm::types::class_version_live(v) {
                targets.push(f);
            }
        }
        if targets.len() < 2 {
            return Ok(None);
        }
        // Every branch starts from the same state, with `self` known to be
        // an instance in the slot.
        self.mem(b);
        self.mem(b + 1);
        let fnp = self.load(self.base, Self::slot_off(b) + 8);
        let ftag = self.load_tag(b);
        let before = self.st.clone();
        // (Each branch starts from the facts before it: an inlined body
        // may leave facts that hold only on its own path, `retfacts`.)
        let facts_before = self.facts.clone();
        let args: Vec<usize> = (1..=nargs as usize + 1).map(|i| b + i).collect();
        let mut ends: Vec<(BlockId, State, Facts)> = Vec::new();
        let mut skipped = false;
        for &fptr in &targets {
            // SAFETY: the cache holds the address of a function owned by the
            // dicts of a class whose version is still the one recorded with
            // it (checked above: the function is still there); the
            // comparison below is on the same address.
            let f = unsafe { PyRef::clone_from_raw(fptr as *const rc::ObjBox<FunctionObj>) };
            let fval = Value::Function(f.clone());
            // Only small methods: each target is a copy of its body.
            if f.code.instrs.len() > POLY_INLINE_MAX || !self.inlinable(&f.code) || !Self::bindable(&f, args.len(), &[]) {
                skipped = true;
                continue;
            }
            self.intern(&fval);
            let is_f = self.icmp_imm(Cmp::Eq, fnp, fptr as i64);
            let is_fn = self.icmp_imm(Cmp::Eq, ftag, tag::FUNCTION as i64);
            let hit = self.op1(Op::IAnd, [is_f, is_fn]);
            let yes = self.new_block();
            let no = self.new_block();
            self.f.set_term(self.cur, Terminator::Branch { cond: hit, then: (yes, vec![]), els: (no, vec![]) });
            self.cur = yes;
            self.st = before.clone();
            self.facts = facts_before.clone();
            self.st[b + 1] = RS::mem_type(T::Tag(tag::INSTANCE));
            match self.try_inline(pc, &f, &fval, base, &args, ArgMode::Move)? {
                Some(Flow::Next) => ends.push((self.cur, self.st.clone(), std::mem::take(&mut self.facts))),
                Some(Flow::Done) => {}
                None => {
                    if let Flow::Next = self.generic(pc, ins)? {
                        ends.push((self.cur, self.st.clone(), std::mem::take(&mut self.facts)));
                    }
                }
            }
            self.cur = no;
        }
        if ends.is_empty() {
            self.st = before;
            self.facts = facts_before;
            return Ok(None);
        }
        // Anything else: the generic call, or, at a site that met no more
        // classes than its cache names and whose methods all got a branch,
        // an exit (then no generic call's dropped facts join the branches').
        self.st = before;
        self.facts = facts_before;
        if !skipped && self.poly_exit(pc, cache.kind) {
            let x = self.exit(ExitKind::Guard, pc, POLY_GUARD);
            self.f.set_term(self.cur, Terminator::Jump(x, vec![]));
        } else {
            match self.generic(pc, ins)? {
                Flow::Next => ends.push((self.cur, self.st.clone(), std::mem::take(&mut self.facts))),
                Flow::Done => {}
            }
        }
        if ends.is_empty() {
            // (Every inlined branch raised or returned.)
            return Ok(Some(Flow::Done));
        }
        let mut state = ends[0].1.clone();
        for (_, st, _) in &ends[1..] {
            state = join_states(&state, st, &self.consts);
        }
        let cont = self.new_block();
        let mut facts: Option<Facts> = None;
        for (eb, es, ef) in ends {
            self.cur = eb;
            self.facts = ef;
            self.adapt(&es, &state);
            self.f.set_term(self.cur, Terminator::Jump(cont, vec![]));
            // (The facts that hold at the end of every branch hold after
            // the join, as where a block's edges meet.)
            let ef = std::mem::take(&mut self.facts);
            facts = Some(meet_facts(facts, ef));
        }
        self.cur = cont;
        self.st = state;
        self.facts = facts.unwrap_or_default();
        Ok(Some(Flow::Next))
    }

    /// Whether polymorphic method site `pc`, whose `LoadMethod` cache has
    /// `kind`, leaves compiled code for a receiver or method it was not
    /// compiled for, instead of taking a generic path (`polyexit`): not
    /// when the cache has met more classes than it names (`MANY`), nor
    /// once such exits failed too often there (`POLY_SITE`).
    fn poly_exit(&self, pc: usize, kind: u8) -> bool {
        self.opts.has("polyexit")
            && kind & crate::vm::inline_cache::MANY == 0
            && !self.generic.contains(&(self.level().code as usize, pc as u32 | POLY_SITE))
    }

    /// `C(args)` for a plain Python class (default `__new__`, a Python
    /// `__init__`): the instance is allocated by a helper and `__init__` is
    /// inlined, guarded by the class version.
    fn try_construct(
        &mut self,
        pc: usize,
        cls: &PyRef<ClassObj>,
        init: &PyRef<FunctionObj>,
        func: Reg,
        nargs: u16,
        kw_names: Vec<String>,
    ) -> TResult<Option<Flow>> {
        let callee: &CodeObj = &init.code;
        if kw_names.is_empty()
            && self.opts.has("setterinit")
            && nargs as usize + 1 == callee.argcount as usize
            && callee.flags & (code_flags::VARARGS | code_flags::VARKEYWORDS | code_flags::GENERATOR) == 0
            && callee.kwonlyargcount == 0
            && self.vm.setter_init(cls, init)
        {
            // Charged to the inlining budget as the inlined body was, so
            // that regions do not grow (compile time) where inlining the
            // body would have stopped the inlining of calls after it.
            if self.inlinable(callee) {
                self.charge(callee);
            }
            return Ok(Some(self.construct_setter(pc, cls, init, func, nargs)));
        }
        if !self.inlinable(callee) || !Self::bindable(init, nargs as usize + 1, &kw_names) {
            return Ok(None);
        }
        let f = self.abs(func);
        let cp = self.guard_class_version(pc, cls);
        // The instance replaces the class in the call's register.
        self.mem(f);
        let fa = self.slot_addr(f);
        self.call_void(helpers::new_instance as *const () as usize, "new_instance", [self.ctx, cp, fa]);
        self.st[f] = RS::mem_type(T::Tag(tag::INSTANCE));
        let fval = Value::Function(init.clone());
        self.intern(&fval);
        // `self`, the positional arguments, then the keyword ones.
        let npos = nargs as usize - kw_names.len();
        let pos: Vec<ArgSrc> = (0..=npos).map(|i| ArgSrc::Reg(f + i)).collect();
        let kw: Vec<(String, ArgSrc)> = kw_names.into_iter().enumerate().map(|(k, n)| (n, ArgSrc::Reg(f + 1 + npos + k))).collect();
        self.try_inline_bound(pc, init, &fval, func, pos, kw, ArgMode::Init)
    }

    /// `virtinst`: `C(a, b, ...)` for a setter `__init__` (see
    /// `construct_setter`, whose class version guard came first) whose
    /// arguments are all numbers, of a class without `__del__`: the
    /// instance is not built; register `f` gets `T::VInst`, its attributes'
    /// values go to IR locals. Its attribute reads are those locals, its
    /// methods are constants (inlined calls get it as `self`); anything
    /// else builds it (`build_vinst`), as exits do. (PyPy's allocation
    /// removal: raytrace's `Vector` temporaries.)
    fn construct_virtual(&mut self, pc: usize, cls: &PyRef<ClassObj>, init: &PyRef<FunctionObj>, f: usize, nargs: u16) -> Option<Flow> {
        if !self.opts.has("virtinst") || cls.flags.get() & class_flags::HAS_DEL != 0 || self.vinsts.len() >= u16::MAX as usize {
            return None;
        }
        let args: Vec<usize> = (f + 1..=f + nargs as usize).collect();
        let numeric = |t: T| matches!(t, T::Int | T::Float | T::Bool | T::Tag(tag::INT) | T::Tag(tag::FLOAT) | T::Tag(tag::BOOL));
        if !args.iter().all(|&a| numeric(self.st[a].t)) {
            return None;
        }
        for &a in &args {
            self.num(a);
        }
        // The recursion limit as `__init__`'s frame would meet it
        // (`construct_setter`'s check), before anything is done; once per
        // inlining depth until the facts are dropped (the frame stack and
        // the limit change only by calls that run Python code).
        let levels = self.level().desc.map_or(0, |d| self.frames[d as usize].levels);
        let depth_key = vinst_depth_key(levels);
        if !self.facts.contains_key(&depth_key) {
            let lay = *super::native_layout();
            let vm = self.load(self.ctx, lay.ctx_vm);
            let flen = self.load(vm, lay.frames_len);
            let limit = self.load(vm, lay.frame_limit);
            let k1 = self.iconst(levels as i64 + 1);
            let need = self.op1(Op::IAdd, [flen, k1]);
            let deep = self.icmp(Cmp::Ge, need, limit);
            let x = self.exit(ExitKind::Guard, pc, "recursion limit");
            self.guard_zero(deep, x);
            self.facts.insert(depth_key, Fact::VClass);
        }
        let code = &init.code;
        let body = &code.instrs[..code.instrs.len() - 1];
        let mut fields = Vec::with_capacity(body.len());
        let mut params = Vec::with_capacity(body.len());
        for ins in body {
            let Instr::StoreAttr { name, src, .. } = *ins else { unreachable!("a setter `__init__` only stores") };
            let a = f + src as usize;
            let t = self.st[a].t;
            let (v, ty) = if t == T::Float { (self.get_f(a), Ty::F64) } else { (self.get_i(a), Ty::I64) };
            let l = self.f.new_local(ty);
            self.op(Op::SetVar(l), [v]);
            fields.push((code.names[name as usize].clone(), t, l));
            params.push(src as usize);
        }
        // The shape and kinds its dict gets when it is built.
        let shape = self.setter_shape_word(init, f);
        // The arguments are consumed, as by the call.
        for &a in &args {
            let m = self.st[a].slot_mem();
            if m != Some(0) {
                self.empty_slot(a, m);
            }
            self.st[a] = RS { t: T::Tag(0), clean: true, mem: Some(0) };
        }
        self.intern(&Value::Class(cls.clone()));
        self.intern(&Value::Function(init.clone()));
        let k = self.vinsts.len() as u16;
        self.vinsts.push(VInst { cls: cls.clone(), init: init.clone(), shape, fields, params, nparams: nargs as usize });
        self.virtual_container(f, T::VInst(k));
        self.facts.insert(vinst_key(k), Fact::VClass);
        Some(Flow::Next)
    }

    /// Guards that class `cls` still has the version it has now (leaving
    /// at `pc` if not: "class changed"); returns its address.
    fn guard_class_version(&mut self, pc: usize, cls: &PyRef<ClassObj>) -> Var {
        let x = self.exit(ExitKind::Guard, pc, "class changed");
        let cp = self.iconst(cls.as_ptr() as i64);
        let ver = self.load(cp, (crate::objects::rc::DATA_OFFSET + std::mem::offset_of!(ClassObj, version)) as i32);
        let ok = self.icmp_imm(Cmp::Eq, ver, cls.version.get() as i64);
        self.guard_nonzero(ok, x);
        cp
    }

    /// Guards (once until the facts are dropped) that virtual instance
    /// `k`'s class is unchanged since its construction: its attributes are
    /// still the values `__init__` stored, its methods the ones found then.
    fn vinst_class_checked(&mut self, pc: usize, k: u16) {
        if self.facts.contains_key(&vinst_key(k)) {
            return;
        }
        let cls = self.vinsts[k as usize].cls.clone();
        self.guard_class_version(pc, &cls);
        self.facts.insert(vinst_key(k), Fact::VClass);
    }

    /// `dst = obj.name` of virtual instance `k`: one of its attributes
    /// (false: not one, nothing done).
    fn vinst_attr(&mut self, pc: usize, dst: Reg, k: u16, name: u32) -> bool {
        let n = self.code().names[name as usize].clone();
        let Some((t, l)) = self.vinsts[k as usize].fields.iter().find(|(f, _, _)| f.as_str() == n.as_str()).map(|(_, t, l)| (*t, *l))
        else {
            return false;
        };
        self.vinst_class_checked(pc, k);
        let v = self.op1(Op::GetVar(l), []);
        let d = self.abs(dst);
        self.def_num(d, t, v);
        true
    }

    /// `LoadMethod` on virtual instance `k`: a plain function of its class
    /// (not shadowed by an attribute) becomes a constant and `self` the
    /// same virtual instance (false: nothing done).
    fn vinst_method(&mut self, pc: usize, dst: Reg, k: u16, name: u32) -> bool {
        if !self.opts.has("inline") || self.is_generic(pc) {
            return false;
        }
        let n = self.code().names[name as usize].clone();
        let v = &self.vinsts[k as usize];
        if v.fields.iter().any(|(f, _, _)| f.as_str() == n.as_str()) {
            return false;
        }
        let Some(m @ Value::Function(_)) = crate::vm::inline_cache::class_lookup_hashed(&v.cls, n.as_str(), n.hash()) else {
            return false;
        };
        self.vinst_class_checked(pc, k);
        let c = self.intern(&m);
        let d = self.abs(dst);
        self.def_const(d, c);
        self.virtual_container(d + 1, T::VInst(k));
        true
    }

    /// Builds virtual instance `k`, which register `r` holds, into `r`'s
    /// slot: its attribute values are written to the free slots above the
    /// innermost window (left Undef again), from which `construct_setter`
    /// makes the instance (without the recursion check: the construction
    /// made it). The other registers holding it get the same object (not
    /// in exit code, which writes only its plan's registers: `exit_at`).
    fn build_vinst(&mut self, r: usize, k: u16) {
        let v = &self.vinsts[k as usize];
        let (cls, init, shape) = (v.cls.clone(), v.init.clone(), v.shape);
        let fields: Vec<(T, LocalId, usize)> = v.fields.iter().zip(&v.params).map(|((_, t, l), p)| (*t, *l, *p)).collect();
        let n = v.nparams;
        // (The helper reads parameter `p`'s argument from slot `sb + p`.)
        let sb = self.level().offset + self.code().nregs as usize;
        self.extent = self.extent.max(sb + 1 + n);
        for (t, l, p) in fields {
            let x = self.op1(Op::GetVar(l), []);
            let x = if t == T::Float { self.op1(Op::FBits, [x]) } else { x };
            let tg = self.iconst(num_tag(t) as i64);
            self.store(self.base, Self::slot_off(sb + p), tg);
            self.store(self.base, Self::slot_off(sb + p) + 8, x);
        }
        let cp = self.iconst(cls.as_ptr() as i64);
        let ip = self.iconst(init.as_ptr() as i64);
        let da = self.slot_addr(sb);
        let nl = self.iconst(n as i64 | helpers::NO_DEPTH_CHECK as i64);
        let sv = self.iconst(shape as i64);
        self.call(helpers::construct_setter as *const () as usize, "construct_setter", [self.ctx, cp, ip, da, nl, sv]);
        let t = self.load(self.base, Self::slot_off(sb));
        let p = self.load(self.base, Self::slot_off(sb) + 8);
        self.store(self.base, Self::slot_off(r), t);
        self.store(self.base, Self::slot_off(r) + 8, p);
        let z = self.iconst(0);
        self.store(self.base, Self::slot_off(sb), z);
        self.st[r] = RS::mem_type(T::Tag(tag::INSTANCE));
        if self.no_alias == 0 {
            for q in 0..self.st.len() {
                if q != r && self.st[q].t == T::VInst(k) {
                    self.share_object(q, t, p, tag::INSTANCE);
                }
            }
        }
    }

    /// `construct_setter`'s shape word for a setter `__init__` called with
    /// the class in register `f` (the arguments after it): the shape the
    /// attributes make, in the body's order (all its instructions but the
    /// return are the stores), and bit 63 when every argument stored has
    /// its position's kind (or the kind is mixed): kinds only join, so
    /// storing it changes none.
    fn setter_shape_word(&self, init: &FunctionObj, f: usize) -> u64 {
        use crate::objects::dict::shape::{kind_of, of_keys, KIND_MIXED, NO_SHAPE};
        let code = &init.code;
        let stores: Vec<(u32, Reg)> = code
            .instrs
            .iter()
            .filter_map(|ins| if let Instr::StoreAttr { name, src, .. } = *ins { Some((name, src)) } else { None })
            .collect();
        let keys: Vec<Value> = stores.iter().map(|&(name, _)| Value::Str(code.names[name as usize].clone())).collect();
        let shape = if self.opts.has("shapes") { of_keys(keys.iter()) } else { NO_SHAPE };
        let noted = shape != NO_SHAPE
            && stores.iter().enumerate().all(|(i, &(_, src))| {
                let k = kind_of(shape, i);
                let t = self.st.get(f + src as usize).and_then(|rs| self.known_tag(rs.t));
                k == KIND_MIXED || Some(k) == t
            });
        shape | (noted as u64) << 63
    }

    /// `C(a, b, ...)` for a class whose `__init__` only stores its
    /// parameters (`Vm::setter_init`, valid while the class version
    /// guarded here is unchanged): one helper call creates the instance
    /// with its dict filled (no inlined body, no store per attribute) and
    /// clears the argument registers, as the interpreter's frameless path
    /// does. Near the recursion limit the helper does nothing and the
    /// compiled code leaves, so the interpreter raises at CPython's depth.
    fn construct_setter(&mut self, pc: usize, cls: &PyRef<ClassObj>, init: &PyRef<FunctionObj>, func: Reg, nargs: u16) -> Flow {
        let f = self.abs(func);
        let cp = self.guard_class_version(pc, cls);
        if let Some(flow) = self.construct_virtual(pc, cls, init, f, nargs) {
            return flow;
        }
        // The helper reads the class and the arguments from their slots.
        for r in f..=f + nargs as usize {
            self.mem(r);
        }
        let deep = self.exit(ExitKind::Guard, pc, "recursion limit");
        // (The loop holds the function: it is interned as a constant.)
        let fval = Value::Function(init.clone());
        self.intern(&fval);
        let levels = self.level().desc.map_or(0, |d| self.frames[d as usize].levels);
        let ip = self.iconst(init.as_ptr() as i64);
        let fa = self.slot_addr(f);
        let nl = self.iconst(nargs as i64 | (levels as i64) << 16);
        let word = self.setter_shape_word(init, f);
        let shape = word & !(1 << 63);
        let sv = self.iconst(word as i64);
        let s = self.call(helpers::construct_setter as *const () as usize, "construct_setter", [self.ctx, cp, ip, fa, nl, sv]);
        let j = self.icmp_imm(Cmp::Eq, s, helpers::JUMP as i64);
        self.guard_zero(j, deep);
        for r in f + 1..=f + nargs as usize {
            self.st[r] = RS { t: T::Tag(0), clean: true, mem: Some(0) };
        }
        self.st[f] = RS::mem_type(T::Tag(tag::INSTANCE));
        // (The new instance touches no other object's dict; facts about
        // the registers it wrote go.)
        let hi = f + nargs as usize;
        self.facts.retain(|k, _| k.0 < f || k.0 > hi);
        // Its class (version guarded above) and dict shape are known: its
        // attribute reads are address computations and its method loads
        // constants (`Fact::Shaped`; the helper fills a fresh dict, whose
        // shape is the body's keys in order however it fills it).
        if shape != crate::objects::dict::shape::NO_SHAPE && self.opts.has("attrfacts") {
            let dd = crate::objects::rc::DATA_OFFSET as i32;
            let (pofs, _, _) = DictObj::entries_layout();
            let inst = self.load(self.base, Self::slot_off(f) + 8);
            let dict = self.load(inst, dd + std::mem::offset_of!(InstanceObj, dict) as i32);
            let ents = self.load(dict, dd + pofs as i32);
            let el = self.f.new_local(Ty::I64);
            self.op(Op::SetVar(el), [ents]);
            self.facts.insert((f, 0, false), Fact::Shaped { entries: el, version: cls.version.get(), shape });
        }
        Flow::Next
    }

    /// `obj.name` resolving to a method (a plain function on the class, as
    /// the interpreter's cache recorded): the function becomes a constant
    /// guarded by the cache check, `self` goes to `dst + 1`, so that the
    /// `CallMethod` can inline the call.
    fn method_on_instance(&mut self, pc: usize, dst: Reg, o: usize) -> TResult<Option<Flow>> {
        let cache = *self.code().cache(pc);
        if cache.a == 0 || cache.kind & 1 != crate::vm::inline_cache::METHOD {
            return Ok(None);
        }
        // A site that has seen two different methods (an overridden method
        // called on several classes) stays a generic call.
        if cache.c != 0 && (cache.kind & 2 == 0 || cache.d != cache.b) {
            return Ok(None);
        }
        // (A cache whose class changed since may name a freed function.)
        if !crate::vm::types::class_version_live(cache.a) {
            return Ok(None);
        }
        // SAFETY: the cache holds the address of a function object owned by
        // the dict of a class whose version is still `cache.a` (checked
        // above: unchanged, so the function is still there; the version is
        // guarded at run time below).
        let fval = Value::Function(unsafe { PyRef::clone_from_raw(cache.b as *const rc::ObjBox<FunctionObj>) });
        let c = self.intern(&fval);
        let f = if self.opts.has("polymethod") {
            let mut known = vec![(cache.a, cache.b)];
            if cache.c != 0 && cache.c != cache.a {
                known.push((cache.c, cache.d));
            }
            // Classes compared inline: one unless the cache saw two.
            let pairs = if known.len() > 1 { INLINE_PAIRS } else { 1 };
            self.method_lookup(pc, o, cache.b, &known, pairs)
        } else {
            let oa = self.slot_addr(o);
            let code = self.iconst(self.level().code as i64);
            let p = self.iconst(pc as i64);
            self.call(helpers::method_addr as *const () as usize, "method_addr", [self.ctx, oa, code, p])
        };
        let ok = self.icmp_imm(Cmp::Eq, f, cache.b as i64);
        let x = self.exit(ExitKind::Guard, pc, METHOD_GUARD);
        self.guard_nonzero(ok, x);
        let d = self.abs(dst);
        self.def_const(d, c);
        // self: a counted copy of the instance.
        let s1 = d + 1;
        self.mem(s1);
        let sa = self.slot_addr(o);
        self.copy_to_reg(s1, sa, Some(tag::INSTANCE));
        self.st[s1] = RS::mem_type(T::Tag(tag::INSTANCE));
        self.copy_facts(o, s1, true);
        self.borrow(s1, o);
        Ok(Some(Flow::Next))
    }

    /// The function method load `pc` resolves to for the instance in
    /// register `o` (in its slot), or 0 (`method_addr`'s answer), through
    /// a receiver-class table (`MethodTable`) of this site: the class
    /// version compared with the table's, then the instance dict checked
    /// not to shadow the name (`method_unshadowed`); a class not in the
    /// table takes `method_fill`, which looks the method up and records
    /// the class. `want` (if not 0): the only function the table may hold
    /// (the site is compiled for it); `known`: (version, function) pairs
    /// the interpreter's cache already found.
    fn method_lookup(&mut self, pc: usize, o: usize, want: u64, known: &[(u64, u64)], pairs: usize) -> Var {
        // An instance whose class version and dict shape are known
        // (`Fact::Shaped`: a constructor's result, an object whose
        // attributes were read): a class met at the site, and a dict
        // without the name, give the method at compile time.
        if let Some(Fact::Shaped { version, shape, .. }) = self.facts.get(&(o, 0, false)).copied() {
            let code = self.code();
            let Instr::LoadMethod { name, .. } = code.instrs[pc] else { unreachable!() };
            let found = known.iter().find(|&&(v, f)| v == version && f != 0 && (want == 0 || f == want));
            if let Some(&(_, f)) = found {
                if !crate::objects::dict::shape::has_str_key(shape, code.names[name as usize].as_str()) {
                    return self.iconst(f as i64);
                }
            }
        }
        let table: MethodTable = Box::new(std::array::from_fn(|_| std::cell::Cell::new(0)));
        let mut k = 0;
        for &(v, f) in known {
            if v != 0 && f != 0 && (want == 0 || f == want) && k + 1 < TABLE_WORDS {
                table[k].set(v);
                table[k + 1].set(f);
                k += 2;
            }
        }
        let ta = table.as_ptr() as i64;
        self.tables.push(table);
        let code = self.code();
        let name = match code.instrs[pc] {
            Instr::LoadMethod { name, .. } => code.names[name as usize].as_ptr() as i64,
            _ => unreachable!(),
        };
        let dd = crate::objects::rc::DATA_OFFSET as i32;
        let res = self.f.new_local(Ty::I64);
        let fl = self.f.new_local(Ty::I64);
        let join = self.next_block();
        let hit = self.next_block();
        let fill = self.cold_block();
        let inst = self.load(self.base, Self::slot_off(o) + 8);
        let cls = self.load(inst, dd + std::mem::offset_of!(InstanceObj, class) as i32 + 8);
        let ver = self.load(cls, dd + std::mem::offset_of!(ClassObj, version) as i32);
        let tv = self.iconst(ta);
        let inline_words = 2 * pairs.clamp(1, TABLE_PAIRS / 2);
        for k in (0..inline_words).step_by(2) {
            let e = self.load(tv, 8 * k as i32);
            let eq = self.icmp(Cmp::Eq, e, ver);
            let found = self.next_block();
            let next = if k + 2 < inline_words { self.next_block() } else { fill };
            self.f.set_term(self.cur, Terminator::Branch { cond: eq, then: (found, vec![]), els: (next, vec![]) });
            self.cur = found;
            let f = self.load(tv, 8 * k as i32 + 8);
            self.op(Op::SetVar(fl), [f]);
            self.f.set_term(self.cur, Terminator::Jump(hit, vec![]));
            self.cur = next;
        }
        // The class gives a function: the instance dict's key version
        // checked against the dicts known not to shadow it, else the
        // helper (which records the dict when it does not).
        self.cur = hit;
        let check = self.cold_block();
        let dict = self.load(inst, dd + std::mem::offset_of!(InstanceObj, dict) as i32);
        let none = self.icmp_imm(Cmp::Eq, dict, 0);
        self.guard_zero(none, check);
        // (A dict with a shape is known by it: instances of one class
        // share one, so they take one entry, not one each.)
        let shp = self.load(dict, dd + DictObj::shape_offset() as i32);
        let kv0 = self.load(dict, dd + DictObj::keys_version_offset() as i32);
        let tag = self.iconst(SHAPE_KEY_BIT as i64);
        let tagged = self.op1(Op::IOr, [shp, tag]);
        let has = self.icmp_imm(Cmp::Ne, shp, 0);
        let kv = self.op1(Op::Select, [has, tagged, kv0]);
        let m = self.iconst((TABLE_DICTS - 1) as i64);
        let low = self.op1(Op::IAnd, [kv, m]);
        let eight = self.iconst(8);
        let off = self.op1(Op::IMul, [low, eight]);
        let at = self.op1(Op::IAdd, [tv, off]);
        let known_kv = self.load(at, 8 * TABLE_PAIRS as i32);
        let same = self.icmp(Cmp::Eq, known_kv, kv);
        self.guard_nonzero(same, check);
        let f = self.op1(Op::GetVar(fl), []);
        self.op(Op::SetVar(res), [f]);
        self.f.set_term(self.cur, Terminator::Jump(join, vec![]));
        self.cur = check;
        let f = self.op1(Op::GetVar(fl), []);
        let nv = self.iconst(name);
        let un = self.call(helpers::method_unshadowed as *const () as usize, "method_unshadowed", [inst, nv, tv]);
        let zero = self.iconst(0);
        let r = self.op1(Op::Select, [un, f, zero]);
        self.op(Op::SetVar(res), [r]);
        self.f.set_term(self.cur, Terminator::Jump(join, vec![]));
        self.cur = fill;
        let oa = self.slot_addr(o);
        let cv = self.iconst(self.level().code as i64);
        let p = self.iconst(pc as i64);
        let w = self.iconst(want as i64);
        let f = self.call(helpers::method_fill as *const () as usize, "method_fill", [self.ctx, oa, cv, p, tv, w]);
        self.op(Op::SetVar(res), [f]);
        self.f.set_term(self.cur, Terminator::Jump(join, vec![]));
        self.cur = join;
        self.op1(Op::GetVar(res), [])
    }

    /// `LoadMethod` on an instance at a site whose method varies with the
    /// receiver's class (an overridden method: the interpreter's cache saw
    /// two functions): the function comes from the site's receiver-class
    /// table (`method_lookup`), stored with `self` after it as the
    /// interpreter's `LoadMethod` does; anything else (no plain function,
    /// a shadowing instance attribute) runs the instruction generically.
    /// The `CallMethod` after it then dispatches on the function
    /// (`polymorphic_call`).
    fn method_polymorphic(&mut self, pc: usize, ins: &Instr, dst: Reg, o: usize) -> TResult<Option<Flow>> {
        let cache = *self.code().cache(pc);
        let mut known = Vec::new();
        for (v, f, is_method) in [(cache.a, cache.b, cache.kind & 1 != 0), (cache.c, cache.d, cache.kind & 2 != 0)] {
            if v != 0 && is_method {
                known.push((v, f));
            }
        }
        if known.is_empty() || cache.kind & crate::vm::inline_cache::BUILTIN_METHOD != 0 {
            return Ok(None);
        }
        let d = self.abs(dst);
        // Both paths leave every register in memory, in the state the
        // generic path leaves.
        for r in [o, d, d + 1] {
            self.mem(r);
        }
        // A site that has not met more classes than its cache names
        // leaves compiled code for anything else (no generic path to
        // join: the facts known before the load hold after it).
        let leave = self.poly_exit(pc, cache.kind);
        let slow = if leave { self.exit(ExitKind::Guard, pc, POLY_GUARD) } else { self.cold_block() };
        if self.st[o].t != T::Tag(tag::INSTANCE) {
            // A receiver of unknown type: instances only.
            let t = self.load_tag(o);
            let inst = self.icmp_imm(Cmp::Eq, t, tag::INSTANCE as i64);
            self.guard_nonzero(inst, slow);
        }
        let f = self.method_lookup(pc, o, 0, &known, INLINE_PAIRS);
        let miss = self.icmp_imm(Cmp::Eq, f, 0);
        let fast = self.new_block();
        let join = self.new_block();
        self.f.set_term(self.cur, Terminator::Branch { cond: miss, then: (slow, vec![]), els: (fast, vec![]) });
        let before = self.st.clone();
        let after = if leave {
            None
        } else {
            self.cur = slow;
            let flow = self.generic(pc, ins)?;
            debug_assert!(matches!(flow, Flow::Next));
            let after = self.st.clone();
            self.f.set_term(self.cur, Terminator::Jump(join, vec![]));
            Some(after)
        };
        self.cur = fast;
        self.st = before;
        // dst = the function (a counted reference), dst + 1 = self.
        self.incref_obj(f);
        let known = self.st[d].slot_mem();
        self.release_slot(d, known);
        let da = self.slot_addr(d);
        let ft = self.iconst(tag::FUNCTION as i64);
        self.store(da, 0, ft);
        self.store(da, 8, f);
        let oa = self.slot_addr(o);
        let ot = self.st[o].slot_mem();
        self.copy_to_reg(d + 1, oa, ot);
        self.f.set_term(self.cur, Terminator::Jump(join, vec![]));
        self.cur = join;
        match after {
            Some(after) => self.st = after,
            None => {
                // Only the fast path: the function, then the instance.
                self.st[d] = RS::mem_type(T::Tag(tag::FUNCTION));
                self.st[d + 1] = RS::mem_type(T::Tag(tag::INSTANCE));
                if o != d + 1 {
                    self.copy_facts(o, d + 1, true);
                }
            }
        }
        // (Both paths: `self` a counted copy of the receiver, or Undef.)
        self.borrow(d + 1, o);
        Ok(Some(Flow::Next))
    }

    /// `LoadMethod` of a method of a builtin type (`lst.append`,
    /// `d.get`, `s.split`) whose cache the interpreter filled: the receiver's
    /// type is guarded and the method is a constant (builtin types never
    /// change); the receiver is copied after it. False when this does not
    /// apply.
    fn builtin_method(&mut self, pc: usize, dst: Reg, o: usize) -> bool {
        let cache = *self.code().cache(pc);
        if cache.kind & crate::vm::inline_cache::NATIVE_METHOD != 0 {
            return self.native_method(pc, dst, o, cache);
        }
        if cache.kind & crate::vm::inline_cache::BUILTIN_METHOD == 0 || !self.opts.has("builtins") || self.is_generic(pc) {
            return false;
        }
        let tg = cache.d as u8;
        if !is_heap_tag(tg) {
            return false;
        }
        match self.st[o].t {
            T::Tag(t) if t == tg => self.mem(o),
            T::Const(k) if self.konst(k).tag() == tg => self.mem(o),
            T::Any => {
                self.mem(o);
                let t = self.load_tag(o);
                let ok = self.icmp_imm(Cmp::Eq, t, tg as i64);
                let x = self.exit(ExitKind::Guard, pc, "method receiver type");
                self.guard_nonzero(ok, x);
                self.st[o] = RS::mem_type(T::Tag(tg));
            }
            _ => return false,
        }
        // SAFETY: the cache holds the address of a builtin method owned by
        // the dict of a builtin type (never changed or freed).
        unsafe { self.method_constant(dst, o, cache.b, tg) };
        true
    }

    /// After the receiver's guards of `builtin_method`/`native_method`:
    /// the receiver (in `o`, tag `tg`) is copied to `dst + 1` and the
    /// builtin method at address `addr` becomes a constant in `dst`.
    ///
    /// # Safety
    /// `addr` is the address of a live `BuiltinObj` box.
    unsafe fn method_constant(&mut self, dst: Reg, o: usize, addr: u64, tg: u8) {
        // SAFETY: (caller) a live builtin; the clone takes a reference.
        let fval = Value::Builtin(unsafe { PyRef::clone_from_raw(addr as *const rc::ObjBox<crate::objects::BuiltinObj>) });
        let c = self.intern(&fval);
        let d = self.abs(dst);
        // The receiver first (it may be in `d`).
        let s1 = d + 1;
        if s1 != o {
            self.mem(s1);
            let sa = self.slot_addr(o);
            self.copy_to_reg(s1, sa, Some(tg));
            self.st[s1] = RS::mem_type(T::Tag(tg));
        }
        self.def_const(d, c);
    }

    /// `builtin_method` for a native object's method (`dq.append`,
    /// `NATIVE_METHOD` cache): the receiver's tag, its class's address and
    /// the class version are guarded, and the method is a constant.
    fn native_method(&mut self, pc: usize, dst: Reg, o: usize, cache: crate::bytecode::Cache) -> bool {
        if !self.opts.has("builtins") || self.is_generic(pc) || !crate::vm::types::class_version_live(cache.c) {
            return false;
        }
        match self.st[o].t {
            T::Tag(t) if t == tag::NATIVE => self.mem(o),
            T::Any => {
                self.mem(o);
                let t = self.load_tag(o);
                let ok = self.icmp_imm(Cmp::Eq, t, tag::NATIVE as i64);
                let x = self.exit(ExitKind::Guard, pc, "method receiver type");
                self.guard_nonzero(ok, x);
            }
            _ => return false,
        }
        let data = crate::objects::rc::DATA_OFFSET as i32;
        let p = self.load(self.base, Self::slot_off(o) + 8);
        let cls = self.load(p, data + std::mem::offset_of!(crate::objects::NativeObj, class) as i32);
        let same = self.icmp_imm(Cmp::Eq, cls, cache.d as i64);
        let x = self.exit(ExitKind::Guard, pc, "method receiver class");
        self.guard_nonzero(same, x);
        let v = self.load(cls, data + std::mem::offset_of!(crate::objects::ClassObj, version) as i32);
        let same = self.icmp_imm(Cmp::Eq, v, cache.c as i64);
        self.guard_nonzero(same, x);
        self.st[o] = RS::mem_type(T::Tag(tag::NATIVE));
        // SAFETY: the class with that version is alive (checked above) and
        // its dict holds the method.
        unsafe { self.method_constant(dst, o, cache.b, tag::NATIVE) };
        true
    }

    /// Calls of a few builtins on numbers, compiled natively.
    fn native_builtin(&mut self, pc: usize, callee: &Value, func: Reg, nargs: u16) -> bool {
        let f = self.abs(func);
        self.native_builtin_at(pc, callee, f, f + 1, nargs)
    }

    /// A native call of a known builtin whose result goes to register `d`
    /// and whose arguments are registers `args..args+nargs` (absolute).
    fn native_builtin_at(&mut self, pc: usize, callee: &Value, d: usize, args: usize, nargs: u16) -> bool {
        let b = callee.words()[1];
        let is = |tr: &Self, module: Option<&str>, name: &str| -> bool {
            let d = match module {
                None => Some(tr.vm.builtins.clone()),
                Some(m) => match tr.vm.modules.get_str(m) {
                    Some(Value::Module(md)) => Some(md.dict.clone()),
                    _ => None,
                },
            };
            d.and_then(|d| d.get_str(name)).is_some_and(|v| v.words()[1] == b)
        };
        let arg = |_: &Self, i: u16| args + i as usize;
        if nargs == 1 {
            let a = arg(self, 0);
            let Some(t) = self.num(a) else {
                if is(self, None, "len") && self.st[a].t == T::Tag(tag::LIST) {
                    let p = self.load(self.base, Self::slot_off(a) + 8);
                    let data = crate::objects::rc::DATA_OFFSET as i32;
                    let len = self.load(p, data + crate::objects::list::LIST_LEN_OFFSET as i32);
                    if a != d {
                        // The argument is dropped once the call is made, as
                        // the interpreter drops it (`len([C() for ...])`
                        // frees the list at the call).
                        self.consume(a);
                    }
                    self.def_num(d, T::Int, len);
                    self.settle(d);
                    return true;
                }
                if is(self, None, "len") && matches!(self.st[a].t, T::Tag(_) | T::Any) {
                    // A str's length is its character count; other
                    // values (a list item, a dict value) through a helper
                    // instead of a generic call of the builtin.
                    let len = if self.st[a].t == T::Tag(tag::STR) {
                        let p = self.load(self.base, Self::slot_off(a) + 8);
                        let data = crate::objects::rc::DATA_OFFSET as i32;
                        self.load(p, data + StrObj::nchars_offset() as i32)
                    } else {
                        self.mem(a);
                        let sa = self.slot_addr(a);
                        let p = self.iconst(self.root_pc() as i64);
                        let n = self.call(helpers::len_of as *const () as usize, "len_of", [self.ctx, sa, p]);
                        let e = self.icmp_imm(Cmp::Eq, n, -1);
                        let x = self.error_exit();
                        self.guard_zero(e, x);
                        n
                    };
                    if a != d {
                        self.consume(a);
                    }
                    self.def_num(d, T::Int, len);
                    self.settle(d);
                    return true;
                }
                return false;
            };
            if is(self, Some("math"), "sqrt") {
                let x = self.float_of(a);
                let z = self.fconst(0.0);
                let neg = self.op1(Op::FCmp(Cmp::Lt), [x, z]);
                let ex = self.exit(ExitKind::Guard, pc, "math domain error");
                self.guard_zero(neg, ex);
                let v = self.op1(Op::FSqrt, [x]);
                self.def_num(d, T::Float, v);
            } else if is(self, None, "abs") {
                if t == T::Float {
                    let x = self.get_f(a);
                    let v = self.op1(Op::FAbs, [x]);
                    self.def_num(d, T::Float, v);
                } else {
                    let x = self.get_i(a);
                    let z = self.iconst(0);
                    let n = self.op(Op::ISubOv, [z, x]);
                    let ex = self.exit(ExitKind::Guard, pc, "integer overflow");
                    self.guard_zero(n[1], ex);
                    let neg = self.icmp_imm(Cmp::Lt, x, 0);
                    let v = self.op1(Op::Select, [neg, n[0], x]);
                    self.def_num(d, T::Int, v);
                }
            } else if is(self, None, "float") {
                let v = self.float_of(a);
                self.def_num(d, T::Float, v);
            } else if is(self, None, "int") && t != T::Float {
                let v = self.get_i(a);
                self.def_num(d, T::Int, v);
            } else {
                return false;
            }
            self.settle(d);
            return true;
        }
        if nargs == 2 && (is(self, None, "min") || is(self, None, "max")) {
            let (a, b2) = (arg(self, 0), arg(self, 1));
            let (Some(ta), Some(tb)) = (self.num(a), self.num(b2)) else {
                return false;
            };
            let is_min = is(self, None, "min");
            // min(a, b) is b if b < a else a; max(a, b) is b if b > a else a.
            let c = if is_min { Cmp::Lt } else { Cmp::Gt };
            if ta == T::Float && tb == T::Float {
                let (x, y) = (self.get_f(a), self.get_f(b2));
                let sel = self.op1(Op::FCmp(c), [y, x]);
                let v = self.op1(Op::Select, [sel, y, x]);
                self.def_num(d, T::Float, v);
            } else if ta == T::Int && tb == T::Int {
                let (x, y) = (self.get_i(a), self.get_i(b2));
                let sel = self.icmp(c, y, x);
                let v = self.op1(Op::Select, [sel, y, x]);
                self.def_num(d, T::Int, v);
            } else {
                return false;
            }
            self.settle(d);
            return true;
        }
        false
    }

    /// Inlines a call of `f` if it is small and simple enough. Returns None
    /// when it is not inlined.
    /// A call whose callee is not known at compile time, at a site where
    /// the interpreter only ever called functions of one code object
    /// (`Cache::c`: closures made by one factory, `adders[i % 8](i)`),
    /// with exactly its positional parameters (`samecode`): the callee is
    /// guarded to be a function of that code and globals, and its body
    /// inlined with the free variables' cells read from the callee's
    /// closure at run time. The frame description names a function of
    /// that code found alive now (`function_with_code`).
    fn inline_same_code(&mut self, pc: usize, func: Reg, nargs: u16) -> TResult<Option<Flow>> {
        let fr = self.abs(func);
        let cp = self.code().cache(pc).c;
        if cp <= 1 {
            return Ok(None);
        }
        let Some(rep) = self.function_with_code(cp) else {
            return Ok(None);
        };
        let callee: &CodeObj = &rep.code;
        if callee.flags & (code_flags::VARARGS | code_flags::VARKEYWORDS | code_flags::GENERATOR) != 0
            || callee.kwonlyargcount != 0
            || callee.argcount as usize != nargs as usize
            || !self.inlinable(callee)
        {
            return Ok(None);
        }
        self.mem(fr);
        let x = self.exit(ExitKind::Guard, pc, "callee code changed");
        let t = self.load_tag(fr);
        let ok = self.icmp_imm(Cmp::Eq, t, tag::FUNCTION as i64);
        self.guard_nonzero(ok, x);
        let fp = self.load(self.base, Self::slot_off(fr) + 8);
        let dd = crate::objects::rc::DATA_OFFSET as i32;
        let c = self.load(fp, dd + std::mem::offset_of!(FunctionObj, code) as i32);
        let ok = self.icmp_imm(Cmp::Eq, c, rep.code.as_ptr() as i64);
        self.guard_nonzero(ok, x);
        let g = self.load(fp, dd + std::mem::offset_of!(FunctionObj, globals) as i32);
        let ok = self.icmp_imm(Cmp::Eq, g, rep.globals.as_ptr() as i64);
        self.guard_nonzero(ok, x);
        // A function of this code has one cell per free variable.
        let mut cells = Vec::new();
        if !callee.freevars.is_empty() {
            let off = dd + std::mem::offset_of!(FunctionObj, closure) as i32 + 8 * boxed_slice_ptr_word() as i32;
            let cl = self.load(fp, off);
            for i in 0..callee.freevars.len() {
                cells.push(self.load(cl, 8 * i as i32));
            }
        }
        self.st[fr] = RS::mem_type(T::Tag(tag::FUNCTION));
        let fval = Value::Function(rep.clone());
        self.intern(&fval);
        let args: Vec<ArgSrc> = (1..=nargs as usize).map(|i| ArgSrc::Reg(fr + i)).collect();
        self.inline_bound_args(pc, &rep, &fval, func, args, ArgMode::Move, Some(cells))
    }

    /// A live function whose code object is at `code` (the address a call
    /// site's cache recorded, which may be stale): looked for among the
    /// loop frame's registers, the items of lists and tuples there, and
    /// the globals. Holding it keeps the code alive.
    fn function_with_code(&self, code: u64) -> Option<PyRef<FunctionObj>> {
        let frame = &self.vm.frames[self.root_fi];
        let n = frame.code().nregs as usize;
        let hit = |v: &Value| -> Option<PyRef<FunctionObj>> {
            match v {
                Value::Function(f) if &*f.code as *const CodeObj as u64 == code => Some(f.clone()),
                _ => None,
            }
        };
        let mut found = None;
        for r in 0..n {
            // SAFETY: `r` < nregs, inside the frame's window.
            let v = unsafe { &*frame.base.add(r) };
            found = match v {
                Value::List(l) => (0..l.len().min(64)).find_map(|i| l.get(i).and_then(|x| hit(&x))),
                Value::Tuple(t) => t.as_slice().iter().take(64).find_map(hit),
                _ => hit(v),
            };
            if found.is_some() {
                return found;
            }
        }
        // SAFETY: the frame's globals are alive while it runs.
        let globals = unsafe { &*frame.globals };
        for v in globals.values() {
            found = hit(&v);
            if found.is_some() {
                break;
            }
        }
        found
    }

    fn try_inline(
        &mut self,
        pc: usize,
        f: &PyRef<FunctionObj>,
        fval: &Value,
        func: Reg,
        args: &[usize],
        mode: ArgMode,
    ) -> TResult<Option<Flow>> {
        let pos: Vec<ArgSrc> = args.iter().map(|&r| ArgSrc::Reg(r)).collect();
        self.try_inline_bound(pc, f, fval, func, pos, Vec::new(), mode)
    }

    /// Whether `bind_args` will succeed for `npos` positional arguments and
    /// these keyword names (decided before any code is emitted) without
    /// virtual containers or keyword-only defaults. (Where nothing is
    /// emitted before the binding, `bind_args` may be tried on any call:
    /// it emits nothing when it fails.)
    fn bindable(f: &FunctionObj, npos: usize, kw: &[String]) -> bool {
        let code: &CodeObj = &f.code;
        let (argc, kwonly) = (code.argcount as usize, code.kwonlyargcount as usize);
        if code.flags & (code_flags::VARARGS | code_flags::VARKEYWORDS) != 0 || npos > argc {
            return false;
        }
        let mut filled = vec![false; argc + kwonly];
        filled[..npos].iter_mut().for_each(|x| *x = true);
        for name in kw {
            match code.varnames[..argc + kwonly].iter().position(|n| n == name) {
                Some(i) if i >= code.posonlyargcount as usize && !filled[i] => filled[i] = true,
                _ => return false,
            }
        }
        let ndef = match f.defaults.get() {
            Value::Tuple(t) => t.len(),
            Value::None => 0,
            _ => return false,
        };
        let first = match argc.checked_sub(ndef) {
            Some(x) => x,
            None => return false,
        };
        filled.iter().enumerate().all(|(i, &x)| x || (i >= first && i < argc))
    }

    /// The virtual container of a call's extra arguments (`virtargs`):
    /// they must be consecutive registers of the caller.
    fn container_of(&mut self, items: &[ArgSrc], names: Option<&[String]>) -> Option<T> {
        let mut regs = Vec::with_capacity(items.len());
        for a in items {
            match a {
                ArgSrc::Reg(r) => regs.push(*r),
                _ => return None,
            }
        }
        let start = regs.first().copied().unwrap_or(0);
        if regs.iter().enumerate().any(|(i, &r)| r != start + i) || regs.len() > 255 || start + regs.len() >= 1 << 16 {
            return None;
        }
        // Items are never virtual containers themselves (the instruction
        // that passes them builds them first: `materialize_reads`).
        if regs.iter().any(|&r| self.st[r].t.is_container()) {
            return None;
        }
        let n = regs.len() as u8;
        Some(match names {
            None => T::VTuple(start as u16, n),
            Some(names) => {
                // The same names give the same constant (header states
                // compare containers by it, across translation attempts).
                let same = |c: &Value| match c {
                    Value::Tuple(t) => {
                        t.len() == names.len() && t.as_slice().iter().zip(names).all(|(v, n)| matches!(v, Value::Str(s) if s.as_str() == n))
                    }
                    _ => false,
                };
                let k = match self.consts.iter().position(same) {
                    Some(k) => k as u32,
                    None => {
                        let keys: Vec<Value> = names.iter().map(|n| Value::Str(crate::objects::str::intern(n))).collect();
                        self.intern(&Value::tuple(keys))
                    }
                };
                T::VDict(start as u16, n, k)
            }
        })
    }

    /// Binds a call's arguments to `callee`'s parameters at compile time:
    /// positional ones, keywords by name, positional defaults (taken from
    /// the function's `__defaults__` tuple, guarded by identity) and
    /// keyword-only defaults (from `__kwdefaults__`, guarded by the dict's
    /// identity and key version and each value's identity), and with
    /// `virtargs` the extra positional and keyword arguments as a virtual
    /// `*args` tuple and `**kwargs` dict (`ArgSrc::Virt`). None if the call
    /// needs anything else (the generic call then binds, or raises
    /// CPython's error); nothing is emitted then.
    fn bind_args(&mut self, pc: usize, f: &PyRef<FunctionObj>, pos: Vec<ArgSrc>, kw: Vec<(String, ArgSrc)>) -> Option<Vec<ArgSrc>> {
        let code: &CodeObj = &f.code;
        let (argc, kwonly) = (code.argcount as usize, code.kwonlyargcount as usize);
        let va = code.flags & code_flags::VARARGS != 0;
        let vk = code.flags & code_flags::VARKEYWORDS != 0;
        let virt = self.opts.has("virtargs");
        if (va || vk || kwonly > 0) && !virt {
            return None;
        }
        if pos.len() > argc && !va {
            return None;
        }
        let mut slots: Vec<Option<ArgSrc>> = vec![None; argc + kwonly];
        let mut extra_pos = Vec::new();
        for (i, a) in pos.into_iter().enumerate() {
            if i < argc {
                slots[i] = Some(a);
            } else {
                extra_pos.push(a);
            }
        }
        let (mut extra_names, mut extra_kw) = (Vec::new(), Vec::new());
        for (name, a) in kw {
            match code.varnames[..argc + kwonly].iter().position(|n| *n == name) {
                Some(i) if i >= code.posonlyargcount as usize => {
                    if slots[i].is_some() {
                        return None;
                    }
                    slots[i] = Some(a);
                }
                _ => {
                    if !vk || extra_names.contains(&name) {
                        return None;
                    }
                    extra_names.push(name);
                    extra_kw.push(a);
                }
            }
        }
        let vt = if va { Some(self.container_of(&extra_pos, None)?) } else { None };
        let vd = if vk { Some(self.container_of(&extra_kw, Some(&extra_names))?) } else { None };
        // Positional defaults: the tuple is immutable, so guarding its
        // identity guards the values.
        let mut pos_guard = None;
        if slots[..argc].iter().any(|s| s.is_none()) {
            let defaults = f.defaults.get();
            let items: Vec<Value> = match &defaults {
                Value::Tuple(t) => t.as_slice().to_vec(),
                Value::None => Vec::new(),
                _ => return None,
            };
            let first = argc.checked_sub(items.len())?;
            for (i, slot) in slots[..argc].iter_mut().enumerate() {
                if slot.is_none() {
                    if i < first {
                        return None;
                    }
                    *slot = Some(ArgSrc::Value(items[i - first].clone()));
                }
            }
            pos_guard = Some(defaults);
        }
        // Keyword-only defaults: a dict, which may change; its entries
        // stay where they are while its key version is the same.
        let mut kw_guard = None;
        if slots[argc..].iter().any(|s| s.is_none()) {
            let kwd = f.kwdefaults.get();
            let Value::Dict(d) = &kwd else {
                return None;
            };
            let mut entries = Vec::new();
            for (i, slot) in slots.iter_mut().enumerate().skip(argc) {
                if slot.is_none() {
                    let name = code.varnames[i].as_str();
                    let at = d.find_str(name, crate::objects::str::hash_str(name))?;
                    let ptr = d.value_ptr(at);
                    // SAFETY: `ptr` points at a live entry of `d` (just found).
                    let v = unsafe { (*ptr).clone() };
                    entries.push((ptr as usize, v.clone()));
                    *slot = Some(ArgSrc::Value(v));
                }
            }
            kw_guard = Some((kwd.clone(), entries));
        }
        let fp = f.as_ptr() as i64;
        if let Some(defaults) = pos_guard {
            let x = self.exit(ExitKind::Guard, pc, "defaults changed");
            let fp = self.iconst(fp);
            let off = (crate::objects::rc::DATA_OFFSET + std::mem::offset_of!(FunctionObj, defaults)) as i32;
            let t = self.load(fp, off + 8);
            let ok = self.icmp_imm(Cmp::Eq, t, defaults.words()[1] as i64);
            self.guard_nonzero(ok, x);
            self.intern(&defaults);
        }
        if let Some((kwd, entries)) = kw_guard {
            let x = self.exit(ExitKind::Guard, pc, "keyword defaults changed");
            let fpv = self.iconst(fp);
            let off = (crate::objects::rc::DATA_OFFSET + std::mem::offset_of!(FunctionObj, kwdefaults)) as i32;
            let t = self.load(fpv, off);
            let ok = self.icmp_imm(Cmp::Eq, t, tag::DICT as i64);
            self.guard_nonzero(ok, x);
            let p = self.load(fpv, off + 8);
            let ok = self.icmp_imm(Cmp::Eq, p, kwd.words()[1] as i64);
            self.guard_nonzero(ok, x);
            // (The dict is a constant of the loop: its address is never
            // another dict's while the code lives.)
            if let Value::Dict(d) = &kwd {
                let a = self.iconst(d.keys_version_ptr() as i64);
                let v = self.load(a, 0);
                let ok = self.icmp_imm(Cmp::Eq, v, d.keys_version() as i64);
                self.guard_nonzero(ok, x);
            }
            for (ptr, v) in entries {
                let ea = self.iconst(ptr as i64);
                let t = self.load(ea, 0);
                let ok = self.icmp_imm(Cmp::Eq, t, v.tag() as i64);
                self.guard_nonzero(ok, x);
                if !matches!(v, Value::None | Value::NotImplemented | Value::Ellipsis) {
                    let p = self.load(ea, 8);
                    let ok = self.icmp_imm(Cmp::Eq, p, v.words()[1] as i64);
                    self.guard_nonzero(ok, x);
                }
            }
            self.intern(&kwd);
        }
        let mut args: Vec<ArgSrc> = slots.into_iter().collect::<Option<Vec<_>>>()?;
        args.extend(vt.map(ArgSrc::Virt));
        args.extend(vd.map(ArgSrc::Virt));
        Some(args)
    }

    /// Inlines a call of `f` with arguments already bound to its parameters.
    #[allow(clippy::too_many_arguments)]
    fn try_inline_bound(
        &mut self,
        pc: usize,
        f: &PyRef<FunctionObj>,
        fval: &Value,
        func: Reg,
        pos: Vec<ArgSrc>,
        kw: Vec<(String, ArgSrc)>,
        mode: ArgMode,
    ) -> TResult<Option<Flow>> {
        let callee: &CodeObj = &f.code;
        if !self.inlinable(callee) {
            return Ok(None);
        }
        let Some(args) = self.bind_args(pc, f, pos, kw) else {
            return Ok(None);
        };
        // The items of the virtual containers this binding made are the
        // caller's argument registers: the call consumed them.
        let items: Vec<usize> = if mode == ArgMode::Copy {
            Vec::new()
        } else {
            args.iter()
                .flat_map(|a| match a {
                    ArgSrc::Virt(T::VTuple(s, n) | T::VDict(s, n, _)) => (*s as usize..*s as usize + *n as usize).collect(),
                    _ => Vec::new(),
                })
                .collect()
        };
        let flow = self.inline_bound_args(pc, f, fval, func, args, mode, None)?;
        if let Some(Flow::Next) = flow {
            for i in items {
                let m = self.st[i].slot_mem();
                self.empty_slot(i, m);
                self.st[i] = RS::UNDEF;
            }
        }
        Ok(flow)
    }

    /// Inlines a call of `f` whose arguments `bind_args` bound (`cells`:
    /// the callee's closure cells, read at run time, when only its code
    /// is known).
    #[allow(clippy::too_many_arguments)]
    fn inline_bound_args(
        &mut self,
        pc: usize,
        f: &PyRef<FunctionObj>,
        fval: &Value,
        func: Reg,
        args: Vec<ArgSrc>,
        mode: ArgMode,
        cells: Option<Vec<Var>>,
    ) -> TResult<Option<Flow>> {
        let init = mode == ArgMode::Init;
        let copy_args = mode == ArgMode::Copy;
        let callee: &CodeObj = &f.code;
        if !self.small_recursion(callee) {
            self.charge(callee);
        }
        let offset = self.level().offset + self.code().nregs as usize;
        let nregs = callee.nregs as usize;
        self.extent = self.extent.max(offset + nregs);
        let desc = self.frames.len() as u32;
        let outer = self.level().desc.map_or(0, |d| self.frames[d as usize].levels);
        self.frames.push(FrameDesc {
            func: fval.clone(),
            offset: offset as u32,
            nregs: nregs as u32,
            call_pc: pc as u32,
            ret_reg: func,
            init,
            levels: outer + 1 + init as u32,
            parent: self.level().desc,
        });
        // The callee's window is all Undef in memory.
        self.st.truncate(offset);
        self.st.resize(offset + nregs, RS { t: T::Tag(0), clean: true, mem: Some(0) });
        // Arguments move into the callee's parameters (or are copied, when
        // the caller keeps them: `self` of an `__init__`, operator operands).
        for (i, a) in args.iter().enumerate() {
            let d = offset + i;
            let s = match a {
                ArgSrc::Reg(r) => *r,
                ArgSrc::Value(v) => {
                    self.def_value(d, v);
                    continue;
                }
                &ArgSrc::SelfOf(m, this) => {
                    // A counted copy of the method's `self` (the method may
                    // be released before the callee is done with it).
                    self.mem(m);
                    let p = self.load(self.base, Self::slot_off(m) + 8);
                    let v = self.load(p, METHOD_THIS_OFF + 8);
                    if is_heap_tag(this) {
                        self.incref_obj(v);
                    }
                    let t = self.iconst(this as i64);
                    self.store(self.base, Self::slot_off(d), t);
                    self.store(self.base, Self::slot_off(d) + 8, v);
                    self.st[d] = RS::mem_type(T::Tag(this));
                    continue;
                }
                ArgSrc::Virt(t) => {
                    self.virtual_container(d, *t);
                    continue;
                }
            };
            let ss = self.st[s];
            if (copy_args || (init && i == 0)) && !ss.t.is_virtual() {
                let sa = self.slot_addr(s);
                self.copy_to_reg(d, sa, ss.slot_mem());
                self.st[d] = RS::copied_from(ss.t);
                self.copy_facts(s, d, true);
                self.borrow(d, s);
                continue;
            }
            if !self.def_virtual_copy(d, s) {
                // Move the value's words; the caller's slot becomes Undef.
                let so = Self::slot_off(s);
                let t = self.load(self.base, so);
                let p = self.load(self.base, so + 8);
                self.store(self.base, Self::slot_off(d), t);
                self.store(self.base, Self::slot_off(d) + 8, p);
                let z = self.iconst(0);
                self.store(self.base, so, z);
                self.st[d] = RS::copied_from(ss.t);
                self.st[s] = RS { t: T::Tag(0), clean: true, mem: Some(0) };
                self.copy_facts(s, d, false);
            }
        }
        // Free variables: the function's closure cells, known constants,
        // or (a callee known only by its code) the cells read from it,
        // stored in the window with a count each.
        for (i, (_, reg)) in callee.freevars.iter().enumerate() {
            let d = offset + *reg as usize;
            match &cells {
                Some(cells) => {
                    let p = cells[i];
                    self.incref_obj(p);
                    let t = self.iconst(tag::CELL as i64);
                    self.store(self.base, Self::slot_off(d), t);
                    self.store(self.base, Self::slot_off(d) + 8, p);
                    self.st[d] = RS::mem_type(T::Tag(tag::CELL));
                }
                None => {
                    if let Some(cell) = f.closure.get(i) {
                        let c = self.intern(&Value::Cell(cell.clone()));
                        self.def_const(d, c);
                    }
                }
            }
        }
        let live = self.liveness(callee);
        self.chain.push(Level {
            code: callee as *const CodeObj,
            globals: &*f.globals as *const DictObj,
            live,
            offset,
            desc: Some(desc),
            call_pc: pc,
            ret_reg: func,
            init,
        });
        self.depth = self.depth.max(self.chain.len() - 1);
        self.regions.push(Region {
            lo: 0,
            hi: callee.instrs.len() - 1,
            is_root: false,
            loop_headers: HashSet::default(),
            incoming: HashMap::default(),
            blocks: HashMap::default(),
            returns: Vec::new(),
        });
        let eb = self.cur;
        let entry = self.st.clone();
        let saved_pc = self.pc;
        self.region(0, callee.instrs.len() - 1, eb, entry)?;
        let reg = self.regions.pop().unwrap();
        self.chain.pop();
        self.pc = saved_pc;
        if reg.returns.is_empty() {
            return Ok(Some(Flow::Done));
        }
        // Join the return edges into a continuation block.
        let mut state = reg.returns[0].1.clone();
        for (_, s, _) in &reg.returns[1..] {
            state = join_states(&state, s, &self.consts);
        }
        let cont = self.new_block();
        // The facts that hold on every return edge (`retfacts`).
        let mut facts: Option<Facts> = None;
        for (eb, es, ef) in reg.returns {
            self.cur = eb;
            self.adapt(&es, &state);
            self.f.set_term(self.cur, Terminator::Jump(cont, vec![]));
            facts = Some(meet_facts(facts, ef));
        }
        self.cur = cont;
        self.st = state;
        if self.opts.has("retfacts") {
            // Every fact went into the callee; what it dropped it counted.
            self.facts = facts.unwrap_or_default();
        } else {
            self.clear_facts();
        }
        Ok(Some(Flow::Next))
    }

    /// `return` in an inlined function: the value goes to the caller's
    /// result register, the callee's registers are cleared.
    fn inline_return(&mut self, ins: Instr) -> TResult<Flow> {
        let lvl = self.level();
        let (offset, ret_reg, init) = (lvl.offset, lvl.ret_reg, lvl.init);
        let parent_off = self.chain[self.chain.len() - 2].offset;
        let r = parent_off + ret_reg as usize;
        let nregs = self.code().nregs as usize;
        let src = match ins {
            Instr::Return { src } => Some(offset + src as usize),
            _ => None,
        };
        if init {
            // `__init__` must return None; the instance stays in `r`.
            if let Some(s) = src {
                let none = matches!(self.st[s].t, T::Const(c) if self.konst(c).is_none()) || self.st[s].t == T::Tag(tag::NONE);
                if !none {
                    self.mem(s);
                    let sa = self.slot_addr(s);
                    let st = self.call(helpers::init_result as *const () as usize, "init_result", [self.ctx, sa]);
                    self.check_status(st);
                }
            }
        }
        match src {
            _ if init => {}
            None => {
                let c = self.intern(&Value::None);
                self.def_const(r, c);
            }
            Some(s) => {
                let ss = self.st[s];
                if !self.def_virtual_copy(r, s) {
                    self.move_slot(r, s, ss);
                    self.copy_facts(s, r, false);
                }
            }
        }
        // Clear the callee's window (it must be all Undef again). A
        // parameter that borrowed its object from a register that still
        // holds it (`Fact::Borrow`) frees nothing.
        let mut freed = false;
        for k in offset..offset + nregs {
            let mem = self.st[k].slot_mem();
            if mem == Some(0) {
                continue;
            }
            freed |= self.empty_slot(k, mem);
        }
        // Facts about the callee's registers go with them (and what borrows
        // from them).
        self.facts.retain(|k, f| (k.0 < offset || k.0 >= usize::MAX - 1) && !matches!(f, Fact::Borrow { c } if *c >= offset));
        // A call instruction's result is in `r` and the caller goes on at
        // the next instruction: when a finalizer or a collection is due
        // after the clearing, the compiled code leaves there (the
        // interpreter runs them first, as after its own return), and the
        // hot path keeps its facts (`retfacts`). Other inlined calls
        // (operators, comparisons: the interpreter completes the
        // instruction after the body returns) run the collector here,
        // which forgets every fact.
        let lvl_call = self.chain[self.chain.len() - 1].call_pc;
        // SAFETY: see `code`.
        let parent_code = unsafe { &*self.chain[self.chain.len() - 2].code };
        // (An operator method's result that cannot be NotImplemented is
        // the instruction's result too: nothing is left to do.)
        let not_ni = match self.st[r].t {
            T::Int | T::Float | T::Bool => true,
            T::Tag(t) => t != tag::NOT_IMPLEMENTED && t != tag::UNDEF,
            T::Const(c) => self.konst(c).tag() != tag::NOT_IMPLEMENTED,
            T::Bound(..) => true,
            _ => false,
        };
        let plain = match inlined_result(&parent_code.instrs[lvl_call]) {
            Some((_, false)) => true,
            Some((_, true)) => not_ni && !init,
            None => false,
        };
        let leave = freed && plain && self.opts.has("retfacts");
        if freed && !leave {
            // A safe point, as the interpreter's after a return: finalizers
            // of the callee's objects run before the caller goes on.
            self.safe_point();
        }
        self.settle(r);
        self.st.truncate(offset);
        if leave {
            let callee = self.chain.pop().unwrap();
            self.rexec = None;
            self.leave_when_gc_due(lvl_call + 1, false, GC_DUE);
            self.chain.push(callee);
        }
        let cur = self.cur;
        let st = self.st.clone();
        let facts = self.facts.clone();
        self.regions.last_mut().unwrap().returns.push((cur, st, facts));
        Ok(Flow::Done)
    }
}

/// Which word of a `Box<[T]>` (a fat pointer: address and length, in an
/// order Rust does not document) holds the address.
fn boxed_slice_ptr_word() -> usize {
    let b: Box<[u64]> = vec![7u64, 8, 9].into_boxed_slice();
    // SAFETY: a boxed slice is two words; they are only read as integers.
    let words: [usize; 2] = unsafe { std::mem::transmute_copy(&b) };
    if words[0] == b.as_ptr() as usize {
        0
    } else {
        1
    }
}

/// Where an inlined call's parameter comes from.
#[derive(Clone)]
enum ArgSrc {
    /// A register of the caller.
    Reg(usize),
    /// A known value (a default).
    Value(Value),
    /// The `self` of the bound method in a register of the caller, whose
    /// state is `T::Bound` with this tag (read at run time).
    SelfOf(usize, u8),
    /// A virtual `*args` tuple or `**kwargs` dict (`T::VTuple`/`T::VDict`).
    Virt(T),
}

/// How an inlined call gets its arguments.
#[derive(Clone, Copy, PartialEq, Eq)]
enum ArgMode {
    /// Moved from the caller's argument registers (a call instruction).
    Move,
    /// Moved, except `self` (an `__init__`), which the caller keeps; the
    /// result must be None and is not delivered.
    Init,
    /// Copied: the caller keeps the operands (an operator method).
    Copy,
}

/// The right operand of a comparison.
#[derive(Clone, Copy)]
enum Rhs {
    Reg(usize),
    Imm(i64),
}
