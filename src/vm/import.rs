//! The import system: `import a.b.c`, `from m import x`, relative imports,
//! modules written in Rust (`crate::modules`) or found as `.py` files on
//! `sys.path`.

use super::{ExcKind, PyErr, PyResult, Vm};
use crate::objects::*;

impl Vm {
    /// `IMPORT_NAME`: imports `name` and returns the module the statement binds.
    pub fn import_name(&mut self, name: &str, fromlist: &Value, level: usize, fi: usize) -> PyResult<Value> {
        let absolute = if level > 0 {
            let globals = self.frames[fi].globals_ref();
            self.resolve_relative(name, level, &globals)?
        } else {
            name.to_string()
        };
        if absolute.is_empty() {
            return Err(PyErr::value_error("Empty module name"));
        }
        let module = self.import_module(&absolute)?;
        let has_fromlist = match fromlist {
            Value::Tuple(t) => !t.is_empty(),
            Value::None => false,
            _ => true,
        };
        if has_fromlist {
            return Ok(module);
        }
        if level > 0 {
            // `from . import x` binds through import_from; plain relative
            // `import` is not valid syntax.
            return Ok(module);
        }
        let top = absolute.split('.').next().unwrap();
        Ok(self.modules.get_str(top).unwrap_or(module))
    }

    fn resolve_relative(&mut self, name: &str, level: usize, globals: &DictObj) -> PyResult<String> {
        let package = match globals.get_str("__package__") {
            Some(Value::Str(s)) => s.as_str().to_string(),
            _ => {
                let modname = globals.get_str("__name__").and_then(|v| v.as_str().map(|s| s.to_string())).unwrap_or_default();
                if globals.get_str("__path__").is_some() {
                    modname
                } else {
                    modname.rsplit_once('.').map(|(p, _)| p.to_string()).unwrap_or_default()
                }
            }
        };
        if package.is_empty() {
            return Err(PyErr::new(ExcKind::ImportError, "attempted relative import with no known parent package"));
        }
        let mut parts: Vec<&str> = package.split('.').collect();
        if level - 1 > parts.len() {
            return Err(PyErr::new(ExcKind::ImportError, "attempted relative import beyond top-level package"));
        }
        parts.truncate(parts.len() - (level - 1));
        let base = parts.join(".");
        Ok(if name.is_empty() { base } else { format!("{}.{}", base, name) })
    }

    /// Imports a dotted module name (parents first) and returns the module.
    pub fn import_module(&mut self, absolute: &str) -> PyResult<Value> {
        if let Some(m) = self.modules.get_str(absolute) {
            if !m.is_none() {
                return Ok(m);
            }
        }
        let mut path_so_far = String::new();
        let mut parent: Option<Value> = None;
        let mut result = Value::None;
        for part in absolute.split('.') {
            if !path_so_far.is_empty() {
                path_so_far.push('.');
            }
            path_so_far.push_str(part);
            let m = match self.modules.get_str(&path_so_far) {
                Some(m) if !m.is_none() => m,
                _ => {
                    let m = self.load_module(&path_so_far, parent.as_ref())?;
                    if let Some(p) = &parent {
                        self.set_attr(p, part, m.clone())?;
                    }
                    m
                }
            };
            parent = Some(m.clone());
            result = m;
        }
        Ok(result)
    }

    fn load_module(&mut self, fullname: &str, parent: Option<&Value>) -> PyResult<Value> {
        // Modules implemented in Rust (or shipped as source in the binary).
        if let Some(m) = crate::modules::load_builtin(self, fullname)? {
            self.modules.set_str(fullname, m.clone());
            return Ok(m);
        }
        let short = fullname.rsplit('.').next().unwrap();
        let search: Vec<String> = match parent {
            Some(p) => match self.get_attr_opt(p, "__path__")? {
                Some(path) => self.collect_iterable(&path)?.iter().filter_map(|v| v.as_str().map(|s| s.to_string())).collect(),
                None => {
                    return Err(self.module_not_found(fullname));
                }
            },
            None => {
                let p = self.path.clone();
                match p {
                    Value::List(l) => l.to_vec().iter().filter_map(|v| v.as_str().map(|s| s.to_string())).collect(),
                    _ => vec![],
                }
            }
        };
        for dir in search {
            let dir = if dir.is_empty() { ".".to_string() } else { dir };
            let pkg_init = format!("{}/{}/__init__.py", dir, short);
            let file = format!("{}/{}.py", dir, short);
            if std::path::Path::new(&pkg_init).is_file() {
                let pkg_dir = format!("{}/{}", dir, short);
                return self.exec_module_file(fullname, &pkg_init, Some(&pkg_dir));
            }
            if std::path::Path::new(&file).is_file() {
                return self.exec_module_file(fullname, &file, None);
            }
            // A namespace package: a directory without __init__.py.
            let nsdir = format!("{}/{}", dir, short);
            if std::path::Path::new(&nsdir).is_dir() && !short.is_empty() {
                let m = self.new_module(fullname);
                if let Value::Module(mo) = &m {
                    mo.dict.set_str("__path__", Value::list(vec![Value::string(nsdir)]));
                    mo.dict.set_str("__package__", Value::str(fullname));
                }
                self.modules.set_str(fullname, m.clone());
                return Ok(m);
            }
        }
        Err(self.module_not_found(fullname))
    }

    fn module_not_found(&self, name: &str) -> PyErr {
        let mut e = PyErr::new(ExcKind::ModuleNotFoundError, format!("No module named '{}'", name));
        e.0.extra = Some(Box::new(super::error::ErrExtra { name: name.to_string(), obj: Value::Undef, code: None, globals: None }));
        e
    }

    /// Runs a module's source file in a fresh module registered in sys.modules.
    fn exec_module_file(&mut self, fullname: &str, path: &str, pkg_dir: Option<&str>) -> PyResult<Value> {
        let source = std::fs::read_to_string(path).map_err(|e| PyErr::new(ExcKind::ImportError, format!("cannot read {}: {}", path, e)))?;
        self.exec_module_source(fullname, path, &source, pkg_dir, false)
    }

    /// Runs module source under `fullname`; with `builtin_frames`, every
    /// function of it runs in builtin frames (`CodeObj::builtin_frame`).
    pub fn exec_module_source(
        &mut self,
        fullname: &str,
        path: &str,
        source: &str,
        pkg_dir: Option<&str>,
        builtin_frames: bool,
    ) -> PyResult<Value> {
        let code = self.compile_module_source(source, path)?;
        if builtin_frames {
            mark_builtin_frames(&code);
        }
        let m = self.new_module(fullname);
        let Value::Module(mo) = &m else { unreachable!() };
        mo.dict.set_str("__file__", Value::str(path));
        match pkg_dir {
            Some(d) => {
                mo.dict.set_str("__path__", Value::list(vec![Value::str(d)]));
                mo.dict.set_str("__package__", Value::str(fullname));
            }
            None => {
                let pkg = fullname.rsplit_once('.').map(|(p, _)| p).unwrap_or("");
                mo.dict.set_str("__package__", Value::str(pkg));
            }
        }
        self.modules.set_str(fullname, m.clone());
        if let Err(e) = self.run_code(code, mo.dict.clone(), None) {
            let h = crate::objects::str::hash_str(fullname);
            if let Some(i) = self.modules.find_str(fullname, h) {
                self.modules.remove_at(i);
            }
            return Err(e);
        }
        // The module may have replaced itself in sys.modules.
        Ok(self.modules.get_str(fullname).unwrap_or(m))
    }

    /// `IMPORT_FROM`.
    pub fn import_from(&mut self, module: &Value, name: &str) -> PyResult<Value> {
        match self.get_attr(module, name) {
            Ok(v) => Ok(v),
            Err(e) if self.err_is(&e, ExcKind::AttributeError) => {
                // Maybe a submodule not imported yet.
                if let Value::Module(m) = module {
                    let full = format!("{}.{}", m.name, name);
                    if let Some(sub) = self.modules.get_str(&full) {
                        return Ok(sub);
                    }
                    if m.dict.get_str("__path__").is_some() {
                        if let Ok(sub) = self.import_module(&full) {
                            return Ok(sub);
                        }
                    }
                    let loc = match m.dict.get_str("__file__") {
                        Some(Value::Str(f)) => f.as_str().to_string(),
                        _ => "unknown location".to_string(),
                    };
                    let mut err = PyErr::new(ExcKind::ImportError, format!("cannot import name '{}' from '{}' ({})", name, m.name, loc));
                    err.0.extra =
                        Some(Box::new(super::error::ErrExtra { name: m.name.clone(), obj: Value::Undef, code: None, globals: None }));
                    return Err(err);
                }
                Err(e)
            }
            Err(e) => Err(e),
        }
    }

    /// `from m import *`.
    pub fn import_star(&mut self, module: &Value, target: &DictObj) -> PyResult<()> {
        let Value::Module(m) = module else {
            return Err(PyErr::type_error("from-import-* object has no __dict__ and no __all__"));
        };
        match m.dict.get_str("__all__") {
            Some(all) => {
                let names = self.collect_iterable(&all)?;
                for n in names {
                    let Some(s) = n.as_str() else { continue };
                    let v = self.get_attr(module, s)?;
                    target.set_str(s, v);
                }
            }
            None => {
                for (k, v) in m.dict.items() {
                    if let Some(s) = k.as_str() {
                        if !s.starts_with('_') {
                            target.set_str(s, v);
                        }
                    }
                }
            }
        }
        Ok(())
    }
}

/// Marks `code` and every code object nested in it as builtin frames.
pub fn mark_builtin_frames(code: &crate::bytecode::CodeObj) {
    code.builtin_frame.set(true);
    for c in code.consts.iter() {
        if let Value::Code(inner) = c {
            mark_builtin_frames(inner);
        }
    }
}
