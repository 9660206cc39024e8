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

    /// Class pattern: the tuple of matched sub-values, or None if `x` is not an instance.
    pub fn match_class(&mut self, x: &Value, cls: &Value, names: &Value, npos: usize) -> PyResult<Value> {
        let Value::Class(c) = cls else {
            return Err(PyErr::type_error("called match pattern must be a class"));
        };
        if !self.is_instance(x, c) {
            return Ok(Value::None);
        }
        let mut out = Vec::new();
        if npos > 0 {
            let match_args = c.lookup("__match_args__");
            match match_args {
                Some(Value::Tuple(t)) => {
                    if npos > t.len() {
                        return Err(PyErr::type_error(format!(
                            "{}() accepts {} positional sub-pattern{} ({} given)",
                            c.name(),
                            t.len(),
                            if t.len() == 1 { "" } else { "s" },
                            npos
                        )));
                    }
                    for name in &t.as_slice()[..npos] {
                        let Some(n) = name.as_str() else {
                            return Err(PyErr::type_error("__match_args__ elements must be strings"));
                        };
                        match self.get_attr_opt(x, n)? {
                            Some(v) => out.push(v),
                            None => return Ok(Value::None),
                        }
                    }
                }
                Some(_) => return Err(PyErr::type_error(format!("{}.__match_args__ must be a tuple", c.name()))),
                None => {
                    // Builtin types match the whole subject with one positional pattern.
                    if c.is_builtin() && npos == 1 {
                        out.push(x.clone());
                    } else {
                        return Err(PyErr::type_error(format!(
                            "{}() accepts 0 positional sub-patterns ({} given)",
                            c.name(),
                            npos
                        )));
                    }
                }
            }
        }
        if let Value::Tuple(t) = names {
            for n in t.as_slice() {
                let n = n.as_str().unwrap_or("");
                match self.get_attr_opt(x, n)? {
                    Some(v) => out.push(v),
                    None => return Ok(Value::None),
                }
            }
        }
        Ok(Value::tuple(out))
    }

    /// Mapping pattern: the values of `keys` in `x`, or None if one is missing.
    pub fn match_keys(&mut self, x: &Value, keys: &Value) -> PyResult<Value> {
        let Value::Tuple(t) = keys else { return Ok(Value::None) };
        let mut out = Vec::with_capacity(t.len());
        for k in t.as_slice() {
            let found = match x {
                Value::Dict(d) => self.dict_get(d, k)?,
                _ => {
                    if !self.contains(x, k)? {
                        None
                    } else {
                        Some(self.get_item(x, k)?)
                    }
                }
            };
            match found {
                Some(v) => out.push(v),
                None => return Ok(Value::None),
            }
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
