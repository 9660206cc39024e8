//! `list`: a growable array of values.
//!
//! The storage is a `#[repr(C)]` (pointer, length, capacity) triple so that
//! compiled code can index a list without a call: data pointer at offset 0
//! of the payload, length at offset 8 (see `docs/architecture.md`).
//!
//! The VM is single-threaded and no method hands out a reference into the
//! storage that outlives the call, so a Python callback (a sort key, an
//! `__eq__`) can never observe or cause a dangling reference.

use std::cell::UnsafeCell;
use std::mem::ManuallyDrop;

use super::rc::{PyRef, Trace};
use super::value::Value;

#[repr(C)]
struct RawVec {
    ptr: *mut Value,
    len: usize,
    cap: usize,
}

#[repr(C)]
pub struct ListObj {
    raw: UnsafeCell<RawVec>,
}

/// Offset of the element pointer inside the list payload.
pub const LIST_PTR_OFFSET: usize = 0;
/// Offset of the length inside the list payload.
pub const LIST_LEN_OFFSET: usize = 8;

impl ListObj {
    pub fn new(items: Vec<Value>) -> PyRef<ListObj> {
        PyRef::new_tracked(ListObj::from_vec(items))
    }

    fn from_vec(v: Vec<Value>) -> ListObj {
        let mut v = ManuallyDrop::new(v);
        ListObj { raw: UnsafeCell::new(RawVec { ptr: v.as_mut_ptr(), len: v.len(), cap: v.capacity() }) }
    }

    #[inline]
    fn raw(&self) -> &RawVec {
        // SAFETY: single-threaded; the triple is only written by `with_vec`.
        unsafe { &*self.raw.get() }
    }

    #[inline]
    pub fn len(&self) -> usize {
        self.raw().len
    }

    #[inline]
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Runs `f` on the elements as a `Vec`. `f` must not run Python code or
    /// touch this list through another path.
    pub fn with_vec<R>(&self, f: impl FnOnce(&mut Vec<Value>) -> R) -> R {
        struct Restore<'a>(&'a ListObj, ManuallyDrop<Vec<Value>>);
        impl Drop for Restore<'_> {
            fn drop(&mut self) {
                // SAFETY: writes the (possibly reallocated) parts back.
                unsafe {
                    *self.0.raw.get() = RawVec { ptr: self.1.as_mut_ptr(), len: self.1.len(), cap: self.1.capacity() };
                }
            }
        }
        let raw = self.raw();
        // SAFETY: the triple always describes a live allocation made by a
        // `Vec<Value>`; `Restore` writes the parts back even on unwind.
        let v = unsafe { Vec::from_raw_parts(raw.ptr, raw.len, raw.cap) };
        let mut guard = Restore(self, ManuallyDrop::new(v));
        f(&mut guard.1)
    }

    /// Runs `f` on the elements. `f` must not run Python code.
    #[inline]
    pub fn with_slice<R>(&self, f: impl FnOnce(&[Value]) -> R) -> R {
        let raw = self.raw();
        // SAFETY: `len` elements starting at `ptr` are initialised.
        f(unsafe { std::slice::from_raw_parts(raw.ptr, raw.len) })
    }

    #[inline]
    pub fn get(&self, i: usize) -> Option<Value> {
        let raw = self.raw();
        if i < raw.len {
            // SAFETY: bounds checked just above.
            Some(unsafe { (*raw.ptr.add(i)).clone() })
        } else {
            None
        }
    }

    /// Replaces element `i`; false when out of range.
    #[inline]
    pub fn set(&self, i: usize, v: Value) -> bool {
        let raw = self.raw();
        if i < raw.len {
            // SAFETY: bounds checked; the old value is dropped after the write.
            let old = unsafe { std::mem::replace(&mut *raw.ptr.add(i), v) };
            drop(old);
            true
        } else {
            false
        }
    }

    pub fn push(&self, v: Value) {
        let raw = self.raw();
        if raw.len < raw.cap {
            // SAFETY: spare capacity exists; the slot is uninitialised.
            unsafe {
                raw.ptr.add(raw.len).write(v);
                (*self.raw.get()).len += 1;
            }
        } else {
            self.with_vec(|vec| vec.push(v));
        }
    }

    pub fn pop(&self) -> Option<Value> {
        self.with_vec(|v| v.pop())
    }

    /// A copy of the elements.
    pub fn to_vec(&self) -> Vec<Value> {
        self.with_slice(|s| s.to_vec())
    }

    /// Takes all elements out, leaving the list empty.
    pub fn take(&self) -> Vec<Value> {
        self.with_vec(std::mem::take)
    }

    /// Replaces all elements, dropping the old ones afterwards.
    pub fn replace(&self, items: Vec<Value>) {
        let old = self.with_vec(|v| std::mem::replace(v, items));
        drop(old);
    }
}

impl Drop for ListObj {
    fn drop(&mut self) {
        let raw = self.raw.get_mut();
        // SAFETY: the parts describe a `Vec<Value>` owned by this list.
        drop_items(unsafe { Vec::from_raw_parts(raw.ptr, raw.len, raw.cap) });
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
        self.with_slice(|s| s.iter().for_each(visit))
    }
    fn clear(&self) {
        drop_items(self.take());
    }
}
