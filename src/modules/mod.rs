//! Standard-library modules. Each `make` builds a fresh module object the
//! first time it is imported.
//!
//! Two kinds: modules written in Rust (this directory), and modules written
//! in Python whose source is embedded in the binary (`lib/*.py`, listed in
//! `PY_MODULES`); the latter run like any imported file, under the file name
//! `<frozen NAME>` as CPython's frozen modules do. When the environment
//! variable `SPRY_LIB` names a directory, Python-source modules are read
//! from there instead (for working on them without rebuilding).

pub mod ast;
pub mod codeops;
pub mod collections;
pub mod gc;
pub mod hashlib;
pub mod heapq;
pub mod io;
pub mod itertools;
pub mod json;
pub mod lsprof;
pub mod marshal;
pub mod math;
pub mod operator;
pub mod posix;
pub mod random;
pub mod regex;
pub mod signal;
pub mod structmod;
pub mod subprocess;
pub mod sys;
pub mod time;
pub mod timecal;
pub mod unicode_numeric;
pub mod unicodedata;
pub mod weakref;
pub mod zlib;

use crate::objects::*;
use crate::vm::{PyResult, Vm};

/// Called once at start-up: creates `sys`.
pub fn init(vm: &mut Vm) {
    sys::init(vm);
    // `types.MethodType(func, obj)` builds a bound method.
    vm.types.method.ctor.set(Some(codeops::method_ctor));
    // `types.FunctionType(code, globals, ...)` builds a function.
    vm.types.function.ctor.set(Some(codeops::function_ctor));
}

/// Names of the modules written in Rust (for `sys.builtin_module_names`).
pub const RUST_MODULES: &[&str] =
    &["builtins", "sys", "math", "time", "io", "gc", "posix", "_heapq", "_collections", "_signal", "_posixsubprocess", "_select", "_zlib"];

/// A module written in Python and shipped inside the binary.
pub struct PySource {
    pub name: &'static str,
    /// Path below `lib/` (also used with `SPRY_LIB`).
    pub file: &'static str,
    pub source: &'static str,
    /// A package (submodules are found in `PY_MODULES` as `name.sub`).
    pub package: bool,
    /// The module stands in for one CPython implements in C: its
    /// functions' frames are builtin frames (`CodeObj::builtin_frame`),
    /// not shown in tracebacks.
    pub builtin: bool,
}

macro_rules! py_modules {
    ($($name:literal => $file:literal $(, $kind:ident)?;)*) => {
        /// Every Python-source module, by dotted name.
        pub const PY_MODULES: &[PySource] = &[
            $(PySource {
                name: $name,
                file: $file,
                source: include_str!(concat!("lib/", $file)),
                package: py_modules!(@package $($kind)?),
                builtin: py_modules!(@builtin $($kind)?),
            },)*
        ];
    };
    (@package package) => { true };
    (@package $($other:ident)?) => { false };
    (@builtin builtin) => { true };
    (@builtin $($other:ident)?) => { false };
}

// `package`: a package; `builtin`: a stand-in for a module CPython
// implements in C, whose frames tracebacks do not show
// (`CodeObj::builtin_frame`).
py_modules! {
    "os" => "os.py";
    "posixpath" => "posixpath.py";
    "genericpath" => "genericpath.py";
    "stat" => "stat.py";
    "copy" => "copy.py";
    "bisect" => "bisect.py", builtin;
    "heapq" => "heapq.py";
    "operator" => "operator.py", builtin;
    "keyword" => "keyword.py";
    "reprlib" => "reprlib.py";
    "itertools" => "itertools.py", builtin;
    "types" => "types.py";
    "asyncio" => "asyncio.py";
    "_thread" => "_thread.py", builtin;
    "threading" => "threading.py";
    "atexit" => "atexit.py";
    "_csv" => "_csv.py", builtin;
    "csv" => "csv.py";
    "tempfile" => "tempfile.py";
    "shutil" => "shutil.py";
    "pickle" => "pickle.py", builtin;
    "_compat_pickle" => "_compat_pickle.py";
    "copyreg" => "copyreg.py";
    "hmac" => "hmac.py";
    "secrets" => "secrets.py";
    "signal" => "signal.py";
    "resource" => "resource.py", builtin;
    "platform" => "platform.py";
    "select" => "select.py", builtin;
    "selectors" => "selectors.py";
    "subprocess" => "subprocess.py";
    "zlib" => "zlib.py", builtin;
    "_lsprof" => "_lsprof.py", builtin;
    "cProfile" => "cProfile.py";
    "profile" => "profile.py";
    "pstats" => "pstats.py";
    "marshal" => "marshal.py", builtin;
    "multiprocessing" => "multiprocessing/__init__.py", package;
    "multiprocessing.connection" => "multiprocessing/connection.py";
    "multiprocessing.pool" => "multiprocessing/pool.py";
    "multiprocessing.process" => "multiprocessing/process.py";
    "multiprocessing.queues" => "multiprocessing/queues.py";
    "multiprocessing.synchronize" => "multiprocessing/synchronize.py";
    "gzip" => "gzip.py";
    "pwd" => "pwd.py", builtin;
    "zipfile" => "zipfile.py";
    "tarfile" => "tarfile.py";
    "optparse" => "optparse.py";
    "configparser" => "configparser.py";
    "sched" => "sched.py";
    "getpass" => "getpass.py";
    "token" => "token.py";
    "tokenize" => "tokenize.py";
    "_markupbase" => "_markupbase.py";
    "html" => "html/__init__.py", package;
    "html.entities" => "html/entities.py";
    "html.parser" => "html/parser.py";
    "_compression" => "_compression.py";
    "uuid" => "uuid.py";
    "unittest" => "unittest/__init__.py", package;
    "unittest.__main__" => "unittest/__main__.py";
    "unittest._log" => "unittest/_log.py";
    "unittest.async_case" => "unittest/async_case.py";
    "unittest.case" => "unittest/case.py";
    "unittest.loader" => "unittest/loader.py";
    "unittest.main" => "unittest/main.py";
    "unittest.result" => "unittest/result.py";
    "unittest.runner" => "unittest/runner.py";
    "unittest.signals" => "unittest/signals.py";
    "unittest.suite" => "unittest/suite.py";
    "unittest.util" => "unittest/util.py";
    "unittest.mock" => "unittest/mock.py";
    "queue" => "queue.py";
    "logging" => "logging/__init__.py", package;
    "logging.handlers" => "logging/handlers.py";
    "logging.config" => "logging/config.py";
    "__future__" => "__future__.py";
    "doctest" => "doctest.py";
    "pdb" => "pdb.py";
    "bdb" => "bdb.py";
    "cmd" => "cmd.py";
    "code" => "code.py";
    "codeop" => "codeop.py";
    "fileinput" => "fileinput.py";
    "filecmp" => "filecmp.py";
    "mimetypes" => "mimetypes.py";
    "tomllib" => "tomllib/__init__.py", package;
    "tomllib._parser" => "tomllib/_parser.py";
    "tomllib._re" => "tomllib/_re.py";
    "tomllib._types" => "tomllib/_types.py";
    "zoneinfo" => "zoneinfo/__init__.py", package;
    "zoneinfo._common" => "zoneinfo/_common.py";
    "zoneinfo._tzpath" => "zoneinfo/_tzpath.py";
    "zoneinfo._zoneinfo" => "zoneinfo/_zoneinfo.py";
    "concurrent" => "concurrent/__init__.py", package;
    "concurrent.futures" => "concurrent/futures/__init__.py", package;
    "concurrent.futures._base" => "concurrent/futures/_base.py";
    "concurrent.futures.thread" => "concurrent/futures/thread.py";
    "concurrent.futures.process" => "concurrent/futures/process.py";
    "_weakref" => "_weakref.py", builtin;
    "weakref" => "weakref.py";
    "_weakrefset" => "_weakrefset.py";
    "_weakrefproxy" => "_weakrefproxy.py", builtin;
    "_exceptiongroup" => "_exceptiongroup.py", builtin;
    "abc" => "abc.py";
    "_py_abc" => "_py_abc.py";
    "_collections_abc" => "_collections_abc.py";
    "collections" => "collections/__init__.py", package;
    "collections.abc" => "collections/abc.py";
    "functools" => "functools.py";
    "typing" => "typing.py";
    "json" => "json/__init__.py", package;
    "json.decoder" => "json/decoder.py";
    "json.encoder" => "json/encoder.py";
    "codecs" => "codecs.py";
    "enum" => "enum.py";
    "dataclasses" => "dataclasses.py";
    "_ast" => "_ast.py", builtin;
    "ast" => "ast.py";
    "contextlib" => "contextlib.py";
    "inspect" => "inspect.py";
    "random" => "random.py";
    "hashlib" => "hashlib.py";
    "_spry_codecs" => "_spry_codecs.py";
    "_sha512" => "_sha512.py", builtin;
    "warnings" => "warnings.py";
    "re" => "re/__init__.py", package;
    "string" => "string.py";
    "fractions" => "fractions.py";
    "struct" => "struct.py", builtin;
    "array" => "array.py", builtin;
    "importlib" => "importlib/__init__.py", package;
    "importlib.machinery" => "importlib/machinery.py";
    "dis" => "dis.py";
    "cmath" => "cmath.py", builtin;
    "argparse" => "argparse.py";
    "gettext" => "gettext.py";
    "textwrap" => "textwrap.py";
    "pprint" => "pprint.py";
    "shlex" => "shlex.py";
    "fnmatch" => "fnmatch.py";
    "glob" => "glob.py";
    "colorsys" => "colorsys.py";
    "difflib" => "difflib.py";
    "graphlib" => "graphlib.py";
    "datetime" => "datetime.py", builtin;
    "calendar" => "calendar.py";
    "_strptime" => "_strptime.py";
    "locale" => "locale.py";
    "decimal" => "decimal.py", builtin;
    "_pydecimal" => "_pydecimal.py", builtin;
    "contextvars" => "contextvars.py", builtin;
    "statistics" => "statistics.py";
    "_bytesio" => "_bytesio.py", builtin;
    "pathlib" => "pathlib.py";
    "ntpath" => "ntpath.py";
    "errno" => "errno.py", builtin;
    "ipaddress" => "ipaddress.py";
    "urllib" => "urllib/__init__.py", package;
    "urllib.parse" => "urllib/parse.py";
    "binascii" => "binascii.py", builtin;
    "base64" => "base64.py";
    "timeit" => "timeit.py";
    "getopt" => "getopt.py";
    "traceback" => "traceback.py";
    "linecache" => "linecache.py";
    "numbers" => "numbers.py";
    "_string" => "_string.py", builtin;
    "re._parser" => "re/_parser.py";
    "re._constants" => "re/_constants.py";
    "re._compiler" => "re/_compiler.py";
    "re._engine" => "re/_engine.py", builtin;
}

/// The embedded source of module `name`, if Spry ships one.
pub fn py_source(name: &str) -> Option<&'static PySource> {
    PY_MODULES.iter().find(|m| m.name == name)
}

/// The source text of an embedded module (from `SPRY_LIB` when set).
pub fn source_text(m: &PySource) -> std::borrow::Cow<'static, str> {
    if let Ok(dir) = std::env::var("SPRY_LIB") {
        if let Ok(s) = std::fs::read_to_string(std::path::Path::new(&dir).join(m.file)) {
            return std::borrow::Cow::Owned(s);
        }
    }
    std::borrow::Cow::Borrowed(m.source)
}

/// The builtin module `name`, if Spry has one.
pub fn load_builtin(vm: &mut Vm, name: &str) -> PyResult<Option<Value>> {
    Ok(Some(match name {
        "math" => math::make(vm),
        "time" => time::make(vm),
        "io" => io::make(vm),
        "gc" => gc::make(vm),
        "posix" => posix::make(vm),
        "_heapq" => heapq::make(vm),
        "_collections" => collections::make(vm),
        "_json" => json::make(vm),
        "_random" => random::make(vm),
        "_spry_hash" => hashlib::make(vm),
        "_signal" => signal::make(vm),
        "_posixsubprocess" => subprocess::make_posixsubprocess(vm),
        "_select" => subprocess::make_select(vm),
        "_zlib" => zlib::make(vm),
        "_spry_lsprof" => lsprof::make(vm),
        "_spry_weakref" => weakref::make(vm),
        "_spry_marshal" => marshal::make(vm),
        "_spry_re" => regex::make(vm),
        "_struct" => structmod::make(vm),
        "_dis" => codeops::make_dis(vm),
        "_itertools" => itertools::make_module(vm),
        "_operator" => operator::make(vm),
        "_spry_tb" => codeops::make_tb(vm),
        "_spry_async" => codeops::make_async(vm),
        "unicodedata" => unicodedata::make(vm),
        _ => {
            let Some(m) = py_source(name) else {
                return Ok(None);
            };
            let text = source_text(m);
            let filename = format!("<frozen {}>", name);
            let pkg_dir = if m.package { Some(filename.as_str()) } else { None };
            return vm.exec_module_source(name, &filename, &text, pkg_dir, m.builtin).map(Some);
        }
    }))
}

/// A new module object with the given functions.
pub fn new_module(vm: &mut Vm, name: &'static str, fns: &[(&'static str, BuiltinFn)]) -> Value {
    let m = vm.new_module(name);
    if let Value::Module(mo) = &m {
        for (n, f) in fns {
            mo.dict.set_str(n, vm.builtin_function(n, *f, name));
        }
    }
    m
}

/// The state of type `T` of a native object (`NativeData::Other`), if `v`
/// is one.
pub fn native_state<T: 'static>(v: &Value) -> Option<&T> {
    match v {
        Value::Native(n) => match &n.data {
            NativeData::Other(s) => s.as_any().downcast_ref::<T>(),
            _ => None,
        },
        _ => None,
    }
}

/// The class `module.name` of a native module's objects (no `__dict__`,
/// `flags` added), made on first use and kept in `Vm::lazy_classes` under
/// `key`; `init` runs once on the new class (methods, constructor).
pub fn native_class(
    vm: &mut Vm,
    key: &'static str,
    module: &str,
    name: &str,
    flags: u32,
    init: impl FnOnce(&mut Vm, &PyRef<ClassObj>),
) -> PyRef<ClassObj> {
    if let Some(c) = vm.lazy_classes.get(key) {
        return c.clone();
    }
    let ns = DictObj::new();
    ns.set_str("__module__", Value::str(module));
    let meta = vm.types.type_.clone();
    let obj = vm.types.object.clone();
    let c = vm.make_class(&meta, name, vec![obj], &ns).expect("native class");
    c.flags.set(c.flags.get() | class_flags::NO_DICT | flags);
    init(vm, &c);
    vm.lazy_classes.insert(key, c.clone());
    c
}

/// Sets a module attribute.
pub fn set(m: &Value, name: &str, v: Value) {
    if let Value::Module(mo) = m {
        mo.dict.set_str(name, v);
    }
}
