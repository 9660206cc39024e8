//! The compiled-code cache: the code objects of imported modules (the
//! library modules embedded in the binary and `.py` files), serialized to
//! files in a cache directory so that later runs skip parsing and compiling
//! them, as CPython's `__pycache__` does. `import re` parses and compiles
//! eight modules (~55 ms); loading them from here takes ~2 ms.
//!
//! A file is named by a 128-bit hash of everything the code depends on: the
//! source text, the file name, the `-O` level, the format version and the
//! identity of the running executable (its path, size and modification
//! time), so a rebuilt `spry` never reads code another build wrote, and a
//! changed source is compiled again. Files are written whole under a
//! temporary name and renamed into place (processes running side by side
//! see a complete file or none). Any failure (no cache directory, an
//! unreadable or malformed file) falls back to compiling; a module whose
//! compilation gave warnings is not stored (they are issued each time).
//!
//! Directory: `$SPRY_CACHE_DIR`, else `$XDG_CACHE_HOME/spry`, else
//! `$HOME/.cache/spry`; `SPRY_CACHE_DIR=off` (or empty) disables the cache.
//!
//! The format: a magic line, then the code object. Integers are LEB128
//! (signed ones zigzagged), texts and byte strings length-prefixed,
//! instructions their opcode number (`Instr::DOCS` order) and operands
//! (`Instr::operand_ints`), constants a kind byte and their data.

use std::hash::{Hash, Hasher};
use std::path::PathBuf;
use std::rc::Rc;

use crate::bytecode::{Cache, CodeObj, ExcEntry, Instr, Position};
use crate::objects::{PyRef, StrObj, Value};

const MAGIC: &[u8] = b"SPRYCODE 1\n";

/// The cache directory, or None when the cache is off.
fn dir() -> Option<PathBuf> {
    if let Some(d) = std::env::var_os("SPRY_CACHE_DIR") {
        if d.is_empty() || d == "off" {
            return None;
        }
        return Some(PathBuf::from(d));
    }
    if let Some(x) = std::env::var_os("XDG_CACHE_HOME").filter(|x| !x.is_empty()) {
        return Some(PathBuf::from(x).join("spry"));
    }
    std::env::var_os("HOME").filter(|h| !h.is_empty()).map(|h| PathBuf::from(h).join(".cache").join("spry"))
}

thread_local! {
    /// (path, size, modification time) of the running executable, hashed
    /// into every key; None when it cannot be read (then no cache).
    static EXE: Option<(PathBuf, u64, u128)> = std::env::current_exe().ok().and_then(|p| {
        let m = std::fs::metadata(&p).ok()?;
        let t = m.modified().ok()?.duration_since(std::time::UNIX_EPOCH).ok()?.as_nanos();
        Some((p, m.len(), t))
    });
}

/// The cache file for `source` compiled as `filename`.
fn path_for(source: &str, filename: &str) -> Option<PathBuf> {
    let d = dir()?;
    let exe = EXE.with(|e| e.clone())?;
    let mut parts = [0u64; 2];
    for (i, p) in parts.iter_mut().enumerate() {
        // (SipHash with fixed keys: deterministic for one executable,
        // which is part of the key.)
        let mut h = std::hash::DefaultHasher::new();
        (i as u8, MAGIC, source, filename, super::optimize(), &exe).hash(&mut h);
        *p = h.finish();
    }
    Some(d.join(format!("{:016x}{:016x}.spc", parts[0], parts[1])))
}

/// The code cached for `source` compiled as `filename`, if any.
pub fn load(source: &str, filename: &str) -> Option<PyRef<CodeObj>> {
    let data = std::fs::read(path_for(source, filename)?).ok()?;
    decode(data.strip_prefix(MAGIC)?, filename)
}

/// Stores `code`, compiled from `source` as `filename` (errors ignored:
/// the cache is an optimisation).
pub fn store(source: &str, filename: &str, code: &CodeObj) {
    let Some(path) = path_for(source, filename) else { return };
    let mut w = Writer(MAGIC.to_vec());
    if w.code(code).is_none() {
        return;
    }
    let Some(dir) = path.parent() else { return };
    if std::fs::create_dir_all(dir).is_err() {
        return;
    }
    static COUNTER: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(0);
    let n = COUNTER.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    let tmp = dir.join(format!(".tmp-{}-{}", std::process::id(), n));
    if std::fs::write(&tmp, &w.0).is_err() || std::fs::rename(&tmp, &path).is_err() {
        let _ = std::fs::remove_file(&tmp);
        return;
    }
    prune(dir);
}

/// Keeps the directory from growing without bound (every build of `spry`
/// writes files of its own): past `MAX_FILES` files, the oldest are
/// removed down to half of that.
fn prune(dir: &std::path::Path) {
    const MAX_FILES: usize = 2000;
    let Ok(rd) = std::fs::read_dir(dir) else { return };
    let mut files: Vec<(std::time::SystemTime, PathBuf)> = rd
        .filter_map(|e| e.ok())
        .filter(|e| e.file_name().to_string_lossy().ends_with(".spc"))
        .map(|e| (e.metadata().and_then(|m| m.modified()).unwrap_or(std::time::UNIX_EPOCH), e.path()))
        .collect();
    if files.len() <= MAX_FILES {
        return;
    }
    files.sort();
    for (_, p) in &files[..files.len() - MAX_FILES / 2] {
        let _ = std::fs::remove_file(p);
    }
}

/// Serializes a code object (for `store` and the round-trip tests).
pub fn encode(code: &CodeObj) -> Option<Vec<u8>> {
    let mut w = Writer(Vec::new());
    w.code(code)?;
    Some(w.0)
}

/// The inverse of `encode`, with `filename` as every code object's file.
pub fn decode(data: &[u8], filename: &str) -> Option<PyRef<CodeObj>> {
    let mut r = Reader { b: data, p: 0, filename: Rc::from(filename) };
    let c = r.code()?;
    (r.p == data.len()).then_some(c)
}

// Kinds of constants.
const K_NONE: u8 = 0;
const K_FALSE: u8 = 1;
const K_TRUE: u8 = 2;
const K_INT: u8 = 3;
const K_BIGINT: u8 = 4;
const K_FLOAT: u8 = 5;
const K_COMPLEX: u8 = 6;
const K_STR: u8 = 7;
const K_BYTES: u8 = 8;
const K_TUPLE: u8 = 9;
const K_CODE: u8 = 10;
const K_ELLIPSIS: u8 = 11;

struct Writer(Vec<u8>);

impl Writer {
    fn u(&mut self, mut v: u64) {
        loop {
            let b = (v & 0x7f) as u8;
            v >>= 7;
            if v == 0 {
                self.0.push(b);
                return;
            }
            self.0.push(b | 0x80);
        }
    }
    fn i(&mut self, v: i64) {
        self.u(((v << 1) ^ (v >> 63)) as u64);
    }
    fn bytes(&mut self, b: &[u8]) {
        self.u(b.len() as u64);
        self.0.extend_from_slice(b);
    }
    fn str(&mut self, s: &str) {
        self.bytes(s.as_bytes());
    }

    fn code(&mut self, c: &CodeObj) -> Option<()> {
        self.str(&c.name);
        self.str(&c.qualname);
        self.u(c.firstlineno as u64);
        self.u(c.instrs.len() as u64);
        for ins in c.instrs.iter() {
            let op = Instr::DOCS.iter().position(|(n, _)| *n == ins.name())?;
            self.u(op as u64);
            for v in ins.operand_ints() {
                self.i(v);
            }
        }
        // (One line and one position per instruction.)
        if c.lines.len() != c.instrs.len() || c.positions.len() != c.instrs.len() {
            return None;
        }
        for l in c.lines.iter() {
            self.u(*l as u64);
        }
        for p in c.positions.iter() {
            self.u(p.end_line_delta as u64);
            self.u(p.col as u64);
            self.u(p.end_col as u64);
        }
        self.u(c.consts.len() as u64);
        for k in c.consts.iter() {
            self.value(k)?;
        }
        self.u(c.names.len() as u64);
        for n in c.names.iter() {
            self.str(n.as_str());
        }
        for v in [c.nregs, c.argcount, c.posonlyargcount, c.kwonlyargcount] {
            self.u(v as u64);
        }
        self.u(c.flags as u64);
        self.u(c.varnames.len() as u64);
        for v in c.varnames.iter() {
            self.str(v);
        }
        for vars in [&c.cellvars, &c.freevars] {
            self.u(vars.len() as u64);
            for (n, r) in vars.iter() {
                self.str(n);
                self.u(*r as u64);
            }
        }
        self.u(c.exc_table.len() as u64);
        for e in c.exc_table.iter() {
            self.u(e.start as u64);
            self.u(e.end as u64);
            self.u(e.handler as u64);
            self.u(e.exc_reg as u64);
        }
        self.value(&c.docstring)?;
        self.u(c.loop_counters.len() as u64);
        Some(())
    }

    fn value(&mut self, v: &Value) -> Option<()> {
        match v {
            Value::None => self.0.push(K_NONE),
            Value::Bool(false) => self.0.push(K_FALSE),
            Value::Bool(true) => self.0.push(K_TRUE),
            Value::Int(i) => {
                self.0.push(K_INT);
                self.i(*i);
            }
            Value::BigInt(b) => {
                self.0.push(K_BIGINT);
                self.bytes(&b.to_signed_bytes_le());
            }
            Value::Float(f) => {
                self.0.push(K_FLOAT);
                self.0.extend_from_slice(&f.to_bits().to_le_bytes());
            }
            Value::Complex(c) => {
                self.0.push(K_COMPLEX);
                self.0.extend_from_slice(&c.re.to_bits().to_le_bytes());
                self.0.extend_from_slice(&c.im.to_bits().to_le_bytes());
            }
            Value::Str(s) => {
                self.0.push(K_STR);
                self.str(s.as_str());
            }
            Value::Bytes(b) => {
                self.0.push(K_BYTES);
                self.bytes(&b.data);
            }
            Value::Tuple(t) => {
                self.0.push(K_TUPLE);
                self.u(t.len() as u64);
                for x in t.as_slice() {
                    self.value(x)?;
                }
            }
            Value::Code(c) => {
                self.0.push(K_CODE);
                self.code(c)?;
            }
            Value::Ellipsis => self.0.push(K_ELLIPSIS),
            _ => return None,
        }
        Some(())
    }
}

struct Reader<'a> {
    b: &'a [u8],
    p: usize,
    filename: Rc<str>,
}

impl Reader<'_> {
    fn byte(&mut self) -> Option<u8> {
        let b = *self.b.get(self.p)?;
        self.p += 1;
        Some(b)
    }
    fn u(&mut self) -> Option<u64> {
        let mut v = 0u64;
        let mut shift = 0;
        loop {
            let b = self.byte()?;
            if shift > 63 {
                return None;
            }
            v |= ((b & 0x7f) as u64) << shift;
            if b & 0x80 == 0 {
                return Some(v);
            }
            shift += 7;
        }
    }
    fn i(&mut self) -> Option<i64> {
        let u = self.u()?;
        Some(((u >> 1) as i64) ^ -((u & 1) as i64))
    }
    fn n<T: TryFrom<u64>>(&mut self) -> Option<T> {
        T::try_from(self.u()?).ok()
    }
    fn bytes(&mut self) -> Option<&[u8]> {
        let n: usize = self.n()?;
        let s = self.b.get(self.p..self.p.checked_add(n)?)?;
        self.p += n;
        Some(s)
    }
    fn str(&mut self) -> Option<&str> {
        std::str::from_utf8(self.bytes()?).ok()
    }
    fn u64_le(&mut self) -> Option<u64> {
        let s = self.b.get(self.p..self.p + 8)?;
        self.p += 8;
        Some(u64::from_le_bytes(s.try_into().ok()?))
    }
    /// A count of items that each take at least one byte (a bound that
    /// keeps a malformed count from allocating much).
    fn count(&mut self) -> Option<usize> {
        let n: usize = self.n()?;
        (n <= self.b.len() - self.p).then_some(n)
    }

    fn code(&mut self) -> Option<PyRef<CodeObj>> {
        let name = self.str()?.to_string();
        let qualname = self.str()?.to_string();
        let firstlineno = self.n()?;
        let n = self.count()?;
        let mut instrs = Vec::with_capacity(n);
        for _ in 0..n {
            let op: usize = self.n()?;
            instrs.push(Instr::from_ints(op, &mut || self.i())?);
        }
        let mut lines = Vec::with_capacity(n);
        for _ in 0..n {
            lines.push(self.n()?);
        }
        let mut positions = Vec::with_capacity(n);
        for _ in 0..n {
            positions.push(Position { end_line_delta: self.n()?, col: self.n()?, end_col: self.n()? });
        }
        let nk = self.count()?;
        let mut consts = Vec::with_capacity(nk);
        for _ in 0..nk {
            consts.push(self.value()?);
        }
        let nn = self.count()?;
        let mut names: Vec<PyRef<StrObj>> = Vec::with_capacity(nn);
        for _ in 0..nn {
            names.push(crate::objects::str::intern(self.str()?));
        }
        let (nregs, argcount, posonlyargcount, kwonlyargcount) = (self.n()?, self.n()?, self.n()?, self.n()?);
        let flags = self.n()?;
        let nv = self.count()?;
        let mut varnames = Vec::with_capacity(nv);
        for _ in 0..nv {
            varnames.push(self.str()?.to_string());
        }
        let mut vars: [Vec<(String, crate::bytecode::Reg)>; 2] = [Vec::new(), Vec::new()];
        for v in vars.iter_mut() {
            for _ in 0..self.count()? {
                let name = self.str()?.to_string();
                v.push((name, self.n()?));
            }
        }
        let [cellvars, freevars] = vars;
        let ne = self.count()?;
        let mut exc_table = Vec::with_capacity(ne);
        for _ in 0..ne {
            exc_table.push(ExcEntry { start: self.n()?, end: self.n()?, handler: self.n()?, exc_reg: self.n()? });
        }
        let docstring = self.value()?;
        let nloops: usize = self.n()?;
        if nloops > u16::MAX as usize + 1 {
            return None;
        }
        // Operands the interpreter indexes with: registers within the
        // window, constants, names and targets within their tables (so a
        // damaged file cannot make it read outside them).
        if !instrs.iter().all(|i| operands_in_range(i, nregs, consts.len(), names.len(), n)) {
            return None;
        }
        Some(PyRef::new(CodeObj {
            name,
            qualname,
            filename: self.filename.clone(),
            firstlineno,
            instrs: instrs.into_boxed_slice(),
            lines: lines.into_boxed_slice(),
            positions: positions.into_boxed_slice(),
            consts: consts.into_boxed_slice(),
            names: names.into_boxed_slice(),
            nregs,
            argcount,
            posonlyargcount,
            kwonlyargcount,
            flags,
            varnames: varnames.into_boxed_slice(),
            cellvars: cellvars.into_boxed_slice(),
            freevars: freevars.into_boxed_slice(),
            exc_table: exc_table.into_boxed_slice(),
            docstring,
            caches: std::cell::UnsafeCell::new(vec![Cache::default(); n].into_boxed_slice()),
            loop_counters: (0..nloops).map(|_| std::cell::Cell::new(0)).collect(),
            entry_count: std::cell::Cell::new(0),
            jit_fn: std::cell::Cell::new(0),
            jit_entry: std::cell::Cell::new(0),
            builtin_frame: std::cell::Cell::new(false),
        }))
    }

    fn value(&mut self) -> Option<Value> {
        Some(match self.byte()? {
            K_NONE => Value::None,
            K_FALSE => Value::Bool(false),
            K_TRUE => Value::Bool(true),
            K_INT => Value::Int(self.i()?),
            K_BIGINT => Value::from_bigint(num_bigint::BigInt::from_signed_bytes_le(self.bytes()?)),
            K_FLOAT => Value::Float(f64::from_bits(self.u64_le()?)),
            K_COMPLEX => {
                let (re, im) = (f64::from_bits(self.u64_le()?), f64::from_bits(self.u64_le()?));
                Value::Complex(PyRef::new(crate::objects::ComplexObj { re, im }))
            }
            // (As the compiler makes them: `Value::str`.)
            K_STR => Value::str(self.str()?),
            K_BYTES => Value::Bytes(PyRef::new(crate::objects::BytesObj { data: self.bytes()?.into() })),
            K_TUPLE => {
                let n = self.count()?;
                let mut items = Vec::with_capacity(n);
                for _ in 0..n {
                    items.push(self.value()?);
                }
                Value::tuple(items)
            }
            K_CODE => Value::Code(self.code()?),
            K_ELLIPSIS => Value::Ellipsis,
            _ => return None,
        })
    }
}

/// Whether every operand of `ins` indexes what it names: a register below
/// `nregs` (ranges of registers are checked by the instructions that use
/// them, as for compiled code), a constant, a name, a jump target.
fn operands_in_range(ins: &Instr, nregs: u16, nconsts: usize, nnames: usize, ninstrs: usize) -> bool {
    use crate::bytecode::Operand;
    ins.all_operands(|o| match o {
        Operand::Reg(r) => r <= nregs,
        Operand::Const(k) => (k as usize) < nconsts,
        Operand::Name(n) => (n as usize) < nnames,
        Operand::Target(t) => (t as usize) <= ninstrs,
        _ => true,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::bytecode::{BinOp, CmpOp, OperandInt};

    #[test]
    fn operator_codes_round_trip() {
        for i in 0..=BinOp::MatMul as i64 {
            assert_eq!(BinOp::from_int(i).map(|b| b.to_int()), Some(i));
        }
        assert!(BinOp::from_int(BinOp::MatMul as i64 + 1).is_none());
        for i in 0..=CmpOp::NotIn as i64 {
            assert_eq!(CmpOp::from_int(i).map(|c| c.to_int()), Some(i));
        }
        assert!(CmpOp::from_int(-1).is_none());
    }

    /// Every library module embedded in the binary: decoding its encoded
    /// code and encoding that again gives the same bytes (every field the
    /// format holds survives), and the disassembly is the same.
    #[test]
    fn library_modules_round_trip() {
        let mut n = 0;
        for m in crate::modules::PY_MODULES.iter() {
            let filename = format!("<frozen {}>", m.name);
            let code = crate::frontend::compile(m.source, &filename, crate::compiler::Mode::Exec)
                .unwrap_or_else(|e| panic!("{} does not compile: {:?}", m.name, e.msg));
            let bytes = encode(&code).unwrap_or_else(|| panic!("{} has a constant the cache cannot hold", m.name));
            let back = decode(&bytes, &filename).unwrap_or_else(|| panic!("{} does not decode", m.name));
            assert_eq!(encode(&back).as_deref(), Some(&bytes[..]), "{}", m.name);
            let (mut a, mut b) = (String::new(), String::new());
            crate::bytecode::disassemble(&code, &mut a);
            crate::bytecode::disassemble(&back, &mut b);
            assert_eq!(a, b, "{}", m.name);
            assert_eq!(&*back.filename, filename.as_str());
            // A truncated or corrupted file is refused, not trusted.
            assert!(decode(&bytes[..bytes.len() - 1], &filename).is_none(), "{}", m.name);
            n += 1;
        }
        assert!(n > 20, "only {} library modules", n);
    }

    #[test]
    fn malformed_input_is_refused() {
        let code =
            crate::frontend::compile("def f(x):\n    return x + 1\nprint(f(2))\n", "t.py", crate::compiler::Mode::Exec).ok().unwrap();
        let bytes = encode(&code).unwrap();
        // Every single-byte change either decodes to a checked code object
        // or is refused; none panics.
        for i in 0..bytes.len() {
            for x in [0u8, 1, 0x7f, 0x80, 0xff] {
                let mut b = bytes.clone();
                b[i] = x;
                let _ = decode(&b, "t.py");
            }
        }
        assert!(decode(&[], "t.py").is_none());
        assert!(decode(&[0xff; 64], "t.py").is_none());
    }
}
