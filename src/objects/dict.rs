//! `dict`: an insertion-ordered hash table, laid out like CPython's compact
//! dict: a dense `entries` array in insertion order and a sparse `indices`
//! table of positions into it.
//!
//! Hand-written (not `indexmap`) because key equality is Python equality: it
//! may call a user `__eq__`, which may fail or mutate the very dict being
//! searched. Lookups therefore take the equality test as a callback and
//! restart when the table changed underneath them.
//!
//! Every change of the key set gives the table a fresh, globally unique
//! `keys_version`; the VM's global-variable caches remember (version, entry
//! index) and read the entry directly while the version still matches.

use std::cell::{Cell, UnsafeCell};

use super::rc::{PyRef, Trace};
use super::value::Value;
use crate::vm::PyResult;

const EMPTY: u32 = u32::MAX;
const DUMMY: u32 = u32::MAX - 1;

/// Up to this many entries a dict has no `indices` table: lookups scan
/// the entries comparing hashes first. Most dicts are small (instance
/// dicts, keyword arguments), and this saves them the index allocation
/// and the probing.
const SMALL: usize = 8;

pub struct Entry {
    pub hash: i64,
    /// `Undef` for a deleted entry.
    pub key: Value,
    pub value: Value,
}

#[derive(Default)]
struct Table {
    indices: Vec<u32>,
    entries: Vec<Entry>,
    used: usize,
    /// Index slots that are not EMPTY (live or DUMMY): probing needs at
    /// least one EMPTY slot, so the table grows on `fill`, not `used`.
    fill: usize,
}

pub struct DictObj {
    t: UnsafeCell<Table>,
    keys_version: Cell<u64>,
    /// The dict's key layout (`shape`), or `NO_SHAPE`.
    shape: Cell<u64>,
}

/// Key layouts ("hidden classes", shared by all dicts whose keys are the
/// same interned `str` objects inserted in the same order, with no
/// deletion): a
/// dict's `shape` is `NO_SHAPE`, or the id of a node of a global tree
/// whose root (`EMPTY_SHAPE`) is the empty dict and whose edges add one
/// key. A dict with a shape has no deleted entries, as many entries as
/// its shape has keys, and entry `i` has exactly key object `i` of the
/// shape: compiled code that checked a dict's shape reads an attribute's
/// value at a fixed position without checking the key. Every mutation
/// of the key set maintains it (`insert_new*` follow or create an edge;
/// deletion and keys other than interned `str` objects give `NO_SHAPE`;
/// `clear` gives the root).
/// The tree is bounded (`MAX_SHAPES` nodes, `MAX_SHAPE_KEYS` keys deep);
/// past that dicts get `NO_SHAPE`. Nodes keep their key objects alive, so
/// a key's address is never reused for another string while a shape
/// names it.
pub mod shape {
    use super::Value;
    use std::cell::UnsafeCell;

    pub const NO_SHAPE: u64 = 0;
    pub const EMPTY_SHAPE: u64 = 1;
    const MAX_SHAPES: usize = 1 << 16;
    const MAX_SHAPE_KEYS: usize = 64;

    struct Node {
        /// The shape without the last key.
        parent: u64,
        /// The last key (`None` for the root).
        key: Value,
        /// How many keys.
        len: usize,
        /// Edges: (key object address, child).
        next: Vec<(u64, u64)>,
        /// Per position, the kind of the values dicts of this shape hold
        /// there (`kind_of`): `KIND_UNSET`, one tag, or `KIND_MIXED`.
        kinds: Vec<u8>,
        /// The kinds of the first 8 positions, one byte each (`note_all`'s
        /// one-comparison check), and a byte of ones for each that is
        /// `KIND_MIXED`.
        k8: u64,
        m8: u64,
    }

    impl Node {
        fn new(parent: u64, key: Value, len: usize, kinds: Vec<u8>) -> Node {
            let mut n = Node { parent, key, len, next: Vec::new(), kinds, k8: 0, m8: 0 };
            n.pack();
            n
        }
        fn pack(&mut self) {
            let (mut k8, mut m8) = (0u64, 0u64);
            for (i, &k) in self.kinds.iter().take(8).enumerate() {
                k8 |= (k as u64) << (8 * i);
                if k == KIND_MIXED {
                    m8 |= 0xFF << (8 * i);
                }
            }
            self.k8 = k8;
            self.m8 = m8;
        }
    }

    /// No value noted at the position yet.
    pub const KIND_UNSET: u8 = 0xFE;
    /// Values of several tags met at the position.
    pub const KIND_MIXED: u8 = 0xFF;
    /// A tag no value has (noting it makes a position mixed).
    pub const KIND_UNKNOWN_TAG: u8 = 0xFD;

    /// Entries of the transition cache.
    const CACHE: usize = 1024;

    /// The dicts' thread state: the key version counter and the tree,
    /// with a direct-mapped cache of its edges (the root has an edge for
    /// every first key of any dict, too many to scan on each insertion).
    pub(super) struct Tls {
        pub(super) next_version: u64,
        cache: [(u64, u64, u64); CACHE],
        /// Never dropped: at thread exit its keys could not be freed
        /// safely, other thread locals being gone. Empty until the first
        /// key is added.
        tree: std::mem::ManuallyDrop<Vec<Node>>,
        /// Per node, its kinds' version: bumped whenever one of its
        /// positions goes from one tag to `KIND_MIXED`. Compiled code that
        /// reads an attribute as a number without checking its tag,
        /// because the position's kind was that number's tag when it was
        /// compiled, checks the version of the object's shape first (after
        /// anything that may have stored into a dict). Allocated for
        /// `MAX_SHAPES` nodes at once, so that the words never move.
        vers: std::mem::ManuallyDrop<Vec<u64>>,
    }

    thread_local! {
        pub(super) static TLS: UnsafeCell<Tls> = const {
            UnsafeCell::new(Tls {
                next_version: 1,
                cache: [(0, 0, 0); CACHE],
                tree: std::mem::ManuallyDrop::new(Vec::new()),
                vers: std::mem::ManuallyDrop::new(Vec::new()),
            })
        };
    }

    #[inline(always)]
    fn slot(s: u64, addr: u64) -> usize {
        ((addr >> 4) ^ s.wrapping_mul(0x9E37_79B9)) as usize & (CACHE - 1)
    }

    /// A fresh key version and the shape after adding key `key` to a
    /// dict of shape `s` (one thread-local access for both).
    #[inline]
    pub(super) fn version_and_add(s: u64, key: &Value) -> (u64, u64) {
        // SAFETY: single-threaded; no reference into the state outlives
        // this block, and nothing in it can re-enter it (`grow` clones a
        // key, which runs no code).
        TLS.with(|t| unsafe {
            let t = &mut *t.get();
            let v = t.next_version;
            t.next_version = v + 1;
            if s == NO_SHAPE {
                return (v, NO_SHAPE);
            }
            let Value::Str(k) = key else { return (v, NO_SHAPE) };
            let addr = k.as_ptr() as u64;
            let e = t.cache[slot(s, addr)];
            if e.0 == s && e.1 == addr {
                return (v, e.2);
            }
            (v, grow(t, s, key, addr))
        })
    }

    /// The shape of a dict that got `keys` (distinct), in this order,
    /// starting empty (`NO_SHAPE` when they make none). The tree never
    /// changes its edges, so the answer stays true.
    pub fn of_keys<'a>(keys: impl Iterator<Item = &'a Value>) -> u64 {
        let mut s = EMPTY_SHAPE;
        for k in keys {
            s = version_and_add(s, k).1;
            if s == NO_SHAPE {
                break;
            }
        }
        s
    }

    /// Pads the tree with unreachable nodes to the next multiple of 1024
    /// (when the main program starts, like `round_up_versions`): the
    /// shapes the program makes, which `--jit-log` shows as guard
    /// constants, do not depend on how many start-up made. Costs at most
    /// 1023 of the `MAX_SHAPES` nodes, once.
    pub fn round_up_shapes() {
        // SAFETY: single-threaded; the reference does not outlive the
        // block, and nothing in it re-enters the state.
        TLS.with(|t| unsafe {
            let t = &mut *t.get();
            if t.tree.is_empty() {
                return;
            }
            while t.tree.len() % 1024 != 0 && t.tree.len() < MAX_SHAPES {
                t.tree.push(Node::new(NO_SHAPE, Value::None, 0, Vec::new()));
                t.vers.push(0);
            }
        })
    }

    /// `add` past the cache: the edge found or made, then cached.
    #[cold]
    #[inline(never)]
    fn grow(t: &mut Tls, s: u64, key: &Value, addr: u64) -> u64 {
        if t.tree.is_empty() {
            // The placeholder for NO_SHAPE and the root.
            for _ in 0..2 {
                t.tree.push(Node::new(NO_SHAPE, Value::None, 0, Vec::new()));
            }
            t.vers.reserve_exact(MAX_SHAPES);
            t.vers.extend([0, 0]);
        }
        let c = match t.tree[s as usize].next.iter().find(|e| e.0 == addr) {
            Some(&(_, c)) => c,
            None => {
                // Only interned keys (identifiers: attribute names)
                // make shapes; dicts keyed by computed strings would fill
                // the tree with shapes no compiled code checks.
                // (A refusal is cached too: dicts keyed by the same
                // computed string ask again and again. Should the address
                // be reused by an interned string, that string's dicts
                // only go without a shape, which is always correct.)
                let Value::Str(k) = key else { return NO_SHAPE };
                let len = t.tree[s as usize].len + 1;
                if !crate::objects::str::is_interned(k) || t.tree.len() >= MAX_SHAPES || len > MAX_SHAPE_KEYS {
                    t.cache[slot(s, addr)] = (s, addr, NO_SHAPE);
                    return NO_SHAPE;
                }
                let c = t.tree.len() as u64;
                // The values a dict brings from the parent shape are the
                // parent's kinds; the new position has none yet.
                let mut kinds = t.tree[s as usize].kinds.clone();
                kinds.push(KIND_UNSET);
                t.tree.push(Node::new(s, key.clone(), len, kinds));
                t.vers.push(0);
                t.tree[s as usize].next.push((addr, c));
                c
            }
        };
        t.cache[slot(s, addr)] = (s, addr, c);
        c
    }

    /// Records that a dict of shape `s` now holds a value with tag `tag`
    /// at position `pos` (every store of a value into a dict with a
    /// shape calls it: `DictObj`'s writers, and compiled stores whose
    /// value's tag changes). The kind of a position is the join of the
    /// tags noted there, in that shape and in its ancestors (a dict
    /// carries its values to the child shapes): an invariant compiled
    /// code relies on, reading an attribute whose kind is a number's
    /// tag without checking the tag. Returns whether a kind became
    /// `KIND_MIXED` (its node's kinds version then bumped).
    #[inline]
    pub fn note(s: u64, pos: usize, tag: u8) -> bool {
        if s == NO_SHAPE {
            return false;
        }
        // SAFETY: as in `version_and_add`.
        TLS.with(|t| unsafe {
            let t = &mut *t.get();
            match t.tree.get(s as usize).and_then(|n| n.kinds.get(pos)) {
                Some(&k) if k == tag || k == KIND_MIXED => false,
                _ => note_slow(t, s, pos, tag),
            }
        })
    }

    /// `note` of the tags of `n` (at most 8) positions at once, packed one
    /// byte each in `tags` (a dict filled at once).
    #[inline]
    pub fn note_all(s: u64, n: usize, tags: u64) {
        debug_assert!(n <= 8);
        let mask = if n >= 8 { u64::MAX } else { (1u64 << (8 * n)) - 1 };
        // SAFETY: as in `version_and_add`.
        let same = TLS.with(|t| unsafe {
            let t = &*t.get();
            t.tree.get(s as usize).is_some_and(|nd| nd.kinds.len() >= n && (nd.k8 ^ tags) & !nd.m8 & mask == 0)
        });
        if !same {
            for i in 0..n {
                note(s, i, (tags >> (8 * i)) as u8);
            }
        }
    }

    /// `note` when the kind changes: the shape and its descendants (whose
    /// dicts may come from it) join the tag in.
    #[cold]
    #[inline(never)]
    fn note_slow(t: &mut Tls, s: u64, pos: usize, tag: u8) -> bool {
        let mut mixed = false;
        let mut stack = vec![s];
        while let Some(n) = stack.pop() {
            let Some(node) = t.tree.get_mut(n as usize) else { continue };
            let Some(k) = node.kinds.get_mut(pos) else { continue };
            let j = if *k == KIND_UNSET || *k == tag { tag } else { KIND_MIXED };
            if j == *k {
                // (Descendants hold at least what this node holds.)
                continue;
            }
            if j == KIND_MIXED && *k != KIND_UNSET {
                mixed = true;
                t.vers[n as usize] += 1;
            }
            *k = j;
            node.pack();
            stack.extend(node.next.iter().map(|e| e.1));
        }
        mixed
    }

    /// The kinds' version of shape `s` (`Tls::vers`) and where it lives,
    /// for the JIT (`None` when `s` is no node).
    pub fn kind_version(s: u64) -> Option<(u64, *const u64)> {
        // SAFETY: as in `version_and_add` (reads only); the words never
        // move (`vers` has its capacity from the start).
        TLS.with(|t| unsafe {
            let t = &*t.get();
            t.vers.get(s as usize).map(|v| (*v, v as *const u64))
        })
    }

    /// The kind of position `pos` in shape `s` (see `note`), for the JIT.
    pub fn kind_of(s: u64, pos: usize) -> u8 {
        // SAFETY: as in `version_and_add` (reads only).
        TLS.with(|t| unsafe {
            let t = &*t.get();
            t.tree.get(s as usize).and_then(|n| n.kinds.get(pos).copied()).unwrap_or(KIND_MIXED)
        })
    }

    /// The position of the key object at address `key` in shape `s`, if
    /// it has it (for the JIT).
    pub fn position(s: u64, key: u64) -> Option<usize> {
        // SAFETY: as in `version_and_add` (reads only).
        TLS.with(|t| unsafe {
            let t = &*t.get();
            let mut n = t.tree.get(s as usize)?;
            while n.len > 0 {
                if matches!(&n.key, Value::Str(k) if k.as_ptr() as u64 == key) {
                    return Some(n.len - 1);
                }
                n = &t.tree[n.parent as usize];
            }
            None
        })
    }

    /// Whether shape `s` has a `str` key equal to `name` (compared by
    /// text: a key set through `setattr` with a string built at run time
    /// is not the interned object; for the JIT).
    pub fn has_str_key(s: u64, name: &str) -> bool {
        // SAFETY: as in `version_and_add` (reads only).
        TLS.with(|t| unsafe {
            let t = &*t.get();
            let Some(mut n) = t.tree.get(s as usize) else {
                return true;
            };
            while n.len > 0 {
                if matches!(&n.key, Value::Str(k) if k.as_str() == name) {
                    return true;
                }
                n = &t.tree[n.parent as usize];
            }
            false
        })
    }

    /// The address of the key object at `pos` of shape `s`, if it has
    /// that many keys (for the JIT).
    pub fn key_at(s: u64, pos: usize) -> Option<u64> {
        // SAFETY: as in `version_and_add` (reads only).
        TLS.with(|t| unsafe {
            let t = &*t.get();
            let mut n = t.tree.get(s as usize)?;
            if pos >= n.len {
                return None;
            }
            while n.len > pos + 1 {
                n = &t.tree[n.parent as usize];
            }
            match &n.key {
                Value::Str(k) => Some(k.as_ptr() as u64),
                _ => None,
            }
        })
    }
}

/// Moves the key version counter on to the next multiple of 2^20. The VM
/// does this when the main program starts, so that the versions the
/// program's dicts get (which `--jit-log` shows as guard constants) do not
/// depend on how many start-up made. Versions only need to be new, so
/// skipping some is harmless.
pub fn round_up_versions() {
    // SAFETY: single-threaded; the reference does not outlive the block.
    shape::TLS.with(|t| unsafe {
        let t = &mut *t.get();
        t.next_version = (t.next_version + (1 << 20)) & !((1 << 20) - 1);
    })
}

fn fresh_version() -> u64 {
    // SAFETY: single-threaded; the reference does not outlive the block.
    shape::TLS.with(|t| unsafe {
        let t = &mut *t.get();
        let v = t.next_version;
        t.next_version = v + 1;
        v
    })
}

/// Equality callback: Python `==` on two keys (identity already checked).
pub type KeyEq<'a> = &'a mut dyn FnMut(&Value, &Value) -> PyResult<bool>;

impl Default for DictObj {
    fn default() -> Self {
        DictObj { t: UnsafeCell::new(Table::default()), keys_version: Cell::new(fresh_version()), shape: Cell::new(shape::EMPTY_SHAPE) }
    }
}

impl DictObj {
    pub fn new() -> PyRef<DictObj> {
        PyRef::new_tracked(DictObj::default())
    }

    /// An empty dict with room for `n` (at most `SMALL`) entries.
    pub fn with_capacity(n: usize) -> DictObj {
        let d = DictObj::default();
        if n > 0 {
            d.t_mut().entries = Vec::with_capacity(n.min(SMALL));
        }
        d
    }

    #[inline]
    fn t(&self) -> &Table {
        // SAFETY: single-threaded; no reference into the table outlives a method.
        unsafe { &*self.t.get() }
    }

    #[inline]
    #[allow(clippy::mut_from_ref)]
    fn t_mut(&self) -> &mut Table {
        // SAFETY: as in `t`; callers never hold two of these at once and never
        // run Python code while holding one.
        unsafe { &mut *self.t.get() }
    }

    #[inline]
    pub fn len(&self) -> usize {
        self.t().used
    }

    #[inline]
    pub fn is_empty(&self) -> bool {
        self.t().used == 0
    }

    #[inline]
    pub fn keys_version(&self) -> u64 {
        self.keys_version.get()
    }

    /// Where the key version lives (compiled code guards on it).
    pub fn keys_version_ptr(&self) -> *const u64 {
        self.keys_version.as_ptr()
    }

    /// Where `keys_version` lies in a `DictObj` (compiled code reads it).
    pub fn keys_version_offset() -> usize {
        std::mem::offset_of!(DictObj, keys_version)
    }

    fn bump(&self) {
        self.keys_version.set(fresh_version());
    }

    /// A new key version, as if keys had changed (caches keyed on the old
    /// one miss once): see `Vm::run_main`.
    pub fn renew_version(&self) {
        self.bump();
    }

    /// `bump` for the insertion of new key `key`, which also moves the
    /// dict to its next shape.
    #[inline]
    fn bump_add(&self, key: &Value) {
        let (v, s) = shape::version_and_add(self.shape.get(), key);
        self.keys_version.set(v);
        self.shape.set(s);
    }

    /// The dict's key layout (see `shape`).
    #[inline]
    pub fn shape(&self) -> u64 {
        self.shape.get()
    }

    /// Where the shape lives, as an offset from the start of the
    /// `DictObj` (compiled code reads it).
    pub fn shape_offset() -> usize {
        std::mem::offset_of!(DictObj, shape)
    }

    /// Number of entry slots (live and deleted); iteration positions run below it.
    #[inline]
    pub fn entries_len(&self) -> usize {
        self.t().entries.len()
    }

    /// The live entry at `pos`, if any.
    #[inline]
    pub fn entry_at(&self, pos: usize) -> Option<(Value, Value)> {
        let e = self.t().entries.get(pos)?;
        if e.key.is_undef() {
            None
        } else {
            Some((e.key.clone(), e.value.clone()))
        }
    }

    /// The key, hash and value of the live entry at `pos`, not counted
    /// (valid while the dict does not change).
    #[inline]
    pub fn entry_ref_at(&self, pos: usize) -> Option<(&Value, i64, &Value)> {
        let e = self.t().entries.get(pos)?;
        if e.key.is_undef() {
            None
        } else {
            Some((&e.key, e.hash, &e.value))
        }
    }

    #[inline]
    pub fn key_at(&self, pos: usize) -> Option<Value> {
        let e = self.t().entries.get(pos)?;
        if e.key.is_undef() {
            None
        } else {
            Some(e.key.clone())
        }
    }

    #[inline]
    pub fn value_at(&self, pos: usize) -> Value {
        self.t().entries[pos].value.clone()
    }

    /// Pointer to the value of entry `pos` (for the VM's global caches).
    #[inline]
    pub fn value_ptr(&self, pos: usize) -> *mut Value {
        &mut self.t_mut().entries[pos].value as *mut Value
    }

    /// Where compiled code finds a dict's entries: the offsets (from the
    /// start of the `DictObj`) of the entry array's address and of its
    /// length, and the size of an entry. `Vec`'s field order is not
    /// specified, so it is found once by probing a vector, and checked.
    pub fn entries_layout() -> (usize, usize, usize) {
        thread_local! {
            static LAYOUT: (usize, usize, usize) = probe_entries_layout();
        }
        LAYOUT.with(|l| *l)
    }

    /// Whether entry `pos` exists and has the `str` key `name` (inline
    /// caches remember entry positions).
    #[inline]
    pub fn str_key_at(&self, pos: usize, name: &str) -> bool {
        match self.t().entries.get(pos) {
            Some(e) => is_str_key(&e.key, name),
            None => false,
        }
    }

    /// `str_key_at` for a name given as a string object: the same object
    /// (identifiers are interned, so attribute names and the keys stored
    /// under them usually are) is found without reading the key's text.
    #[inline(always)]
    pub fn str_obj_key_at(&self, pos: usize, name: &super::StrObj) -> bool {
        match self.t().entries.get(pos) {
            Some(Entry { key: Value::Str(s), .. }) => same_str(s, name),
            _ => false,
        }
    }

    /// The value of entry `pos` (which must exist), not counted.
    #[inline]
    pub fn value_ref_at(&self, pos: usize) -> &Value {
        &self.t().entries[pos].value
    }

    /// Notes (`shape::note`) a value with tag `tag` stored through a
    /// pointer into this dict's entries (`value_ptr`: the interpreter's
    /// global caches, compiled code). Returns whether a kind became
    /// mixed (also when the pointer is not into the entries, which is
    /// never expected: the safe answer).
    pub fn note_store_at(&self, p: *const Value, tag: u8) -> bool {
        let s = self.shape.get();
        if s == shape::NO_SHAPE {
            return false;
        }
        let t = self.t();
        let first = t.entries.as_ptr() as usize + std::mem::offset_of!(Entry, value);
        let size = std::mem::size_of::<Entry>();
        let at = (p as usize).wrapping_sub(first);
        if !at.is_multiple_of(size) || at / size >= t.entries.len() {
            // (Every position joins a tag no value has: all mixed.)
            for pos in 0..t.entries.len() {
                shape::note(s, pos, shape::KIND_UNKNOWN_TAG);
            }
            return true;
        }
        shape::note(s, at / size, tag)
    }

    pub fn set_value_at(&self, pos: usize, v: Value) {
        shape::note(self.shape.get(), pos, v.tag());
        let old = std::mem::replace(&mut self.t_mut().entries[pos].value, v);
        drop(old);
    }

    /// Like `find_str`, for lookups that must find any key equal to the
    /// string (`d[k]`, `k in d`): `None` when an entry with the same hash
    /// has a key that is not a `str` (an instance of a `str` subclass,
    /// say), whose `__eq__` only the general lookup may call; else
    /// `Some(position or None)`.
    /// The key object itself is compared first (interned names, a key
    /// looked up with the object it was stored under), before any text.
    pub fn find_str_exact(&self, key: &super::StrObj) -> Option<Option<usize>> {
        self.probe_str(key.hash(), |e| match &e.key {
            Value::Str(s) => Some(same_str(s, key)),
            Value::Undef => Some(false),
            _ => None,
        })
    }

    /// `find_str_exact` for an `int` key: `None` when an entry with the
    /// same hash has a key whose equality with an int needs the general
    /// lookup (a float, an instance…); else `Some(position or None)`.
    pub fn find_int_exact(&self, key: i64) -> Option<Option<usize>> {
        self.probe_str(super::int::hash_i64(key), |e| match &e.key {
            Value::Int(k) => Some(*k == key),
            Value::Str(_) | Value::Undef => Some(false),
            _ => None,
        })
    }

    /// Whether the dict has no `str` key equal to `name` (`find_str(..)
    /// .is_none()`), with the scan of a small table inline: no entry with
    /// the name's hash means no such key; any entry with it (or a large
    /// table) takes `find_str`.
    #[inline(always)]
    pub fn lacks_str(&self, name: &super::StrObj) -> bool {
        let t = self.t();
        let h = name.hash();
        if t.indices.is_empty() && !t.entries.iter().any(|e| e.hash == h) {
            return true;
        }
        self.find_str(name.as_str(), h).is_none()
    }

    /// Finds the entry position of a key whose equality needs no Python code
    /// (`str`): compared by content (keys of other types are passed over).
    #[inline]
    pub fn find_str(&self, key: &str, hash: i64) -> Option<usize> {
        self.probe_str(hash, |e| Some(is_str_key(&e.key, key))).flatten()
    }

    /// Walks the entries with hash `hash` (deleted ones included) in probe
    /// order, asking `check` of each whether it is the one (`None` stops
    /// the walk undecided).
    #[inline(always)]
    fn probe_str(&self, hash: i64, check: impl Fn(&Entry) -> Option<bool>) -> Option<Option<usize>> {
        let t = self.t();
        if t.indices.is_empty() {
            // Small table: a scan (deleted entries have an Undef key).
            for (i, e) in t.entries.iter().enumerate() {
                if e.hash == hash && check(e)? {
                    return Some(Some(i));
                }
            }
            return Some(None);
        }
        let mask = t.indices.len() - 1;
        let mut perturb = hash as u64;
        let mut i = (hash as u64 as usize) & mask;
        loop {
            let ix = t.indices[i];
            if ix == EMPTY {
                return Some(None);
            }
            if ix != DUMMY {
                let e = &t.entries[ix as usize];
                if e.hash == hash && check(e)? {
                    return Some(Some(ix as usize));
                }
            }
            perturb >>= 5;
            i = (i.wrapping_mul(5).wrapping_add(perturb as usize).wrapping_add(1)) & mask;
        }
    }

    /// Finds the entry position of `key`. Restarts if `eq` changed the table.
    pub fn find(&self, key: &Value, hash: i64, eq: KeyEq) -> PyResult<Option<usize>> {
        'restart: loop {
            let t = self.t();
            if t.indices.is_empty() {
                // Small table: a scan.
                let mut i = 0;
                while i < self.t().entries.len() {
                    let e = &self.t().entries[i];
                    if e.key.is(key) {
                        return Ok(Some(i));
                    }
                    if e.hash == hash && !e.key.is_undef() {
                        match plain_key_eq(&e.key, key) {
                            Some(true) => return Ok(Some(i)),
                            Some(false) => {
                                i += 1;
                                continue;
                            }
                            None => {}
                        }
                        let k = e.key.clone();
                        let version = self.keys_version();
                        let equal = eq(&k, key)?;
                        if self.keys_version() != version {
                            continue 'restart;
                        }
                        if equal {
                            return Ok(Some(i));
                        }
                    }
                    i += 1;
                }
                return Ok(None);
            }
            let mask = t.indices.len() - 1;
            let mut perturb = hash as u64;
            let mut i = (hash as u64 as usize) & mask;
            loop {
                let t = self.t();
                let ix = t.indices[i];
                if ix == EMPTY {
                    return Ok(None);
                }
                if ix != DUMMY {
                    let e = &t.entries[ix as usize];
                    if e.key.is(key) {
                        return Ok(Some(ix as usize));
                    }
                    let plain = if e.hash == hash { plain_key_eq(&e.key, key) } else { Some(false) };
                    if plain == Some(true) {
                        return Ok(Some(ix as usize));
                    }
                    if plain.is_none() {
                        let k = e.key.clone();
                        let version = self.keys_version();
                        let equal = eq(&k, key)?;
                        if self.keys_version() != version {
                            continue 'restart;
                        }
                        if equal {
                            return Ok(Some(ix as usize));
                        }
                    }
                }
                perturb >>= 5;
                i = (i.wrapping_mul(5).wrapping_add(perturb as usize).wrapping_add(1)) & mask;
            }
        }
    }

    pub fn get(&self, key: &Value, hash: i64, eq: KeyEq) -> PyResult<Option<Value>> {
        Ok(self.find(key, hash, eq)?.map(|i| self.value_at(i)))
    }

    /// Inserts or replaces. Returns the entry position.
    pub fn insert(&self, key: Value, hash: i64, value: Value, eq: KeyEq) -> PyResult<usize> {
        if let Some(i) = self.find(&key, hash, eq)? {
            self.set_value_at(i, value);
            return Ok(i);
        }
        Ok(self.insert_new(key, hash, value))
    }

    /// `insert_new` when the entry fits in a small table without growing
    /// it (inlined: the common case of an attribute store in `__init__`),
    /// else the general path.
    #[inline(always)]
    pub fn insert_new_small(&self, key: Value, hash: i64, value: Value) -> usize {
        let t = self.t_mut();
        let pos = t.entries.len();
        if t.indices.is_empty() && pos < t.entries.capacity() && pos < SMALL {
            self.bump_add(&key);
            shape::note(self.shape.get(), pos, value.tag());
            // SAFETY: `pos` < capacity: the slot is allocated and unused.
            unsafe {
                t.entries.as_mut_ptr().add(pos).write(Entry { hash, key, value });
                t.entries.set_len(pos + 1);
            }
            t.used += 1;
            return pos;
        }
        self.insert_new(key, hash, value)
    }

    /// Fills an empty dict with `n` entries whose keys are `n` distinct
    /// interned `str` objects making shape `shape` in this order (see
    /// `shape::of_keys`): `entry(i)` gives entry `i` (key, hash, value).
    /// One key version and one shape for all (what `n` `insert_new_small`s
    /// would leave, without the shape steps in between). Returns false
    /// (nothing done) unless the dict is empty with the root shape, has
    /// no index table and room for `n` entries, and `shape` is a shape.
    #[inline]
    /// `noted`: the caller knows each value's tag to be its position's
    /// kind in `shape` (or that kind to be mixed): nothing to note.
    pub fn fill_shaped(&self, shape: u64, n: usize, noted: bool, mut entry: impl FnMut(usize) -> (Value, i64, Value)) -> bool {
        let t = self.t_mut();
        if shape == shape::NO_SHAPE
            || self.shape.get() != shape::EMPTY_SHAPE
            || !t.entries.is_empty()
            || !t.indices.is_empty()
            || t.entries.capacity() < n
            || n > SMALL
        {
            return false;
        }
        self.keys_version.set(fresh_version());
        self.shape.set(shape);
        let mut tags = 0u64;
        for i in 0..n {
            let (key, hash, value) = entry(i);
            tags |= (value.tag() as u64) << (8 * i);
            // SAFETY: `i` < `n` <= capacity: the slot is allocated and
            // unused (the table is empty); the length is set after.
            unsafe {
                let p = t.entries.as_mut_ptr().add(i);
                std::ptr::addr_of_mut!((*p).hash).write(hash);
                std::ptr::addr_of_mut!((*p).key).write(key);
                std::ptr::addr_of_mut!((*p).value).write(value);
            }
        }
        // SAFETY: the first `n` slots were written above.
        unsafe { t.entries.set_len(n) };
        t.used = n;
        if !noted {
            shape::note_all(shape, n, tags);
        }
        true
    }

    /// Empties a small table (no index table, at most `SMALL` entry
    /// slots), keeping its entry allocation for reuse. Returns false (nothing
    /// done) for larger tables.
    pub fn clear_small(&self) -> bool {
        let t = self.t_mut();
        if !t.indices.is_empty() || t.entries.capacity() > SMALL {
            return false;
        }
        // The entries leave the table before they are dropped (their
        // destructors may free other objects).
        let mut old = std::mem::take(&mut t.entries);
        t.used = 0;
        t.fill = 0;
        self.bump();
        self.shape.set(shape::EMPTY_SHAPE);
        old.clear();
        // Dropping the old entries cannot have reached this table (only
        // its owner, which is being freed, refers to it).
        self.t_mut().entries = old;
        true
    }

    /// Inserts a key known to be absent.
    pub fn insert_new(&self, key: Value, hash: i64, value: Value) -> usize {
        self.bump_add(&key);
        shape::note(self.shape.get(), self.t().entries.len(), value.tag());
        let t = self.t_mut();
        if t.indices.is_empty() && t.entries.len() < SMALL {
            let pos = t.entries.len();
            t.entries.push(Entry { hash, key, value });
            t.used += 1;
            return pos;
        }
        if t.entries.len() + 1 > usable(t.indices.len()) || t.fill + 1 > usable(t.indices.len()) {
            self.resize(self.t().used + 1);
        }
        let t = self.t_mut();
        let pos = t.entries.len();
        t.entries.push(Entry { hash, key, value });
        t.used += 1;
        t.fill += 1;
        insert_index(&mut t.indices, hash, pos as u32);
        pos
    }

    /// Inserts or replaces a `str` key.
    pub fn set_str(&self, key: &str, value: Value) {
        let hash = super::str::hash_str(key);
        match self.find_str(key, hash) {
            Some(i) => self.set_value_at(i, value),
            None => {
                self.insert_new(Value::Str(super::str::intern(key)), hash, value);
            }
        }
    }

    pub fn get_str(&self, key: &str) -> Option<Value> {
        let hash = super::str::hash_str(key);
        self.find_str(key, hash).map(|i| self.value_at(i))
    }

    /// Removes the entry at `pos`, returning its key and value.
    pub fn remove_at(&self, pos: usize) -> (Value, Value) {
        let t = self.t_mut();
        let hash = t.entries[pos].hash;
        // Find the index slot pointing at `pos` and mark it deleted (a
        // small table has none).
        if !t.indices.is_empty() {
            let mask = t.indices.len() - 1;
            let mut perturb = hash as u64;
            let mut i = (hash as u64 as usize) & mask;
            while t.indices[i] != pos as u32 {
                perturb >>= 5;
                i = (i.wrapping_mul(5).wrapping_add(perturb as usize).wrapping_add(1)) & mask;
            }
            t.indices[i] = DUMMY;
        }
        let key = std::mem::take(&mut t.entries[pos].key);
        let value = std::mem::take(&mut t.entries[pos].value);
        t.used -= 1;
        self.shape.set(shape::NO_SHAPE);
        // Drop trailing deleted entries so `popitem` stays cheap (their index
        // slots are already DUMMY).
        while t.entries.last().is_some_and(|e| e.key.is_undef()) {
            t.entries.pop();
        }
        self.bump();
        (key, value)
    }

    pub fn remove(&self, key: &Value, hash: i64, eq: KeyEq) -> PyResult<Option<(Value, Value)>> {
        Ok(self.find(key, hash, eq)?.map(|i| self.remove_at(i)))
    }

    pub fn clear(&self) {
        let old = std::mem::take(self.t_mut());
        self.bump();
        self.shape.set(shape::EMPTY_SHAPE);
        drop(old);
    }

    /// Keys, values or items copied out in order.
    pub fn keys(&self) -> Vec<Value> {
        self.t().entries.iter().filter(|e| !e.key.is_undef()).map(|e| e.key.clone()).collect()
    }

    pub fn values(&self) -> Vec<Value> {
        self.t().entries.iter().filter(|e| !e.key.is_undef()).map(|e| e.value.clone()).collect()
    }

    pub fn items(&self) -> Vec<(Value, Value)> {
        self.t().entries.iter().filter(|e| !e.key.is_undef()).map(|e| (e.key.clone(), e.value.clone())).collect()
    }

    /// Entries with their hashes, for copying without rehashing.
    pub fn hashed_items(&self) -> Vec<(i64, Value, Value)> {
        self.t().entries.iter().filter(|e| !e.key.is_undef()).map(|e| (e.hash, e.key.clone(), e.value.clone())).collect()
    }

    /// The last live entry position (for `popitem`).
    pub fn last_pos(&self) -> Option<usize> {
        let t = self.t();
        (0..t.entries.len()).rev().find(|&i| !t.entries[i].key.is_undef())
    }

    fn resize(&self, min_used: usize) {
        let t = self.t_mut();
        let mut size = 8;
        while usable(size) < min_used * 3 / 2 + 1 {
            size *= 2;
        }
        let entries: Vec<Entry> = std::mem::take(&mut t.entries).into_iter().filter(|e| !e.key.is_undef()).collect();
        let mut indices = vec![EMPTY; size];
        for (pos, e) in entries.iter().enumerate() {
            insert_index(&mut indices, e.hash, pos as u32);
        }
        t.fill = entries.len();
        t.indices = indices;
        t.entries = entries;
    }
}

/// Equal `str` objects: the same object (interned names, a key looked up
/// with the object it was stored under) without reading either text.
#[inline(always)]
fn same_str(a: &super::StrObj, b: &super::StrObj) -> bool {
    std::ptr::eq(a, b) || a.as_str() == b.as_str()
}

/// Equality of two dict keys when it needs no Python code: exact `str`s,
/// small ints, and tuples of those (compared item by item, the same item
/// counting as equal, as CPython's tuple comparison does); `None` when the
/// general comparison (`__eq__`, numeric mixes, floats) must decide.
fn plain_key_eq(a: &Value, b: &Value) -> Option<bool> {
    match (a, b) {
        (Value::Str(x), Value::Str(y)) => Some(same_str(x, y)),
        (Value::Int(x), Value::Int(y)) => Some(x == y),
        (Value::Tuple(x), Value::Tuple(y)) => {
            if super::PyRef::ptr_eq(x, y) {
                return Some(true);
            }
            let (x, y) = (x.as_slice(), y.as_slice());
            if x.len() != y.len() {
                return Some(false);
            }
            for (p, q) in x.iter().zip(y) {
                if p.is(q) {
                    continue;
                }
                match (p, q) {
                    (Value::Str(_) | Value::Int(_), Value::Str(_) | Value::Int(_)) => {
                        if !plain_key_eq(p, q)? {
                            return Some(false);
                        }
                    }
                    _ => return None,
                }
            }
            Some(true)
        }
        _ => None,
    }
}

/// Whether dict key `k` is the string `key`: by address first (keys and
/// names are interned identifiers), then by content.
#[inline(always)]
fn is_str_key(k: &Value, key: &str) -> bool {
    match k {
        Value::Str(s) => {
            let ks = s.as_str();
            std::ptr::eq(ks.as_ptr(), key.as_ptr()) && ks.len() == key.len() || ks == key
        }
        _ => false,
    }
}

fn usable(size: usize) -> usize {
    size * 2 / 3
}

fn insert_index(indices: &mut [u32], hash: i64, pos: u32) {
    let mask = indices.len() - 1;
    let mut perturb = hash as u64;
    let mut i = (hash as u64 as usize) & mask;
    while indices[i] != EMPTY {
        perturb >>= 5;
        i = (i.wrapping_mul(5).wrapping_add(perturb as usize).wrapping_add(1)) & mask;
    }
    indices[i] = pos;
}

impl Trace for DictObj {
    fn trace(&self, visit: &mut dyn FnMut(&Value)) {
        for e in &self.t().entries {
            visit(&e.key);
            visit(&e.value);
        }
    }
    fn clear(&self) {
        DictObj::clear(self)
    }
}

fn probe_entries_layout() -> (usize, usize, usize) {
    let d = DictObj::default();
    let t = d.t_mut();
    t.entries = Vec::with_capacity(7);
    for i in 0..3 {
        t.entries.push(Entry { hash: i, key: Value::Int(i), value: Value::None });
    }
    let base = &d as *const DictObj as usize;
    let entries_at = &t.entries as *const Vec<Entry> as usize - base;
    let words = std::mem::size_of::<Vec<Entry>>() / 8;
    // SAFETY: reads the words of a live `Vec` (plain integers and pointers).
    let w: Vec<u64> = (0..words).map(|i| unsafe { *((base + entries_at + 8 * i) as *const u64) }).collect();
    let ptr_word = w.iter().position(|&x| x == t.entries.as_ptr() as u64).expect("dict probe: entry pointer");
    let len_word = w.iter().position(|&x| x == 3).expect("dict probe: entry count");
    (entries_at + 8 * ptr_word, entries_at + 8 * len_word, std::mem::size_of::<Entry>())
}
