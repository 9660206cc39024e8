//! Python objects: the `Value` representation and every heap object type.
//!
//! Each heap type is a plain Rust struct behind a `PyRef` (see `rc.rs`).
//! Mutable state sits in `Cell`/`ValueCell`/`UnsafeCell` fields; the VM is
//! single-threaded and never keeps a reference into an object across a call
//! of Python code.

pub mod dict;
pub mod float;
pub mod int;
pub mod list;
pub mod rc;
pub mod set;
pub mod str;
pub mod unicode_db;
pub mod tuple;
pub mod unicode;
pub mod value;

use std::cell::{Cell, RefCell};

pub use dict::DictObj;
pub use list::ListObj;
pub use rc::{PyRef, Trace};
pub use set::SetObj;
pub use str::StrObj;
pub use tuple::TupleObj;
pub use value::{Value, ValueCell};

use crate::bytecode::CodeObj;
use crate::vm::{Args, PyResult, Vm};

/// `range(start, stop, step)`. Bounds that fit a machine int are kept in
/// the `i64` fields; otherwise `big` holds them (as int values) and the
/// `i64` fields are unused.
pub struct RangeObj {
    pub start: i64,
    pub stop: i64,
    pub step: i64,
    pub big: Option<Box<[Value; 3]>>,
}

impl RangeObj {
    pub fn new(start: i64, stop: i64, step: i64) -> PyRef<RangeObj> {
        PyRef::new(RangeObj { start, stop, step, big: None })
    }
    /// Length of a small range (saturating for big ones; see `len_value`).
    pub fn len(&self) -> i64 {
        match &self.big {
            None => range_len(self.start, self.stop, self.step),
            Some(_) => match self.len_value() {
                Value::Int(n) => n,
                _ => i64::MAX,
            },
        }
    }
    pub fn is_empty(&self) -> bool {
        match &self.big {
            None => self.len() == 0,
            Some(_) => int::is_zero(&self.len_value()),
        }
    }
    pub fn get(&self, i: i64) -> i64 {
        self.start + i * self.step
    }
    /// (start, stop, step) as int values.
    pub fn parts(&self) -> (Value, Value, Value) {
        match &self.big {
            None => (Value::Int(self.start), Value::Int(self.stop), Value::Int(self.step)),
            Some(b) => (b[0].clone(), b[1].clone(), b[2].clone()),
        }
    }
    /// The exact length as an int value.
    pub fn len_value(&self) -> Value {
        match &self.big {
            None => Value::Int(self.len()),
            Some(b) => {
                let (start, stop, step) = (int::to_big(&b[0]).unwrap(), int::to_big(&b[1]).unwrap(), int::to_big(&b[2]).unwrap());
                use num_traits::{Signed, Zero};
                let (lo, hi, st) = if step.is_positive() { (start, stop, step) } else { (stop, start, -step) };
                if lo >= hi {
                    Value::Int(0)
                } else {
                    let one = num_bigint::BigInt::from(1);
                    let n = (hi - lo - &one) / st + one;
                    if n.is_zero() {
                        Value::Int(0)
                    } else {
                        int::normalize(n)
                    }
                }
            }
        }
    }
    /// Item `i` (0 <= i < len) as an int value.
    pub fn item(&self, i: &Value) -> Value {
        let (start, _, step) = self.parts();
        int::add(&start, &int::mul(i, &step))
    }
}

pub fn range_len(start: i64, stop: i64, step: i64) -> i64 {
    let (lo, hi, st) = if step > 0 { (start as i128, stop as i128, step as i128) } else { (stop as i128, start as i128, -(step as i128)) };
    if lo >= hi {
        0
    } else {
        ((hi - lo - 1) / st + 1) as i64
    }
}

/// `slice(start, stop, step)`.
pub struct SliceObj {
    pub start: Value,
    pub stop: Value,
    pub step: Value,
}

/// `complex`.
pub struct ComplexObj {
    pub re: f64,
    pub im: f64,
}

/// `bytes`.
pub struct BytesObj {
    pub data: Box<[u8]>,
}

/// `bytearray`.
pub struct ByteArrayObj {
    pub data: RefCell<Vec<u8>>,
}

/// A function defined in Python.
pub struct FunctionObj {
    pub code: PyRef<CodeObj>,
    pub globals: PyRef<DictObj>,
    pub name: ValueCell,
    pub qualname: ValueCell,
    pub doc: ValueCell,
    pub module: ValueCell,
    /// Tuple of positional defaults, or None.
    pub defaults: ValueCell,
    /// Dict of keyword-only defaults, or None.
    pub kwdefaults: ValueCell,
    /// The cells of the free variables, in `code.freevars` order.
    pub closure: Box<[PyRef<CellObj>]>,
    /// `__dict__`, created on first use (Undef until then).
    pub dict: ValueCell,
    pub annotations: ValueCell,
}

impl Trace for FunctionObj {
    fn trace(&self, visit: &mut dyn FnMut(&Value)) {
        visit(&self.defaults.get());
        visit(&self.kwdefaults.get());
        visit(&self.dict.get());
        visit(&self.annotations.get());
        visit(&self.doc.get());
        for c in self.closure.iter() {
            visit(&rc::borrowed_value(c, Value::Cell));
        }
        visit(&rc::borrowed_value(&self.globals, Value::Dict));
    }
    /// The closure cells are left alone: they may be shared with live
    /// functions, and a cell in the garbage is cleared by its own `clear`.
    fn clear(&self) {
        self.defaults.set(Value::None);
        self.kwdefaults.set(Value::None);
        self.dict.set(Value::Undef);
        self.annotations.set(Value::Undef);
        self.doc.set(Value::None);
    }
}

/// A function implemented in Rust.
pub type BuiltinFn = fn(&mut Vm, Args) -> PyResult<Value>;

/// A builtin function, or a method of a builtin type (unbound when `this` is
/// `Undef`, bound otherwise).
pub struct BuiltinObj {
    pub name: &'static str,
    pub func: BuiltinFn,
    /// The receiver of a bound builtin method.
    pub this: Value,
    /// The type a method belongs to (for reprs), or the module name.
    pub owner: &'static str,
    pub doc: Option<&'static str>,
}

impl Trace for BuiltinObj {
    fn trace(&self, visit: &mut dyn FnMut(&Value)) {
        visit(&self.this)
    }
    fn clear(&self) {}
}

/// A Python function bound to an instance.
pub struct MethodObj {
    pub func: Value,
    pub this: Value,
}

impl Trace for MethodObj {
    fn trace(&self, visit: &mut dyn FnMut(&Value)) {
        visit(&self.func);
        visit(&self.this);
    }
    fn clear(&self) {}
}

/// A closure cell.
#[derive(Default)]
pub struct CellObj {
    pub value: ValueCell,
}

impl Trace for CellObj {
    fn trace(&self, visit: &mut dyn FnMut(&Value)) {
        self.value.with(|v| visit(v))
    }
    fn clear(&self) {
        self.value.set(Value::Undef)
    }
}

/// What kind of builtin storage instances of a class carry (the "solid
/// base" in CPython's terms).
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Layout {
    /// Plain `object`: attributes only.
    Object,
    /// Subclasses of `BaseException`.
    Exception,
    /// Subclasses of a builtin value type (`int`, `str`, `dict`, ...): the
    /// instance wraps a value of that type in `base_value`.
    Builtin,
}

/// Cached facts about a class's special methods, recomputed when the class
/// or a base changes.
pub mod class_flags {
    pub const HAS_GETATTR: u32 = 1;
    pub const HAS_GETATTRIBUTE: u32 = 2;
    pub const HAS_SETATTR: u32 = 4;
    pub const HAS_DELATTR: u32 = 8;
    pub const HAS_DEL: u32 = 16;
    pub const BUILTIN: u32 = 32;
    pub const HAS_SLOTS: u32 = 64;
    pub const ABSTRACT: u32 = 128;
    /// Instances may not get new attributes (builtin types, `__slots__`).
    pub const NO_DICT: u32 = 256;
    /// The builtin type may not be subclassed (`bool`, `NoneType`, ...).
    pub const FINAL: u32 = 512;
}

/// A class: a builtin type or a class statement's result.
pub struct ClassObj {
    pub name: RefCell<String>,
    pub qualname: RefCell<String>,
    pub module: ValueCell,
    pub bases: RefCell<Vec<PyRef<ClassObj>>>,
    pub mro: RefCell<Vec<PyRef<ClassObj>>>,
    pub dict: PyRef<DictObj>,
    /// Globally unique; renewed whenever this class or a base changes.
    pub version: Cell<u64>,
    pub layout: Cell<Layout>,
    pub flags: Cell<u32>,
    /// The metaclass (`type` unless a class says otherwise); Undef for `type` itself at boot.
    pub metaclass: ValueCell,
    /// Direct subclasses, not counted (each removes itself when freed).
    pub subclasses: RefCell<Vec<*const rc::ObjBox<ClassObj>>>,
    /// `__slots__` names, when the class declares them.
    pub slots: RefCell<Option<Vec<String>>>,
    /// For builtin types: the `Value` tag instances have (0 if none).
    pub builtin_tag: Cell<u8>,
    /// For builtin types: a direct constructor used when the type itself is
    /// called (`int(x)`), skipping the `__new__`/`__init__` protocol.
    pub ctor: Cell<Option<BuiltinFn>>,
}

impl Trace for ClassObj {
    fn trace(&self, visit: &mut dyn FnMut(&Value)) {
        visit(&rc::borrowed_value(&self.dict, Value::Dict));
        if let Ok(bases) = self.bases.try_borrow() {
            for b in bases.iter() {
                visit(&rc::borrowed_value(b, Value::Class));
            }
        }
        if let Ok(mro) = self.mro.try_borrow() {
            for b in mro.iter() {
                visit(&rc::borrowed_value(b, Value::Class));
            }
        }
        self.metaclass.with(|v| visit(v));
        self.module.with(|v| visit(v));
    }
    /// Clears the namespace and the MRO (which starts with the class itself,
    /// a cycle every class has). The bases stay: `Drop` needs them to remove
    /// the class from its bases' subclass lists.
    fn clear(&self) {
        self.dict.clear();
        if let Ok(mut mro) = self.mro.try_borrow_mut() {
            let old = std::mem::take(&mut *mro);
            drop(mro);
            drop(old);
        }
    }
}

impl Drop for ClassObj {
    fn drop(&mut self) {
        let me = self as *const ClassObj;
        for b in self.bases.borrow().iter() {
            if let Ok(mut subs) = b.subclasses.try_borrow_mut() {
                subs.retain(|p| {
                    // SAFETY: the subclass list only holds live classes; we
                    // compare addresses without dereferencing.
                    let data = unsafe { std::ptr::addr_of!((**p).data) };
                    data != me
                });
            }
        }
    }
}

/// State every exception instance carries.
#[derive(Default)]
pub struct ExcData {
    pub args: ValueCell,
    pub traceback: RefCell<Vec<crate::vm::TbEntry>>,
    pub cause: ValueCell,
    pub context: ValueCell,
    pub suppress_context: Cell<bool>,
    /// Data for "Did you mean" suggestions and `.name`/`.obj`.
    pub extra: RefCell<Option<Box<crate::vm::error::ErrExtra>>>,
    /// `OSError`'s errno, strerror, filename and filename2 (None if unset).
    pub os: RefCell<Option<Box<[Value; 4]>>>,
}

/// An instance of a Python class.
pub struct InstanceObj {
    pub class: ValueCell,
    /// Attributes; `None` for instances without a `__dict__` (`__slots__`).
    pub dict: Option<PyRef<DictObj>>,
    /// `__slots__` storage, in the class's slot order.
    pub slots: RefCell<Vec<Value>>,
    /// For subclasses of builtin value types: the wrapped builtin value.
    pub base_value: ValueCell,
    /// For exceptions.
    pub exc: Option<Box<ExcData>>,
}

impl InstanceObj {
    pub fn class(&self) -> PyRef<ClassObj> {
        match self.class.get() {
            Value::Class(c) => c,
            _ => unreachable!("instance without a class"),
        }
    }
}

impl Trace for InstanceObj {
    fn trace(&self, visit: &mut dyn FnMut(&Value)) {
        self.class.with(|v| visit(v));
        if let Some(d) = &self.dict {
            visit(&rc::borrowed_value(d, Value::Dict));
        }
        if let Ok(slots) = self.slots.try_borrow() {
            for v in slots.iter() {
                visit(v);
            }
        }
        self.base_value.with(|v| visit(v));
        if let Some(e) = &self.exc {
            e.args.with(|v| visit(v));
            e.cause.with(|v| visit(v));
            e.context.with(|v| visit(v));
            if let Ok(os) = e.os.try_borrow() {
                for v in os.iter().flat_map(|b| b.iter()) {
                    visit(v);
                }
            }
        }
    }
    fn clear(&self) {
        if let Some(d) = &self.dict {
            d.clear();
        }
        if let Ok(mut slots) = self.slots.try_borrow_mut() {
            let old = std::mem::take(&mut *slots);
            drop(slots);
            drop(old);
        }
        self.base_value.set(Value::Undef);
        if let Some(e) = &self.exc {
            e.args.set(Value::Undef);
            e.cause.set(Value::Undef);
            e.context.set(Value::Undef);
            if let Ok(mut os) = e.os.try_borrow_mut() {
                let old = os.take();
                drop(os);
                drop(old);
            }
        }
    }
}

/// A module object.
pub struct ModuleObj {
    pub name: String,
    pub dict: PyRef<DictObj>,
}

impl Trace for ModuleObj {
    fn trace(&self, visit: &mut dyn FnMut(&Value)) {
        visit(&rc::borrowed_value(&self.dict, Value::Dict))
    }
    fn clear(&self) {}
}

/// Which view a dict view or dict iterator shows.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum DictPart {
    Keys,
    Values,
    Items,
}

/// The iterators of builtin types. Their state is in `Cell`s so that no
/// borrow is held while an inner iterator or a Python function runs.
pub enum IterKind {
    /// Index-based iteration over a list, tuple, str or bytes.
    Seq { seq: Value, index: Cell<usize> },
    Range { next: Cell<i64>, stop: i64, step: i64 },
    /// A range with bounds outside the machine-int range.
    IntRange { next: ValueCell, stop: Value, step: Value },
    Str { s: PyRef<StrObj>, byte_pos: Cell<usize> },
    Dict { dict: PyRef<DictObj>, pos: Cell<usize>, len: usize, part: DictPart },
    Set { set: PyRef<SetObj>, pos: Cell<usize>, version: u64 },
    Enumerate { it: Value, count: ValueCell },
    Zip { iters: Box<[Value]>, strict: bool },
    Map { func: Value, iters: Box<[Value]> },
    Filter { func: Value, it: Value },
    Reversed { seq: Value, index: Cell<i64> },
    /// `iter(callable, sentinel)`.
    Callable { func: Value, sentinel: Value, done: Cell<bool> },
    /// Iteration through `__getitem__` with 0, 1, 2, ...
    GetItem { obj: Value, index: Cell<i64>, done: Cell<bool> },
    /// An exhausted iterator (every kind turns into this when done).
    Done,
}

pub struct IterObj {
    pub kind: RefCell<IterKind>,
}

impl Trace for IterObj {
    fn trace(&self, visit: &mut dyn FnMut(&Value)) {
        let Ok(k) = self.kind.try_borrow() else { return };
        match &*k {
            IterKind::Seq { seq, .. } | IterKind::Reversed { seq, .. } => visit(seq),
            IterKind::Enumerate { it, count } => {
                visit(it);
                count.with(|v| visit(v));
            }
            IterKind::Zip { iters, .. } => iters.iter().for_each(&mut *visit),
            IterKind::Map { func, iters } => {
                visit(func);
                iters.iter().for_each(&mut *visit);
            }
            IterKind::Filter { func, it } => {
                visit(func);
                visit(it);
            }
            IterKind::Callable { func, sentinel, .. } => {
                visit(func);
                visit(sentinel);
            }
            IterKind::GetItem { obj, .. } => visit(obj),
            IterKind::Dict { dict, .. } => visit(&rc::borrowed_value(dict, Value::Dict)),
            IterKind::Set { set, .. } => visit(&rc::borrowed_value(set, Value::Set)),
            IterKind::Range { .. } | IterKind::IntRange { .. } | IterKind::Str { .. } | IterKind::Done => {}
        }
    }
    fn clear(&self) {
        if let Ok(mut k) = self.kind.try_borrow_mut() {
            let old = std::mem::replace(&mut *k, IterKind::Done);
            drop(k);
            drop(old);
        }
    }
}

/// Objects of builtin types that are not worth a `Value` variant of their own.
pub enum NativeData {
    Property { fget: Value, fset: Value, fdel: Value, doc: Value },
    ClassMethod(Value),
    StaticMethod(Value),
    /// `super(cls, obj)`.
    Super { cls: PyRef<ClassObj>, obj: Value },
    /// `dict.keys()`, `dict.values()`, `dict.items()`.
    DictView { dict: PyRef<DictObj>, part: DictPart },
    /// A `__slots__` member descriptor: the index in the instance's slots.
    SlotMember { name: String, index: usize },
    /// `mappingproxy`: a read-only view of a mapping (a class's `__dict__`).
    MappingProxy(Value),
    /// Anything defined by a module (state kept in Rust).
    Other(Box<dyn NativeState>),
}

/// State of an object whose type is defined by a native module.
pub trait NativeState {
    fn trace(&self, _visit: &mut dyn FnMut(&Value)) {}
    fn clear(&self) {}
    fn as_any(&self) -> &dyn std::any::Any;
}

pub struct NativeObj {
    pub class: PyRef<ClassObj>,
    pub data: NativeData,
}

impl Trace for NativeObj {
    fn trace(&self, visit: &mut dyn FnMut(&Value)) {
        match &self.data {
            NativeData::Property { fget, fset, fdel, doc } => {
                visit(fget);
                visit(fset);
                visit(fdel);
                visit(doc);
            }
            NativeData::ClassMethod(f) | NativeData::StaticMethod(f) => visit(f),
            NativeData::Super { obj, .. } => visit(obj),
            NativeData::DictView { dict, .. } => visit(&rc::borrowed_value(dict, Value::Dict)),
            NativeData::SlotMember { .. } => {}
            NativeData::MappingProxy(m) => visit(m),
            NativeData::Other(s) => s.trace(visit),
        }
        visit(&rc::borrowed_value(&self.class, Value::Class));
    }
    fn clear(&self) {
        if let NativeData::Other(s) = &self.data {
            s.clear()
        }
    }
}

pub use crate::vm::generator::GeneratorObj;
