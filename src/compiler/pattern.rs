//! `match` statements (PEP 634), compiled the way CPython's compiler does
//! (`compiler_match` in `Python/compile.c`), mapped onto registers.
//!
//! The subject is evaluated once into a fresh temporary. Each case compiles
//! its pattern against that register with a label to jump to when the
//! pattern fails; sub-patterns work on further temporaries (an unpacked
//! element, an attribute, a mapping value), which stay allocated until the
//! case ends. A capture does not store its name right away: it records the
//! register holding the value, and all names of the pattern are stored once
//! the whole pattern has matched (before the guard), so a failed pattern
//! binds nothing — CPython's behaviour.

use rustpython_parser::ast::{self, Expr, Pattern, Ranged};

use super::expr::literal;
use super::{const_value, ConstKey, FuncBuilder, Label, Res};
use crate::bytecode::{CmpOp, Instr, Reg};
use crate::objects::Value;

/// State while compiling one case's pattern.
struct PatCtx {
    /// Names captured so far, each with the register holding its value.
    stores: Vec<(String, Reg)>,
    /// Whether an irrefutable pattern is allowed here (it is not in a case
    /// that is neither guarded nor last, nor in an alternative that is not last).
    allow_irrefutable: bool,
}

/// `_` (no sub-pattern, no name).
fn is_wildcard(p: &Pattern) -> bool {
    matches!(p, Pattern::MatchAs(a) if a.pattern.is_none() && a.name.is_none())
}

/// `*_`.
fn is_star_wildcard(p: &Pattern) -> bool {
    matches!(p, Pattern::MatchStar(s) if s.name.is_none())
}

impl<'s> FuncBuilder<'s> {
    pub(super) fn match_stmt(&mut self, m: &'s ast::StmtMatch) -> Res<()> {
        let subject = self.alloc();
        self.expr_into(&m.subject, subject)?;
        let end = self.new_label();
        let before = self.bound.clone();
        let cases = m.cases.len();
        let Some(last) = m.cases.last() else {
            return Ok(());
        };
        // A trailing `case _:` needs no pattern code.
        let has_default = is_wildcard(&last.pattern) && cases > 1;
        for (i, case) in m.cases[..cases - has_default as usize].iter().enumerate() {
            let mark = self.mark();
            self.bound = before.clone();
            let fail = self.new_label();
            let mut pc = PatCtx { stores: Vec::new(), allow_irrefutable: case.guard.is_some() || i == cases - 1 };
            self.pattern(&case.pattern, subject, fail, &mut pc)?;
            // The pattern matched: bind the captured names.
            self.set_line(&case.pattern);
            for (name, reg) in &pc.stores {
                self.store_name(name, *reg);
            }
            if let Some(g) = &case.guard {
                self.jump_if(g, false, fail)?;
            }
            self.stmts(&case.body)?;
            self.jump(end);
            self.bind_label(fail);
            self.free_to(mark);
        }
        if has_default {
            self.bound = before.clone();
            if let Some(g) = &last.guard {
                self.jump_if(g, false, end)?;
            }
            self.stmts(&last.body)?;
        }
        self.bind_label(end);
        self.bound = before;
        Ok(())
    }

    /// Compiles `p` against the value in `subj`: falls through on a match,
    /// jumps to `fail` otherwise.
    fn pattern(&mut self, p: &'s Pattern, subj: Reg, fail: Label, pc: &mut PatCtx) -> Res<()> {
        self.set_line(p);
        match p {
            Pattern::MatchValue(v) => {
                let ok = matches!(&*v.value, Expr::Attribute(_)) || literal(&v.value).is_some() || complex_literal(&v.value);
                if !ok {
                    return Err(self.err(p, "patterns may only match literals and attribute lookups"));
                }
                let value = self.expr(&v.value)?;
                self.set_line(p);
                self.emit_jump(Instr::CompareJump { op: CmpOp::Eq, a: subj, b: value, target: 0 }, fail);
            }
            Pattern::MatchSingleton(s) => match s.value {
                ast::Constant::None => self.emit_jump(Instr::JumpIfNotNone { src: subj, target: 0 }, fail),
                ast::Constant::Bool(b) => {
                    let r = self.alloc();
                    self.emit(Instr::LoadBool { dst: r, value: b });
                    self.emit_jump(Instr::CompareJump { op: CmpOp::Is, a: subj, b: r, target: 0 }, fail);
                }
                _ => return Err(self.err(p, "patterns may only match literals and attribute lookups")),
            },
            Pattern::MatchAs(a) => match &a.pattern {
                None => {
                    if !pc.allow_irrefutable {
                        return Err(match &a.name {
                            Some(n) => self.err(p, &format!("name capture '{}' makes remaining patterns unreachable", n)),
                            None => self.err(p, "wildcard makes remaining patterns unreachable"),
                        });
                    }
                    if let Some(n) = &a.name {
                        self.capture(p, n.as_str(), subj, pc)?;
                    }
                }
                Some(inner) => {
                    self.pattern(inner, subj, fail, pc)?;
                    if let Some(n) = &a.name {
                        self.capture(p, n.as_str(), subj, pc)?;
                    }
                }
            },
            Pattern::MatchStar(_) => return Err(self.err(p, "can't use starred name here")),
            Pattern::MatchOr(o) => self.pattern_or(o, subj, fail, pc)?,
            Pattern::MatchSequence(s) => self.pattern_sequence(p, &s.patterns, subj, fail, pc)?,
            Pattern::MatchMapping(m) => self.pattern_mapping(p, m, subj, fail, pc)?,
            Pattern::MatchClass(c) => self.pattern_class(p, c, subj, fail, pc)?,
        }
        Ok(())
    }

    /// A sub-pattern: irrefutable patterns are always allowed inside another.
    fn subpattern(&mut self, p: &'s Pattern, subj: Reg, fail: Label, pc: &mut PatCtx) -> Res<()> {
        let allow = pc.allow_irrefutable;
        pc.allow_irrefutable = true;
        self.pattern(p, subj, fail, pc)?;
        pc.allow_irrefutable = allow;
        Ok(())
    }

    /// Records that `name` is bound to the value in `reg` when the pattern matches.
    fn capture(&mut self, node: &impl Ranged, name: &str, reg: Reg, pc: &mut PatCtx) -> Res<()> {
        if name == "__debug__" {
            return Err(self.err(node, "cannot assign to __debug__"));
        }
        if pc.stores.iter().any(|(n, _)| n == name) {
            return Err(self.err(node, &format!("multiple assignments to name '{}' in pattern", name)));
        }
        pc.stores.push((name.to_string(), reg));
        Ok(())
    }

    fn pattern_or(&mut self, o: &'s ast::PatternMatchOr, subj: Reg, fail: Label, pc: &mut PatCtx) -> Res<()> {
        let success = self.new_label();
        let n = o.patterns.len();
        // The registers the alternatives' captures end up in, by name (in
        // the order the first alternative binds them).
        let mut control: Option<Vec<(String, Reg)>> = None;
        for (i, alt) in o.patterns.iter().enumerate() {
            let last = i + 1 == n;
            let next = if last { fail } else { self.new_label() };
            let mut alt_pc = PatCtx { stores: Vec::new(), allow_irrefutable: last && pc.allow_irrefutable };
            self.pattern(alt, subj, next, &mut alt_pc)?;
            let shared = match &control {
                None => {
                    let regs: Vec<(String, Reg)> = alt_pc.stores.iter().map(|(name, _)| (name.clone(), self.alloc())).collect();
                    control = Some(regs.clone());
                    regs
                }
                Some(c) => c.clone(),
            };
            if shared.len() != alt_pc.stores.len() {
                return Err(self.err(alt, "alternative patterns bind different names"));
            }
            for (name, dst) in &shared {
                let Some((_, src)) = alt_pc.stores.iter().find(|(n2, _)| n2 == name) else {
                    return Err(self.err(alt, "alternative patterns bind different names"));
                };
                self.emit(Instr::Move { dst: *dst, src: *src });
            }
            if !last {
                self.jump(success);
                self.bind_label(next);
            }
        }
        self.bind_label(success);
        for (name, reg) in control.unwrap_or_default() {
            if pc.stores.iter().any(|(n2, _)| *n2 == name) {
                return Err(self.err(o, &format!("multiple assignments to name '{}' in pattern", name)));
            }
            pc.stores.push((name, reg));
        }
        Ok(())
    }

    fn pattern_sequence(&mut self, node: &'s Pattern, pats: &'s [Pattern], subj: Reg, fail: Label, pc: &mut PatCtx) -> Res<()> {
        let size = pats.len();
        let mut star: Option<usize> = None;
        let mut star_wildcard = false;
        let mut only_wildcard = true;
        for (i, q) in pats.iter().enumerate() {
            if let Pattern::MatchStar(_) = q {
                if star.is_some() {
                    return Err(self.err(q, "multiple starred names in sequence pattern"));
                }
                star_wildcard = is_star_wildcard(q);
                only_wildcard &= star_wildcard;
                star = Some(i);
                continue;
            }
            only_wildcard &= is_wildcard(q);
        }
        let t = self.alloc();
        self.emit(Instr::MatchKind { dst: t, src: subj, kind: 0 });
        self.emit_jump(Instr::JumpIfFalse { cond: t, target: 0 }, fail);
        let len = self.alloc();
        match star {
            None => {
                self.emit(Instr::GetLen { dst: len, src: subj });
                self.emit_jump(Instr::CompareJumpInt { op: CmpOp::Eq, a: len, imm: size as i32, target: 0 }, fail);
            }
            Some(_) if size > 1 => {
                self.emit(Instr::GetLen { dst: len, src: subj });
                self.emit_jump(Instr::CompareJumpInt { op: CmpOp::Ge, a: len, imm: size as i32 - 1, target: 0 }, fail);
            }
            Some(_) => {}
        }
        if only_wildcard {
            return Ok(());
        }
        if star_wildcard {
            // Index the elements around `*_` (nonnegative indices: the
            // subject may not support negative ones).
            let star = star.unwrap_or(size);
            for (i, q) in pats.iter().enumerate() {
                if i == star || is_wildcard(q) {
                    continue;
                }
                let idx = self.alloc();
                if i < star {
                    self.emit(Instr::LoadInt { dst: idx, value: i as i32 });
                } else {
                    self.emit(Instr::GetLen { dst: idx, src: subj });
                    self.emit(Instr::AddInt { dst: idx, a: idx, imm: -((size - i) as i32) });
                }
                let item = self.alloc();
                self.emit(Instr::GetItem { dst: item, obj: subj, key: idx });
                self.subpattern(q, item, fail, pc)?;
                self.set_line(node);
            }
            return Ok(());
        }
        let start = self.alloc_n(size);
        match star {
            None => {
                self.emit(Instr::UnpackSequence { dst: start, src: subj, count: size as u16 });
            }
            Some(s) => {
                let after = size - s - 1;
                if s > 255 || after > 255 {
                    return Err(self.err(node, "too many expressions in star-unpacking assignment"));
                }
                self.emit(Instr::UnpackEx { dst: start, src: subj, before: s as u8, after: after as u8 });
            }
        }
        for (i, q) in pats.iter().enumerate() {
            let reg = start + i as Reg;
            match q {
                Pattern::MatchStar(st) => {
                    if let Some(n) = &st.name {
                        self.capture(q, n.as_str(), reg, pc)?;
                    }
                }
                _ if is_wildcard(q) => {}
                _ => self.subpattern(q, reg, fail, pc)?,
            }
        }
        Ok(())
    }

    fn pattern_mapping(&mut self, node: &'s Pattern, m: &'s ast::PatternMatchMapping, subj: Reg, fail: Label, pc: &mut PatCtx) -> Res<()> {
        let size = m.keys.len();
        let t = self.alloc();
        self.emit(Instr::MatchKind { dst: t, src: subj, kind: 1 });
        self.emit_jump(Instr::JumpIfFalse { cond: t, target: 0 }, fail);
        if size == 0 && m.rest.is_none() {
            return Ok(());
        }
        if size > 0 {
            self.emit(Instr::GetLen { dst: t, src: subj });
            self.emit_jump(Instr::CompareJumpInt { op: CmpOp::Ge, a: t, imm: size as i32, target: 0 }, fail);
        }
        // The keys: literals (duplicates are a compile-time error) or
        // attribute lookups.
        let mut seen: Vec<ast::Constant> = Vec::new();
        let mut all_const = true;
        for k in &m.keys {
            match constant_key(k) {
                Some(c) => {
                    if seen.iter().any(|s| const_key_eq(s, &c)) {
                        let (_, v) = const_value(&c);
                        return Err(self.err(k, &format!("mapping pattern checks duplicate key ({})", crate::vm::repr::simple_repr(&v))));
                    }
                    seen.push(c);
                }
                None => {
                    if !matches!(k, Expr::Attribute(_)) {
                        return Err(self.err(k, "mapping pattern keys may only match literals and attribute lookups"));
                    }
                    all_const = false;
                }
            }
        }
        let keys = self.alloc();
        if all_const {
            let (key, v) = const_value(&ast::Constant::Tuple(seen));
            let k = match key {
                ConstKey::Tuple(_) => self.add_const_keyed(key, v),
                _ => self.add_unique_const(v),
            };
            self.emit(Instr::LoadConst { dst: keys, k });
        } else {
            let start = self.alloc_n(size);
            for (i, k) in m.keys.iter().enumerate() {
                self.expr_into(k, start + i as Reg)?;
            }
            self.set_line(node);
            self.emit(Instr::BuildTuple { dst: keys, start, count: size as u16 });
        }
        let vals = self.alloc();
        self.emit(Instr::MatchKeys { dst: vals, src: subj, keys });
        self.emit_jump(Instr::JumpIfNone { src: vals, target: 0 }, fail);
        if size > 0 {
            let start = self.alloc_n(size);
            self.emit(Instr::UnpackSequence { dst: start, src: vals, count: size as u16 });
            for (i, q) in m.patterns.iter().enumerate() {
                self.subpattern(q, start + i as Reg, fail, pc)?;
            }
        }
        if let Some(rest) = &m.rest {
            self.set_line(node);
            let r = self.alloc();
            self.emit(Instr::CopyDictWithoutKeys { dst: r, src: subj, keys });
            self.capture(node, rest.as_str(), r, pc)?;
        }
        Ok(())
    }

    fn pattern_class(&mut self, node: &'s Pattern, c: &'s ast::PatternMatchClass, subj: Reg, fail: Label, pc: &mut PatCtx) -> Res<()> {
        let npos = c.patterns.len();
        let nattrs = c.kwd_attrs.len();
        for (i, a) in c.kwd_attrs.iter().enumerate() {
            if a.as_str() == "__debug__" {
                return Err(self.err(&c.kwd_patterns[i], "cannot assign to __debug__"));
            }
            if c.kwd_attrs[i + 1..].iter().any(|b| b.as_str() == a.as_str()) {
                let dup = &c.kwd_patterns[i + 1 + c.kwd_attrs[i + 1..].iter().position(|b| b.as_str() == a.as_str()).unwrap_or(0)];
                return Err(self.err(dup, &format!("attribute name repeated in class pattern: {}", a)));
            }
        }
        let cls = self.expr(&c.cls)?;
        self.set_line(node);
        let names: Vec<Value> = c.kwd_attrs.iter().map(|a| Value::str(a.as_str())).collect();
        let names = self.add_unique_const(Value::tuple(names));
        let attrs = self.alloc();
        self.emit(Instr::MatchClass { dst: attrs, src: subj, cls, names, npos: npos as u16 });
        self.emit_jump(Instr::JumpIfNone { src: attrs, target: 0 }, fail);
        let n = npos + nattrs;
        if n == 0 {
            return Ok(());
        }
        let start = self.alloc_n(n);
        self.emit(Instr::UnpackSequence { dst: start, src: attrs, count: n as u16 });
        for (i, q) in c.patterns.iter().chain(c.kwd_patterns.iter()).enumerate() {
            if is_wildcard(q) {
                continue;
            }
            self.subpattern(q, start + i as Reg, fail, pc)?;
        }
        Ok(())
    }
}

/// A complex literal in a pattern (`1 + 2j`, `-1 - 2j`).
fn complex_literal(e: &Expr) -> bool {
    match e {
        Expr::BinOp(b) => {
            matches!(b.op, ast::Operator::Add | ast::Operator::Sub)
                && literal(&b.left).is_some_and(|c| matches!(c, ast::Constant::Int(_) | ast::Constant::Float(_)))
                && literal(&b.right).is_some_and(|c| matches!(c, ast::Constant::Complex { .. }))
        }
        _ => false,
    }
}

/// The constant value of a mapping-pattern key, if it is a literal.
fn constant_key(e: &Expr) -> Option<ast::Constant> {
    if let Some(c) = literal(e) {
        return Some(c);
    }
    if let Expr::BinOp(b) = e {
        if complex_literal(e) {
            let real = match literal(&b.left)? {
                ast::Constant::Int(i) => i.to_string().parse::<f64>().ok()?,
                ast::Constant::Float(f) => f,
                _ => return None,
            };
            let ast::Constant::Complex { real: r2, imag } = literal(&b.right)? else {
                return None;
            };
            let sign = if matches!(b.op, ast::Operator::Sub) { -1.0 } else { 1.0 };
            return Some(ast::Constant::Complex { real: real + sign * r2, imag: sign * imag });
        }
    }
    None
}

/// Whether two literal keys are equal as dict keys (`1 == 1.0 == True`).
fn const_key_eq(a: &ast::Constant, b: &ast::Constant) -> bool {
    use ast::Constant as C;
    fn num(c: &C) -> Option<(f64, f64)> {
        match c {
            C::Bool(b) => Some((*b as i64 as f64, 0.0)),
            C::Int(i) => Some((i.to_string().parse::<f64>().ok()?, 0.0)),
            C::Float(f) => Some((*f, 0.0)),
            C::Complex { real, imag } => Some((*real, *imag)),
            _ => None,
        }
    }
    match (a, b) {
        (C::Str(x), C::Str(y)) => x == y,
        (C::Bytes(x), C::Bytes(y)) => x == y,
        (C::None, C::None) | (C::Ellipsis, C::Ellipsis) => true,
        (C::Int(x), C::Int(y)) => x == y,
        (C::Tuple(x), C::Tuple(y)) => x.len() == y.len() && x.iter().zip(y).all(|(p, q)| const_key_eq(p, q)),
        _ => match (num(a), num(b)) {
            (Some(x), Some(y)) => x.0 == y.0 && x.1 == y.1,
            _ => false,
        },
    }
}
