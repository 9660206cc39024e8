//! `list`: a growable array of values, with storage strategies.
//!
//! The storage is a `#[repr(C)]` (pointer, length, capacity) triple followed
//! by a kind byte, so that compiled code can index a list without a call:
//! data pointer at offset 0 of the payload, length at offset 8, kind at
//! offset 24 (see `docs/architecture.md`).
//!
//! Kinds (PyPy's storage strategies): a list whose elements are all small
//! ints (`Value::Int`), all floats or all bools stores their raw payloads
//! (`i64`, `f64` bits, one byte), which owns nothing: no tags, no reference
//! counts, nothing for the cycle collector, one deallocation to free.
//! Everything else is `OBJ`: 16-byte `Value`s. An operation that does not
//! know the typed storage (`with_vec`, `with_slice`) first "generalizes"
//! the list to `OBJ` (O(n), once); storing a value of another type does
//! too. An empty list takes the kind of the first value pushed.
//!
//! The VM is single-threaded and no method hands out a reference into the
//! storage that outlives the call, so a Python callback (a sort key, an
//! `__eq__`) can never observe or cause a dangling reference.

use std::cell::{Cell, UnsafeCell};
use std::mem::ManuallyDrop;

use super::rc::{PyRef, Trace};
use super::value::Value;

/// Storage kinds (the byte at `LIST_KIND_OFFSET`).
pub mod kind {
    /// `Value`s (16 bytes each).
    pub const OBJ: u8 = 0;
    /// `i64` payloads of `Value::Int`.
    pub const INT: u8 = 1;
    /// `f64` payloads of `Value::Float` (exact bits).
    pub const FLOAT: u8 = 2;
    /// One byte (0/1) per `Value::Bool`.
    pub const BOOL: u8 = 3;
}

#[repr(C)]
struct RawVec {
    ptr: *mut u8,
    len: usize,
    cap: usize,
}

#[repr(C)]
pub struct ListObj {
    raw: UnsafeCell<RawVec>,
    kind: Cell<u8>,
}

/// Offset of the element pointer inside the list payload.
pub const LIST_PTR_OFFSET: usize = 0;
/// Offset of the length inside the list payload.
pub const LIST_LEN_OFFSET: usize = 8;
/// Offset of the capacity (in elements) inside the list payload.
pub const LIST_CAP_OFFSET: usize = 16;
/// Offset of the kind byte inside the list payload.
pub const LIST_KIND_OFFSET: usize = 24;
const _: () = assert!(std::mem::offset_of!(ListObj, kind) == LIST_KIND_OFFSET);

/// A list's storage as an owned vector of its kind.
pub enum Store {
    Obj(Vec<Value>),
    Int(Vec<i64>),
    Float(Vec<f64>),
    Bool(Vec<bool>),
}

impl Store {
    /// The typed storage for `items` when they are all of one unboxed kind.
    pub fn from_values(items: Vec<Value>) -> Store {
        let k = match items.first() {
            Some(Value::Int(_)) => kind::INT,
            Some(Value::Float(_)) => kind::FLOAT,
            Some(Value::Bool(_)) => kind::BOOL,
            _ => return Store::Obj(items),
        };
        if !items.iter().all(|v| kind_of(v) == k) {
            return Store::Obj(items);
        }
        match k {
            // Ints and floats are written over the values' own buffer (the
            // allocation's layout, 16 bytes times the capacity with
            // alignment 8, is that of twice as many 8-byte payloads).
            kind::INT => Store::Int(in_place(items, |v| if let Value::Int(i) = v { *i } else { 0 })),
            kind::FLOAT => Store::Float(in_place(items, |v| if let Value::Float(f) = v { *f } else { 0.0 })),
            _ => {
                let s = Store::Bool(items.iter().map(|v| matches!(v, Value::Bool(true))).collect());
                let mut items = ManuallyDrop::new(items);
                // Numbers own nothing: only the buffer is freed.
                // SAFETY: no element needs dropping; the Vec is then dropped empty.
                unsafe {
                    items.set_len(0);
                    ManuallyDrop::drop(&mut items);
                }
                s
            }
        }
    }

    pub fn kind(&self) -> u8 {
        match self {
            Store::Obj(_) => kind::OBJ,
            Store::Int(_) => kind::INT,
            Store::Float(_) => kind::FLOAT,
            Store::Bool(_) => kind::BOOL,
        }
    }

    pub fn len(&self) -> usize {
        match self {
            Store::Obj(v) => v.len(),
            Store::Int(v) => v.len(),
            Store::Float(v) => v.len(),
            Store::Bool(v) => v.len(),
        }
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The elements as values (consumes the storage).
    pub fn into_values(self) -> Vec<Value> {
        match self {
            Store::Obj(v) => v,
            Store::Int(v) => v.into_iter().map(Value::Int).collect(),
            Store::Float(v) => v.into_iter().map(Value::Float).collect(),
            Store::Bool(v) => v.into_iter().map(Value::Bool).collect(),
        }
    }

    /// A copy of elements `lo..hi`.
    fn slice(&self, lo: usize, hi: usize) -> Store {
        match self {
            Store::Obj(v) => Store::Obj(v[lo..hi].to_vec()),
            Store::Int(v) => Store::Int(v[lo..hi].to_vec()),
            Store::Float(v) => Store::Float(v[lo..hi].to_vec()),
            Store::Bool(v) => Store::Bool(v[lo..hi].to_vec()),
        }
    }

    /// The elements repeated `n` times.
    fn repeat(&self, n: usize) -> Store {
        match self {
            Store::Obj(v) => {
                let mut out = Vec::with_capacity(v.len() * n);
                for _ in 0..n {
                    out.extend_from_slice(v);
                }
                Store::Obj(out)
            }
            Store::Int(v) => Store::Int(v.repeat(n)),
            Store::Float(v) => Store::Float(v.repeat(n)),
            Store::Bool(v) => Store::Bool(v.repeat(n)),
        }
    }
}

/// The 8-byte payloads `f(v)` of `items` (numbers, owning nothing), in the
/// buffer that held the values.
fn in_place<T: Copy>(items: Vec<Value>, f: impl Fn(&Value) -> T) -> Vec<T> {
    const { assert!(std::mem::size_of::<T>() == 8 && std::mem::align_of::<T>() == std::mem::align_of::<Value>()) };
    const { assert!(std::mem::size_of::<Value>() == 16) };
    let mut items = ManuallyDrop::new(items);
    let (ptr, len, cap) = (items.as_mut_ptr(), items.len(), items.capacity());
    if cap == 0 {
        return Vec::new();
    }
    let out = ptr as *mut T;
    for i in 0..len {
        // SAFETY: value `i` is read before payload `i` is written; payload
        // `i` (bytes 8i..8i+8) only overlaps values at indices <= i, all
        // read already. The values are numbers: nothing to drop.
        unsafe {
            let x = f(&*ptr.add(i));
            out.add(i).write(x);
        }
    }
    // SAFETY: same allocation, same size and alignment (see above).
    unsafe { Vec::from_raw_parts(out, len, 2 * cap) }
}

/// The storage kind a value can live in.
#[inline]
pub fn kind_of(v: &Value) -> u8 {
    match v {
        Value::Int(_) => kind::INT,
        Value::Float(_) => kind::FLOAT,
        Value::Bool(_) => kind::BOOL,
        _ => kind::OBJ,
    }
}

impl ListObj {
    pub fn new(items: Vec<Value>) -> PyRef<ListObj> {
        ListObj::with_store_of(Store::from_values(items))
    }

    /// A list with the given storage. A list of numbers (typed storage)
    /// holds no reference, so it cannot be part of a reference cycle: the
    /// cycle collector does not track it until its storage becomes
    /// generic (`ensure_tracked`). Hand-written rather than left to the
    /// collector's generations: `list(perm)` in a loop then costs no
    /// registry insertion and removal, and numeric lists neither count
    /// towards the next collection nor are traversed by it.
    pub fn with_store_of(s: Store) -> PyRef<ListObj> {
        let r = PyRef::new(ListObj::from_store(s));
        if r.kind() == kind::OBJ {
            r.track();
        }
        r
    }

    /// Registers the list with the cycle collector if it is not yet
    /// (its storage has just become generic: it may hold references now).
    #[cold]
    fn ensure_tracked(&self) {
        // SAFETY: every `ListObj` lives in an `ObjBox` (`with_store_of` is
        // the only way to make one), at `DATA_OFFSET` from the box's start;
        // the `PyRef` made from it is never dropped, so no count changes.
        let r = unsafe {
            let b = (self as *const ListObj as *const u8).sub(super::rc::DATA_OFFSET) as *const super::rc::ObjBox<ListObj>;
            ManuallyDrop::new(PyRef::from_raw(b))
        };
        r.track();
    }

    fn from_store(s: Store) -> ListObj {
        fn parts<T>(v: Vec<T>) -> RawVec {
            let mut v = ManuallyDrop::new(v);
            RawVec { ptr: v.as_mut_ptr() as *mut u8, len: v.len(), cap: v.capacity() }
        }
        let k = s.kind();
        let raw = match s {
            Store::Obj(v) => parts(v),
            Store::Int(v) => parts(v),
            Store::Float(v) => parts(v),
            Store::Bool(v) => parts(v),
        };
        ListObj { raw: UnsafeCell::new(raw), kind: Cell::new(k) }
    }

    #[inline]
    fn raw(&self) -> &RawVec {
        // SAFETY: single-threaded; the triple is only written by `with_store`
        // and the in-place writes of `push`.
        unsafe { &*self.raw.get() }
    }

    /// The storage kind (`kind::*`).
    #[inline]
    pub fn kind(&self) -> u8 {
        self.kind.get()
    }

    #[inline]
    pub fn len(&self) -> usize {
        self.raw().len
    }

    #[inline]
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Runs `f` on the storage. `f` must not run Python code or touch this
    /// list through another path; it may change the storage's kind.
    pub fn with_store<R>(&self, f: impl FnOnce(&mut Store) -> R) -> R {
        struct Restore<'a>(&'a ListObj, ManuallyDrop<Store>);
        impl Drop for Restore<'_> {
            fn drop(&mut self) {
                // SAFETY: the storage is moved back into the list exactly once.
                let s = unsafe { ManuallyDrop::take(&mut self.1) };
                let l = ListObj::from_store(s);
                let l = ManuallyDrop::new(l);
                // SAFETY: single-threaded; nothing borrows the triple now.
                unsafe {
                    let r = &*l.raw.get();
                    *self.0.raw.get() = RawVec { ptr: r.ptr, len: r.len, cap: r.cap };
                }
                let was = self.0.kind.replace(l.kind.get());
                if was != kind::OBJ && l.kind.get() == kind::OBJ {
                    self.0.ensure_tracked();
                }
            }
        }
        let raw = self.raw();
        // SAFETY: the triple always describes a live allocation made by a
        // `Vec` of the kind's element type; `Restore` writes the parts back
        // even on unwind.
        let s = unsafe {
            match self.kind.get() {
                kind::OBJ => Store::Obj(Vec::from_raw_parts(raw.ptr as *mut Value, raw.len, raw.cap)),
                kind::INT => Store::Int(Vec::from_raw_parts(raw.ptr as *mut i64, raw.len, raw.cap)),
                kind::FLOAT => Store::Float(Vec::from_raw_parts(raw.ptr as *mut f64, raw.len, raw.cap)),
                _ => Store::Bool(Vec::from_raw_parts(raw.ptr as *mut bool, raw.len, raw.cap)),
            }
        };
        let mut guard = Restore(self, ManuallyDrop::new(s));
        f(&mut guard.1)
    }

    /// Turns typed storage into `Value`s (the list stays generic).
    #[cold]
    pub fn generalize(&self) {
        if self.kind.get() != kind::OBJ {
            self.with_store(|s| {
                let old = std::mem::replace(s, Store::Obj(Vec::new()));
                *s = Store::Obj(old.into_values());
            });
        }
    }

    /// Runs `f` on the elements as a `Vec` (generalizing the list first).
    /// `f` must not run Python code or touch this list through another path.
    pub fn with_vec<R>(&self, f: impl FnOnce(&mut Vec<Value>) -> R) -> R {
        self.generalize();
        self.with_store(|s| match s {
            Store::Obj(v) => f(v),
            _ => unreachable!("generalized"),
        })
    }

    /// Runs `f` on the elements (generalizing the list first). `f` must
    /// not run Python code.
    #[inline]
    pub fn with_slice<R>(&self, f: impl FnOnce(&[Value]) -> R) -> R {
        if self.kind.get() != kind::OBJ {
            self.generalize();
        }
        let raw = self.raw();
        // SAFETY: `len` values starting at `ptr` are initialised.
        f(unsafe { std::slice::from_raw_parts(raw.ptr as *const Value, raw.len) })
    }

    #[inline]
    pub fn get(&self, i: usize) -> Option<Value> {
        let raw = self.raw();
        if i >= raw.len {
            return None;
        }
        // SAFETY: bounds checked just above; the kind gives the element type.
        Some(unsafe {
            match self.kind.get() {
                kind::OBJ => (*(raw.ptr as *const Value).add(i)).clone(),
                kind::INT => Value::Int(*(raw.ptr as *const i64).add(i)),
                kind::FLOAT => Value::Float(*(raw.ptr as *const f64).add(i)),
                _ => Value::Bool(*(raw.ptr as *const bool).add(i)),
            }
        })
    }

    /// Replaces element `i`; false when out of range.
    #[inline]
    pub fn set(&self, i: usize, v: Value) -> bool {
        let raw = self.raw();
        if i >= raw.len {
            return false;
        }
        // SAFETY (each arm): bounds checked; the kind gives the element type.
        match (self.kind.get(), &v) {
            (kind::OBJ, _) => {
                // The old value is dropped after the write.
                let old = unsafe { std::mem::replace(&mut *(raw.ptr as *mut Value).add(i), v) };
                drop(old);
            }
            (kind::INT, Value::Int(x)) => unsafe { *(raw.ptr as *mut i64).add(i) = *x },
            (kind::FLOAT, Value::Float(x)) => unsafe { *(raw.ptr as *mut f64).add(i) = *x },
            (kind::BOOL, Value::Bool(x)) => unsafe { *(raw.ptr as *mut bool).add(i) = *x },
            _ => self.set_generalizing(i, v),
        }
        true
    }

    /// `set` of a value that does not fit the typed storage (`i` in range).
    #[cold]
    #[inline(never)]
    fn set_generalizing(&self, i: usize, v: Value) {
        self.generalize();
        self.with_vec(|s| s[i] = v);
    }

    #[inline]
    pub fn push(&self, v: Value) {
        let raw = self.raw();
        if raw.len < raw.cap {
            // SAFETY (each arm): spare capacity exists; the slot is
            // uninitialised; the kind gives the element type.
            unsafe {
                match (self.kind.get(), &v) {
                    (kind::OBJ, _) => (raw.ptr as *mut Value).add(raw.len).write(v),
                    (kind::INT, Value::Int(x)) => (raw.ptr as *mut i64).add(raw.len).write(*x),
                    (kind::FLOAT, Value::Float(x)) => (raw.ptr as *mut f64).add(raw.len).write(*x),
                    (kind::BOOL, Value::Bool(x)) => (raw.ptr as *mut bool).add(raw.len).write(*x),
                    _ => return self.push_slow(v),
                }
                (*self.raw.get()).len += 1;
            }
            return;
        }
        self.push_slow(v)
    }

    /// `push` that grows the storage, changes an empty list's kind or
    /// generalizes the list.
    #[inline(never)]
    fn push_slow(&self, v: Value) {
        let vk = kind_of(&v);
        if self.kind.get() != vk {
            if self.is_empty() {
                // An empty list takes the kind of its first element.
                self.with_store(|s| {
                    *s = match vk {
                        kind::INT => Store::Int(Vec::with_capacity(4)),
                        kind::FLOAT => Store::Float(Vec::with_capacity(4)),
                        kind::BOOL => Store::Bool(Vec::with_capacity(4)),
                        _ => Store::Obj(Vec::with_capacity(4)),
                    }
                });
            } else {
                self.generalize();
            }
        }
        self.with_store(|s| match (s, v) {
            (Store::Int(s), Value::Int(x)) => s.push(x),
            (Store::Float(s), Value::Float(x)) => s.push(x),
            (Store::Bool(s), Value::Bool(x)) => s.push(x),
            (Store::Obj(s), v) => s.push(v),
            _ => unreachable!("kinds checked"),
        })
    }

    pub fn pop(&self) -> Option<Value> {
        self.with_store(|s| match s {
            Store::Obj(v) => v.pop(),
            Store::Int(v) => v.pop().map(Value::Int),
            Store::Float(v) => v.pop().map(Value::Float),
            Store::Bool(v) => v.pop().map(Value::Bool),
        })
    }

    /// A copy of the elements.
    pub fn to_vec(&self) -> Vec<Value> {
        let raw = self.raw();
        // SAFETY: `len` elements of the kind's type start at `ptr`.
        unsafe {
            match self.kind.get() {
                kind::OBJ => std::slice::from_raw_parts(raw.ptr as *const Value, raw.len).to_vec(),
                kind::INT => std::slice::from_raw_parts(raw.ptr as *const i64, raw.len).iter().map(|&x| Value::Int(x)).collect(),
                kind::FLOAT => std::slice::from_raw_parts(raw.ptr as *const f64, raw.len).iter().map(|&x| Value::Float(x)).collect(),
                _ => std::slice::from_raw_parts(raw.ptr as *const bool, raw.len).iter().map(|&x| Value::Bool(x)).collect(),
            }
        }
    }

    /// A new list with a copy of elements `lo..hi` (same storage kind).
    pub fn slice_copy(&self, lo: usize, hi: usize) -> PyRef<ListObj> {
        let s = self.with_store(|s| s.slice(lo, hi));
        ListObj::with_store_of(s)
    }

    /// A new list with a copy of the elements (same storage kind).
    pub fn copy(&self) -> PyRef<ListObj> {
        let raw = self.raw();
        // SAFETY: `len` elements of the kind's type start at `ptr`.
        let s = unsafe {
            match self.kind.get() {
                kind::OBJ => Store::Obj(std::slice::from_raw_parts(raw.ptr as *const Value, raw.len).to_vec()),
                kind::INT => Store::Int(std::slice::from_raw_parts(raw.ptr as *const i64, raw.len).to_vec()),
                kind::FLOAT => Store::Float(std::slice::from_raw_parts(raw.ptr as *const f64, raw.len).to_vec()),
                _ => Store::Bool(std::slice::from_raw_parts(raw.ptr as *const bool, raw.len).to_vec()),
            }
        };
        ListObj::with_store_of(s)
    }

    /// A new list of the elements repeated `n` times (same storage kind).
    pub fn repeat(&self, n: usize) -> PyRef<ListObj> {
        let s = self.with_store(|s| s.repeat(n));
        ListObj::with_store_of(s)
    }

    /// Replaces the elements by `n` repetitions of them.
    pub fn repeat_in_place(&self, n: usize) {
        let old = self.with_store(|s| {
            let new = s.repeat(n);
            std::mem::replace(s, new)
        });
        drop_store(old);
    }

    /// Appends `items` (typed when they all fit the storage).
    pub fn extend(&self, items: Vec<Value>) {
        let k = self.kind.get();
        if k != kind::OBJ && items.iter().all(|v| kind_of(v) == k) {
            self.with_store(|s| match s {
                Store::Int(s) => s.extend(items.iter().map(|v| if let Value::Int(x) = v { *x } else { 0 })),
                Store::Float(s) => s.extend(items.iter().map(|v| if let Value::Float(x) = v { *x } else { 0.0 })),
                Store::Bool(s) => s.extend(items.iter().map(|v| matches!(v, Value::Bool(true)))),
                Store::Obj(_) => unreachable!("typed"),
            });
        } else if self.is_empty() {
            self.replace(items);
        } else {
            self.with_vec(|v| v.extend(items));
        }
    }

    /// Removes and returns element `i` (< len).
    pub fn remove(&self, i: usize) -> Value {
        self.with_store(|s| match s {
            Store::Obj(v) => v.remove(i),
            Store::Int(v) => Value::Int(v.remove(i)),
            Store::Float(v) => Value::Float(v.remove(i)),
            Store::Bool(v) => Value::Bool(v.remove(i)),
        })
    }

    /// Reverses the elements in place.
    pub fn reverse(&self) {
        self.with_store(|s| match s {
            Store::Obj(v) => v.reverse(),
            Store::Int(v) => v.reverse(),
            Store::Float(v) => v.reverse(),
            Store::Bool(v) => v.reverse(),
        })
    }

    /// Takes all elements out, leaving the list empty.
    pub fn take(&self) -> Vec<Value> {
        self.take_store().into_values()
    }

    /// Takes the storage out, leaving the list empty.
    pub fn take_store(&self) -> Store {
        self.with_store(|s| std::mem::replace(s, Store::Obj(Vec::new())))
    }

    /// Replaces all elements, dropping the old ones afterwards.
    pub fn replace(&self, items: Vec<Value>) {
        self.replace_store(Store::from_values(items));
    }

    /// Replaces the storage, dropping the old elements afterwards.
    pub fn replace_store(&self, new: Store) {
        let old = self.with_store(|s| std::mem::replace(s, new));
        drop_store(old);
    }
}

impl Drop for ListObj {
    fn drop(&mut self) {
        let k = self.kind.get();
        let raw = self.raw.get_mut();
        // SAFETY: the parts describe a `Vec` of the kind's element type
        // owned by this list.
        unsafe {
            match k {
                kind::OBJ => drop_items(Vec::from_raw_parts(raw.ptr as *mut Value, raw.len, raw.cap)),
                kind::INT => drop(Vec::from_raw_parts(raw.ptr as *mut i64, raw.len, raw.cap)),
                kind::FLOAT => drop(Vec::from_raw_parts(raw.ptr as *mut f64, raw.len, raw.cap)),
                _ => drop(Vec::from_raw_parts(raw.ptr as *mut bool, raw.len, raw.cap)),
            }
        }
    }
}

/// Drops a storage's items (values last first, see `drop_items`).
pub fn drop_store(s: Store) {
    if let Store::Obj(v) = s {
        drop_items(v);
    }
}

/// Drops a list's items last first, as CPython does (the order in which
/// their finalizers run).
pub fn drop_items(mut items: Vec<Value>) {
    while let Some(v) = items.pop() {
        drop(v);
    }
}

impl Trace for ListObj {
    fn trace(&self, visit: &mut dyn FnMut(&Value)) {
        // Typed storage holds no references.
        if self.kind.get() == kind::OBJ {
            self.with_slice(|s| s.iter().for_each(visit))
        }
    }
    fn clear(&self) {
        drop_store(self.take_store());
    }
}

/// `a + b` for two lists (typed when both have the same kind).
pub fn concat(a: &ListObj, b: &ListObj) -> PyRef<ListObj> {
    if a.kind.get() == b.kind.get() {
        // One buffer of the final size, each side's elements cloned into it
        // (no copy of each side first, no growth: a large concatenation's
        // time is in touching memory).
        fn cat<T: Clone>(ra: &RawVec, rb: &RawVec) -> Vec<T> {
            // SAFETY: `len` elements of the storage kind's type `T` start at
            // each `ptr`; cloning them (a reference count for a value) runs
            // no Python code, so neither list changes meanwhile.
            let (x, y) =
                unsafe { (std::slice::from_raw_parts(ra.ptr as *const T, ra.len), std::slice::from_raw_parts(rb.ptr as *const T, rb.len)) };
            let mut v = Vec::with_capacity(x.len() + y.len());
            v.extend_from_slice(x);
            v.extend_from_slice(y);
            v
        }
        let (ra, rb) = (a.raw(), b.raw());
        let s = match a.kind.get() {
            kind::OBJ => Store::Obj(cat::<Value>(ra, rb)),
            kind::INT => Store::Int(cat::<i64>(ra, rb)),
            kind::FLOAT => Store::Float(cat::<f64>(ra, rb)),
            _ => Store::Bool(cat::<bool>(ra, rb)),
        };
        return ListObj::with_store_of(s);
    }
    // Different kinds: the values of both, stored as `from_values` finds.
    let (sa, sb) = (a.with_store(|s| s.slice(0, s.len())), b.with_store(|s| s.slice(0, s.len())));
    let mut v = sa.into_values();
    v.extend(sb.into_values());
    let s = Store::from_values(v);
    ListObj::with_store_of(s)
}
