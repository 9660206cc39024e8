//! `match` statements.

use rustpython_parser::ast;

use super::{FuncBuilder, Res};

impl<'s> FuncBuilder<'s> {
    pub(super) fn match_stmt(&mut self, m: &'s ast::StmtMatch) -> Res<()> {
        Err(self.err(m, "'match' is not supported yet"))
    }
}
