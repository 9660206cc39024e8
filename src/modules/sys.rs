//! The `sys` module.

use super::{new_module, set};
use crate::objects::*;
use crate::vm::{Args, ExcKind, PyErr, PyResult, Vm};

pub fn init(vm: &mut Vm) {
    let m = new_module(
        vm,
        "sys",
        &[
            ("exit", exit),
            ("getrecursionlimit", getrecursionlimit),
            ("setrecursionlimit", setrecursionlimit),
            ("getsizeof", getsizeof),
            ("intern", intern),
            ("exc_info", exc_info),
            ("exception", exception),
            ("getrefcount", getrefcount),
            ("set_int_max_str_digits", set_int_max_str_digits),
            ("get_int_max_str_digits", get_int_max_str_digits),
            ("getdefaultencoding", getdefaultencoding),
            ("getfilesystemencoding", getdefaultencoding),
            ("_getframe", getframe),
            ("displayhook", super::codeops::displayhook),
            ("__displayhook__", super::codeops::displayhook),
            ("excepthook", excepthook),
            ("is_finalizing", is_finalizing),
            ("__excepthook__", excepthook),
            ("audit", audit),
            ("getswitchinterval", getswitchinterval),
            ("setswitchinterval", setswitchinterval),
            ("addaudithook", audit),
            ("setprofile", crate::vm::profile::setprofile),
            ("getprofile", crate::vm::profile::getprofile),
        ],
    );
    set(&m, "modules", Value::Dict(vm.modules.clone()));
    set(&m, "warnoptions", Value::list(Vec::new()));
    set(&m, "version", Value::str("3.11.7 (Spry 0.1.0)"));
    set(&m, "hexversion", Value::Int(0x030b07f0));
    set(&m, "api_version", Value::Int(1013));
    set(&m, "platform", Value::str("linux"));
    set(&m, "byteorder", Value::str("little"));
    set(&m, "maxsize", Value::Int(i64::MAX));
    set(&m, "maxunicode", Value::Int(0x10ffff));
    set(&m, "executable", Value::string(std::env::current_exe().map(|p| p.display().to_string()).unwrap_or_default()));
    set(&m, "prefix", Value::str("/usr"));
    set(&m, "base_prefix", Value::str("/usr"));
    set(&m, "exec_prefix", Value::str("/usr"));
    set(&m, "base_exec_prefix", Value::str("/usr"));
    set(&m, "platlibdir", Value::str("lib"));
    set(&m, "abiflags", Value::str(""));
    set(&m, "pycache_prefix", Value::None);
    // Floats print as the shortest string that reads back (ryu), as CPython's "short" style.
    set(&m, "float_repr_style", Value::str("short"));
    set(&m, "dont_write_bytecode", Value::Bool(true));
    set(&m, "builtin_module_names", Value::tuple(super::RUST_MODULES.iter().map(|s| Value::str(s)).collect()));
    set(&m, "copyright", Value::str("Copyright (c) Spry contributors."));
    let vi = make_struct_seq(
        vm,
        "version_info",
        &["major", "minor", "micro", "releaselevel", "serial"],
        vec![Value::Int(3), Value::Int(11), Value::Int(7), Value::str("final"), Value::Int(0)],
    );
    set(&m, "version_info", vi);
    let ti = make_struct_seq(
        vm,
        "thread_info",
        &["name", "lock", "version"],
        vec![Value::str("pthread"), Value::str("semaphore"), nptl_version()],
    );
    set(&m, "thread_info", ti);
    let names = crate::objects::set::SetObj::empty();
    for n in STDLIB_MODULE_NAMES.split(',') {
        // (Adding a str cannot fail.)
        let _ = vm.set_add(&names, Value::str(n));
    }
    set(&m, "stdlib_module_names", Value::FrozenSet(PyRef::new_tracked(names)));
    let impl_ns = DictObj::new();
    impl_ns.set_str("name", Value::str("spry"));
    impl_ns.set_str("cache_tag", Value::None);
    let iv = make_struct_seq(
        vm,
        "version_info",
        &["major", "minor", "micro", "releaselevel", "serial"],
        vec![Value::Int(0), Value::Int(1), Value::Int(0), Value::str("alpha"), Value::Int(0)],
    );
    impl_ns.set_str("version", iv);
    impl_ns.set_str("hexversion", Value::Int(0x000100a0));
    impl_ns.set_str("_multiarch", Value::str("x86_64-linux-gnu"));
    let simple_ns = simple_namespace(vm, impl_ns);
    set(&m, "implementation", simple_ns);
    let fi = make_struct_seq(
        vm,
        "float_info",
        &["max", "max_exp", "max_10_exp", "min", "min_exp", "min_10_exp", "dig", "mant_dig", "epsilon", "radix", "rounds"],
        vec![
            Value::Float(f64::MAX),
            Value::Int(1024),
            Value::Int(308),
            Value::Float(f64::MIN_POSITIVE),
            Value::Int(-1021),
            Value::Int(-307),
            Value::Int(15),
            Value::Int(53),
            Value::Float(f64::EPSILON),
            Value::Int(2),
            Value::Int(1),
        ],
    );
    set(&m, "float_info", fi);
    let hi = make_struct_seq(
        vm,
        "hash_info",
        &["width", "modulus", "inf", "nan", "imag", "algorithm", "hash_bits", "seed_bits", "cutoff"],
        vec![
            Value::Int(64),
            Value::Int(int::HASH_MODULUS as i64),
            Value::Int(314159),
            Value::Int(0),
            Value::Int(1000003),
            Value::str("fnv"),
            Value::Int(64),
            Value::Int(0),
            Value::Int(0),
        ],
    );
    set(&m, "hash_info", hi);
    let ii = make_struct_seq(
        vm,
        "int_info",
        &["bits_per_digit", "sizeof_digit", "default_max_str_digits", "str_digits_check_threshold"],
        vec![Value::Int(30), Value::Int(4), Value::Int(4300), Value::Int(640)],
    );
    set(&m, "int_info", ii);
    let out = super::io::std_stream(vm, super::io::StdKind::Stdout);
    let err = super::io::std_stream(vm, super::io::StdKind::Stderr);
    let inp = super::io::std_stream(vm, super::io::StdKind::Stdin);
    set(&m, "stdout", out.clone());
    set(&m, "stderr", err.clone());
    set(&m, "stdin", inp.clone());
    set(&m, "__stdout__", out.clone());
    set(&m, "__stderr__", err.clone());
    set(&m, "__stdin__", inp);
    vm.std_streams = (out, err);
    vm.modules.set_str("sys", m.clone());
    vm.sys_module = m;
    set_flags(vm, &Flags::default());
    set_xoptions(vm, &[]);
}

/// Sets `sys.argv` and `sys.path` for the program being run.
pub fn set_argv(vm: &mut Vm, argv: Vec<String>, script_dir: &str) {
    let m = vm.sys_module.clone();
    set(&m, "argv", Value::list(argv.iter().map(|a| Value::str(a)).collect()));
    set(&m, "orig_argv", Value::list(argv.iter().map(|a| Value::str(a)).collect()));
    let path = Value::list(vec![Value::str(script_dir)]);
    set(&m, "path", path.clone());
    vm.path = path;
    vm.argv = argv;
}

/// The command line's flags, as `sys.flags` shows them.
#[derive(Clone, Debug, Default)]
pub struct Flags {
    pub debug: u8,
    pub optimize: u8,
    pub dont_write_bytecode: bool,
    pub no_user_site: bool,
    pub no_site: bool,
    pub ignore_environment: bool,
    pub verbose: u8,
    pub bytes_warning: u8,
    pub quiet: bool,
    pub isolated: bool,
    pub dev_mode: bool,
    pub safe_path: bool,
}

/// Sets `sys.flags` (CPython 3.11's fields; Spry's string hashes are not
/// randomised: `hash_randomization` 0).
pub fn set_flags(vm: &mut Vm, f: &Flags) {
    let fields = [
        "debug",
        "inspect",
        "interactive",
        "optimize",
        "dont_write_bytecode",
        "no_user_site",
        "no_site",
        "ignore_environment",
        "verbose",
        "bytes_warning",
        "quiet",
        "hash_randomization",
        "isolated",
        "dev_mode",
        "utf8_mode",
        "warn_default_encoding",
        "safe_path",
        "int_max_str_digits",
    ];
    let int = |v: u8| Value::Int(v as i64);
    let values = vec![
        int(f.debug),
        int(0),
        int(0),
        int(f.optimize),
        int(f.dont_write_bytecode as u8),
        int(f.no_user_site as u8),
        int(f.no_site as u8),
        int(f.ignore_environment as u8),
        int(f.verbose),
        int(f.bytes_warning),
        int(f.quiet as u8),
        int(0),
        int(f.isolated as u8),
        Value::Bool(f.dev_mode),
        int(0),
        int(0),
        Value::Bool(f.safe_path),
        Value::Int(-1),
    ];
    let flags = make_struct_seq(vm, "flags", &fields, values);
    let m = vm.sys_module.clone();
    set(&m, "flags", flags);
}

/// Sets `sys._xoptions` from `-X name[=value]` options (`name` alone is True).
pub fn set_xoptions(vm: &mut Vm, options: &[String]) {
    let d = DictObj::new();
    for o in options {
        match o.split_once('=') {
            Some((k, v)) => d.set_str(k, Value::str(v)),
            None => d.set_str(o, Value::Bool(true)),
        }
    }
    let m = vm.sys_module.clone();
    set(&m, "_xoptions", Value::Dict(d));
}

/// Sets `sys.warnoptions`: the entries of `PYTHONWARNINGS` (comma
/// separated), then the `-W` options, as CPython orders them (the
/// `warnings` module applies them in that order, a later one winning).
pub fn set_warnoptions(vm: &mut Vm, options: &[String], use_env: bool) {
    let mut all: Vec<String> = Vec::new();
    if let Some(env) = std::env::var("PYTHONWARNINGS").ok().filter(|_| use_env) {
        all.extend(env.split(',').filter(|s| !s.is_empty()).map(String::from));
    }
    all.extend(options.iter().cloned());
    let m = vm.sys_module.clone();
    set(&m, "warnoptions", Value::list(all.iter().map(|a| Value::str(a)).collect()));
}

/// `-P`: `sys.path` without the script's directory (Spry's has nothing else).
pub fn clear_path(vm: &mut Vm) {
    let m = vm.sys_module.clone();
    let path = Value::list(Vec::new());
    set(&m, "path", path.clone());
    vm.path = path;
}

/// A tuple subclass instance with named fields (like CPython's struct sequences).
pub fn make_struct_seq(vm: &mut Vm, name: &str, fields: &[&str], values: Vec<Value>) -> Value {
    let ns = DictObj::new();
    ns.set_str("__module__", Value::str("sys"));
    ns.set_str("_fields", Value::tuple(fields.iter().map(|f| Value::str(f)).collect()));
    let repr = vm.builtin_fn("__repr__", struct_seq_repr, name_static(name));
    ns.set_str("__repr__", repr);
    let meta = vm.types.type_.clone();
    let base = vm.types.tuple.clone();
    let cls = vm.make_class(&meta, name, vec![base], &ns).expect("struct sequence class");
    let inst = vm.new_instance(&cls);
    if let Value::Instance(i) = &inst {
        i.base_value.set(Value::tuple(values.clone()));
        if let Some(d) = &i.dict {
            for (f, v) in fields.iter().zip(values) {
                d.set_str(f, v);
            }
        }
    }
    inst
}

fn name_static(s: &str) -> &'static str {
    Box::leak(s.to_string().into_boxed_str())
}

fn struct_seq_repr(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let this = args.this().clone();
    let cls = vm.class_of(&this);
    let fields = cls.lookup("_fields").unwrap_or(Value::tuple(vec![]));
    let names = vm.collect_iterable(&fields)?;
    let mut parts = Vec::new();
    for n in names {
        let n = n.as_str().unwrap_or("").to_string();
        let v = vm.get_attr(&this, &n)?;
        parts.push(format!("{}={}", n, vm.repr_str_of(&v)?));
    }
    let module = cls.module.get();
    let prefix = match module.as_str() {
        Some(m) if m != "builtins" => format!("{}.", m),
        _ => String::new(),
    };
    Ok(Value::string(format!("{}{}({})", prefix, cls.name(), parts.join(", "))))
}

/// A `types.SimpleNamespace`-like object holding `ns`.
pub fn simple_namespace(vm: &mut Vm, ns: PyRef<DictObj>) -> Value {
    let cls = match vm.lazy_classes.get("SimpleNamespace") {
        Some(c) => c.clone(),
        None => {
            let d = DictObj::new();
            d.set_str("__module__", Value::str("types"));
            let repr = vm.builtin_fn("__repr__", simple_namespace_repr, "types");
            d.set_str("__repr__", repr);
            let meta = vm.types.type_.clone();
            let obj = vm.types.object.clone();
            let c = vm.make_class(&meta, "SimpleNamespace", vec![obj], &d).expect("SimpleNamespace");
            vm.lazy_classes.insert("SimpleNamespace", c.clone());
            c
        }
    };
    let inst = vm.new_instance(&cls);
    if let Value::Instance(i) = &inst {
        if let Some(d) = &i.dict {
            for (h, k, v) in ns.hashed_items() {
                d.insert_new(k, h, v);
            }
        }
    }
    inst
}

/// `namespace(name='spry', ...)`, as `types.SimpleNamespace` shows itself.
fn simple_namespace_repr(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check("__repr__", 1, 1)?;
    let mut parts = Vec::new();
    if let Value::Instance(i) = &args.pos[0] {
        if let Some(d) = &i.dict {
            for (k, v) in d.items() {
                parts.push(format!("{}={}", vm.str_of(&k)?, vm.repr_str_of(&v)?));
            }
        }
    }
    Ok(Value::string(format!("namespace({})", parts.join(", "))))
}

fn exit(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check("exit", 0, 1)?;
    // `sys.exit(None)` raises SystemExit() with no arguments, as CPython does.
    let a: Vec<Value> = args.pos.iter().filter(|v| !v.is_none()).cloned().collect();
    Err(PyErr::with_args(ExcKind::SystemExit, a))
}

/// The thread switch interval `setswitchinterval` set (CPython's default
/// 5 ms), as f64 bits. Spry runs one thread: the value is only kept.
static SWITCH_INTERVAL: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(0x3F747AE147AE147B);

fn getswitchinterval(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check("getswitchinterval", 0, 0)?;
    Ok(Value::Float(f64::from_bits(SWITCH_INTERVAL.load(std::sync::atomic::Ordering::Relaxed))))
}

fn setswitchinterval(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check("setswitchinterval", 1, 1)?;
    let x = crate::builtins::arg::float(vm, &args.pos[0])?;
    if x <= 0.0 {
        return Err(PyErr::value_error("switch interval must be strictly positive"));
    }
    SWITCH_INTERVAL.store(x.to_bits(), std::sync::atomic::Ordering::Relaxed);
    Ok(Value::None)
}

fn getrecursionlimit(vm: &mut Vm, _args: Args) -> PyResult<Value> {
    Ok(Value::Int(vm.recursion_limit as i64))
}

fn setrecursionlimit(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check("setrecursionlimit", 1, 1)?;
    let n = match &args.pos[0] {
        Value::Int(n) => *n,
        Value::Float(_) => return Err(PyErr::type_error("'float' object cannot be interpreted as an integer")),
        v => return Err(PyErr::type_error(format!("'{}' object cannot be interpreted as an integer", vm.type_name(v)))),
    };
    if n < 1 {
        return Err(PyErr::value_error("recursion limit must be greater or equal than 1"));
    }
    let depth = vm.recursion_depth();
    if (n as usize) <= depth {
        return Err(PyErr::new(
            ExcKind::RecursionError,
            format!("cannot set the recursion limit to {} at the recursion depth {}: the limit is too low", n, depth),
        ));
    }
    let extra = vm.recursion_limit - vm.frame_limit;
    vm.recursion_limit = n as usize;
    crate::compiler::set_recursion_limit(n as usize);
    vm.frame_limit = n as usize - extra;
    Ok(Value::None)
}

fn getsizeof(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let v = args.get(0).cloned().unwrap_or(Value::None);
    let n = match &v {
        Value::Int(_) | Value::Bool(_) => 28,
        Value::Float(_) => 24,
        Value::Str(s) => 49 + s.as_str().len() as i64,
        Value::List(l) => 56 + 8 * l.len() as i64,
        Value::Tuple(t) => 40 + 8 * t.len() as i64,
        Value::Dict(d) => 232 + 24 * d.len() as i64,
        _ => 48,
    };
    let _ = vm;
    Ok(Value::Int(n))
}

fn intern(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    Ok(args.get(0).cloned().unwrap_or(Value::None))
}

/// `sys.stdlib_module_names`: CPython 3.11's list (the names of its
/// standard library, whether or not Spry has each module), comma-separated.
const STDLIB_MODULE_NAMES: &str = concat!(
    "__future__,_abc,_aix_support,_ast,_asyncio,_bisect,_blake2,_bootsubprocess,_bz2,_codecs,",
    "_codecs_cn,_codecs_hk,_codecs_iso2022,_codecs_jp,_codecs_kr,_codecs_tw,_collections,",
    "_collections_abc,_compat_pickle,_compression,_contextvars,_crypt,_csv,_ctypes,_curses,",
    "_curses_panel,_datetime,_dbm,_decimal,_elementtree,_frozen_importlib,_frozen_importlib_external,",
    "_functools,_gdbm,_hashlib,_heapq,_imp,_io,_json,_locale,_lsprof,_lzma,_markupbase,_md5,_msi,",
    "_multibytecodec,_multiprocessing,_opcode,_operator,_osx_support,_overlapped,_pickle,_posixshmem,",
    "_posixsubprocess,_py_abc,_pydecimal,_pyio,_queue,_random,_scproxy,_sha1,_sha256,_sha3,_sha512,",
    "_signal,_sitebuiltins,_socket,_sqlite3,_sre,_ssl,_stat,_statistics,_string,_strptime,_struct,",
    "_symtable,_thread,_threading_local,_tkinter,_tokenize,_tracemalloc,_typing,_uuid,_warnings,",
    "_weakref,_weakrefset,_winapi,_zoneinfo,abc,aifc,antigravity,argparse,array,ast,asynchat,asyncio,",
    "asyncore,atexit,audioop,base64,bdb,binascii,bisect,builtins,bz2,cProfile,calendar,cgi,cgitb,",
    "chunk,cmath,cmd,code,codecs,codeop,collections,colorsys,compileall,concurrent,configparser,",
    "contextlib,contextvars,copy,copyreg,crypt,csv,ctypes,curses,dataclasses,datetime,dbm,decimal,",
    "difflib,dis,distutils,doctest,email,encodings,ensurepip,enum,errno,faulthandler,fcntl,filecmp,",
    "fileinput,fnmatch,fractions,ftplib,functools,gc,genericpath,getopt,getpass,gettext,glob,",
    "graphlib,grp,gzip,hashlib,heapq,hmac,html,http,idlelib,imaplib,imghdr,imp,importlib,inspect,io,",
    "ipaddress,itertools,json,keyword,lib2to3,linecache,locale,logging,lzma,mailbox,mailcap,marshal,",
    "math,mimetypes,mmap,modulefinder,msilib,msvcrt,multiprocessing,netrc,nis,nntplib,nt,ntpath,",
    "nturl2path,numbers,opcode,operator,optparse,os,ossaudiodev,pathlib,pdb,pickle,pickletools,pipes,",
    "pkgutil,platform,plistlib,poplib,posix,posixpath,pprint,profile,pstats,pty,pwd,py_compile,",
    "pyclbr,pydoc,pydoc_data,pyexpat,queue,quopri,random,re,readline,reprlib,resource,rlcompleter,",
    "runpy,sched,secrets,select,selectors,shelve,shlex,shutil,signal,site,smtpd,smtplib,sndhdr,",
    "socket,socketserver,spwd,sqlite3,sre_compile,sre_constants,sre_parse,ssl,stat,statistics,string,",
    "stringprep,struct,subprocess,sunau,symtable,sys,sysconfig,syslog,tabnanny,tarfile,telnetlib,",
    "tempfile,termios,textwrap,this,threading,time,timeit,tkinter,token,tokenize,tomllib,trace,",
    "traceback,tracemalloc,tty,turtle,turtledemo,types,typing,unicodedata,unittest,urllib,uu,uuid,",
    "venv,warnings,wave,weakref,webbrowser,winreg,winsound,wsgiref,xdrlib,xml,xmlrpc,zipapp,zipfile,",
    "zipimport,zlib,zoneinfo",
);

/// `sys.thread_info.version`: glibc's threads ("NPTL 2.36"), as CPython
/// reads it with `confstr(_CS_GNU_LIBPTHREAD_VERSION)`.
fn nptl_version() -> Value {
    unsafe extern "C" {
        fn gnu_get_libc_version() -> *const std::os::raw::c_char;
    }
    // SAFETY: glibc returns a static NUL-terminated string.
    let v = unsafe { std::ffi::CStr::from_ptr(gnu_get_libc_version()) };
    Value::string(format!("NPTL {}", v.to_string_lossy()))
}

/// `sys.is_finalizing()`: True once the interpreter shuts down (the
/// finalizers of objects still alive at exit run then).
fn is_finalizing(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check("is_finalizing", 0, 0)?;
    Ok(Value::Bool(vm.finalizing))
}

/// `sys.excepthook(type, value, traceback)` (also `sys.__excepthook__`):
/// prints the exception and its chain to stderr, as an uncaught one.
fn excepthook(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.no_kwargs("excepthook")?;
    if args.pos.len() != 3 {
        return Err(PyErr::type_error(format!("excepthook expected 3 arguments, got {}", args.pos.len())));
    }
    let v = args.pos[1].clone();
    if !matches!(&v, Value::Instance(i) if i.exc.is_some()) {
        // (CPython's printer reports this on stderr and returns.)
        let name = vm.class_of(&v).name.borrow().clone();
        vm.write_stderr(&format!("TypeError: print_exception(): Exception expected for value, {} found\n", name));
        return Ok(Value::None);
    }
    vm.print_exception_value(&v);
    Ok(Value::None)
}

fn exc_info(vm: &mut Vm, _args: Args) -> PyResult<Value> {
    Ok(match vm.exc_stack.last().cloned() {
        Some(e) => {
            let cls = Value::Class(vm.class_of(&e));
            let tb = vm.get_attr(&e, "__traceback__").unwrap_or(Value::None);
            Value::tuple(vec![cls, e, tb])
        }
        None => Value::tuple(vec![Value::None, Value::None, Value::None]),
    })
}

fn exception(vm: &mut Vm, _args: Args) -> PyResult<Value> {
    Ok(vm.exc_stack.last().cloned().unwrap_or(Value::None))
}

fn getrefcount(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    let v = args.get(0).cloned().unwrap_or(Value::None);
    Ok(Value::Int(match v.heap_header() {
        // SAFETY: the header of a live object (we hold a reference).
        Some(h) => unsafe { h.as_ref().rc.get() as i64 },
        None => 1 << 30,
    }))
}

fn set_int_max_str_digits(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let n = match args.arg(0, "maxdigits") {
        Some(v) => crate::builtins::arg::int(vm, v)?,
        None => return Err(PyErr::type_error("set_int_max_str_digits() missing required argument 'maxdigits'")),
    };
    if n != 0 && n < 640 {
        return Err(PyErr::value_error("maxdigits must be 0 or larger than 640"));
    }
    int::MAX_STR_DIGITS.with(|c| c.set(n as usize));
    Ok(Value::None)
}

fn get_int_max_str_digits(_vm: &mut Vm, _args: Args) -> PyResult<Value> {
    Ok(Value::Int(int::MAX_STR_DIGITS.with(|c| c.get()) as i64))
}

fn getdefaultencoding(_vm: &mut Vm, _args: Args) -> PyResult<Value> {
    Ok(Value::str("utf-8"))
}

/// `sys.audit(event, *args)` / `sys.addaudithook(hook)`: Spry has no audit hooks.
fn audit(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    if args.is_empty() {
        return Err(PyErr::type_error("audit() missing 1 required positional argument: 'event'"));
    }
    Ok(Value::None)
}

/// `sys._getframe([depth])`: a snapshot of a running frame with `f_globals`,
/// `f_locals` (module and class-body frames: their namespace; function
/// frames: an empty dict), `f_code`, `f_lineno` and `f_back`. Enough for the
/// common use, finding the caller's module (`namedtuple`, `enum`).
fn getframe(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check("_getframe", 0, 1)?;
    let depth = match args.get(0) {
        Some(v) => vm.to_index(v, |vm| format!("'{}' object cannot be interpreted as an integer", vm.type_name(v)))?,
        None => 0,
    };
    if depth < 0 {
        return Err(PyErr::value_error("call stack is not deep enough"));
    }
    // Depth 0 is the caller's frame; deeper ones follow `f_back`, past
    // builtin frames (`CodeObj::builtin_frame`).
    let mut i = vm.frames.len().checked_sub(1);
    for _ in 0..depth {
        i = i.and_then(|i| frame_below(vm, i));
        if i.is_none() {
            break;
        }
    }
    match i {
        Some(i) => Ok(frame_snapshot(vm, i)),
        None => Err(PyErr::value_error("call stack is not deep enough")),
    }
}

/// The running frame `f_back` of frame `i` names: the next one down that
/// is not a builtin frame (`CodeObj::builtin_frame`).
fn frame_below(vm: &Vm, i: usize) -> Option<usize> {
    (0..i).rev().find(|&j| !vm.frames[j].code().builtin_frame.get())
}

/// The frame object of running frame `i`: made once per frame (kept in
/// its `FrameExtra`, so `sys._getframe() is sys._getframe()` and a profile
/// hook sees the same object at a frame's `call` and `return`), its
/// `f_lineno` and `f_locals` brought up to date at each request.
pub(crate) fn frame_snapshot(vm: &mut Vm, i: usize) -> Value {
    let ((line, lasti), locals) = (position_of(&vm.frames[i]), crate::builtins::functions::frame_locals(vm, i));
    if let Some(obj) = vm.frames[i].extra.as_ref().and_then(|e| e.object.clone()) {
        if let Value::Instance(o) = &obj {
            if let Some(d) = &o.dict {
                store_position(d, (line, lasti));
                d.set_str("f_locals", locals);
            }
        }
        return obj;
    }
    let (globals, code) = (vm.frames[i].globals_ref(), vm.frames[i].code_ref());
    let back = match frame_below(vm, i) {
        Some(j) => frame_snapshot(vm, j),
        None => Value::None,
    };
    let obj = frame_object(vm, Value::Dict(globals), locals, code, (line, lasti), back);
    vm.frames[i].extra.get_or_insert_with(Default::default).object = Some(obj.clone());
    obj
}

/// `frame.f_lineno` and `frame.f_lasti` (see `frame_object`): from the
/// running frame the object stands for, else as stored.
fn frame_position(vm: &mut Vm, args: &Args, name: &str) -> PyResult<Value> {
    args.check(name, 1, 1)?;
    let obj = args.this().clone();
    let Value::Instance(o) = &obj else { return Err(PyErr::type_error(format!("'{}' needs a frame", name))) };
    let live = vm.frames.iter().rposition(|f| {
        f.extra.as_ref().and_then(|e| e.object.as_ref()).is_some_and(|x| matches!(x, Value::Instance(p) if PyRef::ptr_eq(p, o)))
    });
    let d = o.dict.as_ref().ok_or_else(|| PyErr::type_error("frame without a dict"))?;
    if let Some(i) = live {
        store_position(d, position_of(&vm.frames[i]));
    }
    Ok(d.get_str(name).unwrap_or(Value::None))
}

/// A running frame's line and `f_lasti` (twice the index of the
/// instruction it runs, see `code.co_positions`).
fn position_of(f: &crate::vm::Frame) -> (u32, i64) {
    let pc = f.pc.saturating_sub(1);
    (f.code().line_at(pc), 2 * pc as i64)
}

fn store_position(d: &DictObj, (line, lasti): (u32, i64)) {
    d.set_str("f_lineno", Value::Int(line as i64));
    d.set_str("f_lasti", Value::Int(lasti));
}

fn frame_lineno(vm: &mut Vm, args: Args) -> PyResult<Value> {
    frame_position(vm, &args, "f_lineno")
}

fn frame_lasti(vm: &mut Vm, args: Args) -> PyResult<Value> {
    frame_position(vm, &args, "f_lasti")
}

fn frame_new(_vm: &mut Vm, _args: Args) -> PyResult<Value> {
    Err(PyErr::type_error("cannot create 'frame' instances"))
}

/// A `frame` object (a snapshot): `f_globals`, `f_locals`, `f_code`,
/// `f_lineno`, `f_lasti` (twice the running instruction's index, see
/// `code.co_positions`), `f_back`.
pub fn frame_object(
    vm: &mut Vm,
    globals: Value,
    locals: Value,
    code: PyRef<crate::bytecode::CodeObj>,
    position: (u32, i64),
    back: Value,
) -> Value {
    let cls = match vm.lazy_classes.get("frame") {
        Some(c) => c.clone(),
        None => {
            let d = DictObj::new();
            d.set_str("__module__", Value::str("builtins"));
            // Frames are made by the VM only (CPython's `frame` has no
            // constructor).
            let new = vm.builtin_fn("__new__", frame_new, "frame");
            d.set_str("__new__", new);
            // The line and instruction of a frame that still runs are
            // read from it (a frame object kept while its code goes on,
            // `frame = inspect.currentframe()`, sees the current line);
            // a finished frame's stay what they were last.
            for (name, f) in [("f_lineno", frame_lineno as BuiltinFn), ("f_lasti", frame_lasti)] {
                let get = vm.builtin_fn(name, f, "frame");
                let prop = vm.native_property(get, Value::None);
                d.set_str(name, prop);
            }
            let meta = vm.types.type_.clone();
            let obj = vm.types.object.clone();
            let c = vm.make_class(&meta, "frame", vec![obj], &d).expect("frame");
            vm.lazy_classes.insert("frame", c.clone());
            c
        }
    };
    let inst = vm.new_instance(&cls);
    if let Value::Instance(o) = &inst {
        if let Some(d) = &o.dict {
            d.set_str("f_globals", globals);
            d.set_str("f_locals", locals);
            d.set_str("f_code", Value::Code(code));
            store_position(d, position);
            d.set_str("f_back", back);
        }
    }
    inst
}
