//! `posix`: the operating-system primitives under `os` and `os.path`
//! (`lib/os.py`, `lib/posixpath.py`), as CPython's `posix` module.

use std::os::unix::fs::{MetadataExt, PermissionsExt};

use super::new_module;
use crate::builtins::arg;
use crate::objects::*;
use crate::vm::{Args, ExcKind, PyErr, PyResult, Vm};

/// A path argument: str, bytes or an object with `__fspath__`.
/// Returns the path and whether it was given as bytes.
fn path_arg(vm: &mut Vm, func: &str, v: &Value) -> PyResult<(String, bool)> {
    let r = path_arg_any(vm, func, v)?;
    if r.0.contains('\0') {
        // (CPython's two messages: str paths, bytes paths.)
        return Err(PyErr::value_error(if r.1 {
            format!("{}: embedded null character in path", func)
        } else {
            "embedded null byte".to_string()
        }));
    }
    Ok(r)
}

fn path_arg_any(vm: &mut Vm, func: &str, v: &Value) -> PyResult<(String, bool)> {
    match v {
        Value::Str(s) => Ok((s.as_str().to_string(), false)),
        Value::Bytes(b) => Ok((String::from_utf8_lossy(&b.data).into_owned(), true)),
        _ => {
            if let Some(f) = vm.lookup_special(v, "__fspath__") {
                let r = vm.call_function(&f, std::slice::from_ref(v))?;
                return match &r {
                    Value::Str(s) => Ok((s.as_str().to_string(), false)),
                    Value::Bytes(b) => Ok((String::from_utf8_lossy(&b.data).into_owned(), true)),
                    _ => Err(PyErr::type_error(format!(
                        "expected {}.__fspath__() to return str or bytes, not {}",
                        vm.type_name(v),
                        vm.type_name(&r)
                    ))),
                };
            }
            Err(PyErr::type_error(format!("{}: path should be string, bytes or os.PathLike, not {}", func, vm.type_name(v))))
        }
    }
}

/// A path argument as a Rust string (`os.fspath` rules).
pub fn fspath_string(vm: &mut Vm, v: &Value) -> PyResult<String> {
    path_arg(vm, "compile", v).map(|(s, _)| s)
}

fn path_value(s: String, bytes: bool) -> Value {
    if bytes {
        crate::builtins::new_bytes(s.into_bytes())
    } else {
        Value::string(s)
    }
}

/// The exception class and message CPython uses for an errno.
pub fn errno_kind(errno: i32) -> ExcKind {
    match errno {
        2 => ExcKind::FileNotFoundError,
        1 | 13 => ExcKind::PermissionError,
        17 => ExcKind::FileExistsError,
        20 => ExcKind::NotADirectoryError,
        21 => ExcKind::IsADirectoryError,
        3 => ExcKind::ProcessLookupError,
        4 => ExcKind::InterruptedError,
        10 => ExcKind::ChildProcessError,
        11 | 114 | 115 => ExcKind::BlockingIOError,
        32 => ExcKind::BrokenPipeError,
        103 => ExcKind::ConnectionAbortedError,
        104 => ExcKind::ConnectionResetError,
        111 => ExcKind::ConnectionRefusedError,
        110 => ExcKind::TimeoutError,
        _ => ExcKind::OSError,
    }
}

/// `strerror(errno)` as the C library words it.
pub fn strerror_text(errno: i32) -> String {
    let s = std::io::Error::from_raw_os_error(errno).to_string();
    match s.rfind(" (os error") {
        Some(i) => s[..i].to_string(),
        None => s,
    }
}

/// An `OSError` (subclass chosen by errno) for a failed call on `paths`.
pub fn os_error(e: &std::io::Error, paths: &[&Value]) -> PyErr {
    let errno = e.raw_os_error().unwrap_or(5);
    let mut args = vec![Value::Int(errno as i64), Value::string(strerror_text(errno))];
    if let Some(p) = paths.first() {
        args.push((*p).clone());
        if let Some(p2) = paths.get(1) {
            args.push(Value::Int(0));
            args.push((*p2).clone());
        }
    }
    PyErr::with_args(errno_kind(errno), args)
}

fn getcwd(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check("getcwd", 0, 0)?;
    match std::env::current_dir() {
        Ok(p) => Ok(Value::string(p.display().to_string())),
        Err(e) => Err(os_error(&e, &[])),
    }
}

fn getcwdb(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let s = getcwd(vm, args)?;
    Ok(crate::builtins::new_bytes(s.as_str().unwrap_or("").as_bytes().to_vec()))
}

fn chdir(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check("chdir", 1, 1)?;
    let (p, _) = path_arg(vm, "chdir", &args.pos[0])?;
    std::env::set_current_dir(&p).map_err(|e| os_error(&e, &[&args.pos[0]]))?;
    Ok(Value::None)
}

fn listdir(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.allow_kwargs("listdir", &["path"])?;
    args.check_pos("listdir", 0, 1)?;
    let (p, bytes, orig) = match args.arg(0, "path") {
        None | Some(Value::None) => (".".to_string(), false, Value::str(".")),
        Some(v) => {
            let (p, b) = path_arg(vm, "listdir", v)?;
            (p, b, v.clone())
        }
    };
    let rd = std::fs::read_dir(&p).map_err(|e| os_error(&e, &[&orig]))?;
    let mut out = Vec::new();
    for ent in rd {
        let ent = ent.map_err(|e| os_error(&e, &[&orig]))?;
        out.push(path_value(ent.file_name().to_string_lossy().into_owned(), bytes));
    }
    Ok(Value::list(out))
}

fn mode_arg(vm: &mut Vm, args: &Args, i: usize, default: i64) -> PyResult<u32> {
    match args.arg(i, "mode") {
        Some(v) => Ok(arg::int(vm, v)? as u32),
        None => Ok(default as u32),
    }
}

fn mkdir(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.allow_kwargs("mkdir", &["path", "mode", "dir_fd"])?;
    let pv = args.arg(0, "path").ok_or_else(|| PyErr::type_error("mkdir() missing required argument 'path' (pos 1)"))?;
    let (p, _) = path_arg(vm, "mkdir", pv)?;
    let mode = mode_arg(vm, &args, 1, 0o777)?;
    use std::os::unix::fs::DirBuilderExt;
    std::fs::DirBuilder::new().mode(mode).create(&p).map_err(|e| os_error(&e, &[pv]))?;
    Ok(Value::None)
}

fn rmdir(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.allow_kwargs("rmdir", &["path", "dir_fd"])?;
    let pv = args.arg(0, "path").ok_or_else(|| PyErr::type_error("rmdir() missing required argument 'path' (pos 1)"))?;
    let (p, _) = path_arg(vm, "rmdir", pv)?;
    std::fs::remove_dir(&p).map_err(|e| os_error(&e, &[pv]))?;
    Ok(Value::None)
}

fn remove(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.allow_kwargs("remove", &["path", "dir_fd"])?;
    let pv = args.arg(0, "path").ok_or_else(|| PyErr::type_error("remove() missing required argument 'path' (pos 1)"))?;
    let (p, _) = path_arg(vm, "remove", pv)?;
    std::fs::remove_file(&p).map_err(|e| os_error(&e, &[pv]))?;
    Ok(Value::None)
}

fn rename(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.allow_kwargs("rename", &["src", "dst", "src_dir_fd", "dst_dir_fd"])?;
    let a = args.arg(0, "src").ok_or_else(|| PyErr::type_error("rename() missing required argument 'src' (pos 1)"))?;
    let b = args.arg(1, "dst").ok_or_else(|| PyErr::type_error("rename() missing required argument 'dst' (pos 2)"))?;
    let (pa, _) = path_arg(vm, "rename", a)?;
    let (pb, _) = path_arg(vm, "rename", b)?;
    std::fs::rename(&pa, &pb).map_err(|e| os_error(&e, &[a, b]))?;
    Ok(Value::None)
}

fn time_of(secs: i64, nsecs: i64) -> f64 {
    secs as f64 + nsecs as f64 * 1e-9
}

/// `(st_mode, st_ino, st_dev, st_nlink, st_uid, st_gid, st_size, st_atime,
/// st_mtime, st_ctime, st_atime_ns, st_mtime_ns, st_ctime_ns, st_blksize, st_blocks)`
fn stat_tuple(md: &std::fs::Metadata) -> Value {
    let ns = |s: i64, n: i64| int::normalize(num_bigint::BigInt::from(s) * 1_000_000_000 + n);
    Value::tuple(vec![
        Value::Int(md.mode() as i64),
        Value::Int(md.ino() as i64),
        Value::Int(md.dev() as i64),
        Value::Int(md.nlink() as i64),
        Value::Int(md.uid() as i64),
        Value::Int(md.gid() as i64),
        Value::Int(md.size() as i64),
        Value::Float(time_of(md.atime(), md.atime_nsec())),
        Value::Float(time_of(md.mtime(), md.mtime_nsec())),
        Value::Float(time_of(md.ctime(), md.ctime_nsec())),
        ns(md.atime(), md.atime_nsec()),
        ns(md.mtime(), md.mtime_nsec()),
        ns(md.ctime(), md.ctime_nsec()),
        Value::Int(md.blksize() as i64),
        Value::Int(md.blocks() as i64),
    ])
}

fn stat_common(vm: &mut Vm, args: Args, name: &str, follow: bool) -> PyResult<Value> {
    args.allow_kwargs(name, &["path", "dir_fd", "follow_symlinks"])?;
    let pv = args.arg(0, "path").ok_or_else(|| PyErr::type_error(format!("{}() missing required argument 'path' (pos 1)", name)))?;
    let follow = follow
        && match args.kw("follow_symlinks") {
            Some(v) => vm.truthy(v)?,
            None => true,
        };
    let (p, _) = path_arg(vm, name, pv)?;
    let md = if follow { std::fs::metadata(&p) } else { std::fs::symlink_metadata(&p) };
    match md {
        Ok(md) => Ok(stat_tuple(&md)),
        Err(e) => Err(os_error(&e, &[pv])),
    }
}

fn stat(vm: &mut Vm, args: Args) -> PyResult<Value> {
    stat_common(vm, args, "stat", true)
}

fn lstat(vm: &mut Vm, args: Args) -> PyResult<Value> {
    stat_common(vm, args, "lstat", false)
}

fn access(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.allow_kwargs("access", &["path", "mode", "dir_fd", "effective_ids", "follow_symlinks"])?;
    let pv = args.arg(0, "path").ok_or_else(|| PyErr::type_error("access() missing required argument 'path' (pos 1)"))?;
    let (p, _) = path_arg(vm, "access", pv)?;
    let mode = mode_arg(vm, &args, 1, 0)?;
    let Ok(md) = std::fs::metadata(&p) else {
        return Ok(Value::Bool(false));
    };
    if mode == 0 {
        return Ok(Value::Bool(true));
    }
    let perm = md.permissions().mode();
    // Owner bits are a fair approximation for the running user.
    let ok = (mode & 4 == 0 || perm & 0o444 != 0) && (mode & 2 == 0 || perm & 0o222 != 0) && (mode & 1 == 0 || perm & 0o111 != 0);
    Ok(Value::Bool(ok))
}

fn getpid(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check("getpid", 0, 0)?;
    Ok(Value::Int(std::process::id() as i64))
}

/// `os.kill(pid, sig)`; a signal sent to this process has its Python
/// handler run before the call returns, as in CPython.
fn kill(vm: &mut Vm, args: Args) -> PyResult<Value> {
    send_signal(vm, args, "kill", libc::kill)
}

/// `os.killpg(pgid, sig)`.
fn killpg(vm: &mut Vm, args: Args) -> PyResult<Value> {
    send_signal(vm, args, "killpg", libc::killpg)
}

fn send_signal(vm: &mut Vm, args: Args, name: &str, f: unsafe extern "C" fn(libc::pid_t, libc::c_int) -> libc::c_int) -> PyResult<Value> {
    args.check(name, 2, 2)?;
    let pid = arg::c_int(vm, &args.pos[0])?;
    let sig = arg::c_int(vm, &args.pos[1])?;
    // SAFETY: `kill`/`killpg` only send a signal; any numbers are accepted
    // (bad ones fail with an errno).
    check_c(unsafe { f(pid, sig) } as i64, &[])?;
    vm.check_signals()?;
    Ok(Value::None)
}

/// `os.system(command)`: runs the command with `/bin/sh`, returns its wait
/// status (as `system(3)`: SIGINT and SIGQUIT ignored meanwhile).
fn system(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check("system", 1, 1)?;
    let cmd = match &args.pos[0] {
        Value::Str(s) => s.as_str().to_string(),
        v => return Err(PyErr::type_error(format!("system() argument 'command' must be str, not {}", vm.type_name(v)))),
    };
    let c = std::ffi::CString::new(cmd).map_err(|_| PyErr::value_error("embedded null byte"))?;
    vm.flush_stdout();
    super::io::flush_all_files();
    // SAFETY: `system` runs the NUL-terminated command and waits for it.
    let r = unsafe { libc::system(c.as_ptr()) };
    Ok(Value::Int(r as i64))
}

/// `os.pipe()`: (read end, write end), not inheritable (as CPython's).
fn pipe(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check("pipe", 0, 0)?;
    let mut fds = [0 as libc::c_int; 2];
    // SAFETY: `pipe2` writes two descriptors.
    check_c(unsafe { libc::pipe2(fds.as_mut_ptr(), libc::O_CLOEXEC) } as i64, &[])?;
    Ok(Value::tuple(vec![Value::Int(fds[0] as i64), Value::Int(fds[1] as i64)]))
}

/// `posix.fork()`: a child process (0 in the child, its pid in the
/// parent). `os.fork` (lib/os.py) runs the `register_at_fork` hooks around
/// it. The child goes on with a copy of the whole interpreter, compiled
/// code and unflushed output included (as CPython's buffers are copied).
fn fork(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check("fork", 0, 0)?;
    // SAFETY: Spry runs one thread of Python; its optional JIT compiler
    // thread (`background`) does not exist in the child, which forgets it
    // without waiting for it or taking its lock (`jit_after_fork`).
    let pid = unsafe { libc::fork() };
    check_c(pid as i64, &[])?;
    if pid == 0 {
        vm.jit_after_fork();
    }
    Ok(Value::Int(pid as i64))
}

/// `os.waitpid(pid, options)`: (pid, status); a signal's Python handler
/// runs if one interrupts the wait, which then goes on (PEP 475).
fn waitpid(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check("waitpid", 2, 2)?;
    let pid = arg::c_int(vm, &args.pos[0])?;
    let options = arg::c_int(vm, &args.pos[1])?;
    let mut status: libc::c_int = 0;
    loop {
        // SAFETY: writes the status word.
        let r = unsafe { libc::waitpid(pid, &mut status, options as libc::c_int) };
        if r >= 0 {
            return Ok(Value::tuple(vec![Value::Int(r as i64), Value::Int(status as i64)]));
        }
        let e = std::io::Error::last_os_error();
        if e.kind() != std::io::ErrorKind::Interrupted {
            return Err(os_error(&e, &[]));
        }
        vm.check_signals()?;
    }
}

fn status_arg(vm: &mut Vm, args: &Args, name: &str) -> PyResult<libc::c_int> {
    args.check(name, 1, 1)?;
    arg::c_int(vm, &args.pos[0])
}

/// `os.waitstatus_to_exitcode(status)`: the exit code, or minus the
/// signal that ended the process.
fn waitstatus_to_exitcode(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let s = status_arg(vm, &args, "waitstatus_to_exitcode")?;
    if libc::WIFEXITED(s) {
        return Ok(Value::Int(libc::WEXITSTATUS(s) as i64));
    }
    if libc::WIFSIGNALED(s) {
        return Ok(Value::Int(-(libc::WTERMSIG(s) as i64)));
    }
    Err(PyErr::value_error(format!("invalid wait status: {}", s)))
}

fn wifexited(vm: &mut Vm, args: Args) -> PyResult<Value> {
    Ok(Value::Bool(libc::WIFEXITED(status_arg(vm, &args, "WIFEXITED")?)))
}
fn wexitstatus(vm: &mut Vm, args: Args) -> PyResult<Value> {
    Ok(Value::Int(libc::WEXITSTATUS(status_arg(vm, &args, "WEXITSTATUS")?) as i64))
}
fn wifsignaled(vm: &mut Vm, args: Args) -> PyResult<Value> {
    Ok(Value::Bool(libc::WIFSIGNALED(status_arg(vm, &args, "WIFSIGNALED")?)))
}
fn wtermsig(vm: &mut Vm, args: Args) -> PyResult<Value> {
    Ok(Value::Int(libc::WTERMSIG(status_arg(vm, &args, "WTERMSIG")?) as i64))
}
fn wifstopped(vm: &mut Vm, args: Args) -> PyResult<Value> {
    Ok(Value::Bool(libc::WIFSTOPPED(status_arg(vm, &args, "WIFSTOPPED")?)))
}
fn wstopsig(vm: &mut Vm, args: Args) -> PyResult<Value> {
    Ok(Value::Int(libc::WSTOPSIG(status_arg(vm, &args, "WSTOPSIG")?) as i64))
}

/// Sets or clears one flag of a descriptor (`F_GETFD`/`F_SETFD` or
/// `F_GETFL`/`F_SETFL`).
fn fd_flag(fd: i32, get: i32, set: i32, flag: i32, on: bool) -> PyResult<()> {
    // SAFETY: `fcntl` on a descriptor number; a bad one fails with EBADF.
    let f = check_c(unsafe { libc::fcntl(fd, get) } as i64, &[])? as i32;
    let g = if on { f | flag } else { f & !flag };
    if g != f {
        check_c(unsafe { libc::fcntl(fd, set, g) } as i64, &[])?;
    }
    Ok(())
}

fn fd_flag_get(fd: i32, get: i32, flag: i32) -> PyResult<bool> {
    // SAFETY: as in `fd_flag`.
    Ok(check_c(unsafe { libc::fcntl(fd, get) } as i64, &[])? as i32 & flag != 0)
}

/// `os.set_inheritable(fd, inheritable)`.
fn set_inheritable(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check("set_inheritable", 2, 2)?;
    let fd = fd_arg(vm, &args.pos[0])?;
    let on = vm.truthy(&args.pos[1])?;
    fd_flag(fd, libc::F_GETFD, libc::F_SETFD, libc::FD_CLOEXEC, !on)?;
    Ok(Value::None)
}

/// `os.get_inheritable(fd)`.
fn get_inheritable(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check("get_inheritable", 1, 1)?;
    let fd = fd_arg(vm, &args.pos[0])?;
    Ok(Value::Bool(!fd_flag_get(fd, libc::F_GETFD, libc::FD_CLOEXEC)?))
}

/// `os.set_blocking(fd, blocking)`.
fn set_blocking(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check("set_blocking", 2, 2)?;
    let fd = fd_arg(vm, &args.pos[0])?;
    let on = vm.truthy(&args.pos[1])?;
    fd_flag(fd, libc::F_GETFL, libc::F_SETFL, libc::O_NONBLOCK, !on)?;
    Ok(Value::None)
}

/// `os.get_blocking(fd)`.
fn get_blocking(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check("get_blocking", 1, 1)?;
    let fd = fd_arg(vm, &args.pos[0])?;
    Ok(Value::Bool(!fd_flag_get(fd, libc::F_GETFL, libc::O_NONBLOCK)?))
}

/// `os.dup2(fd, fd2, inheritable=True)`.
fn dup2(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.allow_kwargs("dup2", &["inheritable"])?;
    args.check_pos("dup2", 2, 3)?;
    let fd = fd_arg(vm, &args.pos[0])?;
    let fd2 = fd_arg(vm, &args.pos[1])?;
    let inheritable = match args.arg(2, "inheritable") {
        Some(v) => vm.truthy(v)?,
        None => true,
    };
    let flags = if inheritable { 0 } else { libc::O_CLOEXEC };
    // SAFETY: `dup2`/`dup3` on descriptor numbers; bad ones fail.
    let r = if fd == fd2 { unsafe { libc::dup2(fd, fd2) } } else { unsafe { libc::dup3(fd, fd2, flags) } };
    check_c(r as i64, &[])?;
    Ok(Value::Int(r as i64))
}

fn getuid(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check("getuid", 0, 0)?;
    // SAFETY: `getuid` and the others below only read process ids.
    Ok(Value::Int(unsafe { libc::getuid() } as i64))
}
fn geteuid(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check("geteuid", 0, 0)?;
    Ok(Value::Int(unsafe { libc::geteuid() } as i64))
}
fn getgid(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check("getgid", 0, 0)?;
    Ok(Value::Int(unsafe { libc::getgid() } as i64))
}
fn getegid(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check("getegid", 0, 0)?;
    Ok(Value::Int(unsafe { libc::getegid() } as i64))
}
fn getppid(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check("getppid", 0, 0)?;
    Ok(Value::Int(unsafe { libc::getppid() } as i64))
}

/// A password database entry's seven fields (`lib/pwd.py` makes the
/// `struct_passwd`), or None when there is none.
fn passwd_entry(lookup: impl Fn(*mut libc::passwd, *mut libc::c_char, usize, *mut *mut libc::passwd) -> libc::c_int) -> PyResult<Value> {
    let mut buf = vec![0 as libc::c_char; 1024];
    loop {
        // SAFETY: `getpw*_r` fill `pw` with pointers into `buf`, read below
        // while `buf` lives.
        let mut pw: libc::passwd = unsafe { std::mem::zeroed() };
        let mut found: *mut libc::passwd = std::ptr::null_mut();
        let r = lookup(&mut pw, buf.as_mut_ptr(), buf.len(), &mut found);
        if r == libc::ERANGE && buf.len() < 1 << 20 {
            buf.resize(buf.len() * 4, 0);
            continue;
        }
        if found.is_null() {
            return Ok(Value::None);
        }
        let s = |p: *const libc::c_char| {
            if p.is_null() {
                return Value::str("");
            }
            // SAFETY: a NUL-terminated string in `buf`.
            Value::string(unsafe { std::ffi::CStr::from_ptr(p) }.to_string_lossy().into_owned())
        };
        return Ok(Value::tuple(vec![
            s(pw.pw_name),
            s(pw.pw_passwd),
            Value::Int(pw.pw_uid as i64),
            Value::Int(pw.pw_gid as i64),
            s(pw.pw_gecos),
            s(pw.pw_dir),
            s(pw.pw_shell),
        ]));
    }
}

fn getpwuid(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check("getpwuid", 1, 1)?;
    let uid = arg::int(vm, &args.pos[0])?;
    let Ok(uid) = libc::uid_t::try_from(uid) else { return Ok(Value::None) };
    // SAFETY: see `passwd_entry`.
    passwd_entry(|pw, buf, n, found| unsafe { libc::getpwuid_r(uid, pw, buf, n, found) })
}

fn getpwnam(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check("getpwnam", 1, 1)?;
    let name = arg::str(vm, &args.pos[0], "getpwnam() argument")?.to_string();
    let Ok(c) = std::ffi::CString::new(name) else { return Ok(Value::None) };
    // SAFETY: see `passwd_entry`.
    passwd_entry(|pw, buf, n, found| unsafe { libc::getpwnam_r(c.as_ptr(), pw, buf, n, found) })
}

/// `os.uname()`'s fields (`os.py` makes the `uname_result`).
fn uname(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check("uname", 0, 0)?;
    // SAFETY: `uname` fills a plain-data struct of NUL-terminated arrays.
    let mut u: libc::utsname = unsafe { std::mem::zeroed() };
    check_c(unsafe { libc::uname(&mut u) } as i64, &[])?;
    let field = |f: &[libc::c_char]| {
        let bytes: Vec<u8> = f.iter().take_while(|&&c| c != 0).map(|&c| c as u8).collect();
        Value::string(String::from_utf8_lossy(&bytes).into_owned())
    };
    Ok(Value::tuple(vec![field(&u.sysname), field(&u.nodename), field(&u.release), field(&u.version), field(&u.machine)]))
}

/// The names `os.confstr` knows (glibc's numbers), as `os.confstr_names`.
pub const CONFSTR_NAMES: &[(&str, i64)] = &[("CS_PATH", 0), ("CS_GNU_LIBC_VERSION", 2), ("CS_GNU_LIBPTHREAD_VERSION", 3)];

/// `os.confstr(name)`: a configuration string (None when undefined).
fn confstr(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check("confstr", 1, 1)?;
    let n = match &args.pos[0] {
        Value::Str(s) => match CONFSTR_NAMES.iter().find(|(k, _)| *k == s.as_str()) {
            Some((_, n)) => *n,
            None => return Err(PyErr::value_error("unrecognized configuration name")),
        },
        v => arg::int(vm, v)?,
    };
    let n = i32::try_from(n).map_err(|_| PyErr::overflow("Python int too large to convert to C int"))?;
    let mut buf = vec![0u8; 256];
    loop {
        // SAFETY: `confstr` writes at most `buf.len()` bytes, NUL included.
        let need = unsafe { libc::confstr(n, buf.as_mut_ptr() as *mut libc::c_char, buf.len()) };
        if need == 0 {
            let e = std::io::Error::last_os_error();
            if e.raw_os_error().unwrap_or(0) != 0 {
                return Err(os_error(&e, &[]));
            }
            return Ok(Value::None);
        }
        if need <= buf.len() {
            let s = String::from_utf8_lossy(&buf[..need - 1]).into_owned();
            return Ok(Value::string(s));
        }
        buf.resize(need, 0);
    }
}

/// `os.getloadavg()`.
fn getloadavg(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check("getloadavg", 0, 0)?;
    let mut l = [0f64; 3];
    // SAFETY: writes three doubles.
    if unsafe { libc::getloadavg(l.as_mut_ptr(), 3) } != 3 {
        return Err(PyErr::new(crate::vm::ExcKind::OSError, "Load averages are unobtainable"));
    }
    Ok(Value::tuple(l.iter().map(|x| Value::Float(*x)).collect()))
}

/// `resource.getrusage(who)`'s sixteen fields (`lib/resource.py` makes
/// the `struct_rusage`).
fn getrusage(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check("getrusage", 1, 1)?;
    let who = arg::int(vm, &args.pos[0])?;
    let who = i32::try_from(who).map_err(|_| PyErr::overflow("Python int too large to convert to C int"))?;
    // SAFETY: fills a plain-data struct.
    let mut r: libc::rusage = unsafe { std::mem::zeroed() };
    if unsafe { libc::getrusage(who, &mut r) } != 0 {
        let e = std::io::Error::last_os_error();
        if e.raw_os_error() == Some(libc::EINVAL) {
            return Err(PyErr::value_error("invalid who parameter"));
        }
        return Err(os_error(&e, &[]));
    }
    let t = |tv: libc::timeval| Value::Float(tv.tv_sec as f64 + tv.tv_usec as f64 * 1e-6);
    let i = |x: libc::c_long| Value::Int(x);
    Ok(Value::tuple(vec![
        t(r.ru_utime),
        t(r.ru_stime),
        i(r.ru_maxrss),
        i(r.ru_ixrss),
        i(r.ru_idrss),
        i(r.ru_isrss),
        i(r.ru_minflt),
        i(r.ru_majflt),
        i(r.ru_nswap),
        i(r.ru_inblock),
        i(r.ru_oublock),
        i(r.ru_msgsnd),
        i(r.ru_msgrcv),
        i(r.ru_nsignals),
        i(r.ru_nvcsw),
        i(r.ru_nivcsw),
    ]))
}

fn rlimit_value(x: libc::rlim_t) -> Value {
    if x == libc::RLIM_INFINITY {
        Value::Int(-1)
    } else {
        Value::Int(x as i64)
    }
}

fn resource_arg(vm: &mut Vm, v: &Value) -> PyResult<i32> {
    let r = arg::int(vm, v)?;
    match i32::try_from(r) {
        // (Linux has 16 resources, RLIMIT_CPU to RLIMIT_RTTIME.)
        Ok(r) if (0..16).contains(&r) => Ok(r),
        _ => Err(PyErr::value_error("invalid resource specified")),
    }
}

/// `resource.getrlimit(resource)`: `(soft, hard)`, -1 for unlimited.
fn getrlimit(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check("getrlimit", 1, 1)?;
    let r = resource_arg(vm, &args.pos[0])?;
    // SAFETY: fills a plain-data struct.
    let mut l: libc::rlimit = unsafe { std::mem::zeroed() };
    check_c(unsafe { libc::getrlimit(r as _, &mut l) } as i64, &[])?;
    Ok(Value::tuple(vec![rlimit_value(l.rlim_cur), rlimit_value(l.rlim_max)]))
}

/// `resource.setrlimit(resource, (soft, hard))`.
fn setrlimit(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check("setrlimit", 2, 2)?;
    let r = resource_arg(vm, &args.pos[0])?;
    let items = vm.collect_iterable(&args.pos[1]).map_err(|_| PyErr::type_error("expected a tuple of 2 integers"))?;
    if items.len() != 2 {
        return Err(PyErr::value_error("expected a tuple of 2 integers"));
    }
    let mut lim = [0 as libc::rlim_t; 2];
    for (slot, v) in lim.iter_mut().zip(&items) {
        let x = arg::int(vm, v)?;
        *slot = if x < 0 { libc::RLIM_INFINITY } else { x as libc::rlim_t };
    }
    let l = libc::rlimit { rlim_cur: lim[0], rlim_max: lim[1] };
    // SAFETY: reads a plain-data struct.
    if unsafe { libc::setrlimit(r as _, &l) } != 0 {
        let e = std::io::Error::last_os_error();
        return Err(match e.raw_os_error() {
            Some(libc::EINVAL) => PyErr::value_error("current limit exceeds maximum limit"),
            Some(libc::EPERM) => PyErr::value_error("not allowed to raise maximum limit"),
            _ => os_error(&e, &[]),
        });
    }
    Ok(Value::None)
}

/// `resource.getpagesize()`.
fn getpagesize(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check("getpagesize", 0, 0)?;
    // SAFETY: `sysconf` only reads a system value.
    Ok(Value::Int(unsafe { libc::sysconf(libc::_SC_PAGESIZE) } as i64))
}

/// `os._exit(n)`: ends the process at once, with no cleanup: what is still
/// in stdout's buffer is lost, as in CPython.
fn os_exit(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check("_exit", 1, 1)?;
    let n = arg::int(vm, &args.pos[0])?;
    unsafe extern "C" {
        fn _exit(status: i32) -> !;
    }
    // SAFETY: `_exit` (POSIX) ends the process without running anything;
    // it takes any status and never returns.
    unsafe { _exit(n as i32) }
}

/// `os.write(fd, data)`: writes to a file descriptor directly (past any
/// buffering of `sys.stdout`), returning the number of bytes written.
fn write(vm: &mut Vm, args: Args) -> PyResult<Value> {
    use std::io::Write;
    use std::os::fd::FromRawFd;
    args.check("write", 2, 2)?;
    let fd = arg::int(vm, &args.pos[0])?;
    let data = crate::builtins::types_bytes::bytes_data(vm, &args.pos[1])?;
    if fd < 0 || fd > i32::MAX as i64 {
        return Err(os_error(&std::io::Error::from_raw_os_error(9), &[]));
    }
    // SAFETY: the `File` borrows the descriptor for one write and is never
    // dropped (`ManuallyDrop`), so the descriptor stays open and owned by
    // whoever opened it; an invalid descriptor makes `write` fail with
    // EBADF, nothing worse.
    let mut f = std::mem::ManuallyDrop::new(unsafe { std::fs::File::from_raw_fd(fd as i32) });
    match f.write(&data) {
        Ok(n) => Ok(Value::Int(n as i64)),
        Err(e) => Err(os_error(&e, &[])),
    }
}

/// A file descriptor argument: an int in range, else EBADF (as the
/// system would answer).
fn fd_arg(vm: &mut Vm, v: &Value) -> PyResult<i32> {
    let fd = arg::int(vm, v)?;
    i32::try_from(fd).ok().filter(|fd| *fd >= 0).ok_or_else(|| os_error(&std::io::Error::from_raw_os_error(9), &[]))
}

/// The result of a C library call that returns -1 and sets errno on
/// failure.
fn check_c(r: i64, paths: &[&Value]) -> PyResult<i64> {
    if r < 0 {
        return Err(os_error(&std::io::Error::last_os_error(), paths));
    }
    Ok(r)
}

unsafe extern "C" {
    #[link_name = "open"]
    fn c_open(path: *const std::ffi::c_char, flags: i32, mode: u32) -> i32;
    #[link_name = "close"]
    fn c_close(fd: i32) -> i32;
    #[link_name = "read"]
    fn c_read(fd: i32, buf: *mut u8, n: usize) -> isize;
    #[link_name = "lseek"]
    fn c_lseek(fd: i32, offset: i64, whence: i32) -> i64;
    #[link_name = "ftruncate"]
    fn c_ftruncate(fd: i32, len: i64) -> i32;
    #[link_name = "fsync"]
    fn c_fsync(fd: i32) -> i32;
    #[link_name = "dup"]
    fn c_dup(fd: i32) -> i32;
    #[link_name = "umask"]
    fn c_umask(mask: u32) -> u32;
}

/// `os.open(path, flags, mode=0o777, *, dir_fd=None)`: a new file
/// descriptor (not inheritable: `O_CLOEXEC`, as CPython's).
fn os_open(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.allow_kwargs("open", &["path", "flags", "mode", "dir_fd"])?;
    let pv = args.arg(0, "path").ok_or_else(|| PyErr::type_error("open() missing required argument 'path' (pos 1)"))?;
    let fv = args.arg(1, "flags").ok_or_else(|| PyErr::type_error("open() missing required argument 'flags' (pos 2)"))?;
    let (p, _) = path_arg(vm, "open", pv)?;
    let flags = arg::int(vm, fv)? as i32 | 0o2000000;
    let mode = mode_arg(vm, &args, 2, 0o777)?;
    let c = std::ffi::CString::new(p).map_err(|_| PyErr::value_error("embedded null byte"))?;
    // SAFETY: `c` is a NUL-terminated path that outlives the call; `open`
    // only reads it.
    let fd = unsafe { c_open(c.as_ptr(), flags, mode as u32) };
    Ok(Value::Int(check_c(fd as i64, &[pv])?))
}

/// `os.close(fd)`.
fn os_close(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check("close", 1, 1)?;
    let fd = fd_arg(vm, &args.pos[0])?;
    // SAFETY: closing a descriptor touches no Rust-owned memory; a file
    // object still using it fails with EBADF afterwards, as in CPython.
    check_c(unsafe { c_close(fd) } as i64, &[])?;
    Ok(Value::None)
}

/// `os.read(fd, n)`: at most `n` bytes.
fn os_read(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check("read", 2, 2)?;
    let fd = fd_arg(vm, &args.pos[0])?;
    let n = arg::int(vm, &args.pos[1])?;
    if n < 0 {
        return Err(os_error(&std::io::Error::from_raw_os_error(22), &[]));
    }
    // SAFETY: `read` writes at most `n` bytes at `p`.
    read_bytes(n as usize, |p| unsafe { c_read(fd, p, n as usize) } as i64)
}

/// A bytes object of what `read` (a C call writing at most `n` bytes at
/// the pointer it gets, returning the count or -1) put in a fresh buffer
/// of `n` bytes; MemoryError for a size no allocation can hold (CPython's,
/// not an abort).
fn read_bytes(n: usize, read: impl FnOnce(*mut u8) -> i64) -> PyResult<Value> {
    let mut buf: Vec<u8> = Vec::new();
    if buf.try_reserve_exact(n).is_err() {
        return Err(PyErr::new(crate::vm::ExcKind::MemoryError, ""));
    }
    let got = check_c(read(buf.as_mut_ptr()), &[])?;
    // SAFETY: the buffer has capacity for `n` bytes, and `read` initialised
    // the first `got` (<= `n`) of them.
    unsafe { buf.set_len(got as usize) };
    Ok(crate::builtins::new_bytes(buf))
}

/// `os.lseek(fd, pos, how)`: the new position.
fn os_lseek(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check("lseek", 3, 3)?;
    let fd = fd_arg(vm, &args.pos[0])?;
    let pos = arg::int(vm, &args.pos[1])?;
    let how = arg::int(vm, &args.pos[2])? as i32;
    // SAFETY: `lseek` only moves the descriptor's offset.
    Ok(Value::Int(check_c(unsafe { c_lseek(fd, pos, how) }, &[])?))
}

/// `os.ftruncate(fd, length)`.
fn os_ftruncate(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check("ftruncate", 2, 2)?;
    let fd = fd_arg(vm, &args.pos[0])?;
    let len = arg::int(vm, &args.pos[1])?;
    // SAFETY: `ftruncate` changes the file's size, no memory.
    check_c(unsafe { c_ftruncate(fd, len) } as i64, &[])?;
    Ok(Value::None)
}

/// `os.truncate(path, length)`.
fn os_truncate(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check("truncate", 2, 2)?;
    if let Value::Int(_) = &args.pos[0] {
        return os_ftruncate(vm, args);
    }
    let (p, _) = path_arg(vm, "truncate", &args.pos[0])?;
    let len = arg::int(vm, &args.pos[1])?;
    if len < 0 {
        return Err(os_error(&std::io::Error::from_raw_os_error(libc::EINVAL), &[&args.pos[0]]));
    }
    let f = std::fs::OpenOptions::new().write(true).open(&p).map_err(|e| os_error(&e, &[&args.pos[0]]))?;
    f.set_len(len as u64).map_err(|e| os_error(&e, &[&args.pos[0]]))?;
    Ok(Value::None)
}

/// `os.link(src, dst)`: a hard link.
fn os_link(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.allow_kwargs("link", &["src", "dst", "src_dir_fd", "dst_dir_fd", "follow_symlinks"])?;
    let (Some(a), Some(b)) = (args.arg(0, "src").cloned(), args.arg(1, "dst").cloned()) else {
        return Err(PyErr::type_error("link() missing required argument 'src' (pos 1)"));
    };
    let (src, _) = path_arg(vm, "link", &a)?;
    let (dst, _) = path_arg(vm, "link", &b)?;
    std::fs::hard_link(&src, &dst).map_err(|e| os_error(&e, &[&a, &b]))?;
    Ok(Value::None)
}

/// `os.pread(fd, n, offset)`: up to `n` bytes at `offset`, the position unchanged.
fn os_pread(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check("pread", 3, 3)?;
    let fd = fd_arg(vm, &args.pos[0])?;
    let n = arg::int(vm, &args.pos[1])?;
    let off = arg::int(vm, &args.pos[2])?;
    if n < 0 {
        return Err(PyErr::value_error("negative buffersize in pread"));
    }
    // SAFETY: `pread` writes at most `n` bytes at `p`.
    read_bytes(n as usize, |p| unsafe { libc::pread(fd, p as *mut libc::c_void, n as usize, off) } as i64)
}

/// `os.pwrite(fd, data, offset)`: the count written at `offset`.
fn os_pwrite(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check("pwrite", 3, 3)?;
    let fd = fd_arg(vm, &args.pos[0])?;
    let data = match crate::builtins::types_bytes::bytes_like(vm, &args.pos[1]) {
        Some(d) if !matches!(args.pos[1], Value::Str(_)) => d.into_owned(),
        _ => return Err(PyErr::type_error(format!("a bytes-like object is required, not '{}'", vm.type_name(&args.pos[1])))),
    };
    let off = arg::int(vm, &args.pos[2])?;
    // SAFETY: `pwrite` reads `data.len()` bytes of `data`.
    let n = check_c(unsafe { libc::pwrite(fd, data.as_ptr() as *const libc::c_void, data.len(), off) } as i64, &[])?;
    Ok(Value::Int(n))
}

/// `os.statvfs(path)` (or a descriptor): the file system's figures as a
/// tuple, in `os.statvfs_result`'s order, with `f_fsid` last.
fn os_statvfs(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check("statvfs", 1, 1)?;
    // SAFETY: an all-zero `statvfs` is a valid value of the plain C struct.
    let mut st: libc::statvfs = unsafe { std::mem::zeroed() };
    let r = if let Value::Int(_) = &args.pos[0] {
        let fd = fd_arg(vm, &args.pos[0])?;
        // SAFETY: `fstatvfs` writes into `st`, which lives across the call.
        unsafe { libc::fstatvfs(fd, &mut st) }
    } else {
        let (p, _) = path_arg(vm, "statvfs", &args.pos[0])?;
        let c = std::ffi::CString::new(p).map_err(|_| PyErr::value_error("embedded null byte"))?;
        // SAFETY: `c` is NUL-terminated; `statvfs` writes into `st`.
        unsafe { libc::statvfs(c.as_ptr(), &mut st) }
    };
    check_c(r as i64, &[&args.pos[0]])?;
    let f = [
        st.f_bsize as i64,
        st.f_frsize as i64,
        st.f_blocks as i64,
        st.f_bfree as i64,
        st.f_bavail as i64,
        st.f_files as i64,
        st.f_ffree as i64,
        st.f_favail as i64,
        st.f_flag as i64,
        st.f_namemax as i64,
        st.f_fsid as i64,
    ];
    Ok(Value::tuple(f.iter().map(|v| Value::Int(*v)).collect()))
}

/// `os.fsync(fd)`.
fn os_fsync(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check("fsync", 1, 1)?;
    let fd = fd_arg(vm, &args.pos[0])?;
    // SAFETY: `fsync` flushes the file to disk, no memory.
    check_c(unsafe { c_fsync(fd) } as i64, &[])?;
    Ok(Value::None)
}

/// `os.dup(fd)`: a new descriptor for the same file.
fn os_dup(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check("dup", 1, 1)?;
    let fd = fd_arg(vm, &args.pos[0])?;
    Ok(Value::Int(dup_fd(fd).map_err(|e| os_error(&e, &[]))? as i64))
}

/// A new descriptor for the open file of `fd` (`dup`).
pub(crate) fn dup_fd(fd: i32) -> std::io::Result<i32> {
    // SAFETY: `dup` makes a new descriptor, no memory.
    let d = unsafe { c_dup(fd) };
    if d < 0 {
        return Err(std::io::Error::last_os_error());
    }
    Ok(d)
}

/// `os.umask(mask)`: sets the mask, returns the previous one.
fn os_umask(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check("umask", 1, 1)?;
    let m = arg::int(vm, &args.pos[0])?;
    // SAFETY: `umask` sets the process's mask and cannot fail.
    Ok(Value::Int(unsafe { c_umask(m as u32) } as i64))
}

/// `os.fstat(fd)`: the stat tuple of an open descriptor.
fn os_fstat(vm: &mut Vm, args: Args) -> PyResult<Value> {
    use std::os::fd::FromRawFd;
    args.check("fstat", 1, 1)?;
    let fd = fd_arg(vm, &args.pos[0])?;
    // SAFETY: the `File` only borrows the descriptor for `metadata` and is
    // never dropped (`ManuallyDrop`), so the descriptor stays open; a bad
    // one fails with EBADF.
    let f = std::mem::ManuallyDrop::new(unsafe { std::fs::File::from_raw_fd(fd) });
    match f.metadata() {
        Ok(md) => Ok(stat_tuple(&md)),
        Err(e) => Err(os_error(&e, &[])),
    }
}

/// `_get_terminal_size(fd)`: (columns, lines) of the terminal open on `fd`
/// (`os.get_terminal_size` wraps it), or OSError (ENOTTY when `fd` is not
/// a terminal).
fn get_terminal_size(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check("get_terminal_size", 1, 1)?;
    let fd = arg::int(vm, &args.pos[0])?;
    #[repr(C)]
    #[derive(Default)]
    struct Winsize {
        rows: u16,
        cols: u16,
        xpixel: u16,
        ypixel: u16,
    }
    unsafe extern "C" {
        fn ioctl(fd: i32, request: u64, ...) -> i32;
    }
    const TIOCGWINSZ: u64 = 0x5413;
    let fd = i32::try_from(fd).map_err(|_| os_error(&std::io::Error::from_raw_os_error(9), &[]))?;
    let mut ws = Winsize::default();
    // SAFETY: TIOCGWINSZ writes one `struct winsize` (four u16, the layout
    // of `Winsize`) through the pointer, which points at a live local; a
    // bad descriptor makes ioctl fail with an errno, nothing worse.
    let r = unsafe { ioctl(fd, TIOCGWINSZ, &mut ws as *mut Winsize) };
    if r != 0 {
        return Err(os_error(&std::io::Error::last_os_error(), &[]));
    }
    Ok(Value::tuple(vec![Value::Int(ws.cols as i64), Value::Int(ws.rows as i64)]))
}

fn environ_items(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check("_environ_items", 0, 0)?;
    let items = std::env::vars_os()
        .map(|(k, v)| Value::tuple(vec![Value::string(k.to_string_lossy().into_owned()), Value::string(v.to_string_lossy().into_owned())]))
        .collect();
    Ok(Value::list(items))
}

fn putenv(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check("putenv", 2, 2)?;
    let k = arg::str(vm, &args.pos[0], "putenv() argument 1")?.to_string();
    let v = arg::str(vm, &args.pos[1], "putenv() argument 2")?.to_string();
    if k.is_empty() || k.contains('=') || k.contains('\0') || v.contains('\0') {
        return Err(PyErr::value_error("illegal environment variable name"));
    }
    std::env::set_var(k, v);
    Ok(Value::None)
}

fn unsetenv(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check("unsetenv", 1, 1)?;
    let k = arg::str(vm, &args.pos[0], "unsetenv() argument")?.to_string();
    if k.is_empty() || k.contains('=') || k.contains('\0') {
        return Err(PyErr::value_error("illegal environment variable name"));
    }
    std::env::remove_var(k);
    Ok(Value::None)
}

fn urandom(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check("urandom", 1, 1)?;
    let n = arg::int(vm, &args.pos[0])?;
    if n < 0 {
        return Err(PyErr::value_error("negative argument not allowed"));
    }
    let mut buf = vec![0u8; n as usize];
    use std::io::Read;
    let r = std::fs::File::open("/dev/urandom").and_then(|mut f| f.read_exact(&mut buf));
    r.map_err(|e| os_error(&e, &[]))?;
    Ok(crate::builtins::new_bytes(buf))
}

fn cpu_count(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check("cpu_count", 0, 0)?;
    Ok(match std::thread::available_parallelism() {
        Ok(n) => Value::Int(n.get() as i64),
        Err(_) => Value::None,
    })
}

fn strerror(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check("strerror", 1, 1)?;
    let n = arg::int(vm, &args.pos[0])?;
    Ok(Value::string(strerror_text(n as i32)))
}

fn readlink(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.allow_kwargs("readlink", &["path", "dir_fd"])?;
    let pv = args.arg(0, "path").ok_or_else(|| PyErr::type_error("readlink() missing required argument 'path' (pos 1)"))?;
    let (p, b) = path_arg(vm, "readlink", pv)?;
    match std::fs::read_link(&p) {
        Ok(t) => Ok(path_value(t.display().to_string(), b)),
        Err(e) => Err(os_error(&e, &[pv])),
    }
}

fn symlink(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.allow_kwargs("symlink", &["src", "dst", "target_is_directory", "dir_fd"])?;
    let a = args.arg(0, "src").ok_or_else(|| PyErr::type_error("symlink() missing required argument 'src' (pos 1)"))?;
    let b = args.arg(1, "dst").ok_or_else(|| PyErr::type_error("symlink() missing required argument 'dst' (pos 2)"))?;
    let (pa, _) = path_arg(vm, "symlink", a)?;
    let (pb, _) = path_arg(vm, "symlink", b)?;
    std::os::unix::fs::symlink(&pa, &pb).map_err(|e| os_error(&e, &[a, b]))?;
    Ok(Value::None)
}

fn chmod(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.allow_kwargs("chmod", &["path", "mode", "dir_fd", "follow_symlinks"])?;
    let pv = args.arg(0, "path").ok_or_else(|| PyErr::type_error("chmod() missing required argument 'path' (pos 1)"))?;
    let (p, _) = path_arg(vm, "chmod", pv)?;
    let mode = mode_arg(vm, &args, 1, 0)?;
    std::fs::set_permissions(&p, std::fs::Permissions::from_mode(mode)).map_err(|e| os_error(&e, &[pv]))?;
    Ok(Value::None)
}

/// `os.utime(path, times=None, *, ns=None, dir_fd=None, follow_symlinks=True)`:
/// access and modification times from `times` (seconds, int or float) or
/// `ns` (nanoseconds), or now (`Path.touch` uses it).
fn utime(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.allow_kwargs("utime", &["path", "times", "ns", "dir_fd", "follow_symlinks"])?;
    let pv = args.arg(0, "path").ok_or_else(|| PyErr::type_error("utime() missing required argument 'path' (pos 1)"))?;
    let (p, _) = path_arg(vm, "utime", pv)?;
    let times = args.arg(1, "times").filter(|v| !v.is_none());
    let ns = args.kw("ns");
    if times.is_some() && ns.is_some() {
        return Err(PyErr::value_error("utime: you may specify either 'times' or 'ns' but not both"));
    }
    let pair = |v: &Value, what: &str| -> PyResult<(Value, Value)> {
        match v {
            Value::Tuple(t) if t.len() == 2 => Ok((t.as_slice()[0].clone(), t.as_slice()[1].clone())),
            _ if what == "times" => Err(PyErr::type_error("utime: 'times' must be either a tuple of two ints or None")),
            _ => Err(PyErr::type_error(format!("utime: '{}' must be a tuple of two ints", what))),
        }
    };
    let now = libc::timespec { tv_sec: 0, tv_nsec: libc::UTIME_NOW };
    let mut ts = [now, now];
    if let Some(t) = times {
        let (a, m) = pair(t, "times")?;
        for (k, v) in [a, m].iter().enumerate() {
            let secs = arg::float(vm, v)?;
            let whole = secs.floor();
            ts[k] = libc::timespec { tv_sec: whole as libc::time_t, tv_nsec: ((secs - whole) * 1e9) as libc::c_long };
        }
    } else if let Some(n) = ns {
        let (a, m) = pair(n, "ns")?;
        for (k, v) in [a, m].iter().enumerate() {
            let total = arg::int(vm, v)?;
            ts[k] = libc::timespec {
                tv_sec: total.div_euclid(1_000_000_000) as libc::time_t,
                tv_nsec: total.rem_euclid(1_000_000_000) as libc::c_long,
            };
        }
    }
    let follow = args.kw("follow_symlinks").map(|v| vm.truthy(v)).transpose()?.unwrap_or(true);
    let c = std::ffi::CString::new(p).map_err(|_| PyErr::value_error("embedded null byte"))?;
    // SAFETY: `c` is a NUL-terminated path and `ts` two valid timespecs;
    // utimensat only reads them.
    let r = unsafe { libc::utimensat(libc::AT_FDCWD, c.as_ptr(), ts.as_ptr(), if follow { 0 } else { libc::AT_SYMLINK_NOFOLLOW }) };
    if r != 0 {
        // (CPython's utime error names no file.)
        return Err(os_error(&std::io::Error::last_os_error(), &[]));
    }
    Ok(Value::None)
}

/// `os.chown(path, uid, gid, *, dir_fd=None, follow_symlinks=True)` and
/// `os.lchown(path, uid, gid)`: -1 leaves an id unchanged.
fn chown_common(vm: &mut Vm, args: Args, name: &str, follow: bool) -> PyResult<Value> {
    args.allow_kwargs(name, &["path", "uid", "gid", "dir_fd", "follow_symlinks"])?;
    let missing = |what: &str, pos: usize| PyErr::type_error(format!("{}() missing required argument '{}' (pos {})", name, what, pos));
    let pv = args.arg(0, "path").ok_or_else(|| missing("path", 1))?;
    let (p, _) = path_arg(vm, name, pv)?;
    let uid = arg::int(vm, args.arg(1, "uid").ok_or_else(|| missing("uid", 2))?)?;
    let gid = arg::int(vm, args.arg(2, "gid").ok_or_else(|| missing("gid", 3))?)?;
    let follow = follow && args.kw("follow_symlinks").map(|v| vm.truthy(v)).transpose()?.unwrap_or(true);
    let id = |v: i64| if v == -1 { None } else { Some(v as u32) };
    let r = if follow { std::os::unix::fs::chown(&p, id(uid), id(gid)) } else { std::os::unix::fs::lchown(&p, id(uid), id(gid)) };
    r.map_err(|e| os_error(&e, &[pv]))?;
    Ok(Value::None)
}

fn chown(vm: &mut Vm, args: Args) -> PyResult<Value> {
    chown_common(vm, args, "chown", true)
}

fn lchown(vm: &mut Vm, args: Args) -> PyResult<Value> {
    chown_common(vm, args, "lchown", false)
}

fn isatty(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check("isatty", 1, 1)?;
    let fd = arg::int(vm, &args.pos[0])?;
    use std::io::IsTerminal;
    Ok(Value::Bool(match fd {
        0 => std::io::stdin().is_terminal(),
        1 => std::io::stdout().is_terminal(),
        2 => std::io::stderr().is_terminal(),
        _ => false,
    }))
}

fn times(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check("times", 0, 0)?;
    let pt = crate::modules::time::process_seconds();
    Ok(Value::tuple(vec![Value::Float(pt), Value::Float(0.0), Value::Float(0.0), Value::Float(0.0), Value::Float(0.0)]))
}

pub fn make(vm: &mut Vm) -> Value {
    let m = new_module(
        vm,
        "posix",
        &[
            ("getcwd", getcwd),
            ("getcwdb", getcwdb),
            ("chdir", chdir),
            ("listdir", listdir),
            ("mkdir", mkdir),
            ("rmdir", rmdir),
            ("remove", remove),
            ("unlink", remove),
            ("rename", rename),
            ("replace", rename),
            ("stat", stat),
            ("lstat", lstat),
            ("access", access),
            ("getpid", getpid),
            ("kill", kill),
            ("_uname", uname),
            ("getuid", getuid),
            ("geteuid", geteuid),
            ("getgid", getgid),
            ("getegid", getegid),
            ("getppid", getppid),
            ("_getpwuid", getpwuid),
            ("_getpwnam", getpwnam),
            ("pipe", pipe),
            ("system", system),
            ("waitpid", waitpid),
            ("fork", fork),
            ("waitstatus_to_exitcode", waitstatus_to_exitcode),
            ("WIFEXITED", wifexited),
            ("WEXITSTATUS", wexitstatus),
            ("WIFSIGNALED", wifsignaled),
            ("WTERMSIG", wtermsig),
            ("WIFSTOPPED", wifstopped),
            ("WSTOPSIG", wstopsig),
            ("set_inheritable", set_inheritable),
            ("get_inheritable", get_inheritable),
            ("set_blocking", set_blocking),
            ("get_blocking", get_blocking),
            ("dup2", dup2),
            ("confstr", confstr),
            ("getloadavg", getloadavg),
            ("_getrusage", getrusage),
            ("_getrlimit", getrlimit),
            ("_setrlimit", setrlimit),
            ("_getpagesize", getpagesize),
            ("killpg", killpg),
            ("_exit", os_exit),
            ("write", write),
            ("open", os_open),
            ("close", os_close),
            ("read", os_read),
            ("lseek", os_lseek),
            ("ftruncate", os_ftruncate),
            ("truncate", os_truncate),
            ("link", os_link),
            ("pread", os_pread),
            ("pwrite", os_pwrite),
            ("_statvfs", os_statvfs),
            ("fsync", os_fsync),
            ("dup", os_dup),
            ("umask", os_umask),
            ("fstat", os_fstat),
            ("_get_terminal_size", get_terminal_size),
            ("_environ_items", environ_items),
            ("putenv", putenv),
            ("unsetenv", unsetenv),
            ("urandom", urandom),
            ("cpu_count", cpu_count),
            ("strerror", strerror),
            ("readlink", readlink),
            ("symlink", symlink),
            ("chmod", chmod),
            ("utime", utime),
            ("chown", chown),
            ("lchown", lchown),
            ("isatty", isatty),
            ("times", times),
        ],
    );
    for (n, v) in [
        ("F_OK", 0),
        ("R_OK", 4),
        ("W_OK", 2),
        ("X_OK", 1),
        ("O_RDONLY", 0),
        ("O_WRONLY", 1),
        ("O_RDWR", 2),
        ("O_CREAT", 0o100),
        ("O_EXCL", 0o200),
        ("O_TRUNC", 0o1000),
        ("O_APPEND", 0o2000),
        ("O_NONBLOCK", 0o4000),
        ("O_DIRECTORY", 0o200000),
        ("O_CLOEXEC", 0o2000000),
        ("O_NOCTTY", 0o400),
        ("O_NOFOLLOW", 0o400000),
        ("O_DSYNC", 0o10000),
        ("O_SYNC", 0o4010000),
        ("O_NOATIME", 0o1000000),
        ("O_PATH", 0o10000000),
        ("O_TMPFILE", 0o20200000),
        ("WNOHANG", libc::WNOHANG as i64),
        ("WUNTRACED", libc::WUNTRACED as i64),
        ("WCONTINUED", libc::WCONTINUED as i64),
    ] {
        super::set(&m, n, Value::Int(v));
    }
    let names = DictObj::new();
    for (k, v) in CONFSTR_NAMES {
        names.set_str(k, Value::Int(*v));
    }
    super::set(&m, "confstr_names", Value::Dict(names));
    m
}
