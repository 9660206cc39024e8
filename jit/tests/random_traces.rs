//! Randomised differential test of the backend: many small generated
//! functions (integer and float arithmetic, overflow checks, guards leaving
//! through exit blocks, loops, loads and stores) run both compiled and in
//! the reference evaluator; memory and return codes must agree. On a
//! mismatch the test prints the seed and the IR as a reproducer.

use spry_jit::{eval, lower, Backend, BlockId, Cmp, Function, Op, Terminator, Ty, Var};

/// xorshift64*: deterministic, no dependency.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545F4914F6CDD1D)
    }
    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }
    fn pick<T: Copy>(&mut self, v: &[T]) -> T {
        v[self.below(v.len() as u64) as usize]
    }
}

const SLOTS: usize = 16;

struct Gen {
    f: Function,
    rng: Rng,
    ints: Vec<Var>,
    floats: Vec<Var>,
    exit_code: i64,
    /// Mutable locals (`SetVar`/`GetVar`), assigned anywhere, including
    /// inside the loop: the backend must build SSA form for them.
    int_locals: Vec<spry_jit::ir::LocalId>,
    float_locals: Vec<spry_jit::ir::LocalId>,
}

impl Gen {
    fn int(&mut self) -> Var {
        let v = self.ints.clone();
        self.rng.pick(&v)
    }
    fn float(&mut self) -> Var {
        let v = self.floats.clone();
        self.rng.pick(&v)
    }

    /// An exit block storing a few live values, returning a fresh code.
    fn exit_block(&mut self) -> BlockId {
        let b = self.f.new_block();
        self.f.blocks[b as usize].cold = true;
        let base = self.f.base();
        for k in 0..self.rng.below(3) {
            let v = self.int();
            self.f.push(b, Op::Store { off: 8 * (k as i32 + 1) }, vec![base, v]);
        }
        self.exit_code += 1;
        let c = self.f.iconst(b, self.exit_code);
        self.f.set_term(b, Terminator::Return(c));
        b
    }

    /// Emits random operations into `b`; may end it with a guard and
    /// continue in a new block, which is returned.
    fn ops(&mut self, mut b: BlockId, n: usize) -> BlockId {
        for _ in 0..n {
            match self.rng.below(18) {
                0..=4 => {
                    let op = self.rng.pick(&[Op::IAdd, Op::ISub, Op::IMul, Op::IAnd, Op::IOr, Op::IXor]);
                    let (x, y) = (self.int(), self.int());
                    let r = self.f.push1(b, op, vec![x, y]);
                    self.ints.push(r);
                }
                5 => {
                    let sh = self.f.iconst(b, self.rng.below(70) as i64);
                    let op = self.rng.pick(&[Op::IShl, Op::ISar]);
                    let x = self.int();
                    let r = self.f.push1(b, op, vec![x, sh]);
                    self.ints.push(r);
                }
                6 => {
                    // Overflow-checked arithmetic with a guard.
                    let op = self.rng.pick(&[Op::IAddOv, Op::ISubOv, Op::IMulOv]);
                    let (x, y) = (self.int(), self.int());
                    let r = self.f.push(b, op, vec![x, y]);
                    let exit = self.exit_block();
                    let next = self.f.new_block();
                    self.f.set_term(b, Terminator::Branch { cond: r[1], then: (exit, vec![]), els: (next, vec![]) });
                    b = next;
                    self.ints.push(r[0]);
                }
                7 => {
                    // Division guarded against zero and MIN / -1.
                    let (x, y) = (self.int(), self.int());
                    let zero = self.f.iconst(b, 0);
                    let m1 = self.f.iconst(b, -1);
                    let isz = self.f.push1(b, Op::ICmp(Cmp::Eq), vec![y, zero]);
                    let ism1 = self.f.push1(b, Op::ICmp(Cmp::Eq), vec![y, m1]);
                    let bad = self.f.push1(b, Op::IOr, vec![isz, ism1]);
                    let exit = self.exit_block();
                    let next = self.f.new_block();
                    self.f.set_term(b, Terminator::Branch { cond: bad, then: (exit, vec![]), els: (next, vec![]) });
                    b = next;
                    let op = self.rng.pick(&[Op::SDiv, Op::SRem]);
                    let r = self.f.push1(b, op, vec![x, y]);
                    self.ints.push(r);
                }
                8 => {
                    let c = self.rng.pick(&[Cmp::Eq, Cmp::Ne, Cmp::Lt, Cmp::Le, Cmp::Gt, Cmp::Ge, Cmp::Ult]);
                    let (x, y) = (self.int(), self.int());
                    let t = self.f.push1(b, Op::ICmp(c), vec![x, y]);
                    if self.rng.below(2) == 0 {
                        let (p, q) = (self.int(), self.int());
                        let r = self.f.push1(b, Op::Select, vec![t, p, q]);
                        self.ints.push(r);
                    } else {
                        let exit = self.exit_block();
                        let next = self.f.new_block();
                        self.f.set_term(b, Terminator::Branch { cond: t, then: (exit, vec![]), els: (next, vec![]) });
                        b = next;
                    }
                }
                9..=10 => {
                    let op = self.rng.pick(&[Op::FAdd, Op::FSub, Op::FMul, Op::FDiv]);
                    let (x, y) = (self.float(), self.float());
                    let r = self.f.push1(b, op, vec![x, y]);
                    self.floats.push(r);
                }
                11 => {
                    let op = self.rng.pick(&[Op::FNeg, Op::FAbs, Op::FSqrt]);
                    let x = self.float();
                    let r = self.f.push1(b, op, vec![x]);
                    self.floats.push(r);
                }
                12 => {
                    let x = self.int();
                    let r = self.f.push1(b, Op::IToF, vec![x]);
                    self.floats.push(r);
                    let y = self.float();
                    let bits = self.f.push1(b, Op::FBits, vec![y]);
                    self.ints.push(bits);
                }
                14 => {
                    let l = self.rng.pick(&self.int_locals.clone());
                    let x = self.int();
                    self.f.push(b, Op::SetVar(l), vec![x]);
                }
                15 => {
                    let l = self.rng.pick(&self.int_locals.clone());
                    let r = self.f.push1(b, Op::GetVar(l), vec![]);
                    self.ints.push(r);
                }
                16 => {
                    let l = self.rng.pick(&self.float_locals.clone());
                    if self.rng.below(2) == 0 {
                        let x = self.float();
                        self.f.push(b, Op::SetVar(l), vec![x]);
                    } else {
                        let r = self.f.push1(b, Op::GetVar(l), vec![]);
                        self.floats.push(r);
                    }
                    // Saving a local and reading it back (around helper
                    // calls, in the translator), or reading an older save.
                    let all: Vec<_> = self.int_locals.iter().chain(self.float_locals.iter()).copied().collect();
                    let l = self.rng.pick(&all);
                    match self.rng.below(3) {
                        0 => {
                            self.f.push(b, Op::Spill(l), vec![]);
                        }
                        1 => {
                            self.f.push(b, Op::Reload(l), vec![]);
                        }
                        _ => {}
                    }
                }
                _ => {
                    let c = self.rng.pick(&[Cmp::Eq, Cmp::Ne, Cmp::Lt, Cmp::Le, Cmp::Gt, Cmp::Ge]);
                    let (x, y) = (self.float(), self.float());
                    let t = self.f.push1(b, Op::FCmp(c), vec![x, y]);
                    self.ints.push(t);
                    // A byte load too (how bools are read).
                    let base = self.f.base();
                    let off = 8 * self.rng.below(6) as i32 + self.rng.below(8) as i32;
                    let byte = self.f.push1(b, Op::Load8 { off }, vec![base]);
                    self.ints.push(byte);
                }
            }
        }
        b
    }
}

/// A function: loads, a counted loop of random operations carrying two
/// ints and a float, guards, and stores of the results.
fn generate(seed: u64) -> Function {
    let mut g = Gen {
        f: Function::new(&format!("rand{}", seed)),
        rng: Rng(seed | 1),
        ints: vec![],
        floats: vec![],
        exit_code: 100,
        int_locals: vec![],
        float_locals: vec![],
    };
    g.int_locals = vec![g.f.new_local(Ty::I64), g.f.new_local(Ty::I64)];
    g.float_locals = vec![g.f.new_local(Ty::F64)];
    // Every local's stack slot is written first (as the translator's
    // spills always come before their reloads).
    for l in g.int_locals.clone().into_iter().chain(g.float_locals.clone()) {
        g.f.push(0, Op::Spill(l), vec![]);
    }
    let base = g.f.base();
    for k in 0..4 {
        let v = g.f.push1(0, Op::Load { ty: Ty::I64, off: 8 * k }, vec![base]);
        g.ints.push(v);
    }
    for k in 4..6 {
        let v = g.f.push1(0, Op::Load { ty: Ty::F64, off: 8 * k }, vec![base]);
        g.floats.push(v);
    }
    let n0 = g.rng.below(5);
    let entry_end = g.ops(0, n0 as usize);
    // Loop: header(i, a, b, x).
    let header = g.f.new_block();
    let i = g.f.add_param(header, Ty::I64);
    let a = g.f.add_param(header, Ty::I64);
    let bb = g.f.add_param(header, Ty::I64);
    let x = g.f.add_param(header, Ty::F64);
    let zero = g.f.iconst(entry_end, 0);
    let (ia, ib, fx) = (g.int(), g.int(), g.float());
    g.f.set_term(entry_end, Terminator::Jump(header, vec![zero, ia, ib, fx]));
    g.ints = vec![i, a, bb];
    g.floats = vec![x];
    let body = g.f.new_block();
    let done = g.f.new_block();
    let limit = g.f.iconst(header, 1 + g.rng.below(20) as i64);
    let more = g.f.push1(header, Op::ICmp(Cmp::Lt), vec![i, limit]);
    g.f.set_term(header, Terminator::Branch { cond: more, then: (body, vec![]), els: (done, vec![]) });
    let n1 = 3 + g.rng.below(12);
    let body_end = g.ops(body, n1 as usize);
    let one = g.f.iconst(body_end, 1);
    let i2 = g.f.push1(body_end, Op::IAdd, vec![i, one]);
    let (na, nb, nx) = (g.int(), g.int(), g.float());
    g.f.set_term(body_end, Terminator::Jump(header, vec![i2, na, nb, nx]));
    // Done: store the carried values.
    g.f.push(done, Op::Store { off: 8 * 10 }, vec![base, a]);
    g.f.push(done, Op::Store { off: 8 * 11 }, vec![base, bb]);
    let xb = g.f.push1(done, Op::FBits, vec![x]);
    g.f.push(done, Op::Store { off: 8 * 12 }, vec![base, xb]);
    g.f.push(done, Op::Store { off: 8 * 13 }, vec![base, i]);
    // The locals' final values (unassigned locals read as 0).
    for (k, l) in g.int_locals.clone().into_iter().enumerate() {
        let v = g.f.push1(done, Op::GetVar(l), vec![]);
        g.f.push(done, Op::Store { off: 8 * (14 + k as i32) }, vec![base, v]);
    }
    let code = g.f.iconst(done, 1);
    g.f.set_term(done, Terminator::Return(code));
    g.f
}

fn inputs(rng: &mut Rng) -> [u64; SLOTS] {
    let mut m = [0u64; SLOTS];
    for (k, slot) in m.iter_mut().enumerate().take(4) {
        *slot = match rng.below(4) {
            0 => rng.below(10),
            1 => (rng.next() as i64 >> rng.below(60)) as u64,
            2 => [i64::MAX, i64::MIN, -1, 0][k % 4] as u64,
            _ => rng.next(),
        };
    }
    for slot in m.iter_mut().take(6).skip(4) {
        *slot = match rng.below(3) {
            0 => (rng.below(1000) as f64 / 7.0 - 50.0).to_bits(),
            1 => [0.0f64, -0.0, f64::INFINITY, f64::NAN][rng.below(4) as usize].to_bits(),
            _ => f64::from_bits(rng.next()).to_bits(),
        };
    }
    m
}

#[test]
fn random_traces_agree_with_the_evaluator() {
    let backend = Backend::new().unwrap();
    let mut rng = Rng(0x5eed_1234);
    let cases = 400;
    for case in 0..cases {
        let seed = rng.next();
        let f = generate(seed);
        f.verify().unwrap_or_else(|e| panic!("seed {}: invalid IR: {}\n{}", seed, e, f));
        let compiled = backend.compile(&f).unwrap_or_else(|e| panic!("seed {}: compile error {}\n{}", seed, e, f));
        for _ in 0..5 {
            let m0 = inputs(&mut rng);
            let (mut m1, mut m2) = (m0, m0);
            // SAFETY: the function only touches the 16 slots of `m`.
            let r1 = unsafe { lower::call(&compiled, m1.as_mut_ptr() as *mut u8, std::ptr::null_mut()) };
            let r2 = unsafe { eval::run(&f, m2.as_mut_ptr() as *mut u8, std::ptr::null_mut(), 100_000) }.unwrap();
            // NaNs may differ in payload between native code and the evaluator.
            let norm = |m: [u64; SLOTS]| -> Vec<u64> {
                m.iter()
                    .map(|&w| if f64::from_bits(w).is_nan() && (w >> 52) & 0x7ff == 0x7ff { 0x7ff8_0000_0000_0000 } else { w })
                    .collect()
            };
            if r1 != r2 || norm(m1) != norm(m2) {
                panic!(
                    "mismatch in case {} (seed {}):\ninputs {:x?}\ncompiled -> {} {:x?}\nevaluator -> {} {:x?}\n{}",
                    case, seed, m0, r1, m1, r2, m2, f
                );
            }
        }
        compiled.free();
    }
}
