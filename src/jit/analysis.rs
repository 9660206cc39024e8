//! Bytecode analyses the translator needs: the successors of each
//! instruction (including the edge to its exception handler) and register
//! liveness over a whole code object.

use crate::bytecode::{CodeObj, Instr};

/// A set of registers.
#[derive(Clone, PartialEq, Eq, Debug)]
pub struct RegSet(Vec<u64>);

impl RegSet {
    pub fn new(n: usize) -> RegSet {
        RegSet(vec![0; n.div_ceil(64).max(1)])
    }
    #[inline]
    pub fn contains(&self, r: usize) -> bool {
        self.0.get(r / 64).is_some_and(|w| w & (1 << (r % 64)) != 0)
    }
    #[inline]
    pub fn insert(&mut self, r: usize) {
        self.0[r / 64] |= 1 << (r % 64);
    }
    #[inline]
    pub fn remove(&mut self, r: usize) {
        self.0[r / 64] &= !(1 << (r % 64));
    }
    /// `self |= other`; returns whether `self` changed.
    pub fn union_with(&mut self, other: &RegSet) -> bool {
        let mut changed = false;
        for (a, b) in self.0.iter_mut().zip(other.0.iter()) {
            let n = *a | *b;
            changed |= n != *a;
            *a = n;
        }
        changed
    }
}

/// Successors of instruction `pc`: fall-through, branch target and the
/// exception handler covering it.
pub fn successors(code: &CodeObj, pc: usize, out: &mut Vec<usize>) {
    out.clear();
    let ins = &code.instrs[pc];
    if ins.falls_through() && pc + 1 < code.instrs.len() {
        out.push(pc + 1);
    }
    if let Some(t) = ins.targets() {
        out.push(t as usize);
    }
    if let Some(h) = handler(code, pc) {
        out.push(h);
    }
}

/// The exception handler covering `pc`, if any.
pub fn handler(code: &CodeObj, pc: usize) -> Option<usize> {
    code.exc_table.iter().find(|e| e.start as usize <= pc && pc < e.end as usize).map(|e| e.handler as usize)
}

/// Live registers before each instruction of a code object.
pub struct Liveness {
    pub live_in: Vec<RegSet>,
}

impl Liveness {
    pub fn compute(code: &CodeObj) -> Liveness {
        let n = code.instrs.len();
        let nregs = code.nregs as usize;
        let mut uses: Vec<Vec<u16>> = Vec::with_capacity(n);
        let mut defs: Vec<Vec<u16>> = Vec::with_capacity(n);
        for ins in code.instrs.iter() {
            let (mut r, mut w) = (Vec::new(), Vec::new());
            ins.reg_effects(&mut r, &mut w);
            uses.push(r);
            defs.push(w);
        }
        let mut live_in = vec![RegSet::new(nregs); n];
        let mut succ = Vec::new();
        let mut changed = true;
        while changed {
            changed = false;
            for pc in (0..n).rev() {
                let mut live = RegSet::new(nregs);
                successors(code, pc, &mut succ);
                for &s in &succ {
                    live.union_with(&live_in[s]);
                }
                // Instructions that may only partially write their outputs
                // (an error after some stores) keep defs live: we only
                // remove a def when the instruction cannot fail midway.
                let total_write = matches!(
                    code.instrs[pc],
                    Instr::Move { .. }
                        | Instr::Take { .. }
                        | Instr::LoadConst { .. }
                        | Instr::LoadInt { .. }
                        | Instr::LoadNone { .. }
                        | Instr::LoadBool { .. }
                ) || handler(code, pc).is_none();
                if total_write {
                    for &d in &defs[pc] {
                        live.remove(d as usize);
                    }
                }
                for &u in &uses[pc] {
                    live.insert(u as usize);
                }
                if live_in[pc] != live {
                    live_in[pc] = live;
                    changed = true;
                }
            }
        }
        Liveness { live_in }
    }
}

/// The first instruction of every basic block within `lo..=hi`: `lo`, jump
/// targets and instructions after branches.
pub fn block_leaders(code: &CodeObj, lo: usize, hi: usize) -> Vec<bool> {
    let n = code.instrs.len();
    let mut leader = vec![false; n + 1];
    leader[lo] = true;
    for pc in lo..=hi {
        let ins = &code.instrs[pc];
        if let Some(t) = ins.targets() {
            leader[t as usize] = true;
            // A `ForIter` continues into its loop body in the same block
            // (the translator can then fuse it with the unpacking after it).
            if !matches!(ins, Instr::ForIter { .. }) {
                leader[pc + 1] = true;
            }
        }
        if !ins.falls_through() {
            leader[pc + 1] = true;
        }
    }
    // Exception handlers start blocks (`catch` jumps there).
    for e in code.exc_table.iter() {
        let h = e.handler as usize;
        if (lo..=hi).contains(&h) {
            leader[h] = true;
        }
    }
    leader
}
