//! Calls: binding arguments to parameters, calling any callable from Rust,
//! and instantiating classes.

use super::{Args, ExcKind, PyErr, PyResult, Ret, Vm};
use crate::bytecode::code_flags;
use crate::objects::*;

impl Vm {
    /// Calls `f(*args)` from Rust.
    #[inline]
    pub fn call_function(&mut self, f: &Value, args: &[Value]) -> PyResult<Value> {
        self.call(f, Args::new(args))
    }

    /// Calls any callable from Rust. Python functions run in a nested
    /// interpreter loop that returns when their frame does.
    pub fn call(&mut self, f: &Value, args: Args) -> PyResult<Value> {
        match f {
            Value::Builtin(b) => self.call_builtin(b, args),
            Value::Function(func) => self.call_python(func, args, None),
            Value::Method(m) => {
                let this = m.this.clone();
                match &m.func {
                    Value::Function(func) => self.call_python(func, args, Some(this)),
                    other => {
                        let mut all = Vec::with_capacity(args.len() + 1);
                        all.push(this);
                        all.extend_from_slice(args.pos);
                        let other = other.clone();
                        self.call(&other, Args { pos: &all, kwnames: args.kwnames, kwvals: args.kwvals })
                    }
                }
            }
            Value::Class(c) => self.call_class(c, args),
            _ => {
                if let Some(call) = self.lookup_special(f, "__call__") {
                    let mut all = Vec::with_capacity(args.len() + 1);
                    all.push(f.clone());
                    all.extend_from_slice(args.pos);
                    // CPython counts the call of an object through its
                    // type's `tp_call` as a level (`_PyObject_MakeTpCall`).
                    return self.with_level(" while calling a Python object", |vm| {
                        vm.call(&call, Args { pos: &all, kwnames: args.kwnames, kwvals: args.kwvals })
                    });
                }
                Err(PyErr::type_error(format!("'{}' object is not callable", self.type_name(f))))
            }
        }
    }

    pub fn call_builtin(&mut self, b: &BuiltinObj, args: Args) -> PyResult<Value> {
        // (A builtin that calls back into the operator protocol could
        // recurse without a Python frame: `RecursionError`, not a crash.)
        if self.native_stack_low() {
            return Err(PyErr::new(ExcKind::RecursionError, "maximum recursion depth exceeded"));
        }
        if b.this.is_undef() {
            (b.func)(self, args)
        } else {
            let mut all = Vec::with_capacity(args.len() + 1);
            all.push(b.this.clone());
            all.extend_from_slice(args.pos);
            (b.func)(self, Args { pos: &all, kwnames: args.kwnames, kwvals: args.kwvals })
        }
    }

    /// Calls a Python function from Rust.
    pub fn call_python(&mut self, func: &PyRef<FunctionObj>, args: Args, this: Option<Value>) -> PyResult<Value> {
        let code: &crate::bytecode::CodeObj = &func.code;
        let npos = args.pos.len() + this.is_some() as usize;
        if npos == code.argcount as usize
            && args.kwnames.is_empty()
            && code.kwonlyargcount == 0
            && code.flags & (code_flags::GENERATOR | code_flags::VARARGS | code_flags::VARKEYWORDS) == 0
        {
            // The common call from Rust (`map`, `sorted(key=)`, a dunder
            // method): exactly the positional parameters. `bind_args`'s
            // fast path and `push_frame`, without their calls.
            if self.native_stack_low() {
                return Err(PyErr::new(ExcKind::RecursionError, "maximum recursion depth exceeded"));
            }
            self.check_recursion()?;
            let base = self.stack_top();
            let nregs = code.nregs as usize;
            self.check_stack_room(base, nregs)?;
            // SAFETY: the window [base, base + nregs) is reserved stack
            // memory (checked above) whose registers are all Undef (nothing
            // to drop); npos == argcount <= nregs, and each free variable's
            // register is < nregs.
            unsafe {
                let mut i = 0;
                if let Some(t) = this {
                    base.write(t);
                    i = 1;
                }
                for v in args.pos {
                    base.add(i).write(v.clone());
                    i += 1;
                }
                for (k, (_, reg)) in code.freevars.iter().enumerate() {
                    if let Some(cell) = func.closure.get(k) {
                        *base.add(*reg as usize) = Value::Cell(cell.clone());
                    }
                }
            }
            code.entry_count.set(code.entry_count.get().wrapping_add(1));
            // SAFETY: inside the reserved window (above).
            let top = unsafe { base.add(nregs) };
            self.push_call_frame(func.clone(), base, top, Ret::ToRust);
            // A safe point: the arguments are in the new frame's registers.
            self.gc_safe_point();
            let depth = self.frames.len();
            self.native_depth += 1;
            let r = self.run(depth);
            self.native_depth -= 1;
            return r;
        }
        self.check_native_stack()?;
        self.check_recursion()?;
        let code = func.code.clone();
        if code.is_generator() {
            return self.make_generator(func, args, this);
        }
        let base = self.stack_top();
        self.check_stack_room(base, code.nregs as usize)?;
        if let Err(e) = self.bind_args(func, base, args, this) {
            clear_window(base, code.nregs as usize);
            return Err(e);
        }
        self.push_frame(func.clone(), base, Ret::ToRust);
        // A safe point: the arguments are in the new frame's registers.
        self.gc_safe_point();
        let depth = self.frames.len();
        self.native_depth += 1;
        let r = self.run(depth);
        self.native_depth -= 1;
        r
    }

    /// Pushes the frame of a Python function whose arguments are bound at `base`.
    ///
    /// Crate-internal because it writes through `base`: the caller must have
    /// reserved the register window `[base, base + nregs)` (see
    /// `check_stack_room`).
    #[inline]
    pub(crate) fn push_frame(&mut self, func: PyRef<FunctionObj>, base: *mut Value, ret: Ret) {
        let code = &*func.code;
        // Free variables come from the closure.
        for (i, (_, reg)) in code.freevars.iter().enumerate() {
            if let Some(cell) = func.closure.get(i) {
                // SAFETY: `reg` < nregs; the window is reserved stack memory.
                unsafe { *base.add(*reg as usize) = Value::Cell(cell.clone()) };
            }
        }
        code.entry_count.set(code.entry_count.get().wrapping_add(1));
        // SAFETY: the window [base, base+nregs) was checked by the caller.
        let top = unsafe { base.add(code.nregs as usize) };
        self.push_call_frame(func, base, top, ret);
    }

    /// Binds `args` (with `this` prepended) to the parameters of `func` in
    /// the register window starting at `base` (all Undef on entry).
    ///
    /// Crate-internal because it writes through `base`: the caller must have
    /// reserved the register window `[base, base + nregs)` (see
    /// `check_stack_room`).
    pub(crate) fn bind_args(&mut self, func: &FunctionObj, base: *mut Value, args: Args, this: Option<Value>) -> PyResult<()> {
        let code = &*func.code;
        let argcount = code.argcount as usize;
        let kwonly = code.kwonlyargcount as usize;
        let has_varargs = code.flags & code_flags::VARARGS != 0;
        let has_varkw = code.flags & code_flags::VARKEYWORDS != 0;
        let npos = args.pos.len() + this.is_some() as usize;
        // SAFETY: every register written below has an index < total_params <= nregs,
        // inside the window the caller reserved.
        let reg = |i: usize| unsafe { &mut *base.add(i) };
        // Fast path: exactly the positional parameters.
        if npos == argcount && args.kwnames.is_empty() && kwonly == 0 && !has_varargs && !has_varkw {
            let mut i = 0;
            if let Some(t) = this {
                *reg(0) = t;
                i = 1;
            }
            for v in args.pos {
                *reg(i) = v.clone();
                i += 1;
            }
            return Ok(());
        }
        let mut positional = this.into_iter().chain(args.pos.iter().cloned());
        for i in 0..npos.min(argcount) {
            *reg(i) = positional.next().unwrap();
        }
        let varargs_idx = argcount + kwonly;
        let varkw_idx = varargs_idx + has_varargs as usize;
        // Too many positional arguments is reported after the keywords
        // are bound (their errors come first, and the message counts the
        // keyword-only arguments given), as CPython does.
        let too_many = npos > argcount && !has_varargs;
        if npos > argcount && has_varargs {
            *reg(varargs_idx) = Value::tuple(positional.collect());
        } else if has_varargs {
            *reg(varargs_idx) = Value::tuple(vec![]);
        }
        let kwdict = if has_varkw { Some(DictObj::new()) } else { None };
        let posonly = code.posonlyargcount as usize;
        for (k, v) in args.kwnames.iter().zip(args.kwvals.iter()) {
            let Some(name) = k.as_str() else {
                return Err(PyErr::type_error(format!("{}() keywords must be strings", self.func_qualname(func))));
            };
            let idx = code.varnames[posonly..argcount + kwonly].iter().position(|n| n == name).map(|i| i + posonly);
            match idx {
                Some(j) => {
                    if !reg(j).is_undef() {
                        return Err(PyErr::type_error(format!(
                            "{}() got multiple values for argument '{}'",
                            self.func_qualname(func),
                            name
                        )));
                    }
                    *reg(j) = v.clone();
                }
                None => match &kwdict {
                    Some(d) => {
                        // The caller's key object itself (no re-interning).
                        let h = match k {
                            Value::Str(ks) => ks.hash(),
                            _ => crate::objects::str::hash_str(name),
                        };
                        if d.find_str(name, h).is_some() {
                            return Err(PyErr::type_error(format!(
                                "{}() got multiple values for keyword argument '{}'",
                                self.func_qualname(func),
                                name
                            )));
                        }
                        d.insert_new(k.clone(), h, v.clone());
                    }
                    None => {
                        let posonly_names: Vec<&str> = args
                            .kwnames
                            .iter()
                            .filter_map(|k| k.as_str())
                            .filter(|k| code.varnames[..posonly].iter().any(|n| n == k))
                            .collect();
                        if !posonly_names.is_empty() {
                            return Err(PyErr::type_error(format!(
                                "{}() got some positional-only arguments passed as keyword arguments: '{}'",
                                self.func_qualname(func),
                                posonly_names.join(", ")
                            )));
                        }
                        return Err(PyErr::type_error(format!(
                            "{}() got an unexpected keyword argument '{}'",
                            self.func_qualname(func),
                            name
                        )));
                    }
                },
            }
        }
        if too_many {
            let kwonly_given = (argcount..argcount + kwonly).filter(|&i| !reg(i).is_undef()).count();
            return Err(self.too_many_positional(func, npos, kwonly_given));
        }
        if let Some(d) = kwdict {
            *reg(varkw_idx) = Value::Dict(d);
        }
        // Defaults for missing positional parameters.
        if npos < argcount {
            let defaults = func.defaults.get();
            let defs: &[Value] = match &defaults {
                Value::Tuple(t) => t.as_slice(),
                _ => &[],
            };
            let first_default = argcount - defs.len().min(argcount);
            let mut missing = Vec::new();
            for i in npos..argcount {
                if reg(i).is_undef() {
                    if i >= first_default {
                        *reg(i) = defs[i - first_default].clone();
                    } else {
                        missing.push(code.varnames[i].clone());
                    }
                }
            }
            if !missing.is_empty() {
                return Err(PyErr::type_error(format!(
                    "{}() missing {} required positional argument{}: {}",
                    self.func_qualname(func),
                    missing.len(),
                    if missing.len() == 1 { "" } else { "s" },
                    name_list(&missing)
                )));
            }
        }
        if kwonly > 0 {
            let kwdefaults = func.kwdefaults.get();
            let mut missing = Vec::new();
            for i in argcount..argcount + kwonly {
                if reg(i).is_undef() {
                    let d = match &kwdefaults {
                        Value::Dict(d) => d.get_str(&code.varnames[i]),
                        _ => None,
                    };
                    match d {
                        Some(v) => *reg(i) = v,
                        None => missing.push(code.varnames[i].clone()),
                    }
                }
            }
            if !missing.is_empty() {
                return Err(PyErr::type_error(format!(
                    "{}() missing {} required keyword-only argument{}: {}",
                    self.func_qualname(func),
                    missing.len(),
                    if missing.len() == 1 { "" } else { "s" },
                    name_list(&missing)
                )));
            }
        }
        Ok(())
    }

    fn func_qualname(&self, func: &FunctionObj) -> String {
        match func.qualname.get() {
            Value::Str(s) => s.as_str().to_string(),
            _ => func.code.qualname.clone(),
        }
    }

    /// CPython's `too_many_positional` (`kwonly_given`: keyword-only
    /// parameters that got a value).
    fn too_many_positional(&self, func: &FunctionObj, given: usize, kwonly_given: usize) -> PyErr {
        let code = &*func.code;
        let argcount = code.argcount as usize;
        let ndefaults = match func.defaults.get() {
            Value::Tuple(t) => t.len(),
            _ => 0,
        };
        let takes = if ndefaults > 0 {
            format!("from {} to {} positional arguments", argcount - ndefaults, argcount)
        } else {
            format!("{} positional argument{}", argcount, if argcount == 1 { "" } else { "s" })
        };
        let given_s = if kwonly_given > 0 {
            format!(
                "{} positional argument{} (and {} keyword-only argument{}) were given",
                given,
                if given == 1 { "" } else { "s" },
                kwonly_given,
                if kwonly_given == 1 { "" } else { "s" }
            )
        } else {
            format!("{} {} given", given, if given == 1 { "was" } else { "were" })
        };
        PyErr::type_error(format!("{}() takes {} but {}", self.func_qualname(func), takes, given_s))
    }

    /// `cls(*args)`.
    pub fn call_class(&mut self, cls: &PyRef<ClassObj>, args: Args) -> PyResult<Value> {
        // A metaclass's own __call__.
        let meta = self.class_of(&Value::Class(cls.clone()));
        if !PyRef::ptr_eq(&meta, &self.types.type_) {
            if let Some(call) = meta.lookup("__call__") {
                if !matches!(call, Value::Builtin(_)) {
                    let mut all = Vec::with_capacity(args.len() + 1);
                    all.push(Value::Class(cls.clone()));
                    all.extend_from_slice(args.pos);
                    return self.with_level(" while calling a Python object", |vm| {
                        vm.call(&call, Args { pos: &all, kwnames: args.kwnames, kwvals: args.kwvals })
                    });
                }
            }
        }
        self.type_call(cls, args)
    }

    /// `type.__call__(cls, *args)`: `__new__` then `__init__`.
    pub fn type_call(&mut self, cls: &PyRef<ClassObj>, args: Args) -> PyResult<Value> {
        // A builtin type called directly (`list(x)` from Rust): its
        // constructor, as the interpreter's call path does.
        if let Some(ctor) = cls.ctor.get() {
            return ctor(self, args);
        }
        // Calling a class defined in Python is a level of the recursion
        // count besides the frames of `__new__`/`__init__`, as CPython's
        // `type.__call__` through `_PyObject_MakeTpCall`.
        self.with_level(" while calling a Python object", |vm| vm.type_call_inner(cls, args))
    }

    fn type_call_inner(&mut self, cls: &PyRef<ClassObj>, args: Args) -> PyResult<Value> {
        // `raise ValueError`, `KeyError(k)`: what `BaseException.__new__`
        // and `__init__` would do, without looking them up.
        if args.kwnames.is_empty() && self.plain_exception_class(cls) {
            return Ok(self.new_instance_args(cls, Some(Value::tuple(args.pos.to_vec()))));
        }
        let new = cls.lookup("__new__");
        // A builtin type without a constructor of its own (CPython's
        // `tp_new` NULL: iterators, views, builtin functions, frames):
        // `type.__call__` refuses it; `ellipsis` and `NotImplementedType`
        // return their singleton.
        if cls.is_builtin() && !PyRef::ptr_eq(cls, &self.types.object) {
            if let Some(Value::Builtin(b)) = &new {
                if b.owner == "object" {
                    let single = match cls.name().as_str() {
                        "ellipsis" => Some((Value::Ellipsis, "EllipsisType")),
                        "NotImplementedType" => Some((Value::NotImplemented, "NotImplementedType")),
                        _ => None,
                    };
                    return match single {
                        Some((_, name)) if !args.is_empty() || args.has_kwargs() => {
                            Err(PyErr::type_error(format!("{} takes no arguments", name)))
                        }
                        Some((v, _)) => Ok(v),
                        None => Err(PyErr::type_error(format!("cannot create '{}' instances", cls.name()))),
                    };
                }
            }
        }
        let obj = match &new {
            Some(Value::Builtin(b)) => {
                let mut all = Vec::with_capacity(args.len() + 1);
                all.push(Value::Class(cls.clone()));
                all.extend_from_slice(args.pos);
                (b.func)(self, Args { pos: &all, kwnames: args.kwnames, kwvals: args.kwvals })?
            }
            Some(f) => {
                let mut all = Vec::with_capacity(args.len() + 1);
                all.push(Value::Class(cls.clone()));
                all.extend_from_slice(args.pos);
                let f = match f {
                    Value::Native(n) => match &n.data {
                        NativeData::StaticMethod(inner) => inner.clone(),
                        _ => f.clone(),
                    },
                    _ => f.clone(),
                };
                self.call(&f, Args { pos: &all, kwnames: args.kwnames, kwvals: args.kwvals })?
            }
            None => self.new_instance(cls),
        };
        if !self.is_instance(&obj, cls) {
            return Ok(obj);
        }
        // A builtin type's constructor already did everything.
        if cls.is_builtin() && !matches!(obj, Value::Instance(_)) {
            return Ok(obj);
        }
        // `__init__` comes from the type of the new object (which may be a
        // subclass of `cls`), bound to the object.
        let objcls = self.class_of(&obj);
        let with_obj = |obj: &Value| {
            let mut all = Vec::with_capacity(args.len() + 1);
            all.push(obj.clone());
            all.extend_from_slice(args.pos);
            all
        };
        let r = match objcls.lookup("__init__") {
            None => return Ok(obj),
            Some(Value::Builtin(b)) if b.this.is_undef() && !b.function => {
                let all = with_obj(&obj);
                (b.func)(self, Args { pos: &all, kwnames: args.kwnames, kwvals: args.kwvals })?
            }
            Some(Value::Function(func)) => self.call_python(&func, args, Some(obj.clone()))?,
            Some(other) => {
                let bound = self.bind(other, &obj, &objcls)?;
                self.call(&bound, args)?
            }
        };
        if !r.is_none() {
            return Err(PyErr::type_error(format!("__init__() should return None, not '{}'", self.type_name(&r))));
        }
        Ok(obj)
    }

    /// How CPython names a callable in call errors (`_PyObject_FunctionStr`):
    /// `module.qualname()`, or `qualname()` for builtins.
    pub fn function_str(&mut self, f: &Value) -> String {
        let qualname = match self.get_attr_opt(f, "__qualname__") {
            Ok(Some(q)) => q,
            _ => return self.str_of(f).unwrap_or_default(),
        };
        let q = self.str_of(&qualname).unwrap_or_default();
        match self.get_attr_opt(f, "__module__") {
            Ok(Some(Value::Str(m))) if m.as_str() != "builtins" => {
                format!("{}.{}()", m.as_str(), q)
            }
            Ok(Some(m)) if !m.is_none() && m.as_str().is_none() => {
                let ms = self.str_of(&m).unwrap_or_default();
                format!("{}.{}()", ms, q)
            }
            _ => format!("{}()", q),
        }
    }

    /// Calls `obj.__call__` and friends through the attribute protocol.
    pub fn call_attr(&mut self, obj: &Value, name: &str, args: Args) -> PyResult<Value> {
        let f = self.get_attr(obj, name)?;
        self.call(&f, args)
    }

    /// Whether `v` can be called.
    pub fn is_callable(&self, v: &Value) -> bool {
        match v {
            Value::Function(_) | Value::Builtin(_) | Value::Method(_) | Value::Class(_) => true,
            _ => self.lookup_special(v, "__call__").is_some(),
        }
    }

    /// Error for calling a non-callable.
    pub fn not_callable(&self, f: &Value) -> PyErr {
        PyErr::type_error(format!("'{}' object is not callable", self.type_name(f)))
    }

    /// A `RecursionError`.
    pub fn recursion_error() -> PyErr {
        PyErr::new(ExcKind::RecursionError, "maximum recursion depth exceeded")
    }
}

/// Clears registers of a window that was partly filled before an error.
///
/// Crate-internal because it writes through `base`: `[base, base + n)` must
/// be a reserved register window.
pub(crate) fn clear_window(base: *mut Value, n: usize) {
    for i in 0..n {
        // SAFETY: the window was reserved on the register stack.
        unsafe { *base.add(i) = Value::Undef };
    }
}

/// `'a'`, `'a' and 'b'`, `'a', 'b', and 'c'` (CPython's missing-argument lists).
fn name_list(names: &[String]) -> String {
    let q: Vec<String> = names.iter().map(|n| format!("'{}'", n)).collect();
    match q.len() {
        1 => q[0].clone(),
        2 => format!("{} and {}", q[0], q[1]),
        _ => format!("{}, and {}", q[..q.len() - 1].join(", "), q[q.len() - 1]),
    }
}
