//! Spry's JIT backend: lowers Spry's JIT IR (`ir`) to native code with
//! Cranelift (`lower`). `eval` is a reference evaluator of the same IR, the
//! oracle for testing the backend.
//!
//! The backend knows nothing about Python values: the VM's translator
//! (`spry::jit`) builds IR that reads and writes the frame's registers
//! according to the value layout documented in `docs/architecture.md`, and
//! calls runtime helpers by address.

pub mod eval;
pub mod ir;
pub mod lower;
pub mod text;
pub mod worker;

pub use ir::{BlockId, Cmp, Function, Op, Terminator, Ty, Var};
pub use lower::{Backend, Compiled};

#[cfg(test)]
mod tests {
    use super::*;

    /// sum = 0; for i in 0..n: sum += i  — stored to base[0], returns 7.
    fn sum_loop() -> Function {
        let mut f = Function::new("sum");
        let base = f.base();
        let entry = 0;
        let header = f.new_block();
        let body = f.new_block();
        let exit = f.new_block();
        let n = f.push1(entry, Op::Load { ty: Ty::I64, off: 8 }, vec![base]);
        let zero = f.iconst(entry, 0);
        f.set_term(entry, Terminator::Jump(header, vec![zero, zero]));
        let i = f.add_param(header, Ty::I64);
        let sum = f.add_param(header, Ty::I64);
        let c = f.push1(header, Op::ICmp(Cmp::Lt), vec![i, n]);
        f.set_term(header, Terminator::Branch { cond: c, then: (body, vec![]), els: (exit, vec![]) });
        let s2 = f.push1(body, Op::IAdd, vec![sum, i]);
        let one = f.iconst(body, 1);
        let i2 = f.push1(body, Op::IAdd, vec![i, one]);
        f.set_term(body, Terminator::Jump(header, vec![i2, s2]));
        f.push(exit, Op::Store { off: 0 }, vec![base, sum]);
        let seven = f.iconst(exit, 7);
        f.set_term(exit, Terminator::Return(seven));
        f
    }

    #[test]
    fn compiled_loop_matches_evaluator() {
        let f = sum_loop();
        let backend = Backend::new().unwrap();
        let c = backend.compile(&f).unwrap();
        let mut mem = [0u64, 1000];
        let r = unsafe { lower::call(&c, mem.as_mut_ptr() as *mut u8, std::ptr::null_mut()) };
        assert_eq!(r, 7);
        assert_eq!(mem[0], 499500);
        let mut mem2 = [0u64, 1000];
        let r2 = unsafe { eval::run(&f, mem2.as_mut_ptr() as *mut u8, std::ptr::null_mut(), 1 << 20) };
        assert_eq!(r2, Some(7));
        assert_eq!(mem2, mem);
        c.free();
    }

    extern "C" fn helper_add3(a: u64, b: u64, c: u64) -> u64 {
        a + 2 * b + 3 * c
    }

    #[test]
    fn helper_calls_and_overflow_exits() {
        let mut f = Function::new("ovf");
        let base = f.base();
        let ok = f.new_block();
        let ovf = f.new_block();
        let a = f.push1(0, Op::Load { ty: Ty::I64, off: 0 }, vec![base]);
        let b = f.push1(0, Op::Load { ty: Ty::I64, off: 8 }, vec![base]);
        let r = f.push(0, Op::IMulOv, vec![a, b]);
        f.set_term(0, Terminator::Branch { cond: r[1], then: (ovf, vec![]), els: (ok, vec![]) });
        let h = f.push1(
            ok,
            Op::Call { addr: helper_add3 as *const () as usize as u64, name: "add3", ret: true, preserve: false },
            vec![r[0], a, b],
        );
        f.push(ok, Op::Store { off: 16 }, vec![base, h]);
        let one = f.iconst(ok, 1);
        f.set_term(ok, Terminator::Return(one));
        let two = f.iconst(ovf, 2);
        f.set_term(ovf, Terminator::Return(two));
        let backend = Backend::new().unwrap();
        let c = backend.compile(&f).unwrap();
        for (x, y) in [(3i64, 4i64), (i64::MAX, 2), (-5, 7)] {
            let mut m1 = [x as u64, y as u64, 0];
            let mut m2 = m1;
            let r1 = unsafe { lower::call(&c, m1.as_mut_ptr() as *mut u8, std::ptr::null_mut()) };
            let r2 = unsafe { eval::run(&f, m2.as_mut_ptr() as *mut u8, std::ptr::null_mut(), 100) }.unwrap();
            assert_eq!(r1, r2);
            assert_eq!(m1, m2);
        }
        c.free();
    }

    #[test]
    fn floats_and_conversions() {
        let mut f = Function::new("fl");
        let base = f.base();
        let x = f.push1(0, Op::Load { ty: Ty::F64, off: 0 }, vec![base]);
        let n = f.push1(0, Op::Load { ty: Ty::I64, off: 8 }, vec![base]);
        let nf = f.push1(0, Op::IToF, vec![n]);
        let p = f.push1(0, Op::FMul, vec![x, nf]);
        let s = f.push1(0, Op::FSqrt, vec![p]);
        let bits = f.push1(0, Op::FBits, vec![s]);
        f.push(0, Op::Store { off: 16 }, vec![base, bits]);
        let c = f.push1(0, Op::FCmp(Cmp::Gt), vec![s, x]);
        f.set_term(0, Terminator::Return(c));
        let backend = Backend::new().unwrap();
        let code = backend.compile(&f).unwrap();
        let mut m1 = [2.5f64.to_bits(), 10, 0];
        let mut m2 = m1;
        let r1 = unsafe { lower::call(&code, m1.as_mut_ptr() as *mut u8, std::ptr::null_mut()) };
        let r2 = unsafe { eval::run(&f, m2.as_mut_ptr() as *mut u8, std::ptr::null_mut(), 10) }.unwrap();
        assert_eq!((r1, m1), (r2, m2));
        assert_eq!(f64::from_bits(m1[2]), 5.0);
        code.free();
    }
}
