//! Inline caches for attribute access on instances of Python classes.
//!
//! Each `LoadAttr`, `StoreAttr` and `LoadMethod` instruction has a `Cache`
//! slot. A cache is valid while the class's version is unchanged (any
//! change to the class or its bases renews the version), so what was
//! decided from the class at fill time — no data descriptor of that name,
//! no `__getattribute__`/`__setattr__` override, which function a method
//! name resolves to — still holds. What depends on the instance is
//! re-checked cheaply on each use: the position of the attribute in the
//! instance dict (entries keep their positions until the key is deleted),
//! or that the instance dict does not shadow a method.
//!
//! Cache layout: `a` = class version (0: empty), `c` = kind, `b` = the
//! dict entry position (`ATTR`) or the function's object address (`METHOD`).

use super::attr::MethodLookup;
use super::{PyResult, Vm};
use crate::bytecode::{Cache, CodeObj};
use crate::objects::*;

/// The attribute is in the instance dict at entry `b`.
pub const ATTR: u64 = 1;
/// The name resolves to the plain Python function at address `b` on the
/// class, and the instance dict does not have it.
pub const METHOD: u64 = 2;

/// The address of the attribute value the cache of `LoadAttr`/`StoreAttr`
/// instruction `pc` of `code` points to for instance `obj`, if the cache
/// applies to it (compiled code reads or writes the value there).
#[inline]
pub fn cached_attr_ptr(obj: &Value, code: &CodeObj, pc: usize) -> Option<*mut Value> {
    let name = match code.instrs[pc] {
        crate::bytecode::Instr::LoadAttr { name, .. } | crate::bytecode::Instr::StoreAttr { name, .. } => name,
        _ => return None,
    };
    let cache = *code.cache(pc);
    if let Value::Instance(inst) = obj {
        // SAFETY: nothing below sets the instance's class.
        if let (Some(d), Value::Class(cls)) = (&inst.dict, unsafe { inst.class.peek() }) {
            if cls.version.get() == cache.a && cache.c == ATTR && d.str_key_at(cache.b as usize, code.names[name as usize].as_str()) {
                return Some(d.value_ref_at(cache.b as usize) as *const Value as *mut Value);
            }
        }
    }
    None
}

impl Vm {
    /// `obj.name` through the instruction's cache.
    #[inline]
    pub fn load_attr_cached(&mut self, obj: &Value, code: &CodeObj, pc: usize, name: &StrObj) -> PyResult<Value> {
        // A copy: the slot is not borrowed across code that could run this
        // instruction again.
        let cache = *code.cache(pc);
        if let Value::Instance(inst) = obj {
            // SAFETY: nothing below sets the instance's class while `cls` is used.
            if let (Some(d), Value::Class(cls)) = (&inst.dict, unsafe { inst.class.peek() }) {
                if cls.version.get() == cache.a && cache.c == ATTR && d.str_key_at(cache.b as usize, name.as_str()) {
                    return Ok(d.value_ref_at(cache.b as usize).clone());
                }
            }
        }
        let v = self.get_attr(obj, name.as_str())?;
        self.fill_attr_cache(obj, name.as_str(), code.cache(pc), false);
        Ok(v)
    }

    /// `obj.name = value` through the instruction's cache.
    #[inline]
    pub fn store_attr_cached(&mut self, obj: &Value, code: &CodeObj, pc: usize, name: &StrObj, value: Value) -> PyResult<()> {
        let cache = *code.cache(pc);
        if let Value::Instance(inst) = obj {
            // SAFETY: nothing below sets the instance's class while `cls` is used.
            if let (Some(d), Value::Class(cls)) = (&inst.dict, unsafe { inst.class.peek() }) {
                if cls.version.get() == cache.a && cache.c == ATTR && d.str_key_at(cache.b as usize, name.as_str()) {
                    d.set_value_at(cache.b as usize, value);
                    return Ok(());
                }
            }
        }
        self.set_attr(obj, name.as_str(), value)?;
        self.fill_attr_cache(obj, name.as_str(), code.cache(pc), true);
        Ok(())
    }

    /// `obj.name` for a method call, through the instruction's cache.
    #[inline]
    pub fn load_method_cached(&mut self, obj: &Value, code: &CodeObj, pc: usize, name: &StrObj) -> PyResult<MethodLookup> {
        let cache = *code.cache(pc);
        if let Value::Instance(inst) = obj {
            // SAFETY: nothing below sets the instance's class while `cls` is used.
            if let (Some(d), Value::Class(cls)) = (&inst.dict, unsafe { inst.class.peek() }) {
                if cls.version.get() == cache.a {
                    let n = name.as_str();
                    if cache.c == METHOD && d.find_str(n, crate::objects::str::hash_str(n)).is_none() {
                        // SAFETY: `b` is the address of a function held by
                        // the class dict, unchanged since the version is.
                        let f = unsafe { PyRef::clone_from_raw(cache.b as *const rc::ObjBox<FunctionObj>) };
                        return Ok(MethodLookup::Unbound(Value::Function(f)));
                    }
                    if cache.c == ATTR && d.str_key_at(cache.b as usize, n) {
                        return Ok(MethodLookup::Attr(d.value_ref_at(cache.b as usize).clone()));
                    }
                }
            }
        }
        let m = self.load_method(obj, name.as_str())?;
        self.fill_method_cache(obj, name.as_str(), code.cache(pc));
        Ok(m)
    }

    /// Whether the class lets attribute `name` of its instances be found
    /// in (or stored to) the instance dict directly.
    fn dict_attr_cacheable(&self, cls: &ClassObj, name: &str, store: bool) -> bool {
        let flags = cls.flags.get();
        let hooks = class_flags::HAS_GETATTRIBUTE | if store { class_flags::HAS_SETATTR } else { 0 };
        if flags & hooks != 0 || name == "__class__" || name == "__dict__" {
            return false;
        }
        match cls.lookup(name) {
            None => true,
            Some(a) => !self.is_data_descriptor(&a) && !matches!(a, Value::Instance(_) | Value::Native(_)),
        }
    }

    fn fill_attr_cache(&mut self, obj: &Value, name: &str, cache: &mut Cache, store: bool) {
        cache.a = 0;
        if let Value::Instance(inst) = obj {
            // SAFETY: nothing below sets the instance's class while `cls` is used.
            if let (Some(d), Value::Class(cls)) = (&inst.dict, unsafe { inst.class.peek() }) {
                if !self.dict_attr_cacheable(cls, name, store) {
                    return;
                }
                if let Some(i) = d.find_str(name, crate::objects::str::hash_str(name)) {
                    cache.a = cls.version.get();
                    cache.b = i as u64;
                    cache.c = ATTR;
                }
            }
        }
    }

    fn fill_method_cache(&mut self, obj: &Value, name: &str, cache: &mut Cache) {
        cache.a = 0;
        if let Value::Instance(inst) = obj {
            // SAFETY: nothing below sets the instance's class while `cls` is used.
            if let (Some(d), Value::Class(cls)) = (&inst.dict, unsafe { inst.class.peek() }) {
                if cls.flags.get() & class_flags::HAS_GETATTRIBUTE != 0 {
                    return;
                }
                if let Some(i) = d.find_str(name, crate::objects::str::hash_str(name)) {
                    if self.dict_attr_cacheable(cls, name, false) {
                        cache.a = cls.version.get();
                        cache.b = i as u64;
                        cache.c = ATTR;
                    }
                    return;
                }
                if let Some(Value::Function(f)) = cls.lookup(name) {
                    cache.a = cls.version.get();
                    cache.b = f.as_ptr() as u64;
                    cache.c = METHOD;
                }
            }
        }
    }
}
