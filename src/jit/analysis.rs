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
    /// Backward dataflow to a fixed point over the instructions, with the
    /// sets in one flat buffer (no allocation per instruction and pass:
    /// this runs for every code object a translation reads, and showed in
    /// compile-time profiles).
    pub fn compute(code: &CodeObj) -> Liveness {
        let n = code.instrs.len();
        let nregs = code.nregs as usize;
        let words = nregs.div_ceil(64).max(1);
        // Per instruction: its reads and writes (flattened, `*_end` marks
        // where each instruction's run stops), its successors, and whether
        // its writes kill (instructions that may only partially write their
        // outputs, an error after some stores, keep them live: a write is
        // a kill only when the instruction cannot fail midway).
        let (mut uses, mut defs) = (Vec::new(), Vec::new());
        let (mut use_end, mut def_end) = (Vec::with_capacity(n), Vec::with_capacity(n));
        let mut succ: Vec<usize> = Vec::with_capacity(2 * n);
        let mut succ_end = Vec::with_capacity(n);
        let mut kills = Vec::with_capacity(n);
        let mut out = Vec::new();
        for (pc, ins) in code.instrs.iter().enumerate() {
            ins.reg_effects(&mut uses, &mut defs);
            use_end.push(uses.len());
            def_end.push(defs.len());
            successors(code, pc, &mut out);
            succ.extend_from_slice(&out);
            succ_end.push(succ.len());
            kills.push(
                matches!(
                    ins,
                    Instr::Move { .. }
                        | Instr::Take { .. }
                        | Instr::LoadConst { .. }
                        | Instr::LoadInt { .. }
                        | Instr::LoadNone { .. }
                        | Instr::LoadBool { .. }
                ) || handler(code, pc).is_none(),
            );
        }
        // Instruction `pc`'s run in a flattened list ending at `ends[pc]`.
        let span = |ends: &[usize], pc: usize| (if pc == 0 { 0 } else { ends[pc - 1] })..ends[pc];
        let mut sets = vec![0u64; n * words];
        let mut live = vec![0u64; words];
        let mut changed = true;
        while changed {
            changed = false;
            for pc in (0..n).rev() {
                live.fill(0);
                for &s in &succ[span(&succ_end, pc)] {
                    for (l, x) in live.iter_mut().zip(&sets[s * words..(s + 1) * words]) {
                        *l |= *x;
                    }
                }
                if kills[pc] {
                    for &d in &defs[span(&def_end, pc)] {
                        live[d as usize / 64] &= !(1 << (d as usize % 64));
                    }
                }
                for &u in &uses[span(&use_end, pc)] {
                    live[u as usize / 64] |= 1 << (u as usize % 64);
                }
                let cur = &mut sets[pc * words..(pc + 1) * words];
                if *cur != *live {
                    cur.copy_from_slice(&live);
                    changed = true;
                }
            }
        }
        Liveness { live_in: sets.chunks(words).map(|c| RegSet(c.to_vec())).collect() }
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
