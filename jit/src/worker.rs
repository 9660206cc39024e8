//! Compilation on a background thread (`--jit-opt=background`).
//!
//! The VM translates a hot region to Spry's IR on its own thread (the
//! translator reads the VM's objects and profiles) and hands the IR to a
//! `Worker`, whose thread runs the backend (`Backend::compile`: Cranelift,
//! 85-95% of a compilation's work) while the interpreter goes on running the
//! region. The VM polls `Worker::finished` at the region's back-edges and
//! function entries and installs the code when it is there. On a machine
//! with a spare core the program no longer waits for Cranelift.
//!
//! The IR is plain data (helper and object addresses are numbers in it), so
//! it moves to the thread as it is; the objects those addresses name are kept
//! alive by the VM until the code is installed and after. The thread touches
//! nothing of the VM's.

use std::sync::mpsc;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use crate::ir::Function;
use crate::lower::{thread_cpu_time, Backend, Compiled};

/// A finished compilation.
pub struct Finished {
    /// The number `Worker::submit` returned.
    pub id: u64,
    pub result: Result<Compiled, String>,
    /// Wall-clock and thread CPU time of the compilation on the worker.
    pub wall: Duration,
    pub cpu: Duration,
}

// SAFETY: `Compiled` holds its code's `JITModule` and the entry address.
// The module was built on the worker thread and is moved, not shared: after
// sending, the worker keeps no reference to it, and its memory (machine
// code pages, Cranelift's heap allocations) is not tied to a thread.
unsafe impl Send for Finished {}

/// The backend's thread and the queues to and from it.
pub struct Worker {
    jobs: mpsc::Sender<(u64, Function)>,
    done: mpsc::Receiver<Finished>,
    /// Shared with the thread (which holds the lock while it compiles), for
    /// `timing_report`.
    backend: Arc<Mutex<Backend>>,
    next_id: u64,
    /// Submitted and not yet returned by `finished`.
    pub in_flight: usize,
}

/// The backend moves to the thread (checked here, not assumed).
const _: fn() = || {
    fn send<T: Send>() {}
    send::<Backend>();
    send::<Function>();
};

impl Worker {
    /// Starts the thread with `backend`.
    pub fn spawn(backend: Backend) -> Result<Worker, String> {
        let (jobs, rx) = mpsc::channel::<(u64, Function)>();
        let (tx, done) = mpsc::channel();
        let backend = Arc::new(Mutex::new(backend));
        let shared = Arc::clone(&backend);
        std::thread::Builder::new()
            .name("spry-jit".into())
            // Cranelift's passes are iterative; room for its deepest
            // recursion (the egraph's elaboration) on large regions.
            .stack_size(16 << 20)
            .spawn(move || {
                // The thread's first compilation pays for Cranelift's code
                // and data coming into the caches and for the thread's heap
                // (~1 ms on this machine): a small function compiled while
                // the interpreter warms up takes that off the first region.
                if let Ok(c) = shared.lock().unwrap_or_else(|p| p.into_inner()).compile(&warm_up()) {
                    c.free();
                }
                while let Ok((id, func)) = rx.recv() {
                    let (t0, c0) = (Instant::now(), thread_cpu_time());
                    let result = {
                        let b = shared.lock().unwrap_or_else(|p| p.into_inner());
                        std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| b.compile(&func)))
                            .unwrap_or_else(|_| Err("the backend panicked".to_string()))
                    };
                    let f = Finished { id, result, wall: t0.elapsed(), cpu: thread_cpu_time().saturating_sub(c0) };
                    if tx.send(f).is_err() {
                        break;
                    }
                }
            })
            .map_err(|e| format!("cannot start the compiler thread: {}", e))?;
        Ok(Worker { jobs, done, backend, next_id: 0, in_flight: 0 })
    }

    /// Queues `func` for compilation; its result comes back from
    /// `finished` with the number returned.
    pub fn submit(&mut self, func: Function) -> Result<u64, String> {
        let id = self.next_id;
        self.next_id += 1;
        self.jobs.send((id, func)).map_err(|_| "the compiler thread has stopped".to_string())?;
        self.in_flight += 1;
        Ok(id)
    }

    /// A finished compilation, if one is waiting (never blocks).
    pub fn finished(&mut self) -> Option<Finished> {
        let f = self.done.try_recv().ok()?;
        self.in_flight -= 1;
        Some(f)
    }

    /// Waits for the next finished compilation (None when nothing is in
    /// flight).
    pub fn wait(&mut self) -> Option<Finished> {
        if self.in_flight == 0 {
            return None;
        }
        let f = self.done.recv().ok()?;
        self.in_flight -= 1;
        Some(f)
    }

    /// `Backend::timing_report` of the thread's backend (waits for the
    /// compilation running, if any).
    pub fn timing_report(&self) -> Option<String> {
        let b = self.backend.lock().unwrap_or_else(|p| p.into_inner());
        b.times.as_ref().map(|_| b.timing_report())
    }
}

/// A small loop with the usual ingredients of a region (loads and stores of
/// the frame, a guard, int and float arithmetic, a cold exit), compiled
/// once when the thread starts.
fn warm_up() -> Function {
    use crate::ir::{Cmp, Op, Terminator, Ty};
    let mut f = Function::new("warm_up");
    let base = f.base();
    let header = f.new_block();
    let body = f.new_block();
    let exit = f.new_block();
    let cold = f.new_block();
    let n = f.push1(0, Op::Load { ty: Ty::I64, off: 8 }, vec![base]);
    let x = f.push1(0, Op::Load { ty: Ty::F64, off: 16 }, vec![base]);
    let zero = f.iconst(0, 0);
    f.set_term(0, Terminator::Jump(header, vec![zero, x]));
    let i = f.add_param(header, Ty::I64);
    let acc = f.add_param(header, Ty::F64);
    let c = f.push1(header, Op::ICmp(Cmp::Lt), vec![i, n]);
    f.set_term(header, Terminator::Branch { cond: c, then: (body, vec![]), els: (exit, vec![]) });
    let sq = f.push1(body, Op::FMul, vec![acc, acc]);
    let acc2 = f.push1(body, Op::FAdd, vec![sq, x]);
    let big = f.push1(body, Op::FCmp(Cmp::Gt), vec![acc2, x]);
    let one = f.iconst(body, 1);
    let i2 = f.push1(body, Op::IAdd, vec![i, one]);
    f.set_term(body, Terminator::Branch { cond: big, then: (cold, vec![]), els: (header, vec![i2, acc2]) });
    f.push(cold, Op::Store { off: 0 }, vec![base, i]);
    let r = f.iconst(cold, 1);
    f.set_term(cold, Terminator::Return(r));
    f.push(exit, Op::Store { off: 0 }, vec![base, n]);
    let r0 = f.iconst(exit, 0);
    f.set_term(exit, Terminator::Return(r0));
    f
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ir::{Op, Terminator, Ty};

    /// Stores base[1] * 3 to base[0] and returns `r`.
    fn triple(r: i64) -> Function {
        let mut f = Function::new("triple");
        let base = f.base();
        let x = f.push1(0, Op::Load { ty: Ty::I64, off: 8 }, vec![base]);
        let three = f.iconst(0, 3);
        let y = f.push1(0, Op::IMul, vec![x, three]);
        f.push(0, Op::Store { off: 0 }, vec![base, y]);
        let r = f.iconst(0, r);
        f.set_term(0, Terminator::Return(r));
        f
    }

    /// Jobs come back by number, compiled on the thread; the code runs on
    /// the submitting thread; a bad function is an error, not a dead thread.
    #[test]
    fn compiles_on_the_thread() {
        let mut w = Worker::spawn(Backend::new().unwrap()).unwrap();
        let a = w.submit(triple(5)).unwrap();
        let mut bad = Function::new("bad");
        bad.set_term(0, Terminator::Return(12345));
        let b = w.submit(bad).unwrap();
        let c = w.submit(triple(9)).unwrap();
        assert_eq!(w.in_flight, 3);
        let mut got = Vec::new();
        while let Some(f) = w.wait() {
            got.push(f);
        }
        assert_eq!(w.in_flight, 0);
        assert!(w.finished().is_none());
        assert_eq!(got.iter().map(|f| f.id).collect::<Vec<_>>(), vec![a, b, c]);
        assert!(got[1].result.is_err());
        for (f, r) in [(&got[0], 5), (&got[2], 9)] {
            let code = f.result.as_ref().unwrap();
            let mut mem = [0u64, 14];
            // SAFETY: `triple` reads base[1] and writes base[0].
            let ret = unsafe { crate::lower::call(code, mem.as_mut_ptr() as *mut u8, std::ptr::null_mut()) };
            assert_eq!((ret, mem[0]), (r, 42));
        }
        for f in got {
            if let Ok(c) = f.result {
                c.free();
            }
        }
    }
}
