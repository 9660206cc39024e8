//! `_posixsubprocess.fork_exec`, the process creation under CPython's
//! `subprocess.py` (shipped with one change: text-mode pipes are opened as
//! text files), and `_select`, the waiting under
//! `lib/select.py` (which `selectors.py` and `Popen.communicate` use).
//!
//! `fork_exec` follows CPython's `_posixsubprocess.c`: everything the
//! child needs (argument and environment strings, the descriptors to keep)
//! is made before `fork`; the child then only makes system calls (no
//! allocation: another thread may hold the allocator's lock), and reports
//! a failure before `exec` through the error pipe as
//! `OSError:<hex errno>:noexec` (before `exec`: the descriptors, `cwd`,
//! the session) or `OSError:<hex errno>:` (`exec` failed), which `subprocess.py`
//! turns into the exception.

use std::ffi::CString;

use super::new_module;
use crate::builtins::arg;
use crate::objects::*;
use crate::vm::{Args, PyErr, PyResult, Vm};

/// A path-like or bytes/str argument as a C string (`os.fsencode`).
fn c_string(vm: &mut Vm, v: &Value, what: &str) -> PyResult<CString> {
    let bytes = match v {
        Value::Str(s) => s.as_str().as_bytes().to_vec(),
        Value::Bytes(b) => b.data.to_vec(),
        _ => {
            let os = vm.import_module("os")?;
            let f = vm.get_attr(&os, "fsencode")?;
            match vm.call_function(&f, std::slice::from_ref(v))? {
                Value::Bytes(b) => b.data.to_vec(),
                _ => return Err(PyErr::type_error(format!("{} must be str, bytes or os.PathLike", what))),
            }
        }
    };
    CString::new(bytes).map_err(|_| PyErr::value_error("embedded null byte"))
}

fn c_strings(vm: &mut Vm, v: &Value, what: &str) -> PyResult<Vec<CString>> {
    let items = vm.collect_iterable(v)?;
    items.iter().map(|x| c_string(vm, x, what)).collect()
}

/// A NULL-terminated pointer array over `strs` (which must outlive it).
fn c_array(strs: &[CString]) -> Vec<*const libc::c_char> {
    strs.iter().map(|s| s.as_ptr()).chain(std::iter::once(std::ptr::null())).collect()
}

/// Writes `OSError:<hex errno>:<what>` to the error pipe and ends the
/// child. Async-signal-safe: formats into a stack buffer.
fn child_fail(errpipe: i32, errno: i32, what: &[u8]) -> ! {
    let mut buf = [0u8; 64];
    let mut n = 0;
    for &b in b"OSError:" {
        buf[n] = b;
        n += 1;
    }
    let mut digits = [0u8; 8];
    let mut k = 0;
    let mut e = errno as u32;
    loop {
        digits[k] = b"0123456789ABCDEF"[(e % 16) as usize];
        k += 1;
        e /= 16;
        if e == 0 {
            break;
        }
    }
    while k > 0 {
        k -= 1;
        buf[n] = digits[k];
        n += 1;
    }
    buf[n] = b':';
    n += 1;
    for &b in what {
        buf[n] = b;
        n += 1;
    }
    // SAFETY: `write` and `_exit` are async-signal-safe.
    unsafe {
        libc::write(errpipe, buf.as_ptr() as *const libc::c_void, n);
        libc::_exit(255);
    }
}

fn errno() -> i32 {
    // SAFETY: the thread's errno location.
    unsafe { *libc::__errno_location() }
}

/// `fork_exec(args, executable_list, close_fds, fds_to_keep, cwd, env_list,
/// p2cread, p2cwrite, c2pread, c2pwrite, errread, errwrite, errpipe_read,
/// errpipe_write, restore_signals, call_setsid, pgid_to_set, gid,
/// extra_groups, uid, child_umask, preexec_fn, allow_vfork)` -> pid.
fn fork_exec(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check("fork_exec", 23, 23)?;
    let a = args.pos;
    let argv_s = match &a[0] {
        Value::None => Vec::new(),
        v => c_strings(vm, v, "args")?,
    };
    let exes = c_strings(vm, &a[1], "executable")?;
    let close_fds = vm.truthy(&a[2])?;
    let keep: Vec<i32> = {
        let items = vm.collect_iterable(&a[3])?;
        let mut k = Vec::with_capacity(items.len());
        for x in &items {
            k.push(arg::c_int(vm, x)?);
        }
        k
    };
    let cwd = match &a[4] {
        Value::None => None,
        v => Some(c_string(vm, v, "cwd")?),
    };
    let env_s = match &a[5] {
        Value::None => None,
        v => Some(c_strings(vm, v, "env")?),
    };
    let mut fds = [0i32; 8];
    for (i, slot) in fds.iter_mut().enumerate() {
        *slot = arg::c_int(vm, &a[6 + i])?;
    }
    let [p2cread, p2cwrite, c2pread, c2pwrite, errread, errwrite, errpipe_read, errpipe_write] = fds;
    let restore_signals = vm.truthy(&a[14])?;
    let call_setsid = vm.truthy(&a[15])?;
    let pgid = arg::int(vm, &a[16])?;
    if !matches!(a[17], Value::None) || !matches!(a[18], Value::None) || !matches!(a[19], Value::None) {
        return Err(PyErr::new(crate::vm::ExcKind::NotImplementedError, "Spry's subprocess does not change the child's user or groups"));
    }
    let umask = arg::int(vm, &a[20])?;
    let preexec = match &a[21] {
        Value::None => None,
        f => Some(f.clone()),
    };
    let argv = c_array(&argv_s);
    let envp = env_s.as_ref().map(|e| c_array(e));
    // The highest descriptor to close when `close_fds` (close_range does
    // the rest where the kernel has it).
    let mut lim: libc::rlimit = libc::rlimit { rlim_cur: 0, rlim_max: 0 };
    // SAFETY: fills a plain-data struct.
    let max_fd = if unsafe { libc::getrlimit(libc::RLIMIT_NOFILE, &mut lim) } == 0 && lim.rlim_cur != libc::RLIM_INFINITY {
        lim.rlim_cur.min(1 << 20) as i32
    } else {
        1 << 16
    };
    vm.flush_stdout();
    super::io::flush_all_files();
    // SAFETY: `fork` duplicates the process; the child below only makes
    // async-signal-safe calls on data prepared above (and, as CPython,
    // runs `preexec_fn` when given, at the risk CPython documents).
    let pid = unsafe { libc::fork() };
    if pid < 0 {
        return Err(super::posix::os_error(&std::io::Error::last_os_error(), &[]));
    }
    if pid > 0 {
        return Ok(Value::Int(pid as i64));
    }
    // The child.
    // SAFETY: system calls on descriptor numbers and the strings above.
    unsafe {
        for fd in [p2cwrite, c2pread, errread, errpipe_read] {
            if fd != -1 {
                libc::close(fd);
            }
        }
        // Keep the descriptors to be duplicated clear of 0-2.
        let mut c2pwrite = c2pwrite;
        let mut errwrite = errwrite;
        if c2pwrite == 0 {
            c2pwrite = libc::dup(c2pwrite);
            if c2pwrite < 0 {
                child_fail(errpipe_write, errno(), b"noexec");
            }
        }
        while errwrite == 0 || errwrite == 1 {
            errwrite = libc::dup(errwrite);
            if errwrite < 0 {
                child_fail(errpipe_write, errno(), b"noexec");
            }
        }
        for (fd, target) in [(p2cread, 0), (c2pwrite, 1), (errwrite, 2)] {
            if fd == target {
                // Already in place: only make it inheritable.
                let f = libc::fcntl(fd, libc::F_GETFD);
                if f >= 0 {
                    libc::fcntl(fd, libc::F_SETFD, f & !libc::FD_CLOEXEC);
                }
            } else if fd != -1 && libc::dup2(fd, target) < 0 {
                child_fail(errpipe_write, errno(), b"noexec");
            }
        }
        for &fd in &keep {
            if fd != errpipe_write {
                let f = libc::fcntl(fd, libc::F_GETFD);
                if f >= 0 {
                    libc::fcntl(fd, libc::F_SETFD, f & !libc::FD_CLOEXEC);
                }
            }
        }
        if let Some(d) = &cwd {
            if libc::chdir(d.as_ptr()) < 0 {
                child_fail(errpipe_write, errno(), b"noexec");
            }
        }
        if umask >= 0 {
            libc::umask(umask as libc::mode_t);
        }
        if restore_signals {
            libc::signal(libc::SIGPIPE, libc::SIG_DFL);
            libc::signal(libc::SIGXFSZ, libc::SIG_DFL);
        }
        if call_setsid && libc::setsid() < 0 {
            child_fail(errpipe_write, errno(), b"noexec");
        }
        if pgid >= 0 && libc::setpgid(0, pgid as libc::pid_t) < 0 {
            child_fail(errpipe_write, errno(), b"noexec");
        }
        if let Some(f) = &preexec {
            if vm.call_function(f, &[]).is_err() {
                let msg = b"SubprocessError:0:Exception occurred in preexec_fn.";
                libc::write(errpipe_write, msg.as_ptr() as *const libc::c_void, msg.len());
                libc::_exit(255);
            }
        }
        if close_fds {
            // Every descriptor from 3 up, but those kept (sorted).
            let mut from = 3;
            for &k in keep.iter().chain(std::iter::once(&max_fd)) {
                if k >= from {
                    if k > from && libc::syscall(libc::SYS_close_range, from as u32, (k - 1) as u32, 0) != 0 {
                        for fd in from..k {
                            libc::close(fd);
                        }
                    }
                    from = k + 1;
                }
            }
        }
        // As `execvpe` over the list the parent made: the first failure
        // other than "not found" is the one reported.
        let mut saved = 0;
        for exe in &exes {
            match &envp {
                Some(e) => libc::execve(exe.as_ptr(), argv.as_ptr(), e.as_ptr()),
                None => libc::execv(exe.as_ptr(), argv.as_ptr()),
            };
            let e = errno();
            if e != libc::ENOENT && e != libc::ENOTDIR && saved == 0 {
                saved = e;
            }
        }
        child_fail(errpipe_write, if saved != 0 { saved } else { errno() }, b"");
    }
}

pub fn make_posixsubprocess(vm: &mut Vm) -> Value {
    new_module(vm, "_posixsubprocess", &[("fork_exec", fork_exec)])
}

/// The timeout argument of `_select` functions: seconds (None: block) to
/// milliseconds for `poll` at a deadline.
fn deadline(vm: &mut Vm, v: &Value) -> PyResult<Option<std::time::Instant>> {
    match v {
        Value::None => Ok(None),
        _ => {
            let s = arg::float(vm, v)?;
            if s.is_nan() {
                return Err(PyErr::value_error("Invalid value NaN (not a number)"));
            }
            Ok(Some(std::time::Instant::now() + std::time::Duration::from_secs_f64(s.max(0.0))))
        }
    }
}

/// `_select.poll(fds, events, timeout)`: `poll(2)` over the descriptors
/// with their event masks, until `timeout` seconds have passed (None:
/// forever); returns `[(fd, revents)]` of those with events. A signal's
/// Python handler runs if one interrupts the wait, which then goes on
/// for the time left (PEP 475).
fn poll(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check("poll", 3, 3)?;
    let fds = vm.collect_iterable(&args.pos[0])?;
    let events = vm.collect_iterable(&args.pos[1])?;
    let end = deadline(vm, &args.pos[2])?;
    let mut pfds = Vec::with_capacity(fds.len());
    for (f, e) in fds.iter().zip(&events) {
        let fd = arg::c_int(vm, f)?;
        let ev = arg::int(vm, e)?;
        pfds.push(libc::pollfd { fd, events: ev as libc::c_short, revents: 0 });
    }
    loop {
        let ms = match end {
            None => -1,
            Some(t) => {
                let left = t.saturating_duration_since(std::time::Instant::now());
                // Round up: a wait never ends before its deadline.
                left.as_micros().div_ceil(1000).min(i32::MAX as u128) as i32
            }
        };
        // SAFETY: `pfds` is a valid array of `pollfd` of that length.
        let r = unsafe { libc::poll(pfds.as_mut_ptr(), pfds.len() as libc::nfds_t, ms) };
        if r >= 0 {
            let out = pfds
                .iter()
                .filter(|p| p.revents != 0)
                .map(|p| Value::tuple(vec![Value::Int(p.fd as i64), Value::Int(p.revents as u16 as i64)]))
                .collect();
            return Ok(Value::list(out));
        }
        let e = std::io::Error::last_os_error();
        if e.kind() != std::io::ErrorKind::Interrupted {
            return Err(super::posix::os_error(&e, &[]));
        }
        vm.check_signals()?;
    }
}

pub fn make_select(vm: &mut Vm) -> Value {
    new_module(vm, "_select", &[("poll", poll)])
}
