//! `_random`: the Mersenne Twister (MT19937) seeded exactly as CPython's
//! `Modules/_randommodule.c` seeds it, so `lib/random.py` (CPython's own
//! algorithms on top) gives CPython's numbers to the last digit; and
//! `_sha512`/`_sha256` (FIPS 180-4), which `random.seed(str)` needs.

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

// ------------------------------------------------------------------ SHA-2

const K512: [u64; 80] = [
    0x428a2f98d728ae22,
    0x7137449123ef65cd,
    0xb5c0fbcfec4d3b2f,
    0xe9b5dba58189dbbc,
    0x3956c25bf348b538,
    0x59f111f1b605d019,
    0x923f82a4af194f9b,
    0xab1c5ed5da6d8118,
    0xd807aa98a3030242,
    0x12835b0145706fbe,
    0x243185be4ee4b28c,
    0x550c7dc3d5ffb4e2,
    0x72be5d74f27b896f,
    0x80deb1fe3b1696b1,
    0x9bdc06a725c71235,
    0xc19bf174cf692694,
    0xe49b69c19ef14ad2,
    0xefbe4786384f25e3,
    0x0fc19dc68b8cd5b5,
    0x240ca1cc77ac9c65,
    0x2de92c6f592b0275,
    0x4a7484aa6ea6e483,
    0x5cb0a9dcbd41fbd4,
    0x76f988da831153b5,
    0x983e5152ee66dfab,
    0xa831c66d2db43210,
    0xb00327c898fb213f,
    0xbf597fc7beef0ee4,
    0xc6e00bf33da88fc2,
    0xd5a79147930aa725,
    0x06ca6351e003826f,
    0x142929670a0e6e70,
    0x27b70a8546d22ffc,
    0x2e1b21385c26c926,
    0x4d2c6dfc5ac42aed,
    0x53380d139d95b3df,
    0x650a73548baf63de,
    0x766a0abb3c77b2a8,
    0x81c2c92e47edaee6,
    0x92722c851482353b,
    0xa2bfe8a14cf10364,
    0xa81a664bbc423001,
    0xc24b8b70d0f89791,
    0xc76c51a30654be30,
    0xd192e819d6ef5218,
    0xd69906245565a910,
    0xf40e35855771202a,
    0x106aa07032bbd1b8,
    0x19a4c116b8d2d0c8,
    0x1e376c085141ab53,
    0x2748774cdf8eeb99,
    0x34b0bcb5e19b48a8,
    0x391c0cb3c5c95a63,
    0x4ed8aa4ae3418acb,
    0x5b9cca4f7763e373,
    0x682e6ff3d6b2b8a3,
    0x748f82ee5defb2fc,
    0x78a5636f43172f60,
    0x84c87814a1f0ab72,
    0x8cc702081a6439ec,
    0x90befffa23631e28,
    0xa4506cebde82bde9,
    0xbef9a3f7b2c67915,
    0xc67178f2e372532b,
    0xca273eceea26619c,
    0xd186b8c721c0c207,
    0xeada7dd6cde0eb1e,
    0xf57d4f7fee6ed178,
    0x06f067aa72176fba,
    0x0a637dc5a2c898a6,
    0x113f9804bef90dae,
    0x1b710b35131c471b,
    0x28db77f523047d84,
    0x32caab7b40c72493,
    0x3c9ebe0a15c9bebc,
    0x431d67c49c100d4c,
    0x4cc5d4becb3e42b6,
    0x597f299cfc657e2a,
    0x5fcb6fab3ad6faec,
    0x6c44198c4a475817,
];

pub fn sha512(data: &[u8]) -> [u8; 64] {
    let mut h: [u64; 8] = [
        0x6a09e667f3bcc908,
        0xbb67ae8584caa73b,
        0x3c6ef372fe94f82b,
        0xa54ff53a5f1d36f1,
        0x510e527fade682d1,
        0x9b05688c2b3e6c1f,
        0x1f83d9abfb41bd6b,
        0x5be0cd19137e2179,
    ];
    let mut msg = data.to_vec();
    let bitlen = (data.len() as u128) * 8;
    msg.push(0x80);
    while msg.len() % 128 != 112 {
        msg.push(0);
    }
    msg.extend_from_slice(&bitlen.to_be_bytes());
    for chunk in msg.chunks(128) {
        let mut w = [0u64; 80];
        for i in 0..16 {
            w[i] = u64::from_be_bytes(chunk[i * 8..i * 8 + 8].try_into().unwrap());
        }
        for i in 16..80 {
            let s0 = w[i - 15].rotate_right(1) ^ w[i - 15].rotate_right(8) ^ (w[i - 15] >> 7);
            let s1 = w[i - 2].rotate_right(19) ^ w[i - 2].rotate_right(61) ^ (w[i - 2] >> 6);
            w[i] = w[i - 16].wrapping_add(s0).wrapping_add(w[i - 7]).wrapping_add(s1);
        }
        let mut v = h;
        for i in 0..80 {
            let s1 = v[4].rotate_right(14) ^ v[4].rotate_right(18) ^ v[4].rotate_right(41);
            let ch = (v[4] & v[5]) ^ (!v[4] & v[6]);
            let t1 = v[7].wrapping_add(s1).wrapping_add(ch).wrapping_add(K512[i]).wrapping_add(w[i]);
            let s0 = v[0].rotate_right(28) ^ v[0].rotate_right(34) ^ v[0].rotate_right(39);
            let maj = (v[0] & v[1]) ^ (v[0] & v[2]) ^ (v[1] & v[2]);
            let t2 = s0.wrapping_add(maj);
            v[7] = v[6];
            v[6] = v[5];
            v[5] = v[4];
            v[4] = v[3].wrapping_add(t1);
            v[3] = v[2];
            v[2] = v[1];
            v[1] = v[0];
            v[0] = t1.wrapping_add(t2);
        }
        for i in 0..8 {
            h[i] = h[i].wrapping_add(v[i]);
        }
    }
    let mut out = [0u8; 64];
    for i in 0..8 {
        out[i * 8..i * 8 + 8].copy_from_slice(&h[i].to_be_bytes());
    }
    out
}

const K256: [u32; 64] = [
    0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5, 0xd807aa98, 0x12835b01, 0x243185be,
    0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174, 0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa,
    0x5cb0a9dc, 0x76f988da, 0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967, 0x27b70a85,
    0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85, 0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3,
    0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070, 0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f,
    0x682e6ff3, 0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
];

pub fn sha256(data: &[u8]) -> [u8; 32] {
    let mut h: [u32; 8] = [0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19];
    let mut msg = data.to_vec();
    let bitlen = (data.len() as u64) * 8;
    msg.push(0x80);
    while msg.len() % 64 != 56 {
        msg.push(0);
    }
    msg.extend_from_slice(&bitlen.to_be_bytes());
    for chunk in msg.chunks(64) {
        let mut w = [0u32; 64];
        for i in 0..16 {
            w[i] = u32::from_be_bytes(chunk[i * 4..i * 4 + 4].try_into().unwrap());
        }
        for i in 16..64 {
            let s0 = w[i - 15].rotate_right(7) ^ w[i - 15].rotate_right(18) ^ (w[i - 15] >> 3);
            let s1 = w[i - 2].rotate_right(17) ^ w[i - 2].rotate_right(19) ^ (w[i - 2] >> 10);
            w[i] = w[i - 16].wrapping_add(s0).wrapping_add(w[i - 7]).wrapping_add(s1);
        }
        let mut v = h;
        for i in 0..64 {
            let s1 = v[4].rotate_right(6) ^ v[4].rotate_right(11) ^ v[4].rotate_right(25);
            let ch = (v[4] & v[5]) ^ (!v[4] & v[6]);
            let t1 = v[7].wrapping_add(s1).wrapping_add(ch).wrapping_add(K256[i]).wrapping_add(w[i]);
            let s0 = v[0].rotate_right(2) ^ v[0].rotate_right(13) ^ v[0].rotate_right(22);
            let maj = (v[0] & v[1]) ^ (v[0] & v[2]) ^ (v[1] & v[2]);
            let t2 = s0.wrapping_add(maj);
            v[7] = v[6];
            v[6] = v[5];
            v[5] = v[4];
            v[4] = v[3].wrapping_add(t1);
            v[3] = v[2];
            v[2] = v[1];
            v[1] = v[0];
            v[0] = t1.wrapping_add(t2);
        }
        for i in 0..8 {
            h[i] = h[i].wrapping_add(v[i]);
        }
    }
    let mut out = [0u8; 32];
    for i in 0..8 {
        out[i * 4..i * 4 + 4].copy_from_slice(&h[i].to_be_bytes());
    }
    out
}

// MD5 and SHA-1 are written here beside SHA-2 rather than taken from the
// `md-5`/`sha1` crates: a few dozen lines each, where the crates would
// bring their digest framework (six more crates) into a lean build.

/// Merkle-Damgard padding (64-byte blocks): `0x80`, zeros, the bit
/// length in 8 bytes (big-endian for SHA-1, little-endian for MD5).
fn pad64(data: &[u8], big_endian: bool) -> Vec<u8> {
    let mut m = data.to_vec();
    let bits = (data.len() as u64).wrapping_mul(8);
    m.push(0x80);
    while m.len() % 64 != 56 {
        m.push(0);
    }
    m.extend_from_slice(&if big_endian { bits.to_be_bytes() } else { bits.to_le_bytes() });
    m
}

/// SHA-1 (FIPS 180-4), for `hashlib.sha1` (uuid5, checksums).
pub fn sha1(data: &[u8]) -> [u8; 20] {
    let mut h: [u32; 5] = [0x67452301, 0xEFCDAB89, 0x98BADCFE, 0x10325476, 0xC3D2E1F0];
    for block in pad64(data, true).chunks(64) {
        let mut w = [0u32; 80];
        for i in 0..16 {
            w[i] = u32::from_be_bytes([block[4 * i], block[4 * i + 1], block[4 * i + 2], block[4 * i + 3]]);
        }
        for i in 16..80 {
            w[i] = (w[i - 3] ^ w[i - 8] ^ w[i - 14] ^ w[i - 16]).rotate_left(1);
        }
        let [mut a, mut b, mut c, mut d, mut e] = h;
        for (i, wi) in w.iter().enumerate() {
            let (f, k) = match i {
                0..=19 => ((b & c) | (!b & d), 0x5A827999),
                20..=39 => (b ^ c ^ d, 0x6ED9EBA1),
                40..=59 => ((b & c) | (b & d) | (c & d), 0x8F1BBCDC),
                _ => (b ^ c ^ d, 0xCA62C1D6),
            };
            let t = a.rotate_left(5).wrapping_add(f).wrapping_add(e).wrapping_add(k).wrapping_add(*wi);
            e = d;
            d = c;
            c = b.rotate_left(30);
            b = a;
            a = t;
        }
        for (x, y) in h.iter_mut().zip([a, b, c, d, e]) {
            *x = x.wrapping_add(y);
        }
    }
    let mut out = [0u8; 20];
    for (i, x) in h.iter().enumerate() {
        out[4 * i..4 * i + 4].copy_from_slice(&x.to_be_bytes());
    }
    out
}

/// MD5 (RFC 1321), for `hashlib.md5` (uuid3, checksums).
pub fn md5(data: &[u8]) -> [u8; 16] {
    const S: [u32; 16] = [7, 12, 17, 22, 5, 9, 14, 20, 4, 11, 16, 23, 6, 10, 15, 21];
    // K[i] = floor(|sin(i + 1)| * 2^32).
    let k: Vec<u32> = (0..64).map(|i| ((i as f64 + 1.0).sin().abs() * 4294967296.0) as u32).collect();
    let mut h: [u32; 4] = [0x67452301, 0xefcdab89, 0x98badcfe, 0x10325476];
    for block in pad64(data, false).chunks(64) {
        let m: Vec<u32> =
            (0..16).map(|i| u32::from_le_bytes([block[4 * i], block[4 * i + 1], block[4 * i + 2], block[4 * i + 3]])).collect();
        let [mut a, mut b, mut c, mut d] = h;
        for i in 0..64 {
            let (f, g) = match i / 16 {
                0 => ((b & c) | (!b & d), i),
                1 => ((d & b) | (!d & c), (5 * i + 1) % 16),
                2 => (b ^ c ^ d, (3 * i + 5) % 16),
                _ => (c ^ (b | !d), (7 * i) % 16),
            };
            let t = d;
            d = c;
            c = b;
            b = b.wrapping_add(a.wrapping_add(f).wrapping_add(k[i]).wrapping_add(m[g]).rotate_left(S[(i / 16) * 4 + i % 4]));
            a = t;
        }
        for (x, y) in h.iter_mut().zip([a, b, c, d]) {
            *x = x.wrapping_add(y);
        }
    }
    let mut out = [0u8; 16];
    for (i, x) in h.iter().enumerate() {
        out[4 * i..4 * i + 4].copy_from_slice(&x.to_le_bytes());
    }
    out
}

fn bytes_arg(vm: &mut Vm, v: &Value) -> PyResult<Vec<u8>> {
    match v {
        Value::Bytes(b) => Ok(b.data.to_vec()),
        Value::ByteArray(b) => Ok(b.data.borrow().clone()),
        Value::Str(_) => Err(PyErr::type_error("Strings must be encoded before hashing")),
        other => Err(PyErr::type_error(format!("object supporting the buffer API required, not {}", vm.type_name(other)))),
    }
}

/// `_sha2.sha512_digest(data)` / `sha256_digest(data)`: the raw digests
/// (`lib/hashlib.py` wraps them in hash objects).
fn sha512_digest(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check("sha512_digest", 1, 1)?;
    let d = bytes_arg(vm, &args.pos[0])?;
    Ok(crate::builtins::new_bytes(sha512(&d).to_vec()))
}

fn sha1_digest(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check("sha1_digest", 1, 1)?;
    let d = bytes_arg(vm, &args.pos[0])?;
    Ok(crate::builtins::new_bytes(sha1(&d).to_vec()))
}

fn md5_digest(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check("md5_digest", 1, 1)?;
    let d = bytes_arg(vm, &args.pos[0])?;
    Ok(crate::builtins::new_bytes(md5(&d).to_vec()))
}

fn sha256_digest(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check("sha256_digest", 1, 1)?;
    let d = bytes_arg(vm, &args.pos[0])?;
    Ok(crate::builtins::new_bytes(sha256(&d).to_vec()))
}

pub fn make(vm: &mut Vm) -> Value {
    let m = new_module(vm, "_random", &[]);
    let c = random_class(vm);
    super::set(&m, "Random", Value::Class(c));
    m
}

pub fn make_sha2(vm: &mut Vm) -> Value {
    new_module(
        vm,
        "_sha2",
        &[("sha512_digest", sha512_digest), ("sha256_digest", sha256_digest), ("sha1_digest", sha1_digest), ("md5_digest", md5_digest)],
    )
}
