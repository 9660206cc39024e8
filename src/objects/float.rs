//! `float`: IEEE doubles, with CPython's repr, hash and division semantics.
//!
//! The repr is hand-written on top of Rust's shortest round-trip digit
//! generation (`{:e}`), because CPython's switch between fixed and
//! exponential notation and its exponent format (`1e+16`, `1e-07`) must match
//! exactly.

use super::int::HASH_MODULUS;
use crate::vm::{PyErr, PyResult};

/// Shortest round-trip digits and decimal exponent: `x = 0.DIGITS * 10**decpt`.
///
/// Uses Ryu, which like CPython's `dtoa` mode 0 picks, among the shortest
/// digit strings that round-trip, the one closest to the exact value (ties
/// to even). Rust's own `{:e}` does not always pick the closest one.
fn shortest_digits(x: f64) -> (String, i32) {
    let mut buf = ryu::Buffer::new();
    let s = buf.format_finite(x.abs());
    // Ryu prints either "123.45", "1e16", "1.5e-7" or "0.001".
    let (mant, exp) = match s.split_once('e') {
        Some((m, e)) => (m, e.parse::<i32>().unwrap()),
        None => (s, 0),
    };
    let (int_part, frac_part) = mant.split_once('.').unwrap_or((mant, ""));
    let frac_part = if frac_part == "0" { "" } else { frac_part };
    let mut digits: String = format!("{}{}", int_part, frac_part);
    let mut decpt = int_part.len() as i32 + exp;
    // Strip leading zeros (0.001 -> digits "1", decpt -2).
    let lead = digits.len() - digits.trim_start_matches('0').len();
    digits.drain(..lead);
    decpt -= lead as i32;
    let trimmed = digits.trim_end_matches('0').len();
    digits.truncate(trimmed.max(1));
    if digits.is_empty() {
        digits.push('0');
    }
    (digits, decpt)
}

/// `repr(x)` exactly as CPython prints it.
pub fn repr(x: f64) -> String {
    if x.is_nan() {
        return "nan".into();
    }
    if x.is_infinite() {
        return if x > 0.0 { "inf".into() } else { "-inf".into() };
    }
    let sign = if x.is_sign_negative() { "-" } else { "" };
    if x == 0.0 {
        return format!("{}0.0", sign);
    }
    let (digits, decpt) = shortest_digits(x);
    format!("{}{}", sign, format_digits(&digits, decpt, true))
}

/// Lays out shortest digits in CPython's 'r' style: fixed notation for
/// -4 < decpt <= 16, exponential otherwise.
fn format_digits(digits: &str, decpt: i32, add_dot_0: bool) -> String {
    let n = digits.len() as i32;
    if decpt <= -4 || decpt > 16 {
        let mut s = String::new();
        s.push_str(&digits[..1]);
        if n > 1 {
            s.push('.');
            s.push_str(&digits[1..]);
        }
        let e = decpt - 1;
        s.push_str(&format!("e{}{:02}", if e < 0 { '-' } else { '+' }, e.abs()));
        s
    } else if decpt <= 0 {
        format!("0.{}{}", "0".repeat((-decpt) as usize), digits)
    } else if decpt >= n {
        format!("{}{}{}", digits, "0".repeat((decpt - n) as usize), if add_dot_0 { ".0" } else { "" })
    } else {
        format!("{}.{}", &digits[..decpt as usize], &digits[decpt as usize..])
    }
}

/// `hash()` of a float, as CPython's `_Py_HashDouble` (equal to the hash of
/// an equal int).
pub fn hash(v: f64) -> i64 {
    const BITS: i32 = 61;
    if !v.is_finite() {
        if v.is_infinite() {
            return if v > 0.0 { 314159 } else { -314159 };
        }
        return 0;
    }
    let (mut m, mut e) = frexp(v);
    let mut sign: i64 = 1;
    if m < 0.0 {
        sign = -1;
        m = -m;
    }
    let mut x: u64 = 0;
    while m != 0.0 {
        x = ((x << 28) & HASH_MODULUS) | (x >> (BITS - 28));
        m *= 268435456.0;
        e -= 28;
        let y = m as u64;
        m -= y as f64;
        x += y;
        if x >= HASH_MODULUS {
            x -= HASH_MODULUS;
        }
    }
    let e = if e >= 0 { e % BITS } else { BITS - 1 - ((-1 - e) % BITS) };
    x = ((x << e) & HASH_MODULUS) | (x >> (BITS - e));
    let x = (x as i64).wrapping_mul(sign);
    if x == -1 {
        -2
    } else {
        x
    }
}

/// `frexp`: `v = m * 2**e` with 0.5 <= |m| < 1.
pub fn frexp(v: f64) -> (f64, i32) {
    if v == 0.0 || !v.is_finite() {
        return (v, 0);
    }
    let bits = v.to_bits();
    let exp = ((bits >> 52) & 0x7ff) as i32;
    if exp == 0 {
        // Subnormal: normalise first.
        let (m, e) = frexp(v * 2f64.powi(64));
        return (m, e - 64);
    }
    let e = exp - 1022;
    let m = f64::from_bits((bits & !(0x7ffu64 << 52)) | (1022u64 << 52));
    (m, e)
}

thread_local! {
    static NAN_SERIAL: std::cell::Cell<u64> = const { std::cell::Cell::new(1) };
}

/// A quiet NaN with a payload no other NaN has. Floats are unboxed, so NaN
/// payloads stand in for object identity: `x = float('nan'); x is x` holds
/// while `float('nan') is float('nan')` does not, as in CPython.
pub fn fresh_nan() -> f64 {
    let n = NAN_SERIAL.with(|c| {
        let v = c.get();
        c.set(v + 1);
        v
    });
    f64::from_bits(0x7ff8_0000_0000_0000 | (n & 0x0007_ffff_ffff_ffff))
}

/// Python's float floor division.
pub fn floordiv(a: f64, b: f64) -> PyResult<f64> {
    if b == 0.0 {
        return Err(PyErr::zero_division("float floor division by zero"));
    }
    Ok(divmod_inner(a, b).0)
}

/// Python's float modulo (result has the sign of the divisor).
pub fn modulo(a: f64, b: f64) -> PyResult<f64> {
    if b == 0.0 {
        return Err(PyErr::zero_division("float modulo"));
    }
    Ok(divmod_inner(a, b).1)
}

pub fn divmod(a: f64, b: f64) -> PyResult<(f64, f64)> {
    if b == 0.0 {
        return Err(PyErr::zero_division("float divmod()"));
    }
    Ok(divmod_inner(a, b))
}

/// CPython's `_float_div_mod`.
fn divmod_inner(vx: f64, wx: f64) -> (f64, f64) {
    let mut m = vx % wx;
    let mut div = (vx - m) / wx;
    if m != 0.0 {
        if (wx < 0.0) != (m < 0.0) {
            m += wx;
            div -= 1.0;
        }
    } else {
        m = 0.0f64.copysign(wx);
    }
    let floordiv = if div != 0.0 {
        let mut f = div.floor();
        if div - f > 0.5 {
            f += 1.0;
        }
        f
    } else {
        0.0f64.copysign(vx / wx)
    };
    (floordiv, m)
}

/// `float ** float` with CPython's errors.
pub fn pow(a: f64, b: f64) -> PyResult<f64> {
    if a == 0.0 && b < 0.0 && b.is_finite() {
        return Err(PyErr::zero_division("0.0 cannot be raised to a negative power"));
    }
    if a.is_finite() && a < 0.0 && b.is_finite() && b != b.floor() {
        // CPython returns a complex number here; callers handle that case.
        return Err(PyErr::value_error("negative number cannot be raised to a fractional power"));
    }
    let r = a.powf(b);
    if r.is_infinite() && a.is_finite() && b.is_finite() {
        return Err(PyErr::with_args(
            crate::vm::ExcKind::OverflowError,
            vec![super::Value::Int(34), super::Value::str("Numerical result out of range")],
        ));
    }
    Ok(r)
}

/// Parses a float as `float(text)` does; `None` if the text is invalid.
pub fn parse(text: &str) -> Option<f64> {
    if !text.is_ascii() {
        // Unicode decimal digits and spaces count as their ASCII forms.
        let mut t = String::with_capacity(text.len());
        for c in text.chars() {
            if c.is_ascii() {
                t.push(c);
                continue;
            }
            match super::str::decimal_value(c) {
                Some(d) => t.push((b'0' + d as u8) as char),
                None if super::str::is_space(c) => t.push(' '),
                None => return None,
            }
        }
        return parse(&t);
    }
    let s = text.trim_matches(|c: char| matches!(c, ' ' | '\t' | '\n' | '\x0b' | '\x0c' | '\r'));
    if s.is_empty() {
        return None;
    }
    // Plain decimal text (`float("12.5")`, the common case): Rust's grammar
    // for these characters is Python's (one optional sign, digits with an
    // optional point, an optional exponent), so it decides alone.
    if s.bytes().all(|c| c.is_ascii_digit() || matches!(c, b'.' | b'e' | b'E' | b'+' | b'-')) {
        return s.parse::<f64>().ok();
    }
    let lower = s.to_ascii_lowercase();
    let (sign, body) = match lower.as_bytes()[0] {
        b'-' => (-1.0, &lower[1..]),
        b'+' => (1.0, &lower[1..]),
        _ => (1.0, &lower[..]),
    };
    if body.starts_with(['+', '-']) {
        return None;
    }
    match body {
        "inf" | "infinity" => return Some(sign * f64::INFINITY),
        "nan" => return Some(fresh_nan().copysign(sign)),
        _ => {}
    }
    // Underscores are allowed only between digits.
    let b = body.as_bytes();
    for (i, c) in b.iter().enumerate() {
        if *c == b'_' && (i == 0 || i + 1 == b.len() || !b[i - 1].is_ascii_digit() || !b[i + 1].is_ascii_digit()) {
            return None;
        }
    }
    let cleaned: String = body.chars().filter(|c| *c != '_').collect();
    if !cleaned.bytes().all(|c| c.is_ascii_digit() || matches!(c, b'.' | b'e' | b'+' | b'-')) {
        return None;
    }
    if !cleaned.bytes().any(|c| c.is_ascii_digit()) {
        return None;
    }
    cleaned.parse::<f64>().ok().map(|v| sign * v)
}

/// `float.__round__(ndigits)`: correctly rounded to `ndigits` decimal places
/// (half to even on the exact binary value, as CPython's `round` does).
/// `format!("{:.*}", p, x)` for any precision `p`: Rust's formatter
/// refuses precisions above `u16::MAX` (a panic), and a double's exact
/// decimal expansion ends within 1074 fractional digits, so past that
/// the digits are zeros.
fn fmt_fixed(x: f64, p: usize) -> String {
    const EXACT: usize = 1100;
    if p <= EXACT {
        return format!("{:.*}", p, x);
    }
    let mut s = format!("{:.*}", EXACT, x);
    s.extend(std::iter::repeat_n('0', p - EXACT));
    s
}

/// `format!("{:.*e}", p, x)` for any precision `p` (a double has at most
/// 767 significant decimal digits: see `fmt_fixed`).
fn fmt_exp(x: f64, p: usize) -> String {
    const EXACT: usize = 800;
    if p <= EXACT {
        return format!("{:.*e}", p, x);
    }
    let s = format!("{:.*e}", EXACT, x);
    let (m, e) = s.split_once('e').unwrap_or((&s, "0"));
    format!("{}{}e{}", m, "0".repeat(p - EXACT), e)
}

/// `round(x, ndigits)`: the double nearest to `x` rounded half to even at
/// the `10**-ndigits` place, from `x`'s exact value (CPython's dtoa mode
/// 3); `OverflowError` when that is too large for a double.
pub fn round_ndigits(x: f64, ndigits: i64) -> PyResult<f64> {
    if !x.is_finite() || x == 0.0 {
        return Ok(x);
    }
    if ndigits > 323 {
        return Ok(x);
    }
    if ndigits < -308 {
        return Ok(0.0f64.copysign(x));
    }
    // Format with exact decimal rounding (Rust rounds half to even on the
    // exact binary value), then parse back.
    if ndigits >= 0 {
        let s = fmt_fixed(x, ndigits as usize);
        return Ok(s.parse().unwrap_or(x));
    }
    // |x| = m * 2**e exactly; q = |x| / 10**k rounded half to even, in
    // integers (dividing by 10**k in floats first is inexact).
    use num_bigint::BigInt;
    use num_integer::Integer;
    use num_traits::ToPrimitive;
    let bits = x.abs().to_bits();
    let (frac, exp) = (bits & ((1u64 << 52) - 1), (bits >> 52) as i64);
    let (m, e) = if exp == 0 { (frac, -1074) } else { (frac | (1u64 << 52), exp - 1075) };
    let p10 = BigInt::from(10u32).pow((-ndigits) as u32);
    let (num, den) = if e >= 0 { (BigInt::from(m) << e as usize, p10.clone()) } else { (BigInt::from(m), &p10 << (-e) as usize) };
    let (mut q, r) = num.div_rem(&den);
    match (r << 1usize).cmp(&den) {
        std::cmp::Ordering::Greater => q += 1,
        std::cmp::Ordering::Equal if q.is_odd() => q += 1,
        _ => {}
    }
    let y = (q * p10).to_f64().unwrap_or(f64::INFINITY);
    if !y.is_finite() {
        return Err(PyErr::overflow("rounded value too large to represent"));
    }
    Ok(y.copysign(x))
}

pub fn round_half_even(x: f64) -> f64 {
    let r = x.round();
    if (x - x.trunc()).abs() == 0.5 {
        2.0 * (x / 2.0).round()
    } else {
        r
    }
}

/// `float.is_integer()` and friends use this: whether `x` has no fraction.
pub fn is_integral(x: f64) -> bool {
    x.is_finite() && x == x.trunc()
}

/// Formats `x` with `prec` significant digits in the style of `%g` / `format(x, 'g')`.
pub fn format_g(x: f64, prec: usize, alt: bool, upper: bool) -> String {
    if !x.is_finite() {
        return special(x, upper);
    }
    let prec = prec.max(1);
    let sign = if x.is_sign_negative() { "-" } else { "" };
    if x == 0.0 {
        let body = if alt { format!("0.{}", "0".repeat(prec - 1)) } else { "0".to_string() };
        return format!("{}{}", sign, body.trim_end_matches('.'));
    }
    let s = fmt_exp(x.abs(), prec - 1);
    let (mant, exp) = s.split_once('e').unwrap();
    let exp: i32 = exp.parse().unwrap();
    let digits: String = mant.chars().filter(|c| *c != '.').collect();
    let body = if exp < -4 || exp >= prec as i32 {
        let mut m = String::new();
        m.push_str(&digits[..1]);
        let mut rest = digits[1..].to_string();
        if !alt {
            rest = rest.trim_end_matches('0').to_string();
        }
        if !rest.is_empty() || alt {
            m.push('.');
            m.push_str(&rest);
        }
        format!("{}{}{}{:02}", m, if upper { 'E' } else { 'e' }, if exp < 0 { '-' } else { '+' }, exp.abs())
    } else {
        let decpt = exp + 1;
        let mut out = if decpt <= 0 {
            format!("0.{}{}", "0".repeat((-decpt) as usize), digits)
        } else if decpt as usize >= digits.len() {
            format!("{}{}", digits, "0".repeat(decpt as usize - digits.len()))
        } else {
            format!("{}.{}", &digits[..decpt as usize], &digits[decpt as usize..])
        };
        if !alt {
            if out.contains('.') {
                out = out.trim_end_matches('0').trim_end_matches('.').to_string();
            }
        } else if !out.contains('.') {
            out.push('.');
        }
        out
    };
    format!("{}{}", sign, body)
}

/// `%e` style with `prec` digits after the point.
pub fn format_e(x: f64, prec: usize, alt: bool, upper: bool) -> String {
    if !x.is_finite() {
        return special(x, upper);
    }
    let s = fmt_exp(x, prec);
    let (mant, exp) = s.split_once('e').unwrap();
    let exp: i32 = exp.parse().unwrap();
    let mant = if alt && prec == 0 { format!("{}.", mant) } else { mant.to_string() };
    format!("{}{}{}{:02}", mant, if upper { 'E' } else { 'e' }, if exp < 0 { '-' } else { '+' }, exp.abs())
}

/// `%f` style with `prec` digits after the point.
pub fn format_f(x: f64, prec: usize, alt: bool, upper: bool) -> String {
    if !x.is_finite() {
        return special(x, upper);
    }
    let s = fmt_fixed(x, prec);
    if alt && prec == 0 {
        format!("{}.", s)
    } else {
        s
    }
}

/// `str(x)` style used by `format(x, '')` with a precision: like 'g' but
/// always keeps at least one digit after the point when fixed.
pub fn format_repr_prec(x: f64, prec: usize) -> String {
    if !x.is_finite() {
        return special(x, false);
    }
    let s = format_g(x, prec, false, false);
    if s.contains(['.', 'e', 'n', 'i']) {
        s
    } else {
        format!("{}.0", s)
    }
}

fn special(x: f64, upper: bool) -> String {
    let s = if x.is_nan() {
        "nan"
    } else if x > 0.0 {
        "inf"
    } else {
        "-inf"
    };
    if upper {
        s.to_uppercase()
    } else {
        s.to_string()
    }
}

/// Correctly rounded decimal digits of a finite `x >= 0` in the manner of
/// CPython's `_Py_dg_dtoa`: mode 0 gives the shortest round-tripping
/// digits, mode 2 at most `nd` significant digits, mode 3 digits up to `nd`
/// places after the point. Trailing zeros are stripped; the value is
/// `0.DIGITS * 10**decpt`. Zero gives ("0", 1); a mode-3 result that rounds
/// to zero gives ("", -nd).
pub fn dtoa(x: f64, mode: u8, nd: usize) -> (String, i32) {
    if x == 0.0 {
        return ("0".to_string(), 1);
    }
    // Fast path: when the shortest round-trip digits already fit the
    // requested precision and the value is within half a unit of the last
    // requested digit of them, rounding the exact value gives those digits.
    if mode != 0 && x.is_finite() {
        let (digits, decpt) = shortest_digits(x);
        let fits = match mode {
            2 => digits.len() <= nd,
            _ => digits.len() as i64 - decpt as i64 <= nd as i64,
        };
        if fits {
            // The last requested digit's unit: 10**(decpt - nd) in mode 2,
            // 10**-nd in mode 3.
            let unit_exp = if mode == 2 { decpt as i64 - nd as i64 } else { -(nd as i64) };
            let ulp = {
                let bits = x.to_bits();
                f64::from_bits(bits + 1) - x
            };
            if (-300..=300).contains(&unit_exp) && ulp < 0.25 * 10f64.powi(unit_exp as i32) {
                return (digits, decpt);
            }
        }
    }
    match mode {
        0 => shortest_digits(x),
        2 => {
            let s = fmt_exp(x, nd.max(1) - 1);
            let (mant, exp) = s.split_once('e').unwrap_or((&s, "0"));
            let exp: i32 = exp.parse().unwrap_or(0);
            let mut digits: String = mant.chars().filter(|c| *c != '.').collect();
            let keep = digits.trim_end_matches('0').len().max(1);
            digits.truncate(keep);
            (digits, exp + 1)
        }
        _ => {
            let s = fmt_fixed(x, nd);
            let (int_part, frac) = s.split_once('.').unwrap_or((&s, ""));
            let all = format!("{}{}", int_part, frac);
            let lead = all.len() - all.trim_start_matches('0').len();
            let digits = all[lead..].trim_end_matches('0').to_string();
            if digits.is_empty() {
                return (String::new(), -(nd as i32));
            }
            (digits, int_part.len() as i32 - lead as i32)
        }
    }
}

/// CPython's `PyOS_double_to_string`: `code` is one of e E f F g G r;
/// `alt` is the '#' flag, `add_dot_0` forces a fractional part on
/// integral fixed results, `no_neg_0` drops the sign of a zero result.
/// Negative results start with '-'; NaN never has a sign.
/// `a * 10**p` rounded to an integer, half to even, from the exact value
/// of the product (what `'%.*f' % (p, a)` shows without its point), for
/// `a >= 0` when `p <= 22` (`10**p` is an exact double) and the product
/// is below 2**52; `None` otherwise. Hand-written because it is the hot
/// path of formatting floats (`f"{x:.3f}"`): the rounded product `y` and
/// its exact error `e = a*10**p - y` (one fused multiply-add) decide the
/// rounding without big-number arithmetic. `y - floor(y) - 0.5` is exact
/// and, unless zero, a multiple of `y`'s unit in the last place, which
/// `|e|` (at most half of it) cannot outweigh; when it is zero, `e`'s
/// sign decides, and a true tie goes to the even integer.
pub fn fixed_scaled(a: f64, p: usize) -> Option<u64> {
    const POW10: [f64; 23] =
        [1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22];
    if p > 22 || a.is_nan() || a < 0.0 {
        return None;
    }
    if a < 1e-250 {
        // (The product is far below one half; no underflow in `e`.)
        return Some(0);
    }
    let scale = POW10[p];
    let y = a * scale;
    if y.is_nan() || y >= 4503599627370496.0 {
        return None;
    }
    let e = a.mul_add(scale, -y);
    let fl = y.floor();
    let d = (y - fl) - 0.5;
    let up = if d != 0.0 {
        d > 0.0
    } else if e != 0.0 {
        e > 0.0
    } else {
        (fl as u64) % 2 == 1
    };
    Some(fl as u64 + up as u64)
}

/// The text of `n / 10**p` with `p` digits after the point (none and no
/// point when `p` is 0), written at the end of `buf` (`p` at most 22).
pub fn fixed_text(mut n: u64, p: usize, buf: &mut [u8; 48]) -> &str {
    let mut i = buf.len();
    let mut k = 0;
    while n > 0 || k <= p {
        if k == p && p > 0 {
            i -= 1;
            buf[i] = b'.';
        }
        i -= 1;
        buf[i] = b'0' + (n % 10) as u8;
        n /= 10;
        k += 1;
    }
    // SAFETY: only ASCII digits and a point were written.
    unsafe { std::str::from_utf8_unchecked(&buf[i..]) }
}

pub fn double_to_string(x: f64, code: char, precision: usize, alt: bool, add_dot_0: bool, no_neg_0: bool) -> String {
    let upper = code.is_ascii_uppercase();
    let code = code.to_ascii_lowercase();
    if x.is_nan() {
        return if upper { "NAN" } else { "nan" }.to_string();
    }
    if x.is_infinite() {
        let s = if upper { "INF" } else { "inf" };
        return if x < 0.0 { format!("-{}", s) } else { s.to_string() };
    }
    if code == 'f' && !alt {
        let mut out = String::with_capacity(24 + precision);
        if let Some(n) = fixed_scaled(x.abs(), precision) {
            if x.is_sign_negative() && !(no_neg_0 && n == 0) {
                out.push('-');
            }
            let mut buf = [0u8; 48];
            out.push_str(fixed_text(n, precision, &mut buf));
            return out;
        }
        // Rust's fixed-point formatting writes the exact binary value
        // rounded half to even at the precision, as dtoa's mode 3 does:
        // the same text in one pass instead of digits then their layout.
        out.push_str(&fmt_fixed(x, precision));
        if no_neg_0 && out.starts_with('-') && out.bytes().skip(1).all(|b| b == b'0' || b == b'.') {
            out.remove(0);
        }
        return out;
    }
    let mut precision = precision;
    let (digits, mut decpt) = match code {
        'e' => {
            precision += 1;
            dtoa(x.abs(), 2, precision)
        }
        'f' => dtoa(x.abs(), 3, precision),
        'g' => {
            if precision == 0 {
                precision = 1;
            }
            dtoa(x.abs(), 2, precision)
        }
        _ => dtoa(x.abs(), 0, 0),
    };
    let mut negative = x.is_sign_negative();
    if no_neg_0 && negative && (digits.is_empty() || digits == "0") {
        negative = false;
    }
    let precision = precision as i32;
    let dlen = digits.len() as i32;
    let mut vend = dlen;
    let mut use_exp = false;
    match code {
        'e' => {
            use_exp = true;
            vend = precision;
        }
        'f' => vend = decpt + precision,
        'g' => {
            if decpt <= -4 || decpt > (if add_dot_0 { precision - 1 } else { precision }) {
                use_exp = true;
            }
            if alt {
                vend = precision;
            }
        }
        _ => {
            if decpt <= -4 || decpt > 16 {
                use_exp = true;
            }
        }
    }
    let mut exp = 0;
    if use_exp {
        exp = decpt - 1;
        decpt = 1;
    }
    let vstart = if decpt <= 0 { decpt - 1 } else { 0 };
    vend = if !use_exp && add_dot_0 { vend.max(decpt + 1) } else { vend.max(decpt) };
    let zeros = |out: &mut String, n: i32| {
        for _ in 0..n.max(0) {
            out.push('0');
        }
    };
    let mut out = String::with_capacity((vend - vstart + 8).max(8) as usize);
    if negative {
        out.push('-');
    }
    if decpt <= 0 {
        zeros(&mut out, decpt - vstart);
        out.push('.');
        zeros(&mut out, -decpt);
    } else {
        zeros(&mut out, -vstart);
    }
    if 0 < decpt && decpt <= dlen {
        out.push_str(&digits[..decpt as usize]);
        out.push('.');
        out.push_str(&digits[decpt as usize..]);
    } else {
        out.push_str(&digits);
    }
    if dlen < decpt {
        zeros(&mut out, decpt - dlen);
        out.push('.');
        zeros(&mut out, vend - decpt);
    } else {
        zeros(&mut out, vend - dlen);
    }
    if out.ends_with('.') && !alt {
        out.pop();
    }
    if use_exp {
        out.push(if upper { 'E' } else { 'e' });
        out.push(if exp < 0 { '-' } else { '+' });
        if exp.abs() < 10 {
            out.push('0');
        }
        out.push_str(&exp.abs().to_string());
    }
    out
}
