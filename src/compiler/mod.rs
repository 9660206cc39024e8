//! The compiler: AST → register bytecode (`bytecode::Instr`).
//!
//! Lua-style register allocation: a function's locals occupy the first
//! registers (parameters first), temporaries are allocated above them in
//! stack order and freed at the end of each statement. An expression is
//! compiled "into" a register; a local variable read needs no instruction at
//! all (its register is used directly as an operand).
//!
//! `symtable` decides how each name is resolved; `stmt` and `expr` emit code.

pub mod cache;
mod expr;
mod pattern;
mod stmt;
pub mod symtable;

/// The compiler's maps and sets (names, constants, scopes) are keyed by
/// the program's identifiers and small integers: a one-multiply hash
/// instead of SipHash, whose per-lookup cost was ~5% of compiling a
/// module (`import` compiles every module's source anew).
pub(crate) type Map<K, V> = std::collections::HashMap<K, V, crate::objects::keyhash::BuildKeyHasher>;
pub(crate) type Set<K> = std::collections::HashSet<K, crate::objects::keyhash::BuildKeyHasher>;
use std::rc::Rc;

use num_bigint::BigInt;
use rustpython_parser::ast::{self, Ranged};

use crate::bytecode::{code_flags, Cache, CodeObj, ExcEntry, Instr, Position, Reg};
use crate::objects::{PyRef, StrObj, Value};
use symtable::{Resolution, Scope, ScopeKind};

/// The message of the RecursionError for code nested too deep to compile
/// (a `CompileError` with it becomes a RecursionError, not a SyntaxError).
pub const RECURSION_MSG: &str = "maximum recursion depth exceeded during compilation";

thread_local! {
    static RECURSION_LIMIT: std::cell::Cell<usize> = const { std::cell::Cell::new(1000) };
}

/// Follows `sys.setrecursionlimit`.
pub fn set_recursion_limit(n: usize) {
    RECURSION_LIMIT.with(|c| c.set(n));
}

/// How deep statements and expressions may nest: CPython's symtable
/// allows three levels per unit of the recursion limit (3000 by default).
pub fn nesting_limit() -> usize {
    RECURSION_LIMIT.with(|c| c.get()).saturating_mul(3)
}

/// A compile-time error: becomes `SyntaxError` (or `IndentationError`; a
/// RecursionError with `RECURSION_MSG`).
#[derive(Debug, Clone)]
pub struct CompileError {
    pub msg: String,
    pub line: u32,
    /// 1-based column, 0 if unknown.
    pub col: u32,
    pub indentation: bool,
    /// The byte range of the offending node in the source, when known:
    /// gives `SyntaxError`'s `offset`/`end_lineno`/`end_offset`.
    pub span: Option<(u32, u32)>,
}

impl CompileError {
    pub fn syntax(msg: &str, line: u32) -> CompileError {
        CompileError { msg: msg.to_string(), line, col: 0, indentation: false, span: None }
    }
}

type Res<T> = Result<T, CompileError>;

#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    /// A module or `exec` source.
    Exec,
    /// A single expression (`eval`).
    Eval,
}

/// Maps byte offsets to 1-based line numbers.
pub struct LineIndex {
    starts: Vec<u32>,
    /// The source, for finding tokens between nodes.
    src: Box<[u8]>,
}

impl LineIndex {
    pub fn new(src: &str) -> LineIndex {
        let mut starts = vec![0];
        for (i, b) in src.bytes().enumerate() {
            if b == b'\n' {
                starts.push(i as u32 + 1);
            }
        }
        LineIndex { starts, src: src.as_bytes().into() }
    }
    /// The offset of the first character at or after `offset` that is not
    /// blank, a comment or a line continuation.
    pub fn next_token(&self, offset: u32) -> u32 {
        let mut i = offset as usize;
        while let Some(&b) = self.src.get(i) {
            match b {
                b' ' | b'\t' | b'\x0c' | b'\r' | b'\n' | b'\\' => i += 1,
                b'#' => {
                    while self.src.get(i).is_some_and(|&c| c != b'\n') {
                        i += 1;
                    }
                }
                _ => break,
            }
        }
        i as u32
    }
    /// The source byte at `offset` (0 past the end).
    pub fn byte_at(&self, offset: u32) -> u8 {
        self.src.get(offset as usize).copied().unwrap_or(0)
    }
    pub fn line(&self, offset: u32) -> u32 {
        match self.starts.binary_search(&offset) {
            Ok(i) => i as u32 + 1,
            Err(i) => i as u32,
        }
    }
    /// The source range `start..end` (byte offsets) as its start line and a
    /// `Position` (0-based byte columns).
    pub fn position(&self, start: u32, end: u32) -> (u32, Position) {
        let line = self.line(start);
        let end_line = self.line(end);
        let col = start - self.starts[(line - 1) as usize];
        let end_col = end - self.starts[(end_line - 1) as usize];
        (line, Position::new(line, col, end_line, end_col))
    }
    /// The offset where the line holding `offset` starts.
    pub fn line_start(&self, offset: u32) -> u32 {
        self.starts[(self.line(offset) - 1) as usize]
    }
    /// 1-based column of an offset.
    pub fn col(&self, offset: u32) -> u32 {
        let l = self.line(offset);
        offset - self.starts[(l - 1) as usize] + 1
    }
}

thread_local! {
    /// Compile-time warnings (CPython's `SyntaxWarning`s) with their lines,
    /// in source order: the VM issues them through `warnings` once the
    /// compilation has succeeded (`Vm::issue_compile_warnings`).
    static WARNINGS: std::cell::RefCell<Vec<CompileWarning>> = const { std::cell::RefCell::new(Vec::new()) };
}

/// A compile-time warning: its message, line and the byte range of the
/// node it is about (the `SyntaxError` it becomes under an `error` filter
/// points there).
#[derive(Clone, Debug)]
pub struct CompileWarning {
    pub msg: &'static str,
    pub line: u32,
    pub span: (u32, u32),
}

/// Records a compile-time warning at `line` about the node at `span`.
pub(crate) fn warn(line: u32, span: (u32, u32), msg: &'static str) {
    WARNINGS.with(|w| w.borrow_mut().push(CompileWarning { msg, line, span }));
}

/// Whether the last compilation gave warnings (kept for `take_warnings`).
pub fn has_warnings() -> bool {
    WARNINGS.with(|w| !w.borrow().is_empty())
}

/// The warnings of the last compilation (and forgets them).
pub fn take_warnings() -> Vec<CompileWarning> {
    WARNINGS.with(|w| std::mem::take(&mut *w.borrow_mut()))
}

/// Compiles a parsed module (or expression) into a code object.
pub fn compile_ast(module: &ast::Mod, source: &str, filename: &str, mode: Mode) -> Res<PyRef<CodeObj>> {
    compile_ast_with(module, source, filename, mode, false)
}

/// `compile_ast`, with module-level names looked up through the locals
/// mapping when `name_ops` (code for `exec`/`eval` with separate locals).
pub fn compile_ast_with(module: &ast::Mod, source: &str, filename: &str, mode: Mode, name_ops: bool) -> Res<PyRef<CodeObj>> {
    // (A failed compilation's warnings are not issued.)
    take_warnings();
    let index = LineIndex::new(source);
    let line_of = |o: u32| index.line(o);
    let filename: Rc<str> = Rc::from(filename);
    match (module, mode) {
        (ast::Mod::Module(m), Mode::Exec) => {
            let scope = symtable::analyze(&m.body, &line_of)?;
            let mut b = FuncBuilder::new(&scope, "<module>".into(), "<module>".into(), filename, &index, 1);
            b.name_ops = name_ops;
            b.module_body(&m.body)?;
            Ok(b.finish())
        }
        (ast::Mod::Expression(e), Mode::Eval) => {
            let scope = symtable::analyze_expr(&e.body, &line_of)?;
            let mut b = FuncBuilder::new(&scope, "<module>".into(), "<module>".into(), filename, &index, 1);
            b.name_ops = name_ops;
            b.set_line(&*e.body);
            let r = b.expr(&e.body)?;
            b.emit(Instr::Return { src: r });
            Ok(b.finish())
        }
        _ => Err(CompileError::syntax("unsupported compile mode", 1)),
    }
}

/// A forward-referenced instruction position.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub struct Label(usize);

/// Constants are deduplicated by value *and* type (`1`, `1.0`, `True` and
/// `-0.0` stay distinct).
#[derive(Hash, PartialEq, Eq)]
enum ConstKey {
    None,
    Bool(bool),
    Int(BigInt),
    Float(u64),
    Complex(u64, u64),
    Str(String),
    Bytes(Vec<u8>),
    Tuple(Vec<ConstKey>),
    Ellipsis,
    Unique(usize),
}

/// Compile-time record of an enclosing block that `return`, `break` and
/// `continue` must unwind through.
#[derive(Clone)]
enum FBlock<'a> {
    Loop {
        continue_label: Label,
        break_label: Label,
    },
    /// A `for` loop whose iterator register must be dropped on `break`.
    ForLoop {
        continue_label: Label,
        break_label: Label,
    },
    /// Inside `try` with a `finally` body to run on the way out.
    Finally {
        body: &'a [ast::Stmt],
        handler_depth: usize,
    },
    /// Inside an `except` (or `finally`-on-exception) handler: leave with `PopExcInfo`.
    Handler {
        name: Option<(String, Reg)>,
    },
    /// Inside an `except*` handler: `break`, `continue` and `return` may
    /// not leave it (a SyntaxError, as in CPython).
    ExceptStar,
    /// Inside `with`: leave by calling the exit function.
    With {
        exit: Reg,
        handler_depth: usize,
        /// `async with`: the exit is awaited.
        is_async: bool,
    },
}

/// A saved source location of the compiler (`FuncBuilder::loc`).
#[derive(Clone, Copy)]
pub(crate) struct Loc {
    line: u32,
    pos_line: u32,
    pos: Position,
}

pub struct FuncBuilder<'s> {
    scope: &'s Scope,
    name: String,
    qualname: String,
    filename: Rc<str>,
    index: &'s LineIndex,
    firstlineno: u32,
    instrs: Vec<Instr>,
    lines: Vec<u32>,
    /// Source columns of each instruction (`CodeObj::positions`).
    positions: Vec<Position>,
    /// The handler (label, exception register) active for each instruction.
    handler_of: Vec<Option<(Label, Reg)>>,
    consts: Vec<Value>,
    const_map: Map<ConstKey, u32>,
    names: Vec<PyRef<StrObj>>,
    name_map: Map<String, u32>,
    /// Registers of locals, cells and free variables.
    regs: Map<String, Reg>,
    varnames: Vec<String>,
    cellvars: Vec<(String, Reg)>,
    freevars: Vec<(String, Reg)>,
    nlocals: u16,
    next_reg: u32,
    max_reg: u32,
    labels: Vec<Option<u32>>,
    fixups: Vec<(usize, Label)>,
    handlers: Vec<(Label, Reg)>,
    fblocks: Vec<FBlock<'s>>,
    /// The `try` statement being compiled has `except*` clauses.
    star: bool,
    loop_counters: u16,
    cur_line: u32,
    /// The source range of the node being compiled (`cur_pos`, starting on
    /// line `cur_pos_line`): instructions emitted while `cur_line` is that
    /// line get it as their position, others none.
    cur_pos: Position,
    cur_pos_line: u32,
    /// Locals definitely bound at the current point (no unbound check needed).
    bound: Set<String>,
    flags: u32,
    argcount: u16,
    posonly: u16,
    kwonly: u16,
    docstring: Value,
    /// Children scopes by defining node offset.
    children: Map<u32, &'s Scope>,
    /// In a class body: the register holding the `__class__` cell.
    class_cell: Option<Reg>,
    /// Registers holding the small int operands of augmented assignments
    /// (loaded once by the prologue).
    inplace_ints: Map<i32, Reg>,
    /// The range of the generator expression about to be compiled when it
    /// is a call's only argument (it spans the call's parentheses).
    genexp_range: Option<(u32, u32)>,
    /// Module-level names go through the locals mapping (`LoadName`/
    /// `StoreName`), as `exec`/`eval` with a separate locals dict need.
    name_ops: bool,
}

impl<'s> FuncBuilder<'s> {
    fn new(scope: &'s Scope, name: String, qualname: String, filename: Rc<str>, index: &'s LineIndex, line: u32) -> Self {
        let mut b = FuncBuilder {
            scope,
            name,
            qualname,
            filename,
            index,
            firstlineno: line,
            instrs: Vec::new(),
            lines: Vec::new(),
            positions: Vec::new(),
            handler_of: Vec::new(),
            consts: Vec::new(),
            const_map: Map::default(),
            names: Vec::new(),
            name_map: Map::default(),
            regs: Map::default(),
            varnames: Vec::new(),
            cellvars: Vec::new(),
            freevars: Vec::new(),
            nlocals: 0,
            next_reg: 0,
            max_reg: 0,
            labels: Vec::new(),
            fixups: Vec::new(),
            handlers: Vec::new(),
            fblocks: Vec::new(),
            star: false,
            loop_counters: 0,
            cur_line: line,
            cur_pos: Position::NONE,
            cur_pos_line: 0,
            bound: Set::default(),
            flags: 0,
            argcount: 0,
            posonly: 0,
            kwonly: 0,
            docstring: Value::None,
            children: scope.children.iter().map(|c| (c.key, c)).collect(),
            class_cell: None,
            inplace_ints: Map::default(),
            genexp_range: None,
            name_ops: false,
        };
        b.assign_registers();
        b
    }

    /// Gives every local, cell and free variable its register: parameters
    /// first, then other locals in order of appearance, then free variables.
    fn assign_registers(&mut self) {
        let scope = self.scope;
        let add = |b: &mut Self, n: &str| {
            if !b.regs.contains_key(n) {
                let r = b.regs.len() as Reg;
                b.regs.insert(n.to_string(), r);
                b.varnames.push(n.to_string());
            }
        };
        if scope.is_function_like() {
            for p in &scope.params {
                add(self, p);
                self.bound.insert(p.clone());
            }
            for n in &scope.order {
                if matches!(scope.resolve(n), Resolution::Local | Resolution::Cell) {
                    add(self, n);
                }
            }
        }
        let mut cells: Vec<String> =
            scope.order.iter().filter(|n| scope.is_function_like() && scope.resolve(n) == Resolution::Cell).cloned().collect();
        cells.sort();
        for n in cells {
            let r = self.regs[&n];
            self.cellvars.push((n, r));
        }
        if scope.kind == ScopeKind::Class && scope.needs_class_cell {
            add(self, "__class__");
            let r = self.regs["__class__"];
            self.cellvars.push(("__class__".into(), r));
            self.class_cell = Some(r);
        }
        let mut frees: Vec<String> = scope
            .order
            .iter()
            .filter(|n| scope.resolve(n) == Resolution::Free || scope.flags(n) & symtable::flags::FREE != 0)
            .filter(|n| !(scope.kind == ScopeKind::Class && n.as_str() == "__class__" && scope.needs_class_cell))
            .cloned()
            .collect();
        frees.sort();
        frees.dedup();
        for n in frees {
            // A class body's own binding of a pass-through name keeps name
            // lookup; the free variable gets a register of its own.
            let key = if self.regs.contains_key(&n) && scope.kind == ScopeKind::Class { format!(".free.{}", n) } else { n.clone() };
            let r = match self.regs.get(&key) {
                Some(r) => *r,
                None => {
                    let r = self.regs.len() as Reg;
                    self.regs.insert(key.clone(), r);
                    self.varnames.push(n.clone());
                    r
                }
            };
            self.freevars.push((n, r));
        }
        self.nlocals = self.regs.len() as u16;
        self.next_reg = self.nlocals as u32;
        self.max_reg = self.next_reg;
    }

    // ----- emission -----

    /// Makes `node` the source of the next instructions: its start line
    /// and its range (for position markers).
    fn set_line(&mut self, node: &impl Ranged) {
        let r = node.range();
        self.set_range(r.start().into(), r.end().into());
    }

    /// `set_line` for the byte range `start..end`.
    fn set_range(&mut self, start: u32, end: u32) {
        let (line, pos) = self.index.position(start, end);
        self.cur_line = line;
        self.cur_pos_line = line;
        self.cur_pos = pos;
    }

    /// The current source location (line and range), to restore later.
    fn loc(&self) -> Loc {
        Loc { line: self.cur_line, pos_line: self.cur_pos_line, pos: self.cur_pos }
    }

    fn set_loc(&mut self, l: Loc) {
        self.cur_line = l.line;
        self.cur_pos_line = l.pos_line;
        self.cur_pos = l.pos;
    }

    /// Locates an attribute access: the `Attribute` node, but when it runs
    /// over several lines, from the attribute's name on its last line
    /// (CPython's `update_start_location_to_match_attr`, which subtracts
    /// the name's length in characters from the byte offset of its end).
    fn set_attr_loc(&mut self, a: &ast::ExprAttribute) {
        let r = a.range();
        self.set_attr_range(a, r.start().into(), r.end().into());
    }

    /// `start..end` located as `set_attr_loc` does for the attribute `a`.
    fn set_attr_range(&mut self, a: &ast::ExprAttribute, start: u32, end: u32) {
        let name_end: u32 = a.range().end().into();
        if self.index.line(start) != self.index.line(name_end) {
            let len = a.attr.as_str().chars().count() as u32;
            let line_start = self.index.line_start(name_end);
            // A name longer than its column: columns unknown, as CPython.
            let name_start = if name_end - line_start >= len { name_end - len } else { line_start };
            self.set_range(name_start, end);
            if name_end - line_start < len {
                self.cur_pos = Position::NONE;
            }
        } else {
            self.set_range(start, end);
        }
    }

    /// An `assert` fails at its test when that is a comparison, else at
    /// the statement (where CPython's `compiler_jump_if` leaves it).
    fn assert_loc(&mut self, test: &ast::Expr) {
        if let ast::Expr::Compare(_) = test {
            self.set_line(test);
        }
    }

    fn line_of(&self, node: &impl Ranged) -> u32 {
        self.index.line(node.range().start().into())
    }

    fn emit(&mut self, i: Instr) -> usize {
        self.instrs.push(i);
        self.lines.push(self.cur_line);
        self.positions.push(if self.cur_pos_line == self.cur_line { self.cur_pos } else { Position::NONE });
        self.handler_of.push(self.handlers.last().copied());
        self.instrs.len() - 1
    }

    fn new_label(&mut self) -> Label {
        self.labels.push(None);
        Label(self.labels.len() - 1)
    }

    fn bind_label(&mut self, l: Label) {
        self.labels[l.0] = Some(self.instrs.len() as u32);
    }

    fn here(&self) -> u32 {
        self.instrs.len() as u32
    }

    /// Emits a jump-like instruction whose target is `l`.
    fn emit_jump(&mut self, i: Instr, l: Label) {
        let at = self.emit(i);
        self.fixups.push((at, l));
    }

    fn jump(&mut self, l: Label) {
        self.emit_jump(Instr::Jump { target: 0 }, l);
    }

    fn alloc(&mut self) -> Reg {
        let r = self.next_reg;
        self.next_reg += 1;
        if self.next_reg > self.max_reg {
            self.max_reg = self.next_reg;
        }
        r as Reg
    }

    /// Allocates `n` consecutive registers.
    fn alloc_n(&mut self, n: usize) -> Reg {
        let r = self.next_reg;
        for _ in 0..n {
            self.alloc();
        }
        r as Reg
    }

    fn free_to(&mut self, mark: u32) {
        self.next_reg = mark;
    }

    fn mark(&self) -> u32 {
        self.next_reg
    }

    fn is_local_reg(&self, r: Reg) -> bool {
        (r as u32) < self.nlocals as u32
    }

    fn add_const_keyed(&mut self, key: ConstKey, v: Value) -> u32 {
        if let Some(i) = self.const_map.get(&key) {
            return *i;
        }
        let i = self.consts.len() as u32;
        self.consts.push(v);
        self.const_map.insert(key, i);
        i
    }

    fn add_const(&mut self, c: &ast::Constant) -> u32 {
        let (key, v) = const_value(c);
        self.add_const_keyed(key, v)
    }

    fn add_str_const(&mut self, s: &str) -> u32 {
        self.add_const_keyed(ConstKey::Str(s.to_string()), Value::str(s))
    }

    fn add_unique_const(&mut self, v: Value) -> u32 {
        let i = self.consts.len();
        self.add_const_keyed(ConstKey::Unique(i), v)
    }

    fn name_idx(&mut self, n: &str) -> u32 {
        if let Some(i) = self.name_map.get(n) {
            return *i;
        }
        let i = self.names.len() as u32;
        self.names.push(crate::objects::str::intern(n));
        self.name_map.insert(n.to_string(), i);
        i
    }

    fn err(&self, node: &impl Ranged, msg: &str) -> CompileError {
        let off: u32 = node.range().start().into();
        let span = Some((off, node.range().end().into()));
        CompileError { msg: msg.to_string(), line: self.index.line(off), col: self.index.col(off), indentation: false, span }
    }

    /// Finishes the code object.
    fn finish(mut self) -> PyRef<CodeObj> {
        // Patch jump targets.
        for (at, l) in std::mem::take(&mut self.fixups) {
            let t = self.labels[l.0].expect("unbound label");
            set_target(&mut self.instrs[at], t);
        }
        // Exception table: runs of instructions sharing a handler.
        let mut table = Vec::new();
        let mut i = 0;
        while i < self.handler_of.len() {
            if let Some((l, reg)) = self.handler_of[i] {
                let start = i;
                while i < self.handler_of.len() && self.handler_of[i] == Some((l, reg)) {
                    i += 1;
                }
                table.push(ExcEntry { start: start as u32, end: i as u32, handler: self.labels[l.0].unwrap(), exc_reg: reg });
            } else {
                i += 1;
            }
        }
        if self.scope.is_generator {
            self.flags |= code_flags::GENERATOR;
            if self.scope.is_coroutine {
                self.flags |= code_flags::ASYNC_GENERATOR;
            }
        } else if self.scope.is_coroutine {
            self.flags |= code_flags::GENERATOR | code_flags::COROUTINE;
        }
        let n = self.instrs.len();
        let nregs = self.max_reg.max(1);
        PyRef::new(CodeObj {
            name: self.name,
            qualname: self.qualname,
            filename: self.filename,
            firstlineno: self.firstlineno,
            instrs: self.instrs.into_boxed_slice(),
            lines: self.lines.into_boxed_slice(),
            positions: self.positions.into_boxed_slice(),
            consts: self.consts.into_boxed_slice(),
            names: self.names.into_boxed_slice(),
            nregs: nregs.min(u16::MAX as u32) as u16,
            argcount: self.argcount,
            posonlyargcount: self.posonly,
            kwonlyargcount: self.kwonly,
            flags: self.flags,
            varnames: self.varnames.into_boxed_slice(),
            cellvars: self.cellvars.into_boxed_slice(),
            freevars: self.freevars.into_boxed_slice(),
            exc_table: table.into_boxed_slice(),
            docstring: self.docstring,
            caches: std::cell::UnsafeCell::new(vec![Cache::default(); n].into_boxed_slice()),
            loop_counters: (0..self.loop_counters).map(|_| std::cell::Cell::new(0)).collect(),
            entry_count: std::cell::Cell::new(0),
            jit_fn: std::cell::Cell::new(0),
            jit_entry: std::cell::Cell::new(0),
            builtin_frame: std::cell::Cell::new(false),
        })
    }

    fn check_regs(&self, node: &impl Ranged) -> Res<()> {
        if self.max_reg > u16::MAX as u32 - 16 {
            return Err(self.err(node, "too many registers needed (function too large)"));
        }
        Ok(())
    }

    // ----- names -----

    /// `name` mangled for the enclosing class (see `symtable::mangle`).
    fn mangled<'a>(&self, name: &'a str) -> std::borrow::Cow<'a, str> {
        symtable::mangle(self.scope.private.as_deref(), name)
    }

    /// Records that the local `name` is bound from here on.
    fn mark_bound(&mut self, name: &str) {
        let n = self.mangled(name).into_owned();
        self.bound.insert(n);
    }

    /// The index in the names table of an attribute name (mangled).
    fn attr_idx(&mut self, name: &str) -> u32 {
        let n = self.mangled(name).into_owned();
        self.name_idx(&n)
    }

    /// Emits a load of `name` into some register and returns it.
    fn load_name(&mut self, name: &str, node: &impl Ranged) -> Res<Reg> {
        let name = &*self.mangled(name);
        if self.scope.resolve(name) == Resolution::Local {
            let r = self.regs[name];
            if !self.bound.contains(name) {
                let n = self.name_idx(name);
                self.emit(Instr::CheckBound { reg: r, name: n });
            }
            return Ok(r);
        }
        let dst = self.alloc();
        self.load_name_into(name, dst, node)?;
        Ok(dst)
    }

    fn load_name_into(&mut self, name: &str, dst: Reg, _node: &impl Ranged) -> Res<()> {
        let name = &*self.mangled(name);
        match self.scope.resolve(name) {
            Resolution::Local => {
                let r = self.regs[name];
                if !self.bound.contains(name) {
                    let n = self.name_idx(name);
                    self.emit(Instr::CheckBound { reg: r, name: n });
                }
                if r != dst {
                    self.emit(Instr::Move { dst, src: r });
                }
            }
            Resolution::Cell | Resolution::Free => {
                let n = self.name_idx(name);
                if self.scope.kind == ScopeKind::Class {
                    let cell = self.free_reg(name);
                    self.emit(Instr::LoadClassDeref { dst, cell, name: n });
                } else {
                    let cell = self.regs[name];
                    self.emit(Instr::LoadDeref { dst, cell, name: n });
                }
            }
            Resolution::Global => {
                let n = self.name_idx(name);
                self.emit(Instr::LoadGlobal { dst, name: n });
            }
            Resolution::Name => {
                let n = self.name_idx(name);
                if self.scope.kind == ScopeKind::Module && !self.name_ops {
                    self.emit(Instr::LoadGlobal { dst, name: n });
                } else {
                    self.emit(Instr::LoadName { dst, name: n });
                }
            }
        }
        Ok(())
    }

    /// The register of a free variable passing through a class body.
    fn free_reg(&self, name: &str) -> Reg {
        let name = &*self.mangled(name);
        self.freevars.iter().find(|(n, _)| n == name).map(|(_, r)| *r).unwrap_or_else(|| self.regs[name])
    }

    /// `store_name` from a temporary that dies here: a local gets it
    /// with `Take` (the temporary keeps no second reference).
    fn store_name_take(&mut self, name: &str, src: Reg) {
        debug_assert!(!self.is_local_reg(src));
        let name = &*self.mangled(name);
        if self.scope.resolve(name) == Resolution::Local {
            let r = self.regs[name];
            self.emit(Instr::Take { dst: r, src });
            self.bound.insert(name.to_string());
        } else {
            self.store_name(name, src);
        }
    }

    fn store_name(&mut self, name: &str, src: Reg) {
        let name = &*self.mangled(name);
        match self.scope.resolve(name) {
            Resolution::Local => {
                let r = self.regs[name];
                if r != src {
                    self.emit(Instr::Move { dst: r, src });
                }
                self.bound.insert(name.to_string());
            }
            Resolution::Cell | Resolution::Free => {
                let cell = self.regs[name];
                self.emit(Instr::StoreDeref { cell, src });
            }
            Resolution::Global => {
                let n = self.name_idx(name);
                self.emit(Instr::StoreGlobal { src, name: n });
            }
            Resolution::Name => {
                let n = self.name_idx(name);
                if self.scope.kind == ScopeKind::Module && !self.name_ops {
                    self.emit(Instr::StoreGlobal { src, name: n });
                } else {
                    self.emit(Instr::StoreName { src, name: n });
                }
            }
        }
    }

    fn delete_name(&mut self, name: &str) {
        let name = &*self.mangled(name);
        let n = self.name_idx(name);
        match self.scope.resolve(name) {
            Resolution::Local => {
                let r = self.regs[name];
                self.emit(Instr::DeleteLocal { reg: r, name: n });
                self.bound.remove(name);
            }
            Resolution::Cell | Resolution::Free => {
                let cell = self.regs[name];
                self.emit(Instr::DeleteDeref { cell, name: n });
            }
            Resolution::Global => {
                self.emit(Instr::DeleteGlobal { name: n });
            }
            Resolution::Name => {
                if self.scope.kind == ScopeKind::Module && !self.name_ops {
                    self.emit(Instr::DeleteGlobal { name: n });
                } else {
                    self.emit(Instr::DeleteName { name: n });
                }
            }
        }
    }

    /// The register a local name lives in, if it is a plain local.
    fn local_reg(&self, name: &str) -> Option<Reg> {
        let name = &*self.mangled(name);
        if self.scope.resolve(name) == Resolution::Local {
            self.regs.get(name).copied()
        } else {
            None
        }
    }

    // ----- bodies -----

    fn module_body(&mut self, body: &'s [ast::Stmt]) -> Res<()> {
        if let Some(doc) = docstring(body) {
            let k = self.add_str_const(&doc);
            let r = self.alloc();
            self.emit(Instr::LoadConst { dst: r, k });
            self.store_name("__doc__", r);
            self.free_to(self.nlocals as u32);
        }
        self.prologue(body);
        self.stmts(body)?;
        self.emit(Instr::ReturnNone {});
        Ok(())
    }

    /// Creates cells for captured locals, and loads the small ints of
    /// augmented assignments in `body` (`i += 1`) into registers reserved for
    /// the whole function, so that each `+=` is one `InplaceOp`.
    fn prologue(&mut self, body: &[ast::Stmt]) {
        for (_, r) in self.cellvars.clone() {
            self.emit(Instr::MakeCell { reg: r });
        }
        let mut consts = Vec::new();
        collect_inplace_ints(body, &mut consts);
        for value in consts {
            if self.inplace_ints.contains_key(&value) {
                continue;
            }
            let r = self.alloc();
            self.nlocals = self.next_reg as u16;
            self.inplace_ints.insert(value, r);
            self.emit(Instr::LoadInt { dst: r, value });
        }
    }

    /// Compiles a nested function body (def, lambda) into a code object.
    /// (`co_firstlineno` is the line of the first decorator, if any, as
    /// in CPython: `inspect.getsource` starts there.)
    fn function_code(
        &mut self,
        node: &impl Ranged,
        decorators: &[ast::Expr],
        name: &str,
        args: &ast::Arguments,
        body: FunctionBody<'s>,
    ) -> Res<PyRef<CodeObj>> {
        let key: u32 = node.range().start().into();
        let scope = self.children.get(&key).copied().ok_or_else(|| self.err(node, "internal error: missing scope"))?;
        let qualname = self.child_qualname(name);
        let line = match decorators.first() {
            Some(d) => self.line_of(d),
            None => self.line_of(node),
        };
        let mut b = FuncBuilder::new(scope, name.to_string(), qualname, self.filename.clone(), self.index, line);
        b.argcount = (args.posonlyargs.len() + args.args.len()) as u16;
        b.posonly = args.posonlyargs.len() as u16;
        b.kwonly = args.kwonlyargs.len() as u16;
        if args.vararg.is_some() {
            b.flags |= code_flags::VARARGS;
        }
        if args.kwarg.is_some() {
            b.flags |= code_flags::VARKEYWORDS;
        }
        b.prologue(match body {
            FunctionBody::Stmts(stmts) => stmts,
            FunctionBody::Expr(_) => &[],
        });
        match body {
            FunctionBody::Stmts(stmts) => {
                if let Some(doc) = docstring(stmts) {
                    b.docstring = Value::str(&doc);
                }
                b.stmts(stmts)?;
                if !b.ends_with_return() {
                    b.cur_line = b.last_line_of(stmts);
                    b.emit(Instr::ReturnNone {});
                }
            }
            FunctionBody::Expr(e) => {
                b.set_line(e);
                let r = b.expr(e)?;
                b.emit(Instr::Return { src: r });
            }
        }
        b.check_regs(node)?;
        Ok(b.finish())
    }

    fn ends_with_return(&self) -> bool {
        matches!(self.instrs.last(), Some(Instr::Return { .. }) | Some(Instr::ReturnNone {}))
            && !self.labels.iter().any(|l| *l == Some(self.here()))
    }

    fn last_line_of(&self, stmts: &[ast::Stmt]) -> u32 {
        stmts.last().map(|s| self.index.line(s.range().end().into())).unwrap_or(self.cur_line)
    }

    fn child_qualname(&self, name: &str) -> String {
        match self.scope.kind {
            ScopeKind::Module => name.to_string(),
            ScopeKind::Class => format!("{}.{}", self.qualname, name),
            _ => format!("{}.<locals>.{}", self.qualname, name),
        }
    }

    /// Emits `MakeFunction` for a compiled child code object, with its
    /// defaults, keyword defaults, closure and annotations.
    fn make_function(
        &mut self,
        code: PyRef<CodeObj>,
        args: Option<&'s ast::Arguments>,
        returns: Option<&'s ast::Expr>,
        dst: Reg,
    ) -> Res<()> {
        let mark = self.mark();
        let base = self.alloc_n(4);
        // Positional defaults.
        let defaults: Vec<&ast::Expr> =
            args.map(|a| a.posonlyargs.iter().chain(a.args.iter()).filter_map(|d| d.default.as_deref()).collect()).unwrap_or_default();
        if defaults.is_empty() {
            self.emit(Instr::LoadNone { dst: base });
        } else {
            let start = self.alloc_n(defaults.len());
            for (i, d) in defaults.iter().enumerate() {
                self.expr_into(d, start + i as Reg)?;
            }
            self.emit(Instr::BuildTuple { dst: base, start, count: defaults.len() as u16 });
        }
        // Keyword-only defaults.
        let kwdefaults: Vec<(&str, &ast::Expr)> = args
            .map(|a| a.kwonlyargs.iter().filter_map(|d| d.default.as_deref().map(|e| (d.def.arg.as_str(), e))).collect())
            .unwrap_or_default();
        if kwdefaults.is_empty() {
            self.emit(Instr::LoadNone { dst: base + 1 });
        } else {
            let start = self.alloc_n(kwdefaults.len() * 2);
            for (i, (n, e)) in kwdefaults.iter().enumerate() {
                let k = self.add_str_const(n);
                self.emit(Instr::LoadConst { dst: start + 2 * i as Reg, k });
                self.expr_into(e, start + 2 * i as Reg + 1)?;
            }
            self.emit(Instr::BuildDict { dst: base + 1, start, count: kwdefaults.len() as u16 });
        }
        // Closure: the cells of the child's free variables.
        if code.freevars.is_empty() {
            self.emit(Instr::LoadNone { dst: base + 2 });
        } else {
            let n = code.freevars.len();
            let start = self.alloc_n(n);
            for (i, (name, _)) in code.freevars.iter().enumerate() {
                let src = if let Some(cell) = self.class_cell.filter(|_| name == "__class__") {
                    cell
                } else if self.scope.kind == ScopeKind::Class {
                    self.free_reg(name)
                } else {
                    *self
                        .regs
                        .get(name)
                        .ok_or_else(|| CompileError::syntax(&format!("internal error: no cell for '{}'", name), self.cur_line))?
                };
                self.emit(Instr::Move { dst: start + i as Reg, src });
            }
            self.emit(Instr::BuildTuple { dst: base + 2, start, count: n as u16 });
        }
        // Annotations.
        let mut ann: Vec<(String, &ast::Expr)> = Vec::new();
        if let Some(a) = args {
            for p in a
                .posonlyargs
                .iter()
                .chain(a.args.iter())
                .map(|p| &p.def)
                .chain(a.vararg.as_deref())
                .chain(a.kwonlyargs.iter().map(|p| &p.def))
                .chain(a.kwarg.as_deref())
            {
                if let Some(an) = &p.annotation {
                    ann.push((p.arg.to_string(), an));
                }
            }
        }
        if let Some(r) = returns {
            ann.push(("return".to_string(), r));
        }
        if ann.is_empty() {
            self.emit(Instr::LoadNone { dst: base + 3 });
        } else {
            let start = self.alloc_n(ann.len() * 2);
            for (i, (n, e)) in ann.iter().enumerate() {
                let k = self.add_str_const(n);
                self.emit(Instr::LoadConst { dst: start + 2 * i as Reg, k });
                self.expr_into(e, start + 2 * i as Reg + 1)?;
            }
            self.emit(Instr::BuildDict { dst: base + 3, start, count: ann.len() as u16 });
        }
        let k = self.add_unique_const(Value::Code(code));
        self.emit(Instr::MakeFunction { dst, code: k, args: base });
        self.free_to(mark);
        Ok(())
    }
}

pub enum FunctionBody<'a> {
    Stmts(&'a [ast::Stmt]),
    Expr(&'a ast::Expr),
}

/// The small int operands of the augmented assignments in `body`, outside
/// nested scopes.
fn collect_inplace_ints(body: &[ast::Stmt], out: &mut Vec<i32>) {
    for s in body {
        if let ast::Stmt::AugAssign(a) = s {
            if let Some(i) = stmt::small_int(&a.value) {
                out.push(i);
            }
        }
        for b in stmt::nested_blocks(s) {
            collect_inplace_ints(b, out);
        }
    }
}

/// The optimisation level of `-O` (1: assert statements are not compiled;
/// 2: docstrings neither), as `sys.flags.optimize` shows it. Set once by the
/// command line before anything is compiled.
static OPTIMIZE: std::sync::atomic::AtomicU8 = std::sync::atomic::AtomicU8::new(0);

/// Sets the `-O` level for every later compilation.
pub fn set_optimize(level: u8) {
    OPTIMIZE.store(level, std::sync::atomic::Ordering::Relaxed);
}

/// The `-O` level.
pub fn optimize() -> u8 {
    OPTIMIZE.load(std::sync::atomic::Ordering::Relaxed)
}

/// The docstring of a body, if its first statement is a string literal
/// (none under `-OO`).
fn docstring(body: &[ast::Stmt]) -> Option<String> {
    if optimize() >= 2 {
        return None;
    }
    if let Some(ast::Stmt::Expr(e)) = body.first() {
        if let ast::Expr::Constant(c) = &*e.value {
            if let ast::Constant::Str(s) = &c.value {
                return Some(s.clone());
            }
        }
    }
    None
}

fn const_value(c: &ast::Constant) -> (ConstKey, Value) {
    use ast::Constant as C;
    match c {
        C::None => (ConstKey::None, Value::None),
        C::Bool(b) => (ConstKey::Bool(*b), Value::Bool(*b)),
        C::Str(s) => (ConstKey::Str(s.clone()), Value::str(s)),
        C::Bytes(b) => {
            (ConstKey::Bytes(b.clone()), Value::Bytes(PyRef::new(crate::objects::BytesObj { data: b.clone().into_boxed_slice() })))
        }
        C::Int(i) => (ConstKey::Int(i.clone()), Value::from_bigint(i.clone())),
        C::Float(f) => (ConstKey::Float(f.to_bits()), Value::Float(*f)),
        C::Complex { real, imag } => (
            ConstKey::Complex(real.to_bits(), imag.to_bits()),
            Value::Complex(PyRef::new(crate::objects::ComplexObj { re: *real, im: *imag })),
        ),
        C::Tuple(items) => {
            let (keys, vals): (Vec<ConstKey>, Vec<Value>) = items.iter().map(const_value).unzip();
            (ConstKey::Tuple(keys), Value::tuple(vals))
        }
        C::Ellipsis => (ConstKey::Ellipsis, Value::Ellipsis),
    }
}

/// Sets the jump target of a branch instruction.
fn set_target(i: &mut Instr, t: u32) {
    match i {
        Instr::Jump { target }
        | Instr::Loop { target, .. }
        | Instr::JumpIfTrue { target, .. }
        | Instr::JumpIfFalse { target, .. }
        | Instr::CompareJump { target, .. }
        | Instr::CompareJumpInt { target, .. }
        | Instr::JumpIfNone { target, .. }
        | Instr::JumpIfNotNone { target, .. }
        | Instr::ForIter { target, .. }
        | Instr::JumpIfNotExcMatch { target, .. }
        | Instr::WithExceptExit { target, .. } => *target = t,
        other => panic!("not a jump: {:?}", other),
    }
}
