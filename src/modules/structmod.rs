//! `_struct`: `pack`/`unpack`/`calcsize`/`pack_into`/`unpack_from`/
//! `iter_unpack` with CPython's format rules (native `@` sizes and
//! alignment, standard `=<>!` sizes) and its error messages; `lib/struct.py`
//! adds the `Struct` class.

use num_bigint::BigInt;

use super::new_module;
use crate::builtins::arg;
use crate::objects::*;
use crate::vm::{Args, ExcKind, PyErr, PyResult, Vm};

#[derive(Clone, Copy, PartialEq)]
enum Order {
    Native,
    Little,
    Big,
}

struct Item {
    code: u8,
    /// Repeat count (for `s`/`p`: the length).
    count: usize,
    size: usize,
    offset: usize,
}

struct Layout {
    items: Vec<Item>,
    size: usize,
    order: Order,
    native: bool,
    /// Values consumed by pack / produced by unpack.
    nvalues: usize,
}

fn struct_error(vm: &mut Vm, msg: impl Into<String>) -> PyErr {
    let msg = msg.into();
    let cls = vm.import_module("struct").and_then(|m| vm.get_attr(&m, "error"));
    match cls {
        Ok(c) => match vm.call_function(&c, &[Value::string(msg.clone())]) {
            Ok(e) => PyErr::from_value(e, vec![]),
            Err(e) => e,
        },
        Err(_) => PyErr::value_error(msg),
    }
}

fn item_size(code: u8, native: bool) -> Option<usize> {
    Some(match code {
        b'x' | b'c' | b'b' | b'B' | b'?' | b's' | b'p' => 1,
        b'h' | b'H' | b'e' => 2,
        b'i' | b'I' | b'f' => 4,
        b'l' | b'L' => {
            if native {
                8
            } else {
                4
            }
        }
        b'q' | b'Q' | b'd' => 8,
        b'n' | b'N' | b'P' if native => 8,
        _ => return None,
    })
}

fn parse(vm: &mut Vm, fmt: &str) -> PyResult<Layout> {
    let bytes = fmt.as_bytes();
    let (order, native, mut i) = match bytes.first() {
        Some(b'@') => (Order::Native, true, 1),
        Some(b'=') => (Order::Little, false, 1),
        Some(b'<') => (Order::Little, false, 1),
        Some(b'>') | Some(b'!') => (Order::Big, false, 1),
        _ => (Order::Native, true, 0),
    };
    let mut items = Vec::new();
    let mut size = 0usize;
    let mut nvalues = 0usize;
    while i < bytes.len() {
        let c = bytes[i];
        if c.is_ascii_whitespace() {
            i += 1;
            continue;
        }
        let mut count = 1usize;
        if c.is_ascii_digit() {
            let mut n: usize = 0;
            while i < bytes.len() && bytes[i].is_ascii_digit() {
                n = n
                    .checked_mul(10)
                    .and_then(|n| n.checked_add((bytes[i] - b'0') as usize))
                    .ok_or_else(|| struct_error(vm, "total struct size too long"))?;
                i += 1;
            }
            if i >= bytes.len() {
                return Err(struct_error(vm, "repeat count given without format specifier"));
            }
            count = n;
        }
        let code = bytes[i];
        i += 1;
        let Some(isize_) = item_size(code, native) else {
            return Err(struct_error(vm, "bad char in struct format"));
        };
        if native && !matches!(code, b's' | b'p' | b'x' | b'c' | b'b' | b'B' | b'?') {
            // Native alignment.
            size = size.div_ceil(isize_) * isize_;
        }
        let total = if matches!(code, b's' | b'p') {
            count
        } else {
            isize_.checked_mul(count).ok_or_else(|| struct_error(vm, "total struct size too long"))?
        };
        items.push(Item { code, count, size: isize_, offset: size });
        size = size.checked_add(total).ok_or_else(|| struct_error(vm, "total struct size too long"))?;
        nvalues += match code {
            b'x' => 0,
            b's' | b'p' => 1,
            _ => count,
        };
    }
    Ok(Layout { items, size, order, native, nvalues })
}

fn fmt_arg(vm: &mut Vm, v: &Value) -> PyResult<String> {
    match v {
        Value::Str(s) => Ok(s.as_str().to_string()),
        Value::Bytes(b) => Ok(String::from_utf8_lossy(&b.data).into_owned()),
        other => Err(PyErr::type_error(format!("Struct() argument 1 must be a str or bytes object, not {}", vm.type_name(other)))),
    }
}

fn put_int(out: &mut [u8], v: u64, size: usize, order: Order) {
    let le = v.to_le_bytes();
    match order {
        Order::Big => {
            for k in 0..size {
                out[k] = le[size - 1 - k];
            }
        }
        _ => out[..size].copy_from_slice(&le[..size]),
    }
}

fn get_int(data: &[u8], size: usize, order: Order) -> u64 {
    let mut le = [0u8; 8];
    match order {
        Order::Big => {
            for k in 0..size {
                le[k] = data[size - 1 - k];
            }
        }
        _ => le[..size].copy_from_slice(&data[..size]),
    }
    u64::from_le_bytes(le)
}

fn int_value(vm: &mut Vm, v: &Value) -> PyResult<Option<BigInt>> {
    match v {
        Value::Int(i) => Ok(Some(BigInt::from(*i))),
        Value::Bool(b) => Ok(Some(BigInt::from(*b as i64))),
        Value::BigInt(b) => Ok(Some((**b).clone())),
        Value::Float(_) => Ok(None),
        other => match vm.index_value(other)? {
            Some(i) => Ok(int::to_big(&i)),
            None => Ok(None),
        },
    }
}

fn range_error(vm: &mut Vm, code: u8, size: usize, signed: bool) -> PyErr {
    let msg = match code {
        b'b' => "byte format requires -128 <= number <= 127".to_string(),
        b'B' => "ubyte format requires 0 <= number <= 255".to_string(),
        b'h' => "short format requires -32768 <= number <= 32767".to_string(),
        b'H' => "ushort format requires 0 <= number <= 65535".to_string(),
        _ if size >= 8 => "argument out of range".to_string(),
        _ if signed => {
            let max = (1i128 << (size * 8 - 1)) - 1;
            format!("'{}' format requires {} <= number <= {}", code as char, -max - 1, max)
        }
        _ => format!("'{}' format requires 0 <= number <= {}", code as char, (1u128 << (size * 8)) - 1),
    };
    struct_error(vm, msg)
}

/// f64 to IEEE half precision, rounding to nearest even.
fn f64_to_half(x: f64) -> Option<u16> {
    let sign: u16 = if x.is_sign_negative() { 0x8000 } else { 0 };
    if x.is_nan() {
        return Some(sign | 0x7e00);
    }
    let a = x.abs();
    if a.is_infinite() {
        return Some(sign | 0x7c00);
    }
    if a == 0.0 {
        return Some(sign);
    }
    // Scale to units of the smallest subnormal (2^-24), round half even.
    let (e, m) = {
        let e = a.log2().floor() as i32;
        (e, a)
    };
    if e < -14 {
        // Subnormal (or rounds up to the smallest normal).
        let units = m * 2f64.powi(24);
        let r = round_half_even(units);
        if r >= 1024.0 {
            return Some(sign | 0x0400);
        }
        return Some(sign | r as u16);
    }
    let mut exp = e;
    let mut frac = m / 2f64.powi(exp) - 1.0; // in [0, 1)
    let mut r = round_half_even(frac * 1024.0);
    if r >= 1024.0 {
        r = 0.0;
        exp += 1;
    }
    frac = r;
    if exp > 15 {
        return None;
    }
    Some(sign | (((exp + 15) as u16) << 10) | frac as u16)
}

fn round_half_even(x: f64) -> f64 {
    let f = x.floor();
    let d = x - f;
    if d > 0.5 || (d == 0.5 && (f as i64) % 2 != 0) {
        f + 1.0
    } else {
        f
    }
}

fn half_to_f64(h: u16) -> f64 {
    let sign = if h & 0x8000 != 0 { -1.0 } else { 1.0 };
    let exp = ((h >> 10) & 0x1f) as i32;
    let frac = (h & 0x3ff) as f64;
    sign * match exp {
        0 => frac * 2f64.powi(-24),
        31 => {
            if frac == 0.0 {
                f64::INFINITY
            } else {
                f64::NAN
            }
        }
        _ => (1.0 + frac / 1024.0) * 2f64.powi(exp - 15),
    }
}

fn pack_into_buf(vm: &mut Vm, l: &Layout, vals: &[Value], out: &mut [u8]) -> PyResult<()> {
    let mut vi = 0;
    for it in &l.items {
        match it.code {
            b'x' => {}
            b's' | b'p' => {
                let v = &vals[vi];
                vi += 1;
                let data: Vec<u8> = match v {
                    Value::Bytes(b) => b.data.to_vec(),
                    Value::ByteArray(b) => b.data.borrow().clone(),
                    _ => return Err(struct_error(vm, format!("argument for '{}' must be a bytes object", it.code as char))),
                };
                let dst = &mut out[it.offset..it.offset + it.count];
                if it.code == b's' {
                    let n = data.len().min(it.count);
                    dst[..n].copy_from_slice(&data[..n]);
                } else if it.count > 0 {
                    let n = data.len().min(it.count - 1).min(255);
                    dst[0] = n as u8;
                    dst[1..1 + n].copy_from_slice(&data[..n]);
                }
            }
            code => {
                for k in 0..it.count {
                    let v = &vals[vi];
                    vi += 1;
                    let at = it.offset + k * it.size;
                    let dst = &mut out[at..at + it.size];
                    match code {
                        b'c' => match v {
                            Value::Bytes(b) if b.data.len() == 1 => dst[0] = b.data[0],
                            Value::ByteArray(b) if b.data.borrow().len() == 1 => dst[0] = b.data.borrow()[0],
                            _ => return Err(struct_error(vm, "char format requires a bytes object of length 1")),
                        },
                        b'?' => dst[0] = vm.truthy(v)? as u8,
                        b'e' | b'f' | b'd' => {
                            let x = match v {
                                Value::Float(f) => *f,
                                Value::Int(i) => *i as f64,
                                Value::Bool(b) => *b as i64 as f64,
                                other => match vm.lookup_special(other, "__float__").is_some() || vm.index_value(other)?.is_some() {
                                    true => arg::float(vm, other)?,
                                    false => return Err(struct_error(vm, "required argument is not a float")),
                                },
                            };
                            match code {
                                b'd' => put_int(dst, x.to_bits(), 8, l.order),
                                b'f' => {
                                    let y = x as f32;
                                    if y.is_infinite() && x.is_finite() {
                                        return Err(PyErr::overflow("float too large to pack with f format"));
                                    }
                                    put_int(dst, y.to_bits() as u64, 4, l.order);
                                }
                                _ => match f64_to_half(x) {
                                    Some(h) => put_int(dst, h as u64, 2, l.order),
                                    None => return Err(PyErr::overflow("float too large to pack with e format")),
                                },
                            }
                        }
                        _ => {
                            let signed = matches!(code, b'b' | b'h' | b'i' | b'l' | b'q' | b'n');
                            let Some(n) = int_value(vm, v)? else {
                                return Err(struct_error(vm, "required argument is not an integer"));
                            };
                            let bits = it.size * 8;
                            let (lo, hi) = if signed {
                                (-(BigInt::from(1) << (bits - 1)), (BigInt::from(1) << (bits - 1)) - 1)
                            } else {
                                (BigInt::from(0), (BigInt::from(1) << bits) - 1)
                            };
                            if n < lo || n > hi {
                                // Negative values for the wide unsigned codes fail the conversion first.
                                if !signed && n < BigInt::from(0) && it.size >= 4 {
                                    return Err(struct_error(vm, "argument out of range"));
                                }
                                return Err(range_error(vm, code, it.size, signed));
                            }
                            let u: u64 = if signed {
                                let s: i64 = i64::try_from(&n).unwrap_or(0);
                                s as u64
                            } else {
                                u64::try_from(&n).unwrap_or(0)
                            };
                            put_int(dst, u, it.size, l.order);
                        }
                    }
                }
            }
        }
    }
    Ok(())
}

fn unpack_buf(vm: &mut Vm, l: &Layout, data: &[u8]) -> PyResult<Value> {
    let _ = vm;
    let mut out = Vec::with_capacity(l.nvalues);
    for it in &l.items {
        match it.code {
            b'x' => {}
            b's' => out.push(crate::builtins::new_bytes(data[it.offset..it.offset + it.count].to_vec())),
            b'p' => {
                if it.count == 0 {
                    out.push(crate::builtins::new_bytes(vec![]));
                } else {
                    let n = (data[it.offset] as usize).min(it.count - 1);
                    out.push(crate::builtins::new_bytes(data[it.offset + 1..it.offset + 1 + n].to_vec()));
                }
            }
            code => {
                for k in 0..it.count {
                    let at = it.offset + k * it.size;
                    let src = &data[at..at + it.size];
                    let v = match code {
                        b'c' => crate::builtins::new_bytes(vec![src[0]]),
                        b'?' => Value::Bool(src[0] != 0),
                        b'd' => Value::Float(f64::from_bits(get_int(src, 8, l.order))),
                        b'f' => Value::Float(f32::from_bits(get_int(src, 4, l.order) as u32) as f64),
                        b'e' => Value::Float(half_to_f64(get_int(src, 2, l.order) as u16)),
                        _ => {
                            let u = get_int(src, it.size, l.order);
                            let signed = matches!(code, b'b' | b'h' | b'i' | b'l' | b'q' | b'n');
                            if signed {
                                let shift = 64 - it.size * 8;
                                Value::Int(((u << shift) as i64) >> shift)
                            } else if u > i64::MAX as u64 {
                                int::normalize(BigInt::from(u))
                            } else {
                                Value::Int(u as i64)
                            }
                        }
                    };
                    out.push(v);
                }
            }
        }
    }
    Ok(Value::tuple(out))
}

fn buffer_bytes(vm: &mut Vm, v: &Value) -> PyResult<Vec<u8>> {
    match v {
        Value::Bytes(b) => Ok(b.data.to_vec()),
        Value::ByteArray(b) => Ok(b.data.borrow().clone()),
        other => {
            if let Ok(Value::Bytes(b)) = vm.call_function(&Value::Class(vm.types.bytes.clone()), std::slice::from_ref(other)) {
                if !matches!(other, Value::Str(_) | Value::Int(_)) {
                    return Ok(b.data.to_vec());
                }
            }
            Err(PyErr::type_error(format!("a bytes-like object is required, not '{}'", vm.type_name(other))))
        }
    }
}

fn calcsize(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check("calcsize", 1, 1)?;
    let f = fmt_arg(vm, &args.pos[0])?;
    let l = parse(vm, &f)?;
    Ok(Value::Int(l.size as i64))
}

fn pack(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.no_kwargs("pack")?;
    if args.is_empty() {
        return Err(PyErr::type_error("pack expected at least 1 argument, got 0"));
    }
    let f = fmt_arg(vm, &args.pos[0])?;
    let l = parse(vm, &f)?;
    let vals = &args.pos[1..];
    if vals.len() != l.nvalues {
        return Err(struct_error(vm, format!("pack expected {} items for packing (got {})", l.nvalues, vals.len())));
    }
    let mut out = vec![0u8; l.size];
    pack_into_buf(vm, &l, vals, &mut out)?;
    let _ = l.native;
    Ok(crate::builtins::new_bytes(out))
}

fn pack_into(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.no_kwargs("pack_into")?;
    if args.len() < 3 {
        return Err(PyErr::type_error(format!("pack_into expected at least 3 arguments, got {}", args.len())));
    }
    let f = fmt_arg(vm, &args.pos[0])?;
    let l = parse(vm, &f)?;
    let vals = &args.pos[3..];
    if vals.len() != l.nvalues {
        return Err(struct_error(vm, format!("pack_into expected {} items for packing (got {})", l.nvalues, vals.len())));
    }
    let Value::ByteArray(buf) = &args.pos[1] else {
        return Err(PyErr::type_error(format!("argument must be read-write bytes-like object, not {}", vm.type_name(&args.pos[1]))));
    };
    let blen = buf.data.borrow().len();
    let mut offset = arg::int(vm, &args.pos[2])?;
    if offset < 0 {
        if offset + (l.size as i64) > 0 {
            return Err(struct_error(vm, format!("no space to pack {} bytes at offset {}", l.size, offset)));
        }
        if offset + (blen as i64) < 0 {
            return Err(struct_error(vm, format!("offset {} out of range for {}-byte buffer", offset, blen)));
        }
        offset += blen as i64;
    }
    let offset = offset as usize;
    if blen < offset || blen - offset < l.size {
        return Err(struct_error(
            vm,
            format!(
                "pack_into requires a buffer of at least {} bytes for packing {} bytes at offset {} (actual buffer size is {})",
                l.size + offset,
                l.size,
                offset,
                blen
            ),
        ));
    }
    let mut tmp = vec![0u8; l.size];
    pack_into_buf(vm, &l, vals, &mut tmp)?;
    buf.data.borrow_mut()[offset..offset + l.size].copy_from_slice(&tmp);
    Ok(Value::None)
}

fn unpack(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check("unpack", 2, 2)?;
    let f = fmt_arg(vm, &args.pos[0])?;
    let l = parse(vm, &f)?;
    let data = buffer_bytes(vm, &args.pos[1])?;
    if data.len() != l.size {
        return Err(struct_error(vm, format!("unpack requires a buffer of {} bytes", l.size)));
    }
    unpack_buf(vm, &l, &data)
}

fn unpack_from(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.allow_kwargs("unpack_from", &["buffer", "offset"])?;
    let fv = args.get(0).ok_or_else(|| PyErr::type_error("unpack_from() missing required argument 'format' (pos 1)"))?;
    let f = fmt_arg(vm, fv)?;
    let l = parse(vm, &f)?;
    let b = args.arg(1, "buffer").ok_or_else(|| PyErr::type_error("unpack_from() missing required argument 'buffer' (pos 2)"))?;
    let data = buffer_bytes(vm, b)?;
    let mut offset = match args.arg(2, "offset") {
        Some(v) => arg::int(vm, v)?,
        None => 0,
    };
    if offset < 0 {
        if offset + (data.len() as i64) < 0 {
            return Err(struct_error(vm, format!("offset {} out of range for {}-byte buffer", offset, data.len())));
        }
        offset += data.len() as i64;
    }
    let offset = offset as usize;
    if data.len() < offset || data.len() - offset < l.size {
        return Err(struct_error(
            vm,
            format!(
                "unpack_from requires a buffer of at least {} bytes for unpacking {} bytes at offset {} (actual buffer size is {})",
                l.size + offset,
                l.size,
                offset,
                data.len()
            ),
        ));
    }
    unpack_buf(vm, &l, &data[offset..offset + l.size])
}

fn iter_unpack(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check("iter_unpack", 2, 2)?;
    let f = fmt_arg(vm, &args.pos[0])?;
    let l = parse(vm, &f)?;
    let data = buffer_bytes(vm, &args.pos[1])?;
    if l.size == 0 {
        return Err(struct_error(vm, "cannot iteratively unpack with a struct of length 0"));
    }
    if data.len() % l.size != 0 {
        return Err(struct_error(vm, format!("iterative unpacking requires a buffer of a multiple of {} bytes", l.size)));
    }
    let mut out = Vec::new();
    for chunk in data.chunks(l.size) {
        out.push(unpack_buf(vm, &l, chunk)?);
    }
    let list = Value::list(out);
    vm.get_iter(&list)
}

pub fn make(vm: &mut Vm) -> Value {
    let _ = ExcKind::ValueError;
    new_module(
        vm,
        "_struct",
        &[
            ("calcsize", calcsize),
            ("pack", pack),
            ("pack_into", pack_into),
            ("unpack", unpack),
            ("unpack_from", unpack_from),
            ("iter_unpack", iter_unpack),
        ],
    )
}
