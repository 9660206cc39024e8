//! Runtime support for `match` statements.

use super::{PyErr, PyResult, Vm};
use crate::objects::*;

impl Vm {
    /// Whether `x` is a sequence (kind 0) or a mapping (kind 1) for pattern matching.
    pub fn match_kind(&mut self, x: &Value, kind: u8) -> bool {
        let v = self.unwrap_builtin(x).into_owned();
        match kind {
            0 => match v {
                Value::List(_) | Value::Tuple(_) | Value::Range(_) => true,
                Value::Instance(_) | Value::Native(_) => {
                    let cls = self.class_of(x);
                    let is_seq = cls.mro.borrow().iter().any(|c| c.name() == "Sequence" || c.name() == "MutableSequence");
                    is_seq
                }
                _ => false,
            },
            _ => match v {
                Value::Dict(_) => true,
                Value::Instance(_) | Value::Native(_) => {
                    let cls = self.class_of(x);
                    let is_map = cls.mro.borrow().iter().any(|c| c.name() == "Mapping" || c.name() == "MutableMapping");
                    is_map
                }
                _ => false,
            },
        }
    }

    /// Class pattern (CPython's `match_class`): the tuple of the values for
    /// the `npos` positional sub-patterns (named by `__match_args__`) and
    /// the keyword sub-patterns `names`, or None if `x` does not match.
    pub fn match_class(&mut self, x: &Value, cls: &Value, names: &Value, npos: usize) -> PyResult<Value> {
        let Value::Class(c) = cls else {
            return Err(PyErr::type_error("called match pattern must be a type"));
        };
        if !self.isinstance_check(x, cls)? {
            return Ok(Value::None);
        }
        let type_name = c.name();
        let mut seen: Vec<String> = Vec::new();
        let mut out = Vec::new();
        if npos > 0 {
            let (match_args, match_self) = match self.get_attr_opt(cls, "__match_args__")? {
                Some(Value::Tuple(t)) => (t.as_slice().to_vec(), false),
                Some(other) => {
                    return Err(PyErr::type_error(format!("{}.__match_args__ must be a tuple (got {})", type_name, self.type_name(&other))))
                }
                None => (Vec::new(), self.matches_self(c)),
            };
            let allowed = if match_self { 1 } else { match_args.len() };
            if allowed < npos {
                return Err(PyErr::type_error(format!(
                    "{}() accepts {} positional sub-pattern{} ({} given)",
                    type_name,
                    allowed,
                    if allowed == 1 { "" } else { "s" },
                    npos
                )));
            }
            if match_self {
                out.push(x.clone());
            } else {
                for name in &match_args[..npos] {
                    let Value::Str(n) = name else {
                        return Err(PyErr::type_error(format!("__match_args__ elements must be strings (got {})", self.type_name(name))));
                    };
                    match self.match_class_attr(x, &type_name, n.as_str(), &mut seen)? {
                        Some(v) => out.push(v),
                        None => return Ok(Value::None),
                    }
                }
            }
        }
        if let Value::Tuple(t) = names {
            for n in t.as_slice() {
                let n = n.as_str().unwrap_or("");
                match self.match_class_attr(x, &type_name, n, &mut seen)? {
                    Some(v) => out.push(v),
                    None => return Ok(Value::None),
                }
            }
        }
        Ok(Value::tuple(out))
    }

    /// One attribute for a class pattern: None when the subject lacks it.
    fn match_class_attr(&mut self, x: &Value, type_name: &str, name: &str, seen: &mut Vec<String>) -> PyResult<Option<Value>> {
        if seen.iter().any(|s| s == name) {
            return Err(PyErr::type_error(format!(
                "{}() got multiple sub-patterns for attribute {}",
                type_name,
                super::repr::simple_repr(&Value::str(name))
            )));
        }
        seen.push(name.to_string());
        self.get_attr_opt(x, name)
    }

    /// Builtin types whose class patterns take the subject itself as their
    /// one positional sub-pattern (`int(x)`), and their subclasses.
    fn matches_self(&self, c: &PyRef<ClassObj>) -> bool {
        let t = &self.types;
        let selfish = [&t.bool_, &t.bytearray, &t.bytes, &t.dict, &t.float, &t.frozenset, &t.int, &t.list, &t.set, &t.str_, &t.tuple];
        c.mro.borrow().iter().any(|m| selfish.iter().any(|s| PyRef::ptr_eq(m, s)))
    }

    /// Mapping pattern (CPython's `match_keys`): the values of `keys` in
    /// `x`, looked up with `x.get(key, sentinel)`, or None if one is missing.
    pub fn match_keys(&mut self, x: &Value, keys: &Value) -> PyResult<Value> {
        let Value::Tuple(t) = keys else {
            return Ok(Value::None);
        };
        if t.is_empty() {
            return Ok(Value::tuple(vec![]));
        }
        let seen = DictObj::new();
        let dummy = Value::list(vec![]);
        let mut out = Vec::with_capacity(t.len());
        for k in t.as_slice() {
            if self.dict_get(&seen, k)?.is_some() {
                let r = self.repr_string(k)?;
                return Err(PyErr::value_error(format!("mapping pattern checks duplicate key ({})", r)));
            }
            self.dict_set(&seen, k.clone(), Value::None)?;
            let found = match x {
                Value::Dict(d) => self.dict_get(d, k)?.unwrap_or_else(|| dummy.clone()),
                _ => self.call_method(x, "get", &[k.clone(), dummy.clone()])?,
            };
            if found.is(&dummy) {
                return Ok(Value::None);
            }
            out.push(found);
        }
        Ok(Value::tuple(out))
    }

    /// `**rest` in a mapping pattern.
    pub fn copy_dict_without_keys(&mut self, x: &Value, keys: &Value) -> PyResult<Value> {
        let d = DictObj::new();
        let items: Vec<(Value, Value)> = match x {
            Value::Dict(src) => src.items(),
            _ => {
                let ks = self.call_method(x, "keys", &[])?;
                let ks = self.collect_iterable(&ks)?;
                let mut out = Vec::new();
                for k in ks {
                    let v = self.get_item(x, &k)?;
                    out.push((k, v));
                }
                out
            }
        };
        for (k, v) in items {
            self.dict_set(&d, k, v)?;
        }
        if let Value::Tuple(t) = keys {
            for k in t.as_slice() {
                self.dict_del(&d, k)?;
            }
        }
        Ok(Value::Dict(d))
    }
}
