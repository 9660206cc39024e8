//! Scope analysis: decides for every name in every scope whether it is a
//! local (a register), a cell or free variable (closures), a global, or a
//! name looked up at run time (class bodies).
//!
//! Two passes, as in CPython's `symtable.c`: the first walks the AST and
//! records how each scope binds and uses names; the second resolves free
//! names against the enclosing function scopes.

use super::{Map, Set};
use std::borrow::Cow;

use rustpython_parser::ast::{self, Expr, Ranged, Stmt};

use super::CompileError;

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum ScopeKind {
    Module,
    Class,
    Function,
    Lambda,
    Comprehension,
}

/// How a name is resolved in a scope.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Resolution {
    /// A local variable in a register.
    Local,
    /// A local captured by an inner scope: a register holding a cell.
    Cell,
    /// A variable of an enclosing function: a register holding its cell.
    Free,
    /// `global x`, or an unbound name in a function: the module's globals.
    Global,
    /// Module level and class bodies: looked up by name.
    Name,
}

pub mod flags {
    pub const ASSIGNED: u32 = 1;
    pub const USED: u32 = 2;
    pub const PARAM: u32 = 4;
    pub const GLOBAL: u32 = 8;
    pub const NONLOCAL: u32 = 16;
    /// Referenced by an inner scope as a free variable.
    pub const CAPTURED: u32 = 32;
    /// A free variable passing through (used by an inner scope).
    pub const FREE: u32 = 64;
    pub const ANNOTATED: u32 = 128;
}

#[derive(Debug)]
pub struct Scope {
    pub kind: ScopeKind,
    pub name: String,
    /// Flags per name.
    pub symbols: Map<String, u32>,
    /// Names in the order first seen (deterministic register order).
    pub order: Vec<String>,
    /// Parameter names in order.
    pub params: Vec<String>,
    pub children: Vec<Scope>,
    pub is_generator: bool,
    /// `async def` (a coroutine, or with `yield` an async generator), or a
    /// comprehension with `async for`/`await` (an async comprehension).
    pub is_coroutine: bool,
    /// The scope uses `super()` or `__class__` (needs the `__class__` cell).
    pub needs_class_cell: bool,
    /// Final resolution of every name.
    pub resolved: Map<String, Resolution>,
    /// Line of the scope's definition.
    pub line: u32,
    /// Source offset of the defining node (how the code generator finds a child scope).
    pub key: u32,
    /// The name of the innermost enclosing class (this one for a class
    /// body): `__names` in the scope are mangled with it.
    pub private: Option<String>,
    /// Line of the first `global`/`nonlocal` statement naming each name
    /// (where CPython reports errors about the declaration).
    pub directives: Map<String, u32>,
}

/// CPython's private name mangling (`_Py_Mangle`): inside class `C`, a name
/// `__x` (not ending in `__`, without a dot) becomes `_C__x`, with the
/// class name's leading underscores stripped.
pub fn mangle<'a>(private: Option<&str>, name: &'a str) -> Cow<'a, str> {
    let Some(class) = private else {
        return Cow::Borrowed(name);
    };
    if !name.starts_with("__") || name.ends_with("__") || name.contains('.') {
        return Cow::Borrowed(name);
    }
    let stripped = class.trim_start_matches('_');
    if stripped.is_empty() {
        return Cow::Borrowed(name);
    }
    Cow::Owned(format!("_{}{}", stripped, name))
}

impl Scope {
    fn new(kind: ScopeKind, name: &str, line: u32, key: u32) -> Scope {
        Scope {
            kind,
            name: name.to_string(),
            symbols: Map::default(),
            order: Vec::new(),
            params: Vec::new(),
            children: Vec::new(),
            is_generator: false,
            is_coroutine: false,
            needs_class_cell: false,
            resolved: Map::default(),
            line,
            key,
            private: None,
            directives: Map::default(),
        }
    }

    /// `name` as this scope stores it (mangled inside a class).
    pub fn mangled<'a>(&self, name: &'a str) -> Cow<'a, str> {
        mangle(self.private.as_deref(), name)
    }

    fn add(&mut self, name: &str, flag: u32) {
        let name = &*mangle(self.private.as_deref(), name);
        match self.symbols.get_mut(name) {
            Some(f) => *f |= flag,
            None => {
                self.symbols.insert(name.to_string(), flag);
                self.order.push(name.to_string());
            }
        }
    }

    pub fn flags(&self, name: &str) -> u32 {
        self.symbols.get(&*self.mangled(name)).copied().unwrap_or(0)
    }

    pub fn resolve(&self, name: &str) -> Resolution {
        if let Some(r) = self.resolved.get(&*self.mangled(name)) {
            return *r;
        }
        match self.kind {
            ScopeKind::Module | ScopeKind::Class => Resolution::Name,
            _ => Resolution::Global,
        }
    }

    pub fn is_function_like(&self) -> bool {
        matches!(self.kind, ScopeKind::Function | ScopeKind::Lambda | ScopeKind::Comprehension)
    }
}

struct Builder<'a> {
    stack: Vec<Scope>,
    line_of: &'a dyn Fn(u32) -> u32,
    /// Statements and expressions being visited, nested (`enter`).
    depth: usize,
}

type Res<T> = Result<T, CompileError>;

/// Whether `e` is a literal that `is` must not be used with (CPython's
/// `check_is_arg` after constant folding): a constant other than None,
/// True, False and `...`, a signed or inverted number, a tuple of
/// constants.
fn is_literal(e: &Expr) -> bool {
    fn constant(e: &Expr) -> bool {
        match e {
            Expr::Constant(_) => true,
            // (`not 1` folds to False, `~1.5` does not fold.)
            Expr::UnaryOp(u) => match (&u.op, &*u.operand) {
                (ast::UnaryOp::USub | ast::UnaryOp::UAdd, Expr::Constant(k)) => {
                    matches!(k.value, ast::Constant::Int(_) | ast::Constant::Float(_) | ast::Constant::Complex { .. })
                }
                (ast::UnaryOp::Invert, Expr::Constant(k)) => matches!(k.value, ast::Constant::Int(_)),
                _ => false,
            },
            Expr::Tuple(t) => t.elts.iter().all(constant),
            _ => false,
        }
    }
    match e {
        Expr::Constant(k) => !matches!(k.value, ast::Constant::None | ast::Constant::Bool(_) | ast::Constant::Ellipsis),
        _ => constant(e),
    }
}

/// Builds and resolves the scope tree of a module.
pub fn analyze(body: &[Stmt], line_of: &dyn Fn(u32) -> u32) -> Res<Scope> {
    let mut b = Builder { stack: vec![Scope::new(ScopeKind::Module, "<module>", 1, 0)], line_of, depth: 0 };
    for s in body {
        b.stmt(s)?;
    }
    let mut top = b.stack.pop().unwrap();
    resolve_inner(&mut top, &[])?;
    Ok(top)
}

/// Builds and resolves the scope tree for a single expression (`eval`).
pub fn analyze_expr(e: &Expr, line_of: &dyn Fn(u32) -> u32) -> Res<Scope> {
    let mut b = Builder { stack: vec![Scope::new(ScopeKind::Module, "<module>", 1, 0)], line_of, depth: 0 };
    b.expr(e)?;
    let mut top = b.stack.pop().unwrap();
    resolve_inner(&mut top, &[])?;
    Ok(top)
}

impl Builder<'_> {
    fn cur(&mut self) -> &mut Scope {
        self.stack.last_mut().unwrap()
    }

    fn line(&self, node: &impl Ranged) -> u32 {
        (self.line_of)(node.range().start().into())
    }

    fn err(&self, node: &impl Ranged, msg: &str) -> CompileError {
        let r = node.range();
        CompileError { span: Some((r.start().into(), r.end().into())), ..CompileError::syntax(msg, self.line(node)) }
    }

    fn bind(&mut self, name: &str, _node: &impl Ranged) -> Res<()> {
        self.cur().add(name, flags::ASSIGNED);
        Ok(())
    }

    fn use_name(&mut self, name: &str) {
        self.cur().add(name, flags::USED);
        if name == "super" && self.cur().is_function_like() {
            self.cur().needs_class_cell = true;
        }
        if name == "__class__" && self.cur().is_function_like() {
            self.cur().needs_class_cell = true;
        }
    }

    fn push(&mut self, kind: ScopeKind, name: &str, node: &impl Ranged) {
        let line = self.line(node);
        let key: u32 = node.range().start().into();
        let mut scope = Scope::new(kind, name, line, key);
        scope.private = if kind == ScopeKind::Class { Some(name.to_string()) } else { self.cur().private.clone() };
        self.stack.push(scope);
    }

    fn pop(&mut self) {
        let s = self.stack.pop().unwrap();
        self.cur().children.push(s);
    }

    fn stmts(&mut self, body: &[Stmt]) -> Res<()> {
        for s in body {
            self.stmt(s)?;
        }
        Ok(())
    }

    fn params(&mut self, args: &ast::Arguments) -> Res<()> {
        let mut seen = Set::default();
        let mut add = |b: &mut Self, a: &ast::Arg| -> Res<()> {
            if !seen.insert(a.arg.to_string()) {
                return Err(b.err(a, &format!("duplicate argument '{}' in function definition", a.arg)));
            }
            b.cur().add(a.arg.as_str(), flags::PARAM | flags::ASSIGNED);
            let name = b.cur().mangled(a.arg.as_str()).into_owned();
            b.cur().params.push(name);
            Ok(())
        };
        for a in args.posonlyargs.iter().chain(args.args.iter()) {
            add(self, &a.def)?;
        }
        for a in args.kwonlyargs.iter() {
            add(self, &a.def)?;
        }
        if let Some(a) = &args.vararg {
            add(self, a)?;
        }
        if let Some(a) = &args.kwarg {
            add(self, a)?;
        }
        Ok(())
    }

    /// Defaults and annotations are evaluated in the enclosing scope.
    fn param_exprs(&mut self, args: &ast::Arguments) -> Res<()> {
        for a in args.posonlyargs.iter().chain(args.args.iter()).chain(args.kwonlyargs.iter()) {
            if let Some(d) = &a.default {
                self.expr(d)?;
            }
            if let Some(an) = &a.def.annotation {
                self.expr(an)?;
            }
        }
        for a in [&args.vararg, &args.kwarg].into_iter().flatten() {
            if let Some(an) = &a.annotation {
                self.expr(an)?;
            }
        }
        Ok(())
    }

    /// CPython's symtable recursion check: statements and expressions
    /// nested more than `super::nesting_limit()` deep are a RecursionError
    /// (and the compiler, which recurses as deep, never sees them).
    fn enter(&mut self) -> Res<()> {
        self.depth += 1;
        if self.depth > super::nesting_limit() {
            return Err(CompileError::syntax(super::RECURSION_MSG, 0));
        }
        Ok(())
    }

    fn stmt(&mut self, s: &Stmt) -> Res<()> {
        self.enter()?;
        let r = self.stmt_inner(s);
        self.depth -= 1;
        r
    }

    fn stmt_inner(&mut self, s: &Stmt) -> Res<()> {
        match s {
            Stmt::FunctionDef(f) => {
                for d in &f.decorator_list {
                    self.expr(d)?;
                }
                self.param_exprs(&f.args)?;
                if let Some(r) = &f.returns {
                    self.expr(r)?;
                }
                self.bind(f.name.as_str(), s)?;
                self.push(ScopeKind::Function, f.name.as_str(), s);
                self.params(&f.args)?;
                self.stmts(&f.body)?;
                self.pop();
            }
            Stmt::AsyncFunctionDef(f) => {
                for d in &f.decorator_list {
                    self.expr(d)?;
                }
                self.param_exprs(&f.args)?;
                if let Some(r) = &f.returns {
                    self.expr(r)?;
                }
                self.bind(f.name.as_str(), s)?;
                self.push(ScopeKind::Function, f.name.as_str(), s);
                self.cur().is_coroutine = true;
                self.params(&f.args)?;
                self.stmts(&f.body)?;
                self.pop();
            }
            Stmt::ClassDef(c) => {
                for d in &c.decorator_list {
                    self.expr(d)?;
                }
                for b in &c.bases {
                    self.expr(b)?;
                }
                for k in &c.keywords {
                    self.expr(&k.value)?;
                }
                self.bind(c.name.as_str(), s)?;
                self.push(ScopeKind::Class, c.name.as_str(), s);
                self.stmts(&c.body)?;
                self.pop();
            }
            Stmt::Return(r) => {
                if !self.cur().is_function_like() {
                    return Err(self.err(s, "'return' outside function"));
                }
                if let Some(v) = &r.value {
                    self.expr(v)?;
                }
            }
            Stmt::Delete(d) => {
                for t in &d.targets {
                    self.target(t)?;
                }
            }
            Stmt::Assign(a) => {
                self.expr(&a.value)?;
                for t in &a.targets {
                    self.target(t)?;
                }
            }
            Stmt::AugAssign(a) => {
                self.expr(&a.value)?;
                if let Expr::Name(n) = &*a.target {
                    self.use_name(n.id.as_str());
                }
                self.target(&a.target)?;
            }
            Stmt::AnnAssign(a) => {
                if let Some(v) = &a.value {
                    self.expr(v)?;
                }
                if let Expr::Name(n) = &*a.target {
                    let f = self.cur().flags(n.id.as_str());
                    if f & (flags::GLOBAL | flags::NONLOCAL) != 0 && a.simple {
                        return Err(self.err(s, &format!("annotated name '{}' can't be global", n.id)));
                    }
                    if a.value.is_some() {
                        self.bind(n.id.as_str(), &*a.target)?;
                    }
                    self.cur().add(n.id.as_str(), flags::ANNOTATED);
                    if self.cur().kind != ScopeKind::Function {
                        self.expr(&a.annotation)?;
                    }
                } else {
                    self.target(&a.target)?;
                    self.expr(&a.annotation)?;
                }
            }
            Stmt::For(f) => {
                self.expr(&f.iter)?;
                self.target(&f.target)?;
                self.stmts(&f.body)?;
                self.stmts(&f.orelse)?;
            }
            Stmt::AsyncFor(f) => {
                if !(self.cur().kind == ScopeKind::Function && self.cur().is_coroutine) {
                    return Err(self.err(s, "'async for' outside async function"));
                }
                self.expr(&f.iter)?;
                self.target(&f.target)?;
                self.stmts(&f.body)?;
                self.stmts(&f.orelse)?;
            }
            Stmt::While(w) => {
                self.expr(&w.test)?;
                self.stmts(&w.body)?;
                self.stmts(&w.orelse)?;
            }
            Stmt::If(i) => {
                self.expr(&i.test)?;
                self.stmts(&i.body)?;
                self.stmts(&i.orelse)?;
            }
            Stmt::With(w) => {
                for it in &w.items {
                    self.expr(&it.context_expr)?;
                    if let Some(v) = &it.optional_vars {
                        self.target(v)?;
                    }
                }
                self.stmts(&w.body)?;
            }
            Stmt::AsyncWith(w) => {
                if !(self.cur().kind == ScopeKind::Function && self.cur().is_coroutine) {
                    return Err(self.err(s, "'async with' outside async function"));
                }
                for it in &w.items {
                    self.expr(&it.context_expr)?;
                    if let Some(v) = &it.optional_vars {
                        self.target(v)?;
                    }
                }
                self.stmts(&w.body)?;
            }
            Stmt::Match(m) => {
                self.expr(&m.subject)?;
                for c in &m.cases {
                    self.pattern(&c.pattern)?;
                    if let Some(g) = &c.guard {
                        self.expr(g)?;
                    }
                    self.stmts(&c.body)?;
                }
            }
            Stmt::Raise(r) => {
                if let Some(e) = &r.exc {
                    self.expr(e)?;
                }
                if let Some(c) = &r.cause {
                    self.expr(c)?;
                }
            }
            Stmt::Try(t) => {
                self.stmts(&t.body)?;
                for h in &t.handlers {
                    let ast::ExceptHandler::ExceptHandler(h) = h;
                    if let Some(ty) = &h.type_ {
                        self.expr(ty)?;
                    }
                    if let Some(n) = &h.name {
                        self.bind(n.as_str(), h)?;
                    }
                    self.stmts(&h.body)?;
                }
                self.stmts(&t.orelse)?;
                self.stmts(&t.finalbody)?;
            }
            Stmt::TryStar(t) => {
                self.stmts(&t.body)?;
                for h in &t.handlers {
                    let ast::ExceptHandler::ExceptHandler(h) = h;
                    if let Some(ty) = &h.type_ {
                        self.expr(ty)?;
                    }
                    if let Some(n) = &h.name {
                        self.bind(n.as_str(), h)?;
                    }
                    self.stmts(&h.body)?;
                }
                self.stmts(&t.orelse)?;
                self.stmts(&t.finalbody)?;
            }
            Stmt::Assert(a) => {
                self.expr(&a.test)?;
                if let Some(m) = &a.msg {
                    self.expr(m)?;
                }
            }
            Stmt::Import(i) => {
                for a in &i.names {
                    let name = match &a.asname {
                        Some(n) => n.to_string(),
                        None => a.name.split('.').next().unwrap().to_string(),
                    };
                    self.bind(&name, s)?;
                }
            }
            Stmt::ImportFrom(i) => {
                for a in &i.names {
                    if a.name.as_str() == "*" {
                        if self.cur().kind != ScopeKind::Module {
                            return Err(self.err(s, "import * only allowed at module level"));
                        }
                        continue;
                    }
                    let name = a.asname.as_ref().unwrap_or(&a.name).to_string();
                    self.bind(&name, s)?;
                }
            }
            Stmt::Global(g) => {
                for n in &g.names {
                    let f = self.cur().flags(n.as_str());
                    if f & flags::PARAM != 0 {
                        return Err(self.err(s, &format!("name '{}' is parameter and global", n)));
                    }
                    if f & flags::USED != 0 {
                        return Err(self.err(s, &format!("name '{}' is used prior to global declaration", n)));
                    }
                    if f & flags::ASSIGNED != 0 {
                        return Err(self.err(s, &format!("name '{}' is assigned to before global declaration", n)));
                    }
                    let line = self.line(s);
                    let key = self.cur().mangled(n.as_str()).into_owned();
                    let first = *self.cur().directives.entry(key).or_insert(line);
                    if f & flags::NONLOCAL != 0 {
                        return Err(CompileError::syntax(&format!("name '{}' is nonlocal and global", n), first));
                    }
                    self.cur().add(n.as_str(), flags::GLOBAL);
                }
            }
            Stmt::Nonlocal(g) => {
                if self.cur().kind == ScopeKind::Module {
                    return Err(self.err(s, "nonlocal declaration not allowed at module level"));
                }
                for n in &g.names {
                    let f = self.cur().flags(n.as_str());
                    if f & flags::PARAM != 0 {
                        return Err(self.err(s, &format!("name '{}' is parameter and nonlocal", n)));
                    }
                    if f & flags::USED != 0 {
                        return Err(self.err(s, &format!("name '{}' is used prior to nonlocal declaration", n)));
                    }
                    if f & flags::ASSIGNED != 0 {
                        return Err(self.err(s, &format!("name '{}' is assigned to before nonlocal declaration", n)));
                    }
                    let line = self.line(s);
                    let key = self.cur().mangled(n.as_str()).into_owned();
                    let first = *self.cur().directives.entry(key).or_insert(line);
                    if f & flags::GLOBAL != 0 {
                        return Err(CompileError::syntax(&format!("name '{}' is nonlocal and global", n), first));
                    }
                    self.cur().add(n.as_str(), flags::NONLOCAL);
                }
            }
            Stmt::Expr(e) => self.expr(&e.value)?,
            Stmt::Pass(_) | Stmt::Break(_) | Stmt::Continue(_) => {}
            Stmt::TypeAlias(t) => {
                self.target(&t.name)?;
                self.expr(&t.value)?;
            }
        }
        Ok(())
    }

    fn target(&mut self, t: &Expr) -> Res<()> {
        match t {
            Expr::Name(n) => self.bind(n.id.as_str(), t),
            Expr::Tuple(tu) => {
                for e in &tu.elts {
                    self.target(e)?;
                }
                Ok(())
            }
            Expr::List(l) => {
                for e in &l.elts {
                    self.target(e)?;
                }
                Ok(())
            }
            Expr::Starred(s) => self.target(&s.value),
            Expr::Attribute(a) => self.expr(&a.value),
            Expr::Subscript(s) => {
                self.expr(&s.value)?;
                self.expr(&s.slice)
            }
            _ => self.expr(t),
        }
    }

    fn pattern(&mut self, p: &ast::Pattern) -> Res<()> {
        use ast::Pattern as P;
        match p {
            P::MatchValue(v) => self.expr(&v.value),
            P::MatchSingleton(_) => Ok(()),
            P::MatchSequence(s) => {
                for q in &s.patterns {
                    self.pattern(q)?;
                }
                Ok(())
            }
            P::MatchMapping(m) => {
                for k in &m.keys {
                    self.expr(k)?;
                }
                for q in &m.patterns {
                    self.pattern(q)?;
                }
                if let Some(r) = &m.rest {
                    self.bind(r.as_str(), p)?;
                }
                Ok(())
            }
            P::MatchClass(c) => {
                self.expr(&c.cls)?;
                for q in c.patterns.iter().chain(c.kwd_patterns.iter()) {
                    self.pattern(q)?;
                }
                Ok(())
            }
            P::MatchStar(s) => {
                if let Some(n) = &s.name {
                    self.bind(n.as_str(), p)?;
                }
                Ok(())
            }
            P::MatchAs(a) => {
                if let Some(q) = &a.pattern {
                    self.pattern(q)?;
                }
                if let Some(n) = &a.name {
                    self.bind(n.as_str(), p)?;
                }
                Ok(())
            }
            P::MatchOr(o) => {
                for q in &o.patterns {
                    self.pattern(q)?;
                }
                Ok(())
            }
        }
    }

    fn comprehension(&mut self, kind: &str, gens: &[ast::Comprehension], elts: &[&Expr], node: &Expr) -> Res<()> {
        // The first iterable is evaluated in the enclosing scope.
        self.expr(&gens[0].iter)?;
        self.push(ScopeKind::Comprehension, kind, node);
        self.cur().add(".0", flags::PARAM | flags::ASSIGNED);
        self.cur().params.push(".0".to_string());
        if kind == "<genexpr>" {
            self.cur().is_generator = true;
        }
        if gens.iter().any(|g| g.is_async) {
            self.cur().is_coroutine = true;
        }
        for (i, g) in gens.iter().enumerate() {
            if i > 0 {
                self.expr(&g.iter)?;
            }
            self.target(&g.target)?;
            for c in &g.ifs {
                self.expr(c)?;
            }
        }
        for e in elts {
            self.expr(e)?;
        }
        let is_async = self.cur().is_coroutine;
        self.pop();
        if is_async && kind != "<genexpr>" {
            // An async list/set/dict comprehension is awaited where it is
            // written: only in an async function or another comprehension
            // (which then becomes async too).
            let parent = self.cur();
            match parent.kind {
                ScopeKind::Function if parent.is_coroutine => {}
                ScopeKind::Comprehension => parent.is_coroutine = true,
                _ => return Err(self.err(node, "asynchronous comprehension outside of an asynchronous function")),
            }
        }
        Ok(())
    }

    fn expr(&mut self, e: &Expr) -> Res<()> {
        self.enter()?;
        let r = self.expr_inner(e);
        self.depth -= 1;
        r
    }

    fn expr_inner(&mut self, e: &Expr) -> Res<()> {
        match e {
            Expr::BoolOp(b) => {
                for v in &b.values {
                    self.expr(v)?;
                }
            }
            Expr::NamedExpr(n) => {
                self.expr(&n.value)?;
                if let Expr::Name(name) = &*n.target {
                    // Inside a comprehension the target binds in the nearest
                    // enclosing non-comprehension scope.
                    let idx = self.stack.iter().rposition(|s| s.kind != ScopeKind::Comprehension).unwrap();
                    if idx + 1 < self.stack.len() {
                        if self.stack[idx].kind == ScopeKind::Class {
                            return Err(self.err(e, "assignment expression within a comprehension cannot be used in a class body"));
                        }
                        let nm = name.id.as_str();
                        self.stack[idx].add(nm, flags::ASSIGNED);
                        for s in &mut self.stack[idx + 1..] {
                            s.add(nm, flags::NONLOCAL | flags::USED);
                        }
                        if self.stack[idx].kind == ScopeKind::Module {
                            for s in &mut self.stack[idx + 1..] {
                                if let Some(f) = s.symbols.get_mut(&*mangle(s.private.as_deref(), nm)) {
                                    *f = (*f & !flags::NONLOCAL) | flags::GLOBAL;
                                }
                            }
                        }
                    } else {
                        self.bind(name.id.as_str(), &*n.target)?;
                    }
                }
            }
            Expr::BinOp(b) => {
                self.expr(&b.left)?;
                self.expr(&b.right)?;
            }
            Expr::UnaryOp(u) => self.expr(&u.operand)?,
            Expr::Lambda(l) => {
                self.param_exprs(&l.args)?;
                self.push(ScopeKind::Lambda, "<lambda>", e);
                self.params(&l.args)?;
                self.expr(&l.body)?;
                self.pop();
            }
            Expr::IfExp(i) => {
                self.expr(&i.test)?;
                self.expr(&i.body)?;
                self.expr(&i.orelse)?;
            }
            Expr::Dict(d) => {
                for k in d.keys.iter().flatten() {
                    self.expr(k)?;
                }
                for v in &d.values {
                    self.expr(v)?;
                }
            }
            Expr::Set(s) => {
                for v in &s.elts {
                    self.expr(v)?;
                }
            }
            Expr::ListComp(c) => self.comprehension("<listcomp>", &c.generators, &[&c.elt], e)?,
            Expr::SetComp(c) => self.comprehension("<setcomp>", &c.generators, &[&c.elt], e)?,
            Expr::DictComp(c) => self.comprehension("<dictcomp>", &c.generators, &[&c.key, &c.value], e)?,
            Expr::GeneratorExp(c) => self.comprehension("<genexpr>", &c.generators, &[&c.elt], e)?,
            Expr::Await(a) => {
                let (kind, is_coroutine) = (self.cur().kind, self.cur().is_coroutine);
                match kind {
                    ScopeKind::Function if is_coroutine => {}
                    ScopeKind::Comprehension => self.cur().is_coroutine = true,
                    ScopeKind::Function | ScopeKind::Lambda => return Err(self.err(e, "'await' outside async function")),
                    _ => return Err(self.err(e, "'await' outside function")),
                }
                self.expr(&a.value)?
            }
            Expr::Yield(y) => {
                self.check_yield(e)?;
                if let Some(v) = &y.value {
                    self.expr(v)?;
                }
            }
            Expr::YieldFrom(y) => {
                self.check_yield(e)?;
                if self.cur().is_coroutine {
                    return Err(self.err(e, "'yield from' inside async function"));
                }
                self.expr(&y.value)?;
            }
            Expr::Compare(c) => {
                // CPython's `check_compare`: `is` / `is not` with a literal
                // operand (after its constant folding: `-1`, `(1, 2)`) is
                // a SyntaxWarning, at the comparison's line (the first such
                // operator of a chain only).
                let mut left: &Expr = &c.left;
                for (op, right) in c.ops.iter().zip(&c.comparators) {
                    let msg = match op {
                        ast::CmpOp::Is => Some("\"is\" with a literal. Did you mean \"==\"?"),
                        ast::CmpOp::IsNot => Some("\"is not\" with a literal. Did you mean \"!=\"?"),
                        _ => None,
                    };
                    if let Some(msg) = msg {
                        if is_literal(left) || is_literal(right) {
                            let span = (e.range().start().into(), e.range().end().into());
                            super::warn((self.line_of)(span.0), span, msg);
                            break;
                        }
                    }
                    left = right;
                }
                self.expr(&c.left)?;
                for v in &c.comparators {
                    self.expr(v)?;
                }
            }
            Expr::Call(c) => {
                self.expr(&c.func)?;
                for a in &c.args {
                    self.expr(a)?;
                }
                for k in &c.keywords {
                    self.expr(&k.value)?;
                }
            }
            Expr::FormattedValue(f) => {
                self.expr(&f.value)?;
                if let Some(s) = &f.format_spec {
                    self.expr(s)?;
                }
            }
            Expr::JoinedStr(j) => {
                for v in &j.values {
                    self.expr(v)?;
                }
            }
            Expr::Constant(_) => {}
            Expr::Attribute(a) => self.expr(&a.value)?,
            Expr::Subscript(s) => {
                self.expr(&s.value)?;
                self.expr(&s.slice)?;
            }
            Expr::Starred(s) => self.expr(&s.value)?,
            Expr::Name(n) => match n.ctx {
                ast::ExprContext::Load => self.use_name(n.id.as_str()),
                _ => self.bind(n.id.as_str(), e)?,
            },
            Expr::List(l) => {
                for v in &l.elts {
                    self.expr(v)?;
                }
            }
            Expr::Tuple(t) => {
                for v in &t.elts {
                    self.expr(v)?;
                }
            }
            Expr::Slice(s) => {
                for v in [&s.lower, &s.upper, &s.step].into_iter().flatten() {
                    self.expr(v)?;
                }
            }
        }
        Ok(())
    }

    fn check_yield(&mut self, e: &Expr) -> Res<()> {
        match self.cur().kind {
            ScopeKind::Function | ScopeKind::Lambda => {
                self.cur().is_generator = true;
                Ok(())
            }
            ScopeKind::Comprehension => Err(self.err(e, "'yield' inside list comprehension")),
            _ => Err(self.err(e, "'yield' outside function")),
        }
    }
}

/// `outer` lists, innermost last, the names bound in enclosing function
/// scopes (as local variables that can become cells).
fn resolve_inner(scope: &mut Scope, outer: &[Vec<String>]) -> Res<Vec<String>> {
    // Names bound locally in this scope (candidates for cells).
    let is_func = scope.is_function_like();
    let mut local_bound: Vec<String> = Vec::new();
    for name in scope.order.clone() {
        let f = scope.flags(&name);
        if f & flags::GLOBAL != 0 {
            scope.resolved.insert(name.clone(), Resolution::Global);
        } else if f & flags::NONLOCAL != 0 {
            if !outer.iter().any(|o| o.contains(&name)) {
                let line = scope.directives.get(&name).copied().unwrap_or(scope.line);
                return Err(CompileError::syntax(&format!("no binding for nonlocal '{}' found", name), line));
            }
            scope.resolved.insert(name.clone(), Resolution::Free);
        } else if f & (flags::ASSIGNED | flags::PARAM) != 0 {
            if is_func {
                scope.resolved.insert(name.clone(), Resolution::Local);
                local_bound.push(name.clone());
            } else {
                scope.resolved.insert(name.clone(), Resolution::Name);
            }
        } else if outer.iter().any(|o| o.contains(&name)) {
            scope.resolved.insert(name.clone(), Resolution::Free);
        } else if is_func {
            scope.resolved.insert(name.clone(), Resolution::Global);
        } else {
            scope.resolved.insert(name.clone(), Resolution::Name);
        }
    }
    // Children see this scope's locals (function scopes only; class scopes
    // are skipped by name resolution of their methods).
    let mut child_outer: Vec<Vec<String>> = outer.to_vec();
    if is_func {
        let mut provided = local_bound.clone();
        // Free variables of this scope are also available to children.
        for (n, r) in &scope.resolved {
            if *r == Resolution::Free {
                provided.push(n.clone());
            }
        }
        child_outer.push(provided);
    }
    if scope.kind == ScopeKind::Class {
        // Methods can reach the implicit `__class__` cell.
        child_outer.push(vec!["__class__".to_string()]);
    }
    let mut needed_from_outside: Vec<String> = Vec::new();
    let mut children = std::mem::take(&mut scope.children);
    let mut class_cell_needed = false;
    for child in children.iter_mut() {
        let needs = resolve_inner(child, &child_outer)?;
        if child.needs_class_cell && scope.kind == ScopeKind::Class {
            class_cell_needed = true;
        }
        for n in needs {
            if n == "__class__" && scope.kind == ScopeKind::Class {
                class_cell_needed = true;
                continue;
            }
            match scope.resolved.get(&n).copied() {
                Some(Resolution::Local) | Some(Resolution::Cell) if is_func => {
                    scope.resolved.insert(n.clone(), Resolution::Cell);
                    let f = scope.symbols.get_mut(&n).unwrap();
                    *f |= flags::CAPTURED;
                }
                Some(Resolution::Free) => {
                    if !needed_from_outside.contains(&n) {
                        needed_from_outside.push(n.clone());
                    }
                }
                _ => {
                    // Passes through this scope (class scope or a function
                    // not using it itself).
                    if scope.kind == ScopeKind::Class && scope.resolved.contains_key(&n) {
                        // A class binding does not capture; the method's free
                        // variable comes from further out.
                    }
                    scope.add(&n, flags::FREE);
                    if is_func || !scope.resolved.contains_key(&n) || scope.resolved[&n] != Resolution::Name {
                        scope.resolved.insert(n.clone(), Resolution::Free);
                    }
                    if !needed_from_outside.contains(&n) {
                        needed_from_outside.push(n.clone());
                    }
                }
            }
        }
    }
    scope.children = children;
    if class_cell_needed {
        scope.needs_class_cell = true;
    }
    // A function using super()/__class__ needs `__class__` as a free variable.
    if is_func
        && scope.needs_class_cell
        && outer.iter().any(|o| o.iter().any(|n| n == "__class__"))
        && (!scope.resolved.contains_key("__class__") || scope.resolved["__class__"] == Resolution::Global)
    {
        scope.add("__class__", flags::FREE);
        scope.resolved.insert("__class__".to_string(), Resolution::Free);
    }
    for (n, r) in scope.resolved.iter() {
        if *r == Resolution::Free && !needed_from_outside.contains(n) {
            needed_from_outside.push(n.clone());
        }
    }
    needed_from_outside.sort();
    Ok(needed_from_outside)
}
