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
    set_iterator,
    enumerate,
    zip,
    map,
    filter,
    reversed,
    callable_iterator,
    iterator,
    member_descriptor,
);

thread_local! {
    static NEXT_CLASS_VERSION: Cell<u64> = const { Cell::new(1) };
}

pub fn fresh_class_version() -> u64 {
    NEXT_CLASS_VERSION.with(|c| {
        let v = c.get();
        c.set(v + 1);
        v
    })
}

fn raw_class(
    name: &str,
    bases: Vec<PyRef<ClassObj>>,
    layout: Layout,
    flags: u32,
    tag: u8,
) -> PyRef<ClassObj> {
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
        let mk = |name: &str, tag: u8, flags: u32| {
            raw_class(
                name,
                vec![object.clone()],
                Layout::Builtin,
                flags | NO_DICT,
                tag,
            )
        };
        let int = mk("int", 3, 0);
        let bool_ = raw_class(
            "bool",
            vec![int.clone()],
            Layout::Builtin,
            NO_DICT | FINAL,
            2,
        );
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
            set_iterator: mk("set_iterator", 26, FINAL),
            enumerate: mk("enumerate", 26, 0),
            zip: mk("zip", 26, 0),
            map: mk("map", 26, 0),
            filter: mk("filter", 26, 0),
            reversed: mk("reversed", 26, 0),
            callable_iterator: mk("callable_iterator", 26, FINAL),
            iterator: mk("iterator", 26, FINAL),
            member_descriptor: mk("member_descriptor", 27, FINAL),
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
            &self.set_iterator,
            &self.enumerate,
            &self.zip,
            &self.map,
            &self.filter,
            &self.reversed,
            &self.callable_iterator,
            &self.iterator,
            &self.member_descriptor,
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
            Value::Generator(_) => t.generator.clone(),
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
            IterKind::Dict { part, .. } => match part {
                DictPart::Keys => t.dict_keyiterator.clone(),
                DictPart::Values => t.dict_valueiterator.clone(),
                DictPart::Items => t.dict_itemiterator.clone(),
            },
            IterKind::Set { .. } => t.set_iterator.clone(),
            IterKind::Enumerate { .. } => t.enumerate.clone(),
            IterKind::Zip { .. } => t.zip.clone(),
            IterKind::Map { .. } => t.map.clone(),
            IterKind::Filter { .. } => t.filter.clone(),
            IterKind::Reversed { .. } => t.reversed.clone(),
            IterKind::Callable { .. } => t.callable_iterator.clone(),
            IterKind::GetItem { .. } | IterKind::Done => t.iterator.clone(),
        }
    }

    /// The name of `type(v)` (for error messages).
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
            _ => self.class_of(v).name.borrow().clone(),
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
            _ => Err(PyErr::type_error(
                "isinstance() arg 2 must be a type, a tuple of types, or a union",
            )),
        }
    }

    /// Adds a builtin method to a class.
    pub fn add_method(&self, class: &PyRef<ClassObj>, name: &'static str, func: BuiltinFn) {
        let owner: &'static str = Box::leak(class.name.borrow().clone().into_boxed_str());
        class.dict.set_str(
            name,
            Value::Builtin(PyRef::new(BuiltinObj {
                name,
                func,
                this: Value::Undef,
                owner,
                doc: None,
            })),
        );
    }

    /// Adds a class attribute.
    pub fn add_attr(&self, class: &PyRef<ClassObj>, name: &str, v: Value) {
        class.dict.set_str(name, v);
    }

    /// A builtin function value.
    pub fn builtin_fn(&self, name: &'static str, func: BuiltinFn, owner: &'static str) -> Value {
        Value::Builtin(PyRef::new(BuiltinObj {
            name,
            func,
            this: Value::Undef,
            owner,
            doc: None,
        }))
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
pub fn compute_mro(
    cls: &PyRef<ClassObj>,
    bases: &[PyRef<ClassObj>],
) -> PyResult<Vec<PyRef<ClassObj>>> {
    let mut seqs: Vec<Vec<PyRef<ClassObj>>> =
        bases.iter().map(|b| b.mro.borrow().clone()).collect();
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
            let in_tail = seqs
                .iter()
                .any(|t| t[1..].iter().any(|c| PyRef::ptr_eq(c, head)));
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
