//! `_spry_hash`: the hash states behind `lib/hashlib.py`, on the RustCrypto
//! crates (`md-5`, `sha1`, `sha2`, `sha3`, `hmac`/`pbkdf2`, `scrypt`) and
//! `blake2b_simd`/`blake2s_simd` (whose parameter blocks take every option
//! CPython's `_blake2` does: key, salt, person, fanout, depth, leaf size,
//! node offset and depth, inner size, last node).
//!
//! A state is an opaque native object; `hashlib.py` wraps it in the
//! `_hashlib.HASH`-like classes and checks arguments with CPython's
//! messages. Data is hashed as it arrives (no buffering in Python), so
//! hashing 10 MB costs what the crate costs.

use std::any::Any;
use std::cell::RefCell;

use sha3::digest::{Digest, ExtendableOutput, Update, XofReader};

use super::new_module;
use crate::builtins::new_bytes;
use crate::builtins::types_bytes::bytes_like;
use crate::objects::*;
use crate::vm::{Args, PyErr, PyResult, Vm};

#[derive(Clone)]
enum Hasher {
    Md5(md5::Md5),
    Sha1(sha1::Sha1),
    Sha224(sha2::Sha224),
    Sha256(sha2::Sha256),
    Sha384(sha2::Sha384),
    Sha512(sha2::Sha512),
    Sha512_224(sha2::Sha512_224),
    Sha512_256(sha2::Sha512_256),
    Sha3_224(sha3::Sha3_224),
    Sha3_256(sha3::Sha3_256),
    Sha3_384(sha3::Sha3_384),
    Sha3_512(sha3::Sha3_512),
    Shake128(sha3::Shake128),
    Shake256(sha3::Shake256),
    Blake2b(blake2b_simd::State),
    Blake2s(blake2s_simd::State),
}

impl Hasher {
    /// The state for a (CPython, lower-case) algorithm name.
    fn by_name(name: &str) -> Option<Hasher> {
        Some(match name {
            "md5" => Hasher::Md5(Default::default()),
            "sha1" => Hasher::Sha1(Default::default()),
            "sha224" => Hasher::Sha224(Default::default()),
            "sha256" => Hasher::Sha256(Default::default()),
            "sha384" => Hasher::Sha384(Default::default()),
            "sha512" => Hasher::Sha512(Default::default()),
            "sha512_224" => Hasher::Sha512_224(Default::default()),
            "sha512_256" => Hasher::Sha512_256(Default::default()),
            "sha3_224" => Hasher::Sha3_224(Default::default()),
            "sha3_256" => Hasher::Sha3_256(Default::default()),
            "sha3_384" => Hasher::Sha3_384(Default::default()),
            "sha3_512" => Hasher::Sha3_512(Default::default()),
            "shake_128" => Hasher::Shake128(Default::default()),
            "shake_256" => Hasher::Shake256(Default::default()),
            "blake2b" => Hasher::Blake2b(blake2b_simd::State::new()),
            "blake2s" => Hasher::Blake2s(blake2s_simd::State::new()),
            _ => return None,
        })
    }

    fn update(&mut self, data: &[u8]) {
        match self {
            Hasher::Md5(h) => Digest::update(h, data),
            Hasher::Sha1(h) => Digest::update(h, data),
            Hasher::Sha224(h) => Digest::update(h, data),
            Hasher::Sha256(h) => Digest::update(h, data),
            Hasher::Sha384(h) => Digest::update(h, data),
            Hasher::Sha512(h) => Digest::update(h, data),
            Hasher::Sha512_224(h) => Digest::update(h, data),
            Hasher::Sha512_256(h) => Digest::update(h, data),
            Hasher::Sha3_224(h) => Digest::update(h, data),
            Hasher::Sha3_256(h) => Digest::update(h, data),
            Hasher::Sha3_384(h) => Digest::update(h, data),
            Hasher::Sha3_512(h) => Digest::update(h, data),
            Hasher::Shake128(h) => Update::update(h, data),
            Hasher::Shake256(h) => Update::update(h, data),
            Hasher::Blake2b(h) => {
                h.update(data);
            }
            Hasher::Blake2s(h) => {
                h.update(data);
            }
        }
    }

    /// The digest of what was fed so far (the state is kept: digest() can
    /// be called again and more data fed); `len` bytes for the SHAKEs.
    fn digest(&self, len: usize) -> Vec<u8> {
        fn fin<D: Digest + Clone>(h: &D) -> Vec<u8> {
            h.clone().finalize().to_vec()
        }
        fn xof<X: ExtendableOutput + Clone>(h: &X, len: usize) -> Vec<u8> {
            let mut out = vec![0u8; len];
            h.clone().finalize_xof().read(&mut out);
            out
        }
        match self {
            Hasher::Md5(h) => fin(h),
            Hasher::Sha1(h) => fin(h),
            Hasher::Sha224(h) => fin(h),
            Hasher::Sha256(h) => fin(h),
            Hasher::Sha384(h) => fin(h),
            Hasher::Sha512(h) => fin(h),
            Hasher::Sha512_224(h) => fin(h),
            Hasher::Sha512_256(h) => fin(h),
            Hasher::Sha3_224(h) => fin(h),
            Hasher::Sha3_256(h) => fin(h),
            Hasher::Sha3_384(h) => fin(h),
            Hasher::Sha3_512(h) => fin(h),
            Hasher::Shake128(h) => xof(h, len),
            Hasher::Shake256(h) => xof(h, len),
            Hasher::Blake2b(h) => h.finalize().as_bytes().to_vec(),
            Hasher::Blake2s(h) => h.finalize().as_bytes().to_vec(),
        }
    }
}

struct HashState {
    h: RefCell<Hasher>,
}

impl NativeState for HashState {
    fn as_any(&self) -> &dyn Any {
        self
    }
}

fn state_class(vm: &mut Vm) -> PyRef<ClassObj> {
    super::native_class(vm, "_spry_hash.state", "_spry_hash", "state", 0, |_, _| {})
}

fn wrap(vm: &mut Vm, h: Hasher) -> Value {
    let cls = state_class(vm);
    vm.new_native(cls, NativeData::Other(Box::new(HashState { h: RefCell::new(h) })))
}

fn state_of(v: &Value) -> PyResult<&HashState> {
    super::native_state::<HashState>(v).ok_or_else(|| PyErr::type_error("expected a _spry_hash state"))
}

/// The bytes of data to hash, with CPython's errors (`str` is refused
/// with its own message).
fn data_arg<'a>(vm: &Vm, v: &'a Value) -> PyResult<std::borrow::Cow<'a, [u8]>> {
    if matches!(vm.unwrap_builtin(v).as_ref(), Value::Str(_)) {
        return Err(PyErr::type_error("Strings must be encoded before hashing"));
    }
    bytes_like(vm, v).ok_or_else(|| PyErr::type_error("object supporting the buffer API required"))
}

/// A bytes-like argument (`TypeError: a bytes-like object is required`).
fn bytes_arg<'a>(vm: &Vm, v: &'a Value) -> PyResult<std::borrow::Cow<'a, [u8]>> {
    crate::builtins::types_bytes::bytes_data(vm, v)
}

fn usize_arg(vm: &mut Vm, args: &Args, i: usize) -> PyResult<usize> {
    let n = crate::builtins::arg::int(vm, &args.pos[i])?;
    usize::try_from(n).map_err(|_| PyErr::value_error("negative value"))
}

/// `new(name)`: a fresh state, or None for a name Spry does not know.
fn new(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check("new", 1, 1)?;
    let name = args.pos[0].as_str().unwrap_or("");
    Ok(match Hasher::by_name(name) {
        Some(h) => wrap(vm, h),
        None => Value::None,
    })
}

/// `blake2(kind, digest_size, key, salt, person, fanout, depth, leaf_size,
/// node_offset, node_depth, inner_size, last_node)`; `hashlib.py` has
/// checked every range.
fn blake2(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check("blake2", 12, 12)?;
    let big = args.pos[0].as_str() == Some("blake2b");
    let digest_size = usize_arg(vm, &args, 1)?;
    let key = bytes_arg(vm, &args.pos[2])?.into_owned();
    let salt = bytes_arg(vm, &args.pos[3])?.into_owned();
    let person = bytes_arg(vm, &args.pos[4])?.into_owned();
    let fanout = usize_arg(vm, &args, 5)? as u8;
    let depth = usize_arg(vm, &args, 6)? as u8;
    let leaf_size = usize_arg(vm, &args, 7)? as u32;
    let node_offset = crate::builtins::arg::int(vm, &args.pos[8])? as u64;
    let node_depth = usize_arg(vm, &args, 9)? as u8;
    let inner_size = usize_arg(vm, &args, 10)?;
    let last_node = vm.truthy(&args.pos[11])?;
    let h = if big {
        let mut p = blake2b_simd::Params::new();
        p.hash_length(digest_size)
            .key(&key)
            .salt(&salt)
            .personal(&person)
            .fanout(fanout)
            .max_depth(depth)
            .max_leaf_length(leaf_size)
            .node_offset(node_offset)
            .node_depth(node_depth)
            .inner_hash_length(inner_size)
            .last_node(last_node);
        Hasher::Blake2b(p.to_state())
    } else {
        let mut p = blake2s_simd::Params::new();
        p.hash_length(digest_size)
            .key(&key)
            .salt(&salt)
            .personal(&person)
            .fanout(fanout)
            .max_depth(depth)
            .max_leaf_length(leaf_size)
            .node_offset(node_offset)
            .node_depth(node_depth)
            .inner_hash_length(inner_size)
            .last_node(last_node);
        Hasher::Blake2s(p.to_state())
    };
    Ok(wrap(vm, h))
}

/// `update(state, data)`.
fn update(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check("update", 2, 2)?;
    let st = state_of(&args.pos[0])?;
    let data = data_arg(vm, &args.pos[1])?;
    st.h.borrow_mut().update(&data);
    Ok(Value::None)
}

/// `digest(state[, length])` (the length for the SHAKEs).
fn digest(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check("digest", 1, 2)?;
    let st = state_of(&args.pos[0])?;
    let len = if args.len() > 1 { usize_arg(vm, &args, 1)? } else { 0 };
    let d = st.h.borrow().digest(len);
    Ok(new_bytes(d))
}

/// `copy(state)`: an independent state with the same data fed.
fn copy(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check("copy", 1, 1)?;
    let h = state_of(&args.pos[0])?.h.borrow().clone();
    Ok(wrap(vm, h))
}

/// `pbkdf2_hmac(name, password, salt, iterations, dklen)`: the derived
/// key, or None for a hash the `pbkdf2` crate cannot drive (BLAKE2, the
/// SHAKEs).
fn pbkdf2_hmac(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check("pbkdf2_hmac", 5, 5)?;
    let name = args.pos[0].as_str().unwrap_or("").to_string();
    let password = bytes_arg(vm, &args.pos[1])?.into_owned();
    let salt = bytes_arg(vm, &args.pos[2])?.into_owned();
    let rounds =
        u32::try_from(crate::builtins::arg::int(vm, &args.pos[3])?).map_err(|_| PyErr::overflow("iteration value is too great."))?;
    let dklen = usize_arg(vm, &args, 4)?;
    let mut out = vec![0u8; dklen];
    let (p, s, o) = (&password[..], &salt[..], &mut out[..]);
    use pbkdf2::pbkdf2_hmac as k;
    match name.as_str() {
        "md5" => k::<md5::Md5>(p, s, rounds, o),
        "sha1" => k::<sha1::Sha1>(p, s, rounds, o),
        "sha224" => k::<sha2::Sha224>(p, s, rounds, o),
        "sha256" => k::<sha2::Sha256>(p, s, rounds, o),
        "sha384" => k::<sha2::Sha384>(p, s, rounds, o),
        "sha512" => k::<sha2::Sha512>(p, s, rounds, o),
        "sha512_224" => k::<sha2::Sha512_224>(p, s, rounds, o),
        "sha512_256" => k::<sha2::Sha512_256>(p, s, rounds, o),
        "sha3_224" => k::<sha3::Sha3_224>(p, s, rounds, o),
        "sha3_256" => k::<sha3::Sha3_256>(p, s, rounds, o),
        "sha3_384" => k::<sha3::Sha3_384>(p, s, rounds, o),
        "sha3_512" => k::<sha3::Sha3_512>(p, s, rounds, o),
        _ => return Ok(Value::None),
    }
    Ok(new_bytes(out))
}

/// `scrypt(password, salt, log2_n, r, p, dklen)`: the derived key, or
/// None when the crate refuses the parameters.
fn scrypt(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check("scrypt", 6, 6)?;
    let password = bytes_arg(vm, &args.pos[0])?.into_owned();
    let salt = bytes_arg(vm, &args.pos[1])?.into_owned();
    let log_n = usize_arg(vm, &args, 2)?;
    let r = usize_arg(vm, &args, 3)?;
    let p = usize_arg(vm, &args, 4)?;
    let dklen = usize_arg(vm, &args, 5)?;
    let (Ok(log_n), Ok(r), Ok(p)) = (u8::try_from(log_n), u32::try_from(r), u32::try_from(p)) else {
        return Ok(Value::None);
    };
    let Ok(params) = scrypt::Params::new(log_n, r, p, dklen.clamp(10, 64)) else {
        return Ok(Value::None);
    };
    let mut out = vec![0u8; dklen];
    if scrypt::scrypt(&password, &salt, &params, &mut out).is_err() {
        return Ok(Value::None);
    }
    Ok(new_bytes(out))
}

pub fn make(vm: &mut Vm) -> Value {
    new_module(
        vm,
        "_spry_hash",
        &[
            ("new", new),
            ("blake2", blake2),
            ("update", update),
            ("digest", digest),
            ("copy", copy),
            ("pbkdf2_hmac", pbkdf2_hmac),
            ("scrypt", scrypt),
        ],
    )
}
