//! Files and text streams: `open()`, `sys.stdout`/`stderr`/`stdin`, and
//! the `io` module (`StringIO`).

use std::any::Any;
use std::cell::RefCell;
use std::io::{BufRead, Read, Write};

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
    Reader(std::io::BufReader<std::fs::File>),
    Writer(std::io::BufWriter<std::fs::File>),
    /// An in-memory text buffer (`io.StringIO`) with a position in chars.
    Memory {
        text: Vec<char>,
        pos: usize,
    },
    Closed,
}

/// The state of a text file object.
pub struct TextFile {
    backing: RefCell<Backing>,
    name: String,
    mode: String,
    binary: bool,
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
    ns.set_str("__module__", Value::str(if name == "StringIO" { "io" } else { "_io" }));
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
        ("fileno", fileno),
        ("isatty", isatty),
        ("truncate", truncate),
    ];
    for (n, f) in methods {
        vm.add_method(&c, n, *f);
    }
    let closed = vm.builtin_fn("closed", closed_get, "file");
    let prop = vm.new_native(
        vm.types.property.clone(),
        NativeData::Property { fget: closed, fset: Value::None, fdel: Value::None, doc: Value::None },
    );
    c.dict.set_str("closed", prop);
    let namef = vm.builtin_fn("name", name_get, "file");
    let prop = vm.new_native(
        vm.types.property.clone(),
        NativeData::Property { fget: namef, fset: Value::None, fdel: Value::None, doc: Value::None },
    );
    c.dict.set_str("name", prop);
    let modef = vm.builtin_fn("mode", mode_get, "file");
    let prop = vm.new_native(
        vm.types.property.clone(),
        NativeData::Property { fget: modef, fset: Value::None, fdel: Value::None, doc: Value::None },
    );
    c.dict.set_str("mode", prop);
    if name == "StringIO" {
        vm.add_method(&c, "__new__", stringio_new);
        c.ctor.set(Some(stringio_ctor));
    }
    vm.lazy_classes.insert(name, c.clone());
    c
}

fn new_file(vm: &mut Vm, class: &'static str, backing: Backing, name: &str, mode: &str, binary: bool) -> Value {
    let cls = file_class(vm, class);
    vm.new_native(
        cls,
        NativeData::Other(Box::new(TextFile { backing: RefCell::new(backing), name: name.to_string(), mode: mode.to_string(), binary })),
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
    new_file(vm, "TextIOWrapper", Backing::Std(kind), name, mode, false)
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
        _ => e.to_string(),
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
    let path = match args.arg(0, "file") {
        Some(Value::Str(s)) => s.as_str().to_string(),
        Some(v) => return Err(PyErr::type_error(format!("expected str, bytes or os.PathLike object, not {}", vm.type_name(v)))),
        None => return Err(PyErr::type_error("open() missing required argument 'file' (pos 1)")),
    };
    let mode = match args.arg(1, "mode") {
        Some(Value::Str(s)) => s.as_str().to_string(),
        _ => "r".to_string(),
    };
    let binary = mode.contains('b');
    let backing = if mode.contains('w') || mode.contains('a') || mode.contains('x') {
        let mut o = std::fs::OpenOptions::new();
        if mode.contains('a') {
            o.append(true).create(true);
        } else if mode.contains('x') {
            o.write(true).create_new(true);
        } else {
            o.write(true).create(true).truncate(true);
        }
        Backing::Writer(std::io::BufWriter::new(o.open(&path).map_err(|e| os_error(e, &path))?))
    } else {
        if std::path::Path::new(&path).is_dir() {
            return Err(PyErr::with_args(
                ExcKind::IsADirectoryError,
                vec![Value::Int(21), Value::str("Is a directory"), Value::str(&path)],
            ));
        }
        Backing::Reader(std::io::BufReader::new(std::fs::File::open(&path).map_err(|e| os_error(e, &path))?))
    };
    Ok(new_file(vm, if binary { "BufferedReader" } else { "TextIOWrapper" }, backing, &path, &mode, binary))
}

fn text_arg(vm: &Vm, v: &Value, binary: bool) -> PyResult<Vec<u8>> {
    match v {
        Value::Str(s) if !binary => {
            if s.has_surrogates() {
                return crate::builtins::encode_text(s.as_str(), true, "utf-8", "strict");
            }
            Ok(s.as_str().as_bytes().to_vec())
        }
        Value::Bytes(b) if binary => Ok(b.data.to_vec()),
        Value::ByteArray(b) if binary => Ok(b.data.borrow().clone()),
        other => {
            if binary {
                Err(PyErr::type_error(format!("a bytes-like object is required, not '{}'", vm.type_name(other))))
            } else {
                Err(PyErr::type_error(format!("write() argument must be str, not {}", vm.type_name(other))))
            }
        }
    }
}

fn write(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let f = file_of(args.this())?;
    let data = args.get(1).ok_or_else(|| PyErr::type_error("write() takes exactly one argument (0 given)"))?;
    let bytes = text_arg(vm, data, f.binary)?;
    let n = if f.binary { bytes.len() } else { String::from_utf8_lossy(&bytes).chars().count() };
    let mut b = f.backing.borrow_mut();
    match &mut *b {
        Backing::Std(StdKind::Stdout) => {
            let _ = vm.stdout.write_all(&bytes);
        }
        Backing::Std(StdKind::Stderr) => {
            vm.flush_stdout();
            let _ = std::io::stderr().write_all(&bytes);
        }
        Backing::Writer(w) => {
            w.write_all(&bytes).map_err(|e| os_error(e, &f.name))?;
        }
        Backing::Memory { text, pos } => {
            let s = String::from_utf8_lossy(&bytes);
            for c in s.chars() {
                if *pos < text.len() {
                    text[*pos] = c;
                } else {
                    text.push(c);
                }
                *pos += 1;
            }
        }
        Backing::Closed => return Err(closed_error()),
        _ => return Err(PyErr::new(ExcKind::OSError, "not writable")),
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

fn make_text(f: &TextFile, bytes: Vec<u8>) -> Value {
    if f.binary {
        crate::builtins::new_bytes(bytes)
    } else {
        Value::string(String::from_utf8_lossy(&bytes).into_owned())
    }
}

fn read(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let f = file_of(args.this())?;
    let size = match args.get(1) {
        Some(Value::Int(n)) if *n >= 0 => Some(*n as usize),
        _ => None,
    };
    let _ = vm;
    let mut b = f.backing.borrow_mut();
    match &mut *b {
        Backing::Reader(r) => {
            let mut buf = Vec::new();
            match size {
                None => {
                    r.read_to_end(&mut buf).map_err(|e| os_error(e, &f.name))?;
                }
                Some(n) => {
                    if f.binary {
                        buf.resize(n, 0);
                        let k = r.read(&mut buf).map_err(|e| os_error(e, &f.name))?;
                        buf.truncate(k);
                    } else {
                        // Read n characters.
                        let mut s = String::new();
                        let mut count = 0;
                        while count < n {
                            let mut one = [0u8; 1];
                            if r.read(&mut one).map_err(|e| os_error(e, &f.name))? == 0 {
                                break;
                            }
                            let mut bytes = vec![one[0]];
                            let need = utf8_len(one[0]);
                            for _ in 1..need {
                                if r.read(&mut one).map_err(|e| os_error(e, &f.name))? == 0 {
                                    break;
                                }
                                bytes.push(one[0]);
                            }
                            s.push_str(&String::from_utf8_lossy(&bytes));
                            count += 1;
                        }
                        buf = s.into_bytes();
                    }
                }
            }
            Ok(make_text(f, buf))
        }
        Backing::Std(StdKind::Stdin) => {
            let mut s = String::new();
            std::io::stdin().read_to_string(&mut s).map_err(|e| os_error(e, "<stdin>"))?;
            Ok(Value::string(s))
        }
        Backing::Memory { text, pos } => {
            let end = match size {
                Some(n) => (*pos + n).min(text.len()),
                None => text.len(),
            };
            let start = (*pos).min(text.len());
            let s: String = text[start..end].iter().collect();
            *pos = end;
            Ok(Value::string(s))
        }
        Backing::Closed => Err(closed_error()),
        _ => Err(PyErr::new(ExcKind::OSError, "not readable")),
    }
}

fn utf8_len(b: u8) -> usize {
    match b {
        0..=0x7f => 1,
        0xc0..=0xdf => 2,
        0xe0..=0xef => 3,
        _ => 4,
    }
}

fn read_line(f: &TextFile) -> PyResult<Option<Value>> {
    let mut b = f.backing.borrow_mut();
    match &mut *b {
        Backing::Reader(r) => {
            let mut buf = Vec::new();
            let n = r.read_until(b'\n', &mut buf).map_err(|e| os_error(e, &f.name))?;
            if n == 0 {
                return Ok(None);
            }
            Ok(Some(make_text(f, buf)))
        }
        Backing::Std(StdKind::Stdin) => {
            let mut s = String::new();
            let n = std::io::stdin().read_line(&mut s).map_err(|e| os_error(e, "<stdin>"))?;
            if n == 0 {
                return Ok(None);
            }
            Ok(Some(Value::string(s)))
        }
        Backing::Memory { text, pos } => {
            if *pos >= text.len() {
                return Ok(None);
            }
            let start = *pos;
            let mut end = start;
            while end < text.len() {
                end += 1;
                if text[end - 1] == '\n' {
                    break;
                }
            }
            *pos = end;
            Ok(Some(Value::string(text[start..end].iter().collect())))
        }
        Backing::Closed => Err(closed_error()),
        _ => Err(PyErr::new(ExcKind::OSError, "not readable")),
    }
}

fn readline(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    let f = file_of(args.this())?;
    Ok(read_line(f)?.unwrap_or_else(|| if f.binary { crate::builtins::new_bytes(vec![]) } else { Value::str("") }))
}

fn readlines(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    let f = file_of(args.this())?;
    let mut out = Vec::new();
    while let Some(l) = read_line(f)? {
        out.push(l);
    }
    Ok(Value::list(out))
}

fn close(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    let f = file_of(args.this())?;
    let mut b = f.backing.borrow_mut();
    if let Backing::Writer(w) = &mut *b {
        w.flush().map_err(|e| os_error(e, &f.name))?;
    }
    if !matches!(&*b, Backing::Std(_) | Backing::Memory { .. }) {
        *b = Backing::Closed;
    } else if let Backing::Memory { .. } = &*b {
        *b = Backing::Closed;
    }
    Ok(Value::None)
}

fn flush(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let f = file_of(args.this())?;
    let mut b = f.backing.borrow_mut();
    match &mut *b {
        Backing::Std(StdKind::Stdout) => vm.flush_stdout(),
        Backing::Writer(w) => w.flush().map_err(|e| os_error(e, &f.name))?,
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

fn next(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    let f = file_of(args.this())?;
    match read_line(f)? {
        Some(l) => Ok(l),
        None => Err(PyErr::stop_iteration()),
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
    let mut b = f.backing.borrow_mut();
    match &mut *b {
        Backing::Memory { pos, .. } => {
            *pos = to.max(0) as usize;
            Ok(Value::Int(to))
        }
        Backing::Reader(r) => {
            use std::io::Seek;
            r.seek(std::io::SeekFrom::Start(to.max(0) as u64)).map_err(|e| os_error(e, &f.name))?;
            Ok(Value::Int(to))
        }
        Backing::Closed => Err(closed_error()),
        _ => Ok(Value::Int(0)),
    }
}

fn tell(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    let f = file_of(args.this())?;
    let mut b = f.backing.borrow_mut();
    match &mut *b {
        Backing::Memory { pos, .. } => Ok(Value::Int(*pos as i64)),
        Backing::Reader(r) => {
            use std::io::Seek;
            Ok(Value::Int(r.stream_position().map_err(|e| os_error(e, &f.name))? as i64))
        }
        _ => Ok(Value::Int(0)),
    }
}

fn truncate(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    let f = file_of(args.this())?;
    let mut b = f.backing.borrow_mut();
    if let Backing::Memory { text, pos } = &mut *b {
        let at = match args.get(1) {
            Some(Value::Int(n)) => *n as usize,
            _ => *pos,
        };
        text.truncate(at);
        return Ok(Value::Int(at as i64));
    }
    Ok(Value::Int(0))
}

fn readable(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    let f = file_of(args.this())?;
    let r = matches!(&*f.backing.borrow(), Backing::Reader(_) | Backing::Memory { .. } | Backing::Std(StdKind::Stdin));
    Ok(Value::Bool(r))
}

fn writable(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    let f = file_of(args.this())?;
    let w = matches!(
        &*f.backing.borrow(),
        Backing::Writer(_) | Backing::Memory { .. } | Backing::Std(StdKind::Stdout) | Backing::Std(StdKind::Stderr)
    );
    Ok(Value::Bool(w))
}

fn fileno(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    let f = file_of(args.this())?;
    Ok(Value::Int(match &*f.backing.borrow() {
        Backing::Std(StdKind::Stdin) => 0,
        Backing::Std(StdKind::Stdout) => 1,
        Backing::Std(StdKind::Stderr) => 2,
        _ => 3,
    }))
}

fn isatty(_vm: &mut Vm, _args: Args) -> PyResult<Value> {
    Ok(Value::Bool(false))
}

fn closed_get(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    let f = file_of(args.this())?;
    Ok(Value::Bool(matches!(&*f.backing.borrow(), Backing::Closed)))
}

fn name_get(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    let f = file_of(args.this())?;
    Ok(Value::str(&f.name))
}

fn mode_get(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    let f = file_of(args.this())?;
    Ok(Value::str(&f.mode))
}

fn stringio_ctor(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let init: Vec<char> = match args.arg(0, "initial_value") {
        Some(Value::Str(s)) => s.as_str().chars().collect(),
        Some(Value::None) | None => vec![],
        Some(v) => return Err(PyErr::type_error(format!("initial_value must be str or None, not {}", vm.type_name(v)))),
    };
    Ok(new_file(vm, "StringIO", Backing::Memory { text: init, pos: 0 }, "<StringIO>", "r+", false))
}

fn stringio_new(vm: &mut Vm, args: Args) -> PyResult<Value> {
    stringio_ctor(vm, args.rest())
}

/// The `io` module.
pub fn make(vm: &mut Vm) -> Value {
    let m = super::new_module(vm, "io", &[("open", open)]);
    let c = file_class(vm, "StringIO");
    super::set(&m, "StringIO", Value::Class(c));
    let t = file_class(vm, "TextIOWrapper");
    super::set(&m, "TextIOWrapper", Value::Class(t));
    m
}
