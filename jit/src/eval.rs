//! A reference evaluator of the JIT IR: the oracle the tests compare
//! compiled code against. It executes the same loads, stores and helper
//! calls as the native code, one IR instruction at a time.

use std::collections::HashMap;

use crate::ir::{Cmp, Function, Op, Terminator};

fn cmp_i(c: Cmp, a: i64, b: i64) -> bool {
    match c {
        Cmp::Eq => a == b,
        Cmp::Ne => a != b,
        Cmp::Lt => a < b,
        Cmp::Le => a <= b,
        Cmp::Gt => a > b,
        Cmp::Ge => a >= b,
        Cmp::Ult => (a as u64) < (b as u64),
    }
}

fn cmp_f(c: Cmp, a: f64, b: f64) -> bool {
    match c {
        Cmp::Eq => a == b,
        Cmp::Ne => a != b,
        Cmp::Lt | Cmp::Ult => a < b,
        Cmp::Le => a <= b,
        Cmp::Gt => a > b,
        Cmp::Ge => a >= b,
    }
}

/// Runs `func` with the given `base` and `ctx` and returns what it returns.
/// `fuel` bounds the number of blocks executed (`None` when exhausted).
///
/// # Safety
/// As for the compiled code: every load, store and helper call of `func`
/// must be valid for `base` and `ctx`.
pub unsafe fn run(func: &Function, base: *mut u8, ctx: *mut u8, mut fuel: u64) -> Option<u64> {
    let mut env: HashMap<u32, u64> = HashMap::new();
    env.insert(func.base(), base as u64);
    env.insert(func.ctx(), ctx as u64);
    let mut locals: Vec<u64> = vec![0; func.locals.len()];
    let mut spilled: Vec<u64> = vec![0; func.locals.len()];
    let mut block = 0usize;
    loop {
        if fuel == 0 {
            return None;
        }
        fuel -= 1;
        let blk = &func.blocks[block];
        for inst in &blk.insts {
            let a = |k: usize| -> u64 { env[&inst.args[k]] };
            let ai = |k: usize| -> i64 { env[&inst.args[k]] as i64 };
            let af = |k: usize| -> f64 { f64::from_bits(env[&inst.args[k]]) };
            let fb = |x: f64| -> u64 { x.to_bits() };
            let out: Vec<u64> = match &inst.op {
                Op::IConst(c) => vec![*c as u64],
                Op::FConst(c) => vec![c.to_bits()],
                Op::Load { off, .. } => vec![std::ptr::read((a(0) as *const u8).offset(*off as isize) as *const u64)],
                Op::Store { off } => {
                    std::ptr::write((a(0) as *mut u8).offset(*off as isize) as *mut u64, a(1));
                    vec![]
                }
                Op::IAdd => vec![ai(0).wrapping_add(ai(1)) as u64],
                Op::ISub => vec![ai(0).wrapping_sub(ai(1)) as u64],
                Op::IMul => vec![ai(0).wrapping_mul(ai(1)) as u64],
                Op::IAnd => vec![a(0) & a(1)],
                Op::IOr => vec![a(0) | a(1)],
                Op::IXor => vec![a(0) ^ a(1)],
                Op::IShl => vec![a(0).wrapping_shl((a(1) & 63) as u32)],
                Op::ISar => vec![(ai(0) >> (a(1) & 63)) as u64],
                Op::INeg => vec![ai(0).wrapping_neg() as u64],
                Op::SDiv => vec![ai(0).wrapping_div(ai(1)) as u64],
                Op::SRem => vec![ai(0).wrapping_rem(ai(1)) as u64],
                Op::IAddOv => {
                    let (r, o) = ai(0).overflowing_add(ai(1));
                    vec![r as u64, o as u64]
                }
                Op::ISubOv => {
                    let (r, o) = ai(0).overflowing_sub(ai(1));
                    vec![r as u64, o as u64]
                }
                Op::IMulOv => {
                    let (r, o) = ai(0).overflowing_mul(ai(1));
                    vec![r as u64, o as u64]
                }
                Op::ICmp(c) => vec![cmp_i(*c, ai(0), ai(1)) as u64],
                Op::FCmp(c) => vec![cmp_f(*c, af(0), af(1)) as u64],
                Op::FAdd => vec![fb(af(0) + af(1))],
                Op::FSub => vec![fb(af(0) - af(1))],
                Op::FMul => vec![fb(af(0) * af(1))],
                Op::FDiv => vec![fb(af(0) / af(1))],
                Op::FNeg => vec![fb(-af(0))],
                Op::FSqrt => vec![fb(af(0).sqrt())],
                Op::FAbs => vec![fb(af(0).abs())],
                Op::IToF => vec![fb(ai(0) as f64)],
                Op::FBits | Op::BitsF => vec![a(0)],
                Op::Select => vec![if a(0) != 0 { a(1) } else { a(2) }],
                Op::GetVar(l) => vec![locals[*l as usize]],
                Op::SetVar(l) => {
                    locals[*l as usize] = a(0);
                    vec![]
                }
                Op::Spill(l) => {
                    spilled[*l as usize] = locals[*l as usize];
                    vec![]
                }
                Op::Reload(l) => {
                    locals[*l as usize] = spilled[*l as usize];
                    vec![]
                }
                Op::Load8 { off } => {
                    vec![std::ptr::read((a(0) as *const u8).offset(*off as isize)) as u64]
                }
                Op::CallInd => {
                    let args: Vec<u64> = (1..inst.args.len()).map(a).collect();
                    vec![call_helper(a(0), &args)]
                }
                Op::StackPtr => {
                    let marker = 0u8;
                    vec![std::hint::black_box(&marker) as *const u8 as u64]
                }
                Op::Store8 { off } => {
                    std::ptr::write((a(0) as *mut u8).offset(*off as isize), a(1) as u8);
                    vec![]
                }
                Op::Call { addr, ret, .. } => {
                    let args: Vec<u64> = (0..inst.args.len()).map(a).collect();
                    let r = call_helper(*addr, &args);
                    if *ret {
                        vec![r]
                    } else {
                        vec![]
                    }
                }
            };
            for (r, v) in inst.results.iter().zip(out) {
                env.insert(*r, v);
            }
        }
        let pass = |env: &mut HashMap<u32, u64>, target: &(u32, Vec<u32>)| {
            let vals: Vec<u64> = target.1.iter().map(|v| env[v]).collect();
            for (p, v) in func.blocks[target.0 as usize].params.iter().zip(vals) {
                env.insert(*p, v);
            }
            target.0 as usize
        };
        block = match &blk.term {
            Terminator::Jump(t, args) => pass(&mut env, &(*t, args.clone())),
            Terminator::Branch { cond, then, els } => {
                if env[cond] != 0 {
                    pass(&mut env, then)
                } else {
                    pass(&mut env, els)
                }
            }
            Terminator::Return(v) => return Some(env[v]),
            Terminator::None => panic!("unterminated block {}", block),
        };
    }
}

/// Calls a helper with integer arguments (the ABI compiled code uses).
unsafe fn call_helper(addr: u64, args: &[u64]) -> u64 {
    type F0 = extern "C" fn() -> u64;
    type F1 = extern "C" fn(u64) -> u64;
    type F2 = extern "C" fn(u64, u64) -> u64;
    type F3 = extern "C" fn(u64, u64, u64) -> u64;
    type F4 = extern "C" fn(u64, u64, u64, u64) -> u64;
    type F5 = extern "C" fn(u64, u64, u64, u64, u64) -> u64;
    type F6 = extern "C" fn(u64, u64, u64, u64, u64, u64) -> u64;
    let p = addr as *const ();
    match args.len() {
        0 => std::mem::transmute::<*const (), F0>(p)(),
        1 => std::mem::transmute::<*const (), F1>(p)(args[0]),
        2 => std::mem::transmute::<*const (), F2>(p)(args[0], args[1]),
        3 => std::mem::transmute::<*const (), F3>(p)(args[0], args[1], args[2]),
        4 => std::mem::transmute::<*const (), F4>(p)(args[0], args[1], args[2], args[3]),
        5 => std::mem::transmute::<*const (), F5>(p)(args[0], args[1], args[2], args[3], args[4]),
        6 => std::mem::transmute::<*const (), F6>(p)(args[0], args[1], args[2], args[3], args[4], args[5]),
        n => panic!("helper with {} arguments", n),
    }
}
