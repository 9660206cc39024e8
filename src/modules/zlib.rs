//! `_zlib`: the system's zlib (through the `libz-sys` crate, which builds
//! its bundled copy where the system has none), under `lib/zlib.py`,
//! which holds `zlib.error` and the `Compress`/`Decompress` objects. The
//! same library as CPython's gives the same compressed bytes.
//!
//! Streams (`compressobj`, `decompressobj`) live here, in a table indexed
//! by the handle the Python object holds: zlib keeps a pointer back to its
//! `z_stream`, so each stays boxed where it was initialised until freed.

use std::cell::RefCell;

use libz_sys as z;

use super::new_module;
use crate::builtins::arg;
use crate::builtins::types_bytes::bytes_data;
use crate::objects::*;
use crate::vm::{Args, ExcKind, PyErr, PyResult, Vm};

enum Stream {
    Deflate(Box<z::z_stream>),
    Inflate(Box<z::z_stream>),
}

impl Drop for Stream {
    fn drop(&mut self) {
        // SAFETY: the stream was initialised by deflateInit2_/inflateInit2_
        // (or copied) and is ended once, here.
        unsafe {
            match self {
                Stream::Deflate(s) => z::deflateEnd(&mut **s),
                Stream::Inflate(s) => z::inflateEnd(&mut **s),
            };
        }
    }
}

thread_local! {
    static STREAMS: RefCell<Vec<Option<Stream>>> = const { RefCell::new(Vec::new()) };
}

extern "C" fn z_alloc(_opaque: z::voidpf, items: z::uInt, size: z::uInt) -> z::voidpf {
    // SAFETY: `calloc` of what zlib asks for (null on failure, which zlib
    // reports as Z_MEM_ERROR).
    unsafe { libc::calloc(items as usize, size as usize) }
}

extern "C" fn z_free(_opaque: z::voidpf, p: z::voidpf) {
    // SAFETY: `p` came from `z_alloc`.
    unsafe { libc::free(p) }
}

/// A `z_stream` ready for an init function: zero but for its allocator
/// functions (the crate's type has no null function pointers).
fn new_stream() -> Box<z::z_stream> {
    let mut s = Box::new(std::mem::MaybeUninit::<z::z_stream>::zeroed());
    let p = s.as_mut_ptr();
    // SAFETY: every field is zero (valid for the integers, raw pointers and
    // `opaque`) except the two function pointers, written before
    // `assume_init`.
    unsafe {
        std::ptr::addr_of_mut!((*p).zalloc).write(z_alloc);
        std::ptr::addr_of_mut!((*p).zfree).write(z_free);
        Box::from_raw(Box::into_raw(s) as *mut z::z_stream)
    }
}

fn add_stream(s: Stream) -> i64 {
    STREAMS.with(|t| {
        let mut t = t.borrow_mut();
        let i = t.iter().position(|x| x.is_none()).unwrap_or_else(|| {
            t.push(None);
            t.len() - 1
        });
        t[i] = Some(s);
        i as i64
    })
}

/// `zlib.error(msg)`, from `lib/zlib.py`.
fn zlib_error(vm: &mut Vm, msg: String) -> PyErr {
    let cls = vm.import_module("zlib").and_then(|m| vm.get_attr(&m, "error"));
    match cls {
        Ok(c) => match vm.call_function(&c, &[Value::string(msg)]) {
            Ok(e) => PyErr::from_value(e, vec![]),
            Err(e) => e,
        },
        Err(e) => e,
    }
}

/// CPython's `zlib_error`: "Error N while WHAT: MESSAGE".
fn stream_error(vm: &mut Vm, s: &z::z_stream, code: i32, what: &str) -> PyErr {
    let msg = if code == z::Z_VERSION_ERROR {
        Some("library version mismatch".to_string())
    } else if !s.msg.is_null() {
        // SAFETY: zlib sets `msg` to a static NUL-terminated string.
        Some(unsafe { std::ffi::CStr::from_ptr(s.msg) }.to_string_lossy().into_owned())
    } else {
        match code {
            z::Z_BUF_ERROR => Some("incomplete or truncated stream".into()),
            z::Z_STREAM_ERROR => Some("inconsistent stream state".into()),
            z::Z_DATA_ERROR => Some("invalid input data".into()),
            _ => None,
        }
    };
    match msg {
        Some(m) => zlib_error(vm, format!("Error {} while {}: {}", code, what, m)),
        None => zlib_error(vm, format!("Error {} while {}", code, what)),
    }
}

fn deflate_init(vm: &mut Vm, s: &mut z::z_stream, level: i32, method: i32, wbits: i32, memlevel: i32, strategy: i32) -> PyResult<()> {
    // SAFETY: `s` is a zeroed, boxed stream; the version and size are the
    // library's own.
    let r = unsafe {
        z::deflateInit2_(s, level, method, wbits, memlevel, strategy, z::zlibVersion(), std::mem::size_of::<z::z_stream>() as i32)
    };
    match r {
        z::Z_OK => Ok(()),
        z::Z_MEM_ERROR => Err(PyErr::new(ExcKind::MemoryError, "Out of memory while compressing data")),
        z::Z_STREAM_ERROR => Err(zlib_error(vm, "Bad compression level".into())),
        _ => {
            // SAFETY: a failed init leaves nothing to end but `deflateEnd`
            // accepts it.
            unsafe { z::deflateEnd(s) };
            Err(stream_error(vm, s, r, "compressing data"))
        }
    }
}

/// Runs `deflate` (or `inflate`) over `input` until it is consumed and the
/// output is complete (or `max_out` bytes, when not 0); returns the output
/// and zlib's last result.
fn run_stream(s: &mut z::z_stream, input: &[u8], inflate: bool, flush: i32, max_out: usize) -> (Vec<u8>, i32) {
    let mut out: Vec<u8> = Vec::new();
    s.next_in = input.as_ptr() as *mut u8;
    s.avail_in = input.len() as u32;
    loop {
        // The output window doubles the output so far.
        let mut chunk = if out.is_empty() { (input.len() + 64).max(16 * 1024) } else { out.len() };
        chunk = chunk.min(1 << 30);
        if max_out > 0 {
            chunk = chunk.min(max_out - out.len());
        }
        out.reserve(chunk);
        let before = out.len();
        // SAFETY: the output window is `chunk` bytes of the vector's spare
        // capacity; zlib writes at most `avail_out` bytes there.
        unsafe {
            s.next_out = out.as_mut_ptr().add(before);
            s.avail_out = chunk as u32;
        }
        let r = unsafe {
            if inflate {
                z::inflate(s, flush)
            } else {
                z::deflate(s, flush)
            }
        };
        let produced = chunk - s.avail_out as usize;
        // SAFETY: zlib initialised `produced` bytes of the spare capacity.
        unsafe { out.set_len(before + produced) };
        if r == z::Z_STREAM_END || (r != z::Z_OK && r != z::Z_BUF_ERROR) {
            return (out, r);
        }
        if (max_out > 0 && out.len() >= max_out) || s.avail_out != 0 {
            // Full, or zlib had room left: it took all the input it could.
            return (out, r);
        }
    }
}

/// `compress(data, level, wbits)`.
fn compress(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check("compress", 3, 3)?;
    let data = bytes_data(vm, &args.pos[0])?.into_owned();
    let level = arg::c_int(vm, &args.pos[1])?;
    let wbits = arg::c_int(vm, &args.pos[2])?;
    let mut s = new_stream();
    deflate_init(vm, &mut s, level, z::Z_DEFLATED, wbits, 8, z::Z_DEFAULT_STRATEGY)?;
    let (out, r) = run_stream(&mut s, &data, false, z::Z_FINISH, 0);
    let err = (r != z::Z_STREAM_END).then(|| stream_error(vm, &s, r, "compressing data"));
    // SAFETY: initialised above, ended once.
    unsafe { z::deflateEnd(&mut *s) };
    match err {
        Some(e) => Err(e),
        None => Ok(crate::builtins::new_bytes(out)),
    }
}

fn inflate_init(vm: &mut Vm, s: &mut z::z_stream, wbits: i32) -> PyResult<()> {
    // SAFETY: as in `deflate_init`.
    let r = unsafe { z::inflateInit2_(s, wbits, z::zlibVersion(), std::mem::size_of::<z::z_stream>() as i32) };
    match r {
        z::Z_OK => Ok(()),
        z::Z_MEM_ERROR => Err(PyErr::new(ExcKind::MemoryError, "Out of memory while decompressing data")),
        _ => {
            unsafe { z::inflateEnd(s) };
            Err(stream_error(vm, s, r, "preparing to decompress data"))
        }
    }
}

/// `decompress(data, wbits, bufsize)`.
fn decompress(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check("decompress", 3, 3)?;
    let data = bytes_data(vm, &args.pos[0])?.into_owned();
    let wbits = arg::c_int(vm, &args.pos[1])?;
    let bufsize = arg::int(vm, &args.pos[2])?;
    if bufsize < 0 {
        return Err(PyErr::value_error("bufsize must be non-negative"));
    }
    let mut s = new_stream();
    inflate_init(vm, &mut s, wbits)?;
    let (out, r) = run_stream(&mut s, &data, true, z::Z_NO_FLUSH, 0);
    let err = match r {
        z::Z_STREAM_END => None,
        z::Z_OK | z::Z_BUF_ERROR => Some(stream_error(vm, &s, z::Z_BUF_ERROR, "decompressing data")),
        _ => Some(stream_error(vm, &s, r, "decompressing data")),
    };
    // SAFETY: initialised above, ended once.
    unsafe { z::inflateEnd(&mut *s) };
    match err {
        Some(e) => Err(e),
        None => Ok(crate::builtins::new_bytes(out)),
    }
}

fn checksum(
    vm: &mut Vm,
    args: Args,
    name: &str,
    start: u64,
    f: unsafe extern "C" fn(z::uLong, *const u8, z::uInt) -> z::uLong,
) -> PyResult<Value> {
    args.check(name, 1, 2)?;
    let data = bytes_data(vm, &args.pos[0])?.into_owned();
    // (`lib/zlib.py` masks the start value to 32 bits.)
    let mut v = match args.get(1) {
        Some(x) => arg::int(vm, x)? as u64 & 0xffff_ffff,
        None => start,
    };
    for chunk in data.chunks(1 << 30) {
        // SAFETY: reads `chunk.len()` bytes.
        v = unsafe { f(v as z::uLong, chunk.as_ptr(), chunk.len() as z::uInt) } as u64;
    }
    Ok(Value::Int(v as i64))
}

/// `crc32(data[, value])`.
fn crc32(vm: &mut Vm, args: Args) -> PyResult<Value> {
    checksum(vm, args, "crc32", 0, z::crc32)
}

/// `adler32(data[, value])`.
fn adler32(vm: &mut Vm, args: Args) -> PyResult<Value> {
    checksum(vm, args, "adler32", 1, z::adler32)
}

fn with_stream<R>(vm: &mut Vm, h: &Value, f: impl FnOnce(&mut Vm, &mut Stream) -> PyResult<R>) -> PyResult<R> {
    let i = arg::int(vm, h)? as usize;
    let taken = STREAMS.with(|t| t.borrow_mut().get_mut(i).and_then(|s| s.take()));
    let Some(mut s) = taken else {
        return Err(PyErr::value_error("zlib stream already freed"));
    };
    let r = f(vm, &mut s);
    STREAMS.with(|t| t.borrow_mut()[i] = Some(s));
    r
}

/// `dnew(level, method, wbits, memlevel, strategy, zdict)` -> handle.
fn dnew(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check("dnew", 6, 6)?;
    let mut p = [0i32; 5];
    for (i, slot) in p.iter_mut().enumerate() {
        *slot = arg::c_int(vm, &args.pos[i])?;
    }
    let mut s = new_stream();
    // SAFETY: as in `deflate_init`.
    let r = unsafe { z::deflateInit2_(&mut *s, p[0], p[1], p[2], p[3], p[4], z::zlibVersion(), std::mem::size_of::<z::z_stream>() as i32) };
    match r {
        z::Z_OK => {}
        z::Z_MEM_ERROR => return Err(PyErr::new(ExcKind::MemoryError, "Can't allocate memory for compression object")),
        z::Z_STREAM_ERROR => return Err(PyErr::value_error("Invalid initialization option")),
        _ => return Err(stream_error(vm, &s, r, "creating compression object")),
    }
    if !matches!(args.pos[5], Value::None) {
        let d = bytes_data(vm, &args.pos[5])?.into_owned();
        // SAFETY: reads the dictionary's bytes.
        let r = unsafe { z::deflateSetDictionary(&mut *s, d.as_ptr(), d.len() as u32) };
        if r != z::Z_OK {
            unsafe { z::deflateEnd(&mut *s) };
            return Err(PyErr::value_error("Invalid dictionary"));
        }
    }
    Ok(Value::Int(add_stream(Stream::Deflate(s))))
}

/// `dfeed(handle, data, mode)`: compresses `data` with flush `mode`.
fn dfeed(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check("dfeed", 3, 3)?;
    let data = bytes_data(vm, &args.pos[1])?.into_owned();
    let mode = arg::c_int(vm, &args.pos[2])?;
    with_stream(vm, &args.pos[0], |vm, st| {
        let Stream::Deflate(s) = st else { return Err(PyErr::type_error("not a compression stream")) };
        let (out, r) = run_stream(s, &data, false, mode, 0);
        if r != z::Z_OK && r != z::Z_BUF_ERROR && r != z::Z_STREAM_END {
            return Err(stream_error(vm, s, r, if mode == z::Z_NO_FLUSH { "compressing data" } else { "flushing" }));
        }
        Ok(crate::builtins::new_bytes(out))
    })
}

/// `inew(wbits, zdict)` -> handle.
fn inew(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check("inew", 2, 2)?;
    let wbits = arg::c_int(vm, &args.pos[0])?;
    let mut s = new_stream();
    // SAFETY: as in `deflate_init`.
    let r = unsafe { z::inflateInit2_(&mut *s, wbits, z::zlibVersion(), std::mem::size_of::<z::z_stream>() as i32) };
    match r {
        z::Z_OK => {}
        z::Z_MEM_ERROR => return Err(PyErr::new(ExcKind::MemoryError, "Can't allocate memory for decompression object")),
        z::Z_STREAM_ERROR => return Err(PyErr::value_error("Invalid initialization option")),
        _ => return Err(stream_error(vm, &s, r, "creating decompression object")),
    }
    let zdict = match &args.pos[1] {
        Value::None => None,
        v => Some(bytes_data(vm, v)?.into_owned()),
    };
    if let Some(d) = &zdict {
        if wbits < 0 {
            // Raw streams take the dictionary at once (CPython does too).
            // SAFETY: reads the dictionary's bytes.
            let r = unsafe { z::inflateSetDictionary(&mut *s, d.as_ptr(), d.len() as u32) };
            if r != z::Z_OK {
                unsafe { z::inflateEnd(&mut *s) };
                return Err(stream_error(vm, &s, r, "setting zdict"));
            }
        }
    }
    Ok(Value::Int(add_stream(Stream::Inflate(s))))
}

/// `ifeed(handle, data, max_length, flush, zdict)` -> (output, bytes of
/// `data` consumed, end of stream reached).
fn ifeed(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check("ifeed", 5, 5)?;
    let data = bytes_data(vm, &args.pos[1])?.into_owned();
    let max = arg::int(vm, &args.pos[2])?.max(0) as usize;
    let flush = arg::c_int(vm, &args.pos[3])?;
    let zdict = match &args.pos[4] {
        Value::None => None,
        v => Some(bytes_data(vm, v)?.into_owned()),
    };
    with_stream(vm, &args.pos[0], |vm, st| {
        let Stream::Inflate(s) = st else { return Err(PyErr::type_error("not a decompression stream")) };
        let (mut out, mut r) = run_stream(s, &data, true, flush, max);
        if r == z::Z_NEED_DICT {
            let Some(d) = &zdict else { return Err(stream_error(vm, s, r, "decompressing data")) };
            // SAFETY: reads the dictionary's bytes.
            let rr = unsafe { z::inflateSetDictionary(&mut **s, d.as_ptr(), d.len() as u32) };
            if rr != z::Z_OK {
                return Err(stream_error(vm, s, rr, "setting zdict"));
            }
            let consumed = data.len() - s.avail_in as usize;
            let left = if max > 0 { max - out.len() } else { 0 };
            let (more, r2) = run_stream(s, &data[consumed..], true, flush, left);
            out.extend_from_slice(&more);
            r = r2;
        }
        if r != z::Z_OK && r != z::Z_BUF_ERROR && r != z::Z_STREAM_END {
            return Err(stream_error(vm, s, r, "decompressing data"));
        }
        let consumed = data.len() - s.avail_in as usize;
        Ok(Value::tuple(vec![crate::builtins::new_bytes(out), Value::Int(consumed as i64), Value::Bool(r == z::Z_STREAM_END)]))
    })
}

/// `copy(handle)` -> a new handle with the stream's state.
fn copy(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check("copy", 1, 1)?;
    let copied = with_stream(vm, &args.pos[0], |vm, st| {
        let mut dst = new_stream();
        // SAFETY: copies an initialised stream into a zeroed, boxed one.
        let (r, inflate) = match st {
            Stream::Deflate(s) => (unsafe { z::deflateCopy(&mut *dst, &mut **s) }, false),
            Stream::Inflate(s) => (unsafe { z::inflateCopy(&mut *dst, &mut **s) }, true),
        };
        match r {
            z::Z_OK => Ok(if inflate { Stream::Inflate(dst) } else { Stream::Deflate(dst) }),
            z::Z_STREAM_ERROR => Err(PyErr::value_error("Inconsistent stream state")),
            z::Z_MEM_ERROR => Err(PyErr::new(ExcKind::MemoryError, "Can't allocate memory for compression object")),
            _ => Err(stream_error(vm, &dst, r, "copying compression object")),
        }
    })?;
    Ok(Value::Int(add_stream(copied)))
}

/// `free(handle)`.
fn free(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check("free", 1, 1)?;
    let i = arg::int(vm, &args.pos[0])? as usize;
    let s = STREAMS.with(|t| t.borrow_mut().get_mut(i).and_then(|s| s.take()));
    drop(s);
    Ok(Value::None)
}

pub fn make(vm: &mut Vm) -> Value {
    let m = new_module(
        vm,
        "_zlib",
        &[
            ("compress", compress),
            ("decompress", decompress),
            ("crc32", crc32),
            ("adler32", adler32),
            ("dnew", dnew),
            ("dfeed", dfeed),
            ("inew", inew),
            ("ifeed", ifeed),
            ("copy", copy),
            ("free", free),
        ],
    );
    // SAFETY: `zlibVersion` returns a static NUL-terminated string.
    let v = unsafe { std::ffi::CStr::from_ptr(z::zlibVersion()) }.to_string_lossy().into_owned();
    super::set(&m, "ZLIB_RUNTIME_VERSION", Value::string(v));
    m
}
