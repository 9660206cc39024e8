//! `set` and `frozenset`: an open-addressing hash table that follows CPython's
//! `setobject.c` probe sequence (linear probes of 9, then perturbation),
//! table sizes and resize points. Hand-written because iteration order of a
//! set is observable (`print({3, 1, 2})` shows `{1, 2, 3}`), and programs
//! print sets; matching CPython's algorithm gives CPython's order.

use std::cell::{Cell, UnsafeCell};

use super::dict::KeyEq;
use super::rc::{PyRef, Trace};
use super::value::Value;
use crate::vm::PyResult;

const LINEAR_PROBES: usize = 9;
const PERTURB_SHIFT: u32 = 5;
const MINSIZE: usize = 8;

/// 24 bytes, as small as the key and its hash allow (a set of a million
/// items is tens of megabytes: its page faults are much of its cost).
#[derive(Clone)]
struct Slot {
    /// `Undef` = never used, or deleted (a dummy) when `hash` is -1 (the
    /// hash of an active key is never -1).
    key: Value,
    hash: i64,
}

const _: () = assert!(std::mem::size_of::<Slot>() == 24);

impl Slot {
    fn empty() -> Slot {
        Slot { key: Value::Undef, hash: 0 }
    }
    fn is_unused(&self) -> bool {
        self.key.is_undef() && self.hash != -1
    }
    fn is_dummy(&self) -> bool {
        self.key.is_undef() && self.hash == -1
    }
    fn is_active(&self) -> bool {
        !self.key.is_undef()
    }
}

/// `n` empty slots from zeroed memory: a large table then comes from fresh
/// zero pages, never written before its keys are (`vec![Slot::empty(); n]`
/// writes every slot first).
fn empty_slots(n: usize) -> Vec<Slot> {
    let layout = std::alloc::Layout::array::<Slot>(n).expect("set table size");
    // SAFETY: `n` >= MINSIZE, so the layout is not zero-sized. All-zero bytes
    // are `Slot::empty()`: `Value` is `repr(C, u64)` with `Undef` = tag 0 and
    // no payload, and the hash is 0. The buffer comes from the global
    // allocator with `Slot`'s layout for `n` items, as `Vec` requires.
    unsafe {
        let p = std::alloc::alloc_zeroed(layout) as *mut Slot;
        if p.is_null() {
            std::alloc::handle_alloc_error(layout);
        }
        Vec::from_raw_parts(p, n, n)
    }
}

struct Table {
    slots: Vec<Slot>,
    fill: usize,
    used: usize,
    finger: usize,
}

impl Table {
    fn new() -> Table {
        Table { slots: vec![Slot::empty(); MINSIZE], fill: 0, used: 0, finger: 0 }
    }
    fn mask(&self) -> usize {
        self.slots.len() - 1
    }
}

pub struct SetObj {
    t: UnsafeCell<Table>,
    /// Bumped on every change of the table (iterators detect resizing).
    version: Cell<u64>,
}

pub enum Found {
    Yes(usize),
    No,
}

impl SetObj {
    pub fn empty() -> SetObj {
        SetObj { t: UnsafeCell::new(Table::new()), version: Cell::new(0) }
    }

    pub fn new() -> PyRef<SetObj> {
        PyRef::new_tracked(SetObj::empty())
    }

    #[inline]
    fn t(&self) -> &Table {
        // SAFETY: single-threaded; no reference into the table outlives a method.
        unsafe { &*self.t.get() }
    }

    #[inline]
    #[allow(clippy::mut_from_ref)]
    fn t_mut(&self) -> &mut Table {
        // SAFETY: as in `t`; never held across a call of Python code.
        unsafe { &mut *self.t.get() }
    }

    pub fn len(&self) -> usize {
        self.t().used
    }

    pub fn is_empty(&self) -> bool {
        self.t().used == 0
    }

    pub fn version(&self) -> u64 {
        self.version.get()
    }

    fn touch(&self) {
        self.version.set(self.version.get() + 1);
    }

    /// Number of slots; iteration positions run below it.
    pub fn capacity(&self) -> usize {
        self.t().slots.len()
    }

    /// The key in slot `pos`, if active.
    pub fn key_at(&self, pos: usize) -> Option<Value> {
        let s = self.t().slots.get(pos)?;
        if s.is_active() {
            Some(s.key.clone())
        } else {
            None
        }
    }

    /// Active keys with their hashes, in table order.
    pub fn entries(&self) -> Vec<(Value, i64)> {
        self.t().slots.iter().filter(|s| s.is_active()).map(|s| (s.key.clone(), s.hash)).collect()
    }

    pub fn keys(&self) -> Vec<Value> {
        self.t().slots.iter().filter(|s| s.is_active()).map(|s| s.key.clone()).collect()
    }

    pub fn lookup(&self, key: &Value, hash: i64, eq: KeyEq) -> PyResult<Found> {
        'restart: loop {
            let mut mask = self.t().mask();
            let mut perturb = hash as u64 as usize;
            let mut i = (hash as u64 as usize) & mask;
            loop {
                let mut probes = if i + LINEAR_PROBES <= mask { LINEAR_PROBES } else { 0 };
                let mut j = i;
                loop {
                    let t = self.t();
                    let s = &t.slots[j];
                    if s.is_unused() {
                        return Ok(Found::No);
                    }
                    if s.is_active() && s.hash == hash {
                        if s.key.is(key) || str_eq(&s.key, key) {
                            return Ok(Found::Yes(j));
                        }
                        let startkey = s.key.clone();
                        let version = self.version();
                        let equal = eq(&startkey, key)?;
                        if self.version() != version {
                            continue 'restart;
                        }
                        if equal {
                            return Ok(Found::Yes(j));
                        }
                        mask = self.t().mask();
                    }
                    if probes == 0 {
                        break;
                    }
                    probes -= 1;
                    j += 1;
                }
                perturb >>= PERTURB_SHIFT;
                i = (i.wrapping_mul(5).wrapping_add(1).wrapping_add(perturb)) & mask;
            }
        }
    }

    pub fn contains(&self, key: &Value, hash: i64, eq: KeyEq) -> PyResult<bool> {
        Ok(matches!(self.lookup(key, hash, eq)?, Found::Yes(_)))
    }

    /// Adds `key`; returns true if it was not present.
    pub fn add(&self, key: Value, hash: i64, eq: KeyEq) -> PyResult<bool> {
        'restart: loop {
            let mut mask = self.t().mask();
            let mut perturb = hash as u64 as usize;
            let mut i = (hash as u64 as usize) & mask;
            let mut freeslot: Option<usize> = None;
            loop {
                let mut probes = if i + LINEAR_PROBES <= mask { LINEAR_PROBES } else { 0 };
                let mut j = i;
                loop {
                    let t = self.t();
                    let s = &t.slots[j];
                    if s.is_unused() {
                        let t = self.t_mut();
                        self.touch();
                        if let Some(f) = freeslot {
                            t.used += 1;
                            t.slots[f] = Slot { key, hash };
                            return Ok(true);
                        }
                        t.fill += 1;
                        t.used += 1;
                        t.slots[j] = Slot { key, hash };
                        if t.fill * 5 >= mask * 3 {
                            let n = if t.used > 50000 { t.used * 2 } else { t.used * 4 };
                            self.resize(n);
                        }
                        return Ok(true);
                    }
                    if s.is_active() && s.hash == hash {
                        if s.key.is(&key) || str_eq(&s.key, &key) {
                            return Ok(false);
                        }
                        let startkey = s.key.clone();
                        let version = self.version();
                        let equal = eq(&startkey, &key)?;
                        if equal {
                            return Ok(false);
                        }
                        if self.version() != version {
                            continue 'restart;
                        }
                        mask = self.t().mask();
                    } else if s.is_dummy() && freeslot.is_none() {
                        freeslot = Some(j);
                    }
                    if probes == 0 {
                        break;
                    }
                    probes -= 1;
                    j += 1;
                }
                perturb >>= PERTURB_SHIFT;
                i = (i.wrapping_mul(5).wrapping_add(1).wrapping_add(perturb)) & mask;
            }
        }
    }

    /// Removes `key`; returns true if it was present.
    pub fn discard(&self, key: &Value, hash: i64, eq: KeyEq) -> PyResult<bool> {
        match self.lookup(key, hash, eq)? {
            Found::Yes(j) => {
                let old = self.remove_slot(j);
                drop(old);
                Ok(true)
            }
            Found::No => Ok(false),
        }
    }

    fn remove_slot(&self, j: usize) -> Value {
        let t = self.t_mut();
        let old = std::mem::take(&mut t.slots[j].key);
        t.slots[j].hash = -1;
        t.used -= 1;
        self.touch();
        old
    }

    /// `set.pop()`: removes some element, scanning from the finger.
    pub fn pop(&self) -> Option<Value> {
        let t = self.t();
        if t.used == 0 {
            return None;
        }
        let mask = t.mask();
        let mut j = t.finger & mask;
        while !t.slots[j].is_active() {
            j += 1;
            if j > mask {
                j = 0;
            }
        }
        let key = self.remove_slot(j);
        self.t_mut().finger = j + 1;
        Some(key)
    }

    pub fn clear(&self) {
        let old = std::mem::replace(self.t_mut(), Table::new());
        self.touch();
        drop(old);
    }

    fn resize(&self, minused: usize) {
        let mut newsize = MINSIZE;
        while newsize <= minused {
            newsize <<= 1;
        }
        let t = self.t_mut();
        let old = std::mem::replace(&mut t.slots, empty_slots(newsize));
        t.fill = t.used;
        let mask = newsize - 1;
        for s in old.into_iter() {
            if s.is_active() {
                insert_clean(&mut t.slots, mask, s.key, s.hash);
            }
        }
        self.touch();
    }

    /// `self |= other` for another set: CPython's `set_merge`.
    pub fn merge(&self, other: &SetObj, eq: KeyEq) -> PyResult<()> {
        if std::ptr::eq(self, other) || other.is_empty() {
            return Ok(());
        }
        let (fill, mask, used) = {
            let t = self.t();
            (t.fill, t.mask(), t.used)
        };
        if (fill + other.len()) * 5 >= mask * 3 {
            self.resize((used + other.len()) * 2);
        }
        let ot = other.t();
        let t = self.t_mut();
        if t.fill == 0 && t.mask() == ot.mask() && ot.fill == ot.used {
            for (i, s) in ot.slots.iter().enumerate() {
                if s.is_active() {
                    t.slots[i] = Slot { key: s.key.clone(), hash: s.hash };
                }
            }
            t.fill = ot.fill;
            t.used = ot.used;
            self.touch();
            return Ok(());
        }
        if t.fill == 0 {
            let mask = t.mask();
            t.fill = ot.used;
            t.used = ot.used;
            for s in ot.slots.iter() {
                if s.is_active() {
                    insert_clean(&mut t.slots, mask, s.key.clone(), s.hash);
                }
            }
            self.touch();
            return Ok(());
        }
        for (k, h) in other.entries() {
            self.add(k, h, eq)?;
        }
        Ok(())
    }

    /// Pre-sizes the table before adding `n` more keys (dict update path).
    pub fn reserve_for(&self, n: usize) {
        let (fill, mask, used) = {
            let t = self.t();
            (t.fill, t.mask(), t.used)
        };
        if (fill + n) * 5 >= mask * 3 {
            self.resize((used + n) * 2);
        }
    }

    /// A copy with the same table layout.
    pub fn copy(&self) -> SetObj {
        let s = SetObj::empty();
        let mut noop = |_: &Value, _: &Value| -> PyResult<bool> { Ok(false) };
        // Copying from a set with unique keys never needs equality.
        s.merge(self, &mut noop).ok();
        s
    }
}

fn str_eq(a: &Value, b: &Value) -> bool {
    match (a, b) {
        (Value::Str(x), Value::Str(y)) => x.as_str() == y.as_str(),
        _ => false,
    }
}

fn insert_clean(slots: &mut [Slot], mask: usize, key: Value, hash: i64) {
    let mut perturb = hash as u64 as usize;
    let mut i = (hash as u64 as usize) & mask;
    loop {
        if slots[i].key.is_undef() {
            slots[i] = Slot { key, hash };
            return;
        }
        if i + LINEAR_PROBES <= mask {
            for j in 1..=LINEAR_PROBES {
                if slots[i + j].key.is_undef() {
                    slots[i + j] = Slot { key, hash };
                    return;
                }
            }
        }
        perturb >>= PERTURB_SHIFT;
        i = (i.wrapping_mul(5).wrapping_add(1).wrapping_add(perturb)) & mask;
    }
}

impl Trace for SetObj {
    fn trace(&self, visit: &mut dyn FnMut(&Value)) {
        for s in &self.t().slots {
            if s.is_active() {
                visit(&s.key);
            }
        }
    }
    fn clear(&self) {
        SetObj::clear(self)
    }
}
