//! Expressions: each is compiled into a register.

use rustpython_parser::ast::{self, Expr, Ranged};

use super::stmt::{binop, int_i32, small_int};
use super::symtable::ScopeKind;
use super::{FuncBuilder, FunctionBody, Label, Res};
use crate::bytecode::{BinOp, CmpOp, Instr, Reg};
use crate::objects::Value;

fn cmpop(op: &ast::CmpOp) -> CmpOp {
    use ast::CmpOp as C;
    match op {
        C::Eq => CmpOp::Eq,
        C::NotEq => CmpOp::Ne,
        C::Lt => CmpOp::Lt,
        C::LtE => CmpOp::Le,
        C::Gt => CmpOp::Gt,
        C::GtE => CmpOp::Ge,
        C::Is => CmpOp::Is,
        C::IsNot => CmpOp::IsNot,
        C::In => CmpOp::In,
        C::NotIn => CmpOp::NotIn,
    }
}

/// Whether evaluating `e` can rebind a local (an assignment expression).
fn has_walrus(e: &Expr) -> bool {
    use Expr::*;
    match e {
        NamedExpr(_) => true,
        BoolOp(b) => b.values.iter().any(has_walrus),
        BinOp(b) => has_walrus(&b.left) || has_walrus(&b.right),
        UnaryOp(u) => has_walrus(&u.operand),
        IfExp(i) => has_walrus(&i.test) || has_walrus(&i.body) || has_walrus(&i.orelse),
        Dict(d) => d.keys.iter().flatten().any(has_walrus) || d.values.iter().any(has_walrus),
        Set(s) => s.elts.iter().any(has_walrus),
        List(l) => l.elts.iter().any(has_walrus),
        Tuple(t) => t.elts.iter().any(has_walrus),
        Compare(c) => has_walrus(&c.left) || c.comparators.iter().any(has_walrus),
        Call(c) => has_walrus(&c.func) || c.args.iter().any(has_walrus) || c.keywords.iter().any(|k| has_walrus(&k.value)),
        Attribute(a) => has_walrus(&a.value),
        Subscript(s) => has_walrus(&s.value) || has_walrus(&s.slice),
        Starred(s) => has_walrus(&s.value),
        Slice(s) => [&s.lower, &s.upper, &s.step].into_iter().flatten().any(|e| has_walrus(e)),
        JoinedStr(j) => j.values.iter().any(has_walrus),
        FormattedValue(f) => has_walrus(&f.value),
        // Comprehensions bind in their own scope, except walrus targets.
        ListComp(_) | SetComp(_) | DictComp(_) | GeneratorExp(_) => true,
        Yield(_) | YieldFrom(_) | Await(_) => true,
        _ => false,
    }
}

/// A constant value for an expression that is a literal (with folded unary minus).
pub(super) fn literal(e: &Expr) -> Option<ast::Constant> {
    match e {
        Expr::Constant(c) => Some(c.value.clone()),
        Expr::UnaryOp(u) if matches!(u.op, ast::UnaryOp::USub) => match literal(&u.operand)? {
            ast::Constant::Int(i) => Some(ast::Constant::Int(-i)),
            ast::Constant::Float(f) => Some(ast::Constant::Float(-f)),
            ast::Constant::Complex { real, imag } => Some(ast::Constant::Complex { real: -real, imag: -imag }),
            _ => None,
        },
        Expr::Tuple(t) if !t.elts.is_empty() => {
            let items: Option<Vec<ast::Constant>> = t.elts.iter().map(literal).collect();
            items.map(ast::Constant::Tuple)
        }
        _ => None,
    }
}

impl<'s> FuncBuilder<'s> {
    /// Compiles `e` and returns the register holding its value: a local's
    /// own register when `e` is a bound local, otherwise a new temporary.
    pub(super) fn expr(&mut self, e: &'s Expr) -> Res<Reg> {
        if let Expr::Name(n) = e {
            if self.is_plain_local(n.id.as_str()) {
                let saved = self.loc();
                self.set_line(e);
                let r = self.load_name(n.id.as_str(), e);
                self.set_loc(saved);
                return r;
            }
        }
        let r = self.alloc();
        self.expr_into(e, r)?;
        Ok(r)
    }

    /// Like `expr`, but always a fresh temporary (safe to use when later
    /// operands may rebind the local).
    fn expr_protected(&mut self, e: &'s Expr, later: &[&Expr]) -> Res<Reg> {
        if matches!(e, Expr::Name(_)) && later.iter().any(|l| has_walrus(l)) {
            let r = self.alloc();
            self.expr_into(e, r)?;
            return Ok(r);
        }
        self.expr(e)
    }

    /// Compiles `e` into register `dst`. Its instructions get `e`'s location
    /// (unless a part sets its own); the location is restored afterwards,
    /// as CPython's compiler does.
    pub(super) fn expr_into(&mut self, e: &'s Expr, dst: Reg) -> Res<()> {
        let saved = self.loc();
        let r = self.expr_into_here(e, dst);
        self.set_loc(saved);
        r
    }

    fn expr_into_here(&mut self, e: &'s Expr, dst: Reg) -> Res<()> {
        self.set_line(e);
        let mark = self.mark();
        // Multi-step expressions must not write a local's register before
        // all their operands are read.
        let dst_is_local = self.is_local_reg(dst);
        match e {
            Expr::Constant(_) | Expr::UnaryOp(_) | Expr::Tuple(_) if literal(e).is_some() => {
                let c = literal(e).unwrap();
                self.load_constant(&c, dst);
            }
            Expr::Name(n) => self.load_name_into(n.id.as_str(), dst, e)?,
            Expr::BinOp(b) => {
                let op = binop(&b.op);
                // (`x - 1` is not an add of -1: a TypeError would say `+`.)
                if op == BinOp::Add || op == BinOp::Sub || op == BinOp::Mod {
                    // (Moduli take any i32: `x % 1000000007`.)
                    let imm = if op == BinOp::Mod { int_i32(&b.right) } else { small_int(&b.right) };
                    if let Some(i) = imm {
                        let a = self.expr(&b.left)?;
                        self.set_line(e);
                        self.emit(match op {
                            BinOp::Add => Instr::AddInt { dst, a, imm: i },
                            BinOp::Sub => Instr::SubInt { dst, a, imm: i },
                            _ => Instr::ModInt { dst, a, imm: i },
                        });
                        self.free_to(mark);
                        return Ok(());
                    }
                }
                let a = self.expr_protected(&b.left, &[&b.right])?;
                let c = self.expr(&b.right)?;
                self.set_line(e);
                self.emit(match op {
                    BinOp::Add => Instr::Add { dst, a, b: c },
                    BinOp::Sub => Instr::Sub { dst, a, b: c },
                    BinOp::Mul => Instr::Mul { dst, a, b: c },
                    BinOp::TrueDiv => Instr::TrueDiv { dst, a, b: c },
                    BinOp::FloorDiv => Instr::FloorDiv { dst, a, b: c },
                    BinOp::Mod => Instr::Mod { dst, a, b: c },
                    op => Instr::BinaryOp { op, dst, a, b: c },
                });
            }
            Expr::UnaryOp(u) => {
                let src = self.expr(&u.operand)?;
                self.set_line(e);
                self.emit(match u.op {
                    ast::UnaryOp::Not => Instr::Not { dst, src },
                    ast::UnaryOp::Invert => Instr::Invert { dst, src },
                    ast::UnaryOp::USub => Instr::Neg { dst, src },
                    ast::UnaryOp::UAdd => Instr::Pos { dst, src },
                });
            }
            Expr::BoolOp(b) => {
                let t = if dst_is_local { self.alloc() } else { dst };
                let end = self.new_label();
                let n = b.values.len();
                for (i, v) in b.values.iter().enumerate() {
                    self.expr_into(v, t)?;
                    if i + 1 < n {
                        match b.op {
                            ast::BoolOp::And => self.emit_jump(Instr::JumpIfFalse { cond: t, target: 0 }, end),
                            ast::BoolOp::Or => self.emit_jump(Instr::JumpIfTrue { cond: t, target: 0 }, end),
                        }
                    }
                }
                self.bind_label(end);
                if t != dst {
                    self.emit(Instr::Take { dst, src: t });
                }
            }
            Expr::Compare(c) => {
                let t = if dst_is_local && c.ops.len() > 1 { self.alloc() } else { dst };
                let mut left = self.expr_protected(&c.left, &c.comparators.iter().collect::<Vec<_>>())?;
                let end = self.new_label();
                let n = c.ops.len();
                for (i, (op, right)) in c.ops.iter().zip(c.comparators.iter()).enumerate() {
                    let rest: Vec<&Expr> = c.comparators[i + 1..].iter().collect();
                    let r = if i + 1 < n {
                        // The middle operand is used twice: keep it in a temporary.
                        let r = self.alloc();
                        self.expr_into(right, r)?;
                        r
                    } else {
                        self.expr_protected(right, &rest)?
                    };
                    self.set_line(e);
                    self.emit(Instr::Compare { op: cmpop(op), dst: t, a: left, b: r });
                    if i + 1 < n {
                        self.emit_jump(Instr::JumpIfFalse { cond: t, target: 0 }, end);
                    }
                    left = r;
                }
                self.bind_label(end);
                if t != dst {
                    self.emit(Instr::Take { dst, src: t });
                }
            }
            Expr::Call(c) => self.call(c, dst)?,
            Expr::Attribute(a) => {
                let obj = self.expr(&a.value)?;
                let name = self.attr_idx(a.attr.as_str());
                self.set_attr_loc(a);
                self.emit(Instr::LoadAttr { dst, obj, name });
            }
            Expr::Subscript(s) => {
                let obj = self.expr_protected(&s.value, &[&s.slice])?;
                let key = self.expr(&s.slice)?;
                self.set_line(e);
                self.emit(Instr::GetItem { dst, obj, key });
            }
            Expr::Slice(s) => {
                let n = if s.step.is_some() { 3 } else { 2 };
                let start = self.alloc_n(n);
                for (i, part) in [&s.lower, &s.upper, &s.step].into_iter().take(n).enumerate() {
                    match part {
                        Some(p) => self.expr_into(p, start + i as Reg)?,
                        None => {
                            self.emit(Instr::LoadNone { dst: start + i as Reg });
                        }
                    }
                }
                self.emit(Instr::BuildSlice { dst, start, count: n as u16 });
            }
            Expr::List(l) => self.sequence(&l.elts, dst, SeqKind::List)?,
            Expr::Tuple(t) => self.sequence(&t.elts, dst, SeqKind::Tuple)?,
            Expr::Set(s) => self.sequence(&s.elts, dst, SeqKind::Set)?,
            Expr::Dict(d) => self.dict_display(d, dst)?,
            Expr::IfExp(i) => {
                let t = if dst_is_local { self.alloc() } else { dst };
                let else_l = self.new_label();
                let end = self.new_label();
                self.jump_if(&i.test, false, else_l)?;
                self.expr_into(&i.body, t)?;
                self.jump(end);
                self.bind_label(else_l);
                self.expr_into(&i.orelse, t)?;
                self.bind_label(end);
                if t != dst {
                    self.emit(Instr::Take { dst, src: t });
                }
            }
            Expr::Lambda(l) => {
                let code = self.function_code(e, &[], "<lambda>", &l.args, FunctionBody::Expr(&l.body))?;
                self.set_line(e);
                self.make_function(code, Some(&l.args), None, dst)?;
            }
            Expr::NamedExpr(n) => {
                let Expr::Name(name) = &*n.target else {
                    return Err(self.err(e, "cannot use assignment expressions with this target"));
                };
                match self.local_reg(name.id.as_str()) {
                    Some(r) => {
                        self.expr_into(&n.value, r)?;
                        self.mark_bound(name.id.as_str());
                        if r != dst {
                            self.emit(Instr::Move { dst, src: r });
                        }
                    }
                    None => {
                        self.expr_into(&n.value, dst)?;
                        self.store_name(name.id.as_str(), dst);
                    }
                }
            }
            Expr::JoinedStr(j) => self.joined_str(&j.values, dst)?,
            Expr::FormattedValue(f) => self.formatted_value(f, dst)?,
            Expr::ListComp(c) => self.comprehension(e, "<listcomp>", &c.generators, CompKind::List(&c.elt), dst)?,
            Expr::SetComp(c) => self.comprehension(e, "<setcomp>", &c.generators, CompKind::Set(&c.elt), dst)?,
            Expr::DictComp(c) => self.comprehension(e, "<dictcomp>", &c.generators, CompKind::Dict(&c.key, &c.value), dst)?,
            Expr::GeneratorExp(c) => self.comprehension(e, "<genexpr>", &c.generators, CompKind::Gen(&c.elt), dst)?,
            Expr::Yield(y) => {
                let src = match &y.value {
                    Some(v) => self.expr(v)?,
                    None => {
                        let r = self.alloc();
                        self.emit(Instr::LoadNone { dst: r });
                        r
                    }
                };
                self.set_line(e);
                self.emit(Instr::Yield { dst, src });
            }
            Expr::YieldFrom(y) => {
                let it = self.alloc();
                self.expr_into(&y.value, it)?;
                self.set_line(e);
                self.emit(Instr::GetIter { dst: it, src: it });
                // The first send into the sub-iterator is None. A local
                // target keeps its value until the delegation is over.
                let r = if self.is_local_reg(dst) { self.alloc() } else { dst };
                self.emit(Instr::LoadNone { dst: r });
                self.emit(Instr::YieldFrom { dst: r, iter: it });
                if r != dst {
                    self.emit(Instr::Take { dst, src: r });
                }
            }
            Expr::Await(a) => {
                let aw = self.alloc();
                self.expr_into(&a.value, aw)?;
                self.set_line(e);
                self.emit(Instr::GetAwaitable { dst: aw, src: aw });
                let r = if self.is_local_reg(dst) { self.alloc() } else { dst };
                self.emit_await(aw, r);
                if r != dst {
                    self.emit(Instr::Take { dst, src: r });
                }
            }
            Expr::Starred(_) => return Err(self.err(e, "can't use starred expression here")),
            Expr::Constant(c) => self.load_constant(&c.value, dst),
        }
        self.free_to(mark);
        Ok(())
    }

    pub(super) fn load_constant(&mut self, c: &ast::Constant, dst: Reg) {
        match c {
            ast::Constant::None => {
                self.emit(Instr::LoadNone { dst });
            }
            ast::Constant::Bool(b) => {
                self.emit(Instr::LoadBool { dst, value: *b });
            }
            ast::Constant::Int(i) if i32::try_from(i).is_ok() => {
                self.emit(Instr::LoadInt { dst, value: i32::try_from(i).unwrap() });
            }
            _ => {
                let k = self.add_const(c);
                self.emit(Instr::LoadConst { dst, k });
            }
        }
    }

    /// Jumps to `target` when the truth of `e` equals `when`.
    pub(super) fn jump_if(&mut self, e: &'s Expr, when: bool, target: Label) -> Res<()> {
        let saved = self.loc();
        let r = self.jump_if_here(e, when, target);
        self.set_loc(saved);
        r
    }

    fn jump_if_here(&mut self, e: &'s Expr, when: bool, target: Label) -> Res<()> {
        self.set_line(e);
        let mark = self.mark();
        match e {
            Expr::UnaryOp(u) if matches!(u.op, ast::UnaryOp::Not) => {
                self.jump_if(&u.operand, !when, target)?;
            }
            Expr::BoolOp(b) => {
                let is_and = matches!(b.op, ast::BoolOp::And);
                let n = b.values.len();
                if is_and != when {
                    // and/jump-if-false, or/jump-if-true: any operand decides.
                    for v in &b.values {
                        self.jump_if(v, when, target)?;
                    }
                } else {
                    let skip = self.new_label();
                    for v in &b.values[..n - 1] {
                        self.jump_if(v, !when, skip)?;
                    }
                    self.jump_if(&b.values[n - 1], when, target)?;
                    self.bind_label(skip);
                }
            }
            Expr::Compare(c) if c.ops.len() == 1 && !when => {
                let op = cmpop(&c.ops[0]);
                let right = &c.comparators[0];
                if matches!(op, CmpOp::Is | CmpOp::IsNot) && matches!(right, Expr::Constant(k) if matches!(k.value, ast::Constant::None)) {
                    let src = self.expr(&c.left)?;
                    self.set_line(e);
                    if op == CmpOp::Is {
                        self.emit_jump(Instr::JumpIfNotNone { src, target: 0 }, target);
                    } else {
                        self.emit_jump(Instr::JumpIfNone { src, target: 0 }, target);
                    }
                } else if let (Some(imm), true) =
                    (small_int(right), matches!(op, CmpOp::Lt | CmpOp::Le | CmpOp::Eq | CmpOp::Ne | CmpOp::Gt | CmpOp::Ge))
                {
                    let a = self.expr(&c.left)?;
                    self.set_line(e);
                    self.emit_jump(Instr::CompareJumpInt { op, a, imm, target: 0 }, target);
                } else {
                    let a = self.expr_protected(&c.left, &[right])?;
                    let b = self.expr(right)?;
                    self.set_line(e);
                    self.emit_jump(Instr::CompareJump { op, a, b, target: 0 }, target);
                }
            }
            Expr::Constant(c) if matches!(c.value, ast::Constant::Bool(_) | ast::Constant::None) => {
                let truth = matches!(c.value, ast::Constant::Bool(true));
                if truth == when {
                    self.jump(target);
                }
            }
            _ => {
                let r = self.expr(e)?;
                self.set_line(e);
                if when {
                    self.emit_jump(Instr::JumpIfTrue { cond: r, target: 0 }, target);
                } else {
                    self.emit_jump(Instr::JumpIfFalse { cond: r, target: 0 }, target);
                }
            }
        }
        self.free_to(mark);
        Ok(())
    }

    // ----- calls -----

    fn call(&mut self, c: &'s ast::ExprCall, dst: Reg) -> Res<()> {
        // `f(x for x in y, z)`: the parser accepts it, CPython's does not.
        if c.args.len() + c.keywords.len() > 1 {
            for a in &c.args {
                if let Expr::GeneratorExp(g) = a {
                    if self.index.byte_at(g.range.start().into()) != b'(' {
                        return Err(self.err(a, "Generator expression must be parenthesized"));
                    }
                }
            }
        }
        let starred = c.args.iter().any(|a| matches!(a, Expr::Starred(_))) || c.keywords.iter().any(|k| k.arg.is_none());
        // Reuse `dst` as the call base when it is the newest temporary.
        let base = if dst as u32 + 1 == self.next_reg && !self.is_local_reg(dst) { dst } else { self.alloc() };
        if starred {
            self.expr_into(&c.func, base)?;
            self.call_ex(base, &[], &c.args, &c.keywords)?;
        } else if let Expr::Attribute(a) = &*c.func {
            // obj.method(args): LoadMethod + CallMethod avoids a bound method object.
            let self_reg = self.alloc();
            debug_assert_eq!(self_reg, base + 1);
            let obj = self.expr(&a.value)?;
            let name = self.attr_idx(a.attr.as_str());
            self.set_attr_loc(a);
            self.emit(Instr::LoadMethod { dst: base, obj, name });
            if obj > self_reg && c.args.is_empty() && c.keywords.is_empty() {
                // A temporary object (`make().method()`): its register
                // would keep it alive after the call. The method's `self`
                // holds it now, as CPython's LOAD_METHOD moves it there, so
                // it dies when the call is done. (With arguments, the first
                // one overwrites the register.)
                self.emit(Instr::LoadNone { dst: obj });
            }
            self.free_to(self_reg as u32 + 1);
            self.call_args(c, base + 2)?;
            self.loc_of_method_call(a, c);
            let nargs = (c.args.len() + c.keywords.len()) as u16;
            if c.keywords.is_empty() {
                self.emit(Instr::CallMethod { base, nargs });
            } else {
                let kwnames = self.kwnames(&c.keywords);
                self.emit(Instr::CallMethodKw { base, nargs, kwnames });
            }
        } else {
            self.expr_into(&c.func, base)?;
            self.free_to(base as u32 + 1);
            self.call_args(c, base + 1)?;
            self.line_of_call(c);
            let nargs = (c.args.len() + c.keywords.len()) as u16;
            if c.keywords.is_empty() {
                self.emit(Instr::Call { func: base, nargs });
            } else {
                let kwnames = self.kwnames(&c.keywords);
                self.emit(Instr::CallKw { func: base, nargs, kwnames });
            }
        }
        if base != dst {
            self.emit(Instr::Take { dst, src: base });
        }
        Ok(())
    }

    /// Tracebacks point at the call expression (from the line where it starts).
    fn line_of_call(&mut self, c: &ast::ExprCall) {
        self.set_line(c);
    }

    /// A method call `obj.name(...)` is located at the call, from the
    /// method's name when the attribute runs over several lines.
    fn loc_of_method_call(&mut self, a: &ast::ExprAttribute, c: &ast::ExprCall) {
        let r = c.range();
        self.set_attr_range(a, r.start().into(), r.end().into());
    }

    /// Evaluates positional then keyword argument values into consecutive
    /// registers starting at `first` (which must be the next free register).
    fn call_args(&mut self, c: &'s ast::ExprCall, first: Reg) -> Res<()> {
        debug_assert_eq!(first as u32, self.next_reg);
        for a in &c.args {
            let r = self.alloc();
            if let ([Expr::GeneratorExp(_)], []) = (&c.args[..], &c.keywords[..]) {
                // A generator expression as the only argument spans the
                // call's parentheses (as CPython's node does).
                let func_end: u32 = c.func.range().end().into();
                let open = self.index.next_token(func_end);
                self.genexp_range = Some((open, c.range().end().into()));
            }
            self.expr_into(a, r)?;
            self.genexp_range = None;
        }
        let mut seen = super::Set::default();
        for k in &c.keywords {
            let name = k.arg.as_ref().unwrap();
            if !seen.insert(name.as_str()) {
                return Err(self.err(k, &format!("keyword argument repeated: {}", name)));
            }
            let r = self.alloc();
            self.expr_into(&k.value, r)?;
        }
        Ok(())
    }

    fn kwnames(&mut self, kws: &[ast::Keyword]) -> u32 {
        let names: Vec<Value> = kws.iter().map(|k| Value::str(k.arg.as_ref().unwrap().as_str())).collect();
        self.add_unique_const(Value::tuple(names))
    }

    /// A call with `*args` / `**kwargs`: builds the positional tuple in
    /// `R[base+1]` and the keyword dict in `R[base+2]`, then `CallEx`.
    /// `pre` are registers whose values come first among the positional arguments.
    pub(super) fn call_ex(&mut self, base: Reg, pre: &[Reg], args: &'s [Expr], keywords: &'s [ast::Keyword]) -> Res<()> {
        let pos = self.alloc();
        let kw = self.alloc();
        debug_assert_eq!(pos, base + 1);
        if let ([Expr::Starred(s)], true) = (args, pre.is_empty()) {
            // `f(*x)`: CallEx takes the iterable itself (its error names the callee).
            self.expr_into(&s.value, pos)?;
            self.free_to(kw as u32 + 1);
            return self.call_ex_keywords(base, kw, keywords);
        }
        let start = self.alloc_n(pre.len());
        for (i, r) in pre.iter().enumerate() {
            self.emit(Instr::Move { dst: start + i as Reg, src: *r });
        }
        self.emit(Instr::BuildList { dst: pos, start, count: pre.len() as u16 });
        self.free_to(kw as u32 + 1);
        for a in args {
            let mark = self.mark();
            match a {
                Expr::Starred(s) => {
                    let v = self.expr(&s.value)?;
                    self.emit(Instr::ListExtend { list: pos, src: v });
                }
                _ => {
                    let v = self.expr(a)?;
                    self.emit(Instr::ListAppend { list: pos, src: v });
                }
            }
            self.free_to(mark);
        }
        self.emit(Instr::ListToTuple { dst: pos, src: pos });
        self.call_ex_keywords(base, kw, keywords)
    }

    /// The keyword part of `call_ex` (the dict in `kw`), then `CallEx`.
    fn call_ex_keywords(&mut self, base: Reg, kw: Reg, keywords: &'s [ast::Keyword]) -> Res<()> {
        if keywords.is_empty() {
            self.emit(Instr::LoadNone { dst: kw });
            // Undef signals "no keywords"; LoadNone then clear is not possible,
            // so CallEx treats None as "no keywords" too.
        } else {
            self.emit(Instr::BuildDict { dst: kw, start: kw, count: 0 });
            for k in keywords {
                let mark = self.mark();
                match &k.arg {
                    Some(name) => {
                        let key = self.alloc();
                        let kc = self.add_str_const(name.as_str());
                        self.emit(Instr::LoadConst { dst: key, k: kc });
                        let v = self.alloc();
                        self.expr_into(&k.value, v)?;
                        let tmp = self.alloc();
                        self.emit(Instr::BuildDict { dst: tmp, start: key, count: 1 });
                        self.emit(Instr::DictMerge { dict: kw, src: tmp, func: base });
                    }
                    None => {
                        let v = self.expr(&k.value)?;
                        self.emit(Instr::DictMerge { dict: kw, src: v, func: base });
                    }
                }
                self.free_to(mark);
            }
        }
        self.emit(Instr::CallEx { func: base });
        self.free_to(base as u32 + 1);
        Ok(())
    }

    // ----- displays -----

    fn sequence(&mut self, elts: &'s [Expr], dst: Reg, kind: SeqKind) -> Res<()> {
        let starred = elts.iter().any(|e| matches!(e, Expr::Starred(_)));
        if !starred && elts.len() < 256 {
            let start = self.alloc_n(elts.len());
            for (i, e) in elts.iter().enumerate() {
                self.expr_into(e, start + i as Reg)?;
            }
            let count = elts.len() as u16;
            self.emit(match kind {
                SeqKind::List => Instr::BuildList { dst, start, count },
                SeqKind::Tuple => Instr::BuildTuple { dst, start, count },
                SeqKind::Set => Instr::BuildSet { dst, start, count },
            });
            return Ok(());
        }
        // Build incrementally.
        let acc = self.alloc();
        match kind {
            SeqKind::Set => self.emit(Instr::BuildSet { dst: acc, start: acc, count: 0 }),
            _ => self.emit(Instr::BuildList { dst: acc, start: acc, count: 0 }),
        };
        for e in elts {
            let mark = self.mark();
            match (e, kind) {
                (Expr::Starred(s), SeqKind::Set) => {
                    let v = self.expr(&s.value)?;
                    self.emit(Instr::SetUpdate { set: acc, src: v });
                }
                (Expr::Starred(s), _) => {
                    let v = self.expr(&s.value)?;
                    self.emit(Instr::ListExtend { list: acc, src: v });
                }
                (_, SeqKind::Set) => {
                    let v = self.expr(e)?;
                    self.emit(Instr::SetAdd { set: acc, src: v });
                }
                _ => {
                    let v = self.expr(e)?;
                    self.emit(Instr::ListAppend { list: acc, src: v });
                }
            }
            self.free_to(mark);
        }
        match kind {
            // (The list would stay in `acc` with the tuple's items.)
            SeqKind::Tuple => {
                self.emit(Instr::ListToTuple { dst: acc, src: acc });
                self.emit(Instr::Take { dst, src: acc })
            }
            _ => self.emit(Instr::Take { dst, src: acc }),
        };
        Ok(())
    }

    fn dict_display(&mut self, d: &'s ast::ExprDict, dst: Reg) -> Res<()> {
        let has_unpack = d.keys.iter().any(|k| k.is_none());
        if !has_unpack && d.keys.len() < 128 {
            let start = self.alloc_n(d.keys.len() * 2);
            for (i, (k, v)) in d.keys.iter().zip(d.values.iter()).enumerate() {
                self.expr_into(k.as_ref().unwrap(), start + 2 * i as Reg)?;
                self.expr_into(v, start + 2 * i as Reg + 1)?;
            }
            self.emit(Instr::BuildDict { dst, start, count: d.keys.len() as u16 });
            return Ok(());
        }
        let acc = self.alloc();
        self.emit(Instr::BuildDict { dst: acc, start: acc, count: 0 });
        for (k, v) in d.keys.iter().zip(d.values.iter()) {
            let mark = self.mark();
            match k {
                Some(k) => {
                    let kr = self.alloc();
                    self.expr_into(k, kr)?;
                    let vr = self.alloc();
                    self.expr_into(v, vr)?;
                    self.emit(Instr::DictInsert { dict: acc, key: kr, value: vr });
                }
                None => {
                    let vr = self.expr(v)?;
                    self.emit(Instr::DictUpdate { dict: acc, src: vr });
                }
            }
            self.free_to(mark);
        }
        self.emit(Instr::Take { dst, src: acc });
        Ok(())
    }

    // ----- f-strings -----

    fn joined_str(&mut self, values: &'s [Expr], dst: Reg) -> Res<()> {
        if values.is_empty() {
            let k = self.add_str_const("");
            self.emit(Instr::LoadConst { dst, k });
            return Ok(());
        }
        if values.len() == 1 {
            if let Expr::Constant(c) = &values[0] {
                self.load_constant(&c.value, dst);
                return Ok(());
            }
        }
        let start = self.alloc_n(values.len());
        for (i, v) in values.iter().enumerate() {
            match v {
                Expr::Constant(c) => self.load_constant(&c.value, start + i as Reg),
                Expr::FormattedValue(f) => self.formatted_value(f, start + i as Reg)?,
                other => {
                    self.expr_into(other, start + i as Reg)?;
                }
            }
        }
        self.emit(Instr::BuildString { dst, start, count: values.len() as u16 });
        Ok(())
    }

    fn formatted_value(&mut self, f: &'s ast::ExprFormattedValue, dst: Reg) -> Res<()> {
        // Formatting is located at the whole f-string, as in CPython.
        let loc = self.loc();
        let mark = self.mark();
        let src = self.expr(&f.value)?;
        let conv = match f.conversion {
            ast::ConversionFlag::None => 0,
            ast::ConversionFlag::Str => 1,
            ast::ConversionFlag::Repr => 2,
            ast::ConversionFlag::Ascii => 3,
        };
        let (spec, conv) = match &f.format_spec {
            Some(s) => (self.expr(s)?, conv | 4),
            None => (0, conv),
        };
        self.set_loc(loc);
        self.emit(Instr::FormatValue { dst, src, spec, conv });
        self.free_to(mark);
        Ok(())
    }

    // ----- comprehensions -----

    fn comprehension(&mut self, node: &'s Expr, name: &str, gens: &'s [ast::Comprehension], kind: CompKind<'s>, dst: Reg) -> Res<()> {
        let key: u32 = node.range().start().into();
        let (start, end) = match (&kind, self.genexp_range.take()) {
            (CompKind::Gen(_), Some(r)) => r,
            _ => (key, node.range().end().into()),
        };
        let scope = self.children.get(&key).copied().ok_or_else(|| self.err(node, "internal error: missing comprehension scope"))?;
        let qualname = self.child_qualname(name);
        let line = self.line_of(node);
        let mut b = FuncBuilder::new(scope, name.to_string(), qualname, self.filename.clone(), self.index, line);
        b.argcount = 1;
        b.prologue(&[]);
        b.set_range(start, end);
        let result = match kind {
            CompKind::Gen(_) => None,
            _ => Some(b.alloc()),
        };
        match (&kind, result) {
            (CompKind::List(_), Some(r)) => {
                b.emit(Instr::BuildList { dst: r, start: r, count: 0 });
            }
            (CompKind::Set(_), Some(r)) => {
                b.emit(Instr::BuildSet { dst: r, start: r, count: 0 });
            }
            (CompKind::Dict(..), Some(r)) => {
                b.emit(Instr::BuildDict { dst: r, start: r, count: 0 });
            }
            _ => {}
        }
        let is_async = scope.is_coroutine;
        b.comp_loop(gens, 0, &kind, result, node, (start, end))?;
        b.set_range(start, end);
        match result {
            Some(r) => b.emit(Instr::Return { src: r }),
            None => b.emit(Instr::ReturnNone {}),
        };
        b.check_regs(node)?;
        let code = b.finish();
        // Call it with iter(first iterable).
        let base = if dst as u32 + 1 == self.next_reg && !self.is_local_reg(dst) { dst } else { self.alloc() };
        self.make_function(code, None, None, base)?;
        let arg = self.alloc();
        self.expr_into(&gens[0].iter, arg)?;
        self.set_range(start, end);
        if gens[0].is_async {
            self.emit(Instr::GetAIter { dst: arg, src: arg });
        } else {
            self.emit(Instr::GetIter { dst: arg, src: arg });
        }
        self.emit(Instr::Call { func: base, nargs: 1 });
        if is_async && !matches!(kind, CompKind::Gen(_)) {
            // An async comprehension is a coroutine: await its result.
            let aw = self.alloc();
            self.emit(Instr::GetAwaitable { dst: aw, src: base });
            self.emit_await(aw, base);
        }
        if base != dst {
            self.emit(Instr::Take { dst, src: base });
        }
        Ok(())
    }

    /// One `for` of a comprehension (and the rest inside it). Its loop
    /// instructions are located at the whole comprehension, `range`.
    fn comp_loop(
        &mut self,
        gens: &'s [ast::Comprehension],
        i: usize,
        kind: &CompKind<'s>,
        result: Option<Reg>,
        node: &'s Expr,
        range: (u32, u32),
    ) -> Res<()> {
        let g = &gens[i];
        let it = if i == 0 {
            self.regs[".0"]
        } else {
            let r = self.alloc();
            self.expr_into(&g.iter, r)?;
            self.set_range(range.0, range.1);
            if g.is_async {
                self.emit(Instr::GetAIter { dst: r, src: r });
            } else {
                self.emit(Instr::GetIter { dst: r, src: r });
            }
            r
        };
        let end = self.new_label();
        // `async for`: the handler catching StopAsyncIteration, and its register.
        let async_exit = if g.is_async { Some((self.new_label(), self.alloc())) } else { None };
        let (top, top_pc) = self.label_here();
        let direct = match &g.target {
            Expr::Name(n) => self.local_reg(n.id.as_str()),
            _ => None,
        };
        self.set_range(range.0, range.1);
        if let Some((handler, exc)) = async_exit {
            let aw = self.alloc();
            let item = self.alloc();
            self.handlers.push((handler, exc));
            self.emit(Instr::GetANext { dst: aw, iter: it });
            self.emit_await(aw, item);
            self.handlers.pop();
            self.store_target(&g.target, item)?;
        } else {
            match direct {
                Some(r) => {
                    self.emit_jump(Instr::ForIter { dst: r, iter: it, target: 0 }, end);
                    if let Expr::Name(n) = &g.target {
                        self.mark_bound(n.id.as_str());
                    }
                }
                None => {
                    let item = self.alloc();
                    self.emit_jump(Instr::ForIter { dst: item, iter: it, target: 0 }, end);
                    self.store_target(&g.target, item)?;
                }
            }
        }
        for cond in &g.ifs {
            self.jump_if(cond, false, top)?;
        }
        if i + 1 < gens.len() {
            self.comp_loop(gens, i + 1, kind, result, node, range)?;
        } else {
            let mark = self.mark();
            match (kind, result) {
                (CompKind::List(e), Some(r)) => {
                    let v = self.expr(e)?;
                    self.emit(Instr::ListAppend { list: r, src: v });
                }
                (CompKind::Set(e), Some(r)) => {
                    let v = self.expr(e)?;
                    self.emit(Instr::SetAdd { set: r, src: v });
                }
                (CompKind::Dict(k, v), Some(r)) => {
                    let kr = self.alloc();
                    self.expr_into(k, kr)?;
                    let vr = self.expr(v)?;
                    self.emit(Instr::DictInsert { dict: r, key: kr, value: vr });
                }
                (CompKind::Gen(e), None) => {
                    let v = self.expr(e)?;
                    let sent = self.alloc();
                    self.set_range(range.0, range.1);
                    self.emit(Instr::Yield { dst: sent, src: v });
                }
                _ => unreachable!(),
            }
            self.free_to(mark);
        }
        self.set_range(range.0, range.1);
        self.comp_jump_back(top_pc);
        if let Some((handler, exc)) = async_exit {
            self.bind_label(handler);
            self.emit(Instr::EndAsyncFor { exc });
        }
        self.bind_label(end);
        let _ = (top, node);
        Ok(())
    }

    /// In a class body, whether names resolve by lookup in the namespace.
    #[allow(dead_code)]
    fn in_class_body(&self) -> bool {
        self.scope.kind == ScopeKind::Class
    }
}

#[derive(Clone, Copy)]
enum SeqKind {
    List,
    Tuple,
    Set,
}

enum CompKind<'a> {
    List(&'a Expr),
    Set(&'a Expr),
    Dict(&'a Expr, &'a Expr),
    Gen(&'a Expr),
}
