//! `int`, `bool`, `float`, `complex`: constructors and methods.

use num_bigint::{BigInt, Sign};
use num_traits::{One, Signed, ToPrimitive, Zero};

use super::arg;
use crate::bytecode::{BinOp, CmpOp};
use crate::objects::*;
use crate::vm::{Args, PyErr, PyResult, Vm};

/// The builtin dunder methods for binary operators, for each operator:
/// (`__op__`, `__rop__`). They unwrap builtin-subclass instances and apply
/// the native operation, returning `NotImplemented` when it does not apply.
/// The argument check of a slot wrapper (`(1).__add__(x)`): the receiver
/// and one operand, in CPython's words.
fn one_operand(args: &Args, name: &str) -> PyResult<()> {
    if args.has_kwargs() {
        return Err(PyErr::type_error(format!("wrapper {}() takes no keyword arguments", name)));
    }
    match args.pos.len() {
        2 => Ok(()),
        0 => Err(PyErr::type_error("descriptor needs an argument")),
        n => Err(PyErr::type_error(format!("expected 1 argument, got {}", n - 1))),
    }
}

macro_rules! binop_dunders {
    ($($op:ident => $f:ident, $rf:ident;)*) => {
        $(
            fn $f(vm: &mut Vm, args: Args) -> PyResult<Value> {
                one_operand(&args, BinOp::$op.dunders().0)?;
                let a = vm.unwrap_builtin(&args.pos[0]).into_owned();
                let b = operand(vm, BinOp::$op, &a, &args.pos[1]);
                if foreign_operand(&a, &b) {
                    return Ok(Value::NotImplemented);
                }
                match vm.native_binop(BinOp::$op, &a, &b) {
                    Some(r) => r,
                    None => Ok(Value::NotImplemented),
                }
            }
            fn $rf(vm: &mut Vm, args: Args) -> PyResult<Value> {
                one_operand(&args, BinOp::$op.dunders().1)?;
                let b = vm.unwrap_builtin(&args.pos[1]).into_owned();
                let a = operand(vm, BinOp::$op, &b, &args.pos[0]);
                if foreign_operand(&a, &b) {
                    return Ok(Value::NotImplemented);
                }
                match vm.native_binop(BinOp::$op, &b, &a) {
                    Some(r) => r,
                    None => Ok(Value::NotImplemented),
                }
            }
        )*
        /// (`__op__`, `__rop__`, operator) for every binary operator.
        pub const BINOP_DUNDERS: &[(BuiltinFn, BuiltinFn, BinOp)] = &[$(($f, $rf, BinOp::$op),)*];
    };
}

/// The right operand of `left <op> right` for the native operation: a
/// builtin-subclass instance unwrapped, except the values formatted by
/// `str % values` (and bytes'), which keep their class (`"%s" % MyInt(7)`
/// calls `MyInt`'s `__str__`/`__repr__`).
/// A number's place in the tower (bool and int 1, float 2, complex 3),
/// 0 for anything else.
fn num_rank(v: &Value) -> u8 {
    match v {
        Value::Bool(_) | Value::Int(_) | Value::BigInt(_) => 1,
        Value::Float(_) => 2,
        Value::Complex(_) => 3,
        _ => 0,
    }
}

/// Whether a number's own operator method cannot take `other`: CPython's
/// `int.__add__(2.5)` and `int.__mul__('ab')` are NotImplemented (the
/// operator then asks the other operand).
fn foreign_operand(this: &Value, other: &Value) -> bool {
    let r = num_rank(this);
    r != 0 && (num_rank(other) == 0 || num_rank(other) > r)
}

fn operand(vm: &Vm, op: BinOp, left: &Value, right: &Value) -> Value {
    if op == BinOp::Mod && matches!(left, Value::Str(_) | Value::Bytes(_) | Value::ByteArray(_)) {
        return right.clone();
    }
    vm.unwrap_builtin(right).into_owned()
}

binop_dunders! {
    Add => d_add, d_radd;
    Sub => d_sub, d_rsub;
    Mul => d_mul, d_rmul;
    TrueDiv => d_truediv, d_rtruediv;
    FloorDiv => d_floordiv, d_rfloordiv;
    Mod => d_mod, d_rmod;
    Pow => d_pow, d_rpow;
    LShift => d_lshift, d_rlshift;
    RShift => d_rshift, d_rrshift;
    And => d_and, d_rand;
    Or => d_or, d_ror;
    Xor => d_xor, d_rxor;
}

macro_rules! cmp_dunders {
    ($($op:ident => $f:ident;)*) => {
        $(
            fn $f(vm: &mut Vm, args: Args) -> PyResult<Value> {
                one_operand(&args, CmpOp::$op.dunder())?;
                let a = vm.unwrap_builtin(&args.pos[0]).into_owned();
                let b = vm.unwrap_builtin(&args.pos[1]).into_owned();
                match vm.native_compare(CmpOp::$op, &a, &b) {
                    Some(r) => r.map(Value::Bool),
                    None => Ok(Value::NotImplemented),
                }
            }
        )*
        pub const CMP_DUNDERS: &[(CmpOp, BuiltinFn)] = &[$((CmpOp::$op, $f),)*];
    };
}

cmp_dunders! {
    Lt => d_lt;
    Le => d_le;
    Eq => d_eq;
    Ne => d_ne;
    Gt => d_gt;
    Ge => d_ge;
}

/// Registers operator dunders for `ops` on a builtin class.
pub fn add_op_dunders(vm: &mut Vm, class: &PyRef<ClassObj>, ops: &[BinOp], with_cmp: bool) {
    // (Sequences concatenate with `__add__` only: CPython's str, bytes,
    // list and tuple have no `__radd__`.)
    let sequence = !matches!(class.name().as_str(), "int" | "float" | "complex" | "bool");
    for (f, rf, op) in BINOP_DUNDERS.iter() {
        if ops.contains(op) {
            let (n, rn, _) = op.dunders();
            vm.add_method(class, n, *f);
            if !(sequence && *op == BinOp::Add) {
                vm.add_method(class, rn, *rf);
            }
        }
    }
    if with_cmp {
        for (op, f) in CMP_DUNDERS.iter() {
            vm.add_method(class, op.dunder(), *f);
        }
    }
    vm.add_method(class, "__hash__", d_hash);
    vm.add_method(class, "__repr__", d_repr);
    vm.add_method(class, "__str__", d_str);
    vm.add_method(class, "__format__", d_format);
}

/// `__bool__` of the number types (containers have none: their truth is
/// their `__len__`, which a subclass may override).
pub fn add_bool_dunder(vm: &mut Vm, class: &PyRef<ClassObj>) {
    vm.add_method(class, "__bool__", d_bool);
}

fn d_hash(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let a = vm.unwrap_builtin(args.this()).into_owned();
    Ok(Value::Int(vm.hash(&a)?))
}

fn d_repr(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let a = vm.unwrap_builtin(args.this()).into_owned();
    if let Value::Instance(i) = args.this() {
        let name = i.class().name();
        return vm.base_value_repr(&name, &a).map(Value::string);
    }
    vm.repr_string(&a).map(Value::string)
}

fn d_str(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let a = vm.unwrap_builtin(args.this()).into_owned();
    vm.str_value(&a)
}

fn d_format(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let spec = args.get(1).and_then(|s| s.as_str()).unwrap_or("").to_string();
    if spec.is_empty() && matches!(args.this(), Value::Instance(_)) {
        // As CPython's int/float/complex/str `__format__`: `str(self)`, so
        // a subclass's `__str__` or `__repr__` shows.
        return vm.str_value(args.this());
    }
    let a = vm.unwrap_builtin(args.this()).into_owned();
    vm.format(&a, &spec).map(Value::string)
}

fn d_bool(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let a = vm.unwrap_builtin(args.this()).into_owned();
    Ok(Value::Bool(vm.truthy(&a)?))
}

pub fn init(vm: &mut Vm) {
    use BinOp::*;
    let int_ops = [Add, Sub, Mul, TrueDiv, FloorDiv, Mod, Pow, LShift, RShift, And, Or, Xor];
    let int = vm.types.int.clone();
    add_op_dunders(vm, &int, &int_ops, true);
    add_bool_dunder(vm, &int);
    vm.add_method(&int, "__new__", int_new);
    vm.types.int.ctor.set(Some(int_ctor));
    for (n, f) in [
        ("bit_length", int_bit_length as BuiltinFn),
        ("bit_count", int_bit_count),
        ("to_bytes", int_to_bytes),
        ("conjugate", int_conjugate),
        ("__index__", int_slot_self),
        ("__int__", int_slot_self),
        ("__trunc__", int_self),
        ("__floor__", int_self),
        ("__ceil__", int_self),
        ("__round__", int_round),
        ("__float__", int_float),
        ("__abs__", num_abs),
        ("__neg__", num_neg),
        ("__pos__", num_pos),
        ("__invert__", int_invert),
        ("as_integer_ratio", int_as_integer_ratio),
        ("__divmod__", num_divmod),
        ("__rdivmod__", num_rdivmod),
        ("__getnewargs__", int_getnewargs),
    ] {
        vm.add_method(&int, n, f);
    }
    vm.add_method(&int, "from_bytes", int_from_bytes);
    let fb = int.dict.get_str("from_bytes").unwrap();
    int.dict.set_str("from_bytes", vm.new_native(vm.types.classmethod.clone(), NativeData::ClassMethod(fb)));

    let b = vm.types.bool_.clone();
    vm.add_method(&b, "__new__", bool_new);
    vm.types.bool_.ctor.set(Some(bool_ctor));
    for (op, f) in [(And, bool_and as BuiltinFn), (Or, bool_or), (Xor, bool_xor)] {
        vm.add_method(&b, op.dunders().0, f);
        vm.add_method(&b, op.dunders().1, f);
    }
    vm.add_method(&b, "__repr__", d_repr);
    vm.add_method(&b, "__str__", d_repr);

    let fl = vm.types.float.clone();
    add_op_dunders(vm, &fl, &[Add, Sub, Mul, TrueDiv, FloorDiv, Mod, Pow], true);
    add_bool_dunder(vm, &fl);
    vm.add_method(&fl, "__new__", float_new);
    vm.types.float.ctor.set(Some(float_ctor));
    for (n, f) in [
        ("is_integer", float_is_integer as BuiltinFn),
        ("as_integer_ratio", float_as_integer_ratio),
        ("hex", float_hex),
        ("conjugate", float_conjugate),
        ("__float__", float_self),
        ("__int__", float_int),
        ("__trunc__", float_int),
        ("__floor__", float_floor),
        ("__ceil__", float_ceil),
        ("__round__", float_round),
        ("__abs__", num_abs),
        ("__neg__", num_neg),
        ("__pos__", num_pos),
        ("__divmod__", num_divmod),
        ("__rdivmod__", num_rdivmod),
        ("__getnewargs__", int_getnewargs),
    ] {
        vm.add_method(&fl, n, f);
    }
    vm.add_method(&fl, "__getformat__", float_getformat);
    let gf = fl.dict.get_str("__getformat__").unwrap();
    fl.dict.set_str("__getformat__", vm.new_native(vm.types.classmethod.clone(), NativeData::ClassMethod(gf)));
    vm.add_method(&fl, "fromhex", float_fromhex);
    let fh = fl.dict.get_str("fromhex").unwrap();
    fl.dict.set_str("fromhex", vm.new_native(vm.types.classmethod.clone(), NativeData::ClassMethod(fh)));

    let c = vm.types.complex.clone();
    add_op_dunders(vm, &c, &[Add, Sub, Mul, TrueDiv, Pow], false);
    add_bool_dunder(vm, &c);
    vm.add_method(&c, "__eq__", d_eq);
    vm.add_method(&c, "__ne__", d_ne);
    vm.add_method(&c, "__new__", complex_new);
    vm.types.complex.ctor.set(Some(complex_ctor));
    vm.add_method(&c, "conjugate", complex_conjugate);
    vm.add_method(&c, "__complex__", complex_complex);
    vm.add_method(&c, "__getnewargs__", complex_getnewargs);
    vm.add_method(&c, "__abs__", num_abs);
    vm.add_method(&c, "__neg__", num_neg);
    vm.add_method(&c, "__pos__", num_pos);
}

// ----- int -----

/// `int(x)`, `int(s, base)`.
pub fn int_ctor(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.allow_kwargs("int", &["base"])?;
    if args.len() > 2 {
        return Err(PyErr::type_error(format!("int() takes at most 2 arguments ({} given)", args.len())));
    }
    let base = args.arg(1, "base").cloned();
    let Some(x) = args.get(0) else {
        if base.is_some() {
            return Err(PyErr::type_error("int() missing string argument"));
        }
        return Ok(Value::Int(0));
    };
    if let Some(b) = base {
        let b = arg::int(vm, &b)?;
        if b != 0 && !(2..=36).contains(&b) {
            return Err(PyErr::value_error("int() base must be >= 2 and <= 36, or 0"));
        }
        let text = match vm.unwrap_builtin(x).as_ref() {
            Value::Str(s) => s.as_str().to_string(),
            Value::Bytes(bs) => String::from_utf8_lossy(&bs.data).into_owned(),
            Value::ByteArray(bs) => String::from_utf8_lossy(&bs.data.borrow()).into_owned(),
            _ => return Err(PyErr::type_error("int() can't convert non-string with explicit base")),
        };
        return parse_int(vm, &text, b as u32, x);
    }
    int_from(vm, x)
}

fn parse_int(vm: &mut Vm, text: &str, base: u32, orig: &Value) -> PyResult<Value> {
    match int::parse(text, base) {
        Ok(v) => Ok(v),
        Err(msg) if !msg.is_empty() => Err(PyErr::value_error(msg)),
        Err(_) => {
            let r = match orig {
                Value::Str(s) if s.as_str() == text => crate::vm::repr::repr_of_str(s),
                Value::Str(_) => vm.repr_string(&Value::str(text))?,
                // (CPython shows the bytes it parsed: `b'1 2'`.)
                Value::ByteArray(b) => {
                    let data = b.data.borrow().clone();
                    vm.repr_string(&crate::builtins::new_bytes(data.to_vec()))?
                }
                other => vm.repr_string(other)?,
            };
            // (Built by hand: `int(s)` failing is common as a test.)
            let mut m = String::with_capacity(40 + r.len());
            m.push_str("invalid literal for int() with base ");
            if base >= 10 {
                m.push(char::from(b'0' + (base / 10) as u8));
            }
            m.push(char::from(b'0' + (base % 10) as u8));
            m.push_str(": ");
            m.push_str(&r);
            Err(PyErr::value_error(m))
        }
    }
}

/// `int(x)` for a single argument.
pub fn int_from(vm: &mut Vm, x: &Value) -> PyResult<Value> {
    match x {
        Value::Int(_) | Value::BigInt(_) => Ok(x.clone()),
        Value::Bool(b) => Ok(Value::Int(*b as i64)),
        Value::Float(f) => int::from_f64(*f),
        Value::Str(s) => parse_int(vm, s.as_str(), 10, x),
        Value::Bytes(b) => {
            let t = String::from_utf8_lossy(&b.data).into_owned();
            parse_int(vm, &t, 10, x)
        }
        Value::ByteArray(b) => {
            let t = String::from_utf8_lossy(&b.data.borrow()).into_owned();
            parse_int(vm, &t, 10, x)
        }
        _ => {
            for name in ["__int__", "__index__"] {
                if let Some(f) = vm.lookup_special(x, name) {
                    if matches!(&f, Value::Builtin(_)) {
                        if let Value::Instance(i) = x {
                            let bv = i.base_value.get();
                            if !bv.is_undef() {
                                return int_from(vm, &bv);
                            }
                        }
                    }
                    let r = vm.call_function(&f, std::slice::from_ref(x))?;
                    return match r {
                        Value::Int(_) | Value::BigInt(_) => Ok(r),
                        Value::Bool(b) => Ok(Value::Int(b as i64)),
                        Value::Instance(_) => int_from(vm, &r),
                        _ => Err(PyErr::type_error(format!("{} returned non-int (type {})", name, vm.type_name(&r)))),
                    };
                }
            }
            if let Some(f) = vm.lookup_special(x, "__trunc__") {
                let r = vm.call_function(&f, std::slice::from_ref(x))?;
                return int_from(vm, &r);
            }
            if let Value::Instance(i) = x {
                let bv = i.base_value.get();
                if !bv.is_undef() {
                    return int_from(vm, &bv);
                }
            }
            // A memoryview parses its bytes (and shows them as bytes).
            if let Some(data) = super::memoryview::view_bytes(vm, x) {
                let b = crate::builtins::new_bytes(data);
                return int_from(vm, &b);
            }
            Err(PyErr::type_error(format!(
                "int() argument must be a string, a bytes-like object or a real number, not '{}'",
                vm.type_name(x)
            )))
        }
    }
}

/// Wraps a builtin value in an instance of a subclass (or returns it for the exact type).
pub fn wrap_for_class(vm: &mut Vm, cls: &PyRef<ClassObj>, v: Value) -> Value {
    if cls.is_builtin() {
        return v;
    }
    let inst = vm.new_instance(cls);
    if let Value::Instance(i) = &inst {
        i.base_value.set(v);
    }
    inst
}

fn class_arg(args: &Args) -> PyResult<PyRef<ClassObj>> {
    match args.get(0) {
        Some(Value::Class(c)) => Ok(c.clone()),
        _ => Err(PyErr::type_error("__new__(X): X is not a type object")),
    }
}

fn int_new(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let cls = class_arg(&args)?;
    let v = int_ctor(vm, args.rest())?;
    Ok(wrap_for_class(vm, &cls, v))
}

fn this_int(vm: &Vm, args: &Args) -> PyResult<Value> {
    let v = vm.unwrap_builtin(args.this()).into_owned();
    match v {
        Value::Int(_) | Value::BigInt(_) => Ok(v),
        Value::Bool(b) => Ok(Value::Int(b as i64)),
        _ => Err(PyErr::type_error(format!("descriptor requires a 'int' object but received a '{}'", vm.type_name(&v)))),
    }
}

fn int_self(vm: &mut Vm, args: Args) -> PyResult<Value> {
    this_int(vm, &args)
}

/// `int.__index__`, `int.__int__`: slot wrappers (CPython's message for
/// arguments differs from a method's).
fn int_slot_self(vm: &mut Vm, args: Args) -> PyResult<Value> {
    if args.len() > 1 {
        return Err(PyErr::type_error(format!("expected 0 arguments, got {}", args.len() - 1)));
    }
    this_int(vm, &args)
}

fn int_conjugate(vm: &mut Vm, args: Args) -> PyResult<Value> {
    arg::no_args(&args, "int.conjugate")?;
    this_int(vm, &args)
}

fn int_bit_length(vm: &mut Vm, args: Args) -> PyResult<Value> {
    arg::no_args(&args, "int.bit_length")?;
    Ok(int::bit_length(&this_int(vm, &args)?))
}

fn int_bit_count(vm: &mut Vm, args: Args) -> PyResult<Value> {
    arg::no_args(&args, "int.bit_count")?;
    let v = this_int(vm, &args)?;
    Ok(Value::Int(match &v {
        Value::Int(i) => i.unsigned_abs().count_ones() as i64,
        Value::BigInt(b) => b.magnitude().count_ones() as i64,
        _ => 0,
    }))
}

fn int_float(vm: &mut Vm, args: Args) -> PyResult<Value> {
    Ok(Value::Float(int::to_f64(&this_int(vm, &args)?)?))
}

fn int_invert(vm: &mut Vm, args: Args) -> PyResult<Value> {
    Ok(int::invert(&this_int(vm, &args)?))
}

fn int_round(vm: &mut Vm, args: Args) -> PyResult<Value> {
    arg::positional(&args.rest(), "__round__", 0, 1)?;
    let v = this_int(vm, &args)?;
    match args.get(1) {
        None | Some(Value::None) => Ok(v),
        Some(nd) => {
            let round = vm.builtins.get_str("round").unwrap();
            let nd = nd.clone();
            vm.call_function(&round, &[v, nd])
        }
    }
}

fn int_as_integer_ratio(vm: &mut Vm, args: Args) -> PyResult<Value> {
    arg::no_args(&args, "int.as_integer_ratio")?;
    Ok(Value::tuple(vec![this_int(vm, &args)?, Value::Int(1)]))
}

fn int_getnewargs(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let v = vm.unwrap_builtin(args.this()).into_owned();
    Ok(Value::tuple(vec![v]))
}

/// The arguments `(length, byteorder, *, signed)` of `int.to_bytes` and
/// `(bytes, byteorder, *, signed)` of `int.from_bytes` (argument clinic's
/// checks and messages; `first` is the first parameter's name).
fn bytes_conv_args<'a>(vm: &mut Vm, rest: &Args<'a>, name: &str, first: &str) -> PyResult<(Option<&'a Value>, bool, bool)> {
    rest.allow_kwargs(name, &[first, "byteorder", "signed"])?;
    if rest.pos.len() > 2 {
        return Err(PyErr::type_error(format!("{}() takes at most 2 positional arguments ({} given)", name, rest.pos.len())));
    }
    for (i, n) in [first, "byteorder"].iter().enumerate() {
        if rest.pos.len() > i && rest.kw(n).is_some() {
            return Err(PyErr::type_error(format!("argument for {}() given by name ('{}') and position ({})", name, n, i + 1)));
        }
    }
    let big_endian = match rest.arg(1, "byteorder") {
        None => true,
        Some(v) => match vm.unwrap_builtin(v).as_ref() {
            Value::Str(s) => match s.as_str() {
                "big" => true,
                "little" => false,
                _ => return Err(PyErr::value_error("byteorder must be either 'little' or 'big'")),
            },
            _ => {
                let t = if v.is_none() { "None".to_string() } else { vm.type_name(v) };
                return Err(PyErr::type_error(format!("{}() argument 'byteorder' must be str, not {}", name, t)));
            }
        },
    };
    let signed = match rest.kw("signed") {
        Some(s) => vm.truthy(s)?,
        None => false,
    };
    Ok((rest.arg(0, first), big_endian, signed))
}

/// `int.to_bytes(length=1, byteorder='big', *, signed=False)`.
fn int_to_bytes(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let v = this_int(vm, &args)?;
    let (length, big_endian, signed) = bytes_conv_args(vm, &args.rest(), "to_bytes", "length")?;
    let length = match length {
        None => 1,
        Some(l) => match vm.index_value(l)? {
            Some(Value::Int(n)) => n,
            Some(_) => return Err(PyErr::overflow("Python int too large to convert to C ssize_t")),
            None => return Err(PyErr::type_error(format!("'{}' object cannot be interpreted as an integer", vm.type_name(l)))),
        },
    };
    if length < 0 {
        return Err(PyErr::value_error("length argument must be non-negative"));
    }
    let length = length as usize;
    let b = int::to_big(&v).unwrap();
    if !signed && b.is_negative() {
        return Err(PyErr::overflow("can't convert negative int to unsigned"));
    }
    // The minimal two's-complement (or unsigned) bytes, little-endian.
    let mut bytes = if signed { b.to_signed_bytes_le() } else { b.to_bytes_le().1 };
    let fill = if b.is_negative() { 0xff } else { 0 };
    if b.is_zero() || (signed && bytes == [0xff]) {
        // 0, and -1 (all ones), fit in no bytes at all (CPython:
        // `(-1).to_bytes(0, 'big', signed=True) == b''`).
        bytes.clear();
    }
    if bytes.len() > length {
        return Err(PyErr::overflow("int too big to convert"));
    }
    let mut out = Vec::new();
    if out.try_reserve_exact(length).is_err() {
        return Err(PyErr::new(crate::vm::ExcKind::MemoryError, ""));
    }
    out.extend_from_slice(&bytes);
    out.resize(length, fill);
    if big_endian {
        out.reverse();
    }
    Ok(super::new_bytes(out))
}

/// `int.from_bytes(bytes, byteorder='big', *, signed=False)` (a class
/// method: a subclass, `bool` included, is called with the int).
fn int_from_bytes(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (data, big_endian, signed) = bytes_conv_args(vm, &args.rest(), "from_bytes", "bytes")?;
    let Some(data) = data else {
        return Err(PyErr::type_error("from_bytes() missing required argument 'bytes' (pos 1)"));
    };
    let mut le = super::types_bytes::bytes_from_object(vm, data)?;
    if big_endian {
        le.reverse();
    }
    let v = if signed { BigInt::from_signed_bytes_le(&le) } else { BigInt::from_bytes_le(Sign::Plus, &le) };
    let v = int::normalize(v);
    if let Some(Value::Class(c)) = args.get(0) {
        if PyRef::ptr_eq(c, &vm.types.bool_) {
            return Ok(Value::Bool(!matches!(v, Value::Int(0))));
        }
        if !c.is_builtin() {
            let c = c.clone();
            return vm.call_function(&Value::Class(c), &[v]);
        }
    }
    Ok(v)
}

fn num_abs(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let v = vm.unwrap_builtin(args.this()).into_owned();
    vm.abs(&v)
}

fn num_neg(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let v = vm.unwrap_builtin(args.this()).into_owned();
    vm.neg(&v)
}

fn num_pos(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let v = vm.unwrap_builtin(args.this()).into_owned();
    vm.pos(&v)
}

fn num_divmod(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let a = vm.unwrap_builtin(args.this()).into_owned();
    let b = vm.unwrap_builtin(args.get(1).unwrap_or(&Value::None)).into_owned();
    let dm = vm.builtins.get_str("divmod").unwrap();
    vm.call_function(&dm, &[a, b])
}

/// `x.__rdivmod__(y)`: `divmod(y, x)`.
fn num_rdivmod(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let a = vm.unwrap_builtin(args.this()).into_owned();
    let b = vm.unwrap_builtin(args.get(1).unwrap_or(&Value::None)).into_owned();
    let dm = vm.builtins.get_str("divmod").unwrap();
    vm.call_function(&dm, &[b, a])
}

/// `float.__getformat__(typestr)`: how C doubles and floats are stored.
fn float_getformat(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check("__getformat__", 2, 2)?;
    match &args.pos[1] {
        Value::Str(s) if matches!(s.as_str(), "double" | "float") => {
            Ok(Value::str(if cfg!(target_endian = "little") { "IEEE, little-endian" } else { "IEEE, big-endian" }))
        }
        Value::Str(_) => Err(PyErr::value_error("__getformat__() argument 1 must be 'double' or 'float'")),
        v => Err(PyErr::type_error(format!("__getformat__() argument must be str, not {}", vm.type_name(v)))),
    }
}

/// `complex.__complex__()`: the value as an exact complex.
fn complex_complex(vm: &mut Vm, args: Args) -> PyResult<Value> {
    Ok(vm.unwrap_builtin(args.this()).into_owned())
}

/// `complex.__getnewargs__()`: `(real, imag)`.
fn complex_getnewargs(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let v = vm.unwrap_builtin(args.this()).into_owned();
    let re = vm.get_attr(&v, "real")?;
    let im = vm.get_attr(&v, "imag")?;
    Ok(Value::tuple(vec![re, im]))
}

// ----- bool -----

fn bool_ctor(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check("bool", 0, 1)?;
    match args.get(0) {
        Some(v) => Ok(Value::Bool(vm.truthy(v)?)),
        None => Ok(Value::Bool(false)),
    }
}

fn bool_new(vm: &mut Vm, args: Args) -> PyResult<Value> {
    bool_ctor(vm, args.rest())
}

fn bool_op(vm: &mut Vm, args: Args, op: BinOp) -> PyResult<Value> {
    let a = args.get(0).cloned().unwrap_or(Value::None);
    let b = args.get(1).cloned().unwrap_or(Value::None);
    match vm.native_binop(op, &a, &b) {
        Some(r) => r,
        None => Ok(Value::NotImplemented),
    }
}

fn bool_and(vm: &mut Vm, args: Args) -> PyResult<Value> {
    bool_op(vm, args, BinOp::And)
}
fn bool_or(vm: &mut Vm, args: Args) -> PyResult<Value> {
    bool_op(vm, args, BinOp::Or)
}
fn bool_xor(vm: &mut Vm, args: Args) -> PyResult<Value> {
    bool_op(vm, args, BinOp::Xor)
}

// ----- float -----

pub fn float_ctor(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check("float", 0, 1)?;
    let Some(x) = args.get(0) else {
        return Ok(Value::Float(0.0));
    };
    float_from(vm, x).map(Value::Float)
}

pub fn float_from(vm: &mut Vm, x: &Value) -> PyResult<f64> {
    match x {
        Value::Float(f) => Ok(*f),
        Value::Int(i) => Ok(*i as f64),
        Value::Bool(b) => Ok(*b as i64 as f64),
        Value::BigInt(_) => int::to_f64(x),
        Value::Str(s) => parse_float(vm, s.as_str(), x),
        Value::Bytes(b) => {
            let t = String::from_utf8_lossy(&b.data).into_owned();
            parse_float(vm, &t, x)
        }
        Value::ByteArray(b) => {
            let t = String::from_utf8_lossy(&b.data.borrow()).into_owned();
            parse_float(vm, &t, x)
        }
        _ => {
            if let Some(f) = vm.lookup_special(x, "__float__") {
                if matches!(f, Value::Builtin(_)) {
                    if let Value::Instance(i) = x {
                        let bv = i.base_value.get();
                        if !bv.is_undef() {
                            return float_from(vm, &bv);
                        }
                    }
                }
                let r = vm.call_function(&f, std::slice::from_ref(x))?;
                return match r {
                    Value::Float(v) => Ok(v),
                    _ => Err(PyErr::type_error(format!("{}.__float__ returned non-float (type {})", vm.type_name(x), vm.type_name(&r)))),
                };
            }
            if let Some(i) = vm.index_value(x)? {
                return int::to_f64(&i);
            }
            if let Value::Instance(i) = x {
                let bv = i.base_value.get();
                if !bv.is_undef() {
                    return float_from(vm, &bv);
                }
            }
            Err(PyErr::type_error(format!("float() argument must be a string or a real number, not '{}'", vm.type_name(x))))
        }
    }
}

fn parse_float(vm: &mut Vm, text: &str, orig: &Value) -> PyResult<f64> {
    match float::parse(text) {
        Some(f) => Ok(f),
        None => {
            let r = vm.repr_string(orig)?;
            Err(PyErr::value_error(format!("could not convert string to float: {}", r)))
        }
    }
}

fn float_new(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let cls = class_arg(&args)?;
    let v = float_ctor(vm, args.rest())?;
    Ok(wrap_for_class(vm, &cls, v))
}

fn this_float(vm: &Vm, args: &Args) -> PyResult<f64> {
    match vm.unwrap_builtin(args.this()).as_ref() {
        Value::Float(f) => Ok(*f),
        v => Err(PyErr::type_error(format!("descriptor requires a 'float' object but received a '{}'", vm.type_name(v)))),
    }
}

fn float_self(vm: &mut Vm, args: Args) -> PyResult<Value> {
    Ok(Value::Float(this_float(vm, &args)?))
}

fn float_conjugate(vm: &mut Vm, args: Args) -> PyResult<Value> {
    arg::no_args(&args, "float.conjugate")?;
    Ok(Value::Float(this_float(vm, &args)?))
}

fn float_is_integer(vm: &mut Vm, args: Args) -> PyResult<Value> {
    arg::no_args(&args, "float.is_integer")?;
    Ok(Value::Bool(float::is_integral(this_float(vm, &args)?)))
}

fn float_int(vm: &mut Vm, args: Args) -> PyResult<Value> {
    int::from_f64(this_float(vm, &args)?)
}

fn float_floor(vm: &mut Vm, args: Args) -> PyResult<Value> {
    int::from_f64(this_float(vm, &args)?.floor())
}

fn float_ceil(vm: &mut Vm, args: Args) -> PyResult<Value> {
    int::from_f64(this_float(vm, &args)?.ceil())
}

fn float_round(vm: &mut Vm, args: Args) -> PyResult<Value> {
    arg::positional(&args.rest(), "__round__", 0, 1)?;
    let f = this_float(vm, &args)?;
    let round = vm.builtins.get_str("round").unwrap();
    match args.get(1) {
        None | Some(Value::None) => vm.call_function(&round, &[Value::Float(f)]),
        Some(nd) => {
            let nd = nd.clone();
            vm.call_function(&round, &[Value::Float(f), nd])
        }
    }
}

fn float_as_integer_ratio(vm: &mut Vm, args: Args) -> PyResult<Value> {
    arg::no_args(&args, "float.as_integer_ratio")?;
    let f = this_float(vm, &args)?;
    if f.is_infinite() {
        return Err(PyErr::overflow("cannot convert Infinity to integer ratio"));
    }
    if f.is_nan() {
        return Err(PyErr::value_error("cannot convert NaN to integer ratio"));
    }
    let (m, e) = float::frexp(f);
    let mut m = m;
    let mut e = e as i64;
    let mut n = 0;
    while m != m.floor() && n < 300 {
        m *= 2.0;
        e -= 1;
        n += 1;
    }
    let num = int::float_to_bigint(m);
    let (num, den) = if e >= 0 { (num << e as usize, BigInt::from(1)) } else { (num, BigInt::from(1) << (-e) as usize) };
    Ok(Value::tuple(vec![int::normalize(num), int::normalize(den)]))
}

fn float_hex(vm: &mut Vm, args: Args) -> PyResult<Value> {
    arg::no_args(&args, "float.hex")?;
    let f = this_float(vm, &args)?;
    if f.is_nan() {
        return Ok(Value::str("nan"));
    }
    if f.is_infinite() {
        return Ok(Value::str(if f > 0.0 { "inf" } else { "-inf" }));
    }
    let sign = if f.is_sign_negative() { "-" } else { "" };
    if f == 0.0 {
        return Ok(Value::string(format!("{}0x0.0p+0", sign)));
    }
    let bits = f.abs().to_bits();
    let exp = ((bits >> 52) & 0x7ff) as i64;
    let mant = bits & ((1u64 << 52) - 1);
    let (lead, e) = if exp == 0 { (0, -1022) } else { (1, exp - 1023) };
    let hex = format!("{:013x}", mant);
    Ok(Value::string(format!("{}0x{}.{}p{}{}", sign, lead, hex, if e < 0 { "-" } else { "+" }, e.abs())))
}

fn float_fromhex(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let arg = args.get(1).cloned().unwrap_or(Value::None);
    let s = match vm.unwrap_builtin(&arg).as_ref() {
        Value::Str(s) => s.as_str().to_string(),
        _ => return Err(PyErr::type_error(format!("must be str, not {}", vm.type_name(&arg)))),
    };
    let x = parse_hex_float(&s)?;
    match args.get(0) {
        Some(Value::Class(c)) if !PyRef::ptr_eq(c, &vm.types.float) => vm.call_function(&Value::Class(c.clone()), &[Value::Float(x)]),
        _ => Ok(Value::Float(x)),
    }
}

/// `float.fromhex` parsing, exactly rounded (half to even).
fn parse_hex_float(text: &str) -> PyResult<f64> {
    let invalid = || PyErr::value_error("invalid hexadecimal floating-point string");
    let t = text.trim_matches(|c: char| c.is_ascii_whitespace());
    let (neg, t) = match t.as_bytes().first() {
        Some(b'-') => (true, &t[1..]),
        Some(b'+') => (false, &t[1..]),
        _ => (false, t),
    };
    let lower = t.to_ascii_lowercase();
    let sign = if neg { -1.0 } else { 1.0 };
    match lower.as_str() {
        "inf" | "infinity" => return Ok(sign * f64::INFINITY),
        "nan" => return Ok(float::fresh_nan().copysign(sign)),
        _ => {}
    }
    let body = lower.strip_prefix("0x").unwrap_or(&lower);
    let (mant, exp) = match body.split_once('p') {
        Some((m, e)) => {
            let e = e.strip_prefix('+').unwrap_or(e);
            if e.is_empty() || !e.trim_start_matches('-').bytes().all(|b| b.is_ascii_digit()) || e.trim_start_matches('-').is_empty() {
                return Err(invalid());
            }
            // Huge exponents saturate; the mantissa decides over/underflow.
            let v: i64 = e.parse().unwrap_or(if e.starts_with('-') { -(1 << 40) } else { 1 << 40 });
            (m, v.clamp(-(1 << 40), 1 << 40))
        }
        None => (body, 0),
    };
    let (ip, fp) = mant.split_once('.').unwrap_or((mant, ""));
    if ip.is_empty() && fp.is_empty() {
        return Err(invalid());
    }
    let mut m = BigInt::zero();
    for c in ip.chars().chain(fp.chars()) {
        let d = c.to_digit(16).ok_or_else(invalid)?;
        m = m * 16 + d;
    }
    let e2 = exp - 4 * fp.len() as i64;
    let x = big_ldexp(&m, e2).ok_or_else(|| PyErr::overflow("hexadecimal value too large to represent as a float"))?;
    Ok(sign * x)
}

/// `m * 2**e` correctly rounded to a double (half to even); `None` on overflow.
fn big_ldexp(m: &BigInt, e: i64) -> Option<f64> {
    if m.is_zero() {
        return Some(0.0);
    }
    let nbits = m.bits() as i64;
    // The exponent of the leading bit, and how many bits the double keeps
    // (fewer for subnormal results).
    let top = nbits + e; // value in [2**(top-1), 2**top)
    if top > 1024 {
        return None;
    }
    let keep = if top >= -1021 { 53 } else { 53 - (-1021 - top) };
    if keep <= 0 {
        // Below half the smallest subnormal, or exactly at/above it.
        if keep == 0 {
            // Compare with 2**-1075 (half of the smallest subnormal).
            let half = BigInt::one() << (nbits - 1) as usize;
            return Some(if *m > half { 5e-324 } else { 0.0 });
        }
        return Some(0.0);
    }
    let shift = nbits - keep;
    let mut q: BigInt;
    if shift > 0 {
        q = m >> shift as usize;
        let rem = m - (&q << shift as usize);
        let half = BigInt::one() << (shift - 1) as usize;
        if rem > half || (rem == half && (&q & BigInt::one()) == BigInt::one()) {
            q += 1;
        }
    } else {
        q = m.clone();
    }
    let qf = q.to_f64()?;
    let r = int::ldexp(qf, e + shift.max(0));
    if r.is_infinite() {
        return None;
    }
    Some(r)
}

// ----- complex -----

fn complex_ctor(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.allow_kwargs("complex", &["real", "imag"])?;
    let re = args.arg(0, "real").cloned();
    let im = args.arg(1, "imag").cloned();
    if let Some(Value::Str(s)) = &re {
        if im.is_some() {
            return Err(PyErr::type_error("complex() can't take second arg if first is a string"));
        }
        return parse_complex(s.as_str());
    }
    // (real, imag, whether the argument was complex).
    let parts = |vm: &mut Vm, v: &Option<Value>| -> PyResult<(f64, f64, bool)> {
        match v {
            None => Ok((0.0, 0.0, false)),
            Some(Value::Complex(c)) => Ok((c.re, c.im, true)),
            Some(x) => {
                if let Some(f) = vm.lookup_special(x, "__complex__") {
                    if let Value::Complex(c) = vm.call_function(&f, std::slice::from_ref(x))? {
                        return Ok((c.re, c.im, true));
                    }
                }
                Ok((arg::float(vm, x)?, 0.0, false))
            }
        }
    };
    if let Some(Value::Str(_)) = &im {
        return Err(PyErr::type_error("complex() second arg can't be a string"));
    }
    // As CPython's complex_new: parts are only added when an argument was
    // complex, so `complex(0, -0.0)` keeps its negative zero.
    let (a, b, r_complex) = parts(vm, &re)?;
    let (mut real, mut imag) = (a, if im.is_none() { b } else { 0.0 });
    if im.is_some() {
        let (c, d, i_complex) = parts(vm, &im)?;
        imag = c;
        if i_complex {
            real -= d;
        }
        if r_complex {
            imag += b;
        }
    }
    Ok(crate::vm::ops::complex(real, imag))
}

fn parse_complex(s: &str) -> PyResult<Value> {
    let err = || PyErr::value_error("complex() arg is a malformed string");
    let mut t = s.trim();
    if let Some(inner) = t.strip_prefix('(') {
        t = inner.strip_suffix(')').ok_or_else(err)?.trim();
    }
    if t.is_empty() || t.contains(char::is_whitespace) {
        return Err(err());
    }
    if let Some(body) = t.strip_suffix(['j', 'J']) {
        // Split at the last sign that is not an exponent sign.
        let bytes = body.as_bytes();
        let mut split = None;
        for i in (1..bytes.len()).rev() {
            if (bytes[i] == b'+' || bytes[i] == b'-') && !matches!(bytes[i - 1], b'e' | b'E') {
                split = Some(i);
                break;
            }
        }
        let (re, im) = match split {
            Some(i) => (&body[..i], &body[i..]),
            None => ("0", body),
        };
        let im_v = match im {
            "" | "+" => 1.0,
            "-" => -1.0,
            x => float::parse(x).ok_or_else(err)?,
        };
        let re_v = float::parse(re).ok_or_else(err)?;
        return Ok(crate::vm::ops::complex(re_v, im_v));
    }
    Ok(crate::vm::ops::complex(float::parse(t).ok_or_else(err)?, 0.0))
}

fn complex_new(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let cls = class_arg(&args)?;
    let v = complex_ctor(vm, args.rest())?;
    Ok(wrap_for_class(vm, &cls, v))
}

fn complex_conjugate(vm: &mut Vm, args: Args) -> PyResult<Value> {
    match vm.unwrap_builtin(args.this()).as_ref() {
        Value::Complex(c) => Ok(crate::vm::ops::complex(c.re, -c.im)),
        _ => Err(PyErr::type_error("descriptor 'conjugate' requires a 'complex' object")),
    }
}
