//! `Value`: one Python value in a register, a container slot or a constant.
//!
//! Layout (the VM/JIT contract, see `docs/architecture.md`): 16 bytes,
//! `#[repr(C, u64)]`, so the tag is the 64-bit word at offset 0 and the
//! payload is the 8 bytes at offset 8 (a full-word tag leaves no padding
//! bytes, so a value is always copied as two whole words):
//!
//! | tag | variant  | payload at offset 8                  |
//! |-----|----------|--------------------------------------|
//! | 0   | Undef    | - (unbound local / empty slot)       |
//! | 1   | None     | -                                    |
//! | 2   | Bool     | `u8` 0 or 1                          |
//! | 3   | Int      | `i64`                                |
//! | 4   | Float    | `f64`                                |
//! | 5.. | heap     | pointer to `ObjBox<T>` (rc at +0)    |
//!
//! Small ints and floats are unboxed: arithmetic on them never allocates.

use std::cell::UnsafeCell;

use num_bigint::BigInt;

use super::rc::PyRef;
use super::*;

/// A Python value. Heap variants hold a counted reference.
#[repr(C, u64)]
#[derive(Default)]
pub enum Value {
    /// No value: an unbound local, an empty slot. Never visible to Python.
    #[default]
    Undef = 0,
    None = 1,
    Bool(bool) = 2,
    /// An int that fits in 64 bits. Ints outside that range are `BigInt`.
    Int(i64) = 3,
    Float(f64) = 4,
    /// An int outside the `i64` range (always normalised: never fits `Int`).
    BigInt(PyRef<BigInt>) = 5,
    Str(PyRef<StrObj>) = 6,
    List(PyRef<ListObj>) = 7,
    Tuple(PyRef<TupleObj>) = 8,
    Dict(PyRef<DictObj>) = 9,
    Set(PyRef<SetObj>) = 10,
    FrozenSet(PyRef<SetObj>) = 11,
    Bytes(PyRef<BytesObj>) = 12,
    ByteArray(PyRef<ByteArrayObj>) = 13,
    Range(PyRef<RangeObj>) = 14,
    Slice(PyRef<SliceObj>) = 15,
    Complex(PyRef<ComplexObj>) = 16,
    Function(PyRef<FunctionObj>) = 17,
    Builtin(PyRef<BuiltinObj>) = 18,
    Method(PyRef<MethodObj>) = 19,
    Class(PyRef<ClassObj>) = 20,
    Instance(PyRef<InstanceObj>) = 21,
    Module(PyRef<ModuleObj>) = 22,
    Code(PyRef<crate::bytecode::CodeObj>) = 23,
    Cell(PyRef<CellObj>) = 24,
    Generator(PyRef<GeneratorObj>) = 25,
    Iter(PyRef<IterObj>) = 26,
    Native(PyRef<NativeObj>) = 27,
    NotImplemented = 28,
    Ellipsis = 29,
}

/// Tag numbers, for code that inspects the layout directly (the JIT).
pub mod tag {
    pub const UNDEF: u8 = 0;
    pub const NONE: u8 = 1;
    pub const BOOL: u8 = 2;
    pub const INT: u8 = 3;
    pub const FLOAT: u8 = 4;
    pub const BIGINT: u8 = 5;
    pub const STR: u8 = 6;
    pub const LIST: u8 = 7;
    pub const TUPLE: u8 = 8;
    pub const DICT: u8 = 9;
    pub const RANGE: u8 = 14;
    pub const FUNCTION: u8 = 17;
    pub const BUILTIN: u8 = 18;
    pub const METHOD: u8 = 19;
    pub const CLASS: u8 = 20;
    pub const MODULE: u8 = 22;
    pub const CELL: u8 = 24;
    pub const ITER: u8 = 26;
    pub const INSTANCE: u8 = 21;
    pub const NATIVE: u8 = 27;
    pub const FIRST_HEAP: u8 = 5;
    pub const NOT_IMPLEMENTED: u8 = 28;
    pub const ELLIPSIS: u8 = 29;
}

const _: () = assert!(std::mem::size_of::<Value>() == 16);

impl Clone for Value {
    /// Unboxed values are copied bit for bit; heap values bump the count
    /// in the object header (offset 0 for every heap type), so no per-type
    /// dispatch is needed on this hot path. The value is read as two words,
    /// matching how values are written, so the CPU can forward the stores.
    #[inline(always)]
    fn clone(&self) -> Value {
        let [t, x] = self.words();
        let tg = t as u8;
        if (tag::FIRST_HEAP..tag::NOT_IMPLEMENTED).contains(&tg) {
            // SAFETY: `x` points at the header of the live object this value
            // refers to; a new reference is a count increment plus a copy.
            unsafe {
                let h = &*(x as *const super::rc::ObjHeader);
                h.rc.set(h.rc.get() + 1);
            }
        }
        // SAFETY: the words are those of a valid value.
        unsafe { Value::from_words([t, x]) }
    }
}

impl Value {
    /// The two machine words of the value (tag, payload).
    #[inline(always)]
    pub fn words(&self) -> [u64; 2] {
        let p = self as *const Value as *const u64;
        // SAFETY: a value is 16 bytes, two aligned words; reading them is a
        // plain copy (the caller decides about reference counts).
        unsafe { [p.read(), p.add(1).read()] }
    }

    /// Rebuilds a value from its words.
    ///
    /// # Safety
    /// The words must come from `words()` of a valid value, and the reference
    /// it represents (if any) must be owned by the result.
    #[inline(always)]
    pub unsafe fn from_words(w: [u64; 2]) -> Value {
        std::mem::transmute::<[u64; 2], Value>(w)
    }

    /// Moves the value out of `*src` (leaving `Undef`) into the fresh slot
    /// `*dst`, word by word.
    ///
    /// # Safety
    /// `dst` must hold no value that needs dropping (Undef or unboxed).
    #[inline(always)]
    pub unsafe fn move_to_fresh(src: *mut Value, dst: *mut Value) {
        let s = src as *mut u64;
        let d = dst as *mut u64;
        let (t, x) = (s.read(), s.add(1).read());
        s.write(0);
        d.write(t);
        d.add(1).write(x);
    }
}

impl Value {
    /// Overwrites `*slot` with `v`, releasing the old value. The common cases
    /// (an unboxed old value, or an object that stays alive) stay inline.
    #[inline(always)]
    pub fn store(slot: &mut Value, v: Value) {
        Value::release(slot);
        // SAFETY: the old value was released above, so overwriting it without
        // running its destructor neither leaks nor double-frees.
        unsafe { std::ptr::write(slot, v) };
    }

    /// `store`, then `freed()` if that dropped the old value's last
    /// reference (only then can a finalizer have been queued): the
    /// interpreter makes that rare case a safe point. `freed` runs after
    /// the slot holds `v`, and costs nothing on the other paths.
    #[inline(always)]
    pub fn store_then(slot: &mut Value, v: Value, freed: impl FnOnce()) {
        if let Some(h) = slot.heap_header() {
            // SAFETY: `h` heads the live object `slot` refers to; the slot
            // is overwritten right after its value is dropped.
            unsafe {
                let rc = &h.as_ref().rc;
                let n = rc.get();
                if n <= 1 {
                    std::ptr::drop_in_place(slot);
                    std::ptr::write(slot, v);
                    freed();
                    return;
                }
                rc.set(n - 1);
            }
        }
        // SAFETY: as in `store`.
        unsafe { std::ptr::write(slot, v) };
    }

    /// Drops the value in `*slot` and leaves `Undef` in its place.
    #[inline(always)]
    pub fn clear(slot: &mut Value) {
        Value::release(slot);
        // SAFETY: as in `store`.
        unsafe { std::ptr::write(slot, Value::Undef) };
    }

    /// Releases the reference held by `*slot` without writing the slot.
    /// The slot must be overwritten (not dropped) afterwards.
    #[inline(always)]
    fn release(slot: &mut Value) {
        if let Some(h) = slot.heap_header() {
            // SAFETY: `h` heads the live object `slot` refers to.
            unsafe {
                let rc = &h.as_ref().rc;
                let n = rc.get();
                if n > 1 {
                    rc.set(n - 1);
                } else {
                    // The last reference: run the type's destructor, which
                    // decrements to zero and frees.
                    std::ptr::drop_in_place(slot);
                }
            }
        }
    }
}

impl Value {
    /// The tag byte at offset 0.
    #[inline]
    pub fn tag(&self) -> u8 {
        // SAFETY: `Value` is `#[repr(C, u64)]`: the tag is the word at
        // offset 0, whose first byte (little-endian) holds the tag number.
        unsafe { *(self as *const Value as *const u8) }
    }

    /// The header of the heap object this value points to, if any.
    #[inline]
    pub fn heap_header(&self) -> Option<std::ptr::NonNull<super::rc::ObjHeader>> {
        let t = self.tag();
        if (tag::FIRST_HEAP..tag::NOT_IMPLEMENTED).contains(&t) {
            // SAFETY: every heap variant's payload at offset 8 is a
            // `PyRef<T>`, i.e. a non-null pointer to an `ObjBox<T>` whose
            // header is at offset 0.
            unsafe {
                let p = *((self as *const Value as *const u8).add(8) as *const *mut super::rc::ObjHeader);
                Some(std::ptr::NonNull::new_unchecked(p))
            }
        } else {
            None
        }
    }

    /// Identity of a heap object (for `is` and `id()`); `None` for unboxed values.
    #[inline]
    pub fn heap_addr(&self) -> Option<usize> {
        self.heap_header().map(|p| p.as_ptr() as usize)
    }

    #[inline]
    pub fn is_undef(&self) -> bool {
        matches!(self, Value::Undef)
    }

    #[inline]
    pub fn is_none(&self) -> bool {
        matches!(self, Value::None)
    }

    pub fn str(s: &str) -> Value {
        if let [b] = s.as_bytes() {
            return Value::Str(super::str::ascii_char(*b));
        }
        Value::Str(PyRef::new(StrObj::from_text(s)))
    }

    /// `Value::str` for a text known to be ASCII (a piece of an ASCII str):
    /// no character count or surrogate scan.
    pub fn ascii_str(s: &str) -> Value {
        if let [b] = s.as_bytes() {
            return Value::Str(super::str::ascii_char(*b));
        }
        Value::Str(PyRef::new(StrObj::from_ascii(s)))
    }

    /// `Value::string` for a text known to be ASCII: no character count
    /// or surrogate scan.
    pub fn ascii_string(s: String) -> Value {
        if let [b] = s.as_bytes() {
            return Value::Str(super::str::ascii_char(*b));
        }
        Value::Str(PyRef::new(StrObj::from_ascii_string(s)))
    }

    pub fn string(s: String) -> Value {
        if let [b] = s.as_bytes() {
            return Value::Str(super::str::ascii_char(*b));
        }
        Value::Str(PyRef::new(StrObj::new(s)))
    }

    pub fn tuple(items: Vec<Value>) -> Value {
        Value::Tuple(TupleObj::new(items))
    }

    pub fn list(items: Vec<Value>) -> Value {
        Value::List(ListObj::new(items))
    }

    pub fn from_bigint(b: BigInt) -> Value {
        super::int::normalize(b)
    }

    pub fn as_str(&self) -> Option<&str> {
        match self {
            Value::Str(s) => Some(s.as_str()),
            _ => None,
        }
    }

    /// `a is b`.
    #[inline]
    pub fn is(&self, other: &Value) -> bool {
        let (a, b) = (self.words(), other.words());
        let ta = a[0] as u8;
        if ta != b[0] as u8 {
            return false;
        }
        if (tag::FIRST_HEAP..tag::NOT_IMPLEMENTED).contains(&ta) || ta == tag::INT || ta == tag::FLOAT {
            // The same object (the same address), the same machine int or
            // the same float bits: the payload word.
            return a[1] == b[1];
        }
        self.is_unboxed(other)
    }

    /// `is` for values of the same unboxed kind.
    #[inline(never)]
    fn is_unboxed(&self, other: &Value) -> bool {
        match (self, other) {
            (Value::None, Value::None)
            | (Value::Undef, Value::Undef)
            | (Value::NotImplemented, Value::NotImplemented)
            | (Value::Ellipsis, Value::Ellipsis) => true,
            (Value::Bool(a), Value::Bool(b)) => a == b,
            // Small ints are interned in CPython; equal machine ints compare
            // identical here, which every program that relies on `is` for
            // small ints expects.
            (Value::Int(a), Value::Int(b)) => a == b,
            (Value::Float(a), Value::Float(b)) => a.to_bits() == b.to_bits(),
            _ => match (self.heap_addr(), other.heap_addr()) {
                (Some(a), Some(b)) => a == b,
                _ => false,
            },
        }
    }
}

impl std::fmt::Debug for Value {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Value::Undef => write!(f, "<undef>"),
            Value::None => write!(f, "None"),
            Value::Bool(b) => write!(f, "{}", if *b { "True" } else { "False" }),
            Value::Int(i) => write!(f, "{}", i),
            Value::Float(x) => write!(f, "{}", super::float::repr(*x)),
            Value::BigInt(b) => write!(f, "{}", **b),
            Value::Str(s) => write!(f, "{:?}", s.as_str()),
            other => write!(f, "<value tag {}>", other.tag()),
        }
    }
}

/// A mutable slot holding one `Value`, for object fields that Python code can
/// rebind (a cell's content, a function's `__name__`, ...).
///
/// The VM is single-threaded and never hands out references into the slot:
/// reads clone the value out, writes replace it and drop the old value after
/// the slot is consistent again.
#[derive(Default)]
pub struct ValueCell(UnsafeCell<Value>);

impl ValueCell {
    pub fn new(v: Value) -> ValueCell {
        ValueCell(UnsafeCell::new(v))
    }
    #[inline]
    pub fn get(&self) -> Value {
        // SAFETY: single-threaded; no reference into the slot outlives this call.
        unsafe { (*self.0.get()).clone() }
    }
    #[inline]
    pub fn set(&self, v: Value) {
        // SAFETY: as in `get`; the old value is dropped after the write.
        let old = unsafe { std::mem::replace(&mut *self.0.get(), v) };
        drop(old);
    }
    #[inline]
    pub fn take(&self) -> Value {
        // SAFETY: as in `get`.
        unsafe { std::mem::take(&mut *self.0.get()) }
    }
    /// Runs `f` on the value without cloning it. `f` must not reach this cell.
    #[inline]
    pub fn with<R>(&self, f: impl FnOnce(&Value) -> R) -> R {
        // SAFETY: as in `get`; `f` gets a shared reference for its duration only.
        unsafe { f(&*self.0.get()) }
    }
    pub fn as_ptr(&self) -> *mut Value {
        self.0.get()
    }
    /// A reference to the value without cloning it.
    ///
    /// # Safety
    /// The caller must not set the cell, or run anything that could, while
    /// the reference is alive.
    #[inline]
    pub unsafe fn peek(&self) -> &Value {
        // SAFETY: guaranteed by the caller.
        unsafe { &*self.0.get() }
    }
}

impl Clone for ValueCell {
    fn clone(&self) -> Self {
        ValueCell::new(self.get())
    }
}
