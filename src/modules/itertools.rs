//! `_itertools`: the iterator building blocks of `itertools` in Rust
//! (`lib/itertools.py` re-exports them and adds `groupby` and `tee`).
//! Behaviour and errors follow CPython's `Modules/itertoolsmodule.c`.

use std::any::Any;
use std::cell::{Cell, RefCell};

use super::new_module;
use crate::builtins::arg;
use crate::objects::*;
use crate::vm::{Args, PyErr, PyResult, Vm};

/// The receiver of a method call (a TypeError when called without one).
fn this<'a>(args: &Args<'a>) -> PyResult<&'a Value> {
    args.pos.first().ok_or_else(|| PyErr::type_error("descriptor needs an argument"))
}

enum State {
    Count { next: Value, step: Value },
    Cycle { it: Option<Value>, saved: Vec<Value>, index: usize },
    Repeat { obj: Value, times: Option<i64> },
    Accumulate { it: Value, func: Value, total: Option<Value>, initial: Option<Value> },
    Chain { source: Option<Value>, active: Option<Value> },
    Compress { data: Value, selectors: Value },
    DropWhile { pred: Value, it: Value, dropping: bool },
    TakeWhile { pred: Value, it: Value, stopped: bool },
    FilterFalse { func: Value, it: Value },
    ISlice { it: Option<Value>, next: usize, stop: Option<usize>, step: usize, count: usize },
    Pairwise { it: Option<Value>, old: Option<Value> },
    StarMap { func: Value, it: Value },
    ZipLongest { its: Vec<Option<Value>>, active: usize, fill: Value },
    Product { pools: Vec<Vec<Value>>, indices: Option<Vec<usize>>, done: bool },
    Permutations { pool: Vec<Value>, r: usize, indices: Vec<usize>, cycles: Vec<usize>, first: bool, done: bool },
    Combinations { pool: Vec<Value>, r: usize, indices: Vec<usize>, first: bool, done: bool },
    CombinationsWr { pool: Vec<Value>, r: usize, indices: Vec<usize>, first: bool, done: bool },
}

struct ItObj {
    state: RefCell<State>,
    /// Set while `__next__` runs (re-entrant calls raise ValueError, as CPython's `tee`/`groupby`).
    running: Cell<bool>,
}

impl NativeState for ItObj {
    fn trace(&self, visit: &mut dyn FnMut(&Value)) {
        let Ok(s) = self.state.try_borrow() else { return };
        let mut v = |x: &Value| visit(x);
        match &*s {
            State::Count { next, step } => {
                v(next);
                v(step);
            }
            State::Cycle { it, saved, .. } => {
                it.iter().for_each(&mut v);
                saved.iter().for_each(&mut v);
            }
            State::Repeat { obj, .. } => v(obj),
            State::Accumulate { it, func, total, initial } => {
                v(it);
                v(func);
                total.iter().for_each(&mut v);
                initial.iter().for_each(&mut v);
            }
            State::Chain { source, active } => {
                source.iter().for_each(&mut v);
                active.iter().for_each(&mut v);
            }
            State::Compress { data, selectors } => {
                v(data);
                v(selectors);
            }
            State::DropWhile { pred, it, .. } | State::TakeWhile { pred, it, .. } => {
                v(pred);
                v(it);
            }
            State::FilterFalse { func, it } | State::StarMap { func, it } => {
                v(func);
                v(it);
            }
            State::ISlice { it, .. } => it.iter().for_each(&mut v),
            State::Pairwise { it, old } => {
                it.iter().for_each(&mut v);
                old.iter().for_each(&mut v);
            }
            State::ZipLongest { its, fill, .. } => {
                its.iter().flatten().for_each(&mut v);
                v(fill);
            }
            State::Product { pools, .. } => pools.iter().flatten().for_each(&mut v),
            State::Permutations { pool, .. } | State::Combinations { pool, .. } | State::CombinationsWr { pool, .. } => {
                pool.iter().for_each(&mut v)
            }
        }
    }
    fn clear(&self) {
        if let Ok(mut s) = self.state.try_borrow_mut() {
            let old = std::mem::replace(&mut *s, State::Repeat { obj: Value::None, times: Some(0) });
            drop(s);
            drop(old);
        }
    }
    fn as_any(&self) -> &dyn Any {
        self
    }
}

const CLASSES: &[&str] = &[
    "count",
    "cycle",
    "repeat",
    "accumulate",
    "chain",
    "compress",
    "dropwhile",
    "takewhile",
    "filterfalse",
    "islice",
    "pairwise",
    "starmap",
    "zip_longest",
    "product",
    "permutations",
    "combinations",
    "combinations_with_replacement",
];

fn class(vm: &mut Vm, name: &'static str) -> PyRef<ClassObj> {
    let key: &'static str = match name {
        "count" => "itertools.count",
        "cycle" => "itertools.cycle",
        "repeat" => "itertools.repeat",
        "accumulate" => "itertools.accumulate",
        "chain" => "itertools.chain",
        "compress" => "itertools.compress",
        "dropwhile" => "itertools.dropwhile",
        "takewhile" => "itertools.takewhile",
        "filterfalse" => "itertools.filterfalse",
        "islice" => "itertools.islice",
        "pairwise" => "itertools.pairwise",
        "starmap" => "itertools.starmap",
        "zip_longest" => "itertools.zip_longest",
        "product" => "itertools.product",
        "permutations" => "itertools.permutations",
        "combinations" => "itertools.combinations",
        _ => "itertools.combinations_with_replacement",
    };
    if let Some(c) = vm.lazy_classes.get(key) {
        return c.clone();
    }
    let ns = DictObj::new();
    ns.set_str("__module__", Value::str("itertools"));
    let meta = vm.types.type_.clone();
    let obj = vm.types.object.clone();
    let c = vm.make_class(&meta, name, vec![obj], &ns).expect("itertools class");
    c.flags.set(c.flags.get() | class_flags::NO_DICT);
    vm.add_method(&c, "__iter__", iter_self);
    vm.add_method(&c, "__next__", next);
    vm.add_method(&c, "__new__", new);
    match name {
        "count" | "repeat" => vm.add_method(&c, "__repr__", repr),
        _ => {}
    }
    if name == "repeat" {
        vm.add_method(&c, "__length_hint__", length_hint);
    }
    if name == "chain" {
        let f = vm.builtin_fn("from_iterable", chain_from_iterable, "chain");
        let cm = vm.new_native(vm.types.classmethod.clone(), NativeData::ClassMethod(f));
        c.dict.set_str("from_iterable", cm);
    }
    c.ctor.set(Some(match name {
        "count" => ctor_count,
        "cycle" => ctor_cycle,
        "repeat" => ctor_repeat,
        "accumulate" => ctor_accumulate,
        "chain" => ctor_chain,
        "compress" => ctor_compress,
        "dropwhile" => ctor_dropwhile,
        "takewhile" => ctor_takewhile,
        "filterfalse" => ctor_filterfalse,
        "islice" => ctor_islice,
        "pairwise" => ctor_pairwise,
        "starmap" => ctor_starmap,
        "zip_longest" => ctor_zip_longest,
        "product" => ctor_product,
        "permutations" => ctor_permutations,
        "combinations" => ctor_combinations,
        _ => ctor_cwr,
    }));
    vm.lazy_classes.insert(key, c.clone());
    c
}

fn make(vm: &mut Vm, name: &'static str, state: State) -> Value {
    let c = class(vm, name);
    vm.new_native(c, NativeData::Other(Box::new(ItObj { state: RefCell::new(state), running: Cell::new(false) })))
}

fn it_of(v: &Value) -> PyResult<&ItObj> {
    if let Value::Native(n) = v {
        if let NativeData::Other(s) = &n.data {
            if let Some(i) = s.as_any().downcast_ref::<ItObj>() {
                return Ok(i);
            }
        }
    }
    Err(PyErr::type_error("expected an itertools iterator"))
}

/// `cls.__new__(cls, *args)`: the constructor of the class (`ctor`), with
/// the class of the result set to `cls` for subclasses.
fn new(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let Some(Value::Class(cls)) = args.get(0) else {
        return Err(PyErr::type_error("__new__(X): X is not a type object"));
    };
    let mut base = Some(cls.clone());
    while let Some(c) = base {
        if let Some(ctor) = c.ctor.get() {
            let v = ctor(vm, args.rest())?;
            if let Value::Native(n) = &v {
                if !PyRef::ptr_eq(&n.class, cls) {
                    if let NativeData::Other(_) = &n.data {
                        // Re-home the state in an object of the subclass.
                        let Ok(it) = it_of(&v) else { return Ok(v) };
                        let state = std::mem::replace(&mut *it.state.borrow_mut(), State::Repeat { obj: Value::None, times: Some(0) });
                        return Ok(vm.new_native(
                            cls.clone(),
                            NativeData::Other(Box::new(ItObj { state: RefCell::new(state), running: Cell::new(false) })),
                        ));
                    }
                }
            }
            return Ok(v);
        }
        base = c.bases.borrow().first().cloned();
    }
    Err(PyErr::type_error("cannot create itertools object"))
}

fn iter_self(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    Ok(this(&args)?.clone())
}

fn nonneg_index(vm: &mut Vm, v: &Value, what: &str) -> PyResult<usize> {
    let n = arg::int(vm, v)?;
    if n < 0 {
        return Err(PyErr::value_error(what.to_string()));
    }
    Ok(n as usize)
}

fn is_number(vm: &Vm, v: &Value) -> bool {
    matches!(v, Value::Int(_) | Value::BigInt(_) | Value::Float(_) | Value::Bool(_) | Value::Complex(_))
        || vm.lookup_special(v, "__add__").is_some() && !matches!(v, Value::Str(_) | Value::List(_) | Value::Tuple(_) | Value::Bytes(_))
}

fn ctor_count(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.allow_kwargs("count", &["start", "step"])?;
    args.check_pos("count", 0, 2)?;
    let start = args.arg(0, "start").cloned().unwrap_or(Value::Int(0));
    let step = args.arg(1, "step").cloned().unwrap_or(Value::Int(1));
    if !is_number(vm, &start) || !is_number(vm, &step) {
        return Err(PyErr::type_error("a number is required"));
    }
    Ok(make(vm, "count", State::Count { next: start, step }))
}

fn ctor_cycle(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check("cycle", 1, 1)?;
    let it = vm.get_iter(&args.pos[0])?;
    Ok(make(vm, "cycle", State::Cycle { it: Some(it), saved: Vec::new(), index: 0 }))
}

fn ctor_repeat(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.allow_kwargs("repeat", &["object", "times"])?;
    args.check_pos("repeat", 0, 2)?;
    let obj = args.arg(0, "object").cloned().ok_or_else(|| PyErr::type_error("repeat() missing required argument 'object' (pos 1)"))?;
    let times = match args.arg(1, "times") {
        Some(v) => Some(arg::int(vm, v)?.max(0)),
        None => None,
    };
    Ok(make(vm, "repeat", State::Repeat { obj, times }))
}

fn ctor_accumulate(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.allow_kwargs("accumulate", &["iterable", "func", "initial"])?;
    args.check_pos("accumulate", 0, 2)?;
    let src = args.arg(0, "iterable").ok_or_else(|| PyErr::type_error("accumulate() missing required argument 'iterable' (pos 1)"))?;
    let it = vm.get_iter(src)?;
    let func = args.arg(1, "func").cloned().unwrap_or(Value::None);
    let initial = args.kw("initial").filter(|v| !v.is_none()).cloned();
    Ok(make(vm, "accumulate", State::Accumulate { it, func, total: None, initial }))
}

fn ctor_chain(vm: &mut Vm, args: Args) -> PyResult<Value> {
    if args.has_kwargs() {
        return Err(PyErr::type_error("chain() takes no keyword arguments"));
    }
    let src = Value::tuple(args.pos.to_vec());
    let it = vm.get_iter(&src)?;
    Ok(make(vm, "chain", State::Chain { source: Some(it), active: None }))
}

fn chain_from_iterable(vm: &mut Vm, args: Args) -> PyResult<Value> {
    // Called as a classmethod: (cls, iterable).
    let (cls, src) = match args.len() {
        2 => (args.get(0).cloned(), &args.pos[1]),
        1 => (None, &args.pos[0]),
        _ => return Err(PyErr::type_error("from_iterable() takes exactly one argument")),
    };
    let it = vm.get_iter(src)?;
    let v = make(vm, "chain", State::Chain { source: Some(it), active: None });
    let _ = cls;
    Ok(v)
}

fn ctor_compress(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.allow_kwargs("compress", &["data", "selectors"])?;
    let d = args.arg(0, "data").ok_or_else(|| PyErr::type_error("compress() missing required argument 'data' (pos 1)"))?;
    let s = args.arg(1, "selectors").ok_or_else(|| PyErr::type_error("compress() missing required argument 'selectors' (pos 2)"))?;
    let data = vm.get_iter(d)?;
    let selectors = vm.get_iter(s)?;
    Ok(make(vm, "compress", State::Compress { data, selectors }))
}

fn ctor_dropwhile(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check("dropwhile", 2, 2)?;
    let it = vm.get_iter(&args.pos[1])?;
    Ok(make(vm, "dropwhile", State::DropWhile { pred: args.pos[0].clone(), it, dropping: true }))
}

fn ctor_takewhile(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check("takewhile", 2, 2)?;
    let it = vm.get_iter(&args.pos[1])?;
    Ok(make(vm, "takewhile", State::TakeWhile { pred: args.pos[0].clone(), it, stopped: false }))
}

fn ctor_filterfalse(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check("filterfalse", 2, 2)?;
    let it = vm.get_iter(&args.pos[1])?;
    Ok(make(vm, "filterfalse", State::FilterFalse { func: args.pos[0].clone(), it }))
}

/// An islice bound as CPython reads it (`PyNumber_AsSsize_t`): `Ok(None)`
/// for None, `Err` with `msg` when not an int or beyond sys.maxsize; a
/// negative value is returned for the caller's range check.
fn islice_index(vm: &mut Vm, v: &Value, msg: &str) -> PyResult<Option<i64>> {
    if v.is_none() {
        return Ok(None);
    }
    match vm.index_value(v)? {
        Some(Value::Int(n)) if n != -1 => Ok(Some(n)),
        // -1 is PyNumber_AsSsize_t's error value: the message is the same.
        Some(Value::BigInt(b)) if b.sign() == num_bigint::Sign::Minus => Ok(Some(-2)),
        _ => Err(PyErr::value_error(msg.to_string())),
    }
}

fn ctor_islice(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.no_kwargs("islice")?;
    let n = args.len();
    if n < 2 {
        return Err(PyErr::type_error(format!("islice expected at least 2 arguments, got {}", n)));
    }
    if n > 4 {
        return Err(PyErr::type_error(format!("islice expected at most 4 arguments, got {}", n)));
    }
    const IDX: &str = "Indices for islice() must be None or an integer: 0 <= x <= sys.maxsize.";
    const STOP: &str = "Stop argument for islice() must be None or an integer: 0 <= x <= sys.maxsize.";
    const STEP: &str = "Step for islice() must be a positive integer or None.";
    let stop = islice_index(vm, &args.pos[if n == 2 { 1 } else { 2 }], STOP)?;
    let start = if n >= 3 { islice_index(vm, &args.pos[1], IDX)?.unwrap_or(0) } else { 0 };
    if start < 0 || stop.is_some_and(|s| s < 0) {
        return Err(PyErr::value_error(IDX));
    }
    let step = if n == 4 {
        match islice_index(vm, &args.pos[3], STEP) {
            Ok(None) => 1,
            Ok(Some(s)) if s > 0 => s,
            _ => return Err(PyErr::value_error(STEP)),
        }
    } else {
        1
    };
    let (start, stop, step) = (start as usize, stop.map(|s| s as usize), step as usize);
    let it = vm.get_iter(&args.pos[0])?;
    Ok(make(vm, "islice", State::ISlice { it: Some(it), next: start, stop, step, count: 0 }))
}

fn ctor_pairwise(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check("pairwise", 1, 1)?;
    let it = vm.get_iter(&args.pos[0])?;
    Ok(make(vm, "pairwise", State::Pairwise { it: Some(it), old: None }))
}

fn ctor_starmap(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check("starmap", 2, 2)?;
    let it = vm.get_iter(&args.pos[1])?;
    Ok(make(vm, "starmap", State::StarMap { func: args.pos[0].clone(), it }))
}

fn ctor_zip_longest(vm: &mut Vm, args: Args) -> PyResult<Value> {
    // CPython 3.11 words this one without the name.
    if args.kwnames.iter().any(|k| k.as_str() != Some("fillvalue")) {
        return Err(PyErr::type_error("zip_longest() got an unexpected keyword argument"));
    }
    let fill = args.kw("fillvalue").cloned().unwrap_or(Value::None);
    let mut its = Vec::with_capacity(args.len());
    for a in args.pos {
        its.push(Some(vm.get_iter(a)?));
    }
    let active = its.len();
    Ok(make(vm, "zip_longest", State::ZipLongest { its, active, fill }))
}

fn ctor_product(vm: &mut Vm, args: Args) -> PyResult<Value> {
    for k in args.kwnames {
        if !matches!(k, Value::Str(s) if s.as_str() == "repeat") {
            let name = vm.str_of(k)?;
            return Err(PyErr::type_error(format!("'{}' is an invalid keyword argument for product()", name)));
        }
    }
    let repeat = match args.kw("repeat") {
        Some(v) => {
            let r = arg::int(vm, v)?;
            if r < 0 {
                return Err(PyErr::value_error("repeat argument cannot be negative"));
            }
            r as usize
        }
        None => 1,
    };
    let mut base = Vec::with_capacity(args.len());
    for a in args.pos {
        base.push(vm.collect_iterable(a)?);
    }
    let mut pools = Vec::with_capacity(base.len() * repeat);
    for _ in 0..repeat {
        for p in &base {
            pools.push(p.clone());
        }
    }
    Ok(make(vm, "product", State::Product { pools, indices: None, done: false }))
}

fn ctor_permutations(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.allow_kwargs("permutations", &["iterable", "r"])?;
    let src = args.arg(0, "iterable").ok_or_else(|| PyErr::type_error("permutations() missing required argument 'iterable' (pos 1)"))?;
    let pool = vm.collect_iterable(src)?;
    let n = pool.len();
    let r = match args.arg(1, "r") {
        Some(v) if !v.is_none() => nonneg_index(vm, v, "r must be non-negative")?,
        _ => n,
    };
    let indices: Vec<usize> = (0..n).collect();
    let cycles: Vec<usize> = if r <= n { (n - r + 1..=n).rev().collect() } else { Vec::new() };
    Ok(make(vm, "permutations", State::Permutations { pool, r, indices, cycles, first: true, done: r > n }))
}

fn ctor_combinations(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.allow_kwargs("combinations", &["iterable", "r"])?;
    let src = args.arg(0, "iterable").ok_or_else(|| PyErr::type_error("combinations() missing required argument 'iterable' (pos 1)"))?;
    let rv = args.arg(1, "r").ok_or_else(|| PyErr::type_error("combinations() missing required argument 'r' (pos 2)"))?;
    let pool = vm.collect_iterable(src)?;
    let r = nonneg_index(vm, rv, "r must be non-negative")?;
    let done = r > pool.len();
    Ok(make(vm, "combinations", State::Combinations { pool, r, indices: (0..r).collect(), first: true, done }))
}

fn ctor_cwr(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.allow_kwargs("combinations_with_replacement", &["iterable", "r"])?;
    let src = args
        .arg(0, "iterable")
        .ok_or_else(|| PyErr::type_error("combinations_with_replacement() missing required argument 'iterable' (pos 1)"))?;
    let rv = args.arg(1, "r").ok_or_else(|| PyErr::type_error("combinations_with_replacement() missing required argument 'r' (pos 2)"))?;
    let pool = vm.collect_iterable(src)?;
    let r = nonneg_index(vm, rv, "r must be non-negative")?;
    let done = pool.is_empty() && r > 0;
    Ok(make(vm, "combinations_with_replacement", State::CombinationsWr { pool, r, indices: vec![0; r], first: true, done }))
}

fn stop() -> PyErr {
    PyErr::stop_iteration()
}

/// Advances an inner iterator (None when exhausted).
fn step(vm: &mut Vm, it: &Value) -> PyResult<Option<Value>> {
    vm.next(it)
}

fn next(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let this = this(&args)?;
    let obj = it_of(this)?;
    if obj.running.replace(true) {
        return Err(PyErr::value_error("generator already executing"));
    }
    let r = next_inner(vm, obj);
    obj.running.set(false);
    match r? {
        Some(v) => Ok(v),
        None => Err(stop()),
    }
}

fn tuple_of(pool: &[Value], idx: &[usize]) -> Value {
    Value::tuple(idx.iter().map(|&i| pool[i].clone()).collect())
}

fn next_inner(vm: &mut Vm, obj: &ItObj) -> PyResult<Option<Value>> {
    // Copy out what the step needs so no borrow is held while Python code runs.
    enum Plan {
        Done(Option<Value>),
        Count(Value, Value),
        CycleFetch(Value),
        Accumulate(Value, Value, Option<Value>),
        ChainFetch,
        Compress(Value, Value),
        DropWhile(Value, Value, bool),
        TakeWhile(Value, Value),
        FilterFalse(Value, Value),
        ISlice,
        Pairwise(Value, Option<Value>),
        StarMap(Value, Value),
        ZipLongest,
    }
    let plan = {
        let mut s = obj.state.borrow_mut();
        match &mut *s {
            State::Count { next, step } => Plan::Count(next.clone(), step.clone()),
            State::Cycle { it, saved, index } => match it {
                Some(i) => Plan::CycleFetch(i.clone()),
                None => {
                    if saved.is_empty() {
                        Plan::Done(None)
                    } else {
                        let v = saved[*index].clone();
                        *index = (*index + 1) % saved.len();
                        Plan::Done(Some(v))
                    }
                }
            },
            State::Repeat { obj, times } => match times {
                None => Plan::Done(Some(obj.clone())),
                Some(0) => Plan::Done(None),
                Some(t) => {
                    *t -= 1;
                    Plan::Done(Some(obj.clone()))
                }
            },
            State::Accumulate { it, func, total, initial } => {
                if let Some(init) = initial.take() {
                    *total = Some(init.clone());
                    Plan::Done(Some(init))
                } else {
                    Plan::Accumulate(it.clone(), func.clone(), total.clone())
                }
            }
            State::Chain { .. } => Plan::ChainFetch,
            State::Compress { data, selectors } => Plan::Compress(data.clone(), selectors.clone()),
            State::DropWhile { pred, it, dropping } => Plan::DropWhile(pred.clone(), it.clone(), *dropping),
            State::TakeWhile { pred, it, stopped } => {
                if *stopped {
                    Plan::Done(None)
                } else {
                    Plan::TakeWhile(pred.clone(), it.clone())
                }
            }
            State::FilterFalse { func, it } => Plan::FilterFalse(func.clone(), it.clone()),
            State::ISlice { .. } => Plan::ISlice,
            State::Pairwise { it, old } => match it {
                None => Plan::Done(None),
                Some(i) => Plan::Pairwise(i.clone(), old.clone()),
            },
            State::StarMap { func, it } => Plan::StarMap(func.clone(), it.clone()),
            State::ZipLongest { .. } => Plan::ZipLongest,
            State::Product { pools, indices, done } => {
                if *done {
                    return Ok(None);
                }
                match indices {
                    None => {
                        if pools.iter().any(|p| p.is_empty()) {
                            *done = true;
                            return Ok(None);
                        }
                        *indices = Some(vec![0; pools.len()]);
                        return Ok(Some(Value::tuple(pools.iter().map(|p| p[0].clone()).collect())));
                    }
                    Some(idx) => {
                        let mut i = pools.len();
                        loop {
                            if i == 0 {
                                *done = true;
                                return Ok(None);
                            }
                            i -= 1;
                            idx[i] += 1;
                            if idx[i] < pools[i].len() {
                                break;
                            }
                            idx[i] = 0;
                        }
                        return Ok(Some(Value::tuple(idx.iter().enumerate().map(|(k, &j)| pools[k][j].clone()).collect())));
                    }
                }
            }
            State::Permutations { pool, r, indices, cycles, first, done } => {
                if *done {
                    return Ok(None);
                }
                let n = pool.len();
                let r = *r;
                if *first {
                    *first = false;
                    return Ok(Some(tuple_of(pool, &indices[..r])));
                }
                if n == 0 {
                    *done = true;
                    return Ok(None);
                }
                let mut i = r;
                while i > 0 {
                    i -= 1;
                    cycles[i] -= 1;
                    if cycles[i] == 0 {
                        let moved = indices.remove(i);
                        indices.push(moved);
                        cycles[i] = n - i;
                    } else {
                        let j = cycles[i];
                        indices.swap(i, n - j);
                        return Ok(Some(tuple_of(pool, &indices[..r])));
                    }
                }
                *done = true;
                return Ok(None);
            }
            State::Combinations { pool, r, indices, first, done } => {
                if *done {
                    return Ok(None);
                }
                let r = *r;
                if *first {
                    *first = false;
                    return Ok(Some(tuple_of(pool, indices)));
                }
                let n = pool.len();
                let mut i = r;
                loop {
                    if i == 0 {
                        *done = true;
                        return Ok(None);
                    }
                    i -= 1;
                    if indices[i] != i + n - r {
                        break;
                    }
                }
                indices[i] += 1;
                for j in i + 1..r {
                    indices[j] = indices[j - 1] + 1;
                }
                return Ok(Some(tuple_of(pool, indices)));
            }
            State::CombinationsWr { pool, r, indices, first, done } => {
                if *done {
                    return Ok(None);
                }
                let r = *r;
                if *first {
                    *first = false;
                    return Ok(Some(tuple_of(pool, indices)));
                }
                let n = pool.len();
                let mut i = r;
                loop {
                    if i == 0 {
                        *done = true;
                        return Ok(None);
                    }
                    i -= 1;
                    if indices[i] != n - 1 {
                        break;
                    }
                }
                let v = indices[i] + 1;
                for j in indices.iter_mut().skip(i) {
                    *j = v;
                }
                return Ok(Some(tuple_of(pool, indices)));
            }
        }
    };
    match plan {
        Plan::Done(v) => Ok(v),
        Plan::Count(cur, stepv) => {
            let nxt = match (&cur, &stepv) {
                (Value::Int(a), Value::Int(b)) if a.checked_add(*b).is_some() => Value::Int(a + b),
                _ => vm.binary_op(crate::bytecode::BinOp::Add, &cur, &stepv)?,
            };
            if let State::Count { next, .. } = &mut *obj.state.borrow_mut() {
                *next = nxt;
            }
            Ok(Some(cur))
        }
        Plan::CycleFetch(it) => match step(vm, &it)? {
            Some(v) => {
                if let State::Cycle { saved, .. } = &mut *obj.state.borrow_mut() {
                    saved.push(v.clone());
                }
                Ok(Some(v))
            }
            None => {
                let mut s = obj.state.borrow_mut();
                if let State::Cycle { it, saved, index } = &mut *s {
                    *it = None;
                    if saved.is_empty() {
                        return Ok(None);
                    }
                    let v = saved[0].clone();
                    *index = 1 % saved.len();
                    return Ok(Some(v));
                }
                Ok(None)
            }
        },
        Plan::Accumulate(it, func, total) => {
            let Some(v) = step(vm, &it)? else { return Ok(None) };
            let newtotal = match total {
                None => v,
                Some(t) => {
                    if func.is_none() {
                        vm.binary_op(crate::bytecode::BinOp::Add, &t, &v)?
                    } else {
                        vm.call_function(&func, &[t, v])?
                    }
                }
            };
            if let State::Accumulate { total, .. } = &mut *obj.state.borrow_mut() {
                *total = Some(newtotal.clone());
            }
            Ok(Some(newtotal))
        }
        Plan::ChainFetch => loop {
            let (source, active) = match &*obj.state.borrow() {
                State::Chain { source, active } => (source.clone(), active.clone()),
                _ => return Ok(None),
            };
            if let Some(a) = active {
                if let Some(v) = step(vm, &a)? {
                    return Ok(Some(v));
                }
                if let State::Chain { active, .. } = &mut *obj.state.borrow_mut() {
                    *active = None;
                }
                continue;
            }
            let Some(src) = source else { return Ok(None) };
            match step(vm, &src)? {
                Some(next_iterable) => {
                    let it = vm.get_iter(&next_iterable)?;
                    if let State::Chain { active, .. } = &mut *obj.state.borrow_mut() {
                        *active = Some(it);
                    }
                }
                None => {
                    if let State::Chain { source, .. } = &mut *obj.state.borrow_mut() {
                        *source = None;
                    }
                    return Ok(None);
                }
            }
        },
        Plan::Compress(data, selectors) => loop {
            let Some(d) = step(vm, &data)? else { return Ok(None) };
            let Some(s) = step(vm, &selectors)? else { return Ok(None) };
            if vm.truthy(&s)? {
                return Ok(Some(d));
            }
        },
        Plan::DropWhile(pred, it, dropping) => {
            if !dropping {
                return step(vm, &it);
            }
            loop {
                let Some(v) = step(vm, &it)? else { return Ok(None) };
                let keep_dropping = {
                    let r = vm.call_function(&pred, std::slice::from_ref(&v))?;
                    vm.truthy(&r)?
                };
                if !keep_dropping {
                    if let State::DropWhile { dropping, .. } = &mut *obj.state.borrow_mut() {
                        *dropping = false;
                    }
                    return Ok(Some(v));
                }
            }
        }
        Plan::TakeWhile(pred, it) => {
            let Some(v) = step(vm, &it)? else { return Ok(None) };
            let r = vm.call_function(&pred, std::slice::from_ref(&v))?;
            if vm.truthy(&r)? {
                return Ok(Some(v));
            }
            if let State::TakeWhile { stopped, .. } = &mut *obj.state.borrow_mut() {
                *stopped = true;
            }
            Ok(None)
        }
        Plan::FilterFalse(func, it) => loop {
            let Some(v) = step(vm, &it)? else { return Ok(None) };
            let t = if func.is_none() {
                vm.truthy(&v)?
            } else {
                let r = vm.call_function(&func, std::slice::from_ref(&v))?;
                vm.truthy(&r)?
            };
            if !t {
                return Ok(Some(v));
            }
        },
        Plan::ISlice => loop {
            let (it, next, stop, count) = match &*obj.state.borrow() {
                State::ISlice { it, next, stop, count, .. } => (it.clone(), *next, *stop, *count),
                _ => return Ok(None),
            };
            let Some(it) = it else { return Ok(None) };
            let finish = |obj: &ItObj| {
                if let State::ISlice { it, .. } = &mut *obj.state.borrow_mut() {
                    *it = None;
                }
            };
            if let Some(s) = stop {
                if count >= s && count >= next {
                    finish(obj);
                    return Ok(None);
                }
            }
            let Some(v) = step(vm, &it)? else {
                finish(obj);
                return Ok(None);
            };
            let mut s = obj.state.borrow_mut();
            let State::ISlice { next, stop, step, count, it: itref } = &mut *s else { return Ok(None) };
            *count += 1;
            if *count - 1 < *next {
                continue;
            }
            if let Some(st) = *stop {
                if *count > st {
                    *itref = None;
                    return Ok(None);
                }
            }
            let old = *next;
            *next = next.saturating_add(*step);
            if let Some(st) = *stop {
                if *next > st || *next < old {
                    *next = st;
                }
            }
            return Ok(Some(v));
        },
        Plan::Pairwise(it, old) => {
            let old = match old {
                Some(o) => o,
                None => match step(vm, &it)? {
                    Some(o) => o,
                    None => {
                        if let State::Pairwise { it, .. } = &mut *obj.state.borrow_mut() {
                            *it = None;
                        }
                        return Ok(None);
                    }
                },
            };
            match step(vm, &it)? {
                Some(new) => {
                    if let State::Pairwise { old: o, .. } = &mut *obj.state.borrow_mut() {
                        *o = Some(new.clone());
                    }
                    Ok(Some(Value::tuple(vec![old, new])))
                }
                None => {
                    if let State::Pairwise { it, old: o } = &mut *obj.state.borrow_mut() {
                        *it = None;
                        *o = None;
                    }
                    Ok(None)
                }
            }
        }
        Plan::StarMap(func, it) => {
            let Some(v) = step(vm, &it)? else { return Ok(None) };
            let a = match &v {
                Value::Tuple(t) => t.as_slice().to_vec(),
                other => vm.collect_iterable(other)?,
            };
            vm.call_function(&func, &a).map(Some)
        }
        Plan::ZipLongest => {
            let (its, fill, active) = match &*obj.state.borrow() {
                State::ZipLongest { its, fill, active } => (its.clone(), fill.clone(), *active),
                _ => return Ok(None),
            };
            if its.is_empty() || active == 0 {
                return Ok(None);
            }
            let mut out = Vec::with_capacity(its.len());
            let mut active = active;
            for (k, it) in its.iter().enumerate() {
                match it {
                    None => out.push(fill.clone()),
                    Some(i) => match step(vm, i)? {
                        Some(v) => out.push(v),
                        None => {
                            active -= 1;
                            if active == 0 {
                                if let State::ZipLongest { active: a, .. } = &mut *obj.state.borrow_mut() {
                                    *a = 0;
                                }
                                return Ok(None);
                            }
                            if let State::ZipLongest { its, active: a, .. } = &mut *obj.state.borrow_mut() {
                                its[k] = None;
                                *a = active;
                            }
                            out.push(fill.clone());
                        }
                    },
                }
            }
            Ok(Some(Value::tuple(out)))
        }
    }
}

fn repr(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let obj = it_of(this(&args)?)?;
    let name = vm.short_type_name(this(&args)?);
    let (a, b, kind) = match &*obj.state.borrow() {
        State::Count { next, step } => (next.clone(), step.clone(), 0),
        State::Repeat { obj, times } => (obj.clone(), times.map(Value::Int).unwrap_or(Value::Undef), 1),
        _ => return Ok(Value::string(format!("<{} object>", name))),
    };
    let ra = vm.repr_str_of(&a)?;
    if kind == 0 {
        if matches!(b, Value::Int(1)) {
            return Ok(Value::string(format!("{}({})", name, ra)));
        }
        let rb = vm.repr_str_of(&b)?;
        return Ok(Value::string(format!("{}({}, {})", name, ra, rb)));
    }
    if b.is_undef() {
        Ok(Value::string(format!("{}({})", name, ra)))
    } else {
        let rb = vm.repr_str_of(&b)?;
        Ok(Value::string(format!("{}({}, {})", name, ra, rb)))
    }
}

fn length_hint(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    let obj = it_of(this(&args)?)?;
    match &*obj.state.borrow() {
        State::Repeat { times: Some(t), .. } => Ok(Value::Int(*t)),
        State::Repeat { times: None, .. } => Err(PyErr::type_error("len() of unsized object")),
        _ => Ok(Value::NotImplemented),
    }
}

pub fn make_module(vm: &mut Vm) -> Value {
    let m = new_module(vm, "_itertools", &[]);
    for name in CLASSES {
        let c = class(vm, name);
        super::set(&m, name, Value::Class(c));
    }
    m
}
