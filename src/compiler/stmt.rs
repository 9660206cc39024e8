//! Statements.

use super::Set;
use rustpython_parser::ast::{self, Expr, Ranged, Stmt};

use super::symtable::{Resolution, ScopeKind};
use super::{FBlock, FuncBuilder, FunctionBody, Label, Loc, Res};
use crate::bytecode::{code_flags, BinOp, Instr, Reg};

/// What `FuncBuilder::try_body` leaves for the handlers.
struct TryParts {
    exc: Reg,
    end: Label,
    /// Names bound where a handler starts, and where `end` is reached.
    before: Set<String>,
    at_end: Set<String>,
    cleanup: Label,
    cleanup_exc: Reg,
}

/// CPython's message for leaving an `except*` body by a jump.
const EXCEPT_STAR_EXIT: &str = "'break', 'continue' and 'return' cannot appear in an except* block";

impl<'s> FuncBuilder<'s> {
    pub(super) fn stmts(&mut self, body: &'s [Stmt]) -> Res<()> {
        for s in body {
            self.stmt(s)?;
        }
        Ok(())
    }

    fn stmt(&mut self, s: &'s Stmt) -> Res<()> {
        self.set_line(s);
        let mark = self.mark();
        match s {
            Stmt::Expr(e) => {
                if let Expr::Constant(_) = &*e.value {
                    // A bare constant (docstring) has no effect.
                } else {
                    self.expr(&e.value)?;
                }
            }
            Stmt::Assign(a) => self.assign(a)?,
            Stmt::AugAssign(a) => self.aug_assign(a)?,
            Stmt::AnnAssign(a) => self.ann_assign(a)?,
            Stmt::If(i) => self.if_stmt(i)?,
            Stmt::While(w) => self.while_stmt(w)?,
            Stmt::For(f) => self.for_stmt(&f.target, &f.iter, &f.body, &f.orelse)?,
            Stmt::Break(_) => self.break_stmt(s)?,
            Stmt::Continue(_) => self.continue_stmt(s)?,
            Stmt::Pass(_) => {}
            Stmt::Return(r) => {
                if self.fblocks.iter().any(|f| matches!(f, FBlock::ExceptStar)) {
                    // (CPython reports it where its compiler stands: at a
                    // constant value, else at the statement.)
                    return Err(match r.value.as_deref() {
                        Some(v @ Expr::Constant(_)) => self.err(v, EXCEPT_STAR_EXIT),
                        _ => self.err(s, EXCEPT_STAR_EXIT),
                    });
                }
                if r.value.is_some() && self.scope.is_generator && self.scope.is_coroutine {
                    return Err(self.err(s, "'return' with value in async generator"));
                }
                self.return_stmt(r.value.as_deref())?
            }
            Stmt::FunctionDef(f) => self.function_def(s, &f.name, &f.args, &f.body, &f.decorator_list, f.returns.as_deref())?,
            Stmt::AsyncFunctionDef(f) => self.function_def(s, &f.name, &f.args, &f.body, &f.decorator_list, f.returns.as_deref())?,
            Stmt::ClassDef(c) => self.class_def(s, c)?,
            Stmt::Global(_) | Stmt::Nonlocal(_) => {}
            Stmt::Delete(d) => {
                for t in &d.targets {
                    self.delete_target(t)?;
                }
            }
            Stmt::Raise(r) => self.raise_stmt(r)?,
            Stmt::Try(t) => self.try_stmt(&t.body, &t.handlers, &t.orelse, &t.finalbody)?,
            Stmt::TryStar(t) => {
                self.star = true;
                let r = self.try_stmt(&t.body, &t.handlers, &t.orelse, &t.finalbody);
                self.star = false;
                r?
            }
            // (`-O`: assert statements are not compiled.)
            Stmt::Assert(_) if super::optimize() >= 1 => {}
            Stmt::Assert(a) => {
                let ok = self.new_label();
                self.jump_if(&a.test, true, ok)?;
                match &a.msg {
                    Some(m) => {
                        let msg = self.expr(m)?;
                        self.set_line(s);
                        self.assert_loc(&a.test);
                        self.emit(Instr::AssertFail { msg, has_msg: true });
                    }
                    None => {
                        self.assert_loc(&a.test);
                        self.emit(Instr::AssertFail { msg: 0, has_msg: false });
                    }
                }
                self.bind_label(ok);
            }
            Stmt::With(w) => self.with_stmt(&w.items, &w.body, self.loc())?,
            Stmt::AsyncWith(w) => self.async_with_stmt(&w.items, &w.body, self.loc())?,
            Stmt::AsyncFor(f) => self.async_for_stmt(&f.target, &f.iter, &f.body, &f.orelse)?,
            Stmt::Import(i) => self.import(i)?,
            Stmt::ImportFrom(i) => self.import_from(s, i)?,
            Stmt::Match(m) => self.match_stmt(m)?,
            Stmt::TypeAlias(_) => return Err(self.err(s, "invalid syntax")),
        }
        self.free_to(mark);
        self.check_regs(s)?;
        Ok(())
    }

    // ----- assignment -----

    fn assign(&mut self, a: &'s ast::StmtAssign) -> Res<()> {
        // `a, b = x, y`: evaluate all right-hand values first, then store.
        if a.targets.len() == 1 {
            if let (Expr::Tuple(t), Expr::Tuple(v)) = (&a.targets[0], &*a.value) {
                if t.elts.len() == v.elts.len() && !t.elts.iter().chain(v.elts.iter()).any(|e| matches!(e, Expr::Starred(_))) {
                    let start = self.alloc_n(v.elts.len());
                    for (i, e) in v.elts.iter().enumerate() {
                        self.expr_into(e, start + i as Reg)?;
                    }
                    for (i, e) in t.elts.iter().enumerate() {
                        self.store_target_take(e, start + i as Reg)?;
                    }
                    return Ok(());
                }
            }
            // `x = expr` straight into a local's register.
            if let Expr::Name(n) = &a.targets[0] {
                if let Some(r) = self.local_reg(n.id.as_str()) {
                    self.expr_into(&a.value, r)?;
                    self.mark_bound(n.id.as_str());
                    return Ok(());
                }
            }
        }
        let v = self.expr(&a.value)?;
        let n = a.targets.len();
        for (i, t) in a.targets.iter().enumerate() {
            if i + 1 == n && !self.is_local_reg(v) {
                self.store_target_take(t, v)?;
            } else {
                self.store_target(t, v)?;
            }
        }
        Ok(())
    }

    /// `store_target` of a temporary that dies here (its last use): a
    /// local name takes the value (`store_name_take`).
    fn store_target_take(&mut self, t: &'s Expr, src: Reg) -> Res<()> {
        match t {
            Expr::Name(n) => {
                self.store_name_take(n.id.as_str(), src);
                Ok(())
            }
            _ => self.store_target(t, src),
        }
    }

    /// Stores the value in `src` into an assignment target.
    pub(super) fn store_target(&mut self, t: &'s Expr, src: Reg) -> Res<()> {
        match t {
            Expr::Name(n) => {
                self.store_name(n.id.as_str(), src);
                Ok(())
            }
            Expr::Attribute(at) => {
                let mark = self.mark();
                let obj = self.expr(&at.value)?;
                let name = self.attr_idx(at.attr.as_str());
                self.set_attr_loc(at);
                self.emit(Instr::StoreAttr { obj, name, src });
                self.free_to(mark);
                Ok(())
            }
            Expr::Subscript(sub) => {
                let mark = self.mark();
                let obj = self.expr(&sub.value)?;
                let key = self.expr(&sub.slice)?;
                self.set_line(t);
                self.emit(Instr::SetItem { obj, key, src });
                self.free_to(mark);
                Ok(())
            }
            Expr::Tuple(tu) => self.unpack_into(&tu.elts, src, t),
            Expr::List(l) => self.unpack_into(&l.elts, src, t),
            Expr::Starred(_) => Err(self.err(t, "starred assignment target must be in a list or tuple")),
            _ => Err(self.err(t, &format!("cannot assign to {}", expr_kind_name(t)))),
        }
    }

    fn unpack_into(&mut self, elts: &'s [Expr], src: Reg, node: &'s Expr) -> Res<()> {
        let mark = self.mark();
        let star = elts.iter().position(|e| matches!(e, Expr::Starred(_)));
        if elts.iter().filter(|e| matches!(e, Expr::Starred(_))).count() > 1 {
            return Err(self.err(node, "multiple starred expressions in assignment"));
        }
        if star.is_none() {
            if let Some(first) = self.consecutive_locals(elts) {
                // `a, b = ...` into plain locals in consecutive registers:
                // unpacked straight into them (the instruction stores
                // nothing unless the unpacking succeeds).
                if !(first..first + elts.len() as Reg).contains(&src) {
                    self.set_line(node);
                    self.emit(Instr::UnpackSequence { dst: first, src, count: elts.len() as u16 });
                    for e in elts {
                        if let Expr::Name(n) = e {
                            let name = self.mangled(n.id.as_str()).to_string();
                            self.bound.insert(name);
                        }
                    }
                    return Ok(());
                }
            }
        }
        let start = self.alloc_n(elts.len());
        self.set_line(node);
        match star {
            None => {
                self.emit(Instr::UnpackSequence { dst: start, src, count: elts.len() as u16 });
            }
            Some(i) => {
                let after = elts.len() - i - 1;
                if i > 255 || after > 255 {
                    return Err(self.err(node, "too many expressions in star-unpacking assignment"));
                }
                self.emit(Instr::UnpackEx { dst: start, src, before: i as u8, after: after as u8 });
            }
        }
        for (i, e) in elts.iter().enumerate() {
            let e = if let Expr::Starred(s) = e { &*s.value } else { e };
            self.store_target_take(e, start + i as Reg)?;
        }
        self.free_to(mark);
        Ok(())
    }

    /// The first register of `elts` when they are all names of plain
    /// locals held in consecutive registers, in order.
    fn consecutive_locals(&self, elts: &[Expr]) -> Option<Reg> {
        let mut first = None;
        for (i, e) in elts.iter().enumerate() {
            let r = match e {
                Expr::Name(n) => self.local_reg(n.id.as_str())?,
                _ => return None,
            };
            let f = *first.get_or_insert(r);
            if r != f + i as Reg {
                return None;
            }
        }
        first
    }

    fn aug_assign(&mut self, a: &'s ast::StmtAugAssign) -> Res<()> {
        let op = binop(&a.op);
        // The operation is located at the statement, the load and the
        // store at the target (CPython's `compiler_augassign`).
        let stmt_loc = self.loc();
        match &*a.target {
            Expr::Name(n) => {
                let cur = self.load_name(n.id.as_str(), &*a.target)?;
                let dst = self.local_reg(n.id.as_str()).unwrap_or(cur);
                self.set_loc(stmt_loc);
                self.inplace(op, dst, cur, &a.value)?;
                self.store_name(n.id.as_str(), dst);
            }
            Expr::Attribute(at) => {
                let obj = self.expr(&at.value)?;
                let name = self.attr_idx(at.attr.as_str());
                let t = self.alloc();
                self.set_attr_loc(at);
                self.emit(Instr::LoadAttr { dst: t, obj, name });
                self.set_loc(stmt_loc);
                self.inplace(op, t, t, &a.value)?;
                self.set_attr_loc(at);
                self.emit(Instr::StoreAttr { obj, name, src: t });
            }
            Expr::Subscript(sub) => {
                let obj = self.expr(&sub.value)?;
                let key = self.expr(&sub.slice)?;
                let t = self.alloc();
                self.set_line(&*a.target);
                self.emit(Instr::GetItem { dst: t, obj, key });
                self.set_loc(stmt_loc);
                self.inplace(op, t, t, &a.value)?;
                self.set_line(&*a.target);
                self.emit(Instr::SetItem { obj, key, src: t });
            }
            _ => return Err(self.err(&*a.target, "'expression' is an illegal expression for augmented assignment")),
        }
        Ok(())
    }

    /// `dst = cur <op>= value`.
    fn inplace(&mut self, op: BinOp, dst: Reg, cur: Reg, value: &'s Expr) -> Res<()> {
        // No `AddInt` here: `x += 1` must try `__iadd__` first. A small int
        // operand was loaded into a register by the prologue.
        if let Some(r) = small_int(value).and_then(|i| self.inplace_ints.get(&i).copied()) {
            self.emit(Instr::InplaceOp { op, dst, a: cur, b: r });
            return Ok(());
        }
        let mark = self.mark();
        let v = self.expr(value)?;
        self.emit(Instr::InplaceOp { op, dst, a: cur, b: v });
        self.free_to(mark);
        Ok(())
    }

    fn ann_assign(&mut self, a: &'s ast::StmtAnnAssign) -> Res<()> {
        if let Some(v) = &a.value {
            if let Expr::Name(n) = &*a.target {
                if let Some(r) = self.local_reg(n.id.as_str()) {
                    self.expr_into(v, r)?;
                    self.mark_bound(n.id.as_str());
                } else {
                    let r = self.expr(v)?;
                    self.store_name(n.id.as_str(), r);
                }
            } else {
                let r = self.expr(v)?;
                self.store_target(&a.target, r)?;
            }
        }
        // Module and class level simple annotations go into __annotations__.
        if a.simple && matches!(self.scope.kind, ScopeKind::Module | ScopeKind::Class) {
            if let Expr::Name(n) = &*a.target {
                let mark = self.mark();
                let ann = self.alloc();
                self.load_name_into("__annotations__", ann, &*a.target)?;
                let val = self.expr(&a.annotation)?;
                let key_name = self.mangled(n.id.as_str()).into_owned();
                let k = self.add_str_const(&key_name);
                let key = self.alloc();
                self.emit(Instr::LoadConst { dst: key, k });
                self.emit(Instr::SetItem { obj: ann, key, src: val });
                self.free_to(mark);
            }
        }
        Ok(())
    }

    fn delete_target(&mut self, t: &'s Expr) -> Res<()> {
        self.set_line(t);
        match t {
            Expr::Name(n) => {
                self.delete_name(n.id.as_str());
            }
            Expr::Attribute(at) => {
                let obj = self.expr(&at.value)?;
                let name = self.attr_idx(at.attr.as_str());
                self.set_attr_loc(at);
                self.emit(Instr::DeleteAttr { obj, name });
            }
            Expr::Subscript(s) => {
                let obj = self.expr(&s.value)?;
                let key = self.expr(&s.slice)?;
                self.emit(Instr::DeleteItem { obj, key });
            }
            Expr::Tuple(tu) => {
                for e in &tu.elts {
                    self.delete_target(e)?;
                }
            }
            Expr::List(l) => {
                for e in &l.elts {
                    self.delete_target(e)?;
                }
            }
            _ => return Err(self.err(t, &format!("cannot delete {}", expr_kind_name(t)))),
        }
        Ok(())
    }

    // ----- control flow -----

    fn if_stmt(&mut self, i: &'s ast::StmtIf) -> Res<()> {
        let end = self.new_label();
        let else_l = self.new_label();
        self.jump_if(&i.test, false, else_l)?;
        let before = self.bound.clone();
        self.stmts(&i.body)?;
        let after_body = std::mem::replace(&mut self.bound, before);
        if !i.orelse.is_empty() {
            self.jump(end);
        }
        self.bind_label(else_l);
        self.stmts(&i.orelse)?;
        let after_else = std::mem::take(&mut self.bound);
        self.bound = after_body.intersection(&after_else).cloned().collect();
        self.bind_label(end);
        Ok(())
    }

    fn while_stmt(&mut self, w: &'s ast::StmtWhile) -> Res<()> {
        let stmt_loc = self.loc();
        let top = self.new_label();
        let else_l = self.new_label();
        let brk = self.new_label();
        forget_unbound(&mut self.bound, &[&w.body, &w.orelse]);
        let before = self.bound.clone();
        self.bind_label(top);
        let top_pc = self.here();
        let infinite = matches!(&*w.test, Expr::Constant(c) if matches!(c.value, ast::Constant::Bool(true)));
        if !infinite {
            self.jump_if(&w.test, false, else_l)?;
        }
        self.fblocks.push(FBlock::Loop { continue_label: top, break_label: brk });
        self.stmts(&w.body)?;
        self.fblocks.pop();
        // The back-edge is located as CPython's: at the test, or for
        // `while True` at the whole statement (where a signal handler's
        // exception comes from: no carets).
        if infinite {
            self.set_loc(stmt_loc);
        } else {
            self.set_line(&*w.test);
        }
        let counter = self.loop_counters;
        self.loop_counters += 1;
        self.emit(Instr::Loop { target: top_pc, counter });
        self.bound = before;
        self.bind_label(else_l);
        self.stmts(&w.orelse)?;
        self.bind_label(brk);
        if infinite {
            // Only `break` leaves `while True`; what the body bound before
            // every break is unknown here, so keep the conservative set.
        }
        Ok(())
    }

    pub(super) fn for_stmt(&mut self, target: &'s Expr, iter: &'s Expr, body: &'s [Stmt], orelse: &'s [Stmt]) -> Res<()> {
        // Getting the iterator and each item are located at the whole
        // statement (as CPython's GET_ITER and FOR_ITER).
        let stmt_loc = self.loc();
        let it = self.alloc();
        self.expr_into(iter, it)?;
        self.set_loc(stmt_loc);
        self.emit(Instr::GetIter { dst: it, src: it });
        let top = self.new_label();
        let else_l = self.new_label();
        let brk = self.new_label();
        forget_unbound(&mut self.bound, &[body, orelse]);
        let before = self.bound.clone();
        self.bind_label(top);
        let top_pc = self.here();
        // The loop variable gets the item directly when it is a plain local.
        let direct = match target {
            Expr::Name(n) => self.local_reg(n.id.as_str()),
            _ => None,
        };
        self.set_loc(stmt_loc);
        match direct {
            Some(r) => {
                self.emit_jump(Instr::ForIter { dst: r, iter: it, target: 0 }, else_l);
                if let Expr::Name(n) = target {
                    self.mark_bound(n.id.as_str());
                }
            }
            None => {
                let item = self.alloc();
                self.emit_jump(Instr::ForIter { dst: item, iter: it, target: 0 }, else_l);
                self.set_line(target);
                self.store_target(target, item)?;
            }
        }
        self.fblocks.push(FBlock::ForLoop { continue_label: top, break_label: brk });
        let mark = self.mark();
        self.stmts(body)?;
        self.free_to(mark);
        self.fblocks.pop();
        // The back-edge keeps the location of the body's last instruction,
        // as CPython's artificial JUMP_BACKWARD does (where a signal
        // handler's exception comes from).
        let counter = self.loop_counters;
        self.loop_counters += 1;
        self.emit(Instr::Loop { target: top_pc, counter });
        self.bound = before;
        self.bind_label(else_l);
        self.stmts(orelse)?;
        self.bind_label(brk);
        // Drop the iterator so it does not outlive the loop.
        self.emit(Instr::LoadNone { dst: it });
        Ok(())
    }

    fn break_stmt(&mut self, s: &Stmt) -> Res<()> {
        let idx = self
            .fblocks
            .iter()
            .rposition(|f| matches!(f, FBlock::Loop { .. } | FBlock::ForLoop { .. }))
            .ok_or_else(|| self.err(s, "'break' outside loop"))?;
        let target = match &self.fblocks[idx] {
            FBlock::Loop { break_label, .. } | FBlock::ForLoop { break_label, .. } => *break_label,
            _ => unreachable!(),
        };
        self.unwind_fblocks(idx + 1, s)?;
        self.jump(target);
        Ok(())
    }

    fn continue_stmt(&mut self, s: &Stmt) -> Res<()> {
        let idx = self
            .fblocks
            .iter()
            .rposition(|f| matches!(f, FBlock::Loop { .. } | FBlock::ForLoop { .. }))
            .ok_or_else(|| self.err(s, "'continue' not properly in loop"))?;
        let target = match &self.fblocks[idx] {
            FBlock::Loop { continue_label, .. } | FBlock::ForLoop { continue_label, .. } => *continue_label,
            _ => unreachable!(),
        };
        self.unwind_fblocks(idx + 1, s)?;
        // A continue is a back-edge too; it jumps to the loop header.
        self.jump(target);
        Ok(())
    }

    /// Emits the exit code of every fblock above `depth` (innermost first):
    /// finally bodies, handler exits, with-exits.
    fn unwind_fblocks(&mut self, depth: usize, node: &impl Ranged) -> Res<()> {
        let saved_blocks = self.fblocks.clone();
        let saved_handlers = self.handlers.clone();
        let saved_loc = self.loc();
        while self.fblocks.len() > depth {
            let fb = self.fblocks.pop().unwrap();
            match fb {
                FBlock::Loop { .. } | FBlock::ForLoop { .. } => {}
                FBlock::ExceptStar => return Err(self.err(node, EXCEPT_STAR_EXIT)),
                FBlock::Handler { name } => {
                    self.emit(Instr::PopExcInfo {});
                    if let Some((n, _)) = name {
                        self.clear_handler_name(&n);
                    }
                }
                FBlock::Finally { body, handler_depth } => {
                    self.handlers.truncate(handler_depth);
                    let mark = self.mark();
                    let bound = self.bound.clone();
                    self.stmts(body)?;
                    self.bound = bound;
                    self.free_to(mark);
                }
                FBlock::With { exit, handler_depth, is_async } => {
                    self.handlers.truncate(handler_depth);
                    self.set_line(node);
                    if is_async {
                        let aw = self.alloc();
                        let res = self.alloc();
                        self.emit(Instr::AsyncWithExit { dst: aw, exit, exc: 0, has_exc: false });
                        self.emit_await(aw, res);
                        self.next_reg -= 2;
                    } else {
                        self.emit(Instr::WithExit { exit });
                    }
                }
            }
        }
        self.fblocks = saved_blocks;
        self.handlers = saved_handlers;
        self.set_loc(saved_loc);
        Ok(())
    }

    fn return_stmt(&mut self, value: Option<&'s Expr>) -> Res<()> {
        let needs_unwind = self.fblocks.iter().any(|f| !matches!(f, FBlock::Loop { .. } | FBlock::ForLoop { .. }));
        let loc = self.loc();
        match value {
            None => {
                if needs_unwind {
                    self.unwind_fblocks(0, &DummyRange)?;
                }
                self.set_loc(loc);
                self.emit(Instr::ReturnNone {});
            }
            Some(e) => {
                let r = if needs_unwind {
                    // The value must survive the finally bodies.
                    let t = self.alloc();
                    self.expr_into(e, t)?;
                    t
                } else {
                    self.expr(e)?
                };
                if needs_unwind {
                    self.unwind_fblocks(0, e)?;
                }
                self.set_loc(loc);
                self.emit(Instr::Return { src: r });
            }
        }
        Ok(())
    }

    fn raise_stmt(&mut self, r: &'s ast::StmtRaise) -> Res<()> {
        match (&r.exc, &r.cause) {
            (None, _) => {
                self.emit(Instr::Raise { exc: 0, cause: 0, kind: 0 });
            }
            (Some(e), None) => {
                let exc = self.expr(e)?;
                self.emit(Instr::Raise { exc, cause: 0, kind: 1 });
            }
            (Some(e), Some(c)) => {
                let exc = self.alloc();
                self.expr_into(e, exc)?;
                let cause = self.expr(c)?;
                self.emit(Instr::Raise { exc, cause, kind: 2 });
            }
        }
        Ok(())
    }

    // ----- try -----

    fn try_stmt(&mut self, body: &'s [Stmt], handlers: &'s [ast::ExceptHandler], orelse: &'s [Stmt], finalbody: &'s [Stmt]) -> Res<()> {
        if finalbody.is_empty() {
            return self.try_except(body, handlers, orelse);
        }
        // try/finally around (try/except/else).
        let exc = self.alloc();
        let handler = self.new_label();
        let end = self.new_label();
        let before = self.bound.clone();
        self.handlers.push((handler, exc));
        self.fblocks.push(FBlock::Finally { body: finalbody, handler_depth: self.handlers.len() - 1 });
        if handlers.is_empty() {
            self.stmts(body)?;
            self.stmts(orelse)?;
        } else {
            self.try_except(body, handlers, orelse)?;
        }
        self.fblocks.pop();
        self.handlers.pop();
        // Normal exit: run the finally body.
        let mark = self.mark();
        self.stmts(finalbody)?;
        self.free_to(mark);
        self.jump(end);
        // Exceptional exit: run it with the exception being handled, then
        // re-raise (from any point of the body or the handlers).
        let mut before = before;
        let mut gone = Set::default();
        handler_names(handlers, &mut gone);
        before.retain(|n| !gone.contains(n));
        let mut blocks = vec![body, orelse];
        for ast::ExceptHandler::ExceptHandler(h) in handlers {
            blocks.push(&h.body);
        }
        forget_unbound(&mut before, &blocks);
        let after_normal = std::mem::replace(&mut self.bound, before);
        self.bind_label(handler);
        self.emit(Instr::PushExcInfo { exc });
        let cleanup = self.new_label();
        let cleanup_exc = self.alloc();
        self.handlers.push((cleanup, cleanup_exc));
        self.fblocks.push(FBlock::Handler { name: None });
        self.stmts(finalbody)?;
        self.fblocks.pop();
        self.handlers.pop();
        self.emit(Instr::PopExcInfo {});
        self.emit(Instr::Reraise { exc });
        self.bind_label(cleanup);
        self.emit(Instr::PopExcInfo {});
        self.emit(Instr::Reraise { exc: cleanup_exc });
        self.bound = after_normal;
        self.bind_label(end);
        Ok(())
    }

    fn try_except(&mut self, body: &'s [Stmt], handlers: &'s [ast::ExceptHandler], orelse: &'s [Stmt]) -> Res<()> {
        if std::mem::take(&mut self.star) {
            return self.try_star_except(body, handlers, orelse);
        }
        let TryParts { exc, end, before, mut at_end, cleanup, cleanup_exc } = self.try_body(body, orelse)?;
        for (i, h) in handlers.iter().enumerate() {
            let ast::ExceptHandler::ExceptHandler(h) = h;
            self.set_line(h);
            let next = self.new_label();
            match &h.type_ {
                Some(t) => {
                    let mark = self.mark();
                    let cls = self.expr(t)?;
                    self.emit_jump(Instr::JumpIfNotExcMatch { exc, cls, target: 0 }, next);
                    self.free_to(mark);
                }
                None => {
                    if i + 1 != handlers.len() {
                        return Err(self.err(h, "default 'except:' must be last"));
                    }
                }
            }
            let name = match &h.name {
                Some(n) => {
                    self.store_name(n.as_str(), exc);
                    Some((n.to_string(), exc))
                }
                None => None,
            };
            self.fblocks.push(FBlock::Handler { name: name.clone() });
            let mark = self.mark();
            self.stmts(&h.body)?;
            self.free_to(mark);
            self.fblocks.pop();
            self.emit(Instr::PopExcInfo {});
            if let Some((n, _)) = &name {
                self.clear_handler_name(n);
            }
            self.jump(end);
            at_end.retain(|n| self.bound.contains(n));
            self.bound = before.clone();
            self.bind_label(next);
        }
        self.handlers.pop();
        // No handler matched: re-raise.
        self.emit(Instr::PopExcInfo {});
        self.emit(Instr::Reraise { exc });
        // An exception inside a handler body: leave the handler, then propagate.
        self.try_end(cleanup, cleanup_exc, at_end, end);
        Ok(())
    }

    /// The common part of `try_except` and `try_star_except`: the body
    /// (its exceptions to a handler entry) and the `else` body, then the
    /// handler entry, where the exception (in `exc`) becomes the one being
    /// handled and an exception in the handlers goes to `cleanup`.
    fn try_body(&mut self, body: &'s [Stmt], orelse: &'s [Stmt]) -> Res<TryParts> {
        let exc = self.alloc();
        let handler = self.new_label();
        let end = self.new_label();
        let mut before = self.bound.clone();
        self.handlers.push((handler, exc));
        self.stmts(body)?;
        self.handlers.pop();
        self.stmts(orelse)?;
        self.jump(end);
        // What reaches `end`: this path and each handler's.
        let at_end = std::mem::take(&mut self.bound);
        // A handler starts where the body may have unbound names.
        forget_unbound(&mut before, &[body]);
        self.bound = before.clone();
        self.bind_label(handler);
        let cleanup = self.new_label();
        let cleanup_exc = self.alloc();
        self.emit(Instr::PushExcInfo { exc });
        self.handlers.push((cleanup, cleanup_exc));
        Ok(TryParts { exc, end, before, at_end, cleanup, cleanup_exc })
    }

    /// After the handlers: the `cleanup` path (leave the handler, then
    /// propagate), and `end`, reached with the names bound in `at_end`.
    fn try_end(&mut self, cleanup: Label, cleanup_exc: Reg, at_end: Set<String>, end: Label) {
        self.bind_label(cleanup);
        self.emit(Instr::PopExcInfo {});
        self.emit(Instr::Reraise { exc: cleanup_exc });
        self.bound = at_end;
        self.bind_label(end);
    }

    /// `try ... except* E ...` (PEP 654), as CPython 3.11 compiles it, with
    /// the module `_exceptiongroup` doing CHECK_EG_MATCH (`_match`) and
    /// PREP_RERAISE_STAR (`_prep_reraise`): each clause in turn takes the
    /// part of what is left that matches its type (a naked exception is
    /// wrapped in a group) and runs its body with it, collecting what the
    /// bodies raise; the unmatched rest and the raised exceptions are then
    /// combined into the exception re-raised, if any.
    fn try_star_except(&mut self, body: &'s [Stmt], handlers: &'s [ast::ExceptHandler], orelse: &'s [Stmt]) -> Res<()> {
        let TryParts { exc, end, before, mut at_end, cleanup, cleanup_exc } = self.try_body(body, orelse)?;
        let module = self.alloc();
        self.emit(Instr::LoadNone { dst: module });
        let mname = self.name_idx("_exceptiongroup");
        self.emit(Instr::ImportName { dst: module, name: mname, fromlist: module, level: 0 });
        let rest = self.alloc();
        self.emit(Instr::Move { dst: rest, src: exc });
        let raised = self.alloc();
        self.emit(Instr::BuildList { dst: raised, start: raised, count: 0 });
        for h in handlers {
            let ast::ExceptHandler::ExceptHandler(h) = h;
            self.set_line(h);
            let Some(t) = &h.type_ else {
                return Err(self.err(h, "expected one or more exception types"));
            };
            let next = self.new_label();
            let mark = self.mark();
            // pair = _exceptiongroup._match(rest, T): None, or (match, rest).
            let ty = self.expr(t)?;
            self.set_line(h);
            let pair = self.call_module_function(module, "_match", [rest, ty]);
            self.emit_jump(Instr::JumpIfNone { src: pair, target: 0 }, next);
            let matched = self.alloc();
            let _rest = self.alloc();
            self.emit(Instr::UnpackSequence { dst: matched, src: pair, count: 2 });
            self.emit(Instr::Move { dst: rest, src: matched + 1 });
            // The body runs with the match as the exception being handled;
            // what it raises is collected.
            self.emit(Instr::PushExcInfo { exc: matched });
            let name = h.name.as_ref().map(|n| {
                self.store_name(n.as_str(), matched);
                n.to_string()
            });
            let caught = self.new_label();
            let caught_exc = self.alloc();
            let done = self.new_label();
            self.handlers.push((caught, caught_exc));
            self.fblocks.push(FBlock::ExceptStar);
            let body_mark = self.mark();
            self.stmts(&h.body)?;
            self.free_to(body_mark);
            self.fblocks.pop();
            self.handlers.pop();
            self.emit(Instr::PopExcInfo {});
            if let Some(n) = &name {
                self.clear_handler_name(n);
            }
            self.jump(done);
            self.bind_label(caught);
            self.emit(Instr::PopExcInfo {});
            if let Some(n) = &name {
                self.clear_handler_name(n);
            }
            self.emit(Instr::ListAppend { list: raised, src: caught_exc });
            self.bind_label(done);
            at_end.retain(|n| self.bound.contains(n));
            self.bound = before.clone();
            self.free_to(mark);
            self.bind_label(next);
        }
        // r = _exceptiongroup._prep_reraise(exc, raised + [rest])
        self.emit(Instr::ListAppend { list: raised, src: rest });
        let r = self.call_module_function(module, "_prep_reraise", [exc, raised]);
        self.handlers.pop();
        self.emit(Instr::PopExcInfo {});
        let handled = self.new_label();
        self.emit_jump(Instr::JumpIfNone { src: r, target: 0 }, handled);
        self.emit(Instr::Reraise { exc: r });
        self.bind_label(handled);
        self.jump(end);
        // An exception in the clauses' own work (a bad type, `_match`):
        // leave the handler, then propagate.
        self.try_end(cleanup, cleanup_exc, at_end, end);
        Ok(())
    }

    /// `R[module].name(R[a], R[b])` into a new register (the registers
    /// above it are free again).
    fn call_module_function(&mut self, module: Reg, name: &str, args: [Reg; 2]) -> Reg {
        let base = self.alloc();
        let _self = self.alloc();
        let f = self.attr_idx(name);
        self.emit(Instr::LoadMethod { dst: base, obj: module, name: f });
        for src in args {
            let a = self.alloc();
            self.emit(Instr::Move { dst: a, src });
        }
        self.emit(Instr::CallMethod { base, nargs: 2 });
        self.free_to(base as u32 + 1);
        base
    }

    /// `except E as name:` unbinds `name` when the handler ends.
    fn clear_handler_name(&mut self, n: &str) {
        let r = self.alloc();
        self.emit(Instr::LoadNone { dst: r });
        self.store_name(n, r);
        self.delete_name(n);
        self.next_reg -= 1;
    }

    // ----- with -----

    /// Entering is located at the whole statement (`stmt_loc`).
    fn with_stmt(&mut self, items: &'s [ast::WithItem], body: &'s [Stmt], stmt_loc: Loc) -> Res<()> {
        let item = &items[0];
        self.set_line(&item.context_expr);
        let mgr = self.alloc();
        self.expr_into(&item.context_expr, mgr)?;
        let exit = self.alloc();
        let val = self.alloc();
        self.set_loc(stmt_loc);
        self.emit(Instr::WithEnter { dst: val, mgr, exit });
        let exc = self.alloc();
        let handler = self.new_label();
        let end = self.new_label();
        let before = self.bound.clone();
        self.handlers.push((handler, exc));
        self.fblocks.push(FBlock::With { exit, handler_depth: self.handlers.len() - 1, is_async: false });
        if let Some(v) = &item.optional_vars {
            self.store_target_take(v, val)?;
        }
        if items.len() > 1 {
            self.with_stmt(&items[1..], body, stmt_loc)?;
        } else {
            self.stmts(body)?;
        }
        self.fblocks.pop();
        self.handlers.pop();
        // The exits are located at the whole statement, as CPython's
        // (a range over several lines, or the whole line: no markers).
        self.set_loc(stmt_loc);
        self.emit(Instr::WithExit { exit });
        self.jump(end);
        // Exceptional exit.
        self.bind_label(handler);
        self.emit(Instr::PushExcInfo { exc });
        let cleanup = self.new_label();
        let cleanup_exc = self.alloc();
        let suppressed = self.new_label();
        self.handlers.push((cleanup, cleanup_exc));
        self.emit_jump(Instr::WithExceptExit { exit, exc, target: 0 }, suppressed);
        self.handlers.pop();
        self.bind_label(cleanup);
        self.emit(Instr::PopExcInfo {});
        self.emit(Instr::Reraise { exc: cleanup_exc });
        self.bind_label(suppressed);
        self.emit(Instr::PopExcInfo {});
        // (A suppressed exception may come from anywhere in the body.)
        let mut before = before;
        forget_unbound(&mut before, &[body]);
        self.bound = before;
        self.bind_label(end);
        Ok(())
    }

    /// `async with`: as `with`, with `__aenter__`/`__aexit__` awaited.
    fn async_with_stmt(&mut self, items: &'s [ast::WithItem], body: &'s [Stmt], stmt_loc: Loc) -> Res<()> {
        let item = &items[0];
        self.set_line(&item.context_expr);
        let mgr = self.alloc();
        self.expr_into(&item.context_expr, mgr)?;
        let exit = self.alloc();
        let aw = self.alloc();
        let val = self.alloc();
        self.set_loc(stmt_loc);
        self.emit(Instr::AsyncWithEnter { dst: aw, mgr, exit });
        self.emit_await(aw, val);
        let exc = self.alloc();
        let handler = self.new_label();
        let end = self.new_label();
        let before = self.bound.clone();
        self.handlers.push((handler, exc));
        self.fblocks.push(FBlock::With { exit, handler_depth: self.handlers.len() - 1, is_async: true });
        if let Some(v) = &item.optional_vars {
            self.store_target(v, val)?;
        }
        if items.len() > 1 {
            self.async_with_stmt(&items[1..], body, stmt_loc)?;
        } else {
            self.stmts(body)?;
        }
        self.fblocks.pop();
        self.handlers.pop();
        self.set_loc(stmt_loc);
        self.emit(Instr::AsyncWithExit { dst: aw, exit, exc: 0, has_exc: false });
        self.emit_await(aw, val);
        self.jump(end);
        // Exceptional exit: await `__aexit__(type, exc, tb)`; a true result suppresses.
        self.bind_label(handler);
        self.emit(Instr::PushExcInfo { exc });
        let cleanup = self.new_label();
        let cleanup_exc = self.alloc();
        let suppressed = self.new_label();
        self.handlers.push((cleanup, cleanup_exc));
        self.emit(Instr::AsyncWithExit { dst: aw, exit, exc, has_exc: true });
        self.emit_await(aw, val);
        self.emit_jump(Instr::JumpIfTrue { cond: val, target: 0 }, suppressed);
        self.emit(Instr::Reraise { exc });
        self.handlers.pop();
        self.bind_label(cleanup);
        self.emit(Instr::PopExcInfo {});
        self.emit(Instr::Reraise { exc: cleanup_exc });
        self.bind_label(suppressed);
        self.emit(Instr::PopExcInfo {});
        let mut before = before;
        forget_unbound(&mut before, &[body]);
        self.bound = before;
        self.bind_label(end);
        Ok(())
    }

    /// `R[dst] = await` on the iterator `R[aw]` (already through
    /// `GetAwaitable` or an instruction that includes it).
    pub(super) fn emit_await(&mut self, aw: Reg, dst: Reg) {
        self.emit(Instr::LoadNone { dst });
        self.emit(Instr::YieldFrom { dst, iter: aw });
    }

    /// `async for`: `__anext__()` is awaited until it raises `StopAsyncIteration`.
    fn async_for_stmt(&mut self, target: &'s Expr, iter: &'s Expr, body: &'s [Stmt], orelse: &'s [Stmt]) -> Res<()> {
        let stmt_loc = self.loc();
        let it = self.alloc();
        self.expr_into(iter, it)?;
        self.set_loc(stmt_loc);
        self.emit(Instr::GetAIter { dst: it, src: it });
        let exc = self.alloc();
        let aw = self.alloc();
        let item = self.alloc();
        let handler = self.new_label();
        let brk = self.new_label();
        forget_unbound(&mut self.bound, &[body, orelse]);
        let before = self.bound.clone();
        let (top, top_pc) = self.label_here();
        self.set_loc(stmt_loc);
        self.handlers.push((handler, exc));
        self.emit(Instr::GetANext { dst: aw, iter: it });
        self.emit_await(aw, item);
        self.handlers.pop();
        self.set_line(target);
        self.store_target(target, item)?;
        self.fblocks.push(FBlock::ForLoop { continue_label: top, break_label: brk });
        let mark = self.mark();
        self.stmts(body)?;
        self.free_to(mark);
        self.fblocks.pop();
        // The back-edge keeps the location of the body's last instruction,
        // as CPython's artificial JUMP_BACKWARD does (where a signal
        // handler's exception comes from).
        let counter = self.loop_counters;
        self.loop_counters += 1;
        self.emit(Instr::Loop { target: top_pc, counter });
        self.bound = before;
        self.bind_label(handler);
        self.emit(Instr::EndAsyncFor { exc });
        self.emit(Instr::LoadNone { dst: exc });
        self.stmts(orelse)?;
        self.bind_label(brk);
        self.emit(Instr::LoadNone { dst: it });
        Ok(())
    }

    // ----- definitions -----

    fn function_def(
        &mut self,
        s: &'s Stmt,
        name: &'s ast::Identifier,
        args: &'s ast::Arguments,
        body: &'s [Stmt],
        decorators: &'s [Expr],
        returns: Option<&'s Expr>,
    ) -> Res<()> {
        let mark = self.mark();
        let decos: Vec<Reg> = decorators
            .iter()
            .map(|d| {
                let r = self.alloc();
                self.expr_into(d, r).map(|_| r)
            })
            .collect::<Res<_>>()?;
        let code = self.function_code(s, decorators, name.as_str(), args, FunctionBody::Stmts(body))?;
        let f = self.alloc();
        self.set_line(s);
        self.make_function(code, Some(args), returns, f)?;
        self.apply_decorators(&decos, decorators, f);
        self.store_name_take(name.as_str(), f);
        self.free_to(mark);
        Ok(())
    }

    /// Applies decorators (innermost, i.e. last, first) to the value in `f`.
    /// Each call is located at its decorator expression.
    fn apply_decorators(&mut self, decos: &[Reg], exprs: &[Expr], f: Reg) {
        for (d, e) in decos.iter().zip(exprs).rev() {
            self.set_line(e);
            let base = self.alloc_n(2);
            self.emit(Instr::Move { dst: base, src: *d });
            self.emit(Instr::Move { dst: base + 1, src: f });
            self.emit(Instr::Call { func: base, nargs: 1 });
            self.emit(Instr::Move { dst: f, src: base });
            self.next_reg -= 2;
        }
    }

    fn class_def(&mut self, s: &'s Stmt, c: &'s ast::StmtClassDef) -> Res<()> {
        let mark = self.mark();
        let decos: Vec<Reg> = c
            .decorator_list
            .iter()
            .map(|d| {
                let r = self.alloc();
                self.expr_into(d, r).map(|_| r)
            })
            .collect::<Res<_>>()?;
        // The class body as a function run with a fresh namespace.
        let key: u32 = s.range().start().into();
        let scope = self.children.get(&key).copied().ok_or_else(|| self.err(s, "internal error: missing class scope"))?;
        let qualname = self.child_qualname(c.name.as_str());
        let line = match c.decorator_list.first() {
            Some(d) => self.line_of(d),
            None => self.line_of(s),
        };
        let mut b = FuncBuilder::new(scope, c.name.to_string(), qualname.clone(), self.filename.clone(), self.index, line);
        b.flags |= code_flags::NAME_LOOKUP | code_flags::CLASS_BODY;
        b.prologue(&c.body);
        b.set_line(s);
        {
            let r = b.alloc();
            b.load_name_into("__name__", r, s)?;
            b.store_name("__module__", r);
            let k = b.add_str_const(&qualname);
            b.emit(Instr::LoadConst { dst: r, k });
            b.store_name("__qualname__", r);
            if let Some(doc) = super::docstring(&c.body) {
                let k = b.add_str_const(&doc);
                b.emit(Instr::LoadConst { dst: r, k });
                b.store_name("__doc__", r);
            }
            if c.body.iter().any(|st| matches!(st, Stmt::AnnAssign(a) if a.simple)) {
                b.emit(Instr::SetupAnnotations {});
            }
            b.free_to(b.nlocals as u32);
        }
        b.stmts(&c.body)?;
        b.cur_line = b.last_line_of(&c.body);
        match b.class_cell {
            Some(cell) => {
                b.emit(Instr::Return { src: cell });
            }
            None => {
                b.emit(Instr::ReturnNone {});
            }
        }
        b.check_regs(s)?;
        let code = b.finish();

        // __build_class__(func, name, *bases, **keywords)
        self.set_line(s);
        let has_star = c.bases.iter().any(|e| matches!(e, Expr::Starred(_))) || c.keywords.iter().any(|k| k.arg.is_none());
        let base = self.alloc();
        self.emit(Instr::LoadBuildClass { dst: base });
        let f = self.alloc();
        self.make_function(code, None, None, f)?;
        let nm = self.alloc();
        let k = self.add_str_const(c.name.as_str());
        self.emit(Instr::LoadConst { dst: nm, k });
        if has_star {
            self.call_ex(base, &[f, nm], &c.bases, &c.keywords)?;
        } else {
            for b in &c.bases {
                let r = self.alloc();
                self.expr_into(b, r)?;
            }
            let nkw = c.keywords.len();
            for k in &c.keywords {
                let r = self.alloc();
                self.expr_into(&k.value, r)?;
            }
            self.set_line(s);
            let nargs = (2 + c.bases.len() + nkw) as u16;
            if nkw == 0 {
                self.emit(Instr::Call { func: base, nargs });
            } else {
                let names: Vec<crate::objects::Value> =
                    c.keywords.iter().map(|k| crate::objects::Value::str(k.arg.as_ref().unwrap().as_str())).collect();
                let kk = self.add_unique_const(crate::objects::Value::tuple(names));
                self.emit(Instr::CallKw { func: base, nargs, kwnames: kk });
            }
        }
        self.apply_decorators(&decos, &c.decorator_list, base);
        self.store_name_take(c.name.as_str(), base);
        self.free_to(mark);
        Ok(())
    }

    // ----- imports -----

    fn import(&mut self, i: &'s ast::StmtImport) -> Res<()> {
        for a in &i.names {
            let mark = self.mark();
            let none = self.alloc();
            self.emit(Instr::LoadNone { dst: none });
            let m = self.alloc();
            let n = self.name_idx(a.name.as_str());
            self.emit(Instr::ImportName { dst: m, name: n, fromlist: none, level: 0 });
            match &a.asname {
                Some(alias) => {
                    // `import a.b.c as d` binds the submodule a.b.c.
                    for part in a.name.split('.').skip(1) {
                        let pn = self.name_idx(part);
                        self.emit(Instr::ImportFrom { dst: m, module: m, name: pn });
                    }
                    self.store_name(alias.as_str(), m);
                }
                None => {
                    let top = a.name.split('.').next().unwrap();
                    self.store_name(top, m);
                }
            }
            self.free_to(mark);
        }
        Ok(())
    }

    fn import_from(&mut self, s: &Stmt, i: &'s ast::StmtImportFrom) -> Res<()> {
        let level = i.level.map(|l| l.to_u32()).unwrap_or(0) as u8;
        let modname = i.module.as_ref().map(|m| m.to_string()).unwrap_or_default();
        let names: Vec<crate::objects::Value> = i.names.iter().map(|a| crate::objects::Value::str(a.name.as_str())).collect();
        let fl = self.alloc();
        let k = self.add_unique_const(crate::objects::Value::tuple(names));
        self.emit(Instr::LoadConst { dst: fl, k });
        let m = self.alloc();
        let n = self.name_idx(&modname);
        self.emit(Instr::ImportName { dst: m, name: n, fromlist: fl, level });
        if i.names.len() == 1 && i.names[0].name.as_str() == "*" {
            if self.scope.kind != ScopeKind::Module {
                return Err(self.err(s, "import * only allowed at module level"));
            }
            self.emit(Instr::ImportStar { module: m });
            return Ok(());
        }
        let v = self.alloc();
        for a in &i.names {
            let pn = self.name_idx(a.name.as_str());
            self.emit(Instr::ImportFrom { dst: v, module: m, name: pn });
            let bind = a.asname.as_ref().unwrap_or(&a.name);
            self.store_name(bind.as_str(), v);
        }
        Ok(())
    }

    /// Emits `for` loop code for comprehensions: shared with `for_stmt`'s shape.
    pub(super) fn loop_counter(&mut self) -> u16 {
        let c = self.loop_counters;
        self.loop_counters += 1;
        c
    }

    pub(super) fn comp_jump_back(&mut self, top_pc: u32) {
        let counter = self.loop_counter();
        self.emit(Instr::Loop { target: top_pc, counter });
    }

    pub(super) fn label_here(&mut self) -> (Label, u32) {
        let l = self.new_label();
        self.bind_label(l);
        (l, self.here())
    }

    /// Marks that the scope resolves `name` as a plain local.
    pub(super) fn is_plain_local(&self, name: &str) -> bool {
        self.scope.resolve(name) == Resolution::Local
    }
}

/// A stand-in node for statements without a position of their own.
struct DummyRange;
impl Ranged for DummyRange {
    fn range(&self) -> rustpython_parser::text_size::TextRange {
        rustpython_parser::text_size::TextRange::default()
    }
}

pub(super) fn binop(op: &ast::Operator) -> BinOp {
    use ast::Operator as O;
    match op {
        O::Add => BinOp::Add,
        O::Sub => BinOp::Sub,
        O::Mult => BinOp::Mul,
        O::MatMult => BinOp::MatMul,
        O::Div => BinOp::TrueDiv,
        O::Mod => BinOp::Mod,
        O::Pow => BinOp::Pow,
        O::LShift => BinOp::LShift,
        O::RShift => BinOp::RShift,
        O::BitOr => BinOp::Or,
        O::BitXor => BinOp::Xor,
        O::BitAnd => BinOp::And,
        O::FloorDiv => BinOp::FloorDiv,
    }
}

/// A small int literal that fits an immediate operand.
pub(super) fn small_int(e: &Expr) -> Option<i32> {
    if let Expr::Constant(c) = e {
        if let ast::Constant::Int(i) = &c.value {
            let v: i64 = i.try_into().ok()?;
            if (-(1 << 20)..(1 << 20)).contains(&v) {
                return Some(v as i32);
            }
        }
    }
    None
}

/// An int literal that fits an `i32`.
pub(super) fn int_i32(e: &Expr) -> Option<i32> {
    match e {
        Expr::Constant(ast::ExprConstant { value: ast::Constant::Int(i), .. }) => i.try_into().ok(),
        _ => None,
    }
}

/// How CPython names an expression kind in "cannot assign to ..." messages.
pub(super) fn expr_kind_name(e: &Expr) -> &'static str {
    match e {
        Expr::Call(_) => "function call",
        Expr::Constant(c) => match c.value {
            ast::Constant::None | ast::Constant::Bool(_) | ast::Constant::Ellipsis => "literal",
            _ => "literal",
        },
        Expr::BinOp(_) | Expr::UnaryOp(_) => "expression",
        Expr::BoolOp(_) => "expression",
        Expr::Compare(_) => "comparison",
        Expr::Lambda(_) => "lambda",
        Expr::IfExp(_) => "conditional expression",
        Expr::Dict(_) => "dict literal",
        Expr::Set(_) => "set display",
        Expr::ListComp(_) => "list comprehension",
        Expr::SetComp(_) => "set comprehension",
        Expr::DictComp(_) => "dict comprehension",
        Expr::GeneratorExp(_) => "generator expression",
        Expr::Yield(_) | Expr::YieldFrom(_) => "yield expression",
        Expr::Await(_) => "await expression",
        Expr::JoinedStr(_) | Expr::FormattedValue(_) => "f-string expression",
        Expr::NamedExpr(_) => "named expression",
        _ => "expression",
    }
}

/// The statement lists nested in compound statement `st` (bodies, `else`
/// and `finally` blocks, handlers, `match` cases), not nested scopes.
pub(super) fn nested_blocks(st: &Stmt) -> Vec<&[Stmt]> {
    fn handlers(hs: &[ast::ExceptHandler]) -> Vec<&[Stmt]> {
        hs.iter()
            .map(|h| {
                let ast::ExceptHandler::ExceptHandler(h) = h;
                &h.body[..]
            })
            .collect()
    }
    match st {
        Stmt::If(i) => vec![&i.body, &i.orelse],
        Stmt::While(w) => vec![&w.body, &w.orelse],
        Stmt::For(f) => vec![&f.body, &f.orelse],
        Stmt::AsyncFor(f) => vec![&f.body, &f.orelse],
        Stmt::With(w) => vec![&w.body],
        Stmt::AsyncWith(w) => vec![&w.body],
        Stmt::Try(t) => [vec![&t.body[..]], handlers(&t.handlers), vec![&t.orelse, &t.finalbody]].concat(),
        Stmt::TryStar(t) => [vec![&t.body[..]], handlers(&t.handlers), vec![&t.orelse, &t.finalbody]].concat(),
        Stmt::Match(m) => m.cases.iter().map(|c| &c.body[..]).collect(),
        _ => Vec::new(),
    }
}

/// Names that `stmts` may unbind (`del name`, the end of `except ... as
/// name`), nested blocks included but not nested scopes: a statement that
/// jumps back (a loop) or is reached from the middle of `stmts` (a
/// handler, a `finally`, the code after a suppressing `with`) cannot take
/// them as definitely bound (reading one must raise `UnboundLocalError`).
pub(super) fn unbinds(stmts: &[Stmt], out: &mut Set<String>) {
    fn target(e: &Expr, out: &mut Set<String>) {
        match e {
            Expr::Name(n) => {
                out.insert(n.id.to_string());
            }
            Expr::Tuple(t) => t.elts.iter().for_each(|x| target(x, out)),
            Expr::List(l) => l.elts.iter().for_each(|x| target(x, out)),
            _ => {}
        }
    }
    for st in stmts {
        match st {
            Stmt::Delete(d) => d.targets.iter().for_each(|t| target(t, out)),
            Stmt::Try(ast::StmtTry { handlers, .. }) | Stmt::TryStar(ast::StmtTryStar { handlers, .. }) => handler_names(handlers, out),
            _ => {}
        }
        for b in nested_blocks(st) {
            unbinds(b, out);
        }
    }
}

/// Removes from `bound` the names `blocks` may unbind (`unbinds`).
fn forget_unbound(bound: &mut Set<String>, blocks: &[&[Stmt]]) {
    let mut gone = Set::default();
    for b in blocks {
        unbinds(b, &mut gone);
    }
    bound.retain(|n| !gone.contains(n));
}

/// The `as` names of `handlers`, which each unbinds when it ends.
fn handler_names(handlers: &[ast::ExceptHandler], out: &mut Set<String>) {
    for h in handlers {
        let ast::ExceptHandler::ExceptHandler(h) = h;
        if let Some(n) = &h.name {
            out.insert(n.to_string());
        }
    }
}
