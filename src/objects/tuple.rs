//! `tuple`: an immutable array of values.

use super::rc::{PyRef, Trace};
use super::value::Value;

pub struct TupleObj {
    items: Box<[Value]>,
}

impl TupleObj {
    /// A tuple is tracked by the cycle collector only when it holds something
    /// that could lead back to it (a container); tuples of numbers and
    /// strings, the common case, cost nothing to the collector.
    pub fn new(items: Vec<Value>) -> PyRef<TupleObj> {
        Self::from_items(items.into_boxed_slice())
    }

    fn from_items(items: Box<[Value]>) -> PyRef<TupleObj> {
        let t = TupleObj { items };
        if t.items.iter().any(may_reach_cycle) {
            PyRef::new_tracked(t)
        } else {
            PyRef::new(t)
        }
    }

    /// A tuple of `n` items, item `i` being `f(i)`, its item array taken
    /// from the free list of arrays of that length when it has one
    /// (`BuildTuple`: building and freeing small tuples otherwise costs a
    /// `malloc` and a `free` of the array each, the box itself coming from
    /// the object pool).
    pub fn build(n: usize, mut f: impl FnMut(usize) -> Value) -> PyRef<TupleObj> {
        let recycled = if (1..=FREE_MAX_LEN).contains(&n) { FREE_ITEMS.with(|l| l[n - 1].borrow_mut().pop()) } else { None };
        let items = match recycled {
            Some(mut items) => {
                for (i, slot) in items.iter_mut().enumerate() {
                    *slot = f(i);
                }
                items
            }
            None => (0..n).map(f).collect(),
        };
        Self::from_items(items)
    }

    #[inline]
    pub fn as_slice(&self) -> &[Value] {
        &self.items
    }

    #[inline]
    pub fn len(&self) -> usize {
        self.items.len()
    }

    #[inline]
    pub fn is_empty(&self) -> bool {
        self.items.is_empty()
    }

    #[inline]
    pub fn get(&self, i: usize) -> Option<&Value> {
        self.items.get(i)
    }

    /// For compiled code: the offsets (from the start of the `TupleObj`)
    /// of the item array's address and of its length. The layout of a
    /// boxed slice's pointer is not specified, so it is found once by
    /// probing a tuple, and checked.
    pub fn items_layout() -> (usize, usize) {
        thread_local! {
            static LAYOUT: (usize, usize) = probe_items_layout();
        }
        LAYOUT.with(|l| *l)
    }
}

fn probe_items_layout() -> (usize, usize) {
    let t = TupleObj { items: vec![Value::None, Value::None, Value::None].into_boxed_slice() };
    let base = &t as *const TupleObj as usize;
    let at = &t.items as *const Box<[Value]> as usize - base;
    let words = std::mem::size_of::<Box<[Value]>>() / 8;
    // SAFETY: reads the words of a live boxed slice (a pointer and a length).
    let w: Vec<u64> = (0..words).map(|i| unsafe { *((base + at + 8 * i) as *const u64) }).collect();
    let ptr_word = w.iter().position(|&x| x == t.items.as_ptr() as u64).expect("tuple probe: item pointer");
    let len_word = w.iter().position(|&x| x == 3).expect("tuple probe: item count");
    (at + 8 * ptr_word, at + 8 * len_word)
}

/// Whether a value can be part of a reference cycle.
pub fn may_reach_cycle(v: &Value) -> bool {
    !matches!(
        v,
        Value::Undef
            | Value::None
            | Value::Bool(_)
            | Value::Int(_)
            | Value::Float(_)
            | Value::BigInt(_)
            | Value::Str(_)
            | Value::Bytes(_)
            | Value::Range(_)
            | Value::Complex(_)
            | Value::NotImplemented
            | Value::Ellipsis
    )
}

impl Trace for TupleObj {
    fn trace(&self, visit: &mut dyn FnMut(&Value)) {
        self.items.iter().for_each(visit)
    }
    /// Tuples cannot be cleared; a cycle through a tuple always passes
    /// through a mutable container, whose clearing breaks it.
    fn clear(&self) {}
}

/// Item arrays of freed tuples of 1 to `FREE_MAX_LEN` items, each
/// holding `Undef`s, kept (up to `FREE_KEEP` per length) for
/// `TupleObj::build`.
const FREE_MAX_LEN: usize = 4;
const FREE_KEEP: usize = 1024;

thread_local! {
    static FREE_ITEMS: [std::cell::RefCell<Vec<Box<[Value]>>>; FREE_MAX_LEN] =
        const { [const { std::cell::RefCell::new(Vec::new()) }; FREE_MAX_LEN] };
}

impl Drop for TupleObj {
    /// Last item first, as CPython does (the order in which finalizers
    /// run); a small tuple's emptied item array is kept for reuse.
    fn drop(&mut self) {
        let n = self.items.len();
        let mut items = std::mem::take(&mut self.items);
        if n > FREE_MAX_LEN {
            // Not kept: popped, so that the array's own drop has nothing
            // left to visit (one pass over a large tuple, not two).
            crate::objects::list::drop_items(items.into_vec());
            return;
        }
        // The items are released before the array is kept (releasing one
        // may free other tuples, which use the free list too).
        for v in items.iter_mut().rev() {
            drop(std::mem::take(v));
        }
        if n >= 1 {
            // (`try_with`: nothing is kept while the thread's storage is
            // being destroyed.)
            let _ = FREE_ITEMS.try_with(|l| {
                let mut l = l[n - 1].borrow_mut();
                if l.len() < FREE_KEEP {
                    l.push(items);
                }
            });
        }
    }
}
