//! Compiling source text for `compile()`, `exec()` and `eval()`: the three
//! modes, with module-level names going through the locals mapping (so a
//! separate locals dict works), and `single` mode printing the values of
//! expression statements through `sys.displayhook`.

use rustpython_parser::ast;

use crate::bytecode::CodeObj;
use crate::compiler::Mode;
use crate::objects::*;
use crate::vm::{PyErr, PyResult, Vm};

/// Compiles `text` in `mode` ("exec", "eval" or "single").
pub fn compile_text(vm: &mut Vm, text: &str, filename: &str, mode: &str) -> PyResult<PyRef<CodeObj>> {
    vm.add_source(filename, text);
    let m = match mode {
        "eval" => Mode::Eval,
        "exec" | "single" => Mode::Exec,
        _ => return Err(PyErr::value_error("compile() mode must be 'exec', 'eval' or 'single'")),
    };
    let tree = match crate::frontend::parse(text, filename, m) {
        Ok(t) => t,
        Err(e) => return Err(crate::vm::exceptions::syntax_error(vm, &e, filename, text)),
    };
    compile_tree(vm, tree, text, filename, mode)
}

/// Compiles an already parsed tree (from `ast` objects).
pub fn compile_tree(vm: &mut Vm, tree: ast::Mod, text: &str, filename: &str, mode: &str) -> PyResult<PyRef<CodeObj>> {
    let m = if mode == "eval" { Mode::Eval } else { Mode::Exec };
    let tree = if mode == "single" { display_expressions(tree) } else { tree };
    match crate::compiler::compile_ast_with(&tree, text, filename, m, true) {
        Ok(c) => {
            vm.issue_compile_warnings(filename, text)?;
            Ok(c)
        }
        Err(e) => Err(crate::vm::exceptions::syntax_error(vm, &e, filename, text)),
    }
}

/// `single` mode: each top-level expression statement `e` becomes
/// `__import__('sys').displayhook(e)`.
fn display_expressions(tree: ast::Mod) -> ast::Mod {
    let ast::Mod::Module(mut m) = tree else {
        return tree;
    };
    for stmt in m.body.iter_mut() {
        if let ast::Stmt::Expr(e) = stmt {
            let range = e.range;
            let name =
                |id: &str| Box::new(ast::Expr::Name(ast::ExprName { range, id: ast::Identifier::new(id), ctx: ast::ExprContext::Load }));
            let sys_str = ast::Expr::Constant(ast::ExprConstant { range, value: ast::Constant::Str("sys".to_string()), kind: None });
            let import = ast::Expr::Call(ast::ExprCall { range, func: name("__import__"), args: vec![sys_str], keywords: vec![] });
            let hook = ast::Expr::Attribute(ast::ExprAttribute {
                range,
                value: Box::new(import),
                attr: ast::Identifier::new("displayhook"),
                ctx: ast::ExprContext::Load,
            });
            let value = std::mem::replace(&mut e.value, name("None"));
            *e.value = ast::Expr::Call(ast::ExprCall { range, func: Box::new(hook), args: vec![*value], keywords: vec![] });
        }
    }
    ast::Mod::Module(m)
}

/// `sys.displayhook(value)`: prints `repr(value)` unless it is None, and
/// keeps it as `builtins._`.
pub fn displayhook(vm: &mut Vm, args: crate::vm::Args) -> PyResult<Value> {
    args.check("displayhook", 1, 1)?;
    let v = &args.pos[0];
    if v.is_none() {
        return Ok(Value::None);
    }
    vm.builtins.set_str("_", Value::None);
    let r = vm.repr_str_of(v)?;
    vm.write_stdout(&r)?;
    vm.write_stdout("\n")?;
    vm.builtins.set_str("_", v.clone());
    Ok(Value::None)
}

/// `_dis.disassemble(code)`: Spry's register-bytecode listing of a code
/// object and the code objects nested in it (what `spry --dis` prints).
fn disassemble(vm: &mut Vm, args: crate::vm::Args) -> PyResult<Value> {
    args.check("disassemble", 1, 1)?;
    let Value::Code(c) = &args.pos[0] else {
        return Err(PyErr::type_error(format!("disassemble() argument must be a code object, not {}", vm.type_name(&args.pos[0]))));
    };
    let mut out = String::new();
    crate::bytecode::disassemble(c, &mut out);
    Ok(Value::string(out))
}

pub fn make_dis(vm: &mut Vm) -> Value {
    super::new_module(vm, "_dis", &[("disassemble", disassemble)])
}

/// `_spry_tb.format_exception(exc, chain)`: the text CPython's default hook
/// prints for an exception instance (traceback, chained exceptions, last line).
fn format_exception(vm: &mut Vm, args: crate::vm::Args) -> PyResult<Value> {
    args.check("format_exception", 2, 2)?;
    let chain = vm.truthy(&args.pos[1])?;
    let mut out = String::new();
    vm.without_suggestions(|vm| {
        if chain {
            let mut seen = Vec::new();
            vm.format_exception_chain(&args.pos[0], &mut out, &mut seen);
        } else {
            vm.format_exception(&args.pos[0], &mut out);
        }
    });
    Ok(Value::string(out))
}

/// `_spry_tb.format_tb(tb, limit)`: a traceback object's frames as
/// `traceback.format_tb` gives them (one string per frame, outermost
/// first, position markers included); `limit` as there (None: all; n > 0:
/// the first n; n < 0: the last -n).
fn format_tb(vm: &mut Vm, args: crate::vm::Args) -> PyResult<Value> {
    args.check("format_tb", 2, 2)?;
    let mut entries = crate::vm::exceptions::traceback_entries(vm, &args.pos[0])?;
    // (Stored innermost first.)
    entries.reverse();
    match &args.pos[1] {
        Value::None => {}
        Value::Int(n) if *n >= 0 => entries.truncate(*n as usize),
        Value::Int(n) => {
            let keep = n.unsigned_abs() as usize;
            if entries.len() > keep {
                entries.drain(..entries.len() - keep);
            }
        }
        _ => return Err(PyErr::type_error("limit must be an integer or None")),
    }
    entries.reverse();
    let chunks = vm.without_suggestions(|vm| vm.format_tb_entries(&entries));
    Ok(Value::list(chunks.into_iter().map(Value::string).collect()))
}

/// `_spry_tb.unraisable(exc, header)`: reports an exception that cannot
/// propagate as CPython's default `sys.unraisablehook` does: `header`,
/// then the traceback without its outermost frame (the Python caller that
/// caught it, e.g. `atexit._run_exitfuncs`), then the last line.
fn unraisable(vm: &mut Vm, args: crate::vm::Args) -> PyResult<Value> {
    args.check("unraisable", 2, 2)?;
    let header = vm.str_of(&args.pos[1])?;
    if let Value::Instance(i) = &args.pos[0] {
        if let Some(e) = i.exc.as_ref() {
            // (Stored innermost first.)
            e.traceback.borrow_mut().pop();
        }
    }
    vm.write_unraisable_value(&args.pos[0], &header);
    Ok(Value::None)
}

/// `_spry_tb.builtin_frame(f)`: marks the Python function `f` (and the
/// functions defined in it), or every method of the class `f`, as
/// standing in for code CPython implements in C (`CodeObj::builtin_frame`:
/// their frames are not shown in tracebacks); returns `f`. A decorator for
/// the embedded library's modules that are partly Python in CPython too
/// (`functools.reduce`, `functools.partial`); whole modules are marked in
/// `PY_MODULES`.
fn builtin_frame(vm: &mut Vm, args: crate::vm::Args) -> PyResult<Value> {
    args.check("builtin_frame", 1, 1)?;
    let f = &args.pos[0];
    match f {
        Value::Function(func) => crate::vm::import::mark_builtin_frames(&func.code),
        Value::Class(c) => {
            for v in c.dict.values() {
                // Functions, and those classmethod, staticmethod and
                // property objects wrap.
                let mut funcs = vec![v.clone()];
                for name in ["__func__", "fget", "fset", "fdel"] {
                    if !matches!(v, Value::Function(_)) {
                        if let Ok(Some(g)) = vm.get_attr_opt(&v, name) {
                            funcs.push(g);
                        }
                    }
                }
                for g in funcs {
                    if let Value::Function(func) = g {
                        crate::vm::import::mark_builtin_frames(&func.code);
                    }
                }
            }
        }
        _ => return Err(PyErr::type_error("builtin_frame() expects a function or a class")),
    }
    Ok(f.clone())
}

pub fn make_tb(vm: &mut Vm) -> Value {
    super::new_module(
        vm,
        "_spry_tb",
        &[("format_exception", format_exception), ("format_tb", format_tb), ("unraisable", unraisable), ("builtin_frame", builtin_frame)],
    )
}

/// `types.MethodType(function, instance)`: a bound method.
pub fn method_ctor(vm: &mut Vm, args: crate::vm::Args) -> PyResult<Value> {
    args.check("method", 2, 2)?;
    let (f, obj) = (&args.pos[0], &args.pos[1]);
    if !vm.is_callable(f) {
        return Err(PyErr::type_error("first argument must be callable"));
    }
    if obj.is_none() {
        return Err(PyErr::type_error("instance must not be None"));
    }
    Ok(Value::Method(PyRef::new_tracked(MethodObj { func: f.clone(), this: obj.clone() })))
}

/// `types.FunctionType(code, globals, name=None, argdefs=None,
/// closure=None)`: a function running `code` with `globals`, with
/// CPython's argument checks (`func_new_impl`).
pub fn function_ctor(vm: &mut Vm, args: crate::vm::Args) -> PyResult<Value> {
    args.allow_kwargs("function", &["code", "globals", "name", "argdefs", "closure"])?;
    if args.pos.len() > 5 {
        return Err(PyErr::type_error(format!("function() takes at most 5 arguments ({} given)", args.pos.len())));
    }
    let names = ["code", "globals", "name", "argdefs", "closure"];
    for (i, n) in names.iter().enumerate().take(args.pos.len()) {
        if args.kw(n).is_some() {
            return Err(PyErr::type_error(format!("argument for function() given by name ('{}') and position ({})", n, i + 1)));
        }
    }
    let get = |i: usize| args.arg(i, names[i]);
    let code = match get(0) {
        Some(Value::Code(c)) => c.clone(),
        Some(other) => return Err(PyErr::type_error(format!("function() argument 'code' must be code, not {}", vm.type_name(other)))),
        None => return Err(PyErr::type_error("function() missing required argument 'code' (pos 1)")),
    };
    let globals = match get(1) {
        Some(Value::Dict(d)) => d.clone(),
        Some(other) => return Err(PyErr::type_error(format!("function() argument 'globals' must be dict, not {}", vm.type_name(other)))),
        None => return Err(PyErr::type_error("function() missing required argument 'globals' (pos 2)")),
    };
    let name = match get(2) {
        None | Some(Value::None) => Value::str(&code.name),
        Some(v @ Value::Str(_)) => v.clone(),
        Some(_) => return Err(PyErr::type_error("arg 3 (name) must be None or string")),
    };
    let defaults = match get(3) {
        None | Some(Value::None) => Value::None,
        Some(v @ Value::Tuple(_)) => v.clone(),
        Some(_) => return Err(PyErr::type_error("arg 4 (defaults) must be None or tuple")),
    };
    let nfree = code.freevars.len();
    let closure: Vec<PyRef<CellObj>> = match get(4) {
        None | Some(Value::None) if nfree > 0 => return Err(PyErr::type_error("arg 5 (closure) must be tuple")),
        None | Some(Value::None) => Vec::new(),
        Some(Value::Tuple(t)) => {
            if t.len() != nfree {
                return Err(PyErr::value_error(format!("{} requires closure of length {}, not {}", code.name, nfree, t.len())));
            }
            let mut cells = Vec::new();
            for v in t.as_slice() {
                match v {
                    Value::Cell(c) => cells.push(c.clone()),
                    other => return Err(PyErr::type_error(format!("arg 5 (closure) expected cell, found {}", vm.type_name(other)))),
                }
            }
            cells
        }
        Some(_) => return Err(PyErr::type_error("arg 5 (closure) must be None or tuple")),
    };
    if nfree == 0 && !closure.is_empty() {
        return Err(PyErr::value_error(format!("{} requires closure of length 0, not {}", code.name, closure.len())));
    }
    let module = globals.get_str("__name__").unwrap_or(Value::None);
    let f = FunctionObj {
        qualname: ValueCell::new(Value::str(&code.qualname)),
        name: ValueCell::new(name),
        doc: ValueCell::new(code.docstring.clone()),
        module: ValueCell::new(module),
        defaults: ValueCell::new(defaults),
        kwdefaults: ValueCell::new(Value::None),
        closure: closure.into_boxed_slice(),
        dict: ValueCell::new(Value::Undef),
        annotations: ValueCell::new(Value::Undef),
        code,
        globals,
    };
    Ok(Value::Function(PyRef::new_tracked(f)))
}

/// `_spry_async.mark_iterable_coroutine(gen)`: `types.coroutine` on a
/// generator function makes its generators awaitable (CPython sets
/// `CO_ITERABLE_COROUTINE` on the code object); returns `gen`.
fn mark_iterable_coroutine(_vm: &mut Vm, args: crate::vm::Args) -> PyResult<Value> {
    args.check("mark_iterable_coroutine", 1, 1)?;
    if let Value::Generator(g) = &args.pos[0] {
        if g.kind == crate::vm::generator::GenKind::Generator {
            g.iterable_coroutine.set(true);
        }
    }
    Ok(args.pos[0].clone())
}

/// `_spry_async.is_iterable_coroutine(obj)`.
fn is_iterable_coroutine(_vm: &mut Vm, args: crate::vm::Args) -> PyResult<Value> {
    args.check("is_iterable_coroutine", 1, 1)?;
    Ok(Value::Bool(matches!(&args.pos[0], Value::Generator(g) if g.iterable_coroutine.get())))
}

pub fn make_async(vm: &mut Vm) -> Value {
    super::new_module(
        vm,
        "_spry_async",
        &[("mark_iterable_coroutine", mark_iterable_coroutine), ("is_iterable_coroutine", is_iterable_coroutine)],
    )
}
