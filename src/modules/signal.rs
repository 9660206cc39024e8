//! `_signal`: signal handlers written in Python, and Ctrl-C as
//! `KeyboardInterrupt` (under `lib/signal.py`, which adds the enums).
//!
//! As in CPython, the C-level handler (`on_signal`) only records that a
//! signal arrived; the Python handler runs later, in the interpreter's
//! thread, at a point where Python code may run: the back-edge of a loop
//! (interpreted, or after compiled code has left at its header), or right
//! after a call that may wait or send a signal (`time.sleep`, `signal.pause`,
//! `os.kill`, `signal.raise_signal`). To be noticed there at no cost to the
//! hot paths, the handler sets the collector's budget (`rc::GC_BUDGET`) far
//! below zero: every safe point already tests it, compiled loops included (they
//! leave at their header when it is due), and `Vm::check_signals` puts the
//! budget back before running the handlers.
//!
//! The process's other threads (the one that waits for the interpreter's
//! thread, the JIT's compiler thread) block the signals handled here, so
//! the handler always runs on the interpreter's thread, between two of its
//! machine instructions: `Cell` updates of the budget are then never torn.
//! (One interleaving loses the lowering: the handler runs between a load and
//! a store of the budget in Rust code; the signal is then noticed when the
//! budget runs out by itself, at the next collection.)

use std::sync::atomic::{AtomicBool, AtomicI32, AtomicIsize, AtomicPtr, Ordering::SeqCst};

use super::new_module;
use crate::builtins::arg;
use crate::objects::*;
use crate::vm::{Args, ExcKind, PyErr, PyResult, Vm};

/// One more than the largest signal number (Linux: 64 real-time included).
pub const NSIG: usize = 65;

/// A signal arrived and its Python handler has not run yet.
static TRIPPED: [AtomicBool; NSIG] = [const { AtomicBool::new(false) }; NSIG];
/// Any of `TRIPPED` is set.
static ANY_TRIPPED: AtomicBool = AtomicBool::new(false);
/// The interpreter thread's `GC_BUDGET` (set by `init`).
static BUDGET: AtomicPtr<isize> = AtomicPtr::new(std::ptr::null_mut());
/// The budget the handler replaced by `-SIGNAL_BIAS`, and whether it did.
static SAVED_BUDGET: AtomicIsize = AtomicIsize::new(0);
static ZEROED: AtomicBool = AtomicBool::new(false);
/// What the handler sets the budget to (negated): far enough below zero
/// that frees of young objects (each adds one) never bring it back above
/// zero before the Python handler runs, far from the `FINALIZE_BIAS` range.
const SIGNAL_BIAS: isize = 1 << 40;
/// `set_wakeup_fd`'s descriptor (-1: none).
static WAKEUP_FD: AtomicI32 = AtomicI32::new(-1);

thread_local! {
    /// The Python-level handler of each signal: a callable, `SIG_DFL` (0),
    /// `SIG_IGN` (1), or None for a handler not installed by Python.
    static HANDLERS: std::cell::RefCell<Vec<Value>> = const { std::cell::RefCell::new(Vec::new()) };
    static DEFAULT_INT: std::cell::RefCell<Option<Value>> = const { std::cell::RefCell::new(None) };
}

/// The C-level handler of every signal with a Python handler. It only
/// does what is async-signal-safe: atomic stores, a `write`.
extern "C" fn on_signal(sig: libc::c_int) {
    let s = sig as usize;
    if s == 0 || s >= NSIG {
        return;
    }
    TRIPPED[s].store(true, SeqCst);
    ANY_TRIPPED.store(true, SeqCst);
    let p = BUDGET.load(SeqCst);
    if !p.is_null() {
        // SAFETY: `p` is the interpreter thread's budget cell, which lives
        // as long as that thread; this handler runs on that thread (the
        // others block these signals), between two of its instructions.
        unsafe { lower_budget(p) };
    }
    let fd = WAKEUP_FD.load(SeqCst);
    if fd >= 0 {
        let byte = sig as u8;
        // SAFETY: `write` is async-signal-safe; errno is saved around it.
        unsafe {
            let e = *libc::__errno_location();
            libc::write(fd, &byte as *const u8 as *const libc::c_void, 1);
            *libc::__errno_location() = e;
        }
    }
}

/// Makes safe points due until the Python handlers have run: the budget
/// becomes `-SIGNAL_BIAS` (the old value saved), unless it is already
/// lowered or at or below zero (a collection due: `rearm` lowers it once
/// the collector has set it again).
///
/// # Safety
/// `p` is the interpreter thread's budget and this runs on that thread.
unsafe fn lower_budget(p: *mut isize) {
    if ZEROED.load(SeqCst) {
        return;
    }
    // SAFETY: as the caller promises.
    let b = unsafe { std::ptr::read_volatile(p) };
    if b > 0 {
        SAVED_BUDGET.store(b, SeqCst);
        ZEROED.store(true, SeqCst);
        // SAFETY: as above.
        unsafe { std::ptr::write_volatile(p, -SIGNAL_BIAS) };
    }
}

/// Called by the collector after it set a new budget: a signal still
/// waiting for its Python handler keeps the safe points due.
pub fn rearm() {
    if tripped() {
        // SAFETY: the budget of this thread, the interpreter's (the only
        // thread that collects); the handler may run in between and do
        // the same, which is idempotent.
        crate::objects::rc::GC_BUDGET.with(|b| unsafe { lower_budget(b.as_ptr()) });
    }
}

/// The signals this module handles for Python, blocked in the process's
/// other threads (everything but those that stop or kill a process
/// regardless, or report a fault the thread itself made).
fn python_signals() -> libc::sigset_t {
    // SAFETY: `sigset_t` is plain data; `sigfillset`/`sigdelset` initialise it.
    unsafe {
        let mut set: libc::sigset_t = std::mem::zeroed();
        libc::sigfillset(&mut set);
        for s in [libc::SIGKILL, libc::SIGSTOP, libc::SIGSEGV, libc::SIGBUS, libc::SIGFPE, libc::SIGILL, libc::SIGABRT, libc::SIGTRAP] {
            libc::sigdelset(&mut set, s);
        }
        set
    }
}

/// Called by a thread that must never run `on_signal` (it does not run
/// Python code), or before starting one: blocks the signals Python may
/// handle; returns the mask it had.
pub fn block_in_this_thread() -> libc::sigset_t {
    let set = python_signals();
    // SAFETY: changes only the calling thread's signal mask; `old` is
    // plain data filled in by the call.
    unsafe {
        let mut old: libc::sigset_t = std::mem::zeroed();
        libc::pthread_sigmask(libc::SIG_BLOCK, &set, &mut old);
        old
    }
}

/// Sets the calling thread's signal mask back to `old`.
pub fn restore_mask(old: libc::sigset_t) {
    // SAFETY: changes only the calling thread's signal mask.
    unsafe {
        libc::pthread_sigmask(libc::SIG_SETMASK, &old, std::ptr::null_mut());
    }
}

/// Called once on the interpreter's thread at start-up: records where its
/// collector budget is, and makes SIGINT raise `KeyboardInterrupt` (unless
/// the process was started with SIGINT ignored, as CPython leaves it).
pub fn init(vm: &mut Vm) {
    let p = crate::objects::rc::GC_BUDGET.with(|b| b.as_ptr());
    BUDGET.store(p, SeqCst);
    let mut table = vec![Value::None; NSIG];
    for (s, slot) in table.iter_mut().enumerate().skip(1) {
        *slot = match current_disposition(s as i32) {
            Some(libc::SIG_DFL) => Value::Int(0),
            Some(libc::SIG_IGN) => Value::Int(1),
            _ => Value::None,
        };
    }
    if matches!(table[libc::SIGINT as usize], Value::Int(0)) && install(libc::SIGINT, on_signal as *const () as usize).is_ok() {
        table[libc::SIGINT as usize] = default_int_handler_value(vm);
    }
    HANDLERS.with(|h| *h.borrow_mut() = table);
}

/// `default_int_handler`, one object (`getsignal` returns it).
fn default_int_handler_value(vm: &mut Vm) -> Value {
    if let Some(v) = DEFAULT_INT.with(|d| d.borrow().clone()) {
        return v;
    }
    let v = vm.builtin_function("default_int_handler", default_int_handler, "_signal");
    DEFAULT_INT.with(|d| *d.borrow_mut() = Some(v.clone()));
    v
}

/// The action installed for `sig` (its handler address), if it can be read.
fn current_disposition(sig: i32) -> Option<usize> {
    // SAFETY: `sigaction` with a null new action only reads the current one
    // into `old`, plain data.
    unsafe {
        let mut old: libc::sigaction = std::mem::zeroed();
        (libc::sigaction(sig, std::ptr::null(), &mut old) == 0).then_some(old.sa_sigaction)
    }
}

/// Installs `handler` (an address, `SIG_DFL` or `SIG_IGN`) for `sig`,
/// without `SA_RESTART`, as CPython does: a call waiting in the kernel
/// returns `EINTR`, so that `time.sleep` and `signal.pause` can run the
/// Python handler.
fn install(sig: i32, handler: usize) -> std::io::Result<()> {
    // SAFETY: a zeroed `sigaction` is a valid value; the handler is
    // `on_signal` (async-signal-safe), SIG_DFL or SIG_IGN.
    unsafe {
        let mut act: libc::sigaction = std::mem::zeroed();
        act.sa_sigaction = handler;
        libc::sigemptyset(&mut act.sa_mask);
        act.sa_flags = 0;
        if libc::sigaction(sig, &act, std::ptr::null_mut()) != 0 {
            return Err(std::io::Error::last_os_error());
        }
    }
    Ok(())
}

/// Whether the collector's budget is zero because a signal arrived.
#[inline]
pub fn budget_zeroed() -> bool {
    ZEROED.load(std::sync::atomic::Ordering::Relaxed)
}

/// Whether a signal waits for its Python handler.
#[inline]
pub fn tripped() -> bool {
    ANY_TRIPPED.load(std::sync::atomic::Ordering::Relaxed)
}

impl Vm {
    /// Runs the Python handlers of the signals that arrived (CPython's
    /// `PyErr_CheckSignals`), in signal-number order, each with the
    /// signal number and the running frame. An exception a handler raises
    /// is returned; signals not handled yet stay pending.
    pub fn check_signals(&mut self) -> PyResult<()> {
        if !tripped() {
            return Ok(());
        }
        // With the signals blocked the handler cannot run while the
        // budget is put back.
        let old = block_in_this_thread();
        ANY_TRIPPED.store(false, SeqCst);
        if ZEROED.swap(false, SeqCst) {
            let saved = SAVED_BUDGET.load(SeqCst);
            crate::objects::rc::GC_BUDGET.with(|b| {
                // Still near the value the handler wrote (objects tracked
                // and freed since count from there): add back what it
                // took. Otherwise a store in Rust code overwrote it (the
                // handler ran between its load and its store).
                if b.get() <= -SIGNAL_BIAS / 2 {
                    b.set(b.get() + SIGNAL_BIAS + saved);
                }
            });
        }
        restore_mask(old);
        for (s, tripped) in TRIPPED.iter().enumerate().skip(1) {
            if !tripped.swap(false, SeqCst) {
                continue;
            }
            let h = HANDLERS.with(|h| h.borrow().get(s).cloned().unwrap_or(Value::None));
            if matches!(h, Value::Int(_) | Value::None) {
                continue;
            }
            let frame = if self.frames.is_empty() { Value::None } else { super::sys::frame_snapshot(self, self.frames.len() - 1) };
            if let Err(e) = self.call_function(&h, &[Value::Int(s as i64), frame]) {
                if TRIPPED.iter().any(|t| t.load(SeqCst)) {
                    // The rest run at the next check.
                    ANY_TRIPPED.store(true, SeqCst);
                    rearm();
                }
                return Err(e);
            }
        }
        Ok(())
    }
}

/// A signal number argument, checked as CPython checks it.
fn signum_arg(vm: &mut Vm, v: &Value) -> PyResult<i32> {
    let s = arg::int(vm, v)?;
    if s < 1 || s >= NSIG as i64 {
        return Err(PyErr::value_error("signal number out of range"));
    }
    Ok(s as i32)
}

fn default_int_handler(_vm: &mut Vm, _args: Args) -> PyResult<Value> {
    Err(PyErr::with_args(ExcKind::KeyboardInterrupt, vec![]))
}

/// `signal(signalnum, handler)`: installs a handler, returns the old one.
fn signal(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check("signal", 2, 2)?;
    let handler = args.pos[1].clone();
    let action = match &handler {
        Value::Int(0) => libc::SIG_DFL,
        Value::Int(1) => libc::SIG_IGN,
        h if !matches!(h, Value::Int(_) | Value::Bool(_)) && vm.is_callable(h) => on_signal as *const () as usize,
        _ => return Err(PyErr::type_error("signal handler must be signal.SIG_IGN, signal.SIG_DFL, or a callable object")),
    };
    let s = signum_arg(vm, &args.pos[0])?;
    install(s, action).map_err(|e| super::posix::os_error(&e, &[]))?;
    // A signal that arrived before the change is handled by the new handler
    // (as in CPython, which looks the handler up when it runs).
    Ok(HANDLERS.with(|h| std::mem::replace(&mut h.borrow_mut()[s as usize], handler)))
}

/// `getsignal(signalnum)`.
fn getsignal(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check("getsignal", 1, 1)?;
    let s = signum_arg(vm, &args.pos[0])?;
    Ok(HANDLERS.with(|h| h.borrow()[s as usize].clone()))
}

/// `raise_signal(signalnum)`: sends the signal to the calling thread; its
/// handler runs before this returns.
fn raise_signal(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check("raise_signal", 1, 1)?;
    // (No range check: `raise` answers EINVAL, and 0 is no signal.)
    let s = arg::c_int(vm, &args.pos[0])?;
    // SAFETY: `raise` sends a signal to this thread; handlers are installed.
    if unsafe { libc::raise(s) } != 0 {
        return Err(super::posix::os_error(&std::io::Error::last_os_error(), &[]));
    }
    vm.check_signals()?;
    Ok(Value::None)
}

/// `alarm(seconds)`: SIGALRM after `seconds`; returns the seconds left of
/// the previous alarm.
fn alarm(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check("alarm", 1, 1)?;
    let n = arg::int(vm, &args.pos[0])?;
    let n = u32::try_from(n).map_err(|_| PyErr::overflow("Python int too large to convert to C unsigned long"))?;
    // SAFETY: `alarm` only sets the process's alarm timer.
    Ok(Value::Int(unsafe { libc::alarm(n) } as i64))
}

/// `pause()`: waits for a signal, then runs its handler.
fn pause(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check("pause", 0, 0)?;
    vm.flush_stdout();
    // SAFETY: `pause` waits for any signal.
    unsafe { libc::pause() };
    vm.check_signals()?;
    Ok(Value::None)
}

fn timeval(t: f64) -> libc::timeval {
    let sec = t.trunc();
    let mut usec = ((t - sec) * 1e6).round() as libc::suseconds_t;
    let mut sec = sec as libc::time_t;
    if usec >= 1_000_000 {
        sec += 1;
        usec -= 1_000_000;
    }
    // CPython rounds a positive delay below a microsecond up to one, so
    // the timer is not disarmed.
    if sec == 0 && usec == 0 && t > 0.0 {
        usec = 1;
    }
    libc::timeval { tv_sec: sec, tv_usec: usec }
}

fn itimer_tuple(v: &libc::itimerval) -> Value {
    let f = |t: &libc::timeval| Value::Float(t.tv_sec as f64 + t.tv_usec as f64 / 1e6);
    Value::tuple(vec![f(&v.it_value), f(&v.it_interval)])
}

/// `setitimer(which, seconds, interval=0.0)`: returns the old timer as
/// `(delay, interval)`. (`lib/signal.py` turns an `OSError` into
/// `ItimerError`.)
fn setitimer(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check("setitimer", 2, 3)?;
    let which = arg::c_int(vm, &args.pos[0])?;
    let secs = arg::float(vm, &args.pos[1])?;
    let interval = match args.get(2) {
        Some(v) => arg::float(vm, v)?,
        None => 0.0,
    };
    let new = libc::itimerval { it_value: timeval(secs), it_interval: timeval(interval) };
    // SAFETY: plain data in and out.
    let mut old: libc::itimerval = unsafe { std::mem::zeroed() };
    if unsafe { libc::setitimer(which as _, &new, &mut old) } != 0 {
        return Err(super::posix::os_error(&std::io::Error::last_os_error(), &[]));
    }
    Ok(itimer_tuple(&old))
}

/// `getitimer(which)`.
fn getitimer(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check("getitimer", 1, 1)?;
    let which = arg::c_int(vm, &args.pos[0])?;
    // SAFETY: plain data out.
    let mut cur: libc::itimerval = unsafe { std::mem::zeroed() };
    if unsafe { libc::getitimer(which as _, &mut cur) } != 0 {
        return Err(super::posix::os_error(&std::io::Error::last_os_error(), &[]));
    }
    Ok(itimer_tuple(&cur))
}

/// `strsignal(signalnum)`: the system's description, or None.
fn strsignal(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check("strsignal", 1, 1)?;
    let s = signum_arg(vm, &args.pos[0])?;
    // SAFETY: `strsignal` returns a NUL-terminated string (or null) that
    // stays valid until the next call; it is copied at once.
    let p = unsafe { libc::strsignal(s) };
    if p.is_null() {
        return Ok(Value::None);
    }
    let text = unsafe { std::ffi::CStr::from_ptr(p) }.to_string_lossy().into_owned();
    if text.starts_with("Unknown signal") || text.starts_with("Real-time signal") {
        return Ok(Value::None);
    }
    Ok(Value::str(&text))
}

/// `valid_signals()`: the numbers the system accepts (glibc keeps 32 and
/// 33 for itself).
fn valid_signals(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check("valid_signals", 0, 0)?;
    let s = SetObj::new();
    for n in (1..NSIG as i64).filter(|n| *n != 32 && *n != 33) {
        vm.set_add(&s, Value::Int(n))?;
    }
    Ok(Value::Set(s))
}

/// `siginterrupt(signalnum, flag)`: whether a call waiting in the kernel is
/// interrupted by the signal (Spry's handlers always interrupt it).
fn siginterrupt(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check("siginterrupt", 2, 2)?;
    signum_arg(vm, &args.pos[0])?;
    vm.truthy(&args.pos[1])?;
    Ok(Value::None)
}

/// `set_wakeup_fd(fd, *, warn_on_full_buffer=True)`: the handler writes
/// each signal's number, as a byte, to `fd`; returns the previous fd.
fn set_wakeup_fd(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.allow_kwargs("set_wakeup_fd", &["warn_on_full_buffer"])?;
    args.check_pos("set_wakeup_fd", 1, 1)?;
    let fd = arg::int(vm, &args.pos[0])?;
    let fd = i32::try_from(fd).map_err(|_| PyErr::value_error(format!("invalid fd: {}", fd)))?;
    if fd != -1 {
        // SAFETY: `fstat` of any descriptor number only reads.
        let mut st: libc::stat = unsafe { std::mem::zeroed() };
        if unsafe { libc::fstat(fd, &mut st) } != 0 {
            return Err(super::posix::os_error(&std::io::Error::last_os_error(), &[]));
        }
    }
    Ok(Value::Int(WAKEUP_FD.swap(fd, SeqCst) as i64))
}

/// The signal names and numbers of this platform (Linux).
const SIGNALS: &[(&str, i32)] = &[
    ("SIGHUP", libc::SIGHUP),
    ("SIGINT", libc::SIGINT),
    ("SIGQUIT", libc::SIGQUIT),
    ("SIGILL", libc::SIGILL),
    ("SIGTRAP", libc::SIGTRAP),
    ("SIGABRT", libc::SIGABRT),
    ("SIGIOT", libc::SIGIOT),
    ("SIGBUS", libc::SIGBUS),
    ("SIGFPE", libc::SIGFPE),
    ("SIGKILL", libc::SIGKILL),
    ("SIGUSR1", libc::SIGUSR1),
    ("SIGSEGV", libc::SIGSEGV),
    ("SIGUSR2", libc::SIGUSR2),
    ("SIGPIPE", libc::SIGPIPE),
    ("SIGALRM", libc::SIGALRM),
    ("SIGTERM", libc::SIGTERM),
    ("SIGSTKFLT", libc::SIGSTKFLT),
    ("SIGCHLD", libc::SIGCHLD),
    ("SIGCLD", libc::SIGCHLD),
    ("SIGCONT", libc::SIGCONT),
    ("SIGSTOP", libc::SIGSTOP),
    ("SIGTSTP", libc::SIGTSTP),
    ("SIGTTIN", libc::SIGTTIN),
    ("SIGTTOU", libc::SIGTTOU),
    ("SIGURG", libc::SIGURG),
    ("SIGXCPU", libc::SIGXCPU),
    ("SIGXFSZ", libc::SIGXFSZ),
    ("SIGVTALRM", libc::SIGVTALRM),
    ("SIGPROF", libc::SIGPROF),
    ("SIGWINCH", libc::SIGWINCH),
    ("SIGIO", libc::SIGIO),
    ("SIGPOLL", libc::SIGPOLL),
    ("SIGPWR", libc::SIGPWR),
    ("SIGSYS", libc::SIGSYS),
    ("SIGRTMIN", 34),
    ("SIGRTMAX", 64),
];

pub fn make(vm: &mut Vm) -> Value {
    let m = new_module(
        vm,
        "_signal",
        &[
            ("signal", signal),
            ("getsignal", getsignal),
            ("raise_signal", raise_signal),
            ("alarm", alarm),
            ("pause", pause),
            ("setitimer", setitimer),
            ("getitimer", getitimer),
            ("strsignal", strsignal),
            ("valid_signals", valid_signals),
            ("siginterrupt", siginterrupt),
            ("set_wakeup_fd", set_wakeup_fd),
        ],
    );
    let dih = default_int_handler_value(vm);
    super::set(&m, "default_int_handler", dih);
    for (name, n) in SIGNALS {
        super::set(&m, name, Value::Int(*n as i64));
    }
    for (name, n) in [("SIG_DFL", 0), ("SIG_IGN", 1), ("NSIG", NSIG as i64), ("ITIMER_REAL", 0), ("ITIMER_VIRTUAL", 1), ("ITIMER_PROF", 2)]
    {
        super::set(&m, name, Value::Int(n));
    }
    m
}
