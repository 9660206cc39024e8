//! The builtin type objects (`int`, `list`, `type`, the exception classes,
//! ...) and the class machinery shared with user classes: MRO computation,
//! attribute lookup along the MRO, `type(x)`.

use std::cell::{Cell, RefCell};

use super::{ExcKind, PyErr, PyResult, Vm};
use crate::objects::*;

macro_rules! types_struct {
    ($($field:ident),* $(,)?) => {
        /// Every builtin class, created once at start-up.
        pub struct Types {
            $(pub $field: PyRef<ClassObj>,)*
            /// Builtin exception classes, indexed by `ExcKind`.
            pub exc: Vec<PyRef<ClassObj>>,
        }
    };
}

types_struct!(
    object,
    type_,
    int,
    bool_,
    float,
    complex,
    str_,
    bytes,
    bytearray,
    list,
    tuple,
    dict,
    set,
    frozenset,
    range,
    slice,
    none_type,
    not_implemented_type,
    ellipsis_type,
    function,
    builtin_function,
    method,
    module,
    code,
    cell,
    generator,
    coroutine,
    async_generator,
    coroutine_wrapper,
    async_generator_asend,
    async_generator_athrow,
    anext_awaitable,
    property,
    classmethod,
    staticmethod,
    super_,
    dict_keys,
    dict_values,
    dict_items,
    list_iterator,
    tuple_iterator,
    range_iterator,
    str_iterator,
    dict_keyiterator,
    dict_valueiterator,
    dict_itemiterator,
    dict_reversekeyiterator,
    dict_reversevalueiterator,
    dict_reverseitemiterator,
    list_reverseiterator,
    set_iterator,
    enumerate,
    zip,
    map,
    filter,
    reversed,
    callable_iterator,
    iterator,
    member_descriptor,
    mappingproxy,
);

thread_local! {
    static NEXT_CLASS_VERSION: Cell<u64> = const { Cell::new(1) };
    /// The versions some live class has now (`class_version_live`).
    static LIVE_CLASS_VERSIONS: RefCell<std::collections::HashSet<u64, crate::objects::keyhash::BuildKeyHasher>> = RefCell::default();
}

/// A new class version, live until `retire_class_version`.
pub fn fresh_class_version() -> u64 {
    let v = NEXT_CLASS_VERSION.with(|c| {
        let v = c.get();
        c.set(v + 1);
        v
    });
    let _ = LIVE_CLASS_VERSIONS.try_with(|s| s.borrow_mut().insert(v));
    v
}

/// A class changed (`ClassObj::touch`) or was freed: no class has this
/// version any more.
pub fn retire_class_version(v: u64) {
    let _ = LIVE_CLASS_VERSIONS.try_with(|s| s.borrow_mut().remove(&v));
}

/// Whether some live class has version `v` now: then what an inline cache
/// recorded with `v` (a method's address) is still in that class's
/// dicts, and alive. (Versions are never reused.) The JIT reads a cached
/// function only then.
pub fn class_version_live(v: u64) -> bool {
    LIVE_CLASS_VERSIONS.try_with(|s| s.borrow().contains(&v)).unwrap_or(false)
}

/// Classes CPython implements in C whose Spry versions are Python classes
/// or made by Rust modules (module, name; `*`: all of the module's): their
/// `tp_name`, which error messages use, has the module in it.
const C_TYPES: &[(&str, &str)] = &[
    ("collections", "deque"),
    ("collections", "OrderedDict"),
    ("collections", "defaultdict"),
    ("collections", "deque"),
    ("decimal", "Decimal"),
    ("decimal", "Context"),
    ("datetime", "date"),
    ("datetime", "datetime"),
    ("datetime", "time"),
    ("datetime", "timedelta"),
    ("datetime", "timezone"),
    ("datetime", "tzinfo"),
    ("re", "Pattern"),
    ("re", "Match"),
    ("array", "array"),
    ("functools", "partial"),
    ("itertools", "*"),
    ("operator", "itemgetter"),
    ("operator", "attrgetter"),
    ("operator", "methodcaller"),
    ("_struct", "Struct"),
    ("_io", "*"),
];

/// Sets or clears `C_TYPE_NAME` on class `c` from its module and name (one
/// of `C_TYPES`?), when it is made and when its `__module__` is set.
pub fn update_c_type_flag(c: &ClassObj) {
    let c_type =
        matches!(c.module.get(), Value::Str(m) if C_TYPES.iter().any(|&(mm, n)| mm == m.as_str() && (n == "*" || n == *c.name.borrow())));
    let f = c.flags.get() & !class_flags::C_TYPE_NAME;
    c.flags.set(if c_type { f | class_flags::C_TYPE_NAME } else { f });
}

/// Moves the class version counter on to the next multiple of 2^20 (when
/// the main program starts; see `dict::round_up_versions`).
pub fn round_up_class_versions() {
    NEXT_CLASS_VERSION.with(|c| c.set((c.get() + (1 << 20)) & !((1 << 20) - 1)));
}

fn raw_class(name: &str, bases: Vec<PyRef<ClassObj>>, layout: Layout, flags: u32, tag: u8) -> PyRef<ClassObj> {
    let c = PyRef::new_tracked(ClassObj {
        name: RefCell::new(name.to_string()),
        qualname: RefCell::new(name.to_string()),
        module: ValueCell::new(Value::str("builtins")),
        bases: RefCell::new(bases.clone()),
        mro: RefCell::new(Vec::new()),
        dict: DictObj::new(),
        version: Cell::new(fresh_class_version()),
        layout: Cell::new(layout),
        flags: Cell::new(flags | class_flags::BUILTIN),
        metaclass: ValueCell::new(Value::Undef),
        subclasses: RefCell::new(Vec::new()),
        slots: RefCell::new(None),
        builtin_tag: Cell::new(tag),
        ctor: Cell::new(None),
        init_cache: Cell::new((0, 0)),
        attr_hint: Cell::new(0),
    });
    let mut mro = vec![c.clone()];
    if let Some(b) = bases.first() {
        mro.extend(b.mro.borrow().iter().cloned());
    }
    *c.mro.borrow_mut() = mro;
    for b in bases.iter() {
        b.subclasses.borrow_mut().push(c.as_ptr());
    }
    c
}

impl Types {
    pub fn new() -> Types {
        use class_flags::{FINAL, NO_DICT};
        let object = raw_class("object", vec![], Layout::Object, NO_DICT, 0);
        let type_ = raw_class("type", vec![object.clone()], Layout::Object, NO_DICT, 20);
        let mk = |name: &str, tag: u8, flags: u32| raw_class(name, vec![object.clone()], Layout::Builtin, flags | NO_DICT, tag);
        let int = mk("int", 3, 0);
        let bool_ = raw_class("bool", vec![int.clone()], Layout::Builtin, NO_DICT | FINAL, 2);
        let exc = {
            let mut v: Vec<PyRef<ClassObj>> = Vec::new();
            for k in ExcKind::ALL {
                let base = match k.base() {
                    Some(b) => v[b as usize].clone(),
                    None => object.clone(),
                };
                let c = raw_class(k.name(), vec![base], Layout::Exception, 0, 21);
                v.push(c);
            }
            v
        };
        let t = Types {
            float: mk("float", 4, 0),
            complex: mk("complex", 16, 0),
            str_: mk("str", 6, 0),
            bytes: mk("bytes", 12, 0),
            bytearray: mk("bytearray", 13, 0),
            list: mk("list", 7, 0),
            tuple: mk("tuple", 8, 0),
            dict: mk("dict", 9, 0),
            set: mk("set", 10, 0),
            frozenset: mk("frozenset", 11, 0),
            range: mk("range", 14, FINAL),
            slice: mk("slice", 15, FINAL),
            none_type: mk("NoneType", 1, FINAL),
            not_implemented_type: mk("NotImplementedType", 28, FINAL),
            ellipsis_type: mk("ellipsis", 29, FINAL),
            function: mk("function", 17, FINAL),
            builtin_function: mk("builtin_function_or_method", 18, FINAL),
            method: mk("method", 19, FINAL),
            module: mk("module", 22, 0),
            code: mk("code", 23, FINAL),
            cell: mk("cell", 24, FINAL),
            generator: mk("generator", 25, FINAL),
            coroutine: mk("coroutine", 25, FINAL),
            async_generator: mk("async_generator", 25, FINAL),
            coroutine_wrapper: mk("coroutine_wrapper", 27, FINAL),
            async_generator_asend: mk("async_generator_asend", 27, FINAL),
            async_generator_athrow: mk("async_generator_athrow", 27, FINAL),
            anext_awaitable: mk("anext_awaitable", 27, FINAL),
            property: mk("property", 27, 0),
            classmethod: mk("classmethod", 27, 0),
            staticmethod: mk("staticmethod", 27, 0),
            super_: mk("super", 27, 0),
            dict_keys: mk("dict_keys", 27, FINAL),
            dict_values: mk("dict_values", 27, FINAL),
            dict_items: mk("dict_items", 27, FINAL),
            list_iterator: mk("list_iterator", 26, FINAL),
            tuple_iterator: mk("tuple_iterator", 26, FINAL),
            range_iterator: mk("range_iterator", 26, FINAL),
            str_iterator: mk("str_ascii_iterator", 26, FINAL),
            dict_keyiterator: mk("dict_keyiterator", 26, FINAL),
            dict_valueiterator: mk("dict_valueiterator", 26, FINAL),
            dict_itemiterator: mk("dict_itemiterator", 26, FINAL),
            dict_reversekeyiterator: mk("dict_reversekeyiterator", 26, FINAL),
            dict_reversevalueiterator: mk("dict_reversevalueiterator", 26, FINAL),
            dict_reverseitemiterator: mk("dict_reverseitemiterator", 26, FINAL),
            list_reverseiterator: mk("list_reverseiterator", 26, FINAL),
            set_iterator: mk("set_iterator", 26, FINAL),
            enumerate: mk("enumerate", 26, 0),
            zip: mk("zip", 26, 0),
            map: mk("map", 26, 0),
            filter: mk("filter", 26, 0),
            reversed: mk("reversed", 26, 0),
            callable_iterator: mk("callable_iterator", 26, FINAL),
            iterator: mk("iterator", 26, FINAL),
            member_descriptor: mk("member_descriptor", 27, FINAL),
            mappingproxy: mk("mappingproxy", 27, FINAL),
            object,
            type_,
            int,
            bool_,
            exc,
        };
        // Every class's metaclass is `type`.
        let all = t.all();
        for c in all {
            c.metaclass.set(Value::Class(t.type_.clone()));
        }
        t
    }

    /// Every builtin class.
    pub fn all(&self) -> Vec<PyRef<ClassObj>> {
        let mut v = vec![
            &self.object,
            &self.type_,
            &self.int,
            &self.bool_,
            &self.float,
            &self.complex,
            &self.str_,
            &self.bytes,
            &self.bytearray,
            &self.list,
            &self.tuple,
            &self.dict,
            &self.set,
            &self.frozenset,
            &self.range,
            &self.slice,
            &self.none_type,
            &self.not_implemented_type,
            &self.ellipsis_type,
            &self.function,
            &self.builtin_function,
            &self.method,
            &self.module,
            &self.code,
            &self.cell,
            &self.generator,
            &self.coroutine,
            &self.async_generator,
            &self.coroutine_wrapper,
            &self.async_generator_asend,
            &self.async_generator_athrow,
            &self.anext_awaitable,
            &self.property,
            &self.classmethod,
            &self.staticmethod,
            &self.super_,
            &self.dict_keys,
            &self.dict_values,
            &self.dict_items,
            &self.list_iterator,
            &self.tuple_iterator,
            &self.range_iterator,
            &self.str_iterator,
            &self.dict_keyiterator,
            &self.dict_valueiterator,
            &self.dict_itemiterator,
            &self.dict_reversekeyiterator,
            &self.dict_reversevalueiterator,
            &self.dict_reverseitemiterator,
            &self.list_reverseiterator,
            &self.set_iterator,
            &self.enumerate,
            &self.zip,
            &self.map,
            &self.filter,
            &self.reversed,
            &self.callable_iterator,
            &self.iterator,
            &self.member_descriptor,
            &self.mappingproxy,
        ]
        .into_iter()
        .cloned()
        .collect::<Vec<_>>();
        v.extend(self.exc.iter().cloned());
        v
    }
}

impl Default for Types {
    fn default() -> Self {
        Types::new()
    }
}

/// Finishes the builtin types once the VM exists (nothing to do yet beyond
/// what `builtins::init` registers).
pub fn init_types(_vm: &mut Vm) {}

impl Vm {
    /// `type(v)`.
    pub fn class_of(&self, v: &Value) -> PyRef<ClassObj> {
        let t = &self.types;
        match v {
            Value::Instance(i) => i.class(),
            Value::Int(_) | Value::BigInt(_) => t.int.clone(),
            Value::Float(_) => t.float.clone(),
            Value::Bool(_) => t.bool_.clone(),
            Value::Str(_) => t.str_.clone(),
            Value::List(_) => t.list.clone(),
            Value::Tuple(_) => t.tuple.clone(),
            Value::Dict(_) => t.dict.clone(),
            Value::None | Value::Undef => t.none_type.clone(),
            Value::Set(_) => t.set.clone(),
            Value::FrozenSet(_) => t.frozenset.clone(),
            Value::Bytes(_) => t.bytes.clone(),
            Value::ByteArray(_) => t.bytearray.clone(),
            Value::Range(_) => t.range.clone(),
            Value::Slice(_) => t.slice.clone(),
            Value::Complex(_) => t.complex.clone(),
            Value::Function(_) => t.function.clone(),
            Value::Builtin(_) => t.builtin_function.clone(),
            Value::Method(_) => t.method.clone(),
            Value::Class(c) => match c.metaclass.get() {
                Value::Class(m) => m,
                _ => t.type_.clone(),
            },
            Value::Module(_) => t.module.clone(),
            Value::Code(_) => t.code.clone(),
            Value::Cell(_) => t.cell.clone(),
            Value::Generator(g) => match g.kind {
                super::generator::GenKind::Generator => t.generator.clone(),
                super::generator::GenKind::Coroutine => t.coroutine.clone(),
                super::generator::GenKind::AsyncGenerator => t.async_generator.clone(),
            },
            Value::Iter(it) => self.iter_class(it),
            Value::Native(n) => n.class.clone(),
            Value::NotImplemented => t.not_implemented_type.clone(),
            Value::Ellipsis => t.ellipsis_type.clone(),
        }
    }

    fn iter_class(&self, it: &IterObj) -> PyRef<ClassObj> {
        let t = &self.types;
        match &*it.kind.borrow() {
            IterKind::Seq { seq, .. } => match seq {
                Value::List(_) => t.list_iterator.clone(),
                Value::Tuple(_) => t.tuple_iterator.clone(),
                _ => t.iterator.clone(),
            },
            IterKind::Range { .. } => t.range_iterator.clone(),
            IterKind::IntRange { .. } => t.range_iterator.clone(),
            IterKind::Str { .. } => t.str_iterator.clone(),
            IterKind::Dict { part, rev: false, .. } => match part {
                DictPart::Keys => t.dict_keyiterator.clone(),
                DictPart::Values => t.dict_valueiterator.clone(),
                DictPart::Items => t.dict_itemiterator.clone(),
            },
            IterKind::Dict { part, rev: true, .. } => match part {
                DictPart::Keys => t.dict_reversekeyiterator.clone(),
                DictPart::Values => t.dict_reversevalueiterator.clone(),
                DictPart::Items => t.dict_reverseitemiterator.clone(),
            },
            IterKind::Set { .. } => t.set_iterator.clone(),
            IterKind::Enumerate { .. } => t.enumerate.clone(),
            IterKind::Zip { .. } => t.zip.clone(),
            IterKind::Map { .. } => t.map.clone(),
            IterKind::Filter { .. } => t.filter.clone(),
            IterKind::Reversed { seq: Value::List(_), .. } => t.list_reverseiterator.clone(),
            IterKind::Reversed { .. } => t.reversed.clone(),
            IterKind::Callable { .. } => t.callable_iterator.clone(),
            IterKind::GetItem { .. } | IterKind::Done => t.iterator.clone(),
        }
    }

    /// `type(v).__name__` (what reprs show: CPython's `_PyType_Name`).
    pub fn short_type_name(&self, v: &Value) -> String {
        self.class_of(v).name.borrow().clone()
    }

    /// The name of `type(v)` for error messages (CPython's `tp_name`: with
    /// the module for `C_TYPES`).
    pub fn type_name(&self, v: &Value) -> String {
        match v {
            Value::Int(_) | Value::BigInt(_) => "int".into(),
            Value::Float(_) => "float".into(),
            Value::Str(_) => "str".into(),
            Value::List(_) => "list".into(),
            Value::Tuple(_) => "tuple".into(),
            Value::Dict(_) => "dict".into(),
            Value::None => "NoneType".into(),
            Value::Bool(_) => "bool".into(),
            _ => {
                let c = self.class_of(v);
                Vm::class_tp_name(&c)
            }
        }
    }

    /// A class's name for error messages (`tp_name`, as `type_name`).
    pub fn class_tp_name(c: &ClassObj) -> String {
        match c.module.get() {
            Value::Str(m) if c.flags.get() & class_flags::C_TYPE_NAME != 0 => format!("{}.{}", m.as_str(), c.name.borrow()),
            _ => c.name.borrow().clone(),
        }
    }

    /// `isinstance(obj, cls)` for a class or a tuple of classes, honouring
    /// a metaclass's `__instancecheck__`.
    pub fn isinstance_check(&mut self, obj: &Value, cls: &Value) -> PyResult<bool> {
        match cls {
            Value::Class(c) => {
                if self.is_instance(obj, c) {
                    return Ok(true);
                }
                let meta = self.class_of(cls);
                if !PyRef::ptr_eq(&meta, &self.types.type_) {
                    if let Some(f) = meta.lookup("__instancecheck__") {
                        let r = self.call_function(&f, &[cls.clone(), obj.clone()])?;
                        return self.truthy(&r);
                    }
                }
                Ok(false)
            }
            Value::Tuple(t) => {
                let t = t.clone();
                for c in t.as_slice() {
                    if self.isinstance_check(obj, c)? {
                        return Ok(true);
                    }
                }
                Ok(false)
            }
            _ => Err(PyErr::type_error("isinstance() arg 2 must be a type, a tuple of types, or a union")),
        }
    }

    /// Adds a builtin method to a class.
    pub fn add_method(&self, class: &PyRef<ClassObj>, name: &'static str, func: BuiltinFn) {
        let owner: &'static str = Box::leak(class.name.borrow().clone().into_boxed_str());
        class
            .dict
            .set_str(name, Value::Builtin(PyRef::new(BuiltinObj { name, func, this: Value::Undef, owner, doc: None, function: false })));
    }

    /// Adds a class attribute.
    pub fn add_attr(&self, class: &PyRef<ClassObj>, name: &str, v: Value) {
        class.dict.set_str(name, v);
    }

    /// A builtin function value.
    pub fn builtin_fn(&self, name: &'static str, func: BuiltinFn, owner: &'static str) -> Value {
        Value::Builtin(PyRef::new(BuiltinObj { name, func, this: Value::Undef, owner, doc: None, function: false }))
    }

    /// A `property` of native accessors (`fset` None: read-only), for the
    /// attributes of types made in Rust.
    pub fn native_property(&self, fget: Value, fset: Value) -> Value {
        let data = NativeData::Property { fget, fset, fdel: Value::None, doc: Value::None, name: Default::default() };
        self.new_native(self.types.property.clone(), data)
    }

    /// A function of module `module` (see `BuiltinObj::function`).
    pub fn builtin_function(&self, name: &'static str, func: BuiltinFn, module: &'static str) -> Value {
        Value::Builtin(PyRef::new(BuiltinObj { name, func, this: Value::Undef, owner: module, doc: None, function: true }))
    }
}

/// `isinstance` on classes: whether `sub` has `sup` in its MRO.
pub fn is_subclass(sub: &PyRef<ClassObj>, sup: &PyRef<ClassObj>) -> bool {
    if PyRef::ptr_eq(sub, sup) {
        return true;
    }
    sub.mro.borrow().iter().any(|c| PyRef::ptr_eq(c, sup))
}

impl ClassObj {
    /// Looks `name` up along the MRO (no descriptors applied).
    pub fn lookup(&self, name: &str) -> Option<Value> {
        super::inline_cache::class_lookup(self, name)
    }

    /// `lookup` without the class attribute cache.
    pub fn lookup_uncached(&self, name: &str) -> Option<Value> {
        let hash = crate::objects::str::hash_str(name);
        for c in self.mro.borrow().iter() {
            if let Some(i) = c.dict.find_str(name, hash) {
                return Some(c.dict.value_at(i));
            }
        }
        None
    }

    /// Like `lookup`, also returning the class that defines the name.
    pub fn lookup_with_owner(&self, name: &str) -> Option<(Value, PyRef<ClassObj>)> {
        let hash = crate::objects::str::hash_str(name);
        for c in self.mro.borrow().iter() {
            if let Some(i) = c.dict.find_str(name, hash) {
                return Some((c.dict.value_at(i), c.clone()));
            }
        }
        None
    }

    pub fn name(&self) -> String {
        self.name.borrow().clone()
    }

    pub fn is_builtin(&self) -> bool {
        self.flags.get() & class_flags::BUILTIN != 0
    }

    /// Invalidates caches keyed on this class and its subclasses.
    pub fn touch(&self) {
        retire_class_version(self.version.get());
        self.version.set(fresh_class_version());
        for s in self.subclasses.borrow().iter() {
            // SAFETY: classes remove themselves from their bases' subclass
            // lists when freed, so every pointer here is live.
            let sub = unsafe { &(**s).data };
            sub.touch();
        }
    }
}

/// C3 linearisation of a new class with the given bases.
pub fn compute_mro(cls: &PyRef<ClassObj>, bases: &[PyRef<ClassObj>]) -> PyResult<Vec<PyRef<ClassObj>>> {
    let mut seqs: Vec<Vec<PyRef<ClassObj>>> = bases.iter().map(|b| b.mro.borrow().clone()).collect();
    seqs.push(bases.to_vec());
    let mut result = vec![cls.clone()];
    loop {
        seqs.retain(|s| !s.is_empty());
        if seqs.is_empty() {
            return Ok(result);
        }
        // Find a head that appears in no tail.
        let mut found = None;
        for s in &seqs {
            let head = &s[0];
            let in_tail = seqs.iter().any(|t| t[1..].iter().any(|c| PyRef::ptr_eq(c, head)));
            if !in_tail {
                found = Some(head.clone());
                break;
            }
        }
        let Some(next) = found else {
            let names: Vec<String> = bases.iter().map(|b| b.name()).collect();
            return Err(PyErr::type_error(format!(
                "Cannot create a consistent method resolution\norder (MRO) for bases {}",
                names.join(", ")
            )));
        };
        for s in seqs.iter_mut() {
            if PyRef::ptr_eq(&s[0], &next) {
                s.remove(0);
            }
        }
        result.push(next);
    }
}

/// CPython 3.11's docstrings of the builtin functions (generated from
/// `builtins.<name>.__doc__`), shown as `__doc__` of Spry's builtins.
pub fn builtin_function_doc(name: &str) -> Option<&'static str> {
    Some(match name {
        "__build_class__" => "__build_class__(func, name, /, *bases, [metaclass], **kwds) -> class\n\nInternal helper function used by the class statement.",
        "__import__" => "Import a module.\n\nBecause this function is meant for use by the Python\ninterpreter and not for general use, it is better to use\nimportlib.import_module() to programmatically import a module.\n\nThe globals argument is only used to determine the context;\nthey are not modified.  The locals argument is unused.  The fromlist\nshould be a list of names to emulate ``from name import ...``, or an\nempty list to emulate ``import name``.\nWhen importing a module from a package, note that __import__('A.B', ...)\nreturns package A when fromlist is empty, but its submodule B when\nfromlist is not empty.  The level argument is used to determine whether to\nperform absolute or relative imports: 0 is absolute, while a positive number\nis the number of parent directories to search relative to the current module.",
        "abs" => "Return the absolute value of the argument.",
        "aiter" => "Return an AsyncIterator for an AsyncIterable object.",
        "all" => "Return True if bool(x) is True for all values x in the iterable.\n\nIf the iterable is empty, return True.",
        "anext" => "async anext(aiterator[, default])\n\nReturn the next item from the async iterator.  If default is given and the async\niterator is exhausted, it is returned instead of raising StopAsyncIteration.",
        "any" => "Return True if bool(x) is True for any x in the iterable.\n\nIf the iterable is empty, return False.",
        "ascii" => "Return an ASCII-only representation of an object.\n\nAs repr(), return a string containing a printable representation of an\nobject, but escape the non-ASCII characters in the string returned by\nrepr() using \\\\x, \\\\u or \\\\U escapes. This generates a string similar\nto that returned by repr() in Python 2.",
        "bin" => "Return the binary representation of an integer.\n\n   >>> bin(2796202)\n   '0b1010101010101010101010'",
        "breakpoint" => "breakpoint(*args, **kws)\n\nCall sys.breakpointhook(*args, **kws).  sys.breakpointhook() must accept\nwhatever arguments are passed.\n\nBy default, this drops you into the pdb debugger.",
        "callable" => "Return whether the object is callable (i.e., some kind of function).\n\nNote that classes are callable, as are instances of classes with a\n__call__() method.",
        "chr" => "Return a Unicode string of one character with ordinal i; 0 <= i <= 0x10ffff.",
        "compile" => "Compile source into a code object that can be executed by exec() or eval().\n\nThe source code may represent a Python module, statement or expression.\nThe filename will be used for run-time error messages.\nThe mode must be 'exec' to compile a module, 'single' to compile a\nsingle (interactive) statement, or 'eval' to compile an expression.\nThe flags argument, if present, controls which future statements influence\nthe compilation of the code.\nThe dont_inherit argument, if true, stops the compilation inheriting\nthe effects of any future statements in effect in the code calling\ncompile; if absent or false these statements do influence the compilation,\nin addition to any features explicitly specified.",
        "delattr" => "Deletes the named attribute from the given object.\n\ndelattr(x, 'y') is equivalent to ``del x.y``",
        "dir" => "dir([object]) -> list of strings\n\nIf called without an argument, return the names in the current scope.\nElse, return an alphabetized list of names comprising (some of) the attributes\nof the given object, and of attributes reachable from it.\nIf the object supplies a method named __dir__, it will be used; otherwise\nthe default dir() logic is used and returns:\n  for a module object: the module's attributes.\n  for a class object:  its attributes, and recursively the attributes\n    of its bases.\n  for any other object: its attributes, its class's attributes, and\n    recursively the attributes of its class's base classes.",
        "divmod" => "Return the tuple (x//y, x%y).  Invariant: div*y + mod == x.",
        "eval" => "Evaluate the given source in the context of globals and locals.\n\nThe source may be a string representing a Python expression\nor a code object as returned by compile().\nThe globals must be a dictionary and locals can be any mapping,\ndefaulting to the current globals and locals.\nIf only globals is given, locals defaults to it.",
        "exec" => "Execute the given source in the context of globals and locals.\n\nThe source may be a string representing one or more Python statements\nor a code object as returned by compile().\nThe globals must be a dictionary and locals can be any mapping,\ndefaulting to the current globals and locals.\nIf only globals is given, locals defaults to it.\nThe closure must be a tuple of cellvars, and can only be used\nwhen source is a code object requiring exactly that many cellvars.",
        "format" => "Return value.__format__(format_spec)\n\nformat_spec defaults to the empty string.\nSee the Format Specification Mini-Language section of help('FORMATTING') for\ndetails.",
        "getattr" => "getattr(object, name[, default]) -> value\n\nGet a named attribute from an object; getattr(x, 'y') is equivalent to x.y.\nWhen a default argument is given, it is returned when the attribute doesn't\nexist; without it, an exception is raised in that case.",
        "globals" => "Return the dictionary containing the current scope's global variables.\n\nNOTE: Updates to this dictionary *will* affect name lookups in the current\nglobal scope and vice-versa.",
        "hasattr" => "Return whether the object has an attribute with the given name.\n\nThis is done by calling getattr(obj, name) and catching AttributeError.",
        "hash" => "Return the hash value for the given object.\n\nTwo objects that compare equal must also have the same hash value, but the\nreverse is not necessarily true.",
        "hex" => "Return the hexadecimal representation of an integer.\n\n   >>> hex(12648430)\n   '0xc0ffee'",
        "id" => "Return the identity of an object.\n\nThis is guaranteed to be unique among simultaneously existing objects.\n(CPython uses the object's memory address.)",
        "input" => "Read a string from standard input.  The trailing newline is stripped.\n\nThe prompt string, if given, is printed to standard output without a\ntrailing newline before reading input.\n\nIf the user hits EOF (*nix: Ctrl-D, Windows: Ctrl-Z+Return), raise EOFError.\nOn *nix systems, readline is used if available.",
        "isinstance" => "Return whether an object is an instance of a class or of a subclass thereof.\n\nA tuple, as in ``isinstance(x, (A, B, ...))``, may be given as the target to\ncheck against. This is equivalent to ``isinstance(x, A) or isinstance(x, B)\nor ...`` etc.",
        "issubclass" => "Return whether 'cls' is derived from another class or is the same class.\n\nA tuple, as in ``issubclass(x, (A, B, ...))``, may be given as the target to\ncheck against. This is equivalent to ``issubclass(x, A) or issubclass(x, B)\nor ...``.",
        "iter" => "iter(iterable) -> iterator\niter(callable, sentinel) -> iterator\n\nGet an iterator from an object.  In the first form, the argument must\nsupply its own iterator, or be a sequence.\nIn the second form, the callable is called until it returns the sentinel.",
        "len" => "Return the number of items in a container.",
        "locals" => "Return a dictionary containing the current scope's local variables.\n\nNOTE: Whether or not updates to this dictionary will affect name lookups in\nthe local scope and vice-versa is *implementation dependent* and not\ncovered by any backwards compatibility guarantees.",
        "max" => "max(iterable, *[, default=obj, key=func]) -> value\nmax(arg1, arg2, *args, *[, key=func]) -> value\n\nWith a single iterable argument, return its biggest item. The\ndefault keyword-only argument specifies an object to return if\nthe provided iterable is empty.\nWith two or more arguments, return the largest argument.",
        "min" => "min(iterable, *[, default=obj, key=func]) -> value\nmin(arg1, arg2, *args, *[, key=func]) -> value\n\nWith a single iterable argument, return its smallest item. The\ndefault keyword-only argument specifies an object to return if\nthe provided iterable is empty.\nWith two or more arguments, return the smallest argument.",
        "next" => "next(iterator[, default])\n\nReturn the next item from the iterator. If default is given and the iterator\nis exhausted, it is returned instead of raising StopIteration.",
        "oct" => "Return the octal representation of an integer.\n\n   >>> oct(342391)\n   '0o1234567'",
        "open" => "Open file and return a stream.  Raise OSError upon failure.\n\nfile is either a text or byte string giving the name (and the path\nif the file isn't in the current working directory) of the file to\nbe opened or an integer file descriptor of the file to be\nwrapped. (If a file descriptor is given, it is closed when the\nreturned I/O object is closed, unless closefd is set to False.)\n\nmode is an optional string that specifies the mode in which the file\nis opened. It defaults to 'r' which means open for reading in text\nmode.  Other common values are 'w' for writing (truncating the file if\nit already exists), 'x' for creating and writing to a new file, and\n'a' for appending (which on some Unix systems, means that all writes\nappend to the end of the file regardless of the current seek position).\nIn text mode, if encoding is not specified the encoding used is platform\ndependent: locale.getencoding() is called to get the current locale encoding.\n(For reading and writing raw bytes use binary mode and leave encoding\nunspecified.) The available modes are:\n\n========= ===============================================================\nCharacter Meaning\n--------- ---------------------------------------------------------------\n'r'       open for reading (default)\n'w'       open for writing, truncating the file first\n'x'       create a new file and open it for writing\n'a'       open for writing, appending to the end of the file if it exists\n'b'       binary mode\n't'       text mode (default)\n'+'       open a disk file for updating (reading and writing)\n========= ===============================================================\n\nThe default mode is 'rt' (open for reading text). For binary random\naccess, the mode 'w+b' opens and truncates the file to 0 bytes, while\n'r+b' opens the file without truncation. The 'x' mode implies 'w' and\nraises an `FileExistsError` if the file already exists.\n\nPython distinguishes between files opened in binary and text modes,\neven when the underlying operating system doesn't. Files opened in\nbinary mode (appending 'b' to the mode argument) return contents as\nbytes objects without any decoding. In text mode (the default, or when\n't' is appended to the mode argument), the contents of the file are\nreturned as strings, the bytes having been first decoded using a\nplatform-dependent encoding or using the specified encoding if given.\n\nbuffering is an optional integer used to set the buffering policy.\nPass 0 to switch buffering off (only allowed in binary mode), 1 to select\nline buffering (only usable in text mode), and an integer > 1 to indicate\nthe size of a fixed-size chunk buffer.  When no buffering argument is\ngiven, the default buffering policy works as follows:\n\n* Binary files are buffered in fixed-size chunks; the size of the buffer\n  is chosen using a heuristic trying to determine the underlying device's\n  \"block size\" and falling back on `io.DEFAULT_BUFFER_SIZE`.\n  On many systems, the buffer will typically be 4096 or 8192 bytes long.\n\n* \"Interactive\" text files (files for which isatty() returns True)\n  use line buffering.  Other text files use the policy described above\n  for binary files.\n\nencoding is the name of the encoding used to decode or encode the\nfile. This should only be used in text mode. The default encoding is\nplatform dependent, but any encoding supported by Python can be\npassed.  See the codecs module for the list of supported encodings.\n\nerrors is an optional string that specifies how encoding errors are to\nbe handled---this argument should not be used in binary mode. Pass\n'strict' to raise a ValueError exception if there is an encoding error\n(the default of None has the same effect), or pass 'ignore' to ignore\nerrors. (Note that ignoring encoding errors can lead to data loss.)\nSee the documentation for codecs.register or run 'help(codecs.Codec)'\nfor a list of the permitted encoding error strings.\n\nnewline controls how universal newlines works (it only applies to text\nmode). It can be None, '', '\\n', '\\r', and '\\r\\n'.  It works as\nfollows:\n\n* On input, if newline is None, universal newlines mode is\n  enabled. Lines in the input can end in '\\n', '\\r', or '\\r\\n', and\n  these are translated into '\\n' before being returned to the\n  caller. If it is '', universal newline mode is enabled, but line\n  endings are returned to the caller untranslated. If it has any of\n  the other legal values, input lines are only terminated by the given\n  string, and the line ending is returned to the caller untranslated.\n\n* On output, if newline is None, any '\\n' characters written are\n  translated to the system default line separator, os.linesep. If\n  newline is '' or '\\n', no translation takes place. If newline is any\n  of the other legal values, any '\\n' characters written are translated\n  to the given string.\n\nIf closefd is False, the underlying file descriptor will be kept open\nwhen the file is closed. This does not work when a file name is given\nand must be True in that case.\n\nA custom opener can be used by passing a callable as *opener*. The\nunderlying file descriptor for the file object is then obtained by\ncalling *opener* with (*file*, *flags*). *opener* must return an open\nfile descriptor (passing os.open as *opener* results in functionality\nsimilar to passing None).\n\nopen() returns a file object whose type depends on the mode, and\nthrough which the standard file operations such as reading and writing\nare performed. When open() is used to open a file in a text mode ('w',\n'r', 'wt', 'rt', etc.), it returns a TextIOWrapper. When used to open\na file in a binary mode, the returned class varies: in read binary\nmode, it returns a BufferedReader; in write binary and append binary\nmodes, it returns a BufferedWriter, and in read/write mode, it returns\na BufferedRandom.\n\nIt is also possible to use a string or bytearray as a file for both\nreading and writing. For strings StringIO can be used like a file\nopened in a text mode, and for bytes a BytesIO can be used like a file\nopened in a binary mode.",
        "ord" => "Return the Unicode code point for a one-character string.",
        "pow" => "Equivalent to base**exp with 2 arguments or base**exp % mod with 3 arguments\n\nSome types, such as ints, are able to use a more efficient algorithm when\ninvoked using the three argument form.",
        "print" => "Prints the values to a stream, or to sys.stdout by default.\n\n  sep\n    string inserted between values, default a space.\n  end\n    string appended after the last value, default a newline.\n  file\n    a file-like object (stream); defaults to the current sys.stdout.\n  flush\n    whether to forcibly flush the stream.",
        "repr" => "Return the canonical string representation of the object.\n\nFor many object types, including most builtins, eval(repr(obj)) == obj.",
        "round" => "Round a number to a given precision in decimal digits.\n\nThe return value is an integer if ndigits is omitted or None.  Otherwise\nthe return value has the same type as the number.  ndigits may be negative.",
        "setattr" => "Sets the named attribute on the given object to the specified value.\n\nsetattr(x, 'y', v) is equivalent to ``x.y = v``",
        "sorted" => "Return a new list containing all items from the iterable in ascending order.\n\nA custom key function can be supplied to customize the sort order, and the\nreverse flag can be set to request the result in descending order.",
        "sum" => "Return the sum of a 'start' value (default: 0) plus an iterable of numbers\n\nWhen the iterable is empty, return the start value.\nThis function is intended specifically for use with numeric values and may\nreject non-numeric types.",
        "vars" => "vars([object]) -> dictionary\n\nWithout arguments, equivalent to locals().\nWith an argument, equivalent to object.__dict__.",
        _ => return None,
    })
}
