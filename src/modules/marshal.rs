//! `_spry_marshal`: CPython's marshal format (version 4) for the values
//! marshal handles but code objects — None, bools, ints, floats, complex
//! numbers, str, bytes, tuples, lists, dicts, sets, frozensets,
//! StopIteration, Ellipsis (exact types only, as CPython's). `lib/marshal.py`
//! is the module (`dump`/`load` on files). In Rust because `multiprocessing`
//! sends its tasks and results through it (a pure-Python codec made a pool
//! ten times slower than running the work in one process).
//!
//! `dumps` marks every list, dict and set as a reference target
//! (`FLAG_REF`) and writes later occurrences of the same object as
//! references, so shared and self-containing containers come back as they
//! were; CPython marks by reference count, so its bytes differ, but each
//! reads the other's.

use num_bigint::{BigInt, Sign};

use super::new_module;
use crate::objects::*;
use crate::vm::{Args, PyErr, PyResult, Vm};

const FLAG_REF: u8 = 0x80;
/// CPython's `MAX_MARSHAL_STACK_DEPTH`.
const MAX_DEPTH: usize = 2000;

struct Writer {
    out: Vec<u8>,
    version: i64,
    /// Containers written with `FLAG_REF`, by address: their ref index.
    refs: std::collections::HashMap<usize, u32>,
    depth: usize,
}

fn unmarshallable() -> PyErr {
    PyErr::value_error("unmarshallable object")
}

impl Writer {
    fn int32(&mut self, n: i32) {
        self.out.extend_from_slice(&n.to_le_bytes());
    }

    fn len32(&mut self, n: usize) -> PyResult<()> {
        if n > i32::MAX as usize {
            return Err(unmarshallable());
        }
        self.int32(n as i32);
        Ok(())
    }

    fn big(&mut self, b: &BigInt) {
        // 15-bit digits, least significant first; the count's sign is the
        // number's.
        let (sign, mut mag) = (b.sign(), b.magnitude().clone());
        let mut digits = Vec::new();
        let mask = num_bigint::BigUint::from(0x7fffu32);
        while mag.bits() > 0 {
            let d = (&mag & &mask).to_u32_digits().first().copied().unwrap_or(0);
            digits.push(d as u16);
            mag >>= 15;
        }
        self.out.push(b'l');
        let n = digits.len() as i32;
        self.int32(if sign == Sign::Minus { -n } else { n });
        for d in digits {
            self.out.extend_from_slice(&d.to_le_bytes());
        }
    }

    /// A container seen before: a reference to it. Otherwise its type
    /// byte is written with `FLAG_REF` and it is recorded.
    fn container(&mut self, addr: usize, code: u8) -> bool {
        if self.version < 3 {
            self.out.push(code);
            return false;
        }
        if let Some(&i) = self.refs.get(&addr) {
            self.out.push(b'r');
            self.int32(i as i32);
            return true;
        }
        let i = self.refs.len() as u32;
        self.refs.insert(addr, i);
        self.out.push(code | FLAG_REF);
        false
    }

    fn dump(&mut self, vm: &mut Vm, v: &Value) -> PyResult<()> {
        self.depth += 1;
        if self.depth > MAX_DEPTH {
            return Err(PyErr::value_error("object too deeply nested to marshal"));
        }
        match v {
            Value::None => self.out.push(b'N'),
            Value::Bool(false) => self.out.push(b'F'),
            Value::Bool(true) => self.out.push(b'T'),
            Value::Ellipsis => self.out.push(b'.'),
            Value::Class(c) if PyRef::ptr_eq(c, &vm.types.exc[crate::vm::ExcKind::StopIteration as usize]) => self.out.push(b'S'),
            Value::Int(i) => match i32::try_from(*i) {
                Ok(n) => {
                    self.out.push(b'i');
                    self.int32(n);
                }
                Err(_) => self.big(&BigInt::from(*i)),
            },
            Value::BigInt(b) => self.big(b),
            Value::Float(f) => {
                if self.version > 1 {
                    self.out.push(b'g');
                    self.out.extend_from_slice(&f.to_le_bytes());
                } else {
                    let s = crate::objects::float::repr(*f);
                    self.out.push(b'f');
                    self.out.push(s.len() as u8);
                    self.out.extend_from_slice(s.as_bytes());
                }
            }
            Value::Complex(c) => {
                self.out.push(b'y');
                self.out.extend_from_slice(&c.re.to_le_bytes());
                self.out.extend_from_slice(&c.im.to_le_bytes());
            }
            Value::Str(s) => {
                if s.is_ascii() && self.version >= 4 {
                    let b = s.as_str().as_bytes();
                    if b.len() < 256 {
                        self.out.push(b'z');
                        self.out.push(b.len() as u8);
                    } else {
                        self.out.push(b'a');
                        self.len32(b.len())?;
                    }
                    self.out.extend_from_slice(b);
                } else {
                    let data: Vec<u8> = if s.has_surrogates() {
                        let e = vm.call_method(v, "encode", &[Value::str("utf-8"), Value::str("surrogatepass")])?;
                        match e {
                            Value::Bytes(b) => b.data.to_vec(),
                            _ => return Err(unmarshallable()),
                        }
                    } else {
                        s.as_str().as_bytes().to_vec()
                    };
                    self.out.push(b'u');
                    self.len32(data.len())?;
                    self.out.extend_from_slice(&data);
                }
            }
            Value::Bytes(b) => {
                self.out.push(b's');
                self.len32(b.data.len())?;
                self.out.extend_from_slice(&b.data);
            }
            Value::ByteArray(b) => {
                let data = b.data.borrow().clone();
                self.out.push(b's');
                self.len32(data.len())?;
                self.out.extend_from_slice(&data);
            }
            Value::Tuple(t) => {
                let items = t.as_slice();
                if items.len() < 256 && self.version >= 4 {
                    self.out.push(b')');
                    self.out.push(items.len() as u8);
                } else {
                    self.out.push(b'(');
                    self.len32(items.len())?;
                }
                for x in items {
                    self.dump(vm, x)?;
                }
            }
            Value::List(l) => {
                if !self.container(l.as_ptr() as usize, b'[') {
                    let items = l.with_slice(|s| s.to_vec());
                    self.len32(items.len())?;
                    for x in &items {
                        self.dump(vm, x)?;
                    }
                }
            }
            Value::Dict(d) => {
                if !self.container(d.as_ptr() as usize, b'{') {
                    for (k, x) in d.items() {
                        self.dump(vm, &k)?;
                        self.dump(vm, &x)?;
                    }
                    self.out.push(b'0');
                }
            }
            Value::Set(s) | Value::FrozenSet(s) => {
                let code = if matches!(v, Value::Set(_)) { b'<' } else { b'>' };
                if !self.container(s.as_ptr() as usize, code) {
                    let keys = s.keys();
                    self.len32(keys.len())?;
                    for k in &keys {
                        self.dump(vm, k)?;
                    }
                }
            }
            _ => return Err(unmarshallable()),
        }
        self.depth -= 1;
        Ok(())
    }
}

struct Reader<'a> {
    data: &'a [u8],
    pos: usize,
    /// Values read with `FLAG_REF` (None while one is being built).
    refs: Vec<Option<Value>>,
    depth: usize,
}

fn bad(what: &str) -> PyErr {
    PyErr::value_error(format!("bad marshal data ({})", what))
}

fn short() -> PyErr {
    PyErr::new(crate::vm::ExcKind::EOFError, "marshal data too short")
}

impl Reader<'_> {
    fn take(&mut self, n: usize) -> PyResult<&[u8]> {
        if self.data.len() - self.pos < n {
            return Err(short());
        }
        let s = &self.data[self.pos..self.pos + n];
        self.pos += n;
        Ok(s)
    }

    fn byte(&mut self) -> PyResult<u8> {
        Ok(self.take(1)?[0])
    }

    fn int32(&mut self) -> PyResult<i32> {
        let b = self.take(4)?;
        Ok(i32::from_le_bytes([b[0], b[1], b[2], b[3]]))
    }

    fn size(&mut self, what: &str) -> PyResult<usize> {
        let n = self.int32()?;
        if n < 0 {
            return Err(bad(&format!("{} size out of range", what)));
        }
        Ok(n as usize)
    }

    fn f64(&mut self) -> PyResult<f64> {
        let b = self.take(8)?;
        Ok(f64::from_le_bytes(b.try_into().expect("8 bytes")))
    }

    fn text_float(&mut self) -> PyResult<f64> {
        let n = self.byte()? as usize;
        let s = std::str::from_utf8(self.take(n)?).map_err(|_| bad("float"))?;
        s.trim().parse::<f64>().map_err(|_| bad("float"))
    }

    fn text(&mut self, vm: &mut Vm, n: usize) -> PyResult<Value> {
        let b = self.take(n)?;
        match std::str::from_utf8(b) {
            Ok(s) => Ok(Value::str(s)),
            Err(_) => {
                let bytes = Value::Bytes(PyRef::new(BytesObj { data: b.to_vec().into_boxed_slice() }));
                vm.call_method(&bytes, "decode", &[Value::str("utf-8"), Value::str("surrogatepass")])
            }
        }
    }

    fn load(&mut self, vm: &mut Vm) -> PyResult<Value> {
        if self.pos >= self.data.len() {
            return Err(PyErr::new(crate::vm::ExcKind::EOFError, "EOF read where object expected"));
        }
        self.depth += 1;
        if self.depth > MAX_DEPTH {
            return Err(PyErr::value_error("recursion limit exceeded"));
        }
        let code = self.byte()?;
        let flag = code & FLAG_REF != 0;
        let slot = if flag {
            self.refs.push(None);
            Some(self.refs.len() - 1)
        } else {
            None
        };
        let v = match code & !FLAG_REF {
            b'N' => Value::None,
            b'F' => Value::Bool(false),
            b'T' => Value::Bool(true),
            b'.' => Value::Ellipsis,
            b'S' => Value::Class(vm.types.exc[crate::vm::ExcKind::StopIteration as usize].clone()),
            b'i' => Value::Int(self.int32()? as i64),
            b'l' => {
                let n = self.int32()?;
                let mut mag = num_bigint::BigUint::default();
                for i in 0..n.unsigned_abs() as usize {
                    let b = self.take(2)?;
                    let d = u16::from_le_bytes([b[0], b[1]]);
                    if d > 0x7fff {
                        return Err(bad("digit out of range in long"));
                    }
                    mag |= num_bigint::BigUint::from(d) << (15 * i);
                }
                let b = BigInt::from_biguint(if n < 0 { Sign::Minus } else { Sign::Plus }, mag);
                crate::objects::int::normalize(b)
            }
            b'g' => Value::Float(self.f64()?),
            b'f' => Value::Float(self.text_float()?),
            b'y' => {
                let (re, im) = (self.f64()?, self.f64()?);
                Value::Complex(PyRef::new(ComplexObj { re, im }))
            }
            b'x' => {
                let (re, im) = (self.text_float()?, self.text_float()?);
                Value::Complex(PyRef::new(ComplexObj { re, im }))
            }
            b'z' | b'Z' => {
                let n = self.byte()? as usize;
                self.text(vm, n)?
            }
            b'a' | b'A' | b'u' | b't' => {
                let n = self.size("string")?;
                self.text(vm, n)?
            }
            b's' => {
                let n = self.size("bytes object")?;
                let b = self.take(n)?.to_vec();
                Value::Bytes(PyRef::new(BytesObj { data: b.into_boxed_slice() }))
            }
            b')' => {
                let n = self.byte()? as usize;
                let items = (0..n).map(|_| self.load(vm)).collect::<PyResult<Vec<_>>>()?;
                Value::tuple(items)
            }
            b'(' => {
                let n = self.size("tuple")?;
                let items = (0..n).map(|_| self.load(vm)).collect::<PyResult<Vec<_>>>()?;
                Value::tuple(items)
            }
            b'[' => {
                let n = self.size("list")?;
                let l = ListObj::new(Vec::new());
                if let Some(i) = slot {
                    self.refs[i] = Some(Value::List(l.clone()));
                }
                for _ in 0..n {
                    let x = self.load(vm)?;
                    l.with_vec(|v| v.push(x));
                }
                Value::List(l)
            }
            b'{' => {
                let d = DictObj::new();
                if let Some(i) = slot {
                    self.refs[i] = Some(Value::Dict(d.clone()));
                }
                loop {
                    if self.pos < self.data.len() && self.data[self.pos] == b'0' {
                        self.pos += 1;
                        break;
                    }
                    let k = self.load(vm)?;
                    let x = self.load(vm)?;
                    vm.dict_set(&d, k, x)?;
                }
                Value::Dict(d)
            }
            b'<' | b'>' => {
                let n = self.size("set")?;
                let s = SetObj::new();
                let frozen = code & !FLAG_REF == b'>';
                let v = if frozen { Value::FrozenSet(s.clone()) } else { Value::Set(s.clone()) };
                if let Some(i) = slot {
                    self.refs[i] = Some(v.clone());
                }
                for _ in 0..n {
                    let k = self.load(vm)?;
                    vm.set_add(&s, k)?;
                }
                v
            }
            b'r' => {
                let i = self.int32()?;
                match usize::try_from(i).ok().and_then(|i| self.refs.get(i)) {
                    Some(Some(v)) => v.clone(),
                    _ => return Err(bad("invalid reference")),
                }
            }
            b'c' => return Err(bad("code objects are not supported by Spry")),
            _ => return Err(bad("unknown type code")),
        };
        if let Some(i) = slot {
            self.refs[i] = Some(v.clone());
        }
        self.depth -= 1;
        Ok(v)
    }
}

/// `dumps(value, version=4, /)`.
fn dumps(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.no_kwargs("dumps")?;
    crate::builtins::arg::positional(&args, "dumps", 1, 2)?;
    let version = match args.get(1) {
        Some(v) => crate::builtins::arg::int(vm, v)?,
        None => 4,
    };
    let mut w = Writer { out: Vec::new(), version, refs: Default::default(), depth: 0 };
    w.dump(vm, &args.pos[0])?;
    Ok(Value::Bytes(PyRef::new(BytesObj { data: w.out.into_boxed_slice() })))
}

/// `loads(bytes, /)`.
fn loads(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.no_kwargs("loads")?;
    crate::builtins::arg::positional(&args, "loads", 1, 1)?;
    let Some(data) = crate::builtins::types_bytes::bytes_like(vm, &args.pos[0]) else {
        return Err(PyErr::type_error(format!("a bytes-like object is required, not '{}'", vm.type_name(&args.pos[0]))));
    };
    let data = data.into_owned();
    let mut r = Reader { data: &data, pos: 0, refs: Vec::new(), depth: 0 };
    r.load(vm)
}

/// `_loads_prefix(data)`: the first value in `data` and how many bytes it
/// took (`marshal.load` on a file).
fn loads_prefix(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let Some(data) = args.get(0).and_then(|v| crate::builtins::types_bytes::bytes_like(vm, v)) else {
        return Err(PyErr::type_error("a bytes-like object is required"));
    };
    let data = data.into_owned();
    let mut r = Reader { data: &data, pos: 0, refs: Vec::new(), depth: 0 };
    let v = r.load(vm)?;
    Ok(Value::tuple(vec![v, Value::Int(r.pos as i64)]))
}

pub fn make(vm: &mut Vm) -> Value {
    new_module(vm, "_spry_marshal", &[("dumps", dumps), ("loads", loads), ("_loads_prefix", loads_prefix)])
}
