//! The `ast` module (see the standard-library issue); `compile()` accepts
//! AST objects through here.

use crate::objects::*;
use crate::vm::{PyResult, Vm};

/// `compile()` of an `ast.AST` object; `None` when `src` is not one.
pub fn compile_ast_object(_vm: &mut Vm, _src: &Value, _filename: &str, _mode: &str) -> PyResult<Option<Value>> {
    Ok(None)
}
