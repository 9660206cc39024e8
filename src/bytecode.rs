//! Spry's register bytecode: the one definition of every instruction.
//!
//! Instructions are three-address operations over the register window of
//! the running function (Lua 5 style). Notation in the docs below:
//! `R[x]` is register x of the current frame, `K[x]` constant x of the code
//! object, `N[x]` name x (a `str` constant in the names table), `pc` the
//! index of the next instruction.
//!
//! The compiler emits these, the interpreter (`vm::interp`) executes them,
//! the disassembler (`--dis`, `dis.dis`) prints them through the operand
//! metadata generated here, and the JIT translator reads them.

use std::cell::{Cell, UnsafeCell};

use crate::objects::{PyRef, StrObj, Value};

/// A register index in the current frame's window.
pub type Reg = u16;
/// An index into the code object's constants.
pub type ConstIdx = u32;
/// An index into the code object's names.
pub type NameIdx = u32;
/// An absolute instruction index.
pub type Target = u32;

/// Binary operators (for `BinaryOp` and `InplaceOp`).
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
#[repr(u8)]
pub enum BinOp {
    Add,
    Sub,
    Mul,
    TrueDiv,
    FloorDiv,
    Mod,
    Pow,
    LShift,
    RShift,
    And,
    Or,
    Xor,
    MatMul,
}

impl BinOp {
    pub fn symbol(self) -> &'static str {
        match self {
            BinOp::Add => "+",
            BinOp::Sub => "-",
            BinOp::Mul => "*",
            BinOp::TrueDiv => "/",
            BinOp::FloorDiv => "//",
            BinOp::Mod => "%",
            BinOp::Pow => "**",
            BinOp::LShift => "<<",
            BinOp::RShift => ">>",
            BinOp::And => "&",
            BinOp::Or => "|",
            BinOp::Xor => "^",
            BinOp::MatMul => "@",
        }
    }
    /// `(__op__, __rop__, __iop__)`.
    pub fn dunders(self) -> (&'static str, &'static str, &'static str) {
        match self {
            BinOp::Add => ("__add__", "__radd__", "__iadd__"),
            BinOp::Sub => ("__sub__", "__rsub__", "__isub__"),
            BinOp::Mul => ("__mul__", "__rmul__", "__imul__"),
            BinOp::TrueDiv => ("__truediv__", "__rtruediv__", "__itruediv__"),
            BinOp::FloorDiv => ("__floordiv__", "__rfloordiv__", "__ifloordiv__"),
            BinOp::Mod => ("__mod__", "__rmod__", "__imod__"),
            BinOp::Pow => ("__pow__", "__rpow__", "__ipow__"),
            BinOp::LShift => ("__lshift__", "__rlshift__", "__ilshift__"),
            BinOp::RShift => ("__rshift__", "__rrshift__", "__irshift__"),
            BinOp::And => ("__and__", "__rand__", "__iand__"),
            BinOp::Or => ("__or__", "__ror__", "__ior__"),
            BinOp::Xor => ("__xor__", "__rxor__", "__ixor__"),
            BinOp::MatMul => ("__matmul__", "__rmatmul__", "__imatmul__"),
        }
    }
    pub const ALL: [BinOp; 13] = [
        BinOp::Add,
        BinOp::Sub,
        BinOp::Mul,
        BinOp::TrueDiv,
        BinOp::FloorDiv,
        BinOp::Mod,
        BinOp::Pow,
        BinOp::LShift,
        BinOp::RShift,
        BinOp::And,
        BinOp::Or,
        BinOp::Xor,
        BinOp::MatMul,
    ];
}

/// Comparison operators.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
#[repr(u8)]
pub enum CmpOp {
    Lt,
    Le,
    Eq,
    Ne,
    Gt,
    Ge,
    Is,
    IsNot,
    In,
    NotIn,
}

impl CmpOp {
    pub fn symbol(self) -> &'static str {
        match self {
            CmpOp::Lt => "<",
            CmpOp::Le => "<=",
            CmpOp::Eq => "==",
            CmpOp::Ne => "!=",
            CmpOp::Gt => ">",
            CmpOp::Ge => ">=",
            CmpOp::Is => "is",
            CmpOp::IsNot => "is not",
            CmpOp::In => "in",
            CmpOp::NotIn => "not in",
        }
    }
    /// The operator with its operands swapped (`a < b` is `b > a`).
    pub fn swapped(self) -> CmpOp {
        match self {
            CmpOp::Lt => CmpOp::Gt,
            CmpOp::Le => CmpOp::Ge,
            CmpOp::Gt => CmpOp::Lt,
            CmpOp::Ge => CmpOp::Le,
            o => o,
        }
    }
    pub fn dunder(self) -> &'static str {
        match self {
            CmpOp::Lt => "__lt__",
            CmpOp::Le => "__le__",
            CmpOp::Eq => "__eq__",
            CmpOp::Ne => "__ne__",
            CmpOp::Gt => "__gt__",
            CmpOp::Ge => "__ge__",
            _ => "",
        }
    }
}

/// How an operand is printed by the disassembler.
#[derive(Clone, Copy)]
pub enum Operand {
    Reg(Reg),
    Const(ConstIdx),
    Name(NameIdx),
    Target(Target),
    Int(i64),
    Bin(BinOp),
    Cmp(CmpOp),
}

macro_rules! define_instructions {
    ($(
        $(#[doc = $doc:literal])*
        $name:ident { $($field:ident : $kind:ident $ty:ty),* $(,)? }
    ),* $(,)?) => {
        /// One instruction. Every variant documents its operands and effect.
        #[derive(Clone, Copy, Debug)]
        pub enum Instr {
            $(
                $(#[doc = $doc])*
                $name { $($field: $ty),* },
            )*
        }

        impl Instr {
            /// The opcode's name as the disassembler prints it.
            pub fn name(&self) -> &'static str {
                match self { $(Instr::$name { .. } => stringify!($name),)* }
            }

            /// The operands with their kinds, in declaration order.
            pub fn operands(&self) -> Vec<(&'static str, Operand)> {
                match *self {
                    $(
                        #[allow(unused_variables)]
                        Instr::$name { $($field),* } => vec![$((stringify!($field), operand!($kind, $field))),*],
                    )*
                }
            }

            /// Whether `f` holds for every operand, in declaration order
            /// (`operands` without building a vector: the code cache checks
            /// every instruction it loads).
            pub fn all_operands(&self, mut f: impl FnMut(Operand) -> bool) -> bool {
                match *self {
                    $(
                        #[allow(unused_variables)]
                        Instr::$name { $($field),* } => true $(&& f(operand!($kind, $field)))*,
                    )*
                }
            }

            /// Every opcode name with its documentation (for `--help-opcodes`).
            pub const DOCS: &'static [(&'static str, &'static str)] = &[
                $((stringify!($name), concat!($($doc, "\n"),*)),)*
            ];

            /// The operands as integers, in declaration order (the
            /// compiled-code cache's encoding, `codecache.rs`).
            pub fn operand_ints(&self) -> Vec<i64> {
                match *self {
                    $(
                        #[allow(unused_variables)]
                        Instr::$name { $($field),* } => vec![$(OperandInt::to_int($field)),*],
                    )*
                }
            }

            /// Builds the instruction of opcode number `op` (its index in
            /// `DOCS`) from operands `next` gives; None for a bad opcode
            /// or operand.
            pub fn from_ints(op: usize, next: &mut dyn FnMut() -> Option<i64>) -> Option<Instr> {
                #[allow(unused_variables)]
                const DECODERS: &[fn(&mut dyn FnMut() -> Option<i64>) -> Option<Instr>] = &[
                    $(|next| Some(Instr::$name { $($field: OperandInt::from_int(next()?)?),* }),)*
                ];
                DECODERS.get(op).and_then(|d| d(next))
            }
        }
    };
}

/// An operand's value as an integer and back (`Instr::operand_ints`).
pub trait OperandInt: Sized {
    fn to_int(self) -> i64;
    fn from_int(v: i64) -> Option<Self>;
}

macro_rules! operand_int {
    ($($t:ty),*) => {$(
        impl OperandInt for $t {
            fn to_int(self) -> i64 {
                self as i64
            }
            fn from_int(v: i64) -> Option<$t> {
                <$t>::try_from(v).ok()
            }
        }
    )*};
}
operand_int!(u8, u16, u32, i32);

impl OperandInt for bool {
    fn to_int(self) -> i64 {
        self as i64
    }
    fn from_int(v: i64) -> Option<bool> {
        match v {
            0 => Some(false),
            1 => Some(true),
            _ => None,
        }
    }
}

impl OperandInt for BinOp {
    fn to_int(self) -> i64 {
        self as i64
    }
    fn from_int(v: i64) -> Option<BinOp> {
        use BinOp::*;
        [Add, Sub, Mul, TrueDiv, FloorDiv, Mod, Pow, LShift, RShift, And, Or, Xor, MatMul].get(usize::try_from(v).ok()?).copied()
    }
}

impl OperandInt for CmpOp {
    fn to_int(self) -> i64 {
        self as i64
    }
    fn from_int(v: i64) -> Option<CmpOp> {
        use CmpOp::*;
        [Lt, Le, Eq, Ne, Gt, Ge, Is, IsNot, In, NotIn].get(usize::try_from(v).ok()?).copied()
    }
}

macro_rules! operand {
    (reg, $v:expr) => {
        Operand::Reg($v)
    };
    (konst, $v:expr) => {
        Operand::Const($v)
    };
    (name, $v:expr) => {
        Operand::Name($v)
    };
    (target, $v:expr) => {
        Operand::Target($v)
    };
    (int, $v:expr) => {
        Operand::Int($v as i64)
    };
    (binop, $v:expr) => {
        Operand::Bin($v)
    };
    (cmpop, $v:expr) => {
        Operand::Cmp($v)
    };
}

define_instructions! {
    /// No operation.
    Nop {},
    /// `R[dst] = R[src]`.
    Move { dst: reg Reg, src: reg Reg },
    /// `R[dst] = R[src]`, leaving `R[src]` Undef: the last use of a
    /// temporary (a call's result, a display, a comprehension moved into
    /// a variable), so that it holds no second reference, as CPython's
    /// value stack would not (`tmp = C(); tmp = 0` frees the instance at
    /// the second store). `dst != src`.
    Take { dst: reg Reg, src: reg Reg },
    /// `R[dst] = K[k]`.
    LoadConst { dst: reg Reg, k: konst ConstIdx },
    /// `R[dst] = value` (a small int immediate).
    LoadInt { dst: reg Reg, value: int i32 },
    /// `R[dst] = None`.
    LoadNone { dst: reg Reg },
    /// `R[dst] = value` (True or False).
    LoadBool { dst: reg Reg, value: int bool },
    /// Raises `UnboundLocalError` for local `N[name]` if `R[reg]` is unbound.
    CheckBound { reg: reg Reg, name: name NameIdx },
    /// `del` of a local: raises `UnboundLocalError` if `R[reg]` is unbound, then unbinds it.
    DeleteLocal { reg: reg Reg, name: name NameIdx },
    /// `R[dst] = globals[N[name]]`, else `builtins[N[name]]`, else `NameError`.
    /// Cached per instruction by the dicts' key versions.
    LoadGlobal { dst: reg Reg, name: name NameIdx },
    /// `globals[N[name]] = R[src]`.
    StoreGlobal { src: reg Reg, name: name NameIdx },
    /// `del globals[N[name]]` (`NameError` if absent).
    DeleteGlobal { name: name NameIdx },
    /// `R[dst] = locals[N[name]]`, else globals, else builtins (class bodies, `exec`).
    LoadName { dst: reg Reg, name: name NameIdx },
    /// `locals[N[name]] = R[src]`.
    StoreName { src: reg Reg, name: name NameIdx },
    /// `del locals[N[name]]`.
    DeleteName { name: name NameIdx },
    /// `R[dst] = R[cell].cell_contents`; `NameError` if empty (`N[name]` for the message).
    LoadDeref { dst: reg Reg, cell: reg Reg, name: name NameIdx },
    /// Class bodies: `R[dst] = locals[N[name]]` if present, else as `LoadDeref`.
    LoadClassDeref { dst: reg Reg, cell: reg Reg, name: name NameIdx },
    /// `R[cell].cell_contents = R[src]`.
    StoreDeref { cell: reg Reg, src: reg Reg },
    /// Empties the cell `R[cell]` (`del` of a cell variable).
    DeleteDeref { cell: reg Reg, name: name NameIdx },
    /// Function entry: `R[reg] = cell(R[reg])` (a fresh cell holding the old value, maybe unbound).
    MakeCell { reg: reg Reg },

    /// `R[dst] = R[a] + R[b]`.
    Add { dst: reg Reg, a: reg Reg, b: reg Reg },
    /// `R[dst] = R[a] + imm` (small int immediate).
    AddInt { dst: reg Reg, a: reg Reg, imm: int i32 },
    /// `R[dst] = R[a] - imm` (small int immediate).
    SubInt { dst: reg Reg, a: reg Reg, imm: int i32 },
    /// `R[dst] = R[a] % imm` (small int immediate; `x % 8`).
    ModInt { dst: reg Reg, a: reg Reg, imm: int i32 },
    /// `R[dst] = R[a] - R[b]`.
    Sub { dst: reg Reg, a: reg Reg, b: reg Reg },
    /// `R[dst] = R[a] * R[b]`.
    Mul { dst: reg Reg, a: reg Reg, b: reg Reg },
    /// `R[dst] = R[a] / R[b]`.
    TrueDiv { dst: reg Reg, a: reg Reg, b: reg Reg },
    /// `R[dst] = R[a] // R[b]`.
    FloorDiv { dst: reg Reg, a: reg Reg, b: reg Reg },
    /// `R[dst] = R[a] % R[b]`.
    Mod { dst: reg Reg, a: reg Reg, b: reg Reg },
    /// `R[dst] = R[a] <op> R[b]` for the other binary operators (`**`, `<<`, `&`, ...).
    BinaryOp { op: binop BinOp, dst: reg Reg, a: reg Reg, b: reg Reg },
    /// `R[dst] = R[a] <op>= R[b]`: tries `__i<op>__` first (augmented assignment).
    InplaceOp { op: binop BinOp, dst: reg Reg, a: reg Reg, b: reg Reg },
    /// `R[dst] = -R[src]`.
    Neg { dst: reg Reg, src: reg Reg },
    /// `R[dst] = +R[src]`.
    Pos { dst: reg Reg, src: reg Reg },
    /// `R[dst] = ~R[src]`.
    Invert { dst: reg Reg, src: reg Reg },
    /// `R[dst] = not R[src]`.
    Not { dst: reg Reg, src: reg Reg },
    /// `R[dst] = bool(R[src])`.
    ToBool { dst: reg Reg, src: reg Reg },
    /// `R[dst] = R[a] <op> R[b]` for a comparison, identity or membership test.
    Compare { op: cmpop CmpOp, dst: reg Reg, a: reg Reg, b: reg Reg },

    /// `pc = target`.
    Jump { target: target Target },
    /// Loop back-edge: bumps loop counter `counter` (the JIT's hotness
    /// signal), then `pc = target`.
    Loop { target: target Target, counter: int u16 },
    /// `if R[cond]: pc = target` (Python truthiness).
    JumpIfTrue { cond: reg Reg, target: target Target },
    /// `if not R[cond]: pc = target`.
    JumpIfFalse { cond: reg Reg, target: target Target },
    /// `if not (R[a] <op> R[b]): pc = target` (a fused comparison and branch).
    CompareJump { op: cmpop CmpOp, a: reg Reg, b: reg Reg, target: target Target },
    /// `if not (R[a] <op> imm): pc = target` for a small int immediate (`i < 10`).
    CompareJumpInt { op: cmpop CmpOp, a: reg Reg, imm: int i32, target: target Target },
    /// `if R[src] is None: pc = target`.
    JumpIfNone { src: reg Reg, target: target Target },
    /// `if R[src] is not None: pc = target`.
    JumpIfNotNone { src: reg Reg, target: target Target },

    /// `R[dst] = iter(R[src])`.
    GetIter { dst: reg Reg, src: reg Reg },
    /// `R[dst] = next(R[iter])`; when the iterator is exhausted, `pc = target`.
    ForIter { dst: reg Reg, iter: reg Reg, target: target Target },

    /// `R[func] = R[func](R[func+1], ..., R[func+nargs])`. The argument
    /// registers of every call are temporaries, dead after it: the
    /// interpreter clears them once the call is made (as CPython pops its
    /// arguments, so objects are freed, and finalized, at the same time).
    Call { func: reg Reg, nargs: int u16 },
    /// Like `Call`, but the last `len(K[kwnames])` arguments are passed by
    /// the keyword names in the tuple `K[kwnames]`.
    CallKw { func: reg Reg, nargs: int u16, kwnames: konst ConstIdx },
    /// `R[func] = R[func](*R[func+1], **R[func+2])` (`R[func+2]` Undef when there is no `**`).
    CallEx { func: reg Reg },
    /// `R[dst] = R[obj].N[name]` as a method: `R[dst+1] = R[obj]` when the
    /// attribute is a plain function found on the type (unbound), else
    /// `R[dst]` is the attribute and `R[dst+1]` is Undef.
    LoadMethod { dst: reg Reg, obj: reg Reg, name: name NameIdx },
    /// Calls what `LoadMethod` prepared: with `R[base+1]` (self) prepended
    /// unless Undef; arguments in `R[base+2 ...]`; result in `R[base]`.
    CallMethod { base: reg Reg, nargs: int u16 },
    /// `CallMethod` with keyword arguments named by the tuple `K[kwnames]`.
    CallMethodKw { base: reg Reg, nargs: int u16, kwnames: konst ConstIdx },

    /// `R[dst] = R[obj].N[name]`.
    LoadAttr { dst: reg Reg, obj: reg Reg, name: name NameIdx },
    /// `R[obj].N[name] = R[src]`.
    StoreAttr { obj: reg Reg, name: name NameIdx, src: reg Reg },
    /// `del R[obj].N[name]`.
    DeleteAttr { obj: reg Reg, name: name NameIdx },
    /// `R[dst] = R[obj][R[key]]`.
    GetItem { dst: reg Reg, obj: reg Reg, key: reg Reg },
    /// `R[obj][R[key]] = R[src]`.
    SetItem { obj: reg Reg, key: reg Reg, src: reg Reg },
    /// `del R[obj][R[key]]`.
    DeleteItem { obj: reg Reg, key: reg Reg },

    /// `R[dst] = [R[start], ..., R[start+count-1]]`. The item registers of
    /// the `Build*` instructions are temporaries, dead afterwards: the
    /// interpreter moves the values (leaving Undef).
    BuildList { dst: reg Reg, start: reg Reg, count: int u16 },
    /// `R[dst] = (R[start], ..., R[start+count-1])`.
    BuildTuple { dst: reg Reg, start: reg Reg, count: int u16 },
    /// `R[dst] = {R[start], ..., R[start+count-1]}`.
    BuildSet { dst: reg Reg, start: reg Reg, count: int u16 },
    /// `R[dst] = {R[start]: R[start+1], ...}` with `count` pairs.
    BuildDict { dst: reg Reg, start: reg Reg, count: int u16 },
    /// `R[dst] = slice(R[start], R[start+1])`, or with `R[start+2]` as step when `count` is 3.
    BuildSlice { dst: reg Reg, start: reg Reg, count: int u16 },
    /// `R[dst] = "".join(R[start ... start+count-1])` (pieces are `str`).
    BuildString { dst: reg Reg, start: reg Reg, count: int u16 },
    /// `R[list].append(R[src])`.
    ListAppend { list: reg Reg, src: reg Reg },
    /// `R[list].extend(R[src])` (star-unpacking in a display).
    ListExtend { list: reg Reg, src: reg Reg },
    /// `R[dst] = tuple(R[src])` for a list.
    ListToTuple { dst: reg Reg, src: reg Reg },
    /// `R[set].add(R[src])`.
    SetAdd { set: reg Reg, src: reg Reg },
    /// `R[set].update(R[src])`.
    SetUpdate { set: reg Reg, src: reg Reg },
    /// `R[dict][R[key]] = R[value]`.
    DictInsert { dict: reg Reg, key: reg Reg, value: reg Reg },
    /// `R[dict].update(R[src])` (`**` in a dict display).
    DictUpdate { dict: reg Reg, src: reg Reg },
    /// `**R[src]` in a call: merges into `R[dict]`, `TypeError` on a repeated keyword
    /// (`R[func]` names the callee in the message).
    DictMerge { dict: reg Reg, src: reg Reg, func: reg Reg },
    /// `R[dst ... dst+count-1] = R[src]` (exactly `count` items, else `ValueError`).
    UnpackSequence { dst: reg Reg, src: reg Reg, count: int u16 },
    /// Starred unpacking: `before` items, a list of the middle, then `after` items,
    /// into `R[dst ... dst+before+after]`.
    UnpackEx { dst: reg Reg, src: reg Reg, before: int u8, after: int u8 },
    /// `R[dst] = format(R[src] converted by conv & 3 (0 none, 1 !s, 2 !r, 3 !a), R[spec])`;
    /// the spec register is used only when `conv & 4` is set.
    FormatValue { dst: reg Reg, src: reg Reg, spec: reg Reg, conv: int u8 },

    /// `R[dst] = function(K[code])` with defaults `R[args]` (tuple or None),
    /// keyword-only defaults `R[args+1]` (dict or None), closure cells
    /// `R[args+2]` (tuple or None) and annotations `R[args+3]` (dict or None).
    MakeFunction { dst: reg Reg, code: konst ConstIdx, args: reg Reg },
    /// `R[dst] = __build_class__` (the class-statement helper).
    LoadBuildClass { dst: reg Reg },
    /// `R[dst] = locals()` of a class body or `exec` frame.
    LoadLocals { dst: reg Reg },
    /// Returns `R[src]` to the caller.
    Return { src: reg Reg },
    /// Returns `None` to the caller.
    ReturnNone {},

    /// `raise R[exc]` (kind 1), `raise R[exc] from R[cause]` (kind 2), or a
    /// bare `raise` re-raising the exception being handled (kind 0).
    Raise { exc: reg Reg, cause: reg Reg, kind: int u8 },
    /// Re-raises the exception object in `R[exc]` keeping its traceback
    /// (end of `finally` and of cleanup handlers).
    Reraise { exc: reg Reg },
    /// Exception handler entry: `R[exc]` holds the exception; it becomes the
    /// exception being handled (`sys.exc_info()`, implicit chaining).
    PushExcInfo { exc: reg Reg },
    /// Leaves an exception handler: restores the previously handled exception.
    PopExcInfo {},
    /// `if not isinstance(R[exc], R[cls]): pc = target` (`except cls:`);
    /// `TypeError` if `R[cls]` is not an exception class or a tuple of them.
    JumpIfNotExcMatch { exc: reg Reg, cls: reg Reg, target: target Target },
    /// `raise AssertionError(R[msg])`, or `raise AssertionError` when `has_msg` is false.
    AssertFail { msg: reg Reg, has_msg: int bool },

    /// `with` entry: `R[dst] = type(R[mgr]).__enter__(R[mgr])` and
    /// `R[exit] = bound type(R[mgr]).__exit__`.
    WithEnter { dst: reg Reg, mgr: reg Reg, exit: reg Reg },
    /// Normal `with` exit: calls `R[exit](None, None, None)`.
    WithExit { exit: reg Reg },
    /// Exceptional `with` exit: calls `R[exit](type, R[exc], tb)`; if the
    /// result is true the exception is suppressed (`pc = target`), else re-raised.
    WithExceptExit { exit: reg Reg, exc: reg Reg, target: target Target },

    /// `R[dst] = __import__(N[name], fromlist=R[fromlist], level=level)`.
    ImportName { dst: reg Reg, name: name NameIdx, fromlist: reg Reg, level: int u8 },
    /// `R[dst] = R[module].N[name]`, or `ImportError` (tries the submodule too).
    ImportFrom { dst: reg Reg, module: reg Reg, name: name NameIdx },
    /// `from R[module] import *` into the current namespace.
    ImportStar { module: reg Reg },

    /// Suspends the generator yielding `R[src]`; on resumption `R[dst]` is the sent value.
    Yield { dst: reg Reg, src: reg Reg },
    /// `R[dst] = yield from R[iter]`: re-executed until the sub-iterator is done.
    YieldFrom { dst: reg Reg, iter: reg Reg },
    /// `await`: `R[dst]` = the iterator to delegate to for awaiting `R[src]`
    /// (a coroutine itself, or what its `__await__()` returns).
    GetAwaitable { dst: reg Reg, src: reg Reg },
    /// `async for`: `R[dst] = R[src].__aiter__()`.
    GetAIter { dst: reg Reg, src: reg Reg },
    /// `async for`: `R[dst]` = the awaitable of `R[iter].__anext__()`.
    GetANext { dst: reg Reg, iter: reg Reg },
    /// End of an `async for`: if the exception `R[exc]` is a
    /// `StopAsyncIteration` execution continues (the loop is over), else it
    /// is re-raised.
    EndAsyncFor { exc: reg Reg },
    /// `async with`: `R[exit]` = the bound `__aexit__` of `R[mgr]`, `R[dst]`
    /// = the awaitable of its `__aenter__()`.
    AsyncWithEnter { dst: reg Reg, mgr: reg Reg, exit: reg Reg },
    /// `async with` exit: `R[dst]` = the awaitable of
    /// `R[exit](type(R[exc]), R[exc], tb)` when `has_exc`, else of
    /// `R[exit](None, None, None)`.
    AsyncWithExit { dst: reg Reg, exit: reg Reg, exc: reg Reg, has_exc: int bool },

    /// `R[dst] = len(R[src])` (pattern matching).
    GetLen { dst: reg Reg, src: reg Reg },
    /// `R[dst] = isinstance(R[src], collections.abc.Sequence)` for pattern matching (kind 0),
    /// or `Mapping` (kind 1).
    MatchKind { dst: reg Reg, src: reg Reg, kind: int u8 },
    /// Class pattern: `R[dst]` = tuple of attributes `R[src]` matched against class `R[cls]`
    /// with `npos` positional sub-patterns and keyword names in tuple `K[names]`; None if no match.
    MatchClass { dst: reg Reg, src: reg Reg, cls: reg Reg, names: konst ConstIdx, npos: int u16 },
    /// Mapping pattern: `R[dst]` = tuple of `R[src][k]` for keys in tuple `R[keys]`, or None if a key is missing.
    MatchKeys { dst: reg Reg, src: reg Reg, keys: reg Reg },
    /// `R[dst] = {k: v for k, v in R[src].items() if k not in R[keys]}` (mapping pattern `**rest`).
    CopyDictWithoutKeys { dst: reg Reg, src: reg Reg, keys: reg Reg },
    /// `R[dst] = R[src].__annotations__` setup: creates `__annotations__` in the local namespace.
    SetupAnnotations {},
}

/// One entry of a code object's exception table: an exception raised while
/// `start <= pc < end` jumps to `handler` with the exception in `R[exc_reg]`.
/// Entries are ordered innermost first.
#[derive(Clone, Copy, Debug)]
pub struct ExcEntry {
    pub start: u32,
    pub end: u32,
    pub handler: u32,
    pub exc_reg: Reg,
}

pub mod code_flags {
    pub const VARARGS: u32 = 1;
    pub const VARKEYWORDS: u32 = 2;
    pub const GENERATOR: u32 = 4;
    /// Names are looked up in a locals dict (module level, class bodies, exec).
    pub const NAME_LOOKUP: u32 = 8;
    pub const CLASS_BODY: u32 = 16;
    /// `async def` without `yield` (always with `GENERATOR`: calling it
    /// makes a resumable frame object, here a `coroutine`).
    pub const COROUTINE: u32 = 32;
    /// The function body references `__class__` or uses zero-argument `super()`.
    pub const USES_CLASS_CELL: u32 = 64;
    /// `async def` with `yield` (always with `GENERATOR`): an `async_generator`.
    pub const ASYNC_GENERATOR: u32 = 128;
}

/// An inline cache slot, one per instruction (interpreted per opcode).
#[derive(Clone, Copy, Default)]
pub struct Cache {
    pub a: u64,
    pub b: u64,
    pub c: u64,
    pub d: u64,
    /// Interpreted per opcode (the attribute caches keep entry kinds here).
    pub kind: u8,
    /// Type profile for the JIT: one bit per kind of value this
    /// instruction has produced (see `jit::profile_bit`).
    pub profile: u8,
}

/// Where in the source an instruction comes from, beside its line (the
/// start line, from `CodeObj::lines`): the end line as a delta from it and
/// the start and end columns, as UTF-8 byte offsets in their lines
/// (CPython's `co_positions()`). `NONE` when unknown or out of range.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub struct Position {
    pub end_line_delta: u16,
    pub col: u16,
    pub end_col: u16,
}

impl Position {
    pub const NONE: Position = Position { end_line_delta: 0, col: u16::MAX, end_col: u16::MAX };

    /// Columns of `line`..`end_line` (0-based byte offsets); `NONE` when one
    /// does not fit or the range runs backwards.
    pub fn new(line: u32, col: u32, end_line: u32, end_col: u32) -> Position {
        let delta = end_line.wrapping_sub(line);
        if end_line < line || delta >= u16::MAX as u32 || col >= u16::MAX as u32 || end_col >= u16::MAX as u32 {
            return Position::NONE;
        }
        if delta == 0 && end_col < col {
            return Position::NONE;
        }
        Position { end_line_delta: delta as u16, col: col as u16, end_col: end_col as u16 }
    }
}

/// A compiled function body, module or class body.
pub struct CodeObj {
    pub name: String,
    pub qualname: String,
    pub filename: std::rc::Rc<str>,
    pub firstlineno: u32,
    pub instrs: Box<[Instr]>,
    /// Source line of each instruction.
    pub lines: Box<[u32]>,
    /// Source columns of each instruction (with `lines`, CPython's
    /// `co_positions()`), for the traceback's position markers.
    pub positions: Box<[Position]>,
    pub consts: Box<[Value]>,
    pub names: Box<[PyRef<StrObj>]>,
    /// Size of the register window.
    pub nregs: u16,
    /// Positional parameters (including positional-only).
    pub argcount: u16,
    pub posonlyargcount: u16,
    pub kwonlyargcount: u16,
    pub flags: u32,
    /// Names of the local variables, in register order; parameters first
    /// (positional, keyword-only, `*args`, `**kwargs`).
    pub varnames: Box<[String]>,
    /// Cell variables: (name, register). A parameter that is also a cell is
    /// converted in place by `MakeCell` at entry.
    pub cellvars: Box<[(String, Reg)]>,
    /// Free variables: (name, register); filled from the closure at entry.
    pub freevars: Box<[(String, Reg)]>,
    pub exc_table: Box<[ExcEntry]>,
    pub docstring: Value,
    /// Inline caches, indexed by instruction.
    pub caches: UnsafeCell<Box<[Cache]>>,
    /// Back-edge counters, indexed by the `counter` operand of `Loop`.
    pub loop_counters: Box<[Cell<u32>]>,
    /// Function-entry counter.
    pub entry_count: Cell<u32>,
    /// Whether the JIT compiles this function's whole body on entry:
    /// 0 not decided, 1 no (left to the interpreter), 2 yes.
    pub jit_fn: Cell<u8>,
    /// The compiled whole-function code (a `*const jit::CompiledLoop`
    /// whose strong reference the JIT's record holds), or 0: calls enter
    /// it without looking the record up.
    pub jit_entry: Cell<usize>,
    /// The code stands in for a function CPython implements in C (an
    /// embedded-library module of `modules::PY_MODULES` marked `builtin`,
    /// or a function marked with `_spry_tb.builtin_frame`): its frames are
    /// left out of tracebacks and of `f_back` chains, as CPython has no
    /// Python frame there (`reduce(f, xs)`'s traceback goes from the caller
    /// straight to `f`). They still count towards the recursion limit.
    pub builtin_frame: Cell<bool>,
}

impl CodeObj {
    #[inline]
    pub fn is_generator(&self) -> bool {
        self.flags & code_flags::GENERATOR != 0
    }

    /// The source line of the instruction at `pc`.
    pub fn line_at(&self, pc: u32) -> u32 {
        self.lines.get(pc as usize).copied().unwrap_or(self.firstlineno)
    }

    /// The source range of the instruction at `pc`: (line, end line,
    /// column, end column), columns as 0-based UTF-8 byte offsets; `None`
    /// when the columns are unknown.
    pub fn position_at(&self, pc: u32) -> Option<(u32, u32, u32, u32)> {
        let p = *self.positions.get(pc as usize)?;
        if p == Position::NONE {
            return None;
        }
        let line = self.line_at(pc);
        Some((line, line + p.end_line_delta as u32, p.col as u32, p.end_col as u32))
    }

    /// The inline cache of the instruction at `pc`.
    #[inline]
    #[allow(clippy::mut_from_ref)]
    pub fn cache(&self, pc: usize) -> &mut Cache {
        // SAFETY: single-threaded; each instruction's cache is touched only
        // by that instruction's handler, which holds no other reference to it.
        unsafe { &mut (*self.caches.get())[pc] }
    }

    /// Number of parameters, including `*args` and `**kwargs`.
    pub fn total_params(&self) -> usize {
        self.argcount as usize
            + self.kwonlyargcount as usize
            + (self.flags & code_flags::VARARGS != 0) as usize
            + (self.flags & code_flags::VARKEYWORDS != 0) as usize
    }
}

impl crate::objects::Trace for CodeObj {
    fn trace(&self, visit: &mut dyn FnMut(&Value)) {
        self.consts.iter().for_each(visit);
    }
    fn clear(&self) {}
}

/// Prints `code` and every code object among its constants, as `--dis` does.
pub fn disassemble(code: &CodeObj, out: &mut String) {
    use std::fmt::Write;
    let _ = writeln!(
        out,
        "Disassembly of <code object {} at line {}> ({} registers, {} params{}):",
        code.qualname,
        code.firstlineno,
        code.nregs,
        code.total_params(),
        if code.flags & code_flags::COROUTINE != 0 {
            ", coroutine"
        } else if code.flags & code_flags::ASYNC_GENERATOR != 0 {
            ", async generator"
        } else if code.is_generator() {
            ", generator"
        } else {
            ""
        }
    );
    if !code.varnames.is_empty() {
        let locals: Vec<String> = code.varnames.iter().enumerate().map(|(i, n)| format!("r{}={}", i, n)).collect();
        let _ = writeln!(out, "  locals: {}", locals.join(" "));
    }
    for (n, r) in code.cellvars.iter() {
        let _ = writeln!(out, "  cell: r{}={}", r, n);
    }
    for (n, r) in code.freevars.iter() {
        let _ = writeln!(out, "  free: r{}={}", r, n);
    }
    let targets: std::collections::HashSet<u32> = code
        .instrs
        .iter()
        .flat_map(|i| i.operands().into_iter().filter_map(|(_, o)| if let Operand::Target(t) = o { Some(t) } else { None }))
        .chain(code.exc_table.iter().map(|e| e.handler))
        .collect();
    let mut last_line = 0;
    for (pc, ins) in code.instrs.iter().enumerate() {
        let line = code.lines[pc];
        let line_s = if line != last_line { format!("{:>4}", line) } else { "    ".to_string() };
        last_line = line;
        let mark = if targets.contains(&(pc as u32)) { ">>" } else { "  " };
        let ops: Vec<String> = ins
            .operands()
            .into_iter()
            .map(|(field, o)| match o {
                Operand::Reg(r) => format!("{}=r{}", field, r),
                Operand::Const(k) => format!("{}={}", field, const_repr(&code.consts[k as usize])),
                Operand::Name(n) => format!("{}={}", field, code.names[n as usize].as_str()),
                Operand::Target(t) => format!("{}={}", field, t),
                Operand::Int(i) => format!("{}={}", field, i),
                Operand::Bin(b) => b.symbol().to_string(),
                Operand::Cmp(c) => c.symbol().to_string(),
            })
            .collect();
        let _ = writeln!(out, "{} {} {:>4} {:<18} {}", line_s, mark, pc, ins.name(), ops.join(" ")).map(|_| ());
        // Trim trailing spaces of instructions without operands.
        if ops.is_empty() {
            let trimmed = out.trim_end().len();
            out.truncate(trimmed);
            out.push('\n');
        }
    }
    if !code.exc_table.is_empty() {
        let _ = writeln!(out, "  exception table:");
        for e in code.exc_table.iter() {
            let _ = writeln!(out, "    {} to {} -> {} exc=r{}", e.start, e.end, e.handler, e.exc_reg);
        }
    }
    for c in code.consts.iter() {
        if let Value::Code(inner) = c {
            out.push('\n');
            disassemble(inner, out);
        }
    }
}

/// Constants as the disassembler shows them.
fn const_repr(v: &Value) -> String {
    match v {
        Value::Code(c) => format!("<code {}>", c.qualname),
        other => crate::vm::repr::simple_repr(other),
    }
}

impl Instr {
    /// The registers this instruction reads and the ones it writes (for
    /// liveness in the JIT). Multi-register operands (call arguments,
    /// display elements, unpacking targets) are expanded.
    pub fn reg_effects(&self, reads: &mut Vec<Reg>, writes: &mut Vec<Reg>) {
        use Instr::*;
        let range = |start: Reg, n: usize| (0..n).map(move |i| start + i as Reg);
        match *self {
            Nop {} | Jump { .. } | Loop { .. } | ReturnNone {} | PopExcInfo {} | SetupAnnotations {} => {}
            Move { dst, src } => {
                reads.push(src);
                writes.push(dst);
            }
            Take { dst, src } => {
                // The value is moved out: `src` becomes Undef.
                reads.push(src);
                writes.push(src);
                writes.push(dst);
            }
            LoadConst { dst, .. }
            | LoadInt { dst, .. }
            | LoadNone { dst }
            | LoadBool { dst, .. }
            | LoadGlobal { dst, .. }
            | LoadName { dst, .. } => writes.push(dst),
            LoadBuildClass { dst } | LoadLocals { dst } => writes.push(dst),
            CheckBound { reg, .. } => reads.push(reg),
            DeleteLocal { reg, .. } => {
                reads.push(reg);
                writes.push(reg);
            }
            StoreGlobal { src, .. } | StoreName { src, .. } => reads.push(src),
            DeleteGlobal { .. } | DeleteName { .. } => {}
            LoadDeref { dst, cell, .. } | LoadClassDeref { dst, cell, .. } => {
                reads.push(cell);
                writes.push(dst);
            }
            StoreDeref { cell, src } => {
                reads.push(cell);
                reads.push(src);
            }
            DeleteDeref { cell, .. } => reads.push(cell),
            MakeCell { reg } => {
                reads.push(reg);
                writes.push(reg);
            }
            Add { dst, a, b }
            | Sub { dst, a, b }
            | Mul { dst, a, b }
            | TrueDiv { dst, a, b }
            | FloorDiv { dst, a, b }
            | Mod { dst, a, b }
            | BinaryOp { dst, a, b, .. }
            | InplaceOp { dst, a, b, .. }
            | Compare { dst, a, b, .. } => {
                reads.push(a);
                reads.push(b);
                writes.push(dst);
            }
            AddInt { dst, a, .. } | SubInt { dst, a, .. } | ModInt { dst, a, .. } => {
                reads.push(a);
                writes.push(dst);
            }
            Neg { dst, src } | Pos { dst, src } | Invert { dst, src } | Not { dst, src } | ToBool { dst, src } => {
                reads.push(src);
                writes.push(dst);
            }
            GetIter { dst, src } | ListToTuple { dst, src } | GetLen { dst, src } | MatchKind { dst, src, .. } => {
                reads.push(src);
                writes.push(dst);
            }
            JumpIfTrue { cond, .. } | JumpIfFalse { cond, .. } => reads.push(cond),
            CompareJump { a, b, .. } => {
                reads.push(a);
                reads.push(b);
            }
            CompareJumpInt { a, .. } => reads.push(a),
            JumpIfNone { src, .. } | JumpIfNotNone { src, .. } => reads.push(src),
            ForIter { dst, iter, .. } => {
                reads.push(iter);
                writes.push(dst);
            }
            Call { func, nargs } | CallKw { func, nargs, .. } => {
                reads.extend(range(func, nargs as usize + 1));
                writes.extend(range(func, nargs as usize + 1));
            }
            CallEx { func } => {
                reads.extend(range(func, 3));
                writes.push(func);
            }
            LoadMethod { dst, obj, .. } => {
                reads.push(obj);
                writes.push(dst);
                writes.push(dst + 1);
            }
            CallMethod { base, nargs } | CallMethodKw { base, nargs, .. } => {
                reads.extend(range(base, nargs as usize + 2));
                writes.extend(range(base, nargs as usize + 2));
            }
            LoadAttr { dst, obj, .. } => {
                reads.push(obj);
                writes.push(dst);
            }
            StoreAttr { obj, src, .. } => {
                reads.push(obj);
                reads.push(src);
            }
            DeleteAttr { obj, .. } => reads.push(obj),
            GetItem { dst, obj, key } => {
                reads.push(obj);
                reads.push(key);
                writes.push(dst);
            }
            SetItem { obj, key, src } => {
                reads.push(obj);
                reads.push(key);
                reads.push(src);
            }
            DeleteItem { obj, key } => {
                reads.push(obj);
                reads.push(key);
            }
            BuildList { dst, start, count } | BuildTuple { dst, start, count } | BuildSet { dst, start, count } => {
                // The items are moved out: their registers become Undef.
                reads.extend(range(start, count as usize));
                writes.extend(range(start, count as usize));
                writes.push(dst);
            }
            BuildSlice { dst, start, count } | BuildString { dst, start, count } => {
                reads.extend(range(start, count as usize));
                writes.push(dst);
            }
            BuildDict { dst, start, count } => {
                reads.extend(range(start, 2 * count as usize));
                writes.extend(range(start, 2 * count as usize));
                writes.push(dst);
            }
            ListAppend { list, src } | ListExtend { list, src } => {
                reads.push(list);
                reads.push(src);
            }
            SetAdd { set, src } | SetUpdate { set, src } => {
                reads.push(set);
                reads.push(src);
            }
            DictInsert { dict, key, value } => {
                reads.push(dict);
                reads.push(key);
                reads.push(value);
            }
            DictUpdate { dict, src } => {
                reads.push(dict);
                reads.push(src);
            }
            DictMerge { dict, src, func } => {
                reads.push(dict);
                reads.push(src);
                reads.push(func);
            }
            UnpackSequence { dst, src, count } => {
                reads.push(src);
                writes.extend(range(dst, count as usize));
            }
            UnpackEx { dst, src, before, after } => {
                reads.push(src);
                writes.extend(range(dst, before as usize + after as usize + 1));
            }
            FormatValue { dst, src, spec, conv } => {
                reads.push(src);
                if conv & 4 != 0 {
                    reads.push(spec);
                }
                writes.push(dst);
            }
            MakeFunction { dst, args, .. } => {
                reads.extend(range(args, 4));
                writes.push(dst);
            }
            Return { src } => reads.push(src),
            Raise { exc, cause, kind } => {
                if kind >= 1 {
                    reads.push(exc);
                }
                if kind == 2 {
                    reads.push(cause);
                }
            }
            Reraise { exc } | PushExcInfo { exc } => reads.push(exc),
            JumpIfNotExcMatch { exc, cls, .. } => {
                reads.push(exc);
                reads.push(cls);
            }
            AssertFail { msg, has_msg } => {
                if has_msg {
                    reads.push(msg);
                }
            }
            WithEnter { dst, mgr, exit } => {
                reads.push(mgr);
                writes.push(dst);
                writes.push(exit);
            }
            WithExit { exit } => reads.push(exit),
            WithExceptExit { exit, exc, .. } => {
                reads.push(exit);
                reads.push(exc);
            }
            ImportName { dst, fromlist, .. } => {
                reads.push(fromlist);
                writes.push(dst);
            }
            ImportFrom { dst, module, .. } => {
                reads.push(module);
                writes.push(dst);
            }
            ImportStar { module } => reads.push(module),
            Yield { dst, src } => {
                reads.push(src);
                writes.push(dst);
            }
            YieldFrom { dst, iter } => {
                reads.push(dst);
                reads.push(iter);
                writes.push(dst);
            }
            GetAwaitable { dst, src } | GetAIter { dst, src } => {
                reads.push(src);
                writes.push(dst);
            }
            GetANext { dst, iter } => {
                reads.push(iter);
                writes.push(dst);
            }
            EndAsyncFor { exc } => reads.push(exc),
            AsyncWithEnter { dst, mgr, exit } => {
                reads.push(mgr);
                writes.push(dst);
                writes.push(exit);
            }
            AsyncWithExit { dst, exit, exc, has_exc } => {
                reads.push(exit);
                if has_exc {
                    reads.push(exc);
                }
                writes.push(dst);
            }
            MatchClass { dst, src, cls, .. } => {
                reads.push(src);
                reads.push(cls);
                writes.push(dst);
            }
            MatchKeys { dst, src, keys } | CopyDictWithoutKeys { dst, src, keys } => {
                reads.push(src);
                reads.push(keys);
                writes.push(dst);
            }
        }
    }

    /// Branch targets of this instruction (besides falling through).
    pub fn targets(&self) -> Option<Target> {
        use Instr::*;
        match *self {
            Jump { target }
            | Loop { target, .. }
            | JumpIfTrue { target, .. }
            | JumpIfFalse { target, .. }
            | CompareJump { target, .. }
            | CompareJumpInt { target, .. }
            | JumpIfNone { target, .. }
            | JumpIfNotNone { target, .. }
            | ForIter { target, .. }
            | JumpIfNotExcMatch { target, .. }
            | WithExceptExit { target, .. } => Some(target),
            _ => None,
        }
    }

    /// Whether execution can continue with the next instruction.
    pub fn falls_through(&self) -> bool {
        !matches!(
            self,
            Instr::Jump { .. }
                | Instr::Loop { .. }
                | Instr::Return { .. }
                | Instr::ReturnNone {}
                | Instr::Raise { .. }
                | Instr::Reraise { .. }
                | Instr::AssertFail { .. }
        )
    }
}
