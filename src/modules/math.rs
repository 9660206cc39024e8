//! The `math` module, with CPython's error behaviour (`math domain error`,
//! `math range error`). Float functions call the platform libm, as CPython does.

use num_bigint::BigInt;
use num_integer::Integer;
use num_traits::{One, Signed, ToPrimitive, Zero};

use super::{new_module, set};
use crate::builtins::arg;
use crate::objects::*;
use crate::vm::{Args, PyErr, PyResult, Vm};

extern "C" {
    fn erf(x: f64) -> f64;
    fn erfc(x: f64) -> f64;
    fn tgamma(x: f64) -> f64;
    fn lgamma(x: f64) -> f64;
    fn nextafter(x: f64, y: f64) -> f64;
    fn remainder(x: f64, y: f64) -> f64;
    // The C library's inverse hyperbolics (as CPython calls them): Rust's
    // own f64::asinh/acosh/atanh can differ in the last digit.
    #[link_name = "asinh"]
    fn c_asinh(x: f64) -> f64;
    #[link_name = "acosh"]
    fn c_acosh(x: f64) -> f64;
    #[link_name = "atanh"]
    fn c_atanh(x: f64) -> f64;
}

fn libm_asinh(x: f64) -> f64 {
    // SAFETY: a pure libm function of one double.
    unsafe { c_asinh(x) }
}

fn libm_acosh(x: f64) -> f64 {
    // SAFETY: as above.
    unsafe { c_acosh(x) }
}

fn libm_atanh(x: f64) -> f64 {
    // SAFETY: as above.
    unsafe { c_atanh(x) }
}

fn domain() -> PyErr {
    PyErr::value_error("math domain error")
}

fn range() -> PyErr {
    PyErr::overflow("math range error")
}

fn f(vm: &mut Vm, args: &Args, name: &str) -> PyResult<f64> {
    args.check(name, 1, 1)?;
    arg::float(vm, &args.pos[0])
}

/// Applies a libm function with CPython's error classification: a NaN from
/// a non-NaN input is a domain error, an infinity from a finite input a
/// range error.
fn unary(vm: &mut Vm, args: Args, name: &str, func: fn(f64) -> f64, can_overflow: bool) -> PyResult<Value> {
    let x = f(vm, &args, name)?;
    let r = func(x);
    if r.is_nan() && !x.is_nan() {
        return Err(domain());
    }
    if r.is_infinite() && x.is_finite() {
        return Err(if can_overflow { range() } else { domain() });
    }
    Ok(Value::Float(r))
}

macro_rules! unary_fns {
    ($($name:ident => $func:expr, $ovf:expr;)*) => {
        $(
            fn $name(vm: &mut Vm, args: Args) -> PyResult<Value> {
                unary(vm, args, stringify!($name), $func, $ovf)
            }
        )*
    };
}

unary_fns! {
    sin => f64::sin, false;
    cos => f64::cos, false;
    tan => f64::tan, false;
    asin => f64::asin, false;
    acos => f64::acos, false;
    atan => f64::atan, false;
    sinh => f64::sinh, true;
    cosh => f64::cosh, true;
    tanh => f64::tanh, false;
    asinh => libm_asinh, false;
    acosh => libm_acosh, false;
    atanh => libm_atanh, false;
    exp => f64::exp, true;
    exp2 => f64::exp2, true;
    expm1 => f64::exp_m1, true;
    fabs => f64::abs, false;
    cbrt => f64::cbrt, false;
}

fn sqrt(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let x = f(vm, &args, "sqrt")?;
    if x < 0.0 {
        return Err(domain());
    }
    Ok(Value::Float(x.sqrt()))
}

/// log of an int of any size (exact for huge ints, as CPython's `loghelper`).
fn log_of(vm: &mut Vm, v: &Value, func: fn(f64) -> f64) -> PyResult<f64> {
    if let Value::BigInt(b) = v {
        if b.is_negative() {
            return Err(domain());
        }
        // x = m * 2**e with m in [0.5, 1): log(x) = log(m) + e*log(2).
        let bits = b.bits() as i64;
        let shift = (bits - 60).max(0);
        let bb: &BigInt = b;
        let top = (bb >> shift as usize).to_f64().unwrap();
        let l = func(top) + shift as f64 * func(2.0);
        return Ok(l);
    }
    let x = arg::float(vm, v)?;
    if x <= 0.0 {
        return Err(domain());
    }
    Ok(func(x))
}

fn log(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check("log", 1, 2)?;
    let num = log_of(vm, &args.pos[0], f64::ln)?;
    if args.len() == 2 {
        let den = log_of(vm, &args.pos[1], f64::ln)?;
        if den == 0.0 {
            return Err(PyErr::zero_division("float division by zero"));
        }
        return Ok(Value::Float(num / den));
    }
    Ok(Value::Float(num))
}

fn log2(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check("log2", 1, 1)?;
    if let Value::BigInt(_) = &args.pos[0] {
        return Ok(Value::Float(log_of(vm, &args.pos[0], f64::ln)? / std::f64::consts::LN_2));
    }
    Ok(Value::Float(log_of(vm, &args.pos[0], f64::log2)?))
}

fn log10(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check("log10", 1, 1)?;
    if let Value::BigInt(_) = &args.pos[0] {
        return Ok(Value::Float(log_of(vm, &args.pos[0], f64::ln)? / std::f64::consts::LN_10));
    }
    Ok(Value::Float(log_of(vm, &args.pos[0], f64::log10)?))
}

fn log1p(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let x = f(vm, &args, "log1p")?;
    if x <= -1.0 {
        return Err(domain());
    }
    Ok(Value::Float(x.ln_1p()))
}

fn pow(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check("pow", 2, 2)?;
    let x = arg::float(vm, &args.pos[0])?;
    let y = arg::float(vm, &args.pos[1])?;
    if x == 0.0 && y < 0.0 && y.is_finite() {
        return Err(domain());
    }
    if x < 0.0 && x.is_finite() && y.is_finite() && y != y.trunc() {
        return Err(domain());
    }
    let r = x.powf(y);
    if r.is_infinite() && x.is_finite() && y.is_finite() {
        return Err(range());
    }
    Ok(Value::Float(r))
}

fn atan2(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check("atan2", 2, 2)?;
    let y = arg::float(vm, &args.pos[0])?;
    let x = arg::float(vm, &args.pos[1])?;
    Ok(Value::Float(y.atan2(x)))
}

fn rounding(vm: &mut Vm, args: Args, name: &str, dunder: &str, func: fn(f64) -> f64) -> PyResult<Value> {
    args.check(name, 1, 1)?;
    let v = args.pos[0].clone();
    match &v {
        Value::Int(_) | Value::BigInt(_) => return Ok(v),
        Value::Bool(b) => return Ok(Value::Int(*b as i64)),
        Value::Float(x) => return int::from_f64(func(*x)),
        _ => {}
    }
    if let Some(m) = vm.lookup_special(&v, dunder) {
        return vm.call_function(&m, std::slice::from_ref(&v));
    }
    let x = arg::float(vm, &v)?;
    int::from_f64(func(x))
}

fn floor(vm: &mut Vm, args: Args) -> PyResult<Value> {
    rounding(vm, args, "floor", "__floor__", f64::floor)
}

fn ceil(vm: &mut Vm, args: Args) -> PyResult<Value> {
    rounding(vm, args, "ceil", "__ceil__", f64::ceil)
}

fn trunc(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check("trunc", 1, 1)?;
    let v = args.pos[0].clone();
    match &v {
        Value::Int(_) | Value::BigInt(_) => Ok(v),
        Value::Bool(b) => Ok(Value::Int(*b as i64)),
        Value::Float(x) => int::from_f64(x.trunc()),
        _ => {
            if let Some(m) = vm.lookup_special(&v, "__trunc__") {
                return vm.call_function(&m, std::slice::from_ref(&v));
            }
            Err(PyErr::type_error(format!("type {} doesn't define __trunc__ method", vm.type_name(&v))))
        }
    }
}

fn fmod(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check("fmod", 2, 2)?;
    let x = arg::float(vm, &args.pos[0])?;
    let y = arg::float(vm, &args.pos[1])?;
    if y == 0.0 && !x.is_nan() || x.is_infinite() && !y.is_nan() {
        return Err(domain());
    }
    Ok(Value::Float(x % y))
}

fn modf(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let x = f(vm, &args, "modf")?;
    if x.is_infinite() {
        return Ok(Value::tuple(vec![Value::Float(0.0f64.copysign(x)), Value::Float(x)]));
    }
    let i = x.trunc();
    Ok(Value::tuple(vec![Value::Float((x - i).copysign(x)), Value::Float(i)]))
}

fn frexp(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let x = f(vm, &args, "frexp")?;
    let (m, e) = float::frexp(x);
    Ok(Value::tuple(vec![Value::Float(m), Value::Int(e as i64)]))
}

fn ldexp(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check("ldexp", 2, 2)?;
    let x = arg::float(vm, &args.pos[0])?;
    let e = match &args.pos[1] {
        Value::Int(i) => *i,
        Value::Bool(b) => *b as i64,
        Value::BigInt(b) => {
            if b.is_negative() {
                i64::MIN / 2
            } else {
                i64::MAX / 2
            }
        }
        v => return Err(PyErr::type_error(format!("Expected an int as second argument to ldexp, not {}", vm.type_name(v)))),
    };
    let r = int::ldexp(x, e);
    if r.is_infinite() && x.is_finite() {
        return Err(range());
    }
    Ok(Value::Float(r))
}

fn hypot(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.no_kwargs("hypot")?;
    let mut vals = Vec::with_capacity(args.len());
    for a in args.pos {
        vals.push(arg::float(vm, a)?);
    }
    if vals.iter().any(|v| v.is_infinite()) {
        return Ok(Value::Float(f64::INFINITY));
    }
    if vals.iter().any(|v| v.is_nan()) {
        return Ok(Value::Float(f64::NAN));
    }
    Ok(Value::Float(match vals.len() {
        0 => 0.0,
        1 => vals[0].abs(),
        2 => vals[0].hypot(vals[1]),
        _ => {
            let max = vals.iter().fold(0.0f64, |m, v| m.max(v.abs()));
            if max == 0.0 {
                0.0
            } else {
                let s: f64 = vals.iter().map(|v| (v / max) * (v / max)).sum();
                max * s.sqrt()
            }
        }
    }))
}

fn dist(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check("dist", 2, 2)?;
    let p = vm.collect_iterable(&args.pos[0])?;
    let q = vm.collect_iterable(&args.pos[1])?;
    if p.len() != q.len() {
        return Err(PyErr::value_error("both points must have the same number of dimensions"));
    }
    let mut diffs = Vec::new();
    for (a, b) in p.iter().zip(q.iter()) {
        diffs.push(Value::Float(arg::float(vm, a)? - arg::float(vm, b)?));
    }
    hypot(vm, Args::new(&diffs))
}

fn degrees(vm: &mut Vm, args: Args) -> PyResult<Value> {
    Ok(Value::Float(f(vm, &args, "degrees")? * (180.0 / std::f64::consts::PI)))
}

fn radians(vm: &mut Vm, args: Args) -> PyResult<Value> {
    Ok(Value::Float(f(vm, &args, "radians")? * (std::f64::consts::PI / 180.0)))
}

fn copysign(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check("copysign", 2, 2)?;
    let x = arg::float(vm, &args.pos[0])?;
    let y = arg::float(vm, &args.pos[1])?;
    Ok(Value::Float(x.copysign(y)))
}

fn isnan(vm: &mut Vm, args: Args) -> PyResult<Value> {
    Ok(Value::Bool(f(vm, &args, "isnan")?.is_nan()))
}

fn isinf(vm: &mut Vm, args: Args) -> PyResult<Value> {
    Ok(Value::Bool(f(vm, &args, "isinf")?.is_infinite()))
}

fn isfinite(vm: &mut Vm, args: Args) -> PyResult<Value> {
    Ok(Value::Bool(f(vm, &args, "isfinite")?.is_finite()))
}

fn isclose(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.allow_kwargs("isclose", &["rel_tol", "abs_tol"])?;
    args.check_pos("isclose", 2, 2)?;
    let a = arg::float(vm, &args.pos[0])?;
    let b = arg::float(vm, &args.pos[1])?;
    let rel = match args.kw("rel_tol") {
        Some(v) => arg::float(vm, v)?,
        None => 1e-9,
    };
    let abs_tol = match args.kw("abs_tol") {
        Some(v) => arg::float(vm, v)?,
        None => 0.0,
    };
    if rel < 0.0 || abs_tol < 0.0 {
        return Err(PyErr::value_error("tolerances must be non-negative"));
    }
    if a == b {
        return Ok(Value::Bool(true));
    }
    if a.is_infinite() || b.is_infinite() {
        return Ok(Value::Bool(false));
    }
    let diff = (b - a).abs();
    Ok(Value::Bool(diff <= (rel * b).abs() || diff <= (rel * a).abs() || diff <= abs_tol))
}

fn int_arg(vm: &mut Vm, v: &Value, fname: &str) -> PyResult<BigInt> {
    match v {
        Value::Int(_) | Value::BigInt(_) | Value::Bool(_) => Ok(int::to_big(v).unwrap()),
        _ => match vm.index_value(v)? {
            Some(i) => Ok(int::to_big(&i).unwrap()),
            None => {
                let _ = fname;
                Err(PyErr::type_error(format!("'{}' object cannot be interpreted as an integer", vm.type_name(v))))
            }
        },
    }
}

fn factorial(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check("factorial", 1, 1)?;
    let n = int_arg(vm, &args.pos[0], "factorial")?;
    if n.is_negative() {
        return Err(PyErr::value_error("factorial() not defined for negative values"));
    }
    let n = n.to_u64().ok_or_else(|| PyErr::overflow("factorial() argument should not exceed 9223372036854775807"))?;
    if n > 1_000_000 {
        return Err(PyErr::new(crate::vm::ExcKind::MemoryError, ""));
    }
    // Binary splitting keeps the multiplications balanced.
    fn prod(lo: u64, hi: u64) -> BigInt {
        if hi - lo < 16 {
            let mut r = BigInt::one();
            for i in lo..hi {
                r *= i;
            }
            return r;
        }
        let mid = (lo + hi) / 2;
        prod(lo, mid) * prod(mid, hi)
    }
    Ok(int::normalize(prod(1, n + 1)))
}

fn gcd(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let mut g = BigInt::zero();
    for a in args.pos {
        let x = int_arg(vm, a, "gcd")?;
        g = g.gcd(&x);
    }
    Ok(int::normalize(g))
}

fn lcm(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let mut l = BigInt::one();
    for a in args.pos {
        let x = int_arg(vm, a, "lcm")?;
        if x.is_zero() {
            return Ok(Value::Int(0));
        }
        l = l.lcm(&x);
    }
    Ok(int::normalize(l.abs()))
}

fn isqrt(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check("isqrt", 1, 1)?;
    let n = int_arg(vm, &args.pos[0], "isqrt")?;
    if n.is_negative() {
        return Err(PyErr::value_error("isqrt() argument must be nonnegative"));
    }
    Ok(int::normalize(n.sqrt()))
}

fn comb(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check("comb", 2, 2)?;
    let n = int_arg(vm, &args.pos[0], "comb")?;
    let k = int_arg(vm, &args.pos[1], "comb")?;
    if n.is_negative() {
        return Err(PyErr::value_error("n must be a non-negative integer"));
    }
    if k.is_negative() {
        return Err(PyErr::value_error("k must be a non-negative integer"));
    }
    if k > n {
        return Ok(Value::Int(0));
    }
    let k = k.clone().min(&n - &k);
    let k = k.to_u64().ok_or_else(|| PyErr::overflow("min(n - k, k) must not exceed 9223372036854775807"))?;
    let mut r = BigInt::one();
    for i in 0..k {
        r = r * (&n - i) / (i + 1);
    }
    Ok(int::normalize(r))
}

fn perm(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check("perm", 1, 2)?;
    let n = int_arg(vm, &args.pos[0], "perm")?;
    if n.is_negative() {
        return Err(PyErr::value_error("n must be a non-negative integer"));
    }
    let k = match args.get(1) {
        Some(v) if !v.is_none() => int_arg(vm, v, "perm")?,
        _ => n.clone(),
    };
    if k.is_negative() {
        return Err(PyErr::value_error("k must be a non-negative integer"));
    }
    if k > n {
        return Ok(Value::Int(0));
    }
    let k = k.to_u64().ok_or_else(|| PyErr::overflow("k must not exceed 9223372036854775807"))?;
    let mut r = BigInt::one();
    for i in 0..k {
        r *= &n - i;
    }
    Ok(int::normalize(r))
}

fn prod(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.allow_kwargs("prod", &["start"])?;
    let mut acc = args.kw("start").cloned().unwrap_or(Value::Int(1));
    let items = vm.collect_iterable(args.get(0).unwrap_or(&Value::None))?;
    for x in items {
        acc = vm.binary_op(crate::bytecode::BinOp::Mul, &acc, &x)?;
    }
    Ok(acc)
}

/// Shewchuk's exact summation, as CPython's `math.fsum`.
fn fsum(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check("fsum", 1, 1)?;
    let items = vm.collect_iterable(&args.pos[0])?;
    let mut partials: Vec<f64> = Vec::new();
    let mut special = 0.0f64;
    let mut inf_sum = 0.0f64;
    for it in items {
        let mut x = arg::float(vm, &it)?;
        if !x.is_finite() {
            if x.is_infinite() {
                inf_sum += x;
            }
            special += x;
            continue;
        }
        let mut i = 0;
        for j in 0..partials.len() {
            let mut y = partials[j];
            if x.abs() < y.abs() {
                std::mem::swap(&mut x, &mut y);
            }
            let hi = x + y;
            let lo = y - (hi - x);
            if lo != 0.0 {
                partials[i] = lo;
                i += 1;
            }
            x = hi;
        }
        partials.truncate(i);
        partials.push(x);
    }
    if special != 0.0 {
        if inf_sum.is_nan() {
            return Err(PyErr::value_error("-inf + inf in fsum"));
        }
        return Ok(Value::Float(special));
    }
    let mut hi = 0.0;
    if let Some(mut n) = partials.len().checked_sub(1) {
        hi = partials[n];
        let mut lo = 0.0;
        while n > 0 {
            let x = hi;
            n -= 1;
            let y = partials[n];
            hi = x + y;
            let yr = hi - x;
            lo = y - yr;
            if lo != 0.0 {
                break;
            }
        }
        if n > 0 && ((lo < 0.0 && partials[n - 1] < 0.0) || (lo > 0.0 && partials[n - 1] > 0.0)) {
            let y = lo * 2.0;
            let x = hi + y;
            let yr = x - hi;
            if y == yr {
                hi = x;
            }
        }
    }
    Ok(Value::Float(hi))
}

fn erf_(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let x = f(vm, &args, "erf")?;
    // SAFETY: a pure libm function.
    Ok(Value::Float(unsafe { erf(x) }))
}

fn erfc_(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let x = f(vm, &args, "erfc")?;
    // SAFETY: a pure libm function.
    Ok(Value::Float(unsafe { erfc(x) }))
}

fn gamma(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let x = f(vm, &args, "gamma")?;
    if x.is_finite() && x <= 0.0 && x == x.floor() {
        return Err(domain());
    }
    // SAFETY: a pure libm function.
    let r = unsafe { tgamma(x) };
    if r.is_infinite() && x.is_finite() {
        return Err(range());
    }
    Ok(Value::Float(r))
}

fn lgamma_(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let x = f(vm, &args, "lgamma")?;
    if x.is_finite() && x <= 0.0 && x == x.floor() {
        return Err(domain());
    }
    // SAFETY: a pure libm function.
    let r = unsafe { lgamma(x) };
    if r.is_infinite() && x.is_finite() {
        return Err(range());
    }
    Ok(Value::Float(r))
}

fn nextafter_(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check("nextafter", 2, 2)?;
    let x = arg::float(vm, &args.pos[0])?;
    let y = arg::float(vm, &args.pos[1])?;
    // SAFETY: a pure libm function.
    Ok(Value::Float(unsafe { nextafter(x, y) }))
}

fn remainder_(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check("remainder", 2, 2)?;
    let x = arg::float(vm, &args.pos[0])?;
    let y = arg::float(vm, &args.pos[1])?;
    if y == 0.0 && !x.is_nan() || x.is_infinite() && !y.is_nan() {
        return Err(domain());
    }
    // SAFETY: a pure libm function.
    Ok(Value::Float(unsafe { remainder(x, y) }))
}

fn ulp(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let x = f(vm, &args, "ulp")?.abs();
    if !x.is_finite() {
        return Ok(Value::Float(x));
    }
    // SAFETY: a pure libm function.
    let next = unsafe { nextafter(x, f64::INFINITY) };
    if next.is_infinite() {
        // SAFETY: as above.
        let prev = unsafe { nextafter(x, 0.0) };
        return Ok(Value::Float(x - prev));
    }
    Ok(Value::Float(next - x))
}

pub fn make(vm: &mut Vm) -> Value {
    let m = new_module(
        vm,
        "math",
        &[
            ("sin", sin),
            ("cos", cos),
            ("tan", tan),
            ("asin", asin),
            ("acos", acos),
            ("atan", atan),
            ("atan2", atan2),
            ("sinh", sinh),
            ("cosh", cosh),
            ("tanh", tanh),
            ("asinh", asinh),
            ("acosh", acosh),
            ("atanh", atanh),
            ("exp", exp),
            ("exp2", exp2),
            ("expm1", expm1),
            ("fabs", fabs),
            ("cbrt", cbrt),
            ("sqrt", sqrt),
            ("log", log),
            ("log2", log2),
            ("log10", log10),
            ("log1p", log1p),
            ("pow", pow),
            ("floor", floor),
            ("ceil", ceil),
            ("trunc", trunc),
            ("fmod", fmod),
            ("modf", modf),
            ("frexp", frexp),
            ("ldexp", ldexp),
            ("hypot", hypot),
            ("dist", dist),
            ("degrees", degrees),
            ("radians", radians),
            ("copysign", copysign),
            ("isnan", isnan),
            ("isinf", isinf),
            ("isfinite", isfinite),
            ("isclose", isclose),
            ("factorial", factorial),
            ("gcd", gcd),
            ("lcm", lcm),
            ("isqrt", isqrt),
            ("comb", comb),
            ("perm", perm),
            ("prod", prod),
            ("fsum", fsum),
            ("erf", erf_),
            ("erfc", erfc_),
            ("gamma", gamma),
            ("lgamma", lgamma_),
            ("nextafter", nextafter_),
            ("remainder", remainder_),
            ("ulp", ulp),
        ],
    );
    set(&m, "pi", Value::Float(std::f64::consts::PI));
    set(&m, "e", Value::Float(std::f64::consts::E));
    set(&m, "tau", Value::Float(std::f64::consts::TAU));
    set(&m, "inf", Value::Float(f64::INFINITY));
    set(&m, "nan", Value::Float(f64::NAN));
    m
}
