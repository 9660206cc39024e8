//! `int`: machine-word ints with exact promotion to arbitrary precision.
//!
//! Every operation first tries the `i64` fast path with an overflow check
//! and falls back to `num_bigint::BigInt`; results are normalised back to
//! `Value::Int` whenever they fit, so `Value::BigInt` always means "outside
//! the `i64` range". Floor division and modulo round toward negative
//! infinity, as Python's do.

use num_bigint::{BigInt, BigUint, Sign};
use num_integer::Integer;
use num_traits::{One, Signed, ToPrimitive, Zero};

use super::rc::PyRef;
use super::value::Value;
use crate::vm::{PyErr, PyResult};

/// `sys.hash_info.modulus`: 2**61 - 1.
pub const HASH_MODULUS: u64 = (1 << 61) - 1;

/// Turns a `BigInt` into the canonical value (a machine int when it fits).
pub fn normalize(b: BigInt) -> Value {
    match b.to_i64() {
        Some(i) => Value::Int(i),
        None => Value::BigInt(PyRef::new(b)),
    }
}

/// A big operand by reference (no copy of its digits), a small one
/// widened: the slow paths below compute on references.
fn big_ref(v: &Value) -> std::borrow::Cow<'_, BigInt> {
    match v {
        Value::BigInt(b) => std::borrow::Cow::Borrowed(&**b),
        other => std::borrow::Cow::Owned(to_big(other).expect("an int operand")),
    }
}

/// The int value of an `int`/`bool` operand as a `BigInt`.
pub fn to_big(v: &Value) -> Option<BigInt> {
    match v {
        Value::Int(i) => Some(BigInt::from(*i)),
        Value::Bool(b) => Some(BigInt::from(*b as i64)),
        Value::BigInt(b) => Some((**b).clone()),
        _ => None,
    }
}

/// Whether `v` is an int (including bool).
#[inline]
pub fn is_int(v: &Value) -> bool {
    matches!(v, Value::Int(_) | Value::Bool(_) | Value::BigInt(_))
}

/// Small-int view of an int operand (bool counts as 0/1).
#[inline]
pub fn as_small(v: &Value) -> Option<i64> {
    match v {
        Value::Int(i) => Some(*i),
        Value::Bool(b) => Some(*b as i64),
        _ => None,
    }
}

pub fn add(a: &Value, b: &Value) -> Value {
    if let (Some(x), Some(y)) = (as_small(a), as_small(b)) {
        if let Some(r) = x.checked_add(y) {
            return Value::Int(r);
        }
    }
    match (a, as_small(b)) {
        (Value::BigInt(x), Some(y)) => normalize(&**x + y),
        _ => normalize(&*big_ref(a) + &*big_ref(b)),
    }
}

pub fn sub(a: &Value, b: &Value) -> Value {
    if let (Some(x), Some(y)) = (as_small(a), as_small(b)) {
        if let Some(r) = x.checked_sub(y) {
            return Value::Int(r);
        }
    }
    match (a, as_small(b)) {
        (Value::BigInt(x), Some(y)) => normalize(&**x - y),
        _ => normalize(&*big_ref(a) - &*big_ref(b)),
    }
}

pub fn mul(a: &Value, b: &Value) -> Value {
    if let (Some(x), Some(y)) = (as_small(a), as_small(b)) {
        if let Some(r) = x.checked_mul(y) {
            return Value::Int(r);
        }
    }
    // A big times a small multiplies by one digit.
    match (a, b, as_small(a), as_small(b)) {
        (Value::BigInt(x), _, _, Some(y)) | (_, Value::BigInt(x), Some(y), _) => normalize(&**x * y),
        _ => normalize(&*big_ref(a) * &*big_ref(b)),
    }
}

/// Python floor division of machine ints (None on division by zero or overflow).
#[inline]
pub fn floordiv_i64(x: i64, y: i64) -> Option<i64> {
    if y == 0 || (x == i64::MIN && y == -1) {
        return None;
    }
    let q = x / y;
    if (x % y != 0) && ((x < 0) != (y < 0)) {
        Some(q - 1)
    } else {
        Some(q)
    }
}

/// Python modulo of machine ints (y != 0): the result has the sign of y.
#[inline]
pub fn mod_i64(x: i64, y: i64) -> i64 {
    let r = x.wrapping_rem(y);
    if r != 0 && ((r < 0) != (y < 0)) {
        r + y
    } else {
        r
    }
}

pub fn floordiv(a: &Value, b: &Value) -> PyResult<Value> {
    if let (Some(x), Some(y)) = (as_small(a), as_small(b)) {
        if y == 0 {
            return Err(PyErr::zero_division("integer division or modulo by zero"));
        }
        if let Some(q) = floordiv_i64(x, y) {
            return Ok(Value::Int(q));
        }
    }
    let (x, y) = (big_ref(a), big_ref(b));
    if y.is_zero() {
        return Err(PyErr::zero_division("integer division or modulo by zero"));
    }
    if let Some(q) = small_floor_quotient(&x, &y) {
        return Ok(Value::Int(q));
    }
    Ok(normalize(x.div_floor(&y)))
}

/// Sign of `a - q*b` for magnitudes, in one pass over the limbs and without
/// allocating (hot path of big floor division with a small quotient).
fn sign_of_sub_mul(a: &BigUint, b: &BigUint, q: u64) -> std::cmp::Ordering {
    let n = a.iter_u64_digits().len().max(b.iter_u64_digits().len() + 1);
    let mut ai = a.iter_u64_digits();
    let mut bi = b.iter_u64_digits();
    let (mut carry, mut borrow, mut nonzero) = (0u64, false, 0u64);
    for _ in 0..n {
        let p = bi.next().unwrap_or(0) as u128 * q as u128 + carry as u128;
        carry = (p >> 64) as u64;
        let (d1, b1) = ai.next().unwrap_or(0).overflowing_sub(p as u64);
        let (d2, b2) = d1.overflowing_sub(borrow as u64);
        borrow = b1 | b2;
        nonzero |= d2;
    }
    if borrow || carry != 0 {
        std::cmp::Ordering::Less
    } else if nonzero != 0 {
        std::cmp::Ordering::Greater
    } else {
        std::cmp::Ordering::Equal
    }
}

/// `floor(u / 2**s)` for a magnitude known to be below `2**(s + 128)`.
fn top_bits(u: &BigUint, s: u64) -> u128 {
    let (limb, off) = ((s / 64) as usize, (s % 64) as u32);
    let len = u.iter_u64_digits().len();
    let mut acc: u128 = 0;
    let mut low: u64 = 0;
    // At most three limbs from the top: `limb`, `limb + 1`, `limb + 2`.
    for (i, d) in u.iter_u64_digits().enumerate().rev().take(len.saturating_sub(limb)) {
        if i == limb {
            low = d;
        } else {
            acc = (acc << 64) | d as u128;
        }
    }
    if off == 0 {
        // `acc` holds limbs above `limb`, which must then be empty here.
        acc << 64 | low as u128
    } else {
        (acc << (64 - off)) | (low >> off) as u128
    }
}

/// `floor(x / y)` when it fits comfortably in an `i64` (the operands differ
/// by at most 60 bits and `y` has more than 64); `None` otherwise. CPython
/// divides these with long division; estimating the quotient from the top
/// 128 bits and checking it against the full operands is two passes and no
/// allocation (pidigits' `(3*q + r) // t`).
fn small_floor_quotient(x: &BigInt, y: &BigInt) -> Option<i64> {
    let (ax, ay) = (x.magnitude(), y.magnitude());
    let (bx, by) = (ax.bits(), ay.bits());
    if by <= 64 || bx > by + 60 {
        return None;
    }
    let mut q: u64 = if bx < by {
        0
    } else {
        let s = by - 64;
        (top_bits(ax, s) / top_bits(ay, s)) as u64
    };
    // The estimate is off by at most two either way: correct it.
    while q > 0 && sign_of_sub_mul(ax, ay, q) == std::cmp::Ordering::Less {
        q -= 1;
    }
    while sign_of_sub_mul(ax, ay, q + 1) != std::cmp::Ordering::Less {
        q += 1;
    }
    let q = q as i64;
    let negative = (x.sign() == Sign::Minus) != (y.sign() == Sign::Minus);
    if !negative || x.is_zero() {
        return Some(q);
    }
    // Opposite signs round away from zero unless the division is exact.
    let exact = sign_of_sub_mul(ax, ay, q as u64) == std::cmp::Ordering::Equal;
    Some(if exact { -q } else { -q - 1 })
}

pub fn modulo(a: &Value, b: &Value) -> PyResult<Value> {
    if let (Some(x), Some(y)) = (as_small(a), as_small(b)) {
        if y == 0 {
            return Err(PyErr::zero_division("integer modulo by zero"));
        }
        return Ok(Value::Int(mod_i64(x, y)));
    }
    let (x, y) = (big_ref(a), big_ref(b));
    if y.is_zero() {
        return Err(PyErr::zero_division("integer modulo by zero"));
    }
    if let Some(q) = small_floor_quotient(&x, &y) {
        return Ok(normalize(&*x - &*y * q));
    }
    Ok(normalize(x.mod_floor(&y)))
}

pub fn divmod(a: &Value, b: &Value) -> PyResult<(Value, Value)> {
    if let (Some(x), Some(y)) = (as_small(a), as_small(b)) {
        if y != 0 {
            if let Some(q) = floordiv_i64(x, y) {
                return Ok((Value::Int(q), Value::Int(mod_i64(x, y))));
            }
        }
    }
    let (x, y) = (big_ref(a), big_ref(b));
    if y.is_zero() {
        return Err(PyErr::zero_division("integer division or modulo by zero"));
    }
    if let Some(q) = small_floor_quotient(&x, &y) {
        return Ok((Value::Int(q), normalize(&*x - &*y * q)));
    }
    let (q, r) = x.div_mod_floor(&y);
    Ok((normalize(q), normalize(r)))
}

pub fn neg(a: &Value) -> Value {
    if let Some(x) = as_small(a) {
        if let Some(r) = x.checked_neg() {
            return Value::Int(r);
        }
    }
    normalize(-to_big(a).unwrap())
}

pub fn abs(a: &Value) -> Value {
    if let Some(x) = as_small(a) {
        if let Some(r) = x.checked_abs() {
            return Value::Int(r);
        }
    }
    normalize(to_big(a).unwrap().abs())
}

pub fn invert(a: &Value) -> Value {
    if let Some(x) = as_small(a) {
        return Value::Int(!x);
    }
    normalize(-(to_big(a).unwrap() + BigInt::one()))
}

pub fn is_negative(v: &Value) -> bool {
    match v {
        Value::Int(i) => *i < 0,
        Value::BigInt(b) => b.sign() == Sign::Minus,
        _ => false,
    }
}

pub fn is_zero(v: &Value) -> bool {
    match v {
        Value::Int(i) => *i == 0,
        Value::Bool(b) => !*b,
        _ => false,
    }
}

pub fn lshift(a: &Value, b: &Value) -> PyResult<Value> {
    if is_negative(b) {
        return Err(PyErr::value_error("negative shift count"));
    }
    let n = match as_small(b) {
        Some(n) => n as u64,
        None => {
            if is_zero(a) {
                return Ok(Value::Int(0));
            }
            // CPython's result would have `digits` 30-bit digits: more than
            // an object can hold is an OverflowError, else the allocation
            // fails (MemoryError).
            let (q, r) = to_big(b).unwrap().div_mod_floor(&BigInt::from(30));
            let digits = q + BigInt::from(to_big(a).unwrap().bits().div_ceil(30)) + BigInt::from((!r.is_zero()) as u8);
            let max_digits = BigInt::from((i64::MAX - 24) / 4);
            if digits > max_digits {
                return Err(PyErr::overflow("too many digits in integer"));
            }
            return Err(PyErr::new(crate::vm::ExcKind::MemoryError, ""));
        }
    };
    if let Some(x) = as_small(a) {
        if x == 0 {
            return Ok(Value::Int(0));
        }
        if n < 63 {
            let r = x << n;
            if r >> n == x {
                return Ok(Value::Int(r));
            }
        }
    }
    // A result larger than the machine's memory and swap: CPython's
    // allocation fails (MemoryError); here it would abort the process.
    let big = to_big(a).unwrap();
    let bytes = (big.bits().saturating_add(n) / 8) as u128;
    if bytes > crate::vm::ops::memory_limit() as u128 {
        return Err(PyErr::new(crate::vm::ExcKind::MemoryError, ""));
    }
    Ok(normalize(big << n as usize))
}

pub fn rshift(a: &Value, b: &Value) -> PyResult<Value> {
    if is_negative(b) {
        return Err(PyErr::value_error("negative shift count"));
    }
    let n = match as_small(b) {
        Some(n) => n as u64,
        None => return Ok(Value::Int(if is_negative(a) { -1 } else { 0 })),
    };
    if let Some(x) = as_small(a) {
        return Ok(Value::Int(if n >= 64 {
            if x < 0 {
                -1
            } else {
                0
            }
        } else {
            x >> n
        }));
    }
    let big = to_big(a).unwrap();
    // Every bit shifted out: 0, or -1 for a negative number (without
    // building 2**n: `x >> 2**36` is instant in CPython).
    if n >= big.bits() {
        return Ok(Value::Int(if big.sign() == num_bigint::Sign::Minus { -1 } else { 0 }));
    }
    // (`BigInt >>` rounds toward negative infinity, like floor division.)
    Ok(normalize(big >> n as usize))
}

pub fn bitand(a: &Value, b: &Value) -> Value {
    if let (Some(x), Some(y)) = (as_small(a), as_small(b)) {
        return Value::Int(x & y);
    }
    normalize(to_big(a).unwrap() & to_big(b).unwrap())
}

pub fn bitor(a: &Value, b: &Value) -> Value {
    if let (Some(x), Some(y)) = (as_small(a), as_small(b)) {
        return Value::Int(x | y);
    }
    normalize(to_big(a).unwrap() | to_big(b).unwrap())
}

pub fn bitxor(a: &Value, b: &Value) -> Value {
    if let (Some(x), Some(y)) = (as_small(a), as_small(b)) {
        return Value::Int(x ^ y);
    }
    normalize(to_big(a).unwrap() ^ to_big(b).unwrap())
}

/// `a ** b` for ints; a negative exponent gives a float.
pub fn pow(a: &Value, b: &Value) -> PyResult<Value> {
    if is_negative(b) {
        let x = to_f64(a)?;
        let y = to_f64(b)?;
        if x == 0.0 {
            return Err(PyErr::zero_division("0.0 cannot be raised to a negative power"));
        }
        return Ok(Value::Float(x.powf(y)));
    }
    if let (Some(x), Some(y)) = (as_small(a), as_small(b)) {
        if let Ok(e) = u32::try_from(y) {
            if let Some(r) = x.checked_pow(e) {
                return Ok(Value::Int(r));
            }
        }
    }
    let base = to_big(a).unwrap();
    // 0, 1 and -1 raised to any power (however large) are small.
    if base.is_zero() || base.is_one() {
        return Ok(normalize(base));
    }
    if base == BigInt::from(-1) {
        return Ok(Value::Int(if to_big(b).unwrap().is_even() { 1 } else { -1 }));
    }
    let Some(e) = to_big(b).unwrap().to_u64() else {
        return Err(PyErr::new(crate::vm::ExcKind::MemoryError, ""));
    };
    if base.bits().saturating_mul(e) > (1u64 << 36) {
        return Err(PyErr::new(crate::vm::ExcKind::MemoryError, ""));
    }
    Ok(normalize(num_traits::pow::Pow::pow(&base, e)))
}

/// `pow(a, b, m)` for ints.
pub fn pow_mod(a: &Value, b: &Value, m: &Value) -> PyResult<Value> {
    let (mut base, exp, modulus) = (to_big(a).unwrap(), to_big(b).unwrap(), to_big(m).unwrap());
    if modulus.is_zero() {
        return Err(PyErr::value_error("pow() 3rd argument cannot be 0"));
    }
    let mut exp = exp;
    if exp.is_negative() {
        // Modular inverse, as CPython 3.8+ does.
        let inv = mod_inverse(&base, &modulus).ok_or_else(|| PyErr::value_error("base is not invertible for the given modulus"))?;
        base = inv;
        exp = -exp;
    }
    let m_abs = modulus.abs();
    let mut r = base.mod_floor(&m_abs).modpow(&exp, &m_abs);
    // The result takes the sign of the modulus.
    if modulus.is_negative() && !r.is_zero() {
        r += &modulus;
    }
    Ok(normalize(r))
}

fn mod_inverse(a: &BigInt, m: &BigInt) -> Option<BigInt> {
    let m_abs = m.abs();
    let e = a.mod_floor(&m_abs).extended_gcd(&m_abs);
    if !e.gcd.is_one() {
        return None;
    }
    Some(e.x.mod_floor(&m_abs))
}

/// Converts an int to float, raising `OverflowError` when it is too large.
pub fn to_f64(v: &Value) -> PyResult<f64> {
    match v {
        Value::Int(i) => Ok(*i as f64),
        Value::Bool(b) => Ok(*b as i64 as f64),
        Value::BigInt(b) => big_to_f64(b),
        _ => Err(PyErr::type_error("expected an int")),
    }
}

pub fn big_to_f64(b: &BigInt) -> PyResult<f64> {
    match b.to_f64() {
        Some(f) if f.is_finite() => Ok(f),
        _ => Err(PyErr::overflow("int too large to convert to float")),
    }
}

/// Correctly rounded `a / b` for ints (CPython rounds exactly, even for huge ints).
pub fn truediv(a: &Value, b: &Value) -> PyResult<Value> {
    if let (Some(x), Some(y)) = (as_small(a), as_small(b)) {
        if y == 0 {
            return Err(PyErr::zero_division("division by zero"));
        }
        const EXACT: i64 = 1 << 53;
        if (-EXACT..=EXACT).contains(&x) && (-EXACT..=EXACT).contains(&y) {
            return Ok(Value::Float(x as f64 / y as f64));
        }
    }
    let (x, y) = (to_big(a).unwrap(), to_big(b).unwrap());
    if y.is_zero() {
        return Err(PyErr::zero_division("division by zero"));
    }
    Ok(Value::Float(big_truediv(&x, &y)?))
}

fn big_truediv(a: &BigInt, b: &BigInt) -> PyResult<f64> {
    if a.is_zero() {
        return Ok(if a.is_negative() != b.is_negative() { -0.0 } else { 0.0 });
    }
    let negative = a.is_negative() != b.is_negative();
    let (a, b) = (a.abs(), b.abs());
    // Scale so the quotient has at least 55 significant bits, divide, then
    // round the integer quotient (with a sticky bit for the remainder) to 53 bits.
    let shift: i64 = 55 - (a.bits() as i64 - b.bits() as i64);
    let (num, den) = if shift >= 0 { (a << shift as usize, b) } else { (a, b << (-shift) as usize) };
    let (q, r) = num.div_rem(&den);
    let mut q = q;
    if !r.is_zero() {
        q = (q << 1usize) | BigInt::one();
    } else {
        q <<= 1usize;
    }
    let exp = -shift - 1;
    // q has 56 or 57 bits; convert with round-half-even by letting f64 round
    // the top 64 bits (the sticky bit keeps ties honest).
    let qf = q.to_f64().unwrap();
    let result = ldexp(qf, exp);
    if result.is_infinite() {
        return Err(PyErr::overflow("integer division result too large for a float"));
    }
    Ok(if negative { -result } else { result })
}

/// `x * 2**e`, scaling in steps so intermediate results stay finite.
pub fn ldexp(x: f64, e: i64) -> f64 {
    if x == 0.0 || !x.is_finite() {
        return x;
    }
    let mut e = e.clamp(-2200, 2200) as i32;
    let mut r = x;
    while e > 1023 {
        r *= 2f64.powi(1023);
        e -= 1023;
    }
    while e < -1022 {
        r *= 2f64.powi(-1022);
        e += 1022;
    }
    r * 2f64.powi(e)
}

/// `hash()` of an int: the value modulo 2**61 - 1, keeping the sign; -1 maps to -2.
pub fn hash_i64(i: i64) -> i64 {
    if i.unsigned_abs() < HASH_MODULUS {
        // |i| below the modulus: the value itself.
        return if i == -1 { -2 } else { i };
    }
    let m = HASH_MODULUS as i128;
    let a = (i as i128).abs() % m;
    let h = if i < 0 { -(a as i64) } else { a as i64 };
    if h == -1 {
        -2
    } else {
        h
    }
}

pub fn hash_big(b: &BigInt) -> i64 {
    let m = BigInt::from(HASH_MODULUS);
    let a = (b.abs() % m).to_i64().unwrap();
    let h = if b.is_negative() { -a } else { a };
    if h == -1 {
        -2
    } else {
        h
    }
}

/// Default limit on the digits of an int converted to or from a decimal string.
pub const DEFAULT_MAX_STR_DIGITS: usize = 4300;

thread_local! {
    pub static MAX_STR_DIGITS: std::cell::Cell<usize> = const { std::cell::Cell::new(DEFAULT_MAX_STR_DIGITS) };
}

/// `str()` of an int.
pub fn to_string(v: &Value) -> PyResult<String> {
    match v {
        Value::Int(i) => Ok(i.to_string()),
        Value::Bool(b) => Ok(if *b { "True" } else { "False" }.to_string()),
        Value::BigInt(b) => {
            let limit = MAX_STR_DIGITS.with(|c| c.get());
            // A cheap bound first: bits * log10(2) digits, roughly.
            if limit > 0 && (b.bits() as f64 * std::f64::consts::LOG10_2) > (limit as f64 + 1.0) {
                return Err(PyErr::value_error(format!(
                    "Exceeds the limit ({} digits) for integer string conversion; use sys.set_int_max_str_digits() to increase the limit",
                    limit
                )));
            }
            let s = b.to_string();
            let digits = s.len() - (b.is_negative() as usize);
            if limit > 0 && digits > limit {
                return Err(PyErr::value_error(format!(
                    "Exceeds the limit ({} digits) for integer string conversion; use sys.set_int_max_str_digits() to increase the limit",
                    limit
                )));
            }
            Ok(s)
        }
        _ => Err(PyErr::type_error("expected an int")),
    }
}

/// Parses an int literal as `int(text, base)` does. `None` for invalid text.
pub fn parse(text: &str, base: u32) -> Result<Value, String> {
    let s = text.trim_matches(|c: char| c.is_whitespace());
    let (neg, mut body) = match s.as_bytes().first() {
        Some(b'-') => (true, &s[1..]),
        Some(b'+') => (false, &s[1..]),
        _ => (false, s),
    };
    let mut base = base;
    let lower_prefix = |b: &str| b.get(..2).map(|p| p.to_ascii_lowercase());
    if base == 0 || base == 16 || base == 8 || base == 2 {
        if let Some(p) = lower_prefix(body) {
            let pb = match p.as_str() {
                "0x" => 16,
                "0o" => 8,
                "0b" => 2,
                _ => 0,
            };
            if pb != 0 && (base == 0 || base == pb) {
                base = pb;
                body = &body[2..];
                // A single underscore may follow the prefix.
                if let Some(rest) = body.strip_prefix('_') {
                    body = rest;
                }
            }
        }
        if base == 0 {
            // Base 0: decimal, but no leading zeros unless the value is 0.
            let digits: String = body.chars().filter(|&c| c != '_').collect();
            if digits.len() > 1 && digits.starts_with('0') && digits.chars().any(|c| c != '0') {
                return Err(String::new());
            }
            base = 10;
        }
    }
    if body.is_empty() || body.starts_with('_') || body.ends_with('_') || body.contains("__") {
        return Err(String::new());
    }
    let mut digits = Vec::with_capacity(body.len());
    for c in body.chars() {
        if c == '_' {
            continue;
        }
        let d = match c.to_digit(36) {
            Some(d) => d,
            None => match unicode_decimal(c) {
                Some(d) => d,
                None => return Err(String::new()),
            },
        };
        if d >= base {
            return Err(String::new());
        }
        digits.push(d as u8);
    }
    if base == 10 {
        let limit = MAX_STR_DIGITS.with(|c| c.get());
        if limit > 0 && digits.len() > limit {
            return Err(format!(
                "Exceeds the limit ({} digits) for integer string conversion: value has {} digits; use sys.set_int_max_str_digits() to increase the limit",
                limit,
                digits.len()
            ));
        }
    }
    if digits.len() <= 18 && base <= 10 || digits.len() <= 12 {
        let mut acc: i64 = 0;
        for d in &digits {
            acc = acc * base as i64 + *d as i64;
        }
        return Ok(Value::Int(if neg { -acc } else { acc }));
    }
    let b = BigInt::from_radix_be(if neg { Sign::Minus } else { Sign::Plus }, &digits, base).ok_or_else(String::new)?;
    Ok(normalize(b))
}

/// Decimal value of a non-ASCII Unicode digit (`int('٣')` is 3).
fn unicode_decimal(c: char) -> Option<u32> {
    // Unicode decimal digits (category Nd) come in contiguous runs of ten
    // starting at a zero: these are the zeros of Unicode 14.0, CPython
    // 3.11's (`unicodedata.decimal(c) == 0`), ASCII's excepted.
    const ZEROS: &[u32] = &[
        0x660, 0x6F0, 0x7C0, 0x966, 0x9E6, 0xA66, 0xAE6, 0xB66, 0xBE6, 0xC66, 0xCE6, 0xD66, 0xDE6, 0xE50, 0xED0, 0xF20, 0x1040, 0x1090,
        0x17E0, 0x1810, 0x1946, 0x19D0, 0x1A80, 0x1A90, 0x1B50, 0x1BB0, 0x1C40, 0x1C50, 0xA620, 0xA8D0, 0xA900, 0xA9D0, 0xA9F0, 0xAA50,
        0xABF0, 0xFF10, 0x104A0, 0x10D30, 0x11066, 0x110F0, 0x11136, 0x111D0, 0x112F0, 0x11450, 0x114D0, 0x11650, 0x116C0, 0x11730,
        0x118E0, 0x11950, 0x11C50, 0x11D50, 0x11DA0, 0x16A60, 0x16AC0, 0x16B50, 0x1D7CE, 0x1D7D8, 0x1D7E2, 0x1D7EC, 0x1D7F6, 0x1E140,
        0x1E2F0, 0x1E950, 0x1FBF0,
    ];
    let u = c as u32;
    ZEROS.iter().find(|&&z| u >= z && u < z + 10).map(|&z| u - z)
}

/// `int.bit_length()`.
pub fn bit_length(v: &Value) -> Value {
    match v {
        Value::Int(i) => Value::Int(64 - i.unsigned_abs().leading_zeros() as i64),
        Value::Bool(b) => Value::Int(*b as i64),
        Value::BigInt(b) => Value::Int(b.bits() as i64),
        _ => Value::Int(0),
    }
}

/// Formats an int in base 2, 8 or 16 with CPython's prefix (`bin`, `oct`, `hex`).
pub fn to_radix(v: &Value, radix: u32, prefix: &str) -> String {
    let b = to_big(v).unwrap();
    let neg = b.is_negative();
    let digits = b.abs().to_str_radix(radix);
    format!("{}{}{}", if neg { "-" } else { "" }, prefix, digits)
}

/// Compares two ints.
pub fn cmp(a: &Value, b: &Value) -> std::cmp::Ordering {
    if let (Some(x), Some(y)) = (as_small(a), as_small(b)) {
        return x.cmp(&y);
    }
    // By reference: cloning the digits of a big operand would dominate.
    big_ref(a).cmp(&big_ref(b))
}

/// Exact comparison of an int with a float (no rounding of the int).
pub fn cmp_float(a: &Value, f: f64) -> Option<std::cmp::Ordering> {
    use std::cmp::Ordering;
    if f.is_nan() {
        return None;
    }
    if f.is_infinite() {
        return Some(if f > 0.0 { Ordering::Less } else { Ordering::Greater });
    }
    if let Some(x) = as_small(a) {
        if x.unsigned_abs() < (1 << 53) {
            return (x as f64).partial_cmp(&f);
        }
    }
    // Compare exactly: floor(f) as an int, then the fractional part.
    let fl = f.floor();
    let fi = float_to_bigint(fl);
    let ai = to_big(a).unwrap();
    match ai.cmp(&fi) {
        Ordering::Equal => {
            if f > fl {
                Some(Ordering::Less)
            } else {
                Some(Ordering::Equal)
            }
        }
        o => Some(o),
    }
}

/// The integral value of a finite float as a `BigInt` (truncating).
pub fn float_to_bigint(f: f64) -> BigInt {
    if f.abs() < 9.2e18 {
        return BigInt::from(f as i64);
    }
    let bits = f.to_bits();
    let exp = ((bits >> 52) & 0x7ff) as i64 - 1075;
    let mant = (bits & ((1u64 << 52) - 1)) | (1u64 << 52);
    let m = BigInt::from(mant);
    let r = if exp >= 0 { m << exp as usize } else { m >> (-exp) as usize };
    if f < 0.0 {
        -r
    } else {
        r
    }
}

/// `int(f)` for a float: truncation toward zero, with CPython's errors.
pub fn from_f64(f: f64) -> PyResult<Value> {
    if f.is_nan() {
        return Err(PyErr::value_error("cannot convert float NaN to integer"));
    }
    if f.is_infinite() {
        return Err(PyErr::overflow("cannot convert float infinity to integer"));
    }
    let t = f.trunc();
    if t.abs() < 9.2e18 {
        return Ok(Value::Int(t as i64));
    }
    Ok(normalize(float_to_bigint(t)))
}

/// `gcd(a, b)` of big ints (`math.gcd`, and so `Fraction`): Lehmer's
/// algorithm (Knuth, TAOCP 4.5.2, Algorithm L). Hand-written because
/// `num-integer`'s `gcd` is Stein's binary algorithm, a shift and a
/// subtraction of the whole numbers per bit: 6x slower than CPython on
/// 2000-bit numbers and quadratic with a large constant beyond (summing
/// `Fraction(1, k)` was 18x slower). Here the leading 64 bits of both
/// numbers simulate Euclid's quotients in machine words, and one pass over
/// the 64-bit limbs applies a run of them (~30-60 bits at a time).
pub fn gcd_big(a: &BigInt, b: &BigInt) -> BigInt {
    let (mut a, mut b) = (a.magnitude().to_u64_digits(), b.magnitude().to_u64_digits());
    if limbs_less(&a, &b) {
        std::mem::swap(&mut a, &mut b);
    }
    let (mut na, mut nb) = (Vec::with_capacity(a.len()), Vec::with_capacity(a.len()));
    while !b.is_empty() {
        if a.len() <= 2 {
            let word = |v: &[u64]| v.iter().rev().fold(0u128, |acc, &d| (acc << 64) | d as u128);
            let (mut x, mut y) = (word(&a), word(&b));
            while y != 0 {
                (x, y) = (y, x % y);
            }
            return BigInt::from(x);
        }
        // The leading 64 bits of a, and b's bits at the same places.
        let top = |v: &[u64], len: usize, lz: u32| -> u64 {
            let at = |i: usize| v.get(i).copied().unwrap_or(0);
            let (hi, lo) = (at(len - 1), at(len - 2));
            if lz == 0 {
                hi
            } else {
                (hi << lz) | (lo >> (64 - lz))
            }
        };
        let lz = a[a.len() - 1].leading_zeros();
        let (mut x, mut y) = (top(&a, a.len(), lz), top(&b, a.len(), lz));
        // Cofactors: the run of quotients maps (a, b) to (A a + B b, C a + D b).
        let (mut ca, mut cb, mut cc, mut cd): (i128, i128, i128, i128) = (1, 0, 0, 1);
        loop {
            let (yc, yd) = (y as i128 + cc, y as i128 + cd);
            if yc == 0 || yd == 0 {
                break;
            }
            let q = (x as i128 + ca) / yc;
            if q != (x as i128 + cb) / yd {
                break;
            }
            (ca, cc) = (cc, ca - q * cc);
            (cb, cd) = (cd, cb - q * cd);
            (x, y) = (y, (x as i128 - q * y as i128) as u64);
        }
        if cb == 0 {
            // No quotient could be simulated: one division on the numbers.
            let (ab, bb) = (BigUint::from_slice(&u64s_to_u32s(&a)), BigUint::from_slice(&u64s_to_u32s(&b)));
            let r = ab % &bb;
            a = b;
            b = r.to_u64_digits();
            continue;
        }
        lin_comb(&a, &b, ca, cb, &mut na);
        lin_comb(&a, &b, cc, cd, &mut nb);
        std::mem::swap(&mut a, &mut na);
        std::mem::swap(&mut b, &mut nb);
    }
    BigInt::from(BigUint::from_slice(&u64s_to_u32s(&a)))
}

/// `out = p*a + q*b` for limb vectors whose result is known to be
/// non-negative (Lehmer's step), trimmed of leading zero limbs.
fn lin_comb(a: &[u64], b: &[u64], p: i128, q: i128, out: &mut Vec<u64>) {
    out.clear();
    // Each term p*a[i] is computed as a 128-bit product split into limbs;
    // `carry` holds the signed running remainder (bounded by 2**66).
    let (pn, pm) = (p < 0, p.unsigned_abs());
    let (qn, qm) = (q < 0, q.unsigned_abs());
    let mut carry: i128 = 0;
    for (i, &ai) in a.iter().enumerate() {
        let ai = ai as u128;
        let bi = b.get(i).copied().unwrap_or(0) as u128;
        // |p|, |q| < 2**64, so each product fits in u128.
        let (pa, qb) = (pm * ai, qm * bi);
        let lo = |v: u128| (v as u64) as i128;
        let hi = |v: u128| (v >> 64) as i128;
        let (plo, phi) = if pn { (-lo(pa), -hi(pa)) } else { (lo(pa), hi(pa)) };
        let (qlo, qhi) = if qn { (-lo(qb), -hi(qb)) } else { (lo(qb), hi(qb)) };
        let sum = carry + plo + qlo;
        out.push(sum as u64);
        carry = (sum >> 64) + phi + qhi;
    }
    while carry != 0 && carry != -1 {
        out.push(carry as u64);
        carry >>= 64;
    }
    while out.last() == Some(&0) {
        out.pop();
    }
}

fn limbs_less(a: &[u64], b: &[u64]) -> bool {
    if a.len() != b.len() {
        return a.len() < b.len();
    }
    a.iter().rev().cmp(b.iter().rev()) == std::cmp::Ordering::Less
}

fn u64s_to_u32s(v: &[u64]) -> Vec<u32> {
    v.iter().flat_map(|&d| [d as u32, (d >> 32) as u32]).collect()
}
