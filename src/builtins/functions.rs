//! Builtin functions (`print`, `len`, `sorted`, ...).

use std::cmp::Ordering;

use super::arg;
use crate::bytecode::{BinOp, CmpOp};
use crate::objects::*;
use crate::vm::{Args, ExcKind, PyErr, PyResult, Vm};

pub fn init(vm: &mut Vm) {
    let fns: &[(&'static str, BuiltinFn)] = &[
        ("print", print),
        ("len", len),
        ("abs", abs),
        ("min", min),
        ("max", max),
        ("sum", sum),
        ("repr", repr),
        ("ascii", ascii),
        ("isinstance", isinstance),
        ("issubclass", issubclass),
        ("hasattr", hasattr),
        ("getattr", getattr),
        ("setattr", setattr),
        ("delattr", delattr),
        ("iter", iter),
        ("next", next),
        ("sorted", sorted),
        ("any", any),
        ("all", all),
        ("divmod", divmod),
        ("pow", pow),
        ("round", round),
        ("chr", chr),
        ("ord", ord),
        ("hex", hex),
        ("oct", oct),
        ("bin", bin),
        ("hash", hash),
        ("id", id),
        ("callable", callable),
        ("format", format),
        ("vars", vars),
        ("dir", dir),
        ("input", input),
        ("open", crate::modules::io::open),
        ("exit", exit),
        ("quit", exit),
        ("globals", globals),
        ("locals", locals),
        ("__build_class__", build_class),
        ("__import__", import),
        ("compile", compile),
        ("exec", exec),
        ("eval", eval),
        ("aiter", aiter),
        ("anext", anext),
        ("breakpoint", breakpoint),
    ];
    for (name, f) in fns {
        let v = vm.builtin_function(name, *f, "builtins");
        vm.builtins.set_str(name, v);
    }
}

fn aiter(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check("aiter", 1, 1)?;
    vm.builtin_aiter(&args.pos[0])
}

fn anext(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check("anext", 1, 2)?;
    vm.builtin_anext(&args.pos[0], args.pos.get(1).cloned())
}

fn breakpoint(_vm: &mut Vm, _args: Args) -> PyResult<Value> {
    Ok(Value::None)
}

fn print(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.allow_kwargs("print", &["sep", "end", "file", "flush"])?;
    let sep = match args.kw("sep") {
        None | Some(Value::None) => " ".to_string(),
        Some(Value::Str(s)) => s.as_str().to_string(),
        Some(v) => return Err(PyErr::type_error(format!("sep must be None or a string, not {}", vm.type_name(v)))),
    };
    let end = match args.kw("end") {
        None | Some(Value::None) => "\n".to_string(),
        Some(Value::Str(s)) => s.as_str().to_string(),
        Some(v) => return Err(PyErr::type_error(format!("end must be None or a string, not {}", vm.type_name(v)))),
    };
    // Where the text goes: `file`, else `sys.stdout`; None for the real
    // stdout (written at once). A Python object's `write` gets each piece
    // (item, separator, end) as in CPython; a native file gets them joined.
    let target = match args.kw("file") {
        Some(f) if !f.is_none() => Some(f.clone()),
        _ => {
            let out = vm.sys_stream("stdout");
            if out.is_none() {
                // (CPython prints nothing when sys.stdout is None.)
                return Ok(Value::None);
            }
            if out.is(&vm.std_streams.0) && vm.stdout_plain {
                None
            } else {
                Some(out)
            }
        }
    };
    if let Some(t) = target.as_ref().filter(|t| matches!(t, Value::Instance(_))) {
        let t = t.clone();
        for (i, a) in args.pos.iter().enumerate() {
            if i > 0 {
                vm.call_method(&t, "write", &[Value::string(sep.clone())])?;
            }
            let piece = match a {
                Value::Str(_) => a.clone(),
                other => Value::string(vm.str_of(other)?),
            };
            vm.call_method(&t, "write", &[piece])?;
        }
        vm.call_method(&t, "write", &[Value::string(end)])?;
        if let Some(fl) = args.kw("flush") {
            if vm.truthy(fl)? {
                vm.call_method(&t, "flush", &[])?;
            }
        }
        return Ok(Value::None);
    }
    let mut out = String::new();
    for (i, a) in args.pos.iter().enumerate() {
        if i > 0 {
            out.push_str(&sep);
        }
        let start = out.len();
        let mut surrogates = false;
        match a {
            Value::Str(s) => {
                out.push_str(s.as_str());
                surrogates = s.has_surrogates();
            }
            Value::Int(n) => {
                use std::fmt::Write;
                let _ = write!(out, "{}", n);
            }
            other => {
                let s = match vm.str_of(other) {
                    Ok(s) => s,
                    Err(e) => {
                        // What came before is written, as CPython writes
                        // item by item.
                        if !out.is_empty() {
                            print_text(vm, target.as_ref(), out)?;
                        }
                        return Err(e);
                    }
                };
                surrogates = crate::objects::str::text_has_surrogates(&s);
                out.push_str(&s);
            }
        }
        // Text with lone surrogates cannot be written out as UTF-8.
        // (Through the real stdout's error handler: 'surrogateescape'
        // writes \udc80-\udcff as their bytes.)
        if surrogates && target.is_none() {
            let piece = out[start..].to_string();
            out.truncate(start);
            vm.write_stdout(&out)?;
            out.clear();
            let errors = crate::modules::io::text_errors(&vm.std_streams.0).unwrap_or_else(|| "strict".to_string());
            let bytes = super::codecs::encode(vm, &piece, true, "utf-8", &errors)?;
            vm.write_real_stdout(&bytes);
        }
    }
    out.push_str(&end);
    print_text(vm, target.as_ref(), out)?;
    if let Some(fl) = args.kw("flush") {
        if vm.truthy(fl)? {
            match &target {
                Some(f) => {
                    let f = f.clone();
                    vm.call_method(&f, "flush", &[])?;
                }
                None => vm.flush_stdout(),
            }
        }
    }
    Ok(Value::None)
}

/// Writes `print`'s text to the real stdout, or through `file.write`.
fn print_text(vm: &mut Vm, file: Option<&Value>, out: String) -> PyResult<()> {
    match file {
        None | Some(Value::None) => {
            vm.write_real_stdout(out.as_bytes());
            Ok(())
        }
        Some(f) => {
            let f = f.clone();
            vm.call_method(&f, "write", &[Value::string(out)]).map(|_| ())
        }
    }
}

fn len(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check("len", 1, 1)?;
    Ok(Value::Int(vm.len(&args.pos[0])? as i64))
}

fn abs(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check("abs", 1, 1)?;
    vm.abs(&args.pos[0])
}

fn minmax(vm: &mut Vm, args: Args, name: &str, op: CmpOp) -> PyResult<Value> {
    args.allow_kwargs(name, &["key", "default"])?;
    let key = args.kw("key").filter(|k| !k.is_none()).cloned();
    let default = args.kw("default").cloned();
    if let (1, None, Some(Value::List(l))) = (args.pos.len(), &key, args.pos.first()) {
        if let Some(v) = minmax_numbers(l, op) {
            return Ok(v);
        }
    }
    let items: Vec<Value> = match args.pos.len() {
        0 => return Err(PyErr::type_error(format!("{} expected at least 1 argument, got 0", name))),
        1 => vm.collect_iterable(&args.pos[0])?,
        _ => {
            if default.is_some() {
                return Err(PyErr::type_error(format!("Cannot specify a default for {}() with multiple positional arguments", name)));
            }
            args.pos.to_vec()
        }
    };
    if items.is_empty() {
        return match default {
            Some(d) => Ok(d),
            None => Err(PyErr::value_error(format!("{}() arg is an empty sequence", name))),
        };
    }
    let mut best = items[0].clone();
    let mut best_key = match &key {
        Some(k) => vm.call_function(k, &[best.clone()])?,
        None => best.clone(),
    };
    for item in items.into_iter().skip(1) {
        let k = match &key {
            Some(kf) => vm.call_function(kf, std::slice::from_ref(&item))?,
            None => item.clone(),
        };
        if vm.compare_bool(op, &k, &best_key)? {
            best = item;
            best_key = k;
        }
    }
    Ok(best)
}

/// `min`/`max` (`op` Lt/Gt) of a non-empty list of ints, floats or bools
/// (numeric storage), without a key: the item the general loop keeps (a
/// later item replaces the best only when `op` holds, so a NaN first
/// stays and later NaNs never win). None for other lists.
fn minmax_numbers(l: &list::ListObj, op: CmpOp) -> Option<Value> {
    fn pick<T: Copy + PartialOrd>(v: &[T], op: CmpOp) -> Option<T> {
        let (&first, rest) = v.split_first()?;
        Some(rest.iter().fold(first, |b, &x| if (op == CmpOp::Gt && x > b) || (op == CmpOp::Lt && x < b) { x } else { b }))
    }
    l.with_store(|s| match s {
        list::Store::Int(v) => pick(v, op).map(Value::Int),
        list::Store::Float(v) => pick(v, op).map(Value::Float),
        list::Store::Bool(v) => pick(v, op).map(Value::Bool),
        list::Store::Obj(_) => None,
    })
}

fn min(vm: &mut Vm, args: Args) -> PyResult<Value> {
    minmax(vm, args, "min", CmpOp::Lt)
}

fn max(vm: &mut Vm, args: Args) -> PyResult<Value> {
    minmax(vm, args, "max", CmpOp::Gt)
}

fn sum(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.allow_kwargs("sum", &["start"])?;
    args.check_pos("sum", 1, 2)?;
    let mut acc = args.arg(1, "start").cloned().unwrap_or(Value::Int(0));
    match &acc {
        Value::Str(_) => return Err(PyErr::type_error("sum() can't sum strings [use ''.join(seq) instead]")),
        Value::Bytes(_) => return Err(PyErr::type_error("sum() can't sum bytes [use b''.join(seq) instead]")),
        Value::ByteArray(_) => return Err(PyErr::type_error("sum() can't sum bytearray [use b''.join(seq) instead]")),
        _ => {}
    }
    let src = &args.pos[0];
    if let (Value::List(l), Value::Int(_) | Value::Float(_)) = (src, &acc) {
        if let Some(v) = sum_numbers(l, &acc) {
            return Ok(v);
        }
    }
    if let Value::Generator(g) = src {
        if g.kind == crate::vm::generator::GenKind::Generator {
            // Numbers added while the generator runs (`Vm::gen_sum`); each
            // other value added here, in the same order, as the loop below
            // would.
            while let Value::Int(_) | Value::Float(_) = acc {
                let (total, next) = vm.gen_sum(g, acc)?;
                match next {
                    None => return Ok(total),
                    Some(x) => acc = vm.binary_op(BinOp::Add, &total, &x)?,
                }
            }
        }
    }
    let it = vm.get_iter(src)?;
    // As CPython's sum: while the total is an int (a float) it is kept in
    // a machine word (a double) rather than in a `Value`, which also spares
    // rewriting the accumulator in memory every step.
    loop {
        match acc {
            Value::Int(mut a) => loop {
                let Some(x) = vm.next(&it)? else { return Ok(Value::Int(a)) };
                if let Value::Int(b) = x {
                    match a.checked_add(b) {
                        Some(s) => a = s,
                        None => {
                            acc = int::add(&Value::Int(a), &x);
                            break;
                        }
                    }
                } else {
                    acc = vm.binary_op(BinOp::Add, &Value::Int(a), &x)?;
                    break;
                }
            },
            Value::Float(mut a) => loop {
                let Some(x) = vm.next(&it)? else { return Ok(Value::Float(a)) };
                match x {
                    Value::Float(b) => a += b,
                    Value::Int(b) => a += b as f64,
                    _ => {
                        acc = vm.binary_op(BinOp::Add, &Value::Float(a), &x)?;
                        break;
                    }
                }
            },
            _ => {
                let Some(x) = vm.next(&it)? else { return Ok(acc) };
                acc = vm.binary_op(BinOp::Add, &acc, &x)?;
            }
        }
    }
}

fn from_i128(t: i128) -> Value {
    match i64::try_from(t) {
        Ok(i) => Value::Int(i),
        Err(_) => int::normalize(num_bigint::BigInt::from(t)),
    }
}

/// `sum` of a list of ints, floats or bools (numeric storage) from an int
/// or float start, over the storage's machine numbers (no iterator, no
/// value per item): the result the general loop gives, additions in the
/// same order. None for other lists.
fn sum_numbers(l: &list::ListObj, start: &Value) -> Option<Value> {
    l.with_store(|s| match (s, start) {
        // (An i128 cannot overflow here: fewer than 2^64 items under 2^63.)
        (list::Store::Int(v), Value::Int(a)) => Some(from_i128(v.iter().fold(*a as i128, |t, &x| t + x as i128))),
        (list::Store::Bool(v), Value::Int(a)) => Some(from_i128(*a as i128 + v.iter().filter(|&&b| b).count() as i128)),
        // An int start becomes a float at the first float item, as in the
        // general loop.
        (list::Store::Float(v), Value::Int(a)) if !v.is_empty() => Some(Value::Float(v.iter().fold(*a as f64, |t, &x| t + x))),
        (list::Store::Float(v), Value::Float(a)) => Some(Value::Float(v.iter().fold(*a, |t, &x| t + x))),
        (list::Store::Int(v), Value::Float(a)) => Some(Value::Float(v.iter().fold(*a, |t, &x| t + x as f64))),
        _ => None,
    })
}

fn repr(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check("repr", 1, 1)?;
    vm.repr(&args.pos[0])
}

fn ascii(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check("ascii", 1, 1)?;
    let r = vm.repr_str_of(&args.pos[0])?;
    Ok(Value::string(crate::vm::repr::ascii_str_of_repr(&r)))
}

/// `isinstance(obj, cls)` including tuples and `__instancecheck__`.
pub fn is_instance_of(vm: &mut Vm, obj: &Value, cls: &Value) -> PyResult<bool> {
    match cls {
        Value::Class(c) => {
            if vm.is_instance(obj, c) {
                return Ok(true);
            }
            let meta = vm.class_of(cls);
            if !PyRef::ptr_eq(&meta, &vm.types.type_) {
                if let Some(f) = meta.lookup("__instancecheck__") {
                    let r = vm.call_function(&f, &[cls.clone(), obj.clone()])?;
                    return vm.truthy(&r);
                }
            }
            // An object whose class overrides `__class__` (a property, as
            // `unittest.mock`'s specced mocks) is also an instance of what
            // that returns (CPython's `recursive_isinstance`).
            if let Value::Instance(_) = obj {
                let own = vm.class_of(obj);
                if let Some(a) = own.lookup("__class__") {
                    if !vm.types.object.lookup("__class__").is_some_and(|b| a.is(&b)) {
                        if let Value::Class(icls) = vm.get_attr(obj, "__class__")? {
                            if !PyRef::ptr_eq(&icls, &own) {
                                return Ok(crate::vm::types::is_subclass(&icls, c));
                            }
                        }
                    }
                }
            }
            Ok(false)
        }
        Value::Tuple(t) => {
            let t = t.clone();
            for c in t.as_slice() {
                if is_instance_of(vm, obj, c)? {
                    return Ok(true);
                }
            }
            Ok(false)
        }
        _ => {
            if let Some(r) = super::union::instance_check(vm, obj, cls) {
                return r;
            }
            if let Some(f) = vm.lookup_special(cls, "__instancecheck__") {
                let r = vm.call_function(&f, &[cls.clone(), obj.clone()])?;
                return vm.truthy(&r);
            }
            Err(PyErr::type_error("isinstance() arg 2 must be a type, a tuple of types, or a union"))
        }
    }
}

fn isinstance(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check("isinstance", 2, 2)?;
    Ok(Value::Bool(is_instance_of(vm, &args.pos[0], &args.pos[1])?))
}

/// `issubclass(sub, cls)`: CPython's `PyObject_IsSubclass` (a tuple is
/// tried item by item; a metaclass's or any object's `__subclasscheck__`
/// decides, and then `sub` need not be a class).
pub fn is_subclass_of(vm: &mut Vm, sub: &Value, cls: &Value) -> PyResult<bool> {
    let not_class = || PyErr::type_error("issubclass() arg 1 must be a class");
    match cls {
        Value::Class(c) => {
            let meta = vm.class_of(cls);
            if !PyRef::ptr_eq(&meta, &vm.types.type_) {
                if let Some(f) = meta.lookup("__subclasscheck__") {
                    if !matches!(f, Value::Builtin(_)) {
                        let r = vm.call_function(&f, &[cls.clone(), sub.clone()])?;
                        return vm.truthy(&r);
                    }
                }
            }
            let Value::Class(s) = sub else { return Err(not_class()) };
            Ok(crate::vm::types::is_subclass(s, c))
        }
        Value::Tuple(t) => {
            let t = t.clone();
            for c in t.as_slice() {
                if is_subclass_of(vm, sub, c)? {
                    return Ok(true);
                }
            }
            Ok(false)
        }
        _ => {
            if let Some(r) = super::union::subclass_check(vm, sub, cls) {
                return r;
            }
            // (`typing.Sequence` and other aliases.)
            if let Some(f) = vm.lookup_special(cls, "__subclasscheck__") {
                let r = vm.call_function(&f, &[cls.clone(), sub.clone()])?;
                return vm.truthy(&r);
            }
            if !matches!(sub, Value::Class(_)) {
                return Err(not_class());
            }
            Err(PyErr::type_error("issubclass() arg 2 must be a class, a tuple of classes, or a union"))
        }
    }
}

fn issubclass(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check("issubclass", 2, 2)?;
    Ok(Value::Bool(is_subclass_of(vm, &args.pos[0], &args.pos[1])?))
}

fn attr_name<'a>(vm: &Vm, v: &'a Value, _fname: &str) -> PyResult<&'a str> {
    match v {
        Value::Str(s) => Ok(s.as_str()),
        _ => Err(PyErr::type_error(format!("attribute name must be string, not '{}'", vm.type_name(v)))),
    }
}

fn hasattr(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check("hasattr", 2, 2)?;
    let name = attr_name(vm, &args.pos[1], "hasattr")?;
    Ok(Value::Bool(vm.get_attr_opt(&args.pos[0], name)?.is_some()))
}

fn getattr(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check("getattr", 2, 3)?;
    let name = attr_name(vm, &args.pos[1], "getattr")?;
    if args.len() == 3 {
        return Ok(vm.get_attr_opt(&args.pos[0], name)?.unwrap_or_else(|| args.pos[2].clone()));
    }
    vm.get_attr(&args.pos[0], name)
}

fn setattr(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check("setattr", 3, 3)?;
    let name = attr_name(vm, &args.pos[1], "setattr")?;
    vm.set_attr(&args.pos[0], name, args.pos[2].clone())?;
    Ok(Value::None)
}

fn delattr(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check("delattr", 2, 2)?;
    let name = attr_name(vm, &args.pos[1], "delattr")?;
    vm.del_attr(&args.pos[0], name)?;
    Ok(Value::None)
}

fn iter(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check("iter", 1, 2)?;
    if args.len() == 2 {
        if !vm.is_callable(&args.pos[0]) {
            return Err(PyErr::type_error("iter(v, w): v must be callable"));
        }
        return Ok(crate::vm::iter::new_iter(IterKind::Callable {
            func: args.pos[0].clone(),
            sentinel: args.pos[1].clone(),
            done: std::cell::Cell::new(false),
        }));
    }
    vm.get_iter(&args.pos[0])
}

fn next(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check("next", 1, 2)?;
    let it = &args.pos[0];
    let plain_gen = crate::vm::generator::is_plain_generator(it);
    if !matches!(it, Value::Iter(_)) && !plain_gen && vm.lookup_special(it, "__next__").is_none() {
        return Err(PyErr::type_error(format!("'{}' object is not an iterator", vm.type_name(it))));
    }
    match it {
        // The generator's return value travels in the StopIteration.
        Value::Generator(g) if plain_gen && args.len() == 1 => crate::vm::generator::gen_next_or_stop(vm, g),
        Value::Generator(_) if plain_gen => match vm.next(it)? {
            Some(v) => Ok(v),
            None => match args.get(1) {
                Some(d) => Ok(d.clone()),
                None => Err(PyErr::stop_iteration()),
            },
        },
        Value::Iter(_) => match vm.next(it)? {
            Some(v) => Ok(v),
            None => match args.get(1) {
                Some(d) => Ok(d.clone()),
                None => {
                    if let Value::Generator(g) = it {
                        let _ = g;
                    }
                    Err(PyErr::stop_iteration())
                }
            },
        },
        _ => {
            let f = vm.lookup_special(it, "__next__").unwrap();
            match vm.call_function(&f, std::slice::from_ref(it)) {
                Ok(v) => Ok(v),
                Err(e) if args.len() == 2 && vm.err_is(&e, ExcKind::StopIteration) => Ok(args.pos[1].clone()),
                Err(e) => Err(e),
            }
        }
    }
}

/// Sorts values with Python's `<` (stable), optionally by key and reversed.
pub fn sort_values(vm: &mut Vm, mut items: Vec<Value>, key: Option<&Value>, reverse: bool) -> PyResult<Vec<Value>> {
    // (Reversed: reverse, sort stably, reverse again, so that equal items
    // keep their order, as CPython's.)
    let Some(k) = key else {
        // Without a key the items are sorted in place: no (key, item)
        // pairs, whose building and dropping touched every object twice
        // more (a reference count each).
        if reverse {
            items.reverse();
        }
        items = sort_by_key_of(vm, items, |v| v)?;
        if reverse {
            items.reverse();
        }
        return Ok(items);
    };
    let mut keyed: Vec<(Value, Value)> = Vec::with_capacity(items.len());
    // `key=len`: the length without a call of the builtin per item.
    let key_is_len = matches!(k, Value::Builtin(b) if b.this.is_undef() && std::ptr::fn_addr_eq(b.func, len as BuiltinFn));
    for it in items {
        let kv = if key_is_len { Value::Int(vm.len(&it)? as i64) } else { vm.call_function(k, std::slice::from_ref(&it))? };
        keyed.push((kv, it));
    }
    if reverse {
        keyed.reverse();
    }
    let keyed = sort_by_key_of(vm, keyed, |p| &p.0)?;
    let mut out: Vec<Value> = keyed.into_iter().map(|(_, v)| v).collect();
    if reverse {
        out.reverse();
    }
    Ok(out)
}

/// `a.cmp(b)` for the short texts sorts mostly meet, without a call of
/// `memcmp` per comparison (a quarter of sorting a million short strs):
/// the first eight bytes compared as one big-endian word, short texts
/// byte by byte. Hand-written: the hot loop of sorting strs.
#[inline]
fn text_cmp(a: &str, b: &str) -> Ordering {
    let (a, b) = (a.as_bytes(), b.as_bytes());
    match (a.first_chunk::<8>(), b.first_chunk::<8>()) {
        (Some(x), Some(y)) => {
            let (x, y) = (u64::from_be_bytes(*x), u64::from_be_bytes(*y));
            if x != y {
                return x.cmp(&y);
            }
            a[8..].cmp(&b[8..])
        }
        _ => {
            for (p, q) in a.iter().zip(b) {
                if p != q {
                    return p.cmp(q);
                }
            }
            a.len().cmp(&b.len())
        }
    }
}

/// The stable sort of `sort_values` on the keys `key` gives: machine
/// comparisons when every key is an int, every key a str, or every key a
/// float and none a NaN (total orders: Rust's sort), else Python's `<`
/// through `merge_sort` (the first error it raises ends the sort).
fn sort_by_key_of<T>(vm: &mut Vm, mut v: Vec<T>, key: impl Fn(&T) -> &Value) -> PyResult<Vec<T>> {
    if v.iter().all(|x| matches!(key(x), Value::Int(_))) {
        v.sort_by(|a, b| match (key(a), key(b)) {
            (Value::Int(x), Value::Int(y)) => x.cmp(y),
            _ => Ordering::Equal,
        });
    } else if v.iter().all(|x| matches!(key(x), Value::Float(f) if !f.is_nan())) {
        v.sort_by(|a, b| match (key(a), key(b)) {
            (Value::Float(x), Value::Float(y)) => x.partial_cmp(y).unwrap_or(Ordering::Equal),
            _ => Ordering::Equal,
        });
    } else if v.iter().all(|x| matches!(key(x), Value::Str(_))) {
        // (UTF-8's byte order is its code points' order.) Each str's first
        // eight bytes are kept beside it as a code: most comparisons read
        // no str object.
        let mut decorated: Vec<(u64, T)> = v.into_iter().map(|x| (text_code(key(&x)), x)).collect();
        decorated.sort_by(|a, b| {
            a.0.cmp(&b.0).then_with(|| match (key(&a.1), key(&b.1)) {
                (Value::Str(x), Value::Str(y)) => text_cmp(x.as_str(), y.as_str()),
                _ => Ordering::Equal,
            })
        });
        v = decorated.into_iter().map(|(_, x)| x).collect();
    } else {
        let mut err: Option<PyErr> = None;
        let mut less = |a: &T, b: &T| {
            if err.is_some() {
                return false;
            }
            if let Some(r) = quick_lt(key(a), key(b)) {
                return r;
            }
            match vm.compare_bool(CmpOp::Lt, key(a), key(b)) {
                Ok(r) => r,
                Err(e) => {
                    err = Some(e);
                    false
                }
            }
        };
        v = match first_item_codes(v.iter().map(&key)) {
            // Tuples ordered by their first items, compared as codes kept
            // beside them (not read through two pointers per comparison);
            // equal codes leave the decision to the whole tuples.
            Some(codes) => {
                let decorated: Vec<(u64, T)> = codes.into_iter().zip(v).collect();
                let mut by_code = |a: &(u64, T), b: &(u64, T)| if a.0 != b.0 { a.0 < b.0 } else { less(&a.1, &b.1) };
                merge_sort(decorated, &mut by_code).into_iter().map(|(_, t)| t).collect()
            }
            None => merge_sort(v, &mut less),
        };
        if let Some(e) = err {
            return Err(e);
        }
    }
    Ok(v)
}

/// A str's first eight bytes as a big-endian word (zero-padded): two strs
/// whose codes differ are ordered as their codes; equal codes decide
/// nothing. 0 for other values.
fn text_code(v: &Value) -> u64 {
    let Value::Str(s) = v else { return 0 };
    let mut b = [0u8; 8];
    let t = s.as_str().as_bytes();
    let n = t.len().min(8);
    b[..n].copy_from_slice(&t[..n]);
    u64::from_be_bytes(b)
}

/// When every key is a tuple whose first item is an int, every one a
/// non-NaN float, or every one a str: per key, a code whose order is the
/// order of the first items where the codes differ (ints and floats
/// exactly, equal codes meaning equal items; strs by their first eight
/// bytes, equal codes deciding nothing).
fn first_item_codes<'a>(keys: impl Iterator<Item = &'a Value> + Clone) -> Option<Vec<u64>> {
    fn first(k: &Value) -> Option<&Value> {
        match k {
            Value::Tuple(t) => t.as_slice().first(),
            _ => None,
        }
    }
    let code: fn(&Value) -> Option<u64> = match first(keys.clone().next()?)? {
        Value::Int(_) => |v| match v {
            Value::Int(i) => Some((*i as u64) ^ (1 << 63)),
            _ => None,
        },
        Value::Float(_) => |v| match v {
            Value::Float(f) if !f.is_nan() => {
                // -0.0 == 0.0: one code.
                let bits = if *f == 0.0 { 0 } else { f.to_bits() };
                Some(if bits >> 63 == 1 { !bits } else { bits | (1 << 63) })
            }
            _ => None,
        },
        Value::Str(_) => |v| matches!(v, Value::Str(_)).then(|| text_code(v)),
        _ => return None,
    };
    keys.map(|k| first(k).and_then(code)).collect()
}

/// `a < b` when it is known without Python code: two ints, two floats,
/// two strs, or two tuples or two lists whose items are such pairs up to
/// the first pair that differs (a sequence's `<` is its first differing
/// items' `<`, or the shorter one when there is none; a NaN is left to
/// the general comparison, which decides what "differ" means for it).
fn quick_lt(a: &Value, b: &Value) -> Option<bool> {
    fn items(x: &Value, y: &Value) -> Option<std::cmp::Ordering> {
        match (x, y) {
            (Value::Int(p), Value::Int(q)) => Some(p.cmp(q)),
            (Value::Float(p), Value::Float(q)) => p.partial_cmp(q),
            (Value::Str(p), Value::Str(q)) => Some(p.as_str().cmp(q.as_str())),
            _ => None,
        }
    }
    fn seq(n: usize, m: usize, mut item: impl FnMut(usize) -> Option<std::cmp::Ordering>) -> Option<bool> {
        for i in 0..n.min(m) {
            match item(i)? {
                std::cmp::Ordering::Equal => {}
                o => return Some(o == std::cmp::Ordering::Less),
            }
        }
        Some(n < m)
    }
    match (a, b) {
        (Value::Tuple(x), Value::Tuple(y)) => {
            let (x, y) = (x.as_slice(), y.as_slice());
            seq(x.len(), y.len(), |i| items(&x[i], &y[i]))
        }
        // (No Python code runs here, so neither list changes.)
        (Value::List(x), Value::List(y)) => seq(x.len(), y.len(), |i| items(&x.get(i)?, &y.get(i)?)),
        _ => items(a, b).map(|o| o == std::cmp::Ordering::Less),
    }
}

/// A stable merge sort that asks only `less(a, b)` (Python's `<`) and
/// needs no consistent order from it: a NaN, or an `__lt__` that answers
/// anything, must give some order, as CPython's sort does, where Rust's
/// `sort_by` may panic. (Hand-written for that reason; the result for an
/// inconsistent `<` may differ from CPython's timsort.)
fn merge_sort<T>(mut v: Vec<T>, less: &mut impl FnMut(&T, &T) -> bool) -> Vec<T> {
    let n = v.len();
    if n <= 16 {
        for i in 1..n {
            let mut j = i;
            while j > 0 && less(&v[j], &v[j - 1]) {
                v.swap(j, j - 1);
                j -= 1;
            }
        }
        return v;
    }
    let right = v.split_off(n / 2);
    let left = merge_sort(v, less);
    let right = merge_sort(right, less);
    let mut out = Vec::with_capacity(n);
    let (mut l, mut r) = (left.into_iter().peekable(), right.into_iter().peekable());
    loop {
        match (l.peek(), r.peek()) {
            // (Equal items: the left one first, for stability.)
            (Some(a), Some(b)) => {
                let take_right = less(b, a);
                out.push(if take_right { r.next() } else { l.next() }.unwrap());
            }
            (Some(_), None) => {
                out.extend(l);
                break;
            }
            (None, _) => {
                out.extend(r);
                break;
            }
        }
    }
    out
}

fn sorted(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.allow_kwargs("sort", &["key", "reverse"])?;
    if args.len() != 1 {
        return Err(PyErr::type_error(format!("sorted expected 1 argument, got {}", args.len())));
    }
    let key = args.kw("key").filter(|k| !k.is_none()).cloned();
    if let (Value::List(l), None) = (&args.pos[0], &key) {
        if l.kind() != crate::objects::list::kind::OBJ {
            let reverse = match args.kw("reverse") {
                Some(r) => arg::int(vm, r)? != 0,
                None => false,
            };
            let copy = l.copy();
            if copy.with_store(|s| sort_numbers(s, reverse)) {
                return Ok(Value::List(copy));
            }
        }
    }
    let items = vm.collect_iterable(&args.pos[0])?;
    // (An int, as `list.sort` takes it: `reverse=None` is a TypeError.)
    let reverse = match args.kw("reverse") {
        Some(r) => arg::int(vm, r)? != 0,
        None => false,
    };
    Ok(Value::list(sort_values(vm, items, key.as_ref(), reverse)?))
}

/// Sorts a list's storage of unboxed numbers where it is, without making
/// values of them: ints (Rust's stable sort, which finds runs, as timsort
/// does), floats without a NaN stably (0.0 and -0.0 are equal and keep
/// their order; reversed as `sort_values` does), bools by counting.
/// False, with nothing done, for other storage and floats with a NaN.
pub fn sort_numbers(s: &mut crate::objects::list::Store, reverse: bool) -> bool {
    use crate::objects::list::Store;
    match s {
        Store::Int(v) if reverse => v.sort_by(|a, b| b.cmp(a)),
        Store::Int(v) => v.sort(),
        Store::Float(v) if !v.iter().any(|f| f.is_nan()) => {
            if reverse {
                v.reverse();
            }
            v.sort_by(|a, b| a.partial_cmp(b).unwrap_or(Ordering::Equal));
            if reverse {
                v.reverse();
            }
        }
        Store::Bool(v) => {
            let trues = v.iter().filter(|b| **b).count();
            let falses = v.len() - trues;
            for (i, b) in v.iter_mut().enumerate() {
                *b = if reverse { i < trues } else { i >= falses };
            }
        }
        _ => return false,
    }
    true
}

fn any(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check("any", 1, 1)?;
    if let Value::Generator(g) = &args.pos[0] {
        if g.kind == crate::vm::generator::GenKind::Generator {
            // (Falsy values of known truth passed over inside the generator.)
            while let Some(x) = vm.gen_skip(g, false)? {
                if vm.truthy(&x)? {
                    return Ok(Value::Bool(true));
                }
            }
            return Ok(Value::Bool(false));
        }
    }
    let it = vm.get_iter(&args.pos[0])?;
    while let Some(x) = vm.next(&it)? {
        if vm.truthy(&x)? {
            return Ok(Value::Bool(true));
        }
    }
    Ok(Value::Bool(false))
}

fn all(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check("all", 1, 1)?;
    if let Value::Generator(g) = &args.pos[0] {
        if g.kind == crate::vm::generator::GenKind::Generator {
            // (Truthy values of known truth passed over inside the generator.)
            while let Some(x) = vm.gen_skip(g, true)? {
                if !vm.truthy(&x)? {
                    return Ok(Value::Bool(false));
                }
            }
            return Ok(Value::Bool(true));
        }
    }
    let it = vm.get_iter(&args.pos[0])?;
    while let Some(x) = vm.next(&it)? {
        if !vm.truthy(&x)? {
            return Ok(Value::Bool(false));
        }
    }
    Ok(Value::Bool(true))
}

fn divmod(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check("divmod", 2, 2)?;
    let (a, b) = (vm.unwrap_builtin(&args.pos[0]).into_owned(), vm.unwrap_builtin(&args.pos[1]).into_owned());
    if int::is_int(&a) && int::is_int(&b) {
        let (q, r) = int::divmod(&a, &b)?;
        return Ok(Value::tuple(vec![q, r]));
    }
    if let (
        Value::Float(_) | Value::Int(_) | Value::Bool(_) | Value::BigInt(_),
        Value::Float(_) | Value::Int(_) | Value::Bool(_) | Value::BigInt(_),
    ) = (&a, &b)
    {
        let x = arg::float(vm, &a)?;
        let y = arg::float(vm, &b)?;
        let (q, r) = float::divmod(x, y)?;
        return Ok(Value::tuple(vec![Value::Float(q), Value::Float(r)]));
    }
    let (x, y) = (args.pos[0].clone(), args.pos[1].clone());
    // A number's own `__divmod__` cannot handle the other operand (the
    // fast paths above did all it could): go on to `__rdivmod__`.
    let x_is_number = matches!(a, Value::Float(_) | Value::Int(_) | Value::Bool(_) | Value::BigInt(_));
    if let Some(f) = vm.lookup_special(&x, "__divmod__").filter(|f| !(x_is_number && matches!(f, Value::Builtin(_)))) {
        let r = vm.call_function(&f, &[x.clone(), y.clone()])?;
        if !matches!(r, Value::NotImplemented) {
            return Ok(r);
        }
    }
    if let Some(f) = vm.lookup_special(&y, "__rdivmod__") {
        let r = vm.call_function(&f, &[y.clone(), x.clone()])?;
        if !matches!(r, Value::NotImplemented) {
            return Ok(r);
        }
    }
    Err(PyErr::type_error(format!("unsupported operand type(s) for divmod(): '{}' and '{}'", vm.type_name(&x), vm.type_name(&y))))
}

fn pow(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.allow_kwargs("pow", &["base", "exp", "mod"])?;
    let base = args.arg(0, "base").ok_or_else(|| PyErr::type_error("pow() missing required argument 'base' (pos 1)"))?.clone();
    let exp = args.arg(1, "exp").ok_or_else(|| PyErr::type_error("pow() missing required argument 'exp' (pos 2)"))?.clone();
    match args.arg(2, "mod") {
        Some(m) if !m.is_none() => {
            let m = m.clone();
            if int::is_int(&base) && int::is_int(&exp) && int::is_int(&m) {
                return int::pow_mod(&base, &exp, &m);
            }
            if let Some(f) = vm.lookup_special(&base, "__pow__") {
                if !matches!(f, Value::Builtin(_)) {
                    return vm.call_function(&f, &[base.clone(), exp.clone(), m.clone()]);
                }
            }
            let all_numbers = [&base, &exp, &m].iter().all(|v| {
                matches!(
                    vm.unwrap_builtin(v).as_ref(),
                    Value::Int(_) | Value::BigInt(_) | Value::Bool(_) | Value::Float(_) | Value::Complex(_)
                )
            });
            if all_numbers {
                return Err(PyErr::type_error("pow() 3rd argument not allowed unless all arguments are integers"));
            }
            Err(PyErr::type_error(format!(
                "unsupported operand type(s) for ** or pow(): '{}', '{}', '{}'",
                vm.type_name(&base),
                vm.type_name(&exp),
                vm.type_name(&m)
            )))
        }
        _ => vm.binary_op(BinOp::Pow, &base, &exp),
    }
}

fn round(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.allow_kwargs("round", &["number", "ndigits"])?;
    let x = args.arg(0, "number").ok_or_else(|| PyErr::type_error("round() missing required argument 'number' (pos 1)"))?.clone();
    let nd = args.arg(1, "ndigits").filter(|v| !v.is_none()).cloned();
    let xv = vm.unwrap_builtin(&x).into_owned();
    match &xv {
        Value::Float(f) => match nd {
            None => {
                let r = float::round_half_even(*f);
                int::from_f64(r)
            }
            Some(n) => {
                // (CPython clamps ndigits to a ssize_t here.)
                let n = match vm.index_value(&n)? {
                    Some(Value::Int(i)) => i,
                    Some(b) => {
                        if int::is_negative(&b) {
                            i64::MIN
                        } else {
                            i64::MAX
                        }
                    }
                    None => return Err(PyErr::type_error(format!("'{}' object cannot be interpreted as an integer", vm.type_name(&n)))),
                };
                Ok(Value::Float(float::round_ndigits(*f, n)?))
            }
        },
        Value::Int(_) | Value::BigInt(_) | Value::Bool(_) => match nd {
            None => Ok(if let Value::Bool(b) = xv { Value::Int(b as i64) } else { xv.clone() }),
            Some(n) => {
                let n = match vm.index_value(&n)? {
                    Some(v) => v,
                    None => return Err(PyErr::type_error(format!("'{}' object cannot be interpreted as an integer", vm.type_name(&n)))),
                };
                if !int::is_negative(&n) {
                    return Ok(if let Value::Bool(b) = xv { Value::Int(b as i64) } else { xv.clone() });
                }
                // Round to a multiple of 10**-n, half to even. Past the
                // number's digits the result is 0 (|x| < 10**-n / 2),
                // without computing the power.
                let digits = match int::bit_length(&xv) {
                    Value::Int(b) => b as u64 / 3 + 2,
                    _ => 2,
                };
                let k = match n {
                    Value::Int(i) if i.unsigned_abs() <= digits => i.unsigned_abs(),
                    _ => return Ok(Value::Int(0)),
                };
                let p = int::pow(&Value::Int(10), &Value::Int(k as i64))?;
                let (q, r) = int::divmod(&xv, &p)?;
                let twice = int::mul(&r, &Value::Int(2));
                let c = int::cmp(&twice, &p);
                let q_odd = int::to_big(&q).map(|b| b.bit(0)).unwrap_or(false);
                let q = if c == Ordering::Greater || (c == Ordering::Equal && q_odd) { int::add(&q, &Value::Int(1)) } else { q };
                Ok(int::mul(&q, &p))
            }
        },
        _ => {
            if let Some(f) = vm.lookup_special(&x, "__round__") {
                return match nd {
                    Some(n) => vm.call_function(&f, &[x.clone(), n]),
                    None => vm.call_function(&f, std::slice::from_ref(&x)),
                };
            }
            Err(PyErr::type_error(format!("type {} doesn't define __round__ method", vm.type_name(&x))))
        }
    }
}

fn chr(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check("chr", 1, 1)?;
    let i = match &args.pos[0] {
        Value::Int(i) => *i,
        Value::Bool(b) => *b as i64,
        Value::BigInt(_) => return Err(PyErr::overflow("Python int too large to convert to C int")),
        v => match vm.index_value(v)? {
            Some(Value::Int(i)) => i,
            _ => return Err(PyErr::type_error(format!("'{}' object cannot be interpreted as an integer", vm.type_name(v)))),
        },
    };
    match u32::try_from(i).ok().and_then(crate::objects::str::char_of) {
        // ASCII characters are the shared one-character strs (as CPython
        // shares its latin-1 ones); others are built without a `String`.
        Some(c) if c.is_ascii() => Ok(Value::Str(crate::objects::str::ascii_char(c as u8))),
        Some(c) => {
            let mut buf = [0u8; 4];
            let text = c.encode_utf8(&mut buf);
            let obj = crate::objects::str::StrObj::with_proxies(text, crate::objects::str::is_surrogate(i as u32));
            Ok(Value::Str(crate::objects::PyRef::new(obj)))
        }
        None => Err(PyErr::value_error("chr() arg not in range(0x110000)")),
    }
}

fn ord(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check("ord", 1, 1)?;
    let v = &args.pos[0];
    match vm.unwrap_builtin(v).as_ref() {
        Value::Str(s) => {
            if s.len() != 1 {
                return Err(PyErr::type_error(format!("ord() expected a character, but string of length {} found", s.len())));
            }
            Ok(Value::Int(s.code_point(s.char_at(0)) as i64))
        }
        Value::Bytes(b) => {
            if b.data.len() != 1 {
                return Err(PyErr::type_error(format!("ord() expected a character, but string of length {} found", b.data.len())));
            }
            Ok(Value::Int(b.data[0] as i64))
        }
        Value::ByteArray(b) => {
            let d = b.data.borrow();
            if d.len() != 1 {
                return Err(PyErr::type_error(format!("ord() expected a character, but string of length {} found", d.len())));
            }
            Ok(Value::Int(d[0] as i64))
        }
        _ => Err(PyErr::type_error(format!("ord() expected string of length 1, but {} found", vm.type_name(v)))),
    }
}

fn radix(vm: &mut Vm, args: Args, name: &str, r: u32, prefix: &str) -> PyResult<Value> {
    args.check(name, 1, 1)?;
    let v = match vm.index_value(&args.pos[0])? {
        Some(v) => v,
        None => return Err(PyErr::type_error(format!("'{}' object cannot be interpreted as an integer", vm.type_name(&args.pos[0])))),
    };
    Ok(Value::string(int::to_radix(&v, r, prefix)))
}

fn hex(vm: &mut Vm, args: Args) -> PyResult<Value> {
    radix(vm, args, "hex", 16, "0x")
}
fn oct(vm: &mut Vm, args: Args) -> PyResult<Value> {
    radix(vm, args, "oct", 8, "0o")
}
fn bin(vm: &mut Vm, args: Args) -> PyResult<Value> {
    radix(vm, args, "bin", 2, "0b")
}

fn hash(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check("hash", 1, 1)?;
    Ok(Value::Int(vm.hash(&args.pos[0])?))
}

fn id(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check("id", 1, 1)?;
    let v = &args.pos[0];
    Ok(Value::Int(match v.heap_addr() {
        Some(a) => a as i64,
        None => match v {
            Value::Int(i) => 0x7f00_0000_0000 + (*i).wrapping_mul(32),
            Value::Float(f) => 0x7e00_0000_0000 + (f.to_bits() >> 12) as i64,
            Value::Bool(b) => 0x7d00_0000_0000 + *b as i64 * 32,
            Value::None => 0x7d00_0000_1000,
            _ => 0x7d00_0000_2000 + v.tag() as i64 * 32,
        },
    }))
}

fn callable(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check("callable", 1, 1)?;
    Ok(Value::Bool(vm.is_callable(&args.pos[0])))
}

fn format(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check("format", 1, 2)?;
    // An exact int, float or str with a simple spec, as an f-string field.
    if let Some(v) = crate::vm::format::format_field_fast(&args.pos[0], args.get(1)) {
        return Ok(v);
    }
    let spec = match args.get(1) {
        Some(Value::Str(s)) => s.as_str().to_string(),
        Some(v) => return Err(PyErr::type_error(format!("format() argument 2 must be str, not {}", vm.type_name(v)))),
        None => String::new(),
    };
    vm.format(&args.pos[0], &spec).map(Value::string)
}

fn vars(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check("vars", 0, 1)?;
    if args.is_empty() {
        return locals(vm, args);
    }
    match vm.get_attr_opt(&args.pos[0], "__dict__")? {
        Some(d) => Ok(d),
        None => Err(PyErr::type_error("vars() argument must have __dict__ attribute")),
    }
}

impl Vm {
    /// Names for `dir(obj)`, sorted.
    pub fn dir_names(&mut self, obj: &Value) -> PyResult<Vec<String>> {
        if let Value::Instance(_) | Value::Class(_) = obj {
            // An instance's class, or a class's metaclass, may define __dir__.
            let cls = self.class_of(obj);
            if let Some(f) = cls.lookup("__dir__") {
                if !matches!(f, Value::Builtin(_)) {
                    let r = self.call_function(&f, std::slice::from_ref(obj))?;
                    let items = self.collect_iterable(&r)?;
                    let mut names: Vec<String> = items.iter().filter_map(|v| v.as_str().map(|s| s.to_string())).collect();
                    names.sort();
                    return Ok(names);
                }
            }
        }
        let mut names: Vec<String> = Vec::new();
        let add_dict = |d: &DictObj, names: &mut Vec<String>| {
            for k in d.keys() {
                if let Some(s) = k.as_str() {
                    names.push(s.to_string());
                }
            }
        };
        match obj {
            Value::Module(m) => add_dict(&m.dict, &mut names),
            Value::Class(c) => {
                for k in c.mro.borrow().iter() {
                    add_dict(&k.dict, &mut names);
                }
                class_descriptor_names(&c.mro.borrow(), &mut names);
            }
            _ => {
                if let Value::Instance(i) = obj {
                    if let Some(d) = &i.dict {
                        add_dict(d, &mut names);
                    }
                }
                let cls = self.class_of(obj);
                for k in cls.mro.borrow().iter() {
                    add_dict(&k.dict, &mut names);
                }
                class_descriptor_names(&cls.mro.borrow(), &mut names);
                names.push("__class__".into());
            }
        }
        names.sort();
        names.dedup();
        Ok(names)
    }
}

/// The attributes CPython's builtin types keep in their dicts as
/// descriptors (members, getsets) that Spry answers in its attribute code
/// instead: `dir()` lists them as CPython's does.
const BUILTIN_DESCRIPTORS: &[(&str, &[&str])] = &[
    ("object", &["__class__", "__doc__"]),
    ("int", &["denominator", "imag", "numerator", "real"]),
    ("float", &["imag", "real"]),
    ("complex", &["imag", "real"]),
    ("range", &["start", "step", "stop"]),
    ("slice", &["start", "step", "stop"]),
    ("property", &["__isabstractmethod__", "fdel", "fget", "fset"]),
    ("method", &["__func__", "__self__"]),
    ("module", &["__annotations__", "__dict__"]),
    ("BaseException", &["__cause__", "__context__", "__dict__", "__suppress_context__", "__traceback__", "args"]),
    (
        "function",
        &[
            "__annotations__",
            "__builtins__",
            "__closure__",
            "__code__",
            "__defaults__",
            "__dict__",
            "__globals__",
            "__kwdefaults__",
            "__module__",
            "__name__",
            "__qualname__",
        ],
    ),
    ("generator", &["__del__", "__name__", "__qualname__", "gi_code", "gi_frame", "gi_running", "gi_suspended", "gi_yieldfrom"]),
    (
        "type",
        &[
            "__abstractmethods__",
            "__annotations__",
            "__base__",
            "__bases__",
            "__basicsize__",
            "__dict__",
            "__dictoffset__",
            "__flags__",
            "__itemsize__",
            "__module__",
            "__mro__",
            "__name__",
            "__qualname__",
            "__text_signature__",
            "__weakrefoffset__",
        ],
    ),
];

/// Adds to `names` the descriptors of the classes of `mro` that CPython
/// has and Spry's class dicts do not: the builtin types' (above), and a
/// class statement's `__dict__` and `__weakref__` (CPython adds them to
/// the first class without `__slots__` in a hierarchy, or names them in
/// `__slots__`; `__weakref__` not over int, bool, tuple or bytes, whose
/// instances cannot have weak references, nor over set and frozenset,
/// which have them already).
fn class_descriptor_names(mro: &[PyRef<ClassObj>], names: &mut Vec<String>) {
    let mut weak_ok = true;
    for k in mro {
        if k.is_builtin() {
            let n = k.name();
            if let Some((_, extra)) = BUILTIN_DESCRIPTORS.iter().find(|(t, _)| *t == n) {
                names.extend(extra.iter().map(|s| s.to_string()));
            }
            if matches!(n.as_str(), "int" | "bool" | "tuple" | "bytes" | "set" | "frozenset") {
                weak_ok = false;
            }
        }
    }
    for k in mro.iter().filter(|k| !k.is_builtin()) {
        match crate::vm::attr::declared_slots(k) {
            None => {
                names.push("__dict__".into());
                if weak_ok {
                    names.push("__weakref__".into());
                }
            }
            Some(slots) => names.extend(slots.into_iter().filter(|n| n == "__dict__" || n == "__weakref__")),
        }
    }
}

fn dir(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check("dir", 0, 1)?;
    if args.is_empty() {
        let l = locals(vm, args)?;
        let mut names: Vec<String> = match &l {
            Value::Dict(d) => d.keys().iter().filter_map(|k| k.as_str().map(|s| s.to_string())).collect(),
            _ => vec![],
        };
        names.sort();
        return Ok(Value::list(names.into_iter().map(Value::string).collect()));
    }
    let names = vm.dir_names(&args.pos[0])?;
    Ok(Value::list(names.into_iter().map(Value::string).collect()))
}

fn input(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check("input", 0, 1)?;
    let inp = vm.sys_stream("stdin");
    if inp.is_none() {
        return Err(PyErr::runtime_error("input(): lost sys.stdin"));
    }
    if vm.sys_stream("stdout").is_none() {
        return Err(PyErr::runtime_error("input(): lost sys.stdout"));
    }
    if let Some(p) = args.get(0) {
        let s = vm.str_of(p)?;
        vm.write_stdout(&s)?;
    }
    let out = vm.sys_stream("stdout");
    if out.is(&vm.std_streams.0) {
        vm.flush_stdout();
    } else {
        vm.call_method(&out, "flush", &[])?;
    }
    // A replaced sys.stdin (an io.StringIO, a file) gives its readline().
    if !crate::modules::io::is_real_stdin(&inp) {
        let line = vm.call_method(&inp, "readline", &[])?;
        let Value::Str(s) = &line else {
            return Err(PyErr::type_error("object.readline() returned non-string"));
        };
        if s.is_empty() {
            return Err(PyErr::new(ExcKind::EOFError, "EOF when reading a line"));
        }
        let t = s.as_str();
        return Ok(match t.strip_suffix('\n') {
            Some(rest) => Value::str(rest),
            None => line.clone(),
        });
    }
    match crate::modules::io::stdin_line(vm)? {
        Ok(line) if line.is_empty() => Err(PyErr::new(ExcKind::EOFError, "EOF when reading a line")),
        Ok(mut line) => {
            if line.ends_with('\n') {
                line.pop();
                if line.ends_with('\r') {
                    line.pop();
                }
            }
            Ok(Value::string(line))
        }
        Err(e) => Err(PyErr::new(ExcKind::OSError, e.to_string())),
    }
}

fn exit(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    let code = args.get(0).cloned();
    Err(PyErr::with_args(ExcKind::SystemExit, code.into_iter().collect()))
}

fn globals(vm: &mut Vm, _args: Args) -> PyResult<Value> {
    Ok(match vm.frames.last() {
        Some(f) => Value::Dict(f.globals_ref()),
        None => Value::Dict(DictObj::new()),
    })
}

fn locals(vm: &mut Vm, _args: Args) -> PyResult<Value> {
    if vm.frames.is_empty() {
        return Ok(Value::Dict(DictObj::new()));
    }
    Ok(frame_locals(vm, vm.frames.len() - 1))
}

/// The local namespace of frame `fi` as `locals()` there (and
/// `frame.f_locals`) gives it: the namespace of module, class and `exec`
/// code, a snapshot of the bound local variables of a function.
pub fn frame_locals(vm: &Vm, fi: usize) -> Value {
    let f = &vm.frames[fi];
    if let Some(l) = &f.locals {
        return Value::Dict(l.clone());
    }
    if let Some(m) = f.locals_map() {
        return m.clone();
    }
    if f.func.is_none() {
        return Value::Dict(f.globals_ref());
    }
    // A function frame: a snapshot of its bound locals.
    let code = f.code_ref();
    // SAFETY: varnames.len() <= nlocals <= nregs: inside the frame's window.
    let vals = unsafe { std::slice::from_raw_parts(f.base, code.varnames.len()) };
    bound_locals(&code, vals)
}

/// The dict of the bound locals of a frame of `code` whose named
/// registers hold `vals` (in `varnames` order; a live frame's or those a
/// traceback entry kept): cell and free variables read through their
/// cells, unbound and hidden (`.0`) names left out.
pub fn bound_locals(code: &crate::bytecode::CodeObj, vals: &[Value]) -> Value {
    let d = DictObj::new();
    for (name, v) in code.varnames.iter().zip(vals) {
        let v = match v {
            Value::Cell(c) if code.cellvars.iter().any(|(n, _)| n == name) || code.freevars.iter().any(|(n, _)| n == name) => c.value.get(),
            other => other.clone(),
        };
        if !v.is_undef() && !name.starts_with('.') {
            d.set_str(name, v);
        }
    }
    Value::Dict(d)
}

/// `__build_class__(func, name, *bases, metaclass=None, **kwds)`.
fn build_class(vm: &mut Vm, args: Args) -> PyResult<Value> {
    if args.len() < 2 {
        return Err(PyErr::type_error("__build_class__: not enough arguments"));
    }
    let Value::Function(body) = &args.pos[0] else {
        return Err(PyErr::type_error("__build_class__: func must be a function"));
    };
    let name = arg::str(vm, &args.pos[1], "__build_class__: name")?.to_string();
    let mut bases: Vec<PyRef<ClassObj>> = Vec::new();
    let mut resolved = false;
    for b in &args.pos[2..] {
        match b {
            Value::Class(c) => bases.push(c.clone()),
            other => {
                // `getattr(base, "__mro_entries__")`, as CPython looks it up
                // (an attribute of the object itself, e.g. `typing.NamedTuple`).
                if let Some(f) = vm.get_attr_opt(other, "__mro_entries__")? {
                    resolved = true;
                    let r = vm.call_function(&f, &[Value::tuple(args.pos[2..].to_vec())])?;
                    for x in vm.collect_iterable(&r)? {
                        if let Value::Class(c) = x {
                            bases.push(c);
                        }
                    }
                    continue;
                }
                return Err(PyErr::type_error(format!("bases must be types, not {}", vm.type_name(other))));
            }
        }
    }
    let mut meta: Option<Value> = None;
    let mut kw_names = Vec::new();
    let mut kw_vals = Vec::new();
    for (k, v) in args.kwnames.iter().zip(args.kwvals.iter()) {
        if k.as_str() == Some("metaclass") {
            meta = Some(v.clone());
        } else {
            kw_names.push(k.clone());
            kw_vals.push(v.clone());
        }
    }
    // The most derived metaclass among the explicit one and the bases'.
    let mut meta = match meta {
        Some(m) => m,
        None => match bases.first() {
            Some(b) => b.metaclass.get(),
            None => Value::Class(vm.types.type_.clone()),
        },
    };
    if let Value::Class(mc) = &meta {
        meta = Value::Class(most_derived_metaclass(mc.clone(), &bases)?);
    }
    let bases_tuple = Value::tuple(bases.iter().map(|b| Value::Class(b.clone())).collect());
    // Namespace from __prepare__: a plain dict runs the body at full speed;
    // any other mapping (a dict subclass, a custom class) gets every name
    // store/load/delete of the body through its item methods.
    let ns: Value = match vm.get_attr_opt(&meta, "__prepare__")? {
        Some(prep) if !matches!(prep, Value::Builtin(_)) => {
            let r = vm.call(&prep, Args { pos: &[Value::str(&name), bases_tuple.clone()], kwnames: &kw_names, kwvals: &kw_vals })?;
            if !matches!(r, Value::Dict(_)) && vm.lookup_special(&r, "__getitem__").is_none() {
                let meta_name = match &meta {
                    Value::Class(c) => c.name().to_string(),
                    _ => "<metaclass>".to_string(),
                };
                return Err(PyErr::type_error(format!("{}.__prepare__() must return a mapping, not {}", meta_name, vm.type_name(&r))));
            }
            r
        }
        _ => Value::Dict(DictObj::new()),
    };
    // Run the class body with the namespace as its locals.
    let cell = run_class_body(vm, body, &ns)?;
    let ns_set = |vm: &mut Vm, key: &str, v: Value| -> PyResult<()> {
        match &ns {
            Value::Dict(d) => {
                d.set_str(key, v);
                Ok(())
            }
            other => vm.set_item(other, &Value::str(key), v),
        }
    };
    if resolved {
        ns_set(vm, "__orig_bases__", Value::tuple(args.pos[2..].to_vec()))?;
    }
    if let Value::Cell(c) = &cell {
        ns_set(vm, "__classcell__", Value::Cell(c.clone()))?;
    }
    let cls = vm.call(&meta, Args { pos: &[Value::str(&name), bases_tuple, ns.clone()], kwnames: &kw_names, kwvals: &kw_vals })?;
    if let Value::Cell(c) = &cell {
        c.value.set(cls.clone());
    }
    Ok(cls)
}

/// Runs a class body function with `ns` as its local namespace.
fn run_class_body(vm: &mut Vm, body: &PyRef<FunctionObj>, ns: &Value) -> PyResult<Value> {
    vm.check_recursion()?;
    let base = vm.stack_top();
    vm.check_stack_room(base, body.code.nregs as usize)?;
    vm.push_frame(body.clone(), base, crate::vm::Ret::ToRust);
    let f = vm.frames.last_mut().unwrap();
    match ns {
        Value::Dict(d) => f.locals = Some(d.clone()),
        other => f.extra = Some(Box::new(crate::vm::FrameExtra { owner: None, locals_map: Some(other.clone()), object: None })),
    }
    let depth = vm.frames.len();
    vm.run(depth)
}

/// Finishes a class created by `type.__new__`: `__set_name__` and `__init_subclass__`.
pub fn finish_class(vm: &mut Vm, cls: &PyRef<ClassObj>, kw_names: &[Value], kw_vals: &[Value]) -> PyResult<()> {
    for (k, v) in cls.dict.items() {
        if let Value::Instance(_) | Value::Class(_) | Value::Native(_) = &v {
            if let Some(f) = vm.lookup_special(&v, "__set_name__") {
                if let Err(mut e) = vm.call_function(&f, &[v.clone(), Value::Class(cls.clone()), k.clone()]) {
                    // CPython 3.11 wraps the error (`type_new_set_names`).
                    let cause = vm.exc_value(&mut e);
                    let msg = format!(
                        "Error calling __set_name__ on '{}' instance {} in '{}'",
                        vm.type_name(&v),
                        vm.repr_string(&k)?,
                        cls.name()
                    );
                    let mut wrapped = PyErr::runtime_error(msg);
                    let w = vm.exc_value(&mut wrapped);
                    vm.set_attr(&w, "__cause__", cause.clone())?;
                    vm.set_attr(&w, "__context__", cause)?;
                    return Err(wrapped);
                }
            }
        }
    }
    // super(cls, cls).__init_subclass__(**kwds)
    let mro = cls.mro.borrow().clone();
    for c in mro.iter().skip(1) {
        if let Some(f) = c.dict.get_str("__init_subclass__") {
            let func = match &f {
                Value::Native(n) => match &n.data {
                    NativeData::ClassMethod(inner) => inner.clone(),
                    _ => f.clone(),
                },
                _ => f.clone(),
            };
            vm.call(&func, Args { pos: &[Value::Class(cls.clone())], kwnames: kw_names, kwvals: kw_vals })?;
            return Ok(());
        }
    }
    if !kw_names.is_empty() {
        return Err(PyErr::type_error(format!("{}.__init_subclass__() takes no keyword arguments", cls.name())));
    }
    Ok(())
}

fn import(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let name = args.arg(0, "name").ok_or_else(|| PyErr::type_error("__import__() missing required argument 'name' (pos 1)"))?;
    let name = arg::str(vm, name, "__import__() argument 1")?.to_string();
    let fromlist = args.arg(3, "fromlist").cloned().unwrap_or(Value::None);
    let level = match args.arg(4, "level") {
        Some(Value::Int(l)) => *l as usize,
        _ => 0,
    };
    let fi = vm.frames.len().saturating_sub(1);
    if vm.frames.is_empty() {
        return vm.import_module(&name);
    }
    vm.import_name(&name, &fromlist, level, fi)
}

fn source_text(vm: &mut Vm, v: &Value) -> PyResult<String> {
    match v {
        Value::Str(s) => Ok(s.as_str().to_string()),
        Value::Bytes(b) => Ok(String::from_utf8_lossy(&b.data).into_owned()),
        Value::ByteArray(b) => Ok(String::from_utf8_lossy(&b.data.borrow()).into_owned()),
        other => Err(PyErr::type_error(format!("compile() arg 1 must be a string, bytes or AST object, not {}", vm.type_name(other)))),
    }
}

fn compile(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.allow_kwargs("compile", &["source", "filename", "mode", "flags", "dont_inherit", "optimize", "_feature_version"])?;
    let src = args.arg(0, "source").ok_or_else(|| PyErr::type_error("compile() missing required argument 'source' (pos 1)"))?.clone();
    let filename = match args.arg(1, "filename") {
        Some(Value::Str(s)) => s.as_str().to_string(),
        Some(Value::Bytes(b)) => String::from_utf8_lossy(&b.data).into_owned(),
        Some(v) => crate::modules::posix::fspath_string(vm, v)?,
        None => return Err(PyErr::type_error("compile() missing required argument 'filename' (pos 2)")),
    };
    let mode = match args.arg(2, "mode") {
        Some(Value::Str(s)) => s.as_str().to_string(),
        Some(v) => return Err(PyErr::type_error(format!("compile() argument 'mode' must be str, not {}", vm.type_name(v)))),
        _ => return Err(PyErr::type_error("compile() missing required argument 'mode' (pos 3)")),
    };
    if !matches!(mode.as_str(), "exec" | "eval" | "single") {
        return Err(PyErr::value_error("compile() mode must be 'exec', 'eval' or 'single'"));
    }
    let flags = match args.arg(3, "flags") {
        Some(v) => arg::int(vm, v)?,
        None => 0,
    };
    if let Value::Code(_) = src {
        return Ok(src);
    }
    // ast.PyCF_ONLY_AST: return the tree.
    if flags & 0x400 != 0 {
        return crate::modules::ast::parse_to_ast(vm, &src, &filename, &mode);
    }
    if let Some(code) = crate::modules::ast::compile_ast_object(vm, &src, &filename, &mode)? {
        return Ok(code);
    }
    let text = source_text(vm, &src)?;
    crate::modules::codeops::compile_text(vm, &text, &filename, &mode).map(Value::Code)
}

fn exec_or_eval(vm: &mut Vm, args: Args, mode: crate::compiler::Mode, name: &str) -> PyResult<Value> {
    if name == "exec" {
        args.allow_kwargs("exec", &["globals", "locals", "closure"])?;
    } else {
        args.allow_kwargs("eval", &["globals", "locals"])?;
    }
    args.check_pos(name, 1, 3)?;
    let g_arg = args.arg(1, "globals");
    let l_arg = args.arg(2, "locals");
    let in_function = vm.frames.last().is_some_and(|f| f.func.is_some() && f.locals.is_none());
    let globals = match g_arg {
        Some(Value::Dict(d)) => d.clone(),
        Some(Value::None) | None => match vm.frames.last() {
            Some(f) => f.globals_ref(),
            None => DictObj::new(),
        },
        Some(other) => {
            let msg = if name == "exec" {
                format!("exec() globals must be a dict, not {}", vm.type_name(other))
            } else {
                "globals must be a real dict; try eval(expr, {}, mapping)".to_string()
            };
            return Err(PyErr::type_error(msg));
        }
    };
    if globals.get_str("__builtins__").is_none() {
        globals.set_str("__builtins__", vm.builtins_module.clone());
    }
    let mut locals_map = None;
    let locals = match l_arg {
        Some(Value::Dict(d)) => Some(d.clone()),
        Some(Value::None) | None => {
            if g_arg.is_none_or(|v| v.is_none()) {
                // The caller's namespace: a class body's dict, or a
                // snapshot of a function's locals.
                if in_function {
                    match locals(vm, Args::new(&[]))? {
                        Value::Dict(d) => Some(d),
                        _ => None,
                    }
                } else {
                    vm.frames.last().and_then(|f| f.locals.clone())
                }
            } else {
                None
            }
        }
        Some(other) => {
            if vm.lookup_special(other, "__getitem__").is_none() {
                if name == "eval" {
                    return Err(PyErr::type_error("locals must be a mapping"));
                }
                return Err(PyErr::type_error(format!("locals must be a mapping or None, not {}", vm.type_name(other))));
            }
            // Any other mapping: names go through its item methods.
            locals_map = Some(other.clone());
            None
        }
    };
    let code = match &args.pos[0] {
        Value::Code(c) => c.clone(),
        src => {
            let text = match src {
                Value::Str(_) | Value::Bytes(_) | Value::ByteArray(_) => source_text(vm, src)?,
                _ => return Err(PyErr::type_error(format!("{}() arg 1 must be a string, bytes or code object", name))),
            };
            let text = if mode == crate::compiler::Mode::Eval { text.trim_start_matches([' ', '\t']).to_string() } else { text };
            let m = if mode == crate::compiler::Mode::Eval { "eval" } else { "exec" };
            crate::modules::codeops::compile_text(vm, &text, "<string>", m)?
        }
    };
    // A `__builtins__` of the caller's choosing (`{"__builtins__": {}}`)
    // serves as the builtins while this code runs.
    let custom = match globals.get_str("__builtins__") {
        Some(Value::Dict(d)) if !PyRef::ptr_eq(&d, &vm.builtins) => Some(d),
        Some(Value::Module(m)) if !PyRef::ptr_eq(&m.dict, &vm.builtins) => Some(m.dict.clone()),
        _ => None,
    };
    let saved = custom.map(|d| std::mem::replace(&mut vm.builtins, d));
    let r = vm.run_code_ns(code, globals, locals, locals_map);
    if let Some(b) = saved {
        vm.builtins = b;
    }
    let r = r?;
    Ok(if mode == crate::compiler::Mode::Eval { r } else { Value::None })
}

fn exec(vm: &mut Vm, args: Args) -> PyResult<Value> {
    exec_or_eval(vm, args, crate::compiler::Mode::Exec, "exec")
}

fn eval(vm: &mut Vm, args: Args) -> PyResult<Value> {
    if let Some(Value::Code(_)) = args.get(0) {
        return exec_or_eval(vm, args, crate::compiler::Mode::Eval, "eval");
    }
    exec_or_eval(vm, args, crate::compiler::Mode::Eval, "eval")
}

/// The most derived of `meta` and the metaclasses of `bases` (CPython's
/// `_PyType_CalculateMetaclass`); a metaclass conflict when one is not a
/// subclass of the others.
pub(crate) fn most_derived_metaclass(meta: PyRef<ClassObj>, bases: &[PyRef<ClassObj>]) -> PyResult<PyRef<ClassObj>> {
    let mut winner = meta;
    for b in bases {
        if let Value::Class(bm) = b.metaclass.get() {
            if crate::vm::types::is_subclass(&bm, &winner) {
                winner = bm;
            } else if !crate::vm::types::is_subclass(&winner, &bm) {
                return Err(PyErr::type_error(
                    "metaclass conflict: the metaclass of a derived class must be a (non-strict) subclass of the metaclasses of all its bases",
                ));
            }
        }
    }
    Ok(winner)
}
