//! Inline caches for attribute access on instances of Python classes.
//!
//! Each `LoadAttr`, `StoreAttr` and `LoadMethod` instruction has a `Cache`
//! slot with two entries (sites that see two classes, such as methods of a
//! base class, stay cached). An entry is valid while its class's version
//! is unchanged (any change to the class or its bases renews the version),
//! so what was decided from the class at fill time — no data descriptor of
//! that name, no `__getattribute__`/`__setattr__` override, which
//! function a method name resolves to — still holds. What depends on the
//! instance is re-checked cheaply on each use: the position of the
//! attribute in the instance dict (entries keep their positions until the
//! key is deleted), or that the instance dict does not shadow a method.
//!
//! Layout: entry 1 is (`a` = class version, `b` = payload), entry 2 is
//! (`c`, `d`); version 0 means empty. The payload is a dict entry position
//! with the dict's shape above it (`ATTR`: see `attr_payload`) or a
//! function's object address (`METHOD`); `kind` bit 0 (entry
//! 1) and bit 1 (entry 2) are set for `METHOD`.
//!
//! Misses take a lean path (the class attribute cache, then the instance
//! dict) before falling back to the full attribute protocol.

use super::attr::MethodLookup;
use super::{PyResult, Vm};
use crate::bytecode::{Cache, CodeObj};
use crate::objects::*;

/// The attribute is in the instance dict at entry `payload`.
pub const ATTR: u8 = 0;
/// The name resolves to the plain Python function at address `payload`
/// on the class, and the instance dict does not have it.
pub const METHOD: u8 = 1;

/// `kind` of a `LoadMethod` cache for a receiver of a builtin type (whose
/// attributes never change): `b` is the address of the unbound builtin
/// method, `d` the receiver's value tag; `a` and `c` stay 0 (no entry for
/// instances: the JIT speculates on instances only from those).
pub const BUILTIN_METHOD: u8 = 4;

/// `kind` of a `LoadMethod` cache for a receiver that is a native object
/// (`collections.deque`) whose class gave an unbound builtin method: `b`
/// is the method's address, `c` the class version, `d` the class's
/// address; `a` stays 0. Valid while the class has that version (its
/// dict holds the method).
pub const NATIVE_METHOD: u8 = 32;

/// Receivers whose class is a builtin type that cannot be modified and is
/// determined by the value's tag.
#[inline]
fn builtin_receiver(v: &Value) -> bool {
    matches!(
        v,
        Value::Str(_)
            | Value::List(_)
            | Value::Tuple(_)
            | Value::Dict(_)
            | Value::Set(_)
            | Value::FrozenSet(_)
            | Value::Bytes(_)
            | Value::ByteArray(_)
            | Value::Int(_)
            | Value::Float(_)
    )
}

/// `kind` bit of a `LoadAttr`/`StoreAttr` cache: an entry served an
/// instance of another class of a hierarchy (`attr_hit`'s `plain` case).
/// The JIT then checks such hits natively (`polyattr`); sites that never
/// saw one do not get that code.
pub const HIERARCHY: u8 = 8;

/// `kind` bit of a `LoadMethod` cache: an entry was replaced while both
/// held classes other than the new one (a third class version met: the
/// site has seen more receivers' classes than its two entries name). The
/// JIT then keeps a generic call for classes its polymorphic dispatch
/// does not know (`polyexit`). (`install` sets it in attribute caches
/// too, where nothing reads it.)
pub const MANY: u8 = 16;

/// Entries of the class attribute cache.
const LOOKUP_CACHE_SIZE: usize = 2048;

struct LookupEntry {
    version: u64,
    hash: i64,
    name: Box<str>,
    value: Option<Value>,
}

thread_local! {
    /// Results of looking names up along classes' MROs, keyed by the
    /// class version (like CPython's type attribute cache): a class's
    /// version changes whenever the class or a base changes, so an entry
    /// for the current version is current.
    static LOOKUP_CACHE: std::cell::UnsafeCell<Vec<LookupEntry>> = std::cell::UnsafeCell::new(
        (0..LOOKUP_CACHE_SIZE).map(|_| LookupEntry { version: 0, hash: 0, name: "".into(), value: None }).collect(),
    );
}

/// Byte-wise equality without a library call (names are short).
#[inline(always)]
pub(crate) fn same_name(a: &str, b: &str) -> bool {
    let (a, b) = (a.as_bytes(), b.as_bytes());
    if a.len() != b.len() {
        return false;
    }
    let mut i = 0;
    while i < a.len() {
        if a[i] != b[i] {
            return false;
        }
        i += 1;
    }
    true
}

/// `cls.lookup(name)` through the class attribute cache.
#[inline]
pub fn class_lookup(cls: &ClassObj, name: &str) -> Option<Value> {
    class_lookup_hashed(cls, name, crate::objects::str::hash_str(name))
}

/// `class_lookup` with the name's hash already known.
#[inline]
pub fn class_lookup_hashed(cls: &ClassObj, name: &str, hash: i64) -> Option<Value> {
    let version = cls.version.get();
    let h = (hash as u64 ^ version.wrapping_mul(0x9E37_79B9_7F4A_7C15)) as usize;
    let slot = (h ^ (h >> 17)) & (LOOKUP_CACHE_SIZE - 1);
    // SAFETY: single-threaded; no reference into the cache outlives these
    // blocks, and nothing in them can re-enter it (clones and plain
    // compares only; the replaced entry is dropped after the write).
    let hit = LOOKUP_CACHE.with(|c| unsafe {
        let e = &(&*c.get())[slot];
        if e.version == version && e.hash == hash && same_name(&e.name, name) {
            Some(e.value.clone())
        } else {
            None
        }
    });
    if let Some(v) = hit {
        return v;
    }
    let v = cls.lookup_uncached(name);
    let old = LOOKUP_CACHE.with(|c| unsafe {
        std::mem::replace(&mut (&mut *c.get())[slot], LookupEntry { version, hash, name: name.into(), value: v.clone() })
    });
    drop(old);
    v
}

/// The dict position a cache entry gives for an instance of a class at
/// `version` whose dict is `d`, if it applies.
/// `plain`: the class has `PLAIN_ATTRS` (and no hook the access must
/// call), so an entry for another class of the hierarchy applies too when
/// the instance dict has the name at the same position.
/// Also says whether the hit was for another class of a hierarchy than
/// the entry's.
#[inline(always)]
fn attr_hit_noting(cache: &Cache, version: u64, plain: bool, d: &DictObj, name: &StrObj) -> Option<(usize, bool)> {
    // (An empty entry never hits: the JIT compiles from filled ones.)
    if (version == cache.a || plain && cache.a != 0) && cache.kind & 1 == 0 && d.str_obj_key_at(attr_pos(cache.b), name) {
        return Some((attr_pos(cache.b), version != cache.a));
    }
    if (version == cache.c || plain && cache.c != 0) && cache.kind & 2 == 0 && d.str_obj_key_at(attr_pos(cache.d), name) {
        return Some((attr_pos(cache.d), version != cache.c));
    }
    None
}

/// Sets the `HIERARCHY` bit of a cache (once).
#[cold]
fn note_hierarchy(cache: &mut Cache) {
    cache.kind |= HIERARCHY;
}

/// The payload of an `ATTR` entry for position `pos` of dict `d`: the
/// position in the low 32 bits, the dict's shape (`dict::shape`) at fill
/// time above, for the JIT to check an object's shape once instead of the
/// key at each position. Recorded for instances of any class: the JIT
/// checks a shape strictly only where the site served one class (no
/// second entry, no `HIERARCHY` bit), since instances of other classes of
/// a hierarchy (which hit without refilling the cache) have other shapes.
#[inline(always)]
fn attr_payload(d: &DictObj, pos: usize) -> u64 {
    pos as u64 | d.shape() << 32
}

/// The dict position of an `ATTR` entry's payload.
#[inline(always)]
pub fn attr_pos(payload: u64) -> usize {
    payload as u32 as usize
}

/// The dict shape an `ATTR` entry's payload recorded.
#[inline(always)]
pub fn attr_shape(payload: u64) -> u64 {
    payload >> 32
}

/// Whether class flags `flags` make the instance dict authoritative for
/// an access that must not bypass the hooks in `hooks`.
#[inline(always)]
pub(crate) fn plain(flags: u32, hooks: u32) -> bool {
    flags & (class_flags::PLAIN_ATTRS | hooks) == class_flags::PLAIN_ATTRS
}

/// Installs an entry for `version` (the previous first entry becomes the
/// second one).
fn install(cache: &mut Cache, version: u64, kind: u8, payload: u64) {
    if cache.a == version {
        cache.b = payload;
        cache.kind = (cache.kind & !1) | kind;
        return;
    }
    let many = if cache.a != 0 && cache.c != 0 && cache.c != version { MANY } else { 0 };
    cache.c = cache.a;
    cache.d = cache.b;
    cache.kind = ((cache.kind & 1) << 1) | kind | (cache.kind & (HIERARCHY | MANY)) | many;
    cache.a = version;
    cache.b = payload;
}

/// The instance dict and entry position that a filled cache entry gives
/// for attribute `name` of `obj`, when it applies (the interpreter's
/// inline hit path: no call, no reference counting). `hooks` are the
/// class flags that forbid the shortcut for this kind of access.
#[inline(always)]
pub fn cached_attr_pos<'a>(obj: &'a Value, cache: &mut Cache, name: &StrObj, hooks: u32) -> Option<(&'a DictObj, usize)> {
    if let Value::Instance(inst) = obj {
        // SAFETY: the class is only read here.
        if let (Some(d), Value::Class(cls)) = (&inst.dict, unsafe { inst.class.peek() }) {
            // The entries' own classes first (as `attr_hit_noting`, with
            // the hierarchy case apart: any position where the dict has
            // the key is the attribute's).
            let version = cls.version.get();
            if version == cache.a && cache.kind & 1 == 0 && d.str_obj_key_at(attr_pos(cache.b), name) {
                return Some((d, attr_pos(cache.b)));
            }
            if version == cache.c && cache.kind & 2 == 0 && d.str_obj_key_at(attr_pos(cache.d), name) {
                return Some((d, attr_pos(cache.d)));
            }
            if plain(cls.flags.get(), hooks) {
                return plain_hit(d, cache, name);
            }
        }
    }
    None
}

/// `cached_attr_pos` for an instance of another class of a hierarchy
/// (plain for the access): an entry's position where the dict has the key;
/// notes `HIERARCHY` in the cache.
#[inline]
fn plain_hit<'a>(d: &'a DictObj, cache: &mut Cache, name: &StrObj) -> Option<(&'a DictObj, usize)> {
    for (v, p, m) in [(cache.a, cache.b, 1), (cache.c, cache.d, 2)] {
        if v != 0 && cache.kind & m == 0 && d.str_obj_key_at(attr_pos(p), name) {
            if cache.kind & HIERARCHY == 0 {
                note_hierarchy(cache);
            }
            return Some((d, attr_pos(p)));
        }
    }
    None
}

/// The plain function a filled `METHOD` cache entry gives for method
/// `name` of instance `obj` (its class at the entry's version, and its
/// dict not shadowing the name): the interpreter's inline hit path.
#[inline(always)]
pub fn cached_method(obj: &Value, cache: &Cache, name: &StrObj) -> Option<PyRef<FunctionObj>> {
    if let Value::Instance(inst) = obj {
        // SAFETY: the class is only read here.
        if let (Some(d), Value::Class(cls)) = (&inst.dict, unsafe { inst.class.peek() }) {
            let version = cls.version.get();
            let p = if version == cache.a && cache.kind & 1 != 0 {
                cache.b
            } else if version == cache.c && cache.kind & 2 != 0 {
                cache.d
            } else {
                return None;
            };
            if d.lacks_str(name) {
                // SAFETY: `p` is the address of a function held by the class
                // dict, unchanged since the version is.
                return Some(unsafe { PyRef::clone_from_raw(p as *const rc::ObjBox<FunctionObj>) });
            }
        }
    }
    None
}

impl Vm {
    /// The address of the value attribute access `pc` of `code` (a
    /// `LoadAttr` or `StoreAttr`) reaches in the dict of instance `obj`,
    /// when the attribute lives there (found through the inline cache or
    /// the lean miss path, which refills the cache). Compiled code reads
    /// or writes the value there.
    pub fn attr_ptr(&self, obj: &Value, code: &CodeObj, pc: usize) -> Option<*mut Value> {
        let (name, store) = match code.instrs[pc] {
            crate::bytecode::Instr::LoadAttr { name, .. } => (name, false),
            crate::bytecode::Instr::StoreAttr { name, .. } => (name, true),
            _ => return None,
        };
        let nobj = &code.names[name as usize];
        let (n, h) = (nobj.as_str(), nobj.hash());
        let cache = *code.cache(pc);
        if let Value::Instance(inst) = obj {
            // SAFETY: nothing below sets the instance's class.
            if let (Some(d), Value::Class(cls)) = (&inst.dict, unsafe { inst.class.peek() }) {
                let version = cls.version.get();
                let hooks = class_flags::HAS_GETATTRIBUTE | if store { class_flags::HAS_SETATTR } else { 0 };
                let plain = plain(cls.flags.get(), hooks);
                if let Some((i, other)) = attr_hit_noting(&cache, version, plain, d, nobj) {
                    if other && cache.kind & HIERARCHY == 0 {
                        note_hierarchy(code.cache(pc));
                    }
                    return Some(d.value_ref_at(i) as *const Value as *mut Value);
                }
                if cls.flags.get() & hooks == 0
                    && n != "__class__"
                    && n != "__dict__"
                    && n != "__weakref__"
                    && (plain || self.dict_wins(&class_lookup_hashed(cls, n, h)))
                {
                    if let Some(i) = d.find_str(n, h) {
                        install(code.cache(pc), version, ATTR, attr_payload(d, i));
                        return Some(d.value_ref_at(i) as *const Value as *mut Value);
                    }
                }
            }
        }
        None
    }

    /// The plain function `LoadMethod` instruction `pc` of `code` resolves
    /// to for instance `obj` (a method of its class that the instance dict
    /// does not shadow), as an object address.
    pub fn method_ptr(&self, obj: &Value, code: &CodeObj, pc: usize) -> Option<u64> {
        let nobj = match code.instrs[pc] {
            crate::bytecode::Instr::LoadMethod { name, .. } => &code.names[name as usize],
            _ => return None,
        };
        let (n, h) = (nobj.as_str(), nobj.hash());
        if let Value::Instance(inst) = obj {
            // SAFETY: nothing below sets the instance's class.
            if let (Some(d), Value::Class(cls)) = (&inst.dict, unsafe { inst.class.peek() }) {
                if cls.flags.get() & class_flags::HAS_GETATTRIBUTE != 0 {
                    return None;
                }
                // The site's own cache first (a filled METHOD entry holds
                // for its class version), then the class attribute cache.
                let cache = code.cache(pc);
                let version = cls.version.get();
                for (v, p, is_method) in [(cache.a, cache.b, cache.kind & 1 != 0), (cache.c, cache.d, cache.kind & 2 != 0)] {
                    if v == version && is_method && cache.kind & BUILTIN_METHOD == 0 {
                        return if d.lacks_str(nobj) { Some(p) } else { None };
                    }
                }
                if let Some(Value::Function(f)) = class_lookup_hashed(cls, n, h) {
                    if d.find_str(n, h).is_none() {
                        return Some(f.as_ptr() as u64);
                    }
                }
            }
        }
        None
    }

    /// Whether a class attribute found for `name` lets the instance dict
    /// be used directly (it is absent, or not a descriptor that takes
    /// precedence or computes the value).
    pub(crate) fn dict_wins(&self, class_attr: &Option<Value>) -> bool {
        match class_attr {
            None => true,
            Some(a) => !self.is_data_descriptor(a) && !matches!(a, Value::Instance(_) | Value::Native(_)),
        }
    }

    /// `obj.name` through the instruction's cache.
    #[inline]
    pub fn load_attr_cached(&mut self, obj: &Value, code: &CodeObj, pc: usize, name: &StrObj) -> PyResult<Value> {
        // A copy: the slot is not borrowed across code that could run this
        // instruction again.
        let cache = *code.cache(pc);
        if let Value::Instance(inst) = obj {
            // SAFETY: nothing below sets the instance's class while `cls` is used.
            if let (Some(d), Value::Class(cls)) = (&inst.dict, unsafe { inst.class.peek() }) {
                let version = cls.version.get();
                let plain = plain(cls.flags.get(), class_flags::HAS_GETATTRIBUTE);
                if let Some((i, other)) = attr_hit_noting(&cache, version, plain, d, name) {
                    if other && cache.kind & HIERARCHY == 0 {
                        note_hierarchy(code.cache(pc));
                    }
                    return Ok(d.value_ref_at(i).clone());
                }
                // Miss: the common case resolved without the full protocol.
                let n = name.as_str();
                if cls.flags.get() & class_flags::HAS_GETATTRIBUTE == 0
                    && n != "__class__"
                    && n != "__dict__"
                    && (plain || self.dict_wins(&class_lookup_hashed(cls, n, name.hash())))
                {
                    if let Some(i) = d.find_str(n, name.hash()) {
                        install(code.cache(pc), version, ATTR, attr_payload(d, i));
                        return Ok(d.value_ref_at(i).clone());
                    }
                }
            }
        }
        if let Value::Module(m) = obj {
            // `math.pi`: the name's hash is known.
            if let Some(i) = m.dict.find_str(name.as_str(), name.hash()) {
                return Ok(m.dict.value_ref_at(i).clone());
            }
        }
        self.get_attr(obj, name.as_str())
    }

    /// `obj.name = value` through the instruction's cache.
    #[inline]
    pub fn store_attr_cached(&mut self, obj: &Value, code: &CodeObj, pc: usize, name: &PyRef<StrObj>, value: Value) -> PyResult<()> {
        match self.store_attr_plain(obj, code, pc, name, value) {
            Ok(()) => Ok(()),
            Err(value) => self.set_attr(obj, name.as_str(), value),
        }
    }

    /// The part of `store_attr_cached` that runs no Python code and cannot
    /// fail: `obj.name = value` into the instance dict of a class without
    /// hooks or a data descriptor of that name (refilling the cache).
    /// Gives the value back when the general protocol must run (compiled
    /// code calls this without giving the access a frame first).
    pub fn store_attr_plain(&mut self, obj: &Value, code: &CodeObj, pc: usize, name: &PyRef<StrObj>, value: Value) -> Result<(), Value> {
        let cache = *code.cache(pc);
        if let Value::Instance(inst) = obj {
            // SAFETY: nothing below sets the instance's class while `cls` is used.
            if let (Some(d), Value::Class(cls)) = (&inst.dict, unsafe { inst.class.peek() }) {
                let version = cls.version.get();
                let hooks = class_flags::HAS_GETATTRIBUTE | class_flags::HAS_SETATTR;
                let plain = plain(cls.flags.get(), hooks);
                if let Some((i, other)) = attr_hit_noting(&cache, version, plain, d, name) {
                    if other && cache.kind & HIERARCHY == 0 {
                        note_hierarchy(code.cache(pc));
                    }
                    d.set_value_at(i, value);
                    return Ok(());
                }
                let n = name.as_str();
                if cls.flags.get() & hooks == 0
                    && n != "__class__"
                    && n != "__dict__"
                    && n != "__weakref__"
                    && (plain || self.dict_wins(&class_lookup_hashed(cls, n, name.hash())))
                {
                    // (A new attribute, as in `__init__`, is usually
                    // found absent by the inline scan of a small dict.)
                    let found = if d.lacks_str(name) { None } else { d.find_str(n, name.hash()) };
                    match found {
                        Some(i) => {
                            install(code.cache(pc), version, ATTR, attr_payload(d, i));
                            d.set_value_at(i, value);
                        }
                        // A new attribute (as in `__init__`): the code's
                        // interned name becomes the key. (Exceptions keep
                        // some attributes outside their dict: those take
                        // the general path.)
                        None if inst.exc.is_none() || !crate::vm::attr::exc_data_attr(n) => {
                            let n = d.insert_new_small(Value::Str(name.clone()), name.hash(), value) + 1;
                            if n > cls.attr_hint.get() as usize && n <= 8 {
                                cls.attr_hint.set(n as u8);
                            }
                        }
                        None => return Err(value),
                    }
                    return Ok(());
                }
            }
        }
        Err(value)
    }

    /// `obj.name` for a method call, through the instruction's cache.
    #[inline]
    pub fn load_method_cached(&mut self, obj: &Value, code: &CodeObj, pc: usize, name: &StrObj) -> PyResult<MethodLookup> {
        let cache = *code.cache(pc);
        if let Value::Instance(inst) = obj {
            // SAFETY: nothing below sets the instance's class while `cls` is used.
            if let (Some(d), Value::Class(cls)) = (&inst.dict, unsafe { inst.class.peek() }) {
                let version = cls.version.get();
                let n = name.as_str();
                for (v, p, is_method) in [(cache.a, cache.b, cache.kind & 1 != 0), (cache.c, cache.d, cache.kind & 2 != 0)] {
                    if v != version {
                        continue;
                    }
                    if is_method {
                        if d.find_str(n, name.hash()).is_none() {
                            // SAFETY: `p` is the address of a function held
                            // by the class dict, unchanged since the version is.
                            let f = unsafe { PyRef::clone_from_raw(p as *const rc::ObjBox<FunctionObj>) };
                            return Ok(MethodLookup::Unbound(Value::Function(f)));
                        }
                    } else if d.str_key_at(p as usize, n) {
                        return Ok(MethodLookup::Attr(d.value_ref_at(p as usize).clone()));
                    }
                }
                if cls.flags.get() & class_flags::HAS_GETATTRIBUTE == 0 && n != "__class__" && n != "__dict__" {
                    let ca = class_lookup_hashed(cls, n, name.hash());
                    let in_dict = d.find_str(n, name.hash());
                    match (&ca, in_dict) {
                        (Some(Value::Function(f)), None) => {
                            install(code.cache(pc), version, METHOD, f.as_ptr() as u64);
                            return Ok(MethodLookup::Unbound(Value::Function(f.clone())));
                        }
                        (_, Some(i)) if self.dict_wins(&ca) => {
                            install(code.cache(pc), version, ATTR, attr_payload(d, i));
                            return Ok(MethodLookup::Attr(d.value_ref_at(i).clone()));
                        }
                        _ => {}
                    }
                }
            }
        }
        // A builtin type's method already found here for a receiver of
        // this type (builtin types never change).
        if cache.kind & BUILTIN_METHOD != 0 && builtin_receiver(obj) && cache.d == obj.tag() as u64 {
            // SAFETY: `b` is the address of a builtin method held by the
            // dict of a builtin type, which never changes.
            let f = unsafe { PyRef::clone_from_raw(cache.b as *const rc::ObjBox<BuiltinObj>) };
            return Ok(MethodLookup::Unbound(Value::Builtin(f)));
        }
        match obj {
            Value::Module(m) => {
                // `math.sqrt(x)`: a plain attribute; the name's hash is known.
                if let Some(i) = m.dict.find_str(name.as_str(), name.hash()) {
                    return Ok(MethodLookup::Attr(m.dict.value_ref_at(i).clone()));
                }
            }
            // A native type's builtin method (`dq.append(x)`), the name's
            // hash known; a `super()` object's methods are its own.
            Value::Native(n) if !matches!(n.data, NativeData::Super { .. }) => {
                let version = n.class.version.get();
                if cache.kind & NATIVE_METHOD != 0 && cache.c == version && cache.d == n.class.as_ptr() as u64 {
                    // SAFETY: `b` is the address of a builtin method held by
                    // the class's dict, unchanged since the version is.
                    let f = unsafe { PyRef::clone_from_raw(cache.b as *const rc::ObjBox<BuiltinObj>) };
                    return Ok(MethodLookup::Unbound(Value::Builtin(f)));
                }
                if let Some(a) = class_lookup_hashed(&n.class, name.as_str(), name.hash()) {
                    if let Value::Builtin(b) = &a {
                        if b.this.is_undef() && !b.function {
                            *code.cache(pc) = Cache {
                                a: 0,
                                b: b.as_ptr() as u64,
                                c: version,
                                d: n.class.as_ptr() as u64,
                                kind: NATIVE_METHOD,
                                profile: cache.profile,
                            };
                            return Ok(MethodLookup::Unbound(a));
                        }
                    }
                }
            }
            Value::Instance(_) | Value::Class(_) | Value::Native(_) => {}
            _ => {
                // A builtin type's method (`items.append(x)`), found as
                // `load_method` finds it, the name's hash known.
                let cls = self.class_of(obj);
                if let Some(a) = class_lookup_hashed(&cls, name.as_str(), name.hash()) {
                    if let Value::Builtin(b) = &a {
                        if b.this.is_undef() && !b.function {
                            if builtin_receiver(obj) {
                                // Filled as below (the check above uses it).
                                *code.cache(pc) = Cache {
                                    a: 0,
                                    b: b.as_ptr() as u64,
                                    c: 0,
                                    d: obj.tag() as u64,
                                    kind: BUILTIN_METHOD,
                                    profile: cache.profile,
                                };
                            }
                            return Ok(MethodLookup::Unbound(a));
                        }
                    }
                }
            }
        }
        self.load_method(obj, name.as_str())
    }

    /// After a binary operator ran on an instance `a` (not in place): the
    /// instruction's cache remembers the class version and the Python
    /// function `__op__` resolved to, for the JIT to inline the call.
    #[inline]
    pub fn note_binop(&self, code: &CodeObj, pc: usize, op: crate::bytecode::BinOp, a: &Value) {
        if let Value::Instance(inst) = a {
            // SAFETY: nothing below sets the instance's class.
            if let Value::Class(cls) = unsafe { inst.class.peek() } {
                let c = code.cache(pc);
                let version = cls.version.get();
                if c.a == version {
                    return;
                }
                c.a = 0;
                if cls.flags.get() & class_flags::HAS_GETATTRIBUTE != 0 {
                    return;
                }
                if let Some(Value::Function(f)) = class_lookup(cls, op.dunders().0) {
                    c.a = version;
                    c.b = f.as_ptr() as u64;
                }
            }
        }
    }
}
