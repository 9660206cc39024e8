//! Spry's JIT IR: the interface between the VM's translator and this
//! backend.
//!
//! A function is a control-flow graph of blocks in SSA form. Every value is
//! a 64-bit integer (`I64`: ints, bools as 0/1, pointers, tags) or a 64-bit
//! float (`F64`). Blocks take parameters (like Cranelift); guards are plain
//! conditional branches to exit blocks, which store what the interpreter
//! needs into the frame and `Return` an exit number. The compiled function
//! has the signature `extern "C" fn(base: *mut u8, ctx: *mut u8) -> u64`;
//! block 0 is the entry and its two parameters are `base` and `ctx`.
//!
//! Runtime helpers are called through their address with integer-only
//! signatures (`Call`), so the backend needs no knowledge of the VM.

use smallvec::SmallVec;
use std::fmt;

/// An SSA value.
pub type Var = u32;
/// A block index.
pub type BlockId = u32;
/// A mutable local variable (like Cranelift's `Variable`): the translator
/// assigns it with `SetVar` anywhere and reads it with `GetVar`; the
/// backend builds SSA form. Unassigned variables read as 0.
pub type LocalId = u32;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Ty {
    I64,
    F64,
}

/// Integer and float comparisons.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Cmp {
    Eq,
    Ne,
    Lt,
    Le,
    Gt,
    Ge,
    /// Unsigned less-than (bounds checks).
    Ult,
}

/// Operations. The operands are in `Inst::args`, in the order documented.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Op {
    /// `-> I64` constant.
    IConst(i64),
    /// `-> F64` constant.
    FConst(f64),
    /// `[addr] -> ty`: 64-bit load from `addr + off`.
    Load {
        ty: Ty,
        off: i32,
    },
    /// `[addr, val]`: 64-bit store of `val` to `addr + off`.
    Store {
        off: i32,
    },
    /// `[a, b] -> I64`, wrapping.
    IAdd,
    ISub,
    IMul,
    IAnd,
    IOr,
    IXor,
    /// `[a, b] -> I64`: `a << (b & 63)`.
    IShl,
    /// Arithmetic shift right by `b & 63`.
    ISar,
    /// `[a] -> I64`.
    INeg,
    /// `[a, b] -> I64` signed division / remainder (truncating); the
    /// translator guarantees `b != 0` and not `MIN / -1`.
    SDiv,
    SRem,
    /// `[a, b] -> (I64 result, I64 overflow flag 0/1)`.
    IAddOv,
    ISubOv,
    IMulOv,
    /// `[a, b] -> I64` 0/1.
    ICmp(Cmp),
    /// `[a, b] -> I64` 0/1 (false when unordered, except `Ne`).
    FCmp(Cmp),
    /// `[a, b] -> F64`.
    FAdd,
    FSub,
    FMul,
    FDiv,
    /// `[a] -> F64`.
    FNeg,
    FSqrt,
    FAbs,
    /// `[a: I64] -> F64` signed conversion.
    IToF,
    /// `[a: F64] -> I64` reinterpretation of the bits.
    FBits,
    /// `[a: I64] -> F64` reinterpretation of the bits.
    BitsF,
    /// `[c, a, b] -> ty of a`: `c != 0 ? a : b`.
    Select,
    /// `[args...] -> [I64]` when `ret`: call of the helper at `addr`
    /// with `args.len()` I64 arguments. `preserve`: the callee keeps every
    /// register (a trampoline around a helper; no result): the call
    /// clobbers nothing, so values live across it stay in registers.
    Call {
        addr: u64,
        name: &'static str,
        ret: bool,
        preserve: bool,
    },
    /// `[addr, args...] -> [I64]`: call of the function (helper or
    /// compiled code, same ABI as `Call`) whose address is the first
    /// operand, with the other operands as arguments.
    CallInd,
    /// `-> I64`: the native stack pointer (for stack-depth checks).
    StackPtr,
    /// `-> ty of the local`: reads local variable `LocalId`.
    GetVar(LocalId),
    /// `[val]`: assigns local variable `LocalId`.
    SetVar(LocalId),
    /// `[addr] -> I64`: zero-extending 8-bit load from `addr + off`.
    Load8 {
        off: i32,
    },
    /// `[addr, val: I64]`: stores the low byte of `val` at `addr + off`.
    Store8 {
        off: i32,
    },
    /// Stores local variable `LocalId`'s current value in the function's
    /// own stack slot for it (memory nothing else sees).
    Spill(LocalId),
    /// Assigns local variable `LocalId` the value its last `Spill` stored.
    /// A spill and reload around a helper call split the local's live
    /// range: no value of it lives across the call, so the register
    /// allocator need not keep it on the stack elsewhere.
    Reload(LocalId),
}

/// An instruction's operands (most have at most three: kept inline, no
/// allocation per instruction; the translator builds thousands).
pub type Args = SmallVec<[Var; 3]>;
/// An instruction's results (at most two).
pub type Results = SmallVec<[Var; 2]>;

/// An instruction: an operation, its operands and its results.
#[derive(Clone, Debug, PartialEq)]
pub struct Inst {
    pub op: Op,
    pub args: Args,
    pub results: Results,
}

/// How a block ends.
#[derive(Clone, Debug, PartialEq)]
pub enum Terminator {
    Jump(BlockId, Vec<Var>),
    /// `if cond != 0 { then } else { els }`.
    Branch {
        cond: Var,
        then: (BlockId, Vec<Var>),
        els: (BlockId, Vec<Var>),
    },
    /// Leaves the compiled code returning an I64 (the exit number).
    Return(Var),
    /// Not yet set (only while building).
    None,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Block {
    pub params: Vec<Var>,
    pub insts: Vec<Inst>,
    pub term: Terminator,
    /// A cold block (exits): placed out of the hot path.
    pub cold: bool,
}

/// A function under construction or ready to compile.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Function {
    pub name: String,
    pub blocks: Vec<Block>,
    /// The type of every SSA value.
    pub types: Vec<Ty>,
    /// The type of every local variable.
    pub locals: Vec<Ty>,
    /// How many instructions with effects beyond their results (calls,
    /// stores) were pushed so far: a front end compares two readings to
    /// know that code in between only computed values.
    pub effects: u64,
}

impl Function {
    /// A function whose entry block has the parameters `base` and `ctx`.
    pub fn new(name: &str) -> Function {
        let mut f = Function { name: name.to_string(), blocks: Vec::new(), types: Vec::new(), locals: Vec::new(), effects: 0 };
        let b = f.new_block();
        let base = f.new_var(Ty::I64);
        let ctx = f.new_var(Ty::I64);
        f.blocks[b as usize].params = vec![base, ctx];
        f
    }

    pub fn new_var(&mut self, ty: Ty) -> Var {
        self.types.push(ty);
        (self.types.len() - 1) as Var
    }

    /// Declares a local variable of type `ty`.
    pub fn new_local(&mut self, ty: Ty) -> LocalId {
        self.locals.push(ty);
        (self.locals.len() - 1) as LocalId
    }

    pub fn new_block(&mut self) -> BlockId {
        self.blocks.push(Block { params: Vec::new(), insts: Vec::new(), term: Terminator::None, cold: false });
        (self.blocks.len() - 1) as BlockId
    }

    /// Adds a parameter of type `ty` to block `b`.
    pub fn add_param(&mut self, b: BlockId, ty: Ty) -> Var {
        let v = self.new_var(ty);
        self.blocks[b as usize].params.push(v);
        v
    }

    pub fn ty(&self, v: Var) -> Ty {
        self.types[v as usize]
    }

    /// The entry block's `base` parameter.
    pub fn base(&self) -> Var {
        self.blocks[0].params[0]
    }

    /// The entry block's `ctx` parameter.
    pub fn ctx(&self) -> Var {
        self.blocks[0].params[1]
    }

    /// Appends an instruction to block `b`, returning its results.
    pub fn push(&mut self, b: BlockId, op: Op, args: impl AsRef<[Var]>) -> Results {
        if matches!(op, Op::Store { .. } | Op::Store8 { .. } | Op::Call { .. } | Op::CallInd) {
            self.effects += 1;
        }
        let args: Args = SmallVec::from_slice(args.as_ref());
        let (t0, t1) = match &op {
            Op::IConst(_) => (Some(Ty::I64), None),
            Op::FConst(_) => (Some(Ty::F64), None),
            Op::Load { ty, .. } => (Some(*ty), None),
            Op::Store { .. } | Op::Store8 { .. } => (None, None),
            Op::IAdd | Op::ISub | Op::IMul | Op::IAnd | Op::IOr | Op::IXor | Op::IShl | Op::ISar | Op::INeg => (Some(Ty::I64), None),
            Op::SDiv | Op::SRem => (Some(Ty::I64), None),
            Op::IAddOv | Op::ISubOv | Op::IMulOv => (Some(Ty::I64), Some(Ty::I64)),
            Op::ICmp(_) | Op::FCmp(_) => (Some(Ty::I64), None),
            Op::FAdd | Op::FSub | Op::FMul | Op::FDiv | Op::FNeg | Op::FSqrt | Op::FAbs => (Some(Ty::F64), None),
            Op::IToF | Op::BitsF => (Some(Ty::F64), None),
            Op::FBits => (Some(Ty::I64), None),
            Op::Select => (Some(self.ty(args[1])), None),
            Op::GetVar(l) => (Some(self.locals[*l as usize]), None),
            Op::SetVar(_) | Op::Spill(_) | Op::Reload(_) => (None, None),
            Op::Load8 { .. } => (Some(Ty::I64), None),
            Op::CallInd | Op::StackPtr => (Some(Ty::I64), None),
            Op::Call { ret, .. } => (ret.then_some(Ty::I64), None),
        };
        let mut results = Results::new();
        for t in [t0, t1].into_iter().flatten() {
            results.push(self.new_var(t));
        }
        self.blocks[b as usize].insts.push(Inst { op, args, results: results.clone() });
        results
    }

    /// Appends an instruction with exactly one result.
    pub fn push1(&mut self, b: BlockId, op: Op, args: impl AsRef<[Var]>) -> Var {
        let r = self.push(b, op, args);
        debug_assert_eq!(r.len(), 1);
        r[0]
    }

    pub fn iconst(&mut self, b: BlockId, v: i64) -> Var {
        self.push1(b, Op::IConst(v), [])
    }

    pub fn fconst(&mut self, b: BlockId, v: f64) -> Var {
        self.push1(b, Op::FConst(v), [])
    }

    pub fn set_term(&mut self, b: BlockId, t: Terminator) {
        self.blocks[b as usize].term = t;
    }

    /// Checks structural well-formedness: every block terminated, targets
    /// exist, argument counts and types match block parameters.
    pub fn verify(&self) -> Result<(), String> {
        for (i, b) in self.blocks.iter().enumerate() {
            let check_call = |target: (BlockId, &[Var])| -> Result<(), String> {
                let tb = self.blocks.get(target.0 as usize).ok_or_else(|| format!("block {} jumps to missing block {}", i, target.0))?;
                if tb.params.len() != target.1.len() {
                    return Err(format!(
                        "block {} passes {} args to block {} with {} params",
                        i,
                        target.1.len(),
                        target.0,
                        tb.params.len()
                    ));
                }
                for (a, p) in target.1.iter().zip(tb.params.iter()) {
                    if self.ty(*a) != self.ty(*p) {
                        return Err(format!("block {}: arg v{} type differs from param v{} of block {}", i, a, p, target.0));
                    }
                }
                Ok(())
            };
            for inst in &b.insts {
                if let Op::SetVar(l) = inst.op {
                    let lt = self.locals.get(l as usize).ok_or_else(|| format!("block {}: undeclared local l{}", i, l))?;
                    if *lt != self.ty(inst.args[0]) {
                        return Err(format!("block {}: local l{} assigned a value of another type", i, l));
                    }
                }
                if let Op::GetVar(l) | Op::Spill(l) | Op::Reload(l) = inst.op {
                    if l as usize >= self.locals.len() {
                        return Err(format!("block {}: undeclared local l{}", i, l));
                    }
                }
            }
            match &b.term {
                Terminator::None => return Err(format!("block {} has no terminator", i)),
                Terminator::Jump(t, args) => check_call((*t, args))?,
                Terminator::Branch { then, els, .. } => {
                    check_call((then.0, &then.1))?;
                    check_call((els.0, &els.1))?;
                }
                Terminator::Return(_) => {}
            }
        }
        Ok(())
    }
}

impl fmt::Display for Ty {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Ty::I64 => write!(f, "i64"),
            Ty::F64 => write!(f, "f64"),
        }
    }
}

fn vars(v: &[Var]) -> String {
    v.iter().map(|x| format!("v{}", x)).collect::<Vec<_>>().join(", ")
}

impl fmt::Display for Function {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        use std::fmt::Write;
        let mut out = String::new();
        writeln!(out, "function {}:", self.name)?;
        self.write_blocks(&mut out, false);
        f.write_str(&out)
    }
}

impl Function {
    /// The blocks as `Display` shows them; `full`: as `dump` writes them
    /// (calls with their address and `preserve`).
    pub(crate) fn write_blocks(&self, out: &mut String, full: bool) {
        use std::fmt::Write;
        for (i, b) in self.blocks.iter().enumerate() {
            let params: Vec<String> = b.params.iter().map(|p| format!("v{}: {}", p, self.ty(*p))).collect();
            let _ = writeln!(out, "  block{}({}){}:", i, params.join(", "), if b.cold { " cold" } else { "" });
            for inst in &b.insts {
                let lhs = if inst.results.is_empty() { String::new() } else { format!("{} = ", vars(&inst.results)) };
                let op = match &inst.op {
                    Op::IConst(c) => format!("iconst {}", c),
                    Op::FConst(c) => format!("fconst {:?}", c),
                    Op::Load { ty, off } => format!("load.{} [{}{:+}]", ty, vars(&inst.args), off),
                    Op::Store { off } => {
                        format!("store [v{}{:+}], v{}", inst.args[0], off, inst.args[1])
                    }
                    Op::Call { name, addr, preserve, .. } if full => {
                        format!("call{} {}@{:#x}({})", if *preserve { ".preserve" } else { "" }, name, addr, vars(&inst.args))
                    }
                    Op::Call { name, .. } => format!("call {}({})", name, vars(&inst.args)),
                    Op::GetVar(l) => format!("get_local l{}", l),
                    Op::SetVar(l) => format!("set_local l{}, {}", l, vars(&inst.args)),
                    Op::Spill(l) => format!("spill l{}", l),
                    Op::Reload(l) => format!("reload l{}", l),
                    Op::Load8 { off } => format!("load.u8 [{}{:+}]", vars(&inst.args), off),
                    Op::Store8 { off } => format!("store.u8 [v{}{:+}], v{}", inst.args[0], off, inst.args[1]),
                    other => format!("{} {}", format!("{:?}", other).to_lowercase(), vars(&inst.args)),
                };
                let _ = writeln!(out, "    {}{}", lhs, op);
            }
            let _ = match &b.term {
                Terminator::Jump(t, a) => writeln!(out, "    jump block{}({})", t, vars(a)),
                Terminator::Branch { cond, then, els } => {
                    writeln!(out, "    br v{}, block{}({}), block{}({})", cond, then.0, vars(&then.1), els.0, vars(&els.1))
                }
                Terminator::Return(v) => writeln!(out, "    return v{}", v),
                Terminator::None => writeln!(out, "    <unterminated>"),
            };
        }
    }
}

impl Function {
    /// The blocks reachable from the entry in reverse postorder: every
    /// block comes after the blocks that dominate it, so SSA values are
    /// defined before they are used when blocks are emitted in this order.
    /// Whether the function has a loop: an edge to a block that does not
    /// come later in reverse postorder (a back-edge).
    pub fn has_loop(&self) -> bool {
        let order = self.reverse_postorder();
        let mut idx = vec![usize::MAX; self.blocks.len()];
        for (i, &b) in order.iter().enumerate() {
            idx[b as usize] = i;
        }
        order.iter().enumerate().any(|(i, &b)| match &self.blocks[b as usize].term {
            Terminator::Jump(t, _) => idx[*t as usize] <= i,
            Terminator::Branch { then, els, .. } => idx[then.0 as usize] <= i || idx[els.0 as usize] <= i,
            _ => false,
        })
    }

    pub fn reverse_postorder(&self) -> Vec<BlockId> {
        let n = self.blocks.len();
        let mut seen = vec![false; n];
        let mut post = Vec::with_capacity(n);
        // Iterative DFS: (block, next successor index).
        let mut stack: Vec<(BlockId, usize)> = vec![(0, 0)];
        seen[0] = true;
        while let Some(&mut (b, ref mut k)) = stack.last_mut() {
            let succs: Vec<BlockId> = match &self.blocks[b as usize].term {
                Terminator::Jump(t, _) => vec![*t],
                Terminator::Branch { then, els, .. } => vec![then.0, els.0],
                _ => vec![],
            };
            if *k < succs.len() {
                let s = succs[*k];
                *k += 1;
                if !seen[s as usize] {
                    seen[s as usize] = true;
                    stack.push((s, 0));
                }
            } else {
                post.push(b);
                stack.pop();
            }
        }
        post.reverse();
        post
    }
}
