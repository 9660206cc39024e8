//! The Rust side of the `ast` module: `compile(..., PyCF_ONLY_AST)` turns
//! source into node objects of the classes in `lib/_ast.py` (the tree comes
//! from `frontend::ast_dump::module_to_node`, which already has CPython
//! 3.11's node shapes and positions), and `compile()` of a node object
//! compiles `ast.unparse(node)`.

use crate::compiler::Mode;
use crate::frontend::ast_dump::{try_module_to_node, Field, PyNode};
use crate::objects::*;
use crate::vm::{ExcKind, PyErr, PyResult, Vm};

fn source_of(vm: &mut Vm, src: &Value) -> PyResult<String> {
    match src {
        Value::Str(s) => Ok(s.as_str().to_string()),
        Value::Bytes(b) => Ok(String::from_utf8_lossy(&b.data).into_owned()),
        Value::ByteArray(b) => Ok(String::from_utf8_lossy(&b.data.borrow()).into_owned()),
        other => Err(PyErr::type_error(format!("compile() arg 1 must be a string, bytes or AST object, not {}", vm.type_name(other)))),
    }
}

/// Python objects for a converted tree; `classes` caches `_ast` classes.
struct Builder {
    module: Value,
    classes: std::collections::HashMap<&'static str, PyRef<ClassObj>>,
}

impl Builder {
    fn class(&mut self, vm: &mut Vm, name: &'static str) -> PyResult<PyRef<ClassObj>> {
        if let Some(c) = self.classes.get(name) {
            return Ok(c.clone());
        }
        match vm.get_attr(&self.module, name)? {
            Value::Class(c) => {
                self.classes.insert(name, c.clone());
                Ok(c)
            }
            _ => Err(PyErr::new(ExcKind::SystemError, format!("_ast.{} is not a class", name))),
        }
    }

    fn node(&mut self, vm: &mut Vm, n: &PyNode) -> PyResult<Value> {
        vm.check_native_stack()?;
        let cls = self.class(vm, n.class)?;
        let obj = vm.new_instance(&cls);
        let Value::Instance(inst) = &obj else { unreachable!() };
        let Some(d) = &inst.dict else { return Ok(obj) };
        for (name, f) in &n.fields {
            let v = self.field(vm, f)?;
            d.set_str(name, v);
        }
        if crate::frontend::ast_dump::has_location(n.class) {
            d.set_str("lineno", Value::Int(n.line as i64));
            d.set_str("col_offset", Value::Int(n.col as i64));
            d.set_str("end_lineno", Value::Int(n.end_line as i64));
            d.set_str("end_col_offset", Value::Int(n.end_col as i64));
        }
        Ok(obj)
    }

    fn field(&mut self, vm: &mut Vm, f: &Field) -> PyResult<Value> {
        Ok(match f {
            Field::Node(n) => self.node(vm, n)?,
            Field::List(items) => {
                let mut out = Vec::with_capacity(items.len());
                for it in items {
                    out.push(self.field(vm, it)?);
                }
                Value::list(out)
            }
            Field::Str(s) => Value::str(s),
            Field::Bytes(b) => crate::builtins::new_bytes(b.clone()),
            Field::Int(i) => int::normalize(i.clone()),
            Field::Float(x) => Value::Float(*x),
            Field::Complex(re, im) => Value::Complex(PyRef::new(ComplexObj { re: *re, im: *im })),
            Field::Bool(b) => Value::Bool(*b),
            Field::NoneValue | Field::Missing => Value::None,
            Field::Ellipsis => Value::Ellipsis,
        })
    }
}

/// `compile(source, filename, mode, flags=ast.PyCF_ONLY_AST)`: the tree as
/// `ast` node objects.
pub fn parse_to_ast(vm: &mut Vm, src: &Value, filename: &str, mode: &str) -> PyResult<Value> {
    if is_ast_node(vm, src)? {
        return Ok(src.clone());
    }
    let text = source_of(vm, src)?;
    let m = match mode {
        "exec" | "single" => Mode::Exec,
        "eval" => Mode::Eval,
        "func_type" => return Err(PyErr::value_error("compile() mode 'func_type' is not supported by Spry")),
        _ => return Err(PyErr::value_error("compile() mode must be 'exec', 'eval' or 'single'")),
    };
    let text_for_parse = if m == Mode::Eval { text.trim_start_matches([' ', '\t']).to_string() } else { text.clone() };
    vm.add_source(filename, &text_for_parse);
    let tree = match crate::frontend::parse(&text_for_parse, filename, m) {
        Ok(t) => t,
        Err(e) => return Err(crate::vm::exceptions::syntax_error(vm, &e, filename, &text_for_parse)),
    };
    let mut node = match try_module_to_node(&tree, &text_for_parse) {
        Ok(n) => n,
        Err(e) => return Err(crate::vm::exceptions::syntax_error(vm, &e, filename, &text_for_parse)),
    };
    if mode == "single" && node.class == "Module" {
        node.class = "Interactive";
        node.fields.retain(|(n, _)| *n == "body");
    }
    let module = vm.import_module("_ast")?;
    let mut b = Builder { module, classes: Default::default() };
    b.node(vm, &node)
}

fn is_ast_node(vm: &mut Vm, v: &Value) -> PyResult<bool> {
    if !matches!(v, Value::Instance(_)) {
        return Ok(false);
    }
    let Some(m) = vm.modules.get_str("_ast") else {
        return Ok(false);
    };
    let Some(Value::Class(base)) = vm.get_attr_opt(&m, "AST")? else {
        return Ok(false);
    };
    Ok(vm.is_instance(v, &base))
}

/// `compile()` of an `ast.AST` object; `None` when `src` is not one. The
/// tree is turned back into source (`ast.unparse`) and compiled.
pub fn compile_ast_object(vm: &mut Vm, src: &Value, filename: &str, mode: &str) -> PyResult<Option<Value>> {
    if !is_ast_node(vm, src)? {
        return Ok(None);
    }
    let kind = vm.type_name(src);
    let expected = match mode {
        "exec" => "Module",
        "eval" => "Expression",
        "single" => "Interactive",
        _ => return Err(PyErr::value_error("compile() mode must be 'exec', 'eval' or 'single'")),
    };
    if kind != expected {
        return Err(PyErr::type_error(format!("expected {} node, got {}", expected, kind)));
    }
    let ast_mod = vm.import_module("ast")?;
    let unparse = vm.get_attr(&ast_mod, "unparse")?;
    let text = vm.call_function(&unparse, std::slice::from_ref(src))?;
    let text = text.as_str().unwrap_or("").to_string();
    let m = if mode == "single" { "exec" } else { mode };
    crate::modules::codeops::compile_text(vm, &text, filename, m).map(|c| Some(Value::Code(c)))
}
