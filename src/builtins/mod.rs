//! The `builtins` module: builtin functions and the methods of builtin types.

// (Generated tables, kept as `gen_charmaps.py` writes them.)
#[rustfmt::skip]
mod charmaps;
mod codecs;
pub(crate) mod functions;
mod memoryview;
mod text_signatures;
pub(crate) mod types_bytes;
pub(crate) mod types_dict;
mod types_misc;
pub(crate) mod types_num;
pub(crate) mod types_seq;
mod types_str;
mod union;

use crate::objects::*;
use crate::vm::{Args, ExcKind, PyErr, PyResult, Vm};

pub use functions::sort_values;

/// CPython's `__text_signature__` of builtin `name` of `owner` (a type's
/// name, a module's, or "" for a type itself): what `inspect.signature`
/// reads for callables that have no Python code.
pub fn text_signature(owner: &str, name: &str) -> Option<&'static str> {
    let t = text_signatures::TEXT_SIGNATURES;
    t.binary_search_by(|&(o, n, _)| (o, n).cmp(&(owner, name))).ok().map(|i| t[i].2)
}

/// Registers builtin functions, type methods and the builtins module.
pub fn init(vm: &mut Vm) {
    types_misc::init(vm);
    types_num::init(vm);
    types_str::init(vm);
    types_seq::init(vm);
    types_dict::init(vm);
    crate::vm::exceptions::init_exception_methods(vm);
    functions::init(vm);
    union::init(vm);
    memoryview::init(vm);
    // Builtin classes are names in builtins.
    let t = &vm.types;
    let classes: Vec<(&str, PyRef<ClassObj>)> = vec![
        ("object", t.object.clone()),
        ("type", t.type_.clone()),
        ("int", t.int.clone()),
        ("bool", t.bool_.clone()),
        ("float", t.float.clone()),
        ("complex", t.complex.clone()),
        ("str", t.str_.clone()),
        ("bytes", t.bytes.clone()),
        ("bytearray", t.bytearray.clone()),
        ("list", t.list.clone()),
        ("tuple", t.tuple.clone()),
        ("dict", t.dict.clone()),
        ("set", t.set.clone()),
        ("frozenset", t.frozenset.clone()),
        ("range", t.range.clone()),
        ("slice", t.slice.clone()),
        ("property", t.property.clone()),
        ("classmethod", t.classmethod.clone()),
        ("staticmethod", t.staticmethod.clone()),
        ("super", t.super_.clone()),
        ("enumerate", t.enumerate.clone()),
        ("zip", t.zip.clone()),
        ("map", t.map.clone()),
        ("filter", t.filter.clone()),
        ("reversed", t.reversed.clone()),
    ];
    for (name, c) in classes {
        vm.builtins.set_str(name, Value::Class(c));
    }
    for k in ExcKind::ALL {
        let c = vm.types.exc[*k as usize].clone();
        vm.builtins.set_str(k.name(), Value::Class(c));
    }
    vm.builtins.set_str("EnvironmentError", Value::Class(vm.types.exc[ExcKind::OSError as usize].clone()));
    vm.builtins.set_str("IOError", Value::Class(vm.types.exc[ExcKind::OSError as usize].clone()));
    vm.builtins.set_str("None", Value::None);
    vm.builtins.set_str("True", Value::Bool(true));
    vm.builtins.set_str("False", Value::Bool(false));
    vm.builtins.set_str("NotImplemented", Value::NotImplemented);
    vm.builtins.set_str("Ellipsis", Value::Ellipsis);
    // (A name no code can assign: False under `-O`.)
    vm.builtins.set_str("__debug__", Value::Bool(crate::compiler::optimize() == 0));
    vm.builtins.set_str("__name__", Value::str("builtins"));
    vm.builtins.set_str("__doc__", Value::None);
    let bm = Value::Module(PyRef::new_tracked(ModuleObj { name: "builtins".into(), dict: vm.builtins.clone() }));
    vm.builtins_module = bm.clone();
    vm.modules.set_str("builtins", bm);
}

/// Argument helpers shared by the builtin implementations.
pub(crate) mod arg {
    use super::*;

    /// An int argument as i64.
    pub fn int(vm: &mut Vm, v: &Value) -> PyResult<i64> {
        match v {
            Value::Int(i) => Ok(*i),
            Value::Bool(b) => Ok(*b as i64),
            Value::BigInt(_) => Err(PyErr::overflow("Python int too large to convert to C ssize_t")),
            _ => match vm.index_value(v)? {
                Some(Value::Int(i)) => Ok(i),
                Some(_) => Err(PyErr::overflow("Python int too large to convert to C ssize_t")),
                None => Err(PyErr::type_error(format!("'{}' object cannot be interpreted as an integer", vm.type_name(v)))),
            },
        }
    }

    /// An int argument for a C `int` (signal numbers, descriptors, pids,
    /// flags): CPython's OverflowError outside its range.
    pub fn c_int(vm: &mut Vm, v: &Value) -> PyResult<i32> {
        let n = int(vm, v)?;
        i32::try_from(n).map_err(|_| {
            PyErr::overflow(if n < 0 { "signed integer is less than minimum" } else { "signed integer is greater than maximum" })
        })
    }

    /// A str argument.
    pub fn str<'a>(vm: &Vm, v: &'a Value, what: &str) -> PyResult<&'a str> {
        match v {
            Value::Str(s) => Ok(s.as_str()),
            _ => Err(PyErr::type_error(format!("{} must be str, not {}", what, vm.type_name(v)))),
        }
    }

    /// A float argument (ints convert).
    pub fn float(vm: &mut Vm, v: &Value) -> PyResult<f64> {
        match v {
            Value::Float(f) => Ok(*f),
            Value::Int(i) => Ok(*i as f64),
            Value::Bool(b) => Ok(*b as i64 as f64),
            Value::BigInt(_) => int::to_f64(v),
            _ => {
                if let Some(f) = vm.lookup_special(v, "__float__") {
                    let r = vm.call_function(&f, std::slice::from_ref(v))?;
                    if let Value::Float(x) = r {
                        return Ok(x);
                    }
                    return Err(PyErr::type_error(format!("{}.__float__ returned non-float (type {})", vm.type_name(v), vm.type_name(&r))));
                }
                if let Some(i) = vm.index_value(v)? {
                    return int::to_f64(&i);
                }
                Err(PyErr::type_error(format!("must be real number, not {}", vm.type_name(v))))
            }
        }
    }

    /// `qual() takes no arguments (N given)` unless only the receiver is passed
    /// (`qual` is the qualified method name, e.g. `list.copy`).
    pub fn no_args(args: &Args, qual: &str) -> PyResult<()> {
        if args.has_kwargs() {
            return Err(PyErr::type_error(format!("{}() takes no keyword arguments", qual)));
        }
        if args.len() != 1 {
            return Err(PyErr::type_error(format!("{}() takes no arguments ({} given)", qual, args.len().saturating_sub(1))));
        }
        Ok(())
    }

    /// `qual() takes exactly one argument (N given)` unless the receiver and one argument are passed.
    pub fn one_arg(args: &Args, qual: &str) -> PyResult<()> {
        if args.has_kwargs() {
            return Err(PyErr::type_error(format!("{}() takes no keyword arguments", qual)));
        }
        if args.len() != 2 {
            return Err(PyErr::type_error(format!("{}() takes exactly one argument ({} given)", qual, args.len().saturating_sub(1))));
        }
        Ok(())
    }

    /// Argument-clinic counts for a method's positional arguments (receiver
    /// excluded): `name expected at least/at most/N argument(s), got M`.
    /// (`owner`: the method's type, which CPython names in the keyword
    /// error: `list.index() takes no keyword arguments`.)
    pub fn counts(args: &Args, owner: &str, name: &str, min: usize, max: usize) -> PyResult<()> {
        if args.has_kwargs() {
            return Err(PyErr::type_error(format!("{}.{}() takes no keyword arguments", owner, name)));
        }
        positional(&args.rest(), name, min, max)
    }

    /// CPython's `_PyArg_CheckPositional`: `name expected at least/at
    /// most/N argument(s), got M` unless `args` has `min..=max` positional
    /// arguments.
    pub fn positional(args: &Args, name: &str, min: usize, max: usize) -> PyResult<()> {
        let n = args.len();
        let plural = |k: usize| if k == 1 { "" } else { "s" };
        if min == max && n != min {
            return Err(PyErr::type_error(format!("{} expected {} argument{}, got {}", name, min, plural(min), n)));
        }
        if n < min {
            return Err(PyErr::type_error(format!("{} expected at least {} argument{}, got {}", name, min, plural(min), n)));
        }
        if n > max {
            return Err(PyErr::type_error(format!("{} expected at most {} argument{}, got {}", name, max, plural(max), n)));
        }
        Ok(())
    }

    /// An optional argument: positional `i` or keyword `name`, None when absent or None.
    pub fn opt<'a>(args: &Args<'a>, i: usize, name: &str) -> Option<&'a Value> {
        args.arg(i, name).filter(|v| !v.is_none())
    }
}

/// The new contents for `bytearray[slice] = value`.
pub fn bytearray_assign_source(vm: &mut Vm, v: &Value) -> PyResult<Vec<u8>> {
    types_bytes::assign_source(vm, v)
}

/// The byte for `bytearray[i] = value`.
pub fn bytearray_item_value(vm: &mut Vm, v: &Value) -> PyResult<u8> {
    types_bytes::item_value(vm, v)
}

/// `data.decode(encoding, errors)` for runtime code outside the builtins.
pub fn decode_text(vm: &mut Vm, data: &[u8], encoding: &str, errors: &str) -> PyResult<Value> {
    let _ = vm;
    codecs::decode_plain(data, encoding, errors)
}

/// `s.encode(encoding, errors)` for runtime code outside the builtins.
/// `LookupError` unless Spry has a codec of this name.
pub fn check_encoding(encoding: &str) -> PyResult<()> {
    codecs::check_encoding(encoding)
}

pub fn encode_text(s: &str, surrogates: bool, encoding: &str, errors: &str) -> PyResult<Vec<u8>> {
    codecs::encode_plain(s, surrogates, encoding, errors)
}

pub(crate) fn new_bytes(data: Vec<u8>) -> Value {
    Value::Bytes(PyRef::new(BytesObj { data: data.into_boxed_slice() }))
}
