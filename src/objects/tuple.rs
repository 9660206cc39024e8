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
        let t = TupleObj { items: items.into_boxed_slice() };
        if t.items.iter().any(may_reach_cycle) {
            PyRef::new_tracked(t)
        } else {
            PyRef::new(t)
        }
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

impl Drop for TupleObj {
    /// Last item first, as CPython does (the order in which finalizers run).
    fn drop(&mut self) {
        let mut items = std::mem::take(&mut self.items).into_vec();
        while let Some(v) = items.pop() {
            drop(v);
        }
    }
}

impl Trace for TupleObj {
    fn trace(&self, visit: &mut dyn FnMut(&Value)) {
        self.items.iter().for_each(visit)
    }
    /// Tuples cannot be cleared; a cycle through a tuple always passes
    /// through a mutable container, whose clearing breaks it.
    fn clear(&self) {}
}
