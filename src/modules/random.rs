//! `_random`: the Mersenne Twister (MT19937) seeded exactly as CPython's
//! `Modules/_randommodule.c` seeds it, so `lib/random.py` (CPython's own
//! algorithms on top) gives CPython's numbers to the last digit.

use std::any::Any;
use std::cell::RefCell;

use num_bigint::{BigInt, Sign};
use num_traits::Signed;

use super::new_module;
use crate::builtins::arg;
use crate::objects::*;
use crate::vm::{Args, PyErr, PyResult, Vm};

/// The receiver of a method call (a TypeError when called without one).
fn this<'a>(args: &Args<'a>) -> PyResult<&'a Value> {
    args.pos.first().ok_or_else(|| PyErr::type_error("descriptor needs an argument"))
}

const N: usize = 624;
const M: usize = 397;
const MATRIX_A: u32 = 0x9908b0df;
const UPPER_MASK: u32 = 0x80000000;
const LOWER_MASK: u32 = 0x7fffffff;

pub struct Mt {
    state: [u32; N],
    index: usize,
}

impl Mt {
    fn new() -> Mt {
        let mut m = Mt { state: [0; N], index: N + 1 };
        m.init_genrand(5489);
        m
    }

    fn init_genrand(&mut self, s: u32) {
        self.state[0] = s;
        for i in 1..N {
            let prev = self.state[i - 1];
            self.state[i] = 1812433253u32.wrapping_mul(prev ^ (prev >> 30)).wrapping_add(i as u32);
        }
        self.index = N;
    }

    fn init_by_array(&mut self, key: &[u32]) {
        self.init_genrand(19650218);
        let mt = &mut self.state;
        let mut i = 1usize;
        let mut j = 0usize;
        let klen = key.len().max(1);
        let mut k = N.max(klen);
        while k > 0 {
            let prev = mt[i - 1];
            mt[i] = (mt[i] ^ (prev ^ (prev >> 30)).wrapping_mul(1664525)).wrapping_add(*key.get(j).unwrap_or(&0)).wrapping_add(j as u32);
            i += 1;
            j += 1;
            if i >= N {
                mt[0] = mt[N - 1];
                i = 1;
            }
            if j >= klen {
                j = 0;
            }
            k -= 1;
        }
        k = N - 1;
        while k > 0 {
            let prev = mt[i - 1];
            mt[i] = (mt[i] ^ (prev ^ (prev >> 30)).wrapping_mul(1566083941)).wrapping_sub(i as u32);
            i += 1;
            if i >= N {
                mt[0] = mt[N - 1];
                i = 1;
            }
            k -= 1;
        }
        mt[0] = 0x80000000;
        self.index = N;
    }

    fn genrand_u32(&mut self) -> u32 {
        let mag01 = [0u32, MATRIX_A];
        if self.index >= N {
            let mt = &mut self.state;
            let mut kk = 0;
            while kk < N - M {
                let y = (mt[kk] & UPPER_MASK) | (mt[kk + 1] & LOWER_MASK);
                mt[kk] = mt[kk + M] ^ (y >> 1) ^ mag01[(y & 1) as usize];
                kk += 1;
            }
            while kk < N - 1 {
                let y = (mt[kk] & UPPER_MASK) | (mt[kk + 1] & LOWER_MASK);
                mt[kk] = mt[kk + M - N] ^ (y >> 1) ^ mag01[(y & 1) as usize];
                kk += 1;
            }
            let y = (mt[N - 1] & UPPER_MASK) | (mt[0] & LOWER_MASK);
            mt[N - 1] = mt[M - 1] ^ (y >> 1) ^ mag01[(y & 1) as usize];
            self.index = 0;
        }
        let mut y = self.state[self.index];
        self.index += 1;
        y ^= y >> 11;
        y ^= (y << 7) & 0x9d2c5680;
        y ^= (y << 15) & 0xefc60000;
        y ^= y >> 18;
        y
    }

    fn random(&mut self) -> f64 {
        let a = self.genrand_u32() >> 5;
        let b = self.genrand_u32() >> 6;
        (a as f64 * 67108864.0 + b as f64) * (1.0 / 9007199254740992.0)
    }
}

struct RandomState {
    mt: RefCell<Mt>,
}

impl NativeState for RandomState {
    fn as_any(&self) -> &dyn Any {
        self
    }
}

fn mt_of(v: &Value) -> PyResult<&RandomState> {
    super::native_state::<RandomState>(v).ok_or_else(|| PyErr::type_error("descriptor requires a '_random.Random' object"))
}

fn random_class(vm: &mut Vm) -> PyRef<ClassObj> {
    super::native_class(vm, "_random.Random", "_random", "Random", 0, |vm, c| {
        let methods: &[(&'static str, BuiltinFn)] =
            &[("random", random), ("seed", seed), ("getstate", getstate), ("setstate", setstate), ("getrandbits", getrandbits)];
        for (n, f) in methods {
            vm.add_method(c, n, *f);
        }
        c.ctor.set(Some(ctor));
    })
}

fn ctor(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let cls = random_class(vm);
    let v = vm.new_native(cls, NativeData::Other(Box::new(RandomState { mt: RefCell::new(Mt::new()) })));
    if let Some(a) = args.get(0) {
        seed_with(vm, mt_of(&v)?, a)?;
    } else {
        seed_with(vm, mt_of(&v)?, &Value::None)?;
    }
    Ok(v)
}

fn random(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    arg::no_args(&args, "Random.random")?;
    let r = mt_of(this(&args)?)?;
    let x = r.mt.borrow_mut().random();
    Ok(Value::Float(x))
}

/// The 32-bit words of `abs(n)`, least significant first (at least one).
fn int_words(n: &BigInt) -> Vec<u32> {
    let (_, mut words) = n.abs().to_u32_digits();
    if words.is_empty() {
        words.push(0);
    }
    words
}

fn seed_with(vm: &mut Vm, r: &RandomState, a: &Value) -> PyResult<()> {
    let n: BigInt = match a {
        Value::None => {
            let mut buf = [0u8; 32];
            let ok = std::fs::File::open("/dev/urandom").and_then(|mut f| {
                use std::io::Read;
                f.read_exact(&mut buf)
            });
            if ok.is_err() {
                let t = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map(|d| d.as_nanos()).unwrap_or(0);
                buf[..16].copy_from_slice(&t.to_le_bytes());
                buf[16..24].copy_from_slice(&(std::process::id() as u64).to_le_bytes());
            }
            BigInt::from_bytes_le(Sign::Plus, &buf)
        }
        Value::Int(_) | Value::BigInt(_) | Value::Bool(_) => {
            let v = if let Value::Bool(b) = a { Value::Int(*b as i64) } else { a.clone() };
            int::to_big(&v).unwrap_or_default()
        }
        other => {
            // Any other object: its hash as a C `size_t` (a negative hash wraps).
            let h = vm.hash(other)?;
            BigInt::from(h as u64)
        }
    };
    r.mt.borrow_mut().init_by_array(&int_words(&n));
    Ok(())
}

fn seed(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.no_kwargs("seed")?;
    if args.len() > 2 {
        return Err(PyErr::type_error(format!("seed expected at most 1 argument, got {}", args.len() - 1)));
    }
    let r = mt_of(this(&args)?)?;
    let a = args.get(1).cloned().unwrap_or(Value::None);
    seed_with(vm, r, &a)?;
    Ok(Value::None)
}

fn getstate(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    let r = mt_of(this(&args)?)?;
    let mt = r.mt.borrow();
    let mut items: Vec<Value> = mt.state.iter().map(|w| Value::Int(*w as i64)).collect();
    items.push(Value::Int(mt.index as i64));
    Ok(Value::tuple(items))
}

fn setstate(vm: &mut Vm, args: Args) -> PyResult<Value> {
    arg::one_arg(&args, "setstate")?;
    let r = mt_of(this(&args)?)?;
    let Value::Tuple(t) = &args.pos[1] else {
        return Err(PyErr::type_error("state vector must be a tuple"));
    };
    if t.len() != N + 1 {
        return Err(PyErr::value_error("state vector is the wrong size"));
    }
    let mut state = [0u32; N];
    for (i, v) in t.as_slice()[..N].iter().enumerate() {
        let x =
            int::to_big(v).ok_or_else(|| PyErr::type_error(format!("'{}' object cannot be interpreted as an integer", vm.type_name(v))))?;
        state[i] = u32::try_from(&x).map_err(|_| PyErr::overflow("Python int too large to convert to C unsigned long"))?;
    }
    let index = arg::int(vm, &t.as_slice()[N])?;
    if index < 0 || index > N as i64 {
        return Err(PyErr::value_error("invalid state"));
    }
    let mut mt = r.mt.borrow_mut();
    mt.state = state;
    mt.index = index as usize;
    Ok(Value::None)
}

fn getrandbits(vm: &mut Vm, args: Args) -> PyResult<Value> {
    arg::one_arg(&args, "Random.getrandbits")?;
    let r = mt_of(this(&args)?)?;
    let k = arg::int(vm, &args.pos[1])?;
    if k < 0 {
        return Err(PyErr::value_error("number of bits must be non-negative"));
    }
    if k == 0 {
        return Ok(Value::Int(0));
    }
    let mut mt = r.mt.borrow_mut();
    if k <= 32 {
        return Ok(Value::Int((mt.genrand_u32() >> (32 - k)) as i64));
    }
    let words = ((k - 1) / 32 + 1) as usize;
    let mut out = Vec::with_capacity(words);
    let mut left = k;
    for _ in 0..words {
        let mut w = mt.genrand_u32();
        if left < 32 {
            w >>= 32 - left;
        }
        out.push(w);
        left -= 32;
    }
    Ok(int::normalize(BigInt::from_slice(Sign::Plus, &out)))
}

pub fn make(vm: &mut Vm) -> Value {
    let m = new_module(vm, "_random", &[]);
    let c = random_class(vm);
    super::set(&m, "Random", Value::Class(c));
    m
}
