//! `_collections`: `deque` (a ring buffer in Rust, as CPython's
//! `Modules/_collectionsmodule.c`, with the same errors and reprs).
//! `lib/collections/__init__.py` builds the rest of `collections` on it.

use std::any::Any;
use std::cell::{Cell, RefCell};
use std::collections::VecDeque;

use super::new_module;
use crate::builtins::arg;
use crate::bytecode::CmpOp;
use crate::objects::*;
use crate::vm::{Args, PyErr, PyResult, Vm};

/// The receiver of a method call (a TypeError when called without one).
fn this<'a>(args: &Args<'a>) -> PyResult<&'a Value> {
    args.pos.first().ok_or_else(|| PyErr::type_error("descriptor needs an argument"))
}

pub struct Deque {
    items: RefCell<VecDeque<Value>>,
    maxlen: Cell<Option<usize>>,
    /// Bumped by every mutation, so iterators notice.
    state: Cell<u64>,
}

impl NativeState for Deque {
    fn trace(&self, visit: &mut dyn FnMut(&Value)) {
        if let Ok(items) = self.items.try_borrow() {
            for v in items.iter() {
                visit(v);
            }
        }
    }
    fn clear(&self) {
        if let Ok(mut items) = self.items.try_borrow_mut() {
            let old = std::mem::take(&mut *items);
            drop(items);
            drop(old);
        }
    }
    fn native_len(&self) -> Option<usize> {
        self.items.try_borrow().ok().map(|i| i.len())
    }
    fn as_any(&self) -> &dyn Any {
        self
    }
}

impl Deque {
    fn bump(&self) {
        self.state.set(self.state.get().wrapping_add(1));
    }
    fn len(&self) -> usize {
        self.items.borrow().len()
    }
    fn get(&self, i: usize) -> Option<Value> {
        self.items.borrow().get(i).cloned()
    }
    fn snapshot(&self) -> Vec<Value> {
        self.items.borrow().iter().cloned().collect()
    }
    /// Appends on the right, dropping from the left past maxlen.
    fn push_back(&self, v: Value) {
        let dropped = {
            let mut items = self.items.borrow_mut();
            if self.maxlen.get() == Some(0) {
                return;
            }
            items.push_back(v);
            match self.maxlen.get() {
                Some(m) if items.len() > m => items.pop_front(),
                _ => None,
            }
        };
        self.bump();
        drop(dropped);
    }
    fn push_front(&self, v: Value) {
        let dropped = {
            let mut items = self.items.borrow_mut();
            if self.maxlen.get() == Some(0) {
                return;
            }
            items.push_front(v);
            match self.maxlen.get() {
                Some(m) if items.len() > m => items.pop_back(),
                _ => None,
            }
        };
        self.bump();
        drop(dropped);
    }
    fn replace(&self, new: VecDeque<Value>) {
        let old = std::mem::replace(&mut *self.items.borrow_mut(), new);
        self.bump();
        drop(old);
    }
}

struct DequeIter {
    deque: Value,
    index: Cell<usize>,
    state: u64,
    reverse: bool,
}

impl NativeState for DequeIter {
    fn trace(&self, visit: &mut dyn FnMut(&Value)) {
        visit(&self.deque);
    }
    fn as_any(&self) -> &dyn Any {
        self
    }
}

fn deque_of(v: &Value) -> PyResult<&Deque> {
    if let Value::Native(n) = v {
        if let NativeData::Other(s) = &n.data {
            if let Some(d) = s.as_any().downcast_ref::<Deque>() {
                return Ok(d);
            }
        }
    }
    Err(PyErr::type_error("descriptor requires a 'collections.deque' object"))
}

fn is_deque(v: &Value) -> bool {
    deque_of(v).is_ok()
}

fn deque_class(vm: &mut Vm) -> PyRef<ClassObj> {
    if let Some(c) = vm.lazy_classes.get("deque") {
        return c.clone();
    }
    let ns = DictObj::new();
    ns.set_str("__module__", Value::str("collections"));
    // Mutable, compared by value: unhashable.
    ns.set_str("__hash__", Value::None);
    ns.set_str(
        "__doc__",
        Value::str("deque([iterable[, maxlen]]) --> deque object\n\nA list-like sequence optimized for data accesses near its endpoints."),
    );
    let meta = vm.types.type_.clone();
    let obj = vm.types.object.clone();
    let c = vm.make_class(&meta, "deque", vec![obj], &ns).expect("deque class");
    c.flags.set(c.flags.get() | class_flags::NO_DICT);
    let methods: &[(&'static str, BuiltinFn)] = &[
        ("__new__", deque_new),
        ("__init__", deque_init),
        ("append", append),
        ("appendleft", appendleft),
        ("pop", pop),
        ("popleft", popleft),
        ("extend", extend),
        ("extendleft", extendleft),
        ("rotate", rotate),
        ("clear", clear),
        ("copy", copy),
        ("__copy__", copy),
        ("count", count),
        ("index", index),
        ("insert", insert),
        ("remove", remove),
        ("reverse", reverse),
        ("__len__", len),
        ("__bool__", bool_),
        ("__iter__", iter),
        ("__reversed__", reversed),
        ("__getitem__", getitem),
        ("__setitem__", setitem),
        ("__delitem__", delitem),
        ("__contains__", contains),
        ("__repr__", repr),
        ("__eq__", eq),
        ("__ne__", ne),
        ("__lt__", lt),
        ("__le__", le),
        ("__gt__", gt),
        ("__ge__", ge),
        ("__add__", add),
        ("__iadd__", iadd),
        ("__mul__", mul),
        ("__rmul__", mul),
        ("__imul__", imul),
        ("__reduce__", reduce),
    ];
    for (n, f) in methods {
        vm.add_method(&c, n, *f);
    }
    c.dict.set_str("__hash__", Value::None);
    let getter = vm.builtin_fn("maxlen", maxlen_get, "deque");
    let prop = vm.native_property(getter, Value::None);
    c.dict.set_str("maxlen", prop);
    c.ctor.set(Some(deque_ctor));
    // (Last: the flag holds for the class as it is now, and a builtin
    // type does not change.)
    c.flags.set(c.flags.get() | class_flags::NATIVE_LEN | class_flags::BUILTIN);
    vm.lazy_classes.insert("deque", c.clone());
    c
}

fn iter_class(vm: &mut Vm, reverse: bool) -> PyRef<ClassObj> {
    let name = if reverse { "_deque_reverse_iterator" } else { "_deque_iterator" };
    if let Some(c) = vm.lazy_classes.get(name) {
        return c.clone();
    }
    let ns = DictObj::new();
    ns.set_str("__module__", Value::str("_collections"));
    let meta = vm.types.type_.clone();
    let obj = vm.types.object.clone();
    let c = vm.make_class(&meta, name, vec![obj], &ns).expect("deque iterator class");
    c.flags.set(c.flags.get() | class_flags::NO_DICT | class_flags::BUILTIN);
    vm.add_method(&c, "__iter__", iter_self);
    vm.add_method(&c, "__next__", iter_next);
    vm.add_method(&c, "__length_hint__", iter_length_hint);
    vm.lazy_classes.insert(name, c.clone());
    c
}

fn new_deque(vm: &mut Vm, cls: PyRef<ClassObj>, items: VecDeque<Value>, maxlen: Option<usize>) -> Value {
    vm.new_native(cls, NativeData::Other(Box::new(Deque { items: RefCell::new(items), maxlen: Cell::new(maxlen), state: Cell::new(0) })))
}

fn maxlen_arg(vm: &mut Vm, v: Option<&Value>) -> PyResult<Option<usize>> {
    match v {
        None | Some(Value::None) => Ok(None),
        Some(v) => {
            // (CPython's `PyLong_AsSsize_t`: ints only, no `__index__`.)
            let n = match vm.unwrap_builtin(v).as_ref() {
                Value::Int(n) => *n,
                Value::Bool(b) => *b as i64,
                Value::BigInt(_) => return Err(PyErr::overflow("Python int too large to convert to C ssize_t")),
                _ => return Err(PyErr::type_error("an integer is required")),
            };
            if n < 0 {
                return Err(PyErr::value_error("maxlen must be non-negative"));
            }
            Ok(Some(n as usize))
        }
    }
}

fn deque_ctor(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let cls = deque_class(vm);
    let d = new_deque(vm, cls, VecDeque::new(), None);
    let mut pos = vec![d.clone()];
    pos.extend(args.pos.iter().cloned());
    deque_init(vm, Args { pos: &pos, kwnames: args.kwnames, kwvals: args.kwvals })?;
    Ok(d)
}

fn deque_new(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let cls = match args.get(0) {
        Some(Value::Class(c)) => c.clone(),
        _ => return Err(PyErr::type_error("deque.__new__(X): X is not a type object")),
    };
    Ok(new_deque(vm, cls, VecDeque::new(), None))
}

fn deque_init(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.allow_kwargs("deque", &["iterable", "maxlen"])?;
    if args.len() > 3 {
        return Err(PyErr::type_error(format!("deque expected at most 2 arguments, got {}", args.len() - 1)));
    }
    let d = deque_of(this(&args)?)?;
    let maxlen = maxlen_arg(vm, args.arg(2, "maxlen"))?;
    d.maxlen.set(maxlen);
    if d.len() > 0 {
        d.replace(VecDeque::new());
    }
    if let Some(it) = args.arg(1, "iterable") {
        extend_with(vm, this(&args)?, it)?;
    }
    Ok(Value::None)
}

fn maxlen_get(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    let d = deque_of(this(&args)?)?;
    Ok(match d.maxlen.get() {
        Some(m) => Value::Int(m as i64),
        None => Value::None,
    })
}

fn append(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    arg::one_arg(&args, "deque.append")?;
    deque_of(this(&args)?)?.push_back(args.pos[1].clone());
    Ok(Value::None)
}

fn appendleft(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    arg::one_arg(&args, "deque.appendleft")?;
    deque_of(this(&args)?)?.push_front(args.pos[1].clone());
    Ok(Value::None)
}

fn pop(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    arg::no_args(&args, "deque.pop")?;
    let d = deque_of(this(&args)?)?;
    let v = d.items.borrow_mut().pop_back();
    d.bump();
    v.ok_or_else(|| PyErr::index_error("pop from an empty deque"))
}

fn popleft(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    arg::no_args(&args, "deque.popleft")?;
    let d = deque_of(this(&args)?)?;
    let v = d.items.borrow_mut().pop_front();
    d.bump();
    v.ok_or_else(|| PyErr::index_error("pop from an empty deque"))
}

fn extend_with(vm: &mut Vm, this: &Value, it: &Value) -> PyResult<()> {
    let items = if it.is(this) { deque_of(this)?.snapshot() } else { vm.collect_iterable(it)? };
    let d = deque_of(this)?;
    for v in items {
        d.push_back(v);
    }
    Ok(())
}

fn extend(vm: &mut Vm, args: Args) -> PyResult<Value> {
    arg::one_arg(&args, "deque.extend")?;
    extend_with(vm, this(&args)?, &args.pos[1])?;
    Ok(Value::None)
}

fn extendleft(vm: &mut Vm, args: Args) -> PyResult<Value> {
    arg::one_arg(&args, "deque.extendleft")?;
    let this = this(&args)?;
    let items = if args.pos[1].is(this) { deque_of(this)?.snapshot() } else { vm.collect_iterable(&args.pos[1])? };
    let d = deque_of(this)?;
    for v in items {
        d.push_front(v);
    }
    Ok(Value::None)
}

/// The count check of a method parsing its arguments with
/// `PyArg_ParseTuple` (`deque.index`, `deque.insert`): `NAME() takes at
/// least/at most/exactly N argument(s) (M given)` (receiver excluded).
fn parse_tuple_counts(args: &Args, owner: &str, name: &str, min: usize, max: usize) -> PyResult<()> {
    if args.has_kwargs() {
        return Err(PyErr::type_error(format!("{}.{}() takes no keyword arguments", owner, name)));
    }
    let n = args.len().saturating_sub(1);
    if n < min || n > max {
        let (how, k) = if min == max {
            ("exactly", min)
        } else if n < min {
            ("at least", min)
        } else {
            ("at most", max)
        };
        return Err(PyErr::type_error(format!("{}() takes {} {} argument{} ({} given)", name, how, k, if k == 1 { "" } else { "s" }, n)));
    }
    Ok(())
}

fn rotate(vm: &mut Vm, args: Args) -> PyResult<Value> {
    if args.has_kwargs() {
        return Err(PyErr::type_error("deque.rotate() takes no keyword arguments"));
    }
    arg::positional(&args.rest(), "deque.rotate", 0, 1)?;
    let d = deque_of(this(&args)?)?;
    let n = match args.get(1) {
        Some(v) => arg::int(vm, v)?,
        None => 1,
    };
    let len = d.len() as i64;
    if len > 1 {
        let k = n.rem_euclid(len) as usize;
        d.items.borrow_mut().rotate_right(k);
        d.bump();
    }
    Ok(Value::None)
}

fn clear(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    arg::no_args(&args, "deque.clear")?;
    deque_of(this(&args)?)?.replace(VecDeque::new());
    Ok(Value::None)
}

fn copy(vm: &mut Vm, args: Args) -> PyResult<Value> {
    arg::no_args(&args, "deque.copy")?;
    let this = this(&args)?;
    let d = deque_of(this)?;
    let Value::Native(n) = this else { unreachable!() };
    let cls = n.class.clone();
    let deque_cls = deque_class(vm);
    if PyRef::ptr_eq(&cls, &deque_cls) {
        let items: VecDeque<Value> = d.items.borrow().iter().cloned().collect();
        return Ok(new_deque(vm, cls, items, d.maxlen.get()));
    }
    let items = Value::list(d.snapshot());
    let ml = match d.maxlen.get() {
        Some(m) => Value::Int(m as i64),
        None => Value::None,
    };
    vm.call_function(&Value::Class(cls), &[items, ml])
}

fn count(vm: &mut Vm, args: Args) -> PyResult<Value> {
    arg::one_arg(&args, "deque.count")?;
    let d = deque_of(this(&args)?)?;
    let state = d.state.get();
    let mut n = 0;
    let len = d.len();
    for i in 0..len {
        let Some(item) = d.get(i) else { break };
        if vm.eq(&item, &args.pos[1])? {
            n += 1;
        }
        if d.state.get() != state {
            return Err(PyErr::runtime_error("deque mutated during iteration"));
        }
    }
    Ok(Value::Int(n))
}

/// A start or stop of `deque.index` (CPython's `_PyEval_SliceIndexNotNone`:
/// anything with `__index__`, huge values clamped).
fn norm_index(vm: &mut Vm, v: Option<&Value>, len: usize, default: i64) -> PyResult<usize> {
    let i = match v {
        Some(v) => match vm.index_value(v)? {
            Some(Value::Int(i)) => i,
            Some(Value::Bool(b)) => b as i64,
            Some(big) if crate::objects::int::is_negative(&big) => i64::MIN,
            Some(_) => i64::MAX,
            None => return Err(PyErr::type_error("slice indices must be integers or have an __index__ method")),
        },
        None => default,
    };
    let i = if i < 0 { (i + len as i64).max(0) } else { i.min(len as i64) };
    Ok(i as usize)
}

fn index(vm: &mut Vm, args: Args) -> PyResult<Value> {
    parse_tuple_counts(&args, "deque", "index", 1, 3)?;
    let d = deque_of(this(&args)?)?;
    let len = d.len();
    let start = norm_index(vm, args.get(2), len, 0)?;
    let stop = norm_index(vm, args.get(3), len, len as i64)?;
    let state = d.state.get();
    for i in start..stop {
        let Some(item) = d.get(i) else { break };
        if vm.eq(&item, &args.pos[1])? {
            return Ok(Value::Int(i as i64));
        }
        if d.state.get() != state {
            return Err(PyErr::runtime_error("deque mutated during iteration"));
        }
    }
    let r = vm.repr_str_of(&args.pos[1])?;
    Err(PyErr::value_error(format!("{} is not in deque", r)))
}

fn insert(vm: &mut Vm, args: Args) -> PyResult<Value> {
    parse_tuple_counts(&args, "deque", "insert", 2, 2)?;
    let d = deque_of(this(&args)?)?;
    let len = d.len();
    if d.maxlen.get() == Some(len) {
        return Err(PyErr::index_error("deque already at its maximum size"));
    }
    let i = norm_index(vm, args.get(1), len, 0)?;
    d.items.borrow_mut().insert(i, args.pos[2].clone());
    d.bump();
    Ok(Value::None)
}

fn remove(vm: &mut Vm, args: Args) -> PyResult<Value> {
    arg::one_arg(&args, "deque.remove")?;
    let d = deque_of(this(&args)?)?;
    let len = d.len();
    let state = d.state.get();
    for i in 0..len {
        let Some(item) = d.get(i) else { break };
        let same = vm.eq(&item, &args.pos[1])?;
        if d.state.get() != state {
            return Err(PyErr::index_error("deque mutated during remove()."));
        }
        if same {
            let old = d.items.borrow_mut().remove(i);
            d.bump();
            drop(old);
            return Ok(Value::None);
        }
    }
    let r = vm.repr_str_of(&args.pos[1])?;
    Err(PyErr::value_error(format!("{} is not in deque", r)))
}

fn reverse(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    arg::no_args(&args, "deque.reverse")?;
    let d = deque_of(this(&args)?)?;
    d.items.borrow_mut().make_contiguous().reverse();
    d.bump();
    Ok(Value::None)
}

fn len(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    Ok(Value::Int(deque_of(this(&args)?)?.len() as i64))
}

fn bool_(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    Ok(Value::Bool(deque_of(this(&args)?)?.len() > 0))
}

fn make_iter(vm: &mut Vm, this: &Value, reverse: bool) -> PyResult<Value> {
    let d = deque_of(this)?;
    let state = d.state.get();
    let cls = iter_class(vm, reverse);
    Ok(vm.new_native(cls, NativeData::Other(Box::new(DequeIter { deque: this.clone(), index: Cell::new(0), state, reverse }))))
}

fn iter(vm: &mut Vm, args: Args) -> PyResult<Value> {
    make_iter(vm, this(&args)?, false)
}

fn reversed(vm: &mut Vm, args: Args) -> PyResult<Value> {
    make_iter(vm, this(&args)?, true)
}

fn iter_of(v: &Value) -> PyResult<&DequeIter> {
    if let Value::Native(n) = v {
        if let NativeData::Other(s) = &n.data {
            if let Some(d) = s.as_any().downcast_ref::<DequeIter>() {
                return Ok(d);
            }
        }
    }
    Err(PyErr::type_error("expected a deque iterator"))
}

fn iter_self(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    Ok(this(&args)?.clone())
}

fn iter_next(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    let it = iter_of(this(&args)?)?;
    let d = deque_of(&it.deque)?;
    if d.state.get() != it.state {
        return Err(PyErr::runtime_error("deque mutated during iteration"));
    }
    let i = it.index.get();
    let len = d.len();
    if i >= len {
        return Err(PyErr::stop_iteration());
    }
    it.index.set(i + 1);
    let k = if it.reverse { len - 1 - i } else { i };
    d.get(k).ok_or_else(PyErr::stop_iteration)
}

fn iter_length_hint(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    let it = iter_of(this(&args)?)?;
    let d = deque_of(&it.deque)?;
    Ok(Value::Int(d.len().saturating_sub(it.index.get()) as i64))
}

fn item_index(vm: &mut Vm, d: &Deque, v: &Value) -> PyResult<usize> {
    let i = match v {
        Value::Int(i) => *i,
        Value::Bool(b) => *b as i64,
        _ => match vm.index_value(v)? {
            Some(Value::Int(i)) => i,
            Some(_) => return Err(PyErr::index_error("deque index out of range")),
            None => return Err(PyErr::type_error(format!("sequence index must be integer, not '{}'", vm.type_name(v)))),
        },
    };
    let len = d.len() as i64;
    let k = if i < 0 { i + len } else { i };
    if k < 0 || k >= len {
        return Err(PyErr::index_error("deque index out of range"));
    }
    Ok(k as usize)
}

fn getitem(vm: &mut Vm, args: Args) -> PyResult<Value> {
    if args.len() != 2 {
        return Err(PyErr::type_error(format!("expected 1 argument, got {}", args.len().saturating_sub(1))));
    }
    let d = deque_of(this(&args)?)?;
    let i = item_index(vm, d, &args.pos[1])?;
    d.get(i).ok_or_else(|| PyErr::index_error("deque index out of range"))
}

fn setitem(vm: &mut Vm, args: Args) -> PyResult<Value> {
    if args.len() != 3 {
        return Err(PyErr::type_error(format!("expected 2 arguments, got {}", args.len().saturating_sub(1))));
    }
    let d = deque_of(this(&args)?)?;
    let i = item_index(vm, d, &args.pos[1])?;
    let old = std::mem::replace(&mut d.items.borrow_mut()[i], args.pos[2].clone());
    drop(old);
    Ok(Value::None)
}

fn delitem(vm: &mut Vm, args: Args) -> PyResult<Value> {
    if args.len() != 2 {
        return Err(PyErr::type_error(format!("expected 1 argument, got {}", args.len().saturating_sub(1))));
    }
    let d = deque_of(this(&args)?)?;
    let i = item_index(vm, d, &args.pos[1])?;
    let old = d.items.borrow_mut().remove(i);
    d.bump();
    drop(old);
    Ok(Value::None)
}

fn contains(vm: &mut Vm, args: Args) -> PyResult<Value> {
    if args.len() != 2 {
        return Err(PyErr::type_error(format!("expected 1 argument, got {}", args.len().saturating_sub(1))));
    }
    let d = deque_of(this(&args)?)?;
    let state = d.state.get();
    let len = d.len();
    for i in 0..len {
        let Some(item) = d.get(i) else { break };
        if vm.eq(&item, &args.pos[1])? {
            return Ok(Value::Bool(true));
        }
        if d.state.get() != state {
            return Err(PyErr::runtime_error("deque mutated during iteration"));
        }
    }
    Ok(Value::Bool(false))
}

fn addr(v: &Value) -> usize {
    v.heap_header().map_or(0, |h| h.as_ptr() as usize)
}

fn repr(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let this = this(&args)?;
    let d = deque_of(this)?;
    let name = vm.short_type_name(this);
    let a = addr(this);
    if vm.repr_stack.contains(&a) {
        return Ok(Value::str("[...]"));
    }
    vm.repr_stack.push(a);
    let items = d.snapshot();
    let mut parts = Vec::with_capacity(items.len());
    let mut err = None;
    for v in &items {
        match vm.repr_str_of(v) {
            Ok(s) => parts.push(s),
            Err(e) => {
                err = Some(e);
                break;
            }
        }
    }
    vm.repr_stack.pop();
    if let Some(e) = err {
        return Err(e);
    }
    Ok(Value::string(match d.maxlen.get() {
        Some(m) => format!("{}([{}], maxlen={})", name, parts.join(", "), m),
        None => format!("{}([{}])", name, parts.join(", ")),
    }))
}

fn compare(vm: &mut Vm, args: Args, op: CmpOp) -> PyResult<Value> {
    if args.len() != 2 {
        return Err(PyErr::type_error("expected 1 argument"));
    }
    if !is_deque(&args.pos[1]) {
        return Ok(Value::NotImplemented);
    }
    let a = deque_of(&args.pos[0])?.snapshot();
    let b = deque_of(&args.pos[1])?.snapshot();
    if matches!(op, CmpOp::Eq | CmpOp::Ne) && a.len() != b.len() {
        return Ok(Value::Bool(op == CmpOp::Ne));
    }
    for (x, y) in a.iter().zip(b.iter()) {
        if !vm.eq(x, y)? {
            return match op {
                CmpOp::Eq => Ok(Value::Bool(false)),
                CmpOp::Ne => Ok(Value::Bool(true)),
                _ => vm.compare(op, x, y),
            };
        }
    }
    let (la, lb) = (a.len(), b.len());
    Ok(Value::Bool(match op {
        CmpOp::Eq => la == lb,
        CmpOp::Ne => la != lb,
        CmpOp::Lt => la < lb,
        CmpOp::Le => la <= lb,
        CmpOp::Gt => la > lb,
        _ => la >= lb,
    }))
}

fn eq(vm: &mut Vm, args: Args) -> PyResult<Value> {
    compare(vm, args, CmpOp::Eq)
}
fn ne(vm: &mut Vm, args: Args) -> PyResult<Value> {
    compare(vm, args, CmpOp::Ne)
}
fn lt(vm: &mut Vm, args: Args) -> PyResult<Value> {
    compare(vm, args, CmpOp::Lt)
}
fn le(vm: &mut Vm, args: Args) -> PyResult<Value> {
    compare(vm, args, CmpOp::Le)
}
fn gt(vm: &mut Vm, args: Args) -> PyResult<Value> {
    compare(vm, args, CmpOp::Gt)
}
fn ge(vm: &mut Vm, args: Args) -> PyResult<Value> {
    compare(vm, args, CmpOp::Ge)
}

fn add(vm: &mut Vm, args: Args) -> PyResult<Value> {
    arg::one_arg(&args, "deque.__add__")?;
    if !is_deque(&args.pos[1]) {
        return Err(PyErr::type_error(format!("can only concatenate deque (not \"{}\") to deque", vm.type_name(&args.pos[1]))));
    }
    let new = copy(vm, Args::new(&args.pos[..1]))?;
    extend_with(vm, &new, &args.pos[1])?;
    Ok(new)
}

fn iadd(vm: &mut Vm, args: Args) -> PyResult<Value> {
    arg::one_arg(&args, "deque.__iadd__")?;
    extend_with(vm, this(&args)?, &args.pos[1])?;
    Ok(this(&args)?.clone())
}

fn repeat_into(vm: &mut Vm, d: &Deque, n: &Value) -> PyResult<()> {
    let n = arg::int(vm, n)?;
    let items = d.snapshot();
    if n <= 0 || items.is_empty() {
        d.replace(VecDeque::new());
        return Ok(());
    }
    let total = (items.len() as i64).saturating_mul(n);
    if total > (isize::MAX as i64) / 16 {
        return Err(PyErr::new(crate::vm::ExcKind::MemoryError, ""));
    }
    let keep = d.maxlen.get().map_or(total as usize, |m| m.min(total as usize));
    let mut out: VecDeque<Value> = VecDeque::with_capacity(keep);
    // Only the last `keep` items survive a bounded deque.
    let skip = total as usize - keep;
    for k in skip..total as usize {
        out.push_back(items[k % items.len()].clone());
    }
    d.replace(out);
    Ok(())
}

fn mul(vm: &mut Vm, args: Args) -> PyResult<Value> {
    arg::one_arg(&args, "deque.__mul__")?;
    if vm.index_value(&args.pos[1])?.is_none() {
        return Ok(Value::NotImplemented);
    }
    let new = copy(vm, Args::new(&args.pos[..1]))?;
    repeat_into(vm, deque_of(&new)?, &args.pos[1])?;
    Ok(new)
}

fn imul(vm: &mut Vm, args: Args) -> PyResult<Value> {
    arg::one_arg(&args, "deque.__imul__")?;
    if vm.index_value(&args.pos[1])?.is_none() {
        return Ok(Value::NotImplemented);
    }
    repeat_into(vm, deque_of(this(&args)?)?, &args.pos[1])?;
    Ok(this(&args)?.clone())
}

fn reduce(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let this = this(&args)?;
    let d = deque_of(this)?;
    let Value::Native(n) = this else { unreachable!() };
    let ml = match d.maxlen.get() {
        Some(m) => Value::Int(m as i64),
        None => Value::None,
    };
    let _ = vm;
    Ok(Value::tuple(vec![Value::Class(n.class.clone()), Value::tuple(vec![Value::list(d.snapshot()), ml])]))
}

/// `_count_elements(mapping, iterable)`: `Counter.update`'s loop. A dict
/// (or a dict subclass that keeps dict's `get` and `__setitem__`, like
/// `Counter`) is updated directly; other mappings through their methods.
fn count_elements(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check("_count_elements", 2, 2)?;
    let mapping = &args.pos[0];
    let direct = match mapping {
        Value::Dict(d) => Some(d.clone()),
        Value::Instance(inst) => match inst.base_value.get() {
            Value::Dict(d) => {
                let cls = inst.class();
                let plain = |name: &str| cls.lookup(name).is_none_or(|f| matches!(f, Value::Builtin(_)));
                if plain("get") && plain("__setitem__") {
                    Some(d)
                } else {
                    None
                }
            }
            _ => None,
        },
        _ => None,
    };
    let it = vm.get_iter(&args.pos[1])?;
    let one = Value::Int(1);
    while let Some(elem) = vm.next(&it)? {
        match &direct {
            Some(d) => {
                let cur = vm.dict_get(d, &elem)?;
                let new = match cur {
                    Some(Value::Int(n)) if n < i64::MAX => Value::Int(n + 1),
                    Some(v) => vm.binary_op(crate::bytecode::BinOp::Add, &v, &one)?,
                    None => Value::Int(1),
                };
                vm.dict_set(d, elem, new)?;
            }
            None => {
                let get = vm.get_attr(mapping, "get")?;
                let cur = vm.call_function(&get, &[elem.clone(), Value::Int(0)])?;
                let new = vm.binary_op(crate::bytecode::BinOp::Add, &cur, &one)?;
                vm.set_item(mapping, &elem, new)?;
            }
        }
    }
    Ok(Value::None)
}

pub fn make(vm: &mut Vm) -> Value {
    let m = new_module(vm, "_collections", &[("_count_elements", count_elements)]);
    let c = deque_class(vm);
    super::set(&m, "deque", Value::Class(c));
    let it = iter_class(vm, false);
    super::set(&m, "_deque_iterator", Value::Class(it));
    let rit = iter_class(vm, true);
    super::set(&m, "_deque_reverse_iterator", Value::Class(rit));
    m
}
