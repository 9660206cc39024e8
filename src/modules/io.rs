//! Files and text streams: `open()`, `sys.stdout`/`stderr`/`stdin`, and
//! the `io` module (`StringIO`).

use std::any::Any;
use std::cell::RefCell;
use std::io::{Read, Write};

use crate::objects::*;
use crate::vm::{Args, ExcKind, PyErr, PyResult, Vm};

#[derive(Clone, Copy, PartialEq, Eq)]
pub enum StdKind {
    Stdout,
    Stderr,
    Stdin,
}

enum Backing {
    Std(StdKind),
    Disk(DiskFile),
    /// An in-memory text buffer (`io.StringIO`) with a position in chars.
    Memory {
        text: Vec<char>,
        pos: usize,
    },
    Closed,
}

/// The OS file and its pending writes, shared with the registry of open
/// files so that buffered writes reach the disk at exit.
struct DiskCore {
    file: std::fs::File,
    wbuf: Vec<u8>,
}

impl DiskCore {
    fn flush(&mut self) -> std::io::Result<()> {
        if !self.wbuf.is_empty() {
            let r = self.file.write_all(&self.wbuf);
            self.wbuf.clear();
            r?;
        }
        Ok(())
    }
}

thread_local! {
    /// Every disk file opened so far (dead entries are pruned as files open).
    static OPEN_FILES: RefCell<Vec<std::rc::Weak<RefCell<DiskCore>>>> = const { RefCell::new(Vec::new()) };
}

/// Writes out the buffered data of every open file (at interpreter exit).
pub fn flush_all_files() {
    OPEN_FILES.with(|files| {
        for f in files.borrow().iter() {
            if let Some(core) = f.upgrade() {
                if let Ok(mut c) = core.try_borrow_mut() {
                    let _ = c.flush();
                }
            }
        }
    });
}

/// An open file on disk with a read-ahead buffer and a write buffer (at
/// most one of them holds data at a time).
struct DiskFile {
    core: std::rc::Rc<RefCell<DiskCore>>,
    readable: bool,
    writable: bool,
    /// Text mode: like CPython's TextIOWrapper, a write after a read goes
    /// where the read-ahead chunk ended rather than back at the logical
    /// position.
    text: bool,
    rbuf: Vec<u8>,
    rpos: usize,
}

impl DiskFile {
    fn new(file: std::fs::File, readable: bool, writable: bool, text: bool) -> DiskFile {
        let core = std::rc::Rc::new(RefCell::new(DiskCore { file, wbuf: Vec::new() }));
        OPEN_FILES.with(|files| {
            let mut files = files.borrow_mut();
            files.retain(|w| w.strong_count() > 0);
            files.push(std::rc::Rc::downgrade(&core));
        });
        DiskFile { core, readable, writable, text, rbuf: Vec::new(), rpos: 0 }
    }

    fn flush(&mut self) -> std::io::Result<()> {
        self.core.borrow_mut().flush()
    }

    /// Drops read-ahead data, moving the OS position back to the logical one.
    fn drop_read_ahead(&mut self) -> std::io::Result<()> {
        use std::io::Seek;
        let unread = self.rbuf.len() - self.rpos;
        if unread > 0 {
            self.core.borrow_mut().file.seek(std::io::SeekFrom::Current(-(unread as i64)))?;
        }
        self.rbuf.clear();
        self.rpos = 0;
        Ok(())
    }

    fn write(&mut self, data: &[u8]) -> std::io::Result<()> {
        if self.text {
            self.rbuf.clear();
            self.rpos = 0;
        } else {
            self.drop_read_ahead()?;
        }
        let mut c = self.core.borrow_mut();
        c.wbuf.extend_from_slice(data);
        if c.wbuf.len() >= 1 << 16 {
            c.flush()?;
        }
        Ok(())
    }

    /// Refills the read buffer; false at end of file.
    fn fill(&mut self) -> std::io::Result<bool> {
        if self.rpos < self.rbuf.len() {
            return Ok(true);
        }
        self.flush()?;
        // CPython's text layer reads 8192-byte chunks.
        self.rbuf.resize(if self.text { 8192 } else { 1 << 16 }, 0);
        let n = self.core.borrow_mut().file.read(&mut self.rbuf)?;
        self.rbuf.truncate(n);
        self.rpos = 0;
        Ok(n > 0)
    }

    fn peek(&mut self) -> std::io::Result<Option<u8>> {
        Ok(if self.fill()? { Some(self.rbuf[self.rpos]) } else { None })
    }

    fn next_byte(&mut self) -> std::io::Result<Option<u8>> {
        let b = self.peek()?;
        if b.is_some() {
            self.rpos += 1;
        }
        Ok(b)
    }

    fn read_all(&mut self) -> std::io::Result<Vec<u8>> {
        self.flush()?;
        let mut out = self.rbuf[self.rpos..].to_vec();
        self.rbuf.clear();
        self.rpos = 0;
        self.core.borrow_mut().file.read_to_end(&mut out)?;
        Ok(out)
    }

    fn seek(&mut self, pos: std::io::SeekFrom) -> std::io::Result<u64> {
        use std::io::Seek;
        self.flush()?;
        if let std::io::SeekFrom::Current(_) = pos {
            self.drop_read_ahead()?;
        }
        self.rbuf.clear();
        self.rpos = 0;
        self.core.borrow_mut().file.seek(pos)
    }

    fn tell(&mut self) -> std::io::Result<u64> {
        use std::io::Seek;
        self.flush()?;
        let p = self.core.borrow_mut().file.stream_position()?;
        Ok(p.saturating_sub((self.rbuf.len() - self.rpos) as u64))
    }

    fn set_len(&mut self, n: u64) -> std::io::Result<()> {
        self.flush()?;
        self.core.borrow_mut().file.set_len(n)
    }
}

impl Drop for DiskFile {
    /// A file that is never closed still gets its buffered writes.
    fn drop(&mut self) {
        let _ = self.flush();
    }
}

/// The state of a text file object.
pub struct TextFile {
    backing: RefCell<Backing>,
    name: String,
    /// `name` when it is not the path string: the descriptor of a file
    /// opened from one (an int, as in CPython), or what was assigned to
    /// it (tempfile sets it).
    name_value: RefCell<Option<Value>>,
    mode: String,
    binary: bool,
    /// The text encoding and error handler (text files only).
    /// (`reconfigure` changes them.)
    encoding: RefCell<String>,
    errors: RefCell<String>,
    /// `newline`: None (universal newlines), "", "\n", "\r" or "\r\n".
    newline: RefCell<Option<String>>,
    /// `line_buffering` and `write_through` of a text file, once set by
    /// `reconfigure` (before, the std streams' follow `Vm::stdout_flush`).
    line_buffering: std::cell::Cell<Option<bool>>,
    write_through: std::cell::Cell<Option<bool>>,
    /// A text file's `buffer`, once asked for: a binary file on the same
    /// stream (the same OS file and pending writes).
    buffer: RefCell<Option<Value>>,
    /// Iteration (`next()`) of a text file disables `tell()` until the
    /// end is reached or the file is sought, as in CPython.
    iterating: std::cell::Cell<bool>,
}

impl TextFile {
    /// A backing on this file's stream (the same std stream, or the same
    /// OS file and pending writes with read-ahead of its own), for a
    /// `text` or binary file object over it (`buffer`, `TextIOWrapper`);
    /// with whether it reads and writes.
    fn same_stream(&self, text: bool) -> PyResult<(Backing, bool, bool)> {
        match &*self.backing.borrow() {
            Backing::Std(k) => Ok((Backing::Std(*k), *k == StdKind::Stdin, *k != StdKind::Stdin)),
            Backing::Disk(d) => Ok((
                Backing::Disk(DiskFile {
                    core: d.core.clone(),
                    readable: d.readable,
                    writable: d.writable,
                    text,
                    rbuf: Vec::new(),
                    rpos: 0,
                }),
                d.readable,
                d.writable,
            )),
            _ => Err(closed_error()),
        }
    }

    /// Gives file object `other` this file's `name` when it is not the
    /// path string (a descriptor, a path-like object).
    fn give_name(&self, other: &Value) {
        if let (Some(v), Ok(o)) = (self.name_value.borrow().as_ref(), file_of(other)) {
            *o.name_value.borrow_mut() = Some(v.clone());
        }
    }
}

impl NativeState for TextFile {
    fn as_any(&self) -> &dyn Any {
        self
    }
}

fn file_class(vm: &mut Vm, name: &'static str) -> PyRef<ClassObj> {
    if let Some(c) = vm.lazy_classes.get(name) {
        return c.clone();
    }
    let ns = DictObj::new();
    ns.set_str("__module__", Value::str("_io"));
    let meta = vm.types.type_.clone();
    let obj = vm.types.object.clone();
    let c = vm.make_class(&meta, name, vec![obj], &ns).expect("file class");
    c.flags.set(c.flags.get() | class_flags::BUILTIN | class_flags::NO_DICT);
    let methods: &[(&'static str, BuiltinFn)] = &[
        ("write", write),
        ("writelines", writelines),
        ("read", read),
        ("readline", readline),
        ("readlines", readlines),
        ("close", close),
        ("flush", flush),
        ("__enter__", enter),
        ("__exit__", exit),
        ("__iter__", iter),
        ("__next__", next),
        ("getvalue", getvalue),
        ("seek", seek),
        ("tell", tell),
        ("readable", readable),
        ("writable", writable),
        ("seekable", seekable),
        ("fileno", fileno),
        ("isatty", isatty),
        ("truncate", truncate),
        ("reconfigure", reconfigure),
        ("__repr__", file_repr),
    ];
    for (n, f) in methods {
        vm.add_method(&c, n, *f);
    }
    let closed = vm.builtin_fn("closed", closed_get, "file");
    let prop = vm.native_property(closed, Value::None);
    c.dict.set_str("closed", prop);
    let namef = vm.builtin_fn("name", name_get, "file");
    let names = vm.builtin_fn("name", name_set, "file");
    let prop = vm.native_property(namef, names);
    c.dict.set_str("name", prop);
    let getters: &[(&'static str, BuiltinFn)] = &[
        ("mode", mode_get),
        ("encoding", encoding_get),
        ("errors", errors_get),
        ("buffer", buffer_get),
        ("line_buffering", line_buffering_get),
        ("newlines", newlines_get),
        ("write_through", write_through_get),
    ];
    for (n, g) in getters {
        let getter = vm.builtin_fn(n, *g, "file");
        let prop = vm.native_property(getter, Value::None);
        c.dict.set_str(n, prop);
    }
    if name.starts_with("Buffered") {
        let mut extra: Vec<(&'static str, BuiltinFn)> = vec![("read1", read1), ("readinto", readinto), ("readinto1", readinto)];
        if name != "BufferedWriter" {
            extra.push(("peek", peek));
        }
        for (n, f) in extra {
            vm.add_method(&c, n, f);
        }
    }
    if name == "StringIO" {
        vm.add_method(&c, "__new__", stringio_new);
        vm.add_method(&c, "__init__", stringio_init);
        c.ctor.set(Some(stringio_ctor));
    }
    if name == "TextIOWrapper" {
        vm.add_method(&c, "__new__", textiowrapper_new);
        c.ctor.set(Some(textiowrapper_ctor));
    }
    vm.lazy_classes.insert(name, c.clone());
    c
}

fn new_file(vm: &mut Vm, class: &'static str, backing: Backing, name: &str, mode: &str, binary: bool) -> Value {
    new_file_with(vm, class, backing, name, mode, binary, "utf-8", "strict", None)
}

#[allow(clippy::too_many_arguments)]
fn new_file_with(
    vm: &mut Vm,
    class: &'static str,
    backing: Backing,
    name: &str,
    mode: &str,
    binary: bool,
    encoding: &str,
    errors: &str,
    newline: Option<String>,
) -> Value {
    let cls = file_class(vm, class);
    vm.new_native(
        cls,
        NativeData::Other(Box::new(TextFile {
            backing: RefCell::new(backing),
            name: name.to_string(),
            name_value: RefCell::new(None),
            mode: mode.to_string(),
            binary,
            encoding: RefCell::new(encoding.to_string()),
            errors: RefCell::new(errors.to_string()),
            newline: RefCell::new(newline),
            line_buffering: std::cell::Cell::new(None),
            write_through: std::cell::Cell::new(None),
            buffer: RefCell::new(None),
            iterating: std::cell::Cell::new(false),
        })),
    )
}

/// `sys.stdout` and friends.
pub fn std_stream(vm: &mut Vm, kind: StdKind) -> Value {
    let name = match kind {
        StdKind::Stdout => "<stdout>",
        StdKind::Stderr => "<stderr>",
        StdKind::Stdin => "<stdin>",
    };
    let mode = if kind == StdKind::Stdin { "r" } else { "w" };
    let errors = if kind == StdKind::Stderr { "backslashreplace" } else { std_errors() };
    new_file_with(vm, "TextIOWrapper", Backing::Std(kind), name, mode, false, "utf-8", errors, None)
}

/// The error handler of stdin and stdout, as CPython chooses it
/// (`config_get_stdio_errors`): 'surrogateescape' in the C and POSIX
/// locales and the UTF-8 locales it coerces them to, else 'strict'. The
/// locale is the one the environment selects for LC_CTYPE (as CPython
/// sets it at start-up; one not installed leaves the C locale).
fn std_errors() -> &'static str {
    // SAFETY: `setlocale` with a valid category and a NUL-terminated
    // string (or NULL to query); called at start-up, before any thread.
    let name = unsafe {
        libc::setlocale(libc::LC_CTYPE, c"".as_ptr());
        let p = libc::setlocale(libc::LC_CTYPE, std::ptr::null());
        if p.is_null() {
            String::from("C")
        } else {
            std::ffi::CStr::from_ptr(p).to_string_lossy().into_owned()
        }
    };
    match name.as_str() {
        "C" | "POSIX" | "C.UTF-8" | "C.utf8" | "UTF-8" => "surrogateescape",
        _ => "strict",
    }
}

/// Whether `v` is the process's own text stdin (not a replacement).
pub fn is_real_stdin(v: &Value) -> bool {
    file_of(v).is_ok_and(|f| !f.binary && matches!(&*f.backing.borrow(), Backing::Std(StdKind::Stdin)))
}

/// The error handler of a text file (`print` to the real stdout encodes
/// text with lone surrogates with it).
pub fn text_errors(v: &Value) -> Option<String> {
    file_of(v).ok().filter(|f| !f.binary).map(|f| f.errors.borrow().clone())
}

fn file_of(v: &Value) -> PyResult<&TextFile> {
    if let Value::Native(n) = v {
        if let NativeData::Other(s) = &n.data {
            if let Some(f) = s.as_any().downcast_ref::<TextFile>() {
                return Ok(f);
            }
        }
    }
    Err(PyErr::type_error("expected a file object"))
}

fn closed_error() -> PyErr {
    PyErr::value_error("I/O operation on closed file.")
}

fn os_error(e: std::io::Error, path: &str) -> PyErr {
    let (kind, errno) = match e.kind() {
        std::io::ErrorKind::NotFound => (ExcKind::FileNotFoundError, 2),
        std::io::ErrorKind::PermissionDenied => (ExcKind::PermissionError, 13),
        std::io::ErrorKind::AlreadyExists => (ExcKind::FileExistsError, 17),
        _ => (ExcKind::OSError, e.raw_os_error().unwrap_or(5) as i64),
    };
    let msg = match kind {
        ExcKind::FileNotFoundError => "No such file or directory".to_string(),
        ExcKind::PermissionError => "Permission denied".to_string(),
        ExcKind::FileExistsError => "File exists".to_string(),
        // (The C library's text: Rust's adds " (os error N)".)
        _ => {
            let t = e.to_string();
            match t.rfind(" (os error ") {
                Some(i) => t[..i].to_string(),
                None => t,
            }
        }
    };
    let msg = if std::path::Path::new(path).is_dir() && kind != ExcKind::FileNotFoundError {
        return PyErr::with_args(ExcKind::IsADirectoryError, vec![Value::Int(21), Value::str("Is a directory"), Value::str(path)]);
    } else {
        msg
    };
    PyErr::with_args(kind, vec![Value::Int(errno), Value::string(msg), Value::str(path)])
}

/// `open(file, mode='r', ...)`.
pub fn open(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.allow_kwargs("open", &["file", "mode", "buffering", "encoding", "errors", "newline", "closefd", "opener"])?;
    // A file descriptor to wrap (`open(fd)`, `os.fdopen`), not a path.
    let fd = match args.arg(0, "file") {
        Some(Value::Int(n)) => Some(*n),
        Some(Value::Bool(b)) => Some(*b as i64),
        _ => None,
    };
    let path = match args.arg(0, "file") {
        Some(Value::Int(n)) => n.to_string(),
        Some(Value::Bool(b)) => (*b as i64).to_string(),
        Some(Value::Str(s)) => s.as_str().to_string(),
        Some(Value::Bytes(b)) => String::from_utf8_lossy(&b.data).into_owned(),
        // An os.PathLike object (`pathlib.Path`).
        Some(v) if vm.lookup_special(v, "__fspath__").is_some() => super::posix::fspath_string(vm, v)?,
        Some(v) => return Err(PyErr::type_error(format!("expected str, bytes or os.PathLike object, not {}", vm.type_name(v)))),
        None => return Err(PyErr::type_error("open() missing required argument 'file' (pos 1)")),
    };
    if fd.is_none() && path.contains('\0') {
        return Err(PyErr::value_error("embedded null byte"));
    }
    let mode = match args.arg(1, "mode") {
        Some(Value::Str(s)) => s.as_str().to_string(),
        Some(v) => return Err(PyErr::type_error(format!("open() argument 'mode' must be str, not {}", vm.type_name(v)))),
        None => "r".to_string(),
    };
    let opt_str = |vm: &Vm, name: &str| -> PyResult<Option<String>> {
        match args.arg(
            match name {
                "encoding" => 3,
                "errors" => 4,
                _ => 5,
            },
            name,
        ) {
            None | Some(Value::None) => Ok(None),
            Some(Value::Str(s)) => Ok(Some(s.as_str().to_string())),
            Some(v) => Err(PyErr::type_error(format!("open() argument '{}' must be str or None, not {}", name, vm.type_name(v)))),
        }
    };
    // `encoding="locale"` (what `io.text_encoding(None)` gives outside UTF-8
    // mode) is the locale's encoding, as the default is.
    let encoding = opt_str(vm, "encoding")?.map(|e| if e == "locale" { "UTF-8".to_string() } else { e });
    let errors = opt_str(vm, "errors")?;
    let newline = opt_str(vm, "newline")?;
    // Mode validation, as CPython's io.open.
    let mut seen = String::new();
    for c in mode.chars() {
        if !"rwxabt+".contains(c) || seen.contains(c) {
            return Err(PyErr::value_error(format!("invalid mode: '{}'", mode)));
        }
        seen.push(c);
    }
    let (r, w, x, a) = (mode.contains('r'), mode.contains('w'), mode.contains('x'), mode.contains('a'));
    let plus = mode.contains('+');
    let binary = mode.contains('b');
    if mode.contains('t') && binary {
        return Err(PyErr::value_error("can't have text and binary mode at once"));
    }
    if [r, w, x, a].iter().filter(|f| **f).count() != 1 {
        return Err(PyErr::value_error("must have exactly one of create/read/write/append mode"));
    }
    if binary && encoding.is_some() {
        return Err(PyErr::value_error("binary mode doesn't take an encoding argument"));
    }
    if binary && errors.is_some() {
        return Err(PyErr::value_error("binary mode doesn't take an errors argument"));
    }
    if binary && newline.is_some() {
        return Err(PyErr::value_error("binary mode doesn't take a newline argument"));
    }
    if let Some(nl) = &newline {
        if !matches!(nl.as_str(), "" | "\n" | "\r" | "\r\n") {
            return Err(PyErr::value_error(format!("illegal newline value: {}", nl)));
        }
    }
    // (The locale's encoding, named as `locale.getencoding()` names it.)
    let encoding = encoding.unwrap_or_else(|| "UTF-8".to_string());
    if !binary {
        // An unknown encoding fails at open time.
        crate::builtins::encode_text("", false, &encoding, "strict")?;
    }
    match args.arg(2, "buffering") {
        None | Some(Value::Int(_)) | Some(Value::Bool(_)) => {}
        Some(v) => return Err(PyErr::type_error(format!("'{}' object cannot be interpreted as an integer", vm.type_name(v)))),
    }
    if !binary && matches!(args.arg(2, "buffering"), Some(Value::Int(0)) | Some(Value::Bool(false))) {
        return Err(PyErr::value_error("can't have unbuffered text I/O"));
    }
    let closefd = match args.arg(6, "closefd") {
        Some(v) => vm.truthy(v)?,
        None => true,
    };
    if fd.is_none() && !closefd {
        return Err(PyErr::value_error("Cannot use closefd=False with file name"));
    }
    // The descriptor: given, or from `opener(path, flags)` (CPython's
    // flags for the mode, close-on-exec included).
    let fd = match (fd, args.arg(7, "opener").filter(|o| !o.is_none())) {
        (Some(fd), _) => Some(fd),
        (None, Some(opener)) => {
            let mut flags: i64 = if plus {
                2
            } else if r {
                0
            } else {
                1
            };
            if w {
                flags |= 0o100 | 0o1000;
            } else if a {
                flags |= 0o100 | 0o2000;
            } else if x {
                flags |= 0o100 | 0o200;
            }
            flags |= 0o2000000;
            let opener = opener.clone();
            let pv = args.arg(0, "file").cloned().unwrap_or(Value::None);
            match vm.call_function(&opener, &[pv, Value::Int(flags)])? {
                Value::Int(n) if n < 0 => return Err(PyErr::value_error(format!("opener returned {}", n))),
                Value::Int(n) => Some(n),
                other => return Err(PyErr::type_error(format!("expected integer from opener, got {}", vm.type_name(&other)))),
            }
        }
        (None, None) => None,
    };
    let file = if let Some(fd) = fd {
        use std::os::fd::FromRawFd;
        if fd < 0 || fd > i32::MAX as i64 {
            return Err(PyErr::value_error("negative file descriptor"));
        }
        // With closefd=False the file object gets its own descriptor for
        // the same open file (same offset), so closing it leaves `fd` open.
        let fd = if closefd { fd as i32 } else { super::posix::dup_fd(fd as i32).map_err(|e| os_error(e, &path))? };
        // SAFETY: the file object owns the descriptor from here on (as
        // CPython's FileIO with closefd=True): it is closed when the file
        // is. A descriptor that is not open fails its first operation with
        // EBADF, as in CPython.
        unsafe { std::fs::File::from_raw_fd(fd) }
    } else {
        if std::path::Path::new(&path).is_dir() && !x {
            return Err(PyErr::with_args(
                ExcKind::IsADirectoryError,
                vec![Value::Int(21), Value::str("Is a directory"), Value::str(&path)],
            ));
        }
        let mut o = std::fs::OpenOptions::new();
        o.read(r || plus);
        if w {
            o.write(true).create(true).truncate(true);
        } else if a {
            o.append(true).create(true);
        } else if x {
            o.write(true).create_new(true);
        } else if plus {
            o.write(true);
        }
        o.open(&path).map_err(|e| os_error(e, &path))?
    };
    let mut file = file;
    if a {
        // Append mode starts at the end (CPython's FileIO seeks there at
        // open), so `tell()` is the size and 'a+' reads nothing at first.
        use std::io::Seek;
        if let Err(e) = file.seek(std::io::SeekFrom::End(0)) {
            if e.raw_os_error() != Some(libc::ESPIPE) {
                return Err(os_error(e, &path));
            }
        }
    }
    let disk = DiskFile::new(file, r || plus, w || a || x || plus, !binary);
    let class = match (binary, r && !plus) {
        (false, _) => "TextIOWrapper",
        (true, true) => "BufferedReader",
        (true, false) if plus => "BufferedRandom",
        (true, false) => "BufferedWriter",
    };
    // A binary file's `mode` is FileIO's: "w+b" reads "rb+".
    let mode = if !binary {
        mode
    } else if x {
        (if plus { "xb+" } else { "xb" }).to_string()
    } else if a {
        (if plus { "ab+" } else { "ab" }).to_string()
    } else if r || plus {
        (if plus { "rb+" } else { "rb" }).to_string()
    } else {
        "wb".to_string()
    };
    let f = new_file_with(vm, class, Backing::Disk(disk), &path, &mode, binary, &encoding, errors.as_deref().unwrap_or("strict"), newline);
    // `name` of a file opened from a descriptor (given, or made by the
    // opener from a path-like object): that object, as in CPython.
    if fd.is_some() {
        let name = match args.arg(0, "file") {
            Some(Value::Str(_)) | Some(Value::Bytes(_)) | None => None,
            Some(v) => Some(v.clone()),
        };
        if let (Some(name), Ok(tf)) = (name, file_of(&f)) {
            *tf.name_value.borrow_mut() = Some(name);
        }
    }
    Ok(f)
}

/// The bytes `write(data)` puts out for file `f`: text is newline-translated
/// and encoded with the file's encoding.
fn write_bytes(vm: &Vm, f: &TextFile, v: &Value) -> PyResult<(Vec<u8>, usize)> {
    if f.binary {
        return match v {
            Value::Bytes(b) => Ok((b.data.to_vec(), b.data.len())),
            Value::ByteArray(b) => {
                let d = b.data.borrow().clone();
                let n = d.len();
                Ok((d, n))
            }
            // (memoryview, array, bytes subclasses: any buffer;
            // `Path.write_bytes` passes a memoryview.)
            other => match crate::builtins::types_bytes::bytes_like(vm, other) {
                Some(d) if !matches!(vm.unwrap_builtin(other).as_ref(), Value::Str(_)) => {
                    let d = d.into_owned();
                    let n = d.len();
                    Ok((d, n))
                }
                _ => Err(PyErr::type_error(format!("a bytes-like object is required, not '{}'", vm.type_name(other)))),
            },
        };
    }
    let s = match vm.unwrap_builtin(v).as_ref() {
        Value::Str(s) => s.clone(),
        _ => return Err(PyErr::type_error(format!("write() argument must be str, not {}", vm.type_name(v)))),
    };
    let n = s.len();
    let text = s.as_str();
    let translated;
    let text = match f.newline.borrow().as_deref() {
        Some("\r") | Some("\r\n") if text.contains('\n') => {
            translated = text.replace('\n', f.newline.borrow().as_deref().unwrap_or("\n"));
            translated.as_str()
        }
        _ => text,
    };
    if f.encoding.borrow().eq_ignore_ascii_case("utf-8") && !s.has_surrogates() {
        return Ok((text.as_bytes().to_vec(), n));
    }
    Ok((crate::builtins::encode_text(text, s.has_surrogates(), &f.encoding.borrow(), &f.errors.borrow())?, n))
}

/// `io.UnsupportedOperation(msg)` (a subclass of OSError and ValueError,
/// defined in Python: `lib/_bytesio.py`); OSError if `io` cannot load.
fn unsupported(vm: &mut Vm, msg: &str) -> PyErr {
    let made =
        vm.import_module("io").and_then(|m| vm.get_attr(&m, "UnsupportedOperation")).and_then(|c| vm.call_function(&c, &[Value::str(msg)]));
    match made {
        Ok(e) => PyErr::from_value(e, Vec::new()),
        Err(_) => PyErr::new(ExcKind::OSError, msg),
    }
}

/// (A binary file names the method, as CPython's buffered files do.)
fn not_readable(vm: &mut Vm, f: &TextFile) -> PyErr {
    unsupported(vm, if f.binary { "read" } else { "not readable" })
}

fn not_writable(vm: &mut Vm, f: &TextFile) -> PyErr {
    unsupported(vm, if f.binary { "write" } else { "not writable" })
}

fn write(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let f = file_of(args.this())?;
    let data = args.get(1).ok_or_else(|| PyErr::type_error("write() takes exactly one argument (0 given)"))?;
    if matches!(&*f.backing.borrow(), Backing::Closed) {
        return Err(closed_error());
    }
    let (bytes, n) = match &*f.backing.borrow() {
        Backing::Memory { .. } => (Vec::new(), 0),
        _ => write_bytes(vm, f, data)?,
    };
    let mut b = f.backing.borrow_mut();
    match &mut *b {
        Backing::Std(StdKind::Stdout) => vm.write_real_stdout(&bytes),
        Backing::Std(StdKind::Stderr) => {
            vm.flush_stdout();
            let _ = std::io::stderr().write_all(&bytes);
        }
        Backing::Disk(d) => {
            if !d.writable {
                return Err(not_writable(vm, f));
            }
            d.write(&bytes).map_err(|e| os_error(e, &f.name))?;
            if f.write_through.get() == Some(true) || (f.line_buffering.get() == Some(true) && bytes.contains(&b'\n')) {
                d.flush().map_err(|e| os_error(e, &f.name))?;
            }
        }
        Backing::Memory { text, pos } => {
            let s = match data {
                Value::Str(s) => s.clone(),
                other => return Err(PyErr::type_error(format!("string argument expected, got '{}'", vm.type_name(other)))),
            };
            if *pos > text.len() && text.try_reserve(*pos - text.len() + s.len()).is_err() {
                // (A write far past the end: CPython's MemoryError, not
                // terabytes of padding.)
                return Err(PyErr::new(crate::vm::ExcKind::MemoryError, ""));
            }
            let mut count = 0;
            let nl = f.newline.borrow().clone();
            for c in memory_newlines(nl.as_deref(), s.as_str()).chars() {
                if *pos < text.len() {
                    text[*pos] = c;
                } else {
                    while text.len() < *pos {
                        text.push('\0');
                    }
                    text.push(c);
                }
                *pos += 1;
                count += 1;
            }
            return Ok(Value::Int(count));
        }
        Backing::Closed => return Err(closed_error()),
        _ => return Err(not_writable(vm, f)),
    }
    Ok(Value::Int(n as i64))
}

fn writelines(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let this = args.this().clone();
    let lines = vm.collect_iterable(args.get(1).unwrap_or(&Value::None))?;
    for l in lines {
        write(vm, Args::new(&[this.clone(), l]))?;
    }
    Ok(Value::None)
}

/// Decodes bytes read from a text file (after newline handling).
fn decode_text(vm: &mut Vm, f: &TextFile, bytes: Vec<u8>) -> PyResult<Value> {
    if f.encoding.borrow().eq_ignore_ascii_case("utf-8") && *f.errors.borrow() == "strict" {
        if let Ok(s) = String::from_utf8(bytes.clone()) {
            return Ok(Value::string(s));
        }
    }
    crate::builtins::decode_text(vm, &bytes, &f.encoding.borrow(), &f.errors.borrow())
}

/// Universal-newline translation of text read from a file: "\r\n" and "\r"
/// become "\n" (newline=None only).
fn translate_newlines(f: &TextFile, bytes: Vec<u8>) -> Vec<u8> {
    if f.binary || f.newline.borrow().is_some() || !bytes.contains(&b'\r') {
        return bytes;
    }
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'\r' {
            out.push(b'\n');
            if bytes.get(i + 1) == Some(&b'\n') {
                i += 1;
            }
        } else {
            out.push(bytes[i]);
        }
        i += 1;
    }
    out
}

fn make_result(vm: &mut Vm, f: &TextFile, bytes: Vec<u8>) -> PyResult<Value> {
    if f.binary {
        Ok(crate::builtins::new_bytes(bytes))
    } else {
        let bytes = translate_newlines(f, bytes);
        decode_text(vm, f, bytes)
    }
}

/// The byte length of the character a (UTF-8) lead byte starts.
fn char_len(f: &TextFile, b: u8) -> usize {
    if !f.encoding.borrow().eq_ignore_ascii_case("utf-8") && !f.encoding.borrow().eq_ignore_ascii_case("utf8") {
        return 1;
    }
    utf8_len(b)
}

fn read(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let f = file_of(args.this())?;
    let size = match args.get(1) {
        Some(Value::Int(n)) if *n >= 0 => Some(*n as usize),
        Some(Value::Int(_)) | Some(Value::None) | None => None,
        Some(v) => return Err(PyErr::type_error(format!("argument should be integer or None, not '{}'", vm.type_name(v)))),
    };
    let bytes = {
        let mut b = f.backing.borrow_mut();
        match &mut *b {
            Backing::Disk(d) => {
                if !d.readable {
                    return Err(not_readable(vm, f));
                }
                match size {
                    None => d.read_all().map_err(|e| os_error(e, &f.name))?,
                    Some(n) => {
                        let mut buf = Vec::new();
                        let mut count = 0;
                        while count < n {
                            let Some(c) = d.next_byte().map_err(|e| os_error(e, &f.name))? else { break };
                            buf.push(c);
                            if !f.binary {
                                for _ in 1..char_len(f, c) {
                                    match d.next_byte().map_err(|e| os_error(e, &f.name))? {
                                        Some(x) => buf.push(x),
                                        None => break,
                                    }
                                }
                                // "\r\n" reads as one character under universal newlines.
                                if c == b'\r' && f.newline.borrow().is_none() && d.peek().map_err(|e| os_error(e, &f.name))? == Some(b'\n')
                                {
                                    d.next_byte().map_err(|e| os_error(e, &f.name))?;
                                    buf.push(b'\n');
                                }
                            }
                            count += 1;
                        }
                        buf
                    }
                }
            }
            Backing::Std(StdKind::Stdin) if f.binary => {
                let mut b = Vec::new();
                match size {
                    Some(n) => {
                        std::io::stdin().take(n as u64).read_to_end(&mut b).map_err(|e| os_error(e, "<stdin>"))?;
                    }
                    None => {
                        std::io::stdin().read_to_end(&mut b).map_err(|e| os_error(e, "<stdin>"))?;
                    }
                }
                return Ok(crate::builtins::new_bytes(b));
            }
            Backing::Std(StdKind::Stdin) => {
                let mut bytes = Vec::new();
                match size {
                    None => {
                        std::io::stdin().read_to_end(&mut bytes).map_err(|e| os_error(e, "<stdin>"))?;
                    }
                    Some(n) => {
                        // `n` characters (UTF-8 sequences), or up to the end.
                        use std::io::BufRead;
                        let stdin = std::io::stdin();
                        let mut lock = stdin.lock();
                        let mut chars = 0;
                        let mut need = 0;
                        while chars < n || need > 0 {
                            let buf = lock.fill_buf().map_err(|e| os_error(e, "<stdin>"))?;
                            let Some(&c) = buf.first() else { break };
                            bytes.push(c);
                            lock.consume(1);
                            if need > 0 && (0x80..0xc0).contains(&c) {
                                need -= 1;
                            } else {
                                need = utf8_len(c) - 1;
                                chars += 1;
                            }
                        }
                    }
                }
                drop(b);
                return make_result(vm, f, bytes);
            }
            Backing::Memory { text, pos } => {
                let end = match size {
                    Some(n) => (*pos + n).min(text.len()),
                    None => text.len(),
                };
                let start = (*pos).min(text.len());
                let s: String = text[start..end].iter().collect();
                *pos = end.max(*pos);
                return Ok(Value::string(s));
            }
            Backing::Closed => return Err(closed_error()),
            _ => return Err(not_readable(vm, f)),
        }
    };
    make_result(vm, f, bytes)
}

/// The open binary disk file of a buffered-file method, or its error.
fn binary_disk<'a>(vm: &mut Vm, f: &'a TextFile, what: &str) -> PyResult<std::cell::RefMut<'a, Backing>> {
    let b = f.backing.borrow_mut();
    match &*b {
        Backing::Closed => Err(PyErr::value_error(format!("{} of closed file", what))),
        Backing::Disk(d) if d.readable => Ok(b),
        _ => {
            drop(b);
            Err(unsupported(vm, what))
        }
    }
}

/// `BufferedReader.peek(size=0)`: the buffered bytes (at least one unless
/// at end of file), without moving the position.
fn peek(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let f = file_of(args.this())?;
    let mut b = binary_disk(vm, f, "peek")?;
    let Backing::Disk(d) = &mut *b else { unreachable!() };
    d.fill().map_err(|e| os_error(e, &f.name))?;
    Ok(crate::builtins::new_bytes(d.rbuf[d.rpos..].to_vec()))
}

/// `BufferedReader.read1(size=-1)`: up to `size` bytes with at most one
/// read of the OS file.
fn read1(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let f = file_of(args.this())?;
    let size = match args.get(1) {
        None | Some(Value::None) => None,
        Some(Value::Int(n)) if *n < 0 => None,
        Some(Value::Int(n)) => Some(*n as usize),
        Some(v) => return Err(PyErr::type_error(format!("'{}' object cannot be interpreted as an integer", vm.type_name(v)))),
    };
    let mut b = binary_disk(vm, f, "read1")?;
    let Backing::Disk(d) = &mut *b else { unreachable!() };
    if size == Some(0) {
        return Ok(crate::builtins::new_bytes(Vec::new()));
    }
    d.fill().map_err(|e| os_error(e, &f.name))?;
    let avail = d.rbuf.len() - d.rpos;
    let n = size.map_or(avail, |s| s.min(avail));
    let out = d.rbuf[d.rpos..d.rpos + n].to_vec();
    d.rpos += n;
    Ok(crate::builtins::new_bytes(out))
}

/// `readinto(b)` / `readinto1(b)`: reads up to `len(b)` bytes into the
/// writable buffer `b`; the count read.
fn readinto(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let f = file_of(args.this())?;
    let target = args.get(1).cloned().ok_or_else(|| PyErr::type_error("readinto() takes exactly one argument (0 given)"))?;
    // An `array.array` (Python code here) takes whole items.
    let array_item = match vm.get_attr(&target, "itemsize") {
        Ok(Value::Int(n)) if n > 0 && vm.get_attr(&target, "typecode").is_ok() => Some(n as usize),
        _ => None,
    };
    if array_item.is_none()
        && (matches!(target, Value::Bytes(_) | Value::Str(_)) || crate::builtins::types_bytes::bytes_like(vm, &target).is_none())
    {
        return Err(PyErr::type_error(format!("readinto() argument must be read-write bytes-like object, not {}", vm.type_name(&target))));
    }
    let want = vm.len(&target)? * array_item.unwrap_or(1);
    let data = {
        let mut b = binary_disk(vm, f, "readinto")?;
        let Backing::Disk(d) = &mut *b else { unreachable!() };
        let mut out = Vec::with_capacity(want.min(1 << 20));
        while out.len() < want {
            if !d.fill().map_err(|e| os_error(e, &f.name))? {
                break;
            }
            let n = (want - out.len()).min(d.rbuf.len() - d.rpos);
            out.extend_from_slice(&d.rbuf[d.rpos..d.rpos + n]);
            d.rpos += n;
        }
        out
    };
    let n = data.len();
    if let Some(size) = array_item {
        let tc = vm.get_attr(&target, "typecode")?;
        let cls = Value::Class(vm.class_of(&target));
        let part = vm.call_function(&cls, &[tc])?;
        let whole = n - n % size;
        vm.call_method(&part, "frombytes", &[crate::builtins::new_bytes(data[..whole].to_vec())])?;
        let key = Value::Slice(PyRef::new(SliceObj { start: Value::Int(0), stop: Value::Int((whole / size) as i64), step: Value::None }));
        vm.set_item(&target, &key, part)?;
    } else if let Value::ByteArray(ba) = &target {
        ba.data.borrow_mut()[..n].copy_from_slice(&data);
    } else {
        let key = Value::Slice(PyRef::new(SliceObj { start: Value::Int(0), stop: Value::Int(n as i64), step: Value::None }));
        vm.set_item(&target, &key, crate::builtins::new_bytes(data))?;
    }
    Ok(Value::Int(n as i64))
}

fn utf8_len(b: u8) -> usize {
    match b {
        0..=0x7f => 1,
        0xc0..=0xdf => 2,
        0xe0..=0xef => 3,
        _ => 4,
    }
}

/// Reads one line (`limit` characters at most); `None` at end of file.
/// One line of standard input, with its newline ("" at end of input).
/// A signal interrupts the wait: its Python handler runs (Ctrl-C raises
/// KeyboardInterrupt here), then reading goes on, as in CPython; that is
/// why this is not `Stdin::read_line`, which retries by itself. The outer
/// result is the handler's exception, the inner one the read's error.
pub fn stdin_line(vm: &mut Vm) -> PyResult<std::io::Result<String>> {
    Ok(stdin_line_bytes(vm)?.and_then(|b| {
        String::from_utf8(b).map_err(|_| std::io::Error::new(std::io::ErrorKind::InvalidData, "stream did not contain valid UTF-8"))
    }))
}

/// One line of standard input as bytes (see `stdin_line`).
fn stdin_line_bytes(vm: &mut Vm) -> PyResult<std::io::Result<Vec<u8>>> {
    use std::io::BufRead;
    let mut bytes = Vec::new();
    loop {
        let stdin = std::io::stdin();
        let mut lock = stdin.lock();
        let (used, done) = match lock.fill_buf() {
            Ok([]) => break,
            Ok(buf) => match buf.iter().position(|&b| b == b'\n') {
                Some(i) => {
                    bytes.extend_from_slice(&buf[..=i]);
                    (i + 1, true)
                }
                None => {
                    bytes.extend_from_slice(buf);
                    (buf.len(), false)
                }
            },
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {
                drop(lock);
                vm.check_signals()?;
                continue;
            }
            Err(e) => return Ok(Err(e)),
        };
        lock.consume(used);
        if done {
            break;
        }
    }
    Ok(Ok(bytes))
}

fn read_line(vm: &mut Vm, f: &TextFile, limit: Option<usize>) -> PyResult<Option<Value>> {
    let newline = f.newline.borrow().clone();
    let bytes = {
        let mut b = f.backing.borrow_mut();
        match &mut *b {
            Backing::Disk(d) => {
                if !d.readable {
                    return Err(not_readable(vm, f));
                }
                let io = |e| os_error(e, &f.name);
                let mut buf = Vec::new();
                let mut count = 0;
                // What ends a line: "\n" for binary files and newline="\n";
                // "\r", "\n" or "\r\n" for universal newlines and newline="";
                // the given sequence otherwise.
                let universal = !f.binary && matches!(newline.as_deref(), None | Some(""));
                // Fast path: whole lines found in the read buffer (newline
                // bytes never occur inside a UTF-8 or latin-1 character).
                if limit.is_none() && newline.as_deref() != Some("\r\n") {
                    let cr = universal || newline.as_deref() == Some("\r");
                    let lf = f.binary || universal || matches!(newline.as_deref(), Some("\n"));
                    loop {
                        if !d.fill().map_err(io)? {
                            break;
                        }
                        let chunk = &d.rbuf[d.rpos..];
                        match chunk.iter().position(|&c| (lf && c == b'\n') || (cr && c == b'\r')) {
                            Some(k) => {
                                let ended_cr = chunk[k] == b'\r';
                                buf.extend_from_slice(&chunk[..=k]);
                                d.rpos += k + 1;
                                if ended_cr && universal && d.peek().map_err(io)? == Some(b'\n') {
                                    d.next_byte().map_err(io)?;
                                    buf.push(b'\n');
                                }
                                break;
                            }
                            None => {
                                buf.extend_from_slice(chunk);
                                d.rpos = d.rbuf.len();
                            }
                        }
                    }
                    if buf.is_empty() {
                        return Ok(None);
                    }
                    drop(b);
                    return make_result(vm, f, buf).map(Some);
                }
                loop {
                    if limit.is_some_and(|l| count >= l) {
                        break;
                    }
                    let Some(c) = d.next_byte().map_err(io)? else { break };
                    buf.push(c);
                    count += 1;
                    if !f.binary {
                        for _ in 1..char_len(f, c) {
                            match d.next_byte().map_err(io)? {
                                Some(x) => buf.push(x),
                                None => break,
                            }
                        }
                    }
                    if c == b'\n' && (f.binary || universal || newline.as_deref() == Some("\n")) {
                        break;
                    }
                    if c == b'\r' {
                        if universal {
                            if d.peek().map_err(io)? == Some(b'\n') {
                                d.next_byte().map_err(io)?;
                                buf.push(b'\n');
                            }
                            break;
                        }
                        if newline.as_deref() == Some("\r") {
                            break;
                        }
                    }
                    if newline.as_deref() == Some("\r\n") && buf.ends_with(b"\r\n") {
                        break;
                    }
                }
                if buf.is_empty() {
                    return Ok(None);
                }
                buf
            }
            Backing::Std(StdKind::Stdin) if f.binary => {
                let b = stdin_line_bytes(vm)?.map_err(|e| os_error(e, "<stdin>"))?;
                if b.is_empty() {
                    return Ok(None);
                }
                return Ok(Some(crate::builtins::new_bytes(b)));
            }
            Backing::Std(StdKind::Stdin) => {
                let s = stdin_line(vm)?.map_err(|e| os_error(e, "<stdin>"))?;
                if s.is_empty() {
                    return Ok(None);
                }
                return Ok(Some(Value::string(s)));
            }
            Backing::Memory { text, pos } => {
                if *pos >= text.len() {
                    return Ok(None);
                }
                let start = *pos;
                let mut end = start;
                while end < text.len() {
                    end += 1;
                    if limit.is_some_and(|l| end - start >= l) {
                        break;
                    }
                    let c = text[end - 1];
                    let ends = match newline.as_deref() {
                        None | Some("\n") => c == '\n',
                        Some("\r") => c == '\r',
                        Some("\r\n") => c == '\n' && end >= start + 2 && text[end - 2] == '\r',
                        _ => {
                            // Universal: "\r\n" is one line end.
                            if c == '\r' && text.get(end) == Some(&'\n') && limit.is_none_or(|l| end - start < l) {
                                end += 1;
                            }
                            c == '\n' || c == '\r'
                        }
                    };
                    if ends {
                        break;
                    }
                }
                *pos = end;
                return Ok(Some(Value::string(text[start..end].iter().collect())));
            }
            Backing::Closed => return Err(closed_error()),
            _ => return Err(not_readable(vm, f)),
        }
    };
    make_result(vm, f, bytes).map(Some)
}

fn readline(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let f = file_of(args.this())?;
    let limit = match args.get(1) {
        Some(Value::Int(n)) if *n >= 0 => Some(*n as usize),
        _ => None,
    };
    Ok(read_line(vm, f, limit)?.unwrap_or_else(|| if f.binary { crate::builtins::new_bytes(vec![]) } else { Value::str("") }))
}

fn readlines(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let f = file_of(args.this())?;
    // Lines are read until their total length reaches `hint` (if > 0).
    let hint = match args.get(1) {
        None | Some(Value::None) => 0,
        Some(Value::Int(n)) => *n,
        Some(Value::Bool(b)) => *b as i64,
        Some(v) => return Err(PyErr::type_error(format!("argument should be integer or None, not '{}'", vm.type_name(v)))),
    };
    let mut out = Vec::new();
    let mut total: i64 = 0;
    while let Some(l) = read_line(vm, f, None)? {
        total += match &l {
            Value::Str(s) => s.len() as i64,
            Value::Bytes(b) => b.data.len() as i64,
            _ => 0,
        };
        out.push(l);
        if hint > 0 && total > hint {
            break;
        }
    }
    Ok(Value::list(out))
}

fn close(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    let f = file_of(args.this())?;
    let mut b = f.backing.borrow_mut();
    if let Backing::Disk(d) = &mut *b {
        d.flush().map_err(|e| os_error(e, &f.name))?;
    }
    if !matches!(&*b, Backing::Std(_)) {
        *b = Backing::Closed;
    }
    Ok(Value::None)
}

fn flush(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let f = file_of(args.this())?;
    let mut b = f.backing.borrow_mut();
    match &mut *b {
        Backing::Std(StdKind::Stdout) => vm.flush_stdout(),
        Backing::Disk(d) => d.flush().map_err(|e| os_error(e, &f.name))?,
        Backing::Closed => return Err(closed_error()),
        _ => {}
    }
    Ok(Value::None)
}

fn enter(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    let f = file_of(args.this())?;
    if matches!(&*f.backing.borrow(), Backing::Closed) {
        return Err(closed_error());
    }
    Ok(args.this().clone())
}

fn exit(vm: &mut Vm, args: Args) -> PyResult<Value> {
    close(vm, Args::new(&args.pos[..1]))?;
    Ok(Value::None)
}

fn iter(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    let f = file_of(args.this())?;
    if matches!(&*f.backing.borrow(), Backing::Closed) {
        return Err(closed_error());
    }
    Ok(args.this().clone())
}

fn next(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let f = file_of(args.this())?;
    let disk_text = !f.binary && matches!(&*f.backing.borrow(), Backing::Disk(_));
    match read_line(vm, f, None)? {
        Some(l) => {
            f.iterating.set(disk_text);
            Ok(l)
        }
        None => {
            f.iterating.set(false);
            Err(PyErr::stop_iteration())
        }
    }
}

fn getvalue(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    let f = file_of(args.this())?;
    match &*f.backing.borrow() {
        Backing::Memory { text, .. } => Ok(Value::string(text.iter().collect())),
        Backing::Closed => Err(closed_error()),
        _ => Err(PyErr::attribute_error("getvalue")),
    }
}

fn seek(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let f = file_of(args.this())?;
    let to = crate::builtins::arg::int(vm, args.get(1).unwrap_or(&Value::Int(0)))?;
    let whence = match args.get(2) {
        Some(w) => crate::builtins::arg::int(vm, w)?,
        None => 0,
    };
    let mut b = f.backing.borrow_mut();
    f.iterating.set(false);
    match &mut *b {
        Backing::Memory { pos, text } => {
            if !(0..=2).contains(&whence) {
                return Err(PyErr::value_error(format!("Invalid whence ({}, should be 0, 1 or 2)", whence)));
            }
            if whence == 0 && to < 0 {
                return Err(PyErr::value_error(format!("Negative seek position {}", to)));
            }
            if whence != 0 && to != 0 {
                return Err(PyErr::new(ExcKind::OSError, "Can't do nonzero cur-relative seeks"));
            }
            let p = match whence {
                0 => to as usize,
                1 => *pos,
                _ => text.len(),
            };
            *pos = p;
            Ok(Value::Int(p as i64))
        }
        Backing::Disk(d) => {
            if !f.binary && whence != 0 && to != 0 {
                drop(b);
                return Err(unsupported(
                    vm,
                    if whence == 1 { "can't do nonzero cur-relative seeks" } else { "can't do nonzero end-relative seeks" },
                ));
            }
            if whence == 0 && to < 0 {
                return Err(PyErr::value_error(format!("negative seek position {}", to)));
            }
            let pos = match whence {
                0 => std::io::SeekFrom::Start(to as u64),
                1 => std::io::SeekFrom::Current(to),
                2 => std::io::SeekFrom::End(to),
                _ => return Err(PyErr::value_error(format!("invalid whence ({}, should be 0, 1 or 2)", whence))),
            };
            let p = d.seek(pos).map_err(|e| os_error(e, &f.name))?;
            Ok(Value::Int(p as i64))
        }
        Backing::Closed => Err(closed_error()),
        _ => Ok(Value::Int(0)),
    }
}

fn tell(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    let f = file_of(args.this())?;
    if f.iterating.get() {
        return Err(PyErr::new(ExcKind::OSError, "telling position disabled by next() call"));
    }
    let mut b = f.backing.borrow_mut();
    match &mut *b {
        Backing::Memory { pos, .. } => Ok(Value::Int(*pos as i64)),
        Backing::Disk(d) => Ok(Value::Int(d.tell().map_err(|e| os_error(e, &f.name))? as i64)),
        Backing::Closed => Err(closed_error()),
        _ => Ok(Value::Int(0)),
    }
}

fn truncate(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let f = file_of(args.this())?;
    let size = match args.get(1) {
        Some(Value::None) | None => None,
        Some(v) => {
            let n = crate::builtins::arg::int(vm, v)?;
            if n < 0 {
                // (A negative size truncated the whole file.)
                return Err(match &*f.backing.borrow() {
                    Backing::Memory { .. } => PyErr::value_error(format!("Negative size value {}", n)),
                    _ => PyErr::with_args(ExcKind::OSError, vec![Value::Int(22), Value::str("Invalid argument")]),
                });
            }
            Some(n as usize)
        }
    };
    let mut b = f.backing.borrow_mut();
    match &mut *b {
        Backing::Memory { text, pos } => {
            let at = size.unwrap_or(*pos);
            text.truncate(at);
            Ok(Value::Int(at as i64))
        }
        Backing::Disk(d) => {
            let at = match size {
                Some(n) => n as u64,
                None => d.tell().map_err(|e| os_error(e, &f.name))?,
            };
            d.set_len(at).map_err(|e| os_error(e, &f.name))?;
            Ok(Value::Int(at as i64))
        }
        Backing::Closed => Err(closed_error()),
        _ => Ok(Value::Int(0)),
    }
}

fn readable(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    let f = file_of(args.this())?;
    let r = match &*f.backing.borrow() {
        Backing::Disk(d) => d.readable,
        Backing::Memory { .. } | Backing::Std(StdKind::Stdin) => true,
        Backing::Closed => return Err(closed_error()),
        _ => false,
    };
    Ok(Value::Bool(r))
}

fn writable(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    let f = file_of(args.this())?;
    let w = match &*f.backing.borrow() {
        Backing::Disk(d) => d.writable,
        Backing::Memory { .. } | Backing::Std(StdKind::Stdout) | Backing::Std(StdKind::Stderr) => true,
        Backing::Closed => return Err(closed_error()),
        _ => false,
    };
    Ok(Value::Bool(w))
}

/// Whether the file can seek: in memory, or a descriptor `lseek` accepts
/// (not a pipe or a terminal).
fn seekable(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    let f = file_of(args.this())?;
    if matches!(&*f.backing.borrow(), Backing::Closed) {
        return Err(closed_error());
    }
    if matches!(&*f.backing.borrow(), Backing::Memory { .. }) {
        return Ok(Value::Bool(true));
    }
    // SAFETY: `lseek` by 0 from the current position moves nothing.
    Ok(Value::Bool(raw_fd(f).is_some_and(|fd| unsafe { libc::lseek(fd, 0, libc::SEEK_CUR) } >= 0)))
}

/// The OS descriptor of a file (None for an in-memory or closed one).
fn raw_fd(f: &TextFile) -> Option<i32> {
    use std::os::fd::AsRawFd;
    match &*f.backing.borrow() {
        Backing::Std(StdKind::Stdin) => Some(0),
        Backing::Std(StdKind::Stdout) => Some(1),
        Backing::Std(StdKind::Stderr) => Some(2),
        Backing::Disk(d) => Some(d.core.borrow().file.as_raw_fd()),
        Backing::Memory { .. } | Backing::Closed => None,
    }
}

fn fileno(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let f = file_of(args.this())?;
    match raw_fd(f) {
        Some(fd) => Ok(Value::Int(fd as i64)),
        None if matches!(&*f.backing.borrow(), Backing::Closed) => Err(PyErr::value_error("I/O operation on closed file")),
        None if matches!(&*f.backing.borrow(), Backing::Memory { .. }) => Err(unsupported(vm, "fileno")),
        None => Err(PyErr::new(crate::vm::ExcKind::OSError, "fileno")),
    }
}

fn isatty(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    let f = file_of(args.this())?;
    // SAFETY: `isatty` only queries the descriptor.
    Ok(Value::Bool(raw_fd(f).is_some_and(|fd| unsafe { libc::isatty(fd) } == 1)))
}

fn closed_get(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    let f = file_of(args.this())?;
    Ok(Value::Bool(matches!(&*f.backing.borrow(), Backing::Closed)))
}

/// CPython's reprs: `<_io.TextIOWrapper name='a.txt' mode='r'
/// encoding='UTF-8'>`, `<_io.BufferedReader name='a.txt'>`,
/// `<_io.StringIO object at 0x...>`.
fn file_repr(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let this = args.this().clone();
    let f = file_of(&this)?;
    let cls = vm.class_of(&this);
    let cname = cls.qualname.borrow().clone();
    if matches!(&*f.backing.borrow(), Backing::Memory { .. }) {
        return Ok(Value::string(format!("<_io.{} object at {:#x}>", cname, this.heap_addr().unwrap_or(0))));
    }
    let name = match f.name_value.borrow().clone() {
        Some(v) => vm.repr_str_of(&v)?,
        None => vm.repr_str_of(&Value::str(&f.name))?,
    };
    Ok(Value::string(if f.binary {
        format!("<_io.{} name={}>", cname, name)
    } else {
        let enc = vm.repr_str_of(&Value::str(&f.encoding.borrow()))?;
        let mode = vm.repr_str_of(&Value::str(&f.mode))?;
        format!("<_io.{} name={} mode={} encoding={}>", cname, name, mode, enc)
    }))
}

fn name_get(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    let f = file_of(args.this())?;
    if let Some(v) = f.name_value.borrow().as_ref() {
        return Ok(v.clone());
    }
    Ok(Value::str(&f.name))
}

fn name_set(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    let f = file_of(args.this())?;
    *f.name_value.borrow_mut() = Some(args.pos.get(1).cloned().unwrap_or(Value::None));
    Ok(Value::None)
}

fn mode_get(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    let f = file_of(args.this())?;
    Ok(Value::str(&f.mode))
}

/// The text file `args.this()`, for a text file's attribute or method
/// `name` (binary files have no such attribute).
fn text_file<'a>(vm: &Vm, args: &'a Args, name: &str) -> PyResult<&'a TextFile> {
    let f = file_of(args.this())?;
    if f.binary {
        let t = vm.type_name(args.this());
        return Err(PyErr::new(crate::vm::ExcKind::AttributeError, format!("'{}' object has no attribute '{}'", t, name)));
    }
    Ok(f)
}

/// A text file's `encoding` and `errors` (binary files have neither).
fn text_attr(vm: &mut Vm, args: &Args, name: &str, get: fn(&TextFile) -> String) -> PyResult<Value> {
    Ok(Value::string(get(text_file(vm, args, name)?)))
}

/// A text file's `buffer`: a binary file object on the same stream
/// (`sys.stdout.buffer.write(b"...")` goes through the same buffer as
/// `print`, so the order holds), made once.
fn buffer_get(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let f = file_of(args.this())?;
    if f.binary || matches!(&*f.backing.borrow(), Backing::Memory { .. }) {
        let t = vm.type_name(args.this());
        return Err(PyErr::new(crate::vm::ExcKind::AttributeError, format!("'{}' object has no attribute 'buffer'", t)));
    }
    if let Some(b) = f.buffer.borrow().as_ref() {
        return Ok(b.clone());
    }
    let (backing, readable, writable) = f.same_stream(false)?;
    let (class, mode) = match (readable, writable) {
        (true, true) => ("BufferedRandom", "rb+"),
        (true, false) => ("BufferedReader", "rb"),
        _ => ("BufferedWriter", "wb"),
    };
    let b = new_file(vm, class, backing, &f.name, mode, true);
    f.give_name(&b);
    *f.buffer.borrow_mut() = Some(b.clone());
    Ok(b)
}

fn encoding_get(vm: &mut Vm, args: Args) -> PyResult<Value> {
    text_attr(vm, &args, "encoding", |f| f.encoding.borrow().clone())
}

fn errors_get(vm: &mut Vm, args: Args) -> PyResult<Value> {
    text_attr(vm, &args, "errors", |f| f.errors.borrow().clone())
}

/// `line_buffering` and `write_through`: for stdout what `Vm::stdout_flush`
/// says; stderr is line-buffered (as CPython's since 3.9).
fn flush_flags(vm: &Vm, f: &TextFile) -> (bool, bool) {
    use crate::vm::StdoutFlush;
    let (lb, wt) = match &*f.backing.borrow() {
        Backing::Std(StdKind::Stdout) => (vm.stdout_flush == StdoutFlush::Line, vm.stdout_flush == StdoutFlush::Always),
        Backing::Std(StdKind::Stderr) => (true, vm.stdout_flush == StdoutFlush::Always),
        _ => (false, false),
    };
    (f.line_buffering.get().unwrap_or(lb), f.write_through.get().unwrap_or(wt))
}

/// `newlines`: the kinds of line endings translated so far; Spry does not
/// track them (None, as before any is read).
fn newlines_get(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    file_of(args.this())?;
    Ok(Value::None)
}

fn line_buffering_get(vm: &mut Vm, args: Args) -> PyResult<Value> {
    Ok(Value::Bool(flush_flags(vm, text_file(vm, &args, "line_buffering")?).0))
}

fn write_through_get(vm: &mut Vm, args: Args) -> PyResult<Value> {
    Ok(Value::Bool(flush_flags(vm, text_file(vm, &args, "write_through")?).1))
}

/// `TextIOWrapper.reconfigure(*, encoding=None, errors=None, newline=None,
/// line_buffering=None, write_through=None)`: what is given changes (the
/// stream flushed first); a new encoding without `errors` resets it to
/// 'strict'. On `sys.stdout`, `print` then writes through the file's
/// encoder unless the encoding is UTF-8, strict, without newline
/// translation (`Vm::stdout_plain`).
fn reconfigure(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.allow_kwargs("reconfigure", &["encoding", "errors", "newline", "line_buffering", "write_through"])?;
    let this = args.this().clone();
    let f = text_file(vm, &args, "reconfigure")?;
    if args.len() > 1 {
        return Err(PyErr::type_error("reconfigure() takes no positional arguments"));
    }
    let text_arg = |vm: &Vm, name: &str| -> PyResult<Option<String>> {
        match args.kw(name) {
            None | Some(Value::None) => Ok(None),
            Some(Value::Str(s)) => Ok(Some(s.as_str().to_string())),
            Some(v) => Err(PyErr::type_error(format!("reconfigure() argument '{}' must be str or None, not {}", name, vm.type_name(v)))),
        }
    };
    let encoding = text_arg(vm, "encoding")?;
    let mut errors = text_arg(vm, "errors")?;
    if let Some(e) = &encoding {
        crate::builtins::check_encoding(e)?;
        if errors.is_none() {
            errors = Some("strict".to_string());
        }
    }
    let newline = match args.kw("newline") {
        None => None,
        Some(Value::None) => Some(None),
        Some(Value::Str(s)) => match s.as_str() {
            "" | "\n" | "\r" | "\r\n" => Some(Some(s.as_str().to_string())),
            other => return Err(PyErr::value_error(format!("illegal newline value: {}", other))),
        },
        Some(v) => return Err(PyErr::type_error(format!("reconfigure() argument 'newline' must be str or None, not {}", vm.type_name(v)))),
    };
    let flag = |vm: &mut Vm, name: &str| -> PyResult<Option<bool>> {
        match args.kw(name) {
            None | Some(Value::None) => Ok(None),
            Some(v) => vm.truthy(v).map(Some),
        }
    };
    let line_buffering = flag(vm, "line_buffering")?;
    let write_through = flag(vm, "write_through")?;
    flush(vm, Args::new(std::slice::from_ref(&this)))?;
    if let Some(e) = encoding {
        *f.encoding.borrow_mut() = e;
    }
    if let Some(e) = errors {
        *f.errors.borrow_mut() = e;
    }
    if let Some(n) = newline {
        *f.newline.borrow_mut() = n;
    }
    let (lb, wt) = flush_flags(vm, f);
    let (lb, wt) = (line_buffering.unwrap_or(lb), write_through.unwrap_or(wt));
    f.line_buffering.set(Some(lb));
    f.write_through.set(Some(wt));
    if matches!(&*f.backing.borrow(), Backing::Std(StdKind::Stdout)) {
        use crate::vm::StdoutFlush;
        vm.stdout_flush = if wt {
            StdoutFlush::Always
        } else if lb {
            StdoutFlush::Line
        } else {
            StdoutFlush::Block
        };
        vm.stdout_plain = f.encoding.borrow().eq_ignore_ascii_case("utf-8")
            && matches!(f.errors.borrow().as_str(), "strict" | "surrogateescape")
            && matches!(f.newline.borrow().as_deref(), None | Some("") | Some("\n"));
    }
    Ok(Value::None)
}

fn stringio_ctor(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (init, newline) = stringio_args(vm, args)?;
    Ok(new_file_with(vm, "StringIO", Backing::Memory { text: init, pos: 0 }, "<StringIO>", "r+", false, "utf-8", "strict", newline))
}

/// `StringIO(initial_value='', newline='\n')`'s arguments: the initial text
/// (newlines translated) and the newline mode.
fn stringio_args(vm: &mut Vm, args: Args) -> PyResult<(Vec<char>, Option<String>)> {
    args.allow_kwargs("StringIO", &["initial_value", "newline"])?;
    // newline: "\n" by default (no translation); None translates "\r\n"
    // and "\r" to "\n" as text is written; "\r" and "\r\n" replace "\n"
    // when written; "" keeps everything, and lines end at any of them.
    let newline = match args.arg(1, "newline") {
        None => Some("\n".to_string()),
        Some(Value::None) => None,
        Some(Value::Str(s)) if matches!(s.as_str(), "" | "\n" | "\r" | "\r\n") => Some(s.as_str().to_string()),
        Some(v @ Value::Str(_)) => return Err(PyErr::value_error(format!("illegal newline value: {}", vm.repr_str_of(v)?))),
        Some(v) => return Err(PyErr::type_error(format!("newline must be str or None, not {}", vm.type_name(v)))),
    };
    let init: Vec<char> = match args.arg(0, "initial_value") {
        Some(Value::Str(s)) => memory_newlines(newline.as_deref(), s.as_str()).chars().collect(),
        Some(Value::None) | None => vec![],
        Some(v) => return Err(PyErr::type_error(format!("initial_value must be str or None, not {}", vm.type_name(v)))),
    };
    Ok((init, newline))
}

/// Text written to a StringIO with `newline`, as it is stored.
fn memory_newlines<'a>(newline: Option<&str>, text: &'a str) -> std::borrow::Cow<'a, str> {
    match newline {
        None if text.contains('\r') => text.replace("\r\n", "\n").replace('\r', "\n").into(),
        Some(nl @ ("\r" | "\r\n")) if text.contains('\n') => text.replace('\n', nl).into(),
        _ => text.into(),
    }
}

/// `io.TextIOWrapper(buffer, encoding=None, errors=None, newline=None,
/// line_buffering=False, write_through=False)`: over one of Spry's binary
/// files, a native text file on the same stream; over a Python binary
/// stream, `_bytesio._TextWrapper`. (`line_buffering` and `write_through`
/// are not kept by native files: their writes go out on flush and close,
/// stdout's as `print`'s.)
fn textiowrapper_ctor(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.allow_kwargs("TextIOWrapper", &["buffer", "encoding", "errors", "newline", "line_buffering", "write_through"])?;
    if args.pos.len() > 6 {
        return Err(PyErr::type_error(format!("TextIOWrapper() takes at most 6 arguments ({} given)", args.pos.len())));
    }
    let Some(buffer) = args.arg(0, "buffer").cloned() else {
        return Err(PyErr::type_error("TextIOWrapper() missing required argument 'buffer' (pos 1)"));
    };
    let opt = |vm: &mut Vm, i: usize, name: &str| -> PyResult<Option<String>> {
        match args.arg(i, name) {
            None | Some(Value::None) => Ok(None),
            Some(Value::Str(s)) => Ok(Some(s.as_str().to_string())),
            Some(v) => Err(PyErr::type_error(format!("TextIOWrapper() argument '{}' must be str or None, not {}", name, vm.type_name(v)))),
        }
    };
    let native = matches!(file_of(&buffer), Ok(f) if f.binary && !matches!(&*f.backing.borrow(), Backing::Memory { .. } | Backing::Closed));
    if !native {
        let m = vm.import_module("_bytesio")?;
        let cls = vm.get_attr(&m, "_TextWrapper")?;
        if args.pos.is_empty() {
            // `buffer=` by keyword: passed first, by position.
            let (names, vals): (Vec<Value>, Vec<Value>) =
                args.kwnames.iter().cloned().zip(args.kwvals.iter().cloned()).filter(|(k, _)| k.as_str() != Some("buffer")).unzip();
            let pos = [buffer];
            return vm.call(&cls, Args { pos: &pos, kwnames: &names, kwvals: &vals });
        }
        return vm.call(&cls, args);
    }
    let encoding = opt(vm, 1, "encoding")?.filter(|e| e != "locale").unwrap_or_else(|| "UTF-8".to_string());
    let errors = opt(vm, 2, "errors")?.unwrap_or_else(|| "strict".to_string());
    let newline = opt(vm, 3, "newline")?;
    if let Some(n) = &newline {
        if !matches!(n.as_str(), "" | "\n" | "\r" | "\r\n") {
            return Err(PyErr::value_error(format!("illegal newline value: {}", n)));
        }
    }
    crate::builtins::encode_text("", false, &encoding, "strict")?;
    let f = file_of(&buffer)?;
    let (backing, readable, writable) = f.same_stream(true)?;
    let mode = match (readable, writable) {
        (true, true) => "r+",
        (true, false) => "r",
        _ => "w",
    };
    let t = new_file_with(vm, "TextIOWrapper", backing, &f.name, mode, false, &encoding, &errors, newline);
    f.give_name(&t);
    if let Ok(tf) = file_of(&t) {
        *tf.buffer.borrow_mut() = Some(buffer.clone());
    }
    Ok(t)
}

fn textiowrapper_new(vm: &mut Vm, args: Args) -> PyResult<Value> {
    textiowrapper_ctor(vm, args.rest())
}

/// `StringIO.__new__(cls, ...)`: an empty StringIO of class `cls` (a
/// subclass's instances are StringIOs with the subclass's methods);
/// `__init__` sets the text and newline mode, as in CPython.
fn stringio_new(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let cls = match args.get(0) {
        Some(Value::Class(c)) => c.clone(),
        _ => return Err(PyErr::type_error("StringIO.__new__(X): X is not a type object")),
    };
    let file = TextFile {
        backing: RefCell::new(Backing::Memory { text: vec![], pos: 0 }),
        name: "<StringIO>".to_string(),
        name_value: RefCell::new(None),
        mode: "r+".to_string(),
        binary: false,
        encoding: RefCell::new("utf-8".to_string()),
        errors: RefCell::new("strict".to_string()),
        newline: RefCell::new(Some("\n".to_string())),
        line_buffering: std::cell::Cell::new(None),
        write_through: std::cell::Cell::new(None),
        buffer: RefCell::new(None),
        iterating: std::cell::Cell::new(false),
    };
    Ok(vm.new_native(cls, NativeData::Other(Box::new(file))))
}

/// `StringIO.__init__(self, initial_value='', newline='\n')`.
fn stringio_init(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (init, newline) = stringio_args(vm, args.rest())?;
    let f = file_of(args.this())?;
    *f.backing.borrow_mut() = Backing::Memory { text: init, pos: 0 };
    *f.newline.borrow_mut() = newline;
    Ok(Value::None)
}

/// The `io` module.
pub fn make(vm: &mut Vm) -> Value {
    let m = super::new_module(vm, "io", &[("open", open)]);
    let c = file_class(vm, "StringIO");
    super::set(&m, "StringIO", Value::Class(c));
    let t = file_class(vm, "TextIOWrapper");
    super::set(&m, "TextIOWrapper", Value::Class(t));
    // BytesIO, the io constants and ABC names live in Python (`lib/_bytesio.py`).
    if let Ok(Some(b)) = super::load_builtin(vm, "_bytesio") {
        for name in [
            "BytesIO",
            "SEEK_SET",
            "SEEK_CUR",
            "SEEK_END",
            "DEFAULT_BUFFER_SIZE",
            "UnsupportedOperation",
            "IOBase",
            "RawIOBase",
            "BufferedIOBase",
            "TextIOBase",
            "BufferedReader",
            "BufferedWriter",
            "BufferedRandom",
            "BufferedRWPair",
            "text_encoding",
            "IncrementalNewlineDecoder",
        ] {
            if let Ok(v) = vm.get_attr(&b, name) {
                super::set(&m, name, v);
            }
        }
        // The native files are virtual subclasses of the Python classes
        // (`_bytesio.py`'s, CPython's _pyio), so isinstance sees them.
        for (native, base) in [
            ("TextIOWrapper", "TextIOBase"),
            ("StringIO", "TextIOBase"),
            ("BufferedReader", "BufferedReader"),
            ("BufferedWriter", "BufferedWriter"),
            ("BufferedRandom", "BufferedRandom"),
        ] {
            let c = file_class(vm, native);
            if let Ok(base) = vm.get_attr(&b, base) {
                if let Ok(reg) = vm.get_attr(&base, "register") {
                    let _ = vm.call_function(&reg, &[Value::Class(c)]);
                }
            }
        }
    }
    m
}
